// Finding: something in data that loads but looks wrong (an item on a county list with no
// qualifying basis, a carve-out nobody could recognise …). Findings are values, never thrown.
#pragma once
#include <string>

namespace jianzheng {

/// How much a finding matters. JSON: "error", "warning", "info".
enum class Severity { error, warning, info };
const char* to_string(Severity s) noexcept;

/// One finding.
struct Finding {
  Severity severity = Severity::warning;  ///< How much it matters.
  std::string code;     ///< Stable snake_case, e.g. "by_committee_without_basis".
  std::string where;    ///< Item id, JSON pointer or row, e.g. "items/kinship".
  std::string message;  ///< Chinese or English sentence a clerk can act on.
  std::string clause;   ///< The clause it rests on, e.g. "2.1.1"; may be empty.
};

}  // namespace jianzheng

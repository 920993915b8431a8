#include "jianzheng/legal_basis.hpp"

#include "enum_names.hpp"

namespace jianzheng {
namespace {

constexpr detail::EnumNames<BasisLevel, 7> kBasisLevelNames{{
    {BasisLevel::law, "law"},
    {BasisLevel::administrative_regulation, "administrative_regulation"},
    {BasisLevel::local_regulation, "local_regulation"},
    {BasisLevel::state_council_retained_list, "state_council_retained_list"},
    {BasisLevel::departmental_rule, "departmental_rule"},
    {BasisLevel::policy_document, "policy_document"},
    {BasisLevel::unknown, "unknown"},
}};

}  // namespace

const char* to_string(BasisLevel v) noexcept { return kBasisLevelNames.name(v); }
std::optional<BasisLevel> basis_level_from_string(std::string_view s) noexcept { return kBasisLevelNames.parse(s); }

bool operator==(const LegalBasis& a, const LegalBasis& b) noexcept {
  return a.title == b.title && a.article == b.article && a.level == b.level &&
         a.text == b.text && a.issuer == b.issuer && a.document_number == b.document_number &&
         a.effective == b.effective;
}

}  // namespace jianzheng

// Clause: a numbered provision of the county programme (the policy), kept verbatim, with a
// stable ASCII id ("2.1.3") beside its Chinese path ("二（一）3"). Every decision cites
// clauses by id and carries their text.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace jianzheng {

/// One provision of the policy.
struct Clause {
  std::string id;    ///< Stable ASCII id, e.g. "2.1.3", "3.6", "annex.1".
  std::string path;  ///< The policy's own numbering, e.g. "二（一）3".
  std::string text;  ///< Verbatim text of the provision.
  std::string gist;  ///< A one-line English summary.
};

/// The clauses of one programme document, in document order.
class ClauseBook {
 public:
  ClauseBook() = default;
  /// The policy's clauses, compiled in from data/clauses.json.
  static const ClauseBook& embedded_default();
  /// Parses a clauses file (see docs/schemas/clauses.schema.json); throws Error.
  static ClauseBook from_json(std::string_view text, std::string_view origin = "<text>");

  /// The clause with this id, or nullptr.
  const Clause* find(std::string_view id) const noexcept;
  /// All clauses, in document order.
  const std::vector<Clause>& all() const noexcept { return clauses_; }
  /// The source document, e.g. the programme's title.
  const std::string& source() const noexcept { return source_; }

 private:
  std::vector<Clause> clauses_;
  std::string source_;
};

/// Canonical JSON of a clause book (the clauses file format): load → save → load is the
/// identity, and equal books give equal bytes.
std::string to_json(const ClauseBook& book);

}  // namespace jianzheng

// NameMatcher: finds the certificate item a free-text name means (docs/design.md §4 step 1,
// "Resolve"). A clerk types what the resident said, a platform passes what a form held:
// full-width or Traditional characters, pinyin, colloquial names from the alias table,
// a typo or look-alike character, or the name inside a sentence. The matcher answers with
// ranked candidates — or honestly with none: a certificate that is on no list (居住证明,
// 监护关系证明 …) must not be pulled onto one, so precision comes before recall.
// A matcher is built once from a catalog, never changes, and is shared across threads.
#pragma once
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "jianzheng/item.hpp"

namespace jianzheng {

class Catalog;

/// How a candidate matched. JSON: "exact", "alias", "traditional", "pinyin", "fuzzy",
/// "phrase".
enum class MatchHow {
  exact,        ///< The item's name (after folding width, case, spaces and punctuation).
  alias,        ///< An alias (seed or added), or a short form of the name (居民…, …状况…).
  traditional,  ///< The name or an alias written in Traditional characters.
  pinyin,       ///< Pinyin of the name or an alias, whole or initials (wfzjlzm).
  fuzzy,        ///< One wrong, homophone or look-alike character (亲属关糸证明).
  phrase,       ///< The name or an alias inside a sentence (麻烦开一下收入证明，贷款用), or
                ///< reworded: 的 or 人员 inserted (失业人员证明), its words swapped
                ///< (继承遗产的证明), described (开个老人还在世的证明, 母女关系证明).
};
/// The JSON name of a MatchHow, e.g. "pinyin".
const char* to_string(MatchHow how) noexcept;
/// The MatchHow of a JSON name, or nullopt.
std::optional<MatchHow> match_how_from_string(std::string_view name) noexcept;

/// Candidates scoring below this are not plausible: match() leaves them out, and
/// best() returns nothing rather than a guess. docs/names.md explains the scale.
inline constexpr double plausible_score = 0.7;

/// A plausible candidate at or above this score, with no rival for another item within
/// `rival_margin`, names its item on its own (Certainty::confident). Plausible candidates
/// that are not confident are put to the clerk as a question, never decided on. Exact names,
/// aliases, Traditional spellings, short forms, whole pinyin and names written out in a
/// sentence score above it; typos on names under 6 characters, initials, names shared by
/// several items (hyzkzm) and a vague alias without its context (表现证明) score below.
inline constexpr double confident_score = 0.85;
/// How close a candidate for another item may come to the best before the best is no
/// longer confident.
inline constexpr double rival_margin = 0.1;

/// How sure the matcher is of what free text names. JSON: "confident", "uncertain", "none".
enum class Certainty {
  confident,  ///< One item, with confidence: decide on it.
  uncertain,  ///< Plausible candidates, none confident: ask which is meant.
  none,       ///< Nothing plausible: the text names no item of the catalog.
};
/// The JSON name of a Certainty, e.g. "uncertain".
const char* to_string(Certainty certainty) noexcept;

/// The longest text match() accepts, in bytes (about 1 300 Han characters): a name or a
/// sentence around one, not a document.
inline constexpr std::size_t max_text_bytes = 4096;

/// One candidate.
struct Match {
  const Item* item = nullptr;  ///< The item, owned by the catalog the matcher was built from.
  std::string_view name;       ///< The item's name or alias that matched (catalog-owned).
  double score = 0;            ///< Confidence in [0, 1]; 1 is the exact name.
  MatchHow how = MatchHow::exact;  ///< How it matched.
};

/// What free text names (NameMatcher::resolve).
struct Resolution {
  Certainty certainty = Certainty::none;  ///< How sure.
  std::vector<Match> candidates;          ///< Plausible candidates, best first; when
                                          ///< confident, the first is the item.
  /// The confident match, or nullptr.
  const Match* confident() const noexcept {
    return certainty == Certainty::confident ? &candidates.front() : nullptr;
  }
};

/// Resolves free text to catalog items. Immutable after construction; copies share the
/// same tables; every member is safe to call from many threads at once.
class NameMatcher {
 public:
  /// Builds the tables for `catalog`'s items, names and aliases. The catalog must outlive
  /// the matcher (matches point into it).
  explicit NameMatcher(const Catalog& catalog);
  /// Builds the tables for a list of items (e.g. a survey's, or a test's). The items must
  /// outlive the matcher and not move.
  explicit NameMatcher(const std::vector<Item>& items);

  /// Plausible candidates (score >= plausible_score), best first, at most `max_results`;
  /// empty when nothing is plausible. An exact name or alias comes back alone.
  /// Throws Error(invalid_utf8) for text that is not UTF-8, Error(too_large) for text
  /// longer than max_text_bytes.
  std::vector<Match> match(std::string_view text, std::size_t max_results = 5) const;
  /// The best plausible candidate, or nullopt. Throws as match() does.
  std::optional<Match> best(std::string_view text) const;
  /// What the text names, with how sure the matcher is: the decision engine resolves free
  /// text through this, deciding on a confident item and asking about uncertain candidates.
  /// Unlike match(), the candidates include those shared by several items (hyzkzm: 婚姻状况证明
  /// and 婚育状况证明), which are always uncertain. Throws as match() does.
  Resolution resolve(std::string_view text, std::size_t max_results = 5) const;

  /// Number of folded names, aliases and short forms the matcher knows.
  std::size_t key_count() const noexcept;

 private:
  struct Tables;
  std::shared_ptr<const Tables> tables_;
};

/// The resolve answer as JSON (docs/design.md §8): {"query": TEXT, "matches": [{"item", "name",
/// "score", "how"}]}, best first, [] when nothing is plausible. Scores have 3 decimals.
std::string to_json(std::string_view query, const std::vector<Match>& matches);

/// Folds a name for comparison and joining (e.g. survey rows): NFKC (full-width letters and
/// digits, compatibility forms), case folding, white space, punctuation, brackets, quotes
/// and symbols removed, Traditional → Simplified. "《居民財產證明》 " → "居民财产证明".
/// Throws Error(invalid_utf8).
std::string normalize_name(std::string_view text);

}  // namespace jianzheng

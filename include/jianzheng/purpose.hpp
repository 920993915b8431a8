// Purpose (用途): what a certificate is for, as a resident says it, a clerk types it or a
// department letter writes it — read against the carve-outs (（…除外）) of 附件1, the
// situations in which a listed certificate may still be issued: 不动产登记 and 公证 for
// 亲属关系证明 (第1项), a lost marriage archive and adoption for 婚姻状况证明 (第8项) …
//
// Bare substrings are not enough: "结婚证丢了，补领结婚证" is not a lost marriage archive,
// "按照国家规定办理退休手续" is not 国家另有规定, "不是公证用，银行要" is not 公证, while
// "老人过世了，房子要过户到儿子名下" is 不动产登记 without saying so. The recogniser reads
// each carve-out's words (it states the situation), hints (it suggests it) and look-alikes
// (it resembles it and is not it) from the catalog, and a vocabulary of negation, doubt and
// community matters from data/purpose/vocabulary.json. It answers matched (apply the
// carve-out), possible (ask; never apply) or none, per carve-out.
// It shares the name matcher's text folding (width, case, Traditional → Simplified).
// A matcher is built once from a catalog, never changes, and is shared across threads.
#pragma once
#include <array>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "jianzheng/item.hpp"

namespace jianzheng {

class Catalog;

/// How a purpose reads against one carve-out. JSON: "matched", "possible", "none".
enum class PurposeCertainty {
  matched,   ///< The purpose states the carve-out's situation: it applies.
  possible,  ///< It suggests the situation, or states it with doubt: ask, never apply.
  none,      ///< Nothing of it, a negation, or only a look-alike.
};
/// The JSON name of a PurposeCertainty, e.g. "possible".
const char* to_string(PurposeCertainty certainty) noexcept;
/// Parses a PurposeCertainty name; nothing when it is not one.
std::optional<PurposeCertainty> purpose_certainty_from_string(std::string_view name) noexcept;

/// The reading of a purpose against one carve-out. The string views point into the
/// matcher (folded words), which must outlive the reading.
struct PurposeReading {
  const CarveOut* carve_out = nullptr;           ///< The carve-out (catalog-owned).
  PurposeCertainty certainty = PurposeCertainty::none;  ///< Matched, possible or none.
  std::array<std::string_view, 2> evidence{};    ///< The word(s) that stated or suggested it,
                                                 ///< as folded ("房子", "过户"); empty when none.
  std::array<std::string_view, 2> look_alike{};  ///< A look-alike found, its first parts
                                                 ///< ("补领", "结婚证"); empty when none.
  bool negated = false;         ///< A word of it was found, negated (不是…用, 不用于, 非…).
  bool doubtful = false;        ///< A word of it was found with a word of doubt (可能, 是否 …)
                                ///< in its sentence; or it was stated, but the purpose also
                                ///< negates it, or then gives another purpose as the
                                ///< requester's own (我这是…): it is only possible.
  bool slip = false;            ///< Only a slip of input suggested it: the purpose has a word
                                ///< one character off one of the carve-out's (公正处 for 公证处,
                                ///< 法律援组 for 法律援助), or typed in pinyin (shouyang), quoted
                                ///< in `evidence` as meant; possible only.

  /// Whether anything of the carve-out was found at all (a word, a hint, a negated word or
  /// a look-alike): the readings a decision reports.
  bool found() const noexcept {
    return certainty != PurposeCertainty::none || negated || !look_alike[0].empty();
  }
};

/// The general words of reading a purpose, from data/purpose/vocabulary.json (docs/purpose.md).
struct PurposeVocabulary {
  std::vector<std::string> negation_before;    ///< 不是, 不用于 …: negate a word after them in the clause.
  std::vector<std::string> negation_adjacent;  ///< 非: negates only a word right after it.
  std::vector<std::string> negation_after;     ///< 无关, 用不上 …: negate a word before them in the clause.
  std::vector<std::string> negation_reset;     ///< 是, 而是, 但 …: a negation does not reach past them.
  std::vector<std::string> doubt;              ///< 可能, 是否, 听说 …: a word in the same sentence is only possible.
  std::vector<std::string> question;           ///< 吗 …: a word in the same clause is only possible (so is
                                               ///< one in a clause ending with a question mark).
  std::vector<std::string> contrast;           ///< "我开|这次+是|为了" …: patterns of one or two parts (the
                                               ///< second after the first in one clause); a clause
                                               ///< with one gives the requester's own purpose, and a
                                               ///< carve-out stated only before it is only possible.
  std::vector<std::string> community;          ///< 集体, 公共, 小区 …: a community matter, where
                                               ///< 二（一）2 (public interest) can plausibly apply.

  /// The embedded vocabulary (data/purpose/vocabulary.json), parsed once.
  static const PurposeVocabulary& embedded_default();
};

/// Parses a vocabulary file ({"format": "jianzheng-purpose-vocabulary/1", …}); `origin`
/// names it in errors. Throws Error; all-or-nothing.
PurposeVocabulary parse_purpose_vocabulary(std::string_view json_text,
                                           std::string_view origin = "<text>");

/// The longest purpose read, in bytes (about 1 300 Han characters): a purpose or a
/// department letter's sentence, not a whole document.
inline constexpr std::size_t max_purpose_bytes = 4096;

/// Reads purposes against the carve-outs of catalog items. Immutable after construction;
/// copies share the same tables; every member is safe to call from many threads at once.
class PurposeMatcher {
 public:
  /// Builds the tables for the carve-outs of `catalog`'s items, recognised as its settings
  /// say (`carve_out_matching`: any_word reads words, hints and look-alikes; scenario reads
  /// only the scenario name). The catalog must outlive the matcher.
  explicit PurposeMatcher(const Catalog& catalog,
                          const PurposeVocabulary& vocabulary = PurposeVocabulary::embedded_default());
  /// Builds the tables for a list of items, which must outlive the matcher and not move.
  /// `scenario_only`: recognise only the scenario names (carve_out_matching: scenario).
  explicit PurposeMatcher(const std::vector<Item>& items, bool scenario_only = false,
                          const PurposeVocabulary& vocabulary = PurposeVocabulary::embedded_default());

  /// The reading of `purpose` against each carve-out of `item`, in the item's order (empty
  /// for an item without carve-outs). Validity is not checked here: an ended carve-out still
  /// reads matched, and the decision says it has ended. Throws Error(invalid_utf8) for text
  /// that is not UTF-8, Error(too_large) beyond max_purpose_bytes.
  std::vector<PurposeReading> read(const Item& item, std::string_view purpose) const;
  /// The same, written into `out` (at most `capacity` readings, the item's first carve-outs;
  /// `out` may be uninitialised storage); returns how many were written. Allocates nothing
  /// for text that needs no folding (plain Simplified Han, a–z, 0–9): the decision engine's
  /// path.
  std::size_t read(const Item& item, std::string_view purpose, PurposeReading* out,
                   std::size_t capacity) const;

  /// Whether the text names a community matter (a vocabulary `community` word, not negated):
  /// where 二（一）2's 公共利益 can plausibly apply. Throws as read() does.
  bool is_community_matter(std::string_view text) const;

 private:
  struct Tables;
  std::shared_ptr<const Tables> tables_;
};

}  // namespace jianzheng

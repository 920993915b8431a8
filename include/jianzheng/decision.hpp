// Decision (处理结论): what the committee does with a request, and why, in the policy's own
// words (docs/design.md §4, §8). A decision is cheap to make and to copy: it refers to the catalog's
// items, routes and carve-outs and to the ClauseBook's clauses by pointer, and its lists
// live inline. It therefore stays valid only while the Engine that made it lives.
// The explanation paragraph is built on demand by explain(), never during decide().
// Admission (准入, 二（三）4) and Supervision (监督, 二（三）6) are the answers to the two other
// questions the same core decides.
#pragma once
#include <array>
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <new>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>

#include "jianzheng/catalog.hpp"
#include "jianzheng/clause.hpp"
#include "jianzheng/date.hpp"
#include "jianzheng/item.hpp"
#include "jianzheng/name_matcher.hpp"
#include "jianzheng/purpose.hpp"
#include "jianzheng/request.hpp"
#include "jianzheng/route.hpp"

namespace jianzheng {

namespace detail {
/// Throws std::length_error for a FixedList pushed past its capacity. Out of line, so that
/// push_back stays a few inlined instructions on the decision path.
[[noreturn]] void throw_fixed_list_full();
}  // namespace detail

/// A short list with inline storage and a fixed capacity, so a Decision never allocates.
/// The decision procedure bounds every list; pushing past the capacity is a bug, and it
/// throws std::length_error (an "internal" error at the C ABI) rather than drop an element:
/// a decision missing a clause or an open question must never be handed out.
/// The storage is not initialised: a Decision is about 1 KB of such lists, and zeroing it on
/// every decision would cost more than deciding. Only elements [0, size()) are ever read;
/// elements are trivially copyable, so copying a list copies its bytes.
template <class T, std::size_t N>
class FixedList {
  static_assert(std::is_trivially_copyable<T>::value && std::is_trivially_destructible<T>::value,
                "FixedList holds plain values");
  static_assert(N <= 255, "the size is kept in one byte");

 public:
  using value_type = T;                ///< Element type.
  using const_iterator = const T*;     ///< Iterator.
  /// Appends one element; throws std::length_error when the list is full.
  void push_back(const T& value) {
    if (size_ >= N) detail::throw_fixed_list_full();
    new (&storage_.items[size_++]) T(value);
  }
  /// Number of elements.
  std::size_t size() const noexcept { return size_; }
  /// Whether there are none.
  bool empty() const noexcept { return size_ == 0; }
  /// The capacity.
  static constexpr std::size_t capacity() noexcept { return N; }
  /// Element i (i < size()).
  const T& operator[](std::size_t i) const noexcept { return storage_.items[i]; }
  /// First element.
  const T* begin() const noexcept { return storage_.items; }
  /// Past the last element.
  const T* end() const noexcept { return storage_.items + size_; }
  /// Removes all elements.
  void clear() noexcept { size_ = 0; }

 private:
  union Storage {
    Storage() noexcept {}  // leaves the elements uninitialised
    T items[N];
  } storage_;
  std::uint8_t size_ = 0;
};

/// The seven outcomes of docs/design.md §4. JSON: the snake_case names.
enum class Outcome {
  must_issue,                   ///< 二（一）1: 应当依法出具.
  issue_after_deliberation,     ///< 二（一）2: 议事协商、讨论同意、负责人签字后出具.
  issue_transitional,           ///< 二（一）3: 据实出具 (a batch-1 item, in transition).
  issue_after_risk_assessment,  ///< 二（一）4: 调查核实、议事协商、充分评估并预先防范后出具.
  issue_for_stated_purpose,     ///< 附件1 （…除外）: only for the stated purpose.
  refuse,                       ///< 二（二）1 and the duties rule: 不予出具.
  refuse_redirect,              ///< 二（二）2: 不予出具, with the list's route (办事途径).
};
/// The stable JSON name of an outcome.
const char* to_string(Outcome outcome) noexcept;
/// Parses an outcome name; nothing when it is not one.
std::optional<Outcome> outcome_from_string(std::string_view name) noexcept;
/// Whether the committee issues the certificate (all outcomes but refuse, refuse_redirect).
bool is_issuing(Outcome outcome) noexcept;

/// The rules of docs/design.md §4, in the order they are tried. JSON: the snake_case names.
enum class Rule {
  resolve,          ///< 1. Which item is asked for.
  carve_out,        ///< 2. 附件1 （…除外）.
  transition,       ///< 3. 二（一）3.
  listed,           ///< 4. 二（二）2.
  public_interest,  ///< 5. 二（一）2.
  basis,            ///< 6. 二（一）1 / 二（二）1.
  duties,           ///< 7. 二（一）1, 二（三）4.
  legal_risk,       ///< 8. 二（一）4.
  must_issue,       ///< 9. 二（一）1.
};
/// The stable JSON name of a rule.
const char* to_string(Rule rule) noexcept;
/// The clause id a rule decides by when it fires: "annex.1" for carve_out and listed's
/// 附件1, "2.1.3", "2.2.2", "2.1.2", "2.2.1", "2.1.1", "2.1.4", "2.1.1"; "" for resolve.
/// (listed → "2.2.2", carve_out → "annex.1".)
const char* clause_of(Rule rule) noexcept;

/// A step the committee must take before issuing. JSON: the snake_case names.
enum class Step {
  state_purpose,          ///< 附件1 （…除外）: state the purpose on the certificate.
  organise_deliberation,  ///< 二（一）2: 组织居民群众议事协商.
  residents_agree,        ///< 二（一）2: 经居民群众讨论同意.
  head_signs,             ///< 二（一）2: 由基层群众性自治组织负责人签字.
  investigate,            ///< 二（一）4: 详细调查核实情况.
  deliberate,             ///< 二（一）4: 采取灵活多样方式组织居民群众议事协商.
  assess_and_prevent,     ///< 二（一）4: 予以充分评估并预先防范.
};
/// The stable JSON name of a step.
const char* to_string(Step step) noexcept;
/// The clause id a step comes from, e.g. "2.1.2"; "annex.1" for state_purpose.
const char* clause_of(Step step) noexcept;

/// A marker on a decision. JSON: the snake_case names.
enum class Flag {
  propose_amendment,  ///< 二（三）4: a basis exists but the committee cannot carry it (提请修改).
};
/// The stable JSON name of a flag.
const char* to_string(Flag flag) noexcept;

/// The language of human text.
enum class Language { zh, en };

/// What a step asks, in the policy's words (zh) or in English.
const char* describe(Step step, Language language = Language::zh) noexcept;
/// A fact as a clerk would name it, e.g. "属于职责范围".
const char* describe(Fact fact, Language language = Language::zh) noexcept;
/// An outcome as a clerk would name it, e.g. "不予出具".
const char* describe(Outcome outcome, Language language = Language::zh) noexcept;

/// 二（三）5: when an issued certificate is due. JSON "kind": "on_the_spot" | "working_days".
enum class TimeLimitKind { on_the_spot, working_days };
/// The stable JSON name of a time-limit kind.
const char* to_string(TimeLimitKind kind) noexcept;

/// 二（三）5: 简单证明当场办结、复杂证明限时办结.
struct TimeLimit {
  TimeLimitKind kind = TimeLimitKind::on_the_spot;  ///< On the spot, or within working days.
  int working_days = 0;        ///< The limit, for working_days; 0 otherwise.
  std::optional<Date> due;     ///< Due date: request date + working_days on the work calendar.
  /// Why `due` is absent although the request has a date (e.g. the date is outside the
  /// calendar's coverage); nullptr otherwise. A static string.
  const char* note = nullptr;
};

/// The bit of a fact in a set of facts (OpenQuestion::together_with).
constexpr std::uint8_t fact_bit(Fact fact) noexcept {
  return static_cast<std::uint8_t>(1u << static_cast<unsigned>(fact));
}

/// A fact whose yes could change the outcome (docs/design.md §4 open_questions).
struct OpenQuestion {
  Fact fact = Fact::within_duties;           ///< The unknown fact.
  Outcome outcome_if_yes = Outcome::refuse;  ///< An outcome answering it yes could lead to.
  /// The other unknown facts that must be answered yes as well for that outcome (fact_bit
  /// of each); 0 when this fact's yes alone leads there. Conditions that must all hold
  /// are put to the clerk together (二（一）3: 三项均为"是"时…).
  std::uint8_t together_with = 0;
};

/// Where the purpose read against the item's carve-outs came from. JSON: the snake_case
/// names.
enum class PurposeSource {
  none,       ///< Nothing was read: no purpose, or the item has no carve-outs.
  purpose,    ///< The request's purpose, read by the purpose recogniser.
  text,       ///< The request's free text (it named the certificate and gave no purpose).
  carve_out,  ///< The request's explicit carve_out: nothing was read.
};
/// The stable JSON name of a purpose source.
const char* to_string(PurposeSource source) noexcept;

/// A carve-out the purpose may be (a possible reading): never applied until the clerk
/// confirms it (docs/decisions-engine.md). JSON: "purpose_questions".
struct PurposeQuestion {
  const CarveOut* carve_out = nullptr;  ///< The carve-out asked about (catalog-owned).
  /// The outcome a yes could lead to: issue_for_stated_purpose when within_duties and
  /// verifiable may still be yes, refuse when one of them is no.
  Outcome outcome_if_yes = Outcome::issue_for_stated_purpose;
  /// Unknown facts that must be yes as well for that outcome (fact_bit of each).
  std::uint8_t together_with = 0;
};

/// An item free text may name, when the name matcher is not confident (docs/names.md), with
/// the outcome the request would have if the clerk confirms it.
struct ItemCandidate {
  const Item* item = nullptr;           ///< The candidate (catalog-owned).
  double score = 0;                     ///< The name matcher's score, in [0, 1].
  MatchHow how = MatchHow::exact;       ///< How it matched.
  Outcome outcome = Outcome::refuse;    ///< The outcome if it is this item.
  Rule rule = Rule::resolve;            ///< The rule that would decide it (clause_of(rule)).
  const CarveOut* carve_out = nullptr;  ///< The carve-out its purpose matches, if any.
};

/// One rule tried, in order. `why` is a static sentence (Chinese, and `why_en` English).
struct TraceEntry {
  Rule rule = Rule::resolve;     ///< The rule.
  bool fired = false;            ///< Whether it decided the outcome.
  const char* why = "";          ///< Why it fired or not, in Chinese (static string).
  const char* why_en = "";       ///< The same in English (static string).
};

/// What the decision rests on: the catalog, its hash, the engine, the as-of date.
struct Receipt {
  std::string_view catalog;         ///< Catalog::id() of the composition used.
  std::string_view catalog_sha256;  ///< SHA-256 (hex) of to_json(catalog), computed once.
  const char* engine = "";          ///< The library version.
  Date as_of;                       ///< The date the catalog was taken as of.
};

/// Where the qualifying basis (二（一）1) came from, if any.
enum class BasisSource { none, item, requester };

/// The decision on one request (docs/design.md §8 "Decision"). Valid while its Engine lives.
struct Decision {
  Outcome outcome = Outcome::refuse;  ///< What the committee does.
  const Item* item = nullptr;         ///< The item; nullptr for text that matched nothing.
  FixedList<const Clause*, 6> clauses;  ///< Cited clauses, deciding clause first.
  const CarveOut* carve_out = nullptr;  ///< The carve-out applied, if any.
  const Route* route = nullptr;         ///< The route, for refuse_redirect.
  FixedList<Step, 8> steps;             ///< Steps required first, in order.
  FixedList<Flag, 2> flags;             ///< Markers such as propose_amendment.
  std::optional<TimeLimit> time_limit;  ///< 二（三）5, for issuing outcomes; none for refusals.
  FixedList<OpenQuestion, fact_count> open_questions;  ///< Unknown facts that matter.
  FixedList<TraceEntry, 10> trace;      ///< Every rule tried, in order.
  BasisSource basis = BasisSource::none;  ///< Where the qualifying basis came from.
  const LegalBasis* item_basis = nullptr; ///< The item's qualifying basis, when basis == item.
  Receipt receipt;                      ///< Catalog, hash, engine, as-of date.
  Facts facts;                          ///< The request's facts as answered (explanations
                                        ///< state a no as no, an unknown as not yet known).
  /// How sure the item is: confident (an id, or a name the matcher is sure of), uncertain
  /// (plausible candidates, none sure: `item` is nullptr and `candidates` lists them), or
  /// none (nothing plausible: an unlisted item).
  Certainty certainty = Certainty::confident;
  FixedList<ItemCandidate, 3> candidates;  ///< When uncertain: the candidates, best first.
  /// When uncertain: the outcome, and its rule, if the text names none of the candidates.
  Outcome outcome_if_none = Outcome::refuse;
  Rule rule_if_none = Rule::basis;      ///< See outcome_if_none.
  PurposeSource purpose_source = PurposeSource::none;  ///< What was read for carve-outs.
  /// What reading the purpose found, one entry per carve-out where something was found (a
  /// word, a hint, a negation, a look-alike), in the item's order. A matched carve-out
  /// that is not in force on the as-of date (法律援助 from 2022-01-01) is here and not in
  /// `carve_out`.
  FixedList<PurposeReading, 3> purpose;
  FixedList<PurposeQuestion, 3> purpose_questions;  ///< Carve-outs the purpose may be.
  const Provenance* list = nullptr;     ///< The list (catalog layer) a listed item is on,
                                        ///< for citing it by number (附件1第1项); else nullptr.

  /// The deciding clause (clauses[0]), or nullptr when none is cited.
  const Clause* deciding_clause() const noexcept { return clauses.empty() ? nullptr : clauses[0]; }
  /// A reading that matched a carve-out not in force on the as-of date, or nullptr.
  const PurposeReading* ended_carve_out() const noexcept {
    for (const PurposeReading& r : purpose)
      if (r.certainty == PurposeCertainty::matched && !r.carve_out->validity.contains(receipt.as_of)) return &r;
    return nullptr;
  }
};

/// One paragraph explaining the decision to a clerk, in Chinese or English.
[[nodiscard]] std::string explain(const Decision& decision, Language language = Language::zh);
/// Decision JSON exactly as docs/design.md §8 (one line when `compact`, else canonical pretty JSON);
/// route notes in force on the receipt's as-of date are included under "route"."notes".
[[nodiscard]] std::string to_json(const Decision& decision, Language language = Language::zh,
                    bool compact = false);

/// 二（三）4: whether a department may demand the certificate from committees.
enum class AdmissionOutcome { admitted, rejected };
/// The stable JSON name.
const char* to_string(AdmissionOutcome outcome) noexcept;

/// An item a demand's free text may name (the name matcher is not confident), and the
/// answer if the clerk confirms it.
struct AdmissionCandidate {
  const Item* item = nullptr;      ///< The candidate (catalog-owned).
  double score = 0;                ///< The name matcher's score.
  MatchHow how = MatchHow::exact;  ///< How it matched.
  AdmissionOutcome outcome = AdmissionOutcome::rejected;  ///< The answer if it is this item.
};

/// A carve-out a demand's purpose may be (a possible reading), and the answer if it is.
struct AdmissionPurposeQuestion {
  const CarveOut* carve_out = nullptr;                           ///< The carve-out asked about.
  AdmissionOutcome outcome_if_yes = AdmissionOutcome::rejected;  ///< The answer if it is.
};

/// The answer to a Demand (准入). Valid while its Engine lives.
struct Admission {
  AdmissionOutcome outcome = AdmissionOutcome::rejected;  ///< Admitted or rejected.
  const Item* item = nullptr;                 ///< The item; nullptr when unmatched.
  const CarveOut* carve_out = nullptr;        ///< The carve-out the purpose matched, if any.
  const Route* route = nullptr;               ///< For a listed item: where to go instead.
  FixedList<const Clause*, 5> clauses;        ///< Deciding clause first.
  FixedList<Flag, 2> flags;                   ///< propose_amendment when a basis exists but
                                              ///< the committee cannot carry it.
  FixedList<OpenQuestion, 2> open_questions;  ///< Unknown duties / verifiability that matter
                                              ///< (outcome_if_yes is must_issue: admitted).
  const char* why = "";                       ///< Static reason, Chinese.
  const char* why_en = "";                    ///< Static reason, English.
  Receipt receipt;                            ///< Catalog, hash, engine, as-of date.
  /// How sure the item is; when uncertain, `item` is nullptr, the demand is rejected until
  /// the item is confirmed, and `candidates` gives each candidate's answer.
  Certainty certainty = Certainty::confident;
  FixedList<AdmissionCandidate, 3> candidates;        ///< When uncertain, best first.
  PurposeSource purpose_source = PurposeSource::none;  ///< What was read for carve-outs.
  FixedList<PurposeReading, 3> purpose;               ///< What reading the purpose found.
  FixedList<AdmissionPurposeQuestion, 3> purpose_questions;  ///< Carve-outs it may be.
};
/// JSON: {"outcome", "item", "clauses", "carve_out", "route", "flags", "open_questions",
/// "why", "receipt", "item_question", "purpose_questions", "purpose"}.
[[nodiscard]] std::string to_json(const Admission& admission, Language language = Language::zh,
                    bool compact = false);

/// 二（三）6: whether a reported demand is unreasonable.
enum class SupervisionOutcome {
  reasonable,    ///< Not an unreasonable certificate.
  unreasonable,  ///< 不合理证明: 通报或公开曝光, 上级主管部门纠正.
  undetermined,  ///< Cannot be judged until the item or the purpose is confirmed: the
                 ///< candidates' verdicts differ. Nobody is notified on a guess.
};
/// The stable JSON name.
const char* to_string(SupervisionOutcome outcome) noexcept;

/// An item a complaint's free text may name (the name matcher is not confident), and the
/// verdict if the clerk confirms it.
struct SupervisionCandidate {
  const Item* item = nullptr;      ///< The candidate (catalog-owned).
  double score = 0;                ///< The name matcher's score.
  MatchHow how = MatchHow::exact;  ///< How it matched.
  SupervisionOutcome outcome = SupervisionOutcome::reasonable;  ///< The verdict if it is this item.
};

/// A carve-out a complaint's purpose may be, and the verdict if it is.
struct SupervisionPurposeQuestion {
  const CarveOut* carve_out = nullptr;                                  ///< The carve-out asked about.
  SupervisionOutcome outcome_if_yes = SupervisionOutcome::reasonable;  ///< The verdict if it is.
};

/// The answer to a Complaint (监督). Valid while its Engine lives.
struct Supervision {
  SupervisionOutcome outcome = SupervisionOutcome::reasonable;  ///< The verdict.
  const Item* item = nullptr;             ///< The item demanded; nullptr when unmatched.
  const CarveOut* carve_out = nullptr;    ///< A carve-out that makes a listed demand fair.
  const Route* route = nullptr;           ///< For a listed item: where the body should go.
  FixedList<const Clause*, 4> clauses;    ///< Deciding clause first.
  bool notify = false;                    ///< 通报或公开曝光, and 上级主管部门纠正.
  const char* why = "";                   ///< Static reason, Chinese.
  const char* why_en = "";                ///< Static reason, English.
  Receipt receipt;                        ///< Catalog, hash, engine, as-of date.
  /// How sure the item is; when uncertain, `item` is nullptr and `candidates` gives each
  /// candidate's verdict (undetermined when they differ).
  Certainty certainty = Certainty::confident;
  FixedList<SupervisionCandidate, 3> candidates;      ///< When uncertain, best first.
  PurposeSource purpose_source = PurposeSource::none;  ///< What was read for carve-outs.
  FixedList<PurposeReading, 3> purpose;               ///< What reading the purpose found.
  FixedList<SupervisionPurposeQuestion, 3> purpose_questions;  ///< Carve-outs it may be.
};
/// JSON: {"outcome", "item", "clauses", "carve_out", "route", "notify", "why", "receipt",
/// "item_question", "purpose_questions", "purpose"}.
[[nodiscard]] std::string to_json(const Supervision& supervision, Language language = Language::zh,
                    bool compact = false);

}  // namespace jianzheng

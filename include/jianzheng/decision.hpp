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
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "jianzheng/clause.hpp"
#include "jianzheng/date.hpp"
#include "jianzheng/item.hpp"
#include "jianzheng/request.hpp"
#include "jianzheng/route.hpp"

namespace jianzheng {

/// A short list with inline storage and a fixed capacity, so a Decision never allocates.
/// The decision procedure bounds every list; pushing past the capacity is a bug, and it
/// throws std::length_error (an "internal" error at the C ABI) rather than drop an element:
/// a decision missing a clause or an open question must never be handed out.
template <class T, std::size_t N>
class FixedList {
  static_assert(N <= 255, "the size is kept in one byte");

 public:
  using value_type = T;                ///< Element type.
  using const_iterator = const T*;     ///< Iterator.
  /// Appends one element; throws std::length_error when the list is full.
  void push_back(const T& value) {
    if (size_ >= N) throw std::length_error("FixedList: more elements than its capacity (a bug)");
    items_[size_++] = value;
  }
  /// Number of elements.
  std::size_t size() const noexcept { return size_; }
  /// Whether there are none.
  bool empty() const noexcept { return size_ == 0; }
  /// The capacity.
  static constexpr std::size_t capacity() noexcept { return N; }
  /// Element i (i < size()).
  const T& operator[](std::size_t i) const noexcept { return items_[i]; }
  /// First element.
  const T* begin() const noexcept { return items_.data(); }
  /// Past the last element.
  const T* end() const noexcept { return items_.data() + size_; }
  /// Removes all elements.
  void clear() noexcept { size_ = 0; }

 private:
  std::array<T, N> items_{};
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

/// A fact whose yes could change the outcome (docs/design.md §4 open_questions).
struct OpenQuestion {
  Fact fact = Fact::within_duties;           ///< The unknown fact.
  Outcome outcome_if_yes = Outcome::refuse;  ///< An outcome answering it yes could lead to.
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

  /// The deciding clause (clauses[0]), or nullptr when none is cited.
  const Clause* deciding_clause() const noexcept { return clauses.empty() ? nullptr : clauses[0]; }
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
};
/// JSON: {"outcome", "item", "clauses", "carve_out", "route", "flags", "open_questions",
/// "why", "receipt"}.
[[nodiscard]] std::string to_json(const Admission& admission, Language language = Language::zh,
                    bool compact = false);

/// 二（三）6: whether a reported demand is unreasonable.
enum class SupervisionOutcome { reasonable, unreasonable };
/// The stable JSON name.
const char* to_string(SupervisionOutcome outcome) noexcept;

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
};
/// JSON: {"outcome", "item", "clauses", "carve_out", "route", "notify", "why", "receipt"}.
[[nodiscard]] std::string to_json(const Supervision& supervision, Language language = Language::zh,
                    bool compact = false);

}  // namespace jianzheng

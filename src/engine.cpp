#include "jianzheng/engine.hpp"

#include <algorithm>
#include <exception>
#include <mutex>
#include <thread>
#include <unordered_map>

#include "decide_core.hpp"
#include "jianzheng/error.hpp"
#include "jianzheng/version.hpp"
#include "sha256.hpp"
#include "text/utf8.hpp"

#include "jianzheng/name_matcher.hpp"
#include "jianzheng/work_calendar.hpp"

namespace jianzheng {

namespace detail {

const OpenList& open_questions(ItemClass c, bool needs_basis, unsigned yes, unsigned unknown) noexcept {
  // Every case computed once (8192 entries, ~100 KB): decisions then only look up.
  struct Table {
    OpenList lists[item_class_count][2][1u << fact_count][1u << fact_count];
    Table() {
      for (unsigned ci = 0; ci < item_class_count; ++ci)
        for (unsigned s = 0; s < 2; ++s)
          for (unsigned y = 0; y <= all_fact_bits; ++y)
            for (unsigned u = 0; u <= all_fact_bits; ++u) {
              if (y & u) continue;  // a fact is yes or unknown, not both
              OpenList& list = lists[ci][s][y][u];
              find_open_questions(static_cast<ItemClass>(ci), s != 0, y, u,
                                  [&](const OpenQuestion& q) { list.push_back(q); });
            }
    }
  };
  static const Table* table = new Table();  // never freed: used until exit by any thread
  return table->lists[static_cast<unsigned>(c)][needs_basis ? 1 : 0][yes][unknown];
}

}  // namespace detail

namespace {

// The clauses decisions cite, looked up once per engine.
enum ClauseRef : unsigned {
  c_2_1_1, c_2_1_2, c_2_1_3, c_2_1_4, c_2_2_1, c_2_2_2, c_2_3_4, c_2_3_5, c_2_3_6, c_annex_1,
  clause_ref_count
};
constexpr const char* kClauseIds[clause_ref_count] = {
    "2.1.1", "2.1.2", "2.1.3", "2.1.4", "2.2.1", "2.2.2", "2.3.4", "2.3.5", "2.3.6", "annex.1"};

// Static reasons for the trace: Chinese and English, never formatted per decision.
struct Why {
  const char* zh;
  const char* en;
};
constexpr Why kResolvedById{"按事项编号确定证明事项", "the item was given by id"};
constexpr Why kResolvedByText{"按名称匹配到证明事项", "the text matched a listed item by name"};
constexpr Why kUnmatched{"名称未匹配任何证明事项，按未列入清单、无已知依据的事项处理",
                         "the text matched no item: an unlisted item with no known basis"};
constexpr Why kNotListed{"事项不在不应出具证明事项清单上，本规则不适用",
                         "the item is not on a no-issue list: the rule does not apply"};
constexpr Why kNoCarveOut{"用途未匹配本事项清单所列的除外情形",
                          "the purpose matches none of the item's carve-outs"};
constexpr Why kCarveOutIssue{"用途属于本事项的除外情形，且属于职责范围、能够核实：注明用途后出具",
                             "the purpose is a carve-out of the item, within duties and verifiable: issue for that purpose"};
constexpr Why kCarveOutRefuse{"用途属于本事项的除外情形，但未确认属于职责范围且能够核实：不予出具",
                              "the purpose is a carve-out of the item, but it is not confirmed within duties and verifiable: do not issue"};
constexpr Why kTransitionFired{"过渡期仍需办理，属于职责范围且能够核实：据实出具（二（一）3）",
                               "still needed in transition, within duties and verifiable: issue truthfully (2.1.3)"};
constexpr Why kTransitionNot{"过渡期仍需办理、属于职责范围、能够核实未全部确认为是",
                             "transitional need, duties and verifiability are not all yes"};
constexpr Why kListedFired{"列入不应出具证明事项清单（第一批）：一般情况下不予出具，告知办事途径（二（二）2）",
                           "on the no-issue list (batch 1): in general not issued; the route is given (2.2.2)"};
constexpr Why kPublicFired{"涉及公共利益或多数居民切身利益，且属于职责范围：议事协商、讨论同意、负责人签字后出具（二（一）2）",
                           "public interest and within duties: issue after deliberation, agreement and the head's signature (2.1.2)"};
constexpr Why kPublicNot{"涉及公共利益、属于职责范围未全部确认为是",
                         "public interest and duties are not both yes"};
constexpr Why kPublicNeedsBasis{"涉及公共利益且属于职责范围，但本清单设定公共利益事项也须有合格依据，本事项没有",
                                "public interest and within duties, but this catalog requires a qualifying basis for public-interest matters too, and there is none"};
constexpr Why kBasisNone{"没有合格层级的法律法规依据，也未经国务院批准列入保留证明事项清单：不予出具（二（二）1）",
                         "no basis of a qualifying level and not on the State Council's retained list: do not issue (2.2.1)"};
constexpr Why kBasisItem{"事项本身有合格层级的法律法规依据", "the item has a basis of a qualifying level"};
constexpr Why kBasisRequester{"申请方提供了合格层级的法律法规依据",
                              "the requester supplies a basis of a qualifying level"};
constexpr Why kDutiesNo{"有依据，但不属于职责范围或不能核实：不予出具，提请修改（二（三）4）",
                        "a basis exists, but the matter is outside the committee's duties or unverifiable: do not issue; propose an amendment (2.3.4)"};
constexpr Why kDutiesUnknown{"有依据，但属于职责范围、能够核实尚未确认为是：不予出具",
                             "a basis exists, but duties and verifiability are not yet confirmed: do not issue"};
constexpr Why kDutiesOk{"属于职责范围且能够核实", "within duties and verifiable"};
constexpr Why kRiskFired{"可能涉及法律风险：详细调查核实、议事协商、充分评估并预先防范后出具（二（一）4）",
                         "may carry legal risk: investigate, deliberate, assess and guard first (2.1.4)"};
constexpr Why kRiskNot{"未确认涉及法律风险", "no legal risk confirmed"};
constexpr Why kMustIssue{"有明确依据，属于职责范围且能够核实：应当依法出具（二（一）1）",
                         "a clear basis, within duties and verifiable: must issue (2.1.1)"};

constexpr const char* kDueOutsideCalendar =
    "请求日期超出工作日历覆盖范围，无法计算截止日期 (the request date is outside the work calendar's coverage)";
constexpr const char* kDueNoCalendar =
    "未提供工作日历，无法计算截止日期 (no work calendar: no due date)";

void trace(Decision& d, Rule rule, bool fired, const Why& why) {
  d.trace.push_back(TraceEntry{rule, fired, why.zh, why.en});
}

bool contains(std::string_view hay, std::string_view needle) {
  return !needle.empty() && hay.find(needle) != std::string_view::npos;
}

}  // namespace

[[noreturn]] void refuse_invalid_text(const Catalog& catalog) {
  for (const Item& item : catalog.items())
    if (!detail::is_valid_utf8(to_json(item)))
      throw Error(ErrorCode::invalid_utf8, "items/" + item.id,
                  "item \"" + item.id + "\" (layer \"" + item.layer + "\") has text that is not valid UTF-8");
  throw Error(ErrorCode::invalid_utf8, "catalog " + catalog.id(),
              "the catalog's layers carry text that is not valid UTF-8");
}

// One composed catalog, the interval it serves, its hash and its indexes.
struct EngineComposition {
  Date from;  // first day served (the first composition also serves every earlier day)
  Catalog catalog;
  std::string id;
  std::string sha256;
  std::unordered_map<std::string_view, const Item*> by_id;
  std::unordered_map<std::string_view, const Item*> by_name;  // exact names and aliases
  std::unique_ptr<NameMatcher> matcher;

  EngineComposition(Date from_day, Catalog composed) : from(from_day), catalog(std::move(composed)) {
    id = catalog.id();
    const std::string canonical = to_json(catalog);
    // Decision JSON writes the catalog's text without checking it again
    // (json/json_string.hpp): text that is not UTF-8 (only possible in layers built in code;
    // files are checked when read) is refused here, naming the item.
    if (!detail::is_valid_utf8(canonical)) refuse_invalid_text(catalog);
    sha256 = detail::sha256_hex(canonical);
    for (const Item& item : catalog.items()) {
      by_id.emplace(item.id, &item);
      by_name.emplace(item.name, &item);
    }
    // Aliases after names, so an item's own name wins a collision.
    for (const Item& item : catalog.items())
      for (const Alias& a : item.aliases) by_name.emplace(a.name, &item);
    matcher = std::make_unique<NameMatcher>(catalog);
  }
  EngineComposition(const EngineComposition&) = delete;
  EngineComposition& operator=(const EngineComposition&) = delete;
};

struct Engine::Impl {
  std::vector<CatalogLayer> layers;
  std::vector<std::unique_ptr<EngineComposition>> compositions;  // ascending `from`
  ClauseBook clauses;
  WorkCalendar calendar;
  bool has_calendar = false;
  const Clause* refs[clause_ref_count] = {};

  Impl(const std::vector<CatalogLayer>& layers_in, ClauseBook book, const WorkCalendar* cal)
      : layers(layers_in), clauses(std::move(book)) {
    if (cal) {
      calendar = *cal;
      has_calendar = true;
    }
    for (unsigned i = 0; i < clause_ref_count; ++i) {
      refs[i] = clauses.find(kClauseIds[i]);
      if (!refs[i])
        throw Error(ErrorCode::unknown_reference, kClauseIds[i],
                    std::string("the clause book has no clause ") + kClauseIds[i] +
                        " (条款缺失), which decisions cite");
    }
    // One composition per interval between breakpoints. Start at the earliest day any layer
    // is in force (or 1970-01-01 for layers open to the past).
    Date start = Date::from_days(0);
    bool any_from = !layers.empty();
    for (const CatalogLayer& l : layers)
      if (!l.provenance.validity.from) any_from = false;
    if (any_from) {
      start = *layers.front().provenance.validity.from;
      for (const CatalogLayer& l : layers) start = std::min(start, *l.provenance.validity.from);
    }
    compositions.push_back(std::make_unique<EngineComposition>(start, Catalog::compose(layers, start)));
    const std::vector<Date> breaks = compositions.front()->catalog.breakpoints();
    for (const Date& b : breaks)
      compositions.push_back(std::make_unique<EngineComposition>(b, Catalog::compose(layers, b)));
  }

  const EngineComposition& at(const Date& day) const noexcept {
    // Few compositions (usually one): a backwards scan is the fastest search.
    for (std::size_t i = compositions.size(); i-- > 1;)
      if (compositions[i]->from <= day) return *compositions[i];
    return *compositions.front();
  }

  const Clause* clause(ClauseRef r) const noexcept { return refs[r]; }

  const Item* find_text(const EngineComposition& c, std::string_view text) const {
    if (text.empty()) return nullptr;
    auto it = c.by_name.find(text);
    if (it != c.by_name.end()) return it->second;  // exact name or alias: the fast path
    if (auto m = c.matcher->best(text)) return m->item;
    return nullptr;
  }

  // Resolves an id or text: returns the item and which reason applies.
  const Item* resolve(const EngineComposition& c, std::string_view id, std::string_view text,
                      const char* pointer, const Why** why) const {
    if (!id.empty()) {
      auto it = c.by_id.find(id);
      if (it == c.by_id.end())
        throw Error(ErrorCode::unknown_reference, pointer,
                    "no item \"" + std::string(id) + "\" in catalog " + c.id + " (未知证明事项编号)");
      *why = &kResolvedById;
      return it->second;
    }
    const Item* item = find_text(c, text);
    *why = item ? &kResolvedByText : &kUnmatched;
    return item;
  }

  // 附件1 （…除外）: the first carve-out of the item in force on `day` that the purpose matches.
  static const CarveOut* match_carve_out(const Item& item, const Settings& s,
                                         std::string_view purpose, const Date& day) {
    if (purpose.empty()) return nullptr;
    for (const CarveOut& co : item.carve_outs) {
      if (!co.validity.contains(day)) continue;
      bool hit = false;
      if (s.carve_out_matching == CarveOutMatching::scenario) {
        hit = contains(purpose, co.scenario);
      } else {
        for (const std::string& w : co.words) hit = hit || contains(purpose, w);
        hit = hit || contains(purpose, co.scenario);
      }
      if (hit) return &co;
    }
    return nullptr;
  }

  // 二（一）1 / 二（二）1: a basis of a qualifying level, the item's own first.
  static BasisSource qualifying_basis(const Item* item, const std::vector<LegalBasis>& supplied,
                                      const Settings& s, const LegalBasis** item_basis) {
    if (item)
      for (const LegalBasis& b : item->bases)
        if (s.qualifies(b.level)) {
          *item_basis = &b;
          return BasisSource::item;
        }
    for (const LegalBasis& b : supplied)
      if (s.qualifies(b.level)) return BasisSource::requester;
    return BasisSource::none;
  }

  // 二（三）5: 简单证明当场办结、复杂证明限时办结. An item without a complexity is taken as
  // complex with the catalog's default limit (docs/decisions.md), and so is any outcome whose
  // steps (deliberation, investigation) cannot be taken at the counter.
  TimeLimit time_limit(const Item* item, bool has_steps_beyond_purpose, const Settings& s,
                       const std::optional<Date>& date) const {
    TimeLimit t;
    const bool simple = item && item->complexity && *item->complexity == Complexity::simple;
    if (simple && !has_steps_beyond_purpose) return t;  // on the spot
    t.kind = TimeLimitKind::working_days;
    t.working_days = item && item->limit_working_days ? *item->limit_working_days
                                                      : s.default_limit_working_days;
    if (!date) return t;
    if (!has_calendar) {
      t.note = kDueNoCalendar;
      return t;
    }
    try {
      t.due = calendar.add_working_days(*date, t.working_days);
    } catch (const Error&) {  // date_not_covered: say so instead of guessing
      t.note = kDueOutsideCalendar;
    }
    return t;
  }

  Receipt receipt(const EngineComposition& c, const Date& day) const {
    return Receipt{c.id, c.sha256, version(), day};
  }

  Decision decide(const Request& r) const {
    Decision d;
    const Date day = r.date ? *r.date : Date::today();
    const EngineComposition& comp = at(day);
    const Settings& s = comp.catalog.settings();
    d.receipt = receipt(comp, day);

    // 1. Resolve.
    const Why* resolved = nullptr;
    const Item* item = resolve(comp, r.item, r.text, "/item", &resolved);
    d.item = item;
    trace(d, Rule::resolve, false, *resolved);

    // The item class: what, besides the facts, the outcome turns on.
    detail::ItemClass cls;
    const bool listed = item && item->disposition == Disposition::not_by_committee;
    if (listed) {
      d.carve_out = match_carve_out(*item, s, r.purpose, day);
      cls = d.carve_out ? detail::ItemClass::listed_carve_out : detail::ItemClass::listed;
    } else {
      d.basis = qualifying_basis(item, r.bases, s, &d.item_basis);
      cls = d.basis != BasisSource::none ? detail::ItemClass::open_with_basis
                                         : detail::ItemClass::open_without_basis;
    }

    unsigned yes = 0, unknown = 0;
    for (Fact f : all_facts) {
      const Tri v = r.facts.get(f);
      if (v == Tri::yes) yes |= detail::fact_bit(f);
      if (v == Tri::unknown) unknown |= detail::fact_bit(f);
    }
    const bool needs_basis = s.public_interest_needs_item_basis;
    const detail::Verdict v = detail::lookup(cls, needs_basis, yes);
    d.outcome = v.outcome;
    for (const OpenQuestion& q : detail::open_questions(cls, needs_basis, yes, unknown))
      d.open_questions.push_back(q);

    const bool w = yes & detail::fact_bit(Fact::within_duties);
    const bool risk = yes & detail::fact_bit(Fact::legal_risk);
    auto add_risk_steps = [&] {  // 二（一）4
      if (!risk) return;
      d.steps.push_back(Step::investigate);
      d.steps.push_back(Step::deliberate);
      d.steps.push_back(Step::assess_and_prevent);
      d.clauses.push_back(clause(c_2_1_4));
    };

    // 2.–4. The no-issue list.
    if (listed) {
      if (v.rule == Rule::carve_out) {
        const bool issue = v.outcome == Outcome::issue_for_stated_purpose;
        trace(d, Rule::carve_out, true, issue ? kCarveOutIssue : kCarveOutRefuse);
        d.clauses.push_back(clause(c_annex_1));
        if (issue) {
          d.steps.push_back(Step::state_purpose);
          add_risk_steps();
        } else {
          d.clauses.push_back(clause(c_2_1_3));  // 职责范围内且能够核实
        }
      } else {
        trace(d, Rule::carve_out, false, kNoCarveOut);
        if (v.rule == Rule::transition) {  // 二（一）3
          trace(d, Rule::transition, true, kTransitionFired);
          d.clauses.push_back(clause(c_2_1_3));
          d.clauses.push_back(clause(c_annex_1));
          add_risk_steps();
        } else {  // 二（二）2
          trace(d, Rule::transition, false, kTransitionNot);
          trace(d, Rule::listed, true, kListedFired);
          d.clauses.push_back(clause(c_2_2_2));
          d.clauses.push_back(clause(c_annex_1));
          d.route = &item->route;
        }
      }
    } else {
      trace(d, Rule::carve_out, false, kNotListed);
      trace(d, Rule::transition, false, kNotListed);
      trace(d, Rule::listed, false, kNotListed);
      const bool p = yes & detail::fact_bit(Fact::public_interest);
      if (v.rule == Rule::public_interest) {  // 二（一）2
        trace(d, Rule::public_interest, true, kPublicFired);
        d.clauses.push_back(clause(c_2_1_2));
        d.steps.push_back(Step::organise_deliberation);
        d.steps.push_back(Step::residents_agree);
        d.steps.push_back(Step::head_signs);
        if (risk) {  // deliberation is already a step; add the rest of 二（一）4
          d.steps.push_back(Step::investigate);
          d.steps.push_back(Step::assess_and_prevent);
          d.clauses.push_back(clause(c_2_1_4));
        }
      } else {
        trace(d, Rule::public_interest, false, p && w ? kPublicNeedsBasis : kPublicNot);
        if (v.rule == Rule::basis) {  // 二（二）1
          trace(d, Rule::basis, true, kBasisNone);
          d.clauses.push_back(clause(c_2_2_1));
        } else {
          trace(d, Rule::basis, false, d.basis == BasisSource::item ? kBasisItem : kBasisRequester);
          if (v.rule == Rule::duties) {  // 二（一）1, 二（三）4
            const bool a_no = r.facts.get(Fact::within_duties) == Tri::no ||
                              r.facts.get(Fact::verifiable) == Tri::no;
            trace(d, Rule::duties, true, a_no ? kDutiesNo : kDutiesUnknown);
            d.clauses.push_back(clause(c_2_1_1));
            d.clauses.push_back(clause(c_2_3_4));
            if (a_no) d.flags.push_back(Flag::propose_amendment);
          } else {
            trace(d, Rule::duties, false, kDutiesOk);
            if (v.rule == Rule::legal_risk) {  // 二（一）4
              trace(d, Rule::legal_risk, true, kRiskFired);
              d.clauses.push_back(clause(c_2_1_4));
              d.clauses.push_back(clause(c_2_1_1));
              d.steps.push_back(Step::investigate);
              d.steps.push_back(Step::deliberate);
              d.steps.push_back(Step::assess_and_prevent);
            } else {  // 二（一）1
              trace(d, Rule::legal_risk, false, kRiskNot);
              trace(d, Rule::must_issue, true, kMustIssue);
              d.clauses.push_back(clause(c_2_1_1));
            }
          }
        }
      }
    }

    if (is_issuing(d.outcome)) {  // 二（三）5
      bool prerequisite = false;
      for (Step st : d.steps) prerequisite = prerequisite || st != Step::state_purpose;
      d.time_limit = time_limit(item, prerequisite, s, r.date);
      d.clauses.push_back(clause(c_2_3_5));
    }
    return d;
  }

  Admission admit(const Demand& dm) const {
    Admission a;
    const Date day = dm.date ? *dm.date : Date::today();
    const EngineComposition& comp = at(day);
    const Settings& s = comp.catalog.settings();
    a.receipt = receipt(comp, day);
    const Why* resolved = nullptr;
    const Item* item = resolve(comp, dm.item, dm.text, "/item", &resolved);
    a.item = item;
    auto reject = [&](ClauseRef deciding, const Why& why) {
      a.outcome = AdmissionOutcome::rejected;
      a.clauses.push_back(clause(c_2_3_4));
      a.clauses.push_back(clause(deciding));
      a.why = why.zh;
      a.why_en = why.en;
      return a;
    };
    // 二（二）2: a listed item may not be demanded, unless the purpose is its carve-out.
    if (item && item->disposition == Disposition::not_by_committee) {
      a.carve_out = match_carve_out(*item, s, dm.purpose, day);
      if (!a.carve_out) {
        a.route = &item->route;
        reject(c_2_2_2, kAdmitListed);
        a.clauses.push_back(clause(c_annex_1));
        return a;
      }
    }
    // 二（三）4: the department must supply a qualifying basis (or the item carries one).
    const LegalBasis* ib = nullptr;
    bool has_basis = qualifying_basis(item, dm.bases, s, &ib) != BasisSource::none;
    if (a.carve_out && !has_basis)
      for (const LegalBasis& b : a.carve_out->bases) has_basis = has_basis || s.qualifies(b.level);
    if (!has_basis) return reject(c_2_2_1, kAdmitNoBasis);
    // 二（三）4: 基层群众性自治组织没有能力核实的 … 提请修改, 不再出具.
    const Tri w = dm.within_duties, ver = dm.verifiable;
    if (w != Tri::yes || ver != Tri::yes) {
      const bool a_no = w == Tri::no || ver == Tri::no;
      reject(c_2_1_1, a_no ? kAdmitCannotCarry : kAdmitUnconfirmed);
      if (a_no) {
        a.flags.push_back(Flag::propose_amendment);
      } else {  // both unknown-or-yes: each unknown one's yes could admit
        if (w == Tri::unknown) a.open_questions.push_back(OpenQuestion{Fact::within_duties, Outcome::must_issue});
        if (ver == Tri::unknown) a.open_questions.push_back(OpenQuestion{Fact::verifiable, Outcome::must_issue});
      }
      return a;
    }
    a.outcome = AdmissionOutcome::admitted;
    a.clauses.push_back(clause(c_2_3_4));
    a.clauses.push_back(clause(a.carve_out ? c_annex_1 : c_2_1_1));
    a.why = kAdmitOk.zh;
    a.why_en = kAdmitOk.en;
    return a;
  }

  Supervision supervise(const Complaint& cp) const {
    Supervision sv;
    const Date day = cp.date ? *cp.date : Date::today();
    const EngineComposition& comp = at(day);
    const Settings& s = comp.catalog.settings();
    sv.receipt = receipt(comp, day);
    const Why* resolved = nullptr;
    const Item* item = resolve(comp, cp.item, cp.text, "/item", &resolved);
    sv.item = item;
    sv.clauses.push_back(clause(c_2_3_6));
    auto verdict = [&](SupervisionOutcome o, ClauseRef deciding, const Why& why) {
      sv.outcome = o;
      sv.notify = o == SupervisionOutcome::unreasonable;  // 通报或公开曝光, 上级主管部门纠正
      sv.clauses.push_back(clause(deciding));
      sv.why = why.zh;
      sv.why_en = why.en;
    };
    if (item && item->disposition == Disposition::not_by_committee) {
      sv.carve_out = match_carve_out(*item, s, cp.purpose, day);
      if (!sv.carve_out) {  // 二（二）2: the general case of a listed item
        sv.route = &item->route;
        verdict(SupervisionOutcome::unreasonable, c_2_2_2, kSuperviseListed);
        sv.clauses.push_back(clause(c_annex_1));
        return sv;
      }
      verdict(SupervisionOutcome::reasonable, c_annex_1, kSuperviseCarveOut);
      return sv;
    }
    const LegalBasis* ib = nullptr;
    if (qualifying_basis(item, cp.bases, s, &ib) == BasisSource::none) {  // 二（二）1
      verdict(SupervisionOutcome::unreasonable, c_2_2_1, kSuperviseNoBasis);
      return sv;
    }
    verdict(SupervisionOutcome::reasonable, c_2_1_1, kSuperviseBasis);
    return sv;
  }

  static constexpr Why kAdmitListed{
      "该证明列入不应出具证明事项清单，且用途不属于除外情形：不予准入",
      "the certificate is on a no-issue list and the purpose is no carve-out: not admitted"};
  static constexpr Why kAdmitNoBasis{
      "未提供合格层级的法律法规依据：不予准入",
      "no basis of a qualifying level is supplied: not admitted"};
  static constexpr Why kAdmitCannotCarry{
      "虽有依据，但不属于自治组织职责范围或其没有能力核实：按程序提请修改有关规定，不再出具",
      "a basis exists, but the committee cannot carry it (outside its duties or unable to verify): propose an amendment"};
  static constexpr Why kAdmitUnconfirmed{
      "有依据，但尚未确认属于职责范围且自治组织能够核实：暂不准入",
      "a basis exists, but duties and verifiability are not confirmed: not admitted yet"};
  static constexpr Why kAdmitOk{
      "有合格依据，不在不应出具清单上（或属除外情形），属于职责范围且能够核实：予以准入",
      "a qualifying basis, not on a no-issue list (or a carve-out), within duties and verifiable: admitted"};
  static constexpr Why kSuperviseListed{
      "要求出具列入不应出具证明事项清单的证明（一般情形）：属不合理证明，予以通报并由上级主管部门纠正",
      "demanded a certificate on the no-issue list in the general case: unreasonable; report and correct"};
  static constexpr Why kSuperviseCarveOut{
      "该证明列入清单，但所述用途属于清单除外情形：不属不合理证明",
      "the certificate is listed, but the purpose is a carve-out: not unreasonable"};
  static constexpr Why kSuperviseNoBasis{
      "要求出具的证明没有合格层级的法律法规依据：属不合理证明，予以通报并由上级主管部门纠正",
      "the demanded certificate has no basis of a qualifying level: unreasonable; report and correct"};
  static constexpr Why kSuperviseBasis{
      "要求出具的证明有合格依据：不属不合理证明",
      "the demanded certificate has a qualifying basis: not unreasonable"};
};

std::shared_ptr<const Engine::Impl> Engine::default_impl() {
  // The embedded default is made once and shared: Engine() is then cheap to call.
  static const std::shared_ptr<const Engine::Impl> impl = [] {
    const WorkCalendar& cal = WorkCalendar::embedded_default();
    return std::make_shared<const Engine::Impl>(default_layers(), ClauseBook::embedded_default(), &cal);
  }();
  return impl;
}

Engine::Engine() : impl_(default_impl()) {}

Engine::Engine(const std::vector<CatalogLayer>& layers)
    : impl_(std::make_shared<const Impl>(layers, ClauseBook::embedded_default(),
                                         &WorkCalendar::embedded_default())) {}

Engine::Engine(const std::vector<CatalogLayer>& layers, ClauseBook clauses, const WorkCalendar& calendar)
    : impl_(std::make_shared<const Impl>(layers, std::move(clauses), &calendar)) {}

Decision Engine::decide(const Request& request) const { return impl_->decide(request); }

std::vector<Decision> Engine::decide_many(const std::vector<Request>& requests, unsigned threads) const {
  std::vector<Decision> out(requests.size());
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(1, requests.size() / 256)));
  if (threads <= 1) {
    for (std::size_t i = 0; i < requests.size(); ++i) out[i] = impl_->decide(requests[i]);
    return out;
  }
  // Contiguous slices, one per thread; the first error (by position) is rethrown.
  std::vector<std::exception_ptr> errors(threads);
  std::vector<std::thread> pool;
  const std::size_t n = requests.size();
  for (unsigned t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      const std::size_t lo = n * t / threads, hi = n * (t + 1) / threads;
      try {
        for (std::size_t i = lo; i < hi; ++i) out[i] = impl_->decide(requests[i]);
      } catch (...) {
        errors[t] = std::current_exception();
      }
    });
  }
  for (std::thread& th : pool) th.join();
  for (const std::exception_ptr& e : errors)
    if (e) std::rethrow_exception(e);
  return out;
}

const Item* Engine::resolve(std::string_view text, std::optional<Date> as_of) const {
  return impl_->find_text(impl_->at(as_of ? *as_of : Date::today()), text);
}

std::vector<Match> Engine::match(std::string_view text, std::size_t max_results,
                                 std::optional<Date> as_of) const {
  return impl_->at(as_of ? *as_of : Date::today()).matcher->match(text, max_results);
}

Admission Engine::admit(const Demand& demand) const { return impl_->admit(demand); }
Supervision Engine::supervise(const Complaint& complaint) const { return impl_->supervise(complaint); }

const Catalog& Engine::catalog(std::optional<Date> as_of) const {
  return impl_->at(as_of ? *as_of : Date::today()).catalog;
}
const std::string& Engine::catalog_sha256(std::optional<Date> as_of) const {
  return impl_->at(as_of ? *as_of : Date::today()).sha256;
}
const std::vector<CatalogLayer>& Engine::layers() const noexcept { return impl_->layers; }
const ClauseBook& Engine::clauses() const noexcept { return impl_->clauses; }
const WorkCalendar& Engine::calendar() const noexcept { return impl_->calendar; }

}  // namespace jianzheng

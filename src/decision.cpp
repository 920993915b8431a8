#include "jianzheng/decision.hpp"

#include <algorithm>
#include <cstdio>
#include <initializer_list>
#include <stdexcept>
#include <string_view>
#include <utility>
#include <vector>

#include "enum_names.hpp"

namespace jianzheng {

void detail::throw_fixed_list_full() {
  throw std::length_error("FixedList: more elements than its capacity (a bug)");
}

namespace {

constexpr detail::EnumNames<Outcome, 7> kOutcomeNames{{
    {Outcome::must_issue, "must_issue"},
    {Outcome::issue_after_deliberation, "issue_after_deliberation"},
    {Outcome::issue_transitional, "issue_transitional"},
    {Outcome::issue_after_risk_assessment, "issue_after_risk_assessment"},
    {Outcome::issue_for_stated_purpose, "issue_for_stated_purpose"},
    {Outcome::refuse, "refuse"},
    {Outcome::refuse_redirect, "refuse_redirect"},
}};

constexpr detail::EnumNames<Rule, 9> kRuleNames{{
    {Rule::resolve, "resolve"},
    {Rule::carve_out, "carve_out"},
    {Rule::transition, "transition"},
    {Rule::listed, "listed"},
    {Rule::public_interest, "public_interest"},
    {Rule::basis, "basis"},
    {Rule::duties, "duties"},
    {Rule::legal_risk, "legal_risk"},
    {Rule::must_issue, "must_issue"},
}};

constexpr detail::EnumNames<Step, 7> kStepNames{{
    {Step::state_purpose, "state_purpose"},
    {Step::organise_deliberation, "organise_deliberation"},
    {Step::residents_agree, "residents_agree"},
    {Step::head_signs, "head_signs"},
    {Step::investigate, "investigate"},
    {Step::deliberate, "deliberate"},
    {Step::assess_and_prevent, "assess_and_prevent"},
}};

constexpr detail::EnumNames<Flag, 1> kFlagNames{{
    {Flag::propose_amendment, "propose_amendment"},
}};

constexpr detail::EnumNames<TimeLimitKind, 2> kTimeLimitKindNames{{
    {TimeLimitKind::on_the_spot, "on_the_spot"},
    {TimeLimitKind::working_days, "working_days"},
}};

constexpr detail::EnumNames<AdmissionOutcome, 2> kAdmissionNames{{
    {AdmissionOutcome::admitted, "admitted"},
    {AdmissionOutcome::rejected, "rejected"},
}};

constexpr detail::EnumNames<SupervisionOutcome, 3> kSupervisionNames{{
    {SupervisionOutcome::reasonable, "reasonable"},
    {SupervisionOutcome::unreasonable, "unreasonable"},
    {SupervisionOutcome::undetermined, "undetermined"},
}};

constexpr detail::EnumNames<PurposeSource, 4> kPurposeSourceNames{{
    {PurposeSource::none, "none"},
    {PurposeSource::purpose, "purpose"},
    {PurposeSource::text, "text"},
    {PurposeSource::carve_out, "carve_out"},
}};

const char* pick(Language l, const char* zh, const char* en) { return l == Language::zh ? zh : en; }

std::string quoted_name(const Decision& d, Language l) {
  if (!d.item) return l == Language::zh ? std::string("所申请的证明") : std::string("the certificate asked for");
  return l == Language::zh ? "“" + d.item->name + "”" : d.item->name + " (" + d.item->id + ")";
}

}  // namespace

const char* to_string(Outcome v) noexcept { return kOutcomeNames.name(v); }
std::optional<Outcome> outcome_from_string(std::string_view s) noexcept { return kOutcomeNames.parse(s); }
bool is_issuing(Outcome o) noexcept { return o != Outcome::refuse && o != Outcome::refuse_redirect; }
const char* to_string(Rule v) noexcept { return kRuleNames.name(v); }
const char* to_string(Step v) noexcept { return kStepNames.name(v); }
const char* to_string(Flag v) noexcept { return kFlagNames.name(v); }
const char* to_string(TimeLimitKind v) noexcept { return kTimeLimitKindNames.name(v); }
const char* to_string(AdmissionOutcome v) noexcept { return kAdmissionNames.name(v); }
const char* to_string(SupervisionOutcome v) noexcept { return kSupervisionNames.name(v); }
const char* to_string(PurposeSource v) noexcept { return kPurposeSourceNames.name(v); }

const char* clause_of(Rule rule) noexcept {
  switch (rule) {
    case Rule::resolve: return "";
    case Rule::carve_out: return "annex.1";
    case Rule::transition: return "2.1.3";
    case Rule::listed: return "2.2.2";
    case Rule::public_interest: return "2.1.2";
    case Rule::basis: return "2.2.1";
    case Rule::duties: return "2.1.1";
    case Rule::legal_risk: return "2.1.4";
    case Rule::must_issue: return "2.1.1";
  }
  return "";
}

const char* clause_of(Step step) noexcept {
  switch (step) {
    case Step::state_purpose: return "annex.1";
    case Step::organise_deliberation:
    case Step::residents_agree:
    case Step::head_signs: return "2.1.2";
    case Step::investigate:
    case Step::deliberate:
    case Step::assess_and_prevent: return "2.1.4";
  }
  return "";
}

const char* describe(Step step, Language l) noexcept {
  switch (step) {
    case Step::state_purpose:
      return pick(l, "在证明上注明用途，写明仅用于该除外情形", "state the purpose on the certificate: it serves that purpose only");
    case Step::organise_deliberation:
      return pick(l, "组织居民群众议事协商", "organise residents' deliberation (议事协商)");
    case Step::residents_agree:
      return pick(l, "提交居民群众讨论，取得同意", "put it to the residents for discussion and obtain their agreement");
    case Step::head_signs:
      return pick(l, "由基层群众性自治组织负责人签字", "have the committee head sign it");
    case Step::investigate:
      return pick(l, "详细调查核实情况", "investigate and verify the facts in detail");
    case Step::deliberate:
      return pick(l, "采取灵活多样方式组织居民群众议事协商", "organise residents' deliberation in flexible ways");
    case Step::assess_and_prevent:
      return pick(l, "充分评估法律风险并预先防范", "assess the legal risk fully and guard against it in advance");
  }
  return "";
}

const char* describe(Fact fact, Language l) noexcept {
  switch (fact) {
    case Fact::within_duties: return pick(l, "属于自治组织职责范围", "within the committee's duties");
    case Fact::verifiable: return pick(l, "自治组织能够核实", "the committee can verify it");
    case Fact::transitional_need:
      return pick(l, "因政策措施衔接不到位或民商事主体明确要求仍需办理",
                  "still needed (a policy gap, or a civil/commercial party explicitly requires it)");
    case Fact::public_interest:
      return pick(l, "涉及社区公共利益或多数居民群众切身利益",
                  "concerns the community's public interest or most residents' vital interests");
    case Fact::legal_risk: return pick(l, "可能涉及法律风险", "may carry legal risk");
  }
  return "";
}

const char* describe(Outcome o, Language l) noexcept {
  switch (o) {
    case Outcome::must_issue: return pick(l, "应当依法出具", "must issue");
    case Outcome::issue_after_deliberation:
      return pick(l, "议事协商、讨论同意、负责人签字后出具", "issue after deliberation, agreement and the head's signature");
    case Outcome::issue_transitional: return pick(l, "据实出具（过渡期）", "issue truthfully (transition)");
    case Outcome::issue_after_risk_assessment:
      return pick(l, "调查核实、充分评估并预先防范后出具", "issue after investigation and risk assessment");
    case Outcome::issue_for_stated_purpose: return pick(l, "注明用途后出具", "issue for the stated purpose only");
    case Outcome::refuse: return pick(l, "不予出具", "do not issue");
    case Outcome::refuse_redirect: return pick(l, "不予出具，告知办事途径", "do not issue; give the route");
  }
  return "";
}

namespace {

// The title of 附件1 as the policy gives it: a list with this title is cited as 附件1.
constexpr std::string_view kAnnex1Title = "不应由基层群众性自治组织出具证明事项清单（第一批）";

// The clause path of a rule's deciding clause, e.g. "二（二）2".
const char* rule_path(Rule rule) noexcept {
  switch (rule) {
    case Rule::resolve: return "";
    case Rule::carve_out: return "附件1";
    case Rule::transition: return "二（一）3";
    case Rule::listed: return "二（二）2";
    case Rule::public_interest: return "二（一）2";
    case Rule::basis: return "二（二）1";
    case Rule::duties: return "二（一）1";
    case Rule::legal_risk: return "二（一）4";
    case Rule::must_issue: return "二（一）1";
  }
  return "";
}

// Where a listed item is, by number: "附件1第1项", "《…》第21项", or the list's title.
std::string list_citation(const Decision& d, bool zh) {
  if (!d.item) return zh ? "清单" : "the no-issue list";
  const bool annex = !d.list || d.list->title == kAnnex1Title;
  if (d.item->seq > 0) {
    if (annex) return zh ? "附件1第" + std::to_string(d.item->seq) + "项" : "annex 1 item " + std::to_string(d.item->seq);
    return zh ? "《" + d.list->title + "》第" + std::to_string(d.item->seq) + "项"
              : "item " + std::to_string(d.item->seq) + " of 《" + d.list->title + "》";
  }
  if (annex) return zh ? std::string("附件1") : std::string("annex 1");
  return "《" + d.list->title + "》";
}

// The list's own words for a carve-out, verbatim: the parenthesis of the route text that
// holds it ("（不动产登记情况、公证办理情况除外）"), else its text, else its scenario.
std::string exception_quote(const Item* item, const CarveOut& co) {
  const std::string& words = co.text.empty() ? co.scenario : co.text;
  if (item) {
    const std::string& route = item->route.text;
    const std::size_t at = route.find(words);
    if (at != std::string::npos) {
      const std::size_t open = route.rfind("（", at);
      const std::size_t close = route.find("除外）", at);
      if (open != std::string::npos && close != std::string::npos)
        return route.substr(open, close + std::string_view("除外）").size() - open);
    }
  }
  return words;
}

// Words of a purpose, quoted: "“房子…过户”".
std::string quoted_words(const std::array<std::string_view, 2>& words) {
  std::string out;
  for (std::string_view e : words)
    if (!e.empty()) out += (out.empty() ? "" : "…") + std::string(e);
  return out.empty() ? out : "“" + out + "”";
}
std::string evidence_of(const PurposeReading& r) { return quoted_words(r.evidence); }

const PurposeReading* reading_of(const Decision& d, const CarveOut* co) {
  for (const PurposeReading& r : d.purpose)
    if (r.carve_out == co) return &r;
  return nullptr;
}

// Facts a rule needed and did not get, as a clerk states them: a no as no (不属于职责范围,
// 无法核实), an unknown as not yet known.
std::string unmet(const Facts& facts, std::initializer_list<Fact> needed, bool zh) {
  std::string no, unknown;
  for (Fact f : needed) {
    const Tri t = facts.get(f);
    if (t == Tri::yes) continue;
    std::string& out = t == Tri::no ? no : unknown;
    if (!out.empty()) out += zh ? "、" : ", ";
    if (t == Tri::no) {
      switch (f) {
        case Fact::within_duties: out += zh ? "不属于基层群众性自治组织职责范围" : "it is outside the committee's duties"; break;
        case Fact::verifiable: out += zh ? "基层群众性自治组织无法核实" : "the committee cannot verify it"; break;
        case Fact::transitional_need: out += zh ? "并无政策衔接不到位或民商事主体明确要求的情形" : "there is no transitional need"; break;
        case Fact::public_interest: out += zh ? "不涉及公共利益" : "no public interest is concerned"; break;
        case Fact::legal_risk: out += zh ? "不涉及法律风险" : "there is no legal risk"; break;
      }
    } else {
      out += describe(f, zh ? Language::zh : Language::en);
    }
  }
  std::string s = no;
  if (!unknown.empty()) {
    if (!s.empty()) s += zh ? "，且" : "; and ";
    s += zh ? "尚未确认是否" + unknown : "it is not yet known whether " + unknown;
  }
  return s;
}

int popcount8(unsigned v) {
  int n = 0;
  for (; v; v &= v - 1) ++n;
  return n;
}

const char* count_zh(int n) {
  static const char* const kNumbers[] = {"零", "一", "两", "三", "四", "五"};
  return n >= 0 && n <= 5 ? kNumbers[n] : "多";
}

// The route, with the notes in force on the as-of date, as prose.
void append_route(std::string& out, const Route& route, const Date& day, bool zh) {
  if (route.empty()) return;
  out += (zh ? "办事途径：" : " Route (办事途径): ") + route.text;
  if (zh && out.compare(out.size() - 3, 3, "。") != 0) out += "。";
  if (!zh) out += ".";
  for (const RouteNote& n : route.notes) {
    if (!n.validity.contains(day)) continue;
    if (zh) {
      out += "另";
      if (!n.source.empty()) out += "据" + n.source;
      if (n.validity.from) out += "（" + n.validity.from->to_string() + "起）";
      out += "：" + n.text;
      if (out.compare(out.size() - 3, 3, "。") != 0) out += "。";
    } else {
      out += " Note";
      if (n.validity.from) out += " from " + n.validity.from->to_string();
      if (!n.source.empty()) out += " (" + n.source + ")";
      out += ": " + n.text;
    }
  }
}

// Open questions put to the clerk together: an outcome and the facts that must all be yes.
struct QuestionGroup {
  Outcome outcome;
  unsigned facts;
  bool operator==(const QuestionGroup& o) const noexcept { return outcome == o.outcome && facts == o.facts; }
};

// Appends the parts in order. The paragraph is built by appending: a sum of strings makes a
// temporary for every "+", and the explanation is a tenth of writing a decision's JSON.
void cat(std::string& out, std::initializer_list<std::string_view> parts) {
  for (std::string_view p : parts) out += p;
}

}  // namespace

std::string explain(const Decision& d, Language l) {
  const bool zh = l == Language::zh;
  const std::string name = quoted_name(d, l);
  const Rule rule = d.trace.empty() ? Rule::resolve : d.trace[d.trace.size() - 1].rule;
  const Facts& f = d.facts;
  std::string out;
  out.reserve(1024);  // a paragraph is a few hundred characters: grown once, not five times

  // Which item: when the name matcher was not sure, say so first, with each candidate's outcome.
  if (d.certainty == Certainty::uncertain) {
    out += zh ? "所申请的证明不能确定是哪一项：" : "It is not certain which certificate is asked for: ";
    for (std::size_t i = 0; i < d.candidates.size(); ++i) {
      const ItemCandidate& c = d.candidates[i];
      char score[16];
      std::snprintf(score, sizeof score, "%.2f", c.score);
      if (i) out += zh ? "；" : "; ";
      if (zh) {
        out += "可能是“" + c.item->name + "”（匹配度" + score + "；如是，" + describe(c.outcome, l) + "，依据" + rule_path(c.rule);
        if (c.carve_out) out += "，用途属于「" + c.carve_out->scenario + "」除外情形";
        out += "）";
      } else {
        out += "perhaps " + c.item->name + " (" + c.item->id + ", score " + score + "; if so: " +
               describe(c.outcome, l) + ", under " + clause_of(c.rule) + ")";
      }
    }
    out += zh ? std::string("；如都不是，按未列入清单的证明事项：") + describe(d.outcome_if_none, l) + "（依据" +
                    rule_path(d.rule_if_none) + "）。请先向申请人确认所要的是哪一项证明。"
              : std::string("; if none of them: ") + describe(d.outcome_if_none, l) + " (under " +
                    clause_of(d.rule_if_none) + "). Confirm with the applicant which certificate is meant.";
    if (rule == Rule::listed) {
      out += zh ? "候选中有列入不应出具证明事项清单的证明，依据二（二）2，确认之前不予出具。"
                : " A candidate is on the no-issue list: under 2.2.2 nothing is issued until the item is confirmed.";
    } else {
      out += zh ? "确认之前，按未列入清单的证明事项处理：" : " Until then it is decided as an unlisted item: ";
    }
  }

  const CarveOut* co = d.carve_out;
  switch (d.outcome) {
    case Outcome::must_issue:
      out += zh ? name + "有明确的法律法规依据，属于基层群众性自治组织职责范围且能够核实，依据二（一）1应当依法出具。"
                : name + " has a clear legal basis and is within the committee's duties and verifiable: under 2.1.1 it must be issued.";
      break;
    case Outcome::issue_after_deliberation:
      out += zh ? name + "涉及城乡社区公共利益或本辖区多数居民群众切身利益，且属于基层群众性自治组织职责范围，依据二（一）2，须经居民群众议事协商、讨论同意并由基层群众性自治组织负责人签字后方可出具。"
                : name + " concerns the community's public interest or most residents' vital interests and is within the committee's duties: under 2.1.2 it is issued only after residents' deliberation, their agreement and the committee head's signature.";
      break;
    case Outcome::issue_transitional:
      out += zh ? name + "列入" + list_citation(d, zh) + "，但现阶段因政策措施衔接不到位或民商事主体明确要求仍需办理，且属于自身职责范围、能够核实，依据二（一）3据实出具。"
                : name + " is listed (" + list_citation(d, zh) + "), but is still needed (a policy gap, or a civil/commercial party requires it) and is within the committee's duties and verifiable: under 2.1.3 it is issued truthfully.";
      break;
    case Outcome::issue_after_risk_assessment:
      out += zh ? name + "有依据，属于职责范围且能够核实，但可能涉及法律风险，依据二（一）4，应在详细调查核实情况、组织居民群众议事协商的基础上，予以充分评估并预先防范后出具。"
                : name + " has a basis and is within the committee's duties and verifiable, but may carry legal risk: under 2.1.4 it is issued after detailed investigation, deliberation, and full assessment of and guarding against the risk.";
      break;
    case Outcome::issue_for_stated_purpose:
    case Outcome::refuse:
      if (d.outcome == Outcome::issue_for_stated_purpose || (rule == Rule::carve_out && co)) {
        const std::string scenario = co ? co->scenario : std::string();
        const std::string quote = co ? exception_quote(d.item, *co) : std::string();
        const PurposeReading* r = reading_of(d, co);
        std::string how;
        if (d.purpose_source == PurposeSource::carve_out)
          how = zh ? "（申请方明确用途为「" + scenario + "」）" : " (the requester states it)";
        else if (r && !evidence_of(*r).empty())
          how = zh ? "（用途中的" + evidence_of(*r) + "）" : " (the purpose says " + evidence_of(*r) + ")";
        if (d.outcome == Outcome::issue_for_stated_purpose) {
          out += zh ? name + "列入" + list_citation(d, zh) + "，一般不予出具，但该项规定“" + quote + "”；用途属于「" + scenario + "」情形" + how +
                          "，且属于职责范围、能够核实，依据" + list_citation(d, zh) + "可仅为该用途出具。"
                    : name + " is listed (" + list_citation(d, zh) + ", in general not issued), but the list excepts \"" + quote +
                          "\"; the purpose is \"" + scenario + "\"" + how +
                          ", within the committee's duties and verifiable: it may be issued for that purpose only.";
        } else {
          out += zh ? name + "列入" + list_citation(d, zh) + "；用途属于该项“" + quote + "”中的「" + scenario + "」情形" + how + "，但" +
                          unmet(f, {Fact::within_duties, Fact::verifiable}, zh) +
                          "。除外情形也须属于自身职责范围且能够核实（二（一）3），不予出具。"
                    : name + " is listed (" + list_citation(d, zh) + "); the purpose is its carve-out \"" + scenario + "\"" + how +
                          ", but " + unmet(f, {Fact::within_duties, Fact::verifiable}, zh) +
                          ". A carve-out too needs the matter within the committee's duties and verifiable (2.1.3): it is not issued.";
          if (d.route) append_route(out, *d.route, d.receipt.as_of, zh);
        }
      } else if (rule == Rule::listed) {  // unconfirmed item: said above
      } else if (rule == Rule::basis) {
        out += zh ? name + "没有合格的法律法规依据，也未经国务院批准列入保留证明事项清单，依据二（二）1不予出具。"
                  : name + " has no qualifying legal basis and is not on the State Council's retained list: under 2.2.1 it is not issued.";
      } else {
        out += zh ? name + "虽有依据，但" + unmet(f, {Fact::within_duties, Fact::verifiable}, zh) + "，依据二（一）1不予出具。"
                  : name + " has a basis, but " + unmet(f, {Fact::within_duties, Fact::verifiable}, zh) + ": under 2.1.1 it is not issued.";
        bool amend = false;
        for (Flag fl : d.flags) amend = amend || fl == Flag::propose_amendment;
        if (amend)
          out += zh ? "依据二（三）4，应在广泛征求意见、充分调研论证的基础上按程序提请修改有关规定。"
                    : " Under 2.3.4 an amendment of the provision should be proposed.";
      }
      break;
    case Outcome::refuse_redirect: {
      if (zh)
        cat(out, {name, "列入", list_citation(d, zh), "，依据二（二）2一般情况下不予出具。"});
      else
        cat(out, {name, " is on the no-issue list (", list_citation(d, zh), "): under 2.2.2 it is in general not issued."});
      // Why no carve-out applies, when the purpose came near one.
      if (const PurposeReading* ended = d.ended_carve_out()) {
        const CarveOut& e = *ended->carve_out;
        std::string note = e.note;
        if (const std::size_t nl = note.rfind('\n'); nl != std::string::npos) note = note.substr(nl + 1);
        const std::string when = e.validity.until ? e.validity.until->to_string() : std::string();
        out += zh ? "用途属于该项“" + exception_quote(d.item, e) + "”中的「" + e.scenario + "」情形，但该除外情形" +
                        (when.empty() ? std::string("已不再适用") : "自" + when + "起已终止") + (note.empty() ? "" : "：" + note)
                  : " The purpose is its carve-out \"" + e.scenario + "\", which has ended" +
                        (when.empty() ? std::string() : " on " + when) + (note.empty() ? "" : ": " + note);
        if (zh && out.compare(out.size() - 3, 3, "。") != 0) out += "。";
        if (!zh) out += ".";
      } else {
        for (const PurposeReading& r : d.purpose) {
          if (r.certainty != PurposeCertainty::none) continue;
          if (r.negated) {
            out += zh ? "用途已说明不是「" + r.carve_out->scenario + "」情形。"
                      : " The purpose rules out \"" + r.carve_out->scenario + "\".";
            break;
          }
          if (!r.look_alike[0].empty()) {
            out += zh ? "用途中的" + quoted_words(r.look_alike) + "与「" + r.carve_out->scenario + "」相似，但不属于该除外情形。"
                      : " " + quoted_words(r.look_alike) + " in the purpose resembles \"" + r.carve_out->scenario +
                            "\" but is not that carve-out.";
            break;
          }
        }
      }
      if (d.route) append_route(out, *d.route, d.receipt.as_of, zh);
      break;
    }
  }

  // Steps: before issuing, as actions; the purpose is stated when issuing.
  std::string before;
  bool state_purpose = false;
  for (Step st : d.steps) {
    if (st == Step::state_purpose) {
      state_purpose = true;
      continue;
    }
    if (!before.empty()) before += zh ? "；" : "; ";
    before += describe(st, l);
  }
  if (!before.empty()) out += zh ? "出具前须：" + before + "。" : " Before issuing: " + before + ".";
  if (state_purpose && co)
    out += zh ? "出具时在证明上注明用途，写明仅用于「" + co->scenario + "」。"
              : " When issuing, state the purpose on the certificate: for \"" + co->scenario + "\" only.";

  if (d.time_limit) {
    if (d.time_limit->kind == TimeLimitKind::on_the_spot) {
      out += zh ? "依据二（三）5当场办结。" : " Under 2.3.5 it is done on the spot.";
    } else {
      const std::string n = std::to_string(d.time_limit->working_days);
      if (zh)
        cat(out, {"依据二（三）5限时办结：", n, "个工作日内"});
      else
        cat(out, {" Under 2.3.5 it is done within ", n, " working days"});
      if (d.time_limit->due) {
        const std::string due = d.time_limit->due->to_string();
        if (zh)
          cat(out, {"（", due, "前）"});
        else
          cat(out, {" (by ", due, ")"});
      }
      out += zh ? "。" : ".";
    }
  }

  // Questions: the purpose first (a yes may apply a carve-out), then the facts, conditions
  // that must all hold put together.
  for (const PurposeQuestion& q : d.purpose_questions) {
    const PurposeReading* r = reading_of(d, q.carve_out);
    const std::string quote = exception_quote(d.item, *q.carve_out);
    std::string with;
    for (Fact fact : all_facts)
      if (q.together_with & fact_bit(fact)) with += (with.empty() ? "" : (zh ? "、" : ", ")) + std::string(describe(fact, l));
    if (zh) {
      out += "尚待确认用途：用途是否属于「" + q.carve_out->scenario + "」（" + list_citation(d, zh) + "“" + quote + "”）？";
      if (r && r->slip) out += "用途中有一处疑为" + evidence_of(*r) + "（错字或拼音），尚不确定。";
      else if (r && !evidence_of(*r).empty()) out += "用途中的" + evidence_of(*r) + (r->doubtful ? "尚不确定。" : "提示可能属于。");
      out += "如是" + (with.empty() ? std::string() : "，且" + with) + "，可改为“" + describe(q.outcome_if_yes, l) + "”。";
    } else {
      out += " Open: is the purpose \"" + q.carve_out->scenario + "\" (" + quote + ")? If so" +
             (with.empty() ? std::string() : " and " + with) + ": " + describe(q.outcome_if_yes, l) + ".";
    }
  }
  if (!d.open_questions.empty()) {
    FixedList<QuestionGroup, fact_count> groups;  // at most one per open question
    for (const OpenQuestion& q : d.open_questions) {
      const QuestionGroup key{q.outcome_if_yes, static_cast<unsigned>(q.together_with | fact_bit(q.fact))};
      if (std::find(groups.begin(), groups.end(), key) == groups.end()) groups.push_back(key);
    }
    out += zh ? "尚待确认：" : " Still open: ";
    for (std::size_t g = 0; g < groups.size(); ++g) {
      const auto& [outcome, facts] = groups[g];
      if (g) out += zh ? "；" : "; ";
      std::string list;
      for (Fact fact : all_facts)
        if (facts & fact_bit(fact)) {
          if (!list.empty()) list += zh ? "、" : ", ";
          if (zh) list += "是否";
          list += describe(fact, l);
        }
      const int n = popcount8(facts);
      if (n == 1) {
        if (zh)
          cat(out, {list, "（如是，可改为“", describe(outcome, l), "”）"});
        else
          cat(out, {list, "? (if yes: ", describe(outcome, l), ")"});
      } else if (zh) {
        cat(out, {count_zh(n), "项均为“是”时，可改为“", describe(outcome, l), "”：", list});
      } else {
        cat(out, {"if all ", std::to_string(n), " are yes — ", list, " — then: ", describe(outcome, l)});
      }
    }
    out += zh ? "。" : ".";
  }
  return out;
}

}  // namespace jianzheng

#include "jianzheng/decision.hpp"

#include "enum_names.hpp"

namespace jianzheng {
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

constexpr detail::EnumNames<SupervisionOutcome, 2> kSupervisionNames{{
    {SupervisionOutcome::reasonable, "reasonable"},
    {SupervisionOutcome::unreasonable, "unreasonable"},
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
      return pick(l, "在证明上注明用途，仅用于该除外情形", "state the purpose on the certificate; it serves that purpose only");
    case Step::organise_deliberation:
      return pick(l, "通过组织居民群众议事协商等方式", "organise residents' deliberation (议事协商)");
    case Step::residents_agree:
      return pick(l, "经居民群众讨论同意", "the residents discuss and agree");
    case Step::head_signs:
      return pick(l, "由基层群众性自治组织负责人签字", "the committee head signs");
    case Step::investigate:
      return pick(l, "详细调查核实情况", "investigate and verify the facts in detail");
    case Step::deliberate:
      return pick(l, "采取灵活多样方式组织居民群众议事协商", "organise residents' deliberation in flexible ways");
    case Step::assess_and_prevent:
      return pick(l, "予以充分评估并预先防范", "assess the legal risk fully and guard against it in advance");
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

std::string explain(const Decision& d, Language l) {
  const bool zh = l == Language::zh;
  const std::string name = quoted_name(d, l);
  const Rule rule = d.trace.empty() ? Rule::resolve : d.trace[d.trace.size() - 1].rule;
  std::string out;
  switch (d.outcome) {
    case Outcome::must_issue:
      out = zh ? name + "有明确的法律法规依据，属于基层群众性自治组织职责范围且能够核实，依据二（一）1应当依法出具。"
               : name + " has a clear legal basis and is within the committee's duties and verifiable: under 2.1.1 it must be issued.";
      break;
    case Outcome::issue_after_deliberation:
      out = zh ? name + "涉及城乡社区公共利益或本辖区多数居民群众切身利益，依据二（一）2，须通过组织居民群众议事协商等方式，经居民群众讨论同意并由基层群众性自治组织负责人签字后方可出具。"
               : name + " concerns the community's public interest or most residents' vital interests: under 2.1.2 it is issued only after residents' deliberation, their agreement and the committee head's signature.";
      break;
    case Outcome::issue_transitional:
      out = zh ? name + "列入《不应由基层群众性自治组织出具证明事项清单（第一批）》，但现阶段因政策措施衔接不到位或民商事主体明确要求仍需办理，且属于自身职责范围、能够核实，依据二（一）3据实出具。"
               : name + " is on the national no-issue list (batch 1), but is still needed (a policy gap, or a civil/commercial party requires it) and is within the committee's duties and verifiable: under 2.1.3 it is issued truthfully.";
      break;
    case Outcome::issue_after_risk_assessment:
      out = zh ? name + "有依据，属于职责范围且能够核实，但可能涉及法律风险，依据二（一）4，应在详细调查核实情况、组织居民群众议事协商的基础上，予以充分评估并预先防范后出具。"
               : name + " has a basis and is within the committee's duties and verifiable, but may carry legal risk: under 2.1.4 it is issued after detailed investigation, deliberation, and full assessment of and guarding against the risk.";
      break;
    case Outcome::issue_for_stated_purpose: {
      const std::string scenario = d.carve_out ? d.carve_out->scenario : std::string();
      out = zh ? name + "列入第一批不应出具清单，但清单对“" + scenario + "”情形除外；属于职责范围且能够核实，可仅为该用途出具，并在证明上注明用途。"
               : name + " is on the no-issue list, which excepts \"" + scenario + "\": within the committee's duties and verifiable, it may be issued for that purpose only, stated on the certificate.";
      break;
    }
    case Outcome::refuse:
      if (rule == Rule::carve_out) {
        const std::string scenario = d.carve_out ? d.carve_out->scenario : std::string();
        out = zh ? name + "的用途属于清单的“" + scenario + "”除外情形，但未确认属于职责范围且能够核实，不予出具。"
                 : name + " falls under the list's \"" + scenario + "\" carve-out, but is not confirmed within the committee's duties and verifiable: it is not issued.";
      } else if (rule == Rule::basis) {
        out = zh ? name + "没有合格的法律法规依据，也未经国务院批准列入保留证明事项清单，依据二（二）1不予出具。"
                 : name + " has no qualifying legal basis and is not on the State Council's retained list: under 2.2.1 it is not issued.";
      } else {
        out = zh ? name + "虽有依据，但未确认属于基层群众性自治组织职责范围且能够核实，不予出具。"
                 : name + " has a basis, but is not confirmed within the committee's duties and verifiable: it is not issued.";
        bool amend = false;
        for (Flag f : d.flags) amend = amend || f == Flag::propose_amendment;
        if (amend)
          out += zh ? "依据二（三）4，应在广泛征求意见、充分调研论证的基础上按程序提请修改有关规定。"
                    : " Under 2.3.4 an amendment of the provision should be proposed.";
      }
      break;
    case Outcome::refuse_redirect:
      out = zh ? name + "列入《不应由基层群众性自治组织出具证明事项清单（第一批）》，依据二（二）2一般情况下不予出具。"
               : name + " is on the national no-issue list (batch 1): under 2.2.2 it is in general not issued.";
      if (d.route && !d.route->empty())
        out += (zh ? "办事途径：" : " Route (办事途径): ") + d.route->text;
      if (zh && !out.empty() && out.compare(out.size() - 3, 3, "。") != 0) out += "。";
      break;
  }
  if (!d.steps.empty()) {
    out += zh ? "出具前须：" : " Steps first: ";
    for (std::size_t i = 0; i < d.steps.size(); ++i) {
      if (i) out += zh ? "；" : "; ";
      out += describe(d.steps[i], l);
    }
    out += zh ? "。" : ".";
  }
  if (d.time_limit) {
    if (d.time_limit->kind == TimeLimitKind::on_the_spot) {
      out += zh ? "依据二（三）5当场办结。" : " Under 2.3.5 it is done on the spot.";
    } else {
      const std::string n = std::to_string(d.time_limit->working_days);
      out += zh ? "依据二（三）5限时办结：" + n + "个工作日内" : " Under 2.3.5 it is done within " + n + " working days";
      if (d.time_limit->due) out += (zh ? "（" + d.time_limit->due->to_string() + "前）" : " (by " + d.time_limit->due->to_string() + ")");
      out += zh ? "。" : ".";
    }
  }
  if (!d.open_questions.empty()) {
    out += zh ? "尚待确认：" : " Still open: ";
    for (std::size_t i = 0; i < d.open_questions.size(); ++i) {
      const OpenQuestion& q = d.open_questions[i];
      if (i) out += zh ? "；" : "; ";
      out += zh ? std::string("是否") + describe(q.fact, l) + "（如是，可能改为“" + describe(q.outcome_if_yes, l) + "”）"
                : std::string(describe(q.fact, l)) + "? (if yes: " + describe(q.outcome_if_yes, l) + ")";
    }
    out += zh ? "。" : ".";
  }
  return out;
}

}  // namespace jianzheng

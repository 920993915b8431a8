// The decision procedure of docs/design.md §4, exhaustively: every item class × every combination of
// the five tri-state facts (3^5 = 243) × both values of the public-interest setting gives
// exactly one outcome, equal to an independent table written here from docs/design.md §4; the open
// questions equal a brute-force reading of their definition (public interest asked only where
// it can plausibly apply, docs/decisions.md); every clause 2.1.1–2.2.2 decides at least one
// case. Free text the name matcher is unsure of, with a listed candidate, is never issued.
#include "jianzheng/engine.hpp"

#include <catch2/catch.hpp>

#include <map>
#include <optional>
#include <set>

#include "jianzheng/error.hpp"
#include "jianzheng/name_matcher.hpp"
#include "jianzheng/work_calendar.hpp"

using namespace jianzheng;

namespace {

// The five item classes of the issue: listed; listed with its carve-out purpose; unlisted
// with a qualifying basis; with a policy-document basis only; with none.
enum class Class { listed, listed_carve_out, qualifying_basis, policy_only, no_basis };
const Class kClasses[] = {Class::listed, Class::listed_carve_out, Class::qualifying_basis,
                          Class::policy_only, Class::no_basis};

LegalBasis basis(const char* title, BasisLevel level) {
  LegalBasis b;
  b.title = title;
  b.level = level;
  return b;
}

CatalogLayer test_layer(bool public_interest_needs_item_basis) {
  CatalogLayer layer;
  layer.provenance.id = "test-engine";
  layer.provenance.jurisdiction = "测试";
  layer.provenance.title = "engine test layer";
  layer.settings.public_interest_needs_item_basis = public_interest_needs_item_basis;

  Item listed;  // 附件1-like: a no-issue item with one carve-out
  listed.id = "listed";
  listed.seq = 1;
  listed.name = "测试亲属关系证明";
  listed.disposition = Disposition::not_by_committee;
  listed.route.text = "由公安派出所核实后出具";
  listed.route.channels = {Channel::agency_issues};
  listed.route.agencies = {"公安"};
  CarveOut co;
  co.scenario = "公证";
  co.words = {"公证"};
  listed.carve_outs.push_back(co);
  layer.items.push_back(listed);

  Item with_law;  // a county-list item resting on a law
  with_law.id = "with-law";
  with_law.seq = 2;
  with_law.name = "测试依法证明";
  with_law.disposition = Disposition::by_committee;
  with_law.bases.push_back(basis("《中华人民共和国测试法》", BasisLevel::law));
  with_law.complexity = Complexity::simple;
  layer.items.push_back(with_law);

  Item policy;  // resting on a policy document only
  policy.id = "policy-only";
  policy.seq = 3;
  policy.name = "测试政策证明";
  policy.disposition = Disposition::by_committee;
  policy.bases.push_back(basis("《某县关于测试的通知》", BasisLevel::policy_document));
  layer.items.push_back(policy);

  Item bare;  // unlisted, nothing known
  bare.id = "bare";
  bare.seq = 4;
  bare.name = "测试无依据证明";
  bare.disposition = Disposition::unlisted;
  layer.items.push_back(bare);
  return layer;
}

// `community`: the purpose names a community matter, where 二（一）2 can plausibly apply.
Request request_for(Class c, const std::array<Tri, 5>& facts, bool community = false) {
  Request r;
  r.date = Date::from_ymd(2021, 9, 30);
  switch (c) {
    case Class::listed: r.item = "listed"; r.purpose = "银行贷款"; break;
    case Class::listed_carve_out: r.item = "listed"; r.purpose = "办理公证"; break;
    case Class::qualifying_basis: r.item = "with-law"; break;
    case Class::policy_only: r.item = "policy-only"; break;
    case Class::no_basis: r.item = "bare"; break;
  }
  if (community && c != Class::listed && c != Class::listed_carve_out) r.purpose = "村民小组集体道路修建";
  r.facts.values = facts;
  return r;
}

// ---- The independent table: docs/design.md §4 written out again, case by case. ----
// Unknown counts as no. Returns the outcome and the clause that decides it.
struct Expected {
  Outcome outcome;
  const char* clause;
};

Expected expected(Class c, bool needs_basis, const std::array<Tri, 5>& f) {
  const bool within = f[0] == Tri::yes, verif = f[1] == Tri::yes, trans = f[2] == Tri::yes,
             pub = f[3] == Tri::yes, risk = f[4] == Tri::yes;
  if (c == Class::listed_carve_out) {  // 附件1 （…除外）
    if (within && verif) return {Outcome::issue_for_stated_purpose, "annex.1"};
    return {Outcome::refuse, "annex.1"};
  }
  if (c == Class::listed) {
    if (trans && within && verif) return {Outcome::issue_transitional, "2.1.3"};  // 二（一）3
    return {Outcome::refuse_redirect, "2.2.2"};                                   // 二（二）2
  }
  const bool has_basis = c == Class::qualifying_basis;  // a policy document does not qualify
  if (pub && within && (has_basis || !needs_basis))
    return {Outcome::issue_after_deliberation, "2.1.2"};  // 二（一）2
  if (!has_basis) return {Outcome::refuse, "2.2.1"};      // 二（二）1
  if (!within || !verif) return {Outcome::refuse, "2.1.1"};  // duties: 二（一）1, 二（三）4
  if (risk) return {Outcome::issue_after_risk_assessment, "2.1.4"};  // 二（一）4
  return {Outcome::must_issue, "2.1.1"};                             // 二（一）1
}

std::vector<std::array<Tri, 5>> all_fact_combinations() {
  std::vector<std::array<Tri, 5>> out;
  const Tri values[] = {Tri::yes, Tri::no, Tri::unknown};
  for (int i = 0; i < 243; ++i) {
    std::array<Tri, 5> f{};
    int k = i;
    for (auto& t : f) {
      t = values[k % 3];
      k /= 3;
    }
    out.push_back(f);
  }
  return out;
}

const Engine& engine_with(bool needs_basis) {
  static const Engine plain({test_layer(false)});
  static const Engine strict({test_layer(true)});
  return needs_basis ? strict : plain;
}

}  // namespace

TEST_CASE("every item class and fact combination gives the outcome of docs/design.md §4", "[engine][decisions]") {
  std::set<std::string> deciding;
  int cases = 0;
  for (bool needs_basis : {false, true}) {
    const Engine& engine = engine_with(needs_basis);
    for (Class c : kClasses)
      for (const auto& facts : all_fact_combinations()) {
        const Decision d = engine.decide(request_for(c, facts));
        const Expected e = expected(c, needs_basis, facts);
        INFO("class " << static_cast<int>(c) << " needs_basis " << needs_basis << " facts "
                      << to_string(facts[0]) << "," << to_string(facts[1]) << ","
                      << to_string(facts[2]) << "," << to_string(facts[3]) << ","
                      << to_string(facts[4]));
        REQUIRE(d.outcome == e.outcome);
        REQUIRE(d.deciding_clause() != nullptr);
        REQUIRE(d.deciding_clause()->id == e.clause);
        deciding.insert(d.deciding_clause()->id);
        // Exactly one rule fires, the last one tried; resolve comes first.
        REQUIRE(d.trace.size() >= 2);
        REQUIRE(d.trace[0].rule == Rule::resolve);
        int fired = 0;
        for (const TraceEntry& t : d.trace) fired += t.fired;
        REQUIRE(fired == 1);
        REQUIRE(d.trace[d.trace.size() - 1].fired);
        // Issuing outcomes carry a time limit (二（三）5); refusals none.
        REQUIRE(d.time_limit.has_value() == is_issuing(d.outcome));
        ++cases;
      }
  }
  CHECK(cases == 2 * 5 * 243);
  // Every clause 2.1.1–2.2.2 decides at least one case.
  for (const char* id : {"2.1.1", "2.1.2", "2.1.3", "2.1.4", "2.2.1", "2.2.2"}) CHECK(deciding.count(id) == 1);
}

TEST_CASE("open questions are exactly the unknown facts whose yes could change the outcome", "[engine][decisions]") {
  // Brute force of docs/design.md §4's definition: f is open when, for some set S of the other
  // unknown facts answered yes (the rest staying unknown), answering f yes as well changes
  // the outcome; the outcome given must be one such change leads to. Public interest (二（一）2)
  // is asked only where it can plausibly apply — a community matter — and is otherwise
  // decided as no without being asked (docs/decisions.md).
  for (bool community : {false, true})
  for (bool needs_basis : {false, true}) {
    const Engine& engine = engine_with(needs_basis);
    for (Class c : kClasses)
      for (const auto& facts : all_fact_combinations()) {
        std::vector<int> unknown;
        const bool listed = c == Class::listed || c == Class::listed_carve_out;
        for (int i = 0; i < 5; ++i)
          if (facts[i] == Tri::unknown && (i != 3 || community || listed)) unknown.push_back(i);
        std::map<int, std::set<Outcome>> reachable;  // fact → outcomes its yes can lead to
        for (int f : unknown) {
          std::vector<int> others;
          for (int o : unknown)
            if (o != f) others.push_back(o);
          for (unsigned mask = 0; mask < (1u << others.size()); ++mask) {
            auto base = facts;
            for (std::size_t k = 0; k < others.size(); ++k)
              if (mask & (1u << k)) base[others[k]] = Tri::yes;
            auto with = base;
            with[f] = Tri::yes;
            const Outcome a = expected(c, needs_basis, base).outcome;
            const Outcome b = expected(c, needs_basis, with).outcome;
            if (a != b) reachable[f].insert(b);
          }
        }
        const Decision d = engine.decide(request_for(c, facts, community));
        std::set<int> got;
        for (const OpenQuestion& q : d.open_questions) {
          const int f = static_cast<int>(q.fact);
          got.insert(f);
          REQUIRE(reachable.count(f) == 1);
          REQUIRE(reachable[f].count(q.outcome_if_yes) == 1);
          // together_with: the other facts that must be yes too, all unknown, and with them the
          // outcome is reached (and without f it is not).
          auto with = facts;
          for (int o : unknown)
            if (q.together_with & fact_bit(static_cast<Fact>(o))) with[o] = Tri::yes;
          REQUIRE((q.together_with & fact_bit(q.fact)) == 0);
          const Outcome before = expected(c, needs_basis, with).outcome;
          with[f] = Tri::yes;
          REQUIRE(expected(c, needs_basis, with).outcome == q.outcome_if_yes);
          REQUIRE(before != q.outcome_if_yes);
        }
        std::set<int> want;
        for (const auto& kv : reachable) want.insert(kv.first);
        REQUIRE(got == want);
      }
  }
}

TEST_CASE("an all-unknown listed item asks about the transition facts", "[engine][decisions]") {
  // 二（一）3: transitional issuing needs all three of transitional_need, within_duties and
  // verifiable; each one alone changes nothing, but with the others answered yes it does —
  // so each is asked together with the other two.
  const Decision d = engine_with(false).decide(request_for(Class::listed, {Tri::unknown, Tri::unknown, Tri::unknown, Tri::unknown, Tri::unknown}));
  CHECK(d.outcome == Outcome::refuse_redirect);
  REQUIRE(d.open_questions.size() == 3);
  const unsigned three = fact_bit(Fact::within_duties) | fact_bit(Fact::verifiable) | fact_bit(Fact::transitional_need);
  for (const OpenQuestion& q : d.open_questions) {
    CHECK(q.outcome_if_yes == Outcome::issue_transitional);
    CHECK((q.together_with | fact_bit(q.fact)) == three);
  }
  REQUIRE(d.route != nullptr);
  CHECK(d.route->text == "由公安派出所核实后出具");
}

TEST_CASE("a basis is counted only at a qualifying level, from the item or the requester", "[engine][decisions]") {
  // 二（一）1 / 二（二）1: a policy document does not qualify; a requester's law does.
  Request r = request_for(Class::policy_only, {Tri::yes, Tri::yes, Tri::no, Tri::no, Tri::no});
  CHECK(engine_with(false).decide(r).outcome == Outcome::refuse);
  r.bases.push_back(basis("《中华人民共和国公证法》", BasisLevel::law));
  const Decision d = engine_with(false).decide(r);
  CHECK(d.outcome == Outcome::must_issue);
  CHECK(d.basis == BasisSource::requester);
  r.bases.back().level = BasisLevel::departmental_rule;
  CHECK(engine_with(false).decide(r).outcome == Outcome::refuse);
}

TEST_CASE("a refusal for duties is flagged propose_amendment only when a fact is no", "[engine][decisions]") {
  // 二（三）4: 有法律依据但基层群众性自治组织没有能力核实的 … 提请修改.
  const Decision no = engine_with(false).decide(request_for(Class::qualifying_basis, {Tri::yes, Tri::no, Tri::no, Tri::no, Tri::no}));
  CHECK(no.outcome == Outcome::refuse);
  REQUIRE(no.flags.size() == 1);
  CHECK(no.flags[0] == Flag::propose_amendment);
  const Decision unknown = engine_with(false).decide(request_for(Class::qualifying_basis, {Tri::yes, Tri::unknown, Tri::no, Tri::no, Tri::no}));
  CHECK(unknown.outcome == Outcome::refuse);
  CHECK(unknown.flags.empty());
  REQUIRE(unknown.open_questions.size() == 1);
  CHECK(unknown.open_questions[0].fact == Fact::verifiable);
  CHECK(unknown.open_questions[0].outcome_if_yes == Outcome::must_issue);
}

TEST_CASE("steps follow the deciding clause, and legal risk adds the 2.1.4 steps", "[engine][decisions]") {
  const Engine& e = engine_with(false);
  // 二（一）2 with 二（一）4: deliberation, agreement, signature, then investigation and assessment.
  Decision d = e.decide(request_for(Class::no_basis, {Tri::yes, Tri::no, Tri::no, Tri::yes, Tri::yes}));
  CHECK(d.outcome == Outcome::issue_after_deliberation);
  std::vector<Step> steps(d.steps.begin(), d.steps.end());
  CHECK(steps == std::vector<Step>{Step::organise_deliberation, Step::residents_agree, Step::head_signs,
                                   Step::investigate, Step::assess_and_prevent});
  // 附件1 （…除外）: state the purpose.
  d = e.decide(request_for(Class::listed_carve_out, {Tri::yes, Tri::yes, Tri::no, Tri::no, Tri::no}));
  REQUIRE(d.carve_out != nullptr);
  CHECK(d.carve_out->scenario == "公证");
  steps.assign(d.steps.begin(), d.steps.end());
  CHECK(steps == std::vector<Step>{Step::state_purpose});
  // 二（一）4.
  d = e.decide(request_for(Class::qualifying_basis, {Tri::yes, Tri::yes, Tri::no, Tri::no, Tri::yes}));
  steps.assign(d.steps.begin(), d.steps.end());
  CHECK(steps == std::vector<Step>{Step::investigate, Step::deliberate, Step::assess_and_prevent});
}

TEST_CASE("time limits: simple on the spot, complex in working days with a due date", "[engine][decisions]") {
  // 二（三）5: 简单证明当场办结、复杂证明限时办结.
  const Engine& e = engine_with(false);
  Decision d = e.decide(request_for(Class::qualifying_basis, {Tri::yes, Tri::yes, Tri::no, Tri::no, Tri::no}));
  REQUIRE(d.time_limit);
  CHECK(d.time_limit->kind == TimeLimitKind::on_the_spot);
  // No complexity set: complex with the default 5 working days (docs/decisions.md).
  // 2021-09-30 + 5 working days: 10-01…10-07 are the National Day holiday, 10-09 is worked.
  Request r = request_for(Class::no_basis, {Tri::yes, Tri::no, Tri::no, Tri::yes, Tri::no});
  d = e.decide(r);
  REQUIRE(d.time_limit);
  CHECK(d.time_limit->kind == TimeLimitKind::working_days);
  CHECK(d.time_limit->working_days == 5);
  REQUIRE(d.time_limit->due);
  CHECK(*d.time_limit->due == WorkCalendar::embedded_default().add_working_days(*r.date, 5));
  // Outside the calendar's years: no due date, a note, never a crash.
  r.date = Date::from_ymd(2035, 3, 1);
  d = e.decide(r);
  REQUIRE(d.time_limit);
  CHECK_FALSE(d.time_limit->due);
  CHECK(d.time_limit->note != nullptr);
  // No date: no due date, and no note.
  r.date.reset();
  d = e.decide(r);
  CHECK_FALSE(d.time_limit->due);
}

TEST_CASE("decide_many gives the same decisions in order on several threads", "[engine][decisions]") {
  std::vector<Request> requests;
  for (Class c : kClasses)
    for (const auto& f : all_fact_combinations()) requests.push_back(request_for(c, f));
  const Engine& e = engine_with(false);
  const std::vector<Decision> one = e.decide_many(requests, 1);
  const std::vector<Decision> four = e.decide_many(requests, 4);
  REQUIRE(one.size() == requests.size());
  REQUIRE(four.size() == requests.size());
  for (std::size_t i = 0; i < requests.size(); ++i) {
    CHECK(one[i].outcome == e.decide(requests[i]).outcome);
    CHECK(four[i].outcome == one[i].outcome);
  }
}

TEST_CASE("an unknown item id is an error, unmatched text an unlisted item", "[engine][decisions]") {
  Request r;
  r.item = "no-such-item";
  try {
    (void)engine_with(false).decide(r);
    FAIL("expected Error");
  } catch (const Error& err) {
    CHECK(err.code() == ErrorCode::unknown_reference);
    CHECK(err.where() == "/item");
  }
  r.item.clear();
  r.text = "完全不存在的证明名称xyz";
  r.facts.set(Fact::within_duties, Tri::yes);
  r.facts.set(Fact::verifiable, Tri::yes);
  const Decision d = engine_with(false).decide(r);
  CHECK(d.item == nullptr);
  CHECK(d.outcome == Outcome::refuse);  // 二（二）1: no known basis
  CHECK(d.deciding_clause()->id == "2.2.1");
}

TEST_CASE("public interest is asked about only for a community matter", "[engine][decisions]") {
  // 二（一）2 concerns 城乡社区公共利益 or 本辖区多数居民群众切身利益: a certificate about one
  // resident's own circumstances does not plausibly concern it, so an unknown public_interest
  // is not put to the clerk there (docs/decisions.md); answered yes, it still decides.
  const auto asks_public = [](const Decision& d) {
    for (const OpenQuestion& q : d.open_questions)
      if (q.fact == Fact::public_interest) return true;
    return false;
  };
  const std::array<Tri, 5> unknown_public{Tri::yes, Tri::no, Tri::no, Tri::unknown, Tri::no};
  CHECK_FALSE(asks_public(engine_with(false).decide(request_for(Class::no_basis, unknown_public))));
  CHECK(asks_public(engine_with(false).decide(request_for(Class::no_basis, unknown_public, true))));
  Request text;
  text.text = "居住证明";
  text.date = Date::from_ymd(2021, 9, 30);
  text.facts.set(Fact::within_duties, Tri::yes);
  CHECK_FALSE(asks_public(engine_with(false).decide(text)));
  text.text = "小区业主共有部分使用情况证明";
  CHECK(asks_public(engine_with(false).decide(text)));
  // Answered yes, it applies whatever the words.
  const Decision yes = engine_with(false).decide(request_for(Class::no_basis, {Tri::yes, Tri::no, Tri::no, Tri::yes, Tri::no}));
  CHECK(yes.outcome == Outcome::issue_after_deliberation);
  CHECK(yes.deciding_clause()->id == "2.1.2");
}

TEST_CASE("free text that may name a listed item is never issued until the item is confirmed", "[engine][decisions]") {
  // 二（二）2: the item is uncertain and one candidate is on the no-issue list. Whatever the facts
  // (even public_interest yes with a requester's law, which would issue an unlisted item under
  // 二（一）2 or 二（一）1), the answer is not to issue, citing 二（二）2 and 附件1, and the
  // decision lists the candidates with the outcome each would lead to.
  const Engine& e = engine_with(false);
  const NameMatcher matcher(e.catalog(Date::from_ymd(2021, 9, 30)));
  REQUIRE(matcher.resolve("测试亲属关系正名").certainty == Certainty::uncertain);
  int cases = 0;
  for (const auto& facts : all_fact_combinations()) {
    Request r;
    r.text = "测试亲属关系正名";
    r.date = Date::from_ymd(2021, 9, 30);
    r.bases.push_back(basis("《中华人民共和国公证法》", BasisLevel::law));
    r.facts.values = facts;
    const Decision d = e.decide(r);
    INFO("facts " << to_string(facts[0]) << to_string(facts[1]) << to_string(facts[2]) << to_string(facts[3]) << to_string(facts[4]));
    REQUIRE(d.certainty == Certainty::uncertain);
    REQUIRE(d.item == nullptr);
    REQUIRE(d.outcome == Outcome::refuse);
    REQUIRE(d.deciding_clause()->id == "2.2.2");
    REQUIRE(d.clauses[1]->id == "annex.1");
    REQUIRE(d.open_questions.empty());  // no fact changes it: the item question does
    REQUIRE(d.trace[0].rule == Rule::resolve);
    REQUIRE(d.trace[d.trace.size() - 1].rule == Rule::listed);
    REQUIRE(d.trace[d.trace.size() - 1].fired);
    REQUIRE_FALSE(d.candidates.empty());
    REQUIRE(d.candidates[0].item->id == "listed");
    // Each candidate's outcome is the decision it would get once confirmed.
    Request confirmed = r;
    confirmed.text.clear();
    confirmed.item = "listed";
    REQUIRE(d.candidates[0].outcome == e.decide(confirmed).outcome);
    // If it is none of them: an unlisted item with the requester's law.
    Request none = r;
    none.text = "完全不存在的证明名称xyz";
    REQUIRE(d.outcome_if_none == e.decide(none).outcome);
    ++cases;
  }
  CHECK(cases == 243);
}

TEST_CASE("free text uncertain between items none of which is listed is decided as unlisted, with the question", "[engine][decisions]") {
  // No candidate is on a no-issue list: until the clerk confirms, the request is decided as an
  // unlisted item (here with no basis: 二（二）1), and the candidates come with their outcomes.
  const Engine& e = engine_with(false);
  Request r;
  r.text = "测试依发证明";  // 测试依法证明 with one character misheard (法 → 发)
  r.date = Date::from_ymd(2021, 9, 30);
  REQUIRE(NameMatcher(e.catalog(*r.date)).resolve(r.text).certainty == Certainty::uncertain);
  r.facts.set(Fact::within_duties, Tri::yes);
  r.facts.set(Fact::verifiable, Tri::yes);
  const Decision d = e.decide(r);
  CHECK(d.certainty == Certainty::uncertain);
  CHECK(d.item == nullptr);
  CHECK(d.outcome == Outcome::refuse);
  CHECK(d.deciding_clause()->id == "2.2.1");
  CHECK(d.outcome_if_none == Outcome::refuse);
  REQUIRE(d.candidates.size() == 1);
  CHECK(d.candidates[0].item->id == "with-law");
  CHECK(d.candidates[0].outcome == Outcome::must_issue);  // if it is 测试依法证明: 二（一）1
  CHECK(std::string(clause_of(d.candidates[0].rule)) == "2.1.1");
}

TEST_CASE("a remembered name resolution is never returned by another engine, and equals a fresh one", "[engine][decisions]") {
  // Free text's resolution is remembered per thread (src/text_memo.hpp, docs/decisions.md). An
  // engine built where a destroyed one was, whose catalog names the same text otherwise, must
  // resolve afresh: the memo is keyed by an id no other composition ever has.
  CatalogLayer renamed = test_layer(false);
  renamed.items[0].name = "测试家庭成员证明";  // 测试亲属关系证明 is no longer a name of anything
  Request r;
  r.text = "我要开个测试亲属关系证明";  // a sentence: resolved by the matcher, not the exact-name path
  r.date = Date::from_ymd(2021, 9, 30);
  for (int round = 0; round < 3; ++round) {
    std::optional<Engine> e;
    e.emplace(std::vector<CatalogLayer>{test_layer(false)});
    const Decision first = e->decide(r);
    REQUIRE(first.item);
    CHECK(first.item->id == "listed");
    CHECK(to_json(e->decide(r)) == to_json(first));  // the remembered answer decides the same
    e.reset();
    e.emplace(std::vector<CatalogLayer>{renamed});
    const Decision other = e->decide(r);
    CHECK(other.item == nullptr);
    CHECK(other.certainty == Certainty::none);
  }
  // More spellings than the memo has slots, twice over: every answer is the matcher's own.
  const Engine e;
  const auto& m = e.matcher(r.date);
  std::vector<std::string> texts;
  for (const char* name : {"亲属关系证明", "死亡证明", "无犯罪记录证明", "养犬证明", "收入证明", "居住证明"})
    for (const char* frame : {"我要开个%s", "%s，急用", "麻烦开%s吧", "开%s", "%s谢谢", "办个%s", "请问%s在哪开",
                              "需要%s", "帮我开一张%s", "%s怎么开", "我想要%s", "村里能开%s吗", "社区开%s",
                              "%s一份", "要%s", "%s两份", "给我开%s", "开具%s", "出具%s", "%s（急）", "%s!!",
                              "%s。", "一份%s", "%s吗", "%s呀"}) {
      for (const char* lead : {"", "请", "麻烦", "急"}) {
        std::string t = frame;
        t.replace(t.find("%s"), 2, name);
        texts.push_back(lead + t);
      }
    }
  REQUIRE(texts.size() > 512);  // more than the memo's slots
  for (int pass = 0; pass < 2; ++pass)
    for (const std::string& t : texts) {
      Request q;
      q.text = t;
      q.date = r.date;
      const Decision d = e.decide(q);
      const Resolution fresh = m.resolve(t, 4);
      INFO(t);
      CHECK(d.certainty == fresh.certainty);
      if (fresh.certainty == Certainty::confident) {
        REQUIRE(d.item);
        CHECK(d.item == fresh.candidates.front().item);
      }
    }
}

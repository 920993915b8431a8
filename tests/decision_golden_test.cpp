// Golden decisions: a broad spread of requests — every item on three as-of dates × every
// combination of the five facts; purposes, requesters, bases and explicit carve-outs; free
// texts, sure and unsure — decided by the embedded engine, and each decision's JSON (Chinese
// pretty, English compact) and explanation (Chinese, English) hashed by group against
// tests/data/decisions/golden_sha256.tsv, generated from main (f02f501) without the changes to the decision path
// (docs/performance.md, "Decisions"). A performance change must leave every byte as
// it was; so must admissions and complaints, which share the decision core.
//
// Only a deliberate change of decisions may regenerate the file, and the change must then be
// reviewed in the decisions themselves (the group names say where to look):
//   JIANZHENG_WRITE_GOLDEN=tests/data/decisions/golden_sha256.tsv build/tests/jianzheng_tests '[golden]'
#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "jianzheng/engine.hpp"
#include "jianzheng/error.hpp"
#include "jianzheng/work_calendar.hpp"
#include "jianzheng/version.hpp"
#include "sha256.hpp"

using namespace jianzheng;

namespace {

const char* const kGoldenFile = JIANZHENG_TEST_DATA_DIR "/decisions/golden_sha256.tsv";

// As-of dates: in the transition with 法律援助 still excepted; after it ended; today's list.
const Date kDates[] = {Date::from_ymd(2021, 9, 30), Date::from_ymd(2022, 6, 1), Date::from_ymd(2026, 11, 30)};

// Fact patterns for the groups that vary something else: all yes, all no, all unknown, and
// the mixtures that reach the transition, the public-interest and the legal-risk rules.
const Tri kFactPatterns[][fact_count] = {
    {Tri::yes, Tri::yes, Tri::yes, Tri::yes, Tri::yes},
    {Tri::no, Tri::no, Tri::no, Tri::no, Tri::no},
    {Tri::unknown, Tri::unknown, Tri::unknown, Tri::unknown, Tri::unknown},
    {Tri::yes, Tri::yes, Tri::no, Tri::no, Tri::no},
    {Tri::yes, Tri::unknown, Tri::yes, Tri::unknown, Tri::no},
    {Tri::yes, Tri::yes, Tri::no, Tri::yes, Tri::unknown},
};

const char* const kPurposes[] = {"",           "不动产登记",           "办理收养登记", "银行贷款",
                                 "法律援助",   "不是用于不动产登记的", "房子过户，可能要办继承",
                                 "补领结婚证"};

// Free text as residents and clerks write it: list names, aliases, folded spellings, vague
// and unsure names, a meaning-changing edit, and text that names nothing listed.
const char* const kTexts[] = {"婚姻状况证明", "单身证明",     "亲属关系证明", "收入证明",   "无犯罪记录证明",
                              "户籍证明",     "死亡证明",     "经营场所证明", "健在证明",   "房产证明",
                              "证件遗失证明", "《婚姻状况证明》", "居民 财产证明", "亲屬關係證明", "（户籍证明）",
                              "出生證明",     "表现证明",     "失踪证明",     "失业证明",   "居住证明",
                              "籍贯证明",     "亲属证明",     "火星居住证明", "证明",       "无房证明"};

std::vector<LegalBasis> bases_variant(int k) {
  std::vector<LegalBasis> out;
  if (k == 1) {
    LegalBasis b;
    b.title = "《中国公民收养子女登记办法》";
    b.article = "第五条";
    b.level = BasisLevel::administrative_regulation;
    out.push_back(b);
  } else if (k == 2) {
    LegalBasis b;
    b.title = "某县人民政府办公室关于进一步做好证明事项工作的通知";
    b.level = BasisLevel::policy_document;
    out.push_back(b);
  }
  return out;
}

void set_facts(Facts& facts, const Tri (&p)[fact_count]) {
  for (std::size_t i = 0; i < fact_count; ++i) facts.values[i] = p[i];
}

// The receipt of every decision names the library's version and the catalog's SHA-256: a
// release, or a catalog edit that changes no decision's content (an alias, a note), is not a
// change of decisions, so both are hashed as placeholders. Content that changes is still seen.
struct Stamps {
  std::vector<std::pair<std::string, std::string>> marks;  // (text, placeholder)
  explicit Stamps(const Engine& engine) {
    marks.emplace_back(version(), "<version>");
    for (const Date& day : kDates) marks.emplace_back(engine.catalog_sha256(day), "<catalog sha256>");
  }
  std::string clean(std::string text) const {
    for (const auto& [mark, placeholder] : marks)
      for (std::size_t at = text.find(mark); !mark.empty() && at != std::string::npos; at = text.find(mark, at))
        text.replace(at, mark.size(), placeholder);
    return text;
  }
};

// Every output a decision has, one after another: JSON in both languages and shapes, and the
// clerk's paragraph in both languages. An error is recorded as its message.
template <class F>
std::string rendered(const Stamps& stamps, F&& decide) {
  try {
    const Decision d = decide();
    return stamps.clean(to_json(d, Language::zh) + "\n" + to_json(d, Language::en, true) + "\n" +
                           explain(d, Language::zh) + "\n" + explain(d, Language::en) + "\n");
  } catch (const Error& e) {
    return std::string("error: ") + e.what() + "\n";
  }
}

// Group name → hash of everything its decisions render, and how many there were.
struct Groups {
  std::map<std::string, std::pair<std::string, int>> bytes;
  void add(const std::string& group, const std::string& text) {
    auto& g = bytes[group];
    g.first += text;
    ++g.second;
  }
  std::map<std::string, std::string> hashed() const {
    std::map<std::string, std::string> out;
    for (const auto& [name, g] : bytes) out[name] = std::to_string(g.second) + "\t" + detail::sha256_hex(g.first);
    return out;
  }
};

std::map<std::string, std::string> golden_now() {
  const Engine engine;
  const Stamps stamps(engine);
  Groups groups;
  for (const Date& day : kDates) {
    const std::string date = day.to_string();
    for (const Item& item : engine.catalog(day).items()) {
      // Every combination of the five facts, purpose and requester left out.
      for (int code = 0; code < 243; ++code) {
        Request r;
        r.item = item.id;
        r.date = day;
        for (std::size_t i = 0, c = static_cast<std::size_t>(code); i < fact_count; ++i, c /= 3)
          r.facts.values[i] = static_cast<Tri>(c % 3);
        groups.add("facts " + date + " " + item.id, rendered(stamps, [&] { return engine.decide(r); }));
      }
      // Purposes × requesters × bases, on the fact patterns.
      for (const char* purpose : kPurposes)
        for (RequesterKind kind : {RequesterKind::other, RequesterKind::civil_commercial_entity})
          for (int b = 0; b < 3; ++b)
            for (const auto& p : kFactPatterns) {
              Request r;
              r.item = item.id;
              r.date = day;
              r.purpose = purpose;
              r.requester.kind = kind;
              r.requester.name = kind == RequesterKind::other ? "" : "某银行";
              r.bases = bases_variant(b);
              set_facts(r.facts, p);
              groups.add("purposes " + date + " " + item.id, rendered(stamps, [&] { return engine.decide(r); }));
            }
      // Each explicit carve-out, and one the item does not have.
      std::vector<std::string> carve_outs;
      for (const CarveOut& c : item.carve_outs) carve_outs.push_back(c.scenario);
      carve_outs.push_back("不存在的情形");
      for (const std::string& c : carve_outs)
        for (const auto& p : kFactPatterns) {
          Request r;
          r.item = item.id;
          r.date = day;
          r.carve_out = c;
          set_facts(r.facts, p);
          groups.add("carve_out " + date + " " + item.id, rendered(stamps, [&] { return engine.decide(r); }));
        }
      // Admission and supervision by id, with and without a purpose.
      for (const char* purpose : {"", "不动产登记", "银行贷款"})
        for (Tri duties : {Tri::yes, Tri::no, Tri::unknown})
          for (Tri verifiable : {Tri::yes, Tri::no, Tri::unknown}) {
            Demand d;
            d.department = "县人社局";
            d.item = item.id;
            d.purpose = purpose;
            d.within_duties = duties;
            d.verifiable = verifiable;
            d.date = day;
            d.bases = bases_variant(verifiable == Tri::yes ? 1 : 0);
            groups.add("admit " + date,
                       stamps.clean(to_json(engine.admit(d), Language::zh) + to_json(engine.admit(d), Language::en, true)));
          }
      for (const char* purpose : {"", "不动产登记", "银行贷款"})
        for (RequesterKind kind : {RequesterKind::government_department, RequesterKind::civil_commercial_entity}) {
          Complaint c;
          c.body = "某单位";
          c.body_kind = kind;
          c.item = item.id;
          c.purpose = purpose;
          c.channel = "online";
          c.date = day;
          groups.add("supervise " + date, stamps.clean(to_json(engine.supervise(c), Language::zh) +
                                                          to_json(engine.supervise(c), Language::en, true)));
        }
    }
    // Free text, with and without a purpose.
    for (const char* text : kTexts)
      for (const char* purpose : {"", "银行贷款", "不动产登记"})
        for (const auto& p : kFactPatterns) {
          Request r;
          r.text = text;
          r.date = day;
          r.purpose = purpose;
          set_facts(r.facts, p);
          groups.add("text " + date, rendered(stamps, [&] { return engine.decide(r); }));
        }
    for (const char* text : kTexts) {
      Demand d;
      d.department = "县人社局";
      d.text = text;
      d.within_duties = Tri::yes;
      d.date = day;
      groups.add("admit text " + date, stamps.clean(to_json(engine.admit(d), Language::zh)));
      Complaint c;
      c.body = "某单位";
      c.body_kind = RequesterKind::government_department;
      c.text = text;
      c.date = day;
      groups.add("supervise text " + date, stamps.clean(to_json(engine.supervise(c), Language::zh)));
    }
  }
  return groups.hashed();
}

}  // namespace

TEST_CASE("golden decisions: every decision, admission and supervision renders byte for byte as before",
          "[golden]") {
  const std::map<std::string, std::string> now = golden_now();
  if (const char* out = std::getenv("JIANZHENG_WRITE_GOLDEN")) {
    std::ofstream file(out, std::ios::binary);
    file << "# group\tdecisions\tsha256 of their JSON (zh pretty, en compact) and explanations (zh, en)\n";
    file << "# tests/decision_golden_test.cpp; regenerate only for a deliberate, reviewed change of decisions\n";
    for (const auto& [name, line] : now) file << name << '\t' << line << '\n';
    REQUIRE(file.good());
    return;
  }
  std::ifstream in(kGoldenFile, std::ios::binary);
  REQUIRE(in.good());
  std::map<std::string, std::string> expected;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const auto tab = line.find('\t');
    expected[line.substr(0, tab)] = line.substr(tab + 1);
  }
  REQUIRE(expected.size() == now.size());
  for (const auto& [name, value] : expected) {
    INFO("group " << name);
    REQUIRE(now.count(name) == 1);
    CHECK(now.at(name) == value);
  }
}

TEST_CASE("due dates: each engine's own calendar, whichever engine decided last on the thread", "[golden][engine]") {
  // 二（三）5. The engine keeps the last due date a thread worked out (src/engine.cpp,
  // DueMemo); an engine with another calendar, even one made where a destroyed one was,
  // must not be handed it.
  Request r;
  r.item = "kinship";
  r.date = Date::from_ymd(2021, 9, 30);
  r.purpose = "不动产登记";
  r.facts.set(Fact::within_duties, Tri::yes);
  r.facts.set(Fact::verifiable, Tri::yes);
  const Engine national;
  const Engine uncovered(default_layers(), ClauseBook::embedded_default(), WorkCalendar());
  for (int round = 0; round < 3; ++round) {
    const Decision a = national.decide(r);
    REQUIRE(a.time_limit);
    REQUIRE(a.time_limit->kind == TimeLimitKind::working_days);
    REQUIRE(a.time_limit->due);
    CHECK(*a.time_limit->due == WorkCalendar::embedded_default().add_working_days(*r.date, a.time_limit->working_days));
    const Decision b = uncovered.decide(r);
    REQUIRE(b.time_limit);
    CHECK_FALSE(b.time_limit->due);  // the empty calendar covers no year: a note, no date
    CHECK(b.time_limit->note != nullptr);
  }
  for (int round = 0; round < 4; ++round) {  // made and destroyed in turn: addresses reused
    const bool covered = round % 2 == 0;
    auto e = covered ? std::make_unique<Engine>() : std::make_unique<Engine>(default_layers(), ClauseBook::embedded_default(), WorkCalendar());
    const Decision d = e->decide(r);
    REQUIRE(d.time_limit);
    CHECK(d.time_limit->due.has_value() == covered);
  }
}

TEST_CASE("dates: to_string writes YYYY-MM-DD as printf's %04d-%02u-%02u did, for every year", "[golden]") {
  // Date::to_string formats digit by digit (explanations write one or two dates each).
  char want[32];
  for (int year : {1, 9, 10, 99, 100, 999, 1000, 1970, 2021, 9999})
    for (unsigned month : {1u, 9u, 10u, 12u})
      for (unsigned day : {1u, 9u, 10u, 28u}) {
        const Date d = Date::from_ymd(year, month, day);
        std::snprintf(want, sizeof want, "%04d-%02u-%02u", year, month, day);
        CHECK(d.to_string() == want);
      }
  Date odd;  // fields set directly, as no check lets through: the printf form still
  odd.year = -5;
  odd.month = 3;
  odd.day = 4;
  CHECK(odd.to_string() == "-005-03-04");
}

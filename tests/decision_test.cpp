// Decisions on the embedded default (the national first batch, 附件1): carve-outs only for
// the item that carries them and only while in force, the route for a redirect, the Decision
// JSON of docs/design.md §8, the receipt, request JSON strictness, admission (二（三）4) and
// supervision (二（三）6).
#include "jianzheng/decision.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <sys/wait.h>

#include "jianzheng/engine.hpp"
#include "jianzheng/error.hpp"
#include "jianzheng/version.hpp"
#include "json/json_io.hpp"
#include "sha256.hpp"
#include "support.hpp"

using namespace jianzheng;
namespace json = boost::json;

namespace {

const Engine& engine() {
  static const Engine e;
  return e;
}

Request ask(const char* item, const char* purpose, const char* date, Tri within = Tri::yes,
            Tri verifiable = Tri::yes) {
  Request r;
  r.item = item;
  r.purpose = purpose;
  r.date = Date::parse(date);
  r.facts.set(Fact::within_duties, within);
  r.facts.set(Fact::verifiable, verifiable);
  r.facts.set(Fact::transitional_need, Tri::no);
  r.facts.set(Fact::public_interest, Tri::no);
  r.facts.set(Fact::legal_risk, Tri::no);
  return r;
}

std::string read(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

TEST_CASE("附件1 第8项: marital status for adoption is issued for the stated purpose", "[decisions]") {
  // （婚姻登记档案丢失、收养情况除外）
  const Decision d = engine().decide(ask("marital-status", "办理收养登记", "2021-09-30"));
  CHECK(d.outcome == Outcome::issue_for_stated_purpose);
  REQUIRE(d.carve_out != nullptr);
  CHECK(d.carve_out->scenario == "收养");
  CHECK(d.deciding_clause()->id == "annex.1");
  REQUIRE(d.steps.size() == 1);
  CHECK(d.steps[0] == Step::state_purpose);
  // Not verifiable: the carve-out still needs 职责范围内且能够核实.
  CHECK(engine().decide(ask("marital-status", "办理收养登记", "2021-09-30", Tri::yes, Tri::no)).outcome == Outcome::refuse);
}

TEST_CASE("a carve-out applies only to the item that carries it", "[decisions]") {
  // 附件1 第1项 excepts 不动产登记 for 亲属关系证明, not for 婚姻状况证明 (第8项).
  CHECK(engine().decide(ask("kinship", "不动产登记", "2021-09-30")).outcome == Outcome::issue_for_stated_purpose);
  const Decision d = engine().decide(ask("marital-status", "不动产登记", "2021-09-30"));
  CHECK(d.outcome == Outcome::refuse_redirect);
  CHECK(d.carve_out == nullptr);
  CHECK(d.deciding_clause()->id == "2.2.2");
  REQUIRE(d.route != nullptr);
  CHECK(d.route->text.find("结婚证") != std::string::npos);
}

TEST_CASE("附件1 第17项: the 法律援助 carve-out ends on 2022-01-01", "[decisions]") {
  // 《中华人民共和国法律援助法》第四十一条 (from 2022-01-01): until is exclusive.
  CHECK(engine().decide(ask("property", "申请法律援助", "2021-12-31")).outcome == Outcome::issue_for_stated_purpose);
  CHECK(engine().decide(ask("property", "申请法律援助", "2022-01-01")).outcome == Outcome::refuse_redirect);
}

TEST_CASE("free text resolves through the name matcher; nothing plausible is unlisted", "[decisions]") {
  Request r = ask("", "", "2021-09-30");
  r.text = "婚姻状况证明";
  Decision d = engine().decide(r);
  REQUIRE(d.item != nullptr);
  CHECK(d.item->id == "marital-status");
  CHECK(d.trace[0].rule == Rule::resolve);
  r.text = "qwzx 无关文字";
  d = engine().decide(r);
  CHECK(d.item == nullptr);
  CHECK(d.outcome == Outcome::refuse);  // 二（二）1: no known basis
  CHECK(d.deciding_clause()->id == "2.2.1");
  CHECK(json::parse(to_json(d)).at("item").is_null());
}

TEST_CASE("the Decision JSON has exactly the members of docs/design.md §8, in order", "[decisions][json]") {
  const Request r = request_from_json(read(std::filesystem::path(JIANZHENG_TEST_DATA_DIR) / "decisions/valid_design_example.json"));
  CHECK(r.item == "marital-status");  // item wins over text
  const Decision d = engine().decide(r);
  CHECK(d.outcome == Outcome::refuse_redirect);
  const std::string text = to_json(d);
  const json::value v = json::parse(text);
  const json::object& o = v.as_object();
  std::vector<std::string> keys;
  for (const auto& kv : o) keys.emplace_back(kv.key());
  // The members of docs/design.md §8 in their order, then the additions of issue 11.
  CHECK(keys == std::vector<std::string>{"outcome", "item", "clauses", "carve_out", "route", "steps", "flags",
                                         "time_limit", "open_questions", "explanation", "trace", "receipt",
                                         "certainty", "item_question", "purpose_questions", "purpose"});
  CHECK(o.at("outcome").as_string() == "refuse_redirect");
  CHECK(o.at("item").at("id").as_string() == "marital-status");
  CHECK(o.at("item").at("name").as_string() == "婚姻状况证明");
  CHECK(o.at("clauses").as_array().at(0).at("id").as_string() == "2.2.2");
  // Verbatim: the clause text is the policy's.
  CHECK(std::string(o.at("clauses").as_array().at(0).at("text").as_string()).find("一般情况下不予出具") != std::string::npos);
  CHECK(o.at("carve_out").is_null());
  CHECK(o.at("time_limit").is_null());
  CHECK(o.at("route").at("channels").as_array().size() > 0);
  const json::object& receipt = o.at("receipt").as_object();
  CHECK(receipt.at("catalog_sha256").as_string().size() == 64);
  CHECK(receipt.at("engine").as_string() == version());
  // Compact JSON is one line, for JSON Lines.
  CHECK(to_json(d, Language::zh, true).find('\n') == std::string::npos);
}

TEST_CASE("the receipt's hash is SHA-256 of the canonical catalog JSON, the same for every decision", "[decisions]") {
  CHECK(detail::sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  const Decision a = engine().decide(ask("kinship", "", "2021-09-30"));
  const Decision b = engine().decide(ask("death", "", "2021-10-30"));
  CHECK(a.receipt.catalog_sha256 == b.receipt.catalog_sha256);
  CHECK(a.receipt.catalog_sha256 == detail::sha256_hex(to_json(engine().catalog(Date::from_ymd(2021, 9, 30)))));
  CHECK(a.receipt.catalog == engine().catalog(Date::from_ymd(2021, 9, 30)).id());
  CHECK(a.receipt.as_of == Date::from_ymd(2021, 9, 30));
}

TEST_CASE("route notes appear only from the day they are in force", "[decisions][json]") {
  // 国卫规划发〔2026〕5号 from 2026-07-01: the text stays verbatim, the note is beside it.
  const auto notes = [](const char* date) {
    const json::value v = json::parse(to_json(engine().decide(ask("death", "", date, Tri::no, Tri::no))));
    return v.at("route").as_object().contains("notes");
  };
  CHECK_FALSE(notes("2026-06-30"));
  CHECK(notes("2026-07-01"));
}

TEST_CASE("request JSON fixtures: valid ones load, invalid ones throw exactly their code", "[decisions][json]") {
  int seen = 0;
  for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(JIANZHENG_TEST_DATA_DIR) / "decisions")) {
    const std::string name = entry.path().filename().string();
    const std::string text = read(entry.path());
    INFO(name);
    if (name.rfind("valid_", 0) == 0) {
      const Request r = request_from_json(text, name);
      CHECK_NOTHROW(engine().decide(r));
      ++seen;
    } else if (name.rfind("invalid_", 0) == 0) {
      try {
        request_from_json(text, name);
        FAIL("expected an Error");
      } catch (const Error& e) {
        CHECK(name.rfind(std::string("invalid_") + to_string(e.code()) + "_", 0) == 0);
      }
      ++seen;
    }
  }
  CHECK(seen >= 10);
}

TEST_CASE("a fact of maybe is unknown_enum naming /facts/verifiable", "[decisions][json]") {
  try {
    request_from_json(R"({"item": "kinship", "facts": {"verifiable": "maybe"}})");
    FAIL("expected an Error");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::unknown_enum);
    CHECK(e.location().pointer == "/facts/verifiable");
  }
}

TEST_CASE("a basis given as text is parsed, and its level counts", "[decisions][json]") {
  const Request r = request_from_json(R"({"text": "居住证明", "bases": ["《中华人民共和国公证法》第十一条"],
      "facts": {"within_duties": "yes", "verifiable": "yes", "legal_risk": "no"}, "date": "2021-09-30"})");
  REQUIRE(r.bases.size() == 1);
  CHECK(r.bases[0].level == BasisLevel::law);
  CHECK(r.bases[0].article == "第十一条");
  // Round trip through the canonical request JSON.
  CHECK(request_from_json(to_json(r)).bases[0].title == "《中华人民共和国公证法》");
}

TEST_CASE("explanations are one paragraph in Chinese, or English on request", "[decisions]") {
  const Decision d = engine().decide(ask("marital-status", "银行贷款", "2021-09-30"));
  const std::string zh = explain(d);
  CHECK(zh.find("二（二）2") != std::string::npos);
  CHECK(zh.find("办事途径") != std::string::npos);
  CHECK(zh.find('\n') == std::string::npos);
  const std::string en = explain(d, Language::en);
  CHECK(en.find("2.2.2") != std::string::npos);
}

TEST_CASE("admission (二（三）4): a listed item is rejected, a basis the committee can carry admitted", "[decisions][admission]") {
  Demand dm;
  dm.department = "县人社局";
  dm.item = "property";
  dm.purpose = "办理失业登记";
  dm.date = Date::from_ymd(2021, 9, 30);
  Admission a = engine().admit(dm);
  CHECK(a.outcome == AdmissionOutcome::rejected);
  CHECK(a.clauses[0]->id == "2.3.4");
  CHECK(a.clauses[1]->id == "2.2.2");
  REQUIRE(a.route != nullptr);

  Demand ok;
  ok.department = "县民政局";
  ok.text = "收养人婚姻状况和抚养教育能力证明";
  ok.bases.push_back(parse_basis("《中华人民共和国收养法》第十五条"));
  ok.within_duties = Tri::yes;
  ok.verifiable = Tri::yes;
  ok.date = Date::from_ymd(2021, 9, 30);
  // The text may resolve to a listed item: give the carve-out purpose so either way it is admissible.
  ok.purpose = "收养登记";
  a = engine().admit(ok);
  CHECK(a.outcome == AdmissionOutcome::admitted);

  ok.verifiable = Tri::no;  // 没有能力核实: 提请修改
  a = engine().admit(ok);
  CHECK(a.outcome == AdmissionOutcome::rejected);
  REQUIRE(a.flags.size() == 1);
  CHECK(a.flags[0] == Flag::propose_amendment);

  ok.verifiable = Tri::unknown;
  a = engine().admit(ok);
  CHECK(a.outcome == AdmissionOutcome::rejected);
  REQUIRE(a.open_questions.size() == 1);
  CHECK(a.open_questions[0].fact == Fact::verifiable);

  ok.bases = {parse_basis("某县人民政府关于加强管理的通知")};  // a policy document does not qualify
  ok.verifiable = Tri::yes;
  ok.text = "某专项补贴资格证明";
  ok.purpose = "";
  a = engine().admit(ok);
  CHECK(a.outcome == AdmissionOutcome::rejected);
  CHECK(a.clauses[1]->id == "2.2.1");
  CHECK(json::parse(to_json(a)).at("outcome").as_string() == "rejected");
}

TEST_CASE("supervision (二（三）6): demanding a listed certificate is unreasonable and reported", "[decisions][supervision]") {
  Complaint c;
  c.body = "某银行";
  c.body_kind = RequesterKind::civil_commercial_entity;
  c.item = "property";
  c.purpose = "贷款";
  c.channel = "hotline 0936-6121532";
  c.date = Date::from_ymd(2021, 9, 30);
  Supervision s = engine().supervise(c);
  CHECK(s.outcome == SupervisionOutcome::unreasonable);
  CHECK(s.notify);
  CHECK(s.clauses[0]->id == "2.3.6");
  CHECK(s.clauses[1]->id == "2.2.2");
  c.purpose = "申请法律援助";  // the carve-out, in force in 2021
  s = engine().supervise(c);
  CHECK(s.outcome == SupervisionOutcome::reasonable);
  CHECK_FALSE(s.notify);
  c.item.clear();
  c.text = "某专项补贴资格证明";
  c.purpose.clear();
  s = engine().supervise(c);
  CHECK(s.outcome == SupervisionOutcome::unreasonable);  // 二（二）1: no qualifying basis
  c.bases.push_back(parse_basis("《中华人民共和国公证法》第十一条"));
  CHECK(engine().supervise(c).outcome == SupervisionOutcome::reasonable);
  CHECK(json::parse(to_json(s)).at("notify").as_bool());
}

TEST_CASE("decide --batch writes one JSON line per request, in order, errors inline", "[decisions][cli]") {
  const jianzheng::test::TempDir dir;
  const std::filesystem::path in = dir.file("batch.jsonl");
  {
    std::ofstream f(in, std::ios::binary);
    f << R"({"item":"kinship","purpose":"公证","facts":{"within_duties":"yes","verifiable":"yes"},"date":"2021-09-30"})" << "\n"
      << R"({"item":"kinship","facts":{"verifiable":"maybe"}})" << "\n"
      << "\n"
      << R"({"text":"单身证明","date":"2021-09-30"})" << "\n";
  }
  const std::string cmd = std::string(JIANZHENG_CLI) + " decide --json --batch " + in.string() + " 2>/dev/null";
  FILE* p = popen(cmd.c_str(), "r");
  REQUIRE(p != nullptr);
  std::string out;
  char buf[4096];
  while (std::size_t n = fread(buf, 1, sizeof buf, p)) out.append(buf, n);
  const int status = pclose(p);
  CHECK(WEXITSTATUS(status) == 3);  // a bad line: exit 3 after finishing the run
  std::vector<std::string> lines;
  std::istringstream ss(out);
  for (std::string l; std::getline(ss, l);) lines.push_back(l);
  REQUIRE(lines.size() == 3);  // the blank line is no request
  CHECK(json::parse(lines[0]).at("outcome").as_string() == "issue_for_stated_purpose");
  const json::value err = json::parse(lines[1]);
  CHECK(err.at("error").at("code").as_string() == "unknown_enum");
  CHECK(err.at("error").at("where").as_string() == "line 2 /facts/verifiable");
  CHECK(json::parse(lines[2]).at("outcome").as_string() == "refuse_redirect");
  std::filesystem::remove(in);
}

namespace jianzheng::detail {
Request checked_request_from_json(std::string_view text, std::string_view origin);
}  // namespace jianzheng::detail

TEST_CASE("the written Decision JSON is byte for byte the canonical and compact layouts", "[decisions][json]") {
  // The fast writer must give what detail::canonical / detail::compact give for the same value.
  const char* purposes[] = {"", "不动产登记", "办理收养登记", "申请法律援助"};
  const char* dates[] = {"2021-09-30", "2026-07-02", "2035-01-01"};
  int n = 0;
  for (const Item& item : engine().catalog(Date::from_ymd(2021, 9, 30)).items())
    for (const char* p : purposes)
      for (const char* day : dates)
        for (Tri w : {Tri::yes, Tri::unknown}) {
          Request r = ask(item.id.c_str(), p, day, w, Tri::yes);
          r.facts.set(Fact::legal_risk, Tri::unknown);
          const Decision d = engine().decide(r);
          for (Language l : {Language::zh, Language::en}) {
            const std::string compact = to_json(d, l, true);
            const json::value v = json::parse(compact);
            CHECK(compact == detail::compact(v));
            CHECK(to_json(d, l, false) == detail::canonical(v));
            ++n;
          }
        }
  CHECK(n > 0);
}

TEST_CASE("the fast request reader agrees with the checked reader", "[decisions][json]") {
  for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(JIANZHENG_TEST_DATA_DIR) / "decisions")) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("valid_", 0) != 0) continue;
    INFO(name);
    const std::string text = read(entry.path());
    CHECK(to_json(request_from_json(text)) == to_json(detail::checked_request_from_json(text, name)));
  }
}

TEST_CASE("strings that need escaping are written as Boost.JSON writes them", "[decisions][json]") {
  // Quotes, backslashes and control characters at every offset of a long string, so the
  // 16- and 8-byte scans and the byte loop all meet them.
  CatalogLayer layer;
  layer.provenance.id = "test-escaping";
  layer.provenance.jurisdiction = "测试";
  layer.provenance.title = "escaping";
  Item item;
  item.id = "escaped";
  item.seq = 1;
  item.name = "带\"引号\"的证明";
  item.disposition = Disposition::not_by_committee;
  std::string text;
  for (int i = 0; i < 40; ++i) {
    text += "办事途径第" + std::to_string(i) + "段";
    text += (i % 3 == 0) ? "\"" : (i % 3 == 1) ? "\\" : "\n\t\x01";
  }
  item.route.text = text;
  item.route.documents = {"a\"b", "c\\d", "e\x1f"};
  layer.items.push_back(item);
  const Engine e({layer});
  Request r;
  r.item = "escaped";
  r.date = Date::from_ymd(2021, 9, 30);
  const Decision d = e.decide(r);
  REQUIRE(d.outcome == Outcome::refuse_redirect);
  const std::string compact = to_json(d, Language::zh, true);
  const json::value v = json::parse(compact);
  CHECK(compact == detail::compact(v));
  CHECK(to_json(d) == detail::canonical(v));
  CHECK(v.at("route").at("text").as_string() == text);
}

TEST_CASE("every carve-out of 附件1 is recognised in the purpose, only for its item", "[decisions]") {
  struct Case {
    const char* item;
    const char* purpose;
    const char* scenario;
  };
  // 附件1 第1、8、14、16、17项 （…除外）.
  const Case cases[] = {
      {"kinship", "办理不动产登记", "不动产登记"},
      {"kinship", "到公证处办理继承公证", "公证"},
      {"marital-status", "婚姻登记档案丢失，补领结婚证", "婚姻登记档案丢失"},
      {"marital-status", "婚姻登记档案遗失，无法补领离婚证", "婚姻登记档案丢失"},
      {"marital-status", "收养子女登记", "收养"},
      {"childbearing-status", "收养子女登记", "收养"},
      {"personal-archive", "国家另有规定的情形", "国家另有规定"},
      {"property", "申请法律援助", "法律援助"},
  };
  for (const Case& c : cases) {
    INFO(c.item << " / " << c.purpose);
    const Decision d = engine().decide(ask(c.item, c.purpose, "2021-09-30"));
    CHECK(d.outcome == Outcome::issue_for_stated_purpose);
    REQUIRE(d.carve_out != nullptr);
    CHECK(d.carve_out->scenario == c.scenario);
  }
  // The same purposes on items without those carve-outs are redirected.
  for (const char* item : {"identity-info", "birth", "death", "inheritance"})
    for (const Case& c : cases) {
      INFO(item << " / " << c.purpose);
      CHECK(engine().decide(ask(item, c.purpose, "2021-09-30")).outcome == Outcome::refuse_redirect);
    }
}

TEST_CASE("carve_out_matching scenario needs the scenario name itself", "[decisions]") {
  std::vector<CatalogLayer> layers = default_layers();
  CatalogLayer county;
  county.provenance.id = "test-scenario-matching";
  county.provenance.level = JurisdictionLevel::county;
  county.provenance.jurisdiction = "测试县";
  county.provenance.title = "matching";
  county.extends = layers.back().provenance.id;
  county.settings.carve_out_matching = CarveOutMatching::scenario;
  layers.push_back(county);
  const Engine strict(layers);
  // "房屋过户" is one of the 不动产登记 carve-out's words, not its scenario.
  CHECK(engine().decide(ask("kinship", "房屋过户", "2021-09-30")).outcome == Outcome::issue_for_stated_purpose);
  CHECK(strict.decide(ask("kinship", "房屋过户", "2021-09-30")).outcome == Outcome::refuse_redirect);
  CHECK(strict.decide(ask("kinship", "不动产登记", "2021-09-30")).outcome == Outcome::issue_for_stated_purpose);
}

// ---- Issue 11: purposes read as people write them, explicit carve-outs, uncertain identity,
// explanations a clerk can trust. Each case is named after what it pins.

namespace {

Request by_text(const char* text, const char* purpose, const char* date, Tri within = Tri::yes, Tri verifiable = Tri::yes) {
  Request r = ask("", purpose, date, within, verifiable);
  r.text = text;
  return r;
}

bool has(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

const TraceEntry& carve_out_trace(const Decision& d) {
  for (const TraceEntry& t : d.trace)
    if (t.rule == Rule::carve_out) return t;
  FAIL("no carve_out rule in the trace");
  return d.trace[0];
}

}  // namespace

TEST_CASE("亲属关系证明 for 老人过世了，房子要过户到儿子名下 is issued for 不动产登记 (附件1第1项)", "[decisions][purpose]") {
  // 附件1 第1项: （不动产登记情况、公证办理情况除外）. The words say 房子 … 过户, not 不动产登记.
  const Decision d = engine().decide(ask("kinship", "老人过世了，房子要过户到儿子名下", "2021-09-30"));
  CHECK(d.outcome == Outcome::issue_for_stated_purpose);
  REQUIRE(d.carve_out != nullptr);
  CHECK(d.carve_out->scenario == "不动产登记");
  CHECK(d.deciding_clause()->id == "annex.1");
  CHECK(d.purpose_source == PurposeSource::purpose);
  const std::string zh = explain(d);
  CHECK(has(zh, "附件1第1项"));                             // the annex item by number
  CHECK(has(zh, "（不动产登记情况、公证办理情况除外）"));  // the exception verbatim
  CHECK(has(zh, "“房子…过户”"));
  CHECK(has(zh, "出具时在证明上注明用途"));                // when issuing, not before
  CHECK_FALSE(has(zh, "出具前须"));
}

TEST_CASE("结婚证丢了，到民政局补领结婚证 is redirected, not issued under 婚姻登记档案丢失", "[decisions][purpose]") {
  // 附件1 第8项: lost documents are reissued by the department (证件材料遗失的由相关部门予以补办);
  // only a lost marriage archive is excepted.
  const Decision d = engine().decide(ask("marital-status", "结婚证丢了，到民政局补领结婚证", "2021-09-30"));
  CHECK(d.outcome == Outcome::refuse_redirect);
  CHECK(d.carve_out == nullptr);
  REQUIRE(d.route != nullptr);
  CHECK(std::string(carve_out_trace(d).why).find("相似但不属于") != std::string::npos);
  CHECK(has(explain(d), "不属于该除外情形"));
  CHECK(d.purpose_questions.empty());  // a look-alike is not asked about
}

TEST_CASE("个人档案丢失 is not a lost marriage archive", "[decisions][purpose]") {
  const Decision d = engine().decide(ask("marital-status", "个人档案丢失", "2021-09-30"));
  CHECK(d.outcome == Outcome::refuse_redirect);
  CHECK(d.carve_out == nullptr);
  CHECK(d.purpose_questions.empty());
}

TEST_CASE("按照国家规定办理退休手续 is not 国家另有规定", "[decisions][purpose]") {
  // 附件1 第16项: （国家另有规定的除外）.
  const Decision d = engine().decide(ask("personal-archive", "按照国家规定办理退休手续", "2021-09-30"));
  CHECK(d.outcome == Outcome::refuse_redirect);
  CHECK(d.carve_out == nullptr);
  CHECK(engine().decide(ask("personal-archive", "国家另有规定的情形", "2021-09-30")).outcome == Outcome::issue_for_stated_purpose);
}

TEST_CASE("不是公证用，银行要 is not 公证", "[decisions][purpose]") {
  const Decision d = engine().decide(ask("kinship", "不是公证用，银行要", "2021-09-30"));
  CHECK(d.outcome == Outcome::refuse_redirect);
  CHECK(d.carve_out == nullptr);
  CHECK(std::string(carve_out_trace(d).why).find("明确排除") != std::string::npos);
  REQUIRE(d.purpose.size() == 1);
  CHECK(d.purpose[0].negated);
}

TEST_CASE("a possible purpose is asked about and never applied: 过户用", "[decisions][purpose]") {
  // Whatever the facts, 亲属关系证明 is not issued under the 不动产登记 carve-out on a guess; the
  // decision asks "用途是否属于「不动产登记」" and says what a yes leads to.
  int n = 0;
  for (Tri w : {Tri::yes, Tri::no, Tri::unknown})
    for (Tri v : {Tri::yes, Tri::no, Tri::unknown})
      for (Tri t : {Tri::yes, Tri::no, Tri::unknown}) {
        Request r = ask("kinship", "过户用", "2021-09-30", w, v);
        r.facts.set(Fact::transitional_need, t);
        const Decision d = engine().decide(r);
        CHECK(d.outcome != Outcome::issue_for_stated_purpose);
        CHECK(d.carve_out == nullptr);
        REQUIRE(d.purpose_questions.size() == 1);
        CHECK(d.purpose_questions[0].carve_out->scenario == "不动产登记");
        const Outcome yes = w == Tri::no || v == Tri::no ? Outcome::refuse : Outcome::issue_for_stated_purpose;
        CHECK(d.purpose_questions[0].outcome_if_yes == yes);
        ++n;
      }
  CHECK(n == 27);
  const Decision d = engine().decide(ask("kinship", "过户用", "2021-09-30", Tri::unknown, Tri::unknown));
  CHECK(d.purpose_questions[0].together_with == (fact_bit(Fact::within_duties) | fact_bit(Fact::verifiable)));
  const json::value v = json::parse(to_json(d));
  const json::object& q = v.at("purpose_questions").as_array().at(0).as_object();
  CHECK(q.at("scenario").as_string() == "不动产登记");
  CHECK(q.at("question").as_string() == "用途是否属于「不动产登记」？");
  CHECK(q.at("outcome_if_yes").as_string() == "issue_for_stated_purpose");
  CHECK(q.at("text").as_string() == "不动产登记情况");
  CHECK(has(explain(d), "用途是否属于「不动产登记」"));
}

TEST_CASE("我表哥在办公证，我开证明是为了办护照 is asked about, never issued under 公证 (附件1第1项)", "[decisions][purpose]") {
  // The exception is named for someone else, then the requester gives their own purpose: with
  // every fact yes, 亲属关系证明 is still not issued under （…公证办理情况除外）; 二（二）2 decides
  // and the clerk is asked whether the purpose is 公证.
  for (const char* purpose : {"我表哥在办公证，我开证明是为了办护照", "用途：公证？", "我姐在公证处上班，她说这事不用公证",
                              "听说要公证，还没问"}) {
    const Decision d = engine().decide(ask("kinship", purpose, "2021-09-30", Tri::yes, Tri::yes));
    INFO(purpose);
    CHECK(d.outcome == Outcome::refuse_redirect);
    CHECK(d.deciding_clause()->id == "2.2.2");
    CHECK(d.carve_out == nullptr);
    REQUIRE(d.purpose_questions.size() == 1);
    CHECK(d.purpose_questions[0].carve_out->scenario == "公证");
    CHECK(d.purpose_questions[0].outcome_if_yes == Outcome::issue_for_stated_purpose);
  }
  // Denied outright, it is not asked about.
  const Decision d = engine().decide(ask("kinship", "跟公证没关系，单位要", "2021-09-30", Tri::yes, Tri::yes));
  CHECK(d.outcome == Outcome::refuse_redirect);
  CHECK(d.purpose_questions.empty());
}

TEST_CASE("an explicit carve_out decides without reading the purpose", "[decisions][purpose]") {
  Request r = ask("kinship", "银行贷款", "2021-09-30");
  r.carve_out = "公证";
  Decision d = engine().decide(r);
  CHECK(d.outcome == Outcome::issue_for_stated_purpose);
  CHECK(d.carve_out->scenario == "公证");
  CHECK(d.purpose_source == PurposeSource::carve_out);
  CHECK(has(explain(d), "申请方明确用途为「公证」"));
  // Ended on the request date: named as ended, never applied.
  Request aid = ask("property", "", "2022-03-01");
  aid.carve_out = "法律援助";
  d = engine().decide(aid);
  CHECK(d.outcome == Outcome::refuse_redirect);
  CHECK(d.ended_carve_out() != nullptr);
}

TEST_CASE("an unknown carve_out is an error that lists the item's scenarios", "[decisions][purpose]") {
  Request r = ask("kinship", "", "2021-09-30");
  r.carve_out = "收养";
  try {
    engine().decide(r);
    FAIL("expected an Error");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::unknown_reference);
    CHECK(e.where() == "/carve_out");
    CHECK(std::string(e.what()).find("不动产登记, 公证") != std::string::npos);
  }
  r.item = "identity-info";  // no carve-outs at all
  try {
    engine().decide(r);
    FAIL("expected an Error");
  } catch (const Error& e) {
    CHECK(std::string(e.what()).find("its carve-outs: none") != std::string::npos);
  }
  // From JSON, both readers.
  const char* text = R"({"item": "kinship", "carve_out": "不动产登记", "date": "2021-09-30"})";
  CHECK(request_from_json(text).carve_out == "不动产登记");
  CHECK(detail::checked_request_from_json(text, "t").carve_out == "不动产登记");
}

TEST_CASE("decide --carve-out decides by the scenario; an unknown one lists the item's scenarios", "[decisions][purpose][cli]") {
  // 附件1第1项 by the scenario named explicitly: the purpose's words are not read.
  auto [status, out] = test::run_cli("decide --json --carve-out 不动产登记 --purpose 银行贷款 --date 2021-09-30 "
                               "--fact within_duties=yes --fact verifiable=yes kinship");
  CHECK(status == 0);
  const json::value d = json::parse(out);
  CHECK(d.at("outcome").as_string() == "issue_for_stated_purpose");
  CHECK(d.at("carve_out").at("scenario").as_string() == "不动产登记");
  CHECK(d.at("purpose").at("source").as_string() == "carve_out");
  // A scenario the item does not carry: bad input (exit 3) naming /carve_out and the scenarios.
  std::tie(status, out) = test::run_cli("decide --carve-out 收养 --date 2021-09-30 kinship");
  CHECK(status == 3);
  CHECK(has(out, "/carve_out"));
  CHECK(has(out, "不动产登记, 公证"));
}

TEST_CASE("a platform purpose code maps onto a carve-out in the catalog", "[decisions][purpose]") {
  std::vector<CatalogLayer> layers = default_layers();
  CatalogLayer county;
  county.provenance.id = "test-purpose-codes";
  county.provenance.level = JurisdictionLevel::county;
  county.provenance.jurisdiction = "测试县";
  county.provenance.title = "purpose codes";
  county.extends = layers.back().provenance.id;
  county.purpose_codes.push_back(PurposeCode{"YT-0101", "不动产登记"});
  layers.push_back(county);
  const Engine coded(layers);
  CHECK(*coded.catalog(Date::from_ymd(2021, 9, 30)).scenario_of_code("YT-0101") == "不动产登记");
  Request r = ask("kinship", "", "2021-09-30");
  r.carve_out = "YT-0101";
  const Decision d = coded.decide(r);
  CHECK(d.outcome == Outcome::issue_for_stated_purpose);
  CHECK(d.carve_out->scenario == "不动产登记");
  // A code for a scenario no item has is caught when the layer is stacked.
  layers.back().purpose_codes.push_back(PurposeCode{"YT-9999", "没有的情形"});
  CHECK_THROWS_AS(Engine(layers), Error);
  // The catalog JSON carries the codes (so receipts' hashes cover them) and they load back.
  const std::string json = to_json(layers[layers.size() - 1]);
  CHECK(json.find("\"purpose_codes\"") != std::string::npos);
}

TEST_CASE("失业人员证明 is not sent to the court on a guess", "[decisions][purpose]") {
  // Issue 11: one edit on 失踪人员证明 made an unemployed resident a missing person. Whatever
  // the name matcher makes of it, the decision neither issues nor redirects to 第7项's court.
  Request r = by_text("失业人员证明", "", "2021-09-30");
  r.facts.set(Fact::public_interest, Tri::yes);
  const Decision d = engine().decide(r);
  CHECK_FALSE(is_issuing(d.outcome));
  CHECK_FALSE((d.item && d.item->id == "missing-person"));
  if (d.certainty == Certainty::uncertain) {
    const json::value v = json::parse(to_json(d));
    const json::object& q = v.at("item_question").as_object();
    CHECK(q.at("question").as_string() == "所申请的证明是下列哪一项？");
    const json::object& c = q.at("candidates").as_array().at(0).as_object();
    CHECK(c.contains("id"));
    CHECK(c.contains("name"));
    CHECK(c.at("score").is_double());
    CHECK(c.contains("outcome"));
    CHECK(c.contains("clause"));
    CHECK(has(explain(d), "不能确定是哪一项"));
  }
}

TEST_CASE("admission and supervision take the same care with uncertain names and purposes", "[decisions][admission][supervision]") {
  // 二（三）4: never admitted while a listed item may be meant; 二（三）6: nobody is reported on a guess.
  Demand dm;
  dm.department = "县人社局";
  dm.text = "亲戚关系证明";  // 亲属关系证明 with one character changed
  dm.bases.push_back(parse_basis("《中华人民共和国公证法》第十一条"));
  dm.within_duties = Tri::yes;
  dm.verifiable = Tri::yes;
  dm.date = Date::from_ymd(2021, 9, 30);
  Admission a = engine().admit(dm);
  if (a.certainty == Certainty::uncertain) {
    CHECK(a.outcome == AdmissionOutcome::rejected);
    CHECK(a.clauses[1]->id == "2.2.2");
    REQUIRE_FALSE(a.candidates.empty());
    CHECK(a.candidates[0].item->id == "kinship");
    CHECK(json::parse(to_json(a)).at("item_question").at("candidates").as_array().size() == a.candidates.size());
  }
  // A possible purpose: rejected until confirmed, and what a yes would lead to.
  dm.text = "亲属关系证明";
  dm.purpose = "过户用";
  a = engine().admit(dm);
  CHECK(a.outcome == AdmissionOutcome::rejected);
  REQUIRE(a.purpose_questions.size() == 1);
  CHECK(a.purpose_questions[0].outcome_if_yes == AdmissionOutcome::admitted);
  dm.purpose = "房子过户到儿子名下";
  CHECK(engine().admit(dm).outcome == AdmissionOutcome::admitted);

  Complaint c;
  c.body = "某单位";
  c.body_kind = RequesterKind::public_institution;
  c.item = "kinship";
  c.purpose = "过户用";
  c.date = Date::from_ymd(2021, 9, 30);
  Supervision s = engine().supervise(c);
  CHECK(s.outcome == SupervisionOutcome::undetermined);
  CHECK_FALSE(s.notify);
  REQUIRE(s.purpose_questions.size() == 1);
  CHECK(s.purpose_questions[0].outcome_if_yes == SupervisionOutcome::reasonable);
  c.purpose = "不是公证用，银行要";
  s = engine().supervise(c);
  CHECK(s.outcome == SupervisionOutcome::unreasonable);
  CHECK(s.notify);
  c.item.clear();
  c.text = "亲戚关系证明";
  c.purpose.clear();
  s = engine().supervise(c);
  if (s.certainty == Certainty::uncertain) {
    CHECK(s.outcome == SupervisionOutcome::undetermined);
    CHECK_FALSE(s.notify);
    CHECK_FALSE(s.candidates.empty());
  }
  CHECK(json::parse(to_json(s)).at("outcome").as_string() == (s.certainty == Certainty::uncertain ? "undetermined" : "unreasonable"));
}

TEST_CASE("explanations state a no as no, never as 未确认", "[decisions][explain]") {
  // 二（一）1: a basis exists (the requester's law) but the committee cannot verify it.
  Request r = by_text("某专项补贴资格证明", "", "2021-09-30", Tri::yes, Tri::no);
  r.bases.push_back(parse_basis("《中华人民共和国公证法》第十一条"));
  std::string zh = explain(engine().decide(r));
  CHECK(has(zh, "基层群众性自治组织无法核实"));
  CHECK_FALSE(has(zh, "未确认"));
  r.facts.set(Fact::verifiable, Tri::unknown);
  CHECK(has(explain(engine().decide(r)), "尚未确认是否"));
  // A carve-out refused for duties: stated as no, and still with the route.
  const Decision d = engine().decide(ask("kinship", "办理不动产登记", "2021-09-30", Tri::no, Tri::yes));
  CHECK(d.outcome == Outcome::refuse);
  zh = explain(d);
  CHECK(has(zh, "不属于基层群众性自治组织职责范围"));
  CHECK_FALSE(has(zh, "未确认"));
  REQUIRE(d.route != nullptr);  // a carve-out refusal still gives the route
  CHECK(has(zh, "办事途径："));
  CHECK(std::string(d.trace[d.trace.size() - 1].why).find("不属于职责范围或无法核实") != std::string::npos);
}

TEST_CASE("conditions that must all hold are presented together", "[decisions][explain]") {
  // 二（一）3: transitional_need, within_duties and verifiable must all be yes.
  Request r = ask("death", "", "2021-09-30", Tri::unknown, Tri::unknown);
  r.facts.set(Fact::transitional_need, Tri::unknown);
  const Decision d = engine().decide(r);
  const std::string zh = explain(d);
  CHECK(has(zh, "三项均为“是”时，可改为“据实出具（过渡期）”"));
  CHECK_FALSE(has(zh, "如是"));
  const json::value v = json::parse(to_json(d));
  CHECK(v.at("open_questions").as_array().at(0).at("together_with").as_array().size() == 2);
}

TEST_CASE("an ended exception is named as ended, with its source, in the prose and the trace", "[decisions][explain]") {
  // 附件1 第17项 （法律援助情况除外） ends on 2022-01-01: 《中华人民共和国法律援助法》第四十一条.
  const Decision d = engine().decide(ask("property", "申请法律援助", "2022-03-01"));
  CHECK(d.outcome == Outcome::refuse_redirect);
  CHECK(d.carve_out == nullptr);
  REQUIRE(d.ended_carve_out() != nullptr);
  const std::string zh = explain(d);
  CHECK(has(zh, "「法律援助」"));
  CHECK(has(zh, "2022-01-01起已终止"));
  CHECK(has(zh, "《中华人民共和国法律援助法》"));
  CHECK(has(zh, "第四十一条"));
  const std::string why = carve_out_trace(d).why;
  CHECK(why.find("不再适用") != std::string::npos);
  CHECK(why.find("用途不属于") == std::string::npos);
  const json::value v = json::parse(to_json(d));
  const json::object& reading = v.at("purpose").at("readings").as_array().at(0).as_object();
  CHECK(reading.at("result").as_string() == "matched");
  CHECK_FALSE(reading.at("in_force").as_bool());
}

TEST_CASE("route notes appear in the prose", "[decisions][explain]") {
  // 国卫规划发〔2026〕5号 from 2026-07-01.
  CHECK(has(explain(engine().decide(ask("death", "", "2026-07-02", Tri::no, Tri::no))), "国卫规划发〔2026〕5号"));
  CHECK_FALSE(has(explain(engine().decide(ask("death", "", "2026-06-30", Tri::no, Tri::no))), "国卫规划发〔2026〕5号"));
}

TEST_CASE("二（一）2 steps read as actions", "[decisions][explain]") {
  CHECK(std::string(describe(Step::organise_deliberation)) == "组织居民群众议事协商");
  CHECK(std::string(describe(Step::residents_agree)) == "提交居民群众讨论，取得同意");
  CHECK(std::string(describe(Step::head_signs)) == "由基层群众性自治组织负责人签字");
  Request r = by_text("小区业主共有部分使用情况证明", "", "2021-09-30", Tri::yes, Tri::no);
  r.facts.set(Fact::public_interest, Tri::yes);
  const Decision d = engine().decide(r);
  REQUIRE(d.outcome == Outcome::issue_after_deliberation);
  CHECK(has(explain(d), "出具前须：组织居民群众议事协商；提交居民群众讨论，取得同意；由基层群众性自治组织负责人签字。"));
}

TEST_CASE("public interest is not asked about for a resident's own certificate", "[decisions][explain]") {
  const Decision d = engine().decide(by_text("居住证明", "办理居住证", "2021-09-30", Tri::unknown, Tri::unknown));
  for (const OpenQuestion& q : d.open_questions) CHECK(q.fact != Fact::public_interest);
  CHECK_FALSE(has(explain(d), "公共利益"));
}

TEST_CASE("二（二）2 before 二（一）2: a home turned into a shop with the neighbours' consent is not issued as a public matter (the fifth desk set)",
          "[decision]") {
  Engine engine;
  Request r;
  r.text = "一楼住宅改成药店，全单元住户同意的证明";
  r.purpose = "市场监管局要";
  r.facts.set(Fact::public_interest, Tri::yes);
  r.facts.set(Fact::within_duties, Tri::yes);
  r.facts.set(Fact::verifiable, Tri::yes);
  r.date = Date::parse("2022-10-10");
  const Decision d = engine.decide(r);
  CHECK_FALSE(d.outcome == Outcome::issue_after_deliberation);
  CHECK(d.outcome == Outcome::refuse);
  CHECK(d.clauses[0]->id == "2.2.2");
}

// Service guides (二（三）3): loading, completion from the county list, the completeness check,
// certificate templates, and the Markdown / HTML / platform renderings.
#include "jianzheng/service_guide.hpp"

#include <boost/json.hpp>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <cstdlib>
#include <sys/wait.h>
#include <unistd.h>

#include "embedded_data.hpp"
#include "jianzheng/catalog.hpp"
#include "jianzheng/error.hpp"

using namespace jianzheng;
namespace fs = std::filesystem;

namespace {

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

fs::path guide_data() { return fs::path(JIANZHENG_TEST_DATA_DIR) / "guides"; }

// The example county list stacked on the national layers, and its guides.
Catalog example_catalog() {
  auto layers = default_layers();
  layers.push_back(parse_catalog_layer(detail::embedded_file("examples/county-list-example.json"),
                                       "embedded:examples/county-list-example.json", layers));
  return Catalog::compose(layers, Date::from_ymd(2021, 6, 1));
}

GuideSet example_guides() {
  return parse_guides(detail::embedded_file("examples/guides-example.json"), "guides-example.json");
}

ServiceGuide simple_guide() {
  return load_guides((guide_data() / "valid_simple.json").string()).guides.at(0);
}

std::size_t count(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (auto p = s.find(what); p != std::string::npos; p = s.find(what, p + what.size())) ++n;
  return n;
}

}  // namespace

TEST_CASE("The example guides are complete for every by-committee item of the example list", "[guide]") {
  // 二（三）3: every item committees issue has a guide with every required element.
  const Catalog catalog = example_catalog();
  const GuideSet guides = example_guides();
  CHECK(guides.example);
  CHECK(check_guides(guides, catalog).empty());
  std::size_t by_committee = 0;
  for (const auto& item : catalog.items())
    if (item.disposition == Disposition::by_committee) {
      ++by_committee;
      CHECK(guides.find(item.id) != nullptr);
    }
  CHECK(by_committee == 2);
}

TEST_CASE("A guide takes its name, bases, time limit and codes from its item", "[guide]") {
  const Catalog catalog = example_catalog();
  const GuideSet guides = example_guides();
  const Item* kin = catalog.find("kinship-notarization");
  REQUIRE(kin);
  const ServiceGuide g = complete_from(*guides.find(kin->id), *kin, catalog.settings());
  CHECK(g.name == "亲属关系证明（用于办理公证）");
  REQUIRE(g.bases.size() == 1);
  CHECK(g.bases[0].title == "《中华人民共和国公证法》");
  CHECK(g.bases[0].article == "第十一条");
  CHECK(g.complexity == Complexity::complex);
  CHECK(g.limit_working_days == 5);
  CHECK(g.case_kind() == CaseKind::promised);  // 二（三）5 限时办结 → 承诺件
  CHECK(g.supervision_hotline == "0936-6121532");  // 二（三）6
  // Codes are the platform's: empty until assigned, never made up.
  CHECK(g.codes.basic_code.empty());
  CHECK(g.codes.implementation_code.empty());
  CHECK(g.codes.business_item_code.empty());
}

TEST_CASE("A complex item without a listed limit gets the catalog's default working days", "[guide]") {
  // 二（三）5: 限时办结; the list gives no figure for the adopter's certificate.
  const Catalog catalog = example_catalog();
  const Item* item = catalog.find("adopter-marital-status");
  REQUIRE(item);
  REQUIRE_FALSE(item->limit_working_days);
  const ServiceGuide g = complete_from(*example_guides().find(item->id), *item, catalog.settings());
  CHECK(g.limit_working_days == catalog.settings().default_limit_working_days);
}

TEST_CASE("The completeness check lists every missing required element", "[guide]") {
  const GuideSet set = load_guides((guide_data() / "valid_incomplete.json").string());
  const auto findings = check_guide(set.guides.at(0));
  std::vector<std::string> where;
  for (const auto& f : findings) {
    CHECK(f.code == "guide_missing_field");
    CHECK(f.severity == Severity::error);
    where.push_back(f.where);
  }
  const std::string p = "guides/kinship-notarization/";
  const std::vector<std::string> expected{
      p + "name", p + "purpose", p + "requesters", p + "bases", p + "residence_condition",
      p + "materials", p + "procedure", p + "limit_working_days", p + "forms", p + "location",
      p + "hours", p + "consultation", p + "supervision_hotline",
      p + "published/government_portal", p + "published/service_platform", p + "published/wechat"};
  CHECK(where == expected);
}

TEST_CASE("A by-committee item without a guide and a guide for a listed item are findings", "[guide]") {
  const Catalog catalog = example_catalog();
  GuideSet guides = example_guides();
  guides.guides.erase(guides.guides.begin());  // drop the kinship-notarization guide
  ServiceGuide stray;
  stray.item = "marital-status";  // 附件1 第8项: committees do not issue it in general
  guides.guides.push_back(stray);
  ServiceGuide unknown;
  unknown.item = "no-such-item";
  guides.guides.push_back(unknown);
  const auto findings = check_guides(guides, catalog);
  std::vector<std::string> codes;
  for (const auto& f : findings) codes.push_back(f.code + "@" + f.where);
  CHECK(codes == std::vector<std::string>{"guide_missing@guides/kinship-notarization",
                                          "guide_not_by_committee@guides/marital-status",
                                          "guide_unknown_item@guides/no-such-item"});
}

TEST_CASE("Platform codes that differ between guide and item are a finding", "[guide]") {
  auto layers = default_layers();
  auto county = parse_catalog_layer(detail::embedded_file("examples/county-list-example.json"),
                                    "county", layers);
  county.items[0].codes.basic_code = "000000000001";
  layers.push_back(county);
  const Catalog catalog = Catalog::compose(layers, Date::from_ymd(2021, 6, 1));
  GuideSet guides = example_guides();
  for (auto& g : guides.guides)
    if (g.item == county.items[0].id) g.codes.basic_code = "000000000002";
  const auto findings = check_guides(guides, catalog);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].code == "guide_codes_differ");
}

TEST_CASE("Filling the certificate template produces the certificate text", "[guide]") {
  const ServiceGuide g = simple_guide();
  CHECK(placeholders(g.certificate_template) ==
        std::vector<std::string>{"姓名", "公民身份号码", "出具日期"});
  const std::string text = fill_certificate(
      g, {{"姓名", "张三"}, {"公民身份号码", "620000199001010000"}, {"出具日期", "2021年6月1日"}, {"多余", "x"}});
  CHECK(text == "兹证明张三（620000199001010000）户籍在本村。\n2021年6月1日");
}

TEST_CASE("Filling refuses a template with a placeholder left unfilled or blank", "[guide]") {
  const ServiceGuide g = simple_guide();
  try {
    (void)fill_certificate(g, {{"姓名", "张三"}, {"出具日期", "  "}});
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::unfilled_placeholder);
    CHECK(e.where() == "公民身份号码,出具日期");
  }
}

TEST_CASE("An unclosed placeholder is bad input when filling", "[guide]") {
  TextTemplate t{"t", "兹证明{{姓名"};
  CHECK_THROWS_AS(placeholders(t), Error);
  try {
    (void)fill(t, {{"姓名", "张三"}});
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::invalid_value);
  }
}

TEST_CASE("A simple item is done on the spot as an immediate case", "[guide]") {
  // 二（三）5: 简单证明当场办结 → 即办件.
  const ServiceGuide g = simple_guide();
  CHECK(g.case_kind() == CaseKind::immediate);
  CHECK(std::string(chinese_name(*g.case_kind())) == "即办件");
  const std::string md = to_markdown(g);
  CHECK(md.find("| 办理时限 | 当场办结 |") != std::string::npos);
  CHECK(md.find("| 办件类型 | 即办件 |") != std::string::npos);
  CHECK(md.find("0936-6121532") != std::string::npos);
}

TEST_CASE("The HTML page is self-contained, A4, with Chinese fonts and one guide per page", "[guide]") {
  const Catalog catalog = example_catalog();
  const GuideSet set = example_guides();
  std::vector<ServiceGuide> guides;
  for (const auto& g : set.guides) guides.push_back(complete_from(g, *catalog.find(g.item), catalog.settings()));
  guides.push_back(simple_guide());
  const std::string html = to_html(guides);
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(html.find("@page { size: A4;") != std::string::npos);
  CHECK(html.find("\"Noto Sans CJK SC\", \"Source Han Sans SC\", \"SimSun\", serif") != std::string::npos);
  CHECK(html.find("page-break-after: always") != std::string::npos);
  CHECK(count(html, "<section class=\"guide\"") == 3);
  CHECK(html.find("<link") == std::string::npos);  // no external resources
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("条文&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(html.find("测试证明 &lt;b&gt;&amp;&quot;&#39;") != std::string::npos);
}

TEST_CASE("The platform export uses the public-service item elements and keeps codes opaque", "[guide]") {
  const ServiceGuide simple = simple_guide();
  const Catalog catalog = example_catalog();
  const Item* kin = catalog.find("kinship-notarization");
  const ServiceGuide complex = complete_from(*example_guides().find(kin->id), *kin, catalog.settings());
  const auto v = boost::json::parse(to_platform_json({simple, complex}));
  const auto& items = v.at("items").as_array();
  REQUIRE(items.size() == 2);
  const auto& a = items[0].as_object();
  for (const char* key : {"事项名称", "基本编码", "实施编码", "业务办理项编码", "事项类型", "设定依据",
                          "实施主体", "行使层级", "服务对象", "受理条件", "申请材料", "办理流程",
                          "办件类型", "法定办结时限", "承诺办结时限", "收费标准", "咨询方式",
                          "监督投诉方式", "办理地点", "办理时间"})
    CHECK(a.contains(key));
  CHECK(a.at("事项类型") == "公共服务");
  CHECK(a.at("事项类型代码") == "20");
  CHECK(a.at("行使层级") == "村（社区）");
  CHECK(a.at("行使层级代码") == "6");
  CHECK(a.at("办件类型") == "即办件");
  CHECK(a.at("办件类型代码") == "1");
  CHECK(a.at("承诺办结时限") == 0);
  CHECK(a.at("基本编码") == "000000000001");  // exactly as assigned
  CHECK(a.at("监督投诉方式") == "监督电话：0936-6121532");
  const auto& b = items[1].as_object();
  CHECK(b.at("办件类型") == "承诺件");
  CHECK(b.at("办件类型代码") == "2");
  CHECK(b.at("承诺办结时限") == 5);
  CHECK(b.at("法定办结时限").is_null());
  CHECK(b.at("基本编码") == "");  // unassigned: empty, never generated
  CHECK(b.at("受理条件").as_array().at(0) == "申请人或被证明人户籍在本村（社区），或在本村（社区）经常居住");
}

TEST_CASE("The county list has the published columns", "[guide]") {
  const Catalog catalog = example_catalog();
  const GuideSet guides = example_guides();
  const auto rows = county_list(catalog, &guides);
  REQUIRE(rows.size() == 2);
  const auto v = boost::json::parse(to_json(rows));
  const auto& cols = v.at("columns").as_array();
  REQUIRE(cols.size() == 8);
  CHECK(cols[0] == "证明名称");
  CHECK(cols[7] == "事项类型");
  for (const auto& r : rows) {
    CHECK(r.level == "村（社区）");
    CHECK(r.item_type == "公共服务");
    CHECK_FALSE(r.requesters.empty());
  }
  const auto& kin = rows[0].item == "kinship-notarization" ? rows[0] : rows[1];
  CHECK(kin.basis == "《中华人民共和国公证法》");
  CHECK(kin.articles.rfind("《中华人民共和国公证法》第十一条：", 0) == 0);
  CHECK(kin.requesters == "公证机构");
  const std::string md = to_markdown(rows);
  CHECK(md.find("| 序号 | 证明名称 | 证明用途 | 设定依据 | 依据条文 | 索要单位 | 开具单位 | 行使层级 | 事项类型 |") == 0);
}

TEST_CASE("A guides file saves and loads back to the same bytes", "[guide]") {
  for (const auto& set : {example_guides(), load_guides((guide_data() / "valid_simple.json").string())}) {
    const std::string once = to_json(set);
    CHECK(to_json(parse_guides(once, "saved")) == once);
  }
}

TEST_CASE("Every invalid guides fixture throws its error code", "[guide]") {
  std::size_t n = 0;
  for (const auto& entry : fs::directory_iterator(guide_data())) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("invalid_", 0) != 0) continue;
    ++n;
    INFO(name);
    try {
      (void)parse_guides(read(entry.path()), name);
      FAIL("no error");
    } catch (const Error& e) {
      CHECK(name.rfind(std::string("invalid_") + to_string(e.code()) + "_", 0) == 0);
      CHECK(e.location().origin == name);
    }
  }
  CHECK(n >= 8);
}

namespace {

struct Run {
  int code = -1;
  std::string out;
};

// Runs the CLI with arguments (already shell-quoted) and captures stdout and the exit code.
Run cli(const std::string& args) {
  const fs::path out = fs::temp_directory_path() / ("jianzheng_guide_test_" + std::to_string(::getpid()) + ".txt");
  const std::string cmd = std::string("\"") + JIANZHENG_CLI + "\" " + args + " > \"" + out.string() + "\" 2>/dev/null";
  const int status = std::system(cmd.c_str());
  Run r;
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = read(out);
  fs::remove(out);
  return r;
}

}  // namespace

TEST_CASE("jianzheng guide on a listed item says there is no guide and shows the route", "[guide][cli]") {
  // 附件1 第1项: committees do not issue 亲属关系证明 in general, so it has no guide.
  const Run r = cli("guide kinship");
  CHECK(r.code == 1);
  CHECK(r.out.find("没有办事指南") != std::string::npos);
  CHECK(r.out.find("办事途径 route: 居民办事事项涉及的相关部门") != std::string::npos);
  const Run j = cli("guide --json kinship");
  CHECK(j.code == 1);
  const auto v = boost::json::parse(j.out);
  CHECK(v.at("guide").is_null());
  CHECK(v.at("item").at("disposition") == "not_by_committee");
}

TEST_CASE("jianzheng guide renders, checks and fills the example county's guides", "[guide][cli]") {
  CHECK(cli("guide --check --example").code == 0);
  const Run html = cli("guide --example --all --html");
  CHECK(html.code == 0);
  CHECK(count(html.out, "<section class=\"guide\"") == 2);
  const Run platform = cli("guide --example adopter-marital-status --platform");
  CHECK(boost::json::parse(platform.out).at("items").as_array().at(0).at("办件类型") == "承诺件");
  const std::string catalog = (fs::path(JIANZHENG_SOURCE_DIR) / "data/examples/county-list-example.json").string();
  const std::string incomplete = (guide_data() / "valid_incomplete.json").string();
  CHECK(cli("guide --check --catalog \"" + catalog + "\" --guides \"" + incomplete + "\"").code == 1);
  // The certificate is printed only when every placeholder is filled.
  CHECK(cli("guide --example kinship-notarization --fill 申请人姓名=张三").code == 3);
  const Run filled = cli(
      "guide --example kinship-notarization --fill 公证机构=某公证处 --fill 申请人姓名=张三 "
      "--fill 申请人公民身份号码=620000199001010000 --fill 关系人姓名=李四 "
      "--fill 关系人公民身份号码=620000196001010000 --fill 亲属关系=母子 --fill 出具单位=某村民委员会 "
      "--fill 负责人=王五 --fill 出具日期=2021年6月1日");
  CHECK(filled.code == 0);
  CHECK(filled.out.find("兹证明张三（公民身份号码：620000199001010000）与李四") != std::string::npos);
  CHECK(filled.out.find("{{") == std::string::npos);
}

TEST_CASE("Guides written for another county's list are a finding", "[guide]") {
  GuideSet guides = example_guides();
  guides.catalog = "another-county-list";
  const auto findings = check_guides(guides, example_catalog());
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].code == "guides_for_other_catalog");
  CHECK(findings[0].severity == Severity::warning);
}

TEST_CASE("A resident's details can come from a JSON object", "[guide]") {
  const auto values = parse_template_values(
      R"({"姓名": "张三", "公民身份号码": "620000199001010000", "出具日期": "2021年6月1日"})", "v.json");
  CHECK(fill_certificate(simple_guide(), values).rfind("兹证明张三（", 0) == 0);
  try {
    (void)parse_template_values(R"({"姓名": 7})", "v.json");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::wrong_type);
    CHECK(e.location().pointer == "/姓名");
  }
}

// The catalog: the national first batch (附件1) as shipped, layering, dated changes, and
// loading that is strict and all-or-nothing.
#include "jianzheng/catalog.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "jianzheng/error.hpp"

using namespace jianzheng;

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string source(const std::string& rel) { return std::string(JIANZHENG_SOURCE_DIR) + "/" + rel; }

const Date kDay = Date::from_ymd(2021, 9, 30);

}  // namespace

TEST_CASE("The embedded default lists the 20 items of 附件1 with the DESIGN ids in list order", "[catalog]") {
  const Catalog cat = Catalog::embedded_default(kDay);
  const std::vector<std::string> ids = {
      "kinship", "identity-info", "hukou-change", "dog-keeping", "no-criminal-record",
      "drug-rehab-status", "missing-person", "marital-status", "birth", "alive",
      "death", "illness", "disability", "childbearing-status", "employment-status",
      "personal-archive", "property", "inheritance", "business-premises", "lost-document"};
  REQUIRE(cat.items().size() == 20);
  for (std::size_t i = 0; i < ids.size(); ++i) {
    INFO(ids[i]);
    CHECK(cat.items()[i].id == ids[i]);
    CHECK(cat.items()[i].seq == static_cast<int>(i + 1));
    CHECK(cat.items()[i].disposition == Disposition::not_by_committee);  // 二（二）2
    CHECK_FALSE(cat.items()[i].route.text.empty());
    CHECK_FALSE(cat.items()[i].route.channels.empty());
  }
  CHECK(cat.id() == "cn-national-batch1+cn-national-aliases+cn-national-amendments");
}

TEST_CASE("find and find_name look items up by id and by exact name or alias", "[catalog]") {
  const Catalog cat = Catalog::embedded_default(kDay);
  const Item* m = cat.find("marital-status");
  REQUIRE(m);
  CHECK(m->name == "婚姻状况证明");
  CHECK(cat.find("nope") == nullptr);
  CHECK(cat.find("") == nullptr);
  CHECK(cat.find_name("分居证明") == m);   // 附件1 第8项 seed alias
  CHECK(cat.find_name("单身证明") == m);   // added alias
  CHECK(cat.find_name("婚姻状况证明") == m);
  CHECK(cat.find_name("居住证明") == nullptr);  // not a batch-1 item: no alias pulls it in
  REQUIRE(cat.find_name("户籍证明"));
  CHECK(cat.find_name("户籍证明")->id == "identity-info");
}

TEST_CASE("Seed aliases are marked seed and come before added ones", "[catalog]") {
  const Catalog cat = Catalog::embedded_default(kDay);
  const Item& p = *cat.find("property");
  // 附件1 第17项: （经济状况证明、收入证明、偿还能力证明、房产证明、银行存款证明、投资情况证明、车辆所有权证明等）
  REQUIRE(p.aliases.size() > 7);
  const std::vector<std::string> seed = {"经济状况证明", "收入证明", "偿还能力证明", "房产证明",
                                         "银行存款证明", "投资情况证明", "车辆所有权证明"};
  for (std::size_t i = 0; i < seed.size(); ++i) {
    CHECK(p.aliases[i].name == seed[i]);
    CHECK(p.aliases[i].source == AliasSource::seed);
  }
  CHECK(p.aliases[7].source == AliasSource::added);
}

TEST_CASE("Carve-outs of items 1, 8, 14, 16 and 17 are recorded with words and real bases only", "[catalog]") {
  const Catalog cat = Catalog::embedded_default(kDay);
  const auto scenarios = [&](const char* id) {
    std::vector<std::string> out;
    for (const auto& c : cat.find(id)->carve_outs) {
      CHECK_FALSE(c.words.empty());
      out.push_back(c.scenario);
    }
    return out;
  };
  // 附件1: 不动产登记情况、公证办理情况除外 / 婚姻登记档案丢失、收养情况除外 / 收养情况除外 /
  // 国家另有规定的除外 / 法律援助情况除外
  CHECK(scenarios("kinship") == std::vector<std::string>{"不动产登记", "公证"});
  CHECK(scenarios("marital-status") == std::vector<std::string>{"婚姻登记档案丢失", "收养"});
  CHECK(scenarios("childbearing-status") == std::vector<std::string>{"收养"});
  CHECK(scenarios("personal-archive") == std::vector<std::string>{"国家另有规定"});
  CHECK(scenarios("property") == std::vector<std::string>{"法律援助"});
  CHECK(scenarios("death").empty());
  const auto& adoption = cat.find("marital-status")->carve_outs[1];
  REQUIRE(adoption.bases.size() == 1);
  CHECK(adoption.bases[0].title == "《中国公民收养子女登记办法》");
  CHECK(adoption.bases[0].article == "第五条");
  CHECK(adoption.bases[0].level == BasisLevel::administrative_regulation);
  CHECK_FALSE(adoption.note.empty());
  CHECK(cat.find("marital-status")->carve_outs[0].bases.empty());  // no law establishes it
}

TEST_CASE("From 2022-01-01 the 法律援助 carve-out of item 17 has ended, by its own validity", "[catalog]") {
  // 《中华人民共和国法律援助法》第四十一条: the applicant's own statement replaces the certificate.
  for (const Date day : {Date::from_ymd(2021, 6, 1), Date::from_ymd(2023, 6, 1)}) {
    const Catalog cat = Catalog::embedded_default(day);
    const CarveOut& aid = cat.find("property")->carve_outs.at(0);
    CHECK(aid.scenario == "法律援助");
    REQUIRE(aid.validity.until);
    CHECK(*aid.validity.until == Date::from_ymd(2022, 1, 1));
    CHECK(aid.validity.contains(Date::from_ymd(2021, 12, 31)));
    CHECK_FALSE(aid.validity.contains(Date::from_ymd(2022, 1, 1)));
    CHECK(aid.note.find("第四十一条") != std::string::npos);
  }
}

TEST_CASE("The death route carries a dated note from 2026-07-01 and keeps its text verbatim", "[catalog]") {
  const Catalog cat = Catalog::embedded_default(kDay);
  const Route& r = cat.find("death")->route;
  REQUIRE(r.notes.size() == 1);
  CHECK(r.notes[0].source == "国卫规划发〔2026〕5号");
  REQUIRE(r.notes[0].validity.from);
  CHECK(*r.notes[0].validity.from == Date::from_ymd(2026, 7, 1));
  CHECK(r.text.rfind("居民办事事项涉及的相关部门通过与卫生健康部门、公安部门、人民法院信息共享的方式进行核对", 0) == 0);
}

TEST_CASE("Default settings are written out with their documented defaults", "[catalog]") {
  const Catalog cat = Catalog::embedded_default(kDay);
  const Settings& s = cat.settings();
  CHECK(s.qualifying_levels == std::vector<BasisLevel>{BasisLevel::law, BasisLevel::administrative_regulation,
                                                       BasisLevel::local_regulation, BasisLevel::state_council_retained_list});
  CHECK_FALSE(s.public_interest_needs_item_basis);
  CHECK(s.carve_out_matching == CarveOutMatching::any_word);
  CHECK(s.default_limit_working_days == 5);
  CHECK(s.qualifies(BasisLevel::law));
  CHECK_FALSE(s.qualifies(BasisLevel::policy_document));
}

TEST_CASE("Load, save and load again is the identity for the shipped catalog files", "[catalog]") {
  for (const char* f : {"data/catalog/national-batch1.json", "data/catalog/national-aliases.json",
                        "data/catalog/national-amendments.json", "data/examples/hubei-province-layer.json"}) {
    INFO(f);
    const std::string text = read_file(source(f));
    const CatalogLayer once = parse_catalog_layer(text, f);
    const std::string saved = to_json(once);
    CHECK(saved == text);  // shipped files are stored canonically
    CHECK(to_json(parse_catalog_layer(saved, f)) == saved);
  }
}

TEST_CASE("Two compositions of the same layers give identical catalog JSON", "[catalog]") {
  const std::string a = to_json(Catalog::embedded_default(kDay));
  const std::string b = to_json(Catalog::compose(default_layers(), kDay));
  CHECK(a == b);
  CHECK(a.rfind("{\n  \"catalog\": {\n    \"id\": \"cn-national-batch1+", 0) == 0);
}

TEST_CASE("Catalogs copy and move, and find works on the copy", "[catalog]") {
  Catalog a = Catalog::embedded_default(kDay);
  Catalog b = a;
  Catalog c = std::move(a);
  REQUIRE(b.find("alive"));
  CHECK(b.find("alive") == &b.items()[9]);
  CHECK(c.find_name("在世证明") == c.find("alive"));
}

TEST_CASE("A bad catalog is an Error with code, pointer and line", "[catalog]") {
  const std::string text =
      "{\"format\": \"jianzheng-catalog/1\",\n"
      " \"catalog\": {\"id\": \"x\", \"level\": \"county\"},\n"
      " \"items\": [\n"
      "  {\"id\": \"a\", \"name\": \"甲证明\", \"disposition\": \"by_committee\"},\n"
      "  {\"id\": \"a\", \"name\": \"乙证明\", \"disposition\": \"by_committee\"}\n"
      " ]}";
  try {
    (void)parse_catalog_layer(text, "t.json");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::duplicate_id);
    CHECK(e.location().origin == "t.json");
    CHECK(e.location().pointer == "/items/1/id");
    CHECK(e.location().line == 5);
  }
}

// Supervision (二（三）6): complaints read from JSON and CSV, classified by the decision core,
// gathered per demanding body for 通报 and correction by its superior.
#include "jianzheng/supervision.hpp"

#include <boost/json.hpp>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "jianzheng/error.hpp"

using namespace jianzheng;
namespace fs = std::filesystem;

namespace {

fs::path data() { return fs::path(JIANZHENG_TEST_DATA_DIR) / "complaints"; }

const Engine& engine() {
  static const Engine e;
  return e;
}


}  // namespace

TEST_CASE("Complaints read the same from JSON and from a spreadsheet CSV", "[supervision]") {
  const auto j = load_complaints((data() / "valid_complaints.json").string());
  const auto c = load_complaints((data() / "valid_complaints.csv").string());
  const auto g = load_complaints((data() / "valid_complaints_gb18030.csv").string());
  REQUIRE(j.size() == 5);
  REQUIRE(c.size() == 5);  // the trailing blank spreadsheet row is dropped
  REQUIRE(g.size() == 5);  // the same table saved as GB18030 (code page 936)
  for (std::size_t i = 0; i < c.size(); ++i) {
    CHECK(g[i].complaint.body == c[i].complaint.body);
    CHECK(g[i].complaint.text == c[i].complaint.text);
    CHECK(g[i].complaint.bases == c[i].complaint.bases);
  }
  for (std::size_t i = 0; i < j.size(); ++i) {
    INFO(i);
    CHECK(j[i].complaint.body == c[i].complaint.body);
    CHECK(j[i].complaint.body_kind == c[i].complaint.body_kind);
    CHECK(j[i].complaint.item == c[i].complaint.item);
    CHECK(j[i].complaint.text == c[i].complaint.text);
    CHECK(j[i].complaint.purpose == c[i].complaint.purpose);
    CHECK(j[i].complaint.date == c[i].complaint.date);
    CHECK(j[i].complaint.channel == c[i].complaint.channel);
    CHECK(j[i].superior == c[i].superior);
    CHECK(j[i].complaint.bases == c[i].complaint.bases);
  }
  REQUIRE(j[4].complaint.bases.size() == 1);
  CHECK(j[4].complaint.bases[0].title == "《中国公民收养子女登记办法》");
  CHECK(j[4].complaint.bases[0].article == "第五条");
  CHECK(c[0].where == "row 2");
  CHECK(j[0].where == "2021-001");        // the clerk's own reference
  CHECK(j[1].where == "/complaints/1");   // else the JSON pointer
}

TEST_CASE("Each demand is classified reasonable or unreasonable with its clause", "[supervision]") {
  const auto report = supervise_all(engine(), load_complaints((data() / "valid_complaints.json").string()));
  REQUIRE(report.results.size() == 5);
  auto outcome = [&](std::size_t i) { return report.results[i].verdict.outcome; };
  auto deciding = [&](std::size_t i) {
    const auto& cl = report.results[i].verdict.clauses;
    return cl.size() > 1 ? cl[1]->id : std::string();
  };
  // 附件1 第8项 (单身证明 → 婚姻状况证明), no carve-out: 二（二）2, unreasonable.
  CHECK(outcome(0) == SupervisionOutcome::unreasonable);
  CHECK(deciding(0) == "2.2.2");
  REQUIRE(report.results[0].verdict.item);
  CHECK(report.results[0].verdict.item->id == "marital-status");
  // 附件1 第15项 居民就业状况证明: unreasonable.
  CHECK(outcome(1) == SupervisionOutcome::unreasonable);
  // An unlisted certificate demanded with no basis: 二（二）1, unreasonable.
  CHECK(outcome(2) == SupervisionOutcome::unreasonable);
  CHECK(deciding(2) == "2.2.1");
  // 亲属关系证明 for a notarisation: the list's own carve-out, reasonable.
  CHECK(outcome(3) == SupervisionOutcome::reasonable);
  // A basis of a qualifying level (an administrative regulation): reasonable.
  CHECK(outcome(4) == SupervisionOutcome::reasonable);
  CHECK(report.unreasonable == 3);
}

TEST_CASE("The report gathers demands per body, most unreasonable first, for 通报", "[supervision]") {
  const auto report = supervise_all(engine(), load_complaints((data() / "valid_complaints.csv").string()));
  REQUIRE(report.bodies.size() == 4);
  const BodyReport& first = report.bodies[0];
  CHECK(first.body == "县甲局");
  CHECK(first.superior == "县人民政府");
  CHECK(first.complaints == 2);
  CHECK(first.unreasonable == 2);
  CHECK(first.notify);  // 二（三）6: 通报或公开曝光，上级主管部门纠正
  CHECK(first.results == std::vector<std::size_t>{0, 1});
  CHECK(first.unreasonable_items == std::vector<std::string>{"婚姻状况证明", "居民就业状况证明"});
  CHECK(report.bodies[1].body == "乙供电公司");
  CHECK(report.bodies[1].notify);
  for (std::size_t i = 2; i < 4; ++i) {
    CHECK(report.bodies[i].unreasonable == 0);
    CHECK_FALSE(report.bodies[i].notify);
  }
  const std::string md = to_markdown(report);
  CHECK(md.find("## 县甲局") < md.find("## 乙供电公司"));
  CHECK(md.find("上级主管部门：县人民政府") != std::string::npos);
}

TEST_CASE("The report JSON carries each complaint with the engine's verdict", "[supervision]") {
  const auto report = supervise_all(engine(), load_complaints((data() / "valid_complaints.json").string()));
  const auto v = boost::json::parse(to_json(report));
  CHECK(v.at("total") == 5);
  CHECK(v.at("unreasonable") == 3);
  CHECK(v.at("hotline") == "0936-6121532");
  const auto& r0 = v.at("results").as_array().at(0);
  CHECK(r0.at("complaint").at("body") == "县甲局");
  CHECK(r0.at("verdict").at("outcome") == "unreasonable");
  CHECK(r0.at("verdict").at("notify") == true);
  CHECK(v.at("bodies").as_array().at(0).at("body") == "县甲局");
}

TEST_CASE("Every invalid complaints fixture throws its error code", "[supervision]") {
  std::size_t n = 0;
  for (const auto& entry : fs::directory_iterator(data())) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("invalid_", 0) != 0) continue;
    ++n;
    INFO(name);
    try {
      (void)load_complaints(entry.path().string());
      FAIL("no error");
    } catch (const Error& e) {
      CHECK(name.rfind(std::string("invalid_") + to_string(e.code()) + "_", 0) == 0);
    }
  }
  CHECK(n >= 5);
}

TEST_CASE("Issue 12: a complaints CSV refuses text under no heading and a row cut short, naming the cell",
          "[supervision]") {
  for (const auto& [file, where] : std::vector<std::pair<std::string, std::string>>{
           {"invalid_invalid_value_stray_cell.csv", ":2:84"}, {"invalid_invalid_value_cut_off_row.csv", ":3:28"}}) {
    INFO(file);
    try {
      (void)load_complaints((data() / file).string());
      FAIL("no error");
    } catch (const Error& e) {
      CHECK(e.code() == ErrorCode::invalid_value);
      CHECK(e.where() == (data() / file).string() + where);
    }
  }
}

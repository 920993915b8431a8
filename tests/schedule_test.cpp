// Programme, Phase, Deliverable: 三、具体安排 of the policy, "自2020年11月开始至2023年8月底结束，
// 分6个阶段进行". Each test cites the clause whose window or deadline it pins.
#include "jianzheng/schedule.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "jianzheng/error.hpp"

namespace Catch {
template <>
struct StringMaker<jianzheng::Date> {
  static std::string convert(const jianzheng::Date& d) { return d.to_string(); }
};
}  // namespace Catch

using jianzheng::Date;
using jianzheng::Deliverable;
using jianzheng::Error;
using jianzheng::ErrorCode;
using jianzheng::Phase;
using jianzheng::PhaseState;
using jianzheng::Programme;
using jianzheng::Submissions;
using jianzheng::UnitKind;
using jianzheng::UnitState;

namespace {

Date d(const char* iso) { return Date::parse(iso); }

const std::filesystem::path kTimeData = std::filesystem::path(JIANZHENG_TEST_DATA_DIR) / "time";

const Phase& phase(const char* id) {
  const Phase* p = Programme::embedded_default().find_phase(id);
  REQUIRE(p);
  return *p;
}

const Deliverable& deliverable(const char* id) {
  const Deliverable* x = Programme::embedded_default().find_deliverable(id);
  REQUIRE(x);
  return *x;
}

std::vector<std::string> ids(const std::vector<const Phase*>& phases) {
  std::vector<std::string> out;
  for (const auto* p : phases) out.push_back(p->id);
  return out;
}

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace

TEST_CASE("The programme runs from 2020-11 to the end of 2023-08 in six phases", "[time][schedule]") {
  // 三: "自2020年11月开始至2023年8月底结束，分6个阶段进行"
  const auto& p = Programme::embedded_default();
  CHECK(&p == &Programme::embedded_default());
  CHECK(p.id() == "sunan-2020");
  CHECK(p.start() == d("2020-11-01"));
  CHECK(p.end() == d("2023-08-31"));
  CHECK(p.text().find("自2020年11月开始至2023年8月底结束，分6个阶段进行") != std::string::npos);
  REQUIRE(p.phases().size() == 6);
  const char* expected[] = {"3.1", "3.2", "3.3", "3.4", "3.5", "3.6"};
  for (std::size_t i = 0; i < 6; ++i) CHECK(p.phases()[i].id == expected[i]);
}

TEST_CASE("3.1 安排部署工作: November 2020, plan made by 2020-11-30", "[time][schedule]") {
  // 三（一）"安排部署工作（2020年11月）… 2020年11月底前，制定具体实施方案"
  const auto& p = phase("3.1");
  CHECK(p.name == "安排部署工作");
  CHECK(p.path == "三（一）");
  CHECK(p.start == d("2020-11-01"));
  CHECK(p.end == d("2020-11-30"));
  CHECK(p.heading == "（一）安排部署工作（2020年11月）。");
  CHECK(deliverable("3.1.plan").due == d("2020-11-30"));
  CHECK(p.text.find(deliverable("3.1.plan").quote) != std::string::npos);
}

TEST_CASE("3.2 摸排掌握情况: every township and department submits 附件2 to 县民政局 by 2020-12-30", "[time][schedule]") {
  // 三（二）"各乡（镇）、各部门单位要完成…填写《应由…统计表》（见附件2），并于2020年12月30日前报县民政局"
  const auto& p = phase("3.2");
  CHECK(p.name == "摸排掌握情况");
  CHECK(p.start == d("2020-12-01"));
  CHECK(p.end == d("2020-12-31"));
  const auto& x = deliverable("3.2.survey");
  CHECK(x.due == d("2020-12-30"));
  CHECK(x.to == "县民政局");
  CHECK(x.from == "各乡（镇）、各部门单位");
  CHECK(x.each == std::vector<UnitKind>{UnitKind::township, UnitKind::department});
  CHECK(x.quote.find("并于2020年12月30日前报县民政局") != std::string::npos);
  CHECK(p.text.find(x.quote) != std::string::npos);
}

TEST_CASE("3.3 制定事项清单: January to March 2021, county list by 2021-03-31", "[time][schedule]") {
  // 三（三）"制定事项清单（2021年1月—3月）… 2021年3月底前，制定出台…清单"
  const auto& p = phase("3.3");
  CHECK(p.name == "制定事项清单");
  CHECK(p.start == d("2021-01-01"));
  CHECK(p.end == d("2021-03-31"));
  CHECK(deliverable("3.3.county-list").due == d("2021-03-31"));
  CHECK(p.text == "2021年3月底前，制定出台基层群众性自治组织出具证明事项清单。");
}

TEST_CASE("3.4 编制办事指南: April to May 2021, guides published by 2021-05-31", "[time][schedule]") {
  // 三（四）"编制办事指南（2021年4月—5月）… 2021年5月底前…同步公布"
  const auto& p = phase("3.4");
  CHECK(p.name == "编制办事指南");
  CHECK(p.start == d("2021-04-01"));
  CHECK(p.end == d("2021-05-31"));
  const auto& x = deliverable("3.4.service-guides");
  CHECK(x.due == d("2021-05-31"));
  for (const char* where : {"政务服务平台", "服务场所", "微信公众平台"}) CHECK(x.to.find(where) != std::string::npos);
}

TEST_CASE("3.5 全面组织实施 runs from June 2021 to the end of the programme and overlaps 3.6", "[time][schedule]") {
  // 三（五）"全面组织实施（2021年6月开始）" gives no end; 三 ends the programme in 2023-08.
  const auto& p = phase("3.5");
  CHECK(p.name == "全面组织实施");
  CHECK(p.start == d("2021-06-01"));
  CHECK(p.open_ended);
  CHECK(p.end == d("2023-08-31"));
  const auto& prog = Programme::embedded_default();
  CHECK(ids(prog.active_at(d("2023-06-15"))) == std::vector<std::string>{"3.5", "3.6"});
  CHECK(ids(prog.active_at(d("2023-08-31"))) == std::vector<std::string>{"3.5"});
  CHECK(prog.active_at(d("2023-09-01")).empty());
  for (const auto& x : prog.deliverables()) CHECK(x.phase != "3.5");  // no deadline of its own
}

TEST_CASE("3.6 认真总结评估: townships report by 2023-06-30, the county to 市民政局 by 2023-07-31", "[time][schedule]") {
  // 三（六）"2023年6月底前反馈县民政局。7月底前，县民政局…形成报告上报市民政局"
  const auto& p = phase("3.6");
  CHECK(p.name == "认真总结评估");
  CHECK(p.start == d("2023-06-01"));
  CHECK(p.end == d("2023-07-31"));
  const auto& towns = deliverable("3.6.township-summary");
  CHECK(towns.due == d("2023-06-30"));
  CHECK(towns.to == "县民政局");
  CHECK(towns.each == std::vector<UnitKind>{UnitKind::township});
  const auto& county = deliverable("3.6.county-report");
  CHECK(county.due == d("2023-07-31"));
  CHECK(county.to == "市民政局");
  CHECK_FALSE(county.is_per_unit());
  CHECK(p.text.find(towns.quote) != std::string::npos);
  CHECK(p.text.find(county.quote) != std::string::npos);
}

TEST_CASE("Active phases, phase states and the next deadline at a date", "[time][schedule]") {
  const auto& prog = Programme::embedded_default();
  CHECK(ids(prog.active_at(d("2020-12-15"))) == std::vector<std::string>{"3.2"});
  CHECK(ids(prog.active_at(d("2021-09-30"))) == std::vector<std::string>{"3.5"});
  CHECK(prog.active_at(d("2020-10-31")).empty());
  CHECK(Programme::state_at(phase("3.3"), d("2020-12-15")) == PhaseState::upcoming);
  CHECK(Programme::state_at(phase("3.1"), d("2020-12-15")) == PhaseState::finished);
  // 三（二）: the deadline day itself is still "before" 12月30日前.
  CHECK(prog.next_deadline(d("2020-12-30"))->id == "3.2.survey");
  CHECK(prog.next_deadline(d("2020-12-31"))->id == "3.3.county-list");
  CHECK(prog.next_deadline(d("2021-09-30"))->id == "3.6.township-summary");
  CHECK(prog.next_deadline(d("2023-08-01")) == nullptr);
}

TEST_CASE("Unit status from submission records: on time, late, missing, not yet due", "[time][schedule]") {
  // 三（二）: 附件2 due 2020-12-30 from every township and department; 三（六）: township summaries 2023-06-30.
  const auto& prog = Programme::embedded_default();
  const auto records = Submissions::from_file((kTimeData / "submissions-example.json").string(), prog);
  const auto at = d("2021-01-15");
  const auto all = prog.unit_status(records, at);
  auto find = [&](const std::vector<jianzheng::UnitStatus>& v, const char* unit, const char* del) {
    for (const auto& s : v)
      if (s.unit == unit && s.deliverable == del) return s;
    FAIL(std::string("no status for ") + unit);
    return jianzheng::UnitStatus{};
  };
  CHECK(all.size() == 5 + 3);  // 3.2 from 5 units; 3.6 township summary from 3 townships
  CHECK(find(all, "红湾寺镇", "3.2.survey").state == UnitState::on_time);
  CHECK(find(all, "皇城镇", "3.2.survey").state == UnitState::on_time);  // on the deadline day
  const auto late = find(all, "康乐镇", "3.2.survey");
  CHECK(late.state == UnitState::late);
  CHECK(late.submitted == d("2021-01-05"));  // the first record counts, not the resubmission
  CHECK(late.days_late == 6);
  const auto missing = find(all, "县公安局", "3.2.survey");
  CHECK(missing.state == UnitState::missing);
  CHECK(missing.days_late == 16);
  // A record dated after the date asked about is not known yet.
  CHECK(find(all, "县司法局", "3.2.survey").state == UnitState::missing);
  CHECK(find(prog.unit_status(records, d("2021-02-01")), "县司法局", "3.2.survey").state == UnitState::late);
  CHECK(find(all, "红湾寺镇", "3.6.township-summary").state == UnitState::not_yet_due);
  // Before the deadline nobody is missing.
  for (const auto& s : prog.unit_status(records, d("2020-12-20")))
    CHECK((s.state == UnitState::not_yet_due || s.state == UnitState::on_time));
  const auto later = prog.unit_status(records, d("2023-07-01"));
  CHECK(find(later, "红湾寺镇", "3.6.township-summary").state == UnitState::on_time);
  CHECK(find(later, "皇城镇", "3.6.township-summary").state == UnitState::missing);
}

TEST_CASE("Submission records must name known units and deliverables the unit owes", "[time][schedule]") {
  const auto& prog = Programme::embedded_default();
  try {
    (void)Submissions::from_file((kTimeData / "submissions-invalid-kind.json").string(), prog);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::invalid_value);  // 三（六）: summaries come from townships only
    CHECK(e.location().pointer == "/submissions/0/deliverable");
  }
  try {
    (void)Submissions::from_file((kTimeData / "submissions-unknown-unit.json").string(), prog);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::unknown_reference);
    CHECK(e.location().pointer == "/submissions/0/unit");
    CHECK(e.location().line == 3);
  }
}

TEST_CASE("Another programme loads from JSON", "[time][schedule]") {
  const auto p = Programme::from_file((kTimeData / "programme" / "valid_city_example.json").string());
  CHECK(p.id() == "city-example");
  REQUIRE(p.phases().size() == 2);
  CHECK(p.phases()[1].open_ended);
  CHECK(p.phases()[1].end == d("2021-12-31"));
  CHECK(p.next_deadline(d("2021-02-01"))->id == "1.report");
}

TEST_CASE("Programme fixtures load or fail with the error code their name gives", "[time][schedule]") {
  int invalid = 0;
  for (const auto& entry : std::filesystem::directory_iterator(kTimeData / "programme")) {
    const std::string name = entry.path().filename().string();
    INFO(name);
    const std::string text = slurp(entry.path());
    if (name.rfind("valid_", 0) == 0) {
      CHECK_NOTHROW(Programme::from_json(text, name));
      continue;
    }
    ++invalid;
    try {
      (void)Programme::from_json(text, name);
      FAIL("loaded although invalid");
    } catch (const Error& e) {
      CHECK(name.rfind("invalid_" + std::string(jianzheng::to_string(e.code())) + "_", 0) == 0);
      CHECK(e.location().line > 0);
    }
  }
  CHECK(invalid >= 7);
}

TEST_CASE("The schedule JSON follows the CLI contract", "[time][schedule]") {
  const std::string j = jianzheng::schedule_json(Programme::embedded_default(), d("2021-02-01"));
  CHECK(j.find("\"at\": \"2021-02-01\"") != std::string::npos);
  CHECK(j.find("\"name\": \"制定事项清单\"") != std::string::npos);
  CHECK(j.find("\"active\": [\"3.3\"]") != std::string::npos);
  // 三（三）: the next deadline is the county list, 2021-03-31: 58 days, 39 working days
  // (2021-02-11…17 Spring Festival off, 02-07 and 02-20 worked: 国办发明电〔2020〕27号).
  CHECK(j.find("\"date\": \"2021-03-31\"") != std::string::npos);
  CHECK(j.find("\"days_left\": 58") != std::string::npos);
  CHECK(j.find("\"working_days_left\": 39") != std::string::npos);
  CHECK(jianzheng::schedule_json(Programme::embedded_default(), d("2024-01-01")).find("\"next_deadline\": null") !=
        std::string::npos);
}

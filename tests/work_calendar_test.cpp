// WorkCalendar: the working days behind 二（三）5 "限时办结". Dates are pinned from the State
// Council's yearly notices as recorded in data/calendar/cn-2020-2026.json.
#include "jianzheng/work_calendar.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <fstream>
#include <iterator>
#include <string>
#include <utility>

#include <sys/wait.h>

#include "jianzheng/error.hpp"

namespace Catch {
template <>
struct StringMaker<jianzheng::Date> {
  static std::string convert(const jianzheng::Date& d) { return d.to_string(); }
};
}  // namespace Catch

using jianzheng::Coverage;
using jianzheng::Date;
using jianzheng::DayKind;
using jianzheng::Error;
using jianzheng::ErrorCode;
using jianzheng::WorkCalendar;

namespace {

Date d(const char* iso) { return Date::parse(iso); }

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

const std::filesystem::path kTimeData = std::filesystem::path(JIANZHENG_TEST_DATA_DIR) / "time";

// The step-by-step definition the fast index must agree with.
Date slow_add(const WorkCalendar& cal, Date from, long n, Coverage c) {
  Date x = from;
  const long step = n > 0 ? 1 : -1;
  for (long left = n > 0 ? n : -n; left > 0;) {
    x = x.plus_days(step);
    if (cal.is_working_day(x, c)) --left;
  }
  return x;
}

ErrorCode code_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.code();
  }
  FAIL("no jianzheng::Error thrown");
  return ErrorCode::invalid_argument;
}

}  // namespace

TEST_CASE("Three working days after 2021-09-30 is 2021-10-11, across the National Day holiday", "[time][calendar]") {
  // 二（三）5 限时办结; 国办发明电〔2020〕27号: 10-01…10-07 off, 10-09 (Saturday) worked.
  const auto& cal = WorkCalendar::embedded_default();
  CHECK(cal.add_working_days(d("2021-09-30"), 1) == d("2021-10-08"));
  CHECK(cal.add_working_days(d("2021-09-30"), 2) == d("2021-10-09"));
  CHECK(cal.add_working_days(d("2021-09-30"), 3) == d("2021-10-11"));
  CHECK(cal.working_days_between(d("2021-09-30"), d("2021-10-11")) == 3);
}

TEST_CASE("2024-02-18, a Sunday, is a working day: Spring Festival 调休上班", "[time][calendar]") {
  // 国办发明电〔2023〕7号: 2月18日（星期日）上班.
  const auto& cal = WorkCalendar::embedded_default();
  REQUIRE(d("2024-02-18").weekday() == 7);
  CHECK(cal.is_working_day(d("2024-02-18")));
  const auto s = cal.status(d("2024-02-18"));
  CHECK(s.kind == DayKind::adjusted_workday);
  CHECK(s.why == "春节调休上班");
  CHECK(s.source == "国办发明电〔2023〕7号");
  CHECK_FALSE(s.assumed);
}

TEST_CASE("2020-02-01 is not a working day: the extended 2020 Spring Festival", "[time][calendar]") {
  // Planned as a worked Saturday by 国办发明电〔2019〕16号; 国办发明电〔2020〕1号 extended the
  // holiday to 2020-02-02 and absorbed it.
  const auto& cal = WorkCalendar::embedded_default();
  CHECK_FALSE(cal.is_working_day(d("2020-02-01")));
  const auto s = cal.status(d("2020-02-01"));
  CHECK(s.kind == DayKind::holiday);
  CHECK(s.why == "春节放假");
  CHECK(s.source == "国办发明电〔2020〕1号");
  CHECK(s.note.find("国办发明电〔2020〕1号") != std::string::npos);
  CHECK(cal.add_working_days(d("2020-01-23"), 1) == d("2020-02-03"));
}

TEST_CASE("A day's status gives the reason in Chinese", "[time][calendar]") {
  const auto& cal = WorkCalendar::embedded_default();
  CHECK(cal.status(d("2021-10-09")).why == "国庆节调休上班");  // 国办发明电〔2020〕27号
  CHECK(cal.status(d("2021-10-09")).source == "国办发明电〔2020〕27号");
  CHECK(cal.status(d("2021-10-04")).why == "国庆节放假");
  CHECK(cal.status(d("2021-10-12")).why == "工作日（星期二）");
  CHECK(cal.status(d("2021-10-16")).why == "周末（星期六）");
  CHECK(cal.status(d("2021-10-16")).kind == DayKind::weekend);
  // The 2023 notice's New Year holiday starts on 2022-12-31.
  const auto nye = cal.status(d("2022-12-31"));
  CHECK(nye.holiday == "元旦");
  CHECK(nye.source == "国办发明电〔2022〕16号");
  // 2025's notice number is seen in one source only: the answer says so.
  CHECK(cal.status(d("2025-01-28")).source == "国办发明电〔2024〕12号（文号待核）");
  // 2026's number is unknown: the notice's title stands in.
  CHECK(cal.status(d("2026-10-01")).source == "国务院办公厅关于2026年部分节假日安排的通知");
}

TEST_CASE("From 2025 New Year's Eve (除夕) and 5月2日 are statutory holidays", "[time][calendar]") {
  const auto& cal = WorkCalendar::embedded_default();
  CHECK_FALSE(cal.is_working_day(d("2025-01-28")));  // 除夕, a Tuesday
  CHECK_FALSE(cal.is_working_day(d("2025-05-02")));
}

TEST_CASE("The embedded calendar covers exactly 2020 to 2026 and cites a notice for each year", "[time][calendar]") {
  const auto& cal = WorkCalendar::embedded_default();
  CHECK(&cal == &WorkCalendar::embedded_default());  // parsed once
  CHECK(cal.covered_years() == std::vector<int>{2020, 2021, 2022, 2023, 2024, 2025, 2026});
  CHECK_FALSE(cal.covers_year(2019));
  CHECK_FALSE(cal.covers_year(2027));
  for (int y = 2020; y <= 2026; ++y) {
    INFO(y);
    CHECK(std::any_of(cal.notices().begin(), cal.notices().end(),
                      [&](const auto& n) { return n.year == y && !n.title.empty() && !n.url.empty(); }));
  }
  CHECK(cal.days().size() == 254);
}

TEST_CASE("A date in an uncovered year is an error by default", "[time][calendar]") {
  const auto& cal = WorkCalendar::embedded_default();
  CHECK(code_of([&] { (void)cal.is_working_day(d("2027-01-04")); }) == ErrorCode::date_not_covered);
  CHECK(code_of([&] { (void)cal.status(d("2019-12-31")); }) == ErrorCode::date_not_covered);
  // Crossing out of the covered years is an error too, never a silent guess.
  CHECK(code_of([&] { (void)cal.add_working_days(d("2026-12-30"), 3); }) == ErrorCode::date_not_covered);
  CHECK(code_of([&] { (void)cal.working_days_between(d("2026-12-01"), d("2027-01-10")); }) ==
        ErrorCode::date_not_covered);
  try {
    (void)cal.add_working_days(d("2026-12-30"), 3);
  } catch (const Error& e) {
    CHECK(e.where() == "2027-01-01");
    CHECK(std::string(e.what()).find("2027") != std::string::npos);
  }
  // Only the days examined matter: the day after 2019-12-31 lies in 2020.
  CHECK(cal.add_working_days(d("2019-12-31"), 1) == d("2020-01-02"));
}

TEST_CASE("The weekdays-only mode assumes Monday to Friday and marks its answers", "[time][calendar]") {
  const auto& cal = WorkCalendar::embedded_default();
  const auto w = Coverage::weekdays_only;
  CHECK(cal.is_working_day(d("2027-01-04"), w));       // a Monday
  CHECK_FALSE(cal.is_working_day(d("2027-01-09"), w)); // a Saturday
  const auto s = cal.status(d("2027-01-04"), w);
  CHECK(s.assumed);
  CHECK(s.why.find("按周一至周五推定") != std::string::npos);
  // Covered days keep the real data in this mode.
  CHECK(cal.is_working_day(d("2024-02-18"), w));
  CHECK_FALSE(cal.status(d("2024-02-18"), w).assumed);
  CHECK(cal.add_working_days(d("2026-12-30"), 3, w) == d("2027-01-04"));  // 12-31, 01-01 (assumed), 01-04
  CHECK(cal.uncovered_years(d("2026-12-30"), d("2027-01-04")) == std::vector<int>{2027});
  CHECK(cal.uncovered_years(d("2021-09-30"), d("2021-10-11")).empty());
  CHECK(cal.add_working_days(d("2031-06-06"), 5, w) == d("2031-06-13"));
  CHECK(cal.working_days_between(d("2031-06-06"), d("2031-06-13"), w) == 5);
  CHECK(cal.add_working_days(d("2019-12-27"), 3, w) == d("2020-01-02"));  // 2020-01-01 元旦 is known
}

TEST_CASE("working_days_between counts working days after the first date up to the second", "[time][calendar]") {
  const auto& cal = WorkCalendar::embedded_default();
  CHECK(cal.working_days_between(d("2021-10-11"), d("2021-10-11")) == 0);
  CHECK(cal.working_days_between(d("2021-10-08"), d("2021-10-11")) == 2);  // 10-09 (调休), 10-11
  CHECK(cal.working_days_between(d("2021-10-11"), d("2021-10-08")) == -2);
  CHECK(cal.working_days_between(d("2021-10-01"), d("2021-10-07")) == 0);
}

TEST_CASE("Negative counts step back to earlier working days", "[time][calendar]") {
  const auto& cal = WorkCalendar::embedded_default();
  CHECK(cal.add_working_days(d("2021-10-11"), -3) == d("2021-09-30"));  // 10-09, 10-08, 09-30
  CHECK(cal.add_working_days(d("2021-10-11"), -2) == d("2021-10-08"));
  CHECK(cal.add_working_days(d("2021-10-08"), -1) == d("2021-09-30"));
  CHECK(cal.add_working_days(d("2021-10-08"), 0) == d("2021-10-08"));
  CHECK(code_of([&] { (void)cal.add_working_days(d("2021-10-08"), 2000000, Coverage::weekdays_only); }) ==
        ErrorCode::invalid_argument);
}

TEST_CASE("The fast index agrees with day-by-day stepping on every covered day", "[time][calendar]") {
  const auto& cal = WorkCalendar::embedded_default();
  for (Date x = d("2020-01-01"); x <= d("2026-11-30"); x = x.plus_days(3)) {
    for (long n : {1L, 2L, 3L, 5L, 7L, 10L, 20L}) {
      const Date fast = cal.add_working_days(x, n);
      const Date slow = slow_add(cal, x, n, Coverage::strict);
      if (fast != slow) FAIL(x.to_string() + " + " + std::to_string(n) + ": " + fast.to_string() + " vs " + slow.to_string());
      if (cal.working_days_between(x, fast) != n) FAIL("between " + x.to_string());
    }
    if (x >= d("2020-03-01")) {
      const Date back = cal.add_working_days(x, -5);
      if (back != slow_add(cal, x, -5, Coverage::strict)) FAIL("back from " + x.to_string());
    }
  }
  // Also across the edge of the data, in weekdays-only mode.
  for (Date x = d("2026-11-01"); x <= d("2027-03-01"); x = x.plus_days(1))
    if (cal.add_working_days(x, 9, Coverage::weekdays_only) != slow_add(cal, x, 9, Coverage::weekdays_only))
      FAIL("weekdays_only from " + x.to_string());
  for (Date x = d("2019-10-01"); x <= d("2020-02-15"); x = x.plus_days(1))
    if (cal.add_working_days(x, -4, Coverage::weekdays_only) != slow_add(cal, x, -4, Coverage::weekdays_only))
      FAIL("weekdays_only back from " + x.to_string());
}

TEST_CASE("A county's local layer overrides the national status and leaves the national calendar alone", "[time][calendar]") {
  const auto& base = WorkCalendar::embedded_default();
  const auto local = base.with_layer_file((kTimeData / "local-layer-example.json").string());
  CHECK_FALSE(local.is_working_day(d("2021-07-15")));
  CHECK(local.is_working_day(d("2021-07-17")));  // a local worked Saturday
  CHECK(base.is_working_day(d("2021-07-15")));
  CHECK_FALSE(base.is_working_day(d("2021-07-17")));
  const auto s = local.status(d("2021-07-15"));
  CHECK(s.local);
  CHECK(s.why == "示例本地节日放假（地方）");
  CHECK(local.add_working_days(d("2021-07-14"), 1) == d("2021-07-16"));
  CHECK(local.id() == "cn-2020-2026+local-example");
  // National days survive the layer.
  CHECK_FALSE(local.is_working_day(d("2021-10-01")));
}

TEST_CASE("A local layer may only annotate years the national data covers", "[time][calendar]") {
  const auto& base = WorkCalendar::embedded_default();
  try {
    (void)base.with_layer_file((kTimeData / "local-layer-uncovered.json").string());
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::date_not_covered);
    CHECK(e.location().pointer == "/days/0/date");
  }
  // A national file is not a layer, and a layer is not a national calendar.
  CHECK(code_of([&] { (void)WorkCalendar::from_file((kTimeData / "local-layer-example.json").string()); }) ==
        ErrorCode::invalid_value);
}

TEST_CASE("Calendar fixtures load or fail with the error code their name gives", "[time][calendar]") {
  int valid = 0, invalid = 0;
  for (const auto& entry : std::filesystem::directory_iterator(kTimeData / "calendar")) {
    const std::string name = entry.path().filename().string();
    INFO(name);
    const std::string text = slurp(entry.path());
    if (name.rfind("valid_", 0) == 0) {
      ++valid;
      CHECK_NOTHROW(WorkCalendar::from_json(text, name));
      continue;
    }
    REQUIRE(name.rfind("invalid_", 0) == 0);
    ++invalid;
    try {
      (void)WorkCalendar::from_json(text, name);
      FAIL("loaded although invalid");
    } catch (const Error& e) {
      const std::string code = jianzheng::to_string(e.code());
      CHECK(name.rfind("invalid_" + code + "_", 0) == 0);
      CHECK(e.location().origin == name);
      CHECK(e.location().line > 0);
    }
  }
  CHECK(valid >= 1);
  CHECK(invalid >= 8);
}

TEST_CASE("A small calendar file answers for its own year", "[time][calendar]") {
  const auto cal = WorkCalendar::from_file((kTimeData / "calendar" / "valid_minimal_national.json").string());
  CHECK(cal.covered_years() == std::vector<int>{2030});
  CHECK(cal.is_working_day(d("2030-09-29")));
  CHECK_FALSE(cal.is_working_day(d("2030-10-01")));
  CHECK(cal.status(d("2030-10-01")).source == "测试通知");
  CHECK(code_of([&] { (void)cal.is_working_day(d("2029-12-31")); }) == ErrorCode::date_not_covered);
  const WorkCalendar empty;
  CHECK(empty.covered_years().empty());
  CHECK(code_of([&] { (void)empty.is_working_day(d("2030-10-01")); }) == ErrorCode::date_not_covered);
  CHECK(empty.add_working_days(d("2030-10-04"), 1, Coverage::weekdays_only) == d("2030-10-07"));
}

namespace {
// Runs the CLI (JIANZHENG_CLI) and returns its standard output and exit code.
std::pair<std::string, int> cli(const std::string& args) {
  const std::string cmd = std::string(JIANZHENG_CLI) + " " + args + " 2>/dev/null";
  FILE* pipe = popen(cmd.c_str(), "r");
  REQUIRE(pipe);
  std::string out;
  char buf[4096];
  for (std::size_t n; (n = fread(buf, 1, sizeof buf, pipe)) > 0;) out.append(buf, n);
  const int status = pclose(pipe);
  return {out, WIFEXITED(status) ? WEXITSTATUS(status) : -1};
}
}  // namespace

TEST_CASE("jianzheng calendar answers in the JSON shapes of docs/design.md §8", "[time][calendar][cli]") {
  auto [add, rc] = cli("calendar --json add 2021-09-30 3");
  CHECK(rc == 0);
  CHECK(add.find("\"date\": \"2021-10-11\"") != std::string::npos);
  CHECK(add.find("\"assumed\": null") != std::string::npos);
  auto [yes, rc_yes] = cli("calendar --json is-working 2024-02-18");
  CHECK(rc_yes == 0);
  CHECK(yes.find("\"working\": true") != std::string::npos);
  CHECK(yes.find("\"why\": \"春节调休上班\"") != std::string::npos);
  auto [no, rc_no] = cli("calendar --json is-working 2020-02-01");
  CHECK(rc_no == 1);  // a negative answer
  CHECK(no.find("\"working\": false") != std::string::npos);
  auto [between, rc_between] = cli("calendar --json between 2021-09-30 2021-10-11");
  CHECK(rc_between == 0);
  CHECK(between.find("\"working_days\": 3") != std::string::npos);
}

TEST_CASE("jianzheng calendar refuses uncovered years unless --weekdays-only, which marks the answer", "[time][calendar][cli]") {
  CHECK(cli("calendar --json add 2026-12-30 3").second == 3);  // bad input: date_not_covered
  auto [out, rc] = cli("calendar --json --weekdays-only add 2026-12-30 3");
  CHECK(rc == 0);
  CHECK(out.find("\"date\": \"2027-01-04\"") != std::string::npos);
  CHECK(out.find("\"assumed\": \"weekdays_only\"") != std::string::npos);
  CHECK(out.find("\"assumed_years\": [2027]") != std::string::npos);
  auto [text, rc_text] = cli("calendar --weekdays-only is-working 2027-01-04");
  CHECK(rc_text == 0);
  CHECK(text.find("按周一至周五推定") != std::string::npos);
  CHECK(cli("calendar add 2021-02-30 1").second == 2);  // not a day: a usage error
}

TEST_CASE("jianzheng schedule answers in the JSON shape of docs/design.md §8 and reports late units", "[time][schedule][cli]") {
  auto [out, rc] = cli("schedule --json --at 2021-02-01");
  CHECK(rc == 0);
  CHECK(out.find("\"at\": \"2021-02-01\"") != std::string::npos);
  CHECK(out.find("\"phase\": \"3.3\"") != std::string::npos);
  const std::string subs = (kTimeData / "submissions-example.json").string();
  auto [status, rc_status] = cli("schedule status --json --at 2021-01-15 --submissions " + subs);
  CHECK(rc_status == 1);  // someone is late or missing
  CHECK(status.find("\"late\": 1") != std::string::npos);
  CHECK(status.find("\"missing\": 2") != std::string::npos);
  CHECK(cli("schedule status --at 2020-12-20 --submissions " + subs).second == 0);
}

TEST_CASE("Undefined behaviour: a notice year of 2^32+2030 is refused, not wrapped to 2030", "[time][calendar][issue12]") {
  // 4294969326 = 2^32 + 2030 was narrowed to int before its range was checked and read as 2030.
  const std::string text = slurp(kTimeData / "calendar" / "invalid_invalid_value_notice_year_past_int.json");
  try {
    (void)WorkCalendar::from_json(text, "wrap.json");
    FAIL("a notice year past int loaded");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::invalid_value);
    CHECK(e.location().pointer == "/notices/0/year");
    CHECK(e.location().line == 2);
    CHECK(e.message().find("1900") != std::string::npos);
  }
  // The same year among the national calendar's "years" is refused the same way.
  std::string years = text;
  years.replace(years.find("[2030]"), 6, "[4294969326]");
  CHECK(code_of([&] { (void)WorkCalendar::from_json(years, "wrap.json"); }) == ErrorCode::invalid_value);
}

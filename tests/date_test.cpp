#include "jianzheng/date.hpp"

#include <catch2/catch.hpp>

#include "jianzheng/error.hpp"

using jianzheng::Date;

TEST_CASE("A date parses from YYYY-MM-DD and prints back the same", "[date]") {
  const Date d = Date::parse("2020-12-30");
  CHECK(d.year == 2020);
  CHECK(d.month == 12);
  CHECK(d.day == 30);
  CHECK(d.to_string() == "2020-12-30");
}

TEST_CASE("Impossible or malformed dates are invalid_date errors naming the field", "[date]") {
  for (const char* bad : {"2021-02-29", "2021-13-01", "2021-04-31", "20210101", "2021-1-01", ""}) {
    INFO(bad);
    CHECK_FALSE(Date::try_parse(bad));
    try {
      Date::parse(bad, "/date");
      FAIL("no error");
    } catch (const jianzheng::Error& e) {
      CHECK(e.code() == jianzheng::ErrorCode::invalid_date);
      CHECK(e.where() == "/date");
    }
  }
  CHECK(Date::try_parse("2024-02-29"));  // leap year
}

TEST_CASE("Day numbers and weekdays agree with the calendar", "[date]") {
  CHECK(Date::parse("1970-01-01").days() == 0);
  CHECK(Date::parse("2020-12-30").weekday() == 3);  // a Wednesday
  CHECK(Date::parse("2024-02-18").weekday() == 7);  // a Sunday
  const Date d = Date::parse("2020-02-28");
  CHECK(d.plus_days(1).to_string() == "2020-02-29");
  CHECK(d.plus_days(2).to_string() == "2020-03-01");
  CHECK(Date::from_days(d.days()) == d);
  CHECK(Date::parse("2021-03-31") < Date::parse("2021-05-31"));
}

TEST_CASE("A validity window includes from and excludes until", "[date]") {
  jianzheng::Validity v{Date::parse("2020-11-01"), Date::parse("2022-01-01")};
  CHECK(v.contains(Date::parse("2020-11-01")));
  CHECK(v.contains(Date::parse("2021-12-31")));
  CHECK_FALSE(v.contains(Date::parse("2022-01-01")));
  CHECK_FALSE(v.contains(Date::parse("2020-10-31")));
  CHECK(jianzheng::Validity{}.contains(Date::parse("1999-01-01")));
}

#include "jianzheng/date.hpp"

#include <chrono>
#include <cstdio>
#include <string>

#include "jianzheng/error.hpp"

namespace jianzheng {
namespace {

bool is_leap(int y) noexcept { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

unsigned days_in_month(int y, unsigned m) noexcept {
  static constexpr unsigned days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

// Howard Hinnant's days_from_civil / civil_from_days (public-domain algorithms).
long days_from_civil(int y, unsigned m, unsigned d) noexcept {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

bool digits(std::string_view s, std::size_t from, std::size_t n, int& out) noexcept {
  out = 0;
  for (std::size_t i = from; i < from + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

}  // namespace

bool Date::is_valid() const noexcept {
  return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
         day <= days_in_month(year, month);
}

Date Date::from_ymd(int y, unsigned m, unsigned d) {
  Date date{y, m, d};
  if (!date.is_valid()) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, d);
    throw Error(ErrorCode::invalid_date, "date", std::string("no such day: ") + buf);
  }
  return date;
}

std::optional<Date> Date::try_parse(std::string_view s) noexcept {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  int y = 0, m = 0, d = 0;
  if (!digits(s, 0, 4, y) || !digits(s, 5, 2, m) || !digits(s, 8, 2, d)) return std::nullopt;
  Date date{y, static_cast<unsigned>(m), static_cast<unsigned>(d)};
  if (!date.is_valid()) return std::nullopt;
  return date;
}

Date Date::parse(std::string_view iso, std::string_view where) {
  if (auto d = try_parse(iso)) return *d;
  throw Error(ErrorCode::invalid_date, std::string(where),
              "expected a real day as YYYY-MM-DD, got \"" + std::string(iso) + "\"");
}

Date Date::from_days(long z) noexcept {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long y = static_cast<long>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return Date{static_cast<int>(y + (m <= 2)), m, d};
}

Date Date::today() {
  using namespace std::chrono;
  const auto secs = duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
  return from_days(static_cast<long>((secs + 8 * 3600) / 86400));  // China Standard Time
}

std::string Date::to_string() const {
  char buf[32];
  if (year < 0 || year > 9999 || month > 99 || day > 99) {  // not a Date any check lets through
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", year, month, day);
    return buf;
  }
  // "YYYY-MM-DD" digit by digit: snprintf costs more than the rest of a decision's
  // explanation, which writes one or two dates.
  const auto two = [](char* p, unsigned v) {
    p[0] = static_cast<char>('0' + v / 10);
    p[1] = static_cast<char>('0' + v % 10);
  };
  two(buf, static_cast<unsigned>(year) / 100);
  two(buf + 2, static_cast<unsigned>(year) % 100);
  buf[4] = '-';
  two(buf + 5, month);
  buf[7] = '-';
  two(buf + 8, day);
  return std::string(buf, 10);
}

long Date::days() const noexcept { return days_from_civil(year, month, day); }

unsigned Date::weekday() const noexcept {
  const long z = days();  // 1970-01-01 was a Thursday (4)
  return static_cast<unsigned>(((z % 7) + 7 + 3) % 7 + 1);
}

bool operator==(const Date& a, const Date& b) noexcept {
  return a.year == b.year && a.month == b.month && a.day == b.day;
}
bool operator!=(const Date& a, const Date& b) noexcept { return !(a == b); }
bool operator<(const Date& a, const Date& b) noexcept {
  if (a.year != b.year) return a.year < b.year;
  if (a.month != b.month) return a.month < b.month;
  return a.day < b.day;
}
bool operator<=(const Date& a, const Date& b) noexcept { return !(b < a); }
bool operator>(const Date& a, const Date& b) noexcept { return b < a; }
bool operator>=(const Date& a, const Date& b) noexcept { return !(a < b); }

}  // namespace jianzheng

// Date: a calendar day in the proleptic Gregorian calendar, as the policy's deadlines
// and the work calendar use them. No time of day and no time zone: a county works in
// China Standard Time and every date in the policy is a whole day.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace jianzheng {

/// A calendar day. Construct with Date::parse or Date::from_ymd, which validate.
struct Date {
  int year = 1970;      ///< e.g. 2020
  unsigned month = 1;   ///< 1–12
  unsigned day = 1;     ///< 1–31, valid for the month

  /// Validated construction; throws Error(invalid_date) for a day that does not exist.
  static Date from_ymd(int year, unsigned month, unsigned day);
  /// Parses "YYYY-MM-DD" exactly; throws Error(invalid_date) naming `where`.
  static Date parse(std::string_view iso, std::string_view where = "date");
  /// Parses "YYYY-MM-DD", or nothing when it is not a valid date.
  static std::optional<Date> try_parse(std::string_view iso) noexcept;
  /// Day number: days since 1970-01-01 (negative before).
  static Date from_days(long days) noexcept;
  /// Today, in China Standard Time (UTC+8), whatever the machine's zone.
  static Date today();

  /// "YYYY-MM-DD".
  std::string to_string() const;
  /// Days since 1970-01-01.
  long days() const noexcept;
  /// ISO weekday: 1 = Monday … 7 = Sunday.
  unsigned weekday() const noexcept;
  /// This date plus n days (n may be negative).
  Date plus_days(long n) const noexcept { return from_days(days() + n); }
  /// Whether year/month/day name a real day.
  bool is_valid() const noexcept;
};

bool operator==(const Date& a, const Date& b) noexcept;
bool operator!=(const Date& a, const Date& b) noexcept;
bool operator<(const Date& a, const Date& b) noexcept;
bool operator<=(const Date& a, const Date& b) noexcept;
bool operator>(const Date& a, const Date& b) noexcept;
bool operator>=(const Date& a, const Date& b) noexcept;

/// A validity window [from, until): `from` inclusive, `until` exclusive, either open.
struct Validity {
  std::optional<Date> from;   ///< First day in force; open when absent.
  std::optional<Date> until;  ///< First day no longer in force; open when absent.
  /// Whether the window contains `d`.
  bool contains(const Date& d) const noexcept {
    return (!from || *from <= d) && (!until || d < *until);
  }
};

}  // namespace jianzheng

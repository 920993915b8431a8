#include "jianzheng/work_calendar.hpp"

#include <algorithm>
#include <string>

#include "enum_names.hpp"
#include "jianzheng/error.hpp"

namespace jianzheng {
namespace {

constexpr detail::EnumNames<Coverage, 2> kCoverageNames{{
    {Coverage::strict, "strict"},
    {Coverage::weekdays_only, "weekdays_only"},
}};

constexpr detail::EnumNames<DayKind, 4> kDayKindNames{{
    {DayKind::workday, "workday"},
    {DayKind::weekend, "weekend"},
    {DayKind::holiday, "holiday"},
    {DayKind::adjusted_workday, "adjusted_workday"},
}};

constexpr long kMaxWorkingDays = 1000000;

// Weekdays are counted from a Monday epoch: day number -3 is 1969-12-29, a Monday.
constexpr long kMondayEpoch = -3;

long floor_div(long a, long b) noexcept { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

// Monday–Friday days in [kMondayEpoch, x) (negative for x before the epoch).
long weekdays_before(long x) noexcept {
  const long t = x - kMondayEpoch;
  const long q = floor_div(t, 7);
  const long r = t - 7 * q;
  return 5 * q + std::min(r, 5L);
}

// The Monday–Friday day whose weekdays_before is k.
long weekday_at(long k) noexcept {
  const long q = floor_div(k, 5);
  return kMondayEpoch + 7 * q + (k - 5 * q);
}

bool is_weekday(long day) noexcept {
  const long t = day - kMondayEpoch;
  return t - 7 * floor_div(t, 7) < 5;
}

long day_number(int year, unsigned month, unsigned day) noexcept {
  return Date{year, month, day}.days();
}

const char* weekday_name(unsigned iso) noexcept {
  static const char* names[] = {"星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"};
  return names[(iso - 1) % 7];
}

}  // namespace

const char* to_string(Coverage c) noexcept { return kCoverageNames.name(c); }
std::optional<Coverage> coverage_from_string(std::string_view s) noexcept { return kCoverageNames.parse(s); }
const char* to_string(DayKind k) noexcept { return kDayKindNames.name(k); }

WorkCalendar::WorkCalendar() { rebuild_index(); }

bool WorkCalendar::covers_year(int year) const noexcept {
  return year >= first_year_ && year <= last_year_ && covered_[static_cast<std::size_t>(year - first_year_)];
}

std::vector<int> WorkCalendar::covered_years() const {
  std::vector<int> out;
  for (int y = first_year_; y <= last_year_; ++y)
    if (covers_year(y)) out.push_back(y);
  return out;
}

std::vector<int> WorkCalendar::uncovered_years(Date a, Date b) const {
  if (b < a) std::swap(a, b);
  std::vector<int> out;
  for (int y = a.year; y <= b.year; ++y)
    if (!covers_year(y)) out.push_back(y);
  return out;
}

// The index: one bit per day of the covered span (first_year_-01-01 … last_year_-12-31),
// 1 for a working day, with rank and select tables built from it.
// Uncovered years inside the span (a gap) hold Monday–Friday, for weekdays_only answers.
void WorkCalendar::rebuild_index() {
  // first_year_/last_year_/covered_ are set by the loader; an empty calendar has none.
  if (last_year_ < first_year_) {
    first_day_ = 0;
    last_day_ = -1;
    bits_.clear();
    rank_.clear();
    working_.clear();
    all_covered_ = false;
    covered_before_.clear();
    total_ = 0;
    return;
  }
  first_day_ = day_number(first_year_, 1, 1);
  last_day_ = day_number(last_year_, 12, 31);
  const long n = last_day_ - first_day_ + 1;
  bits_.assign(static_cast<std::size_t>((n + 63) / 64), 0);
  for (long i = 0; i < n; ++i)
    if (is_weekday(first_day_ + i)) bits_[static_cast<std::size_t>(i / 64)] |= std::uint64_t{1} << (i % 64);
  for (const auto& d : days_) {
    const long i = d.date.days() - first_day_;
    if (i < 0 || i >= n) continue;  // loaders reject such days; keep the index safe anyway
    const std::uint64_t bit = std::uint64_t{1} << (i % 64);
    auto& word = bits_[static_cast<std::size_t>(i / 64)];
    word = d.working ? (word | bit) : (word & ~bit);
  }
  // rank_[i]: working days in [first_day_, first_day_ + i); working_[k]: offset of the k-th
  // working day. Both make add_working_days two lookups (about 17 KB for 2020–2026).
  rank_.assign(static_cast<std::size_t>(n + 1), 0);
  working_.clear();
  for (long i = 0; i < n; ++i) {
    const bool works = (bits_[static_cast<std::size_t>(i / 64)] >> (i % 64)) & 1U;
    rank_[static_cast<std::size_t>(i + 1)] = rank_[static_cast<std::size_t>(i)] + (works ? 1 : 0);
    if (works) working_.push_back(static_cast<std::uint32_t>(i));
  }
  total_ = static_cast<long>(working_.size());
  covered_before_.assign(covered_.size() + 1, 0);
  for (std::size_t y = 0; y < covered_.size(); ++y) covered_before_[y + 1] = covered_before_[y] + covered_[y];
  all_covered_ = covered_before_.back() == covered_.size();
}

bool WorkCalendar::raw_working(long day) const noexcept {
  if (day < first_day_ || day > last_day_) return is_weekday(day);
  const long i = day - first_day_;
  return (bits_[static_cast<std::size_t>(i / 64)] >> (i % 64)) & 1U;
}

// Working days before `day`, counted so that rank(first_day_) == 0: negative before the
// span (Monday–Friday there), a table lookup inside, Monday–Friday again after it.
long WorkCalendar::rank(long day) const noexcept {
  if (day <= first_day_) return -(weekdays_before(first_day_) - weekdays_before(day));
  if (day > last_day_ + 1) return total_ + weekdays_before(day) - weekdays_before(last_day_ + 1);
  return rank_[static_cast<std::size_t>(day - first_day_)];
}

// The working day x with rank(x) == index: the inverse of rank on working days.
long WorkCalendar::select(long index) const noexcept {
  if (index < 0) return weekday_at(weekdays_before(first_day_) + index);
  if (index >= total_) return weekday_at(weekdays_before(last_day_ + 1) + (index - total_));
  return first_day_ + working_[static_cast<std::size_t>(index)];
}

void WorkCalendar::require_covered(long first, long last) const {
  if (all_covered_ && first >= first_day_ && last <= last_day_) return;  // the common case
  const int y0 = Date::from_days(first).year;
  const int y1 = Date::from_days(last).year;
  if (y0 >= first_year_ && y1 <= last_year_ &&
      covered_before_[static_cast<std::size_t>(y1 - first_year_ + 1)] -
              covered_before_[static_cast<std::size_t>(y0 - first_year_)] ==
          static_cast<std::uint32_t>(y1 - y0 + 1))
    return;
  int year = y0;
  while (covers_year(year)) ++year;
  const Date at = Date::from_days(std::max(first, day_number(year, 1, 1)));
  std::string range;
  const auto years = covered_years();
  if (years.empty()) {
    range = "no year";
  } else {
    range = std::to_string(years.front()) + "–" + std::to_string(years.back());
  }
  throw Error(ErrorCode::date_not_covered, at.to_string(),
              "工作日历未收录" + std::to_string(year) + "年的放假安排 (the work calendar " + id_ +
                  " covers " + range + "; the holidays of " + std::to_string(year) +
                  " are unknown until the State Council publishes its notice). Choose the "
                  "weekdays-only mode (Coverage::weekdays_only, --weekdays-only) to assume "
                  "Monday–Friday, marked as an assumption in every answer");
}

bool WorkCalendar::is_working_day(Date d, Coverage coverage) const {
  const long day = d.days();
  if (coverage == Coverage::strict && !covers_year(d.year)) require_covered(day, day);
  return raw_working(day);
}

Date WorkCalendar::add_working_days(Date d, long n, Coverage coverage) const {
  if (n == 0) return d;
  // Past a million working days (about 4000 years) the answer leaves the dates Date can hold.
  if (n > kMaxWorkingDays || n < -kMaxWorkingDays)
    throw Error(ErrorCode::invalid_argument, "n",
                std::to_string(n) + " working days is out of range (at most " + std::to_string(kMaxWorkingDays) + ")");
  const long day = d.days();
  // n > 0: the n-th working day strictly after d; n < 0: the |n|-th strictly before.
  const long target = n > 0 ? rank(day + 1) + n - 1 : rank(day) + n;
  const long x = select(target);
  // The answer must be a day Date holds (years 1–9999): in weekdays-only mode a million
  // working days from 9000-01-01 would pass the end of the calendar.
  const Date answer = Date::from_days(x);  // once: it is a tenth of a decision's instructions
  if (!answer.is_valid())
    throw Error(ErrorCode::invalid_argument, "n",
                std::to_string(n) + " working days from " + d.to_string() +
                    " leave the years Date holds (0001–9999)");
  if (coverage == Coverage::strict) {
    if (n > 0) {
      require_covered(day + 1, x);
    } else {
      require_covered(x, day - 1);
    }
  }
  return answer;
}

long WorkCalendar::working_days_between(Date a, Date b, Coverage coverage) const {
  if (a == b) return 0;
  const bool reversed = b < a;
  const long lo = (reversed ? b : a).days();
  const long hi = (reversed ? a : b).days();
  if (coverage == Coverage::strict) require_covered(lo + 1, hi);
  const long count = rank(hi + 1) - rank(lo + 1);  // working days in (lo, hi]
  return reversed ? -count : count;
}

DayStatus WorkCalendar::status(Date d, Coverage coverage) const {
  const long day = d.days();
  const bool covered = covers_year(d.year);
  if (coverage == Coverage::strict && !covered) require_covered(day, day);
  DayStatus s;
  s.date = d;
  s.working = raw_working(day);
  const auto it = std::lower_bound(days_.begin(), days_.end(), d,
                                   [](const CalendarDay& c, const Date& x) { return c.date < x; });
  if (covered && it != days_.end() && it->date == d) {
    s.kind = it->working ? DayKind::adjusted_workday : DayKind::holiday;
    s.holiday = it->holiday;
    s.note = it->note;
    s.local = it->local;
    s.why = it->holiday + (it->working ? "调休上班" : "放假") + (it->local ? "（地方）" : "");
    for (const auto& notice : notices_) {
      if (notice.id == it->notice) {
        s.source = notice.number.empty() ? notice.title : notice.number;
        if (!notice.number_confirmed && !notice.number.empty()) s.source += "（文号待核）";
        break;
      }
    }
    return s;
  }
  const unsigned wd = d.weekday();
  s.kind = wd <= 5 ? DayKind::workday : DayKind::weekend;
  s.why = std::string(wd <= 5 ? "工作日（" : "周末（") + weekday_name(wd) + "）";
  if (!covered) {
    s.assumed = true;
    s.why = "按周一至周五推定：" + s.why + "；未收录" + std::to_string(d.year) + "年放假安排";
  }
  return s;
}

}  // namespace jianzheng

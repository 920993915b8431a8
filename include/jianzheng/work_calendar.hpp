// WorkCalendar (工作日): which days China's offices work. 二（三）5 lets complex certificates
// be done "限时" — within a number of working days — and China's working days move every
// year: the State Council General Office's yearly notice (国务院办公厅关于…部分节假日安排的通知)
// turns some weekdays into holidays and some weekends into working days (调休上班).
//
// The calendar knows the years its data covers. A date in any other year is an error by
// default (Coverage::strict): nobody can know its holidays before the notice is out, and a
// silent guess would put a wrong due date on a certificate. A caller may choose
// Coverage::weekdays_only instead, which assumes Monday–Friday for uncovered years; answers
// then say so (DayStatus::assumed, uncovered_years()).
//
// A county adds its own local holidays as a layer (with_layer). A WorkCalendar never changes
// once built and is shared across threads freely. is_working_day and add_working_days do not
// allocate: a bitset of working days, a running count per day and the list of working days
// answer both in O(1).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "jianzheng/date.hpp"

namespace jianzheng {

/// What to do with a date in a year the calendar's data does not cover.
enum class Coverage {
  strict,         ///< Throw Error(date_not_covered). The default: never a silent guess.
  weekdays_only,  ///< Assume Monday–Friday work, Saturday–Sunday rest; answers are marked.
};
/// "strict" / "weekdays_only".
const char* to_string(Coverage c) noexcept;
/// Parses "strict" / "weekdays_only".
std::optional<Coverage> coverage_from_string(std::string_view name) noexcept;

/// Why a day is or is not a working day. JSON: snake_case names.
enum class DayKind {
  workday,           ///< An ordinary Monday–Friday.
  weekend,           ///< An ordinary Saturday or Sunday.
  holiday,           ///< A statutory holiday (or a weekend inside a holiday): 放假.
  adjusted_workday,  ///< A weekend day worked in exchange (调休上班).
};
/// The stable snake_case name, e.g. "adjusted_workday".
const char* to_string(DayKind k) noexcept;

/// One State Council notice (or a local one) that a calendar's days come from.
struct CalendarNotice {
  std::string id;                 ///< Id inside the calendar file, e.g. "2020-extension".
  int year = 0;                   ///< The year whose arrangement it gives.
  std::string number;             ///< 文号, e.g. "国办发明电〔2020〕27号"; empty when unknown.
  bool number_confirmed = false;  ///< False when the 文号 is seen in one source only or unknown.
  std::string title;              ///< The notice's title.
  std::string url;                ///< Where it is published; may be empty.
  std::string note;               ///< Caveats (an extension, a changed law …); may be empty.
};

/// One day the data lists explicitly (an ordinary day is not listed).
struct CalendarDay {
  Date date;            ///< The day.
  bool working = false; ///< true: 调休上班 (a worked weekend); false: 放假.
  std::string holiday;  ///< The festival it belongs to, e.g. "国庆节、中秋节".
  std::string notice;   ///< Id of the CalendarNotice it comes from.
  std::string note;     ///< A note on this day (e.g. 2020-02-01); may be empty.
  bool local = false;   ///< True when a local layer (not the national data) lists it.
};

/// The status of one day, with its reason.
struct DayStatus {
  Date date;                      ///< The day asked about.
  bool working = false;           ///< Whether offices work that day.
  DayKind kind = DayKind::workday;///< Which rule decides it.
  std::string holiday;            ///< Festival name for holiday / adjusted_workday; else empty.
  std::string why;                ///< Chinese reason, e.g. "国庆节调休上班", "周末（星期六）".
  std::string source;             ///< Notice 文号 or title the day comes from; empty for ordinary days.
  std::string note;               ///< A note from the data; may be empty.
  bool local = false;             ///< Decided by a local layer.
  bool assumed = false;           ///< True when the year is uncovered and Monday–Friday was assumed.
};

/// Statutory holidays and adjusted working days for the years its data covers, plus
/// optional local layers. Immutable; cheap to share across threads.
class WorkCalendar {
 public:
  /// An empty calendar that covers no year (every strict question throws).
  WorkCalendar();
  /// The national calendar compiled in from data/calendar/cn-2020-2026.json. Parsed once,
  /// on first use; later calls return the same object.
  static const WorkCalendar& embedded_default();
  /// Parses a national calendar file (docs/schemas/calendar.schema.json, "scope": "national").
  /// All-or-nothing: throws Error naming origin:line:column and the JSON pointer.
  static WorkCalendar from_json(std::string_view text, std::string_view origin = "<text>");
  /// Reads and parses a national calendar file; throws Error(io_error) when unreadable.
  static WorkCalendar from_file(const std::string& path);

  /// This calendar with a local layer on top ("scope": "local"): its days override the
  /// national status of the same date. Every day of the layer must fall in a covered year
  /// (Error date_not_covered otherwise). The receiver is unchanged.
  WorkCalendar with_layer(std::string_view text, std::string_view origin = "<text>") const;
  /// with_layer on a file's contents.
  WorkCalendar with_layer_file(const std::string& path) const;

  /// Whether the data covers `year` (its holidays are known).
  bool covers_year(int year) const noexcept;
  /// Whether the data covers the year of `d`.
  bool covers(Date d) const noexcept { return covers_year(d.year); }
  /// The covered years, ascending.
  std::vector<int> covered_years() const;
  /// The uncovered years among those of the days from `a` to `b` inclusive (either order):
  /// what an answer over that span had to assume in Coverage::weekdays_only.
  std::vector<int> uncovered_years(Date a, Date b) const;

  /// Whether offices work on `d`. Strict: throws Error(date_not_covered) for an uncovered year.
  bool is_working_day(Date d, Coverage coverage = Coverage::strict) const;

  /// The n-th working day strictly after `d` (n > 0), e.g. 2021-09-30 + 3 = 2021-10-11;
  /// the |n|-th working day strictly before `d` (n < 0); `d` itself for n = 0.
  /// Strict: throws Error(date_not_covered) when any day between `d` (exclusive) and the
  /// answer (inclusive) lies in an uncovered year; Error(invalid_argument) for |n| > 1 000 000
  /// or an answer outside the years 0001–9999 (`jianzheng calendar add` has the same limits).
  /// Never allocates on success.
  Date add_working_days(Date d, long n, Coverage coverage = Coverage::strict) const;

  /// The number of working days after `a` up to and including `b`: the days x with
  /// a < x <= b that are working days; minus the count for (b, a] when b < a; 0 when equal.
  /// Hence add_working_days(a, working_days_between(a, b)) == b whenever b is a working
  /// day after a. Strict: throws when any day of that span is uncovered.
  long working_days_between(Date a, Date b, Coverage coverage = Coverage::strict) const;

  /// The status of `d` with its reason. Strict: throws for an uncovered year.
  DayStatus status(Date d, Coverage coverage = Coverage::strict) const;

  /// The notices the data comes from (national, then each layer's), in file order.
  const std::vector<CalendarNotice>& notices() const noexcept { return notices_; }
  /// The listed days (holidays and adjusted working days), by date; layers merged.
  const std::vector<CalendarDay>& days() const noexcept { return days_; }
  /// The calendar's id, e.g. "cn-2020-2026" (layers append "+<layer id>").
  const std::string& id() const noexcept { return id_; }
  /// The calendar's title.
  const std::string& title() const noexcept { return title_; }

 private:
  friend struct CalendarBuilder;
  void rebuild_index();
  long rank(long day) const noexcept;        // working days before `day` (may be negative)
  long select(long index) const noexcept;    // the day whose rank is `index` and that works
  bool raw_working(long day) const noexcept; // data where known, else Monday–Friday
  void require_covered(long first_day, long last_day) const;  // throws date_not_covered

  std::string id_;
  std::string title_;
  std::vector<CalendarNotice> notices_;
  std::vector<CalendarDay> days_;        // sorted by date, unique
  int first_year_ = 0;                   // bitset spans first_year_ … last_year_
  int last_year_ = -1;
  long first_day_ = 0;                   // day number of first_year_-01-01
  long last_day_ = -1;                   // day number of last_year_-12-31
  std::vector<std::uint8_t> covered_;    // per year in the span: 1 when covered
  std::vector<std::uint32_t> covered_before_;  // covered years before each year in the span
  std::vector<std::uint64_t> bits_;      // bit i: day first_day_+i works
  std::vector<std::uint32_t> rank_;      // rank_[i]: working days in [first_day_, first_day_+i)
  std::vector<std::uint32_t> working_;   // offsets of the working days, ascending
  long total_ = 0;                       // working days in the span
  bool all_covered_ = false;             // every year of the span is covered
};

// JSON answers: the shapes of `jianzheng calendar --json` (docs/design.md §8, docs/time.md). Every
// answer has "assumed": "weekdays_only" in that mode (null in strict mode) and
// "assumed_years": the uncovered years the answer had to guess (always [] in strict mode).

/// `calendar is-working`: {"date", "working", "why", "kind", "holiday", "source", "note",
/// "local", "assumed", "assumed_years"}; strict mode throws for an uncovered year.
std::string is_working_day_json(const WorkCalendar& calendar, Date d, Coverage coverage = Coverage::strict);
/// `calendar add`: {"date": the answer, "from", "working_days": n, "assumed", "assumed_years"}.
std::string add_working_days_json(const WorkCalendar& calendar, Date d, long n,
                                  Coverage coverage = Coverage::strict);
/// `calendar between`: {"from", "to", "working_days", "assumed", "assumed_years"}.
std::string working_days_between_json(const WorkCalendar& calendar, Date a, Date b,
                                      Coverage coverage = Coverage::strict);
/// `calendar years`: {"id", "title", "covered_years", "notices": [{"id", "year", "number",
/// "number_confirmed", "title", "url", "note"}]}.
std::string calendar_sources_json(const WorkCalendar& calendar);

}  // namespace jianzheng

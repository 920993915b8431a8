// Loading work calendars (docs/schemas/calendar.schema.json). All-or-nothing: the calendar
// is built in a local object and only returned once every check has passed.
#include <algorithm>
#include <map>
#include <set>

#include "file_io.hpp"
#include "embedded_data.hpp"
#include "jianzheng/work_calendar.hpp"
#include "json/json_io.hpp"

namespace jianzheng {

// Friend of WorkCalendar: fills its private state from a parsed document.
struct CalendarBuilder {
  struct Parsed {
    std::string id, title, scope;
    std::vector<int> years;
    std::vector<CalendarNotice> notices;
    std::vector<CalendarDay> days;
    std::vector<detail::Node> day_nodes;  // parallel to days, for located errors
  };

  static constexpr std::string_view kFormat = "jianzheng.calendar/1";

  static std::string optional_string(const detail::Node& obj, std::string_view key) {
    auto n = obj.get(key);
    return n ? n->string() : std::string();
  }

  static Parsed parse(const detail::Document& doc) {
    const auto root = doc.root();
    root.only_keys({"format", "id", "scope", "jurisdiction", "title", "years", "note", "example",
                    "notices", "days"});
    if (const auto format = root.at("format").string(); format != kFormat)
      root.at("format").fail(ErrorCode::unsupported_format,
                             "\"" + format + "\" is not a calendar format this version reads; expected \"" +
                                 std::string(kFormat) + "\"");
    Parsed p;
    p.id = root.at("id").nonempty_string();
    p.title = root.at("title").nonempty_string();
    (void)root.at("jurisdiction").nonempty_string();
    if (auto n = root.get("note")) (void)n->string();
    if (auto n = root.get("example")) (void)n->boolean();
    const auto scope = root.at("scope");
    p.scope = scope.string();
    if (p.scope != "national" && p.scope != "local")
      scope.fail(ErrorCode::unknown_enum, "\"" + p.scope + "\" is not a known value; expected one of national, local");

    if (p.scope == "national") {
      std::set<int> seen;
      for (const auto& y : root.at("years").elements()) {
        const auto year = y.integer();
        if (year < 1900 || year > 9999) y.fail(ErrorCode::invalid_value, "a year between 1900 and 9999");
        if (!seen.insert(static_cast<int>(year)).second)
          y.fail(ErrorCode::duplicate_id, "the year " + std::to_string(year) + " is listed twice");
        p.years.push_back(static_cast<int>(year));
      }
      if (p.years.empty()) root.at("years").fail(ErrorCode::invalid_value, "a national calendar covers at least one year");
    } else if (root.get("years")) {
      root.at("years").fail(ErrorCode::unknown_field,
                            "a local layer covers no years of its own: it annotates the years of the calendar below it");
    }

    std::set<std::string> notice_ids;
    for (const auto& n : root.at("notices").elements()) {
      n.only_keys({"id", "year", "number", "number_confirmed", "title", "url", "note"});
      CalendarNotice notice;
      notice.id = n.at("id").nonempty_string();
      if (!notice_ids.insert(notice.id).second)
        n.at("id").fail(ErrorCode::duplicate_id, "the notice id \"" + notice.id + "\" is used twice");
      notice.year = static_cast<int>(n.at("year").integer(1900, 9999));
      notice.number = optional_string(n, "number");
      notice.number_confirmed = n.at("number_confirmed").boolean();
      notice.title = n.at("title").nonempty_string();
      notice.url = optional_string(n, "url");
      notice.note = optional_string(n, "note");
      p.notices.push_back(std::move(notice));
    }
    for (std::size_t i = 0; i < p.years.size(); ++i) {
      const int year = p.years[i];
      if (std::none_of(p.notices.begin(), p.notices.end(), [&](const CalendarNotice& x) { return x.year == year; }))
        root.at("years").elements()[i].fail(ErrorCode::missing_field,
                                            "no notice in \"notices\" gives the arrangement of " + std::to_string(year) +
                                                ": every covered year needs its source");
    }

    std::set<long> dates;
    for (const auto& n : root.at("days").elements()) {
      n.only_keys({"date", "type", "holiday", "notice", "note"});
      CalendarDay day;
      day.date = n.at("date").date();
      if (!dates.insert(day.date.days()).second)
        n.at("date").fail(ErrorCode::duplicate_id, day.date.to_string() + " is listed twice");
      const auto type = n.at("type");
      const auto t = type.string();
      if (t != "off" && t != "work")
        type.fail(ErrorCode::unknown_enum, "\"" + t + "\" is not a known value; expected one of off, work");
      day.working = t == "work";
      day.holiday = n.at("holiday").nonempty_string();
      day.notice = n.at("notice").nonempty_string();
      if (!notice_ids.count(day.notice))
        n.at("notice").fail(ErrorCode::unknown_reference, "no notice has the id \"" + day.notice + "\"");
      day.note = optional_string(n, "note");
      if (p.scope == "national") {
        if (std::find(p.years.begin(), p.years.end(), day.date.year) == p.years.end())
          n.at("date").fail(ErrorCode::date_not_covered,
                            day.date.to_string() + " lies outside the years this calendar covers (\"years\")");
        // 调休上班 only ever moves work onto a weekend.
        if (day.working && day.date.weekday() <= 5)
          type.fail(ErrorCode::invalid_value, day.date.to_string() +
                                                  " is a Monday–Friday: an adjusted working day (work) is always a weekend day");
      }
      p.days.push_back(std::move(day));
      p.day_nodes.push_back(n);
    }
    return p;
  }

  static void sort_days(std::vector<CalendarDay>& days) {
    std::sort(days.begin(), days.end(), [](const CalendarDay& a, const CalendarDay& b) { return a.date < b.date; });
  }

  static WorkCalendar national(std::string_view text, std::string_view origin) {
    detail::Document doc(text, std::string(origin));
    Parsed p = parse(doc);
    if (p.scope != "national")
      doc.root().at("scope").fail(ErrorCode::invalid_value,
                                  "a local layer goes on top of a national calendar (with_layer, --holidays)");
    WorkCalendar c;
    c.id_ = std::move(p.id);
    c.title_ = std::move(p.title);
    c.notices_ = std::move(p.notices);
    c.days_ = std::move(p.days);
    sort_days(c.days_);
    c.first_year_ = *std::min_element(p.years.begin(), p.years.end());
    c.last_year_ = *std::max_element(p.years.begin(), p.years.end());
    c.covered_.assign(static_cast<std::size_t>(c.last_year_ - c.first_year_ + 1), 0);
    for (int y : p.years) c.covered_[static_cast<std::size_t>(y - c.first_year_)] = 1;
    c.rebuild_index();
    return c;
  }

  static WorkCalendar layer(const WorkCalendar& base, std::string_view text, std::string_view origin) {
    detail::Document doc(text, std::string(origin));
    Parsed p = parse(doc);
    if (p.scope != "local")
      doc.root().at("scope").fail(ErrorCode::invalid_value,
                                  "only a \"local\" calendar can be layered on top of another");
    for (std::size_t i = 0; i < p.days.size(); ++i) {
      const auto& day = p.days[i];
      const auto& node = p.day_nodes[i];
      if (!base.covers_year(day.date.year))
        node.at("date").fail(ErrorCode::date_not_covered,
                             day.date.to_string() + " lies in a year the national calendar " + base.id() +
                                 " does not cover: a local layer only annotates covered years");
      if (day.working && base.is_working_day(day.date))
        node.at("type").fail(ErrorCode::invalid_value,
                             day.date.to_string() + " is already a working day in " + base.id() +
                                 ": a local working day replaces a day off");
    }
    WorkCalendar c = base;  // the receiver stays as it was
    c.id_ += "+" + p.id;
    for (auto& notice : p.notices) {
      notice.id = p.id + "/" + notice.id;  // layer ids never collide with the base's
      c.notices_.push_back(std::move(notice));
    }
    std::map<long, CalendarDay> merged;
    for (auto& d : c.days_) merged.emplace(d.date.days(), std::move(d));
    for (auto& d : p.days) {
      d.notice = p.id + "/" + d.notice;
      d.local = true;
      merged[d.date.days()] = std::move(d);
    }
    c.days_.clear();
    for (auto& kv : merged) c.days_.push_back(std::move(kv.second));
    c.rebuild_index();
    return c;
  }
};

const WorkCalendar& WorkCalendar::embedded_default() {
  // Parsed once, thread-safely (a function-local static), then shared read-only.
  static const WorkCalendar calendar = CalendarBuilder::national(
      detail::embedded_file("calendar/cn-2020-2026.json"), "embedded:calendar/cn-2020-2026.json");
  return calendar;
}

WorkCalendar WorkCalendar::from_json(std::string_view text, std::string_view origin) {
  return CalendarBuilder::national(text, origin);
}

WorkCalendar WorkCalendar::from_file(const std::string& path) { return from_json(detail::read_file(path), path); }

WorkCalendar WorkCalendar::with_layer(std::string_view text, std::string_view origin) const {
  return CalendarBuilder::layer(*this, text, origin);
}

WorkCalendar WorkCalendar::with_layer_file(const std::string& path) const {
  return with_layer(detail::read_file(path), path);
}

}  // namespace jianzheng

// --- JSON answers ----------------------------------------------------------------------
namespace jianzheng {
namespace {

namespace json = boost::json;

void mark(json::object& o, const WorkCalendar& cal, Date a, Date b, Coverage coverage) {
  json::array years;
  if (coverage == Coverage::weekdays_only && !(b < a))  // an empty span guesses nothing
    for (int y : cal.uncovered_years(a, b)) years.push_back(y);
  o["assumed"] = coverage == Coverage::weekdays_only ? json::value("weekdays_only") : json::value(nullptr);
  o["assumed_years"] = std::move(years);
}

}  // namespace

std::string is_working_day_json(const WorkCalendar& calendar, Date d, Coverage coverage) {
  const DayStatus s = calendar.status(d, coverage);
  json::object o;
  o["date"] = d.to_string();
  o["working"] = s.working;
  o["why"] = s.why;
  o["kind"] = to_string(s.kind);
  o["holiday"] = detail::string_or_null(s.holiday);
  o["source"] = detail::string_or_null(s.source);
  o["note"] = detail::string_or_null(s.note);
  o["local"] = s.local;
  mark(o, calendar, d, d, coverage);
  return detail::canonical(o);
}

std::string add_working_days_json(const WorkCalendar& calendar, Date d, long n, Coverage coverage) {
  const Date x = calendar.add_working_days(d, n, coverage);
  json::object o;
  o["date"] = x.to_string();
  o["from"] = d.to_string();
  o["working_days"] = n;
  // The days examined: (d, x] going forward, [x, d) going back, none for n = 0.
  mark(o, calendar, n >= 0 ? d.plus_days(1) : x, n > 0 ? x : d.plus_days(-1), coverage);
  return detail::canonical(o);
}

std::string working_days_between_json(const WorkCalendar& calendar, Date a, Date b, Coverage coverage) {
  const long n = calendar.working_days_between(a, b, coverage);
  json::object o;
  o["from"] = a.to_string();
  o["to"] = b.to_string();
  o["working_days"] = n;
  mark(o, calendar, a < b ? a.plus_days(1) : b.plus_days(1), a < b ? b : a, coverage);
  return detail::canonical(o);
}

std::string calendar_sources_json(const WorkCalendar& calendar) {
  json::object o;
  o["id"] = calendar.id();
  o["title"] = calendar.title();
  json::array years;
  for (int y : calendar.covered_years()) years.push_back(y);
  o["covered_years"] = std::move(years);
  json::array notices;
  for (const auto& n : calendar.notices()) {
    json::object x;
    x["id"] = n.id;
    x["year"] = n.year;
    x["number"] = detail::string_or_null(n.number);
    x["number_confirmed"] = n.number_confirmed;
    x["title"] = n.title;
    x["url"] = detail::string_or_null(n.url);
    x["note"] = detail::string_or_null(n.note);
    notices.push_back(std::move(x));
  }
  o["notices"] = std::move(notices);
  return detail::canonical(o);
}

}  // namespace jianzheng

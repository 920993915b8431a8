// jianzheng calendar: working days (工作日) from the State Council's yearly holiday notices,
// for 二（三）5 限时办结. Strict by default: a year the data does not cover is an error;
// --weekdays-only assumes Monday–Friday there and every answer says so.
#include <iostream>
#include <stdexcept>
#include <string>

#include "cli.hpp"
#include "jianzheng/error.hpp"
#include "jianzheng/work_calendar.hpp"

namespace jianzheng::cli {
namespace {

const char* kUsage =
    "用法 usage:\n"
    "  jianzheng calendar [选项] add DATE N          DATE 之后第 N 个工作日 (the N-th working day after DATE;\n"
    "                                               N < 0 counts back)\n"
    "  jianzheng calendar [选项] is-working DATE     是否工作日及原因 (working day? and why); exit 1 when not\n"
    "  jianzheng calendar [选项] between A B         A 之后至 B（含）的工作日数 (working days x with A < x <= B)\n"
    "  jianzheng calendar [选项] years               收录年份与来源通知 (covered years and source notices)\n\n"
    "选项 options:\n"
    "  --json                 输出 JSON (print JSON)\n"
    "  --weekdays-only        未收录年份按周一至周五推定，并在答案中标注 (assume Monday–Friday in uncovered\n"
    "                         years; every answer is marked \"assumed\": \"weekdays_only\")\n"
    "  --calendar FILE        以此全国日历代替内置数据 (a national calendar file instead of the embedded one)\n"
    "  --holidays FILE        叠加本地节假日层，可重复 (add a county's local layer; repeatable)\n\n"
    "日期格式 dates: YYYY-MM-DD. 内置数据覆盖 2020–2026 (the embedded data covers 2020–2026).";

Date date_arg(const std::string& s, const char* what) { return date_argument(s, what); }

// A whole number of working days. Its range is the library's (WorkCalendar::add_working_days:
// |N| <= 1 000 000), checked there, so the command and the library cannot disagree.
long count_arg(const std::string& s) {
  std::size_t used = 0;
  long n = 0;
  try {
    n = std::stol(s, &used);
  } catch (const std::out_of_range&) {
    // Past what a long holds, so past the library's limit too; name what was typed (the
    // library would name the clamped number), and leave the limit's value to the library.
    throw ArgumentError(ErrorCode::invalid_argument, "N",
                        "\"" + s + "\" working days is out of range; docs/cli.md gives the limit (超出范围)");
  } catch (const std::exception&) {
    used = 0;
  }
  if (used != s.size() || s.empty())
    throw ArgumentError(ErrorCode::invalid_argument, "N", "expected a whole number of working days, got \"" + s + "\"");
  return n;
}

WorkCalendar load(const Args& args) {
  WorkCalendar cal = args.value("calendar") ? WorkCalendar::from_file(*args.value("calendar"))
                                            : WorkCalendar::embedded_default();
  for (const auto& layer : args.all("holidays")) cal = cal.with_layer_file(layer);
  return cal;
}

// Years as people list them: 2020–2026、2028 (a run of three or more as a range).
std::string years_text(const std::vector<int>& years) {
  std::string s;
  for (std::size_t i = 0; i < years.size();) {
    std::size_t j = i;
    while (j + 1 < years.size() && years[j + 1] == years[j] + 1) ++j;
    if (!s.empty()) s += "、";
    if (j - i >= 2) {
      s += std::to_string(years[i]) + "–" + std::to_string(years[j]);
    } else {
      s += std::to_string(years[i]);
      if (j > i) s += "、" + std::to_string(years[j]);
    }
    i = j + 1;
  }
  return s;
}

// The mark of an answer given in weekdays-only mode.
void note_assumption(const WorkCalendar& cal, Coverage coverage, Date a, Date b) {
  if (coverage != Coverage::weekdays_only) return;
  const auto years = b < a ? std::vector<int>{} : cal.uncovered_years(a, b);
  if (years.empty())
    std::cout << "注意 note: 周一至周五推定模式；本答案只用到已收录年份 (weekdays-only mode; this answer used "
                 "covered years only)\n";
  else
    std::cout << "注意 note: " << years_text(years) << "年放假安排未收录，按周一至周五推定 (assumed Monday–Friday "
              << "for " << years_text(years) << ": its holidays are not in the data)\n";
}

int run(const Args& args) {
  if (args.positional.empty()) throw Error(ErrorCode::invalid_argument, "calendar", "missing subcommand; see jianzheng calendar --help");
  const std::string& sub = args.positional[0];
  const Coverage coverage = args.has("weekdays-only") ? Coverage::weekdays_only : Coverage::strict;
  auto need = [&](std::size_t n) {
    if (args.positional.size() != n + 1)
      throw Error(ErrorCode::invalid_argument, sub,
                  sub + " takes " + std::to_string(n) + " argument(s); see jianzheng calendar --help");
  };
  if (sub == "add") {
    need(2);
    const WorkCalendar cal = load(args);
    const Date from = date_arg(args.positional[1], "DATE");
    const long n = count_arg(args.positional[2]);
    if (args.json) {
      std::cout << add_working_days_json(cal, from, n, coverage);
      return ok;
    }
    const Date x = cal.add_working_days(from, n, coverage);
    if (n >= 0)
      std::cout << from.to_string() << " 之后第 " << n << " 个工作日：" << x.to_string() << "\n"
                << "working day " << n << " after " << from.to_string() << ": " << x.to_string() << "\n";
    else
      std::cout << from.to_string() << " 之前第 " << -n << " 个工作日：" << x.to_string() << "\n"
                << "working day " << -n << " before " << from.to_string() << ": " << x.to_string() << "\n";
    note_assumption(cal, coverage, n >= 0 ? from.plus_days(1) : x, n > 0 ? x : from.plus_days(-1));
    return ok;
  }
  if (sub == "is-working") {
    need(1);
    const WorkCalendar cal = load(args);
    const Date day = date_arg(args.positional[1], "DATE");
    const DayStatus s = cal.status(day, coverage);
    if (args.json) {
      std::cout << is_working_day_json(cal, day, coverage);
    } else {
      std::cout << day.to_string() << "：" << (s.working ? "工作日 working day" : "休息日 not a working day") << " — "
                << s.why << (s.source.empty() ? "" : "（" + s.source + "）") << "\n";
      if (!s.note.empty()) std::cout << "说明 note: " << s.note << "\n";
      note_assumption(cal, coverage, day, day);
    }
    return s.working ? ok : negative;
  }
  if (sub == "between") {
    need(2);
    const WorkCalendar cal = load(args);
    const Date a = date_arg(args.positional[1], "A");
    const Date b = date_arg(args.positional[2], "B");
    if (args.json) {
      std::cout << working_days_between_json(cal, a, b, coverage);
      return ok;
    }
    const long n = cal.working_days_between(a, b, coverage);
    std::cout << a.to_string() << " 之后至 " << b.to_string() << "（含）：" << n << " 个工作日\n"
              << n << " working days after " << a.to_string() << " up to and including " << b.to_string() << "\n";
    note_assumption(cal, coverage, a < b ? a.plus_days(1) : b.plus_days(1), a < b ? b : a);
    return ok;
  }
  if (sub == "years") {
    need(0);
    const WorkCalendar cal = load(args);
    if (args.json) {
      std::cout << calendar_sources_json(cal);
      return ok;
    }
    std::cout << cal.title() << "\n收录年份 covered years: " << years_text(cal.covered_years()) << "\n";
    for (const auto& n : cal.notices()) {
      std::cout << "  " << n.year << "  " << (n.number.empty() ? "（文号未核实）" : n.number)
                << (n.number_confirmed || n.number.empty() ? "" : "（文号待核）") << "  " << n.title << "\n";
      if (!n.url.empty()) std::cout << "        " << n.url << "\n";
      if (!n.note.empty()) std::cout << "        " << n.note << "\n";
    }
    return ok;
  }
  throw Error(ErrorCode::invalid_argument, "calendar",
              "unknown subcommand \"" + sub + "\" (未知子命令); use add, is-working, between or years");
}

}  // namespace

JIANZHENG_COMMAND((Command{"calendar", "工作日历：节假日、调休与工作日推算",
                                           "Working days: holidays, adjusted working days, due dates", kUsage,
                                           {"calendar", "holidays"}, {"weekdays-only"},
                                           run, {"add", "is-working", "between", "years"},
                                           {"calendar", "holidays"}}));

}  // namespace jianzheng::cli

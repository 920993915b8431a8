// jianzheng schedule: the county programme's six phases (三、具体安排) at a date, its next
// deadline, a Gantt chart (--svg), and each unit's status from submission records.
#include <iostream>
#include <string>

#include "cli.hpp"
#include "jianzheng/error.hpp"
#include "jianzheng/schedule.hpp"

namespace jianzheng::cli {
namespace {

const char* kUsage =
    "用法 usage:\n"
    "  jianzheng schedule [--json] [--at DATE] [--programme FILE]\n"
    "        各阶段状态与下一截止日期 (phases at DATE and the next deadline; DATE defaults to today)\n"
    "  jianzheng schedule --svg [--at DATE] [--programme FILE] [--output FILE]\n"
    "        甘特图 SVG，含截止日期与今日线 (Gantt chart with deadlines and a today line)\n"
    "  jianzheng schedule status --submissions FILE [--json] [--at DATE] [--programme FILE]\n"
    "        各单位报送情况：按时、逾期、未报、未到期 (each unit: on time, late, missing, not yet due);\n"
    "        exit 1 when any unit is late or missing\n\n"
    "内置方案 embedded programme: 肃南裕固族自治县实施方案 (sunan-2020), 2020-11-01 → 2023-08-31.";

Date at_of(const Args& args) {
  if (auto v = args.value("at")) return date_argument(*v, "--at");
  return Date::today();
}

const char* state_zh(PhaseState s) {
  switch (s) {
    case PhaseState::upcoming: return "未开始 upcoming";
    case PhaseState::active: return "进行中 active";
    case PhaseState::finished: return "已结束 finished";
  }
  return "";
}

const char* state_zh(UnitState s) {
  switch (s) {
    case UnitState::on_time: return "按时 on time";
    case UnitState::late: return "逾期报送 late";
    case UnitState::missing: return "未报 missing";
    case UnitState::not_yet_due: return "未到期 not yet due";
  }
  return "";
}

void write_out(const Args& args, const std::string& text) {
  write_output(args.value("output").value_or("-"), text);
}

int status(const Args& args, const Programme& prog, Date at) {
  const auto file = args.value("submissions");
  if (!file) throw Error(ErrorCode::invalid_argument, "--submissions", "schedule status needs --submissions FILE");
  const auto records = Submissions::from_file(*file, prog);
  const auto all = prog.unit_status(records, at);
  bool bad = false;
  for (const auto& s : all) bad = bad || s.state == UnitState::late || s.state == UnitState::missing;
  if (args.json) {
    write_out(args, unit_status_json(prog, all, at));
    return bad ? negative : ok;
  }
  std::string out = prog.title() + "\n报送情况 submissions as of " + at.to_string() + "\n";
  std::string current;
  for (const auto& s : all) {
    if (s.deliverable != current) {
      current = s.deliverable;
      const Deliverable* d = prog.find_deliverable(current);
      out += "\n" + d->id + "  " + d->what + " → " + (d->to.empty() ? "—" : d->to) + "，截止 due " + d->due.to_string() + "\n";
    }
    out += "  " + s.unit + "  " + state_zh(s.state);
    if (s.submitted) out += "  " + s.submitted->to_string();
    if (s.days_late > 0) out += "（" + std::string(s.state == UnitState::late ? "逾期" : "已过期") + " " + std::to_string(s.days_late) + " 天）";
    out += "\n";
  }
  write_out(args, out);
  return bad ? negative : ok;
}

int run(const Args& args) {
  const Programme prog = args.value("programme") ? Programme::from_file(*args.value("programme"))
                                                 : Programme::embedded_default();
  const Date at = at_of(args);
  if (!args.positional.empty()) {
    if (args.positional[0] == "status" && args.positional.size() == 1) return status(args, prog, at);
    throw Error(ErrorCode::invalid_argument, "schedule", "unexpected \"" + args.positional[0] + "\"; see jianzheng schedule --help");
  }
  if (args.has("svg")) {
    write_out(args, to_svg(prog, at));
    return ok;
  }
  if (args.json) {
    write_out(args, schedule_json(prog, at));
    return ok;
  }
  std::string out = prog.title() + "\n方案期限 programme: " + prog.start().to_string() + " → " + prog.end().to_string() +
                    "    查询日 at: " + at.to_string() + "\n\n";
  for (const auto& p : prog.phases()) {
    const PhaseState st = Programme::state_at(p, at);
    out += std::string(st == PhaseState::active ? "▶ " : "  ") + p.id + " " + p.name + "  " + p.start.to_string() + " → " +
           p.end.to_string() + (p.open_ended ? "（至方案结束）" : "") + "  " + state_zh(st) + "\n";
    for (const auto& d : prog.deliverables())
      if (d.phase == p.id)
        out += "      " + d.due.to_string() + "  " + d.from + " → " + (d.to.empty() ? "—" : d.to) + "：" + d.what + "\n";
  }
  if (const Deliverable* d = prog.next_deadline(at)) {
    out += "\n下一截止 next deadline: " + d->due.to_string() + "（" + d->phase + "），还有 " +
           std::to_string(d->due.days() - at.days()) + " 天 days left";
    const auto& cal = WorkCalendar::embedded_default();
    if (at == d->due || cal.uncovered_years(at.plus_days(1), d->due).empty())
      out += "，" + std::to_string(cal.working_days_between(at, d->due)) + " 个工作日 working days";
    out += "\n  " + d->from + " → " + (d->to.empty() ? "—" : d->to) + "：" + d->what + "\n";
  } else {
    out += "\n下一截止 next deadline: 无 none — 全部截止日期已过 (every deadline has passed)\n";
  }
  write_out(args, out);
  return ok;
}

}  // namespace

JIANZHENG_COMMAND((Command{"schedule", "实施方案各阶段、截止日期与报送情况",
                                           "The programme's phases, deadlines and who is late", kUsage,
                                           {"at", "programme", "submissions", "output"}, {"svg"},
                                           run, {"status"}, {"programme", "submissions", "output"}}));

}  // namespace jianzheng::cli

// The programme as an SVG Gantt chart. Plain string building: the output is small, and a
// fixed layout with every coordinate rounded to 0.1 keeps it byte-for-byte deterministic.
// Bars, markers and the today line carry data-* attributes (dates, ids) so that programs
// and tests can read the chart back without guessing from pixels.
#include <cstdio>
#include <string>

#include "markup.hpp"
#include "jianzheng/schedule.hpp"

namespace jianzheng {
namespace {

constexpr double kWidth = 1000, kLeft = 200, kRight = 30, kTop = 78, kRow = 40, kBar = 22, kBottom = 40;

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

struct Axis {
  long first;  // day number of the programme's first day
  long days;   // days shown: start … end inclusive
  double x0 = kLeft, x1 = kWidth - kRight;
  // Left edge of a day's column; x(end + 1) is the right edge of the last day.
  double x(Date d) const { return x0 + (x1 - x0) * static_cast<double>(d.days() - first) / static_cast<double>(days); }
  // The middle of a day (deadlines and today sit there).
  double mid(Date d) const { return x(d) + (x1 - x0) / static_cast<double>(days) / 2; }
};

}  // namespace

std::string to_svg(const Programme& programme, std::optional<Date> today) {
  const Axis axis{programme.start().days(), programme.end().days() - programme.start().days() + 1};
  const auto& phases = programme.phases();
  const double height = kTop + kRow * static_cast<double>(phases.size()) + kBottom;
  const double plot_bottom = kTop + kRow * static_cast<double>(phases.size());
  std::string s;
  s += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  s += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + num(kWidth) + "\" height=\"" + num(height) +
       "\" viewBox=\"0 0 " + num(kWidth) + " " + num(height) + "\" font-family=\"Noto Sans CJK SC, Source Han Sans SC, sans-serif\"" +
       " data-programme=\"" + detail::escape_markup(programme.id()) + "\" data-axis-start=\"" + programme.start().to_string() +
       "\" data-axis-end=\"" + programme.end().to_string() + "\" data-plot-x0=\"" + num(axis.x0) + "\" data-plot-x1=\"" +
       num(axis.x1) + "\">\n";
  s += "  <title>" + detail::escape_markup(programme.title()) + " — 三、具体安排</title>\n";
  s += "  <rect x=\"0\" y=\"0\" width=\"" + num(kWidth) + "\" height=\"" + num(height) + "\" fill=\"#ffffff\"/>\n";
  s += "  <text x=\"" + num(kLeft) + "\" y=\"24\" font-size=\"15\" font-weight=\"bold\">" + detail::escape_markup(programme.title()) + "</text>\n";

  // Month grid, a label every quarter and the year at each January (or at the start).
  s += "  <g class=\"axis\" font-size=\"11\" fill=\"#555555\">\n";
  Date m = Date::from_ymd(programme.start().year, programme.start().month, 1);
  for (; m <= programme.end(); m = m.month == 12 ? Date{m.year + 1, 1, 1} : Date{m.year, m.month + 1, 1}) {
    const double x = axis.x(m < programme.start() ? programme.start() : m);
    s += "    <line x1=\"" + num(x) + "\" y1=\"" + num(kTop - 8) + "\" x2=\"" + num(x) + "\" y2=\"" + num(plot_bottom) +
         "\" stroke=\"#e4e4e4\"/>\n";
    if (m.month == 1 || m == Date{programme.start().year, programme.start().month, 1})
      s += "    <text x=\"" + num(x + 2) + "\" y=\"" + num(kTop - 30) + "\" font-weight=\"bold\">" + std::to_string(m.year) +
           "年</text>\n";
    if (m.month % 3 == 1 || m == Date{programme.start().year, programme.start().month, 1})
      s += "    <text x=\"" + num(x + 2) + "\" y=\"" + num(kTop - 14) + "\">" + std::to_string(m.month) + "月</text>\n";
  }
  s += "  </g>\n";

  // One row per phase, in document order.
  for (std::size_t i = 0; i < phases.size(); ++i) {
    const auto& p = phases[i];
    const double y = kTop + kRow * static_cast<double>(i) + (kRow - kBar) / 2;
    const double x = axis.x(p.start), w = axis.x(p.end.plus_days(1)) - x;
    s += "  <g class=\"row\" data-phase=\"" + detail::escape_markup(p.id) + "\">\n";
    s += "    <text x=\"10\" y=\"" + num(y + kBar * 0.72) + "\" font-size=\"13\">" + detail::escape_markup(p.id + " " + p.name) + "</text>\n";
    s += "    <rect class=\"phase\" data-phase=\"" + detail::escape_markup(p.id) + "\" data-start=\"" + p.start.to_string() + "\" data-end=\"" +
         p.end.to_string() + "\" data-open-ended=\"" + (p.open_ended ? "true" : "false") + "\" x=\"" + num(x) + "\" y=\"" +
         num(y) + "\" width=\"" + num(w) + "\" height=\"" + num(kBar) + "\" rx=\"3\" fill=\"" +
         (p.open_ended ? "#9ecae1" : "#3182bd") + "\">\n";
    s += "      <title>" + detail::escape_markup(p.path + " " + p.name + "（" + p.window_text + "）" + p.start.to_string() + " → " +
                              p.end.to_string() + (p.open_ended ? "（持续至方案结束）" : "")) +
         "</title>\n    </rect>\n";
    int nth = 0;  // alternate date labels above and below the bar so close deadlines stay legible
    for (const auto& d : programme.deliverables()) {
      if (d.phase != p.id) continue;
      const double label_y = nth++ % 2 == 0 ? y - 2 : y + kBar + 9;
      const double cx = axis.mid(d.due), cy = y + kBar / 2, r = 7;
      s += "    <path class=\"deadline\" data-deliverable=\"" + detail::escape_markup(d.id) + "\" data-date=\"" + d.due.to_string() +
           "\" d=\"M" + num(cx) + " " + num(cy - r) + " L" + num(cx + r) + " " + num(cy) + " L" + num(cx) + " " +
           num(cy + r) + " L" + num(cx - r) + " " + num(cy) + " Z\" fill=\"#e6550d\" stroke=\"#ffffff\">\n";
      s += "      <title>" + detail::escape_markup(d.due.to_string() + " " + d.from + " → " + (d.to.empty() ? "—" : d.to) + "：" + d.what) +
           "</title>\n    </path>\n";
      s += "    <text class=\"deadline-label\" x=\"" + num(cx + r + 2) + "\" y=\"" + num(label_y) +
           "\" font-size=\"10\" fill=\"#a63603\">" + d.due.to_string().substr(5) + "</text>\n";
    }
    s += "  </g>\n";
  }

  if (today && programme.start() <= *today && *today <= programme.end()) {
    const double x = axis.mid(*today);
    s += "  <line class=\"today\" data-date=\"" + today->to_string() + "\" x1=\"" + num(x) + "\" y1=\"" + num(kTop - 8) +
         "\" x2=\"" + num(x) + "\" y2=\"" + num(plot_bottom + 6) + "\" stroke=\"#d62728\" stroke-width=\"2\" stroke-dasharray=\"5 3\"/>\n";
    // Near the right edge the label goes to the left of the line so it stays inside the chart.
    const bool left = x > axis.x1 - 120;
    s += "  <text class=\"today-label\" x=\"" + num(left ? x - 4 : x + 4) + "\" y=\"" + num(plot_bottom + 20) +
         "\" text-anchor=\"" + (left ? "end" : "start") + "\" font-size=\"11\" fill=\"#d62728\">今日 " +
         today->to_string() + "</text>\n";
  } else if (today) {
    s += "  <text class=\"today-label\" data-date=\"" + today->to_string() + "\" x=\"" + num(kLeft) + "\" y=\"" +
         num(plot_bottom + 20) + "\" font-size=\"11\" fill=\"#d62728\">今日 " + today->to_string() +
         (*today < programme.start() ? "（方案尚未开始）" : "（方案已结束）") + "</text>\n";
  }
  s += "</svg>\n";
  return s;
}

}  // namespace jianzheng

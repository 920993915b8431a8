// The work calendar (工作日, 二（三）5 限时办结): statutory holidays and adjusted working days.
// WorkCalendar is immutable; the embedded default is a process-wide object, returned by
// reference so Python never copies its index.
#include <pybind11/stl.h>

#include "bind.hpp"
#include "jianzheng/work_calendar.hpp"

namespace jianzheng::python {
namespace {

void bind_time(py::module_& m) {
  py::enum_<Coverage>(m, "Coverage", "What to do with a date in a year the calendar's data does not cover.")
      .value("strict", Coverage::strict, "Raise Error(date_not_covered): never a silent guess (default).")
      .value("weekdays_only", Coverage::weekdays_only, "Assume Monday–Friday work; answers are marked assumed.");

  py::enum_<DayKind>(m, "DayKind", "Why a day is or is not a working day.")
      .value("workday", DayKind::workday, "An ordinary Monday–Friday.")
      .value("weekend", DayKind::weekend, "An ordinary Saturday or Sunday.")
      .value("holiday", DayKind::holiday, "A statutory holiday (放假).")
      .value("adjusted_workday", DayKind::adjusted_workday, "A weekend day worked in exchange (调休上班).");

  py::class_<CalendarNotice>(m, "CalendarNotice", "One State Council (or local) notice a calendar's days come from.")
      .def(py::init<>(), "An empty notice.")
      .def_readwrite("id", &CalendarNotice::id, "Id inside the calendar file, e.g. \"2020-extension\".")
      .def_readwrite("year", &CalendarNotice::year, "The year whose arrangement it gives.")
      .def_readwrite("number", &CalendarNotice::number, "文号, e.g. \"国办发明电〔2020〕27号\".")
      .def_readwrite("number_confirmed", &CalendarNotice::number_confirmed, "False when the 文号 is seen in one source only.")
      .def_readwrite("title", &CalendarNotice::title, "The notice's title.")
      .def_readwrite("url", &CalendarNotice::url, "Where it is published; may be empty.")
      .def_readwrite("note", &CalendarNotice::note, "Caveats; may be empty.");

  py::class_<CalendarDay>(m, "CalendarDay", "One day the data lists explicitly (放假 or 调休上班).")
      .def(py::init<>(), "An empty day.")
      .def_readwrite("date", &CalendarDay::date, "The day.")
      .def_readwrite("working", &CalendarDay::working, "True: 调休上班; False: 放假.")
      .def_readwrite("holiday", &CalendarDay::holiday, "The festival it belongs to.")
      .def_readwrite("notice", &CalendarDay::notice, "Id of the CalendarNotice it comes from.")
      .def_readwrite("note", &CalendarDay::note, "A note on this day; may be empty.")
      .def_readwrite("local", &CalendarDay::local, "True when a local layer lists it.");

  py::class_<DayStatus>(m, "DayStatus", "The status of one day, with its reason.")
      .def(py::init<>(), "An empty status.")
      .def_readwrite("date", &DayStatus::date, "The day asked about.")
      .def_readwrite("working", &DayStatus::working, "Whether offices work that day.")
      .def_readwrite("kind", &DayStatus::kind, "Which rule decides it.")
      .def_readwrite("holiday", &DayStatus::holiday, "Festival name for holiday / adjusted_workday.")
      .def_readwrite("why", &DayStatus::why, "Chinese reason, e.g. \"国庆节调休上班\".")
      .def_readwrite("source", &DayStatus::source, "Notice 文号 or title the day comes from.")
      .def_readwrite("note", &DayStatus::note, "A note from the data; may be empty.")
      .def_readwrite("local", &DayStatus::local, "Decided by a local layer.")
      .def_readwrite("assumed", &DayStatus::assumed, "True when the year is uncovered and Monday–Friday was assumed.");

  py::class_<WorkCalendar>(m, "WorkCalendar",
                           "Statutory holidays and adjusted working days (工作日) for the years its "
                           "data covers, plus optional local layers. Immutable.")
      .def(py::init<>(), "An empty calendar that covers no year.")
      .def_static("embedded_default", &WorkCalendar::embedded_default, py::return_value_policy::reference,
                  "The national calendar compiled in (a process-wide object).")
      .def_static("from_json", &WorkCalendar::from_json, py::arg("text"), py::arg("origin") = "<text>",
                  "Parses a national calendar file; raises Error naming the place.")
      .def_static("from_file", &WorkCalendar::from_file, py::arg("path"),
                  "Reads and parses a national calendar file.")
      .def("with_layer", &WorkCalendar::with_layer, py::arg("text"), py::arg("origin") = "<text>",
           "This calendar with a local layer on top; the receiver is unchanged.")
      .def("with_layer_file", &WorkCalendar::with_layer_file, py::arg("path"),
           "with_layer on a file's contents.")
      .def("covers_year", &WorkCalendar::covers_year, py::arg("year"), "Whether the data covers `year`.")
      .def("covers", &WorkCalendar::covers, py::arg("d"), "Whether the data covers the year of `d`.")
      .def("covered_years", &WorkCalendar::covered_years, "The covered years, ascending.")
      .def("uncovered_years", &WorkCalendar::uncovered_years, py::arg("a"), py::arg("b"),
           "The uncovered years among those from `a` to `b` inclusive.")
      .def("is_working_day", &WorkCalendar::is_working_day, py::arg("d"),
           py::arg("coverage") = Coverage::strict, "Whether offices work on `d`.")
      .def("add_working_days", &WorkCalendar::add_working_days, py::arg("d"), py::arg("n"),
           py::arg("coverage") = Coverage::strict,
           "The n-th working day strictly after `d` (before, for n < 0); `d` for n = 0.")
      .def("working_days_between", &WorkCalendar::working_days_between, py::arg("a"), py::arg("b"),
           py::arg("coverage") = Coverage::strict,
           "The number of working days x with a < x <= b (negated when b < a).")
      .def("status", &WorkCalendar::status, py::arg("d"), py::arg("coverage") = Coverage::strict,
           "The status of `d` with its reason.")
      .def("notices", &WorkCalendar::notices, "The notices the data comes from, in file order.")
      .def("days", &WorkCalendar::days, "The listed days (holidays and adjusted working days), by date.")
      .def("id", &WorkCalendar::id, "The calendar's id, e.g. \"cn-2020-2026\".")
      .def("title", &WorkCalendar::title, "The calendar's title.");
}

}  // namespace

JIANZHENG_BIND(40, bind_time);

}  // namespace jianzheng::python

// The county programme (三、具体安排): six phases with windows and deadlines, who delivers
// what to whom, and who is late. Programme is immutable; the embedded default is returned by
// reference, never copied.
#include <pybind11/stl.h>

#include <optional>
#include <string>
#include <vector>

#include "bind.hpp"
#include "jianzheng/schedule.hpp"
#include "jianzheng/work_calendar.hpp"

namespace jianzheng::python {
namespace {

template <class T>
std::optional<T> copy_of(const T* p) {
  return p ? std::optional<T>(*p) : std::nullopt;
}

py::object loads(const std::string& text) { return py::module_::import("json").attr("loads")(text); }

void bind_schedule(py::module_& m) {
  py::enum_<UnitKind>(m, "UnitKind", "Who owes per-unit deliverables.")
      .value("township", UnitKind::township, "乡（镇）人民政府.")
      .value("department", UnitKind::department, "县直部门单位.");
  py::enum_<PhaseState>(m, "PhaseState", "Where a phase stands on a date.")
      .value("upcoming", PhaseState::upcoming, "Not started.")
      .value("active", PhaseState::active, "Its window contains the date.")
      .value("finished", PhaseState::finished, "Its window has passed.");
  py::enum_<UnitState>(m, "UnitState", "Where a unit's deliverable stands.")
      .value("on_time", UnitState::on_time, "Submitted by the deadline.")
      .value("late", UnitState::late, "Submitted after the deadline.")
      .value("missing", UnitState::missing, "Deadline passed, nothing submitted.")
      .value("not_yet_due", UnitState::not_yet_due, "Nothing submitted, deadline not passed.");

  py::class_<Phase>(m, "Phase", "One phase of the programme (三（一）–（六）).")
      .def(py::init<>(), "An empty phase.")
      .def_readwrite("id", &Phase::id, "Clause id, \"3.1\" … \"3.6\".")
      .def_readwrite("path", &Phase::path, "The policy's numbering, e.g. \"三（二）\".")
      .def_readwrite("name", &Phase::name, "e.g. \"摸排掌握情况\".")
      .def_readwrite("window_text", &Phase::window_text, "The window as the policy words it.")
      .def_readwrite("start", &Phase::start, "First day of the window.")
      .def_readwrite("end", &Phase::end, "Last day of the window (inclusive).")
      .def_readwrite("open_ended", &Phase::open_ended, "The policy gives no end: runs to the programme's end.")
      .def_readwrite("heading", &Phase::heading, "The clause heading, verbatim.")
      .def_readwrite("text", &Phase::text, "The clause body, verbatim.")
      .def_readwrite("note", &Phase::note, "How the window was read; may be empty.")
      .def("contains", &Phase::contains, py::arg("d"), "Whether the window contains `d`.");

  py::class_<Deliverable>(m, "Deliverable", "Who delivers what to whom, by when.")
      .def(py::init<>(), "An empty deliverable.")
      .def_readwrite("id", &Deliverable::id, "Stable id, e.g. \"3.2.survey\".")
      .def_readwrite("phase", &Deliverable::phase, "The phase it belongs to, e.g. \"3.2\".")
      .def_readwrite("what", &Deliverable::what, "What is delivered, in Chinese.")
      .def_readwrite("from_", &Deliverable::from, "Who delivers (C++ `from`).")
      .def_readwrite("each", &Deliverable::each, "Non-empty: every unit of these kinds delivers its own.")
      .def_readwrite("to", &Deliverable::to, "To whom; empty when the policy names nobody.")
      .def_readwrite("due", &Deliverable::due, "The deadline, inclusive.")
      .def_readwrite("due_text", &Deliverable::due_text, "The deadline as the policy words it.")
      .def_readwrite("quote", &Deliverable::quote, "The policy's sentence that sets it, verbatim.")
      .def_readwrite("note", &Deliverable::note, "How actors were inferred; may be empty.")
      .def("is_per_unit", &Deliverable::is_per_unit, "Whether every unit of some kinds delivers its own.");

  py::class_<Unit>(m, "Unit", "A township or department that owes deliverables.")
      .def(py::init<>(), "An empty unit.")
      .def_readwrite("name", &Unit::name, "e.g. \"红湾寺镇\".")
      .def_readwrite("kind", &Unit::kind, "Township or department.");

  py::class_<Submission>(m, "Submission", "One record: a unit delivered something on a day.")
      .def(py::init<>(), "An empty record.")
      .def_readwrite("unit", &Submission::unit, "Unit name.")
      .def_readwrite("deliverable", &Submission::deliverable, "Deliverable id.")
      .def_readwrite("date", &Submission::date, "The day it reached the recipient.")
      .def_readwrite("note", &Submission::note, "Free note; may be empty.");

  py::class_<UnitStatus>(m, "UnitStatus", "A unit's deliverable on a date.")
      .def(py::init<>(), "An empty status.")
      .def_readwrite("unit", &UnitStatus::unit, "Unit name.")
      .def_readwrite("kind", &UnitStatus::kind, "Its kind.")
      .def_readwrite("deliverable", &UnitStatus::deliverable, "Deliverable id.")
      .def_readwrite("phase", &UnitStatus::phase, "Its phase.")
      .def_readwrite("due", &UnitStatus::due, "The deadline.")
      .def_readwrite("state", &UnitStatus::state, "Where it stands.")
      .def_readwrite("submitted", &UnitStatus::submitted, "The first submission on or before the date asked about.")
      .def_readwrite("days_late", &UnitStatus::days_late, "Calendar days past the deadline.");

  py::class_<Programme> programme(m, "Programme", "A county programme: phases, deliverables, deadlines. Immutable.");
  py::class_<Submissions>(m, "Submissions", "Who submitted what when, checked against a programme.")
      .def(py::init<>(), "No records.")
      .def_readwrite("programme", &Submissions::programme, "The programme id the records are for.")
      .def_readwrite("units", &Submissions::units, "Every unit expected to deliver.")
      .def_readwrite("submissions", &Submissions::submissions, "The records, in file order.")
      .def_static("from_json", &Submissions::from_json, py::arg("text"), py::arg("programme"),
                  py::arg("origin") = "<text>", "Parses a submissions file against `programme`; raises Error.")
      .def_static("from_file", &Submissions::from_file, py::arg("path"), py::arg("programme"),
                  "Reads and parses a submissions file.");

  programme
      .def_static("embedded_default", &Programme::embedded_default, py::return_value_policy::reference,
                  "The Sunan county programme of the policy, compiled in.")
      .def_static("from_json", &Programme::from_json, py::arg("text"), py::arg("origin") = "<text>",
                  "Parses a programme file; raises Error.")
      .def_static("from_file", &Programme::from_file, py::arg("path"), "Reads and parses a programme file.")
      .def("id", &Programme::id, "Stable id, e.g. \"sunan-2020\".")
      .def("title", &Programme::title, "The programme document's title.")
      .def("jurisdiction", &Programme::jurisdiction, "e.g. \"肃南裕固族自治县\".")
      .def("text", &Programme::text, "The clause that sets the programme, verbatim.")
      .def("start", &Programme::start, "First day of the programme.")
      .def("end", &Programme::end, "Last day of the programme (inclusive).")
      .def("phases", &Programme::phases, "The phases, in the document's order.")
      .def("deliverables", &Programme::deliverables, "The deliverables, in the document's order.")
      .def("find_phase", [](const Programme& p, std::string_view id) { return copy_of(p.find_phase(id)); },
           py::arg("id"), "The phase with this id, or None.")
      .def("find_deliverable", [](const Programme& p, std::string_view id) { return copy_of(p.find_deliverable(id)); },
           py::arg("id"), "The deliverable with this id, or None.")
      .def_static("state_at", &Programme::state_at, py::arg("phase"), py::arg("d"), "Where `phase` stands on `d`.")
      .def("active_at",
           [](const Programme& p, Date d) {
             std::vector<Phase> out;
             for (const Phase* ph : p.active_at(d)) out.push_back(*ph);
             return out;
           },
           py::arg("d"), "The phases whose window contains `d`.")
      .def("next_deadline", [](const Programme& p, Date d) { return copy_of(p.next_deadline(d)); }, py::arg("d"),
           "The deliverable with the earliest deadline on or after `d`, or None.")
      .def("unit_status", &Programme::unit_status, py::arg("records"), py::arg("at"),
           "Every per-unit deliverable's status for every unit that owes it, on `at`.")
      .def("to_svg", [](const Programme& p, std::optional<Date> today) { return to_svg(p, today); },
           py::arg("today") = py::none(), "A Gantt chart (SVG) with deadlines and a today line.")
      .def("schedule_json", [](const Programme& p, Date at) { return schedule_json(p, at); }, py::arg("at"),
           "`jianzheng schedule --json` for `at` (docs/design.md §8).")
      .def("schedule_dict", [](const Programme& p, Date at) { return loads(schedule_json(p, at)); }, py::arg("at"),
           "schedule_json as a dict.");
}

}  // namespace

JIANZHENG_BIND(45, bind_schedule);

}  // namespace jianzheng::python

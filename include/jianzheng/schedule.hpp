// Programme, Phase, Deliverable (三、具体安排): the county programme runs "自2020年11月开始至
// 2023年8月底结束，分6个阶段进行" — six phases, each with a window in months and deadlines by
// which townships, departments and the county bureau deliver something to someone. 三（五）
// has no end of its own: it runs to the end of the programme and overlaps 三（六）.
//
// The county's programme is compiled in (data/programme/sunan-2020.json); other programmes
// (the city's, another county's) load from JSON in the same format. Given the submission
// records a county bureau keeps, the programme says for each unit and deliverable whether it
// was submitted on time, late, is missing, or is not yet due. A Programme never changes once
// loaded and is shared across threads freely.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "jianzheng/date.hpp"
#include "jianzheng/work_calendar.hpp"

namespace jianzheng {

/// The kind of unit that delivers per-unit deliverables. JSON: "township", "department".
enum class UnitKind {
  township,    ///< 乡（镇）人民政府
  department,  ///< 县直部门单位 (and units of the province or city stationed in the county)
};
/// The stable snake_case name.
const char* to_string(UnitKind k) noexcept;
/// Parses "township" / "department".
std::optional<UnitKind> unit_kind_from_string(std::string_view name) noexcept;

/// One phase of 三、具体安排.
struct Phase {
  std::string id;           ///< Clause id, "3.1" … "3.6".
  std::string path;         ///< The policy's numbering, e.g. "三（二）".
  std::string name;         ///< e.g. "摸排掌握情况".
  std::string window_text;  ///< The window as the policy words it, e.g. "2021年1月—3月".
  Date start;               ///< First day of the window.
  Date end;                 ///< Last day of the window (inclusive); the programme's end when open_ended.
  bool open_ended = false;  ///< The policy gives no end (三（五）"2021年6月开始"): runs to the programme's end.
  std::string heading;      ///< The clause heading, verbatim.
  std::string text;         ///< The clause body, verbatim.
  std::string note;         ///< How the window was read; may be empty.

  /// Whether `d` falls in the window [start, end].
  bool contains(Date d) const noexcept { return start <= d && d <= end; }
};

/// Where a phase stands on a date. JSON: "upcoming", "active", "finished".
enum class PhaseState { upcoming, active, finished };
/// The stable snake_case name.
const char* to_string(PhaseState s) noexcept;

/// Something someone must deliver to someone by a date.
struct Deliverable {
  std::string id;              ///< Stable id, e.g. "3.2.survey".
  std::string phase;           ///< The phase (clause id) it belongs to, e.g. "3.2".
  std::string what;            ///< What is delivered, in Chinese.
  std::string from;            ///< Who delivers, as the policy (or the note) says.
  std::vector<UnitKind> each;  ///< Non-empty: every unit of these kinds delivers its own.
  std::string to;              ///< To whom; empty when the policy names nobody.
  Date due;                    ///< The deadline, inclusive ("X日前" / "X月底前").
  std::string due_text;        ///< The deadline as the policy words it.
  std::string quote;           ///< The policy's sentence that sets it, verbatim.
  std::string note;            ///< How actors were inferred when the clause is silent; may be empty.

  /// Whether each unit of some kind delivers its own (tracked per unit).
  bool is_per_unit() const noexcept { return !each.empty(); }
};

/// A unit whose submissions are tracked.
struct Unit {
  std::string name;                     ///< e.g. "红湾寺镇"; unique within a submissions file.
  UnitKind kind = UnitKind::township;   ///< Township or department.
};

/// One submission record: a unit delivered a deliverable on a date.
struct Submission {
  std::string unit;         ///< Unit name.
  std::string deliverable;  ///< Deliverable id.
  Date date;                ///< The day it reached the recipient.
  std::string note;         ///< Free note; may be empty.
};

class Programme;

/// The records a county bureau keeps of who submitted what when, checked against a programme.
struct Submissions {
  std::string programme;               ///< The programme id the records are for.
  std::vector<Unit> units;             ///< Every unit expected to deliver.
  std::vector<Submission> submissions; ///< The records, in file order.

  /// Parses a submissions file (docs/time.md) and checks every reference against
  /// `programme`; all-or-nothing, throws Error with file:line:column and JSON pointer.
  static Submissions from_json(std::string_view text, const Programme& programme,
                               std::string_view origin = "<text>");
  /// Reads and parses a submissions file.
  static Submissions from_file(const std::string& path, const Programme& programme);
};

/// Where one unit stands with one deliverable on a date. JSON snake_case names.
enum class UnitState {
  on_time,      ///< Submitted by the deadline.
  late,         ///< Submitted after the deadline.
  missing,      ///< Deadline passed, nothing submitted by the date asked about.
  not_yet_due,  ///< Nothing submitted yet, and the deadline has not passed.
};
/// The stable snake_case name.
const char* to_string(UnitState s) noexcept;

/// One unit's status for one deliverable.
struct UnitStatus {
  std::string unit;                 ///< Unit name.
  UnitKind kind = UnitKind::township;  ///< Its kind.
  std::string deliverable;          ///< Deliverable id.
  std::string phase;                ///< Its phase.
  Date due;                         ///< The deadline.
  UnitState state = UnitState::not_yet_due;  ///< Where it stands.
  std::optional<Date> submitted;    ///< The first submission on or before the date asked about.
  long days_late = 0;               ///< Calendar days past the deadline: at submission (late) or now (missing).
};

/// A county's programme of phases and deliverables.
class Programme {
 public:
  Programme() = default;
  /// The Sunan county programme of the policy, compiled in from data/programme/sunan-2020.json;
  /// parsed once on first use.
  static const Programme& embedded_default();
  /// Parses a programme file (docs/schemas/programme.schema.json); all-or-nothing.
  static Programme from_json(std::string_view text, std::string_view origin = "<text>");
  /// Reads and parses a programme file.
  static Programme from_file(const std::string& path);

  /// Stable id, e.g. "sunan-2020".
  const std::string& id() const noexcept { return id_; }
  /// The programme document's title.
  const std::string& title() const noexcept { return title_; }
  /// e.g. "肃南裕固族自治县".
  const std::string& jurisdiction() const noexcept { return jurisdiction_; }
  /// The clause that sets the programme ("3") and its text, verbatim.
  const std::string& text() const noexcept { return text_; }
  /// First day of the programme.
  Date start() const noexcept { return start_; }
  /// Last day of the programme (inclusive).
  Date end() const noexcept { return end_; }
  /// The phases, in the document's order.
  const std::vector<Phase>& phases() const noexcept { return phases_; }
  /// The deliverables, in the document's order.
  const std::vector<Deliverable>& deliverables() const noexcept { return deliverables_; }

  /// The phase with this id, or nullptr.
  const Phase* find_phase(std::string_view id) const noexcept;
  /// The deliverable with this id, or nullptr.
  const Deliverable* find_deliverable(std::string_view id) const noexcept;
  /// Where `phase` stands on `d`.
  static PhaseState state_at(const Phase& phase, Date d) noexcept;
  /// The phases whose window contains `d`, in document order (3.5 and 3.6 overlap).
  std::vector<const Phase*> active_at(Date d) const;
  /// The deliverable with the earliest deadline on or after `d` (document order breaks
  /// ties), or nullptr when every deadline has passed.
  const Deliverable* next_deadline(Date d) const noexcept;
  /// For every per-unit deliverable and every unit of a kind that owes it, its status on
  /// `at`. Records dated after `at` are not yet known and are ignored. Ordered by
  /// deliverable, then by unit, in file order.
  std::vector<UnitStatus> unit_status(const Submissions& records, Date at) const;

 private:
  friend struct ProgrammeBuilder;
  std::string id_, title_, jurisdiction_, text_;
  Date start_, end_;
  std::vector<Phase> phases_;
  std::vector<Deliverable> deliverables_;
};

/// The programme as an SVG Gantt chart: one bar per phase in document order, a marker per
/// deadline, and a "today" line at `today` when it falls inside the programme. Deterministic.
std::string to_svg(const Programme& programme, std::optional<Date> today = std::nullopt);

/// `jianzheng schedule --json` (docs/design.md §8): {"at", "programme": {…}, "phases": [{"id", "path",
/// "name", "window_text", "start", "end", "open_ended", "state", "deliverables": [ids]}],
/// "active": [ids], "next_deadline": {"date", "phase", "deliverable", "what", "from", "to",
/// "days_left", "working_days_left"} | null}. working_days_left comes from `calendar` and is
/// null when it does not cover the days between.
std::string schedule_json(const Programme& programme, Date at,
                          const WorkCalendar& calendar = WorkCalendar::embedded_default());
/// `jianzheng schedule status --json`: {"at", "programme", "units": [{"unit", "kind",
/// "deliverable", "phase", "due", "state", "submitted", "days_late"}], "summary": {state: count}}.
std::string unit_status_json(const Programme& programme, const std::vector<UnitStatus>& statuses, Date at);

}  // namespace jianzheng

#include "jianzheng/schedule.hpp"

#include <algorithm>

#include "enum_names.hpp"

namespace jianzheng {
namespace {

constexpr detail::EnumNames<UnitKind, 2> kUnitKindNames{{
    {UnitKind::township, "township"},
    {UnitKind::department, "department"},
}};

constexpr detail::EnumNames<PhaseState, 3> kPhaseStateNames{{
    {PhaseState::upcoming, "upcoming"},
    {PhaseState::active, "active"},
    {PhaseState::finished, "finished"},
}};

constexpr detail::EnumNames<UnitState, 4> kUnitStateNames{{
    {UnitState::on_time, "on_time"},
    {UnitState::late, "late"},
    {UnitState::missing, "missing"},
    {UnitState::not_yet_due, "not_yet_due"},
}};

}  // namespace

const char* to_string(UnitKind k) noexcept { return kUnitKindNames.name(k); }
std::optional<UnitKind> unit_kind_from_string(std::string_view s) noexcept { return kUnitKindNames.parse(s); }
const char* to_string(PhaseState s) noexcept { return kPhaseStateNames.name(s); }
const char* to_string(UnitState s) noexcept { return kUnitStateNames.name(s); }

const Phase* Programme::find_phase(std::string_view id) const noexcept {
  for (const auto& p : phases_)
    if (p.id == id) return &p;
  return nullptr;
}

const Deliverable* Programme::find_deliverable(std::string_view id) const noexcept {
  for (const auto& d : deliverables_)
    if (d.id == id) return &d;
  return nullptr;
}

PhaseState Programme::state_at(const Phase& phase, Date d) noexcept {
  if (d < phase.start) return PhaseState::upcoming;
  if (phase.end < d) return PhaseState::finished;
  return PhaseState::active;
}

std::vector<const Phase*> Programme::active_at(Date d) const {
  std::vector<const Phase*> out;
  for (const auto& p : phases_)
    if (p.contains(d)) out.push_back(&p);
  return out;
}

const Deliverable* Programme::next_deadline(Date d) const noexcept {
  // A deadline is inclusive ("12月30日前" includes the 30th), so one due today is still next.
  const Deliverable* best = nullptr;
  for (const auto& x : deliverables_)
    if (d <= x.due && (!best || x.due < best->due)) best = &x;
  return best;
}

std::vector<UnitStatus> Programme::unit_status(const Submissions& records, Date at) const {
  std::vector<UnitStatus> out;
  for (const auto& del : deliverables_) {
    if (!del.is_per_unit()) continue;
    for (const auto& unit : records.units) {
      if (std::find(del.each.begin(), del.each.end(), unit.kind) == del.each.end()) continue;
      UnitStatus s;
      s.unit = unit.name;
      s.kind = unit.kind;
      s.deliverable = del.id;
      s.phase = del.phase;
      s.due = del.due;
      // The first record known on `at` counts; a resubmission does not make it later.
      for (const auto& rec : records.submissions)
        if (rec.unit == unit.name && rec.deliverable == del.id && rec.date <= at &&
            (!s.submitted || rec.date < *s.submitted))
          s.submitted = rec.date;
      if (s.submitted) {
        s.state = *s.submitted <= del.due ? UnitState::on_time : UnitState::late;
        s.days_late = std::max(0L, s.submitted->days() - del.due.days());
      } else if (at <= del.due) {
        s.state = UnitState::not_yet_due;  // the deadline day itself is not over yet
      } else {
        s.state = UnitState::missing;
        s.days_late = at.days() - del.due.days();
      }
      out.push_back(std::move(s));
    }
  }
  return out;
}

}  // namespace jianzheng

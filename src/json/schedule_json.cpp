// Loading programmes (docs/schemas/programme.schema.json) and submission records. Both are
// all-or-nothing: the object is built locally and returned only when every check passed.
#include <algorithm>
#include <set>

#include "file_io.hpp"
#include "embedded_data.hpp"
#include "jianzheng/schedule.hpp"
#include "json/json_io.hpp"

namespace jianzheng {

namespace {

void require_format(const detail::Node& root, std::string_view expected) {
  const auto node = root.at("format");
  const auto format = node.string();
  if (format != expected)
    node.fail(ErrorCode::unsupported_format, "\"" + format + "\" is not a format this version reads; expected \"" +
                                                 std::string(expected) + "\"");
}

UnitKind unit_kind(const detail::Node& n) {
  // Not Node::enumeration: its decltype(*parse(…)) return type is an rvalue reference for a
  // parser returning std::optional by value, which does not compile.
  const std::string s = n.string();
  if (auto k = unit_kind_from_string(s)) return *k;
  n.fail(ErrorCode::unknown_enum, "\"" + s + "\" is not a known value; expected one of township, department");
}

}  // namespace

// Friend of Programme: fills its private state.
struct ProgrammeBuilder {
  static Programme parse(std::string_view text, std::string_view origin) {
    detail::Document doc(text, std::string(origin));
    const auto root = doc.root();
    root.only_keys({"format", "id", "jurisdiction", "title", "issuers", "issued", "basis", "clause", "heading",
                    "text", "start", "end", "note", "example", "phases", "deliverables"});
    require_format(root, "jianzheng.programme/1");
    Programme p;
    p.id_ = root.at("id").nonempty_string();
    p.title_ = root.at("title").nonempty_string();
    p.jurisdiction_ = root.at("jurisdiction").nonempty_string();
    p.text_ = detail::optional_string(root, "text");
    for (auto key : {"basis", "clause", "heading", "note"}) (void)detail::optional_string(root, key);
    if (auto n = root.get("issuers")) (void)n->strings();
    if (auto n = root.get("issued")) (void)n->date();
    if (auto n = root.get("example")) (void)n->boolean();
    p.start_ = root.at("start").date();
    p.end_ = root.at("end").date();
    if (p.end_ < p.start_) root.at("end").fail(ErrorCode::invalid_value, "the programme ends before it starts");

    std::set<std::string> ids;
    for (const auto& n : root.at("phases").elements()) {
      n.only_keys({"id", "path", "name", "window_text", "start", "end", "heading", "text", "note"});
      Phase ph;
      ph.id = n.at("id").nonempty_string();
      if (!ids.insert(ph.id).second) n.at("id").fail(ErrorCode::duplicate_id, "the phase id \"" + ph.id + "\" is used twice");
      ph.path = detail::optional_string(n, "path");
      ph.name = n.at("name").nonempty_string();
      ph.window_text = detail::optional_string(n, "window_text");
      ph.heading = detail::optional_string(n, "heading");
      ph.text = n.at("text").nonempty_string();
      ph.note = detail::optional_string(n, "note");
      ph.start = n.at("start").date();
      // "end": null — the clause gives no end (三（五）): the phase runs to the programme's end.
      (void)n.at("end");
      if (auto end = n.get("end")) {
        ph.end = end->date();
      } else {
        ph.end = p.end_;
        ph.open_ended = true;
      }
      if (ph.start < p.start_ || p.end_ < ph.end)
        n.at("start").fail(ErrorCode::invalid_value, "the phase " + ph.id + " (" + ph.start.to_string() + " → " +
                                                         ph.end.to_string() + ") lies outside the programme");
      if (ph.end < ph.start) n.at("end").fail(ErrorCode::invalid_value, "the phase " + ph.id + " ends before it starts");
      p.phases_.push_back(std::move(ph));
    }
    if (p.phases_.empty()) root.at("phases").fail(ErrorCode::invalid_value, "a programme has at least one phase");

    for (const auto& n : root.at("deliverables").elements()) {
      n.only_keys({"id", "phase", "what", "from", "each", "to", "due", "due_text", "quote", "note"});
      Deliverable d;
      d.id = n.at("id").nonempty_string();
      if (!ids.insert(d.id).second) n.at("id").fail(ErrorCode::duplicate_id, "the id \"" + d.id + "\" is used twice");
      d.phase = n.at("phase").nonempty_string();
      if (!p.find_phase(d.phase)) n.at("phase").fail(ErrorCode::unknown_reference, "no phase has the id \"" + d.phase + "\"");
      d.what = n.at("what").nonempty_string();
      d.from = n.at("from").nonempty_string();
      if (auto each = n.get("each"))
        for (const auto& k : each->elements()) d.each.push_back(unit_kind(k));
      d.to = detail::optional_string(n, "to");
      d.due = n.at("due").date();
      if (d.due < p.start_ || p.end_ < d.due)
        n.at("due").fail(ErrorCode::invalid_value, d.due.to_string() + " lies outside the programme");
      d.due_text = detail::optional_string(n, "due_text");
      d.quote = n.at("quote").nonempty_string();
      d.note = detail::optional_string(n, "note");
      p.deliverables_.push_back(std::move(d));
    }
    return p;
  }
};

const Programme& Programme::embedded_default() {
  static const Programme programme = ProgrammeBuilder::parse(
      detail::embedded_file("programme/sunan-2020.json"), "embedded:programme/sunan-2020.json");
  return programme;
}

Programme Programme::from_json(std::string_view text, std::string_view origin) {
  return ProgrammeBuilder::parse(text, origin);
}

Programme Programme::from_file(const std::string& path) { return from_json(detail::read_file(path), path); }

Submissions Submissions::from_json(std::string_view text, const Programme& programme, std::string_view origin) {
  detail::Document doc(text, std::string(origin));
  const auto root = doc.root();
  root.only_keys({"format", "programme", "example", "note", "units", "submissions"});
  require_format(root, "jianzheng.submissions/1");
  Submissions s;
  const auto prog = root.at("programme");
  s.programme = prog.nonempty_string();
  if (s.programme != programme.id())
    prog.fail(ErrorCode::unknown_reference,
              "these records are for \"" + s.programme + "\", not for the programme \"" + programme.id() + "\"");
  if (auto n = root.get("example")) (void)n->boolean();
  if (auto n = root.get("note")) (void)n->string();
  std::set<std::string> names;
  for (const auto& n : root.at("units").elements()) {
    n.only_keys({"name", "kind"});
    Unit u;
    u.name = n.at("name").nonempty_string();
    if (!names.insert(u.name).second) n.at("name").fail(ErrorCode::duplicate_id, "the unit \"" + u.name + "\" is listed twice");
    u.kind = unit_kind(n.at("kind"));
    s.units.push_back(std::move(u));
  }
  for (const auto& n : root.at("submissions").elements()) {
    n.only_keys({"unit", "deliverable", "date", "note"});
    Submission rec;
    rec.unit = n.at("unit").nonempty_string();
    const Unit* unit = nullptr;
    for (const auto& u : s.units)
      if (u.name == rec.unit) unit = &u;
    if (!unit) n.at("unit").fail(ErrorCode::unknown_reference, "no unit in \"units\" is named \"" + rec.unit + "\"");
    rec.deliverable = n.at("deliverable").nonempty_string();
    const Deliverable* del = programme.find_deliverable(rec.deliverable);
    if (!del)
      n.at("deliverable").fail(ErrorCode::unknown_reference, "the programme has no deliverable \"" + rec.deliverable + "\"");
    if (!del->is_per_unit() ||
        std::find(del->each.begin(), del->each.end(), unit->kind) == del->each.end())
      n.at("deliverable").fail(ErrorCode::invalid_value, "\"" + rec.deliverable + "\" is not owed by a " +
                                                             to_string(unit->kind) + " (" + del->from + ")");
    rec.date = n.at("date").date();
    rec.note = detail::optional_string(n, "note");
    s.submissions.push_back(std::move(rec));
  }
  return s;
}

Submissions Submissions::from_file(const std::string& path, const Programme& programme) {
  return from_json(detail::read_file(path), programme, path);
}

}  // namespace jianzheng

// --- JSON answers ----------------------------------------------------------------------
namespace jianzheng {
namespace {

namespace json = boost::json;

json::object programme_head(const Programme& p) {
  json::object o;
  o["id"] = p.id();
  o["title"] = p.title();
  o["jurisdiction"] = p.jurisdiction();
  o["start"] = p.start().to_string();
  o["end"] = p.end().to_string();
  return o;
}

}  // namespace

std::string schedule_json(const Programme& programme, Date at, const WorkCalendar& calendar) {
  json::object o;
  o["at"] = at.to_string();
  o["programme"] = programme_head(programme);
  json::array phases, active;
  for (const auto& p : programme.phases()) {
    json::object x;
    x["id"] = p.id;
    x["path"] = p.path;
    x["name"] = p.name;
    x["window_text"] = p.window_text;
    x["start"] = p.start.to_string();
    x["end"] = p.end.to_string();
    x["open_ended"] = p.open_ended;
    const PhaseState state = Programme::state_at(p, at);
    x["state"] = to_string(state);
    json::array dels;
    for (const auto& d : programme.deliverables())
      if (d.phase == p.id) dels.push_back(json::value(d.id));
    x["deliverables"] = std::move(dels);
    if (state == PhaseState::active) active.push_back(json::value(p.id));
    phases.push_back(std::move(x));
  }
  o["phases"] = std::move(phases);
  o["active"] = std::move(active);
  if (const Deliverable* d = programme.next_deadline(at)) {
    json::object n;
    n["date"] = d->due.to_string();
    n["phase"] = d->phase;
    n["deliverable"] = d->id;
    n["what"] = d->what;
    n["from"] = d->from;
    n["to"] = detail::string_or_null(d->to);
    n["days_left"] = d->due.days() - at.days();
    // Working days after `at` up to the deadline, when the calendar knows them all.
    const bool known = calendar.uncovered_years(at.plus_days(1), d->due).empty() || at == d->due;
    n["working_days_left"] = known ? json::value(calendar.working_days_between(at, d->due)) : json::value(nullptr);
    o["next_deadline"] = std::move(n);
  } else {
    o["next_deadline"] = nullptr;
  }
  return detail::canonical(o);
}

std::string unit_status_json(const Programme& programme, const std::vector<UnitStatus>& statuses, Date at) {
  json::object o;
  o["at"] = at.to_string();
  o["programme"] = programme_head(programme);
  json::array units;
  json::object summary;
  for (auto st : {UnitState::on_time, UnitState::late, UnitState::missing, UnitState::not_yet_due})
    summary[to_string(st)] = 0;
  for (const auto& s : statuses) {
    json::object x;
    x["unit"] = s.unit;
    x["kind"] = to_string(s.kind);
    x["deliverable"] = s.deliverable;
    x["phase"] = s.phase;
    x["due"] = s.due.to_string();
    x["state"] = to_string(s.state);
    x["submitted"] = detail::optional_date(s.submitted);
    x["days_late"] = s.days_late;
    units.push_back(std::move(x));
    summary[to_string(s.state)] = summary[to_string(s.state)].as_int64() + 1;
  }
  o["units"] = std::move(units);
  o["summary"] = std::move(summary);
  return detail::canonical(o);
}

}  // namespace jianzheng

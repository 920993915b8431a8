// JSON of list diffs and histories (四（四）).
#include "jianzheng/list_diff.hpp"
#include "json/json_io.hpp"

namespace jianzheng {
namespace {

namespace json = boost::json;

json::value change_json(const ItemChange& c) {
  json::object o;
  o["kind"] = to_string(c.kind);
  o["item"] = c.item;
  o["name"] = c.name;
  o["disposition"] = to_string(c.disposition);
  if (c.kind == ItemChangeKind::changed) {
    json::array fields;
    for (const auto& f : c.fields) {
      json::object fo;
      fo["field"] = f.field;
      fo["before"] = f.before;
      fo["after"] = f.after;
      fields.push_back(std::move(fo));
    }
    o["fields"] = std::move(fields);
  }
  return o;
}

json::value flag_json(const MechanismFlag& f) {
  json::object o;
  o["kind"] = to_string(f.kind);
  o["name_zh"] = chinese_name(f.kind);
  o["item"] = f.item;
  o["name"] = f.name;
  o["version"] = f.version;
  o["removed_in"] = f.removed_in.empty() ? json::value(nullptr) : json::value(f.removed_in);
  o["has_qualifying_basis"] = f.has_qualifying_basis;
  o["why"] = f.why;
  o["clause"] = f.clause;
  return o;
}

json::object diff_json(const ListDiff& d) {
  json::object o;
  o["older"] = d.older;
  o["newer"] = d.newer;
  auto list = [](const std::vector<ItemChange>& v) {
    json::array a;
    for (const auto& c : v) a.push_back(change_json(c));
    return a;
  };
  o["added"] = list(d.added);
  o["removed"] = list(d.removed);
  o["changed"] = list(d.changed);
  json::array flags;
  for (const auto& f : d.flags) flags.push_back(flag_json(f));
  o["flags"] = std::move(flags);
  return o;
}

}  // namespace

std::string to_json(const ListDiff& d) { return detail::canonical(diff_json(d)); }

std::string to_json(const ListHistory& h) {
  json::object o;
  json::array versions;
  for (const auto& v : h.versions) versions.emplace_back(v);
  o["versions"] = std::move(versions);
  json::array steps;
  for (const auto& s : h.steps) steps.push_back(diff_json(s));
  o["steps"] = std::move(steps);
  json::array flags;
  for (const auto& f : h.flags) flags.push_back(flag_json(f));
  o["flags"] = std::move(flags);
  return detail::canonical(o);
}

}  // namespace jianzheng

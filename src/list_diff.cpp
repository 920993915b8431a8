// List diff and the long-term mechanism (四（四）): 边减边增、明减暗增、先减后增.
// JSON lives in src/json/list_diff_json.cpp.
#include "jianzheng/list_diff.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "enum_names.hpp"
#include "jianzheng/error.hpp"

namespace jianzheng {
namespace {

constexpr detail::EnumNames<ItemChangeKind, 3> kItemChangeNames{{
    {ItemChangeKind::added, "added"},
    {ItemChangeKind::removed, "removed"},
    {ItemChangeKind::changed, "changed"},
}};

constexpr detail::EnumNames<MechanismFlagKind, 3> kFlagNames{{
    {MechanismFlagKind::added_without_basis, "added_without_basis"},
    {MechanismFlagKind::covert_readd, "covert_readd"},
    {MechanismFlagKind::removed_then_readded, "removed_then_readded"},
}};

// The name without a trailing purpose in parentheses: "亲属关系证明（用于办理公证）" →
// "亲属关系证明". Published lists keep carve-out certificates under such names, so a re-added
// certificate is recognised by its stem.
std::string stem(const std::string& name) {
  for (std::string_view open : {"（", "("}) {
    auto p = name.find(open);
    if (p != std::string::npos && p > 0) return name.substr(0, p);
  }
  return name;
}

std::vector<std::string> stems(const Item& item) {
  std::vector<std::string> out{stem(item.name)};
  for (const auto& a : item.aliases) out.push_back(stem(a.name));
  return out;
}

bool shares_stem(const Item& a, const Item& b) {
  const auto sa = stems(a), sb = stems(b);
  for (const auto& x : sa)
    if (!x.empty() && std::find(sb.begin(), sb.end(), x) != sb.end()) return true;
  return false;
}

// 二（二）1 / 二（一）1: a basis qualifies when its level is in the catalog's setting.
bool has_qualifying_basis(const Item& item, const Settings& settings) {
  return std::any_of(item.bases.begin(), item.bases.end(), [&](const LegalBasis& b) {
    return std::find(settings.qualifying_levels.begin(), settings.qualifying_levels.end(),
                     b.level) != settings.qualifying_levels.end();
  });
}

std::string render_bases(const std::vector<LegalBasis>& bases) {
  std::string out;
  for (const auto& b : bases) {
    if (!out.empty()) out += "；";
    out += b.title + b.article + "（" + to_string(b.level) + "）";
  }
  return out;
}

std::string render_aliases(const std::vector<Alias>& aliases) {
  std::string out;
  for (const auto& a : aliases) out += (out.empty() ? "" : "、") + a.name;
  return out;
}

std::string render_carve_outs(const std::vector<CarveOut>& cs) {
  std::string out;
  for (const auto& c : cs) out += (out.empty() ? "" : "、") + c.scenario;
  return out;
}

std::string render_opt(const std::optional<int>& v) { return v ? std::to_string(*v) : ""; }

std::vector<FieldChange> compare(const Item& a, const Item& b) {
  std::vector<FieldChange> out;
  auto field = [&](const char* name, const std::string& x, const std::string& y) {
    if (x != y) out.push_back(FieldChange{name, x, y});
  };
  field("name", a.name, b.name);
  field("disposition", to_string(a.disposition), to_string(b.disposition));
  field("aliases", render_aliases(a.aliases), render_aliases(b.aliases));
  field("purpose", a.purpose, b.purpose);
  field("bases", render_bases(a.bases), render_bases(b.bases));
  field("complexity", a.complexity ? to_string(*a.complexity) : "",
        b.complexity ? to_string(*b.complexity) : "");
  field("limit_working_days", render_opt(a.limit_working_days), render_opt(b.limit_working_days));
  field("route", a.route.text, b.route.text);
  field("carve_outs", render_carve_outs(a.carve_outs), render_carve_outs(b.carve_outs));
  field("codes",
        a.codes.basic_code + "/" + a.codes.implementation_code + "/" + a.codes.business_item_code,
        b.codes.basic_code + "/" + b.codes.implementation_code + "/" + b.codes.business_item_code);
  auto validity = [](const Validity& v) {
    return (v.from ? v.from->to_string() : "") + ".." + (v.until ? v.until->to_string() : "");
  };
  field("validity", validity(a.validity), validity(b.validity));
  return out;
}

const Item* by_id(const std::vector<Item>& items, const std::string& id) {
  for (const auto& i : items)
    if (i.id == id) return &i;
  return nullptr;
}

ItemChange change_of(ItemChangeKind kind, const Item& item) {
  ItemChange c;
  c.kind = kind;
  c.item = item.id;
  c.name = item.name;
  c.disposition = item.disposition;
  return c;
}

// Whether `version` holds the item (same id, or a by-committee item with the same stem).
bool holds(const CatalogLayer& version, const Item& item) {
  return std::any_of(version.items.begin(), version.items.end(), [&](const Item& i) {
    return i.id == item.id ||
           (i.disposition == Disposition::by_committee && i.name == item.name);
  });
}

// The items a version keeps: a layer may retire one of its own items by a dated change
// instead of deleting it; for comparing lists, a retired item is no longer on the list.
CatalogLayer kept(const CatalogLayer& layer) {
  CatalogLayer out = layer;
  out.items.clear();
  for (const auto& item : layer.items) {
    const bool retired = std::any_of(layer.changes.begin(), layer.changes.end(), [&](const Change& c) {
      return c.kind == ChangeKind::retire && c.item == item.id;
    });
    if (!retired) out.items.push_back(item);
  }
  return out;
}

ListDiff diff_kept(const CatalogLayer& older, const CatalogLayer& newer, const Settings& settings,
                   const std::vector<Item>& listed);

}  // namespace

const char* to_string(ItemChangeKind k) noexcept { return kItemChangeNames.name(k); }
const char* to_string(MechanismFlagKind k) noexcept { return kFlagNames.name(k); }
const char* chinese_name(MechanismFlagKind k) noexcept {
  switch (k) {
    case MechanismFlagKind::added_without_basis: return "边减边增";
    case MechanismFlagKind::covert_readd: return "明减暗增";
    case MechanismFlagKind::removed_then_readded: return "先减后增";
  }
  return "";
}

ListDiff diff(const CatalogLayer& older, const CatalogLayer& newer, const Settings& settings,
              const std::vector<Item>& listed) {
  return diff_kept(kept(older), kept(newer), settings, listed);
}

namespace {

ListDiff diff_kept(const CatalogLayer& older, const CatalogLayer& newer, const Settings& settings,
                   const std::vector<Item>& listed) {
  ListDiff d;
  d.older = older.provenance.id;
  d.newer = newer.provenance.id;
  for (const auto& item : older.items)
    if (!by_id(newer.items, item.id)) d.removed.push_back(change_of(ItemChangeKind::removed, item));
  for (const auto& item : newer.items) {
    const Item* before = by_id(older.items, item.id);
    if (!before) {
      d.added.push_back(change_of(ItemChangeKind::added, item));
      continue;
    }
    auto fields = compare(*before, item);
    if (!fields.empty()) {
      auto c = change_of(ItemChangeKind::changed, item);
      c.fields = std::move(fields);
      d.changed.push_back(std::move(c));
    }
  }
  // 四（四）: only a new demand on committees is an increase; an added no-issue item is not.
  auto new_demand = [&](const Item& item) { return item.disposition == Disposition::by_committee; };
  auto flag_added = [&](const Item& item) {
    const bool basis = has_qualifying_basis(item, settings);
    if (basis) return;  // 二（一）1: an item with a qualifying basis is lawfully added.
    MechanismFlag f;
    f.item = item.id;
    f.name = item.name;
    f.version = newer.provenance.id;
    f.has_qualifying_basis = false;
    // 明减暗增: it brings back, under its name, a certificate just removed or on a no-issue list.
    const Item* match = nullptr;
    for (const auto& r : older.items)
      if (!by_id(newer.items, r.id) && shares_stem(r, item)) { match = &r; break; }
    if (!match)
      for (const auto& l : listed)
        if (l.disposition == Disposition::not_by_committee && shares_stem(l, item)) { match = &l; break; }
    if (match) {
      f.kind = MechanismFlagKind::covert_readd;
      f.removed_in = match->id;
      f.why = "新增事项“" + item.name + "”没有符合条件的法律法规依据，却以同名或加注用途的名称恢复了已取消或列入不应出具清单的证明“" +
              match->name + "”（明减暗增，四（四））";
    } else {
      f.kind = MechanismFlagKind::added_without_basis;
      f.why = "新增由村（社区）出具的事项“" + item.name +
              "”没有符合条件的法律法规依据（二（二）1），属边减边增（四（四））";
    }
    d.flags.push_back(std::move(f));
  };
  for (const auto& a : d.added) {
    const Item& item = *by_id(newer.items, a.item);
    if (new_demand(item)) flag_added(item);
  }
  // An item that becomes by-committee in place is an addition to the committees' list too.
  for (const auto& c : d.changed) {
    const Item& item = *by_id(newer.items, c.item);
    const Item& before = *by_id(older.items, c.item);
    if (new_demand(item) && !new_demand(before)) flag_added(item);
  }
  return d;
}

}  // namespace

ListHistory diff_history(const std::vector<CatalogLayer>& all_versions, const Settings& settings,
                         const std::vector<Item>& listed) {
  std::vector<CatalogLayer> versions;
  for (const auto& v : all_versions) versions.push_back(kept(v));
  if (versions.size() < 2)
    throw Error(ErrorCode::invalid_argument, "versions",
                "a history needs at least two versions of the list (至少需要两个版本)");
  ListHistory h;
  for (const auto& v : versions) h.versions.push_back(v.provenance.id);
  for (std::size_t i = 0; i + 1 < versions.size(); ++i) {
    h.steps.push_back(diff_kept(versions[i], versions[i + 1], settings, listed));
    for (const auto& f : h.steps.back().flags) h.flags.push_back(f);
  }
  // 先减后增: for each version k, an item present in k, absent in k-1 (or some j < k), and
  // present in some i < j. Flag once per re-adding version.
  for (std::size_t k = 2; k < versions.size(); ++k) {
    for (const auto& item : versions[k].items) {
      if (item.disposition != Disposition::by_committee) continue;
      if (holds(versions[k - 1], item)) continue;  // not re-added in k: already there in k-1
      // The last earlier version that held it; the one after it is where it was removed.
      std::optional<std::size_t> present;
      for (std::size_t i = k - 1; i-- > 0;)
        if (holds(versions[i], item)) { present = i; break; }
      if (!present) continue;
      const std::optional<std::size_t> absent = *present + 1;
      MechanismFlag f;
      f.kind = MechanismFlagKind::removed_then_readded;
      f.item = item.id;
      f.name = item.name;
      f.version = versions[k].provenance.id;
      f.removed_in = versions[*absent].provenance.id;
      f.has_qualifying_basis = has_qualifying_basis(item, settings);
      f.why = "事项“" + item.name + "”在" + versions[*present].provenance.id + "中已有、在" +
              versions[*absent].provenance.id + "中取消、又在" + versions[k].provenance.id +
              "中恢复（先减后增，四（四））" +
              (f.has_qualifying_basis ? "；恢复时有符合条件的依据，请核实依据是否为新设"
                                      : "；恢复时没有符合条件的法律法规依据");
      h.flags.push_back(std::move(f));
    }
  }
  // By version (in history order), then by item id.
  auto version_index = [&](const std::string& id) {
    return std::find(h.versions.begin(), h.versions.end(), id) - h.versions.begin();
  };
  std::stable_sort(h.flags.begin(), h.flags.end(), [&](const MechanismFlag& a, const MechanismFlag& b) {
    auto va = version_index(a.version), vb = version_index(b.version);
    if (va != vb) return va < vb;
    return a.item < b.item;
  });
  return h;
}

}  // namespace jianzheng

#include "jianzheng/catalog.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <mutex>
#include <set>

#include "file_io.hpp"
#include "catalog_stack.hpp"
#include "embedded_data.hpp"
#include "enum_names.hpp"

namespace jianzheng {
namespace {

constexpr detail::EnumNames<JurisdictionLevel, 4> kLevelNames{{
    {JurisdictionLevel::national, "national"},
    {JurisdictionLevel::province, "province"},
    {JurisdictionLevel::city, "city"},
    {JurisdictionLevel::county, "county"},
}};

constexpr detail::EnumNames<CarveOutMatching, 2> kMatchingNames{{
    {CarveOutMatching::any_word, "any_word"},
    {CarveOutMatching::scenario, "scenario"},
}};

constexpr detail::EnumNames<ChangeKind, 4> kChangeNames{{
    {ChangeKind::rename, "rename"},
    {ChangeKind::retire, "retire"},
    {ChangeKind::end_carve_out, "end_carve_out"},
    {ChangeKind::route_note, "route_note"},
}};

// The default stack, base first. Files are parsed in order, each checked against the ones
// below it, so the embedded data gets exactly the checks a county's files get.
constexpr const char* kDefaultLayerFiles[] = {
    "catalog/national-batch1.json",
    "catalog/national-aliases.json",
    "catalog/national-amendments.json",
};

bool is_blank(const std::string& s) { return s.find_first_not_of(" \t\r\n") == std::string::npos; }

// Stable ids are ASCII: lower-case letters, digits, '-', '_' and '.', starting with a letter
// or digit — they appear in URLs, file names and receipts.
bool is_valid_id(const std::string& id) {
  if (id.empty() || !std::isalnum(static_cast<unsigned char>(id[0]))) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return (std::islower(u) || std::isdigit(u) || c == '-' || c == '_' || c == '.');
  });
}

std::string item_ptr(std::size_t i) { return "/items/" + std::to_string(i); }

void check_validity(const Validity& v, const std::string& pointer, std::size_t layer,
                    const detail::StackFail& fail) {
  if (v.from && v.until && !(*v.from < *v.until))
    fail(layer, ErrorCode::invalid_value, pointer + "/until",
         "\"until\" (" + v.until->to_string() + ", the first day no longer in force) must be after \"from\" (" +
             v.from->to_string() + ")");
}

// Everything about one item that needs no other item.
void check_item(const Item& it, const std::string& p, std::size_t layer, const detail::StackFail& fail) {
  if (!is_valid_id(it.id))
    fail(layer, ErrorCode::invalid_value, p + "/id",
         "item id \"" + it.id + "\" must be lower-case ASCII letters, digits and '-' (e.g. \"marital-status\")");
  if (is_blank(it.name)) fail(layer, ErrorCode::invalid_value, p + "/name", "the item's name must not be empty");
  if (it.seq < 0) fail(layer, ErrorCode::invalid_value, p + "/seq", "the list number (序号) must be 0 or more");
  std::set<std::string> seen{it.name};
  for (std::size_t j = 0; j < it.aliases.size(); ++j) {
    const std::string ap = p + "/aliases/" + std::to_string(j) + "/name";
    if (is_blank(it.aliases[j].name)) fail(layer, ErrorCode::invalid_value, ap, "an alias must not be empty");
    if (!seen.insert(it.aliases[j].name).second)
      fail(layer, ErrorCode::duplicate_id, ap,
           "\"" + it.aliases[j].name + "\" is already a name of item \"" + it.id + "\"; list each name once");
  }
  std::set<std::string> scenarios;
  for (std::size_t j = 0; j < it.carve_outs.size(); ++j) {
    const auto& c = it.carve_outs[j];
    const std::string cp = p + "/carve_outs/" + std::to_string(j);
    if (is_blank(c.scenario)) fail(layer, ErrorCode::invalid_value, cp + "/scenario", "a carve-out needs its scenario (e.g. \"公证\")");
    if (!scenarios.insert(c.scenario).second)
      fail(layer, ErrorCode::duplicate_id, cp + "/scenario",
           "item \"" + it.id + "\" already has a carve-out \"" + c.scenario + "\"");
    const std::pair<const char*, const std::vector<std::string>*> patterns[] = {
        {"/words/", &c.words}, {"/hints/", &c.hints}, {"/look_alikes/", &c.look_alikes}};
    for (const auto& [key, list] : patterns)
      for (std::size_t k = 0; k < list->size(); ++k)
        if (is_blank((*list)[k]))
          fail(layer, ErrorCode::invalid_value, cp + key + std::to_string(k), "a recognising word must not be empty");
    check_validity(c.validity, cp, layer, fail);
  }
  if (it.limit_working_days && *it.limit_working_days < 1)
    fail(layer, ErrorCode::invalid_value, p + "/limit_working_days", "a time limit is at least 1 working day");
  check_validity(it.validity, p, layer, fail);
}

}  // namespace

const char* to_string(JurisdictionLevel v) noexcept { return kLevelNames.name(v); }
std::optional<JurisdictionLevel> jurisdiction_level_from_string(std::string_view s) noexcept { return kLevelNames.parse(s); }
const char* to_string(CarveOutMatching v) noexcept { return kMatchingNames.name(v); }
std::optional<CarveOutMatching> carve_out_matching_from_string(std::string_view s) noexcept { return kMatchingNames.parse(s); }
const char* to_string(ChangeKind v) noexcept { return kChangeNames.name(v); }
std::optional<ChangeKind> change_kind_from_string(std::string_view s) noexcept { return kChangeNames.parse(s); }

bool Settings::qualifies(BasisLevel level) const noexcept {
  return std::find(qualifying_levels.begin(), qualifying_levels.end(), level) != qualifying_levels.end();
}

void SettingsPatch::apply_to(Settings& s) const {
  if (qualifying_levels) s.qualifying_levels = *qualifying_levels;
  if (public_interest_needs_item_basis) s.public_interest_needs_item_basis = *public_interest_needs_item_basis;
  if (carve_out_matching) s.carve_out_matching = *carve_out_matching;
  if (default_limit_working_days) s.default_limit_working_days = *default_limit_working_days;
}

SettingsPatch SettingsPatch::from(const Settings& s) {
  SettingsPatch p;
  p.qualifying_levels = s.qualifying_levels;
  p.public_interest_needs_item_basis = s.public_interest_needs_item_basis;
  p.carve_out_matching = s.carve_out_matching;
  p.default_limit_working_days = s.default_limit_working_days;
  return p;
}

// ---------------------------------------------------------------------------------------
// Checking a stack

void detail::validate_stack(const std::vector<const CatalogLayer*>& stack, std::size_t first,
                            const StackFail& fail) {
  struct Owner {
    std::string item;
    std::size_t layer;
    std::string pointer;
  };
  std::map<std::string, std::size_t> layer_ids;           // layer id → index
  std::map<std::string, std::pair<std::size_t, std::size_t>> items;  // item id → (layer, index)
  std::map<std::string, Owner> names;                     // every name ever attached → its item

  // A name may be attached to one item only, on every date: checking all names ever
  // attached (names, aliases, rename targets) keeps the check independent of the date.
  const auto claim = [&](const std::string& name, const std::string& item, std::size_t layer,
                         const std::string& pointer) {
    auto [it, fresh] = names.emplace(name, Owner{item, layer, pointer});
    if (!fresh && it->second.item != item && layer >= first)
      fail(layer, ErrorCode::alias_collision, pointer,
           "\"" + name + "\" already names item \"" + it->second.item + "\" (layer \"" +
               stack[it->second.layer]->provenance.id + "\", " + it->second.pointer +
               "); one name cannot point at two items — remove it here or there");
  };
  const auto find_item = [&](const std::string& id) -> const Item* {
    auto it = items.find(id);
    return it == items.end() ? nullptr : &stack[it->second.first]->items[it->second.second];
  };

  for (std::size_t l = 0; l < stack.size(); ++l) {
    const CatalogLayer& layer = *stack[l];
    const bool checking = l >= first;
    const auto& pv = layer.provenance;
    if (checking) {
      if (!is_valid_id(pv.id))
        fail(l, ErrorCode::invalid_value, "/catalog/id",
             "layer id \"" + pv.id + "\" must be lower-case ASCII letters, digits and '-' (e.g. \"cn-gansu-sunan\")");
      if (layer_ids.count(pv.id))
        fail(l, ErrorCode::duplicate_id, "/catalog/id", "a layer \"" + pv.id + "\" is already in the stack; give this one its own id");
      if (l == 0 && !layer.extends.empty())
        fail(l, ErrorCode::unknown_reference, "/extends",
             "this layer extends \"" + layer.extends + "\", which is not loaded below it; load that layer first");
      if (l > 0 && layer.extends.empty())
        fail(l, ErrorCode::invalid_value, "/extends",
             "a base layer (no \"extends\") must come first; set \"extends\" to the id of the layer below (\"" +
                 stack[l - 1]->provenance.id + "\")");
      if (l > 0 && !layer_ids.count(layer.extends))
        fail(l, ErrorCode::unknown_reference, "/extends",
             "this layer extends \"" + layer.extends + "\", which is not loaded below it (loaded: " +
                 [&] {
                   std::string s;
                   for (std::size_t k = 0; k < l; ++k) s += (k ? ", " : "") + stack[k]->provenance.id;
                   return s;
                 }() + ")");
      check_validity(pv.validity, "/catalog", l, fail);
      const auto& st = layer.settings;
      if (st.default_limit_working_days && *st.default_limit_working_days < 1)
        fail(l, ErrorCode::invalid_value, "/settings/default_limit_working_days", "a time limit is at least 1 working day");
      if (st.qualifying_levels) {
        std::set<BasisLevel> seen;
        for (std::size_t k = 0; k < st.qualifying_levels->size(); ++k)
          if (!seen.insert((*st.qualifying_levels)[k]).second)
            fail(l, ErrorCode::invalid_value, "/settings/qualifying_levels/" + std::to_string(k), "a level is listed twice");
      }
    }
    layer_ids.emplace(pv.id, l);

    // List numbers are unique per list: one layer may carry a by-committee list and a
    // no-issue list, each numbered from 1.
    std::map<std::pair<Disposition, int>, std::size_t> seqs;
    for (std::size_t i = 0; i < layer.items.size(); ++i) {
      const Item& it = layer.items[i];
      const std::string p = item_ptr(i);
      if (checking) {
        check_item(it, p, l, fail);
        if (auto prev = items.find(it.id); prev != items.end())
          fail(l, ErrorCode::duplicate_id, p + "/id",
               "item \"" + it.id + "\" is already defined (layer \"" + stack[prev->second.first]->provenance.id +
                   "\", /items/" + std::to_string(prev->second.second) +
                   "); a layer adds new items — use a rename or an alias to change an existing one");
        if (it.seq > 0) {
          if (auto s = seqs.find({it.disposition, it.seq}); s != seqs.end())
            fail(l, ErrorCode::duplicate_id, p + "/seq",
                 "list number " + std::to_string(it.seq) + " of the " + to_string(it.disposition) +
                     " list is already used by item \"" + layer.items[s->second].id + "\" in this layer");
        }
      }
      items.emplace(it.id, std::make_pair(l, i));
      if (it.seq > 0) seqs.emplace(std::make_pair(it.disposition, it.seq), i);
      claim(it.name, it.id, l, p + "/name");
      for (std::size_t j = 0; j < it.aliases.size(); ++j)
        claim(it.aliases[j].name, it.id, l, p + "/aliases/" + std::to_string(j) + "/name");
    }

    std::set<std::pair<std::string, std::string>> table;
    for (std::size_t i = 0; i < layer.aliases.size(); ++i) {
      const AliasEntry& a = layer.aliases[i];
      const std::string p = "/aliases/" + std::to_string(i);
      if (checking) {
        if (!find_item(a.item))
          fail(l, ErrorCode::unknown_reference, p + "/item",
               "no item \"" + a.item + "\" in this layer or below; check the id (e.g. \"marital-status\")");
        if (is_blank(a.alias.name)) fail(l, ErrorCode::invalid_value, p + "/name", "an alias must not be empty");
        if (!table.emplace(a.item, a.alias.name).second)
          fail(l, ErrorCode::duplicate_id, p + "/name", "\"" + a.alias.name + "\" is listed twice for item \"" + a.item + "\"");
      }
      claim(a.alias.name, a.item, l, p + "/name");
    }

    if (checking) {
      // A platform purpose code stands for a carve-out scenario of some item in this layer or
      // below (the request names the item; the code names its scenario).
      std::set<std::string> codes;
      for (std::size_t i = 0; i < layer.purpose_codes.size(); ++i) {
        const PurposeCode& pc = layer.purpose_codes[i];
        const std::string p = "/purpose_codes/" + std::to_string(i);
        if (is_blank(pc.code)) fail(l, ErrorCode::invalid_value, p + "/code", "a purpose code must not be empty");
        if (!codes.insert(pc.code).second)
          fail(l, ErrorCode::duplicate_id, p + "/code", "purpose code \"" + pc.code + "\" is listed twice in this layer");
        bool known = false;
        for (std::size_t k = 0; k <= l && !known; ++k)
          for (const Item& it : stack[k]->items)
            for (const CarveOut& co : it.carve_outs) known = known || co.scenario == pc.scenario;
        if (!known)
          fail(l, ErrorCode::unknown_reference, p + "/scenario",
               "no item in this layer or below has a carve-out \"" + pc.scenario + "\"");
      }
    }

    for (std::size_t i = 0; i < layer.changes.size(); ++i) {
      const Change& c = layer.changes[i];
      const std::string p = "/changes/" + std::to_string(i);
      const Item* target = find_item(c.item);
      if (checking && !target)
        fail(l, ErrorCode::unknown_reference, p + "/item",
             "no item \"" + c.item + "\" in this layer or below; check the id (e.g. \"property\")");
      switch (c.kind) {
        case ChangeKind::rename:
          if (checking && is_blank(c.name)) fail(l, ErrorCode::invalid_value, p + "/name", "a rename needs the new name");
          claim(c.name, c.item, l, p + "/name");
          break;
        case ChangeKind::end_carve_out:
          if (checking && !c.from)
            fail(l, ErrorCode::invalid_value, p + "/from", "an end_carve_out needs \"from\", the first day the carve-out no longer applies");
          if (checking && target &&
              std::none_of(target->carve_outs.begin(), target->carve_outs.end(),
                           [&](const CarveOut& co) { return co.scenario == c.scenario; })) {
            std::string known;
            for (const auto& co : target->carve_outs) known += (known.empty() ? "" : ", ") + co.scenario;
            fail(l, ErrorCode::unknown_reference, p + "/scenario",
                 "item \"" + c.item + "\" has no carve-out \"" + c.scenario + "\" (it has: " +
                     (known.empty() ? std::string("none") : known) + ")");
          }
          break;
        case ChangeKind::route_note:
          if (checking && is_blank(c.text)) fail(l, ErrorCode::invalid_value, p + "/text", "a route note needs its text");
          break;
        case ChangeKind::retire:
          break;
      }
    }
  }
}

// ---------------------------------------------------------------------------------------
// Composition

Catalog::Catalog() : as_of_(Date::today()) {}

Catalog Catalog::compose(const std::vector<CatalogLayer>& layers, std::optional<Date> as_of) {
  std::vector<const CatalogLayer*> stack;
  stack.reserve(layers.size());
  for (const auto& l : layers) stack.push_back(&l);
  detail::validate_stack(stack, 0, [&](std::size_t l, ErrorCode code, const std::string& pointer, const std::string& msg) {
    throw Error(code, Location{"layer:" + layers[l].provenance.id, pointer, 0, 0}, msg);
  });

  Catalog cat;
  const Date day = as_of ? *as_of : Date::today();
  cat.as_of_ = day;
  std::set<Date> later;  // breakpoints
  const auto note_date = [&](const std::optional<Date>& d) {
    if (d && day < *d) later.insert(*d);
  };

  struct Slot {
    Item item;
    bool present = true;        // in force on `day`
    bool original_name = true;  // the name it was listed under
    bool from_base = false;     // listed by the base layer (its names are the policy's)
  };
  std::vector<Slot> slots;
  std::map<std::string, std::size_t> slot_of;

  for (std::size_t l = 0; l < layers.size(); ++l) {
    const CatalogLayer& layer = layers[l];
    note_date(layer.provenance.validity.from);
    note_date(layer.provenance.validity.until);
    // Dates inside a layer count even while the layer is not yet in force, so an engine
    // knows every date ahead at which to recompose (an extra one only costs a recompose).
    for (const Item& it : layer.items) {
      note_date(it.validity.from);
      note_date(it.validity.until);
    }
    for (const Change& c : layer.changes)
      if (c.kind == ChangeKind::rename || c.kind == ChangeKind::retire) note_date(c.from);
    // A layer not in force on the day contributes nothing; items it adds are absent, and
    // changes above that name them are skipped (they were checked date-independently).
    if (!layer.provenance.validity.contains(day)) continue;
    cat.provenance_.push_back(layer.provenance);
    layer.settings.apply_to(cat.settings_);
    for (const PurposeCode& pc : layer.purpose_codes) {
      auto known = std::find_if(cat.purpose_codes_.begin(), cat.purpose_codes_.end(),
                                [&](const PurposeCode& x) { return x.code == pc.code; });
      if (known != cat.purpose_codes_.end()) known->scenario = pc.scenario;  // the upper layer wins
      else cat.purpose_codes_.push_back(pc);
    }

    for (const Item& it : layer.items) {
      Slot s{it, it.validity.contains(day), true, l == 0};
      s.item.layer = layer.provenance.id;
      slot_of[it.id] = slots.size();
      slots.push_back(std::move(s));
    }
    for (const AliasEntry& a : layer.aliases) {
      auto f = slot_of.find(a.item);
      if (f == slot_of.end()) continue;
      Item& it = slots[f->second].item;
      const bool known = it.name == a.alias.name ||
                         std::any_of(it.aliases.begin(), it.aliases.end(),
                                     [&](const Alias& x) { return x.name == a.alias.name; });
      if (!known) it.aliases.push_back(a.alias);
    }
    for (const Change& c : layer.changes) {
      auto f = slot_of.find(c.item);
      if (f == slot_of.end()) continue;
      Slot& s = slots[f->second];
      Item& it = s.item;
      const bool in_force = !c.from || *c.from <= day;
      switch (c.kind) {
        case ChangeKind::rename: {
          if (!in_force || it.name == c.name) break;
          // The old name stays findable as an alias; the new name stops being one.
          const AliasSource src = s.original_name && s.from_base ? AliasSource::seed : AliasSource::added;
          it.aliases.erase(std::remove_if(it.aliases.begin(), it.aliases.end(),
                                          [&](const Alias& x) { return x.name == c.name; }),
                           it.aliases.end());
          it.aliases.push_back(Alias{it.name, src});
          it.name = c.name;
          s.original_name = false;
          break;
        }
        case ChangeKind::retire:
          if (in_force) {
            s.present = false;
          } else if (!it.validity.until || *c.from < *it.validity.until) {
            it.validity.until = c.from;  // known now, so decisions can see the end coming
          }
          break;
        case ChangeKind::end_carve_out:
          // Kept with its own window rather than dropped: a request dated before the end
          // still gets the carve-out (decisions check CarveOut::validity by request date).
          for (CarveOut& co : it.carve_outs) {
            if (co.scenario != c.scenario) continue;
            if (!co.validity.until || *c.from < *co.validity.until) co.validity.until = c.from;
            std::string note = c.text;
            if (!c.source.empty()) note += std::string("（") + c.source + "）";
            co.note += (co.note.empty() ? "" : "\n") + note;
          }
          break;
        case ChangeKind::route_note:
          it.route.notes.push_back(RouteNote{c.text, c.source, Validity{c.from, std::nullopt}});
          break;
      }
    }
  }

  for (Slot& s : slots)
    if (s.present) cat.items_.push_back(std::move(s.item));
  std::sort(cat.items_.begin(), cat.items_.end(), [](const Item& a, const Item& b) {
    const bool an = a.seq == 0, bn = b.seq == 0;
    if (an != bn) return bn;
    if (a.seq != b.seq) return a.seq < b.seq;
    return a.id < b.id;
  });
  cat.breakpoints_.assign(later.begin(), later.end());
  std::sort(cat.purpose_codes_.begin(), cat.purpose_codes_.end(),
            [](const PurposeCode& a, const PurposeCode& b) { return a.code < b.code; });
  cat.build_index();
  return cat;
}

void Catalog::build_index() {
  by_id_.resize(items_.size());
  for (std::uint32_t i = 0; i < by_id_.size(); ++i) by_id_[i] = i;
  std::sort(by_id_.begin(), by_id_.end(), [&](std::uint32_t a, std::uint32_t b) { return items_[a].id < items_[b].id; });
  by_name_.clear();
  for (std::uint32_t i = 0; i < items_.size(); ++i) {
    by_name_.emplace_back(items_[i].name, i);
    for (const auto& a : items_[i].aliases) by_name_.emplace_back(a.name, i);
  }
  std::sort(by_name_.begin(), by_name_.end());
}

const Item* Catalog::find(std::string_view id) const noexcept {
  auto it = std::lower_bound(by_id_.begin(), by_id_.end(), id,
                             [&](std::uint32_t i, std::string_view key) { return std::string_view(items_[i].id) < key; });
  if (it == by_id_.end() || items_[*it].id != id) return nullptr;
  return &items_[*it];
}

const std::string* Catalog::scenario_of_code(std::string_view code) const noexcept {
  auto it = std::lower_bound(purpose_codes_.begin(), purpose_codes_.end(), code,
                             [](const PurposeCode& e, std::string_view key) { return std::string_view(e.code) < key; });
  if (it == purpose_codes_.end() || it->code != code) return nullptr;
  return &it->scenario;
}

const Item* Catalog::find_name(std::string_view name) const noexcept {
  auto it = std::lower_bound(by_name_.begin(), by_name_.end(), name,
                             [](const std::pair<std::string, std::uint32_t>& e, std::string_view key) {
                               return std::string_view(e.first) < key;
                             });
  if (it == by_name_.end() || it->first != name) return nullptr;
  return &items_[it->second];
}

std::string Catalog::id() const {
  std::string s;
  for (const auto& p : provenance_) s += (s.empty() ? "" : "+") + p.id;
  return s;
}

std::vector<CatalogLayer> default_layers() {
  static const std::vector<CatalogLayer> layers = [] {
    std::vector<CatalogLayer> out;
    for (const char* f : kDefaultLayerFiles)
      out.push_back(parse_catalog_layer(detail::embedded_file(f), std::string("embedded:") + f, out));
    return out;
  }();
  return layers;
}

Catalog Catalog::embedded_default(std::optional<Date> as_of) {
  static const std::vector<CatalogLayer> layers = default_layers();
  return compose(layers, as_of);
}

CatalogLayer load_catalog_layer(const std::string& path) {
  return parse_catalog_layer(detail::read_file(path), path);
}

std::vector<CatalogLayer> load_catalog_layers(const std::vector<std::string>& paths) {
  std::vector<CatalogLayer> stack;
  for (std::size_t i = 0; i < paths.size(); ++i) {
    const std::string text = detail::read_file(paths[i]);
    if (i == 0) {
      // Decide what the first file stacks on: nothing when it is a base layer itself.
      CatalogLayer alone = parse_catalog_layer(text, paths[i]);
      if (!alone.extends.empty()) stack = default_layers();
    }
    stack.push_back(parse_catalog_layer(text, paths[i], stack));
  }
  if (paths.empty()) stack = default_layers();
  return stack;
}

// ---------------------------------------------------------------------------------------
// Findings

namespace {

// Names compared loosely: no white space, ASCII parentheses as full-width ones.
std::string loose(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    if (c == '(') { out += "（"; continue; }
    if (c == ')') { out += "）"; continue; }
    if (s.compare(i, 3, "\xE3\x80\x80") == 0) { i += 2; continue; }  // U+3000 ideographic space
    out += c;
  }
  return out;
}

}  // namespace

std::vector<Finding> check(const Catalog& catalog) {
  std::vector<Finding> out;
  const auto add = [&](Severity sev, std::string code, std::string where, std::string msg, std::string clause) {
    out.push_back(Finding{sev, std::move(code), std::move(where), std::move(msg), std::move(clause)});
  };
  const Settings& st = catalog.settings();

  for (const auto& p : catalog.provenance())
    if (p.example)
      add(Severity::info, "example_layer", "layers/" + p.id,
          "layer \"" + p.id + "\" is an illustrative example, not an authoritative list; do not publish decisions from it", "");

  std::string levels;
  for (auto l : st.qualifying_levels) levels += (levels.empty() ? "" : ", ") + std::string(to_string(l));
  // A list number is unique within one list: items of one disposition form one list, so a
  // county's by-committee 1 beside the national no-issue 1 is normal, two no-issue 21s are not.
  std::map<std::pair<Disposition, int>, std::string> seqs;
  for (const Item& it : catalog.items()) {
    const std::string w = "items/" + it.id;
    if (it.seq > 0) {
      auto [s, fresh] = seqs.emplace(std::make_pair(it.disposition, it.seq), it.id);
      if (!fresh)
        add(Severity::warning, "duplicate_seq", w,
            "items \"" + s->second + "\" and \"" + it.id + "\" are both number " + std::to_string(it.seq) +
                " of the " + to_string(it.disposition) + " list (added by different layers); renumber one", "");
    }
    const bool qualified = std::any_of(it.bases.begin(), it.bases.end(), [&](const LegalBasis& b) { return st.qualifies(b.level); });
    if (it.disposition == Disposition::by_committee) {
      // 二（一）1: a committee issues only on a law, regulation or the retained list.
      if (!qualified)
        add(Severity::warning, "by_committee_without_basis", w,
            "\"" + it.name + "\" is on the list committees issue but has no basis of a qualifying level (" + levels +
                "); add the basis or take the item off the list (二（一）1, 二（二）1)", "2.1.1");
      if (!it.complexity)
        add(Severity::info, "by_committee_without_complexity", w,
            "\"" + it.name + "\" does not say whether it is simple (当场办结) or complex (限时办结) (二（三）5)", "2.3.5");
    }
    if (it.disposition == Disposition::not_by_committee) {
      if (qualified)
        add(Severity::warning, "listed_item_with_qualifying_basis", w,
            "\"" + it.name + "\" is on a no-issue list yet carries a basis of a qualifying level; check which list it belongs on (二（二）2)", "2.2.2");
      if (it.route.empty())
        add(Severity::warning, "route_missing", w,
            "\"" + it.name + "\" is on a no-issue list but has no route (办事途径): residents are told no, not where to go", "2.2.2");
      else if (it.route.channels.empty())
        add(Severity::info, "route_without_channels", w,
            "the route of \"" + it.name + "\" has text but no channels; platforms cannot act on it", "");
    }
    for (const CarveOut& c : it.carve_outs) {
      if (c.words.empty() && st.carve_out_matching == CarveOutMatching::any_word)
        add(Severity::warning, "carve_out_without_words", w + "/carve_outs/" + c.scenario,
            "the carve-out \"" + c.scenario + "\" of \"" + it.name + "\" has no recognising words, so no purpose can match it", "2.2.2");
      if (c.validity.until && *c.validity.until <= catalog.as_of())
        add(Severity::info, "carve_out_ended", w + "/carve_outs/" + c.scenario,
            "the carve-out \"" + c.scenario + "\" of \"" + it.name + "\" no longer applies from " + c.validity.until->to_string() +
                (c.note.empty() ? std::string() : ": " + c.note), "");
    }
  }

  // Names a matcher could confuse: an alias containing another item's name, or two names
  // that differ only in spaces or bracket width.
  struct Named { std::string name; const Item* item; bool is_alias; };
  std::vector<Named> all;
  for (const Item& it : catalog.items()) {
    all.push_back({it.name, &it, false});
    for (const auto& a : it.aliases) all.push_back({a.name, &it, true});
  }
  std::map<std::string, const Named*> by_loose;
  for (const Named& n : all) {
    auto [e, fresh] = by_loose.emplace(loose(n.name), &n);
    if (!fresh && e->second->item != n.item)
      add(Severity::warning, "near_duplicate_name", "items/" + n.item->id,
          "\"" + n.name + "\" (" + n.item->id + ") and \"" + e->second->name + "\" (" + e->second->item->id +
              ") differ only in spaces or brackets; one name should point at one item", "");
  }
  for (const Named& a : all) {
    if (!a.is_alias) continue;
    for (const Item& other : catalog.items()) {
      if (&other == a.item || a.name.size() <= other.name.size()) continue;
      if (a.name.find(other.name) != std::string::npos)
        add(Severity::warning, "alias_contains_other_name", "items/" + a.item->id,
            "the alias \"" + a.name + "\" of \"" + a.item->name + "\" contains the name of another item, \"" + other.name +
                "\" (" + other.id + "); a name matcher may send it there", "");
    }
  }
  return out;
}

}  // namespace jianzheng

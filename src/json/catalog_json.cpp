// Catalog files: reading is strict (unknown fields, enums and dates are errors, with the
// JSON pointer and line:column) and all-or-nothing; writing is canonical — fixed key order,
// every optional field written the same way — so two saves of one catalog are identical
// bytes and a hash identifies it. Formats: docs/data-formats.md, docs/schemas/catalog.schema.json.
#include "json/catalog_json.hpp"

#include "catalog_stack.hpp"

namespace jianzheng {
namespace detail {
namespace {

constexpr std::string_view kFormat = "jianzheng-catalog/1";

// Node::enumeration on main returns E&& to a local (decltype of *optional<E>&&); this
// reads a closed enum by value with the same error.
template <class E>
E enum_of(const Node& n, std::optional<E> (*parse)(std::string_view) noexcept, std::string_view expected) {
  const std::string s = n.string();
  if (auto v = parse(std::string_view(s))) return *v;
  n.fail(ErrorCode::unknown_enum, "\"" + s + "\" is not a known value; expected " + std::string(expected));
}

std::string level_list() {
  std::string s;
  for (auto l : {BasisLevel::law, BasisLevel::administrative_regulation, BasisLevel::local_regulation,
                 BasisLevel::state_council_retained_list, BasisLevel::departmental_rule, BasisLevel::policy_document,
                 BasisLevel::unknown})
    s += (s.empty() ? "" : ", ") + std::string(to_string(l));
  return "one of " + s;
}

const std::string kChannels =
    "one of information_sharing, resident_documents, agency_issues, agency_reissue, court_procedure, "
    "self_obtained_consent, no_prerequisite";

std::vector<std::string> opt_strings(const Node& n, std::string_view key) {
  if (auto v = n.get(key)) return v->strings();
  return {};
}

std::optional<Date> opt_date(const Node& n, std::string_view key) {
  if (auto v = n.get(key)) return v->date();
  return std::nullopt;
}

std::vector<LegalBasis> bases_from(const Node& n) {
  std::vector<LegalBasis> out;
  if (auto v = n.get("bases"))
    for (const auto& e : v->elements()) out.push_back(basis_from_json(e));
  return out;
}

json::array bases_json(const std::vector<LegalBasis>& v) {
  json::array a;
  for (const auto& b : v) a.push_back(basis_to_json(b));
  return a;
}

int small_int(const Node& n, int min) {
  const auto v = n.integer();
  if (v < min || v > 1000000) n.fail(ErrorCode::invalid_value, "expected a whole number from " + std::to_string(min));
  return static_cast<int>(v);
}

Alias alias_from(const Node& n) {
  n.only_keys({"name", "source"});
  Alias a;
  a.name = n.at("name").nonempty_string();
  a.source = enum_of(n.at("source"), alias_source_from_string, "one of seed, added");
  return a;
}

// A recognition pattern (docs/purpose.md): alternatives joined by '|', parts joined by '+';
// no part and no alternative may be empty ("a||b", "+b" are typos, not patterns).
std::vector<std::string> patterns_from(const Node& n, std::string_view key) {
  std::vector<std::string> out;
  auto v = n.get(key);
  if (!v) return out;
  for (const auto& e : v->elements()) {
    std::string p = e.nonempty_string();
    bool empty_piece = false;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= p.size(); ++i) {
      if (i < p.size() && p[i] != '|' && p[i] != '+') continue;
      if (p.find_first_not_of(" \t", start) >= i) empty_piece = true;
      start = i + 1;
    }
    if (empty_piece)
      e.fail(ErrorCode::invalid_value, "\"" + p + "\" has an empty alternative or part; a pattern is "
             "alternatives joined by '|' and parts joined by '+', e.g. \"房子|房屋+过户\"");
    out.push_back(std::move(p));
  }
  return out;
}

CarveOut carve_out_from(const Node& n) {
  n.only_keys({"scenario", "text", "words", "hints", "look_alikes", "bases", "from", "until", "note"});
  CarveOut c;
  c.scenario = n.at("scenario").nonempty_string();
  c.text = detail::optional_string(n, "text");
  c.words = patterns_from(n, "words");
  c.hints = patterns_from(n, "hints");
  c.look_alikes = patterns_from(n, "look_alikes");
  c.bases = bases_from(n);
  c.validity.from = opt_date(n, "from");
  c.validity.until = opt_date(n, "until");
  c.note = detail::optional_string(n, "note");
  return c;
}

SettingsPatch settings_from(const Node& n) {
  n.only_keys({"qualifying_levels", "public_interest_needs_item_basis", "carve_out_matching", "default_limit_working_days"});
  SettingsPatch p;
  if (auto v = n.get("qualifying_levels")) {
    std::vector<BasisLevel> levels;
    for (const auto& e : v->elements()) levels.push_back(enum_of(e, basis_level_from_string, level_list()));
    p.qualifying_levels = levels;
  }
  if (auto v = n.get("public_interest_needs_item_basis")) p.public_interest_needs_item_basis = v->boolean();
  if (auto v = n.get("carve_out_matching"))
    p.carve_out_matching = enum_of(*v, carve_out_matching_from_string, "one of any_word, scenario");
  if (auto v = n.get("default_limit_working_days")) p.default_limit_working_days = small_int(*v, 1);
  return p;
}

json::object settings_patch_json(const SettingsPatch& p) {
  json::object o;
  if (p.qualifying_levels) {
    json::array a;
    for (auto l : *p.qualifying_levels) a.emplace_back(to_string(l));
    o["qualifying_levels"] = std::move(a);
  }
  if (p.public_interest_needs_item_basis) o["public_interest_needs_item_basis"] = *p.public_interest_needs_item_basis;
  if (p.carve_out_matching) o["carve_out_matching"] = to_string(*p.carve_out_matching);
  if (p.default_limit_working_days) o["default_limit_working_days"] = *p.default_limit_working_days;
  return o;
}

Provenance provenance_from(const Node& n) {
  n.only_keys({"id", "level", "jurisdiction", "title", "document_number", "batch", "from", "until", "example", "note"});
  Provenance p;
  p.id = n.at("id").nonempty_string();
  p.level = enum_of(n.at("level"), jurisdiction_level_from_string, "one of national, province, city, county");
  p.jurisdiction = detail::optional_string(n, "jurisdiction");
  p.title = detail::optional_string(n, "title");
  p.document_number = detail::optional_string(n, "document_number");
  p.batch = detail::optional_string(n, "batch");
  p.validity.from = opt_date(n, "from");
  p.validity.until = opt_date(n, "until");
  if (auto v = n.get("example")) p.example = v->boolean();
  p.note = detail::optional_string(n, "note");
  return p;
}

Change change_from(const Node& n) {
  n.only_keys({"op", "item", "from", "name", "scenario", "text", "source", "bases"});
  Change c;
  c.kind = enum_of(n.at("op"), change_kind_from_string, "one of rename, retire, end_carve_out, route_note");
  c.item = n.at("item").nonempty_string();
  c.from = opt_date(n, "from");
  // Each op reads only its own fields; a stray one would be lost on save, so it is an error.
  const auto only_for = [&](std::string_view key, ChangeKind kind) {
    if (n.value().as_object().contains(key) && c.kind != kind)
      n.document().fail(ErrorCode::unknown_field, n.pointer() + "/" + std::string(key),
                        "\"" + std::string(key) + "\" belongs to a " + to_string(kind) + " change, not a " + to_string(c.kind));
  };
  only_for("name", ChangeKind::rename);
  only_for("scenario", ChangeKind::end_carve_out);
  switch (c.kind) {
    case ChangeKind::rename: c.name = n.at("name").nonempty_string(); break;
    case ChangeKind::end_carve_out:
      c.scenario = n.at("scenario").nonempty_string();
      c.from = n.at("from").date();
      break;
    case ChangeKind::route_note: c.text = n.at("text").nonempty_string(); break;
    case ChangeKind::retire: break;
  }
  if (c.kind != ChangeKind::route_note) c.text = detail::optional_string(n, "text");
  c.source = detail::optional_string(n, "source");
  c.bases = bases_from(n);
  return c;
}

json::object change_json(const Change& c) {
  json::object o;
  o["op"] = to_string(c.kind);
  o["item"] = c.item;
  o["from"] = optional_date(c.from);
  if (c.kind == ChangeKind::rename) o["name"] = c.name;
  if (c.kind == ChangeKind::end_carve_out) o["scenario"] = c.scenario;
  o["text"] = c.text;
  o["source"] = c.source;
  o["bases"] = bases_json(c.bases);
  return o;
}

CatalogLayer layer_from(const Node& root) {
  root.only_keys({"format", "catalog", "extends", "settings", "items", "aliases", "changes", "purpose_codes"});
  const Node fmt = root.at("format");
  if (fmt.string() != kFormat)
    fmt.fail(ErrorCode::unsupported_format, "this is \"" + fmt.string() + "\"; this version reads \"" + std::string(kFormat) + "\"");
  CatalogLayer layer;
  layer.provenance = provenance_from(root.at("catalog"));
  layer.extends = detail::optional_string(root, "extends");
  if (auto s = root.get("settings")) layer.settings = settings_from(*s);
  if (auto v = root.get("items"))
    for (const auto& e : v->elements()) layer.items.push_back(item_from_json(e));
  if (auto v = root.get("aliases"))
    for (const auto& e : v->elements()) {
      e.only_keys({"item", "name", "source"});
      AliasEntry a;
      a.item = e.at("item").nonempty_string();
      a.alias.name = e.at("name").nonempty_string();
      a.alias.source = enum_of(e.at("source"), alias_source_from_string, "one of seed, added");
      layer.aliases.push_back(std::move(a));
    }
  if (auto v = root.get("changes"))
    for (const auto& e : v->elements()) layer.changes.push_back(change_from(e));
  if (auto v = root.get("purpose_codes"))
    for (const auto& e : v->elements()) {
      e.only_keys({"code", "scenario"});
      layer.purpose_codes.push_back(PurposeCode{e.at("code").nonempty_string(), e.at("scenario").nonempty_string()});
    }
  return layer;
}

}  // namespace

json::value purpose_codes_json(const std::vector<PurposeCode>& codes) {
  json::array a;
  for (const PurposeCode& c : codes) a.push_back(json::object{{"code", c.code}, {"scenario", c.scenario}});
  return a;
}

json::value basis_to_json(const LegalBasis& b) {
  json::object o;
  o["title"] = b.title;
  o["article"] = b.article;
  o["level"] = to_string(b.level);
  if (!b.text.empty()) o["text"] = b.text;
  if (!b.issuer.empty()) o["issuer"] = b.issuer;
  if (!b.document_number.empty()) o["document_number"] = b.document_number;
  if (b.effective) o["effective"] = b.effective->to_string();
  return o;
}

LegalBasis basis_from_json(const Node& n) {
  n.only_keys({"title", "article", "level", "text", "issuer", "document_number", "effective"});
  LegalBasis b;
  b.title = n.at("title").nonempty_string();
  b.article = detail::optional_string(n, "article");
  b.level = enum_of(n.at("level"), basis_level_from_string, level_list());
  b.text = detail::optional_string(n, "text");
  b.issuer = detail::optional_string(n, "issuer");
  b.document_number = detail::optional_string(n, "document_number");
  b.effective = opt_date(n, "effective");
  return b;
}

json::value route_to_json(const Route& r) {
  json::object o;
  o["text"] = r.text;
  json::array ch;
  for (auto c : r.channels) ch.emplace_back(to_string(c));
  o["channels"] = std::move(ch);
  o["agencies"] = detail::strings_json(r.agencies);
  o["documents"] = detail::strings_json(r.documents);
  if (!r.notes.empty()) {
    json::array notes;
    for (const auto& n : r.notes) {
      json::object x;
      x["text"] = n.text;
      x["source"] = n.source;
      x["from"] = optional_date(n.validity.from);
      x["until"] = optional_date(n.validity.until);
      notes.push_back(std::move(x));
    }
    o["notes"] = std::move(notes);
  }
  return o;
}

Route route_from_json(const Node& n) {
  n.only_keys({"text", "channels", "agencies", "documents", "notes"});
  Route r;
  r.text = n.at("text").string();
  if (auto v = n.get("channels"))
    for (const auto& e : v->elements()) r.channels.push_back(enum_of(e, channel_from_string, kChannels));
  r.agencies = opt_strings(n, "agencies");
  r.documents = opt_strings(n, "documents");
  if (auto v = n.get("notes"))
    for (const auto& e : v->elements()) {
      e.only_keys({"text", "source", "from", "until"});
      RouteNote note;
      note.text = e.at("text").nonempty_string();
      note.source = detail::optional_string(e, "source");
      note.validity.from = opt_date(e, "from");
      note.validity.until = opt_date(e, "until");
      r.notes.push_back(std::move(note));
    }
  return r;
}

json::value carve_out_to_json(const CarveOut& c) {
  json::object o;
  o["scenario"] = c.scenario;
  if (!c.text.empty()) o["text"] = c.text;
  o["words"] = detail::strings_json(c.words);
  if (!c.hints.empty()) o["hints"] = detail::strings_json(c.hints);
  if (!c.look_alikes.empty()) o["look_alikes"] = detail::strings_json(c.look_alikes);
  o["bases"] = bases_json(c.bases);
  o["from"] = optional_date(c.validity.from);
  o["until"] = optional_date(c.validity.until);
  if (!c.note.empty()) o["note"] = c.note;
  return o;
}

json::value item_to_json(const Item& it, bool with_layer) {
  json::object o;
  o["id"] = it.id;
  o["seq"] = it.seq;
  o["name"] = it.name;
  json::array aliases;
  for (const auto& a : it.aliases) aliases.push_back(json::object{{"name", a.name}, {"source", to_string(a.source)}});
  o["aliases"] = std::move(aliases);
  o["disposition"] = to_string(it.disposition);
  o["route"] = route_to_json(it.route);
  json::array cos;
  for (const auto& c : it.carve_outs) cos.push_back(carve_out_to_json(c));
  o["carve_outs"] = std::move(cos);
  o["bases"] = bases_json(it.bases);
  o["complexity"] = it.complexity ? json::value(to_string(*it.complexity)) : json::value(nullptr);
  o["limit_working_days"] = it.limit_working_days ? json::value(*it.limit_working_days) : json::value(nullptr);
  if (!it.purpose.empty()) o["purpose"] = it.purpose;
  if (!it.codes.basic_code.empty() || !it.codes.implementation_code.empty() || !it.codes.business_item_code.empty()) {
    json::object c;
    if (!it.codes.basic_code.empty()) c["basic_code"] = it.codes.basic_code;
    if (!it.codes.implementation_code.empty()) c["implementation_code"] = it.codes.implementation_code;
    if (!it.codes.business_item_code.empty()) c["business_item_code"] = it.codes.business_item_code;
    o["codes"] = std::move(c);
  }
  if (it.validity.from) o["from"] = it.validity.from->to_string();
  if (it.validity.until) o["until"] = it.validity.until->to_string();
  if (with_layer) o["layer"] = it.layer;
  return o;
}

Item item_from_json(const Node& n) {
  n.only_keys({"id", "seq", "name", "aliases", "disposition", "route", "carve_outs", "bases", "complexity",
               "limit_working_days", "purpose", "codes", "from", "until"});
  Item it;
  it.id = n.at("id").nonempty_string();
  if (auto v = n.get("seq")) it.seq = small_int(*v, 0);
  it.name = n.at("name").nonempty_string();
  if (auto v = n.get("aliases"))
    for (const auto& e : v->elements()) it.aliases.push_back(alias_from(e));
  it.disposition = enum_of(n.at("disposition"), disposition_from_string, "one of not_by_committee, by_committee, unlisted");
  if (auto v = n.get("route")) it.route = route_from_json(*v);
  if (auto v = n.get("carve_outs"))
    for (const auto& e : v->elements()) it.carve_outs.push_back(carve_out_from(e));
  it.bases = bases_from(n);
  if (auto v = n.get("complexity")) it.complexity = enum_of(*v, complexity_from_string, "one of simple, complex");
  if (auto v = n.get("limit_working_days")) it.limit_working_days = small_int(*v, 1);
  it.purpose = detail::optional_string(n, "purpose");
  if (auto v = n.get("codes")) {
    v->only_keys({"basic_code", "implementation_code", "business_item_code"});
    it.codes.basic_code = detail::optional_string(*v, "basic_code");
    it.codes.implementation_code = detail::optional_string(*v, "implementation_code");
    it.codes.business_item_code = detail::optional_string(*v, "business_item_code");
  }
  it.validity.from = opt_date(n, "from");
  it.validity.until = opt_date(n, "until");
  return it;
}

json::value settings_to_json(const Settings& s) { return settings_patch_json(SettingsPatch::from(s)); }

json::value provenance_to_json(const Provenance& p) {
  json::object o;
  o["id"] = p.id;
  o["level"] = to_string(p.level);
  o["jurisdiction"] = p.jurisdiction;
  o["title"] = p.title;
  o["document_number"] = p.document_number;
  o["batch"] = p.batch;
  o["from"] = optional_date(p.validity.from);
  o["until"] = optional_date(p.validity.until);
  o["example"] = p.example;
  o["note"] = p.note;
  return o;
}

}  // namespace detail

namespace json = boost::json;

CatalogLayer parse_catalog_layer(std::string_view text, std::string_view origin) {
  return parse_catalog_layer(text, origin, {});
}

CatalogLayer parse_catalog_layer(std::string_view text, std::string_view origin, const std::vector<CatalogLayer>& below) {
  const detail::Document doc(text, std::string(origin));
  return detail::layer_from_node(doc.root(), below);
}

CatalogLayer detail::layer_from_node(const Node& root, const std::vector<CatalogLayer>& below) {
  // Errors point into root's document: a layer inside a larger JSON value (the C ABI's array
  // of layers) keeps that value's line:column, its pointers prefixed by the layer's own.
  const auto fail_here = [&](ErrorCode code, const std::string& pointer, const std::string& msg) {
    root.document().fail(code, root.pointer() + pointer, msg);
  };
  CatalogLayer layer = detail::layer_from(root);
  std::vector<const CatalogLayer*> stack;
  for (const auto& l : below) stack.push_back(&l);
  stack.push_back(&layer);
  // Alone, a layer that extends another cannot have its references to items below checked:
  // those wait until it is stacked. Checked alone, its own extends is taken on trust.
  const bool alone = below.empty() && !layer.extends.empty();
  if (alone) {
    CatalogLayer standalone = layer;
    standalone.extends.clear();
    std::vector<const CatalogLayer*> one{&standalone};
    detail::validate_stack(one, 0, [&](std::size_t, ErrorCode code, const std::string& pointer, const std::string& msg) {
      // References to items below are unknown here, not wrong.
      if (code == ErrorCode::unknown_reference) return;
      fail_here(code, pointer, msg);
    });
    return layer;
  }
  detail::validate_stack(stack, below.size(), [&](std::size_t l, ErrorCode code, const std::string& pointer, const std::string& msg) {
    if (l + 1 == stack.size()) fail_here(code, pointer, msg);
    throw Error(code, Location{"layer:" + stack[l]->provenance.id, pointer, 0, 0}, msg);
  });
  return layer;
}

std::string to_json(const CatalogLayer& layer) {
  json::object o;
  o["format"] = "jianzheng-catalog/1";
  o["catalog"] = detail::provenance_to_json(layer.provenance);
  o["extends"] = layer.extends.empty() ? json::value(nullptr) : json::value(layer.extends);
  o["settings"] = detail::settings_patch_json(layer.settings);
  json::array items;
  for (const auto& it : layer.items) items.push_back(detail::item_to_json(it, false));
  o["items"] = std::move(items);
  json::array aliases;
  for (const auto& a : layer.aliases)
    aliases.push_back(json::object{{"item", a.item}, {"name", a.alias.name}, {"source", to_string(a.alias.source)}});
  o["aliases"] = std::move(aliases);
  json::array changes;
  for (const auto& c : layer.changes) changes.push_back(detail::change_json(c));
  o["changes"] = std::move(changes);
  if (!layer.purpose_codes.empty()) o["purpose_codes"] = detail::purpose_codes_json(layer.purpose_codes);
  return detail::canonical(o);
}

std::string to_json(const Catalog& catalog) {
  // The catalog's identity and content only — not the as-of date, so the same content
  // hashes the same on every day (decision receipts carry this hash).
  json::object head;
  head["id"] = catalog.id();
  json::array layers;
  for (const auto& p : catalog.provenance()) layers.push_back(detail::provenance_to_json(p));
  head["layers"] = std::move(layers);
  head["settings"] = detail::settings_to_json(catalog.settings());
  json::array items;
  for (const auto& it : catalog.items()) items.push_back(detail::item_to_json(it, true));
  json::object o;
  o["catalog"] = std::move(head);
  o["items"] = std::move(items);
  // Only when there are any, so a catalog without them keeps the hash it always had.
  if (!catalog.purpose_codes().empty()) o["purpose_codes"] = detail::purpose_codes_json(catalog.purpose_codes());
  return detail::canonical(o);
}

std::string to_json(const Item& item) { return detail::canonical(detail::item_to_json(item, true)); }

}  // namespace jianzheng

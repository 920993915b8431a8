// Catalogs (清单) and their layers: national batch 1 → province → city → county. A composed
// Catalog never changes; layers are plain values that load from and save to JSON.
#include <pybind11/stl.h>

#include <optional>
#include <string>
#include <vector>

#include "bind.hpp"
#include "jianzheng/catalog.hpp"
#include "jianzheng/clause.hpp"
#include "jianzheng/item.hpp"

namespace jianzheng::python {
namespace {

py::object loads(const std::string& text) { return py::module_::import("json").attr("loads")(text); }

template <class T>
std::optional<T> copy_of(const T* p) {
  return p ? std::optional<T>(*p) : std::nullopt;
}

void bind_catalog(py::module_& m) {
  py::enum_<JurisdictionLevel>(m, "JurisdictionLevel", "The level of government a layer belongs to.")
      .value("national", JurisdictionLevel::national, "全国.")
      .value("province", JurisdictionLevel::province, "省.")
      .value("city", JurisdictionLevel::city, "市.")
      .value("county", JurisdictionLevel::county, "县.");

  py::enum_<CarveOutMatching>(m, "CarveOutMatching", "How a carve-out is recognised in a request's purpose.")
      .value("any_word", CarveOutMatching::any_word, "The purpose contains any of the carve-out's words (default).")
      .value("scenario", CarveOutMatching::scenario, "The purpose contains the scenario name itself.");

  py::class_<Settings>(m, "Settings", "Interpretation points the policy leaves open, each with a documented default.")
      .def(py::init<>(), "The defaults.")
      .def_readwrite("qualifying_levels", &Settings::qualifying_levels, "二（一）1 / 二（二）1: levels whose bases qualify.")
      .def_readwrite("public_interest_needs_item_basis", &Settings::public_interest_needs_item_basis,
                     "二（一）2: whether public-interest matters also need an item basis (default False).")
      .def_readwrite("carve_out_matching", &Settings::carve_out_matching, "How carve-outs match a purpose.")
      .def_readwrite("default_limit_working_days", &Settings::default_limit_working_days,
                     "二（三）5: working-day limit of a complex item whose list gives none (default 5).")
      .def("qualifies", &Settings::qualifies, py::arg("level"), "Whether a basis of this level qualifies.");

  py::class_<SettingsPatch>(m, "SettingsPatch", "A layer's partial settings: what it leaves None, it inherits.")
      .def(py::init<>(), "Changes nothing.")
      .def_readwrite("qualifying_levels", &SettingsPatch::qualifying_levels, "Replaces the whole set.")
      .def_readwrite("public_interest_needs_item_basis", &SettingsPatch::public_interest_needs_item_basis, "See Settings.")
      .def_readwrite("carve_out_matching", &SettingsPatch::carve_out_matching, "See Settings.")
      .def_readwrite("default_limit_working_days", &SettingsPatch::default_limit_working_days, "See Settings.")
      .def("apply_to",
           [](const SettingsPatch& p, Settings s) {
             p.apply_to(s);
             return s;
           },
           py::arg("settings"), "A copy of `settings` with what this patch sets applied.")
      .def_static("from_", &SettingsPatch::from, py::arg("settings"),
                  "All four fields set from `settings` (C++ SettingsPatch::from; `from` is a Python keyword).");

  py::class_<Provenance>(m, "Provenance", "Where a layer comes from.")
      .def(py::init<>(), "An empty provenance.")
      .def_readwrite("id", &Provenance::id, "Stable layer id, e.g. \"cn-national-batch1\".")
      .def_readwrite("level", &Provenance::level, "Its level.")
      .def_readwrite("jurisdiction", &Provenance::jurisdiction, "e.g. \"全国\", \"肃南裕固族自治县\".")
      .def_readwrite("title", &Provenance::title, "The source document's title.")
      .def_readwrite("document_number", &Provenance::document_number, "e.g. \"民发〔2020〕20号\".")
      .def_readwrite("batch", &Provenance::batch, "e.g. \"第一批\"; may be empty.")
      .def_readwrite("validity", &Provenance::validity, "When the layer is in force.")
      .def_readwrite("example", &Provenance::example, "True for illustrative layers that are not real lists.")
      .def_readwrite("note", &Provenance::note, "Free notes: sources, caveats.");

  py::class_<AliasEntry>(m, "AliasEntry", "An alias added by a layer's alias table.")
      .def(py::init<>(), "An empty entry.")
      .def_readwrite("item", &AliasEntry::item, "The item id it names.")
      .def_readwrite("alias", &AliasEntry::alias, "The alias.");

  py::enum_<ChangeKind>(m, "ChangeKind", "A dated change a layer makes to items below it.")
      .value("rename", ChangeKind::rename, "The item takes a new name; the old one stays as an alias.")
      .value("retire", ChangeKind::retire, "The item is no longer in force.")
      .value("end_carve_out", ChangeKind::end_carve_out, "A carve-out no longer applies.")
      .value("route_note", ChangeKind::route_note, "A note on the item's route.");

  py::class_<Change>(m, "Change", "One dated change.")
      .def(py::init<>(), "An empty change.")
      .def_readwrite("kind", &Change::kind, "What it does.")
      .def_readwrite("item", &Change::item, "The item id it changes.")
      .def_readwrite("from_", &Change::from, "In force from this day; None: with the layer (C++ `from`).")
      .def_readwrite("name", &Change::name, "rename: the new name.")
      .def_readwrite("scenario", &Change::scenario, "end_carve_out: the carve-out's scenario.")
      .def_readwrite("text", &Change::text, "route_note: the note; others: an explanation.")
      .def_readwrite("source", &Change::source, "The document that made the change.")
      .def_readwrite("bases", &Change::bases, "The provisions behind it.");

  py::class_<CatalogLayer>(m, "CatalogLayer", "One catalog file, as written.")
      .def(py::init<>(), "An empty layer.")
      .def_readwrite("provenance", &CatalogLayer::provenance, "Where it comes from.")
      .def_readwrite("extends", &CatalogLayer::extends, "Id of the layer it stacks on; empty for a base layer.")
      .def_readwrite("settings", &CatalogLayer::settings, "Settings it changes.")
      .def_readwrite("items", &CatalogLayer::items, "Items it adds.")
      .def_readwrite("aliases", &CatalogLayer::aliases, "Aliases it adds to any item below or in it.")
      .def_readwrite("changes", &CatalogLayer::changes, "Dated changes.")
      .def("to_json", [](const CatalogLayer& l) { return to_json(l); },
           "Canonical JSON: load → save → load is identity.")
      .def(py::pickle([](const CatalogLayer& l) { return to_json(l); },
                      [](const std::string& s) { return parse_catalog_layer(s, "pickle"); }),
           "Pickles as its canonical JSON.");

  py::class_<Catalog>(m, "Catalog", "The catalog in force on a date: the composition of a stack of layers. Immutable.")
      .def(py::init<>(), "An empty catalog (no items, default settings).")
      .def_static("compose", &Catalog::compose, py::arg("layers"), py::arg("as_of") = py::none(),
                  "Stacks `layers` (base first) as in force on `as_of` (today when None); raises Error.")
      .def_static("embedded_default", &Catalog::embedded_default, py::arg("as_of") = py::none(),
                  "The embedded default: the national first batch, its alias table and dated changes.")
      .def("items", &Catalog::items, "Items in force, by list number then id.")
      .def("find", [](const Catalog& c, std::string_view id) { return copy_of(c.find(id)); }, py::arg("id"),
           "The item with this id, or None.")
      .def("find_name", [](const Catalog& c, std::string_view name) { return copy_of(c.find_name(name)); },
           py::arg("name"), "The item whose name or alias is exactly `name`, or None.")
      .def("settings", &Catalog::settings, "Effective settings.")
      .def("provenance", &Catalog::provenance, "The layers applied, base first.")
      .def("id", &Catalog::id, "The layer ids joined by \"+\".")
      .def("as_of", &Catalog::as_of, "The date this composition is for.")
      .def("breakpoints", &Catalog::breakpoints, "Dates after as_of() at which a recomposition would differ.")
      .def("to_json", [](const Catalog& c) { return to_json(c); },
           "Canonical JSON: {\"catalog\": {…}, \"items\": [Item, …]} (docs/design.md §8).")
      .def("to_dict", [](const Catalog& c) { return loads(to_json(c)); }, "The catalog as its JSON dict.")
      .def("check", [](const Catalog& c) { return check(c); }, "Findings for data that loads but looks wrong.")
      .def("__len__", [](const Catalog& c) { return c.items().size(); }, "The number of items in force.");

  m.def("default_layers", &default_layers, "The embedded default layers, base first.");
  m.def("parse_catalog_layer",
        py::overload_cast<std::string_view, std::string_view>(&parse_catalog_layer),
        py::arg("json_text"), py::arg("origin") = "<text>",
        "Parses one catalog file, checked on its own; raises Error.");
  m.def("parse_catalog_layer",
        py::overload_cast<std::string_view, std::string_view, const std::vector<CatalogLayer>&>(
            &parse_catalog_layer),
        py::arg("json_text"), py::arg("origin"), py::arg("below"),
        "Parses one catalog file meant to stack on `below` and checks it against them too.");
  m.def("load_catalog_layer", &load_catalog_layer, py::arg("path"), "Reads and parses one catalog file.");
  m.def("load_catalog_layers", &load_catalog_layers, py::arg("paths"),
        "The layer stack for these files: each stacks on the ones before it; unless the first is "
        "a base layer, they all stack on default_layers(). Raises Error; all-or-nothing.");
  m.def("check", &check, py::arg("catalog"), "Findings for data that loads but looks wrong; never raises for them.");

  py::class_<ClauseBook>(m, "ClauseBook", "The clauses of one programme document, in document order.")
      .def(py::init<>(), "An empty book.")
      .def_static("embedded_default", &ClauseBook::embedded_default, py::return_value_policy::reference,
                  "The policy's clauses, compiled in (a process-wide object).")
      .def_static("from_json", &ClauseBook::from_json, py::arg("text"), py::arg("origin") = "<text>",
                  "Parses a clauses file; raises Error.")
      .def("find", [](const ClauseBook& b, std::string_view id) { return copy_of(b.find(id)); }, py::arg("id"),
           "The clause with this id, or None.")
      .def("all", &ClauseBook::all, "All clauses, in document order.")
      .def("source", &ClauseBook::source, "The source document's title.");
}

}  // namespace

JIANZHENG_BIND(20, bind_catalog);

}  // namespace jianzheng::python

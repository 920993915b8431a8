// The purpose recogniser (purpose.hpp, docs/purpose.md): a request's purpose read against an
// item's carve-outs — matched, possible or none. The Python PurposeMatcher owns a copy of its
// items, because the C++ matcher points into them; readings own their carve-out and words.
#include <pybind11/stl.h>

#include <memory>
#include <string>
#include <vector>

#include "bind.hpp"
#include "bind_types.hpp"
#include "jianzheng/catalog.hpp"
#include "jianzheng/error.hpp"
#include "jianzheng/purpose.hpp"

namespace jianzheng::python {
namespace {

struct PyPurposeMatcher {
  std::shared_ptr<const std::vector<Item>> items;
  PurposeMatcher matcher;

  PyPurposeMatcher(std::shared_ptr<const std::vector<Item>> its, bool scenario_only)
      : items(std::move(its)), matcher(*items, scenario_only) {}

  // The matcher's own copy of `item` (by id), so its tables are used; else `item` itself.
  const Item& own(const Item& item) const {
    for (const Item& i : *items)
      if (i.id == item.id) return i;
    return item;
  }
};

void bind_purpose(py::module_& m) {
  py::enum_<PurposeCertainty>(m, "PurposeCertainty", "How a purpose reads against one carve-out.")
      .value("matched", PurposeCertainty::matched, "It states the carve-out's situation: it applies.")
      .value("possible", PurposeCertainty::possible, "It suggests it, or states it with doubt: ask, never apply.")
      .value("none", PurposeCertainty::none, "Nothing of it, a negation, or only a look-alike.");

  m.attr("max_purpose_bytes") = max_purpose_bytes;

  py::class_<PyPurposeReading>(m, "PurposeReading", "The reading of a purpose against one carve-out.")
      .def_readonly("carve_out", &PyPurposeReading::carve_out, "The carve-out read against.")
      .def_readonly("certainty", &PyPurposeReading::certainty, "Matched, possible or none.")
      .def_readonly("evidence", &PyPurposeReading::evidence, "The word(s) that stated or suggested it, folded.")
      .def_readonly("look_alike", &PyPurposeReading::look_alike, "A look-alike found, its first parts (e.g. [\"补领\", \"结婚证\"]); [] when none.")
      .def_readonly("negated", &PyPurposeReading::negated, "A word of it was found, negated (不是…用, 不用于, 非…).")
      .def_readonly("doubtful", &PyPurposeReading::doubtful, "A word of it was found with a word of doubt (可能, 是否 …).")
      .def_readonly("slip", &PyPurposeReading::slip,
                    "Only a slip of input suggested it (公正处 for 公证处, or pinyin: shouyang): possible, never matched; evidence quotes the word meant.")
      .def("__repr__",
           [](const PyPurposeReading& r) {
             return "PurposeReading('" + r.carve_out.scenario + "', " + to_string(r.certainty) + ")";
           },
           "PurposeReading(scenario, certainty).");

  py::class_<PurposeVocabulary>(m, "PurposeVocabulary",
                                "The general words of reading a purpose: negation, doubt, community matters.")
      .def_readonly("negation_before", &PurposeVocabulary::negation_before, "不是, 不用于 …: negate a word after them in the clause.")
      .def_readonly("negation_adjacent", &PurposeVocabulary::negation_adjacent, "非: negates only a word right after it.")
      .def_readonly("negation_after", &PurposeVocabulary::negation_after, "无关, 用不上 …: negate a word before them in the clause.")
      .def_readonly("negation_reset", &PurposeVocabulary::negation_reset, "是, 而是, 但 …: a negation does not reach past them.")
      .def_readonly("doubt", &PurposeVocabulary::doubt, "可能, 是否, 听说 …: a word in the same sentence is only possible.")
      .def_readonly("question", &PurposeVocabulary::question,
                    "吗 …: a word in the same clause is only possible (so is one in a clause ending with a question mark).")
      .def_readonly("contrast", &PurposeVocabulary::contrast,
                    "\"我开|这次+是|为了\" …: patterns of one or two parts; a clause with one gives the requester's own purpose, "
                    "and a carve-out stated only before it is only possible.")
      .def_readonly("community", &PurposeVocabulary::community, "集体, 公共, 小区 …: where 二（一）2 can plausibly apply.")
      .def_static("embedded_default", &PurposeVocabulary::embedded_default, py::return_value_policy::copy,
                  "The embedded vocabulary (data/purpose/vocabulary.json).");

  py::class_<PyPurposeMatcher>(m, "PurposeMatcher",
                               "Reads purposes against the carve-outs (（…除外）) of catalog items: matched, "
                               "possible or none, with negation, doubt and look-alikes. Immutable.")
      .def(py::init([](const Catalog& catalog) {
             return PyPurposeMatcher(std::make_shared<const std::vector<Item>>(catalog.items()),
                                     catalog.settings().carve_out_matching == CarveOutMatching::scenario);
           }),
           py::arg("catalog"), "Builds the tables for a catalog's carve-outs, as its settings say.")
      .def(py::init([](std::vector<Item> items, bool scenario_only) {
             return PyPurposeMatcher(std::make_shared<const std::vector<Item>>(std::move(items)), scenario_only);
           }),
           py::arg("items"), py::arg("scenario_only") = false,
           "Builds the tables for a list of items; scenario_only reads only the scenario names.")
      .def("read",
           [](const PyPurposeMatcher& pm, const Item& item, std::string_view purpose) {
             std::vector<PyPurposeReading> out;
             for (const PurposeReading& r : pm.matcher.read(pm.own(item), purpose)) out.push_back(to_py(r));
             return out;
           },
           py::arg("item"), py::arg("purpose"),
           "The reading of `purpose` against each carve-out of `item`, in the item's order; raises Error "
           "for text that is not UTF-8 or longer than max_purpose_bytes.")
      .def("is_community_matter", [](const PyPurposeMatcher& pm, std::string_view text) {
             return pm.matcher.is_community_matter(text);
           },
           py::arg("text"), "Whether the text names a community matter, where 二（一）2 can plausibly apply.");

  m.def("parse_purpose_vocabulary", &parse_purpose_vocabulary, py::arg("json_text"), py::arg("origin") = "<text>",
        "Parses a purpose vocabulary file; raises Error.");
}

}  // namespace

JIANZHENG_BIND(35, bind_purpose);

}  // namespace jianzheng::python

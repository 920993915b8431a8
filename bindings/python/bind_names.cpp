// The name matcher (docs/design.md §4 step 1, "Resolve"): free text → ranked certificate items, or
// honestly none. The Python NameMatcher owns a copy of its items, because the C++ matcher
// points into them and a Python list may go away.
#include <pybind11/stl.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "bind.hpp"
#include "bind_types.hpp"
#include "jianzheng/catalog.hpp"
#include "jianzheng/name_matcher.hpp"

namespace jianzheng::python {
namespace {

// What free text names, with how sure the matcher is; candidates own their items.
struct PyResolution {
  Certainty certainty = Certainty::none;
  std::vector<PyMatch> candidates;
};

struct PyNameMatcher {
  std::shared_ptr<const std::vector<Item>> items;
  NameMatcher matcher;

  explicit PyNameMatcher(std::shared_ptr<const std::vector<Item>> its)
      : items(std::move(its)), matcher(*items) {}
};

void bind_names(py::module_& m) {
  py::enum_<MatchHow>(m, "MatchHow", "How a candidate matched.")
      .value("exact", MatchHow::exact, "The item's name (after folding width, case, spaces, punctuation).")
      .value("alias", MatchHow::alias, "An alias, or a short form of the name.")
      .value("traditional", MatchHow::traditional, "The name or an alias in Traditional characters.")
      .value("pinyin", MatchHow::pinyin, "Pinyin of the name or an alias, whole or initials.")
      .value("fuzzy", MatchHow::fuzzy, "One wrong, homophone or look-alike character.")
      .value("phrase", MatchHow::phrase, "The name or an alias inside a sentence.");

  py::enum_<Certainty>(m, "Certainty", "How sure the name matcher is of what free text names.")
      .value("confident", Certainty::confident, "One item, with confidence: decide on it.")
      .value("uncertain", Certainty::uncertain, "Plausible candidates, none confident: ask which is meant.")
      .value("none", Certainty::none, "Nothing plausible: the text names no item of the catalog.");

  m.attr("plausible_score") = plausible_score;
  m.attr("confident_score") = confident_score;
  m.attr("rival_margin") = rival_margin;

  py::class_<PyMatch>(m, "Match", "One candidate of the name matcher.")
      .def_readonly("item", &PyMatch::item, "The item.")
      .def_readonly("name", &PyMatch::name, "The item's name or alias that matched.")
      .def_readonly("score", &PyMatch::score, "Confidence in [0, 1]; 1 is the exact name.")
      .def_readonly("how", &PyMatch::how, "How it matched.")
      .def("__repr__",
           [](const PyMatch& x) {
             return "Match('" + x.item.id + "', '" + x.name + "', " + std::to_string(x.score) + ", " +
                    to_string(x.how) + ")";
           },
           "Match(item id, name, score, how).");

  py::class_<PyResolution>(m, "Resolution", "What free text names (NameMatcher.resolve).")
      .def_readonly("certainty", &PyResolution::certainty, "How sure.")
      .def_readonly("candidates", &PyResolution::candidates,
                    "Plausible candidates, best first; when confident, the first is the item.")
      .def_property_readonly(
          "confident",
          [](const PyResolution& r) -> std::optional<PyMatch> {
            if (r.certainty != Certainty::confident) return std::nullopt;
            return r.candidates.front();
          },
          "The confident match, or None.")
      .def("__repr__",
           [](const PyResolution& r) {
             std::string s = std::string("Resolution(") + to_string(r.certainty) + ", [";
             for (std::size_t i = 0; i < r.candidates.size(); ++i)
               s += (i ? ", '" : "'") + r.candidates[i].item.id + "'";
             return s + "])";
           },
           "Resolution(certainty, [item ids]).");

  py::class_<PyNameMatcher>(m, "NameMatcher",
                            "Resolves free text to catalog items: full-width, Traditional, pinyin, "
                            "colloquial aliases, typos, a name inside a sentence. Immutable.")
      .def(py::init([](const Catalog& catalog) {
             return PyNameMatcher(std::make_shared<const std::vector<Item>>(catalog.items()));
           }),
           py::arg("catalog"), "Builds the tables for a catalog's items, names and aliases.")
      .def(py::init([](std::vector<Item> items) {
             return PyNameMatcher(std::make_shared<const std::vector<Item>>(std::move(items)));
           }),
           py::arg("items"), "Builds the tables for a list of items.")
      .def("match",
           [](const PyNameMatcher& nm, std::string_view text, std::size_t max_results) {
             return to_py(nm.matcher.match(text, max_results));
           },
           py::arg("text"), py::arg("max_results") = 5,
           "Plausible candidates (score >= plausible_score), best first; [] when nothing is plausible.")
      .def("best",
           [](const PyNameMatcher& nm, std::string_view text) -> std::optional<PyMatch> {
             if (auto b = nm.matcher.best(text)) return to_py({*b}).front();
             return std::nullopt;
           },
           py::arg("text"), "The best plausible candidate, or None.")
      .def("resolve",
           [](const PyNameMatcher& nm, std::string_view text, std::size_t max_results) {
             const Resolution r = nm.matcher.resolve(text, max_results);
             return PyResolution{r.certainty, to_py(r.candidates)};
           },
           py::arg("text"), py::arg("max_results") = 5,
           "What the text names, with how sure the matcher is (confident, uncertain, none). Unlike "
           "match(), the candidates include items sharing a name or initials (hyzkzm), always uncertain.")
      .def("resolve_json",
           [](const PyNameMatcher& nm, std::string_view text, std::size_t max_results) {
             return to_json(text, nm.matcher.resolve(text, max_results));
           },
           py::arg("text"), py::arg("max_results") = 5,
           "The resolve answer as JSON (docs/design.md §8, as `jianzheng resolve --json`): {\"query\", "
           "\"certainty\", \"matches\": [{\"item\", \"name\", \"score\", \"how\"}]}.")
      .def("key_count", [](const PyNameMatcher& nm) { return nm.matcher.key_count(); },
           "Number of folded names, aliases and short forms the matcher knows.");

  m.def("normalize_name", &normalize_name, py::arg("text"),
        "Folds a name for comparison: NFKC, case, white space, punctuation removed, Traditional → Simplified.");
}

}  // namespace

JIANZHENG_BIND(30, bind_names);

}  // namespace jianzheng::python

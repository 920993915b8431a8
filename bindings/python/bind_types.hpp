// Private: Python-side holder types shared by more than one bind_<concept>.cpp. C++ results
// that point into their catalog (Match) are copied into owning holders here, so a Python
// object never dangles when the engine or matcher it came from is gone.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "jianzheng/engine.hpp"
#include "jianzheng/item.hpp"
#include "jianzheng/name_matcher.hpp"

namespace jianzheng::python {

/// One name-matcher candidate, owning its item.
struct PyMatch {
  Item item;
  std::string name;
  double score = 0;
  MatchHow how = MatchHow::exact;
};

inline std::vector<PyMatch> to_py(const std::vector<Match>& matches) {
  std::vector<PyMatch> out;
  out.reserve(matches.size());
  for (const Match& m : matches) out.push_back(PyMatch{*m.item, std::string(m.name), m.score, m.how});
  return out;
}

/// The Python Engine: the C++ Engine plus the layers it was built from, so it pickles.
struct PyEngine {
  Engine engine;
  /// Canonical JSON of each layer, base first; nothing for the embedded default.
  std::optional<std::vector<std::string>> layers_json;
};

}  // namespace jianzheng::python

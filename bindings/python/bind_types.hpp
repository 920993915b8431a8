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
#include "jianzheng/purpose.hpp"

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

/// One purpose reading, owning its carve-out and words.
struct PyPurposeReading {
  CarveOut carve_out;
  PurposeCertainty certainty = PurposeCertainty::none;
  std::vector<std::string> evidence;
  std::vector<std::string> look_alike;
  bool negated = false;
  bool doubtful = false;
  bool slip = false;
};

inline PyPurposeReading to_py(const PurposeReading& r) {
  PyPurposeReading out{*r.carve_out, r.certainty, {}, {}, r.negated, r.doubtful, r.slip};
  for (std::string_view e : r.evidence)
    if (!e.empty()) out.evidence.emplace_back(e);
  for (std::string_view e : r.look_alike)
    if (!e.empty()) out.look_alike.emplace_back(e);
  return out;
}

/// The Python Engine: the C++ Engine plus the layers it was built from, so it pickles.
struct PyEngine {
  Engine engine;
  /// Canonical JSON of each layer, base first; nothing for the embedded default.
  std::optional<std::vector<std::string>> layers_json;
};

}  // namespace jianzheng::python

// Private: Python-side holder types shared by more than one bind_<concept>.cpp. C++ results
// that point into their catalog (Match) are copied into owning holders here, so a Python
// object never dangles when the engine or matcher it came from is gone.
#pragma once
#include <string>
#include <vector>

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

}  // namespace jianzheng::python

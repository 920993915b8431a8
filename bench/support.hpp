// Shared by the benchmark programs (not part of the library): deciding requests in turn, and
// reading the rows of a labelled names set. Public API only, so a bench still builds against
// an older release of the library for a side-by-side run.
#pragma once

#include <benchmark/benchmark.h>

#include <cstddef>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "jianzheng/engine.hpp"

namespace jianzheng::bench {

/// Decides one request per iteration, taking `requests` in turn; items processed = decisions.
inline void decide_in_turn(benchmark::State& state, const Engine& engine, const std::vector<Request>& requests) {
  std::size_t i = 0;
  for (auto _ : state) {
    Decision d = engine.decide(requests[i]);
    benchmark::DoNotOptimize(d);
    if (++i == requests.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}

/// The queries of a labelled names set (TSV: query, expected, kind, …; # comments) whose kind
/// is one of `kinds` ("*": every row). Throws std::runtime_error when the file cannot be read.
inline std::vector<std::string> labelled_queries(const std::string& path, const std::vector<std::string>& kinds) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::vector<std::string> out;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::stringstream ss(line);
    std::string query, expected, kind;
    std::getline(ss, query, '\t');
    std::getline(ss, expected, '\t');
    std::getline(ss, kind, '\t');
    for (const std::string& k : kinds)
      if (k == kind || k == "*") {
        out.push_back(query);
        break;
      }
  }
  return out;
}

}  // namespace jianzheng::bench

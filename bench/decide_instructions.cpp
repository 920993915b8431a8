// Instructions per decision, for callgrind (docs/performance.md, "Decisions"): a timed
// benchmark on a shared machine moves with the load, an instruction count does not.
//
//   valgrind --tool=callgrind --toggle-collect='*decide_counted*' \
//       build-release/bench/decide_instructions id 20000
//
// decides N requests of one kind (id | text | folded | json: the sets of bench_engine, taken in
// turn) after one warm-up pass over the set, and callgrind counts only decide_counted(): the
// "Collected" total divided by N is the instructions per decision. Public API only, so the same
// file builds against an older release for a side-by-side count.
//
// An optional third argument K holds K × 48 bytes of heap before the engine is built. The
// purpose reader's per-thread cache places entries by the address of the item's table, so
// which purposes share a slot depends on where the heap put things: a decision with a purpose
// costs a hundred or so instructions more or less from one build (or, with address-space
// randomisation, one process) to the next. Counting over several K and taking the median
// compares code, not heap layouts.
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "decision_requests.hpp"
#include "jianzheng/engine.hpp"

using namespace jianzheng;

namespace {

enum class Kind { id, text, folded, json };

// Not inlined, so callgrind can count exactly this function (--toggle-collect).
// Returns a sum over the decisions so that none is optimised away.
[[gnu::noinline]] std::size_t decide_counted(const Engine& engine, Kind kind, const std::vector<Request>& requests,
                                             const std::vector<std::string>& jsons, std::size_t n) {
  std::size_t sum = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (kind == Kind::json) {
      const Request r = request_from_json(jsons[i % jsons.size()]);
      sum += to_json(engine.decide(r), Language::zh, true).size();
    } else {
      const Decision d = engine.decide(requests[i % requests.size()]);
      sum += static_cast<std::size_t>(d.outcome) + d.trace.size();
    }
  }
  return sum;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3 && argc != 4) {
    std::fprintf(stderr, "usage: decide_instructions id|text|folded|json N [K]\n");
    return 2;
  }
  const std::string mode = argv[1];
  const Kind kind = mode == "id" ? Kind::id : mode == "text" ? Kind::text : mode == "folded" ? Kind::folded : Kind::json;
  if (kind == Kind::json && mode != "json") {
    std::fprintf(stderr, "unknown kind %s (id, text, folded or json)\n", argv[1]);
    return 2;
  }
  const std::size_t n = std::strtoull(argv[2], nullptr, 10);
  const std::size_t shift = argc == 4 ? std::strtoull(argv[3], nullptr, 10) : 0;
  const std::vector<char> heap_shift(shift * 48);  // held while the engine lives
  const Engine engine;
  const std::vector<Request> requests = kind == Kind::id     ? bench::by_id_requests(engine)
                                        : kind == Kind::json ? std::vector<Request>{}
                                                             : bench::text_requests(kind == Kind::folded);
  const std::vector<std::string> jsons = bench::request_jsons();
  // The warm-up pass (lazy caches filled) is outside decide_counted, so callgrind leaves it out.
  std::size_t sum = 0;
  for (const Request& r : requests) sum += engine.decide(r).trace.size();
  for (const std::string& j : jsons) sum += to_json(engine.decide(request_from_json(j)), Language::zh, true).size();
  sum += decide_counted(engine, kind, requests, jsons, n);
  std::printf("%s: %zu decisions (checksum %zu)\n", argv[1], n, sum);
  return 0;
}

// Decisions per second (docs/performance.md, "Decisions"): by item id with the full trace,
// from free text, and request JSON → decision JSON. One core; the embedded default engine.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "jianzheng/engine.hpp"
#include "decision_requests.hpp"
#include "support.hpp"

using namespace jianzheng;

namespace {

const Engine& engine() {
  static const Engine e;
  return e;
}

void BM_DecideById(benchmark::State& state) {
  const std::vector<Request> requests = bench::by_id_requests(engine());
  bench::decide_in_turn(state, engine(), requests);
}
BENCHMARK(BM_DecideById);

void BM_DecideByText(benchmark::State& state) {
  const std::vector<Request> requests = bench::text_requests(false);
  bench::decide_in_turn(state, engine(), requests);
}
BENCHMARK(BM_DecideByText);

void BM_DecideByFoldedText(benchmark::State& state) {
  const std::vector<Request> requests = bench::text_requests(true);
  bench::decide_in_turn(state, engine(), requests);
}
BENCHMARK(BM_DecideByFoldedText);

void BM_RequestJsonToDecisionJson(benchmark::State& state) {
  const std::vector<std::string> inputs = bench::request_jsons();
  std::size_t i = 0, bytes = 0;
  for (auto _ : state) {
    const Request r = request_from_json(inputs[i]);
    std::string out = to_json(engine().decide(r), Language::zh, true);
    bytes += out.size();
    benchmark::DoNotOptimize(out);
    if (++i == inputs.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_RequestJsonToDecisionJson);

void BM_DecideMany(benchmark::State& state) {
  std::vector<Request> requests;
  const std::vector<Request> base = bench::by_id_requests(engine());
  while (requests.size() < 100000) requests.insert(requests.end(), base.begin(), base.end());
  for (auto _ : state) {
    std::vector<Decision> d = engine().decide_many(requests, static_cast<unsigned>(state.range(0)));
    benchmark::DoNotOptimize(d);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(requests.size()));
}
BENCHMARK(BM_DecideMany)->Arg(1)->Arg(2)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();

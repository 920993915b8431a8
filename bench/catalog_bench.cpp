// Catalog look-ups sit on the decision hot path (one find per decision, millions per
// second downstream); composition and loading happen once per engine or date interval.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "jianzheng/catalog.hpp"

namespace {

using namespace jianzheng;

const Catalog& catalog() {
  static const Catalog cat = Catalog::embedded_default(Date::from_ymd(2021, 9, 30));
  return cat;
}

void BM_find_by_id(benchmark::State& state) {
  const Catalog& cat = catalog();
  std::vector<std::string> ids;
  for (const auto& it : cat.items()) ids.push_back(it.id);
  ids.push_back("not-an-item");
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(cat.find(ids[i]));
    i = (i + 1) % ids.size();
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_find_by_id);

void BM_find_by_name(benchmark::State& state) {
  const Catalog& cat = catalog();
  const std::vector<std::string> names = {"单身证明", "婚姻状况证明", "收入证明", "在世证明", "居住证明", "无犯罪证明"};
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(cat.find_name(names[i]));
    i = (i + 1) % names.size();
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_find_by_name);

void BM_compose_default(benchmark::State& state) {
  const auto layers = default_layers();
  for (auto _ : state) benchmark::DoNotOptimize(Catalog::compose(layers, Date::from_ymd(2021, 9, 30)));
}
BENCHMARK(BM_compose_default);

void BM_parse_batch1(benchmark::State& state) {
  const std::string text = to_json(default_layers().front());
  for (auto _ : state) benchmark::DoNotOptimize(parse_catalog_layer(text, "batch1"));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_parse_batch1);

void BM_catalog_to_json(benchmark::State& state) {
  const Catalog& cat = catalog();
  for (auto _ : state) benchmark::DoNotOptimize(to_json(cat));
}
BENCHMARK(BM_catalog_to_json);

}  // namespace

BENCHMARK_MAIN();

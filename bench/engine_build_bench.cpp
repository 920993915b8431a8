// Building an engine (issue 12, "Memory"): one composed catalog, name matcher and hash per
// interval between the layers' dated changes. A layer of N dated renames of one item makes
// N + 1 compositions; the engine takes at most 256 dates (docs/performance.md). Reports the
// CPU time to build and the heap the engine holds afterwards (glibc mallinfo2).
#include <benchmark/benchmark.h>
#include <malloc.h>

#include <memory>
#include <string>
#include <vector>

#include "jianzheng/catalog.hpp"
#include "jianzheng/engine.hpp"

namespace {

std::vector<jianzheng::CatalogLayer> with_renames(int n) {
  std::vector<jianzheng::CatalogLayer> layers = jianzheng::default_layers();
  jianzheng::CatalogLayer l;
  l.provenance.id = "bench-renames";
  l.provenance.level = jianzheng::JurisdictionLevel::county;
  l.provenance.jurisdiction = "测试县";
  l.provenance.title = "逐日更名";
  l.extends = "cn-national-amendments";
  for (int k = 0; k < n; ++k) {
    jianzheng::Change c;
    c.kind = jianzheng::ChangeKind::rename;
    c.item = "alive";
    c.from = jianzheng::Date::from_ymd(2021, 7, 1).plus_days(k);
    c.name = "生存状况证明第" + std::to_string(k) + "版";
    l.changes.push_back(c);
  }
  layers.push_back(l);
  return layers;
}

void BM_EngineBuild(benchmark::State& state) {
  const auto layers = with_renames(static_cast<int>(state.range(0)));
  double held = 0;
  for (auto _ : state) {
    const std::size_t before = mallinfo2().uordblks;
    auto engine = std::make_unique<jianzheng::Engine>(layers);
    held = static_cast<double>(mallinfo2().uordblks - before);
    state.PauseTiming();
    engine.reset();
    state.ResumeTiming();
  }
  // The canonical JSON of every composition together: what the engine's 64 MiB bound counts.
  const jianzheng::Engine engine(layers);
  double json = static_cast<double>(jianzheng::to_json(engine.catalog(jianzheng::Date::from_ymd(2000, 1, 1))).size());
  for (const jianzheng::Date& d : engine.catalog(jianzheng::Date::from_ymd(2000, 1, 1)).breakpoints())
    json += static_cast<double>(jianzheng::to_json(engine.catalog(d)).size());
  state.counters["compositions"] = static_cast<double>(state.range(0) + 1);
  state.counters["heap_MB"] = held / (1 << 20);
  state.counters["json_MB"] = json / (1 << 20);
}
BENCHMARK(BM_EngineBuild)->Arg(0)->Arg(16)->Arg(64)->Arg(256)->Unit(benchmark::kMillisecond);

// The refusal: a layer of 1,000 dated renames (1.2 GB before the bound).
void BM_EngineRefuse1000(benchmark::State& state) {
  const auto layers = with_renames(1000);
  for (auto _ : state) {
    try {
      jianzheng::Engine engine(layers);
    } catch (const std::exception&) {
    }
  }
}
BENCHMARK(BM_EngineRefuse1000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();

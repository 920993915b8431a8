// Speed of the name matcher (issue 4): exact/alias hits (target ≥ 2 million a second on one
// core), typical free text — a sentence, a typo — (target median < 5 µs), and building the
// matcher for the default catalog (target < 20 ms, ICU set-up included). Figures go to
// docs/performance.md. The free-text queries are the labelled set's "sentence" and "typo"
// rows (tests/data/names/queries.tsv), one benchmark each, so their median can be read off.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "jianzheng/catalog.hpp"
#include "jianzheng/name_matcher.hpp"
#include "support.hpp"

namespace {

using jianzheng::Catalog;
using jianzheng::NameMatcher;

const Catalog& national() {
  static const Catalog c = Catalog::embedded_default(jianzheng::Date::parse("2021-06-01"));
  return c;
}

// Rows of the labelled set of the given kinds.
std::vector<std::string> labelled(std::initializer_list<const char*> kinds) {
  // The set lives next to this file's folder: bench/../tests/data/names/queries.tsv.
  std::string path = __FILE__;
  path = path.substr(0, path.find_last_of("/\\") + 1) + "../tests/data/names/queries.tsv";
  return jianzheng::bench::labelled_queries(path, std::vector<std::string>(kinds.begin(), kinds.end()));
}

// The first matcher built in the process: ICU's normalisation data is loaded here. Runs
// once, before anything else touches ICU.
void BM_BuildFirstInProcess(benchmark::State& state) {
  const Catalog& catalog = national();
  for (auto _ : state) {
    NameMatcher m(catalog);
    benchmark::DoNotOptimize(m);
  }
}
BENCHMARK(BM_BuildFirstInProcess)->Iterations(1)->Unit(benchmark::kMillisecond);

void BM_Build(benchmark::State& state) {
  const Catalog& catalog = national();
  for (auto _ : state) {
    NameMatcher m(catalog);
    benchmark::DoNotOptimize(m);
  }
  state.counters["keys"] = static_cast<double>(NameMatcher(catalog).key_count());
}
BENCHMARK(BM_Build)->Unit(benchmark::kMillisecond);

const NameMatcher& matcher() {
  static const NameMatcher m(national());
  return m;
}

// Exact names and aliases, cycled (raw hash-map hits).
void BM_ExactOrAlias(benchmark::State& state) {
  std::vector<std::string> names;
  for (const auto& item : national().items()) {
    names.push_back(item.name);
    for (const auto& a : item.aliases) names.push_back(a.name);
  }
  std::size_t i = 0;
  for (auto _ : state) {
    auto m = matcher().match(names[i]);
    benchmark::DoNotOptimize(m);
    if (++i == names.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ExactOrAlias);
BENCHMARK(BM_ExactOrAlias)->Threads(2);

void run_queries(benchmark::State& state, const std::vector<std::string>& queries) {
  std::size_t i = 0;
  for (auto _ : state) {
    auto m = matcher().match(queries[i]);
    benchmark::DoNotOptimize(m);
    if (++i == queries.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_Kind(benchmark::State& state, const char* kind) { run_queries(state, labelled({kind})); }
BENCHMARK_CAPTURE(BM_Kind, traditional, "traditional");
BENCHMARK_CAPTURE(BM_Kind, width, "width");
BENCHMARK_CAPTURE(BM_Kind, pinyin, "pinyin");
BENCHMARK_CAPTURE(BM_Kind, initials, "initials");
BENCHMARK_CAPTURE(BM_Kind, typo, "typo");
BENCHMARK_CAPTURE(BM_Kind, sentence, "sentence");
BENCHMARK_CAPTURE(BM_Kind, none, "none");

// Each sentence and typo query on its own: the median of these is the "typical free text"
// figure.
void BM_FreeText(benchmark::State& state) {
  static const std::vector<std::string> queries = labelled({"sentence", "typo"});
  const std::string& q = queries[static_cast<std::size_t>(state.range(0))];
  state.SetLabel(q);
  for (auto _ : state) {
    auto m = matcher().match(q);
    benchmark::DoNotOptimize(m);
  }
}
BENCHMARK(BM_FreeText)->DenseRange(0, static_cast<int>(labelled({"sentence", "typo"}).size()) - 1);

void BM_NormalizeName(benchmark::State& state) {
  for (auto _ : state) {
    auto s = jianzheng::normalize_name("《居民財產證明（收入證明）》");
    benchmark::DoNotOptimize(s);
  }
}
BENCHMARK(BM_NormalizeName);

}  // namespace

BENCHMARK_MAIN();

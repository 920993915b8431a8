// Locating values in JSON documents (issue 12, "Hang"): every survey row reports its line, and
// every error its line:column. Positions are indexed once per document, so reading a survey
// return grows linearly with its rows; before, each row rescanned the document (10,000 rows
// took about 19 s).
#include <benchmark/benchmark.h>

#include <string>

#include "jianzheng/catalog.hpp"
#include "jianzheng/survey.hpp"
#include "embedded_data.hpp"
#include "json/json_io.hpp"

namespace {

std::string survey_json(int rows) {
  std::string s = "{\n  \"unit\": \"红湾寺镇\",\n  \"date\": \"2020-12-28\",\n  \"rows\": [\n";
  for (int i = 0; i < rows; ++i) {
    s += std::string(i ? ",\n" : "") + "    {\"seq\": " + std::to_string(i + 1) +
         ", \"name\": \"居住证明" + std::to_string(i) +
         "\", \"basis\": \"《居住证暂行条例》第九条\", \"implementer\": \"各村（社区）\", \"authority\": \"县公安局\", \"note\": \"\"}";
  }
  return s + "\n  ]\n}\n";
}

// parse_survey_json: parse, index, read every row and locate its line.
void BM_SurveyJson(benchmark::State& state) {
  const std::string text = survey_json(static_cast<int>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(jianzheng::parse_survey_json(text, "return.json"));
  state.SetItemsProcessed(state.iterations() * state.range(0));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_SurveyJson)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);

// A Document alone (parse, UTF-8 check, position index, duplicate-key check) on the
// national catalog file, and locating one value in it.
void BM_DocumentCatalog(benchmark::State& state) {
  const std::string text(jianzheng::detail::embedded_file("catalog/national-batch1.json"));
  for (auto _ : state) {
    jianzheng::detail::Document doc(text, "national-batch1.json");
    benchmark::DoNotOptimize(doc.root());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_DocumentCatalog)->Unit(benchmark::kMicrosecond);

void BM_Locate(benchmark::State& state) {
  const std::string text = survey_json(10000);
  const jianzheng::detail::Document doc(text, "return.json");
  int i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(doc.locate("/rows/" + std::to_string(i) + "/name"));
    i = (i + 7919) % 10000;
  }
}
BENCHMARK(BM_Locate);

}  // namespace

BENCHMARK_MAIN();

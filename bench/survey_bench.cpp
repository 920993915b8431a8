// Survey throughput (二（三）1–2): reading a large 附件2 CSV in UTF-8 and GB18030, checking its
// rows, and merging many returns. A county has a few dozen returns of tens of rows; these
// sizes are far above that, to show the work is not the bottleneck of a batch job.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "jianzheng/catalog.hpp"
#include "jianzheng/survey.hpp"
#include "text/charset.hpp"

namespace {

const char* const kNames[] = {"居住证明", "亲属关系证明（用于办理公证）", "独生子女证明", "户籍证明",
                              "生猪养殖证明", "单身证明", "草场使用情况证明", "健在证明"};
const char* const kBases[] = {"《居住证暂行条例》第九条", "", "《甘肃省人口与计划生育条例》", "",
                              "《某县关于做好生猪养殖补贴发放工作的通知》", "", "《村规民约》", ""};

// A return of `rows` rows, as CSV.
std::string csv_of(int rows, int unit) {
  std::string s = "应由基层群众性自治组织出具证明事项统计表,,,,,\n填报单位（盖章）：示例" +
                  std::to_string(unit) + "镇,,,时间：2020年12月28日,,\n序号,证明事项名称,法律法规、政策依据,实施单位,主管部门,备注\n";
  for (int i = 0; i < rows; ++i)
    s += std::to_string(i + 1) + "," + kNames[i % 8] + std::to_string(i / 8) + "," + kBases[i % 8] +
         ",\"各村（社区）\",县民政局,\"备注，含逗号\"\n";
  return s;
}

void BM_ParseUtf8(benchmark::State& state) {
  const std::string csv = csv_of(static_cast<int>(state.range(0)), 1);
  for (auto _ : state) benchmark::DoNotOptimize(jianzheng::parse_survey_csv(csv));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * csv.size()));
}
BENCHMARK(BM_ParseUtf8)->Arg(2000);

void BM_ParseGb18030(benchmark::State& state) {
  const std::string csv = jianzheng::detail::utf8_to_gb18030(csv_of(static_cast<int>(state.range(0)), 1));
  for (auto _ : state) benchmark::DoNotOptimize(jianzheng::parse_survey_csv(csv));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * csv.size()));
}
BENCHMARK(BM_ParseGb18030)->Arg(2000);

void BM_Validate(benchmark::State& state) {
  const auto catalog = jianzheng::Catalog::embedded_default(jianzheng::Date::from_ymd(2021, 1, 15));
  const auto survey = jianzheng::parse_survey_csv(csv_of(static_cast<int>(state.range(0)), 1));
  for (auto _ : state) benchmark::DoNotOptimize(jianzheng::validate_survey(survey, catalog));
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_Validate)->Arg(2000)->Unit(benchmark::kMillisecond);

void BM_Merge(benchmark::State& state) {
  const auto catalog = jianzheng::Catalog::embedded_default(jianzheng::Date::from_ymd(2021, 1, 15));
  std::vector<jianzheng::SurveyReturn> returns;
  for (int u = 0; u < state.range(0); ++u) returns.push_back(jianzheng::parse_survey_csv(csv_of(100, u)));
  for (auto _ : state) benchmark::DoNotOptimize(jianzheng::merge_surveys(returns, catalog));
  state.SetItemsProcessed(state.iterations() * state.range(0) * 100);
}
BENCHMARK(BM_Merge)->Arg(20)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();

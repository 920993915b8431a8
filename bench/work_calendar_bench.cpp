// WorkCalendar speed: the decisions engine asks for 限时办结 due dates (二（三）5) at high
// rates, so is_working_day and add_working_days must be cheap and allocation-free.
#include <benchmark/benchmark.h>

#include <vector>

#include "jianzheng/work_calendar.hpp"

using jianzheng::Coverage;
using jianzheng::Date;
using jianzheng::WorkCalendar;

namespace {

// Every day of 2020-01-01 … 2025-12-31, in a fixed order: even 200 working days later
// stays inside the covered years.
std::vector<Date> covered_days() {
  std::vector<Date> out;
  for (Date d = Date::from_ymd(2020, 1, 1); d <= Date::from_ymd(2025, 12, 31); d = d.plus_days(1)) out.push_back(d);
  return out;
}

void BM_is_working_day(benchmark::State& state) {
  const auto& cal = WorkCalendar::embedded_default();
  const auto days = covered_days();
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(cal.is_working_day(days[i]));
    if (++i == days.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_is_working_day);

// n working days after every covered day; n = 5 is the default 限时 limit.
void BM_add_working_days(benchmark::State& state) {
  const auto& cal = WorkCalendar::embedded_default();
  const auto days = covered_days();
  const long n = state.range(0);
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(cal.add_working_days(days[i], n));
    if (++i == days.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_add_working_days)->Arg(1)->Arg(5)->Arg(20)->Arg(200);

void BM_add_working_days_weekdays_only(benchmark::State& state) {
  const auto& cal = WorkCalendar::embedded_default();
  Date d = Date::from_ymd(2027, 1, 1);
  for (auto _ : state) {
    benchmark::DoNotOptimize(cal.add_working_days(d, 5, Coverage::weekdays_only));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_add_working_days_weekdays_only);

void BM_working_days_between(benchmark::State& state) {
  const auto& cal = WorkCalendar::embedded_default();
  const auto days = covered_days();
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(cal.working_days_between(days[i], days[days.size() - 1 - i]));
    if (++i == days.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_working_days_between);

// status() builds strings (the reason): slower, not on the hot path.
void BM_status(benchmark::State& state) {
  const auto& cal = WorkCalendar::embedded_default();
  const auto days = covered_days();
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(cal.status(days[i]));
    if (++i == days.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_status);

// The first call parses the embedded JSON; later calls return the cached calendar.
void BM_embedded_default(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(&WorkCalendar::embedded_default());
}
BENCHMARK(BM_embedded_default);


}  // namespace

BENCHMARK_MAIN();

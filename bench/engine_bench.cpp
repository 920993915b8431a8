// Decisions per second (docs/performance.md, "Decisions"): by item id with the full trace,
// from free text, and request JSON → decision JSON. One core; the embedded default engine.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "jianzheng/engine.hpp"
#include "support.hpp"

using namespace jianzheng;

namespace {

const Engine& engine() {
  static const Engine e;
  return e;
}

// A spread of requests over every item and several fact patterns, all dated (so the due date
// is computed on the work calendar for complex outcomes).
std::vector<Request> by_id_requests() {
  std::vector<Request> out;
  const Date day = Date::from_ymd(2021, 9, 30);
  const Tri patterns[][5] = {
      {Tri::yes, Tri::yes, Tri::no, Tri::no, Tri::no},
      {Tri::yes, Tri::unknown, Tri::unknown, Tri::no, Tri::no},
      {Tri::unknown, Tri::unknown, Tri::unknown, Tri::unknown, Tri::unknown},
      {Tri::yes, Tri::yes, Tri::yes, Tri::no, Tri::yes},
  };
  const char* purposes[] = {"", "不动产登记", "办理收养登记", "银行贷款"};
  int k = 0;
  for (const Item& item : engine().catalog(day).items())
    for (const auto& p : patterns) {
      Request r;
      r.item = item.id;
      r.purpose = purposes[k++ % 4];
      r.date = day;
      for (std::size_t i = 0; i < fact_count; ++i) r.facts.values[i] = p[i];
      out.push_back(r);
    }
  return out;
}

void BM_DecideById(benchmark::State& state) {
  const std::vector<Request> requests = by_id_requests();
  bench::decide_in_turn(state, engine(), requests);
}
BENCHMARK(BM_DecideById);

// Free text as clerks type it: list names, seed aliases, added colloquial aliases, and
// spellings that need folding (brackets, spaces, full-width, traditional characters).
std::vector<Request> text_requests(bool folded_only) {
  const std::vector<std::string> exact = {"婚姻状况证明", "单身证明", "亲属关系证明", "收入证明",
                                          "无犯罪记录证明", "户籍证明", "死亡证明", "经营场所证明",
                                          "健在证明", "在世证明", "房产证明", "证件遗失证明"};
  const std::vector<std::string> folded = {"《婚姻状况证明》", "居民 财产证明", "亲屬關係證明",
                                           "无犯罪证明 ", "（户籍证明）", "出生證明"};
  std::vector<Request> out;
  for (const auto* list : {&exact, &folded}) {
    if (folded_only && list == &exact) continue;
    for (const std::string& t : *list) {
      Request r;
      r.text = t;
      r.purpose = "银行贷款";
      r.date = Date::from_ymd(2021, 9, 30);
      r.facts.set(Fact::within_duties, Tri::yes);
      out.push_back(r);
    }
  }
  return out;
}

void BM_DecideByText(benchmark::State& state) {
  const std::vector<Request> requests = text_requests(false);
  bench::decide_in_turn(state, engine(), requests);
}
BENCHMARK(BM_DecideByText);

void BM_DecideByFoldedText(benchmark::State& state) {
  const std::vector<Request> requests = text_requests(true);
  bench::decide_in_turn(state, engine(), requests);
}
BENCHMARK(BM_DecideByFoldedText);

void BM_RequestJsonToDecisionJson(benchmark::State& state) {
  const std::vector<std::string> inputs = {
      R"({"item": "marital-status", "text": "单身证明", "purpose": "银行贷款", "requester": {"kind": "civil_commercial_entity", "name": "某银行"}, "bases": [{"title": "《中国公民收养子女登记办法》", "article": "第五条", "level": "administrative_regulation"}], "facts": {"within_duties": "yes", "verifiable": "unknown", "transitional_need": "no", "public_interest": "no", "legal_risk": "no"}, "date": "2021-09-30"})",
      R"({"item": "kinship", "purpose": "不动产登记", "facts": {"within_duties": "yes", "verifiable": "yes"}, "date": "2021-09-30"})",
      R"({"text": "居住证明", "bases": ["《中华人民共和国公证法》第十一条"], "facts": {"within_duties": "yes", "verifiable": "yes", "legal_risk": "no"}, "date": "2021-09-30"})",
  };
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
  const std::vector<Request> base = by_id_requests();
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

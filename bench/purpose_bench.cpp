// Reading purposes (docs/performance.md, "Purposes"): PurposeMatcher::read on what platforms
// send (already folded: scanned in place) and on sentences as residents and letters write them
// (split and folded), and decisions whose purpose is a sentence. One core; the embedded default.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "jianzheng/catalog.hpp"
#include "jianzheng/engine.hpp"
#include "jianzheng/purpose.hpp"
#include "support.hpp"

using namespace jianzheng;

namespace {

const Engine& engine() {
  static const Engine e;
  return e;
}

const Catalog& catalog() { return engine().catalog(Date::from_ymd(2021, 9, 30)); }

const PurposeMatcher& matcher() {
  static const PurposeMatcher m(catalog());
  return m;
}

struct Case {
  const char* item;
  const char* purpose;
};

// Plain: Simplified Han only, as a platform form sends it.
const std::vector<Case> kPlain = {
    {"kinship", "不动产登记"}, {"kinship", "办理公证"},       {"kinship", "银行贷款"},
    {"marital-status", "办理收养登记"}, {"marital-status", "补领结婚证"}, {"property", "申请法律援助"},
    {"personal-archive", "按照国家规定办理退休手续"}, {"kinship", "过户用"}};

// Sentences: punctuation, clauses, negation, doubt, look-alikes.
const std::vector<Case> kSentences = {
    {"kinship", "老人过世了，房子要过户到儿子名下"},
    {"kinship", "不是公证用，银行要"},
    {"marital-status", "结婚证丢了，到民政局补领结婚证"},
    {"marital-status", "婚姻登记档案丢失，补领结婚证"},
    {"kinship", "是不是要公证还不知道"},
    {"personal-archive", "按照国家规定办理退休手续，单位要个人档案证明"},
    {"property", "经审查，申请人申请法律援助，需提供经济困难状况证明。"},
    {"kinship", "分房产，办过户"}};

void run_reads(benchmark::State& state, const std::vector<Case>& cases) {
  std::vector<const Item*> items;
  for (const Case& c : cases) items.push_back(catalog().find(c.item));
  PurposeReading out[3];
  std::size_t i = 0;
  for (auto _ : state) {
    std::size_t n = matcher().read(*items[i], cases[i].purpose, out, 3);
    benchmark::DoNotOptimize(n);
    benchmark::DoNotOptimize(out);
    if (++i == cases.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_ReadPlainPurpose(benchmark::State& state) { run_reads(state, kPlain); }
BENCHMARK(BM_ReadPlainPurpose);

void BM_ReadSentencePurpose(benchmark::State& state) { run_reads(state, kSentences); }
BENCHMARK(BM_ReadSentencePurpose);

void BM_DecideWithSentencePurpose(benchmark::State& state) {
  std::vector<Request> requests;
  for (const Case& c : kSentences) {
    Request r;
    r.item = c.item;
    r.purpose = c.purpose;
    r.date = Date::from_ymd(2021, 9, 30);
    r.facts.set(Fact::within_duties, Tri::yes);
    r.facts.set(Fact::verifiable, Tri::yes);
    requests.push_back(r);
  }
  bench::decide_in_turn(state, engine(), requests);
}
BENCHMARK(BM_DecideWithSentencePurpose);

void BM_BuildPurposeMatcher(benchmark::State& state) {
  for (auto _ : state) {
    PurposeMatcher m(catalog());
    benchmark::DoNotOptimize(m);
  }
}
BENCHMARK(BM_BuildPurposeMatcher);

}  // namespace

BENCHMARK_MAIN();

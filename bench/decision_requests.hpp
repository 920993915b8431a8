// The requests the decision benchmarks decide (bench_engine and decide_instructions), in one
// place so that the timed and the counted runs decide the same work. Public API only, so it
// still builds against an older release of the library for a side-by-side run.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "jianzheng/engine.hpp"

namespace jianzheng::bench {

/// A spread of requests over every item and several fact patterns, all dated (so the due date
/// is computed on the work calendar for complex outcomes).
inline std::vector<Request> by_id_requests(const Engine& engine) {
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
  for (const Item& item : engine.catalog(day).items())
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

/// Free text as clerks type it: list names, seed aliases, added colloquial aliases, and
/// spellings that need folding (brackets, spaces, full-width, traditional characters).
/// `folded_only`: only the spellings that need folding.
inline std::vector<Request> text_requests(bool folded_only) {
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

/// Request JSON as a platform sends it: an id with text, requester and bases; an id with a
/// carve-out purpose; free text with a basis string.
inline std::vector<std::string> request_jsons() {
  return {
      R"({"item": "marital-status", "text": "单身证明", "purpose": "银行贷款", "requester": {"kind": "civil_commercial_entity", "name": "某银行"}, "bases": [{"title": "《中国公民收养子女登记办法》", "article": "第五条", "level": "administrative_regulation"}], "facts": {"within_duties": "yes", "verifiable": "unknown", "transitional_need": "no", "public_interest": "no", "legal_risk": "no"}, "date": "2021-09-30"})",
      R"({"item": "kinship", "purpose": "不动产登记", "facts": {"within_duties": "yes", "verifiable": "yes"}, "date": "2021-09-30"})",
      R"({"text": "居住证明", "bases": ["《中华人民共和国公证法》第十一条"], "facts": {"within_duties": "yes", "verifiable": "yes", "legal_risk": "no"}, "date": "2021-09-30"})",
  };
}

}  // namespace jianzheng::bench

// decide: a service desk asks the engine about three requests a resident might bring — a
// "单身证明" for a bank loan (附件1: refused, with the route), a kinship certificate for a
// notarisation (附件1's carve-out: issued for that purpose only), and a certificate on a
// county list resting on a law (二（一）1: must issue, within the time limit of 二（三）5).
#include <iostream>

#include "jianzheng/engine.hpp"

int main() {
  using namespace jianzheng;
  const Engine engine;  // the embedded default: national batch 1, the policy's clauses, the calendar

  Request loan;
  loan.text = "单身证明";
  loan.purpose = "银行贷款";
  loan.date = Date::parse("2021-09-30");
  loan.facts.set(Fact::within_duties, Tri::yes);

  Request notary = loan;
  notary.text.clear();
  notary.item = "kinship";
  notary.purpose = "办理继承公证";
  notary.facts.set(Fact::verifiable, Tri::yes);

  Request county = notary;
  county.item.clear();
  county.text = "村民小组成员身份证明";  // on no national list: decided by its basis
  county.purpose.clear();
  county.bases.push_back(parse_basis("《中华人民共和国村民委员会组织法》第二十八条"));
  county.facts.set(Fact::legal_risk, Tri::no);

  for (const Request& r : {loan, notary, county}) {
    const Decision d = engine.decide(r);
    std::cout << (d.item ? d.item->name : r.text) << ": " << to_string(d.outcome) << " ["
              << d.deciding_clause()->path << "]\n  " << explain(d) << "\n";
  }
  // The same decision as JSON for a platform (docs/design.md §8), one line.
  std::cout << to_json(engine.decide(notary), Language::en, true).substr(0, 60) << "…\n";
}

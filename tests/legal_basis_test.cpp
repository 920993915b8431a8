// parse_basis: a basis given as text → title, article, level where the title makes it clear.
// 二（一）1 / 二（二）1 turn on the level, so a wrong level would change decisions.
#include "jianzheng/legal_basis.hpp"

#include <catch2/catch.hpp>

using namespace jianzheng;

TEST_CASE("a law with an article parses into title, article and level law", "[legal_basis]") {
  const LegalBasis b = parse_basis("《中华人民共和国公证法》第十一条");
  CHECK(b.title == "《中华人民共和国公证法》");
  CHECK(b.article == "第十一条");
  CHECK(b.level == BasisLevel::law);
}

TEST_CASE("the article keeps its paragraph and item", "[legal_basis]") {
  const LegalBasis b = parse_basis("《中华人民共和国城市居民委员会组织法》第三条第一款第（一）项");
  CHECK(b.title == "《中华人民共和国城市居民委员会组织法》");
  CHECK(b.article == "第三条第一款");  // （一）项 is not a numeral run: stops after 款
  CHECK(b.level == BasisLevel::law);   // 城市 is no place name
  CHECK(parse_basis("《中华人民共和国民法典》第一千零八十二条").article == "第一千零八十二条");
  CHECK(parse_basis("《中华人民共和国民法典》").level == BasisLevel::law);
  CHECK(parse_basis("《中华人民共和国法律援助法》第41条").article == "第41条");
}

TEST_CASE("regulations are administrative unless a place or 自治/单行 marks them local", "[legal_basis]") {
  CHECK(parse_basis("《婚姻登记条例》第十三条").level == BasisLevel::administrative_regulation);
  CHECK(parse_basis("国务院《城市供水条例》").level == BasisLevel::administrative_regulation);
  CHECK(parse_basis("国务院《城市供水条例》").issuer == "国务院");
  // A province's 实施〈…法〉办法 is passed by its people's congress: a local regulation.
  CHECK(parse_basis("《甘肃省实施〈中华人民共和国村民委员会组织法〉办法》").level == BasisLevel::local_regulation);
  CHECK(parse_basis("《甘肃省人民政府办公厅政务服务管理办法》").level == BasisLevel::departmental_rule);
  CHECK(parse_basis("《甘肃省老年人权益保障条例》").level == BasisLevel::local_regulation);
  CHECK(parse_basis("《肃南裕固族自治县自治条例》").level == BasisLevel::local_regulation);
  CHECK(parse_basis("《张掖市城市绿化条例》").level == BasisLevel::local_regulation);
}

TEST_CASE("rules, policy documents and the retained list are told apart by the title", "[legal_basis]") {
  CHECK(parse_basis("《中国公民收养子女登记办法》第五条").level == BasisLevel::departmental_rule);
  CHECK(parse_basis("《社会救助暂行办法》").level == BasisLevel::departmental_rule);
  const LegalBasis notice = parse_basis("某县人民政府关于进一步做好社会救助工作的通知");
  CHECK(notice.title == "某县人民政府关于进一步做好社会救助工作的通知");
  CHECK(notice.article.empty());
  CHECK(notice.level == BasisLevel::policy_document);
  CHECK(parse_basis("《关于改进和规范基层群众性自治组织出具证明工作的指导意见》").level == BasisLevel::policy_document);
  CHECK(parse_basis("肃南裕固族自治县改进和规范基层群众性自治组织出具证明工作实施方案").level == BasisLevel::policy_document);
  CHECK(parse_basis("经国务院批准列入保留证明事项清单").level == BasisLevel::state_council_retained_list);
}

TEST_CASE("text whose title says nothing of its level is unknown, never a guess", "[legal_basis]") {
  CHECK(parse_basis("村里的老规矩").level == BasisLevel::unknown);
  CHECK(parse_basis("《某某文件汇编》第三条").level == BasisLevel::unknown);
  const LegalBasis empty = parse_basis("   ");
  CHECK(empty.title.empty());
  CHECK(empty.level == BasisLevel::unknown);
  // Without 《》 the title runs up to the article.
  const LegalBasis bare = parse_basis("居民委员会组织法 第三条");
  CHECK(bare.title == "居民委员会组织法");
  CHECK(bare.article == "第三条");
  CHECK(bare.level == BasisLevel::law);
}

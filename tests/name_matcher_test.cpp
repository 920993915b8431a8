#include "jianzheng/name_matcher.hpp"

#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <boost/json.hpp>

#include "jianzheng/catalog.hpp"
#include "jianzheng/error.hpp"

using jianzheng::Catalog;
using jianzheng::Item;
using jianzheng::MatchHow;
using jianzheng::NameMatcher;

namespace {

// The embedded national first batch (附件1) with its alias table, composed once.
const Catalog& national() {
  static const Catalog catalog = Catalog::embedded_default(jianzheng::Date::parse("2021-06-01"));
  return catalog;
}
const NameMatcher& matcher() {
  static const NameMatcher m(national());
  return m;
}

std::string best_id(const NameMatcher& m, const std::string& text) {
  auto b = m.best(text);
  return b ? b->item->id : "-";
}

struct Query {
  std::string text, expected, kind;
  int line;
};

std::vector<Query> labelled_queries(const std::string& file = "queries.tsv", std::size_t columns = 3) {
  std::ifstream in(JIANZHENG_TEST_DATA_DIR "/names/" + file, std::ios::binary);
  REQUIRE(in);
  std::vector<Query> out;
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f;
    std::stringstream ss(line);
    std::string cell;
    while (std::getline(ss, cell, '\t')) f.push_back(cell);
    INFO(file << " line " << n);
    REQUIRE(f.size() == columns);
    out.push_back({f[0], f[1], f[2], n});
  }
  return out;
}

}  // namespace

TEST_CASE("An exact name or alias matches alone, with its source", "[names]") {
  // 附件1 第8项: 婚姻状况证明（婚姻关系证明、分居证明）
  auto m = matcher().match("婚姻状况证明");
  REQUIRE(m.size() == 1);
  CHECK(m[0].item->id == "marital-status");
  CHECK(m[0].how == MatchHow::exact);
  CHECK(m[0].score == 1.0);
  CHECK(m[0].name == "婚姻状况证明");

  auto seed = matcher().match("分居证明");
  REQUIRE(seed.size() == 1);
  CHECK(seed[0].item->id == "marital-status");
  CHECK(seed[0].how == MatchHow::alias);
  CHECK(seed[0].name == "分居证明");

  auto added = matcher().match("单身证明");  // the added alias table
  REQUIRE(added.size() == 1);
  CHECK(added[0].item->id == "marital-status");
  CHECK(added[0].how == MatchHow::alias);
  CHECK(added[0].score < seed[0].score);  // a seed alias is better founded than an added one
}

TEST_CASE("Width, case, spaces, punctuation and brackets do not matter", "[names]") {
  for (const char* text : {"《无犯罪记录证明》", " 无犯罪 记录证明。", "“无犯罪记录证明”", "【无犯罪记录证明】"}) {
    INFO(text);
    auto b = matcher().best(text);
    REQUIRE(b);
    CHECK(b->item->id == "no-criminal-record");
    CHECK(b->how == MatchHow::exact);
  }
  CHECK(jianzheng::normalize_name("《居民財產證明》 ") == "居民财产证明");
  CHECK(jianzheng::normalize_name("ＡＢＣ１２３ 证明（用于不动产登记）") == "abc123证明用于不动产登记");
  CHECK(jianzheng::normalize_name("  ") == "");
}

TEST_CASE("Traditional characters resolve and say so", "[names]") {
  auto b = matcher().best("親屬關係證明");
  REQUIRE(b);
  CHECK(b->item->id == "kinship");
  CHECK(b->how == MatchHow::traditional);
  CHECK(b->score < 1.0);
}

TEST_CASE("Pinyin resolves whole, with tone marks, and as initials", "[names]") {
  for (const char* text : {"wufanzuijiluzhengming", "Wu Fan Zui Ji Lu Zheng Ming",
                           "wúfànzuì jìlù zhèngmíng", "wfzjlzm", "ＷＦＺＪＬＺＭ"}) {
    INFO(text);
    auto b = matcher().best(text);
    REQUIRE(b);
    CHECK(b->item->id == "no-criminal-record");
    CHECK(b->how == MatchHow::pinyin);
  }
  // 银行 reads yinhang, not yinxing: a word reading overrides the per-character table.
  CHECK(best_id(matcher(), "yinhangcunkuanzhengming") == "property");
}

TEST_CASE("Initials shared by several items are not a plausible answer", "[names]") {
  // 婚姻状况证明 and 婚育状况证明 are both hyzkzm: the matcher does not guess.
  CHECK(matcher().match("hyzkzm").empty());
}

TEST_CASE("One wrong, homophone or look-alike character is tolerated", "[names]") {
  auto look_alike = matcher().best("亲属关糸证明");  // 糸 looks like 系
  REQUIRE(look_alike);
  CHECK(look_alike->item->id == "kinship");
  CHECK(look_alike->how == MatchHow::fuzzy);
  CHECK(look_alike->score >= jianzheng::plausible_score);
  CHECK(look_alike->score < 0.9);
  CHECK(best_id(matcher(), "亲属关系正明") == "kinship");  // 正 sounds like 证
  CHECK(best_id(matcher(), "健在正明") == "alive");        // short name: homophone only
}

TEST_CASE("resolve() is confident of a name, unsure of a look-alike, and empty for none", "[names]") {
  const auto exact = matcher().resolve("单身证明");
  CHECK(exact.certainty == jianzheng::Certainty::confident);
  REQUIRE(exact.confident());
  CHECK(exact.confident()->item->id == "marital-status");
  // A fuzzy match below confident_score is a candidate to confirm, not an answer.
  const auto typo = matcher().resolve("亲属关糸证明");
  REQUIRE_FALSE(typo.candidates.empty());
  CHECK(typo.candidates.front().item->id == "kinship");
  CHECK((typo.candidates.front().score >= jianzheng::confident_score) ==
        (typo.certainty == jianzheng::Certainty::confident));
  const auto none = matcher().resolve("居住证明");
  CHECK(none.certainty == jianzheng::Certainty::none);
  CHECK(none.candidates.empty());
  CHECK(none.confident() == nullptr);
  CHECK(std::string(to_string(jianzheng::Certainty::uncertain)) == "uncertain");
}

namespace {
std::string confident_id(const NameMatcher& m, const std::string& text) {
  const auto r = m.resolve(text);
  return r.confident() ? r.confident()->item->id : "-";
}
bool has_candidate(const jianzheng::Resolution& r, const std::string& id) {
  for (const auto& c : r.candidates)
    if (c.item->id == id) return true;
  return false;
}
}  // namespace

TEST_CASE("失业人员证明 is a 失业证明, never a 失踪人员证明: an edit on the character that tells an item apart is not a typo",
          "[names][resolve]") {
  // 附件1 第15项 居民就业状况证明 (失业证明), not 第7项 人员失踪证明 (the court's).
  const auto r = matcher().resolve("失业人员证明");
  CHECK(r.certainty == jianzheng::Certainty::confident);
  CHECK(confident_id(matcher(), "失业人员证明") == "employment-status");
  CHECK_FALSE(has_candidate(r, "missing-person"));
  // The rule is general, not a special case: over a list holding only 失踪人员证明, the
  // one-character change 业 for 踪 is nothing, while a homophone (纵 zong) is a typo.
  std::vector<Item> items(1);
  items[0].id = "missing";
  items[0].name = "失踪人员证明";
  const NameMatcher only_missing(items);
  CHECK(only_missing.match("失业人员证明").empty());
  CHECK(only_missing.match("失恋人员证明").empty());
  CHECK(best_id(only_missing, "失纵人员证明") == "missing");
  // A character several items share (状况) may still carry an ordinary typo.
  CHECK(best_id(matcher(), "婚姻状祝证明") == "marital-status");
}

TEST_CASE("户藉证明 finds 户籍证明: folding keeps characters that are Simplified already", "[names][resolve]") {
  // Traditional → Simplified mapped 藉 (itself Simplified, and the common miswriting of 籍)
  // to 借; characters GB2312 encodes are no longer mapped (俱 跤 著 乾 藉 …).
  CHECK(jianzheng::normalize_name("户藉证明") == "户藉证明");
  CHECK(jianzheng::normalize_name("俱乐部") == "俱乐部");
  CHECK(jianzheng::normalize_name("戶籍證明") == "户籍证明");  // Traditional still folds
  const auto r = matcher().resolve("户藉证明");
  REQUIRE_FALSE(r.candidates.empty());
  CHECK(r.candidates.front().item->id == "identity-info");  // 附件1 第2项（户籍证明）
  CHECK(r.candidates.front().how == MatchHow::fuzzy);
  // A look-alike on a four-character name is put to the clerk, not decided on.
  CHECK(r.certainty == jianzheng::Certainty::uncertain);
}

TEST_CASE("Names issue 11 saw fail resolve with confidence: inserted 的 and 人员, words in another order, descriptions",
          "[names][resolve]") {
  CHECK(confident_id(matcher(), "户口登记项目变更证明") == "hukou-change");  // 第3项, 内容/申请 left out
  CHECK(confident_id(matcher(), "继承遗产的证明") == "inheritance");         // 第18项, words swapped
  CHECK(confident_id(matcher(), "继承遗产证明") == "inheritance");
  CHECK(confident_id(matcher(), "开个老人还在世的证明") == "alive");          // 第10项 (在世证明)
  CHECK(confident_id(matcher(), "老人健在的证明") == "alive");
  CHECK(confident_id(matcher(), "失业登记证明") == "employment-status");      // 第15项
  CHECK(confident_id(matcher(), "户籍所在地证明") == "identity-info");        // 第2项
  CHECK(confident_id(matcher(), "没有犯罪记录的证明") == "no-criminal-record");  // 第5项
  CHECK(confident_id(matcher(), "开个证明说我没结婚") == "marital-status");  // 第8项 (未婚证明)
  CHECK(confident_id(matcher(), "证明我和我妈是母子关系") == "kinship");      // 第1项
  const auto reworded = matcher().resolve("继承遗产的证明");
  REQUIRE(reworded.confident());
  CHECK(reworded.confident()->how == MatchHow::phrase);
  CHECK(reworded.confident()->score < 1.0);
}

TEST_CASE("表现证明 resolves by its context: 戒毒 or 康复 nearby is item 6, 在校 or 政治 is none, alone it is asked",
          "[names][resolve]") {
  // 附件1 第6项: 社区戒毒社区康复人员情况证明（表现证明）.
  CHECK(confident_id(matcher(), "戒毒人员表现证明") == "drug-rehab-status");
  CHECK(confident_id(matcher(), "社区康复人员表现证明") == "drug-rehab-status");
  for (const char* text : {"在校表现证明", "政治表现证明", "学生在校表现证明", "工作表现证明"}) {
    INFO(text);
    CHECK(matcher().resolve(text).certainty == jianzheng::Certainty::none);
  }
  for (const char* text : {"表现证明", "开个表现证明"}) {
    INFO(text);
    const auto r = matcher().resolve(text);
    CHECK(r.certainty == jianzheng::Certainty::uncertain);
    REQUIRE_FALSE(r.candidates.empty());
    CHECK(r.candidates.front().item->id == "drug-rehab-status");
  }
}

TEST_CASE("Relationships of kin and the fields of 户口登记项目 are read as the items they describe",
          "[names][resolve]") {
  // 附件1 第1项: every relationship of kin; spouses are 第8项 婚姻状况.
  for (const char* text : {"母女关系证明", "祖孙关系证明", "证明他是我儿子", "我和我妈的母女关系证明"}) {
    INFO(text);
    CHECK(confident_id(matcher(), text) == "kinship");
  }
  CHECK(confident_id(matcher(), "证明我们是夫妻") == "marital-status");
  for (const char* text : {"劳动关系证明", "抚养关系证明", "同居关系证明", "监护关系证明"}) {
    INFO(text);
    CHECK(matcher().resolve(text).certainty == jianzheng::Certainty::none);
  }
  // 附件1 第3项: 姓名、性别、民族成份、出生日期、公民身份号码 with a word of changing them.
  for (const char* text : {"姓名变更证明", "更正出生日期证明", "公民身份号码更正证明"}) {
    INFO(text);
    CHECK(confident_id(matcher(), text) == "hukou-change");
  }
  // 附件1 第19项: the 住所 of a 市场主体.
  CHECK(confident_id(matcher(), "公司住所证明") == "business-premises");
  CHECK(matcher().resolve("住所证明").certainty == jianzheng::Certainty::none);
}

TEST_CASE("Uncertain identity is said: shared initials, a typo on a short name, two items in one sentence",
          "[names][resolve]") {
  // hyzkzm: 婚姻状况证明 and 婚育状况证明. match() still answers nothing plausible.
  const auto initials = matcher().resolve("hyzkzm");
  CHECK(initials.certainty == jianzheng::Certainty::uncertain);
  CHECK(has_candidate(initials, "marital-status"));
  CHECK(has_candidate(initials, "childbearing-status"));
  CHECK(matcher().match("hyzkzm").empty());
  const auto typo = matcher().resolve("健在正明");
  CHECK(typo.certainty == jianzheng::Certainty::uncertain);
  REQUIRE_FALSE(typo.candidates.empty());
  CHECK(typo.candidates.front().item->id == "alive");
  const auto two = matcher().resolve("要开出生证明和死亡证明");
  CHECK(two.certainty == jianzheng::Certainty::uncertain);
  CHECK(has_candidate(two, "birth"));
  CHECK(has_candidate(two, "death"));
  // Exact names, aliases, Traditional, whole pinyin and clear phrasings stay confident.
  for (const char* text : {"单身证明", "親屬關係證明", "wufanzuijiluzhengming", "麻烦开一下收入证明，贷款用",
                           "我要开个无犯罪记录证明", "房产证明和收入证明"}) {
    INFO(text);
    CHECK(matcher().resolve(text).certainty == jianzheng::Certainty::confident);
  }
  CHECK(matcher().resolve("居住证明").certainty == jianzheng::Certainty::none);
}

TEST_CASE("Round two's rules: published extra words, 不 for 无, 医学证明, synonyms of the same fact, kin by one word",
          "[names][resolve]") {
  // 附件1 第3项: two words of changing in a row say one change.
  CHECK(confident_id(matcher(), "户口登记项目内容变更更正证明") == "hukou-change");
  // 附件1 第19项 社区经营性用房无扰民证明: 不 is the same negation as 无; 第5项: 不良 adds nothing.
  CHECK(confident_id(matcher(), "商户不扰民证明") == "business-premises");
  CHECK(confident_id(matcher(), "无不良犯罪记录证明") == "no-criminal-record");
  // …but between other negations the meaning changes: 不育 (infertility) is not 未育.
  CHECK(matcher().resolve("不育证明").certainty == jianzheng::Certainty::none);
  // 附件1 第9项, 第11项: the 医学证明 a hospital signs is the 出生/死亡证明.
  CHECK(confident_id(matcher(), "出生医学证明") == "birth");
  CHECK(confident_id(matcher(), "死亡医学证明") == "death");
  CHECK(confident_id(matcher(), "居民死亡医学证明（推断）书") == "death");
  // Other words for the same fact: 第12项 意外伤害 (摔伤 is 受伤), 第15项 (无职业 is 无工作),
  // 第8项 (无婚姻登记记录 is 未婚; 再婚 is a marital status), 第17项 (生活困难 is 经济困难).
  CHECK(confident_id(matcher(), "意外摔伤证明") == "illness");
  CHECK(confident_id(matcher(), "无职业证明") == "employment-status");
  CHECK(confident_id(matcher(), "无婚姻登记记录证明") == "marital-status");
  CHECK(confident_id(matcher(), "再婚证明") == "marital-status");
  CHECK(confident_id(matcher(), "生活困难证明") == "property");
  CHECK(matcher().resolve("职业证明").certainty == jianzheng::Certainty::none);
  // 附件1 第1项: one kin word after a pronoun, with a person before 是.
  CHECK(confident_id(matcher(), "证明我妈是我妈") == "kinship");
  CHECK(confident_id(matcher(), "证明他是我爸") == "kinship");
  // 证明房子是我爸的 is about a house, not kin: since round five a house's owner is 第17项.
  CHECK_FALSE(has_candidate(matcher().resolve("证明房子是我爸的"), "kinship"));
}

TEST_CASE("A request that names what the certificate is for is read as its subject, and asked, never decided",
          "[names][resolve]") {
  // "<subject>要…开证明": the subject read as "<subject>证明" gives candidates for the clerk.
  const std::pair<const char*, const char*> requests[] = {
      {"养狗要社区开证明吗", "dog-keeping"},    // 第4项 (养狗证明)
      {"住改商要居委会盖章", "business-premises"},  // 第19项 (住改商证明)
      {"遗产继承要村委会开证明", "inheritance"},    // 第18项
      {"改名字要开证明", "hukou-change"},           // 第3项 (姓名 with a word of changing it)
  };
  for (const auto& [text, id] : requests) {
    INFO(text);
    const auto r = matcher().resolve(text);
    CHECK(r.certainty == jianzheng::Certainty::uncertain);
    REQUIRE_FALSE(r.candidates.empty());
    CHECK(r.candidates.front().item->id == id);
  }
  // Nothing asked for, or a purpose that names no item: nothing.
  for (const char* text : {"结婚要带什么", "出国要开证明", "办低保要开证明", "手机丢了要开证明"}) {
    INFO(text);
    CHECK(matcher().resolve(text).certainty == jianzheng::Certainty::none);
  }
}

namespace {

// The first candidate's id and whether it is confident ("-" when none).
std::pair<std::string, jianzheng::Certainty> resolved(const std::string& text) {
  const auto r = matcher().resolve(text);
  return {r.candidates.empty() ? "-" : r.candidates.front().item->id, r.certainty};
}

// Each text resolves to its item first, with the given certainty.
template <std::size_t N>
void check_resolves(const std::pair<const char*, const char*> (&cases)[N], jianzheng::Certainty expected) {
  for (const auto& [text, id] : cases) {
    INFO(text);
    const auto [got, certainty] = resolved(text);
    CHECK(got == id);
    CHECK(certainty == expected);
  }
}

}  // namespace

TEST_CASE("A certificate about an animal is never a resident's item with confidence (附件1 第9、10、11、12项), 养狗证明 is",
          "[names][resolve]") {
  for (const char* text : {"狗的出生证明", "证明小猫是在家生的", "宠物死亡证明", "证明我家的羊还活着", "证明兔子病了"}) {
    INFO(text);
    CHECK(resolved(text).second != jianzheng::Certainty::confident);
  }
  CHECK(resolved("养狗证明") == std::make_pair(std::string("dog-keeping"), jianzheng::Certainty::confident));
  CHECK(resolved("证明马大爷还在世") == std::make_pair(std::string("alive"), jianzheng::Certainty::confident));
}

TEST_CASE("A rewrite that overlaps what the text goes on to say does not say it twice (附件1 第10项)",
          "[names][resolve][vocabulary]") {
  // 人还在 → 人在世 (vocabulary) before 世: 外婆人还在世 reads 外婆人在世, not 外婆人在世世.
  for (const char* text : {"证明外婆人还在世", "证明外婆这个人还在世"}) {
    INFO(text);
    CHECK(resolved(text) == std::make_pair(std::string("alive"), jianzheng::Certainty::confident));
  }
}

TEST_CASE("A bank account is no 户口, and 该 or 盖 before a 户口 entry may be 改 (附件1 第2、3项)",
          "[names][resolve][vocabulary]") {
  // The fifth untuned set's first run put 住址證明 開銀行戶口 (a proof of address for a bank
  // account: on no list) and 该年龄证明 (改年龄: 第3项) confidently on 第2项. Neither is decided now.
  for (const char* text : {"住址證明 開銀行戶口", "银行户口证明", "开银行户口要的证明", "该年龄证明", "盖名字证明", "该姓名证明"}) {
    INFO(text);
    CHECK(resolved(text).second != jianzheng::Certainty::confident);
  }
  // The 户口 and its entries themselves are still 第2项.
  for (const char* text : {"户口证明", "开户口证明", "年龄证明", "该居民的年龄证明"}) {
    INFO(text);
    CHECK(resolved(text) == std::make_pair(std::string("identity-info"), jianzheng::Certainty::confident));
  }
}

TEST_CASE("Round three's synonyms: other words for the same fact resolve with confidence",
          "[names][resolve][vocabulary]") {
  // data/names/vocabulary.json "synonyms"; each pair is justified there and in docs/names.md.
  const std::pair<const char*, const char*> cases[] = {
      {"资产证明", "property"},                    // 附件1 第17项: 资产 is 财产
      {"个人资产证明", "property"},                // …个人 a filler
      {"房屋权属证明", "property"},                // 第17项: 权属 is 所有权 (房屋所有权证明)
      {"经营主体住所证明", "business-premises"},  // 第19项: 经营主体 (2024 on) is 市场主体
      {"违法犯罪记录证明", "no-criminal-record"},  // 第5项
      {"喪亡證明", "death"},                       // 第11项: 丧亡 is 死亡
      {"生命證明", "alive"},                       // 第10项: 生命证明 is 生存证明
      {"下落不明的书面证明", "missing-person"},    // 第7项: 下落不明 is 失踪
      {"婚姻登记记录证明", "marital-status"},      // 第8项
      {"我爷爷没有二婚的证明", "marital-status"},  // 第8项: 没有二婚 is 未再婚
      {"摔倒证明", "illness"},                     // 第12项 意外伤害: a fall is an injury
      {"本人没有其他收入来源的证明", "property"},  // 第17项: 收入来源 is 收入
      {"无房户证明", "property"},                  // 第17项: 无房证明 of a household
      {"住宅改变为经营性用房的居委会证明", "business-premises"},  // 第19项: the issuer inside
      {"未婚状态证明", "marital-status"},          // 第8项: 状态 like 状况
      {"无正式工作的证明", "employment-status"},   // 第15项: 正式 a filler
      {"养犬许可证明", "dog-keeping"},             // 第4项
      {"失踪人口证明", "missing-person"},          // 第7项: 人口 is 人员
      {"婚姻状态证明", "marital-status"},          // 第8项: 状态 is 状况 (found first as a typo)
      {"营业场地证明", "business-premises"},       // 第19项: 场地 is 场所
      {"继承关系证明", "inheritance"},             // 第18项
      {"残疾鉴定证明", "disability"},              // 第13项
      {"死亡原因证明", "death"},                   // 第11项: 原因 a filler
      {"病情诊断证明", "illness"},                 // 第12项: 诊断 a filler
      {"病危证明", "illness"},                     // 第12项: 病危 is a 病情
      {"婚姻状况相关证明", "marital-status"},      // 第8项: 相关 adds nothing
      {"收入方面的证明", "property"},              // 第17项: 方面 adds nothing
      {"能证明我单身吗", "marital-status"},        // 第8项: 吗 adds nothing
      {"证明一下我没工作", "employment-status"},   // 第15项
      {"证明我没有二胎", "childbearing-status"},   // 第14项
      {"证明我有工作", "employment-status"},       // 第15项
      {"证明我没有被判过刑", "no-criminal-record"},  // 第5项
      {"证明我家很穷", "property"},                // 第17项
      {"证明孩子是我亲生的", "kinship"},           // 第1项
      {"证明她是我前妻", "marital-status"},        // 第8项
      {"证明我爸妈都不在了", "death"},             // 第11项
  };
  check_resolves(cases, jianzheng::Certainty::confident);
}

TEST_CASE("Descriptions of round three: kin by a count, a spouse after 是, an adverb before 丢了",
          "[names][resolve][vocabulary]") {
  const std::pair<const char*, const char*> cases[] = {
      {"证明老人有七名子女", "kinship"},       // 附件1 第1项: kin counted after 有
      {"证明我有两个儿子", "kinship"},         // 第1项
      {"证明他是我丈夫", "marital-status"},    // 第8项: a spouse is 夫妻关系
      {"证明老婆是老婆", "marital-status"},    // 第8项
      {"燃气本确实丢了的证明", "lost-document"},  // 第20项: 确实 adds nothing
      {"家庭成员关系证明", "kinship"},         // 第1项
      {"证明我们是一家人", "kinship"},         // 第1项
      {"公证处叫我到居委会开证明我是我妈的儿子", "kinship"},  // 第1项: kin of kin after 是
      {"街道要证明我家里困难", "property"},    // 第17项: 家里 is 家庭
      {"房管局要开证明我名下没有房子", "property"},  // 第17项: 无房
  };
  check_resolves(cases, jianzheng::Certainty::confident);
  // Not kin: a count of houses, a house that is a father's.
  for (const char* text : {"我有三套房的证明", "房子是我爸的证明", "证明这是我妈的房子"}) {
    INFO(text);
    CHECK(resolved(text).first != "kinship");
  }
  // A registered poor household (贫困户, 建档立卡) is the civil-affairs register's status, on no
  // list (round five; corpus-tuning-7.tsv's labelling): not 第17项 贫困证明, which is hardship.
  CHECK(resolved("证明我家是贫困户").second != jianzheng::Certainty::confident);
  CHECK(resolved("建档立卡贫困户证明").second != jianzheng::Certainty::confident);
}

// Round six (docs/names.md, "Round six: kinds, not rows"): each kind of the fifth untuned set's
// misses widened to what else residents write of that kind, for every item. Phrasings written for
// these tests, none of them a corpus row.
namespace {
void check_resolves(const std::pair<const char*, const char*>& row, jianzheng::Certainty want) {
  INFO(row.first);
  CHECK(resolved(row.first) == std::make_pair(std::string(row.second), want));
}
}  // namespace

TEST_CASE("Round six, a clause of purpose after what is certified: what the 证明 certifies ends there",
          "[names][resolve][round6]") {
  // 证明我是他儿子才给取钱 (附件1 第1项): 才给, 才能, 以便 … open what the proof is for.
  for (const auto& row : {std::pair{"证明我是她女儿才能领抚恤金", "kinship"}, std::pair{"证明我们是母女以便办理过户", "kinship"},
                          std::pair{"证明他是我亲爹才让办手续", "kinship"}, std::pair{"证明俺爹已经不在了才好办后事", "death"}})
    check_resolves(row, jianzheng::Certainty::confident);
  // 刚才 and 人才 open nothing.
  for (const char* text : {"证明我刚才能走路", "人才证明"}) {
    INFO(text);
    CHECK(resolved(text).second == jianzheng::Certainty::none);
  }
}

TEST_CASE("Round six, a question word before 证明 (啥, 哪种, 哪些) asks for a certificate as 什么 does",
          "[names][resolve][round6]") {
  for (const auto& row : {std::pair{"给狗上户口要开哪些证明", "dog-keeping"}, std::pair{"办残疾证要开哪种证明", "disability"},
                          std::pair{"孩子在家里生的上户口要开啥证明", "birth"}})
    check_resolves(row, jianzheng::Certainty::uncertain);
}

TEST_CASE("Round six, the person a fact is of (X人证明, X者证明) names the fact's item",
          "[names][resolve][round6]") {
  for (const auto& row : {std::pair{"失明人证明", "disability"}, std::pair{"截肢者证明", "disability"},
                          std::pair{"失踪者证明", "missing-person"}, std::pair{"证明我家老人是活人", "alive"},
                          std::pair{"聋人证明", "disability"}})
    check_resolves(row, jianzheng::Certainty::confident);
  // Negated, the fact is another one (on no list); a person by another word is nothing.
  for (const char* text : {"证明他不是聋子", "证明我爸不是活人", "文盲证明"}) {
    INFO(text);
    CHECK(resolved(text).second != jianzheng::Certainty::confident);
  }
}

TEST_CASE("Round six, pinyin slips: 证明 typed as two other characters of its reading, pinyin inside Han text",
          "[names][resolve][round6]") {
  // Two slips, or a guess at a character: always a question, never an answer.
  for (const auto& row : {std::pair{"死亡正名", "death"}, std::pair{"婚姻状况争鸣", "marital-status"},
                          std::pair{"健在zheng明", "alive"}, std::pair{"无犯罪ji录证明", "no-criminal-record"}})
    check_resolves(row, jianzheng::Certainty::uncertain);
  // Letters that are no pinyin, and 正名 beside a 证明, mend nothing.
  for (const char* text : {"社区wifi证明", "正名证明"}) {
    INFO(text);
    CHECK(resolved(text).second == jianzheng::Certainty::none);
  }
}

TEST_CASE("Round six, colloquial names of a fact's family: a housewife, the means to repay, a form, a clipped name",
          "[names][resolve][round6]") {
  for (const auto& row : {std::pair{"家庭主妇证明", "employment-status"},  // 附件1 第15项: no work
                          std::pair{"证明我是全职妈妈", "employment-status"},
                          std::pair{"证明我有实力还房贷", "property"},      // 第17项 偿还能力证明
                          std::pair{"有钱还债的证明", "property"},
                          std::pair{"继承人资格证明", "inheritance"},       // 第18项 继承权
                          std::pair{"生存认证表", "alive"},                 // 第10项: a form is its proof
                          std::pair{"老人在家走的要开死亡推断书", "death"}})  // 第11项
    check_resolves(row, jianzheng::Certainty::confident);
  // Near words that stay off the list: full-time work, ability at work, a loan alone.
  for (const char* text : {"全职工作证明", "证明我有能力胜任工作", "贷款证明"}) {
    INFO(text);
    CHECK(resolved(text).second == jianzheng::Certainty::none);
  }
}

TEST_CASE("Round six, a fact described loosely (when or where a child was born, a pension check) is asked",
          "[names][resolve][round6]") {
  for (const auto& row : {std::pair{"证明孩子几月几号生的", "birth"}, std::pair{"证明娃是在哪生的", "birth"},
                          std::pair{"证明孩子啥时候生的", "birth"}, std::pair{"养老金认证要的证明", "alive"}})
    check_resolves(row, jianzheng::Certainty::uncertain);
  // Born in a hospital: the hospital's 出生医学证明, not 附件1 第9项.
  CHECK(resolved("证明孩子是在医院生的").second != jianzheng::Certainty::confident);
}

TEST_CASE("Round six, a kin pair in one word is a relation only when said of two people (附件1 第1项)",
          "[names][resolve][round6]") {
  // 俺兄弟, 我们兄妹 name who a text is about; 是亲兄弟, 姐弟俩 say a relation.
  check_resolves({"证明咱俩是亲姐妹", "kinship"}, jianzheng::Certainty::confident);
  check_resolves({"俺姐妹户口本上名字写错了要开证明", "hukou-change"}, jianzheng::Certainty::uncertain);
  for (const char* text : {"证明俺们兄弟分家了", "证明他是我们兄弟的邻居"}) {
    INFO(text);
    CHECK(resolved(text).second == jianzheng::Certainty::none);
  }
  // Something that belongs to several of a family is an estate or a household's property: asked.
  check_resolves({"哥俩的房子归我们的证明", "inheritance"}, jianzheng::Certainty::uncertain);
  check_resolves({"老人走了房子该归谁要开证明", "inheritance"}, jianzheng::Certainty::uncertain);
}

TEST_CASE("Round six, an entry of the 户口 by its value (an ethnic group) and by how it was written (写成, 登记成)",
          "[names][resolve][round6]") {
  for (const auto& row : {std::pair{"我想给孩子改民族成蒙古族咋开证明", "hukou-change"},
                          std::pair{"身份证上民族写成了满族要改回汉族村里能开吗", "hukou-change"}})
    check_resolves(row, jianzheng::Certainty::uncertain);
  // The county's own name is no entry being changed.
  check_resolves({"肃南裕固族自治县户口改名证明", "hukou-change"}, jianzheng::Certainty::confident);
}

TEST_CASE("Round six, southern speech and colloquial facts of every family resolve to their items",
          "[names][resolve][round6]") {
  for (const auto& row : {std::pair{"开张证明证明阿爸过咗身", "death"},            // 过咗身: died
                          std::pair{"证明我冇工作", "employment-status"},          // 冇: 没有
                          std::pair{"老豆在生证明", "alive"},                       // 在生: 在世
                          std::pair{"证明我是清白的", "no-criminal-record"},        // 第5项
                          std::pair{"考驾校教练要个无罪证明", "no-criminal-record"},
                          std::pair{"证明我哥生死不明好几年了", "missing-person"},  // 第7项
                          std::pair{"证明俺爹外出打工一直联系不上", "missing-person"},
                          std::pair{"证明他们老两口还是两口子", "marital-status"},  // 第8项
                          std::pair{"证明我和老伴是头婚", "marital-status"},
                          std::pair{"证明我名下没有小汽车", "property"},            // 第17项
                          std::pair{"俺家有辆三轮车的证明", "property"},
                          std::pair{"证明我儿子社区戒毒期间从没复吸", "drug-rehab-status"},  // 第6项: 没复吸 is what it certifies
                          std::pair{"社区戒毒期的情况证明", "drug-rehab-status"},
                          std::pair{"证明我爸耳朵聋了好多年", "disability"},        // 第13项
                          std::pair{"丢卡证明", "lost-document"}})                  // 第20项
    check_resolves(row, jianzheng::Certainty::confident);
  for (const auto& row : {std::pair{"把临街的房子改成门面要居委会开证明吗", "business-premises"},  // 第19项
                          std::pair{"楼下邻居同意我开美甲店的证明", "business-premises"},
                          std::pair{"给金毛办狗证要社区开啥证明", "dog-keeping"},   // 第4项: a breed is a dog
                          std::pair{"狗要年检社区能出证明吗", "dog-keeping"},
                          std::pair{"无犯罪罪记录证明", "no-criminal-record"}})     // a character typed twice
    check_resolves(row, jianzheng::Certainty::uncertain);
  // Near words that stay off the list: driving, a fake marriage, a traffic record.
  for (const char* text : {"证明我没开车", "伪婚证明", "无交通违法记录证明"}) {
    INFO(text);
    CHECK(resolved(text).second != jianzheng::Certainty::confident);
  }
}

TEST_CASE("Round six, probes of every item in a resident's words: a child one bore, one's own dog, a number issued twice",
          "[names][resolve][round6]") {
  for (const auto& row : {std::pair{"证明这孩子是我生的", "kinship"},          // 附件1 第1项: 亲子关系
                          std::pair{"我要开个我家狗的证明", "dog-keeping"},     // 第4项
                          std::pair{"身份证号重了开证明", "hukou-change"},      // 第3项: 重号
                          std::pair{"户口丢了证明", "lost-document"}})          // 第20项: 丢了 ends before the 证明
    check_resolves(row, jianzheng::Certainty::confident);
  // Born at home is a birth (第9项), not a relation; a dog that bit someone is no resident's item.
  check_resolves({"证明孩子是我在家生的", "birth"}, jianzheng::Certainty::confident);
  CHECK(resolved("证明是我家的狗咬了人").second == jianzheng::Certainty::none);
}

TEST_CASE("Round six, a sentence that says what is to be done but asks for no proof is asked, a document's name is not read",
          "[names][resolve][round6]") {
  for (const auto& row : {std::pair{"身份证上民族登成汉族了想改过来", "hukou-change"},  // 附件1 第3项
                          std::pair{"俺家老人走丢了要去派出所报案", "missing-person"}})  // 第7项
    check_resolves(row, jianzheng::Certainty::uncertain);
  // Names of other documents (an agreement, a pledge, a letter) say nothing of what is wanted.
  for (const char* text : {"房产分割协议", "养犬责任承诺书", "财产查询函"}) {
    INFO(text);
    CHECK(resolved(text).second == jianzheng::Certainty::none);
  }
}

TEST_CASE("Round six, new voices (a hotline note, a bank's letter, dialect): a negation reaches only through 有, 是, 人 …",
          "[names][resolve][round6]") {
  // 三年未归 音讯全无: 未 negates 归, not 音讯全无 (附件1 第7项); 能否证明 asks for a proof.
  // (A caller asking whether it can be done: asked.)
  check_resolves({"来电人反映其子外出务工三年未归 音讯全无 咨询社区能否证明", "missing-person"},
                 jianzheng::Certainty::uncertain);
  for (const auto& row : {std::pair{"证明我老公瘫在床上好几年了", "disability"},  // 第13项
                          std::pair{"证明我是我爸唯一的儿子", "kinship"},         // 第1项
                          std::pair{"证明我的名字以前叫王小二", "identity-info"}})  // 第2项: a former name
    check_resolves(row, jianzheng::Certainty::confident);
  for (const auto& row : {std::pair{"俺娃是在屋里生的 上户口要开证明", "birth"},   // 第9项, read from a purpose
                          std::pair{"开个我家房子用来开小超市的证明", "business-premises"}})  // 第19项, asked
    check_resolves(row, jianzheng::Certainty::uncertain);
  // Still negated: 没有人, 不是, 从没被 reach the words; a home not used for business is nothing.
  for (const char* text : {"证明我家没有人失踪", "证明我不是残疾人", "麻烦开个我家房子没有用来做生意的证明"}) {
    INFO(text);
    CHECK(resolved(text).second != jianzheng::Certainty::confident);
  }
}

TEST_CASE("Round six, more words of the families: a former spouse, idleness, entries that disagree, a relation asked about",
          "[names][resolve][round6]") {
  for (const auto& row : {std::pair{"证明我跟前妻早离了", "marital-status"},                  // 附件1 第8项
                          std::pair{"证明我在家没事干", "employment-status"},                // 第15项
                          std::pair{"证明我身份证号和户口本上不一样", "hukou-change"}})     // 第3项
    check_resolves(row, jianzheng::Certainty::confident);
  check_resolves({"证明我跟老人是啥关系", "kinship"}, jianzheng::Certainty::uncertain);      // 第1项, asked
  CHECK(resolved("证明我跟公司是什么关系").second == jianzheng::Certainty::none);
  // A 情况说明 the committee writes asks about the fact, loosely: asked; a resident's 声明 is not.
  check_resolves({"关于我家经济困难的情况说明", "property"}, jianzheng::Certainty::uncertain);
  CHECK(resolved("收入情况声明").second == jianzheng::Certainty::none);
}

TEST_CASE("Round six, an act on the 户口 is what a certificate is for, not the 户口 it names (附件1 第9项, 第11项)",
          "[names][resolve][round6]") {
  // 上户口要开啥证明 wants a birth's proof, 注销户口 a death's: asked, never the 户籍证明 (第2项).
  for (const auto& row : {std::pair{"给娃上户口要村里开啥证明", "birth"}, std::pair{"老人户口要注销 要开什么证明", "death"},
                          std::pair{"去派出所销户口要开证明吗", "death"}})
    check_resolves(row, jianzheng::Certainty::uncertain);
  // The 户口 itself is still 第2项.
  check_resolves({"开个户口证明", "identity-info"}, jianzheng::Certainty::confident);
}

TEST_CASE("Round six, everyday words of every family: 喘着气, 没信儿, 病得很重, 在家待着, 手头紧, 留下的房子",
          "[names][resolve][round6]") {
  for (const auto& row : {std::pair{"证明俺家老头子还喘着气", "alive"},              // 附件1 第10项
                          std::pair{"证明俺男人出去好几年没信儿", "missing-person"},  // 第7项
                          std::pair{"证明我闺女一直在家待着", "employment-status"},   // 第15项
                          std::pair{"证明俺家手头紧", "property"},                    // 第17项
                          std::pair{"证明这条狗是俺自己养的狗", "dog-keeping"}})      // 第4项
    check_resolves(row, jianzheng::Certainty::confident);
  // Followed by more than its details, or a body that cannot get about (a disability, an
  // illness or age): asked.
  for (const auto& row : {std::pair{"证明俺娘病得下不来地", "illness"},               // 第12项
                          std::pair{"证明老人留下的存款归我", "inheritance"},         // 第18项
                          std::pair{"证明俺爹腿脚不便", "disability"}})               // 第13项
    check_resolves(row, jianzheng::Certainty::uncertain);
  // A given day is an alibi, not a status; a house in good repair is nothing.
  for (const char* text : {"证明我那天在家待着", "证明房子好好的"}) {
    INFO(text);
    CHECK(resolved(text).second == jianzheng::Certainty::none);
  }
}

TEST_CASE("Round six, dialect kin (爹, 娘, 闺女; 俺, 咱) and the names of illnesses, deaths and marriages in everyday words",
          "[names][resolve][round6]") {
  for (const auto& row : {std::pair{"证明俺是俺娘的闺女", "kinship"},           // 附件1 第1项
                          std::pair{"证明他是俺爹", "kinship"},
                          std::pair{"证明我们俩扯证好多年了", "marital-status"},  // 第8项
                          std::pair{"证明俺一直打光棍", "marital-status"},
                          std::pair{"证明俺爷爷已经咽气了", "death"},            // 第11项
                          std::pair{"证明我妈有糖尿病", "illness"},              // 第12项
                          std::pair{"证明我以前用过别的名字", "identity-info"}})  // 第2项 (曾用名)
    check_resolves(row, jianzheng::Certainty::confident);
  // On one 户口本: a household, perhaps kin, asked.
  check_resolves({"证明我俩在一个户口本上", "kinship"}, jianzheng::Certainty::uncertain);
  // Negated, or a friend: nothing.
  for (const char* text : {"证明我没有糖尿病", "证明她是我闺蜜", "证明她是新娘"}) {
    INFO(text);
    CHECK(resolved(text).second == jianzheng::Certainty::none);
  }
}

TEST_CASE("Round six, what a fact is about decides between two items: born ill is an illness, legs gone a disability",
          "[names][resolve][round6]") {
  for (const auto& row : {std::pair{"证明俺闺女生下来就有病", "illness"},    // 附件1 第12项, not 第9项
                          std::pair{"证明俺哥腿都没了", "disability"},        // 第13项, not 第11项 (没了)
                          std::pair{"证明俺家是纯女户", "childbearing-status"},  // 第14项
                          std::pair{"证明我爹常年吃药", "illness"}})
    check_resolves(row, jianzheng::Certainty::confident);
  // A home and a business in it (a company, a class): asked.
  check_resolves({"证明我家的房子用来开公司", "business-premises"}, jianzheng::Certainty::uncertain);
  CHECK(resolved("证明我身体很好").second == jianzheng::Certainty::none);
}

TEST_CASE("Round six, near sentences built from the new words stay off the list: a place's old name, not a housewife",
          "[names][resolve][round6]") {
  // A place's former name is no person's (附件1 第2项 曾用名); not jobless is in work (on no list);
  // crossing a road alone is no marital state.
  // Money that is 清白, a deed that is no 坏事, a matter that is not 违法 say nothing of a record.
  for (const char* text : {"证明这个村原名叫王家庄", "证明我们村以前叫李家村", "证明我不是家庭主妇",
                           "证明我没有在家带孩子", "证明我一个人过马路被撞了", "证明这笔钱来路清白",
                           "证明我做了好事不是坏事", "证明这个事不是违法的事", "证明我的名字没有写错"}) {
    INFO(text);
    CHECK(resolved(text).second == jianzheng::Certainty::none);
  }
  check_resolves({"证明我名叫张三", "identity-info"}, jianzheng::Certainty::confident);
}

TEST_CASE("Round six, 不知道 negates no work, and a shop opened in one's own home is asked about its premises",
          "[names][resolve][round6]") {
  // 档案不知道在哪 … 单位: the 不 of 不知道 says nothing of work (附件1 第16项, not 第15项).
  check_resolves({"俺的人事档案不知道放哪了 单位让开个证明", "personal-archive"}, jianzheng::Certainty::uncertain);
  check_resolves({"想在自家一楼开个小饭馆 要社区证明吗", "business-premises"}, jianzheng::Certainty::uncertain);
}

TEST_CASE("Round five: each item's concept, its parts in any order and in any voice, resolves to its item",
          "[names][resolve][concepts]") {
  // data/names/vocabulary.json "concepts" (docs/names.md, "Round five: concepts"): phrasings written for
  // this test, none of them a corpus row — a resident, a clerk's 兹证明, a hotline's 来电人称.
  const std::pair<const char*, const char*> confident[] = {
      {"兹证明张某与李某系父女关系", "kinship"},             // 附件1 第1项: a kin pair is a relation
      {"开一张证明，证明我俩是亲兄弟", "kinship"},
      {"证明这是我亲闺女", "kinship"},
      {"证明我叫张三", "identity-info"},                     // 第2项
      {"证明我户口在咱们村", "identity-info"},
      {"证明我的民族是回族", "identity-info"},              // an entry stated: 第2项
      {"我的民族写错了，开个证明", "hukou-change"},         // 第3项: a field and a change, any order
      {"证明这条狗是我家养的", "dog-keeping"},              // 第4项
      {"证明我从来没进过派出所", "no-criminal-record"},     // 第5项: a negation, then a crime
      {"开个证明说我没有被判过刑", "no-criminal-record"},
      {"证明他戒毒期间表现好", "drug-rehab-status"},        // 第6项
      {"证明我弟弟三年没有音讯了", "missing-person"},       // 第7项
      {"证明我媳妇跑了找不着了", "missing-person"},
      {"开个证明说我离婚了", "marital-status"},             // 第8项
      {"证明俺没娶过媳妇", "marital-status"},
      {"我老伴去世了，证明我现在是丧偶", "marital-status"},  // what the 证明 certifies, not the clause before
      {"兹证明该婴儿系在家中分娩", "birth"},                // 第9项
      {"证明孩子是俺家自己接生的", "birth"},
      {"开个证明证明我奶奶没死", "alive"},                  // 第10项
      {"证明我父亲还在人世", "alive"},
      {"证明俺爹已经过世多年", "death"},                    // 第11项
      {"兹证明我社区居民王某已死亡", "death"},
      {"证明我得了癌症", "illness"},                        // 第12项
      {"证明俺眼睛看不见", "disability"},                   // 第13项
      {"证明我们两口子没要孩子", "childbearing-status"},    // 第14项
      {"证明我们家就生了一个", "childbearing-status"},
      {"证明俺没有固定工作", "employment-status"},          // 第15项
      {"兹证明该同志目前处于待业状态", "employment-status"},
      {"证明我的档案还在原单位", "personal-archive"},       // 第16项
      {"证明我的人事关系在哪", "personal-archive"},
      {"兹证明该户家庭经济困难", "property"},               // 第17项
      {"证明我名下没有车", "property"},
      {"证明我是合法继承人", "inheritance"},                // 第18项
      {"证明我把住房改成了商铺", "business-premises"},      // 第19项
      {"请居委会证明该房屋可用于经营", "business-premises"},
      {"开个证明说我的存折找不到了", "lost-document"},      // 第20项: a document, then a loss
      {"房产证找不着了开个证明", "lost-document"},          // the lost 房产证 is not a 房产证明
  };
  check_resolves(confident, jianzheng::Certainty::confident);
  // Read from what a text is for (…要开个证明) or from a word that only suggests the fact: asked.
  const std::pair<const char*, const char*> asked[] = {
      {"我爸和我是父子，要开个证明", "kinship"},
      {"我爸走丢好几年了，要开个证明", "missing-person"},
      {"我爹没了，村里给开个证明", "death"},                // 没了: a euphemism, asked
      {"想把孩子的名字改一下，要村里出个证明", "hukou-change"},
      // …or with more said after the fact's words than its details: read loosely, asked.
      {"证明我户口上的名字错了一个字", "hukou-change"},
      {"证明我在家里摔断了腿", "illness"},
      {"我的医保卡丢了要开个证明", "lost-document"},
  };
  check_resolves(asked, jianzheng::Certainty::uncertain);
  // Certificates on no list, and facts no item certifies: never an answer.
  for (const char* text : {"兹证明该居民在本社区居住满一年", "兹证明该同志在我单位工作", "来电人称需要开具健康证明",
                           "证明我和公司的劳动关系", "证明我和房东的租赁关系", "证明我和老人住在一起",
                           "证明我是这个孩子的监护人", "证明我的姓名没有错", "证明我家没有养狗",
                           "证明我的手机丢了", "证明我的房子不是违章建筑", "兹证明该人员无不良信用记录",
                           "证明我身体健康", "证明我品行良好", "证明我名下没有公司", "请证明该户为低保户",
                           "证明我是这家的保姆", "证明孩子是我一个人抚养的", "人事档案调动证明",
                           "证明我们不是一家人", "证明我没有失业", "证明我没有结婚证", "证明我没上过户口",
                           "证明我不是残疾人", "证明我家没人得过传染病", "证明我家没有人失踪",
                           "证明我的名字是我爸起的",
                           // the second untuned desk set's (tests/data/desk/untuned-2.jsonl d125, d145, d149):
                           // an estate's administrator, a carer, a bite are not 第18、12、4项
                           "村委会当遗产管理人的证明", "证明住院期间是我妹妹一直在照顾我", "证明是邻居家的狗咬了我",
                           // a fact's words modifying something else (round five's tail rule)
                           "证明我父亲的死亡赔偿金归我", "证明我参加了生育保险", "证明我家孩子出生后一直住在这里",
                           "证明这套房子是我父母留给我的", "证明我的户口本在我哥那里", "证明我的档案费交了",
                           "证明我家的存款被骗了"}) {
    INFO(text);
    CHECK(resolved(text).second != jianzheng::Certainty::confident);
  }
}

TEST_CASE("Round four: each fact told in a resident's own words, as a family, resolves to its item",
          "[names][resolve][vocabulary]") {
  // data/names/vocabulary.json synonyms of round four. The phrasings here are members of each
  // family other than the corpus rows the family was read from (corpus-tuning-5.tsv).
  const std::pair<const char*, const char*> cases[] = {
      {"证明他从来没犯过罪", "no-criminal-record"},     // 附件1 第5项
      {"开个证明说我没有前科", "no-criminal-record"},   // 第5项
      {"我没坐过牢能开证明吗", "no-criminal-record"},   // 第5项
      {"证明我们没有孩子", "childbearing-status"},      // 第14项 (未育)
      {"开个没生育过的证明", "childbearing-status"},    // 第14项
      {"证明我生过一个孩子", "childbearing-status"},    // 第14项 (生育状况)
      {"孩子在家里出生的证明", "birth"},                // 第9项: born at home
      {"证明孩子是在家接生的", "birth"},                // 第9项
      {"证明我名下有房", "property"},                   // 第17项
      {"家里有多少存款的证明", "property"},             // 第17项
      {"证明我家收入低", "property"},                   // 第17项 (低收入证明)
      {"证明我没上班", "employment-status"},            // 第15项 (无工作)
      {"开个在家待业的证明", "employment-status"},      // 第15项
      {"证明我没有工作单位", "employment-status"},      // 第15项
      {"证明我就是我", "identity-info"},                // 第2项
      {"证明我与死者的关系", "kinship"},                // 第1项
      {"与户主关系证明", "kinship"},                    // 第1项
      {"证明老人有哪些子女", "kinship"},                // 第1项
      {"戒毒期满证明", "drug-rehab-status"},            // 第6项 (表现证明, in context)
      {"户口登记内容变更证明", "hukou-change"},         // 第3项
      {"证明我改过名", "hukou-change"},                 // 第3项 (改名证明)
      {"犬证证明", "dog-keeping"},                      // 第4项
      {"证明我哥人找不到了", "missing-person"},         // 第7项
      {"证明我离过婚", "marital-status"},               // 第8项 (离异)
      {"证明我现在没老婆", "marital-status"},           // 第8项 (单身)
      {"证明我得了病", "illness"},                      // 第12项
      {"证明我腿摔断了", "illness"},                    // 第12项 (意外伤害)
      {"无婚史证明", "marital-status"},                 // 第8项 (未婚)
      {"证明老人已故", "death"},                        // 第11项
      {"没有稳定工作的证明", "employment-status"},      // 第15项
      {"证明我家狗是我养的", "dog-keeping"},            // 第4项
      {"我和父亲的关系证明", "kinship"},                // 第1项
      {"户口薄遗失证明", "lost-document"},              // 第20项: 薄 written for 簿
      {"证明老人没死", "alive"},                        // 第10项
      {"证明我的证件不见了", "lost-document"},          // 第20项
      {"证明我爸离家出走了", "missing-person"},         // 第7项
  };
  check_resolves(cases, jianzheng::Certainty::confident);
  // Read from a purpose or a slip of typing: a question, never an answer.
  const std::pair<const char*, const char*> asked[] = {
      {"死亡证民", "death"},                            // 民 min for 明 ming, on the 证明
      {"健在证民", "alive"},
      {"无犯罪记绿证明", "no-criminal-record"},         // 绿 lü typed for 录 lu
      {"先开个证明信证明身份", "identity-info"},        // 第2项: identity without a card
      {"辦準生證要居委會蓋的章", "childbearing-status"},  // a stamp with a word between
      {"证明我房子能做生意", "business-premises"},      // 第19项
      {"开个小店要社区证明", "business-premises"},
      {"家里的狗要上证，社区能开证明吗", "dog-keeping"},  // 第4项
      {"开门面要场所证明", "business-premises"},        // 第19项: a 市场主体 word apart from 场所
      {"申请公租房要居委会开证明", "property"},         // 第17项: assistance and housing
      {"当兵要村里盖章", "no-criminal-record"},         // 第5项: enlistment
      {"领生育津贴要社区证明", "childbearing-status"},  // 第14项: maternity benefits
      {"申请公益性岗位要开证明", "employment-status"},  // 第15项
  };
  for (const auto& [text, id] : asked) {
    INFO(text);
    const auto [got, certainty] = resolved(text);
    CHECK(got == id);
    CHECK(certainty == jianzheng::Certainty::uncertain);
  }
  // Near words that are no item: a parking space, a vaccination, a contract's end, 出身 (shen).
  for (const char* text : {"证明我有车位", "证明我家狗打过疫苗", "合同期满证明", "出身证明", "业主同意证明",
                           "证明孩子是在医院生的", "身份证明", "办狗证要居住证明", "公共场所证明",
                           "娱乐场所证明", "我和单位的关系证明", "证明他行走很困难",
                           "证明我手机不见了"}) {
    INFO(text);
    CHECK(resolved(text).first == "-");
  }
}

TEST_CASE("A fact named as its own certificate is the item that certifies it, and with a word of changing it is 第3项",
          "[names][resolve][vocabulary]") {
  // 附件1 第2项 居民身份信息证明 certifies the 户口登记项目 one by one; 第3项 is their change;
  // 第16项 居民个人档案证明 certifies where a personal file is kept.
  const std::pair<const char*, const char*> cases[] = {
      {"曾用名证明", "identity-info"},       {"公民性别证明", "identity-info"},
      {"出生日期证明", "identity-info"},     {"公民民族成分证明", "identity-info"},
      {"证明我是我", "identity-info"},       {"曾用名变更证明", "hukou-change"},
      {"出生日期确属错误的证明", "hukou-change"}, {"姓名变更登记证明", "hukou-change"},
      {"同意变更姓名的证明", "hukou-change"}, {"人口信息更正证明", "hukou-change"},
      {"年龄证明", "identity-info"},         {"改年龄证明", "hukou-change"},
      {"存档证明", "personal-archive"},      {"档案存放证明", "personal-archive"},
      {"人事档案保管证明", "personal-archive"}, {"档案所在地证明", "personal-archive"},
  };
  check_resolves(cases, jianzheng::Certainty::confident);
  // A field alone, without 证明, is not a certificate.
  for (const char* text : {"姓名", "性别", "民族", "存档"}) {
    INFO(text);
    CHECK(resolved(text).second != jianzheng::Certainty::confident);
  }
}

TEST_CASE("A fact or a reworded name beside another item's own words is asked, with both items (附件1 第2项/第16项, 第17项/第18项)",
          "[names][resolve][vocabulary]") {
  // 曾用名证明 alone is 第2项; written as the 曾用名 a personal file records, it may be the
  // 第16项 档案 certificate about it. Both are put to the clerk, neither is decided on. Since
  // round four the item named first holds the fact (人事档案里的曾用名: the file's record) and is
  // asked first; a fact named first (曾用名证明放进人事档案) keeps its own item first.
  const jianzheng::Resolution r = matcher().resolve("人事档案里的曾用名证明");
  CHECK(r.certainty == jianzheng::Certainty::uncertain);
  REQUIRE(r.candidates.size() >= 2);
  CHECK(r.candidates[0].item->id == "personal-archive");
  CHECK(r.candidates[1].item->id == "identity-info");
  const jianzheng::Resolution after = matcher().resolve("曾用名证明放进人事档案");
  CHECK(after.certainty == jianzheng::Certainty::uncertain);
  REQUIRE(after.candidates.size() >= 2);
  CHECK(after.candidates[0].item->id == "identity-info");
  CHECK(after.candidates[1].item->id == "personal-archive");
  CHECK(resolved("曾用名证明") == std::make_pair(std::string("identity-info"), jianzheng::Certainty::confident));
  // The same for a key found only by rewording (证明 moved last): 证明…的房产 reads as 房产证明
  // (第17项), but 继承 names 第18项 遗产继承权证明 too.
  // Since round five the concept of 第18项 (继承) is read too and comes first: what is to be
  // proved is the right to inherit, the house is what is inherited.
  const jianzheng::Resolution heir = matcher().resolve("证明我有权继承母亲的房产");
  CHECK(heir.certainty == jianzheng::Certainty::uncertain);
  REQUIRE(heir.candidates.size() >= 2);
  CHECK(heir.candidates[0].item->id == "inheritance");
  CHECK(heir.candidates[1].item->id == "property");
  // A name written out as it is keeps its confidence whatever else the text names.
  CHECK(resolved("继承房产要的亲属关系证明") == std::make_pair(std::string("kinship"), jianzheng::Certainty::confident));
}

TEST_CASE("Income of a business is not a resident's income (附件1 第17项 居民财产证明), and other near names are nothing",
          "[names][resolve][vocabulary]") {
  for (const char* text : {"公司收入证明", "营业收入证明", "经营收入证明", "企业的收入证明", "单位经济困难证明",
                           "企业经济状况证明", "公司财产证明", "交通事故证明", "工伤事故证明", "家庭情况证明"}) {
    INFO(text);
    CHECK(resolved(text).first == "-");
  }
  for (const char* text : {"个人收入证明", "工作收入证明", "家庭收入证明"}) {
    INFO(text);
    CHECK(resolved(text) == std::make_pair(std::string("property"), jianzheng::Certainty::confident));
  }
}

TEST_CASE("A request by purpose that names a document applied for or an act is asked, never decided",
          "[names][resolve][vocabulary]") {
  // data/names/vocabulary.json "purposes": the documents and acts each item's certificate
  // serves, read only when the text asks for a 证明 or a stamp and names nothing itself.
  const std::pair<const char*, const char*> cases[] = {
      {"办狗证要社区开证明吗", "dog-keeping"},               // 附件1 第4项
      {"养两只以上的狗要居委会同意的证明", "dog-keeping"},  // 第4项 (养…狗)
      {"申请残疾人证要村里盖章", "disability"},             // 第13项
      {"补办身份证要社区开证明", "lost-document"},          // 第20项
      {"补医保卡要村里的证明", "lost-document"},            // 第20项 (补…卡)
      {"办房产继承公证要社区开证明", "inheritance"},        // 第18项
      {"住宅办营业执照需要社区证明吗", "business-premises"},  // 第19项
      {"開店要居委會開證明", "business-premises"},          // 第19项, Traditional
      {"出生日期登记错了要更正开什么证明", "hukou-change"},  // 第3项
      {"领失业金要社区开证明", "employment-status"},        // 第15项
      {"保险理赔要居委会开证明", "illness"},                // 第12项
      {"办准生证要村里盖章", "childbearing-status"},        // 第14项
      {"调档要开什么证明", "personal-archive"},             // 第16项
      {"领丧葬费要社区证明", "death"},                      // 第11项
      {"申请残疾补贴要村里证明", "disability"},             // 第13项, not 补…证 of 第20项
      {"改户口年龄要开证明", "hukou-change"},              // 第3项, not the 年龄 fact of 第2项
      {"户口本丢了去哪开证明", "lost-document"},            // 第20项: a document, then 丢
      {"公司注册需要住所证明", "business-premises"},        // 第19项: 公司 … 住所证明, apart
      {"开网店要居委会开住所证明", "business-premises"},    // 第19项
  };
  check_resolves(cases, jianzheng::Certainty::uncertain);
  // Since round five a fact stated after 证明 is what is certified, whoever wants it: the
  // concept of 第7项 (失踪) answers.
  CHECK(resolved("法院要居委会证明我哥失踪两年了") ==
        std::make_pair(std::string("missing-person"), jianzheng::Certainty::confident));
  // A text that names its own certificate is not read by purpose: 犬只免疫证明 is a vaccination
  // record, 办狗证要居住证明 asks for a 居住证明 (on no list).
  for (const char* text : {"犬只免疫证明", "狂犬病免疫证明", "办狗证要居住证明", "开店要营业执照",
                           "开个证明手机丢了", "我要开住所证明"}) {
    INFO(text);
    CHECK(resolved(text).first == "-");
  }
  // X证 is often a document of its own: asked, not decided.
  for (const char* text : {"结婚证", "离婚证", "收入证"}) {
    INFO(text);
    CHECK(resolved(text).second == jianzheng::Certainty::uncertain);
  }
}

TEST_CASE("Every alias added in round three has its source in the names vocabulary",
          "[names][vocabulary]") {
  std::ifstream in(JIANZHENG_SOURCE_DIR "/data/names/vocabulary.json", std::ios::binary);
  REQUIRE(in);
  const std::string vocabulary((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto sources = vocabulary.substr(vocabulary.find("\"alias_sources\""));
  const std::pair<const char*, const char*> added[] = {
      {"犯罪记录证明", "no-criminal-record"}, {"住所使用证明", "business-premises"},
      {"经营场所使用证明", "business-premises"}, {"继承人证明", "inheritance"},
      {"社区康复证明", "drug-rehab-status"}, {"疾病诊断证明", "illness"},
  };
  for (const auto& [name, id] : added) {
    INFO(name);
    const Item* item = national().find_name(name);
    REQUIRE(item != nullptr);
    CHECK(item->id == id);
    CHECK(sources.find(std::string("\"") + name + "\"") != std::string::npos);
  }
}

TEST_CASE("Every concept of the names vocabulary names an item of the national catalog and gives its reason",
          "[names][vocabulary][concepts]") {
  // A concept of an id the catalog lacks is silently not used (a county catalog without the
  // item): for the national catalog every one must be used.
  std::ifstream in(JIANZHENG_SOURCE_DIR "/data/names/vocabulary.json", std::ios::binary);
  REQUIRE(in);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto root = boost::json::parse(text).as_object();
  std::map<std::string, int> per_item;
  for (const auto& c : root.at("concepts").as_array()) {
    const std::string id(c.at("item").as_string());
    INFO(id);
    CHECK(national().find(id) != nullptr);
    CHECK_FALSE(c.at("why").as_string().empty());
    ++per_item[id];
  }
  // Every one of the 20 items has its concept (docs/names.md, "Round five: concepts").
  CHECK(per_item.size() == 20);
}

TEST_CASE("A short name with an unrelated wrong character is not plausible", "[names]") {
  // 出入证明 is one character from 收入证明, but 出 neither sounds nor looks like 收.
  CHECK(matcher().match("出入证明").empty());
  CHECK(matcher().match("收养证明").empty());
}

TEST_CASE("A name inside a sentence is found as a phrase", "[names]") {
  auto m = matcher().match("麻烦开一下收入证明，贷款用");
  REQUIRE_FALSE(m.empty());
  CHECK(m[0].item->id == "property");
  CHECK(m[0].how == MatchHow::phrase);
  CHECK(m[0].name == "收入证明");
  CHECK(best_id(matcher(), "我要开个无犯罪记录证明") == "no-criminal-record");
  // Two items asked at once: both come back.
  auto two = matcher().match("要开出生证明和死亡证明");
  REQUIRE(two.size() == 2);
  CHECK(((two[0].item->id == "birth" && two[1].item->id == "death") ||
         (two[0].item->id == "death" && two[1].item->id == "birth")));
}

TEST_CASE("Certificates on no list are not pulled onto it", "[names]") {
  // The issue's own examples: none is a first-batch item (附件1).
  for (const char* text : {"居住证明", "监护关系证明", "迁葬证明", "入党政审证明",
                           "村集体经济组织成员身份证明", "我要开个居住证明", "jianhuguanxizhengming"}) {
    INFO(text);
    CHECK(matcher().match(text).empty());
    CHECK_FALSE(matcher().best(text));
  }
  CHECK(matcher().match("").empty());
  CHECK(matcher().match("，。！").empty());
}

TEST_CASE("Text that is not UTF-8 is an invalid_utf8 error", "[names]") {
  try {
    matcher().match("\xE4\xBA");
    FAIL("no error");
  } catch (const jianzheng::Error& e) {
    CHECK(e.code() == jianzheng::ErrorCode::invalid_utf8);
  }
  CHECK_THROWS_AS(jianzheng::normalize_name("\xC0\xAF"), jianzheng::Error);  // overlong '/'
}

TEST_CASE("A text longer than max_text_bytes is a too_large error, not a slow search", "[names]") {
  std::string text;
  while (text.size() <= jianzheng::max_text_bytes) text += "麻烦开一下收入证明，";
  try {
    matcher().match(text);
    FAIL("no error");
  } catch (const jianzheng::Error& e) {
    CHECK(e.code() == jianzheng::ErrorCode::too_large);
  }
  // Just under the limit it is searched, and the name inside is found.
  text.resize(jianzheng::max_text_bytes - jianzheng::max_text_bytes % 30);
  CHECK(best_id(matcher(), text) == "property");
}

TEST_CASE("Match methods have stable JSON names", "[names]") {
  for (auto how : {MatchHow::exact, MatchHow::alias, MatchHow::traditional, MatchHow::pinyin,
                   MatchHow::fuzzy, MatchHow::phrase}) {
    CHECK(jianzheng::match_how_from_string(jianzheng::to_string(how)) == how);
  }
  CHECK(std::string(jianzheng::to_string(MatchHow::phrase)) == "phrase");
  CHECK_FALSE(jianzheng::match_how_from_string("Phrase"));
}

TEST_CASE("A matcher over a county's own items handles names with rare characters", "[names]") {
  // A county item whose name has a character outside the generated table (U+4E00–U+9FFF):
  // 㙟 (U+365F, CJK Extension A). Its pinyin comes from the lazily created fallback.
  std::vector<Item> items(2);
  items[0].id = "county-grazing";
  items[0].name = "草原放牧证明";
  items[1].id = "county-rare";
  items[1].name = "㙟地证明";
  const NameMatcher m(items);
  CHECK(best_id(m, "草原放牧证明") == "county-grazing");
  CHECK(best_id(m, "caoyuanfangmuzhengming") == "county-grazing");
  CHECK(best_id(m, "開個草原放牧證明") == "county-grazing");
  CHECK(best_id(m, "㙟地证明") == "county-rare");
  CHECK(m.match("居住证明").empty());
}

TEST_CASE("One matcher answers the same from many threads at once", "[names]") {
  const std::vector<std::string> texts{"亲属关糸证明", "wfzjlzm", "麻烦开一下收入证明，贷款用",
                                       "居住证明", "親屬關係證明", "单身证明"};
  std::vector<std::string> expected;
  for (const auto& t : texts) expected.push_back(best_id(matcher(), t));
  std::vector<int> mismatches(4, 0);
  std::vector<std::thread> threads;
  for (int k = 0; k < 4; ++k)
    threads.emplace_back([&, k] {
      for (int round = 0; round < 200; ++round)
        for (std::size_t i = 0; i < texts.size(); ++i)
          if (best_id(matcher(), texts[i]) != expected[i]) ++mismatches[k];
    });
  for (auto& t : threads) t.join();
  for (int n : mismatches) CHECK(n == 0);
}

TEST_CASE("The labelled query set resolves at least 97% right and pulls nothing onto the list",
          "[names][accuracy]") {
  const auto queries = labelled_queries();
  int listed = 0, listed_right = 0, none = 0, false_positives = 0, wrong_item = 0, missed = 0;
  int none_certificates = 0;
  std::map<std::string, std::pair<int, int>> by_kind;  // kind → (right, total)
  std::ostringstream failures;
  for (const auto& q : queries) {
    const std::string got = best_id(matcher(), q.text);
    const bool right = got == q.expected;
    auto& k = by_kind[q.kind];
    k.second++;
    if (right) k.first++;
    if (q.expected == "-") {
      ++none;
      if (q.kind == "none") ++none_certificates;
      if (!right) ++false_positives;
    } else {
      ++listed;
      if (right) ++listed_right;
      else if (got == "-") ++missed;
      else ++wrong_item;
    }
    if (!right)
      failures << "\n  line " << q.line << ": " << q.text << " → " << got << " (expected "
               << q.expected << ", " << q.kind << ")";
  }
  const int right = listed_right + (none - false_positives);
  const double accuracy = 100.0 * right / static_cast<double>(queries.size());
  std::ostringstream summary;
  summary << "name matcher, labelled set: " << queries.size() << " queries (" << listed
          << " listed, " << none << " not listed); top-1 accuracy " << accuracy << "% ("
          << right << "/" << queries.size() << "); false positives " << false_positives << "/"
          << none << "; listed wrong item " << wrong_item << ", listed missed " << missed;
  summary << "\nby kind (right/total):";
  for (const auto& [kind, rt] : by_kind) summary << "\n  " << kind << ": " << rt.first << "/" << rt.second;
  if (!failures.str().empty()) summary << "\nwrong:" << failures.str();
  WARN(summary.str());
  CHECK(queries.size() >= 150);
  CHECK(none_certificates >= 30);
  CHECK(accuracy >= 97.0);
  CHECK(false_positives == 0);
}

TEST_CASE("The resolve answer is JSON with the query and ranked matches", "[names]") {
  const std::string json = jianzheng::to_json("亲属关糸证明", matcher().match("亲属关糸证明"));
  CHECK(json.find("\"query\": \"亲属关糸证明\"") != std::string::npos);
  CHECK(json.find("{\"item\": \"kinship\", \"name\": \"亲属关系证明\", \"score\": 0.83, \"how\": \"fuzzy\"}") !=
        std::string::npos);
  const std::vector<jianzheng::Match> none;
  CHECK(jianzheng::to_json("居住证明", none) == "{\n  \"query\": \"居住证明\",\n  \"matches\": []\n}\n");
  // Quotes and control characters in the query are escaped.
  CHECK(jianzheng::to_json("a\"b\n", none).find("\"a\\\"b\\n\"") != std::string::npos);
}

TEST_CASE("The resolve answer carries the certainty: confident, uncertain or none", "[names][resolve]") {
  CHECK(jianzheng::to_json("单身证明", matcher().resolve("单身证明")) ==
        "{\n  \"query\": \"单身证明\",\n  \"certainty\": \"confident\",\n  \"matches\": [\n"
        "    {\"item\": \"marital-status\", \"name\": \"单身证明\", \"score\": 0.96, \"how\": \"alias\"}\n  ]\n}\n");
  // Initials shared by two items: both, uncertain (match() would give nothing).
  const std::string shared = jianzheng::to_json("hyzkzm", matcher().resolve("hyzkzm"));
  CHECK(shared.find("\"certainty\": \"uncertain\"") != std::string::npos);
  CHECK(shared.find("\"item\": \"marital-status\"") != std::string::npos);
  CHECK(shared.find("\"item\": \"childbearing-status\"") != std::string::npos);
  CHECK(jianzheng::to_json("居住证明", matcher().resolve("居住证明")) ==
        "{\n  \"query\": \"居住证明\",\n  \"certainty\": \"none\",\n  \"matches\": []\n}\n");
}

namespace {
// Runs the CLI; returns (exit code, stdout).
std::pair<int, std::string> run_cli(const std::string& arguments) {
  const std::string command = std::string("\"") + JIANZHENG_CLI + "\" " + arguments;
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe);
  std::string out;
  char buf[4096];
  while (std::size_t n = std::fread(buf, 1, sizeof buf, pipe)) out.append(buf, n);
  const int status = pclose(pipe);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}
}  // namespace

TEST_CASE("jianzheng resolve prints matches, or [] and exit 1 when nothing is plausible",
          "[names][cli]") {
  auto [code, out] = run_cli("resolve --json '麻烦开一下收入证明，贷款用'");
  CHECK(code == 0);
  CHECK(out.find("\"item\": \"property\"") != std::string::npos);
  CHECK(out.find("\"how\": \"phrase\"") != std::string::npos);

  auto [none_code, none_out] = run_cli("resolve --json 居住证明");
  CHECK(none_code == 1);
  CHECK(none_out.find("\"matches\": []") != std::string::npos);
  CHECK(none_out.find("\"certainty\": \"none\"") != std::string::npos);
  CHECK(out.find("\"certainty\": \"confident\"") != std::string::npos);

  auto [asked_code, asked_out] = run_cli("resolve --json hyzkzm");
  CHECK(asked_code == 0);
  CHECK(asked_out.find("\"certainty\": \"uncertain\"") != std::string::npos);
  auto [asked_text_code, asked_text] = run_cli("resolve 健在正明");
  CHECK(asked_text_code == 0);
  CHECK(asked_text.find("uncertain: ask which is meant") != std::string::npos);

  auto [text_code, text_out] = run_cli("resolve 亲属关糸证明");
  CHECK(text_code == 0);
  CHECK(text_out.find("亲属关系证明 (kinship)") != std::string::npos);

  CHECK(run_cli("resolve --json").first == 2);
}

TEST_CASE("Held-out queries, never used for tuning, pull nothing onto the list", "[names][accuracy]") {
  // Reported, not enforced: the accuracy of a set the matcher was not tuned on (docs/names.md).
  const auto queries = labelled_queries("heldout.tsv");
  int right = 0, none = 0, false_positives = 0;
  std::ostringstream wrong;
  for (const auto& q : queries) {
    const std::string got = best_id(matcher(), q.text);
    if (got == q.expected) ++right;
    else wrong << "\n  " << q.text << " → " << got << " (expected " << q.expected << ")";
    if (q.expected == "-") {
      ++none;
      if (got != "-") ++false_positives;
    }
  }
  WARN("name matcher, held-out set: " << queries.size() << " queries; top-1 accuracy "
       << 100.0 * right / static_cast<double>(queries.size()) << "% (" << right << "/"
       << queries.size() << "); false positives " << false_positives << "/" << none
       << (wrong.str().empty() ? "" : "\nwrong:") << wrong.str());
  CHECK(false_positives == 0);
}

namespace {

// How resolve() did on a labelled corpus (docs/names.md, "Recall on real text").
struct CorpusFigures {
  int listed = 0, none = 0;
  int right_confident = 0, right_uncertain = 0;  // the right item first, sure or asked
  int wrong_confident = 0, wrong_uncertain = 0;  // another item first
  int missed = 0;                                // listed, but nothing plausible
  int false_positive = 0;                        // on no list, but an item with confidence
  int none_uncertain = 0;                        // on no list, candidates put to the clerk
  std::string report, failures;
  int right() const { return right_confident + right_uncertain; }
  double recall() const { return listed ? 100.0 * right() / listed : 0; }
};

CorpusFigures run_corpus(const std::string& file) {
  CorpusFigures f;
  std::ostringstream failures;
  for (const auto& q : labelled_queries(file, 4)) {
    const auto r = matcher().resolve(q.text);
    const std::string got = r.candidates.empty() ? "-" : r.candidates.front().item->id;
    const bool sure = r.certainty == jianzheng::Certainty::confident;
    std::string verdict;
    if (q.expected == "-") {
      ++f.none;
      if (sure) ++f.false_positive, verdict = "FALSE POSITIVE";
      else if (!r.candidates.empty()) ++f.none_uncertain, verdict = "asked";
    } else {
      ++f.listed;
      if (got == q.expected) {
        if (sure) ++f.right_confident;
        else ++f.right_uncertain, verdict = "asked";
      } else if (got == "-") {
        ++f.missed, verdict = "missed";
      } else if (sure) {
        ++f.wrong_confident, verdict = "WRONG ITEM";
      } else {
        ++f.wrong_uncertain, verdict = "asked, wrong first";
      }
    }
    if (!verdict.empty())
      failures << "\n  line " << q.line << " " << verdict << ": " << q.text << " → " << got << " ("
               << to_string(r.certainty) << "; expected " << q.expected << ", " << q.kind << ")";
  }
  std::ostringstream s;
  s << file << ": " << f.listed << " listed, " << f.none << " on no list; recall " << f.recall()
    << "% (" << f.right() << "/" << f.listed << ": " << f.right_confident << " confident, "
    << f.right_uncertain << " uncertain); wrong item " << f.wrong_confident << " confident, "
    << f.wrong_uncertain << " uncertain; missed " << f.missed << "; false positives "
    << f.false_positive << "/" << f.none << " (" << f.none_uncertain << " put to the clerk)";
  f.report = s.str();
  f.failures = failures.str();
  return f;
}

// A tuning corpus: no item comes first that is not the row's, confident or not, and nothing on
// no list comes back with confidence.
void check_no_wrong_item_nor_false_positive(const CorpusFigures& f) {
  CHECK(f.wrong_confident == 0);
  CHECK(f.wrong_uncertain == 0);
  CHECK(f.false_positive == 0);
}

}  // namespace

TEST_CASE("The eighth untuned corpus: recall reported, no wrong item, no false positive",
          "[names][accuracy]") {
  // corpus-untuned-8.tsv was written by another hand in parallel with round seven and never seen
  // by its author (docs/names.md, "Recall on real text"). Its first run, after the merge: 97.2 %
  // (205 / 211), no wrong item, no false positive; nothing has been tuned on it. Precision is
  // enforced; recall is reported.
  const auto f = run_corpus("corpus-untuned-8.tsv");
  WARN(f.report << f.failures);
  CHECK(f.listed >= 210);
  CHECK(f.none >= 70);
  check_no_wrong_item_nor_false_positive(f);
}

TEST_CASE("The sixth untuned corpus, now tuning data: recall, no confident wrong item, no false positive",
          "[names][accuracy]") {
  // corpus-tuning-10.tsv, committed as corpus-untuned-6.tsv and never seen by round six's author
  // (docs/names.md, "Recall on real text"): its first run gave 94.2 %, no confident wrong item,
  // no false positive. Round seven read its misses and wrote rules for their kinds: the figures
  // are tuned ones.
  const auto f = run_corpus("corpus-tuning-10.tsv");
  WARN(f.report << f.failures);
  CHECK(f.listed >= 190);
  CHECK(f.wrong_confident == 0);
  CHECK(f.false_positive == 0);
}

TEST_CASE("The seventh untuned corpus, now tuning data: recall, no confident wrong item, no false positive",
          "[names][accuracy]") {
  // corpus-tuning-11.tsv, committed as corpus-untuned-7.tsv, written in parallel with round six
  // by a third hand (pastoral voices, Traditional reprints): its first run gave 91.3 %, no
  // confident wrong item, no false positive. Five aliases were added after it was read, and round
  // seven wrote rules for its misses' kinds: the figures are tuned ones.
  const auto f = run_corpus("corpus-tuning-11.tsv");
  WARN(f.report << f.failures);
  CHECK(f.listed >= 190);
  CHECK(f.wrong_confident == 0);
  CHECK(f.false_positive == 0);
}

TEST_CASE("The broad tuning corpus of round six: recall, no wrong item, no false positive",
          "[names][accuracy]") {
  // corpus-tuning-9.tsv: 16 or more rows per item and 76 on no list, written for round six by
  // another hand from new voices and sources, measured once before it was read (docs/names.md)
  // and tuned on since: the figures are tuned ones.
  const auto f = run_corpus("corpus-tuning-9.tsv");
  WARN(f.report << f.failures);
  CHECK(f.listed >= 330);
  CHECK(f.none >= 76);
  check_no_wrong_item_nor_false_positive(f);
}

TEST_CASE("The fifth untuned corpus, now tuning data: no confident wrong item, no false positive",
          "[names][accuracy]") {
  // Untuned until issue 11's sixth round (91.7 % on its first run, after round five; one
  // confident wrong item and one false positive, fixed as rules at once).
  const auto f = run_corpus("corpus-tuning-8.tsv");
  WARN(f.report << f.failures);
  CHECK(f.listed >= 180);
  CHECK(f.none >= 70);
  CHECK(f.wrong_confident == 0);
  CHECK(f.false_positive == 0);
}

TEST_CASE("The broad tuning corpus of round five: recall, no wrong item, no false positive",
          "[names][accuracy]") {
  // corpus-tuning-7.tsv: 14 or more rows per item and 70 or more on no list, written for round
  // five by another hand and tuned on (docs/names.md): the figures are tuned ones.
  const auto f = run_corpus("corpus-tuning-7.tsv");
  WARN(f.report << f.failures);
  CHECK(f.listed >= 280);
  CHECK(f.none >= 70);
  check_no_wrong_item_nor_false_positive(f);
}

TEST_CASE("The fourth untuned corpus, now tuning data: no wrong item, no false positive",
          "[names][accuracy]") {
  // Untuned until issue 11's fifth round (82.0 % on its first run, after round four).
  const auto f = run_corpus("corpus-tuning-6.tsv");
  WARN(f.report << f.failures);
  CHECK(f.listed >= 167);
  CHECK(f.none >= 70);
  check_no_wrong_item_nor_false_positive(f);
}

TEST_CASE("The third untuned corpus, now tuning data: no wrong item, no false positive",
          "[names][accuracy]") {
  // Untuned until issue 11's fourth round (83.2 % on its first run, after round three).
  const auto f = run_corpus("corpus-tuning-5.tsv");
  WARN(f.report << f.failures);
  CHECK(f.listed >= 190);
  CHECK(f.none >= 60);
  check_no_wrong_item_nor_false_positive(f);
}

TEST_CASE("The breadth corpus of round three: recall, no wrong item, no false positive",
          "[names][accuracy]") {
  // Names of the 20 items as published lists, guides and news write them (issue 11, round
  // three); tuned on, so the figures are tuned ones.
  const auto f = run_corpus("corpus-tuning-4.tsv");
  WARN(f.report << f.failures);
  CHECK(f.listed + f.none >= 150);
  CHECK(f.none >= 40);
  check_no_wrong_item_nor_false_positive(f);
}

TEST_CASE("The second untuned corpus, now tuning data: recall, no wrong item, no false positive",
          "[names][accuracy]") {
  // Untuned until issue 11's third round (55.3 % before round two, 67.5 % after it).
  const auto f = run_corpus("corpus-tuning-3.tsv");
  WARN(f.report << f.failures);
  CHECK(f.listed >= 110);
  CHECK(f.listed + f.none >= 150);
  check_no_wrong_item_nor_false_positive(f);
}

TEST_CASE("The first untuned corpus, now tuning data: recall, no wrong item, no false positive",
          "[names][accuracy]") {
  const auto f = run_corpus("corpus-tuning-2.tsv");
  WARN(f.report << f.failures);
  CHECK(f.listed + f.none >= 150);
  check_no_wrong_item_nor_false_positive(f);
}

TEST_CASE("The tuning real-text corpus: recall, no wrong item, no false positive",
          "[names][accuracy]") {
  const auto f = run_corpus("corpus-tuning.tsv");
  WARN(f.report << f.failures);
  CHECK(f.listed + f.none >= 150);
  check_no_wrong_item_nor_false_positive(f);
  CHECK(f.recall() >= 97.0);
}

TEST_CASE("A home turned into a shop, or the neighbours' consent to it, is 附件1 第19项, asked (the fifth desk set)",
          "[names][resolve]") {
  // 一楼住宅改成药店，全单元住户同意的证明 was read as nothing, and with public interest answered
  // yes was issued under 二（一）2: 改成…店 is a home used for business (市场主体住所证明).
  for (const auto& row : {std::pair{"把一楼住宅改成诊所，全楼住户都同意的证明", "business-premises"},
                          std::pair{"楼下邻居同意我家改成小吃店的证明", "business-premises"}})
    check_resolves(row, jianzheng::Certainty::uncertain);
}

// Round seven (docs/names.md, "Round seven: kinds of the sixth and seventh sets' misses"): each
// kind of the two sets' misses, read for every item with phrasings that are no corpus row. A slip
// is always a question, never an answer; what is on no list stays nothing.

TEST_CASE("Round seven, a character written for another by its shape (形近字) is read as the character meant, asked",
          "[names][resolve][round7]") {
  // 生肓 for 生育, 经营埸所 for 经营场所 (the sixth set): the pinyin table cannot mend a slip of the
  // eye; a short table of shapes people confuse does, and only as a question.
  const std::pair<const char*, const char*> asked[] = {
      {"计划生肓证明", "childbearing-status"},
      {"婚肓证明", "childbearing-status"},
      {"营业埸所证明", "business-premises"},
      {"社区戎毒人员证明", "drug-rehab-status"},
  };
  check_resolves(asked, jianzheng::Certainty::uncertain);
  for (const char* text : {"膏肓", "膏肓证明"}) {
    INFO(text);
    CHECK(resolved(text).first == "-");
  }
}

TEST_CASE("Round seven, a word typed by its sound, two characters at once, is read as the name, asked",
          "[names][resolve][round7]") {
  // 意外上海 for 意外伤害 (the seventh set): a pinyin input method offers whole words, so a span
  // ending on a 证明 that reads as a name syllable by syllable is that name, with every rule of
  // context kept (a company's income stays nothing) and only as a question.
  const std::pair<const char*, const char*> asked[] = {
      {"意外商海证明", "illness"},
      {"无犯最己录证明", "no-criminal-record"},
      {"婚因壮况证明", "marital-status"},
  };
  check_resolves(asked, jianzheng::Certainty::uncertain);
  for (const char* text : {"公司收入正明", "营业收入正明", "意外上海"}) {
    INFO(text);
    CHECK(resolved(text).first == "-");
  }
}

TEST_CASE("Round seven, a document that proves the same fact (公证书, 文件, 材料) is read as its 证明, asked",
          "[names][resolve][round7]") {
  // 健在公證書, 可表明親屬關係的文件 (the sixth and seventh sets): a notary's deed or a file that
  // shows a fact may be what the committee's 证明 is wanted for, or may not: a question.
  const std::pair<const char*, const char*> asked[] = {
      {"死亡公证书", "death"},
      {"可以说明亲属关系的材料", "kinship"},
      {"婚育情况文件", "childbearing-status"},
  };
  check_resolves(asked, jianzheng::Certainty::uncertain);
  for (const char* text : {"学历公证书", "驾照公证书", "我要打印文件", "户口本复印件材料"}) {
    INFO(text);
    CHECK(resolved(text).first == "-");
  }
}

TEST_CASE("Round seven, a province's name for the 户口's entries (公民主项信息) is 附件1 第3项 when changed",
          "[names][resolve][round7]") {
  // 《湖南省公民主项信息变更、更正审核表》: 主项信息 are the 户口登记项目 (vocabulary.json, its source).
  check_resolves(std::pair{"主项信息变更证明", "hukou-change"}, jianzheng::Certainty::confident);
}

TEST_CASE("Round seven, descriptions in everyday words of every family (娃, 一家子, 他本人, 户籍居民, 戒掉了, 上过班)",
          "[names][resolve][round7]") {
  // The sixth and seventh sets described facts in words no set had (两口子一共生了几个娃, 俺娘和俺是
  // 一家子, 证明他就是他本人, 系我社区户籍居民, 证明我戒好了, 没出去上过班, 月人均生活费): each word joins
  // its family, so that other sentences of the kind are read too.
  const std::pair<const char*, const char*> confident[] = {
      {"证明我们两口子生了三个娃", "childbearing-status"},
      {"证明我爹和我是一家子", "kinship"},
      {"证明他是他本人", "identity-info"},
      {"证明我是本村户籍居民", "identity-info"},
      {"兹证明王某系我社区户籍人员", "identity-info"},
      {"证明我没出去打过工", "employment-status"},
      {"家庭月人均生活费证明", "property"},
  };
  check_resolves(confident, jianzheng::Certainty::confident);
  // Suggestive words only (毒品, 戒掉了): asked.
  check_resolves(std::pair{"证明我戒掉了", "drug-rehab-status"}, jianzheng::Certainty::uncertain);
  for (const char* text : {"证明我在外面打过工", "证明这个娃是我捡来的", "毒品检测报告", "户籍居民证"}) {
    INFO(text);
    CHECK(resolved(text).first == "-");
  }
}

TEST_CASE("Round seven, a request followed by a question of whether it is issued is read without the question, asked",
          "[names][resolve][round7]") {
  // …证明不了父子关系 村上给开一个行不, 兹证明…户籍居民 这种证明现在还开吗 (the seventh set): the
  // question after the request hid it. The request alone is read, only as a question.
  const std::pair<const char*, const char*> asked[] = {
      {"房产证上写的是我爸 证明不了我们是父子 社区给开一个行不", "kinship"},
      {"老人每年都要认证还活着 村里能开吗", "alive"},
  };
  check_resolves(asked, jianzheng::Certainty::uncertain);
  for (const char* text : {"我家狗丢了 社区管不管", "证明我老婆出轨了 社区能开吗"}) {
    INFO(text);
    CHECK(resolved(text).first == "-");
  }
}

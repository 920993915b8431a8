// The name matcher (docs/design.md §4 step 1). Built once: every name and alias of every item, and a
// few short forms derived from them, are folded (text/text.hpp), given their pinyin from the
// build-time tables, and indexed by raw text, folded text, pinyin, initials and character.
// A query then goes, cheapest first:
//   1. the raw text in a hash map (exact name or alias: no folding at all);
//   2. the folded text in a hash map (width, case, spaces, punctuation, Traditional);
//   3. for Latin text, pinyin whole or initials;
//   4. otherwise an approximate search of the keys that share enough characters with the
//      text: a key inside a sentence or reworded (phrase: 的 or 人员 inserted, its words in
//      another order, a colloquial description such as 老人还在世), or one wrong, homophone or
//      look-alike character (fuzzy). Precision first: short keys tolerate only homophones and
//      look-alikes, a character that tells the item apart from the others (踪 of 失踪) is
//      never replaced by an arbitrary one, and a key preceded by a word that changes what is
//      certified (低收入…) does not count.
// Beyond names and aliases, data/names/vocabulary.json gives other words for the same facts
// (资产 → 财产), facts named as their own certificate (曾用名证明 → 第2项), words that make a
// key another certificate (公司收入证明), and the documents and acts each item serves (办狗证 →
// 第4项, read only when nothing else names an item, and always as a question).
// resolve() then says how sure that is: one item with confidence, candidates to put to the
// clerk, or none.
#include "jianzheng/name_matcher.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <functional>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "embedded_data.hpp"
#include "enum_names.hpp"
#include "jianzheng/error.hpp"
#include "jianzheng/catalog.hpp"
#include "json/json_io.hpp"
#include "text/text.hpp"

namespace jianzheng {
namespace {

constexpr detail::EnumNames<MatchHow, 6> kMatchHowNames{{
    {MatchHow::exact, "exact"},
    {MatchHow::alias, "alias"},
    {MatchHow::traditional, "traditional"},
    {MatchHow::pinyin, "pinyin"},
    {MatchHow::fuzzy, "fuzzy"},
    {MatchHow::phrase, "phrase"},
}};

// --- scores (docs/names.md explains the scale) ------------------------------------------
constexpr double kNameScore = 1.0;
constexpr double kSeedAliasScore = 0.98;
constexpr double kAddedAliasScore = 0.96;
constexpr double kDerivedPenalty = 0.03;     // short form of a name or alias
constexpr double kTraditionalPenalty = 0.01;
constexpr double kVariantPenalty = 0.03;     // query needed "证明" added or "书" removed
constexpr double kPhrasePenalty = 0.06;      // key found inside a longer text
constexpr double kRewordPenalty = 0.02;      // per filler word skipped, words reordered, or
                                             // a colloquial description rewritten
constexpr double kRequestPenalty = 0.1;     // a request read for what it is for (养狗要…开证明)
constexpr double kRequestScore = 0.8;        // …and never more: it names a purpose, not the
                                             // certificate, so the clerk is asked
constexpr double kConceptScore = 0.86;      // a concept stated plainly (证明我没有复吸): an answer
constexpr double kConceptLesser = 0.12;     // a concept with fewer parts than another: below it
constexpr double kPurposeScore = 0.78;      // a document or act the item serves (办狗证): a
                                             // question, below a request read as its subject
constexpr double kPinyinScore = 0.9;
constexpr double kInitialsScore = 0.8;
constexpr double kPinyinTypoScore = 0.75;
constexpr double kAmbiguousScore = 0.78;     // shared by several items: a question, never an answer
constexpr double kOtherItemMargin = 0.02;     // another item named beside a fact: asked second
constexpr double kVagueScore = 0.8;          // a vague alias without its context: a question
constexpr double kFuzzyTop = 0.92;           // fuzzy score = top - slope * cost / length
constexpr double kFuzzySlope = 0.9;
constexpr double kFuzzyInSentenceFactor = 0.97;

// Animals (see the end of Tables::search): a certificate about one is not a resident's.
constexpr std::u32string_view kAnimalWords[] = {U"狗", U"犬", U"猫", U"宠物", U"猪", U"羊", U"鸡", U"鸭", U"鹅",
                                                U"兔", U"牲畜", U"家畜", U"耕牛", U"奶牛", U"马匹"};
// Whether a text holds the first character of one of kAnimalWords: most texts do not, and
// the words are searched for only when one does. A bit per character modulo 64 first, then the
// sorted first characters.
constexpr std::array<char32_t, std::size(kAnimalWords)> kAnimalFirsts = [] {
  std::array<char32_t, std::size(kAnimalWords)> firsts{};
  for (std::size_t i = 0; i < firsts.size(); ++i) firsts[i] = kAnimalWords[i].front();
  for (std::size_t i = 1; i < firsts.size(); ++i)  // insertion sort: constexpr before C++20
    for (std::size_t j = i; j > 0 && firsts[j] < firsts[j - 1]; --j) {
      const char32_t c = firsts[j];
      firsts[j] = firsts[j - 1];
      firsts[j - 1] = c;
    }
  return firsts;
}();
constexpr std::uint64_t kAnimalBits = [] {
  std::uint64_t bits = 0;
  for (char32_t c : kAnimalFirsts) bits |= std::uint64_t{1} << (c % 64);
  return bits;
}();
bool mentions_animal(std::u32string_view text) noexcept {
  for (char32_t c : text)
    if (((kAnimalBits >> (c % 64)) & 1) && std::binary_search(kAnimalFirsts.begin(), kAnimalFirsts.end(), c))
      return true;
  return false;
}

// Edit costs, in tenths of an edit. At most one edit (kMaxCost) is tolerated; skipping a
// filler word costs a tenth, so a few of them fit beside a real edit.
constexpr int kFillerCost = 1;
constexpr int kHomophoneCost = 5;
constexpr int kLookAlikeCost = 6;
constexpr int kNearHomophoneCost = 7;  // 模糊音: min/ming, zi/zhi (keys of 5+ characters)
constexpr int kEditCost = 10;
// 不 written where a key says 无 (不扰民 for 无扰民): the same negation, so the name is
// written out, not mistyped; the other way round, and between other negations (不育 is not
// 未育), the meaning changes and it stays forbidden.
constexpr int kNegationCost = 2;
constexpr int kMaxCost = 10;

// Pairs of characters people confuse by sight (typed by handwriting input or copied from
// paper). Homophones need no table: the pinyin table finds them.
constexpr std::pair<char32_t, char32_t> kLookAlikes[] = {
    {U'系', U'糸'}, {U'己', U'已'}, {U'已', U'巳'}, {U'己', U'巳'}, {U'未', U'末'},
    {U'人', U'入'}, {U'土', U'士'}, {U'天', U'夭'}, {U'戌', U'戍'}, {U'戊', U'戌'},
    {U'日', U'曰'}, {U'候', U'侯'}, {U'拨', U'拔'}, {U'犬', U'大'}, {U'犬', U'太'},
    {U'遗', U'遣'}, {U'继', U'断'}, {U'住', U'往'}, {U'籍', U'藉'}, {U'状', U'伏'},
    {U'姻', U'烟'}, {U'属', U'嘱'}, {U'残', U'浅'}, {U'疾', U'痰'}, {U'况', U'兄'}, {U'明', U'朋'}, {U'明', U'眀'},
    // A character and one that contains it (亡 in 忙, 忘): written by handwriting input, or
    // picked by the shape from a candidate list (死忙证明).
    {U'亡', U'忙'}, {U'亡', U'忘'},
};

// Characters that carry the meaning of a name on their own (无工作证明 is not a 工作证明,
// 未婚 is not 已婚): an edit that adds, drops or replaces one is never tolerated.
constexpr char32_t kCriticalChars[] = {U'无', U'未', U'非', U'不', U'没', U'已', U'离', U'丧', U'有'};
constexpr int kForbiddenCost = kMaxCost + 1;

bool is_critical(char32_t c) noexcept {
  return std::find(std::begin(kCriticalChars), std::end(kCriticalChars), c) != std::end(kCriticalChars);
}

// A word right before a key that changes what would be certified: 低收入证明 is not a
// 收入证明, 非婚生 is not 婚生. Such a phrase is not the item.
constexpr char32_t kChangingPrefixes[] = {U'低', U'非', U'假', U'伪', U'准', U'免'};

// Aliases too vague to stand alone: the policy's 表现证明 is the conduct of a person in
// community drug rehabilitation (附件1 第6项: 社区戒毒社区康复人员情况证明（表现证明）), not
// 政治表现证明 or 在校表现证明. Such a key names its item only in its context (戒毒, 康复 anywhere
// in the text: 戒毒人员表现证明). Without it, alone or after a word of asking (开个…, 要…,
// 一份…), it is a question for the clerk (kVagueScore); after any other word, nothing.
struct VagueKey {
  std::u32string_view key;
  std::u32string_view context[3];
};
constexpr VagueKey kVagueKeys[] = {
    {U"表现证明", {U"戒毒", U"康复", U"吸毒"}},
    {U"档案证明", {U"个人档案", U"人事档案", {}}},
};
constexpr std::u32string_view kAskingChars = U"开个张份要的下办请给具";
// What may follow a concept's words stated plainly: particles, and the person it is about (继承人).
constexpr std::u32string_view kTailChars = U"了的过着吗呢啊吧呀人者";
// What opens a clause of purpose after what a 证明 certifies (证明我是他儿子才给取钱, 证明我爸是我爸
// 才能领钱, …以便办理): what is certified ends there (round six). Not 才 alone: 刚才, 人才.
constexpr std::u32string_view kClauseOpeners[] = {U"才给", U"才能", U"才可", U"才让", U"才肯", U"才同意",
                                                  U"才准", U"才予", U"才办", U"才行", U"才好", U"才会",
                                                  U"好去", U"好让", U"以便", U"用于", U"然后"};
bool opens_clause(std::u32string_view text, std::size_t i) noexcept {
  return std::any_of(std::begin(kClauseOpeners), std::end(kClauseOpeners),
                     [&](std::u32string_view w) { return text.compare(i, w.size(), w) == 0; });
}
// A negation this close before a concept's words negates them (不是残疾人, 没有人失踪).
constexpr std::u32string_view kNegations = U"没无未不非";
constexpr std::size_t kNegationReach = 3;
// What a negation reaches through to the words it negates (没有人失踪, 不是残疾人, 没人得过病,
// 从没被判过刑).
constexpr std::u32string_view kNegatedThrough = U"有是人过曾再被得在个的了还也都就";
// What may stand between a concept's words and the 证明 they end with: a time, or the details of
// what they say.
constexpr std::u32string_view kTimeOrState = U"的了满年月日天个多余两几一二三四五六七八九十百0123456789";
constexpr std::u32string_view kDetailWords[] = {U"情况", U"状况", U"关系", U"期间", U"以上", U"以来", U"之久", U"人员",
                                                U"程度", U"材料", U"记载", U"协议", U"履行", U"执行", U"表现", U"时间",
                                                U"地点", U"经过", U"原因", U"情形", U"信息", U"登记",
                                                U"良好", U"好", U"在哪里", U"在哪", U"哪里", U"多少", U"是谁", U"有谁",
                                                // the person the fact is of (聋哑人证明, 失踪者证明: round six)
                                                U"人", U"者",
                                                // what is asked of it (符合养犬条件, 表现咋样: round six)
                                                U"条件", U"咋样", U"怎么样", U"怎样", U"如何"};
// 证明 as a verb (能证明, 可以证明, 足以证明, 用来证明) names no certificate either.
// So does a 证明 after a盖章 or 签字, or at the start of a clause (老伴去世了，证明我…: folding drops
// the comma, 了 or a particle remains).
constexpr std::u32string_view kProvingBefore = U"能以够可来章字了吧呢啊吗呀需让叫否";  // 否: 能否证明 (round six)
// What may stand right before a 证明 that names no certificate (开证明, 社区证明, 同意的证明, 什么证明).
// 啥, 哪种, 哪些, 怎样 ask which one as 什么 does (养狗要开啥证明), and 村委, 居委, 街道 name who
// issues it (要村委证明吗) as 居委会, 村里, 社区 do (round six).
constexpr std::u32string_view kGenericBefore = U"开个张份要的下办请给具出会里区意写么啥种些样委道";

const VagueKey* vague_key(std::u32string_view key) {
  for (const auto& v : kVagueKeys)
    if (v.key == key) return &v;
  return nullptr;
}

// 附件1 第20项 covers lost documents and vouchers (证件、证明材料、银行卡、存折 …), not every
// lost thing: inside a compound, the generic 丢失/遗失/挂失证明 counts only after a word of
// asking or a word that names a document (身份证, 户口本, 银行卡, 存折, 驾照, 合同 …), so
// 手机丢失证明 or 车辆丢失证明 is not pulled onto the list.
constexpr std::u32string_view kLostKeys[] = {U"丢失证明", U"遗失证明", U"挂失证明"};
constexpr std::u32string_view kDocumentEndings = U"证卡簿本折书单照件同据";
// A person and the start of a statement about them, right after a 证明 (证明我是, 证明他已经).
constexpr std::u32string_view kPersonChars = U"我他她";
constexpr std::u32string_view kStatementChars = U"是现已还没从一确们";
// Words that, right after a document's name, say it was lost or is to be replaced (round five).
constexpr std::u32string_view kLossWords[] = {U"丢", U"遗失", U"掉了", U"不见", U"被偷", U"被盗", U"找不到", U"找不着", U"找不见",
                                               U"补办", U"补领", U"挂失", U"弄丢", U"搞丢"};

// Short forms derived from names: prefixes a resident leaves out (居民养犬证明 → 养犬证明),
// and words that only say "the details of" anywhere before 证明 (婚姻状况证明 → 婚姻证明,
// 户口登记项目内容变更申请证明 → 户口项目变更证明). Never below 4 characters.
constexpr std::u32string_view kDroppablePrefixes[] = {U"居民", U"人员", U"证件", U"同意"};
constexpr std::u32string_view kDroppableWords[] = {U"状况", U"情况", U"内容", U"申请", U"登记"};
constexpr std::u32string_view kCertificate = U"证明";

// Filler words a text puts inside a name without changing what is certified: 老人健在的证明,
// 失业人员证明 (a 失业证明), 户籍所在地证明. Skipping one costs kFillerCost. Critical
// characters are never fillers.
// 医学 names the profession that signs it (出生医学证明 is the 出生证明 a hospital issues).
// Since issue 11's third round: 状态 (未婚状态证明, 无业状态证明) like 状况, 经过 (摔伤经过证明: how
// it happened), 书面 and 手写 (the form of the proof), 个人 (家庭（个人）困难证明), 正式 (无正式工作
// 的证明), 等级 (残疾等级证明), the issuer named inside (住宅改变为经营性用房的居委会证明), and
// 原因, 诊断, 事故 (死亡原因证明, 病情诊断证明, 意外伤害事故证明: the cause or diagnosis of it).
constexpr std::u32string_view kFillers[] = {U"所在地", U"人员", U"情况", U"状况", U"居民",
                                            U"内容", U"申请", U"登记", U"信息", U"刑事",
                                            U"医学", U"状态", U"经过", U"书面", U"手写",
                                            U"个人", U"正式", U"居委会", U"村委会", U"等级",
                                            U"原因", U"诊断", U"事故", U"的",   U"了",
                                            U"还"};

// Colloquial descriptions of what is certified, rewritten to the words names use:
// 开个证明说我没结婚 → …未婚, 没有犯罪记录的证明 → 无犯罪记录…, 老人还在世 → 老人在世.
// Applied longest first, left to right; a rewritten text scores kRewordPenalty less.
struct Rewrite {
  std::u32string_view from, to;
};
constexpr Rewrite kRewrites[] = {
    {U"没有结过婚", U"未婚"}, {U"没有结婚", U"未婚"}, {U"没结过婚", U"未婚"},
    {U"没结婚", U"未婚"},     {U"未结婚", U"未婚"},   {U"没有生育", U"未育"},
    {U"没生育", U"未育"},     {U"未生育", U"未育"},   {U"没有", U"无"},
    {U"还在世", U"在世"},     {U"还活着", U"活着"},   {U"还健在", U"健在"},
    {U"已经去世", U"去世"},   {U"已经过世", U"过世"}, {U"已经死亡", U"死亡"},
    {U"已经死了", U"死亡"},   {U"死了", U"死亡"},     {U"去世了", U"去世"},
    {U"过世了", U"过世"},     {U"是夫妻", U"夫妻关系"}, {U"丢了", U"丢失"},
    {U"走失", U"失踪"},       {U"下岗", U"失业"},     {U"生病", U"疾病"},
    // Two words of changing in a row say one change (户口登记项目内容变更更正证明).
    {U"变更更正", U"变更"},   {U"更正变更", U"变更"}, {U"变更更改", U"变更"},
    // 不良 adds nothing after 无 (无不良犯罪记录), 职业 is 工作 after a negation (无职业).
    {U"无不良", U"无"},       {U"无职业", U"无工作"}, {U"没有职业", U"无工作"},
    {U"没职业", U"无工作"},
    // No marriage ever registered is 未婚; a marriage again is a marital status too.
    {U"无婚姻登记记录", U"未婚"}, {U"没有婚姻登记记录", U"未婚"}, {U"再婚", U"已婚"},
    {U"复婚", U"已婚"},
    // An injury by its cause is an injury (附件1 第12项 意外伤害): 摔伤, 烫伤 … are 受伤.
    {U"摔伤", U"受伤"},       {U"跌伤", U"受伤"},     {U"烫伤", U"受伤"},
    {U"烧伤", U"受伤"},       {U"砸伤", U"受伤"},     {U"撞伤", U"受伤"},
    {U"扭伤", U"受伤"},       {U"咬伤", U"受伤"},     {U"碰伤", U"受伤"},
    // Hardship of living is economic hardship (家庭经济困难证明).
    {U"生活困难", U"经济困难"},
};

// 附件1 第1项 亲属关系证明 covers every relationship of kin: 父子关系证明 and 母子关系证明 are
// in the alias table, and 母女关系证明, 祖孙关系证明 or 兄弟姐妹关系证明 are the same
// certificate. Two or more of these characters before 关系证明, or after 是 (证明他是我儿子),
// name the item the alias table gives such names to (spouses are not here: 夫妻关系 is
// 婚姻状况, 第8项).
constexpr std::u32string_view kKinChars = U"父母子女儿兄弟姐妹爷奶孙祖外公婆叔伯姑舅姨侄甥媳婿亲戚属爸妈哥姥爹娘闺";  // 爹, 娘, 闺(女): round six
constexpr std::u32string_view kRelationship = U"关系证明";

// Descriptions by fields: a word of the first list and one of the second, next to each other
// (in either order when `either_order`), right before 证明, name the item whose name contains
// `anchor` (when one item's does).
//   附件1 第3项: the 5 户口登记项目 are 姓名、性别、民族成份、出生日期、公民身份号码 (and 曾用名;
//   年龄 is read as the 出生日期); with a word of changing or correcting them (姓名变更证明,
//   更正出生日期证明, 改年龄) they are 户口登记项目内容变更申请证明.
//   附件1 第19项: 市场主体 are companies, sole traders, shops; their 住所 or 经营场所
//   (公司住所证明, 个体户经营场所证明) is 市场主体住所证明.
struct FieldTemplate {
  std::u32string_view anchor;
  std::u32string_view first[16];
  std::u32string_view second[9];
  bool either_order;
};
constexpr FieldTemplate kFieldTemplates[] = {
    {U"户口登记项目",
     {U"公民身份号码", U"身份证号码", U"身份证号", U"民族成份", U"民族成分", U"出生日期", U"曾用名",
      U"姓名", U"名字", U"性别", U"民族", U"人口信息", U"户口项目", U"户口登记项目", U"年龄", U"姓"},
     {U"变更", U"更正", U"更改", U"修改", U"改", U"错误", U"有误", U"错了", U"确属错误"},
     true},
    {U"市场主体",
     {U"个体工商户", U"营业执照", U"个体户", U"公司", U"企业", U"店铺", U"门店", U"商户",
      U"网店", U"工作室", U"执照", U"门面", U"开店", U"商铺"},
     {U"经营场所", U"住所", U"场地", U"地址", U"场所"},
     false},
};

// --- the vocabulary (data/names/vocabulary.json, docs/names.md "Breadth") ----------------
// Read once from the embedded data; items are named by id, and a catalog without an id simply
// does not get the entry. Words are folded as queries are.
struct Vocabulary {
  struct Synonym {
    std::u32string from, to;
  };
  struct Fact {  // <word>证明 names `item`, unless a word of not_with is in the text
    std::string item;
    std::vector<std::u32string> words, not_with;
  };
  struct Changing {  // a word of `words` right before a key containing `before`
    std::vector<std::u32string> words;
    std::u32string before;
  };
  struct Purpose {  // "养…狗" is {养, 狗}: the second within kPurposeGap characters of the first
    std::string item;
    std::vector<std::pair<std::u32string, std::u32string>> words;
  };
  // What a resident asks about, by concept (round five): every part present, in any order and
  // with any words between, in a text that asks for a proof. A part is satisfied by any of its
  // patterns; a pattern is a word, or two words (each perhaps a family of words) the second
  // within kPurposeGap characters after the first.
  struct Pattern {
    std::vector<std::u32string> first, second;  // second empty: one word
    std::size_t gap;                             // characters allowed between them
  };
  struct Concept {
    std::string item;
    bool strong;     // stated plainly it is an answer; a weak one is only ever a question
    bool exclusive;  // when it holds, the others do not count (a lost 结婚证 is not 婚姻状况)
    bool negation_flips;  // a negation right before its words makes it a fact no item certifies
                          // (不是残疾人, 没有人失踪); not for items that certify the negation (未婚)
    std::vector<std::vector<Pattern>> parts;
    std::vector<std::u32string> not_with;
  };
  std::vector<Synonym> synonyms;
  std::vector<Fact> facts;
  std::vector<Changing> changing;
  std::vector<Purpose> purposes;
  std::vector<Concept> concepts;
  std::vector<std::u32string> asking;   // words that ask for a proof (证明, 证实, 盖章 …)
  std::vector<std::u32string> purpose_markers;  // 要, 用, 办 …: what follows is what it is for
};
constexpr std::size_t kPurposeGap = 6;
constexpr std::string_view kVocabularyFormat = "jianzheng-names-vocabulary/1";

std::u32string folded_word(const detail::Node& n) { return detail::fold(n.nonempty_string()).text; }
std::vector<std::u32string> folded_words(const detail::Node& n, std::string_view key) {
  std::vector<std::u32string> out;
  if (auto v = n.get(key))
    for (const auto& e : v->elements()) {
      out.push_back(folded_word(e));
      if (out.back().empty()) e.fail(ErrorCode::invalid_value, "a word must keep a letter after folding");
    }
  return out;
}

Vocabulary parse_vocabulary(std::string_view json_text, std::string_view origin) {
  detail::Document doc(json_text, std::string(origin));
  const detail::Node root = doc.root();
  if (!root.is_object()) root.fail(ErrorCode::wrong_type, "a names vocabulary is a JSON object");
  root.only_keys({"format", "note", "synonyms", "facts", "changing_words", "purposes", "families", "concepts",
                  "alias_sources"});
  const detail::Node fmt = root.at("format");
  if (fmt.string() != kVocabularyFormat)
    fmt.fail(ErrorCode::unsupported_format,
             "this is \"" + fmt.string() + "\"; this version reads \"" + std::string(kVocabularyFormat) + "\"");
  Vocabulary v;
  if (auto a = root.get("synonyms"))
    for (const auto& e : a->elements()) {
      e.only_keys({"from", "to", "why"});
      e.at("why").nonempty_string();
      v.synonyms.push_back({folded_word(e.at("from")), detail::fold(e.at("to").string()).text});
    }
  if (auto a = root.get("facts"))
    for (const auto& e : a->elements()) {
      e.only_keys({"item", "words", "not_with", "why"});
      e.at("why").nonempty_string();
      v.facts.push_back({e.at("item").nonempty_string(), folded_words(e, "words"), folded_words(e, "not_with")});
    }
  if (auto a = root.get("changing_words"))
    for (const auto& e : a->elements()) {
      e.only_keys({"words", "before", "why"});
      e.at("why").nonempty_string();
      v.changing.push_back({folded_words(e, "words"), folded_word(e.at("before"))});
    }
  if (auto a = root.get("purposes"))
    for (const auto& e : a->elements()) {
      e.only_keys({"item", "words", "why"});
      e.at("why").nonempty_string();
      Vocabulary::Purpose p{e.at("item").nonempty_string(), {}};
      for (const auto& w : e.at("words").elements()) {
        const std::string word = w.nonempty_string();
        const auto gap = word.find("…");
        std::u32string first = detail::fold(word.substr(0, gap)).text, second;
        if (gap != std::string::npos) second = detail::fold(word.substr(gap + std::string_view("…").size())).text;
        if (first.empty() || (gap != std::string::npos && second.empty()))
          w.fail(ErrorCode::invalid_value, "a purpose word is a word, or two words around …");
        p.words.emplace_back(std::move(first), std::move(second));
      }
      v.purposes.push_back(std::move(p));
    }
  // Families of words (@negation, @kin …) that concepts name, and the two the matcher itself
  // reads: @asking and @purpose_markers.
  std::unordered_map<std::string, std::vector<std::u32string>> families;
  if (auto f = root.get("families"))
    for (const auto& e : f->elements()) {
      e.only_keys({"name", "words", "why"});
      e.at("why").nonempty_string();
      auto words = folded_words(e, "words");
      if (words.empty()) e.at("words").fail(ErrorCode::invalid_value, "a family has at least one word");
      if (!families.emplace(e.at("name").nonempty_string(), std::move(words)).second)
        e.at("name").fail(ErrorCode::invalid_value, "a family is named once");
    }
  auto family = [&](const detail::Node& at, const std::string& name) -> const std::vector<std::u32string>& {
    const auto it = families.find(name);
    if (it == families.end()) at.fail(ErrorCode::invalid_value, "no family \"" + name + "\" in \"families\"");
    return it->second;
  };
  if (auto a = root.get("families")) {
    v.asking = family(*a, "asking");
    v.purpose_markers = family(*a, "purpose_markers");
  }
  if (auto a = root.get("concepts"))
    for (const auto& e : a->elements()) {
      e.only_keys({"item", "strength", "exclusive", "negation_flips", "parts", "not_with", "why"});
      e.at("why").nonempty_string();
      Vocabulary::Concept c{e.at("item").nonempty_string(), false, false, false, {}, folded_words(e, "not_with")};
      if (auto x = e.get("negation_flips")) c.negation_flips = x->boolean();
      const std::string strength = e.at("strength").string();
      if (strength != "strong" && strength != "weak")
        e.at("strength").fail(ErrorCode::invalid_value, "a concept is \"strong\" or \"weak\"");
      c.strong = strength == "strong";
      if (auto x = e.get("exclusive")) c.exclusive = x->boolean();
      for (const auto& part : e.at("parts").elements()) {
        std::vector<Vocabulary::Pattern> patterns;
        for (const auto& w : part.elements()) {
          const std::string word = w.nonempty_string();
          // A…B: B within kPurposeGap characters after A; A+B: B right after A.
          const auto gap = word.find("…");
          const auto joint = gap == std::string::npos ? word.find('+') : std::string::npos;
          const auto split = gap != std::string::npos ? gap : joint;
          const std::size_t split_size = gap != std::string::npos ? std::string_view("…").size() : 1;
          auto side = [&](const std::string& s) -> std::vector<std::u32string> {
            if (!s.empty() && s[0] == '@') return family(w, s.substr(1));
            std::u32string folded = detail::fold(s).text;
            if (folded.empty()) w.fail(ErrorCode::invalid_value, "a concept's pattern is a word, or two words around …");
            return {std::move(folded)};
          };
          Vocabulary::Pattern p{side(word.substr(0, split)), {}, joint != std::string::npos ? 0 : kPurposeGap};
          if (split != std::string::npos) p.second = side(word.substr(split + split_size));
          patterns.push_back(std::move(p));
        }
        if (patterns.empty()) part.fail(ErrorCode::invalid_value, "a concept's part has at least one pattern");
        c.parts.push_back(std::move(patterns));
      }
      if (c.parts.empty()) e.at("parts").fail(ErrorCode::invalid_value, "a concept has at least one part");
      v.concepts.push_back(std::move(c));
    }
  if (auto a = root.get("alias_sources"))  // for people: where an added alias was found
    for (const auto& e : a->elements()) {
      e.only_keys({"item", "names", "source"});
      e.at("item").nonempty_string();
      e.at("source").nonempty_string();
      for (const auto& n : e.at("names").elements()) n.nonempty_string();
    }
  return v;
}

const Vocabulary& vocabulary() {
  static const Vocabulary v =
      parse_vocabulary(detail::embedded_file("names/vocabulary.json"), "embedded:names/vocabulary.json");
  return v;
}

// Bits set in a mask of common characters (a few: a loop beats a library call on CPUs
// the build does not assume to have POPCNT).
int bits(std::uint32_t x) noexcept {
  int n = 0;
  for (; x; x &= x - 1) ++n;
  return n;
}

bool starts_with(std::u32string_view s, std::u32string_view prefix) {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

bool ends_with(std::u32string_view s, std::u32string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool is_latin_query(std::u32string_view q) {
  bool letter = false;
  for (char32_t c : q) {
    if (c >= 'a' && c <= 'z') letter = true;
    else if (!(c >= '0' && c <= '9')) return false;
  }
  return letter;
}

// Edit distance of at most one between ASCII strings, for pinyin typos.
bool within_one_edit(std::string_view a, std::string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > 1) return false;
  std::size_t i = 0;
  while (i < a.size() && a[i] == b[i]) ++i;
  if (i == a.size()) return true;  // equal, or b has one letter more at the end
  if (a.size() == b.size()) return a.substr(i + 1) == b.substr(i + 1);
  return a.substr(i) == b.substr(i + 1);
}

}  // namespace

constexpr detail::EnumNames<Certainty, 3> kCertaintyNames{{
    {Certainty::confident, "confident"},
    {Certainty::uncertain, "uncertain"},
    {Certainty::none, "none"},
}};

const char* to_string(MatchHow how) noexcept { return kMatchHowNames.name(how); }
const char* to_string(Certainty certainty) noexcept { return kCertaintyNames.name(certainty); }
std::optional<MatchHow> match_how_from_string(std::string_view name) noexcept {
  return kMatchHowNames.parse(name);
}

std::string normalize_name(std::string_view text) { return detail::to_utf8(detail::fold(text).text); }

// --- the tables ---------------------------------------------------------------------------

struct NameMatcher::Tables {
  // What the edit costs need to know of one character, computed once (keys at build time,
  // the query once per query) so the alignment's inner loop does no lookups.
  struct Char {
    char32_t c;
    std::uint16_t syllable;   // pinyin table index; 0 when unknown
    std::uint16_t near;       // near-homophone class; 0 when unknown
    bool critical;            // 无, 未 …: never edited
    bool head = false;        // the 证明 a key ends with: only a homophone or look-alike
    bool distinguishing = false;  // only this item's names have it (踪): no arbitrary edit
    std::uint8_t filler = 0;  // text: length of a filler word ending here (的, 人员 …)
    // Characters that look like it (keys only), inline so that a Char is trivially copied:
    // the text's characters are described per query.
    std::array<char32_t, 3> look_alikes{};
    std::uint8_t look_alike_count = 0;
  };
  static Char describe(char32_t c) {
    return Char{c, detail::pinyin_index(c), detail::near_pinyin_class(c), is_critical(c), false, false, 0, {}};
  }
  struct Key {
    std::u32string text;   // folded
    const Item* item;
    std::string_view name;  // the name or alias it comes from
    MatchHow how;           // exact (a name) or alias
    double score;           // of a direct hit
    std::vector<const Item*> rivals;  // other items with the same folded key: ambiguous
    const VagueKey* vague;  // a vague alias (表现证明), or nullptr
    bool derived = false;   // a short form of a name or alias (after every direct key)
    std::string pinyin, initials;
    std::size_t distinct;   // distinct characters, for the candidate filter
    std::vector<Char> chars;  // per character: reading, criticality, look-alikes
    bool fact = false;  // a fact named as its own certificate (曾用名证明): only as written
    bool lost = false;  // names a loss itself (丢失证明, 证件遗失证明): kLossWords may follow it
    const std::vector<std::u32string>* not_with = nullptr;  // words that disqualify a fact key
    std::vector<const std::vector<std::u32string>*> changing_words{};  // 公司 before 收入证明
  };
  struct RawHit {
    const Item* item;
    std::string_view name;
    MatchHow how;
    double score;
    bool settled = true;  // false: vague or shared by several items, answered by folding
  };

  std::vector<Key> keys;
  std::unordered_map<std::string_view, RawHit> raw;
  // Stage 1 of a search: the text as written is a name or alias of one item (no folding). Looked
  // up by match() and resolve() before search(), so that an exact name pays for nothing else.
  std::optional<Match> settled(std::string_view text) const {
    const auto it = raw.find(text);
    if (it == raw.end() || !it->second.settled) return std::nullopt;
    return Match{it->second.item, it->second.name, it->second.score, it->second.how};
  }
  std::unordered_map<std::u32string, std::uint32_t> folded;
  std::unordered_map<std::string, std::vector<std::uint32_t>> by_pinyin, by_initials;
  // Keys ending in 证明, by the reading of their first character: their lengths (bits).
  std::vector<std::uint32_t> sounding_lengths;
  // The candidate filter counts, per key, the distinct characters a text shares with it. The
  // characters most keys have (证, 明 …: at most 32) are not counted key by key but as a bit
  // of a mask per key; the others through the keys that have them.
  struct Postings {
    std::vector<std::uint32_t> keys;  // keys with the character (empty for a common one)
    int common = -1;                  // its bit in the masks, or -1
  };
  std::unordered_map<char32_t, Postings> by_char;
  std::vector<std::uint32_t> common_mask;     // per key: the common characters it has
  std::vector<std::uint32_t> distinct_count;  // per key: its distinct characters
  std::vector<std::uint32_t> few_rare_keys;   // keys with at most one other character
  // Characters only one item's names and aliases have, sorted, each with that item's first
  // direct key: what says which item a text is about besides the words a key matched.
  std::vector<std::pair<char32_t, std::uint32_t>> telling;
  // The first direct key of an item other than `item` that two or more characters of `text`
  // outside [begin, end) tell (`telling`), the one most of them tell; or nothing.
  std::optional<std::uint32_t> other_item_named(std::u32string_view text, std::size_t begin, std::size_t end,
                                                const Item* item) const {
    // Two telling characters of one item side by side make a word of it (档案, 继承); apart they
    // may be common words' (请 … 目前: round five).
    auto telling_key = [&](std::size_t i) -> std::optional<std::uint32_t> {
      if (i >= begin && i < end) return std::nullopt;
      // Kin (我母亲, 我爸) is how a text names a person, not an item (round five).
      if (kKinChars.find(text[i]) != std::u32string_view::npos && std::u32string_view(U"亲属戚").find(text[i]) == std::u32string_view::npos)
        return std::nullopt;
      const auto it = std::lower_bound(telling.begin(), telling.end(), std::make_pair(text[i], std::uint32_t{0}));
      if (it == telling.end() || it->first != text[i] || keys[it->second].item == item) return std::nullopt;
      return it->second;
    };
    struct Tally {
      std::uint32_t key;
      int count;
    };
    Tally tally[4];
    std::size_t n = 0;
    for (std::size_t i = 0; i + 1 < text.size(); ++i) {
      const auto a = telling_key(i);
      if (!a) continue;
      const auto b = telling_key(i + 1);
      // …and a word of its names (档案, 继承), not a doubled character (健健康康) nor a filler
      // word the names share with ordinary requests (申请, 登记).
      const std::u32string_view pair = text.substr(i, 2);
      if (!b || keys[*b].item != keys[*a].item || keys[*a].text.find(pair) == std::u32string::npos ||
          std::find(std::begin(kFillers), std::end(kFillers), pair) != std::end(kFillers))
        continue;
      Tally* t = std::find_if(tally, tally + n, [&](const Tally& x) { return x.key == *a; });
      if (t == tally + n) {
        if (n == std::size(tally)) continue;
        tally[n++] = Tally{*a, 0};
      }
      ++t->count;
    }
    const Tally* most = std::max_element(tally, tally + n, [](const Tally& a, const Tally& b) { return a.count < b.count; });
    if (most == tally + n) return std::nullopt;
    return most->key;
  }
  // Keys naming a relationship of kin (父子关系证明 …), and names saying 户口登记项目: the
  // items the kin and 户口登记项目 descriptions name (one each, or nothing when several).
  std::optional<std::uint32_t> kin_key;
  std::optional<std::uint32_t> template_keys[std::size(kFieldTemplates)];
  // Colloquial rewrites (kRewrites) and the vocabulary's synonyms, and their first characters.
  std::vector<Vocabulary::Synonym> rewrites;  // by first character
  std::u32string rewrite_firsts;              // sorted, distinct
  std::vector<std::uint32_t> rewrite_begin;   // rewrites starting with rewrite_firsts[i]:
                                              // [rewrite_begin[i], rewrite_begin[i + 1])
  // The rewrite of `q` at `i` (the longest), or nullptr.
  const Vocabulary::Synonym* rewrite_at(const std::u32string& q, std::size_t i) const;
  // The filler words by their last character: filler_ends sorted, and the fillers ending with
  // filler_ends[i] are kFillers[filler_order[f]] for f in [filler_begin[i], filler_begin[i + 1]).
  std::u32string filler_ends;
  std::vector<std::uint8_t> filler_order, filler_begin;
  // The documents and acts each item serves (办狗证 → 第4项), for items of this catalog.
  struct PurposeEntry {
    const Item* item;
    const Vocabulary::Purpose* purpose;
  };
  std::vector<PurposeEntry> purposes;
  // What a text asks about, by concept (round five; docs/names.md "Concepts").
  // Their words by id, indexed by first character, so that a text is scanned once for all of
  // them; patterns and words to avoid hold ids.
  std::vector<std::u32string> concept_words;
  std::vector<std::pair<char32_t, std::uint32_t>> concept_by_first;  // sorted
  std::vector<std::uint32_t> asking_words;
  struct WordPattern {
    std::vector<std::uint32_t> first, second;
    std::size_t gap;
  };
  struct ConceptEntry {
    const Item* item;
    const Vocabulary::Concept* concept;
    std::vector<std::vector<WordPattern>> parts;
    std::vector<std::uint32_t> not_with;
  };
  std::vector<ConceptEntry> concepts;
  // Per word id, the concepts whose first part a pattern starting with it may satisfy: only
  // those are looked at for a text.
  std::vector<std::vector<std::uint32_t>> concepts_by_word;
  // Where the concept words occur in a text: (word id, position), sorted; and per word id
  // whether it occurs at all (most do not: a concept is ruled out by lookups alone).
  struct Occurrences {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> at;
    std::vector<char> present;
  };
  void concept_occurrences(const std::u32string& text, Occurrences& out) const;
  struct ConceptHit {
    const Item* item;
    std::size_t parts;
    bool strong, exclusive;
    bool stated;     // 证明 before the words, or after them with no word of purpose between
    bool certified;  // after a 证明: what it certifies (老伴去世了，证明我现在是丧偶)
  };
  // The concepts `text` (folded, or rewritten from the original, whose occurrences are
  // `original`) holds, when it asks for a proof.
  void concept_hits(const std::u32string& text, const Occurrences& occurrences, const Occurrences& original,
                    std::vector<ConceptHit>& out) const;
  // The text with colloquial descriptions and synonyms rewritten; empty when nothing changed.
  std::u32string rewritten(const std::u32string& q) const;

  explicit Tables(const std::vector<Item>& items);
  // match() and resolve(): candidates best first; with `with_ambiguous`, also those shared by
  // several items (then *ambiguous is set).
  std::vector<Match> search(std::string_view text, std::size_t max_results, bool with_ambiguous,
                            bool* ambiguous) const;
  void add_key(std::u32string text, const Item& item, std::string_view name, MatchHow how,
               double score);

  static int substitution_cost(const Char& k, const Char& t) noexcept {
    if (k.c == t.c) return 0;
    if (k.critical || t.critical) {
      if (k.c == U'无' && t.c == U'不') return kNegationCost;
      // 吴业证明 for 无业证明: a pinyin slip keeps the sound, and what is typed is no word of
      // meaning (no negation, nothing that changes what is certified: 伪, 假 …), so it is the
      // homophone it looks like (round six). The other way round stays forbidden.
      if (k.critical && !t.critical && k.syllable != 0 && k.syllable == t.syllable &&
          std::find(std::begin(kChangingPrefixes), std::end(kChangingPrefixes), t.c) == std::end(kChangingPrefixes))
        return kHomophoneCost;
      return kForbiddenCost;
    }
    if (k.syllable != 0 && k.syllable == t.syllable) return kHomophoneCost;
    for (std::uint8_t i = 0; i < k.look_alike_count; ++i)
      if (k.look_alikes[i] == t.c) return kLookAlikeCost;
    // 证民 for 证明 (min/ming): the 证明 a name ends with carries no meaning of its own to
    // change, so a near-homophone there costs what a look-alike does, and a four-character name
    // (出生证民) becomes a question instead of nothing.
    if (k.near != 0 && k.near == t.near) return k.head ? kLookAlikeCost : kNearHomophoneCost;
    // 婚姻状况声明 is a declaration, not a 证明 with a typo; 失业人员证明 is not a 失踪人员证明
    // with a typo: the character that tells the item apart is never replaced at random.
    return k.head || k.distinguishing ? kForbiddenCost : kEditCost;
  }
  // Best approximate occurrence of a key in a text (free start and end in the text).
  struct Occurrence {
    int cost;
    std::size_t begin, end;
  };
  struct Cell {
    int cost;
    std::size_t begin;
  };
  static std::optional<Occurrence> find(const Key& key, const std::vector<Char>& text,
                                        std::vector<Cell>& scratch);
  // Tolerated cost for a key of this length: short keys only homophones and look-alikes.
  static int tolerated(std::size_t length) { return length >= 5 ? kMaxCost : kLookAlikeCost; }
};

void NameMatcher::Tables::add_key(std::u32string text, const Item& item, std::string_view name,
                                  MatchHow how, double score) {
  if (text.empty()) return;
  auto [it, added] = folded.emplace(text, static_cast<std::uint32_t>(keys.size()));
  if (!added) {
    Key& other = keys[it->second];
    // The same folded text for two items: the better-founded key keeps it (a real name or
    // alias beats a derived short form); equal standing means ambiguity, and the matcher
    // then does not claim it for either: both are put to the clerk.
    if (other.item != &item) {
      if (score > other.score + 1e-9) {
        other.item = &item;
        other.name = name;
        other.how = how;
        other.score = score;
        other.rivals.clear();
      } else if (score > other.score - 1e-9 &&
                 std::find(other.rivals.begin(), other.rivals.end(), &item) == other.rivals.end()) {
        other.rivals.push_back(&item);
      }
    }
    return;
  }
  Key key{std::move(text), &item, name, how, score, {}, nullptr, false, {}, {}, 0, {}};
  key.vague = vague_key(key.text);
  for (std::u32string_view loss : {U"丢失", U"遗失", U"挂失"})
    key.lost = key.lost || key.text.find(loss) != std::u32string::npos;
  key.pinyin = detail::pinyin(key.text, false);
  key.initials = detail::pinyin(key.text, true);
  std::u32string distinct = key.text;
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  key.distinct = distinct.size();
  const bool ends_in_certificate = ends_with(key.text, kCertificate);
  for (std::size_t i = 0; i < key.text.size(); ++i) {
    const char32_t c = key.text[i];
    Char ch = describe(c);
    ch.head = ends_in_certificate && i + kCertificate.size() >= key.text.size();
    for (const auto& [x, y] : kLookAlikes) {
      const char32_t other = c == x ? y : c == y ? x : 0;
      if (other && ch.look_alike_count < ch.look_alikes.size()) ch.look_alikes[ch.look_alike_count++] = other;
    }
    key.chars.push_back(std::move(ch));
  }
  const auto index = static_cast<std::uint32_t>(keys.size());
  for (char32_t c : distinct) by_char[c].keys.push_back(index);
  keys.push_back(std::move(key));
}

namespace {

// All forms of a key with droppable prefixes and words left out, the key itself first.
std::vector<std::u32string> short_forms(const std::u32string& text) {
  std::vector<std::u32string> forms{text};
  auto add = [&](std::u32string form) {
    if (form.size() >= 4 && std::find(forms.begin(), forms.end(), form) == forms.end())
      forms.push_back(std::move(form));
  };
  for (std::size_t f = 0; f < forms.size(); ++f) {
    const std::u32string form = forms[f];
    for (auto prefix : kDroppablePrefixes)
      if (form.compare(0, prefix.size(), prefix) == 0) add(form.substr(prefix.size()));
    const std::size_t body = ends_with(form, kCertificate) ? form.size() - kCertificate.size() : form.size();
    for (auto word : kDroppableWords)
      for (auto at = form.find(word); at != std::u32string::npos && at + word.size() <= body;
           at = form.find(word, at + 1))
        add(form.substr(0, at) + form.substr(at + word.size()));
  }
  return forms;
}

// Whether `s` is made only of kin characters.
bool all_kin(std::u32string_view s) {
  for (char32_t c : s)
    if (kKinChars.find(c) == std::u32string_view::npos) return false;
  return !s.empty();
}

}  // namespace

NameMatcher::Tables::Tables(const std::vector<Item>& items) {
  detail::warm_up();  // ICU set-up belongs to the build, not to the first query
  // Direct names and aliases first, so that they win over derived short forms.
  for (const Item& item : items) {
    raw.emplace(item.name, RawHit{&item, item.name, MatchHow::exact, kNameScore});
    add_key(detail::fold(item.name).text, item, item.name, MatchHow::exact, kNameScore);
    for (const Alias& a : item.aliases) {
      const double s = a.source == AliasSource::seed ? kSeedAliasScore : kAddedAliasScore;
      raw.emplace(a.name, RawHit{&item, a.name, MatchHow::alias, s});
      add_key(detail::fold(a.name).text, item, a.name, MatchHow::alias, s);
    }
  }
  const std::size_t direct = keys.size();
  // Which item each character of a direct name or alias belongs to (nullptr: several). A
  // character only one item's names have is what tells that item apart.
  std::unordered_map<char32_t, const Item*> owner;
  for (std::size_t k = 0; k < direct; ++k)
    for (char32_t c : keys[k].text) {
      auto [it, added] = owner.emplace(c, keys[k].item);
      if (!added && it->second != keys[k].item) it->second = nullptr;
    }
  // The descriptions' items: a direct key "<kin>关系证明" (亲属关系证明, 父子关系证明), and a
  // name saying 户口登记项目. Several items claiming one leaves it unused.
  auto claim = [&](std::optional<std::uint32_t>& slot, bool& several, std::uint32_t k) {
    if (!slot) slot = k;
    else if (keys[*slot].item != keys[k].item) several = true;
  };
  bool kin_several = false, template_several[std::size(kFieldTemplates)] = {};
  for (std::uint32_t k = 0; k < direct; ++k) {
    const std::u32string& text = keys[k].text;
    if (ends_with(text, kRelationship) && text.size() >= kRelationship.size() + 2 &&
        all_kin(std::u32string_view(text).substr(0, text.size() - kRelationship.size())))
      claim(kin_key, kin_several, k);
    for (std::size_t f = 0; f < std::size(kFieldTemplates); ++f)
      if (keys[k].how == MatchHow::exact && text.find(kFieldTemplates[f].anchor) != std::u32string::npos)
        claim(template_keys[f], template_several[f], k);
  }
  if (kin_several) kin_key.reset();
  for (std::size_t f = 0; f < std::size(kFieldTemplates); ++f)
    if (template_several[f]) template_keys[f].reset();
  // Short forms: 居民养犬证明 → 养犬证明, 婚姻状况证明 → 婚姻证明, 居民就业状况证明 → 就业证明.
  for (std::size_t k = 0; k < direct; ++k) {
    const Key source = keys[k];
    const auto forms = short_forms(source.text);
    for (std::size_t f = 1; f < forms.size(); ++f)
      add_key(forms[f], *source.item, source.name, MatchHow::alias, source.score - kDerivedPenalty);
  }
  // Facts named as their own certificate (曾用名证明, 档案存放证明), from the vocabulary.
  const Vocabulary& vocab = vocabulary();
  auto item_by_id = [&](const std::string& id) -> const Item* {
    for (const Item& it : items)
      if (it.id == id) return &it;
    return nullptr;
  };
  for (const auto& fact : vocab.facts)
    if (const Item* item = item_by_id(fact.item))
      for (const auto& word : fact.words) {
        const std::size_t before = keys.size();
        add_key(word + std::u32string(kCertificate), *item, item->name, MatchHow::alias,
                kAddedAliasScore - kDerivedPenalty);
        if (keys.size() == before) continue;  // already a name or alias
        keys.back().fact = true;
        if (!fact.not_with.empty()) keys.back().not_with = &fact.not_with;
      }
  for (const auto& changing : vocab.changing)
    for (Key& key : keys)
      if (key.text.find(changing.before) != std::u32string::npos) key.changing_words.push_back(&changing.words);
  for (const auto& purpose : vocab.purposes)
    if (const Item* item = item_by_id(purpose.item)) purposes.push_back({item, &purpose});
  {
    std::unordered_map<std::u32string, std::uint32_t> ids;
    auto id = [&](const std::u32string& w) {
      auto [it, added] = ids.emplace(w, static_cast<std::uint32_t>(concept_words.size()));
      if (added) concept_words.push_back(w);
      return it->second;
    };
    auto ids_of = [&](const std::vector<std::u32string>& words) {
      std::vector<std::uint32_t> out;
      for (const auto& w : words) out.push_back(id(w));
      return out;
    };
    for (const auto& concept : vocab.concepts)
      if (const Item* item = item_by_id(concept.item)) {
        ConceptEntry e{item, &concept, {}, ids_of(concept.not_with)};
        for (const auto& part : concept.parts) {
          std::vector<WordPattern> patterns;
          for (const auto& p : part) patterns.push_back({ids_of(p.first), ids_of(p.second), p.gap});
          e.parts.push_back(std::move(patterns));
        }
        concepts.push_back(std::move(e));
      }
    asking_words = ids_of(vocab.asking);
    concepts_by_word.resize(concept_words.size());
    for (std::uint32_t c = 0; c < concepts.size(); ++c)
      for (const auto& p : concepts[c].parts.front())
        for (std::uint32_t w : p.first)
          if (concepts_by_word[w].empty() || concepts_by_word[w].back() != c) concepts_by_word[w].push_back(c);
    for (std::uint32_t w = 0; w < concept_words.size(); ++w) concept_by_first.emplace_back(concept_words[w].front(), w);
    std::sort(concept_by_first.begin(), concept_by_first.end());
  }
  for (const auto& r : kRewrites) rewrites.push_back({std::u32string(r.from), std::u32string(r.to)});
  rewrites.insert(rewrites.end(), vocab.synonyms.begin(), vocab.synonyms.end());
  std::stable_sort(rewrites.begin(), rewrites.end(),
                   [](const auto& a, const auto& b) { return a.from.front() < b.from.front(); });
  for (std::uint32_t r = 0; r < rewrites.size(); ++r)
    if (rewrite_firsts.empty() || rewrite_firsts.back() != rewrites[r].from.front()) {
      rewrite_firsts.push_back(rewrites[r].from.front());
      rewrite_begin.push_back(r);
    }
  rewrite_begin.push_back(static_cast<std::uint32_t>(rewrites.size()));
  for (std::size_t k = direct; k < keys.size(); ++k) keys[k].derived = true;
  for (std::uint8_t f = 0; f < std::size(kFillers); ++f) filler_order.push_back(f);
  std::stable_sort(filler_order.begin(), filler_order.end(),
                   [](std::uint8_t a, std::uint8_t b) { return kFillers[a].back() < kFillers[b].back(); });
  for (std::uint8_t f = 0; f < filler_order.size(); ++f)
    if (filler_ends.empty() || filler_ends.back() != kFillers[filler_order[f]].back()) {
      filler_ends.push_back(kFillers[filler_order[f]].back());
      filler_begin.push_back(f);
    }
  filler_begin.push_back(static_cast<std::uint8_t>(filler_order.size()));
  {
    std::unordered_map<const Item*, std::uint32_t> first_key;
    for (std::uint32_t k = 0; k < direct; ++k) first_key.emplace(keys[k].item, k);
    for (const auto& [c, item] : owner)
      if (item) telling.emplace_back(c, first_key.at(item));
    std::sort(telling.begin(), telling.end());
  }
  for (std::uint32_t k = 0; k < keys.size(); ++k) {
    std::u32string telling_chars;
    for (Char& ch : keys[k].chars) {
      auto it = owner.find(ch.c);
      ch.distinguishing = !ch.head && it != owner.end() && it->second == keys[k].item;
      if (ch.distinguishing && telling_chars.find(ch.c) == std::u32string::npos) telling_chars += ch.c;
    }
    // A key with three or more telling characters (社区戒毒社区康复…: 戒, 毒, 康, 复) still tells
    // its item by two of them after one edit, so none of them needs the protection
    // (社区康护 for 社区康复 is a typo); with one or two (失踪: 踪) an edit changes the meaning.
    // Only when they are at most half of its characters: in a list of one item every character
    // tells it, and then none tells it apart from what is not on the list.
    if (telling_chars.size() >= 3 && telling_chars.size() * 2 <= keys[k].distinct)
      for (Char& ch : keys[k].chars) ch.distinguishing = false;
    by_pinyin[keys[k].pinyin].push_back(k);
    by_initials[keys[k].initials].push_back(k);
    // Step 10 (words typed by sound) looks a span up only when a key ending in 证明 has its
    // length and the reading of its first character.
    if (ends_with(keys[k].text, kCertificate) && keys[k].text.size() < 32 && keys[k].chars.front().syllable != 0) {
      const std::uint16_t first = keys[k].chars.front().syllable;
      if (sounding_lengths.size() <= first) sounding_lengths.resize(first + 1u, 0);
      sounding_lengths[first] |= std::uint32_t{1} << keys[k].text.size();
    }
  }
  // The common characters: those of more than an eighth of the keys, most frequent first.
  std::vector<std::pair<std::size_t, char32_t>> frequent;
  for (const auto& [c, p] : by_char)
    if (p.keys.size() * 8 > keys.size()) frequent.emplace_back(p.keys.size(), c);
  std::sort(frequent.begin(), frequent.end(), std::greater<>());
  if (frequent.size() > 32) frequent.resize(32);
  common_mask.assign(keys.size(), 0);
  for (std::size_t bit = 0; bit < frequent.size(); ++bit) {
    Postings& p = by_char[frequent[bit].second];
    for (auto k : p.keys) common_mask[k] |= std::uint32_t{1} << bit;
    p.common = static_cast<int>(bit);
    p.keys = {};
  }
  for (std::uint32_t k = 0; k < keys.size(); ++k) {
    const auto count = static_cast<std::uint32_t>(keys[k].distinct);
    distinct_count.push_back(count);
    if (count - static_cast<std::uint32_t>(bits(common_mask[k])) <= 1) few_rare_keys.push_back(k);
  }
  for (auto& [text, hit] : raw) {
    const Key& key = keys[folded.at(detail::fold(text).text)];
    hit.settled = key.item == hit.item && key.rivals.empty() && !key.vague;
  }
}

std::optional<NameMatcher::Tables::Occurrence> NameMatcher::Tables::find(
    const Key& key, const std::vector<Char>& text, std::vector<Cell>& scratch) {
  // Semi-global edit distance: the key must be aligned whole, the text only in part.
  // Rows are key positions; each cell keeps its cost and where in the text it started.
  const std::size_t n = text.size();
  scratch.resize(2 * (n + 1));
  Cell* prev = scratch.data();
  Cell* cur = prev + n + 1;
  for (std::size_t i = 0; i <= n; ++i) prev[i] = {0, i};
  const int limit = tolerated(key.chars.size());
  for (const Char& kc : key.chars) {
    // Dropping a key character costs an edit (never allowed for a critical one, the 证明, or
    // the one that tells the item apart), as does an extra text character inside the key's
    // span — a filler word (的, 人员) only a tenth.
    const int drop = kc.critical || kc.head || kc.distinguishing ? kForbiddenCost : kEditCost;
    cur[0] = {prev[0].cost + drop, 0};
    int row_min = cur[0].cost;
    for (std::size_t i = 1; i <= n; ++i) {
      const Char& tc = text[i - 1];
      Cell best{prev[i - 1].cost + substitution_cost(kc, tc), prev[i - 1].begin};
      if (prev[i].cost + drop < best.cost) best = {prev[i].cost + drop, prev[i].begin};
      const int extra = tc.critical ? kForbiddenCost : kEditCost;
      if (cur[i - 1].cost + extra < best.cost) best = {cur[i - 1].cost + extra, cur[i - 1].begin};
      if (tc.filler && i > tc.filler && cur[i - tc.filler].cost + kFillerCost < best.cost)
        best = {cur[i - tc.filler].cost + kFillerCost, cur[i - tc.filler].begin};
      cur[i] = best;
      row_min = std::min(row_min, best.cost);
    }
    if (row_min > limit) return std::nullopt;
    std::swap(prev, cur);
  }
  std::optional<Occurrence> found;
  for (std::size_t i = 1; i <= n; ++i) {
    const Cell& c = prev[i];
    if (c.cost > limit) continue;
    // Lowest cost; on a tie the longer span (a deletion at the edge is the same edit).
    if (!found || c.cost < found->cost ||
        (c.cost == found->cost && i - c.begin > found->end - found->begin))
      found = Occurrence{c.cost, c.begin, i};
  }
  return found;
}

// --- matching -----------------------------------------------------------------------------

NameMatcher::NameMatcher(const Catalog& catalog) : NameMatcher(catalog.items()) {}

NameMatcher::NameMatcher(const std::vector<Item>& items)
    : tables_(std::make_shared<const Tables>(items)) {}

std::size_t NameMatcher::key_count() const noexcept { return tables_->keys.size(); }

std::optional<Match> NameMatcher::best(std::string_view text) const {
  auto m = match(text, 1);
  if (m.empty()) return std::nullopt;
  return m.front();
}

const Vocabulary::Synonym* NameMatcher::Tables::rewrite_at(const std::u32string& q, std::size_t i) const {
  const auto first = std::lower_bound(rewrite_firsts.begin(), rewrite_firsts.end(), q[i]);
  if (first == rewrite_firsts.end() || *first != q[i]) return nullptr;
  const auto f = static_cast<std::size_t>(first - rewrite_firsts.begin());
  const Vocabulary::Synonym* hit = nullptr;
  for (auto r = rewrite_begin[f]; r < rewrite_begin[f + 1]; ++r)
    if (q.compare(i, rewrites[r].from.size(), rewrites[r].from) == 0 &&
        (!hit || rewrites[r].from.size() > hit->from.size()))
      hit = &rewrites[r];
  return hit;
}

std::u32string NameMatcher::Tables::rewritten(const std::u32string& q) const {
  // Most texts hold no rewrite at all: find the first before copying anything.
  std::size_t first = 0;
  const Vocabulary::Synonym* hit = nullptr;
  for (; first < q.size() && !(hit = rewrite_at(q, first)); ++first) {
  }
  if (!hit) return {};
  std::u32string out(q, 0, first);
  out.reserve(q.size() + 4);
  for (std::size_t i = first; i < q.size();) {
    if (i != first) hit = rewrite_at(q, i);
    if (hit) {
      out += hit->to;
      i += hit->from.size();
      // A rewrite that already says what the text goes on to say (人还在 → 人在世, before 世)
      // does not say it twice: the text's overlapping characters are skipped (老人还在世 →
      // 老人在世, not 老人在世世).
      for (std::size_t k = std::min(hit->to.size(), q.size() - i); k > 0; --k)
        if (q.compare(i, k, hit->to, hit->to.size() - k, k) == 0) {
          i += k;
          break;
        }
    } else {
      out += q[i++];
    }
  }
  return out;
}

void NameMatcher::Tables::concept_occurrences(const std::u32string& text, Occurrences& out) const {
  out.at.clear();
  out.present.assign(concept_words.size(), 0);
  for (std::size_t i = 0; i < text.size(); ++i)
    for (auto it = std::lower_bound(concept_by_first.begin(), concept_by_first.end(), std::make_pair(text[i], std::uint32_t{0}));
         it != concept_by_first.end() && it->first == text[i]; ++it) {
      const std::u32string& w = concept_words[it->second];
      if (text.compare(i, w.size(), w) == 0) {
        out.at.emplace_back(it->second, static_cast<std::uint32_t>(i));
        out.present[it->second] = 1;
      }
    }
  std::sort(out.at.begin(), out.at.end());
}

void NameMatcher::Tables::concept_hits(const std::u32string& text, const Occurrences& occurrences,
                                       const Occurrences& original, std::vector<ConceptHit>& out) const {
  const Vocabulary& vocab = vocabulary();
  // The first occurrence of word `w` at or after `from`, or npos.
  auto at_or_after = [&](std::uint32_t w, std::size_t from) -> std::size_t {
    if (!occurrences.present[w]) return std::u32string::npos;
    const auto it = std::lower_bound(occurrences.at.begin(), occurrences.at.end(),
                                     std::make_pair(w, static_cast<std::uint32_t>(from)));
    return it != occurrences.at.end() && it->first == w ? it->second : std::u32string::npos;
  };
  auto holds = [](const std::vector<std::uint32_t>& words, const Occurrences& in) {
    return std::any_of(words.begin(), words.end(), [&](std::uint32_t w) { return in.present[w] != 0; });
  };
  if (concepts.empty()) return;
  // A sentence that asks for no proof but says what the resident wants done (户口本上性别登记成女
  // 的了 要更正: 要, 想, 需 …) still tells what is needed, loosely: only a strong concept is read
  // in it, and only as a question (round six). A document's name (遗产分割协议, 文明养犬承诺书,
  // 收入情况声明) says no such thing and is not read.
  // Whether a word of purpose (要, 用, 办 …) stands in text[from, to).
  auto purpose_between = [&](std::size_t from, std::size_t to) {
    const std::u32string_view between = std::u32string_view(text).substr(from, to - from);
    return std::any_of(vocab.purpose_markers.begin(), vocab.purpose_markers.end(),
                       [&](const std::u32string& m) { return between.find(m) != std::u32string_view::npos; });
  };
  const bool asked = holds(asking_words, occurrences);
  if (!asked && !purpose_between(0, text.size()) && text.find(U'想') == std::u32string::npos) return;
  struct Span {
    std::size_t begin, end;
  };
  // The first occurrence of a pattern. The 证 of 证明 is no document (证…丢), unless the word
  // says 证明 itself.
  // Nor does a word end on the 证 of a 证明 (丢证 in 户口丢证明: round six).
  auto inside_certificate = [&](std::size_t end) {
    return end > 0 && end < text.size() && text[end - 1] == kCertificate[0] && text[end] == kCertificate[1];
  };
  auto find = [&](const WordPattern& p) -> std::optional<Span> {
    for (std::uint32_t a : p.first) {
      const std::u32string& word = concept_words[a];
      for (auto at = at_or_after(a, 0); at != std::u32string::npos; at = at_or_after(a, at + 1)) {
        if (!starts_with(word, kCertificate) && text.compare(at, kCertificate.size(), kCertificate) == 0) continue;
        const std::size_t from = at + word.size();
        if (p.second.empty()) {
          if (inside_certificate(from)) continue;
          return Span{at, from};
        }
        std::optional<Span> nearest;  // the second word nearest the first
        for (std::uint32_t b : p.second) {
          const auto to = at_or_after(b, from);
          const std::size_t to_end = to + concept_words[b].size();
          if (to != std::u32string::npos && to - from <= p.gap && !inside_certificate(to_end) &&
              (!nearest || to_end < nearest->end))
            nearest = Span{at, to_end};
        }
        if (nearest) return nearest;
      }
    }
    return std::nullopt;
  };
  // Where the text says 证明, and whether each names a certificate of its own (居住证明; not
  // 开证明, 证明我…, 证明证明, 能证明, 证明信): the same for every concept.
  struct Certificate {
    std::size_t at;
    bool names;
  };
  std::vector<Certificate> certificates;
  for (auto at = text.find(kCertificate); at != std::u32string::npos; at = text.find(kCertificate, at + 1))
    certificates.push_back({at, at > 0 && kGenericBefore.find(text[at - 1]) == std::u32string_view::npos &&
                                    kProvingBefore.find(text[at - 1]) == std::u32string_view::npos &&
                                    !(at >= 2 && text.compare(at - 2, 2, kCertificate) == 0) &&
                                    !(at >= 3 && text.compare(at - 3, 3, U"证明信") == 0)});
  // Whether only a time or the details of what a concept says stand in text[from, to). A detail
  // word may share its first character with the last of the concept's words (社区康复期间: 康复期,
  // then 期间: round six).
  auto details_only = [&](std::size_t from, std::size_t to) {
    const std::size_t low = from > 0 ? from - 1 : from;
    while (to > from) {
      if (kTimeOrState.find(text[to - 1]) != std::u32string_view::npos) {
        --to;
        continue;
      }
      const auto w = std::find_if(std::begin(kDetailWords), std::end(kDetailWords), [&](std::u32string_view d) {
        return to - low >= d.size() && text.compare(to - d.size(), d.size(), d) == 0;
      });
      // …or a request for it in between (社区戒毒满三年了村里给开个情况证明).
      if (w == std::end(kDetailWords)) return kGenericBefore.find(text[to - 1]) != std::u32string_view::npos;
      to -= w->size();
    }
    return true;
  };
  // Only the concepts a word of the text may start: most texts hold few of their words.
  std::vector<std::uint32_t> candidates;
  for (const auto& [w, at] : occurrences.at)
    candidates.insert(candidates.end(), concepts_by_word[w].begin(), concepts_by_word[w].end());
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  for (std::uint32_t candidate : candidates) {
    const ConceptEntry& entry = concepts[candidate];
    const Vocabulary::Concept& c = *entry.concept;
    if (!asked && !c.strong) continue;
    // 有车位 is not 有车, also after 有车 is rewritten.
    if (holds(entry.not_with, occurrences) || holds(entry.not_with, original)) continue;
    Span all{text.size(), 0};
    bool every = true;
    for (const auto& part : entry.parts) {
      // The pattern of the part that reaches furthest (遗产分割 over 遗产: the span ends where the
      // words do).
      std::optional<Span> found;
      for (const auto& p : part)
        if (const auto f = find(p); f && (!found || f->end > found->end)) found = f;
      if (!found) {
        every = false;
        break;
      }
      all = Span{std::min(all.begin, found->begin), std::max(all.end, found->end)};
    }
    if (!every) continue;
    // 证明我不是残疾人, 证明我家没有人失踪: negated, the fact is another one, on no list.
    // Only what may stand between a negation and what it negates (有, 是, 人, 过 …) is looked
    // through: 三年未归音讯全无 — 未 negates 归, not 音讯全无 (round six).
    if (c.negation_flips) {
      bool negated = false;
      for (std::size_t i = all.begin; !negated && i > 0 && all.begin - i < kNegationReach; --i) {
        const char32_t before = text[i - 1];
        negated = kNegations.find(before) != std::u32string_view::npos;
        if (!negated && kNegatedThrough.find(before) == std::u32string_view::npos) break;
      }
      if (negated) continue;
    }
    // A text that names a certificate of its own is not read by concept: a 证明 that names
    // something (居住证明, not 开证明, 证明我…, 证明证明, 能证明) before the concept's words
    // (居住证明办狗证用), or after them past anything but a time or the details of what they say
    // (连续失业满1年证明, 社区戒毒协议履行情况证明 are theirs; 办狗证要居住证明, 人事档案调动证明
    // are not).
    const bool own = std::any_of(certificates.begin(), certificates.end(), [&](const Certificate& cert) {
      return cert.names && (cert.at < all.begin || (cert.at >= all.end && !details_only(all.end, cert.at)));
    });
    if (own) continue;
    // Stated: 证明 before the words (证明我没有复吸), or after them with no word of purpose
    // between (户口本上写着父女还要另开关系证明); "X要开…证明" names what it is for.
    const bool certified =  // after a 证明: what it certifies
        !certificates.empty() && certificates.front().at + kCertificate.size() <= all.begin;
    bool stated = asked && (certified || std::any_of(certificates.begin(), certificates.end(), [&](const Certificate& cert) {
      return cert.at >= all.end && !purpose_between(all.end, cert.at);
    }));
    // …and the words are what is said, not a modifier of something else: after them only a
    // particle, a time, their details, or the 证明 (证明我弟弟三年没有音讯了; not 死亡赔偿金归我,
    // 生育保险, 出生后一直住在这里, 存款被骗了: those are asked at most).
    // Words that open a slot (我叫…, 户口在…, 民族是…, 继承…) are followed by its value.
    const bool slot = all.end > 0 && std::u32string_view(U"是在叫为承").find(text[all.end - 1]) != std::u32string_view::npos;
    for (std::size_t i = all.end; stated && !slot && i < text.size();) {
      if (opens_clause(text, i)) break;  // …才给取钱: what it is for
      if (kTailChars.find(text[i]) != std::u32string_view::npos || kTimeOrState.find(text[i]) != std::u32string_view::npos ||
          kAskingChars.find(text[i]) != std::u32string_view::npos) {
        ++i;
        continue;
      }
      if (text.compare(i, kCertificate.size(), kCertificate) == 0) break;
      // A detail word may start on the last character of the concept's words (康复期间).
      const std::size_t from = i == all.end && i > 0 ? i - 1 : i;
      const auto w = std::find_if(std::begin(kDetailWords), std::end(kDetailWords), [&](std::u32string_view d) {
        return text.compare(i, d.size(), d) == 0 || (from < i && d.size() > 1 && text.compare(from, d.size(), d) == 0);
      });
      if (w == std::end(kDetailWords)) stated = false;
      else i = (text.compare(i, w->size(), *w) == 0 ? i : from) + w->size();
    }
    auto same = std::find_if(out.begin(), out.end(), [&](const ConceptHit& h) { return h.item == entry.item; });
    const ConceptHit hit{entry.item, c.parts.size(), c.strong, c.exclusive, stated, certified};
    if (same == out.end()) out.push_back(hit);
    else if (std::make_tuple(hit.parts, hit.strong && hit.stated) > std::make_tuple(same->parts, same->strong && same->stated))
      *same = hit;
  }
}

namespace {

// Whether `text` holds `word`, or a homophone of it character by character (社区戒读 for 戒毒:
// the context of a vague key survives a pinyin slip).
bool holds_sounding(std::u32string_view text, std::u32string_view word) {
  if (text.find(word) != std::u32string_view::npos) return true;
  for (std::size_t i = 0; i + word.size() <= text.size(); ++i) {
    std::size_t k = 0;
    for (; k < word.size(); ++k) {
      const auto a = detail::pinyin_index(text[i + k]);
      if (text[i + k] != word[k] && (a == 0 || a != detail::pinyin_index(word[k]))) break;
    }
    if (k == word.size()) return true;
  }
  return false;
}

// A Han character for every toneless pinyin syllable (the first in the table that reads so):
// pinyin typed inside Han text stands for a character of that reading, which the alignment
// then treats as a homophone of the key's.
const std::unordered_map<std::string_view, char32_t>& han_by_syllable() {
  static const auto table = [] {
    std::vector<char32_t> first;  // by syllable index: a character of that reading
    for (char32_t c = 0x4E00; c <= 0x9FFF; ++c)
      if (const std::uint16_t i = detail::pinyin_index(c); i != 0) {
        if (first.size() <= i) first.resize(i + 1u, 0);
        if (first[i] == 0) first[i] = c;
      }
    std::unordered_map<std::string_view, char32_t> m;
    for (char32_t c : first)
      if (c != 0) m.emplace(detail::pinyin_syllable(c), c);
    return m;
  }();
  return table;
}

// `latin` (lower-case letters) as Han characters of its syllables, or nothing when it does not
// split into syllables (ktv, wifi …). The longest syllable first, backtracking.
bool syllables_as_han(std::u32string_view latin, std::u32string& out) {
  if (latin.empty()) return true;
  constexpr std::size_t kLongestSyllable = 6;  // zhuang, shuang
  const auto& table = han_by_syllable();
  std::string syllable;
  for (std::size_t n = std::min(latin.size(), kLongestSyllable); n > 0; --n) {
    syllable.assign(latin.begin(), latin.begin() + static_cast<std::ptrdiff_t>(n));
    const auto it = table.find(syllable);
    if (it == table.end()) continue;
    out.push_back(it->second);
    if (syllables_as_han(latin.substr(n), out)) return true;
    out.pop_back();
  }
  return false;
}

// Characters written for another by its shape (形近字, round seven): a slip of the eye or of
// handwriting input, not of pinyin (生肓 for 生育, 经营埸所 for 经营场所), which the pinyin table
// cannot mend. The written character first, the one meant second; only characters seldom meant
// in a resident's request are mended (肓 of 膏肓, 埸 of 疆埸 …). Pairs from the textbook lists of
// 形近字 (黄伯荣、廖序东《现代汉语》, 附录 常见的别字; the 戊/戌/戍/戎/戒 drill) and the two the
// sixth untuned set showed (corpus-tuning-10.tsv, 生肓状况证明, 经营埸所证明); what a mended text
// finds is only ever a question.
constexpr std::pair<char32_t, char32_t> kShapeSlips[] = {
    {U'肓', U'育'}, {U'埸', U'场'}, {U'戎', U'戒'}, {U'戍', U'戒'}, {U'菅', U'营'},
};

// Documents that are not a 证明 but prove the same fact (round seven): a notary's deed (健在公证书),
// a file or papers that show it (可表明亲属关系的文件, 户籍材料). Read as the 证明 only when the
// text names none, and only ever as a question: the committee's 证明 may be what the notary or
// the office asks for, or it may not.
constexpr std::u32string_view kOtherDocuments[] = {U"公证书", U"文件", U"材料"};

// Typing slips (round six), mended: 证明 typed as two other characters that read zheng ming
// (无业正名, 住所正名, 争鸣 — one of them alone, 证名, is a homophone the alignment takes),
// pinyin typed for a character inside Han text (社区戒du证明), and a character typed twice
// (死亡亡证明; not the kin words and adverbs that are said twice: 妈妈, 常常); since round seven
// also a character written for another by its shape (kShapeSlips) and, in a text that says no
// 证明, a document that proves the same fact (kOtherDocuments). Empty when there is nothing to
// mend. The mended text is only ever a question (search()).
std::u32string mended_slips(const std::u32string& q) {
  if (std::none_of(q.begin(), q.end(), [](char32_t c) { return detail::is_han(c); })) return {};
  const bool says_certificate = q.find(kCertificate) != std::u32string::npos;
  const std::uint16_t zheng = detail::pinyin_index(kCertificate[0]), ming = detail::pinyin_index(kCertificate[1]);
  auto is_letter = [](char32_t c) { return c >= U'a' && c <= U'z'; };
  constexpr std::size_t kLongestRun = 24;
  std::u32string out;
  bool mended = false;
  for (std::size_t i = 0; i < q.size();) {
    if (is_letter(q[i])) {
      std::size_t j = i;
      while (j < q.size() && is_letter(q[j])) ++j;
      const std::size_t before = out.size();
      if (j - i >= 2 && j - i <= kLongestRun &&
          syllables_as_han(std::u32string_view(q).substr(i, j - i), out)) {
        mended = true;
      } else {
        out.resize(before);
        out.append(q, i, j - i);
      }
      i = j;
      continue;
    }
    constexpr std::u32string_view kSaidTwice = U"爸妈哥姐弟妹爷奶姥婆公叔伯舅婶姑娘爹孙宝常刚明仅渐偏往天年人个家事处样星谢试看想说走";
    if (i + 1 < q.size() && q[i] == q[i + 1] && detail::is_han(q[i]) &&
        kSaidTwice.find(q[i]) == std::u32string_view::npos) {
      out.push_back(q[i]);
      mended = true;
      i += 2;
      continue;
    }
    if (const auto* shape = std::find_if(std::begin(kShapeSlips), std::end(kShapeSlips),
                                         [&](const auto& p) { return p.first == q[i]; });
        shape != std::end(kShapeSlips)) {
      out.push_back(shape->second);
      mended = true;
      ++i;
      continue;
    }
    if (!says_certificate) {
      const auto* document = std::find_if(std::begin(kOtherDocuments), std::end(kOtherDocuments),
                                          [&](std::u32string_view d) { return q.compare(i, d.size(), d) == 0; });
      if (document != std::end(kOtherDocuments)) {
        out += kCertificate;
        mended = true;
        i += document->size();
        continue;
      }
    }
    if (!says_certificate && zheng != 0 && i + 1 < q.size() && detail::pinyin_index(q[i]) == zheng &&
        detail::pinyin_index(q[i + 1]) == ming) {
      out += kCertificate;
      mended = true;
      i += 2;
      continue;
    }
    out.push_back(q[i++]);
  }
  return mended ? out : std::u32string();
}

// A request followed by a question of whether it is issued (…证明不了父子关系 村上给开一个行不,
// 兹证明…户籍居民 这种证明现在还开吗; round seven): the request without the question, or empty when
// the text does not end so. The question starts at an issuer or at 这种/这个 and ends on a
// particle of asking (吗, 不, 么 …), within a few characters.
std::u32string without_issuing_question(const std::u32string& q) {
  constexpr std::u32string_view kStarts[] = {U"村上", U"乡上", U"村里", U"社区", U"居委会", U"村委会", U"街道", U"这种", U"这个", U"你们"};
  constexpr std::u32string_view kEnds = U"吗不么没呢";
  constexpr std::size_t kLongestQuestion = 12, kShortestRequest = 4;
  if (q.size() <= kShortestRequest || kEnds.find(q.back()) == std::u32string_view::npos) return {};
  for (std::size_t at = q.size() > kLongestQuestion ? q.size() - kLongestQuestion : 0; at + 2 < q.size(); ++at) {
    if (at < kShortestRequest) continue;
    for (std::u32string_view start : kStarts)
      if (q.compare(at, start.size(), start) == 0) return q.substr(0, at);
  }
  return {};
}

// Verbs that, right after a 证明, start what it is for (上户口, 办低保, 用于, 给银行, 交给 …; not
// 去, 为, 申: 证明去世的人…, 证明为本村村民, 证明申请人…).
constexpr std::u32string_view kPurposeVerbs = U"上办用给交拿";

// "X的证明" says "X证明": the 的 before 证明 goes.
std::u32string without_de_before_certificate(std::u32string q) {
  for (auto at = q.find(U"的证明"); at != std::u32string::npos; at = q.find(U"的证明", at))
    q.erase(at, 1);
  return q;
}
std::u32string without_de_before_certificate(const std::u32string& q, const std::u32string& suffix) {
  std::u32string out;
  out.reserve(q.size() + suffix.size());
  out += q;
  out += suffix;
  return without_de_before_certificate(std::move(out));
}

// A description that says 证明 first and what it certifies after (证明老人还活着, 开个证明说我
// 没结婚) read as a name: what follows 证明 moved before it. Empty when 证明 ends the text or
// is not there.
std::u32string certificate_last(const std::u32string& q) {
  const auto at = q.find(kCertificate);
  if (at == std::u32string::npos || at + kCertificate.size() + 2 > q.size()) return {};
  // What follows may be what it is for instead (开个孩子在家生的证明上户口, 证明办低保用): not moved.
  if (kPurposeVerbs.find(q[at + kCertificate.size()]) != std::u32string_view::npos) return {};
  // …and a clause of purpose after it is not certified (证明我是他儿子才给取钱: round six).
  std::size_t end = at + kCertificate.size() + 2;
  while (end < q.size() && !opens_clause(q, end)) ++end;
  return q.substr(0, at) + q.substr(at + kCertificate.size(), end - at - kCertificate.size()) +
         std::u32string(kCertificate);
}

// A request that names the certificate by what it is for (养狗要社区开证明吗, 户口本丢了开个证明,
// 住改商要居委会盖章): what comes before the asking (要, 开) is what is certified, read as
// "<subject>证明" — always a question (kRequestScore): 上户口要开证明 may want a 出生证明 rather
// than the 户口证明 it reads as. Empty when the text does not ask for a 证明 or a stamp after that.
std::u32string request_subject(const std::u32string& q) {
  constexpr std::u32string_view kAsking = U"要开";
  constexpr std::u32string_view kAuxiliary = U"需就还想也都得";  // 需要, 就要 …: not the subject
  std::size_t at = 2;
  while (at < q.size() && kAsking.find(q[at]) == std::u32string_view::npos) ++at;
  if (at >= q.size()) return {};
  const std::u32string_view tail = std::u32string_view(q).substr(at);
  if (tail.find(kCertificate) == std::u32string_view::npos && tail.find(U"盖章") == std::u32string_view::npos)
    return {};
  std::size_t end = at;
  while (end > 0 && kAuxiliary.find(q[end - 1]) != std::u32string_view::npos) --end;
  if (end < 2) return {};
  const std::u32string_view subject = std::u32string_view(q).substr(0, end);
  if (subject.find(kCertificate) != std::u32string_view::npos) return {};
  // An act on the 户口 (上户口, 落户口, 注销户口, 迁户口) is what the certificate is for, not the
  // 户口 it would read as: the purposes table reads it (a birth, a death: round six).
  if (const auto first = subject.find(U"户口"); first != std::u32string_view::npos) {
    for (auto at = first; at != std::u32string_view::npos; at = subject.find(U"户口", at + 1))
      if (at > 0 && std::u32string_view(U"上落报销迁").find(subject[at - 1]) != std::u32string_view::npos) return {};
    for (std::u32string_view act : {U"注销", U"销户", U"落户", U"迁出", U"迁入", U"迁移"})
      if (q.find(act) != std::u32string::npos) return {};
  }
  return std::u32string(subject) + std::u32string(kCertificate);
}

// Whether a text asks for a certificate without naming one: a stamp or signature (盖章, 签字),
// or 证明 only after a word of asking or of who issues it (开证明, 社区证明, 同意的证明, 证明我…).
bool asks_generically(const std::u32string& q) {
  for (std::u32string_view stamp : {U"盖章", U"签字", U"签章", U"盖个章", U"签意见"})
    if (q.find(stamp) != std::u32string::npos) return true;
  // 盖的章, 盖一下章, 盖个公章; 签个字, 签一下名: a stamp or a signature with words between.
  for (const auto& [verb, object] : {std::pair{U'盖', std::u32string_view(U"章")}, std::pair{U'签', std::u32string_view(U"字名")}})
    for (auto at = q.find(verb); at != std::u32string::npos; at = q.find(verb, at + 1))
      for (std::size_t i = at + 1; i < q.size() && i <= at + 3; ++i)
        if (object.find(q[i]) != std::u32string_view::npos) return true;
  bool any = false;
  for (auto at = q.find(kCertificate); at != std::u32string::npos; at = q.find(kCertificate, at + 1)) {
    // 开证明信证明身份: a 证明 right after a 证明信 (a letter of proof) is asked for as well.
    const bool after_letter = at >= 3 && q.compare(at - 3, 3, U"证明信") == 0;
    if (at > 0 && !after_letter && kGenericBefore.find(q[at - 1]) == std::u32string_view::npos) return false;
    any = true;
  }
  return any;
}

}  // namespace

Resolution NameMatcher::resolve(std::string_view text, std::size_t max_results) const {
  Resolution r;
  bool ambiguous = false;
  if (auto m = tables_->settled(text)) r.candidates.push_back(*m);
  else r.candidates = tables_->search(text, std::max<std::size_t>(max_results, 2), true, &ambiguous);
  if (r.candidates.empty()) return r;
  const Match& top = r.candidates.front();
  bool rival = false;
  for (std::size_t i = 1; i < r.candidates.size(); ++i)
    rival = rival || (r.candidates[i].item != top.item &&
                      r.candidates[i].score > top.score - rival_margin);
  r.certainty = top.score >= confident_score && !rival && !ambiguous ? Certainty::confident
                                                                      : Certainty::uncertain;
  if (r.candidates.size() > max_results) r.candidates.resize(std::max<std::size_t>(max_results, 1));
  return r;
}

std::vector<Match> NameMatcher::match(std::string_view text, std::size_t max_results) const {
  if (max_results == 0) return {};
  if (auto m = tables_->settled(text)) return {*m};
  return tables_->search(text, max_results, false, nullptr);
}

std::vector<Match> NameMatcher::Tables::search(std::string_view text, std::size_t max_results,
                                               bool with_ambiguous, bool* ambiguous) const {
  const Tables& t = *this;
  std::vector<Match> out;
  if (max_results == 0) return out;

  // A name, or a sentence around one, is short; a whole document is not a query, and the
  // alignment below is linear in the text per candidate.
  if (text.size() > max_text_bytes)
    throw Error(ErrorCode::too_large, "text",
                "a name to resolve is at most " + std::to_string(max_text_bytes) + " bytes; this is " +
                    std::to_string(text.size()));

  // Candidates shared by several items (hyzkzm, a short form of two names) are a question,
  // never an answer: match() leaves them out, resolve() puts them to the clerk.
  bool shared = false;
  auto keep_shared = [&](std::vector<Match>& found) {
    if (!shared) return;
    if (ambiguous) *ambiguous = true;
    if (!with_ambiguous) found.clear();
  };

  // 1. The raw text, an exact name or alias, was looked up by the caller (settled()).

  // 2. The folded text, and the two variants people type: without "证明" (无犯罪记录) and
  //    with "书" (单身证明书).
  const detail::Folded input = detail::fold(text);
  const std::u32string& q = input.text;
  if (q.empty()) return out;
  auto direct = [&](const std::u32string& s, double penalty, double cap = 1.0) -> bool {
    auto it = t.folded.find(s);
    if (it == t.folded.end()) return false;
    const auto& k = t.keys[it->second];
    if (k.fact && penalty > 0) return false;  // 姓名 alone is not a 姓名证明
    // The cap (X证 read as X证明) spares an item's own name: 出生证 is the 出生证明.
    double score = std::min(k.how == MatchHow::exact ? 1.0 : cap,
                            k.score - penalty - (input.traditional ? kTraditionalPenalty : 0));
    const MatchHow how = input.traditional ? MatchHow::traditional : k.how;
    if (k.vague) score = std::min(score, kVagueScore);  // 表现证明 alone: which one?
    if (!k.rivals.empty()) {
      shared = true;
      score = std::min(score, kAmbiguousScore);
      for (const Item* other : k.rivals) out.push_back(Match{other, k.name, score, how});
      out.insert(out.begin(), Match{k.item, k.name, score, how});
      keep_shared(out);
      if (out.size() > max_results) out.resize(max_results);
      return true;
    }
    if (score < plausible_score) return true;
    out.push_back(Match{k.item, k.name, score, how});
    return true;
  };
  if (direct(q, 0)) return out;
  if (!ends_with(q, kCertificate) && q.size() >= 2 && detail::is_han(q.front())) {
    if (direct(q + std::u32string(kCertificate), kVariantPenalty)) return out;
  }
  if (ends_with(q, U"证明书") && direct(q.substr(0, q.size() - 1), kVariantPenalty)) return out;
  // 收入证 for 收入证明; but X证 is often a document of its own (结婚证, 残疾证, 离婚证), so
  // the reading is a question, never an answer.
  if (ends_with(q, U"证") && direct(q + U'明', kVariantPenalty, kRequestScore)) return out;
  if (ends_with(q, U"的证明") && q.size() > 3 &&
      direct(q.substr(0, q.size() - 3) + std::u32string(kCertificate), kVariantPenalty))
    return out;

  // Candidates from the slower passes; at most one per item, the best.
  std::vector<Match> found;
  auto offer_item = [&](const Item* item, std::string_view name, double score, MatchHow how) {
    if (score < plausible_score) return;
    for (auto& m : found)
      if (m.item == item) {
        if (score > m.score) m = Match{item, name, score, how};
        return;
      }
    found.push_back(Match{item, name, score, how});
  };
  auto offer = [&](const Tables::Key& k, double score, MatchHow how) {
    if (!k.rivals.empty()) {
      shared = true;
      score = std::min(score, kAmbiguousScore);
      for (const Item* other : k.rivals) offer_item(other, k.name, score, how);
    }
    offer_item(k.item, k.name, score, how);
  };

  if (is_latin_query(q)) {
    // 3. Pinyin: whole (wufanzuijiluzhengming), initials (wfzjlzm), or whole with one typo.
    const std::string latin = detail::to_utf8(q);
    auto by = [&](const std::unordered_map<std::string, std::vector<std::uint32_t>>& map,
                  const std::string& s, double score) {
      auto it = map.find(s);
      if (it == map.end()) return;
      bool several = false;
      for (auto k : it->second) several |= t.keys[k].item != t.keys[it->second.front()].item;
      if (several) shared = true;
      for (auto k : it->second) offer(t.keys[k], several ? std::min(score, kAmbiguousScore) : score, MatchHow::pinyin);
    };
    by(t.by_pinyin, latin, kPinyinScore);
    by(t.by_pinyin, latin + "zhengming", kPinyinScore - kVariantPenalty);
    if (latin.size() >= 4) {
      by(t.by_initials, latin, kInitialsScore);
      by(t.by_initials, latin + "zm", kInitialsScore - kVariantPenalty);
    }
    if (found.empty() && latin.size() >= 10) {
      for (const auto& k : t.keys)
        if (within_one_edit(latin, k.pinyin)) offer(k, kPinyinTypoScore, MatchHow::pinyin);
    }
  } else {
    // 4. Keys sharing all but at most one of their distinct characters with the text are
    //    searched for in it. Text that never says 证明 ("亲属关糸", "我要开无犯罪记录") is
    //    searched as if it ended with it, at a small penalty. A description that says 证明
    //    first, or in colloquial words, is searched again as a name when the text itself
    //    names nothing.
    const bool says_certificate =
        q.find(U'证') != std::u32string::npos || q.find(U'明') != std::u32string::npos;
    const std::u32string plain =
        without_de_before_certificate(q, says_certificate ? std::u32string() : std::u32string(kCertificate));
    const double variant = says_certificate ? 0 : kVariantPenalty;
    std::vector<std::uint8_t> shared_chars(t.keys.size());
    std::vector<Tables::Char> described;
    std::vector<Tables::Cell> scratch;
    std::vector<std::uint32_t> approximate, candidates, touched;
    approximate.reserve(t.keys.size());
    candidates.reserve(t.keys.size());
    touched.reserve(t.keys.size());

    // Searches one reading of the text; `reworded` is what rewording it cost.
    auto search_text = [&](const std::u32string& searched, double reworded) {
      // A key is a candidate when the text has all its distinct characters but one.
      std::fill(shared_chars.begin(), shared_chars.end(), 0);
      candidates.clear();
      touched.clear();
      std::u32string seen = searched;
      std::sort(seen.begin(), seen.end());
      seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
      std::uint32_t text_mask = 0;
      for (char32_t c : seen) {
        auto it = t.by_char.find(c);
        if (it == t.by_char.end()) continue;
        if (it->second.common >= 0) text_mask |= std::uint32_t{1} << it->second.common;
        for (auto k : it->second.keys)
          if (shared_chars[k]++ == 0) touched.push_back(k);
      }
      auto consider = [&](std::uint32_t k) {
        const auto total =
            shared_chars[k] + static_cast<std::uint32_t>(bits(t.common_mask[k] & text_mask));
        shared_chars[k] = static_cast<std::uint8_t>(std::min<std::uint32_t>(total, 255));
        if (total + 1 >= t.distinct_count[k]) candidates.push_back(k);
      };
      for (auto k : touched) consider(k);
      for (auto k : t.few_rare_keys)
        if (shared_chars[k] == 0) consider(k);
      struct Hit {
        std::uint32_t key;
        Tables::Occurrence at;
        double reworded;
        bool alone;  // a vague key without its context: a question
      };
      std::vector<Hit> hits;
      // Whether the occurrence at `begin` does not count, and whether a vague key lacks
      // its context there (then it is only a question).
      auto changed = [&](std::size_t begin, std::size_t end, const Tables::Key& key, bool* without_context) {
        // A document named as the thing lost (出生医学证明丢了, 死亡证明补办) is not asked for
        // itself: the request is the 证件遗失证明 of 附件1 第20项 (round five).
        if (!key.lost)
          for (std::u32string_view loss : kLossWords)
            if (searched.compare(end, loss.size(), loss) == 0) return true;
        // 老伴去世了，证明我现在是丧偶: folding drops the comma, but a 证明 followed by a person and
        // a statement (我是, 他已经 …) is the verb of what comes after, not the end of a name.
        if (end + 2 <= searched.size() && ends_with(key.text, kCertificate) &&
            kPersonChars.find(searched[end]) != std::u32string_view::npos &&
            kStatementChars.find(searched[end + 1]) != std::u32string_view::npos)
          return true;
        if (key.vague) {
          for (auto context : key.vague->context)
            if (!context.empty() && holds_sounding(searched, context)) return false;
          *without_context = true;
          return begin != 0 && kAskingChars.find(searched[begin - 1]) == std::u32string_view::npos;
        }
        if (key.fact && !says_certificate) return true;  // 姓名 alone is not a 姓名证明
        if (key.not_with)
          for (const auto& w : *key.not_with)
            if (searched.find(w) != std::u32string::npos) return true;
        if (!key.changing_words.empty() && begin > 0) {
          const std::size_t head = searched[begin - 1] == U'的' ? begin - 1 : begin;
          for (const auto* words : key.changing_words)
            for (const auto& w : *words)
              if (head >= w.size() && searched.compare(head - w.size(), w.size(), w) == 0) return true;
        }
        if (begin == 0) return false;
        const char32_t before = searched[begin - 1];
        if (std::find(std::begin(kChangingPrefixes), std::end(kChangingPrefixes), before) !=
            std::end(kChangingPrefixes))
          return true;
        for (auto lost : kLostKeys)
          if (key.text == lost)
            return kAskingChars.find(before) == std::u32string_view::npos &&
                   kDocumentEndings.find(before) == std::u32string_view::npos;
        return false;
      };
      // First the keys written out whole (a plain substring search), then — only for what
      // that leaves — the words of a key in another order, then the approximate search.
      approximate.clear();
      bool exact_hit = false;
      std::sort(candidates.begin(), candidates.end());  // keys in order: direct ones first
      for (std::uint32_t k : candidates) {
        const auto& key = t.keys[k];
        bool hit = false;
        if (shared_chars[k] >= key.distinct) {
          for (auto at = searched.find(key.text); at != std::u32string::npos;
               at = searched.find(key.text, at + 1)) {
            bool alone = false;
            if (changed(at, at + key.text.size(), key, &alone)) continue;
            hits.push_back(Hit{k, {0, at, at + key.text.size()}, reworded, alone});
            hit = exact_hit = true;
            break;
          }
          // 继承遗产证明 is 遗产继承证明: the part before 证明 in two pieces, swapped.
          if (!hit && ends_with(key.text, kCertificate) && !key.vague) {
            const std::u32string_view name(key.text);
            const std::u32string_view in(searched);
            const std::size_t body = name.size() - kCertificate.size();
            for (std::size_t split = 2; !hit && split + 2 <= body; ++split) {
              // text[split, body) + text[0, split) + 证明, found without building it.
              const auto second = name.substr(split, body - split), first = name.substr(0, split);
              for (auto at = in.find(second); !hit && at != std::u32string_view::npos;
                   at = in.find(second, at + 1)) {
                const std::size_t end = at + body + kCertificate.size();
                bool alone = false;
                if (in.compare(at + second.size(), first.size(), first) != 0 ||
                    in.compare(at + body, kCertificate.size(), kCertificate) != 0 ||
                    changed(at, end, key, &alone))
                  continue;
                hits.push_back(Hit{k, {0, at, end}, reworded + kRewordPenalty, alone});
                hit = exact_hit = true;
              }
            }
          }
        }
        if (!hit) approximate.push_back(k);
      }
      if (!approximate.empty()) {
        described.clear();
        described.reserve(searched.size());
        for (char32_t c : searched) described.push_back(Tables::describe(c));
        for (std::size_t i = 0; i < searched.size(); ++i) {
          const auto end = std::lower_bound(t.filler_ends.begin(), t.filler_ends.end(), searched[i]);
          if (end == t.filler_ends.end() || *end != searched[i]) continue;
          const auto e = static_cast<std::size_t>(end - t.filler_ends.begin());
          for (auto f = t.filler_begin[e]; f < t.filler_begin[e + 1]; ++f) {
            const std::u32string_view filler = kFillers[t.filler_order[f]];
            if (filler.size() <= i + 1 && searched.compare(i + 1 - filler.size(), filler.size(), filler) == 0) {
              described[i].filler = static_cast<std::uint8_t>(filler.size());
              break;
            }
          }
        }
        for (std::uint32_t k : approximate) {
          const auto& key = t.keys[k];
          // With a key written out whole in the text, another item is considered only when
          // all its characters are there too (two items asked in one sentence).
          if (exact_hit && shared_chars[k] < key.distinct) continue;
          // A short form scores below the name it comes from: once the item has a hit, its
          // short forms are not aligned too (keys are in order, direct ones first).
          if (key.derived && std::any_of(hits.begin(), hits.end(), [&](const Hit& h) {
                return t.keys[h.key].item == key.item;
              }))
            continue;
          auto at = Tables::find(key, described, scratch);
          bool alone = false;
          if (!at || changed(at->begin, at->end, key, &alone)) continue;
          hits.push_back(Hit{k, *at, reworded, alone});
        }
      }
      // A key found exactly explains its span: fuzzy hits of other items overlapping it are
      // near-misses of the same words (婚育状况证明 is not a typo of 婚姻状况证明).
      for (const Hit& h : hits) {
        const auto& key = t.keys[h.key];
        if (h.at.cost >= kHomophoneCost) {
          bool explained = false;
          for (const Hit& e : hits)
            if (e.at.cost == 0 && t.keys[e.key].item != key.item && e.at.begin < h.at.end &&
                h.at.begin < e.at.end)
              explained = true;
          if (explained) continue;
        }
        const bool whole = h.at.begin == 0 && h.at.end == searched.size();
        double score;
        MatchHow how;
        if (h.at.cost < kHomophoneCost) {
          // Written out, perhaps with filler words: the key itself, or a phrase around it.
          score = key.score - h.reworded - kRewordPenalty * h.at.cost / kFillerCost -
                  (whole ? 0 : kPhrasePenalty);
          how = whole && h.reworded == 0 && h.at.cost == 0 ? key.how : MatchHow::phrase;
        } else {
          score = key.score * (kFuzzyTop - kFuzzySlope * h.at.cost /
                                               (kEditCost * static_cast<double>(key.text.size())));
          if (!whole) score *= kFuzzyInSentenceFactor;
          score -= h.reworded;
          how = MatchHow::fuzzy;
        }
        if (h.alone) score = std::min(score, kVagueScore);
        // A fact named as its own certificate (出生日期的证明), or a key found only in a
        // reworded text (synonyms rewritten, 证明 moved last), in a text that also names
        // another item by words only that item's names have (档案里记的出生日期的证明: 档, 案;
        // 证明我有权继承父亲的存款: 继, 承) may be that item's certificate: both are put to the
        // clerk, the first reading's item first, and neither is decided on. A name or alias
        // written out as it is (办理继承要的亲属关系证明) keeps its confidence. A fact held by
        // the item named before it (档案里记的出生日期, 档案记载的出生日期) is what that item's
        // record holds: that item is asked first (round four).
        double fact_margin = 0;
        if (key.fact || h.reworded > 0) {
          if (const auto other = t.other_item_named(searched, h.at.begin, h.at.end, key.item)) {
            score = std::min(score, kVagueScore);
            const bool holds = key.fact && t.other_item_named(std::u32string_view(searched).substr(0, h.at.begin),
                                                              0, 0, key.item) == other;
            fact_margin = holds ? kOtherItemMargin : 0;
            offer(t.keys[*other], score - (holds ? 0 : kOtherItemMargin), MatchHow::phrase);
          }
        }
        offer(key, score - fact_margin - variant, how);
      }
      // Descriptions: <kin>关系证明 (母女关系证明) and a 户口登记项目 field with a word of
      // changing it (姓名变更证明, 更正出生日期证明).
      if (t.kin_key) {
        for (auto at = searched.find(kCertificate); at != std::u32string::npos;
             at = searched.find(kCertificate, at + 1)) {
          const bool relationship = at >= 2 && searched.compare(at - 2, 2, kRelationship.substr(0, 2)) == 0;
          const std::size_t kin_end = relationship ? at - 2 : at;
          std::size_t begin = kin_end;
          while (begin > 0 && kKinChars.find(searched[begin - 1]) != std::u32string_view::npos) --begin;
          const std::size_t kin = kin_end - begin;
          if (kin == 0 || (kin < 2 && relationship)) continue;
          if (!relationship) {  // …是我儿子: 是, perhaps a pronoun or 的, then the kin
            constexpr std::u32string_view kPronouns = U"我他她你俺咱";  // 俺, 咱: round six
            auto is_pronoun = [&](std::size_t i) { return kPronouns.find(searched[i]) != std::u32string_view::npos; };
            auto is_kin = [&](std::size_t i) { return kKinChars.find(searched[i]) != std::u32string_view::npos; };
            // …有七名子女, 有两个儿子: kin counted after 有 (a description of the family, 第1项).
            constexpr std::u32string_view kCounts = U"一二两三四五六七八九十几多0123456789";
            constexpr std::u32string_view kMeasures = U"名个位";
            std::size_t counted = begin;
            if (counted > 0 && kMeasures.find(searched[counted - 1]) != std::u32string_view::npos) --counted;
            const std::size_t count_end = counted;
            while (counted > 0 && kCounts.find(searched[counted - 1]) != std::u32string_view::npos) --counted;
            const bool has_count = counted < count_end && counted > 0 && searched[counted - 1] == U'有';
            std::size_t before = begin;
            while (before > 0 && (is_pronoun(before - 1) || searched[before - 1] == U'的')) --before;
            // 是我妈的儿子: a kin word of a kin word, with 的 between.
            while (before > 0 && before < begin && searched[before] == U'的' && is_kin(before - 1)) {
              while (before > 0 && is_kin(before - 1)) --before;
              while (before > 0 && (is_pronoun(before - 1) || searched[before - 1] == U'的')) --before;
            }
            if (!has_count && (before == 0 || searched[before - 1] != U'是')) continue;
            // One kin character (是我妈) only after a pronoun and with a person before 是: a
            // pronoun, or a pronoun or second kin character before a kin one (我妈是我妈, 他是我爸;
            // 房子是我爸的 is about a house).
            if (kin < 2 && !has_count) {
              const std::size_t is = before - 1;
              const bool person = is >= 1 && (is_pronoun(is - 1) ||
                                               (is_kin(is - 1) && is >= 2 && (is_pronoun(is - 2) || is_kin(is - 2))));
              if (before == begin || !person) continue;
            }
          }
          const auto& key = t.keys[*t.kin_key];
          const bool whole = begin == 0 && at + kCertificate.size() == searched.size();
          offer(key, key.score - kDerivedPenalty - reworded - (whole ? 0 : kPhrasePenalty) - variant,
                MatchHow::phrase);
        }
      }
      for (std::size_t f = 0; f < std::size(kFieldTemplates); ++f) {
        if (!t.template_keys[f]) continue;
        const FieldTemplate& tpl = kFieldTemplates[f];
        auto ends_at = [&](std::size_t end, std::u32string_view w) {
          return !w.empty() && end >= w.size() && searched[end - 1] == w.back() &&
                 searched.compare(end - w.size(), w.size(), w) == 0;
        };
        // The start of "<first><second>" (or the other order) ending at `end`, if any.
        auto pair_before = [&](std::size_t end) -> std::optional<std::size_t> {
          for (auto b : tpl.second)
            if (ends_at(end, b))
              for (auto a : tpl.first)
                if (ends_at(end - b.size(), a)) return end - b.size() - a.size();
          if (tpl.either_order)
            for (auto a : tpl.first)
              if (ends_at(end, a))
                for (auto b : tpl.second)
                  if (ends_at(end - a.size(), b)) return end - a.size() - b.size();
          return std::nullopt;
        };
        for (auto at = searched.find(kCertificate); at != std::u32string::npos;
             at = searched.find(kCertificate, at + 1)) {
          // 登记 or 信息 may stand between the pair and 证明 (姓名变更登记证明).
          auto begin = pair_before(at);
          for (std::u32string_view filler : {U"登记", U"信息"})
            if (!begin && ends_at(at, filler)) begin = pair_before(at - filler.size());
          const auto& key = t.keys[*t.template_keys[f]];
          if (!begin) {
            // Apart, in one text (公司注册需要住所证明, 开网店要居委会开住所证明): a word of the first
            // list anywhere before a word of the second that ends right before 证明 — but 住所 may
            // be a person's domicile too, so this is only a question.
            if (tpl.either_order) continue;
            std::optional<std::size_t> second_at;
            for (auto b : tpl.second)
              if (ends_at(at, b)) second_at = at - b.size();
            if (!second_at) continue;
            // …or after the 证明 (住所证明 注册公司用, round five).
            const std::u32string_view head(searched.data(), *second_at);
            const std::u32string_view tail = std::u32string_view(searched).substr(at + kCertificate.size());
            if (std::none_of(std::begin(tpl.first), std::end(tpl.first), [&](std::u32string_view a) {
                  return !a.empty() && (head.find(a) != std::u32string_view::npos || tail.find(a) != std::u32string_view::npos);
                }))
              continue;
            offer(key, kRequestScore - reworded - variant, MatchHow::phrase);
            continue;
          }
          const bool whole = *begin == 0 && at + kCertificate.size() == searched.size();
          offer(key, key.score - kDerivedPenalty - reworded - (whole ? 0 : kPhrasePenalty) - variant,
                MatchHow::phrase);
        }
      }
    };

    search_text(plain, 0);
    // A text found only approximately (家属关系证明, near 亲属关系证明) may name an item plainly
    // once its synonyms are rewritten (家属关系 → 亲属关系): that reading is tried too.
    if (!found.empty() && std::all_of(found.begin(), found.end(), [](const Match& m) {
          return m.how == MatchHow::fuzzy && m.score < confident_score;
        })) {
      const std::u32string synonyms = t.rewritten(plain);
      if (!synonyms.empty()) search_text(without_de_before_certificate(synonyms), kRewordPenalty);
    }
    // What the text asks about, by concept (round five): the parts of a fact in any order, with
    // any words between, in a text that asks for a proof. One concept stated plainly with the
    // most parts is an answer (kConceptScore); several, or one read from a purpose or from
    // words that are only suggestive (weak), are a question.
    auto by_concept = [&] {
      std::vector<Tables::ConceptHit> hits;
      Tables::Occurrences original, occurrences;
      t.concept_occurrences(q, original);
      t.concept_hits(q, original, original, hits);
      const std::u32string rewritten = t.rewritten(q);
      if (!rewritten.empty()) {
        t.concept_occurrences(rewritten, occurrences);
        t.concept_hits(rewritten, occurrences, original, hits);
      }
      if (hits.empty()) return;
      if (std::any_of(hits.begin(), hits.end(), [](const Tables::ConceptHit& h) { return h.exclusive; }))
        hits.erase(std::remove_if(hits.begin(), hits.end(), [](const Tables::ConceptHit& h) { return !h.exclusive; }),
                   hits.end());
      // More parts first (婚育: 结婚 and 生孩子 over 结婚), then strong, then what a 证明 certifies
      // over what stands before it.
      auto rank = [](const Tables::ConceptHit& h) { return h.parts * 4 + (h.strong ? 2 : 0) + (h.certified ? 1 : 0); };
      std::size_t top = 0, at_top = 0;
      for (const auto& h : hits) top = std::max(top, rank(h));
      const Tables::ConceptHit* first = nullptr;
      for (const auto& h : hits)
        if (rank(h) == top) ++at_top, first = &h;
      const double top_score = at_top == 1 && first->strong && first->stated ? kConceptScore : kRequestScore;
      for (const auto& h : hits)
        offer_item(h.item, h.item->name, rank(h) == top ? top_score : top_score - kConceptLesser, MatchHow::phrase);
    };
    if (found.empty()) {
      const bool asks = asks_generically(q);  // a 证明 or a stamp asked for, none named
      const std::u32string colloquial = t.rewritten(plain);
      if (!colloquial.empty()) search_text(without_de_before_certificate(colloquial), kRewordPenalty);
      if (found.empty()) {
        const std::u32string last = certificate_last(colloquial.empty() ? plain : colloquial);
        if (!last.empty()) search_text(without_de_before_certificate(last), kRewordPenalty);
      }
      // Also beside a name found only by rewording: another fact stated beside it (证明我没有上班
      // 没有收入) makes it a question.
      by_concept();
      if (found.empty()) {
        // Only when the text asks for a 证明 it does not name: 办狗证要居住证明 asks for a 居住证明.
        const std::u32string subject = asks ? request_subject(q) : std::u32string();
        if (!subject.empty()) {
          search_text(without_de_before_certificate(subject), kRequestPenalty);
          const std::u32string reworded = found.empty() ? t.rewritten(subject) : std::u32string();
          if (!reworded.empty())
            search_text(without_de_before_certificate(reworded), kRequestPenalty + kRewordPenalty);
          for (Match& m : found) m.score = std::min(m.score, kRequestScore);
        }
      }
      // Requests by purpose that name a document applied for or an act (办狗证要社区开证明,
      // 申请残疾人证要村里盖章): the items whose certificates serve it, always a question.
      if (found.empty() && !t.purposes.empty() && asks) {
        for (const auto& entry : t.purposes) {
          bool hit = false;
          for (const auto& [a, b] : entry.purpose->words) {
            for (auto at = q.find(a); !hit && at != std::u32string::npos; at = q.find(a, at + 1)) {
              // The 证 of 证明 is no document (证…丢), unless the word says 证明 itself (证明身份).
              if (!starts_with(a, kCertificate) && q.compare(at, kCertificate.size(), kCertificate) == 0) continue;
              if (b.empty()) {
                hit = true;
              } else {
                const std::size_t from = at + a.size(), to = q.find(b, from);
                hit = to != std::u32string::npos && to - from <= kPurposeGap;
              }
            }
            if (hit) break;
          }
          if (hit) offer_item(entry.item, entry.item->name, kPurposeScore, MatchHow::phrase);
        }
      }
    }
  }

  // 9. Typing slips (round six): a text in which nothing is found is read again with 证明 typed
  //    as two other characters of its reading mended (无业正名), pinyin typed inside Han text
  //    read as a character of that reading (社区戒du证明) and a character typed twice once
  //    (死亡亡证明). Two slips, or a guess at a character: what that reading finds is always a
  //    question, never an answer. The mended text has fewer slips than this one (shorter, or
  //    now saying 证明), so reading it again ends.
  // Steps 9 to 10 read a rewritten text again, and what that finds is only ever a question.
  auto offer_reread = [&](const std::u32string& rewritten, MatchHow how) {
    for (const Match& m : search(detail::to_utf8(rewritten), max_results, with_ambiguous, ambiguous))
      offer_item(m.item, m.name, std::min(m.score, kRequestScore), how);
  };
  if (found.empty() && !is_latin_query(q))
    if (const std::u32string mended = mended_slips(q); !mended.empty()) offer_reread(mended, MatchHow::fuzzy);

  // 9b. A request followed by a question of whether it is issued (round seven): the request
  //     alone is read, and what it finds is a question.
  if (found.empty() && !is_latin_query(q))
    if (const std::u32string request = without_issuing_question(q); !request.empty())
      offer_reread(request, MatchHow::phrase);

  // 10. A word typed as another of the same reading, two characters or more at once (意外上海 for
  //     意外伤害, round seven): the alignment tolerates one homophone on a short name and two on
  //     a long one, but a pinyin input method offers a whole word, so a span that ends on a 证明
  //     (or its homophones) and reads as a name, syllable by syllable, is that name typed by
  //     sound. The text with that name written in is read again, with every rule of context
  //     (公司收入正明 stays nothing), and what it finds is only ever a question. Looked for only
  //     when nothing else is found; a span written as the name itself is no slip.
  if (found.empty() && !is_latin_query(q) && q.size() >= 4) {
    const std::uint16_t zheng = detail::pinyin_index(kCertificate[0]), ming = detail::pinyin_index(kCertificate[1]);
    constexpr std::size_t kLongestSounding = 14;
    std::u32string mended;
    for (std::size_t end = 4; end <= q.size() && mended.empty(); ++end) {
      if (zheng == 0 || detail::pinyin_index(q[end - 2]) != zheng || detail::pinyin_index(q[end - 1]) != ming) continue;
      for (std::size_t begin = end > kLongestSounding ? end - kLongestSounding : 0; begin + 4 <= end; ++begin) {
        const std::uint16_t first = detail::pinyin_index(q[begin]);
        if (first >= t.sounding_lengths.size() || !((t.sounding_lengths[first] >> (end - begin)) & 1)) continue;
        const std::u32string_view span = std::u32string_view(q).substr(begin, end - begin);
        const auto sounding = t.by_pinyin.find(detail::pinyin(span));
        if (sounding == t.by_pinyin.end()) continue;
        const std::u32string& name = t.keys[sounding->second.front()].text;
        // The slip is in what the name says, not only in its 证明 (step 9 mends that).
        if (span.substr(0, span.size() - kCertificate.size()) == std::u32string_view(name).substr(0, name.size() - kCertificate.size()))
          continue;
        mended = q.substr(0, begin) + name + q.substr(end);
        break;
      }
    }
    if (!mended.empty()) offer_reread(mended, MatchHow::fuzzy);
  }

  // A certificate about an animal (狗的出生证明, 证明猫死了, 宠物死亡证明) is not a resident's
  // certificate of 附件1: an animal word that none of a candidate item's own names has makes
  // that candidate a question, never an answer (养狗证明 keeps its confidence: 狗 is its word;
  // 证明我被狗咬伤了 is asked). The words are whole names of animals, not 马 or 牛 alone, which
  // are surnames too.
  if (!found.empty() && mentions_animal(q))
    for (std::u32string_view animal : kAnimalWords) {
      if (q.find(animal) == std::u32string::npos) continue;
      const auto postings = t.by_char.find(animal.front());
      for (Match& m : found) {
        const bool own = postings != t.by_char.end() &&
                         std::any_of(postings->second.keys.begin(), postings->second.keys.end(), [&](std::uint32_t k) {
                           return t.keys[k].item == m.item && t.keys[k].text.find(animal) != std::u32string::npos;
                         });
        if (!own) m.score = std::min(m.score, kVagueScore);
      }
    }
  keep_shared(found);
  std::sort(found.begin(), found.end(), [](const Match& a, const Match& b) {
    if (a.score != b.score) return a.score > b.score;
    if (a.item->seq != b.item->seq) return a.item->seq < b.item->seq;
    return a.item->id < b.item->id;
  });
  if (found.size() > max_results) found.resize(max_results);
  return found;
}

}  // namespace jianzheng

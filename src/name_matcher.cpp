// The name matcher (docs/design.md §4 step 1). Built once: every name and alias of every item, and a
// few short forms derived from them, are folded (text/text.hpp), given their pinyin from the
// build-time tables, and indexed by raw text, folded text, pinyin, initials and character.
// A query then goes, cheapest first:
//   1. the raw text in a hash map (exact name or alias: no folding at all);
//   2. the folded text in a hash map (width, case, spaces, punctuation, Traditional);
//   3. for Latin text, pinyin whole or initials;
//   4. otherwise an approximate search of the keys that share enough characters with the
//      text: a key inside a sentence (phrase), or one wrong, homophone or look-alike
//      character (fuzzy). Precision first: short keys tolerate only homophones and
//      look-alikes, and a key preceded by a word that changes what is certified (低收入…)
//      does not count.
#include "jianzheng/name_matcher.hpp"

#include <algorithm>
#include <cstdint>
#include <unordered_map>
#include <utility>

#include "enum_names.hpp"
#include "jianzheng/error.hpp"
#include "jianzheng/catalog.hpp"
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
constexpr double kDerivedPenalty = 0.04;     // short form of a name or alias
constexpr double kTraditionalPenalty = 0.01;
constexpr double kVariantPenalty = 0.03;     // query needed "证明" added or "书" removed
constexpr double kPhraseFactor = 0.9;        // key found inside a longer text
constexpr double kPinyinScore = 0.9;
constexpr double kInitialsScore = 0.8;
constexpr double kPinyinTypoScore = 0.75;
constexpr double kAmbiguousScore = 0.6;      // pinyin shared by several items: not plausible
constexpr double kFuzzyTop = 0.92;           // fuzzy score = top - slope * cost / length
constexpr double kFuzzySlope = 0.9;
constexpr double kFuzzyInSentenceFactor = 0.97;

// Edit costs, in tenths of an edit. At most one edit (kMaxCost) is tolerated.
constexpr int kHomophoneCost = 5;
constexpr int kLookAlikeCost = 6;
constexpr int kNearHomophoneCost = 7;  // 模糊音: min/ming, zi/zhi (keys of 5+ characters)
constexpr int kEditCost = 10;
constexpr int kMaxCost = 10;

// Pairs of characters people confuse by sight (typed by handwriting input or copied from
// paper). Homophones need no table: the pinyin table finds them.
constexpr std::pair<char32_t, char32_t> kLookAlikes[] = {
    {U'系', U'糸'}, {U'己', U'已'}, {U'已', U'巳'}, {U'己', U'巳'}, {U'未', U'末'},
    {U'人', U'入'}, {U'土', U'士'}, {U'天', U'夭'}, {U'戌', U'戍'}, {U'戊', U'戌'},
    {U'日', U'曰'}, {U'候', U'侯'}, {U'拨', U'拔'}, {U'犬', U'大'}, {U'犬', U'太'},
    {U'遗', U'遣'}, {U'继', U'断'}, {U'住', U'往'}, {U'籍', U'藉'}, {U'状', U'伏'},
    {U'姻', U'烟'}, {U'属', U'嘱'}, {U'残', U'浅'}, {U'疾', U'痰'}, {U'况', U'兄'}, {U'明', U'朋'}, {U'明', U'眀'},
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

// Aliases too vague to stand inside a compound: the policy's 表现证明 (of a person in community
// drug rehabilitation, 附件1 第6项) is not 政治表现证明 or 在校表现证明. Inside a text they
// count only at its start or after a word of asking (开个…, 要…, 一份…).
constexpr std::u32string_view kStandaloneOnly[] = {U"表现证明", U"档案证明"};
constexpr std::u32string_view kAskingChars = U"开个张份要的下办请给具";

// 附件1 第20项 covers lost documents and vouchers (证件、证明材料、银行卡、存折 …), not every
// lost thing: inside a compound, the generic 丢失/遗失/挂失证明 counts only after a word of
// asking or a word that names a document (身份证, 户口本, 银行卡, 存折, 驾照, 合同 …), so
// 手机丢失证明 or 车辆丢失证明 is not pulled onto the list.
constexpr std::u32string_view kLostKeys[] = {U"丢失证明", U"遗失证明", U"挂失证明"};
constexpr std::u32string_view kDocumentEndings = U"证卡簿本折书单照件同据";

// Short forms derived from names: prefixes a resident leaves out (居民养犬证明 → 养犬证明),
// and 状况/情况 before 证明 (婚姻状况证明 → 婚姻证明).
constexpr std::u32string_view kDroppablePrefixes[] = {U"居民", U"人员", U"证件"};
constexpr std::u32string_view kDroppableInfixes[] = {U"状况", U"情况"};
constexpr std::u32string_view kCertificate = U"证明";

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
    std::u32string look_alikes;  // characters that look like it (keys only)
  };
  static Char describe(char32_t c) { return Char{c, detail::pinyin_index(c), detail::near_pinyin_class(c), is_critical(c), false, {}}; }
  struct Key {
    std::u32string text;   // folded
    const Item* item;
    std::string_view name;  // the name or alias it comes from
    MatchHow how;           // exact (a name) or alias
    double score;           // of a direct hit
    std::string pinyin, initials;
    std::size_t distinct;   // distinct characters, for the candidate filter
    std::vector<Char> chars;  // per character: reading, criticality, look-alikes
  };
  struct RawHit {
    const Item* item;
    std::string_view name;
    MatchHow how;
    double score;
  };

  std::vector<Key> keys;
  std::unordered_map<std::string_view, RawHit> raw;
  std::unordered_map<std::u32string, std::uint32_t> folded;
  std::unordered_map<std::string, std::vector<std::uint32_t>> by_pinyin, by_initials;
  std::unordered_map<char32_t, std::vector<std::uint32_t>> by_char;

  explicit Tables(const std::vector<Item>& items);
  void add_key(std::u32string text, const Item& item, std::string_view name, MatchHow how,
               double score);

  static int substitution_cost(const Char& k, const Char& t) noexcept {
    if (k.c == t.c) return 0;
    if (k.critical || t.critical) return kForbiddenCost;
    if (k.syllable != 0 && k.syllable == t.syllable) return kHomophoneCost;
    if (k.look_alikes.find(t.c) != std::u32string::npos) return kLookAlikeCost;
    if (k.near != 0 && k.near == t.near) return kNearHomophoneCost;
    // 婚姻状况声明 is a declaration, not a 证明 with a typo.
    return k.head ? kForbiddenCost : kEditCost;
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
    // then does not claim it for either (score drops below plausible).
    if (other.item != &item) {
      if (score > other.score + 1e-9) {
        other.item = &item;
        other.name = name;
        other.how = how;
        other.score = score;
      } else if (score > other.score - 1e-9) {
        other.score = kAmbiguousScore;
      }
    }
    return;
  }
  Key key{std::move(text), &item, name, how, score, {}, {}, 0, {}};
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
      if (c == x) ch.look_alikes.push_back(y);
      if (c == y) ch.look_alikes.push_back(x);
    }
    key.chars.push_back(std::move(ch));
  }
  const auto index = static_cast<std::uint32_t>(keys.size());
  for (char32_t c : distinct) by_char[c].push_back(index);
  keys.push_back(std::move(key));
}

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
  // Short forms: 居民养犬证明 → 养犬证明, 婚姻状况证明 → 婚姻证明, 居民就业状况证明 → 就业证明.
  const std::size_t direct = keys.size();
  for (std::size_t k = 0; k < direct; ++k) {
    const Key source = keys[k];
    std::vector<std::u32string> forms{source.text};
    for (std::size_t f = 0; f < forms.size(); ++f) {
      const std::u32string form = forms[f];
      for (auto prefix : kDroppablePrefixes)
        if (form.compare(0, prefix.size(), prefix) == 0 && form.size() - prefix.size() >= 4)
          forms.push_back(form.substr(prefix.size()));
      for (auto infix : kDroppableInfixes) {
        std::u32string with(infix);
        with += kCertificate;
        if (ends_with(form, with) && form.size() - infix.size() >= 4)
          forms.push_back(form.substr(0, form.size() - with.size()) + std::u32string(kCertificate));
      }
    }
    for (std::size_t f = 1; f < forms.size(); ++f)
      add_key(forms[f], *source.item, source.name, MatchHow::alias, source.score - kDerivedPenalty);
  }
  for (std::uint32_t k = 0; k < keys.size(); ++k) {
    by_pinyin[keys[k].pinyin].push_back(k);
    by_initials[keys[k].initials].push_back(k);
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
    // Dropping a key character costs an edit (never allowed for a critical one), as does an
    // extra text character inside the key's span.
    const int drop = kc.critical || kc.head ? kForbiddenCost : kEditCost;
    cur[0] = {prev[0].cost + drop, 0};
    int row_min = cur[0].cost;
    for (std::size_t i = 1; i <= n; ++i) {
      const Char& tc = text[i - 1];
      Cell best{prev[i - 1].cost + substitution_cost(kc, tc), prev[i - 1].begin};
      if (prev[i].cost + drop < best.cost) best = {prev[i].cost + drop, prev[i].begin};
      const int extra = tc.critical ? kForbiddenCost : kEditCost;
      if (cur[i - 1].cost + extra < best.cost) best = {cur[i - 1].cost + extra, cur[i - 1].begin};
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

Resolution NameMatcher::resolve(std::string_view text, std::size_t max_results) const {
  Resolution r;
  r.candidates = match(text, std::max<std::size_t>(max_results, 2));
  if (r.candidates.empty()) return r;
  const Match& top = r.candidates.front();
  bool rival = false;
  for (std::size_t i = 1; i < r.candidates.size(); ++i)
    rival = rival || (r.candidates[i].item != top.item &&
                      r.candidates[i].score > top.score - rival_margin);
  r.certainty = top.score >= confident_score && !rival ? Certainty::confident : Certainty::uncertain;
  if (r.candidates.size() > max_results) r.candidates.resize(std::max<std::size_t>(max_results, 1));
  return r;
}

std::vector<Match> NameMatcher::match(std::string_view text, std::size_t max_results) const {
  const Tables& t = *tables_;
  std::vector<Match> out;
  if (max_results == 0) return out;

  // A name, or a sentence around one, is short; a whole document is not a query, and the
  // alignment below is linear in the text per candidate.
  if (text.size() > max_text_bytes)
    throw Error(ErrorCode::too_large, "text",
                "a name to resolve is at most " + std::to_string(max_text_bytes) + " bytes; this is " +
                    std::to_string(text.size()));

  // 1. The raw text: an exact name or alias, no folding.
  if (auto it = t.raw.find(text); it != t.raw.end()) {
    const auto& h = it->second;
    out.push_back(Match{h.item, h.name, h.score, h.how});
    return out;
  }

  // 2. The folded text, and the two variants people type: without "证明" (无犯罪记录) and
  //    with "书" (单身证明书).
  const detail::Folded folded = detail::fold(text);
  const std::u32string& q = folded.text;
  if (q.empty()) return out;
  auto direct = [&](const std::u32string& s, double penalty) -> bool {
    auto it = t.folded.find(s);
    if (it == t.folded.end()) return false;
    const auto& k = t.keys[it->second];
    const double score = k.score - penalty - (folded.traditional ? kTraditionalPenalty : 0);
    if (score < plausible_score) return true;  // known but ambiguous: nothing plausible
    out.push_back(Match{k.item, k.name, score, folded.traditional ? MatchHow::traditional : k.how});
    return true;
  };
  if (direct(q, 0)) return out;
  if (!ends_with(q, kCertificate) && q.size() >= 2 && detail::is_han(q.front())) {
    if (direct(q + std::u32string(kCertificate), kVariantPenalty)) return out;
  }
  if (ends_with(q, U"证明书") && direct(q.substr(0, q.size() - 1), kVariantPenalty)) return out;
  if (ends_with(q, U"证") && direct(q + U'明', kVariantPenalty)) return out;  // 收入证
  if (ends_with(q, U"的证明") && q.size() > 3 &&
      direct(q.substr(0, q.size() - 3) + std::u32string(kCertificate), kVariantPenalty))
    return out;

  // Candidates from the slower passes; at most one per item, the best.
  std::vector<Match> found;
  auto offer = [&](const Tables::Key& k, double score, MatchHow how) {
    if (score < plausible_score) return;
    for (auto& m : found)
      if (m.item == k.item) {
        if (score > m.score) m = Match{k.item, k.name, score, how};
        return;
      }
    found.push_back(Match{k.item, k.name, score, how});
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
      for (auto k : it->second) offer(t.keys[k], several ? kAmbiguousScore : score, MatchHow::pinyin);
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
    //    searched as if it ended with it, at a small penalty.
    const bool says_certificate =
        q.find(U'证') != std::u32string::npos || q.find(U'明') != std::u32string::npos;
    const std::u32string searched = says_certificate ? q : q + std::u32string(kCertificate);
    const double variant = says_certificate ? 0 : kVariantPenalty;
    std::vector<std::uint8_t> shared(t.keys.size(), 0);
    std::u32string seen = searched;
    std::sort(seen.begin(), seen.end());
    seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
    for (char32_t c : seen) {
      auto it = t.by_char.find(c);
      if (it == t.by_char.end()) continue;
      for (auto k : it->second) ++shared[k];
    }
    struct Hit {
      std::uint32_t key;
      Tables::Occurrence at;
    };
    std::vector<Hit> hits;
    // 低收入证明 is not a 收入证明: a changing word right before the key disqualifies it.
    auto changed = [&](std::size_t begin, const Tables::Key& key) {
      if (begin == 0) return false;
      const char32_t before = searched[begin - 1];
      if (std::find(std::begin(kChangingPrefixes), std::end(kChangingPrefixes), before) !=
          std::end(kChangingPrefixes))
        return true;
      for (auto vague : kStandaloneOnly)
        if (key.text == vague) return kAskingChars.find(before) == std::u32string_view::npos;
      for (auto lost : kLostKeys)
        if (key.text == lost)
          return kAskingChars.find(before) == std::u32string_view::npos &&
                 kDocumentEndings.find(before) == std::u32string_view::npos;
      return false;
    };
    // First the keys written out whole (a plain substring search), then — only for what
    // that leaves — the approximate search.
    std::vector<std::uint32_t> approximate;
    bool exact_hit = false;
    for (std::uint32_t k = 0; k < t.keys.size(); ++k) {
      const auto& key = t.keys[k];
      if (static_cast<std::size_t>(shared[k]) + 1 < key.distinct || key.score < plausible_score) continue;
      bool hit = false;
      if (shared[k] >= key.distinct) {
        for (auto at = searched.find(key.text); at != std::u32string::npos;
             at = searched.find(key.text, at + 1)) {
          if (changed(at, key)) continue;
          hits.push_back(Hit{k, {0, at, at + key.text.size()}});
          hit = exact_hit = true;
          break;
        }
      }
      if (!hit) approximate.push_back(k);
    }
    if (!approximate.empty()) {
      std::vector<Tables::Char> described;
      described.reserve(searched.size());
      for (char32_t c : searched) described.push_back(Tables::describe(c));
      std::vector<Tables::Cell> scratch;
      for (std::uint32_t k : approximate) {
        const auto& key = t.keys[k];
        // With a key written out whole in the text, another item is considered only when
        // all its characters are there too (two items asked in one sentence).
        if (exact_hit && shared[k] < key.distinct) continue;
        auto at = Tables::find(key, described, scratch);
        if (!at || changed(at->begin, key)) continue;
        hits.push_back(Hit{k, *at});
      }
    }
    // A key found exactly explains its span: fuzzy hits of other items overlapping it are
    // near-misses of the same words (婚育状况证明 is not a typo of 婚姻状况证明).
    for (const Hit& h : hits) {
      const auto& key = t.keys[h.key];
      if (h.at.cost > 0) {
        bool explained = false;
        for (const Hit& e : hits)
          if (e.at.cost == 0 && t.keys[e.key].item != key.item && e.at.begin < h.at.end &&
              h.at.begin < e.at.end)
            explained = true;
        if (explained) continue;
      }
      const bool whole = h.at.begin == 0 && h.at.end == searched.size();
      if (h.at.cost == 0) {
        offer(key, key.score * kPhraseFactor - variant, MatchHow::phrase);
      } else {
        double score = key.score * (kFuzzyTop - kFuzzySlope * h.at.cost /
                                                    (kEditCost * static_cast<double>(key.text.size())));
        if (!whole) score *= kFuzzyInSentenceFactor;
        offer(key, score - variant, MatchHow::fuzzy);
      }
    }
  }

  std::sort(found.begin(), found.end(), [](const Match& a, const Match& b) {
    if (a.score != b.score) return a.score > b.score;
    if (a.item->seq != b.item->seq) return a.item->seq < b.item->seq;
    return a.item->id < b.item->id;
  });
  if (found.size() > max_results) found.resize(max_results);
  return found;
}

}  // namespace jianzheng

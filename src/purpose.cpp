// The purpose recogniser (purpose.hpp, docs/purpose.md). At construction every word, hint and
// look-alike of every carve-out, and every word of the vocabulary, is folded once and put in
// one index per item: entries sorted by their bytes, found by their first character through a
// small open-addressing table. A purpose is scanned once, character by character; each entry
// found is an occurrence (what it is, where, in which sentence and clause). The readings are
// then decided from the occurrences alone: look-alikes void what they cover, cues negate within
// their clause (，、 end one), doubt reaches its sentence (。；！？ end one) and a question its
// clause, a pattern's parts must all be present in one sentence — "分房产，办过户" states
// 不动产登记 across a comma — and a plain statement is only possible when the purpose also
// negates it or goes on, after it, to give the requester's own purpose (a contrast).
// Text that is already folded (plain Simplified Han, a–z, 0–9 — what platforms send) is
// scanned in place with no allocation; anything else is split and folded piece by piece.
#include "jianzheng/purpose.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <limits>
#include <memory>
#include <new>

#include "embedded_data.hpp"
#include "enum_names.hpp"
#include "jianzheng/catalog.hpp"
#include "jianzheng/error.hpp"
#include "text/text.hpp"
#include "text/utf8.hpp"
#include "text_memo.hpp"

namespace jianzheng {
namespace {

constexpr detail::EnumNames<PurposeCertainty, 3> kCertaintyNames{{
    {PurposeCertainty::matched, "matched"},
    {PurposeCertainty::possible, "possible"},
    {PurposeCertainty::none, "none"},
}};

// What an indexed string is.
enum class Kind : std::uint8_t {
  word, hint, look_alike,                           // a carve-out's patterns
  negation_before, negation_adjacent, negation_after, reset, doubt, question, contrast, community,  // vocabulary
};

bool is_cue(Kind k) noexcept {
  return k == Kind::negation_before || k == Kind::negation_adjacent || k == Kind::negation_after;
}

// One use of an indexed string: a part of a pattern of a carve-out, or a vocabulary word.
struct Tag {
  Kind kind = Kind::word;
  std::uint8_t scenario = 0;  // carve-out index in the item
  std::uint16_t pattern = 0;  // index in the carve-out's words / hints / look-alikes
  std::uint8_t part = 0;      // part of the pattern
  std::uint16_t slot = 0;     // the part's index among all parts of its kind in the carve-out
};

// At most this many parts of one kind (words, hints, look-alikes) per carve-out; patterns past
// it are left out when the tables are built.
constexpr std::size_t kMaxParts = 128;

struct Entry {
  std::string text;  // folded UTF-8
  std::vector<Tag> tags;
};

// A pattern: how many parts it has.
// A set of pattern parts (slots), as bits.
struct SlotSet {
  std::uint64_t bits[2] = {0, 0};
  void set(std::size_t slot) noexcept { bits[slot / 64] |= 1ull << (slot % 64); }
  bool test(std::size_t slot) const noexcept { return bits[slot / 64] & (1ull << (slot % 64)); }
  bool contains(const SlotSet& o) const noexcept {
    return (bits[0] & o.bits[0]) == o.bits[0] && (bits[1] & o.bits[1]) == o.bits[1];
  }
};

struct Pattern {
  std::uint8_t parts = 0;
  std::uint16_t first = 0;  // slot of its first part
  SlotSet slots;            // all its parts
};

struct Scenario {
  const CarveOut* carve_out = nullptr;
  std::vector<Pattern> words, hints, look_alikes;
  std::uint16_t slots[3] = {0, 0, 0};  // parts in use per kind (word, hint, look-alike)
};

// The bytes of the UTF-8 character at `s[i]`, packed (up to four), and its length.
inline std::uint32_t char_key(std::string_view s, std::size_t i, std::size_t* length) noexcept {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    *length = 1;
    return b0;
  }
  if ((b0 & 0xF0) == 0xE0 && i + 3 <= s.size()) {  // Han: the common case
    *length = 3;
    return (std::uint32_t{b0} << 16) | (std::uint32_t{static_cast<unsigned char>(s[i + 1])} << 8) |
           static_cast<unsigned char>(s[i + 2]);
  }
  std::size_t n = (b0 & 0xE0) == 0xC0 ? 2 : (b0 & 0xF0) == 0xE0 ? 3 : 4;
  if (i + n > s.size()) n = s.size() - i;
  std::uint32_t key = 0;
  for (std::size_t k = 0; k < n; ++k) key = (key << 8) | static_cast<unsigned char>(s[i + k]);
  *length = n;
  return key;
}

// The indexed strings of one item (or of the vocabulary alone). They are grouped by their
// first two characters (one-character strings by their one), so a position of the text is
// looked up with two probes of a small open-addressing table and compares only the strings
// that begin with the same two characters (不是, 不用于 … would otherwise all start at 不).
class Index {
 public:
  void add(std::string text, Tag tag) {
    if (text.empty()) return;
    for (Entry& e : entries_)
      if (e.text == text) {
        e.tags.push_back(tag);
        return;
      }
    entries_.push_back(Entry{std::move(text), {tag}});
  }

  void build() {
    std::sort(entries_.begin(), entries_.end(), [](const Entry& a, const Entry& b) {
      const std::uint64_t ka = head(a.text), kb = head(b.text);
      return ka != kb ? ka < kb : a.text < b.text;
    });
    std::size_t size = 16;
    while (size < entries_.size() * 4) size *= 2;
    slots_.assign(size, Slot{});
    for (const Entry& e : entries_) {
      std::size_t n = 0;
      const std::uint32_t c = char_key(e.text, 0, &n);
      starts_[bloom(c) / 64] |= 1ull << (bloom(c) % 64);
      const bool of_carve_out = std::any_of(e.tags.begin(), e.tags.end(), [](const Tag& t) {
        return t.kind == Kind::word || t.kind == Kind::hint || t.kind == Kind::look_alike;
      });
      if (of_carve_out) carve_starts_[bloom(c) / 64] |= 1ull << (bloom(c) % 64);
    }
    for (std::size_t i = 0; i < entries_.size();) {
      const std::uint64_t key = head(entries_[i].text);
      std::size_t j = i + 1;
      while (j < entries_.size() && head(entries_[j].text) == key) ++j;
      std::size_t h = hash(key) & (slots_.size() - 1);
      while (slots_[h].key != 0) h = (h + 1) & (slots_.size() - 1);
      slots_[h] = Slot{key, static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j)};
      i = j;
    }
  }

  // Whether some string may begin with the character `c` (packed UTF-8): most characters of
  // a purpose begin none, and are passed over with one bit test.
  bool may_start(std::uint32_t c) const noexcept { return starts_[bloom(c) / 64] & (1ull << (bloom(c) % 64)); }

  // Whether a word, hint or look-alike of a carve-out may occur in `text` at all: when no
  // character of it can begin one, the purpose names no carve-out and need not be scanned.
  bool may_mention_carve_out(std::string_view text) const noexcept {
    for (std::size_t i = 0; i < text.size();) {
      std::size_t n = 0;
      const std::uint32_t c = char_key(text, i, &n);
      if (carve_starts_[bloom(c) / 64] & (1ull << (bloom(c) % 64))) return true;
      i += n;
    }
    return false;
  }

  // The entries whose head is `key` (see head()): [first, last).
  std::pair<const Entry*, const Entry*> with_head(std::uint64_t key) const noexcept {
    std::size_t h = hash(key) & (slots_.size() - 1);
    while (slots_[h].key != 0) {
      if (slots_[h].key == key) return {entries_.data() + slots_[h].first, entries_.data() + slots_[h].last};
      h = (h + 1) & (slots_.size() - 1);
    }
    return {nullptr, nullptr};
  }

  // The head of the string at s[i]: its first two characters packed, or its only one with the
  // top bit set; `length` is the bytes of the head.
  static std::uint64_t head(std::string_view s, std::size_t i, std::size_t* length) noexcept {
    std::size_t n1 = 0, n2 = 0;
    const std::uint64_t c1 = char_key(s, i, &n1);
    if (i + n1 >= s.size()) {
      *length = n1;
      return c1 | kSingle;
    }
    const std::uint64_t c2 = char_key(s, i + n1, &n2);
    *length = n1 + n2;
    return (c1 << 32) | c2;
  }
  static std::uint64_t head(std::string_view s) noexcept {
    std::size_t n = 0;
    return head(s, 0, &n);
  }
  static constexpr std::uint64_t kSingle = 1ull << 63;

 private:
  struct Slot {
    std::uint64_t key = 0;  // a head; 0 = empty
    std::uint32_t first = 0, last = 0;
  };
  static std::size_t hash(std::uint64_t key) noexcept {
    return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> 40);
  }
  static std::size_t bloom(std::uint32_t c) noexcept { return (c * 2654435761u) >> 20; }  // 12 bits

  std::vector<Entry> entries_;
  std::vector<Slot> slots_;
  std::uint64_t starts_[64] = {};
  std::uint64_t carve_starts_[64] = {};
};

// A word or hint of a carve-out as it sounds. A slip of pinyin input on a key word (公正处 for
// 公证处, 婚姻登记档按 for 婚姻登记档案, 法律援组 for 法律援助) is read as a *suggestion* of the
// carve-out — possible, never matched: the clerk is asked instead of the route being given as
// if the purpose said nothing. One character may slip, to a homophone, or in words of four
// characters or more to a near-homophone (模糊音: zh/z, ing/in …; near_pinyin_class).
struct SoundAlt {
  std::uint32_t head = 0;  // near classes of its first two characters
  Kind kind = Kind::word;  // word or hint
  std::uint8_t scenario = 0;
  std::uint8_t part = 0;
  std::uint16_t pattern = 0;
  std::u32string chars;    // as indexed (folded)
  std::string text;        // the same, UTF-8: the evidence a reading cites
  std::string spelled;     // its pinyin, for purposes typed in pinyin ("banli shouyang")
  std::vector<std::uint16_t> near, exact;
  bool slips = false;      // long enough for a slip of one character to be read (three or more)
};

struct ItemTable {
  std::uint64_t matcher = 0;  // the id of the matcher it belongs to (ReadMemo keys)
  std::uint64_t position = 0;  // its place among the matcher's tables (ReadMemo keys)
  const Item* item = nullptr;
  std::vector<Scenario> scenarios;
  Index index;
  std::vector<SoundAlt> sounds;  // sorted by head
};

// The sound of a folded alternative, or false when it is too short or a character has no
// reading. A slip is only recognised in Han words of three characters or more: two-character
// homophones are too often other words (公正 "fair" for 公证, 法院 for 法援). Spelled in pinyin,
// words of two characters count too (shouyang).
bool sound_of(const std::string& alt, SoundAlt& out) {
  out.chars = detail::fold(alt).text;
  if (out.chars.size() < 2 || out.chars.size() > 16) return false;
  out.slips = out.chars.size() >= 3;
  out.spelled = detail::pinyin(out.chars);
  for (const char32_t c : out.chars) {
    const std::uint16_t exact = detail::pinyin_index(c);
    if (exact == 0) return false;
    out.exact.push_back(exact);
    out.near.push_back(detail::near_pinyin_class(c));
  }
  out.head = (std::uint32_t{out.near[0]} << 16) | out.near[1];
  out.text = alt;
  return true;
}

// Folds one alternative as the name matcher folds names (width, case, Traditional,
// punctuation and spaces dropped).
std::string folded(std::string_view text) { return detail::to_utf8(detail::fold(text).text); }

// "a|b+c" → parts {a, b} and {c}.
std::vector<std::vector<std::string>> split_pattern(std::string_view pattern) {
  std::vector<std::vector<std::string>> parts(1);
  std::size_t start = 0;
  for (std::size_t i = 0; i <= pattern.size(); ++i) {
    if (i < pattern.size() && pattern[i] != '|' && pattern[i] != '+') continue;
    std::string alt = folded(pattern.substr(start, i - start));
    if (!alt.empty()) parts.back().push_back(std::move(alt));
    if (i < pattern.size() && pattern[i] == '+' && !parts.back().empty()) parts.emplace_back();
    start = i + 1;
  }
  if (parts.back().empty()) parts.pop_back();
  return parts;
}

void add_vocabulary(Index& index, const PurposeVocabulary& v, bool community) {
  const std::pair<Kind, const std::vector<std::string>*> lists[] = {
      {Kind::negation_before, &v.negation_before}, {Kind::negation_adjacent, &v.negation_adjacent},
      {Kind::negation_after, &v.negation_after},   {Kind::reset, &v.negation_reset},
      {Kind::doubt, &v.doubt},                     {Kind::question, &v.question},
      {Kind::community, &v.community}};
  for (const auto& [kind, words] : lists)
    if (kind != Kind::community || community)
      for (const std::string& w : *words) index.add(folded(w), Tag{kind, 0, 0, 0});
  // Contrasts are patterns of one or two parts ("我|自己+是|为了"): the second part after the
  // first in one clause. A tag's slot holds its pattern's number of parts.
  if (community) return;  // the community index reads no purposes
  for (std::size_t p = 0; p < v.contrast.size() && p <= 0xFFFF; ++p) {
    const std::vector<std::vector<std::string>> parts = split_pattern(v.contrast[p]);
    if (parts.empty() || parts.size() > 2) continue;
    for (std::size_t part = 0; part < parts.size(); ++part)
      for (const std::string& alt : parts[part])
        index.add(alt, Tag{Kind::contrast, 0, static_cast<std::uint16_t>(p), static_cast<std::uint8_t>(part),
                           static_cast<std::uint16_t>(parts.size())});
  }
}

// At most this many occurrences are kept for one purpose (a sentence has a handful; the
// bound keeps the scan allocation-free). Past it, nothing found can be matched (see read).
constexpr std::size_t kMaxOccurrences = 160;
constexpr std::size_t kMaxScenarios = 8;

// Trivially constructible: a scan's array of them is not initialised before use.
struct Occurrence {
  const Entry* entry;
  const Tag* tag;
  std::uint16_t begin, end;
  std::uint16_t clause, sentence;
};

// Prepared text separates sentences with '\n' and clauses with ','; '?' follows a sentence
// that ended with a question mark (folding drops all three, so none occurs inside a piece).
constexpr char kSentenceBreak = '\n';
constexpr char kClauseBreak = ',';
constexpr char kQuestion = '?';

struct Scan {
  Occurrence occ[kMaxOccurrences];
  std::size_t count = 0;
  std::uint16_t clauses = 1, sentences = 1;
  std::uint64_t questions = 0;  // clauses that end with a question mark (past the 63rd: bit 63)
  bool overflow = false;
  bool cues = false;  // a negation word occurred (else nothing is negated)
};

bool overlaps(const Occurrence& a, const Occurrence& b) noexcept { return a.begin < b.end && b.begin < a.end; }

// Records the occurrences of `e` at text[i…]; false when the bound is reached.
bool record(const Entry* e, std::size_t i, Scan& s) {
  for (const Tag& t : e->tags) {
    if (s.count == kMaxOccurrences) {
      s.overflow = true;
      return false;
    }
    s.occ[s.count++] = Occurrence{e, &t, static_cast<std::uint16_t>(i),
                                  static_cast<std::uint16_t>(i + e->text.size()),
                                  static_cast<std::uint16_t>(s.clauses - 1),
                                  static_cast<std::uint16_t>(s.sentences - 1)};
    s.cues = s.cues || is_cue(t.kind);
  }
  return true;
}

bool is_break(char c) noexcept { return c == kSentenceBreak || c == kClauseBreak; }

void scan(const Index& index, std::string_view text, Scan& s) {
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == kQuestion) {
      s.questions |= 1ull << (s.clauses - 1 < 63 ? s.clauses - 1 : 63);
      ++i;
      continue;
    }
    if (is_break(text[i])) {
      ++s.clauses;
      if (text[i] == kSentenceBreak) ++s.sentences;
      ++i;
      continue;
    }
    std::size_t n = 0;
    const std::uint32_t c = char_key(text, i, &n);
    if (!index.may_start(c)) {
      i += n;
      continue;
    }
    const std::uint64_t one = c | Index::kSingle;
    for (auto [e, last] = index.with_head(one); e != last; ++e)
      if (!record(e, i, s)) return;
    if (i + n < text.size() && !is_break(text[i + n]) && text[i + n] != kQuestion) {
      std::size_t head_bytes = 0;
      const std::uint64_t two = Index::head(text, i, &head_bytes);
      for (auto [e, last] = index.with_head(two); e != last; ++e) {
        const std::size_t rest = e->text.size() - head_bytes;
        if (e->text.size() > text.size() - i ||
            (rest && std::memcmp(e->text.data() + head_bytes, text.data() + i + head_bytes, rest) != 0))
          continue;
        if (!record(e, i, s)) return;
      }
    }
    i += n;
  }
}

// What ends a sentence (。；！？ and their ASCII and half-width forms, line breaks) or a
// clause (，、： and ASCII , :) at s[i]: its length in bytes, and whether it ends a sentence.
// A colon ends a clause: in "不是补办结婚证那么简单：民政局说婚姻登记档案丢失了" the 不是
// before it denies what comes before, not what it introduces.
std::size_t separator_length(std::string_view s, std::size_t i, bool* sentence) noexcept {
  const char c = s[i];
  *sentence = c != ',' && c != ':';
  if (c == ',' || c == ':' || c == '.' || c == ';' || c == '!' || c == '?' || c == '\n' || c == '\r') return 1;
  static constexpr const char* kSentence[] = {"\xE3\x80\x82", "\xEF\xBC\x9B", "\xEF\xBC\x81",
                                              "\xEF\xBC\x9F", "\xEF\xBD\xA1"};  // 。；！？｡
  static constexpr const char* kClause[] = {"\xEF\xBC\x8C", "\xE3\x80\x81", "\xEF\xBC\x9A"};  // ，、：
  if (static_cast<unsigned char>(c) < 0xE0 || i + 3 > s.size()) return 0;
  for (const char* w : kSentence)
    if (std::memcmp(s.data() + i, w, 3) == 0) return 3;
  *sentence = false;
  for (const char* w : kClause)
    if (std::memcmp(s.data() + i, w, 3) == 0) return 3;
  return 0;
}

// Whether the separator at s[i] is a question mark (? or ？).
bool is_question_mark(std::string_view s, std::size_t i) noexcept {
  return s[i] == '?' || (i + 3 <= s.size() && std::memcmp(s.data() + i, "\xEF\xBC\x9F", 3) == 0);
}

// The purpose folded piece by piece, sentences joined by kSentenceBreak and clauses by
// kClauseBreak; a sentence that ends with a question mark is followed by kQuestion.
std::string fold_clauses(std::string_view text) {
  std::string out;
  std::size_t start = 0;
  bool sentence_pending = false;
  auto flush = [&](std::size_t end) {
    const std::string f = folded(text.substr(start, end - start));
    if (f.empty()) return;
    if (!out.empty()) out += sentence_pending ? kSentenceBreak : kClauseBreak;
    sentence_pending = false;
    out += f;
  };
  for (std::size_t i = 0; i < text.size();) {
    bool sentence = false;
    if (const std::size_t n = separator_length(text, i, &sentence)) {
      flush(i);
      if (is_question_mark(text, i) && !out.empty() && !is_break(out.back()) && out.back() != kQuestion)
        out += kQuestion;
      sentence_pending = sentence_pending || sentence;
      i += n;
      start = i;
    } else {
      ++i;
    }
  }
  flush(text.size());
  return out;
}

// The purpose as text to scan: itself when already folded, else folded clause by clause
// into `buffer`.
std::string_view prepared(std::string_view text, std::string& buffer) {
  if (text.size() > max_purpose_bytes)
    throw Error(ErrorCode::too_large, "/purpose",
                "a purpose is at most " + std::to_string(max_purpose_bytes) + " bytes; this is " +
                    std::to_string(text.size()));
  if (detail::is_plain_folded(text)) return text;
  try {
    buffer = fold_clauses(text);
  } catch (const Error& e) {
    throw Error(e.code(), "/purpose", "the purpose is not valid UTF-8");
  }
  return buffer;
}

// What is known of each occurrence of one scan, whatever the carve-out: whether a cue negates
// it, which sentences hold a word of doubt and which clauses a question, and where the last
// contrast begins (我开…是, 这次是…: the requester's own purpose, given after another's).
// Negation is worked out once per occurrence, on first need.
class ScanFacts {
 public:
  explicit ScanFacts(const Scan& s) : s_(s), questions_(s.questions) {
    for (std::size_t i = 0; i < s.count; ++i) {
      const Occurrence& o = s.occ[i];
      // Doubt reaches the whole sentence: "房子的继承手续，还不知道去哪儿办" and
      // "公证处那边还没问，可能要" are unsure of what the other clause says. A question (吗, a
      // question mark) reaches only its clause: "用途：公证？" asks about 公证, but
      // "…要办不动产登记，能帮忙开一下吗" asks about the certificate, not the purpose.
      if (o.tag->kind == Kind::doubt) doubt_ |= bit(o.sentence);
      if (o.tag->kind == Kind::question) questions_ |= bit(o.clause);
      if (o.tag->kind == Kind::contrast) contrast_at_ = std::max(contrast_at_, contrast_start(o));
    }
  }

  bool doubtful(const Occurrence& o) const noexcept {
    return (doubt_ & bit(o.sentence)) || (questions_ & bit(o.clause));
  }

  // Where the last contrast begins in the text, or -1.
  int contrast_at() const noexcept { return contrast_at_; }

  bool negated(std::size_t i) const noexcept {
    if (!s_.cues) return false;
    if (!(known_[i / 64] & (1ull << (i % 64)))) {
      known_[i / 64] |= 1ull << (i % 64);
      if (compute_negated(s_.occ[i])) negated_[i / 64] |= 1ull << (i % 64);
    }
    return negated_[i / 64] & (1ull << (i % 64));
  }

 private:
  // Where the contrast a contrast occurrence completes begins, or -1 when it completes none:
  // a one-part pattern by itself; the second part when the first ends before it in the same
  // clause ("我开亲属证明是…"), from the last such first part.
  int contrast_start(const Occurrence& o) const noexcept {
    if (o.tag->slot == 1) return o.begin;
    if (o.tag->part != 1) return -1;
    int start = -1;
    for (std::size_t i = 0; i < s_.count; ++i) {
      const Occurrence& p = s_.occ[i];
      if (p.tag->kind == Kind::contrast && p.tag->pattern == o.tag->pattern && p.tag->part == 0 &&
          p.clause == o.clause && p.end <= o.begin)
        start = std::max(start, static_cast<int>(p.begin));
    }
    return start;
  }

  // Sentences (clauses) past the 63rd share the last bit: a word there is doubtful if any of
  // them is.
  static std::uint64_t bit(std::uint16_t n) noexcept { return 1ull << (n < 63 ? n : 63); }

  // A cue that overlaps a word, a hint, a look-alike or a doubt word is not a cue.
  bool is_live_cue(const Occurrence& q) const noexcept {
    for (std::size_t i = 0; i < s_.count; ++i) {
      const Occurrence& o = s_.occ[i];
      if (&o == &q || o.clause != q.clause) continue;
      const Kind k = o.tag->kind;
      if ((k == Kind::word || k == Kind::hint || k == Kind::look_alike || k == Kind::doubt) && overlaps(o, q)) return false;
    }
    return true;
  }

  bool is_live_reset(const Occurrence& r) const noexcept {
    for (std::size_t i = 0; i < s_.count; ++i) {
      const Occurrence& o = s_.occ[i];
      if (o.clause != r.clause || &o == &r) continue;
      const Kind k = o.tag->kind;
      if ((is_cue(k) || k == Kind::doubt || k == Kind::word || k == Kind::hint) && overlaps(o, r)) return false;
    }
    return true;
  }

  bool reset_between(std::uint16_t clause, std::uint16_t from, std::uint16_t to) const noexcept {
    for (std::size_t i = 0; i < s_.count; ++i) {
      const Occurrence& r = s_.occ[i];
      if (r.clause == clause && r.tag->kind == Kind::reset && r.begin >= from && r.end <= to && is_live_reset(r))
        return true;
    }
    return false;
  }

  bool compute_negated(const Occurrence& o) const noexcept {
    for (std::size_t i = 0; i < s_.count; ++i) {
      const Occurrence& q = s_.occ[i];
      if (q.clause != o.clause || !is_cue(q.tag->kind)) continue;
      bool reaches = false;
      switch (q.tag->kind) {
        case Kind::negation_before: reaches = q.end <= o.begin && !reset_between(o.clause, q.end, o.begin); break;
        case Kind::negation_adjacent: reaches = q.end == o.begin; break;
        case Kind::negation_after: reaches = q.begin >= o.end && !reset_between(o.clause, o.end, q.begin); break;
        default: break;
      }
      if (reaches && is_live_cue(q)) return true;
    }
    return false;
  }

  static constexpr std::size_t kWords = (kMaxOccurrences + 63) / 64;
  const Scan& s_;
  std::uint64_t doubt_ = 0;      // by sentence
  std::uint64_t questions_ = 0;  // by clause
  int contrast_at_ = -1;
  mutable std::uint64_t known_[kWords] = {};
  mutable std::uint64_t negated_[kWords] = {};
};

// The reading of one carve-out from the occurrences of one scan: a table of the best state of
// each pattern part per sentence, filled in one pass over the occurrences.
class Reader {
 public:
  Reader(const Scan& s, const ScanFacts& facts, std::uint8_t scenario, const Scenario& sc)
      : s_(s), facts_(facts), scenario_(scenario), sc_(sc) {}

  PurposeReading read() {
    PurposeReading r;
    r.carve_out = sc_.carve_out;
    find_look_alikes(r);
    bool matched = false, possible = false, doubtful = false, negated = false;
    std::array<std::string_view, 2> matched_evidence{}, possible_evidence{};
    int last_at = -1;  // where the carve-out is last stated plainly (see pattern_state)
    for (std::uint16_t sentence = 0; sentence < s_.sentences; ++sentence) {
      if (!fill(sentence)) continue;
      for (const Pattern& p : sc_.words) {
        std::array<std::string_view, 2> ev{};
        int at = -1;
        const State st = pattern_state(p, word_, ev, &at);
        if (st == kNegated) negated = true;
        if (st == kPlain && !s_.overflow) {
          if (!matched) matched_evidence = ev;
          matched = true;
          last_at = std::max(last_at, at);
        } else if (st == kPlain || st == kDoubtful) {  // doubt, or too much text to be sure
          if (!possible) possible_evidence = ev;
          possible = true;
          doubtful = true;
        }
      }
      for (const Pattern& p : sc_.hints) {
        std::array<std::string_view, 2> ev{};
        const State st = pattern_state(p, hint_, ev, nullptr);
        if (st == kNegated) negated = true;
        if (st != kPlain && st != kDoubtful) continue;
        if (!possible) possible_evidence = ev;
        possible = true;
      }
    }
    if (matched) {
      // Stated plainly, it is matched — unless the purpose also says it is not ("朋友在公证处
      // 上班，他说我这事不用公证"), or goes on, after it, to give another purpose as the
      // requester's own ("同事的结婚档案丢了，我这是购房资格审核", or with no comma: "房子过户
      // 的事我弟在弄 我来开这个是给我妈申请高龄补贴"): then it is only possible, and the clerk
      // is asked.
      const bool contrasted = facts_.contrast_at() > last_at;
      if (!negated_somewhere_ && !contrasted) {
        r.certainty = PurposeCertainty::matched;
        r.evidence = matched_evidence;
        return r;
      }
      r.certainty = PurposeCertainty::possible;
      r.evidence = matched_evidence;
      r.doubtful = true;
      return r;
    }
    if (possible) {
      r.certainty = PurposeCertainty::possible;
      r.evidence = possible_evidence;
      r.doubtful = doubtful;
    } else {
      r.negated = negated;
    }
    return r;
  }

 private:
  using State = std::uint8_t;
  static constexpr State kAbsent = 0, kNegated = 1, kDoubtful = 2, kPlain = 3;

  struct Best {
    SlotSet present;  // parts with an occurrence; state and occ are set only for these
    State state[kMaxParts];
    const Occurrence* occ[kMaxParts];
    std::uint16_t last[kMaxParts];  // where the last occurrence in that state begins
  };

  bool mine(const Occurrence& o) const noexcept { return o.tag->scenario == scenario_; }

  // Look-alikes present in full (every part in one clause: they are local phrases such as
  // 结婚证丢了, 收养流浪猫) void what they overlap.
  void find_look_alikes(PurposeReading& r) {
    if (sc_.look_alikes.empty()) return;
    bool any = false;
    for (std::size_t i = 0; i < s_.count && !any; ++i)
      any = s_.occ[i].tag->kind == Kind::look_alike && mine(s_.occ[i]);
    if (!any) return;
    for (std::uint16_t clause = 0; clause < s_.clauses; ++clause) {
      const Occurrence* first[kMaxParts];
      std::fill(first, first + sc_.slots[2], nullptr);
      bool in_clause = false;
      for (std::size_t i = 0; i < s_.count; ++i) {
        const Occurrence& o = s_.occ[i];
        if (o.clause != clause || o.tag->kind != Kind::look_alike || !mine(o)) continue;
        if (!first[o.tag->slot]) first[o.tag->slot] = &o;
        in_clause = true;
      }
      if (!in_clause) continue;
      for (std::uint16_t p = 0; p < sc_.look_alikes.size(); ++p) {
        const Pattern& pat = sc_.look_alikes[p];
        bool all = true;
        for (std::uint8_t part = 0; part < pat.parts && all; ++part) all = first[pat.first + part] != nullptr;
        if (!all) continue;
        for (std::size_t i = 0; i < s_.count; ++i) {
          const Occurrence& o = s_.occ[i];
          if (o.clause == clause && o.tag->kind == Kind::look_alike && mine(o) && o.tag->pattern == p &&
              active_count_ < kMaxActive)
            active_[active_count_++] = &o;
        }
        if (r.look_alike[0].empty())
          for (std::size_t k = 0; k < r.look_alike.size() && k < pat.parts; ++k)
            r.look_alike[k] = first[pat.first + k]->entry->text;
      }
    }
  }

  bool voided(const Occurrence& o) const noexcept {
    for (std::size_t i = 0; i < active_count_; ++i)
      if (overlaps(o, *active_[i])) return true;
    return false;
  }

  // The best state of every word and hint part in `sentence`; false when there is none.
  bool fill(std::uint16_t sentence) {
    word_.present = SlotSet{};
    hint_.present = SlotSet{};
    bool any = false;
    for (std::size_t i = 0; i < s_.count; ++i) {
      const Occurrence& o = s_.occ[i];
      const Kind k = o.tag->kind;
      if (o.sentence != sentence || (k != Kind::word && k != Kind::hint) || !mine(o) || voided(o)) continue;
      Best& best = k == Kind::word ? word_ : hint_;
      const State st = facts_.negated(i) ? kNegated : facts_.doubtful(o) ? kDoubtful : kPlain;
      negated_somewhere_ = negated_somewhere_ || st == kNegated;
      const std::uint16_t slot = o.tag->slot;
      if (!best.present.test(slot) || st > best.state[slot]) {
        best.present.set(slot);
        best.state[slot] = st;
        best.occ[slot] = &o;
        best.last[slot] = o.begin;
      } else if (st == best.state[slot] && o.begin > best.last[slot]) {
        best.last[slot] = o.begin;
      }
      any = true;
    }
    return any;
  }

  // A pattern is as good as its worst part. `at`, when given, rises to where the whole pattern
  // is last stated — the earliest of its parts' last occurrences: in "不动产登记中心说不用开了，
  // 我现在是给养老院登记家属用" the contrast repeats 登记 alone, and the pattern 不动产+登记
  // stands before the contrast, not after it.
  static State pattern_state(const Pattern& p, const Best& best, std::array<std::string_view, 2>& evidence,
                             int* at) noexcept {
    if (!best.present.contains(p.slots)) return kAbsent;
    State worst = kPlain;
    int stated = std::numeric_limits<int>::max();
    for (std::uint8_t part = 0; part < p.parts; ++part) {
      worst = std::min(worst, best.state[p.first + part]);
      stated = std::min(stated, static_cast<int>(best.last[p.first + part]));
    }
    if (at) *at = std::max(*at, stated);
    for (std::size_t k = 0; k < evidence.size() && k < p.parts; ++k)
      evidence[k] = best.occ[p.first + k]->entry->text;
    return worst;
  }

  static constexpr std::size_t kMaxActive = 16;
  const Scan& s_;
  const ScanFacts& facts_;
  std::uint8_t scenario_;
  const Scenario& sc_;
  const Occurrence* active_[kMaxActive];
  std::size_t active_count_ = 0;
  Best word_, hint_;
  bool negated_somewhere_ = false;  // some word or hint of it was negated, in any sentence
                                    // (so whenever a pattern of it is)
};

// One character of prepared text: its code point (0 for a break or a non-Han character, which
// no slip spans) and where it starts.
struct SoundChar {
  char32_t c = 0;
  std::size_t at = 0, length = 0;
};

// The character at text[i] (prepared text is valid UTF-8).
SoundChar sound_char(std::string_view text, std::size_t i) noexcept {
  std::size_t next = i;
  char32_t c = 0;
  if (!detail::decode_utf8(text, next, c)) return SoundChar{0, i, 1};
  return SoundChar{detail::is_han(c) ? c : 0, i, next - i};
}

// Whether the characters of `text` from byte `at` are `alt` with exactly one character
// slipped: one that sounds the same (公正处 for 公证处), or, in a word of four characters or
// more, nearly the same (法律援组 for 法律援助: zu for zhu).
bool sounds_like(std::string_view text, std::size_t at, const SoundAlt& alt) noexcept {
  if (!alt.slips) return false;
  std::size_t slips = 0;
  std::size_t i = at;
  for (std::size_t k = 0; k < alt.chars.size(); ++k) {
    if (i >= text.size()) return false;
    const SoundChar ch = sound_char(text, i);
    if (ch.c == 0) return false;
    if (ch.c != alt.chars[k]) {
      if (++slips > 1) return false;
      if (alt.chars.size() < 4 ? detail::pinyin_index(ch.c) != alt.exact[k]
                               : detail::near_pinyin_class(ch.c) != alt.near[k])
        return false;
    }
    i += ch.length;
  }
  return slips == 1;
}

struct SoundHit {
  const SoundAlt* alt;
  std::uint16_t sentence;
};

// Words of the silent carve-outs typed in pinyin, wholly or in part ("去bu dong chan登记中心",
// "办理shouyang登记"): the purpose is spelled out (Han as their pinyin, letters as they are) and
// each word's pinyin looked for in it, counting only where some of it was typed as letters — so
// Han homophones (公正 for 公证) are left to the slip rule. Only purposes with letters pay.
void spelled_hits(const ItemTable& table, std::string_view text, std::uint32_t silent, SoundHit* hits,
                  std::size_t& count, std::size_t max) {
  std::size_t letters = 0;
  for (const char c : text) letters += (c >= 'a' && c <= 'z');
  if (letters < 4) return;
  std::string spelled;             // the purpose in pinyin
  std::vector<std::uint8_t> typed;  // per byte of it: 1 when typed as a letter
  std::vector<std::uint16_t> sentence_of;
  std::uint16_t sentence = 0;
  for (std::size_t i = 0; i < text.size();) {
    const SoundChar ch = sound_char(text, i);
    if (text[i] == kSentenceBreak) ++sentence;
    std::string_view piece;
    bool letter = false;
    if (ch.c != 0 && !detail::pinyin_syllable(ch.c).empty()) {
      piece = detail::pinyin_syllable(ch.c);
    } else if (ch.c == 0 && text[i] >= 'a' && text[i] <= 'z') {
      piece = text.substr(i, 1);
      letter = true;
    } else {
      piece = "|";  // nothing spans a break, a digit or a rare character
    }
    spelled += piece;
    typed.insert(typed.end(), piece.size(), letter ? 1 : 0);
    sentence_of.insert(sentence_of.end(), piece.size(), sentence);
    i += ch.length;
  }
  for (const SoundAlt& alt : table.sounds) {
    if (!(silent & (1u << alt.scenario)) || alt.spelled.size() < 4) continue;
    for (std::size_t at = spelled.find(alt.spelled); at != std::string::npos && count < max;
         at = spelled.find(alt.spelled, at + 1)) {
      if (std::find(typed.begin() + at, typed.begin() + at + alt.spelled.size(), 1) == typed.begin() + at + alt.spelled.size())
        continue;
      hits[count++] = SoundHit{&alt, sentence_of[at]};
      break;
    }
  }
}

// Reads slips of pinyin input for the carve-outs of which nothing was found: a pattern whose
// every part is in one sentence, stated or sounding like it, and at least one only sounding
// like it, makes its carve-out possible (docs/purpose.md, "Slips of the pen").
void read_slips(const ItemTable& table, std::string_view text, const Scan& s, PurposeReading* out, std::size_t n) {
  std::uint32_t silent = 0;
  for (std::size_t i = 0; i < n; ++i)
    if (!out[i].found()) silent |= 1u << i;
  if (!silent) return;
  constexpr std::size_t kMaxHits = 32;
  SoundHit hits[kMaxHits];
  std::size_t count = 0;
  std::uint16_t sentence = 0;
  SoundChar previous{};
  for (std::size_t i = 0; i < text.size() && count < kMaxHits;) {
    const SoundChar ch = sound_char(text, i);
    if (text[i] == kSentenceBreak) ++sentence;
    if (previous.c != 0 && ch.c != 0) {
      const std::uint32_t head = (std::uint32_t{detail::near_pinyin_class(previous.c)} << 16) |
                                 detail::near_pinyin_class(ch.c);
      auto it = std::lower_bound(table.sounds.begin(), table.sounds.end(), head,
                                 [](const SoundAlt& a, std::uint32_t h) { return a.head < h; });
      for (; it != table.sounds.end() && it->head == head && count < kMaxHits; ++it)
        if ((silent & (1u << it->scenario)) && sounds_like(text, previous.at, *it)) hits[count++] = SoundHit{&*it, sentence};
    }
    previous = ch;
    i += ch.length;
  }
  spelled_hits(table, text, silent, hits, count, kMaxHits);
  // A part of a pattern is present in a sentence when a slip of it, or the part itself, is there.
  const auto present = [&](const SoundAlt& a, std::uint8_t part, std::uint16_t in) {
    for (std::size_t h = 0; h < count; ++h)
      if (hits[h].sentence == in && hits[h].alt->scenario == a.scenario && hits[h].alt->kind == a.kind &&
          hits[h].alt->pattern == a.pattern && hits[h].alt->part == part)
        return true;
    for (std::size_t k = 0; k < s.count; ++k) {
      const Tag& t = *s.occ[k].tag;
      if (s.occ[k].sentence == in && t.kind == a.kind && t.scenario == a.scenario && t.pattern == a.pattern &&
          t.part == part)
        return true;
    }
    return false;
  };
  for (std::size_t h = 0; h < count; ++h) {
    const SoundAlt& a = *hits[h].alt;
    PurposeReading& r = out[a.scenario];
    if (r.certainty != PurposeCertainty::none) continue;
    const Scenario& sc = table.scenarios[a.scenario];
    const Pattern& p = (a.kind == Kind::word ? sc.words : sc.hints)[a.pattern];
    bool all = true;
    for (std::uint8_t part = 0; part < p.parts && all; ++part) all = present(a, part, hits[h].sentence);
    if (!all) continue;
    r.certainty = PurposeCertainty::possible;
    r.doubtful = true;
    r.slip = true;
    r.evidence = {a.text, {}};
  }
}

// The readings of the last purposes read on this thread, by matcher, item and text
// (text_memo.hpp). Platforms send the same few purposes again and again ("不动产登记",
// "银行贷款"); reading one is a pure function of the item and the text. Only short, already
// folded texts are kept (a sentence is read afresh).
struct CachedReadings {
  static constexpr std::size_t kMax = 3;
  std::size_t capacity = 0, n = 0;
  PurposeReading readings[kMax];
};
using ReadMemo = detail::TextMemo<CachedReadings, 256, 48>;  // about 90 KB a thread

std::size_t read_with(const ItemTable& table_ref, std::string_view purpose, PurposeReading* out, std::size_t capacity) {
  const ItemTable* table = &table_ref;
  // Only texts that needed no folding are cached, so a text equal to a cached one needs none
  // either: look it up before checking.
  if (table->matcher != 0 && ReadMemo::fits(purpose))
    if (const CachedReadings* hit = ReadMemo::of_this_thread().find(table->matcher, table->position, purpose);
        hit && hit->capacity == capacity) {
      for (std::size_t i = 0; i < hit->n; ++i) new (&out[i]) PurposeReading(hit->readings[i]);
      return hit->n;
    }
  std::string buffer;
  const std::string_view text = prepared(purpose, buffer);
  const bool cacheable = table->matcher != 0 && text.data() == purpose.data() && ReadMemo::fits(text);
  const std::size_t n = std::min(table->scenarios.size(), capacity);
  bool any = false;  // cues alone say nothing: most purposes name no carve-out at all
  Scan s;
  if (table->index.may_mention_carve_out(text)) {
    scan(table->index, text, s);
    for (std::size_t i = 0; i < s.count && !any; ++i) {
      const Kind k = s.occ[i].tag->kind;
      any = k == Kind::word || k == Kind::hint || k == Kind::look_alike;
    }
  }
  std::optional<ScanFacts> facts;
  if (any) facts.emplace(s);
  for (std::size_t i = 0; i < n; ++i) {  // `out` may be uninitialised storage: construct in place
    if (any) {
      new (&out[i]) PurposeReading(Reader(s, *facts, static_cast<std::uint8_t>(i), table->scenarios[i]).read());
    } else {
      new (&out[i]) PurposeReading();
      out[i].carve_out = table->scenarios[i].carve_out;
    }
  }
  if (!table->sounds.empty() && !s.overflow) read_slips(*table, text, s, out, n);
  if (cacheable && n <= CachedReadings::kMax) {
    CachedReadings& slot = ReadMemo::of_this_thread().claim(table->matcher, table->position, text);
    slot.capacity = capacity;
    slot.n = n;
    std::copy(out, out + n, slot.readings);
  }
  return n;
}

// Points a reading's words, which point into tables about to go, at the same words in its
// carve-out's own strings (the item's, which the reading already refers to); a word folding
// changed, found nowhere there, is dropped.
void rebase_words(PurposeReading& r) {
  const CarveOut& co = *r.carve_out;
  const auto rebase = [&](std::string_view& w) {
    if (w.empty()) return;
    const auto in = [&](const std::string& s) {
      const std::size_t at = s.find(w);
      if (at == std::string::npos) return false;
      w = std::string_view(s).substr(at, w.size());
      return true;
    };
    if (in(co.scenario) || in(co.text)) return;
    for (const auto* list : {&co.words, &co.hints, &co.look_alikes})
      for (const std::string& s : *list)
        if (in(s)) return;
    w = {};
  };
  for (std::string_view& w : r.evidence) rebase(w);
  for (std::string_view& w : r.look_alike) rebase(w);
}

}  // namespace

const char* to_string(PurposeCertainty v) noexcept { return kCertaintyNames.name(v); }
std::optional<PurposeCertainty> purpose_certainty_from_string(std::string_view s) noexcept {
  return kCertaintyNames.parse(s);
}

const PurposeVocabulary& PurposeVocabulary::embedded_default() {
  static const PurposeVocabulary v =
      parse_purpose_vocabulary(detail::embedded_file("purpose/vocabulary.json"), "embedded:purpose/vocabulary.json");
  return v;
}

struct PurposeMatcher::Tables {
  std::uint64_t id;              // unique among all matchers ever built (ReadMemo keys)
  std::vector<ItemTable> items;  // items with carve-outs, in catalog order
  Index vocabulary;              // the vocabulary alone (community matters)
  bool scenario_only = false;
  PurposeVocabulary vocab;       // kept for items compiled on demand

  Tables(const std::vector<Item>& list, bool scenario_only_in, const PurposeVocabulary& v)
      : id(detail::memo_owner_id()), scenario_only(scenario_only_in), vocab(v) {
    for (const Item& item : list)
      if (!item.carve_outs.empty()) {
        items.push_back(compile(item));
        items.back().matcher = id;
        items.back().position = items.size() - 1;
      }
    add_vocabulary(vocabulary, vocab, true);
    vocabulary.build();
  }


  // An item's tables; `matcher` stays 0 (never cached) unless the constructor sets it.
  ItemTable compile(const Item& item) const {
    ItemTable t;
    t.item = &item;
    const std::size_t n = std::min(item.carve_outs.size(), kMaxScenarios);
    for (std::size_t si = 0; si < n; ++si) {
      const CarveOut& co = item.carve_outs[si];
      Scenario sc;
      sc.carve_out = &co;
      const std::vector<std::string> scenario_name{co.scenario};
      const std::pair<Kind, const std::vector<std::string>*> lists[] = {
          {Kind::word, scenario_only ? &scenario_name : &co.words},
          {Kind::hint, &co.hints},
          {Kind::look_alike, &co.look_alikes}};
      const auto add_pattern = [&](Kind kind, const std::vector<std::vector<std::string>>& parts) {
        const int k = kind == Kind::word ? 0 : kind == Kind::hint ? 1 : 2;
        if (parts.empty() || parts.size() > 8 || sc.slots[k] + parts.size() > kMaxParts) return;
        std::vector<Pattern>& out = k == 0 ? sc.words : k == 1 ? sc.hints : sc.look_alikes;
        const auto pattern = static_cast<std::uint16_t>(out.size());
        Pattern pat{static_cast<std::uint8_t>(parts.size()), sc.slots[k], {}};
        for (std::size_t part = 0; part < parts.size(); ++part) pat.slots.set(sc.slots[k] + part);
        out.push_back(pat);
        for (std::size_t part = 0; part < parts.size(); ++part)
          for (const std::string& alt : parts[part]) {
            t.index.add(alt, Tag{kind, static_cast<std::uint8_t>(si), pattern, static_cast<std::uint8_t>(part),
                                 static_cast<std::uint16_t>(sc.slots[k] + part)});
            SoundAlt sound;
            if (kind != Kind::look_alike && sound_of(alt, sound)) {
              sound.kind = kind;
              sound.scenario = static_cast<std::uint8_t>(si);
              sound.part = static_cast<std::uint8_t>(part);
              sound.pattern = pattern;
              t.sounds.push_back(std::move(sound));
            }
          }
        sc.slots[k] = static_cast<std::uint16_t>(sc.slots[k] + parts.size());
      };
      for (const auto& [kind, patterns] : lists) {
        if (scenario_only && kind == Kind::hint) continue;
        for (const std::string& text : *patterns) add_pattern(kind, split_pattern(text));
      }
      // The scenario name always states the scenario (any_word reads it besides its words).
      if (!scenario_only) {
        std::string name = folded(co.scenario);
        if (!name.empty()) add_pattern(Kind::word, {{std::move(name)}});
      }
      t.scenarios.push_back(std::move(sc));
    }
    add_vocabulary(t.index, vocab, false);
    t.index.build();
    std::stable_sort(t.sounds.begin(), t.sounds.end(),
                     [](const SoundAlt& a, const SoundAlt& b) { return a.head < b.head; });
    return t;
  }

  const ItemTable* find(const Item& item) const noexcept {
    for (const ItemTable& t : items)
      if (t.item == &item) return &t;
    return nullptr;
  }
};

PurposeMatcher::PurposeMatcher(const Catalog& catalog, const PurposeVocabulary& vocabulary)
    : tables_(std::make_shared<const Tables>(
          catalog.items(), catalog.settings().carve_out_matching == CarveOutMatching::scenario, vocabulary)) {}

PurposeMatcher::PurposeMatcher(const std::vector<Item>& items, bool scenario_only, const PurposeVocabulary& vocabulary)
    : tables_(std::make_shared<const Tables>(items, scenario_only, vocabulary)) {}

std::size_t PurposeMatcher::read(const Item& item, std::string_view purpose, PurposeReading* out,
                                 std::size_t capacity) const {
  if (item.carve_outs.empty() || capacity == 0) return 0;
  const ItemTable* table = tables_->find(item);
  if (!table) {  // an item the matcher was not built for: compiled now
    const ItemTable own = tables_->compile(item);
    const std::size_t n = read_with(own, purpose, out, capacity);
    for (std::size_t i = 0; i < n; ++i) rebase_words(out[i]);  // `own` goes now
    return n;
  }
  return read_with(*table, purpose, out, capacity);
}


std::vector<PurposeReading> PurposeMatcher::read(const Item& item, std::string_view purpose) const {
  std::vector<PurposeReading> out(std::min(item.carve_outs.size(), kMaxScenarios));
  out.resize(read(item, purpose, out.data(), out.size()));
  return out;
}

bool PurposeMatcher::is_community_matter(std::string_view text) const {
  std::string buffer;
  const std::string_view prepared_text = prepared(text, buffer);
  Scan s;
  scan(tables_->vocabulary, prepared_text, s);
  for (std::size_t i = 0; i < s.count; ++i) {
    const Occurrence& o = s.occ[i];
    if (o.tag->kind != Kind::community) continue;
    bool negated = false;
    for (std::size_t j = 0; j < s.count && !negated; ++j) {
      const Occurrence& q = s.occ[j];
      if (q.clause != o.clause) continue;
      negated = (q.tag->kind == Kind::negation_before && q.end <= o.begin) ||
                (q.tag->kind == Kind::negation_adjacent && q.end == o.begin) ||
                (q.tag->kind == Kind::negation_after && q.begin >= o.end);
    }
    if (!negated) return true;
  }
  return false;
}

}  // namespace jianzheng

// The purpose recogniser (purpose.hpp, docs/purpose.md). At construction every word, hint and
// look-alike of every carve-out, and every word of the vocabulary, is folded once and put in
// one index per item: entries sorted by their bytes, found by their first character through a
// small open-addressing table. A purpose is scanned once, character by character; each entry
// found is an occurrence (what it is, where, in which sentence and clause). The readings are
// then decided from the occurrences alone: look-alikes void what they cover, cues negate or
// cast doubt within their clause (，、 end one), and a pattern's parts must all be present in
// one sentence (。；！？ end one) — "分房产，办过户" states 不动产登记 across a comma.
// Text that is already folded (plain Simplified Han, a–z, 0–9 — what platforms send) is
// scanned in place with no allocation; anything else is split and folded piece by piece.
#include "jianzheng/purpose.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "embedded_data.hpp"
#include "enum_names.hpp"
#include "jianzheng/catalog.hpp"
#include "jianzheng/error.hpp"
#include "text/text.hpp"

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
  negation_before, negation_adjacent, negation_after, reset, doubt, community,  // vocabulary
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
};

struct Entry {
  std::string text;  // folded UTF-8
  std::vector<Tag> tags;
};

// A pattern: how many parts it has.
struct Pattern {
  std::uint8_t parts = 0;
};

struct Scenario {
  const CarveOut* carve_out = nullptr;
  std::vector<Pattern> words, hints, look_alikes;
};

// The bytes of the UTF-8 character at `s[i]`, packed (up to four), and its length.
inline std::uint32_t char_key(std::string_view s, std::size_t i, std::size_t* length) noexcept {
  const auto b0 = static_cast<unsigned char>(s[i]);
  std::size_t n = b0 < 0x80 ? 1 : (b0 & 0xE0) == 0xC0 ? 2 : (b0 & 0xF0) == 0xE0 ? 3 : 4;
  if (i + n > s.size()) n = s.size() - i;
  std::uint32_t key = 0;
  for (std::size_t k = 0; k < n; ++k) key = (key << 8) | static_cast<unsigned char>(s[i + k]);
  *length = n;
  return key;
}

// The indexed strings of one item (or of the vocabulary alone), by first character.
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
    std::sort(entries_.begin(), entries_.end(), [](const Entry& a, const Entry& b) { return a.text < b.text; });
    std::size_t size = 16;
    while (size < entries_.size() * 4) size *= 2;
    slots_.assign(size, Slot{});
    for (std::size_t i = 0; i < entries_.size();) {
      std::size_t n = 0;
      const std::uint32_t key = char_key(entries_[i].text, 0, &n);
      std::size_t j = i + 1;
      while (j < entries_.size()) {
        std::size_t m = 0;
        if (char_key(entries_[j].text, 0, &m) != key) break;
        ++j;
      }
      std::size_t h = hash(key) & (slots_.size() - 1);
      while (slots_[h].key != 0) h = (h + 1) & (slots_.size() - 1);
      slots_[h] = Slot{key, static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j)};
      i = j;
    }
  }

  // The entries beginning with the character `key`: [first, last).
  std::pair<const Entry*, const Entry*> starting_with(std::uint32_t key) const noexcept {
    std::size_t h = hash(key) & (slots_.size() - 1);
    while (slots_[h].key != 0) {
      if (slots_[h].key == key) return {entries_.data() + slots_[h].first, entries_.data() + slots_[h].last};
      h = (h + 1) & (slots_.size() - 1);
    }
    return {nullptr, nullptr};
  }

 private:
  struct Slot {
    std::uint32_t key = 0;  // packed UTF-8 of the first character; 0 = empty
    std::uint32_t first = 0, last = 0;
  };
  static std::size_t hash(std::uint32_t key) noexcept { return (key * 2654435761u) >> 7; }

  std::vector<Entry> entries_;
  std::vector<Slot> slots_;
};

struct ItemTable {
  const Item* item = nullptr;
  std::vector<Scenario> scenarios;
  Index index;
};

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
      {Kind::doubt, &v.doubt},                     {Kind::community, &v.community}};
  for (const auto& [kind, words] : lists)
    if (kind != Kind::community || community)
      for (const std::string& w : *words) index.add(folded(w), Tag{kind, 0, 0, 0});
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

// Prepared text separates sentences with '\n' and clauses with ',' (folding drops both, so
// neither occurs inside a piece).
constexpr char kSentenceBreak = '\n';
constexpr char kClauseBreak = ',';

struct Scan {
  Occurrence occ[kMaxOccurrences];
  std::size_t count = 0;
  std::uint16_t clauses = 1, sentences = 1;
  bool overflow = false;
};

bool overlaps(const Occurrence& a, const Occurrence& b) noexcept { return a.begin < b.end && b.begin < a.end; }

void scan(const Index& index, std::string_view text, Scan& s) {
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == kSentenceBreak || text[i] == kClauseBreak) {
      ++s.clauses;
      if (text[i] == kSentenceBreak) ++s.sentences;
      ++i;
      continue;
    }
    std::size_t n = 0;
    const std::uint32_t key = char_key(text, i, &n);
    const auto [first, last] = index.starting_with(key);
    for (const Entry* e = first; e != last; ++e) {
      if (e->text.size() > text.size() - i || std::memcmp(e->text.data(), text.data() + i, e->text.size()) != 0)
        continue;
      for (const Tag& t : e->tags) {
        if (s.count == kMaxOccurrences) {
          s.overflow = true;
          return;
        }
        s.occ[s.count++] = Occurrence{e, &t, static_cast<std::uint16_t>(i),
                                      static_cast<std::uint16_t>(i + e->text.size()),
                                      static_cast<std::uint16_t>(s.clauses - 1),
                                      static_cast<std::uint16_t>(s.sentences - 1)};
      }
    }
    i += n;
  }
}

// What ends a sentence (。；！？ and their ASCII and half-width forms, line breaks) or a
// clause (，、 and ASCII ,) at s[i]: its length in bytes, and whether it ends a sentence.
std::size_t separator_length(std::string_view s, std::size_t i, bool* sentence) noexcept {
  const char c = s[i];
  *sentence = c != ',';
  if (c == ',' || c == '.' || c == ';' || c == '!' || c == '?' || c == '\n' || c == '\r') return 1;
  static constexpr const char* kSentence[] = {"\xE3\x80\x82", "\xEF\xBC\x9B", "\xEF\xBC\x81",
                                              "\xEF\xBC\x9F", "\xEF\xBD\xA1"};  // 。；！？｡
  static constexpr const char* kClause[] = {"\xEF\xBC\x8C", "\xE3\x80\x81"};    // ，、
  if (static_cast<unsigned char>(c) < 0xE0 || i + 3 > s.size()) return 0;
  for (const char* w : kSentence)
    if (std::memcmp(s.data() + i, w, 3) == 0) return 3;
  *sentence = false;
  for (const char* w : kClause)
    if (std::memcmp(s.data() + i, w, 3) == 0) return 3;
  return 0;
}

// The purpose folded piece by piece, sentences joined by kSentenceBreak and clauses by
// kClauseBreak.
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

// The reading of one carve-out from the occurrences of one scan.
class Reader {
 public:
  Reader(const Scan& s, std::uint8_t scenario, const Scenario& sc) : s_(s), scenario_(scenario), sc_(sc) {}

  PurposeReading read() {
    PurposeReading r;
    r.carve_out = sc_.carve_out;
    find_look_alikes(r);
    bool possible = false, doubtful = false, negated = false;
    std::array<std::string_view, 2> possible_evidence{};
    for (std::uint16_t sentence = 0; sentence < s_.sentences; ++sentence) {
      for (std::uint16_t p = 0; p < sc_.words.size(); ++p) {
        std::array<std::string_view, 2> ev{};
        const State st = pattern_state(sentence, Kind::word, p, sc_.words[p].parts, ev);
        if (st == State::negated) negated = true;
        if (st == State::plain && !s_.overflow) {
          r.certainty = PurposeCertainty::matched;
          r.evidence = ev;
          return r;
        }
        if (st == State::plain || st == State::doubtful) {  // doubt, or too much text to be sure
          if (!possible) possible_evidence = ev;
          possible = true;
          doubtful = true;
        }
      }
      for (std::uint16_t p = 0; p < sc_.hints.size(); ++p) {
        std::array<std::string_view, 2> ev{};
        const State st = pattern_state(sentence, Kind::hint, p, sc_.hints[p].parts, ev);
        if (st == State::negated) negated = true;
        if (st != State::plain && st != State::doubtful) continue;
        if (!possible) possible_evidence = ev;
        possible = true;
      }
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
  enum class State { absent, negated, doubtful, plain };

  bool mine(const Occurrence& o, Kind k) const noexcept { return o.tag->kind == k && o.tag->scenario == scenario_; }

  bool clause_has(std::uint16_t clause, Kind k) const noexcept {
    for (std::size_t i = 0; i < s_.count; ++i)
      if (s_.occ[i].clause == clause && s_.occ[i].tag->kind == k) return true;
    return false;
  }

  // Look-alikes present in full (every part in one clause: they are local phrases such as
  // 结婚证丢了, 收养流浪猫) void what they overlap.
  void find_look_alikes(PurposeReading& r) {
    for (std::uint16_t clause = 0; clause < s_.clauses; ++clause)
      for (std::uint16_t p = 0; p < sc_.look_alikes.size(); ++p) {
        const std::uint8_t parts = sc_.look_alikes[p].parts;
        std::array<const Occurrence*, 2> first{};
        bool all = parts > 0;
        for (std::uint8_t part = 0; part < parts && all; ++part) {
          const Occurrence* found = nullptr;
          for (std::size_t i = 0; i < s_.count && !found; ++i) {
            const Occurrence& o = s_.occ[i];
            if (o.clause == clause && mine(o, Kind::look_alike) && o.tag->pattern == p && o.tag->part == part)
              found = &o;
          }
          if (part < first.size()) first[part] = found;
          all = found != nullptr;
        }
        if (!all) continue;
        for (std::size_t i = 0; i < s_.count; ++i) {
          const Occurrence& o = s_.occ[i];
          if (o.clause != clause || !mine(o, Kind::look_alike) || o.tag->pattern != p) continue;
          if (active_count_ < kMaxActive) active_[active_count_++] = &o;
        }
        if (r.look_alike[0].empty())
          for (std::size_t k = 0; k < first.size(); ++k)
            if (first[k]) r.look_alike[k] = first[k]->entry->text;
      }
  }

  bool voided(const Occurrence& o) const noexcept {
    for (std::size_t i = 0; i < active_count_; ++i)
      if (overlaps(o, *active_[i])) return true;
    return false;
  }

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
      if ((is_cue(o.tag->kind) || o.tag->kind == Kind::doubt || o.tag->kind == Kind::word || o.tag->kind == Kind::hint) &&
          overlaps(o, r))
        return false;
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

  bool is_negated(const Occurrence& o) const noexcept {
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

  // Whether pattern `p` of kind `k` is present in `sentence`: every part has an occurrence
  // not voided by a look-alike. Plain when every part has one that is neither negated nor
  // in a clause of doubt; doubtful when every part has one that is not negated; else negated.
  State pattern_state(std::uint16_t sentence, Kind k, std::uint16_t p, std::uint8_t parts,
                      std::array<std::string_view, 2>& evidence) const noexcept {
    if (parts == 0) return State::absent;
    State worst = State::plain;
    for (std::uint8_t part = 0; part < parts; ++part) {
      State best = State::absent;
      for (std::size_t i = 0; i < s_.count && best != State::plain; ++i) {
        const Occurrence& o = s_.occ[i];
        if (o.sentence != sentence || !mine(o, k) || o.tag->pattern != p || o.tag->part != part || voided(o)) continue;
        State st = State::negated;
        if (!is_negated(o)) st = clause_has(o.clause, Kind::doubt) ? State::doubtful : State::plain;
        if (st > best) {
          best = st;
          if (part < evidence.size()) evidence[part] = o.entry->text;
        }
      }
      if (best == State::absent) return State::absent;
      if (best < worst) worst = best;
    }
    return worst;
  }

  static constexpr std::size_t kMaxActive = 16;
  const Scan& s_;
  std::uint8_t scenario_;
  const Scenario& sc_;
  const Occurrence* active_[kMaxActive] = {};
  std::size_t active_count_ = 0;
};

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
  std::vector<ItemTable> items;  // items with carve-outs, in catalog order
  Index vocabulary;              // the vocabulary alone (community matters)
  bool scenario_only = false;
  PurposeVocabulary vocab;       // kept for items compiled on demand

  Tables(const std::vector<Item>& list, bool scenario_only_in, const PurposeVocabulary& v)
      : scenario_only(scenario_only_in), vocab(v) {
    for (const Item& item : list)
      if (!item.carve_outs.empty()) items.push_back(compile(item));
    add_vocabulary(vocabulary, vocab, true);
    vocabulary.build();
  }

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
      for (const auto& [kind, patterns] : lists) {
        if (scenario_only && kind == Kind::hint) continue;
        std::vector<Pattern>& out = kind == Kind::word ? sc.words : kind == Kind::hint ? sc.hints : sc.look_alikes;
        for (const std::string& text : *patterns) {
          const auto parts = split_pattern(text);
          if (parts.empty() || parts.size() > 8) continue;
          const auto pattern = static_cast<std::uint16_t>(out.size());
          out.push_back(Pattern{static_cast<std::uint8_t>(parts.size())});
          for (std::size_t part = 0; part < parts.size(); ++part)
            for (const std::string& alt : parts[part])
              t.index.add(alt, Tag{kind, static_cast<std::uint8_t>(si), pattern, static_cast<std::uint8_t>(part)});
        }
      }
      // The scenario name always states the scenario (any_word reads it besides its words).
      if (!scenario_only) {
        const std::string name = folded(co.scenario);
        if (!name.empty()) {
          const auto pattern = static_cast<std::uint16_t>(sc.words.size());
          sc.words.push_back(Pattern{1});
          t.index.add(name, Tag{Kind::word, static_cast<std::uint8_t>(si), pattern, 0});
        }
      }
      t.scenarios.push_back(std::move(sc));
    }
    add_vocabulary(t.index, vocab, false);
    t.index.build();
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
  const Tables& t = *tables_;
  const ItemTable* table = t.find(item);
  std::optional<ItemTable> own;  // an item the matcher was not built for: compiled now
  if (!table) {
    own = t.compile(item);
    table = &*own;
  }
  std::string buffer;
  const std::string_view text = prepared(purpose, buffer);
  Scan s;
  scan(table->index, text, s);
  const std::size_t n = std::min(table->scenarios.size(), capacity);
  for (std::size_t i = 0; i < n; ++i)
    out[i] = Reader(s, static_cast<std::uint8_t>(i), table->scenarios[i]).read();
  return n;
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

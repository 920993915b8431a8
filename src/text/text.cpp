// Folding and pinyin for names (see text.hpp). ICU is used for what needs Unicode data —
// NFKC with case folding, general categories, and the rare pinyin fallback — while the two
// per-character tables generated at build time do pinyin and Traditional → Simplified.
#include "text/text.hpp"

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <cstdint>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "jianzheng/error.hpp"
#include "text/utf8.hpp"

namespace jianzheng::detail {

// Written at build time by tools/gen/gen_text_tables.cpp; indexed by code point - 0x4E00.
extern const char* const kPinyinSyllables[];
extern const unsigned kPinyinSyllableCount;
extern const std::uint16_t kPinyinIndex[];
extern const std::uint16_t kSimplified[];

namespace {

constexpr char32_t kTableFirst = 0x4E00;
constexpr char32_t kTableLast = 0x9FFF;

bool in_table(char32_t c) noexcept { return c >= kTableFirst && c <= kTableLast; }

[[noreturn]] void bad_utf8(std::size_t at) {
  throw Error(ErrorCode::invalid_utf8, "text",
              "text is not valid UTF-8 (byte " + std::to_string(at) + ")");
}

// Strict UTF-8 decoding (text/utf8.hpp): the text comes from forms and platforms, and a
// name that is not text is bad input, not a non-match.
std::u32string decode(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  char32_t c = 0;
  for (std::size_t i = 0; i < s.size();) {
    if (!decode_utf8(s, i, c)) bad_utf8(i);
    out.push_back(c);
  }
  return out;
}

const icu::Normalizer2& nfkc_casefold() {
  // ICU's singletons are created once and are thread-safe for normalize().
  static const icu::Normalizer2* n = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* p = icu::Normalizer2::getNFKCCasefoldInstance(status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU NFKC_Casefold unavailable");
    return p;
  }();
  return *n;
}

const icu::Normalizer2& nfd() {
  static const icu::Normalizer2* n = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* p = icu::Normalizer2::getNFDInstance(status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU NFD unavailable");
    return p;
  }();
  return *n;
}

// Accented Latin letters (pinyin written with tone marks: "lǜ", "zhèng").
bool is_accented_latin(char32_t c) noexcept {
  return (c >= 0xC0 && c <= 0x24F) || (c >= 0x1E00 && c <= 0x1EFF);
}

// "ǜ" → "v", "è" → "e": the letter without its marks, ü as pinyin keyboards type it.
void append_unaccented(std::u32string& out, char32_t c) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString d = nfd().normalize(icu::UnicodeString(static_cast<UChar32>(c)), status);
  for (int32_t i = 0; i < d.length(); i = d.moveIndex32(i, 1)) {
    const UChar32 p = d.char32At(i);
    if (p == 0x0308 && !out.empty() && out.back() == U'u') {
      out.back() = U'v';
    } else if (u_getCombiningClass(p) == 0) {
      out.push_back(static_cast<char32_t>(u_foldCase(p, U_FOLD_CASE_DEFAULT)));
    }
  }
}

// What folding drops: punctuation (brackets and quotes included), symbols, separators
// (white space) and controls/format characters, by Unicode general category.
bool is_dropped(char32_t c) noexcept {
  switch (u_charType(static_cast<UChar32>(c))) {
    case U_SPACE_SEPARATOR: case U_LINE_SEPARATOR: case U_PARAGRAPH_SEPARATOR:
    case U_CONTROL_CHAR: case U_FORMAT_CHAR: case U_UNASSIGNED: case U_PRIVATE_USE_CHAR:
    case U_SURROGATE:
    case U_DASH_PUNCTUATION: case U_START_PUNCTUATION: case U_END_PUNCTUATION:
    case U_CONNECTOR_PUNCTUATION: case U_OTHER_PUNCTUATION: case U_INITIAL_PUNCTUATION:
    case U_FINAL_PUNCTUATION:
    case U_MATH_SYMBOL: case U_CURRENCY_SYMBOL: case U_MODIFIER_SYMBOL: case U_OTHER_SYMBOL:
    case U_NON_SPACING_MARK: case U_ENCLOSING_MARK: case U_COMBINING_SPACING_MARK:
      return true;
    default:
      return false;
  }
}

// Toneless form of ICU's Latin output (fallback path only).
std::string toneless(const icu::UnicodeString& latin) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString d = nfd().normalize(latin, status);
  std::string out;
  for (int32_t i = 0; i < d.length(); ++i) {
    UChar c = d.charAt(i);
    if (c == 0x0308) {
      if (!out.empty() && out.back() == 'u') out.back() = 'v';
      continue;
    }
    if (u_getCombiningClass(c) != 0) continue;
    if (c >= 'A' && c <= 'Z') c = static_cast<UChar>(c - 'A' + 'a');
    if (c < 'a' || c > 'z') return std::string();
    out += static_cast<char>(c);
  }
  return out;
}

// The fallback for Han characters outside U+4E00–U+9FFF: one Han-Latin transliterator,
// created on first need (~86 ms) and kept; ICU transliterators are not safe for concurrent
// use, so calls are serialised. Results are cached per character.
std::string fallback_syllable(char32_t c) {
  static std::mutex mutex;
  static std::unique_ptr<icu::Transliterator> han_latin;
  static std::unordered_map<char32_t, std::string> cache;
  std::lock_guard<std::mutex> lock(mutex);
  if (auto it = cache.find(c); it != cache.end()) return it->second;
  if (!han_latin) {
    UErrorCode status = U_ZERO_ERROR;
    han_latin.reset(icu::Transliterator::createInstance("Han-Latin", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) han_latin.reset();
  }
  std::string syllable;
  if (han_latin) {
    icu::UnicodeString s(static_cast<UChar32>(c));
    han_latin->transliterate(s);
    syllable = toneless(s);
  }
  cache.emplace(c, syllable);
  return syllable;
}

// Word readings where the per-character table gives the other reading of a character.
struct WordReading {
  std::u32string_view word;
  const char* syllables[2];
};
constexpr WordReading kWordReadings[] = {
    {U"银行", {"yin", "hang"}},
    {U"偿还", {"chang", "huan"}},
};

}  // namespace

bool is_han(char32_t c) noexcept {
  return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3134F);
}

bool is_plain_folded(std::string_view s) noexcept {
  for (std::size_t i = 0; i < s.size();) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) {
      if (!((b0 >= 'a' && b0 <= 'z') || (b0 >= '0' && b0 <= '9'))) return false;
      ++i;
      continue;
    }
    // Basic-block Han is three bytes, E4 80 80 (U+4E00) to E9 BF BF (U+9FFF).
    if (b0 < 0xE4 || b0 > 0xE9 || i + 2 >= s.size()) return false;
    const auto b1 = static_cast<unsigned char>(s[i + 1]), b2 = static_cast<unsigned char>(s[i + 2]);
    if ((b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80) return false;
    const char32_t c = (static_cast<char32_t>(b0 & 0x0F) << 12) | (static_cast<char32_t>(b1 & 0x3F) << 6) | (b2 & 0x3F);
    if (!in_table(c) || kSimplified[c - kTableFirst] != 0) return false;
    i += 3;
  }
  return true;
}

void warm_up() {
  nfkc_casefold();
  nfd();
  near_pinyin_class(U'证');
}

std::string to_utf8(std::u32string_view text) {
  std::string out;
  out.reserve(text.size() * 3);
  for (char32_t c : text) append_utf8(out, c);
  return out;
}

Folded fold(std::string_view utf8) {
  Folded result;
  std::u32string cps = decode(utf8);
  // Plain ASCII and basic-block Han are already NFKC: only other text pays for ICU.
  bool plain = true;
  for (char32_t c : cps)
    if (c >= 0x80 && !in_table(c)) {
      plain = false;
      break;
    }
  if (!plain) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeString folded =
        nfkc_casefold().normalize(icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(),
                                      static_cast<int32_t>(utf8.size()))), status);
    if (U_FAILURE(status)) bad_utf8(0);
    cps.clear();
    for (int32_t i = 0; i < folded.length(); i = folded.moveIndex32(i, 1))
      cps.push_back(static_cast<char32_t>(folded.char32At(i)));
  }
  result.text.reserve(cps.size());
  for (char32_t c : cps) {
    if (c < 0x80) {
      if (c >= 'A' && c <= 'Z') result.text.push_back(c - 'A' + 'a');
      else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) result.text.push_back(c);
      // other ASCII is punctuation, space or control: dropped
    } else if (in_table(c)) {
      if (const std::uint16_t s = kSimplified[c - kTableFirst]) {
        result.text.push_back(s);
        result.traditional = true;
      } else {
        result.text.push_back(c);
      }
    } else if (is_dropped(c)) {
      // dropped
    } else if (is_accented_latin(c)) {
      append_unaccented(result.text, c);
    } else {
      result.text.push_back(c);
    }
  }
  return result;
}

std::string_view pinyin_syllable(char32_t c) noexcept {
  if (!in_table(c)) return {};
  return kPinyinSyllables[kPinyinIndex[c - kTableFirst]];
}

std::uint16_t pinyin_index(char32_t c) noexcept {
  return in_table(c) ? kPinyinIndex[c - kTableFirst] : 0;
}

std::uint16_t near_pinyin_class(char32_t c) noexcept {
  // One class per syllable, computed once from the generated syllable table (413 entries).
  static const std::vector<std::uint16_t> classes = [] {
    std::vector<std::uint16_t> out(kPinyinSyllableCount, 0);
    std::unordered_map<std::string, std::uint16_t> ids;
    for (unsigned i = 1; i < kPinyinSyllableCount; ++i) {
      std::string s = kPinyinSyllables[i];
      if (s.size() >= 2 && s[1] == 'h' && (s[0] == 'z' || s[0] == 'c' || s[0] == 's')) s.erase(1, 1);
      if (s.size() >= 3 && s.compare(s.size() - 2, 2, "ng") == 0) s.erase(s.size() - 1);
      // lü typed as lu (录/绿, 律/路, 女/奴): the input method's v for ü is a common slip.
      if (s.size() >= 2 && (s[0] == 'l' || s[0] == 'n') && s[1] == 'v') s[1] = 'u';
      out[i] = ids.emplace(s, static_cast<std::uint16_t>(ids.size() + 1)).first->second;
    }
    return out;
  }();
  const std::uint16_t index = pinyin_index(c);
  return index ? classes[index] : 0;
}

std::string pinyin(std::u32string_view folded, bool initials_only) {
  std::string out;
  out.reserve(folded.size() * (initials_only ? 1 : 5));
  auto add = [&](std::string_view syllable) {
    if (syllable.empty()) return;
    if (initials_only) out += syllable.front();
    else out += syllable;
  };
  for (std::size_t i = 0; i < folded.size();) {
    bool word = false;
    for (const auto& w : kWordReadings) {
      if (folded.compare(i, w.word.size(), w.word) == 0) {
        for (const char* s : w.syllables) add(s);
        i += w.word.size();
        word = true;
        break;
      }
    }
    if (word) continue;
    const char32_t c = folded[i++];
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (in_table(c)) {
      add(kPinyinSyllables[kPinyinIndex[c - kTableFirst]]);
    } else if (is_han(c)) {
      add(fallback_syllable(c));
    }
  }
  return out;
}

}  // namespace jianzheng::detail

// Private text handling for names: the only place (with the other src/text files) that sees
// ICU. Folding makes the many spellings of one certificate name comparable — NFKC
// (full-width letters and digits, compatibility ideographs), case folding, white space,
// punctuation, brackets and symbols removed, Traditional → Simplified — and pinyin gives
// each Han character its toneless reading. Pinyin and T→S come from tables generated at
// build time by tools/gen/gen_text_tables.cpp (ICU Han-Latin and Traditional-Simplified),
// so a query never runs a transliterator. Everything here is thread-safe.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace jianzheng::detail {

/// A folded text: code points, plus what folding had to do.
struct Folded {
  std::u32string text;       ///< The folded code points.
  bool traditional = false;  ///< Some character was Traditional and became Simplified.
};

/// Folds UTF-8 text: NFKC with case folding, drops white space, punctuation (brackets and
/// quotes such as 《》“”（） included), symbols and controls, strips accents from Latin
/// letters (pinyin tone marks), and maps Traditional characters to Simplified.
/// Throws Error(invalid_utf8) for text that is not UTF-8.
Folded fold(std::string_view utf8);

/// Whether `utf8` is already folded and needs no work: valid UTF-8 made only of a–z, 0–9
/// and basic-block Han characters that folding keeps as they are (no Traditional form,
/// no punctuation, no space). fold() of such text gives back the same characters; callers
/// on a hot path (the purpose recogniser) skip folding for it. Never throws: invalid
/// UTF-8 is simply not plain.
bool is_plain_folded(std::string_view utf8) noexcept;

/// Loads ICU's normalisation data now (it is otherwise loaded by the first text that needs
/// it), so that building a matcher pays for it rather than its first query.
void warm_up();

/// UTF-8 of code points.
std::string to_utf8(std::u32string_view text);

/// Whether a code point is a CJK ideograph (the blocks the tables and names use).
bool is_han(char32_t c) noexcept;

/// The toneless pinyin of one Han character ("证" → "zheng", ü as "v"), or "" when the
/// table has none. Table lookup only: never creates a transliterator.
std::string_view pinyin_syllable(char32_t c) noexcept;

/// The index of a character's toneless reading in the generated syllable table (equal
/// indices: homophones), or 0 when the table has none.
std::uint16_t pinyin_index(char32_t c) noexcept;

/// A class of readings people confuse when typing pinyin (模糊音): zh/z, ch/c, sh/s, and
/// front/back nasals ang/an, eng/en, ing/in, and lü/lu, nü/nu (v typed for ü: 绿 for 录).
/// Equal classes: near-homophones (民 min, 明
/// ming). 0 when the character has no reading.
std::uint16_t near_pinyin_class(char32_t c) noexcept;

/// Pinyin of a folded text, one syllable per Han character, other characters kept (ASCII
/// letters and digits) — whole ("wufanzuijiluzhengming") or initials ("wfzjlzm"). A few
/// word readings override the per-character table where a character has several readings
/// (银行 yinhang, 偿还 changhuan). Characters outside the generated table fall back to one
/// lazily created, cached ICU Han-Latin transliterator, guarded by a mutex; this happens
/// only for rare characters in names a county adds, at matcher build time.
std::string pinyin(std::u32string_view folded, bool initials_only = false);

}  // namespace jianzheng::detail

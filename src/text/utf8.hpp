// Private: the one UTF-8 validator and decoder (no ICU). Every loader, the JSON escaper, the
// name folding and the C ABI check text through it, so "valid UTF-8" means the same thing
// everywhere: the well-formed byte sequences of Unicode Table 3-7 — no overlong forms, no
// surrogates (U+D800…U+DFFF), nothing past U+10FFFF.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace jianzheng::detail {

/// Length (1–4) of the well-formed UTF-8 sequence at the start of `s`, or 0 when the bytes
/// there are not one (a stray continuation byte, a truncated, overlong or surrogate
/// sequence, a value past U+10FFFF) or `s` is empty.
inline std::size_t utf8_sequence_length(std::string_view s) noexcept {
  if (s.empty()) return 0;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  const unsigned c = p[0];
  const auto cont = [&](std::size_t k, unsigned lo = 0x80, unsigned hi = 0xBF) {
    return k < n && p[k] >= lo && p[k] <= hi;
  };
  if (c < 0x80) return 1;
  if (c < 0xC2) return 0;  // continuation byte, or C0/C1 (always overlong)
  if (c < 0xE0) return cont(1) ? 2 : 0;
  if (c < 0xF0) {
    // E0: no overlongs (second byte A0…BF); ED: no surrogates (second byte 80…9F).
    const unsigned lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
    return cont(1, lo, hi) && cont(2) ? 3 : 0;
  }
  if (c < 0xF5) {
    // F0: no overlongs (90…BF); F4: nothing past U+10FFFF (80…8F).
    const unsigned lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
    return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/// Byte offset of the first byte that does not start a well-formed sequence, or npos when
/// all of `text` is valid UTF-8.
std::size_t find_invalid_utf8(std::string_view text) noexcept;

/// Whether all of `text` is valid UTF-8.
inline bool is_valid_utf8(std::string_view text) noexcept {
  return find_invalid_utf8(text) == std::string_view::npos;
}

/// Decodes the code point starting at text[i] and moves `i` past it. Returns false, leaving
/// `i` and `cp` alone, when the bytes there are not valid UTF-8 (or i is at the end).
bool decode_utf8(std::string_view text, std::size_t& i, char32_t& cp) noexcept;

/// Appends the UTF-8 encoding of `cp` (a Unicode scalar value; anything else becomes U+FFFD).
void append_utf8(std::string& out, char32_t cp);

/// The replacement character U+FFFD, which stands for bytes that are not UTF-8.
inline constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";

}  // namespace jianzheng::detail

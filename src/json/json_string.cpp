#include "json/json_string.hpp"

#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "text/utf8.hpp"

namespace jianzheng::detail {

namespace {

template <bool Check>
void append_escaped(std::string& out, std::string_view s) {
  static constexpr char hex[] = "0123456789abcdef";
  const char* const p = s.data();
  const std::size_t n = s.size();
  out += '"';
  std::size_t run = 0;  // start of the bytes not yet copied
  std::size_t i = 0;
  while (i < n) {
    // Sixteen (SSE2) or eight bytes at a time while no byte needs attention: a control
    // character, quote or backslash, and (when checking) any byte of a multi-byte sequence.
#if defined(__SSE2__)
    while (i + 16 <= n) {
      const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
      // Signed, bytes 0x80…0xFF are negative, so "< 0x20" flags them too; unsigned, only
      // the control characters.
      const __m128i low = Check ? _mm_cmplt_epi8(x, _mm_set1_epi8(0x20))
                                : _mm_cmpeq_epi8(_mm_min_epu8(x, _mm_set1_epi8(0x1F)), x);
      const __m128i quote = _mm_cmpeq_epi8(x, _mm_set1_epi8('"'));
      const __m128i backslash = _mm_cmpeq_epi8(x, _mm_set1_epi8('\\'));
      if (_mm_movemask_epi8(_mm_or_si128(low, _mm_or_si128(quote, backslash))) != 0) break;
      i += 16;
    }
#endif
    while (i + 8 <= n) {
      constexpr std::uint64_t ones = 0x0101010101010101ULL, high = 0x8080808080808080ULL;
      std::uint64_t x;
      std::memcpy(&x, p + i, 8);
      const auto zero = [&](std::uint64_t v) { return (v - ones) & ~v & high; };
      const std::uint64_t flagged =
          (Check ? x & high : 0) | ((x - ones * 0x20) & ~x & high) | zero(x ^ (ones * '"')) | zero(x ^ (ones * '\\'));
      if (flagged) break;
      i += 8;
    }
    // Byte by byte until the next clean block: multi-byte characters are checked here, one
    // sequence at a time (Han text is a run of three-byte sequences).
    const std::size_t stop = i + 16 < n ? i + 16 : n;
    while (i < stop) {
      const auto c = static_cast<unsigned char>(p[i]);
      if (Check && c >= 0x80) {
        const std::size_t len = utf8_sequence_length(std::string_view(p + i, n - i));
        if (len) {
          i += len;
          continue;
        }
        out.append(p + run, i - run);
        out += kReplacementCharacter;
        run = ++i;
        continue;
      }
      if (c >= 0x20 && c != '"' && c != '\\') {
        ++i;
        continue;
      }
      out.append(p + run, i - run);
      run = ++i;
      switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
          out += "\\u00";
          out += hex[c >> 4];
          out += hex[c & 0xF];
      }
    }
  }
  out.append(p + run, n - run);
  out += '"';
}

}  // namespace

void append_json_string(std::string& out, std::string_view s, Utf8Input input) {
  if (input == Utf8Input::valid)
    append_escaped<false>(out, s);
  else
    append_escaped<true>(out, s);
}

}  // namespace jianzheng::detail

#include "text/utf8.hpp"

#include <cstdint>
#include <cstring>

namespace jianzheng::detail {

std::size_t find_invalid_utf8(std::string_view s) noexcept {
  const std::size_t n = s.size();
  std::size_t i = 0;
  while (i < n) {
    // Eight ASCII bytes at a time: most of a data file is keys, digits and punctuation.
    while (i + 8 <= n) {
      std::uint64_t x;
      std::memcpy(&x, s.data() + i, 8);
      if (x & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= n) break;
    const std::size_t len = utf8_sequence_length(s.substr(i));
    if (len == 0) return i;
    i += len;
  }
  return std::string_view::npos;
}

bool decode_utf8(std::string_view s, std::size_t& i, char32_t& cp) noexcept {
  if (i >= s.size()) return false;
  const std::size_t len = utf8_sequence_length(s.substr(i));
  if (len == 0) return false;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data() + i);
  switch (len) {
    case 1: cp = p[0]; break;
    case 2: cp = (char32_t{p[0]} & 0x1Fu) << 6 | (p[1] & 0x3Fu); break;
    case 3: cp = (char32_t{p[0]} & 0x0Fu) << 12 | (char32_t{p[1]} & 0x3Fu) << 6 | (p[2] & 0x3Fu); break;
    default:
      cp = (char32_t{p[0]} & 0x07u) << 18 | (char32_t{p[1]} & 0x3Fu) << 12 |
           (char32_t{p[2]} & 0x3Fu) << 6 | (p[3] & 0x3Fu);
  }
  i += len;
  return true;
}

void append_utf8(std::string& out, char32_t c) {
  if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
    out += kReplacementCharacter;
  } else if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

}  // namespace jianzheng::detail

// The one UTF-8 validator and decoder (src/text/utf8.hpp): Unicode Table 3-7 exactly.
#include "text/utf8.hpp"

#include <catch2/catch.hpp>

#include <string>

using jianzheng::detail::append_utf8;
using jianzheng::detail::decode_utf8;
using jianzheng::detail::find_invalid_utf8;
using jianzheng::detail::is_valid_utf8;
using jianzheng::detail::utf8_sequence_length;

TEST_CASE("UTF-8: well-formed text of every length is valid", "[utf8]") {
  CHECK(is_valid_utf8(""));
  CHECK(is_valid_utf8("plain ASCII, longer than eight bytes"));
  CHECK(is_valid_utf8("\xC2\xA0 \xE5\xB1\x85\xE6\xB0\x91 \xF0\x9F\x98\x80"));  // NBSP, 居民, 😀
  CHECK(is_valid_utf8("\xED\x9F\xBF"));      // U+D7FF, just below the surrogates
  CHECK(is_valid_utf8("\xEE\x80\x80"));      // U+E000, just above them
  CHECK(is_valid_utf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF, the last scalar value
}

TEST_CASE("UTF-8: overlongs, surrogates, values past U+10FFFF and truncations are invalid at their first byte", "[utf8]") {
  CHECK(find_invalid_utf8("ab\xC0\xAF") == 2);               // overlong '/'
  CHECK(find_invalid_utf8("\xC1\xBF") == 0);                 // overlong
  CHECK(find_invalid_utf8("x\xE0\x9F\xBF") == 1);            // overlong three-byte form
  CHECK(find_invalid_utf8("\xF0\x8F\xBF\xBF") == 0);         // overlong four-byte form
  CHECK(find_invalid_utf8("12345678\xED\xA0\x80") == 8);     // U+D800 after an ASCII block
  CHECK(find_invalid_utf8("\xED\xBF\xBF") == 0);             // U+DFFF
  CHECK(find_invalid_utf8("\xF4\x90\x80\x80") == 0);         // U+110000
  CHECK(find_invalid_utf8("\xF5\x80\x80\x80") == 0);         // lead byte past F4
  CHECK(find_invalid_utf8("\x80") == 0);                     // stray continuation
  CHECK(find_invalid_utf8("\xE5\xB1") == 0);                 // truncated at the end
  CHECK(find_invalid_utf8("\xE5\xB1" "a") == 0);             // truncated before ASCII
  CHECK(find_invalid_utf8("\xFF") == 0);
  CHECK(utf8_sequence_length("") == 0);
}

TEST_CASE("UTF-8: decoding gives code points and stops at the first bad byte", "[utf8]") {
  const std::string s = "a\xC2\xA0\xE5\xB1\x85\xF0\x9F\x98\x80\xFF";
  std::size_t i = 0;
  char32_t cp = 0;
  REQUIRE(decode_utf8(s, i, cp));
  CHECK((cp == U'a' && i == 1));
  REQUIRE(decode_utf8(s, i, cp));
  CHECK((cp == 0xA0 && i == 3));
  REQUIRE(decode_utf8(s, i, cp));
  CHECK((cp == U'居' && i == 6));
  REQUIRE(decode_utf8(s, i, cp));
  CHECK((cp == 0x1F600 && i == 10));
  CHECK_FALSE(decode_utf8(s, i, cp));
  CHECK(i == 10);  // left where the bad byte is
  i = s.size();
  CHECK_FALSE(decode_utf8(s, i, cp));
}

TEST_CASE("UTF-8: encoding round-trips every scalar value and replaces the rest", "[utf8]") {
  for (char32_t c : {char32_t{0}, char32_t{0x7F}, char32_t{0x80}, char32_t{0x7FF}, char32_t{0x800},
                     char32_t{0xD7FF}, char32_t{0xE000}, char32_t{0xFFFF}, char32_t{0x10000},
                     char32_t{0x10FFFF}}) {
    std::string out;
    append_utf8(out, c);
    std::size_t i = 0;
    char32_t back = 0;
    REQUIRE(decode_utf8(out, i, back));
    CHECK(back == c);
    CHECK(i == out.size());
  }
  std::string bad;
  append_utf8(bad, 0xD800);
  append_utf8(bad, 0x110000);
  CHECK(bad == "\xEF\xBF\xBD\xEF\xBF\xBD");
}

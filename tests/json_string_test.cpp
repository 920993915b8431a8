// The one JSON string escaper (src/json/json_string.hpp): Boost.JSON's bytes, always valid.
#include "json/json_string.hpp"

#include <catch2/catch.hpp>

#include <boost/json.hpp>
#include <string>

using jianzheng::detail::append_json_string;
using jianzheng::detail::json_string;
using jianzheng::detail::Utf8Input;

TEST_CASE("JSON strings: the escaper writes what Boost.JSON's serializer writes", "[json]") {
  std::string all;
  for (int c = 0; c < 0x80; ++c) all += static_cast<char>(c);
  // Long runs, so both the 16-byte and the 8-byte paths see clean blocks and stops.
  const std::string samples[] = {
      "", "a", "\"\\", all, all + all,
      "居民办事事项涉及的相关部门可通过与民政部门、人民法院信息共享方式进行核对；\n第二行\t“引号”",
      std::string(33, 'x') + "\"" + std::string(17, 'y') + "\x01" + std::string(9, 'z'),
  };
  for (const std::string& s : samples) {
    const std::string boost = boost::json::serialize(boost::json::string(s));
    CHECK(json_string(s) == boost);
    std::string trusted;
    append_json_string(trusted, s, Utf8Input::valid);
    CHECK(trusted == boost);
  }
}

TEST_CASE("JSON strings: bytes that are not UTF-8 become U+FFFD, so the output always parses", "[json]") {
  CHECK(json_string("a\xFF" "b") == "\"a\xEF\xBF\xBD" "b\"");
  CHECK(json_string("\xE5\xB1") == "\"\xEF\xBF\xBD\xEF\xBF\xBD\"");       // truncated: one per byte
  CHECK(json_string("\xED\xA0\x80") == "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");  // a surrogate
  const std::string long_bad = std::string(20, 'a') + "\xC0\xAF" + std::string(20, 'b');
  const std::string out = json_string(long_bad);
  CHECK(boost::json::parse(out).as_string() == std::string(20, 'a') + "\xEF\xBF\xBD\xEF\xBF\xBD" + std::string(20, 'b'));
}

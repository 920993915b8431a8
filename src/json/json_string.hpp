// Private: the one JSON string escaper (no Boost needed, so the error writer and the C ABI
// use it too). Its bytes are those of Boost.JSON's serializer — `"` and `\` escaped, \b \f \n
// \r \t by name, other control characters as \u00xx, everything else as is — so text written
// directly and text written through a json::value compare equal. Bytes that are not UTF-8
// (possible only in a message quoting bad input, or in structures built in code) become
// U+FFFD: whatever goes in, the output is valid JSON and valid UTF-8.
#pragma once
#include <string>
#include <string_view>

namespace jianzheng::detail {

/// What the caller knows about the text.
enum class Utf8Input {
  check,  ///< Anything: bytes that are not UTF-8 become U+FFFD (the default).
  valid,  ///< Already known to be valid UTF-8 (text an engine checked when it was made): not
          ///< checked again, which keeps Han text on the 16-bytes-at-a-time path.
};

/// Appends `s` to `out` as a JSON string literal, quotes included.
void append_json_string(std::string& out, std::string_view s, Utf8Input input = Utf8Input::check);

/// `s` as a JSON string literal, quotes included.
inline std::string json_string(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  append_json_string(out, s);
  return out;
}

}  // namespace jianzheng::detail

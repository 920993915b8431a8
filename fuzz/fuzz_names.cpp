// Fuzzes free-text names (docs/names.md): the bytes as what a resident or clerk typed, through
// the name matcher of the embedded catalog and the engine deciding on that text.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "jianzheng/engine.hpp"
#include "jianzheng/error.hpp"
#include "jianzheng/name_matcher.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const jianzheng::Engine engine;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    (void)jianzheng::normalize_name(text);
    (void)engine.match(text, 5, jianzheng::Date::from_ymd(2021, 9, 30));
    jianzheng::Request r;
    r.text = std::string(text);
    r.purpose = std::string(text);
    r.date = jianzheng::Date::from_ymd(2021, 9, 30);
    (void)to_json(engine.decide(r));
  } catch (const jianzheng::Error&) {  // invalid_utf8, too_large: refused, not crashed
  }
  return 0;
}

// Fuzzes the C ABI's request path as a host drives it: the bytes as a request JSON to
// jz_decide_json and as free text to jz_resolve_json, on the default engine, and as the
// catalogs argument of jz_engine_new. Every answer must be one JSON object — a Decision,
// matches, or {"error": …} — never a crash, an abort or a leak.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "fuzz_common.hpp"
#include "jianzheng/jianzheng.h"

namespace {

void expect_json_object(char* answer) {
  if (!answer) std::abort();  // NULL only when memory is exhausted
  jianzheng_fuzz::expect_one_json_value(answer);
  jz_string_free(answer);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static jz_engine* engine = [] {
    char* error = nullptr;
    jz_engine* e = jz_engine_new(nullptr, &error);
    if (!e) std::abort();
    return e;
  }();
  const std::string text(reinterpret_cast<const char*>(data), size);  // NUL-terminated copy
  expect_json_object(jz_decide_json(engine, text.c_str()));
  expect_json_object(jz_resolve_json(engine, text.c_str()));
  // The catalogs argument: an object or array of layers ("embedded" and paths too). Paths
  // would read the disk, so only inputs without a quote-started element reach it as paths.
  if (size < 4096 && text.find("\"/") == std::string::npos && text.find("\".") == std::string::npos) {
    char* error = nullptr;
    jz_engine* made = jz_engine_new(text.c_str(), &error);
    if (made) {
      expect_json_object(jz_decide_json(made, "{\"item\": \"kinship\", \"date\": \"2021-09-30\"}"));
      jz_engine_free(made);
    } else {
      expect_json_object(error);
    }
  }
  return 0;
}

// The C ABI (include/jianzheng/jianzheng.h): JSON in, JSON out, for Java, .NET, Go and the
// provincial platform. Every entry point is noexcept and catches everything: a host process
// must never see a C++ exception or an abort because of what it passed in. Errors come back
// as {"error": {"code", "where", "message"}} with the library's stable ErrorCode names.
// This file is not under src/, so the core library never carries jz_* symbols; it is built
// into libjianzheng_c, which exports only them (capi/jianzheng_c.map).
#include "jianzheng/jianzheng.h"

#include <cstdlib>
#include <cstring>
#include <new>
#include <string>
#include <string_view>
#include <vector>

#include "jianzheng/catalog.hpp"
#include "jianzheng/decision.hpp"
#include "jianzheng/engine.hpp"
#include "jianzheng/error.hpp"
#include "jianzheng/name_matcher.hpp"
#include "jianzheng/request.hpp"
#include "jianzheng/version.hpp"

struct jz_engine {
  jianzheng::Engine engine;
};

namespace {

using jianzheng::Error;
using jianzheng::ErrorCode;

// Length of a C string, looking at no more than limit + 1 bytes: a huge input is refused
// without being scanned to its end.
std::size_t bounded_length(const char* s, std::size_t limit) noexcept {
  const void* nul = std::memchr(s, '\0', limit + 1);
  return nul ? static_cast<std::size_t>(static_cast<const char*>(nul) - s) : limit + 1;
}

// Byte offset of the first invalid UTF-8 sequence (overlongs, surrogates and code points
// past U+10FFFF included), or npos.
std::size_t invalid_utf8_at(std::string_view s) noexcept {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t i = 0;
  while (i < n) {
    const unsigned c = p[i];
    std::size_t len = 0;
    unsigned cp = 0, min = 0;
    if (c < 0x80) { ++i; continue; }
    if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; min = 0x80; }
    else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; min = 0x800; }
    else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; min = 0x10000; }
    else return i;
    if (i + len > n) return i;
    for (std::size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
    i += len;
  }
  return std::string_view::npos;
}

// Appends `s` as a JSON string literal. Invalid UTF-8 (which could only come from a message
// quoting bad input) is replaced by U+FFFD so the output is always valid JSON.
void append_json_string(std::string& out, std::string_view s) {
  out += '"';
  while (!s.empty()) {
    const std::size_t bad = invalid_utf8_at(s);
    const std::string_view good = s.substr(0, bad);
    for (const char ch : good) {
      const auto c = static_cast<unsigned char>(ch);
      switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
          if (c < 0x20) {
            static const char hex[] = "0123456789abcdef";
            out += "\\u00";
            out += hex[c >> 4];
            out += hex[c & 0xF];
          } else {
            out += ch;
          }
      }
    }
    if (bad == std::string_view::npos) break;
    out += "\xEF\xBF\xBD";
    s.remove_prefix(bad + 1);
  }
  out += '"';
}

std::string error_json(std::string_view code, std::string_view where, std::string_view message) {
  std::string out = "{\"error\":{\"code\":";
  append_json_string(out, code);
  out += ",\"where\":";
  append_json_string(out, where);
  out += ",\"message\":";
  append_json_string(out, message);
  out += "}}";
  return out;
}

// A malloc'd copy, so hosts free it through jz_string_free whatever allocator they use.
char* dup(const std::string& s) noexcept {
  char* p = static_cast<char*>(std::malloc(s.size() + 1));
  if (!p) return nullptr;
  std::memcpy(p, s.data(), s.size());
  p[s.size()] = '\0';
  return p;
}

// A fixed error object needing no allocation beyond the copy, for when building one failed.
char* out_of_memory() noexcept {
  static const char text[] =
      "{\"error\":{\"code\":\"internal\",\"where\":\"\",\"message\":\"out of memory\"}}";
  char* p = static_cast<char*>(std::malloc(sizeof text));
  if (p) std::memcpy(p, text, sizeof text);
  return p;
}

// Checks a text argument: not NULL, within `limit` bytes, valid UTF-8. Throws Error.
std::string_view checked_text(const char* s, std::string_view name, std::size_t limit) {
  if (!s) throw Error(ErrorCode::invalid_argument, std::string(name), "NULL pointer (空指针)");
  const std::size_t n = bounded_length(s, limit);
  if (n > limit) {
    throw Error(ErrorCode::too_large, std::string(name),
                "input over " + std::to_string(limit) + " bytes (输入过大)");
  }
  const std::string_view text(s, n);
  if (const std::size_t bad = invalid_utf8_at(text); bad != std::string_view::npos) {
    throw Error(ErrorCode::invalid_utf8, std::string(name),
                "invalid UTF-8 at byte " + std::to_string(bad) + " (不是有效的 UTF-8)");
  }
  return text;
}

// Runs `f` (which returns the JSON to hand back) and turns anything it throws into an error
// object. Never throws.
template <class F>
char* guarded(F&& f) noexcept {
  try {
    return dup(f());
  } catch (const Error& e) {
    try {
      return dup(error_json(jianzheng::to_string(e.code()), e.where(), e.message()));
    } catch (...) {
      return out_of_memory();
    }
  } catch (const std::bad_alloc&) {
    return out_of_memory();
  } catch (const std::exception& e) {
    try {
      return dup(error_json("internal", "", e.what()));
    } catch (...) {
      return out_of_memory();
    }
  } catch (...) {
    return out_of_memory();
  }
}

// --- the catalogs argument of jz_engine_new ---------------------------------------------
// The layers are parsed by the core (parse_catalog_layer), one element at a time; this
// scanner only finds where each element of the top-level array begins and ends, so the C
// library needs no JSON parser of its own.

void skip_space(std::string_view s, std::size_t& i) noexcept {
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
}

[[noreturn]] void malformed(std::size_t at, const std::string& what) {
  throw Error(ErrorCode::malformed_json, "catalogs: byte " + std::to_string(at), what);
}

// The end (one past) of the JSON string starting at s[i] == '"'.
std::size_t string_end(std::string_view s, std::size_t i) {
  for (std::size_t k = i + 1; k < s.size(); ++k) {
    if (s[k] == '\\') ++k;
    else if (s[k] == '"') return k + 1;
  }
  malformed(i, "unterminated string");
}

// The end (one past) of the JSON value starting at s[i].
std::size_t value_end(std::string_view s, std::size_t i) {
  if (s[i] == '"') return string_end(s, i);
  if (s[i] == '{' || s[i] == '[') {
    std::vector<char> open;
    for (std::size_t k = i; k < s.size(); ++k) {
      const char c = s[k];
      if (c == '"') { k = string_end(s, k) - 1; continue; }
      if (c == '{' || c == '[') open.push_back(c);
      if (c == '}' || c == ']') {
        if (open.empty() || (c == '}') != (open.back() == '{')) malformed(k, "unbalanced brackets");
        open.pop_back();
        if (open.empty()) return k + 1;
      }
    }
    malformed(i, "unterminated value");
  }
  std::size_t k = i;
  while (k < s.size() && s[k] != ',' && s[k] != ']' && s[k] != ' ' && s[k] != '\n' &&
         s[k] != '\t' && s[k] != '\r')
    ++k;
  return k;
}

// Decodes a JSON string literal (a file path).
std::string decode_string(std::string_view lit, std::size_t at) {
  std::string out;
  for (std::size_t k = 1; k + 1 < lit.size(); ++k) {
    char c = lit[k];
    if (c != '\\') { out += c; continue; }
    c = lit[++k];
    switch (c) {
      case '"': case '\\': case '/': out += c; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'u': {
        if (k + 4 >= lit.size()) malformed(at + k, "bad \\u escape");
        unsigned cp = 0;
        for (int d = 0; d < 4; ++d) {
          const char h = lit[++k];
          cp <<= 4;
          if (h >= '0' && h <= '9') cp |= static_cast<unsigned>(h - '0');
          else if (h >= 'a' && h <= 'f') cp |= static_cast<unsigned>(h - 'a' + 10);
          else if (h >= 'A' && h <= 'F') cp |= static_cast<unsigned>(h - 'A' + 10);
          else malformed(at + k, "bad \\u escape");
        }
        if (cp >= 0xD800 && cp <= 0xDFFF) malformed(at + k, "surrogate escapes are not supported in paths");
        if (cp < 0x80) out += static_cast<char>(cp);
        else if (cp < 0x800) {
          out += static_cast<char>(0xC0 | (cp >> 6));
          out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
          out += static_cast<char>(0xE0 | (cp >> 12));
          out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
          out += static_cast<char>(0x80 | (cp & 0x3F));
        }
        break;
      }
      default: malformed(at + k, "bad escape");
    }
  }
  return out;
}

void append_layers(std::vector<jianzheng::CatalogLayer>& layers, std::string_view element,
                   std::size_t at, std::size_t index) {
  const std::string origin = "catalogs[" + std::to_string(index) + "]";
  if (element.front() == '{') {
    layers.push_back(jianzheng::parse_catalog_layer(element, origin, layers));
  } else if (element.front() == '"') {
    const std::string path = decode_string(element, at);
    if (path == "embedded") {
      for (auto& layer : jianzheng::default_layers()) layers.push_back(std::move(layer));
    } else {
      layers.push_back(jianzheng::load_catalog_layer(path));
    }
  } else {
    throw Error(ErrorCode::wrong_type, "/" + std::to_string(index),
                "expected a catalog layer object, a file path or \"embedded\"");
  }
}

jianzheng::Engine make_engine(std::string_view text) {
  std::size_t i = 0;
  skip_space(text, i);
  if (i == text.size()) return jianzheng::Engine();
  std::vector<jianzheng::CatalogLayer> layers;
  if (text[i] == '{') {
    layers = jianzheng::default_layers();
    layers.push_back(jianzheng::parse_catalog_layer(text, "catalogs", layers));
    return jianzheng::Engine(layers);
  }
  if (text[i] != '[') {
    throw Error(ErrorCode::wrong_type, "catalogs",
                "expected a catalog layer object or an array of layers");
  }
  ++i;
  skip_space(text, i);
  if (i < text.size() && text[i] == ']') {
    throw Error(ErrorCode::invalid_value, "catalogs", "an empty array of layers");
  }
  for (std::size_t index = 0;; ++index) {
    skip_space(text, i);
    if (i >= text.size()) malformed(i, "unterminated array");
    const std::size_t end = value_end(text, i);
    if (end == i) malformed(i, "expected a value");
    append_layers(layers, text.substr(i, end - i), i, index);
    i = end;
    skip_space(text, i);
    if (i < text.size() && text[i] == ',') { ++i; continue; }
    if (i < text.size() && text[i] == ']') { ++i; break; }
    malformed(i, "expected , or ]");
  }
  skip_space(text, i);
  if (i != text.size()) malformed(i, "text after the array");
  return jianzheng::Engine(layers);
}

}  // namespace

extern "C" {

JZ_API jz_engine* jz_engine_new(const char* catalogs_json_or_null, char** error_json_out) JZ_NOEXCEPT {
  if (error_json_out) *error_json_out = nullptr;
  jz_engine* made = nullptr;
  char* error = guarded([&]() -> std::string {
    std::string_view text;
    if (catalogs_json_or_null) text = checked_text(catalogs_json_or_null, "catalogs", JZ_MAX_CATALOGS_BYTES);
    made = new jz_engine{make_engine(text)};
    return std::string();
  });
  if (made) {
    std::free(error);
    return made;
  }
  if (error_json_out) *error_json_out = error;
  else std::free(error);
  return nullptr;
}

JZ_API void jz_engine_free(jz_engine* engine) JZ_NOEXCEPT { delete engine; }

JZ_API char* jz_decide_json(const jz_engine* engine, const char* request_json) JZ_NOEXCEPT {
  return guarded([&]() -> std::string {
    if (!engine) throw Error(ErrorCode::invalid_argument, "engine", "NULL engine (引擎为空)");
    const std::string_view text = checked_text(request_json, "request", JZ_MAX_INPUT_BYTES);
    const jianzheng::Request request = jianzheng::request_from_json(text, "<request>");
    const jianzheng::Decision decision = engine->engine.decide(request);
    return jianzheng::to_json(decision, jianzheng::Language::zh, /*compact=*/true);
  });
}

JZ_API char* jz_resolve_json(const jz_engine* engine, const char* text) JZ_NOEXCEPT {
  return guarded([&]() -> std::string {
    if (!engine) throw Error(ErrorCode::invalid_argument, "engine", "NULL engine (引擎为空)");
    const std::string_view query = checked_text(text, "text", JZ_MAX_INPUT_BYTES);
    std::string out = jianzheng::to_json(query, engine->engine.match(query));
    while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
    return out;
  });
}

JZ_API void jz_string_free(char* s) JZ_NOEXCEPT { std::free(s); }

JZ_API const char* jz_version(void) JZ_NOEXCEPT { return jianzheng::version(); }

}  // extern "C"

// The C ABI (include/jianzheng/jianzheng.h): JSON in, JSON out, for Java, .NET, Go and the
// provincial platform. Every entry point is noexcept and catches everything: a host process
// must never see a C++ exception or an abort because of what it passed in. Errors come back
// as the project's error object (to_json(const Error&)), one line, with the library's stable
// ErrorCode names.
// This file is not under src/, so the core library never carries jz_* symbols; it is built
// into libjianzheng_c, which links the core statically and exports only them
// (capi/jianzheng_c.map). JSON is read through the core's json_io (Boost.JSON).
#include "jianzheng/jianzheng.h"

#include <cstdlib>
#include <cstring>
#include <new>
#include <string>
#include <string_view>
#include <vector>

#include "file_io.hpp"
#include "jianzheng/catalog.hpp"
#include "jianzheng/decision.hpp"
#include "jianzheng/engine.hpp"
#include "jianzheng/error.hpp"
#include "jianzheng/name_matcher.hpp"
#include "jianzheng/request.hpp"
#include "jianzheng/version.hpp"
#include "json/catalog_json.hpp"
#include "json/json_io.hpp"
#include "json/json_string.hpp"
#include "text/utf8.hpp"

struct jz_engine {
  jianzheng::Engine engine;
};

namespace {

using jianzheng::Error;
using jianzheng::ErrorCode;
namespace detail = jianzheng::detail;

// Length of a C string, looking at no more than limit + 1 bytes: a huge input is refused
// without being scanned to its end.
std::size_t bounded_length(const char* s, std::size_t limit) noexcept {
  const void* nul = std::memchr(s, '\0', limit + 1);
  return nul ? static_cast<std::size_t>(static_cast<const char*>(nul) - s) : limit + 1;
}

// A bad line of a batch, re-placed in the batch: origin "<batch>", its line number, the
// column and pointer it had within the line ("<batch>:3:45 /facts/verifiable").
Error on_batch_line(const Error& e, int line) {
  jianzheng::Location at;
  at.origin = "<batch>";
  at.line = line;
  if (e.has_location()) {
    at.column = e.location().column;
    at.pointer = e.location().pointer;
    at.in_json = e.location().in_json;
  } else {
    // An error the engine raised after reading the line (an unknown item id) names a field
    // of the request by its pointer ("/item").
    at.in_json = !e.where().empty() && e.where().front() == '/';
    if (at.in_json) at.pointer = e.where();
  }
  return Error(e.code(), std::move(at), e.message());
}

std::string internal_error_json(std::string_view message) {
  std::string out = "{\"error\": {\"code\": \"internal\", \"where\": \"\", \"message\": ";
  detail::append_json_string(out, message);
  return out + "}}";
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
      "{\"error\": {\"code\": \"internal\", \"where\": \"\", \"message\": \"out of memory\"}}";
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
  if (const std::size_t bad = detail::find_invalid_utf8(text); bad != std::string_view::npos) {
    throw Error(ErrorCode::invalid_utf8, std::string(name),
                "invalid UTF-8 at byte " + std::to_string(bad) + " (不是有效的 UTF-8)");
  }
  return text;
}

const jianzheng::Engine& checked_engine(const jz_engine* engine) {
  if (!engine) throw Error(ErrorCode::invalid_argument, "engine", "NULL engine (引擎为空)");
  return engine->engine;
}

// Runs `f` (which returns the JSON to hand back) and turns anything it throws into an error
// object. Never throws.
template <class F>
char* guarded(F&& f) noexcept {
  try {
    return dup(f());
  } catch (const Error& e) {
    try {
      return dup(jianzheng::to_json(e));
    } catch (...) {
      return out_of_memory();
    }
  } catch (const std::bad_alloc&) {
    return out_of_memory();
  } catch (const std::exception& e) {
    try {
      return dup(internal_error_json(e.what()));
    } catch (...) {
      return out_of_memory();
    }
  } catch (...) {
    return out_of_memory();
  }
}

// --- the catalogs argument of jz_engine_new ---------------------------------------------
// One JSON document, read by the core's json_io: a layer object, or an array of layer
// objects, file paths and "embedded". Every layer is checked against the ones below it, so
// errors carry the place: "catalogs:LINE:COLUMN /1/items/0/id" for a layer inside the
// argument, "PATH:LINE:COLUMN /items/0/id" for a file.

void append_layers(std::vector<jianzheng::CatalogLayer>& layers, const detail::Node& element) {
  if (element.is_object()) {
    layers.push_back(detail::layer_from_node(element, layers));
    return;
  }
  if (!element.is_string()) {
    element.fail(ErrorCode::wrong_type, "expected a catalog layer object, a file path or \"embedded\"");
  }
  const std::string path = element.string();
  if (path == "embedded") {
    for (auto& layer : jianzheng::default_layers()) layers.push_back(std::move(layer));
    return;
  }
  if (path.empty()) element.fail(ErrorCode::invalid_value, "an empty file path");
  layers.push_back(jianzheng::parse_catalog_layer(detail::read_file(path), path, layers));
}

jianzheng::Engine make_engine(std::string_view text) {
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) return jianzheng::Engine();
  const detail::Document doc(text, "catalogs");
  const detail::Node root = doc.root();
  std::vector<jianzheng::CatalogLayer> layers;
  if (root.is_object()) {
    layers = jianzheng::default_layers();
    layers.push_back(detail::layer_from_node(root, layers));
    return jianzheng::Engine(layers);
  }
  if (!root.is_array()) root.fail(ErrorCode::wrong_type, "expected a catalog layer object or an array of layers");
  const std::vector<detail::Node> elements = root.elements();
  if (elements.empty()) root.fail(ErrorCode::invalid_value, "an empty array of layers");
  for (const auto& element : elements) append_layers(layers, element);
  return jianzheng::Engine(layers);
}

// One JSON document in (`name`, read as "<name>" by `parse`), one answer out, on one line.
template <class Parse, class Answer>
char* one_answer(const jz_engine* engine, const char* text, const std::string& name, Parse parse,
                 Answer answer) noexcept {
  return guarded([&]() -> std::string {
    const jianzheng::Engine& e = checked_engine(engine);
    const auto input = parse(checked_text(text, name, JZ_MAX_INPUT_BYTES), "<" + name + ">");
    return jianzheng::to_json(answer(e, input), jianzheng::Language::zh, /*compact=*/true);
  });
}

// --- the batch --------------------------------------------------------------------------

std::string decide_batch(const jianzheng::Engine& engine, std::string_view input) {
  std::size_t requests = 0;
  std::string out;
  int line = 0;
  for (std::size_t pos = 0; pos < input.size();) {
    std::size_t end = input.find('\n', pos);
    if (end == std::string_view::npos) end = input.size();
    std::string_view text = input.substr(pos, end - pos);
    pos = end + 1;
    ++line;
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    if (text.find_first_not_of(" \t") == std::string_view::npos) continue;  // not a request
    if (++requests > JZ_MAX_BATCH_LINES) {
      throw Error(ErrorCode::too_large, "requests",
                  "more than " + std::to_string(JZ_MAX_BATCH_LINES) + " requests (请求过多)");
    }
    try {
      out += jianzheng::to_json(engine.decide(jianzheng::request_from_json(text, "<batch>")),
                                jianzheng::Language::zh, /*compact=*/true);
    } catch (const Error& e) {
      out += jianzheng::to_json(on_batch_line(e, line));
    }
    out += '\n';
  }
  return out;
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
  return one_answer(engine, request_json, "request", jianzheng::request_from_json,
                    [](const jianzheng::Engine& e, const jianzheng::Request& r) { return e.decide(r); });
}

JZ_API char* jz_admit_json(const jz_engine* engine, const char* demand_json) JZ_NOEXCEPT {
  return one_answer(engine, demand_json, "demand", jianzheng::demand_from_json,
                    [](const jianzheng::Engine& e, const jianzheng::Demand& d) { return e.admit(d); });
}

JZ_API char* jz_supervise_json(const jz_engine* engine, const char* complaint_json) JZ_NOEXCEPT {
  return one_answer(engine, complaint_json, "complaint", jianzheng::complaint_from_json,
                    [](const jianzheng::Engine& e, const jianzheng::Complaint& c) { return e.supervise(c); });
}

JZ_API char* jz_decide_batch_json(const jz_engine* engine, const char* requests_jsonl) JZ_NOEXCEPT {
  return guarded([&]() -> std::string {
    const jianzheng::Engine& e = checked_engine(engine);
    return decide_batch(e, checked_text(requests_jsonl, "requests", JZ_MAX_BATCH_BYTES));
  });
}

JZ_API char* jz_resolve_json(const jz_engine* engine, const char* text) JZ_NOEXCEPT {
  return guarded([&]() -> std::string {
    const jianzheng::Engine& e = checked_engine(engine);
    const std::string_view query = checked_text(text, "text", JZ_MAX_INPUT_BYTES);
    // to_json writes the resolve answer indented, as the CLI prints it. A raw newline is never
    // inside a JSON string, so dropping each newline and the indentation after it gives the
    // same JSON on one line.
    // resolve(), not match(): the answer says how sure it is (confident, uncertain, none), as
    // `jianzheng resolve --json` and POST /v1/resolve do (docs/names.md).
    const std::string pretty = jianzheng::to_json(query, e.matcher().resolve(query));
    std::string out;
    out.reserve(pretty.size());
    for (std::size_t i = 0; i < pretty.size(); ++i) {
      if (pretty[i] != '\n') {
        out += pretty[i];
        continue;
      }
      while (i + 1 < pretty.size() && pretty[i + 1] == ' ') ++i;
    }
    return out;
  });
}

JZ_API void jz_string_free(char* s) JZ_NOEXCEPT { std::free(s); }

JZ_API const char* jz_version(void) JZ_NOEXCEPT { return jianzheng::version(); }

}  // extern "C"

// Small JSON writing helpers for the service's own answers (health, metrics labels, the
// decision log's envelope, error objects). Decisions, items and guides are written by the
// library itself; nothing here re-shapes them.
#pragma once
#include <string>
#include <string_view>

#include "jianzheng/error.hpp"

namespace jianzheng::service {

/// Appends `s` as a JSON string literal; invalid UTF-8 becomes U+FFFD, so the output is
/// always valid JSON.
void append_json_string(std::string& out, std::string_view s);
/// `s` as a JSON string literal.
std::string json_string(std::string_view s);

/// The project's error object on one line: {"error": {"code", "where", "message"}}.
std::string error_json(std::string_view code, std::string_view where, std::string_view message);
/// The error object of a library Error.
std::string error_json(const Error& e);

/// A JSON text on one line: the newlines (and the indentation after them) of canonical
/// JSON removed. Valid JSON has no raw newline inside a string, so this never changes a
/// value; it makes the library's pretty output fit a JSON Lines file.
std::string one_line(std::string_view json);

}  // namespace jianzheng::service

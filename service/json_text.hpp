// The service's own small pieces of JSON: the error object for the service's own codes
// (not_found, too_large before a body is read …), and a helper that puts the library's pretty
// JSON on one line. Strings are escaped by the library's one escaper (src/json/json_string.hpp)
// and library errors are written by to_json(const Error&); decisions, items and guides are
// written by the library itself, never re-shaped here.
#pragma once
#include <string>
#include <string_view>

#include "json/json_string.hpp"

namespace jianzheng::service {

using detail::append_json_string;
using detail::json_string;

/// The project's error object on one line, {"error": {"code", "where", "message"}}, for the
/// service's own codes; library errors go through to_json(const Error&).
std::string error_json(std::string_view code, std::string_view where, std::string_view message);

/// A JSON text on one line: the newlines (and the indentation after them) of canonical
/// JSON removed. Valid JSON has no raw newline inside a string, so this never changes a
/// value; it makes the library's pretty output fit a JSON Lines file.
std::string one_line(std::string_view json);

}  // namespace jianzheng::service

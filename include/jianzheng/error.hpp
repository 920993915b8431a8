// Errors: bad input (malformed JSON, a missing field, an unknown reference, an impossible date,
// invalid UTF-8 …) throws one type, jianzheng::Error, with a stable code and the place it
// points at. Data that loads but looks wrong comes back as findings, and a refusal is an
// ordinary decision: neither is an error.
#pragma once
#include <stdexcept>
#include <string>
#include <string_view>

namespace jianzheng {

/// Stable error codes. Their snake_case names (to_string) are part of the JSON contract
/// and name the invalid_<code>_*.json test fixtures. Never renumber or rename one.
enum class ErrorCode {
  io_error,            ///< A file could not be read or written.
  malformed_json,      ///< Not JSON at all, or truncated.
  invalid_utf8,        ///< Text that is not valid UTF-8.
  missing_field,       ///< A required key is absent.
  wrong_type,          ///< A value has the wrong JSON type (string for number …).
  unknown_field,       ///< A key the format does not define (data files only).
  unknown_enum,        ///< A string outside a closed set (a level, a channel, a fact value).
  invalid_value,       ///< A value of the right type but out of range or empty.
  invalid_date,        ///< Not YYYY-MM-DD, or no such day (2021-02-30).
  duplicate_id,        ///< Two things share an id that must be unique.
  unknown_reference,   ///< A reference to an id that does not exist.
  alias_collision,     ///< One name would point at two different items.
  unsupported_format,  ///< A "format" marker this version does not read.
  date_not_covered,    ///< A date outside what the data covers (a calendar year).
  invalid_argument,    ///< A bad argument to a function or command.
  too_large,           ///< Input over a documented size limit.
  unfilled_placeholder,///< A template placeholder left without a value.
};

/// The stable snake_case name of a code, e.g. "duplicate_id".
const char* to_string(ErrorCode code) noexcept;

/// Where in a document a problem is: a JSON document (with a pointer), or another text
/// such as a CSV table (origin, line and column only).
struct Location {
  std::string origin;   ///< File name, "embedded:<path>", or "<text>" for a string.
  std::string pointer;  ///< JSON pointer (RFC 6901), e.g. "/items/3/id"; "" for the root.
  int line = 0;         ///< 1-based; 0 when unknown.
  int column = 0;       ///< 1-based, in bytes; 0 when unknown.
  bool in_json = true;  ///< Whether `pointer` applies (false: a CSV table or other text).
};

/// The one exception type the library throws for bad input.
class Error : public std::runtime_error {
 public:
  /// `where` is a JSON pointer ("/items/3/id"), "file:line:column", or a field name.
  Error(ErrorCode code, std::string where, std::string message);
  /// A problem at a known place; where() reads "origin:line:column /pointer" (for JSON) or
  /// "origin:line:column" (other text).
  Error(ErrorCode code, Location location, std::string message);

  /// The stable code.
  ErrorCode code() const noexcept { return code_; }
  /// Where the problem is: a JSON pointer, file:line:column, or a field name.
  const std::string& where() const noexcept { return where_; }
  /// The message alone, without code and place (what() has all three).
  const std::string& message() const noexcept { return message_; }
  /// The place, when the error was made with one (else all empty/0; see has_location).
  const Location& location() const noexcept { return location_; }
  /// Whether the error was made with a Location (so location() is meaningful).
  bool has_location() const noexcept { return has_location_; }

 private:
  ErrorCode code_;
  std::string where_;
  std::string message_;
  Location location_;
  bool has_location_ = false;
};

/// The error object every surface writes (C ABI, CLI --json, Python, HTTP), on one line:
/// {"error": {"code": …, "where": …, "message": …, "origin": …, "line": …, "column": …,
/// "pointer": …}}. code, where and message are always there; origin, line and column when
/// known (line and column as numbers), pointer when the place is in a JSON document ("" is
/// the root). The output is valid UTF-8 JSON whatever the message quotes.
std::string to_json(const Error& error);

}  // namespace jianzheng

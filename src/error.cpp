#include "jianzheng/error.hpp"

#include <utility>

#include "json/json_string.hpp"
#include "text/position.hpp"

namespace jianzheng {

const char* to_string(ErrorCode code) noexcept {
  switch (code) {
    case ErrorCode::io_error: return "io_error";
    case ErrorCode::malformed_json: return "malformed_json";
    case ErrorCode::invalid_utf8: return "invalid_utf8";
    case ErrorCode::missing_field: return "missing_field";
    case ErrorCode::wrong_type: return "wrong_type";
    case ErrorCode::unknown_field: return "unknown_field";
    case ErrorCode::unknown_enum: return "unknown_enum";
    case ErrorCode::invalid_value: return "invalid_value";
    case ErrorCode::invalid_date: return "invalid_date";
    case ErrorCode::duplicate_id: return "duplicate_id";
    case ErrorCode::unknown_reference: return "unknown_reference";
    case ErrorCode::alias_collision: return "alias_collision";
    case ErrorCode::unsupported_format: return "unsupported_format";
    case ErrorCode::date_not_covered: return "date_not_covered";
    case ErrorCode::invalid_argument: return "invalid_argument";
    case ErrorCode::too_large: return "too_large";
    case ErrorCode::unfilled_placeholder: return "unfilled_placeholder";
  }
  return "unknown";
}

namespace {
std::string compose(ErrorCode code, const std::string& where, const std::string& message) {
  std::string s = to_string(code);
  if (!where.empty()) s += " at " + where;
  s += ": " + message;
  return s;
}
}  // namespace

Error::Error(ErrorCode code, std::string where, std::string message)
    : std::runtime_error(compose(code, where, message)),
      code_(code),
      where_(std::move(where)),
      message_(std::move(message)) {}

namespace {
std::string where_of(const Location& l) {
  std::string s = detail::origin_line_column(l.origin, l.line, l.column);
  if (l.in_json) s += " " + (l.pointer.empty() ? std::string("(root)") : l.pointer);
  return s;
}
}  // namespace

Error::Error(ErrorCode code, Location location, std::string message)
    : Error(code, where_of(location), std::move(message)) {
  location_ = std::move(location);
  has_location_ = true;
}

std::string to_json(const Error& e) {
  using detail::append_json_string;
  std::string out = "{\"error\": {\"code\": ";
  append_json_string(out, to_string(e.code()));
  out += ", \"where\": ";
  append_json_string(out, e.where());
  out += ", \"message\": ";
  append_json_string(out, e.message());
  if (e.has_location()) {
    const Location& l = e.location();
    if (!l.origin.empty()) {
      out += ", \"origin\": ";
      append_json_string(out, l.origin);
    }
    if (l.line > 0) out += ", \"line\": " + std::to_string(l.line);
    if (l.column > 0) out += ", \"column\": " + std::to_string(l.column);
    if (l.in_json) {
      out += ", \"pointer\": ";
      append_json_string(out, l.pointer);
    }
  }
  out += "}}";
  return out;
}

}  // namespace jianzheng

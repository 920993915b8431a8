#include "json_text.hpp"

namespace jianzheng::service {

std::string error_json(std::string_view code, std::string_view where, std::string_view message) {
  std::string out = "{\"error\": {\"code\": ";
  append_json_string(out, code);
  out += ", \"where\": ";
  append_json_string(out, where);
  out += ", \"message\": ";
  append_json_string(out, message);
  out += "}}";
  return out;
}

std::string one_line(std::string_view json) {
  std::string out;
  out.reserve(json.size());
  for (std::size_t i = 0; i < json.size(); ++i) {
    if (json[i] == '\n' || json[i] == '\r') {
      while (i + 1 < json.size() && json[i + 1] == ' ') ++i;
      continue;
    }
    out += json[i];
  }
  return out;
}

}  // namespace jianzheng::service

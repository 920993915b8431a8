// Private: escaping text for XML and HTML output (the schedule's SVG, the guides' HTML).
// Escapes & < > " ' so a value is safe both as element text and inside a quoted attribute.
#pragma once
#include <string>
#include <string_view>

namespace jianzheng::detail {

inline std::string escape_markup(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace jianzheng::detail

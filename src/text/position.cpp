#include "text/position.hpp"

#include <algorithm>
#include <climits>
#include <cstring>

namespace jianzheng::detail {

namespace {

// Line and column numbers are ints in the public Location; a text of more than 2^31 lines or
// a line longer than 2 GiB saturates rather than wraps.
int saturated(std::size_t n) noexcept {
  return n > static_cast<std::size_t>(INT_MAX) ? INT_MAX : static_cast<int>(n);
}

}  // namespace

LineColumn line_column(std::string_view text, std::size_t offset) noexcept {
  offset = std::min(offset, text.size());
  std::size_t line = 1, start = 0;
  if (offset == 0) return LineColumn{};
  for (const char* p = text.data(); (p = static_cast<const char*>(
                                         std::memchr(p, '\n', offset - static_cast<std::size_t>(p - text.data())))) != nullptr;) {
    ++line;
    start = static_cast<std::size_t>(++p - text.data());
  }
  return LineColumn{saturated(line), saturated(offset - start + 1)};
}

LineIndex::LineIndex(std::string_view text) : size_(text.size()) {
  starts_.push_back(0);
  if (text.empty()) return;
  for (const char* p = text.data(), *end = text.data() + text.size();
       (p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)))) != nullptr;)
    starts_.push_back(static_cast<std::size_t>(++p - text.data()));
}

LineColumn LineIndex::at(std::size_t offset) const noexcept {
  offset = std::min(offset, size_);
  // The last line start at or before `offset`.
  const auto it = std::upper_bound(starts_.begin(), starts_.end(), offset) - 1;
  return LineColumn{saturated(static_cast<std::size_t>(it - starts_.begin()) + 1),
                    saturated(offset - *it + 1)};
}

std::string origin_line_column(std::string_view origin, int line, int column) {
  std::string s = origin.empty() ? std::string("<text>") : std::string(origin);
  if (line > 0) {
    s += ':';
    s += std::to_string(line);
    if (column > 0) {
      s += ':';
      s += std::to_string(column);
    }
  }
  return s;
}

Location text_location(std::string_view origin, int line, int column) {
  Location l;
  l.origin = std::string(origin);
  l.line = line;
  l.column = column;
  l.in_json = false;
  return l;
}

Location text_location(std::string_view origin, std::string_view text, std::size_t offset) {
  const LineColumn lc = line_column(text, offset);
  return text_location(origin, lc.line, lc.column);
}

}  // namespace jianzheng::detail

// Private: the one way to say where in a text a problem is. Lines and columns are 1-based,
// columns count bytes (what `cut -b` and most editors' status bars show for ASCII, and the
// only unit that survives an unknown encoding). Errors write the place as
// "origin:line:column" (origin_line_column) and carry it as a Location, so to_json(Error)
// can give line and column as numbers beside the text.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "jianzheng/error.hpp"

namespace jianzheng::detail {

/// A 1-based line and column (bytes).
struct LineColumn {
  int line = 1;
  int column = 1;
};

/// The line and column of byte `offset` of `text` (clamped to its end), by one scan from
/// the start: for one error. For many lookups in one text, use LineIndex.
LineColumn line_column(std::string_view text, std::size_t offset) noexcept;

/// The starts of a text's lines, found once (one pass, one std::size_t per line); then
/// each lookup is a binary search. Loaders that report a line per record use it, so
/// locating every record of a document costs O(n + records · log lines), not O(n · records).
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  /// The line and column of byte `offset` (clamped to the text's end).
  LineColumn at(std::size_t offset) const noexcept;

 private:
  std::vector<std::size_t> starts_;  // byte offset of each line's first byte; starts_[0] == 0
  std::size_t size_ = 0;
};

/// "origin:line:column"; the column is left out when 0, line and column when the line is 0;
/// an empty origin reads "<text>".
std::string origin_line_column(std::string_view origin, int line, int column = 0);

/// A Location in a text that is not JSON (a CSV table, a JSON Lines stream): no pointer.
Location text_location(std::string_view origin, int line, int column = 0);
/// The Location of byte `offset` of `text`.
Location text_location(std::string_view origin, std::string_view text, std::size_t offset);

}  // namespace jianzheng::detail

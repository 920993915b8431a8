// Private CSV reader and writer (RFC 4180), for the tables county offices exchange as
// spreadsheet exports: the survey returns of 二（三）1 (附件2) and complaint lists. Office
// programs write a UTF-8 byte-order mark, CRLF or LF line ends, quoted cells with embedded
// commas, quotes and line breaks, and blank rows after the table ("," only, or empty
// lines); the reader takes all of these. Text must already be UTF-8 (see text/charset.hpp
// for GB18030 files). Errors name file:line:column.
//
// Cells that a spreadsheet would run as a formula (starting with = + - @, a tab or a CR) are
// written behind an apostrophe, as OWASP advises against CSV injection, and the reader takes
// that apostrophe off again: what is written reads back unchanged.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace jianzheng::detail {

/// One record of a CSV file.
struct CsvRow {
  std::vector<std::string> cells;  ///< Cell texts, unquoted, exactly as written otherwise.
  int line = 0;                    ///< 1-based line where the record starts.
  std::vector<int> columns;        ///< 1-based column (in bytes) where each cell starts.

  /// Cell `i`, or "" when the row is shorter.
  const std::string& cell(std::size_t i) const;
  /// Whether every cell is empty or white space, U+3000 and NBSP included (a spreadsheet's
  /// blank row).
  bool is_blank() const;
  /// The column where cell `i` starts; after the last cell, the column after the row's text
  /// (for a quoted last cell, an estimate).
  int column(std::size_t i) const;
};

/// Parses CSV text. A leading UTF-8 BOM is skipped; CRLF, LF and lone CR end records;
/// blank rows at the end are dropped (blank rows elsewhere are kept, with their line, for
/// the caller to judge). `origin` names the file in errors.
/// Throws Error(invalid_value) at "origin:line:column" for an unterminated quoted cell or a
/// quote inside an unquoted cell or after a closing quote; Error(invalid_utf8) when the text
/// is not UTF-8.
std::vector<CsvRow> parse_csv(std::string_view text, std::string_view origin = "<text>");

/// The first cell of `row` that holds text (not only white space) but lies under no heading
/// (`headed[i]` is false, or i is past the heading row), or npos. Tables refuse such a cell
/// rather than drop it.
std::size_t stray_cell(const CsvRow& row, const std::vector<bool>& headed);

/// Whether `row` stops short of the `width` cells of its table: spreadsheets write every cell
/// of a row, so a row of two or more cells that is shorter was cut off (a file half-written).
/// A row of one cell is a note or a numbered empty row, never cut.
bool is_cut_off(const CsvRow& row, std::size_t width);

/// Quotes one cell when it needs it (comma, quote, CR/LF, leading/trailing white space), and
/// puts an apostrophe before a cell a spreadsheet would take for a formula (formula_guard).
std::string csv_cell(std::string_view cell);

/// The cell as written for a spreadsheet: an apostrophe before = + - @ TAB CR at the start,
/// and before an apostrophe that precedes one of those (or another apostrophe), so that
/// formula_unguard gives the cell back exactly.
std::string formula_guard(std::string_view cell);
/// The inverse of formula_guard: drops one leading apostrophe when it precedes = + - @ TAB CR
/// or an apostrophe. The reader applies it to every cell.
std::string formula_unguard(std::string_view cell);

/// Writes records as RFC 4180 CSV with CRLF line ends, every cell through csv_cell. With
/// `bom`, starts with the UTF-8 byte-order mark so that spreadsheet programs in a Chinese
/// locale read it as UTF-8.
std::string write_csv(const std::vector<std::vector<std::string>>& rows, bool bom = true);

}  // namespace jianzheng::detail

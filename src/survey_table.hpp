// Private: a survey return (附件2) as a table of cells, before it is understood — the part the
// CSV and XLSX readers share, so that both validate alike and name places alike: CSV as
// file:line:column, XLSX as file:B7 (the first sheet's cell reference).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "csv.hpp"
#include "jianzheng/error.hpp"
#include "jianzheng/survey.hpp"

namespace jianzheng::detail {

/// Rows of cells read from a file. For XLSX, `line` is the sheet's row number and cell i is
/// column i (A = 0); rows left empty are one blank row.
struct SurveyTable {
  std::vector<CsvRow> rows;
  std::string origin;             ///< The file, for errors.
  std::string charset;            ///< SurveyReturn::charset ("utf-8", "gb18030", "xlsx" …).
  bool cell_references = false;   ///< XLSX: places are "origin:B7", else "origin:line:column".
  /// CSV: spreadsheets write every cell of a row, so a shorter row was cut off. XLSX stores
  /// only the cells that hold something.
  bool complete_rows = true;

  /// An Error at cell `cell` of `row`: for CSV with its Location (origin:line:column, so the
  /// error object has line and column), for XLSX at the cell reference ("origin:B7").
  Error error(ErrorCode code, const CsvRow& row, std::size_t cell, std::string message) const;
};

/// Column letters of a 0-based column: 0 → "A", 25 → "Z", 26 → "AA".
std::string column_letters(std::size_t index);

/// A cell's value: outer white space (ASCII, U+3000, NBSP) trimmed, line breaks as LF.
std::string clean_cell(std::string_view text);

/// 附件2 from a table: preamble (附件2, title, 填报单位, 时间), header by column names, rows,
/// notes; throws Error at the offending cell.
SurveyReturn survey_from_table(const SurveyTable& table);

/// The return as every writer writes it: cells cleaned (clean_cell), the title defaulted,
/// empty notes dropped; throws Error for what no reader would accept (no unit, a row without
/// a name, 序号 outside 0–999999).
SurveyReturn survey_for_writing(const SurveyReturn& survey);

/// The table as printed (src/survey.cpp), for the CSV and XLSX writers.
std::vector<std::vector<std::string>> survey_table(const SurveyReturn& survey);

/// Rows of the table that hold the header, the first data row and the first note: the XLSX
/// writer lays them out.
inline constexpr std::size_t kSurveyHeaderRow = 3;

}  // namespace jianzheng::detail

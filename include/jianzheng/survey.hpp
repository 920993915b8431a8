// SurveyReturn (附件2《应由基层群众性自治组织出具证明事项统计表》): the table each township
// and department sends the county civil-affairs bureau in the survey of 二（三）1 (摸排基本情况,
// due 2020-12-30 by 三（二）). The bureau checks each row against the rules of 二（一）/二（二）
// — a row without a basis in law or regulation is cancelled (一律取消, 二（三）1) — and merges
// the returns into the county list of 二（三）2. Tables arrive as spreadsheet CSV (UTF-8 or
// GB18030) or JSON, and go back out as CSV or XLSX in the same printable layout.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "jianzheng/date.hpp"

namespace jianzheng {

/// One row of 附件2.
struct SurveyRow {
  int seq = 0;              ///< 序号; 0 when the cell is blank.
  std::string name;         ///< 证明事项名称, as written (may carry a purpose in parentheses).
  std::string basis;        ///< 法律法规、政策依据, the cell verbatim (may list several).
  std::string implementer;  ///< 实施单位.
  std::string authority;    ///< 主管部门.
  std::string note;         ///< 备注.
  int line = 0;             ///< 1-based line in the source file; 0 when not read from a file.
};

/// One township's or department's return.
struct SurveyReturn {
  std::string title;           ///< The title row; the 附件2 title when the file had none.
  std::string unit;            ///< 填报单位 (the reporting township or department).
  std::optional<Date> date;    ///< 时间; absent when left blank.
  std::vector<SurveyRow> rows; ///< The filled rows, in table order (blank rows dropped).
  std::vector<std::string> notes;  ///< Lines under the table (填表说明, 注 …), verbatim.
  std::string origin;          ///< The file it was read from; "<text>" for a string.
  std::string charset;         ///< The file's encoding: "utf-8", "utf-8-bom", "gb18030", "json".
};

/// The title of 附件2, as the seed prints it.
inline constexpr std::string_view kSurveyTitle = "应由基层群众性自治组织出具证明事项统计表";

/// Parses a CSV export of 附件2: UTF-8 with or without BOM, or GB18030; an optional title
/// row and the 填报单位/时间 row before the header row (序号, 证明事项名称, 法律法规、政策依据,
/// 实施单位, 主管部门, 备注 — found by name, in any order); dates like 2020年12月30日,
/// 二〇二〇年十二月三十日, 2020-12-30 or 2020/12/30; blank rows dropped. Throws Error with
/// "origin:line:column" (invalid_value, missing_field, invalid_date, invalid_utf8).
SurveyReturn parse_survey_csv(std::string_view bytes, std::string_view origin = "<text>");
/// Parses the JSON form (docs/schemas/survey.schema.json). Throws Error.
SurveyReturn parse_survey_json(std::string_view text, std::string_view origin = "<text>");
/// Reads a file: JSON when its first non-blank character is '{', CSV otherwise.
SurveyReturn load_survey(const std::string& path);

/// Parses a date as survey tables write it: 2020年12月30日, 二〇二〇年十二月三十日,
/// 2020-12-30, 2020/12/30, 2020.12.30. Nothing when it is none of these or no such day.
std::optional<Date> parse_survey_date(std::string_view text);
/// A date as the table prints it: "2020年12月30日".
std::string format_survey_date(const Date& date);

/// The return as CSV in the 附件2 layout (title row, 填报单位/时间 row, header, rows), CRLF.
/// UTF-8 with a byte-order mark by default; GB18030 when `gb18030` is true.
std::string to_csv(const SurveyReturn& survey, bool gb18030 = false);
/// The return as JSON (docs/schemas/survey.schema.json), canonical bytes.
std::string to_json(const SurveyReturn& survey);
/// Writes the return as an XLSX workbook in the 附件2 layout, ready to print (A4 landscape,
/// header row repeated on every page, fitted to the page width). Throws Error(io_error).
void write_survey_xlsx(const SurveyReturn& survey, const std::string& path);

}  // namespace jianzheng

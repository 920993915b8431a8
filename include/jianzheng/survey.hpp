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

#include "jianzheng/catalog.hpp"
#include "jianzheng/date.hpp"
#include "jianzheng/finding.hpp"
#include "jianzheng/legal_basis.hpp"

namespace jianzheng {

/// One row of 附件2.
struct SurveyRow {
  int seq = 0;              ///< 序号; 0 when the cell is blank.
  std::string name;         ///< 证明事项名称, as written (may carry a purpose in parentheses).
  std::string basis;        ///< 法律法规、政策依据, the cell verbatim (may list several).
  std::string implementer;  ///< 实施单位.
  std::string authority;    ///< 主管部门.
  std::string note;         ///< 备注.
  int line = 0;             ///< 1-based line in the source file (XLSX: the sheet's row
                            ///< number); 0 when not read from a file.
};

/// One township's or department's return.
struct SurveyReturn {
  std::string title;           ///< The title row; the 附件2 title when the file had none.
  std::string unit;            ///< 填报单位 (the reporting township or department).
  std::optional<Date> date;    ///< 时间; absent when left blank.
  std::vector<SurveyRow> rows; ///< The filled rows, in table order (blank rows dropped).
  std::vector<std::string> notes;  ///< Text outside the table, in order: anything above it
                                   ///< besides 附件2, the title and the labels, then the lines
                                   ///< under it (填表说明, 注 …).
  std::string origin;          ///< The file it was read from; "<text>" for a string.
  std::string charset;         ///< The file's encoding: "utf-8", "utf-8-bom", "gb18030", "json",
                               ///< "xlsx".
};

/// The title of 附件2, as the policy prints it.
inline constexpr std::string_view kSurveyTitle = "应由基层群众性自治组织出具证明事项统计表";

/// Parses a CSV export of 附件2: UTF-8 with or without BOM, or GB18030; an optional title
/// row and the 填报单位/时间 row before the header row (序号, 证明事项名称, 法律法规、政策依据,
/// 实施单位, 主管部门, 备注 — found by name, in any order); dates like 2020年12月30日,
/// 二〇二〇年十二月三十日, 2020-12-30 or 2020/12/30; blank rows dropped. Cells are trimmed.
/// Throws Error with "origin:line:column" (invalid_value — also for a cell under no heading
/// and an incomplete row —, unknown_field, missing_field, invalid_date, invalid_utf8).
SurveyReturn parse_survey_csv(std::string_view bytes, std::string_view origin = "<text>");
/// Parses an XLSX workbook (Excel, WPS): the first sheet, read like the CSV form — merged
/// cells, shared and inline strings, dates stored as numbers — with errors placed by cell
/// ("origin:B7"). Bounded: a zip bomb, a huge sheet or a missing part is a clear Error.
SurveyReturn parse_survey_xlsx(std::string_view bytes, std::string_view origin = "<xlsx>");
/// Parses the JSON form (docs/schemas/survey.schema.json). Throws Error.
SurveyReturn parse_survey_json(std::string_view text, std::string_view origin = "<text>");
/// Reads a file (at most 16 MiB): XLSX when it is a zip archive, JSON when its first
/// non-blank character is '{', CSV otherwise. An .xls file is refused with advice.
SurveyReturn load_survey(const std::string& path);

/// Parses a date as survey tables write it: 2020年12月30日, 二〇二〇年十二月三十日,
/// 2020-12-30, 2020/12/30, 2020.12.30. Nothing when it is none of these or no such day.
std::optional<Date> parse_survey_date(std::string_view text);
/// A date as the table prints it: "2020年12月30日".
std::string format_survey_date(const Date& date);

/// The return as CSV in the 附件2 layout (附件2, title, 填报单位/时间 row, header, rows, a blank
/// row and the notes), CRLF; cells a spreadsheet would take for a formula (= + - @) behind an
/// apostrophe, which the reader removes. UTF-8 with a byte-order mark by default; GB18030
/// when `gb18030` is true. Every writer writes the same value, which reads back unchanged:
/// cells trimmed, line breaks LF, an empty title as kSurveyTitle. Throws Error for a return no
/// reader would accept (no unit, a row without a name).
std::string to_csv(const SurveyReturn& survey, bool gb18030 = false);
/// The return as JSON (docs/schemas/survey.schema.json), canonical bytes.
std::string to_json(const SurveyReturn& survey);
/// Writes the return as an XLSX workbook in the 附件2 layout, ready to print (A4 landscape,
/// header row repeated on every page, fitted to the page width), whole or not at all (the
/// old file stays on failure). Throws Error(io_error), or Error(too_large) for a cell over
/// the 32,767 characters an XLSX cell holds (nothing is cut).
void write_survey_xlsx(const SurveyReturn& survey, const std::string& path);

// --- checking rows against the rules (二（三）1) -----------------------------------------

/// What the county does with one reported row. JSON: the snake_case names.
enum class SurveyVerdict {
  keep,                     ///< A qualifying basis, not on a no-issue list: 二（一）1, 二（三）2.
  keep_for_stated_purpose,  ///< A listed item for its carve-out purpose: 附件1 （…除外）, 二（一）1.
  cancel_listed,            ///< On the no-issue list (附件1): 二（二）2.
  cancel_no_basis,          ///< No basis, or only policy documents / rules: 二（二）1, 二（三）1 一律取消.
  review,                   ///< A basis whose level cannot be told from its text: a person decides.
};
/// The stable JSON name of a verdict, e.g. "cancel_no_basis".
const char* to_string(SurveyVerdict v) noexcept;
/// Parses a verdict name; nothing when it is not one.
std::optional<SurveyVerdict> survey_verdict_from_string(std::string_view name) noexcept;

/// The verdict on one row.
struct RowCheck {
  int row = 0;                    ///< 1-based position among the return's rows.
  int seq = 0;                    ///< The row's 序号 (0 when blank).
  int line = 0;                   ///< Line in the source file (0 when unknown).
  std::string name;               ///< 证明事项名称 as written.
  std::string basis;              ///< The basis cell verbatim.
  SurveyVerdict verdict = SurveyVerdict::review;  ///< What to do with it.
  std::string item;               ///< Id of the catalog item the name resolved to; "" when none.
  std::string carve_out;          ///< keep_for_stated_purpose: the carve-out's scenario.
  std::vector<LegalBasis> bases;  ///< The bases parsed from the cell, in order.
  std::vector<std::string> clauses;  ///< Clause ids, the deciding one first, e.g. "2.2.2".
  std::string why;                ///< One Chinese sentence citing the clauses.
};

/// The verdicts on one return.
struct SurveyCheck {
  std::string unit;              ///< 填报单位.
  std::optional<Date> date;      ///< 时间.
  std::string origin;            ///< The file it came from.
  std::vector<RowCheck> rows;    ///< One per row, in table order.
  /// What looks wrong in the table itself (附件2): seq_reused (one 序号 on two rows),
  /// duplicate_row (one certificate reported twice), in table order.
  std::vector<Finding> findings;
};

/// Splits a basis cell into single bases: at 、；; and line breaks outside 《》, and an article
/// list (《…》第五条、第六条) stays with its title. Empty pieces are dropped.
std::vector<std::string> split_bases(std::string_view cell);

/// Checks every row of a return against `catalog` (usually Catalog::embedded_default()):
/// the name is resolved with the catalog's name matcher; a not_by_committee item is
/// cancel_listed (二（二）2) unless the name's parentheses or 备注 name one of its carve-outs
/// (keep_for_stated_purpose); otherwise the bases decide: a qualifying level
/// (Settings::qualifying_levels) → keep, only unknown levels → review, none or only
/// non-qualifying levels → cancel_no_basis (二（三）1 一律取消). Carve-outs are checked as in
/// force on the return's date (today when it has none).
SurveyCheck validate_survey(const SurveyReturn& survey, const Catalog& catalog);

/// Canonical JSON: {"unit", "date", "origin", "rows": [{"row", "seq", "line", "name", "basis",
/// "verdict", "item", "carve_out", "bases", "clauses", "why"}], "findings": [...]}; "item" and
/// "carve_out" are null when empty.
std::string to_json(const SurveyCheck& check);

// --- merging returns into the county list (二（三）2) -------------------------------------

/// One certificate of the draft county list, joined from every row that names it.
struct CountyEntry {
  std::string id;                 ///< Id in the draft layer; "" when it is not in the layer.
  std::string name;               ///< The name the list uses.
  SurveyVerdict verdict = SurveyVerdict::review;  ///< Recomputed from all cited bases.
  std::string item;               ///< The catalog item it resolved to; "" when none.
  std::string carve_out;          ///< keep_for_stated_purpose: the scenario.
  std::vector<std::string> names;       ///< Every distinct name reported, first seen first.
  std::vector<std::string> reported_by; ///< Units that reported it, first seen first.
  std::vector<LegalBasis> bases;        ///< Every distinct basis cited (by title and article).
  std::vector<std::string> implementers;  ///< 实施单位 as reported, distinct.
  std::vector<std::string> authorities;   ///< 主管部门 as reported, distinct.
  std::vector<std::string> clauses;       ///< Clause ids of the verdict, deciding first.
  std::string why;                        ///< Why, in Chinese, citing the clauses.
};

/// How the draft county layer is labelled.
struct DraftOptions {
  std::string layer_id = "county-draft";  ///< Id of the draft layer.
  std::string jurisdiction = "示例县";      ///< The county.
  std::string title = "基层群众性自治组织出具证明事项清单（草案）";  ///< The list's title.
  bool example = false;                   ///< Mark the layer as illustrative (synthetic data).
  /// 三（二）: returns were due at the county bureau by this day; later ones are a finding.
  std::optional<Date> deadline = Date{2020, 12, 30};
};

/// The merge: the entries, what the bureau should look at, and the draft layer.
struct CountyDraft {
  std::vector<CountyEntry> entries;  ///< Keep entries first, then the rest, each in first-seen order.
  std::vector<Finding> findings;     ///< Cancelled, listed, to-review rows, disagreements, late returns.
  /// A county catalog layer that extends the catalog's top layer and holds the kept entries
  /// as by_committee items with their bases; Catalog::compose accepts it on top of the layers
  /// it extends.
  CatalogLayer layer;
};

/// Merges returns into a draft county list (二（三）2): rows naming the same certificate join
/// — by matched item (and carve-out), else by the normalised name — keeping every reporting
/// unit and every distinct basis; the verdict is recomputed from all bases together.
CountyDraft merge_surveys(const std::vector<SurveyReturn>& surveys, const Catalog& catalog,
                          const DraftOptions& options = {});

/// Canonical JSON: {"entries": [{"id", "name", "verdict", "item", "carve_out", "names",
/// "reported_by", "bases", "implementers", "authorities", "clauses", "why"}], "findings": [...]}.
/// The layer is written separately, with to_json(const CatalogLayer&).
std::string to_json(const CountyDraft& draft);

}  // namespace jianzheng

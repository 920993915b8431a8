// SurveyReturn: reading and writing 附件2 tables (二（三）1, 三（二）).
#include "file_io.hpp"
#include "jianzheng/survey.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "csv.hpp"
#include "enum_names.hpp"
#include "survey_table.hpp"
#include "jianzheng/error.hpp"
#include "jianzheng/name_matcher.hpp"
#include "text/charset.hpp"
#include "text/position.hpp"
#include "text/utf8.hpp"

namespace jianzheng {

namespace {

// Column headers of 附件2, in the policy's order.
constexpr std::string_view kHeaders[] = {"序号", "证明事项名称", "法律法规、政策依据",
                                         "实施单位", "主管部门", "备注"};

// Trims ASCII white space, the ideographic space U+3000 and NBSP from both ends: office
// programs pad labels with either.
std::string trim(std::string_view s) {
  for (;;) {
    if (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' ||
                       s.front() == '\n'))
      s.remove_prefix(1);
    else if (s.substr(0, 3) == "\xE3\x80\x80")
      s.remove_prefix(3);
    else if (s.substr(0, 2) == "\xC2\xA0")
      s.remove_prefix(2);
    else
      break;
  }
  for (;;) {
    if (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' ||
                       s.back() == '\n'))
      s.remove_suffix(1);
    else if (s.size() >= 3 && s.substr(s.size() - 3) == "\xE3\x80\x80")
      s.remove_suffix(3);
    else if (s.size() >= 2 && s.substr(s.size() - 2) == "\xC2\xA0")
      s.remove_suffix(2);
    else
      break;
  }
  return std::string(s);
}

// Code points of UTF-8 text (already validated).
std::vector<char32_t> code_points(std::string_view s) {
  std::vector<char32_t> out;
  char32_t cp = 0;
  for (std::size_t i = 0; detail::decode_utf8(s, i, cp);) out.push_back(cp);
  return out;
}

int chinese_digit(char32_t c) {
  switch (c) {
    case U'〇': case U'零': case U'○': case U'Ｏ': return 0;
    case U'一': return 1;
    case U'二': return 2;
    case U'三': return 3;
    case U'四': return 4;
    case U'五': return 5;
    case U'六': return 6;
    case U'七': return 7;
    case U'八': return 8;
    case U'九': return 9;
    default: return -1;
  }
}

int ascii_digit(char32_t c) {
  if (c >= U'0' && c <= U'9') return static_cast<int>(c - U'0');
  if (c >= U'０' && c <= U'９') return static_cast<int>(c - U'０');  // full-width digits
  return -1;
}

// One number of a date: 2020, ２０２０, 二〇二〇 (digit by digit), 十二, 三十一, 十.
std::optional<int> date_number(const std::vector<char32_t>& part) {
  if (part.empty() || part.size() > 4) return std::nullopt;
  int value = 0;
  bool all_ascii = true;
  for (char32_t c : part)
    if (ascii_digit(c) < 0) all_ascii = false;
  if (all_ascii) {
    for (char32_t c : part) value = value * 10 + ascii_digit(c);
    return value;
  }
  auto ten = std::find(part.begin(), part.end(), U'十');
  if (ten == part.end()) {
    for (char32_t c : part) {
      const int d = chinese_digit(c);
      if (d < 0) return std::nullopt;
      value = value * 10 + d;
    }
    return value;
  }
  // 十 = 10, 十二 = 12, 二十 = 20, 三十一 = 31.
  int tens = 1, units = 0;
  if (ten != part.begin()) {
    if (ten - part.begin() != 1 || chinese_digit(part.front()) <= 0) return std::nullopt;
    tens = chinese_digit(part.front());
  }
  if (ten + 1 != part.end()) {
    if (part.end() - ten != 2 || chinese_digit(*(ten + 1)) <= 0) return std::nullopt;
    units = chinese_digit(*(ten + 1));
  }
  return tens * 10 + units;
}

// Text as a cell's value: outer white space (ASCII, U+3000, NBSP) is not part of it, and
// line breaks are LF. Every reader and every writer of a return applies it, so a value
// written in any format reads back the same (docs/decisions.md, "One value of a cell").
std::string clean(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\r') {
      out += '\n';
      if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
    } else {
      out += s[i];
    }
  }
  return trim(out);
}

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// The value after a label: "（盖章）" or "(盖章)" and a colon, full-width or not, skipped.
std::string label_value(std::string_view rest) {
  std::string t = trim(rest);
  for (std::string_view skip : {"（盖章）", "(盖章)"})
    if (starts_with(t, skip)) t = trim(std::string_view(t).substr(skip.size()));
  for (std::string_view colon : {"：", ":"})
    if (starts_with(t, colon)) return trim(std::string_view(t).substr(colon.size()));
  return t;
}

constexpr std::string_view kUnitLabel = "填报单位";

// Where a 时间 label starts in `cell` (and its length), or npos. "时间" is a label only when a
// colon, the end of the cell or a date follows it: in 时间银行服务中心 it is part of a name.
std::pair<std::size_t, std::size_t> find_date_label(std::string_view cell) {
  for (std::size_t p = cell.find("时间"); p != std::string_view::npos; p = cell.find("时间", p + 1)) {
    const std::string rest = trim(cell.substr(p + 6));
    if (rest.empty() || starts_with(rest, "：") || starts_with(rest, ":") || parse_survey_date(rest)) {
      if (p >= 6 && cell.substr(p - 6, 6) == "填报") return {p - 6, 12};  // 填报时间
      return {p, 6};
    }
  }
  return {std::string_view::npos, 0};
}

// A cell that is a 时间 label with a date, or with nothing yet: not a unit's name.
bool is_date_label_cell(std::string_view cell) {
  const auto [at, len] = find_date_label(cell);
  if (at != 0) return false;
  const std::string value = label_value(cell.substr(len));
  return value.empty() || parse_survey_date(value).has_value();
}

bool is_attachment_label(std::string_view cell) {
  return cell == "附件2" || cell == "附件 2" || cell == "附件２" || cell == "附件二";
}

bool is_header_row(const detail::CsvRow& row) {
  for (const auto& c : row.cells)
    if (trim(c) == "证明事项名称" || trim(c) == "证明名称") return true;
  return false;
}

// Which 附件2 column a header cell names (by name, so reordered tables read too), or -1.
int header_column(const std::string& cell) {
  const std::string h = trim(cell);
  if (h == "序号") return 0;
  if (h == "证明事项名称" || h == "证明名称") return 1;
  if (h.find("依据") != std::string::npos) return 2;
  if (h == "实施单位") return 3;
  if (h == "主管部门") return 4;
  if (h == "备注") return 5;
  return -1;
}

// 序号: a whole number 0–999999 in ASCII or full-width digits; nothing otherwise.
std::optional<int> seq_number(const std::string& text) {
  int value = 0, digits = 0;
  for (char32_t c : code_points(text)) {
    const int d = ascii_digit(c);
    if (d < 0 || ++digits > 6) return std::nullopt;
    value = value * 10 + d;
  }
  if (digits == 0) return std::nullopt;
  return value;
}

}  // namespace

std::optional<Date> parse_survey_date(std::string_view text) {
  if (detail::find_invalid_utf8(text) != std::string_view::npos) return std::nullopt;
  std::vector<std::vector<char32_t>> parts(1);
  for (char32_t c : code_points(trim(text))) {
    if (c == U'年' || c == U'月' || c == U'-' || c == U'/' || c == U'.' || c == U'－' ||
        c == U'／' || c == U'．') {
      parts.emplace_back();
    } else if (c == U'日' || c == U'号') {
      parts.emplace_back();  // the end; anything after it fails below
    } else if (c == U' ' || c == U'\u3000') {
      continue;
    } else {
      parts.back().push_back(c);
    }
  }
  while (!parts.empty() && parts.back().empty()) parts.pop_back();
  if (parts.size() != 3) return std::nullopt;
  const auto y = date_number(parts[0]), m = date_number(parts[1]), d = date_number(parts[2]);
  if (!y || !m || !d || *y < 1900 || *m < 1 || *d < 1) return std::nullopt;
  Date date{*y, static_cast<unsigned>(*m), static_cast<unsigned>(*d)};
  if (!date.is_valid()) return std::nullopt;
  return date;
}

std::string format_survey_date(const Date& date) {
  return std::to_string(date.year) + "年" + std::to_string(date.month) + "月" +
         std::to_string(date.day) + "日";
}

namespace detail {

std::string column_letters(std::size_t index) {
  std::string s;
  for (std::size_t n = index + 1; n > 0; n = (n - 1) / 26)
    s.insert(s.begin(), static_cast<char>('A' + (n - 1) % 26));
  return s;
}

Error SurveyTable::error(ErrorCode code, const CsvRow& row, std::size_t cell, std::string message) const {
  if (cell_references)
    return Error(code, origin + ":" + column_letters(cell) + std::to_string(row.line), std::move(message));
  return Error(code, text_location(origin, row.line, row.column(cell)), std::move(message));
}

std::string clean_cell(std::string_view text) { return clean(text); }

SurveyReturn survey_from_table(const SurveyTable& table) {
  const auto& rows = table.rows;
  const std::string& origin = table.origin;
  SurveyReturn out;
  out.origin = origin;
  out.charset = table.charset;

  // Before the header: the 附件2 label, the title and the 填报单位 / 时间 row. A label's value
  // is in its own cell ("填报单位（盖章）：示例镇") or, in tables laid out as forms, in the next
  // non-empty cell ("填报单位（盖章）：" | "示例镇"), which is then taken whole.
  std::size_t r = 0;
  const detail::CsvRow* unit_row = nullptr;  // where 填报单位 is, for the error when it is empty
  std::size_t unit_cell = 0;
  std::vector<std::string> preamble_notes;
  bool attachment_seen = false;
  auto set_date = [&](const std::string& text, const detail::CsvRow& row, std::size_t cell) {
    if (text.empty()) return;
    out.date = parse_survey_date(text);
    if (!out.date)
      throw table.error(ErrorCode::invalid_date, row, cell,
                        "时间 \"" + text + "\" is not a date like 2020年12月30日 (时间格式无法识别)");
  };
  for (; r < rows.size() && !is_header_row(rows[r]); ++r) {
    enum class Awaiting { nothing, unit, date } waiting = Awaiting::nothing;
    for (std::size_t j = 0; j < rows[r].cells.size(); ++j) {
      const std::string cell = clean(rows[r].cells[j]);
      if (cell.empty()) continue;
      if (waiting == Awaiting::unit && !is_date_label_cell(cell)) {
        out.unit = cell;
        waiting = Awaiting::nothing;
        continue;
      }
      if (waiting == Awaiting::date && cell.find(kUnitLabel) == std::string::npos) {
        set_date(cell, rows[r], j);
        waiting = Awaiting::nothing;
        continue;
      }
      waiting = Awaiting::nothing;
      const std::size_t unit_at = cell.find(kUnitLabel);
      const auto [date_at, date_len] = find_date_label(cell);
      if (unit_at != std::string::npos) {
        const std::size_t from = unit_at + kUnitLabel.size();
        const std::size_t to = date_at != std::string::npos && date_at > unit_at ? date_at : cell.size();
        out.unit = label_value(std::string_view(cell).substr(from, to - from));
        unit_row = &rows[r];
        unit_cell = j;
        if (out.unit.empty() && (date_at == std::string::npos || date_at < unit_at)) waiting = Awaiting::unit;
      }
      if (date_at != std::string::npos) {
        const std::size_t from = date_at + date_len;
        const std::size_t to = unit_at != std::string::npos && unit_at > date_at ? unit_at : cell.size();
        const std::string text = label_value(std::string_view(cell).substr(from, to - from));
        set_date(text, rows[r], j);
        if (text.empty() && (unit_at == std::string::npos || unit_at < date_at)) waiting = Awaiting::date;
      }
      if (unit_at != std::string::npos || date_at != std::string::npos) continue;
      if (!attachment_seen && out.title.empty() && is_attachment_label(cell)) {
        attachment_seen = true;  // 附件2 above the title, as the policy prints the form
      } else if (out.title.empty()) {
        out.title = cell;
      } else {
        preamble_notes.push_back(cell);  // kept, with the notes under the table
      }
    }
  }
  if (r == rows.size()) {
    detail::CsvRow first;
    first.line = 1;
    throw table.error(ErrorCode::missing_field, rows.empty() ? first : rows.back(), 0,
                      "no header row with 证明事项名称 (未找到表头：序号、证明事项名称、法律法规、政策依据…)");
  }
  if (out.unit.empty())
    throw table.error(ErrorCode::missing_field, unit_row ? *unit_row : rows[r], unit_row ? unit_cell : 0,
                      "填报单位 is missing or empty: every return names the township or department "
                      "that reports it (缺少填报单位)");
  if (out.title.empty()) out.title = std::string(kSurveyTitle);

  // The header: the six columns by name. A heading the form does not have is refused rather
  // than its cells dropped.
  const auto& header = rows[r];
  int column_of[6] = {-1, -1, -1, -1, -1, -1};
  std::vector<bool> headed(header.cells.size(), false);
  std::size_t width = 0;  // up to the last heading
  for (std::size_t j = 0; j < header.cells.size(); ++j) {
    const std::string h = clean(header.cells[j]);
    if (h.empty()) continue;
    width = j + 1;
    const int k = header_column(h);
    if (k < 0)
      throw table.error(ErrorCode::unknown_field, header, j,
                  "column \"" + h + "\" is not a column of 附件2 (未知列); the columns are 序号, "
                  "证明事项名称, 法律法规、政策依据, 实施单位, 主管部门, 备注");
    if (column_of[k] >= 0)
      throw table.error(ErrorCode::duplicate_id, header, j,
                  "column " + std::string(kHeaders[k]) + " appears twice (表头重复)");
    column_of[k] = static_cast<int>(j);
    headed[j] = true;
  }
  if (column_of[2] < 0)
    throw table.error(ErrorCode::missing_field, header, 0,
                "the header has no 法律法规、政策依据 column (表头缺少依据列)");

  auto cell_of = [&](const detail::CsvRow& row, int k) {
    return column_of[k] < 0 ? std::string() : clean(row.cell(static_cast<std::size_t>(column_of[k])));
  };
  auto cell_index = [&](int k) { return column_of[k] < 0 ? std::size_t{0} : static_cast<std::size_t>(column_of[k]); };
  // The printed form numbers its empty rows: a number alone that goes on with the numbering,
  // right under the table, is such a row. Anything else alone in the first column — after a
  // blank row or a note, or not the next number — is a note (注：…, 填表说明).
  int next_number = 1;
  bool below_table = false;  // a blank row or a note has ended the table
  std::vector<std::string> notes;
  for (++r; r < rows.size(); ++r) {
    const auto& row = rows[r];
    if (row.is_blank()) {
      below_table = true;
      continue;
    }
    if (const std::size_t j = detail::stray_cell(row, headed); j != std::string::npos)
      throw table.error(ErrorCode::invalid_value, row, j,
                        "a cell under no column heading (该单元格不在附件2的任何一列下): \"" +
                            clean(row.cells[j]) + "\"");
    if (table.complete_rows && detail::is_cut_off(row, width))
      throw table.error(ErrorCode::invalid_value, row, row.cells.size(),
                  "the row has " + std::to_string(row.cells.size()) + " of the table's " +
                      std::to_string(width) +
                      " cells: it is incomplete — was the file cut off? (该行不完整，文件可能被截断)");
    SurveyRow s;
    s.line = row.line;
    s.name = cell_of(row, 1);
    s.basis = cell_of(row, 2);
    s.implementer = cell_of(row, 3);
    s.authority = cell_of(row, 4);
    s.note = cell_of(row, 5);
    const std::string seq = cell_of(row, 0);
    const bool rest_blank = s.name.empty() && s.basis.empty() && s.implementer.empty() &&
                            s.authority.empty() && s.note.empty();
    const std::optional<int> number = seq.empty() ? std::nullopt : seq_number(seq);
    if (rest_blank) {
      if (!below_table && number == next_number) {
        ++next_number;
        continue;
      }
      notes.push_back(seq);
      below_table = true;
      continue;
    }
    if (!seq.empty() && !number)
      throw table.error(ErrorCode::invalid_value, row, cell_index(0),
                  "序号 \"" + seq + "\" is not a whole number 0–999999 (序号应为数字)");
    if (s.name.empty())
      throw table.error(ErrorCode::missing_field, row, cell_index(1),
                  "row has no 证明事项名称 (该行缺少证明事项名称)");
    s.seq = number.value_or(0);
    next_number = (s.seq ? s.seq : next_number) + 1;
    out.rows.push_back(std::move(s));
  }
  out.notes = std::move(preamble_notes);
  out.notes.insert(out.notes.end(), notes.begin(), notes.end());
  return out;
}

}  // namespace detail

SurveyReturn parse_survey_csv(std::string_view bytes, std::string_view origin) {
  detail::Decoded decoded = detail::decode_to_utf8(bytes, origin);
  detail::SurveyTable table;
  table.rows = detail::parse_csv(decoded.utf8, origin);
  table.origin = std::string(origin);
  table.charset = detail::to_string(decoded.charset);
  return detail::survey_from_table(table);
}

SurveyReturn load_survey(const std::string& path) {
  const std::string bytes = detail::read_file(path);
  // An XLSX workbook is a zip archive; an .xls (Excel 97–2003) or a password-protected
  // workbook is an OLE2 compound file.
  if (bytes.compare(0, 4, "PK\x03\x04") == 0) return parse_survey_xlsx(bytes, path);
  if (bytes.compare(0, 8, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") == 0)
    throw Error(ErrorCode::unsupported_format, path,
                path + " is an Excel 97–2003 (.xls) or password-protected workbook; save it as .xlsx "
                       "(Excel 工作簿) or CSV without a password (请另存为 .xlsx 或 CSV)");
  std::size_t i = bytes.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
  while (i < bytes.size() && (bytes[i] == ' ' || bytes[i] == '\n' || bytes[i] == '\r' ||
                              bytes[i] == '\t'))
    ++i;
  if (i < bytes.size() && bytes[i] == '{') return parse_survey_json(bytes.substr(i), path);
  return parse_survey_csv(bytes, path);
}

namespace detail {

SurveyReturn survey_for_writing(const SurveyReturn& s) {
  SurveyReturn w;
  w.title = clean(s.title);
  if (w.title.empty()) w.title = std::string(kSurveyTitle);
  w.unit = clean(s.unit);
  if (w.unit.empty())
    throw Error(ErrorCode::missing_field, "unit", "填报单位 is empty: a return names its unit (缺少填报单位)");
  w.date = s.date;
  w.origin = s.origin;
  w.charset = s.charset;
  int n = 0;
  for (const auto& r : s.rows) {
    ++n;
    SurveyRow c = r;
    c.name = clean(r.name);
    c.basis = clean(r.basis);
    c.implementer = clean(r.implementer);
    c.authority = clean(r.authority);
    c.note = clean(r.note);
    if (c.name.empty())
      throw Error(ErrorCode::missing_field, "rows/" + std::to_string(n - 1) + "/name",
                  "row " + std::to_string(n) + " has no 证明事项名称 (该行缺少证明事项名称)");
    if (c.seq < 0 || c.seq > 999999)
      throw Error(ErrorCode::invalid_value, "rows/" + std::to_string(n - 1) + "/seq",
                  "序号 " + std::to_string(c.seq) + " is not 0–999999");
    w.rows.push_back(std::move(c));
  }
  for (const auto& note : s.notes)
    if (std::string c = clean(note); !c.empty()) w.notes.push_back(std::move(c));
  return w;
}

// The table as printed: the 附件2 label, the title, 填报单位 and 时间 each with the value in
// the cell after its label, the header, the rows (a blank 序号 stays blank), and the notes
// after a blank row. Shared with src/xlsx.cpp.
std::vector<std::vector<std::string>> survey_table(const SurveyReturn& survey) {
  const SurveyReturn s = survey_for_writing(survey);
  std::vector<std::vector<std::string>> t;
  t.push_back({"附件2", "", "", "", "", ""});
  t.push_back({s.title, "", "", "", "", ""});
  t.push_back({"填报单位（盖章）：", "", s.unit, "时间：", s.date ? format_survey_date(*s.date) : "", ""});
  t.emplace_back(std::begin(kHeaders), std::end(kHeaders));
  for (const auto& r : s.rows)
    t.push_back({r.seq ? std::to_string(r.seq) : std::string(), r.name, r.basis, r.implementer,
                 r.authority, r.note});
  if (!s.notes.empty()) t.push_back({"", "", "", "", "", ""});
  for (const auto& note : s.notes) t.push_back({note, "", "", "", "", ""});
  return t;
}

}  // namespace detail

std::string to_csv(const SurveyReturn& survey, bool gb18030) {
  const auto table = detail::survey_table(survey);
  if (gb18030) return detail::utf8_to_gb18030(detail::write_csv(table, false));
  return detail::write_csv(table, true);
}

}  // namespace jianzheng

// ===========================================================================================
// Checking rows (二（三）1) and merging returns into the county list (二（三）2).
// ===========================================================================================

namespace jianzheng {

namespace {

constexpr detail::EnumNames<SurveyVerdict, 5> kVerdictNames{{
    {SurveyVerdict::keep, "keep"},
    {SurveyVerdict::keep_for_stated_purpose, "keep_for_stated_purpose"},
    {SurveyVerdict::cancel_listed, "cancel_listed"},
    {SurveyVerdict::cancel_no_basis, "cancel_no_basis"},
    {SurveyVerdict::review, "review"},
}};

const char* level_name_zh(BasisLevel level) {
  switch (level) {
    case BasisLevel::law: return "法律";
    case BasisLevel::administrative_regulation: return "行政法规";
    case BasisLevel::local_regulation: return "地方性法规";
    case BasisLevel::state_council_retained_list: return "国务院批准保留的证明事项清单";
    case BasisLevel::departmental_rule: return "规章";
    case BasisLevel::policy_document: return "规范性文件";
    case BasisLevel::unknown: return "层级不明";
  }
  return "层级不明";
}

std::string basis_label(const LegalBasis& b) {
  return b.title + b.article;
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (const auto& p : parts) {
    if (!out.empty()) out += sep;
    out += p;
  }
  return out;
}

template <class T>
void add_distinct(std::vector<T>& to, const T& v) {
  if (std::find(to.begin(), to.end(), v) == to.end()) to.push_back(v);
}

// Adds a basis unless it is there already: 《条例》 and 《条例》第九条 are one basis, the one with
// the article kept.
void add_basis(std::vector<LegalBasis>& to, const LegalBasis& b) {
  for (auto& have : to) {
    if (have == b) return;
    if (have.title != b.title || have.level != b.level) continue;
    if (b.article.empty()) return;
    if (have.article.empty()) {
      have = b;
      return;
    }
  }
  to.push_back(b);
}

// Text inside the name's parentheses (full-width or not): where reporters write the purpose,
// as in 亲属关系证明（用于办理公证）.
std::string parenthesised(std::string_view name) {
  std::string out;
  std::size_t i = 0;
  while (i < name.size()) {
    std::size_t open = std::string_view::npos, len = 0;
    for (std::string_view o : {"（", "("}) {
      const auto at = name.find(o, i);
      if (at != std::string_view::npos && at < open) { open = at; len = o.size(); }
    }
    if (open == std::string_view::npos) break;
    std::size_t close = std::string_view::npos, clen = 0;
    for (std::string_view c : {"）", ")"}) {
      const auto at = name.find(c, open + len);
      if (at != std::string_view::npos && at < close) { close = at; clen = c.size(); }
    }
    if (close == std::string_view::npos) break;
    out += std::string(name.substr(open + len, close - open - len)) + " ";
    i = close + clen;
  }
  return out;
}

// The name without its parentheses: 亲属关系证明（用于办理公证） → 亲属关系证明.
std::string without_parentheses(std::string_view name) {
  std::string out;
  int depth = 0;
  for (std::size_t i = 0; i < name.size();) {
    if (name.compare(i, 3, "（") == 0) { ++depth; i += 3; continue; }
    if (name.compare(i, 3, "）") == 0) { if (depth) --depth; i += 3; continue; }
    if (name[i] == '(') { ++depth; ++i; continue; }
    if (name[i] == ')') { if (depth) --depth; ++i; continue; }
    if (!depth) out += name[i];
    ++i;
  }
  return trim(out);
}

// The carve-out of `item` that `text` names, by the catalog's matching setting, in force on
// `on`; nullptr when none. 附件1: "（不动产登记情况、公证办理情况除外）" etc.
const CarveOut* carve_out_named(const Item& item, const std::string& text, const Settings& settings,
                                const Date& on) {
  if (trim(text).empty()) return nullptr;
  for (const auto& c : item.carve_outs) {
    if (!c.validity.contains(on)) continue;
    if (settings.carve_out_matching == CarveOutMatching::scenario) {
      if (text.find(c.scenario) != std::string::npos) return &c;
      continue;
    }
    if (text.find(c.scenario) != std::string::npos) return &c;
    for (const auto& w : c.words)
      if (!w.empty() && text.find(w) != std::string::npos) return &c;
  }
  return nullptr;
}

}  // namespace

const char* to_string(SurveyVerdict v) noexcept { return kVerdictNames.name(v); }
std::optional<SurveyVerdict> survey_verdict_from_string(std::string_view s) noexcept {
  return kVerdictNames.parse(s);
}

std::vector<std::string> split_bases(std::string_view cell) {
  std::vector<std::string> pieces;
  std::string current;
  int depth = 0;  // inside 《》 a 、 belongs to the title
  auto flush = [&] {
    std::string t = trim(current);
    current.clear();
    if (t.empty()) return;
    // 《…》第五条、第六条: an article alone continues the previous title.
    if (!pieces.empty() && t.compare(0, 3, "第") == 0 && t.find("《") == std::string::npos) {
      pieces.back() += "、" + t;
      return;
    }
    pieces.push_back(std::move(t));
  };
  for (std::size_t i = 0; i < cell.size();) {
    if (cell.compare(i, 3, "《") == 0) ++depth;
    if (cell.compare(i, 3, "》") == 0 && depth) --depth;
    const bool sep3 = cell.compare(i, 3, "、") == 0 || cell.compare(i, 3, "；") == 0;
    const bool sep1 = cell[i] == ';' || cell[i] == '\n' || cell[i] == '\r';
    if (!depth && (sep3 || sep1)) {
      flush();
      i += sep3 ? 3 : 1;
      continue;
    }
    current += cell[i];
    ++i;
  }
  flush();
  return pieces;
}

namespace {

// Resolves a reported name to a catalog item with the name matcher (docs/design.md §4 step 1), so
// 单身证明, 户籍证明 or a Traditional spelling find their listed item.
class Resolver {
 public:
  explicit Resolver(const Catalog& catalog) : matcher_(catalog) {}

  const Item* resolve(const std::string& name) const {
    if (auto m = matcher_.best(name)) return m->item;
    // 亲属关系证明（用于办理公证）: the purpose in parentheses is not part of the name.
    const std::string base = without_parentheses(name);
    if (base != name && !base.empty())
      if (auto m = matcher_.best(base)) return m->item;
    return nullptr;
  }

  // The join key of an unmatched name (二（三）2: rows naming the same certificate join).
  static std::string key(const std::string& name) { return normalize_name(name); }

 private:
  NameMatcher matcher_;
};

// The verdict of a set of bases on an item that is not on a no-issue list.
struct BasisVerdict {
  SurveyVerdict verdict;
  std::vector<std::string> clauses;
  std::string why;
};

BasisVerdict judge_bases(const std::vector<LegalBasis>& bases, const Settings& settings) {
  std::vector<std::string> qualifying, unknown, other;
  for (const auto& b : bases) {
    const std::string label = basis_label(b) + "（" + level_name_zh(b.level) + "）";
    if (settings.qualifies(b.level)) add_distinct(qualifying, label);
    else if (b.level == BasisLevel::unknown) add_distinct(unknown, basis_label(b));
    else add_distinct(other, label);
  }
  if (!qualifying.empty())
    // 二（一）1: a clear basis in law or regulation → issue by law; 二（三）2: it goes on the
    // county list.
    return {SurveyVerdict::keep, {"2.1.1", "2.3.2"},
            "有法律法规依据" + join(qualifying, "、") +
                "，应当依法出具，列入县级出具证明事项清单（二（一）1、二（三）2）"};
  if (!unknown.empty())
    return {SurveyVerdict::review, {"2.3.2", "2.1.1"},
            "依据" + join(unknown, "、") +
                "的效力层级无法从文字判断，需核实是否为法律法规或国务院批准保留的证明事项清单后再定"
                "（二（一）1、二（三）2）"};
  if (!other.empty())
    // 二（二）1 / 二（三）1: a policy document or rule is not a legal basis: 一律取消.
    return {SurveyVerdict::cancel_no_basis, {"2.3.1", "2.2.1"},
            "所列依据" + join(other, "、") +
                "不是法律法规，也不是经国务院批准列入保留证明事项清单的事项，属自行设定，一律取消"
                "（二（三）1、二（二）1）"};
  return {SurveyVerdict::cancel_no_basis, {"2.3.1", "2.2.1"},
          "未填写法律法规依据，属自行设定的证明事项，一律取消（二（三）1、二（二）1）"};
}

std::vector<LegalBasis> parse_bases(const std::string& cell) {
  std::vector<LegalBasis> out;
  for (const auto& piece : split_bases(cell)) {
    LegalBasis b = parse_basis(piece);
    if (b.title.empty()) continue;
    if (std::find(out.begin(), out.end(), b) == out.end()) out.push_back(std::move(b));
  }
  return out;
}

// The verdict on one certificate (a row, or an entry joining rows).
struct Judgement {
  SurveyVerdict verdict = SurveyVerdict::review;
  const Item* item = nullptr;
  const CarveOut* carve_out = nullptr;
  std::vector<std::string> clauses;
  std::string why;
};

Judgement judge(const Item* item, const std::string& purpose_text,
                const std::vector<LegalBasis>& bases, const Catalog& catalog, const Date& on) {
  Judgement j;
  j.item = item;
  if (item && item->disposition == Disposition::not_by_committee) {
    const std::string listed = "「" + item->name + "」列入《不应由基层群众性自治组织出具证明事项清单（第一批）》第" +
                               std::to_string(item->seq) + "项";
    if (const CarveOut* c = carve_out_named(*item, purpose_text, catalog.settings(), on)) {
      // 附件1 （…除外）: the listing does not cover this purpose; the committee issues for it
      // only, within its duties and verifiably, stating the purpose (二（一）1).
      j.verdict = SurveyVerdict::keep_for_stated_purpose;
      j.carve_out = c;
      j.clauses = {"annex.1", "2.1.1", "2.3.2"};
      j.why = listed + "，但所述用途属于「" + c->scenario +
              "」除外情形，可仅为该用途出具，证明上注明用途（附件1 除外情形、二（一）1、二（三）2）";
      return j;
    }
    // 二（二）2: items on the first-batch list are in general not issued.
    j.verdict = SurveyVerdict::cancel_listed;
    j.clauses = {"2.2.2", "annex.1"};
    j.why = listed + "，一般情况下不予出具，应按附件1所列办事途径办理（二（二）2、附件1）";
    return j;
  }
  // An item already on a county list below keeps its own bases too.
  std::vector<LegalBasis> all = bases;
  if (item)
    for (const auto& b : item->bases) add_distinct(all, b);
  BasisVerdict v = judge_bases(all, catalog.settings());
  j.verdict = v.verdict;
  j.clauses = std::move(v.clauses);
  j.why = std::move(v.why);
  return j;
}

Date check_date(const std::optional<Date>& d) { return d ? *d : Date::today(); }

std::string entry_where(const SurveyReturn& s, const SurveyRow& r) {
  return s.origin + (r.line ? ":" + std::to_string(r.line) : std::string());
}

Finding finding(Severity severity, std::string code, std::string where, std::string message,
                std::string clause) {
  Finding f;
  f.severity = severity;
  f.code = std::move(code);
  f.where = std::move(where);
  f.message = std::move(message);
  f.clause = std::move(clause);
  return f;
}

// A row as the table shows it: "第5行「居住证明」" (the line, or the sheet's row, when known).
std::string row_label(const SurveyRow& r, int position) {
  return (r.line ? "第" + std::to_string(r.line) + "行" : "第" + std::to_string(position) + "条") +
         "「" + r.name + "」";
}

// What looks wrong in the table itself (附件2): one 序号 on two rows, one certificate reported
// twice. Neither stops the check: the rows are still judged, and the bureau is told.
std::vector<Finding> table_findings(const SurveyReturn& s) {
  std::vector<Finding> out;
  std::map<int, std::pair<const SurveyRow*, int>> by_seq;
  std::map<std::string, std::pair<const SurveyRow*, int>> by_certificate;
  int position = 0;
  for (const auto& r : s.rows) {
    ++position;
    const std::string where = entry_where(s, r);
    if (r.seq) {
      const auto [it, fresh] = by_seq.emplace(r.seq, std::make_pair(&r, position));
      if (!fresh)
        out.push_back(finding(Severity::warning, "seq_reused", where,
                              "「" + s.unit + "」的统计表中序号 " + std::to_string(r.seq) + " 用了两次：" +
                                  row_label(*it->second.first, it->second.second) + "和" +
                                  row_label(r, position) + "（附件2）",
                              "annex.2"));
    }
    // The same certificate for the same stated purpose (名称 and 备注 alike once normalised).
    const std::string key = normalize_name(r.name) + "\x1f" + normalize_name(r.note);
    const auto [it, fresh] = by_certificate.emplace(key, std::make_pair(&r, position));
    if (!fresh) {
      const SurveyRow& first = *it->second.first;
      const bool identical = first.name == r.name && first.basis == r.basis &&
                             first.implementer == r.implementer && first.authority == r.authority &&
                             first.note == r.note;
      out.push_back(finding(Severity::warning, "duplicate_row", where,
                            "「" + s.unit + "」的统计表重复填报同一证明事项：" +
                                row_label(first, it->second.second) + "和" + row_label(r, position) +
                                (identical ? "，两行完全相同" : "，两行内容不同，合并时按全部依据判定") +
                                "（附件2）",
                            "annex.2"));
    }
  }
  return out;
}

}  // namespace

SurveyCheck validate_survey(const SurveyReturn& survey, const Catalog& catalog) {
  const Resolver resolver(catalog);
  SurveyCheck out;
  out.unit = survey.unit;
  out.date = survey.date;
  out.origin = survey.origin;
  const Date on = check_date(survey.date);
  int position = 0;
  for (const auto& row : survey.rows) {
    RowCheck rc;
    rc.row = ++position;
    rc.seq = row.seq;
    rc.line = row.line;
    rc.name = row.name;
    rc.basis = row.basis;
    rc.bases = parse_bases(row.basis);
    const Item* item = resolver.resolve(row.name);
    Judgement j = judge(item, parenthesised(row.name) + " " + row.note, rc.bases, catalog, on);
    rc.verdict = j.verdict;
    if (item) rc.item = item->id;
    if (j.carve_out) rc.carve_out = j.carve_out->scenario;
    rc.clauses = std::move(j.clauses);
    rc.why = std::move(j.why);
    out.rows.push_back(std::move(rc));
  }
  out.findings = table_findings(survey);
  return out;
}

CountyDraft merge_surveys(const std::vector<SurveyReturn>& surveys, const Catalog& catalog,
                          const DraftOptions& options) {
  const Resolver resolver(catalog);
  CountyDraft draft;

  struct Group {
    CountyEntry entry;
    std::string purpose_text;      // parentheses and 备注 of every row
    std::set<SurveyVerdict> row_verdicts;
    std::vector<std::string> rows; // file:line of every row
    Date on;
  };
  std::vector<Group> groups;
  std::map<std::string, std::size_t> by_key;

  for (const auto& survey : surveys) {
    const Date on = check_date(survey.date);
    for (auto& f : table_findings(survey)) draft.findings.push_back(std::move(f));
    // 三（二）: returns are due at the county bureau by 2020-12-30.
    if (!survey.date)
      draft.findings.push_back(finding(Severity::warning, "return_undated", survey.origin,
                                       "「" + survey.unit + "」的统计表未填写时间（附件2）", "annex.2"));
    else if (options.deadline && *options.deadline < *survey.date)
      draft.findings.push_back(finding(
          Severity::warning, "return_late", survey.origin,
          "「" + survey.unit + "」的统计表填报时间 " + survey.date->to_string() + " 晚于报送期限 " +
              options.deadline->to_string() + "（三（二））",
          "3.2"));
    for (const auto& row : survey.rows) {
      const Item* item = resolver.resolve(row.name);
      const std::vector<LegalBasis> bases = parse_bases(row.basis);
      const std::string purpose = parenthesised(row.name) + " " + row.note;
      const Judgement j = judge(item, purpose, bases, catalog, on);
      // Join by matched item (and carve-out, a separate certificate), else by the name.
      std::string key = item ? "item:" + item->id + (j.carve_out ? "#" + j.carve_out->scenario : "")
                             : "name:" + Resolver::key(row.name);
      auto [it, inserted] = by_key.emplace(key, groups.size());
      if (inserted) {
        Group g;
        g.on = on;
        g.entry.name = row.name;
        if (item) {
          g.entry.item = item->id;
          g.entry.name = j.carve_out ? row.name : item->name;
        }
        if (j.carve_out) g.entry.carve_out = j.carve_out->scenario;
        groups.push_back(std::move(g));
      }
      Group& g = groups[it->second];
      // Spellings that differ only in white space, width or brackets are one name.
      if (std::none_of(g.entry.names.begin(), g.entry.names.end(), [&](const std::string& n) {
            return Resolver::key(n) == Resolver::key(row.name);
          }))
        g.entry.names.push_back(row.name);
      add_distinct(g.entry.reported_by, survey.unit);
      for (const auto& b : bases) add_basis(g.entry.bases, b);
      if (!row.implementer.empty()) add_distinct(g.entry.implementers, row.implementer);
      if (!row.authority.empty()) add_distinct(g.entry.authorities, row.authority);
      g.purpose_text += purpose + " ";
      g.row_verdicts.insert(j.verdict);
      g.rows.push_back(entry_where(survey, row));
    }
  }

  // The verdict of an entry is that of all its bases together: one unit citing the law is
  // enough for the certificate to stand (二（一）1), whatever the others wrote.
  std::vector<CountyEntry> kept, rest;
  std::set<std::string> used_ids;
  for (const auto& item : catalog.items()) used_ids.insert(item.id);
  CatalogLayer& layer = draft.layer;
  layer.provenance.id = options.layer_id;
  layer.provenance.level = JurisdictionLevel::county;
  layer.provenance.jurisdiction = options.jurisdiction;
  layer.provenance.title = options.title;
  layer.provenance.example = options.example;
  {
    std::vector<std::string> units;
    for (const auto& s : surveys) add_distinct(units, s.unit);
    layer.provenance.note = "二（三）2 县级清单草案，由附件2统计表合并生成：" + join(units, "、");
  }
  if (!catalog.provenance().empty()) layer.extends = catalog.provenance().back().id;

  for (auto& g : groups) {
    CountyEntry& e = g.entry;
    const Item* item = e.item.empty() ? nullptr : catalog.find(e.item);
    const Judgement j = judge(item, g.purpose_text, e.bases, catalog, g.on);
    e.verdict = j.verdict;
    e.clauses = j.clauses;
    e.why = j.why;
    const std::string where = join(g.rows, "; ");
    const std::string who = join(e.reported_by, "、");
    if (g.row_verdicts.size() > 1)
      draft.findings.push_back(finding(
          Severity::info, "reports_differ", where,
          "「" + e.name + "」各单位填报的依据不一致，合并后按全部依据判定为 " + to_string(e.verdict),
          "2.3.2"));
    if (e.names.size() > 1)
      draft.findings.push_back(finding(Severity::info, "names_differ", where,
                                       "同一证明事项有不同名称：" + join(e.names, "、"), "2.3.2"));
    switch (e.verdict) {
      case SurveyVerdict::cancel_listed:
        draft.findings.push_back(finding(Severity::warning, "listed_item_reported", where,
                                         who + " 填报的「" + join(e.names, "」「") + "」：" + j.why,
                                         "2.2.2"));
        break;
      case SurveyVerdict::cancel_no_basis:
        draft.findings.push_back(finding(Severity::warning, "cancelled_no_basis", where,
                                         "「" + e.name + "」（" + who + "）" + j.why, "2.3.1"));
        break;
      case SurveyVerdict::review:
        draft.findings.push_back(finding(Severity::warning, "basis_needs_review", where,
                                         "「" + e.name + "」（" + who + "）" + j.why, "2.3.2"));
        break;
      case SurveyVerdict::keep:
      case SurveyVerdict::keep_for_stated_purpose: {
        if (item && !j.carve_out) {
          // Already an item below this layer (a county list being revised): nothing to add.
          e.id = item->id;
          break;
        }
        // Into the draft layer as a by_committee item (二（三）2).
        Item it;
        std::string id;
        if (item && j.carve_out) {
          id = item->id + "-for-" + detail::ascii_slug(j.carve_out->scenario, 32);
        } else {
          id = "county-" + detail::ascii_slug(without_parentheses(e.name));
          if (id == "county-") id = "county-item";
        }
        std::string unique = id;
        for (int n = 2; used_ids.count(unique); ++n) unique = id + "-" + std::to_string(n);
        used_ids.insert(unique);
        e.id = unique;
        it.id = unique;
        it.name = e.name;
        it.disposition = Disposition::by_committee;
        // The list cites the qualifying bases only (二（一）1); the entry keeps all of them.
        for (const auto& b : e.bases)
          if (catalog.settings().qualifies(b.level)) add_basis(it.bases, b);
        if (j.carve_out) {
          it.purpose = j.carve_out->scenario;
          for (const auto& b : j.carve_out->bases) add_basis(it.bases, b);
        }
        for (const auto& n : e.names)
          if (n != it.name && Resolver::key(n) != Resolver::key(it.name))
            it.aliases.push_back(Alias{n, AliasSource::added});
        layer.items.push_back(std::move(it));
        break;
      }
    }
    (e.verdict == SurveyVerdict::keep || e.verdict == SurveyVerdict::keep_for_stated_purpose
         ? kept
         : rest)
        .push_back(std::move(e));
  }
  draft.entries = std::move(kept);
  for (auto& e : rest) draft.entries.push_back(std::move(e));
  return draft;
}

}  // namespace jianzheng

// SurveyReturn: reading and writing 附件2 tables (二（三）1, 三（二）).
#include "jianzheng/survey.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>

#include "csv.hpp"
#include "jianzheng/error.hpp"
#include "text/charset.hpp"

namespace jianzheng {

namespace {

// Column headers of 附件2, in the seed's order.
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
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1Fu) : len == 3 ? (c & 0x0Fu) : (c & 0x07u);
    for (std::size_t k = 1; k < len && i + k < s.size(); ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
    out.push_back(cp);
    i += len;
  }
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

// The text after a label ("填报单位（盖章）：" or "时间:"), up to `stop` when given.
std::string after_label(const std::string& cell, std::string_view label, std::string_view stop) {
  std::size_t at = cell.find(label);
  if (at == std::string::npos) return {};
  std::string rest = cell.substr(at + label.size());
  if (!stop.empty()) {
    const std::size_t end = rest.find(stop);
    if (end != std::string::npos) rest.resize(end);
  }
  // Skip "（盖章）" or "(盖章)" and the colon, full-width or not.
  for (std::string_view skip : {"（盖章）", "(盖章)"}) {
    std::string t = trim(rest);
    if (t.compare(0, skip.size(), skip) == 0) rest = t.substr(skip.size());
  }
  std::string t = trim(rest);
  for (std::string_view colon : {"：", ":"})
    if (t.compare(0, colon.size(), colon) == 0) return trim(t.substr(colon.size()));
  return t;
}

std::string where(std::string_view origin, int line, int column = 1) {
  return std::string(origin) + ":" + std::to_string(line) + ":" + std::to_string(column);
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

}  // namespace

std::optional<Date> parse_survey_date(std::string_view text) {
  if (detail::find_invalid_utf8_offset(text) != std::string_view::npos) return std::nullopt;
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

SurveyReturn parse_survey_csv(std::string_view bytes, std::string_view origin) {
  detail::Decoded decoded = detail::decode_to_utf8(bytes, origin);
  const auto rows = detail::parse_csv(decoded.utf8, origin);

  SurveyReturn out;
  out.origin = std::string(origin);
  out.charset = detail::to_string(decoded.charset);

  // Before the header: the title (附件2 …统计表) and the 填报单位 / 时间 row.
  std::size_t r = 0;
  int unit_line = 0;
  for (; r < rows.size() && !is_header_row(rows[r]); ++r) {
    for (const auto& raw : rows[r].cells) {
      const std::string cell = trim(raw);
      if (cell.empty()) continue;
      const bool has_unit = cell.find("填报单位") != std::string::npos;
      const bool has_date = cell.find("时间") != std::string::npos;
      if (has_unit) {
        out.unit = after_label(cell, "填报单位", "时间");
        unit_line = rows[r].line;
      }
      if (has_date) {
        const std::string text = after_label(cell, "时间", "");
        if (!text.empty()) {
          out.date = parse_survey_date(text);
          if (!out.date)
            throw Error(ErrorCode::invalid_date, where(origin, rows[r].line),
                        "时间 \"" + text + "\" is not a date like 2020年12月30日 (时间格式无法识别)");
        }
      }
      if (!has_unit && !has_date && out.title.empty() && cell != "附件2" && cell != "附件 2")
        out.title = cell;
    }
  }
  if (r == rows.size())
    throw Error(ErrorCode::missing_field, where(origin, rows.empty() ? 1 : rows.back().line),
                "no header row with 证明事项名称 (未找到表头：序号、证明事项名称、法律法规、政策依据…)");
  if (out.unit.empty())
    throw Error(ErrorCode::missing_field, where(origin, unit_line ? unit_line : rows[r].line),
                "填报单位 is missing or empty: every return names the township or department "
                "that reports it (缺少填报单位)");
  if (out.title.empty()) out.title = std::string(kSurveyTitle);

  const auto& header = rows[r];
  int column_of[6] = {-1, -1, -1, -1, -1, -1};
  for (std::size_t j = 0; j < header.cells.size(); ++j) {
    const int k = header_column(header.cells[j]);
    if (k >= 0) {
      if (column_of[k] >= 0)
        throw Error(ErrorCode::duplicate_id, where(origin, header.line),
                    "column " + std::string(kHeaders[k]) + " appears twice (表头重复)");
      column_of[k] = static_cast<int>(j);
    }
  }
  if (column_of[2] < 0)
    throw Error(ErrorCode::missing_field, where(origin, header.line),
                "the header has no 法律法规、政策依据 column (表头缺少依据列)");

  auto cell_of = [&](const detail::CsvRow& row, int k) {
    return column_of[k] < 0 ? std::string() : trim(row.cell(static_cast<std::size_t>(column_of[k])));
  };
  for (++r; r < rows.size(); ++r) {
    const auto& row = rows[r];
    if (row.is_blank()) continue;
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
    bool numeric = !seq.empty() && seq.size() <= 6 &&
                   std::all_of(seq.begin(), seq.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (rest_blank) {
      // The printed form numbers its empty rows; text alone in the first column under the
      // table is a note (填表说明, 注：…).
      if (!numeric) {
        for (const auto& c : row.cells)
          if (!trim(c).empty()) out.notes.push_back(trim(c));
      }
      continue;
    }
    if (!seq.empty() && !numeric)
      throw Error(ErrorCode::invalid_value, where(origin, row.line, 1),
                  "序号 \"" + seq + "\" is not a number (序号应为数字)");
    if (s.name.empty())
      throw Error(ErrorCode::missing_field, where(origin, row.line),
                  "row has no 证明事项名称 (该行缺少证明事项名称)");
    s.seq = numeric ? std::stoi(seq) : 0;
    out.rows.push_back(std::move(s));
  }
  return out;
}

SurveyReturn load_survey(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::io_error, path, "cannot open file " + path + " (无法打开文件)");
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::size_t i = bytes.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
  while (i < bytes.size() && (bytes[i] == ' ' || bytes[i] == '\n' || bytes[i] == '\r' ||
                              bytes[i] == '\t'))
    ++i;
  if (i < bytes.size() && bytes[i] == '{') return parse_survey_json(bytes.substr(i), path);
  return parse_survey_csv(bytes, path);
}

namespace {
std::vector<std::vector<std::string>> table_of(const SurveyReturn& s) {
  std::vector<std::vector<std::string>> t;
  t.push_back({s.title.empty() ? std::string(kSurveyTitle) : s.title, "", "", "", "", ""});
  t.push_back({"填报单位（盖章）：" + s.unit, "", "", "时间：" + (s.date ? format_survey_date(*s.date) : ""),
               "", ""});
  t.emplace_back(std::begin(kHeaders), std::end(kHeaders));
  int n = 0;
  for (const auto& r : s.rows) {
    ++n;
    t.push_back({std::to_string(r.seq ? r.seq : n), r.name, r.basis, r.implementer, r.authority,
                 r.note});
  }
  for (const auto& note : s.notes) t.push_back({note, "", "", "", "", ""});
  return t;
}
}  // namespace

std::string to_csv(const SurveyReturn& survey, bool gb18030) {
  const auto table = table_of(survey);
  if (gb18030) return detail::utf8_to_gb18030(detail::write_csv(table, false));
  return detail::write_csv(table, true);
}

namespace detail {
// Shared with src/xlsx.cpp: the table as printed.
std::vector<std::vector<std::string>> survey_table(const SurveyReturn& s) { return table_of(s); }
}  // namespace detail

}  // namespace jianzheng

#include "csv.hpp"

#include "jianzheng/error.hpp"
#include "text/position.hpp"
#include "text/utf8.hpp"

namespace jianzheng::detail {

namespace {

const std::string kEmpty;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Nothing but white space: ASCII, the ideographic space U+3000 and NBSP, which office
// programs pad cells with.
bool blank_text(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    if (is_space(s[i])) ++i;
    else if (s.compare(i, 3, "\xE3\x80\x80") == 0) i += 3;
    else if (s.compare(i, 2, "\xC2\xA0") == 0) i += 2;
    else return false;
  }
  return true;
}

}  // namespace

const std::string& CsvRow::cell(std::size_t i) const {
  return i < cells.size() ? cells[i] : kEmpty;
}

int CsvRow::column(std::size_t i) const {
  if (i < columns.size()) return columns[i];
  return columns.empty() ? 1 : columns.back() + static_cast<int>(cells.back().size());
}

bool CsvRow::is_blank() const {
  for (const auto& c : cells)
    if (!blank_text(c)) return false;
  return true;
}

std::vector<CsvRow> parse_csv(std::string_view text, std::string_view origin) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (auto bad = find_invalid_utf8(text); bad != std::string_view::npos) {
    throw Error(ErrorCode::invalid_utf8, text_location(origin, text, bad),
                "text is not valid UTF-8 (文本不是有效的 UTF-8 编码)");
  }

  std::vector<CsvRow> rows;
  CsvRow row;
  std::string cell;
  int line = 1, column = 1;
  row.line = 1;
  std::size_t i = 0;
  const std::size_t n = text.size();
  bool at_cell_start = true;  // nothing of the current cell read yet
  bool record_open = false;   // something of the current record read

  int cell_column = 1;  // where the current cell started
  auto end_cell = [&] {
    row.cells.push_back(formula_unguard(cell));
    row.columns.push_back(cell_column);
    cell.clear();
  };
  auto end_record = [&] {
    end_cell();
    cell.clear();
    rows.push_back(std::move(row));
    row = CsvRow{};
    at_cell_start = true;
    record_open = false;
  };
  auto newline = [&] {
    // CRLF is one line end; so are LF and a lone CR.
    if (text[i] == '\r' && i + 1 < n && text[i + 1] == '\n') ++i;
    ++i;
    ++line;
    column = 1;
  };

  while (i < n) {
    const char c = text[i];
    if (at_cell_start) cell_column = column;
    if (at_cell_start && c == '"') {
      // A quoted cell: "" is a quote; a quote ends it and must be followed by , or a line end.
      const int open_line = line, open_column = column;
      ++i;
      ++column;
      record_open = true;
      for (;;) {
        if (i >= n)
          throw Error(ErrorCode::invalid_value, text_location(origin, open_line, open_column),
                      "quoted cell is never closed (引号未闭合)");
        const char q = text[i];
        if (q == '"') {
          if (i + 1 < n && text[i + 1] == '"') {
            cell += '"';
            i += 2;
            column += 2;
            continue;
          }
          ++i;
          ++column;
          break;
        }
        if (q == '\r' || q == '\n') {
          cell += '\n';  // a line break inside a cell is kept as LF
          newline();
          continue;
        }
        cell += q;
        ++i;
        ++column;
      }
      if (i < n && text[i] != ',' && text[i] != '\r' && text[i] != '\n')
        throw Error(ErrorCode::invalid_value, text_location(origin, line, column),
                    "text after a closing quote; a quote inside a cell must be doubled "
                    "(引号后有多余字符，单元格内的引号应写作 \"\")");
      at_cell_start = false;
      continue;
    }
    if (c == ',') {
      end_cell();
      ++i;
      ++column;
      at_cell_start = true;
      record_open = true;
      continue;
    }
    if (c == '\r' || c == '\n') {
      end_record();
      newline();
      row.line = line;
      continue;
    }
    if (c == '"')
      throw Error(ErrorCode::invalid_value, text_location(origin, line, column),
                  "quote inside an unquoted cell; quote the whole cell "
                  "(未加引号的单元格中出现引号)");
    cell += c;
    ++i;
    // Columns count bytes, like the JSON errors do.
    ++column;
    at_cell_start = false;
    record_open = true;
  }
  if (record_open || !cell.empty()) end_record();

  // Spreadsheets pad a table with blank rows (",,,,," or empty lines): drop them at the end.
  while (!rows.empty() && rows.back().is_blank()) rows.pop_back();
  return rows;
}

std::size_t stray_cell(const CsvRow& row, const std::vector<bool>& headed) {
  for (std::size_t i = 0; i < row.cells.size(); ++i) {
    if (i < headed.size() && headed[i]) continue;
    if (!blank_text(row.cells[i])) return i;
  }
  return std::string::npos;
}

bool is_cut_off(const CsvRow& row, std::size_t width) {
  return row.cells.size() > 1 && row.cells.size() < width;
}

namespace {
bool starts_formula(char c) { return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r'; }
}  // namespace

std::string formula_guard(std::string_view cell) {
  if (cell.empty()) return {};
  const bool guard = starts_formula(cell[0]) ||
                     (cell[0] == '\'' && cell.size() > 1 && (starts_formula(cell[1]) || cell[1] == '\''));
  return guard ? "'" + std::string(cell) : std::string(cell);
}

std::string formula_unguard(std::string_view cell) {
  if (cell.size() > 1 && cell[0] == '\'' && (starts_formula(cell[1]) || cell[1] == '\''))
    cell.remove_prefix(1);
  return std::string(cell);
}

std::string csv_cell(std::string_view raw) {
  const std::string cell = formula_guard(raw);
  bool quote = !cell.empty() && (is_space(cell.front()) || is_space(cell.back()));
  for (char c : cell)
    if (c == ',' || c == '"' || c == '\r' || c == '\n') quote = true;
  if (!quote) return cell;
  std::string out = "\"";
  for (char c : cell) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string write_csv(const std::vector<std::vector<std::string>>& rows, bool bom) {
  std::string out = bom ? "\xEF\xBB\xBF" : "";
  for (const auto& r : rows) {
    for (std::size_t j = 0; j < r.size(); ++j) {
      if (j) out += ',';
      out += csv_cell(r[j]);
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace jianzheng::detail

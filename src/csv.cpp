#include "csv.hpp"

#include "jianzheng/error.hpp"
#include "text/position.hpp"
#include "text/utf8.hpp"

namespace jianzheng::detail {

namespace {

const std::string kEmpty;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

}  // namespace

const std::string& CsvRow::cell(std::size_t i) const {
  return i < cells.size() ? cells[i] : kEmpty;
}

bool CsvRow::is_blank() const {
  for (const auto& c : cells)
    for (char ch : c)
      if (!is_space(ch)) return false;
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

  auto end_record = [&] {
    row.cells.push_back(std::move(cell));
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
      row.cells.push_back(std::move(cell));
      cell.clear();
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

std::string csv_cell(std::string_view cell) {
  bool quote = !cell.empty() && (cell.front() == ' ' || cell.back() == ' ');
  for (char c : cell)
    if (c == ',' || c == '"' || c == '\r' || c == '\n') quote = true;
  if (!quote) return std::string(cell);
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

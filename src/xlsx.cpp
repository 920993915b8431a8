// Private: the survey table (附件2) as an XLSX workbook, through libxlsxwriter (Debian's
// libxlsxwriter-dev, linked PRIVATE). Townships print the table, stamp it (盖章) and send it to
// the county (二（三）1, 三（二）), so the layout follows the policy's form: the title over the
// table, the 填报单位/时间 line, the six columns with borders, on A4 landscape.
#include <xlsxwriter.h>

#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "file_io.hpp"
#include "jianzheng/error.hpp"
#include "jianzheng/survey.hpp"
#include "survey_table.hpp"

namespace jianzheng {


namespace {

constexpr std::size_t kMaxCellChars = 32767;

lxw_format* text_format(lxw_workbook* wb, double size, bool bold, bool border, bool centre) {
  lxw_format* f = workbook_add_format(wb);
  format_set_font_name(f, "宋体");
  format_set_font_size(f, size);
  if (bold) format_set_bold(f);
  if (border) format_set_border(f, LXW_BORDER_THIN);
  format_set_text_wrap(f);
  format_set_align(f, centre ? LXW_ALIGN_CENTER : LXW_ALIGN_LEFT);
  format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
  return f;
}

// A scratch file for libxlsxwriter, which writes only to a path: made private, removed on
// every way out. The workbook reaches its real path through detail::write_file.
class ScratchFile {
 public:
  explicit ScratchFile(const std::string& for_path) {
    std::error_code ec;
    const auto dir = std::filesystem::temp_directory_path(ec);
    path_ = (ec ? std::string("/tmp") : dir.string()) + "/jianzheng-xlsx-XXXXXX";
    const int fd = ::mkstemp(path_.data());
    if (fd < 0)
      throw Error(ErrorCode::io_error, for_path,
                  "cannot write " + for_path + ": no temporary file: " + detail::system_reason(errno) +
                      " (无法写入文件)");
    ::close(fd);
  }
  ScratchFile(const ScratchFile&) = delete;
  ScratchFile& operator=(const ScratchFile&) = delete;
  ~ScratchFile() { ::unlink(path_.c_str()); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace

void write_survey_xlsx(const SurveyReturn& survey, const std::string& path) {
  const auto table = detail::survey_table(survey);
  const std::size_t header_row = detail::kSurveyHeaderRow;
  const std::size_t data_end = header_row + 1 + survey.rows.size();
  // An XLSX cell holds at most 32,767 characters (Excel's own limit, which libxlsxwriter
  // enforces by writing nothing); rather than let a cell be dropped, nothing is written and
  // the cell is named.
  for (std::size_t r = 0; r < table.size(); ++r)
    for (std::size_t c = 0; c < table[r].size(); ++c) {
      std::size_t chars = 0;
      for (unsigned char ch : table[r][c]) chars += (ch & 0xC0) != 0x80;
      if (chars <= kMaxCellChars) continue;
      const bool data = r > header_row && r < data_end;
      throw Error(ErrorCode::too_large, path + ":" + detail::column_letters(c) + std::to_string(r + 1),
                  (data ? "the " + table[header_row][c] + " cell of row " + std::to_string(r - header_row) +
                              " (" + table[r][1] + ")"
                        : std::string("a cell")) +
                      " has " + std::to_string(chars) + " characters; an XLSX cell holds at most 32,767 "
                      "(Excel's limit): export it as CSV or JSON, or shorten it (单元格超过 XLSX 的 32767 字符上限)");
    }

  const ScratchFile scratch(path);
  lxw_workbook* wb = workbook_new(scratch.path().c_str());
  if (!wb) throw Error(ErrorCode::io_error, path, "cannot create workbook " + path + " (无法创建文件)");
  // Every call is checked; the first failure is kept, and the workbook is closed (freed) on
  // every way out.
  lxw_error failed = LXW_NO_ERROR;
  auto check = [&](lxw_error e) {
    if (e != LXW_NO_ERROR && failed == LXW_NO_ERROR) failed = e;
  };
  lxw_worksheet* ws = workbook_add_worksheet(wb, "附件2");
  if (!ws) {
    workbook_close(wb);
    throw Error(ErrorCode::io_error, path, "cannot create the worksheet of " + path + " (无法创建工作表)");
  }
  lxw_format* label = text_format(wb, 11, false, false, false);
  lxw_format* title = text_format(wb, 16, true, false, true);
  lxw_format* header = text_format(wb, 11, true, true, true);
  lxw_format* body = text_format(wb, 11, false, true, false);
  lxw_format* seq = text_format(wb, 11, false, true, true);

  // Column widths in characters: 序号 narrow, name and basis wide.
  const double widths[6] = {6, 28, 44, 18, 16, 16};
  for (lxw_col_t c = 0; c < 6; ++c) check(worksheet_set_column(ws, c, c, widths[c], nullptr));

  // 附件2 above the title; the title across the table; 填报单位 and 时间 with each value in the
  // cell after its label (the reader takes that cell whole, whatever the unit is called).
  check(worksheet_write_string(ws, 0, 0, table[0][0].c_str(), label));
  check(worksheet_set_row(ws, 1, 32, nullptr));
  check(worksheet_merge_range(ws, 1, 0, 1, 5, table[1][0].c_str(), title));
  check(worksheet_merge_range(ws, 2, 0, 2, 1, table[2][0].c_str(), label));
  check(worksheet_write_string(ws, 2, 2, table[2][2].c_str(), label));
  check(worksheet_write_string(ws, 2, 3, table[2][3].c_str(), label));
  check(worksheet_merge_range(ws, 2, 4, 2, 5, table[2][4].c_str(), label));
  for (lxw_col_t c = 0; c < 6; ++c)
    check(worksheet_write_string(ws, static_cast<lxw_row_t>(header_row), c, table[header_row][c].c_str(), header));
  for (std::size_t r = header_row + 1; r < table.size(); ++r) {
    const auto row = static_cast<lxw_row_t>(r);
    if (r >= data_end) {  // a blank row, then the notes across the table's width
      if (!table[r][0].empty()) check(worksheet_merge_range(ws, row, 0, row, 5, table[r][0].c_str(), label));
      continue;
    }
    if (table[r][0].empty())
      check(worksheet_write_blank(ws, row, 0, seq));  // a blank 序号 stays blank
    else
      check(worksheet_write_number(ws, row, 0, std::stod(table[r][0]), seq));
    for (lxw_col_t c = 1; c < 6; ++c) check(worksheet_write_string(ws, row, c, table[r][c].c_str(), body));
  }

  // Ready to print: A4 landscape, one page wide, the header repeated on every page.
  worksheet_set_paper(ws, 9);
  worksheet_set_landscape(ws);
  worksheet_fit_to_pages(ws, 1, 0);
  check(worksheet_repeat_rows(ws, static_cast<lxw_row_t>(header_row), static_cast<lxw_row_t>(header_row)));
  check(worksheet_set_footer(ws, "&C第 &P 页，共 &N 页"));

  const lxw_error closed = workbook_close(wb);
  if (failed != LXW_NO_ERROR)
    throw Error(ErrorCode::io_error, path, "cannot write " + path + ": " + lxw_strerror(failed) + " (无法写入文件)");
  if (closed != LXW_NO_ERROR)
    throw Error(ErrorCode::io_error, path, "cannot write " + path + ": " + lxw_strerror(closed) + " (无法写入文件)");
  // Read back under the file limit, then written whole: a full disk leaves the old file.
  detail::write_file(path, detail::read_file(scratch.path()));
}

}  // namespace jianzheng

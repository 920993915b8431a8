// Survey returns (附件2) read from XLSX, as townships fill the form in Excel or WPS and send it
// back (issue 15): workbooks written by libxlsxwriter the ways offices lay them out, hand-built
// XML with the quirks other writers have, and hostile or broken files, which must be refused
// clearly and within limits. Errors name the cell (file:B7).
#include "jianzheng/survey.hpp"

#include <catch2/catch.hpp>

#include <xlsxwriter.h>
#include <zip.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <sys/wait.h>
#include <utility>
#include <vector>

#include "jianzheng/error.hpp"
#include "support.hpp"

using jianzheng::Date;
using jianzheng::Error;
using jianzheng::ErrorCode;
using jianzheng::SurveyReturn;
using jianzheng::test::run_cli;

namespace {

std::string temp_path(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("jianzheng_xlsx_test_" + name)).string();
}

// Removes the file at the end of a test.
struct TempFile {
  std::string path;
  explicit TempFile(const std::string& name) : path(temp_path(name)) {}
  ~TempFile() { std::remove(path.c_str()); }
};

// A zip archive of the given parts (name → bytes), as libzip writes it.
void write_zip(const std::string& path, const std::vector<std::pair<std::string, std::string>>& parts) {
  int error = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  REQUIRE(z != nullptr);
  for (const auto& [name, bytes] : parts) {
    zip_source_t* src = zip_source_buffer(z, bytes.data(), bytes.size(), 0);
    REQUIRE(src != nullptr);
    REQUIRE(zip_file_add(z, name.c_str(), src, ZIP_FL_ENC_UTF_8) >= 0);
  }
  REQUIRE(zip_close(z) == 0);
}

const char* kMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const char* kRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

struct Parts {
  std::string sheet;             // the worksheet XML
  std::string strings;           // sharedStrings.xml, or none
  std::string styles;            // styles.xml, or none
  std::string workbook_pr;       // e.g. <workbookPr date1904="1"/>
  bool absolute_targets = false;
};

// A minimal package around a sheet: the parts a reader needs, nothing else.
std::vector<std::pair<std::string, std::string>> package(const Parts& p) {
  const std::string pre = p.absolute_targets ? "/xl/" : "";
  std::string rels = std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">") +
                     "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"" + pre + "worksheets/sheet1.xml\"/>";
  if (!p.strings.empty())
    rels += "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"" + pre + "sharedStrings.xml\"/>";
  if (!p.styles.empty())
    rels += "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"" + pre + "styles.xml\"/>";
  rels += "</Relationships>";
  std::vector<std::pair<std::string, std::string>> parts{
      {"[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"},
      {"_rels/.rels",
       "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
       "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"},
      {"xl/workbook.xml", std::string("<?xml version=\"1.0\"?><workbook xmlns=\"") + kMain + "\" xmlns:r=\"" + kRel + "\">" +
                              p.workbook_pr + "<sheets><sheet name=\"附件2\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"},
      {"xl/_rels/workbook.xml.rels", rels},
      {"xl/worksheets/sheet1.xml", p.sheet},
  };
  if (!p.strings.empty()) parts.emplace_back("xl/sharedStrings.xml", p.strings);
  if (!p.styles.empty()) parts.emplace_back("xl/styles.xml", p.styles);
  return parts;
}

// A sheet of inline-string rows: {row number, {cell ref → text}}.
std::string sheet_of(const std::vector<std::pair<int, std::vector<std::pair<std::string, std::string>>>>& rows,
                     const std::string& extra = "") {
  std::string x = std::string("<?xml version=\"1.0\"?><worksheet xmlns=\"") + kMain + "\"><sheetData>";
  for (const auto& [r, cells] : rows) {
    x += "<row r=\"" + std::to_string(r) + "\">";
    for (const auto& [ref, text] : cells) x += "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
    x += "</row>";
  }
  return x + "</sheetData>" + extra + "</worksheet>";
}

// The usual preamble and header, rows 1–4.
std::vector<std::pair<int, std::vector<std::pair<std::string, std::string>>>> form_rows() {
  return {{1, {{"A1", "附件2"}}},
          {2, {{"A2", "应由基层群众性自治组织出具证明事项统计表"}}},
          {3, {{"A3", "填报单位（盖章）："}, {"C3", "示例镇人民政府（synthetic）"}, {"D3", "时间："}, {"E3", "2020年12月28日"}}},
          {4, {{"A4", "序号"}, {"B4", "证明事项名称"}, {"C4", "法律法规、政策依据"}, {"D4", "实施单位"}, {"E4", "主管部门"}, {"F4", "备注"}}}};
}

Parts only(std::string sheet) {
  Parts p;
  p.sheet = std::move(sheet);
  return p;
}

SurveyReturn load_parts(const Parts& p, const std::string& name = "hand.xlsx") {
  TempFile f(name);
  write_zip(f.path, package(p));
  return jianzheng::load_survey(f.path);
}

Error error_of(const std::string& path) {
  try {
    (void)jianzheng::load_survey(path);
  } catch (const Error& e) {
    return e;
  }
  FAIL(path << " loaded without an error");
  throw;
}

Error parts_error(const Parts& p, const std::string& name = "bad.xlsx") {
  TempFile f(name);
  write_zip(f.path, package(p));
  return error_of(f.path);
}

// A workbook as an office lays out 附件2, written by libxlsxwriter.
void write_office_workbook(const std::string& path, bool constant_memory) {
  lxw_workbook_options options{};
  options.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE;
  lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
  REQUIRE(wb != nullptr);
  lxw_worksheet* ws = workbook_add_worksheet(wb, "附件2");
  lxw_format* date = workbook_add_format(wb);
  format_set_num_format(date, "yyyy\"年\"m\"月\"d\"日\"");
  // constant_memory writes row by row: merges are recorded, values written in row order.
  worksheet_write_string(ws, 0, 0, "附件2", nullptr);
  worksheet_merge_range(ws, 1, 0, 1, 5, "应由基层群众性自治组织出具证明事项统计表", nullptr);
  worksheet_write_string(ws, 2, 0, "填报单位（盖章）：", nullptr);
  worksheet_write_string(ws, 2, 1, "示例镇人民政府（synthetic）", nullptr);
  worksheet_write_string(ws, 2, 3, "时间：", nullptr);
  worksheet_write_number(ws, 2, 4, 44195, date);  // 2020-12-30, stored as a number
  const char* header[] = {"序号", "证明事项名称", "法律法规、政策依据", "实施单位", "主管部门", "备注"};
  for (lxw_col_t c = 0; c < 6; ++c) worksheet_write_string(ws, 3, c, header[c], nullptr);
  worksheet_write_number(ws, 4, 0, 1, nullptr);
  worksheet_write_string(ws, 4, 1, "居住证明", nullptr);
  worksheet_write_string(ws, 4, 2, "《居住证暂行条例》第九条", nullptr);
  worksheet_write_string(ws, 4, 3, "各村（社区）", nullptr);
  // 主管部门 merged down over both rows: it shows on each (written before row 6, as
  // constant_memory writes rows in order).
  worksheet_merge_range(ws, 4, 4, 5, 4, "县公安局", nullptr);
  worksheet_write_number(ws, 5, 0, 2, nullptr);
  worksheet_write_string(ws, 5, 1, "亲属关系证明（用于办理公证）", nullptr);
  worksheet_write_string(ws, 5, 2, "《中华人民共和国公证法》第十一条", nullptr);
  worksheet_write_string(ws, 5, 3, "各村（社区）", nullptr);
  worksheet_write_string(ws, 5, 5, "两行\n备注", nullptr);
  worksheet_write_number(ws, 6, 0, 3, nullptr);  // a numbered empty row of the printed form
  worksheet_merge_range(ws, 8, 0, 8, 5, "注：本表为合成示例。", nullptr);
  REQUIRE(workbook_close(wb) == LXW_NO_ERROR);
}

}  // namespace

// --- workbooks written by libxlsxwriter ------------------------------------------------------

TEST_CASE("Issue 15: an XLSX return reads: merged title, labels, a date stored as a number, shared strings",
          "[survey][xlsx]") {
  for (bool constant_memory : {false, true}) {  // shared strings, then inline strings
    INFO("constant_memory " << constant_memory);
    TempFile f(constant_memory ? "inline.xlsx" : "shared.xlsx");
    write_office_workbook(f.path, constant_memory);
    const SurveyReturn s = jianzheng::load_survey(f.path);
    CHECK(s.charset == "xlsx");
    CHECK(s.origin == f.path);
    CHECK(s.title == "应由基层群众性自治组织出具证明事项统计表");
    CHECK(s.unit == "示例镇人民政府（synthetic）");
    CHECK(s.date == Date::from_ymd(2020, 12, 30));
    REQUIRE(s.rows.size() == 2);  // the numbered empty row 3 is dropped
    CHECK(s.rows[0].seq == 1);
    CHECK(s.rows[0].name == "居住证明");
    CHECK(s.rows[0].line == 5);  // the sheet's row
    CHECK(s.rows[0].authority == "县公安局");
    CHECK(s.rows[1].authority == "县公安局");  // merged down: on both rows
    CHECK(s.rows[1].note == "两行\n备注");
    CHECK(s.notes == std::vector<std::string>{"注：本表为合成示例。"});
  }
}

TEST_CASE("An XLSX return is checked like the CSV one", "[survey][xlsx]") {
  TempFile f("check.xlsx");
  write_office_workbook(f.path, false);
  const auto check = jianzheng::validate_survey(jianzheng::load_survey(f.path), jianzheng::Catalog::embedded_default());
  REQUIRE(check.rows.size() == 2);
  CHECK(check.rows[0].verdict == jianzheng::SurveyVerdict::keep);
  // 附件1 第1项 （公证办理情况除外）
  CHECK(check.rows[1].verdict == jianzheng::SurveyVerdict::keep_for_stated_purpose);
}

TEST_CASE("Errors in an XLSX return name the cell", "[survey][xlsx]") {
  auto rows = form_rows();
  rows.push_back({5, {{"A5", "1"}, {"B5", "居住证明"}}});
  rows.push_back({6, {{"A6", "2"}, {"C6", "《居住证暂行条例》"}}});
  Error e = parts_error(only(sheet_of(rows)));
  CHECK(e.code() == ErrorCode::missing_field);
  CHECK(e.where() == temp_path("bad.xlsx") + ":B6");
  rows.pop_back();
  rows.push_back({6, {{"A6", "二"}, {"B6", "独生子女证明"}}});
  e = parts_error(only(sheet_of(rows)));
  CHECK(e.code() == ErrorCode::invalid_value);
  CHECK(e.where() == temp_path("bad.xlsx") + ":A6");
  rows.pop_back();
  rows.push_back({6, {{"B6", "独生子女证明"}, {"H6", "多出的一格"}}});
  e = parts_error(only(sheet_of(rows)));
  CHECK(e.code() == ErrorCode::invalid_value);
  CHECK(e.where() == temp_path("bad.xlsx") + ":H6");
  rows.pop_back();
  rows.push_back({6, {{"B6", "独生子女证明"}, {"AB6", "远处的一格"}}});
  e = parts_error(only(sheet_of(rows)));
  CHECK(e.where() == temp_path("bad.xlsx") + ":AB6");
  auto bad_date = form_rows();
  bad_date[2].second[3].second = "2020年2月30日";
  e = parts_error(only(sheet_of(bad_date)));
  CHECK(e.code() == ErrorCode::invalid_date);
  CHECK(e.where() == temp_path("bad.xlsx") + ":E3");
}

// --- hand-built XML: what other writers do ------------------------------------------------------

TEST_CASE("XLSX quirks read: shared strings with rich runs and reading guides, _x000D_, no r attributes",
          "[survey][xlsx]") {
  Parts p;
  p.strings = std::string("<?xml version=\"1.0\"?><sst xmlns=\"") + kMain + "\" count=\"3\" uniqueCount=\"3\">"
              "<si><t>居住证明</t></si>"
              "<si><r><rPr><b/></rPr><t>《居住证</t></r><r><t xml:space=\"preserve\">暂行条例》 </t></r>"
              "<rPh sb=\"0\" eb=\"2\"><t>ジュウキョ</t></rPh></si>"
              "<si><t>第一行_x000D_\n第二行 _x005F_x0041_</t></si></sst>";
  // Rows and cells without r: positions follow the order.
  std::string sheet = std::string("<?xml version=\"1.0\"?><worksheet xmlns=\"") + kMain + "\"><sheetData>"
                      "<row><c t=\"inlineStr\"><is><t>填报单位：示例镇</t></is></c></row>"
                      "<row><c t=\"inlineStr\"><is><t>序号</t></is></c><c t=\"inlineStr\"><is><t>证明事项名称</t></is></c>"
                      "<c t=\"inlineStr\"><is><t>法律法规、政策依据</t></is></c><c t=\"inlineStr\"><is><t>备注</t></is></c></row>"
                      "<row><c><v>1</v></c><c t=\"s\"><v>0</v></c><c t=\"s\"><v>1</v></c><c t=\"s\"><v>2</v></c></row>"
                      "</sheetData></worksheet>";
  p.sheet = sheet;
  const SurveyReturn s = load_parts(p);
  CHECK(s.unit == "示例镇");
  REQUIRE(s.rows.size() == 1);
  CHECK(s.rows[0].name == "居住证明");
  CHECK(s.rows[0].basis == "《居住证暂行条例》");  // the reading guide is not text; outer space trimmed
  CHECK(s.rows[0].note == "第一行\n第二行 _x0041_");
  CHECK(s.rows[0].line == 3);
}

TEST_CASE("XLSX quirks read: prefixed and strict namespaces, absolute targets, formulas with values",
          "[survey][xlsx]") {
  Parts p;
  p.absolute_targets = true;
  p.sheet = "<?xml version=\"1.0\"?><x:worksheet xmlns:x=\"http://purl.oclc.org/ooxml/spreadsheetml/main\"><x:sheetData>"
            "<x:row r=\"1\"><x:c r=\"A1\" t=\"inlineStr\"><x:is><x:t>填报单位（盖章）：</x:t></x:is></x:c>"
            "<x:c r=\"B1\" t=\"str\"><x:f>CONCATENATE(\"示例\",\"乡\")</x:f><x:v>示例乡</x:v></x:c>"
            "<x:c r=\"C1\" t=\"inlineStr\"><x:is><x:t>时间：</x:t></x:is></x:c><x:c r=\"D1\" t=\"d\"><x:v>2021-01-05T00:00:00</x:v></x:c></x:row>"
            "<x:row r=\"2\"><x:c r=\"A2\" t=\"inlineStr\"><x:is><x:t>序号</x:t></x:is></x:c><x:c r=\"B2\" t=\"inlineStr\"><x:is><x:t>证明名称</x:t></x:is></x:c>"
            "<x:c r=\"C2\" t=\"inlineStr\"><x:is><x:t>依据</x:t></x:is></x:c></x:row>"
            "<x:row r=\"3\"><x:c r=\"A3\"><x:f>1+0</x:f><x:v>1</x:v></x:c><x:c r=\"B3\" t=\"inlineStr\"><x:is><x:r><x:t>独生</x:t></x:r><x:r><x:t>子女证明</x:t></x:r></x:is></x:c></x:row>"
            "</x:sheetData></x:worksheet>";
  const SurveyReturn s = load_parts(p);
  CHECK(s.unit == "示例乡");
  CHECK(s.date == Date::from_ymd(2021, 1, 5));
  REQUIRE(s.rows.size() == 1);
  CHECK(s.rows[0].seq == 1);
  CHECK(s.rows[0].name == "独生子女证明");
}

TEST_CASE("XLSX dates stored as numbers read in both date systems and in built-in formats", "[survey][xlsx]") {
  Parts p;
  p.styles = std::string("<?xml version=\"1.0\"?><styleSheet xmlns=\"") + kMain + "\">"
             "<cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs>"
             "<cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"57\"/></cellXfs></styleSheet>";
  auto sheet = [](const std::string& serial) {
    return std::string("<?xml version=\"1.0\"?><worksheet xmlns=\"") + kMain + "\"><sheetData>"
           "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>填报单位：示例镇</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>时间：</t></is></c>"
           "<c r=\"C1\" s=\"1\"><v>" + serial + "</v></c></row>"
           "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>证明事项名称</t></is></c><c r=\"B2\" t=\"inlineStr\"><is><t>依据</t></is></c></row>"
           "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>居住证明</t></is></c></row></sheetData></worksheet>";
  };
  p.sheet = sheet("44195");  // 57: the East Asian 年月 format Chinese Excel uses
  CHECK(load_parts(p).date == Date::from_ymd(2020, 12, 30));
  p.workbook_pr = "<workbookPr date1904=\"1\"/>";
  p.sheet = sheet("42733.5");  // 1904 system, a time of day too
  CHECK(load_parts(p).date == Date::from_ymd(2020, 12, 30));
  // A number without a date format is a number: 时间 44195 is not a date.
  p.workbook_pr.clear();
  p.styles.clear();
  p.sheet = sheet("44195");
  CHECK(parts_error(p).code() == ErrorCode::invalid_date);
}

TEST_CASE("XLSX cells holding an error value or a formula without a value are refused, naming the cell",
          "[survey][xlsx]") {
  auto rows = form_rows();
  std::string sheet = sheet_of(rows);
  const std::string err_row = "<row r=\"5\"><c r=\"A5\"><v>1</v></c><c r=\"B5\" t=\"e\"><v>#N/A</v></c></row>";
  Error e = parts_error(only(sheet.replace(sheet.find("</sheetData>"), 0, err_row)));
  CHECK(e.code() == ErrorCode::invalid_value);
  CHECK(e.where() == temp_path("bad.xlsx") + ":B5");
  CHECK(e.message().find("#N/A") != std::string::npos);
  sheet = sheet_of(rows);
  const std::string f_row = "<row r=\"5\"><c r=\"A5\"><v>1</v></c><c r=\"B5\" t=\"str\"><f>A1</f></c></row>";
  e = parts_error(only(sheet.replace(sheet.find("</sheetData>"), 0, f_row)));
  CHECK(e.where() == temp_path("bad.xlsx") + ":B5");
  CHECK(e.message().find("formula") != std::string::npos);
}

// --- hostile and broken files -----------------------------------------------------------------

TEST_CASE("Issue 15: a bad or hostile XLSX is a clear error within limits", "[survey][xlsx]") {
  const std::string good_sheet = sheet_of(form_rows());
  SECTION("a zip bomb: a sheet that inflates past 64 MiB") {
    std::string bomb = std::string("<?xml version=\"1.0\"?><worksheet xmlns=\"") + kMain + "\"><sheetData>";
    bomb.append(65u << 20, ' ');
    bomb += "</sheetData></worksheet>";
    TempFile f("bomb.xlsx");
    write_zip(f.path, package(only(bomb)));
    REQUIRE(std::filesystem::file_size(f.path) < (1u << 20));  // small on disk
    const Error e = error_of(f.path);
    CHECK(e.code() == ErrorCode::too_large);
    CHECK(e.where() == f.path + ":xl/worksheets/sheet1.xml");
  }
  SECTION("a huge sheet: more than 50,000 rows with content") {
    std::string sheet = std::string("<?xml version=\"1.0\"?><worksheet xmlns=\"") + kMain + "\"><sheetData>";
    for (int r = 1; r <= 50002; ++r) sheet += "<row r=\"" + std::to_string(r) + "\"><c><v>1</v></c></row>";
    sheet += "</sheetData></worksheet>";
    CHECK(parts_error(only(sheet)).code() == ErrorCode::too_large);
  }
  SECTION("an entity expansion (billion laughs): no DOCTYPE is read") {
    const std::string laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]>"
                               "<worksheet xmlns=\"" + std::string(kMain) + "\"><sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>";
    const Error e = parts_error(only(laughs));
    CHECK(e.code() == ErrorCode::unsupported_format);
    CHECK(e.message().find("DOCTYPE") != std::string::npos);
  }
  SECTION("missing parts") {
    TempFile f("parts.xlsx");
    auto parts = package(only(good_sheet));
    parts.erase(parts.begin() + 4);  // the sheet
    write_zip(f.path, parts);
    Error e = error_of(f.path);
    CHECK(e.code() == ErrorCode::unsupported_format);
    CHECK(e.message().find("xl/worksheets/sheet1.xml is missing") != std::string::npos);
    write_zip(f.path, {{"word/document.xml", "<document/>"}});
    e = error_of(f.path);
    CHECK(e.message().find("Word") != std::string::npos);
    write_zip(f.path, {{"hello.txt", "hello"}});
    CHECK(error_of(f.path).message().find("xl/workbook.xml is missing") != std::string::npos);
  }
  SECTION("a shared string that does not exist") {
    std::string sheet = good_sheet;
    sheet.replace(sheet.find("</sheetData>"), 0, "<row r=\"5\"><c r=\"B5\" t=\"s\"><v>7</v></c></row>");
    const Error e = parts_error(only(sheet));
    CHECK(e.code() == ErrorCode::unsupported_format);
    CHECK(e.where() == temp_path("bad.xlsx") + ":B5");
  }
  SECTION("malformed XML names the part, line and column") {
    const Error e = parts_error(only("<?xml version=\"1.0\"?>\n<worksheet><sheetData><row></sheetData>"));
    CHECK(e.code() == ErrorCode::unsupported_format);
    CHECK(e.where().rfind(temp_path("bad.xlsx") + ":xl/worksheets/sheet1.xml:2:", 0) == 0);
  }
  SECTION("not a zip, a damaged zip, an .xls") {
    TempFile f("junk.xlsx");
    { std::ofstream(f.path, std::ios::binary) << "PK\x03\x04 this is not really a zip archive"; }
    CHECK(error_of(f.path).code() == ErrorCode::unsupported_format);
    write_zip(f.path, package(only(good_sheet)));
    std::string bytes;
    {
      std::ifstream in(f.path, std::ios::binary);
      bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    // A byte of the sheet's compressed data, just after its local header's name.
    const auto at = bytes.find("xl/worksheets/sheet1.xml") + std::string("xl/worksheets/sheet1.xml").size() + 8;
    bytes[at] = static_cast<char>(bytes[at] ^ 0x55);
    { std::ofstream(f.path, std::ios::binary) << bytes; }
    CHECK(error_of(f.path).code() == ErrorCode::unsupported_format);
    { std::ofstream(f.path, std::ios::binary) << std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) << std::string(600, '\0'); }
    const Error e = error_of(f.path);
    CHECK(e.code() == ErrorCode::unsupported_format);
    CHECK(e.message().find(".xls") != std::string::npos);
  }
}

// --- the command line -----------------------------------------------------------------------

TEST_CASE("jianzheng survey validate and export read XLSX; an error names the cell", "[survey][xlsx][cli]") {
  TempFile f("cli.xlsx");
  write_office_workbook(f.path, false);
  auto [code, out] = run_cli("survey validate --json " + f.path);
  CHECK(code == 0);
  CHECK(out.find("\"verdict\": \"keep_for_stated_purpose\"") != std::string::npos);
  std::tie(code, out) = run_cli("survey export --csv - " + f.path);
  CHECK(code == 0);
  CHECK(out.find("2,亲属关系证明（用于办理公证）") != std::string::npos);
  auto rows = form_rows();
  rows.push_back({5, {{"A5", "1"}, {"C5", "《居住证暂行条例》"}}});
  TempFile bad("cli-bad.xlsx");
  write_zip(bad.path, package(only(sheet_of(rows))));
  std::tie(code, out) = run_cli("survey validate " + bad.path);
  CHECK(code == 3);
  CHECK(out.find(bad.path + ":B5") != std::string::npos);
}

// SurveyReturn (附件2, 二（三）1): reading township returns as office programs export them,
// and writing them back; the private CSV reader and charset detection underneath.
#include "jianzheng/survey.hpp"

#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "csv.hpp"
#include "jianzheng/error.hpp"
#include "text/charset.hpp"

using jianzheng::Date;
using jianzheng::Error;
using jianzheng::ErrorCode;
using jianzheng::SurveyReturn;

namespace {

const std::string kDir = std::string(JIANZHENG_TEST_DATA_DIR) + "/survey/";

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// The error a load throws, or FAIL.
Error error_of(const std::string& file) {
  try {
    (void)jianzheng::load_survey(kDir + file);
  } catch (const Error& e) {
    return e;
  }
  FAIL(file << " loaded without an error");
  throw;  // unreachable
}

}  // namespace

// --- the CSV reader -----------------------------------------------------------------------

TEST_CASE("CSV cells follow RFC 4180 quoting, with doubled quotes and line breaks", "[survey][csv]") {
  const auto rows = jianzheng::detail::parse_csv("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"two\r\nlines\",x,\n");
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].cells == std::vector<std::string>{"a", "b,c", "say \"hi\""});
  CHECK(rows[1].cells == std::vector<std::string>{"two\nlines", "x", ""});
  CHECK(rows[0].line == 1);
  CHECK(rows[1].line == 2);
}

TEST_CASE("CSV reading skips a BOM and drops blank rows only at the end", "[survey][csv]") {
  const auto rows = jianzheng::detail::parse_csv("\xEF\xBB\xBFh1,h2\n,\n1,2\n,\n\n,,\n");
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].cells.front() == "h1");
  CHECK(rows[1].is_blank());
  CHECK(rows[2].line == 3);
}

TEST_CASE("CSV writing quotes what needs it and reads back identically", "[survey][csv]") {
  const std::vector<std::vector<std::string>> table{
      {"序号", "名称"}, {"1", "a,b"}, {"2", "引号\"在内"}, {"3", "两\n行"}};
  const std::string csv = jianzheng::detail::write_csv(table, true);
  CHECK(csv.compare(0, 3, "\xEF\xBB\xBF") == 0);
  CHECK(csv.find("\"a,b\"") != std::string::npos);
  const auto rows = jianzheng::detail::parse_csv(csv);
  REQUIRE(rows.size() == table.size());
  for (std::size_t i = 0; i < table.size(); ++i) CHECK(rows[i].cells == table[i]);
}

TEST_CASE("A malformed CSV names file, line and column", "[survey][csv]") {
  try {
    (void)jianzheng::detail::parse_csv("a,b\nc,\"d\n", "t.csv");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::invalid_value);
    CHECK(e.where() == "t.csv:2:3");
  }
  try {
    (void)jianzheng::detail::parse_csv("a,b\"c\n", "t.csv");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::invalid_value);
    CHECK(e.where() == "t.csv:1:4");
  }
}

// --- charsets -------------------------------------------------------------------------------

TEST_CASE("Charset detection tells UTF-8, UTF-8 with BOM and GB18030 apart", "[survey][charset]") {
  using jianzheng::detail::Charset;
  using jianzheng::detail::decode_to_utf8;
  const std::string text = "填报单位：示例镇";
  CHECK(decode_to_utf8(text).charset == Charset::utf8);
  const auto bom = decode_to_utf8("\xEF\xBB\xBF" + text);
  CHECK(bom.charset == Charset::utf8_bom);
  CHECK(bom.utf8 == text);
  const std::string gb = jianzheng::detail::utf8_to_gb18030(text);
  CHECK(gb != text);
  const auto back = decode_to_utf8(gb);
  CHECK(back.charset == Charset::gb18030);
  CHECK(back.utf8 == text);
}

TEST_CASE("UTF-16 text is refused with advice to save as CSV", "[survey][charset]") {
  try {
    (void)jianzheng::detail::decode_to_utf8(std::string("\xFF\xFE" "a\0", 4), "u.csv");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::invalid_utf8);
    CHECK(e.where() == "u.csv:1:1");
  }
}

// --- dates ------------------------------------------------------------------------------------

TEST_CASE("Survey dates read as offices write them", "[survey]") {
  const Date d = Date::from_ymd(2020, 12, 30);
  CHECK(jianzheng::parse_survey_date("2020年12月30日") == d);
  CHECK(jianzheng::parse_survey_date(" 2020年12月30日 ") == d);
  CHECK(jianzheng::parse_survey_date("二〇二〇年十二月三十日") == d);
  CHECK(jianzheng::parse_survey_date("２０２０年１２月３０日") == d);
  CHECK(jianzheng::parse_survey_date("2020-12-30") == d);
  CHECK(jianzheng::parse_survey_date("2020/12/30") == d);
  CHECK(jianzheng::parse_survey_date("2020.12.30") == d);
  CHECK(jianzheng::parse_survey_date("二〇二一年一月十日") == Date::from_ymd(2021, 1, 10));
  CHECK_FALSE(jianzheng::parse_survey_date("2020年2月30日"));
  CHECK_FALSE(jianzheng::parse_survey_date("2020年12月"));
  CHECK_FALSE(jianzheng::parse_survey_date("十二月三十日"));
  CHECK(jianzheng::format_survey_date(d) == "2020年12月30日");
}

// --- reading returns --------------------------------------------------------------------------

TEST_CASE("A UTF-8 return with 附件2 title, unit row and blank trailing rows reads", "[survey]") {
  const SurveyReturn s = jianzheng::load_survey(kDir + "valid_utf8_title_and_blank_rows.csv");
  CHECK(s.charset == "utf-8");
  CHECK(s.title == "应由基层群众性自治组织出具证明事项统计表");
  CHECK(s.unit == "示例镇人民政府（synthetic）");
  CHECK(s.date == Date::from_ymd(2020, 12, 28));
  REQUIRE(s.rows.size() == 4);  // the pre-numbered empty row 5 and blank rows are dropped
  CHECK(s.rows[0].seq == 1);
  CHECK(s.rows[0].name == "居住证明");
  CHECK(s.rows[0].basis == "《居住证暂行条例》第九条");
  CHECK(s.rows[0].implementer == "各村（社区）");
  CHECK(s.rows[0].authority == "县公安局");
  CHECK(s.rows[0].note == "申领居住证");
  CHECK(s.rows[0].line == 5);
  CHECK(s.rows[2].name == "亲属关系证明（用于办理公证）");
  CHECK(s.rows[2].note == "公证处要求，\"据实出具\"");
  CHECK(s.rows[3].basis.empty());
}

TEST_CASE("A UTF-8 return with BOM, CRLF, one label cell and a two-line basis reads", "[survey]") {
  const SurveyReturn s = jianzheng::load_survey(kDir + "valid_utf8_bom_crlf_multiline.csv");
  CHECK(s.charset == "utf-8-bom");
  CHECK(s.unit == "示例乡人民政府（synthetic）");
  CHECK(s.date == Date::from_ymd(2020, 12, 30));  // 二〇二〇年十二月三十日
  REQUIRE(s.rows.size() == 2);
  CHECK(s.rows[0].basis == "《居住证暂行条例》第九条\n《甘肃省居住证管理办法》");
  CHECK(s.rows[1].line == 5);  // the two-line cell takes lines 3 and 4
}

TEST_CASE("A GB18030 return converts to UTF-8", "[survey]") {
  const SurveyReturn s = jianzheng::load_survey(kDir + "valid_gb18030.csv");
  CHECK(s.charset == "gb18030");
  CHECK(s.unit == "示例街道办事处（synthetic）");
  CHECK(s.date == Date::from_ymd(2020, 12, 29));
  REQUIRE(s.rows.size() == 2);
  CHECK(s.rows[1].name == "单身证明");
  CHECK(s.rows[1].note == "银行贷款要求");
}

TEST_CASE("Every valid survey fixture loads and every invalid one throws its code", "[survey]") {
  int valid = 0, invalid = 0;
  for (const auto& entry : std::filesystem::directory_iterator(kDir)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("valid_", 0) == 0) {
      CHECK_NOTHROW(jianzheng::load_survey(entry.path().string()));
      ++valid;
    } else if (name.rfind("invalid_", 0) == 0) {
      const Error e = error_of(name);
      const std::string code = jianzheng::to_string(e.code());
      INFO(name << ": " << e.what());
      CHECK(name.rfind("invalid_" + code + "_", 0) == 0);
      CHECK(e.where().rfind(kDir + name + ":", 0) == 0);  // file:line:column
      ++invalid;
    }
  }
  CHECK(valid >= 4);
  CHECK(invalid >= 8);
}

TEST_CASE("Survey errors point at the offending line", "[survey]") {
  CHECK(error_of("invalid_invalid_value_unclosed_quote.csv").where() ==
        kDir + "invalid_invalid_value_unclosed_quote.csv:3:16");
  CHECK(error_of("invalid_invalid_value_stray_quote.csv").where() ==
        kDir + "invalid_invalid_value_stray_quote.csv:4:9");
  CHECK(error_of("invalid_invalid_value_seq_not_number.csv").where() ==
        kDir + "invalid_invalid_value_seq_not_number.csv:4:1");
  CHECK(error_of("invalid_missing_field_no_unit.csv").where() ==
        kDir + "invalid_missing_field_no_unit.csv:2:1");
  CHECK(error_of("invalid_missing_field_no_header.csv").where() ==
        kDir + "invalid_missing_field_no_header.csv:2:1");
  CHECK(error_of("invalid_missing_field_row_without_name.csv").where() ==
        kDir + "invalid_missing_field_row_without_name.csv:4:1");
  CHECK(error_of("invalid_invalid_date_no_such_day.csv").where() ==
        kDir + "invalid_invalid_date_no_such_day.csv:1:1");
  CHECK(error_of("invalid_invalid_utf8_neither_charset.csv").where() ==
        kDir + "invalid_invalid_utf8_neither_charset.csv:3:3");
}

// --- writing ------------------------------------------------------------------------------------

TEST_CASE("A return written as CSV reads back the same, in UTF-8 and GB18030", "[survey]") {
  const SurveyReturn s = jianzheng::load_survey(kDir + "valid_utf8_title_and_blank_rows.csv");
  for (bool gb : {false, true}) {
    const std::string csv = jianzheng::to_csv(s, gb);
    const SurveyReturn back = jianzheng::parse_survey_csv(csv, "out.csv");
    CHECK(back.charset == (gb ? "gb18030" : "utf-8-bom"));
    CHECK(back.unit == s.unit);
    CHECK(back.date == s.date);
    CHECK(back.title == s.title);
    REQUIRE(back.rows.size() == s.rows.size());
    for (std::size_t i = 0; i < s.rows.size(); ++i) {
      CHECK(back.rows[i].name == s.rows[i].name);
      CHECK(back.rows[i].basis == s.rows[i].basis);
      CHECK(back.rows[i].note == s.rows[i].note);
    }
  }
}

TEST_CASE("A return round-trips through JSON", "[survey]") {
  const SurveyReturn s = jianzheng::load_survey(kDir + "valid_utf8_bom_crlf_multiline.csv");
  const std::string json = jianzheng::to_json(s);
  const SurveyReturn back = jianzheng::parse_survey_json(json, "s.json");
  CHECK(back.unit == s.unit);
  CHECK(back.date == s.date);
  REQUIRE(back.rows.size() == 2);
  CHECK(back.rows[0].basis == s.rows[0].basis);
  CHECK(jianzheng::to_json(back) == json);
}

TEST_CASE("A return written as XLSX is a zip workbook with the table's strings", "[survey]") {
  const SurveyReturn s = jianzheng::load_survey(kDir + "valid_gb18030.csv");
  const auto path = (std::filesystem::temp_directory_path() / "jianzheng_survey_test.xlsx").string();
  jianzheng::write_survey_xlsx(s, path);
  const std::string bytes = slurp(path);
  std::remove(path.c_str());
  REQUIRE(bytes.size() > 1000);
  CHECK(bytes.compare(0, 2, "PK") == 0);  // an OOXML package is a zip
}

TEST_CASE("Writing XLSX into a missing folder is an io_error", "[survey]") {
  const SurveyReturn s = jianzheng::load_survey(kDir + "valid_return.json");
  try {
    jianzheng::write_survey_xlsx(s, "/nonexistent-dir/x.xlsx");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::io_error);
  }
}

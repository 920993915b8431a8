// SurveyReturn (附件2, 二（三）1): reading township returns as office programs export them,
// and writing them back; the private CSV reader and charset detection underneath.
#include "jianzheng/survey.hpp"

#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <sys/wait.h>
#include <tuple>

#include "jianzheng/catalog.hpp"

#include "csv.hpp"
#include "support.hpp"
#include "jianzheng/error.hpp"
#include "text/charset.hpp"

using jianzheng::Date;
using jianzheng::Error;
using jianzheng::ErrorCode;
using jianzheng::SurveyReturn;
using jianzheng::test::run_cli;
using jianzheng::test::slurp;

namespace {

const std::string kDir = std::string(JIANZHENG_TEST_DATA_DIR) + "/survey/";

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
        kDir + "invalid_missing_field_row_without_name.csv:4:3");  // the empty name cell
  CHECK(error_of("invalid_invalid_date_no_such_day.csv").where() ==
        kDir + "invalid_invalid_date_no_such_day.csv:1:55");  // the 时间 cell
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

// --- verdicts (二（三）1) ---------------------------------------------------------------------

namespace {

jianzheng::SurveyRow row(std::string name, std::string basis, std::string note = "") {
  jianzheng::SurveyRow r;
  r.name = std::move(name);
  r.basis = std::move(basis);
  r.note = std::move(note);
  r.implementer = "各村（社区）";
  return r;
}

SurveyReturn survey_of(std::string unit, std::vector<jianzheng::SurveyRow> rows,
                       std::optional<Date> date = Date::from_ymd(2020, 12, 28)) {
  SurveyReturn s;
  s.unit = std::move(unit);
  s.date = date;
  s.origin = s.unit + ".csv";
  s.rows = std::move(rows);
  int line = 3;
  for (auto& r : s.rows) r.line = ++line;
  return s;
}

const jianzheng::Catalog& national() {
  static const jianzheng::Catalog c = jianzheng::Catalog::embedded_default(Date::from_ymd(2021, 1, 15));
  return c;
}

jianzheng::RowCheck check_one(jianzheng::SurveyRow r) {
  const auto check = jianzheng::validate_survey(survey_of("示例镇", {std::move(r)}), national());
  REQUIRE(check.rows.size() == 1);
  return check.rows[0];
}

}  // namespace

TEST_CASE("A basis cell splits at 、；; and line breaks but not inside 《》", "[survey]") {
  using V = std::vector<std::string>;
  CHECK(jianzheng::split_bases("《居住证暂行条例》第九条；《甘肃省人口与计划生育条例》") ==
        V{"《居住证暂行条例》第九条", "《甘肃省人口与计划生育条例》"});
  CHECK(jianzheng::split_bases("《法律、法规》\n《条例》;  ") == V{"《法律、法规》", "《条例》"});
  // An article list stays with its title.
  CHECK(jianzheng::split_bases("《中国公民收养子女登记办法》第五条、第六条") ==
        V{"《中国公民收养子女登记办法》第五条、第六条"});
  CHECK(jianzheng::split_bases("  ").empty());
}

TEST_CASE("A row with a law or regulation as basis is kept (二（一）1, 二（三）2)", "[survey]") {
  const auto r = check_one(row("居住证明", "《居住证暂行条例》第九条"));
  CHECK(r.verdict == jianzheng::SurveyVerdict::keep);
  CHECK(r.item.empty());
  REQUIRE(r.bases.size() == 1);
  CHECK(r.bases[0].level == jianzheng::BasisLevel::administrative_regulation);
  CHECK(r.clauses.front() == "2.1.1");
  CHECK(r.why.find("二（一）1") != std::string::npos);
}

TEST_CASE("A row on the no-issue list is cancelled (二（二）2, 附件1)", "[survey]") {
  // 附件1 第2项 居民身份信息证明（户籍证明）: even a cited law does not keep it.
  const auto r = check_one(row("户籍证明", "《中华人民共和国户口登记条例》"));
  CHECK(r.verdict == jianzheng::SurveyVerdict::cancel_listed);
  CHECK(r.item == "identity-info");
  CHECK(r.clauses == std::vector<std::string>{"2.2.2", "annex.1"});
  CHECK(r.why.find("第2项") != std::string::npos);
}

TEST_CASE("A listed row that names a carve-out purpose is kept for it (附件1 除外)", "[survey]") {
  // 附件1 第1项: （不动产登记情况、公证办理情况除外）, named in the parentheses …
  auto r = check_one(row("亲属关系证明（用于办理公证）", ""));
  CHECK(r.verdict == jianzheng::SurveyVerdict::keep_for_stated_purpose);
  CHECK(r.item == "kinship");
  CHECK_FALSE(r.carve_out.empty());
  CHECK(r.clauses.front() == "annex.1");
  // … or in 备注.
  r = check_one(row("亲属关系证明", "", "用于不动产登记"));
  CHECK(r.verdict == jianzheng::SurveyVerdict::keep_for_stated_purpose);
  // Another purpose does not qualify: 二（二）2.
  r = check_one(row("亲属关系证明", "", "用于银行开户"));
  CHECK(r.verdict == jianzheng::SurveyVerdict::cancel_listed);
}

TEST_CASE("A row with no basis, or only a policy document, is cancelled (二（三）1 一律取消)", "[survey]") {
  auto r = check_one(row("生猪养殖证明", ""));
  CHECK(r.verdict == jianzheng::SurveyVerdict::cancel_no_basis);
  CHECK(r.clauses.front() == "2.3.1");
  CHECK(r.why.find("一律取消") != std::string::npos);
  r = check_one(row("困难证明", "《某县人民政府关于做好临时救助工作的通知》"));
  CHECK(r.verdict == jianzheng::SurveyVerdict::cancel_no_basis);
  REQUIRE(r.bases.size() == 1);
  CHECK(r.bases[0].level == jianzheng::BasisLevel::policy_document);
}

TEST_CASE("A row whose basis level cannot be told goes to review", "[survey]") {
  const auto r = check_one(row("放牧证明", "《村规民约》"));
  CHECK(r.verdict == jianzheng::SurveyVerdict::review);
  REQUIRE(r.bases.size() == 1);
  CHECK(r.bases[0].level == jianzheng::BasisLevel::unknown);
}

TEST_CASE("One qualifying basis among others keeps a row", "[survey]") {
  const auto r = check_one(row("居住证明", "《某县人民政府关于…的通知》；《居住证暂行条例》第九条"));
  CHECK(r.verdict == jianzheng::SurveyVerdict::keep);
  CHECK(r.bases.size() == 2);
}

TEST_CASE("Validation JSON has the documented shape", "[survey]") {
  const auto check = jianzheng::validate_survey(
      survey_of("示例镇", {row("居住证明", "《居住证暂行条例》第九条"), row("单身证明", "")}), national());
  const std::string json = jianzheng::to_json(check);
  for (const char* key : {"\"unit\": \"示例镇\"", "\"date\": \"2020-12-28\"", "\"row\": 1",
                          "\"verdict\": \"keep\"", "\"verdict\": \"cancel_listed\"",
                          "\"item\": \"marital-status\"", "\"item\": null", "\"why\""})
    CHECK(json.find(key) != std::string::npos);
}

// --- merging (二（三）2) ----------------------------------------------------------------------

TEST_CASE("Merging joins rows by item or name and keeps every unit and basis", "[survey]") {
  const std::vector<SurveyReturn> returns{
      survey_of("甲镇", {row("居住证明", "《居住证暂行条例》第九条"), row("单身证明", ""),
                         row("生猪养殖证明", "")}),
      survey_of("乙乡", {row("居住 证明", "《居住证暂行条例》第九条；《甘肃省居住证管理办法》"),
                         row("婚姻状况证明", ""), row("亲属关系证明（用于办理公证）", "")}),
      survey_of("丙街道", {row("生猪养殖证明", "《某县人民政府关于…的通知》"),
                           row("亲属关系证明（公证用）", "")}, Date::from_ymd(2021, 1, 5)),
  };
  const auto draft = jianzheng::merge_surveys(returns, national());

  auto entry = [&](const std::string& name) -> const jianzheng::CountyEntry& {
    for (const auto& e : draft.entries)
      if (e.name == name) return e;
    FAIL("no entry " << name);
    throw;
  };
  const auto& residence = entry("居住证明");  // "居住 证明" joins it: same name once normalised
  CHECK(residence.verdict == jianzheng::SurveyVerdict::keep);
  CHECK(residence.reported_by == std::vector<std::string>{"甲镇", "乙乡"});
  CHECK(residence.bases.size() == 2);
  CHECK_FALSE(residence.id.empty());

  // 单身证明 and 婚姻状况证明 are one listed item (附件1 第8项).
  const auto& marital = entry("婚姻状况证明");
  CHECK(marital.item == "marital-status");
  CHECK(marital.verdict == jianzheng::SurveyVerdict::cancel_listed);
  CHECK(marital.names == std::vector<std::string>{"单身证明", "婚姻状况证明"});
  CHECK(marital.id.empty());

  // Two spellings of the notarisation purpose join under the kinship carve-out.
  const auto& kinship = entry("亲属关系证明（用于办理公证）");
  CHECK(kinship.verdict == jianzheng::SurveyVerdict::keep_for_stated_purpose);
  CHECK(kinship.reported_by == std::vector<std::string>{"乙乡", "丙街道"});
  CHECK(kinship.id.rfind("kinship-for-", 0) == 0);

  const auto& pigs = entry("生猪养殖证明");
  CHECK(pigs.verdict == jianzheng::SurveyVerdict::cancel_no_basis);
  CHECK(pigs.reported_by.size() == 2);

  // Kept entries come first.
  CHECK(draft.entries.front().verdict != jianzheng::SurveyVerdict::cancel_no_basis);

  auto has = [&](const std::string& code) {
    for (const auto& f : draft.findings)
      if (f.code == code) return true;
    return false;
  };
  CHECK(has("return_late"));  // 丙街道 2021-01-05, after 2020-12-30 (三（二）)
  CHECK(has("listed_item_reported"));
  CHECK(has("cancelled_no_basis"));
  CHECK(has("names_differ"));
}

TEST_CASE("The draft county layer composes on the national layers and reloads", "[survey]") {
  const std::vector<SurveyReturn> returns{
      survey_of("甲镇", {row("居住证明", "《居住证暂行条例》第九条"),
                         row("亲属关系证明（用于办理公证）", "《中华人民共和国公证法》"),
                         row("单身证明", "")})};
  jianzheng::DraftOptions options;
  options.layer_id = "test-county-draft";
  options.example = true;
  const auto draft = jianzheng::merge_surveys(returns, national(), options);
  const auto& layer = draft.layer;
  CHECK(layer.provenance.level == jianzheng::JurisdictionLevel::county);
  CHECK(layer.extends == national().provenance().back().id);
  REQUIRE(layer.items.size() == 2);
  for (const auto& item : layer.items) {
    CHECK(item.disposition == jianzheng::Disposition::by_committee);
    CHECK_FALSE(item.bases.empty());
  }

  // Through its JSON, as a county would load it, checked against the layers below.
  auto layers = jianzheng::default_layers();
  const auto reloaded = jianzheng::parse_catalog_layer(jianzheng::to_json(layer), "draft.json", layers);
  layers.push_back(reloaded);
  const auto county = jianzheng::Catalog::compose(layers, Date::from_ymd(2021, 3, 31));
  const auto* residence = county.find_name("居住证明");
  REQUIRE(residence != nullptr);
  CHECK(residence->disposition == jianzheng::Disposition::by_committee);
  CHECK(county.find("kinship") != nullptr);  // the national item stays
  CHECK(county.id().find("test-county-draft") != std::string::npos);
}

TEST_CASE("Merge JSON lists entries with reported_by and bases, and findings", "[survey]") {
  const auto draft = jianzheng::merge_surveys(
      {survey_of("甲镇", {row("居住证明", "《居住证暂行条例》第九条"), row("生猪养殖证明", "")})},
      national());
  const std::string json = jianzheng::to_json(draft);
  for (const char* key : {"\"entries\"", "\"findings\"", "\"reported_by\"", "\"bases\"",
                          "\"verdict\": \"keep\"", "\"code\": \"cancelled_no_basis\""})
    CHECK(json.find(key) != std::string::npos);
}

// --- the command line -------------------------------------------------------------------------

TEST_CASE("jianzheng survey validate --json reads a GB18030 return", "[survey][cli]") {
  const auto [code, out] = run_cli("survey validate --json " + kDir + "valid_gb18030.csv");
  CHECK(code == 0);
  CHECK(out.find("\"unit\": \"示例街道办事处（synthetic）\"") != std::string::npos);
  CHECK(out.find("\"verdict\": \"cancel_listed\"") != std::string::npos);
}

TEST_CASE("jianzheng survey merge writes a layer; a bad file exits 3 naming file:line", "[survey][cli]") {
  const auto layer = (std::filesystem::temp_directory_path() / "jianzheng_cli_layer.json").string();
  auto [code, out] = run_cli("survey merge --json --layer " + layer + " " + kDir +
                             "valid_utf8_title_and_blank_rows.csv " + kDir + "valid_return.json");
  CHECK(code == 0);
  CHECK(out.find("\"reported_by\"") != std::string::npos);
  const std::string written = slurp(layer);
  std::remove(layer.c_str());
  CHECK(written.find("\"by_committee\"") != std::string::npos);

  std::tie(code, out) = run_cli("survey validate " + kDir + "invalid_invalid_value_stray_quote.csv");
  CHECK(code == 3);
  CHECK(out.find("invalid_invalid_value_stray_quote.csv:4:9") != std::string::npos);
}

TEST_CASE("jianzheng survey export writes CSV and XLSX", "[survey][cli]") {
  const auto xlsx = (std::filesystem::temp_directory_path() / "jianzheng_cli_export.xlsx").string();
  const auto [code, out] = run_cli("survey export --csv - --xlsx " + xlsx + " " + kDir + "valid_return.json");
  CHECK(code == 0);
  CHECK(out.find("填报单位（盖章）：,,示例镇人民政府（synthetic）,时间：,2020年12月28日") != std::string::npos);
  CHECK(slurp(xlsx).compare(0, 2, "PK") == 0);
  std::remove(xlsx.c_str());
}

TEST_CASE("A carve-out counts only while in force on the return's date", "[survey]") {
  // 附件1 第17项 居民财产证明（法律援助情况除外）: the 法律援助法 第四十一条 ended the carve-out
  // on 2022-01-01 (data/catalog/national-amendments.json).
  const auto catalog = jianzheng::Catalog::embedded_default(Date::from_ymd(2023, 6, 1));
  const auto verdict_on = [&](Date d) {
    const auto check = jianzheng::validate_survey(
        survey_of("示例镇", {row("经济状况证明（用于申请法律援助）", "")}, d), catalog);
    return check.rows.at(0).verdict;
  };
  CHECK(verdict_on(Date::from_ymd(2021, 6, 1)) == jianzheng::SurveyVerdict::keep_for_stated_purpose);
  CHECK(verdict_on(Date::from_ymd(2023, 6, 1)) == jianzheng::SurveyVerdict::cancel_listed);
}

TEST_CASE("County item ids are ASCII pinyin of the name", "[survey]") {
  CHECK(jianzheng::detail::ascii_slug("居住证明") == "ju-zhu-zheng-ming");
  CHECK(jianzheng::detail::ascii_slug("独生子女证明") == "du-sheng-zi-nv-zheng-ming");
  CHECK(jianzheng::detail::ascii_slug("ＡＢ证明2") == "ab-zheng-ming-2");
  CHECK(jianzheng::detail::ascii_slug("居住证明", 8) == "ju-zhu");
}

TEST_CASE("填报单位 and 时间 may sit in the cell after their labels", "[survey]") {
  const SurveyReturn s = jianzheng::parse_survey_csv(
      "附件2,,,,,\n应由基层群众性自治组织出具证明事项统计表,,,,,\n"
      "填报单位（盖章）：,示例镇人民政府,,时间：,2020年12月30日,\n"
      "序号,证明事项名称,法律法规、政策依据,实施单位,主管部门,备注\n1,居住证明,,,,\n",
      "form.csv");
  CHECK(s.unit == "示例镇人民政府");
  CHECK(s.date == Date::from_ymd(2020, 12, 30));
  CHECK(s.title == "应由基层群众性自治组织出具证明事项统计表");
}

// --- issue 12: nothing lost reading a return, and every format round-trips ----------------------

namespace {

// A CSV return in the 附件2 layout with `body` under the header.
std::string return_csv(const std::string& body) {
  return "附件2,,,,,\n应由基层群众性自治组织出具证明事项统计表,,,,,\n"
         "填报单位（盖章）：示例镇（synthetic）,,,时间：2020年12月28日,,\n"
         "序号,证明事项名称,法律法规、政策依据,实施单位,主管部门,备注\n" +
         body;
}

Error csv_error(const std::string& text) {
  try {
    (void)jianzheng::parse_survey_csv(text, "t.csv");
  } catch (const Error& e) {
    return e;
  }
  FAIL("no error");
  throw;
}

// Compares what the formats carry (origin, charset and line are where it came from).
void check_same(const SurveyReturn& a, const SurveyReturn& b) {
  CHECK(a.title == b.title);
  CHECK(a.unit == b.unit);
  CHECK(a.date == b.date);
  CHECK(a.notes == b.notes);
  REQUIRE(a.rows.size() == b.rows.size());
  for (std::size_t i = 0; i < a.rows.size(); ++i) {
    INFO("row " << i + 1);
    CHECK(a.rows[i].seq == b.rows[i].seq);
    CHECK(a.rows[i].name == b.rows[i].name);
    CHECK(a.rows[i].basis == b.rows[i].basis);
    CHECK(a.rows[i].implementer == b.rows[i].implementer);
    CHECK(a.rows[i].authority == b.rows[i].authority);
    CHECK(a.rows[i].note == b.rows[i].note);
  }
}

// Every way a return is written, read back.
void check_round_trips(const SurveyReturn& s) {
  SECTION("CSV, UTF-8") { check_same(s, jianzheng::parse_survey_csv(jianzheng::to_csv(s), "out.csv")); }
  SECTION("CSV, GB18030") { check_same(s, jianzheng::parse_survey_csv(jianzheng::to_csv(s, true), "out.csv")); }
  SECTION("JSON") { check_same(s, jianzheng::parse_survey_json(jianzheng::to_json(s), "out.json")); }
  SECTION("XLSX") {
    const auto path = (std::filesystem::temp_directory_path() / "jianzheng_round_trip.xlsx").string();
    jianzheng::write_survey_xlsx(s, path);
    const SurveyReturn back = jianzheng::load_survey(path);
    std::remove(path.c_str());
    CHECK(back.charset == "xlsx");
    check_same(s, back);
  }
}

}  // namespace

TEST_CASE("Issue 12: survey CSV cells beyond the six columns are refused, not dropped", "[survey]") {
  Error e = csv_error(return_csv("1,居住证明,《居住证暂行条例》,村委会,县公安局,,多出的一格\n"));
  CHECK(e.code() == ErrorCode::invalid_value);
  CHECK(e.where() == "t.csv:5:68");  // the seventh cell
  CHECK(e.message().find("多出的一格") != std::string::npos);
  // A heading the form does not have is named, not skipped.
  e = csv_error("填报单位：示例镇,,\n序号,证明事项名称,法律法规、政策依据,联系电话\n1,居住证明,,12345\n");
  CHECK(e.code() == ErrorCode::unknown_field);
  CHECK(e.where() == "t.csv:2:55");
  // Empty cells beyond the columns (a spreadsheet's padding) are fine.
  CHECK(jianzheng::parse_survey_csv(return_csv("1,居住证明,,,,,,\n"), "t.csv").rows.size() == 1);
}

TEST_CASE("Issue 12: a half-written last row (\"5,无犯\") is refused, not a certificate named 无犯", "[survey]") {
  const Error e = csv_error(return_csv("1,居住证明,《居住证暂行条例》,村委会,县公安局,\n5,无犯"));
  CHECK(e.code() == ErrorCode::invalid_value);
  CHECK(e.where() == "t.csv:6:9");  // where the missing cells would start
  CHECK(e.message().find("incomplete") != std::string::npos);
}

TEST_CASE("Issue 12: a numeric note line is kept; numbered empty rows are still dropped", "[survey]") {
  // Rows 2 and 3 are the form's numbered empty rows; after the blank row, "2021" and "3" are notes.
  const SurveyReturn s = jianzheng::parse_survey_csv(
      return_csv("1,居住证明,,,,\n2,,,,,\n3,,,,,\n,,,,,\n2021,,,,,\n3,,,,,\n注：本表为示例,,,,,\n"), "t.csv");
  REQUIRE(s.rows.size() == 1);
  CHECK(s.notes == std::vector<std::string>{"2021", "3", "注：本表为示例"});
  // A number that does not go on with the numbering is a note too.
  const SurveyReturn t = jianzheng::parse_survey_csv(return_csv("1,居住证明,,,,\n100,,,,,\n"), "t.csv");
  CHECK(t.notes == std::vector<std::string>{"100"});
}

TEST_CASE("Issue 12: duplicate rows and a reused 序号 are findings of the check and the merge", "[survey]") {
  SurveyReturn s = jianzheng::parse_survey_csv(
      return_csv("1,居住证明,《居住证暂行条例》,村委会,县公安局,\n"
                 "2,独生子女证明,,村委会,县卫健局,\n"
                 "2,居住证明,《居住证暂行条例》,村委会,县公安局,\n"
                 "4,居住 证明,《甘肃省居住证管理办法》,村委会,县公安局,\n"),
      "t.csv");
  const auto check = jianzheng::validate_survey(s, national());
  CHECK(check.rows.size() == 4);  // every row is still judged
  std::vector<std::string> codes, wheres;
  for (const auto& f : check.findings) {
    codes.push_back(f.code);
    wheres.push_back(f.where);
    CHECK(f.clause == "annex.2");
  }
  CHECK(codes == std::vector<std::string>{"seq_reused", "duplicate_row", "duplicate_row"});
  CHECK(wheres == std::vector<std::string>{"t.csv:7", "t.csv:7", "t.csv:8"});
  CHECK(check.findings[1].message.find("两行完全相同") != std::string::npos);
  CHECK(check.findings[2].message.find("两行内容不同") != std::string::npos);
  CHECK(jianzheng::to_json(check).find("\"code\": \"seq_reused\"") != std::string::npos);
  const auto draft = jianzheng::merge_surveys({s}, national());
  CHECK(std::count_if(draft.findings.begin(), draft.findings.end(),
                      [](const jianzheng::Finding& f) { return f.code == "duplicate_row"; }) == 2);
}

TEST_CASE("Issue 12: round trip: a unit named with 时间 (时间银行服务中心)", "[survey]") {
  SurveyReturn s = survey_of("时间银行服务中心", {row("居住证明", "《居住证暂行条例》第九条")});
  s.title = std::string(jianzheng::kSurveyTitle);
  check_round_trips(s);
  // Written in one cell with its label, as townships do, it reads too.
  const SurveyReturn one = jianzheng::parse_survey_csv(
      "填报单位（盖章）：时间银行服务中心    时间：2020年12月30日\n序号,证明事项名称,法律法规、政策依据\n1,居住证明,\n",
      "t.csv");
  CHECK(one.unit == "时间银行服务中心");
  CHECK(one.date == Date::from_ymd(2020, 12, 30));
  // 填报时间 is a label too.
  CHECK(jianzheng::parse_survey_csv("填报单位：示例镇,填报时间：2021年1月4日\n序号,证明事项名称,依据\n1,居住证明,\n", "t.csv")
            .date == Date::from_ymd(2021, 1, 4));
}

TEST_CASE("Issue 12: round trip: a blank 序号 stays blank", "[survey]") {
  SurveyReturn s = survey_of("示例镇", {row("居住证明", ""), row("独生子女证明", "")});
  s.title = std::string(jianzheng::kSurveyTitle);
  s.rows[0].seq = 0;
  s.rows[1].seq = 7;
  check_round_trips(s);
  CHECK(jianzheng::to_json(s).find("\"seq\": 0") != std::string::npos);
}

TEST_CASE("Issue 12: round trip: a title of 附件2 is kept", "[survey]") {
  SurveyReturn s = survey_of("示例镇", {row("居住证明", "")});
  s.title = "附件2";
  check_round_trips(s);
}

TEST_CASE("Issue 12: CSV, JSON and XLSX read a cell alike: outer spaces are not part of it", "[survey]") {
  const SurveyReturn csv = jianzheng::parse_survey_csv(return_csv("1,\" 居住证明 \",\"\u3000《条例》\r\n第九条 \",,,\n"), "t.csv");
  const SurveyReturn json = jianzheng::parse_survey_json(
      R"({"unit": " 示例镇（synthetic） ", "date": "2020-12-28", "rows": [{"seq": 1, "name": " 居住证明 ", "basis": "　《条例》\r\n第九条 "}], "notes": ["  "]})",
      "t.json");
  CHECK(json.unit == "示例镇（synthetic）");
  CHECK(json.rows[0].name == "居住证明");
  CHECK(json.rows[0].basis == "《条例》\n第九条");
  CHECK(json.notes.empty());
  check_same(csv, json);
  // Writers write the same value: outer spaces never reach a file.
  SurveyReturn spaced = json;
  spaced.rows[0].name = "  居住证明\t";
  CHECK(jianzheng::to_json(spaced) == jianzheng::to_json(json));
  CHECK(jianzheng::to_csv(spaced) == jianzheng::to_csv(json));
}

TEST_CASE("Issue 12: whatever is written reads back to the same value (CSV, GB18030, JSON, XLSX)", "[survey]") {
  SurveyReturn s = survey_of("时间银行服务中心", {});
  s.title = "附件2";
  s.date = Date::from_ymd(2020, 12, 30);
  auto r = [](int seq, std::string name, std::string basis, std::string implementer, std::string authority,
              std::string note) {
    jianzheng::SurveyRow x;
    x.seq = seq;
    x.name = std::move(name);
    x.basis = std::move(basis);
    x.implementer = std::move(implementer);
    x.authority = std::move(authority);
    x.note = std::move(note);
    return x;
  };
  s.rows = {r(1, "居住证明", "《居住证暂行条例》第九条\n《甘肃省居住证管理办法》", "各村（社区）", "县公安局", "申领居住证"),
            r(0, "亲属关系证明（用于办理公证）", "《公证法》, 第十一条", "村委会", "县司法局", "公证处要求，\"据实出具\""),
            r(2, "=HYPERLINK(\"http://x\")", "+86 电话", "-", "@县", "'=1+1"),
            r(2, "时间证明", "", "", "", "'"),
            r(999999, "独生子女证明", "", "", "", "注 内有  两个空格")};
  s.notes = {"2021", "3", "注：本表为示例", "填表说明：\n一行\n两行", "-1"};
  check_round_trips(s);
}

TEST_CASE("Issue 15: CSV for spreadsheets guards = + - @ and reads them back unchanged", "[survey][csv]") {
  SurveyReturn s = survey_of("示例镇", {row("=cmd|' /C calc'!A0", "+SUM(1)", "@x"), row("-2", "'+1", "a=b")});
  const std::string csv = jianzheng::to_csv(s);
  for (const char* guarded : {"'=cmd|' /C calc'!A0", "'+SUM(1)", "'@x", "'-2", "''+1"})
    CHECK(csv.find(std::string(",") + guarded) != std::string::npos);
  CHECK(csv.find(",a=b") != std::string::npos);  // only a leading sign is a formula
  const SurveyReturn back = jianzheng::parse_survey_csv(csv, "out.csv");
  CHECK(back.rows[0].name == "=cmd|' /C calc'!A0");
  CHECK(back.rows[0].basis == "+SUM(1)");
  CHECK(back.rows[0].note == "@x");
  CHECK(back.rows[1].name == "-2");
  CHECK(back.rows[1].basis == "'+1");
  using jianzheng::detail::formula_guard;
  using jianzheng::detail::formula_unguard;
  for (std::string cell : {"=1", "+1", "-1", "@1", "\t1", "\r1", "'", "''", "'=", "'a", "a", "", "''=1"})
    CHECK(formula_unguard(formula_guard(cell)) == cell);
}

TEST_CASE("Issue 12: an XLSX cell over 32,767 characters is refused, naming the cell; nothing is written", "[survey]") {
  std::string long_basis;
  for (int i = 0; i < 32768; ++i) long_basis += "法";
  const SurveyReturn s = survey_of("示例镇", {row("居住证明", ""), row("独生子女证明", long_basis)});
  const auto path = (std::filesystem::temp_directory_path() / "jianzheng_long_cell.xlsx").string();
  { std::ofstream(path) << "old"; }
  try {
    jianzheng::write_survey_xlsx(s, path);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::too_large);
    CHECK(e.where() == path + ":C6");
    CHECK(e.message().find("32768 characters") != std::string::npos);
    CHECK(e.message().find("独生子女证明") != std::string::npos);
  }
  CHECK(slurp(path) == "old");
  std::remove(path.c_str());
  // 32,767 is fine, and reads back whole.
  long_basis.resize(long_basis.size() - 3);
  SurveyReturn fits = survey_of("示例镇", {row("独生子女证明", long_basis)});
  fits.title = std::string(jianzheng::kSurveyTitle);
  check_round_trips(fits);
}

TEST_CASE("Writers refuse a return no reader would accept", "[survey]") {
  SurveyReturn s = survey_of("  ", {row("居住证明", "")});
  CHECK_THROWS_AS(jianzheng::to_csv(s), Error);
  s.unit = "示例镇";
  s.rows[0].name = "\u3000";
  CHECK_THROWS_AS(jianzheng::to_json(s), Error);
}

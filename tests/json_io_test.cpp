// The private JSON plumbing: every error names its code, the JSON pointer and line:column.
#include "json/json_io.hpp"

#include <catch2/catch.hpp>

using jianzheng::Error;
using jianzheng::ErrorCode;
using jianzheng::detail::Document;

TEST_CASE("Malformed JSON is an error with line and column", "[json]") {
  try {
    Document doc("{\n  \"a\": [1, 2,\n}", "f.json");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::malformed_json);
    CHECK(e.location().origin == "f.json");
    CHECK(e.location().line == 3);
  }
}

TEST_CASE("Invalid UTF-8 is an error at the offending byte", "[json]") {
  try {
    Document doc("{\"a\": \"\xe5\xb1\"}", "f.json");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::invalid_utf8);
    CHECK(e.location().line == 1);
    CHECK(e.location().column == 8);
  }
}

TEST_CASE("A typed accessor names the JSON pointer and its line", "[json]") {
  Document doc("{\n  \"items\": [\n    {\"id\": 7}\n  ]\n}", "c.json");
  const auto item = doc.root().at("items").elements().at(0);
  try {
    (void)item.at("id").string();
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::wrong_type);
    CHECK(e.location().pointer == "/items/0/id");
    CHECK(e.location().line == 3);
    CHECK(e.where() == "c.json:3:12 /items/0/id");
  }
  try {
    (void)item.at("name");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::missing_field);
    CHECK(e.location().pointer == "/items/0/name");
    CHECK(e.location().line == 3);  // points at the object that lacks it
  }
}

TEST_CASE("Canonical serialisation is deterministic and keeps UTF-8", "[json]") {
  Document doc("{\"b\": [1,2], \"a\": {\"名\": \"婚姻状况证明\"}}", "x");
  const std::string once = jianzheng::detail::canonical(doc.root().value());
  CHECK(once == "{\n  \"b\": [1, 2],\n  \"a\": {\n    \"名\": \"婚姻状况证明\"\n  }\n}\n");
  Document again(once, "y");
  CHECK(jianzheng::detail::canonical(again.root().value()) == once);
}

// ---- Issue 12 regressions ----------------------------------------------------------

#include <string>

#include "jianzheng/catalog.hpp"
#include "jianzheng/request.hpp"
#include "jianzheng/survey.hpp"
#include "jianzheng/work_calendar.hpp"

namespace {

// Runs `load` and returns the Error it throws (FAIL when it throws none).
template <class F>
Error error_of(F&& load) {
  try {
    load();
  } catch (const Error& e) {
    return e;
  }
  FAIL("no error");
  return Error(ErrorCode::invalid_argument, "", "");
}

}  // namespace

TEST_CASE("Duplicate keys: a survey with two \"rows\" is refused, naming the key and its line:column", "[json][issue12]") {
  // Boost.JSON keeps the last of equal keys: the first table of rows would vanish.
  const std::string text =
      "{\n  \"unit\": \"红湾寺镇\",\n  \"rows\": [{\"name\": \"无犯罪记录证明\"}],\n"
      "  \"rows\": [{\"name\": \"居住证明\"}]\n}\n";
  const Error e = error_of([&] { (void)jianzheng::parse_survey_json(text, "return.json"); });
  CHECK(e.code() == ErrorCode::duplicate_id);
  CHECK(e.location().origin == "return.json");
  CHECK(e.location().pointer == "/rows");
  CHECK(e.location().line == 4);
  CHECK(e.location().column == 3);
  CHECK(e.message().find("\"rows\"") != std::string::npos);
  CHECK(e.message().find("line 3, column 3") != std::string::npos);  // where the first one is
}

TEST_CASE("Duplicate keys: nested, escaped and in every reader", "[json][issue12]") {
  // The same key spelt with an escape is the same key.
  const Error nested = error_of([] {
    Document doc("{\"a\": [1, {\"b\": 1, \"c\": {\"x\": 1, \"\\u0078\": 2}}]}", "n.json");
  });
  CHECK(nested.code() == ErrorCode::duplicate_id);
  CHECK(nested.location().pointer == "/a/1/c/x");
  CHECK(nested.location().column == 34);
  // A request: two "purpose" keys would decide on the second without a word.
  CHECK(error_of([] {
          (void)jianzheng::request_from_json(R"({"text": "单身证明", "purpose": "a", "purpose": "b"})", "<request>");
        }).code() == ErrorCode::duplicate_id);
  // A catalog layer and a calendar.
  CHECK(error_of([] {
          (void)jianzheng::parse_catalog_layer(R"({"format": "jianzheng-catalog/1", "format": "x"})", "l.json");
        }).location().pointer == "/format");
  CHECK(error_of([] {
          (void)jianzheng::WorkCalendar::from_json(R"({"id": "a", "id": "b"})", "c.json");
        }).code() == ErrorCode::duplicate_id);
  // Equal keys in different objects are fine.
  Document ok("[{\"a\": 1}, {\"a\": 2}, {\"b\": {\"a\": 3}}]", "ok.json");
  CHECK(ok.root().elements().size() == 3);
}

TEST_CASE("BOM: a UTF-8 byte-order mark before JSON is accepted; a UTF-16 one is named", "[json][issue12]") {
  Document doc("\xEF\xBB\xBF{\"a\": [1, \"x\"]}", "bom.json");
  CHECK(doc.root().at("a").elements().size() == 2);
  // Columns on the first line count from after the mark, as editors show them.
  CHECK(doc.locate("/a/1").column == 11);
  const Error utf16 = error_of([] { Document d(std::string("\xFF\xFE{\0}\0", 6), "u16.json"); });
  CHECK(utf16.code() == ErrorCode::invalid_utf8);
  CHECK(utf16.message().find("UTF-16") != std::string::npos);
}

TEST_CASE("Undefined behaviour: an integer written as 1e300 is out of range, not cast", "[json][issue12]") {
  Document doc("{\"a\": 1e300, \"b\": -1e19, \"c\": 9223372036854775808, \"d\": 2.0, \"e\": 2.5, "
               "\"f\": 9.2233720368547758e18, \"g\": -9.2233720368547758e18}",
               "n.json");
  const auto root = doc.root();
  for (const char* k : {"a", "b", "c", "f"}) {
    INFO(k);
    CHECK(error_of([&] { (void)root.at(k).integer(); }).code() == ErrorCode::invalid_value);
  }
  CHECK(root.at("d").integer() == 2);
  CHECK(error_of([&] { (void)root.at("e").integer(); }).code() == ErrorCode::wrong_type);
  CHECK(root.at("g").integer() == INT64_MIN);
  CHECK(root.at("d").integer(1, 3) == 2);
  CHECK(error_of([&] { (void)root.at("d").integer(3, 9); }).message().find("3–9") != std::string::npos);
  // Through a loader: a survey row numbered 1e300.
  CHECK(error_of([] {
          (void)jianzheng::parse_survey_json(R"({"unit": "镇", "rows": [{"seq": 1e300, "name": "居住证明"}]})", "s.json");
        }).location().pointer == "/rows/0/seq");
}

TEST_CASE("Hang: locating every row of a 20,000-row survey gives each its own line", "[json][issue12]") {
  // Locating a row used to rescan the document from the start (quadratic: 10,000 rows took
  // 19 s); positions are now indexed once. The figures are in docs/performance.md.
  std::string text = "{\"unit\": \"红湾寺镇\", \"rows\": [\n";
  const int n = 20000;
  for (int i = 0; i < n; ++i) text += std::string(i ? ",\n" : "") + "{\"seq\": " + std::to_string(i + 1) + ", \"name\": \"居住证明\"}";
  text += "\n]}\n";
  const auto survey = jianzheng::parse_survey_json(text, "big.json");
  REQUIRE(survey.rows.size() == static_cast<std::size_t>(n));
  bool all = true;
  for (int i = 0; i < n; ++i) all = all && survey.rows[static_cast<std::size_t>(i)].line == i + 2;
  CHECK(all);
}

TEST_CASE("Locating a pointer: escaped tokens, absent members and out-of-range indexes", "[json]") {
  Document doc("{\n\"a/b\": {\"m~n\": [10,\n 20]}}", "p.json");
  CHECK(doc.locate("/a~1b/m~0n/1").line == 3);
  CHECK(doc.locate("/a~1b/m~0n/1").column == 2);
  CHECK(doc.locate("/a~1b/missing").line == 2);  // the object that lacks it
  CHECK(doc.locate("/a~1b/m~0n/7").column == 16);  // the array
  CHECK(doc.locate("").line == 1);
}

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

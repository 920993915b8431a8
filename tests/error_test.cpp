// Errors (error.hpp): one exception type, and one JSON error object for every surface.
#include "jianzheng/error.hpp"

#include <catch2/catch.hpp>

#include <boost/json.hpp>
#include <string>

using jianzheng::Error;
using jianzheng::ErrorCode;
using jianzheng::Location;

namespace {
const boost::json::object& inner(const std::string& json) {
  static boost::json::value v;
  v = boost::json::parse(json);
  return v.at("error").as_object();
}
}  // namespace

TEST_CASE("Error JSON: a JSON location gives origin, line, column and pointer beside the text", "[error]") {
  const Error e(ErrorCode::unknown_enum, Location{"<request>", "/facts/verifiable", 1, 45},
                "\"maybe\" is not a known value");
  const std::string json = to_json(e);
  CHECK(json.find('\n') == std::string::npos);
  CHECK(json ==
        "{\"error\": {\"code\": \"unknown_enum\", \"where\": \"<request>:1:45 /facts/verifiable\", "
        "\"message\": \"\\\"maybe\\\" is not a known value\", \"origin\": \"<request>\", \"line\": 1, "
        "\"column\": 45, \"pointer\": \"/facts/verifiable\"}}");
}

TEST_CASE("Error JSON: the root pointer is an empty string, unknown line and column are left out", "[error]") {
  const auto& o = inner(to_json(Error(ErrorCode::too_large, Location{"big.json", "", 0, 0}, "too big")));
  CHECK(o.at("where").as_string() == "big.json (root)");
  CHECK(o.at("pointer").as_string() == "");
  CHECK(o.at("origin").as_string() == "big.json");
  CHECK_FALSE(o.contains("line"));
  CHECK_FALSE(o.contains("column"));
}

TEST_CASE("Error JSON: a place in a CSV table has line and column but no pointer", "[error]") {
  Location l{"t.csv", "", 4, 2};
  l.in_json = false;
  const auto& o = inner(to_json(Error(ErrorCode::invalid_value, l, "unterminated quote")));
  CHECK(o.at("where").as_string() == "t.csv:4:2");
  CHECK(o.at("line").as_int64() == 4);
  CHECK(o.at("column").as_int64() == 2);
  CHECK_FALSE(o.contains("pointer"));
}

TEST_CASE("Error JSON: a plain where has only code, where and message", "[error]") {
  const auto& o = inner(to_json(Error(ErrorCode::invalid_argument, "engine", "NULL engine")));
  CHECK(o.size() == 3);
  CHECK(o.at("code").as_string() == "invalid_argument");
  CHECK(o.at("where").as_string() == "engine");
}

TEST_CASE("Error JSON: a message quoting bytes that are not UTF-8 still gives valid JSON", "[error]") {
  const std::string json = to_json(Error(ErrorCode::invalid_utf8, "text", "bad \xFF\xFE byte\n"));
  const auto& o = inner(json);
  CHECK(o.at("message").as_string() == "bad \xEF\xBF\xBD\xEF\xBF\xBD byte\n");
  CHECK(json.find('\n') == std::string::npos);
}

// The one "origin:line:column" helper (src/text/position.hpp).
#include "text/position.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace jianzheng::detail;

TEST_CASE("Positions: line and column of a byte offset, 1-based, columns in bytes", "[position]") {
  const std::string text = "ab\ncd\n\n居e";
  const LineIndex index(text);
  struct Case { std::size_t offset; int line, column; };
  for (const Case& c : {Case{0, 1, 1}, Case{2, 1, 3}, Case{3, 2, 1}, Case{5, 2, 3}, Case{6, 3, 1},
                        Case{7, 4, 1}, Case{10, 4, 4}, Case{999, 4, 5}}) {
    const LineColumn scanned = line_column(text, c.offset);
    const LineColumn indexed = index.at(c.offset);
    CHECK(scanned.line == c.line);
    CHECK(scanned.column == c.column);
    CHECK(indexed.line == c.line);
    CHECK(indexed.column == c.column);
  }
  CHECK(line_column("", 0).line == 1);
  CHECK(LineIndex("").at(5).column == 1);
}

TEST_CASE("Positions: origin:line:column leaves out what is unknown", "[position]") {
  CHECK(origin_line_column("a.csv", 3, 7) == "a.csv:3:7");
  CHECK(origin_line_column("a.csv", 3) == "a.csv:3");
  CHECK(origin_line_column("a.csv", 0) == "a.csv");
  CHECK(origin_line_column("", 2, 1) == "<text>:2:1");
  const jianzheng::Location l = text_location("t.csv", "x,y\nz,\xFF", 6);
  CHECK(l.line == 2);
  CHECK(l.column == 3);
  CHECK_FALSE(l.in_json);
  CHECK(jianzheng::Error(jianzheng::ErrorCode::invalid_utf8, l, "bad").where() == "t.csv:2:3");
}

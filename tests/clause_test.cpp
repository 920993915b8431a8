// The clause book: every clause id of docs/design.md §3, with the policy's own text.
#include "jianzheng/clause.hpp"

#include <catch2/catch.hpp>

#include "jianzheng/error.hpp"

#include <fstream>
#include <sstream>

using namespace jianzheng;

TEST_CASE("The embedded clause book has every clause id decisions cite", "[clause]") {
  const ClauseBook& book = ClauseBook::embedded_default();
  for (const char* id : {"2.1.1", "2.1.2", "2.1.3", "2.1.4", "2.2.1", "2.2.2", "2.3.1", "2.3.2", "2.3.3",
                         "2.3.4", "2.3.5", "2.3.6", "2.3.7", "3.1", "3.2", "3.3", "3.4", "3.5", "3.6",
                         "4.1", "4.2", "4.3", "4.4", "annex.1", "annex.2"}) {
    INFO(id);
    const Clause* c = book.find(id);
    REQUIRE(c);
    CHECK_FALSE(c->text.empty());
    CHECK_FALSE(c->path.empty());
    CHECK_FALSE(c->gist.empty());
  }
  CHECK(book.find("9.9") == nullptr);
}

TEST_CASE("Clause texts are the policy's words", "[clause]") {
  const ClauseBook& book = ClauseBook::embedded_default();
  // 二（二）2
  CHECK(book.find("2.2.2")->text ==
        "对《不应由基层群众性自治组织出具证明事项清单（第一批）》所列证明事项，一般情况下不予出具。");
  CHECK(book.find("2.2.2")->path == "二（二）2");
  // 二（一）1
  CHECK(book.find("2.1.1")->text ==
        "有明确法律法规依据或经国务院批准列入保留证明事项清单、属于基层群众性自治组织职责范围的事项，应当依法出具。");
  // 二（三）6 carries the hotline
  CHECK(book.find("2.3.6")->text.find("0936-6121532") != std::string::npos);
}

TEST_CASE("A clauses file with a repeated id is a duplicate_id error at that id", "[clause]") {
  const std::string text =
      "{\"format\": \"jianzheng-clauses/1\", \"source\": \"s\", \"clauses\": [\n"
      " {\"id\": \"1\", \"path\": \"一\", \"text\": \"t\"},\n"
      " {\"id\": \"1\", \"path\": \"二\", \"text\": \"u\"}]}";
  try {
    (void)ClauseBook::from_json(text, "c.json");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::duplicate_id);
    CHECK(e.location().pointer == "/clauses/1/id");
    CHECK(e.location().line == 3);
  }
}

TEST_CASE("The shipped clauses file is canonical and survives load-save-load", "[clause]") {
  std::ifstream in(std::string(JIANZHENG_SOURCE_DIR) + "/data/clauses.json", std::ios::binary);
  REQUIRE(in);
  std::ostringstream ss;
  ss << in.rdbuf();
  const std::string text = ss.str();
  const std::string saved = to_json(ClauseBook::from_json(text, "clauses.json"));
  CHECK(saved == text);
  CHECK(to_json(ClauseBook::from_json(saved, "again")) == saved);
  CHECK(to_json(ClauseBook::embedded_default()) == text);
}

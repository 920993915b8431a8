// docs/traceability.md maps every clause of the policy to the data and code that carry it and
// the tests that pin it. These tests keep it honest: every clause id used in data/, src/,
// include/ or tools/ — quoted ASCII ids ("2.1.3") and Chinese paths (二（一）3, 三（六）,
// 附件1) — and every clause of the embedded ClauseBook must have a row.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "jianzheng/clause.hpp"

namespace fs = std::filesystem;

namespace {

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The ids with a row: lines of the table that start with "| `id` |".
std::set<std::string> documented_ids() {
  std::set<std::string> ids;
  std::istringstream in(read(fs::path(JIANZHENG_SOURCE_DIR) / "docs" / "traceability.md"));
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("| `", 0) != 0) continue;
    const auto end = line.find('`', 3);
    if (end != std::string::npos) ids.insert(line.substr(3, end - 3));
  }
  return ids;
}

// Chinese numerals of the policy's numbering, one UTF-8 character each.
int chinese_numeral(const std::string& s, std::size_t at, std::size_t& length) {
  static const char* const kDigits[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九"};
  for (int i = 0; i < 9; ++i) {
    const std::string d = kDigits[i];
    if (s.compare(at, d.size(), d) == 0) {
      length = d.size();
      return i + 1;
    }
  }
  return 0;
}

// Every clause id cited in `text`, with the form it was found in.
void scan(const std::string& text, const std::string& where, std::map<std::string, std::string>& found) {
  // Quoted ASCII ids: "2.1.3", "3.6", "annex.1".
  for (std::size_t q = text.find('"'); q != std::string::npos; q = text.find('"', q + 1)) {
    const std::size_t close = text.find('"', q + 1);
    if (close == std::string::npos || close - q > 12) continue;
    const std::string inner = text.substr(q + 1, close - q - 1);
    bool id = false;
    if (inner.rfind("annex.", 0) == 0 && inner.size() == 7 && std::isdigit(static_cast<unsigned char>(inner[6]))) id = true;
    if (!id && inner.size() >= 3 && inner[0] >= '1' && inner[0] <= '4' && inner[1] == '.') {
      id = true;
      int parts = 1;
      for (std::size_t i = 1; i < inner.size(); ++i) {
        if (inner[i] == '.') {
          ++parts;
          if (i + 1 >= inner.size() || inner[i + 1] < '1' || inner[i + 1] > '9') id = false;
        } else if (inner[i] < '0' || inner[i] > '9') {
          id = false;
        }
      }
      id = id && parts <= 3;
    }
    if (id) found.emplace(inner, where + " (\"" + inner + "\")");
  }
  // Chinese paths: 二（一）3 → 2.1.3, 三（六） → 3.6.
  const std::string open = "（", close = "）";
  for (std::size_t p = text.find(open); p != std::string::npos; p = text.find(open, p + 1)) {
    if (p < 3) continue;
    std::size_t len = 0;
    const int top = chinese_numeral(text, p - 3, len);
    if (top < 1 || top > 4 || len != 3) continue;
    std::size_t inner_len = 0;
    const int mid = chinese_numeral(text, p + open.size(), inner_len);
    if (!mid || text.compare(p + open.size() + inner_len, close.size(), close) != 0) continue;
    std::string id = std::to_string(top) + "." + std::to_string(mid);
    const std::size_t after = p + open.size() + inner_len + close.size();
    if (after < text.size() && text[after] >= '1' && text[after] <= '9' &&
        !(after + 1 < text.size() && std::isdigit(static_cast<unsigned char>(text[after + 1]))))
      id += "." + std::string(1, text[after]);
    found.emplace(id, where + " (" + text.substr(p - 3, after + 1 - (p - 3)) + ")");
  }
  // 附件1, 附件2.
  const std::string annex = "附件";
  for (std::size_t p = text.find(annex); p != std::string::npos; p = text.find(annex, p + 1)) {
    const std::size_t d = p + annex.size();
    if (d < text.size() && text[d] >= '1' && text[d] <= '9')
      found.emplace("annex." + std::string(1, text[d]), where + " (附件" + text[d] + ")");
  }
}

}  // namespace

TEST_CASE("every clause id used in data and code has a row in docs/traceability.md", "[traceability]") {
  const std::set<std::string> rows = documented_ids();
  REQUIRE(rows.size() >= 30);
  std::map<std::string, std::string> found;  // id → first place seen
  const fs::path root(JIANZHENG_SOURCE_DIR);
  for (const char* dir : {"data", "src", "include", "tools"}) {
    if (!fs::exists(root / dir)) continue;
    for (const auto& e : fs::recursive_directory_iterator(root / dir)) {
      if (!e.is_regular_file()) continue;
      const std::string ext = e.path().extension().string();
      if (ext != ".cpp" && ext != ".hpp" && ext != ".h" && ext != ".c" && ext != ".json" && ext != ".in")
        continue;
      scan(read(e.path()), fs::relative(e.path(), root).string(), found);
    }
  }
  REQUIRE(found.count("2.1.3") == 1);  // the scan sees the engine's citations
  for (const auto& [id, where] : found) {
    INFO("clause " << id << " is used in " << where << " but has no row in docs/traceability.md");
    CHECK(rows.count(id) == 1);
  }
}

TEST_CASE("every clause of the policy has a row in docs/traceability.md", "[traceability]") {
  const std::set<std::string> rows = documented_ids();
  const auto& clauses = jianzheng::ClauseBook::embedded_default().all();
  REQUIRE(clauses.size() >= 30);
  for (const jianzheng::Clause& c : clauses) {
    INFO("clause " << c.id << " (" << c.path << ")");
    CHECK(rows.count(c.id) == 1);
  }
}

TEST_CASE("the clause scanner reads both forms of a citation", "[traceability]") {
  std::map<std::string, std::string> found;
  scan("// 二（一）3: transitional; 三（六） report; 附件2 table; \"2.3.4\" and \"annex.1\"; 第（一）项; \"0.1.0\"", "x", found);
  CHECK(found.count("2.1.3") == 1);
  CHECK(found.count("3.6") == 1);
  CHECK(found.count("annex.2") == 1);
  CHECK(found.count("2.3.4") == 1);
  CHECK(found.count("annex.1") == 1);
  CHECK(found.size() == 5);
}

// The resolve answer (docs/design.md §8, `jianzheng resolve --json`). Written by hand around
// Boost.JSON's string escaping so that scores read as 0.77, not 7.7E-1.
#include <cmath>
#include <cstdio>

#include "jianzheng/name_matcher.hpp"
#include "json/json_io.hpp"

namespace jianzheng {
namespace {

std::string quoted(std::string_view s) { return detail::json::serialize(detail::json::string(s)); }

// Three decimals, trailing zeros trimmed: 1, 0.9, 0.772.
std::string score_text(double score) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", std::round(score * 1000) / 1000);
  std::string s(buf);
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

// The matches member, after the members before it.
std::string with_matches(std::string out, const std::vector<Match>& matches) {
  out += "\n  \"matches\": [";
  for (std::size_t i = 0; i < matches.size(); ++i) {
    const Match& m = matches[i];
    out += i ? ",\n    {" : "\n    {";
    out += "\"item\": " + quoted(m.item->id) + ", \"name\": " + quoted(m.name) +
           ", \"score\": " + score_text(m.score) + ", \"how\": " + quoted(to_string(m.how)) + "}";
  }
  out += matches.empty() ? "]\n}\n" : "\n  ]\n}\n";
  return out;
}

}  // namespace

std::string to_json(std::string_view query, const std::vector<Match>& matches) {
  return with_matches("{\n  \"query\": " + quoted(query) + ",", matches);
}

std::string to_json(std::string_view query, const Resolution& resolution) {
  return with_matches("{\n  \"query\": " + quoted(query) + ",\n  \"certainty\": " +
                          quoted(to_string(resolution.certainty)) + ",",
                      resolution.candidates);
}

}  // namespace jianzheng

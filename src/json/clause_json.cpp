// The clauses file: the policy's provisions, verbatim, with their stable ids
// (docs/schemas/clauses.schema.json). Strict and all-or-nothing like every data file.
#include <set>

#include "jianzheng/clause.hpp"
#include "json/json_io.hpp"

namespace jianzheng {

ClauseBook ClauseBook::from_json(std::string_view text, std::string_view origin) {
  constexpr std::string_view kFormat = "jianzheng-clauses/1";
  const detail::Document doc(text, std::string(origin));
  const detail::Node root = doc.root();
  root.only_keys({"format", "source", "clauses"});
  const auto fmt = root.at("format");
  if (fmt.string() != kFormat)
    fmt.fail(ErrorCode::unsupported_format, "this is \"" + fmt.string() + "\"; this version reads \"" + std::string(kFormat) + "\"");
  ClauseBook book;
  book.source_ = root.at("source").nonempty_string();
  std::set<std::string> ids;
  for (const auto& e : root.at("clauses").elements()) {
    e.only_keys({"id", "path", "text", "gist"});
    Clause c;
    const auto id = e.at("id");
    c.id = id.nonempty_string();
    if (!ids.insert(c.id).second) id.fail(ErrorCode::duplicate_id, "clause \"" + c.id + "\" is listed twice");
    c.path = e.at("path").nonempty_string();
    c.text = e.at("text").nonempty_string();
    if (auto g = e.get("gist")) c.gist = g->string();
    book.clauses_.push_back(std::move(c));
  }
  return book;
}

std::string to_json(const ClauseBook& book) {
  namespace json = boost::json;
  json::array clauses;
  for (const Clause& c : book.all())
    clauses.push_back(json::object{{"id", c.id}, {"path", c.path}, {"text", c.text}, {"gist", c.gist}});
  json::object o;
  o["format"] = "jianzheng-clauses/1";
  o["source"] = book.source();
  o["clauses"] = std::move(clauses);
  return detail::canonical(o);
}

}  // namespace jianzheng

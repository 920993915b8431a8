#include "jianzheng/clause.hpp"

#include <algorithm>

#include "embedded_data.hpp"

namespace jianzheng {

const ClauseBook& ClauseBook::embedded_default() {
  static const ClauseBook book = from_json(detail::embedded_file("clauses.json"), "embedded:clauses.json");
  return book;
}

const Clause* ClauseBook::find(std::string_view id) const noexcept {
  // Few clauses (about 35): a linear scan over short ids beats building an index.
  auto it = std::find_if(clauses_.begin(), clauses_.end(), [&](const Clause& c) { return c.id == id; });
  return it == clauses_.end() ? nullptr : &*it;
}

}  // namespace jianzheng

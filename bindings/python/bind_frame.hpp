// Private: how a decision reads in a data frame row, shared by DecisionBatch.columns()
// (bind_decision.cpp) and the columnar calls (bind_columns.cpp), so both frames say the same.
#pragma once
#include <string>

#include "jianzheng/decision.hpp"
#include "jianzheng/route.hpp"

namespace jianzheng::python {

/// The open questions of a decision as one cell: "within_duties→issue_transitional;
/// verifiable→issue_transitional" (fact, then the outcome a yes could lead to); "" when none.
inline std::string open_questions_text(const Decision& d) {
  std::string out;
  for (const OpenQuestion& q : d.open_questions) {
    if (!out.empty()) out += "; ";
    out += to_string(q.fact);
    out += "→";
    out += to_string(q.outcome_if_yes);
  }
  return out;
}

/// The flags of a decision as one cell, comma-separated; "" when none.
inline std::string flags_text(const Decision& d) {
  std::string out;
  for (Flag f : d.flags) {
    if (!out.empty()) out += ",";
    out += to_string(f);
  }
  return out;
}

/// The agencies of a route (办事途径) as one cell, joined by "、"; "" without a route or
/// when the route names none.
inline std::string agencies_text(const Route* route) {
  std::string out;
  if (!route) return out;
  for (const std::string& a : route->agencies) {
    if (!out.empty()) out += "、";
    out += a;
  }
  return out;
}

}  // namespace jianzheng::python

// Private: the decision procedure of docs/design.md §4 reduced to its essence. Once the item is
// resolved, its carve-out matched and its basis checked, the outcome depends only on an item
// class, one setting and the five facts answered yes — 5 × 2 × 32 cases, tabulated at compile
// time. The engine looks the outcome up, and the open questions are bit operations over the
// same table. tests/engine_test.cpp checks every case against an independent table.
#pragma once
#include <array>
#include <cstdint>

#include "jianzheng/decision.hpp"
#include "jianzheng/request.hpp"

namespace jianzheng::detail {

/// What of the item and request, besides the facts, the outcome turns on.
enum class ItemClass : std::uint8_t {
  listed_carve_out,    ///< not_by_committee, and a carve-out matches the purpose.
  listed,              ///< not_by_committee, no carve-out matches.
  open_with_basis,     ///< by_committee or unlisted, with a qualifying basis.
  open_without_basis,  ///< by_committee or unlisted, without one.
  unconfirmed_listed,  ///< free text the name matcher is not sure of, with a listed item among
                       ///< its candidates: never issued until the item is confirmed (二（二）2).
};
inline constexpr unsigned item_class_count = 5;

/// The outcome and the rule that decided it.
struct Verdict {
  Outcome outcome = Outcome::refuse;
  Rule rule = Rule::resolve;
};

// Sets of facts are bit sets: fact_bit (decision.hpp) gives a fact's bit.
/// The set of all five facts.
inline constexpr unsigned all_fact_bits = (1u << fact_count) - 1;

/// docs/design.md §4 rules 2–9 for one class, setting and set of facts answered yes.
constexpr Verdict evaluate(ItemClass c, bool public_interest_needs_basis, unsigned yes) noexcept {
  const bool w = yes & fact_bit(Fact::within_duties);
  const bool v = yes & fact_bit(Fact::verifiable);
  const bool t = yes & fact_bit(Fact::transitional_need);
  const bool p = yes & fact_bit(Fact::public_interest);
  const bool r = yes & fact_bit(Fact::legal_risk);
  switch (c) {
    case ItemClass::listed_carve_out:  // 附件1 （…除外）: within duties and verifiable only.
      return {w && v ? Outcome::issue_for_stated_purpose : Outcome::refuse, Rule::carve_out};
    case ItemClass::listed:
      if (t && w && v) return {Outcome::issue_transitional, Rule::transition};  // 二（一）3
      return {Outcome::refuse_redirect, Rule::listed};                          // 二（二）2
    case ItemClass::unconfirmed_listed:  // 二（二）2 until the clerk confirms which item it is
      return {Outcome::refuse, Rule::listed};
    case ItemClass::open_with_basis:
    case ItemClass::open_without_basis: {
      const bool has_basis = c == ItemClass::open_with_basis;
      if (p && w && (!public_interest_needs_basis || has_basis))  // 二（一）2
        return {Outcome::issue_after_deliberation, Rule::public_interest};
      if (!has_basis) return {Outcome::refuse, Rule::basis};        // 二（二）1
      if (!(w && v)) return {Outcome::refuse, Rule::duties};        // 二（一）1, 二（三）4
      if (r) return {Outcome::issue_after_risk_assessment, Rule::legal_risk};  // 二（一）4
      return {Outcome::must_issue, Rule::must_issue};               // 二（一）1
    }
  }
  return {};
}

/// Every case, tabulated: [class][setting][facts answered yes].
struct VerdictTable {
  Verdict cases[item_class_count][2][1u << fact_count];
};

constexpr VerdictTable make_verdict_table() noexcept {
  VerdictTable t{};
  for (unsigned c = 0; c < item_class_count; ++c)
    for (unsigned s = 0; s < 2; ++s)
      for (unsigned yes = 0; yes <= all_fact_bits; ++yes)
        t.cases[c][s][yes] = evaluate(static_cast<ItemClass>(c), s != 0, yes);
  return t;
}

inline constexpr VerdictTable verdict_table = make_verdict_table();

/// The verdict for a case, by table look-up.
inline Verdict lookup(ItemClass c, bool public_interest_needs_basis, unsigned yes) noexcept {
  return verdict_table.cases[static_cast<unsigned>(c)][public_interest_needs_basis ? 1 : 0][yes];
}

/// docs/design.md §4 open questions: an unknown fact is open when, for some choice of the other
/// unknown facts answered yes (the rest staying unknown, i.e. decided as no), also answering
/// it yes changes the outcome; the outcome it leads to is recorded for the first such choice,
/// trying the choices with fewest other facts first (the simplest scenario).
template <class Push>
void find_open_questions(ItemClass c, bool needs_basis, unsigned yes, unsigned unknown, Push push) {
  for (Fact f : all_facts) {
    const unsigned fb = fact_bit(f);
    if (!(unknown & fb)) continue;
    const unsigned others = unknown & ~fb;
    bool found = false;
    for (unsigned size = 0; size <= fact_count && !found; ++size) {
      for (unsigned s = others;; s = (s - 1) & others) {  // every subset of `others`
        if (static_cast<unsigned>(__builtin_popcount(s)) == size) {
          const Verdict without = lookup(c, needs_basis, yes | s);
          const Verdict with = lookup(c, needs_basis, yes | s | fb);
          if (without.outcome != with.outcome) {
            push(OpenQuestion{f, with.outcome, static_cast<std::uint8_t>(s)});
            found = true;
            break;
          }
        }
        if (s == 0) break;
      }
    }
  }
}

/// A case's open questions.
using OpenList = FixedList<OpenQuestion, fact_count>;
/// The open questions of every case: [class][setting][yes][unknown].
struct OpenTable {
  OpenList lists[item_class_count][2][1u << fact_count][1u << fact_count];
};
/// The table, built on first use (10 240 entries, ~125 KB); an engine keeps a reference, so
/// a decision looks its questions up inline, without a call or the first-use check.
const OpenTable& open_table() noexcept;
/// The open questions of one case.
inline const OpenList& open_questions(const OpenTable& t, ItemClass c, bool needs_basis, unsigned yes,
                                      unsigned unknown) noexcept {
  return t.lists[static_cast<unsigned>(c)][needs_basis ? 1 : 0][yes][unknown];
}

}  // namespace jianzheng::detail

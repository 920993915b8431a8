#include "jianzheng/engine.hpp"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstring>
#include <exception>
#include <mutex>
#include <thread>
#include <unordered_map>

#include "decide_core.hpp"
#include "jianzheng/error.hpp"
#include "jianzheng/version.hpp"
#include "sha256.hpp"
#include "thread_start.hpp"
#include "text/utf8.hpp"
#include "text_memo.hpp"

#include "jianzheng/name_matcher.hpp"
#include "jianzheng/purpose.hpp"
#include "jianzheng/work_calendar.hpp"

namespace jianzheng {

namespace detail {

const OpenTable& open_table() noexcept {
  struct Table : OpenTable {
    Table() {
      for (unsigned ci = 0; ci < item_class_count; ++ci)
        for (unsigned s = 0; s < 2; ++s)
          for (unsigned y = 0; y <= all_fact_bits; ++y)
            for (unsigned u = 0; u <= all_fact_bits; ++u) {
              if (y & u) continue;  // a fact is yes or unknown, not both
              OpenList& list = lists[ci][s][y][u];
              find_open_questions(static_cast<ItemClass>(ci), s != 0, y, u,
                                  [&](const OpenQuestion& q) { list.push_back(q); });
            }
    }
  };
  static const Table* table = new Table();  // never freed: used until exit by any thread
  return *table;
}

}  // namespace detail

namespace {

// The clauses decisions cite, looked up once per engine.
enum ClauseRef : unsigned {
  c_2_1_1, c_2_1_2, c_2_1_3, c_2_1_4, c_2_2_1, c_2_2_2, c_2_3_4, c_2_3_5, c_2_3_6, c_annex_1,
  clause_ref_count
};
constexpr const char* kClauseIds[clause_ref_count] = {
    "2.1.1", "2.1.2", "2.1.3", "2.1.4", "2.2.1", "2.2.2", "2.3.4", "2.3.5", "2.3.6", "annex.1"};

// Static reasons for the trace: Chinese and English, never formatted per decision.
struct Why {
  const char* zh;
  const char* en;
};
constexpr Why kResolvedById{"按事项编号确定证明事项", "the item was given by id"};
constexpr Why kResolvedByText{"按名称匹配到证明事项", "the text matched a listed item by name"};
constexpr Why kUnmatched{"名称未匹配任何证明事项，按未列入清单、无已知依据的事项处理",
                         "the text matched no item: an unlisted item with no known basis"};
constexpr Why kUncertain{"名称不能确定为某一证明事项（候选见待确认事项）；候选均不在不应出具清单上，按未列入清单的事项处理",
                         "the text names no item with confidence (see the candidates); none of them is on a no-issue list, so it is decided as an unlisted item"};
constexpr Why kUncertainListed{"名称不能确定为某一证明事项，候选中有不应出具清单所列的证明事项（候选见待确认事项）",
                               "the text names no item with confidence, and a candidate is on a no-issue list (see the candidates)"};
constexpr Why kListedUnconfirmed{"可能是不应出具证明事项清单所列的证明事项：确认是哪一项之前不予出具（二（二）2）",
                                 "it may be an item on the no-issue list: not issued until the item is confirmed (2.2.2)"};
constexpr Why kNotListed{"事项不在不应出具证明事项清单上，本规则不适用",
                         "the item is not on a no-issue list: the rule does not apply"};
constexpr Why kNoCarveOuts{"本事项没有除外情形", "the item has no carve-outs"};
constexpr Why kNoPurpose{"未说明用途，不适用除外情形", "no purpose is given: no carve-out applies"};
constexpr Why kNoCarveOut{"用途不属于本事项清单所列的除外情形",
                          "the purpose is none of the item's carve-outs"};
constexpr Why kCarveOutNegated{"用途明确排除了本事项的除外情形（如“不是…用”）",
                               "the purpose expressly rules out the item's carve-out (e.g. 不是…用)"};
constexpr Why kCarveOutLookAlike{"用途与除外情形相似但不属于（如补领证件不是婚姻登记档案丢失）",
                                 "the purpose resembles a carve-out but is not it (e.g. reissuing a certificate is no lost marriage archive)"};
constexpr Why kCarveOutPossible{"用途可能属于本事项的除外情形，尚待确认：确认前不适用",
                                "the purpose may be a carve-out of the item; not applied until confirmed"};
constexpr Why kCarveOutEnded{"用途属于本事项的除外情形，但该除外情形在申请日已不再适用（见用途的说明）",
                             "the purpose is a carve-out of the item that no longer applies on the request date (see the purpose)"};
constexpr Why kCarveOutIssue{"用途属于本事项的除外情形，且属于职责范围、能够核实：出具，注明用途",
                             "the purpose is a carve-out of the item, within duties and verifiable: issue, stating the purpose"};
constexpr Why kCarveOutRefuse{"用途属于本事项的除外情形，但属于职责范围、能够核实尚未确认为是：不予出具",
                              "the purpose is a carve-out of the item, but duties and verifiability are not yet confirmed: do not issue"};
constexpr Why kCarveOutRefuseNo{"用途属于本事项的除外情形，但不属于职责范围或无法核实：不予出具",
                                "the purpose is a carve-out of the item, but it is outside the committee's duties or cannot be verified: do not issue"};
constexpr Why kTransitionFired{"过渡期仍需办理，属于职责范围且能够核实：据实出具（二（一）3）",
                               "still needed in transition, within duties and verifiable: issue truthfully (2.1.3)"};
constexpr Why kTransitionNot{"过渡期仍需办理、属于职责范围、能够核实三项尚未全部确认为是",
                             "transitional need, duties and verifiability are not all confirmed yes"};
constexpr Why kTransitionNo{"过渡期仍需办理、属于职责范围、能够核实三项中有答“否”的",
                            "one of transitional need, duties and verifiability is answered no"};
constexpr Why kListedFired{"列入不应出具证明事项清单（第一批）：一般情况下不予出具，告知办事途径（二（二）2）",
                           "on the no-issue list (batch 1): in general not issued; the route is given (2.2.2)"};
constexpr Why kPublicFired{"涉及公共利益或多数居民切身利益，且属于职责范围：议事协商、讨论同意、负责人签字后出具（二（一）2）",
                           "public interest and within duties: issue after deliberation, agreement and the head's signature (2.1.2)"};
constexpr Why kPublicNot{"涉及公共利益、属于职责范围两项尚未全部确认为是",
                         "public interest and duties are not both confirmed yes"};
constexpr Why kPublicNo{"不涉及公共利益，或不属于职责范围",
                        "no public interest, or outside the committee's duties"};
constexpr Why kPublicNeedsBasis{"涉及公共利益且属于职责范围，但本清单设定公共利益事项也须有合格依据，本事项没有",
                                "public interest and within duties, but this catalog requires a qualifying basis for public-interest matters too, and there is none"};
constexpr Why kBasisNone{"没有合格层级的法律法规依据，也未经国务院批准列入保留证明事项清单：不予出具（二（二）1）",
                         "no basis of a qualifying level and not on the State Council's retained list: do not issue (2.2.1)"};
constexpr Why kBasisItem{"事项本身有合格层级的法律法规依据", "the item has a basis of a qualifying level"};
constexpr Why kBasisRequester{"申请方提供了合格层级的法律法规依据",
                              "the requester supplies a basis of a qualifying level"};
constexpr Why kDutiesNo{"有依据，但不属于职责范围或无法核实：不予出具，提请修改（二（三）4）",
                        "a basis exists, but the matter is outside the committee's duties or unverifiable: do not issue; propose an amendment (2.3.4)"};
constexpr Why kDutiesUnknown{"有依据，但属于职责范围、能够核实尚未确认为是：不予出具",
                             "a basis exists, but duties and verifiability are not yet confirmed: do not issue"};
constexpr Why kDutiesOk{"属于职责范围且能够核实", "within duties and verifiable"};
constexpr Why kRiskFired{"可能涉及法律风险：详细调查核实、议事协商、充分评估并预先防范后出具（二（一）4）",
                         "may carry legal risk: investigate, deliberate, assess and guard first (2.1.4)"};
constexpr Why kRiskNo{"不涉及法律风险", "no legal risk"};
constexpr Why kRiskUnknown{"尚未确认是否涉及法律风险，按不涉及处理", "legal risk not yet known: taken as none"};
constexpr Why kMustIssue{"有明确依据，属于职责范围且能够核实：应当依法出具（二（一）1）",
                         "a clear basis, within duties and verifiable: must issue (2.1.1)"};

constexpr const char* kDueOutsideCalendar =
    "请求日期超出工作日历覆盖范围，无法计算截止日期 (the request date is outside the work calendar's coverage)";
constexpr const char* kDueNoCalendar =
    "未提供工作日历，无法计算截止日期 (no work calendar: no due date)";

void trace(Decision& d, Rule rule, bool fired, const Why& why) {
  d.trace.push_back(TraceEntry{rule, fired, why.zh, why.en});
}

// The last due date a thread worked out (Engine::Impl::time_limit).
struct DueMemo {
  std::uint64_t serial = 0;  // the engine's; 0: nothing kept
  Date from;
  int working_days = 0;
  std::optional<Date> due;
  const char* note = nullptr;
};

// The facts answered yes and those unknown, as sets of fact bits (fact_bit). Comparing the
// five facts one by one, with a branch each, cost sixteen instructions a decision by id more
// under callgrind (of about 620): the five one-byte answers are put in one word instead, and
// each set is gathered from it by one multiplication. Tri is yes = 0, no = 1, unknown = 2: a
// byte is yes when neither of its two low bits is set, unknown when its bit 1 is.
void fact_sets(const Facts& facts, unsigned& yes, unsigned& unknown) noexcept {
  static_assert(sizeof(Tri) == 1 && fact_count <= 8 && static_cast<int>(Tri::yes) == 0 &&
                    static_cast<int>(Tri::no) == 1 && static_cast<int>(Tri::unknown) == 2,
                "one byte per fact, at most eight facts, yes/no/unknown = 0/1/2");
  std::uint64_t x = 0;  // byte i (bits 8i…8i+7) is fact i
  for (std::size_t i = 0; i < fact_count; ++i)
    x |= std::uint64_t{static_cast<unsigned char>(facts.values[i])} << (8 * i);
  constexpr std::uint64_t low = 0x0101010101010101ull;
  const std::uint64_t set_mask = (std::uint64_t{1} << (8 * fact_count)) - 1;  // the facts' bytes
  const std::uint64_t yes_bytes = ~(x | (x >> 1)) & low & set_mask;  // 1 in byte i when yes
  const std::uint64_t unknown_bytes = (x >> 1) & low;                // 1 in byte i when unknown
  // Multiplying by 0x0102040810204080 moves bit 0 of byte i to bit 56 + i; the partial
  // products land on distinct bits, so nothing carries into the top byte.
  constexpr std::uint64_t gather = 0x0102040810204080ull;
  yes = static_cast<unsigned>((yes_bytes * gather) >> 56);
  unknown = static_cast<unsigned>((unknown_bytes * gather) >> 56);
}

// A FixedList keeps what fits: readings and questions beyond its capacity are dropped
// (an item has at most a few carve-outs; the decision reports the first ones).
template <class List, class T>
void keep(List& list, const T& value) {
  if (list.size() < list.capacity()) list.push_back(value);
}

// The scenarios of an item, for an error that lists them: "不动产登记, 公证" or "none".
std::string scenarios_of(const Item& item) {
  std::string s;
  for (const CarveOut& co : item.carve_outs) s += (s.empty() ? "" : ", ") + co.scenario;
  return s.empty() ? std::string("none") : s;
}

}  // namespace

[[noreturn]] void refuse_invalid_text(const Catalog& catalog) {
  for (const Item& item : catalog.items())
    if (!detail::is_valid_utf8(to_json(item)))
      throw Error(ErrorCode::invalid_utf8, "items/" + item.id,
                  "item \"" + item.id + "\" (layer \"" + item.layer + "\") has text that is not valid UTF-8");
  throw Error(ErrorCode::invalid_utf8, "catalog " + catalog.id(),
              "the catalog's layers carry text that is not valid UTF-8");
}

// An engine's bound (docs/performance.md): compositions, and their canonical JSON together.
constexpr std::size_t kMaxCompositions = 257;  // the first, and 256 dates of change
constexpr std::size_t kMaxCompositionBytes = std::size_t{16} << 20;

// Items by id, for deciding by id: an open-addressed table of (hash, item) at most half full,
// so a look-up is one hash, usually one slot and one comparison of the id. (std::unordered_map
// of string_view took a sixth of a decision by id under callgrind: libstdc++ treats its hash
// as slow and, up to 20 entries, compares the key with every one instead.) The items must
// outlive the index and stay where they are (the composition's catalog does).
class IdIndex {
 public:
  explicit IdIndex(const std::vector<Item>& items) {
    std::size_t size = 16;
    while (size < 2 * items.size()) size *= 2;
    slots_.assign(size, Slot{});
    mask_ = size - 1;
    for (const Item& item : items) {
      if (find(item.id)) continue;  // the first of an id wins
      const std::uint64_t h = hash(item.id);
      std::size_t i = h & mask_;
      while (slots_[i].item) i = (i + 1) & mask_;
      slots_[i] = Slot{h, &item};
    }
  }
  /// The item with this id, or nullptr.
  const Item* find(std::string_view id) const noexcept {
    const std::uint64_t h = hash(id);
    for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {  // ends: never full
      const Slot& s = slots_[i];
      if (!s.item) return nullptr;
      if (s.hash == h && s.item->id == id) return s.item;
    }
  }

 private:
  struct Slot {
    std::uint64_t hash = 0;
    const Item* item = nullptr;
  };
  // Ids are short ASCII words that differ in their first or last eight bytes: those and the
  // length make the hash in a few instructions (the id is compared in full anyway).
  static std::uint64_t hash(std::string_view key) noexcept {
    std::uint64_t head = 0, tail = 0;
    const std::size_t n = key.size();
    if (n >= 8) {
      std::memcpy(&head, key.data(), 8);
      std::memcpy(&tail, key.data() + n - 8, 8);
    } else if (n > 0) {
      std::memcpy(&head, key.data(), n);
    }
    const std::uint64_t h = (head * 0x9E3779B97F4A7C15ull ^ tail ^ n) * 0xC2B2AE3D27D4EB4Full;
    return h ^ (h >> 32);  // the slot is taken from the low bits: mix the high ones in
  }
  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
};

// One composed catalog, the interval it serves, its hash and its indexes.
struct EngineComposition {
  Date from;  // first day served (the first composition also serves every earlier day)
  Catalog catalog;
  std::string id;
  std::string sha256;
  IdIndex by_id;
  std::unordered_map<std::string_view, const Item*> by_name;  // exact names and aliases
  std::unique_ptr<NameMatcher> matcher;
  std::unique_ptr<PurposeMatcher> purposes;   // carve-outs (purpose.hpp)
  std::vector<const Provenance*> list_of;     // by item position: the layer it is on
  std::size_t json_bytes = 0;  // size of the canonical JSON: what the engine's bound counts
  std::uint64_t memo_id = detail::memo_owner_id();  // keys its resolutions in ResolveMemo

  EngineComposition(Date from_day, Catalog composed)
      : from(from_day), catalog(std::move(composed)), by_id(catalog.items()) {
    id = catalog.id();
    const std::string canonical = to_json(catalog);
    json_bytes = canonical.size();
    // Decision JSON writes the catalog's text without checking it again
    // (json/json_string.hpp): text that is not UTF-8 (only possible in layers built in code;
    // files are checked when read) is refused here, naming the item.
    if (!detail::is_valid_utf8(canonical)) refuse_invalid_text(catalog);
    sha256 = detail::sha256_hex(canonical);
    matcher = std::make_unique<NameMatcher>(catalog);
    purposes = std::make_unique<PurposeMatcher>(catalog);
    // The exact-name fast path holds only names the matcher itself is confident of, so a
    // name it treats as vague (docs/names.md) is never decided on by the shortcut.
    const auto add_name = [&](const std::string& name, const Item& item) {
      if (by_name.count(name)) return;
      const Resolution r = matcher->resolve(name, 2);
      if (r.confident() && r.confident()->item == &item) by_name.emplace(name, &item);
    };
    for (const Item& item : catalog.items()) {
      add_name(item.name, item);
    }
    // Aliases after names, so an item's own name wins a collision.
    for (const Item& item : catalog.items())
      for (const Alias& a : item.aliases) add_name(a.name, item);
    for (const Item& item : catalog.items()) {
      const Provenance* list = nullptr;
      for (const Provenance& p : catalog.provenance())
        if (p.id == item.layer) list = &p;
      list_of.push_back(list);
    }
  }
  EngineComposition(const EngineComposition&) = delete;
  EngineComposition& operator=(const EngineComposition&) = delete;

  const Provenance* list(const Item& item) const noexcept {
    const std::size_t i = static_cast<std::size_t>(&item - catalog.items().data());
    return i < list_of.size() ? list_of[i] : nullptr;
  }
};

struct Engine::Impl {
  std::vector<CatalogLayer> layers;
  std::vector<std::unique_ptr<EngineComposition>> compositions;  // ascending `from`
  ClauseBook clauses;
  WorkCalendar calendar;
  bool has_calendar = false;
  const Clause* refs[clause_ref_count] = {};
  const detail::OpenTable& open = detail::open_table();
  const char* const engine_version = version();  // every receipt's; asked once
  const std::uint64_t serial = detail::memo_owner_id();  // tells engines apart in DueMemo

  Impl(const std::vector<CatalogLayer>& layers_in, ClauseBook book, const WorkCalendar* cal)
      : layers(layers_in), clauses(std::move(book)) {
    if (cal) {
      calendar = *cal;
      has_calendar = true;
    }
    for (unsigned i = 0; i < clause_ref_count; ++i) {
      refs[i] = clauses.find(kClauseIds[i]);
      if (!refs[i])
        throw Error(ErrorCode::unknown_reference, kClauseIds[i],
                    std::string("the clause book has no clause ") + kClauseIds[i] +
                        " (条款缺失), which decisions cite");
    }
    // One composition per interval between breakpoints. Start at the earliest day any layer
    // is in force (or 1970-01-01 for layers open to the past).
    Date start = Date::from_days(0);
    bool any_from = !layers.empty();
    for (const CatalogLayer& l : layers)
      if (!l.provenance.validity.from) any_from = false;
    if (any_from) {
      start = *layers.front().provenance.validity.from;
      for (const CatalogLayer& l : layers) start = std::min(start, *l.provenance.validity.from);
    }
    compositions.push_back(std::make_unique<EngineComposition>(start, Catalog::compose(layers, start)));
    const std::vector<Date> breaks = compositions.front()->catalog.breakpoints();
    // Bounded whatever the layers hold (docs/performance.md, "Engine construction"): each
    // composition is a whole catalog with its name matcher, so a layer of a thousand dated
    // renames would cost a thousand catalogs. Refused up front, before any is built.
    if (breaks.size() + 1 > kMaxCompositions)
      throw Error(ErrorCode::too_large, "layers",
                  "the layers change the catalog on " + std::to_string(breaks.size()) + " dates (" +
                      breaks.front().to_string() + " … " + breaks.back().to_string() +
                      "); an engine composes the catalog once per interval between them and takes at most " +
                      std::to_string(kMaxCompositions - 1) +
                      " such dates — give changes made together one date (变更日期), or split the history into layers used separately");
    std::size_t total = 0;
    for (std::size_t i = 0;; ++i) {
      total += compositions.back()->json_bytes;
      if (total > kMaxCompositionBytes)
        throw Error(ErrorCode::too_large, "layers",
                    "the catalogs composed for the layers' " + std::to_string(breaks.size() + 1) +
                        " intervals exceed " + std::to_string(kMaxCompositionBytes >> 20) +
                        " MiB of canonical JSON together (reached at " +
                        compositions.back()->from.to_string() +
                        "); an engine keeps each of them whole — use fewer dated changes or smaller layers");
      if (i == breaks.size()) break;
      compositions.push_back(std::make_unique<EngineComposition>(breaks[i], Catalog::compose(layers, breaks[i])));
    }
  }

  const EngineComposition& at(const Date& day) const noexcept {
    // Few compositions (usually one): a backwards scan is the fastest search.
    for (std::size_t i = compositions.size(); i-- > 1;)
      if (compositions[i]->from <= day) return *compositions[i];
    return *compositions.front();
  }

  const Clause* clause(ClauseRef r) const noexcept { return refs[r]; }

  const Item* find_text(const EngineComposition& c, std::string_view text) const {
    if (text.empty()) return nullptr;
    auto it = c.by_name.find(text);
    if (it != c.by_name.end()) return it->second;  // exact name or alias: the fast path
    if (auto m = c.matcher->best(text)) return m->item;
    return nullptr;
  }

  // What the matcher resolves free text to, with at most kMaxCandidates candidates, kept in a
  // per-thread memo (text_memo.hpp): a ledger writes the same few spellings on thousands of
  // rows, and resolving is a pure function of the composition's matcher and the text.
  struct CachedResolution {
    static constexpr std::size_t kMaxCandidates = 4;
    Certainty certainty = Certainty::none;
    std::uint8_t n = 0;
    Match candidates[kMaxCandidates];
    const Match* begin() const noexcept { return candidates; }
    const Match* end() const noexcept { return candidates + n; }
  };
  using ResolveMemo = detail::TextMemo<CachedResolution, 512, 64>;  // about 128 KB a thread

  static CachedResolution resolve(const EngineComposition& c, std::string_view text) {
    const bool memo = ResolveMemo::fits(text);
    if (memo)
      if (const CachedResolution* hit = ResolveMemo::of_this_thread().find(c.memo_id, 0, text)) return *hit;
    const Resolution r = c.matcher->resolve(text, CachedResolution::kMaxCandidates);
    CachedResolution out;
    out.certainty = r.certainty;
    out.n = static_cast<std::uint8_t>(std::min(r.candidates.size(), CachedResolution::kMaxCandidates));
    std::copy_n(r.candidates.begin(), out.n, out.candidates);
    if (memo) ResolveMemo::of_this_thread().claim(c.memo_id, 0, text) = out;
    return out;
  }

  // Which item an id or free text names, and how sure that is (docs/design.md §4 rule 1).
  struct Identified {
    const Item* item = nullptr;
    Certainty certainty = Certainty::none;
    const Why* why = &kUnmatched;
    bool exact = false;             // an id, or the text is exactly a name or alias
    std::vector<Match> candidates;  // when uncertain: one per item, best first
    bool listed_candidate = false;  // a candidate is on a no-issue list
  };

  Identified identify(const EngineComposition& c, std::string_view id, std::string_view text) const {
    Identified out;
    if (!id.empty()) {
      out.item = c.by_id.find(id);
      if (!out.item)
        throw Error(ErrorCode::unknown_reference, "/item",
                    "no item \"" + std::string(id) + "\" in catalog " + c.id + " (未知证明事项编号)");
      out.certainty = Certainty::confident;
      out.why = &kResolvedById;
      out.exact = true;
      return out;
    }
    if (text.empty()) return out;
    if (auto it = c.by_name.find(text); it != c.by_name.end()) {  // the fast path
      out.item = it->second;
      out.certainty = Certainty::confident;
      out.why = &kResolvedByText;
      out.exact = true;
      return out;
    }
    const CachedResolution r = resolve(c, text);
    out.certainty = r.certainty;
    if (r.certainty == Certainty::confident) {
      out.item = r.candidates[0].item;
      out.why = &kResolvedByText;
    } else if (r.certainty == Certainty::uncertain) {
      for (const Match& m : r) {
        if (std::any_of(out.candidates.begin(), out.candidates.end(), [&](const Match& o) { return o.item == m.item; }))
          continue;
        out.candidates.push_back(m);
        out.listed_candidate = out.listed_candidate || m.item->disposition == Disposition::not_by_committee;
      }
      out.why = out.listed_candidate ? &kUncertainListed : &kUncertain;
    }
    return out;
  }

  // An explicit carve-out: a scenario of the item as the catalog names it, or a platform
  // purpose code the catalog maps to one (docs/purpose.md).
  static const CarveOut* find_carve_out(const EngineComposition& c, const Item& item, std::string_view name) {
    for (const CarveOut& co : item.carve_outs)
      if (co.scenario == name) return &co;
    if (const std::string* scenario = c.catalog.scenario_of_code(name))
      for (const CarveOut& co : item.carve_outs)
        if (co.scenario == *scenario) return &co;
    return nullptr;
  }

  [[noreturn]] static void unknown_carve_out(const Item* item, std::string_view name, const std::vector<Match>* candidates = nullptr) {
    std::string msg;
    if (item) {
      msg = "item \"" + item->id + "\" (" + item->name + ") has no carve-out \"" + std::string(name) +
            "\"; its carve-outs: " + scenarios_of(*item);
    } else if (candidates && !candidates->empty()) {
      msg = "\"" + std::string(name) + "\" is a carve-out of none of the items the text may name:";
      for (const Match& m : *candidates) msg += " " + m.item->id + " (" + scenarios_of(*m.item) + ")";
    } else {
      msg = "the text names no item of the catalog, so it has no carve-out \"" + std::string(name) + "\"";
    }
    throw Error(ErrorCode::unknown_reference, "/carve_out", msg + " (未知除外情形)");
  }

  // What the request says the certificate is for, read against one item's carve-outs.
  struct PurposeFinding {
    PurposeSource source = PurposeSource::none;
    const CarveOut* applies = nullptr;       // matched and in force on the day
    FixedList<PurposeReading, 3> found;      // readings where something was found
    FixedList<const CarveOut*, 3> possible;  // possible and in force: asked, never applied
  };

  // `carve_out` is an explicit one (it decides alone); else `purpose` is read, or, without
  // one, `text` (free text that named the certificate in words). `assume` (a candidate's
  // answer if confirmed with that carve-out) applies it without reading anything.
  PurposeFinding read_purpose(const EngineComposition& c, const Item& item, std::string_view carve_out,
                              std::string_view purpose, std::string_view text, const Date& day,
                              const CarveOut* assume = nullptr) const {
    PurposeFinding f;
    read_purpose_into(f, c, item, carve_out, purpose, text, day, assume);
    return f;
  }
  // The same, into a finding the caller holds (`f` as default-constructed): the decision
  // path reads into its own, instead of copying a returned one of about 300 bytes.
  void read_purpose_into(PurposeFinding& f, const EngineComposition& c, const Item& item, std::string_view carve_out,
                         std::string_view purpose, std::string_view text, const Date& day,
                         const CarveOut* assume = nullptr) const {
    if (assume) {
      f.applies = assume;
      return;
    }
    if (!carve_out.empty()) {
      const CarveOut* co = find_carve_out(c, item, carve_out);
      if (!co) unknown_carve_out(&item, carve_out);
      f.source = PurposeSource::carve_out;
      PurposeReading r;
      r.carve_out = co;
      r.certainty = PurposeCertainty::matched;
      r.evidence[0] = co->scenario;
      f.found.push_back(r);
      if (co->validity.contains(day)) f.applies = co;
      return;
    }
    if (item.carve_outs.empty()) return;
    std::string_view words = purpose;
    f.source = PurposeSource::purpose;
    if (words.empty()) {
      words = text;
      f.source = PurposeSource::text;
    }
    if (words.empty()) {
      f.source = PurposeSource::none;
      return;
    }
    union Readings {  // filled by read(); left uninitialised until then (a hot path)
      Readings() noexcept {}
      PurposeReading r[3];
    } buf;
    const PurposeReading* rs = buf.r;
    const std::size_t n = c.purposes->read(item, words, buf.r, 3);
    for (std::size_t i = 0; i < n; ++i) {
      if (!rs[i].found()) continue;
      keep(f.found, rs[i]);
      if (rs[i].certainty == PurposeCertainty::matched && !f.applies && rs[i].carve_out->validity.contains(day))
        f.applies = rs[i].carve_out;
    }
    if (!f.applies)
      for (std::size_t i = 0; i < n; ++i)
        if (rs[i].certainty == PurposeCertainty::possible && rs[i].carve_out->validity.contains(day))
          keep(f.possible, rs[i].carve_out);
  }

  // Why the carve-out rule did not fire, for the trace.
  static const Why& no_carve_out_why(const Item& item, const PurposeFinding& f) {
    if (item.carve_outs.empty()) return kNoCarveOuts;
    if (f.source == PurposeSource::none) return kNoPurpose;
    for (const PurposeReading& r : f.found)
      if (r.certainty == PurposeCertainty::matched) return kCarveOutEnded;
    if (!f.possible.empty()) return kCarveOutPossible;
    for (const PurposeReading& r : f.found)
      if (r.negated) return kCarveOutNegated;
    for (const PurposeReading& r : f.found)
      if (!r.look_alike[0].empty()) return kCarveOutLookAlike;
    return kNoCarveOut;
  }

  // 二（一）2 is asked about only where it can plausibly apply: a matter of the community,
  // as the item, the text or the purpose words it (docs/decisions.md).
  bool public_interest_plausible(const EngineComposition& c, const Item* item, const Request& r) const {
    const PurposeMatcher& m = *c.purposes;
    if (item && (m.is_community_matter(item->name) || (!item->purpose.empty() && m.is_community_matter(item->purpose))))
      return true;
    return (!r.purpose.empty() && m.is_community_matter(r.purpose)) || (!r.text.empty() && m.is_community_matter(r.text));
  }

  // What a yes to "is the purpose this carve-out?" leads to: the carve-out's outcome once
  // within_duties and verifiable are yes too, or its refusal when one of them is no.
  static PurposeQuestion purpose_question(const CarveOut* co, bool needs_basis, unsigned yes, unsigned unknown) {
    PurposeQuestion q;
    q.carve_out = co;
    const unsigned need = (fact_bit(Fact::within_duties) | fact_bit(Fact::verifiable)) & ~yes;
    if (need & ~unknown) {  // one of them is no
      q.outcome_if_yes = detail::lookup(detail::ItemClass::listed_carve_out, needs_basis, yes).outcome;
    } else {
      q.outcome_if_yes = detail::lookup(detail::ItemClass::listed_carve_out, needs_basis, yes | need).outcome;
      q.together_with = static_cast<std::uint8_t>(need);
    }
    return q;
  }

  // 二（一）1 / 二（二）1: a basis of a qualifying level, the item's own first.
  static BasisSource qualifying_basis(const Item* item, const std::vector<LegalBasis>& supplied,
                                      const Settings& s, const LegalBasis** item_basis) {
    if (item)
      for (const LegalBasis& b : item->bases)
        if (s.qualifies(b.level)) {
          *item_basis = &b;
          return BasisSource::item;
        }
    for (const LegalBasis& b : supplied)
      if (s.qualifies(b.level)) return BasisSource::requester;
    return BasisSource::none;
  }

  // 二（三）5: 简单证明当场办结、复杂证明限时办结. An item without a complexity is taken as
  // complex with the catalog's default limit (docs/decisions.md), and so is any outcome whose
  // steps (deliberation, investigation) cannot be taken at the counter.
  TimeLimit time_limit(const Item* item, bool has_steps_beyond_purpose, const Settings& s,
                       const std::optional<Date>& date) const {
    TimeLimit t;
    const bool simple = item && item->complexity && *item->complexity == Complexity::simple;
    if (simple && !has_steps_beyond_purpose) return t;  // on the spot
    t.kind = TimeLimitKind::working_days;
    t.working_days = item && item->limit_working_days ? *item->limit_working_days
                                                      : s.default_limit_working_days;
    if (!date) return t;
    if (!has_calendar) {
      t.note = kDueNoCalendar;
      return t;
    }
    // A day's requests share their date and items share a few limits, so the last due date
    // this thread worked out for this engine is kept: counting working days costs about as
    // much as the rest of a decision by id. The engine's serial, an id never given twice
    // (text_memo.hpp), keys it: an engine made where a destroyed one was may have another
    // calendar.
    thread_local DueMemo memo;
    if (memo.serial == serial && memo.from == *date && memo.working_days == t.working_days) {
      t.due = memo.due;
      t.note = memo.note;
      return t;
    }
    try {
      t.due = calendar.add_working_days(*date, t.working_days);
    } catch (const Error&) {  // date_not_covered: say so instead of guessing
      t.note = kDueOutsideCalendar;
    }
    memo = DueMemo{serial, *date, t.working_days, t.due, t.note};
    return t;
  }

  Receipt receipt(const EngineComposition& c, const Date& day) const {
    return Receipt{c.id, c.sha256, engine_version, day};
  }

  // The item class of an open (not listed) item, or of text that names none: by its basis.
  static detail::ItemClass open_class(BasisSource b) {
    return b != BasisSource::none ? detail::ItemClass::open_with_basis : detail::ItemClass::open_without_basis;
  }

  // Uncertain text: each candidate's outcome as if confirmed, and the outcome if it is none
  // of them. A listed candidate makes the request unconfirmed_listed: never issued until
  // the clerk confirms the item (二（二）2). Returns the class to decide on.
  detail::ItemClass judge_candidates(Decision& d, const EngineComposition& c, const Settings& s, const Identified& id,
                                     const Request& r, unsigned yes, const Date& day) const {
    const bool needs_basis = s.public_interest_needs_item_basis;
    const LegalBasis* none_basis = nullptr;
    const BasisSource none_source = qualifying_basis(nullptr, r.bases, s, &none_basis);
    const detail::Verdict v0 = detail::lookup(open_class(none_source), needs_basis, yes);
    d.outcome_if_none = v0.outcome;
    d.rule_if_none = v0.rule;
    bool carve_out_known = r.carve_out.empty();
    for (const Match& m : id.candidates) {
      if (d.candidates.size() == d.candidates.capacity()) break;
      ItemCandidate cand;
      cand.item = m.item;
      cand.score = m.score;
      cand.how = m.how;
      detail::ItemClass cls;
      if (m.item->disposition == Disposition::not_by_committee) {
        const CarveOut* co = nullptr;
        if (!r.carve_out.empty()) {
          co = find_carve_out(c, *m.item, r.carve_out);
          carve_out_known = carve_out_known || co;
          if (co && !co->validity.contains(day)) co = nullptr;
        } else if (!r.purpose.empty()) {
          co = read_purpose(c, *m.item, {}, r.purpose, {}, day).applies;
        }
        cand.carve_out = co;
        cls = co ? detail::ItemClass::listed_carve_out : detail::ItemClass::listed;
      } else {
        if (!r.carve_out.empty()) carve_out_known = carve_out_known || find_carve_out(c, *m.item, r.carve_out);
        const LegalBasis* ib = nullptr;
        cls = open_class(qualifying_basis(m.item, r.bases, s, &ib));
      }
      const detail::Verdict v = detail::lookup(cls, needs_basis, yes);
      cand.outcome = v.outcome;
      cand.rule = v.rule;
      d.candidates.push_back(cand);
    }
    if (!carve_out_known) unknown_carve_out(nullptr, r.carve_out, &id.candidates);
    if (id.listed_candidate) return detail::ItemClass::unconfirmed_listed;
    d.basis = none_source;
    return open_class(none_source);
  }

  Decision decide(const Request& r) const {
    Decision d;
    const Date day = r.date ? *r.date : Date::today();
    const EngineComposition& comp = at(day);
    const Settings& s = comp.catalog.settings();
    d.receipt = receipt(comp, day);
    d.facts = r.facts;

    unsigned yes = 0, unknown = 0;
    fact_sets(r.facts, yes, unknown);
    const bool needs_basis = s.public_interest_needs_item_basis;

    // 1. Resolve.
    const Identified id = identify(comp, r.item, r.text);
    const Item* item = id.item;
    d.item = item;
    d.certainty = id.certainty;
    trace(d, Rule::resolve, false, *id.why);

    // The item class: what, besides the facts, the outcome turns on.
    detail::ItemClass cls;
    const bool listed = item && item->disposition == Disposition::not_by_committee;
    PurposeFinding pf;
    if (id.certainty == Certainty::uncertain) {
      cls = judge_candidates(d, comp, s, id, r, yes, day);
    } else if (listed) {
      read_purpose_into(pf, comp, *item, r.carve_out, r.purpose, id.exact ? std::string_view() : std::string_view(r.text), day);
      d.carve_out = pf.applies;
      d.purpose_source = pf.source;
      for (const PurposeReading& pr : pf.found) d.purpose.push_back(pr);
      d.list = comp.list(*item);
      cls = pf.applies ? detail::ItemClass::listed_carve_out : detail::ItemClass::listed;
    } else {
      if (!r.carve_out.empty() && !(item && find_carve_out(comp, *item, r.carve_out)))
        unknown_carve_out(item, r.carve_out);
      d.basis = qualifying_basis(item, r.bases, s, &d.item_basis);
      cls = open_class(d.basis);
    }

    // 二（一）2 is asked about only where it can plausibly apply (docs/decisions.md).
    const unsigned p_bit = fact_bit(Fact::public_interest);
    if ((cls == detail::ItemClass::open_with_basis || cls == detail::ItemClass::open_without_basis) &&
        (unknown & p_bit) && !public_interest_plausible(comp, item, r))
      unknown &= ~p_bit;

    const detail::Verdict v = detail::lookup(cls, needs_basis, yes);
    d.outcome = v.outcome;
    d.open_questions = detail::open_questions(open, cls, needs_basis, yes, unknown);  // the same list type
    for (const CarveOut* co : pf.possible) d.purpose_questions.push_back(purpose_question(co, needs_basis, yes, unknown));

    const Tri within = r.facts.get(Fact::within_duties), verifiable = r.facts.get(Fact::verifiable);
    const bool w = yes & fact_bit(Fact::within_duties);
    const bool risk = yes & fact_bit(Fact::legal_risk);
    auto add_risk_steps = [&] {  // 二（一）4
      if (!risk) return;
      d.steps.push_back(Step::investigate);
      d.steps.push_back(Step::deliberate);
      d.steps.push_back(Step::assess_and_prevent);
      d.clauses.push_back(clause(c_2_1_4));
    };

    if (cls == detail::ItemClass::unconfirmed_listed) {  // 二（二）2 until the item is confirmed
      trace(d, Rule::listed, true, kListedUnconfirmed);
      d.clauses.push_back(clause(c_2_2_2));
      d.clauses.push_back(clause(c_annex_1));
    } else if (listed) {  // 2.–4. The no-issue list.
      if (v.rule == Rule::carve_out) {
        const bool issue = v.outcome == Outcome::issue_for_stated_purpose;
        const bool a_no = within == Tri::no || verifiable == Tri::no;
        trace(d, Rule::carve_out, true, issue ? kCarveOutIssue : a_no ? kCarveOutRefuseNo : kCarveOutRefuse);
        d.clauses.push_back(clause(c_annex_1));
        if (issue) {
          d.steps.push_back(Step::state_purpose);
          add_risk_steps();
        } else {
          d.clauses.push_back(clause(c_2_1_3));  // 职责范围内且能够核实
          d.route = &item->route;                // the resident still needs the way round
        }
      } else {
        trace(d, Rule::carve_out, false, no_carve_out_why(*item, pf));
        if (v.rule == Rule::transition) {  // 二（一）3
          trace(d, Rule::transition, true, kTransitionFired);
          d.clauses.push_back(clause(c_2_1_3));
          d.clauses.push_back(clause(c_annex_1));
          add_risk_steps();
        } else {  // 二（二）2
          const bool a_no = within == Tri::no || verifiable == Tri::no ||
                            r.facts.get(Fact::transitional_need) == Tri::no;
          trace(d, Rule::transition, false, a_no ? kTransitionNo : kTransitionNot);
          trace(d, Rule::listed, true, kListedFired);
          d.clauses.push_back(clause(c_2_2_2));
          d.clauses.push_back(clause(c_annex_1));
          d.route = &item->route;
        }
      }
    } else {
      trace(d, Rule::carve_out, false, kNotListed);
      trace(d, Rule::transition, false, kNotListed);
      trace(d, Rule::listed, false, kNotListed);
      const bool p = yes & p_bit;
      if (v.rule == Rule::public_interest) {  // 二（一）2
        trace(d, Rule::public_interest, true, kPublicFired);
        d.clauses.push_back(clause(c_2_1_2));
        d.steps.push_back(Step::organise_deliberation);
        d.steps.push_back(Step::residents_agree);
        d.steps.push_back(Step::head_signs);
        if (risk) {  // deliberation is already a step; add the rest of 二（一）4
          d.steps.push_back(Step::investigate);
          d.steps.push_back(Step::assess_and_prevent);
          d.clauses.push_back(clause(c_2_1_4));
        }
      } else {
        const bool a_no = r.facts.get(Fact::public_interest) == Tri::no || within == Tri::no;
        trace(d, Rule::public_interest, false, p && w ? kPublicNeedsBasis : a_no ? kPublicNo : kPublicNot);
        if (v.rule == Rule::basis) {  // 二（二）1
          trace(d, Rule::basis, true, kBasisNone);
          d.clauses.push_back(clause(c_2_2_1));
        } else {
          trace(d, Rule::basis, false, d.basis == BasisSource::item ? kBasisItem : kBasisRequester);
          if (v.rule == Rule::duties) {  // 二（一）1, 二（三）4
            const bool duties_no = within == Tri::no || verifiable == Tri::no;
            trace(d, Rule::duties, true, duties_no ? kDutiesNo : kDutiesUnknown);
            d.clauses.push_back(clause(c_2_1_1));
            d.clauses.push_back(clause(c_2_3_4));
            if (duties_no) d.flags.push_back(Flag::propose_amendment);
          } else {
            trace(d, Rule::duties, false, kDutiesOk);
            if (v.rule == Rule::legal_risk) {  // 二（一）4
              trace(d, Rule::legal_risk, true, kRiskFired);
              d.clauses.push_back(clause(c_2_1_4));
              d.clauses.push_back(clause(c_2_1_1));
              d.steps.push_back(Step::investigate);
              d.steps.push_back(Step::deliberate);
              d.steps.push_back(Step::assess_and_prevent);
            } else {  // 二（一）1
              trace(d, Rule::legal_risk, false, r.facts.get(Fact::legal_risk) == Tri::no ? kRiskNo : kRiskUnknown);
              trace(d, Rule::must_issue, true, kMustIssue);
              d.clauses.push_back(clause(c_2_1_1));
            }
          }
        }
      }
    }

    if (is_issuing(d.outcome)) {  // 二（三）5
      bool prerequisite = false;
      for (Step st : d.steps) prerequisite = prerequisite || st != Step::state_purpose;
      d.time_limit = time_limit(item, prerequisite, s, r.date);
      d.clauses.push_back(clause(c_2_3_5));
    }
    return d;
  }

  // 二（三）4 for one item (nullptr: text naming none). `assume` takes that carve-out as the
  // purpose, to tell what a yes to a purpose question leads to.
  Admission judge_demand(const EngineComposition& comp, const Settings& s, const Item* item, const Demand& dm,
                         std::string_view text, const Date& day, const CarveOut* assume) const {
    Admission a;
    a.item = item;
    auto reject = [&](ClauseRef deciding, const Why& why) {
      a.outcome = AdmissionOutcome::rejected;
      a.clauses.push_back(clause(c_2_3_4));
      a.clauses.push_back(clause(deciding));
      a.why = why.zh;
      a.why_en = why.en;
    };
    // 二（二）2: a listed item may not be demanded, unless the purpose is its carve-out.
    if (item && item->disposition == Disposition::not_by_committee) {
      const PurposeFinding pf = read_purpose(comp, *item, dm.carve_out, dm.purpose, text, day, assume);
      a.carve_out = pf.applies;
      a.purpose_source = pf.source;
      for (const PurposeReading& pr : pf.found) a.purpose.push_back(pr);
      if (!a.carve_out) {
        a.route = &item->route;
        reject(c_2_2_2, pf.possible.empty() ? kAdmitListed : kAdmitPossible);
        a.clauses.push_back(clause(c_annex_1));
        for (const CarveOut* co : pf.possible)
          a.purpose_questions.push_back(
              AdmissionPurposeQuestion{co, judge_demand(comp, s, item, dm, text, day, co).outcome});
        return a;
      }
    } else if (!dm.carve_out.empty() && !(item && find_carve_out(comp, *item, dm.carve_out))) {
      unknown_carve_out(item, dm.carve_out);
    }
    // 二（三）4: the department must supply a qualifying basis (or the item carries one).
    const LegalBasis* ib = nullptr;
    bool has_basis = qualifying_basis(item, dm.bases, s, &ib) != BasisSource::none;
    if (a.carve_out && !has_basis)
      for (const LegalBasis& b : a.carve_out->bases) has_basis = has_basis || s.qualifies(b.level);
    if (!has_basis) {
      reject(c_2_2_1, kAdmitNoBasis);
      return a;
    }
    // 二（三）4: 基层群众性自治组织没有能力核实的 … 提请修改, 不再出具.
    const Tri w = dm.within_duties, ver = dm.verifiable;
    if (w != Tri::yes || ver != Tri::yes) {
      const bool a_no = w == Tri::no || ver == Tri::no;
      reject(c_2_1_1, a_no ? kAdmitCannotCarry : kAdmitUnconfirmed);
      if (a_no) {
        a.flags.push_back(Flag::propose_amendment);
      } else {  // both unknown-or-yes: each unknown one's yes (with the other's) could admit
        const bool both = w == Tri::unknown && ver == Tri::unknown;
        if (w == Tri::unknown)
          a.open_questions.push_back(OpenQuestion{Fact::within_duties, Outcome::must_issue,
                                                  both ? fact_bit(Fact::verifiable) : std::uint8_t{0}});
        if (ver == Tri::unknown)
          a.open_questions.push_back(OpenQuestion{Fact::verifiable, Outcome::must_issue,
                                                  both ? fact_bit(Fact::within_duties) : std::uint8_t{0}});
      }
      return a;
    }
    a.outcome = AdmissionOutcome::admitted;
    a.clauses.push_back(clause(c_2_3_4));
    a.clauses.push_back(clause(a.carve_out ? c_annex_1 : c_2_1_1));
    a.why = kAdmitOk.zh;
    a.why_en = kAdmitOk.en;
    return a;
  }

  Admission admit(const Demand& dm) const {
    const Date day = dm.date ? *dm.date : Date::today();
    const EngineComposition& comp = at(day);
    const Settings& s = comp.catalog.settings();
    const Identified id = identify(comp, dm.item, dm.text);
    const std::string_view text = id.exact ? std::string_view() : std::string_view(dm.text);
    Admission a;
    if (id.certainty != Certainty::uncertain) {
      a = judge_demand(comp, s, id.item, dm, text, day, nullptr);
    } else {
      // Each candidate's answer as if confirmed; never admitted while a listed item may be meant.
      FixedList<AdmissionCandidate, 3> candidates;
      bool carve_out_known = dm.carve_out.empty();
      for (const Match& m : id.candidates) {
        if (candidates.size() == candidates.capacity()) break;
        Demand one = dm;
        if (!dm.carve_out.empty() && !find_carve_out(comp, *m.item, dm.carve_out)) one.carve_out.clear();
        else carve_out_known = true;
        candidates.push_back(AdmissionCandidate{m.item, m.score, m.how,
                                                judge_demand(comp, s, m.item, one, {}, day, nullptr).outcome});
      }
      if (!carve_out_known) unknown_carve_out(nullptr, dm.carve_out, &id.candidates);
      if (id.listed_candidate) {
        a.outcome = AdmissionOutcome::rejected;
        a.clauses.push_back(clause(c_2_3_4));
        a.clauses.push_back(clause(c_2_2_2));
        a.clauses.push_back(clause(c_annex_1));
        a.why = kAdmitUncertain.zh;
        a.why_en = kAdmitUncertain.en;
      } else {
        Demand none = dm;
        none.carve_out.clear();
        a = judge_demand(comp, s, nullptr, none, {}, day, nullptr);
      }
      a.candidates = candidates;
    }
    a.certainty = id.certainty;
    a.receipt = receipt(comp, day);
    return a;
  }

  // 二（三）6 for one item (nullptr: text naming none); `assume` as for judge_demand.
  Supervision judge_complaint(const EngineComposition& comp, const Settings& s, const Item* item, const Complaint& cp,
                              std::string_view text, const Date& day, const CarveOut* assume) const {
    Supervision sv;
    sv.item = item;
    sv.clauses.push_back(clause(c_2_3_6));
    auto verdict = [&](SupervisionOutcome o, ClauseRef deciding, const Why& why) {
      sv.outcome = o;
      sv.notify = o == SupervisionOutcome::unreasonable;  // 通报或公开曝光, 上级主管部门纠正
      sv.clauses.push_back(clause(deciding));
      sv.why = why.zh;
      sv.why_en = why.en;
    };
    if (item && item->disposition == Disposition::not_by_committee) {
      const PurposeFinding pf = read_purpose(comp, *item, cp.carve_out, cp.purpose, text, day, assume);
      sv.carve_out = pf.applies;
      sv.purpose_source = pf.source;
      for (const PurposeReading& pr : pf.found) sv.purpose.push_back(pr);
      if (!sv.carve_out) {
        sv.route = &item->route;
        if (!pf.possible.empty()) {  // the verdict hangs on the purpose: ask, notify nobody yet
          verdict(SupervisionOutcome::undetermined, c_2_2_2, kSupervisePossible);
          sv.clauses.push_back(clause(c_annex_1));
          for (const CarveOut* co : pf.possible)
            sv.purpose_questions.push_back(SupervisionPurposeQuestion{co, SupervisionOutcome::reasonable});
          return sv;
        }
        verdict(SupervisionOutcome::unreasonable, c_2_2_2, kSuperviseListed);  // 二（二）2
        sv.clauses.push_back(clause(c_annex_1));
        return sv;
      }
      verdict(SupervisionOutcome::reasonable, c_annex_1, kSuperviseCarveOut);
      return sv;
    }
    if (!cp.carve_out.empty() && !(item && find_carve_out(comp, *item, cp.carve_out))) unknown_carve_out(item, cp.carve_out);
    const LegalBasis* ib = nullptr;
    if (qualifying_basis(item, cp.bases, s, &ib) == BasisSource::none) {  // 二（二）1
      verdict(SupervisionOutcome::unreasonable, c_2_2_1, kSuperviseNoBasis);
      return sv;
    }
    verdict(SupervisionOutcome::reasonable, c_2_1_1, kSuperviseBasis);
    return sv;
  }

  Supervision supervise(const Complaint& cp) const {
    const Date day = cp.date ? *cp.date : Date::today();
    const EngineComposition& comp = at(day);
    const Settings& s = comp.catalog.settings();
    const Identified id = identify(comp, cp.item, cp.text);
    const std::string_view text = id.exact ? std::string_view() : std::string_view(cp.text);
    Supervision sv;
    if (id.certainty != Certainty::uncertain) {
      sv = judge_complaint(comp, s, id.item, cp, text, day, nullptr);
    } else {
      // Nobody is notified on a guess: undetermined until the clerk confirms the item.
      bool carve_out_known = cp.carve_out.empty();
      for (const Match& m : id.candidates) {
        if (sv.candidates.size() == sv.candidates.capacity()) break;
        Complaint one = cp;
        if (!cp.carve_out.empty() && !find_carve_out(comp, *m.item, cp.carve_out)) one.carve_out.clear();
        else carve_out_known = true;
        sv.candidates.push_back(SupervisionCandidate{m.item, m.score, m.how,
                                                     judge_complaint(comp, s, m.item, one, {}, day, nullptr).outcome});
      }
      if (!carve_out_known) unknown_carve_out(nullptr, cp.carve_out, &id.candidates);
      sv.outcome = SupervisionOutcome::undetermined;
      sv.notify = false;
      sv.clauses.push_back(clause(c_2_3_6));
      sv.why = kSuperviseUncertain.zh;
      sv.why_en = kSuperviseUncertain.en;
    }
    sv.certainty = id.certainty;
    sv.receipt = receipt(comp, day);
    return sv;
  }

  static constexpr Why kAdmitListed{
      "该证明列入不应出具证明事项清单，且用途不属于除外情形：不予准入",
      "the certificate is on a no-issue list and the purpose is no carve-out: not admitted"};
  static constexpr Why kAdmitPossible{
      "该证明列入不应出具证明事项清单，用途可能属于除外情形但尚待确认：确认前不予准入",
      "the certificate is on a no-issue list and the purpose may be a carve-out, not yet confirmed: not admitted until it is"};
  static constexpr Why kAdmitUncertain{
      "名称不能确定为某一证明事项，候选中有不应出具清单所列的证明事项：确认前不予准入",
      "the text names no item with confidence and a candidate is on a no-issue list: not admitted until the item is confirmed"};
  static constexpr Why kAdmitNoBasis{
      "未提供合格层级的法律法规依据：不予准入",
      "no basis of a qualifying level is supplied: not admitted"};
  static constexpr Why kAdmitCannotCarry{
      "虽有依据，但不属于自治组织职责范围或其没有能力核实：按程序提请修改有关规定，不再出具",
      "a basis exists, but the committee cannot carry it (outside its duties or unable to verify): propose an amendment"};
  static constexpr Why kAdmitUnconfirmed{
      "有依据，但尚未确认属于职责范围且自治组织能够核实：暂不准入",
      "a basis exists, but duties and verifiability are not confirmed: not admitted yet"};
  static constexpr Why kAdmitOk{
      "有合格依据，不在不应出具清单上（或属除外情形），属于职责范围且能够核实：予以准入",
      "a qualifying basis, not on a no-issue list (or a carve-out), within duties and verifiable: admitted"};
  static constexpr Why kSuperviseListed{
      "要求出具列入不应出具证明事项清单的证明（一般情形）：属不合理证明，予以通报并由上级主管部门纠正",
      "demanded a certificate on the no-issue list in the general case: unreasonable; report and correct"};
  static constexpr Why kSupervisePossible{
      "该证明列入不应出具证明事项清单，所述用途可能属于除外情形：确认用途前不作认定，暂不通报",
      "the certificate is listed and the purpose may be a carve-out: no verdict, and no report, until the purpose is confirmed"};
  static constexpr Why kSuperviseUncertain{
      "名称不能确定为某一证明事项：确认是哪一项之前不作认定，暂不通报",
      "the text names no item with confidence: no verdict, and no report, until the item is confirmed"};
  static constexpr Why kSuperviseCarveOut{
      "该证明列入清单，但所述用途属于清单除外情形：不属不合理证明",
      "the certificate is listed, but the purpose is a carve-out: not unreasonable"};
  static constexpr Why kSuperviseNoBasis{
      "要求出具的证明没有合格层级的法律法规依据：属不合理证明，予以通报并由上级主管部门纠正",
      "the demanded certificate has no basis of a qualifying level: unreasonable; report and correct"};
  static constexpr Why kSuperviseBasis{
      "要求出具的证明有合格依据：不属不合理证明",
      "the demanded certificate has a qualifying basis: not unreasonable"};
};

std::shared_ptr<const Engine::Impl> Engine::default_impl() {
  // The embedded default is made once and shared: Engine() is then cheap to call.
  static const std::shared_ptr<const Engine::Impl> impl = [] {
    const WorkCalendar& cal = WorkCalendar::embedded_default();
    return std::make_shared<const Engine::Impl>(default_layers(), ClauseBook::embedded_default(), &cal);
  }();
  return impl;
}

Engine::Engine() : impl_(default_impl()) {}

Engine::Engine(const std::vector<CatalogLayer>& layers)
    : impl_(std::make_shared<const Impl>(layers, ClauseBook::embedded_default(),
                                         &WorkCalendar::embedded_default())) {}

Engine::Engine(const std::vector<CatalogLayer>& layers, ClauseBook clauses, const WorkCalendar& calendar)
    : impl_(std::make_shared<const Impl>(layers, std::move(clauses), &calendar)) {}

Decision Engine::decide(const Request& request) const& { return impl_->decide(request); }

std::vector<Decision> Engine::decide_many(const std::vector<Request>& requests, unsigned threads) const& {
  const std::size_t n = requests.size();
  std::vector<Decision> out(n);
  constexpr std::size_t kChunk = 256;  // requests handed out at a time
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(1, n / kChunk)));
  if (threads <= 1) {
    for (std::size_t i = 0; i < n; ++i) out[i] = impl_->decide(requests[i]);
    return out;
  }
  // Chunks are handed out by one counter to the threads that could be started and to the
  // caller's own thread, so the batch completes on however many there are — all of it on
  // the caller's thread when the process may start none (RLIMIT_NPROC, a pids cgroup).
  // Once a chunk fails, later chunks are skipped; earlier ones still run, so the error
  // rethrown is the first by position, as on one thread.
  const std::size_t chunks = (n + kChunk - 1) / kChunk;
  std::vector<std::exception_ptr> errors(chunks);
  std::atomic<std::size_t> next{0};
  std::atomic<std::size_t> first_failed{chunks};
  const auto work = [&]() noexcept {
    for (std::size_t c; (c = next.fetch_add(1, std::memory_order_relaxed)) < chunks;) {
      if (c > first_failed.load(std::memory_order_relaxed)) continue;
      try {
        for (std::size_t i = c * kChunk, end = std::min(n, i + kChunk); i < end; ++i)
          out[i] = impl_->decide(requests[i]);
      } catch (...) {
        errors[c] = std::current_exception();
        std::size_t seen = first_failed.load(std::memory_order_relaxed);
        while (c < seen && !first_failed.compare_exchange_weak(seen, c, std::memory_order_relaxed)) {
        }
      }
    }
  };
  std::vector<std::thread> pool;
  pool.reserve(threads - 1);  // so that push_back cannot throw with a running thread in hand
  for (unsigned t = 1; t < threads; ++t) {
    try {
      pool.push_back(detail::start_thread(work));
    } catch (...) {  // std::system_error (no more threads) or bad_alloc: go on with fewer
      break;
    }
  }
  work();
  for (std::thread& th : pool) th.join();
  if (const std::size_t c = first_failed.load(); c < chunks) std::rethrow_exception(errors[c]);
  return out;
}

const Item* Engine::resolve(std::string_view text, std::optional<Date> as_of) const& {
  return impl_->find_text(impl_->at(as_of ? *as_of : Date::today()), text);
}

std::vector<Match> Engine::match(std::string_view text, std::size_t max_results,
                                 std::optional<Date> as_of) const& {
  return impl_->at(as_of ? *as_of : Date::today()).matcher->match(text, max_results);
}

Admission Engine::admit(const Demand& demand) const& { return impl_->admit(demand); }
Supervision Engine::supervise(const Complaint& complaint) const& { return impl_->supervise(complaint); }

const Catalog& Engine::catalog(std::optional<Date> as_of) const& {
  return impl_->at(as_of ? *as_of : Date::today()).catalog;
}
const NameMatcher& Engine::matcher(std::optional<Date> as_of) const& {
  return *impl_->at(as_of ? *as_of : Date::today()).matcher;
}
const std::string& Engine::catalog_sha256(std::optional<Date> as_of) const& {
  return impl_->at(as_of ? *as_of : Date::today()).sha256;
}
const std::vector<CatalogLayer>& Engine::layers() const& noexcept { return impl_->layers; }
const ClauseBook& Engine::clauses() const& noexcept { return impl_->clauses; }
const WorkCalendar& Engine::calendar() const& noexcept { return impl_->calendar; }

}  // namespace jianzheng

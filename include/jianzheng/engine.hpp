// Engine: the decision procedure of docs/design.md §4 over a catalog, the policy's clauses and the work
// calendar. It holds one composed Catalog per interval between Catalog::breakpoints() (usually
// one), a name matcher per composition, the ClauseBook and the WorkCalendar, and the SHA-256 of
// each composition's canonical JSON, computed once when the engine is made.
// An Engine never changes after construction: share it across threads freely. Decisions,
// admissions and supervisions point into it, so the Engine must outlive them; asking a
// temporary Engine for anything that points into it does not compile (docs/decisions.md).
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "jianzheng/catalog.hpp"
#include "jianzheng/clause.hpp"
#include "jianzheng/decision.hpp"
#include "jianzheng/name_matcher.hpp"
#include "jianzheng/request.hpp"

namespace jianzheng {

class WorkCalendar;

/// The decision engine. Immutable and thread-safe; copies share the same data.
class Engine {
 public:
  /// The embedded default: the national first batch with its aliases and dated changes, the
  /// policy's clauses and the embedded work calendar.
  Engine();
  /// An engine over these catalog layers (base first), the policy's clauses and the embedded
  /// work calendar. Throws Error as Catalog::compose does, and Error(too_large) when the
  /// layers change the catalog on more than 256 dates or the catalogs composed for them come
  /// to more than 16 MiB of canonical JSON together (docs/performance.md, "Engine construction").
  explicit Engine(const std::vector<CatalogLayer>& layers);
  /// An engine over these layers, clauses and calendar.
  Engine(const std::vector<CatalogLayer>& layers, ClauseBook clauses, const WorkCalendar& calendar);

  /// Decides one request (docs/design.md §4). Throws Error(unknown_reference, "/item") for an item id
  /// the catalog in force on the as-of date does not have; free text that matches nothing is
  /// an unlisted item with no known basis, not an error.
  [[nodiscard]] Decision decide(const Request& request) const&;
  /// A temporary engine would die before its decision: keep the Engine in a variable.
  Decision decide(const Request& request) const&& = delete;
  /// Decides many requests, in order, on up to `threads` threads (0: hardware concurrency),
  /// the caller's among them. When the system cannot start a thread, the rest of the batch
  /// runs on the threads already started and the caller's (never std::terminate).
  /// Throws the Error of the first failing request by position.
  [[nodiscard]] std::vector<Decision> decide_many(const std::vector<Request>& requests,
                                                  unsigned threads = 1) const&;
  std::vector<Decision> decide_many(const std::vector<Request>& requests,
                                    unsigned threads = 1) const&& = delete;

  /// The item free text names best (through the name matcher of the composition in force on
  /// `as_of`, today when absent), or nullptr when nothing plausible matches.
  [[nodiscard]] const Item* resolve(std::string_view text, std::optional<Date> as_of = std::nullopt) const&;
  const Item* resolve(std::string_view text, std::optional<Date> as_of = std::nullopt) const&& = delete;
  /// Plausible candidates for free text, best first (NameMatcher::match of the composition
  /// in force on `as_of`, today when absent).
  [[nodiscard]] std::vector<Match> match(std::string_view text, std::size_t max_results = 5,
                                         std::optional<Date> as_of = std::nullopt) const&;
  std::vector<Match> match(std::string_view text, std::size_t max_results = 5,
                           std::optional<Date> as_of = std::nullopt) const&& = delete;

  /// 二（三）4 准入: may a department demand this certificate from committees?
  [[nodiscard]] Admission admit(const Demand& demand) const&;
  Admission admit(const Demand& demand) const&& = delete;
  /// 二（三）6 监督: is a reported demand unreasonable?
  [[nodiscard]] Supervision supervise(const Complaint& complaint) const&;
  Supervision supervise(const Complaint& complaint) const&& = delete;

  /// The composed catalog in force on `as_of` (today when absent).
  [[nodiscard]] const Catalog& catalog(std::optional<Date> as_of = std::nullopt) const&;
  const Catalog& catalog(std::optional<Date> as_of = std::nullopt) const&& = delete;
  /// The name matcher of the composed catalog in force on `as_of` (today when absent): its
  /// resolve() says how sure it is of free text (POST /v1/resolve).
  [[nodiscard]] const NameMatcher& matcher(std::optional<Date> as_of = std::nullopt) const&;
  const NameMatcher& matcher(std::optional<Date> as_of = std::nullopt) const&& = delete;
  /// SHA-256 (lower-case hex) of to_json(catalog(as_of)).
  [[nodiscard]] const std::string& catalog_sha256(std::optional<Date> as_of = std::nullopt) const&;
  const std::string& catalog_sha256(std::optional<Date> as_of = std::nullopt) const&& = delete;
  /// The catalog layers the engine was made from, base first (for saving or pickling an
  /// engine: Engine(layers(), clauses(), calendar()) makes an equal one).
  [[nodiscard]] const std::vector<CatalogLayer>& layers() const& noexcept;
  const std::vector<CatalogLayer>& layers() const&& = delete;
  /// The clauses decisions cite.
  [[nodiscard]] const ClauseBook& clauses() const& noexcept;
  const ClauseBook& clauses() const&& = delete;
  /// The work calendar used for 限时办结 due dates.
  [[nodiscard]] const WorkCalendar& calendar() const& noexcept;
  const WorkCalendar& calendar() const&& = delete;

 private:
  struct Impl;
  static std::shared_ptr<const Impl> default_impl();
  std::shared_ptr<const Impl> impl_;
};

}  // namespace jianzheng

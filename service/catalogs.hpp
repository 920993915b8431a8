// What the service decides with: the engine over the configured catalog layers and the
// service guides, made together and replaced together. A reload (SIGHUP or POST
// /v1/admin/reload) builds a complete new set off to the side and swaps it in with one
// atomic store: all or nothing. A request takes the current set once, when it begins, and
// keeps it alive until its answer is written, so in-flight requests finish on the engine they
// began with while new ones see the new catalog. Receipts name the catalog that decided.
#pragma once
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "jianzheng/engine.hpp"
#include "jianzheng/error.hpp"
#include "jianzheng/service_guide.hpp"

namespace jianzheng::service {

/// Where the catalog and guides come from (the command line).
struct CatalogSources {
  std::vector<std::string> catalog_files;  ///< --catalog FILE…, layered as the CLI does.
  std::string guides_file;                 ///< --guides FILE; empty for none.
  bool example = false;                    ///< --example: the built-in example county list and guides.
};

/// One loaded set. Never changes; shared by the requests that use it.
struct Catalogs {
  Engine engine;                 ///< The decision engine.
  GuideSet guides;               ///< The service guides (may be empty).
  std::uint64_t generation = 0;  ///< 1 for the first load, +1 per successful reload.
  std::int64_t loaded_at = 0;    ///< Unix time of the load, in seconds.
};

/// The outcome of the last reload.
struct ReloadStatus {
  std::uint64_t ok = 0, failed = 0;  ///< Reloads by result since start.
  bool last_ok = true;               ///< Whether the last reload succeeded (true before any).
  std::optional<Error> last_error;   ///< Why the last reload failed.
  std::int64_t last_at = 0;          ///< Unix time of the last reload attempt; 0 for none.
};

/// Holds the current set and reloads it.
class CatalogHolder {
 public:
  /// Loads the first set; throws Error as the loaders do (the service then does not start).
  explicit CatalogHolder(CatalogSources sources);

  /// The current set. Lock-free; keep the pointer for the whole request.
  std::shared_ptr<const Catalogs> current() const { return std::atomic_load(&current_); }
  /// Loads everything again and swaps it in, or keeps the current set and returns the error.
  /// Reloads are serialised; the requests being answered are not disturbed.
  std::optional<Error> reload();
  /// The reload counters and the last error.
  ReloadStatus status() const;
  /// Prometheus text: catalog info, load time, reload counters and the last reload error.
  std::string metrics() const;

 private:
  std::shared_ptr<const Catalogs> load(std::uint64_t generation) const;

  CatalogSources sources_;
  std::shared_ptr<const Catalogs> current_;
  mutable std::mutex reload_mutex_;  // one reload at a time; guards status_
  ReloadStatus status_;
};

}  // namespace jianzheng::service

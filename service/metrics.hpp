// Prometheus metrics of the service (text exposition format 0.0.4): requests by route and
// status, a latency histogram per route, decisions by outcome, connections, the decision
// log and catalog reloads. Counters are lock-free atomics: recording one costs a few
// relaxed increments on the request path. Metric names start with jianzheng_.
#pragma once
#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace jianzheng::service {

/// The routes the service knows, as metrics label them. Static files are one route.
enum class RouteId : std::uint8_t {
  decide, decide_batch, resolve, admit, supervise, items, item, guide, certificate,
  calendar, schedule, openapi, healthz, readyz, metrics, admin_reload, static_file, other,
};
inline constexpr std::size_t route_count = static_cast<std::size_t>(RouteId::other) + 1;
/// The route's label, e.g. "/v1/items/{id}".
const char* route_label(RouteId r) noexcept;

/// What the kind of answer a decision log line and the decision counter record.
enum class DecisionKind : std::uint8_t { decide, admit, supervise };

/// All counters. One instance per server; every member is safe from any thread.
class Metrics {
 public:
  /// Statuses the service answers with; anything else is counted as "other".
  static constexpr std::array<int, 13> statuses{200, 304, 400, 401, 404, 405, 413,
                                                415, 422, 431, 500, 503, 0};
  /// Upper bounds of the latency histogram, in seconds.
  static constexpr std::array<double, 13> buckets{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                  0.1,    0.25,  0.5,    1.0,   2.5,  5.0};

  /// One answered request: its route, status and time from its header to its last byte.
  void record_request(RouteId route, int status, double seconds) noexcept;
  /// One decision of `kind` with outcome `outcome` (an index into that kind's outcomes).
  void record_decision(DecisionKind kind, std::size_t outcome) noexcept;

  std::atomic<std::int64_t> connections_open{0};       ///< Open client connections.
  std::atomic<std::uint64_t> connections_total{0};     ///< Accepted connections.
  std::atomic<std::uint64_t> connections_rejected{0};  ///< Refused at the connection cap (503).
  std::atomic<std::uint64_t> timeouts{0};              ///< Connections closed by a read timeout.
  std::atomic<std::uint64_t> idle_closed{0};           ///< Keep-alive connections closed idle.

  /// The counters as Prometheus text, followed by `extra` (gauges owned by others).
  std::string render(std::string_view extra) const;

 private:
  static std::size_t status_index(int status) noexcept;
  static constexpr std::size_t kStatuses = statuses.size();
  static constexpr std::size_t kBuckets = buckets.size() + 1;  // + "+Inf"

  struct RouteCounters {
    std::array<std::atomic<std::uint64_t>, kStatuses> by_status{};
    std::array<std::atomic<std::uint64_t>, kBuckets> histogram{};  // non-cumulative
    std::atomic<std::uint64_t> micros_sum{0};
  };
  std::array<RouteCounters, route_count> routes_{};
  std::array<std::atomic<std::uint64_t>, 7> decide_{};     // by Outcome
  std::array<std::atomic<std::uint64_t>, 2> admit_{};      // by AdmissionOutcome
  std::array<std::atomic<std::uint64_t>, 2> supervise_{};  // by SupervisionOutcome
};

/// A Prometheus label value, quoted and escaped (\\, \", \n).
std::string label_value(std::string_view v);

}  // namespace jianzheng::service

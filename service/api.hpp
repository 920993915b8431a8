// The HTTP API of `jianzheng serve` (docs/service.md, /openapi.json), apart from the wire:
// an HttpRequest in, an HttpResponse out. The shapes are the library's own — the same
// functions as the CLI's --json and the C ABI (request_from_json, to_json(Decision),
// demand_from_json, complaint_from_json, the resolve JSON, to_json(Item), guides, calendar
// and schedule JSON) — and errors are the project's error object. server.cpp carries the
// bytes; nothing here knows about sockets, so every handler is an ordinary function call.
#pragma once
#include <atomic>
#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "catalogs.hpp"
#include "decision_log.hpp"
#include "metrics.hpp"

namespace jianzheng::service {

/// One request, as the server read it.
struct HttpRequest {
  std::string method;         ///< "GET", "POST" … ("HEAD" is answered as GET without a body).
  std::string target;         ///< The request target, e.g. "/v1/items?date=2021-09-30".
  std::string content_type;   ///< Content-Type, or empty.
  std::string accept;         ///< Accept, or empty.
  std::string authorization;  ///< Authorization, or empty.
  std::string if_none_match;  ///< If-None-Match, or empty.
  std::string request_id;     ///< X-Request-Id as sent (checked), else generated.
  std::string body;           ///< The whole body.
};

/// A body written in parts (HTTP chunked encoding), for answers that stream.
class BodyStream {
 public:
  virtual ~BodyStream() = default;
  /// Appends the next part to `out`; returns false once everything has been given.
  virtual bool next(std::string& out) = 0;
};

/// One answer.
struct HttpResponse {
  int status = 200;                                          ///< HTTP status.
  std::string content_type = "application/json";             ///< Content-Type.
  std::string body;                                          ///< The body (unless streamed).
  std::vector<std::pair<std::string, std::string>> headers;  ///< Extra header fields.
  std::unique_ptr<BodyStream> stream;                        ///< When set, the body streams.
  RouteId route = RouteId::other;                            ///< For the metrics.
};

/// The limits and switches the handlers need (the rest is the server's).
struct ApiOptions {
  std::size_t body_limit = 1u << 20;        ///< Largest body, bytes (--body-limit).
  std::size_t batch_limit = 64u << 20;      ///< Largest /v1/decide/batch body (--batch-limit).
  std::string admin_token;                  ///< Bearer token of /v1/admin/reload; empty: off.
  std::size_t batch_lines_per_part = 64;    ///< Decisions per streamed part of a batch.
  std::chrono::milliseconds log_wait{2000}; ///< How long a batch waits for room in the log queue.
};

class Api {
 public:
  /// `log` may be null (no --decision-log). `draining` turns /readyz to 503 during a stop.
  Api(ApiOptions options, CatalogHolder& catalogs, DecisionLog* log, Metrics& metrics,
      const std::atomic<bool>& draining);

  /// The body limit for a request target (the batch route takes more).
  std::size_t body_limit(std::string_view target) const noexcept;
  /// The route a target names (for requests answered before the handlers see them).
  static RouteId route_of(std::string_view target) noexcept;
  /// Answers one request. Never throws: bad input is a 4xx error object, a bug a 500.
  HttpResponse handle(HttpRequest request) const;

  /// A response carrying the project's error object.
  static HttpResponse error(int status, std::string_view code, std::string_view where,
                            std::string_view message);
  /// A response carrying a library error (to_json(const Error&): code, where, message and,
  /// when known, origin, line, column and pointer).
  static HttpResponse error(int status, const Error& e);
  /// A fresh request id (32 hex digits).
  static std::string new_request_id();
  /// Whether a client's X-Request-Id is acceptable as is (1–128 of [A-Za-z0-9._:-]).
  static bool is_valid_request_id(std::string_view id) noexcept;

 private:
  struct Context;
  HttpResponse dispatch(Context& c) const;
  HttpResponse decide(Context& c) const;
  HttpResponse decide_batch(Context& c) const;
  HttpResponse resolve(Context& c) const;
  HttpResponse admit(Context& c) const;
  HttpResponse supervise(Context& c) const;
  HttpResponse items(Context& c) const;
  HttpResponse item(Context& c, const std::string& id) const;
  HttpResponse guide(Context& c, const std::string& id) const;
  HttpResponse certificate(Context& c, const std::string& id) const;
  HttpResponse calendar(Context& c, const std::string& question) const;
  HttpResponse schedule(Context& c) const;
  HttpResponse healthz(Context& c) const;
  HttpResponse readyz(Context& c) const;
  HttpResponse metrics(Context& c) const;
  HttpResponse admin_reload(Context& c) const;
  HttpResponse static_file(Context& c) const;

  /// Queues a decision log line; false when the log is full (answer 503).
  bool log_line(std::string line, bool wait) const;

  ApiOptions options_;
  CatalogHolder& catalogs_;
  DecisionLog* log_;
  Metrics& metrics_;
  const std::atomic<bool>& draining_;
};

/// One decision log line: {"time", "request_id", "kind", "route", ["line"], "request",
/// "outcome", "item", "clause", "receipt"} and a final newline. `request_json` is the request
/// as received (one line); `line` is the batch line number, 0 for none.
std::string decision_log_line(std::string_view request_id, std::string_view kind,
                              std::string_view route, std::size_t line,
                              std::string_view request_json, std::string_view outcome,
                              const Item* item, const Clause* clause, const Receipt& receipt);

/// The HTTP status for a library error code: 400 malformed input, 413 too large, 422 well-
/// formed but invalid, 500 for an I/O failure on the server's side.
int status_for(ErrorCode code) noexcept;

}  // namespace jianzheng::service

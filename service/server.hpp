// `jianzheng serve`: the HTTP/1.1 server (Boost.Beast over Boost.Asio) around the API of
// api.hpp. Several threads run one io_context; each connection lives on its own strand and is
// kept alive between requests. Limits protect the service from its clients: a body limit
// checked against Content-Length before the body is read (413), a header limit (431), a read
// timeout for a request to arrive in full (slow clients are cut off), an idle timeout between
// requests, a write timeout, and a cap on open connections (503 beyond it). SIGHUP reloads the
// catalog (all or nothing) and reopens the decision log; SIGTERM/SIGINT stop gracefully: the
// listener closes, requests being answered finish, idle connections close, the decision log
// is drained and synced, and the process exits 0 within five seconds.
#pragma once
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <string>

#include "api.hpp"
#include "catalogs.hpp"

namespace jianzheng::service {

/// Everything `jianzheng serve` is told on its command line (docs/service.md).
struct ServerOptions {
  std::string host = "127.0.0.1";          ///< --host: the address to bind.
  std::uint16_t port = 8080;               ///< --port; 0 picks a free port (printed at start).
  unsigned threads = 0;                    ///< --threads; 0: the hardware's concurrency.
  CatalogSources sources;                  ///< --catalog, --guides, --example.
  std::string decision_log;                ///< --decision-log FILE; empty: none.
  std::size_t decision_log_queue = 65536;  ///< --decision-log-queue: lines queued at most.
  ApiOptions api;                          ///< --body-limit, --batch-limit, --admin-token.
  std::size_t header_limit = 16 * 1024;    ///< --header-limit: bytes of the request line and headers.
  std::chrono::milliseconds read_timeout{10000};   ///< --read-timeout: a request must arrive within it.
  std::chrono::milliseconds idle_timeout{60000};   ///< --idle-timeout: keep-alive between requests.
  std::chrono::milliseconds write_timeout{10000};  ///< --write-timeout: per response (or part).
  std::size_t max_connections = 1000;      ///< --max-connections: open connections at most.
  std::chrono::milliseconds stop_grace{4000};  ///< In-flight requests get this long on SIGTERM.
};

/// Starts the server and runs it until SIGTERM or SIGINT. Writes one line when it listens
/// ("jianzheng serve: listening on http://HOST:PORT …") and notes on reloads and the stop to
/// `log`. Returns 0 after a graceful stop, 1 when decision log lines could not be written. Throws Error when it cannot start (a bad catalog,
/// an unwritable decision log, an address in use).
int run_server(const ServerOptions& options, std::ostream& log);

}  // namespace jianzheng::service

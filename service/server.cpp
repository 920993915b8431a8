#include "server.hpp"

#include <signal.h>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <array>
#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <ostream>
#include <thread>
#include <vector>

#include "jianzheng/error.hpp"
#include "jianzheng/version.hpp"
#include "json_text.hpp"

namespace jianzheng::service {
namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = net::ip::tcp;
using Clock = std::chrono::steady_clock;

class Server;

// One client connection, on its own strand: read a request, answer it, and again while the
// client keeps the connection alive.
class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket&& socket, Server& server, std::uint64_t id);
  ~Session();
  void start();
  /// From any thread: close when idle, after the answer being written otherwise.
  void stop();
  /// From any thread: close now.
  void kill();
  std::uint64_t id() const noexcept { return id_; }

 private:
  void wait_for_request();
  void read_header();
  void on_header(beast::error_code ec);
  void read_body(std::size_t limit);
  void on_body(beast::error_code ec);
  void answer();
  void write(HttpResponse out);
  void write_stream(HttpResponse out);
  void next_part();
  void finish(bool keep_alive);
  void refuse(int status, std::string_view code, std::string_view where, std::string_view message);
  void linger();
  void close();
  template <class Message>
  void set_common(Message& m);

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  Server& server_;
  std::uint64_t id_;
  std::optional<http::request_parser<http::empty_body>> header_parser_;
  std::optional<http::request_parser<http::string_body>> parser_;
  bool busy_ = false;     // a request is being read or answered
  bool stopping_ = false; // the server is stopping: close after this answer
  bool closed_ = false;
  bool head_ = false;
  unsigned version_ = 11;
  bool keep_alive_ = true;
  std::string request_id_;
  Clock::time_point started_{};
  RouteId route_ = RouteId::other;
  int status_ = 0;
  std::shared_ptr<void> message_;           // the response being written
  std::unique_ptr<BodyStream> body_stream_; // a streamed body being written
  std::string part_;                        // the part of it being written
  std::array<char, 4096> discard_{};
  std::size_t lingered_ = 0;
};

class Server {
 public:
  Server(const ServerOptions& options, std::ostream& log)
      : options_(options),
        log_(log),
        catalogs_(options.sources),
        decision_log_(options.decision_log.empty()
                          ? nullptr
                          : std::make_unique<DecisionLog>(options.decision_log, options.decision_log_queue)),
        api_(options.api, catalogs_, decision_log_.get(), metrics_, draining_),
        io_(static_cast<int>(thread_count())),
        strand_(net::make_strand(io_)),
        acceptor_(strand_),
        signals_(strand_),
        stop_timer_(strand_) {}

  int run();

  const ServerOptions& options() const noexcept { return options_; }
  const Api& api() const noexcept { return api_; }
  Metrics& metrics() noexcept { return metrics_; }
  bool stopping() const noexcept { return draining_.load(); }
  void add(const std::shared_ptr<Session>& s) {
    std::lock_guard<std::mutex> lock(sessions_mutex_);
    sessions_[s->id()] = s;
  }
  void remove(std::uint64_t id) {
    std::lock_guard<std::mutex> lock(sessions_mutex_);
    sessions_.erase(id);
  }

 private:
  unsigned thread_count() const {
    if (options_.threads) return options_.threads;
    const unsigned n = std::thread::hardware_concurrency();
    return n ? n : 1;
  }
  void listen();
  void accept();
  void on_accept(beast::error_code ec, tcp::socket socket);
  void refuse_connection(tcp::socket socket);
  void wait_for_signal();
  void begin_stop();
  void watch_stop();
  std::vector<std::shared_ptr<Session>> live_sessions();

  // Sessions left in pending handlers are destroyed with io_ and then touch metrics_ and
  // the registry: those are declared before io_, so they outlive it.
  const ServerOptions& options_;
  std::ostream& log_;
  Metrics metrics_;
  std::mutex sessions_mutex_;
  std::map<std::uint64_t, std::weak_ptr<Session>> sessions_;
  std::atomic<bool> draining_{false};
  CatalogHolder catalogs_;
  std::unique_ptr<DecisionLog> decision_log_;
  Api api_;
  net::io_context io_;
  net::strand<net::io_context::executor_type> strand_;  // acceptor, signals, stop
  tcp::acceptor acceptor_;
  net::signal_set signals_;
  net::steady_timer stop_timer_;
  std::uint64_t next_id_ = 0;  // on strand_
  Clock::time_point stop_deadline_{};
  bool killed_ = false;
};

// --- Session -----------------------------------------------------------------------------

Session::Session(tcp::socket&& socket, Server& server, std::uint64_t id)
    : stream_(std::move(socket)), server_(server), id_(id) {
  server_.metrics().connections_open.fetch_add(1);
  server_.metrics().connections_total.fetch_add(1);
}

Session::~Session() {
  server_.metrics().connections_open.fetch_sub(1);
  server_.remove(id_);
}

void Session::start() {
  beast::error_code ec;
  stream_.socket().set_option(tcp::no_delay(true), ec);
  net::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->wait_for_request(); });
}

void Session::stop() {
  net::post(stream_.get_executor(), [self = shared_from_this()] {
    self->stopping_ = true;
    if (!self->busy_) self->close();
  });
}

void Session::kill() {
  net::post(stream_.get_executor(), [self = shared_from_this()] { self->close(); });
}

void Session::close() {
  if (closed_) return;
  closed_ = true;
  beast::error_code ec;
  stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
  stream_.close();
}

// Between requests: wait for the first byte of the next one under the idle timeout. Bytes
// already buffered (a pipelined request) start it at once.
void Session::wait_for_request() {
  busy_ = false;
  if (closed_) return;
  if (stopping_ || server_.stopping()) return close();
  if (buffer_.size() > 0) return read_header();
  stream_.expires_after(server_.options().idle_timeout);
  stream_.async_read_some(buffer_.prepare(4096), [self = shared_from_this()](beast::error_code ec, std::size_t n) {
    self->buffer_.commit(n);
    // Closed meanwhile (a stop while idle): bytes that raced the close are not a request
    // in flight, and must not be decided without an answer to carry it.
    if (ec || self->closed_) {
      if (ec == beast::error::timeout) self->server_.metrics().idle_closed.fetch_add(1);
      return self->close();
    }
    self->read_header();
  });
}

void Session::read_header() {
  busy_ = true;
  header_parser_.emplace();
  header_parser_->header_limit(static_cast<std::uint32_t>(server_.options().header_limit));
  header_parser_->body_limit(boost::none);  // the body's limit is checked below, by route
  stream_.expires_after(server_.options().read_timeout);
  http::async_read_header(stream_, buffer_, *header_parser_,
                          [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_header(ec); });
}

void Session::on_header(beast::error_code ec) {
  if (closed_) return;
  started_ = Clock::now();
  route_ = RouteId::other;
  request_id_.clear();
  if (ec == http::error::header_limit)
    return refuse(431, "header_too_large", "headers",
                  "the request line and headers exceed " + std::to_string(server_.options().header_limit) +
                      " bytes (请求头过大)");
  if (ec == beast::error::timeout) {
    // The stream closed the socket when the deadline passed: nothing more can be said.
    server_.metrics().timeouts.fetch_add(1);
    return close();
  }
  if (ec == http::error::end_of_stream || ec == net::error::eof || ec == net::error::operation_aborted ||
      ec == net::error::connection_reset)
    return close();
  if (ec) return refuse(400, "bad_request", "request", std::string("malformed HTTP request: ") + ec.message());

  const auto& req = header_parser_->get();
  version_ = req.version();
  keep_alive_ = req.keep_alive();
  head_ = req.method() == http::verb::head;
  const std::string_view rid = req["X-Request-Id"];
  request_id_ = Api::is_valid_request_id(rid) ? std::string(rid) : Api::new_request_id();
  route_ = Api::route_of(req.target());
  const std::size_t limit = server_.api().body_limit(req.target());
  if (const auto length = header_parser_->content_length(); length && *length > limit)
    return refuse(413, "too_large", "body",
                  "the body is " + std::to_string(*length) + " bytes; the limit here is " + std::to_string(limit) +
                      " (请求体过大)");
  // A client that asks first (Expect: 100-continue) is told to go on only within the limits.
  if (beast::iequals(req[http::field::expect], "100-continue")) {
    static const std::string go_on = "HTTP/1.1 100 Continue\r\n\r\n";
    stream_.expires_after(server_.options().write_timeout);
    net::async_write(stream_, net::buffer(go_on), [self = shared_from_this(), limit](beast::error_code e, std::size_t) {
      if (e) return self->close();
      self->read_body(limit);
    });
    return;
  }
  read_body(limit);
}

void Session::read_body(std::size_t limit) {
  parser_.emplace(std::move(*header_parser_));
  header_parser_.reset();
  parser_->body_limit(static_cast<std::uint64_t>(limit));
  stream_.expires_after(server_.options().read_timeout);
  http::async_read(stream_, buffer_, *parser_,
                   [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_body(ec); });
}

void Session::on_body(beast::error_code ec) {
  if (closed_) return;
  if (ec == http::error::body_limit)
    return refuse(413, "too_large", "body",
                  "the body exceeds the limit of " +
                      std::to_string(server_.api().body_limit(parser_->get().target())) + " bytes (请求体过大)");
  if (ec == beast::error::timeout) {
    server_.metrics().timeouts.fetch_add(1);
    return close();
  }
  if (ec == http::error::end_of_stream || ec == net::error::eof || ec == net::error::operation_aborted ||
      ec == net::error::connection_reset)
    return close();
  if (ec) return refuse(400, "bad_request", "body", std::string("malformed HTTP request body: ") + ec.message());
  answer();
}

void Session::answer() {
  auto& req = parser_->get();
  HttpRequest r;
  r.method = head_ ? std::string("GET") : std::string(req.method_string());
  r.target = std::string(req.target());
  r.content_type = std::string(req[http::field::content_type]);
  r.accept = std::string(req[http::field::accept]);
  r.authorization = std::string(req[http::field::authorization]);
  r.if_none_match = std::string(req[http::field::if_none_match]);
  r.request_id = request_id_;
  r.body = std::move(req.body());
  parser_.reset();
  HttpResponse out = server_.api().handle(std::move(r));
  route_ = out.route;
  status_ = out.status;
  if (out.stream) return write_stream(std::move(out));
  write(std::move(out));
}

template <class Message>
void Session::set_common(Message& m) {
  m.set(http::field::server, std::string("jianzheng/") + version());
  m.set("X-Request-Id", request_id_);
  m.set("X-Content-Type-Options", "nosniff");
}

void Session::write(HttpResponse out) {
  auto res = std::make_shared<http::response<http::string_body>>(static_cast<http::status>(out.status), version_);
  set_common(*res);
  if (out.status != 304) res->set(http::field::content_type, out.content_type);
  for (auto& [name, value] : out.headers) res->set(name, value);
  const bool keep = keep_alive_ && !stopping_ && !server_.stopping() && out.status < 500;
  res->keep_alive(keep);
  if (head_) {
    res->content_length(out.body.size());  // HEAD: the length of the body not sent
  } else {
    res->body() = std::move(out.body);
    res->prepare_payload();
  }
  message_ = res;
  stream_.expires_after(server_.options().write_timeout);
  http::async_write(stream_, *res, [self = shared_from_this(), keep](beast::error_code ec, std::size_t) {
    self->message_.reset();
    if (ec) {
      self->status_ = 0;
      return self->close();
    }
    self->finish(keep);
  });
}

// A streamed body: the header, then one chunk per part, then the last chunk.
void Session::write_stream(HttpResponse out) {
  struct Streamed {
    http::response<http::empty_body> res;
    std::optional<http::response_serializer<http::empty_body>> serializer;
  };
  auto s = std::make_shared<Streamed>();
  s->res = http::response<http::empty_body>(static_cast<http::status>(out.status), version_);
  set_common(s->res);
  s->res.set(http::field::content_type, out.content_type);
  for (auto& [name, value] : out.headers) s->res.set(name, value);
  s->res.keep_alive(keep_alive_ && !stopping_ && !server_.stopping());
  s->res.chunked(true);
  s->serializer.emplace(s->res);
  body_stream_ = std::move(out.stream);
  message_ = s;
  stream_.expires_after(server_.options().write_timeout);
  http::async_write_header(stream_, *s->serializer, [self = shared_from_this()](beast::error_code ec, std::size_t) {
    if (ec) return self->close();
    self->next_part();
  });
}

void Session::next_part() {
  part_.clear();
  bool more = false;
  try {
    if (body_stream_) more = body_stream_->next(part_);
  } catch (...) {
    // Headers are gone already: the client sees a truncated stream, never a made-up end.
    status_ = 500;
    return close();
  }
  auto self = shared_from_this();
  stream_.expires_after(server_.options().write_timeout);
  if (part_.empty()) {
    if (more) return net::post(stream_.get_executor(), [self] { self->next_part(); });
    net::async_write(stream_, http::make_chunk_last(), [self](beast::error_code ec, std::size_t) {
      self->body_stream_.reset();
      const bool keep = self->keep_alive_ && !self->stopping_ && !self->server_.stopping();
      self->message_.reset();
      if (ec) return self->close();
      self->finish(keep);
    });
    return;
  }
  net::async_write(stream_, http::make_chunk(net::buffer(part_)), [self, more](beast::error_code ec, std::size_t) {
    if (ec) return self->close();
    if (more) return self->next_part();
    self->part_.clear();
    self->body_stream_.reset();
    self->next_part();  // writes the last chunk
  });
}

void Session::finish(bool keep_alive) {
  const double seconds = std::chrono::duration<double>(Clock::now() - started_).count();
  server_.metrics().record_request(route_, status_, seconds);
  if (!keep_alive) {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    return close();
  }
  wait_for_request();
}

// An answer before the request was read in full (a limit, a timeout, a malformed request):
// the error object, Connection: close, then a short lingering read so the client sees the
// answer instead of a reset, without ever reading the rest of a large body.
void Session::refuse(int status, std::string_view code, std::string_view where, std::string_view message) {
  header_parser_.reset();
  parser_.reset();
  status_ = status;
  if (request_id_.empty()) request_id_ = Api::new_request_id();
  auto res = std::make_shared<http::response<http::string_body>>(static_cast<http::status>(status), version_);
  set_common(*res);
  res->set(http::field::content_type, "application/json");
  res->keep_alive(false);
  res->body() = error_json(code, where, message) + "\n";
  res->prepare_payload();
  message_ = res;
  stream_.expires_after(std::min(server_.options().write_timeout, std::chrono::milliseconds(2000)));
  http::async_write(stream_, *res, [self = shared_from_this()](beast::error_code ec, std::size_t) {
    self->message_.reset();
    const double seconds = std::chrono::duration<double>(Clock::now() - self->started_).count();
    self->server_.metrics().record_request(self->route_, self->status_, seconds);
    if (ec) return self->close();
    self->linger();
  });
}

void Session::linger() {
  beast::error_code ec;
  stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
  lingered_ = 0;
  stream_.expires_after(std::chrono::milliseconds(1000));
  struct Loop {
    std::shared_ptr<Session> self;
    void operator()(beast::error_code e, std::size_t n) {
      self->lingered_ += n;
      if (e || self->lingered_ > (256u << 10)) return self->close();
      self->stream_.async_read_some(net::buffer(self->discard_), std::move(*this));
    }
  };
  stream_.async_read_some(net::buffer(discard_), Loop{shared_from_this()});
}

// --- Server ------------------------------------------------------------------------------

void Server::listen() {
  beast::error_code ec;
  const auto address = net::ip::make_address(options_.host, ec);
  if (ec) throw Error(ErrorCode::invalid_argument, "--host", "not an IP address: " + options_.host + " (地址有误)");
  const tcp::endpoint endpoint(address, options_.port);
  const std::string where = options_.host + ":" + std::to_string(options_.port);
  acceptor_.open(endpoint.protocol(), ec);
  if (!ec) acceptor_.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) acceptor_.bind(endpoint, ec);
  if (!ec) acceptor_.listen(net::socket_base::max_listen_connections, ec);
  if (ec) throw Error(ErrorCode::io_error, where, "cannot listen on " + where + ": " + ec.message() + " (无法监听)");
}

void Server::accept() {
  acceptor_.async_accept(net::make_strand(io_), [this](beast::error_code ec, tcp::socket socket) {
    on_accept(ec, std::move(socket));
  });
}

void Server::on_accept(beast::error_code ec, tcp::socket socket) {
  if (!acceptor_.is_open() || draining_) return;
  if (ec) {
    // Out of descriptors and the like: wait a moment rather than spin.
    stop_timer_.expires_after(std::chrono::milliseconds(50));
    stop_timer_.async_wait([this](beast::error_code) {
      if (!draining_) accept();
    });
    return;
  }
  if (metrics_.connections_open.load() >= static_cast<std::int64_t>(options_.max_connections)) {
    refuse_connection(std::move(socket));
  } else {
    auto session = std::make_shared<Session>(std::move(socket), *this, ++next_id_);
    add(session);
    session->start();
  }
  accept();
}

// Over the connection cap: a short 503 and the connection closed, so a load balancer tries
// another replica instead of waiting.
void Server::refuse_connection(tcp::socket socket) {
  metrics_.connections_rejected.fetch_add(1);
  metrics_.record_request(RouteId::other, 503, 0);
  struct Refusal {
    beast::tcp_stream stream;
    std::string text;
  };
  const std::string body = error_json("unavailable", "connection",
                                      "too many connections; try again shortly (连接数已满，请稍后重试)") + "\n";
  auto r = std::make_shared<Refusal>(Refusal{beast::tcp_stream(std::move(socket)),
                                             "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\n"
                                             "Retry-After: 1\r\nConnection: close\r\nContent-Length: " +
                                                 std::to_string(body.size()) + "\r\n\r\n" + body});
  r->stream.expires_after(std::chrono::milliseconds(1000));
  net::async_write(r->stream, net::buffer(r->text), [r](beast::error_code, std::size_t) {
    beast::error_code ec;
    r->stream.socket().shutdown(tcp::socket::shutdown_send, ec);
    r->stream.close();
  });
}

void Server::wait_for_signal() {
  signals_.async_wait([this](beast::error_code ec, int signal) {
    if (ec) return;
    if (signal == SIGHUP) {
      // Reload all or nothing; reopen the decision log for logrotate.
      if (decision_log_) decision_log_->reopen();
      if (const auto failed = catalogs_.reload()) {
        log_ << "jianzheng serve: SIGHUP: reload failed, the previous catalog keeps serving: " << failed->what()
             << std::endl;
      } else {
        const auto c = catalogs_.current();
        log_ << "jianzheng serve: SIGHUP: reloaded catalog " << c->engine.catalog().id() << " sha256 "
             << c->engine.catalog_sha256() << ", generation " << c->generation << std::endl;
      }
      return wait_for_signal();
    }
    if (draining_) {
      // A second SIGTERM/SIGINT: do not wait for the answers being written.
      for (auto& s : live_sessions()) s->kill();
      io_.stop();
      return;
    }
    begin_stop();
    wait_for_signal();
  });
}

std::vector<std::shared_ptr<Session>> Server::live_sessions() {
  std::vector<std::shared_ptr<Session>> out;
  std::lock_guard<std::mutex> lock(sessions_mutex_);
  for (auto& [id, weak] : sessions_)
    if (auto s = weak.lock()) out.push_back(std::move(s));
  return out;
}

void Server::begin_stop() {
  log_ << "jianzheng serve: stopping: finishing the requests in flight" << std::endl;
  draining_ = true;
  beast::error_code ec;
  acceptor_.close(ec);
  for (auto& s : live_sessions()) s->stop();
  stop_deadline_ = Clock::now() + options_.stop_grace;
  watch_stop();
}

void Server::watch_stop() {
  stop_timer_.expires_after(std::chrono::milliseconds(20));
  stop_timer_.async_wait([this](beast::error_code) {
    const bool empty = live_sessions().empty();
    const auto now = Clock::now();
    if (empty || (killed_ && now >= stop_deadline_)) {
      signals_.cancel();
      io_.stop();
      return;
    }
    if (!killed_ && now >= stop_deadline_) {
      log_ << "jianzheng serve: stop: closing connections still busy after "
           << options_.stop_grace.count() << " ms" << std::endl;
      for (auto& s : live_sessions()) s->kill();
      killed_ = true;
      stop_deadline_ = now + std::chrono::milliseconds(300);
    }
    watch_stop();
  });
}

int Server::run() {
  listen();
  const auto c = catalogs_.current();
  const unsigned threads = thread_count();
  log_ << "jianzheng serve: listening on http://" << options_.host << ":" << acceptor_.local_endpoint().port()
       << " (jianzheng " << version() << ", catalog " << c->engine.catalog().id() << " sha256 "
       << c->engine.catalog_sha256() << ", " << threads << " threads"
       << (decision_log_ ? ", decision log " + options_.decision_log : std::string()) << ")" << std::endl;
  signals_.add(SIGINT);
  signals_.add(SIGTERM);
  signals_.add(SIGHUP);
  wait_for_signal();
  net::post(strand_, [this] { accept(); });
  // A handler that throws (only memory exhaustion can, the API catches the rest) must not take
  // the process down: the thread logs it and goes back to the loop.
  const auto loop = [this] {
    for (;;) {
      try {
        io_.run();
        return;
      } catch (const std::exception& e) {
        log_ << "jianzheng serve: error in the event loop, continuing: " << e.what() << std::endl;
      }
    }
  };
  std::vector<std::thread> pool;
  pool.reserve(threads - 1);
  for (unsigned i = 1; i < threads; ++i) pool.emplace_back(loop);
  loop();
  for (auto& t : pool) t.join();
  const std::size_t lost = decision_log_ ? decision_log_->stop() : 0;
  log_ << "jianzheng serve: stopped" << std::endl;
  return lost ? 1 : 0;  // lines lost from the audit trail are a failure, even on a graceful stop
}

}  // namespace

int run_server(const ServerOptions& options, std::ostream& log) {
  Server server(options, log);
  return server.run();
}

}  // namespace jianzheng::service

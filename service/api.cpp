#include "api.hpp"

#include <time.h>

#include <cstdio>
#include <cstring>
#include <iostream>
#include <map>
#include <optional>
#include <random>

#include "embedded.hpp"
#include "jianzheng/catalog.hpp"
#include "jianzheng/decision.hpp"
#include "jianzheng/engine.hpp"
#include "jianzheng/name_matcher.hpp"
#include "jianzheng/request.hpp"
#include "jianzheng/schedule.hpp"
#include "jianzheng/service_guide.hpp"
#include "jianzheng/version.hpp"
#include "jianzheng/work_calendar.hpp"
#include "json_text.hpp"

namespace jianzheng::service {
namespace {

constexpr const char* kHtml = "text/html; charset=utf-8";

// --- the request target ------------------------------------------------------------------

int hex_digit(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Percent-decodes one path segment or query component ('+' is a space in a query).
std::string decode(std::string_view s, bool plus_is_space) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%') {
      const int hi = i + 2 < s.size() ? hex_digit(s[i + 1]) : -1;
      const int lo = hi >= 0 ? hex_digit(s[i + 2]) : -1;
      if (lo < 0)
        throw Error(ErrorCode::invalid_argument, "target", "bad percent-encoding in the URL (网址编码有误)");
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else if (plus_is_space && s[i] == '+') {
      out += ' ';
    } else {
      out += s[i];
    }
  }
  return out;
}

struct Target {
  std::string_view raw_path;              // before '?', still encoded
  std::vector<std::string> segments;      // decoded, without the empty first one
  std::map<std::string, std::string> query;  // decoded; the first of repeated names wins

  std::optional<std::string> param(const std::string& name) const {
    auto it = query.find(name);
    if (it == query.end()) return std::nullopt;
    return it->second;
  }
};

Target parse_target(std::string_view target) {
  Target t;
  const std::size_t q = target.find('?');
  t.raw_path = target.substr(0, q);
  std::string_view p = t.raw_path;
  if (p.empty() || p.front() != '/')
    throw Error(ErrorCode::invalid_argument, "target", "the request target must be a path (请求路径有误)");
  p.remove_prefix(1);
  for (;;) {
    const std::size_t slash = p.find('/');
    t.segments.push_back(decode(p.substr(0, slash), false));
    if (slash == std::string_view::npos) break;
    p.remove_prefix(slash + 1);
  }
  if (q != std::string_view::npos) {
    std::string_view query = target.substr(q + 1);
    while (!query.empty()) {
      const std::size_t amp = query.find('&');
      const std::string_view pair = query.substr(0, amp);
      const std::size_t eq = pair.find('=');
      std::string name = decode(pair.substr(0, eq), true);
      std::string value = eq == std::string_view::npos ? std::string() : decode(pair.substr(eq + 1), true);
      if (!name.empty()) t.query.emplace(std::move(name), std::move(value));
      if (amp == std::string_view::npos) break;
      query.remove_prefix(amp + 1);
    }
  }
  return t;
}

// The route a target names, and the {id} it carries.
RouteId classify(const Target& t, std::string* id) {
  const auto& s = t.segments;
  const std::size_t n = s.size();
  if (n == 1) {
    if (s[0] == "openapi.json") return RouteId::openapi;
    if (s[0] == "healthz") return RouteId::healthz;
    if (s[0] == "readyz") return RouteId::readyz;
    if (s[0] == "metrics") return RouteId::metrics;
  }
  if (n == 0 || s[0] != "v1") return RouteId::static_file;
  if (n == 2) {
    if (s[1] == "decide") return RouteId::decide;
    if (s[1] == "resolve") return RouteId::resolve;
    if (s[1] == "admit") return RouteId::admit;
    if (s[1] == "supervise") return RouteId::supervise;
    if (s[1] == "items") return RouteId::items;
    if (s[1] == "schedule") return RouteId::schedule;
  }
  if (n == 3) {
    if (s[1] == "decide" && s[2] == "batch") return RouteId::decide_batch;
    if (s[1] == "admin" && s[2] == "reload") return RouteId::admin_reload;
    if (!s[2].empty()) {
      if (id) *id = s[2];
      if (s[1] == "items") return RouteId::item;
      if (s[1] == "guides") return RouteId::guide;
      if (s[1] == "calendar") return RouteId::calendar;
    }
  }
  if (n == 4 && s[1] == "guides" && !s[2].empty() && s[3] == "certificate") {
    if (id) *id = s[2];
    return RouteId::certificate;
  }
  return RouteId::other;
}

bool is_post(RouteId r) noexcept {
  switch (r) {
    case RouteId::decide: case RouteId::decide_batch: case RouteId::resolve: case RouteId::admit:
    case RouteId::supervise: case RouteId::certificate: case RouteId::admin_reload:
      return true;
    default:
      return false;
  }
}

// --- headers -----------------------------------------------------------------------------

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The media type of a Content-Type ("application/json; charset=utf-8" → "application/json"),
// or nothing when it names a charset other than UTF-8 (the library reads UTF-8 only).
std::optional<std::string> media_type(std::string_view content_type) {
  const std::string ct = lower(content_type);
  const std::size_t semi = ct.find(';');
  std::string type(trim(std::string_view(ct).substr(0, semi)));
  if (semi != std::string::npos) {
    std::string_view params = std::string_view(ct).substr(semi + 1);
    while (!params.empty()) {
      const std::size_t next = params.find(';');
      const std::string_view p = trim(params.substr(0, next));
      if (p.substr(0, 8) == "charset=") {
        std::string_view v = p.substr(8);
        if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
        if (v != "utf-8" && v != "utf8") return std::nullopt;
      }
      if (next == std::string_view::npos) break;
      params.remove_prefix(next + 1);
    }
  }
  return type;
}

std::optional<HttpResponse> require_json(const HttpRequest& r) {
  const auto type = media_type(r.content_type);
  if (type && (*type == "application/json" ||
               (type->size() > 5 && type->compare(type->size() - 5, 5, "+json") == 0)))
    return std::nullopt;
  return Api::error(415, "unsupported_media_type", "Content-Type",
                    "send JSON as Content-Type: application/json (UTF-8); got \"" + r.content_type +
                        "\" (请以 application/json 发送)");
}

Language language_of(const Target& t) {
  const auto l = t.param("lang");
  if (!l || *l == "zh") return Language::zh;
  if (*l == "en") return Language::en;
  throw Error(ErrorCode::invalid_argument, "lang", "lang is zh or en, not \"" + *l + "\"");
}

std::optional<Date> date_param(const Target& t, const std::string& name) {
  const auto v = t.param(name);
  if (!v || v->empty()) return std::nullopt;
  return Date::parse(*v, name);
}

Date required_date(const Target& t, const std::string& name) {
  const auto d = date_param(t, name);
  if (!d) throw Error(ErrorCode::invalid_argument, name, "missing query parameter " + name + "=YYYY-MM-DD (缺少日期参数)");
  return *d;
}

bool flag_param(const Target& t, const std::string& name) {
  const auto v = t.param(name);
  if (!v) return false;
  if (v->empty() || *v == "true" || *v == "1" || *v == "yes") return true;
  if (*v == "false" || *v == "0" || *v == "no") return false;
  throw Error(ErrorCode::invalid_argument, name, name + " is true or false, not \"" + *v + "\"");
}

// The request body as one JSON line for the decision log (a BOM and the newlines dropped).
std::string request_for_log(std::string_view body) {
  if (body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);
  return one_line(trim(body));
}

// Local time in China Standard Time (UTC+8), as "2026-11-26T09:30:00.123+08:00".
std::string now_cst() {
  timespec ts{};
  clock_gettime(CLOCK_REALTIME, &ts);
  const time_t shifted = ts.tv_sec + 8 * 3600;
  tm t{};
  gmtime_r(&shifted, &t);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03ld+08:00", t.tm_year + 1900, t.tm_mon + 1,
                t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec, ts.tv_nsec / 1000000);
  return buf;
}

HttpResponse json_response(std::string body, RouteId route) {
  HttpResponse r;
  r.body = std::move(body);
  if (r.body.empty() || r.body.back() != '\n') r.body += '\n';
  r.route = route;
  return r;
}

std::string catalog_json(const Catalogs& c) {
  const Catalog& today = c.engine.catalog();
  std::string out = "{\"id\": " + json_string(today.id()) + ", \"sha256\": " +
                    json_string(c.engine.catalog_sha256()) + ", \"items\": " +
                    std::to_string(today.items().size()) + ", \"guides\": " +
                    std::to_string(c.guides.guides.size()) + ", \"generation\": " +
                    std::to_string(c.generation) + ", \"loaded_at\": " + std::to_string(c.loaded_at) + "}";
  return out;
}

// --- static files ------------------------------------------------------------------------

const char* content_type_for(std::string_view path) {
  const std::size_t dot = path.rfind('.');
  const std::string ext = dot == std::string_view::npos ? std::string() : lower(path.substr(dot + 1));
  if (ext == "html" || ext == "htm") return kHtml;
  if (ext == "css") return "text/css; charset=utf-8";
  if (ext == "js" || ext == "mjs") return "text/javascript; charset=utf-8";
  if (ext == "json") return "application/json";
  if (ext == "svg") return "image/svg+xml";
  if (ext == "png") return "image/png";
  if (ext == "jpg" || ext == "jpeg") return "image/jpeg";
  if (ext == "gif") return "image/gif";
  if (ext == "ico") return "image/x-icon";
  if (ext == "webp") return "image/webp";
  if (ext == "woff2") return "font/woff2";
  if (ext == "woff") return "font/woff";
  if (ext == "txt" || ext == "md") return "text/plain; charset=utf-8";
  if (ext == "pdf") return "application/pdf";
  if (ext == "webmanifest") return "application/manifest+json";
  return "application/octet-stream";
}

// A strong validator per embedded file: FNV-1a 64 of its bytes, computed once.
struct WebFile {
  std::string_view content;
  const char* content_type;
  std::string etag;
};

const std::map<std::string, WebFile, std::less<>>& web_index() {
  static const auto index = [] {
    std::map<std::string, WebFile, std::less<>> m;
    for (const EmbeddedFile& f : web_files()) {
      std::uint64_t h = 1469598103934665603ull;
      for (unsigned char c : f.content) {
        h ^= c;
        h *= 1099511628211ull;
      }
      char etag[24];
      std::snprintf(etag, sizeof etag, "\"%016llx\"", static_cast<unsigned long long>(h));
      m.emplace(std::string(f.path), WebFile{f.content, content_type_for(f.path), etag});
    }
    return m;
  }();
  return index;
}

const std::string& openapi_document() {
  static const std::string doc = [] {
    for (const EmbeddedFile& f : document_files())
      if (f.path == "openapi.json") return std::string(f.content);
    return std::string("{}");
  }();
  return doc;
}

// --- the batch: JSON Lines in, JSON Lines out, in order, streamed -------------------------

}  // namespace

struct Api::Context {
  HttpRequest& request;
  Target target;
  std::string id;                            // the {id} or {question} of the route
  RouteId route = RouteId::other;
  std::shared_ptr<const Catalogs> catalogs;  // taken once: the request finishes on it
  Language language = Language::zh;
};

namespace {

class BatchStream final : public BodyStream {
 public:
  BatchStream(std::shared_ptr<const Catalogs> catalogs, std::string body, Language language,
              std::string request_id, DecisionLog* log, Metrics& metrics, std::size_t per_part,
              std::chrono::milliseconds log_wait)
      : catalogs_(std::move(catalogs)), body_(std::move(body)), language_(language),
        request_id_(std::move(request_id)), log_(log), metrics_(metrics),
        per_part_(per_part ? per_part : 1), log_wait_(log_wait) {
    if (body_.compare(0, 3, "\xEF\xBB\xBF") == 0) pos_ = 3;
  }

  bool next(std::string& out) override {
    std::size_t decided = 0;
    while (pos_ < body_.size() && decided < per_part_) {
      std::size_t end = body_.find('\n', pos_);
      if (end == std::string::npos) end = body_.size();
      std::string_view text(body_.data() + pos_, end - pos_);
      pos_ = end + 1;
      ++line_;
      if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
      if (text.find_first_not_of(" \t") == std::string_view::npos) continue;  // blank: no request
      ++decided;
      decide_line(text, out);
      out += '\n';
    }
    return pos_ < body_.size();
  }

 private:
  void decide_line(std::string_view text, std::string& out) {
    const std::string where = "line " + std::to_string(line_);
    try {
      const Request r = request_from_json(text, where);
      const Decision d = catalogs_->engine.decide(r);
      if (log_) {
        std::string entry = decision_log_line(request_id_, "decide", "/v1/decide/batch", line_,
                                              request_for_log(text), to_string(d.outcome), d.item,
                                              d.deciding_clause(), d.receipt);
        if (!log_->push_wait(std::move(entry), log_wait_)) {
          out += error_json("unavailable", where,
                            "the decision log is not keeping up; this line was not decided (判定日志繁忙，请稍后重试)");
          return;
        }
      }
      metrics_.record_decision(DecisionKind::decide, static_cast<std::size_t>(d.outcome));
      out += to_json(d, language_, true);
    } catch (const Error& e) {
      // As `jianzheng decide --batch`: where reads "line 7 /facts/verifiable".
      std::string at = where;
      const std::string& pointer =
          !e.location().pointer.empty() || !e.location().origin.empty() ? e.location().pointer : e.where();
      if (!pointer.empty() && pointer != where) at += " " + pointer;
      out += to_json(Error(e.code(), at, e.message()));
    }
    while (!out.empty() && out.back() == '\n') out.pop_back();
  }

  std::shared_ptr<const Catalogs> catalogs_;
  std::string body_;
  Language language_;
  std::string request_id_;
  DecisionLog* log_;
  Metrics& metrics_;
  std::size_t per_part_;
  std::chrono::milliseconds log_wait_;
  std::size_t pos_ = 0;
  std::size_t line_ = 0;
};

}  // namespace

// --- Api ---------------------------------------------------------------------------------

Api::Api(ApiOptions options, CatalogHolder& catalogs, DecisionLog* log, Metrics& metrics,
         const std::atomic<bool>& draining)
    : options_(std::move(options)), catalogs_(catalogs), log_(log), metrics_(metrics), draining_(draining) {
  (void)web_index();  // build the validators before the first request
}

std::size_t Api::body_limit(std::string_view target) const noexcept {
  const std::string_view path = target.substr(0, target.find('?'));
  return path == "/v1/decide/batch" ? options_.batch_limit : options_.body_limit;
}

RouteId Api::route_of(std::string_view target) noexcept {
  try {
    return classify(parse_target(target), nullptr);
  } catch (...) {
    return RouteId::other;
  }
}

HttpResponse Api::error(int status, std::string_view code, std::string_view where, std::string_view message) {
  HttpResponse r;
  r.status = status;
  r.body = error_json(code, where, message) + "\n";
  return r;
}

HttpResponse Api::error(int status, const Error& e) {
  HttpResponse r;
  r.status = status;
  r.body = to_json(e) + "\n";
  return r;
}

std::string Api::new_request_id() {
  thread_local std::mt19937_64 rng{std::random_device{}()};
  char buf[40];
  std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(rng()),
                static_cast<unsigned long long>(rng()));
  return buf;
}

bool Api::is_valid_request_id(std::string_view id) noexcept {
  if (id.empty() || id.size() > 128) return false;
  for (char c : id) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '_' || c == ':' || c == '-';
    if (!ok) return false;
  }
  return true;
}

int status_for(ErrorCode code) noexcept {
  switch (code) {
    case ErrorCode::malformed_json:
    case ErrorCode::invalid_utf8:
    case ErrorCode::invalid_argument:
      return 400;
    case ErrorCode::too_large:
      return 413;
    case ErrorCode::io_error:
      return 500;
    default:
      return 422;
  }
}

bool Api::log_line(std::string line, bool wait) const {
  if (!log_) return true;
  return wait ? log_->push_wait(std::move(line), options_.log_wait) : log_->try_push(std::move(line));
}

HttpResponse Api::handle(HttpRequest request) const {
  HttpResponse out;
  RouteId route = RouteId::other;
  try {
    Context c{request, parse_target(request.target), {}, RouteId::other, nullptr, Language::zh};
    c.route = route = classify(c.target, &c.id);
    out = dispatch(c);
  } catch (const Error& e) {
    out = error(status_for(e.code()), e);
  } catch (const std::bad_alloc&) {
    out = error(503, "unavailable", "", "out of memory; try again later (内存不足，请稍后重试)");
  } catch (const std::exception& e) {
    std::cerr << "jianzheng serve: internal error on " << request.method << " " << request.target
              << " (request " << request.request_id << "): " << e.what() << "\n";
    out = error(500, "internal", "", "internal error; the request id is in the server's log (内部错误)");
  }
  out.route = route;
  return out;
}

HttpResponse Api::dispatch(Context& c) const {
  const std::string& id = c.id;
  const bool get = c.request.method == "GET" || c.request.method == "HEAD";
  const bool post = c.request.method == "POST";
  if (c.route == RouteId::other)
    return error(404, "not_found", std::string(c.target.raw_path), "no such endpoint; see /openapi.json (没有此接口)");
  if (c.route == RouteId::admin_reload && options_.admin_token.empty())
    return error(404, "not_found", std::string(c.target.raw_path),
                 "the admin endpoint is off; start the server with --admin-token (管理接口未开启)");
  if (is_post(c.route) ? !post : !get) {
    HttpResponse r = error(405, "method_not_allowed", c.request.method,
                           std::string("use ") + (is_post(c.route) ? "POST" : "GET") + " here (请求方法不支持)");
    r.headers.emplace_back("Allow", is_post(c.route) ? "POST" : "GET, HEAD");
    return r;
  }
  c.language = language_of(c.target);
  if (c.route != RouteId::static_file && c.route != RouteId::healthz && c.route != RouteId::openapi)
    c.catalogs = catalogs_.current();
  switch (c.route) {
    case RouteId::decide: return decide(c);
    case RouteId::decide_batch: return decide_batch(c);
    case RouteId::resolve: return resolve(c);
    case RouteId::admit: return admit(c);
    case RouteId::supervise: return supervise(c);
    case RouteId::items: return items(c);
    case RouteId::item: return item(c, id);
    case RouteId::guide: return guide(c, id);
    case RouteId::certificate: return certificate(c, id);
    case RouteId::calendar: return calendar(c, id);
    case RouteId::schedule: return schedule(c);
    case RouteId::openapi: return json_response(openapi_document(), c.route);
    case RouteId::healthz: return healthz(c);
    case RouteId::readyz: return readyz(c);
    case RouteId::metrics: return metrics(c);
    case RouteId::admin_reload: return admin_reload(c);
    case RouteId::static_file: return static_file(c);
    case RouteId::other: break;
  }
  return error(404, "not_found", std::string(c.target.raw_path), "no such endpoint (没有此接口)");
}

HttpResponse Api::decide(Context& c) const {
  if (auto bad = require_json(c.request)) return std::move(*bad);
  const Request r = request_from_json(c.request.body, "<request>");
  const Decision d = c.catalogs->engine.decide(r);
  if (log_ && !log_line(decision_log_line(c.request.request_id, "decide", "/v1/decide", 0,
                                          request_for_log(c.request.body), to_string(d.outcome), d.item,
                                          d.deciding_clause(), d.receipt),
                        false)) {
    HttpResponse busy = error(503, "unavailable", "decision-log",
                              "the decision log is not keeping up; nothing was decided (判定日志繁忙，请稍后重试)");
    busy.headers.emplace_back("Retry-After", "1");
    return busy;
  }
  metrics_.record_decision(DecisionKind::decide, static_cast<std::size_t>(d.outcome));
  return json_response(to_json(d, c.language, true), c.route);
}

HttpResponse Api::decide_batch(Context& c) const {
  const auto type = media_type(c.request.content_type);
  if (!type || (*type != "application/x-ndjson" && *type != "application/jsonl" && *type != "application/json"))
    return error(415, "unsupported_media_type", "Content-Type",
                 "send JSON Lines as application/x-ndjson, application/jsonl or application/json; got \"" +
                     c.request.content_type + "\" (请以 JSON Lines 发送)");
  HttpResponse r;
  r.content_type = "application/x-ndjson";
  r.stream = std::make_unique<BatchStream>(c.catalogs, std::move(c.request.body), c.language, c.request.request_id, log_,
                                           metrics_, options_.batch_lines_per_part, options_.log_wait);
  return r;
}

HttpResponse Api::resolve(Context& c) const {
  if (auto bad = require_json(c.request)) return std::move(*bad);
  // {"text": …, "date": …}: the request's own reader, so the same errors name the same places.
  const Request r = request_from_json(c.request.body, "<request>");
  if (r.text.empty()) throw Error(ErrorCode::missing_field, "/text", "resolve needs \"text\" (缺少要识别的文字)");
  std::size_t max = 5;
  if (const auto m = c.target.param("max")) {
    char* end = nullptr;
    const long v = std::strtol(m->c_str(), &end, 10);
    if (m->empty() || *end || v < 1 || v > 20)
      throw Error(ErrorCode::invalid_argument, "max", "max is a whole number from 1 to 20, not \"" + *m + "\"");
    max = static_cast<std::size_t>(v);
  }
  return json_response(one_line(to_json(r.text, c.catalogs->engine.matcher(r.date).resolve(r.text, max))), c.route);
}

HttpResponse Api::admit(Context& c) const {
  if (auto bad = require_json(c.request)) return std::move(*bad);
  const Demand demand = demand_from_json(c.request.body, "<request>");
  const Admission a = c.catalogs->engine.admit(demand);
  if (log_ && !log_line(decision_log_line(c.request.request_id, "admit", "/v1/admit", 0,
                                          request_for_log(c.request.body), to_string(a.outcome), a.item,
                                          a.clauses.empty() ? nullptr : a.clauses[0], a.receipt),
                        false))
    return error(503, "unavailable", "decision-log", "the decision log is not keeping up (判定日志繁忙，请稍后重试)");
  metrics_.record_decision(DecisionKind::admit, static_cast<std::size_t>(a.outcome));
  return json_response(to_json(a, c.language, true), c.route);
}

HttpResponse Api::supervise(Context& c) const {
  if (auto bad = require_json(c.request)) return std::move(*bad);
  const Complaint complaint = complaint_from_json(c.request.body, "<request>");
  const Supervision s = c.catalogs->engine.supervise(complaint);
  if (log_ && !log_line(decision_log_line(c.request.request_id, "supervise", "/v1/supervise", 0,
                                          request_for_log(c.request.body), to_string(s.outcome), s.item,
                                          s.clauses.empty() ? nullptr : s.clauses[0], s.receipt),
                        false))
    return error(503, "unavailable", "decision-log", "the decision log is not keeping up (判定日志繁忙，请稍后重试)");
  metrics_.record_decision(DecisionKind::supervise, static_cast<std::size_t>(s.outcome));
  return json_response(to_json(s, c.language, true), c.route);
}

HttpResponse Api::items(Context& c) const {
  return json_response(to_json(c.catalogs->engine.catalog(date_param(c.target, "date"))), c.route);
}

HttpResponse Api::item(Context& c, const std::string& id) const {
  const Catalog& catalog = c.catalogs->engine.catalog(date_param(c.target, "date"));
  const Item* it = catalog.find(id);
  if (!it) it = catalog.find_name(id);
  if (!it)
    return error(404, "unknown_reference", "/v1/items/" + id,
                 "no item \"" + id + "\" in catalog " + catalog.id() +
                     " (清单中没有此事项); POST /v1/resolve finds an item from free text");
  return json_response(to_json(*it), c.route);
}

HttpResponse Api::guide(Context& c, const std::string& id) const {
  const Catalog& catalog = c.catalogs->engine.catalog(date_param(c.target, "date"));
  const Item* it = catalog.find(id);
  if (!it) it = catalog.find_name(id);
  const std::string where = "/v1/guides/" + id;
  if (!it)
    return error(404, "unknown_reference", where, "no item \"" + id + "\" in catalog " + catalog.id() + " (清单中没有此事项)");
  if (it->disposition != Disposition::by_committee) {
    // 二（二）: committees do not issue it, so there is no guide; the route says where to go.
    std::string message = "“" + it->name + "”不由村（社区）出具，没有办事指南 (not issued by committees: no service guide)";
    if (!it->route.empty()) message += "。办事途径 route: " + it->route.text;
    return error(404, "no_guide", where, message);
  }
  const ServiceGuide* g = c.catalogs->guides.find(it->id);
  if (!g)
    return error(404, "no_guide", where,
                 "“" + it->name + "”尚无办事指南 (no guide loaded for item " + it->id + "; start with --guides FILE)");
  const ServiceGuide full = complete_from(*g, *it, catalog.settings());
  const auto format = c.target.param("format");
  const bool html = format ? *format == "html" : c.request.accept.find("text/html") != std::string::npos;
  if (format && *format != "html" && *format != "json")
    throw Error(ErrorCode::invalid_argument, "format", "format is html or json, not \"" + *format + "\"");
  if (html) {
    HttpResponse r = json_response(to_html({full}, full.name + " 办事指南"), c.route);
    r.content_type = kHtml;
    return r;
  }
  return json_response(to_json(full), c.route);
}

HttpResponse Api::certificate(Context& c, const std::string& id) const {
  if (auto bad = require_json(c.request)) return std::move(*bad);
  const Catalog& catalog = c.catalogs->engine.catalog();
  const Item* it = catalog.find(id);
  if (!it) it = catalog.find_name(id);
  const ServiceGuide* g = it ? c.catalogs->guides.find(it->id) : nullptr;
  if (!g)
    return error(404, "no_guide", "/v1/guides/" + id + "/certificate",
                 "no service guide for \"" + id + "\" (没有此事项的办事指南)");
  const ServiceGuide full = complete_from(*g, *it, catalog.settings());
  const std::string text = fill_certificate(full, parse_template_values(c.request.body, "<request>"));
  return json_response("{\"item\": " + json_string(it->id) + ", \"title\": " +
                           json_string(full.certificate_template.title) + ", \"text\": " + json_string(text) + "}",
                       c.route);
}

HttpResponse Api::calendar(Context& c, const std::string& question) const {
  const WorkCalendar& cal = c.catalogs->engine.calendar();
  const Coverage coverage = flag_param(c.target, "weekdays_only") ? Coverage::weekdays_only : Coverage::strict;
  if (question == "add") {
    const Date from = required_date(c.target, "date");
    const auto n = c.target.param("n");
    char* end = nullptr;
    const long v = n ? std::strtol(n->c_str(), &end, 10) : 0;
    if (!n || n->empty() || *end || v < -100000 || v > 100000)
      throw Error(ErrorCode::invalid_argument, "n",
                  "n is a whole number of working days from -100000 to 100000 (工作日数)");
    return json_response(add_working_days_json(cal, from, v, coverage), c.route);
  }
  if (question == "between")
    return json_response(
        working_days_between_json(cal, required_date(c.target, "from"), required_date(c.target, "to"), coverage),
        c.route);
  if (question == "is-working")
    return json_response(is_working_day_json(cal, required_date(c.target, "date"), coverage), c.route);
  if (question == "years") return json_response(calendar_sources_json(cal), c.route);
  return error(404, "not_found", "/v1/calendar/" + question,
               "the calendar answers add, between, is-working and years (没有此接口)");
}

HttpResponse Api::schedule(Context& c) const {
  const Date at = date_param(c.target, "at").value_or(Date::today());
  return json_response(schedule_json(Programme::embedded_default(), at, c.catalogs->engine.calendar()), c.route);
}

HttpResponse Api::healthz(Context& c) const {
  return json_response(std::string("{\"status\": \"ok\", \"version\": ") + json_string(version()) + "}", c.route);
}

HttpResponse Api::readyz(Context& c) const {
  const ReloadStatus s = catalogs_.status();
  const bool draining = draining_.load();
  const bool log_failing = log_ && log_->failing();
  const char* status = draining ? "draining" : log_failing ? "decision_log_failing" : "ready";
  std::string body = std::string("{\"status\": \"") + status + "\", \"catalog\": " + catalog_json(*c.catalogs) +
                     ", \"reload\": {\"ok\": " + std::to_string(s.ok) + ", \"failed\": " + std::to_string(s.failed) +
                     ", \"last_ok\": " + (s.last_ok ? "true" : "false") + ", \"last_error\": " +
                     (s.last_error ? to_json(*s.last_error) : std::string("null")) + "}}";
  HttpResponse r = json_response(std::move(body), c.route);
  if (draining || log_failing) r.status = 503;
  return r;
}

HttpResponse Api::metrics(Context& c) const {
  std::string extra = catalogs_.metrics();
  if (log_) extra += log_->metrics();
  extra += "# HELP jianzheng_build_info The engine version.\n# TYPE jianzheng_build_info gauge\n"
           "jianzheng_build_info{version=" + label_value(version()) + "} 1\n";
  HttpResponse r = json_response(metrics_.render(extra), c.route);
  r.content_type = "text/plain; version=0.0.4; charset=utf-8";
  return r;
}

HttpResponse Api::admin_reload(Context& c) const {
  const std::string expected = "Bearer " + options_.admin_token;
  const std::string& given = c.request.authorization;
  // Compare in constant time over the expected length.
  unsigned char diff = given.size() == expected.size() ? 0 : 1;
  for (std::size_t i = 0; i < expected.size(); ++i)
    diff |= static_cast<unsigned char>(expected[i] ^ (i < given.size() ? given[i] : 0));
  if (diff) {
    HttpResponse r = error(401, "unauthorized", "Authorization",
                           "send Authorization: Bearer <the --admin-token> (管理令牌不正确)");
    r.headers.emplace_back("WWW-Authenticate", "Bearer");
    return r;
  }
  if (const auto failed = catalogs_.reload()) {
    std::cerr << "jianzheng serve: reload failed, the previous catalog keeps serving: " << failed->what() << "\n";
    return error(422, *failed);
  }
  const auto now = catalogs_.current();
  std::cerr << "jianzheng serve: reloaded (admin): catalog " << now->engine.catalog().id() << " sha256 "
            << now->engine.catalog_sha256() << ", generation " << now->generation << "\n";
  return json_response("{\"reloaded\": true, \"catalog\": " + catalog_json(*now) + "}", c.route);
}

HttpResponse Api::static_file(Context& c) const {
  std::string path;
  for (std::size_t i = 0; i < c.target.segments.size(); ++i)
    path += (i ? "/" : "") + c.target.segments[i];
  if (path.empty() || path.back() == '/') path += "index.html";
  const auto& index = web_index();
  auto it = index.find(path);
  if (it == index.end())
    return error(404, "not_found", std::string(c.target.raw_path), "no such page (没有此页面)");
  HttpResponse r;
  r.route = c.route;
  r.content_type = it->second.content_type;
  r.headers.emplace_back("ETag", it->second.etag);
  r.headers.emplace_back("Cache-Control", "no-cache");
  if (!c.request.if_none_match.empty() && c.request.if_none_match.find(it->second.etag) != std::string::npos) {
    r.status = 304;
    return r;
  }
  r.body.assign(it->second.content);
  return r;
}

std::string decision_log_line(std::string_view request_id, std::string_view kind, std::string_view route,
                              std::size_t line, std::string_view request_json, std::string_view outcome,
                              const Item* item, const Clause* clause, const Receipt& receipt) {
  std::string out;
  out.reserve(512 + request_json.size());
  out += "{\"time\": \"" + now_cst() + "\", \"request_id\": ";
  append_json_string(out, request_id);
  out += ", \"kind\": ";
  append_json_string(out, kind);
  out += ", \"route\": ";
  append_json_string(out, route);
  if (line) out += ", \"line\": " + std::to_string(line);
  out += ", \"request\": ";
  out += request_json.empty() ? std::string_view("null") : request_json;
  out += ", \"outcome\": ";
  append_json_string(out, outcome);
  out += ", \"item\": ";
  if (item) append_json_string(out, item->id);
  else out += "null";
  out += ", \"clause\": ";
  if (clause) {
    out += "{\"id\": ";
    append_json_string(out, clause->id);
    out += ", \"path\": ";
    append_json_string(out, clause->path);
    out += "}";
  } else {
    out += "null";
  }
  out += ", \"receipt\": {\"catalog\": ";
  append_json_string(out, receipt.catalog);
  out += ", \"catalog_sha256\": ";
  append_json_string(out, receipt.catalog_sha256);
  out += ", \"engine\": ";
  append_json_string(out, receipt.engine);
  out += ", \"as_of\": \"" + receipt.as_of.to_string() + "\"}}\n";
  return out;
}

}  // namespace jianzheng::service

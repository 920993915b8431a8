#include "metrics.hpp"

#include <cstdio>

#include "jianzheng/decision.hpp"

namespace jianzheng::service {

const char* route_label(RouteId r) noexcept {
  switch (r) {
    case RouteId::decide: return "/v1/decide";
    case RouteId::decide_batch: return "/v1/decide/batch";
    case RouteId::resolve: return "/v1/resolve";
    case RouteId::admit: return "/v1/admit";
    case RouteId::supervise: return "/v1/supervise";
    case RouteId::items: return "/v1/items";
    case RouteId::item: return "/v1/items/{id}";
    case RouteId::guide: return "/v1/guides/{id}";
    case RouteId::certificate: return "/v1/guides/{id}/certificate";
    case RouteId::calendar: return "/v1/calendar/{question}";
    case RouteId::schedule: return "/v1/schedule";
    case RouteId::openapi: return "/openapi.json";
    case RouteId::healthz: return "/healthz";
    case RouteId::readyz: return "/readyz";
    case RouteId::metrics: return "/metrics";
    case RouteId::admin_reload: return "/v1/admin/reload";
    case RouteId::static_file: return "static";
    case RouteId::other: return "other";
  }
  return "other";
}

std::size_t Metrics::status_index(int status) noexcept {
  for (std::size_t i = 0; i + 1 < kStatuses; ++i)
    if (statuses[i] == status) return i;
  return kStatuses - 1;
}

void Metrics::record_request(RouteId route, int status, double seconds) noexcept {
  RouteCounters& c = routes_[static_cast<std::size_t>(route)];
  c.by_status[status_index(status)].fetch_add(1, std::memory_order_relaxed);
  std::size_t b = 0;
  while (b < buckets.size() && seconds > buckets[b]) ++b;
  c.histogram[b].fetch_add(1, std::memory_order_relaxed);
  const double micros = seconds > 0 ? seconds * 1e6 : 0.0;
  c.micros_sum.fetch_add(static_cast<std::uint64_t>(micros), std::memory_order_relaxed);
}

void Metrics::record_decision(DecisionKind kind, std::size_t outcome) noexcept {
  switch (kind) {
    case DecisionKind::decide:
      if (outcome < decide_.size()) decide_[outcome].fetch_add(1, std::memory_order_relaxed);
      break;
    case DecisionKind::admit:
      if (outcome < admit_.size()) admit_[outcome].fetch_add(1, std::memory_order_relaxed);
      break;
    case DecisionKind::supervise:
      if (outcome < supervise_.size()) supervise_[outcome].fetch_add(1, std::memory_order_relaxed);
      break;
  }
}

std::string label_value(std::string_view v) {
  std::string out = "\"";
  for (char c : v) {
    if (c == '\\') out += "\\\\";
    else if (c == '"') out += "\\\"";
    else if (c == '\n') out += "\\n";
    else out += c;
  }
  return out + "\"";
}

namespace {

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

void head(std::string& out, const char* name, const char* type, const char* help) {
  out += "# HELP ";
  out += name;
  out += ' ';
  out += help;
  out += "\n# TYPE ";
  out += name;
  out += ' ';
  out += type;
  out += '\n';
}

}  // namespace

std::string Metrics::render(std::string_view extra) const {
  std::string out;
  out.reserve(16384);
  head(out, "jianzheng_http_requests_total", "counter", "HTTP requests answered, by route and status.");
  for (std::size_t r = 0; r < route_count; ++r) {
    for (std::size_t s = 0; s < kStatuses; ++s) {
      const std::uint64_t n = routes_[r].by_status[s].load(std::memory_order_relaxed);
      if (n == 0) continue;
      out += "jianzheng_http_requests_total{route=\"";
      out += route_label(static_cast<RouteId>(r));
      out += "\",status=\"";
      out += statuses[s] ? std::to_string(statuses[s]) : std::string("other");
      out += "\"} " + std::to_string(n) + "\n";
    }
  }
  head(out, "jianzheng_http_request_duration_seconds", "histogram",
       "Time from a request's header to its response's last byte, by route.");
  for (std::size_t r = 0; r < route_count; ++r) {
    const RouteCounters& c = routes_[r];
    std::uint64_t cumulative = 0;
    std::array<std::uint64_t, kBuckets> counts{};
    for (std::size_t b = 0; b < kBuckets; ++b) counts[b] = c.histogram[b].load(std::memory_order_relaxed);
    std::uint64_t total = 0;
    for (auto n : counts) total += n;
    if (total == 0) continue;
    const std::string label = std::string("route=\"") + route_label(static_cast<RouteId>(r)) + "\"";
    for (std::size_t b = 0; b < kBuckets; ++b) {
      cumulative += counts[b];
      out += "jianzheng_http_request_duration_seconds_bucket{" + label + ",le=\"" +
             (b < buckets.size() ? number(buckets[b]) : std::string("+Inf")) + "\"} " +
             std::to_string(cumulative) + "\n";
    }
    out += "jianzheng_http_request_duration_seconds_sum{" + label + "} " +
           number(static_cast<double>(c.micros_sum.load(std::memory_order_relaxed)) / 1e6) + "\n";
    out += "jianzheng_http_request_duration_seconds_count{" + label + "} " + std::to_string(total) + "\n";
  }
  head(out, "jianzheng_decisions_total", "counter", "Answers given, by kind (decide, admit, supervise) and outcome.");
  for (std::size_t i = 0; i < decide_.size(); ++i)
    out += std::string("jianzheng_decisions_total{kind=\"decide\",outcome=\"") +
           to_string(static_cast<Outcome>(i)) + "\"} " +
           std::to_string(decide_[i].load(std::memory_order_relaxed)) + "\n";
  for (std::size_t i = 0; i < admit_.size(); ++i)
    out += std::string("jianzheng_decisions_total{kind=\"admit\",outcome=\"") +
           to_string(static_cast<AdmissionOutcome>(i)) + "\"} " +
           std::to_string(admit_[i].load(std::memory_order_relaxed)) + "\n";
  for (std::size_t i = 0; i < supervise_.size(); ++i)
    out += std::string("jianzheng_decisions_total{kind=\"supervise\",outcome=\"") +
           to_string(static_cast<SupervisionOutcome>(i)) + "\"} " +
           std::to_string(supervise_[i].load(std::memory_order_relaxed)) + "\n";
  head(out, "jianzheng_connections_open", "gauge", "Client connections open now.");
  out += "jianzheng_connections_open " + std::to_string(connections_open.load()) + "\n";
  head(out, "jianzheng_connections_total", "counter", "Client connections accepted.");
  out += "jianzheng_connections_total " + std::to_string(connections_total.load()) + "\n";
  head(out, "jianzheng_connections_rejected_total", "counter",
       "Connections answered 503 and closed because the connection cap was reached.");
  out += "jianzheng_connections_rejected_total " + std::to_string(connections_rejected.load()) + "\n";
  head(out, "jianzheng_connections_timed_out_total", "counter",
       "Connections closed because a request did not arrive in full within the read timeout.");
  out += "jianzheng_connections_timed_out_total " + std::to_string(timeouts.load()) + "\n";
  head(out, "jianzheng_connections_idle_closed_total", "counter",
       "Keep-alive connections closed after the idle timeout.");
  out += "jianzheng_connections_idle_closed_total " + std::to_string(idle_closed.load()) + "\n";
  out += extra;
  return out;
}

}  // namespace jianzheng::service

// `jianzheng serve`: the HTTP service (service/, docs/service.md). This file only reads the
// command line into ServerOptions and starts the server.
#ifdef JIANZHENG_WITH_SERVICE
#include <signal.h>
#include <sys/resource.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>

#include "cli.hpp"
#include "jianzheng/error.hpp"
#include "server.hpp"

namespace jianzheng::cli {
namespace {

// "1048576", "64K", "1M", "2G" (binary units) → bytes.
std::size_t size_arg(const Args& args, const std::string& name, std::size_t fallback) {
  const auto v = args.value(name);
  if (!v) return fallback;
  char* end = nullptr;
  const double n = std::strtod(v->c_str(), &end);
  double unit = 1;
  const std::string rest = end ? std::string(end) : std::string();
  if (rest == "K" || rest == "k" || rest == "KiB") unit = 1024;
  else if (rest == "M" || rest == "m" || rest == "MiB") unit = 1024.0 * 1024;
  else if (rest == "G" || rest == "g" || rest == "GiB") unit = 1024.0 * 1024 * 1024;
  else if (!rest.empty() || v->empty()) unit = 0;
  const double bytes = n * unit;
  if (unit == 0 || !(bytes >= 1) || bytes > 16.0 * 1024 * 1024 * 1024)
    throw Error(ErrorCode::invalid_argument, "--" + name,
                "--" + name + " takes a size such as 1048576, 64K or 1M; got \"" + *v + "\"");
  return static_cast<std::size_t>(bytes);
}

// Seconds, possibly fractional ("0.5", "30") → milliseconds.
std::chrono::milliseconds seconds_arg(const Args& args, const std::string& name, std::chrono::milliseconds fallback) {
  const auto v = args.value(name);
  if (!v) return fallback;
  char* end = nullptr;
  const double s = std::strtod(v->c_str(), &end);
  if (v->empty() || (end && *end) || !(s > 0) || s > 86400)
    throw Error(ErrorCode::invalid_argument, "--" + name,
                "--" + name + " takes seconds, e.g. 10 or 0.5; got \"" + *v + "\"");
  return std::chrono::milliseconds(static_cast<long long>(std::llround(s * 1000)));
}

long count_arg(const Args& args, const std::string& name, long fallback, long low, long high) {
  const auto v = args.value(name);
  if (!v) return fallback;
  char* end = nullptr;
  const long n = std::strtol(v->c_str(), &end, 10);
  if (v->empty() || (end && *end) || n < low || n > high)
    throw Error(ErrorCode::invalid_argument, "--" + name,
                "--" + name + " takes a whole number from " + std::to_string(low) + " to " + std::to_string(high) +
                    "; got \"" + *v + "\"");
  return n;
}

std::string token_from_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::io_error, path, "cannot read the admin token file " + path + " (无法读取令牌文件)");
  std::string token((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  while (!token.empty() && (token.back() == '\n' || token.back() == '\r' || token.back() == ' ')) token.pop_back();
  if (token.empty()) throw Error(ErrorCode::invalid_value, path, "the admin token file is empty (令牌文件为空)");
  return token;
}

int run(const Args& args) {
  if (!args.positional.empty())
    throw Error(ErrorCode::invalid_argument, "serve", "serve takes options only; see jianzheng serve --help");
  service::ServerOptions o;
  if (auto h = args.value("host")) o.host = *h;
  o.port = static_cast<std::uint16_t>(count_arg(args, "port", 8080, 0, 65535));
  o.threads = static_cast<unsigned>(count_arg(args, "threads", 0, 0, 256));
  o.sources.catalog_files = args.all("catalog");
  if (auto g = args.value("guides")) o.sources.guides_file = *g;
  o.sources.example = args.has("example");
  if (auto l = args.value("decision-log")) o.decision_log = *l;
  o.decision_log_queue = static_cast<std::size_t>(count_arg(args, "decision-log-queue", 65536, 1, 10000000));
  o.api.body_limit = size_arg(args, "body-limit", o.api.body_limit);
  o.api.batch_limit = size_arg(args, "batch-limit", o.api.batch_limit);
  o.header_limit = size_arg(args, "header-limit", o.header_limit);
  o.read_timeout = seconds_arg(args, "read-timeout", o.read_timeout);
  o.idle_timeout = seconds_arg(args, "idle-timeout", o.idle_timeout);
  o.write_timeout = seconds_arg(args, "write-timeout", o.write_timeout);
  o.max_connections = static_cast<std::size_t>(count_arg(args, "max-connections", 1000, 1, 1000000));
  o.stop_grace = seconds_arg(args, "stop-grace", o.stop_grace);
  if (o.stop_grace > std::chrono::milliseconds(4500))
    throw Error(ErrorCode::invalid_argument, "--stop-grace", "--stop-grace is at most 4.5 s: the stop takes under 5 s");
  if (auto t = args.value("admin-token")) o.api.admin_token = *t;
  if (auto f = args.value("admin-token-file")) o.api.admin_token = token_from_file(*f);
  if (args.value("admin-token") && args.value("admin-token-file"))
    throw Error(ErrorCode::invalid_argument, "--admin-token", "give --admin-token or --admin-token-file, not both");

  // Each connection is a descriptor: raise the soft limit to the hard one, and say so when the
  // cap cannot be reached.
  rlimit nofile{};
  if (getrlimit(RLIMIT_NOFILE, &nofile) == 0 && nofile.rlim_cur < nofile.rlim_max) {
    nofile.rlim_cur = nofile.rlim_max;
    setrlimit(RLIMIT_NOFILE, &nofile);
  }
  if (getrlimit(RLIMIT_NOFILE, &nofile) == 0 && nofile.rlim_cur != RLIM_INFINITY &&
      nofile.rlim_cur < o.max_connections + 64)
    std::cerr << "jianzheng serve: note: the descriptor limit (" << nofile.rlim_cur
              << ") is below --max-connections + 64; raise LimitNOFILE\n";
  signal(SIGPIPE, SIG_IGN);
  return service::run_server(o, std::cerr);
}

}  // namespace

JIANZHENG_COMMAND((Command{
    "serve", "HTTP 服务：JSON 接口、判定日志、指标与热加载", "HTTP service: JSON API, decision log, metrics, reloads",
    "用法 usage: jianzheng serve [选项 options]\n\n"
    "  --host ADDR              监听地址 address to bind (default 127.0.0.1)\n"
    "  --port N                 端口 port (default 8080; 0 = a free port, printed at start)\n"
    "  --threads N              线程数 threads (default: the hardware's)\n"
    "  --catalog FILE           清单文件，可重复，叠加方式同命令行 catalog layers, as the CLI takes them\n"
    "  --guides FILE            办事指南文件 service guides file\n"
    "  --example                内置示例县清单与办事指南 the built-in example county list and guides\n"
    "  --decision-log FILE      判定日志（每个判定一行 JSON）append one JSON line per decision\n"
    "  --decision-log-queue N   日志队列行数 lines queued before answers get 503 (default 65536)\n"
    "  --admin-token TOKEN      开启 POST /v1/admin/reload (Authorization: Bearer TOKEN)\n"
    "  --admin-token-file FILE  同上，令牌从文件读取 the same, the token read from a file\n"
    "  --body-limit SIZE        请求体上限 body limit (default 1M)\n"
    "  --batch-limit SIZE       批量请求体上限 /v1/decide/batch body limit (default 64M)\n"
    "  --header-limit SIZE      请求头上限 request line and headers (default 16K)\n"
    "  --read-timeout SECONDS   请求须在此时间内到齐 a request must arrive within (default 10)\n"
    "  --idle-timeout SECONDS   长连接空闲上限 keep-alive idle limit (default 60)\n"
    "  --write-timeout SECONDS  响应写出上限 per response or part (default 10)\n"
    "  --max-connections N      连接数上限，超出回 503 open connections at most (default 1000)\n"
    "  --stop-grace SECONDS     停止时等待进行中请求 in-flight grace on SIGTERM (default 4, at most 4.5)\n\n"
    "信号 signals: SIGHUP 重新加载清单（全部成功才生效）并重开判定日志 reloads the catalog (all or\n"
    "  nothing) and reopens the decision log; SIGTERM/SIGINT 平稳停止 graceful stop, exit 0 within 5 s.\n"
    "接口 API: GET /openapi.json; docs/service.md.",
    {"host", "port", "threads", "catalog", "guides", "decision-log", "decision-log-queue", "admin-token",
     "admin-token-file", "body-limit", "batch-limit", "header-limit", "read-timeout", "idle-timeout",
     "write-timeout", "max-connections", "stop-grace"},
    {"example"},
    run}));

}  // namespace jianzheng::cli
#endif  // JIANZHENG_WITH_SERVICE

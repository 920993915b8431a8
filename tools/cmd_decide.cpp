// `jianzheng decide`: what the committee does with a request for a certificate, and why, in
// the policy's own words (docs/design.md §4). For people: arguments in, a readable answer out. For
// programs: --json --request FILE|- (one Decision) or --json --batch FILE|- (JSON Lines in,
// JSON Lines out, in order; a bad line gives an error object and the run goes on).
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <sstream>
#include <string>

#include "../src/file_io.hpp"
#include "cli.hpp"
#include "jianzheng/catalog.hpp"
#include "jianzheng/decision.hpp"
#include "jianzheng/engine.hpp"
#include "jianzheng/error.hpp"
#include "jianzheng/request.hpp"

namespace {

using namespace jianzheng;

Engine engine_for(const cli::Args& args) {
  const auto files = args.all("catalog");
  if (files.empty()) return Engine();
  return Engine(load_catalog_layers(files));
}

// {"error": {"code", "where", "message"}} on one line; `where` reads "line 7 /facts/verifiable".
std::string error_line(const Error& e, std::size_t line) {
  std::string where = "line " + std::to_string(line);
  const std::string pointer = !e.location().pointer.empty() || !e.location().origin.empty()
                                  ? e.location().pointer
                                  : e.where();
  if (!pointer.empty()) where += " " + pointer;
  return to_json(Error(e.code(), where, e.message()));
}

// A progress bar on stderr, only when stderr is a terminal; without a known total (standard
// input) it counts.
class Progress {
 public:
  explicit Progress(std::size_t total) : total_(total), tty_(isatty(STDERR_FILENO) == 1) {}
  bool shown() const { return tty_; }
  void set_total(std::size_t total) { total_ = total; }
  void tick(std::size_t done) {
    if (!tty_ || (done % 1024 != 0 && done != total_)) return;
    const int width = 40;
    const int filled = total_ ? static_cast<int>(width * std::min(done, total_) / total_) : 0;
    std::fprintf(stderr, "\r[%s%s] %zu/%zu", std::string(filled, '#').c_str(),
                 std::string(width - filled, ' ').c_str(), done, total_);
    if (done == total_) std::fputc('\n', stderr);
  }
  void finish(std::size_t done) {
    if (tty_ && done != total_) std::fprintf(stderr, "\r%zu\n", done);
  }

 private:
  std::size_t total_;
  bool tty_;
};

// JSON Lines from a file or standard input, a buffer at a time: memory stays bounded however
// long the input is (a pipe from zcat), and one line holds at most one request (1 MiB).
class LineReader {
 public:
  LineReader(int fd, std::string origin) : fd_(fd), origin_(std::move(origin)) {}
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;
  ~LineReader() {
    if (fd_ > STDIN_FILENO) ::close(fd_);
  }

  // The next line without its line end; false at the end. A line over the limit comes back
  // empty with `too_long` set, and reading goes on after it.
  bool next(std::string& line, bool& too_long) {
    line.clear();
    too_long = false;
    for (;;) {
      const std::size_t nl = buffer_.find('\n', pos_);
      if (nl != std::string::npos) {
        take(line, too_long, nl - pos_);
        pos_ = nl + 1;
        return true;
      }
      take(line, too_long, buffer_.size() - pos_);
      buffer_.clear();
      pos_ = 0;
      if (!fill()) return !line.empty() || too_long;
    }
  }

 private:
  void take(std::string& line, bool& too_long, std::size_t n) {
    if (too_long) return;
    if (line.size() + n > cli::max_request_bytes) {
      too_long = true;
      line.clear();
      return;
    }
    line.append(buffer_, pos_, n);
  }
  bool fill() {
    char chunk[1 << 16];
    for (;;) {
      const ssize_t n = ::read(fd_, chunk, sizeof chunk);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0)
        throw Error(ErrorCode::io_error, origin_, "cannot read " + origin_ + ": " + std::strerror(errno) + " (无法读取)");
      buffer_.assign(chunk, static_cast<std::size_t>(n));
      return n > 0;
    }
  }

  int fd_;
  std::string origin_;
  std::string buffer_;
  std::size_t pos_ = 0;
};

// Lines in a regular file, for the progress bar's total; 0 when unknown (a pipe).
std::size_t count_lines(const std::string& path) {
  if (path == "-") return 0;
  LineReader reader(detail::open_for_reading(path), path);
  std::string line;
  bool too_long = false;
  std::size_t n = 0;
  while (reader.next(line, too_long)) ++n;
  return n;
}

int run_batch(const Engine& engine, const std::string& path, Language lang) {
  LineReader reader(path == "-" ? STDIN_FILENO : detail::open_for_reading(path),
                    path == "-" ? "<stdin>" : path);
  Progress progress(0);
  if (progress.shown()) progress.set_total(count_lines(path));
  std::string out, input;
  std::size_t line = 0, errors = 0;
  bool too_long = false;
  while (reader.next(input, too_long)) {
    ++line;
    std::string_view text = input;
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    if (!too_long && text.find_first_not_of(" \t") == std::string_view::npos) {
      progress.tick(line);
      continue;  // blank lines are not requests
    }
    try {
      if (too_long)
        throw Error(ErrorCode::too_large, std::string(),
                    "a request line is longer than " + std::to_string(cli::max_request_bytes / 1024 / 1024) +
                        " MiB, the limit for one request (请求过大)");
      const Request r = request_from_json(text, "line " + std::to_string(line));
      out += to_json(engine.decide(r), lang, true);
    } catch (const Error& e) {
      out += error_line(e, line);
      ++errors;
    }
    out += '\n';
    if (out.size() > (1u << 16)) {
      std::cout << out;
      out.clear();
      if (!std::cout) break;  // stdout failed (a full disk): stop reading; main reports exit 4
    }
    progress.tick(line);
  }
  progress.finish(line);
  std::cout << out << std::flush;
  return errors ? cli::bad_input : cli::ok;
}

void print_human(const Decision& d, Language lang) {
  const bool zh = lang == Language::zh;
  if (d.item)
    std::cout << d.item->name << " (" << d.item->id << ")\n";
  else
    std::cout << (zh ? "（未匹配到证明事项）" : "(no item matched)") << "\n";
  std::cout << (zh ? "结论: " : "outcome: ") << describe(d.outcome, lang) << " [" << to_string(d.outcome) << "]\n";
  std::cout << (zh ? "依据:\n" : "clauses:\n");
  for (const Clause* c : d.clauses) std::cout << "  " << c->path << " [" << c->id << "] " << c->text << "\n";
  if (d.carve_out) std::cout << (zh ? "除外情形: " : "carve-out: ") << d.carve_out->scenario << "\n";
  if (d.route) {
    std::cout << (zh ? "办事途径: " : "route: ") << d.route->text << "\n";
    for (const RouteNote& n : d.route->notes)  // later changes by public law, in force that day
      if (n.validity.contains(d.receipt.as_of))
        std::cout << (zh ? "  注: " : "  note: ") << n.text << " (" << n.source << ")\n";
  }
  if (!d.steps.empty()) {
    std::cout << (zh ? "出具前须:\n" : "steps first:\n");
    for (Step s : d.steps) std::cout << "  - " << describe(s, lang) << " [" << clause_of(s) << "]\n";
  }
  for (Flag f : d.flags) std::cout << (zh ? "标记: " : "flag: ") << to_string(f) << "\n";
  if (d.time_limit) {
    std::cout << (zh ? "时限: " : "time limit: ");
    if (d.time_limit->kind == TimeLimitKind::on_the_spot) {
      std::cout << (zh ? "当场办结" : "on the spot");
    } else {
      std::cout << d.time_limit->working_days << (zh ? " 个工作日" : " working days");
      if (d.time_limit->due) std::cout << (zh ? "，截至 " : ", due ") << d.time_limit->due->to_string();
      if (d.time_limit->note) std::cout << " (" << d.time_limit->note << ")";
    }
    std::cout << "\n";
  }
  if (!d.open_questions.empty()) {
    std::cout << (zh ? "待确认:\n" : "open questions:\n");
    for (const OpenQuestion& q : d.open_questions)
      std::cout << "  - " << to_string(q.fact) << " (" << describe(q.fact, lang) << ") → "
                << to_string(q.outcome_if_yes) << "\n";
  }
  std::cout << (zh ? "说明: " : "explanation: ") << explain(d, lang) << "\n";
  std::cout << (zh ? "判定过程:\n" : "trace:\n");
  for (const TraceEntry& t : d.trace)
    std::cout << "  " << (t.fired ? "* " : "- ") << to_string(t.rule) << ": " << (zh ? t.why : t.why_en) << "\n";
  std::cout << (zh ? "清单: " : "catalog: ") << d.receipt.catalog << " sha256 " << d.receipt.catalog_sha256
            << " @ " << d.receipt.as_of.to_string() << "\n";
}

// --fact NAME=VALUE, every one, for completion.
std::vector<std::string> fact_words() {
  std::vector<std::string> words;
  for (Fact f : all_facts)
    for (const char* v : {"yes", "no", "unknown"}) words.push_back(std::string(to_string(f)) + "=" + v);
  return words;
}

int run(const cli::Args& args) {
  Language lang = Language::zh;
  if (auto l = args.value("lang")) {
    if (*l == "en") lang = Language::en;
    else if (*l != "zh") throw Error(ErrorCode::invalid_argument, "--lang", "--lang is zh or en, not " + *l);
  }
  const Engine engine = engine_for(args);
  if (auto batch = args.value("batch")) return run_batch(engine, *batch, lang);

  Request r;
  if (auto file = args.value("request")) {
    r = request_from_json(cli::read_input(*file, cli::max_request_bytes), *file == "-" ? "<stdin>" : *file);
  } else {
    if (args.positional.size() != 1)
      throw Error(ErrorCode::invalid_argument, "TEXT_OR_ID",
                  "give one certificate name or item id (请给出一个证明名称或事项编号)");
    if (auto d = args.value("date")) r.date = cli::date_argument(*d, "--date");
    const std::string& what = args.positional[0];
    // An item id of the catalog in force is taken as the id, anything else as free text.
    if (engine.catalog(r.date).find(what)) r.item = what; else r.text = what;
    if (auto p = args.value("purpose")) r.purpose = *p;
    for (const std::string& f : args.all("fact")) {
      const auto eq = f.find('=');
      const auto fact = fact_from_string(f.substr(0, eq));
      const auto value = eq == std::string::npos ? std::nullopt : tri_from_string(f.substr(eq + 1));
      if (!fact || !value)
        throw Error(ErrorCode::invalid_argument, "--fact",
                    "--fact takes NAME=yes|no|unknown with NAME one of within_duties, verifiable, "
                    "transitional_need, public_interest, legal_risk; got " + f);
      r.facts.set(*fact, *value);
    }
    for (const std::string& b : args.all("basis")) r.bases.push_back(parse_basis(b));
  }
  const Decision d = engine.decide(r);
  if (args.json)
    std::cout << to_json(d, lang);
  else
    print_human(d, lang);
  return is_issuing(d.outcome) ? cli::ok : cli::negative;
}

}  // namespace

JIANZHENG_COMMAND((jianzheng::cli::Command{
    "decide", "判定是否出具证明，并给出依据条款", "decide whether the committee issues a certificate, citing the clauses",
    "用法 usage:\n"
    "  jianzheng decide [--json] [--purpose 用途] [--fact NAME=yes|no|unknown]... [--basis 依据]...\n"
    "                   [--date YYYY-MM-DD] [--lang zh|en] [--catalog FILE]... 证明名称或编号 TEXT_OR_ID\n"
    "  jianzheng decide --json --request FILE|-     一个请求 JSON → 一个结论 JSON (docs/design.md §8)\n"
    "  jianzheng decide --json --batch FILE|-       JSON Lines 请求 → JSON Lines 结论，按顺序\n\n"
    "事实 facts: within_duties 职责范围, verifiable 能够核实, transitional_need 过渡期仍需,\n"
    "  public_interest 公共利益, legal_risk 法律风险; 未给出的为 unknown（按“否”判定并列为待确认）.\n"
    "--batch: 坏行输出 {\"error\": {\"code\", \"where\", \"message\"}} 并继续; stderr 为终端时显示进度.\n"
    "退出码 exit: 0 出具 issue, 1 不予出具 refuse; --batch: 0, or 3 when any line was bad.",
    {"purpose", "fact", "basis", "date", "lang", "catalog", "request", "batch"},
    {},
    run, {}, {"catalog", "request", "batch"}, {{"lang", {"zh", "en"}}, {"fact", fact_words()}},
    cli::Operands::items}));

// The jianzheng command line as a program: exit codes as docs/cli.md documents them for every
// subcommand, errors as JSON under --json, every output checked (a full disk or /dev/full is
// exit 4, never a silent success), bounded reads, and `--` ending the options.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "jianzheng/date.hpp"
#include "jianzheng/error.hpp"
#include "jianzheng/work_calendar.hpp"
#include "support.hpp"

namespace fs = std::filesystem;
using jianzheng::test::slurp;
using jianzheng::test::spit;
using jianzheng::test::TempDir;

namespace {

const std::string kSource = JIANZHENG_SOURCE_DIR;
const std::string kData = std::string(JIANZHENG_TEST_DATA_DIR) + "/";

struct Run {
  int code = -1;
  std::string out, err;
};

struct Options {
  std::string stdin_text;
  std::string stdout_path;               // instead of capturing: e.g. /dev/full
  std::function<void()> in_child;        // e.g. a resource limit
};

// Runs the CLI with `args`: stdin from a file, stdout and stderr through pipes (so that a
// resource limit set in the child does not cut what the test reads); at most 60 s.
Run cli(const std::vector<std::string>& args, const Options& options = {}) {
  TempDir io;
  const std::string in = io.file("stdin");
  spit(in, options.stdin_text);
  int out_pipe[2], err_pipe[2];
  REQUIRE(::pipe(out_pipe) == 0);
  REQUIRE(::pipe(err_pipe) == 0);
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    const int i = ::open(in.c_str(), O_RDONLY);
    const int o = options.stdout_path.empty() ? out_pipe[1] : ::open(options.stdout_path.c_str(), O_WRONLY);
    if (i < 0 || o < 0) _exit(127);
    ::dup2(i, 0);
    ::dup2(o, 1);
    ::dup2(err_pipe[1], 2);
    ::close(out_pipe[0]);
    ::close(err_pipe[0]);
    if (options.in_child) options.in_child();
    std::vector<char*> argv{const_cast<char*>(JIANZHENG_CLI)};
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    if (::chdir(kSource.c_str()) != 0) _exit(127);
    ::execv(JIANZHENG_CLI, argv.data());
    _exit(127);
  }
  ::close(out_pipe[1]);
  ::close(err_pipe[1]);
  Run r;
  pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
  std::string* sinks[2] = {&r.out, &r.err};
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  int open_fds = 2;
  while (open_fds > 0) {
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(pid, SIGKILL);
      break;
    }
    if (::poll(fds, 2, 100) < 0) break;
    for (int k = 0; k < 2; ++k) {
      if (fds[k].fd < 0 || !(fds[k].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      char buf[65536];
      const ssize_t n = ::read(fds[k].fd, buf, sizeof buf);
      if (n > 0) {
        sinks[k]->append(buf, static_cast<std::size_t>(n));
      } else {
        ::close(fds[k].fd);
        fds[k].fd = -1;
        --open_fds;
      }
    }
  }
  for (auto& f : fds)
    if (f.fd >= 0) ::close(f.fd);
  int status = 0;
  ::waitpid(pid, &status, 0);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return r;
}

std::size_t lines(const std::string& s) { return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n')); }

}  // namespace

// --- exit codes, every subcommand (docs/cli.md "Exit codes") -------------------------------

TEST_CASE("Issue 15: every subcommand exits with the codes docs/cli.md documents", "[cli]") {
  const std::string bad_catalog = kData + "catalog/invalid_unknown_enum_channel.json";
  const std::string county = kData + "catalog/valid_county_layer.json";
  struct Case {
    std::vector<std::string> args;
    int code;
    std::string stdin_text;
  };
  const std::vector<Case> cases{
      // items / show: 0 done, 1 a warning found / no such item, 2 usage, 3 bad data, 4 I/O.
      {{"items"}, 0, ""},
      {{"items", "--check", "--catalog", county}, 1, ""},
      {{"items", "extra"}, 2, ""},
      {{"items", "--date", "2021-02-30"}, 2, ""},
      {{"items", "--catalog", bad_catalog}, 3, ""},
      {{"items", "--catalog", "/no/such/layer.json"}, 4, ""},
      {{"show", "marital-status"}, 0, ""},
      {{"show", "no-such-item"}, 1, ""},
      {{"show", "--json", "no-such-item"}, 1, ""},
      {{"show"}, 2, ""},
      {{"show", "--catalog", bad_catalog, "kinship"}, 3, ""},
      {{"show", "--catalog", kData, "kinship"}, 4, ""},  // a directory
      // resolve: 1 nothing plausible.
      {{"resolve", "单身证明"}, 0, ""},
      {{"resolve", "居住证明"}, 1, ""},
      {{"resolve"}, 2, ""},
      {{"resolve", "--catalog", bad_catalog, "x"}, 3, ""},
      {{"resolve", "--catalog", "/no/such.json", "x"}, 4, ""},
      // decide: 0 issue, 1 refuse (附件1 第8项).
      {{"decide", "--purpose", "办理不动产登记", "--fact", "within_duties=yes", "--fact", "verifiable=yes", "kinship"}, 0, ""},
      {{"decide", "单身证明"}, 1, ""},
      {{"decide", "--date", "2021-02-30", "单身证明"}, 2, ""},
      {{"decide", "--fact", "verifiable=maybe", "kinship"}, 2, ""},
      {{"decide", "--request", "-"}, 3, "{\"item\": \"kinship\", \"facts\": {\"verifiable\": \"maybe\"}}"},
      {{"decide", "--batch", "-"}, 3, "{not json\n"},
      {{"decide", "--request", "/no/such/request.json"}, 4, ""},
      // calendar: 1 not a working day (2021-10-01 国庆节).
      {{"calendar", "is-working", "2021-10-08"}, 0, ""},
      {{"calendar", "is-working", "2021-10-01"}, 1, ""},
      {{"calendar", "add", "2021-01-01", "three"}, 2, ""},
      {{"calendar", "add", "2021-01-01", "1000001"}, 2, ""},
      {{"calendar", "add", "2030-01-02", "1"}, 3, ""},  // date_not_covered
      {{"calendar", "--calendar", kData + "time/calendar/invalid_unknown_enum_type.json", "years"}, 3, ""},
      {{"calendar", "--calendar", "/no/such.json", "years"}, 4, ""},
      // schedule: 1 a unit late or missing.
      {{"schedule", "--at", "2021-01-01"}, 0, ""},
      {{"schedule", "status", "--submissions", kData + "time/submissions-example.json", "--at", "2021-06-01"}, 1, ""},
      {{"schedule", "--at", "2021-13-01"}, 2, ""},
      {{"schedule", "--programme", kData + "time/programme/invalid_duplicate_id_phase.json"}, 3, ""},
      {{"schedule", "--programme", "/no/such.json"}, 4, ""},
      // survey: no negative answer.
      {{"survey", "validate", kData + "survey/valid_gb18030.csv"}, 0, ""},
      {{"survey"}, 2, ""},
      {{"survey", "validate", kData + "survey/invalid_invalid_value_stray_quote.csv"}, 3, ""},
      {{"survey", "validate", "/no/such.csv"}, 4, ""},
      // guide: 1 no guide (not by committee) or --check found gaps.
      {{"guide", "--example", "--list"}, 0, ""},
      {{"guide", "marital-status"}, 1, ""},
      {{"guide", "no-such-item"}, 1, ""},
      {{"guide", "--example", "kinship-notarization", "--fill", "x=1"}, 3, ""},  // a placeholder left unfilled
      {{"guide"}, 2, ""},
      {{"guide", "--guides", kData + "guides/invalid_duplicate_id_guides.json", "--check"}, 3, ""},
      {{"guide", "--guides", "/no/such.json", "--check"}, 4, ""},
      // complaints: 1 some demand unreasonable (二（三）6).
      {{"complaints", "-"}, 0,
       R"({"complaints": [{"body": "县公证处", "body_kind": "public_institution", "demanded": "亲属关系证明", "purpose": "办理公证"}]})"},
      {{"complaints", kData + "complaints/valid_complaints.json"}, 1, ""},
      {{"complaints"}, 2, ""},
      {{"complaints", kData + "complaints/invalid_missing_field_body.csv"}, 3, ""},
      {{"complaints", "/no/such.json"}, 4, ""},
      // diff: 1 a 四（四） pattern flagged.
      {{"diff", kData + "diff/v1.json", kData + "diff/v1.json"}, 0, ""},
      {{"diff", kData + "diff/v1.json", kData + "diff/v2.json"}, 1, ""},
      {{"diff", kData + "diff/v1.json"}, 2, ""},
      {{"diff", kData + "diff/v1.json", bad_catalog}, 3, ""},
      {{"diff", kData + "diff/v1.json", "/no/such.json"}, 4, ""},
      // serve: no negative answer; it fails before it listens (port 0: never a fixed port).
      {{"serve", "--port", "99999"}, 2, ""},
      {{"serve", "--port", "0", "--catalog", bad_catalog}, 3, ""},
      {{"serve", "--port", "0", "--catalog", "/no/such.json"}, 4, ""},
      // the program itself
      {{"no-such-command"}, 2, ""},
      {{}, 2, ""},
      {{"--version"}, 0, ""},
  };
  for (const auto& c : cases) {
    std::string line;
    for (const auto& a : c.args) line += " " + a;
    INFO("jianzheng" << line);
    const Run r = cli(c.args, {c.stdin_text, "", {}});
    CHECK(r.code == c.code);
    if (c.code >= 2 && !c.args.empty() && c.args != std::vector<std::string>{"decide", "--batch", "-"}) {
      // One line on stderr a clerk can act on.
      INFO(r.err);
      CHECK(lines(r.err) == 1);
      CHECK(r.err.rfind("jianzheng", 0) == 0);
    }
  }
}

TEST_CASE("Issue 15: decide --date 2021-02-30 is a usage error (exit 2), with the date's own code", "[cli]") {
  const Run r = cli({"decide", "--json", "--date", "2021-02-30", "单身证明"});
  CHECK(r.code == 2);
  CHECK(r.out == "{\"error\": {\"code\": \"invalid_date\", \"where\": \"--date\", \"message\": \"--date expects a real day as "
                 "YYYY-MM-DD, got \\\"2021-02-30\\\" (日期无效)\"}}\n");
}

TEST_CASE("A bad date in a request file is bad input (exit 3), not a usage error", "[cli]") {
  const Run r = cli({"decide", "--request", kData + "decisions/invalid_invalid_date_feb30.json"});
  CHECK(r.code == 3);
  CHECK(r.err.find("invalid_date") != std::string::npos);
}

TEST_CASE("Issue 15: --help after -- is an argument, not a request for help", "[cli]") {
  Run r = cli({"resolve", "--", "--help"});
  CHECK(r.code == 1);  // "--help" is the text to resolve, and nothing matches it
  CHECK(r.out.find("用法 usage") == std::string::npos);
  CHECK(r.out.find("--help") != std::string::npos);
  r = cli({"resolve", "--help", "--", "x"});
  CHECK(r.code == 0);
  CHECK(r.out.find("用法 usage") != std::string::npos);
}

// --- errors as JSON -----------------------------------------------------------------------

TEST_CASE("Issue 15: with --json an error is one JSON object on stdout, and one line on stderr", "[cli]") {
  struct Case {
    std::vector<std::string> args;
    int code;
    std::string json_code;
  };
  for (const Case& c : std::vector<Case>{
           {{"items", "--json", "--bogus"}, 2, "invalid_argument"},
           {{"no-such-command", "--json"}, 2, "invalid_argument"},
           {{"show", "--json"}, 2, "invalid_argument"},
           {{"survey", "validate", "--json", kData + "survey/invalid_invalid_value_stray_quote.csv"}, 3, "invalid_value"},
           {{"items", "--json", "--catalog", "/no/such.json"}, 4, "io_error"},
       }) {
    const Run r = cli(c.args);
    INFO(r.out << r.err);
    CHECK(r.code == c.code);
    CHECK(r.out.rfind("{\"error\": {\"code\": \"" + c.json_code + "\"", 0) == 0);
    CHECK(lines(r.out) == 1);
    CHECK(lines(r.err) == 1);
  }
  // Without --json stdout stays empty; after "--" a "--json" is an argument.
  CHECK(cli({"items", "--bogus"}).out.empty());
  CHECK(cli({"show", "--", "--json"}).out.empty());
}

// --- every output checked ----------------------------------------------------------------

TEST_CASE("Issue 12: stdout writes are checked: jianzheng items > /dev/full exits 4", "[cli]") {
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"items"}, {"items", "--json"}, {"--help"}, {"decide", "--json", "--batch", "-"}}) {
    Options o;
    o.stdout_path = "/dev/full";
    for (int i = 0; i < 3000; ++i) o.stdin_text += "{\"item\": \"kinship\"}\n";  // past one buffer
    const Run r = cli(args, o);
    INFO(args.front() << ": " << r.err);
    CHECK(r.code == 4);
    CHECK(r.err.find("<stdout>") != std::string::npos);
    CHECK(r.err.find("No space left on device") != std::string::npos);
  }
}

TEST_CASE("Issue 12: a file output on a full disk exits 4 naming the path and keeps the old file", "[cli]") {
  TempDir dir;
  const std::string csv = dir.file("table.csv"), xlsx = dir.file("table.xlsx"), layer = dir.file("layer.json");
  spit(csv, "old csv");
  spit(xlsx, "old xlsx");
  spit(layer, "old layer");
  Options o;
  o.in_child = [] {
    std::signal(SIGXFSZ, SIG_IGN);
    rlimit limit{200, 200};
    ::setrlimit(RLIMIT_FSIZE, &limit);
  };
  const std::string survey = kData + "survey/valid_utf8_title_and_blank_rows.csv";
  for (const auto& [args, path] : std::vector<std::pair<std::vector<std::string>, std::string>>{
           {{"survey", "export", "--csv", csv, survey}, csv},
           {{"survey", "export", "--xlsx", xlsx, survey}, xlsx},
           {{"survey", "merge", "--layer", layer, survey}, layer},
       }) {
    const Run r = cli(args, o);
    INFO(r.err);
    CHECK(r.code == 4);
    CHECK(r.err.find(path) != std::string::npos);
  }
  CHECK(slurp(csv) == "old csv");
  CHECK(slurp(xlsx) == "old xlsx");
  CHECK(slurp(layer) == "old layer");
  CHECK(dir.names() == std::vector<std::string>{"layer.json", "table.csv", "table.xlsx"});
}

TEST_CASE("Issue 12: an output to /dev/full given as a path exits 4", "[cli]") {
  const Run r = cli({"schedule", "--svg", "--output", "/dev/full", "--at", "2021-01-01"});
  CHECK(r.code == 4);
  CHECK(r.err.find("/dev/full") != std::string::npos);
}

TEST_CASE("Outputs replace the old file whole", "[cli]") {
  TempDir dir;
  const std::string out = dir.file("chart.svg");
  spit(out, std::string(100000, 'x'));  // longer than the chart
  const Run r = cli({"schedule", "--svg", "--output", out, "--at", "2021-01-01"});
  CHECK(r.code == 0);
  const std::string svg = slurp(out);
  CHECK(svg.find("<svg") != std::string::npos);
  CHECK(svg.find('x' + std::string(50, 'x')) == std::string::npos);
  CHECK(dir.names() == std::vector<std::string>{"chart.svg"});
}

// --- bounded reads ---------------------------------------------------------------------------

TEST_CASE("Issue 12: a directory given as a file exits 4 naming it, not 70", "[cli]") {
  for (const std::vector<std::string>& args : {std::vector<std::string>{"survey", "validate", kData},
                                               {"decide", "--request", kData, "x"},
                                               {"complaints", kData},
                                               {"items", "--catalog", kData}}) {
    const Run r = cli(args);
    INFO(r.err);
    CHECK(r.code == 4);
    CHECK(r.err.find(kData) != std::string::npos);
    CHECK(r.err.find("is a directory") != std::string::npos);
  }
}

TEST_CASE("Issue 12: /dev/zero given as a file is refused as too_large", "[cli]") {
  for (const std::vector<std::string>& args : {std::vector<std::string>{"survey", "validate", "/dev/zero"},
                                               {"decide", "--request", "/dev/zero"},
                                               {"items", "--catalog", "/dev/zero"}}) {
    const Run r = cli(args);
    INFO(r.err);
    CHECK(r.code == 3);
    CHECK(r.err.find("too_large at /dev/zero") != std::string::npos);
  }
}

TEST_CASE("decide --batch streams: a line over 1 MiB is an error line and the run goes on", "[cli]") {
  Options o;
  o.stdin_text = "{\"item\": \"kinship\"}\n{\"text\": \"" + std::string(1100000, 'a') + "\"}\n{\"item\": \"birth\"}\n";
  const Run r = cli({"decide", "--json", "--batch", "-"}, o);
  CHECK(r.code == 3);
  REQUIRE(lines(r.out) == 3);
  CHECK(r.out.find("{\"error\": {\"code\": \"too_large\", \"where\": \"line 2\"") != std::string::npos);
  CHECK(r.out.rfind("\"item\"", 0) == std::string::npos);
}

// --- calendar limits agree with the library ----------------------------------------------------

TEST_CASE("Issue 12: calendar add D 1000000 and the library agree on the limit", "[cli][calendar]") {
  using jianzheng::Date;
  using jianzheng::WorkCalendar;
  const auto& cal = WorkCalendar::embedded_default();
  const Date d = Date::from_ymd(2021, 1, 1);
  // One limit, |N| <= 1 000 000, in both; the CLI leaves the check to the library.
  const Date far = cal.add_working_days(d, 1000000, jianzheng::Coverage::weekdays_only);
  Run r = cli({"calendar", "--weekdays-only", "--json", "add", "2021-01-01", "1000000"});
  CHECK(r.code == 0);
  CHECK(r.out.find("\"" + far.to_string() + "\"") != std::string::npos);
  CHECK_THROWS_AS(cal.add_working_days(d, 1000001, jianzheng::Coverage::weekdays_only), jianzheng::Error);
  r = cli({"calendar", "--weekdays-only", "add", "2021-01-01", "1000001"});
  CHECK(r.code == 2);
  CHECK(r.err.find("at most 1000000") != std::string::npos);
  r = cli({"calendar", "--weekdays-only", "add", "2021-01-01", "-99999999999999999999"});
  CHECK(r.code == 2);
  CHECK(r.err.find("\"-99999999999999999999\" working days is out of range") != std::string::npos);  // as typed
  // An answer past the year 9999 is refused, not an invalid date.
  try {
    (void)cal.add_working_days(Date::from_ymd(9000, 1, 1), 1000000, jianzheng::Coverage::weekdays_only);
    FAIL("no error");
  } catch (const jianzheng::Error& e) {
    CHECK(e.code() == jianzheng::ErrorCode::invalid_argument);
  }
  CHECK(cli({"calendar", "--weekdays-only", "add", "9000-01-01", "1000000"}).code == 2);
}

// --- the man page and the bash completion (issue 15) ----------------------------------------

namespace {

// Each --help text, by command, as the program prints it.
std::vector<std::pair<std::string, std::string>> command_helps() {
  std::vector<std::pair<std::string, std::string>> out;
  const std::string top = cli({"--help"}).out;
  std::size_t at = top.find("命令 commands:\n");
  REQUIRE(at != std::string::npos);
  std::istringstream lines(top.substr(at));
  std::string line;
  std::getline(lines, line);
  while (std::getline(lines, line) && !line.empty()) {
    if (line.size() < 3 || line[2] == ' ') continue;  // the English line under each command
    const std::string name = line.substr(2, line.find(' ', 2) - 2);
    out.emplace_back(name, cli({name, "--help"}).out);
  }
  return out;
}

// The `--name` tokens of a text.
std::set<std::string> option_tokens(const std::string& text) {
  std::set<std::string> out;
  for (std::size_t i = text.find("--"); i != std::string::npos; i = text.find("--", i + 2)) {
    std::size_t j = i + 2;
    while (j < text.size() && ((text[j] >= 'a' && text[j] <= 'z') || (text[j] >= '0' && text[j] <= '9') ||
                               (text[j] == '-' && j > i + 2)))
      ++j;
    if (j > i + 2 && (i == 0 || text[i - 1] != '-')) out.insert(text.substr(i, j - i));
  }
  return out;
}

// COMPREPLY of the generated completion for the words typed so far (the last is completed).
std::vector<std::string> complete(const std::vector<std::string>& words) {
  std::string script = "source '" + std::string(JIANZHENG_BASH_COMPLETION) + "'\nCOMP_WORDS=('" + JIANZHENG_CLI + "'";
  for (const auto& w : words) script += " '" + w + "'";
  script += ")\nCOMP_CWORD=" + std::to_string(words.size()) + "\n_jianzheng\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n";
  TempDir dir;
  spit(dir.file("complete.sh"), script);
  FILE* pipe = ::popen(("bash '" + dir.file("complete.sh") + "' 2>&1").c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::string out;
  char buf[4096];
  while (std::size_t n = std::fread(buf, 1, sizeof buf, pipe)) out.append(buf, n);
  ::pclose(pipe);
  std::vector<std::string> replies;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) replies.push_back(line);
  return replies;
}

bool has(const std::vector<std::string>& v, const std::string& x) { return std::find(v.begin(), v.end(), x) != v.end(); }

}  // namespace

TEST_CASE("Issue 15: the man page is the --help text in roff and renders without warnings", "[cli][man]") {
  const std::string page = slurp(JIANZHENG_MAN_PAGE);
  REQUIRE(!page.empty());
  CHECK(page == cli({"--man-page"}).out);  // what the build wrote is what the program says now
  TempDir dir;
  const std::string warnings = dir.file("warnings"), text = dir.file("page.txt");
  const std::string groff = "LC_ALL=C.UTF-8 groff -k -man -Tutf8 -ww -P-cbou '" + std::string(JIANZHENG_MAN_PAGE) + "'";
  REQUIRE(std::system((groff + " > '" + text + "' 2> '" + warnings + "'").c_str()) == 0);
  CHECK(slurp(warnings).empty());
  const std::string rendered = slurp(text);
  for (const auto& [name, help] : command_helps()) {
    INFO(name);
    CHECK(rendered.find("jianzheng " + name) != std::string::npos);
    // Every line of the command's usage, as printed (trailing spaces aside).
    std::istringstream lines(help);
    for (std::string line; std::getline(lines, line);) {
      while (!line.empty() && line.back() == ' ') line.pop_back();
      if (line.empty() || line.rfind("jianzheng " + name + " — ", 0) == 0 || line.rfind("          ", 0) == 0) continue;
      INFO(line);
      CHECK(rendered.find(line) != std::string::npos);
    }
  }
  for (const char* section : {"NAME", "SYNOPSIS", "DESCRIPTION", "COMMANDS", "EXIT STATUS", "FILES"})
    CHECK(rendered.find(std::string("\n") + section + "\n") != std::string::npos);
  for (const char* code : {"\n       0      完成", "\n       2      用法错误", "\n       70     内部错误"})
    CHECK(rendered.find(code) != std::string::npos);
}

TEST_CASE("Issue 15: bash completion offers the subcommands, their options, values, files and item ids",
          "[cli][completion]") {
  REQUIRE(slurp(JIANZHENG_BASH_COMPLETION) == cli({"--bash-completion"}).out);
  const auto helps = command_helps();
  auto all = complete({""});
  for (const auto& [name, help] : helps) CHECK(has(all, name));
  CHECK(complete({"de"}) == std::vector<std::string>{"decide"});
  // Every option a command's --help names is offered after "--".
  for (const auto& [name, help] : helps) {
    const auto offered = complete({name, "--"});
    for (const auto& option : option_tokens(help)) {
      INFO(name << " " << option);
      CHECK(has(offered, option));
    }
  }
  CHECK(complete({"decide", "--la"}) == std::vector<std::string>{"--lang"});
  CHECK(complete({"decide", "--lang", ""}) == std::vector<std::string>{"zh", "en"});
  CHECK(complete({"decide", "--fact", "verif"}) ==
        std::vector<std::string>{"verifiable=yes", "verifiable=no", "verifiable=unknown"});
  CHECK(complete({"survey", ""}) == std::vector<std::string>{"validate", "merge", "export"});
  CHECK(complete({"calendar", "--weekdays-only", "is"}) == std::vector<std::string>{"is-working"});
  // Item ids, from the catalog in force — with the --catalog files already typed.
  CHECK(complete({"show", "kin"}) == std::vector<std::string>{"kinship"});
  const std::string county = kData + "catalog/valid_county_layer.json";
  const auto county_ids = complete({"guide", "--catalog", county, ""});
  CHECK(county_ids.size() > complete({"guide", ""}).size());
  CHECK(complete({"show", "--catalog", "=", county, "kin"}) == std::vector<std::string>{"kinship"});
  // Files where the command reads files, for options and operands.
  const std::string prefix = kData + "survey/valid_gb";
  CHECK(complete({"survey", "validate", prefix}) == std::vector<std::string>{kData + "survey/valid_gb18030.csv"});
  CHECK(complete({"items", "--catalog", kData + "catalog/valid_min"}) ==
        std::vector<std::string>{kData + "catalog/valid_minimal_layer.json"});
  // After "--" nothing is an option.
  CHECK(complete({"resolve", "--", "--j"}).empty());
}

TEST_CASE("items --ids lists the ids of the catalog in force, one per line", "[cli]") {
  const Run r = cli({"items", "--ids"});
  CHECK(r.code == 0);
  CHECK(r.out.rfind("kinship\n", 0) == 0);
  CHECK(lines(r.out) == 20);  // 附件1: twenty items
}

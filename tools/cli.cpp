#include "cli.hpp"

#include <unistd.h>

#include <cerrno>
#include <streambuf>

#include <iostream>

#include "../src/file_io.hpp"
#include "../src/json/json_string.hpp"
#include "jianzheng/error.hpp"
#include "jianzheng/version.hpp"

namespace jianzheng::cli {

std::optional<std::string> Args::value(const std::string& name) const {
  auto it = values.find(name);
  if (it == values.end()) return std::nullopt;
  return it->second;
}

std::vector<std::string> Args::all(const std::string& name) const {
  std::vector<std::string> out;
  auto range = values.equal_range(name);
  for (auto it = range.first; it != range.second; ++it) out.push_back(it->second);
  return out;
}

namespace {
std::map<std::string, Command>& registry() {
  static std::map<std::string, Command> r;
  return r;
}
}  // namespace

bool register_command(Command command) {
  std::string name = command.name;
  registry().emplace(std::move(name), std::move(command));
  return true;
}

const std::map<std::string, Command>& commands() { return registry(); }

const std::vector<ExitCode>& exit_codes() {
  static const std::vector<ExitCode> codes{
      {ok, "完成", "ok", "Done; for a question with a yes/no answer, the answer is yes."},
      {negative, "否定答复", "negative answer", "Done, and the answer is \"no\" where the command says so."},
      {usage, "用法错误", "usage", "A bad command line: unknown command or option, missing argument, a bad value typed on it."},
      {bad_input, "输入数据错误", "bad input", "Bad data in a file or on standard input; the message names what and where."},
      {io_failure, "读写失败", "I/O", "A file could not be read or written (standard output included)."},
      {internal, "内部错误", "internal", "A bug: please report it with the command line."},
  };
  return codes;
}

std::string program_help() {
  std::string s = "jianzheng " + std::string(version()) +
                  " — 基层群众性自治组织出具证明事项的判定工具\n"
                  "          decision logic for community certificates (减证便民)\n\n"
                  "用法 usage: jianzheng <命令 command> [--json] [选项 options] [参数 arguments]\n"
                  "       jianzheng <命令 command> --help\n"
                  "       jianzheng --version\n\n"
                  "命令 commands:\n";
  for (const auto& [name, cmd] : commands()) {
    const std::string pad(name.size() < 10 ? 10 - name.size() : 1, ' ');
    s += "  " + name + pad + cmd.summary_zh + "\n  " + std::string(name.size(), ' ') + pad + cmd.summary_en + "\n";
  }
  s += "\n默认输出供人阅读；加 --json 输出供程序读取的 JSON。\n"
       "Output is for people by default; --json prints JSON for programs.\n"
       "退出码 exit codes:";
  const auto& codes = exit_codes();
  for (std::size_t i = 0; i < codes.size(); ++i)
    s += std::string(i == 3 ? ",\n " : i ? "," : "") + " " + std::to_string(codes[i].code) + " " + codes[i].zh + " " +
         codes[i].en;
  return s + ".\n";
}

std::string command_help(const Command& cmd) {
  return "jianzheng " + cmd.name + " — " + cmd.summary_zh + "\n          " + cmd.summary_en + "\n\n" + cmd.usage + "\n";
}

void print_error(const std::string& command, const std::string& message) {
  std::cerr << "jianzheng" << (command.empty() ? "" : " " + command) << ": 错误 error: " << message
            << "\n";
}

namespace {
class CheckedStdout : public std::streambuf {
 public:
  CheckedStdout() { setp(buffer_, buffer_ + sizeof buffer_); }
  int error() const { return error_; }
  int sync() override { return drain() ? 0 : -1; }

 protected:
  int_type overflow(int_type c) override {
    if (!drain()) return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }

 private:
  bool drain() {
    const char* p = pbase();
    std::size_t n = static_cast<std::size_t>(pptr() - pbase());
    setp(buffer_, buffer_ + sizeof buffer_);
    while (n > 0 && !error_) {
      const ssize_t w = ::write(STDOUT_FILENO, p, n);
      if (w < 0 && errno == EINTR) continue;
      if (w <= 0) {
        error_ = w < 0 ? errno : EIO;
        break;
      }
      p += w;
      n -= static_cast<std::size_t>(w);
    }
    return !error_;
  }

  char buffer_[1 << 16];
  int error_ = 0;
};

// Never destroyed: std::cout is flushed once more by the library at exit, after function
// statics are gone, so the buffer must outlive every static (and finish_stdout puts the
// original back anyway).
CheckedStdout& checked_stdout() {
  static CheckedStdout* buffer = new CheckedStdout;
  return *buffer;
}
std::streambuf* original_stdout = nullptr;
}  // namespace

void install_checked_stdout() { original_stdout = std::cout.rdbuf(&checked_stdout()); }

int finish_stdout() {
  std::cout.flush();
  const int error = checked_stdout().error() ? checked_stdout().error() : std::cout ? 0 : EIO;
  if (original_stdout) std::cout.rdbuf(original_stdout);
  std::cout.clear();
  return error;
}

void report_error(const std::string& command, const Error& e, bool json) {
  print_error(command, e.what());
  if (json) std::cout << to_json(e) << "\n";  // the project's error object, structured where
}

void report_internal_error(const std::string& command, const std::string& what, bool json) {
  const std::string message = "internal error (内部错误): " + what;
  print_error(command, message);
  // "internal" is not an ErrorCode: the same object as the C ABI writes for a bug.
  if (json)
    std::cout << "{\"error\": {\"code\": \"internal\", \"where\": \"\", \"message\": "
              << detail::json_string(message) << "}}\n";
}

Date date_argument(const std::string& text, const std::string& option) {
  if (auto d = Date::try_parse(text)) return *d;
  throw ArgumentError(ErrorCode::invalid_date, option,
                      option + " expects a real day as YYYY-MM-DD, got \"" + text + "\" (日期无效)");
}

const std::size_t max_file_bytes = detail::kMaxFileBytes;
const std::size_t max_request_bytes = detail::kMaxInputBytes;

std::string read_input(const std::string& path, std::size_t max_bytes) {
  if (path == "-") return detail::read_fd(STDIN_FILENO, "<stdin>", max_bytes);
  return detail::read_file(path, max_bytes);
}

void write_output(const std::string& path, std::string_view bytes) {
  if (path == "-") {
    std::cout.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return;  // checked with every other write to stdout when the command ends (main.cpp)
  }
  detail::write_file(path, bytes);
}

}  // namespace jianzheng::cli

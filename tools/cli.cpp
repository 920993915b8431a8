#include "cli.hpp"

#include <unistd.h>

#include <cerrno>
#include <streambuf>

#include <iostream>

#include "../src/file_io.hpp"
#include "../src/json/json_string.hpp"
#include "jianzheng/error.hpp"

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

CheckedStdout& checked_stdout() {
  static CheckedStdout buffer;
  return buffer;
}
}  // namespace

void install_checked_stdout() { std::cout.rdbuf(&checked_stdout()); }

int finish_stdout() {
  std::cout.flush();
  if (const int e = checked_stdout().error()) return e;
  return std::cout ? 0 : EIO;
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

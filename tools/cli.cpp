#include "cli.hpp"

#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

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

std::string read_input(const std::string& path) {
  if (path == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    return ss.str();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::io_error, path, "cannot open file " + path + " (无法打开文件)");
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace jianzheng::cli

// jianzheng: the command line. `jianzheng --help` lists the subcommands; each one prints
// for people by default and JSON with --json. Exit codes are in cli.hpp and docs/cli.md.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "../src/file_io.hpp"
#include "cli.hpp"
#include "jianzheng/error.hpp"
#include "jianzheng/version.hpp"

namespace {

using namespace jianzheng::cli;

void print_help() {
  std::cout << "jianzheng " << jianzheng::version()
            << " — 基层群众性自治组织出具证明事项的判定工具\n"
               "          decision logic for community certificates (减证便民)\n\n"
               "用法 usage: jianzheng <命令 command> [--json] [选项 options] [参数 arguments]\n"
               "       jianzheng <命令 command> --help\n"
               "       jianzheng --version\n\n"
               "命令 commands:\n";
  for (const auto& [name, cmd] : commands()) {
    std::string pad(name.size() < 10 ? 10 - name.size() : 1, ' ');
    std::cout << "  " << name << pad << cmd.summary_zh << "\n"
              << "  " << std::string(name.size(), ' ') << pad << cmd.summary_en << "\n";
  }
  std::cout << "\n默认输出供人阅读；加 --json 输出供程序读取的 JSON。\n"
               "Output is for people by default; --json prints JSON for programs.\n"
               "退出码 exit codes: 0 完成 ok, 1 否定答复 negative answer, 2 用法错误 usage,\n"
               "  3 输入数据错误 bad input, 4 读写失败 I/O, 70 内部错误 internal.\n";
}

void print_command_help(const Command& cmd) {
  std::cout << "jianzheng " << cmd.name << " — " << cmd.summary_zh << "\n"
            << "          " << cmd.summary_en << "\n\n"
            << cmd.usage << "\n";
}

// Parses argv after the subcommand name against the command's declared options; throws
// ArgumentError(invalid_argument) for an unknown option or a missing value.
Args parse(const Command& cmd, int argc, char** argv, int start) {
  Args args;
  bool only_positional = false;
  for (int i = start; i < argc; ++i) {
    std::string a = argv[i];
    if (only_positional || a == "-" || a.size() < 2 || a.compare(0, 2, "--") != 0) {
      args.positional.push_back(a);
      continue;
    }
    if (a == "--") {
      only_positional = true;
      continue;
    }
    std::string name = a.substr(2), value;
    bool has_value = false;
    if (auto eq = name.find('='); eq != std::string::npos) {
      value = name.substr(eq + 1);
      name.erase(eq);
      has_value = true;
    }
    if (name == "json" && !has_value) {
      args.json = true;
    } else if (cmd.value_options.count(name)) {
      if (!has_value) {
        if (i + 1 >= argc)
          throw ArgumentError(jianzheng::ErrorCode::invalid_argument, "--" + name,
                              "--" + name + " needs a value (缺少取值)");
        value = argv[++i];
      }
      args.values.emplace(name, value);
    } else if (cmd.flag_options.count(name) && !has_value) {
      args.flags.insert(name);
    } else {
      throw ArgumentError(jianzheng::ErrorCode::invalid_argument, "--" + name,
                          "unknown option --" + name + " (未知选项); see jianzheng " + cmd.name + " --help");
    }
  }
  return args;
}

// Whether `--help` (or -h) is asked for before any "--".
bool asks_help(int argc, char** argv, int start) {
  for (int i = start; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--")) return false;
    if (!std::strcmp(argv[i], "--help") || !std::strcmp(argv[i], "-h")) return true;
  }
  return false;
}

// Whether `--json` is on the command line before any "--": errors are then JSON too.
bool wants_json(int argc, char** argv) {
  for (int i = 2; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--")) return false;
    if (!std::strcmp(argv[i], "--json")) return true;
  }
  return false;
}

int exit_code_of(const jianzheng::Error& e) {
  if (dynamic_cast<const ArgumentError*>(&e)) return usage;
  switch (e.code()) {
    case jianzheng::ErrorCode::io_error: return io_failure;
    case jianzheng::ErrorCode::invalid_argument: return usage;
    default: return bad_input;
  }
}

// Runs the command line; every error is reported here, once.
int run(int argc, char** argv, std::string& command, bool json) {
  if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h") ||
      !std::strcmp(argv[1], "help")) {
    print_help();
    return argc < 2 ? usage : ok;
  }
  if (!std::strcmp(argv[1], "--version") || !std::strcmp(argv[1], "version")) {
    std::cout << "jianzheng " << jianzheng::version() << "\n";
    return ok;
  }
  try {
    const std::string name = argv[1];
    auto it = commands().find(name);
    if (it == commands().end())
      throw ArgumentError(jianzheng::ErrorCode::invalid_argument, name,
                          "unknown command \"" + name + "\" (未知命令); run jianzheng --help");
    command = name;
    const Command& cmd = it->second;
    if (asks_help(argc, argv, 2)) {
      print_command_help(cmd);
      return ok;
    }
    return cmd.run(parse(cmd, argc, argv, 2));
  } catch (const jianzheng::Error& e) {
    report_error(command, e, json);
    return exit_code_of(e);
  } catch (const std::exception& e) {
    report_internal_error(command, e.what(), json);
    return internal;
  }
}

}  // namespace

int main(int argc, char** argv) {
  install_checked_stdout();
  const bool json = wants_json(argc, argv);
  std::string command;
  int code = run(argc, argv, command, json);
  // Every write to standard output is checked here, at the end: a full disk or a closed pipe
  // must not pass for success (`jianzheng items > /dev/full` exits 4).
  if (const int reason = finish_stdout()) {
    const jianzheng::Error e(jianzheng::ErrorCode::io_error, "<stdout>",
                             "cannot write standard output: " + jianzheng::detail::system_reason(reason) +
                                 " (无法写入标准输出)");
    report_error(command, e, false);  // stdout is what failed: the line goes to stderr only
    code = io_failure;
  }
  return code;
}

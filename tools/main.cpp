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
    std::cout << program_help();
    return argc < 2 ? usage : ok;
  }
  // For packagers: the man page and the bash completion, generated from the same text as
  // --help (the build writes them; docs/cli.md, "Man page and completion").
  if (!std::strcmp(argv[1], "--man-page") && argc == 2) {
    std::cout << man_page();
    return ok;
  }
  if (!std::strcmp(argv[1], "--bash-completion") && argc == 2) {
    std::cout << bash_completion();
    return ok;
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
      std::cout << command_help(cmd);
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

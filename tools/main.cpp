// jianzheng: the command line. `jianzheng --help` lists the subcommands; each one prints
// for people by default and JSON with --json. Exit codes are in cli.hpp and docs/cli.md.
#include <cstring>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

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

// Parses argv after the subcommand name against the command's declared options.
bool parse(const Command& cmd, int argc, char** argv, int start, Args& args, std::string& error) {
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
        if (i + 1 >= argc) {
          error = "--" + name + " needs a value (缺少取值)";
          return false;
        }
        value = argv[++i];
      }
      args.values.emplace(name, value);
    } else if (cmd.flag_options.count(name) && !has_value) {
      args.flags.insert(name);
    } else {
      error = "unknown option --" + name + " (未知选项); see jianzheng " + cmd.name + " --help";
      return false;
    }
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h") ||
      !std::strcmp(argv[1], "help")) {
    print_help();
    return argc < 2 ? usage : ok;
  }
  if (!std::strcmp(argv[1], "--version") || !std::strcmp(argv[1], "version")) {
    std::cout << "jianzheng " << jianzheng::version() << "\n";
    return ok;
  }
  const std::string name = argv[1];
  auto it = commands().find(name);
  if (it == commands().end()) {
    print_error("", "unknown command \"" + name + "\" (未知命令); run jianzheng --help");
    return usage;
  }
  const Command& cmd = it->second;
  for (int i = 2; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--help") || !std::strcmp(argv[i], "-h")) {
      print_command_help(cmd);
      return ok;
    }
  }
  Args args;
  std::string error;
  if (!parse(cmd, argc, argv, 2, args, error)) {
    print_error(name, error);
    return usage;
  }
  try {
    return cmd.run(args);
  } catch (const jianzheng::Error& e) {
    print_error(name, e.what());
    return e.code() == jianzheng::ErrorCode::io_error ? io_failure
           : e.code() == jianzheng::ErrorCode::invalid_argument ? usage
                                                                : bad_input;
  } catch (const std::exception& e) {
    print_error(name, std::string("internal error (内部错误): ") + e.what());
    return internal;
  }
}

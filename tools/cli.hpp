// The jianzheng command line: a registry of subcommands. Each subcommand lives in its own
// tools/cmd_<name>.cpp and registers itself with JIANZHENG_COMMAND, so adding one touches
// no other file. Every subcommand prints for people by default and JSON with --json.
#pragma once
#include <functional>
#include <iosfwd>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace jianzheng::cli {

/// Exit codes, the same for every subcommand (docs/cli.md).
enum Exit : int {
  ok = 0,          ///< Done.
  negative = 1,    ///< Done, and the answer is "no" where the subcommand says so.
  usage = 2,       ///< Bad command line.
  bad_input = 3,   ///< Bad input data (jianzheng::Error): the message names what and where.
  io_failure = 4,  ///< A file could not be read or written.
  internal = 70,   ///< A bug: please report it.
};

/// The parsed command line of one subcommand.
struct Args {
  std::vector<std::string> positional;
  std::multimap<std::string, std::string> values;  ///< --name VALUE (or --name=VALUE)
  std::set<std::string> flags;                      ///< --name
  bool json = false;                                ///< --json

  bool has(const std::string& flag) const { return flags.count(flag) > 0; }
  std::optional<std::string> value(const std::string& name) const;
  std::vector<std::string> all(const std::string& name) const;
};

/// One subcommand.
struct Command {
  std::string name;                      ///< e.g. "decide"
  std::string summary_zh;                ///< One line in Chinese.
  std::string summary_en;                ///< One line in English.
  std::string usage;                     ///< Usage lines, Chinese with English, for --help.
  std::set<std::string> value_options;   ///< Options that take a value, without "--".
  std::set<std::string> flag_options;    ///< Options without a value ("json" is implicit).
  std::function<int(const Args&)> run;   ///< Runs it; returns an Exit code.
};

/// Adds a command to the registry (used by JIANZHENG_COMMAND).
bool register_command(Command command);
/// All commands, by name.
const std::map<std::string, Command>& commands();

/// Prints one error line on stderr: "jianzheng <cmd>: 错误/error: …".
void print_error(const std::string& command, const std::string& message);
/// Reads a whole file, or standard input for "-"; throws Error(io_error).
std::string read_input(const std::string& path);

}  // namespace jianzheng::cli

#define JIANZHENG_CLI_CAT2(a, b) a##b
#define JIANZHENG_CLI_CAT(a, b) JIANZHENG_CLI_CAT2(a, b)
/// Registers a command at static-initialisation time: JIANZHENG_COMMAND(make_command());
#define JIANZHENG_COMMAND(expr) \
  static const bool JIANZHENG_CLI_CAT(jianzheng_command_registered_, __LINE__) = \
      ::jianzheng::cli::register_command(expr)

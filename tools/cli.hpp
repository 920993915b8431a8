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
#include <string_view>
#include <vector>

#include "jianzheng/date.hpp"
#include "jianzheng/error.hpp"

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

/// What a subcommand's positional arguments are, for shell completion.
enum class Operands {
  none,   ///< Nothing to complete (free text, dates, numbers).
  files,  ///< Files.
  items,  ///< Item ids of the catalog in force (`jianzheng items --ids`).
};

/// One subcommand. The man page and the bash completion are generated from these fields
/// (tools/docs.cpp), so they cannot drift from --help.
struct Command {
  std::string name;                      ///< e.g. "decide"
  std::string summary_zh;                ///< One line in Chinese.
  std::string summary_en;                ///< One line in English.
  std::string usage;                     ///< Usage lines, Chinese with English, for --help.
  std::set<std::string> value_options;   ///< Options that take a value, without "--".
  std::set<std::string> flag_options;    ///< Options without a value ("json" is implicit).
  std::function<int(const Args&)> run;   ///< Runs it; returns an Exit code.
  // For completion only:
  std::vector<std::string> words = {};   ///< Keywords the arguments start with (survey: validate …).
  std::set<std::string> file_options = {};  ///< Value options that name a file.
  std::map<std::string, std::vector<std::string>> option_values = {};  ///< Closed sets (lang: zh, en).
  Operands operands = Operands::none;    ///< What the other positional arguments are.
};

/// One exit code as --help, the man page and docs/cli.md describe it.
struct ExitCode {
  int code;
  const char* zh;       ///< e.g. "用法错误"
  const char* en;       ///< e.g. "usage"
  const char* meaning;  ///< One sentence in English.
};
/// The exit codes, in order.
const std::vector<ExitCode>& exit_codes();

/// `jianzheng --help`: the program, the commands and the exit codes.
std::string program_help();
/// `jianzheng <command> --help`.
std::string command_help(const Command& command);
/// The man page, jianzheng(1), in roff: the same text as the help (tools/docs.cpp).
std::string man_page();
/// The bash completion script (tools/docs.cpp).
std::string bash_completion();

/// Adds a command to the registry (used by JIANZHENG_COMMAND).
bool register_command(Command command);
/// All commands, by name.
const std::map<std::string, Command>& commands();

/// A bad command-line argument: exit 2 (usage) whatever its code, which says what was wrong
/// with it (invalid_date for --date 2021-02-30). Errors in files and standard input are data
/// errors: exit 3.
class ArgumentError : public Error {
 public:
  using Error::Error;
};

/// A date given on the command line (YYYY-MM-DD, a real day); ArgumentError(invalid_date)
/// naming `option` ("--date", "DATE") otherwise.
Date date_argument(const std::string& text, const std::string& option);

/// Prints one error line on stderr: "jianzheng <cmd>: 错误/error: …".
void print_error(const std::string& command, const std::string& message);
/// Reports an error once: the line of print_error on stderr, and with --json the project's
/// error object on stdout as well (docs/cli.md, "Errors").
void report_error(const std::string& command, const Error& e, bool json);
/// Reports a bug (exit 70) the same way, with the code "internal".
void report_internal_error(const std::string& command, const std::string& what, bool json);

/// Sends std::cout through a buffer written with write(2) that keeps the first failure, so
/// that no write to standard output can fail unnoticed. Called once, first thing in main.
void install_checked_stdout();
/// Flushes standard output: 0 when every byte was written, else the errno of the first
/// failure (ENOSPC for /dev/full, EPIPE for a closed pipe).
int finish_stdout();

/// Largest file read (16 MiB, the C ABI's JZ_MAX_CATALOGS_BYTES) and largest single request
/// (1 MiB, JZ_MAX_INPUT_BYTES): docs/cli.md, "Files".
extern const std::size_t max_file_bytes;
extern const std::size_t max_request_bytes;

/// Reads a whole file, or standard input for "-", up to `max_bytes`; throws Error(io_error)
/// naming the path (a directory, a missing file) or Error(too_large).
std::string read_input(const std::string& path, std::size_t max_bytes = max_file_bytes);
/// Writes an output as a whole: standard output for "-", else the file, through a temporary
/// beside it that is flushed, synced, checked and renamed. Throws Error(io_error) naming it.
void write_output(const std::string& path, std::string_view bytes);

}  // namespace jianzheng::cli

#define JIANZHENG_CLI_CAT2(a, b) a##b
#define JIANZHENG_CLI_CAT(a, b) JIANZHENG_CLI_CAT2(a, b)
/// Registers a command at static-initialisation time: JIANZHENG_COMMAND(make_command());
#define JIANZHENG_COMMAND(expr) \
  static const bool JIANZHENG_CLI_CAT(jianzheng_command_registered_, __LINE__) = \
      ::jianzheng::cli::register_command(expr)

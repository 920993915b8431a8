// Files by path (src/file_io): bounded reads with the C ABI's limits, clear errors for what is
// not a file, and whole-or-nothing writes (issue 12: "one way to write a file").
#include "file_io.hpp"

#include <catch2/catch.hpp>

#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <functional>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "jianzheng/catalog.hpp"
#include "jianzheng/error.hpp"
#include "jianzheng/jianzheng.h"
#include "jianzheng/survey.hpp"
#include "support.hpp"

namespace fs = std::filesystem;
using jianzheng::Error;
using jianzheng::ErrorCode;
using jianzheng::detail::read_file;
using jianzheng::detail::write_file;
using jianzheng::test::slurp;
using jianzheng::test::spit;
using jianzheng::test::TempDir;

namespace {


Error error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e;
  }
  FAIL("no error");
  throw;
}

}  // namespace

TEST_CASE("The file limits are the C ABI's", "[file_io]") {
  CHECK(jianzheng::detail::kMaxFileBytes == JZ_MAX_CATALOGS_BYTES);
  CHECK(jianzheng::detail::kMaxInputBytes == JZ_MAX_INPUT_BYTES);
}

TEST_CASE("Issue 12: a directory given as a file is an io_error naming it", "[file_io]") {
  TempDir dir;
  const Error e = error_of([&] { (void)read_file(dir.path.string()); });
  CHECK(e.code() == ErrorCode::io_error);
  CHECK(e.where() == dir.path.string());
  CHECK(e.message().find("is a directory") != std::string::npos);
  // Every loader reads through it: a survey, a catalog layer.
  CHECK(error_of([&] { (void)jianzheng::load_survey(dir.path.string()); }).code() == ErrorCode::io_error);
  CHECK(error_of([&] { (void)jianzheng::load_catalog_layer(dir.path.string()); }).code() == ErrorCode::io_error);
}

TEST_CASE("Issue 12: /dev/zero given as a file is refused as too_large after the limit", "[file_io]") {
  const Error e = error_of([] { (void)read_file("/dev/zero", 4096); });
  CHECK(e.code() == ErrorCode::too_large);
  CHECK(e.where() == "/dev/zero");
  CHECK(error_of([] { (void)jianzheng::load_survey("/dev/zero"); }).code() == ErrorCode::too_large);
}

TEST_CASE("A regular file over the limit is refused by its size", "[file_io]") {
  TempDir dir;
  spit(dir.file("big.json"), std::string(5000, ' '));
  CHECK(read_file(dir.file("big.json"), 5000).size() == 5000);
  const Error e = error_of([&] { (void)read_file(dir.file("big.json"), 4999); });
  CHECK(e.code() == ErrorCode::too_large);
  CHECK(e.message().find("4999 bytes") != std::string::npos);
}

TEST_CASE("A missing file names the path and the reason", "[file_io]") {
  const Error e = error_of([] { (void)read_file("/no/such/file.json"); });
  CHECK(e.code() == ErrorCode::io_error);
  CHECK(e.where() == "/no/such/file.json");
  CHECK(e.message().find("No such file or directory") != std::string::npos);
}

TEST_CASE("write_file replaces a file whole, keeps its mode and leaves no temporary", "[file_io]") {
  TempDir dir;
  const std::string path = dir.file("out.csv");
  write_file(path, "first");
  CHECK(slurp(path) == "first");
  REQUIRE(::chmod(path.c_str(), 0640) == 0);
  write_file(path, "second, longer");
  CHECK(slurp(path) == "second, longer");
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0640);
  CHECK(dir.names() == std::vector<std::string>{"out.csv"});
}

TEST_CASE("write_file through a symbolic link replaces the target and keeps the link", "[file_io]") {
  TempDir dir;
  spit(dir.file("real.json"), "old");
  fs::create_symlink(dir.file("real.json"), dir.file("link.json"));
  write_file(dir.file("link.json"), "new");
  CHECK(fs::is_symlink(dir.file("link.json")));
  CHECK(slurp(dir.file("real.json")) == "new");
}

TEST_CASE("write_file writes a device in place and reports a full one", "[file_io]") {
  write_file("/dev/null", "nothing kept");
  const Error e = error_of([] { write_file("/dev/full", "no room"); });
  CHECK(e.code() == ErrorCode::io_error);
  CHECK(e.where() == "/dev/full");
  CHECK(e.message().find("No space left on device") != std::string::npos);
}

TEST_CASE("write_file into a missing folder or onto a directory is an io_error", "[file_io]") {
  TempDir dir;
  CHECK(error_of([&] { write_file(dir.file("no/such/out.json"), "x"); }).code() == ErrorCode::io_error);
  const Error e = error_of([&] { write_file(dir.path.string(), "x"); });
  CHECK(e.message().find("is a directory") != std::string::npos);
}

TEST_CASE("write_file says when the folder cannot take the temporary file, not only the reason", "[file_io]") {
  // /proc/version is a regular file in a folder where no file can be created (and the test
  // may run as root, so a read-only folder of our own would not do).
  struct stat st {};
  if (::stat("/proc/version", &st) != 0 || !S_ISREG(st.st_mode)) {
    WARN("no /proc/version: not checked");
    return;
  }
  const Error e = error_of([] { write_file("/proc/version", "x"); });
  CHECK(e.code() == ErrorCode::io_error);
  CHECK(e.where() == "/proc/version");
  CHECK(e.message().find("cannot create a temporary file in /proc: ") != std::string::npos);
}

TEST_CASE("Issue 12: a full disk (RLIMIT_FSIZE) leaves the old file whole and no temporary", "[file_io]") {
  TempDir dir;
  const std::string path = dir.file("table.csv");
  spit(path, "the old table");
  // In a child with a 1 KiB file size limit, writing 64 KiB fails with EFBIG.
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    std::signal(SIGXFSZ, SIG_IGN);
    rlimit limit{1024, 1024};
    ::setrlimit(RLIMIT_FSIZE, &limit);
    try {
      write_file(path, std::string(64 * 1024, 'x'));
    } catch (const Error& e) {
      _exit(e.code() == ErrorCode::io_error && e.where() == path ? 42 : 1);
    }
    _exit(0);
  }
  int status = 0;
  REQUIRE(::waitpid(pid, &status, 0) == pid);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 42);
  CHECK(slurp(path) == "the old table");
  CHECK(dir.names() == std::vector<std::string>{"table.csv"});
}

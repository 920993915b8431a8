#include "file_io.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <climits>
#include <cstdint>
#include <cstdlib>
#include <cstring>

#include "jianzheng/error.hpp"
#include "jianzheng/jianzheng.h"

namespace jianzheng::detail {

// Files by path are read under the C ABI's limits, so the CLI, Python and a C host refuse alike.
static_assert(kMaxFileBytes == JZ_MAX_CATALOGS_BYTES, "the file limit is the C ABI's catalogs limit");
static_assert(kMaxInputBytes == JZ_MAX_INPUT_BYTES, "the request limit is the C ABI's input limit");

namespace {

std::string size_text(std::size_t bytes) {
  if (bytes % (1024u * 1024u) == 0) return std::to_string(bytes / (1024u * 1024u)) + " MiB";
  if (bytes % 1024u == 0) return std::to_string(bytes / 1024u) + " KiB";
  return std::to_string(bytes) + " bytes";
}

[[noreturn]] void too_large(const std::string& origin, std::size_t max_bytes) {
  throw Error(ErrorCode::too_large, origin,
              origin + " is larger than " + size_text(max_bytes) +
                  ", the limit for one input (输入超过大小上限)");
}

[[noreturn]] void cannot_read(const std::string& path, int errnum) {
  throw Error(ErrorCode::io_error, path,
              "cannot read " + path + ": " + system_reason(errnum) + " (无法读取文件)");
}

[[noreturn]] void cannot_write(const std::string& path, int errnum) {
  throw Error(ErrorCode::io_error, path,
              "cannot write " + path + ": " + system_reason(errnum) + " (无法写入文件)");
}

// The file is written beside the target and renamed over it, so the folder must take a new
// file even when the target itself is writable: say so, or "No such file or directory" for a
// file that exists reads as nonsense.
[[noreturn]] void cannot_create_temporary(const std::string& path, const std::string& dir, int errnum) {
  throw Error(ErrorCode::io_error, path,
              "cannot write " + path + ": cannot create a temporary file in " + dir + ": " +
                  system_reason(errnum) + " (无法在目录中创建临时文件)");
}

// Closes a descriptor once, on every path out.
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }
  int release() {
    const int fd = fd_;
    fd_ = -1;
    return fd;
  }
  // Closes and reports close's own error (NFS and quota report late write errors here).
  int close() {
    const int fd = fd_;
    fd_ = -1;
    return ::close(fd) == 0 ? 0 : errno;
  }

 private:
  int fd_;
};

// Writes everything, across short writes and signals; 0 or the errno.
int write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    if (n == 0) return EIO;
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return 0;
}

// A device or pipe cannot be replaced by a rename: write to it directly, checked.
void write_in_place(const std::string& path, std::string_view bytes) {
  Fd fd(::open(path.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC | O_NOCTTY));
  if (fd.get() < 0) cannot_write(path, errno);
  if (const int e = write_all(fd.get(), bytes)) cannot_write(path, e);
  if (const int e = fd.close()) cannot_write(path, e);
}

std::string parent_of(const std::string& path) {
  const auto slash = path.find_last_of('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

std::string base_of(const std::string& path) {
  const auto slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace

std::string system_reason(int errnum) {
  // strerror_r has two signatures (GNU and XSI); strerror is fine for a message.
  return std::strerror(errnum);
}

std::string read_fd(int fd, const std::string& origin, std::size_t max_bytes) {
  std::string out;
  char buffer[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0) {
      if (errno == EINTR) continue;
      cannot_read(origin, errno);
    }
    if (n == 0) break;
    if (out.size() + static_cast<std::size_t>(n) > max_bytes) too_large(origin, max_bytes);
    out.append(buffer, static_cast<std::size_t>(n));
  }
  return out;
}

int open_for_reading(const std::string& path) {
  Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY));
  if (fd.get() < 0) {
    throw Error(ErrorCode::io_error, path,
                "cannot open file " + path + ": " + system_reason(errno) + " (无法打开文件)");
  }
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) cannot_read(path, errno);
  if (S_ISDIR(st.st_mode))
    throw Error(ErrorCode::io_error, path,
                path + " is a directory, not a file (这是目录，不是文件)");
  return fd.release();
}

std::string read_file(const std::string& path, std::size_t max_bytes) {
  Fd fd(open_for_reading(path));
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) cannot_read(path, errno);
  if (S_ISREG(st.st_mode) && static_cast<std::uintmax_t>(st.st_size) > max_bytes)
    too_large(path, max_bytes);
  return read_fd(fd.get(), path, max_bytes);
}

void write_file(const std::string& path, std::string_view bytes) {
  if (path.empty()) throw Error(ErrorCode::io_error, "<path>", "cannot write a file with an empty name");
  struct stat st {};
  const bool exists = ::stat(path.c_str(), &st) == 0;
  if (exists && S_ISDIR(st.st_mode))
    throw Error(ErrorCode::io_error, path, path + " is a directory, not a file (这是目录，不是文件)");
  if (exists && !S_ISREG(st.st_mode)) {
    write_in_place(path, bytes);
    return;
  }
  // A symbolic link to a file: replace the file it points to, so the link stays.
  std::string target = path;
  if (exists) {
    struct stat lst {};
    if (::lstat(path.c_str(), &lst) == 0 && S_ISLNK(lst.st_mode)) {
      if (char* real = ::realpath(path.c_str(), nullptr)) {
        target = real;
        std::free(real);
      }
    }
  }
  const std::string dir = parent_of(target);
  static std::atomic<unsigned> counter{0};
  std::string temp;
  int raw = -1;
  for (int attempt = 0; attempt < 100 && raw < 0; ++attempt) {
    temp = dir + "/." + base_of(target) + ".tmp-" + std::to_string(::getpid()) + "-" +
           std::to_string(counter++);
    raw = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (raw < 0 && errno != EEXIST) cannot_create_temporary(path, dir, errno);
  }
  if (raw < 0) cannot_create_temporary(path, dir, EEXIST);
  Fd fd(raw);
  auto fail = [&](int errnum) {
    ::unlink(temp.c_str());
    cannot_write(path, errnum);
  };
  // An existing file keeps its mode; a new one has 0666 less the umask from open().
  if (exists && ::fchmod(fd.get(), st.st_mode & 07777) != 0) fail(errno);
  if (const int e = write_all(fd.get(), bytes)) fail(e);
  if (::fsync(fd.get()) != 0) fail(errno);
  if (const int e = fd.close()) fail(e);
  if (::rename(temp.c_str(), target.c_str()) != 0) fail(errno);
  // The rename itself is durable once the directory is synced; a failure here leaves the new
  // file in place, so it is not an error.
  Fd dir_fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (dir_fd.get() >= 0) (void)::fsync(dir_fd.get());
}

}  // namespace jianzheng::detail

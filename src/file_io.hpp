// Private: files by path, the one way for the library and the command line. Reads are
// bounded (the C ABI's limits, include/jianzheng/jianzheng.h) and say what a path is when it
// is not a file; writes go to a temporary beside the target, are flushed, synced, checked and
// renamed over it, so a full disk or a crash leaves the old file (or none), never half a file.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace jianzheng::detail {

/// Largest file read by path, in bytes: JZ_MAX_CATALOGS_BYTES (16 MiB). Catalog layers,
/// calendars, programmes, guides, complaints and survey returns are all read under it.
inline constexpr std::size_t kMaxFileBytes = 16u * 1024u * 1024u;
/// Largest single request, in bytes: JZ_MAX_INPUT_BYTES (1 MiB).
inline constexpr std::size_t kMaxInputBytes = 1024u * 1024u;

/// The file's bytes. Throws Error(io_error) naming the path when it cannot be opened or read
/// or is a directory, and Error(too_large) when it holds more than `max_bytes` (a regular
/// file is refused by its size, anything else — /dev/zero, a pipe — after max_bytes + 1).
std::string read_file(const std::string& path, std::size_t max_bytes = kMaxFileBytes);

/// Opens a file for reading: a descriptor the caller closes. Throws Error(io_error) naming
/// the path when it cannot be opened or is a directory.
int open_for_reading(const std::string& path);

/// Everything readable from an open descriptor (standard input is 0), under the same limit;
/// `origin` names it in errors ("<stdin>").
std::string read_fd(int fd, const std::string& origin, std::size_t max_bytes = kMaxFileBytes);

/// Writes `bytes` to `path` as a whole: into a temporary file beside it, flushed, fsynced
/// and closed with every step checked, then renamed over `path` (and the directory synced).
/// An existing file keeps its permissions; a new one gets 0666 less the umask. A path that
/// names something other than a regular file (a device such as /dev/null, a pipe) is written
/// in place. Throws Error(io_error) naming the path and the system's reason; on failure the
/// old file is untouched and no temporary is left behind.
void write_file(const std::string& path, std::string_view bytes);

/// The system's reason for `errnum`, in English, for messages ("No space left on device").
std::string system_reason(int errnum);

}  // namespace jianzheng::detail

// The decision log (审计留痕): one JSON line per answer, appended to a file by a background
// writer through a bounded queue, in the manner of OPA's decision logs. Request threads only
// enqueue; the writer thread writes with write(2), so a line handed to the kernel survives a
// crash of the process. A graceful stop drains the queue and fsyncs before the process exits:
// no line is lost. SIGHUP (reopen()) closes and reopens the file by name, for logrotate.
//
// The audit trail is not optional once configured: when the queue is full (the disk stalls),
// try_push() says so and the caller answers 503 rather than decide without a record.
#pragma once
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <thread>

namespace jianzheng::service {

class DecisionLog {
 public:
  /// Opens `path` for appending (creating it, mode 0640) and starts the writer. Throws
  /// Error(io_error) naming the path when it cannot be opened. `capacity`: queued lines.
  DecisionLog(std::string path, std::size_t capacity);
  /// Stops as stop() does.
  ~DecisionLog();
  DecisionLog(const DecisionLog&) = delete;
  DecisionLog& operator=(const DecisionLog&) = delete;

  /// Enqueues one line (with its final '\n'); false when the queue is full or stopped.
  bool try_push(std::string line);
  /// Enqueues one line, waiting up to `wait` for room; false when there was none.
  bool push_wait(std::string line, std::chrono::milliseconds wait);
  /// Asks the writer to close and reopen the file by name (after the lines before it).
  void reopen();
  /// Writes every queued line, fsyncs, closes the file and joins the writer. Idempotent.
  /// Gives up on a failing disk after `patience`, reporting on stderr how many lines it lost;
  /// returns that number (0 when every line reached the file).
  std::size_t stop(std::chrono::milliseconds patience = std::chrono::milliseconds(1500));

  /// Whether the last write failed (the writer keeps the lines and retries).
  bool failing() const;
  /// Prometheus text of the log's counters and gauges.
  std::string metrics() const;
  /// The file name.
  const std::string& path() const noexcept { return path_; }

 private:
  void run();
  std::size_t write_some(const std::string& data);  // bytes written; short on error
  void open_file();                         // throws Error(io_error)

  std::string path_;
  std::size_t capacity_;
  int fd_ = -1;
  mutable std::mutex mutex_;
  std::condition_variable wake_;   // the writer: lines, reopen or stop
  std::condition_variable room_;   // producers: room in the queue
  std::deque<std::string> queue_;
  std::size_t first_offset_ = 0;   // bytes of queue_.front() already in the file
  bool reopen_ = false;
  bool stopping_ = false;
  bool stopped_ = false;
  bool failing_ = false;
  std::string last_error_;
  std::size_t lost_ = 0;
  std::uint64_t written_ = 0, rejected_ = 0, write_errors_ = 0, reopens_ = 0, reopen_errors_ = 0;
  std::chrono::steady_clock::time_point give_up_{};
  std::thread writer_;
};

}  // namespace jianzheng::service

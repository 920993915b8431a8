#include "decision_log.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>
#include <vector>

#include "jianzheng/error.hpp"

namespace jianzheng::service {

DecisionLog::DecisionLog(std::string path, std::size_t capacity)
    : path_(std::move(path)), capacity_(capacity ? capacity : 1) {
  open_file();
  writer_ = std::thread([this] { run(); });
}

DecisionLog::~DecisionLog() { stop(); }

void DecisionLog::open_file() {
  const int fd = ::open(path_.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0640);
  if (fd < 0)
    throw Error(ErrorCode::io_error, path_,
                "cannot open the decision log " + path_ + ": " + std::strerror(errno) + " (无法打开判定日志)");
  fd_ = fd;
}

bool DecisionLog::try_push(std::string line) {
  bool was_empty = false;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (stopping_ || queue_.size() >= capacity_) {
      ++rejected_;
      return false;
    }
    was_empty = queue_.empty();
    queue_.push_back(std::move(line));
  }
  // The writer sleeps only on an empty queue; while it has lines it loops without waiting,
  // so under load most pushes need no wake-up (no futex call per decision).
  if (was_empty) wake_.notify_one();
  return true;
}

bool DecisionLog::push_wait(std::string line, std::chrono::milliseconds wait) {
  bool was_empty = false;
  {
    std::unique_lock<std::mutex> lock(mutex_);
    if (!room_.wait_for(lock, wait, [&] { return stopping_ || queue_.size() < capacity_; }) || stopping_) {
      ++rejected_;
      return false;
    }
    was_empty = queue_.empty();
    queue_.push_back(std::move(line));
  }
  if (was_empty) wake_.notify_one();
  return true;
}

void DecisionLog::reopen() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    reopen_ = true;
  }
  wake_.notify_one();
}

std::size_t DecisionLog::write_some(const std::string& data) {
  std::size_t done = 0;
  while (done < data.size()) {
    const ssize_t n = ::write(fd_, data.data() + done, data.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      std::lock_guard<std::mutex> lock(mutex_);
      last_error_ = std::strerror(errno);
      break;
    }
    done += static_cast<std::size_t>(n);
  }
  return done;
}

void DecisionLog::run() {
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    wake_.wait(lock, [&] { return stopping_ || reopen_ || !queue_.empty(); });
    if (reopen_) {
      reopen_ = false;
      lock.unlock();
      // Lines queued before the signal go to the old file (moved away by logrotate) only if
      // they were written already; the rest go to the new one, which is what rotation wants.
      const int old = fd_;
      bool ok = true;
      try {
        open_file();
      } catch (const Error& e) {
        ok = false;
        std::cerr << "jianzheng serve: " << e.message() << "; still writing to the old file\n";
      }
      if (ok && old >= 0) ::close(old);
      lock.lock();
      ok ? ++reopens_ : ++reopen_errors_;
      continue;
    }
    if (queue_.empty()) {
      if (stopping_) break;
      continue;
    }
    // Take a batch and write it outside the lock; lines leave the queue once written. After a
    // failed write, first_offset_ bytes of the first line are already in the file: the retry
    // goes on from there, so a failing disk neither tears nor repeats a line.
    std::string batch;
    for (const std::string& l : queue_) {
      if (batch.size() > (1u << 20)) break;
      if (batch.empty()) batch.append(l, first_offset_, std::string::npos);
      else batch += l;
    }
    lock.unlock();
    const std::size_t done = write_some(batch);
    lock.lock();
    std::size_t consumed = first_offset_ + done;  // bytes of the queue, from its front
    std::size_t lines = 0;
    while (lines < queue_.size() && consumed >= queue_[lines].size()) consumed -= queue_[lines++].size();
    queue_.erase(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(lines));
    first_offset_ = queue_.empty() ? 0 : consumed;
    written_ += lines;
    if (lines) room_.notify_all();
    if (done == batch.size()) {
      failing_ = false;
    } else {
      ++write_errors_;
      failing_ = true;
      if (stopping_ && std::chrono::steady_clock::now() >= give_up_) break;
      wake_.wait_for(lock, std::chrono::milliseconds(stopping_ ? 100 : 1000));
    }
  }
  const std::size_t lost = queue_.size();
  lost_ = lost;
  lock.unlock();
  if (fd_ >= 0) {
    ::fsync(fd_);
    ::close(fd_);
    fd_ = -1;
  }
  if (lost)
    std::cerr << "jianzheng serve: the decision log " << path_ << " failed; " << lost
              << " lines were not written (判定日志写入失败)\n";
}

std::size_t DecisionLog::stop(std::chrono::milliseconds patience) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (stopped_) return lost_;
    stopped_ = true;
    stopping_ = true;
    give_up_ = std::chrono::steady_clock::now() + patience;
  }
  wake_.notify_all();
  room_.notify_all();
  if (writer_.joinable()) writer_.join();
  std::lock_guard<std::mutex> lock(mutex_);
  return lost_;
}

bool DecisionLog::failing() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return failing_;
}

std::string DecisionLog::metrics() const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::string out;
  out += "# HELP jianzheng_decision_log_lines_total Decision log lines written to the file.\n"
         "# TYPE jianzheng_decision_log_lines_total counter\n"
         "jianzheng_decision_log_lines_total " + std::to_string(written_) + "\n";
  out += "# HELP jianzheng_decision_log_queue_lines Decision log lines waiting for the writer.\n"
         "# TYPE jianzheng_decision_log_queue_lines gauge\n"
         "jianzheng_decision_log_queue_lines " + std::to_string(queue_.size()) + "\n";
  out += "# HELP jianzheng_decision_log_queue_capacity Lines the queue holds before answers are refused (503).\n"
         "# TYPE jianzheng_decision_log_queue_capacity gauge\n"
         "jianzheng_decision_log_queue_capacity " + std::to_string(capacity_) + "\n";
  out += "# HELP jianzheng_decision_log_rejected_total Answers refused (503) because the log queue was full.\n"
         "# TYPE jianzheng_decision_log_rejected_total counter\n"
         "jianzheng_decision_log_rejected_total " + std::to_string(rejected_) + "\n";
  out += "# HELP jianzheng_decision_log_write_errors_total Failed writes to the decision log (retried).\n"
         "# TYPE jianzheng_decision_log_write_errors_total counter\n"
         "jianzheng_decision_log_write_errors_total " + std::to_string(write_errors_) + "\n";
  out += "# HELP jianzheng_decision_log_reopens_total Reopens of the decision log file (SIGHUP), by result.\n"
         "# TYPE jianzheng_decision_log_reopens_total counter\n"
         "jianzheng_decision_log_reopens_total{result=\"ok\"} " + std::to_string(reopens_) + "\n"
         "jianzheng_decision_log_reopens_total{result=\"error\"} " + std::to_string(reopen_errors_) + "\n";
  return out;
}

}  // namespace jianzheng::service

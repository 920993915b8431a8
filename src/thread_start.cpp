#include "thread_start.hpp"

#include <atomic>

namespace jianzheng::detail {

namespace {

std::thread default_starter(std::function<void()> work) { return std::thread(std::move(work)); }

std::atomic<ThreadStarter> starter{&default_starter};

}  // namespace

std::thread start_thread(std::function<void()> work) {
  return starter.load(std::memory_order_acquire)(std::move(work));
}

ThreadStarter set_thread_starter(ThreadStarter s) noexcept {
  return starter.exchange(s ? s : &default_starter, std::memory_order_acq_rel);
}

}  // namespace jianzheng::detail

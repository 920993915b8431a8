// Private: how the library starts a worker thread. One place, so that a process out of
// threads (RLIMIT_NPROC, a container's pids limit) is handled where threads are made, and so
// that tests can simulate it: std::thread's constructor throws std::system_error then, and a
// caller must degrade — never leave joinable threads to be destroyed (std::terminate).
#pragma once
#include <functional>
#include <thread>

namespace jianzheng::detail {

/// Starts a thread running `work`; throws std::system_error when the system cannot.
using ThreadStarter = std::thread (*)(std::function<void()> work);

/// The starter in use (std::thread by default).
std::thread start_thread(std::function<void()> work);

/// Replaces the starter (for tests); returns the previous one. nullptr restores the default.
ThreadStarter set_thread_starter(ThreadStarter starter) noexcept;

}  // namespace jianzheng::detail

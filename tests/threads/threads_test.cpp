// The library under many threads: decide_many, one engine shared by many threads, and a
// process that cannot start threads. Its own executable (jianzheng_thread_tests, ctest
// prefix "threads."), so the tsan preset builds and runs just these under ThreadSanitizer.
#include "jianzheng/engine.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <cerrno>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

#include "jianzheng/catalog.hpp"
#include "jianzheng/error.hpp"
#include "jianzheng/work_calendar.hpp"
#include "thread_start.hpp"

using namespace jianzheng;

namespace {

// Requests by id and by text, with and without purposes and facts, on dated days.
std::vector<Request> mixed_requests(std::size_t n) {
  const Engine engine;
  const auto& items = engine.catalog(Date::from_ymd(2021, 9, 30)).items();
  const char* purposes[] = {"", "银行贷款", "办理不动产登记", "公证"};
  std::vector<Request> out(n);
  for (std::size_t i = 0; i < n; ++i) {
    Request& r = out[i];
    const Item& item = items[i % items.size()];
    if (i % 3 == 0) r.text = item.name; else r.item = item.id;
    r.purpose = purposes[i % 4];
    if (i % 5 == 0) r.facts.set(Fact::within_duties, Tri::yes);
    if (i % 7 == 0) r.facts.set(Fact::verifiable, Tri::yes);
    r.date = Date::from_ymd(2021, 1, 4).plus_days(static_cast<long>(i % 600));
  }
  return out;
}

std::vector<std::string> as_json(const std::vector<Decision>& ds) {
  std::vector<std::string> out;
  out.reserve(ds.size());
  for (const Decision& d : ds) out.push_back(to_json(d, Language::zh, true));
  return out;
}

// A starter that lets `allowed` threads start, then fails as a process at its limit does.
std::atomic<int> starts_left{0};
std::atomic<int> starts_refused{0};
std::thread limited_starter(std::function<void()> work) {
  if (starts_left.fetch_sub(1) <= 0) {
    ++starts_refused;
    throw std::system_error(EAGAIN, std::generic_category(), "simulated: no more threads");
  }
  return std::thread(std::move(work));
}

struct LimitThreads {
  explicit LimitThreads(int allowed) {
    starts_left = allowed;
    starts_refused = 0;
    previous = detail::set_thread_starter(&limited_starter);
  }
  ~LimitThreads() { detail::set_thread_starter(previous); }
  detail::ThreadStarter previous;
};

}  // namespace

TEST_CASE("decide_many on four threads gives exactly the decisions of one", "[threads]") {
  const Engine engine;
  const auto requests = mixed_requests(5000);
  CHECK(as_json(engine.decide_many(requests, 4)) == as_json(engine.decide_many(requests, 1)));
}

// Issue 12, "Abort": under a process limit std::thread throws, and destroying the threads
// already started (still joinable) called std::terminate, killing a Python host.
TEST_CASE("Abort: decide_many finishes on fewer threads when a thread cannot be created", "[threads][issue12]") {
  const Engine engine;
  const auto requests = mixed_requests(4000);
  const auto expected = as_json(engine.decide_many(requests, 1));
  LimitThreads limit(1);  // the first extra thread starts, the second does not
  CHECK(as_json(engine.decide_many(requests, 4)) == expected);
  CHECK(starts_refused.load() >= 1);
}

TEST_CASE("Abort: decide_many runs on the caller's thread when no thread can be created", "[threads][issue12]") {
  const Engine engine;
  const auto requests = mixed_requests(3000);
  const auto expected = as_json(engine.decide_many(requests, 1));
  LimitThreads limit(0);
  CHECK(as_json(engine.decide_many(requests, 8)) == expected);
  CHECK(starts_refused.load() == 1);  // it stops asking after the first refusal
}

TEST_CASE("decide_many rethrows the first error by position, whichever thread met it", "[threads]") {
  const Engine engine;
  auto requests = mixed_requests(4000);
  requests[3100].item = "no-such-item";
  requests[3100].text.clear();
  requests[1200].item = "also-missing";
  requests[1200].text.clear();
  try {
    (void)engine.decide_many(requests, 4);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::unknown_reference);
    CHECK(e.message().find("also-missing") != std::string::npos);
  }
}

TEST_CASE("one engine answers decide, match, admit and supervise from many threads at once", "[threads]") {
  const Engine engine;
  const auto requests = mixed_requests(600);
  const auto expected = as_json(engine.decide_many(requests, 1));
  std::atomic<int> mismatches{0};
  std::vector<std::thread> pool;
  for (int t = 0; t < 4; ++t) {
    pool.emplace_back([&, t] {
      for (std::size_t i = static_cast<std::size_t>(t); i < requests.size(); i += 2) {
        if (to_json(engine.decide(requests[i]), Language::zh, true) != expected[i]) ++mismatches;
        (void)engine.match("开个单身证明", 3, Date::from_ymd(2021, 9, 30));
        Demand dm;
        dm.text = "无犯罪记录证明";
        dm.date = Date::from_ymd(2021, 9, 30);
        (void)engine.admit(dm);
        Complaint c;
        c.text = "婚姻状况证明";
        c.date = Date::from_ymd(2021, 9, 30);
        (void)engine.supervise(c);
        (void)engine.catalog_sha256(Date::from_ymd(2021, 9, 30));
      }
    });
  }
  for (auto& th : pool) th.join();
  CHECK(mismatches.load() == 0);
}

TEST_CASE("the embedded defaults are made once even when many threads ask for them first", "[threads]") {
  std::vector<std::thread> pool;
  std::atomic<int> bad{0};
  for (int t = 0; t < 4; ++t) {
    pool.emplace_back([&] {
      const Engine engine;  // the shared default engine
      if (engine.catalog(Date::from_ymd(2021, 9, 30)).items().empty()) ++bad;
      if (!WorkCalendar::embedded_default().covers_year(2021)) ++bad;
      if (default_layers().empty()) ++bad;
    });
  }
  for (auto& th : pool) th.join();
  CHECK(bad.load() == 0);
}

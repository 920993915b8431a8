// What an Engine refuses to be: a source of dangling decisions, of silently shortened lists,
// of unbounded memory, or of Decision JSON that is not UTF-8 (issue 12: lifetimes, memory).
#include "jianzheng/engine.hpp"

#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "jianzheng/catalog.hpp"
#include "jianzheng/decision.hpp"
#include "jianzheng/error.hpp"

using namespace jianzheng;

namespace {

// Whether E (an Engine reference or an Engine rvalue) can be asked to decide / admit /
// supervise / give its catalog: SFINAE on the call expression.
template <class E, class = void>
struct can_decide : std::false_type {};
template <class E>
struct can_decide<E, std::void_t<decltype(std::declval<E>().decide(std::declval<const Request&>()))>>
    : std::true_type {};
template <class E, class = void>
struct can_admit : std::false_type {};
template <class E>
struct can_admit<E, std::void_t<decltype(std::declval<E>().admit(std::declval<const Demand&>()))>>
    : std::true_type {};
template <class E, class = void>
struct can_supervise : std::false_type {};
template <class E>
struct can_supervise<E, std::void_t<decltype(std::declval<E>().supervise(std::declval<const Complaint&>()))>>
    : std::true_type {};
template <class E, class = void>
struct can_get_catalog : std::false_type {};
template <class E>
struct can_get_catalog<E, std::void_t<decltype(std::declval<E>().catalog())>> : std::true_type {};

// A layer on the embedded default that renames one item on `n` successive days.
CatalogLayer renames(int n) {
  CatalogLayer layer;
  layer.provenance.id = "test-renames";
  layer.provenance.level = JurisdictionLevel::county;
  layer.provenance.jurisdiction = "测试县";
  layer.provenance.title = "逐日更名测试";
  layer.provenance.example = true;
  layer.extends = "cn-national-amendments";
  for (int k = 0; k < n; ++k) {
    Change c;
    c.kind = ChangeKind::rename;
    c.item = "alive";
    c.from = Date::from_ymd(2021, 7, 1).plus_days(k);
    c.name = "生存状况证明第" + std::to_string(k) + "版";
    layer.changes.push_back(c);
  }
  return layer;
}

}  // namespace

// Issue 12, "Lifetimes": a Decision points into its Engine; made from a temporary Engine it
// would dangle at the end of the statement. Such calls do not compile.
static_assert(can_decide<const Engine&>::value && can_decide<Engine&>::value);
static_assert(!can_decide<Engine>::value && !can_decide<const Engine&&>::value);
static_assert(can_admit<const Engine&>::value && !can_admit<Engine>::value);
static_assert(can_supervise<const Engine&>::value && !can_supervise<Engine>::value);
static_assert(can_get_catalog<const Engine&>::value && !can_get_catalog<Engine>::value);

TEST_CASE("Lifetimes: decisions, admissions and supervisions cannot be taken from a temporary Engine", "[engine][issue12]") {
  // The static_asserts above are the test; this names it in the test list.
  CHECK_FALSE(can_decide<Engine>::value);
  CHECK(can_decide<const Engine&>::value);
}

TEST_CASE("Lifetimes: FixedList never drops an element past its capacity", "[engine][issue12]") {
  FixedList<int, 2> list;
  list.push_back(1);
  list.push_back(2);
  CHECK_THROWS_AS(list.push_back(3), std::length_error);
  CHECK(list.size() == 2);
}

TEST_CASE("Memory: a layer of 1,000 dated renames is refused up front, naming the count", "[engine][issue12]") {
  // 1,001 compositions, each a whole catalog with its matcher, took 1.2 GB.
  std::vector<CatalogLayer> layers = default_layers();
  layers.push_back(renames(1000));
  try {
    const Engine engine(layers);
    FAIL("built");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::too_large);
    CHECK(e.message().find("1000 dates") != std::string::npos);
    CHECK(e.message().find("2021-07-01") != std::string::npos);
    CHECK(e.message().find("at most 256") != std::string::npos);
  }
}

TEST_CASE("Memory: a layer of dated renames within the bound gives one composition per interval", "[engine][issue12]") {
  std::vector<CatalogLayer> layers = default_layers();
  layers.push_back(renames(40));
  const Engine engine(layers);
  Request r;
  r.item = "alive";
  r.date = Date::from_ymd(2021, 7, 1).plus_days(17);
  const Decision d = engine.decide(r);
  REQUIRE(d.item != nullptr);
  CHECK(d.item->name == "生存状况证明第17版");
  CHECK(engine.catalog(r.date).as_of() == *r.date);
}

TEST_CASE("An engine refuses catalog text that is not UTF-8 (Decision JSON writes it unchecked)", "[engine][issue12]") {
  std::vector<CatalogLayer> layers = default_layers();
  CatalogLayer bad = renames(0);
  Item item;
  item.id = "bad-bytes";
  item.name = "证明\xFF";
  item.disposition = Disposition::by_committee;
  bad.items.push_back(item);
  layers.push_back(bad);
  try {
    const Engine engine(layers);
    FAIL("built");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::invalid_utf8);
    CHECK(e.where() == "items/bad-bytes");
  }
}

TEST_CASE("Memory: compositions over 16 MiB of catalog JSON together are refused, naming the bound", "[engine][issue12]") {
  // Few dates, large catalogs: 24 compositions of an item with a 1 MiB 证明用途 are about
  // 24 MiB of canonical JSON (and about 15 times that in memory, docs/performance.md).
  std::vector<CatalogLayer> layers = default_layers();
  CatalogLayer big = renames(23);
  Item item;
  item.id = "big-purpose";
  item.name = "大用途证明";
  item.disposition = Disposition::by_committee;
  item.purpose = std::string(std::size_t{1} << 20, 'x');
  big.items.push_back(item);
  layers.push_back(big);
  try {
    const Engine engine(layers);
    FAIL("built");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::too_large);
    CHECK(e.where() == "layers");
    CHECK(e.message().find("exceed 16 MiB") != std::string::npos);
  }
  // Half as many dates fit.
  layers.back() = big;
  layers.back().changes.resize(12);
  CHECK_NOTHROW(Engine(layers));
}

// List diff and the long-term mechanism (四（四）): 坚决杜绝边减边增、明减暗增、先减后增.
#include "jianzheng/list_diff.hpp"

#include <boost/json.hpp>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <sys/wait.h>

#include "jianzheng/catalog.hpp"
#include "jianzheng/error.hpp"

using namespace jianzheng;
namespace fs = std::filesystem;

namespace {

CatalogLayer version(const char* name) {
  return load_catalog_layer((fs::path(JIANZHENG_TEST_DATA_DIR) / "diff" / name).string());
}

std::vector<std::string> ids(const std::vector<ItemChange>& v) {
  std::vector<std::string> out;
  for (const auto& c : v) out.push_back(c.item);
  return out;
}

std::vector<std::string> flags(const std::vector<MechanismFlag>& v) {
  std::vector<std::string> out;
  for (const auto& f : v) out.push_back(std::string(to_string(f.kind)) + ":" + f.item);
  return out;
}

const std::vector<Item>& national() {
  static const Catalog c = Catalog::embedded_default(Date::from_ymd(2021, 6, 1));
  return c.items();
}

}  // namespace

TEST_CASE("A diff lists added, removed and changed items", "[diff]") {
  const ListDiff d = diff(version("v1.json"), version("v2.json"));
  CHECK(d.older == "test-county-v1");
  CHECK(d.newer == "test-county-v2");
  CHECK(ids(d.added) == std::vector<std::string>{"good-conduct", "marital-status-loan"});
  CHECK(ids(d.removed) == std::vector<std::string>{"adopter-marital-status", "poverty-household"});
  REQUIRE(ids(d.changed) == std::vector<std::string>{"kinship-notarization"});
  REQUIRE(d.changed[0].fields.size() == 1);
  CHECK(d.changed[0].fields[0].field == "limit_working_days");
  CHECK(d.changed[0].fields[0].before == "5");
  CHECK(d.changed[0].fields[0].after == "3");
}

TEST_CASE("An item added without a qualifying basis is flagged 边减边增", "[diff]") {
  // 四（四） with 二（二）1: a new demand on committees needs a law, regulation or retained list.
  const ListDiff d = diff(version("v1.json"), version("v2.json"), Settings{}, national());
  REQUIRE(d.flags.size() == 2);
  CHECK(d.flags[0].kind == MechanismFlagKind::added_without_basis);
  CHECK(d.flags[0].item == "good-conduct");
  CHECK(d.flags[0].clause == "4.4");
  CHECK(std::string(chinese_name(d.flags[0].kind)) == "边减边增");
  CHECK_FALSE(d.flags[0].has_qualifying_basis);
}

TEST_CASE("A listed certificate brought back under a purpose name is flagged 明减暗增", "[diff]") {
  // 附件1 第8项 婚姻状况证明 re-added as 婚姻状况证明（用于银行贷款） with no basis.
  const ListDiff d = diff(version("v1.json"), version("v2.json"), Settings{}, national());
  REQUIRE(d.flags.size() == 2);
  CHECK(d.flags[1].kind == MechanismFlagKind::covert_readd);
  CHECK(d.flags[1].item == "marital-status-loan");
  CHECK(d.flags[1].removed_in == "marital-status");
  CHECK(std::string(chinese_name(d.flags[1].kind)) == "明减暗增");
}

TEST_CASE("A certificate removed and re-added in the same version under a new id is 明减暗增", "[diff]") {
  CatalogLayer v1 = version("v1.json");
  CatalogLayer v2 = v1;
  v2.provenance.id = "renamed";
  // 家庭经济困难证明 (a policy-document basis only) is "removed" and comes back renamed.
  for (auto& item : v2.items)
    if (item.id == "poverty-household") {
      item.id = "poverty-household-school";
      item.name = "家庭经济困难证明（用于助学）";
    }
  const ListDiff d = diff(v1, v2);
  CHECK(flags(d.flags) == std::vector<std::string>{"covert_readd:poverty-household-school"});
  CHECK(d.flags[0].removed_in == "poverty-household");
}

TEST_CASE("Which basis levels qualify is the catalog's setting", "[diff]") {
  Settings lenient;
  lenient.qualifying_levels.push_back(BasisLevel::policy_document);
  CatalogLayer v1 = version("v1.json");
  CatalogLayer v2 = v1;
  v2.items.erase(v2.items.begin() + 2);  // poverty-household (policy document)
  CatalogLayer v3 = v1;
  v3.provenance.id = "v3";
  CHECK(diff(v2, v3).flags.size() == 1);        // default: a policy document does not qualify
  CHECK(diff(v2, v3, lenient).flags.empty());    // a county that lets it qualify
}

TEST_CASE("A history flags an item removed and later re-added as 先减后增", "[diff]") {
  const ListHistory h =
      diff_history({version("v1.json"), version("v2.json"), version("v3.json")}, Settings{}, national());
  CHECK(h.versions == std::vector<std::string>{"test-county-v1", "test-county-v2", "test-county-v3"});
  REQUIRE(h.steps.size() == 2);
  CHECK(ids(h.steps[1].added) == std::vector<std::string>{"adopter-marital-status"});
  CHECK(h.steps[1].flags.empty());  // it has a qualifying basis: no 边减边增 in that step
  CHECK(flags(h.flags) == std::vector<std::string>{"added_without_basis:good-conduct",
                                                   "covert_readd:marital-status-loan",
                                                   "removed_then_readded:adopter-marital-status"});
  const MechanismFlag& f = h.flags.back();
  CHECK(f.version == "test-county-v3");
  CHECK(f.removed_in == "test-county-v2");
  CHECK(f.has_qualifying_basis);
  CHECK(std::string(chinese_name(f.kind)) == "先减后增");
}

TEST_CASE("先减后增 is found across a gap of several versions", "[diff]") {
  CatalogLayer v1 = version("v1.json"), v2 = version("v2.json"), v3 = version("v2.json"), v4 = version("v3.json");
  v3.provenance.id = "test-county-v2b";
  const ListHistory h = diff_history({v1, v2, v3, v4});
  REQUIRE_FALSE(h.flags.empty());
  const MechanismFlag& f = h.flags.back();
  CHECK(f.kind == MechanismFlagKind::removed_then_readded);
  CHECK(f.version == "test-county-v3");
  CHECK(f.removed_in == "test-county-v2");
}

TEST_CASE("A history needs at least two versions", "[diff]") {
  try {
    (void)diff_history({version("v1.json")});
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::invalid_argument);
  }
}

TEST_CASE("The diff JSON names the changes and the flags", "[diff]") {
  const auto v = boost::json::parse(to_json(diff(version("v1.json"), version("v2.json"), Settings{}, national())));
  CHECK(v.at("older") == "test-county-v1");
  CHECK(v.at("added").as_array().size() == 2);
  CHECK(v.at("removed").as_array().size() == 2);
  CHECK(v.at("changed").as_array().at(0).at("fields").as_array().at(0).at("field") == "limit_working_days");
  const auto& f = v.at("flags").as_array().at(0);
  CHECK(f.at("kind") == "added_without_basis");
  CHECK(f.at("name_zh") == "边减边增");
  CHECK(f.at("clause") == "4.4");
}

TEST_CASE("jianzheng diff exits 1 when the long-term mechanism finds something", "[diff][cli]") {
  const fs::path dir = fs::path(JIANZHENG_TEST_DATA_DIR) / "diff";
  auto run = [&](const std::string& files) {
    const std::string cmd = std::string("\"") + JIANZHENG_CLI + "\" diff --json " + files + " > /dev/null 2>&1";
    const int status = std::system(cmd.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  };
  const std::string v1 = "\"" + (dir / "v1.json").string() + "\"";
  const std::string v2 = "\"" + (dir / "v2.json").string() + "\"";
  const std::string v3 = "\"" + (dir / "v3.json").string() + "\"";
  CHECK(run(v1 + " " + v2 + " " + v3) == 1);
  CHECK(run(v1 + " " + v1) == 0);  // no change, nothing flagged
  CHECK(run(v1) == 2);             // usage: one version is not a diff
}

TEST_CASE("An item a version retires by a dated change counts as removed", "[diff]") {
  CatalogLayer v1 = version("v1.json");
  CatalogLayer v2 = v1;
  v2.provenance.id = "retiring";
  Change retire;
  retire.kind = ChangeKind::retire;
  retire.item = "poverty-household";
  retire.from = Date::from_ymd(2022, 1, 1);
  v2.changes.push_back(retire);
  const ListDiff d = diff(v1, v2);
  CHECK(ids(d.removed) == std::vector<std::string>{"poverty-household"});
  CHECK(d.added.empty());
}

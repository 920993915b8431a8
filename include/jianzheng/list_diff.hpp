// ListDiff: what changed between versions of a county list (二（三）2 清单), and the long-term
// mechanism of 四（四): 坚决杜绝边减边增、明减暗增、先减后增. Between two versions, an item added
// for committees to issue without a qualifying basis (Settings::qualifying_levels, 二（二）1) is
// 边减边增; one that brings back, under the same or a purpose-suffixed name, a certificate just
// removed or on a no-issue list is 明减暗增; across a history of versions, an item present, then
// absent, then present again is 先减后增.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "jianzheng/catalog.hpp"
#include "jianzheng/item.hpp"

namespace jianzheng {

/// How one item changed. JSON: "added", "removed", "changed".
enum class ItemChangeKind {
  added,    ///< Only in the newer version.
  removed,  ///< Only in the older version.
  changed,  ///< In both, with fields that differ.
};
/// The stable JSON name of a change kind.
const char* to_string(ItemChangeKind k) noexcept;

/// One field of an item that differs, as display strings.
struct FieldChange {
  std::string field;   ///< JSON field name, e.g. "name", "bases", "limit_working_days".
  std::string before;  ///< The old value, rendered ("" when absent).
  std::string after;   ///< The new value, rendered.
};

/// One item's change between two versions.
struct ItemChange {
  ItemChangeKind kind = ItemChangeKind::changed;  ///< Added, removed or changed.
  std::string item;                 ///< Item id.
  std::string name;                 ///< Its name (the newer one for changes).
  Disposition disposition = Disposition::by_committee;  ///< The newer (or removed) disposition.
  std::vector<FieldChange> fields;  ///< For `changed`: the fields that differ, in a fixed order.
};

/// 四（四）: the three patterns the long-term mechanism forbids. JSON: the snake_case names.
enum class MechanismFlagKind {
  added_without_basis,   ///< 边减边增: added for committees with no qualifying basis.
  covert_readd,          ///< 明减暗增: a removed or no-issue certificate back under its name.
  removed_then_readded,  ///< 先减后增: present, then removed, then present again.
};
/// The stable JSON name of a flag kind, e.g. "covert_readd".
const char* to_string(MechanismFlagKind k) noexcept;
/// "边减边增", "明减暗增" or "先减后增".
const char* chinese_name(MechanismFlagKind k) noexcept;

/// One flagged item.
struct MechanismFlag {
  MechanismFlagKind kind = MechanismFlagKind::added_without_basis;  ///< The pattern.
  std::string item;         ///< The item id in the version that (re)adds it.
  std::string name;         ///< Its name there.
  std::string version;      ///< Provenance id of the version that (re)adds it.
  std::string removed_in;   ///< 先减后增: the version it was absent from; 明减暗增: the
                            ///< removed or listed item it matches (id); else empty.
  bool has_qualifying_basis = false;  ///< Whether the (re)added item has a qualifying basis.
  std::string why;          ///< One Chinese sentence a reviewer can act on.
  std::string clause = "4.4";  ///< The clause: 四（四）.
};

/// The difference between two versions of a list.
struct ListDiff {
  std::string older;                  ///< Provenance id of the older version.
  std::string newer;                  ///< Provenance id of the newer version.
  std::vector<ItemChange> added;      ///< Items only in the newer version, in its order.
  std::vector<ItemChange> removed;    ///< Items only in the older version, in its order.
  std::vector<ItemChange> changed;    ///< Items in both that differ, in the newer order.
  std::vector<MechanismFlag> flags;   ///< 边减边增 and 明减暗增 (先减后增 needs a history).
};

/// Compares the items two layers add (an item the layer itself retires by a dated `retire`
/// change counts as removed from that version). Items match by id; an id only in the newer layer whose
/// name equals a removed item's name is still reported as added (and flagged 明减暗增 when it
/// lacks a qualifying basis). `listed` are items of the no-issue lists (e.g. the national
/// first batch) that an added item must not bring back without a basis; may be empty.
ListDiff diff(const CatalogLayer& older, const CatalogLayer& newer,
              const Settings& settings = Settings{}, const std::vector<Item>& listed = {});

/// A history of N versions, oldest first: the N-1 consecutive diffs, and every flag, including
/// 先减后增 (an item in version i, absent in some j > i, present again in k > j).
struct ListHistory {
  std::vector<std::string> versions;  ///< Provenance ids, oldest first.
  std::vector<ListDiff> steps;        ///< steps[i] compares versions[i] and versions[i+1].
  std::vector<MechanismFlag> flags;   ///< All flags, by version then item.
};
/// Diffs a history. Throws Error(invalid_argument) for fewer than two versions.
ListHistory diff_history(const std::vector<CatalogLayer>& versions,
                         const Settings& settings = Settings{}, const std::vector<Item>& listed = {});

/// JSON of a diff: {"older", "newer", "added", "removed", "changed", "flags"}.
std::string to_json(const ListDiff& diff);
/// JSON of a history: {"versions", "steps", "flags"}.
std::string to_json(const ListHistory& history);

}  // namespace jianzheng

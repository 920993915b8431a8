// Catalog (清单): a jurisdiction's certificate items and settings. Catalogs come in layers —
// the national first batch (附件1), then province, city and county — each a JSON file that
// can add items, add aliases, rename, retire an item from a date, record dated changes made
// by later law, and change settings. Catalog::compose stacks layers into the catalog in
// force on a date. A composed Catalog never changes and is shared across threads freely.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "jianzheng/date.hpp"
#include "jianzheng/finding.hpp"
#include "jianzheng/item.hpp"
#include "jianzheng/legal_basis.hpp"

namespace jianzheng {

/// The level of government a layer belongs to. JSON: snake_case names.
enum class JurisdictionLevel { national, province, city, county };
/// The stable JSON name of a JurisdictionLevel value.
const char* to_string(JurisdictionLevel l) noexcept;
/// Parses a JSON JurisdictionLevel name; nothing when it is not one.
std::optional<JurisdictionLevel> jurisdiction_level_from_string(std::string_view name) noexcept;

/// How a carve-out is recognised in a request's purpose. JSON: "any_word", "scenario".
enum class CarveOutMatching {
  any_word,  ///< The purpose contains any of the carve-out's words (default).
  scenario,  ///< The purpose contains the scenario name itself.
};
/// The stable JSON name of a CarveOutMatching value.
const char* to_string(CarveOutMatching m) noexcept;
/// Parses a JSON CarveOutMatching name; nothing when it is not one.
std::optional<CarveOutMatching> carve_out_matching_from_string(std::string_view name) noexcept;

/// Interpretation points the policy leaves open, each with a documented default (docs/design.md §4).
struct Settings {
  /// 二（一）1 / 二（二）1: levels whose bases qualify. Default: law,
  /// administrative_regulation, local_regulation, state_council_retained_list.
  std::vector<BasisLevel> qualifying_levels{
      BasisLevel::law, BasisLevel::administrative_regulation, BasisLevel::local_regulation,
      BasisLevel::state_council_retained_list};
  /// 二（一）2: whether public-interest matters also need an item basis. Default false: the
  /// organisation laws (村民委员会组织法 / 城市居民委员会组织法) are ground enough.
  bool public_interest_needs_item_basis = false;
  /// How carve-outs match a purpose. Default any_word.
  CarveOutMatching carve_out_matching = CarveOutMatching::any_word;
  /// 二（三）5: working-day limit of a complex item whose list gives none. Default 5.
  int default_limit_working_days = 5;

  /// Whether a basis of this level qualifies.
  bool qualifies(BasisLevel level) const noexcept;
};

/// A layer's partial settings: what it leaves absent, it inherits.
struct SettingsPatch {
  std::optional<std::vector<BasisLevel>> qualifying_levels;  ///< Replaces the whole set.
  std::optional<bool> public_interest_needs_item_basis;       ///< See Settings.
  std::optional<CarveOutMatching> carve_out_matching;         ///< See Settings.
  std::optional<int> default_limit_working_days;              ///< See Settings; at least 1.

  /// Applies what this patch sets to `s`.
  void apply_to(Settings& s) const;
  /// All four fields set from `s` (a base layer writes its settings out in full).
  static SettingsPatch from(const Settings& s);
};

/// Where a layer comes from.
struct Provenance {
  std::string id;               ///< Stable layer id, e.g. "cn-national-batch1".
  JurisdictionLevel level = JurisdictionLevel::national;  ///< Its level.
  std::string jurisdiction;     ///< e.g. "全国", "甘肃省", "肃南裕固族自治县".
  std::string title;            ///< The source document's title.
  std::string document_number;  ///< e.g. "民发〔2020〕20号".
  std::string batch;            ///< e.g. "第一批"; may be empty.
  Validity validity;            ///< When the layer is in force.
  bool example = false;         ///< True for illustrative layers that are not real lists.
  std::string note;             ///< Free notes: sources, caveats.
};

/// An alias added by a layer's alias table.
struct AliasEntry {
  std::string item;  ///< The item id it names.
  Alias alias;       ///< The alias.
};

/// A dated change a layer makes to items below it. JSON: "op" is the snake_case kind.
enum class ChangeKind {
  rename,         ///< `item` takes `name` from `from`; the old name stays as an alias.
  retire,         ///< `item` is no longer in force from `from`.
  end_carve_out,  ///< `item`'s carve-out `scenario` no longer applies from `from`.
  route_note,     ///< A note on `item`'s route, in force from `from`.
};
/// The stable JSON name of a ChangeKind value.
const char* to_string(ChangeKind k) noexcept;
/// Parses a JSON ChangeKind name; nothing when it is not one.
std::optional<ChangeKind> change_kind_from_string(std::string_view name) noexcept;

/// One dated change.
struct Change {
  ChangeKind kind = ChangeKind::rename;  ///< What it does.
  std::string item;              ///< The item id it changes.
  std::optional<Date> from;      ///< In force from this day; absent: with the layer.
  std::string name;              ///< rename: the new name.
  std::string scenario;          ///< end_carve_out: the carve-out's scenario.
  std::string text;              ///< route_note: the note; others: an explanation.
  std::string source;            ///< The document that made the change.
  std::vector<LegalBasis> bases; ///< The provisions behind it.
};

/// A platform purpose code (办理用途编码) and the carve-out scenario it stands for: a
/// request's `carve_out` may give the code instead of the scenario (docs/purpose.md).
struct PurposeCode {
  std::string code;      ///< As the platform assigns it; opaque, never generated here.
  std::string scenario;  ///< A carve-out scenario as the catalog names it, e.g. "不动产登记".
};

/// One catalog file, as written.
struct CatalogLayer {
  Provenance provenance;        ///< Where it comes from.
  std::string extends;          ///< Id of the layer it stacks on; empty for a base layer.
  SettingsPatch settings;       ///< Settings it changes.
  std::vector<Item> items;      ///< Items it adds.
  std::vector<AliasEntry> aliases;  ///< Aliases it adds to any item below or in it.
  std::vector<Change> changes;  ///< Dated changes.
  std::vector<PurposeCode> purpose_codes;  ///< Platform purpose codes it maps (an upper
                                           ///< layer's mapping of a code wins).
};

/// The catalog in force on a date: the composition of a stack of layers.
class Catalog {
 public:
  /// An empty catalog (no items, default settings).
  Catalog();

  /// Stacks `layers` (base first) as in force on `as_of` (today when absent). Layers not
  /// in force then, retired items and changes not yet in force are left out; carve-outs
  /// and route notes keep their own validity, checked at decision time.
  /// Throws Error (duplicate_id, unknown_reference, alias_collision …); all-or-nothing.
  [[nodiscard]] static Catalog compose(const std::vector<CatalogLayer>& layers,
                         std::optional<Date> as_of = std::nullopt);
  /// The embedded default: the national first batch, its alias table and dated changes.
  [[nodiscard]] static Catalog embedded_default(std::optional<Date> as_of = std::nullopt);

  /// Items in force, by list number then id (items without a number, seq 0, last).
  const std::vector<Item>& items() const noexcept { return items_; }
  /// The item with this id, or nullptr. O(log n), no allocation: safe in hot loops.
  const Item* find(std::string_view id) const noexcept;
  /// The item whose name or alias is exactly `name`, or nullptr. O(log n), no allocation.
  /// Fuzzy matching of free text is the name matcher's job (name_matcher.hpp).
  const Item* find_name(std::string_view name) const noexcept;
  /// Effective settings.
  const Settings& settings() const noexcept { return settings_; }
  /// The layers applied, base first.
  const std::vector<Provenance>& provenance() const noexcept { return provenance_; }
  /// Identity: the layer ids joined by "+", e.g. "cn-national-batch1+cn-aliases".
  std::string id() const;
  /// The date this composition is for.
  const Date& as_of() const noexcept { return as_of_; }
  /// Dates after as_of() at which a recomposition would differ (layer validity, renames,
  /// retirements), ascending: engines keep one composition per interval.
  const std::vector<Date>& breakpoints() const noexcept { return breakpoints_; }
  /// Platform purpose codes of the layers in force, by code.
  const std::vector<PurposeCode>& purpose_codes() const noexcept { return purpose_codes_; }
  /// The carve-out scenario a platform purpose code stands for, or nullptr. O(log n).
  const std::string* scenario_of_code(std::string_view code) const noexcept;

 private:
  std::vector<Item> items_;
  Settings settings_;
  std::vector<Provenance> provenance_;
  Date as_of_;
  std::vector<Date> breakpoints_;
  std::vector<PurposeCode> purpose_codes_;  // sorted by code
  std::vector<std::uint32_t> by_id_;                           // item positions, sorted by id
  std::vector<std::pair<std::string, std::uint32_t>> by_name_;  // (name or alias, position)

  void build_index();
};

/// The embedded default layers, base first.
std::vector<CatalogLayer> default_layers();
/// Parses one catalog file; `origin` names it in errors. Throws Error; all-or-nothing.
/// Checks the file on its own: references to items of layers below are checked when it is
/// stacked (the overload below, or Catalog::compose).
[[nodiscard]] CatalogLayer parse_catalog_layer(std::string_view json_text, std::string_view origin = "<text>");
/// Parses one catalog file meant to stack on `below` (base first) and checks it against
/// them too (extends, item references, alias collisions), so every error carries the
/// file's line:column. Throws Error; all-or-nothing.
[[nodiscard]] CatalogLayer parse_catalog_layer(std::string_view json_text, std::string_view origin,
                                 const std::vector<CatalogLayer>& below);
/// Reads and parses one catalog file (checked on its own).
[[nodiscard]] CatalogLayer load_catalog_layer(const std::string& path);
/// The layer stack for these files: each file stacks on the ones before it; unless the
/// first file is a base layer (no "extends"), they all stack on default_layers().
/// Each file is checked against what it stacks on. Throws Error; all-or-nothing.
[[nodiscard]] std::vector<CatalogLayer> load_catalog_layers(const std::vector<std::string>& paths);
/// Canonical JSON of a layer: load → save → load is identity; equal layers give equal bytes.
std::string to_json(const CatalogLayer& layer);
/// Canonical JSON of a composed catalog: {"catalog": {…}, "items": [Item, …]} (docs/design.md §8).
std::string to_json(const Catalog& catalog);
/// Canonical JSON of one item (docs/design.md §8).
std::string to_json(const Item& item);

/// Findings for data that loads but looks wrong; never throws for them. Codes:
/// by_committee_without_basis (2.1.1), by_committee_without_complexity (2.3.5),
/// listed_item_with_qualifying_basis (2.2.2), route_missing, route_without_channels,
/// carve_out_without_words, carve_out_ended, alias_contains_other_name,
/// near_duplicate_name, duplicate_seq, example_layer.
[[nodiscard]] std::vector<Finding> check(const Catalog& catalog);

}  // namespace jianzheng

// Item (证明事项): one certificate a committee might be asked for. An item on a no-issue
// list (附件1) is `not_by_committee` with a route (办事途径) and maybe carve-outs (…除外);
// an item on a county list of certificates committees issue (二（三）2) is `by_committee`
// with its legal bases and time limit (二（三）5); anything else is `unlisted`.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "jianzheng/date.hpp"
#include "jianzheng/legal_basis.hpp"
#include "jianzheng/route.hpp"

namespace jianzheng {

/// Where an item stands. JSON: "not_by_committee", "by_committee", "unlisted".
enum class Disposition {
  not_by_committee,  ///< On a 不应由…出具 list: 二（二）2.
  by_committee,      ///< On a county 应由…出具 list: 二（三）2.
  unlisted,          ///< On neither.
};
/// The stable JSON name of a Disposition value.
const char* to_string(Disposition d) noexcept;
/// Parses a JSON Disposition name; nothing when it is not one.
std::optional<Disposition> disposition_from_string(std::string_view name) noexcept;

/// 二（三）5: a simple certificate is done on the spot (当场办结), a complex one within
/// a time limit (限时办结). JSON: "simple", "complex".
enum class Complexity { simple, complex };
/// The stable JSON name of a Complexity value.
const char* to_string(Complexity c) noexcept;
/// Parses a JSON Complexity name; nothing when it is not one.
std::optional<Complexity> complexity_from_string(std::string_view name) noexcept;

/// Where an alias comes from. JSON: "seed" (the list's own parentheses) or "added".
enum class AliasSource { seed, added };
/// The stable JSON name of a AliasSource value.
const char* to_string(AliasSource s) noexcept;
/// Parses a JSON AliasSource name; nothing when it is not one.
std::optional<AliasSource> alias_source_from_string(std::string_view name) noexcept;

/// Another name of an item.
struct Alias {
  std::string name;                       ///< e.g. "单身证明".
  AliasSource source = AliasSource::added;  ///< From the policy, or added by a table.
};

/// A carve-out (（…除外）): a purpose for which the no-issue listing does not apply.
/// The committee may still issue, only for that purpose, within its duties, verifiably,
/// and the certificate states the purpose.
///
/// The purpose recogniser (purpose.hpp) reads a request's purpose against `words`, `hints`
/// and `look_alikes`. Each is a pattern: alternatives joined by `|`, and parts joined by `+`
/// that must all occur in one clause of the purpose, in any order — "房子|房屋+过户|转移"
/// is 房子 or 房屋 together with 过户 or 转移 (docs/purpose.md).
struct CarveOut {
  std::string scenario;               ///< As the list names it, e.g. "不动产登记".
  std::vector<std::string> words;     ///< Patterns that state it: the purpose is `matched`.
  std::vector<LegalBasis> bases;      ///< A real law or regulation behind it, when one exists.
  Validity validity;                  ///< When it applies (e.g. 法律援助 until 2022-01-01).
  std::string note;                   ///< Why the window is what it is, with its source.
  std::string text;                   ///< The exception as the list writes it, verbatim
                                      ///< (附件1 第1项: "不动产登记情况"); may be empty.
  std::vector<std::string> hints;     ///< Patterns that suggest it without stating it: `possible`.
  std::vector<std::string> look_alikes;  ///< Patterns that look like it and are not (补领结婚证
                                         ///< is no lost marriage archive): a word or hint
                                         ///< inside one does not count.
};

/// Codes the integrated government-service platform assigns. Opaque strings, never
/// generated here; empty when not assigned.
struct PlatformCodes {
  std::string basic_code;           ///< 基本编码 (12 characters).
  std::string implementation_code;  ///< 实施编码 (about 31, at most 36).
  std::string business_item_code;   ///< 业务办理项编码 (at most 50).
};

/// One certificate item.
struct Item {
  std::string id;                      ///< Stable ASCII id, e.g. "marital-status".
  int seq = 0;                         ///< List number (序号); 0 when it has none.
  std::string name;                    ///< 证明名称, e.g. "婚姻状况证明".
  std::vector<Alias> aliases;          ///< Other names, seed first.
  Disposition disposition = Disposition::unlisted;  ///< Where it stands.
  Route route;                         ///< 办事途径; empty unless not_by_committee.
  std::vector<CarveOut> carve_outs;    ///< （…除外）, in the list's order.
  std::vector<LegalBasis> bases;       ///< Its own legal bases (county lists).
  std::optional<Complexity> complexity;       ///< 二（三）5; absent when not set.
  std::optional<int> limit_working_days;      ///< 限时办结 limit, working days.
  std::string purpose;                 ///< 证明用途 / 办理用途, for by-committee items.
  PlatformCodes codes;                 ///< Platform codes, when assigned.
  Validity validity;                   ///< When the item is in force (retirement sets until).
  std::string layer;                   ///< Id of the catalog layer that added it (set by composition).
};

}  // namespace jianzheng

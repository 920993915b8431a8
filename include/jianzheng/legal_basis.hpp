// LegalBasis (法律法规依据): the law, regulation or list a certificate rests on. 二（一）1 and
// 二（二）1 turn on whether an item has a basis of a qualifying level: a law, an administrative
// or local regulation, or the State Council's retained list (经国务院批准列入保留证明事项清单).
// Which levels qualify is a catalog setting (Settings::qualifying_levels).
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "jianzheng/date.hpp"

namespace jianzheng {

/// The rank of a basis. JSON: the snake_case enumerator names.
enum class BasisLevel {
  law,                          ///< 法律 (全国人大及其常委会)
  administrative_regulation,    ///< 行政法规 (国务院)
  local_regulation,             ///< 地方性法规, 自治条例, 单行条例
  state_council_retained_list,  ///< 经国务院批准列入保留证明事项清单
  departmental_rule,            ///< 部门规章, 地方政府规章
  policy_document,              ///< 规范性文件 and other policy documents (通知, 意见, 方案 …)
  unknown,                      ///< The level cannot be told from the text.
};

/// The stable JSON name of a level, e.g. "administrative_regulation".
const char* to_string(BasisLevel level) noexcept;
/// Parses a JSON level name; nothing when it is not one.
std::optional<BasisLevel> basis_level_from_string(std::string_view name) noexcept;

/// One legal basis.
struct LegalBasis {
  std::string title;            ///< With book-title marks, e.g. 《中华人民共和国公证法》.
  std::string article;          ///< e.g. "第十一条"; empty when the whole text is meant.
  BasisLevel level = BasisLevel::unknown;  ///< Its rank.
  std::string text;             ///< The provision's words, when known; may be empty.
  std::string issuer;           ///< e.g. "全国人民代表大会常务委员会"; may be empty.
  std::string document_number;  ///< e.g. "民发〔2020〕20号"; may be empty.
  std::optional<Date> effective;  ///< In force from; absent when not recorded.
};

bool operator==(const LegalBasis& a, const LegalBasis& b) noexcept;

/// Parses a basis written as text, e.g. "《中华人民共和国公证法》第十一条" or
/// "某县人民政府关于…的通知": the title (in 《》 when marked, else the whole text up to the
/// article), the article (第…条, with any 第…款 after it) and the level where the title makes
/// it clear — 中华人民共和国…法 → law; 国务院 …条例 → administrative_regulation;
/// 省/自治区/市/县 …条例 (or 自治条例, 单行条例) → local_regulation; …办法/规定/规则/细则 of
/// a ministry or government (部, 委员会, 总局, 人民政府) → departmental_rule; 通知/意见/方案/
/// 决定/纪要 → policy_document; anything else → unknown. Never throws; empty text gives an
/// empty basis of level unknown.
LegalBasis parse_basis(std::string_view text);

}  // namespace jianzheng

// Route (办事途径): where a resident goes instead of the committee, for an item on a
// no-issue list. The text is the list's own, verbatim; the structure lets a platform act
// on it. Later changes made by public law are dated notes beside the text, never edits of it.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "jianzheng/date.hpp"

namespace jianzheng {

/// How the fact is established without the committee. JSON: the snake_case names.
enum class Channel {
  information_sharing,    ///< 信息共享核对: the department checks with another department.
  resident_documents,     ///< 居民据实提供: the resident shows documents he holds.
  agency_issues,          ///< Another agency issues the certificate (派出所, 医疗机构 …).
  agency_reissue,         ///< 补办/补发: a lost document is reissued by its agency.
  court_procedure,        ///< 人民法院依法定程序: a court declares or decides.
  self_obtained_consent,  ///< 自行征求利害关系人同意: the resident gets the consent himself.
  no_prerequisite,        ///< 无须前置证明材料: nothing from the committee is needed at all.
};

/// The stable JSON name of a channel.
const char* to_string(Channel channel) noexcept;
/// Parses a JSON channel name; nothing when it is not one.
std::optional<Channel> channel_from_string(std::string_view name) noexcept;

/// A dated note on a route: a later change made by public law, with its source.
struct RouteNote {
  std::string text;          ///< What changed, in Chinese.
  std::string source;        ///< The document that made the change, e.g. 国卫规划发〔2026〕5号.
  Validity validity;         ///< When the note applies.
};

/// 办事途径 of one item.
struct Route {
  std::string text;                    ///< Verbatim from the list (the whole cell).
  std::vector<Channel> channels;       ///< In the order the text gives them.
  std::vector<std::string> agencies;   ///< e.g. "公安", "民政", "卫生健康".
  std::vector<std::string> documents;  ///< What the resident can show instead.
  std::vector<RouteNote> notes;        ///< Dated changes; the text itself stays verbatim.

  /// Whether the route says anything (items not on a no-issue list have none).
  bool empty() const noexcept { return text.empty(); }
};

}  // namespace jianzheng

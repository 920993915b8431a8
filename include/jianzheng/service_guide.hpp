// ServiceGuide (办事指南): for every certificate a county list keeps for committees to issue,
// 二（三）3 requires a guide that makes concrete the certificate's form (证明样式), the procedure
// (办理程序) and working rules (操作规范), the time limit (出具时限), the use (办理用途) and the
// legal basis (法律法规依据), with uniform form samples (表单样本), published on the government
// portal, the service platform, in service halls and on WeChat. 二（三）5 sets the time limit
// (简单证明当场办结、复杂证明限时办结); 二（三）6 the supervision hotline (0936-6121532).
//
// A guide also carries what the integrated government-service platform needs to publish it as
// a public-service item (公共服务事项): the codes the platform assigns (opaque, never generated
// here), 事项类型 公共服务, 行使层级 村（社区）, and 办件类型 即办件 / 承诺件.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "jianzheng/catalog.hpp"
#include "jianzheng/finding.hpp"
#include "jianzheng/item.hpp"
#include "jianzheng/legal_basis.hpp"

namespace jianzheng {

/// 二（三）6: the county's supervision hotline, the default of ServiceGuide::supervision_hotline.
inline constexpr std::string_view kSupervisionHotline = "0936-6121532";

/// 二（三）3: where a guide is published. JSON: the snake_case names.
enum class PublicationChannel {
  government_portal,  ///< 政府门户网站
  service_platform,   ///< 政务服务平台
  service_hall,       ///< 服务场所 (便民服务大厅, 村（社区）服务站)
  wechat,             ///< 微信公众平台
};
/// The stable JSON name of a channel, e.g. "government_portal".
const char* to_string(PublicationChannel c) noexcept;
/// Parses a channel name; nothing when it is not one.
std::optional<PublicationChannel> publication_channel_from_string(std::string_view name) noexcept;
/// The Chinese name of a channel, e.g. "政府门户网站".
const char* chinese_name(PublicationChannel c) noexcept;

/// Platform 办件类型: 即办件 (code 1) for simple items done on the spot, 承诺件 (code 2) for
/// complex items done within a promised limit (二（三）5). JSON: "immediate", "promised".
enum class CaseKind {
  immediate,  ///< 即办件: 当场办结.
  promised,   ///< 承诺件: 限时办结.
};
/// The stable JSON name, "immediate" or "promised".
const char* to_string(CaseKind k) noexcept;
/// "即办件" or "承诺件".
const char* chinese_name(CaseKind k) noexcept;
/// The kind that follows from the item's complexity: simple → immediate, complex → promised.
CaseKind case_kind_for(Complexity c) noexcept;

/// One place a guide is published.
struct Publication {
  PublicationChannel channel = PublicationChannel::government_portal;  ///< Which channel.
  std::string where;  ///< An address, an account name or a hall; may be empty.
};

/// One material the applicant brings (所需材料 / 申请材料).
struct Material {
  std::string name;      ///< e.g. "居民身份证".
  std::string form;      ///< e.g. "原件", "复印件", "原件和复印件"; may be empty.
  int copies = 1;        ///< Number of copies (份数), at least 1.
  std::string note;      ///< e.g. "核验后退还"; may be empty.
};

/// One step of the procedure (办理流程).
struct ProcedureStep {
  std::string name;         ///< e.g. "申请", "受理", "核实", "出具".
  std::string description;  ///< What happens, who does it.
};

/// A text with {{placeholder}} fields: the certificate form (证明式样) or a form sample.
struct TextTemplate {
  std::string title;  ///< e.g. "亲属关系证明（用于办理公证）".
  std::string text;   ///< The body; placeholders are written {{名称}}.
};

/// The 办事指南 of one by-committee item.
struct ServiceGuide {
  std::string item;                    ///< The item id it belongs to (key in the guides file).
  std::string name;                    ///< 事项名称; defaults to the item's name.
  std::string purpose;                 ///< 用途 (办理用途); defaults to the item's purpose.
  std::string issuer;                  ///< 开具单位, e.g. "村（居）民委员会".
  std::vector<std::string> requesters; ///< 要求开具单位 (索要单位), e.g. "公证机构".
  std::vector<LegalBasis> bases;       ///< 法律法规依据 (title, article, text); defaults to the item's.
  std::string service_object;          ///< 服务对象, e.g. "自然人".
  std::vector<std::string> conditions; ///< 受理条件, in order.
  /// 受理条件 on residence: the applicant's 户籍 or residence in the village/community.
  std::string residence_condition;
  std::vector<Material> materials;     ///< 所需材料.
  std::vector<ProcedureStep> procedure;  ///< 办理流程, in order.
  std::optional<Complexity> complexity;  ///< 二（三）5; defaults to the item's.
  std::optional<int> limit_working_days; ///< 限时办结 limit; defaults to the item's / settings.
  /// 法定办结时限 in working days when a law sets one; usually absent.
  std::optional<int> legal_limit_working_days;
  TextTemplate certificate_template;   ///< 证明式样, with {{placeholders}}.
  std::vector<TextTemplate> forms;     ///< 表单样本 (申请表, 告知承诺书 …).
  std::string fee = "不收费";           ///< 收费标准; certificates are free.
  std::string location;                ///< 办理地点.
  std::string hours;                   ///< 办理时间.
  std::string consultation;            ///< 咨询方式 (telephone, place).
  std::string supervision_hotline{kSupervisionHotline};  ///< 监督投诉方式: 二（三）6.
  std::vector<Publication> published;  ///< 二（三）3: where it is published.
  std::string implementer;             ///< 实施主体, e.g. "各村（居）民委员会".
  PlatformCodes codes;                 ///< Platform codes (opaque); defaults to the item's.
  std::string note;                    ///< Free remarks.

  /// 办件类型, when the complexity is known.
  std::optional<CaseKind> case_kind() const noexcept;
};

/// A guides file: guides keyed by item id, for one county list.
struct GuideSet {
  std::string catalog;        ///< Id of the catalog layer the guides go with; may be empty.
  std::string jurisdiction;   ///< e.g. "示例县"; may be empty.
  bool example = false;       ///< True for illustrative data that is not a real county's.
  std::string note;           ///< Sources and caveats.
  std::vector<ServiceGuide> guides;  ///< In file order; item ids unique.

  /// The guide of this item, or nullptr.
  const ServiceGuide* find(std::string_view item) const noexcept;
};

/// Parses a guides file (docs/schemas/guide.schema.json); `origin` names it in errors.
/// Throws Error (malformed_json, missing_field, unknown_field, duplicate_id …); all-or-nothing.
GuideSet parse_guides(std::string_view json_text, std::string_view origin = "<text>");
/// Reads and parses a guides file.
GuideSet load_guides(const std::string& path);
/// Canonical JSON of a guides file: load → save → load is identity.
std::string to_json(const GuideSet& guides);
/// Canonical JSON of one guide, as written in a guides file plus "item".
std::string to_json(const ServiceGuide& guide);

/// The guide with the item's data filled in where the guide leaves it out: name, purpose,
/// bases, complexity, time limit (the settings' default for a complex item without one, 二（三）5)
/// and platform codes. The guide's own values win.
ServiceGuide complete_from(const ServiceGuide& guide, const Item& item, const Settings& settings);

/// 二（三）3: every missing required element of one guide, as findings
/// (code "guide_missing_field", where "guides/<item>/<field>"). Empty when complete.
std::vector<Finding> check_guide(const ServiceGuide& guide);
/// Checks a guide set against a catalog: each by-committee item must have a complete guide
/// (guides completed from their items first); a guide for an item that is missing or not
/// by-committee, platform codes that differ between item and guide, and a guides file written
/// for a catalog layer that is not in `catalog` (guides_for_other_catalog) are findings too.
std::vector<Finding> check_guides(const GuideSet& guides, const Catalog& catalog);

/// JSON of a guide check: {"catalog", "complete", "findings": [{"severity", "code", "where",
/// "message", "clause"}]}.
std::string guide_check_to_json(const std::vector<Finding>& findings, std::string_view catalog_id);

/// The {{placeholder}} names of a template, in first-appearance order, each once.
std::vector<std::string> placeholders(const TextTemplate& tmpl);
/// Fills the template with `values`. Throws Error(unfilled_placeholder) naming every
/// placeholder without a non-empty value; extra values are ignored. Throws
/// Error(invalid_value) for a malformed template (an unclosed "{{").
std::string fill(const TextTemplate& tmpl, const std::map<std::string, std::string>& values);
/// The certificate text itself: the guide's 证明式样 filled with a resident's details.
std::string fill_certificate(const ServiceGuide& guide,
                             const std::map<std::string, std::string>& values);

/// Parses a resident's details for fill(): a JSON object whose values are strings
/// ({"申请人姓名": "张三", …}). Throws Error (malformed_json, wrong_type …) naming the key.
std::map<std::string, std::string> parse_template_values(std::string_view json_text,
                                                         std::string_view origin = "<text>");

/// A guide as Markdown, for people and for publishing.
std::string to_markdown(const ServiceGuide& guide);
/// A printable, self-contained HTML page (inline CSS, A4, Chinese fonts), one guide per page.
/// `title` is the document title. All text is HTML-escaped.
std::string to_html(const std::vector<ServiceGuide>& guides, std::string_view title = "办事指南");

/// One guide in the element vocabulary of the national public-service item tables
/// (事项名称, 基本编码, 实施编码, 事项类型, 设定依据, 实施主体, 行使层级, 服务对象, 受理条件,
/// 申请材料, 办理流程, 办件类型, 法定办结时限, 承诺办结时限, 收费标准, 咨询方式, 监督投诉方式,
/// 办理地点, 办理时间 …), as canonical JSON. Codes are exported as given, "" when unassigned.
std::string to_platform_json(const std::vector<ServiceGuide>& guides);

/// One row of a published county certificate list (e.g. 赤壁 2023).
struct ListRow {
  std::string name;          ///< 证明名称
  std::string purpose;       ///< 证明用途
  std::string basis;         ///< 设定依据: the titles, "；"-joined
  std::string articles;      ///< 依据条文: "title article: text", "；"-joined
  std::string requesters;    ///< 索要单位, "、"-joined
  std::string issuer;        ///< 开具单位
  std::string level = "村（社区）";      ///< 行使层级
  std::string item_type = "公共服务";    ///< 事项类型
  std::string item;          ///< The item id (not a published column).
};
/// The by-committee items of a catalog as published-list rows, in catalog order, with
/// requesters and issuer from their guides when `guides` has them.
std::vector<ListRow> county_list(const Catalog& catalog, const GuideSet* guides = nullptr);
/// The rows as canonical JSON, keys in the published Chinese column names.
std::string to_json(const std::vector<ListRow>& rows);
/// The rows as a Markdown table 证明名称 | 证明用途 | 设定依据 | 依据条文 | 索要单位 | 开具单位 | 行使层级 | 事项类型.
std::string to_markdown(const std::vector<ListRow>& rows);

}  // namespace jianzheng

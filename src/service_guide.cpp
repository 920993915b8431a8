// Service guides (二（三）3): completion from the county list, the completeness check,
// certificate templates, and the Markdown / HTML renderings. JSON lives in
// src/json/service_guide_json.cpp.
#include "strings.hpp"
#include "markup.hpp"
#include "jianzheng/service_guide.hpp"

#include <algorithm>
#include <set>
#include <sstream>

#include "enum_names.hpp"
#include "jianzheng/error.hpp"

namespace jianzheng {
namespace {

constexpr detail::EnumNames<PublicationChannel, 4> kChannelNames{{
    {PublicationChannel::government_portal, "government_portal"},
    {PublicationChannel::service_platform, "service_platform"},
    {PublicationChannel::service_hall, "service_hall"},
    {PublicationChannel::wechat, "wechat"},
}};

constexpr detail::EnumNames<CaseKind, 2> kCaseKindNames{{
    {CaseKind::immediate, "immediate"},
    {CaseKind::promised, "promised"},
}};

bool blank(const std::string& s) {
  return s.find_first_not_of(" \t\r\n") == std::string::npos;
}

std::string basis_citation(const LegalBasis& b) { return b.title + b.article; }

// 二（三）5: "当场办结" or "N个工作日内办结"; empty when the time limit is unknown.
std::string time_limit_text(const ServiceGuide& g) {
  if (!g.complexity) return "";
  if (*g.complexity == Complexity::simple) return "当场办结";
  if (!g.limit_working_days) return "";
  return std::to_string(*g.limit_working_days) + "个工作日内办结";
}

// Escapes the few characters that would change a Markdown table cell or start markup.
std::string md_cell(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '|') out += "\\|";
    else if (c == '\n') out += "<br>";
    else if (c == '\r') continue;
    else out += c;
  }
  return out;
}

// Each line of a multi-line text, quoted as a Markdown block quote so it keeps its layout.
std::string md_quote(std::string_view s) {
  std::string out = "> ";
  for (char c : s) {
    if (c == '\n') out += "  \n> ";
    else if (c != '\r') out += c;
  }
  return out + "\n";
}

std::string html_multiline(std::string_view s) {
  std::string out;
  std::size_t start = 0;
  while (true) {
    std::size_t nl = s.find('\n', start);
    out += detail::escape_markup(s.substr(start, nl == std::string_view::npos ? nl : nl - start));
    if (nl == std::string_view::npos) break;
    out += "<br>";
    start = nl + 1;
  }
  return out;
}

void add_missing(std::vector<Finding>& out, const ServiceGuide& g, const std::string& field,
                 const std::string& what, const std::string& clause) {
  out.push_back(Finding{Severity::error, "guide_missing_field",
                        "guides/" + g.item + "/" + field,
                        "办事指南缺少" + what + " (missing " + field + ")", clause});
}

}  // namespace

const char* to_string(PublicationChannel c) noexcept { return kChannelNames.name(c); }
std::optional<PublicationChannel> publication_channel_from_string(std::string_view s) noexcept {
  return kChannelNames.parse(s);
}
const char* chinese_name(PublicationChannel c) noexcept {
  switch (c) {
    case PublicationChannel::government_portal: return "政府门户网站";
    case PublicationChannel::service_platform: return "政务服务平台";
    case PublicationChannel::service_hall: return "服务场所";
    case PublicationChannel::wechat: return "微信公众平台";
  }
  return "";
}

const char* to_string(CaseKind k) noexcept { return kCaseKindNames.name(k); }
const char* chinese_name(CaseKind k) noexcept {
  return k == CaseKind::immediate ? "即办件" : "承诺件";
}
// 二（三）5: simple certificates are done on the spot (即办件), complex ones within a limit (承诺件).
CaseKind case_kind_for(Complexity c) noexcept {
  return c == Complexity::simple ? CaseKind::immediate : CaseKind::promised;
}

std::optional<CaseKind> ServiceGuide::case_kind() const noexcept {
  if (!complexity) return std::nullopt;
  return case_kind_for(*complexity);
}

const ServiceGuide* GuideSet::find(std::string_view item) const noexcept {
  for (const auto& g : guides)
    if (g.item == item) return &g;
  return nullptr;
}

ServiceGuide complete_from(const ServiceGuide& guide, const Item& item, const Settings& settings) {
  ServiceGuide g = guide;
  if (g.item.empty()) g.item = item.id;
  if (blank(g.name)) g.name = item.name;
  if (blank(g.purpose)) g.purpose = item.purpose;
  if (g.bases.empty()) g.bases = item.bases;
  if (!g.complexity) g.complexity = item.complexity;
  if (g.complexity == Complexity::complex && !g.limit_working_days)
    // 二（三）5 限时办结: the list's own limit, else the catalog's documented default.
    g.limit_working_days = item.limit_working_days ? item.limit_working_days
                                                   : std::optional<int>(settings.default_limit_working_days);
  if (g.codes.basic_code.empty()) g.codes.basic_code = item.codes.basic_code;
  if (g.codes.implementation_code.empty()) g.codes.implementation_code = item.codes.implementation_code;
  if (g.codes.business_item_code.empty()) g.codes.business_item_code = item.codes.business_item_code;
  return g;
}

std::vector<Finding> check_guide(const ServiceGuide& g) {
  std::vector<Finding> out;
  // 二（三）3 lists what a guide must make concrete; the issue adds the platform's elements.
  if (blank(g.name)) add_missing(out, g, "name", "事项名称", "2.3.3");
  if (blank(g.purpose)) add_missing(out, g, "purpose", "办理用途", "2.3.3");
  if (blank(g.issuer)) add_missing(out, g, "issuer", "开具单位", "2.3.3");
  if (g.requesters.empty()) add_missing(out, g, "requesters", "要求开具单位", "2.3.4");
  if (g.bases.empty()) {
    add_missing(out, g, "bases", "法律法规依据", "2.3.3");
  } else {
    for (std::size_t i = 0; i < g.bases.size(); ++i) {
      const auto& b = g.bases[i];
      const std::string f = "bases/" + std::to_string(i);
      if (blank(b.title)) add_missing(out, g, f + "/title", "依据名称", "2.3.3");
      if (blank(b.article)) add_missing(out, g, f + "/article", "依据条款", "2.3.3");
      if (blank(b.text)) add_missing(out, g, f + "/text", "依据条文内容", "2.3.3");
    }
  }
  if (g.conditions.empty()) add_missing(out, g, "conditions", "受理条件", "2.3.3");
  if (blank(g.residence_condition))
    add_missing(out, g, "residence_condition", "户籍或居住地受理条件", "2.3.3");
  if (g.materials.empty()) add_missing(out, g, "materials", "所需材料", "2.3.3");
  if (g.procedure.empty()) add_missing(out, g, "procedure", "办理流程", "2.3.3");
  if (!g.complexity) {
    add_missing(out, g, "complexity", "办理时限（当场办结或限时办结）", "2.3.5");
  } else if (*g.complexity == Complexity::complex && (!g.limit_working_days || *g.limit_working_days <= 0)) {
    add_missing(out, g, "limit_working_days", "限时办结的工作日数", "2.3.5");
  }
  if (blank(g.certificate_template.text))
    add_missing(out, g, "certificate_template", "证明式样", "2.3.3");
  if (g.forms.empty()) add_missing(out, g, "forms", "表单样本", "2.3.3");
  if (blank(g.location)) add_missing(out, g, "location", "办理地点", "2.3.3");
  if (blank(g.hours)) add_missing(out, g, "hours", "办理时间", "2.3.3");
  if (blank(g.consultation)) add_missing(out, g, "consultation", "咨询方式", "2.3.3");
  if (blank(g.supervision_hotline))
    add_missing(out, g, "supervision_hotline", "监督电话", "2.3.6");
  // 二（三）3: published on the portal, the service platform, in service halls and on WeChat.
  for (auto c : {PublicationChannel::government_portal, PublicationChannel::service_platform,
                 PublicationChannel::service_hall, PublicationChannel::wechat}) {
    bool found = std::any_of(g.published.begin(), g.published.end(),
                             [c](const Publication& p) { return p.channel == c; });
    if (!found)
      add_missing(out, g, std::string("published/") + to_string(c),
                  std::string("公布渠道：") + chinese_name(c), "2.3.3");
  }
  return out;
}

std::vector<Finding> check_guides(const GuideSet& guides, const Catalog& catalog) {
  std::vector<Finding> out;
  const auto& items = catalog.items();
  // Guides written for another county's list would describe items this catalog may not have.
  if (!guides.catalog.empty()) {
    const auto& layers = catalog.provenance();
    if (std::none_of(layers.begin(), layers.end(),
                     [&](const Provenance& p) { return p.id == guides.catalog; }))
      out.push_back(Finding{Severity::warning, "guides_for_other_catalog", "guides",
                            "办事指南文件对应的清单“" + guides.catalog + "”不在当前清单 " + catalog.id() +
                                " 中 (guides written for another catalog)",
                            "2.3.3"});
  }
  for (const auto& item : items) {
    if (item.disposition != Disposition::by_committee) continue;
    const ServiceGuide* g = guides.find(item.id);
    if (!g) {
      out.push_back(Finding{Severity::error, "guide_missing", "guides/" + item.id,
                            "应由村（社区）出具的证明事项“" + item.name +
                                "”没有办事指南 (by-committee item without a guide)",
                            "2.3.3"});
      continue;
    }
    for (auto& f : check_guide(complete_from(*g, item, catalog.settings()))) out.push_back(std::move(f));
    // Codes are the platform's: a guide and its item must not disagree.
    auto differ = [](const std::string& a, const std::string& b) {
      return !a.empty() && !b.empty() && a != b;
    };
    if (differ(g->codes.basic_code, item.codes.basic_code) ||
        differ(g->codes.implementation_code, item.codes.implementation_code) ||
        differ(g->codes.business_item_code, item.codes.business_item_code))
      out.push_back(Finding{Severity::error, "guide_codes_differ", "guides/" + item.id + "/codes",
                            "办事指南与清单的平台编码不一致 (platform codes differ from the item's)",
                            "2.3.3"});
  }
  for (const auto& g : guides.guides) {
    auto it = std::find_if(items.begin(), items.end(),
                           [&](const Item& i) { return i.id == g.item; });
    if (it == items.end()) {
      out.push_back(Finding{Severity::error, "guide_unknown_item", "guides/" + g.item,
                            "办事指南对应的事项不在清单中 (no such item in the catalog)", "2.3.3"});
    } else if (it->disposition != Disposition::by_committee) {
      out.push_back(Finding{Severity::warning, "guide_not_by_committee", "guides/" + g.item,
                            "“" + it->name + "”不属于应由村（社区）出具的证明事项，不应编制出具证明的办事指南 "
                            "(item is not by-committee)",
                            "2.2.2"});
    }
  }
  return out;
}

std::vector<std::string> placeholders(const TextTemplate& tmpl) {
  std::vector<std::string> out;
  const std::string& t = tmpl.text;
  std::size_t pos = 0;
  while ((pos = t.find("{{", pos)) != std::string::npos) {
    std::size_t end = t.find("}}", pos + 2);
    if (end == std::string::npos)
      throw Error(ErrorCode::invalid_value, "certificate_template",
                  "unclosed \"{{\" in template \"" + tmpl.title + "\" (模板占位符未闭合)");
    std::string name = t.substr(pos + 2, end - pos - 2);
    if (name.empty() || name.find("{{") != std::string::npos)
      throw Error(ErrorCode::invalid_value, "certificate_template",
                  "empty or nested placeholder in template \"" + tmpl.title + "\"");
    if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
    pos = end + 2;
  }
  return out;
}

std::string fill(const TextTemplate& tmpl, const std::map<std::string, std::string>& values) {
  const auto names = placeholders(tmpl);
  std::vector<std::string> unfilled;
  for (const auto& n : names) {
    auto it = values.find(n);
    if (it == values.end() || blank(it->second)) unfilled.push_back(n);
  }
  // A certificate with a blank where a fact belongs must never be printed.
  if (!unfilled.empty())
    throw Error(ErrorCode::unfilled_placeholder, detail::join_nonempty(unfilled, ","),
                "证明式样“" + tmpl.title + "”尚有未填写的项目: " + detail::join_nonempty(unfilled, "、") +
                    " (unfilled placeholders)");
  std::string out;
  const std::string& t = tmpl.text;
  std::size_t pos = 0;
  while (true) {
    std::size_t open = t.find("{{", pos);
    if (open == std::string::npos) {
      out.append(t, pos, std::string::npos);
      break;
    }
    std::size_t close = t.find("}}", open + 2);
    out.append(t, pos, open - pos);
    out += values.at(t.substr(open + 2, close - open - 2));
    pos = close + 2;
  }
  return out;
}

std::string fill_certificate(const ServiceGuide& guide,
                             const std::map<std::string, std::string>& values) {
  if (blank(guide.certificate_template.text))
    throw Error(ErrorCode::invalid_argument, "guides/" + guide.item + "/certificate_template",
                "办事指南没有证明式样 (the guide has no certificate template)");
  return fill(guide.certificate_template, values);
}

namespace {

// The guide's summary table, shared by the Markdown and HTML renderings: element name and
// value, in the order published guides use. Platform codes appear only once assigned.
std::vector<std::pair<std::string_view, std::string>> summary_rows(const ServiceGuide& g) {
  std::vector<std::pair<std::string_view, std::string>> rows{
      {"事项名称", g.name},
      {"用途", g.purpose},
      {"开具单位", g.issuer},
      {"要求开具单位", detail::join_nonempty(g.requesters, "、")},
      {"实施主体", g.implementer},
      {"服务对象", g.service_object},
      {"办理时限", time_limit_text(g)},
  };
  if (auto k = g.case_kind()) rows.emplace_back("办件类型", chinese_name(*k));
  rows.insert(rows.end(), {{"收费标准", g.fee},
                           {"办理地点", g.location},
                           {"办理时间", g.hours},
                           {"咨询方式", g.consultation},
                           {"监督投诉电话", g.supervision_hotline}});
  if (!g.codes.basic_code.empty()) rows.emplace_back("基本编码", g.codes.basic_code);
  if (!g.codes.implementation_code.empty()) rows.emplace_back("实施编码", g.codes.implementation_code);
  if (!g.codes.business_item_code.empty()) rows.emplace_back("业务办理项编码", g.codes.business_item_code);
  return rows;
}

}  // namespace

std::string to_markdown(const ServiceGuide& g) {
  std::ostringstream md;
  md << "# " << g.name << " 办事指南\n\n";
  md << "| 要素 | 内容 |\n| --- | --- |\n";
  for (const auto& [k, v] : summary_rows(g))
    md << "| " << k << " | " << (v.empty() ? "（未填写）" : md_cell(v)) << " |\n";

  md << "\n## 法律法规依据\n\n";
  for (const auto& b : g.bases) {
    md << "- " << basis_citation(b);
    if (!b.text.empty()) md << "：" << b.text;
    md << "\n";
  }
  md << "\n## 受理条件\n\n";
  if (!g.residence_condition.empty()) md << "- " << g.residence_condition << "\n";
  for (const auto& c : g.conditions) md << "- " << c << "\n";
  md << "\n## 所需材料\n\n| 材料名称 | 形式 | 份数 | 说明 |\n| --- | --- | --- | --- |\n";
  for (const auto& m : g.materials)
    md << "| " << md_cell(m.name) << " | " << md_cell(m.form) << " | " << m.copies << " | "
       << md_cell(m.note) << " |\n";
  md << "\n## 办理流程\n\n";
  int n = 1;
  for (const auto& s : g.procedure) md << n++ << ". **" << s.name << "**：" << s.description << "\n";
  md << "\n## 证明式样\n\n";
  if (!g.certificate_template.title.empty()) md << "**" << g.certificate_template.title << "**\n\n";
  md << md_quote(g.certificate_template.text);
  for (const auto& f : g.forms) {
    md << "\n## 表单样本：" << f.title << "\n\n" << md_quote(f.text);
  }
  md << "\n## 公布渠道\n\n";
  for (const auto& p : g.published) {
    md << "- " << chinese_name(p.channel);
    if (!p.where.empty()) md << "：" << p.where;
    md << "\n";
  }
  if (!g.note.empty()) md << "\n## 备注\n\n" << g.note << "\n";
  return md.str();
}

std::string to_html(const std::vector<ServiceGuide>& guides, std::string_view title) {
  std::ostringstream h;
  h << "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>"
    << detail::escape_markup(title) << "</title>\n<style>\n"
    << "@page { size: A4; margin: 20mm 18mm; }\n"
    << "body { font-family: \"Noto Sans CJK SC\", \"Source Han Sans SC\", \"SimSun\", serif;"
       " font-size: 11pt; line-height: 1.6; color: #000; margin: 0; }\n"
    << "section.guide { page-break-after: always; break-after: page; }\n"
    << "section.guide:last-of-type { page-break-after: auto; break-after: auto; }\n"
    << "h1 { font-size: 18pt; text-align: center; margin: 0 0 12pt; }\n"
    << "h2 { font-size: 13pt; border-bottom: 1px solid #000; margin: 14pt 0 6pt; }\n"
    << "table { border-collapse: collapse; width: 100%; }\n"
    << "th, td { border: 1px solid #000; padding: 3pt 6pt; vertical-align: top; text-align: left; }\n"
    << "th { width: 8em; background: #f2f2f2; }\n"
    << ".certificate { border: 1px solid #000; padding: 12pt; white-space: normal; }\n"
    << "@media screen { body { max-width: 210mm; margin: 0 auto; } }\n"
    << "</style>\n</head>\n<body>\n";
  for (const auto& g : guides) {
    h << "<section class=\"guide\" id=\"" << detail::escape_markup(g.item) << "\">\n<h1>"
      << detail::escape_markup(g.name) << " 办事指南</h1>\n<table>\n";
    for (const auto& [k, v] : summary_rows(g))
      h << "<tr><th>" << detail::escape_markup(k) << "</th><td>" << html_multiline(v) << "</td></tr>\n";
    h << "</table>\n<h2>法律法规依据</h2>\n<ul>\n";
    for (const auto& b : g.bases) {
      h << "<li>" << detail::escape_markup(basis_citation(b));
      if (!b.text.empty()) h << "：" << detail::escape_markup(b.text);
      h << "</li>\n";
    }
    h << "</ul>\n<h2>受理条件</h2>\n<ul>\n";
    if (!g.residence_condition.empty()) h << "<li>" << detail::escape_markup(g.residence_condition) << "</li>\n";
    for (const auto& c : g.conditions) h << "<li>" << detail::escape_markup(c) << "</li>\n";
    h << "</ul>\n<h2>所需材料</h2>\n<table>\n<tr><th>材料名称</th><th>形式</th><th>份数</th><th>说明</th></tr>\n";
    for (const auto& m : g.materials)
      h << "<tr><td>" << detail::escape_markup(m.name) << "</td><td>" << detail::escape_markup(m.form) << "</td><td>"
        << m.copies << "</td><td>" << detail::escape_markup(m.note) << "</td></tr>\n";
    h << "</table>\n<h2>办理流程</h2>\n<ol>\n";
    for (const auto& s : g.procedure)
      h << "<li><strong>" << detail::escape_markup(s.name) << "</strong>：" << detail::escape_markup(s.description) << "</li>\n";
    h << "</ol>\n<h2>证明式样</h2>\n<div class=\"certificate\">\n";
    if (!g.certificate_template.title.empty())
      h << "<p><strong>" << detail::escape_markup(g.certificate_template.title) << "</strong></p>\n";
    h << "<p>" << html_multiline(g.certificate_template.text) << "</p>\n</div>\n";
    for (const auto& f : g.forms)
      h << "<h2>表单样本：" << detail::escape_markup(f.title) << "</h2>\n<div class=\"certificate\"><p>"
        << html_multiline(f.text) << "</p></div>\n";
    h << "<h2>公布渠道</h2>\n<ul>\n";
    for (const auto& p : g.published) {
      h << "<li>" << chinese_name(p.channel);
      if (!p.where.empty()) h << "：" << detail::escape_markup(p.where);
      h << "</li>\n";
    }
    h << "</ul>\n</section>\n";
  }
  h << "</body>\n</html>\n";
  return h.str();
}

std::vector<ListRow> county_list(const Catalog& catalog, const GuideSet* guides) {
  std::vector<ListRow> rows;
  for (const auto& item : catalog.items()) {
    if (item.disposition != Disposition::by_committee) continue;
    const ServiceGuide* g = guides ? guides->find(item.id) : nullptr;
    ListRow r;
    r.item = item.id;
    r.name = item.name;
    r.purpose = !item.purpose.empty() ? item.purpose : (g ? g->purpose : "");
    std::vector<std::string> titles, articles;
    const auto& bases = !item.bases.empty() ? item.bases : (g ? g->bases : item.bases);
    for (const auto& b : bases) {
      if (std::find(titles.begin(), titles.end(), b.title) == titles.end()) titles.push_back(b.title);
      articles.push_back(basis_citation(b) + (b.text.empty() ? "" : "：" + b.text));
    }
    r.basis = detail::join_nonempty(titles, "；");
    r.articles = detail::join_nonempty(articles, "；");
    if (g) {
      r.requesters = detail::join_nonempty(g->requesters, "、");
      r.issuer = g->issuer;
    }
    if (r.issuer.empty()) r.issuer = "村（居）民委员会";
    rows.push_back(std::move(r));
  }
  return rows;
}

std::string to_markdown(const std::vector<ListRow>& rows) {
  std::ostringstream md;
  md << "| 序号 | 证明名称 | 证明用途 | 设定依据 | 依据条文 | 索要单位 | 开具单位 | 行使层级 | 事项类型 |\n"
     << "| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n";
  int n = 1;
  for (const auto& r : rows)
    md << "| " << n++ << " | " << md_cell(r.name) << " | " << md_cell(r.purpose) << " | "
       << md_cell(r.basis) << " | " << md_cell(r.articles) << " | " << md_cell(r.requesters)
       << " | " << md_cell(r.issuer) << " | " << md_cell(r.level) << " | " << md_cell(r.item_type)
       << " |\n";
  return md.str();
}

}  // namespace jianzheng

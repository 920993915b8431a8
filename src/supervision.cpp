// Supervision report (二（三）6): classify each complaint with the decision core, gather the
// complaints per demanding body for 通报 and correction by its superior.
#include "jianzheng/supervision.hpp"

#include <algorithm>
#include <map>
#include <sstream>

#include "csv.hpp"
#include "text/charset.hpp"
#include "text/position.hpp"
#include "jianzheng/error.hpp"
#include "jianzheng/legal_basis.hpp"

namespace jianzheng {
namespace {

std::string trimmed(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  const auto e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

// A table cell: "|" and line breaks would break the Markdown table.
std::string cell(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '|') out += "\\|";
    else if (c == '\n') out += " ";
    else if (c != '\r') out += c;
  }
  return out;
}

// What the body asked for, as reported, and the item it was recognised as.
std::string demanded_as_reported(const ComplaintResult& r) {
  const auto& c = r.record.complaint;
  if (r.verdict.item && !c.text.empty() && c.text != r.verdict.item->name)
    return c.text + "（即" + r.verdict.item->name + "）";
  return r.verdict.item ? r.verdict.item->name : (!c.text.empty() ? c.text : c.item);
}

std::string demanded_name(const ComplaintResult& r) {
  if (r.verdict.item) return r.verdict.item->name;
  return !r.record.complaint.text.empty() ? r.record.complaint.text : r.record.complaint.item;
}

// CSV column names: the English key, or the Chinese heading a county office would write.
struct Column {
  const char* key;
  const char* zh;
};
constexpr Column kColumns[] = {
    {"id", "编号"},         {"date", "日期"},         {"channel", "渠道"},
    {"body", "索要单位"},   {"body_kind", "单位类型"}, {"superior", "上级主管部门"},
    {"item", "事项"},       {"demanded", "索要证明"},  {"purpose", "用途"},
    {"bases", "依据"},      {"basis_levels", "依据层级"}, {"note", "备注"},
};

std::vector<std::string> split_bases(const std::string& cell) {
  // Citations are separated by "；" (or ";"), as the county's tables write them.
  std::vector<std::string> out;
  std::string cur;
  for (std::size_t i = 0; i < cell.size();) {
    if (cell.compare(i, 3, "；") == 0) {
      out.push_back(cur);
      cur.clear();
      i += 3;
    } else if (cell[i] == ';') {
      out.push_back(cur);
      cur.clear();
      ++i;
    } else {
      cur += cell[i++];
    }
  }
  out.push_back(cur);
  std::vector<std::string> kept;
  for (auto& s : out)
    if (!trimmed(s).empty()) kept.push_back(trimmed(s));
  return kept;
}

}  // namespace

std::vector<ComplaintRecord> parse_complaints_csv(std::string_view text, std::string_view origin) {
  // Spreadsheet programs in a Chinese locale save CSV as UTF-8 or as GB18030 (code page 936).
  const detail::Decoded decoded = detail::decode_to_utf8(text, origin);
  const auto rows = detail::parse_csv(decoded.utf8, origin);
  const std::string file(origin);
  if (rows.empty()) throw Error(ErrorCode::missing_field, file + ":1", "empty CSV: no header row (缺少表头)");
  // Map each known column to its position; unknown headings are errors, like unknown JSON keys.
  std::map<std::string, std::size_t> at;
  const auto& header = rows.front();
  std::vector<bool> headed(header.cells.size(), false);
  std::size_t width = 0;  // up to the last heading
  for (std::size_t i = 0; i < header.cells.size(); ++i) {
    const std::string h = trimmed(header.cells[i]);
    if (h.empty()) continue;
    headed[i] = true;
    width = i + 1;
    const Column* col = nullptr;
    for (const auto& c : kColumns)
      if (h == c.key || h == c.zh) col = &c;
    if (!col)
      throw Error(ErrorCode::unknown_field, detail::text_location(file, header.line, header.column(i)),
                  "unknown column \"" + h + "\" (未知列); the columns are date/日期, channel/渠道, "
                  "body/索要单位, body_kind/单位类型, superior/上级主管部门, item/事项, demanded/索要证明, "
                  "purpose/用途, bases/依据, basis_levels/依据层级, note/备注");
    if (!at.emplace(col->key, i).second)
      throw Error(ErrorCode::duplicate_id, detail::text_location(file, header.line, header.column(i)),
                  "column \"" + h + "\" appears twice (列重复)");
  }
  if (!at.count("body"))
    throw Error(ErrorCode::missing_field, detail::text_location(file, header.line),
                "the column body/索要单位 is missing (缺少“索要单位”列)");
  if (!at.count("item") && !at.count("demanded"))
    throw Error(ErrorCode::missing_field, detail::text_location(file, header.line),
                "the column demanded/索要证明 (or item/事项) is missing");
  std::vector<ComplaintRecord> out;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const auto& row = rows[r];
    if (row.is_blank()) continue;
    // Nothing dropped: text under no heading, or a row cut short, is refused (as for 附件2).
    if (const std::size_t j = detail::stray_cell(row, headed); j != std::string::npos)
      throw Error(ErrorCode::invalid_value, detail::text_location(file, row.line, row.column(j)),
                  "a cell under no column heading (该单元格不在任何一列下): \"" + trimmed(row.cells[j]) + "\"");
    if (detail::is_cut_off(row, width))
      throw Error(ErrorCode::invalid_value, detail::text_location(file, row.line, row.column(row.cells.size())),
                  "the row has " + std::to_string(row.cells.size()) + " of the table's " + std::to_string(width) +
                      " cells: it is incomplete — was the file cut off? (该行不完整，文件可能被截断)");
    const std::string where = detail::origin_line_column(file, row.line);
    auto cell = [&](const char* key) {
      auto it = at.find(key);
      return it == at.end() ? std::string() : trimmed(row.cell(it->second));
    };
    ComplaintRecord rec;
    rec.where = "row " + std::to_string(row.line);
    if (auto id = cell("id"); !id.empty()) rec.where = id;  // the clerk's own reference wins
    Complaint& c = rec.complaint;
    if (auto d = cell("date"); !d.empty()) c.date = Date::parse(d, where + " date");
    c.channel = cell("channel");
    c.body = cell("body");
    if (c.body.empty()) throw Error(ErrorCode::missing_field, where, "the demanding body (索要单位) is empty");
    if (auto k = cell("body_kind"); !k.empty()) {
      auto v = requester_kind_from_string(k);
      if (!v)
        throw Error(ErrorCode::unknown_enum, where,
                    "\"" + k + "\" is not a body kind; expected one of government_department, "
                    "public_institution, service_agency, civil_commercial_entity, court, resident, other");
      c.body_kind = *v;
    }
    rec.superior = cell("superior");
    c.item = cell("item");
    c.text = cell("demanded");
    if (c.item.empty() && c.text.empty())
      throw Error(ErrorCode::missing_field, where, "what was demanded (索要证明) is empty");
    c.purpose = cell("purpose");
    // Levels, when given, align with the citations; otherwise each is inferred (parse_basis),
    // which cannot tell that a 办法 is an administrative regulation.
    const auto citations = split_bases(cell("bases"));
    const auto levels = split_bases(cell("basis_levels"));
    if (!levels.empty() && levels.size() != citations.size())
      throw Error(ErrorCode::invalid_value, where,
                  "basis_levels/依据层级 must give one level per citation in bases/依据");
    for (std::size_t i = 0; i < citations.size(); ++i) {
      LegalBasis b = parse_basis(citations[i]);
      if (!levels.empty()) {
        auto level = basis_level_from_string(levels[i]);
        if (!level)
          throw Error(ErrorCode::unknown_enum, where,
                      "\"" + levels[i] + "\" is not a basis level; expected one of law, "
                      "administrative_regulation, local_regulation, state_council_retained_list, "
                      "departmental_rule, policy_document, unknown");
        b.level = *level;
      }
      c.bases.push_back(std::move(b));
    }
    rec.note = cell("note");
    out.push_back(std::move(rec));
  }
  return out;
}

SupervisionReport supervise_all(const Engine& engine, std::vector<ComplaintRecord> complaints) {
  SupervisionReport report;
  report.results.reserve(complaints.size());
  std::map<std::string, std::size_t> index;  // body → position in report.bodies
  for (auto& rec : complaints) {
    // 二（三）6: the engine says whether the demand is unreasonable (a listed item in the
    // general case, or no qualifying basis); this report only gathers.
    Supervision verdict = engine.supervise(rec.complaint);
    report.results.push_back(ComplaintResult{std::move(rec), verdict});
    const std::size_t at = report.results.size() - 1;
    const auto& r = report.results.back();
    std::string body = trimmed(r.record.complaint.body);
    if (body.empty()) body = "（未注明单位）";
    auto [it, fresh] = index.emplace(body, report.bodies.size());
    if (fresh) {
      BodyReport b;
      b.body = body;
      report.bodies.push_back(std::move(b));
    }
    BodyReport& b = report.bodies[it->second];
    if (b.superior.empty()) b.superior = trimmed(r.record.superior);
    ++b.complaints;
    b.results.push_back(at);
    if (r.verdict.outcome == SupervisionOutcome::unreasonable) {
      ++b.unreasonable;
      ++report.unreasonable;
      const std::string name = demanded_name(r);
      if (std::find(b.unreasonable_items.begin(), b.unreasonable_items.end(), name) ==
          b.unreasonable_items.end())
        b.unreasonable_items.push_back(name);
      // 二（三）6: 予以通报或公开曝光，同时由其上级主管部门及时予以纠正.
      if (r.verdict.notify) b.notify = true;
    }
  }
  std::stable_sort(report.bodies.begin(), report.bodies.end(),
                   [](const BodyReport& a, const BodyReport& b) {
                     if (a.unreasonable != b.unreasonable) return a.unreasonable > b.unreasonable;
                     return a.body < b.body;
                   });
  return report;
}

std::string to_markdown(const SupervisionReport& report) {
  std::ostringstream md;
  md << "# 不合理证明要求监督情况报告\n\n"
     << "依据《实施方案》二（三）6（监督电话 0936-6121532）。共受理反映 " << report.results.size()
     << " 件，其中认定为不合理要求 " << report.unreasonable << " 件。\n";
  for (const auto& b : report.bodies) {
    md << "\n## " << b.body << "\n\n";
    if (!b.superior.empty()) md << "- 上级主管部门：" << b.superior << "\n";
    md << "- 反映 " << b.complaints << " 件，不合理要求 " << b.unreasonable << " 件\n";
    if (!b.unreasonable_items.empty()) {
      md << "- 不合理索要的证明：";
      for (std::size_t i = 0; i < b.unreasonable_items.size(); ++i)
        md << (i ? "、" : "") << b.unreasonable_items[i];
      md << "\n";
    }
    md << "- 处理建议：" << (b.notify ? "予以通报或公开曝光，由上级主管部门及时予以纠正" : "无需通报")
       << "\n\n| 日期 | 渠道 | 索要证明 | 用途 | 结论 | 依据条款 | 理由 |\n"
          "| --- | --- | --- | --- | --- | --- | --- |\n";
    for (auto i : b.results) {
      const auto& r = report.results[i];
      const auto& c = r.record.complaint;
      std::string clauses;
      for (const Clause* cl : r.verdict.clauses) clauses += (clauses.empty() ? "" : "、") + cl->path;
      md << "| " << (c.date ? c.date->to_string() : "") << " | " << cell(c.channel) << " | "
         << cell(demanded_as_reported(r)) << " | " << cell(c.purpose) << " | "
         << (r.verdict.outcome == SupervisionOutcome::unreasonable ? "不合理" : "合理") << " | "
         << clauses << " | " << r.verdict.why << " |\n";
    }
  }
  return md.str();
}

}  // namespace jianzheng

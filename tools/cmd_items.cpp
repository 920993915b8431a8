// `jianzheng items` lists the catalog in force (附件1 and any layers a county loads on top);
// `jianzheng show` prints one item with its route (办事途径) and carve-outs (…除外).
#include <iostream>
#include <string>

#include "../src/json/json_string.hpp"
#include "cli.hpp"
#include "jianzheng/catalog.hpp"
#include "jianzheng/error.hpp"

namespace {

using namespace jianzheng;

// The catalog the command works on: --catalog files stack on the embedded default unless
// the first is a base layer; --date picks the day (today when absent).
Catalog catalog_for(const cli::Args& args) {
  std::optional<Date> day;
  if (auto d = args.value("date")) day = cli::date_argument(*d, "--date");
  const auto files = args.all("catalog");
  if (files.empty()) return Catalog::embedded_default(day);
  return Catalog::compose(load_catalog_layers(files), day);
}

std::string join(const std::vector<std::string>& v, const char* sep = "、") {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : sep) + x;
  return s;
}

std::string window(const Validity& v) {
  if (!v.from && !v.until) return "";
  return std::string("（") + (v.from ? v.from->to_string() : "…") + " 至 " +
         (v.until ? "~" + v.until->to_string() : std::string("…")) + "）";
}

std::string basis_text(const LegalBasis& b) {
  return b.title + b.article + " [" + to_string(b.level) + "]";
}

void print_findings(const std::vector<Finding>& findings) {
  for (const auto& f : findings)
    std::cout << "  " << to_string(f.severity) << " " << f.code << " " << f.where << ": " << f.message
              << (f.clause.empty() ? "" : " [" + f.clause + "]") << "\n";
}

std::string findings_json(const std::vector<Finding>& findings) {
  std::string s = "[";
  for (std::size_t i = 0; i < findings.size(); ++i) {
    const auto& f = findings[i];
    s += (i ? ",\n    " : "\n    ");
    s += "{\"severity\": " + detail::json_string(to_string(f.severity)) + ", \"code\": " + detail::json_string(f.code) +
         ", \"where\": " + detail::json_string(f.where) + ", \"message\": " + detail::json_string(f.message) +
         ", \"clause\": " + detail::json_string(f.clause) + "}";
  }
  return s + (findings.empty() ? "]" : "\n  ]");
}

int run_items(const cli::Args& args) {
  if (!args.positional.empty()) {
    throw cli::ArgumentError(ErrorCode::invalid_argument, args.positional.front(),
                             "items takes no arguments (不接受参数); see jianzheng items --help");
  }
  const Catalog cat = catalog_for(args);
  if (args.has("ids")) {
    for (const Item& it : cat.items()) std::cout << it.id << "\n";
    return cli::ok;
  }
  if (args.has("check")) {
    const auto findings = check(cat);
    bool bad = false;
    for (const auto& f : findings) bad = bad || f.severity != Severity::info;
    if (args.json) {
      std::cout << "{\n  \"catalog\": " << detail::json_string(cat.id()) << ",\n  \"findings\": " << findings_json(findings) << "\n}\n";
    } else {
      std::cout << "清单 catalog " << cat.id() << "：" << findings.size() << " 条检查结果 findings\n";
      print_findings(findings);
    }
    return bad ? cli::negative : cli::ok;
  }
  if (args.json) {
    std::cout << to_json(cat);
    return cli::ok;
  }
  std::cout << "清单 catalog: " << cat.id() << "（" << cat.as_of().to_string() << "）\n";
  for (const auto& p : cat.provenance())
    std::cout << "  " << p.id << "  " << p.title << (p.document_number.empty() ? "" : " " + p.document_number)
              << (p.example ? "  [示例 example]" : "") << "\n";
  std::cout << "\n序号  id                    名称 name\n";
  for (const Item& it : cat.items()) {
    std::string id = it.id;
    id.resize(std::max<std::size_t>(id.size(), 20), ' ');
    std::cout << (it.seq < 10 ? " " : "") << it.seq << "    " << id << "  " << it.name;
    std::vector<std::string> seed;
    for (const auto& a : it.aliases)
      if (a.source == AliasSource::seed) seed.push_back(a.name);
    if (!seed.empty()) std::cout << "（" << join(seed) << "）";
    if (it.disposition != Disposition::not_by_committee) std::cout << "  [" << to_string(it.disposition) << "]";
    std::vector<std::string> cos;
    for (const auto& c : it.carve_outs)
      if (c.validity.contains(cat.as_of())) cos.push_back(c.scenario);
    if (!cos.empty()) std::cout << "  除外: " << join(cos);
    std::cout << "\n";
  }
  std::cout << "\n共 " << cat.items().size() << " 项 items. `jianzheng show ID` 查看详情 for details.\n";
  return cli::ok;
}

int run_show(const cli::Args& args) {
  if (args.positional.size() != 1) {
    throw cli::ArgumentError(ErrorCode::invalid_argument, "ID",
                             "give one item id or name (请给出一个事项 id 或名称), e.g. jianzheng show marital-status");
  }
  const Catalog cat = catalog_for(args);
  const std::string& key = args.positional[0];
  const Item* it = cat.find(key);
  if (!it) it = cat.find_name(key);
  if (!it) {
    // A negative answer, not bad data: exit 1, with the error object under --json.
    cli::report_error("show",
                      Error(ErrorCode::unknown_reference, key,
                            "no item \"" + key + "\" in " + cat.id() +
                                " (清单中没有此事项); try jianzheng items, or jianzheng resolve for free text"),
                      args.json);
    return cli::negative;
  }
  if (args.json) {
    std::cout << to_json(*it);
    return cli::ok;
  }
  const Date day = cat.as_of();
  std::cout << it->seq << ". " << it->name << "  (" << it->id << ", " << to_string(it->disposition) << ", "
            << it->layer << ")\n";
  if (!it->aliases.empty()) {
    std::cout << "别名 aliases: ";
    for (std::size_t i = 0; i < it->aliases.size(); ++i)
      std::cout << (i ? "、" : "") << it->aliases[i].name << (it->aliases[i].source == AliasSource::seed ? "*" : "");
    std::cout << "   (* 清单原文 from the list)\n";
  }
  if (!it->route.empty()) {
    std::cout << "\n办事途径 route:\n  " << it->route.text << "\n";
    std::vector<std::string> ch;
    for (auto c : it->route.channels) ch.push_back(to_string(c));
    std::cout << "  channels: " << join(ch, ", ") << "\n";
    if (!it->route.agencies.empty()) std::cout << "  部门 agencies: " << join(it->route.agencies) << "\n";
    if (!it->route.documents.empty()) std::cout << "  材料 documents: " << join(it->route.documents) << "\n";
    for (const auto& n : it->route.notes)
      std::cout << "  注 note" << window(n.validity) << (n.validity.contains(day) ? "" : " [尚未生效/已失效 not in force]")
                << ": " << n.text << "（" << n.source << "）\n";
  }
  for (const auto& c : it->carve_outs) {
    std::cout << "\n除外 carve-out: " << c.scenario << window(c.validity)
              << (c.validity.contains(day) ? "" : "  [" + day.to_string() + " 不适用 not in force]") << "\n";
    std::cout << "  识别词 words: " << join(c.words) << "\n";
    for (const auto& b : c.bases) std::cout << "  依据 basis: " << basis_text(b) << "\n";
    if (!c.note.empty()) std::cout << "  注 note: " << c.note << "\n";
  }
  for (const auto& b : it->bases) std::cout << "依据 basis: " << basis_text(b) << "\n";
  if (it->complexity)
    std::cout << "办理 " << (*it->complexity == Complexity::simple ? "当场办结 on the spot" : "限时办结 within a time limit")
              << (it->limit_working_days ? "，" + std::to_string(*it->limit_working_days) + " 个工作日 working days" : "") << "\n";
  return cli::ok;
}

}  // namespace

JIANZHENG_COMMAND((jianzheng::cli::Command{
    "items", "列出证明事项清单", "List the certificate items of the catalog in force",
    "用法 usage: jianzheng items [--json | --ids] [--check] [--date YYYY-MM-DD] [--catalog FILE]...\n"
    "  --catalog FILE  叠加清单文件（可多次）；首个文件无 extends 时替代内置清单\n"
    "                  stack a catalog file (repeatable) on the embedded default; a first file\n"
    "                  without \"extends\" is a base and replaces the default\n"
    "  --date DATE     按此日期生效的清单（默认今天）  the catalog in force on DATE (default today)\n"
    "  --check         检查数据中看似有误之处  report findings (exit 1 if any warning)\n"
    "  --ids           只列出事项 id，每行一个  only the item ids, one per line (for scripts)\n"
    "  --json          {\"catalog\": {...}, \"items\": [...]}",
    {"catalog", "date"}, {"check", "ids"}, run_items, {}, {"catalog"}}));

JIANZHENG_COMMAND((jianzheng::cli::Command{
    "show", "显示一个证明事项的详情", "Show one item: route, carve-outs, aliases, bases",
    "用法 usage: jianzheng show [--json] [--date YYYY-MM-DD] [--catalog FILE]... ID|NAME\n"
    "  ID 为事项 id（如 marital-status）或其名称、别名（如 单身证明）\n"
    "  ID is an item id (e.g. marital-status) or its exact name or alias (e.g. 单身证明)",
    {"catalog", "date"}, {}, run_show, {}, {"catalog"}, {}, cli::Operands::items}));

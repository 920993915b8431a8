// jianzheng guide: the service guide (办事指南, 二（三）3) of a by-committee item, as text,
// Markdown, printable HTML, JSON or platform JSON; the completeness check of every guide; the
// county list in the published layout; and the certificate itself, filled with a resident's
// details. An item that committees do not issue (附件1) has no guide: the command says so and
// shows the route (办事途径) instead, exiting 1.
#include <iostream>
#include <map>

#include "cli.hpp"
#include "jianzheng/catalog.hpp"
#include "jianzheng/error.hpp"
#include "jianzheng/service_guide.hpp"
#include "../src/embedded_data.hpp"

namespace jianzheng::cli {
namespace {

constexpr const char* kExampleCatalog = "examples/county-list-example.json";
constexpr const char* kExampleGuides = "examples/guides-example.json";

struct Loaded {
  Catalog catalog;
  GuideSet guides;
};

Loaded load(const Args& args) {
  std::vector<CatalogLayer> layers;
  const auto files = args.all("catalog");
  if (args.has("example")) {
    layers = default_layers();
    layers.push_back(parse_catalog_layer(detail::embedded_file(kExampleCatalog),
                                         std::string("embedded:") + kExampleCatalog, layers));
  }
  if (!files.empty()) {
    if (args.has("example"))
      throw Error(ErrorCode::invalid_argument, "--example", "--example and --catalog do not combine (不能同时使用)");
    layers = load_catalog_layers(files);
  }
  Loaded l{layers.empty() ? Catalog::embedded_default() : Catalog::compose(layers), GuideSet{}};
  if (auto g = args.value("guides")) l.guides = load_guides(*g);
  else if (args.has("example"))
    l.guides = parse_guides(detail::embedded_file(kExampleGuides), std::string("embedded:") + kExampleGuides);
  return l;
}

// The details of --values FILE, then KEY=VALUE pairs of --fill (a value may contain "=").
std::map<std::string, std::string> fill_values(const Args& args) {
  std::map<std::string, std::string> values;
  if (auto file = args.value("values")) values = parse_template_values(read_input(*file, max_request_bytes), *file);
  for (const auto& kv : args.all("fill")) {
    auto eq = kv.find('=');
    if (eq == std::string::npos || eq == 0)
      throw Error(ErrorCode::invalid_argument, "--fill", "expected --fill 名称=值, got \"" + kv + "\"");
    values[kv.substr(0, eq)] = kv.substr(eq + 1);
  }
  return values;
}

int run_check(const Args& args, const Loaded& l) {
  const auto findings = check_guides(l.guides, l.catalog);
  if (args.json) {
    std::cout << guide_check_to_json(findings, l.catalog.id());
  } else {
    std::size_t by_committee = 0;
    for (const auto& i : l.catalog.items()) by_committee += i.disposition == Disposition::by_committee;
    std::cout << "清单 catalog: " << l.catalog.id() << "；应由村（社区）出具的事项 " << by_committee
              << " 项，办事指南 " << l.guides.guides.size() << " 份\n";
    if (by_committee == 0)
      std::cout << "（全国第一批清单没有应由村（社区）出具的事项：请用 --catalog 加载县级清单，或 --example）\n";
    for (const auto& f : findings)
      std::cout << to_string(f.severity) << "  " << f.where << "  " << f.message
                << (f.clause.empty() ? "" : "  [" + f.clause + "]") << "\n";
    std::cout << (findings.empty() ? "办事指南要素齐全 complete\n" : "办事指南要素不全 incomplete\n");
  }
  return findings.empty() ? ok : negative;
}

int run(const Args& args) {
  const Loaded l = load(args);
  if (args.has("check")) {
    if (!args.positional.empty())
      throw Error(ErrorCode::invalid_argument, "--check", "--check takes no item (检查全部办事指南)");
    return run_check(args, l);
  }
  if (args.has("list")) {
    const auto rows = county_list(l.catalog, &l.guides);
    std::cout << (args.json ? to_json(rows) : to_markdown(rows));
    return ok;
  }
  std::vector<ServiceGuide> guides;
  if (args.has("all")) {
    for (const auto& item : l.catalog.items()) {
      if (item.disposition != Disposition::by_committee) continue;
      if (const ServiceGuide* g = l.guides.find(item.id))
        guides.push_back(complete_from(*g, item, l.catalog.settings()));
    }
  } else {
    if (args.positional.size() != 1)
      throw Error(ErrorCode::invalid_argument, "ID", "give one item id or name (请给出一个事项), or --all, --list, --check");
    const std::string& id = args.positional.front();
    const Item* item = l.catalog.find(id);
    if (!item) item = l.catalog.find_name(id);
    if (!item) {
      // A negative answer, as for `show`: exit 1, with the error object under --json.
      report_error("guide",
                   Error(ErrorCode::unknown_reference, id,
                         "no item \"" + id + "\" in catalog " + l.catalog.id() + " (清单中没有该事项)"),
                   args.json);
      return negative;
    }
    if (item->disposition != Disposition::by_committee) {
      // 二（二）: committees do not issue it, so there is no guide; the route says where to go.
      if (args.json) {
        // The item's own JSON carries its route and carve-outs.
        std::cout << "{\"guide\": null,\n\"item\": " << to_json(*item) << "}\n";
      } else {
        std::cout << "“" << item->name << "”不由村（社区）出具，没有办事指南 (no service guide: not a by-committee item)。\n";
        if (!item->route.empty()) std::cout << "办事途径 route: " << item->route.text << "\n";
        for (const auto& c : item->carve_outs)
          std::cout << "除外情形 carve-out: " << c.scenario << "（仅为该用途据实出具）\n";
      }
      return negative;
    }
    const ServiceGuide* g = l.guides.find(item->id);
    if (!g) {
      print_error("guide", "“" + item->name + "”尚无办事指南 (no guide for item " + item->id +
                               "); load one with --guides FILE");
      return negative;
    }
    guides.push_back(complete_from(*g, *item, l.catalog.settings()));
  }
  if (!args.all("fill").empty() || args.value("values")) {
    if (guides.size() != 1)
      throw Error(ErrorCode::invalid_argument, "--fill", "--fill needs exactly one item");
    std::cout << fill_certificate(guides.front(), fill_values(args)) << "\n";
    return ok;
  }
  if (args.has("html")) {
    std::cout << to_html(guides);
  } else if (args.has("platform")) {
    std::cout << to_platform_json(guides);
  } else if (args.json) {
    if (guides.size() == 1) std::cout << to_json(guides.front());
    else {
      GuideSet set = l.guides;
      set.guides = guides;
      std::cout << to_json(set);
    }
  } else {
    for (std::size_t i = 0; i < guides.size(); ++i) std::cout << (i ? "\n---\n\n" : "") << to_markdown(guides[i]);
  }
  return ok;
}

JIANZHENG_COMMAND((Command{
    "guide", "办事指南：显示、检查、导出，填写证明式样",
    "service guides: show, check, export, fill in the certificate",
    "用法 usage:\n"
    "  jianzheng guide ID [--md|--html|--json|--platform] [--catalog FILE]... [--guides FILE] [--example]\n"
    "  jianzheng guide ID [--values FILE] [--fill 名称=值]...   填写证明式样 fill in the certificate\n"
    "    (--values: JSON 对象 {\"名称\": \"值\"} a JSON object of strings; \"-\" 标准输入 stdin)\n"
    "  jianzheng guide --all [--md|--html|--json|--platform] ...  全部办事指南 all guides\n"
    "  jianzheng guide --list [--json] ...   县级清单（公布格式）the county list, published layout\n"
    "  jianzheng guide --check [--json] ...  检查办事指南要素是否齐全 completeness check (exit 1 if not)\n\n"
    "  ID 事项编号或名称 item id or name. --catalog 县级清单文件（叠加在全国清单上）county list layers;\n"
    "  --guides 办事指南文件 guides file; --example 使用内置示例县清单和办事指南 the built-in example.\n"
    "  不由村（社区）出具的事项没有办事指南：显示办事途径并以 1 退出。\n"
    "  An item committees do not issue has no guide: the route is shown and the exit code is 1.\n"
    "  --fill 留有未填写的项目时拒绝输出（退出码 3）refuses when a placeholder is left unfilled (exit 3).",
    {"catalog", "guides", "fill", "values"},
    {"html", "md", "platform", "check", "list", "all", "example"},
    run, {}, {"catalog", "guides", "values"}, {}, Operands::items}));

}  // namespace
}  // namespace jianzheng::cli

// jianzheng diff: compare versions of a county list (二（三）2) and flag what the long-term
// mechanism forbids (四（四）): 边减边增、明减暗增 between two versions, 先减后增 across three or more.
#include <iostream>

#include "cli.hpp"
#include "jianzheng/catalog.hpp"
#include "jianzheng/error.hpp"
#include "jianzheng/list_diff.hpp"

namespace jianzheng::cli {
namespace {

void print_step(const ListDiff& d) {
  std::cout << "## " << d.older << " → " << d.newer << "\n";
  for (const auto& c : d.added) std::cout << "+ 新增 added    " << c.item << "  " << c.name << "\n";
  for (const auto& c : d.removed) std::cout << "- 取消 removed  " << c.item << "  " << c.name << "\n";
  for (const auto& c : d.changed) {
    std::cout << "~ 变更 changed  " << c.item << "  " << c.name << "\n";
    for (const auto& f : c.fields)
      std::cout << "    " << f.field << ": " << (f.before.empty() ? "（无）" : f.before) << " → "
                << (f.after.empty() ? "（无）" : f.after) << "\n";
  }
  if (d.added.empty() && d.removed.empty() && d.changed.empty()) std::cout << "  无变化 no change\n";
}

int run(const Args& args) {
  if (args.positional.size() < 2)
    throw Error(ErrorCode::invalid_argument, "OLD NEW", "give at least two versions of the list (OLD NEW [NEWER…])");
  std::vector<CatalogLayer> versions;
  for (const auto& p : args.positional) versions.push_back(load_catalog_layer(p));
  // Qualifying levels (二（二）1): the national defaults, as the newest version patches them.
  const Catalog base = Catalog::embedded_default();
  Settings settings = base.settings();
  versions.back().settings.apply_to(settings);
  // A re-added certificate that is on the national no-issue list is 明减暗增 without a basis.
  const auto& listed = base.items();
  const ListHistory h = diff_history(versions, settings, listed);
  if (args.json) {
    std::cout << (versions.size() == 2 ? to_json(h.steps.front()) : to_json(h));
  } else {
    for (const auto& s : h.steps) print_step(s);
    std::cout << "\n长效机制 long-term mechanism (四（四）):\n";
    for (const auto& f : h.flags)
      std::cout << "! " << chinese_name(f.kind) << " " << to_string(f.kind) << "  " << f.item << "  "
                << f.why << "\n";
    if (h.flags.empty()) std::cout << "  未发现边减边增、明减暗增、先减后增 none found\n";
  }
  return h.flags.empty() ? ok : negative;
}

JIANZHENG_COMMAND((Command{
    "diff", "清单版本比较：新增、取消、变更，及边减边增、明减暗增、先减后增",
    "compare list versions: added, removed, changed; flag 4.4 patterns",
    "用法 usage: jianzheng diff [--json] OLD NEW [NEWER…]\n"
    "  每个文件是一个县级清单版本（catalog 层文件），按时间先后排列。\n"
    "  Each file is a version of a county list (a catalog layer file), oldest first. With two files\n"
    "  --json prints one diff; with three or more, the history {versions, steps, flags}.\n"
    "  退出码 exit: 0 无问题 no flags, 1 发现边减边增/明减暗增/先减后增 flags found (四（四）).",
    {},
    {},
    run, {}, {}, {}, Operands::files}));

}  // namespace
}  // namespace jianzheng::cli

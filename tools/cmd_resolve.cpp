// jianzheng resolve: which certificate item does this text mean? (docs/design.md §4 step 1, §8)
#include <cstdio>
#include <iostream>
#include <string>

#include "cli.hpp"
#include "jianzheng/catalog.hpp"
#include "jianzheng/error.hpp"
#include "jianzheng/name_matcher.hpp"

namespace {

using namespace jianzheng;

int run(const cli::Args& args) {
  if (args.positional.empty()) {
    throw cli::ArgumentError(ErrorCode::invalid_argument, "TEXT",
                             "missing TEXT (缺少要识别的证明名称); see jianzheng resolve --help");
  }
  // A sentence typed without quotes arrives as several words: they are one text.
  std::string text;
  for (const auto& p : args.positional) text += (text.empty() ? "" : " ") + p;

  const auto files = args.all("catalog");
  const Catalog catalog =
      files.empty() ? Catalog::embedded_default() : Catalog::compose(load_catalog_layers(files));
  const NameMatcher matcher(catalog);
  const auto matches = matcher.match(text);

  if (args.json) {
    std::cout << to_json(text, matches);
  } else if (matches.empty()) {
    std::cout << "“" << text << "”：没有合理的匹配，不是清单上的证明事项\n"
              << "  no plausible match: not an item of the catalog (unlisted)\n";
  } else {
    for (std::size_t i = 0; i < matches.size(); ++i) {
      const Match& m = matches[i];
      char score[16];
      std::snprintf(score, sizeof score, "%.2f", m.score);
      std::cout << i + 1 << ". " << m.item->name << " (" << m.item->id << ")  " << score << "  "
                << to_string(m.how);
      if (m.name != m.item->name) std::cout << "  ← " << m.name;
      std::cout << "\n";
    }
  }
  return matches.empty() ? cli::negative : cli::ok;
}

}  // namespace

JIANZHENG_COMMAND((jianzheng::cli::Command{
    "resolve", "识别证明名称：找出文字所指的证明事项", "Resolve free text to a certificate item",
    "用法 usage: jianzheng resolve [--json] [--catalog FILE]... TEXT\n\n"
    "  TEXT  居民或表单写的证明名称，可以是繁体、全角、拼音、错别字或一句话\n"
    "        what the resident or form said: Traditional, full-width, pinyin, a typo, a sentence\n"
    "  --catalog FILE  叠加的清单文件（可多次） catalog layers on the default (repeatable)\n"
    "  --json          {\"query\": TEXT, \"matches\": [{\"item\", \"name\", \"score\", \"how\"}]}\n\n"
    "退出码 exit: 0 有匹配 matched, 1 没有合理的匹配 nothing plausible (matches: [])",
    {"catalog"},
    {},
    run, {}, {"catalog"}}));

// jianzheng complaints: classify reported demands for certificates (监督, 二（三）6) with the
// decision core and report per demanding body, for 通报 and correction by its superior.
#include <iostream>

#include "cli.hpp"
#include "jianzheng/catalog.hpp"
#include "jianzheng/engine.hpp"
#include "jianzheng/error.hpp"
#include "jianzheng/supervision.hpp"

namespace jianzheng::cli {
namespace {

int run(const Args& args) {
  if (args.positional.size() != 1)
    throw Error(ErrorCode::invalid_argument, "FILE", "give one complaints file (JSON or .csv)");
  const auto files = args.all("catalog");
  const Engine engine = files.empty() ? Engine() : Engine(load_catalog_layers(files));
  const std::string& path = args.positional.front();
  auto records = path == "-" ? parse_complaints_json(read_input("-"), "<stdin>") : load_complaints(path);
  const SupervisionReport report = supervise_all(engine, std::move(records));
  std::cout << (args.json ? to_json(report) : to_markdown(report));
  // Exit 1 when some demand is unreasonable: there is something to notify and correct.
  return report.unreasonable ? negative : ok;
}

JIANZHENG_COMMAND((Command{
    "complaints", "监督举报：逐件判定索要证明是否合理，按索要单位汇总",
    "supervision: classify reported demands, report per demanding body",
    "用法 usage: jianzheng complaints [--json] [--catalog FILE]... FILE\n"
    "  FILE 反映记录 complaints: JSON (数组或 {\"complaints\": [...]}) 或 .csv（表头：日期,渠道,索要单位,\n"
    "  单位类型,上级主管部门,事项,索要证明,用途,依据,备注，或 date,channel,body,body_kind,superior,item,\n"
    "  demanded,purpose,bases,note）；\"-\" 从标准输入读 JSON。\n"
    "  退出码 exit: 0 全部合理 all reasonable, 1 有不合理要求 some unreasonable (二（三）6).",
    {"catalog"},
    {},
    run, {}, {"catalog"}, {}, Operands::files}));

}  // namespace
}  // namespace jianzheng::cli

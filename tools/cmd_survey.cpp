// jianzheng survey: the county bureau's survey work of 二（三）1–2 — check a township's 附件2
// table row by row, merge many tables into a draft county list, and write a table back as
// CSV or XLSX for printing.
#include <iostream>
#include <map>

#include "cli.hpp"
#include "jianzheng/catalog.hpp"
#include "jianzheng/error.hpp"
#include "jianzheng/survey.hpp"

namespace jianzheng::cli {
namespace {

const char* verdict_zh(SurveyVerdict v) {
  switch (v) {
    case SurveyVerdict::keep: return "保留";
    case SurveyVerdict::keep_for_stated_purpose: return "限用途保留";
    case SurveyVerdict::cancel_listed: return "取消（清单所列）";
    case SurveyVerdict::cancel_no_basis: return "取消（无法律法规依据）";
    case SurveyVerdict::review: return "待核实";
  }
  return "";
}

void print_findings(const std::vector<Finding>& findings) {
  if (!findings.empty()) std::cout << "\n发现 findings:\n";
  for (const auto& f : findings)
    std::cout << "  [" << to_string(f.severity) << "] " << f.code << " (" << f.clause << ") " << f.where << ": "
              << f.message << "\n";
}

Catalog catalog_of(const Args& args) {
  const auto files = args.all("catalog");
  if (files.empty()) return Catalog::embedded_default();
  return Catalog::compose(load_catalog_layers(files));
}

int validate(const Args& args) {
  if (args.positional.size() != 2) {
    throw ArgumentError(ErrorCode::invalid_argument, "FILE", "validate takes one FILE (需要一个统计表文件)");
  }
  const Catalog catalog = catalog_of(args);
  const SurveyCheck check = validate_survey(load_survey(args.positional[1]), catalog);
  if (args.json) {
    std::cout << to_json(check);
    return ok;
  }
  std::cout << "填报单位 unit: " << check.unit << "\n时间 date: "
            << (check.date ? check.date->to_string() : "（未填 none）") << "\n";
  std::map<SurveyVerdict, int> counts;
  for (const auto& r : check.rows) {
    ++counts[r.verdict];
    std::cout << "\n" << r.row << ". " << r.name << "  →  " << verdict_zh(r.verdict) << " "
              << to_string(r.verdict) << (r.item.empty() ? "" : "  [" + r.item + "]") << "\n   "
              << r.why << "\n";
  }
  std::cout << "\n合计 total: " << check.rows.size() << " 行 rows";
  for (const auto& [v, n] : counts) std::cout << "，" << verdict_zh(v) << " " << n;
  std::cout << "\n";
  print_findings(check.findings);
  return ok;
}

int merge(const Args& args) {
  if (args.positional.size() < 2) {
    throw ArgumentError(ErrorCode::invalid_argument, "FILE", "merge takes one or more FILEs (需要至少一个统计表文件)");
  }
  const Catalog catalog = catalog_of(args);
  std::vector<SurveyReturn> returns;
  for (std::size_t i = 1; i < args.positional.size(); ++i)
    returns.push_back(load_survey(args.positional[i]));
  DraftOptions options;
  if (auto v = args.value("layer-id")) options.layer_id = *v;
  if (auto v = args.value("jurisdiction")) options.jurisdiction = *v;
  if (auto v = args.value("title")) options.title = *v;
  options.example = args.has("example");
  const CountyDraft draft = merge_surveys(returns, catalog, options);
  if (auto path = args.value("layer")) write_output(*path, to_json(draft.layer));
  if (args.json) {
    std::cout << to_json(draft);
    return ok;
  }
  std::cout << "县级清单草案 draft county list (" << returns.size() << " 份统计表 returns)\n";
  for (const auto& e : draft.entries) {
    std::cout << "\n" << e.name << "  →  " << verdict_zh(e.verdict) << " " << to_string(e.verdict)
              << (e.id.empty() ? "" : "  id " + e.id) << "\n   填报 reported by: ";
    for (std::size_t i = 0; i < e.reported_by.size(); ++i)
      std::cout << (i ? "、" : "") << e.reported_by[i];
    std::cout << "\n   " << e.why << "\n";
  }
  print_findings(draft.findings);
  return ok;
}

int export_table(const Args& args) {
  if (args.positional.size() != 2) {
    throw ArgumentError(ErrorCode::invalid_argument, "FILE", "export takes one FILE (需要一个统计表文件)");
  }
  const auto xlsx = args.value("xlsx");
  const auto csv = args.value("csv");
  if (!xlsx && !csv && !args.json) {
    throw ArgumentError(ErrorCode::invalid_argument, "--xlsx",
                        "export needs --xlsx PATH, --csv PATH or --json (请指定输出格式)");
  }
  const SurveyReturn survey = load_survey(args.positional[1]);
  if (xlsx) write_survey_xlsx(survey, *xlsx);
  if (csv) write_output(*csv, to_csv(survey, args.has("gb18030")));
  if (args.json) std::cout << to_json(survey);
  return ok;
}

int run(const Args& args) {
  const std::string sub = args.positional.empty() ? "" : args.positional[0];
  if (sub == "validate") return validate(args);
  if (sub == "merge") return merge(args);
  if (sub == "export") return export_table(args);
  throw ArgumentError(ErrorCode::invalid_argument, sub.empty() ? "survey" : sub,
                      "expected validate, merge or export (需要子命令 validate、merge 或 export)");
}

}  // namespace

JIANZHENG_COMMAND((Command{
    "survey", "摸排统计表（附件2）的核查、合并与导出", "check, merge and export survey tables (附件2)",
    "用法 usage:\n"
    "  jianzheng survey validate [--json] [--catalog FILE]... FILE\n"
    "      逐行核查一份统计表（二（三）1）check each row of one return\n"
    "  jianzheng survey merge [--json] [--catalog FILE]... [--layer OUT] [--layer-id ID]\n"
    "                         [--jurisdiction NAME] [--title TEXT] [--example] FILE...\n"
    "      合并为县级清单草案（二（三）2）merge returns into a draft county list;\n"
    "      --layer writes the draft as a catalog layer (JSON)\n"
    "  jianzheng survey export (--xlsx PATH | --csv PATH|- [--gb18030] | --json) FILE\n"
    "      按附件2版式导出 write the table as XLSX / CSV (UTF-8 with BOM, or GB18030) / JSON;\n"
    "      written whole: a failure leaves the old file\n"
    "FILE: CSV (UTF-8, UTF-8 with BOM or GB18030), XLSX (Excel, WPS: the first sheet) or JSON;\n"
    "      at most 16 MiB. CSV is written with = + - @ guarded by an apostrophe (read back unchanged).",
    {"catalog", "layer", "layer-id", "jurisdiction", "title", "xlsx", "csv"},
    {"example", "gb18030"},
    run, {"validate", "merge", "export"}, {"catalog", "layer", "xlsx", "csv"}, {}, Operands::files}));

}  // namespace jianzheng::cli

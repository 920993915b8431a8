// The county workflow of 二（三）1–3 on three synthetic township returns (合成示例, not real
// data): read each township's 附件2 table — one UTF-8 with BOM, one GB18030, one plain UTF-8 —
// check every row against the rules, merge the returns into a draft county list, prove the
// draft loads as a county catalog layer on top of the national first batch, and render the
// service guides of its items (二（三）3), listing what the bureau still has to fill in. The
// draft layer is compared with the committed draft-county-layer.json (run with --update to
// rewrite it after an intended change). Usage: example_county_workflow [--update] [OUT_DIR].
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include "jianzheng/catalog.hpp"
#include "jianzheng/service_guide.hpp"
#include "jianzheng/survey.hpp"

namespace {

int failures = 0;

void expect(bool ok, const std::string& what) {
  if (!ok) {
    std::cerr << "FAILED: " << what << "\n";
    ++failures;
  }
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace

int main(int argc, char** argv) {
  using namespace jianzheng;
  bool update = false;
  std::string out_dir = ".";
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--update")) update = true;
    else out_dir = argv[i];
  }
  // The national first batch as in force when the returns came in (三（二）, December 2020).
  const Catalog national = Catalog::embedded_default(Date::from_ymd(2021, 1, 15));

  // 1. Read and check each return (二（三）1).
  const std::vector<std::string> files{"township-1-utf8-bom.csv", "township-2-gb18030.csv",
                                       "township-3-utf8.csv"};
  std::vector<SurveyReturn> returns;
  std::map<SurveyVerdict, int> totals;
  for (const auto& f : files) {
    returns.push_back(load_survey(f));
    const SurveyReturn& s = returns.back();
    std::cout << f << " (" << s.charset << "): " << s.unit << ", "
              << (s.date ? s.date->to_string() : "undated") << ", " << s.rows.size() << " rows\n";
    for (const auto& r : validate_survey(s, national).rows) {
      ++totals[r.verdict];
      std::cout << "  " << r.row << ". " << r.name << " -> " << to_string(r.verdict) << "\n";
    }
  }
  expect(returns[0].charset == "utf-8-bom" && returns[1].charset == "gb18030" &&
             returns[2].charset == "utf-8",
         "the three charsets are detected");
  expect(totals[SurveyVerdict::keep] == 5, "5 rows keep (二（一）1)");
  expect(totals[SurveyVerdict::keep_for_stated_purpose] == 3, "3 rows keep for a carve-out purpose");
  expect(totals[SurveyVerdict::cancel_listed] == 4, "4 rows are on 附件1 (二（二）2)");
  expect(totals[SurveyVerdict::cancel_no_basis] == 2, "2 rows have no legal basis (二（三）1)");
  expect(totals[SurveyVerdict::review] == 1, "1 row needs review");

  // 2. Merge into the draft county list (二（三）2).
  DraftOptions options;
  options.layer_id = "example-county-draft";
  options.jurisdiction = "示例县（合成示例）";
  options.example = true;
  const CountyDraft draft = merge_surveys(returns, national, options);
  std::cout << "\ndraft county list:\n";
  for (const auto& e : draft.entries)
    std::cout << "  " << e.name << " -> " << to_string(e.verdict) << " (" << e.reported_by.size()
              << " units)" << (e.id.empty() ? "" : " id " + e.id) << "\n";
  std::cout << draft.findings.size() << " findings\n";
  expect(draft.layer.items.size() == 4, "4 certificates on the draft list");

  // 3. The draft is a catalog layer the county can load on top of the national layers.
  const std::string layer_json = to_json(draft.layer);
  auto layers = default_layers();
  layers.push_back(parse_catalog_layer(layer_json, "draft-county-layer.json", layers));
  const Catalog county = Catalog::compose(layers, Date::from_ymd(2021, 3, 31));
  int by_committee = 0;
  for (const auto& item : county.items())
    if (item.disposition == Disposition::by_committee) ++by_committee;
  expect(by_committee == 4, "the composed county catalog has 4 by-committee items");
  for (const auto& f : check(county))
    std::cout << "  check: " << f.code << " " << f.where << "\n";

  // 4. Service guides for the draft's items (二（三）3, 三（四）). The two carve-out items reuse
  // the shipped example guides for the same purposes; the two others start empty, so the
  // check lists every element the bureau still has to write. The bureau, not the survey,
  // decides 二（三）5: here, as an example, every item is complex with the default limit.
  const GuideSet shipped = load_guides("../../data/examples/guides-example.json");
  const std::map<std::string, std::string> reuse{{"kinship-for-gong-zheng", "kinship-notarization"},
                                                 {"marital-status-for-shou-yang", "adopter-marital-status"}};
  GuideSet guides;
  guides.catalog = options.layer_id;
  guides.jurisdiction = options.jurisdiction;
  guides.example = true;
  for (const auto& item : draft.layer.items) {
    ServiceGuide g;
    if (auto it = reuse.find(item.id); it != reuse.end() && shipped.find(it->second))
      g = *shipped.find(it->second);
    g.item = item.id;
    g.complexity = Complexity::complex;
    guides.guides.push_back(std::move(g));
  }
  std::vector<ServiceGuide> rendered;
  for (const auto& g : guides.guides)
    rendered.push_back(complete_from(g, *county.find(g.item), county.settings()));
  std::ofstream(out_dir + "/county-guides.html", std::ios::binary) << to_html(rendered, "示例县办事指南（合成示例）");
  std::ofstream md(out_dir + "/county-guides.md", std::ios::binary);
  for (const auto& g : rendered) md << to_markdown(g) << "\n";
  std::map<std::string, int> missing;
  for (const auto& f : check_guides(guides, county)) ++missing[f.where.substr(0, f.where.find('/', 7))];
  std::cout << "\nservice guides (" << out_dir << "/county-guides.html):\n";
  for (const auto& g : rendered)
    std::cout << "  " << g.name << ": " << missing["guides/" + g.item] << " elements to fill in\n";
  expect(rendered.size() == draft.layer.items.size(), "one guide per draft item");
  expect(missing["guides/kinship-for-gong-zheng"] < missing["guides/county-ju-zhu-zheng-ming"],
         "a reused guide has fewer gaps than an empty one");
  expect(to_markdown(rendered[0]).find(rendered[0].name) != std::string::npos,
         "a guide renders with its item's name");

  if (update) {
    std::ofstream("draft-county-layer.json", std::ios::binary) << layer_json;
    std::cout << "draft-county-layer.json rewritten\n";
  } else {
    expect(slurp("draft-county-layer.json") == layer_json,
           "the draft layer equals the committed draft-county-layer.json (run with --update)");
  }

  if (failures) return 1;
  std::cout << "county workflow ok\n";
  return 0;
}

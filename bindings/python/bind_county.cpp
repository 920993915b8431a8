// The county workflow (二（三）1–4, 6; 四（四）): survey returns (附件2), the draft county list,
// service guides, supervision of complaints, and diffs of list versions. The record types
// are bound field by field; the larger reports are bound as values with to_json / to_dict,
// whose JSON is the same as the command line's --json.
#include <pybind11/stl.h>

#include <string>
#include <vector>

#include "bind.hpp"
#include "bind_types.hpp"
#include "jianzheng/catalog.hpp"
#include "jianzheng/list_diff.hpp"
#include "jianzheng/service_guide.hpp"
#include "jianzheng/supervision.hpp"
#include "jianzheng/survey.hpp"

namespace jianzheng::python {
namespace {

py::object loads(const std::string& text) { return py::module_::import("json").attr("loads")(text); }

// Survey files may be GB18030: CSV input is taken as bytes (or str, encoded as UTF-8).
std::string bytes_of(const py::object& data) {
  if (py::isinstance<py::bytes>(data)) return data.cast<std::string>();
  if (py::isinstance<py::str>(data)) return data.cast<std::string>();
  throw py::type_error("expected bytes or str");
}

void bind_survey(py::module_& m) {
  py::class_<SurveyRow>(m, "SurveyRow", "One row of a survey table (附件2).")
      .def(py::init<>(), "An empty row.")
      .def_readwrite("seq", &SurveyRow::seq, "序号; 0 when the cell is blank.")
      .def_readwrite("name", &SurveyRow::name, "证明事项名称, as written.")
      .def_readwrite("basis", &SurveyRow::basis, "法律法规、政策依据, the cell verbatim.")
      .def_readwrite("implementer", &SurveyRow::implementer, "实施单位.")
      .def_readwrite("authority", &SurveyRow::authority, "主管部门.")
      .def_readwrite("note", &SurveyRow::note, "备注.")
      .def_readwrite("line", &SurveyRow::line, "1-based line in the source file (XLSX: the sheet's row); 0 when unknown.");

  py::class_<SurveyReturn>(m, "SurveyReturn", "A township's or department's survey table (附件2).")
      .def(py::init<>(), "An empty return.")
      .def_readwrite("title", &SurveyReturn::title, "The title row.")
      .def_readwrite("unit", &SurveyReturn::unit, "填报单位.")
      .def_readwrite("date", &SurveyReturn::date, "时间; None when left blank.")
      .def_readwrite("rows", &SurveyReturn::rows, "The filled rows, in table order.")
      .def_readwrite("notes", &SurveyReturn::notes, "Text outside the table (above it besides the title and labels, then under it).")
      .def_readwrite("origin", &SurveyReturn::origin, "The file it was read from.")
      .def_readwrite("charset", &SurveyReturn::charset, "\"utf-8\", \"utf-8-bom\", \"gb18030\", \"json\" or \"xlsx\".")
      .def("to_json", [](const SurveyReturn& s) { return to_json(s); }, "Canonical JSON of the return.")
      .def("to_dict", [](const SurveyReturn& s) { return loads(to_json(s)); }, "The return as its JSON dict.")
      .def("to_csv",
           [](const SurveyReturn& s, bool gb18030) { return py::bytes(to_csv(s, gb18030)); },
           py::arg("gb18030") = false, "The table as CSV bytes (UTF-8 with BOM, or GB18030).");

  py::enum_<SurveyVerdict>(m, "SurveyVerdict", "What to do with a surveyed certificate.")
      .value("keep", SurveyVerdict::keep, "A qualifying basis, not listed: 二（一）1, 二（三）2.")
      .value("keep_for_stated_purpose", SurveyVerdict::keep_for_stated_purpose, "A listed item for its carve-out purpose.")
      .value("cancel_listed", SurveyVerdict::cancel_listed, "On the no-issue list: 二（二）2.")
      .value("cancel_no_basis", SurveyVerdict::cancel_no_basis, "No qualifying basis: 二（二）1, 二（三）1.")
      .value("review", SurveyVerdict::review, "A basis whose level cannot be told: a person decides.");

  py::class_<RowCheck>(m, "RowCheck", "The verdict on one survey row.")
      .def_readonly("row", &RowCheck::row, "1-based position among the return's rows.")
      .def_readonly("seq", &RowCheck::seq, "The row's 序号.")
      .def_readonly("line", &RowCheck::line, "Line in the source file.")
      .def_readonly("name", &RowCheck::name, "证明事项名称 as written.")
      .def_readonly("basis", &RowCheck::basis, "The basis cell verbatim.")
      .def_readonly("verdict", &RowCheck::verdict, "What to do with it.")
      .def_readonly("item", &RowCheck::item, "The catalog item it resolved to; empty when none.")
      .def_readonly("carve_out", &RowCheck::carve_out, "keep_for_stated_purpose: the scenario.")
      .def_readonly("bases", &RowCheck::bases, "The bases parsed from the cell.")
      .def_readonly("clauses", &RowCheck::clauses, "Clause ids, the deciding one first.")
      .def_readonly("why", &RowCheck::why, "One Chinese sentence citing the clauses.");

  py::class_<SurveyCheck>(m, "SurveyCheck", "The verdicts on one return (二（三）1).")
      .def_readonly("unit", &SurveyCheck::unit, "填报单位.")
      .def_readonly("date", &SurveyCheck::date, "时间.")
      .def_readonly("origin", &SurveyCheck::origin, "The file it came from.")
      .def_readonly("rows", &SurveyCheck::rows, "One per row, in table order.")
      .def_readonly("findings", &SurveyCheck::findings, "What looks wrong in the table: seq_reused, duplicate_row.")
      .def("to_json", [](const SurveyCheck& c) { return to_json(c); }, "As `jianzheng survey validate --json`.")
      .def("to_dict", [](const SurveyCheck& c) { return loads(to_json(c)); }, "The JSON as a dict.");

  py::class_<DraftOptions>(m, "DraftOptions", "How merge_surveys names the draft county list.")
      .def(py::init<>(), "The defaults.")
      .def_readwrite("layer_id", &DraftOptions::layer_id, "Id of the draft layer.")
      .def_readwrite("jurisdiction", &DraftOptions::jurisdiction, "The county.")
      .def_readwrite("title", &DraftOptions::title, "The list's title.")
      .def_readwrite("example", &DraftOptions::example, "Mark the layer as illustrative.")
      .def_readwrite("deadline", &DraftOptions::deadline, "三（二）: returns due by this day; later ones are a finding.");

  py::class_<CountyDraft>(m, "CountyDraft", "The draft county list merged from the returns (二（三）2).")
      .def_readonly("findings", &CountyDraft::findings, "Cancelled, listed, to-review rows, disagreements, late returns.")
      .def_readonly("layer", &CountyDraft::layer, "A county catalog layer holding the kept entries.")
      .def("to_json", [](const CountyDraft& d) { return to_json(d); }, "As `jianzheng survey merge --json`.")
      .def("to_dict", [](const CountyDraft& d) { return loads(to_json(d)); }, "The JSON as a dict.");

  m.def("parse_survey_csv", [](const py::object& data, std::string_view origin) { return parse_survey_csv(bytes_of(data), origin); },
        py::arg("data"), py::arg("origin") = "<text>",
        "Parses a survey table from CSV bytes (UTF-8, UTF-8 with BOM or GB18030); raises Error.");
  m.def("parse_survey_xlsx", [](const py::bytes& data, std::string_view origin) { return parse_survey_xlsx(data.cast<std::string>(), origin); },
        py::arg("data"), py::arg("origin") = "<xlsx>",
        "Parses a survey table from XLSX bytes (the first sheet); raises Error naming the cell.");
  m.def("parse_survey_json", &parse_survey_json, py::arg("text"), py::arg("origin") = "<text>",
        "Parses a survey table from JSON; raises Error.");
  m.def("load_survey", &load_survey, py::arg("path"), "Reads a survey file (CSV, XLSX or JSON).");
  m.def("write_survey_xlsx", &write_survey_xlsx, py::arg("survey"), py::arg("path"),
        "Writes the table as XLSX in the 附件2 layout.");
  m.def("split_bases", &split_bases, py::arg("cell"), "Splits a basis cell into its citations.");
  m.def("validate_survey", &validate_survey, py::arg("survey"), py::arg("catalog"),
        "Checks each row of one return against the catalog (二（三）1).");
  m.def("merge_surveys", &merge_surveys, py::arg("surveys"), py::arg("catalog"), py::arg("options") = DraftOptions{},
        "Merges returns into a draft county list (二（三）2).");
}

void bind_guides(py::module_& m) {
  py::class_<GuideSet>(m, "GuideSet", "A county's service guides (办事指南, 二（三）3).")
      .def(py::init<>(), "No guides.")
      .def_readwrite("catalog", &GuideSet::catalog, "Id of the catalog layer the guides go with.")
      .def_readwrite("jurisdiction", &GuideSet::jurisdiction, "e.g. \"示例县\".")
      .def_readwrite("example", &GuideSet::example, "True for illustrative data.")
      .def_readwrite("note", &GuideSet::note, "Sources and caveats.")
      .def("__len__", [](const GuideSet& g) { return g.guides.size(); }, "The number of guides.")
      .def("items", [](const GuideSet& g) {
             std::vector<std::string> ids;
             for (const ServiceGuide& s : g.guides) ids.push_back(s.item);
             return ids;
           },
           "The item ids that have a guide, in file order.")
      .def("guide_json",
           [](const GuideSet& g, std::string_view item) -> std::optional<std::string> {
             if (const ServiceGuide* s = g.find(item)) return to_json(*s);
             return std::nullopt;
           },
           py::arg("item"), "The JSON of this item's guide, or None.")
      .def("guide_markdown",
           [](const GuideSet& g, std::string_view item) -> std::optional<std::string> {
             if (const ServiceGuide* s = g.find(item)) return to_markdown(*s);
             return std::nullopt;
           },
           py::arg("item"), "This item's guide as Markdown, or None.")
      .def("to_json", [](const GuideSet& g) { return to_json(g); }, "Canonical JSON of the guides file.")
      .def("to_dict", [](const GuideSet& g) { return loads(to_json(g)); }, "The guides as their JSON dict.");

  m.def("parse_guides", &parse_guides, py::arg("json_text"), py::arg("origin") = "<text>",
        "Parses a guides file; raises Error.");
  m.def("load_guides", &load_guides, py::arg("path"), "Reads a guides file.");
  m.def("check_guides", &check_guides, py::arg("guides"), py::arg("catalog"),
        "Findings: guides missing elements (二（三）3), or by-committee items without a guide.");
}

void bind_supervision(py::module_& m) {
  py::class_<ComplaintRecord>(m, "ComplaintRecord", "One reported demand, as the hotline or the web form recorded it.")
      .def(py::init<>(), "An empty record.")
      .def_readwrite("complaint", &ComplaintRecord::complaint, "The reported demand.")
      .def_readwrite("superior", &ComplaintRecord::superior, "上级主管部门 of the demanding body.")
      .def_readwrite("note", &ComplaintRecord::note, "Free remarks of the clerk.")
      .def_readwrite("where", &ComplaintRecord::where, "Its id, or where it was read.");

  py::class_<SupervisionReport>(m, "SupervisionReport", "二（三）6: every complaint's verdict and a report per demanding body.")
      .def_readonly("unreasonable", &SupervisionReport::unreasonable, "Total unreasonable demands.")
      .def("to_json", [](const SupervisionReport& r) { return to_json(r); }, "As `jianzheng complaints --json`.")
      .def("to_dict", [](const SupervisionReport& r) { return loads(to_json(r)); }, "The JSON as a dict.")
      .def("to_markdown", [](const SupervisionReport& r) { return to_markdown(r); }, "The report for 通报, in Markdown.");

  m.def("parse_complaints_json", &parse_complaints_json, py::arg("text"), py::arg("origin") = "<text>",
        "Parses complaint records from JSON; raises Error naming the element.");
  m.def("parse_complaints_csv", &parse_complaints_csv, py::arg("text"), py::arg("origin") = "<text>",
        "Parses complaint records from CSV; raises Error naming the row.");
  m.def("load_complaints", &load_complaints, py::arg("path"), "Reads complaint records (.csv or JSON).");
  m.def("supervise_all",
        [](const PyEngine& engine, std::vector<ComplaintRecord> complaints) {
          return supervise_all(engine.engine, std::move(complaints));
        },
        py::arg("engine"), py::arg("complaints"),
        "Classifies every complaint and reports per demanding body (二（三）6).");
}

void bind_diff(py::module_& m) {
  py::class_<ListDiff>(m, "ListDiff", "四（四）: what changed between two versions of a county list.")
      .def("to_json", [](const ListDiff& d) { return to_json(d); }, "{\"older\", \"newer\", \"added\", \"removed\", \"changed\", \"flags\"}.")
      .def("to_dict", [](const ListDiff& d) { return loads(to_json(d)); }, "The JSON as a dict.");
  py::class_<ListHistory>(m, "ListHistory", "四（四）: consecutive diffs of several versions, with 先减后增.")
      .def_readonly("versions", &ListHistory::versions, "Provenance ids, oldest first.")
      .def("to_json", [](const ListHistory& h) { return to_json(h); }, "{\"versions\", \"steps\", \"flags\"}.")
      .def("to_dict", [](const ListHistory& h) { return loads(to_json(h)); }, "The JSON as a dict.");
  m.def("diff", &diff, py::arg("older"), py::arg("newer"), py::arg("settings") = Settings{},
        py::arg("listed") = std::vector<Item>{},
        "Compares the items two layers add; flags 边减边增 and 明减暗增.");
  m.def("diff_history", &diff_history, py::arg("versions"), py::arg("settings") = Settings{},
        py::arg("listed") = std::vector<Item>{}, "Diffs a history of versions, oldest first; flags 先减后增 too.");
}

void bind_county(py::module_& m) {
  bind_survey(m);
  bind_guides(m);
  bind_supervision(m);
  bind_diff(m);
}

}  // namespace

JIANZHENG_BIND(60, bind_county);

}  // namespace jianzheng::python

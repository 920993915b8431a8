// SurveyReturn as JSON (docs/schemas/survey.schema.json).
#include "json/catalog_json.hpp"
#include "json/json_io.hpp"
#include "jianzheng/survey.hpp"
#include "survey_table.hpp"

namespace jianzheng {

namespace detail {

json::object survey_row_json(const SurveyRow& r) {
  json::object o;
  o["seq"] = r.seq;  // 0: the cell was blank
  o["name"] = r.name;
  o["basis"] = r.basis;
  o["implementer"] = r.implementer;
  o["authority"] = r.authority;
  o["note"] = r.note;
  return o;
}

namespace {

json::array bases_json(const std::vector<LegalBasis>& v) {
  json::array a;
  for (const auto& b : v) a.push_back(basis_to_json(b));
  return a;
}

json::object finding_json(const Finding& f) {
  json::object o;
  o["severity"] = to_string(f.severity);
  o["code"] = f.code;
  o["where"] = f.where;
  o["message"] = f.message;
  o["clause"] = detail::string_or_null(f.clause);
  return o;
}

}  // namespace

}  // namespace detail

SurveyReturn parse_survey_json(std::string_view text, std::string_view origin) {
  detail::Document doc(text, std::string(origin), 64u << 20);
  const detail::Node root = doc.root();
  root.only_keys({"title", "unit", "date", "rows", "notes"});
  // Strings are cleaned as the CSV and XLSX readers clean cells (trimmed, LF line breaks), so
  // that one value reads the same from every format.
  auto clean = [](const detail::Node& n) { return detail::clean_cell(n.string()); };
  auto nonempty = [&](const detail::Node& n) {
    std::string s = clean(n);
    if (s.empty()) n.fail(ErrorCode::invalid_value, "must not be empty or white space");
    return s;
  };
  SurveyReturn out;
  out.origin = std::string(origin);
  out.charset = "json";
  out.title = root.get("title") ? clean(root.at("title")) : std::string();
  if (out.title.empty()) out.title = std::string(kSurveyTitle);
  out.unit = nonempty(root.at("unit"));
  if (auto d = root.get("date")) out.date = d->date();
  for (const auto& row : root.at("rows").elements()) {
    row.only_keys({"seq", "name", "basis", "implementer", "authority", "note"});
    SurveyRow r;
    if (auto s = row.get("seq")) {
      const auto v = s->integer();
      if (v < 0 || v > 999999) s->fail(ErrorCode::invalid_value, "序号 must be 0…999999");
      r.seq = static_cast<int>(v);
    }
    r.name = nonempty(row.at("name"));
    auto text_of = [&](std::string_view key) {
      auto n = row.get(key);
      return n ? clean(*n) : std::string();
    };
    r.basis = text_of("basis");
    r.implementer = text_of("implementer");
    r.authority = text_of("authority");
    r.note = text_of("note");
    r.line = doc.locate(row.pointer()).line;
    out.rows.push_back(std::move(r));
  }
  if (auto notes = root.get("notes")) {
    for (const auto& n : notes->strings())
      if (std::string c = detail::clean_cell(n); !c.empty()) out.notes.push_back(std::move(c));
  }
  return out;
}

std::string to_json(const SurveyReturn& input) {
  const SurveyReturn survey = detail::survey_for_writing(input);
  detail::json::object o;
  o["title"] = survey.title;
  o["unit"] = survey.unit;
  o["date"] = detail::optional_date(survey.date);
  detail::json::array rows;
  for (const auto& r : survey.rows) rows.push_back(detail::survey_row_json(r));
  o["rows"] = std::move(rows);
  detail::json::array notes;
  for (const auto& s : survey.notes) notes.push_back(detail::json::string(s));
  o["notes"] = std::move(notes);
  return detail::canonical(o);
}

std::string to_json(const SurveyCheck& check) {
  using namespace detail;
  json::object o;
  o["unit"] = check.unit;
  o["date"] = optional_date(check.date);
  o["origin"] = check.origin;
  json::array rows;
  for (const auto& r : check.rows) {
    json::object row;
    row["row"] = r.row;
    row["seq"] = r.seq;
    row["line"] = r.line;
    row["name"] = r.name;
    row["basis"] = r.basis;
    row["verdict"] = to_string(r.verdict);
    row["item"] = detail::string_or_null(r.item);
    row["carve_out"] = detail::string_or_null(r.carve_out);
    row["bases"] = bases_json(r.bases);
    row["clauses"] = detail::strings_json(r.clauses);
    row["why"] = r.why;
    rows.push_back(std::move(row));
  }
  o["rows"] = std::move(rows);
  json::array findings;
  for (const auto& f : check.findings) findings.push_back(finding_json(f));
  o["findings"] = std::move(findings);
  return canonical(o);
}

std::string to_json(const CountyDraft& draft) {
  using namespace detail;
  json::object o;
  json::array entries;
  for (const auto& e : draft.entries) {
    json::object x;
    x["id"] = detail::string_or_null(e.id);
    x["name"] = e.name;
    x["verdict"] = to_string(e.verdict);
    x["item"] = detail::string_or_null(e.item);
    x["carve_out"] = detail::string_or_null(e.carve_out);
    x["names"] = detail::strings_json(e.names);
    x["reported_by"] = detail::strings_json(e.reported_by);
    x["bases"] = bases_json(e.bases);
    x["implementers"] = detail::strings_json(e.implementers);
    x["authorities"] = detail::strings_json(e.authorities);
    x["clauses"] = detail::strings_json(e.clauses);
    x["why"] = e.why;
    entries.push_back(std::move(x));
  }
  o["entries"] = std::move(entries);
  json::array findings;
  for (const auto& f : draft.findings) findings.push_back(finding_json(f));
  o["findings"] = std::move(findings);
  return canonical(o);
}

}  // namespace jianzheng

// SurveyReturn as JSON (docs/schemas/survey.schema.json).
#include "json/json_io.hpp"
#include "jianzheng/survey.hpp"

namespace jianzheng {

namespace detail {

json::object survey_row_json(const SurveyRow& r, int position) {
  json::object o;
  o["seq"] = r.seq ? r.seq : position;
  o["name"] = r.name;
  o["basis"] = r.basis;
  o["implementer"] = r.implementer;
  o["authority"] = r.authority;
  o["note"] = r.note;
  return o;
}

}  // namespace detail

SurveyReturn parse_survey_json(std::string_view text, std::string_view origin) {
  detail::Document doc(text, std::string(origin), 64u << 20);
  const detail::Node root = doc.root();
  root.only_keys({"title", "unit", "date", "rows", "notes"});
  SurveyReturn out;
  out.origin = std::string(origin);
  out.charset = "json";
  out.title = root.get("title") ? root.at("title").string() : std::string(kSurveyTitle);
  out.unit = root.at("unit").nonempty_string();
  if (auto d = root.get("date")) out.date = d->date();
  for (const auto& row : root.at("rows").elements()) {
    row.only_keys({"seq", "name", "basis", "implementer", "authority", "note"});
    SurveyRow r;
    if (auto s = row.get("seq")) {
      const auto v = s->integer();
      if (v < 0 || v > 999999) s->fail(ErrorCode::invalid_value, "序号 must be 0…999999");
      r.seq = static_cast<int>(v);
    }
    r.name = row.at("name").nonempty_string();
    auto text_of = [&](std::string_view key) {
      auto n = row.get(key);
      return n ? n->string() : std::string();
    };
    r.basis = text_of("basis");
    r.implementer = text_of("implementer");
    r.authority = text_of("authority");
    r.note = text_of("note");
    r.line = doc.locate(row.pointer()).line;
    out.rows.push_back(std::move(r));
  }
  if (auto notes = root.get("notes")) out.notes = notes->strings();
  return out;
}

std::string to_json(const SurveyReturn& survey) {
  detail::json::object o;
  o["title"] = survey.title.empty() ? std::string(kSurveyTitle) : survey.title;
  o["unit"] = survey.unit;
  o["date"] = detail::optional_date(survey.date);
  detail::json::array rows;
  int n = 0;
  for (const auto& r : survey.rows) rows.push_back(detail::survey_row_json(r, ++n));
  o["rows"] = std::move(rows);
  detail::json::array notes;
  for (const auto& s : survey.notes) notes.push_back(detail::json::string(s));
  o["notes"] = std::move(notes);
  return detail::canonical(o);
}

}  // namespace jianzheng

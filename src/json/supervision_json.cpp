// Complaints (二（三）6) in JSON and CSV, and the supervision report as JSON.

#include "file_io.hpp"
#include "jianzheng/supervision.hpp"
#include "json/json_io.hpp"

namespace jianzheng {
namespace {

using detail::Node;
namespace json = boost::json;

constexpr std::string_view kKindExpected =
    "one of government_department, public_institution, service_agency, civil_commercial_entity, "
    "court, resident, other";

LegalBasis read_basis(const Node& n) {
  // A citation string is read as the clerk wrote it; its level is inferred (parse_basis).
  if (n.is_string()) return parse_basis(n.nonempty_string());
  n.only_keys({"title", "article", "level"});
  const std::string title = n.at("title").nonempty_string();
  const std::string article = detail::optional_string(n, "article");
  // The same reading as a citation string, so JSON and CSV complaints compare equal.
  LegalBasis b = parse_basis(title + article);
  b.title = title;
  b.article = article;
  if (auto l = n.get("level")) {
    const std::string s = l->string();
    auto v = basis_level_from_string(s);
    if (!v)
      l->fail(ErrorCode::unknown_enum,
              "\"" + s + "\" is not a known value; expected one of law, administrative_regulation, "
              "local_regulation, state_council_retained_list, departmental_rule, policy_document, unknown");
    b.level = *v;
  }
  return b;
}

ComplaintRecord read_complaint(const Node& n) {
  n.only_keys({"id", "date", "channel", "body", "body_kind", "superior", "item", "demanded", "purpose",
               "bases", "note"});
  ComplaintRecord r;
  r.where = n.pointer();
  if (auto id = n.get("id")) r.where = id->string();  // the clerk's own reference wins
  Complaint& c = r.complaint;
  if (auto d = n.get("date")) c.date = d->date();
  c.channel = detail::optional_string(n, "channel");
  c.body = n.at("body").nonempty_string();
  if (auto k = n.get("body_kind")) {
    const std::string s = k->string();
    auto v = requester_kind_from_string(s);
    if (!v) k->fail(ErrorCode::unknown_enum, "\"" + s + "\" is not a known value; expected " + std::string(kKindExpected));
    c.body_kind = *v;
  }
  r.superior = detail::optional_string(n, "superior");
  c.item = detail::optional_string(n, "item");
  c.text = detail::optional_string(n, "demanded");
  if (c.item.empty() && c.text.empty())
    n.fail(ErrorCode::missing_field, "a complaint needs \"item\" or \"demanded\" (what was demanded)");
  c.purpose = detail::optional_string(n, "purpose");
  if (auto b = n.get("bases"))
    for (const auto& e : b->elements()) c.bases.push_back(read_basis(e));
  r.note = detail::optional_string(n, "note");
  return r;
}

json::value parse_value(const std::string& text) { return json::parse(text); }

json::value complaint_json(const ComplaintRecord& r) {
  const Complaint& c = r.complaint;
  json::object o;
  o["date"] = detail::optional_date(c.date);
  o["channel"] = c.channel;
  o["body"] = c.body;
  o["body_kind"] = to_string(c.body_kind);
  o["superior"] = r.superior;
  o["item"] = c.item;
  o["demanded"] = c.text;
  o["purpose"] = c.purpose;
  json::array bases;
  for (const auto& b : c.bases) {
    json::object bo;
    bo["title"] = b.title;
    bo["article"] = b.article;
    bo["level"] = to_string(b.level);
    bases.push_back(std::move(bo));
  }
  o["bases"] = std::move(bases);
  o["note"] = r.note;
  o["where"] = r.where;
  return o;
}

}  // namespace

std::vector<ComplaintRecord> parse_complaints_json(std::string_view text, std::string_view origin) {
  detail::Document doc(text, std::string(origin));
  Node root = doc.root();
  if (root.is_object()) {
    root.only_keys({"$schema", "format", "complaints"});
    root = root.at("complaints");
  }
  std::vector<ComplaintRecord> out;
  for (const auto& e : root.elements()) out.push_back(read_complaint(e));
  return out;
}

std::vector<ComplaintRecord> load_complaints(const std::string& path) {
  const std::string text = detail::read_file(path);
  const bool csv = path.size() >= 4 && (path.compare(path.size() - 4, 4, ".csv") == 0 ||
                                        path.compare(path.size() - 4, 4, ".CSV") == 0);
  return csv ? parse_complaints_csv(text, path) : parse_complaints_json(text, path);
}

std::string to_json(const SupervisionReport& report) {
  json::object root;
  root["hotline"] = "0936-6121532";
  root["clause"] = "2.3.6";
  root["total"] = report.results.size();
  root["unreasonable"] = report.unreasonable;
  json::array results;
  for (const auto& r : report.results) {
    json::object o;
    o["complaint"] = complaint_json(r.record);
    o["verdict"] = parse_value(to_json(r.verdict, Language::zh, true));
    results.push_back(std::move(o));
  }
  root["results"] = std::move(results);
  json::array bodies;
  for (const auto& b : report.bodies) {
    json::object o;
    o["body"] = b.body;
    o["superior"] = b.superior;
    o["complaints"] = b.complaints;
    o["unreasonable"] = b.unreasonable;
    json::array idx;
    for (auto i : b.results) idx.emplace_back(i);
    o["results"] = std::move(idx);
    json::array items;
    for (const auto& s : b.unreasonable_items) items.emplace_back(s);
    o["unreasonable_items"] = std::move(items);
    o["notify"] = b.notify;
    bodies.push_back(std::move(o));
  }
  root["bodies"] = std::move(bodies);
  return detail::canonical(root);
}

}  // namespace jianzheng

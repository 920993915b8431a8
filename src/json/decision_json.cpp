// JSON of requests, demands, complaints (in) and decisions, admissions, supervisions (out),
// exactly as DESIGN §8. Reading is lenient about members it does not know (platforms add
// fields) and strict about the ones it does: a closed enum outside its set is unknown_enum.
#include <array>

#include "enum_names.hpp"
#include "jianzheng/decision.hpp"
#include "jianzheng/request.hpp"
#include "json/json_io.hpp"

namespace jianzheng {
namespace {

using detail::Node;
namespace json = boost::json;

constexpr const char* kLevels =
    "one of law, administrative_regulation, local_regulation, state_council_retained_list, "
    "departmental_rule, policy_document, unknown";
constexpr const char* kTris = "one of yes, no, unknown";
constexpr const char* kKinds =
    "one of government_department, public_institution, service_agency, "
    "civil_commercial_entity, court, resident, other";

// A closed enum by name; unknown_enum names the pointer and the set. (Node::enumeration's
// return type is an rvalue reference for these parsers, so the engine reads enums itself.)
template <class Parse>
auto read_enum(const Node& n, Parse parse, const char* expected) {
  const std::string s = n.string();
  auto v = parse(std::string_view(s));
  if (!v) n.fail(ErrorCode::unknown_enum, "\"" + s + "\" is not a known value; expected " + expected);
  return *v;
}

// A basis: an object {"title", "article", "level", …}, or text parsed by parse_basis
// ("《中华人民共和国公证法》第十一条"). An object without "level" takes the level its title
// makes clear.
LegalBasis read_basis(const Node& n) {
  if (n.is_string()) return parse_basis(n.string());
  LegalBasis b;
  b.title = n.at("title").nonempty_string();
  if (auto a = n.get("article")) b.article = a->string();
  if (auto l = n.get("level"))
    b.level = read_enum(*l, basis_level_from_string, kLevels);
  else
    b.level = parse_basis(b.title).level;
  if (auto t = n.get("text")) b.text = t->string();
  if (auto i = n.get("issuer")) b.issuer = i->string();
  if (auto d = n.get("document_number")) b.document_number = d->string();
  if (auto e = n.get("effective")) b.effective = e->date();
  return b;
}

std::vector<LegalBasis> read_bases(const Node& root) {
  std::vector<LegalBasis> out;
  if (auto bs = root.get("bases"))
    for (const Node& b : bs->elements()) out.push_back(read_basis(b));
  return out;
}

std::string opt_string(const Node& root, std::string_view key) {
  if (auto v = root.get(key)) return v->string();
  return {};
}

std::optional<Date> opt_date(const Node& root) {
  if (auto v = root.get("date")) return v->date();
  return std::nullopt;
}

Tri read_tri(const Node& n) { return read_enum(n, tri_from_string, kTris); }

// "item" wins over "text"; one of them is required.
void read_item_text(const Node& root, std::string& item, std::string& text) {
  item = opt_string(root, "item");
  text = opt_string(root, "text");
  if (item.empty() && text.empty())
    root.fail(ErrorCode::missing_field, "one of \"item\" (an item id) or \"text\" is required");
}

json::value basis_json(const LegalBasis& b) {
  json::object o;
  o["title"] = b.title;
  o["article"] = b.article;
  o["level"] = to_string(b.level);
  if (!b.text.empty()) o["text"] = b.text;
  if (!b.issuer.empty()) o["issuer"] = b.issuer;
  if (!b.document_number.empty()) o["document_number"] = b.document_number;
  if (b.effective) o["effective"] = b.effective->to_string();
  return o;
}

json::value strings_json(const std::vector<std::string>& v) {
  json::array a;
  a.reserve(v.size());
  for (const std::string& s : v) a.emplace_back(s);
  return a;
}

json::value item_json(const Item* item) {
  if (!item) return nullptr;
  return json::object{{"id", item->id}, {"name", item->name}};
}

json::value carve_out_json(const CarveOut* co) {
  if (!co) return nullptr;
  json::object o;
  o["scenario"] = co->scenario;
  o["words"] = strings_json(co->words);
  json::array bases;
  for (const LegalBasis& b : co->bases) bases.push_back(basis_json(b));
  o["bases"] = std::move(bases);
  o["from"] = detail::optional_date(co->validity.from);
  o["until"] = detail::optional_date(co->validity.until);
  if (!co->note.empty()) o["note"] = co->note;
  return o;
}

// The route with the notes in force on `day` (the text itself stays verbatim).
json::value route_json(const Route* r, const Date& day) {
  if (!r) return nullptr;
  json::object o;
  o["text"] = r->text;
  json::array channels;
  for (Channel c : r->channels) channels.emplace_back(to_string(c));
  o["channels"] = std::move(channels);
  o["agencies"] = strings_json(r->agencies);
  o["documents"] = strings_json(r->documents);
  json::array notes;
  for (const RouteNote& n : r->notes)
    if (n.validity.contains(day))
      notes.push_back(json::object{{"text", n.text}, {"source", n.source},
                                   {"from", detail::optional_date(n.validity.from)},
                                   {"until", detail::optional_date(n.validity.until)}});
  if (!notes.empty()) o["notes"] = std::move(notes);
  return o;
}

template <class List>
json::value clauses_json(const List& clauses) {
  json::array a;
  a.reserve(clauses.size());
  for (const Clause* c : clauses)
    a.push_back(json::object{{"id", c->id}, {"path", c->path}, {"text", c->text}});
  return a;
}

template <class List>
json::value flags_json(const List& flags) {
  json::array a;
  for (Flag f : flags) a.emplace_back(to_string(f));
  return a;
}

template <class List>
json::value open_questions_json(const List& qs) {
  json::array a;
  for (const OpenQuestion& q : qs)
    a.push_back(json::object{{"fact", to_string(q.fact)}, {"outcome_if_yes", to_string(q.outcome_if_yes)}});
  return a;
}

json::value receipt_json(const Receipt& r) {
  return json::object{{"catalog", json::string_view(r.catalog.data(), r.catalog.size())},
                      {"catalog_sha256", json::string_view(r.catalog_sha256.data(), r.catalog_sha256.size())},
                      {"engine", r.engine},
                      {"as_of", r.as_of.to_string()}};
}

std::string render(const json::value& v, bool compact) {
  return compact ? detail::compact(v) : detail::canonical(v);
}

}  // namespace

Request request_from_json(std::string_view text, std::string_view origin) {
  detail::Document doc(text, std::string(origin));
  const Node root = doc.root();
  if (!root.is_object()) root.fail(ErrorCode::wrong_type, "a request is a JSON object");
  Request r;
  read_item_text(root, r.item, r.text);
  r.purpose = opt_string(root, "purpose");
  if (auto q = root.get("requester")) {
    if (auto k = q->get("kind")) r.requester.kind = read_enum(*k, requester_kind_from_string, kKinds);
    r.requester.name = opt_string(*q, "name");
  }
  r.bases = read_bases(root);
  if (auto f = root.get("facts")) {
    // The facts are a closed set: a misspelt fact would silently stay unknown, so it is an error.
    f->only_keys({"within_duties", "verifiable", "transitional_need", "public_interest", "legal_risk"});
    for (Fact fact : all_facts)
      if (auto v = f->get(to_string(fact))) r.facts.set(fact, read_tri(*v));
  }
  r.date = opt_date(root);
  return r;
}

std::string to_json(const Request& r) {
  json::object o;
  if (!r.item.empty()) o["item"] = r.item;
  if (!r.text.empty()) o["text"] = r.text;
  o["purpose"] = r.purpose;
  o["requester"] = json::object{{"kind", to_string(r.requester.kind)}, {"name", r.requester.name}};
  json::array bases;
  for (const LegalBasis& b : r.bases) bases.push_back(basis_json(b));
  o["bases"] = std::move(bases);
  json::object facts;
  for (Fact f : all_facts) facts[to_string(f)] = to_string(r.facts.get(f));
  o["facts"] = std::move(facts);
  o["date"] = detail::optional_date(r.date);
  return detail::canonical(o);
}

Demand demand_from_json(std::string_view text, std::string_view origin) {
  detail::Document doc(text, std::string(origin));
  const Node root = doc.root();
  if (!root.is_object()) root.fail(ErrorCode::wrong_type, "a demand is a JSON object");
  Demand d;
  d.department = opt_string(root, "department");
  read_item_text(root, d.item, d.text);
  d.purpose = opt_string(root, "purpose");
  d.bases = read_bases(root);
  if (auto v = root.get("within_duties")) d.within_duties = read_tri(*v);
  if (auto v = root.get("verifiable")) d.verifiable = read_tri(*v);
  d.date = opt_date(root);
  return d;
}

Complaint complaint_from_json(std::string_view text, std::string_view origin) {
  detail::Document doc(text, std::string(origin));
  const Node root = doc.root();
  if (!root.is_object()) root.fail(ErrorCode::wrong_type, "a complaint is a JSON object");
  Complaint c;
  c.body = opt_string(root, "body");
  if (auto k = root.get("body_kind")) c.body_kind = read_enum(*k, requester_kind_from_string, kKinds);
  read_item_text(root, c.item, c.text);
  c.purpose = opt_string(root, "purpose");
  c.bases = read_bases(root);
  c.channel = opt_string(root, "channel");
  c.date = opt_date(root);
  return c;
}

std::string to_json(const Decision& d, Language language, bool compact) {
  const bool zh = language == Language::zh;
  json::object o;
  o.reserve(16);
  o["outcome"] = to_string(d.outcome);
  o["item"] = item_json(d.item);
  o["clauses"] = clauses_json(d.clauses);
  o["carve_out"] = carve_out_json(d.carve_out);
  o["route"] = route_json(d.route, d.receipt.as_of);
  json::array steps;
  for (Step s : d.steps)
    steps.push_back(json::object{{"step", to_string(s)}, {"clause", clause_of(s)}, {"text", describe(s, language)}});
  o["steps"] = std::move(steps);
  o["flags"] = flags_json(d.flags);
  if (d.time_limit) {
    json::object t;
    t["kind"] = to_string(d.time_limit->kind);
    if (d.time_limit->kind == TimeLimitKind::working_days) {
      t["working_days"] = d.time_limit->working_days;
      t["due"] = detail::optional_date(d.time_limit->due);
    }
    if (d.time_limit->note) t["note"] = d.time_limit->note;
    o["time_limit"] = std::move(t);
  } else {
    o["time_limit"] = nullptr;
  }
  o["open_questions"] = open_questions_json(d.open_questions);
  o["explanation"] = explain(d, language);
  json::array trace;
  for (const TraceEntry& e : d.trace)
    trace.push_back(json::object{{"rule", to_string(e.rule)}, {"fired", e.fired}, {"why", zh ? e.why : e.why_en}});
  o["trace"] = std::move(trace);
  o["receipt"] = receipt_json(d.receipt);
  return render(o, compact);
}

std::string to_json(const Admission& a, Language language, bool compact) {
  json::object o;
  o["outcome"] = to_string(a.outcome);
  o["item"] = item_json(a.item);
  o["clauses"] = clauses_json(a.clauses);
  o["carve_out"] = carve_out_json(a.carve_out);
  o["route"] = route_json(a.route, a.receipt.as_of);
  o["flags"] = flags_json(a.flags);
  json::array open;
  for (const OpenQuestion& q : a.open_questions) open.push_back(json::object{{"fact", to_string(q.fact)}, {"outcome_if_yes", "admitted"}});
  o["open_questions"] = std::move(open);
  o["why"] = language == Language::zh ? a.why : a.why_en;
  o["receipt"] = receipt_json(a.receipt);
  return render(o, compact);
}

std::string to_json(const Supervision& s, Language language, bool compact) {
  json::object o;
  o["outcome"] = to_string(s.outcome);
  o["item"] = item_json(s.item);
  o["clauses"] = clauses_json(s.clauses);
  o["carve_out"] = carve_out_json(s.carve_out);
  o["route"] = route_json(s.route, s.receipt.as_of);
  o["notify"] = s.notify;
  o["why"] = language == Language::zh ? s.why : s.why_en;
  o["receipt"] = receipt_json(s.receipt);
  return render(o, compact);
}

}  // namespace jianzheng

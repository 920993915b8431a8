// JSON of requests, demands, complaints (in) and decisions, admissions, supervisions (out),
// exactly as docs/design.md §8. Reading is lenient about members it does not know (platforms add
// fields) and strict about the ones it does: a closed enum outside its set is unknown_enum.
#include <array>
#include <cstdint>
#include <cstdio>
#include <cstring>

#include "enum_names.hpp"
#include "jianzheng/decision.hpp"
#include "jianzheng/request.hpp"
#include "json/catalog_json.hpp"
#include "json/json_io.hpp"
#include "json/json_string.hpp"

namespace jianzheng {
namespace detail {
Request checked_request_from_json(std::string_view text, std::string_view origin);
}  // namespace detail

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

std::optional<Date> opt_date(const Node& root) {
  if (auto v = root.get("date")) return v->date();
  return std::nullopt;
}

Tri read_tri(const Node& n) { return read_enum(n, tri_from_string, kTris); }

// "item" wins over "text"; one of them is required.
void read_item_text(const Node& root, std::string& item, std::string& text) {
  item = detail::optional_string(root, "item");
  text = detail::optional_string(root, "text");
  if (item.empty() && text.empty())
    root.fail(ErrorCode::missing_field, "one of \"item\" (an item id) or \"text\" is required");
}

json::value item_json(const Item* item) {
  if (!item) return nullptr;
  return json::object{{"id", item->id}, {"name", item->name}};
}

json::value carve_out_json(const CarveOut* co) {
  if (!co) return nullptr;
  json::object o;
  o["scenario"] = co->scenario;
  o["words"] = detail::strings_json(co->words);
  json::array bases;
  for (const LegalBasis& b : co->bases) bases.push_back(detail::basis_to_json(b));
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
  o["agencies"] = detail::strings_json(r->agencies);
  o["documents"] = detail::strings_json(r->documents);
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

json::array facts_json(unsigned bits) {
  json::array a;
  for (Fact f : all_facts)
    if (bits & fact_bit(f)) a.emplace_back(to_string(f));
  return a;
}

// The question put to the clerk about a purpose, in the language asked.
std::string purpose_question_text(const CarveOut& co, Language l) {
  return l == Language::zh ? "用途是否属于「" + co.scenario + "」？" : "Is the purpose \"" + co.scenario + "\"?";
}

const char* item_question_text(Language l) {
  return l == Language::zh ? "所申请的证明是下列哪一项？" : "Which of these certificates is asked for?";
}

json::value readings_json(PurposeSource source, const FixedList<PurposeReading, 3>& readings, const Date& day) {
  json::array a;
  for (const PurposeReading& r : readings) {
    json::object o;
    o["scenario"] = r.carve_out->scenario;
    o["result"] = to_string(r.certainty);
    o["in_force"] = r.carve_out->validity.contains(day);
    json::array ev;
    for (std::string_view e : r.evidence)
      if (!e.empty()) ev.emplace_back(e);
    o["evidence"] = std::move(ev);
    json::array look;
    for (std::string_view e : r.look_alike)
      if (!e.empty()) look.emplace_back(e);
    o["look_alike"] = std::move(look);
    o["negated"] = r.negated;
    o["doubtful"] = r.doubtful;
    if (r.slip) o["slip"] = true;
    a.push_back(std::move(o));
  }
  return json::object{{"source", to_string(source)}, {"readings", std::move(a)}};
}

template <class Candidates>
json::value item_question_json(Certainty certainty, const Candidates& cands, Language l) {
  if (certainty != Certainty::uncertain) return nullptr;
  json::array a;
  for (const auto& c : cands) {
    char score[16];
    std::snprintf(score, sizeof score, "%.3f", c.score);
    a.push_back(json::object{{"id", c.item->id}, {"name", c.item->name}, {"score", json::parse(score)},
                             {"how", to_string(c.how)}, {"outcome", to_string(c.outcome)}});
  }
  return json::object{{"question", item_question_text(l)}, {"candidates", std::move(a)}};
}

template <class Questions>
json::value outcome_questions_json(const Questions& qs, Language l) {
  json::array a;
  for (const auto& q : qs)
    a.push_back(json::object{{"scenario", q.carve_out->scenario}, {"text", q.carve_out->text},
                             {"question", purpose_question_text(*q.carve_out, l)},
                             {"outcome_if_yes", to_string(q.outcome_if_yes)}});
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

// ---- Fast paths. A decision service answers hundreds of thousands of requests a second, so
// the Decision JSON is written directly (same bytes as detail::canonical / detail::compact of
// the equivalent value; tests/decision_test.cpp checks), and a request is first read from a
// plain parse into a stack arena; anything unusual falls back to the checked reader, which
// then names the error with line, column and pointer.

// Writes JSON in the canonical layout (pretty) or on one line (compact).
class Writer {
 public:
  Writer(std::string& out, bool pretty) : out_(out), pretty_(pretty) {}

  void begin_object() {
    before_value();
    push(false);
    out_ += '{';
  }
  void end_object() { close('}'); }
  /// `flat`: an array of scalars (one line in the canonical layout).
  void begin_array(bool flat) {
    before_value();
    push(flat);
    out_ += '[';
  }
  void end_array() { close(']'); }
  void key(std::string_view k) {
    Level& l = stack_[depth_ - 1];
    // A decision has about a hundred keys: the comma, line break, indent, quoted key and
    // colon are put together here and appended at once (one append instead of five costs a
    // tenth of to_json's instructions less under callgrind). Keys are the format's own short
    // ASCII names: nothing to escape. A longer key than the buffer holds is appended in parts.
    char buf[96];
    std::size_t n = 0;
    if (!l.first) buf[n++] = ',';
    if (pretty_) {
      buf[n++] = '\n';
      const auto indent = static_cast<std::size_t>(depth_) * 2;  // depth_ <= 16
      std::memset(buf + n, ' ', indent);
      n += indent;
    }
    l.first = false;
    after_key_ = true;
    buf[n++] = '"';
    if (k.size() > sizeof buf - n - 3) {
      out_.append(buf, n);
      out_ += k;
      out_ += pretty_ ? "\": " : "\":";
      return;
    }
    std::memcpy(buf + n, k.data(), k.size());
    n += k.size();
    buf[n++] = '"';
    buf[n++] = ':';
    if (pretty_) buf[n++] = ' ';
    out_.append(buf, n);
  }
  void string(std::string_view s) {
    before_value();
    // Every string of a Decision is the engine's own text (catalog, clauses, fixed
    // sentences), checked as UTF-8 when the engine was made (src/engine.cpp).
    detail::append_json_string(out_, s, detail::Utf8Input::valid);
  }
  void raw(std::string_view literal) {  // numbers, true, false, null
    before_value();
    out_ += literal;
  }
  void null() { raw("null"); }
  void boolean(bool b) { raw(b ? "true" : "false"); }
  void integer(long n) { raw(std::to_string(n)); }
  void date(const std::optional<Date>& d) {
    if (d) day(*d); else null();
  }
  void day(const Date& d) {  // "YYYY-MM-DD" without printf: a decision writes one or two
    if (d.year < 0 || d.year > 9999) return string(d.to_string());
    char buf[12] = {'"'};
    const auto two = [](char* p, unsigned v) { p[0] = static_cast<char>('0' + v / 10); p[1] = static_cast<char>('0' + v % 10); };
    two(buf + 1, static_cast<unsigned>(d.year) / 100);
    two(buf + 3, static_cast<unsigned>(d.year) % 100);
    buf[5] = '-';
    two(buf + 6, d.month);
    buf[8] = '-';
    two(buf + 9, d.day);
    before_value();
    out_.append(buf, 11);
    out_ += '"';
  }
  void finish() {
    if (pretty_) out_ += '\n';
  }

  // Shorthands for members.
  void member(std::string_view k, std::string_view v) { key(k); string(v); }
  void member_null(std::string_view k) { key(k); null(); }

 private:
  struct Level {
    bool first = true;
    bool flat = false;
  };
  void push(bool flat) { stack_[depth_++] = Level{true, flat}; }
  void before_value() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (depth_ == 0) return;
    Level& l = stack_[depth_ - 1];  // an array element
    if (!l.first) out_ += l.flat && pretty_ ? ", " : ",";
    if (pretty_ && !l.flat) {
      out_ += '\n';
      pad(depth_);
    }
    l.first = false;
  }
  void close(char c) {
    const Level l = stack_[--depth_];
    if (pretty_ && !l.first && !l.flat) {
      out_ += '\n';
      pad(depth_);
    }
    out_ += c;
  }
  void pad(int n) { out_.append(static_cast<std::size_t>(n) * 2, ' '); }

  std::string& out_;
  bool pretty_;
  bool after_key_ = false;
  int depth_ = 0;
  Level stack_[16];
};

void write_facts(Writer& w, unsigned bits) {
  w.begin_array(true);
  for (Fact f : all_facts)
    if (bits & fact_bit(f)) w.string(to_string(f));
  w.end_array();
}

// A score as Boost.JSON writes a double parsed from three decimals (0.8, 0.775).
void write_score(Writer& w, double score) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.3f", score);
  w.raw(json::serialize(json::parse(buf)));
}

void write_strings(Writer& w, const std::vector<std::string>& v) {
  w.begin_array(true);
  for (const std::string& s : v) w.string(s);
  w.end_array();
}

void write_basis(Writer& w, const LegalBasis& b) {
  w.begin_object();
  w.member("title", b.title);
  w.member("article", b.article);
  w.member("level", to_string(b.level));
  if (!b.text.empty()) w.member("text", b.text);
  if (!b.issuer.empty()) w.member("issuer", b.issuer);
  if (!b.document_number.empty()) w.member("document_number", b.document_number);
  if (b.effective) w.member("effective", b.effective->to_string());
  w.end_object();
}

void write_carve_out(Writer& w, const CarveOut* co) {
  if (!co) return w.null();
  w.begin_object();
  w.member("scenario", co->scenario);
  w.key("words");
  write_strings(w, co->words);
  w.key("bases");
  w.begin_array(false);
  for (const LegalBasis& b : co->bases) write_basis(w, b);
  w.end_array();
  w.key("from");
  w.date(co->validity.from);
  w.key("until");
  w.date(co->validity.until);
  if (!co->note.empty()) w.member("note", co->note);
  w.end_object();
}

void write_route(Writer& w, const Route* r, const Date& day) {
  if (!r) return w.null();
  w.begin_object();
  w.member("text", r->text);
  w.key("channels");
  w.begin_array(true);
  for (Channel c : r->channels) w.string(to_string(c));
  w.end_array();
  w.key("agencies");
  write_strings(w, r->agencies);
  w.key("documents");
  write_strings(w, r->documents);
  bool any = false;
  for (const RouteNote& n : r->notes) any = any || n.validity.contains(day);
  if (any) {
    w.key("notes");
    w.begin_array(false);
    for (const RouteNote& n : r->notes) {
      if (!n.validity.contains(day)) continue;
      w.begin_object();
      w.member("text", n.text);
      w.member("source", n.source);
      w.key("from");
      w.date(n.validity.from);
      w.key("until");
      w.date(n.validity.until);
      w.end_object();
    }
    w.end_array();
  }
  w.end_object();
}

// The checked reader's rules, without pointers: nothing when anything is unusual.
bool fast_string(const json::object& o, std::string_view key, std::string& out) {
  auto it = o.find(key);
  if (it == o.end() || it->value().is_null()) return true;
  if (!it->value().is_string()) return false;
  const json::string& s = it->value().get_string();
  out.assign(s.data(), s.size());
  return true;
}

template <class Parse, class T>
bool fast_enum(const json::value& v, Parse parse, T& out) {
  if (!v.is_string()) return false;
  const json::string& s = v.get_string();
  auto e = parse(std::string_view(s.data(), s.size()));
  if (!e) return false;
  out = *e;
  return true;
}

bool fast_basis(const json::value& v, LegalBasis& b) {
  if (v.is_string()) {
    const json::string& s = v.get_string();
    b = parse_basis(std::string_view(s.data(), s.size()));
    return true;
  }
  if (!v.is_object()) return false;
  const json::object& o = v.get_object();
  auto t = o.find("title");
  if (t == o.end() || !t->value().is_string()) return false;
  const json::string& title = t->value().get_string();
  if (std::string_view(title.data(), title.size()).find_first_not_of(" \t\r\n") == std::string_view::npos) return false;
  b.title.assign(title.data(), title.size());
  if (!fast_string(o, "article", b.article)) return false;
  auto l = o.find("level");
  if (l != o.end() && !l->value().is_null()) {
    if (!fast_enum(l->value(), basis_level_from_string, b.level)) return false;
  } else {
    b.level = parse_basis(b.title).level;
  }
  if (!fast_string(o, "text", b.text) || !fast_string(o, "issuer", b.issuer) ||
      !fast_string(o, "document_number", b.document_number))
    return false;
  std::string eff;
  if (!fast_string(o, "effective", eff)) return false;
  if (!eff.empty() || (o.find("effective") != o.end() && !o.find("effective")->value().is_null())) {
    b.effective = Date::try_parse(eff);
    if (!b.effective) return false;
  }
  return true;
}

std::optional<Request> fast_request(std::string_view text) {
  unsigned char arena[8192];
  json::monotonic_resource mr(arena, sizeof arena);
  boost::system::error_code ec;
  const json::value v = json::parse(text, ec, &mr);
  if (ec || !v.is_object()) return std::nullopt;
  // A repeated key: the checked reader names it (duplicate_id) instead of using the last.
  if (detail::lost_duplicate_keys(text, v)) return std::nullopt;
  const json::object& o = v.get_object();
  Request r;
  if (!fast_string(o, "item", r.item) || !fast_string(o, "text", r.text)) return std::nullopt;
  if (r.item.empty() && r.text.empty()) return std::nullopt;
  if (!fast_string(o, "purpose", r.purpose) || !fast_string(o, "carve_out", r.carve_out)) return std::nullopt;
  if (auto q = o.find("requester"); q != o.end() && !q->value().is_null()) {
    if (!q->value().is_object()) return std::nullopt;
    const json::object& qo = q->value().get_object();
    if (auto k = qo.find("kind"); k != qo.end() && !k->value().is_null())
      if (!fast_enum(k->value(), requester_kind_from_string, r.requester.kind)) return std::nullopt;
    if (!fast_string(qo, "name", r.requester.name)) return std::nullopt;
  }
  if (auto bs = o.find("bases"); bs != o.end() && !bs->value().is_null()) {
    if (!bs->value().is_array()) return std::nullopt;
    for (const json::value& e : bs->value().get_array()) {
      LegalBasis b;
      if (!fast_basis(e, b)) return std::nullopt;
      r.bases.push_back(std::move(b));
    }
  }
  if (auto f = o.find("facts"); f != o.end() && !f->value().is_null()) {
    if (!f->value().is_object()) return std::nullopt;
    for (const auto& kv : f->value().get_object()) {
      const auto fact = fact_from_string(std::string_view(kv.key().data(), kv.key().size()));
      if (!fact) return std::nullopt;  // unknown_field, reported by the checked reader
      if (kv.value().is_null()) continue;
      Tri t = Tri::unknown;
      if (!fast_enum(kv.value(), tri_from_string, t)) return std::nullopt;
      r.facts.set(*fact, t);
    }
  }
  if (auto d = o.find("date"); d != o.end() && !d->value().is_null()) {
    if (!d->value().is_string()) return std::nullopt;
    const json::string& s = d->value().get_string();
    r.date = Date::try_parse(std::string_view(s.data(), s.size()));
    if (!r.date) return std::nullopt;
  }
  return r;
}

}  // namespace

Request request_from_json(std::string_view text, std::string_view origin) {
  if (auto fast = fast_request(text)) return std::move(*fast);
  return detail::checked_request_from_json(text, origin);
}

namespace detail {

// The checked reader: every error names line, column and JSON pointer. (Not static: tests
// compare it with the fast path.)
Request checked_request_from_json(std::string_view text, std::string_view origin) {
  detail::Document doc(text, std::string(origin));
  const Node root = doc.root();
  if (!root.is_object()) root.fail(ErrorCode::wrong_type, "a request is a JSON object");
  Request r;
  read_item_text(root, r.item, r.text);
  r.purpose = detail::optional_string(root, "purpose");
  r.carve_out = detail::optional_string(root, "carve_out");
  if (auto q = root.get("requester")) {
    if (auto k = q->get("kind")) r.requester.kind = read_enum(*k, requester_kind_from_string, kKinds);
    r.requester.name = detail::optional_string(*q, "name");
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

}  // namespace detail

std::string to_json(const Request& r) {
  json::object o;
  if (!r.item.empty()) o["item"] = r.item;
  if (!r.text.empty()) o["text"] = r.text;
  o["purpose"] = r.purpose;
  if (!r.carve_out.empty()) o["carve_out"] = r.carve_out;
  o["requester"] = json::object{{"kind", to_string(r.requester.kind)}, {"name", r.requester.name}};
  json::array bases;
  for (const LegalBasis& b : r.bases) bases.push_back(detail::basis_to_json(b));
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
  d.department = detail::optional_string(root, "department");
  read_item_text(root, d.item, d.text);
  d.purpose = detail::optional_string(root, "purpose");
  d.carve_out = detail::optional_string(root, "carve_out");
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
  c.body = detail::optional_string(root, "body");
  if (auto k = root.get("body_kind")) c.body_kind = read_enum(*k, requester_kind_from_string, kKinds);
  read_item_text(root, c.item, c.text);
  c.purpose = detail::optional_string(root, "purpose");
  c.carve_out = detail::optional_string(root, "carve_out");
  c.bases = read_bases(root);
  c.channel = detail::optional_string(root, "channel");
  c.date = opt_date(root);
  return c;
}

std::string to_json(const Decision& d, Language language, bool compact) {
  const bool zh = language == Language::zh;
  std::string out;
  out.reserve(compact ? 3072 : 4096);
  Writer w(out, !compact);
  w.begin_object();
  w.member("outcome", to_string(d.outcome));
  w.key("item");
  if (d.item) {
    w.begin_object();
    w.member("id", d.item->id);
    w.member("name", d.item->name);
    w.end_object();
  } else {
    w.null();
  }
  w.key("clauses");
  w.begin_array(false);
  for (const Clause* c : d.clauses) {
    w.begin_object();
    w.member("id", c->id);
    w.member("path", c->path);
    w.member("text", c->text);
    w.end_object();
  }
  w.end_array();
  w.key("carve_out");
  write_carve_out(w, d.carve_out);
  w.key("route");
  write_route(w, d.route, d.receipt.as_of);
  w.key("steps");
  w.begin_array(false);
  for (Step st : d.steps) {
    w.begin_object();
    w.member("step", to_string(st));
    w.member("clause", clause_of(st));
    w.member("text", describe(st, language));
    w.end_object();
  }
  w.end_array();
  w.key("flags");
  w.begin_array(true);
  for (Flag f : d.flags) w.string(to_string(f));
  w.end_array();
  w.key("time_limit");
  if (d.time_limit) {
    w.begin_object();
    w.member("kind", to_string(d.time_limit->kind));
    if (d.time_limit->kind == TimeLimitKind::working_days) {
      w.key("working_days");
      w.integer(d.time_limit->working_days);
      w.key("due");
      w.date(d.time_limit->due);
    }
    if (d.time_limit->note) w.member("note", d.time_limit->note);
    w.end_object();
  } else {
    w.null();
  }
  w.key("open_questions");
  w.begin_array(false);
  for (const OpenQuestion& q : d.open_questions) {
    w.begin_object();
    w.member("fact", to_string(q.fact));
    w.member("outcome_if_yes", to_string(q.outcome_if_yes));
    w.key("together_with");
    write_facts(w, q.together_with);
    w.end_object();
  }
  w.end_array();
  w.member("explanation", explain(d, language));
  w.key("trace");
  w.begin_array(false);
  for (const TraceEntry& e : d.trace) {
    w.begin_object();
    w.member("rule", to_string(e.rule));
    w.key("fired");
    w.boolean(e.fired);
    w.member("why", zh ? e.why : e.why_en);
    w.end_object();
  }
  w.end_array();
  w.key("receipt");
  w.begin_object();
  w.member("catalog", d.receipt.catalog);
  w.member("catalog_sha256", d.receipt.catalog_sha256);
  w.member("engine", d.receipt.engine);
  w.key("as_of");
  w.day(d.receipt.as_of);
  w.end_object();
  w.member("certainty", to_string(d.certainty));
  w.key("item_question");
  if (d.certainty == Certainty::uncertain) {
    w.begin_object();
    w.member("question", item_question_text(language));
    w.key("candidates");
    w.begin_array(false);
    for (const ItemCandidate& c : d.candidates) {
      w.begin_object();
      w.member("id", c.item->id);
      w.member("name", c.item->name);
      w.key("score");
      write_score(w, c.score);
      w.member("how", to_string(c.how));
      w.member("outcome", to_string(c.outcome));
      w.member("clause", clause_of(c.rule));
      w.key("carve_out");
      if (c.carve_out) w.string(c.carve_out->scenario); else w.null();
      w.end_object();
    }
    w.end_array();
    w.member("outcome_if_none", to_string(d.outcome_if_none));
    w.member("clause_if_none", clause_of(d.rule_if_none));
    w.end_object();
  } else {
    w.null();
  }
  w.key("purpose_questions");
  w.begin_array(false);
  for (const PurposeQuestion& q : d.purpose_questions) {
    w.begin_object();
    w.member("scenario", q.carve_out->scenario);
    w.member("text", q.carve_out->text);
    w.member("question", purpose_question_text(*q.carve_out, language));
    w.key("evidence");
    w.begin_array(true);
    for (const PurposeReading& r : d.purpose)
      if (r.carve_out == q.carve_out)
        for (std::string_view e : r.evidence)
          if (!e.empty()) w.string(e);
    w.end_array();
    w.member("outcome_if_yes", to_string(q.outcome_if_yes));
    w.key("together_with");
    write_facts(w, q.together_with);
    w.end_object();
  }
  w.end_array();
  w.key("purpose");
  w.begin_object();
  w.member("source", to_string(d.purpose_source));
  w.key("readings");
  w.begin_array(false);
  for (const PurposeReading& r : d.purpose) {
    w.begin_object();
    w.member("scenario", r.carve_out->scenario);
    w.member("result", to_string(r.certainty));
    w.key("in_force");
    w.boolean(r.carve_out->validity.contains(d.receipt.as_of));
    w.key("evidence");
    w.begin_array(true);
    for (std::string_view e : r.evidence)
      if (!e.empty()) w.string(e);
    w.end_array();
    w.key("look_alike");
    w.begin_array(true);
    for (std::string_view e : r.look_alike)
      if (!e.empty()) w.string(e);
    w.end_array();
    w.key("negated");
    w.boolean(r.negated);
    w.key("doubtful");
    w.boolean(r.doubtful);
    if (r.slip) {
      w.key("slip");
      w.boolean(true);
    }
    w.end_object();
  }
  w.end_array();
  w.end_object();
  w.end_object();
  w.finish();
  return out;
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
  for (const OpenQuestion& q : a.open_questions)
    open.push_back(json::object{{"fact", to_string(q.fact)}, {"outcome_if_yes", "admitted"},
                                {"together_with", facts_json(q.together_with)}});
  o["open_questions"] = std::move(open);
  o["why"] = language == Language::zh ? a.why : a.why_en;
  o["receipt"] = receipt_json(a.receipt);
  o["certainty"] = to_string(a.certainty);
  o["item_question"] = item_question_json(a.certainty, a.candidates, language);
  o["purpose_questions"] = outcome_questions_json(a.purpose_questions, language);
  o["purpose"] = readings_json(a.purpose_source, a.purpose, a.receipt.as_of);
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
  o["certainty"] = to_string(s.certainty);
  o["item_question"] = item_question_json(s.certainty, s.candidates, language);
  o["purpose_questions"] = outcome_questions_json(s.purpose_questions, language);
  o["purpose"] = readings_json(s.purpose_source, s.purpose, s.receipt.as_of);
  return render(o, compact);
}

}  // namespace jianzheng

// Requests, decisions and the Engine (docs/design.md §4, §8). A C++ Decision points into the Engine
// that made it, so every Python Decision holds a (shared) copy of its Engine: the data lives
// as long as any decision does. Requests come as Request objects or plain dicts in the JSON
// shape of docs/design.md §8, read with the same strictness as request_from_json; decide_many
// converts everything first, then decides without the GIL.
#include <pybind11/stl.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "bind.hpp"
#include "bind_frame.hpp"
#include "bind_types.hpp"
#include "jianzheng/catalog.hpp"
#include "jianzheng/decision.hpp"
#include "jianzheng/engine.hpp"
#include "jianzheng/error.hpp"
#include "jianzheng/request.hpp"
#include "jianzheng/work_calendar.hpp"

namespace jianzheng::python {
namespace {

// --- reading a request from a dict ------------------------------------------------------
// Mirrors request_from_json (src/json/decision_json.cpp): None is absent, unknown top-level
// keys are ignored (platforms add fields), facts are a closed set, enums are strict. Errors
// name the JSON pointer of the offending field, prefixed by `at` ("/3" inside decide_many).

[[noreturn]] void fail(ErrorCode code, const std::string& pointer, const std::string& message) {
  throw Error(code, pointer.empty() ? std::string("(root)") : pointer, message);
}

// A member of a dict, or nullptr when absent or None (a borrowed reference).
PyObject* member(PyObject* dict, const char* key) {
  PyObject* v = PyDict_GetItemString(dict, key);
  return v == Py_None ? nullptr : v;
}

std::string str_of(PyObject* v, const std::string& pointer) {
  if (!PyUnicode_Check(v)) fail(ErrorCode::wrong_type, pointer, "expected a string");
  Py_ssize_t n = 0;
  const char* s = PyUnicode_AsUTF8AndSize(v, &n);
  if (!s) {
    PyErr_Clear();
    fail(ErrorCode::invalid_utf8, pointer, "a string that cannot be encoded as UTF-8 (lone surrogate)");
  }
  return std::string(s, static_cast<std::size_t>(n));
}

std::string opt_str(PyObject* dict, const char* key, const std::string& at) {
  PyObject* v = member(dict, key);
  return v ? str_of(v, at + "/" + key) : std::string();
}

template <class E, class Parse>
E enum_of(PyObject* v, Parse parse, const char* expected, const std::string& pointer) {
  if (py::isinstance<E>(v)) return py::cast<E>(v);
  const std::string s = str_of(v, pointer);
  auto e = parse(std::string_view(s));
  if (!e) fail(ErrorCode::unknown_enum, pointer, "\"" + s + "\" is not a known value; expected " + expected);
  return *e;
}

Date date_of(PyObject* v, const std::string& pointer) {
  if (py::isinstance<Date>(v)) return py::cast<Date>(v);
  if (PyUnicode_Check(v)) {
    const std::string s = str_of(v, pointer);
    if (auto d = Date::try_parse(s)) return *d;
    fail(ErrorCode::invalid_date, pointer, "expected a real day as YYYY-MM-DD, got \"" + s + "\"");
  }
  py::handle h(v);
  if (py::hasattr(h, "year") && py::hasattr(h, "month") && py::hasattr(h, "day")) {
    return Date::from_ymd(h.attr("year").cast<int>(), h.attr("month").cast<unsigned>(),
                          h.attr("day").cast<unsigned>());
  }
  fail(ErrorCode::wrong_type, pointer, "expected a date \"YYYY-MM-DD\", a Date or a datetime.date");
}

constexpr const char* kTris = "one of yes, no, unknown";
constexpr const char* kKinds =
    "one of government_department, public_institution, service_agency, "
    "civil_commercial_entity, court, resident, other";
constexpr const char* kLevels =
    "one of law, administrative_regulation, local_regulation, state_council_retained_list, "
    "departmental_rule, policy_document, unknown";

Tri tri_of(PyObject* v, const std::string& pointer) {
  // Python's True / False are accepted for yes / no.
  if (PyBool_Check(v)) return v == Py_True ? Tri::yes : Tri::no;
  return enum_of<Tri>(v, tri_from_string, kTris, pointer);
}

LegalBasis basis_of(PyObject* v, const std::string& pointer) {
  if (py::isinstance<LegalBasis>(v)) return py::cast<LegalBasis>(v);
  if (PyUnicode_Check(v)) return parse_basis(str_of(v, pointer));
  if (!PyDict_Check(v)) fail(ErrorCode::wrong_type, pointer, "expected a basis object or text");
  LegalBasis b;
  PyObject* title = member(v, "title");
  if (!title) fail(ErrorCode::missing_field, pointer + "/title", "missing required field \"title\"");
  b.title = str_of(title, pointer + "/title");
  if (b.title.find_first_not_of(" \t\r\n") == std::string::npos)
    fail(ErrorCode::invalid_value, pointer + "/title", "must not be empty");
  b.article = opt_str(v, "article", pointer);
  if (PyObject* l = member(v, "level"))
    b.level = enum_of<BasisLevel>(l, basis_level_from_string, kLevels, pointer + "/level");
  else
    b.level = parse_basis(b.title).level;
  b.text = opt_str(v, "text", pointer);
  b.issuer = opt_str(v, "issuer", pointer);
  b.document_number = opt_str(v, "document_number", pointer);
  if (PyObject* e = member(v, "effective")) b.effective = date_of(e, pointer + "/effective");
  return b;
}

std::vector<LegalBasis> bases_of(PyObject* dict, const std::string& at) {
  std::vector<LegalBasis> out;
  PyObject* bs = member(dict, "bases");
  if (!bs) return out;
  if (!PyList_Check(bs) && !PyTuple_Check(bs)) fail(ErrorCode::wrong_type, at + "/bases", "expected a list");
  py::sequence seq = py::reinterpret_borrow<py::sequence>(bs);
  for (std::size_t i = 0; i < seq.size(); ++i)
    out.push_back(basis_of(seq[i].ptr(), at + "/bases/" + std::to_string(i)));
  return out;
}

void item_text_of(PyObject* dict, const std::string& at, std::string& item, std::string& text) {
  item = opt_str(dict, "item", at);
  text = opt_str(dict, "text", at);
  if (item.empty() && text.empty())
    fail(ErrorCode::missing_field, at, "one of \"item\" (an item id) or \"text\" is required");
}

std::optional<Date> opt_date_of(PyObject* dict, const std::string& at) {
  if (PyObject* d = member(dict, "date")) return date_of(d, at + "/date");
  return std::nullopt;
}

Request request_from_dict(PyObject* d, const std::string& at) {
  if (!PyDict_Check(d)) fail(ErrorCode::wrong_type, at, "a request is a Request or a dict");
  Request r;
  item_text_of(d, at, r.item, r.text);
  r.purpose = opt_str(d, "purpose", at);
  r.carve_out = opt_str(d, "carve_out", at);
  if (PyObject* q = member(d, "requester")) {
    if (!PyDict_Check(q)) fail(ErrorCode::wrong_type, at + "/requester", "expected an object");
    if (PyObject* k = member(q, "kind"))
      r.requester.kind = enum_of<RequesterKind>(k, requester_kind_from_string, kKinds, at + "/requester/kind");
    r.requester.name = opt_str(q, "name", at + "/requester");
  }
  r.bases = bases_of(d, at);
  if (PyObject* f = member(d, "facts")) {
    if (!PyDict_Check(f)) fail(ErrorCode::wrong_type, at + "/facts", "expected an object");
    // The facts are a closed set: a misspelt fact would silently stay unknown.
    PyObject *key = nullptr, *value = nullptr;
    Py_ssize_t pos = 0;
    while (PyDict_Next(f, &pos, &key, &value)) {
      const std::string name = str_of(key, at + "/facts");
      const auto fact = fact_from_string(name);
      if (!fact) fail(ErrorCode::unknown_field, at + "/facts/" + name, "unknown fact \"" + name + "\"");
      if (value != Py_None) r.facts.set(*fact, tri_of(value, at + "/facts/" + name));
    }
  }
  r.date = opt_date_of(d, at);
  return r;
}

Request to_request(const py::handle& h, const std::string& at = "") {
  if (py::isinstance<Request>(h)) return py::cast<const Request&>(h);
  return request_from_dict(h.ptr(), at);
}

// Demands and complaints are rare: read them through the JSON parser itself.
std::string dumps(const py::handle& h) {
  return py::module_::import("json").attr("dumps")(h, py::arg("ensure_ascii") = false).cast<std::string>();
}

Demand to_demand(const py::handle& h) {
  if (py::isinstance<Demand>(h)) return py::cast<const Demand&>(h);
  if (!py::isinstance<py::dict>(h)) throw py::type_error("a demand is a Demand or a dict");
  return demand_from_json(dumps(h), "<dict>");
}

Complaint to_complaint(const py::handle& h) {
  if (py::isinstance<Complaint>(h)) return py::cast<const Complaint&>(h);
  if (!py::isinstance<py::dict>(h)) throw py::type_error("a complaint is a Complaint or a dict");
  return complaint_from_json(dumps(h), "<dict>");
}

py::object loads(const std::string& text) { return py::module_::import("json").attr("loads")(text); }

// --- owning Python views of decisions ---------------------------------------------------

/// What a decision rests on, with owned strings (the C++ Receipt points into the Engine).
struct PyReceipt {
  std::string catalog;
  std::string catalog_sha256;
  std::string engine;
  Date as_of;
};

PyReceipt receipt_of(const Receipt& r) {
  return PyReceipt{std::string(r.catalog), std::string(r.catalog_sha256), r.engine ? r.engine : "", r.as_of};
}

struct PyDecision {
  Decision decision;
  Engine engine;  // keeps what `decision` points into alive
};

/// An item uncertain text may name, owning its item and carve-out.
struct PyItemCandidate {
  Item item;
  double score = 0;
  MatchHow how = MatchHow::exact;
  Outcome outcome = Outcome::refuse;
  Rule rule = Rule::resolve;
  std::optional<CarveOut> carve_out;
};

/// A purpose question, owning its carve-out.
struct PyPurposeQuestion {
  CarveOut carve_out;
  Outcome outcome_if_yes = Outcome::issue_for_stated_purpose;
  std::vector<Fact> together_with;
};

std::vector<Fact> facts_of(unsigned bits) {
  std::vector<Fact> out;
  for (Fact f : all_facts)
    if (bits & fact_bit(f)) out.push_back(f);
  return out;
}

struct PyAdmission {
  Admission admission;
  Engine engine;
};

struct PySupervision {
  Supervision supervision;
  Engine engine;
};

/// The result of decide_many: decisions kept in C++ until asked for, so a million of them
/// cost no Python objects; a sequence of Decision.
struct DecisionBatch {
  std::vector<Decision> decisions;
  Engine engine;
};

template <class T, std::size_t N>
std::vector<T> to_vector(const FixedList<T, N>& list) {
  return std::vector<T>(list.begin(), list.end());
}

std::vector<Clause> clauses_of(const FixedList<const Clause*, 6>& list) {
  std::vector<Clause> out;
  for (const Clause* c : list) out.push_back(*c);
  return out;
}

template <class T>
std::optional<T> copy_of(const T* p) {
  return p ? std::optional<T>(*p) : std::nullopt;
}

PyEngine engine_from_layers(std::vector<CatalogLayer> layers) {
  std::vector<std::string> json;
  json.reserve(layers.size());
  for (const CatalogLayer& l : layers) json.push_back(to_json(l));
  return PyEngine{Engine(layers), std::move(json)};
}

PyEngine engine_from_state(const py::object& state) {
  if (state.is_none()) return PyEngine{Engine(), std::nullopt};
  std::vector<CatalogLayer> layers;
  std::size_t i = 0;
  for (const auto& text : state.cast<std::vector<std::string>>())
    layers.push_back(parse_catalog_layer(text, "pickle:layer" + std::to_string(i++)));
  return engine_from_layers(std::move(layers));
}

py::dict batch_columns(const DecisionBatch& b) {
  const std::size_t n = b.decisions.size();
  py::list outcome(n), item(n), name(n), clause(n), carve_out(n), time_limit(n), working_days(n),
      due(n), flags(n), open_questions(n), agencies(n);
  for (std::size_t i = 0; i < n; ++i) {
    const Decision& d = b.decisions[i];
    outcome[i] = py::str(to_string(d.outcome));
    item[i] = d.item ? py::object(py::str(d.item->id)) : py::none();
    name[i] = d.item ? py::object(py::str(d.item->name)) : py::none();
    clause[i] = d.deciding_clause() ? py::object(py::str(d.deciding_clause()->id)) : py::none();
    carve_out[i] = d.carve_out ? py::object(py::str(d.carve_out->scenario)) : py::none();
    time_limit[i] = d.time_limit ? py::object(py::str(to_string(d.time_limit->kind))) : py::none();
    working_days[i] = d.time_limit && d.time_limit->kind == TimeLimitKind::working_days
                          ? py::object(py::int_(d.time_limit->working_days))
                          : py::none();
    due[i] = d.time_limit && d.time_limit->due ? py::object(py::str(d.time_limit->due->to_string())) : py::none();
    flags[i] = py::str(flags_text(d));
    open_questions[i] = py::str(open_questions_text(d));
    agencies[i] = d.route ? py::object(py::str(agencies_text(d.route))) : py::none();
  }
  py::dict cols;
  cols["outcome"] = outcome;
  cols["item"] = item;
  cols["name"] = name;
  cols["clause"] = clause;
  cols["carve_out"] = carve_out;
  cols["time_limit"] = time_limit;
  cols["working_days"] = working_days;
  cols["due"] = due;
  cols["flags"] = flags;
  cols["open_questions"] = open_questions;
  cols["agencies"] = agencies;
  return cols;
}

void bind_enums(py::module_& m) {
  py::enum_<Fact>(m, "Fact", "A fact the decision turns on (keys of a request's \"facts\").")
      .value("within_duties", Fact::within_duties, "属于自治组织职责范围: 二（一）1, 二（一）3.")
      .value("verifiable", Fact::verifiable, "能够核实: 二（一）3, 二（三）4.")
      .value("transitional_need", Fact::transitional_need, "政策措施衔接不到位或民商事主体明确要求: 二（一）3.")
      .value("public_interest", Fact::public_interest, "涉及社区公共利益或多数居民切身利益: 二（一）2.")
      .value("legal_risk", Fact::legal_risk, "可能涉及法律风险: 二（一）4.");
  py::enum_<Tri>(m, "Tri", "A tri-state answer; unknown is decided as no.")
      .value("yes", Tri::yes, "Yes.")
      .value("no", Tri::no, "No.")
      .value("unknown", Tri::unknown, "Not known yet.");
  py::enum_<RequesterKind>(m, "RequesterKind", "Who asks for the certificate.")
      .value("government_department", RequesterKind::government_department, "政府部门.")
      .value("public_institution", RequesterKind::public_institution, "公用企事业单位.")
      .value("service_agency", RequesterKind::service_agency, "服务机构.")
      .value("civil_commercial_entity", RequesterKind::civil_commercial_entity, "民商事主体: 二（一）3.")
      .value("court", RequesterKind::court, "人民法院.")
      .value("resident", RequesterKind::resident, "居民群众 themselves.")
      .value("other", RequesterKind::other, "Anything else, or not said.");
  py::enum_<Outcome>(m, "Outcome", "The seven outcomes of docs/design.md §4.")
      .value("must_issue", Outcome::must_issue, "二（一）1: 应当依法出具.")
      .value("issue_after_deliberation", Outcome::issue_after_deliberation, "二（一）2: after deliberation.")
      .value("issue_transitional", Outcome::issue_transitional, "二（一）3: 据实出具 in transition.")
      .value("issue_after_risk_assessment", Outcome::issue_after_risk_assessment, "二（一）4: after assessing the risk.")
      .value("issue_for_stated_purpose", Outcome::issue_for_stated_purpose, "附件1 （…除外）: only for the stated purpose.")
      .value("refuse", Outcome::refuse, "二（二）1 and the duties rule: 不予出具.")
      .value("refuse_redirect", Outcome::refuse_redirect, "二（二）2: 不予出具, with the route.");
  py::enum_<Rule>(m, "Rule", "The rules of docs/design.md §4, in the order they are tried.")
      .value("resolve", Rule::resolve, "1. Which item is asked for.")
      .value("carve_out", Rule::carve_out, "2. 附件1 （…除外）.")
      .value("transition", Rule::transition, "3. 二（一）3.")
      .value("listed", Rule::listed, "4. 二（二）2.")
      .value("public_interest", Rule::public_interest, "5. 二（一）2.")
      .value("basis", Rule::basis, "6. 二（一）1 / 二（二）1.")
      .value("duties", Rule::duties, "7. 二（一）1, 二（三）4.")
      .value("legal_risk", Rule::legal_risk, "8. 二（一）4.")
      .value("must_issue", Rule::must_issue, "9. 二（一）1.");
  py::enum_<Step>(m, "Step", "A step the committee must take before issuing.")
      .value("state_purpose", Step::state_purpose, "附件1 （…除外）: state the purpose on the certificate.")
      .value("organise_deliberation", Step::organise_deliberation, "二（一）2: 组织居民群众议事协商.")
      .value("residents_agree", Step::residents_agree, "二（一）2: 经居民群众讨论同意.")
      .value("head_signs", Step::head_signs, "二（一）2: 负责人签字.")
      .value("investigate", Step::investigate, "二（一）4: 详细调查核实情况.")
      .value("deliberate", Step::deliberate, "二（一）4: 组织居民群众议事协商.")
      .value("assess_and_prevent", Step::assess_and_prevent, "二（一）4: 予以充分评估并预先防范.");
  py::enum_<Flag>(m, "Flag", "A marker on a decision.")
      .value("propose_amendment", Flag::propose_amendment, "二（三）4: a basis exists but the committee cannot carry it.");
  py::enum_<Language>(m, "Language", "The language of human text.")
      .value("zh", Language::zh, "Chinese.")
      .value("en", Language::en, "English.");
  py::enum_<TimeLimitKind>(m, "TimeLimitKind", "二（三）5: on the spot, or within working days.")
      .value("on_the_spot", TimeLimitKind::on_the_spot, "当场办结.")
      .value("working_days", TimeLimitKind::working_days, "限时办结.");
  py::enum_<BasisSource>(m, "BasisSource", "Where the qualifying basis (二（一）1) came from.")
      .value("none", BasisSource::none, "No qualifying basis.")
      .value("item", BasisSource::item, "The item's own basis.")
      .value("requester", BasisSource::requester, "A basis the requester supplied.");
  py::enum_<AdmissionOutcome>(m, "AdmissionOutcome", "二（三）4: whether a demand is admitted.")
      .value("admitted", AdmissionOutcome::admitted, "The department may demand it.")
      .value("rejected", AdmissionOutcome::rejected, "It may not.");
  py::enum_<SupervisionOutcome>(m, "SupervisionOutcome", "二（三）6: whether a reported demand is unreasonable.")
      .value("reasonable", SupervisionOutcome::reasonable, "Not unreasonable.")
      .value("unreasonable", SupervisionOutcome::unreasonable, "不合理证明: 通报, 纠正.")
      .value("undetermined", SupervisionOutcome::undetermined,
             "Cannot be judged until the item or the purpose is confirmed; nobody is notified.");
  py::enum_<PurposeSource>(m, "PurposeSource", "What was read against the item's carve-outs.")
      .value("none", PurposeSource::none, "Nothing: no purpose, or no carve-outs.")
      .value("purpose", PurposeSource::purpose, "The request's purpose.")
      .value("text", PurposeSource::text, "The request's free text (no purpose was given).")
      .value("carve_out", PurposeSource::carve_out, "The request's explicit carve_out.");

  m.def("is_issuing", &is_issuing, py::arg("outcome"),
        "Whether the committee issues the certificate (all outcomes but refuse, refuse_redirect).");
  m.def("clause_of", py::overload_cast<Step>(&clause_of), py::arg("step"),
        "The clause id a step comes from, e.g. \"2.1.2\".");
  m.def("rule_clause", py::overload_cast<Rule>(&clause_of), py::arg("rule"),
        "The clause id a rule decides by, e.g. \"2.2.2\" for listed; \"\" for resolve.");
  m.def("parse_basis", &parse_basis, py::arg("text"),
        "Parses a basis written as text, e.g. \"《中华人民共和国公证法》第十一条\"; never raises.");
}

void bind_requests(py::module_& m) {
  py::class_<Facts>(m, "Facts", "The five facts of a request, each yes / no / unknown (default unknown).")
      .def(py::init<>(), "All unknown.")
      .def("get", &Facts::get, py::arg("fact"), "The answer for one fact.")
      .def("set", &Facts::set, py::arg("fact"), py::arg("value"), "Sets the answer for one fact.")
      .def("is_yes", &Facts::is_yes, py::arg("fact"), "Whether the fact is answered yes.")
      .def("__eq__", &equals<Facts>, py::arg("other"), "Same answers (False for what is not Facts).");

  py::class_<Requester>(m, "Requester", "Who asks, and their name.")
      .def(py::init<>(), "Kind other, no name.")
      .def(py::init([](RequesterKind kind, std::string name) { return Requester{kind, std::move(name)}; }),
           py::arg("kind"), py::arg("name") = "", "A requester by kind and name.")
      .def_readwrite("kind", &Requester::kind, "Closed set.")
      .def_readwrite("name", &Requester::name, "e.g. \"某银行\"; may be empty.");

  py::class_<Request>(m, "Request", "A request for a certificate (docs/design.md §8 \"Request\").")
      .def(py::init<>(), "An empty request (give item or text before deciding).")
      .def(py::init([](const py::dict& d) { return request_from_dict(d.ptr(), ""); }), py::arg("fields"),
           "From a dict in the JSON shape of docs/design.md §8; raises Error naming the field.")
      .def_readwrite("item", &Request::item, "Item id; wins over text when both are given.")
      .def_readwrite("text", &Request::text, "Free text naming the certificate, in any spelling.")
      .def_readwrite("purpose", &Request::purpose, "用途 in any words; read against the item's carve-outs.")
      .def_readwrite("carve_out", &Request::carve_out,
                     "An explicit carve-out: a scenario of the item (\"不动产登记\") or a platform purpose code "
                     "mapped to one; decides without reading purpose.")
      .def_readwrite("requester", &Request::requester, "Who asks.")
      .def_readwrite("bases", &Request::bases, "Bases the requester supplies (二（三）4).")
      .def_readwrite("facts", &Request::facts, "The five tri-state facts.")
      .def_readwrite("date", &Request::date, "Request date: as-of date and start of 限时办结; today when None.")
      .def_static("from_json", &request_from_json, py::arg("json_text"), py::arg("origin") = "<text>",
                  "Parses a Request from JSON (request_from_json); raises Error naming the pointer.")
      .def("to_json", [](const Request& r) { return to_json(r); }, "Canonical JSON of the request.")
      .def("to_dict", [](const Request& r) { return loads(to_json(r)); }, "The request as a JSON dict.")
      .def(py::pickle([](const Request& r) { return to_json(r); },
                      [](const std::string& s) { return request_from_json(s, "pickle"); }),
           "Pickles as its JSON.");
  py::implicitly_convertible<py::dict, Request>();

  py::class_<Demand>(m, "Demand", "A department's wish to require a committee certificate (准入, 二（三）4).")
      .def(py::init<>(), "An empty demand.")
      .def_readwrite("department", &Demand::department, "The demanding department, e.g. \"县人社局\".")
      .def_readwrite("item", &Demand::item, "Item id; wins over text.")
      .def_readwrite("text", &Demand::text, "Free text naming the certificate.")
      .def_readwrite("purpose", &Demand::purpose, "What for; read against carve-outs.")
      .def_readwrite("carve_out", &Demand::carve_out, "An explicit carve-out, as Request.carve_out.")
      .def_readwrite("bases", &Demand::bases, "The bases the department supplies.")
      .def_readwrite("within_duties", &Demand::within_duties, "Whether the matter is within the committee's duties.")
      .def_readwrite("verifiable", &Demand::verifiable, "Whether the committee is able to verify it.")
      .def_readwrite("date", &Demand::date, "As-of date; today when None.")
      .def_static("from_json", &demand_from_json, py::arg("json_text"), py::arg("origin") = "<text>",
                  "Parses a Demand from JSON; raises Error.");

  py::class_<Complaint>(m, "Complaint", "A report that some body demanded an unreasonable certificate (二（三）6).")
      .def(py::init<>(), "An empty complaint.")
      .def_readwrite("body", &Complaint::body, "The demanding body.")
      .def_readwrite("body_kind", &Complaint::body_kind, "Its kind.")
      .def_readwrite("item", &Complaint::item, "Item id; wins over text.")
      .def_readwrite("text", &Complaint::text, "Free text naming the certificate demanded.")
      .def_readwrite("purpose", &Complaint::purpose, "What the body wanted it for; read against carve-outs.")
      .def_readwrite("carve_out", &Complaint::carve_out, "An explicit carve-out, as Request.carve_out.")
      .def_readwrite("bases", &Complaint::bases, "Any basis the body cited.")
      .def_readwrite("channel", &Complaint::channel, "How it was reported, e.g. \"hotline 0936-6121532\".")
      .def_readwrite("date", &Complaint::date, "When the demand was made; today when None.")
      .def_static("from_json", &complaint_from_json, py::arg("json_text"), py::arg("origin") = "<text>",
                  "Parses a Complaint from JSON; raises Error.");
}

void bind_decisions(py::module_& m) {
  py::class_<TimeLimit>(m, "TimeLimit", "二（三）5: 简单证明当场办结、复杂证明限时办结.")
      .def(py::init<>(), "On the spot.")
      .def_readwrite("kind", &TimeLimit::kind, "On the spot, or within working days.")
      .def_readwrite("working_days", &TimeLimit::working_days, "The limit, for working_days; 0 otherwise.")
      .def_readwrite("due", &TimeLimit::due, "Due date on the work calendar; None without a request date.")
      .def_property_readonly("note", [](const TimeLimit& t) { return t.note ? std::string(t.note) : std::string(); },
                             "Why due is None although the request has a date; empty otherwise.");

  py::class_<OpenQuestion>(m, "OpenQuestion", "A fact whose yes could change the outcome.")
      .def(py::init<>(), "An empty question.")
      .def_readwrite("fact", &OpenQuestion::fact, "The unknown fact.")
      .def_readwrite("outcome_if_yes", &OpenQuestion::outcome_if_yes, "An outcome answering it yes could lead to.")
      .def_property_readonly("together_with", [](const OpenQuestion& q) { return facts_of(q.together_with); },
                             "The other facts that must be yes as well for that outcome.");

  py::class_<PyItemCandidate>(m, "ItemCandidate",
                              "An item uncertain free text may name, and the outcome if the clerk confirms it.")
      .def_readonly("item", &PyItemCandidate::item, "The candidate.")
      .def_readonly("score", &PyItemCandidate::score, "The name matcher's score.")
      .def_readonly("how", &PyItemCandidate::how, "How it matched.")
      .def_readonly("outcome", &PyItemCandidate::outcome, "The outcome if it is this item.")
      .def_readonly("rule", &PyItemCandidate::rule, "The rule that would decide it.")
      .def_readonly("carve_out", &PyItemCandidate::carve_out, "The carve-out its purpose matches, if any.");

  py::class_<PyPurposeQuestion>(m, "PurposeQuestion",
                                "A carve-out the purpose may be: asked, never applied until confirmed.")
      .def_readonly("carve_out", &PyPurposeQuestion::carve_out, "The carve-out asked about.")
      .def_readonly("outcome_if_yes", &PyPurposeQuestion::outcome_if_yes, "The outcome a yes could lead to.")
      .def_readonly("together_with", &PyPurposeQuestion::together_with, "Facts that must be yes as well.");

  py::class_<TraceEntry>(m, "TraceEntry", "One rule tried, in order.")
      .def(py::init<>(), "An empty entry.")
      .def_readwrite("rule", &TraceEntry::rule, "The rule.")
      .def_readwrite("fired", &TraceEntry::fired, "Whether it decided the outcome.")
      .def_property_readonly("why", [](const TraceEntry& t) { return std::string(t.why); }, "Why, in Chinese.")
      .def_property_readonly("why_en", [](const TraceEntry& t) { return std::string(t.why_en); }, "Why, in English.");

  py::class_<PyReceipt>(m, "Receipt", "What a decision rests on: the catalog, its hash, the engine, the as-of date.")
      .def_readonly("catalog", &PyReceipt::catalog, "Catalog.id() of the composition used.")
      .def_readonly("catalog_sha256", &PyReceipt::catalog_sha256, "SHA-256 (hex) of the catalog's canonical JSON.")
      .def_readonly("engine", &PyReceipt::engine, "The library version.")
      .def_readonly("as_of", &PyReceipt::as_of, "The date the catalog was taken as of.");

  py::class_<PyDecision>(m, "Decision", "The decision on one request (docs/design.md §8 \"Decision\").")
      .def_property_readonly("outcome", [](const PyDecision& d) { return d.decision.outcome; }, "What the committee does.")
      .def_property_readonly("item", [](const PyDecision& d) { return copy_of(d.decision.item); },
                             "The item; None for text that matched nothing.")
      .def_property_readonly("clauses", [](const PyDecision& d) { return clauses_of(d.decision.clauses); },
                             "Cited clauses, deciding clause first.")
      .def_property_readonly("carve_out", [](const PyDecision& d) { return copy_of(d.decision.carve_out); },
                             "The carve-out applied, if any.")
      .def_property_readonly("route", [](const PyDecision& d) { return copy_of(d.decision.route); },
                             "The route, for refuse_redirect.")
      .def_property_readonly("steps", [](const PyDecision& d) { return to_vector(d.decision.steps); },
                             "Steps required first, in order.")
      .def_property_readonly("flags", [](const PyDecision& d) { return to_vector(d.decision.flags); },
                             "Markers such as propose_amendment.")
      .def_property_readonly("time_limit", [](const PyDecision& d) { return d.decision.time_limit; },
                             "二（三）5, for issuing outcomes; None for refusals.")
      .def_property_readonly("open_questions", [](const PyDecision& d) { return to_vector(d.decision.open_questions); },
                             "Unknown facts that matter.")
      .def_property_readonly("trace", [](const PyDecision& d) { return to_vector(d.decision.trace); },
                             "Every rule tried, in order.")
      .def_property_readonly("basis", [](const PyDecision& d) { return d.decision.basis; },
                             "Where the qualifying basis came from.")
      .def_property_readonly("item_basis", [](const PyDecision& d) { return copy_of(d.decision.item_basis); },
                             "The item's qualifying basis, when basis is BasisSource.item.")
      .def_property_readonly("receipt", [](const PyDecision& d) { return receipt_of(d.decision.receipt); },
                             "Catalog, hash, engine, as-of date.")
      .def_property_readonly("facts", [](const PyDecision& d) { return d.decision.facts; },
                             "The request's facts as answered.")
      .def_property_readonly("certainty", [](const PyDecision& d) { return d.decision.certainty; },
                             "How sure the item is: confident, uncertain (see candidates) or none.")
      .def_property_readonly("candidates",
                             [](const PyDecision& d) {
                               std::vector<PyItemCandidate> out;
                               for (const ItemCandidate& c : d.decision.candidates)
                                 out.push_back(PyItemCandidate{*c.item, c.score, c.how, c.outcome, c.rule, copy_of(c.carve_out)});
                               return out;
                             },
                             "When uncertain: the candidate items, best first, each with its outcome.")
      .def_property_readonly("outcome_if_none", [](const PyDecision& d) { return d.decision.outcome_if_none; },
                             "When uncertain: the outcome if the text names none of the candidates.")
      .def_property_readonly("purpose_source", [](const PyDecision& d) { return d.decision.purpose_source; },
                             "What was read against the item's carve-outs.")
      .def_property_readonly("purpose",
                             [](const PyDecision& d) {
                               std::vector<PyPurposeReading> out;
                               for (const PurposeReading& r : d.decision.purpose) out.push_back(to_py(r));
                               return out;
                             },
                             "What reading the purpose found, per carve-out.")
      .def_property_readonly("purpose_questions",
                             [](const PyDecision& d) {
                               std::vector<PyPurposeQuestion> out;
                               for (const PurposeQuestion& q : d.decision.purpose_questions)
                                 out.push_back(PyPurposeQuestion{*q.carve_out, q.outcome_if_yes, facts_of(q.together_with)});
                               return out;
                             },
                             "Carve-outs the purpose may be: asked, never applied.")
      .def("deciding_clause", [](const PyDecision& d) { return copy_of(d.decision.deciding_clause()); },
           "The deciding clause, or None when none is cited.")
      .def("explain", [](const PyDecision& d, Language language) { return explain(d.decision, language); },
           py::arg("language") = Language::zh, "One paragraph explaining the decision to a clerk.")
      .def("to_json",
           [](const PyDecision& d, Language language, bool compact) { return to_json(d.decision, language, compact); },
           py::arg("language") = Language::zh, py::arg("compact") = false, "The Decision JSON of docs/design.md §8.")
      .def("to_dict",
           [](const PyDecision& d, Language language) { return loads(to_json(d.decision, language, true)); },
           py::arg("language") = Language::zh, "The Decision JSON as a dict: exactly json.loads(to_json()).")
      .def("__repr__",
           [](const PyDecision& d) {
             return std::string("Decision(") + to_string(d.decision.outcome) + ", " +
                    (d.decision.item ? d.decision.item->id : std::string("unlisted")) + ")";
           },
           "Decision(outcome, item).");

  py::class_<DecisionBatch>(m, "DecisionBatch",
                            "The decisions of decide_many, in request order: a sequence of Decision "
                            "kept in C++ until read (len, indexing, iteration), with columns() for frames.")
      .def("__len__", [](const DecisionBatch& b) { return b.decisions.size(); }, "The number of decisions.")
      .def("__getitem__",
           [](const DecisionBatch& b, long i) {
             const long n = static_cast<long>(b.decisions.size());
             if (i < 0) i += n;
             if (i < 0 || i >= n) throw py::index_error("DecisionBatch index out of range");
             return PyDecision{b.decisions[static_cast<std::size_t>(i)], b.engine};
           },
           py::arg("index"), "Decision number `index` (negative counts from the end).")
      .def("__iter__",
           [](const py::object& self) {
             // Python's own sequence iterator over __getitem__: one Decision at a time.
             return py::reinterpret_steal<py::iterator>(PySeqIter_New(self.ptr()));
           },
           "The decisions in order, one at a time.")
      .def("outcomes",
           [](const DecisionBatch& b) {
             std::vector<Outcome> out;
             out.reserve(b.decisions.size());
             for (const Decision& d : b.decisions) out.push_back(d.outcome);
             return out;
           },
           "The outcome of every decision, in order.")
      .def("columns", &batch_columns,
           "Columns for a data frame: outcome, item, name, clause, carve_out, time_limit, "
           "working_days, due, flags, open_questions (\"within_duties→must_issue; …\"), agencies "
           "(the route's, joined by 、) (lists of equal length).")
      .def("to_dicts",
           [](const DecisionBatch& b, Language language) {
             py::list out;
             for (const Decision& d : b.decisions) out.append(loads(to_json(d, language, true)));
             return out;
           },
           py::arg("language") = Language::zh, "Every decision as its JSON dict.");

  py::class_<PyAdmission>(m, "Admission", "二（三）4 准入: the answer to a Demand.")
      .def_property_readonly("outcome", [](const PyAdmission& a) { return a.admission.outcome; }, "Admitted or rejected.")
      .def_property_readonly("item", [](const PyAdmission& a) { return copy_of(a.admission.item); }, "The item; None when unmatched.")
      .def_property_readonly("flags", [](const PyAdmission& a) { return to_vector(a.admission.flags); }, "propose_amendment when a basis exists but the committee cannot carry it.")
      .def_property_readonly("why", [](const PyAdmission& a) { return std::string(a.admission.why); }, "Reason, Chinese.")
      .def_property_readonly("why_en", [](const PyAdmission& a) { return std::string(a.admission.why_en); }, "Reason, English.")
      .def_property_readonly("certainty", [](const PyAdmission& a) { return a.admission.certainty; },
                             "How sure the item is; when uncertain the demand is rejected until it is confirmed.")
      .def("to_json",
           [](const PyAdmission& a, Language language, bool compact) { return to_json(a.admission, language, compact); },
           py::arg("language") = Language::zh, py::arg("compact") = false, "The Admission JSON.")
      .def("to_dict", [](const PyAdmission& a, Language language) { return loads(to_json(a.admission, language, true)); },
           py::arg("language") = Language::zh, "The Admission JSON as a dict.");

  py::class_<PySupervision>(m, "Supervision", "二（三）6 监督: the answer to a Complaint.")
      .def_property_readonly("outcome", [](const PySupervision& s) { return s.supervision.outcome; }, "The verdict.")
      .def_property_readonly("item", [](const PySupervision& s) { return copy_of(s.supervision.item); }, "The item demanded; None when unmatched.")
      .def_property_readonly("notify", [](const PySupervision& s) { return s.supervision.notify; }, "通报或公开曝光, and 上级主管部门纠正.")
      .def_property_readonly("why", [](const PySupervision& s) { return std::string(s.supervision.why); }, "Reason, Chinese.")
      .def_property_readonly("why_en", [](const PySupervision& s) { return std::string(s.supervision.why_en); }, "Reason, English.")
      .def_property_readonly("certainty", [](const PySupervision& s) { return s.supervision.certainty; },
                             "How sure the item is; when uncertain the verdict is undetermined.")
      .def("to_json",
           [](const PySupervision& s, Language language, bool compact) { return to_json(s.supervision, language, compact); },
           py::arg("language") = Language::zh, py::arg("compact") = false, "The Supervision JSON.")
      .def("to_dict", [](const PySupervision& s, Language language) { return loads(to_json(s.supervision, language, true)); },
           py::arg("language") = Language::zh, "The Supervision JSON as a dict.");
}

void bind_engine(py::module_& m) {
  py::class_<PyEngine>(m, "Engine",
                       "The decision engine (docs/design.md §4): immutable and thread-safe. Engine() is the "
                       "embedded default; Engine(layers) stacks catalog layers, base first.")
      .def(py::init([]() { return PyEngine{Engine(), std::nullopt}; }),
           "The embedded default: the national first batch, its aliases and dated changes.")
      .def(py::init([](std::vector<CatalogLayer> layers) { return engine_from_layers(std::move(layers)); }),
           py::arg("layers"), "An engine over these catalog layers (base first); raises Error.")
      .def_static("from_files",
                  [](const std::vector<std::string>& paths) { return engine_from_layers(load_catalog_layers(paths)); },
                  py::arg("paths"),
                  "Layers catalog files as the command line's --catalog does (load_catalog_layers): "
                  "each stacks on the ones before it, and all on the embedded default unless the "
                  "first is a base layer. Raises Error naming the file and place.")
      .def("decide",
           [](const PyEngine& e, const py::handle& request) {
             return PyDecision{e.engine.decide(to_request(request)), e.engine};
           },
           py::arg("request"),
           "Decides one request: a Request or a dict in the JSON shape of docs/design.md §8. Raises Error "
           "naming the field for bad values.")
      .def("decide_many",
           [](const PyEngine& e, const py::iterable& requests, std::optional<unsigned> threads) {
             std::vector<Request> converted;
             if (py::isinstance<py::sequence>(requests)) converted.reserve(py::len(requests));
             std::size_t i = 0;
             for (const py::handle& r : requests) converted.push_back(to_request(r, "/" + std::to_string(i++)));
             DecisionBatch batch{{}, e.engine};
             {
               py::gil_scoped_release release;
               batch.decisions = e.engine.decide_many(converted, threads ? *threads : 0u);
             }
             return batch;
           },
           py::arg("requests"), py::arg("threads") = py::none(),
           "Decides many requests (Request objects or dicts), in order. Converts them all first, "
           "then decides without the GIL on `threads` threads (None: all hardware threads). "
           "Returns a DecisionBatch.")
      .def("resolve",
           [](const PyEngine& e, std::string_view text, std::optional<Date> as_of) {
             return copy_of(e.engine.resolve(text, as_of));
           },
           py::arg("text"), py::arg("as_of") = py::none(),
           "The item free text names best, or None when nothing plausible matches.")
      .def("match",
           [](const PyEngine& e, std::string_view text, std::size_t max_results, std::optional<Date> as_of) {
             return to_py(e.engine.match(text, max_results, as_of));
           },
           py::arg("text"), py::arg("max_results") = 5, py::arg("as_of") = py::none(),
           "Plausible candidates for free text, best first (the name matcher of the catalog in "
           "force on `as_of`, today when None); [] when nothing is plausible.")
      .def("admit", [](const PyEngine& e, const py::handle& d) { return PyAdmission{e.engine.admit(to_demand(d)), e.engine}; },
           py::arg("demand"), "二（三）4 准入: may a department demand this certificate? (a Demand or a dict)")
      .def("supervise",
           [](const PyEngine& e, const py::handle& c) {
             return PySupervision{e.engine.supervise(to_complaint(c)), e.engine};
           },
           py::arg("complaint"), "二（三）6 监督: is a reported demand unreasonable? (a Complaint or a dict)")
      .def("catalog", [](const PyEngine& e, std::optional<Date> as_of) -> const Catalog& { return e.engine.catalog(as_of); },
           py::arg("as_of") = py::none(), py::return_value_policy::reference_internal,
           "The composed catalog in force on `as_of` (today when None).")
      .def("catalog_sha256", [](const PyEngine& e, std::optional<Date> as_of) { return e.engine.catalog_sha256(as_of); },
           py::arg("as_of") = py::none(), "SHA-256 (hex) of the catalog's canonical JSON.")
      .def("clauses", [](const PyEngine& e) -> const ClauseBook& { return e.engine.clauses(); },
           py::return_value_policy::reference_internal, "The clauses decisions cite.")
      .def("calendar", [](const PyEngine& e) -> const WorkCalendar& { return e.engine.calendar(); },
           py::return_value_policy::reference_internal, "The work calendar used for 限时办结 due dates.")
      .def(py::pickle(
               // A tuple, never None: pickle skips __setstate__ for a None state.
               [](const PyEngine& e) {
                 return py::make_tuple(
                     e.layers_json ? py::object(py::cast(*e.layers_json)) : py::object(py::none()));
               },
               [](const py::tuple& state) {
                 if (state.size() != 1) throw py::value_error("unexpected Engine pickle state");
                 return engine_from_state(state[0]);
               }),
           "Pickles as the canonical JSON of its catalog layers (None for the embedded default), "
           "so multiprocessing, Dask and Spark workers rebuild the same engine.");
}

void bind_decision(py::module_& m) {
  bind_enums(m);
  bind_requests(m);
  bind_decisions(m);
  bind_engine(m);
}

}  // namespace

JIANZHENG_BIND(50, bind_decision);

}  // namespace jianzheng::python

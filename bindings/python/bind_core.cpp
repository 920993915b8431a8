// Core value types shared by every other binding: Date and Validity (the policy's whole
// days), the stable error codes, findings, legal bases, routes, items and clauses. Names
// are the C++ names unchanged; every field keeps its C++ /// line as its docstring.
#include <pybind11/stl.h>

#include <functional>
#include <string>

#include "bind.hpp"
#include "jianzheng/catalog.hpp"
#include "jianzheng/clause.hpp"
#include "jianzheng/date.hpp"
#include "jianzheng/error.hpp"
#include "jianzheng/finding.hpp"
#include "jianzheng/item.hpp"
#include "jianzheng/legal_basis.hpp"
#include "jianzheng/route.hpp"
#include "jianzheng/version.hpp"

namespace jianzheng::python {
namespace {

// Date accepts "YYYY-MM-DD" and datetime.date wherever a Date is expected, so analysts can
// pass what pandas and the csv module give them.
Date date_from_pydate(const py::handle& d) {
  return Date::from_ymd(d.attr("year").cast<int>(), d.attr("month").cast<unsigned>(),
                        d.attr("day").cast<unsigned>());
}

void bind_date(py::module_& m) {
  py::class_<Date> date(m, "Date",
                        "A calendar day (no time, no zone): the policy's deadlines and the work "
                        "calendar use whole days. Date('2021-03-31'), Date.from_ymd(2021, 3, 31) "
                        "or a datetime.date.");
  date.def(py::init<>(), "1970-01-01.")
      .def(py::init([](const std::string& iso) { return Date::parse(iso, "date"); }),
           py::arg("iso"), "Parses \"YYYY-MM-DD\" exactly; raises Error(invalid_date).")
      .def(py::init([](const py::object& d) {
             if (!py::hasattr(d, "year") || !py::hasattr(d, "month") || !py::hasattr(d, "day"))
               throw py::type_error("Date() takes \"YYYY-MM-DD\" or a datetime.date");
             return date_from_pydate(d);
           }),
           py::arg("date"), "From a datetime.date (or anything with year, month, day).")
      .def_readwrite("year", &Date::year, "e.g. 2020.")
      .def_readwrite("month", &Date::month, "1–12.")
      .def_readwrite("day", &Date::day, "1–31, valid for the month.")
      .def_static("from_ymd", &Date::from_ymd, py::arg("year"), py::arg("month"), py::arg("day"),
                  "Validated construction; raises Error(invalid_date) for a day that does not exist.")
      .def_static("parse", &Date::parse, py::arg("iso"), py::arg("where") = "date",
                  "Parses \"YYYY-MM-DD\" exactly; raises Error(invalid_date) naming `where`.")
      .def_static("try_parse", &Date::try_parse, py::arg("iso"),
                  "Parses \"YYYY-MM-DD\", or None when it is not a valid date.")
      .def_static("from_days", &Date::from_days, py::arg("days"),
                  "The date `days` days after 1970-01-01 (negative before).")
      .def_static("today", &Date::today, "Today, in China Standard Time (UTC+8).")
      .def("to_string", &Date::to_string, "\"YYYY-MM-DD\".")
      .def("days", &Date::days, "Days since 1970-01-01.")
      .def("weekday", &Date::weekday, "ISO weekday: 1 = Monday … 7 = Sunday.")
      .def("plus_days", &Date::plus_days, py::arg("n"), "This date plus n days (n may be negative).")
      .def("is_valid", &Date::is_valid, "Whether year/month/day name a real day.")
      .def("to_date",
           [](const Date& d) {
             return py::module_::import("datetime").attr("date")(d.year, d.month, d.day);
           },
           "This day as a datetime.date.")
      .def("__str__", &Date::to_string, "\"YYYY-MM-DD\".")
      .def("__repr__", [](const Date& d) { return "Date('" + d.to_string() + "')"; },
           "Date('YYYY-MM-DD').")
      .def("__hash__", [](const Date& d) { return std::hash<long>()(d.days()); },
           "Hash of the day number.")
      .def("__eq__", &equals<Date>, py::arg("other"), "Same day (False for what is not a date).")
      .def("__lt__", [](const Date& a, const Date& b) { return a < b; }, py::arg("other"), "Earlier.")
      .def("__le__", [](const Date& a, const Date& b) { return a <= b; }, py::arg("other"), "Earlier or the same.")
      .def("__gt__", [](const Date& a, const Date& b) { return a > b; }, py::arg("other"), "Later.")
      .def("__ge__", [](const Date& a, const Date& b) { return a >= b; }, py::arg("other"), "Later or the same.")
      .def(py::pickle([](const Date& d) { return d.to_string(); },
                      [](const std::string& s) { return Date::parse(s, "pickle"); }),
           "Pickles as \"YYYY-MM-DD\".");
  py::implicitly_convertible<py::str, Date>();
  // datetime.date converts through the object constructor.
  py::implicitly_convertible<py::object, Date>();

  py::class_<Validity>(m, "Validity", "A validity window [from, until): from inclusive, until exclusive, either open.")
      .def(py::init<>(), "Always in force.")
      .def(py::init([](std::optional<Date> from, std::optional<Date> until) {
             return Validity{from, until};
           }),
           py::arg("from_") = py::none(), py::arg("until") = py::none(),
           "A window; None leaves that end open.")
      // `from` is a Python keyword: the attribute is from_ (PEP 8's trailing underscore).
      .def_readwrite("from_", &Validity::from, "First day in force; None when open.")
      .def_readwrite("until", &Validity::until, "First day no longer in force; None when open.")
      .def("contains", &Validity::contains, py::arg("d"), "Whether the window contains `d`.")
      .def("__repr__",
           [](const Validity& v) {
             return "Validity(from_=" + (v.from ? "'" + v.from->to_string() + "'" : std::string("None")) +
                    ", until=" + (v.until ? "'" + v.until->to_string() + "'" : std::string("None")) + ")";
           },
           "Validity(from_=…, until=…).");
}

void bind_errors(py::module_& m) {
  py::enum_<ErrorCode>(m, "ErrorCode",
                       "Stable error codes; their names are part of the JSON contract "
                       "(jianzheng.Error.code holds the name).")
      .value("io_error", ErrorCode::io_error, "A file could not be read or written.")
      .value("malformed_json", ErrorCode::malformed_json, "Not JSON at all, or truncated.")
      .value("invalid_utf8", ErrorCode::invalid_utf8, "Text that is not valid UTF-8.")
      .value("missing_field", ErrorCode::missing_field, "A required key is absent.")
      .value("wrong_type", ErrorCode::wrong_type, "A value has the wrong JSON type.")
      .value("unknown_field", ErrorCode::unknown_field, "A key the format does not define.")
      .value("unknown_enum", ErrorCode::unknown_enum, "A string outside a closed set.")
      .value("invalid_value", ErrorCode::invalid_value, "A value of the right type but out of range or empty.")
      .value("invalid_date", ErrorCode::invalid_date, "Not YYYY-MM-DD, or no such day.")
      .value("duplicate_id", ErrorCode::duplicate_id, "Two things share an id that must be unique.")
      .value("unknown_reference", ErrorCode::unknown_reference, "A reference to an id that does not exist.")
      .value("alias_collision", ErrorCode::alias_collision, "One name would point at two different items.")
      .value("unsupported_format", ErrorCode::unsupported_format, "A format marker this version does not read.")
      .value("date_not_covered", ErrorCode::date_not_covered, "A date outside what the data covers.")
      .value("invalid_argument", ErrorCode::invalid_argument, "A bad argument to a function or command.")
      .value("too_large", ErrorCode::too_large, "Input over a documented size limit.")
      .value("unfilled_placeholder", ErrorCode::unfilled_placeholder, "A template placeholder left without a value.");

  py::enum_<Severity>(m, "Severity", "How much a finding matters.")
      .value("error", Severity::error, "Must be fixed.")
      .value("warning", Severity::warning, "Should be looked at.")
      .value("info", Severity::info, "For information.");

  py::class_<Finding>(m, "Finding", "Something in data that loads but looks wrong; a value, never raised.")
      .def(py::init<>(), "An empty finding.")
      .def_readwrite("severity", &Finding::severity, "How much it matters.")
      .def_readwrite("code", &Finding::code, "Stable snake_case, e.g. \"by_committee_without_basis\".")
      .def_readwrite("where", &Finding::where, "Item id, JSON pointer or row.")
      .def_readwrite("message", &Finding::message, "A sentence a clerk can act on.")
      .def_readwrite("clause", &Finding::clause, "The clause it rests on, e.g. \"2.1.1\"; may be empty.")
      .def("__repr__",
           [](const Finding& f) {
             return std::string("Finding(") + to_string(f.severity) + ", '" + f.code + "', '" + f.where + "')";
           },
           "Finding(severity, code, where).");
}

void bind_basis(py::module_& m) {
  py::enum_<BasisLevel>(m, "BasisLevel",
                        "The rank of a legal basis; 二（一）1 / 二（二）1 turn on it.")
      .value("law", BasisLevel::law, "法律.")
      .value("administrative_regulation", BasisLevel::administrative_regulation, "行政法规.")
      .value("local_regulation", BasisLevel::local_regulation, "地方性法规, 自治条例, 单行条例.")
      .value("state_council_retained_list", BasisLevel::state_council_retained_list,
             "经国务院批准列入保留证明事项清单.")
      .value("departmental_rule", BasisLevel::departmental_rule, "部门规章, 地方政府规章.")
      .value("policy_document", BasisLevel::policy_document, "规范性文件 and other policy documents.")
      .value("unknown", BasisLevel::unknown, "The level cannot be told from the text.");

  py::class_<LegalBasis>(m, "LegalBasis", "One legal basis (法律法规依据).")
      .def(py::init<>(), "An empty basis of unknown level.")
      .def(py::init([](std::string title, std::string article, BasisLevel level) {
             LegalBasis b;
             b.title = std::move(title);
             b.article = std::move(article);
             b.level = level;
             return b;
           }),
           py::arg("title"), py::arg("article") = "", py::arg("level") = BasisLevel::unknown,
           "A basis by title, article and level.")
      .def_readwrite("title", &LegalBasis::title, "With book-title marks, e.g. 《中华人民共和国公证法》.")
      .def_readwrite("article", &LegalBasis::article, "e.g. \"第十一条\"; empty when the whole text is meant.")
      .def_readwrite("level", &LegalBasis::level, "Its rank.")
      .def_readwrite("text", &LegalBasis::text, "The provision's words, when known.")
      .def_readwrite("issuer", &LegalBasis::issuer, "e.g. \"全国人民代表大会常务委员会\".")
      .def_readwrite("document_number", &LegalBasis::document_number, "e.g. \"民发〔2020〕20号\".")
      .def_readwrite("effective", &LegalBasis::effective, "In force from; None when not recorded.")
      .def("__eq__", &equals<LegalBasis>, py::arg("other"),
           "Field-by-field equality (False for what is not a basis).")
      .def("__repr__",
           [](const LegalBasis& b) {
             return "LegalBasis('" + b.title + "', '" + b.article + "', " + to_string(b.level) + ")";
           },
           "LegalBasis(title, article, level).");
}

void bind_route(py::module_& m) {
  py::enum_<Channel>(m, "Channel", "How a fact is established without the committee (办事途径).")
      .value("information_sharing", Channel::information_sharing, "信息共享核对.")
      .value("resident_documents", Channel::resident_documents, "居民据实提供.")
      .value("agency_issues", Channel::agency_issues, "Another agency issues the certificate.")
      .value("agency_reissue", Channel::agency_reissue, "补办/补发 by the issuing agency.")
      .value("court_procedure", Channel::court_procedure, "人民法院依法定程序.")
      .value("self_obtained_consent", Channel::self_obtained_consent, "自行征求利害关系人同意.")
      .value("no_prerequisite", Channel::no_prerequisite, "无须前置证明材料.");

  py::class_<RouteNote>(m, "RouteNote", "A dated note on a route: a later change made by public law.")
      .def(py::init<>(), "An empty note.")
      .def_readwrite("text", &RouteNote::text, "What changed, in Chinese.")
      .def_readwrite("source", &RouteNote::source, "The document that made the change.")
      .def_readwrite("validity", &RouteNote::validity, "When the note applies.");

  py::class_<Route>(m, "Route", "办事途径 of one item: the list's verbatim text plus its structure.")
      .def(py::init<>(), "An empty route.")
      .def_readwrite("text", &Route::text, "Verbatim from the list (the whole cell).")
      .def_readwrite("channels", &Route::channels, "In the order the text gives them.")
      .def_readwrite("agencies", &Route::agencies, "e.g. \"公安\", \"民政\", \"卫生健康\".")
      .def_readwrite("documents", &Route::documents, "What the resident can show instead.")
      .def_readwrite("notes", &Route::notes, "Dated changes; the text itself stays verbatim.")
      .def("empty", &Route::empty, "Whether the route says anything.");
}

void bind_item(py::module_& m) {
  py::enum_<Disposition>(m, "Disposition", "Where an item stands.")
      .value("not_by_committee", Disposition::not_by_committee, "On a 不应由…出具 list: 二（二）2.")
      .value("by_committee", Disposition::by_committee, "On a county 应由…出具 list: 二（三）2.")
      .value("unlisted", Disposition::unlisted, "On neither.");

  py::enum_<Complexity>(m, "Complexity", "二（三）5: simple is done on the spot, complex within a limit.")
      .value("simple", Complexity::simple, "当场办结.")
      .value("complex", Complexity::complex, "限时办结.");

  py::enum_<AliasSource>(m, "AliasSource", "Where an alias comes from.")
      .value("seed", AliasSource::seed, "The list's own parentheses.")
      .value("added", AliasSource::added, "Added by an alias table.");

  py::class_<Alias>(m, "Alias", "Another name of an item.")
      .def(py::init<>(), "An empty alias.")
      .def(py::init([](std::string name, AliasSource source) { return Alias{std::move(name), source}; }),
           py::arg("name"), py::arg("source") = AliasSource::added, "An alias by name and source.")
      .def_readwrite("name", &Alias::name, "e.g. \"单身证明\".")
      .def_readwrite("source", &Alias::source, "From the policy, or added by a table.")
      .def("__repr__",
           [](const Alias& a) { return "Alias('" + a.name + "', " + to_string(a.source) + ")"; },
           "Alias(name, source).");

  py::class_<CarveOut>(m, "CarveOut",
                       "A carve-out (（…除外）): a purpose for which the no-issue listing does not apply.")
      .def(py::init<>(), "An empty carve-out.")
      .def_readwrite("scenario", &CarveOut::scenario, "As the list names it, e.g. \"不动产登记\".")
      .def_readwrite("words", &CarveOut::words, "Words that recognise it in a request's purpose.")
      .def_readwrite("bases", &CarveOut::bases, "A real law or regulation behind it, when one exists.")
      .def_readwrite("validity", &CarveOut::validity, "When it applies.")
      .def_readwrite("note", &CarveOut::note, "Why the window is what it is, with its source.");

  py::class_<PlatformCodes>(m, "PlatformCodes", "Codes the government-service platform assigns (opaque).")
      .def(py::init<>(), "No codes.")
      .def_readwrite("basic_code", &PlatformCodes::basic_code, "基本编码.")
      .def_readwrite("implementation_code", &PlatformCodes::implementation_code, "实施编码.")
      .def_readwrite("business_item_code", &PlatformCodes::business_item_code, "业务办理项编码.");

  py::class_<Item>(m, "Item", "One certificate item (证明事项).")
      .def(py::init<>(), "An empty unlisted item.")
      .def_readwrite("id", &Item::id, "Stable ASCII id, e.g. \"marital-status\".")
      .def_readwrite("seq", &Item::seq, "List number (序号); 0 when it has none.")
      .def_readwrite("name", &Item::name, "证明名称, e.g. \"婚姻状况证明\".")
      .def_readwrite("aliases", &Item::aliases, "Other names, seed first.")
      .def_readwrite("disposition", &Item::disposition, "Where it stands.")
      .def_readwrite("route", &Item::route, "办事途径; empty unless not_by_committee.")
      .def_readwrite("carve_outs", &Item::carve_outs, "（…除外）, in the list's order.")
      .def_readwrite("bases", &Item::bases, "Its own legal bases (county lists).")
      .def_readwrite("complexity", &Item::complexity, "二（三）5; None when not set.")
      .def_readwrite("limit_working_days", &Item::limit_working_days, "限时办结 limit, working days.")
      .def_readwrite("purpose", &Item::purpose, "证明用途 / 办理用途, for by-committee items.")
      .def_readwrite("codes", &Item::codes, "Platform codes, when assigned.")
      .def_readwrite("validity", &Item::validity, "When the item is in force.")
      .def_readwrite("layer", &Item::layer, "Id of the catalog layer that added it (set by composition).")
      .def("to_json", [](const Item& i) { return to_json(i); }, "Canonical JSON of the item (docs/design.md §8).")
      .def("to_dict", [](const Item& i) { return py::module_::import("json").attr("loads")(to_json(i)); },
           "The item as its JSON dict.")
      .def("__repr__", [](const Item& i) { return "Item('" + i.id + "', '" + i.name + "')"; },
           "Item(id, name).");
}

void bind_clause(py::module_& m) {
  py::class_<Clause>(m, "Clause", "One provision of the policy, verbatim, with its stable id.")
      .def(py::init<>(), "An empty clause.")
      .def_readwrite("id", &Clause::id, "Stable ASCII id, e.g. \"2.1.3\".")
      .def_readwrite("path", &Clause::path, "The policy's own numbering, e.g. \"二（一）3\".")
      .def_readwrite("text", &Clause::text, "Verbatim text of the provision.")
      .def_readwrite("gist", &Clause::gist, "A one-line English summary.")
      .def("__repr__", [](const Clause& c) { return "Clause('" + c.id + "', '" + c.path + "')"; },
           "Clause(id, path).");
}

void bind_core(py::module_& m) {
  m.def("version_major", &version_major, "The major version: JSON contracts are stable within one.");
  m.def("version_minor", &version_minor, "The minor version.");
  m.def("version_patch", &version_patch, "The patch version.");
  bind_date(m);
  bind_errors(m);
  bind_basis(m);
  bind_route(m);
  bind_item(m);
  bind_clause(m);
}

}  // namespace

JIANZHENG_BIND(10, bind_core);

}  // namespace jianzheng::python

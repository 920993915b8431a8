// Request (出具证明申请): a resident, a department or a platform asks the committee for a
// certificate. The facts the decision turns on (二（一）1–4) are tri-state: a clerk often does
// not know yet whether the matter is within the committee's duties or verifiable, and the
// decision then says which answers would change it (docs/design.md §4).
// Demand (准入申请, 二（三）4) and Complaint (监督举报, 二（三）6) are the two other questions
// the same core answers.
#pragma once
#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "jianzheng/date.hpp"
#include "jianzheng/legal_basis.hpp"

namespace jianzheng {

/// A fact the decision turns on. JSON: the snake_case names, keys of "facts".
enum class Fact {
  within_duties,      ///< 属于自治组织职责范围: 二（一）1, 二（一）3.
  verifiable,         ///< 能够核实: 二（一）3, 二（三）4.
  transitional_need,  ///< 政策措施衔接不到位或民商事主体明确要求: 二（一）3.
  public_interest,    ///< 涉及社区公共利益或多数居民切身利益: 二（一）2.
  legal_risk,         ///< 可能涉及法律风险: 二（一）4.
};
/// Number of facts.
inline constexpr std::size_t fact_count = 5;
/// All facts, in declaration order.
inline constexpr std::array<Fact, fact_count> all_facts{
    Fact::within_duties, Fact::verifiable, Fact::transitional_need, Fact::public_interest,
    Fact::legal_risk};
/// The stable JSON name of a fact, e.g. "within_duties".
const char* to_string(Fact fact) noexcept;
/// Parses a fact name; nothing when it is not one.
std::optional<Fact> fact_from_string(std::string_view name) noexcept;

/// A tri-state answer. An unknown fact is decided as no. JSON: "yes", "no", "unknown".
enum class Tri : unsigned char { yes, no, unknown };
/// The stable JSON name, e.g. "unknown".
const char* to_string(Tri value) noexcept;
/// Parses "yes" / "no" / "unknown"; nothing otherwise.
std::optional<Tri> tri_from_string(std::string_view name) noexcept;

/// Who asks. JSON: the snake_case names.
enum class RequesterKind {
  government_department,    ///< 政府部门.
  public_institution,       ///< 公用企事业单位.
  service_agency,           ///< 服务机构.
  civil_commercial_entity,  ///< 民商事主体 (a bank, an insurer, an employer …): 二（一）3.
  court,                    ///< 人民法院.
  resident,                 ///< 居民群众 themselves.
  other,                    ///< Anything else, or not said.
};
/// The stable JSON name of a requester kind.
const char* to_string(RequesterKind kind) noexcept;
/// Parses a requester kind name; nothing when it is not one.
std::optional<RequesterKind> requester_kind_from_string(std::string_view name) noexcept;

/// The five facts of a request, each yes / no / unknown (default unknown).
struct Facts {
  std::array<Tri, fact_count> values{Tri::unknown, Tri::unknown, Tri::unknown, Tri::unknown,
                                     Tri::unknown};  ///< Indexed by Fact.
  /// The answer for one fact.
  Tri get(Fact fact) const noexcept { return values[static_cast<std::size_t>(fact)]; }
  /// Sets the answer for one fact.
  void set(Fact fact, Tri value) noexcept { values[static_cast<std::size_t>(fact)] = value; }
  /// Whether the fact is answered yes (unknown counts as no, docs/design.md §4).
  bool is_yes(Fact fact) const noexcept { return get(fact) == Tri::yes; }
};
bool operator==(const Facts& a, const Facts& b) noexcept;

/// Who asks, and their name (free text, for the record).
struct Requester {
  RequesterKind kind = RequesterKind::other;  ///< Closed set.
  std::string name;                           ///< e.g. "某银行"; may be empty.
};

/// A request for a certificate (docs/design.md §8 "Request").
struct Request {
  std::string item;       ///< Item id; wins over `text` when both are given.
  std::string text;       ///< Free text naming the certificate, in any spelling.
  std::string purpose;    ///< 用途 in any words, e.g. "房子过户"; read against the item's
                          ///< carve-outs (purpose.hpp). When empty, free `text` is read.
  /// An explicit carve-out: a scenario of the item as the catalog names it ("不动产登记"), or
  /// a platform purpose code the catalog maps to one (docs/purpose.md). It decides without
  /// reading `purpose`; one the item does not have is Error(unknown_reference, "/carve_out")
  /// listing the item's scenarios.
  std::string carve_out;
  Requester requester;    ///< Who asks.
  std::vector<LegalBasis> bases;  ///< Bases the requester supplies (二（三）4).
  Facts facts;            ///< The five tri-state facts.
  std::optional<Date> date;  ///< Request date: as-of date and start of 限时办结; today when absent.
};

/// A department's wish to require a committee certificate (准入, 二（三）4).
struct Demand {
  std::string department;  ///< The demanding department, e.g. "县人社局".
  std::string item;        ///< Item id; wins over `text`.
  std::string text;        ///< Free text naming the certificate.
  std::string purpose;     ///< What for; read against carve-outs.
  std::string carve_out;   ///< An explicit carve-out, as Request::carve_out.
  std::vector<LegalBasis> bases;  ///< The bases the department supplies (有关依据).
  Tri within_duties = Tri::unknown;  ///< Whether the matter is within the committee's duties.
  Tri verifiable = Tri::unknown;     ///< Whether the committee is able to verify it (有能力核实).
  std::optional<Date> date;  ///< As-of date; today when absent.
};

/// A report that some body demanded an unreasonable certificate (监督, 二（三）6).
struct Complaint {
  std::string body;        ///< The demanding body (政府部门、公用企事业单位、服务机构).
  RequesterKind body_kind = RequesterKind::other;  ///< Its kind.
  std::string item;        ///< Item id; wins over `text`.
  std::string text;        ///< Free text naming the certificate demanded.
  std::string purpose;     ///< What the body wanted it for; read against carve-outs.
  std::string carve_out;   ///< An explicit carve-out, as Request::carve_out.
  std::vector<LegalBasis> bases;  ///< Any basis the body cited.
  std::string channel;     ///< How it was reported, e.g. "hotline 0936-6121532", "online".
  std::optional<Date> date;  ///< When the demand was made; today when absent.
};

/// Parses a Request from JSON (docs/design.md §8). Lenient about fields it does not know (platforms
/// add fields), strict about the ones it does: a fact value other than yes/no/unknown, an
/// unknown requester kind or basis level throws Error(unknown_enum) naming the pointer, e.g.
/// "/facts/verifiable". Neither "item" nor "text" → Error(missing_field). `origin` names the
/// input in errors.
Request request_from_json(std::string_view json_text, std::string_view origin = "<text>");
/// Canonical JSON of a request (the shape request_from_json reads).
std::string to_json(const Request& request);
/// Parses a Demand: {"department", "item"|"text", "purpose", "carve_out", "bases",
/// "within_duties", "verifiable", "date"}; same strictness as request_from_json.
Demand demand_from_json(std::string_view json_text, std::string_view origin = "<text>");
/// Parses a Complaint: {"body", "body_kind", "item"|"text", "purpose", "carve_out", "bases",
/// "channel", "date"}; same strictness as request_from_json.
Complaint complaint_from_json(std::string_view json_text, std::string_view origin = "<text>");

}  // namespace jianzheng

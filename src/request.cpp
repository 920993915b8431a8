#include "jianzheng/request.hpp"

#include "enum_names.hpp"

namespace jianzheng {
namespace {

constexpr detail::EnumNames<Fact, 5> kFactNames{{
    {Fact::within_duties, "within_duties"},
    {Fact::verifiable, "verifiable"},
    {Fact::transitional_need, "transitional_need"},
    {Fact::public_interest, "public_interest"},
    {Fact::legal_risk, "legal_risk"},
}};

constexpr detail::EnumNames<Tri, 3> kTriNames{{
    {Tri::yes, "yes"},
    {Tri::no, "no"},
    {Tri::unknown, "unknown"},
}};

constexpr detail::EnumNames<RequesterKind, 7> kRequesterKindNames{{
    {RequesterKind::government_department, "government_department"},
    {RequesterKind::public_institution, "public_institution"},
    {RequesterKind::service_agency, "service_agency"},
    {RequesterKind::civil_commercial_entity, "civil_commercial_entity"},
    {RequesterKind::court, "court"},
    {RequesterKind::resident, "resident"},
    {RequesterKind::other, "other"},
}};

}  // namespace

const char* to_string(Fact v) noexcept { return kFactNames.name(v); }
std::optional<Fact> fact_from_string(std::string_view s) noexcept { return kFactNames.parse(s); }

const char* to_string(Tri v) noexcept { return kTriNames.name(v); }
std::optional<Tri> tri_from_string(std::string_view s) noexcept { return kTriNames.parse(s); }

const char* to_string(RequesterKind v) noexcept { return kRequesterKindNames.name(v); }
std::optional<RequesterKind> requester_kind_from_string(std::string_view s) noexcept {
  return kRequesterKindNames.parse(s);
}

bool operator==(const Facts& a, const Facts& b) noexcept { return a.values == b.values; }

}  // namespace jianzheng

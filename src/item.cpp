#include "jianzheng/item.hpp"

#include "enum_names.hpp"

namespace jianzheng {
namespace {

constexpr detail::EnumNames<Disposition, 3> kDispositionNames{{
    {Disposition::not_by_committee, "not_by_committee"},
    {Disposition::by_committee, "by_committee"},
    {Disposition::unlisted, "unlisted"},
}};

constexpr detail::EnumNames<Complexity, 2> kComplexityNames{{
    {Complexity::simple, "simple"},
    {Complexity::complex, "complex"},
}};

constexpr detail::EnumNames<AliasSource, 2> kAliasSourceNames{{
    {AliasSource::seed, "seed"},
    {AliasSource::added, "added"},
}};

}  // namespace

const char* to_string(Disposition v) noexcept { return kDispositionNames.name(v); }
std::optional<Disposition> disposition_from_string(std::string_view s) noexcept { return kDispositionNames.parse(s); }

const char* to_string(Complexity v) noexcept { return kComplexityNames.name(v); }
std::optional<Complexity> complexity_from_string(std::string_view s) noexcept { return kComplexityNames.parse(s); }

const char* to_string(AliasSource v) noexcept { return kAliasSourceNames.name(v); }
std::optional<AliasSource> alias_source_from_string(std::string_view s) noexcept { return kAliasSourceNames.parse(s); }

}  // namespace jianzheng

#include "jianzheng/route.hpp"

#include "enum_names.hpp"

namespace jianzheng {
namespace {

constexpr detail::EnumNames<Channel, 7> kChannelNames{{
    {Channel::information_sharing, "information_sharing"},
    {Channel::resident_documents, "resident_documents"},
    {Channel::agency_issues, "agency_issues"},
    {Channel::agency_reissue, "agency_reissue"},
    {Channel::court_procedure, "court_procedure"},
    {Channel::self_obtained_consent, "self_obtained_consent"},
    {Channel::no_prerequisite, "no_prerequisite"},
}};

}  // namespace

const char* to_string(Channel v) noexcept { return kChannelNames.name(v); }
std::optional<Channel> channel_from_string(std::string_view s) noexcept { return kChannelNames.parse(s); }

}  // namespace jianzheng

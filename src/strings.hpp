// Private: small string helpers shared by the renderers.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace jianzheng::detail {

/// The non-empty parts joined by `sep` ("a、b" from {"a", "", "b"}).
inline std::string join_nonempty(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (const auto& p : parts) {
    if (p.empty()) continue;
    if (!out.empty()) out += sep;
    out += p;
  }
  return out;
}

}  // namespace jianzheng::detail

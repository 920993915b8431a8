// Private: one table per closed enum gives both directions of its JSON name, so a name is
// written once. Tables list every enumerator in declaration order.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace jianzheng::detail {

template <class E, std::size_t N>
struct EnumNames {
  struct Entry {
    E value;
    const char* name;
  };
  Entry entries[N];

  constexpr const char* name(E v) const noexcept {
    for (const auto& e : entries)
      if (e.value == v) return e.name;
    return "unknown";
  }
  std::optional<E> parse(std::string_view s) const noexcept {
    for (const auto& e : entries)
      if (s == e.name) return e.value;
    return std::nullopt;
  }
  /// "a, b, c" for error messages.
  std::string list() const {
    std::string out;
    for (const auto& e : entries) out += (out.empty() ? "" : ", ") + std::string(e.name);
    return out;
  }
};

}  // namespace jianzheng::detail

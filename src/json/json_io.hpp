// Private JSON plumbing. Boost.JSON is included only under src/json/: no public header and
// no other source sees it. A Document keeps its text and origin so every error can name
// file:line:column and the JSON pointer; a Node is a value plus its pointer, with typed
// accessors that throw jianzheng::Error naming exactly what was expected where.
#pragma once
#include <boost/json.hpp>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "jianzheng/date.hpp"
#include "jianzheng/error.hpp"

namespace jianzheng::detail {

namespace json = boost::json;

/// Escapes one JSON pointer token (~ → ~0, / → ~1).
std::string pointer_token(std::string_view key);

class Node;

/// A parsed JSON document with its text and origin.
class Document {
 public:
  /// Parses; throws Error(invalid_utf8 | malformed_json) with line:column.
  /// `max_bytes` guards hosts against huge inputs (Error too_large); 0 means no limit.
  Document(std::string_view text, std::string origin, std::size_t max_bytes = 0);
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

  /// The root value.
  Node root() const;
  const std::string& origin() const noexcept { return origin_; }

  /// The location of the value at `pointer` (line:column found by scanning the text).
  Location locate(const std::string& pointer) const;
  /// Throws Error(code) located at `pointer`.
  [[noreturn]] void fail(ErrorCode code, const std::string& pointer, const std::string& message) const;

 private:
  std::string text_;
  std::string origin_;
  json::value value_;
};

/// A value inside a Document, with its JSON pointer.
class Node {
 public:
  Node(const Document* doc, const json::value* value, std::string pointer)
      : doc_(doc), value_(value), pointer_(std::move(pointer)) {}

  const json::value& value() const noexcept { return *value_; }
  const std::string& pointer() const noexcept { return pointer_; }
  const Document& document() const noexcept { return *doc_; }

  bool is_null() const noexcept { return value_->is_null(); }
  bool is_object() const noexcept { return value_->is_object(); }
  bool is_array() const noexcept { return value_->is_array(); }
  bool is_string() const noexcept { return value_->is_string(); }

  /// A required member of an object (Error missing_field / wrong_type).
  Node at(std::string_view key) const;
  /// An optional member; absent or null gives nothing.
  std::optional<Node> get(std::string_view key) const;
  /// Throws unknown_field for any member not in `allowed`.
  void only_keys(std::initializer_list<std::string_view> allowed) const;
  /// The elements of an array (Error wrong_type otherwise).
  std::vector<Node> elements() const;

  /// Typed values; each throws wrong_type (or invalid_value / invalid_date) at this pointer.
  std::string string() const;
  /// A string that must not be empty once white space is trimmed.
  std::string nonempty_string() const;
  std::int64_t integer() const;
  bool boolean() const;
  Date date() const;
  std::vector<std::string> strings() const;

  /// A closed enum: `parse` returns nothing for an unknown name, which throws unknown_enum
  /// listing `expected` (e.g. "one of law, administrative_regulation, …").
  template <class Parse>
  auto enumeration(Parse parse, std::string_view expected) const
      -> std::decay_t<decltype(*parse(std::string_view()))> {
    const std::string s = string();
    if (auto v = parse(std::string_view(s))) return *v;
    fail(ErrorCode::unknown_enum,
         "\"" + s + "\" is not a known value; expected " + std::string(expected));
  }

  /// Throws Error(code) located at this node.
  [[noreturn]] void fail(ErrorCode code, const std::string& message) const {
    doc_->fail(code, pointer_, message);
  }

 private:
  const Document* doc_;
  const json::value* value_;
  std::string pointer_;
};

/// Canonical bytes: two-space indentation, members in the order built, one element per
/// line, UTF-8 unescaped, a final newline. Two saves of equal values are identical.
std::string canonical(const json::value& v);

/// Compact one-line serialisation (for JSON Lines and the C ABI).
std::string compact(const json::value& v);

/// The string member `key` of an object, or "" when it is absent or null.
std::string optional_string(const Node& object, std::string_view key);

/// A JSON array of strings.
json::array strings_json(const std::vector<std::string>& v);

/// The string, or null when it is empty.
inline json::value string_or_null(const std::string& s) {
  return s.empty() ? json::value(nullptr) : json::value(s);
}

/// Helpers to build values.
inline json::value optional_date(const std::optional<Date>& d) {
  return d ? json::value(d->to_string()) : json::value(nullptr);
}

}  // namespace jianzheng::detail

#include "json/json_io.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <map>

#include "text/position.hpp"
#include "text/utf8.hpp"

namespace jianzheng::detail {
namespace {

// A walker over text already known to be valid JSON (Boost.JSON parsed it): it finds where
// values start, skipping strings without decoding them. Whitespace is JSON's four characters.
class Scanner {
 public:
  explicit Scanner(std::string_view s, std::size_t i = 0) noexcept : s_(s), i_(i) {}
  std::size_t at() const noexcept { return i_; }
  char peek() const noexcept { return i_ < s_.size() ? s_[i_] : '\0'; }
  void skip() noexcept { ++i_; }
  void ws() noexcept {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\r' || s_[i_] == '\t')) ++i_;
  }
  // At '"': moves past the closing quote and returns the literal, quotes included.
  std::string_view string() noexcept {
    const std::size_t start = i_++;
    // The closing quote is the first quote not escaped. memchr finds the next quote, and a
    // backslash is looked for only before it: most strings are Han text without escapes,
    // and byte by byte this scan was a fifth of reading a request (callgrind).
    while (i_ < s_.size()) {
      const char* const from = s_.data() + i_;
      const auto* quote = static_cast<const char*>(std::memchr(from, '"', s_.size() - i_));
      const std::size_t span = quote ? static_cast<std::size_t>(quote - from) : s_.size() - i_;
      const auto* escape = static_cast<const char*>(std::memchr(from, '\\', span));
      if (escape) {
        i_ += static_cast<std::size_t>(escape - from) + 2;  // past the backslash and what it escapes
        continue;
      }
      i_ += span + (quote ? 1 : 0);  // past the closing quote, or at the end of text without one
      break;
    }
    return s_.substr(start, i_ - start);
  }
  // At a number, true, false or null: moves past it.
  void scalar() noexcept {
    while (i_ < s_.size() && s_[i_] != ',' && s_[i_] != '}' && s_[i_] != ']' && s_[i_] != ' ' &&
           s_[i_] != '\n' && s_[i_] != '\r' && s_[i_] != '\t')
      ++i_;
  }
  // Moves past one whole value. Depth is bounded by the parser's limit (32).
  void value() noexcept {
    ws();
    const char c = peek();
    if (c == '{' || c == '[') {
      const char close = c == '{' ? '}' : ']';
      skip();
      ws();
      if (peek() == close) return skip();
      for (;;) {
        if (close == '}') member_key();
        value();
        ws();
        const char sep = peek();
        skip();
        if (sep != ',') return;
      }
    }
    if (c == '"') {
      string();
    } else {
      scalar();
    }
  }
  // Inside an object, at a member: moves past its key and colon; returns the key's literal.
  std::string_view member_key() noexcept {
    ws();
    const std::string_view key = string();
    ws();
    skip();  // ':'
    return key;
  }

 private:
  std::string_view s_;
  std::size_t i_;
};

// The key a literal spells, escapes resolved (only on the error path).
std::string decoded_key(std::string_view literal) {
  const json::value v = json::parse(literal);
  return std::string(v.get_string().data(), v.get_string().size());
}

void write_canonical(std::string& out, const json::value& v, int indent) {
  const auto pad = [&](int n) { out.append(static_cast<std::size_t>(n) * 2, ' '); };
  switch (v.kind()) {
    case json::kind::object: {
      const auto& o = v.get_object();
      if (o.empty()) { out += "{}"; return; }
      out += "{\n";
      bool first = true;
      for (const auto& kv : o) {
        if (!first) out += ",\n";
        first = false;
        pad(indent + 1);
        out += json::serialize(json::string(kv.key()));
        out += ": ";
        write_canonical(out, kv.value(), indent + 1);
      }
      out += "\n";
      pad(indent);
      out += "}";
      return;
    }
    case json::kind::array: {
      const auto& a = v.get_array();
      if (a.empty()) { out += "[]"; return; }
      // Arrays of scalars stay on one line: data files read better that way.
      const bool flat = std::all_of(a.begin(), a.end(), [](const json::value& e) {
        return !e.is_object() && !e.is_array();
      });
      if (flat) {
        out += "[";
        for (std::size_t i = 0; i < a.size(); ++i) {
          if (i) out += ", ";
          out += json::serialize(a[i]);
        }
        out += "]";
        return;
      }
      out += "[\n";
      for (std::size_t i = 0; i < a.size(); ++i) {
        if (i) out += ",\n";
        pad(indent + 1);
        write_canonical(out, a[i], indent + 1);
      }
      out += "\n";
      pad(indent);
      out += "]";
      return;
    }
    default:
      out += json::serialize(v);
  }
}

const char* kind_name(const json::value& v) {
  switch (v.kind()) {
    case json::kind::object: return "an object";
    case json::kind::array: return "an array";
    case json::kind::string: return "a string";
    case json::kind::bool_: return "true/false";
    case json::kind::null: return "null";
    default: return "a number";
  }
}

}  // namespace

std::string pointer_token(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

namespace {

// Walks the text of `v` (at the scanner) and `v` together; false when an object of the text
// has more members than the parsed one. After a repeated key the members no longer pair by
// position, so a shape that does not match also means one was dropped.
bool same_members(Scanner& s, const json::value& v) noexcept {
  s.ws();
  const char c = s.peek();
  if (c != '{' && c != '[') {
    s.value();
    return true;
  }
  const bool object = c == '{';
  if (object != v.is_object() || (!object && !v.is_array())) return false;
  const std::size_t size = object ? v.get_object().size() : v.get_array().size();
  s.skip();
  s.ws();
  if (s.peek() == (object ? '}' : ']')) {
    s.skip();
    return size == 0;
  }
  for (std::size_t k = 0;; ++k) {
    if (k >= size) return false;
    if (object) s.member_key();
    const json::value& child = object ? (v.get_object().begin() + k)->value() : v.get_array()[k];
    if (!same_members(s, child)) return false;
    s.ws();
    const char sep = s.peek();
    s.skip();
    if (sep != ',') return k + 1 == size;
  }
}

}  // namespace

bool lost_duplicate_keys(std::string_view text, const json::value& value) noexcept {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  Scanner s(text);
  return !same_members(s, value);
}

Document::Document(std::string_view text, std::string origin, std::size_t max_bytes)
    : origin_(std::move(origin)) {
  if (max_bytes && text.size() > max_bytes) {
    throw Error(ErrorCode::too_large, Location{origin_, "", 0, 0},
                "input is " + std::to_string(text.size()) + " bytes; the limit is " +
                    std::to_string(max_bytes));
  }
  if (text.size() > kMaxDocumentBytes) {  // positions are kept as 32-bit offsets
    throw Error(ErrorCode::too_large, Location{origin_, "", 0, 0},
                "input is " + std::to_string(text.size()) + " bytes; a JSON document is at most " +
                    std::to_string(kMaxDocumentBytes));
  }
  // A UTF-8 byte-order mark (Notepad writes one) carries nothing: it is skipped, and columns
  // of the first line count from after it, as editors show them. A UTF-16 mark means the
  // file is in another encoding, and the error says which.
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (text.substr(0, 2) == "\xFF\xFE" || text.substr(0, 2) == "\xFE\xFF")
    throw Error(ErrorCode::invalid_utf8, Location{origin_, "", 1, 1},
                "the text is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8");
  text_.assign(text.data(), text.size());
  Location loc{origin_, "", 0, 0};
  if (auto bad = find_invalid_utf8(text_); bad != std::string_view::npos) {
    const LineColumn lc = line_column(text_, bad);
    loc.line = lc.line;
    loc.column = lc.column;
    throw Error(ErrorCode::invalid_utf8, loc, "the text is not valid UTF-8 here (save the file as UTF-8)");
  }
  json::stream_parser p;
  boost::system::error_code ec;
  const std::size_t used = p.write(text_.data(), text_.size(), ec);
  if (!ec) p.finish(ec);
  if (ec) {
    const LineColumn lc = line_column(text_, used);
    loc.line = lc.line;
    loc.column = lc.column;
    throw Error(ErrorCode::malformed_json, loc, "not valid JSON: " + ec.message());
  }
  value_ = p.release();
  index();
  std::vector<std::string> path;
  check_unique_keys(value_, 0, path);
}

void Document::index() {
  lines_ = LineIndex(text_);
  struct Walk {
    Document& d;
    Scanner s;
    // Numbers the value at the scanner and its descendants in document order; returns its
    // number. Recursion is bounded by the parser's depth limit (32).
    std::uint32_t value() {
      s.ws();
      const auto n = static_cast<std::uint32_t>(d.start_.size());
      d.start_.push_back(static_cast<std::uint32_t>(s.at()));
      d.first_child_.push_back(0);
      d.count_.push_back(0);
      const char c = s.peek();
      if (c == '{' || c == '[') {
        const char close = c == '{' ? '}' : ']';
        std::vector<std::uint32_t> kids;
        s.skip();
        s.ws();
        if (s.peek() == close) {
          s.skip();
        } else {
          for (;;) {
            if (close == '}') s.member_key();
            kids.push_back(value());
            s.ws();
            const char sep = s.peek();
            s.skip();
            if (sep != ',') break;
          }
        }
        d.first_child_[n] = static_cast<std::uint32_t>(d.children_.size());
        d.count_[n] = static_cast<std::uint32_t>(kids.size());
        d.children_.insert(d.children_.end(), kids.begin(), kids.end());
      } else if (c == '"') {
        s.string();
      } else {
        s.scalar();
      }
      return n;
    }
  };
  Walk{*this, Scanner(text_)}.value();
}

void Document::check_unique_keys(const json::value& v, std::uint32_t n,
                                 std::vector<std::string>& path) const {
  if (v.is_object()) {
    const json::object& o = v.get_object();
    // Boost.JSON keeps the last of two equal keys: an object with fewer members than its
    // text has lost one, silently. That is refused.
    if (o.size() != count_[n]) duplicate_key(n, path);
    std::uint32_t k = 0;
    for (const auto& kv : o) {
      if (kv.value().is_object() || kv.value().is_array()) {
        path.push_back(pointer_token(kv.key()));
        check_unique_keys(kv.value(), children_[first_child_[n] + k], path);
        path.pop_back();
      }
      ++k;
    }
  } else if (v.is_array()) {
    const json::array& a = v.get_array();
    for (std::size_t k = 0; k < a.size(); ++k) {
      if (!a[k].is_object() && !a[k].is_array()) continue;
      path.push_back(std::to_string(k));
      check_unique_keys(a[k], children_[first_child_[n] + k], path);
      path.pop_back();
    }
  }
}

void Document::duplicate_key(std::uint32_t n, const std::vector<std::string>& path) const {
  std::string object;
  for (const std::string& t : path) object += "/" + t;
  Scanner s(text_, start_[n] + 1);
  std::map<std::string, std::size_t> seen;  // key → where it first starts
  for (;;) {
    s.ws();
    const std::size_t at = s.at();
    const std::string key = decoded_key(s.member_key());
    if (auto [first, fresh] = seen.emplace(key, at); !fresh) {
      const LineColumn now = lines_.at(at), before = lines_.at(first->second);
      throw Error(ErrorCode::duplicate_id,
                  Location{origin_, object + "/" + pointer_token(key), now.line, now.column},
                  "the key \"" + key + "\" appears twice in this object (first at line " +
                      std::to_string(before.line) + ", column " + std::to_string(before.column) +
                      "); JSON readers keep one of the two without a word, so name each key once");
    }
    s.value();
    s.ws();
    if (s.peek() != ',') break;
    s.skip();
  }
  // Not reached: the parser dropped a member, so the text has a repeated key.
  throw Error(ErrorCode::duplicate_id, locate(object), "a key appears twice in this object");
}

Node Document::root() const { return Node(this, &value_, ""); }

std::uint32_t Document::value_at(const std::string& pointer) const {
  const json::value* v = &value_;
  std::uint32_t n = 0;
  std::size_t pos = 0;
  while (pos < pointer.size() && pointer[pos] == '/') {
    const std::size_t end = std::min(pointer.find('/', pos + 1), pointer.size());
    std::string token;
    for (std::size_t i = pos + 1; i < end; ++i) {  // ~1 is '/', ~0 is '~' (RFC 6901)
      if (pointer[i] == '~' && i + 1 < end && (pointer[i + 1] == '0' || pointer[i + 1] == '1')) {
        token += pointer[++i] == '0' ? '~' : '/';
      } else {
        token += pointer[i];
      }
    }
    std::size_t k = 0;
    if (v->is_object()) {
      const json::object& o = v->get_object();
      const auto it = o.find(token);
      if (it == o.end()) break;  // a missing member: the object that lacks it
      k = static_cast<std::size_t>(it - o.begin());
      v = &it->value();
    } else if (v->is_array()) {
      if (token.empty() || token.size() > 9 ||
          token.find_first_not_of("0123456789") != std::string::npos)
        break;
      k = std::stoul(token);
      if (k >= v->get_array().size()) break;
      v = &v->get_array()[k];
    } else {
      break;
    }
    n = children_[first_child_[n] + k];
    pos = end;
  }
  return n;
}

Location Document::locate(const std::string& pointer) const {
  const LineColumn lc = lines_.at(start_.empty() ? 0 : start_[value_at(pointer)]);
  return Location{origin_, pointer, lc.line, lc.column};
}

void Document::fail(ErrorCode code, const std::string& pointer, const std::string& message) const {
  throw Error(code, locate(pointer), message);
}

Node Node::at(std::string_view key) const {
  if (!value_->is_object()) fail(ErrorCode::wrong_type, "expected an object, found " + std::string(kind_name(*value_)));
  const auto& o = value_->get_object();
  auto it = o.find(key);
  if (it == o.end())
    doc_->fail(ErrorCode::missing_field, pointer_ + "/" + pointer_token(key),
               "the required field \"" + std::string(key) + "\" is missing");
  return Node(doc_, &it->value(), pointer_ + "/" + pointer_token(key));
}

std::optional<Node> Node::get(std::string_view key) const {
  if (!value_->is_object()) fail(ErrorCode::wrong_type, "expected an object, found " + std::string(kind_name(*value_)));
  const auto& o = value_->get_object();
  auto it = o.find(key);
  if (it == o.end() || it->value().is_null()) return std::nullopt;
  return Node(doc_, &it->value(), pointer_ + "/" + pointer_token(key));
}

void Node::only_keys(std::initializer_list<std::string_view> allowed) const {
  if (!value_->is_object()) fail(ErrorCode::wrong_type, "expected an object, found " + std::string(kind_name(*value_)));
  for (const auto& kv : value_->get_object()) {
    if (std::find(allowed.begin(), allowed.end(), std::string_view(kv.key())) == allowed.end()) {
      std::string list;
      for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
      doc_->fail(ErrorCode::unknown_field, pointer_ + "/" + pointer_token(kv.key()),
                 "unknown field \"" + std::string(kv.key()) + "\"; the fields here are " + list);
    }
  }
}

std::vector<Node> Node::elements() const {
  if (!value_->is_array()) fail(ErrorCode::wrong_type, "expected an array, found " + std::string(kind_name(*value_)));
  std::vector<Node> out;
  const auto& a = value_->get_array();
  out.reserve(a.size());
  for (std::size_t i = 0; i < a.size(); ++i) out.emplace_back(doc_, &a[i], pointer_ + "/" + std::to_string(i));
  return out;
}

std::string Node::string() const {
  if (!value_->is_string()) fail(ErrorCode::wrong_type, "expected a string, found " + std::string(kind_name(*value_)));
  const auto& s = value_->get_string();
  return std::string(s.data(), s.size());
}

std::string Node::nonempty_string() const {
  std::string s = string();
  if (s.find_first_not_of(" \t\r\n") == std::string::npos) fail(ErrorCode::invalid_value, "must not be empty");
  return s;
}

std::int64_t Node::integer() const {
  if (value_->is_int64()) return value_->get_int64();
  if (value_->is_uint64()) {
    if (value_->get_uint64() <= static_cast<std::uint64_t>(INT64_MAX))
      return static_cast<std::int64_t>(value_->get_uint64());
    fail(ErrorCode::invalid_value, std::to_string(value_->get_uint64()) + " is out of range");
  }
  if (value_->is_double()) {
    const double d = value_->get_double();
    // Range first: casting a double outside int64 is undefined behaviour (1e300 would
    // become any number at all). 2^63 is exact as a double; the interval is half-open.
    if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0))
      fail(ErrorCode::invalid_value, json::serialize(*value_) + " is out of range for a whole number");
    const auto i = static_cast<std::int64_t>(d);
    if (static_cast<double>(i) == d) return i;
  }
  fail(ErrorCode::wrong_type, "expected a whole number, found " + std::string(kind_name(*value_)));
}

std::int64_t Node::integer(std::int64_t min, std::int64_t max) const {
  const std::int64_t v = integer();
  if (v < min || v > max)
    fail(ErrorCode::invalid_value, std::to_string(v) + " is out of range; expected " +
                                       std::to_string(min) + "–" + std::to_string(max));
  return v;
}

bool Node::boolean() const {
  if (!value_->is_bool()) fail(ErrorCode::wrong_type, "expected true or false, found " + std::string(kind_name(*value_)));
  return value_->get_bool();
}

Date Node::date() const {
  const std::string s = string();
  if (auto d = Date::try_parse(s)) return *d;
  fail(ErrorCode::invalid_date, "expected a real day as YYYY-MM-DD, got \"" + s + "\"");
}

std::vector<std::string> Node::strings() const {
  std::vector<std::string> out;
  for (const auto& e : elements()) out.push_back(e.string());
  return out;
}

std::string optional_string(const Node& object, std::string_view key) {
  if (auto v = object.get(key)) return v->string();
  return {};
}

json::array strings_json(const std::vector<std::string>& v) {
  json::array a;
  a.reserve(v.size());
  for (const auto& s : v) a.emplace_back(s);
  return a;
}

std::string canonical(const json::value& v) {
  std::string out;
  write_canonical(out, v, 0);
  out += "\n";
  return out;
}

std::string compact(const json::value& v) { return json::serialize(v); }

}  // namespace jianzheng::detail

#include "json/json_io.hpp"

#include <algorithm>
#include <cctype>

#include "text/position.hpp"
#include "text/utf8.hpp"

namespace jianzheng::detail {
namespace {

// A tiny walker over text already known to be valid JSON, to find where the value at a
// JSON pointer starts. Only used on the error path, so simplicity beats speed.
class Locator {
 public:
  Locator(std::string_view text, const std::string& target) : s_(text), target_(target) {}

  std::optional<std::size_t> find() {
    value("");
    return found_;
  }

 private:
  void ws() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\r' || s_[i_] == '\t')) ++i_;
  }
  std::string str() {  // at '"'; returns the decoded key (escapes kept simple)
    std::string out;
    ++i_;
    while (i_ < s_.size() && s_[i_] != '"') {
      if (s_[i_] == '\\' && i_ + 1 < s_.size()) {
        char e = s_[i_ + 1];
        out += e == 'n' ? '\n' : e == 't' ? '\t' : e;
        i_ += e == 'u' ? 6 : 2;
        continue;
      }
      out += s_[i_++];
    }
    ++i_;
    return out;
  }
  void value(const std::string& ptr) {
    ws();
    if (found_) return;
    if (ptr == target_) {
      found_ = i_;
      return;
    }
    if (i_ >= s_.size()) return;
    if (s_[i_] == '{') {
      ++i_;
      ws();
      if (i_ < s_.size() && s_[i_] == '}') { ++i_; return; }
      while (i_ < s_.size() && !found_) {
        ws();
        std::string key = str();
        const std::string child = ptr + "/" + pointer_token(key);
        ws();
        ++i_;  // ':'
        value(child);
        ws();
        if (i_ < s_.size() && s_[i_] == ',') { ++i_; continue; }
        ++i_;  // '}'
        return;
      }
    } else if (s_[i_] == '[') {
      ++i_;
      ws();
      if (i_ < s_.size() && s_[i_] == ']') { ++i_; return; }
      for (std::size_t n = 0; i_ < s_.size() && !found_; ++n) {
        value(ptr + "/" + std::to_string(n));
        ws();
        if (i_ < s_.size() && s_[i_] == ',') { ++i_; continue; }
        ++i_;  // ']'
        return;
      }
    } else if (s_[i_] == '"') {
      str();
    } else {
      while (i_ < s_.size() && s_[i_] != ',' && s_[i_] != '}' && s_[i_] != ']' &&
             !std::isspace(static_cast<unsigned char>(s_[i_])))
        ++i_;
    }
  }

  std::string_view s_;
  const std::string& target_;
  std::size_t i_ = 0;
  std::optional<std::size_t> found_;
};

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

Document::Document(std::string_view text, std::string origin, std::size_t max_bytes)
    : text_(text), origin_(std::move(origin)) {
  if (max_bytes && text.size() > max_bytes) {
    throw Error(ErrorCode::too_large, Location{origin_, "", 0, 0},
                "input is " + std::to_string(text.size()) + " bytes; the limit is " +
                    std::to_string(max_bytes));
  }
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
}

Node Document::root() const { return Node(this, &value_, ""); }

Location Document::locate(const std::string& pointer) const {
  Location loc{origin_, pointer, 0, 0};
  std::string p = pointer;
  for (;;) {
    if (auto at = Locator(text_, p).find()) {
      const LineColumn lc = line_column(text_, *at);
      loc.line = lc.line;
      loc.column = lc.column;
      return loc;
    }
    // A missing member: point at the object that lacks it.
    const auto slash = p.rfind('/');
    if (slash == std::string::npos) return loc;
    p.erase(slash);
  }
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
  if (value_->is_uint64() && value_->get_uint64() <= static_cast<std::uint64_t>(INT64_MAX))
    return static_cast<std::int64_t>(value_->get_uint64());
  if (value_->is_double()) {
    const double d = value_->get_double();
    if (d == static_cast<double>(static_cast<std::int64_t>(d))) return static_cast<std::int64_t>(d);
  }
  fail(ErrorCode::wrong_type, "expected a whole number, found " + std::string(kind_name(*value_)));
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

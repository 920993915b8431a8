// Private: reading a survey return (附件2) from an XLSX workbook, as townships fill the form in
// Excel or WPS and send it back (二（三）1, 三（二）). libzip (Debian's libzip-dev) opens the
// package and expat (libexpat1-dev) reads its XML a buffer at a time; both are linked PRIVATE.
// Only the first sheet is read; what it holds becomes the same table of cells the CSV reader
// makes, so both are validated by survey_from_table and errors name the cell (file:B7).
//
// Everything is bounded, whatever the file claims: the file itself (16 MiB, read_file), each
// part once inflated (64 MiB for the sheet and the shared strings, 4 MiB for the others — a zip
// bomb stops there), rows with content (50 000), the columns read (A–Z: the form has six),
// shared strings (1 000 000) and the text of all cells together (64 MiB). A document type
// declaration is refused, so no entity can expand.
#include <expat.h>
#include <zip.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "jianzheng/error.hpp"
#include "jianzheng/survey.hpp"
#include "survey_table.hpp"
#include "text/utf8.hpp"

namespace jianzheng {

namespace {

constexpr std::size_t kMaxBigPart = 64u << 20;    // the sheet, the shared strings
constexpr std::size_t kMaxSmallPart = 4u << 20;   // rels, workbook, styles
constexpr std::size_t kMaxRows = 50000;           // rows with content
constexpr std::size_t kMaxColumns = 26;           // A–Z
constexpr std::size_t kMaxSharedStrings = 1000000;
constexpr std::size_t kMaxTextBytes = 64u << 20;  // all cell text, merged cells filled in

[[noreturn]] void broken(const std::string& where, const std::string& what) {
  throw Error(ErrorCode::unsupported_format, where,
              "not a workbook this reader can read: " + what + " (无法读取该 XLSX 文件；请在 Excel 或 WPS 中"
              "另存为 .xlsx 或 CSV)");
}

// The local part of an element or attribute name from expat's namespace processing
// ("uri|local" or "local"): OOXML is read by local names, so prefixes (x:c) and the strict
// namespaces read as well as the usual ones.
std::string_view local(const char* name) {
  const char* bar = std::strrchr(name, '|');
  return bar ? std::string_view(bar + 1) : std::string_view(name);
}

const char* attribute(const char** attrs, std::string_view name) {
  for (int i = 0; attrs[i]; i += 2)
    if (local(attrs[i]) == name) return attrs[i + 1];
  return nullptr;
}

// The zip package, opened from memory.
class Package {
 public:
  Package(std::string_view bytes, std::string origin) : origin_(std::move(origin)) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (!source) fail_with(error);
    zip_ = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
    if (!zip_) {
      zip_source_free(source);
      fail_with(error);
    }
    zip_error_fini(&error);
  }
  Package(const Package&) = delete;
  Package& operator=(const Package&) = delete;
  ~Package() {
    if (zip_) zip_discard(zip_);
  }

  bool has(const std::string& name) const { return zip_name_locate(zip_, name.c_str(), 0) >= 0; }

  // Streams a part through `sink` a buffer at a time, at most `max_bytes` once inflated.
  void read(const std::string& name, std::size_t max_bytes,
            const std::function<void(const char*, std::size_t, bool)>& sink) const {
    const zip_int64_t index = zip_name_locate(zip_, name.c_str(), 0);
    if (index < 0) broken(origin_, "the part " + name + " is missing");
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(zip_, static_cast<zip_uint64_t>(index), 0, &st) == 0 && (st.valid & ZIP_STAT_SIZE) &&
        st.size > max_bytes)
      too_large(name, max_bytes);
    zip_file_t* file = zip_fopen_index(zip_, static_cast<zip_uint64_t>(index), 0);
    if (!file) broken(origin_ + ":" + name, zip_error_strerror(zip_get_error(zip_)));
    std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> closer(file, zip_fclose);
    char buffer[1 << 16];
    std::size_t total = 0;
    for (;;) {
      const zip_int64_t n = zip_fread(file, buffer, sizeof buffer);
      if (n < 0) broken(origin_ + ":" + name, std::string("damaged: ") + zip_error_strerror(zip_file_get_error(file)));
      total += static_cast<std::size_t>(n);
      if (total > max_bytes) too_large(name, max_bytes);
      sink(buffer, static_cast<std::size_t>(n), n == 0);
      if (n == 0) break;
    }
  }

 private:
  [[noreturn]] void fail_with(zip_error_t& error) const {
    const bool not_zip = zip_error_code_zip(&error) == ZIP_ER_NOZIP;
    const std::string what = zip_error_strerror(&error);
    zip_error_fini(&error);
    broken(origin_, not_zip ? "not a zip archive" : "damaged zip archive: " + what);
  }
  [[noreturn]] void too_large(const std::string& name, std::size_t max_bytes) const {
    throw Error(ErrorCode::too_large, origin_ + ":" + name,
                "the part " + name + " inflates to more than " + std::to_string(max_bytes >> 20) +
                    " MiB, the limit for a survey workbook (文件解压后过大)");
  }

  std::string origin_;
  zip_t* zip_ = nullptr;
};

// An XML part parsed with expat, element by element. A DOCTYPE (and so any entity) is refused.
class XmlReader {
 public:
  using Start = std::function<void(std::string_view, const char**)>;
  using End = std::function<void(std::string_view)>;
  using Text = std::function<void(const char*, int)>;

  XmlReader(Start start, End end, Text text) : start_(std::move(start)), end_(std::move(end)), text_(std::move(text)) {}

  void parse(const Package& package, const std::string& origin, const std::string& part, std::size_t max_bytes) {
    std::unique_ptr<XML_ParserStruct, void (*)(XML_Parser)> parser(XML_ParserCreateNS(nullptr, '|'), XML_ParserFree);
    if (!parser) throw std::bad_alloc();
    XML_Parser p = parser.get();
    parser_ = p;
    XML_SetUserData(p, this);
    XML_SetElementHandler(
        p,
        [](void* self, const XML_Char* name, const XML_Char** attrs) {
          auto* r = static_cast<XmlReader*>(self);
          r->guard([&] { r->start_(local(name), attrs); });
        },
        [](void* self, const XML_Char* name) {
          auto* r = static_cast<XmlReader*>(self);
          r->guard([&] { r->end_(local(name)); });
        });
    XML_SetCharacterDataHandler(p, [](void* self, const XML_Char* s, int len) {
      auto* r = static_cast<XmlReader*>(self);
      r->guard([&] { r->text_(s, len); });
    });
    XML_SetStartDoctypeDeclHandler(
        p, [](void* self, const XML_Char*, const XML_Char*, const XML_Char*, int) {
          auto* r = static_cast<XmlReader*>(self);
          r->doctype_ = true;
          XML_StopParser(r->parser_, XML_FALSE);
        });
    package.read(part, max_bytes, [&](const char* data, std::size_t n, bool last) {
      if (XML_Parse(p, data, static_cast<int>(n), last) == XML_STATUS_OK) return;
      if (failure_) std::rethrow_exception(failure_);
      const std::string at = origin + ":" + part + ":" + std::to_string(XML_GetCurrentLineNumber(p)) + ":" +
                             std::to_string(XML_GetCurrentColumnNumber(p) + 1);
      if (doctype_) broken(at, "a document type declaration (DOCTYPE) is not allowed in a workbook");
      broken(at, std::string("malformed XML: ") + XML_ErrorString(XML_GetErrorCode(p)));
    });
  }

 private:
  // Callbacks run inside expat: an exception stops the parser and is rethrown outside.
  template <class F>
  void guard(F&& f) {
    if (failure_) return;
    try {
      f();
    } catch (...) {
      failure_ = std::current_exception();
      XML_StopParser(parser_, XML_FALSE);
    }
  }

  Start start_;
  End end_;
  Text text_;
  XML_Parser parser_ = nullptr;
  bool doctype_ = false;
  std::exception_ptr failure_;
};

// A part's path from a relationship target: relative to the folder of the part that names
// it, or absolute ("/xl/worksheets/sheet1.xml").
std::string resolve_target(const std::string& from_part, std::string target) {
  std::string path;
  if (!target.empty() && target.front() == '/') {
    path = target.substr(1);
  } else {
    const auto slash = from_part.find_last_of('/');
    path = (slash == std::string::npos ? std::string() : from_part.substr(0, slash + 1)) + target;
  }
  std::vector<std::string> parts;
  std::size_t i = 0;
  while (i <= path.size()) {
    const std::size_t j = std::min(path.find('/', i), path.size());
    const std::string seg = path.substr(i, j - i);
    if (seg == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!seg.empty() && seg != ".") {
      parts.push_back(seg);
    }
    i = j + 1;
  }
  std::string out;
  for (const auto& s : parts) out += (out.empty() ? "" : "/") + s;
  return out;
}

// The relationships of a part: Id → (Type, Target).
struct Relationship {
  std::string type, target;
};
std::map<std::string, Relationship> relationships(const Package& package, const std::string& origin,
                                                  const std::string& part) {
  const auto slash = part.find_last_of('/');
  const std::string rels = (slash == std::string::npos ? std::string() : part.substr(0, slash + 1)) + "_rels/" +
                           (slash == std::string::npos ? part : part.substr(slash + 1)) + ".rels";
  std::map<std::string, Relationship> out;
  if (!package.has(rels)) return out;
  XmlReader reader(
      [&](std::string_view name, const char** attrs) {
        if (name != "Relationship") return;
        const char* id = attribute(attrs, "Id");
        const char* type = attribute(attrs, "Type");
        const char* target = attribute(attrs, "Target");
        const char* mode = attribute(attrs, "TargetMode");
        if (id && type && target && !(mode && std::string_view(mode) == "External"))
          out[id] = Relationship{type, resolve_target(part, target)};
      },
      [](std::string_view) {}, [](const char*, int) {});
  reader.parse(package, origin, rels, kMaxSmallPart);
  return out;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// OOXML writes characters XML cannot hold as _xHHHH_ (Excel: _x000D_ for a carriage return,
// _x005F_ for a literal "_x"); UTF-16 code units, so a pair may make one character.
std::string decode_escapes(const std::string& s) {
  if (s.find("_x") == std::string::npos) return s;
  auto hex4 = [&](std::size_t i) -> int {
    if (i + 7 > s.size() || s[i] != '_' || s[i + 1] != 'x' || s[i + 6] != '_') return -1;
    int v = 0;
    for (std::size_t k = i + 2; k < i + 6; ++k) {
      const char c = s[k];
      const int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
      if (d < 0) return -1;
      v = v * 16 + d;
    }
    return v;
  };
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    int u = hex4(i);
    std::uint32_t cp = 0;
    std::size_t used = 7;
    if (u >= 0xD800 && u <= 0xDBFF) {
      const int low = hex4(i + 7);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        cp = 0x10000 + ((static_cast<std::uint32_t>(u) - 0xD800) << 10) + (static_cast<std::uint32_t>(low) - 0xDC00);
        used = 14;
      } else {
        u = -1;  // a lone surrogate is left as written
      }
    } else if (u >= 0xDC00 && u <= 0xDFFF) {
      u = -1;
    } else if (u >= 0) {
      cp = static_cast<std::uint32_t>(u);
    }
    if (u < 0) {
      out += s[i++];
      continue;
    }
    detail::append_utf8(out, static_cast<char32_t>(cp));
    i += used;
  }
  return out;
}

// Whether a number format shows a date: the built-in date formats (14–22, and the East Asian
// ones 27–36, 50–58 that Chinese Excel and WPS use), or a custom code with y or d (or m
// without hours and seconds) outside quotes, brackets and escapes.
bool is_date_format(int id, const std::string& code) {
  if ((id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58))
    return true;
  if (code.empty()) return false;
  bool y = false, m = false, d = false, hs = false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (c == '"') {
      i = code.find('"', i + 1);
      if (i == std::string::npos) break;
    } else if (c == '[') {
      i = code.find(']', i + 1);
      if (i == std::string::npos) break;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;
    } else {
      const char l = static_cast<char>(c | 0x20);
      y = y || l == 'y' || l == 'e';
      m = m || l == 'm';
      d = d || l == 'd';
      hs = hs || l == 'h' || l == 's';
    }
  }
  return y || d || (m && !hs);
}

// A day from an Excel serial number: the 1900 system counts 1900-02-29, which never was (so
// serials from 61 count from 1899-12-30); the 1904 system counts from 1904-01-01.
std::optional<Date> serial_date(double serial, bool date1904) {
  if (!(serial >= 1 && serial < 2958466)) return std::nullopt;  // up to 9999-12-31
  const long whole = static_cast<long>(std::floor(serial));
  if (date1904) return Date::from_ymd(1904, 1, 1).plus_days(whole);
  if (whole == 60) return std::nullopt;  // 1900-02-29
  return Date::from_ymd(1899, 12, whole < 60 ? 31 : 30).plus_days(whole);
}

// A cell reference ("B7"): 0-based column, 1-based row; false when it is not one.
bool parse_reference(std::string_view ref, std::size_t& column, long& row) {
  std::size_t i = 0, col = 0;
  while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z' && i < 3) col = col * 26 + static_cast<std::size_t>(ref[i++] - 'A' + 1);
  if (i == 0 || i == ref.size() || col > 16384) return false;
  long r = 0;
  for (; i < ref.size(); ++i) {
    if (ref[i] < '0' || ref[i] > '9' || r > 1048576) return false;
    r = r * 10 + (ref[i] - '0');
  }
  if (r < 1 || r > 1048576) return false;
  column = col - 1;
  row = r;
  return true;
}

// The workbook's first sheet, as the cells it shows.
class SheetReader {
 public:
  SheetReader(std::string_view bytes, std::string origin) : package_(bytes, origin), origin_(std::move(origin)) {}

  detail::SurveyTable read() {
    // _rels/.rels → the workbook; its relationships → the first sheet, shared strings, styles.
    std::string workbook = "xl/workbook.xml";
    for (const auto& [id, rel] : relationships(package_, origin_, ""))
      if (ends_with(rel.type, "/officeDocument")) workbook = rel.target;
    if (!package_.has(workbook)) {
      if (package_.has("word/document.xml") || package_.has("ppt/presentation.xml"))
        broken(origin_, "it is a Word or PowerPoint file, not a workbook");
      if (package_.has("content.xml")) broken(origin_, "it is an OpenDocument (.ods) file, not an XLSX workbook");
      broken(origin_, "the part " + workbook + " is missing");
    }
    std::string sheet_id, sheet_name;
    XmlReader wb(
        [&](std::string_view name, const char** attrs) {
          if (name == "workbookPr") {
            const char* v = attribute(attrs, "date1904");
            date1904_ = v && (std::string_view(v) == "1" || std::string_view(v) == "true");
          } else if (name == "sheet" && sheet_id.empty()) {
            const char* id = attribute(attrs, "id");  // r:id
            const char* n = attribute(attrs, "name");
            if (id) sheet_id = id;
            if (n) sheet_name = n;
          }
        },
        [](std::string_view) {}, [](const char*, int) {});
    wb.parse(package_, origin_, workbook, kMaxSmallPart);
    const auto rels = relationships(package_, origin_, workbook);
    std::string sheet, strings, styles;
    for (const auto& [id, rel] : rels) {
      if (id == sheet_id) sheet = rel.target;
      if (ends_with(rel.type, "/sharedStrings")) strings = rel.target;
      if (ends_with(rel.type, "/styles")) styles = rel.target;
    }
    if (sheet_id.empty()) broken(origin_ + ":" + workbook, "the workbook lists no sheet");
    if (sheet.empty()) broken(origin_ + ":" + workbook, "the first sheet (" + sheet_name + ") has no part");
    if (!strings.empty() && package_.has(strings)) read_shared_strings(strings);
    if (!styles.empty() && package_.has(styles)) read_styles(styles);
    read_sheet(sheet);
    return table();
  }

 private:
  void read_shared_strings(const std::string& part) {
    bool in_si = false, in_t = false;
    int phonetic = 0;
    std::string current;
    XmlReader reader(
        [&](std::string_view name, const char**) {
          if (name == "si") {
            in_si = true;
            current.clear();
          } else if (name == "rPh") {
            ++phonetic;  // a reading guide (ふりがな, pinyin) is not the cell's text
          } else if (name == "t" && in_si && !phonetic) {
            in_t = true;
          }
        },
        [&](std::string_view name) {
          if (name == "t") {
            in_t = false;
          } else if (name == "rPh") {
            --phonetic;
          } else if (name == "si") {
            in_si = false;
            if (strings_.size() >= kMaxSharedStrings)
              throw Error(ErrorCode::too_large, origin_ + ":" + part,
                          "more than 1,000,000 shared strings (共享字符串过多)");
            strings_.push_back(decode_escapes(current));
          }
        },
        [&](const char* s, int n) {
          if (in_t) current.append(s, static_cast<std::size_t>(n));
        });
    reader.parse(package_, origin_, part, kMaxBigPart);
  }

  void read_styles(const std::string& part) {
    std::map<int, std::string> codes;
    bool in_xfs = false;
    XmlReader reader(
        [&](std::string_view name, const char** attrs) {
          if (name == "numFmt") {
            const char* id = attribute(attrs, "numFmtId");
            const char* code = attribute(attrs, "formatCode");
            if (id && code) codes[std::atoi(id)] = code;
          } else if (name == "cellXfs") {
            in_xfs = true;
          } else if (name == "xf" && in_xfs) {
            const char* id = attribute(attrs, "numFmtId");
            const int n = id ? std::atoi(id) : 0;
            const auto it = codes.find(n);
            date_styles_.push_back(is_date_format(n, it == codes.end() ? std::string() : it->second));
          }
        },
        [&](std::string_view name) {
          if (name == "cellXfs") in_xfs = false;
        },
        [](const char*, int) {});
    reader.parse(package_, origin_, part, kMaxSmallPart);
  }

  std::string ref(std::size_t column, long row) const {
    return origin_ + ":" + detail::column_letters(column) + std::to_string(row);
  }

  void read_sheet(const std::string& part) {
    // The cell being read.
    long row = 0;
    std::size_t column = 0;
    bool in_cell = false, in_v = false, in_is = false, in_t = false, has_v = false, has_f = false;
    int phonetic = 0;
    std::string type, value, inline_text;
    int style = 0;
    XmlReader reader(
        [&](std::string_view name, const char** attrs) {
          if (name == "row") {
            const char* r = attribute(attrs, "r");
            const long next = r ? std::atol(r) : row + 1;
            if (next < 1 || next > 1048576 || next <= row)
              broken(origin_ + ":" + part, "row number " + std::string(r ? r : "?") + " out of order");
            row = next;
            column = 0;
            column_seen_ = false;
          } else if (name == "c") {
            const char* r = attribute(attrs, "r");
            std::size_t c = column_seen_ ? column + 1 : 0;
            long rr = row;
            if (r && !parse_reference(r, c, rr)) broken(origin_ + ":" + part, "bad cell reference \"" + std::string(r) + "\"");
            if (rr != row) broken(origin_ + ":" + part, "cell " + std::string(r) + " outside its row " + std::to_string(row));
            column = c;
            column_seen_ = true;
            const char* t = attribute(attrs, "t");
            const char* s = attribute(attrs, "s");
            type = t ? t : "n";
            style = s ? std::atoi(s) : 0;
            in_cell = true;
            has_v = has_f = false;
            value.clear();
            inline_text.clear();
          } else if (in_cell && name == "v") {
            in_v = has_v = true;
          } else if (in_cell && name == "f") {
            has_f = true;
          } else if (in_cell && name == "is") {
            in_is = true;
          } else if (in_is && name == "rPh") {
            ++phonetic;
          } else if (in_is && name == "t" && !phonetic) {
            in_t = true;
          } else if (name == "mergeCell") {
            if (const char* r = attribute(attrs, "ref")) merges_.emplace_back(r);
          }
        },
        [&](std::string_view name) {
          if (name == "v") {
            in_v = false;
          } else if (name == "t") {
            in_t = false;
          } else if (name == "rPh") {
            --phonetic;
          } else if (name == "is") {
            in_is = false;
          } else if (name == "c" && in_cell) {
            in_cell = false;
            store(row, column, cell_text(type, value, inline_text, style, has_v, has_f, column, row));
          }
        },
        [&](const char* s, int n) {
          if (in_v) value.append(s, static_cast<std::size_t>(n));
          else if (in_t) inline_text.append(s, static_cast<std::size_t>(n));
        });
    reader.parse(package_, origin_, part, kMaxBigPart);
  }

  std::string cell_text(const std::string& type, const std::string& v, const std::string& inline_text, int style,
                        bool has_v, bool has_f, std::size_t column, long row) {
    if (type == "inlineStr") return decode_escapes(inline_text);
    if (!has_v) {
      if (has_f)
        throw Error(ErrorCode::invalid_value, ref(column, row),
                    "a formula without a computed value: open the file in Excel or WPS and save it again "
                    "(公式没有计算结果，请在 Excel 或 WPS 中打开后重新保存)");
      return {};
    }
    if (type == "s") {
      char* end = nullptr;
      const unsigned long i = std::strtoul(v.c_str(), &end, 10);
      if (v.empty() || *end || i >= strings_.size())
        broken(ref(column, row), "shared string " + v + " does not exist");
      return strings_[i];
    }
    if (type == "str") return decode_escapes(v);
    if (type == "b") return v == "1" ? "TRUE" : "FALSE";
    if (type == "e")
      throw Error(ErrorCode::invalid_value, ref(column, row),
                  "the cell holds the formula error " + v + " (单元格是公式错误值)");
    if (type == "d") return v.substr(0, v.find('T'));  // ISO 8601: the day
    // A number: a date when its style says so, else as Excel shows it (15 significant digits).
    char* end = nullptr;
    const double x = std::strtod(v.c_str(), &end);
    if (v.empty() || *end || !std::isfinite(x)) broken(ref(column, row), "\"" + v + "\" is not a number");
    if (style >= 0 && static_cast<std::size_t>(style) < date_styles_.size() && date_styles_[static_cast<std::size_t>(style)])
      if (auto d = serial_date(x, date1904_)) return d->to_string();
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.15g", x);
    return buf;
  }

  void store(long row, std::size_t column, std::string text) {
    if (text.empty()) return;
    if (column >= kMaxColumns)
      throw Error(ErrorCode::invalid_value, ref(column, row),
                  "a cell beyond column Z: 附件2 has six columns and is read from columns A–Z "
                  "(附件2 只有六列，请删除 Z 列以后的内容)");
    auto& cells = rows_[row];
    if (cells.empty() && rows_.size() > kMaxRows)
      throw Error(ErrorCode::too_large, ref(column, row), "more than 50,000 rows with content (行数过多)");
    if (cells.size() <= column) cells.resize(column + 1);
    add_text(text.size(), row, column);
    cells[column] = std::move(text);
  }

  void add_text(std::size_t n, long row, std::size_t column) {
    text_bytes_ += n;
    if (text_bytes_ > kMaxTextBytes)
      throw Error(ErrorCode::too_large, ref(column, row), "the cells hold more than 64 MiB of text (内容过多)");
  }

  // The rows as the reader's table. A cell merged down over several rows of the table body
  // (实施单位 or 主管部门 shared by consecutive certificates) shows its value on each of them,
  // so each row gets it; merges across one row keep their value in the first cell.
  detail::SurveyTable table() {
    long header = 0;
    for (const auto& [r, cells] : rows_) {
      for (const auto& c : cells)
        if (detail::clean_cell(c) == "证明事项名称" || detail::clean_cell(c) == "证明名称") header = r;
      if (header) break;
    }
    for (const auto& m : merges_) {
      const auto colon = m.find(':');
      std::size_t c1 = 0, c2 = 0;
      long r1 = 0, r2 = 0;
      if (colon == std::string::npos || !parse_reference(std::string_view(m).substr(0, colon), c1, r1) ||
          !parse_reference(std::string_view(m).substr(colon + 1), c2, r2))
        broken(origin_, "bad merged range \"" + m + "\"");
      if (r2 <= r1 || !header || r1 <= header || c1 >= kMaxColumns) continue;
      const auto top = rows_.find(r1);
      if (top == rows_.end() || top->second.size() <= c1 || top->second[c1].empty()) continue;
      const std::string text = top->second[c1];
      for (long r = r1 + 1; r <= r2; ++r) {
        auto& cells = rows_[r];
        if (rows_.size() > kMaxRows) throw Error(ErrorCode::too_large, ref(c1, r), "more than 50,000 rows with content (行数过多)");
        if (cells.size() <= c1) cells.resize(c1 + 1);
        if (!cells[c1].empty()) continue;
        add_text(text.size(), r, c1);
        cells[c1] = text;
      }
    }
    detail::SurveyTable t;
    t.origin = origin_;
    t.charset = "xlsx";
    t.cell_references = true;
    t.complete_rows = false;
    long previous = 0;
    for (auto& [r, cells] : rows_) {
      if (previous && r > previous + 1) {  // rows left empty are a blank row
        detail::CsvRow blank;
        blank.line = static_cast<int>(previous + 1);
        t.rows.push_back(std::move(blank));
      }
      detail::CsvRow row;
      row.line = static_cast<int>(r);
      for (std::size_t c = 0; c < cells.size(); ++c) row.columns.push_back(static_cast<int>(c + 1));
      row.cells = std::move(cells);
      t.rows.push_back(std::move(row));
      previous = r;
    }
    return t;
  }

  Package package_;
  std::string origin_;
  bool date1904_ = false;
  bool column_seen_ = false;
  std::vector<std::string> strings_;
  std::vector<bool> date_styles_;
  std::vector<std::string> merges_;
  std::map<long, std::vector<std::string>> rows_;
  std::size_t text_bytes_ = 0;
};

}  // namespace

SurveyReturn parse_survey_xlsx(std::string_view bytes, std::string_view origin) {
  SheetReader reader(bytes, std::string(origin));
  return detail::survey_from_table(reader.read());
}

}  // namespace jianzheng

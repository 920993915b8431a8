#include "text/charset.hpp"

#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/ustring.h>

#include <memory>

#include "jianzheng/error.hpp"
#include "text/position.hpp"
#include "text/text.hpp"
#include "text/utf8.hpp"

namespace jianzheng::detail {

namespace {

struct ConverterCloser {
  void operator()(UConverter* c) const noexcept { ucnv_close(c); }
};
using Converter = std::unique_ptr<UConverter, ConverterCloser>;

// A GB18030 converter that stops at the first byte sequence it cannot map, instead of
// putting U+FFFD in its place: a file that is not GB18030 must fail, not turn into mojibake.
Converter open_strict(const char* name) {
  UErrorCode status = U_ZERO_ERROR;
  Converter conv(ucnv_open(name, &status));
  if (U_FAILURE(status) || !conv)
    throw Error(ErrorCode::invalid_argument, name, "ICU has no converter for this charset");
  ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  ucnv_setFromUCallBack(conv.get(), UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr,
                        &status);
  return conv;
}

// GB18030 → UTF-8 through UTF-16, stopping at the first unmappable sequence. Returns false
// and sets `bad` to the byte offset of that sequence.
bool gb18030_to_utf8(std::string_view in, std::string& out, std::size_t& bad) {
  Converter conv = open_strict("GB18030");
  // Each GB18030 byte yields at most one UTF-16 unit (a 4-byte sequence yields at most two).
  std::u16string wide(in.size() + 1, u'\0');
  UChar* target = reinterpret_cast<UChar*>(wide.data());
  const char* source = in.data();
  UErrorCode status = U_ZERO_ERROR;
  ucnv_toUnicode(conv.get(), &target, target + wide.size(), &source, in.data() + in.size(),
                 nullptr, true, &status);
  if (U_FAILURE(status)) {
    // With the stop callback, `source` points just past the offending bytes.
    bad = static_cast<std::size_t>(source - in.data());
    char invalid[8];
    int8_t len = sizeof invalid;
    UErrorCode s2 = U_ZERO_ERROR;
    ucnv_getInvalidChars(conv.get(), invalid, &len, &s2);
    if (U_SUCCESS(s2) && len > 0 && static_cast<std::size_t>(len) <= bad)
      bad -= static_cast<std::size_t>(len);
    return false;
  }
  const auto units = static_cast<int32_t>(target - reinterpret_cast<UChar*>(wide.data()));
  int32_t needed = 0;
  status = U_ZERO_ERROR;
  u_strToUTF8(nullptr, 0, &needed, reinterpret_cast<const UChar*>(wide.data()), units, &status);
  out.assign(static_cast<std::size_t>(needed), '\0');
  status = U_ZERO_ERROR;
  u_strToUTF8(out.data(), needed, &needed, reinterpret_cast<const UChar*>(wide.data()), units,
              &status);
  return U_SUCCESS(status);
}

}  // namespace

const char* to_string(Charset c) noexcept {
  switch (c) {
    case Charset::utf8: return "utf-8";
    case Charset::utf8_bom: return "utf-8-bom";
    case Charset::gb18030: return "gb18030";
  }
  return "unknown";
}

Decoded decode_to_utf8(std::string_view bytes, std::string_view origin) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    bytes.remove_prefix(3);
    if (auto bad = find_invalid_utf8(bytes); bad != std::string_view::npos)
      throw Error(ErrorCode::invalid_utf8, text_location(origin, bytes, bad),
                  "file starts with a UTF-8 byte-order mark but is not valid UTF-8 "
                  "(文件带 UTF-8 标记但内容不是有效的 UTF-8)");
    return {std::string(bytes), Charset::utf8_bom};
  }
  if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF")
    throw Error(ErrorCode::invalid_utf8, text_location(origin, 1, 1),
                "UTF-16 text (\"Unicode text\"); save the table as CSV in UTF-8 or GB18030 "
                "(请另存为 UTF-8 或 GB18030 编码的 CSV)");
  const std::size_t bad_utf8 = find_invalid_utf8(bytes);
  if (bad_utf8 == std::string_view::npos) return {std::string(bytes), Charset::utf8};
  Decoded d;
  d.charset = Charset::gb18030;
  std::size_t bad_gb = 0;
  if (!gb18030_to_utf8(bytes, d.utf8, bad_gb)) {
    // Point where the likelier encoding — the one that read further — breaks: a UTF-8 file
    // with one stray byte fails as GB18030 early, on its first Chinese character.
    const bool utf8_further = bad_utf8 >= bad_gb;
    throw Error(ErrorCode::invalid_utf8, text_location(origin, bytes, utf8_further ? bad_utf8 : bad_gb),
                std::string("text is neither UTF-8 nor GB18030; it reads as ") +
                    (utf8_further ? "UTF-8" : "GB18030") +
                    " up to here (文件编码既不是 UTF-8 也不是 GB18030)");
  }
  return d;
}

std::string utf8_to_gb18030(std::string_view utf8) {
  if (find_invalid_utf8(utf8) != std::string_view::npos)
    throw Error(ErrorCode::invalid_utf8, "<text>", "text is not valid UTF-8");
  UErrorCode status = U_ZERO_ERROR;
  int32_t units = 0;
  u_strFromUTF8(nullptr, 0, &units, utf8.data(), static_cast<int32_t>(utf8.size()), &status);
  std::u16string wide(static_cast<std::size_t>(units), u'\0');
  status = U_ZERO_ERROR;
  u_strFromUTF8(reinterpret_cast<UChar*>(wide.data()), units, &units, utf8.data(),
                static_cast<int32_t>(utf8.size()), &status);
  Converter conv = open_strict("GB18030");
  // GB18030 encodes every code point, in at most 4 bytes per UTF-16 unit.
  std::string out(wide.size() * 4 + 4, '\0');
  status = U_ZERO_ERROR;
  const int32_t n = ucnv_fromUChars(conv.get(), out.data(), static_cast<int32_t>(out.size()),
                                    reinterpret_cast<const UChar*>(wide.data()), units, &status);
  if (U_FAILURE(status)) throw Error(ErrorCode::invalid_utf8, "<text>", "cannot convert to GB18030");
  out.resize(static_cast<std::size_t>(n));
  return out;
}

std::string ascii_slug(std::string_view utf8, std::size_t max_length) {
  // The names helper's build-time pinyin table: no transliterator at run time.
  std::string out;
  auto add_run = [&](std::string_view run) {
    if (run.empty()) return;
    if (!out.empty() && out.back() != '-') out += '-';
    out += run;
  };
  std::string ascii;
  for (char32_t c : fold(utf8).text) {
    if ((c >= U'a' && c <= U'z') || (c >= U'0' && c <= U'9')) {
      ascii += static_cast<char>(c);
      continue;
    }
    add_run(ascii);
    ascii.clear();
    if (is_han(c)) add_run(pinyin_syllable(c));
  }
  add_run(ascii);
  if (out.size() > max_length) {
    out.resize(max_length);
    const auto cut = out.rfind('-');
    if (cut != std::string::npos && cut > 0) out.resize(cut);
  }
  return out;
}

}  // namespace jianzheng::detail

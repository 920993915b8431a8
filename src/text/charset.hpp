// Private: the character sets county offices' files arrive in. Spreadsheet programs in a
// Chinese locale export CSV as UTF-8 (with or without a byte-order mark) or as GB18030/GBK
// (the "ANSI" code page 936); everything inside the library is UTF-8. ICU's converters
// (ucnv) do the GB18030 work; ICU stays under src/text/.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace jianzheng::detail {

/// The encoding a file was found in.
enum class Charset {
  utf8,      ///< UTF-8 without a byte-order mark (plain ASCII counts as this).
  utf8_bom,  ///< UTF-8 with the byte-order mark EF BB BF.
  gb18030,   ///< GB18030 (a superset of GBK and GB2312).
};

/// "utf-8", "utf-8-bom" or "gb18030".
const char* to_string(Charset c) noexcept;

/// Text decoded to UTF-8, with the encoding it was in.
struct Decoded {
  std::string utf8;  ///< The text in UTF-8, without a byte-order mark.
  Charset charset = Charset::utf8;  ///< What the bytes were.
};

/// Detects UTF-8 (with or without BOM) or GB18030 and converts to UTF-8. Valid UTF-8 wins:
/// real GB18030 Chinese text is almost never valid UTF-8. Throws Error(invalid_utf8) at
/// "origin:line:column" when the bytes are neither, and for UTF-16 files (a UTF-16 BOM),
/// which must be saved again as CSV.
Decoded decode_to_utf8(std::string_view bytes, std::string_view origin = "<text>");

/// Converts UTF-8 to GB18030 (for offices whose spreadsheet program wants code page 936).
/// Throws Error(invalid_utf8) when `utf8` is not valid UTF-8.
std::string utf8_to_gb18030(std::string_view utf8);

/// An ASCII id fragment for Chinese text: the folded text's toneless pinyin (ü as v), one
/// syllable per Han character, syllables and ASCII runs joined by "-" (居住证明 →
/// "ju-zhu-zheng-ming"), at most `max_length` bytes, cut at a "-". Used for ids of county
/// items that have none (ids stay ASCII, docs/design.md §3). Throws Error(invalid_utf8).
std::string ascii_slug(std::string_view utf8, std::size_t max_length = 48);

}  // namespace jianzheng::detail

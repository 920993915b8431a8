// The compiled-in default data: every JSON file under data/, embedded at build time by
// cmake/embed_data.cmake. data/ is the single source of truth; nothing is copied by hand.
#pragma once
#include <string_view>
#include <vector>

namespace jianzheng::detail {

struct EmbeddedFile {
  std::string_view path;     // relative to data/, e.g. "catalog/national-batch1.json"
  std::string_view content;  // the file's bytes (UTF-8 JSON)
};

/// All embedded files, sorted by path.
const std::vector<EmbeddedFile>& embedded_files();

/// The content of one embedded file; throws Error(io_error) when there is none.
std::string_view embedded_file(std::string_view path);

}  // namespace jianzheng::detail

#include "embedded_data.hpp"

#include <string>

#include "jianzheng/error.hpp"

namespace jianzheng::detail {

std::string_view embedded_file(std::string_view path) {
  for (const auto& f : embedded_files()) {
    if (f.path == path) return f.content;
  }
  throw Error(ErrorCode::io_error, "embedded:" + std::string(path),
              "no embedded data file named " + std::string(path));
}

}  // namespace jianzheng::detail

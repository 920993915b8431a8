#include "file_io.hpp"

#include <fstream>
#include <iterator>

#include "jianzheng/error.hpp"

namespace jianzheng::detail {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::io_error, path, "cannot open file " + path + " (无法打开文件)");
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace jianzheng::detail

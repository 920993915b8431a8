// Private: reading a whole file for the loaders (catalogs, calendars, programmes, guides,
// complaints, survey returns). One place gives every loader the same io_error.
#pragma once
#include <string>

namespace jianzheng::detail {

/// The file's bytes; throws Error(io_error) naming the path when it cannot be opened.
std::string read_file(const std::string& path);

}  // namespace jianzheng::detail

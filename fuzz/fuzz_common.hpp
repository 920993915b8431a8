// Shared by the fuzz targets: checks on what the library hands back.
#pragma once
#include <cstdlib>
#include <string_view>

#include <boost/json.hpp>

namespace jianzheng_fuzz {

/// Aborts (a finding) unless `text` is exactly one JSON value, in valid UTF-8.
inline void expect_one_json_value(std::string_view text) {
  boost::system::error_code ec;
  boost::json::parse(text, ec);
  if (ec) std::abort();
}

}  // namespace jianzheng_fuzz

// Private: SHA-256 through OpenSSL's libcrypto (EVP), a maintained implementation, for the
// catalog hash in every decision's receipt. Computed once per composed catalog.
#pragma once
#include <string>
#include <string_view>

namespace jianzheng::detail {

/// SHA-256 of `data`, as 64 lower-case hex digits. A libcrypto failure (out of memory)
/// throws std::runtime_error.
std::string sha256_hex(std::string_view data);

}  // namespace jianzheng::detail

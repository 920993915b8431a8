// The files compiled into the service: everything under web/ (served under /, web/index.html
// at /) and the service's own documents (openapi.json, with docs/schemas inlined). Both are
// generated at build time by cmake/embed_data.cmake, like the library's data/.
#pragma once
#include <string_view>
#include <vector>

#include "embedded_data.hpp"

namespace jianzheng::service {

using detail::EmbeddedFile;

/// Every file under web/, sorted by path relative to web/ (e.g. "index.html").
const std::vector<EmbeddedFile>& web_files();
/// The service's documents: "openapi.json".
const std::vector<EmbeddedFile>& document_files();

}  // namespace jianzheng::service

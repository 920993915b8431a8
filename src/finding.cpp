#include "jianzheng/finding.hpp"

namespace jianzheng {

const char* to_string(Severity s) noexcept {
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "info";
  }
  return "unknown";
}

}  // namespace jianzheng

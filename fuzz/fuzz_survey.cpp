// Fuzzes county survey tables (附件2, docs/county.md): the bytes as a CSV file in any
// encoding (UTF-8 with or without BOM, GB18030, or neither) and as survey JSON. What loads
// is validated against the embedded catalog and written back out.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "jianzheng/catalog.hpp"
#include "jianzheng/error.hpp"
#include "jianzheng/survey.hpp"

namespace {

void use(const jianzheng::SurveyReturn& s) {
  static const jianzheng::Catalog catalog = jianzheng::Catalog::embedded_default();
  (void)to_json(jianzheng::validate_survey(s, catalog));
  (void)to_json(s);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  try {
    use(jianzheng::parse_survey_csv(bytes, "<fuzz>.csv"));
  } catch (const jianzheng::Error&) {
  }
  try {
    use(jianzheng::parse_survey_json(bytes, "<fuzz>.json"));
  } catch (const jianzheng::Error&) {
  }
  return 0;
}

// The purpose vocabulary file (data/purpose/vocabulary.json, docs/purpose.md): strict like
// every data file — unknown keys, empty words and a foreign format are errors with the JSON
// pointer and line:column — and all-or-nothing.
#include "jianzheng/error.hpp"
#include "jianzheng/purpose.hpp"
#include "json/json_io.hpp"

namespace jianzheng {
namespace {

constexpr std::string_view kFormat = "jianzheng-purpose-vocabulary/1";

std::vector<std::string> words(const detail::Node& n, std::string_view key) {
  std::vector<std::string> out;
  if (auto v = n.get(key))
    for (const auto& e : v->elements()) out.push_back(e.nonempty_string());
  return out;
}

}  // namespace

PurposeVocabulary parse_purpose_vocabulary(std::string_view json_text, std::string_view origin) {
  detail::Document doc(json_text, std::string(origin));
  const detail::Node root = doc.root();
  if (!root.is_object()) root.fail(ErrorCode::wrong_type, "a purpose vocabulary is a JSON object");
  root.only_keys({"format", "note", "negation", "doubt", "question", "contrast", "community"});
  const detail::Node fmt = root.at("format");
  if (fmt.string() != kFormat)
    fmt.fail(ErrorCode::unsupported_format,
             "this is \"" + fmt.string() + "\"; this version reads \"" + std::string(kFormat) + "\"");
  PurposeVocabulary v;
  if (auto n = root.get("negation")) {
    n->only_keys({"before", "adjacent", "after", "reset"});
    v.negation_before = words(*n, "before");
    v.negation_adjacent = words(*n, "adjacent");
    v.negation_after = words(*n, "after");
    v.negation_reset = words(*n, "reset");
  }
  v.doubt = words(root, "doubt");
  v.question = words(root, "question");
  v.contrast = words(root, "contrast");
  v.community = words(root, "community");
  return v;
}

}  // namespace jianzheng

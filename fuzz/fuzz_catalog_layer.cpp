// Fuzzes catalog layers (docs/data-formats.md): the bytes as a layer stacked on the embedded
// national batch. A layer either loads whole — and then composes, builds an engine and
// answers a request on every date it changes — or throws jianzheng::Error; nothing else.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "jianzheng/catalog.hpp"
#include "jianzheng/engine.hpp"
#include "jianzheng/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::vector<jianzheng::CatalogLayer> below = jianzheng::default_layers();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    std::vector<jianzheng::CatalogLayer> layers = below;
    layers.push_back(jianzheng::parse_catalog_layer(text, "<fuzz>", below));
    const jianzheng::Engine engine(layers);
    const jianzheng::Catalog& first = engine.catalog(jianzheng::Date::from_days(0));
    jianzheng::Request r;
    r.text = "单身证明";
    for (const jianzheng::Date& d : first.breakpoints()) {
      r.date = d;
      (void)to_json(engine.decide(r));
    }
    (void)to_json(layers.back());
    (void)check(first);
  } catch (const jianzheng::Error&) {
  }
  return 0;
}

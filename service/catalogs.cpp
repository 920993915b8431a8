#include "catalogs.hpp"

#include <ctime>

#include "embedded_data.hpp"
#include "jianzheng/catalog.hpp"
#include "jianzheng/version.hpp"
#include "metrics.hpp"

namespace jianzheng::service {
namespace {

// The example county list and its guides, compiled into the library (data/examples/).
constexpr const char* kExampleCatalog = "examples/county-list-example.json";
constexpr const char* kExampleGuides = "examples/guides-example.json";

std::int64_t unix_now() { return static_cast<std::int64_t>(std::time(nullptr)); }

}  // namespace

CatalogHolder::CatalogHolder(CatalogSources sources) : sources_(std::move(sources)) {
  if (sources_.example && !sources_.catalog_files.empty())
    throw Error(ErrorCode::invalid_argument, "--example", "--example and --catalog do not combine (不能同时使用)");
  current_ = load(1);
}

std::shared_ptr<const Catalogs> CatalogHolder::load(std::uint64_t generation) const {
  std::vector<CatalogLayer> layers;
  GuideSet guides;
  if (sources_.example) {
    layers = default_layers();
    layers.push_back(parse_catalog_layer(detail::embedded_file(kExampleCatalog),
                                         std::string("embedded:") + kExampleCatalog, layers));
    guides = parse_guides(detail::embedded_file(kExampleGuides), std::string("embedded:") + kExampleGuides);
  } else if (!sources_.catalog_files.empty()) {
    layers = load_catalog_layers(sources_.catalog_files);
  }
  if (!sources_.guides_file.empty()) guides = load_guides(sources_.guides_file);
  auto made = std::make_shared<Catalogs>(Catalogs{
      layers.empty() ? Engine() : Engine(layers), std::move(guides), generation, unix_now()});
  return made;
}

std::optional<Error> CatalogHolder::reload() {
  std::lock_guard<std::mutex> lock(reload_mutex_);
  status_.last_at = unix_now();
  try {
    auto next = load(current()->generation + 1);
    std::atomic_store(&current_, std::shared_ptr<const Catalogs>(std::move(next)));
    ++status_.ok;
    status_.last_ok = true;
    status_.last_error.reset();
    return std::nullopt;
  } catch (const Error& e) {
    ++status_.failed;
    status_.last_ok = false;
    status_.last_error = e;
    return e;
  } catch (const std::exception& e) {
    const Error wrapped(ErrorCode::io_error, "reload", e.what());
    ++status_.failed;
    status_.last_ok = false;
    status_.last_error = wrapped;
    return wrapped;
  }
}

ReloadStatus CatalogHolder::status() const {
  std::lock_guard<std::mutex> lock(reload_mutex_);
  return status_;
}

std::string CatalogHolder::metrics() const {
  const auto c = current();
  const ReloadStatus s = status();
  const Catalog& today = c->engine.catalog();
  std::string out;
  out += "# HELP jianzheng_catalog_info The catalog in force today: id, SHA-256, engine version, generation.\n"
         "# TYPE jianzheng_catalog_info gauge\n"
         "jianzheng_catalog_info{catalog=" + label_value(today.id()) +
         ",sha256=" + label_value(c->engine.catalog_sha256()) +
         ",engine=" + label_value(version()) +
         ",generation=\"" + std::to_string(c->generation) + "\"} 1\n";
  out += "# HELP jianzheng_catalog_items Items of the catalog in force today.\n"
         "# TYPE jianzheng_catalog_items gauge\n"
         "jianzheng_catalog_items " + std::to_string(today.items().size()) + "\n";
  out += "# HELP jianzheng_catalog_loaded_timestamp_seconds When the catalog serving now was loaded.\n"
         "# TYPE jianzheng_catalog_loaded_timestamp_seconds gauge\n"
         "jianzheng_catalog_loaded_timestamp_seconds " + std::to_string(c->loaded_at) + "\n";
  out += "# HELP jianzheng_catalog_reloads_total Catalog reloads (SIGHUP, /v1/admin/reload), by result.\n"
         "# TYPE jianzheng_catalog_reloads_total counter\n"
         "jianzheng_catalog_reloads_total{result=\"ok\"} " + std::to_string(s.ok) + "\n"
         "jianzheng_catalog_reloads_total{result=\"error\"} " + std::to_string(s.failed) + "\n";
  out += "# HELP jianzheng_catalog_last_reload_success 1 when the last reload succeeded (or none was tried), 0 when it failed and the previous catalog is still serving.\n"
         "# TYPE jianzheng_catalog_last_reload_success gauge\n"
         "jianzheng_catalog_last_reload_success " + std::string(s.last_ok ? "1" : "0") + "\n";
  if (s.last_error) {
    out += "# HELP jianzheng_catalog_last_reload_error_info Why the last reload failed.\n"
           "# TYPE jianzheng_catalog_last_reload_error_info gauge\n"
           "jianzheng_catalog_last_reload_error_info{code=" + label_value(to_string(s.last_error->code())) +
           ",where=" + label_value(s.last_error->where()) +
           ",message=" + label_value(s.last_error->message()) + "} 1\n";
  }
  return out;
}

}  // namespace jianzheng::service

// Private: JSON of the catalog's parts (items, routes, legal bases, settings), shared by
// the catalog loader and by other JSON code (decisions carry a route and an item, requests
// carry bases). Same shapes everywhere: docs/data-formats.md and docs/schemas/.
#pragma once
#include "json/json_io.hpp"

#include "jianzheng/catalog.hpp"
#include "jianzheng/item.hpp"
#include "jianzheng/legal_basis.hpp"
#include "jianzheng/route.hpp"

namespace jianzheng::detail {

/// {"title", "article", "level", ["text", "issuer", "document_number", "effective"]}.
json::value basis_to_json(const LegalBasis& b);
/// Reads a basis; title and level are required.
LegalBasis basis_from_json(const Node& n);

/// {"text", "channels", "agencies", "documents", ["notes"]}.
json::value route_to_json(const Route& r);
Route route_from_json(const Node& n);

/// {"scenario", ["text"], "words", ["hints"], ["look_alikes"], "bases", "from", "until", ["note"]}.
json::value carve_out_to_json(const CarveOut& c);

/// [{"code", "scenario"}], platform purpose codes.
json::value purpose_codes_json(const std::vector<PurposeCode>& codes);

/// The item shape of docs/design.md §8; `with_layer` adds "layer" (composed catalogs only).
json::value item_to_json(const Item& item, bool with_layer);
Item item_from_json(const Node& n);

/// All four settings.
json::value settings_to_json(const Settings& s);
json::value provenance_to_json(const Provenance& p);

/// A catalog layer read from `root` (a document's root, or a value inside a larger document,
/// such as an element of the C ABI's array of layers) and checked against `below` as
/// parse_catalog_layer does; errors carry root's document position and pointer.
CatalogLayer layer_from_node(const Node& root, const std::vector<CatalogLayer>& below);

}  // namespace jianzheng::detail

// Private: the checks a stack of catalog layers must pass before it is composed — ids,
// references, alias collisions — shared by the loader (which can then name line:column in
// the file) and by Catalog::compose (for layers built in code).
#pragma once
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "jianzheng/catalog.hpp"
#include "jianzheng/error.hpp"

namespace jianzheng::detail {

/// Reports a problem in layer `layer` at JSON pointer `pointer`. It throws, except that it
/// may return for unknown_reference (a layer checked alone), which the check then skips.
using StackFail = std::function<void(std::size_t layer, ErrorCode code, const std::string& pointer,
                                     const std::string& message)>;

/// Checks layers [first, stack.size()) of `stack` (base first) against themselves and the
/// layers below them. Date-independent: a stack that passes composes for every date.
void validate_stack(const std::vector<const CatalogLayer*>& stack, std::size_t first,
                    const StackFail& fail);

}  // namespace jianzheng::detail

// Private: each bind_<concept>.cpp registers one function that adds its concept to the
// module, so a new concept touches no other file. `order` sets the order (lower first):
// types used in others' signatures register first (10 core, 20 catalog, 30 names,
// 40 time, 50 decisions, 60 county workflow).
#pragma once
#include <pybind11/pybind11.h>

namespace jianzheng::python {

namespace py = pybind11;
using Binder = void (*)(py::module_&);

bool register_binder(int order, Binder binder);

}  // namespace jianzheng::python

#define JIANZHENG_PY_CAT2(a, b) a##b
#define JIANZHENG_PY_CAT(a, b) JIANZHENG_PY_CAT2(a, b)
#define JIANZHENG_BIND(order, fn) \
  static const bool JIANZHENG_PY_CAT(jianzheng_binder_, __LINE__) = \
      ::jianzheng::python::register_binder(order, fn)

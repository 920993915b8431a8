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

/// __eq__ of a value type: equal to another T, or to anything an argument of type T accepts
/// (a Date also compares with "2021-09-30"); NotImplemented for anything else, so Python
/// answers `x == None` with False instead of raising, and the stub's `other: object` is true.
template <class T>
py::object equals(const T& self, const py::object& other) {
  const py::object not_implemented = py::reinterpret_borrow<py::object>(Py_NotImplemented);
  // None loads as a null reference, which pybind11 reports by reference_cast_error.
  if (other.is_none()) return not_implemented;
  try {
    return py::bool_(self == other.cast<T>());
  } catch (const py::cast_error&) {
    return not_implemented;
  } catch (const py::reference_cast_error&) {
    return not_implemented;
  }
}

}  // namespace jianzheng::python

#define JIANZHENG_PY_CAT2(a, b) a##b
#define JIANZHENG_PY_CAT(a, b) JIANZHENG_PY_CAT2(a, b)
#define JIANZHENG_BIND(order, fn) \
  static const bool JIANZHENG_PY_CAT(jianzheng_binder_, __LINE__) = \
      ::jianzheng::python::register_binder(order, fn)

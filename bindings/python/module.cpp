// jianzheng._core: the private native module under the pure-Python jianzheng package.
// It mirrors the C++ API one to one; see bind_<concept>.cpp.
#include <algorithm>
#include <utility>
#include <vector>

#include "bind.hpp"
#include "jianzheng/error.hpp"
#include "jianzheng/version.hpp"

namespace jianzheng::python {
namespace {
std::vector<std::pair<int, Binder>>& binders() {
  static std::vector<std::pair<int, Binder>> b;
  return b;
}
}  // namespace

bool register_binder(int order, Binder binder) {
  binders().emplace_back(order, binder);
  return true;
}

}  // namespace jianzheng::python

PYBIND11_MODULE(_core, m) {
  namespace py = pybind11;
  m.doc() = "jianzheng native core: decision logic for community certificates (减证便民).";
  m.attr("__version__") = jianzheng::version();
  m.def("version", &jianzheng::version, "The library version, from CMake's project(VERSION).");

  // jianzheng.Error derives from ValueError and carries code, where and message.
  static py::exception<jianzheng::Error> error(m, "Error", PyExc_ValueError);
  error.doc() = "Bad input: .code (stable snake_case), .where (JSON pointer / file:line:column), .message.";
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const jianzheng::Error& e) {
      // py::exception<T>::operator() only sets a message: call the class as an object.
      py::object exc = py::reinterpret_borrow<py::object>(error)(e.what());
      exc.attr("code") = jianzheng::to_string(e.code());
      exc.attr("where") = e.where();
      exc.attr("message") = e.message();
      PyErr_SetObject(error.ptr(), exc.ptr());
    }
  });

  auto& list = jianzheng::python::binders();
  std::stable_sort(list.begin(), list.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& entry : list) entry.second(m);
}

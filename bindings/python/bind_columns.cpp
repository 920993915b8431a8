// Columnar deciding for analysts: Engine.decide_columns(item=…, text=…, purpose=…, date=…,
// <fact>=…) over equal-length columns, Engine.decide_frame(df), and DecisionColumns, the
// compact result whose to_frame() is a pandas DataFrame.
//
// The Python package (jianzheng/_columns.py) hands every column over in one of a few plain
// forms — a list or object array, a numpy array of fixed-width unicode, booleans, integers,
// floats or day numbers, category codes with their categories, or one scalar for every row.
// Here each column is read under the GIL into small integer codes and a table of its distinct
// values, without making a Python object per row. Then the GIL is released and every row is
// decided by Engine::decide on a Request built from those codes — exactly the request
// Engine.decide would read from the same row as a dict — and kept as codes into tables of
// items, clauses, carve-outs and texts. Nothing per row becomes a Python object until
// to_frame(), and even then rows share their strings.
#include <Python.h>
#include <datetime.h>
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <deque>
#include <exception>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

#include "bind.hpp"
#include "bind_frame.hpp"
#include "bind_types.hpp"
#include "jianzheng/decision.hpp"
#include "jianzheng/engine.hpp"
#include "jianzheng/error.hpp"
#include "jianzheng/request.hpp"

namespace jianzheng::python {
namespace {

constexpr std::int32_t kAbsent = -1;                                       // no string
constexpr std::int32_t kNoDate = std::numeric_limits<std::int32_t>::min();  // no date
constexpr std::int64_t kNaT = std::numeric_limits<std::int64_t>::min();     // numpy's NaT

// --- where a bad cell is ------------------------------------------------------------------

// A column as the caller named it: the request field it feeds ("text", "facts/verifiable")
// and the label the caller knows it by (a frame's own column name, e.g. "证明名称").
struct ColumnName {
  std::string field;
  std::string label;
};

[[noreturn]] void cell_error(ErrorCode code, const ColumnName& c, std::size_t row, const std::string& what) {
  // The pointer is the one Engine.decide_many gives for the same row as a dict.
  throw Error(code, "/" + std::to_string(row) + "/" + c.field,
              "column \"" + c.label + "\", row " + std::to_string(row) + ": " + what);
}

std::string type_name(PyObject* o) { return Py_TYPE(o)->tp_name; }

// --- the singletons that mean "missing" ---------------------------------------------------

struct Singletons {
  PyObject* pd_na = nullptr;    // pandas.NA
  PyObject* pd_nat = nullptr;   // pandas.NaT
  PyObject* np_true = nullptr;  // numpy.True_
  PyObject* np_false = nullptr;
  py::object keep_na, keep_nat, keep_true, keep_false;

  Singletons() {
    // Only modules already imported can have made these values: nothing is imported here.
    py::dict modules = py::module_::import("sys").attr("modules");
    if (modules.contains("pandas")) {
      py::object pd = modules["pandas"];
      keep_na = pd.attr("NA");
      keep_nat = pd.attr("NaT");
      pd_na = keep_na.ptr();
      pd_nat = keep_nat.ptr();
    }
    if (modules.contains("numpy")) {
      py::object np = modules["numpy"];
      keep_true = np.attr("True_");
      keep_false = np.attr("False_");
      np_true = keep_true.ptr();
      np_false = keep_false.ptr();
    }
  }

  // None, NaN, pandas.NA and pandas.NaT: what an empty cell becomes in pandas.
  bool is_missing(PyObject* o) const {
    if (o == Py_None || o == pd_na || o == pd_nat) return true;
    return PyFloat_Check(o) && std::isnan(PyFloat_AS_DOUBLE(o));
  }
};

// --- strings ------------------------------------------------------------------------------

// Appends one code point as UTF-8; false for a surrogate or a value past U+10FFFF, which
// UTF-8 cannot carry.
bool append_utf8(std::string& out, std::uint32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    if (c >= 0xD800 && c <= 0xDFFF) return false;
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x110000) {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    return false;
  }
  return true;
}

// UTF-8 of a str, read from its code points (no cached copy is attached to the object).
// False for a lone surrogate, which has no UTF-8.
bool utf8_of(PyObject* o, std::string& out) {
  out.clear();
#if PY_VERSION_HEX < 0x030C0000
  if (PyUnicode_READY(o) < 0) {
    PyErr_Clear();
    return false;
  }
#endif
  const Py_ssize_t n = PyUnicode_GET_LENGTH(o);
  if (PyUnicode_IS_ASCII(o)) {
    out.assign(static_cast<const char*>(PyUnicode_DATA(o)), static_cast<std::size_t>(n));
    return true;
  }
  const int kind = PyUnicode_KIND(o);
  const void* data = PyUnicode_DATA(o);
  out.reserve(static_cast<std::size_t>(n) * 3);
  for (Py_ssize_t i = 0; i < n; ++i)
    if (!append_utf8(out, PyUnicode_READ(kind, data, i))) return false;
  return true;
}

// UTF-8 of one fixed-width UCS4 cell of a numpy unicode array (trailing NULs are padding).
bool utf8_of_ucs4(const std::uint32_t* cell, std::size_t width, std::string& out) {
  while (width > 0 && cell[width - 1] == 0) --width;
  out.clear();
  for (std::size_t i = 0; i < width; ++i)
    if (!append_utf8(out, cell[i])) return false;
  return true;
}

// The distinct strings of a column; codes index `values`. The views of `index` point into
// `values`, whose strings never move (a deque).
struct StringTable {
  std::deque<std::string> values;
  std::unordered_map<std::string_view, std::int32_t> index;

  std::int32_t intern(const std::string& s) {
    auto it = index.find(s);
    if (it != index.end()) return it->second;
    values.push_back(s);
    const auto code = static_cast<std::int32_t>(values.size() - 1);
    index.emplace(values.back(), code);
    return code;
  }
};

// A small direct-mapped memory of what objects already read came to, so a column whose rows
// share objects (a list of repeated literals, pandas' parsed CSV, category-like strings)
// skips re-reading them. Valid while the GIL is held and no Python code runs: the objects
// cannot go away meanwhile.
template <class T>
struct ObjectMemo {
  static constexpr std::size_t kSlots = 4096;
  std::vector<PyObject*> keys = std::vector<PyObject*>(kSlots, nullptr);
  std::vector<T> values = std::vector<T>(kSlots);
  static std::size_t slot(PyObject* o) {
    return static_cast<std::size_t>((reinterpret_cast<std::uintptr_t>(o) >> 4) * 0x9E3779B97F4A7C15ull >> 52) &
           (kSlots - 1);
  }
  /// The remembered value of `o`, or read(o) remembered.
  template <class Read>
  T get(PyObject* o, Read read) {
    const std::size_t i = slot(o);
    if (keys[i] == o) return values[i];
    const T v = read(o);
    keys[i] = o;
    values[i] = v;
    return v;
  }
};
using ObjectCodes = ObjectMemo<std::int32_t>;

// A column, read: one value for every row, or one value for all rows (a scalar).
template <class T>
struct Cells {
  bool given = false;
  bool scalar = false;
  std::vector<T> values;
  T at(std::size_t row) const { return scalar ? values[0] : values[row]; }
};

struct StringCells : Cells<std::int32_t> {
  StringTable table;
};

// --- the forms _columns.prepare hands over -------------------------------------------------

// A contiguous one-dimensional buffer of a numpy array, with its length and item size.
struct Buffer {
  py::buffer_info info;
  std::size_t size() const { return static_cast<std::size_t>(info.size); }
  template <class T>
  const T* data() const { return static_cast<const T*>(info.ptr); }
};

Buffer buffer_of(const py::handle& array, std::size_t item_size, const char* what) {
  Buffer b{py::reinterpret_borrow<py::buffer>(array).request()};
  if (b.info.ndim != 1 || static_cast<std::size_t>(b.info.itemsize) != item_size ||
      (b.info.size > 1 && b.info.strides[0] != b.info.itemsize))
    throw Error(ErrorCode::invalid_argument, what, "internal: a column was not prepared as a contiguous array");
  return b;
}

// Row objects of an "objects" form: a list, a tuple or a contiguous object array.
struct Objects {
  py::object keep;
  PyObject* const* items = nullptr;
  std::size_t size = 0;
  std::optional<py::buffer_info> info;
};

Objects objects_of(const py::handle& seq) {
  Objects o;
  o.keep = py::reinterpret_borrow<py::object>(seq);
  if (PyList_Check(seq.ptr()) || PyTuple_Check(seq.ptr())) {
    o.items = PySequence_Fast_ITEMS(seq.ptr());
    o.size = static_cast<std::size_t>(PySequence_Fast_GET_SIZE(seq.ptr()));
    return o;
  }
  o.info = py::reinterpret_borrow<py::buffer>(seq).request();
  if (o.info->ndim != 1 || o.info->itemsize != static_cast<py::ssize_t>(sizeof(PyObject*)))
    throw Error(ErrorCode::invalid_argument, "column", "internal: an object column was not prepared as a list or array");
  o.items = static_cast<PyObject* const*>(o.info->ptr);
  o.size = static_cast<std::size_t>(o.info->size);
  return o;
}

// The number of rows a prepared form has; nothing for a scalar.
std::optional<std::size_t> rows_of(const py::tuple& form) {
  const std::string kind = form[0].cast<std::string>();
  if (kind == "scalar") return std::nullopt;
  if (kind == "objects") return objects_of(form[1]).size;
  return static_cast<std::size_t>(py::len(form[1]));
}

std::string form_kind(const py::tuple& form) { return form[0].cast<std::string>(); }

// Reads a prepared column into `out`. `object(o, row)` reads one object (lists, object
// arrays, scalars); `text(utf8, row)` one cell of a numpy unicode array; `numbers(kind,
// array, out)` a numeric form, false when the column does not take it. A "codes" form reads
// its categories with the same functions, then maps each row's code (`none` for -1).
template <class T, class Object, class Text, class Numbers>
void read_column(const py::object& prepared, const ColumnName& c, Cells<T>& out, T none, const char* expected,
                 Object object, Text text, Numbers numbers) {
  if (prepared.is_none()) return;
  const py::tuple form = prepared;
  const std::string kind = form_kind(form);
  out.given = true;
  if (kind == "scalar") {
    out.scalar = true;
    out.values.push_back(object(form[1].ptr(), 0));
  } else if (kind == "objects") {
    const Objects objs = objects_of(form[1]);
    out.values.resize(objs.size);
    for (std::size_t i = 0; i < objs.size; ++i) out.values[i] = object(objs.items[i], i);
  } else if (kind == "unicode") {
    const py::buffer_info info = py::reinterpret_borrow<py::buffer>(form[1]).request();
    const std::size_t n = static_cast<std::size_t>(info.size), width = static_cast<std::size_t>(info.itemsize) / 4;
    if (info.ndim != 1 || (n > 1 && info.strides[0] != info.itemsize))
      throw Error(ErrorCode::invalid_argument, c.field, "internal: a unicode column was not prepared as a contiguous array");
    const auto* base = static_cast<const std::uint32_t*>(info.ptr);
    std::string scratch;
    out.values.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
      if (!utf8_of_ucs4(base + i * width, width, scratch))
        cell_error(ErrorCode::invalid_utf8, c, i, "text that cannot be encoded as UTF-8");
      out.values[i] = text(scratch, i);
    }
  } else if (kind == "codes") {
    Cells<T> categories;
    read_column(py::object(form[2]), ColumnName{c.field, c.label + " (categories)"}, categories, none, expected,
                object, text, numbers);
    const Buffer codes = buffer_of(form[1], sizeof(std::int64_t), c.field.c_str());
    const std::int64_t* p = codes.data<std::int64_t>();
    const std::size_t k = categories.values.size();
    out.values.resize(codes.size());
    for (std::size_t i = 0; i < codes.size(); ++i)
      out.values[i] = p[i] < 0 || static_cast<std::size_t>(p[i]) >= k ? none : categories.values[static_cast<std::size_t>(p[i])];
  } else if (!numbers(kind, form[1], out.values)) {
    throw Error(ErrorCode::wrong_type, c.field, "column \"" + c.label + "\": " + expected + ", got a column of " + kind);
  }
}

// A float column where every cell is NaN — what pandas makes of a column with no value at
// all (an empty CSV column) — is a column of absent values; a number in it is wrong_type.
template <class T>
bool all_nan(const py::handle& array, const ColumnName& c, T none, std::vector<T>& values) {
  const Buffer b = buffer_of(array, sizeof(double), c.field.c_str());
  const double* p = b.data<double>();
  for (std::size_t i = 0; i < b.size(); ++i)
    if (!std::isnan(p[i])) cell_error(ErrorCode::wrong_type, c, i, "expected text, got the number " + std::to_string(p[i]));
  values.assign(b.size(), none);
  return true;
}

// One string cell from an object: its code, or kAbsent for a missing or empty cell.
std::int32_t string_cell(PyObject* o, StringTable& table, const Singletons& s, std::string& scratch,
                         const ColumnName& c, std::size_t row) {
  if (PyUnicode_Check(o)) {
    if (!utf8_of(o, scratch))
      cell_error(ErrorCode::invalid_utf8, c, row, "a string that cannot be encoded as UTF-8 (lone surrogate)");
    return scratch.empty() ? kAbsent : table.intern(scratch);
  }
  if (!s.is_missing(o))
    cell_error(ErrorCode::wrong_type, c, row, "expected a string (or None/NaN for none), got " + type_name(o));
  return kAbsent;
}

void read_strings(const py::object& prepared, const ColumnName& c, const Singletons& s, StringCells& out) {
  ObjectCodes memo;  // every check here is in C: no Python code runs while reading
  std::string scratch;
  read_column(
      prepared, c, out, kAbsent, "expected strings (or None/NaN for none)",
      [&](PyObject* o, std::size_t row) {
        return memo.get(o, [&](PyObject* obj) { return string_cell(obj, out.table, s, scratch, c, row); });
      },
      [&](const std::string& text, std::size_t) { return text.empty() ? kAbsent : out.table.intern(text); },
      [&](const std::string& kind, const py::handle& array, std::vector<std::int32_t>& values) {
        return kind == "float" && all_nan(array, c, kAbsent, values);
      });
}

// --- dates --------------------------------------------------------------------------------

std::int32_t days_of(long days) { return static_cast<std::int32_t>(days); }

std::int32_t date_text(const std::string& text, const ColumnName& c, std::size_t row) {
  if (auto d = Date::try_parse(text)) return days_of(d->days());
  cell_error(ErrorCode::invalid_date, c, row, "expected a real day as YYYY-MM-DD, got \"" + text + "\"");
}

std::int32_t date_cell(PyObject* o, const Singletons& s, std::string& scratch, const ColumnName& c, std::size_t row) {
  if (s.is_missing(o)) return kNoDate;
  if (PyUnicode_Check(o)) {
    if (!utf8_of(o, scratch)) cell_error(ErrorCode::invalid_utf8, c, row, "a date that is not UTF-8");
    return date_text(scratch, c, row);
  }
  if (PyDate_Check(o))  // datetime.date, datetime.datetime, pandas.Timestamp
    return days_of(Date::from_ymd(PyDateTime_GET_YEAR(o), static_cast<unsigned>(PyDateTime_GET_MONTH(o)),
                                  static_cast<unsigned>(PyDateTime_GET_DAY(o)))
                       .days());
  py::handle h(o);
  if (py::isinstance<Date>(h)) return days_of(h.cast<Date>().days());
  if (type_name(o) == std::string("numpy.datetime64")) {
    const auto v = h.attr("astype")("datetime64[D]").attr("astype")("int64").cast<std::int64_t>();
    return v == kNaT ? kNoDate : static_cast<std::int32_t>(v);
  }
  cell_error(ErrorCode::wrong_type, c, row,
             "expected a date (\"YYYY-MM-DD\", datetime.date, datetime64, Date) or None/NaT, got " + type_name(o));
}

void read_dates(const py::object& prepared, const ColumnName& c, const Singletons& s, Cells<std::int32_t>& out) {
  if (!PyDateTimeAPI) PyDateTime_IMPORT;
  ObjectMemo<std::int32_t> memo;  // str only: reading other objects may run Python code
  std::string scratch;
  read_column(
      prepared, c, out, kNoDate, "expected dates (\"YYYY-MM-DD\", datetime.date, datetime64)",
      [&](PyObject* o, std::size_t row) {
        if (!PyUnicode_CheckExact(o)) return date_cell(o, s, scratch, c, row);
        return memo.get(o, [&](PyObject* obj) { return date_cell(obj, s, scratch, c, row); });
      },
      [&](const std::string& text, std::size_t row) { return date_text(text, c, row); },
      [&](const std::string& kind, const py::handle& array, std::vector<std::int32_t>& values) {
        if (kind == "float") return all_nan(array, c, kNoDate, values);
        if (kind != "days") return false;
        const Buffer b = buffer_of(array, sizeof(std::int64_t), c.field.c_str());
        const std::int64_t* p = b.data<std::int64_t>();
        values.resize(b.size());
        for (std::size_t i = 0; i < b.size(); ++i) {
          if (p[i] != kNaT && (p[i] < -5'000'000 || p[i] > 5'000'000))
            cell_error(ErrorCode::invalid_date, c, i, "a date outside the years 1 to 9999");
          values[i] = p[i] == kNaT ? kNoDate : static_cast<std::int32_t>(p[i]);
        }
        return true;
      });
}

// --- facts --------------------------------------------------------------------------------

constexpr const char* kFactValues =
    "expected \"yes\", \"no\", \"unknown\", True/False, 1/0, or None/NaN for unknown";

Tri fact_number(double v, const ColumnName& c, std::size_t row) {
  if (std::isnan(v)) return Tri::unknown;
  if (v == 1) return Tri::yes;
  if (v == 0) return Tri::no;
  cell_error(ErrorCode::unknown_enum, c, row, py::str(py::float_(v)).cast<std::string>() + ": " + kFactValues);
}

Tri fact_text(const std::string& text, const ColumnName& c, std::size_t row) {
  if (auto t = tri_from_string(text)) return *t;
  cell_error(ErrorCode::unknown_enum, c, row, "\"" + text + "\": " + kFactValues);
}

Tri fact_cell(PyObject* o, const Singletons& s, std::string& scratch, const ColumnName& c, std::size_t row) {
  if (o == Py_True || (s.np_true && o == s.np_true)) return Tri::yes;
  if (o == Py_False || (s.np_false && o == s.np_false)) return Tri::no;
  if (s.is_missing(o)) return Tri::unknown;
  if (PyUnicode_Check(o)) {
    if (!utf8_of(o, scratch)) cell_error(ErrorCode::invalid_utf8, c, row, "a value that is not UTF-8");
    return fact_text(scratch, c, row);
  }
  if (PyLong_Check(o)) {
    const long v = PyLong_AsLong(o);
    if (v == 1) return Tri::yes;
    if (v == 0) return Tri::no;
    PyErr_Clear();
    cell_error(ErrorCode::unknown_enum, c, row, py::str(o).cast<std::string>() + ": " + kFactValues);
  }
  if (PyFloat_Check(o)) return fact_number(PyFloat_AS_DOUBLE(o), c, row);
  py::handle h(o);
  if (py::isinstance<Tri>(h)) return h.cast<Tri>();
  cell_error(ErrorCode::wrong_type, c, row, std::string(kFactValues) + ", got " + type_name(o));
}

void read_facts(const py::object& prepared, const ColumnName& c, const Singletons& s, Cells<Tri>& out) {
  ObjectMemo<Tri> memo;  // str only: reading other objects may run Python code
  std::string scratch;
  read_column(
      prepared, c, out, Tri::unknown, kFactValues,
      [&](PyObject* o, std::size_t row) {
        if (!PyUnicode_CheckExact(o)) return fact_cell(o, s, scratch, c, row);
        return memo.get(o, [&](PyObject* obj) { return fact_cell(obj, s, scratch, c, row); });
      },
      [&](const std::string& text, std::size_t row) { return fact_text(text, c, row); },
      [&](const std::string& kind, const py::handle& array, std::vector<Tri>& values) {
        if (kind == "bool") {
          const Buffer b = buffer_of(array, 1, c.field.c_str());
          const auto* p = b.data<std::uint8_t>();
          values.resize(b.size());
          for (std::size_t i = 0; i < b.size(); ++i) values[i] = p[i] ? Tri::yes : Tri::no;
        } else if (kind == "int") {
          const Buffer b = buffer_of(array, sizeof(std::int64_t), c.field.c_str());
          const auto* p = b.data<std::int64_t>();
          values.resize(b.size());
          for (std::size_t i = 0; i < b.size(); ++i) {
            if (p[i] != 0 && p[i] != 1) cell_error(ErrorCode::unknown_enum, c, i, std::to_string(p[i]) + ": " + kFactValues);
            values[i] = p[i] ? Tri::yes : Tri::no;
          }
        } else if (kind == "float") {
          const Buffer b = buffer_of(array, sizeof(double), c.field.c_str());
          const auto* p = b.data<double>();
          values.resize(b.size());
          for (std::size_t i = 0; i < b.size(); ++i) values[i] = fact_number(p[i], c, i);
        } else {
          return false;
        }
        return true;
      });
}

// --- the columns of a call ----------------------------------------------------------------

struct Inputs {
  std::size_t rows = 0;
  StringCells item, text, purpose;
  Cells<std::int32_t> date;
  std::array<Cells<Tri>, fact_count> facts;
};

// --- the result ---------------------------------------------------------------------------

// Codes of small keys (pointers into the engine, packed lists): open addressing, grows.
class CodeMap {
 public:
  /// The code of `key`, adding it as `next` when new (then *added is true).
  std::int32_t find_or_add(std::uint64_t key, std::int32_t next, bool* added) {
    if ((count_ + 1) * 2 > keys_.size()) grow();
    std::size_t i = hash(key) & (keys_.size() - 1);
    while (keys_[i] != kEmpty) {
      if (keys_[i] == key) {
        *added = false;
        return codes_[i];
      }
      i = (i + 1) & (keys_.size() - 1);
    }
    keys_[i] = key;
    codes_[i] = next;
    ++count_;
    *added = true;
    return next;
  }

 private:
  static constexpr std::uint64_t kEmpty = ~0ull;
  static std::size_t hash(std::uint64_t k) { return static_cast<std::size_t>((k * 0x9E3779B97F4A7C15ull) >> 32); }
  void grow() {
    std::vector<std::uint64_t> keys(std::max<std::size_t>(64, keys_.size() * 2), kEmpty);
    std::vector<std::int32_t> codes(keys.size());
    for (std::size_t j = 0; j < keys_.size(); ++j) {
      if (keys_[j] == kEmpty) continue;
      std::size_t i = hash(keys_[j]) & (keys.size() - 1);
      while (keys[i] != kEmpty) i = (i + 1) & (keys.size() - 1);
      keys[i] = keys_[j];
      codes[i] = codes_[j];
    }
    keys_.swap(keys);
    codes_.swap(codes);
  }
  std::vector<std::uint64_t> keys_;
  std::vector<std::int32_t> codes_;
  std::size_t count_ = 0;
};

std::uint64_t key_of(const void* p) { return static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(p)); }

// The open questions of a decision packed into one key: the (fact, outcome) pairs in order.
std::uint64_t open_key(const Decision& d) {
  std::uint64_t k = d.open_questions.size();
  for (const OpenQuestion& q : d.open_questions)
    k = (k << 6) | (static_cast<std::uint64_t>(q.fact) << 3) | static_cast<std::uint64_t>(q.outcome_if_yes);
  return k;
}

std::uint64_t flags_key(const Decision& d) {
  std::uint64_t k = 0;
  for (Flag f : d.flags) k |= 1ull << static_cast<unsigned>(f);
  return k;
}

// One table of distinct values (what a column's codes index) and how to find a value's code.
// Each entry keeps a decision that has it, from which its text is rendered once.
struct Table {
  CodeMap map;
  std::vector<Decision> examples;
  std::uint64_t last_key = ~0ull;  // consecutive rows often agree
  std::int32_t last_code = kAbsent;
  std::int32_t code(std::uint64_t key, const Decision& d) {
    if (key == last_key) return last_code;
    bool added = false;
    const auto c = map.find_or_add(key, static_cast<std::int32_t>(examples.size()), &added);
    if (added) examples.push_back(d);
    last_key = key;
    last_code = c;
    return c;
  }
};

// The columns of the result, one entry per row.
struct Rows {
  std::vector<std::uint8_t> outcome;
  std::vector<std::int32_t> item, clause, carve_out, time_limit, working_days, flags, open_questions, agencies;
  std::vector<std::int64_t> due;

  void resize(std::size_t n) {
    outcome.resize(n);
    for (auto* v : {&item, &clause, &carve_out, &time_limit, &working_days, &flags, &open_questions, &agencies})
      v->resize(n);
    due.resize(n);
  }
};

// What rows decided by one thread refer to: each categorical column's table.
struct Tables {
  Table item, clause, carve_out, flags, open_questions, agencies;
};

void encode(const Decision& d, std::size_t i, Rows& rows, Tables& t) {
  rows.outcome[i] = static_cast<std::uint8_t>(d.outcome);
  rows.item[i] = d.item ? t.item.code(key_of(d.item), d) : kAbsent;
  rows.clause[i] = d.deciding_clause() ? t.clause.code(key_of(d.deciding_clause()), d) : kAbsent;
  rows.carve_out[i] = d.carve_out ? t.carve_out.code(key_of(d.carve_out), d) : kAbsent;
  rows.time_limit[i] = d.time_limit ? static_cast<std::int32_t>(d.time_limit->kind) : kAbsent;
  rows.working_days[i] =
      d.time_limit && d.time_limit->kind == TimeLimitKind::working_days ? d.time_limit->working_days : kAbsent;
  rows.due[i] = d.time_limit && d.time_limit->due ? static_cast<std::int64_t>(d.time_limit->due->days()) : kNaT;
  rows.flags[i] = t.flags.code(flags_key(d), d);
  rows.open_questions[i] = t.open_questions.code(open_key(d), d);
  rows.agencies[i] = d.route ? t.agencies.code(key_of(d.route), d) : kAbsent;
}

/// The result of decide_columns: one compact row per request, in order.
struct DecisionColumns {
  Engine engine;  // what the tables' decisions point into
  Rows rows;
  Tables tables;
  std::size_t size = 0;
};

// Engine::decide, with the row in the error.
Decision decide_row(const Engine& engine, const Request& r, std::size_t row) {
  try {
    return engine.decide(r);
  } catch (const Error& e) {
    throw Error(e.code(), "/" + std::to_string(row) + e.where(), "row " + std::to_string(row) + ": " + e.message());
  }
}

// Decides rows [lo, hi) into `rows` with codes into `tables`. Throws Error with the row.
void decide_rows(const Engine& engine, const Inputs& in, std::size_t lo, std::size_t hi, Rows& rows,
                 Tables& tables) {
  Request r;
  std::int32_t last_item = -2, last_text = -2, last_purpose = -2, last_day = kNoDate;
  constexpr std::size_t kDaySlots = 2048;
  std::vector<std::int32_t> day_keys(kDaySlots, kNoDate);
  std::vector<Date> day_values(kDaySlots);
  auto set = [](std::string& field, std::int32_t& last, const StringCells& col, std::size_t row) {
    const std::int32_t c = col.given ? col.at(row) : kAbsent;
    if (c == last) return;
    last = c;
    if (c == kAbsent) field.clear();
    else field.assign(col.table.values[static_cast<std::size_t>(c)]);
  };
  for (std::size_t i = lo; i < hi; ++i) {
    set(r.item, last_item, in.item, i);
    set(r.text, last_text, in.text, i);
    set(r.purpose, last_purpose, in.purpose, i);
    if (r.item.empty() && r.text.empty())  // as Engine.decide reads a dict with neither
      throw Error(ErrorCode::missing_field, "/" + std::to_string(i),
                  "row " + std::to_string(i) + ": one of \"item\" (an item id) or \"text\" is required");
    for (std::size_t f = 0; f < fact_count; ++f)
      r.facts.values[f] = in.facts[f].given ? in.facts[f].at(i) : Tri::unknown;
    const std::int32_t day = in.date.given ? in.date.at(i) : kNoDate;
    if (day != last_day) {
      last_day = day;
      if (day == kNoDate) {
        r.date.reset();
      } else {  // a ledger has a few hundred distinct days: convert each once
        const std::size_t slot = static_cast<std::uint32_t>(day) & (kDaySlots - 1);
        if (day_keys[slot] != day) {
          day_keys[slot] = day;
          day_values[slot] = Date::from_days(day);
        }
        r.date = day_values[slot];
      }
    }
    encode(decide_row(engine, r, i), i, rows, tables);
  }
}

// Decides every row on `threads` threads (contiguous slices); each thread's codes are then
// moved onto one set of tables. The first error by row is thrown.
DecisionColumns decide_all(const Engine& engine, const Inputs& in, unsigned threads) {
  DecisionColumns out{engine, {}, {}, in.rows};
  out.rows.resize(in.rows);
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(1, in.rows / 256)));
  if (threads <= 1) {
    decide_rows(engine, in, 0, in.rows, out.rows, out.tables);
    return out;
  }
  std::vector<Tables> local(threads);
  std::vector<std::exception_ptr> errors(threads);
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      const std::size_t lo = in.rows * t / threads, hi = in.rows * (t + 1) / threads;
      try {
        decide_rows(engine, in, lo, hi, out.rows, local[t]);
      } catch (...) {
        errors[t] = std::current_exception();
      }
    });
  }
  for (std::thread& th : pool) th.join();
  for (const std::exception_ptr& e : errors)
    if (e) std::rethrow_exception(e);
  // One set of tables: each thread's local codes map onto the merged ones.
  auto merge = [](Table& into, const Table& from, std::vector<std::int32_t>& remap,
                  std::uint64_t (*key)(const Decision&)) {
    remap.clear();
    for (const Decision& d : from.examples) remap.push_back(into.code(key(d), d));
  };
  for (unsigned t = 0; t < threads; ++t) {
    const std::size_t lo = in.rows * t / threads, hi = in.rows * (t + 1) / threads;
    std::vector<std::int32_t> remap;
    auto apply = [&](std::vector<std::int32_t>& col) {
      for (std::size_t i = lo; i < hi; ++i)
        if (col[i] != kAbsent) col[i] = remap[static_cast<std::size_t>(col[i])];
    };
    merge(out.tables.item, local[t].item, remap, [](const Decision& d) { return key_of(d.item); });
    apply(out.rows.item);
    merge(out.tables.clause, local[t].clause, remap, [](const Decision& d) { return key_of(d.deciding_clause()); });
    apply(out.rows.clause);
    merge(out.tables.carve_out, local[t].carve_out, remap, [](const Decision& d) { return key_of(d.carve_out); });
    apply(out.rows.carve_out);
    merge(out.tables.flags, local[t].flags, remap, &flags_key);
    apply(out.rows.flags);
    merge(out.tables.open_questions, local[t].open_questions, remap, &open_key);
    apply(out.rows.open_questions);
    merge(out.tables.agencies, local[t].agencies, remap, [](const Decision& d) { return key_of(d.route); });
    apply(out.rows.agencies);
  }
  return out;
}

// --- to Python ----------------------------------------------------------------------------

// A read-only numpy view of one result column; the batch object stays alive as its base.
template <class T>
py::array view(const std::vector<T>& v, const py::handle& owner) {
  if (v.empty()) return py::array(py::dtype::of<T>(), {py::ssize_t{0}}, {static_cast<py::ssize_t>(sizeof(T))});
  py::array a(py::dtype::of<T>(), {static_cast<py::ssize_t>(v.size())}, {static_cast<py::ssize_t>(sizeof(T))},
              v.data(), owner);
  a.attr("setflags")(py::arg("write") = false);
  return a;
}

template <class Render>
py::list texts(const Table& t, Render render) {
  py::list out;
  for (const Decision& d : t.examples) out.append(py::str(render(d)));
  return out;
}

py::dict arrays_of(const py::object& self) {
  const auto& b = self.cast<const DecisionColumns&>();
  const Tables& t = b.tables;
  py::list outcomes, limits;
  for (Outcome o : {Outcome::must_issue, Outcome::issue_after_deliberation, Outcome::issue_transitional,
                    Outcome::issue_after_risk_assessment, Outcome::issue_for_stated_purpose, Outcome::refuse,
                    Outcome::refuse_redirect})
    outcomes.append(py::str(to_string(o)));
  for (TimeLimitKind k : {TimeLimitKind::on_the_spot, TimeLimitKind::working_days}) limits.append(py::str(to_string(k)));
  py::dict a;
  a["outcome"] = py::make_tuple(view(b.rows.outcome, self), outcomes);
  a["item"] = py::make_tuple(view(b.rows.item, self), texts(t.item, [](const Decision& d) { return d.item->id; }));
  a["name"] = py::make_tuple(view(b.rows.item, self), texts(t.item, [](const Decision& d) { return d.item->name; }));
  a["clause"] = py::make_tuple(view(b.rows.clause, self),
                               texts(t.clause, [](const Decision& d) { return d.deciding_clause()->id; }));
  a["carve_out"] = py::make_tuple(view(b.rows.carve_out, self),
                                  texts(t.carve_out, [](const Decision& d) { return d.carve_out->scenario; }));
  a["time_limit"] = py::make_tuple(view(b.rows.time_limit, self), limits);
  a["working_days"] = view(b.rows.working_days, self);
  a["due"] = view(b.rows.due, self);
  a["flags"] = py::make_tuple(view(b.rows.flags, self), texts(t.flags, &flags_text));
  a["open_questions"] = py::make_tuple(view(b.rows.open_questions, self), texts(t.open_questions, &open_questions_text));
  a["agencies"] = py::make_tuple(view(b.rows.agencies, self),
                                 texts(t.agencies, [](const Decision& d) { return agencies_text(d.route); }));
  return a;
}

py::module_ columns_helper() { return py::module_::import("jianzheng._columns"); }

// The request fields decide_columns reads, in its parameter order.
constexpr const char* kFields[] = {"item", "text", "purpose", "date", "within_duties", "verifiable",
                                   "transitional_need", "public_interest", "legal_risk"};

DecisionColumns decide_columns(const PyEngine& e, const py::dict& prepared, const py::dict& labels,
                               std::optional<unsigned> threads) {
  const Singletons s;
  Inputs in;
  // Every sequence must have the same length; scalars apply to every row.
  std::optional<std::size_t> rows;
  std::string first;
  for (const char* f : kFields) {
    if (!prepared.contains(f) || prepared[f].is_none()) continue;
    const auto n = rows_of(prepared[f].cast<py::tuple>());
    if (!n) continue;
    const std::string label = labels.contains(f) ? labels[f].cast<std::string>() : f;
    if (!rows) {
      rows = n;
      first = label;
    } else if (*n != *rows) {
      throw Error(ErrorCode::invalid_argument, label,
                  "column \"" + label + "\" has " + std::to_string(*n) + " rows, column \"" + first + "\" has " +
                      std::to_string(*rows) + ": columns must have equal lengths");
    }
  }
  if (!rows)
    throw Error(ErrorCode::invalid_argument, "columns",
                "give at least one column as a sequence (a list, an array or a Series); scalars alone say "
                "nothing about how many rows there are");
  in.rows = *rows;
  if ((!prepared.contains("item") || prepared["item"].is_none()) &&
      (!prepared.contains("text") || prepared["text"].is_none()))
    throw Error(ErrorCode::missing_field, "item",
                "give the column item (item ids) or text (names as written), or both");
  auto get = [&](const char* f) { return prepared.contains(f) ? py::object(prepared[f]) : py::object(py::none()); };
  auto name = [&](const char* f, const std::string& field) {
    return ColumnName{field, labels.contains(f) ? labels[f].cast<std::string>() : std::string(f)};
  };
  read_strings(get("item"), name("item", "item"), s, in.item);
  read_strings(get("text"), name("text", "text"), s, in.text);
  read_strings(get("purpose"), name("purpose", "purpose"), s, in.purpose);
  read_dates(get("date"), name("date", "date"), s, in.date);
  for (Fact f : all_facts) {
    const char* key = to_string(f);
    read_facts(get(key), name(key, std::string("facts/") + key), s, in.facts[static_cast<std::size_t>(f)]);
  }
  py::gil_scoped_release release;
  return decide_all(e.engine, in, threads ? *threads : 0u);
}

void bind_columns(py::module_& m) {
  // The clerk's names of outcomes, facts and steps: frame and chart labels (jianzheng.report).
  m.def("describe", py::overload_cast<Outcome, Language>(&describe), py::arg("outcome"),
        py::arg("language") = Language::zh, "An outcome as a clerk names it, e.g. \"不予出具\".");
  m.def("describe", py::overload_cast<Fact, Language>(&describe), py::arg("fact"),
        py::arg("language") = Language::zh, "A fact as a clerk names it, e.g. \"属于自治组织职责范围\".");
  m.def("describe", py::overload_cast<Step, Language>(&describe), py::arg("step"),
        py::arg("language") = Language::zh, "What a step asks, in the policy's words.");

  py::class_<DecisionColumns>(m, "DecisionColumns",
                              "The decisions of Engine.decide_columns, one compact row per request in "
                              "order, kept in C++: len(), to_frame() (a pandas DataFrame) and arrays() "
                              "(numpy codes and their categories).")
      .def("__len__", [](const DecisionColumns& b) { return b.size; }, "The number of rows.")
      .def("arrays", &arrays_of,
           "The columns as read-only numpy arrays: for outcome, item, name, clause, carve_out, "
           "time_limit, flags, open_questions and agencies a tuple (codes, categories) where code "
           "-1 means none; working_days (int32, -1 none) and due (int64 days since 1970-01-01, "
           "numpy's NaT value for none) as arrays. The arrays view this object's memory.")
      .def("to_frame",
           [](const py::object& self, const py::object& index) {
             return columns_helper().attr("to_frame")(self, index);
           },
           py::arg("index") = py::none(),
           "A pandas DataFrame, one row per request (columns as jianzheng.FRAME_COLUMNS): outcome "
           "categorical over the seven outcomes; item, name, clause (the deciding clause), carve_out "
           "(scenario), time_limit, flags, open_questions and agencies as strings shared between "
           "rows (None when none); working_days Int64; due datetime64. `index` becomes the frame's "
           "index (default 0…n-1).");

  auto engine = py::reinterpret_borrow<py::class_<PyEngine>>(m.attr("Engine"));
  engine
      .def("decide_columns",
           [](const PyEngine& e, const py::object& item, const py::object& text, const py::object& purpose,
              const py::object& date, const py::object& within_duties, const py::object& verifiable,
              const py::object& transitional_need, const py::object& public_interest,
              const py::object& legal_risk, std::optional<unsigned> threads) {
             py::dict columns;
             const py::object values[] = {item,          text,       purpose,           date,           within_duties,
                                          verifiable,    transitional_need, public_interest, legal_risk};
             for (std::size_t i = 0; i < std::size(kFields); ++i) columns[kFields[i]] = values[i];
             const py::dict prepared = columns_helper().attr("prepare_all")(columns);
             return decide_columns(e, prepared, py::dict(), threads);
           },
           py::kw_only(), py::arg("item") = py::none(), py::arg("text") = py::none(), py::arg("purpose") = py::none(),
           py::arg("date") = py::none(), py::arg("within_duties") = py::none(), py::arg("verifiable") = py::none(),
           py::arg("transitional_need") = py::none(), py::arg("public_interest") = py::none(),
           py::arg("legal_risk") = py::none(), py::arg("threads") = py::none(),
           "Decides many requests given column by column: equal-length sequences (lists, numpy "
           "arrays, pandas Series) or one scalar for every row. item/text/purpose: strings, None or "
           "NaN for none; date: \"YYYY-MM-DD\", datetime.date, datetime64 or None/NaT (today); each "
           "fact: \"yes\"/\"no\"/\"unknown\", booleans, 1/0, None or NaN (unknown). Every row is "
           "decided as Engine.decide decides the same request, without the GIL, on `threads` "
           "threads (None: all hardware threads). Raises Error naming the row (/17/facts/verifiable). "
           "Returns a DecisionColumns.")
      .def("decide_frame",
           [](const PyEngine& e, const py::object& frame, const py::object& columns, std::optional<unsigned> threads) {
             const py::tuple prepared = columns_helper().attr("prepare_frame")(frame, columns);
             py::object batch = py::cast(decide_columns(e, prepared[0], prepared[1], threads));
             return columns_helper().attr("to_frame")(batch, prepared[2]);
           },
           py::arg("frame"), py::arg("columns") = py::none(), py::arg("threads") = py::none(),
           "Decides every row of a pandas DataFrame from its columns item, text, purpose, date and "
           "the five facts (those present; NaN or None is absent, other columns are ignored) and "
           "returns the decisions as a DataFrame with the same index. `columns` maps a request "
           "field to the frame's own column name, e.g. {\"text\": \"证明名称\", \"date\": \"日期\"}. "
           "Raises Error naming the frame's column and the row's position.");
}

}  // namespace

JIANZHENG_BIND(55, bind_columns);

}  // namespace jianzheng::python

"""Private: the Python side of Engine.decide_columns, Engine.decide_frame and
DecisionColumns.to_frame (bindings/python/bind_columns.cpp).

Every column is handed to C++ in one of a few plain forms, made here with numpy and pandas
operations over whole arrays (never a Python loop over rows):

    ("scalar", value)             one value for every row
    ("objects", list | array)     a list, a tuple or a contiguous 1-D object array
    ("unicode", array)            a contiguous numpy array of fixed-width str ('<U…')
    ("bool" | "int" | "float", a) a contiguous array of bool, int64 or float64
    ("days", array)               int64 days since 1970-01-01, numpy's NaT value for none
    ("codes", int64 codes, form)  category codes (-1 for none) and the categories' form

numpy and pandas are used only when the caller's columns already are numpy or pandas
objects (and to build frames): plain lists need neither.
"""

import datetime
import sys
from typing import Any, Dict, Mapping, Optional, Tuple

from . import _core

#: The request fields a column can give, in Engine.decide_columns' order.
FIELDS = ("item", "text", "purpose", "date", "within_duties", "verifiable", "transitional_need",
          "public_interest", "legal_risk")

#: Column order of the decision frames (to_frame, DecisionColumns.to_frame, decide_frame).
FRAME_COLUMNS = ("outcome", "item", "name", "clause", "carve_out", "time_limit", "working_days",
                 "due", "flags", "open_questions", "agencies")

_SCALARS = (str, bool, int, float, datetime.date, _core.Date, _core.Tri)


def _error(code: str, where: str, message: str) -> _core.Error:
    """A jianzheng.Error as the C++ core raises it: .code, .where, .message."""
    e = _core.Error(f"{code} at {where}: {message}")
    e.code, e.where, e.message = code, where, message
    return e


def _ndarray(np: Any, a: Any, label: str) -> Tuple[Any, ...]:
    if a.ndim != 1:
        raise _error("wrong_type", label, f"column {label!r} must be one-dimensional, got shape {a.shape}")
    kind = a.dtype.kind
    if kind == "O":
        return ("objects", np.ascontiguousarray(a))
    if kind == "U":
        return ("unicode", np.ascontiguousarray(a))
    if kind == "b":
        return ("bool", np.ascontiguousarray(a, dtype=np.bool_))
    if kind in "iu":
        return ("int", np.ascontiguousarray(a, dtype=np.int64))
    if kind == "f":
        return ("float", np.ascontiguousarray(a, dtype=np.float64))
    if kind == "M":  # datetime64 of any unit → whole days; NaT stays NaT
        return ("days", np.ascontiguousarray(a.astype("datetime64[D]").view(np.int64)))
    raise _error("wrong_type", label, f"column {label!r} has numpy dtype {a.dtype}, which no request field takes"
                 + (" (decode bytes to str first)" if kind == "S" else ""))


def _pandas(pd: Any, np: Any, value: Any, label: str) -> Tuple[Any, ...]:
    if isinstance(value, pd.Index):
        value = pd.Series(value, copy=False)
    dtype = value.dtype
    if isinstance(dtype, pd.CategoricalDtype):
        cat = value.array if isinstance(value, pd.Series) else value
        return ("codes", np.ascontiguousarray(cat.codes, dtype=np.int64), prepare(cat.categories, label))
    if isinstance(dtype, pd.DatetimeTZDtype):  # the day on the clock where it was recorded
        value = value.dt.tz_localize(None) if isinstance(value, pd.Series) else value.tz_localize(None)
        dtype = value.dtype
    if isinstance(value, pd.Series):
        value = value.array
    if dtype.kind == "M":
        return _ndarray(np, value.to_numpy(dtype="datetime64[ns]"), label)
    if isinstance(dtype, pd.BooleanDtype) or (dtype.kind in "iuf" and not isinstance(dtype, np.dtype)):
        # Nullable booleans and integers: NA becomes NaN, read as unknown.
        return ("float", np.ascontiguousarray(value.to_numpy(dtype="float64", na_value=np.nan)))
    if isinstance(dtype, np.dtype):
        return _ndarray(np, value.to_numpy(), label)
    return ("objects", np.ascontiguousarray(value.to_numpy(dtype=object, na_value=None)))


def prepare(value: Any, label: str = "column") -> Optional[Tuple[Any, ...]]:
    """The form of one column (see the module's docstring), or None when it is not given."""
    if value is None:
        return None
    if isinstance(value, _SCALARS):
        return ("scalar", value)
    np = sys.modules.get("numpy")
    pd = sys.modules.get("pandas")
    if pd is not None:
        if value is pd.NA or value is pd.NaT:
            return ("scalar", None)
        if isinstance(value, (pd.Series, pd.Index, pd.Categorical)) or (
                isinstance(value, pd.api.extensions.ExtensionArray)):
            return _pandas(pd, np, value, label)
    if np is not None:
        if isinstance(value, np.ndarray):
            return _ndarray(np, value, label)
        if isinstance(value, np.generic):  # numpy.bool_, numpy.datetime64, numpy.float64 …
            return ("scalar", value)
    if isinstance(value, (list, tuple)):
        return ("objects", value)
    if isinstance(value, (bytes, bytearray, dict)):
        raise _error("wrong_type", label, f"column {label!r}: a {type(value).__name__} is not a column")
    if hasattr(value, "__array__") and np is not None:
        return _ndarray(np, np.asarray(value), label)
    try:
        return ("objects", list(value))
    except TypeError:
        raise _error("wrong_type", label,
                     f"column {label!r}: expected a sequence or one value for every row, got "
                     f"{type(value).__name__}") from None


def prepare_all(columns: Mapping[str, Any]) -> Dict[str, Optional[Tuple[Any, ...]]]:
    """The forms of Engine.decide_columns' keyword arguments."""
    return {field: prepare(value, field) for field, value in columns.items()}


def prepare_frame(frame: Any, columns: Optional[Mapping[str, Any]] = None) -> Tuple[Any, Any, Any]:
    """(forms, labels, index) for Engine.decide_frame: the frame's columns named by the request
    fields, or by `columns` ({field: frame column}); labels name them in errors."""
    pd = sys.modules.get("pandas")
    if pd is None or not isinstance(frame, pd.DataFrame):
        raise _error("wrong_type", "frame", f"decide_frame takes a pandas DataFrame, got {type(frame).__name__}")
    mapping: Dict[str, Any] = {}
    for field, name in (columns or {}).items():
        if field not in FIELDS:
            raise _error("unknown_field", field,
                         f"{field!r} is not a request field; the fields are {', '.join(FIELDS)}")
        if name not in frame.columns:
            raise _error("missing_field", str(name), f"the frame has no column {name!r} (given for {field!r})")
        mapping[field] = name
    for field in FIELDS:
        if field not in mapping and field in frame.columns:
            mapping[field] = field
    if "item" not in mapping and "text" not in mapping:
        raise _error("missing_field", "item",
                     "the frame needs a column item (item ids) or text (names as written); map yours with "
                     "columns={'text': '证明名称'}")
    forms = {field: prepare(frame[name], str(name)) for field, name in mapping.items()}
    labels = {field: str(name) for field, name in mapping.items()}
    return forms, labels, frame.index


def _take(np: Any, categories: Any, codes: Any) -> Any:
    """An object array: categories[code] for each row, None for -1 (rows share the strings)."""
    table = np.empty(len(categories) + 1, dtype=object)
    table[:len(categories)] = categories
    table[len(categories)] = None
    return table[codes]  # -1 picks the last entry, None


def to_frame(batch: Any, index: Any = None) -> Any:
    """DecisionColumns → pandas DataFrame (see DecisionColumns.to_frame)."""
    try:
        import numpy as np
        import pandas as pd
    except ImportError as e:  # pragma: no cover - depends on the machine
        raise ImportError("to_frame needs pandas (Debian: apt install python3-pandas)") from e
    a = batch.arrays()
    data: Dict[str, Any] = {}
    for name in FRAME_COLUMNS:
        if name == "outcome":
            codes, categories = a[name]
            data[name] = pd.Categorical.from_codes(codes, categories=categories)
        elif name == "working_days":
            days = a[name]
            data[name] = pd.arrays.IntegerArray(days.astype(np.int64), days < 0)
        elif name == "due":
            data[name] = a[name].view("datetime64[D]").astype("datetime64[ns]")
        else:
            codes, categories = a[name]
            data[name] = _take(np, categories, codes)
    return pd.DataFrame(data, index=index, copy=False)

"""jianzheng (减证): decision logic for community certificates.

Which certificates may a village or residents' committee (村委会、居委会) issue, which must it
not, and where does the resident go instead? This package is a thin, pure-Python layer over
the native core ``jianzheng._core``; rule logic lives in C++.

    >>> import jianzheng
    >>> engine = jianzheng.Engine()                  # the compiled-in national list
    >>> d = engine.decide({"text": "单身证明", "purpose": "银行贷款"})
    >>> d.outcome.name, d.clauses[0].id
    ('refuse_redirect', '2.2.2')

See docs/python.md for the whole surface.
"""

import importlib
from typing import Any, Dict, Iterable, List, Union

from . import _core
from ._core import *  # noqa: F401,F403
from ._core import Decision, DecisionBatch, DecisionColumns, Engine, Error, Outcome, version  # noqa: F401
from ._columns import FRAME_COLUMNS

__version__ = _core.__version__


def _open_questions_text(questions: Any) -> str:
    """As DecisionBatch.columns(): "within_duties→must_issue; verifiable→must_issue"."""
    return "; ".join(f"{q['fact']}→{q['outcome_if_yes']}" for q in questions or [])


def _columns(decisions: Iterable[Any]) -> Dict[str, List[Any]]:
    """Columns of :func:`to_frame` from any iterable of Decision or Decision dicts."""
    cols: Dict[str, List[Any]] = {name: [] for name in FRAME_COLUMNS}
    for d in decisions:
        j = d if isinstance(d, dict) else d.to_dict()
        item = j.get("item") or {}
        clauses = j.get("clauses") or []
        carve = j.get("carve_out")
        limit = j.get("time_limit")
        route = j.get("route")
        cols["outcome"].append(j["outcome"])
        cols["item"].append(item.get("id"))
        cols["name"].append(item.get("name"))
        cols["clause"].append(clauses[0]["id"] if clauses else None)
        cols["carve_out"].append(carve.get("scenario") if isinstance(carve, dict) else carve)
        cols["time_limit"].append(limit["kind"] if limit else None)
        cols["working_days"].append(limit.get("working_days") if limit and limit["kind"] == "working_days" else None)
        cols["due"].append(limit.get("due") if limit else None)
        cols["flags"].append(",".join(j.get("flags") or []))
        cols["open_questions"].append(_open_questions_text(j.get("open_questions")))
        cols["agencies"].append("、".join(route.get("agencies") or []) if route else None)
    return cols


def to_frame(decisions: Union[DecisionBatch, Iterable[Any]]) -> Any:
    """A pandas DataFrame with one row per decision, in order.

    ``decisions`` is what :meth:`Engine.decide_many` returns (read column by column in C++),
    or any iterable of :class:`Decision` or Decision dicts. The columns are those of
    :meth:`DecisionColumns.to_frame` (``FRAME_COLUMNS``): outcome (a categorical over the
    seven outcomes), item (id; None when unmatched), name, clause (the deciding clause id),
    carve_out (scenario), time_limit (on_the_spot / working_days), working_days (Int64), due
    (datetime64; NaT when none), flags (comma-separated), open_questions ("fact→outcome if
    yes", joined by "; "; "" when none), agencies (the route's agencies joined by "、"; None
    without a route). For millions of rows, :meth:`Engine.decide_columns` is the fast path.

    pandas is optional: it is imported here, and only here. Raises ImportError naming the
    Debian package when it is missing. Typed as Any: Debian's pandas has no type information.
    """
    try:
        pd: Any = importlib.import_module("pandas")
    except ImportError as e:  # pragma: no cover - depends on the machine
        raise ImportError("jianzheng.to_frame needs pandas (Debian: apt install python3-pandas)") from e
    if isinstance(decisions, DecisionColumns):
        return decisions.to_frame()
    cols = decisions.columns() if isinstance(decisions, DecisionBatch) else _columns(decisions)
    frame = pd.DataFrame({name: cols[name] for name in FRAME_COLUMNS})
    frame["outcome"] = pd.Categorical(frame["outcome"], categories=[o for o in Outcome.__members__])
    frame["working_days"] = frame["working_days"].astype("Int64")
    frame["due"] = pd.to_datetime(frame["due"], format="%Y-%m-%d")
    return frame


__all__ = sorted({name for name in dir(_core) if not name.startswith("_")}
                 | {"__version__", "to_frame", "FRAME_COLUMNS"})

"""Charts of the reform's progress from a ledger, and a self-contained HTML report with them.

The county programme ends with 三（六）认真总结评估: each township sums up its work and the
county civil-affairs bureau reports to the city. This module draws, from a ledger of the
certificates residents asked the committees for (出具证明台账) and, when given, the complaints
received (监督), the charts such a report carries:

1. 列入清单证明事项申请量: requests for certificates on a no-issue list (附件1), per month and
   township, against the programme's phase dates (三（一）–（六）, from jianzheng.Programme);
2. 各乡镇处理结论: the outcome the policy gives each request, by township;
3. 告知居民前往的部门: the departments residents are redirected to (办事途径 of 二（二）2);
4. 监督投诉: complaints by the kind of demanding body and the verdict (二（三）6).

Charts are matplotlib figures written as SVG (text as paths: they show the same everywhere)
and PNG, with Chinese text in Noto Sans CJK SC from Debian's fonts-noto-cjk. The report is one
HTML file with the SVGs inline: no network, no other file.

    python3 -m jianzheng.report LEDGER.csv [MORE.csv …] [--complaints FILE] -o report.html [--images DIR]

or from Python: ``write_report("report.html", ledger_frame, complaints=…)``. docs/python.md
("Pictures") describes the ledger's columns.
"""

import argparse
import datetime
import glob
import html
import io
import os
import sys
import tempfile
import warnings
from typing import Any, Dict, List, Mapping, Optional

from . import _core
from ._columns import _error

# --- the CJK font ---------------------------------------------------------------------------

#: Where Debian's fonts-noto-cjk puts the Sans collection.
NOTO_CJK = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
#: The face of the collection with Simplified Chinese glyph forms.
NOTO_CJK_SC = "Noto Sans CJK SC"


def _cache_dir() -> str:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "jianzheng")


def cjk_font_path() -> str:
    """A font file with Simplified Chinese glyphs for matplotlib.

    $JIANZHENG_CJK_FONT when set. Otherwise the "Noto Sans CJK SC" face of Debian's
    fonts-noto-cjk collection, saved once as its own file in ~/.cache/jianzheng (matplotlib
    reads only the first face of a collection, which has Japanese glyph forms). Raises
    RuntimeError naming the Debian package when there is no such font. Where the home folder
    cannot be written, the file goes into a folder of this user's under the temporary folder.
    """
    env = os.environ.get("JIANZHENG_CJK_FONT")
    if env:
        if not os.path.isfile(env):
            raise RuntimeError(f"JIANZHENG_CJK_FONT={env} is not a file")
        return env
    if not os.path.isfile(NOTO_CJK):
        raise RuntimeError("the charts need a CJK font: apt install fonts-noto-cjk "
                           "(or set JIANZHENG_CJK_FONT to a font file with Chinese glyphs)")
    stat = os.stat(NOTO_CJK)
    name = f"NotoSansCJKsc-Regular-{int(stat.st_mtime)}-{stat.st_size}.otf"
    # The user's cache, or (a read-only home, a CI runner) a folder of this user's in /tmp.
    folders = [_cache_dir(), os.path.join(tempfile.gettempdir(), f"jianzheng-{os.getuid()}")]
    for folder in folders:
        if os.path.isfile(os.path.join(folder, name)):
            return os.path.join(folder, name)
    from fontTools.ttLib import TTCollection  # matplotlib's own dependency
    faces = [f for f in TTCollection(NOTO_CJK, lazy=True).fonts if f["name"].getDebugName(1) == NOTO_CJK_SC]
    if not faces:
        raise RuntimeError(f"{NOTO_CJK} has no face {NOTO_CJK_SC!r}")
    for folder in folders:
        try:
            os.makedirs(folder, mode=0o700, exist_ok=True)
            # Written beside, then renamed: a half-written font is never used.
            fd, tmp = tempfile.mkstemp(dir=folder, suffix=".otf.part")
        except OSError:
            continue
        os.close(fd)
        try:
            faces[0].save(tmp)
            os.replace(tmp, os.path.join(folder, name))
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
        return os.path.join(folder, name)
    raise RuntimeError(f"no writable folder for the chart font: tried {', '.join(folders)}")


def _pyplot() -> Any:
    import matplotlib
    matplotlib.use("Agg")  # files only, no display
    import matplotlib.pyplot as plt
    from matplotlib import font_manager
    path = cjk_font_path()
    font_manager.fontManager.addfont(path)
    family = font_manager.FontProperties(fname=path).get_name()
    plt.rcParams.update({
        "font.family": [family],
        "axes.unicode_minus": False,   # the CJK font has no U+2212
        "svg.fonttype": "path",        # glyphs as outlines: no font needed to view the SVG
        "svg.hashsalt": "jianzheng",   # stable ids: the same data gives the same file
        "figure.dpi": 100,
    })
    return plt


def missing_glyphs(text: str, font_path: Optional[str] = None) -> str:
    """The characters of `text` the chart font has no glyph for ("" when all are there)."""
    from matplotlib.ft2font import FT2Font
    font = FT2Font(font_path or cjk_font_path())
    return "".join(sorted({c for c in text if not c.isspace() and font.get_char_index(ord(c)) == 0}))


# --- the ledger -----------------------------------------------------------------------------

#: Column names a ledger may use for each field, in the order they are looked for.
LEDGER_COLUMNS = {
    "county": ("county", "县", "县（区）"),
    "township": ("township", "乡镇", "乡（镇）"),
    "committee": ("committee", "村社区", "村（社区）"),
    "date": ("date", "日期", "申请日期"),
    "item": ("item", "事项编号"),
    "text": ("text", "证明名称", "证明事项"),
    "purpose": ("purpose", "用途"),
    "within_duties": ("within_duties", "职责范围"),
    "verifiable": ("verifiable", "能否核实"),
    "transitional_need": ("transitional_need", "明确要求"),
    "public_interest": ("public_interest", "公共利益"),
    "legal_risk": ("legal_risk", "法律风险"),
    "issued": ("issued", "是否出具"),
}
_REQUEST_FIELDS = ("item", "text", "purpose", "date", "within_duties", "verifiable", "transitional_need",
                   "public_interest", "legal_risk")
_YES_NO = {"是": "yes", "否": "no", "不确定": "unknown", "yes": "yes", "no": "no", "unknown": "unknown",
           True: "yes", False: "no"}


def ledger_columns(frame: Any, columns: Any = None) -> Any:
    """{field: the frame's column} for the fields the frame has: `columns` first, then the
    names of LEDGER_COLUMNS."""
    found = {}
    for field, name in (columns or {}).items():
        if field not in LEDGER_COLUMNS:
            raise _error("unknown_field", field, f"unknown ledger field {field!r}; the fields are {', '.join(LEDGER_COLUMNS)}")
        if name not in frame.columns:
            raise _error("missing_field", str(name), f"the ledger has no column {name!r} (given for {field!r})")
        found[field] = name
    for field, names in LEDGER_COLUMNS.items():
        if field not in found:
            for name in names:
                if name in frame.columns:
                    found[field] = name
                    break
    return found


def decide_ledger(engine: _core.Engine, frame: Any, columns: Optional[Mapping[str, str]] = None,
                  threads: Optional[int] = None) -> Any:
    """The decisions of every ledger row (Engine.decide_frame), with fact columns written
    是/否 read as yes/no."""
    found = ledger_columns(frame, columns)
    request = {f: found[f] for f in _REQUEST_FIELDS if f in found}
    view = frame[list(dict.fromkeys(request.values()))].copy()
    for field in ("within_duties", "verifiable", "transitional_need", "public_interest", "legal_risk"):
        if field in request and view[request[field]].dtype == object:
            view[request[field]] = view[request[field]].map(_YES_NO)
    return engine.decide_frame(view, columns=request, threads=threads)  # a pandas DataFrame


# --- the charts -----------------------------------------------------------------------------

#: The outcomes in the order charts stack them (issuing first, refusals last), with colours.
OUTCOME_COLOURS = {
    "must_issue": "#1b7837", "issue_after_deliberation": "#5aae61", "issue_transitional": "#a6dba0",
    "issue_after_risk_assessment": "#d9f0d3", "issue_for_stated_purpose": "#9ecae1",
    "refuse": "#b2182b", "refuse_redirect": "#f4a582",
}
#: Kinds of demanding body (RequesterKind) in Chinese.
BODY_KINDS = {"government_department": "政府部门", "public_institution": "公用企事业单位",
              "service_agency": "服务机构", "civil_commercial_entity": "民商事主体", "court": "人民法院",
              "resident": "居民群众", "other": "其他"}

_PHASE_SHORT = {"3.1": "安排部署", "3.2": "摸排情况", "3.3": "制定清单", "3.4": "编制指南",
                "3.5": "全面实施", "3.6": "总结评估"}


def _listed_ids(engine: Any, dates: Any) -> Any:
    """Ids of the items on a no-issue list in any composition the dates fall in."""
    ids = set()
    for day in sorted({str(d) for d in dates}):
        for item in engine.catalog(day).items():
            if item.disposition == _core.Disposition.not_by_committee:
                ids.add(item.id)
    return ids


def _month_starts(pd: Any, dates: Any) -> Any:
    return pd.to_datetime(dates).dt.to_period("M").dt.to_timestamp()


def _top(series_by_group: Any, top: Any) -> Any:
    """The `top` groups by size; the rest folded into one named "其他（N个）"."""
    order = series_by_group.sort_values(ascending=False)
    if len(order) <= top:
        return list(order.index), {}
    keep = list(order.index[:top - 1])
    rest = [g for g in order.index if g not in keep]
    return keep + [f"其他{len(rest)}个乡镇"], {g: f"其他{len(rest)}个乡镇" for g in rest}


def _phase_colours(plt: Any, programme: Any) -> Any:
    colours = plt.get_cmap("Set2").colors
    return {p.id: colours[n % len(colours)] for n, p in enumerate(programme.phases())}


def _shade_phases(ax: Any, pd: Any, programme: Any, colours: Any, lo: Any, hi: Any, alpha: Any) -> None:
    for p in programme.phases():
        start = max(pd.Timestamp(str(p.start)), lo)
        end = min(pd.Timestamp(str(p.end)) + pd.Timedelta(days=1), hi)
        if start < end:
            # The long implementation phase is the background, lighter than the short ones.
            ax.axvspan(start, end, color=colours[p.id], alpha=alpha * (0.4 if p.open_ended else 1), linewidth=0,
                       zorder=0)


def chart_listed_by_month(plt: Any, pd: Any, data: Any, programme: Any, top: Any = 12) -> Any:
    """Figure 1: listed-item requests per month, one panel per township (the largest `top`),
    each shaded by the programme's phases; a key of the phases on top."""
    import matplotlib.dates as mdates
    listed = data[data["listed"]]
    months = pd.period_range(data["month"].min(), data["month"].max(), freq="M").to_timestamp()
    totals = listed.groupby("township").size().reindex(sorted(data["township"].unique()), fill_value=0)
    groups, fold = _top(totals, top)
    per_month = listed.groupby(["month", "township"]).size().unstack(fill_value=0)
    per_month = per_month.reindex(index=months, columns=totals.index, fill_value=0)
    series = {}
    for g in groups:
        members = [t for t, f in fold.items() if f == g] or [g]
        series[g] = per_month[members].mean(axis=1) if len(members) > 1 else per_month[g]
    lo, hi = months[0], months[-1] + pd.offsets.MonthEnd(1) + pd.Timedelta(days=1)
    colours = _phase_colours(plt, programme)

    ncols = 4 if len(groups) > 6 else max(1, min(3, len(groups)))
    nrows = -(-len(groups) // ncols)
    height = 1.55 + 2.05 * nrows + 0.55
    fig = plt.figure(figsize=(11.5, height))
    grid = fig.add_gridspec(nrows + 1, ncols, height_ratios=[1.25] + [2.05] * nrows, hspace=0.55, wspace=0.12,
                            left=0.065, right=0.985, top=1 - 0.62 / height, bottom=0.62 / height)
    fig.suptitle("列入《不应由基层群众性自治组织出具证明事项清单》的证明申请量：按乡镇、按月，对照工作阶段",
                 fontsize=12.5, y=1 - 0.22 / height)

    # The key: the six phases on their own time line, one row each of three so labels never collide.
    key = fig.add_subplot(grid[0, :])
    rows = {"3.1": 2, "3.4": 2, "3.2": 1, "3.5": 1, "3.3": 0, "3.6": 0}
    for n, p in enumerate(programme.phases()):
        start, end = pd.Timestamp(str(p.start)), pd.Timestamp(str(p.end)) + pd.Timedelta(days=1)
        if end < lo or start > hi:
            continue
        row = rows.get(p.id, n % 3)
        key.barh(row, end - start, left=start, height=0.62, color=colours[p.id], edgecolor="none")
        label = f"{p.path}{_PHASE_SHORT.get(p.id, p.name)}"
        room_right = (hi - start).days > 130
        key.text(start + pd.Timedelta(days=6) if room_right else end - pd.Timedelta(days=6), row, label,
                 ha="left" if room_right else "right", va="center", fontsize=8.5, color="#222222")
    key.set_xlim(lo, hi)
    key.set_ylim(-0.6, 2.6)
    key.set_yticks([])
    key.xaxis.set_major_locator(mdates.MonthLocator(bymonth=[1, 7]))
    key.xaxis.set_major_formatter(mdates.DateFormatter("%Y年%-m月"))
    key.tick_params(axis="x", labelsize=8.5)
    for side in ("top", "right", "left"):
        key.spines[side].set_visible(False)
    key.set_title("工作阶段（《实施方案》三、具体安排）", fontsize=9.5, loc="left", color="#444444")

    ymax = max(float(s.max()) for s in series.values()) * 1.12 or 1
    first_ax = None
    for i, g in enumerate(groups):
        ax = fig.add_subplot(grid[1 + i // ncols, i % ncols], sharex=first_ax, sharey=first_ax)
        first_ax = first_ax or ax
        _shade_phases(ax, pd, programme, colours, lo, hi, alpha=0.35)
        ax.plot(series[g].index, series[g].to_numpy(), color="#2b5d8a", linewidth=1.5, zorder=2)
        title = g if g not in fold.values() else f"{g}（平均）"
        ax.set_title(f"{title}　{int(totals.get(g, sum(totals[t] for t, f in fold.items() if f == g))):,}件",
                     fontsize=9.5, pad=3)
        ax.set_xlim(lo, hi)
        ax.set_ylim(0, ymax)
        ax.xaxis.set_major_locator(mdates.YearLocator())
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
        ax.tick_params(labelsize=8)
        ax.grid(axis="y", color="#e0e0e0", linewidth=0.6)
        if i % ncols:
            plt.setp(ax.get_yticklabels(), visible=False)
        if i // ncols != nrows - 1 and i + ncols < len(groups):
            plt.setp(ax.get_xticklabels(), visible=False)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
    fig.text(0.065, 0.2 / height, "纵轴：当月列入清单事项的申请件数；底色为当时所处的工作阶段，与上方色条一致。"
             "事项是否列入清单按 jianzheng 对每条记录的判定。", fontsize=8.5, color="#555555")
    return fig


def _barh_stacked(ax: Any, table: Any, colours: Any, labels: Any) -> None:
    left = None
    for key in table.columns:
        values = table[key].to_numpy()
        ax.barh(range(len(table)), values, left=left, color=colours.get(key, "#cccccc"), label=labels.get(key, key),
                edgecolor="white", linewidth=0.5, height=0.72)
        left = values if left is None else left + values
    ax.set_yticks(range(len(table)))
    ax.set_yticklabels(table.index)
    ax.invert_yaxis()


def chart_outcomes_by_township(plt: Any, pd: Any, data: Any, outcome_names: Any, top: Any = 24) -> Any:
    """Figure 2: what the policy says of the requests, share by township."""
    counts = data.groupby(["township", "outcome"], observed=False).size().unstack(fill_value=0)
    counts = counts[[o for o in OUTCOME_COLOURS if o in counts.columns and counts[o].sum() > 0]]
    groups, fold = _top(counts.sum(axis=1), top)
    if fold:
        counts = counts.rename(index=lambda t: fold.get(t, t)).groupby(level=0).sum().reindex(groups)
    share = counts.div(counts.sum(axis=1), axis=0) * 100
    refused = share[[c for c in ("refuse", "refuse_redirect") if c in share.columns]].sum(axis=1)
    order = [g for g in refused.sort_values(ascending=False, kind="stable").index if g not in fold.values()]
    share = share.loc[order + [g for g in groups if g in fold.values()]]  # the folded rest last
    height = max(3.8, 0.36 * len(share) + 2.2)
    fig, ax = plt.subplots(figsize=(11.5, height))
    fig.subplots_adjust(left=0.14, right=0.97, top=1 - 0.75 / height, bottom=1.2 / height)
    _barh_stacked(ax, share, OUTCOME_COLOURS, outcome_names)
    totals = counts.sum(axis=1).reindex(share.index)
    for i, n in enumerate(totals):
        ax.text(100.8, i, f"{n:,}件", va="center", fontsize=8, color="#555555")
    ax.set_xlim(0, 108)
    ax.set_xticks(range(0, 101, 20))
    ax.set_xticklabels([f"{x}%" for x in range(0, 101, 20)])
    ax.set_xlabel("占本乡镇申请的比例")
    ax.set_title("各乡镇证明申请按《实施方案》应作的处理结论（按不予出具比例排序）", fontsize=12.5, pad=10)
    _legend_below(fig, ax, height, ncol=4)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return fig


def chart_redirect_departments(plt: Any, pd: Any, data: Any, top: Any = 15, items: Any = 6) -> Any:
    """Figure 3: the departments named in the routes of refuse_redirect decisions, each bar
    split by the certificate asked for."""
    refused = data[data["outcome"] == "refuse_redirect"]
    combos = refused.groupby(["agencies", "name"]).size()
    rows = []
    for (agencies, name), n in combos.items():
        for agency in str(agencies).split("、"):
            if agency:
                rows.append((agency, name, int(n)))
    table = pd.DataFrame(rows, columns=["agency", "name", "n"]).pivot_table(
        index="agency", columns="name", values="n", aggfunc="sum", fill_value=0)
    by_item = table.sum(axis=0).sort_values(ascending=False)
    keep = list(by_item.index[:items])
    if len(by_item) > items:
        table["其他证明"] = table.drop(columns=keep).sum(axis=1)
        keep.append("其他证明")
    table = table[keep]
    table = table.loc[table.sum(axis=1).sort_values(ascending=False).index[:top]]
    height = max(3.8, 0.4 * len(table) + 2.3)
    fig, ax = plt.subplots(figsize=(10.5, height))
    fig.subplots_adjust(left=0.2, right=0.95, top=1 - 0.75 / height, bottom=1.55 / height)
    palette = list(plt.get_cmap("Set2").colors) + list(plt.get_cmap("Pastel1").colors)
    _barh_stacked(ax, table, {k: palette[i % len(palette)] for i, k in enumerate(keep)}, {})
    totals = table.sum(axis=1).to_numpy()
    for i, n in enumerate(totals):
        ax.text(n, i, f" {n:,}", va="center", fontsize=8.5)
    ax.set_xlim(0, totals.max() * 1.14 if len(totals) else 1)
    ax.set_xlabel("涉及该部门的不予出具申请（件；办事途径常列出几个部门，一件可计入多个部门）")
    ax.set_title("不予出具时告知居民前往的部门（二（二）2 办事途径），按所申请的证明", fontsize=12.5, pad=10)
    _legend_below(fig, ax, height, ncol=4)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return fig


def _legend_below(fig: Any, ax: Any, height: Any, ncol: Any) -> None:
    """The legend centred under the plot, 0.2 inch above the figure's bottom edge."""
    handles, labels = ax.get_legend_handles_labels()
    fig.legend(handles, labels, loc="lower center", bbox_to_anchor=(0.5, 0.12 / height), ncol=ncol,
               fontsize=8.5, frameon=False)


def complaint_rows(report: Any) -> Any:
    """(body kind, verdict) of every complaint of a SupervisionReport (or its dict)."""
    j = report if isinstance(report, dict) else report.to_dict()
    rows = []
    for r in j.get("results", []):
        verdict = r["verdict"]
        clauses = [c["id"] for c in verdict.get("clauses") or []]
        if verdict["outcome"] == "unreasonable":
            why = "不合理：清单所列证明（二（二）2）" if "2.2.2" in clauses else "不合理：无合格依据（二（二）1）"
        else:
            why = "合理（属除外情形或有依据）"
        rows.append((BODY_KINDS.get(r["complaint"].get("body_kind") or "other", "其他"), why))
    return rows


def chart_complaints(plt: Any, pd: Any, rows: Any) -> Any:
    """Figure 4: complaints by the kind of demanding body and the verdict."""
    frame = pd.DataFrame(rows, columns=["kind", "verdict"])
    table = frame.groupby(["kind", "verdict"]).size().unstack(fill_value=0)
    order = [v for v in ("不合理：清单所列证明（二（二）2）", "不合理：无合格依据（二（二）1）", "合理（属除外情形或有依据）")
             if v in table.columns]
    table = table[order]
    table = table.loc[table.sum(axis=1).sort_values(ascending=False).index]
    height = max(3.4, 0.5 * len(table) + 2.1)
    fig, ax = plt.subplots(figsize=(10, height))
    fig.subplots_adjust(left=0.18, right=0.95, top=1 - 0.75 / height, bottom=1.25 / height)
    colours = {"不合理：清单所列证明（二（二）2）": "#d6604d", "不合理：无合格依据（二（二）1）": "#b2182b",
               "合理（属除外情形或有依据）": "#92c5de"}
    _barh_stacked(ax, table, colours, {})
    for i, n in enumerate(table.sum(axis=1)):
        ax.text(n, i, f" {n}", va="center", fontsize=8.5)
    ax.set_xlim(0, table.sum(axis=1).max() * 1.12)
    ax.set_xlabel("投诉（件）")
    ax.set_title("监督电话与网上反映的投诉：索要证明的单位类型与核查结论（二（三）6）", fontsize=12.5, pad=10)
    _legend_below(fig, ax, height, ncol=3)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return fig


def chart_data(ledger: Any, decisions: Any, engine: Any, columns: Any = None) -> Any:
    """One frame with what the charts read: township, month, outcome, listed, agencies
    (and issued, when the ledger has it)."""
    import pandas as pd
    found = ledger_columns(ledger, columns)
    for field in ("township", "date"):
        if field not in found:
            raise _error("missing_field", field, f"the ledger needs a {field} column ({' or '.join(LEDGER_COLUMNS[field])})")
    dates = pd.to_datetime(ledger[found["date"]])
    township = ledger[found["township"]].astype(str)
    if "county" in found and ledger[found["county"]].nunique() > 1:  # names repeat across counties
        township = ledger[found["county"]].astype(str) + "·" + township
    data = pd.DataFrame({
        "township": township.to_numpy(),
        "month": _month_starts(pd, dates).to_numpy(),
        "outcome": decisions["outcome"].astype(str).to_numpy(),
        "item": decisions["item"].to_numpy(),
        "name": decisions["name"].to_numpy(),
        "agencies": decisions["agencies"].to_numpy(),
    })
    data["listed"] = data["item"].isin(_listed_ids(engine, dates.dt.strftime("%Y-%m-%d").dropna().unique()))
    if "issued" in found:
        data["issued"] = ledger[found["issued"]].map(lambda v: _YES_NO.get(v) == "yes").to_numpy()
    if "county" in found:
        data["county"] = ledger[found["county"]].astype(str).to_numpy()
    return data


def _outcome_names() -> Any:
    return {o: _core.describe(getattr(_core.Outcome, o)) for o in OUTCOME_COLOURS}


def charts(ledger: Any, decisions: Any = None, complaints: Any = None, *, engine: Optional[_core.Engine] = None,
           programme: Any = None, columns: Optional[Mapping[str, str]] = None, top: int = 12) -> Dict[str, Any]:
    """The report's matplotlib figures, by name: listed_by_month, outcomes_by_township,
    redirect_departments and (with complaints) complaints.

    `ledger` is a pandas DataFrame with at least a township and a date column (names as in
    LEDGER_COLUMNS, or mapped by `columns`); `decisions` its rows' decisions (decide_frame;
    decided here when None). `complaints` is a SupervisionReport (supervise_all) or its dict.
    """
    import pandas as pd
    plt = _pyplot()
    engine = engine or _core.Engine()
    programme = programme or _core.Programme.embedded_default()
    if decisions is None:
        decisions = decide_ledger(engine, ledger, columns)
    data = chart_data(ledger, decisions, engine, columns)
    figures = {
        "listed_by_month": chart_listed_by_month(plt, pd, data, programme, top=top),
        "outcomes_by_township": chart_outcomes_by_township(plt, pd, data, _outcome_names(), top=2 * top),
        "redirect_departments": chart_redirect_departments(plt, pd, data),
    }
    if complaints is not None:
        rows = complaint_rows(complaints)
        if rows:
            figures["complaints"] = chart_complaints(plt, pd, rows)
    return figures


#: Captions of the figures in the report.
CAPTIONS = {
    "listed_by_month": "列入清单（附件1）的证明事项申请量，按月、按乡镇。上方色条为《实施方案》三、具体安排的六个阶段。",
    "outcomes_by_township": "各乡镇受理的证明申请，按《实施方案》二（一）、二（二）应作的处理结论所占比例；右侧为申请总件数。",
    "redirect_departments": "依二（二）2 不予出具、告知办事途径的申请中，办事途径所列的部门（机构）及涉及件数。",
    "complaints": "依二（三）6 受理的投诉：索要不合理证明的单位类型，及按清单和依据核查的结论。",
}


def save(figure: Any, stem: Any) -> Any:
    """Writes `figure` as stem.svg and stem.png (150 dpi) and returns the two paths.
    Raises RuntimeError when a glyph is missing from the font (a tofu box)."""
    paths = []
    with warnings.catch_warnings():
        warnings.filterwarnings("error", message=".*[Gg]lyph.*missing.*")
        for ext, kw in (("svg", {"metadata": {"Date": None}}), ("png", {"dpi": 150})):
            path = f"{stem}.{ext}"
            _atomic_write(path, lambda f, ext=ext, kw=kw: figure.savefig(f, format=ext, **kw), binary=True)
            paths.append(path)
    return paths


def _svg_text(figure: Any) -> Any:
    buf = io.StringIO()
    with warnings.catch_warnings():
        warnings.filterwarnings("error", message=".*[Gg]lyph.*missing.*")
        figure.savefig(buf, format="svg", metadata={"Date": None})
    text = buf.getvalue()
    return text[text.index("<svg"):]  # inline: no XML declaration or doctype


def _atomic_write(path: Any, write: Any, binary: Any = False) -> None:
    """Writes a file next to its final place and renames it: never half-written."""
    directory = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=".jianzheng-", suffix=".part")
    try:
        with (os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8")) as f:
            write(f)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # as open() would have made it, not mkstemp's 0600
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _summary_rows(data: Any, programme: Any) -> Any:
    """Per township: requests, listed requests, and (with an issued column) how many listed
    requests were still issued after 三（五） began — most first, since those are the
    townships a report names."""
    import pandas as pd
    rows = []
    impl = pd.Timestamp(str(programme.find_phase("3.5").start))
    for township, part in data.groupby("township", sort=True):
        listed = part[part["listed"]]
        row = [township, len(part), len(listed), 100 * len(listed) / max(len(part), 1)]
        if "issued" in data.columns:
            after = listed[listed["month"] >= impl]
            issued = int(after["issued"].sum())
            row += [len(after), issued, 100 * issued / max(len(after), 1)]
        rows.append(row)
    return sorted(rows, key=lambda r: -float(r[-1]))


def write_report(path: str, ledger: Any, decisions: Any = None, complaints: Any = None, *,
                 engine: Optional[_core.Engine] = None, programme: Any = None,
                 columns: Optional[Mapping[str, str]] = None, title: Optional[str] = None,
                 images_dir: Optional[str] = None, top: int = 12) -> str:
    """Writes a self-contained HTML report (charts inline as SVG) to `path` and returns it.
    With `images_dir`, also writes every chart there as SVG and PNG. Arguments as charts()."""
    import pandas as pd
    engine = engine or _core.Engine()
    programme = programme or _core.Programme.embedded_default()
    if decisions is None:
        decisions = decide_ledger(engine, ledger, columns)
    figures = charts(ledger, decisions, complaints, engine=engine, programme=programme, columns=columns, top=top)
    data = chart_data(ledger, decisions, engine, columns)
    if images_dir:
        os.makedirs(images_dir, exist_ok=True)
        for name, fig in figures.items():
            save(fig, os.path.join(images_dir, name))
    first, last = data["month"].min(), data["month"].max()
    period = f"{first.year}年{first.month}月至{last.year}年{last.month}月"
    title = title or f"改进和规范基层群众性自治组织出具证明工作总结评估：数据附图（{period}）"
    e = html.escape
    parts = [
        "<!DOCTYPE html>", '<html lang="zh-CN"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(title)}</title>",
        "<style>body{font-family:'Noto Sans CJK SC','Noto Sans SC','Source Han Sans SC','Microsoft YaHei',"
        "sans-serif;max-width:1180px;margin:2em auto;padding:0 1em;color:#222;line-height:1.6}"
        "h1{font-size:1.5em}figure{margin:2em 0}figure svg{width:100%;height:auto;display:block}"
        "figcaption{color:#444;font-size:.92em}table{border-collapse:collapse;font-size:.9em}"
        "td,th{border:1px solid #ccc;padding:.25em .6em;text-align:right}td:first-child,th:first-child"
        "{text-align:left}.note{color:#666;font-size:.85em}tr.warn td{color:#b2182b;font-weight:bold}</style></head><body>",
        f"<h1>{e(title)}</h1>",
        f'<p class="note">依据《实施方案》三（六）认真总结评估。数据：{len(data):,} 条证明申请记录，'
        f"{data['township'].nunique()} 个乡镇，{e(period)}。每条记录由 jianzheng {e(_core.__version__)} 按"
        f"《实施方案》二（一）、二（二）判定（清单 {e(engine.catalog_sha256(str(last.date()))[:12])}）；"
        f"阶段日期取自 {e(programme.title())}。生成于 {datetime.date.today().isoformat()}。</p>",
    ]
    summary = _summary_rows(data, programme)
    head = ["乡镇", "申请", "列入清单事项", "占比"]
    if "issued" in data.columns:
        head += ["三（五）实施后列入清单事项", "其中仍实际出具", "出具率"]
    parts.append("<h2>各乡镇概况</h2><table><tr>" + "".join(f"<th>{e(h)}</th>" for h in head) + "</tr>")
    for row in summary:
        cells = [e(f"{v:,}") if isinstance(v, int) else e(f"{v:.1f}%") if isinstance(v, float) else e(v) for v in row]
        warn = "issued" in data.columns and row[-1] >= 50
        parts.append(("<tr class='warn'>" if warn else "<tr>") + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    parts.append("</table>")
    if "issued" in data.columns:
        parts.append('<p class="note">按三（五）全面组织实施后列入清单事项的出具率排序；出具率达50%及以上的乡镇标红。</p>')
    for n, (name, fig) in enumerate(figures.items(), start=1):
        parts.append(f'<figure id="{name}" class="chart">{_svg_text(fig)}'
                     f"<figcaption>图{n}　{e(CAPTIONS[name])}</figcaption></figure>")
    if "complaints" not in figures:
        parts.append('<p class="note">未提供投诉记录：无监督投诉图。</p>')
    parts.append("</body></html>")
    document = "\n".join(parts)
    _atomic_write(path, lambda f: f.write(document))
    plt = _pyplot()
    for fig in figures.values():
        plt.close(fig)
    return path


# --- the command ----------------------------------------------------------------------------

def _read_ledger(paths: Any) -> Any:
    import pandas as pd
    files = []
    for p in paths:
        files += sorted(glob.glob(os.path.join(p, "*.csv"))) if os.path.isdir(p) else [p]
    if not files:
        raise _error("missing_field", "ledger", "no ledger files given")
    frames = [pd.read_csv(f, dtype=str, keep_default_na=False, na_values=[""], encoding="utf-8-sig") for f in files]
    return pd.concat(frames, ignore_index=True)


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python3 -m jianzheng.report",
        description="Writes the charts of a certificate ledger (三（六）总结评估) as one self-contained HTML file.")
    parser.add_argument("ledger", nargs="+", help="ledger CSV files, or folders of them (UTF-8)")
    parser.add_argument("-o", "--output", required=True, help="the HTML file to write")
    parser.add_argument("--complaints", help="complaint records (.csv or JSON, as `jianzheng complaints` reads)")
    parser.add_argument("--images", help="also write every chart as SVG and PNG into this folder")
    parser.add_argument("--title", help="the report's title")
    parser.add_argument("--column", action="append", default=[], metavar="FIELD=HEADER",
                        help="the ledger's column for a field, e.g. text=证明名称 (repeatable)")
    args = parser.parse_args(argv)
    try:
        columns = dict(c.split("=", 1) for c in args.column)
        ledger = _read_ledger(args.ledger)
        engine = _core.Engine()
        complaints = None
        if args.complaints:
            complaints = _core.supervise_all(engine, _core.load_complaints(args.complaints))
        write_report(args.output, ledger, complaints=complaints, engine=engine, columns=columns,
                     title=args.title, images_dir=args.images)
    except (_core.Error, RuntimeError, OSError, ValueError) as err:
        print(f"jianzheng.report: {err}", file=sys.stderr)
        return 1
    print(args.output)
    return 0


if __name__ == "__main__":
    sys.exit(main())

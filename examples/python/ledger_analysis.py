#!/usr/bin/env python3
"""What this shows: an analyst's pass over one township's certificate ledger (出具证明台账).

It generates a synthetic but realistic year (2021) of the certificates the committees of one
township actually issued — tens of thousands of rows, with the spellings clerks really type,
the purposes and requesters written down, and what the clerk knew — then classifies every row
with jianzheng.Engine.decide_many, counts what should not have been issued (二（二）1: no
legal basis; 二（二）2: on the no-issue list 附件1) by item and month, and plots it.

The data is made up by this script with a fixed seed; no real person or ledger is in it.
Usage: ledger_analysis.py [OUTPUT_DIR]   (writes ledger-2021.png there when matplotlib is
installed; uses pandas when installed, plain Python otherwise).
"""

import collections
import os
import random
import sys
import time
from typing import Any, Dict, List

import jianzheng

SEED = 20210101
ROWS = 36_000
YEAR = 2021

# What clerks typed, with how often (a 万能章 year: most of these should never be issued).
CERTIFICATES = [
    ("单身证明", 9), ("婚姻状况证明", 5), ("无犯罪证明", 6), ("收入证明", 10), ("经济状况证明", 5),
    ("亲属关系证明", 8), ("在世证明", 5), ("健在证明", 3), ("死亡证明", 3), ("出生证明", 2),
    ("居住证明", 9), ("户籍证明", 4), ("房产证明", 3), ("经营场所证明", 3), ("养犬证明", 1),
    ("残疾证明", 2), ("就业证明", 3), ("证件遗失证明", 2), ("遗产继承证明", 1), ("生育状况证明", 2),
    ("贫困证明", 5), ("低保证明", 2), ("村民身份证明", 3), ("土地承包情况证明", 2),
]
PURPOSES = [
    ("银行贷款", 8, "civil_commercial_entity"), ("办理不动产登记", 4, "government_department"),
    ("公证", 3, "public_institution"), ("子女入学", 5, "public_institution"),
    ("申请低保", 4, "government_department"), ("领取养老金", 5, "public_institution"),
    ("保险理赔", 3, "civil_commercial_entity"), ("办理营业执照", 2, "government_department"),
    ("务工就业", 4, "civil_commercial_entity"), ("法律援助", 1, "service_agency"),
    ("收养登记", 1, "government_department"), ("婚姻登记档案丢失补办", 1, "government_department"),
    ("个人留存", 3, "resident"),
]
COMMITTEES = ["一社区", "二社区", "三社区", "东村", "西村", "南村", "北村"]


def generate(engine: jianzheng.Engine) -> List[Dict[str, Any]]:
    """The ledger rows (dicts), one per certificate issued, on the year's working days."""
    rng = random.Random(SEED)
    calendar = engine.calendar()
    days = [d for d in (jianzheng.Date(f"{YEAR}-01-01").plus_days(i) for i in range(365))
            if calendar.is_working_day(d)]
    names, name_w = zip(*[(n, w) for n, w in CERTIFICATES])
    purposes, purpose_w = zip(*[(p, w) for p, w, _ in PURPOSES])
    kinds = {p: k for p, _, k in PURPOSES}
    rows: List[Dict[str, Any]] = []
    for _ in range(ROWS):
        purpose = rng.choices(purposes, purpose_w)[0]
        kind = kinds[purpose]
        # What the clerk knew when issuing: duties and verifiability mostly yes, sometimes
        # not asked; a bank or insurer "explicitly requires" it (二（一）3) now and then.
        facts = {
            "within_duties": rng.choices(["yes", "no", "unknown"], [70, 10, 20])[0],
            "verifiable": rng.choices(["yes", "no", "unknown"], [65, 10, 25])[0],
            "transitional_need": "yes" if rng.random() < (0.5 if kind == "civil_commercial_entity" else 0.2)
                                 else "unknown",
            "public_interest": "yes" if rng.random() < 0.03 else "no",
            "legal_risk": "yes" if rng.random() < 0.05 else "no",
        }
        rows.append({
            "text": rng.choices(names, name_w)[0],
            "purpose": purpose,
            "requester": {"kind": kind},
            "facts": facts,
            "date": str(rng.choice(days)),
            "committee": rng.choice(COMMITTEES),  # an extra ledger field: ignored by decide
        })
    return rows


def main(out_dir: str) -> int:
    engine = jianzheng.Engine()
    rows = generate(engine)
    started = time.process_time()
    batch = engine.decide_many(rows)
    seconds = time.process_time() - started
    refusals = {"refuse", "refuse_redirect"}

    try:
        import pandas as pd
    except ImportError:
        pd = None

    if pd is not None:
        frame = jianzheng.to_frame(batch)
        frame["month"] = [r["date"][:7] for r in rows]
        frame["typed"] = [r["text"] for r in rows]
        frame["item"] = frame["item"].fillna("unlisted:" + frame["typed"])
        wrong = frame[frame["outcome"].astype(str).isin(refusals)]
        by_item = wrong.groupby("item").size().sort_values(ascending=False)
        by_month_item = wrong.groupby(["month", "item"]).size().unstack(fill_value=0)
        by_clause = wrong.groupby("clause").size()
        total_wrong = len(wrong)
    else:
        columns = batch.columns()
        by_item, by_month_item, by_clause = collections.Counter(), collections.defaultdict(collections.Counter), collections.Counter()
        for row, outcome, item, clause in zip(rows, columns["outcome"], columns["item"], columns["clause"]):
            if outcome in refusals:
                key = item or f"unlisted:{row['text']}"
                by_item[key] += 1
                by_month_item[row["date"][:7]][key] += 1
                by_clause[clause] += 1
        total_wrong = sum(by_item.values())
        by_item = dict(by_item.most_common())

    print(f"jianzheng {jianzheng.__version__}: {len(rows)} ledger rows of {YEAR}, classified in "
          f"{seconds:.2f} s CPU ({len(rows) / max(seconds, 1e-9):,.0f} rows/s)")
    print(f"should not have been issued: {total_wrong} of {len(rows)} ({100 * total_wrong / len(rows):.1f} %)")
    print("by clause: " + ", ".join(f"{c} {n}" for c, n in dict(by_clause).items()))
    top = list(dict(by_item))[:6]
    months = sorted(by_month_item.index if pd is not None else by_month_item)

    def count(month: str, item: str) -> int:
        if pd is not None:
            return int(by_month_item.loc[month, item]) if item in by_month_item.columns else 0
        return int(by_month_item[month][item])

    print("by item and month (top items):")
    print("  " + "month".ljust(8) + "".join(i[:18].rjust(20) for i in top))
    for month in months:
        print("  " + month.ljust(8) + "".join(str(count(month, i)).rjust(20) for i in top))

    try:
        import matplotlib
        matplotlib.use("Agg")  # no display needed
        import matplotlib.pyplot as plt
    except ImportError:
        print("matplotlib not installed: no plot")
        return 0
    fig, ax = plt.subplots(figsize=(10, 5))
    bottom = [0] * len(months)
    for item in top:
        counts = [count(m, item) for m in months]
        # Item ids in the legend: Debian's default matplotlib fonts have no Chinese glyphs.
        ax.bar(months, counts, bottom=bottom, label=item if item.isascii() else f"unlisted text {top.index(item) + 1}")
        bottom = [b + c for b, c in zip(bottom, counts)]
    ax.set_title(f"Certificates issued that should not have been, {YEAR} (top items)")
    ax.set_ylabel("certificates")
    ax.legend(fontsize="small", loc="upper left", bbox_to_anchor=(1.0, 1.0))
    fig.tight_layout()
    fig.autofmt_xdate()
    path = os.path.join(out_dir, f"ledger-{YEAR}.png")
    fig.savefig(path, dpi=100)
    print(f"plot written: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else os.getcwd()))

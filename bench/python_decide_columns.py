#!/usr/bin/env python3
"""Throughput of jianzheng.Engine.decide_columns (docs/performance.md, section "Python: columns").

Not a test: run it by hand against a Release build of the module, e.g.

    cmake -S . -B build-release -DCMAKE_BUILD_TYPE=Release -DPython_EXECUTABLE=/usr/bin/python3
    cmake --build build-release --target jianzheng_python
    PYTHONPATH=build-release/python /usr/bin/python3 bench/python_decide_columns.py

One million rows per call, threads=1, best of --repeat calls, CPU time of this process
(process_time; the machine is shared, so wall time and the load average are shown too). Each
figure is the whole call: reading the columns under the GIL, then deciding without it into a
DecisionColumns. Side by side in the same run: decide_many on the same rows as dicts, and
to_frame of the result.

Rows: "by id" — the 20 items of 附件1 in random order, a request date over three years, and
the five facts each yes/no/unknown at random; "free text" — the certificate as a ledger writes
it (examples/python/province_ledger.py's spellings: names, colloquial names, typos,
Traditional, sentences; listed and unlisted), a purpose as written, a date and three facts.
"""

import argparse
import os
import random
import sys
import time

import jianzheng

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "examples", "python"))


def best(fn, repeat):
    cpu_best, wall_best = float("inf"), float("inf")
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        fn()
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        cpu_best, wall_best = min(cpu_best, cpu), min(wall_best, wall)
    return cpu_best, wall_best


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=1_000_000, help="rows per call (default 1,000,000)")
    parser.add_argument("--repeat", type=int, default=3, help="calls per measurement; the best counts")
    parser.add_argument("--many", action="store_true", help="also time decide_many on the same rows as dicts")
    args = parser.parse_args()

    import numpy as np
    import pandas as pd
    import province_ledger as ledger

    engine = jianzheng.Engine()
    rng = random.Random(16)
    n = args.n
    ids = [item.id for item in engine.catalog("2021-09-30").items()]
    days = [str(d) for d in pd.date_range("2021-01-01", "2023-12-31").date]
    tri = ["yes", "no", "unknown"]
    facts = ("within_duties", "verifiable", "transitional_need", "public_interest", "legal_risk")
    by_id = {"item": [rng.choice(ids) for _ in range(n)], "date": [rng.choice(days) for _ in range(n)]}
    by_id.update({f: [rng.choice(tri) for _ in range(n)] for f in facts})

    spellings = [t for t, _ in ledger.LISTED + ledger.UNLISTED]
    weights = [w for _, w in ledger.LISTED + ledger.UNLISTED]
    purposes = [p for p, _ in ledger.PURPOSES]
    text = {"text": rng.choices(spellings, weights, k=n), "purpose": [rng.choice(purposes) for _ in range(n)],
            "date": by_id["date"]}
    text.update({f: by_id[f] for f in facts[:3]})
    # The same rows with each spelling said in one of 50 ways (…，急用 / 麻烦开…): about 3,000
    # distinct texts, far more than the per-thread memo of resolutions holds (128), so most rows
    # are matched afresh — the cost when a ledger's spellings do not repeat.
    frames = ["{}"] + [f + "{}" for f in ("我要开", "麻烦开个", "请开具", "需要", "办理", "帮忙开", "申请", "开一份",
                                          "村里开", "社区出具", "我想开", "要开", "给开个", "开具")] + \
             ["{}" + f for f in ("，急用", "一份", "两份", "，谢谢", "（急）", "吗", "怎么开", "去哪开", "，银行要",
                                 "，单位要", "，学校要", "，医院要", "，法院要", "，贷款用", "，办手续用")] + \
             [a + "{}" + b for a, b in (("我要开个", "，急用"), ("麻烦开", "，谢谢"), ("需要", "一份"),
                                        ("请出具", "两份"), ("开", "，银行要"), ("我想办", "，单位要"),
                                        ("社区开", "，学校要"), ("帮我开", "，贷款用"), ("要", "（急）"),
                                        ("申请", "，办手续用"), ("村委会开", "，医院要"), ("能不能开", "吗"),
                                        ("开具", "，法院要"), ("办理", "，急用"), ("给我开", "一份"),
                                        ("需要开", "，谢谢"), ("出具", "，单位要"), ("我来开", "，银行要"),
                                        ("麻烦出具", "，急用"), ("开一张", "，学校要"))]
    varied = dict(text, text=[rng.choice(frames).format(t) for t in text["text"]])

    load = os.getloadavg()
    print(f"jianzheng {jianzheng.__version__}, {n:,} rows per call, threads=1, best of {args.repeat}; "
          f"load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f} on {os.cpu_count()} cores")
    print(f"  {len(set(text['text']))} distinct spellings, {len(set(text['purpose']))} purposes in the free-text rows; "
          f"{len(set(varied['text'])):,} distinct texts in the varied rows")

    def report(label, cpu, wall):
        print(f"  {label:58s} {n / cpu / 1e6:6.2f} M rows/s CPU  {n / wall / 1e6:6.2f} M/s wall")

    cases = [
        ("by id + date + 5 facts, lists of str", by_id),
        ("by id + date + 5 facts, pandas (categorical, datetime64)",
         {k: (pd.Series(v, dtype="category") if k != "date" else pd.to_datetime(pd.Series(v)))
          for k, v in by_id.items()}),
        ("by id + date + 5 facts, numpy object arrays", {k: np.array(v, dtype=object) for k, v in by_id.items()}),
        ("free text + purpose + date + 3 facts, lists of str", text),
        ("free text + purpose + date + 3 facts, pandas object columns",
         {k: pd.Series(v) for k, v in text.items()}),
        ("free text said 50 ways (~3,000 distinct), lists of str", varied),
    ]
    results = {}
    for label, cols in cases:
        results[label] = engine.decide_columns(**cols, threads=1)
        report("decide_columns: " + label, *best(lambda: engine.decide_columns(**cols, threads=1), args.repeat))
    cpu, wall = best(lambda: results[cases[3][0]].to_frame(), args.repeat)
    print(f"  {f'to_frame() of {n:,} free-text decisions':58s} {cpu * 1000:6.0f} ms CPU  {wall * 1000:6.0f} ms wall")
    if args.many:
        for label, cols in (cases[0], cases[3]):
            dicts = []
            for i in range(n):
                d = {k: cols[k][i] for k in ("item", "text", "purpose", "date") if k in cols}
                d["facts"] = {f: cols[f][i] for f in facts if f in cols}
                dicts.append(d)
            report("decide_many (dicts): " + label.split(",")[0],
                   *best(lambda: engine.decide_many(dicts, threads=1), args.repeat))
    two = best(lambda: engine.decide_columns(**text, threads=2), args.repeat)
    print(f"  {'decide_columns, free text, threads=2':58s} {n / two[0] / 1e6:6.2f} M rows/s CPU  "
          f"{n / two[1] / 1e6:6.2f} M/s wall")
    print(f"  load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()

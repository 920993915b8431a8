#!/usr/bin/env python3
"""What this shows: the charts a county civil-affairs bureau puts in its report to the city
(三（六）认真总结评估), from its committees' certificate ledger and the complaints received.

It makes one synthetic county's three-year ledger and its complaint records
(province_ledger.py), decides every request (jianzheng.report.decide_ledger, i.e.
Engine.decide_frame), classifies every complaint (supervise_all, 二（三）6), and writes
report.html — one self-contained page with the charts inline — plus every chart as SVG and
PNG under charts/, ready for the written report.

Usage: county_report.py OUT_DIR [--scale county|small]
"""

import argparse
import os
import sys
from typing import Any
import time

import jianzheng
from jianzheng import report

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import province_ledger  # noqa: E402  (the generator beside this file)


def main(argv: Any = None) -> Any:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir")
    parser.add_argument("--scale", choices=("county", "small"), default="county")
    args = parser.parse_args(argv)
    os.makedirs(args.out_dir, exist_ok=True)

    calendar = jianzheng.WorkCalendar.embedded_default()
    units = province_ledger.committees(args.scale)
    units = units[units["county"] == units["county"].iloc[0]]  # one county
    ledger = province_ledger.ledger(units, calendar=lambda d: calendar.is_working_day(jianzheng.Date(d)))
    complaints_csv = os.path.join(args.out_dir, "complaints.csv")
    province_ledger.complaints().to_csv(complaints_csv, index=False, encoding="utf-8")

    engine = jianzheng.Engine()
    started = time.process_time()
    decisions = report.decide_ledger(engine, ledger)
    decided = time.process_time() - started
    supervision = jianzheng.supervise_all(engine, jianzheng.load_complaints(complaints_csv))

    county = units["county"].iloc[0]
    started = time.process_time()
    path = report.write_report(
        os.path.join(args.out_dir, "report.html"), ledger, decisions, supervision, engine=engine,
        title=f"{county}改进和规范基层群众性自治组织出具证明工作总结评估：数据附图（示例数据）",
        images_dir=os.path.join(args.out_dir, "charts"))
    drawn = time.process_time() - started
    refused = decisions["outcome"].isin(["refuse", "refuse_redirect"]).mean() * 100
    print(f"{county}: {len(ledger):,} requests of {units['township'].nunique()} townships decided in "
          f"{decided:.2f} s CPU; the policy refuses {refused:.1f} %; {len(supervision.to_dict()['results'])} "
          f"complaints, {supervision.unreasonable} unreasonable")
    print(f"report written: {path} (charts in {drawn:.1f} s CPU)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""What this shows: a province's certificate ledger decided on a Dask cluster.

It writes a synthetic province ledger (province_ledger.py: counties × townships × village and
community committees, three years, certificates named as people write them) as partitioned
CSV, one file per county and year; reads it with dask.dataframe; decides every row in the
workers with the picklable jianzheng.Engine (Engine.decide_frame on each partition, one
thread per worker); and counts the outcomes per county and township. With --check it does
the same in this one process with pandas and checks that the two tables are equal.

By default it starts a LocalCluster of --workers worker processes on 127.0.0.1 (free ports,
no dashboard) and stops it at the end; --scheduler tcp://HOST:8786 uses a running cluster
instead (the ledger folder must then be readable by every worker, e.g. on shared storage,
and every worker must have jianzheng installed). docs/python.md ("A province on Dask").

Usage: province_dask.py OUT_DIR [--scale small|county|province] [--workers N ...]
                        [--scheduler ADDRESS] [--check] [--reuse]
"""

import argparse
import logging
import os
import sys
from typing import Any
import time

import pandas as pd

import jianzheng

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import province_ledger  # noqa: E402  (the generator beside this file)


def decide_partition(part: Any, engine: Any, columns: Any) -> Any:
    """One partition of the ledger → (county, township, outcome) per row. Runs in a worker:
    `engine` arrives pickled (its catalog layers' JSON) and is rebuilt there."""
    part = province_ledger_facts(part, columns)
    decided = engine.decide_frame(part, columns=columns, threads=1)
    return pd.DataFrame({"县": part["县"].to_numpy(), "乡镇": part["乡镇"].to_numpy(),
                         "outcome": decided["outcome"].astype(str).to_numpy()}, index=part.index)


def province_ledger_facts(part: Any, columns: Any) -> Any:
    """The ledger's 是/否/blank fact columns as True/False/None (as province_ledger.fact_columns,
    repeated here so workers need only this function, not the generator module)."""
    part = part.copy()
    for field in ("within_duties", "verifiable", "transitional_need"):
        part[columns[field]] = part[columns[field]].map({"是": True, "否": False})
    return part


def outcome_table(counts: Any) -> Any:
    """(县, 乡镇, outcome) → count as a wide table: one row per township, one column per outcome."""
    table = counts.unstack("outcome", fill_value=0)
    table = table.reindex(columns=[o for o in jianzheng.Outcome.__members__ if o in table.columns])
    return table.sort_index().astype("int64")


def read_csv_options() -> Any:
    # Every cell as text; only an empty cell is missing (a name such as "NA" stays a name).
    return dict(dtype=str, keep_default_na=False, na_values=[""], encoding="utf-8")


def on_dask(client: Any, ledger_dir: Any, engine: Any) -> Any:
    import dask.dataframe as dd
    frame = dd.read_csv(os.path.join(ledger_dir, "*.csv"), blocksize=None, **read_csv_options())
    meta = pd.DataFrame({"县": pd.Series(dtype=object), "乡镇": pd.Series(dtype=object),
                         "outcome": pd.Series(dtype=object)})
    decided = frame.map_partitions(decide_partition, engine, province_ledger.REQUEST_COLUMNS, meta=meta)
    counts = client.compute(decided.groupby(["县", "乡镇", "outcome"]).size(), sync=True)
    table = outcome_table(counts)
    return table, int(table.to_numpy().sum()), frame.npartitions


def in_one_process(ledger_dir: Any, engine: Any) -> Any:
    files = sorted(f for f in os.listdir(ledger_dir) if f.endswith(".csv"))
    frame = pd.concat([pd.read_csv(os.path.join(ledger_dir, f), **read_csv_options()) for f in files],
                      ignore_index=True)
    decided = decide_partition(frame, engine, province_ledger.REQUEST_COLUMNS)
    return outcome_table(decided.groupby(["县", "乡镇", "outcome"]).size()), len(frame)


def main(argv: Any = None) -> Any:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir")
    parser.add_argument("--scale", choices=sorted(province_ledger.SCALES), default="small")
    parser.add_argument("--workers", type=int, nargs="+", default=[2],
                        help="worker processes of the LocalCluster; several numbers run one after another")
    parser.add_argument("--scheduler", help="address of a running Dask scheduler, e.g. tcp://10.0.0.5:8786")
    parser.add_argument("--check", action="store_true", help="also decide in one process and compare")
    parser.add_argument("--reuse", action="store_true", help="keep a ledger already written in OUT_DIR")
    args = parser.parse_args(argv)

    from dask.distributed import Client, LocalCluster

    ledger_dir = os.path.join(args.out_dir, f"ledger-{args.scale}")
    if not (args.reuse and os.path.isdir(ledger_dir)):
        calendar = jianzheng.WorkCalendar.embedded_default()
        started = time.perf_counter()
        paths = province_ledger.write(ledger_dir, args.scale, calendar=lambda d: calendar.is_working_day(jianzheng.Date(d)))
        print(f"ledger: {len(paths)} CSV files in {ledger_dir} ({time.perf_counter() - started:.1f} s)")
    engine = jianzheng.Engine()

    results = []
    for workers in ([None] if args.scheduler else args.workers):
        if args.scheduler:
            client, cluster = Client(args.scheduler), None
        else:
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                                   dashboard_address=None, silence_logs=logging.CRITICAL)
            client = Client(cluster)
        try:
            # Workers are up, import pandas and jianzheng and build the engine once before timing.
            client.run(lambda: (__import__("pandas"), __import__("dask.dataframe"), __import__("jianzheng").Engine()))
            cpu_before = client.run(time.process_time)
            load = os.getloadavg()[0]
            started = time.perf_counter()
            table, rows, partitions = on_dask(client, ledger_dir, engine)
            seconds = time.perf_counter() - started
            cpu = sum(client.run(time.process_time).values()) - sum(cpu_before.values())
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
        label = args.scheduler or f"LocalCluster, {workers} worker process{'es' if workers != 1 else ''}"
        print(f"dask ({label}): {rows:,} rows in {partitions} partitions decided and counted in {seconds:.2f} s "
              f"({rows / seconds:,.0f} rows/s; workers' CPU {cpu:.1f} s; load average {load:.1f})")
        results.append(table)

    table = results[-1]
    per_county = table.groupby(level="县").sum()
    refused = per_county[[c for c in ("refuse", "refuse_redirect") if c in per_county.columns]].sum(axis=1)
    share = (refused / per_county.sum(axis=1) * 100).round(1)
    print(f"{len(per_county)} counties, {len(table)} townships; share of requests the policy refuses, by county:")
    for county, pct in share.sort_values(ascending=False).head(10).items():
        print(f"  {county}  {pct:5.1f} %  of {int(per_county.loc[county].sum()):,}")
    print("townships with the most requests for listed certificates to refuse (二（二）2):")
    if "refuse_redirect" in table.columns:
        for (county, township), n in table["refuse_redirect"].sort_values(ascending=False).head(5).items():
            print(f"  {county} {township}  {n:,}")

    for other in results[:-1]:
        if not other.equals(table):
            print("MISMATCH: the worker counts disagree")
            return 1
    if args.check:
        started = time.perf_counter()
        single, rows = in_one_process(ledger_dir, engine)
        seconds = time.perf_counter() - started
        print(f"one process: {rows:,} rows in {seconds:.2f} s")
        if not single.equals(table):
            print("MISMATCH: the cluster's table differs from one process's")
            return 1
        print(f"per county and township: equal to one process ({len(table)} townships, {int(table.to_numpy().sum()):,} rows)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

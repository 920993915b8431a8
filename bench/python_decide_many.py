#!/usr/bin/env python3
"""Throughput of jianzheng.Engine.decide_many (docs/performance.md, section "Python").

Not a test: run it by hand against a Release build of the module, e.g.

    cmake -S . -B build-release -DCMAKE_BUILD_TYPE=Release -DPython_EXECUTABLE=/usr/bin/python3
    cmake --build build-release --target jianzheng_python
    PYTHONPATH=build-release/python /usr/bin/python3 bench/python_decide_many.py

It decides N id-based requests (the 20 items of 附件1 in turn, with a request date) on one
thread, given as dicts in the JSON shape and as prebuilt Request objects, and reports
requests per second of CPU time (process_time: the machine is shared, so wall time is also
shown) for the whole call: converting the input, then deciding without the GIL.
"""

import argparse
import time

import jianzheng


def measure(engine, requests, repeat):
    best_cpu, best_wall = float("inf"), float("inf")
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        batch = engine.decide_many(requests, threads=1)
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        assert len(batch) == len(requests)
        best_cpu, best_wall = min(best_cpu, cpu), min(best_wall, wall)
    return len(requests) / best_cpu, len(requests) / best_wall


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=1_000_000, help="requests per call (default 1,000,000)")
    parser.add_argument("--repeat", type=int, default=3, help="calls per measurement; the best counts")
    args = parser.parse_args()

    engine = jianzheng.Engine()
    ids = [item.id for item in engine.catalog("2021-09-30").items()]
    dicts = [{"item": ids[i % len(ids)], "date": "2021-09-30"} for i in range(args.n)]
    objects = [jianzheng.Request(d) for d in dicts]
    print(f"jianzheng {jianzheng.__version__}, {args.n:,} id-based requests per call, threads=1, best of {args.repeat}")
    for name, requests in (("dicts (JSON shape)", dicts), ("Request objects", objects)):
        cpu, wall = measure(engine, requests, args.repeat)
        print(f"  {name:20s} {cpu / 1e6:6.2f} M requests/s CPU   {wall / 1e6:6.2f} M/s wall")
    batch = engine.decide_many(dicts[:100_000], threads=1)
    t = time.process_time()
    jianzheng.to_frame(batch) if _has_pandas() else batch.columns()
    t = time.process_time() - t
    print(f"  to_frame of 100,000 decisions: {t * 1000:.0f} ms CPU")


def _has_pandas():
    try:
        import pandas  # noqa: F401
        return True
    except ImportError:
        return False


if __name__ == "__main__":
    main()

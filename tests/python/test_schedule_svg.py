"""`jianzheng schedule --svg`: the Gantt chart of 三、具体安排, read back as XML.

Runs the CLI named by $JIANZHENG_CLI (ctest sets it) and checks one bar per phase, in the
policy's order, at the place its dates give, one marker per deadline and the today line.
"""
import datetime as dt
import os
import subprocess
import xml.etree.ElementTree as ET

import pytest

SVG = "{http://www.w3.org/2000/svg}"
CLI = os.environ.get("JIANZHENG_CLI")

pytestmark = pytest.mark.skipif(not CLI, reason="JIANZHENG_CLI is not set")

# 三（一）…（六）: id, name, first day, last day (3.5 runs to the programme's end).
PHASES = [
    ("3.1", "安排部署工作", "2020-11-01", "2020-11-30"),
    ("3.2", "摸排掌握情况", "2020-12-01", "2020-12-31"),
    ("3.3", "制定事项清单", "2021-01-01", "2021-03-31"),
    ("3.4", "编制办事指南", "2021-04-01", "2021-05-31"),
    ("3.5", "全面组织实施", "2021-06-01", "2023-08-31"),
    ("3.6", "认真总结评估", "2023-06-01", "2023-07-31"),
]
DEADLINES = {"3.1.plan": "2020-11-30", "3.2.survey": "2020-12-30", "3.3.county-list": "2021-03-31",
             "3.4.service-guides": "2021-05-31", "3.6.township-summary": "2023-06-30",
             "3.6.county-report": "2023-07-31"}


def chart(*args):
    out = subprocess.run([CLI, "schedule", "--svg", *args], check=True, capture_output=True)
    return ET.fromstring(out.stdout)


def day(iso):
    return dt.date.fromisoformat(iso).toordinal()


class Axis:
    def __init__(self, root):
        self.start = day(root.get("data-axis-start"))
        self.days = day(root.get("data-axis-end")) - self.start + 1
        self.x0 = float(root.get("data-plot-x0"))
        self.x1 = float(root.get("data-plot-x1"))

    def x(self, iso):  # left edge of a day
        return self.x0 + (self.x1 - self.x0) * (day(iso) - self.start) / self.days

    def mid(self, iso):
        return self.x(iso) + (self.x1 - self.x0) / self.days / 2


def test_one_bar_per_phase_in_order_and_place():
    root = chart("--at", "2021-09-30")
    assert root.tag == SVG + "svg"
    assert root.get("data-axis-start") == "2020-11-01" and root.get("data-axis-end") == "2023-08-31"
    axis = Axis(root)
    bars = [r for r in root.iter(SVG + "rect") if r.get("class") == "phase"]
    assert [b.get("data-phase") for b in bars] == [p[0] for p in PHASES]
    ys = [float(b.get("y")) for b in bars]
    assert ys == sorted(ys) and len(set(ys)) == len(ys), "one row each, top to bottom in the policy's order"
    for bar, (pid, name, first, last) in zip(bars, PHASES):
        assert bar.get("data-start") == first and bar.get("data-end") == last, pid
        x, w = float(bar.get("x")), float(bar.get("width"))
        assert x == pytest.approx(axis.x(first), abs=0.1), pid
        end_exclusive = (dt.date.fromisoformat(last) + dt.timedelta(days=1)).isoformat()
        assert x + w == pytest.approx(axis.x(end_exclusive), abs=0.2), pid
        assert name in "".join(bar.find(SVG + "title").itertext())
    assert bars[4].get("data-open-ended") == "true"  # 三（五）"2021年6月开始"
    # 三（五） overlaps 三（六）in time.
    assert float(bars[4].get("x")) + float(bars[4].get("width")) > float(bars[5].get("x"))


def test_deadlines_sit_on_their_dates_in_their_phase_rows():
    root = chart("--at", "2021-09-30")
    axis = Axis(root)
    marks = {p.get("data-deliverable"): p for p in root.iter(SVG + "path") if p.get("class") == "deadline"}
    assert {k: m.get("data-date") for k, m in marks.items()} == DEADLINES
    rows = {g.get("data-phase"): g for g in root.iter(SVG + "g") if g.get("class") == "row"}
    for deliverable, due in DEADLINES.items():
        phase = deliverable.rsplit(".", 1)[0]
        assert marks[deliverable] in list(rows[phase]), deliverable
        cx = float(marks[deliverable].get("d").split()[0][1:])  # "M<cx> <top>"
        assert cx == pytest.approx(axis.mid(due), abs=0.1), deliverable


def test_today_line_at_the_date_asked():
    root = chart("--at", "2021-09-30")
    axis = Axis(root)
    lines = [l for l in root.iter(SVG + "line") if l.get("class") == "today"]
    assert len(lines) == 1
    assert lines[0].get("data-date") == "2021-09-30"
    assert float(lines[0].get("x1")) == pytest.approx(axis.mid("2021-09-30"), abs=0.1)


def test_no_today_line_outside_the_programme_but_a_note():
    root = chart("--at", "2024-05-01")
    assert not [l for l in root.iter(SVG + "line") if l.get("class") == "today"]
    notes = [t for t in root.iter(SVG + "text") if t.get("class") == "today-label"]
    assert len(notes) == 1 and "方案已结束" in "".join(notes[0].itertext())


def test_the_chart_is_deterministic():
    assert ET.tostring(chart("--at", "2022-01-01")) == ET.tostring(chart("--at", "2022-01-01"))

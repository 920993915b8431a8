"""The HTML report opened in headless Chromium: every chart is drawn, in a fixed short budget.

Needs Debian's chromium, chromium-driver and python3-selenium (scripts/setup.sh installs
them); skipped where they are missing. Chromium runs headless, without sandbox, GPU,
background networking, component updates or sync, on a new empty profile."""

import io
import os
import shutil
import sys
import time
from pathlib import Path

import pytest

import jianzheng

pd = pytest.importorskip("pandas")
webdriver = pytest.importorskip("selenium.webdriver")
report = pytest.importorskip("jianzheng.report")

SOURCE = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(SOURCE / "examples" / "python"))
import province_ledger  # noqa: E402

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
BUDGET_SECONDS = 60  # the whole browser part, start to quit

pytestmark = pytest.mark.skipif(
    not (os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER) and os.path.isfile(report.NOTO_CJK)),
    reason="needs Debian's chromium, chromium-driver and fonts-noto-cjk")


def _browser(profile):
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 f"--user-data-dir={profile}", "--window-size=1280,900"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(10)
    return driver


def _ink(png_bytes):
    """The share of pixels of a screenshot that are not (near) white."""
    import matplotlib.image as mpimg
    pixels = mpimg.imread(io.BytesIO(png_bytes), format="png")[..., :3]
    return float((pixels.min(axis=2) < 0.9).mean())


def test_every_chart_of_the_report_renders_in_headless_chromium(tmp_path):
    engine = jianzheng.Engine()
    units = province_ledger.committees("small")
    ledger = province_ledger.ledger(units[units["county"] == units["county"].iloc[0]])
    complaints_csv = tmp_path / "complaints.csv"
    province_ledger.complaints(count=40).to_csv(complaints_csv, index=False)
    supervision = jianzheng.supervise_all(engine, jianzheng.load_complaints(str(complaints_csv)))
    page = Path(report.write_report(str(tmp_path / "report.html"), ledger, complaints=supervision, engine=engine))

    started = time.monotonic()
    profile = tmp_path / "chromium-profile"
    profile.mkdir()
    driver = _browser(profile)
    try:
        driver.get(page.as_uri())
        assert "总结评估" in driver.title
        charts = driver.execute_script("""
            return Array.from(document.querySelectorAll('figure.chart')).map(f => {
              const svg = f.querySelector('svg');
              const box = svg ? svg.getBoundingClientRect() : {width: 0, height: 0};
              return {id: f.id, width: box.width, height: box.height,
                      shapes: svg ? svg.querySelectorAll('path, use').length : 0};
            });""")
        assert [c["id"] for c in charts] == ["listed_by_month", "outcomes_by_township", "redirect_departments",
                                             "complaints"]
        for chart in charts:
            assert chart["width"] > 600 and chart["height"] > 200, chart
            assert chart["shapes"] > 100, chart  # lines, bars and glyph outlines were drawn
            element = driver.find_element("id", chart["id"])
            driver.execute_script("arguments[0].scrollIntoView();", element)
            shot = element.find_element("tag name", "svg").screenshot_as_png
            assert _ink(shot) > 0.03, chart["id"]  # not a blank box
            assert time.monotonic() - started < BUDGET_SECONDS
    finally:
        driver.quit()
    assert time.monotonic() - started < BUDGET_SECONDS

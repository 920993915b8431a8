"""jianzheng.report: the charts of a ledger for 三（六）总结评估 and the self-contained HTML
report, with Chinese text in a CJK font (no missing glyphs)."""

import os
import re
import sys
from pathlib import Path

import pytest

import jianzheng

pd = pytest.importorskip("pandas")
pytest.importorskip("matplotlib")
report = pytest.importorskip("jianzheng.report")

SOURCE = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(SOURCE / "examples" / "python"))
import province_ledger  # noqa: E402

needs_font = pytest.mark.skipif(not os.path.isfile(report.NOTO_CJK) and not os.environ.get("JIANZHENG_CJK_FONT"),
                                reason="fonts-noto-cjk is not installed")


@pytest.fixture(scope="module")
def engine():
    return jianzheng.Engine()


@pytest.fixture(scope="module")
def ledger():
    units = province_ledger.committees("small")
    return province_ledger.ledger(units[units["county"] == units["county"].iloc[0]])


@pytest.fixture(scope="module")
def supervision(engine, tmp_path_factory):
    path = tmp_path_factory.mktemp("complaints") / "complaints.csv"
    province_ledger.complaints(count=40).to_csv(path, index=False)
    return jianzheng.supervise_all(engine, jianzheng.load_complaints(str(path)))


def test_the_ledger_columns_are_found_by_their_chinese_headers(ledger):
    found = report.ledger_columns(ledger)
    assert found["township"] == "乡镇" and found["text"] == "证明名称" and found["issued"] == "是否出具"
    assert report.ledger_columns(ledger.rename(columns={"证明名称": "名称"}), {"text": "名称"})["text"] == "名称"


def test_decide_ledger_reads_shi_fou_facts_as_yes_no(engine, ledger):
    rows = ledger.head(200)
    got = report.decide_ledger(engine, rows, threads=1)
    yes_no = {"是": "yes", "否": "no"}
    requests = []
    for _, r in rows.iterrows():
        facts = {f: yes_no[r[c]] for f, c in (("within_duties", "职责范围"), ("verifiable", "能否核实"),
                                              ("transitional_need", "明确要求")) if r[c] in yes_no}
        req = {"text": r["证明名称"], "date": r["日期"], "facts": facts}
        if r["用途"]:
            req["purpose"] = r["用途"]
        requests.append(req)
    assert list(got["outcome"].astype(str)) == [engine.decide(q).outcome.name for q in requests]


@needs_font
def test_the_chart_font_is_noto_sans_cjk_sc_and_has_every_glyph_of_the_labels(ledger):
    from matplotlib import font_manager
    path = report.cjk_font_path()
    assert font_manager.FontProperties(fname=path).get_name() == report.NOTO_CJK_SC or \
        os.environ.get("JIANZHENG_CJK_FONT")
    labels = "".join(report.CAPTIONS.values()) + "".join(report.BODY_KINDS.values()) + \
        "".join(jianzheng.describe(o) for o in jianzheng.Outcome.__members__.values()) + \
        "".join(ledger["乡镇"].unique()) + "".join(p.path + p.name for p in jianzheng.Programme.embedded_default().phases())
    assert report.missing_glyphs(labels) == ""
    assert report.missing_glyphs("\u0e01") == "\u0e01"  # a Thai letter: the check does find gaps


@needs_font
def test_every_chart_renders_its_chinese_text_without_a_missing_glyph(engine, ledger, supervision, tmp_path):
    figures = report.charts(ledger, complaints=supervision, engine=engine)
    assert list(figures) == ["listed_by_month", "outcomes_by_township", "redirect_departments", "complaints"]
    for name, fig in figures.items():
        svg, png = report.save(fig, str(tmp_path / name))  # raises on a missing glyph
        assert os.path.getsize(png) > 10_000
        text = Path(svg).read_text("utf-8")
        assert "<text" not in text  # glyphs are outlines: the SVG needs no font to be read
    # The phases are marked with their clause numbers, from the library's programme.
    strip = figures["listed_by_month"].axes[0]
    labels = [t.get_text() for t in strip.texts]
    assert [label[:4] for label in labels] == [p.path for p in jianzheng.Programme.embedded_default().phases()]


@needs_font
def test_the_html_report_is_one_self_contained_file(engine, ledger, supervision, tmp_path):
    path = report.write_report(str(tmp_path / "report.html"), ledger, complaints=supervision, engine=engine,
                               images_dir=str(tmp_path / "charts"))
    page = Path(path).read_text("utf-8")
    assert page.count('<figure id="') == 4 and page.count("<svg") == 4
    assert not re.search(r'(src|href)="(?!#|data:)', page)  # nothing fetched from elsewhere
    assert "三（六）" in page and "各乡镇概况" in page
    assert sorted(os.listdir(tmp_path / "charts")) == sorted(
        f"{n}.{e}" for n in ("listed_by_month", "outcomes_by_township", "redirect_departments", "complaints")
        for e in ("svg", "png"))
    assert not [f for f in os.listdir(tmp_path) if f.endswith(".part")]


@needs_font
def test_the_report_command_reads_ledger_csv_files(ledger, tmp_path):
    folder = tmp_path / "ledger"
    folder.mkdir()
    ledger.iloc[:3000].to_csv(folder / "a.csv", index=False)
    ledger.iloc[3000:].to_csv(folder / "b.csv", index=False)
    out = tmp_path / "r.html"
    assert report.main([str(folder), "-o", str(out)]) == 0
    assert out.read_text("utf-8").count("<svg") == 3  # no complaints given: three charts
    assert report.main([str(tmp_path / "none.csv"), "-o", str(tmp_path / "x.html")]) == 1
    assert not (tmp_path / "x.html").exists()

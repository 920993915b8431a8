"""The county workflow from Python: survey returns (附件2), the draft county list, service
guides, complaints and list diffs. Their JSON is the command line's --json; the rules are
tested in C++."""

import json
import os
from pathlib import Path

import pytest

import jianzheng

SOURCE = Path(os.environ.get("JIANZHENG_SOURCE_DIR", Path(__file__).resolve().parents[2]))
DATA = SOURCE / "tests" / "data"


def test_a_gb18030_survey_table_reads_from_bytes_and_validates():
    raw = (DATA / "survey" / "valid_gb18030.csv").read_bytes()
    survey = jianzheng.parse_survey_csv(raw, "valid_gb18030.csv")
    assert survey.charset == "gb18030" and survey.rows
    check = jianzheng.validate_survey(survey, jianzheng.Catalog.embedded_default("2021-01-01"))
    assert len(check.rows) == len(survey.rows)
    assert all(isinstance(r.verdict, jianzheng.SurveyVerdict) for r in check.rows)
    assert check.to_dict()["rows"][0]["verdict"] == check.rows[0].verdict.name
    assert jianzheng.parse_survey_csv(survey.to_csv(gb18030=True)).rows[0].name == survey.rows[0].name


def test_a_bad_survey_raises_error_with_its_code():
    with pytest.raises(jianzheng.Error) as info:
        jianzheng.load_survey(str(DATA / "survey" / "invalid_invalid_date_no_such_day.csv"))
    assert info.value.code == "invalid_date"


def test_merged_surveys_make_a_draft_layer_that_composes():
    catalog = jianzheng.Catalog.embedded_default("2021-01-01")
    surveys = [jianzheng.load_survey(str(DATA / "survey" / "valid_return.json")),
               jianzheng.load_survey(str(DATA / "survey" / "valid_utf8_title_and_blank_rows.csv"))]
    options = jianzheng.DraftOptions()
    options.example = True
    draft = jianzheng.merge_surveys(surveys, catalog, options)
    assert set(draft.to_dict()) >= {"entries"}
    jianzheng.Catalog.compose(jianzheng.default_layers() + [draft.layer], "2021-06-01")


def test_service_guides_load_and_check_against_the_county_list():
    guides = jianzheng.load_guides(str(SOURCE / "data" / "examples" / "guides-example.json"))
    county = jianzheng.Engine.from_files([str(SOURCE / "data" / "examples" / "county-list-example.json")])
    assert len(guides) == len(guides.items()) > 0
    assert json.loads(guides.guide_json(guides.items()[0]))["item"] == guides.items()[0]
    assert guides.guide_json("no-such-item") is None
    assert isinstance(jianzheng.check_guides(guides, county.catalog("2022-01-01")), list)


def test_complaints_are_classified_per_demanding_body():
    records = jianzheng.load_complaints(str(DATA / "complaints" / "valid_complaints.json"))
    report = jianzheng.supervise_all(jianzheng.Engine(), records)
    j = report.to_dict()  # the JSON of `jianzheng complaints --json`
    assert len(j["results"]) == len(records)
    # 二（三）6: a demand for a listed certificate (单身证明 → 附件1 第8项) is unreasonable.
    assert report.unreasonable == j["unreasonable"] == sum(
        1 for r in j["results"] if r["verdict"]["outcome"] == "unreasonable") > 0
    assert report.to_markdown().strip()


def test_list_versions_diff_and_flag_the_long_term_mechanism():
    versions = [jianzheng.load_catalog_layer(str(DATA / "diff" / f"v{i}.json")) for i in (1, 2, 3)]
    history = jianzheng.diff_history(versions)
    assert history.versions == [v.provenance.id for v in versions]
    assert set(history.to_dict()) == {"versions", "steps", "flags"}
    assert set(jianzheng.diff(versions[0], versions[1]).to_dict()) >= {"added", "removed", "flags"}

"""The time data files (work calendar, programme, submissions) match their published schemas."""
import json
import os
import pathlib

import jsonschema
import pytest

ROOT = pathlib.Path(os.environ.get("JIANZHENG_SOURCE_DIR", pathlib.Path(__file__).resolve().parents[2]))
SCHEMAS = ROOT / "docs" / "schemas"
TIME = ROOT / "tests" / "data" / "time"


def load(path):
    return json.loads(pathlib.Path(path).read_text(encoding="utf-8"))


def validator(name):
    schema = load(SCHEMAS / name)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize("path", sorted((ROOT / "data" / "calendar").glob("*.json")) +
                         sorted((TIME / "calendar").glob("valid_*.json")) + sorted(TIME.glob("local-layer-*.json")))
def test_calendars_match_the_schema(path):
    validator("calendar.schema.json").validate(load(path))


@pytest.mark.parametrize("path", sorted((ROOT / "data" / "programme").glob("*.json")) +
                         sorted((TIME / "programme").glob("valid_*.json")))
def test_programmes_match_the_schema(path):
    validator("programme.schema.json").validate(load(path))


def test_submissions_match_the_schema():
    validator("submissions.schema.json").validate(load(TIME / "submissions-example.json"))


def test_the_schema_rejects_what_the_loader_rejects():
    v = validator("calendar.schema.json")
    doc = load(ROOT / "data" / "calendar" / "cn-2020-2026.json")
    doc["days"][0]["type"] = "holiday"
    assert not v.is_valid(doc)
    local = load(TIME / "local-layer-example.json")
    local["years"] = [2021]  # a local layer covers no years of its own
    assert not v.is_valid(local)

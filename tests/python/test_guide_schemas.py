"""The shipped guides file and the guide and complaint fixtures validate against the published
JSON Schemas (docs/schemas/guide.schema.json, complaint.schema.json); invalid fixtures whose
fault is a matter of shape are rejected by them too. The county layer example validates
against the catalog schema.

Pure Python: needs only python3-jsonschema, not the jianzheng module."""
import json
import os
import pathlib

import jsonschema
import pytest

SOURCE = pathlib.Path(os.environ.get("JIANZHENG_SOURCE_DIR", pathlib.Path(__file__).resolve().parents[2]))
SCHEMAS = SOURCE / "docs" / "schemas"
DATA = SOURCE / "tests" / "data"


def validator(name):
    schema = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


GUIDE = validator("guide.schema.json")
COMPLAINT = validator("complaint.schema.json")
# Faults a schema can see; duplicate keys, unclosed placeholders and bad dates need the loader.
SHAPE_CODES = ("unknown_field", "unknown_enum", "missing_field", "wrong_type", "unsupported_format")


def load(path):
    return json.loads(path.read_text(encoding="utf-8"))


def shape_fixtures(folder):
    return sorted(p for p in (DATA / folder).glob("invalid_*.json")
                  if any(p.name.startswith("invalid_" + c + "_") for c in SHAPE_CODES))


@pytest.mark.parametrize("path", [SOURCE / "data" / "examples" / "guides-example.json",
                                  *sorted((DATA / "guides").glob("valid_*.json"))],
                         ids=lambda p: p.name)
def test_valid_guides_files_match_the_schema(path):
    GUIDE.validate(load(path))


@pytest.mark.parametrize("path", shape_fixtures("guides"), ids=lambda p: p.name)
def test_invalid_guides_fixtures_are_rejected_by_the_schema(path):
    assert list(GUIDE.iter_errors(load(path)))


@pytest.mark.parametrize("path", sorted((DATA / "complaints").glob("valid_*.json")), ids=lambda p: p.name)
def test_valid_complaints_match_the_schema(path):
    COMPLAINT.validate(load(path))


@pytest.mark.parametrize("path", shape_fixtures("complaints"), ids=lambda p: p.name)
def test_invalid_complaint_fixtures_are_rejected_by_the_schema(path):
    assert list(COMPLAINT.iter_errors(load(path)))


def test_the_example_county_list_is_a_labelled_catalog_layer():
    doc = load(SOURCE / "data" / "examples" / "county-list-example.json")
    validator("catalog.schema.json").validate(doc)
    assert doc["catalog"]["example"] is True
    assert all(item["disposition"] == "by_committee" for item in doc["items"])


@pytest.mark.parametrize("path", sorted((DATA / "diff").glob("*.json")), ids=lambda p: p.name)
def test_diff_fixtures_are_catalog_layers(path):
    validator("catalog.schema.json").validate(load(path))

"""Every shipped catalog and clauses file, and every valid catalog fixture, validates against
the published JSON Schemas (docs/schemas/); invalid fixtures whose fault is a matter of shape
(unknown fields, enums, missing fields, types, format marker) are rejected by them too.

Pure Python: needs only python3-jsonschema, not the jianzheng module."""
import json
import os
import pathlib

import jsonschema
import pytest

SOURCE = pathlib.Path(os.environ.get("JIANZHENG_SOURCE_DIR", pathlib.Path(__file__).resolve().parents[2]))
SCHEMAS = SOURCE / "docs" / "schemas"
FIXTURES = SOURCE / "tests" / "data" / "catalog"


def validator(name):
    schema = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


CATALOG = validator("catalog.schema.json")
CLAUSES = validator("clauses.schema.json")

def data_files(fmt):
    """Every JSON file under data/ that declares this format."""
    out = []
    for path in sorted((SOURCE / "data").rglob("*.json")):
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except ValueError:
            continue
        if isinstance(doc, dict) and doc.get("format") == fmt:
            out.append(path)
    return out


CATALOG_FILES = data_files("jianzheng-catalog/1")
CLAUSES_FILES = data_files("jianzheng-clauses/1")
VALID_FIXTURES = sorted(FIXTURES.glob("valid_*.json"))
# Faults a schema can see; the others (duplicate ids, references, collisions, dates in the
# wrong order, bytes that are not UTF-8 or not JSON) need the loader.
SHAPE_CODES = ("unknown_field", "unknown_enum", "missing_field", "wrong_type", "unsupported_format")
SHAPE_FIXTURES = sorted(p for p in FIXTURES.glob("invalid_*.json")
                        if any(p.name.startswith("invalid_" + c + "_") for c in SHAPE_CODES))


def load(path):
    return json.loads(path.read_text(encoding="utf-8"))


def test_the_shipped_catalog_files_are_there():
    names = {p.name for p in CATALOG_FILES}
    assert {"national-batch1.json", "national-aliases.json", "national-amendments.json",
            "hubei-province-layer.json"} <= names


@pytest.mark.parametrize("path", CATALOG_FILES + VALID_FIXTURES, ids=lambda p: p.name)
def test_catalog_file_validates(path):
    CATALOG.validate(load(path))


@pytest.mark.parametrize("path", CLAUSES_FILES, ids=lambda p: p.name)
def test_clauses_file_validates(path):
    doc = load(path)
    CLAUSES.validate(doc)
    ids = [c["id"] for c in doc["clauses"]]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("path", SHAPE_FIXTURES, ids=lambda p: p.name)
def test_shape_faults_are_rejected_by_the_schema(path):
    with pytest.raises(jsonschema.ValidationError):
        CATALOG.validate(load(path))


def test_there_are_enough_invalid_fixtures_and_each_has_an_expected_error():
    index = load(FIXTURES / "expected-errors.json")["fixtures"]
    files = {p.name for p in FIXTURES.glob("invalid_*.json")}
    assert len(files) >= 30
    assert files == set(index)
    for name, expected in index.items():
        assert name.startswith("invalid_" + expected["code"] + "_")
        assert expected["line"] >= 1 and expected["column"] >= 1


def test_the_clauses_file_is_there():
    assert SOURCE / "data" / "clauses.json" in CLAUSES_FILES


def test_example_layers_say_so():
    for path in CATALOG_FILES:
        if path.parent.name == "examples":
            assert load(path)["catalog"]["example"] is True, path.name

"""The purpose vocabulary file and the labelled purpose sets: the vocabulary validates against
its published schema (docs/schemas/purpose-vocabulary.schema.json), and every row of the
labelled sets names an item and a carve-out scenario of the shipped catalog.

Pure Python: needs only python3-jsonschema, not the jianzheng module."""
import json
import os
import pathlib

import jsonschema

SOURCE = pathlib.Path(os.environ.get("JIANZHENG_SOURCE_DIR", pathlib.Path(__file__).resolve().parents[2]))


def test_the_purpose_vocabulary_validates():
    schema = json.loads((SOURCE / "docs" / "schemas" / "purpose-vocabulary.schema.json").read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    cls(schema).validate(json.loads((SOURCE / "data" / "purpose" / "vocabulary.json").read_text(encoding="utf-8")))


def test_the_labelled_purposes_name_real_items_and_scenarios():
    catalog = json.loads((SOURCE / "data" / "catalog" / "national-batch1.json").read_text(encoding="utf-8"))
    scenarios = {i["id"]: {c["scenario"] for c in i["carve_outs"]} for i in catalog["items"]}
    rows = 0
    for name in ("labelled.tsv", "heldout.tsv"):
        for line in (SOURCE / "tests" / "data" / "purposes" / name).read_text(encoding="utf-8").splitlines():
            if not line or line.startswith("#"):
                continue
            item, purpose, expected, kind = line.split("\t")
            assert item in scenarios, line
            assert purpose.strip(), line
            assert kind in {"resident", "clerk", "letter", "negation", "lookalike", "doubt", "other"}, line
            if expected != "none":
                result, scenario = expected.split(":")
                assert result in {"matched", "possible"}, line
                assert scenario in scenarios[item], line
            rows += 1
    assert rows >= 200

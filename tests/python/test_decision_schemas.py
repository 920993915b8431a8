"""The Request and Decision JSON of docs/design.md §8 against their published schemas
(docs/schemas/request.schema.json, decision.schema.json): the request fixtures validate or
are rejected as the C++ reader does, and decisions written by `jianzheng decide --json
--batch` for every item, several purposes and fact patterns validate, members in order.

Pure Python (python3-jsonschema); the decision part runs when JIANZHENG_CLI names the CLI."""
import itertools
import json
import os
import pathlib
import subprocess

import jsonschema
import pytest

SOURCE = pathlib.Path(os.environ.get("JIANZHENG_SOURCE_DIR", pathlib.Path(__file__).resolve().parents[2]))
SCHEMAS = SOURCE / "docs" / "schemas"
FIXTURES = SOURCE / "tests" / "data" / "decisions"
CLI = os.environ.get("JIANZHENG_CLI")


def validator(name):
    schema = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


REQUEST = validator("request.schema.json")
DECISION = validator("decision.schema.json")
SHAPE_CODES = ("unknown_field", "unknown_enum", "missing_field", "wrong_type")
DECISION_ORDER = ["outcome", "item", "clauses", "carve_out", "route", "steps", "flags",
                "time_limit", "open_questions", "explanation", "trace", "receipt"]
ADDED = ["certainty", "item_question", "purpose_questions", "purpose"]  # issue 11, after the design's members


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("valid_*.json")), ids=lambda p: p.name)
def test_valid_request_fixtures_validate(path):
    REQUEST.validate(json.loads(path.read_text(encoding="utf-8")))


@pytest.mark.parametrize(
    "path",
    sorted(p for p in FIXTURES.glob("invalid_*.json") if any(p.name.startswith("invalid_" + c + "_") for c in SHAPE_CODES)),
    ids=lambda p: p.name)
def test_request_fixtures_with_a_shape_fault_are_rejected(path):
    with pytest.raises(jsonschema.ValidationError):
        REQUEST.validate(json.loads(path.read_text(encoding="utf-8")))


def requests():
    items = [i["id"] for i in json.loads((SOURCE / "data" / "catalog" / "national-batch1.json").read_text(encoding="utf-8"))["items"]]
    purposes = ["", "不动产登记", "办理收养登记", "申请法律援助", "银行贷款", "过户用", "不是公证用，银行要",
                "结婚证丢了，到民政局补领结婚证"]
    patterns = [dict(zip(["within_duties", "verifiable", "transitional_need", "public_interest", "legal_risk"], p))
                for p in itertools.product(["yes", "unknown"], ["yes", "no"], ["yes", "unknown"], ["yes", "no"], ["yes", "unknown"])]
    out = []
    for k, (item, purpose) in enumerate(itertools.product(items, purposes)):
        out.append({"item": item, "purpose": purpose, "facts": patterns[k % len(patterns)],
                    "date": ["2021-09-30", "2026-07-02", "2035-03-01"][k % 3]})
    for facts, bases in itertools.product(patterns, [[], ["《中华人民共和国村民委员会组织法》第二十八条"]]):
        out.append({"text": "某村集体收益分配资格证明", "facts": facts, "bases": bases, "date": "2021-09-30"})
    # Names the matcher may be unsure of, and explicit carve-outs (issue 11).
    for k, text in enumerate(["亲戚关系证明", "失业人员证明", "无罪证明", "房产证明，过户用"]):
        out.append({"text": text, "purpose": "过户用", "facts": patterns[k], "date": "2021-09-30"})
    for scenario in ["不动产登记", "公证"]:
        out.append({"item": "kinship", "carve_out": scenario, "facts": patterns[0], "date": "2021-09-30"})
    return out


@pytest.mark.skipif(not CLI, reason="JIANZHENG_CLI not set")
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_decisions_validate_and_keep_the_design_order(lang):
    reqs = requests()
    lines = "\n".join(json.dumps(r, ensure_ascii=False) for r in reqs) + "\n"
    run = subprocess.run([CLI, "decide", "--json", "--lang", lang, "--batch", "-"], input=lines.encode("utf-8"),
                         capture_output=True, check=True)
    out = run.stdout.decode("utf-8").splitlines()
    assert len(out) == len(reqs)
    outcomes = set()
    purpose_questions = 0
    for line in out:
        d = json.loads(line)
        DECISION.validate(d)
        assert list(d)[:len(DECISION_ORDER)] == DECISION_ORDER
        assert list(d)[len(DECISION_ORDER):] == ADDED
        outcomes.add(d["outcome"])
        # An uncertain item is never decided on: item is null, and the question lists candidates.
        assert (d["item_question"] is not None) == (d["certainty"] == "uncertain")
        if d["certainty"] == "uncertain":
            assert d["item"] is None
        purpose_questions += len(d["purpose_questions"])
        for q in d["purpose_questions"]:
            assert d["outcome"] != "issue_for_stated_purpose"  # never applied on a possible reading
    assert purpose_questions > 0
    assert outcomes == {"must_issue", "issue_after_deliberation", "issue_transitional", "issue_after_risk_assessment",
                        "issue_for_stated_purpose", "refuse", "refuse_redirect"}

"""engine.decide / decide_many from Python: requests as dicts or Request objects, Decision
JSON identical to the C++ JSON, errors naming the field, pickling for worker processes."""

import concurrent.futures
import copy
import json
import multiprocessing
import os
import pickle
from pathlib import Path

import pytest

import jianzheng

SOURCE = Path(os.environ.get("JIANZHENG_SOURCE_DIR", Path(__file__).resolve().parents[2]))

# docs/design.md §8's example request.
EXAMPLE_REQUEST = {
    "item": "marital-status", "text": "单身证明", "purpose": "银行贷款",
    "requester": {"kind": "civil_commercial_entity", "name": "某银行"},
    "bases": [{"title": "《中国公民收养子女登记办法》", "article": "第五条", "level": "administrative_regulation"}],
    "facts": {"within_duties": "yes", "verifiable": "unknown", "transitional_need": "no",
              "public_interest": "no", "legal_risk": "no"},
    "date": "2021-09-30",
}

REQUESTS = [
    EXAMPLE_REQUEST,
    {"text": "单身证明"},
    {"item": "kinship", "purpose": "办理不动产登记", "facts": {"within_duties": "yes", "verifiable": "yes"},
     "date": "2021-05-06"},
    {"text": "收入证明", "facts": {"transitional_need": "yes", "within_duties": "yes", "verifiable": "yes",
                                "legal_risk": "yes"}, "date": "2022-03-01"},
    {"text": "居住证明", "facts": {"public_interest": "yes", "within_duties": "yes"}},
    {"text": "居住证明", "bases": ["《中华人民共和国居民委员会组织法》第三条"], "facts": {"within_duties": "no"}},
    {"item": "birth", "requester": None, "facts": None, "date": None, "platform_field": 1},
]


@pytest.fixture(scope="module")
def engine():
    return jianzheng.Engine()


def test_a_dict_and_its_json_give_the_same_decision(engine):
    for request in REQUESTS:
        from_dict = engine.decide(request).to_dict()
        from_json = engine.decide(jianzheng.Request.from_json(json.dumps(request, ensure_ascii=False)))
        assert from_dict == from_json.to_dict(), request


def test_to_dict_is_exactly_the_cpp_decision_json(engine):
    for request in REQUESTS:
        d = engine.decide(request)
        assert d.to_dict() == json.loads(d.to_json())
        assert d.to_dict(jianzheng.Language.en) == json.loads(d.to_json(jianzheng.Language.en, compact=True))


def test_the_decision_json_has_the_design_shape(engine):
    # 附件1 第8项 婚姻状况证明: 二（二）2, refused with its route; verifiable unknown is an open question.
    j = engine.decide(EXAMPLE_REQUEST).to_dict()
    assert set(j) >= {"outcome", "item", "clauses", "carve_out", "route", "steps", "flags", "time_limit",
                      "open_questions", "explanation", "trace", "receipt"}
    assert j["outcome"] == "refuse_redirect"
    assert j["item"] == {"id": "marital-status", "name": "婚姻状况证明"}
    assert j["clauses"][0]["id"] == "2.2.2"
    assert j["time_limit"] is None
    assert j["receipt"]["engine"] == jianzheng.__version__


def test_decision_attributes_mirror_the_json(engine):
    d = engine.decide(EXAMPLE_REQUEST)
    j = d.to_dict()
    assert d.outcome == jianzheng.Outcome.refuse_redirect and d.outcome.name == j["outcome"]
    assert d.item.id == j["item"]["id"]
    assert [c.id for c in d.clauses] == [c["id"] for c in j["clauses"]]
    assert d.deciding_clause().id == "2.2.2"
    assert d.route.text == j["route"]["text"]
    assert [q.fact.name for q in d.open_questions] == [q["fact"] for q in j["open_questions"]]
    assert [t.rule.name for t in d.trace] == [t["rule"] for t in j["trace"]]
    assert d.receipt.catalog == j["receipt"]["catalog"] and len(d.receipt.catalog_sha256) == 64
    assert d.explain() == j["explanation"]
    assert not jianzheng.is_issuing(d.outcome)


def test_a_request_object_built_by_hand_decides_like_its_dict(engine):
    r = jianzheng.Request()
    r.item = "kinship"
    r.purpose = "办理不动产登记"
    facts = jianzheng.Facts()
    facts.set(jianzheng.Fact.within_duties, jianzheng.Tri.yes)
    facts.set(jianzheng.Fact.verifiable, jianzheng.Tri.yes)
    r.facts = facts
    r.date = jianzheng.Date("2021-05-06")
    assert engine.decide(r).to_dict() == engine.decide(REQUESTS[2]).to_dict()
    assert jianzheng.Request(REQUESTS[2]).to_dict() == r.to_dict()
    # True / False stand for "yes" / "no".
    same = dict(REQUESTS[2], facts={"within_duties": True, "verifiable": True})
    assert engine.decide(same).to_dict() == engine.decide(REQUESTS[2]).to_dict()


@pytest.mark.parametrize("request_, code, where", [
    ({"item": "kinship", "facts": {"verifiable": "maybe"}}, "unknown_enum", "/facts/verifiable"),
    ({"item": "kinship", "facts": {"verifyable": "yes"}}, "unknown_field", "/facts/verifyable"),
    ({"item": "kinship", "requester": {"kind": "bank"}}, "unknown_enum", "/requester/kind"),
    ({"item": "kinship", "bases": [{"title": "某法", "level": "statute"}]}, "unknown_enum", "/bases/0/level"),
    ({"item": "kinship", "bases": [{"article": "第一条"}]}, "missing_field", "/bases/0/title"),
    ({"item": "kinship", "date": "2021-02-30"}, "invalid_date", "/date"),
    ({"item": 8}, "wrong_type", "/item"),
    ({"purpose": "贷款"}, "missing_field", ""),
])
def test_bad_values_raise_error_naming_the_field_as_the_json_reader_does(engine, request_, code, where):
    with pytest.raises(jianzheng.Error) as from_dict:
        engine.decide(request_)
    with pytest.raises(jianzheng.Error) as from_json:
        jianzheng.Request.from_json(json.dumps(request_, ensure_ascii=False))
    assert from_dict.value.code == from_json.value.code == code
    assert from_dict.value.where.endswith(where or "(root)")
    assert from_json.value.where.endswith(where or "(root)")


def test_an_unknown_item_id_is_an_error_and_unknown_text_is_unlisted(engine):
    with pytest.raises(jianzheng.Error) as info:
        engine.decide({"item": "no-such-item"})
    assert info.value.code == "unknown_reference"
    d = engine.decide({"text": "居住证明"})
    assert d.item is None and d.to_dict()["item"] is None


def test_decide_many_equals_deciding_one_by_one_in_order(engine):
    requests = REQUESTS * 50
    batch = engine.decide_many(requests)
    assert len(batch) == len(requests)
    expected = [engine.decide(r).to_dict() for r in requests]
    assert batch.to_dicts() == expected
    assert [d.to_dict() for d in batch] == expected
    assert batch[-1].to_dict() == expected[-1]
    assert [o.name for o in batch.outcomes()] == [e["outcome"] for e in expected]
    assert engine.decide_many(requests, threads=2).to_dicts() == expected
    with pytest.raises(IndexError):
        batch[len(requests)]


def test_decide_many_names_the_position_of_a_bad_request(engine):
    with pytest.raises(jianzheng.Error) as info:
        engine.decide_many([{"item": "kinship"}, {"item": "kinship", "facts": {"legal_risk": "perhaps"}}])
    assert info.value.where == "/1/facts/legal_risk"


def test_decide_many_takes_any_iterable_and_runs_beside_other_python_threads(engine):
    gen = ({"item": "birth"} for _ in range(1000))
    assert len(engine.decide_many(gen)) == 1000
    # The GIL is released while deciding: two Python threads deciding at once both finish
    # with the same answers.
    requests = REQUESTS * 200
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        results = list(pool.map(lambda _: engine.decide_many(requests, threads=1).to_dicts(), range(2)))
    assert results[0] == results[1]


def test_engines_pickle_and_decide_the_same_in_worker_processes(engine):
    again = pickle.loads(pickle.dumps(engine))
    assert again.decide(EXAMPLE_REQUEST).to_dict() == engine.decide(EXAMPLE_REQUEST).to_dict()
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(2) as pool:
        answers = pool.starmap(_decide_in_worker, [(engine, r) for r in REQUESTS])
    assert answers == [engine.decide(r).to_dict() for r in REQUESTS]


def _decide_in_worker(engine, request):
    return engine.decide(request).to_dict()


def test_engine_from_files_layers_a_province_on_the_default_and_pickles(tmp_path):
    path = SOURCE / "data" / "examples" / "hubei-province-layer.json"
    layered = jianzheng.Engine.from_files([str(path)])
    assert len(layered.catalog("2021-06-01")) > 20
    d = layered.decide({"text": "缴费票据遗失证明", "date": "2021-06-01"})
    assert d.item is not None and d.item.id == "fee-receipt-lost"
    again = pickle.loads(pickle.dumps(layered))
    assert again.decide({"text": "缴费票据遗失证明", "date": "2021-06-01"}).to_dict() == d.to_dict()
    assert again.catalog_sha256("2021-06-01") == layered.catalog_sha256("2021-06-01")


def test_a_county_list_item_gets_a_due_date_from_the_work_calendar(tmp_path):
    # 二（三）5: a complex by-committee certificate is done within its working-day limit; the
    # due date skips 国庆节 2021 on the work calendar.
    layer = json.loads((SOURCE / "data" / "examples" / "hubei-province-layer.json").read_text("utf-8"))
    layer["catalog"].update(id="test-county", level="county", jurisdiction="测试县", example=True)
    template = copy.deepcopy(layer["items"][0])
    template.update(id="residence", seq=0, name="居住情况证明", aliases=[], disposition="by_committee",
                    route={"text": "", "channels": [], "agencies": [], "documents": []},
                    bases=[{"title": "《中华人民共和国居民委员会组织法》", "article": "第三条", "level": "law"}],
                    complexity="complex", limit_working_days=3)
    layer["items"] = [template]
    layer["aliases"] = []
    layer["changes"] = []
    path = tmp_path / "county.json"
    path.write_text(json.dumps(layer, ensure_ascii=False), "utf-8")
    county = jianzheng.Engine.from_files([str(path)])
    d = county.decide({"item": "residence", "facts": {"within_duties": "yes", "verifiable": "yes"},
                       "date": "2021-09-30"})
    assert d.outcome == jianzheng.Outcome.must_issue
    assert d.time_limit.kind == jianzheng.TimeLimitKind.working_days
    assert d.time_limit.due == jianzheng.Date("2021-10-11")
    assert d.to_dict()["time_limit"] == {"kind": "working_days", "working_days": 3, "due": "2021-10-11"}


def test_a_missing_catalog_file_is_an_io_error():
    with pytest.raises(jianzheng.Error) as info:
        jianzheng.Engine.from_files(["/no/such/county.json"])
    assert info.value.code == "io_error"


def test_admission_and_supervision_answer_dicts(engine):
    a = engine.admit({"department": "县人社局", "item": "marital-status"})
    assert a.outcome == jianzheng.AdmissionOutcome.rejected
    assert a.to_dict()["outcome"] == "rejected"
    s = engine.supervise({"body": "某银行", "body_kind": "civil_commercial_entity", "item": "marital-status"})
    assert s.to_dict()["outcome"] == s.outcome.name

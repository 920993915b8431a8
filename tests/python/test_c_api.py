"""libjianzheng_c through ctypes, as a Java/C#/Go host sees it: JSON in, JSON out, and bad
input — NULL, malformed JSON, invalid UTF-8, oversize — always an error object, never a crash."""

import ctypes
import json
import os
import threading
from pathlib import Path

import pytest

import jianzheng

BUILD = Path(os.environ.get("JIANZHENG_BUILD_DIR", Path(__file__).resolve().parents[2] / "build"))
LIBRARY = BUILD / "lib" / "libjianzheng_c.so"
MAX_INPUT = 1024 * 1024  # JZ_MAX_INPUT_BYTES

pytestmark = pytest.mark.skipif(not LIBRARY.exists(), reason=f"{LIBRARY} not built (JIANZHENG_BUILD_C_API=OFF)")


@pytest.fixture(scope="module")
def lib():
    lib = ctypes.CDLL(str(LIBRARY))
    lib.jz_engine_new.restype = ctypes.c_void_p
    lib.jz_engine_new.argtypes = [ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p)]
    lib.jz_engine_free.argtypes = [ctypes.c_void_p]
    for f in (lib.jz_decide_json, lib.jz_resolve_json, lib.jz_admit_json, lib.jz_supervise_json,
              lib.jz_decide_batch_json):
        f.restype = ctypes.c_void_p  # keep the pointer to free it
        f.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
    lib.jz_string_free.argtypes = [ctypes.c_void_p]
    lib.jz_version.restype = ctypes.c_char_p
    return lib


def take(lib, pointer):
    """The JSON a jz_* call returned, freed through jz_string_free."""
    assert pointer, "NULL is only for out of memory"
    try:
        return json.loads(ctypes.string_at(pointer).decode("utf-8"))
    finally:
        lib.jz_string_free(pointer)


@pytest.fixture(scope="module")
def engine(lib):
    error = ctypes.c_void_p()
    e = lib.jz_engine_new(None, ctypes.byref(error))
    assert e and not error.value
    yield e
    lib.jz_engine_free(e)


def decide(lib, engine, request):
    raw = request if isinstance(request, (bytes, type(None))) else json.dumps(request, ensure_ascii=False).encode()
    return take(lib, lib.jz_decide_json(engine, raw))


def test_only_the_jz_symbols_are_exported(lib):
    assert lib.jz_version().decode() == jianzheng.__version__
    with pytest.raises(AttributeError):
        lib._ZN9jianzheng4Date5parseESt17basic_string_viewIcSt11char_traitsIcEES4_


def test_the_c_abi_decides_exactly_as_the_python_binding(lib, engine):
    py_engine = jianzheng.Engine()
    for request in ({"item": "marital-status", "date": "2021-09-30"},
                    {"text": "单身证明", "purpose": "银行贷款", "facts": {"within_duties": "yes"}},
                    {"item": "kinship", "purpose": "不动产登记", "facts": {"within_duties": "yes", "verifiable": "yes"},
                     "date": "2021-05-06"}):
        assert decide(lib, engine, request) == py_engine.decide(request).to_dict()


@pytest.mark.parametrize("raw, code", [
    (None, "invalid_argument"),
    (b"", "malformed_json"),
    (b"{\"item\": ", "malformed_json"),
    (b"[1, 2]", "wrong_type"),
    (b"{\"text\": \"\xe5\xa9\x9a\xff\"}", "invalid_utf8"),
    (b"{\"item\": \"kinship\", \"facts\": {\"verifiable\": \"maybe\"}}", "unknown_enum"),
    (b"{\"item\": \"no-such-item\"}", "unknown_reference"),
    (b"{\"item\": \"kinship\"}" + b" " * MAX_INPUT, "too_large"),
])
def test_bad_requests_come_back_as_error_objects(lib, engine, raw, code):
    answer = decide(lib, engine, raw)
    assert set(answer) == {"error"}
    assert answer["error"]["code"] == code
    assert {"code", "where", "message"} <= set(answer["error"])
    assert set(answer["error"]) <= {"code", "where", "origin", "line", "column", "pointer", "message"}


def test_a_null_engine_and_null_text_are_error_objects(lib, engine):
    assert take(lib, lib.jz_decide_json(None, b"{}"))["error"]["code"] == "invalid_argument"
    assert take(lib, lib.jz_resolve_json(engine, None))["error"]["code"] == "invalid_argument"
    assert take(lib, lib.jz_resolve_json(engine, b"\xff"))["error"]["code"] == "invalid_utf8"
    lib.jz_string_free(None)
    lib.jz_engine_free(None)


def test_resolve_gives_ranked_matches_or_none(lib, engine):
    answer = take(lib, lib.jz_resolve_json(engine, "我要开个无犯罪记录证明".encode()))
    assert answer["query"] == "我要开个无犯罪记录证明"
    assert answer["matches"][0]["item"] == "no-criminal-record"
    assert set(answer["matches"][0]) == {"item", "name", "score", "how"}
    assert take(lib, lib.jz_resolve_json(engine, "居住证明".encode()))["matches"] == []


def test_catalog_arguments_layer_files_and_report_errors(lib, tmp_path):
    source = Path(os.environ.get("JIANZHENG_SOURCE_DIR", Path(__file__).resolve().parents[2]))
    province = source / "data" / "examples" / "hubei-province-layer.json"
    error = ctypes.c_void_p()
    e = lib.jz_engine_new(json.dumps(["embedded", str(province)]).encode(), ctypes.byref(error))
    assert e and not error.value
    answer = decide(lib, e, {"text": "缴费票据遗失证明", "date": "2021-06-01"})
    assert answer["item"]["id"] == "fee-receipt-lost"
    lib.jz_engine_free(e)
    # One layer object alone stacks on the embedded default.
    e = lib.jz_engine_new(province.read_bytes(), ctypes.byref(error))
    assert e and not error.value
    lib.jz_engine_free(e)
    for bad, code in ((b"{\"format\": \"nope\"}", None), (b"[", "malformed_json"),
                      (b"[\"/no/such.json\"]", "io_error"), (b"42", "wrong_type"),
                      (b"[,]", "malformed_json"), (b"[\"embedded\",]", "malformed_json"),
                      (b"[]", "invalid_value"), (b"[\"embedded\"] x", "malformed_json")):
        assert not lib.jz_engine_new(bad, ctypes.byref(error))
        answer = take(lib, error.value)
        if code:
            assert answer["error"]["code"] == code
        else:
            assert answer["error"]["code"]


def test_admission_and_supervision_answer_as_the_python_binding(lib, engine):
    py_engine = jianzheng.Engine()
    # 二（三）4: a department demanding a listed certificate (附件1 第8项) is rejected.
    demand = {"department": "县人社局", "item": "marital-status", "purpose": "办理社保", "date": "2021-09-30"}
    raw = json.dumps(demand, ensure_ascii=False).encode()
    answer = take(lib, lib.jz_admit_json(engine, raw))
    assert answer == py_engine.admit(demand).to_dict()
    assert answer["outcome"] == "rejected"
    # 二（三）6: a bank demanding it is unreasonable.
    complaint = {"body": "某银行", "body_kind": "civil_commercial_entity", "text": "单身证明", "date": "2021-09-30"}
    raw = json.dumps(complaint, ensure_ascii=False).encode()
    answer = take(lib, lib.jz_supervise_json(engine, raw))
    assert answer == py_engine.supervise(complaint).to_dict()
    assert answer["outcome"] == "unreasonable"


def test_the_batch_is_json_lines_with_numbered_error_lines(lib, engine):
    requests = [{"item": "marital-status", "date": "2021-09-30"}, None, {"text": "收入证明"},
                {"item": "kinship", "facts": {"legal_risk": "perhaps"}}]
    text = "\n".join("" if r is None else json.dumps(r, ensure_ascii=False) for r in requests)
    pointer = lib.jz_decide_batch_json(engine, text.encode())
    try:
        raw = ctypes.string_at(pointer).decode()
    finally:
        lib.jz_string_free(pointer)
    lines = raw.split("\n")
    assert lines[-1] == "" and len(lines) == 4  # three answers, each ending in a newline
    assert json.loads(lines[0]) == decide(lib, engine, requests[0])
    assert json.loads(lines[1]) == decide(lib, engine, requests[2])
    error = json.loads(lines[2])["error"]
    assert (error["code"], error["origin"], error["line"], error["pointer"]) == (
        "unknown_enum", "<batch>", 4, "/facts/legal_risk")
    assert error["where"] == f"<batch>:4:{error['column']} /facts/legal_risk"
    too_many = ("{\"item\": \"kinship\"}\n" * 10001).encode()  # JZ_MAX_BATCH_LINES
    assert take(lib, lib.jz_decide_batch_json(engine, too_many))["error"]["code"] == "too_large"


def test_one_engine_answers_many_threads_at_once(lib, engine):
    request = json.dumps({"text": "单身证明", "date": "2021-09-30"}, ensure_ascii=False).encode()
    expected = decide(lib, engine, request)
    failures = []

    def work():
        for _ in range(300):
            if decide(lib, engine, request) != expected:
                failures.append(1)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not failures

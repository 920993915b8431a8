"""Bad requests get the project's error object with the status that fits, never a stack trace
and never a crash: the server answers the next request as before."""
import json

import pytest


def error_of(response, status):
    got_status, headers, body = response
    assert got_status == status, (got_status, body)
    assert headers["content-type"] == "application/json"
    e = json.loads(body)["error"]
    assert set(e) >= {"code", "where", "message"}
    assert "Traceback" not in e["message"] and "terminate" not in e["message"]
    return e


def test_malformed_json_is_400_with_its_place(server):
    e = error_of(server.request("POST", "/v1/decide", body='{"text": "单身证明",',
                                headers={"Content-Type": "application/json"}), 400)
    assert e["code"] == "malformed_json" and "<request>:1:" in e["where"]


def test_invalid_utf8_is_400(server):
    e = error_of(server.request("POST", "/v1/decide", body=b'{"text": "\xff\xfe"}',
                                headers={"Content-Type": "application/json"}), 400)
    assert e["code"] == "invalid_utf8"


@pytest.mark.parametrize("payload, code, pointer", [
    ({"purpose": "银行贷款"}, "missing_field", ""),
    ({"item": "kinship", "facts": {"verifiable": "maybe"}}, "unknown_enum", "/facts/verifiable"),
    ({"item": "kinship", "facts": {"verifiabel": "yes"}}, "unknown_field", "/facts"),
    ({"item": "kinship", "date": "2021-02-30"}, "invalid_date", "/date"),
    ({"item": "kinship", "purpose": 7}, "wrong_type", "/purpose"),
    ({"item": "no-such-item"}, "unknown_reference", "/item"),
])
def test_invalid_requests_are_422_naming_the_field(server, payload, code, pointer):
    e = error_of(server.request("POST", "/v1/decide", body=payload), 422)
    assert e["code"] == code
    assert pointer in e["where"]


def test_a_request_that_is_not_an_object_is_422(server):
    e = error_of(server.request("POST", "/v1/decide", body=[1, 2]), 422)
    assert e["code"] == "wrong_type"


@pytest.mark.parametrize("ctype", [None, "text/plain", "application/x-www-form-urlencoded",
                                   "application/json; charset=gbk"])
def test_a_body_that_is_not_json_is_415(server, ctype):
    headers = {"Content-Type": ctype} if ctype else {}
    e = error_of(server.request("POST", "/v1/decide", body='{"item": "kinship"}', headers=headers), 415)
    assert e["code"] == "unsupported_media_type"


def test_json_with_a_charset_or_a_suffix_is_accepted(server):
    for ctype in ("application/json; charset=UTF-8", "application/vnd.platform+json"):
        status, _, _ = server.request("POST", "/v1/decide", body='{"item": "kinship"}', headers={"Content-Type": ctype})
        assert status == 200, ctype


def test_batch_refuses_other_types(server):
    e = error_of(server.request("POST", "/v1/decide/batch", body='{"item": "kinship"}\n',
                                headers={"Content-Type": "text/csv"}), 415)
    assert e["code"] == "unsupported_media_type"


def test_unknown_endpoint_is_404(server):
    e = error_of(server.request("GET", "/v1/nothing"), 404)
    assert e["code"] == "not_found"
    e = error_of(server.request("GET", "/v1/calendar/tomorrow"), 404)
    assert e["code"] == "not_found"


def test_wrong_method_is_405_with_allow(server):
    status, headers, _ = server.request("GET", "/v1/decide")
    assert status == 405 and headers["allow"] == "POST"
    status, headers, _ = server.request("DELETE", "/v1/items")
    assert status == 405 and headers["allow"] == "GET, HEAD"


def test_admin_reload_is_off_without_a_token(server):
    e = error_of(server.request("POST", "/v1/admin/reload", headers={"Authorization": "Bearer x"}), 404)
    assert e["code"] == "not_found" and "--admin-token" in e["message"]


@pytest.mark.parametrize("path, where", [
    ("/v1/calendar/add?date=2021-09-30", "n"),
    ("/v1/calendar/add?date=2021-09-30&n=many", "n"),
    ("/v1/calendar/between?from=2021-09-30", "to"),
    ("/v1/calendar/is-working", "date"),
    ("/v1/calendar/is-working?date=2021-10-09&weekdays_only=perhaps", "weekdays_only"),
    ("/v1/guides/kinship-notarization?format=pdf", "format"),
    ("/v1/items/%zz", "target"),
])
def test_bad_query_parameters_are_400_naming_them(server, path, where):
    e = error_of(server.request("GET", path), 400)
    assert e["code"] == "invalid_argument" and e["where"] == where


def test_impossible_dates_in_the_query_are_422(server):
    e = error_of(server.request("GET", "/v1/calendar/is-working?date=2021-02-30"), 422)
    assert e["code"] == "invalid_date"
    e = error_of(server.request("GET", "/v1/schedule?at=yesterday"), 422)
    assert e["code"] == "invalid_date"


def test_resolve_needs_text(server):
    e = error_of(server.request("POST", "/v1/resolve", body={"item": "kinship"}), 422)
    assert e["code"] == "missing_field" and e["where"] == "/text"
    e = error_of(server.request("POST", "/v1/resolve?max=0", body={"text": "单身证明"}), 400)
    assert e["where"] == "max"


def test_a_malformed_http_request_is_400_and_the_server_goes_on(server):
    s = server.raw(b"THIS IS NOT HTTP\r\n\r\n")
    try:
        data = s.recv(65536)
    finally:
        s.close()
    assert data.startswith(b"HTTP/1.1 400")
    assert b'"code": "bad_request"' in data
    assert server.get_json("/healthz")["status"] == "ok"


def test_the_server_survives_every_bad_request_above(server):
    assert server.proc.poll() is None
    assert server.get_json("/readyz")["status"] == "ready"


def test_a_body_error_carries_its_place_as_fields(server):
    e = error_of(server.request("POST", "/v1/decide", body={"item": "kinship", "facts": {"verifiable": "maybe"}}), 422)
    assert e["origin"] == "<request>" and e["pointer"] == "/facts/verifiable"
    assert e["line"] == 1 and e["column"] > 1

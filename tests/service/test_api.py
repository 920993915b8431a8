"""Every endpoint of `jianzheng serve` answers in the shapes of the CLI's --json and the C ABI,
and each answer validates against its schema in the served /openapi.json."""
import json
import subprocess

from conftest import CLI, SOURCE


def test_root_is_the_embedded_page(server):
    status, headers, body = server.request("GET", "/")
    assert status == 200
    assert headers["content-type"] == "text/html; charset=utf-8"
    assert "<html" in body.decode()
    assert headers["cache-control"] == "no-cache"
    # The validator makes a second fetch free.
    status, headers2, body2 = server.request("GET", "/", headers={"If-None-Match": headers["etag"]})
    assert status == 304 and body2 == b""
    status, headers3, body3 = server.request("HEAD", "/index.html")
    assert status == 200 and body3 == b"" and headers3["content-length"] == str(len(body))


def test_unknown_page_is_404_in_the_error_shape(server, contract):
    status, headers, body = server.request("GET", "/no-such-page.html")
    assert status == 404
    contract.check("Error", json.loads(body))


def test_decide_refuses_a_listed_certificate_with_its_route(server, contract):
    # 二（二）2, 附件1 婚姻状况证明: not issued; the route says where to go instead.
    d = contract.check("Decision", server.post_json("/v1/decide", {"text": "单身证明", "date": "2021-09-30"}))
    assert d["outcome"] == "refuse_redirect"
    assert d["item"]["id"] == "marital-status"
    assert d["clauses"][0]["id"] == "2.2.2" and d["clauses"][0]["path"] == "二（二）2"
    assert "民政" in d["route"]["text"]
    assert d["receipt"]["as_of"] == "2021-09-30"


def test_decide_is_the_cli_decision(server):
    request = {"text": "亲属关系证明", "purpose": "办理公证", "date": "2021-09-30"}
    status, _, body = server.request("POST", "/v1/decide", body=request)
    assert status == 200
    cli = subprocess.run([CLI, "decide", "--json", "--request", "-",
                          "--catalog", str(SOURCE / "data/examples/county-list-example.json")],
                         input=json.dumps(request).encode(), capture_output=True, timeout=30)
    assert json.loads(cli.stdout) == json.loads(body)


def test_decide_in_english(server, contract):
    en = contract.check("Decision", server.post_json("/v1/decide?lang=en", {"item": "marital-status", "date": "2021-09-30"}))
    zh = server.post_json("/v1/decide", {"item": "marital-status", "date": "2021-09-30"})
    assert en["explanation"] != zh["explanation"]
    assert " the " in en["explanation"] or " not " in en["explanation"]
    status, _, body = server.request("POST", "/v1/decide?lang=fr", body={"item": "kinship"})
    assert status == 400 and json.loads(body)["error"]["where"] == "lang"


def test_decide_with_open_questions_keeps_them(server, contract):
    # An unlisted certificate with unknown facts: the decision says which answers matter.
    d = contract.check("Decision", server.post_json("/v1/decide", {"text": "村集体经济组织成员身份证明", "date": "2021-09-30"}))
    assert d["item"] is None or d["item"]["id"]
    assert isinstance(d["open_questions"], list)


def test_batch_decides_every_line_in_order_and_names_bad_lines(server, contract):
    lines = [json.dumps({"text": "单身证明", "date": "2021-09-30"}, ensure_ascii=False), "",
             json.dumps({"item": "no-such-item"}), "{not json", json.dumps({"item": "kinship"})]
    status, headers, body = server.request("POST", "/v1/decide/batch", body="\n".join(lines) + "\n",
                                           headers={"Content-Type": "application/x-ndjson"})
    assert status == 200
    assert headers["content-type"] == "application/x-ndjson"
    assert headers.get("transfer-encoding") == "chunked"
    out = [json.loads(line) for line in body.decode().splitlines()]
    assert len(out) == 4  # the blank line is not a request
    assert contract.check("Decision", out[0])["outcome"] == "refuse_redirect"
    assert contract.check("Error", out[1])["error"]["code"] == "unknown_reference"
    assert out[1]["error"]["where"].startswith("line 3")
    assert out[2]["error"]["code"] == "malformed_json" and out[2]["error"]["where"].startswith("line 4")
    assert out[3]["item"]["id"] == "kinship"


def test_batch_accepts_the_three_json_lines_types(server):
    for ctype in ("application/x-ndjson", "application/jsonl", "application/json"):
        status, _, body = server.request("POST", "/v1/decide/batch", body='{"item": "kinship"}\n',
                                         headers={"Content-Type": ctype})
        assert status == 200 and json.loads(body)["item"]["id"] == "kinship", ctype


def test_batch_streams_large_input_in_order(server):
    n = 3000
    items = ["marital-status", "kinship", "no-criminal-record"]
    body = "".join(json.dumps({"item": items[i % 3], "date": "2021-09-30"}) + "\n" for i in range(n))
    status, _, out = server.request("POST", "/v1/decide/batch", body=body,
                                    headers={"Content-Type": "application/x-ndjson"}, timeout=60)
    assert status == 200
    got = [json.loads(line)["item"]["id"] for line in out.decode().splitlines()]
    assert got == [items[i % 3] for i in range(n)]


def test_resolve_matches_pinyin_initials(server, contract):
    r = contract.check("ResolveAnswer", server.post_json("/v1/resolve", {"text": "wfzjlzm"}))
    assert r["query"] == "wfzjlzm"
    assert r["matches"][0]["item"] == "no-criminal-record"
    assert r["matches"][0]["how"] == "pinyin"


def test_resolve_says_nothing_for_an_unlisted_certificate(server, contract):
    r = contract.check("ResolveAnswer", server.post_json("/v1/resolve", {"text": "居住证明"}))
    assert r["matches"] == []


def test_resolve_max(server):
    r = server.post_json("/v1/resolve?max=1", {"text": "亲属证明"})
    assert len(r["matches"]) <= 1


def test_admit_rejects_a_listed_demand(server, contract):
    # 二（三）4 准入: a department may not demand a listed certificate in the general case.
    a = contract.check("Admission", server.post_json(
        "/v1/admit", {"department": "县公安局", "text": "亲属关系证明", "purpose": "办理户口迁移", "date": "2021-09-30"}))
    assert a["outcome"] == "rejected"
    assert a["clauses"][0]["id"] == "2.3.4"


def test_supervise_finds_an_unreasonable_demand(server, contract):
    # 二（三）6 监督: demanding a listed certificate is unreasonable; notify and correct.
    s = contract.check("Supervision", server.post_json(
        "/v1/supervise", {"body": "某银行", "body_kind": "civil_commercial_entity", "text": "无犯罪记录证明",
                          "date": "2021-09-30"}))
    assert s["outcome"] == "unreasonable" and s["notify"] is True
    assert s["clauses"][0]["id"] == "2.3.6"


def test_items_is_the_composed_catalog(server, contract):
    catalog = contract.check("Catalog", server.get_json("/v1/items"))
    ids = [i["id"] for i in catalog["items"]]
    assert "marital-status" in ids and "kinship-notarization" in ids
    for item in catalog["items"]:
        layerless = {k: v for k, v in item.items() if k != "layer"}
        assert not contract.errors("CatalogLayer", {"format": "jianzheng-catalog/1",
                                                     "catalog": catalog["catalog"]["layers"][0],
                                                     "items": [layerless]}), item["id"]
    dated = server.get_json("/v1/items?date=2021-09-30")
    assert dated["catalog"]["id"] == catalog["catalog"]["id"]


def test_item_by_id_and_by_name(server, contract):
    item = contract.check("Item", server.get_json("/v1/items/kinship-notarization"))
    assert item["disposition"] == "by_committee"
    by_name = server.get_json("/v1/items/%E5%8D%95%E8%BA%AB%E8%AF%81%E6%98%8E")  # 单身证明, an alias
    assert by_name["id"] == "marital-status"
    status, _, body = server.request("GET", "/v1/items/no-such-item")
    assert status == 404 and json.loads(body)["error"]["code"] == "unknown_reference"


def test_guide_as_json_and_html(server, contract):
    guide = contract.check("Guide", server.get_json("/v1/guides/kinship-notarization"))
    assert guide["item"] == "kinship-notarization"
    assert guide["supervision_hotline"] == "0936-6121532"  # 二（三）6
    status, headers, body = server.request("GET", "/v1/guides/kinship-notarization", headers={"Accept": "text/html"})
    assert status == 200 and headers["content-type"].startswith("text/html")
    assert "办事指南" in body.decode()
    status, headers, _ = server.request("GET", "/v1/guides/kinship-notarization?format=json",
                                        headers={"Accept": "text/html"})
    assert headers["content-type"] == "application/json"


def test_a_listed_item_has_no_guide_and_the_error_gives_its_route(server):
    # 二（二）: committees do not issue 婚姻状况证明, so it has no guide.
    status, _, body = server.request("GET", "/v1/guides/marital-status")
    e = json.loads(body)["error"]
    assert status == 404 and e["code"] == "no_guide"
    assert "办事途径" in e["message"]


def test_certificate_is_filled_or_names_the_blanks(server, contract):
    guide = server.get_json("/v1/guides/kinship-notarization")
    import re
    names = list(dict.fromkeys(re.findall(r"\{\{(.+?)\}\}", guide["certificate_template"]["text"])))
    values = {n: "值" + str(i) for i, n in enumerate(names)}
    c = contract.check("Certificate", server.post_json("/v1/guides/kinship-notarization/certificate", values))
    assert "{{" not in c["text"] and "值0" in c["text"]
    del values[names[-1]]
    status, _, body = server.request("POST", "/v1/guides/kinship-notarization/certificate", body=values)
    assert status == 422 and json.loads(body)["error"]["code"] == "unfilled_placeholder"


def test_calendar_answers(server, contract):
    # 二（三）5 限时办结 counts working days: 2021-09-30 + 3 skips the National Day week.
    add = contract.check("CalendarAdd", server.get_json("/v1/calendar/add?date=2021-09-30&n=3"))
    assert add["date"] == "2021-10-11"
    between = contract.check("CalendarBetween", server.get_json("/v1/calendar/between?from=2021-09-30&to=2021-10-11"))
    assert between["working_days"] == 3
    day = contract.check("CalendarDay", server.get_json("/v1/calendar/is-working?date=2021-10-09"))
    assert day["working"] is True and day["kind"] == "adjusted_workday"
    years = contract.check("CalendarYears", server.get_json("/v1/calendar/years"))
    assert 2021 in years["covered_years"]
    assumed = contract.check("CalendarAdd", server.get_json("/v1/calendar/add?date=2031-09-30&n=3&weekdays_only=true"))
    assert assumed["assumed"] == "weekdays_only"
    status, _, body = server.request("GET", "/v1/calendar/add?date=2031-09-30&n=3")
    assert status == 422 and json.loads(body)["error"]["code"] == "date_not_covered"


def test_schedule_at_a_date(server, contract):
    s = contract.check("Schedule", server.get_json("/v1/schedule?at=2021-05-01"))
    assert s["active"] == ["3.4"]  # 三（四） 编制办事指南, 2021年4月—5月
    assert s["next_deadline"]["date"] >= "2021-05-01"


def test_health_and_readiness(server, contract):
    assert contract.check("Health", server.get_json("/healthz"))["status"] == "ok"
    ready = contract.check("Ready", server.get_json("/readyz"))
    assert ready["status"] == "ready"
    d = server.post_json("/v1/decide", {"item": "kinship"})
    assert ready["catalog"]["sha256"] == d["receipt"]["catalog_sha256"]
    assert ready["catalog"]["id"] == d["receipt"]["catalog"]


def test_request_id_is_echoed_or_made(server):
    _, headers, _ = server.request("GET", "/healthz", headers={"X-Request-Id": "desk-7:42"})
    assert headers["x-request-id"] == "desk-7:42"
    _, headers, _ = server.request("GET", "/healthz", headers={"X-Request-Id": "bad id with spaces"})
    assert headers["x-request-id"] != "bad id with spaces" and len(headers["x-request-id"]) == 32


def test_keep_alive_serves_many_requests_on_one_connection(server):
    conn = server.connection()
    try:
        for i in range(20):
            conn.request("POST", "/v1/decide", body=json.dumps({"item": "kinship"}),
                         headers={"Content-Type": "application/json"})
            r = conn.getresponse()
            assert r.status == 200 and json.loads(r.read())["item"]["id"] == "kinship"
            assert r.getheader("Connection", "").lower() != "close"
    finally:
        conn.close()


def test_pipelined_requests_are_answered_in_order(server):
    one = b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"
    two = b"GET /v1/items/kinship HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    s = server.raw(one + two)
    data = b""
    try:
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
    finally:
        s.close()
    assert data.count(b"HTTP/1.1 200 OK") == 2
    assert data.index(b'"status": "ok"') < data.index(b'"id": "kinship"')

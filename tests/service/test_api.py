"""The endpoints of `jianzheng serve`: the same shapes as the CLI's --json and the C ABI."""
import json


def test_root_is_the_embedded_page(server):
    status, headers, body = server.request("GET", "/")
    assert status == 200
    assert headers["content-type"] == "text/html; charset=utf-8"
    assert "<html" in body.decode()
    assert headers["etag"]


def test_decide_refuses_a_listed_certificate_with_its_route(server):
    # 二（二）2, 附件1 第2项 婚姻状况证明: not issued; the route says where to go.
    d = server.post_json("/v1/decide", {"text": "单身证明", "date": "2021-09-30"})
    assert d["outcome"] == "refuse_redirect"
    assert d["item"]["id"] == "marital-status"
    assert d["clauses"][0]["path"] == "二（二）2"
    assert "民政" in d["route"]["text"]
    assert d["receipt"]["as_of"] == "2021-09-30"


def test_resolve_matches_pinyin_initials(server):
    r = server.post_json("/v1/resolve", {"text": "wfzjlzm"})
    assert r["query"] == "wfzjlzm"
    assert r["matches"][0]["item"] == "no-criminal-record"
    assert r["matches"][0]["how"] == "pinyin"


def test_items_item_and_guide(server):
    catalog = server.get_json("/v1/items")
    ids = [i["id"] for i in catalog["items"]]
    assert "marital-status" in ids and "kinship-notarization" in ids
    item = server.get_json("/v1/items/kinship-notarization")
    assert item["id"] == "kinship-notarization"
    guide = server.get_json("/v1/guides/kinship-notarization")
    assert guide["item"] == "kinship-notarization"
    status, headers, body = server.request("GET", "/v1/guides/kinship-notarization", headers={"Accept": "text/html"})
    assert status == 200 and headers["content-type"].startswith("text/html")
    assert "办事指南" in body.decode()

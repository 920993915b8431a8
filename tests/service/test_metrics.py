"""/metrics in the Prometheus text format: requests by route and status, a latency histogram,
decisions by outcome, the catalog in force as an info metric; names start with jianzheng_."""
import re
import time

# A value as the exposition format writes a float: 12, 0.25, 9.4e-05, 1e+06, +Inf, -Inf, NaN.
SAMPLE = re.compile(r'^(jianzheng_[a-z_]+)(\{[^}]*\})? (-?[0-9]+(?:\.[0-9]*)?(?:e[+-]?[0-9]+)?|[+-]Inf|NaN)$')


def parse(text):
    samples, families = {}, {}
    for line in text.splitlines():
        if line.startswith("# HELP "):
            name = line.split()[2]
            families.setdefault(name, {})["help"] = True
        elif line.startswith("# TYPE "):
            _, _, name, kind = line.split()
            families.setdefault(name, {})["type"] = kind
        else:
            m = SAMPLE.match(line)
            assert m, "not a sample: " + line
            samples[m.group(1) + (m.group(2) or "")] = float(m.group(3))
    return samples, families


def test_sample_values_in_exponent_form_parse():
    # A fast route's latency sum is written as 9.4e-05; the scrape must read it, not fail.
    samples, _ = parse('jianzheng_http_request_duration_seconds_sum{route="/metrics"} 9.4e-05\n'
                       'jianzheng_http_requests_total{route="/v1/decide",status="200"} 3\n'
                       'jianzheng_http_request_duration_seconds_bucket{le="+Inf"} +Inf\n')
    assert samples['jianzheng_http_request_duration_seconds_sum{route="/metrics"}'] == 9.4e-05
    assert samples['jianzheng_http_requests_total{route="/v1/decide",status="200"}'] == 3


def scrape(server):
    status, headers, body = server.request("GET", "/metrics")
    assert status == 200
    assert headers["content-type"].startswith("text/plain; version=0.0.4")
    return parse(body.decode())


def test_metrics_count_requests_latency_and_decisions(server):
    before, _ = scrape(server)
    for _ in range(5):
        server.post_json("/v1/decide", {"text": "单身证明", "date": "2021-09-30"})
    server.request("POST", "/v1/decide", body={"item": "nope"})
    # A request is counted once its last byte is written, a moment after the client has it.
    key422 = 'jianzheng_http_requests_total{route="/v1/decide",status="422"}'
    end = time.monotonic() + 3
    while True:
        after, families = scrape(server)
        if after.get(key422, 0) > before.get(key422, 0) or time.monotonic() > end:
            break
        time.sleep(0.01)

    def delta(key):
        return after.get(key, 0) - before.get(key, 0)

    assert delta('jianzheng_http_requests_total{route="/v1/decide",status="200"}') == 5
    assert delta('jianzheng_http_requests_total{route="/v1/decide",status="422"}') == 1
    assert delta('jianzheng_decisions_total{kind="decide",outcome="refuse_redirect"}') == 5
    count = after['jianzheng_http_request_duration_seconds_count{route="/v1/decide"}']
    buckets = [(k, v) for k, v in after.items() if k.startswith('jianzheng_http_request_duration_seconds_bucket{route="/v1/decide"')]
    values = [v for _, v in buckets]
    assert values == sorted(values) and values[-1] == count and buckets[-1][0].endswith('le="+Inf"}')
    assert after['jianzheng_http_request_duration_seconds_sum{route="/v1/decide"}'] > 0
    assert families["jianzheng_http_request_duration_seconds"]["type"] == "histogram"
    assert families["jianzheng_http_requests_total"]["type"] == "counter"
    for name, family in families.items():
        assert name.startswith("jianzheng_") and family.get("help") and family.get("type"), name


def test_the_catalog_in_force_is_an_info_metric(server):
    samples, _ = scrape(server)
    receipt = server.post_json("/v1/decide", {"item": "kinship"})["receipt"]
    info = [k for k in samples if k.startswith("jianzheng_catalog_info{")]
    assert len(info) == 1
    assert 'sha256="%s"' % receipt["catalog_sha256"] in info[0]
    assert 'catalog="%s"' % receipt["catalog"] in info[0]
    assert 'engine="%s"' % receipt["engine"] in info[0]
    assert samples[info[0]] == 1
    assert samples["jianzheng_catalog_last_reload_success"] == 1
    assert samples["jianzheng_connections_open"] >= 1

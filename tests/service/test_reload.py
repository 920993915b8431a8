"""Reloads are all or nothing (SIGHUP and POST /v1/admin/reload): a bad file keeps the old
catalog serving and says why in the log, /readyz and /metrics; requests in flight finish on the
engine they began with; receipts name the catalog that decided."""
import json
import shutil
import signal
import time

import pytest

from conftest import SOURCE

EXAMPLE = SOURCE / "data" / "examples" / "county-list-example.json"
TOKEN = "t0k3n-for-tests"


def change_note(path, note):
    layer = json.loads(path.read_text(encoding="utf-8"))
    layer["catalog"]["note"] = note
    path.write_text(json.dumps(layer, ensure_ascii=False, indent=2), encoding="utf-8")


def sha_of(server):
    return server.post_json("/v1/decide", {"item": "kinship-notarization", "date": "2021-09-30"})["receipt"]["catalog_sha256"]


def metric(server, line_start):
    text = server.request("GET", "/metrics")[2].decode()
    return [line for line in text.splitlines() if line.startswith(line_start)]


def wait_until(predicate, timeout=10):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.02)
    return False


@pytest.fixture
def layer(tmp_path):
    path = tmp_path / "county.json"
    shutil.copy(EXAMPLE, path)
    return path


def test_sighup_reloads_a_good_file_and_keeps_the_old_catalog_on_a_bad_one(start_server, layer):
    server = start_server("--catalog", str(layer))
    first = sha_of(server)
    assert server.get_json("/readyz")["catalog"]["generation"] == 1

    change_note(layer, "reloaded once")
    server.send_signal(signal.SIGHUP)
    assert wait_until(lambda: server.get_json("/readyz")["catalog"]["generation"] == 2)
    second = sha_of(server)
    assert second != first
    assert server.wait_for_log("SIGHUP: reloaded catalog")
    assert metric(server, 'jianzheng_catalog_reloads_total{result="ok"}') == ['jianzheng_catalog_reloads_total{result="ok"} 1']

    layer.write_text('{"format": "jianzheng-catalog/1", "catalog": ', encoding="utf-8")  # truncated
    server.send_signal(signal.SIGHUP)
    assert wait_until(lambda: server.get_json("/readyz")["reload"]["failed"] == 1)
    assert sha_of(server) == second  # the previous catalog keeps serving
    ready = server.get_json("/readyz")
    assert ready["status"] == "ready" and ready["reload"]["last_ok"] is False
    assert ready["reload"]["last_error"]["error"]["code"] == "malformed_json"
    assert str(layer) in ready["reload"]["last_error"]["error"]["where"]
    assert server.wait_for_log("reload failed, the previous catalog keeps serving")
    assert metric(server, "jianzheng_catalog_last_reload_success") == ["jianzheng_catalog_last_reload_success 0"]
    info = metric(server, "jianzheng_catalog_last_reload_error_info")
    assert len(info) == 1 and 'code="malformed_json"' in info[0]


def test_a_reload_that_breaks_a_reference_changes_nothing(start_server, layer):
    # A layer that loads as JSON but refers to an item no layer has: all or nothing.
    server = start_server("--catalog", str(layer))
    before = server.get_json("/v1/items")
    data = json.loads(layer.read_text(encoding="utf-8"))
    data["aliases"] = [{"item": "no-such-item", "name": "不存在的证明", "source": "added"}]
    layer.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    server.send_signal(signal.SIGHUP)
    assert wait_until(lambda: server.get_json("/readyz")["reload"]["failed"] == 1)
    assert server.get_json("/v1/items") == before
    assert server.get_json("/readyz")["reload"]["last_error"]["error"]["code"] == "unknown_reference"


def test_admin_reload_needs_the_token(start_server, layer, tmp_path):
    token_file = tmp_path / "token"
    token_file.write_text(TOKEN + "\n")
    server = start_server("--catalog", str(layer), "--admin-token-file", str(token_file))
    for auth in (None, "Bearer wrong", "Basic " + TOKEN, "Bearer " + TOKEN + "x"):
        status, headers, body = server.request("POST", "/v1/admin/reload",
                                               headers={"Authorization": auth} if auth else {})
        assert status == 401 and headers["www-authenticate"] == "Bearer"
        assert json.loads(body)["error"]["code"] == "unauthorized"
    first = sha_of(server)
    change_note(layer, "reloaded by the admin endpoint")
    r = server.post_json("/v1/admin/reload", None, headers={"Authorization": "Bearer " + TOKEN})
    assert r["reloaded"] is True and r["catalog"]["generation"] == 2
    assert r["catalog"]["sha256"] == sha_of(server) != first

    layer.write_text("[]", encoding="utf-8")
    status, _, body = server.request("POST", "/v1/admin/reload", headers={"Authorization": "Bearer " + TOKEN})
    assert status == 422
    assert json.loads(body)["error"]["code"] == "wrong_type"
    assert sha_of(server) == r["catalog"]["sha256"]


def test_requests_in_flight_finish_on_the_engine_they_began_with(start_server, layer):
    server = start_server("--catalog", str(layer), "--admin-token", TOKEN)
    old = sha_of(server)
    lines = 8000  # about 20 MB of answers: far more than the sockets buffer, so the batch waits on us
    body = ('{"item": "kinship-notarization", "date": "2021-09-30"}\n' * lines).encode()
    conn = server.connection(timeout=30)
    try:
        conn.request("POST", "/v1/decide/batch", body=body, headers={"Content-Type": "application/x-ndjson"})
        response = conn.getresponse()
        first = json.loads(response.readline())
        assert first["receipt"]["catalog_sha256"] == old
        # While the batch is half written, reload: new requests see the new catalog at once.
        change_note(layer, "reloaded while a batch was running")
        r = server.post_json("/v1/admin/reload", None, headers={"Authorization": "Bearer " + TOKEN})
        new = r["catalog"]["sha256"]
        assert new != old and sha_of(server) == new
        shas = {first["receipt"]["catalog_sha256"]}
        count = 1
        for line in response:
            shas.add(json.loads(line)["receipt"]["catalog_sha256"])
            count += 1
    finally:
        conn.close()
    assert count == lines
    assert shas == {old}  # every line of the batch was decided by the engine it began with

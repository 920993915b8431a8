"""The decision log: one JSON line per decision (time, request id, the request, outcome,
deciding clause, receipt), written by a background writer; no line lost on a graceful stop;
SIGHUP reopens the file for logrotate; a log that cannot be written stops decisions (503)."""
import concurrent.futures
import json
import signal
import time

from conftest import Server


def lines_of(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_every_kind_of_decision_is_logged_with_its_receipt(start_server, tmp_path):
    log = tmp_path / "decisions.jsonl"
    server = start_server("--example", "--decision-log", str(log))
    d = server.post_json("/v1/decide", {"text": "单身证明", "date": "2021-09-30", "platform_case": "A-1"},
                         headers={"X-Request-Id": "case-1"})
    status, _, body = server.request("POST", "/v1/decide/batch",
                                     body='{"item": "kinship"}\n\n{"bad json\n{"item": "marital-status"}\n',
                                     headers={"Content-Type": "application/x-ndjson", "X-Request-Id": "batch-2"})
    assert status == 200
    server.post_json("/v1/admit", {"department": "县公安局", "text": "亲属关系证明"}, headers={"X-Request-Id": "adm-3"})
    server.post_json("/v1/supervise", {"body": "某银行", "text": "无犯罪记录证明"}, headers={"X-Request-Id": "sup-4"})
    server.request("POST", "/v1/decide", body={"item": "no-such-item"})  # an error is not a decision
    code, seconds = server.stop()
    assert code == 0

    entries = lines_of(log)
    assert [(e["request_id"], e["kind"], e.get("line")) for e in entries] == [
        ("case-1", "decide", None), ("batch-2", "decide", 1), ("batch-2", "decide", 4),
        ("adm-3", "admit", None), ("sup-4", "supervise", None)]
    first = entries[0]
    assert first["request"] == {"text": "单身证明", "date": "2021-09-30", "platform_case": "A-1"}  # as received
    assert first["outcome"] == "refuse_redirect" and first["item"] == "marital-status"
    assert first["clause"] == {"id": "2.2.2", "path": "二（二）2"}
    assert first["receipt"] == d["receipt"]
    assert first["route"] == "/v1/decide"
    assert first["time"].endswith("+08:00") and first["time"][:4] >= "2024"
    assert entries[3]["outcome"] == "rejected" and entries[3]["clause"]["id"] == "2.3.4"
    assert entries[4]["outcome"] == "unreasonable" and entries[4]["clause"]["id"] == "2.3.6"


def test_no_line_is_lost_on_sigterm(start_server, tmp_path):
    log = tmp_path / "decisions.jsonl"
    server = start_server("--decision-log", str(log), "--threads", "2")
    answered = []

    def client(n):
        ok = []
        conn = server.connection(timeout=10)
        try:
            for i in range(400):
                rid = "c%d-%d" % (n, i)
                try:
                    conn.request("POST", "/v1/decide", body='{"item": "kinship", "date": "2021-09-30"}',
                                 headers={"Content-Type": "application/json", "X-Request-Id": rid})
                    r = conn.getresponse()
                    r.read()
                except Exception:  # the server stopped: connection closed or refused
                    break
                if r.status == 200:
                    ok.append(rid)
                if r.getheader("Connection", "").lower() == "close":
                    break
        finally:
            conn.close()
        return ok

    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        futures = [pool.submit(client, n) for n in range(8)]
        time.sleep(0.3)  # decisions are flowing
        code, seconds = server.stop()
        for f in futures:
            answered += f.result(timeout=15)
    assert code == 0 and seconds < 5
    assert len(answered) > 50
    logged = [e["request_id"] for e in lines_of(log)]
    assert sorted(logged) == sorted(answered)  # every answer has its line, and no line lacks an answer


def test_sighup_reopens_the_file_for_logrotate(start_server, tmp_path):
    log = tmp_path / "decisions.jsonl"
    server = start_server("--decision-log", str(log))
    server.post_json("/v1/decide", {"item": "kinship"}, headers={"X-Request-Id": "before"})
    rotated = tmp_path / "decisions.jsonl.1"
    end = time.monotonic() + 5
    while time.monotonic() < end and not log.read_text():
        time.sleep(0.01)
    log.rename(rotated)  # logrotate moves the file away …
    server.post_json("/v1/decide", {"item": "kinship"}, headers={"X-Request-Id": "between"})
    # The log is written by its own thread: wait until "between" is in the moved file, or a
    # SIGHUP arriving first would rightly send it to the new one (a race of the test, not of
    # the service: a busy machine showed it).
    end = time.monotonic() + 5
    while time.monotonic() < end and "between" not in rotated.read_text():
        time.sleep(0.01)
    server.send_signal(signal.SIGHUP)  # … and signals
    end = time.monotonic() + 5
    while time.monotonic() < end and "reopens_total{result=\"ok\"} 1" not in server.request("GET", "/metrics")[2].decode():
        time.sleep(0.02)
    assert log.exists()
    server.post_json("/v1/decide", {"item": "kinship"}, headers={"X-Request-Id": "after"})
    assert server.stop()[0] == 0
    assert [e["request_id"] for e in lines_of(rotated)] == ["before", "between"]
    assert [e["request_id"] for e in lines_of(log)] == ["after"]


def test_a_log_that_cannot_be_written_stops_decisions(start_server):
    # /dev/full refuses every write (ENOSPC): the queue fills, decisions get 503, /readyz says so,
    # and the stop reports the lines that never reached the file (exit 1).
    server = start_server("--decision-log", "/dev/full", "--decision-log-queue", "2")
    statuses = []
    for _ in range(6):
        status, headers, body = server.request("POST", "/v1/decide", body={"item": "kinship"})
        statuses.append(status)
        if status == 503:
            assert json.loads(body)["error"]["code"] == "unavailable"
            assert headers["retry-after"] == "1"
    assert 503 in statuses
    status, _, body = server.request("GET", "/readyz")
    assert status == 503 and json.loads(body)["status"] == "decision_log_failing"
    code, seconds = server.stop()
    assert code == 1 and seconds < 5
    assert "lines were not written" in server.log_text()


def test_an_unwritable_log_stops_the_start(tmp_path):
    import subprocess
    from conftest import CLI
    r = subprocess.run([CLI, "serve", "--port", "0", "--decision-log", str(tmp_path / "no" / "such" / "dir.jsonl")],
                       capture_output=True, timeout=20)
    assert r.returncode == 4  # io_failure, before listening
    assert "decision log" in r.stderr.decode()

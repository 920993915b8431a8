"""Limits that keep clients from starving the service: body and header limits (413 / 431
before reading it all), read and idle timeouts (slow-loris), and the connection cap (503)."""
import json
import socket
import time

import pytest


def read_response(sock, deadline=5.0):
    """Everything the server sends until it closes, or until `deadline` seconds pass."""
    sock.settimeout(0.5)
    data = b""
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        try:
            chunk = sock.recv(65536)
        except socket.timeout:
            if data:
                break
            continue
        except ConnectionResetError:
            break
        if not chunk:
            break
        data += chunk
    return data


@pytest.fixture(scope="module")
def tight(request):
    from conftest import Server
    s = Server("--body-limit", "2K", "--batch-limit", "8K", "--header-limit", "1K", "--read-timeout", "0.5",
               "--idle-timeout", "0.6", "--max-connections", "4", "--threads", "2")
    yield s
    s.stop()
    s.proc.stderr.close()


def test_a_body_over_the_limit_is_413_without_being_read(tight):
    # Content-Length says 100 MB; only the header is sent. The answer comes at once.
    start = time.monotonic()
    s = tight.raw(b"POST /v1/decide HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                  b"Content-Length: 100000000\r\n\r\n" + b"{" * 1000)
    try:
        data = read_response(s)
    finally:
        s.close()
    assert data.startswith(b"HTTP/1.1 413"), data[:200]
    assert b'"code": "too_large"' in data and b"Connection: close" in data
    assert time.monotonic() - start < 2


def test_expect_100_continue_is_refused_before_the_body(tight):
    s = tight.raw(b"POST /v1/decide HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                  b"Content-Length: 5000\r\nExpect: 100-continue\r\n\r\n")
    try:
        data = read_response(s)
    finally:
        s.close()
    assert data.startswith(b"HTTP/1.1 413")


def test_expect_100_continue_within_the_limit_goes_on(tight):
    body = json.dumps({"item": "kinship"}).encode()
    s = tight.raw(b"POST /v1/decide HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nConnection: close\r\n"
                  b"Content-Length: %d\r\nExpect: 100-continue\r\n\r\n" % len(body))
    try:
        s.settimeout(5)
        first = s.recv(100)
        assert first.startswith(b"HTTP/1.1 100 Continue")
        s.sendall(body)
        data = first + read_response(s)
    finally:
        s.close()
    assert b"HTTP/1.1 200 OK" in data and b'"kinship"' in data


def test_a_chunked_body_over_the_limit_is_413(tight):
    chunk = b"x" * 1500
    s = tight.raw(b"POST /v1/decide HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                  b"Transfer-Encoding: chunked\r\n\r\n" + (b"5dc\r\n" + chunk + b"\r\n") * 2)
    try:
        data = read_response(s)
    finally:
        s.close()
    assert data.startswith(b"HTTP/1.1 413")


def test_the_batch_has_its_own_larger_limit(tight):
    line = json.dumps({"item": "kinship"}) + "\n"
    status, _, body = tight.request("POST", "/v1/decide/batch", body=line * 150,  # ~3.6 KB: over 2K, under 8K
                                    headers={"Content-Type": "application/x-ndjson"})
    assert status == 200 and len(body.splitlines()) == 150
    status, _, body = tight.request("POST", "/v1/decide/batch", body=line * 500,  # 10 000 bytes
                                    headers={"Content-Type": "application/x-ndjson"})
    assert status == 413


def test_headers_over_the_limit_are_431(tight):
    s = tight.raw(b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Padding: " + b"a" * 2000 + b"\r\n\r\n")
    try:
        data = read_response(s)
    finally:
        s.close()
    assert data.startswith(b"HTTP/1.1 431")
    assert b'"code": "header_too_large"' in data


def test_a_slow_client_is_cut_off_by_the_read_timeout(tight):
    # Slow-loris: a header trickling in byte by byte never completes in 0.5 s.
    s = tight.raw(b"GET /healthz HTTP/1.1\r\n")
    start = time.monotonic()
    closed = False
    try:
        for _ in range(40):  # at most ~2 s of trickling
            try:
                s.sendall(b"X")
            except (BrokenPipeError, ConnectionResetError):
                closed = True
                break
            s.settimeout(0.05)
            try:
                data = s.recv(4096)
                if data == b"":
                    closed = True
                    break
            except socket.timeout:
                pass
    finally:
        s.close()
    elapsed = time.monotonic() - start
    assert closed and elapsed < 1.5, elapsed


def test_a_body_that_never_arrives_is_cut_off(tight):
    s = tight.raw(b"POST /v1/decide HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                  b"Content-Length: 100\r\n\r\n{")
    start = time.monotonic()
    try:
        data = read_response(s, deadline=3)
    finally:
        s.close()
    assert data == b""  # closed: the deadline has passed, nothing more is said
    assert time.monotonic() - start < 1.5
    metrics = tight.request("GET", "/metrics")[2].decode()
    assert "jianzheng_connections_timed_out_total 0" not in metrics


def test_an_idle_keep_alive_connection_is_closed(tight):
    s = tight.raw(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
    try:
        s.settimeout(3)
        first = s.recv(65536)
        assert first.startswith(b"HTTP/1.1 200")
        start = time.monotonic()
        rest = read_response(s, deadline=3)
    finally:
        s.close()
    assert rest == b""  # closed without a word after the idle timeout
    assert 0.3 < time.monotonic() - start < 2


def metric(server, name):
    """A metric's value, asked until the server has room to answer (up to 3 s)."""
    deadline = time.monotonic() + 3
    status, _, body = server.request("GET", "/metrics")
    while status == 503 and time.monotonic() < deadline:
        time.sleep(0.05)
        status, _, body = server.request("GET", "/metrics")
    assert status == 200, status
    line = next(l for l in body.decode().splitlines() if l.startswith(name + " "))
    return int(float(line.split()[1]))


def wait_until_idle(server):
    """Until the server has closed every earlier test's connections (its own threads do that
    after the client has gone; on a busy machine, a little later): only the asking one is open."""
    deadline = time.monotonic() + 3
    while metric(server, "jianzheng_connections_open") > 1 and time.monotonic() < deadline:
        time.sleep(0.05)


def test_the_connection_cap_answers_503_and_frees_up(tight):
    wait_until_idle(tight)
    before = metric(tight, "jianzheng_connections_rejected_total")
    held = []
    try:
        for _ in range(4):
            s = tight.raw(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
            s.settimeout(3)
            assert s.recv(65536).startswith(b"HTTP/1.1 200")
            held.append(s)  # kept open (keep-alive)
        extra = tight.raw(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        try:
            data = read_response(extra)
        finally:
            extra.close()
        assert data.startswith(b"HTTP/1.1 503"), data[:100]
        assert b"Retry-After" in data and b'"code": "unavailable"' in data
    finally:
        for s in held:
            s.close()
    # Once the held connections are gone, new ones are served again. Until the server has seen
    # them close (its own threads, on a busy machine), a new one can still be refused: each
    # refusal is counted, so the counter grows by the one above plus those.
    refused_while_closing = 0
    deadline = time.monotonic() + 3
    while time.monotonic() < deadline:
        status, _, _ = tight.request("GET", "/healthz")
        if status == 200:
            break
        assert status == 503
        refused_while_closing += 1
        time.sleep(0.05)
    assert status == 200
    assert metric(tight, "jianzheng_connections_rejected_total") - before == 1 + refused_while_closing

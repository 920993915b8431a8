"""Graceful stop on SIGTERM/SIGINT: stop accepting, finish the requests in flight, close idle
connections, flush the decision log, exit 0 within 5 s."""
import json
import signal
import socket
import time

import pytest


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_an_idle_server_stops_at_once(start_server, sig):
    server = start_server()
    idle = server.raw(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")  # a keep-alive connection, left idle
    idle.settimeout(3)
    assert idle.recv(65536).startswith(b"HTTP/1.1 200")
    code, seconds = server.stop(sig)
    assert code == 0 and seconds < 2
    assert idle.recv(100) == b""  # closed by the server
    idle.close()
    assert "stopped" in server.log_text()


def test_a_request_in_flight_is_finished_and_new_ones_are_refused(start_server):
    server = start_server()
    lines = 4000
    body = ('{"item": "kinship", "date": "2021-09-30"}\n' * lines).encode()
    conn = server.connection(timeout=10)
    conn.request("POST", "/v1/decide/batch", body=body, headers={"Content-Type": "application/x-ndjson"})
    response = conn.getresponse()
    assert json.loads(response.readline())["item"]["id"] == "kinship"  # the batch is under way
    server.send_signal(signal.SIGTERM)
    assert server.wait_for_log("stopping", timeout=5)
    with pytest.raises(OSError):  # the listener is closed: no new connection
        socket.create_connection(("127.0.0.1", server.port), timeout=2).close()
    rest = response.read()  # the batch still runs to its end
    conn.close()
    assert len(rest.decode().splitlines()) == lines - 1
    code = server.proc.wait(5)
    assert code == 0


def test_a_stuck_client_does_not_hold_the_stop_beyond_five_seconds(start_server):
    # The client starts a large batch and never reads it: the server waits out its grace
    # period (4 s by default), closes the connection and exits 0, within 5 s of the signal.
    server = start_server()
    s = server.raw()
    body = b'{"item": "kinship"}\n' * 20000
    s.sendall(b"POST /v1/decide/batch HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-ndjson\r\n"
              b"Content-Length: %d\r\n\r\n" % len(body) + body)
    time.sleep(0.3)  # the answers pile up in the socket buffers
    code, seconds = server.stop()
    s.close()
    assert code == 0
    assert 3.5 < seconds < 5.0
    assert "closing connections still busy" in server.log_text()

"""Starts the real `jianzheng serve` on a free 127.0.0.1 port (--port 0; the server prints the
port it got) and talks HTTP to it with the standard library only. Every wait is bounded."""
import http.client
import json
import os
import pathlib
import selectors
import signal
import socket
import subprocess
import threading
import time

import pytest

CLI = os.environ.get("JIANZHENG_CLI")
SOURCE = pathlib.Path(os.environ.get("JIANZHENG_SOURCE_DIR", pathlib.Path(__file__).resolve().parents[2]))


class Server:
    """One `jianzheng serve` process."""

    def __init__(self, *args, start_timeout=15.0):
        if not CLI:
            pytest.skip("JIANZHENG_CLI is not set (run through ctest)")
        self.args = list(args)
        self.proc = subprocess.Popen([CLI, "serve", "--host", "127.0.0.1", "--port", "0", *self.args],
                                     stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.PIPE)
        self.lines = []
        self.port = None
        deadline = time.monotonic() + start_timeout
        sel = selectors.DefaultSelector()
        sel.register(self.proc.stderr, selectors.EVENT_READ)
        buf = b""
        while self.port is None:
            left = deadline - time.monotonic()
            if left <= 0 or self.proc.poll() is not None:
                self.proc.kill()
                self.proc.wait(5)
                raise AssertionError("server did not start: " + (buf + self.proc.stderr.read()).decode(errors="replace"))
            if not sel.select(timeout=min(left, 0.5)):
                continue
            chunk = os.read(self.proc.stderr.fileno(), 65536)
            buf += chunk
            while b"\n" in buf:
                line, buf = buf.split(b"\n", 1)
                self.lines.append(line.decode(errors="replace"))
                if "listening on http://127.0.0.1:" in self.lines[-1]:
                    self.port = int(self.lines[-1].split("127.0.0.1:")[1].split()[0])
        sel.close()
        if buf:
            self.lines.append(buf.decode(errors="replace"))
        self._reader = threading.Thread(target=self._read_stderr, daemon=True)
        self._reader.start()

    def _read_stderr(self):
        for line in self.proc.stderr:
            self.lines.append(line.decode(errors="replace").rstrip("\n"))

    def log_text(self):
        return "\n".join(self.lines)

    def connection(self, timeout=10):
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)

    def request(self, method, path, body=None, headers=None, timeout=10):
        """(status, headers as a dict with lower-case names, body bytes) on a new connection."""
        conn = self.connection(timeout)
        try:
            if isinstance(body, (dict, list)):
                body = json.dumps(body, ensure_ascii=False).encode()
                headers = {"Content-Type": "application/json", **(headers or {})}
            elif isinstance(body, str):
                body = body.encode()
            conn.request(method, path, body=body, headers=headers or {})
            r = conn.getresponse()
            return r.status, {k.lower(): v for k, v in r.getheaders()}, r.read()
        finally:
            conn.close()

    def get_json(self, path, expect=200, **kw):
        status, headers, body = self.request("GET", path, **kw)
        assert status == expect, (status, body)
        return json.loads(body)

    def post_json(self, path, payload, expect=200, **kw):
        status, headers, body = self.request("POST", path, body=payload, **kw)
        assert status == expect, (status, body)
        return json.loads(body)

    def raw(self, data=b"", timeout=5):
        """A raw socket, with `data` sent."""
        s = socket.create_connection(("127.0.0.1", self.port), timeout=timeout)
        if data:
            s.sendall(data)
        return s

    def send_signal(self, sig):
        self.proc.send_signal(sig)

    def wait_for_log(self, text, timeout=10):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if any(text in line for line in self.lines):
                return True
            time.sleep(0.02)
        return False

    def stop(self, sig=signal.SIGTERM, timeout=10):
        """Sends `sig` and waits; returns (exit code, seconds taken)."""
        if self.proc.poll() is not None:
            return self.proc.returncode, 0.0
        start = time.monotonic()
        self.proc.send_signal(sig)
        try:
            code = self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(5)
            raise AssertionError("server did not stop within %s s" % timeout)
        self._reader.join(2)
        return code, time.monotonic() - start


@pytest.fixture
def start_server():
    """start_server(*args) → Server; every server started is stopped at the end."""
    started = []

    def start(*args, **kw):
        s = Server(*args, **kw)
        started.append(s)
        return s

    yield start
    for s in started:
        if s.proc.poll() is None:
            s.proc.kill()
            s.proc.wait(5)
        if s.proc.stderr:
            s.proc.stderr.close()


@pytest.fixture(scope="module")
def server():
    """One server with the built-in example county list and guides, shared by a module."""
    s = Server("--example", "--threads", "2")
    yield s
    s.stop()
    if s.proc.stderr:
        s.proc.stderr.close()


def schema_store():
    """docs/schemas by $id: the OpenAPI document inlines them, and refers into them by $id."""
    store = {}
    for path in sorted((SOURCE / "docs" / "schemas").glob("*.schema.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        store[schema["$id"]] = schema
    return store


class Contract:
    """Validates answers against the components of the served /openapi.json."""

    def __init__(self, document):
        import jsonschema
        self.document = document
        self.jsonschema = jsonschema
        self.resolver = jsonschema.RefResolver(base_uri="", referrer=document, store=schema_store())

    def errors(self, name, instance):
        v = self.jsonschema.Draft202012Validator({"$ref": "#/components/schemas/" + name}, resolver=self.resolver,
                                                 format_checker=self.jsonschema.Draft202012Validator.FORMAT_CHECKER)
        return [e.message for e in v.iter_errors(instance)]

    def check(self, name, instance):
        errors = self.errors(name, instance)
        assert not errors, (name, errors[:5])
        return instance


@pytest.fixture(scope="module")
def contract(server):
    return Contract(server.get_json("/openapi.json"))

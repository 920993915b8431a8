"""The desk page in a real browser: headless Chromium driven by Selenium against the real
`jianzheng serve` on a free 127.0.0.1 port (docs/desk.md). One server and one browser for the
whole run, so the suite stays well under a minute; every wait is bounded."""
import importlib.util
import json
import os
import pathlib
import shutil
import subprocess
import tempfile
import time

import pytest

SOURCE = pathlib.Path(os.environ.get("JIANZHENG_SOURCE_DIR", pathlib.Path(__file__).resolve().parents[2]))
# Screenshots and printed PDFs go under the build tree (ctest sets it); /tmp otherwise.
OUTPUT = pathlib.Path(os.environ.get("JIANZHENG_WEB_OUTPUT") or tempfile.mkdtemp(prefix="jianzheng-web-"))
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
WAIT = 10  # seconds, for anything the page does


def _service_server_class():
    # The service's own test harness starts `jianzheng serve` on port 0 and reads the port it
    # prints; the desk tests use the same class rather than a copy of it.
    spec = importlib.util.spec_from_file_location("jianzheng_service_harness", SOURCE / "tests" / "service" / "conftest.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.Server


@pytest.fixture(scope="session")
def server():
    """`jianzheng serve --example`: the national list plus the example county list and guides."""
    s = _service_server_class()("--example", "--threads", "2")
    yield s
    code, _ = s.stop()
    if s.proc.stderr:
        s.proc.stderr.close()
    assert code == 0


@pytest.fixture(scope="session")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    for path in (CHROMIUM, CHROMEDRIVER):
        assert os.path.exists(path), path + " is missing: run scripts/setup.sh (Debian chromium, chromium-driver)"
    profile = tempfile.mkdtemp(prefix="jianzheng-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1366,768", "--lang=zh-CN"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(WAIT)
    driver.set_script_timeout(WAIT)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="session")
def output():
    OUTPUT.mkdir(parents=True, exist_ok=True)
    return OUTPUT


class Desk:
    """The page, as a clerk uses it: type, press Enter, read, click."""

    def __init__(self, driver, server):
        self.driver = driver
        self.server = server
        self.base = "http://127.0.0.1:%d/" % server.port

    # --- viewport and navigation -------------------------------------------------------
    def viewport(self, width, height):
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})

    def open(self, path="", fresh=True):
        if fresh:  # forget what the page kept (the language, the committee's name)
            self.driver.execute_cdp_cmd("Storage.clearDataForOrigin", {
                "origin": self.base.rstrip("/"), "storageTypes": "local_storage"})
        self.driver.get(self.base + path)
        self.wait(lambda d: d.execute_script("return document.readyState") == "complete")

    def wait(self, condition, timeout=WAIT, message=""):
        from selenium.webdriver.support.ui import WebDriverWait
        return WebDriverWait(self.driver, timeout, poll_frequency=0.05).until(condition, message)

    def find(self, css):
        from selenium.webdriver.common.by import By
        return self.driver.find_element(By.CSS_SELECTOR, css)

    def find_all(self, css):
        from selenium.webdriver.common.by import By
        return self.driver.find_elements(By.CSS_SELECTOR, css)

    def js(self, script, *args):
        return self.driver.execute_script(script, *args)

    # --- deciding ----------------------------------------------------------------------
    def seq(self):
        return int(self.find("#result").get_attribute("data-seq") or 0)

    def settled(self, after):
        """Waits until a decision later than `after` is on screen; returns the result element."""
        self.wait(lambda d: self.seq() > after and self.find("#result").get_attribute("aria-busy") == "false",
                  message="no new decision on screen")
        return self.find("#result")

    def ask(self, text, purpose=None, date=None):
        """Types the request as a clerk does and presses Enter."""
        from selenium.webdriver.common.keys import Keys
        before = self.seq()
        if date:
            self.js("document.querySelector('[name=date]').value = arguments[0]", date)
        if purpose is not None:
            field = self.find("[name=purpose]")
            field.clear()
            field.send_keys(purpose)
        field = self.find("[name=text]")
        field.clear()
        field.send_keys(text, Keys.ENTER)
        return self.settled(before)

    def answer(self, fact, value):
        before = self.seq()
        self.find('[data-fact="%s"] [value="%s"]' % (fact, value)).click()
        return self.settled(before)

    def outcome(self):
        return self.find("#result").get_attribute("data-outcome")

    def item(self):
        return self.find("#result").get_attribute("data-item")

    # --- printing ----------------------------------------------------------------------
    def print_pdf(self, path):
        """Chrome's print to PDF (what the print button's window.print() produces), A4."""
        import base64
        pdf = self.driver.execute_cdp_cmd("Page.printToPDF", {
            "paperWidth": 8.27, "paperHeight": 11.69, "preferCSSPageSize": True, "printBackground": True})
        path.write_bytes(base64.b64decode(pdf["data"]))
        text = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                              timeout=30).stdout.decode()
        return text, text.rstrip("\f").count("\f") + 1  # pdftotext ends each page with a form feed


@pytest.fixture
def desk(browser, server):
    d = Desk(browser, server)
    d.viewport(1366, 768)
    d.open()
    return d


def squash(text):
    """Text without any white space: PDF text breaks lines where the page does."""
    return "".join(text.split())


def cli(*args):
    """`jianzheng …` (the same executable as the server), its standard output."""
    exe = os.environ.get("JIANZHENG_CLI")
    done = subprocess.run([exe, *args], capture_output=True, timeout=30)
    assert done.returncode in (0, 1), done.stderr.decode()  # 0 issue, 1 refuse (docs/cli.md)
    return done.stdout.decode()


def clause_text(clause_id):
    clauses = json.loads((SOURCE / "data" / "clauses.json").read_text(encoding="utf-8"))
    for c in clauses["clauses"]:
        if c["id"] == clause_id:
            return c["text"]
    raise KeyError(clause_id)


def until(predicate, timeout=WAIT):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return False

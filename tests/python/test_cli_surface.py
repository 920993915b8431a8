"""The command line as a surface: every subcommand has Chinese-and-English --help, the same
exit codes, errors as one actionable stderr line, and `decide --json --batch` streams JSON
Lines (a bad line becomes an error object line and the run goes on; a progress bar only on
a terminal). docs/cli.md documents all of it."""

import json
import os
import pty
import re
import subprocess
from pathlib import Path

import pytest

CLI = os.environ.get("JIANZHENG_CLI") or str(Path(__file__).resolve().parents[2] / "build" / "bin" / "jianzheng")
DOCS = Path(__file__).resolve().parents[2] / "docs" / "cli.md"

pytestmark = pytest.mark.skipif(not Path(CLI).exists(), reason=f"{CLI} not built")


def run(*args, stdin=None):
    return subprocess.run([CLI, *args], input=stdin, capture_output=True, text=True, timeout=120)


def commands():
    out = run("--help").stdout
    return re.findall(r"^  ([a-z][a-z-]*) +\S", out, flags=re.M)


def test_every_subcommand_has_help_in_chinese_and_english():
    names = commands()
    assert "decide" in names and "resolve" in names
    for name in names:
        r = run(name, "--help")
        assert r.returncode == 0, name
        assert re.search(r"[\u4e00-\u9fff]", r.stdout), f"{name}: no Chinese in --help"
        assert re.search(r"\busage\b", r.stdout), f"{name}: no English usage in --help"


def test_every_subcommand_is_documented_in_docs_cli_md():
    text = DOCS.read_text("utf-8")
    for name in commands():
        assert f"jianzheng {name}" in text, f"docs/cli.md does not document `jianzheng {name}`"


def test_usage_errors_exit_2_with_one_stderr_line():
    for args in (["no-such-command"], ["decide", "--no-such-option", "x"], ["resolve", "--json", "--bogus"]):
        r = run(*args)
        assert r.returncode == 2, args
        lines = r.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("jianzheng"), r.stderr
        assert "错误" in lines[0] and "error" in lines[0]


def test_bad_input_exits_3_and_names_the_place():
    r = run("decide", "--json", "--request", "-", stdin='{"item": "kinship", "facts": {"verifiable": "maybe"}}')
    assert r.returncode == 3
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and "/facts/verifiable" in lines[0] and "unknown_enum" in lines[0]
    # With --json the program reading stdout gets the error object too (docs/cli.md, "Errors").
    error = json.loads(r.stdout)["error"]
    assert error["code"] == "unknown_enum" and "/facts/verifiable" in error["where"]


def test_a_missing_file_exits_4():
    r = run("decide", "--json", "--request", "/no/such/request.json")
    assert r.returncode == 4
    assert "/no/such/request.json" in r.stderr


def test_decide_exit_code_says_issue_or_refuse():
    # 附件1 第8项: refused (exit 1); with the 不动产登记 carve-out of 第1项 and the facts, issued (exit 0).
    assert run("decide", "--json", "单身证明").returncode == 1
    r = run("decide", "--json", "--purpose", "办理不动产登记", "--fact", "within_duties=yes",
            "--fact", "verifiable=yes", "kinship")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["outcome"] == "issue_for_stated_purpose"


BATCH = "\n".join([
    json.dumps({"item": "marital-status", "date": "2021-09-30"}),
    "{not json",
    "",
    json.dumps({"text": "单身证明", "facts": {"within_duties": "perhaps"}}, ensure_ascii=False),
    json.dumps({"text": "居住证明"}, ensure_ascii=False),
]) + "\n"


def test_batch_writes_one_json_line_per_request_and_goes_on_after_bad_lines():
    r = run("decide", "--json", "--batch", "-", stdin=BATCH)
    assert r.returncode == 3  # some line was bad
    lines = r.stdout.splitlines()
    assert len(lines) == 4  # the blank line is not a request
    answers = [json.loads(l) for l in lines]
    assert answers[0]["outcome"] == "refuse_redirect"
    assert answers[1]["error"]["code"] == "malformed_json"
    assert answers[2]["error"]["code"] == "unknown_enum" and "/facts/within_duties" in answers[2]["error"]["where"]
    assert answers[3]["item"] is None
    assert r.stderr == ""  # no progress bar when stderr is not a terminal


def test_batch_of_good_lines_exits_0_and_matches_single_decisions():
    good = [{"item": "kinship"}, {"text": "无犯罪证明", "date": "2021-05-06"}]
    r = run("decide", "--json", "--batch", "-", stdin="".join(json.dumps(g, ensure_ascii=False) + "\n" for g in good))
    assert r.returncode == 0
    for line, request in zip(r.stdout.splitlines(), good):
        single = run("decide", "--json", "--request", "-", stdin=json.dumps(request, ensure_ascii=False))
        assert json.loads(line) == json.loads(single.stdout)


def test_batch_shows_progress_only_on_a_terminal(tmp_path):
    requests = tmp_path / "requests.jsonl"
    requests.write_text(json.dumps({"item": "kinship"}) + "\n" * 1 + json.dumps({"item": "birth"}) + "\n", "utf-8")
    out = tmp_path / "out.jsonl"
    # stderr on a pseudo-terminal, stdout to a file: the bar goes to the terminal only.
    try:
        pid, fd = pty.fork()
    except OSError as e:  # a sandbox without /dev/ptmx
        pytest.skip(f"no pseudo-terminal: {e}")
    if pid == 0:
        with open(out, "w") as f:
            os.dup2(f.fileno(), 1)
            os.execv(CLI, [CLI, "decide", "--json", "--batch", str(requests)])
    seen = b""
    while True:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    assert b"2/2" in seen
    assert len(out.read_text("utf-8").splitlines()) == 2

"""The Python package as a user installs and runs it: `python -m jianzheng` is the command
line, the wheel's metadata is real (Mulan PSL v2, classifiers, README, documents that exist),
and what the stubs promise holds at run time (docs/python.md)."""

import datetime
import email
import os
import subprocess
import sys
from pathlib import Path

import pytest

import jianzheng

SOURCE = Path(os.environ.get("JIANZHENG_SOURCE_DIR", Path(__file__).resolve().parents[2]))


def run_module(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "jianzheng", *args], input=stdin.encode(),
                          capture_output=True, timeout=120, cwd="/")


def test_python_m_jianzheng_is_the_command_line():
    version = run_module("--version")
    assert version.returncode == 0
    assert jianzheng.__version__ in version.stdout.decode()
    # 附件1 第8项 婚姻状况证明: refused with its route (二（二）2), exit 1 as the program says.
    decided = run_module("decide", "--json", "--date", "2021-09-30", "单身证明")
    assert decided.returncode == 1
    assert b'"refuse_redirect"' in decided.stdout
    # Standard input and usage errors pass through unchanged.
    piped = run_module("decide", "--json", "--request", "-", stdin='{"item": "marital-status"}')
    assert piped.returncode == 1 and b'"refuse_redirect"' in piped.stdout
    assert run_module("decide", "--no-such-option", "x").returncode == 2


def test_python_m_jianzheng_says_what_is_missing(tmp_path):
    # A package without its program (a broken copy) explains itself instead of a traceback.
    package = tmp_path / "jianzheng"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "__main__.py").write_text((Path(jianzheng.__file__).parent / "__main__.py").read_text())
    result = subprocess.run([sys.executable, "-m", "jianzheng", "--version"], capture_output=True,
                            cwd=tmp_path, env=dict(os.environ, PYTHONPATH=str(tmp_path)), timeout=60)
    assert result.returncode == 70
    assert b"the command-line program is missing" in result.stderr


@pytest.fixture(scope="module")
def metadata(tmp_path_factory):
    """PKG-INFO as setup.py writes it into the wheel (egg_info: no build)."""
    out = tmp_path_factory.mktemp("egg")
    subprocess.run([sys.executable, "setup.py", "-q", "egg_info", "--egg-base", str(out)], cwd=SOURCE,
                   check=True, capture_output=True, timeout=120)
    return email.message_from_string((out / "jianzheng.egg-info" / "PKG-INFO").read_text(encoding="utf-8"))


def test_the_wheel_metadata_is_real(metadata):
    assert metadata["Name"] == "jianzheng"
    assert metadata["Version"] == jianzheng.__version__
    assert metadata["License"] == "MulanPSL-2.0"
    assert metadata["License-File"] == "LICENSE"
    classifiers = metadata.get_all("Classifier")
    assert "License :: OSI Approved :: Mulan Permissive Software License v2 (MulanPSL-2.0)" in classifiers
    assert "Typing :: Typed" in classifiers
    assert metadata["Description-Content-Type"] == "text/markdown"
    assert "减证" in metadata.get_payload()  # the README is the long description


def test_the_metadata_urls_name_documents_in_the_repository(metadata):
    urls = [u.split(", ", 1) for u in metadata.get_all("Project-URL")]
    assert urls, "no Project-URL"
    for label, path in urls:
        assert (SOURCE / path).is_file(), f"Project-URL {label}: {path} is not in the repository"


def test_equality_takes_any_object_as_the_stubs_say():
    day = jianzheng.Date("2021-09-30")
    assert day == "2021-09-30" and day == datetime.date(2021, 9, 30) and day == jianzheng.Date("2021-09-30")
    assert day != None and day != 5 and not (day == object())  # noqa: E711
    assert day != "2021-10-01"
    assert jianzheng.Facts() == jianzheng.Facts() and jianzheng.Facts() != None  # noqa: E711
    basis = jianzheng.LegalBasis("《中华人民共和国公证法》", "第十一条", jianzheng.BasisLevel.law)
    assert basis == jianzheng.LegalBasis("《中华人民共和国公证法》", "第十一条", jianzheng.BasisLevel.law)
    assert basis != 3


def test_a_date_parameter_takes_a_string_or_a_datetime_date():
    engine = jianzheng.Engine()
    assert engine.catalog("2021-06-01").id() == engine.catalog(datetime.date(2021, 6, 1)).id()

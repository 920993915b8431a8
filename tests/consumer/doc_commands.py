#!/usr/bin/env python3
"""Runs the shell commands docs/building.md and docs/c-api.md give, as written, so they cannot
rot (ctest consumer.doc_commands).

A fenced ```sh block is run when the line before it is a marker comment:

    <!-- test: NAME; files: examples/c/decide.c, examples/go; needs: go; expect: REGEX -->

Each block runs with `bash -euo pipefail` in a fresh directory WORK/NAME holding the listed
files and folders (copied from the source tree to the same relative paths, so the commands
read as run from the source tree's root) and a link `build` to the build tree; /opt/jianzheng, the
prefix the docs install into, is replaced by WORK/opt/jianzheng, where the runner has
installed the build tree first (a block may install there again itself). The block passes
when it exits 0 and its output matches REGEX (when given); it is skipped, saying so, when a
program named by `needs` is not installed (scripts/setup.sh installs them all).

    doc_commands.py SOURCE_DIR BUILD_DIR WORK_DIR [DOC.md ...]
"""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

DOCS = ["docs/building.md", "docs/c-api.md"]
MARKER = re.compile(r"^<!--\s*test:\s*(?P<body>.*?)\s*-->\s*$")
PREFIX = "/opt/jianzheng"


def blocks(doc: Path):
    """(line, options, script) of every marked ```sh block."""
    lines = doc.read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines):
        m = MARKER.match(line)
        if not m:
            continue
        if i + 1 >= len(lines) or lines[i + 1].strip() not in ("```sh", "```bash"):
            raise SystemExit(f"{doc}:{i + 1}: a test marker must stand right before a ```sh block")
        options = {}
        for part in m.group("body").split(";"):
            key, _, value = part.partition(":")
            if not _:
                options["name"] = key.strip()
            else:
                options[key.strip()] = value.strip()
        end = next(k for k in range(i + 2, len(lines)) if lines[k].strip() == "```")
        yield i + 1, options, "\n".join(lines[i + 2:end]) + "\n"


def run(build: Path, source: Path, work: Path, prefix: Path, doc: Path, line: int, options: dict,
        script: str) -> bool:
    name = options.get("name") or f"{doc.stem}-{line}"
    missing = [p for p in options.get("needs", "").split() if not shutil.which(p)]
    if missing:
        print(f"doc_commands: {doc}:{line} ({name}): skipped, {' '.join(missing)} not installed")
        return True
    here = work / name
    shutil.rmtree(here, ignore_errors=True)
    here.mkdir(parents=True)
    (here / "build").symlink_to(build)
    for path in filter(None, (s.strip() for s in options.get("files", "").split(","))):
        (here / path).parent.mkdir(parents=True, exist_ok=True)
        if (source / path).is_dir():
            shutil.copytree(source / path, here / path)
        else:
            shutil.copy(source / path, here / path)
    env = dict(os.environ, GOCACHE=str(work / "go-cache"), GOPATH=str(work / "go-path"),
               GOFLAGS="-mod=mod", GOPROXY="off", GOTOOLCHAIN="local", GOTELEMETRY="off")
    env.pop("PKG_CONFIG_PATH", None)
    result = subprocess.run(["bash", "-euo", "pipefail", "-c", script.replace(PREFIX, str(prefix))],
                            cwd=here, env=env, capture_output=True, text=True, timeout=600)
    output = result.stdout + result.stderr
    expect = options.get("expect")
    ok = result.returncode == 0 and (not expect or re.search(expect, output, re.S))
    where = f"{doc}:{line} ({name})"
    if ok:
        print(f"doc_commands: {where}: ok")
    else:
        print(f"doc_commands: {where}: FAILED (exit {result.returncode}"
              + (f", output does not match {expect!r}" if expect else "") + ")\n" + script + "--- output:\n" + output,
              file=sys.stderr)
    return bool(ok)


def main(argv) -> int:
    if len(argv) < 4:
        print(__doc__, file=sys.stderr)
        return 2
    source, build, work = (Path(a).resolve() for a in argv[1:4])
    docs = [Path(d) for d in argv[4:]] or [source / d for d in DOCS]
    prefix = work / "opt" / "jianzheng"
    subprocess.run(["cmake", "--install", str(build), "--prefix", str(prefix)], check=True,
                   stdout=subprocess.DEVNULL)
    count, failed = 0, 0
    for doc in docs:
        shown = doc.relative_to(source) if doc.is_relative_to(source) else doc
        for line, options, script in blocks(doc):
            count += 1
            failed += not run(build, source, work, prefix, shown, line, options, script)
    if count == 0:
        print("doc_commands: no marked blocks found", file=sys.stderr)
        return 1
    print(f"doc_commands: {count - failed} of {count} documented command blocks ran as written")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

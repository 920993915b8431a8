#!/usr/bin/env python3
"""What a shared library of the project exports, checked as a host's linker sees it
(ctests consumer.exports_c and consumer.exports_cxx; docs/c-api.md, "Versions and sonames").

    exports.py c   LIBRARY HEADER   libjianzheng_c: exactly the JZ_API functions of HEADER,
                                    each under the version node JIANZHENG_0.1; soname .so.0
    exports.py cxx LIBRARY          libjianzheng (JIANZHENG_SHARED): namespace jianzheng with
                                    its type information, nothing of jianzheng::detail,
                                    Boost or ICU; soname .so.0.MINOR while MAJOR is 0

Reads `nm -D` and `readelf -d` (binutils). Exits non-zero naming every problem.
"""

import re
import subprocess
import sys
from pathlib import Path

NODE = "JIANZHENG_0.1"


def exported(library: str, demangle: bool):
    """(name, version) of every defined dynamic symbol but the version nodes themselves."""
    args = ["nm", "-D", "--defined-only"] + (["-C"] if demangle else []) + [library]
    out = subprocess.run(args, check=True, capture_output=True, text=True).stdout
    symbols = []
    for line in out.splitlines():
        parts = line.split(maxsplit=2)
        if len(parts) < 3 or parts[1] == "A":  # "A" marks a version node
            continue
        name, _, version = parts[2].partition("@@")
        if not version:
            name, _, version = parts[2].partition("@")
        symbols.append((name, version))
    return symbols


def soname(library: str) -> str:
    out = subprocess.run(["readelf", "-d", library], check=True, capture_output=True, text=True).stdout
    m = re.search(r"\(SONAME\)\s+Library soname: \[(.+?)\]", out)
    return m.group(1) if m else ""


def check_c(library: str, header: str):
    problems = []
    declared = set(re.findall(r"^JZ_API\b[^;(]*?\b(jz_\w+)\s*\(", Path(header).read_text(), re.M))
    symbols = exported(library, demangle=False)
    names = {name for name, _ in symbols}
    if names != declared:
        problems.append(f"exports {sorted(names - declared)} not in the header; "
                        f"the header declares {sorted(declared - names)} not exported")
    problems += [f"{name} has version {version or 'none'}, not {NODE}" for name, version in symbols if version != NODE]
    if soname(library) != "libjianzheng_c.so.0":
        problems.append(f"soname is {soname(library)!r}, not libjianzheng_c.so.0")
    return problems, len(symbols)


PUBLIC = re.compile(r"^(?:(?:typeinfo|vtable) for )?jianzheng::")


def check_cxx(library: str):
    problems = []
    symbols = exported(library, demangle=True)
    for name, version in symbols:
        if not PUBLIC.match(name) or "jianzheng::detail::" in name.split("(")[0]:
            problems.append(f"exports {name}")
        elif version != NODE:
            problems.append(f"{name} has version {version or 'none'}, not {NODE}")
    names = {re.sub(r"\[abi:\w+\]", "", name.split("(")[0]) for name, _ in symbols}
    # A few entry points a C++ consumer cannot do without (examples/decide.cpp uses them).
    for needed in ("jianzheng::Engine::Engine", "jianzheng::Engine::decide", "jianzheng::to_json",
                   "jianzheng::Date::parse", "jianzheng::version", "typeinfo for jianzheng::Error"):
        if needed not in names:
            problems.append(f"does not export {needed}")
    m = re.match(r"libjianzheng\.so\.(\d+)(?:\.(\d+))?$", soname(library))
    if not m or (m.group(1) == "0" and m.group(2) is None):
        problems.append(f"soname is {soname(library)!r}, not libjianzheng.so.0.MINOR")
    return problems, len(symbols)


def main(argv):
    if len(argv) == 4 and argv[1] == "c":
        problems, count = check_c(argv[2], argv[3])
    elif len(argv) == 3 and argv[1] == "cxx":
        problems, count = check_cxx(argv[2])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    for p in problems:
        print(f"exports: {argv[2]}: {p}", file=sys.stderr)
    if problems:
        return 1
    print(f"exports: {Path(argv[2]).name}: {count} symbols, all public, all {NODE}; soname {soname(argv[2])}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

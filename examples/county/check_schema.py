"""Validates the survey JSON the command line writes against docs/schemas/survey.schema.json.

Run by ctest (example.county.schema) with the CLI path and the example folder:
    python3 check_schema.py JIANZHENG_CLI SOURCE_DIR
Exports each synthetic return as JSON, validates each, merges them, and checks every shape.
"""
import json
import pathlib
import subprocess
import sys

import jsonschema

cli, source = sys.argv[1], pathlib.Path(sys.argv[2])
schema = json.loads((source / "docs/schemas/survey.schema.json").read_text(encoding="utf-8"))
here = source / "examples/county"
returns = sorted(str(p) for p in here.glob("township-*.csv"))


def run(*args):
    out = subprocess.run([cli, "survey", *args], check=True, capture_output=True)
    return json.loads(out.stdout.decode("utf-8"))


def sub(name):
    return {"$schema": schema["$schema"], "$defs": schema["$defs"], "$ref": f"#/$defs/{name}"}


for path in returns:
    jsonschema.validate(run("export", "--json", path), schema)
    jsonschema.validate(run("validate", "--json", path), sub("check"))
merged = run("merge", "--json", *returns)
jsonschema.validate(merged, sub("merge"))
assert merged["entries"], "merge gave no entries"
print(f"survey schema ok: {len(returns)} returns, {len(merged['entries'])} entries")

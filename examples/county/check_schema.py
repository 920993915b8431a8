"""Validates the survey JSON the command line writes against docs/schemas/survey.schema.json,
and looks inside the XLSX it writes.

Run by ctest (example.county.schema) with the CLI path and the source folder:
    python3 check_schema.py JIANZHENG_CLI SOURCE_DIR
Exports each synthetic return as JSON, validates each, merges them, and checks every shape;
exports one return as XLSX and checks the 附件2 layout and the print setup.
"""
import json
import pathlib
import subprocess
import sys
import tempfile
import zipfile
from typing import Any, Dict

import jsonschema

cli, source = sys.argv[1], pathlib.Path(sys.argv[2])
schema = json.loads((source / "docs/schemas/survey.schema.json").read_text(encoding="utf-8"))
here = source / "examples/county"
returns = sorted(str(p) for p in here.glob("township-*.csv"))


def run(*args: str) -> Any:
    out = subprocess.run([cli, "survey", *args], check=True, capture_output=True)
    return json.loads(out.stdout.decode("utf-8"))


def sub(name: str) -> Dict[str, Any]:
    return {"$schema": schema["$schema"], "$defs": schema["$defs"], "$ref": f"#/$defs/{name}"}


for path in returns:
    jsonschema.validate(run("export", "--json", path), schema)
    jsonschema.validate(run("validate", "--json", path), sub("check"))
merged = run("merge", "--json", *returns)
jsonschema.validate(merged, sub("merge"))
assert merged["entries"], "merge gave no entries"
# The XLSX: the table's strings (附件2 above the title; each label's value in the cell after
# it, so that the reader takes it whole), the merged title and label cells, A4 landscape, one page wide,
# the header row repeated on every page.
with tempfile.TemporaryDirectory() as tmp:
    xlsx = pathlib.Path(tmp) / "t.xlsx"
    subprocess.run([cli, "survey", "export", "--xlsx", str(xlsx), returns[1]], check=True)
    with zipfile.ZipFile(xlsx) as z:
        strings = z.read("xl/sharedStrings.xml").decode("utf-8")
        sheet = z.read("xl/worksheets/sheet1.xml").decode("utf-8")
        workbook = z.read("xl/workbook.xml").decode("utf-8")
    for text in ("附件2", "填报单位（盖章）：", "示例二乡人民政府（合成示例）", "时间：", "2020年12月30日",
                 "法律法规、政策依据", "婚姻状况证明（收养子女）"):
        assert text in strings, f"{text} missing from the workbook"
    assert '<mergeCell ref="A2:F2"/>' in sheet, "title not merged over the table"
    assert '<mergeCell ref="A3:B3"/>' in sheet, "填报单位 label not merged over its two cells"
    assert 'paperSize="9"' in sheet and 'orientation="landscape"' in sheet, "not A4 landscape"
    assert 'fitToHeight="0"' in sheet, "not fitted to one page wide"
    assert "_xlnm.Print_Titles" in workbook, "header row not repeated on each page"

print(f"survey schema ok: {len(returns)} returns, {len(merged['entries'])} entries")

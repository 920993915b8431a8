"""jianzheng.to_frame: decisions as a pandas DataFrame, and no pandas needed otherwise."""

import os
import subprocess
import sys

import pytest

import jianzheng

pd = pytest.importorskip("pandas")


def test_to_frame_has_one_row_per_decision_in_order():
    engine = jianzheng.Engine()
    requests = [{"item": "marital-status"}, {"text": "居住证明"},
                {"item": "kinship", "purpose": "不动产登记", "facts": {"within_duties": "yes", "verifiable": "yes"},
                 "date": "2021-05-06"}]
    batch = engine.decide_many(requests)
    frame = jianzheng.to_frame(batch)
    assert list(frame.columns) == list(jianzheng.FRAME_COLUMNS)
    assert list(frame["outcome"].astype(str)) == [d.to_dict()["outcome"] for d in batch]
    assert frame["item"].tolist()[:2] == ["marital-status", None]
    assert frame["clause"].tolist()[0] == "2.2.2"
    # The same frame from Decision objects or their dicts.
    assert jianzheng.to_frame(list(batch)).equals(frame)
    assert jianzheng.to_frame(batch.to_dicts()).equals(frame)


def test_importing_jianzheng_does_not_import_pandas():
    code = "import sys, jianzheng; jianzheng.Engine().decide({'item': 'birth'}); print('pandas' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=os.environ, check=True)
    assert out.stdout.strip() == "False"

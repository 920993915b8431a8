"""Engine.decide_columns and Engine.decide_frame: columns in, one compact decision per row
out, each row decided exactly as Engine.decide decides the same request as a dict."""

import datetime
import math
import random
import sys

import pytest

import jianzheng

np = pytest.importorskip("numpy")
pd = pytest.importorskip("pandas")

FACTS = ("within_duties", "verifiable", "transitional_need", "public_interest", "legal_risk")


@pytest.fixture(scope="module")
def engine():
    return jianzheng.Engine()


def _present(v):
    return not (v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and math.isnan(v)))


def _tri(v):
    """A fact cell as Engine.decide's dict reader takes it (it has no NaN or 1/0)."""
    if not _present(v):
        return None
    if isinstance(v, (bool, np.bool_)):
        return bool(v)
    if isinstance(v, (int, float)):
        return {1: "yes", 0: "no"}[v]
    return v


def _request(row):
    """The dict Engine.decide reads for one row of columns (None, NaN and "" are absent)."""
    r = {}
    for key in ("item", "text", "purpose"):
        if _present(row.get(key)) and row[key] != "":
            r[key] = row[key]
    if _present(row.get("date")):
        d = row["date"]
        r["date"] = d.date() if isinstance(d, pd.Timestamp) else d
    facts = {f: _tri(row.get(f)) for f in FACTS if _tri(row.get(f)) is not None}
    if facts:
        r["facts"] = facts
    return r


def _cells(frame):
    """A frame as plain Python rows, comparable across dtypes (NaN/NaT/NA → None)."""
    out = []
    for row in frame.astype(object).itertuples(index=False):
        out.append(tuple(None if not _present(v) else (v.date() if isinstance(v, pd.Timestamp) else v)
                         for v in row))
    return out


def _expected(engine, rows):
    return _cells(jianzheng.to_frame([engine.decide(_request(r)) for r in rows]))


# Rows at the edges of what a ledger holds: every kind of name, purpose, date and fact cell.
EDGE_ROWS = [
    {"item": "marital-status"},
    {"item": "kinship", "purpose": "不动产登记", "within_duties": "yes", "verifiable": "yes", "date": "2021-05-06"},
    {"item": "kinship", "purpose": "不动产登记", "within_duties": True, "verifiable": False},
    {"text": "单身证明", "purpose": "银行贷款", "date": "2021-09-30"},
    {"text": "居住证明", "public_interest": "yes", "within_duties": "yes", "date": "2021-09-30"},  # on no list
    {"text": "婚姻狀況證明", "date": datetime.date(2022, 2, 7)},                     # Traditional
    {"text": "麻烦开一下收入证明，贷款用", "transitional_need": "yes", "within_duties": "yes",
     "verifiable": "yes", "date": "2021-06-01"},                                      # a sentence
    {"text": "亲属关糸证明", "date": "2021-06-01"},                                   # a look-alike typo
    {"text": "wfzjlzm", "date": "2023-01-03"},                                        # pinyin initials
    {"text": "随便写写", "within_duties": "no"},                                      # names nothing
    {"item": "kinship", "text": "单身证明", "date": "2021-03-05"},                   # the id wins
    {"item": "", "text": "无犯罪记录证明", "purpose": "", "date": None},              # "" is absent
    {"item": None, "text": "出生证明", "purpose": float("nan"), "date": float("nan")},
    {"text": "亲属关系证明", "purpose": "公证", "within_duties": "yes", "verifiable": "yes",
     "legal_risk": "yes", "date": "2021-12-31"},
    {"item": "kinship", "within_duties": "unknown", "verifiable": None, "transitional_need": float("nan"),
     "date": "2030-06-01"},                                                           # outside the calendar
    {"text": "养犬证明", "within_duties": 1, "verifiable": 0.0, "legal_risk": 1.0, "date": "2020-11-02"},
]


def _columns(rows):
    keys = ("item", "text", "purpose", "date") + FACTS
    return {k: [r.get(k) for r in rows] for k in keys}


def test_every_edge_row_is_decided_as_decide_decides_it(engine):
    got = _cells(engine.decide_columns(**_columns(EDGE_ROWS), threads=1).to_frame())
    assert got == _expected(engine, EDGE_ROWS)


def _random_rows(engine, n, seed):
    rng = random.Random(seed)
    ids = [i.id for i in engine.catalog("2021-06-01").items()]
    texts = ["单身证明", "婚姻状况证明", "收入证明", "亲属关系证明", "居住证明", "无犯罪证明", "养狗证明", "在世证明",
             "户口证明", "生育证明", "开个单身证明", "死亡证明", "残疾证明", "经济困难证明"]
    purposes = [None, "银行贷款", "不动产登记", "公证", "法律援助", "收养登记", "婚姻登记档案丢失", "子女入学"]
    tri = ["yes", "no", "unknown", None]
    rows = []
    for _ in range(n):
        row = {"purpose": rng.choice(purposes),
               "date": str(datetime.date(2020, 11, 1) + datetime.timedelta(days=rng.randrange(1100)))}
        if rng.random() < 0.5:
            row["item"] = rng.choice(ids)
        else:
            row["text"] = rng.choice(texts)
        for f in FACTS:
            row[f] = rng.choice(tri)
        rows.append(row)
    return rows


def test_random_ledgers_decide_as_decide_row_for_row_on_one_and_two_threads(engine):
    rows = _random_rows(engine, 3000, seed=16)
    expected = _expected(engine, rows)
    cols = _columns(rows)
    assert _cells(engine.decide_columns(**cols, threads=1).to_frame()) == expected
    assert _cells(engine.decide_columns(**cols, threads=2).to_frame()) == expected


def test_lists_arrays_series_and_categoricals_give_the_same_frame(engine):
    rows = _random_rows(engine, 600, seed=7)
    cols = _columns(rows)
    expected = _expected(engine, rows)
    forms = [
        cols,
        {k: np.array(v, dtype=object) for k, v in cols.items()},
        {k: pd.Series(v) for k, v in cols.items()},
        {k: pd.Series(v, dtype="category") for k, v in cols.items()},
        {k: pd.Series(v, dtype="string") if k in ("item", "text", "purpose") else pd.Series(v)
         for k, v in cols.items()},
        dict(cols, date=pd.to_datetime(pd.Series(cols["date"]))),                       # datetime64[ns]
        dict(cols, date=np.array(cols["date"], dtype="datetime64[D]")),
        dict(cols, date=np.array(cols["date"]), text=np.array([t or "" for t in cols["text"]])),  # '<U…'
        dict(cols, date=pd.Categorical(pd.to_datetime(pd.Series(cols["date"])))),
        dict(cols, date=list(pd.to_datetime(pd.Series(cols["date"])))),                  # Timestamps
        dict(cols, date=[datetime.date.fromisoformat(d) for d in cols["date"]]),
        dict(cols, date=pd.to_datetime(pd.Series(cols["date"])).dt.tz_localize("Asia/Shanghai")),
    ]
    for i, form in enumerate(forms):
        assert _cells(engine.decide_columns(**form, threads=1).to_frame()) == expected, f"form {i}"


def test_facts_as_booleans_numbers_and_nullable_columns(engine):
    ids = ["kinship", "marital-status", "birth", "kinship"]
    base = dict(item=ids, purpose=["不动产登记", None, None, "公证"], date="2021-06-01")
    yes_no = ["yes", "no", "unknown", "yes"]
    as_bool = [True, False, None, True]
    expected = _cells(engine.decide_columns(**base, within_duties=yes_no, verifiable=yes_no, threads=1).to_frame())
    for form in (as_bool, np.array([1.0, 0.0, np.nan, 1.0]), pd.array(as_bool, dtype="boolean"),
                 pd.Series([1, 0, None, 1], dtype="Int64"), np.array(["yes", "no", "unknown", "yes"]),
                 pd.Series(yes_no, dtype="category"), [np.True_, np.False_, float("nan"), 1]):
        got = _cells(engine.decide_columns(**base, within_duties=form, verifiable=form, threads=1).to_frame())
        assert got == expected, repr(form)
    # A boolean array has no unknown: False is no.
    bools = np.array([True, False, False, True])
    got = engine.decide_columns(**base, within_duties=bools, verifiable=bools, threads=1).to_frame()
    want = engine.decide_columns(**base, within_duties=["yes", "no", "no", "yes"],
                                 verifiable=["yes", "no", "no", "yes"], threads=1).to_frame()
    assert _cells(got) == _cells(want)


def test_a_scalar_applies_to_every_row(engine):
    got = engine.decide_columns(item=["kinship", "marital-status"], date="2021-06-01", within_duties=True,
                                verifiable="yes", transitional_need=np.True_, threads=1).to_frame()
    assert list(got["outcome"].astype(str)) == ["issue_transitional", "issue_transitional"]
    assert list(got["due"].dt.strftime("%Y-%m-%d").fillna("")) == [
        str(engine.decide({"item": i, "date": "2021-06-01", "facts": {
            "within_duties": "yes", "verifiable": "yes", "transitional_need": "yes"}}).time_limit.due or "")
        for i in ("kinship", "marital-status")]


def test_the_frame_has_the_documented_columns_and_types(engine):
    frame = engine.decide_columns(item=["kinship", "kinship", "marital-status"],
                                  purpose=[None, "不动产登记", None], within_duties="yes", verifiable="yes",
                                  date="2021-06-01", threads=1).to_frame()
    assert tuple(frame.columns) == jianzheng.FRAME_COLUMNS
    assert isinstance(frame["outcome"].dtype, pd.CategoricalDtype)
    assert list(frame["outcome"].cat.categories) == list(jianzheng.Outcome.__members__)
    assert str(frame["due"].dtype) == "datetime64[ns]"
    assert str(frame["working_days"].dtype) == "Int64"
    assert frame["carve_out"].tolist() == [None, "不动产登记", None]
    assert frame["clause"].tolist() == ["2.2.2", "annex.1", "2.2.2"]
    assert frame["agencies"].tolist() == ["公安、民政、卫生健康", None, "民政、人民法院"]
    assert frame["open_questions"].tolist()[0] == "transitional_need→issue_transitional"
    # Rows share their strings: no Python object per row.
    assert frame["item"][0] is frame["item"][1]
    # The same frame from Engine.decide one by one, through jianzheng.to_frame.
    single = jianzheng.to_frame([engine.decide(_request(r)) for r in [
        {"item": "kinship", "within_duties": "yes", "verifiable": "yes", "date": "2021-06-01"},
        {"item": "kinship", "purpose": "不动产登记", "within_duties": "yes", "verifiable": "yes", "date": "2021-06-01"},
        {"item": "marital-status", "within_duties": "yes", "verifiable": "yes", "date": "2021-06-01"}]])
    pd.testing.assert_frame_equal(frame, single)


def test_to_frame_of_decide_many_matches_the_columnar_frame(engine):
    rows = _random_rows(engine, 300, seed=3)
    columnar = engine.decide_columns(**_columns(rows), threads=1).to_frame()
    pd.testing.assert_frame_equal(jianzheng.to_frame(engine.decide_many([_request(r) for r in rows])), columnar)


def test_arrays_are_read_only_views_that_keep_the_batch_alive(engine):
    batch = engine.decide_columns(item=["kinship"] * 1000, threads=1)
    assert len(batch) == 1000
    codes, categories = batch.arrays()["item"]
    del batch
    assert categories == ["kinship"] and codes.tolist() == [0] * 1000
    with pytest.raises(ValueError):
        codes[0] = 1


def test_no_rows_is_an_empty_frame(engine):
    frame = engine.decide_columns(item=[], threads=1).to_frame()
    assert len(frame) == 0 and tuple(frame.columns) == jianzheng.FRAME_COLUMNS


def test_decide_frame_reads_a_ledger_and_keeps_its_index(engine):
    ledger = pd.DataFrame({
        "证明名称": ["单身证明", "亲属关系证明", None, "居住证明"],
        "item": [None, None, "birth", None],
        "用途": ["银行贷款", "不动产登记", np.nan, None],
        "日期": pd.to_datetime(["2021-07-01", "2021-07-02", None, "2021-07-05"]),
        "within_duties": ["yes", "yes", None, "no"],
        "verifiable": [True, True, None, False],
        "村": ["东村", "西村", "南村", "北村"],  # ledgers carry their own columns: ignored
    }, index=pd.Index([101, 102, 103, 104], name="编号"))
    frame = engine.decide_frame(ledger, columns={"text": "证明名称", "purpose": "用途", "date": "日期"}, threads=1)
    assert list(frame.index) == [101, 102, 103, 104] and frame.index.name == "编号"
    rows = [{"text": "单身证明", "purpose": "银行贷款", "date": "2021-07-01", "within_duties": "yes", "verifiable": True},
            {"text": "亲属关系证明", "purpose": "不动产登记", "date": "2021-07-02", "within_duties": "yes",
             "verifiable": True},
            {"item": "birth"},
            {"text": "居住证明", "date": "2021-07-05", "within_duties": "no", "verifiable": False}]
    assert _cells(frame) == _expected(engine, rows)
    # A column pandas read with no value at all is float NaN: absent, not an error.
    empty = ledger.assign(用途=np.nan, 日期=np.nan)
    got = engine.decide_frame(empty, columns={"text": "证明名称", "purpose": "用途", "date": "日期"}, threads=1)
    assert _cells(got) == _expected(engine, [{k: v for k, v in r.items() if k not in ("purpose", "date")}
                                             for r in rows])
    with pytest.raises(jianzheng.Error) as e:
        engine.decide_frame(ledger.assign(用途=[np.nan, 3.0, np.nan, np.nan]), columns={"text": "证明名称", "purpose": "用途"})
    assert (e.value.code, e.value.where) == ("wrong_type", "/1/purpose")
    # Columns named as the request fields need no mapping.
    renamed = ledger.rename(columns={"证明名称": "text", "用途": "purpose", "日期": "date"})
    assert _cells(engine.decide_frame(renamed, threads=1)) == _cells(frame)


@pytest.mark.parametrize("kwargs, code, where", [
    (dict(item=["kinship", "birth"], verifiable=["yes"]), "invalid_argument", "verifiable"),
    (dict(item=["kinship"] * 4, verifiable=["yes", "no", "yes", "maybe"]), "unknown_enum", "/3/facts/verifiable"),
    (dict(item=["kinship"] * 3, within_duties=[1, 2, 0]), "unknown_enum", "/1/facts/within_duties"),
    (dict(text=["单身证明", "证明", 12]), "wrong_type", "/2/text"),
    (dict(item=["kinship", "no-such-item"], date="2021-06-01"), "unknown_reference", "/1/item"),
    (dict(item=["kinship", None, "birth"], purpose=["公证", "公证", None]), "missing_field", "/1"),
    (dict(purpose=["公证"]), "missing_field", "item"),
    (dict(item="kinship"), "invalid_argument", "columns"),
    (dict(item=["kinship"] * 2, date=["2021-06-01", "2021-02-30"]), "invalid_date", "/1/date"),
    (dict(item=["kinship"] * 2, date=["2021-06-01", 20210601]), "wrong_type", "/1/date"),
    (dict(item=np.zeros((2, 2))), "wrong_type", "item"),
])
def test_bad_columns_raise_error_naming_the_column_and_row(engine, kwargs, code, where):
    with pytest.raises(jianzheng.Error) as e:
        engine.decide_columns(**kwargs, threads=1)
    assert (e.value.code, e.value.where) == (code, where)


def test_decide_frame_errors_name_the_frames_own_column(engine):
    ledger = pd.DataFrame({"证明名称": ["单身证明", "收入证明"], "能否核实": ["yes", "也许"]})
    with pytest.raises(jianzheng.Error) as e:
        engine.decide_frame(ledger, columns={"text": "证明名称", "verifiable": "能否核实"})
    assert e.value.where == "/1/facts/verifiable" and "能否核实" in e.value.message
    with pytest.raises(jianzheng.Error) as e:
        engine.decide_frame(ledger, columns={"text": "名称"})
    assert e.value.code == "missing_field" and e.value.where == "名称"
    with pytest.raises(jianzheng.Error) as e:
        engine.decide_frame(ledger, columns={"txt": "证明名称"})
    assert e.value.code == "unknown_field"
    with pytest.raises(jianzheng.Error) as e:
        engine.decide_frame(ledger.rename(columns={"证明名称": "名称"}))
    assert e.value.code == "missing_field"


def test_columns_from_another_thread_while_deciding(engine):
    # The GIL is released while deciding: two Python threads deciding at once both finish
    # with the same answer.
    from concurrent.futures import ThreadPoolExecutor
    ids = [i.id for i in engine.catalog("2021-06-01").items()] * 500
    with ThreadPoolExecutor(2) as pool:
        frames = list(pool.map(lambda _: engine.decide_columns(item=ids, date="2021-06-01", threads=1).to_frame(),
                               range(2)))
    pd.testing.assert_frame_equal(frames[0], frames[1])


def test_plain_lists_need_neither_numpy_nor_pandas_until_to_frame():
    import subprocess
    code = ("import sys, jianzheng; b = jianzheng.Engine().decide_columns(item=['kinship'], threads=1); "
            "print(len(b), 'numpy' in sys.modules, 'pandas' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split()[0] == "1"
    assert out.stdout.split()[2] == "False"

"""The binding surface of the value types: Date, Validity, errors, items, clauses, catalogs,
the name matcher and the work calendar. The rules themselves are tested once, in C++."""

import datetime
import json
import pickle

import pytest

import jianzheng


def test_version_is_the_cmake_project_version():
    assert jianzheng.__version__ == jianzheng.version()
    major, minor, patch = (int(x) for x in jianzheng.__version__.split("."))
    assert (major, minor, patch) == (jianzheng.version_major(), jianzheng.version_minor(),
                                     jianzheng.version_patch())


def test_error_is_a_value_error_with_code_where_and_message():
    assert issubclass(jianzheng.Error, ValueError)
    with pytest.raises(jianzheng.Error) as info:
        jianzheng.Date("2021-02-30")
    e = info.value
    assert e.code == "invalid_date"
    assert e.where == "date"
    assert "2021-02-30" in e.message
    assert e.code == jianzheng.ErrorCode.invalid_date.name


def test_dates_take_iso_text_and_datetime_dates_and_compare_and_pickle():
    d = jianzheng.Date("2021-03-31")
    assert (d.year, d.month, d.day) == (2021, 3, 31)
    assert d == jianzheng.Date(datetime.date(2021, 3, 31)) == jianzheng.Date.from_ymd(2021, 3, 31)
    assert str(d) == "2021-03-31" and repr(d) == "Date('2021-03-31')"
    assert d.to_date() == datetime.date(2021, 3, 31)
    assert d.plus_days(1) == jianzheng.Date("2021-04-01") and d < d.plus_days(1)
    assert d.weekday() == 3  # a Wednesday
    assert jianzheng.Date.try_parse("2021-13-01") is None
    assert pickle.loads(pickle.dumps(d)) == d
    assert len({d, jianzheng.Date("2021-03-31")}) == 1


def test_a_validity_window_is_half_open_and_accepts_text_and_datetime():
    v = jianzheng.Validity(from_="2021-01-01", until=datetime.date(2022, 1, 1))
    assert v.contains("2021-06-30")
    assert not v.contains(jianzheng.Date("2022-01-01"))
    assert jianzheng.Validity().contains("1999-01-01")


def test_the_embedded_catalog_has_the_twenty_items_of_annex_1():
    catalog = jianzheng.Catalog.embedded_default("2021-06-01")
    assert len(catalog) == 20
    item = catalog.find("marital-status")
    assert item.seq == 8 and item.name == "婚姻状况证明"  # 附件1 第8项
    assert item.disposition == jianzheng.Disposition.not_by_committee
    assert {c.scenario for c in item.carve_outs} >= {"婚姻登记档案丢失"}
    assert catalog.find("no-such-item") is None
    assert item.to_dict()["id"] == "marital-status"
    assert catalog.to_dict()["items"][7]["id"] == "marital-status"


def test_catalog_layers_round_trip_through_json_and_pickle():
    layers = jianzheng.default_layers()
    again = [jianzheng.parse_catalog_layer(l.to_json(), "again") for l in layers]
    assert [l.to_json() for l in again] == [l.to_json() for l in layers]
    assert pickle.loads(pickle.dumps(layers[0])).to_json() == layers[0].to_json()


def test_a_bad_catalog_layer_raises_error_with_its_place():
    with pytest.raises(jianzheng.Error) as info:
        jianzheng.parse_catalog_layer('{"format": ', "county.json")
    assert info.value.code == "malformed_json"
    assert "county.json" in info.value.where


def test_the_clause_book_has_the_seed_clauses():
    book = jianzheng.ClauseBook.embedded_default()
    clause = book.find("2.1.3")
    assert clause.path == "二（一）3"
    assert "据实为居民群众出具相关证明" in clause.text
    assert book.find("9.9") is None


def test_the_name_matcher_resolves_colloquial_names_and_refuses_to_guess():
    matcher = jianzheng.NameMatcher(jianzheng.Catalog.embedded_default())
    best = matcher.best("无犯罪证明")
    assert best.item.id == "no-criminal-record" and best.score >= jianzheng.plausible_score
    assert isinstance(best.how, jianzheng.MatchHow)
    assert matcher.match("居住证明") == []  # on no list: never pulled onto one


def test_the_name_matcher_says_how_sure_it_is():
    matcher = jianzheng.NameMatcher(jianzheng.Catalog.embedded_default())
    sure = matcher.resolve("我要开个无犯罪记录证明")
    assert sure.certainty == jianzheng.Certainty.confident
    assert sure.confident.item.id == "no-criminal-record"
    # Initials shared by two items: both are put to the clerk, neither is decided on.
    shared = matcher.resolve("hyzkzm")
    assert shared.certainty == jianzheng.Certainty.uncertain and shared.confident is None
    assert {m.item.id for m in shared.candidates} == {"marital-status", "childbearing-status"}
    none = matcher.resolve("居住证明")
    assert none.certainty == jianzheng.Certainty.none and none.candidates == []
    answer = json.loads(matcher.resolve_json("hyzkzm"))
    assert answer["certainty"] == "uncertain" and len(answer["matches"]) == 2


def test_the_work_calendar_counts_working_days_over_national_day():
    calendar = jianzheng.WorkCalendar.embedded_default()
    # 国庆节 2021: 10-01..10-07 off, 09-26 and 10-09 worked (国办发明电〔2020〕27号).
    assert calendar.add_working_days("2021-09-30", 3) == jianzheng.Date("2021-10-11")
    assert not calendar.is_working_day("2021-10-04")
    assert calendar.status("2021-10-09").kind == jianzheng.DayKind.adjusted_workday
    with pytest.raises(jianzheng.Error) as info:
        calendar.is_working_day("2035-01-02")
    assert info.value.code == "date_not_covered"
    assert calendar.is_working_day("2035-01-02", jianzheng.Coverage.weekdays_only)

#!/usr/bin/env python3
"""What this shows: a synthetic certificate-request ledger (出具证明台账) for a whole province,
the data the Dask and report examples work on.

Counties × townships × village and community committees, each recording at its counter
every request for a certificate over three years (2020-11 to 2023-10, the county programme's
three years and the months after): the day, the certificate as the clerk wrote it down —
colloquial names, typos, Traditional characters, whole sentences — what it was for, what the
clerk knew (职责范围, 能否核实, 民商事主体明确要求: 是, 否 or blank), and whether the committee
issued it. Requests for listed certificates fall after each township puts the programme into
practice (三（五）, from 2021-06; some townships lag), and committees issue fewer of them.

Everything is made up here from a fixed seed: names are drawn from syllables, counts from
Poisson laws; no real person, committee or ledger is in it. Written as partitioned CSV, one
file per county and year (UTF-8), with Chinese headers as a bureau's ledger has them.

Usage: province_ledger.py OUT_DIR [--scale small|county|province] [--seed N]
"""

import argparse
import datetime
import os
import sys
from typing import Any, List, Set

import numpy as np
import pandas as pd

#: The ledger's columns, as the CSV headers write them.
COLUMNS = ("县", "乡镇", "村社区", "日期", "证明名称", "用途", "职责范围", "能否核实", "明确要求", "是否出具")

#: The ledger's columns by request field, for Engine.decide_frame(columns=…). The fact
#: columns hold 是/否/blank and are mapped to yes/no first (see fact_columns()).
REQUEST_COLUMNS = {"text": "证明名称", "purpose": "用途", "date": "日期",
                   "within_duties": "职责范围", "verifiable": "能否核实", "transitional_need": "明确要求"}

FIRST_DAY = datetime.date(2020, 11, 1)
MONTHS = 36  # 2020-11 … 2023-10

# How people write the certificates they ask for, with relative frequencies. Requests for
# certificates on the national list (附件1) first, then certificates on no list.
LISTED = [
    ("单身证明", 10), ("未婚证明", 4), ("婚姻状况证明", 5), ("离异证明", 2), ("婚姻狀況證明", 1),
    ("开个单身证明，相亲对象家里要", 1), ("没结过婚的证明", 1),
    ("收入证明", 10), ("经济状况证明", 4), ("家庭收入证明", 3), ("收人证明", 1), ("开个收入证明贷款用", 2),
    ("房产证明", 2), ("银行存款证明", 1),
    ("亲属关系证明", 8), ("亲属证明", 3), ("直系亲属关系证明", 2), ("亲属关糸证明", 1),
    ("老人过世了，要开亲属关系证明办过户", 1),
    ("无犯罪记录证明", 5), ("无犯罪证明", 5), ("无犯罪纪录证明", 1), ("wfzjlzm", 1),
    ("在世证明", 5), ("健在证明", 3), ("老人健在证明", 2),
    ("死亡证明", 4), ("出生证明", 3), ("户籍证明", 4), ("户口证明", 3),
    ("养犬证明", 1), ("养狗证明", 1), ("残疾证明", 2), ("生育状况证明", 2), ("婚育状况证明", 1),
    ("就业证明", 2), ("失业证明", 1), ("经营场所证明", 3), ("住所证明（开店用）", 1),
    ("证件遗失证明", 2), ("身份证丢了要开遗失证明", 1), ("疾病证明", 1), ("急诊证明", 1),
    ("遗产继承证明", 1), ("个人档案证明", 1), ("表现证明", 1), ("失踪证明", 1),
]
UNLISTED = [
    ("居住证明", 9), ("贫困证明", 5), ("低保证明", 2), ("村民身份证明", 3), ("土地承包情况证明", 2),
    ("宅基地证明", 2), ("务工证明", 2), ("困难证明", 2), ("在读证明", 1), ("监护关系证明", 1),
    ("门牌号证明", 1), ("房屋无纠纷证明", 1),
]
# What for, as written down (blank is common).
PURPOSES = [
    ("", 14), ("银行贷款", 8), ("贷款用", 4), ("办理不动产登记", 3), ("房子过户", 2), ("办房产证", 2),
    ("公证", 2), ("公证处要", 1), ("子女入学", 5), ("孩子上学", 3), ("领取养老金", 4), ("申请低保", 4),
    ("医保报销", 2), ("保险理赔", 3), ("办营业执照", 2), ("务工就业", 3), ("法律援助", 1), ("出国签证", 1),
    ("婚姻登记档案丢失", 1), ("收养登记", 1), ("单位要求", 3), ("个人留存", 2),
]

# Syllables names are drawn from (common in place names of the north-west).
_NAME_PARTS = list("安平宁和康泰永清临靖武通庄山川河沟坪湾寺滩堡泉峡岭坝水石红黄白金丰兴新东西南北中上下大小高古长双马龙凤")


def _names(rng: Any, count: Any, suffixes: Any, taken: Any = None) -> Any:
    """`count` distinct two-syllable names, each with a suffix drawn from `suffixes`."""
    taken = set() if taken is None else taken
    out: List[str] = []
    while len(out) < count:
        a, b = rng.choice(_NAME_PARTS, 2, replace=False)
        name = a + b + suffixes[rng.integers(len(suffixes))]
        if name not in taken:
            taken.add(name)
            out.append(name)
    return out


#: Sizes: counties, townships per county (low, high), committees per township (low, high).
SCALES = {
    "small": (2, (3, 3), (3, 4)),            # the test: about 10,000 rows
    "county": (1, (12, 12), (10, 16)),       # one county: about 60,000 rows
    "province": (80, (10, 18), (10, 18)),    # about 14,000 committees: about 8 million rows
}


def committees(scale: Any = "small", seed: Any = 2020) -> Any:
    """The province's committees: a DataFrame (county, township, committee, kind, rate,
    adoption, diligence, required), one row per village or community committee. `rate` is
    requests a month before the reform; `adoption` the month index (0 = 2020-11) from which
    the township practises the programme; `diligence` how often its clerks record 职责范围
    and 能否核实; `required` how often a party explicitly requires the certificate."""
    counties, (t_lo, t_hi), (v_lo, v_hi) = SCALES[scale]
    rng = np.random.default_rng(seed)
    rows = []
    taken_counties: Set[str] = set()
    taken_townships: Set[str] = set()
    for county in _names(rng, counties, ["县", "县", "县", "区"], taken_counties):
        for t, township in enumerate(_names(rng, int(rng.integers(t_lo, t_hi + 1)), ["镇", "乡", "镇"], taken_townships)):
            # Most townships practise the programme from 2021-06 (三（五）); some lag a year.
            adoption = 7 + (int(rng.integers(6, 16)) if rng.random() < 0.2 else int(rng.integers(0, 3)))
            # How often its clerks write down what they know, and how often a bank or an
            # employer explicitly requires the certificate (二（一）3): townships differ.
            diligence, required = float(rng.uniform(0.2, 0.9)), float(rng.uniform(0.05, 0.5))
            taken_villages: Set[str] = set()
            n = int(rng.integers(v_lo, v_hi + 1))
            for i, name in enumerate(_names(rng, n, ["村"], taken_villages)):
                community = t == 0 and i < 3  # the county seat's town has residents' committees
                rows.append((county, township, name.replace("村", "社区") if community else name,
                             "community" if community else "village",
                             float(rng.uniform(25, 60) if community else rng.uniform(6, 20)), adoption,
                             diligence, required))
    return pd.DataFrame(rows, columns=["county", "township", "committee", "kind", "rate", "adoption", "diligence",
                                       "required"])


def _working_days(calendar: Any) -> Any:
    """The working days of every month of the ledger, as ISO strings."""
    months = []
    day = FIRST_DAY
    for _ in range(MONTHS):
        days = []
        month = day.month
        while day.month == month:
            if calendar is None or calendar(day):
                days.append(day.isoformat())
            day += datetime.timedelta(days=1)
        months.append(np.array(days))
    return months


def _pick(rng: Any, table: Any, size: Any) -> Any:
    texts, weights = zip(*table)
    p = np.array(weights, dtype=float)
    return np.array(texts, dtype=object)[rng.choice(len(texts), size=size, p=p / p.sum())]


def ledger(units: Any, seed: Any = 2020, calendar: Any = None) -> Any:
    """The ledger rows of `units` (some rows of committees()), as a DataFrame with COLUMNS.
    `calendar(date) -> bool` says which days are working days (all days when None)."""
    rng = np.random.default_rng([seed, len(units), int(units["rate"].sum() * 1000)])
    days = _working_days(calendar)
    month = np.arange(MONTHS)
    season = 1 + 0.25 * np.isin((month + 10) % 12 + 1, [2, 3, 8, 9])  # school and loan seasons
    # Requests per committee and month: fewer listed requests once the township practises
    # the programme, as departments stop demanding them.
    since = month[None, :] - units["adoption"].to_numpy()[:, None]
    base = units["rate"].to_numpy()[:, None] * season[None, :]
    listed_rate = base * np.where(since < 0, 0.62, 0.16 + 0.46 * np.exp(-np.maximum(since, 0) / 6.0))
    unlisted_rate = base * 0.38
    n_listed = rng.poisson(listed_rate)
    n_unlisted = rng.poisson(unlisted_rate)
    frames = []
    for listed, counts, table in ((True, n_listed, LISTED), (False, n_unlisted, UNLISTED)):
        unit_idx, month_idx = np.nonzero(counts)
        reps = counts[unit_idx, month_idx]
        u = np.repeat(unit_idx, reps)
        m = np.repeat(month_idx, reps)
        k = len(u)
        day = np.empty(k, dtype=object)
        for mm in np.unique(m):
            sel = m == mm
            day[sel] = rng.choice(days[mm], size=int(sel.sum()))
        after = m >= units["adoption"].to_numpy()[u]
        lagging = units["adoption"].to_numpy()[u] > 9
        if listed:  # issued before the programme; refused after, except where a township lags
            p_issue = np.where(after, np.where(lagging, 0.55, 0.12), 0.9)
        else:
            p_issue = np.full(k, 0.8)
        d = units["diligence"].to_numpy()[u]
        r = units["required"].to_numpy()[u]
        draw = rng.random((3, k))
        facts = [np.where(draw[0] < d, "是", np.where(draw[0] < d + 0.08, "否", "")),
                 np.where(draw[1] < 0.9 * d, "是", np.where(draw[1] < 0.9 * d + 0.1, "否", "")),
                 np.where(draw[2] < r, "是", "")]
        frames.append(pd.DataFrame({
            "县": units["county"].to_numpy()[u], "乡镇": units["township"].to_numpy()[u],
            "村社区": units["committee"].to_numpy()[u], "日期": day,
            "证明名称": _pick(rng, table, k), "用途": _pick(rng, PURPOSES, k),
            "职责范围": facts[0], "能否核实": facts[1], "明确要求": facts[2],
            "是否出具": np.where(rng.random(k) < p_issue, "是", "否"),
        }))
    out = pd.concat(frames, ignore_index=True)
    return out.sort_values(["日期", "村社区"], kind="stable", ignore_index=True)


# Bodies that demanded certificates of residents, as complaints name them: (body, kind,
# superior). Kinds are RequesterKind names.
BODIES = [
    ("县人社局", "government_department", "县人民政府"), ("县公安局城关派出所", "government_department", "县公安局"),
    ("县医保局", "government_department", "县人民政府"), ("县教育局", "government_department", "县人民政府"),
    ("县自然资源局", "government_department", "县人民政府"), ("县民政局", "government_department", "县人民政府"),
    ("县供电公司", "public_institution", "市供电公司"), ("县自来水公司", "public_institution", "县住建局"),
    ("县人民医院", "public_institution", "县卫健局"), ("县第一中学", "public_institution", "县教育局"),
    ("县公证处", "service_agency", "县司法局"), ("县法律援助中心", "service_agency", "县司法局"),
    ("某商业银行县支行", "civil_commercial_entity", "县金融监管部门"),
    ("某保险公司县支公司", "civil_commercial_entity", "县金融监管部门"),
]
COMPLAINT_COLUMNS = ("日期", "渠道", "索要单位", "单位类型", "上级主管部门", "事项", "索要证明", "用途", "依据", "依据层级", "备注")


def complaints(count: Any = 160, seed: Any = 2020, first: Any = datetime.date(2021, 6, 1), days: Any = 880) -> Any:
    """Complaint records (监督, 二（三）6) as the hotline and the web form record them: a
    DataFrame with COMPLAINT_COLUMNS, the CSV that `jianzheng complaints` reads."""
    rng = np.random.default_rng([seed, count])
    body = rng.choice(len(BODIES), size=count, p=np.array([8, 6, 5, 5, 3, 2, 5, 3, 5, 3, 4, 2, 7, 4]) / 62)
    demanded = _pick(rng, LISTED[:30] + UNLISTED[:6], count)
    purpose = _pick(rng, [p for p in PURPOSES if p[0]], count)
    channel = rng.choice(np.array(["监督电话 0936-6121532", "网上反映", "来访"], dtype=object), size=count, p=[0.6, 0.3, 0.1])
    dates = [(first + datetime.timedelta(days=int(d))).isoformat() for d in np.sort(rng.integers(0, days, size=count))]
    return pd.DataFrame({
        "日期": dates, "渠道": channel, "索要单位": [BODIES[b][0] for b in body],
        "单位类型": [BODIES[b][1] for b in body], "上级主管部门": [BODIES[b][2] for b in body],
        "事项": "", "索要证明": demanded, "用途": purpose, "依据": "", "依据层级": "", "备注": "",
    }, columns=list(COMPLAINT_COLUMNS))


def fact_columns(frame: Any) -> Any:
    """The ledger with its 是/否/blank fact columns read as True/False/None, ready for
    Engine.decide_frame(frame, columns=REQUEST_COLUMNS)."""
    yes_no = {"是": True, "否": False}
    out = frame.copy()
    for field in ("within_duties", "verifiable", "transitional_need"):
        name = REQUEST_COLUMNS[field]
        out[name] = frame[name].map(yes_no)
    return out


def write(out_dir: Any, scale: Any = "small", seed: Any = 2020, calendar: Any = None) -> Any:
    """Writes the ledger as one CSV per county and year (c01-2021.csv …) into out_dir and
    returns the file paths. Empty cells are blank."""
    os.makedirs(out_dir, exist_ok=True)
    units = committees(scale, seed)
    paths = []
    for c, (county, part) in enumerate(units.groupby("county", sort=False)):
        rows = ledger(part, seed, calendar)
        year = rows["日期"].str[:4]
        for y in sorted(year.unique()):
            path = os.path.join(out_dir, f"c{c + 1:02d}-{y}.csv")
            rows[year == y].to_csv(path, index=False, encoding="utf-8")
            paths.append(path)
    return paths


def main(argv: Any = None) -> Any:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir")
    parser.add_argument("--scale", choices=sorted(SCALES), default="small")
    parser.add_argument("--seed", type=int, default=2020)
    args = parser.parse_args(argv)
    try:
        import jianzheng
        cal = jianzheng.WorkCalendar.embedded_default()
        calendar = lambda d: cal.is_working_day(jianzheng.Date(d))  # noqa: E731
    except ImportError:
        calendar = None
    paths = write(args.out_dir, args.scale, args.seed, calendar)
    print(f"{len(paths)} files written to {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

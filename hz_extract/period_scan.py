"""Reading period expressions: the pattern, where it is tried, and what each match means.

:func:`scan` reads every period expression of a cleaned text in one pass, before the
reference year is known, as :class:`Hit` tuples; :func:`hit_value` gives a hit's value
against a year. :mod:`hz_extract.periods` turns hits into
:class:`~hz_extract.periods.PeriodMention` objects and decides the reference year; its
docstring describes the values and kinds.

>>> [(h.text, h.kind, hit_value(h, 2024)) for h in scan("2024年1-10月增长5%,比上年提高")]
[('2024年1-10月', 'period', '2024-01/2024-10'), ('上年', 'base', '2023')]
"""
from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any, NamedTuple

import regex

__all__ = ["Hit", "scan", "hit_value", "same_period", "pattern", "matches", "YEAR", "DATE_YEAR", "FIXED",
           "YEAR_ITSELF", "PAST", "SAME", "REPORT", "REPORT_END"]

_CN_DIGIT = {"〇": 0, "零": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}

YEAR = r"(?<![\d.])(?:19|20)\d{2}(?![\d.])"
DATE_YEAR = r"(?<![\d.])(?:19|20)\d{2}(?!\d)"  # in a date: 2024.11.18
_CN_YEAR = r"[〇○零一二三四五六七八九]{4}"
_MONTH = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_DAY = r"(?:3[01]|[12]\d|0?[1-9]|[一二]?十[一二三四五六七八九]?|三十一?|[一二三四五六七八九])"
_DASH = r"\s*[-—–~～至到]\s*"
_SEP = r"[-/.]"
_BASE_WORDS = ("比", "较", "同", "与", "相比", "对比", "相对", "高于", "低于", "快于", "慢于")
_BASE_BEFORE = f"(?:{'|'.join(_BASE_WORDS)})$"
# A period right before an event verb, or after 于 (于2024年11月发布), dates an event.
_EVENT_AFTER = (r"(?:发布|印发|召开|举行|举办|出台|公布|启动|开幕|闭幕|签约|签署|揭牌|成立|开通|上线|获悉"
                r"|开工|竣工|投产|落地|正式)")
_DEADLINE_AFTER = r"[底末]?(?:之前|以前|前)(?!\p{Han}*?(?:季度|个月))"  # 12月底前, not 2024年前三季度
# What those two can start with: after any other character neither is tried.
_EVENT_FIRST = frozenset(",，底末之以前" + "".join(w[0] for w in _EVENT_AFTER[3:-1].split("|")))
_EVENT_BEFORE = r"于$"
_AS_OF = r"(?:截至|截止到?)$"
_AS_OF_LAST = ("至", "止", "到")
# A year (or 上年) followed by 的 after these is the base of a multiple or share: 是2021年的4.2倍.
_BASE_OF = r"(?:是|为|相当于|恢复到|恢复至|回到|达到|超过)$"
_FIGURE_FIRST = frozenset("0123456789〇零一二三四五六七八九十两百千万几半近约逾超多")  # what a figure starts with
# The characters those two can end with right before a period (``$`` also matches before a
# final newline): after any other character neither is searched for.
_BEFORE_LAST = frozenset({w[-1] for w in _BASE_WORDS} | {"于", "\n"})
# Characters after a bare year that make it a quantity or a code, not a year.
_NOT_AFTER_BARE = ("年月日号亿万千百十元角分个家台吨多余倍项件人户辆座条只种次位名套部批所栋间天米公斤克度"
                   "亩平立美欧港英桶标兆瓦升毫厘微张本篇首场届期版款级例起宗笔单头匹株棵尾箱包袋瓶盒份支枚"
                   "颗粒片块根段节层幢秒时")

_PARTS = {
    "date": "|".join([
        rf"(?P<dy>{DATE_YEAR})(?P<dsep>{_SEP})(?P<dm>1[0-2]|0?[1-9])(?P=dsep)(?P<dd>3[01]|[12]\d|0?[1-9])(?![\d.])"
        r"(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?",
        # A day span inside one month (10月1日至8日, 10月1至7日) is that month; across months, a date.
        rf"(?:(?P<dy2>{YEAR})年)?(?P<dm2>{_MONTH})月(?P<dd2>{_DAY})(?:(?:[、,，和及]|(?P<dto>[至到-])){_DAY})*[日号]"
        rf"(?:(?P<dto>{_DASH})(?:{_MONTH}月)?{_DAY}[日号])?",
    ]),
    "yrange": rf"(?P<ya>{YEAR})年?{_DASH}(?P<yb>{YEAR})年?(?!\d|\s*[-/.]\d)",
    "latin": rf"(?P<ylat>{YEAR})年?(?P<lat>Q[1-4]|H[12])(?![A-Za-z\d])",
    # Five-year plans: “十四五” (2021/2025) is a span of years, not the number 145.
    "plan": r"(?P<plan>(?P<pn>十[一二三四五六七八九]|二十|[三四五六七八九]))五"
            r"(?=[”\"’]|时期|期间|规划|以来|末|初|开局|收官)",
    # A company's period ending on a day: 截至2025年6月30日止六个月 (2025H1), …止年度 (2025).
    # (Rare branches capture nothing: every group costs every match; their hits are read again.)
    "ending": rf"截至(?:(?:{YEAR}|{_CN_YEAR})年)?{_MONTH}月{_DAY}日(?:止的?|的)"
              r"(?:(?:1[0-2]|[1-9]|十[一二]?|[一二两三四五六七八九])个月|年度)",
    # The year a review looks back on (过去一年, 一年来): the year just ended, early in a year.
    "past": r"过去的?一年|(?<![\d一二三四五六七八九十两几多每])一年来",
    # The report's own period (报告期内, 期内 after a break), its end (报告期末), and 年内
    # (the year in frame, like 全年; not 一年内).
    "report": r"报告期[内末]|(?<![\p{Han}\w])期内(?!容)|(?<![\d一二三四五六七八九十两百千万几多数每半年])年内",
    "pre": rf"(?:(?P<y>{YEAR}|{_CN_YEAR})年(?P<yx>度|全年|底|末|初(?!步)|以来|同期)?"
           r"|(?P<rel>今年|本年|当年|去年|上年|上一年|前年|明年|次年)(?P<rx>同期|全年|末|底|初|以来)?)(?:的)?",
    "sub": "|".join([
        rf"(?P<mspan>(?P<m1>{_MONTH})(?:月份?)?{_DASH}(?:(?P<y2>{YEAR})年)?(?P<m2>{_MONTH})月份?)",
        r"(?P<firstn>[前首](?P<n>1[01]|[1-9]|十[一]?|[两二三四五六七八九])个?月(?:份)?)",
        r"(?P<qspan>[前首](?P<qa>[两二三1-3])个?季度?|(?P<qf>[一二三1-3])(?:季度)?\s*[-—–~至到]\s*(?P<qb>[二三四2-4])季度)",
        r"(?P<quarter>第?(?P<q>[一二三四1-4])季度|第(?P<q>[一二三四1-4])季|首季度?)",  # 第三季 (Hong Kong)
        r"(?P<half>[上下]半年|半年度)",
        # A holiday: its month from the days in brackets, else the month it always falls in.
        rf"(?P<hol>(?:国庆|中秋|五一|十一|劳动节|清明|春节|元旦|端午)节?(?:[、和与]?(?:国庆|中秋)节?)?[”\"’]?"
        rf"(?:假期|黄金周|小长假|长假)(?:\s*[(（]{_MONTH}月{_DAY}[日号]?{_DASH}(?:{_MONTH}月)?{_DAY}[日号][)）])?)",
        rf"(?P<month>(?<!\d)(?P<mo>{_MONTH})月份?(?![\d一二三四五六七八九十]+[日号])(?!\d))",
    ]),
    "full": r"(?P<full>全年|(?<![年每多两几数十百千万\d])年(?:末|底))",
    "bare": rf"(?P<bare>{YEAR})(?=\p{{Han}})(?![{_NOT_AFTER_BARE}])",
}

# Where a period can start: every branch of the pattern begins in one of these ways (a
# 19xx/20xx year; a month or quarter number right before 月/季 or a dash; a Chinese
# numeral at most four characters before 年月季五 or a dash; 今年, 上半年, 前11个月, 全年,
# 年末, 第一季度, 首季 …). A necessary condition, checked against the plain pattern by
# tests/text/test_periods.py: the pattern is tried only at the few positions the standard
# library's ``re`` (faster than ``regex`` at finding them) yields, not at every digit.
# The year takes any two characters after 19/20: ``regex`` knows digits ``re`` does not.
_DASH_AHEAD = r"\s*[-—–~～至到]"
_CN_NUMERAL = "〇○零一二三四五六七八九十两"
_AHEAD_B = rf"\d?(?:[月季]|{_DASH_AHEAD})"  # a month or quarter number: 1-4月, 12月, 3季
_AHEAD_CN = rf"[{_CN_NUMERAL}]{{0,3}}(?:[年月季五]|{_DASH_AHEAD})"
# 截至, 过去一年, holidays (国庆, 中秋, 五一, 十一 …), 报告期, 期内: a looser condition, shared.
_AHEAD_WORD = "年|[至去庆秋一动明节旦午告内]"
_AHEAD_N_MONTHS = "(?:1[01]|[1-9]|十一?|[两二三四五六七八九])个?[月季]"
_AHEAD = {  # what may follow each first character; the most frequent first
    "1": f"9..|{_AHEAD_B}", "2": f"0..|{_AHEAD_B}", **{d: _AHEAD_B for d in "0435789 6".replace(" ", "")},
    "年": "[末底内]", "上": "一?年|半年", "全": "年", "下": "半年", "半": "年度",
    **{c: _AHEAD_CN for c in _CN_NUMERAL},
    **{c: _AHEAD_WORD for c in "元中国期今本当去明次截过劳清春端报"},
    "五": f"{_AHEAD_CN}|{_AHEAD_WORD}", "十": f"{_AHEAD_CN}|{_AHEAD_WORD}",
    "前": f"年|{_AHEAD_N_MONTHS}", "第": "[一二三四1-4]季", "首": f"季|{_AHEAD_N_MONTHS}",
}
# Every branch starts with its own character: ``re`` then skips to the class of those characters
# and picks the branch by one comparison, instead of trying every branch at every position. A
# period never starts with a digit other than 0-9 (years, months and quarters are written so).
_STARTS = re.compile("|".join(f"{re.escape(c)}(?={ahead})" for c, ahead in _AHEAD.items()))

_STATE: dict[str, Any] = {}


def pattern() -> regex.Pattern[str]:
    """The period pattern, compiled once; it is tried where :data:`_STARTS` matches."""
    pat = _STATE.get("pat")
    if pat is None:
        p = _PARTS
        pat = regex.compile(
            rf"(?P<date>{p['date']})|(?P<yrange>{p['yrange']})|{p['latin']}|{p['plan']}"
            rf"|(?P<rare>{p['ending']}|{p['past']}|{p['report']})"
            rf"|(?P<pre>{p['pre']})(?P<sub>{p['sub']})?|(?P<sub2>{p['sub']})|{p['full']}|{p['bare']}")
        # Group numbers by name: a match gives a group by number several times faster than
        # by name, and the groups are read for every period found.
        _STATE["groups"] = dict(pat.groupindex)
        _STATE["pat"] = pat
        _STATE["base"] = regex.compile(_BASE_BEFORE)
        _STATE["event_after"] = regex.compile(rf"[,，]?{_EVENT_AFTER}|{_DEADLINE_AFTER}")
        _STATE["event_before"] = regex.compile(_EVENT_BEFORE)
        _STATE["base_of"] = regex.compile(_BASE_OF)
        _STATE["as_of"] = regex.compile(_AS_OF)
    return pat


def matches(text: str) -> Iterator[regex.Match[str]]:
    """``pattern().finditer(text)``, trying the pattern only where a period can start."""
    match = pattern().match
    end = 0
    for s in _STARTS.finditer(text):
        i = s.start()
        if i < end:
            continue
        m = match(text, i)
        if m is not None:
            end = m.end()
            yield m


def _num(s: str | None) -> int | None:
    """Arabic or Chinese numeral up to 31 → int."""
    if not s:
        return None
    s = s.strip()
    if s.isdigit():
        return int(s)
    if s in ("首",):
        return 1
    if "十" in s:
        head, _, tail = s.partition("十")
        return (_CN_DIGIT.get(head, 1) if head else 1) * 10 + (_CN_DIGIT.get(tail, 0) if tail else 0)
    if len(s) == 1:
        return _CN_DIGIT.get(s)
    if len(s) == 4:  # 二〇二四
        digits = [_CN_DIGIT.get(c) for c in s]
        if None not in digits:
            return int("".join(str(d) for d in digits))
    return None


_REL = {"今年": 0, "本年": 0, "当年": 0, "去年": -1, "上年": -1, "上一年": -1, "前年": -2,
        "明年": 1, "次年": 1}
# Words that count from the day the text speaks (今年, 去年), not from the year it reports on
# (上年, 当年: the year before or of the figures).
_DEICTIC = frozenset({"今年", "本年", "去年", "前年", "明年"})
# Holidays that always fall in one month; the others (春节, 中秋 …) need their days.
_HOLIDAY_MONTH = (("国庆", 10), ("十一", 10), ("五一", 5), ("劳动节", 5), ("清明", 4))
_HOLIDAY_LAST = frozenset("期周假)）")  # what a holiday ends with (假期, 黄金周, 长假, its days in brackets)


def _months(y: int, a: int, b: int, y2: int | None = None) -> str | None:
    if y2 is not None and y2 != y:  # 2023年12月至2024年2月
        ok = y2 == y + 1 and 1 <= a <= 12 and 1 <= b <= 12
        return f"{y}-{a:02d}/{y2}-{b:02d}" if ok else None
    if not (1 <= a < b <= 12):
        return None
    return f"{y}-{a:02d}/{y}-{b:02d}"


def _sub_value(m: regex.Match[str], y: int | None) -> str | None:
    if y is None:
        return None
    num: dict[str, int] = _STATE["groups"]
    if m.group(num["mspan"]):
        y2 = int(m.group(num["y2"])) if m.group(num["y2"]) else None
        return _months(y, _num(m.group(num["m1"])) or 0, _num(m.group(num["m2"])) or 0, y2)
    if m.group(num["firstn"]):
        return _months(y, 1, _num(m.group(num["n"])) or 0)
    if m.group(num["qspan"]):
        if m.group(num["qa"]):
            return _months(y, 1, 3 * (_num(m.group(num["qa"])) or 0))
        a, b = _num(m.group(num["qf"])) or 0, _num(m.group(num["qb"])) or 0
        return _months(y, 3 * a - 2, 3 * b)
    if m.group(num["quarter"]):
        return f"{y}Q{_num(m.group(num['q'])) or 1}"
    if m.group(num["half"]):
        return f"{y}H{2 if m.group(num['half']).startswith('下') else 1}"
    if m.group(num["hol"]):
        mo = _holiday_month(m.group(num["hol"]))
        return f"{y}-{mo:02d}" if mo else None
    if m.group(num["month"]):
        mo = _num(m.group(num["mo"]))
        return f"{y}-{mo:02d}" if mo and 1 <= mo <= 12 else None
    return str(y)


_MONTH_WORD = regex.compile(rf"({_MONTH})月")
_ENDING_PARTS = regex.compile(rf"截至(?:(?P<y>{YEAR}|{_CN_YEAR})年)?(?P<m>{_MONTH})月.*?(?:(?P<n>[^止的]+)个月|(?P<year>年度))$")


def _one_month(text: str) -> int | None:
    """The month of a day span (10月1日至8日, 国庆假期(10月1日至8日)) if it lies in one month."""
    months = {_num(mo) for mo in _MONTH_WORD.findall(text)}
    mo = months.pop() if len(months) == 1 else None
    return mo if mo is not None and 1 <= mo <= 12 else None


def _holiday_month(holiday: str) -> int | None:
    """The month of a holiday: from its days in brackets, else the month it always falls in."""
    if "月" in holiday:
        return _one_month(holiday)
    return next((mo for word, mo in _HOLIDAY_MONTH if word in holiday), None)


def _ending_year(text: str) -> int | None:
    """The year written in 截至2025年6月30日止六个月 (None: 截至6月30日…)."""
    y = _ENDING_PARTS.match(text).group("y")  # type: ignore[union-attr]  # the hit matched the pattern
    return _num(y) if y else None


def _ending_value(text: str, y: int | None) -> str | None:
    """截至<day>止N个月 / 止年度: the N months (or the year) ending in that day's month."""
    e = _ENDING_PARTS.match(text)
    if y is None or e is None:
        return None
    end = _num(e.group("m")) or 0
    n = 12 if e.group("year") else _num(e.group("n")) or 0
    if not (1 <= end <= 12 and 1 <= n <= 12):
        return None
    first = end - n + 1
    if first < 1:  # a year ending in March: 2024-04/2025-03
        return _months(y - 1, first + 12, end, y)
    if n == 12:
        return str(y)
    if n == 1:
        return f"{y}-{end:02d}"
    if n == 6 and end in (6, 12):
        return f"{y}H{end // 6}"
    if n == 3 and end % 3 == 0:
        return f"{y}Q{end // 3}"
    return _months(y, first, end)


def _date_value(m: regex.Match[str], year: int | None) -> str | None:
    num: dict[str, int] = _STATE["groups"]
    y = m.group(num["dy"]) or m.group(num["dy2"])
    mo = _num(m.group(num["dm"]) or m.group(num["dm2"]))
    d = _num(m.group(num["dd"]) or m.group(num["dd2"]))
    yy = int(y) if y else year
    if yy is None or mo is None or d is None:
        return None
    try:
        return _dt.date(yy, mo, d).isoformat()
    except ValueError:
        return None


# How a hit's value depends on the reference year.
_FIXED, _YEAR_ITSELF, _RELATIVE, _DATE, _MONTH_OF, _ENDING, _PAST, _SAME, _REPORT, _REPORT_END = range(10)
FIXED, YEAR_ITSELF, PAST, SAME, REPORT, REPORT_END = _FIXED, _YEAR_ITSELF, _PAST, _SAME, _REPORT, _REPORT_END
"""The ``how`` of a final value, of 全年/年末/年内, of 过去一年/一年来, of 上年同期/2019年同期,
of 报告期内/期内 and of 报告期末 (:mod:`hz_extract.periods` reads all but the first in context)."""


class Hit(NamedTuple):
    """One match of the period pattern; ``value`` is final unless ``how`` says it needs the year."""

    start: int
    end: int
    text: str
    kind: str
    match: regex.Match[str]
    value: str | None
    how: int


_A_YEAR = regex.compile(r"\d{4}")


def same_period(h: Hit, compared: str) -> str | None:
    """The value of the base ``h`` when it is 上年同期 or 2019年同期: the part of its year that
    ``compared`` (the period of the figures it is compared with) is of its own, else None.

    >>> [same_period(h, "2025-01/2025-09") for h in scan("比上年同期增长,恢复到2019年同期的")]
    ['2024-01/2024-09', '2019-01/2019-09']
    """
    g = h.match.group
    num: dict[str, int] = _STATE["groups"]
    if g(num["rx"]) == "同期":
        shift = _REL[g(num["rel"])]
    elif g(num["yx"]) == "同期":
        shift = (_num(g(num["y"])) or 0) - int(compared[:4])
    else:
        return None
    if not shift:
        return compared
    if len(compared) == 4:  # a year
        return str(int(compared) + shift)
    return _A_YEAR.sub(lambda y: str(int(y.group()) + shift), compared)


def hit_value(h: Hit, year: int | None, now: int | None = None) -> str | None:
    """The value of ``h`` against the reference ``year``; ``now`` (the year of the document's
    date, when known) is what 今年/去年 count from."""
    how = h.how
    if how == _FIXED or how == _SAME and h.value is not None:
        return h.value
    if how == _RELATIVE or how == _SAME:
        rel = h.match.group(_STATE["groups"]["rel"])
        if rel and now is not None and rel in _DEICTIC:
            year = now
        return _sub_value(h.match, year if year is None or not rel else year + _REL[rel])
    if year is None and how != _DATE:
        return None
    if how == _YEAR_ITSELF or how == _REPORT or how == _REPORT_END:
        return str(year)
    if how == _DATE:
        return h.value if h.value is not None else _date_value(h.match, year)
    if how == _MONTH_OF:
        return f"{year}-{h.value}"
    if how == _ENDING:
        return _ending_value(h.text, year)
    return str(year - 1)  # type: ignore[operator]  # _PAST


@lru_cache(maxsize=2)
def scan(text: str) -> tuple[Hit, ...]:
    """Every period expression of cleaned ``text``, read once, before any year is known.

    Memoised: the public :func:`~hz_extract.periods.reference_year` and
    :func:`~hz_extract.periods.find_periods` calls on one text share it;
    :func:`~hz_extract.periods.read_periods` needs only one pass anyway.
    """
    pattern()  # compiles the helper patterns below too
    num: dict[str, int] = _STATE["groups"]
    base_re: regex.Pattern[str] = _STATE["base"]
    event_after: regex.Pattern[str] = _STATE["event_after"]
    event_before: regex.Pattern[str] = _STATE["event_before"]
    base_of: regex.Pattern[str] = _STATE["base_of"]
    as_of: regex.Pattern[str] = _STATE["as_of"]
    out: list[Hit] = []
    for m in matches(text):
        a, b = m.span()
        g = m.group
        span: int | None = None  # the month of a day span
        if g(num["date"]):
            fixed = g(num["dy"]) or g(num["dy2"])  # a year of its own: the value needs no reference year
            if g(num["dto"]):
                span = _one_month(g())  # None: 9月29日至10月6日, no one month
            if span is None:
                mo = _num(g(num["dm"]) or g(num["dm2"])) or 0
                if text[a - 1:a] in _AS_OF_LAST and 1 <= mo <= 12 and as_of.search(text, max(0, a - 3), a):
                    # 截至6月30日: a stock on a day; its month is the period (RECORDS.md has no days)
                    out.append(Hit(a, b, g(), "period", m, f"{fixed}-{mo:02d}" if fixed else f"{mo:02d}",
                                   _FIXED if fixed else _MONTH_OF))
                else:
                    out.append(Hit(a, b, g(), "date", m, _date_value(m, None) if fixed else None, _DATE))
                continue
        if g(num["plan"]):
            n = _num(g(num["pn"])) or 0
            first = 1966 + 5 * (n - 3)  # the 3rd plan began in 1966, the 14th in 2021
            out.append(Hit(a, b, g(), "range", m, f"{first}/{first + 4}", _FIXED))
            continue
        if g(num["yrange"]):
            ya, yb = int(g(num["ya"])), int(g(num["yb"]))
            out.append(Hit(a, b, g(), "range", m, f"{ya}/{yb}" if ya < yb else None, _FIXED))
            continue
        kind = "period"
        value: str | None = None
        how = _FIXED
        lead = text[a]
        if span is not None:
            value, how = (f"{fixed}-{span:02d}", _FIXED) if fixed else (f"{span:02d}", _MONTH_OF)
        elif g(num["rare"]):  # 截至…止六个月, 过去一年 / 一年来, 报告期内 / 期内 / 报告期末, 年内
            if lead == "截":
                ey = _ending_year(g())
                value, how = (_ending_value(g(), ey), _FIXED) if ey else (None, _ENDING)
            elif lead == "年":
                how = _YEAR_ITSELF
            elif text[b - 1] == "末":
                how = _REPORT_END
            elif text[b - 1] == "内":
                how = _REPORT
            else:
                how = _PAST
        elif g(num["lat"]):
            value = g(num["ylat"]) + g(num["lat"])
        elif g(num["bare"]):
            value = g(num["bare"])
        elif g(num["full"]):
            how = _YEAR_ITSELF
        elif g(num["y"]):
            value = _sub_value(m, _num(g(num["y"])))
            if g(num["yx"]) == "同期":  # 2019年同期: a comparison
                kind, how = "base", _SAME
        else:
            how = _RELATIVE
            rel = g(num["rel"])
            if rel and g(num["rx"]) == "同期":
                kind, how = "base", _SAME
        if text[b - 1] in _HOLIDAY_LAST and g(num["hol"]) and _holiday_month(g(num["hol"])) is None:
            kind = "date"  # 春节假期 without its days: no one month
        before = text[a - 1:a] in _BEFORE_LAST
        if before and base_re.search(text, max(0, a - 2), a):
            kind = "base"
        elif (text[b - 1] == "的" and text[b:b + 1] in _FIGURE_FIRST and not g(num["sub"])
              and base_of.search(text, max(0, a - 4), a)):
            kind = "base"  # 是2021年的4.2倍, 相当于上年的九成: the base of one figure
        elif text.startswith("水平", b) and g(num["pre"]) and not g(num["sub"]):
            kind = "base"  # 恢复至2019年水平的95%, 达到上年水平
        elif (text[b:b + 1] in _EVENT_FIRST and event_after.match(text, b)) or (
                before and event_before.search(text, max(0, a - 2), a) and not g(num["yx"]) and not g(num["rx"])):
            kind = "date"
        out.append(Hit(a, b, g(), kind, m, value, how))
    return tuple(out)

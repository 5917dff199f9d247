"""Reading period expressions: what each match of the period pattern means.

:func:`scan` reads every period expression of a cleaned text in one pass, before the
reference year is known, as :class:`Hit` tuples; :func:`hit_value` gives a hit's value
against a year. :mod:`hz_extract.periods` turns hits into
:class:`~hz_extract.periods.PeriodMention` objects and decides the reference year; its
docstring describes the values and kinds. The pattern and where it is tried are in
:mod:`hz_extract.period_pattern`.

>>> [(h.text, h.kind, hit_value(h, 2024)) for h in scan("2024年1-10月增长5%,比上年提高")]
[('2024年1-10月', 'period', '2024-01/2024-10'), ('上年', 'base', '2023')]
"""
from __future__ import annotations

import datetime as _dt
from functools import lru_cache
from typing import NamedTuple

import regex

from .period_pattern import (
    _AS_OF,
    _AS_OF_LAST,
    _BASE_OF,
    _BASE_WORDS,
    _BEFORE_LAST,
    _CN_YEAR,
    _COMMAS,
    _EVENT_BEFORE,
    _EVENT_FIRST,
    _FIGURE_FIRST,
    _MONTH,
    DATE_YEAR,
    YEAR,
    Match,
    matches,
    pattern,
)
from .period_pattern import COMPILED as _STATE

__all__ = ["Hit", "scan", "hit_value", "same_period", "pattern", "matches", "YEAR", "DATE_YEAR", "FIXED",
           "YEAR_ITSELF", "PAST", "SAME", "REPORT", "REPORT_END", "OWN_VALUE"]

_CN_DIGIT = {"〇": 0, "零": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}


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


def _sub_value(m: Match, y: int | None) -> str | None:
    if y is None:
        return None
    num: dict[str, int] = _STATE["groups"]
    if m.group(num["sub"]) is None:  # every part of a year below is inside sub: 2024年, 上年
        return str(y)
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
        return f"{y}Q{_num(m.group(num['q']) or m.group(num['q2'])) or 1}"
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


def _date_value(m: Match, year: int | None) -> str | None:
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
OWN_VALUE = frozenset({_FIXED, _SAME, _DATE})
"""The ``how`` of hits whose value without a year or a date (``hit_value(h, None)``) is their own
``value`` (a year they name, or None); every other hit has none without a year."""


class Hit(NamedTuple):
    """One match of the period pattern; ``value`` is final unless ``how`` says it needs the year."""

    start: int
    end: int
    text: str
    kind: str
    match: Match
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


def _ends_with(text: str, at: int, reach: int, words: tuple[str, ...]) -> bool:
    """Whether ``text[at - reach:at]`` ends with one of ``words``, or does before a newline that ends
    it: where searching those characters for ``(?:words)$`` finds a match, without a search.

    >>> _ends_with("比\\n2024年", 2, 2, ("比", "相比")), _ends_with("相比2024年", 2, 2, ("比",))
    (True, True)
    """
    before = text[max(0, at - reach):at]
    if before[-1:] == "\n":
        before = before[:-1]
    return before.endswith(words)


@lru_cache(maxsize=2)
def scan(text: str) -> tuple[Hit, ...]:
    """Every period expression of cleaned ``text``, read once, before any year is known.

    Memoised: the public :func:`~hz_extract.periods.reference_year` and
    :func:`~hz_extract.periods.find_periods` calls on one text share it;
    :func:`~hz_extract.periods.read_periods` needs only one pass anyway.
    """
    pattern()  # compiles the helper patterns below too
    num: dict[str, int] = _STATE["groups"]
    event_after: regex.Pattern[str] = _STATE["event_after"]
    out: list[Hit] = []
    for m in matches(text):
        a, b = m.span()
        g = m.group
        kind = "period"
        value: str | None = None
        how = _FIXED
        # The branches of the pattern exclude one another: the most frequent are asked first.
        if g(num["pre"]) is not None or g(num["sub"]) is not None:  # 2024年…, 上年…, a part of a year alone
            y = g(num["y"])
            if y is not None:
                value = _sub_value(m, _num(y))
                if g(num["yx"]) == "同期":  # 2019年同期: a comparison
                    kind, how = "base", _SAME
            else:
                how = _RELATIVE
                if g(num["rx"]) == "同期":  # 上年同期 (rx follows rel only)
                    kind, how = "base", _SAME
        elif g(num["full"]) is not None:
            how = _YEAR_ITSELF
        elif g(num["date"]) is not None:
            fixed = g(num["dy"]) or g(num["dy2"])  # a year of its own: the value needs no reference year
            # the month of a day span; None: 9月29日至10月6日, no one month
            span = _one_month(g()) if g(num["dto"]) or g(num["dto2"]) else None
            if span is None:
                mo = _num(g(num["dm"]) or g(num["dm2"])) or 0
                if text[a - 1:a] in _AS_OF_LAST and 1 <= mo <= 12 and _ends_with(text, a, 3, _AS_OF):
                    # 截至6月30日: a stock on a day; its month is the period (RECORDS.md has no days)
                    out.append(Hit(a, b, g(), "period", m, f"{fixed}-{mo:02d}" if fixed else f"{mo:02d}",
                                   _FIXED if fixed else _MONTH_OF))
                else:
                    out.append(Hit(a, b, g(), "date", m, _date_value(m, None) if fixed else None, _DATE))
                continue
            value, how = (f"{fixed}-{span:02d}", _FIXED) if fixed else (f"{span:02d}", _MONTH_OF)
        elif g(num["rare"]) is not None:  # 截至…止六个月, 过去一年 / 一年来, 报告期内 / 期内 / 报告期末, 年内
            lead = text[a]
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
        elif g(num["plan"]) is not None:
            n = _num(g(num["pn"])) or 0
            first = 1966 + 5 * (n - 3)  # the 3rd plan began in 1966, the 14th in 2021
            out.append(Hit(a, b, g(), "range", m, f"{first}/{first + 4}", _FIXED))
            continue
        elif g(num["yrange"]) is not None:
            ya, yb = int(g(num["ya"])), int(g(num["yb"]))
            out.append(Hit(a, b, g(), "range", m, f"{ya}/{yb}" if ya < yb else None, _FIXED))
            continue
        elif g(num["lat"]) is not None:
            value = g(num["ylat"]) + g(num["lat"])
        else:
            value = g(num["bare"])
        if text[b - 1] in _HOLIDAY_LAST and g(num["hol"]) and _holiday_month(g(num["hol"])) is None:
            kind = "date"  # 春节假期 without its days: no one month
        before = text[a - 1:a] in _BEFORE_LAST
        if before and _ends_with(text, a, 2, _BASE_WORDS):
            kind = "base"
        elif (text[b - 1] == "的" and text[b:b + 1] in _FIGURE_FIRST and not g(num["sub"])
              and _ends_with(text, a, 4, _BASE_OF)):
            kind = "base"  # 是2021年的4.2倍, 相当于上年的九成: the base of one figure
        elif text.startswith("水平", b) and g(num["pre"]) and not g(num["sub"]):
            kind = "base"  # 恢复至2019年水平的95%, 达到上年水平
        elif (text[b:b + 1] in _EVENT_FIRST and (text[b] not in _COMMAS or text[b + 1:b + 2] in _EVENT_FIRST)
              and event_after.match(text, b)) or (
                before and _ends_with(text, a, 2, _EVENT_BEFORE) and not g(num["yx"]) and not g(num["rx"])):
            kind = "date"
        out.append(Hit(a, b, g(), kind, m, value, how))
    return tuple(out)

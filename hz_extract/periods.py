"""Reference periods: 2024年, 2024年11月, 一季度, 上半年, 1-4月份, 前三季度, 今年/上年.

Period values follow RECORDS.md: ``2024``, ``2024-11``, ``2024Q1``, ``2024H1``,
``2024-01/2024-10``. Relative expressions (今年, 上年, a month without a year)
resolve against a reference year; without one their ``value`` is ``None``. Any
text will do: it is cleaned first (full-width digits, traditional script) and
spans are offsets into the text as given.

Every :class:`PeriodMention` has a ``kind``:

- ``period``: the reference period of figures (``2024年``, ``1-10月``, ``上半年``,
  ``全年``, ``年末``, ``2024年底``, ``2024年以来``, a bare ``2024`` before a word).
- ``base``: a period named as the comparison (``比上年``, ``较上年``,
  ``上年同期``, ``比1-10月份``): the rules take it as ``base``, not as the period.
- ``date``: an event date or a date line (``2025-01-27``, ``7月9日``,
  ``2012年3月19日``, ``于2024年11月发布``, a deadline ``12月底前``); ``value`` is the ISO date when the
  year and day are known (the month or year otherwise). Not a
  period of figures: the rules ignore it.
- ``range``: a span of years (``2011-2015年``, a five-year plan ``“十四五”``),
  value ``2011/2015``, ``2021/2025``.

>>> [(p.text, p.value, p.kind) for p in find_periods("2024年1-10月增长5%,比上年提高1个百分点", year=2024)]
[('2024年1-10月', '2024-01/2024-10', 'period'), ('上年', '2023', 'base')]
>>> [p.value for p in find_periods("前三季度、上半年、一季度、全年", year=2024)]
['2024-01/2024-09', '2024H1', '2024Q1', '2024']
>>> [(p.value, p.kind) for p in find_periods("5月31日发布")]
[(None, 'date')]
"""
from __future__ import annotations

import datetime as _dt
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, NamedTuple

import regex

from .clean import Cleaned, clean

__all__ = ["PeriodMention", "find_periods", "document_date", "reference_year", "read_periods", "PERIOD_KINDS"]

PERIOD_KINDS = ("period", "base", "date", "range")


@dataclass(frozen=True, init=False)
class PeriodMention:
    """A period expression at ``text[start:end]``; ``value`` is None when no year is known.

    ``kind`` is one of :data:`PERIOD_KINDS` (see the module docstring).
    """

    start: int
    end: int
    text: str
    value: str | None
    kind: str = "period"

    def __init__(self, start: int, end: int, text: str, value: str | None, kind: str = "period") -> None:
        # One update of the instance dict instead of the frozen dataclass's object.__setattr__
        # per field: half the time, and a document has hundreds of periods (as Record does).
        self.__dict__.update(start=start, end=end, text=text, value=value, kind=kind)


_CN_DIGIT = {"〇": 0, "零": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}

_YEAR = r"(?<![\d.])(?:19|20)\d{2}(?![\d.])"
_DATE_YEAR = r"(?<![\d.])(?:19|20)\d{2}(?!\d)"  # in a date: 2024.11.18
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
_EVENT_BEFORE = r"于$"
# The characters those two can end with right before a period (``$`` also matches before a
# final newline): after any other character neither is searched for.
_BEFORE_LAST = frozenset({w[-1] for w in _BASE_WORDS} | {"于", "\n"})
# Characters after a bare year that make it a quantity or a code, not a year.
_NOT_AFTER_BARE = ("年月日号亿万千百十元角分个家台吨多余倍项件人户辆座条只种次位名套部批所栋间天米公斤克度"
                   "亩平立美欧港英桶标兆瓦升毫厘微张本篇首场届期版款级例起宗笔单头匹株棵尾箱包袋瓶盒份支枚"
                   "颗粒片块根段节层幢秒时")

_PARTS = {
    "date": "|".join([
        rf"(?P<dy>{_DATE_YEAR})(?P<dsep>{_SEP})(?P<dm>1[0-2]|0?[1-9])(?P=dsep)(?P<dd>3[01]|[12]\d|0?[1-9])(?![\d.])"
        r"(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?",
        rf"(?:(?P<dy2>{_YEAR})年)?(?P<dm2>{_MONTH})月(?P<dd2>{_DAY})(?:(?:[、,，和及至到-]{_DAY})*)[日号]",
    ]),
    "yrange": rf"(?P<ya>{_YEAR})年?{_DASH}(?P<yb>{_YEAR})年?(?!\d|\s*[-/.]\d)",
    "latin": rf"(?P<ylat>{_YEAR})年?(?P<lat>Q[1-4]|H[12])(?![A-Za-z\d])",
    # Five-year plans: “十四五” (2021/2025) is a span of years, not the number 145.
    "plan": r"(?P<plan>(?P<pn>十[一二三四五六七八九]|二十|[三四五六七八九]))五"
            r"(?=[”\"’]|时期|期间|规划|以来|末|初|开局|收官)",
    "pre": rf"(?:(?P<y>{_YEAR}|{_CN_YEAR})年(?P<yx>度|全年|底|末|初(?!步)|以来)?"
           r"|(?P<rel>今年|本年|当年|去年|上年|上一年|前年|明年|次年)(?P<rx>同期|全年|末|底|初|以来)?)(?:的)?",
    "sub": "|".join([
        rf"(?P<mspan>(?P<m1>{_MONTH})(?:月份?)?{_DASH}(?:(?P<y2>{_YEAR})年)?(?P<m2>{_MONTH})月份?)",
        r"(?P<firstn>前(?P<n>1[01]|[1-9]|十[一]?|[两二三四五六七八九])个?月(?:份)?)",
        r"(?P<qspan>前(?P<qa>[两二三1-3])个?季度|(?P<qf>[一二三1-3])(?:季度)?\s*[-—–~至到]\s*(?P<qb>[二三四2-4])季度)",
        r"(?P<quarter>第?(?P<q>[一二三四1-4])季度|首季度?)",
        r"(?P<half>[上下]半年|半年度)",
        rf"(?P<month>(?<!\d)(?P<mo>{_MONTH})月份?(?![\d一二三四五六七八九十]+[日号])(?!\d))",
    ]),
    "full": r"(?P<full>全年|(?<![年每多两几数十百千万\d])年(?:末|底))",
    "bare": rf"(?P<bare>{_YEAR})(?=\p{{Han}})(?![{_NOT_AFTER_BARE}])",
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
_STARTS = re.compile("|".join([
    r"1(?=9..)|2(?=0..)",
    rf"\d(?=\d?(?:[月季]|{_DASH_AHEAD}))",
    rf"[{_CN_NUMERAL}](?=[{_CN_NUMERAL}]{{0,3}}(?:[年月季五]|{_DASH_AHEAD}))",
    r"[今本当去明次](?=年)|上(?=一?年|半年)|下(?=半年)|半(?=年度)|全(?=年)|年(?=[末底])",
    r"前(?=年|(?:1[01]|[1-9]|十一?|[两二三四五六七八九])个?[月季])|第(?=[一二三四1-4]季)|首(?=季)",
]))

_STATE: dict[str, Any] = {}


def _pattern() -> regex.Pattern[str]:
    """The period pattern, compiled once; it is tried where :data:`_STARTS` matches."""
    pat = _STATE.get("pat")
    if pat is None:
        p = _PARTS
        pat = regex.compile(
            rf"(?P<date>{p['date']})|(?P<yrange>{p['yrange']})|{p['latin']}|{p['plan']}"
            rf"|(?P<pre>{p['pre']})(?P<sub>{p['sub']})?|(?P<sub2>{p['sub']})|{p['full']}|{p['bare']}")
        # Group numbers by name: a match gives a group by number several times faster than
        # by name, and the groups are read for every period found.
        _STATE["groups"] = dict(pat.groupindex)
        _STATE["pat"] = pat
        _STATE["base"] = regex.compile(_BASE_BEFORE)
        _STATE["event_after"] = regex.compile(rf"[,，]?{_EVENT_AFTER}|{_DEADLINE_AFTER}")
        _STATE["event_before"] = regex.compile(_EVENT_BEFORE)
    return pat


def _matches(text: str) -> Iterator[regex.Match[str]]:
    """``_pattern().finditer(text)``, trying the pattern only where a period can start."""
    match = _pattern().match
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
    if m.group(num["month"]):
        mo = _num(m.group(num["mo"]))
        return f"{y}-{mo:02d}" if mo and 1 <= mo <= 12 else None
    return str(y)


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
_FIXED, _YEAR_ITSELF, _RELATIVE, _DATE = range(4)


class _Hit(NamedTuple):
    """One match of the period pattern; ``value`` is final unless ``how`` says it needs the year."""

    start: int
    end: int
    text: str
    kind: str
    match: regex.Match[str]
    value: str | None
    how: int


def _value(h: _Hit, year: int | None) -> str | None:
    """The value of ``h`` against the reference ``year``."""
    if h.how == _FIXED:
        return h.value
    if h.how == _YEAR_ITSELF:
        return str(year) if year is not None else None
    if h.how == _DATE:
        return h.value if h.value is not None else _date_value(h.match, year)
    rel = h.match.group(_STATE["groups"]["rel"])
    y = year if year is None or not rel else year + _REL[rel]
    return _sub_value(h.match, y)


@lru_cache(maxsize=2)
def _scan(text: str) -> tuple[_Hit, ...]:
    """Every period expression of cleaned ``text``, read once, before any year is known.

    Memoised: the public :func:`reference_year` and :func:`find_periods` calls on one
    text share it; :func:`read_periods` needs only one pass anyway.
    """
    _pattern()  # compiles the helper patterns below too
    num: dict[str, int] = _STATE["groups"]
    base_re: regex.Pattern[str] = _STATE["base"]
    event_after: regex.Pattern[str] = _STATE["event_after"]
    event_before: regex.Pattern[str] = _STATE["event_before"]
    out: list[_Hit] = []
    for m in _matches(text):
        a, b = m.span()
        g = m.group
        if g(num["date"]):
            fixed = g(num["dy"]) or g(num["dy2"])  # a year of its own: the value needs no reference year
            out.append(_Hit(a, b, g(), "date", m, _date_value(m, None) if fixed else None, _DATE))
            continue
        if g(num["plan"]):
            n = _num(g(num["pn"])) or 0
            first = 1966 + 5 * (n - 3)  # the 3rd plan began in 1966, the 14th in 2021
            out.append(_Hit(a, b, g(), "range", m, f"{first}/{first + 4}", _FIXED))
            continue
        if g(num["yrange"]):
            ya, yb = int(g(num["ya"])), int(g(num["yb"]))
            out.append(_Hit(a, b, g(), "range", m, f"{ya}/{yb}" if ya < yb else None, _FIXED))
            continue
        kind = "period"
        value: str | None = None
        how = _FIXED
        if g(num["lat"]):
            value = g(num["ylat"]) + g(num["lat"])
        elif g(num["bare"]):
            value = g(num["bare"])
        elif g(num["full"]):
            how = _YEAR_ITSELF
        elif g(num["y"]):
            value = _sub_value(m, _num(g(num["y"])))
        else:
            how = _RELATIVE
            rel = g(num["rel"])
            if rel and g(num["rx"]) == "同期":
                kind = "base"
        before = text[a - 1:a] in _BEFORE_LAST
        if before and base_re.search(text, max(0, a - 2), a):
            kind = "base"
        elif event_after.match(text, b) or (
                before and event_before.search(text, max(0, a - 2), a) and not g(num["yx"]) and not g(num["rx"])):
            kind = "date"
        out.append(_Hit(a, b, g(), kind, m, value, how))
    return tuple(out)


def find_periods(text: str, *, year: int | None = None) -> list[PeriodMention]:
    """Period expressions in ``text`` in order; ``year`` resolves 今年/上年 and year-less months.

    Args:
        text: any text; it is cleaned first (:mod:`hz_extract.clean`: full-width
            digits, traditional script) and spans map back to ``text`` as given.
        year: the reference year (see :func:`reference_year`); ``None`` leaves
            relative expressions with ``value=None``.

    Returns:
        :class:`PeriodMention` objects in order; ``[]`` when none.

    >>> [(p.text, p.value) for p in find_periods("今年上半年,去年同期,2至6月份", year=2010)]
    [('今年上半年', '2010H1'), ('去年同期', '2009'), ('2至6月份', '2010-02/2010-06')]
    """
    c = _cleaned(text)
    found = _resolve(_scan(c.text), year)
    if isinstance(c.offsets, range):  # cleaning changed nothing
        return found
    out = []
    for p in found:
        oa, ob = c.to_original(p.start, p.end)
        out.append(PeriodMention(oa, ob, text[oa:ob], p.value, p.kind))
    return out


@lru_cache(maxsize=2)
def _cleaned(text: str) -> Cleaned:
    return clean(text)


def _resolve(hits: tuple[_Hit, ...], year: int | None) -> list[PeriodMention]:
    """The mentions of ``hits`` with their values against ``year``."""
    return [PeriodMention(h.start, h.end, h.text, _value(h, year), h.kind) for h in hits]


def read_periods(text: str, published: _dt.date | None = None) -> tuple[int | None, list[PeriodMention]]:
    """The reference year and the periods of *cleaned* ``text``, read in one pass.

    What :func:`reference_year` and :func:`find_periods` (with that year) give, for
    text that :func:`hz_extract.clean.clean` has already cleaned (the extractor's
    case): the text is neither cleaned again nor scanned twice.

    >>> year, found = read_periods("2011年增长11.3%。全年…")
    >>> year, [(p.text, p.value) for p in found]
    (2011, [('2011年', '2011'), ('全年', '2011')])
    """
    hits = _scan(text)
    year = _reference_year(text, hits, _date_in_head(text, published))
    return year, _resolve(hits, year)

_DATE_LINE = regex.compile(  # 2025-01-27, 2024/02/29, 2024.2.29 (one separator), 2012年3月19日
    rf"(?P<y>{_DATE_YEAR})(?P<sep>[-/.])(?P<m>1[0-2]|0?[1-9])(?P=sep)(?P<d>3[01]|[12]\d|0?[1-9])(?![\d月.])"
    rf"|(?P<y2>{_YEAR})\s*年\s*(?P<m2>1[0-2]|0?[1-9])\s*月\s*(?P<d2>3[01]|[12]\d|0?[1-9])\s*日")
_HEAD_CHARS = 800
_HEAD_LINES = 12


def document_date(text: str, published: _dt.date | None = None) -> _dt.date | None:
    """The date the document speaks from: ``published`` if given, else a date line near the top.

    Looks at the first 12 lines (at most 800 characters) for ``2025-01-27``,
    ``2024/02/29``, ``2012年3月19日`` or ``发布时间:2024-11-18 20:43:04``; the first
    valid date wins.

    >>> document_date("珠海市统计局\\n2012年3月19日\\n2011年,全市…")
    datetime.date(2012, 3, 19)
    >>> document_date("无日期", _dt.date(2024, 5, 1))
    datetime.date(2024, 5, 1)
    """
    if published is not None:
        return published
    return _date_in_head(clean(text[:_HEAD_CHARS]).text)  # ２０２５－０１－２７ too


def _date_in_head(text: str, published: _dt.date | None = None) -> _dt.date | None:
    """:func:`document_date` of cleaned ``text``."""
    if published is not None:
        return published
    head = "\n".join(text[:_HEAD_CHARS].splitlines()[:_HEAD_LINES])
    for m in _DATE_LINE.finditer(head):
        y, mo, d = (m.group("y"), m.group("m"), m.group("d")) if m.group("y") else m.group("y2", "m2", "d2")
        try:
            return _dt.date(int(y), int(mo), int(d))
        except ValueError:
            continue
    return None


_RELATIVE_NOW = regex.compile(r"今年|本年")
_PART_OF_YEAR = regex.compile(r"月|季|半年")
# Yearly bulletins on year Y come out by spring of Y+1; later in the year, news is about Y+1.
_BULLETIN_MONTHS = 5


def reference_year(text: str, published: _dt.date | None = None) -> int | None:
    """The year that 今年/全年/上年 and year-less months in ``text`` refer to.

    Rule: let *D* be the year of :func:`document_date` and *E* the most frequent
    explicit data year (``2024年``, ``2024年1-10月``, a bare ``2024`` before a
    word; dates and comparison bases do not count; ties go to the later year).
    If the text says 今年/本年, *D* wins (news speaks from its date); otherwise *E*
    wins (a bulletin dated 2012-03-19 reports on 2011), except that when *E* is
    the year before *D*, *D* falls in May or later and the text names parts of a
    year without a year (上半年, 1-6月), *D* wins (mid-year news that mentions
    last year as background). Each falls back to the other when missing.

    >>> reference_year("2011年全市生产总值增长11.3%。全年…", _dt.date(2012, 3, 19))
    2011
    >>> reference_year("今年上半年增长5%,2023年同期…", _dt.date(2024, 7, 9))
    2024
    >>> reference_year("上半年增长5%。2023年全市…", _dt.date(2024, 7, 9))
    2024
    """
    return _reference_year(_cleaned(text).text, _scan(_cleaned(text).text), document_date(text, published))


def _reference_year(text: str, hits: tuple[_Hit, ...], d: _dt.date | None) -> int | None:
    """:func:`reference_year` of cleaned ``text`` with its period ``hits`` and document date ``d``."""
    counts: Counter[int] = Counter()
    part_of_year = False  # 上半年, 一季度, 1-6月 with no year of their own
    for h in hits:
        if h.kind != "period":
            continue
        value = _value(h, None)
        if value and value[:4].isdigit():
            counts[int(value[:4])] += 1
        elif value is None and _PART_OF_YEAR.search(h.text):
            part_of_year = True
    e = max(counts, key=lambda k: (counts[k], k)) if counts else None
    if d is None:
        return e
    if e is None or _RELATIVE_NOW.search(text):
        return d.year
    if e == d.year - 1 and part_of_year and d.month >= _BULLETIN_MONTHS:
        return d.year  # mid-year news on this year's 上半年 that mentions last year as background
    return e

"""Reference periods: 2024年, 2024年11月, 一季度, 上半年, 1-4月份, 前三季度, 今年/上年.

Period values follow RECORDS.md: ``2024``, ``2024-11``, ``2024Q1``, ``2024H1``,
``2024-01/2024-10``. Relative expressions (今年, 上年, a month without a year)
resolve against a reference year; without one their ``value`` is ``None``. Any
text will do: it is cleaned first (full-width digits, traditional script) and
spans are offsets into the text as given. The pattern and what each match means
are in :mod:`hz_extract.period_scan`; this module resolves them against the year.

Every :class:`PeriodMention` has a ``kind``:

- ``period``: the reference period of figures (``2024年``, ``1-10月``, ``上半年``,
  ``全年``, ``年末``, ``2024年底``, ``2024年以来``, a bare ``2024`` before a word;
  ``首十个月`` and ``首三季`` as 前十个月 and 前三季度; a company's
  ``截至2025年6月30日止六个月`` (``2025H1``); a stock ``截至6月30日`` (its month); a
  day span inside one month or a holiday, ``10月1日至8日``, ``国庆假期``,
  ``春节假期(2月10日至17日)`` (that month); a review's ``过去一年`` / ``一年来``; a
  report's ``报告期内`` / ``期内`` (its period) and ``报告期末`` (that period's last month),
  and ``年内`` (as 全年)).
- ``base``: a period named as the comparison (``比上年``, ``较上年``,
  ``上年同期``, ``2019年同期``, ``比1-10月份``, ``是2021年的4.2倍``, ``相当于上年的``):
  the rules take it as ``base``, not as the period, and it does not carry to the
  figures after it.
- ``date``: an event date or a date line (``2025-01-27``, ``7月9日``,
  ``2012年3月19日``, ``于2024年11月发布``, a deadline ``12月底前``, a day span across
  months, a holiday whose month varies named without its days, ``春节假期``); ``value``
  is the ISO date when the year and day are known (the month or year otherwise). Not a
  period of figures: the rules ignore it.
- ``range``: a span of years (``2011-2015年``, a five-year plan ``“十四五”``),
  value ``2011/2015``, ``2021/2025``.

>>> [(p.text, p.value, p.kind) for p in find_periods("2024年1-10月增长5%,比上年提高1个百分点", year=2024)]
[('2024年1-10月', '2024-01/2024-10', 'period'), ('上年', '2023', 'base')]
>>> [p.value for p in find_periods("前三季度、上半年、一季度、全年", year=2024)]
['2024-01/2024-09', '2024H1', '2024Q1', '2024']
>>> [(p.value, p.kind) for p in find_periods("5月31日发布")]
[(None, 'date')]

What a year-less 全年 or 年末 means depends on where it stands (see :func:`read_periods`):
the year of the period before it. 今年 and 去年 count from the document's date.

>>> report = "2025年1月8日在…上\\n一、2024年工作回顾\\n过去一年,全年实现…\\n二、今年主要预期目标"
>>> [(p.text, p.value) for p in read_periods(report)[1] if p.kind == "period"]
[('2024年', '2024'), ('过去一年', '2024'), ('全年', '2024'), ('今年', '2025')]
"""
from __future__ import annotations

import datetime as _dt
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import regex

from .clean import Cleaned, clean
from .period_scan import (DATE_YEAR, FIXED, OWN_VALUE, PAST, REPORT, REPORT_END, SAME, YEAR, YEAR_ITSELF, Hit,
                          hit_value, same_period, scan)

__all__ = ["PeriodMention", "find_periods", "document_date", "reference_year", "read_periods", "headline", "PERIOD_KINDS"]

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


def find_periods(text: str, *, year: int | None = None, date: _dt.date | None = None) -> list[PeriodMention]:
    """Period expressions in ``text`` in order; ``year`` resolves 今年/上年 and year-less months.

    Args:
        text: any text; it is cleaned first (:mod:`hz_extract.clean`: full-width
            digits, traditional script) and spans map back to ``text`` as given.
        year: the reference year (see :func:`reference_year`); ``None`` leaves
            relative expressions with ``value=None``.
        date: the date the text speaks from (:func:`document_date`), if known: 今年 and
            去年 count from its year, and early in a year 过去一年 is the year before it.

    Returns:
        :class:`PeriodMention` objects in order; ``[]`` when none.

    >>> [(p.text, p.value) for p in find_periods("今年上半年,去年同期,2至6月份", year=2010)]
    [('今年上半年', '2010H1'), ('去年同期', '2009H1'), ('2至6月份', '2010-02/2010-06')]
    """
    c = _cleaned(text)
    found = _resolve(c.text, scan(c.text), year, date)
    if isinstance(c.offsets, range):  # cleaning moved nothing (首十個月 → 首十个月 keeps every offset)
        if c.text == text:
            return found
        return [PeriodMention(p.start, p.end, text[p.start:p.end], p.value, p.kind) for p in found]
    out = []
    for p in found:
        oa, ob = c.to_original(p.start, p.end)
        out.append(PeriodMention(oa, ob, text[oa:ob], p.value, p.kind))
    return out


@lru_cache(maxsize=2)
def _cleaned(text: str) -> Cleaned:
    return clean(text)


# Early in a year (January–April: work reports, year-end reviews, bulletins and annual reports)
# a text looks back on the year just ended: 过去一年 is that year.
_REVIEW_MONTHS = 4
_IN_CONTEXT = frozenset({YEAR_ITSELF, PAST, SAME, REPORT, REPORT_END})
_ASIDE_REACH = 120  # how far back an open bracket makes a period an aside


def _resolve(text: str, hits: tuple[Hit, ...], year: int | None, date: _dt.date | None) -> list[PeriodMention]:
    """The mentions of ``hits`` in cleaned ``text`` with their values against ``year`` and ``date``.

    全年 and 年末 (and 过去一年 unless the date is early in a year) are the year the text
    speaks of where they stand: the year of the nearest period before them (when the text
    is undated or dated January–April, or that year is ``year``), else ``year``. A work
    report dated January reviews the year before (一、2024年工作回顾 …全年实现) and then
    sets this year's targets (今年…预期目标); a bulletin says its year anyway; July news
    that gives last year's figures (2024年全年增长5%) still means this year by 预计全年.
    上年同期 and 2019年同期 are the same part of their year as that period (上半年 …
    上年同期 → 2024H1), else a year.
    """
    now = date.year if date is not None else None
    # Early in a year (or undated) a text may look back on another year; later in the year a
    # 全年 after last year's figures (2024年全年增长5%,预计全年…) is this year's.
    looking_back = date is None or date.month <= _REVIEW_MONTHS or year is None
    out: list[PeriodMention] = []
    append = out.append
    framing: str | None = None  # the value of the nearest framing period among out[:seen]
    seen = 0
    brackets: bool | None = None  # whether the text has any (asked once, when needed)
    for h in hits:
        start, end, surface, kind, _, value, how = h
        if how == FIXED:
            append(PeriodMention(start, end, surface, value, kind))
            continue
        value = hit_value(h, year, now)
        if how in _IN_CONTEXT and kind != "date":
            if seen < len(out):
                if brackets is None:
                    brackets = "(" in text or "（" in text
                framing = _framing(text, out, seen, brackets) or framing
                seen = len(out)
            if how == SAME:
                value = (same_period(h, framing) if framing else None) or value
            elif how == REPORT or how == REPORT_END:
                value = _report_period(text, out, how == REPORT_END) or value
            elif how == PAST and date is not None and date.month <= _REVIEW_MONTHS:
                value = str(date.year - 1)
            elif framing and (looking_back or framing[:4] == str(year)):
                value = framing[:4]
        append(PeriodMention(start, end, surface, value, kind))
    return out


def _report_period(text: str, before: list[PeriodMention], end: bool) -> str | None:
    """What 报告期内/期内 (``end`` False) or 报告期末 (True) stand for: the nearest framing
    period in ``before`` that spans more than a month (截至6月底… 期内收入: the half year, not
    June); its last month for 报告期末 (2025-01/2025-09 → 2025-09; a year stays a year)."""
    for i in range(len(before) - 1, -1, -1):
        v = _framing(text, before, i, until=i + 1)
        if v is None or len(v) == 7:  # none, or a single month (2025-06)
            continue
        if end and len(v) > 4:
            last = v.rpartition("/")[2] if "/" in v else v
            if "H" in last or "Q" in last:
                y, part = last[:4], last[4:]
                mo = 6 * int(part[1]) if part[0] == "H" else 3 * int(part[1])
                return f"{y}-{mo:02d}"
            return last[:7]
        return v
    return None


def _framing(text: str, mentions: list[PeriodMention], since: int, brackets: bool = True,
             until: int | None = None) -> str | None:
    """The value of the last period of ``mentions[since:until]`` that frames what follows.

    Not a comparison, a date or a span of years (their kinds), nor an aside in brackets
    (经最终核实,2021年…) or a starting point after 从/由.
    """
    for i in range((len(mentions) if until is None else until) - 1, since - 1, -1):
        p = mentions[i]
        v = p.value
        if p.kind != "period" or not v or not v[:4].isdigit() or text[p.start - 1:p.start] in ("从", "由"):
            continue
        if not brackets:
            return v
        lo = max(text.rfind("\n", max(0, p.start - _ASIDE_REACH), p.start) + 1, p.start - _ASIDE_REACH, 0)
        opened = max(text.rfind("(", lo, p.start), text.rfind("（", lo, p.start))
        if opened >= 0 and max(text.rfind(")", opened, p.start), text.rfind("）", opened, p.start)) < 0:
            continue
        return v
    return None


def read_periods(text: str, published: _dt.date | None = None) -> tuple[int | None, list[PeriodMention]]:
    """The reference year and the periods of *cleaned* ``text``, read in one pass.

    What :func:`reference_year` and :func:`find_periods` (with that year) give, for
    text that :func:`hz_extract.clean.clean` has already cleaned (the extractor's
    case): the text is neither cleaned again nor scanned twice.

    ``全年`` and ``年末`` take the year of the period before them (an aside in brackets,
    a comparison or a starting point after 从/由 aside) in a text dated January to April
    or undated, or when it is the reference year; else the reference year;
    ``过去一年`` / ``一年来`` in a text dated January to April are the year before its
    date, else as 全年. A January work report thus reads its review (一、2024年工作回顾,
    过去一年…全年实现…) as 2024 and its targets (今年…预期目标) as 2025.

    >>> year, found = read_periods("2011年增长11.3%。全年…")
    >>> year, [(p.text, p.value) for p in found]
    (2011, [('2011年', '2011'), ('全年', '2011')])
    """
    hits = scan(text)
    date = _date_in_head(text, published)
    year = _reference_year(text, hits, date)
    return year, _resolve(text, hits, year, date)

_DATE_LINE = regex.compile(  # 2025-01-27, 2024/02/29, 2024.2.29 (one separator), 2012年3月19日
    rf"(?P<y>{DATE_YEAR})(?P<sep>[-/.])(?P<m>1[0-2]|0?[1-9])(?P=sep)(?P<d>3[01]|[12]\d|0?[1-9])(?![\d月.])"
    rf"|(?P<y2>{YEAR})\s*年\s*(?P<m2>1[0-2]|0?[1-9])\s*月\s*(?P<d2>3[01]|[12]\d|0?[1-9])\s*日")
_HEAD_CHARS = 800
_HEAD_LINES = 12
_HEADLINE_MAX = 120
"""A first line longer than this is a paragraph, not a headline."""
_DATE_LINE_MAX = 80
"""A line longer than this that holds a date is a sentence, not a date line."""


def headline(text: str) -> tuple[int, int]:
    """The headline of cleaned ``text`` and where its body starts: ``(end of the first line, end of
    the date line)`` when a date line follows the first line within three lines, else ``(0, 0)``.

    >>> headline("外贸进出口增长8.7%\\n2024年5月10日\\n今年前4个月,进出口增长8.7%。")
    (11, 22)
    >>> headline("2015年,全县生产总值增长8%。\\n一、综合")
    (0, 0)
    """
    first = text.find("\n", 0, _HEADLINE_MAX + 1)
    if first <= 0 or _DATE_LINE.search(text, 0, first):
        return 0, 0  # one paragraph, or a first line that is itself dated
    at = first + 1
    for _ in range(3):
        nl = text.find("\n", at)
        end = len(text) if nl < 0 else nl
        if end - at <= _DATE_LINE_MAX and _DATE_LINE.search(text, at, end):
            return first, end
        if nl < 0:
            break
        at = nl + 1
    return 0, 0


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
    return _reference_year(_cleaned(text).text, scan(_cleaned(text).text), document_date(text, published))


def _reference_year(text: str, hits: tuple[Hit, ...], d: _dt.date | None) -> int | None:
    """:func:`reference_year` of cleaned ``text`` with its period ``hits`` and document date ``d``."""
    counts: Counter[int] = Counter()
    part_of_year = False  # 上半年, 一季度, 1-6月 with no year of their own
    for h in hits:
        if h.kind != "period":
            continue
        value = h.value if h.how in OWN_VALUE else None  # hit_value(h, None), without the call
        if value and value[:4].isdigit():
            counts[int(value[:4])] += 1
        elif value is None and ("月" in h.text or "季" in h.text or "半年" in h.text):
            part_of_year = True
    e = max(counts, key=lambda k: (counts[k], k)) if counts else None
    if d is None:
        return e
    if e is None or "今年" in text or "本年" in text:
        return d.year
    if e == d.year - 1 and part_of_year and d.month >= _BULLETIN_MONTHS:
        return d.year  # mid-year news on this year's 上半年 that mentions last year as background
    return e

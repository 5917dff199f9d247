"""Record assembly: whose and when a figure is, its implied base, and one record per fact.

Subjects and periods are looked up from an anchor (the figure, or its comparison
word) backwards: in the sentence first, then carried over from earlier ones, past
mentions that name someone else (enumerations, speakers, comparisons, asides in
parentheses). :func:`dedupe` keeps one record per fact.

>>> same_name("规上工业增加值", "规模以上工业增加值")
True
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

import regex

from .heads import same_head, total_and_part

if TYPE_CHECKING:  # pragma: no cover
    from ..periods import PeriodMention
    from ..records import Record
    from ..subjects import SubjectMention

__all__ = ["Mentions", "implied_base", "same_name", "dedupe", "abbreviations", "within"]

_BIGRAMS_MIN = 0.5
_LOOKBACK = 40
"""Mentions looked at before giving up on a figure's subject (keeps a huge document linear)."""
_PER_UNIT = regex.compile(r"人均|户均|亩均|平均|每|单位|万元|比重|占比|增速|率")

_SPEAKER = re.compile(r"认为|表示|指出|称|分析|预计|预测|研报|报告|数据显示|统计显示|发布")
_FRAME_END = regex.compile(r"[^,;。!?]{0,16}?中")
_GOVERNED = re.compile(r"(?:于|比|较|位的|名的|超过|不如|次于|对|向|与|居|列|排名|排在|位列|占)$")
_LOCATED = regex.compile(r"(?:位于|地处|坐落于|落户于?)\p{Han}{0,6}$")
_LOCATED_WORDS = ("位于", "地处", "坐落于", "落户")


def _located(before: str) -> bool:
    """Whether ``before`` ends with where something lies (位于安徽滁州); the pattern only when one of its words is there."""
    return any(w in before for w in _LOCATED_WORDS) and _LOCATED.search(before) is not None


_WHERE_OF = regex.compile(r"的(?!\d)")
_NTH = r"(?:[一二三四五六七八九十]+|\d+)"
# After 全国/全省: a peer group or a whole that a figure is measured against (全国平均, 全国的10.9%,
# 全国边境省区第一); after any place: the group it leads (广西第一大贸易伙伴), not 第一产业.
_PEER_WHOLE = regex.compile(rf"平均|均值|水平|总量的|的比重|的\d|(?:约|近|不足|超过)?(?:\d[\d.]*%|\p{{Han}}{{1,2}}分之\p{{Han}}{{1,2}}|\d+/\d+)的|\p{{Han}}{{0,6}}?(?:第{_NTH}(?![产季批次届期])|前{_NTH}[位名强]"
                            r"|首位|榜首|[十百千]强)")  # 入选全国软件百强企业4家: a national list, not whose count
_DESIGNATION = regex.compile(r"(?:重点|文明|示范)\p{Han}{0,8}?(?:单位|城市|县|镇|村|基地|园区)")
"""After 全国/全省: a title a place or body holds (全国重点文物保护单位12处, 全国文明城市), not whose count."""
_DATELINE = regex.compile(r"\s?\d{1,2}月\d{1,2}日\s?电")
_DATELINE_FIRST = frozenset(" 0123456789")
_PEER_PLACE = regex.compile(rf"第{_NTH}(?:大|位|名)|首位|榜首")


def _not_the_subject(text: str, s: SubjectMention) -> bool:
    """Mentions that are not whose figures follow.

    A name in an enumeration (美团、复星科技、华登国际等; 香洲、金湾和斗门), a source
    that speaks (东吴证券认为…), a name inside a quoted title (“浙江制造天工鼎”) and a
    name governed by a comparison (低于第一位的宁波市) name someone else.
    """
    after = text[s.end:s.end + 4]
    before = text[s.start - 1:s.start]
    if before.isdigit() or before in ("元", "吨", "%", "个", "家", "人", "倍", "亿", "万"):
        return True  # 突破5万亿元大关: a word after a figure, not a place
    if after[:1] in ("、", "等", "和", "及", "与") or text[s.start - 1:s.start] in ("、", "和", "及", "与"):
        return True
    if s.kind == "org" and s.level not in ("listed", "ref") and _SPEAKER.match(after):
        return True  # the company a text reports on speaks of itself
    if (_PEER_WHOLE if s.kind in ("national", "local") else _PEER_PLACE).match(text, s.end):
        return True
    if s.kind == "national" and _DESIGNATION.match(text, s.end):
        return True  # 拥有全国重点文物保护单位12处: a designation, the count is the place's own
    if s.kind == "region" and text[s.end:s.end + 1] in _DATELINE_FIRST and _DATELINE.match(text, s.end):
        return True  # 新华社北京7月15日电: where the wire was filed, not whose figures
    if _located(text[max(0, s.start - 10):s.start]):
        return True  # 位于安徽滁州的项目: where something is, not whose figure
    if s.kind == "region" and before == "在" and _WHERE_OF.match(text, s.end):
        return True  # 公司在湖南的销售收入: a market of the company
    quote = text.rfind("“", max(0, s.start - 12), s.start)
    if quote >= 0 and "”" not in text[quote:s.start] and "”" in text[s.end:s.end + 12]:
        return True  # “浙江制造天工鼎”: a name quoted inside a title or an award
    if text[s.start - 1:s.start] == "在" and _FRAME_END.match(text, s.end):
        return True  # 在全国24个万亿城市中: the group ranked within, not whose figure
    return bool(_GOVERNED.search(text[max(0, s.start - 4):s.start]))


_WHOLE_YEAR = regex.compile(r"^(?:\d{4}|(?:\d{4}|[今去上本当]|全)年(?:度|全年)?)$")


def implied_base(period: str) -> str:
    """The comparison a growth without a cue implies: a year against the year before
    (上年), a part of a year against the same part of the year before (上年同期).

    ``period`` is a period value (``2024``, ``2024H1``) or, without a known year, the
    words (``1-5月``, ``全年``).
    """
    return "上年" if _WHOLE_YEAR.match(period) else "上年同期"


def _usual_local(subjects: list[SubjectMention]) -> str | None:
    """The local form (全区, 全县) the document uses most, for figures before any mention."""
    counts: dict[str, int] = {}
    for s in subjects:
        if s.kind == "local":
            counts[s.name] = counts.get(s.name, 0) + 1
    return max(counts, key=lambda k: counts[k]) if counts else None


def _opened_before(text: str, a: int) -> bool:
    """Whether a parenthesis is open at ``a`` (looking at most 120 characters back)."""
    before = text[max(0, a - 120):a]
    opens = before.count("(") + before.count("（")
    return bool(opens) and opens > before.count(")") + before.count("）")


_GLOSSED = re.compile(r"(?:本周|上周|当周|本月|当月|上月|本季度|今年|本年|当年|报告期)[(（]$")


def _glossed(text: str, a: int) -> bool:
    """Whether the period at ``a`` opens a parenthesis that dates the time word before it
    (本周(11月17日—21日), 本月(10月)): it is that word's period and carries like one."""
    return text[a - 1:a] in "(（" and bool(_GLOSSED.search(text, max(0, a - 5), a))


def _closed_before(text: str, b: int, anchor: int) -> bool:
    """Whether more parentheses close than open between ``b`` and ``anchor`` (at most 400 characters)."""
    after = text[b:min(anchor, b + 400)]
    return after.count(")") + after.count("）") > after.count("(") + after.count("（")


def within(items: list[Any], starts: list[int], a: int, b: int) -> list[Any]:
    """The mentions starting inside ``[a, b)``."""
    return items[bisect_left(starts, a):bisect_left(starts, b)]


_SKIP = 1
"""A mention never taken (not the subject; a mention that is no period)."""
_ASIDE = 2
"""A mention inside a parenthesis, passed over by figures after it closes: 长三角(含江西)大飞机
(江西 is an aside), the 2021 of (经最终核实,2021年…) for the figures after the bracket."""
_FROM = 4
"""A period after 由/从: a starting point, passed over by figures in a later clause."""
_ALONE = 8
"""A month marked as standing alone (10月当月, 9月份单月) inside a text about a longer span:
its sentence's figures only; the span set before it governs the sentences after."""


class Mentions:
    """Whose and when a document's figures are: the subject and period mentions, looked up
    backwards from a figure's anchor (the figure, or its comparison word).

    What a mention's own surroundings say (an enumeration, a speaker, an open parenthesis
    before it) is read once per mention, however many figures look past it; and a figure
    after the same mentions as the one before it, when no parenthesis was in the way, has
    the same subject and period.

    Args:
        text: the cleaned document.
        subjects: its subject mentions, by start.
        periods: its period mentions, by start.
        main_place: the place the article is about (asked at most once).

    >>> from hz_extract.periods import read_periods
    >>> from hz_extract.subjects import subjects_in
    >>> t = "2024年杭州市GDP增长5.6%。"
    >>> look = Mentions(t, list(subjects_in(t)), read_periods(t)[1], lambda: None)
    >>> look.subject(14), look.period(14).value
    ('杭州市', '2024')
    """

    def __init__(self, text: str, subjects: list[SubjectMention], periods: list[PeriodMention],
                 main_place: Callable[[], str | None]) -> None:
        self.text = text
        self.subjects = subjects
        self.periods = periods
        self._main_place = main_place
        self._place: list[str | None] = []
        self._s_starts = [s.start for s in subjects]
        self._p_starts = [p.start for p in periods]
        self._s_marks: list[int | None] = [None] * len(subjects)
        self._p_marks: list[int | None] = [None] * len(periods)
        # The last answer given for figures after the first i mentions (i = -1: none to reuse).
        self._s_last: tuple[int, str | None] = (-1, None)
        self._p_last: tuple[int, PeriodMention | None] = (-1, None)

    def subject(self, anchor: int) -> str | None:
        """The subject of a figure anchored at ``anchor``.

        The nearest mention before the anchor that names whose figure it is; a local form
        (全市) or no mention at all gives the place the article is about, else the local
        form the article uses most.
        """
        subjects, marks, text = self.subjects, self._s_marks, self.text
        i = bisect_left(self._s_starts, anchor)
        if i == self._s_last[0]:
            return self._s_last[1]
        after = i
        steady = True  # the answer depends on the mentions before the anchor only, not on where it is
        best: SubjectMention | None = None
        stop = max(0, i - _LOOKBACK)
        while i > stop:
            i -= 1
            s = subjects[i]
            mark = marks[i]
            if mark is None:
                mark = marks[i] = (_SKIP if _not_the_subject(text, s) else
                                   _ASIDE if _opened_before(text, s.start) else 0)
            if mark & _SKIP:
                continue
            if mark & _ASIDE:
                steady = False
                if _closed_before(text, s.end, anchor):
                    continue
            if s.level == "scenic" or text[s.start - 1:s.start] == "的" and text[s.start - 3:s.start - 2] == "最":
                # 瘦西湖景区单日接待量达9.8万人次, 收入最高的鹤山村达到386万元: its own sentence's figures only
                steady = False
                if _SENTENCE_BREAK.search(text, s.end, anchor):
                    continue
            best = s
            break
        if best is None or best.kind == "local":
            if not self._place:
                self._place.append(self._main_place() or _usual_local(subjects))
            name = self._place[0] or (best.name if best is not None else None)
        else:
            name = best.name
        self._s_last = (after if steady else -1, name)
        return name

    def period(self, anchor: int) -> PeriodMention | None:
        """The nearest period before ``anchor``: in the sentence, else carried over from before it.

        A period whose year is unknown (``1-4月份`` in a text with no date) is returned
        too: its value stays None rather than borrowing an older period's year. A period
        inside a parenthesis closed before ``anchor`` (a revised 2021 figure) does not carry.
        """
        periods, marks, text = self.periods, self._p_marks, self.text
        i = bisect_left(self._p_starts, anchor)
        if i == self._p_last[0]:
            return self._p_last[1]
        after = i
        steady = True
        found: PeriodMention | None = None
        while i > 0:
            i -= 1
            p = periods[i]
            mark = marks[i]
            if mark is None:
                mark = marks[i] = (_SKIP if p.kind != "period" else
                                   (_ASIDE if _opened_before(text, p.start) and not _glossed(text, p.start) else 0)
                                   | (_FROM if text[p.start - 1:p.start] in ("由", "从") else 0)
                                   | (_ALONE if text.startswith(("当月", "单月"), p.end) else 0))
            if mark & _SKIP:
                continue
            if mark & _ALONE and i > 0:
                steady = False  # the answer depends on where the anchor is
                if _FULL_STOP.search(text, p.end, anchor):
                    continue  # 10月当月,…;…。分行业看,…: the sentences after are the span's again
            if mark & (_ASIDE | _FROM):
                steady = False
                if mark & _ASIDE and _closed_before(text, p.end, anchor):
                    continue
                if mark & _FROM and _CLAUSE_BREAK.search(text, p.end, anchor):
                    continue  # 由上年的9.4:66.8调整为…: a starting point, not the period of what follows
            found = p
            break
        self._p_last = (after if steady else -1, found)
        return found


_CLAUSE_BREAK = re.compile(r"[,;。]")
_SENTENCE_BREAK = re.compile(r"[;。!?\n]")
_FULL_STOP = re.compile(r"[。!?\n]")


def _bigrams(s: str) -> set[str]:
    return {s[i:i + 2] for i in range(len(s) - 1)} or {s}


def same_name(a: str, b: str) -> bool:
    """Whether two names of one figure name the same thing: equal, or spelt alike (bigram Dice ≥ 0.6).

    A name that holds the other merges (外贸进出口总额 is 外贸进出口) unless what it
    adds makes it a ratio (人均地区生产总值 is not 地区生产总值); 规上X and 规模以上X merge.

    >>> same_name("规上电子信息制造业增加值", "规模以上电子信息制造业增加值")
    True
    >>> same_name("地区生产总值", "人均地区生产总值")
    False
    """
    if not a or not b:
        return False
    if a == b:
        return True
    if a in b or b in a:
        longer, shorter = (a, b) if len(a) > len(b) else (b, a)
        return not _PER_UNIT.search(longer.replace(shorter, "", 1))
    x, y = _bigrams(a), _bigrams(b)
    return 2 * len(x & y) / (len(x) + len(y)) >= _BIGRAMS_MIN


_YEAR_AGO = frozenset({"上年", "上年同期", "去年", "去年同期"})


def _same_base(a: str | None, b: str | None) -> bool:
    """Bases that may name one comparison: equal, unknown, or a year ago either way
    (a headline's 增长36.2% and the body's 同比增长36.2%)."""
    return a == b or not a or not b or (a in _YEAR_AGO and b in _YEAR_AGO)


def _same_subject(a: str | None, b: str | None, rule: str) -> bool:
    if not a or not b or a == b or rule.startswith("rank"):
        return True
    a, b = _SUFFIX.sub("", a), _SUFFIX.sub("", b)
    return a in b or b in a


_SUFFIX = regex.compile(r"(?:特别行政区|自治区|自治州|省|市|区|县)$")


_ABBREVIATION = regex.compile(r"(?P<full>\p{Han}{2,12})\((?P<abbr>[A-Z][A-Za-z&]{1,7})\)")
_ABBREVIATION_OPEN = re.compile(r"\([A-Z]")


def abbreviations(text: str) -> list[tuple[str, str]]:
    """Abbreviations a document defines: ``制造业采购经理指数(PMI)`` → ``("PMI", "制造业采购经理指数")``.

    >>> abbreviations("3月份,制造业采购经理指数(PMI)为50.6%")
    [('PMI', '制造业采购经理指数')]
    """
    if not _ABBREVIATION_OPEN.search(text):
        return []  # most documents define none: one scan of the standard re tells
    return [(m.group("abbr"), m.group("full")) for m in _ABBREVIATION.finditer(text)]


def _abbreviated(a: str, b: str, abbr: list[tuple[str, str]]) -> bool:
    """Whether ``a`` is ``b`` written with a defined abbreviation (制造业PMI for 制造业采购经理指数(PMI))."""
    for short, full in abbr:
        if b == full and short in a and a.replace(short, "") in full:
            return True
    return False


def _replace_abbreviated(r: Record, twins: list[Record], kept: list[Record], abbr: list[tuple[str, str]]) -> bool:
    """Put ``r`` in the place of an earlier twin that wrote its name abbreviated."""
    for i, o in enumerate(twins):
        if _abbreviated(o.indicator, r.indicator, abbr) and _same_base(r.base, o.base):
            j = next(n for n, k in enumerate(kept) if k is o)
            kept[j] = twins[i] = r  # the written-out name, in the headline's place
            return True
    return False


def _replace_headline(r: Record, twins: list[Record], kept: list[Record], headline_end: int,
                      stated: set[tuple[int, int]]) -> bool:
    """Drop a headline twin that names the body's ``r`` another way with the same head, and keep
    ``r`` (外贸进出口增长8.7% over 货物贸易进出口总值…增长8.7%; 派中期息 over 中期股息); not one the
    body has already stated by its own name (CPI下降0.1% over 居民消费价格…下降0.1%, 非食品价格下降0.1%)."""
    for i, o in enumerate(twins):
        if o.span[1] > headline_end or o.span in stated or not _same_base(r.base, o.base) \
                or not (r.period == o.period or not o.period) or not _same_subject(r.subject, o.subject, r.rule):
            continue
        if same_head(r.indicator, o.indicator):
            del kept[next(n for n, k in enumerate(kept) if k is o)]
            kept.append(r if r.base or not o.base else replace(r, base=o.base))  # in document order
            twins[i] = kept[-1]
            return True
    return False


def dedupe(records: list[Record], abbr: list[tuple[str, str]] | None = None, headline_end: int = 0) -> list[Record]:
    """One record per fact: a later record with the same figure and a matching name is a repeat.

    ``abbr`` (see :func:`abbreviations`) lets a headline's 制造业PMI repeat the body's
    制造业采购经理指数; the later, written-out name is kept. A repeat that names the base
    the kept record lacks (a headline's 收窄12个基点, the body's 较上年收窄12个基点) lends it.
    A record in the headline (before ``headline_end``, an offset in the original text) that
    the body states under another name with the same head gives way to the body's record;
    two body records are never merged that way.
    """
    abbr = abbr or []
    kept: list[Record] = []
    seen: dict[tuple[Any, ...], list[Record]] = {}
    stated: set[tuple[int, int]] = set()  # headline figures the body repeats under their own name
    for r in records:
        key = (r.measure, r.unit, r.value, r.value_max)
        twins = seen.get(key)
        if twins is None:  # the first record of this figure (most are): nothing it could repeat
            seen[key] = [r]
            kept.append(r)
            continue
        if abbr and _replace_abbreviated(r, twins, kept, abbr):
            continue
        o = next((o for o in twins
                  if same_name(r.indicator, o.indicator)
                  and (r.period == o.period or not r.period or not o.period
                       or (o.span[1] <= headline_end and r.period.startswith(o.period)))
                  and _same_base(r.base, o.base) and _same_subject(r.subject, o.subject, r.rule)
                  and not total_and_part(r.indicator, o.indicator)), None)
        if o is not None:
            fuller = o
            if o.span[1] <= headline_end:
                stated.add(o.span)  # the body states the headline's figure by its name: it stays
                if r.period and o.period and r.period != o.period:
                    fuller = replace(fuller, period=r.period)  # 2026年半年报:…0.86% and 6月末…0.86%: the body's month
            if r.base and not o.base:  # 净息差收窄12个基点 in a headline, 较上年全年收窄12个基点 below: one fact, its base
                fuller = replace(fuller, base=r.base)
            if fuller is not o:
                kept[kept.index(o)] = twins[twins.index(o)] = fuller
            continue
        if headline_end and r.span[0] >= headline_end and _replace_headline(r, twins, kept, headline_end, stated):
            continue
        twins.append(r)
        kept.append(r)
    return kept


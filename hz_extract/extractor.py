"""The extractor: text → indicator records (RECORDS.md).

Per document: clean (offsets kept) → reference year (``published`` or a date line)
→ periods and subjects of the whole text → quantities, minus the noise
(:mod:`hz_extract.rules.noise`) → sentences → for each sentence holding a figure
(or a rank/翻番 word) the rule engine (:mod:`hz_extract.rules.engine`) → subject,
period and modality from the nearest mentions → spans mapped back to the original
→ one record per fact (a repeated headline figure is dropped).

No segmenter is needed: the rules read the words around each figure with regular
expressions, so only sentences with a figure cost anything.

>>> recs = extract("2024年全市数字经济核心产业增加值6305亿元,增长7.1%。")
>>> [(r.indicator, r.measure, r.text) for r in recs]
[('数字经济核心产业增加值', 'level', '6305亿元'), ('数字经济核心产业增加值', 'growth', '7.1%')]
"""
from __future__ import annotations

import datetime as _dt
import logging
from collections.abc import Iterable
from bisect import bisect_left
from dataclasses import replace
from typing import TYPE_CHECKING, Any

import regex

from .records import Record

if TYPE_CHECKING:  # pragma: no cover
    from .clean import Cleaned
    from .periods import PeriodMention
    from .quantities import Quantity
    from .rules.base import Context, Draft
    from .subjects import SubjectMention
    from .tokenize import Token

__all__ = ["Extractor", "extract", "default_extractor"]

log = logging.getLogger("hz_extract")

_RANK_HINT = regex.compile(r"第|榜首|首位|翻(?:了)?[一两二三四1-4]?番|前[\d一二三四五六七八九十]")
_BIGRAMS_MIN = 0.6


class Extractor:
    """The loaded extractor: lexicons and compiled patterns, built once on first use.

    Reusable, and picklable so it can be sent to worker processes: only the user
    additions travel; the lexicons are rebuilt lazily on the other side.

    Args:
        indicators: extra indicator terms (e.g. ``"新能源汽车产量"``): they join the
            heads a 分别 list can share and the tokenizer's dictionary.
        regions: extra region names that can be subjects.
        organisations: extra organisation names that can be subjects.

    >>> ex = Extractor(organisations=["钱江制冷"])
    >>> [r.subject for r in ex.extract("钱江制冷压缩机年产量可达6000万台。")]
    ['钱江制冷']
    """

    def __init__(self, *, indicators: Iterable[str] = (), regions: Iterable[str] = (),
                 organisations: Iterable[str] = ()) -> None:
        self.indicators = tuple(indicators)
        self.regions = tuple(regions)
        self.organisations = tuple(organisations)
        self._lex: Any = None

    def __getstate__(self) -> dict[str, Any]:
        return {"indicators": self.indicators, "regions": self.regions, "organisations": self.organisations}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.indicators = tuple(state.get("indicators", ()))
        self.regions = tuple(state.get("regions", ()))
        self.organisations = tuple(state.get("organisations", ()))
        self._lex = None

    def __repr__(self) -> str:
        return (f"Extractor(indicators={len(self.indicators)}, regions={len(self.regions)}, "
                f"organisations={len(self.organisations)})")

    @property
    def lexicon(self) -> Any:
        """The rule lexicons (loaded on first use)."""
        if self._lex is None:
            from .rules.lexicon import lexicon

            self._lex = lexicon(self.indicators)
        return self._lex

    def tokenize(self, text: str) -> list[Token]:
        """Domain tokens of ``text`` (see :func:`hz_extract.tokenize`), with this extractor's extra terms.

        >>> [t.kind for t in Extractor().tokenize("增长4.0%")][-1]
        'quantity'
        """
        from . import tokenize as _tok

        extra = self.indicators + self.regions + self.organisations
        if extra:
            try:
                return _tok.tokenize(text, extra_terms=extra)  # type: ignore[call-arg]
            except TypeError:
                log.debug("tokenize() takes no extra terms; using the packaged dictionary only")
        return _tok.tokenize(text)

    def extract(self, text: str, *, doc_id: str | None = None,
                published: _dt.date | None = None) -> list[Record]:
        """Every indicator record in ``text``, in document order.

        Args:
            text: the document.
            doc_id: written into each record's ``doc``.
            published: the document's date; resolves 今年/上年 and year-less months
                when the text has no date line of its own.

        Returns:
            The records, one per fact; ``[]`` when there is none.

        >>> [r.value for r in Extractor().extract("全年粮食产量69541万吨。")]
        [Decimal('695410000')]
        """
        if not isinstance(text, str):
            raise TypeError(f"extract() takes str, not {type(text).__name__}")
        if not text.strip():
            return []
        from .clean import clean

        cleaned = clean(text)
        drafts, ctxs = self._drafts(cleaned, published)
        return _dedupe(self._records(cleaned, drafts, ctxs, doc_id))

    # -- internals -------------------------------------------------------------

    def _drafts(self, cleaned: Cleaned, published: _dt.date | None) -> tuple[list[Draft], list[Context]]:
        from .periods import find_periods, reference_year
        from .quantities import find_quantities
        from .rules import engine, noise
        from .rules.base import Context, Slot
        from .segment import split_clauses, split_sentences
        from .subjects import find_subjects

        t = cleaned.text
        lex = self.lexicon
        quantities = [q for q in _complete(find_quantities(t), t) if noise.keep(q, t, lex)]
        year = reference_year(t, published)
        periods = [p for p in find_periods(t, year=year)]
        subjects = find_subjects(t, organisations=self.organisations + self.regions)
        p_starts = [p.start for p in periods]
        s_starts = [s.start for s in subjects]
        drafts: list[Draft] = []
        ctxs: list[Context] = []
        qi = 0
        prev: Context | None = None
        for a, b in split_sentences(t):
            while qi < len(quantities) and quantities[qi].start < a:
                qi += 1
            qs = []
            while qi < len(quantities) and quantities[qi].end <= b:
                qs.append(quantities[qi])
                qi += 1
            if not qs and not _RANK_HINT.search(t, a, b):
                continue
            clauses = split_clauses(t, a, b) or [(a, b)]
            slots = []
            for q in qs:
                k = next((i for i, (ca, cb) in enumerate(clauses) if ca <= q.start < cb), len(clauses) - 1)
                slots.append(Slot(q=q, start=q.start, end=q.end, clause=k, index=len(slots)))
            ctx = Context(text=t, start=a, end=b, clauses=clauses, slots=slots,
                          periods=_within(periods, p_starts, a, b), subjects=_within(subjects, s_starts, a, b),
                          lex=lex, all_periods=periods, all_subjects=subjects)
            if prev is not None and "\n" not in t[prev.end:a]:
                ctx.chain, ctx.chain_measure, ctx.chain_base = prev.chain, prev.chain_measure, prev.chain_base
                ctx.last_base = prev.last_base
            for d in engine.run(ctx):
                drafts.append(d)
                ctxs.append(ctx)
            prev = ctx
        return drafts, ctxs

    def _records(self, cleaned: Cleaned, drafts: list[Draft], ctxs: list[Context],
                 doc_id: str | None) -> list[Record]:
        from .rules import modality
        from .subjects import main_place

        t = cleaned.text
        place: list[str | None] = []
        out: list[Record] = []
        for d, ctx in zip(drafts, ctxs):
            anchor = d.anchor if d.anchor is not None else d.start
            subject = d.subject or self._subject(ctx, anchor, t, place, main_place)
            mention = _period(ctx.all_periods, anchor, t)
            period = d.period if d.period is not None else (mention.value if mention else None)
            if d.base is None and d.measure in ("growth", "change") and (period or mention):
                d.base = _implied_base(period or (mention.text if mention else ""))
            o0, o1 = cleaned.to_original(d.start, d.end)
            s0, s1 = cleaned.to_original(ctx.start, ctx.end)
            out.append(Record(
                doc=doc_id, indicator=d.indicator or "", subject=subject, period=period, measure=d.measure,
                value=d.value, value_max=d.value_max, unit=d.unit, qualifier=d.qualifier, base=d.base,
                modality=modality.decide(ctx, d), text=cleaned.original[o0:o1], span=(o0, o1),
                sentence=cleaned.original[s0:s1], rule=d.rule))
        return out

    @staticmethod
    def _subject(ctx: Context, anchor: int, text: str, place: list[str | None], main_place: Any) -> str | None:
        best: SubjectMention | None = None
        subjects = ctx.all_subjects
        i = _bisect_start(subjects, anchor)
        while i > 0:
            i -= 1
            s = subjects[i]
            if _not_the_subject(text, s) or _aside(text, s.start, s.end, anchor):
                continue
            best = s
            break
        if best is None or best.kind == "local":
            if not place:
                place.append(main_place(text) or _usual_local(subjects))
            return place[0] or (best.name if best is not None else None)
        return best.name


_SCORE = "高分"
_LIST_GLUE = regex.compile(r"\s*(?:、|和|及|与|至|到|-|~)\s*")


def _complete(quantities: list[Quantity], text: str) -> list[Quantity]:
    """Give unit-less numbers the unit their context makes plain.

    ``2.16和1.66个百分点``, ``10.8%、14.2%`` written as ``10.8、14.2%``: a bare number
    listed before a % or 个百分点 figure shares its unit; ``以133.2高分`` is a score.
    """
    out = _split_mixed_ranges(quantities, text)
    for i in range(len(out) - 1, -1, -1):
        q = out[i]
        if q.unit is not None or q.kind != "number":
            continue
        if text.startswith(_SCORE, q.end):
            out[i] = replace(q, unit="分", kind="measure")
            continue
        if i + 1 < len(out):
            nxt = out[i + 1]
            glue = _LIST_GLUE.fullmatch(text, q.end, nxt.start)
            if glue and nxt.kind in ("percent", "pp") and nxt.unit in ("%", "pp") and nxt.value_max is None:
                out[i] = replace(q, unit=nxt.unit, kind=nxt.kind)
    return out


_SPEAKER = regex.compile(r"认为|表示|指出|称|分析|预计|预测|研报|报告|数据显示|统计显示|发布")
_GOVERNED = regex.compile(r"(?:于|比|较|位的|名的|超过|不如|次于|对|向|与)$")


def _not_the_subject(text: str, s: SubjectMention) -> bool:
    """Mentions that are not whose figures follow.

    A name in an enumeration (美团、复星科技、华登国际等; 香洲、金湾和斗门), a source
    that speaks (东吴证券认为…), a name inside a quoted title (“浙江制造天工鼎”) and a
    name governed by a comparison (低于第一位的宁波市) name someone else.
    """
    after = text[s.end:s.end + 4]
    if after[:1] in ("、", "等", "和", "及", "与") or text[s.start - 1:s.start] in ("、", "和", "及", "与"):
        return True
    if s.kind == "org" and _SPEAKER.match(after):
        return True
    quote = text.rfind("“", max(0, s.start - 12), s.start)
    if quote >= 0 and "”" not in text[quote:s.start] and "”" in text[s.end:s.end + 12]:
        return True  # “浙江制造天工鼎”: a name quoted inside a title or an award
    return bool(_GOVERNED.search(text[max(0, s.start - 4):s.start]))


_WHOLE_YEAR = regex.compile(r"^(?:\d{4}|(?:\d{4}|[今去上本当]|全)年(?:度|全年)?)$")


def _implied_base(period: str) -> str:
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


_OPENS, _CLOSES = "(（", ")）"


def _aside(text: str, a: int, b: int, anchor: int) -> bool:
    """Whether ``text[a:b]`` sits in a parenthesis that closes before ``anchor``.

    长三角(含江西)大飞机: 江西 is an aside; so is the 2021 of (经最终核实,2021年…) for
    the figures after the bracket. Looks at most a few hundred characters around.
    """
    before = text[max(0, a - 120):a]
    if sum(before.count(c) for c in _OPENS) <= sum(before.count(c) for c in _CLOSES):
        return False
    after = text[b:min(anchor, b + 400)]
    return sum(after.count(c) for c in _CLOSES) > sum(after.count(c) for c in _OPENS)


def _bisect_start(items: list[Any], pos: int) -> int:
    """Index of the first item starting at or after ``pos`` (items sorted by ``start``)."""
    lo, hi = 0, len(items)
    while lo < hi:
        mid = (lo + hi) // 2
        if items[mid].start < pos:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _within(items: list[Any], starts: list[int], a: int, b: int) -> list[Any]:
    """The mentions starting inside ``[a, b)``."""
    return items[bisect_left(starts, a):bisect_left(starts, b)]


_MIXED_RANGE = regex.compile(r"^(?P<a>.+?(?:个百分点|百分点))(?P<to>至|到)(?P<b>.+%)$")


def _split_mixed_ranges(quantities: list[Quantity], text: str) -> list[Quantity]:
    """``下降0.2个百分点至5.0%`` is a difference and the level it reaches, not a range."""
    from .errors import QuantityError
    from .quantities import parse_quantity

    out: list[Quantity] = []
    for q in quantities:
        m = _MIXED_RANGE.match(q.text) if q.qualifier == "range" else None
        if m is None:
            out.append(q)
            continue
        try:
            a, b = parse_quantity(m.group("a")), parse_quantity(m.group("b"))
        except QuantityError:
            out.append(q)
            continue
        out.append(replace(a, start=q.start, end=q.start + m.end("a")))
        out.append(replace(b, start=q.start + m.start("b"), end=q.end))
    return out


def _period(periods: list[PeriodMention], anchor: int, text: str) -> PeriodMention | None:
    """The nearest period before ``anchor``: in the sentence, else carried over from before it.

    A period whose year is unknown (``1-4月份`` in a text with no date) is returned
    too: its value stays None rather than borrowing an older period's year. A period
    inside a parenthesis closed before ``anchor`` (a revised 2021 figure) does not carry.
    """
    i = _bisect_start(periods, anchor)
    while i > 0:
        i -= 1
        p = periods[i]
        if p.kind != "period" or _aside(text, p.start, p.end, anchor):
            continue
        if text[p.start - 1:p.start] in ("由", "从") and regex.search(r"[,;。]", text[p.end:anchor]):
            continue  # 由上年的9.4:66.8调整为…: a starting point, not the period of what follows
        return p
    return None


def _bigrams(s: str) -> set[str]:
    return {s[i:i + 2] for i in range(len(s) - 1)} or {s}


def same_name(a: str, b: str) -> bool:
    """Whether two names of one figure name the same thing: equal, or spelt alike (bigram Dice ≥ 0.6).

    A name that *holds* the other is a different indicator (人均地区生产总值 is not
    地区生产总值), so containment alone never merges; 规上X and 规模以上X do.

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
        return False
    x, y = _bigrams(a), _bigrams(b)
    return 2 * len(x & y) / (len(x) + len(y)) >= _BIGRAMS_MIN


def _dedupe(records: list[Record]) -> list[Record]:
    """One record per fact: a later record with the same figure and a matching name is a repeat."""
    kept: list[Record] = []
    seen: dict[tuple[Any, ...], list[Record]] = {}
    for r in records:
        key = (r.measure, r.unit, r.value, r.value_max)
        twins = seen.setdefault(key, [])
        if any(same_name(r.indicator, o.indicator) and (r.period == o.period or not r.period or not o.period)
               and (r.base == o.base or not r.base or not o.base)
               and (r.subject == o.subject or not r.subject or not o.subject or r.rule.startswith("rank"))
               for o in twins):
            continue
        twins.append(r)
        kept.append(r)
    return kept


_DEFAULT: Extractor | None = None


def default_extractor() -> Extractor:
    """The process-wide extractor with the packaged lexicons, built on first use."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Extractor()
    return _DEFAULT


def extract(text: str, *, doc_id: str | None = None, published: _dt.date | None = None) -> list[Record]:
    """Indicator records of one document with the default :class:`Extractor`.

    >>> [r.measure for r in extract("2024年全市工业增加值6305亿元,增长7.1%。")]
    ['level', 'growth']
    """
    return default_extractor().extract(text, doc_id=doc_id, published=published)

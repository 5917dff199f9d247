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
from bisect import bisect_right
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import regex

from .clean import clean
from .periods import headline, read_periods
from .quantities import find_quantities
from .records import Record, record_unit
from .rules import engine, modality, noise
from .rules.assemble import Mentions, abbreviations, dedupe, implied_base, same_name, within
from .rules.base import Context, Slot
from .rules.prepare import complete
from .segment import split_clauses, split_sentences
from .subjects import place_in, subjects_in

if TYPE_CHECKING:  # pragma: no cover
    from .clean import Cleaned
    from .rules.base import Draft
    from .tokens import Token

__all__ = ["Extractor", "extract", "default_extractor", "same_name"]

log = logging.getLogger("hz_extract")

_NAMES_KEPT = 4096
"""Canonical indicator names an extractor keeps at most (a small pure lookup, cleared when full)."""
_RANK_HINT = regex.compile(r"第|榜首|首位|翻(?:了)?[一两二三四1-4]?番|前[\d一二三四五六七八九十]")


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
        self._names: dict[tuple[str, bool], str] = {}

    def __getstate__(self) -> dict[str, Any]:
        return {"indicators": self.indicators, "regions": self.regions, "organisations": self.organisations}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.indicators = tuple(state.get("indicators", ()))
        self.regions = tuple(state.get("regions", ()))
        self.organisations = tuple(state.get("organisations", ()))
        self._lex = None
        self._names = {}

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
        from .tokens import tokenize

        return tokenize(text, extra_terms=self.indicators + self.regions + self.organisations)

    def extract(self, text: str, *, doc_id: str | None = None,
                published: _dt.date | str | None = None) -> list[Record]:
        """Every indicator record in ``text``, in document order.

        Args:
            text: the document.
            doc_id: written into each record's ``doc``.
            published: the document's date (a ``datetime.date``, or an ISO string
                such as ``"2024-05-31"``); resolves 今年/上年 and year-less months
                when the text has no date line of its own.

        Returns:
            The records, one per fact; ``[]`` when there is none.

        >>> [r.value for r in Extractor().extract("全年粮食产量69541万吨。")]
        [Decimal('695410000')]
        """
        if not isinstance(text, str):
            raise TypeError(f"extract() takes str, not {type(text).__name__}")
        published = as_date(published) if published is not None else None
        if not text or text.isspace():  # what strip() would empty, without the copy
            return []
        cleaned = clean(text)
        sentences = self._drafts(cleaned, published)
        head = headline(cleaned.text) if sentences else (0, 0)
        records = self._records(cleaned, sentences, doc_id, head)
        if len(records) > 1:  # a lone record repeats nothing
            headline_end = cleaned.to_original(0, head[0])[1] if head[0] else 0
            records = dedupe(records, abbreviations(cleaned.text), headline_end)
        log.debug("extract %s: %d characters, %d sentences with drafts, %d records", doc_id, len(text),
                  len(sentences), len(records))
        return records

    # -- internals -------------------------------------------------------------

    def _drafts(self, cleaned: Cleaned, published: _dt.date | None) -> list[tuple[Context, list[Draft]]]:
        """Every sentence that states something, with its drafts (in text order)."""
        t = cleaned.text  # cleaned once, here: every layer below reads this text as it is
        lex = self.lexicon
        quantities = [q for q in complete(find_quantities(t), t) if noise.keep(q, t, lex)]
        if not quantities and _RANK_HINT.search(t) is None:
            return []  # no figure and no rank word: no sentence states anything
        _, periods = read_periods(t, published)
        subjects = list(subjects_in(t, self.organisations, self.regions))
        p_starts = [p.start for p in periods]
        s_starts = [s.start for s in subjects]
        sentences: list[tuple[Context, list[Draft]]] = []
        qi, n = 0, len(quantities)
        prev: Context | None = None
        for a, b in split_sentences(t):
            while qi < n and quantities[qi].start < a:
                qi += 1
            qs = []
            while qi < n and quantities[qi].end <= b:
                qs.append(quantities[qi])
                qi += 1
            if not qs and not _RANK_HINT.search(t, a, b):
                continue
            clauses = split_clauses(t, a, b) or [(a, b)]
            slots: list[Slot] = []
            starts = [ca for ca, _ in clauses]
            for q in qs:
                k = max(0, bisect_right(starts, q.start) - 1)
                slots.append(Slot(q, q.start, q.end, k, len(slots)))  # q, start, end, clause, index
            ctx = Context(text=t, start=a, end=b, clauses=clauses, slots=slots,
                          periods=within(periods, p_starts, a, b), subjects=within(subjects, s_starts, a, b),
                          lex=lex, all_periods=periods, all_subjects=subjects)
            if prev is not None and t.find("\n", prev.end, a) < 0:
                ctx.chain, ctx.chain_measure, ctx.chain_base = prev.chain, prev.chain_measure, prev.chain_base
                ctx.last_base, ctx.last_change_base = prev.last_base, prev.last_change_base
                ctx.last_pp_base = prev.last_pp_base
            drafts = engine.run(ctx)
            if drafts:
                sentences.append((ctx, drafts))
            prev = ctx
        return sentences

    def _records(self, cleaned: Cleaned, sentences: list[tuple[Context, list[Draft]]],
                 doc_id: str | None, head: tuple[int, int] = (0, 0)) -> list[Record]:
        """The records of the sentences' drafts: subject, period, modality and original spans settled.

        ``head`` is the headline's end and the body's start (:func:`hz_extract.periods.headline`):
        a headline figure with no period before it takes the first period of the body's first
        sentence (外贸进出口增长8.7% over 今年前4个月,…增长8.7%).
        """
        if not sentences:
            return []

        t = cleaned.text
        first = sentences[0][0]
        mentions = first.all_subjects

        def main_place() -> str | None:
            # The article's place is told from the mentions found without the user's additions.
            plain = mentions if not (self.organisations or self.regions) else subjects_in(t)
            return place_in(t, plain)

        # An organisation on the date line under a headline (东钱证券研究所 市场周报 2025-11-22) is who
        # publishes the text, not whose figures it reports.
        byline = [s for s in mentions if head[0] < s.start < head[1] and s.kind == "org"] if head[0] else []
        look = Mentions(t, [s for s in mentions if s not in byline] if byline else mentions, first.all_periods,
                        main_place)
        lead = _lead_period(t, first.all_periods, head[1]) if head[0] else None
        canonical, names = self.lexicon.canonical, self._names
        original, to_original = cleaned.original, cleaned.to_original
        out: list[Record] = []
        for ctx, drafts in sentences:  # what is the sentence's is read once
            modal = modality.Sentence(ctx)
            a, b = ctx.start, ctx.end
            s0, s1 = to_original(a, b)
            sentence = original[s0:s1]
            # Offsets strictly increase: a sentence as long as its original kept every character,
            # and a span inside it maps by one shift.
            shift = s0 - a if s1 - s0 == b - a else None
            for d in drafts:
                anchor = d.anchor if d.anchor is not None else d.start
                subject = d.subject or look.subject(anchor)
                mention = look.period(anchor)
                if mention is None and d.start < head[0]:
                    mention = lead
                period = d.period if d.period is not None else (mention.value if mention else None)
                if d.base is None and d.measure in ("growth", "change") and (period or mention):
                    d.base = implied_base(period or (mention.text if mention else ""))
                if shift is not None and a <= d.start < d.end <= b:
                    o0, o1 = d.start + shift, d.end + shift
                else:
                    o0, o1 = to_original(d.start, d.end)
                key = (d.indicator or "", subject == "全国")  # (name, national) → the name a record carries
                indicator = names.get(key)
                if indicator is None:
                    if len(names) >= _NAMES_KEPT:
                        names.clear()
                    indicator = names[key] = canonical(*key)
                out.append(Record(  # positionally, in RECORD_FIELDS order (thousands a document)
                    doc_id, indicator, subject, period, d.measure, d.value, d.value_max,
                    record_unit(d.unit) if d.unit and "/" in d.unit else d.unit, d.qualifier,
                    d.base, modal.decide(d), original[o0:o1], (o0, o1), sentence, d.rule))
        return out


_SENTENCE_END = ("。", "!", "?", "！", "？", ";", "\n")


def _lead_period(text: str, periods: list[Any], body: int) -> Any:
    """The first period named in the body's first sentence (starting at ``body``), or None."""
    n = len(text)
    while body < n and text[body].isspace():
        body += 1
    ends = [e for e in (text.find(c, body) for c in _SENTENCE_END) if e >= 0]
    stop = min(ends) if ends else len(text)
    for p in periods:
        if p.start >= stop:
            break
        if p.start >= body and p.kind == "period":
            return p
    return None


def as_date(value: object, *, where: str = "published") -> _dt.date | None:
    """``value`` as a date: ``None``/``""`` stay ``None``, a date (or datetime's day) passes,
    a string holding a date (``2024-05-31``, ``2024/11/18 20:43``, ``2024年11月18日``) is
    read (:func:`hz_extract.sources.parse_date`); anything else is an
    :class:`~hz_extract.errors.InputError` naming ``where``.

    >>> as_date("2024-05-31 08:00")
    datetime.date(2024, 5, 31)
    """
    from .sources import parse_date

    date = parse_date(value)
    if date is not None or value is None or value == "":
        return date
    from .errors import InputError

    raise InputError(f"{where}={value!r} is not a date: pass a datetime.date or an ISO date such as '2024-05-31'")


_DEFAULT: Extractor | None = None


def default_extractor() -> Extractor:
    """The process-wide extractor with the packaged lexicons, built on first use."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Extractor()
    return _DEFAULT


def extract(text: str, *, doc_id: str | None = None, published: _dt.date | str | None = None) -> list[Record]:
    """Indicator records of one document with the default :class:`Extractor`.

    >>> [r.measure for r in extract("2024年全市工业增加值6305亿元,增长7.1%。")]
    ['level', 'growth']
    """
    return default_extractor().extract(text, doc_id=doc_id, published=published)

"""hz_extract as a spaCy pipeline component: the only module of the package that imports spaCy.

``nlp.add_pipe("hz_extract")`` (after ``import hz_extract`` or through the
``spacy_factories`` entry point) adds a component that runs :class:`Extractor` on
``doc.text`` and leaves its findings on the ``Doc``:

* ``doc._.hz_records``: the :class:`~hz_extract.records.Record` list ``extract`` returns;
* ``doc.spans["hz_quantities"]`` (label: the quantity's kind, ``money``, ``percent`` …),
  ``["hz_indicators"]`` (label: the record's measure), ``["hz_subjects"]`` (label:
  the subject's kind, ``region``, ``org`` …) and ``["hz_periods"]`` (label: the
  period's kind, ``period``, ``base``, ``date``); each span's ``kb_id_`` holds the
  normal form: ``440000000000 元``, the indicator, ``杭州``, ``2024-11``.

Records are kept in ``doc.user_data`` as plain dicts (exact decimals as strings) so
that a ``Doc`` survives ``Doc.to_bytes`` and ``nlp.pipe(..., n_process=2)``; the
``hz_records`` extension rebuilds ``Record`` objects on access. Spans use
``alignment_mode="expand"``: a mention that a jieba token cuts through still gets a
span, made of the tokens it touches.
"""
from __future__ import annotations

import dataclasses
import logging
from collections.abc import Iterable
from decimal import Decimal
from typing import Any, List, Optional

from spacy.language import Language
from spacy.tokens import Doc, Span

from .extractor import Extractor, as_date
from .records import Record

__all__ = ["HzExtractComponent", "make_component", "register_extensions", "records_of",
           "SPAN_KEYS", "RECORDS_KEY"]

log = logging.getLogger("hz_extract")

#: ``doc.user_data`` key under which records are stored as plain dicts.
RECORDS_KEY = "hz_extract.records"
#: The span groups the component fills.
SPAN_KEYS = ("hz_quantities", "hz_indicators", "hz_subjects", "hz_periods")

_RECORD_FIELDS = tuple(f.name for f in dataclasses.fields(Record))
_DECIMAL_FIELDS = ("value", "value_max")


def _record_to_data(record: Record) -> dict[str, Any]:
    """A msgpack-safe dict of ``record``: decimals as exact strings, the span as a list."""
    data: dict[str, Any] = {name: getattr(record, name) for name in _RECORD_FIELDS}
    for name in _DECIMAL_FIELDS:
        if data[name] is not None:
            data[name] = str(data[name])
    data["span"] = [int(record.span[0]), int(record.span[1])]
    return data


def _record_from_data(data: dict[str, Any]) -> Record:
    """Inverse of :func:`_record_to_data`."""
    kwargs = {name: data.get(name) for name in _RECORD_FIELDS}
    for name in _DECIMAL_FIELDS:
        if kwargs[name] is not None:
            kwargs[name] = Decimal(kwargs[name])
    kwargs["span"] = (int(data["span"][0]), int(data["span"][1]))
    return Record(**kwargs)


def records_of(doc: Doc) -> list[Record]:
    """The records the component stored on ``doc`` (``[]`` before it ran); getter of ``doc._.hz_records``.

    >>> records_of(nlp("增加值6305亿元,增长7.1%。"))  # doctest: +SKIP
    [Record(..., measure='level', ...), Record(..., measure='growth', ...)]
    """
    return [_record_from_data(d) for d in doc.user_data.get(RECORDS_KEY, ())]


def register_extensions() -> None:
    """Register the ``Doc`` extensions of hz_extract; safe to call any number of times.

    ``hz_records`` (read-only, getter), ``hz_published`` (per-document ISO date that
    overrides the component's ``published`` setting) and ``hz_doc_id`` (per-document
    id copied into each record's ``doc`` field).

    >>> register_extensions(); register_extensions()
    >>> Doc.has_extension("hz_records")
    True
    """
    if not Doc.has_extension("hz_records"):
        Doc.set_extension("hz_records", getter=records_of)
    if not Doc.has_extension("hz_published"):
        Doc.set_extension("hz_published", default=None)
    if not Doc.has_extension("hz_doc_id"):
        Doc.set_extension("hz_doc_id", default=None)


def _char_span(doc: Doc, start: int, end: int, label: str, kb_id: str = "") -> Span | None:
    """The span of the tokens touching ``doc.text[start:end]``, even when a token cuts through it."""
    span = doc.char_span(start, end, label=label, kb_id=kb_id, alignment_mode="expand")
    if span is not None:
        return span
    # Offsets inside whitespace that no token covers: fall back to the tokens that overlap.
    first = last = None
    for token in doc:
        if token.idx < end and token.idx + len(token.text) > start:
            first = token.i if first is None else first
            last = token.i
    if first is None or last is None:
        log.debug("no token overlaps %d:%d; span %r dropped", start, end, doc.text[start:end])
        return None
    return Span(doc, first, last + 1, label=label, kb_id=kb_id)


_REACH = 300  # an indicator is named within this many characters of its figure


def _window(text: str, record: Record) -> tuple[int, int]:
    """Offsets of the record's sentence in ``text`` (its line when the sentence is not found).

    Clipped to :data:`_REACH` characters either side of the figure, so a huge
    unpunctuated line costs no more than a normal sentence.
    """
    start, end = record.span
    sentence = record.sentence or ""
    pos = text.find(sentence, max(0, end - len(sentence))) if sentence else -1
    if 0 <= pos <= start and pos + len(sentence) >= end:
        w_start, w_end = pos, pos + len(sentence)
    else:
        w_start = text.rfind("\n", max(0, start - _REACH), start) + 1 or max(0, start - _REACH)
        line_end = text.find("\n", end, end + _REACH)
        w_end = min(len(text), end + _REACH) if line_end < 0 else line_end
    return max(w_start, start - _REACH), min(w_end, end + _REACH)


def indicator_offsets(text: str, record: Record) -> tuple[int, int] | None:
    """Where ``record.indicator`` is named in its sentence, nearest to the figure; ``None`` if nowhere.

    A distributed list (``集成电路、汽车仪器仪表产量分别增长…`` → ``集成电路产量``) names
    only part of the indicator at the item: the longest part (two characters or more)
    found in the sentence is used.

    >>> indicator_offsets("增加值6305亿元", record_for_6305)  # doctest: +SKIP
    (0, 3)
    """
    name = record.indicator or ""
    w_start, w_end = _window(text, record)
    window = text[w_start:w_end]
    q_start, q_end = record.span
    for size in range(len(name), 1, -1):
        best: tuple[int, int, int] | None = None  # (distance to the figure, start, end)
        for i in range(len(name) - size + 1):
            part = name[i:i + size]
            pos = window.find(part)
            while pos >= 0:
                s, e = w_start + pos, w_start + pos + size
                if e <= q_start or s >= q_end:  # never inside the figure itself
                    distance = q_start - e if e <= q_start else s - q_end
                    if best is None or distance < best[0]:
                        best = (distance, s, e)
                pos = window.find(part, pos + 1)
        if best is not None:
            return best[1], best[2]
    return None


class HzExtractComponent:
    """The pipeline component: runs the extractor on ``doc.text`` and fills spans and records.

    Args:
        nlp: the pipeline (its vocab is not needed; kept for spaCy's signature).
        name: the component's name in the pipeline.
        indicators, regions, organisations: extra lexicon entries for :class:`Extractor`.
        published: ISO date resolving relative periods in every document, or ``None``
            to use each document's own date line (``doc._.hz_published`` overrides it).
    """

    def __init__(self, nlp: Language | None = None, name: str = "hz_extract", *,
                 indicators: Iterable[str] = (), regions: Iterable[str] = (),
                 organisations: Iterable[str] = (), published: str | None = None) -> None:
        register_extensions()
        self.name = name
        self.organisations = tuple(organisations)
        self.regions = tuple(regions)
        self.published = as_date(published, where=f"[components.{name}] published")
        self.extractor = Extractor(indicators=indicators, regions=self.regions,
                                   organisations=self.organisations)

    def __call__(self, doc: Doc) -> Doc:
        """Extract from ``doc.text`` and store the results on ``doc``."""
        from .periods import find_periods, reference_year
        from .quantities import find_quantities
        from .subjects import find_subjects

        text = doc.text
        published = as_date(doc._.hz_published, where="doc._.hz_published") or self.published
        records = self.extractor.extract(text, doc_id=doc._.hz_doc_id, published=published)
        doc.user_data[RECORDS_KEY] = [_record_to_data(r) for r in records]

        # (start, end, label, kb_id): the label says the kind or measure, kb_id the normal form
        quantities = [(q.start, q.end, q.kind, f"{q.value} {q.unit or ''}".strip())
                      for q in find_quantities(text)]
        indicators: list[tuple[int, int, str, str]] = []
        for r in records:
            at = indicator_offsets(text, r)
            if at is not None and (*at, r.measure, r.indicator) not in indicators:
                indicators.append((*at, r.measure, r.indicator))
        subjects = [(m.start, m.end, m.kind, m.name)
                    for m in find_subjects(text, organisations=self.organisations,
                                                regions=self.regions)]
        periods = [(m.start, m.end, getattr(m, "kind", "period"), m.value or "")
                   for m in find_periods(text, year=reference_year(text, published))]
        for key, mentions in zip(SPAN_KEYS, (quantities, indicators, subjects, periods)):
            spans = [_char_span(doc, *mention) for mention in sorted(mentions)]
            doc.spans[key] = [span for span in spans if span is not None]
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterable[Doc]:
        """Process a stream of documents one by one."""
        for doc in docs:
            yield self(doc)


@Language.factory(
    "hz_extract",
    default_config={"indicators": [], "regions": [], "organisations": [], "published": None},
)
def make_component(nlp: Language, name: str, indicators: List[str], regions: List[str],
                   organisations: List[str], published: Optional[str]) -> HzExtractComponent:
    """The ``hz_extract`` factory; settings come from ``[components.<name>]`` in the config.

    >>> nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})  # doctest: +SKIP
    >>> nlp.add_pipe("hz_extract", config={"organisations": ["钱江制冷"]})  # doctest: +SKIP
    """
    return HzExtractComponent(nlp, name, indicators=indicators, regions=regions,
                              organisations=organisations, published=published)

"""The review page: one self-contained HTML file showing an article with what was extracted from it.

:func:`render_html` highlights every record's span in the article (colour = measure),
shows quantities that produced no record in grey, and lists the records in a table;
the page's own inline script links rows and highlights both ways. The page makes no
network request: CSS and script are inline, fonts are the system's CJK fonts.

Overlapping spans are cut at every boundary into pieces; each piece lists all the
records that cover it (``data-recs``), so nothing is lost when spans nest or cross.
"""
from __future__ import annotations

import bisect
import functools
import html
import importlib.resources
import logging
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

import regex

from .records import MEASURES, Record

if TYPE_CHECKING:  # pragma: no cover
    from .quantities import Quantity

__all__ = ["render_html", "format_value", "exact_value"]

log = logging.getLogger("hz_extract")

_PLACEHOLDER = regex.compile(r"\{\{([A-Z_]+)\}\}")
_NEWLINES = regex.compile(r"(?:\r?\n)+")
_MAGNITUDES = ((Decimal(10) ** 12, "万亿"), (Decimal(10) ** 8, "亿"), (Decimal(10) ** 4, "万"))
_SUFFIX_UNITS = {"%": "%", "pp": " pp"}
_QUALIFIER_LABELS = {
    "exact": "", "more_than": "more than", "less_than": "less than", "nearly": "nearly",
    "approx": "about", "up_to": "up to", "range": "range",
}
_MEASURE_LABELS = {
    "level": "level", "growth": "growth", "change": "change", "share": "share",
    "pp_diff": "pp difference", "rank": "rank", "multiple": "multiple",
}


def _plain(d: Decimal) -> str:
    """``d`` in positional notation, as precise as written (4.0 stays ``4.0``), never ``4E+2``."""
    text = format(d, "f")
    return "0" if text in ("-0", "-0.0") else text


def _scale(values: Sequence[Decimal]) -> tuple[Decimal, str]:
    """The Chinese magnitude (万亿, 亿, 万) that reads the largest of ``values`` best."""
    top = max(abs(v) for v in values)
    for size, word in _MAGNITUDES:
        if top >= size:
            return size, word
    return Decimal(1), ""


def _scaled(d: Decimal, size: Decimal) -> str:
    """``d / size`` without trailing zeros (4.4E+11 / 1E8 → ``4400``)."""
    if size == 1:
        return _plain(d)
    q = (d / size).normalize()
    return _plain(q if q != q.to_integral_value() else q.quantize(Decimal(1)))


def format_value(value: Decimal, value_max: Decimal | None, unit: str | None,
                 measure: str | None = None, qualifier: str = "exact") -> str:
    """A figure as a reader writes it: 4400亿元, 28.8%, 2.4 pp, 6000万台, 1.5倍, 第1.

    >>> format_value(Decimal("440000000000"), None, "元")
    '4400亿元'
    >>> format_value(Decimal("2.4"), None, "pp"), format_value(Decimal("1"), None, None, "rank")
    ('2.4 pp', '第1')
    """
    values = [value] if value_max is None else [value, value_max]
    if unit in _SUFFIX_UNITS or unit == "倍":
        suffix = _SUFFIX_UNITS.get(unit, unit or "")
        return "–".join(_plain(v) for v in values) + suffix
    if unit is None and measure == "rank":
        prefix = "前" if qualifier == "up_to" else "第"
        return prefix + "–".join(_plain(v) for v in values)
    size, word = _scale(values)
    return "–".join(_scaled(v, size) for v in values) + word + (unit or "")


def exact_value(value: Decimal, value_max: Decimal | None, unit: str | None) -> str:
    """The exact base-unit figure, digits grouped: ``440,000,000,000 元``.

    >>> exact_value(Decimal("1000000"), Decimal("2000000"), "元")
    '1,000,000–2,000,000 元'
    """
    values = [value] if value_max is None else [value, value_max]
    figure = "–".join(format(v, ",f") for v in values)
    return f"{figure} {unit}" if unit else figure


@functools.lru_cache(maxsize=1)
def _template() -> str:
    """The page skeleton with its inline CSS and script, read once from the package."""
    return (importlib.resources.files("hz_extract") / "templates" / "review.html").read_text("utf-8")


def _e(s: object) -> str:
    """Escape for HTML text and double-quoted attributes."""
    return html.escape("" if s is None else str(s), quote=True)


def _measure_class(measure: str) -> str:
    return f"m-{measure}" if measure in MEASURES else "m-other"


def _clamp(span: tuple[int, int], n: int) -> tuple[int, int]:
    start = min(max(int(span[0]), 0), n)
    return start, min(max(int(span[1]), start), n)


def _record_title(i: int, r: Record) -> str:
    """Tooltip for a highlight: what each covering record says."""
    parts = [r.indicator or "?", r.subject or "—", r.period or "—",
             _MEASURE_LABELS.get(r.measure, r.measure),
             format_value(r.value, r.value_max, r.unit, r.measure, r.qualifier)]
    return f"#{i} " + " · ".join(parts)


def _record_spans(records: Sequence[Record], n: int) -> list[tuple[int, int, int]]:
    """``(start, end, number)`` of every record with a non-empty span, clamped to the text."""
    spans = [(*_clamp(r.span, n), i) for i, r in enumerate(records, 1)]
    return [(s, e, i) for s, e, i in spans if e > s]


def _orphans(quantities: Sequence[Quantity], rec_spans: Sequence[tuple[int, int, int]],
             n: int) -> list[tuple[int, int, Quantity]]:
    """The quantities that overlap no record span (merged record intervals, binary search)."""
    merged: list[list[int]] = []
    for s, e, _ in sorted(rec_spans):
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    starts = [m[0] for m in merged]
    out = []
    for q in quantities:
        s, e = _clamp((q.start, q.end), n)
        k = bisect.bisect_left(starts, e) - 1  # the last merged interval starting before e
        if e > s and not (k >= 0 and merged[k][1] > s):
            out.append((s, e, q))
    return out


def _article_html(text: str, records: Sequence[Record], rec_spans: Sequence[tuple[int, int, int]],
                  orphans: Sequence[tuple[int, int, Quantity]]) -> str:
    """The article with record spans and record-less quantities wrapped, overlaps cut into pieces.

    One sweep over the cut points keeps the set of spans open at each piece, so a long
    article with many records stays linear in practice.
    """
    n = len(text)
    opening: dict[int, list[tuple[str, int]]] = {}
    closing: dict[int, list[tuple[str, int]]] = {}
    for s, e, i in rec_spans:
        opening.setdefault(s, []).append(("r", i))
        closing.setdefault(e, []).append(("r", i))
    for j, (s, e, _) in enumerate(orphans):
        opening.setdefault(s, []).append(("q", j))
        closing.setdefault(e, []).append(("q", j))
    cuts = sorted({0, n, *opening, *closing})
    active_recs: set[int] = set()
    active_orphans: set[int] = set()
    out: list[str] = []
    for a, b in zip(cuts, cuts[1:]):
        for kind, key in closing.get(a, ()):
            (active_recs if kind == "r" else active_orphans).discard(key)
        for kind, key in opening.get(a, ()):
            (active_recs if kind == "r" else active_orphans).add(key)
        piece = _e(text[a:b])
        if active_recs:
            covering = sorted(active_recs)
            first = records[covering[0] - 1]
            classes = f"hl {_measure_class(first.measure)}" + (" multi" if len(covering) > 1 else "")
            title = "\n".join(_record_title(i, records[i - 1]) for i in covering)
            out.append(f'<a class="{classes}" href="#rec-{covering[0]}" '
                       f'data-recs="{" ".join(map(str, covering))}" data-start="{a}" data-end="{b}" '
                       f'title="{_e(title)}">{piece}</a>')
        elif active_orphans:
            quantity = orphans[min(active_orphans)][2]
            title = (f"no record from this quantity ({quantity.kind}): "
                     f"{exact_value(quantity.value, quantity.value_max, quantity.unit)}")
            out.append(f'<span class="hl q-only" data-start="{a}" data-end="{b}" '
                       f'title="{_e(title)}">{piece}</span>')
        else:  # line breaks become paragraph gaps (the characters stay in the page's text)
            out.append(_NEWLINES.sub(lambda m: f'<span class="nl">{m.group()}</span>', piece))
    return "".join(out)


def _rows_html(text: str, records: Sequence[Record]) -> str:
    """One table row per record, in the order given."""
    rows = []
    for i, r in enumerate(records, 1):
        start, end = _clamp(r.span, len(text))
        if text[start:end] != r.text:
            log.warning("record #%d: span %s does not slice its text %r", i, r.span, r.text)
        shown = format_value(r.value, r.value_max, r.unit, r.measure, r.qualifier)
        exact = exact_value(r.value, r.value_max, r.unit)
        measure = _MEASURE_LABELS.get(r.measure, r.measure)
        modality = "" if r.modality == "actual" else f' <span class="modality">{_e(r.modality)}</span>'
        rows.append(
            f'<tr id="rec-{i}" data-rec="{i}" data-start="{start}" data-end="{end}" tabindex="0" '
            f'title="{_e(r.rule)}: {_e(r.sentence)}">'
            f'<td class="n">{i}</td><td>{_e(r.indicator)}</td>'
            f'<td class="nowrap">{_e(r.subject or "—")}</td><td class="nowrap">{_e(r.period or "—")}</td>'
            f'<td><span class="chip {_measure_class(r.measure)}">{_e(measure)}</span>{modality}</td>'
            f'<td class="value" title="{_e(exact)}">{_e(shown)}</td>'
            f'<td class="nowrap">{_e(_QUALIFIER_LABELS.get(r.qualifier, r.qualifier))}</td>'
            f'<td class="nowrap">{_e(r.base or "")}</td><td class="surface">{_e(r.text)}</td></tr>')
    if not rows:
        rows.append('<tr class="empty"><td colspan="9">No record was extracted from this text.</td></tr>')
    return "\n".join(rows)


def _legend_html(records: Sequence[Record], orphan_count: int) -> str:
    """The colour legend, with how many records of each measure the page shows."""
    items = []
    for m in MEASURES:
        count = sum(1 for r in records if r.measure == m)
        items.append(f'<li><span class="swatch hl {_measure_class(m)}">{_e(_MEASURE_LABELS[m])}</span>'
                     f' <span class="count">{count}</span></li>')
    items.append(f'<li><span class="swatch hl q-only">quantity, no record</span>'
                 f' <span class="count">{orphan_count}</span></li>')
    return "\n".join(items)


def render_html(text: str, records: Sequence[Record] | None = None, *, title: str | None = None) -> str:
    """One self-contained HTML review page for ``text`` (no network requests, inline CSS and script).

    Args:
        text: the article, exactly as the records' spans index it.
        records: the records to show; ``None`` runs :func:`hz_extract.extract` on ``text``.
        title: the page title; by default the article's first non-empty line.

    Returns:
        The page as a string (write it with ``encoding="utf-8"``).

    >>> page = render_html("2024年全市工业增加值6305亿元,增长7.1%。")
    >>> page.startswith("<!DOCTYPE html>")
    True
    """
    if not isinstance(text, str):
        raise TypeError(f"render_html() takes str, not {type(text).__name__}")
    from .quantities import find_quantities

    if records is None:
        from .extractor import extract

        records = extract(text)
    records = list(records)
    quantities = find_quantities(text)
    if title is None:
        title = next((line.strip() for line in text.splitlines() if line.strip()), "")[:80]
    title = title or "hz_extract review"
    rec_spans = _record_spans(records, len(text))
    orphans = _orphans(quantities, rec_spans, len(text))
    parts = {
        "TITLE": _e(title),
        "SUMMARY": _e(f"{len(records)} records · {len(orphans)} quantities without a record · "
                      f"{len(text)} characters"),
        "LEGEND": _legend_html(records, len(orphans)),
        "ARTICLE": _article_html(text, records, rec_spans, orphans),
        "ROWS": _rows_html(text, records),
    }
    return _PLACEHOLDER.sub(lambda m: parts[m.group(1)], _template())

"""Precision filters: quantities that are never indicator figures.

Dropped before any rule runs: figures without a unit (list numbers 1、, codes
“1155”, ratios 2.7:54.8:42.5, phone and licence numbers), units that count plan
levels, floors, routes or durations (5级指引, 三年行动计划; rule_units.json
'skip'), figures glued to Latin letters (5G, B2-W, PM2.5), places (250米处),
ordinals (第1位: ranks are read by rank.py), clock times (18点30分), small counts
written only in Chinese numerals (两个服务台, 五大产业生态圈, 长三角 — statistical
figures are written in digits), bare magnitudes (距离万亿元规模), 翻番 (read by
multiple.py), and table cells (a line with no words around its figure, or a row
with cell separators).

>>> from hz_extract.quantities import find_quantities
>>> from hz_extract.rules.lexicon import lexicon
>>> t = "离公交中心站250米处,设5级指引,年产值2.5亿元"
>>> [q.text for q in find_quantities(t) if keep(q, t, lexicon())]
['2.5亿元']
"""
from __future__ import annotations

import regex

from ..quantities import Quantity
from .lexicon import Lexicon

__all__ = ["FAMILY", "keep"]

FAMILY = "noise"

_DIGIT = regex.compile(r"\d")
_HAN = regex.compile(r"\p{Han}")
_LATIN = regex.compile(r"[A-Za-z]")
_MAGNITUDE_FIRST = regex.compile(r"^(?:超过|突破|迈向|近)?[十百千万亿]")


_WINDOW = 24


def _line(text: str, start: int, end: int) -> str:
    """The line around ``text[start:end]``, at most :data:`_WINDOW` characters either side."""
    lo = max(0, start - _WINDOW)
    a = text.rfind("\n", lo, start) + 1 or lo
    a = max(a, lo)
    hi = min(len(text), end + _WINDOW)
    b = text.find("\n", end, hi)
    return text[a:b if b >= 0 else hi]


def keep(q: Quantity, text: str, lex: Lexicon) -> bool:
    """Whether quantity ``q`` (offsets into the cleaned ``text``) may carry a record."""
    if q.kind == "ordinal" or q.unit is None:
        return False
    if q.unit in lex.skip_units:
        return False
    before = text[q.start - 1] if q.start > 0 else ""
    after = text[q.end:q.end + 2]
    if before == "第" or _LATIN.match(before) or (after[:1] and _LATIN.match(after[:1]) and q.kind != "percent"):
        return False
    if before in "-－/" and q.start > 1 and text[q.start - 2].isalnum():
        return False
    if after.startswith(lex.place_after):
        return False
    if q.unit in ("分", "分钟") and before in "点时:":
        return False
    if "番" in q.text:
        return False  # 翻番 is read by multiple.py, with its own gates
    if not _DIGIT.search(q.text):
        if q.kind in ("measure", "number", "money") and q.value < 100:
            return False
        if _MAGNITUDE_FIRST.match(q.text):
            return False  # 万亿元规模, 千亿级: a threshold named, not a figure
    line = _line(text, q.start, q.end)
    if len(_HAN.findall(line.replace(q.text, ""))) < 2:
        return False
    if line.count("|") >= 2 or line.count("\t") >= 2:
        return False  # a table row flattened into text: out of scope (RECORDS.md)
    return True

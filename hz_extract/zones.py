"""Development zones and scenic areas named in text: places that are no division of ``data/regions.tsv``.

A zone is a name ending in a zone word of ``data/zones.txt`` (江北新区, 西安高新区,
滨江高新区); the name is read back from the word over the proper names before it (the
segmenter's place, person and other proper-name tags, and region names) until it has two characters, so
从江北新区 gives 江北新区, 杭州滨江高新区 gives 滨江高新区 (in 杭州), and 41家A级景区
gives nothing. A zone word standing alone at the start of a clause
(新区共签约项目187个) refers to the last zone of that kind named before it (or the
first named after, as in a date line under a headline). A scenic area (瘦西湖景区)
is found the same way; it owns only the figures of its own clause.

>>> [(a, b, name, level) for a, b, name, level in find_zones("江北新区前三季度。新区共签约项目187个")]
[(0, 4, '江北新区', 'zone'), (9, 11, '江北新区', 'zone')]
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any

import regex

from ._data import read_sections

__all__ = ["find_zones", "zone_words"]

_NAME_POS = frozenset({"ns", "nr", "nrt", "nrfg", "nz", "j", "x"})
_MAX_NAME = 4
_MAX_RUN = 5
_NOT_FIRST = frozenset("全各该本这那每多几其")
_STATE: dict[str, Any] = {}


def _patterns() -> dict[str, Any]:
    pats = _STATE.get("pats")
    if pats is None:
        lex = read_sections("zones.txt")

        from .organisations import _word_scan

        pats = _STATE["pats"] = {
            "word": _word_scan(tuple(lex["zones"]), tuple(lex["scenic"])),
            "zones": frozenset(lex["zones"]),
            "run_back": regex.compile(r"(?r)\p{Han}{1,8}$"),
            "generic": frozenset(lex["generic"]),
        }
    return pats


def zone_words() -> frozenset[str]:
    """The zone words of ``data/zones.txt`` (高新区, 经开区, 新区 …).

    >>> "高新区" in zone_words()
    True
    """
    return _patterns()["zones"]


@lru_cache(maxsize=1024)
def _stem(run: str, whole: bool) -> str:
    """The proper name at the end of ``run`` (at most 4 characters), or ``""``. Failing that, a
    ``whole`` run (one that starts a clause) of 2 to 5 characters holding no generic word, for
    scenic areas with names the segmenter does not know (。茱萸湾景区)."""
    from .divisions import lookup
    from .tokens import segmenter

    generic = _patterns()["generic"]
    kept = ""
    for w, pos in reversed(segmenter().tag(run)):
        if (len(kept) >= 2 or (pos not in _NAME_POS and w not in lookup()) or len(kept) + len(w) > _MAX_NAME
                or w in generic):
            break  # 杭州滨江高新区: the zone is 滨江高新区, in 杭州
        kept = w + kept
    if len(kept) >= 2:
        return kept
    if whole and 2 <= len(run) <= _MAX_RUN and run[0] not in _NOT_FIRST and not any(g in run for g in generic):
        return run
    return ""


def find_zones(t: str) -> list[tuple[int, int, str, str]]:
    """Zones and scenic areas in cleaned ``t`` as ``(start, end, name, level)``; level is
    ``zone`` or ``scenic``. A bare zone word referring to a zone named elsewhere comes
    with that zone's name.

    >>> find_zones("瘦西湖景区单日接待量达9.8万人次,41家A级景区")
    [(0, 5, '瘦西湖景区', 'scenic')]
    """
    p = _patterns()
    named: list[tuple[int, int, str, str]] = []
    bare: list[tuple[int, int, str]] = []
    for m in p["word"].finditer(t):
        a, b = m.span()
        run = p["run_back"].search(t, max(0, a - 8), a)
        zone = m.group() in p["zones"]
        whole = not zone and run is not None and not regex.match(r"\p{Han}", t[run.start() - 1: run.start()])
        stem = _stem(run.group(), whole) if run else ""
        if stem:
            named.append((a - len(stem), b, stem + m.group(), "zone" if zone else "scenic"))
        elif zone and (a == 0 or not regex.match(r"\p{Han}", t[a - 1]) or t[a - 1] in "该本"):
            bare.append((a, b, m.group()))
    if not bare:
        return named
    zones = [z for z in named if z[3] == "zone"]
    out = list(named)
    for a, b, word in bare:
        kind = [z for z in zones if z[2].endswith(word)] or zones
        before = [z for z in kind if z[1] <= a]
        if kind:
            out.append((a, b, (before[-1] if before else kind[0])[2], "zone"))
    return sorted(out)

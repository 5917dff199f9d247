"""The administrative divisions of ``data/regions.tsv`` (GB/T 2260), the names they are searched by,
and where those names are words of a text.

:func:`regions` is the packaged table; :func:`lookup` maps every searchable name (a full
name, 江华县 for 江华瑶族自治县, an unambiguous short form) to its division; :func:`names_in`
finds these names, and the known companies that hold one (宁德时代), where the domain
segmenter cuts them as words, and :mod:`hz_extract.subjects` makes subject mentions of
them.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import regex

if TYPE_CHECKING:  # pragma: no cover
    from ahocorasick_rs import AhoCorasick

__all__ = ["Region", "regions", "region_words", "lookup", "names_in"]

_STATE: dict[str, Any] = {}


@dataclass(frozen=True)
class Region:
    """One division of ``data/regions.tsv``."""

    code: str
    name: str
    level: str
    parent: str
    short: str
    ambiguous: bool


_LEVEL_RANK = {"province": 0, "city": 1, "district": 2, "county": 2}


def regions() -> tuple[Region, ...]:
    """The packaged divisions, loaded once.

    >>> next(r for r in regions() if r.name == "江华瑶族自治县").short
    '江华'
    """
    regs = _STATE.get("regions")
    if regs is None:
        from ._data import read_text

        text = read_text("regions.tsv")
        out = []
        for line in text.splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            code, name, level, parent, short, amb = line.split("\t")
            out.append(Region(code, name, level, parent, short, amb == "1"))
        regs = tuple(out)
        _STATE["regions"] = regs
    return regs


def region_words() -> list[str]:
    """Every searchable region name (full names and unambiguous short forms)."""
    return list(lookup())


def lookup() -> dict[str, Region]:
    """Every searchable name (full names, 江华县 for 江华瑶族自治县, unambiguous short forms)
    with its division, built once; a short form shared by several levels is the highest one's.

    >>> lookup()["杭州"].name
    '杭州市'
    """
    table = _STATE.get("lookup")
    if table is None:
        table = {}
        for r in regions():  # full names first; 城区/郊区 (full names that are words) never
            if not (r.ambiguous and not r.short):
                table.setdefault(r.name, r)
        for r in regions():  # 江华瑶族自治县 is written 江华县, 黔东南苗族侗族自治州 黔东南州
            for auto, tail in (("自治县", "县"), ("自治州", "州"), ("自治旗", "旗")):
                if r.short and r.name.endswith(auto):
                    table.setdefault(r.short + tail, r)
        for r in sorted(regions(), key=lambda r: _LEVEL_RANK[r.level]):  # 河北: the province
            if r.short and not r.ambiguous:
                table.setdefault(r.short, r)
        _STATE["lookup"] = table
    return table


# A figure (with a magnitude or a unit: a bare 2024 is a year) right before a short form
# makes it a word of the figure (突破5万亿元大关, 3000点大关, 万亿大关).
_FIGURE_UNIT = "(?:元|美元|港元|吨|%|个|家|人|倍|点|户|台|辆|件)"
_AFTER_FIGURE = regex.compile(rf"(?:\d[\d.,]*(?:[十百千万亿]+{_FIGURE_UNIT}?|{_FIGURE_UNIT})|[万亿]{_FIGURE_UNIT}?)$")


# A run of characters the segmenter may join into words. jieba (and rjieba) cut each run of
# Han, Latin letters, digits and +#&._%- on its own, and no punctuation, symbol or space is
# one of those: a run of this pattern is one or more whole runs of the segmenter, and its
# words are the words the whole text has there.
_WORD_RUN = r"(?:[^\p{P}\p{S}\p{Z}\s]|[+#&._%\-])*"
_RUN_AFTER = regex.compile(_WORD_RUN)
_RUN_BEFORE = regex.compile(rf"(?r){_WORD_RUN}")


def _names() -> tuple[frozenset[str], AhoCorasick]:
    """Every word that is a hit (regions and known companies), and an Aho-Corasick automaton
    of them, built once."""
    got = _STATE.get("names")
    if got is None:
        from ahocorasick_rs import AhoCorasick

        from .organisations import org_lexicon

        names = frozenset(lookup()) | frozenset(org_lexicon()["companies"])
        got = _STATE["names"] = (names, AhoCorasick(sorted(names)))
    return got


_SURROGATE = regex.compile(r"[\ud800-\udfff]")


def _name_runs(t: str) -> list[tuple[int, int]]:
    """The segmenter runs of ``t`` (``(start, end)``, in order) where some name is written.

    Most runs hold no name, and segmenting only those that do is most of the saving: one
    pass of the automaton over the text (in Rust) finds every name written, overlaps and all.
    """
    automaton = _names()[1]
    try:
        found = automaton.find_matches_as_indexes(t, overlapping=True)
    except UnicodeEncodeError:  # a lone surrogate (an undecodable byte) is in no name
        found = automaton.find_matches_as_indexes(_SURROGATE.sub("\ufffd", t), overlapping=True)
    runs = []
    end = -1
    for a in sorted({a for _, a, _ in found}):
        if a >= end:
            end = _RUN_AFTER.match(t, a).end()
            runs.append((_RUN_BEFORE.search(t, 0, a).start(), end))
    return runs


def _renamed(table: Any, w: str) -> Any:
    """The county-level division ``w`` names by a suffix it has since changed (射洪县 → 射洪市,
    萧山市 → 萧山区: many counties became cities or districts), from its short form; else None."""
    r = table.get(w[:-1])
    if r is None or r.level not in ("county", "district") or r.ambiguous or r.short != w[:-1] or r.name == w:
        return None
    return r


def names_in(t: str) -> list[tuple[int, int, str, str, str, str]]:
    """Regions and known companies named in cleaned ``t``: words of the domain segmenter.

    The segmenter knows every searchable name, so a name is found only where it is a
    word: 长江华东 is 长江|华东 (no 江华), 杭州市场 is 杭州|市场 (杭州, not 杭州市), and
    宁德时代 is one word (a company of ``data/organisations.txt`` [companies], no 宁德).
    A short form right after a figure is a word of the figure (5万亿元大关: no 大关县).
    Only the runs of text that hold a name are segmented (see :func:`_name_runs`).

    Returns:
        ``(start, end, name, kind, level, code)`` in order: ``kind`` is ``region`` (with the
        division's level and code) or ``org`` (a known company, no level or code); ``[]``
        when none.

    >>> [(name, kind) for _, _, name, kind, _, _ in names_in("长江华东,杭州市场和宁德时代")]
    [('杭州', 'region'), ('宁德时代', 'org')]
    """
    from .tokens import segmenter

    runs = _name_runs(t)
    if not runs:
        return []
    names = _names()[0]
    table = lookup()
    # One cut for all the runs, a line break apart: no run holds one, so each is cut as alone.
    words = segmenter().cut("\n".join([t[a:b] for a, b in runs]), hmm=False)
    starts = iter(runs)
    a = next(starts)[0]  # where the next word starts in t
    out = []
    for w in words:
        if w == "\n":
            a = next(starts)[0]
            continue
        after = a + len(w)
        if w not in names and w.endswith("政府") and w[:-2] in names:
            w = w[:-2]  # 香港特别行政区政府 is one word of the segmenter: the region opens it
        b = a + len(w)
        r = None
        if w not in names and len(w) >= 3 and w[-1] in "县市" and (r := _renamed(table, w)) is not None:
            out.append((a, b, w, "region", r.level, r.code))  # 射洪县 (射洪市 since 2019): an older text's name
            a = after
            continue
        if w in names:
            r = table.get(w)
            if r is None:
                out.append((a, b, w, "org", "", ""))
            elif not (w == r.short and _AFTER_FIGURE.search(t, max(0, a - 12), a)):
                out.append((a, b, w, "region", r.level, r.code))
        a = after
    return out

"""The administrative divisions of ``data/regions.tsv`` (GB/T 2260) and the names they are searched by.

:func:`regions` is the packaged table; :func:`lookup` maps every searchable name (a full
name, 江华县 for 江华瑶族自治县, an unambiguous short form) to its division. The mentions
of these names in text are found by :mod:`hz_extract.subjects`.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["Region", "regions", "region_words", "lookup"]

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

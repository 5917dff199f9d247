"""The numeric lexicons of hz_extract, loaded lazily, once, and checked on load.

The data lives in ``hz_extract/data/`` (documented at the top of each file):
``numerals.json`` (digit characters, the one-to-one fold table, stopwords),
``magnitudes.json`` (十 百 千, 万 亿 兆), ``units.json`` (currencies, percent-like
units, counters and measures, words that make a number a date) and
``qualifiers.json`` (超过, 近, 约, 多 …); units.json also names the words a unit may be
divided by (元/吨) and the one-character units a Chinese numeral binds to only at a word's end. :func:`lexicon` returns them as one frozen
object; nothing is read at import time.

>>> lexicon().units["元"]
UnitInfo(unit='元', kind='money', factor=Decimal('1'))
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any, NoReturn

from .errors import HzExtractError

__all__ = ["UnitInfo", "Lexicon", "lexicon", "load_data"]



@dataclass(frozen=True)
class UnitInfo:
    """What a unit word means: the base unit it reports, the kind of quantity, and a factor."""

    unit: str
    kind: str
    factor: Decimal


@dataclass(frozen=True)
class Lexicon:
    """Every numeric lexicon, validated. Built once by :func:`lexicon`."""

    digits: dict[str, int]
    tens: dict[str, int]
    small: dict[str, int]
    big: dict[str, int]
    fold: dict[int, str]
    stopwords: tuple[str, ...]
    units: dict[str, UnitInfo]
    money_prefixes: dict[str, str]
    not_units: tuple[str, ...]
    not_followed_by: dict[str, str]
    before: dict[str, str]
    before_not_after: dict[str, str]
    after: dict[str, str]
    inside: dict[str, str]
    joiners: frozenset[str]
    per_units: dict[str, str]
    cn_bound: dict[str, str]


def load_data(name: str) -> dict[str, Any]:
    """Read ``hz_extract/data/<name>`` as JSON; raise :class:`HzExtractError` naming the file on failure."""
    try:
        text = resources.files("hz_extract").joinpath("data", name).read_text(encoding="utf-8")
        data = json.loads(text)
    except (OSError, ValueError) as e:
        raise HzExtractError(f"hz_extract/data/{name} cannot be read ({e}); reinstall the package") from e
    if not isinstance(data, dict) or "_doc" not in data:
        raise HzExtractError(f"hz_extract/data/{name}: expected a JSON object with a '_doc' entry")
    return data


def _fail(name: str, what: str) -> NoReturn:
    raise HzExtractError(f"hz_extract/data/{name}: {what}; fix the data file")


def _fold_table(pairs: dict[str, str]) -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0xFF01, 0xFF5F):  # full-width ASCII → ASCII
        table[code] = chr(code - 0xFEE0)
    table[0x3000] = " "  # ideographic space
    table[0x00A0] = " "
    for src, dst in pairs.items():
        if len(src) != 1 or len(dst) != 1:
            _fail("numerals.json", f"fold entry {src!r} → {dst!r} is not one character to one character")
        table[ord(src)] = dst
    return table


def _units(data: dict[str, Any]) -> dict[str, UnitInfo]:
    from .quantities import KINDS  # the shared contract; imported here, as quantities imports this module

    units: dict[str, UnitInfo] = {}
    for group in ("money", "percent", "measure"):
        for word, entry in data[group].items():
            if not (isinstance(entry, list) and len(entry) == 3):
                _fail("units.json", f"{group}/{word}: expected [unit, kind, factor]")
            unit, kind, factor = entry
            if kind not in KINDS:
                _fail("units.json", f"{group}/{word}: kind {kind!r} is not one of {KINDS}")
            if word in units:
                _fail("units.json", f"{word!r} is listed twice")
            units[word] = UnitInfo(unit, kind, Decimal(factor))
    return units


@cache
def lexicon() -> Lexicon:
    """The numeric lexicons, read and validated on first use and shared afterwards."""
    from .quantities import QUALIFIERS

    num = load_data("numerals.json")
    mag = load_data("magnitudes.json")
    uni = load_data("units.json")
    qual = load_data("qualifiers.json")
    for group in ("before", "after", "inside"):
        for word, q in qual[group].items():
            if q not in QUALIFIERS:
                _fail("qualifiers.json", f"{group}/{word}: {q!r} is not one of {QUALIFIERS}")
    for table, name in ((num["digits"], "digits"), (num["tens"], "tens"), (mag["small"], "small"), (mag["big"], "big")):
        for ch in table:
            if len(ch) != 1:
                _fail("numerals.json" if name in ("digits", "tens") else "magnitudes.json",
                      f"{name}: {ch!r} is not a single character")
    return Lexicon(
        digits=dict(num["digits"]),
        tens=dict(num["tens"]),
        small=dict(mag["small"]),
        big=dict(mag["big"]),
        fold=_fold_table(num["fold"]),
        stopwords=tuple(num["stopwords"]),
        units=_units(uni),
        money_prefixes=dict(uni["money_prefixes"]),
        not_units=tuple(uni["not_units"]),
        not_followed_by=dict(uni["not_followed_by"]),
        before=dict(qual["before"]),
        before_not_after=dict(qual["before_not_after"]),
        after=dict(qual["after"]),
        inside=dict(qual["inside"]),
        joiners=frozenset(qual["joiners"]),
        per_units=dict(uni["per_units"]),
        cn_bound=dict(uni["cn_bound"]),
    )

"""The head noun of an indicator name, for telling repeats apart (see :func:`hz_extract.rules.assemble.dedupe`).

A headline and its body may name one figure two ways that are not spelt alike
(外贸进出口, 货物贸易进出口总值; 派中期息, 中期股息): they share their head. Names spelt
alike may still be two figures when one is a total and the other its part (进出口总值, 出口).

>>> same_head("外贸进出口", "货物贸易进出口总值"), total_and_part("进出口总值", "出口")
(True, True)
"""
from __future__ import annotations

import regex

from .lexicon import lexicon

__all__ = ["head", "same_head", "total_and_part"]

_GENERIC_TAIL = regex.compile(r"(?:总值|总额|总量|金额|额|值)$")


def head(name: str) -> str | None:
    """The head noun a name ends with, past a generic tail (货物贸易进出口总值 → 进出口); a payout
    named 股息, 派息 or 中期息 has the head 息.

    >>> head("货物贸易进出口总值"), head("派中期息")
    ('进出口', '息')
    """
    head_of = lexicon().head_of
    bare = _GENERIC_TAIL.sub("", name)
    found = (head_of(bare) if bare else None) or head_of(name)
    if found is None and bare.endswith("息"):
        return "息"
    return found


_TOTAL_AND_PARTS = {"进出口": frozenset({"出口", "进口"})}
"""Heads that name a total and its parts: spelt alike, never one figure (进出口总值增长8.7%,其中出口增长8.7%)."""


def total_and_part(a: str, b: str) -> bool:
    """Whether one name is a total and the other one of its parts (进出口总值, 出口), by their heads."""
    if not any(total in a or total in b for total in _TOTAL_AND_PARTS):
        return False
    x, y = head(a), head(b)
    return y in _TOTAL_AND_PARTS.get(x or "", ()) or x in _TOTAL_AND_PARTS.get(y or "", ())


def same_head(a: str, b: str) -> bool:
    """Whether two names end with the same known head (外贸进出口, 货物贸易进出口总值)."""
    x = head(a)
    return x is not None and x == head(b)

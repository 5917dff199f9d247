"""The corpus of every pattern family, walked by one generic test.

Each family registered in :data:`hz_extract.quantity_patterns.FAMILIES` has a corpus
``corpora/<family>.txt`` of positive and negative sentences, and every corpus names a
registered family. Line format (``#`` starts a comment)::

    + sentence | surface | value[~value_max] | unit or - | qualifier
    - sentence

A positive line needs a quantity with exactly that surface, offsets that slice back,
that value (and high end), unit and qualifier, and — for a family that is a kind —
that kind. A negative line needs no quantity of the family's kind (``range``: no
range; ``negative``: nothing at all).
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from hz_extract import find_quantities
from hz_extract.quantities import KINDS
from hz_extract.quantity_patterns import FAMILIES

CORPORA = Path(__file__).parent / "corpora"


def _lines():
    for path in sorted(CORPORA.glob("*.txt")):
        for no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            line = line.strip()
            if line and not line.startswith("#"):
                yield pytest.param(path.stem, line, id=f"{path.stem}:{no}")


def test_every_family_has_a_corpus_and_every_corpus_a_family():
    assert {p.stem for p in CORPORA.glob("*.txt")} == set(FAMILIES)


def test_every_corpus_has_positive_and_negative_examples():
    for family in FAMILIES:
        lines = (CORPORA / f"{family}.txt").read_text(encoding="utf-8").splitlines()
        signs = {ln[:1] for ln in lines if ln[:1] in "+-"}
        wanted = {"-"} if family == "negative" else {"+"} if family == "qualifier" else {"+", "-"}
        assert wanted <= signs, family


def _close(got: Decimal | None, want: str) -> bool:
    if got is None:
        return False
    w = Decimal(want)
    return abs(got - w) <= Decimal("1e-12") * max(Decimal(1), abs(w))


@pytest.mark.parametrize("family,line", list(_lines()))
def test_corpus_line(family: str, line: str):
    sign, body = line[0], line[1:].strip()
    if sign == "-":
        found = find_quantities(body)
        if family == "negative":
            bad = found
        elif family == "range":
            bad = [q for q in found if q.qualifier == "range"]
        else:
            bad = [q for q in found if q.kind == family]
        assert bad == [], [q.text for q in bad]
        return
    assert sign == "+", f"a corpus line starts with + or -: {line!r}"
    sentence, surface, value, unit, qualifier = (part.strip() for part in body.split("|"))
    found = find_quantities(sentence)
    match = [q for q in found if q.text == surface]
    assert len(match) == 1, f"{surface!r} not found in {[q.text for q in found]}"
    q = match[0]
    assert sentence[q.start:q.end] == q.text
    low, _, high = value.partition("~")
    assert _close(q.value, low), q
    assert (q.value_max is None) if not high else _close(q.value_max, high), q
    assert q.unit == (None if unit == "-" else unit), q
    assert q.qualifier == qualifier, q
    if family in KINDS:
        assert q.kind == family, q

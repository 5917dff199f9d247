"""The short road of read_folded (Arabic digits and magnitudes) reads exactly as the long road.

"Exactly" is the Decimal's digits and exponent (4.0万 is 40000.0, not 40000), its scale,
qualifier and high end, or the same refusal: ``Decimal.__eq__`` would miss the exponent.
"""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from hz_extract.errors import QuantityError
from hz_extract.numerals import _read_long, read_folded
from hz_extract.quantity_lexicon import lexicon

_lex = lexicon()
_digits = st.text("0123456789", min_size=1, max_size=22)
_mags = st.tuples(st.sampled_from([""] + sorted(_lex.small)), st.lists(st.sampled_from(sorted(_lex.big)), max_size=3))


def _read(road, s: str) -> tuple | str:
    try:
        n = road(s)
    except QuantityError as e:
        return str(e)
    return n.value.as_tuple(), n.fuzzy, n.scale, n.value_max


@settings(max_examples=3000, deadline=None)
@given(_digits, st.none() | _digits, _mags)
def test_short_road_reads_as_the_long_road(whole, frac, mags):
    s = whole + ("." + frac if frac is not None else "") + mags[0] + "".join(mags[1])
    assert _read(read_folded.__wrapped__, s) == _read(_read_long, s)

"""The short roads of reading figures (read_plain, _clean) give exactly what the long ones give.

"Exactly" is the Decimal's digits and exponent (4.0万 is 40000.0, not 40000), its scale,
qualifier and high end, or the same refusal: ``Decimal.__eq__`` would miss the exponent.
"""
from __future__ import annotations

from decimal import Decimal

from hypothesis import example, given, settings, strategies as st

from hz_extract.errors import QuantityError
from hz_extract.numerals import _read_long, read_folded
from hz_extract.quantity_lexicon import lexicon
from hz_extract.quantity_values import _clean

_lex = lexicon()
_digits = st.text("0123456789", min_size=1, max_size=22)
_mags = st.tuples(st.sampled_from([""] + sorted(_lex.small)), st.lists(st.sampled_from(sorted(_lex.big)), max_size=3))


def _read(road, s: str) -> tuple | str:
    try:
        n = road(s)
    except QuantityError as e:
        return str(e)
    return n.value.as_tuple(), n.fuzzy, n.scale, n.value_max


@settings(max_examples=1500, deadline=None)
@given(_digits, st.none() | _digits, _mags)
def test_short_road_reads_as_the_long_road(whole, frac, mags):
    s = whole + ("." + frac if frac is not None else "") + mags[0] + "".join(mags[1])
    assert _read(read_folded.__wrapped__, s) == _read(_read_long, s)


@settings(max_examples=1500, deadline=None)
@given(st.builds(lambda sign, coefficient, exp: Decimal((sign, tuple(map(int, str(coefficient))), exp)),
                 st.integers(0, 1), st.integers(0, 10**6) | st.integers(0, 10**40), st.integers(-8, 8)))
@example(Decimal("999.0"))
@example(Decimal("1000.0"))
@example(Decimal("-1000.0"))
@example(Decimal("1E+2"))
@example(Decimal("-0E+3"))
@example(Decimal("-0.0"))
@example(Decimal("1.64E+9"))
@example(Decimal("4.0"))
def test_clean_drops_only_exponent_noise(d):
    """_clean tells the exponent's sign without as_tuple; it does what its docstring says."""
    exp = d.as_tuple().exponent
    want = Decimal(int(d)) if exp > 0 or (abs(d) >= 1000 and d == d.to_integral_value()) else d
    got = _clean(d)
    assert (got.as_tuple(), str(got)) == (want.as_tuple(), str(want))

"""Property tests: find_quantities never raises, spans slice back, ranges are ordered."""
from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from hz_extract import find_quantities, parse_quantity
from hz_extract.quantities import KINDS, QUALIFIERS, Quantity

# Text built from the characters quantities are made of, so the generator hits the pattern often.
NUMERIC = "0123456789０１２３４５６７８９.．,，%％-~至到 一二两三四五六七八九十百千万亿萬億兩零〇壹贰拾佰仟点多余几第分之成倍个家元美亿年月日超过近约以上左右不足可达"
mixed = st.text(alphabet=st.sampled_from(list(NUMERIC)) | st.characters(), max_size=60)


def _check(text: str, found: list[Quantity]) -> None:
    last_end = 0
    for q in found:
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start:q.end] == q.text
        assert q.start >= last_end, "quantities overlap or are out of order"
        last_end = q.end
        assert isinstance(q.value, Decimal) and q.value.is_finite()
        assert q.kind in KINDS and q.qualifier in QUALIFIERS
        if q.value_max is not None:
            assert q.qualifier == "range" and q.value_max >= q.value
        d = q.to_dict()
        assert isinstance(d["value"], (int, float))


@settings(max_examples=400, deadline=None)
@given(mixed)
def test_never_raises_and_spans_slice_back(text):
    _check(text, find_quantities(text))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_arbitrary_unicode(text):
    _check(text, find_quantities(text))


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**15), st.sampled_from(["元", "亿元", "万吨", "%", "个百分点", "倍", "家"]))
def test_written_figures_read_back(n, unit):
    q = parse_quantity(f"{n}{unit}")
    scale = {"亿元": 10**8, "万吨": 10**4}.get(unit, 1)
    assert q.value == n * scale


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=9999), st.integers(min_value=1, max_value=9999))
def test_ranges_are_ordered(lo, extra):
    q = parse_quantity(f"{lo}-{lo + extra}万元")
    assert q.value_max is not None and q.value_max > q.value and q.qualifier == "range"


def test_empty_input_gives_nothing():
    assert find_quantities("") == []

"""parse_quantity: one surface form in, one Quantity out, or a QuantityError saying why."""
from __future__ import annotations

from decimal import Decimal

import pytest

from hz_extract import QuantityError, find_quantities, parse_quantity

CASES = [
    ("4400多亿元", "440000000000", None, "元", "more_than", "money"),
    ("超过4400亿元", "440000000000", None, "元", "more_than", "money"),
    ("2.4个百分点", "2.4", None, "pp", "exact", "pp"),
    ("1.5倍", "1.5", None, "倍", "exact", "multiple"),
    ("三成", "30", None, "%", "exact", "percent"),
    ("第一", "1", None, None, "exact", "ordinal"),
    ("近700家", "700", None, "家", "nearly", "measure"),
    ("100-200万元", "1000000", "2000000", "元", "range", "money"),
    ("  16.4亿  ", "1640000000", None, None, "exact", "number"),
    ("五", "5", None, None, "exact", "number"),
    ("2024", "2024", None, None, "exact", "number"),
]


@pytest.mark.parametrize("s,value,value_max,unit,qualifier,kind", CASES)
def test_parse(s, value, value_max, unit, qualifier, kind):
    q = parse_quantity(s)
    assert q.value == Decimal(value)
    assert q.value_max == (Decimal(value_max) if value_max else None)
    assert (q.unit, q.qualifier, q.kind) == (unit, qualifier, kind)
    assert s[q.start:q.end] == q.text == s.strip()


def test_not_a_quantity_names_what_was_not_understood():
    with pytest.raises(QuantityError, match="hello"):
        parse_quantity("hello")


def test_two_quantities_are_not_one():
    with pytest.raises(QuantityError, match="not one quantity"):
        parse_quantity("4400亿元,增长4.0%")


def test_trailing_words_are_reported():
    with pytest.raises(QuantityError, match="规模"):
        parse_quantity("4400亿元规模")


@pytest.mark.parametrize("s", ["", "   "])
def test_empty_input(s):
    with pytest.raises(QuantityError, match="empty"):
        parse_quantity(s)


def test_error_is_a_value_error():
    with pytest.raises(ValueError):
        parse_quantity("2024年")


def test_find_quantities_wants_text():
    with pytest.raises(TypeError, match="bytes"):
        find_quantities("4400亿元".encode())

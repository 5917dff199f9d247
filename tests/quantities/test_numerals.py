"""Numeral reading on its own: exact Decimal values for Chinese, Arabic and mixed numerals."""
from __future__ import annotations

from decimal import Decimal

import pytest

from hz_extract.errors import QuantityError
from hz_extract.numerals import fold, read_numeral

CASES = [
    ("4400亿", "440000000000"), ("16.4亿", "1640000000"), ("一百二十三", "123"), ("两千万", "20000000"),
    ("一千零一", "1001"), ("五亿零六", "500000006"), ("四万万", "400000000"), ("一万亿", "1000000000000"),
    ("壹佰肆拾", "140"), ("壹萬零肆拾", "10040"), ("兩千", "2000"), ("3万4000", "34000"),
    ("1.2万亿", "1200000000000"), ("2千零30万", "20300000"), ("一千五", "1500"), ("三万二", "32000"),
    ("两千三点一", "2300.1"), ("百二萬", "1200000"), ("一亿二万", "100020000"), ("十三万五", "135000"),
    ("二〇二四", "2024"), ("零点零零一", "0.001"), ("廿二", "22"), ("五百卅四", "534"), ("1,100.9", "1100.9"),
    ("４，５６５", "4565"), ("15k", "15000"), ("2e5", "200000"), ("四千五百六十九万八千三百一十一亿四千八百七十二万五千三百八十二",
                                                                 "4569831148725382"),
]


@pytest.mark.parametrize("text,value", CASES)
def test_value(text, value):
    assert read_numeral(text).value == Decimal(value)


def test_exact_decimal_scaling():
    assert read_numeral("16.4亿").value == 1640000000  # never 1639999999.9999998


@pytest.mark.parametrize("text", ["十几万", "三十多亿", "五百 余万", "一百零几万"])
def test_vague_digits_are_a_lower_bound(text):
    assert read_numeral(text).fuzzy == "more_than"


def test_vague_pairs_and_few():
    assert (read_numeral("八九亿").value, read_numeral("八九亿").value_max) == (800000000, 900000000)
    assert (read_numeral("数十亿").value, read_numeral("数十亿").value_max) == (1000000000, 10000000000)


def test_scale_is_the_trailing_magnitude():
    assert [read_numeral(s).scale for s in ("200万", "200", "三千", "1万亿", "三万二")] == [4, 0, 3, 12, 0]


@pytest.mark.parametrize("text", ["", "十百", "二十二十", "点", "1..2", "一x", "1,23"])
def test_malformed_numerals_raise(text):
    with pytest.raises(QuantityError):
        read_numeral(text)


def test_unknown_characters_are_never_zero():
    with pytest.raises(QuantityError, match="not a numeral character"):
        read_numeral("十a")


def test_fold_keeps_length():
    s = "４４００億元，增長２．４％"
    assert len(fold(s)) == len(s) and fold(s) == "4400亿元,增长2.4%".replace("增长", "增長")

"""Known misses, kept visible: each is xfail(strict=True), so reading it right forces a move."""
from __future__ import annotations

from decimal import Decimal

import pytest

from hz_extract import find_quantities

MISSES = [
    ("2^5", "32"),  # powers are not read
    ("1.2M", "1200000"),  # M/G suffixes: 5G, 3M are names far more often
    ("七蚊", "7"),  # Cantonese money words (蚊, 毫, 仙)
    ("五打", "60"),  # 打 as a dozen
    ("三十两", "30"),  # 两 as a weight: read as the shorthand 三十二
    ("股票的百分之七十百分位", "70"),  # a numeral broken off mid-word is dropped whole
]


@pytest.mark.xfail(strict=True, reason="known miss, see the README's Quantities section")
@pytest.mark.parametrize("text,value", MISSES)
def test_known_miss(text, value):
    assert any(q.value == Decimal(value) for q in find_quantities(text))

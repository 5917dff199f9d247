"""The short road of quantity_read (Arabic digits and a unit) reads exactly as the long road."""
from __future__ import annotations

from pathlib import Path

import pytest

from hz_extract import find_quantities, quantity_read

ROOT = Path(__file__).resolve().parents[2]
TEXTS = sorted(ROOT.glob("seeds/*.txt")) + sorted(ROOT.glob("fixtures/heldout/docs/*.txt")) + sorted((ROOT / "tests" / "quantities" / "corpora").glob("*.txt"))


def _both(text: str) -> tuple[list, list]:
    fast = find_quantities(text)
    quantity_read.FAST = False
    try:
        slow = find_quantities(text)
    finally:
        quantity_read.FAST = True
    return fast, slow


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_fast_and_slow_roads_agree(path):
    fast, slow = _both(path.read_text(encoding="utf-8"))
    assert fast, "the text holds quantities"
    assert [(q, str(q.value), str(q.value_max)) for q in fast] == [(q, str(q.value), str(q.value_max)) for q in slow]


@pytest.mark.parametrize("text", ["增长4.0%", "超过4400亿元", "近700家", "50元6角三分", "3万4000元", "15k元",
                                  "1.2万元/平方米", "75折", "10块", "12港仙", "3.5个点", "1,100.9亿元"])
def test_fast_and_slow_roads_agree_on_forms(text):
    fast, slow = _both(text)
    assert [(q, str(q.value)) for q in fast] == [(q, str(q.value)) for q in slow]

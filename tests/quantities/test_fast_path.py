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


def test_prefilter_lets_every_start_through():
    from hz_extract.quantity_lexicon import lexicon
    from hz_extract.quantity_patterns import SPECIAL, prefilter

    lex = lexicon()
    starts = set(lex.digits) | set(lex.tens) | set(lex.small) | set(lex.big) | set("0123456789.-负第数几翻h")
    starts |= {w[0] for w in SPECIAL} | {w[0] for w in lex.money_prefixes}
    starts |= {chr(code) for code, dst in lex.fold.items() if dst in starts}
    assert [c for c in sorted(starts) if prefilter().search(c) is None] == []


@pytest.mark.parametrize("text", ["没有数字的句子", "The quick brown fox", "，。！？"])
def test_text_without_a_start_has_no_quantity(text):
    assert find_quantities(text) == []

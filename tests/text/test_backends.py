"""Without rjieba (the plain jieba backend) subjects and tokens still behave."""
from __future__ import annotations

from collections.abc import Iterator

import pytest

import hz_extract.organisations as organisations
import hz_extract.subjects as subjects
import hz_extract.tokens as tok


@pytest.fixture()
def jieba_backend() -> Iterator[None]:
    saved = tok._STATE.get(tok.DEFAULT_KEY)
    tok._STATE[tok.DEFAULT_KEY] = tok.Segmenter([*tok.indicator_terms(), *subjects.region_words()], backend="jieba")
    subjects._find.cache_clear()
    organisations._name.cache_clear()
    try:
        yield
    finally:
        if saved is None:
            tok._STATE.pop(tok.DEFAULT_KEY, None)
        else:
            tok._STATE[tok.DEFAULT_KEY] = saved
        subjects._find.cache_clear()
        organisations._name.cache_clear()


@pytest.mark.usefixtures("jieba_backend")
@pytest.mark.parametrize(("text", "want"), [
    ("细数2024杭州工信经济", [("杭州", "region")]),
    ("2021年拱墅GDP修订为1949.8亿元", [("拱墅", "region")]),
    ("来源:江华新闻网", [("江华", "region")]),
    ("杭州市场活跃", [("杭州", "region")]),
    ("长江华东地区", []),
    ("钱江制冷副总经理王文汉说", [("钱江制冷", "org")]),
    ("上半年,东方财富证券实现营业收入", [("东方财富证券", "org")]),
    ("提出要以科技创新引领", []),
])
def test_subjects_with_jieba(text: str, want: list[tuple[str, str]]) -> None:
    assert tok._STATE[tok.DEFAULT_KEY].backend == "jieba"
    assert [(s.name, s.kind) for s in subjects.find_subjects(text)] == want


@pytest.mark.usefixtures("jieba_backend")
def test_tokenize_with_jieba() -> None:
    toks = [(t.text, t.kind) for t in tok.tokenize("2024年全市数字经济核心产业增加值增长7.1%。")]
    assert toks[0] == ("2024年", "period")
    assert ("数字经济核心产业增加值", "word") in toks
    assert ("7.1%", "quantity") in toks and toks[-1] == ("。", "punct")

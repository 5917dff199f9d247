"""The domain tokenizer: invariants, single-token indicator terms, quantities and periods."""
from __future__ import annotations

from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from hz_extract.tokens import TOKEN_KINDS, Segmenter, indicator_terms, tokenize


def blank(s: str) -> bool:
    """Only spaces and invisible format characters (zero-width, soft hyphen)."""
    return regex.sub(r"[\s\p{Cf}]", "", s) == ""


def check(text: str) -> list[tuple[str, str]]:
    toks = tokenize(text)
    prev = 0
    for t in toks:
        assert text[t.start:t.end] == t.text
        assert t.kind in TOKEN_KINDS
        assert prev <= t.start < t.end
        assert blank(text[prev:t.start]), "every visible character is covered"
        prev = t.end
    assert blank(text[prev:])
    return [(t.text, t.kind) for t in toks]


@pytest.mark.parametrize("term", ["规模以上工业增加值", "数字经济核心产业增加值", "社会消费品零售总额", "出口交货值"])
def test_indicator_terms_are_single_tokens(term: str) -> None:
    assert (term, "word") in check(f"2024年全市{term}增长5%。")


@pytest.mark.parametrize(("text", "qty"), [
    ("超过4400多亿元,增长", "4400多亿元"),
    ("高于GDP增速2.4个百分点", "2.4个百分点"),
    ("增长 5.4 %。", "5.4 %"),
])
def test_quantities_are_single_tokens(text: str, qty: str) -> None:
    toks = check(text)
    assert any(k == "quantity" and qty in t for t, k in toks), toks


@pytest.mark.parametrize(("text", "period"), [
    ("2024年1-10月增长", "2024年1-10月"), ("前三季度增长", "前三季度"), ("细数2024杭州", "2024"),
])
def test_periods_are_single_tokens(text: str, period: str) -> None:
    assert (period, "period") in check(text)


def test_punct_and_traditional() -> None:
    toks = check("珠海市統(tǒng)計局:規模以上工業增加值增長11.3%。")
    assert ("規模以上工業增加值", "word") in toks
    assert ("。", "punct") in toks and (":", "punct") in toks
    assert ("統(tǒng)計局", "word") in toks  # offsets into the original, noise inside the token


def test_empty() -> None:
    assert tokenize("") == []
    assert tokenize("  \n ") == []


def test_segmenter_backends_agree_on_domain_terms() -> None:
    for backend in ("jieba", "rjieba"):
        seg = Segmenter(["数字经济核心产业增加值"], backend=backend)
        assert "数字经济核心产业增加值" in seg.cut("全市数字经济核心产业增加值增长")
        assert "".join(seg.cut("增长,下降")) == "增长,下降"


def test_indicator_terms_loaded_once() -> None:
    assert indicator_terms() is indicator_terms()


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=60))
def test_property_arbitrary(text: str) -> None:
    check(text)


def test_dev_docs(shared_dir: Path) -> None:
    for path in sorted((shared_dir / "eval" / "dev" / "docs").glob("*.txt")):
        check(path.read_text(encoding="utf-8"))


def test_package_tokenize_is_the_function_after_every_submodule_import() -> None:
    """``hz_extract.tokenize`` is the function, whatever submodules were imported first.

    The module is ``hz_extract.tokens``: no submodule is named ``tokenize``, so
    importing one can never rebind the package attribute to a module.
    """
    import importlib
    import pkgutil
    import types

    import hz_extract

    for info in pkgutil.walk_packages(hz_extract.__path__, "hz_extract."):
        importlib.import_module(info.name)
    assert not isinstance(hz_extract.tokenize, types.ModuleType)
    assert hz_extract.tokenize is importlib.import_module("hz_extract.tokens").tokenize
    toks = hz_extract.tokenize("增长5%")
    assert [(t.text, t.kind) for t in toks] == [("增长", "word"), ("5%", "quantity")]


def test_extra_terms() -> None:
    text = "新质生产力发展指数增长4.0%"
    plain = [t.text for t in tokenize(text)]
    assert "新质生产力发展指数" not in plain
    extra = [t.text for t in tokenize(text, extra_terms=("新质生产力发展指数",))]
    assert "新质生产力发展指数" in extra
    assert [t.text for t in tokenize(text)] == plain  # the default segmenter is untouched


@settings(max_examples=150, deadline=None)
@given(st.text(st.sampled_from(list("統計(tǒng)產業yè規模以上工業增加值４４００多億元２.４個百分點 ，。2024年1-10月")),
               max_size=60))
def test_property_domain_alphabet(text: str) -> None:
    check(text)


@settings(max_examples=100, deadline=None)
@given(st.text(st.sampled_from(["\udcff", "\ud800", "杭", "州", "統", "計", "增", "长", "5", "%", "公", "司", "。"]),
               max_size=30))
def test_lone_surrogates(text: str) -> None:
    """Undecodable bytes read with surrogateescape reach the text layer as lone surrogates."""
    from hz_extract.clean import clean
    from hz_extract.periods import find_periods
    from hz_extract.subjects import find_subjects, main_place

    check(text)
    assert len(clean(text).offsets) == len(clean(text).text) + 1
    for s in find_subjects(text):
        assert text[s.start:s.end] == s.text
    find_periods(text)
    main_place(text)

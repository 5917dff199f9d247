"""Periods in context: the year 全年/年末 and 过去一年 stand in, what 今年/去年 count from, and
what periods the records of whole texts take (work reports, comparison bases, company and
Hong Kong wording, holidays). Every sentence here is made up for the test."""
from __future__ import annotations

import datetime as dt

import pytest

from hz_extract import extract
from hz_extract.periods import find_periods, read_periods


def periods_of(text: str, published: dt.date | None = None) -> list[tuple[str, str | None]]:
    """(text, value) of the ``period`` mentions the extractor reads in ``text``."""
    return [(p.text, p.value) for p in read_periods(text, published)[1] if p.kind == "period"]


def records(text: str) -> dict[tuple[str, str], str | None]:
    """{(indicator, text of the figure): period} of ``extract(text)``."""
    return {(r.indicator, r.text): r.period for r in extract(text)}


# -- a work report dated early in a year reviews the year before -----------------------

REPORT = ("云溪县2026年政府工作报告\n"
          "——2026年1月12日在云溪县第九届人民代表大会第四次会议上\n\n"
          "一、2025年工作回顾\n"
          "过去一年,全县经济稳中向好。全年实现地区生产总值512.4亿元,增长5.8%;一般公共预算收入41.3亿元,增长4.1%。\n"
          "年末全县户籍人口63.2万人。\n\n"
          "二、2026年主要预期目标\n"
          "今年全县经济社会发展的主要预期目标是:地区生产总值增长5.5%左右;一般公共预算收入增长4%。")


def test_report_review_is_the_year_before_and_targets_this_year() -> None:
    got = records(REPORT)
    assert got[("地区生产总值", "512.4亿元")] == "2025"
    assert got[("地区生产总值", "5.8%")] == "2025"
    assert got[("一般公共预算收入", "41.3亿元")] == "2025"
    assert got[("户籍人口", "63.2万人")] == "2025"
    assert got[("地区生产总值", "5.5%左右")] == "2026"
    assert got[("一般公共预算收入", "4%")] == "2026"


def test_report_without_a_review_heading() -> None:
    """The title's year is the report's; 过去一年 early in the year is the year before the date."""
    t = ("云溪县2026年政府工作报告\n2026年1月12日\n"
         "过去一年,全县预计全年实现地区生产总值512.4亿元,增长5.8%。\n今年的主要预期目标是:地区生产总值增长5.5%左右。")
    got = records(t)
    assert got[("地区生产总值", "512.4亿元")] == "2025"
    assert got[("地区生产总值", "5.5%左右")] == "2026"


def test_budget_report_year_end_stock_in_the_review_section() -> None:
    t = ("关于云溪县2025年预算执行情况和2026年预算草案的报告\n——2026年1月15日\n"
         "一、2025年预算执行情况\n全县一般公共预算收入41.3亿元,比上年增长4.1%。\n"
         "年末全县政府债务余额88.6亿元。\n二、2026年预算草案\n2026年一般公共预算收入安排43亿元。")
    got = records(t)
    assert got[("政府债务余额", "88.6亿元")] == "2025"
    assert [p for (_, figure), p in got.items() if figure == "43亿元"] == ["2026"]


def test_bulletin_published_the_next_year_keeps_its_year() -> None:
    t = ("云溪县2025年国民经济和社会发展统计公报\n2026年3月10日\n"
         "2025年,全县实现地区生产总值512.4亿元,比上年增长5.8%。全年一般公共预算收入41.3亿元。年末全县户籍人口63.2万人。")
    assert set(records(t).values()) == {"2025"}


def test_mid_year_news_full_year_outlook_is_this_year() -> None:
    t = "2025-07-15 日报\n2024年全市生产总值增长5.1%。今年上半年增长5.6%,预计全年增长5.5%左右。"
    assert periods_of(t) == [("2024年", "2024"), ("今年上半年", "2025H1"), ("全年", "2025")]
    t = "2025-07-15 日报\n今年上半年全市生产总值增长5.6%,2024年全年增长5.1%。机构预计全年增长5.5%左右。"
    assert periods_of(t)[-1] == ("全年", "2025")
    t = "2025-02-10 日报\n2024年,全市生产总值增长5.1%,全年新增企业3200家。"  # early in the year: looking back
    assert periods_of(t)[-1] == ("全年", "2024")
    t = "2026-04-20 财经\n公司2025年实现营业收入48.6亿元,全年研发投入3.9亿元。今年一季度营业收入12.1亿元。"
    assert ("全年", "2025") in periods_of(t)  # an annual report in April


@pytest.mark.parametrize(("text", "full_year"), [
    ("2023年,全市增长5%。全年新增企业", "2023"),
    ("今年以来,全市增长5%。全年新增企业", "2024"),
    ("1-10月全市增长5%。全年预计", "2024"),
    ("(经核实,2021年生产总值修订为100亿元)。全年新增企业", "2024"),  # an aside does not frame
    ("产值从2020年的80亿元提升至100亿元。全年新增企业", "2024"),  # nor a starting point
    ("比2020年增长5%。全年新增企业", "2024"),  # nor a comparison
    ("全年新增企业", "2024"),
])
def test_full_year_takes_the_year_before_it(text: str, full_year: str) -> None:
    found = {p.text: p.value for p in find_periods(text, year=2024)}
    assert found["全年"] == full_year


def test_past_year_later_in_a_year_or_undated_is_the_year_in_frame() -> None:
    """一年来 in an undated review of 2022 is 2022; 过去一年 in June news frames like 全年."""
    assert periods_of("2022年是关键之年。一年来,全区增长5%。") == [("2022年", "2022"), ("一年来", "2022")]
    june = "2025-06-20\n2024年7月,新政实施。过去一年,全市新增企业3200家。"
    assert ("过去一年", "2024") in periods_of(june)
    assert find_periods("过去一年,全县", year=2024, date=dt.date(2025, 1, 8))[0].value == "2024"


def test_this_year_and_last_year_count_from_the_date() -> None:
    """A January feature on last year: 去年 is the year before the date, not before the data year."""
    t = "2025年1月20日 日报\n2024年,全市汽车产量86.2万辆。去年,全市新能源汽车出口量3.6万辆,比上年增长45%。"
    got = records(t)
    assert got[("新能源汽车出口量", "3.6万辆")] == "2024"
    assert got[("新能源汽车出口量", "45%")] == "2024"
    assert find_periods("去年全市", year=2024, date=dt.date(2025, 2, 1))[0].value == "2024"
    assert find_periods("去年全市", year=2024)[0].value == "2023"  # no date: against the year given
    assert find_periods("上年全市", year=2024, date=dt.date(2025, 2, 1))[0].value == "2023"  # not deictic


# -- a year inside a comparison is the base of one figure, not the next period --------------

@pytest.mark.parametrize("text", [
    "2023年,全县光伏组件产量48.6万千瓦,是2020年的3.1倍;组件出口额12.4亿元,增长18.2%。",
    "2023年,全县光伏组件产量48.6万千瓦,相当于2018年的1.6倍。组件出口额12.4亿元,增长18.2%。",
    "2023年全县接待游客820万人次,恢复到2019年同期的108.5%;组件出口额12.4亿元,增长18.2%。",
    "2023年,全县光伏组件产量比2019年翻一番,组件出口额12.4亿元,增长18.2%。",
    "2023年,全县客房出租率为62.3%,已恢复至2019年水平的95%;组件出口额12.4亿元,增长18.2%。",
])
def test_comparison_year_does_not_carry(text: str) -> None:
    got = records(text)
    assert got[("组件出口额", "12.4亿元")] == "2023"
    assert got[("组件出口额", "18.2%")] == "2023"


def test_comparison_year_is_the_base_of_its_figure() -> None:
    got = [r for r in extract("2023年,全县光伏组件产量48.6万千瓦,是2020年的3.1倍。") if r.measure == "multiple"]
    assert [(r.period, float(r.value)) for r in got] == [("2023", 3.1)]


def test_from_to_keeps_both_periods() -> None:
    got = records("人均产值从2021年的126万元提升至2024年的190万元。")
    assert got == {("人均产值", "126万元"): "2021", ("人均产值", "190万元"): "2024"}


def test_a_year_after_shi_that_names_the_figure_stays_the_period() -> None:
    got = records("超过3200亿元,这是2024年全市规模以上工业增加值。全市工业投资增长8%。")
    assert got[("工业投资", "8%")] == "2024"


# -- Hong Kong, Macau and company wording -----------------------------------------------

def test_six_months_ended_carries_through_the_report() -> None:
    t = ("2025年8月20日 财经\n港岚集团公布截至2025年6月30日止六個月之中期業績。期內收入為52.3億港元,按年上升6.2%;"
         "股東應佔溢利為8.1億港元。\n按地區劃分,香港業務收入為20.1億港元。")
    assert set(records(t).values()) == {"2025H1"}


@pytest.mark.parametrize(("text", "value"), [
    ("上半年营收52亿元。截至6月底,现金为8亿元。期内毛利率为38%", "2025H1"),  # the report's span, not June
    ("前三季度营收152亿元。截至报告期末,总资产865亿元", "2025-09"),  # its last month
    ("2025年上半年营收52亿元。报告期末,总资产", "2025-06"),
    ("2025年营收210亿元。截至报告期末,公司拥有专利612项", "2025"),  # a year's end is the year
    ("截至2024年12月31日止年度,收入320亿港元。年内,集团研发投入18亿港元", "2024"),
])
def test_report_period_words(text: str, value: str) -> None:
    assert find_periods(text, year=2025)[-1].value == value


def test_in_period_is_no_part_of_the_name() -> None:
    t = "2025年8月22日 财经\n某控股公布截至2025年6月30日止六個月中期業績。期內收入為86.4億港元,按年上升5.5%。"
    assert {(r.indicator, r.period) for r in extract(t)} == {("收入", "2025H1")}


def test_nine_months_ended_without_a_year() -> None:
    t = "2025-11-05 09:30 财经网\n某公司公布截至9月30日止九个月业绩,营业额为31.5亿元,同比增长4.4%。"
    assert set(records(t).values()) == {"2025-01/2025-09"}


def test_first_n_months_and_first_three_quarters() -> None:
    t = "2025-11-16\n首十個月入境旅客累计达2,810.5万人次,按年上升9.8%。首三季博彩毛收入为1,812亿澳门元。"
    got = records(t)
    assert got[("入境旅客", "2,810.5万人次")] == "2025-01/2025-10"
    assert got[("博彩毛收入", "1,812亿澳门元")] == "2025-01/2025-09"


def test_stock_as_of_a_day_takes_its_month() -> None:
    t = "2025-08-28 财经\n上半年,公司营业收入64.8亿元。截至6月30日,公司客户存款余额820.5亿元,较上年末增加46.2亿元。"
    got = records(t)
    assert got[("营业收入", "64.8亿元")] == "2025H1"
    assert {p for (ind, _), p in got.items() if ind != "营业收入"} == {"2025-06"}


# -- holidays and day spans inside one month ----------------------------------------------

def test_holiday_with_its_days_in_brackets() -> None:
    t = ("2025-02-18 文旅网\n春节假期(2月10日至17日),全市接待游客326.5万人次,同比增长8.3%。\n"
         "国庆中秋假期(10月1日至8日),全市接待游客412.3万人次。")
    got = records(t)
    assert got[("接待游客", "326.5万人次")] == "2025-02"
    assert got[("接待游客", "8.3%")] == "2025-02"
    assert got[("接待游客", "412.3万人次")] == "2025-10"


def test_day_span_before_the_holiday_and_a_single_day_inside_it() -> None:
    t = ("2025年10月9日 日报\n10月1日至8日国庆假期,全市共接待游客980.2万人次,同比增长6.1%,恢复到2019年同期的110.4%。"
         "其中10月3日单日接待游客152.6万人次。")
    assert set(records(t).values()) == {"2025-10"}


def test_day_span_across_months_and_holiday_without_days_are_not_periods() -> None:
    assert periods_of("9月29日至10月6日,全市接待游客", dt.date(2025, 10, 8)) == []
    assert periods_of("春节假期全市接待游客", dt.date(2025, 2, 8)) == []
    assert periods_of("展会于10月15日至18日举办", dt.date(2025, 10, 1)) == []


# -- 上年同期 / 2019年同期 are the same part of their year as the period compared ------------------

@pytest.mark.parametrize(("text", "value"), [
    ("前三季度全市增长5%,比上年同期提高1个百分点", "2024-01/2024-09"),
    ("上半年营收增长8%,去年同期为下降2%", "2024H1"),
    ("10月1日至8日接待游客增长7%,恢复到2019年同期的112%", "2019-10"),
    ("全年增长5%,比上年同期提高", "2024"),
    ("比上年同期增长5%", "2024"),  # nothing to compare with: the year
])
def test_same_period_of_another_year(text: str, value: str) -> None:
    assert [p.value for p in find_periods(text, year=2025) if p.kind == "base"] == [value]


def test_prior_loss_takes_the_same_part_of_last_year() -> None:
    t = "2025-08-28 财经\n上半年,公司营业收入64.8亿元;归属于上市公司股东的净利润5.62亿元,上年同期为亏损1.35亿元。"
    assert [r.period for r in extract(t) if r.value < 0] == ["2024H1"]

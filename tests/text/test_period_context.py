"""Periods in context: the year 全年/年末 and 过去一年 stand in, what 今年/去年 count from, and
what periods the records of whole texts take (work reports, comparison bases, company and
Hong Kong wording, holidays). Every sentence here is made up for the test."""
from __future__ import annotations

import pytest

from hz_extract import extract


def records(text: str) -> dict[tuple[str, str], str | None]:
    """{(indicator, text of the figure): period} of ``extract(text)``."""
    return {(r.indicator, r.text): r.period for r in extract(text)}


# -- a year inside a comparison is the base of one figure, not the next period --------------

@pytest.mark.parametrize("text", [
    "2023年,全县光伏组件产量48.6万千瓦,是2020年的3.1倍;组件出口额12.4亿元,增长18.2%。",
    "2023年,全县光伏组件产量48.6万千瓦,相当于2018年的1.6倍。组件出口额12.4亿元,增长18.2%。",
    "2023年全县接待游客820万人次,恢复到2019年同期的108.5%;组件出口额12.4亿元,增长18.2%。",
    "2023年,全县光伏组件产量比2019年翻一番,组件出口额12.4亿元,增长18.2%。",
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

"""A headline over a date line: its figures take the body's first period, and a body record
that states the same figure under a name with the same head takes the headline's place."""
from __future__ import annotations

from hz_extract import extract
from hz_extract.periods import headline


def test_headline_is_the_first_line_over_a_date_line() -> None:
    assert headline("港口吞吐量增长6%\n\n发布时间:2025-03-02 09:10\n正文")[0] == 9
    assert headline("2023年,全市港口吞吐量增长6%。\n一、综合\n全年完成投资5亿元。") == (0, 0)  # no date line under it
    assert headline("一行\n二行\n三行\n四行\n2025年3月2日") == (0, 0)  # too far down to be its date line


def test_headline_figure_takes_the_first_period_of_the_body() -> None:
    text = "港口货物吞吐量增长6.2%\n2025年3月2日\n今年1-2月,全市港口货物吞吐量1.8亿吨,同比增长6.2%。"
    periods = {(r.measure, r.period) for r in extract(text)}
    assert ("growth", "2025-01/2025-02") in periods


def test_headline_period_only_from_the_first_body_sentence() -> None:
    text = "港口货物吞吐量增长6.2%\n2025年3月2日\n港务局今天通报。1-2月,全市港口货物吞吐量1.8亿吨。"
    recs = [r for r in extract(text) if r.measure == "growth"]
    assert [r.period for r in recs] == [None]


def test_body_figures_do_not_take_the_headline_rule() -> None:
    text = "港口吞吐量创新高\n2025年3月2日\n1-2月,全市港口货物吞吐量1.8亿吨。集装箱增长3%。"
    assert all(r.period == "2025-01/2025-02" for r in extract(text))


def _figures(text: str) -> list[tuple[str, str, str]]:
    return [(r.indicator, r.measure, r.text) for r in extract(text)]


def test_body_name_wins_over_the_headline_name_with_the_same_head() -> None:
    text = "外贸出口增长12.5%\n2025年3月2日\n1-2月,全市一般贸易出口额186亿元,增长12.5%。"
    got = _figures(text)
    assert ("一般贸易出口额", "growth", "12.5%") in got
    assert not any(name == "外贸出口" for name, _, _ in got)
    assert [r.span[0] for r in extract(text)] == sorted(r.span[0] for r in extract(text))


def test_dividend_named_two_ways_is_one_record() -> None:
    text = "某某控股派末期息每股0.35元\n2025年3月20日\n某某控股公布年度业绩,董事会建议派发末期股息每股0.35元。"
    got = [r for r in extract(text) if r.unit == "元"]
    assert len(got) == 1 and "股息" in got[0].indicator


def test_headline_figure_with_another_head_stays() -> None:
    text = "出口增长12.5%\n2025年3月2日\n1-2月,全市进口增长12.5%。"
    assert sorted(name for name, _, _ in _figures(text)) == ["出口", "进口"]


def test_two_body_figures_with_one_head_and_value_stay_apart() -> None:
    text = "标题\n2025年3月2日\n1-2月,全市一般贸易出口额增长12.5%,机电产品出口增长12.5%。"
    assert len(_figures(text)) == 2


def test_a_total_and_its_part_are_not_one_figure() -> None:
    got = _figures("1-2月,全市进出口总值增长8.7%,其中出口增长8.7%。")
    assert [name for name, _, _ in got] == ["进出口总值", "出口"]


def test_headline_figure_the_body_repeats_by_name_is_not_taken_by_another() -> None:
    text = ("3月份PPI同比下降1.5%\n2025-04-10 09:30 来源:新华社\n"
            "3月份,全国工业生产者出厂价格同比下降1.5%。其中,生活资料价格下降1.5%。")
    got = [(name, value) for name, measure, value in _figures(text)]
    assert ("工业生产者出厂价格", "1.5%") in got and ("生活资料价格", "1.5%") in got


def test_an_organisation_on_the_date_line_publishes_the_text() -> None:
    # 某某证券研究所 … 2025-03-08: the publisher of a market report is not whose figures it reports
    text = "沪指本周上涨1.1%\n南岭证券研究所 市场周报 2025-03-08\n\n本周(3月3日至7日)A股震荡上行,上证指数收于3268.27点。"
    assert {r.subject for r in extract(text)} == {None}


def test_headline_figure_restated_in_the_body_is_one_record_with_the_body_period() -> None:
    text = ("澄江银行发布2025年半年报:不良贷款率降至0.91%\n2025-08-28 20:15\n"
            "6月末,不良贷款率为0.91%,较上年末下降0.03个百分点。")
    rates = [r for r in extract(text) if r.measure == "level"]
    assert [(float(r.value), r.period) for r in rates] == [(0.91, "2025-06")]

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

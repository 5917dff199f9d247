"""Periods (RECORDS.md values), comparison bases, event dates, document date and year."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hz_extract.clean import clean
from hz_extract.periods import PERIOD_KINDS, document_date, find_periods, reference_year


def one(text: str, year: int | None = 2024) -> tuple[str, str | None, str]:
    ps = find_periods(text, year=year)
    assert len(ps) == 1, ps
    p = ps[0]
    assert text[p.start:p.end] == p.text
    return p.text, p.value, p.kind


@pytest.mark.parametrize(("text", "surface", "value"), [
    ("2024年全市增长", "2024年", "2024"),
    ("2024年11月全市增长", "2024年11月", "2024-11"),
    ("2024年11月份增长", "2024年11月份", "2024-11"),
    ("2024年1-10月增长", "2024年1-10月", "2024-01/2024-10"),
    ("1-4月份,增长", "1-4月份", "2024-01/2024-04"),
    ("1—4月增长", "1—4月", "2024-01/2024-04"),
    ("2至6月份,产值", "2至6月份", "2024-02/2024-06"),
    ("一至十月增长", "一至十月", "2024-01/2024-10"),
    ("前三季度增长", "前三季度", "2024-01/2024-09"),
    ("前两个季度增长", "前两个季度", "2024-01/2024-06"),
    ("一至三季度增长", "一至三季度", "2024-01/2024-09"),
    ("前11个月增长", "前11个月", "2024-01/2024-11"),
    ("前十个月增长", "前十个月", "2024-01/2024-10"),
    ("一季度增长", "一季度", "2024Q1"),
    ("第四季度增长", "第四季度", "2024Q4"),
    ("首季增长", "首季", "2024Q1"),
    ("上半年增长", "上半年", "2024H1"),
    ("下半年增长", "下半年", "2024H2"),
    ("全年增长", "全年", "2024"),
    ("年末全市户籍人口", "年末", "2024"),
    ("。年底,全市", "年底", "2024"),
    ("今年增长", "今年", "2024"),
    ("今年上半年增长", "今年上半年", "2024H1"),
    ("去年全市", "去年", "2023"),
    ("去年全年增长", "去年全年", "2023"),
    ("截至2023年末,全市", "2023年末", "2023"),
    ("2023年12月末", "2023年12月", "2023-12"),
    ("上年全市", "上年", "2023"),
    ("明年将", "明年", "2025"),
    ("2024年底全市", "2024年底", "2024"),
    ("2024年末全市", "2024年末", "2024"),
    ("2024年以来", "2024年以来", "2024"),
    ("今年以来", "今年以来", "2024"),
    ("2024年度营收", "2024年度", "2024"),
    ("2023年上半年营收", "2023年上半年", "2023H1"),
    ("2022年4-6月", "2022年4-6月", "2022-04/2022-06"),
    ("2024全省数字经济发展综合评价", "2024", "2024"),
    ("细数2024杭州工信经济", "2024", "2024"),
    ("二〇二三年全市", "二〇二三年", "2023"),
    ("11月份当月", "11月份", "2024-11"),
    ("1月至10月增长", "1月至10月", "2024-01/2024-10"),
    ("2024年1月份至10月份增长", "2024年1月份至10月份", "2024-01/2024-10"),
    ("2023年12月至2024年2月增长", "2023年12月至2024年2月", "2023-12/2024-02"),
    ("2022年半年度报表", "2022年半年度", "2022H1"),
    ("半年度报告显示", "半年度", "2024H1"),
    ("2022H1营收", "2022H1", "2022H1"),
    ("2024年Q3净利", "2024年Q3", "2024Q3"),
    # Hong Kong, Macau and company wording
    ("首十個月旅客", "首十個月", "2024-01/2024-10"),
    ("首8个月出口", "首8个月", "2024-01/2024-08"),
    ("首三季盈利", "首三季", "2024-01/2024-09"),
    ("第三季本地生产总值", "第三季", "2024Q3"),
    ("2023年第四季", "2023年第四季", "2023Q4"),
    ("前三季营收", "前三季", "2024-01/2024-09"),
    ("截至2023年6月30日止六個月,收入", "截至2023年6月30日止六個月", "2023H1"),
    ("截至12月31日止六个月", "截至12月31日止六个月", "2024H2"),
    ("截至9月30日止九个月,营业额", "截至9月30日止九个月", "2024-01/2024-09"),
    ("截至9月30日止三个月", "截至9月30日止三个月", "2024Q3"),
    ("截至2023年12月31日止年度", "截至2023年12月31日止年度", "2023"),
    ("截至2024年3月31日止年度", "截至2024年3月31日止年度", "2023-04/2024-03"),
    ("截至5月31日止的五个月", "截至5月31日止的五个月", "2024-01/2024-05"),
    # a stock as of a day: its month
    ("截至6月30日,存款余额", "6月30日", "2024-06"),
    ("截止2023年11月20日,累计", "2023年11月20日", "2023-11"),
    # a day span inside one month, a holiday: that month
    ("10月1日至8日,全市接待游客", "10月1日至8日", "2024-10"),
    ("5月1日—5日全市", "5月1日—5日", "2024-05"),
    ("2023年10月1至7日,全市", "2023年10月1至7日", "2023-10"),
    ("3月1日至3月15日,全市", "3月1日至3月15日", "2024-03"),
    ("春节假期(2月10日至17日),全市", "春节假期(2月10日至17日)", "2024-02"),
    ("国庆中秋假期(10月1日至8日),全市", "国庆中秋假期(10月1日至8日)", "2024-10"),
    ("国庆假期全市", "国庆假期", "2024-10"),
    ("五一假期全市", "五一假期", "2024-05"),
    ("“五一”假期,全市", "五一”假期", "2024-05"),
    ("十一黄金周期间", "十一黄金周", "2024-10"),
    ("清明小长假全市", "清明小长假", "2024-04"),
    ("2023年国庆黄金周全市", "2023年国庆黄金周", "2023-10"),
    ("今年五一假期全市", "今年五一假期", "2024-05"),
    ("过去一年,全县", "过去一年", "2023"),
    ("一年来,全区", "一年来", "2023"),
    ("年内,公司研发投入", "年内", "2024"),
    ("报告期内,公司", "报告期内", "2024"),
    ("期内收入", "期内", "2024"),
    ("截至报告期末,总资产", "报告期末", "2024"),
])
def test_periods(text: str, surface: str, value: str) -> None:
    assert one(text) == (surface, value, "period")


@pytest.mark.parametrize(("text", "surface"), [
    ("比上年增长7.7%", "上年"),
    ("较上年提高0.4个百分点", "上年"),
    ("比上年同期增长2%", "上年同期"),
    ("与去年同期持平", "去年同期"),
    ("比上年末下降4.1%", "上年末"),
    ("比1-10月份回升5.7个百分点", "1-10月份"),
    ("增速比一季度下降2个百分点", "一季度"),
    ("（去年同期为增长10.8%）", "去年同期"),
    # a year in a comparison is the base of that one figure
    ("恢复到2019年同期的108.5%", "2019年同期的"),
    ("按可比口径为2018年同期水平", "2018年同期"),
    ("产量是2020年的3.1倍", "2020年的"),
    ("规模为2015年的2倍", "2015年的"),
    ("相当于2010年的1.5倍", "2010年的"),
    ("客流恢复至2019年的九成", "2019年的"),
    ("收入是上年的1.2倍", "上年的"),
    ("比2020年翻一番", "2020年"),
    ("已恢复至2019年水平的95%", "2019年"),
    ("达到2019年同期水平", "2019年同期"),
    ("恢复到疫情前2019年的水平", "2019年的"),
])
def test_bases(text: str, surface: str) -> None:
    assert one(text)[::2] == (surface, "base")


@pytest.mark.parametrize(("text", "surface", "value"), [
    ("2025-01-27", "2025-01-27", "2025-01-27"),
    ("发布时间:2024-11-18 20:43:04 来源", "2024-11-18 20:43:04", "2024-11-18"),
    ("2012年3月19日", "2012年3月19日", "2012-03-19"),
    ("7月9日,记者获悉", "7月9日", "2024-07-09"),
    ("5月31日发布", "5月31日", "2024-05-31"),
    ("9月29、30日", "9月29、30日", "2024-09-29"),
    ("杭州于2024年11月发布三年行动计划", "2024年11月", "2024-11"),
    ("2024年3月召开", "2024年3月", "2024-03"),
    ("预计12月底前可完成", "12月", "2024-12"),
    ("力争2025年前建成", "2025年", "2025"),
    ("展会于10月15日至18日举办", "10月15日至18日", "2024-10"),  # a span: its month
    ("10月15日至18日举办", "10月15日至18日", "2024-10"),
    ("9月29日至10月6日,全市", "9月29日至10月6日", "2024-09-29"),
    ("春节假期全市", "春节假期", None),
    ("中秋假期全市", "中秋假期", None),
    ("2月1日出台", "2月1日", "2024-02-01"),
])
def test_event_dates(text: str, surface: str, value: str) -> None:
    assert one(text) == (surface, value, "date")


def test_year_ranges() -> None:
    assert one("2011-2015年地区生产总值") == ("2011-2015年", "2011/2015", "range")
    assert one("2023年至2024年") == ("2023年至2024年", "2023/2024", "range")
    assert one("2019—2023年") == ("2019—2023年", "2019/2023", "range")
    assert one("“十四五”规划") == ("十四五", "2021/2025", "range")
    assert one("十一五时期") == ("十一五", "2006/2010", "range")
    assert one("“十二五”") == ("十二五", "2011/2015", "range")
    assert one("2024-2025") == ("2024-2025", "2024/2025", "range")
    assert [p.kind for p in find_periods("2024-11-18", year=2024)] == ["date"]


@pytest.mark.parametrize("text", [
    "增长2024亿元", "共2015家企业", "2024亩耕地", "2020美元", "2024款车型", "2024平方米", "5G基站",
    "人均17.26万元", "623路公交", "12个月", "一切正常", "电话0571-87654321", "20241118", "统一大市场",
    "万一", "三年行动计划", "每年年底", "多年末见", "十四五个", "二十五人", "一年四季", "四季如春",
])
def test_not_periods(text: str) -> None:
    assert [p for p in find_periods(text, year=2024) if p.kind == "period"] == []


@pytest.mark.parametrize(("text", "surface"), [
    ("这是2024年杭州市规模以上工业增加值", "2024年"),  # 是 before a year that names the figure's year
    ("从2021年的386亿元提升至", "2021年的"),  # a from-to start: rules/fromto.py reads its period
    ("为2024年的目标", "2024年的"),  # no figure after 的
    ("2024年的数据显示", "2024年的"),
])
def test_years_that_stay_periods(text: str, surface: str) -> None:
    assert one(text)[::2] == (surface, "period")


@pytest.mark.parametrize("text", ["有效期内高新技术企业", "任期内", "十一年来", "多年来", "每年来", "国庆期间", "一年内",
                                  "三年内完成", "半年内", "第3期内容"])
def test_not_a_period_of_its_own(text: str) -> None:
    assert find_periods(text, year=2024) == []


def test_no_year_leaves_value_none() -> None:
    assert one("1-4月份增长", year=None) == ("1-4月份", None, "period")
    assert one("今年增长", year=None) == ("今年", None, "period")
    assert one("全年增长", year=None) == ("全年", None, "period")
    assert one("2024年1-4月", year=None)[1] == "2024-01/2024-04"


def test_invalid_month_spans() -> None:
    assert one("5-3月")[1] is None


def test_document_date() -> None:
    assert document_date("珠海市统计局\n2012年3月19日\n2011年,全市") == dt.date(2012, 3, 19)
    assert document_date("标题\n发布时间:2024-11-18 20:43:04 来源") == dt.date(2024, 11, 18)
    assert document_date("标题\n2024-02-29\n") == dt.date(2024, 2, 29)
    assert document_date("标题\n2023-02-29 无效\n2023-03-01") == dt.date(2023, 3, 1)
    assert document_date("无日期的文本") is None
    assert document_date("x", dt.date(2020, 1, 2)) == dt.date(2020, 1, 2)
    assert document_date("行\n" * 40 + "2012年3月19日") is None  # not near the top
    assert document_date("2023年1-10月全市规上工业增加值增长5%") is None  # a period, not a date
    assert document_date("标题\n2024.2.29 来源") == dt.date(2024, 2, 29)
    assert document_date("2024-02/29") is None


def test_reference_year() -> None:
    bulletin = "珠海市统计局\n2012年3月19日\n2011年,全市增长。2011年全年…全年"
    assert reference_year(bulletin) == 2011  # reports on the year before its date
    news = "2024-07-09\n今年上半年增长5%,2023年同期…2023年"
    assert reference_year(news) == 2024  # 今年 speaks from the date
    assert reference_year("1-4月份增长", dt.date(2022, 5, 31)) == 2022
    assert reference_year("1-4月份增长") is None
    assert reference_year("2015年全县,比上年增长") == 2015
    mid_year = "2024-07-10\n上半年,全市增长5%。2023年全市生产总值…"
    assert reference_year(mid_year) == 2024
    early = "2024-03-01\n2023年全市生产总值增长5%。上半年…全年…"
    assert reference_year(early) == 2023  # a bulletin season date: the text is about last year


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(list("2024年11月1-至前三季度上半全今去比同期日号05, ")), max_size=40))
def test_property_spans(text: str) -> None:
    for p in find_periods(text, year=2024):
        assert text[p.start:p.end] == p.text
        assert p.kind in PERIOD_KINDS
        assert p.start < p.end


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=80))
def test_never_raises(text: str) -> None:
    find_periods(text, year=2024)
    document_date(text)
    reference_year(text)


def test_dev_doc_years(shared_dir: Path) -> None:
    """Where gold periods carry a year, the reference year is one of them."""
    gold: dict[str, set[str]] = {}
    for line in (shared_dir / "eval" / "dev" / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        if r.get("period"):
            gold.setdefault(r["doc"], set()).add(r["period"][:4])
    for doc, years in gold.items():
        path = shared_dir / "eval" / "dev" / "docs" / f"{doc}.txt"
        y = reference_year(clean(path.read_text(encoding="utf-8")).text)
        assert str(y) in years, (doc, y, years)


def test_dev_docs_no_event_date_as_period(shared_dir: Path) -> None:
    t = clean((shared_dir / "eval" / "dev" / "docs" / "rt-038.txt").read_text(encoding="utf-8")).text
    assert [p for p in find_periods(t, year=2010) if p.kind == "period"] == []


def test_raw_text_is_cleaned_and_spans_map_back() -> None:
    t = "２０２４年１－１０月,前11個月,去年同期,統(tǒng)計2023年以來"
    got = [(t[p.start:p.end], p.text, p.value, p.kind) for p in find_periods(t, year=2024)]
    assert got == [
        ("２０２４年１－１０月", "２０２４年１－１０月", "2024-01/2024-10", "period"),
        ("前11個月", "前11個月", "2024-01/2024-11", "period"),
        ("去年同期", "去年同期", "2023-01/2023-11", "base"),  # the same part of the year as 前11个月
        ("2023年以來", "2023年以來", "2023", "period"),
    ]
    assert document_date("標題\n２０２５－０１－２７\n") == dt.date(2025, 1, 27)
    assert reference_year("２０２３年全年增長") == 2023


_PERIOD_ALPHABET = ("0123456789 -/.~\n年月日号季度半上下前全第首今去本当个份至到、,和及一二三四五六七八九十两〇"
                    "QH末底初以来的发布于增长亿元“”规划时期期间")


_PERIOD_PIECES = ("2024", "1998", "20", "19", "11", "1", "0", "12", "年", "月", "日", "季度", "份", "个", "前", "全", "上",
                  "下", "半", "第", "首", "今", "去", "明", "次", "本", "当", "十", "十一", "二〇二四", "○", "零",
                  "两", "四五", "五", " ", "\u3000", "-", "—", "–", "～", "至", "/", ".", "Q1", "H2", "末", "底", "度",
                  "以来", "同期", "发布", "规划", "”", "\n", "增长", "亿元", "截至", "截止", "止", "的", "六个月",
                  "年度", "日", "过去", "一年", "一年来", "国庆", "中秋", "春节", "五一", "假期", "黄金周", "十一", "报告期", "期内", "年内", "(",
                  ")", "（", "）", "是", "相当于", "首", "季")


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_PERIOD_ALPHABET, max_size=40)
       | st.lists(st.sampled_from(_PERIOD_PIECES), max_size=16).map("".join))
def test_start_condition_changes_no_match(text: str) -> None:
    """The cheap start scans (_starts) only skip positions where no period can start."""
    from hz_extract import period_scan

    assert [(m.span(), m.groupdict()) for m in period_scan.matches(text)] == \
        [(m.span(), m.groupdict()) for m in period_scan.pattern().finditer(text)]


@pytest.mark.parametrize("text", ["  -3月", "3 - 5月", "1\x1c-3月", "1\u3000至\u30003月", "112月3日", "2012月3日",
                                  "10月", "00—1", "9:00—11月", "1季度-2季度", "120245年", "2020.5年"])
def test_number_starts_give_what_regex_gives(text: str) -> None:
    """Month numbers found from the mark after them, and years, start where regex finds periods."""
    from hz_extract import period_pattern

    assert [(m.span(), m.groupdict()) for m in period_pattern.matches(text)] == \
        [(m.span(), m.groupdict()) for m in period_pattern.pattern().finditer(text)]


@pytest.mark.parametrize("text", ["期内收入", "本期内收入", "1期内", "\u3000期内", "2024经济", "2024〇", "2024 年",
                                  "2024\U00020001", "2024々", "2024a", "时间2024\x1c-\x1f2025年", "2024\U00010d41年",
                                  "1\u2003-\u20033月", "1\x1c-3月"])
def test_re_twin_gives_what_regex_gives(text: str) -> None:
    """Where the ``re`` twin leaves a test of Chinese script to ``regex``, and where the two
    modules' own ``\\d`` and ``\\s`` differ, matches() still gives the pattern's matches."""
    from hz_extract import period_pattern

    assert [(m.span(), m.groupdict()) for m in period_pattern.matches(text)] == \
        [(m.span(), m.groupdict()) for m in period_pattern.pattern().finditer(text)]


_BEFORE_WORDS = [("_BASE_WORDS", 2), ("_EVENT_BEFORE", 2), ("_AS_OF", 3), ("_BASE_OF", 4)]
_BEFORE_ALPHABET = "比较同与相对高于低快慢截至止到是为当恢复回达超过\n年"


@pytest.mark.parametrize(("words", "reach"), _BEFORE_WORDS)
@settings(max_examples=500, deadline=None)
@given(text=st.text(alphabet=_BEFORE_ALPHABET, max_size=7), at=st.integers(0, 7))
def test_words_before_a_period_are_found_as_a_search_would(words: str, reach: int, text: str, at: int) -> None:
    """The context before a period is read without a search: what ``(?:words)$`` finds in it."""
    import regex

    from hz_extract import period_pattern
    from hz_extract.period_scan import _ends_with

    found = getattr(period_pattern, words)
    at = min(at, len(text))
    search = regex.compile(f"(?:{'|'.join(found)})$").search
    assert _ends_with(text, at, reach, found) == bool(search(text, max(0, at - reach), at))


def test_re_twin_reads_digits_and_spaces_as_regex_does() -> None:
    import re

    import regex

    from hz_extract.period_pattern import _LATER_DIGITS, _SPACE

    every = "".join(map(chr, [*range(0xD800), *range(0xE000, 0x110000)]))
    assert re.findall(rf"[\d{_LATER_DIGITS}]", every) == regex.findall(r"\d", every)
    assert re.findall(f"[{_SPACE}]", every) == regex.findall(r"\s", every)
    assert all(c.isspace() for c in regex.findall(r"\s", every))  # what _starts steps back over


def test_start_condition_year_digits() -> None:
    """After 19/20 the start scan rules out only characters that ``regex`` never reads as digits."""
    import regex

    from hz_extract.period_pattern import _YEAR_AHEAD

    ruled_out = [chr(c) for c in range(0xA000) if not regex.fullmatch(_YEAR_AHEAD, chr(c) * 2)]
    assert ruled_out and not regex.search(r"\d", "".join(ruled_out))
    assert regex.fullmatch(_YEAR_AHEAD, "24") and regex.fullmatch(_YEAR_AHEAD, "２٤")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PERIOD_PIECES), max_size=16).map("".join))
def test_value_without_a_year_is_a_hit_s_own(text: str) -> None:
    """What the reference year counts, read without hit_value, is what hit_value gives with no year."""
    from hz_extract.period_scan import OWN_VALUE, hit_value, scan

    for h in scan(clean(text).text):
        assert hit_value(h, None) == (h.value if h.how in OWN_VALUE else None)


def test_read_periods_is_reference_year_and_find_periods(shared_dir: Path) -> None:
    """The extractor's one pass gives what the two public calls give, with or without a date."""
    from hz_extract.periods import read_periods

    for path in sorted((shared_dir / "eval" / "dev" / "docs").glob("*.txt")):
        t = clean(path.read_text(encoding="utf-8")).text
        for published in (None, dt.date(2025, 6, 30)):
            year, found = read_periods(t, published)
            assert year == reference_year(t, published)
            assert found == find_periods(t, year=year, date=document_date(t, published))


def test_a_record_of_the_year_is_no_period() -> None:
    # 创年内新高: the highest this year, said of a figure; 年内 alone is the year in frame
    assert [p.text for p in find_periods("融资余额为1.8万亿元,创年内新高。", year=2025)] == []
    assert [p.value for p in find_periods("年内全市新增就业3.2万人。", year=2025)] == ["2025"]

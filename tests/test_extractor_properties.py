"""Properties of extract on arbitrary text: it never raises, and every span slices back to its text.

(The 10 MB document and the line of 100,000 digits are timed in benchmarks/bench_extract.py;
unit tests carry no timed assertions.)
"""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hz_extract import extract

_PIECES = st.sampled_from([
    "全年", "全市", "我国", "2024年", "1-4月份", "上半年", "地区生产总值", "规模以上工业增加值", "产量", "分别",
    "增长", "下降", "同比", "比上年", "高于", "低于", "个百分点", "占", "比重", "达", "为", "位居全省第", "一", "三",
    "榜首", "翻番", "倍", "是上年的", "从", "提升至", "这是", "、", "和", ",", "，", "。", ";", "(", ")", "“", "”",
    "%", "％", "亿元", "万吨", "家", "个", "超过", "近", "约", "多", "1", "2.5", "4400", "７", "十", "\n", " ",
    "統(tǒng)計", "增長", "億元", "预计", "目标", "任务", "第1位", "的",
])

_TEXT = st.one_of(st.text(max_size=200), st.lists(_PIECES, max_size=60).map("".join))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT)
def test_never_raises_and_spans_slice(text: str) -> None:
    for r in extract(text):
        assert text[r.span[0]:r.span[1]] == r.text
        assert r.sentence and r.text
        assert r.indicator
        assert r.measure in ("level", "growth", "change", "share", "pp_diff", "rank", "multiple")


def test_long_digit_line_and_big_document_complete() -> None:
    assert isinstance(extract("1" * 20000), list)
    doc = ("全年粮食产量120万吨,比上年增长2%。" * 200 + "\n") * 5
    recs = extract(doc)
    assert len(recs) == 2  # one fact, stated a thousand times

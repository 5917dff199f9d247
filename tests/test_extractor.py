"""The Extractor API end to end: the seed article's key facts, spans, pickling, repeats, user additions."""
from __future__ import annotations

import datetime as dt
import json
import pickle
from decimal import Decimal

import pytest

import hz_extract
from hz_extract import Extractor, extract
from hz_extract.extractor import default_extractor, same_name
from hz_extract.records import RECORD_FIELDS


@pytest.fixture(scope="module")
def seed_records(seed_text: str) -> list[hz_extract.Record]:
    return extract(seed_text, doc_id="seed")


def _find(records, indicator, measure, value):
    return [r for r in records if r.indicator == indicator and r.measure == measure and r.value == Decimal(str(value))]


@pytest.mark.parametrize(("indicator", "measure", "value", "unit", "qualifier"), [
    ("规模以上工业增加值", "level", 440000000000, "元", "more_than"),
    ("规模以上工业增加值", "growth", 4.0, "%", "exact"),
    ("智能物联产业生态圈规模", "level", 940000000000, "元", "more_than"),
    ("高端装备制造业增加值", "growth", 5.5, "%", "exact"),
    ("工业控制计算机及系统产量", "growth", 40.9, "%", "exact"),
    ("集成电路产量", "growth", 50.1, "%", "exact"),
    ("汽车仪器仪表产量", "growth", 64.7, "%", "exact"),
    ("压缩机年产量", "level", 60000000, "台", "up_to"),
    ("人均产值", "level", 1260000, "元", "exact"),
    ("人均产值", "level", 1900000, "元", "exact"),
    ("数字经济核心产业增加值", "level", 630500000000, "元", "exact"),
    ("数字经济核心产业增加值", "growth", 7.1, "%", "exact"),
    ("数字经济核心产业增加值", "pp_diff", 2.4, "pp", "exact"),
    ("数字经济核心产业增加值", "share", 28.8, "%", "exact"),
    ("新增国家级专精特新“小巨人”企业", "level", 156, "家", "exact"),
    ("降低融资成本", "level", 85000000, "元", "exact"),
])
def test_seed_key_records(seed_records, indicator, measure, value, unit, qualifier) -> None:
    hits = _find(seed_records, indicator, measure, value)
    assert len(hits) == 1, [r.to_dict() for r in seed_records]
    assert hits[0].unit == unit and hits[0].qualifier == qualifier


def test_seed_secondary_fields(seed_records) -> None:
    (lead,) = _find(seed_records, "规模以上工业增加值", "level", 440000000000)
    assert lead.subject and lead.subject.startswith("杭州") and lead.period == "2024"
    (growth,) = _find(seed_records, "规模以上工业增加值", "growth", 4.0)
    assert growth.base == "上年"
    (pp,) = _find(seed_records, "数字经济核心产业增加值", "pp_diff", 2.4)
    assert pp.base == "GDP增速"
    (share,) = _find(seed_records, "数字经济核心产业增加值", "share", 28.8)
    assert share.base == "GDP"
    (before, after) = sorted(_find(seed_records, "人均产值", "level", 1260000)
                             + _find(seed_records, "人均产值", "level", 1900000), key=lambda r: r.value)
    assert (before.period, after.period) == ("2022", "2024")
    (plant,) = _find(seed_records, "压缩机年产量", "level", 60000000)
    assert plant.subject == "钱江制冷"
    (cost,) = _find(seed_records, "降低融资成本", "level", 85000000)
    assert cost.modality == "expected"


def test_seed_has_no_noise(seed_records) -> None:
    texts = " ".join(r.text for r in seed_records)
    for junk in ("1155", "B2-W", "5G", "2025", "万亿元", "三年", "五大"):
        assert junk not in texts
    assert all(r.indicator for r in seed_records)


def test_seed_spans_slice_the_original(seed_text, seed_records) -> None:
    for r in seed_records:
        assert seed_text[r.span[0]:r.span[1]] == r.text
        assert r.text in r.sentence and r.sentence in seed_text


def test_seed_records_serialise(seed_records) -> None:
    for r in seed_records:
        d = json.loads(r.to_json())
        assert tuple(d) == RECORD_FIELDS and d["doc"] == "seed"
        assert r.rule


def test_traditional_script_gives_simplified_names() -> None:
    text = "2011年,全市實現地區生產總值1403.24億元,比上年增長11.3%。"
    recs = extract(text)
    assert [(r.indicator, r.measure) for r in recs] == [("地区生产总值", "level"), ("地区生产总值", "growth")]
    for r in recs:
        assert text[r.span[0]:r.span[1]] == r.text


def test_repeated_headline_is_one_record() -> None:
    text = "全市粮食产量120万吨\n\n据统计,全年全市粮食产量120万吨,比上年增长2%。"
    recs = extract(text)
    assert [r.measure for r in recs].count("level") == 1


def test_per_capita_is_not_a_repeat() -> None:
    recs = extract("地区生产总值500亿元,比上年增长6.0%。人均地区生产总值8万元,比上年增长6.0%。")
    assert sum(r.measure == "growth" for r in recs) == 2


def test_same_name() -> None:
    assert same_name("规上工业增加值", "规模以上工业增加值")
    assert same_name("外贸进出口", "外贸进出口总额")
    assert not same_name("地区生产总值", "人均地区生产总值")
    assert not same_name("工业增加值", "工业增加值占GDP比重")
    assert not same_name("", "增加值")


def test_headline_and_body_are_one_fact() -> None:
    text = "前10月宁波外贸进出口同比增长4.1%\n今年前10个月,宁波市外贸进出口总额达1.14万亿元,同比增长4.1%。"
    assert [r.measure for r in extract(text)].count("growth") == 1


def test_published_resolves_relative_periods() -> None:
    recs = extract("今年上半年,全市工业增加值100亿元。", published=dt.date(2023, 7, 20))
    assert recs and recs[0].period == "2023H1"


def test_nothing_for_empty_and_prose() -> None:
    assert extract("") == []
    assert extract("   \n") == []
    assert extract("国庆期间公交公司将在两个站点设立服务台。") == []


def test_rejects_non_text() -> None:
    with pytest.raises(TypeError):
        extract(b"bytes")  # type: ignore[arg-type]


def test_extractor_pickles_without_heavy_state() -> None:
    ex = Extractor(indicators=["碳排放强度"], organisations=["钱江制冷"])
    ex.extract("全年粮食产量120万吨。")
    blob = pickle.dumps(ex)
    assert len(blob) < 1000
    clone = pickle.loads(blob)
    assert clone.indicators == ("碳排放强度",) and clone.organisations == ("钱江制冷",)
    assert [r.value for r in clone.extract("全年粮食产量120万吨。")] == [Decimal(1200000)]


def test_organisations_become_subjects() -> None:
    recs = Extractor(organisations=["星河电子"]).extract("星河电子营业收入12亿元,同比增长8%。")
    assert {r.subject for r in recs} == {"星河电子"}


def test_extra_indicator_heads_distribute_lists() -> None:
    # items of unlike shape (甲区 | 乙开发区): only a known head tells what they share
    text = "甲区、乙开发区亩均税收分别增长3.1%和2.5%。"
    plain = {r.indicator for r in Extractor().extract(text)}
    assert plain != {"甲区亩均税收", "乙开发区亩均税收"}
    extra = {r.indicator for r in Extractor(indicators=["亩均税收"]).extract(text)}
    assert extra == {"甲区亩均税收", "乙开发区亩均税收"}


def test_default_extractor_is_shared() -> None:
    assert default_extractor() is default_extractor()


def test_tokenize_delegates() -> None:
    toks = Extractor().tokenize("规模以上工业增加值增长4.0%")
    assert "".join(t.text for t in toks).replace(" ", "") == "规模以上工业增加值增长4.0%"
    assert any(t.kind == "quantity" and t.text == "4.0%" for t in toks)


def test_subject_is_not_a_speaker_or_an_example() -> None:
    recs = extract("国信证券认为,今年上半年市场日均成交额为1.1万亿元。")
    assert recs and all(r.subject != "国信证券" for r in recs)
    recs = extract("美团、京东科技等企业先后入驻。全年商贸业增加值303.4亿元。")
    assert recs and all(r.subject != "京东科技" for r in recs)


def test_subject_governed_by_a_comparison_is_someone_else() -> None:
    recs = extract("我市工业增速位居全省第三位,低于第二位的嘉兴市0.3个百分点。")
    pp = [r for r in recs if r.measure == "pp_diff"]
    assert pp and pp[0].subject != "嘉兴市"


def test_list_of_regions_gives_subjects() -> None:
    recs = extract("鼓楼、台江和晋安三个区分别完成投资120亿元、95亿元和88亿元,分别增长5%、6%和7%。")
    assert [r.subject for r in recs] == ["鼓楼", "台江", "晋安"] * 2


def test_aside_period_does_not_carry() -> None:
    text = "2022年地区生产总值800亿元(经核实,2021年地区生产总值修订为760亿元)。人均地区生产总值9万元。"
    recs = extract(text)
    assert [r.period for r in recs] == ["2022", "2021", "2022"]


def test_unknown_year_stays_null() -> None:
    recs = extract("1-4月份,全国规模以上工业增加值同比增长4.0%。")
    assert recs and recs[0].period is None and recs[0].base == "上年同期"


def test_extra_regions_become_subjects() -> None:
    recs = Extractor(regions=["钱塘新区"]).extract("钱塘新区规模以上工业增加值增长9.1%。")
    assert [r.subject for r in recs] == ["钱塘新区"]


def test_tokenize_keeps_extra_terms_whole() -> None:
    toks = Extractor(indicators=["碳排放强度"]).tokenize("全市碳排放强度下降3%")
    assert "碳排放强度" in [t.text for t in toks]


def test_published_as_iso_string() -> None:
    recs = extract("今年上半年,全市工业增加值100亿元。", published="2023-07-20")
    assert recs[0].period == "2023H1"


def test_published_garbage_is_an_input_error() -> None:
    from hz_extract.errors import InputError

    with pytest.raises(InputError, match="not a date"):
        extract("全市工业增加值100亿元。", published="last tuesday")


def test_headline_abbreviation_is_the_body_figure() -> None:
    text = ("5月份制造业PMI为49.5% 比上月下降0.3个百分点\n"
            "5月份,制造业采购经理指数(PMI)为49.5%,比上月下降0.3个百分点。")
    recs = extract(text)
    assert [(r.indicator, r.measure) for r in recs] == [("制造业采购经理指数", "level"),
                                                        ("制造业采购经理指数", "pp_diff")]


def test_abbreviation_does_not_merge_other_indices() -> None:
    text = ("制造业采购经理指数(PMI)为50.6%,比上月上升0.4个百分点。"
            "综合PMI产出指数为51.5%,比上月上升0.4个百分点。")
    assert sum(r.measure == "pp_diff" for r in extract(text)) == 2


def test_a_period_that_dates_the_time_word_before_it_carries() -> None:
    # 本周(11月17日至21日): the bracket dates 本周, so the week's month reaches the next sentence;
    # a bracketed revision (上年为…) still does not (RECORDS.md: periods carry over).
    text = "市场周报 2025-11-22\n\n本周(11月17日至21日)A股震荡上行。上证指数收于3468.27点。"
    assert [r.period for r in extract(text)] == ["2025-11"]


def test_a_place_that_tops_a_ranking_is_the_subject_of_its_own_sentence_only() -> None:
    text = "2025年蒲江县村集体经济收入最高的鹤山村达到512万元。全年新建高标准农田3.2万亩。"
    assert [r.subject for r in extract(text)] == ["鹤山", "蒲江县"]


def test_a_national_designation_is_not_the_subject_of_its_count() -> None:
    text = "泉州市文化局\n2025-12-01\n全市拥有全国重点文物保护单位12处、省级文物保护单位35处。"
    assert {r.subject for r in extract(text)} == {"泉州市"}

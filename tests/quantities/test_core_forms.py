"""Whole-sentence specs for the forms the relation extractor relies on: text, offsets, value, unit, qualifier, kind."""
from __future__ import annotations

from decimal import Decimal

import pytest

from hz_extract import find_quantities

# (sentence, surface, value, value_max, unit, qualifier, kind)
CASES = [
    ("超过4400亿元,这是2024年杭州市规模以上工业增加值", "超过4400亿元", "440000000000", None, "元", "more_than", "money"),
    ("比上年增长4.0%。", "4.0%", "4.0", None, "%", "exact", "percent"),
    ("高于GDP增速2.4个百分点", "2.4个百分点", "2.4", None, "pp", "exact", "pp"),
    ("增速回落0.4百分点", "0.4百分点", "0.4", None, "pp", "exact", "pp"),
    ("奖池36.57亿元", "36.57亿元", "3657000000", None, "元", "exact", "money"),
    ("规模16.4亿", "16.4亿", "1640000000", None, None, "exact", "number"),
    ("是上年的1.5倍", "1.5倍", "1.5", None, "倍", "exact", "multiple"),
    ("市场份额三成", "三成", "30", None, "%", "exact", "percent"),
    ("位居全省第一", "第一", "1", None, None, "exact", "ordinal"),
    ("排名第3位", "第3位", "3", None, None, "exact", "ordinal"),
    ("稳居榜首", "榜首", "1", None, None, "exact", "ordinal"),
    ("营收20多亿元", "20多亿元", "2000000000", None, "元", "more_than", "money"),
    ("共有近700家企业", "近700家", "700", None, "家", "nearly", "measure"),
    ("投资约3.5亿美元", "约3.5亿美元", "350000000", None, "美元", "approx", "money"),
    ("年产量可达6000万台", "可达6000万台", "60000000", None, "台", "up_to", "measure"),
    ("单价最高50欧元", "最高50欧元", "50", None, "欧元", "up_to", "money"),
    ("占比不足10%", "不足10%", "10", None, "%", "less_than", "percent"),
    ("人数10万人以下", "10万人以下", "100000", None, "人", "less_than", "measure"),
    ("增长3%左右", "3%左右", "3", None, "%", "approx", "percent"),
    ("投资100-200万元", "100-200万元", "1000000", "2000000", "元", "range", "money"),
    ("提高3至5倍", "3至5倍", "3", "5", "倍", "range", "multiple"),
    ("产量增加888万吨", "888万吨", "8880000", None, "吨", "exact", "measure"),
    ("减少50万公顷", "50万公顷", "500000", None, "公顷", "exact", "measure"),
    ("出货5亿块", "5亿块", "500000000", None, "块", "exact", "measure"),
    ("利润４４００亿元", "４４００亿元", "440000000000", None, "元", "exact", "money"),
    ("增长２．４％", "２．４％", "2.4", None, "%", "exact", "percent"),
    ("增长 5.4 %", "5.4 %", "5.4", None, "%", "exact", "percent"),
    ("总额1,100.9亿元", "1,100.9亿元", "110090000000", None, "元", "exact", "money"),
    ("收入82，225.00元", "82，225.00元", "82225", None, "元", "exact", "money"),
    ("存款3億港元", "3億港元", "300000000", None, "港元", "exact", "money"),
    ("吞吐量1200万标准箱", "1200万标准箱", "12000000", None, "标准箱", "exact", "measure"),
    ("PM2.5浓度为28微克/立方米", "28微克/立方米", "28", None, "微克/立方米", "exact", "measure"),
    ("突破9400亿元", "突破9400亿元", "940000000000", None, "元", "more_than", "money"),
    ("逾1000余万元", "逾1000余万元", "10000000", None, "元", "more_than", "money"),
    ("翻番", "翻番", "2", None, "倍", "exact", "multiple"),
]


@pytest.mark.parametrize("sentence,surface,value,value_max,unit,qualifier,kind", CASES)
def test_core_form(sentence, surface, value, value_max, unit, qualifier, kind):
    found = [q for q in find_quantities(sentence) if q.text == surface]
    assert len(found) == 1, [q.text for q in find_quantities(sentence)]
    q = found[0]
    assert sentence[q.start:q.end] == surface
    assert q.value == Decimal(value)
    assert q.value_max == (Decimal(value_max) if value_max else None)
    assert (q.unit, q.qualifier, q.kind) == (unit, qualifier, kind)


@pytest.mark.parametrize("sentence", [
    "2024年", "2025-01-27", "2024年11月", "11月", "18点30分", "5G应用", "宇树科技B2-W机器狗",
    "“1155”工作体系", "623路公交", "一切", "统一", "四川", "一季度", "万一", "五角大楼", "1-10月份",
    "前三季度", "前11个月", "电话0571-87654321", "",
])
def test_not_a_quantity(sentence):
    assert find_quantities(sentence) == []


def test_to_dict_has_no_float_noise():
    q = find_quantities("16.4亿元")[0]
    assert q.to_dict()["value"] == 1640000000

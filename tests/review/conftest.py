"""Fixtures for the review-page tests: records built by hand on the seed article.

Rendering is tested on records written here, so these tests do not depend on what
the extractor currently finds; the end-to-end tests use ``extract`` itself.
"""
from __future__ import annotations

from decimal import Decimal
import pytest

from hz_extract.records import Record


@pytest.fixture()
def seed_records(seed_text: str, make_record) -> list[Record]:
    """A dozen records on the seed article, one of each measure, written by hand."""
    t, build_record = seed_text, make_record
    return [
        build_record(t, "超过4400亿元", indicator="规模以上工业增加值", subject="杭州", period="2024",
                    value=Decimal("440000000000"), unit="元", qualifier="more_than"),
        build_record(t, "4.0%", indicator="规模以上工业增加值", subject="杭州", period="2024",
                    measure="growth", value=Decimal("4.0"), unit="%", base="上年"),
        build_record(t, "6305亿元", indicator="数字经济核心产业增加值", subject="杭州", period="2024",
                    value=Decimal("630500000000"), unit="元"),
        build_record(t, "7.1%", indicator="数字经济核心产业增加值", subject="杭州", period="2024",
                    measure="growth", value=Decimal("7.1"), unit="%"),
        build_record(t, "2.4个百分点", indicator="数字经济核心产业增加值", subject="杭州", period="2024",
                    measure="pp_diff", value=Decimal("2.4"), unit="pp", base="GDP增速"),
        build_record(t, "28.8%", indicator="数字经济核心产业增加值", subject="杭州", period="2024",
                    measure="share", value=Decimal("28.8"), unit="%", base="GDP"),
        build_record(t, "可达6000万台", indicator="压缩机年产量", subject="钱江制冷",
                    value=Decimal("60000000"), unit="台", qualifier="up_to"),
        build_record(t, "20多亿元", indicator="投入", subject="钱江制冷",
                    measure="level", value=Decimal("2000000000"), unit="元", qualifier="more_than"),
        build_record(t, "第一", occurrence=0, indicator="制造业高质量发展指数", subject="杭州",
                    measure="rank", value=Decimal(1), base="全省"),
        build_record(t, "50.1%", indicator="集成电路产量", subject="杭州", period="2024",
                    measure="growth", value=Decimal("50.1"), unit="%"),
        build_record(t, "预计降低融资成本8500万元", indicator="融资成本", subject="杭州",
                    measure="change", value=Decimal("-85000000"), unit="元", modality="expected"),
        build_record(t, "156家", indicator="国家级专精特新“小巨人”企业", subject="杭州", period="2024",
                    value=Decimal(156), unit="家"),
    ]

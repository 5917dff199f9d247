"""Zones and scenic areas: places that are no administrative division."""
from __future__ import annotations

import pytest
import regex

from hz_extract._data import read_sections
from hz_extract.zones import find_zones


def zones(t: str) -> list[tuple[str, str, str]]:
    out = []
    for a, b, name, level in find_zones(t):
        out.append((t[a:b], name, level))
    return out


@pytest.mark.parametrize(("text", "want"), [
    ("临港新区前三季度招商", [("临港新区", "临港新区", "zone")]),
    ("记者从临港新区管委会获悉", [("临港新区", "临港新区", "zone")]),
    ("走进合肥高新区一家企业", [("合肥高新区", "合肥高新区", "zone")]),
    ("宁波杭州湾新区规上工业", [("杭州湾新区", "杭州湾新区", "zone")]),  # the zone, in 宁波
    ("千岛湖景区接待游客", [("千岛湖景区", "千岛湖景区", "scenic")]),
    # a bare zone word starting a clause stands for the zone named before it
    ("临港新区招商。新区共签约项目90个", [("临港新区", "临港新区", "zone"), ("新区", "临港新区", "zone")]),
    ("新区融媒体\n临港新区招商", [("新区", "临港新区", "zone"), ("临港新区", "临港新区", "zone")]),
])
def test_found(text: str, want: list[tuple[str, str, str]]) -> None:
    assert zones(text) == want


@pytest.mark.parametrize("text", [
    "全县拥有A级景区23个,其中5A级景区1个",  # a kind of scenic area
    "全市重点景区接待游客",
    "国家级新区建设",
    "新区共签约项目90个",  # a bare zone word with no zone named
    "经开区规上工业增长",
])
def test_not_found(text: str) -> None:
    assert find_zones(text) == []


def test_lexicon_file() -> None:
    sections = read_sections("zones.txt")
    assert set(sections) == {"zones", "scenic", "generic"}
    for section, words in sections.items():
        assert words and len(set(words)) == len(words), section
        assert all(regex.fullmatch(r"\p{Han}+", w) for w in words), section

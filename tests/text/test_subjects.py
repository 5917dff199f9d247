"""Subjects: regions (full and short), national, local, organisations; main_place."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hz_extract.subjects import SUBJECT_KINDS, default_subject, find_subjects, lookup_name, main_place


def named(text: str, **kw: object) -> list[tuple[str, str]]:
    out = []
    for s in find_subjects(text, **kw):  # type: ignore[arg-type]
        assert text[s.start:s.end] == s.text
        out.append((s.name, s.kind))
    return out


@pytest.mark.parametrize(("text", "want"), [
    ("2024年杭州市规模以上工业增加值", [("杭州市", "region")]),
    ("细数2024杭州工信经济", [("杭州", "region")]),
    ("2021年拱墅GDP修订为1949.8亿元", [("拱墅", "region")]),
    ("江华瑶族自治县招商引资", [("江华瑶族自治县", "region")]),
    ("来源:江华新闻网", [("江华", "region")]),
    ("江华县全县", [("江华县", "region"), ("全县", "local")]),
    ("香洲、金湾和斗门三个行政区", [("香洲", "region"), ("金湾", "region"), ("斗门", "region")]),
    ("广西壮族自治区和内蒙古", [("广西壮族自治区", "region"), ("内蒙古", "region")]),
    ("新疆维吾尔自治区", [("新疆维吾尔自治区", "region")]),
    ("黔东南州", [("黔东南州", "region")]),
    ("位于余杭区的工厂", [("余杭区", "region")]),
    ("杭州市场活跃", [("杭州", "region")]),  # 市场 is a word: the region is 杭州
    ("珠海市統(tǒng)計局", [("珠海市", "region")]),  # names in simplified script
    ("宁波市和嘉興市", [("宁波市", "region"), ("嘉兴市", "region")]),
    ("香港特別行政區政府統計處", [("香港特别行政区", "region")]),  # 香港特别行政区政府 is one segmenter word
    ("北京市政府发布", [("北京市", "region")]),
    ("射洪縣2013年國民經濟", [("射洪县", "region")]),  # 射洪市 since 2019: an older text names the county
    ("萧山市2000年工业总产值", [("萧山市", "region")]),  # now 萧山区
])
def test_regions(text: str, want: list[tuple[str, str]]) -> None:
    assert named(text) == want


@pytest.mark.parametrize("text", [
    "国庆期间灵隐站、城站将有公交服务台",
    "长江华东地区",  # 长江|华东, no 江华
    "和平发展,新华社报道",
    "千年运河、繁华武林",
    "城区空气质量优良",
    "调结构、惠民生",
    "加快发展新兴产业",
    "资源配置,通道建设,合作共赢",
    "朝阳产业,南部地区",
    "会同有关部门,威信扫地",
    "全年日照时数1800小时",
])
def test_no_false_regions(text: str) -> None:
    assert [n for n, k in named(text) if k == "region"] == []


@pytest.mark.parametrize(("text", "want"), [
    ("全国规模以上工业增加值", [("全国", "national")]),
    ("我国粮食产量", [("全国", "national")]),
    ("中国经济总量", [("全国", "national")]),
    ("中国的GDP", [("全国", "national")]),
    ("居全国第三", [("全国", "national")]),
])
def test_national(text: str, want: list[tuple[str, str]]) -> None:
    assert named(text) == want


@pytest.mark.parametrize("text", ["中国视谷、中国医药港、中国绿港等产业地标", "中国移动杭州分公司", "全国人大代表"])
def test_not_national(text: str) -> None:
    assert "national" not in [k for _, k in named(text)]


@pytest.mark.parametrize(("text", "local"), [
    ("全市规模以上工业", "全市"), ("我省经济", "我省"), ("全区地区生产总值", "全区"),
    ("全县粮食产量", "全县"), ("本市居民", "本市"), ("我市规模以上工业", "我市"),
    ("1-9月,市区商品房销售面积", "市区"), ("全年市区空气质量", "市区"),
])
def test_local(text: str, local: str) -> None:
    assert named(text) == [(local, "local")]


def test_local_levels() -> None:
    levels = {s.text: s.level for s in find_subjects("全市全省全区全县") if s.kind == "local"}
    assert levels == {"全市": "city", "全省": "province", "全区": "district", "全县": "county"}
    assert [s.level for s in find_subjects("截至6月末,市区新房库存") if s.kind == "local"] == ["city"]


@pytest.mark.parametrize("text", ["全市场成交额", "全区域覆盖", "市委市政府", "城市区域面积", "推动市区两级联动"])
def test_not_local(text: str) -> None:
    assert "local" not in [k for _, k in named(text)]


@pytest.mark.parametrize(("text", "org"), [
    ("钱江制冷副总经理王文汉说", "钱江制冷"),
    ("位于余杭区的钱江制冷未来工厂", "钱江制冷"),
    ("上半年,东方财富证券实现营业收入41.77亿元", "东方财富证券"),
    ("旗下子公司东方财富证券2022年", "东方财富证券"),
    ("宇树科技B2-W机器狗", "宇树科技"),
    ("考虑到东财证券的表现", "东财证券"),
    ("阿里巴巴集团相关负责人表示", "阿里巴巴集团"),
])
def test_orgs(text: str, org: str) -> None:
    assert (org, "org") in named(text)


@pytest.mark.parametrize("text", [
    "提出要以科技创新引领", "近期陆续发行公司债", "业绩高增且证券业务", "市场保有量改善有望助推公司",
    "杭州市经信局(市数字经济局)相关负责人说", "该公司营收", "上市公司数量", "券商龙头",
    "百货公司货品的销货价值下跌4.3%",
])
def test_no_false_orgs(text: str) -> None:
    assert [n for n, k in named(text) if k == "org"] == []


def test_org_stem_and_user_orgs() -> None:
    t = "东方财富日前发布了旗下子公司东方财富证券的报表。东方财富股价下跌。"
    orgs = [n for n, k in named(t) if k == "org"]
    assert orgs == ["东方财富", "东方财富证券", "东方财富"]
    assert ("万向", "org") in named("万向今年营收增长", organisations=("万向",))
    assert ("钱江摩托", "org") in named("錢江摩托营收", organisations=("錢江摩托",))


def test_user_regions() -> None:
    got = find_subjects("钱塘新区规上工业增加值", regions=("钱塘新区",))
    assert [(s.name, s.kind) for s in got] == [("钱塘新区", "region")]


def test_short_form_prefers_higher_level() -> None:
    s = find_subjects("河北经济")[0]
    assert (s.name, s.level, lookup_name(s)) == ("河北", "province", "河北省")


def test_lookup_name() -> None:
    s = find_subjects("杭州")[0]
    assert lookup_name(s) == "杭州市"
    assert s.code == "330100" and s.level == "city"


@pytest.mark.parametrize(("text", "place"), [
    ("攀高逐新\n细数2024杭州工信经济\n全市规模以上工业增加值增长,杭州…位居全省第一,浙江", "杭州"),
    ("珠海市統(tǒng)計局\n2011年,全市生产总值增长11.3%。香洲、金湾和斗门", "珠海市"),
    ("全区生产总值增长1.5%(2021年拱墅GDP修订为1949.8亿元),全区…杭州市", "拱墅"),
    ("1-10月,全县招商引资…在全市排位第一。\n来源:江华新闻网", "江华"),
    ("今年上半年,我市增长38.3%,增速位居全省第三位,仅低于第一位的宁波市1个百分点,低于第二位的嘉兴市", None),
    ("全县地区生产总值增长,我县…", None),
    ("没有地名的文字", None),
    ("国家统计局:2023年粮食产量69541万吨\n全年粮食种植面积增加", "全国"),
    ("1-4月,规模以上电子信息制造业增加值同比增长10.7%,全国…", "全国"),
    ("珠海市统计局\n国家统计局珠海调查队\n全市生产总值", "珠海市"),
    ("东方财富证券营收增长,全国…", None),  # a company text
    ("浙江省2023年统计公报\n全省生产总值82553亿元。杭州、宁波、温州分别为…。全省…杭州增长最快", "浙江省"),
    ("义乌市统计局\n2023年,全市实现地区生产总值2055亿元。金华市全市……义乌", "义乌市"),
    ("宁波日报讯 今年上半年,我市规上工业增加值增长8%,增速居全省第二,仅次于杭州。", "宁波"),
    ("国务院新闻办公室发布会:上半年国内生产总值增长5.5%。", "全国"),
    ("国家统计局发布\n1-10月,全国规模以上工业增加值增长5.4%。分地区看,广东增长4%,江苏增长6%,浙江增长7%。", "全国"),
    ("杭州经济稳中有进。杭州增长6%,居全国第三。杭州…", "杭州"),
    # a national body's release; a company in a bracketed exclusion is an aside, not whose text it is
    ("交通运输部发布\n1-9月,完成营业性货运量增长3%(不包括中国邮政集团公司),全国港口…", "全国"),
    ("交通运输部发布\n前三季度,中远海运集团公司完成货运量…,全国…", None),
])
def test_main_place(text: str, place: str | None) -> None:
    assert main_place(text) == place


def test_main_place_dev_docs(shared_dir: Path) -> None:
    """main_place agrees with the region the gold records name, where they name one."""
    gold: dict[str, set[str]] = {}
    for line in (shared_dir / "eval" / "dev" / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        gold.setdefault(r["doc"], set()).add(r.get("subject") or "")
    want = {"seed-000": "杭州", "rt-001": "珠海", "rt-002": "拱墅", "rt-033": "江华"}
    for doc, place in want.items():
        text = (shared_dir / "eval" / "dev" / "docs" / f"{doc}.txt").read_text(encoding="utf-8")
        got = main_place(text)
        assert got is not None and got.rstrip("市区县") == place, (doc, got)
        assert any(s.rstrip("市区县") == place for s in gold[doc]), doc
    for doc, place in (("rt-005", "全国"), ("rt-012", "全国"), ("rt-024", None)):
        text = (shared_dir / "eval" / "dev" / "docs" / f"{doc}.txt").read_text(encoding="utf-8")
        assert main_place(text) == place, doc


@settings(max_examples=150, deadline=None)
@given(st.text(st.sampled_from(list("杭州市全国中视谷我省江华县区公司科技证券的了,。 拱墅長")), max_size=40))
def test_property_spans(text: str) -> None:
    prev = 0
    for s in find_subjects(text):
        assert text[s.start:s.end] == s.text
        assert s.kind in SUBJECT_KINDS
        assert prev <= s.start < s.end
        prev = s.end


_PIECES = ["杭州", "杭州市", "江华", "长江", "华东", "宁德时代", "拱墅区", "大关", "5万亿元", "市场", "A1", "+", "%",
           ".", "-", ",", "。", "、", " ", "\n", "\r\n", "(", "“", "·", "的", "在", "\U00020000", "\ud800"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=16))
def test_runs_without_a_name_need_no_segmenting(pieces: list[str]) -> None:
    """Segmenting only the runs that hold a name finds what segmenting the whole text finds:
    the names that are words of it (a short form after a figure aside)."""
    from hz_extract.divisions import _AFTER_FIGURE, _names, lookup, names_in
    from hz_extract.tokens import segmenter

    text = "".join(pieces)
    want, a = [], 0
    for w in segmenter().cut(text, hmm=False):
        r = lookup().get(w)
        if w in _names()[0] and not (r and w == r.short and _AFTER_FIGURE.search(text, max(0, a - 12), a)):
            want.append((a, a + len(w), w))
        a += len(w)
    assert [h[:3] for h in names_in(text)] == want


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=80))
def test_never_raises(text: str) -> None:
    for s in find_subjects(text):
        assert text[s.start:s.end] == s.text
    main_place(text)


@pytest.mark.parametrize(("text", "want"), [
    ("全年生产总值295.4亿元,增速高于全市平均水平。全区人均生产总值,全区…", "全区"),
    ("1-10月,全县实际利用外资4668万美元。\n来源:江华新闻网", "江华"),
    ("国家统计局:2023年粮食产量69541万吨", "全国"),
    ("营收增长37%。", None),
])
def test_default_subject(text: str, want: str | None) -> None:
    assert default_subject(text) == want


def test_user_region_is_main_place() -> None:
    t = "钱塘新区规上工业增加值增长5%,全区…钱塘新区"
    assert [s.name for s in find_subjects(t, regions=("钱塘新区",))] == ["钱塘新区", "全区", "钱塘新区"]


@pytest.mark.parametrize(("text", "want"), [
    ("宁德时代发布年报,营收增长", [("宁德时代", "org")]),  # a company, not the city inside it
    ("比亚迪和宁德时代营收", [("宁德时代", "org")]),
    ("贵州茅台营收增长", [("贵州茅台", "org")]),
    ("沪指突破5万亿元大关", []),  # a word of the figure, not 大关县
    ("沪指站上3000点大关", []),
    ("成交额突破万亿大关", []),
    ("宁德全年生产总值增长", [("宁德", "region")]),  # the short form alone is still the city
    ("细数2024宁德工业经济", [("宁德", "region")]),  # a bare year is no figure
    ("2024年宁德全市", [("宁德", "region"), ("全市", "local")]),  # a year is no figure before it
    ("大关县生产总值增长5%", [("大关县", "region")]),
])
def test_region_short_form_inside_a_longer_word(text: str, want: list[tuple[str, str]]) -> None:
    assert named(text) == want


def test_extractor_path_matches_public_functions(shared_dir: Path) -> None:
    """subjects_in/place_in on cleaned text give what find_subjects/main_place give."""
    from hz_extract.clean import clean
    from hz_extract.subjects import place_in, subjects_in

    for path in sorted((shared_dir / "eval" / "dev" / "docs").glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        t = clean(raw).text
        mentions = subjects_in(t)
        assert list(mentions) == find_subjects(t)
        assert place_in(t, mentions) == main_place(raw) == main_place(t)


def levels(text: str) -> list[tuple[str, str, str]]:
    return [(s.name, s.kind, s.level) for s in find_subjects(text)]


def test_listed_company_and_references() -> None:
    t = "云帆材料(603912)披露年报。公司营收增长,归属于上市公司股东的净利润;截至年末,该公司员工…"
    assert levels(t) == [("云帆材料", "org", "listed"), ("云帆材料", "org", "ref"), ("云帆材料", "org", "ref")]


def test_references_need_a_listed_company() -> None:
    assert levels("全市规上工业企业营业收入增长。公司数量增加,该公司…") == [("全市", "local", "city")]


def test_short_name_names_the_company() -> None:
    t = "远川智能装备股份有限公司(简称“远川智能”)发布半年报。远川智能营收增长"
    assert [(n, k) for n, k, _ in levels(t)] == [("远川智能", "org")] * 3  # the full name, its definition, its use


def test_listed_name_that_is_a_place_is_the_place() -> None:
    assert levels("杭州2024年营收增长\n正文") == [("杭州", "region", "city")]


@pytest.mark.parametrize(("text", "want"), [
    ("香港业务收入为43.2亿港元", []),  # a segment of a company
    ("其中广东旅客120万人次", []),  # visitors from a place, in another place's release
    ("广东游客", []),
    ("广东全省", [("广东", "region", "province"), ("全省", "local", "province")]),
    ("香港经济增长", [("香港", "region", "province")]),
])
def test_region_inside_a_segment(text: str, want: list[tuple[str, str, str]]) -> None:
    assert levels(text) == want


def test_zones_are_places() -> None:
    t = "临港新区招商。新区共签约项目96个,个园景区接待游客"
    assert levels(t) == [("临港新区", "region", "zone"), ("临港新区", "region", "zone"), ("个园景区", "region", "scenic")]
    assert main_place(t) == "临港新区"
    assert main_place("扬州日报\n全市接待游客。个园景区接待游客,个园景区") == "扬州"  # a scenic area is no place of the article


@pytest.mark.parametrize("name", ["hz_extract.subjects", "hz_extract.divisions", "hz_extract.organisations",
                                  "hz_extract.zones"])
def test_docstring_examples(name: str) -> None:
    import doctest
    import importlib

    assert doctest.testmod(importlib.import_module(name)).failed == 0

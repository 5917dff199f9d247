"""Subjects: administrative divisions, 全国/我国, 全市/全省 resolved, organisations.

:func:`find_subjects` finds, in order:

- ``region``: a province, prefecture-level or county-level division of
  ``data/regions.tsv`` (GB/T 2260 names from a maintained list, see its header;
  the table is :mod:`hz_extract.divisions`),
  by full name (杭州市, 江华瑶族自治县) or short form (杭州, 拱墅, 江华). Short
  forms that are common words (和平, 新华, 运河 …) are not searched for, and a
  hit must start and end on a word boundary of the domain segmenter, so 长江华东
  holds no 江华 and 杭州市场 gives 杭州, not 杭州市; a known company that starts
  with a place (宁德时代, ``data/organisations.txt`` [companies]) is one word, so it
  holds no 宁德, and a short form right after a figure is a word of the figure
  (突破5万亿元大关 holds no 大关县).
- ``national``: 全国, 我国, and 中国 when it is the country, not part of a name
  (中国视谷, 中国移动 are not).
- ``local``: 全市/全省/全区/全县/我市/我省/本市 …: the place the article is about;
  :func:`main_place` tells which it is. 市区 starting a clause or after a date (11月市区二手住宅,
  全年市区空气质量) is the city proper, a local mention of level ``city``.
- ``org``: organisations passed by the caller; the known companies of
  ``data/organisations.txt`` [companies]; company-like names ending in
  科技/集团/股份/证券/制冷/公司/银行/控股 … and names right before a role word
  (副总经理, 相关负责人, 董事长 …), see :mod:`hz_extract.organisations`; and the
  stem of a company name found in the same text (东方财富证券 → 东方财富). A
  company the text reports on, named without a suffix before a stock code or a
  results report (禾曦电子(605987), 明岚乳业…发布三季报, a headline 澜舟新材:2025年营收…),
  is found wherever it is named (level ``listed``), and then 该公司/本行/公司 starting
  a clause stand for it (level ``ref``). A short name the text defines
  (…股份有限公司(简称“青禾数科”)) is the name of the company.
- ``region`` also for region names passed by the caller (``regions=``), for
  development zones (江北新区, level ``zone``; a bare 新区 starting a clause is the
  zone named before) and scenic areas (瘦西湖景区, level ``scenic``), see
  :mod:`hz_extract.zones`. A region right before 业务/旅客/游客 names a segment or a
  market (香港业务收入, 香港旅客 in a Macau release): part of an indicator, no mention.

:func:`main_place` tells what 全市/全区 refer to; :func:`default_subject` gives the
subject of figures that no mention precedes.

Names come out in simplified script whatever the input (the text is cleaned
first; offsets are into the text as given).

>>> [(s.name, s.kind) for s in find_subjects("2024年,杭州市规模以上工业增加值增长,全市…全国第一")]
[('杭州市', 'region'), ('全市', 'local'), ('全国', 'national')]
>>> main_place("珠海市統(tǒng)計局\\n2011年,全市生产总值增长11.3%。")
'珠海市'
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import regex

from .clean import clean
from .divisions import Region, names_in, region_words, regions
from .divisions import lookup as _lookup
from .organisations import company_stem, find_listed, find_organisations, find_references, short_names
from .zones import find_zones

__all__ = ["SubjectMention", "Region", "find_subjects", "main_place", "default_subject", "lookup_name",
           "regions", "region_words", "subjects_in", "place_in", "SUBJECT_KINDS"]

SUBJECT_KINDS = ("region", "national", "local", "org")


@dataclass(frozen=True, init=False)
class SubjectMention:
    """A subject named at ``text[start:end]``.

    ``name`` is the simplified-script name to emit (``杭州``, ``全国``, ``钱江制冷``);
    ``kind`` is ``region``, ``national``, ``local`` (全市/我省 before resolution) or ``org``.
    ``level`` is the division level of a region (``province``, ``city``,
    ``district``, ``county``; ``zone`` and ``scenic`` for development zones and scenic
    areas) or of a local mention (全市 → ``city``); for an organisation ``listed`` (a
    company the text reports on) or ``ref`` (该公司, 本行 standing for it); else ``""``;
    ``code`` the GB/T 2260 code of a region (the first one when a short form is
    shared), else ``""``.
    """

    start: int
    end: int
    text: str
    name: str
    kind: str
    level: str = ""
    code: str = ""

    def __init__(self, start: int, end: int, text: str, name: str, kind: str, level: str = "",
                 code: str = "") -> None:
        # One update of the instance dict instead of the frozen dataclass's object.__setattr__
        # per field: half the time, and a document names hundreds of subjects (as Record does).
        self.__dict__.update(start=start, end=end, text=text, name=name, kind=kind, level=level, code=code)


_STATE: dict[str, Any] = {}


_LOCAL_LEVEL = {"市": "city", "省": "province", "区": "district", "县": "county", "州": "city",
                "旗": "county", "盟": "city"}
_NATIONAL_NEXT = ("经济|的|GDP|国内|全年|外贸|进出口|货物|对外|居民|城镇|农村|粮食|数字经济|规模以上"
                  "|社会消费|整体|工业增加值|制造业|服务业|人口|经济总量")
_PARTS = {
    "nat": rf"全国(?!人大|政协|性|劳模|文明|先进)|我国|中国(?!\p{{Han}})|中国(?={_NATIONAL_NEXT})",
    "loc": r"(?:全|我|本)(?:市(?!场|民|委|政府)|省(?!委|政府)|区(?!域|间|别|委|政府)|县(?!委|政府|城)"
           r"|州(?!委)|旗|盟)"
           r"|(?:(?<!\p{Han})|(?<=[年月日末底初看]))市区(?!域|划|县|两|级|分|委|政府|人民)",  # 市区二手住宅: the city proper
}
_COMPARE_BEFORE = regex.compile(r"(?:低于|高于|次于|快于|慢于|超过|领先|落后|位的|名的|不及|相比|对比)\p{Han}{0,4}$")


def _pattern() -> regex.Pattern[str]:
    pat = _STATE.get("pat")
    if pat is None:
        p = _PARTS
        pat = _STATE["pat"] = regex.compile(rf"(?P<nat>{p['nat']})|(?P<loc>{p['loc']})")
    return pat


# Where a national or local mention may start: every one begins with two of these characters.
# The standard library skips to the first ones in C; the pattern is tried only there.
_MAY_START = re.compile("[全我本中市](?=[国市省区县州旗盟])")


def _national_and_local(t: str) -> list[tuple[int, int, str, str, str, str]]:
    """National (全国, 我国, 中国) and local (全市, 我省, 市区 …) mentions in ``t``, in order,
    as ``(start, end, name, kind, level, "")``: what ``_pattern().finditer(t)`` finds."""
    pat = _pattern()
    out: list[tuple[int, int, str, str, str, str]] = []
    end = 0
    for c in _MAY_START.finditer(t):
        if c.start() < end or not (m := pat.match(t, c.start())):
            continue
        a, end = m.span()
        if m.lastgroup == "nat":
            out.append((a, end, "全国", "national", "", ""))
        else:
            w = m.group()
            out.append((a, end, w, "local", "city" if w == "市区" else _LOCAL_LEVEL[w[-1]], ""))
    return out


# A region before one of these names a business segment or a market (香港业务收入, 香港旅客 in
# a Macau release): part of the indicator, not whose figure it is.
_SEGMENT = ("业务", "旅客", "游客")


def find_subjects(text: str, *, organisations: Iterable[str] = (),
                  regions: Iterable[str] = ()) -> list[SubjectMention]:
    """Subject mentions in ``text`` in order.

    Args:
        text: the document (cleaned or not; offsets are into ``text`` as given).
        organisations: extra organisation names to find (any script).
        regions: extra region names to find (any script), e.g. a development
            zone (钱塘新区) or a place outside the packaged list; ``kind`` is
            ``region`` with empty ``level`` and ``code``.

    Returns:
        :class:`SubjectMention` objects in order of ``start``; ``[]`` when none.

    >>> [(s.name, s.kind) for s in find_subjects("钱江制冷副总经理王文汉说,江华县全县…")]
    [('钱江制冷', 'org'), ('江华县', 'region'), ('全县', 'local')]
    """
    if not text:
        return []
    return list(_find(text, tuple(organisations), tuple(regions)))


@lru_cache(maxsize=2)
def _find(text: str, organisations: tuple[str, ...], regions: tuple[str, ...]) -> tuple[SubjectMention, ...]:
    """:func:`find_subjects`, memoised: :func:`main_place` after :func:`find_subjects` asks about the same text."""
    c = clean(text)
    found = subjects_in(c.text, organisations, regions)
    if c.text == text:  # cleaning changed nothing
        return found
    out = []
    for s in found:
        oa, ob = c.to_original(s.start, s.end)
        out.append(SubjectMention(oa, ob, text[oa:ob], s.name, s.kind, s.level, s.code))
    return tuple(out)


def subjects_in(t: str, organisations: tuple[str, ...] = (),
                regions: tuple[str, ...] = ()) -> tuple[SubjectMention, ...]:
    """:func:`find_subjects` of *cleaned* text ``t`` (offsets into ``t``): the extractor's path,
    which has cleaned the document once already.

    >>> [s.name for s in subjects_in("杭州市全市")]
    ['杭州市', '全市']
    """
    found = _national_and_local(t)  # a, b, name, kind, level, code
    hits = names_in(t)
    if hits and any(w in t for w in _SEGMENT):
        hits = [f for f in hits if not (f[3] == "region" and t.startswith(_SEGMENT, f[1]))]
    found += hits
    orgs = find_organisations(t)
    zones = find_zones(t)
    if zones:
        found += [(a, b, name, "region", level, "") for a, b, name, level in zones]
        spans = {z[:2] for z in zones}  # 新区负责人: the zone, not an organisation read back from the role
        orgs = [o for o in orgs if o[:2] not in spans]
    listed = find_listed(t)
    if listed:
        lookup = _lookup()
        listed = [o for o in listed if o[2] not in lookup]
        orgs += listed
    short = short_names(t, orgs) if orgs else {}
    found += [(a, b, short.get(name, name), "org", "", "") for a, b, name in orgs]

    extra = {clean(o).text for o in organisations if o}
    extra.update(stem for _, _, name in orgs if (stem := company_stem(name)))
    companies = {name for _, _, name in listed} | set(short.values())
    extra |= companies
    if extra:
        alt = regex.compile("|".join(regex.escape(o) for o in sorted(extra, key=len, reverse=True)))
        for m in alt.finditer(t):
            found.append((m.start(), m.end(), m.group(), "org", "", ""))
    user_regions = {clean(r).text for r in regions if r}
    if user_regions:
        alt = regex.compile("|".join(regex.escape(r) for r in sorted(user_regions, key=len, reverse=True)))
        for m in alt.finditer(t):
            found.append((m.start(), m.end(), m.group(), "region", "", ""))

    if companies:  # 该公司, 本行, 公司 starting a clause: the company named last before
        found = [f if f[3] != "org" or f[2] not in companies else (*f[:4], "listed", "") for f in found]
        named = sorted((f[0], f[2]) for f in found if f[4] == "listed")
        found += [(a, b, name, "org", "ref", "") for a, b, name in find_references(t, named)]
    found.sort(key=lambda f: (f[0], -(f[1] - f[0]), f[3] != "org"))
    out = []
    last_end = -1
    for a, b, name, kind, level, code in found:
        if a < last_end:
            continue
        out.append(SubjectMention(a, b, t[a:b], name, kind, level, code))
        last_end = b
    return tuple(out)


def _matches_level(m: SubjectMention, key: str) -> bool:
    if key == "city":
        return m.level == "city" or (m.level == "county" and lookup_name(m).endswith("市"))
    if key == "district":  # a development zone speaks of itself as 全区 too
        return m.level in ("district", "zone") or lookup_name(m).endswith("自治区")
    if key == "county":
        return m.level == "county" and not lookup_name(m).endswith("市")
    return m.level == key


def lookup_name(m: SubjectMention) -> str:
    """The full division name of a region mention (``杭州`` → ``杭州市``), else its name."""
    r = _lookup().get(m.name)
    return r.name if r else m.name


# National bodies whose reports are about the whole country (国家统计局:2023年粮食产量…).
_NATIONAL_SOURCE = regex.compile(
    r"国家统计局(?!\p{Han}{0,6}调查队)|国务院|国家发展改革委|国家发改委|工业和信息化部|工信部|海关总署|商务部"
    r"|财政部|中国人民银行|国家能源局|国家外汇管理局|农业农村部|国家邮政局|交通运输部|国家铁路局"
    r"|文化和旅游部|国家税务总局|国家市场监督管理总局|市场监管总局|人力资源和社会保障部|人力资源社会保障部")
_HEAD = 1000


def _bracketed(t: str, at: int) -> bool:
    """Whether ``at`` lies inside a bracket opened in the 20 characters before it (不包括邮政储蓄银行…):
    an aside, which tells nothing of whose text it is."""
    opened = t.rfind("(", max(0, at - 20), at)
    return opened >= 0 and t.find(")", opened, at) < 0


_LOCAL_BASE_AFTER = regex.compile(r"(?:第|前|排|首位|平均|领先|均值|之最|同行|同类|榜首|总量的|的比重)")
_LOCAL_BASE_BEFORE = regex.compile(r"(?:居|列|于|比|占|在|较|超)$")


def _local_is_base(t: str, m: SubjectMention) -> bool:
    """全省 in 位居全省第一 / 高于全省平均 names a peer group, not the article's place.

    ``t`` is the cleaned text ``m``'s offsets point into."""
    return bool(_LOCAL_BASE_AFTER.match(t, m.end) or _LOCAL_BASE_BEFORE.search(t, max(0, m.start - 3), m.start))


def main_place(text: str) -> str | None:
    """The place the article is about (what 全市/全区/我省 refer to), if it can be told.

    The level comes from the most frequent local mention (全市 → a city, 全区 → a
    district, 全县 → a county, 全省 → a province; a tie goes to the level whose
    regions are named most, then to the earliest); the place is the most often
    named region of that level, ties going to the earliest. Regions named as
    comparisons (低于第一位的宁波市) do not count. Without local mentions the most
    often named region wins, unless the text, naming no local place and no
    organisation, speaks of 全国/我国 (not as a peer group: 居全国第三) at least as
    often as of that region, a national body's name in its first 1000 characters
    (国家统计局, 工信部 …) counting twice: then it is about ``全国``. ``None`` when no
    region of the level is named.

    >>> main_place("拱墅区2022年统计公报。全区生产总值增长1.5%,杭州市…")
    '拱墅区'
    """
    t = clean(text).text  # one cleaning; mentions found in (and offsets into) the cleaned text
    return place_in(t, find_subjects(t))


def place_in(t: str, subs: Sequence[SubjectMention]) -> str | None:
    """:func:`main_place` of *cleaned* text ``t`` whose mentions (found without user
    additions, offsets into ``t``) are ``subs``: nothing is cleaned or searched again.

    >>> t = "拱墅区统计公报。全区生产总值增长1.5%"
    >>> place_in(t, subjects_in(t))
    '拱墅区'
    """
    voters = [s for s in subs if s.kind == "local" and not _local_is_base(t, s)]
    local = Counter(s.level for s in voters)
    regs = [s for s in subs if s.kind == "region" and s.level != "scenic"
            and not _COMPARE_BEFORE.search(t, max(0, s.start - 12), s.start)]
    if local:
        key = max(local, key=lambda k: (local[k], sum(_matches_level(r, k) for r in regs),
                                        -min(s.start for s in voters if s.level == k)))
        regs = [s for s in regs if _matches_level(s, key)]
    elif not any(s.kind == "org" and not _bracketed(t, s.start) for s in subs):
        national = sum(1 for s in subs if s.kind == "national" and not _local_is_base(t, s))
        national += 2 if _NATIONAL_SOURCE.search(t, 0, _HEAD) else 0
        top = max(Counter(s.code or s.name for s in regs).values(), default=0)
        if national and national >= top:  # a national report that lists provinces is still national
            return "全国"
    if not regs:
        return None
    by_code: Counter[str] = Counter(s.code or s.name for s in regs)  # user regions have no code
    first: dict[str, int] = {}
    for i, s in enumerate(regs):
        first.setdefault(s.code or s.name, i)
    best = max(by_code, key=lambda k: (by_code[k], -first[k]))
    names = Counter(s.name for s in regs if (s.code or s.name) == best)
    return max(names, key=lambda n: (names[n], len(n)))


def default_subject(text: str) -> str | None:
    """The subject of figures that no mention before them names.

    :func:`main_place` when it can be told; else the most frequent local mention
    that is not a peer group (``全区`` in a district bulletin that never names its
    district); else ``None``.

    >>> default_subject("全年生产总值295.4亿元。全区人均生产总值达91243元,全区…")
    '全区'
    >>> default_subject("国家统计局:2023年粮食产量69541万吨")
    '全国'
    """
    place = main_place(text)
    if place is not None:
        return place
    t = clean(text).text
    local = Counter(s.name for s in find_subjects(t) if s.kind == "local" and not _local_is_base(t, s))
    if not local:
        return None
    return max(local, key=lambda n: local[n])

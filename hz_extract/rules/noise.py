"""Precision filters: quantities that are never indicator figures.

Dropped before any rule runs: figures without a unit (list numbers 1、, codes
“1155”, ratios 2.7:54.8:42.5, phone and licence numbers) unless an index or ratio
names them (景气指数为93.62), units that count plan
levels, floors, routes or durations (5级指引, 三年行动计划; rule_units.json
'skip'), figures glued to Latin letters (5G, B2-W, PM2.5), configurations (8GB+256GB), places (250米处),
ordinals (第1位: ranks are read by rank.py), clock times (18点30分), small counts
written only in Chinese numerals (两个服务台, 五大产业生态圈, 长三角 — statistical
figures are written in digits), bare magnitudes (距离万亿元规模), 翻番 (read by
multiple.py), temperatures and chances of rain in a weather forecast, temperatures
that are no climate average (比赛当天气温12℃; 年平均气温17.8℃ stays), spacings (每2.5公里设, 每隔10分钟), and table cells (a line with no
words around its figure, or a row with cell separators).

>>> from hz_extract.quantities import find_quantities
>>> from hz_extract.rules.lexicon import lexicon
>>> t = "离公交中心站250米处,设5级指引,年产值2.5亿元"
>>> [q.text for q in find_quantities(t) if keep(q, t, lexicon())]
['2.5亿元']
"""
from __future__ import annotations

import string

import regex

from ..quantities import Quantity
from .level import INDEX_LEFT
from .lexicon import Lexicon

__all__ = ["FAMILY", "keep"]

FAMILY = "noise"

_DIGIT = regex.compile(r"\d")
_TEMPERATURE = frozenset({"℃", "度", "摄氏度", "华氏度", "℉"})
_FORECAST = regex.compile(r"预报|气象台|天气预报|气象部门|冷空气|降温过程|升温过程")
_CHANCE = ("概率", "概率为", "概率达")  # a chance of rain named before its figure
_CHANCE_ENDS = frozenset(w[-1] for w in _CHANCE)
_TWO_HAN = regex.compile(r"\p{Han}[^\p{Han}]*\p{Han}")
_LATIN = frozenset(string.ascii_letters)
_DEGREES = frozenset({"℃", "摄氏度", "华氏度", "℉"})
_LIMIT = regex.compile(r"(?:限速|限高|限宽|限重|限载|核载|载重|超重|超限|限购|限带|限领|身高|设计时速|全长|全线长)"
                       r"(?:为|在|约|约为|达|不超过|不得超过|超过)?$")
"""A limit a rule sets (限速40公里/小时, 核载10吨以上车辆禁止通行) or a specification of one object
(该道路全长6.8公里, 设计时速60公里/小时): a notice's rule or a thing's size, not an indicator."""
_LIMIT_ENDS = frozenset("速高宽重载限为在过购带领长约达")
_DWELLING = frozenset({"平方米", "米", "户", "层", "梯", "栋"})
_LISTING = regex.compile(r"房源|户型|朝向|看房|带看|面议|\d室\d厅|满五唯一|南北通透")
"""A property listing's words: areas and sizes near them describe one flat, not a market."""
_SPORT_UNITS = frozenset({"米", "秒", "分", "公里", "千米", "分钟"})
_SPORT = regex.compile(r"冠军|亚军|季军|决赛|预赛|接力|运动会|田径|破纪录|校纪录|成绩公告")
"""A sports results page: times and distances near these words are performances, not statistics."""
_KITCHEN = frozenset({"克", "毫升", "汤匙", "茶匙", "勺", "颗", "片", "根", "段", "厘米"})
_RECIPE = regex.compile(r"食材|配料|做法|焯水|翻炒|下锅|出锅|腌制|收汁|调味|爆香|小火|大火|中火")
"""A recipe's words: ingredient amounts and sizes near them measure one dish, not an economy."""
_SCENES = ((_SPORT_UNITS, _SPORT, 120, 60), (_DWELLING, _LISTING, 300, 300), (_KITCHEN, _RECIPE, 300, 300))
"""Scenes whose words make such units no figures: (units, the scene's words, characters looked back, ahead)."""
_CLIMATE = regex.compile(r"平均|年均|积温|常年|极端")
"""What makes a temperature a climate statistic (年平均气温17.8℃, 比常年偏高0.6℃); any other is a day's weather."""
_SPACING_UNITS = frozenset({"米", "公里", "千米", "厘米", "英里", "海里", "分钟", "小时", "秒", "天", "周", "个月"})
_INDEX_CLOSE = regex.compile(r"(?:收于|报收|收报|收盘于|收在)$")
"""Words before index points that make them a close (上证指数收于3050.12点), the one 点 figure kept."""
_CODE_DIGITS = regex.compile(r"(?:号|码|号码)的?(?:后|前|末|最后|尾)$")
"""Words before N位 that make it digits of a number or code (手机号后4位, 身份证号码前6位), not a count of people."""
_MAGNITUDE_FIRST = regex.compile(r"^(?:超过|突破|迈向|超|逾|近)?[十百千万亿]")


_WINDOW = 24


def _line(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the line around ``text[start:end]`` begins and ends, at most :data:`_WINDOW` characters either side."""
    lo = max(0, start - _WINDOW)
    a = max(text.rfind("\n", lo, start) + 1, lo)
    hi = min(len(text), end + _WINDOW)
    b = text.find("\n", end, hi)
    return a, b if b >= 0 else hi


_INDEX_CHANGE = regex.compile(r"(?:比|较)[^,;。#\d]{1,8}(?:缩小|扩大|上升|下降|提高|降低|增加|减少|回落|回升)$")
_INDEX_ENDS = frozenset("为达到是得至在" "小大升降高低加少落")
"""What the text before a bare figure ends with when INDEX_LEFT or _INDEX_CHANGE can match there."""


_COUNT_NOUN = r"(?:数|数量|人数|户数|人口|用户|会员|粉丝|买家|卖家|客户|游客|访客|观众|下载量|订单量)"
_COUNT_BEFORE = regex.compile(_COUNT_NOUN + r"(?:\([A-Za-z]{2,8}\))?(?:规模)?(?:已|已经|共|累计)?"
                              r"(?:达到|达|为|是|增至|增长至|增加至|升至|提升至|攀升至)?$")
_COUNT_CHANGE = regex.compile(r"(?:比|较)[^,;。#\d]{1,8}(?:增加|减少|净增|新增|增长|下降)了?$")
_COUNT_FIGURE = regex.compile(_COUNT_NOUN + r"[^,;。\d]{0,6}\d[\d.]*(?:万亿|亿|千万|万)[,，;]?$")
_MAGNITUDE_LAST = ("万", "亿")


def _bare_count(q: Quantity, text: str) -> bool:
    """A count in 万/亿 with no counter word after a noun that counts (年度活跃买家数达到1.62亿),
    or its change right after one (…1.62亿,较上年末增加2100万)."""
    if not q.text.endswith(_MAGNITUDE_LAST) or not _DIGIT.search(q.text):
        return False
    before = text[max(0, q.start - 40):q.start]
    if _COUNT_BEFORE.search(before):
        return True
    m = _COUNT_CHANGE.search(before)
    return bool(m) and bool(_COUNT_FIGURE.search(before, 0, m.start()))


def _bare_figure(q: Quantity, text: str) -> bool:
    """A unit-less number that is a figure: an index or ratio named right before it
    (景气指数为93.62), or its change right after one (…收入比为1.64,比上年缩小0.04),
    or a count in 万/亿 (:func:`_bare_count`)."""
    if q.value_max is not None:
        return False
    if not _DIGIT.match(q.text[:1] or " "):
        return _bare_count(q, text)  # 突破3000万: a qualifier first
    before = text[max(0, q.start - 40):q.start]
    if q.text.endswith(_MAGNITUDE_LAST) and _bare_count(q, text):
        return True
    if (before[-2:-1] if before.endswith("\n") else before[-1:]) not in _INDEX_ENDS:
        return False  # neither index pattern can end here ($ also matches before a final line break)
    if INDEX_LEFT.search(before):
        return True
    m = _INDEX_CHANGE.search(before)
    return bool(m) and bool(regex.search(r"(?:指数|比|系数)为\d", before[:m.start()]))


def keep(q: Quantity, text: str, lex: Lexicon) -> bool:
    """Whether quantity ``q`` (offsets into the cleaned ``text``) may carry a record."""
    kind, unit, start, end = q.kind, q.unit, q.start, q.end
    if kind == "ordinal":
        return False
    if unit is None and not _bare_figure(q, text):
        return False
    if unit in lex.skip_units and not (unit == "点" and "收" in text[max(0, start - 3):start]
                                       and _INDEX_CLOSE.search(text, max(0, start - 3), start)
                                       and not q.text.endswith("个点")):
        return False  # 点 stays only as the close of an index (8点 is an hour, 3个点 no unit of RECORDS.md)
    before = text[start - 1] if start > 0 else ""
    if before == "第" or before in _LATIN or (text[end:end + 1] in _LATIN and kind != "percent"):
        return False
    if before == "前" and unit in ("位", "名", "强"):
        return False  # 进入全国前30位: a rank's bound (rank.py reads it), no count of people
    if before in "-－/" and start > 1 and text[start - 2].isalnum():
        return False
    if (before == "+" and start > 1 and text[start - 2].isalnum()) or \
            (text[end:end + 1] == "+" and text[end + 1:end + 2].isdigit()):
        return False  # 8GB+256GB, 12+512: a product's configuration, not a figure
    if text.startswith(lex.place_after, end, end + 2):
        return False
    if unit in ("分", "分钟") and before in "点时:":
        return False
    if unit == "位" and _CODE_DIGITS.search(text, max(0, start - 5), start):
        return False  # 手机号后4位: how many digits of a code, not a count
    if "番" in q.text:
        return False  # 翻番 is read by multiple.py, with its own gates
    if not ("0" <= q.text[0] <= "9" or _DIGIT.search(q.text)):
        if q.kind in ("measure", "number", "money") and q.value < 100:
            return False
        if q.kind in ("money", "measure", "number") and _MAGNITUDE_FIRST.match(q.text):
            return False  # 万亿元规模, 千亿级: a threshold named, not a figure
    if unit in _SPACING_UNITS and (before == "每" or text.endswith("每隔", max(0, start - 2), start)):
        return False  # 每2.5公里设一个饮水站, 每隔10分钟一班: a spacing, not an indicator figure
    if unit in _DEGREES and not _CLIMATE.search(text, max(0, start - 12), start):
        return False  # 比赛当天气温12℃至18℃, 现场气温高达35℃: the weather of a day, not a statistic
    if (unit in _TEMPERATURE or before in _CHANCE_ENDS and text.endswith(_CHANCE, max(0, start - 4), start)) \
            and _FORECAST.search(text, max(0, start - 300), min(len(text), end + 100)):
        return False  # a weather forecast: temperatures and chances of rain are no indicators
    if unit is not None and before in _LIMIT_ENDS and _LIMIT.search(text, max(0, start - 8), start):
        return False  # 限速40公里/小时: a limit set by a notice
    for units, words, back, ahead in _SCENES:
        if unit in units and words.search(text, max(0, start - back), min(len(text), end + ahead)):
            return False  # 男子100米:冠军…12.35秒, 建筑面积:128平方米 in a listing, 带皮五花肉500克 in a recipe
    return _in_prose(text, start, end, q.text)


def _in_prose(text: str, start: int, end: int, figure: str) -> bool:
    """Whether the line around ``figure`` (``text[start:end]``) holds two CJK characters besides
    every copy of the figure, and is no table row (two ``|`` or tabs).

    Two CJK ideographs right before or right after the figure settle the first at once,
    unless a copy of a figure that has CJK characters itself (an ASCII figure, 4.0%, has
    none) could take them away; the line window is only counted when it holds two
    ``|`` or tabs at all.
    """
    n = len(figure)
    words = (start >= 2 and "\u4e00" <= text[start - 2] <= "\u9fff" and "\u4e00" <= text[start - 1] <= "\u9fff"
             and (figure.isascii() or text.find(figure, max(0, start - 1 - n), start - 1 + n) < 0)) \
        or (end + 2 <= len(text) and "\u4e00" <= text[end] <= "\u9fff" and "\u4e00" <= text[end + 1] <= "\u9fff"
            and (figure.isascii() or text.find(figure, end + 1 - n, end + 1 + n) < 0))
    if not words:
        a, b = _line(text, start, end)
        found = _TWO_HAN.search(text, a, b) if figure.isascii() else _TWO_HAN.search(text[a:b].replace(figure, ""))
        if found is None:  # fewer than two CJK characters
            return False
    lo, hi = max(0, start - _WINDOW), end + _WINDOW  # the line lies within
    if text.count("|", lo, hi) >= 2 or text.count("\t", lo, hi) >= 2:
        a, b = _line(text, start, end)
        if text.count("|", a, b) >= 2 or text.count("\t", a, b) >= 2:
            return False  # a table row flattened into text: out of scope (RECORDS.md)
    return True

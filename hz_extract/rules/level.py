"""Levels: the indicator's own value (6305亿元, 156家, 可达6000万台, 失业率为5.2%).

A % is a level only when the indicator is itself a rate (…率, …指数, …比例); any
other bare % is left alone. A number without a unit is a level only after an
index, ratio or coefficient (景气指数为93.62, 城乡居民收入比为1.64), or a count in
万/亿 after a noun that counts (活跃买家数达到1.62亿). A counter written *before* its noun (3个集群晋级…,
在已发布业绩预告的14只券商股中) names the indicator after it.

>>> from hz_extract import extract
>>> [(r.indicator, int(r.value), r.unit) for r in extract("新增上市企业1家。")]
[('新增上市企业', 1, '家')]
"""
from __future__ import annotations

import regex

from .base import Context, Draft, Slot
from .cues import earlier_period
from .indicator import name, trim

__all__ = ["FAMILY", "classify", "RATE_NAME", "TIME_NAME", "INDEX_LEFT"]

FAMILY = "level"

RATE_NAME = regex.compile(r"(?:率|指数|比例|比重|占比|(?<![同环])比|份额|水平|覆盖面|增长面|达标率|息差|利差|系数|强度|依存度|集中度|满意度|贡献度|开放度"
                          r"|饱和度|景气度|PMI|CPI|PPI|LPR)$")
_AFTER_QUALIFIER = ("以上", "左右", "上下", "以下", "之多", "多")
_NOUN_START = regex.compile(r"^(?!和|及|与|或|以及|等)[\p{Han}“\"A-Za-z]")
_CUT = regex.compile(r"[#,;:。!?()]")
INDEX_LEFT = regex.compile(r"(?P<word>指数|比|系数|PMI|CPI|PPI)(?:\([^()]{0,24}\)|[A-Z][A-Z0-9]{1,5})?"
                           r"(?:为|达|达到|是|录得|升至|降至|回升至|回落至|(?:缩小|扩大|下降|上升|提高|降低)(?:至|到)|(?:保持|稳定)在)$")
"""Words before a bare number that make it a level: an index, a ratio, a coefficient."""
_LENGTHS = frozenset({"米", "公里", "千米", "厘米", "英里", "海里"})
_DISTANCE = regex.compile(r"(?:距离|距|离|相距|相隔)[^#,;]{0,12}?(?:约|仅|只有|不到|大约)?$")
_TIMES = frozenset({"天", "小时", "分钟", "周", "个月", "年", "月", "日"})
TIME_NAME = regex.compile(r"(?<!兑奖|申请|办理|受理|有效|缴费|缴款|报名|提交|公示)"
                          r"(?:天数|日数|时长|时间|时数|小时数|周期|年限|工期|期限|寿命|用时|耗时)$")
"""A span of time named as an indicator; not a rule's time limit (兑奖期限60天, 公示期5天)."""
_DURATION = regex.compile(r"(?:为期|历时|持续|耗时|用时|长达|时长|前后|经过|花了|用了)了?$")
_TIME_NOUN = regex.compile(r"^(?:小时|钟头|月|个月|星期|礼拜|季度|年|天|周|分钟|秒|多小时|多月|工作日)")
_RANK_MOVE = regex.compile(r"(?:前进|后退|前移|后移|上升|下降|提升|跃升|上升了|下滑)了?$")
_THAN_ADJ = regex.compile(r"(?:比|较|高于|低于)[^#,;]{1,16}?(?:高|低|多|少)(?:出)?了?$")
_THAN_ADJ_ENDS = ("高", "低", "多", "少", "出", "了", "\n")
"""What the words before a figure end with when :data:`_THAN_ADJ` can match (``$`` also before a final
line break): most levels end otherwise, and the pattern is then not tried at every character."""
_LATIN_UNIT = regex.compile(r"^[A-Z]{2,6}$")
_OUTCOME_VERBS = ("实现", "保持", "出现")
_MORE_COUNTS = regex.compile(r"^(?:、?#+)+")
_HAD = frozenset({"人", "户", "人次", "户次"})
"""Counters written after 有 and before what they count (共有1.53万户享受…), though usually after the noun."""
_GROUP_RATE = regex.compile(r"(?:率|平均值|均值|指数|比重)(?:为|达|是)?$")
"""A rate a count before it is the size of the group of (31个大城市城镇调查失业率平均值为5.1%)."""
_CUT_BY = regex.compile(r"减少(?P<noun>\p{Han}{2,12})$")
"""减少 before its object and the figure (减少农村贫困人口1.09万人): a change of the object."""
_EARLIER_ENDS = ("为", "是", "期", "年")
"""What the words before a level end with when a base period names the figure's own period (上年同期为)."""
_DE_TAIL = regex.compile(r"(?P<mod>[^#,;:。]{2,16}?的)$")


def classify(ctx: Context, slot: Slot, left: str, at: int) -> Draft | None:
    """A level draft for any figure with a unit that no other family took."""
    q = slot.q
    if q.unit is None:
        m = INDEX_LEFT.search(left)
        if m:
            d = ctx.from_slot(slot, "level", "level.index")  # 景气指数为93.62, 收入比为1.64
            d.cue = d.anchor = slot.start
            own = name(ctx, at, at + m.start("word") + len(m.group("word")))
            if own and not own.endswith(m.group("word")):
                own += m.group("word")  # 城乡居民收入比: the 比 is the name's head here
            d.indicator = own or None
            return d
        if q.text.endswith(("万", "亿")):  # noise.py keeps such a figure only after a noun that counts
            d = ctx.from_slot(slot, "level", "level.count")  # 年度活跃买家数达到1.62亿: a count, no counter word
            d.cue = d.anchor = slot.start
            return d
        return None
    if q.unit == "pp":
        return None
    had = q.unit in _HAD and (left.endswith("有") or not left.strip(" ,"))
    if q.unit in ctx.lex.counters or had:
        right = ctx.right(slot)
        if had and right[:1] in "、#":
            right = _MORE_COUNTS.sub("", right)  # 共有1.53万户、2.27万人享受…, 3246户10862人实现脱贫: each count of what follows
        if _NOUN_START.match(right) and not right.startswith(_AFTER_QUALIFIER):
            return _prenominal(ctx, slot, left, right)
    if q.unit in _LENGTHS and _DISTANCE.search(left):
        return None  # 距离地铁站约500米: how far a place is, not an indicator
    if q.unit in ("位", "名") and _RANK_MOVE.search(left):
        return None  # 较上年前进1位: a move in a ranking, not a count of people
    if left.endswith(_THAN_ADJ_ENDS) and _THAN_ADJ.search(left):
        return None  # 比全省平均水平高1.2万元: a gap to another's level, no measure of RECORDS.md
    if q.unit in _TIMES and _DURATION.search(left):
        return None  # 为期3天, 历时3年: how long something took
    cut = _CUT_BY.search(left) if "减少" in left else None
    if cut and not name(ctx, at, at + cut.start()) and (noun := trim(cut.group("noun"), ctx.lex, split=False)):
        # 全年减少农村贫困人口1.09万人: the verb before its object says how much less there is of it
        d = ctx.from_slot(slot, "change", "level.reduced", value=-q.value, indicator=noun)
        d.cue = d.anchor = at + cut.start()
        return d
    d = ctx.from_slot(slot, "level", "level.amount")
    d.cue = d.anchor = slot.start
    if ctx.periods and left.endswith(_EARLIER_ENDS):
        d.period = earlier_period(ctx, at, slot.start)  # …,上年同期为2.86亿元: the earlier period's level
    if q.unit.isascii() and _LATIN_UNIT.match(q.unit):
        d.hint = "unit_noun"  # 约1000万DAU: the unit names what is counted
    if left.rstrip().endswith(ctx.lex.target_nouns):
        d.rule, d.hint = "level.target", "chain"  # 完成市分配任务25亿元: the target of the chain's indicator
    if q.unit == "%":
        d.rule, d.hint = "level.rate", "rate"
        m = INDEX_LEFT.search(left) if "比" in left else None
        if m and m.group("word") == "比" and left[m.start() - 1:m.start()] not in ("同", "环", ""):
            own = name(ctx, at, at + m.end("word"))  # 存贷比为90.4%: the 比 is the name's head
            d.indicator = (own if own.endswith("比") else own + "比") if own else None
    elif q.unit in _TIMES:
        d.hint = "time"  # 上映3天: a span of time is an indicator only when it is named as one (优良天数)
    return d


def _prenominal(ctx: Context, slot: Slot, left: str, right: str) -> Draft | None:
    """3个集群晋级国家级先进制造业集群: the count of the noun phrase after the counter."""
    cut = _CUT.search(right)
    noun = right[:cut.start()] if cut else right
    if _TIME_NOUN.match(noun):
        return None  # 2个小时, 3个月: a duration, not a count of things
    mod = _DE_TAIL.search(left)
    modifier = mod.group("mod") if mod else ""
    if modifier.startswith(("在", "对", "从")):
        modifier = modifier[1:]  # 在已发布业绩预告的14只券商股中: 在 … 中 frames the group
    if "#" in right[len(noun):len(noun) + 3] and _GROUP_RATE.search(noun):
        return None  # 31个大城市城镇调查失业率平均值为5.1%: how many cities the rate is of, no count of its own
    phrase = modifier + noun
    ind = trim(phrase, ctx.lex, split=False)
    if not ind and not modifier and noun.startswith(_OUTCOME_VERBS) and len(noun) <= 6:
        ind = noun  # 40个行业大类中有31个实现增长: the count of those that grew, named by what they did
    if not ind:
        return None
    d = ctx.from_slot(slot, "level", "level.count_before", indicator=ind)
    d.cue = d.anchor = slot.start
    return d

"""Clause chains: clauses without an indicator of their own inherit the one before.

``数字经济核心产业增加值6305亿元,增长7.1%,高于GDP增速2.4个百分点,占GDP比重达28.8%``
names the indicator once; :func:`settle` walks the drafts of a sentence in text
order, gives each its own indicator when the words before its cue name one, and
otherwise the chain's (carried from the previous sentence of the paragraph when
the sentence opens without one). A difference right after a share is a
difference of that share (``占GDP比重48.4%,较上年提高0.4个百分点`` →
``…占GDP比重``).

>>> from hz_extract import extract
>>> [r.indicator for r in extract("税收收入112亿元,增长17.3%。")]
['税收收入', '税收收入']
"""
from __future__ import annotations

import re
from dataclasses import replace
from operator import attrgetter

import regex

from .base import Context, Draft
from .cues import ONE_FIGURE_BASES
from .indicator import name, trim
from .items import distribute, distribute_each, group_label
from .level import RATE_NAME, TIME_NAME
from .lexicon import Lexicon
from .loss import balance_of, profit_of
from .pp_diff import share_indicator

__all__ = ["FAMILY", "settle"]

FAMILY = "chain"


def _own(ctx: Context, d: Draft) -> str:
    """The name before the draft's cue in its clause (nothing when the cue opens the clause)."""
    cue = d.cue if d.cue is not None else d.start
    ca, _ = ctx.clause_of(cue if cue < ctx.end else d.start)
    return name(ctx, ca, cue) if ca < cue else ""


_TOGETHER = regex.compile(r"^[,;\s]*(?:合计|共计|总计|合占|三者合计|两者合计|共占|合共)")
_EACH = regex.compile(r"(?:均|都)(?:将|已|要)?(?:为|是|达|达到|保持|增长|下降|提高|上涨|实现)?[^#,;]{0,2}$")  # one figure for every item
_UNREAD = regex.compile(r"(?:为|达|达到|是|收于|报收|收报|报)?(?<![\dA-Za-z.])\d[\d.,]*(?:万亿|亿|万|千|点)")


def _previous_clause(ctx: Context, d: Draft) -> str:
    """The name of the clause before the draft's when it holds no figure and ends in an indicator head.

    A figure the quantity finder could not read (no known unit) still closes the name.

    ``营收占比最大的是手续费及佣金净收入,为24.41亿元``: the figure's clause names nothing,
    the one before names the indicator.
    """
    k = ctx.clause_index(d.start)
    if k > 0 and not ctx.slots_in_clause(k - 1):
        pa, pb = ctx.clauses[k - 1]
        unread = _UNREAD.search(ctx.text, pa, pb)
        if unread:  # 博彩毛收入为224.5亿澳门元: a figure the quantity finder could not read
            pb = unread.start()
        prev = name(ctx, pa, pb)
        if prev and (ctx.lex.head_of(prev) or unread or (d.unit == "%" and RATE_NAME.search(prev))):
            return prev  # a figure written there names what it is of; a rate (…比例最高,为99.2%) names itself
    return ""


def _depth(ctx: Context, pos: int) -> int:
    before = ctx.m(max(ctx.start, pos - 300), pos)
    return max(0, before.count("(") - before.count(")"))


_DEFINED = regex.compile(r"(?P<full>[^\s,;:。!?()#]{2,30}?)\((?:(?P<abbr>[A-Z][A-Za-z&]{1,7})"
                         r"|(?:以下)?(?:简称|统称)[“\"]?(?P<short>[^”\"()]{2,12}?)[”\"]?)\)")
_DEFINES = re.compile(r"\((?:[A-Z]|以下|简称|统称)")
"""What opens every definition's bracket: a document without it defines nothing, told by one scan of
the standard re instead of the definition pattern tried at every character."""
_DEFINITIONS: tuple[str, dict[str, str]] = ("", {})


def _definitions(ctx: Context) -> dict[str, str]:
    """The short names the document defines, each with its full name (商品交易总额(GMV) → GMV is
    商品交易总额; 数字经济核心产业增加值(以下简称“核心产业增加值”)).

    Read once per document (the last document's table is kept: sentences come in order).
    """
    global _DEFINITIONS
    text, table = _DEFINITIONS
    if text is not ctx.text:
        table = {}
        if _DEFINES.search(ctx.text):
            for m in _DEFINED.finditer(ctx.text):
                full = trim(m.group("full"), ctx.lex)
                short = m.group("abbr") or m.group("short")
                if m.group("short") and not (ctx.lex.head_of(full) and ctx.lex.head_of(short)):
                    continue  # (简称“青禾数科”): a company's short name, not an indicator's
                if full and short not in table:
                    table[short] = full
        _DEFINITIONS = (ctx.text, table)
    return table


_BARE_VERBS = ("新增", "新登记", "新设立", "引进", "签约", "接待", "净增")
"""Verbs a name may end with when its object is the chain's (日均新增, 平均每天接待)."""


def _object_of(own: str, chain: str) -> str:
    """``own`` with the object the chain names after the same verb (日均新增 + 新增市场主体 → 日均新增市场主体)."""
    for verb in _BARE_VERBS:
        if own.endswith(verb) and verb in chain and not chain.endswith(verb):
            return own + chain[chain.index(verb) + len(verb):]
    return own


def _whole_of(ctx: Context, d: Draft, done: list[Draft]) -> str | None:
    """The whole a part's ratio is of: the last indicator named before the 其中 that opens the part
    (一般公共预算收入545.3亿元,…,其中税收收入448.2亿元,…,税收占比82.2%), else None."""
    at = ctx.masked.rfind("其中", 0, d.start - ctx.start)
    if at < 0:
        return None
    at += ctx.start
    for o in reversed(done):
        if o.start < at and o.indicator and o.measure == "level":
            return o.indicator
    return None


_ATTRACTED = regex.compile(r"^(?:吸引|吸引了|吸纳|迎来)(?P<noun>观众|游客|观展人数|参观者|客流|人流)$")
_TOTAL_WORDS = frozenset({"总数", "总量", "数量", "总规模"})
_DONE_VERBS = frozenset({"建成", "完成", "改造", "治理", "建设", "实施", "累计建成", "累计完成"})
_FLOW_VERB = regex.compile(r"^(?:举办|举行|开展|组织|接待|完成|实现|新增|新建|新认定|新培育|新登记|累计"
                           r"|开工|完工|竣工|发放|交付)(?=\p{Han}{2})")


_STAGE = regex.compile(r"^(?:目前|现已|已经|已|累计|共|其中)*(?P<verb>开工|完工|竣工|发放|交付|投用|投产|开建|拨付|入住)$")
"""A bare verb of a stage a counted thing reaches (已开工412个 after 计划改造老旧小区420个): the verb names
the count of the thing, 开工改造老旧小区."""
_SOLD = regex.compile(r"^销售(?P<goods>\p{Han}{2,6})$")
_MONEY_OR_RATE = frozenset({"元", "%", "pp", "倍"})


def _stage_of(own: str, d: Draft, done: list[Draft], chain: str | None, lex: Lexicon) -> str:
    """``own`` named by its stage verb and the last thing counted in the draft's unit (开工 + 改造老旧小区),
    or ``销售X`` as ``X销量`` when a count is sold (销售汽车72.46万辆 → 汽车销量); else ``own``."""
    if own.startswith("销售"):
        m = _SOLD.match(own)  # 销售面积, 销售数量: a head already names what is measured
        sold = m and d.unit and d.unit not in _MONEY_OR_RATE and not lex.head_of(own)
        return m.group("goods") + "销量" if sold else own
    m = _STAGE.match(own)
    if m is None or not d.unit or d.unit in _MONEY_OR_RATE:
        return own
    for o in reversed(done):
        if o.unit == d.unit and o.measure == "level" and o.indicator:
            topic = _topic(o.indicator)
            return topic if topic.startswith(m.group("verb")) else m.group("verb") + topic
    return m.group("verb") + _topic(chain) if chain else own


def _topic(chain: str) -> str:
    """The chain's name without the verb of its flow (举办营业性演出 → 营业性演出, 新增上市公司 → 上市公司)."""
    return _FLOW_VERB.sub("", chain, count=1)


def _chain_named(own: str, chain: str | None) -> str:
    """A name that says only a verb's counted noun (吸引观众), a bare total (总数) or a bare verb (建成) in a chain: the chain's
    topic names it (举办营业性演出…,吸引观众86万人次 → 营业性演出观众; 上市公司158家,总数居全国第5位 → 上市公司)."""
    if not chain:
        return own
    if own in _TOTAL_WORDS or own in _DONE_VERBS:
        return _topic(chain)  # 新建高标准农田3.2万亩,累计建成41.6万亩: the stock of 高标准农田
    m = _ATTRACTED.match(own) if own.startswith(("吸", "迎")) else None
    return _topic(chain) + m.group("noun") if m else own


_GENERIC_COUNTED = frozenset({"企业", "公司", "项目"})
_COUNTERS_TOGETHER = frozenset({"人", "户", "人次", "户次", "个", "家"})
_COUNTERS = frozenset({"户", "家", "个"})


def _counted_noun(ctx: Context, d: Draft) -> str:
    """A generic noun (企业, 公司, 项目: too plain to name an indicator after a verb) that the count
    right after it counts (其中,企业84.2万户,个体工商户…), else ``""``."""
    cue = d.cue if d.cue is not None else d.start
    ca, _ = ctx.clause_of(d.start)
    noun = ctx.m(ca, cue).strip(" ,")
    if noun.startswith("其中"):
        noun = noun[2:].lstrip(" ,")
    return noun if noun in _GENERIC_COUNTED else ""


_SHARE_DIFF = ("pp_diff.than", "pp_diff.verb")
_TOTALS = ("level", "change")
_RATES = ("%", "pp")
"""An amount a counted group is given is its total (unless 均/都 says each); a rate may be each item's."""
_TEXT_ORDER = attrgetter("start", "end")


def settle(ctx: Context) -> list[Draft]:
    """Settle the indicator of every draft of the sentence (in text order); drop those left nameless.

    A parenthesis (a revised figure, a part of a target) has its own chain: what
    it names does not carry past its closing bracket.
    """
    out: list[Draft] = []
    named: list[str] = []
    seen: set[str] = set()
    saved: tuple[str | None, str | None, str | None] | None = None
    parens = "(" in ctx.masked  # without an opening bracket no draft is inside one
    defined = _definitions(ctx) if ctx.drafts else None  # the document's, read once
    for d in sorted(ctx.drafts, key=_TEXT_ORDER):
        inside = parens and _depth(ctx, d.start) > 0
        if inside and saved is None:
            saved = (ctx.chain, ctx.chain_measure, ctx.chain_base)
        elif not inside and saved is not None:
            ctx.chain, ctx.chain_measure, ctx.chain_base = saved
            saved = None
        ind = d.indicator
        hint = d.hint
        if hint:  # most drafts have none
            if hint.startswith("each:"):
                _, i, n = hint.split(":")
                if len(named) >= int(n):
                    ind = named[len(named) - int(n) + int(i)]
            elif hint == "chain" and ctx.chain:
                ind = ctx.chain
            elif hint == "inherit":
                ind = ctx.chain or ""
                if not ind:
                    continue
            elif hint == "loss":
                ind = profit_of(ctx.chain)  # 净利润3.17亿元,上年同期亏损2.08亿元: a loss of the profit
            elif hint.startswith("balance:"):
                ind, negate = balance_of(ctx.chain, hint[8:])  # 净流入21.4亿美元,上年同期为净流出5.2亿美元
                if negate:
                    d.value = -d.value
                    if d.value_max is not None:
                        d.value, d.value_max = -d.value_max, d.value
            elif hint == "ratio":
                # 营收占比58%: a whole before 占比 is the base; 海外收入占比41%: a part is the name
                if d.base and d.base not in ctx.lex.wholes:
                    ind, d.base = d.base, _whole_of(ctx, d, out)  # 其中税收占比82.2%: of what 其中 divides
                elif ctx.chain:
                    ind = ctx.chain
                else:
                    ind, d.base = d.base, None
        if not ind and out and out[-1].end == d.start and out[-1].indicator and d.unit in _COUNTERS_TOGETHER:
            ind = out[-1].indicator  # 易地扶贫搬迁1508户5279人: a second count of the same thing, written on
        if not ind and ctx.list_group and _TOGETHER.match(ctx.m(*ctx.clause_of(d.start))):
            ind = ctx.list_group  # …分别为52个、41个和29个,合计占签约项目总数的65.2%
        if not ind:
            own = _own(ctx, d)
            if own and own.endswith(_BARE_VERBS) and ctx.chain:
                own = _object_of(own, ctx.chain)  # 新增市场主体2.3万户,…,日均新增约97户: 日均新增市场主体
            elif own and ctx.chain and own in ctx.lex.split and own not in _DONE_VERBS:
                own = ctx.chain  # 每10股派发现金红利3.2元,合计派发约1.29亿元: a verb alone pays out the chain's
            elif own and len(own) <= 6:
                own = _chain_named(own, ctx.chain)  # 吸引观众86万人次 after 举办营业性演出…
            if own and own[0] in "目现已累共其开完竣发交投拨入销":
                own = _stage_of(own, d, out, ctx.chain, ctx.lex)  # 已开工412个 after 计划改造老旧小区420个
            if not own and d.measure == "level" and d.unit in _COUNTERS:
                own = _counted_noun(ctx, d)  # 其中,企业84.2万户: the count of the enterprises
            if own:
                ind = own
            else:
                shared = share_indicator(ctx) if d.rule in _SHARE_DIFF else None
                ind = shared or _previous_clause(ctx, d) or ctx.chain or ""
        if not ind:
            continue
        if ind in _TOTAL_WORDS and not hint:
            ind = _chain_named(ind, ctx.chain)  # 总数居全国第5位: the rank of the chain's count
        if defined and ind in defined:
            ind = defined[ind]  # GMV同比翻倍 after 商品交易总额(GMV): one indicator, the full name
        if hint:
            if hint == "rate" and not RATE_NAME.search(ind):
                continue
            if hint == "time" and not TIME_NAME.search(ind):
                continue
            if hint == "unit_noun" and d.unit and not ind.endswith(d.unit):
                ind += d.unit
        d.indicator = ind
        extra: list[Draft] | None = None
        if "、" in ind:  # only a name listing items is distributed
            items = distribute(ind, ctx.lex)  # the chain keeps the group's name
            each = _EACH.search(ctx.m(ctx.clause_of(d.start)[0], d.start))
            if items and not each and d.measure in _TOTALS and d.unit not in _RATES:
                d.indicator = ind = group_label(ind)  # 三大先导产业规模达到1.8万亿元: the group's total, not each's
                items = []
            if not items and each:
                items = distribute_each(ind, ctx.lex)  # 广播、电视人口综合覆盖率均为100%
            extra = [replace(d, indicator=item, rule="list.shared." + d.rule) for item in items[1:]]
            if items:
                d.indicator, d.rule = items[0], "list.shared." + d.rule
        if not hint.startswith("each:") and ind not in seen:
            named.append(ind)
            seen.add(ind)
        if not (d.measure == "pp_diff" and ctx.chain_measure == "share" and ind.startswith(ctx.chain or "\0")):
            ctx.chain, ctx.chain_measure, ctx.chain_base = ind, d.measure, d.base
        if d.base and d.base not in ONE_FIGURE_BASES:
            if d.measure == "growth" and not (d.base == "上期" and ctx.last_base):
                ctx.last_base = d.base  # 同比…,环比…: the year-on-year base stays the one carried
            elif d.measure == "change":
                ctx.last_change_base = d.base
            elif d.rule in ("pp_diff.than", "pp_diff.verb"):
                ctx.last_pp_base = d.base  # 比上月上升1.1个百分点;…,上升0.6个百分点
        out.append(d)
        if extra:
            out.extend(extra)
    if saved is not None:
        ctx.chain, ctx.chain_measure, ctx.chain_base = saved
    return out

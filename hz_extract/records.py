"""The indicator record: one quantitative fact stated in a text (RECORDS.md)."""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from decimal import Decimal
from typing import Any

from ._jsonnum import json_number

__all__ = ["Record", "MEASURES", "MODALITIES", "RECORD_FIELDS", "record_unit"]

MEASURES = ("level", "growth", "change", "share", "pp_diff", "rank", "multiple")
MODALITIES = ("actual", "expected", "target")
RECORD_FIELDS = ("doc", "indicator", "subject", "period", "measure", "value", "value_max", "unit",
                 "qualifier", "base", "modality", "text", "span", "sentence", "rule")


@dataclass(frozen=True, init=False)
class Record:
    """One indicator record; field meanings are those of RECORDS.md.

    ``span`` is a half-open ``(start, end)`` into the *original* document text and
    ``text == document[span[0]:span[1]]``. ``rule`` names the rule that produced it.
    """

    doc: str | None
    indicator: str
    subject: str | None
    period: str | None
    measure: str
    value: Decimal
    value_max: Decimal | None
    unit: str | None
    qualifier: str
    base: str | None
    modality: str
    text: str
    span: tuple[int, int]
    sentence: str
    rule: str

    def __init__(self, doc: str | None, indicator: str, subject: str | None, period: str | None, measure: str,
                 value: Decimal, value_max: Decimal | None, unit: str | None, qualifier: str, base: str | None,
                 modality: str, text: str, span: tuple[int, int], sentence: str, rule: str) -> None:
        # The frozen dataclass's own __init__ sets each field through object.__setattr__; one
        # update of the instance dict does the same in half the time (a document makes thousands).
        self.__dict__.update(doc=doc, indicator=indicator, subject=subject, period=period, measure=measure,
                             value=value, value_max=value_max, unit=unit, qualifier=qualifier, base=base,
                             modality=modality, text=text, span=span, sentence=sentence, rule=rule)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict with exactly the RECORDS.md field names, in contract order."""
        d: dict[str, Any] = {name: getattr(self, name) for name in RECORD_FIELDS}
        d["value"] = json_number(self.value)
        d["value_max"] = json_number(self.value_max)
        d["span"] = [self.span[0], self.span[1]]
        return d

    def to_json(self) -> str:
        """One JSON Lines row (UTF-8 text, not ASCII-escaped)."""
        return json.dumps(self.to_dict(), ensure_ascii=False)


_PER_HEAD_OR_AREA = frozenset({"亩", "公顷", "平方米", "平方公里", "人", "户"})


@cache
def record_unit(unit: str) -> str:
    """The unit a record carries for a quantity's compound unit: an amount of money per anything
    (17862元/平方米, 80美元/桶) is in its currency, an amount per area or per head (448.6公斤/亩)
    in what is counted, as 人均 amounts are (RECORDS.md: the base unit); a physical rate
    (24微克/立方米, 40公里/小时) stays as written.

    >>> record_unit("元/平方米"), record_unit("公斤/亩"), record_unit("微克/立方米")
    ('元', '公斤', '微克/立方米')
    """
    top, _, per = unit.partition("/")
    if top in _currencies() or per in _PER_HEAD_OR_AREA:
        return top
    return unit


@cache
def _currencies() -> frozenset[str]:
    from .quantity_lexicon import lexicon

    return frozenset(info.unit for info in lexicon().units.values() if info.kind == "money")

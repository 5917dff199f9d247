"""Quantities in running Chinese text: the number-and-unit normalizer.

``find_quantities(text)`` returns every quantity in order; ``parse_quantity(s)``
reads one surface form. Values are exact ``Decimal`` in base units (4400亿元 →
440000000000 元), with the qualifier kept (多/余/逾 → ``more_than``).
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ._jsonnum import json_number
from .errors import QuantityError

__all__ = ["Quantity", "find_quantities", "parse_quantity", "KINDS", "QUALIFIERS"]

KINDS = ("number", "money", "percent", "pp", "multiple", "ordinal", "fraction", "measure")
QUALIFIERS = ("exact", "more_than", "less_than", "nearly", "approx", "up_to", "range")


@dataclass(frozen=True)
class Quantity:
    """One quantity found in a text.

    Attributes:
        text: the surface form, exactly ``original[start:end]``.
        start, end: half-open character offsets into the original text.
        value: the figure in base units (``Decimal``); the low end of a range.
        value_max: the high end of a range, else ``None``.
        unit: base unit (``元``, ``美元``, ``%``, ``pp``, ``倍``, ``吨``, ``台`` …) or ``None``.
        qualifier: one of :data:`QUALIFIERS`.
        kind: one of :data:`KINDS`.
    """

    text: str
    start: int
    end: int
    value: Decimal
    value_max: Decimal | None
    unit: str | None
    qualifier: str
    kind: str

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict; numbers carry no float noise (see :func:`json_number`)."""
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "value": json_number(self.value),
            "value_max": json_number(self.value_max),
            "unit": self.unit,
            "qualifier": self.qualifier,
            "kind": self.kind,
        }


def find_quantities(text: str) -> list[Quantity]:  # replaced by the normalizer work (issue 2)
    """Every quantity in ``text``, in order of appearance."""
    return []


def parse_quantity(s: str) -> Quantity:  # replaced by the normalizer work (issue 2)
    """Read one surface form as a quantity; raise :class:`QuantityError` when it is not one."""
    raise QuantityError(f"not a quantity: {s!r}")

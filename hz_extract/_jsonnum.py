"""Decimal → JSON number without float noise (16.4亿 is 1640000000, never 1639999999.9999998)."""
from __future__ import annotations

from decimal import Decimal


def json_number(d: Decimal | int | float | None) -> int | float | None:
    """Return ``d`` as the plainest JSON-ready number: an ``int`` when integral, else a ``float``.

    ``float(Decimal)`` rounds correctly to the nearest double, and Python prints the
    shortest repr that reads back the same, so ``Decimal("4.05")`` becomes ``4.05``.

    >>> json_number(Decimal("440000000000.0")), json_number(Decimal("28.8"))
    (440000000000, 28.8)
    """
    if d is None:
        return None
    if isinstance(d, int):
        return d
    d = Decimal(d) if not isinstance(d, Decimal) else d
    if d == d.to_integral_value():
        return int(d)
    return float(d)

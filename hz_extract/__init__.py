"""hz_extract: indicator records from Chinese economic news and statistical bulletins.

>>> import hz_extract
>>> [q.text for q in hz_extract.find_quantities("增加值6305亿元,增长7.1%")]  # doctest: +SKIP
['6305亿元', '7.1%']

Nothing heavy happens at import: jieba, dictionaries and patterns load on first use.
"""
from __future__ import annotations

import importlib
import logging
from typing import TYPE_CHECKING, Any

logging.getLogger("hz_extract").addHandler(logging.NullHandler())

__version__ = "0.1.0"

_EXPORTS = {
    "Quantity": "hz_extract.quantities",
    "find_quantities": "hz_extract.quantities",
    "parse_quantity": "hz_extract.quantities",
    "Record": "hz_extract.records",
    "Extractor": "hz_extract.extractor",
    "extract": "hz_extract.extractor",
    "extract_many": "hz_extract.batch",
    "Token": "hz_extract.tokens",
    "tokenize": "hz_extract.tokens",
    "render_html": "hz_extract.review",
    "HzExtractError": "hz_extract.errors",
    "QuantityError": "hz_extract.errors",
    "InputError": "hz_extract.errors",
    "DatabaseError": "hz_extract.errors",
}

__all__ = sorted(_EXPORTS)

if TYPE_CHECKING:  # pragma: no cover
    from .batch import extract_many
    from .errors import DatabaseError, HzExtractError, InputError, QuantityError
    from .extractor import Extractor, extract
    from .quantities import Quantity, find_quantities, parse_quantity
    from .records import Record
    from .review import render_html
    from .tokens import Token, tokenize


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'hz_extract' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))

"""The examples in the quantity modules' docstrings run and hold."""
from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["hz_extract.numerals", "hz_extract.quantities", "hz_extract.quantity_read",
           "hz_extract.quantity_values", "hz_extract.quantity_patterns", "hz_extract.quantity_lexicon"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0 and result.failed == 0

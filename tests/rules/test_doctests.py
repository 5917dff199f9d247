"""The examples in the docstrings of the extractor and the rule modules stay true."""
from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import hz_extract.rules

_MODULES = ["hz_extract.extractor"] + [f"hz_extract.rules.{m.name}" for m in pkgutil.iter_modules(hz_extract.rules.__path__)]


@pytest.mark.parametrize("name", _MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0

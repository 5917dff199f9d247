"""The text layer's modules compile without warnings (an invalid escape such as ``'\\ '`` in a docstring)."""
from __future__ import annotations

import warnings
from importlib import resources

import pytest

_MODULES = ("clean.py", "segment.py", "periods.py", "subjects.py", "organisations.py", "tokens.py", "extractor.py")


@pytest.mark.parametrize("name", _MODULES)
def test_module_compiles_without_warnings(name: str) -> None:
    source = resources.files("hz_extract").joinpath(name).read_text(encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # an invalid escape sequence then raises SyntaxError
        compile(source, name, "exec")


def test_an_invalid_escape_would_be_caught() -> None:
    with warnings.catch_warnings(), pytest.raises((SyntaxError, SyntaxWarning, DeprecationWarning)):
        warnings.simplefilter("error")
        compile('"""a\\ b"""', "x.py", "exec")

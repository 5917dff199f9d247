"""The package surface: a small public API, no work at import time."""
from __future__ import annotations

import subprocess
import sys

import hz_extract


def test_public_names_resolve():
    for name in hz_extract.__all__:
        assert getattr(hz_extract, name) is not None, name


def test_import_loads_nothing_heavy():
    code = ("import sys, hz_extract; heavy = [m for m in ('jieba', 'spacy', 'opencc', 'pyspark', "
            "'sqlalchemy', 'hz_extract.extractor') if m in sys.modules]; print(','.join(heavy))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_errors_inherit_builtins():
    from hz_extract.errors import HzExtractError, InputError, QuantityError

    assert issubclass(QuantityError, ValueError) and issubclass(QuantityError, HzExtractError)
    assert issubclass(InputError, ValueError)

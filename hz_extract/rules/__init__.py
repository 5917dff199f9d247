"""The relation rules: one module per pattern family, each with a corpus of examples beside it.

:data:`FAMILIES` is the registry: every name is a module here exposing
``FAMILY`` and either ``classify`` (a measure read from the words before one
figure), ``apply`` (a structure over the sentence) or helpers the others use, and
a corpus ``<name>.corpus.jsonl`` of positive and negative sentences that
``tests/rules/test_corpus.py`` walks. ``engine.run`` puts them together.

>>> "growth" in FAMILIES
True
"""
from __future__ import annotations

__all__ = ["FAMILIES"]

FAMILIES = ("chain", "growth", "change", "share", "pp_diff", "rank", "multiple", "lists", "fromto",
            "inverted", "modality", "indicator", "level", "noise")
"""Every rule family, by module name (each has ``<name>.corpus.jsonl``)."""

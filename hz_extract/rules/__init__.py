"""The relation rules: one module per pattern family, each with a corpus of examples beside it.

Chinese statistical writing is regular enough that the words right around a figure
say what it is: 比上年增长 makes a growth, 占…比重 a share, 高于…个百分点 a
difference, 位居…第 a rank. Each family reads one such pattern.

:data:`FAMILIES` is the registry: every name is a module here exposing
``FAMILY`` and either ``classify`` (a measure read from the words before one
figure), ``apply`` (a structure over the sentence) or helpers the others use, and
a corpus ``<name>.corpus.jsonl`` of positive and negative sentences that
``tests/rules/test_corpus.py`` walks. ``engine.run`` puts them together.

Helpers that are no family: ``base`` (the sentence context and drafts), ``cues``
(compiled cue patterns), ``items`` (a list's items and their names), ``lexicon`` (the data files of ``hz_extract/data``),
``prepare`` (quantities made ready), ``assemble`` (subjects, periods, repeats), ``heads`` (an
indicator name's head noun, for repeats) and
``engine``.

>>> "growth" in FAMILIES
True
"""
from __future__ import annotations

__all__ = ["FAMILIES"]

FAMILIES = ("chain", "growth", "change", "share", "pp_diff", "rank", "multiple", "lists", "fromto",
            "inverted", "modality", "indicator", "loss", "level", "noise")
"""Every rule family, by module name (each has ``<name>.corpus.jsonl``)."""

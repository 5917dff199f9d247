"""The exceptions hz_extract raises.

Every error derives from :class:`HzExtractError`; each subclass also inherits the
builtin it resembles, so ``except ValueError`` keeps working for callers who do
not know this package. Messages say what was wrong, where, and what to do.
"""
from __future__ import annotations

__all__ = ["HzExtractError", "QuantityError", "InputError", "DatabaseError"]


class HzExtractError(Exception):
    """Base class of every error raised by hz_extract."""


class QuantityError(ValueError, HzExtractError):
    """A string given to :func:`hz_extract.parse_quantity` is not a quantity."""


class InputError(ValueError, HzExtractError):
    """An input document or archive member cannot be read (encoding, JSON, empty)."""


class DatabaseError(RuntimeError, HzExtractError):
    """The record store cannot be opened or written."""

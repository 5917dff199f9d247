"""Batch extraction over many documents (issue 4 fills this in)."""
from __future__ import annotations

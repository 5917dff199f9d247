"""Shared fixtures: where the shared evaluation texts live, and the seed article."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT / ".." / "shared").resolve()
SEED = ROOT / "seeds" / "000_3e54889b26489272.txt"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared`` beside the checkout (evaluation texts stay there, never copied in)."""
    if not SHARED.is_dir():
        pytest.fail(f"{SHARED} is missing: the evaluation texts live in ../shared beside the checkout")
    return SHARED


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The seed article the project started from."""
    return SEED.read_text(encoding="utf-8")

"""Fixtures for batch tests: database URLs (a real SQLite file, the real PostgreSQL server), inputs.

PostgreSQL comes from ``HZ_TEST_POSTGRES_URL``; without it the PostgreSQL cases are skipped,
except under ``CI`` where its absence is a failure. Each test gets its own PostgreSQL
schema, dropped afterwards, so parallel runs never collide.
"""
from __future__ import annotations

import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:  # batch_helpers, and batch_fakes for worker processes to unpickle
    sys.path.insert(0, str(HERE))

from batch_helpers import Db, postgres_url  # noqa: E402


@pytest.fixture
def pg_db() -> Iterator[Db]:
    """A fresh schema on the test PostgreSQL server, dropped after the test."""
    from sqlalchemy import create_engine, text

    from hz_extract.store import normalize_url

    url = postgres_url()
    schema = f"hz_t_{uuid.uuid4().hex[:16]}"
    yield Db(url, schema)
    engine = create_engine(normalize_url(url))
    with engine.begin() as conn:
        conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    engine.dispose()


@pytest.fixture
def sqlite_db(tmp_path: Path) -> Db:
    """A real SQLite file in the test's temporary folder."""
    return Db(f"sqlite:///{tmp_path / 'records.sqlite'}", None)


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest) -> Db:
    """Each database backend in turn."""
    return request.getfixturevalue("sqlite_db" if request.param == "sqlite" else "pg_db")


@pytest.fixture(scope="session")
def dev_docs(shared_dir: Path) -> Path:
    """The development texts (read in place from ../shared)."""
    return shared_dir / "eval" / "dev" / "docs"


@pytest.fixture
def fake():
    """The stand-in extractor class (see batch_fakes.py)."""
    from batch_fakes import FakeExtractor

    return FakeExtractor

"""Fixtures for batch tests: database URLs (a real SQLite file, the real PostgreSQL server), inputs.

PostgreSQL comes from ``HZ_TEST_POSTGRES_URL``; without it the PostgreSQL cases are skipped,
except under ``CI`` where its absence is a failure. Each test gets its own PostgreSQL
schema, dropped afterwards, so parallel runs never collide.
"""
from __future__ import annotations

import os
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
ROOT_SEED = HERE.parents[1] / "seeds" / "000_3e54889b26489272.txt"
if str(HERE) not in sys.path:  # so worker processes can unpickle fakes.FakeExtractor
    sys.path.insert(0, str(HERE))


@dataclass(frozen=True)
class Db:
    """A database for one test: the URL, the schema to use (PostgreSQL) and CLI options for it."""

    url: str
    schema: str | None

    @property
    def cli(self) -> list[str]:
        return ["--db", self.url] + (["--db-schema", self.schema] if self.schema else [])


def postgres_url() -> str:
    url = os.environ.get("HZ_TEST_POSTGRES_URL")
    if not url:
        if os.environ.get("CI"):
            pytest.fail("HZ_TEST_POSTGRES_URL is unset under CI: .ci/run must start PostgreSQL and export it")
        pytest.skip("HZ_TEST_POSTGRES_URL is unset (e.g. postgresql+psycopg://hz:hz@127.0.0.1:5432/hz_test)")
    return url


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
    """The stand-in extractor class (see fakes.py)."""
    from fakes import FakeExtractor

    return FakeExtractor


def read_back(db: Db) -> tuple[dict[str, dict], dict[str, list[dict]]]:
    """``(documents by id, records by doc as RECORDS.md dicts in stored order)`` from a database."""
    from sqlalchemy import create_engine, select

    from hz_extract._jsonnum import json_number
    from hz_extract.records import RECORD_FIELDS
    from hz_extract.store import build_tables, normalize_url

    _, documents, records = build_tables(db.schema)
    engine = create_engine(normalize_url(db.url))
    try:
        with engine.connect() as conn:
            docs = {row.id: dict(row._mapping) for row in conn.execute(select(documents))}
            recs: dict[str, list[dict]] = {}
            for row in conn.execute(select(records).order_by(records.c.doc, records.c.seq)):
                m = dict(row._mapping)
                m["span"] = [m.pop("span_start"), m.pop("span_end")]
                m["value"], m["value_max"] = json_number(m["value"]), json_number(m["value_max"])
                recs.setdefault(m["doc"], []).append({f: m[f] for f in RECORD_FIELDS})
    finally:
        engine.dispose()
    return docs, recs

"""Helpers shared by the batch tests: the database a test uses, and reading a store back.

A module with a name of its own (not ``conftest``), so importing it never picks up
another folder's conftest.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
ROOT_SEED = HERE.parents[1] / "seeds" / "000_3e54889b26489272.txt"


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

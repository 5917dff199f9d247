"""The record store: documents and their records in a SQL database (SQLAlchemy Core).

Two tables, created on first use (``CREATE TABLE IF NOT EXISTS``):

- ``documents``: one row per document id: ``id``, ``source`` (path, archive member or
  ``file.jsonl:LINE``), ``content_hash`` (SHA-256 of text and publication date),
  ``published``, ``status`` (``ok``/``error``), ``error`` (what, where, what to do),
  ``n_records``, ``processed_at`` (UTC), ``run`` (id of the run that wrote it).
- ``records``: one row per record, keyed ``(doc, seq)``, with every RECORDS.md field;
  ``span`` is ``span_start``/``span_end``. Indexed on ``indicator``, ``subject``, ``period``.

Guarantees: a document's rows (its ``documents`` row and all its records) are written
in one transaction, never split, so a run killed at any moment leaves whole documents
only; storing a document replaces whatever that id had (a changed document replaces
its own records; the same document stored twice leaves the same rows);
:meth:`Store.pending` skips documents already stored without error under the same
hash, which makes a rerun resume where a killed run stopped. Several documents share
a transaction (committed every ``commit_every`` documents or ``commit_seconds``) for speed.
"""
from __future__ import annotations

import datetime as _dt
import logging
import uuid
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from typing import Any

from .batch import DocItem, Result, as_document
from .errors import DatabaseError
from .sources import Document

__all__ = ["Store", "normalize_url", "build_tables"]

log = logging.getLogger("hz_extract")

_RECORD_COLUMNS = ("doc", "seq", "indicator", "subject", "period", "measure", "value", "value_max", "unit",
                   "qualifier", "base", "modality", "text", "span_start", "span_end", "sentence", "rule")
"""Columns of ``records`` in table order (rows are written as tuples in this order)."""


def normalize_url(url: str) -> str:
    """Map plain ``postgresql://`` (and ``postgres://``) URLs to the psycopg 3 driver.

    >>> normalize_url("postgresql://hz:hz@127.0.0.1/hz")
    'postgresql+psycopg://hz:hz@127.0.0.1/hz'
    """
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def _exact_number_type() -> Any:
    from sqlalchemy import Float, Numeric
    from sqlalchemy.types import TypeDecorator

    class ExactNumber(TypeDecorator[Decimal]):
        """NUMERIC where the database has exact decimals; REAL on SQLite, read back by shortest repr."""

        impl = Numeric
        cache_ok = True

        def load_dialect_impl(self, dialect: Any) -> Any:
            if dialect.name == "sqlite":
                return dialect.type_descriptor(Float())
            return dialect.type_descriptor(Numeric(asdecimal=True))

        def process_bind_param(self, value: Any, dialect: Any) -> Any:
            if value is None:
                return None
            return float(value) if dialect.name == "sqlite" else Decimal(value)

        def process_result_value(self, value: Any, dialect: Any) -> Decimal | None:
            if value is None:
                return None
            return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)

    return ExactNumber


def build_tables(schema: str | None = None) -> tuple[Any, Any, Any]:
    """``(metadata, documents, records)`` table definitions, optionally in a database schema.

    >>> _, documents, records = build_tables()  # doctest: +SKIP
    >>> [c.name for c in documents.columns][:3]  # doctest: +SKIP
    ['id', 'source', 'content_hash']
    """
    from sqlalchemy import (Column, Date, DateTime, ForeignKey, Index, Integer, MetaData, String, Table,
                            Text)

    exact = _exact_number_type()
    md = MetaData(schema=schema)
    documents = Table(
        "documents", md,
        Column("id", Text, primary_key=True),
        Column("source", Text, nullable=False),
        Column("content_hash", String(64), nullable=False),
        Column("published", Date),
        Column("status", String(8), nullable=False),
        Column("error", Text),
        Column("n_records", Integer, nullable=False),
        Column("processed_at", DateTime, nullable=False),
        Column("run", String(32), nullable=False),
    )
    doc_fk = f"{schema}.documents.id" if schema else "documents.id"
    records = Table(
        "records", md,
        Column("doc", Text, ForeignKey(doc_fk, ondelete="CASCADE"), primary_key=True),
        Column("seq", Integer, primary_key=True),
        Column("indicator", Text, nullable=False),
        Column("subject", Text),
        Column("period", Text),
        Column("measure", String(16), nullable=False),
        Column("value", exact(), nullable=False),
        Column("value_max", exact()),
        Column("unit", Text),
        Column("qualifier", String(16), nullable=False),
        Column("base", Text),
        Column("modality", String(16), nullable=False),
        Column("text", Text, nullable=False),
        Column("span_start", Integer, nullable=False),
        Column("span_end", Integer, nullable=False),
        Column("sentence", Text, nullable=False),
        Column("rule", Text, nullable=False),
    )
    for col in ("indicator", "subject", "period"):
        Index(f"ix_records_{col}", records.c[col])
    return md, documents, records


class Store:
    """A database of documents and records, opened from a SQLAlchemy URL.

    Args:
        url: ``sqlite:///records.sqlite``, ``postgresql://user:pass@host/db`` (mapped to
            psycopg 3) or any SQLAlchemy URL.
        schema: database schema (namespace) for the tables; created if missing (PostgreSQL).
        commit_every: documents per transaction at most.
        commit_seconds: longest time a finished document waits for its commit.

    Raises:
        DatabaseError: the URL is malformed, its driver missing, or the database unreachable.

    >>> store = Store("sqlite:///records.sqlite")  # doctest: +SKIP
    >>> for result in extract_many(store.pending(iter_documents(["docs"]))):  # doctest: +SKIP
    ...     store.add(result)
    >>> store.close()  # doctest: +SKIP
    """

    def __init__(self, url: str, *, schema: str | None = None, commit_every: int = 200,
                 commit_seconds: float = 2.0) -> None:
        from sqlalchemy import create_engine, event
        from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError
        from sqlalchemy.schema import CreateSchema

        self.commit_every, self.commit_seconds = commit_every, commit_seconds
        self.run = uuid.uuid4().hex
        try:
            self.engine = create_engine(normalize_url(url))
        except (ArgumentError, NoSuchModuleError, ValueError) as e:
            raise DatabaseError(f"{url!r} is not a usable database URL ({e}); write "
                                f"sqlite:///records.sqlite or postgresql://user:password@host/dbname") from e
        except ImportError as e:
            raise DatabaseError(f"{url!r}: the database driver is not installed ({e}); for PostgreSQL "
                                f"pip install 'hz_extract[postgres]'") from e
        self.display_url = self.engine.url.render_as_string(hide_password=True)
        self.dialect = self.engine.dialect.name
        if schema and self.dialect == "sqlite":
            raise DatabaseError(f"{self.display_url}: SQLite has no schemas; drop --db-schema or use another file")
        if self.dialect == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self.metadata, self.documents, self.records = build_tables(schema)
        try:
            with self.engine.begin() as conn:
                if schema:
                    conn.execute(CreateSchema(schema, if_not_exists=True))
                self.metadata.create_all(conn, checkfirst=True)
            self.conn = self.engine.connect()
        except SQLAlchemyError as e:
            self.engine.dispose()
            raise DatabaseError(f"cannot open database {self.display_url}: {_reason(e)}; check that the "
                                f"server runs, the URL's user, password and database, and that the folder "
                                f"exists") from e
        self._in_txn = 0
        self._txn_started = 0.0
        # Records go through the driver's executemany directly: SQLAlchemy's per-row parameter
        # processing was the main cost of the parent process in a run with workers.
        prep, style = self.engine.dialect.identifier_preparer, self.engine.dialect.paramstyle
        mark = {"qmark": "?", "format": "%s", "pyformat": "%s"}.get(style)
        assert tuple(c.name for c in self.records.columns) == _RECORD_COLUMNS
        self._records_sql = None if mark is None else (
            f"INSERT INTO {prep.format_table(self.records)} ({', '.join(prep.quote(c) for c in _RECORD_COLUMNS)}) "
            f"VALUES ({', '.join([mark] * len(_RECORD_COLUMNS))})")

    # -- reading ------------------------------------------------------------------------
    def stored(self, ids: Iterable[str]) -> dict[str, tuple[str, str]]:
        """``{id: (content_hash, status)}`` of the given ids that are stored.

        >>> store.stored(["rt-001"])  # doctest: +SKIP
        {'rt-001': ('9f2c…', 'ok')}
        """
        from sqlalchemy import select

        d = self.documents
        ids = list(ids)
        out: dict[str, tuple[str, str]] = {}
        for i in range(0, len(ids), 500):
            q = select(d.c.id, d.c.content_hash, d.c.status).where(d.c.id.in_(ids[i:i + 500]))
            out.update({row.id: (row.content_hash, row.status) for row in self._execute(q)})
        return out

    def pending(self, docs: Iterable[DocItem], *, on_skip: Callable[[Document], None] | None = None,
                lookahead: int = 256) -> Iterator[Document]:
        """The documents that still need extracting: those not stored without error under the same hash.

        Documents stored with an error are tried again (and fail again the same way if
        nothing changed, so a rerun reports them again). Items may be anything
        :func:`~hz_extract.batch.extract_many` takes. Lookups go in batches of
        ``lookahead`` documents, so memory stays flat.

        >>> todo = store.pending(iter_documents(["docs"]))  # doctest: +SKIP
        """
        batch: list[Document] = []
        for item in docs:
            batch.append(as_document(item))
            if len(batch) >= lookahead:
                yield from self._filter(batch, on_skip)
                batch = []
        yield from self._filter(batch, on_skip)

    def _filter(self, batch: list[Document], on_skip: Callable[[Document], None] | None) -> Iterator[Document]:
        known = self.stored(d.id for d in batch if d.id is not None)
        for doc in batch:
            if doc.error is None and known.get(doc.id or "") == (doc.content_hash, "ok"):
                if on_skip is not None:
                    on_skip(doc)
                continue
            yield doc

    # -- writing ------------------------------------------------------------------------
    def add(self, result: Result) -> str | None:
        """Store one document's outcome (its row and records, replacing the id's old ones).

        The document's statements run inside the current transaction, which commits every
        ``commit_every`` documents or ``commit_seconds``; :meth:`close` commits the rest.

        Returns:
            ``None`` when stored; an error message when the document was not stored
            because another document of this run, from another source, has the same id.

        Raises:
            DatabaseError: the database refused the write (the uncommitted batch is dropped).

        >>> store.add(result)  # doctest: +SKIP
        """
        import time

        from sqlalchemy import delete, insert, select
        from sqlalchemy.exc import SQLAlchemyError

        doc_id = result.doc_id if result.doc_id is not None else f"#{result.index}"
        d, r = self.documents, self.records
        row = {"id": doc_id, "source": result.source, "content_hash": result.content_hash,
               "published": result.published, "status": "ok" if result.ok else "error",
               "error": result.error, "n_records": len(result.records),
               "processed_at": _dt.datetime.now(_dt.timezone.utc).replace(tzinfo=None), "run": self.run}
        number = float if self.dialect == "sqlite" else Decimal
        recs = [_record_row(doc_id, i, rec, number) for i, rec in enumerate(result.records)]
        try:
            if self._in_txn == 0:
                self._txn_started = time.monotonic()
            prev = self.conn.execute(select(d.c.source, d.c.run).where(d.c.id == doc_id)).first()
            if prev is not None and prev.run == self.run and prev.source != result.source:
                return (f"{result.source or doc_id}: document id {doc_id!r} was already read in this run "
                        f"from {prev.source}; not stored: give every document its own id")
            if prev is not None:
                self.conn.execute(delete(r).where(r.c.doc == doc_id))
                self.conn.execute(delete(d).where(d.c.id == doc_id))
            self.conn.execute(insert(d), [row])
            if recs:
                if self._records_sql is not None:
                    self.conn.exec_driver_sql(self._records_sql, recs)
                else:  # a driver with another parameter style: the slower, generic path
                    self.conn.execute(insert(r), [dict(zip(_RECORD_COLUMNS, row)) for row in recs])
            self._in_txn += 1
            if self._in_txn >= self.commit_every or time.monotonic() - self._txn_started >= self.commit_seconds:
                self.commit()
        except SQLAlchemyError as e:
            self.rollback()
            raise DatabaseError(f"{self.display_url}: cannot store document {doc_id!r} "
                                f"({_reason(e)}); the documents since the last commit were not kept, "
                                f"rerun the command to resume") from e
        return None

    def commit(self) -> None:
        """Commit the documents added so far."""
        self.conn.commit()
        self._in_txn = 0

    def rollback(self) -> None:
        """Drop the documents added since the last commit."""
        self.conn.rollback()
        self._in_txn = 0

    def close(self) -> None:
        """Commit what was added and release the connection."""
        try:
            self.commit()
        finally:
            self.conn.close()
            self.engine.dispose()

    def _execute(self, query: Any) -> Any:
        from sqlalchemy.exc import SQLAlchemyError

        try:
            return self.conn.execute(query).all()
        except SQLAlchemyError as e:
            raise DatabaseError(f"{self.display_url}: cannot read stored documents ({_reason(e)})") from e

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        if exc[0] is not None and exc[0] is not KeyboardInterrupt:
            self.rollback()
        self.close()


def _record_row(doc_id: str, seq: int, rec: Any, number: Any) -> tuple[Any, ...]:
    """Driver-ready parameters of one record in ``_RECORD_COLUMNS`` order; ``number`` is ``Decimal``
    where the database has NUMERIC, ``float`` on SQLite."""
    vmax = rec.value_max
    return (doc_id, seq, rec.indicator, rec.subject, rec.period, rec.measure, number(rec.value),
            None if vmax is None else number(vmax), rec.unit, rec.qualifier, rec.base, rec.modality,
            rec.text, int(rec.span[0]), int(rec.span[1]), rec.sentence, rec.rule)


def _reason(e: Exception) -> str:
    message = str(getattr(e, "orig", None) or e).strip()
    return message.splitlines()[0] if message else type(e).__name__


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()

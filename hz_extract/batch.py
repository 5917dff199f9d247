"""Batch extraction over many documents: :func:`extract_many` and its :class:`Result`.

``extract_many`` streams one :class:`Result` per input document, in input order, with
the document's records or the reason it failed. With ``workers > 1`` the documents go
to worker processes in chunks, with a bounded number of chunks in flight, so memory
stays flat however long the input is; each worker builds its :class:`Extractor` once.
A document that makes the extractor raise (or kills its worker process) yields a
``Result`` with ``error`` set; the run goes on.
"""
from __future__ import annotations

import datetime as _dt
import logging
import multiprocessing
import os
import signal
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Any, Union

from .errors import HzExtractError
from .extractor import Extractor, default_extractor
from .records import Record
from .sources import Document, parse_date

__all__ = ["Result", "DocItem", "extract_many", "as_document"]

log = logging.getLogger("hz_extract")

DocItem = Union[str, Document, tuple[Any, ...]]
"""What :func:`extract_many` accepts per document: a text, ``(id, text)``, ``(id, text, published)``
or a :class:`~hz_extract.sources.Document`."""


@dataclass(frozen=True)
class Result:
    """The outcome of one document of a batch.

    Attributes:
        index: position of the document in the input (0-based).
        doc_id: the document id (``None`` for a bare text).
        records: its records in document order; ``[]`` when none were found or on error.
        error: why the document failed (unreadable, or the extractor raised), else ``None``.
        source: where the document came from (path, archive member, ``file.jsonl:LINE``), or ``""``.
        content_hash: SHA-256 of text and publication date (see :mod:`hz_extract.sources`).
        published: the publication date used, if any.
    """

    index: int
    doc_id: str | None
    records: list[Record] = field(default_factory=list)
    error: str | None = None
    source: str = ""
    content_hash: str = ""
    published: _dt.date | None = None

    @property
    def ok(self) -> bool:
        """True when the document was read and extracted without error."""
        return self.error is None


def as_document(item: DocItem, *, published: _dt.date | None = None) -> Document:
    """Turn one input item of :func:`extract_many` into a :class:`Document`.

    Args:
        item: a text, ``(id, text)``, ``(id, text, published)`` (a date, datetime or
            ISO string) or a ``Document`` (returned as is).
        published: default publication date when the item gives none.

    Raises:
        TypeError: the item is none of the accepted shapes.

    >>> as_document(("a", "增长7.1%", "2025-01-27")).published
    datetime.date(2025, 1, 27)
    """
    if isinstance(item, Document):
        return item
    if isinstance(item, str):
        return Document.make(None, item, published)  # type: ignore[arg-type]
    if isinstance(item, (tuple, list)) and len(item) in (2, 3):
        doc_id = None if item[0] is None else str(item[0])
        date = parse_date(item[2]) if len(item) == 3 and item[2] is not None else published
        if not isinstance(item[1], str):
            return Document.failed(doc_id, "", f"document {doc_id!r}: text is "  # type: ignore[arg-type]
                                               f"{type(item[1]).__name__}, not str; pass decoded text")
        return Document.make(doc_id, item[1], date)  # type: ignore[arg-type]
    raise TypeError(f"extract_many() takes texts, (id, text[, published]) tuples or Documents, "
                    f"not {type(item).__name__}")


def _extract_one(extractor: Extractor, index: int, doc: Document) -> Result:
    common = {"source": doc.source, "content_hash": doc.content_hash, "published": doc.published}
    if doc.error is not None or doc.text is None:
        return Result(index, doc.id, [], doc.error or "no text", **common)
    try:
        records = list(extractor.extract(doc.text, doc_id=doc.id, published=doc.published))
    except Exception as e:  # noqa: BLE001 - one bad document must not stop the run
        where = doc.source or (f"document {doc.id!r}" if doc.id is not None else f"document #{index}")
        log.warning("%s: extractor failed: %s: %s", where, type(e).__name__, e)
        return Result(index, doc.id, [], f"{where}: extractor failed ({type(e).__name__}: {e}); "
                                         f"please report this document", **common)
    return Result(index, doc.id, records, None, **common)


_WORKER_EXTRACTOR: Extractor | None = None


def _init_worker(extractor: Extractor, alive: Any = None) -> None:
    """Worker start: keep the extractor (built once per process); leave Ctrl-C to the parent;
    exit when the parent dies (``alive`` reaches end of file), even if it was SIGKILLed."""
    global _WORKER_EXTRACTOR
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER_EXTRACTOR = extractor
    if alive is not None:
        threading.Thread(target=_exit_with_parent, args=(alive,), name="hz-parent-watch", daemon=True).start()


def _exit_with_parent(alive: Any) -> None:
    """Block until the parent's end of the pipe closes, then leave at once.

    Without this, workers of a killed run would wait for work forever: every worker
    holds both ends of the pool's task queue, so none ever sees end of file there.
    """
    try:
        alive.recv_bytes()
    except (EOFError, OSError):
        pass
    os._exit(1)


def _work(chunk: list[tuple[int, Document]]) -> list[Result]:
    extractor = _WORKER_EXTRACTOR or default_extractor()
    return [_extract_one(extractor, i, d) for i, d in chunk]


class _Pool:
    """A process pool that can be rebuilt after a worker dies."""

    def __init__(self, workers: int, extractor: Extractor, context: str | None) -> None:
        self.workers, self.extractor = workers, extractor
        self.context = multiprocessing.get_context(context)
        self.alive_r, self.alive_w = self.context.Pipe(duplex=False)  # only this process holds alive_w
        self.executor = self._new()

    def _new(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.workers, mp_context=self.context,
                                   initializer=_init_worker, initargs=(self.extractor, self.alive_r))

    def submit(self, chunk: list[tuple[int, Document]]) -> Future[list[Result]]:
        return self.executor.submit(_work, chunk)

    def rebuild(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = self._new()

    def isolate(self, chunk: list[tuple[int, Document]]) -> list[Result]:
        """Run a chunk whose worker died one document at a time, to find the culprit."""
        out = []
        for i, doc in chunk:
            try:
                out.extend(self.submit([(i, doc)]).result())
            except BrokenProcessPool:
                self.rebuild()
                self._probe()
                where = doc.source or f"document {doc.id!r}"
                log.warning("%s: the worker process died while extracting it", where)
                out.append(Result(i, doc.id, [], f"{where}: the worker process died while extracting "
                                                 f"this document (out of memory?); please report it",
                                  doc.source, doc.content_hash, doc.published))
        return out

    def _probe(self) -> None:
        """Raise if a fresh pool cannot run even an empty task (workers fail to start at all)."""
        try:
            self.submit([]).result()
        except BrokenProcessPool as e:
            raise HzExtractError(
                "worker processes die on start-up, before any document; run with workers=1 to see "
                "why, and call extract_many from under `if __name__ == \"__main__\":` in scripts") from e

    def close(self) -> None:
        try:
            self.executor.shutdown(wait=True, cancel_futures=True)
        finally:
            self.alive_w.close()
            self.alive_r.close()


def _chunks(docs: Iterable[DocItem], size: int, published: _dt.date | None) -> Iterator[list[tuple[int, Document]]]:
    chunk: list[tuple[int, Document]] = []
    for i, item in enumerate(docs):
        chunk.append((i, as_document(item, published=published)))
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def extract_many(docs: Iterable[DocItem], workers: int = 1, extractor: Extractor | None = None, *,
                 published: _dt.date | None = None, chunksize: int = 16, window: int | None = None,
                 mp_context: str | None = None) -> Iterator[Result]:
    """Extract records from many documents, streaming one :class:`Result` per document in input order.

    Args:
        docs: any iterable (a generator is fine: it is consumed lazily) of texts,
            ``(id, text)``, ``(id, text, published)`` tuples or
            :class:`~hz_extract.sources.Document` objects.
        workers: number of worker processes; ``1`` runs in this process.
        extractor: the :class:`Extractor` to use (sent once to each worker); the default
            extractor when omitted.
        published: default publication date for items that give none.
        chunksize: documents per task sent to a worker.
        window: most chunks in flight at once (default ``4 * workers``); bounds memory.
        mp_context: multiprocessing start method (default ``forkserver`` where available,
            else ``spawn``).

    Yields:
        One :class:`Result` per document; a document that cannot be read or makes the
        extractor raise gives a ``Result`` with ``error`` set and ``records == []``.

    Raises:
        TypeError: an item is not a text, tuple or ``Document``.
        HzExtractError: worker processes cannot start at all (e.g. a script without a
            ``__main__`` guard under the ``spawn``/``forkserver`` start methods).

    >>> for r in extract_many(["2024年全市工业增加值6305亿元,增长7.1%。"]):  # doctest: +SKIP
    ...     print(r.index, r.ok, [rec.measure for rec in r.records])
    0 True ['level', 'growth']
    """
    if workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    extractor = extractor if extractor is not None else default_extractor()
    if workers == 1:
        for chunk in _chunks(docs, 1, published):
            for i, doc in chunk:
                yield _extract_one(extractor, i, doc)
        return
    if mp_context is None:
        mp_context = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    yield from _parallel(docs, workers, extractor, published, max(1, chunksize),
                         window or 4 * workers, mp_context)


def _parallel(docs: Iterable[DocItem], workers: int, extractor: Extractor, published: _dt.date | None,
              chunksize: int, window: int, mp_context: str) -> Iterator[Result]:
    pool = _Pool(workers, extractor, mp_context)
    pending: deque[tuple[list[tuple[int, Document]], Future[list[Result]]]] = deque()
    chunks = _chunks(docs, chunksize, published)
    try:
        while True:
            while len(pending) < window:
                chunk = next(chunks, None)
                if chunk is None:
                    break
                pending.append((chunk, pool.submit(chunk)))
            if not pending:
                return
            chunk, fut = pending.popleft()
            try:
                results = fut.result()
            except BrokenProcessPool:
                pool.rebuild()
                results = pool.isolate(chunk)
                pending = deque((c, pool.submit(c)) for c, _ in pending)
            yield from results
    finally:
        pool.close()

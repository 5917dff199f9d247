"""Input readers for batch runs: files, folders, JSON Lines, gzip and zip archives → documents.

Every reader streams: one document is held in memory at a time, whatever the size of
the archive. A document that cannot be read (undecodable bytes, empty text, a
malformed JSON line) becomes a :class:`Document` whose ``error`` says what, where and
what to do; it is never an exception that stops the run. Only a missing path or an
unsupported file type (bad usage, found before anything is read) raises
:class:`~hz_extract.errors.InputError`.

Document ids: a ``.txt`` file's name without its extension; inside a folder or a zip
archive, its path below the folder (or archive root) without the extension, with
``/`` separators, so ``docs/rt-001.txt`` is ``rt-001`` and ``archive/2024/05.txt`` is
``2024/05``. A JSON Lines row takes its id field, or ``<file stem>:<line>`` without one.
"""
from __future__ import annotations

import codecs
import datetime as _dt
import gzip
import hashlib
import json
import logging
import os
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import regex

from .errors import InputError

__all__ = ["Document", "SUFFIXES", "check_inputs", "count_documents", "decode_bytes",
           "iter_documents", "parse_date", "read_text_file"]

log = logging.getLogger("hz_extract")

SUFFIXES = (".txt", ".jsonl", ".txt.gz", ".jsonl.gz", ".zip")
"""File types read; a folder is walked recursively for these (other files are ignored)."""

_DATE = regex.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")


@dataclass(frozen=True)
class Document:
    """One input document, or the reason it could not be read.

    Attributes:
        id: document id (becomes each record's ``doc``); ``None`` for a bare text.
        text: the decoded text; ``None`` when ``error`` is set.
        published: publication date used to resolve relative periods, if known.
        source: where it came from: a path, ``archive.zip:member.txt`` or ``file.jsonl:LINE``.
        error: why it could not be read, or ``None``.
        content_hash: SHA-256 of the text and publication date (of the raw bytes for an
            unreadable document); a change means the document must be extracted again.

    >>> Document.make("a", "增长7.1%").content_hash[:8]  # doctest: +SKIP
    'c3f1...'
    """

    id: str | None
    text: str | None
    published: _dt.date | None = None
    source: str = ""
    error: str | None = None
    content_hash: str = ""

    @classmethod
    def make(cls, doc_id: str | None, text: str, published: _dt.date | None = None, source: str = "") -> Document:
        """A readable document with its content hash computed.

        >>> Document.make("a", "text").error is None
        True
        """
        return cls(doc_id, text, published, source, None, content_hash(text, published))

    @classmethod
    def failed(cls, doc_id: str | None, source: str, error: str, raw: bytes = b"") -> Document:
        """A document that could not be read, with the reason.

        >>> Document.failed("a", "a.txt", "empty document").text is None
        True
        """
        return cls(doc_id, None, None, source, error, hashlib.sha256(raw).hexdigest())


def content_hash(text: str, published: _dt.date | None) -> str:
    """SHA-256 (hex) of what determines a document's records: its text and publication date.

    >>> len(content_hash("增长7.1%", None))
    64
    """
    h = hashlib.sha256(text.encode("utf-8", "surrogatepass"))
    h.update(b"\0" + (published.isoformat() if published else "").encode())
    return h.hexdigest()


def parse_date(value: object) -> _dt.date | None:
    """A publication date from a date, datetime or string (``2025-01-27``, ``2024/11/18 20:43``,
    ``2024年11月18日``); ``None`` when there is none to be read.

    >>> parse_date("发布时间:2024-11-18 20:43:04")
    datetime.date(2024, 11, 18)
    """
    if value is None or value == "":
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if not isinstance(value, str):
        return None
    m = _DATE.search(value)
    if m is None:
        return None
    try:
        return _dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def decode_bytes(raw: bytes) -> str:
    """Decode a document: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (a superset
    of GBK and GB2312).

    Raises:
        UnicodeDecodeError: when no encoding reads the bytes.

    >>> decode_bytes("增长".encode("gbk"))
    '增长'
    """
    if raw.startswith(codecs.BOM_UTF8):
        return raw[len(codecs.BOM_UTF8):].decode("utf-8")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("gb18030")


def _text_document(doc_id: str, raw: bytes, source: str, published: _dt.date | None) -> Document:
    try:
        text = decode_bytes(raw)
    except UnicodeDecodeError as e:
        return Document.failed(doc_id, source, f"{source}: undecodable (neither UTF-8 nor GB18030, "
                                               f"byte {e.start}); convert the file to UTF-8", raw)
    if not text.strip():
        return Document.failed(doc_id, source, f"{source}: empty document; remove the file or give it text", raw)
    return Document.make(doc_id, text, published, source)


def _kind(path: Path) -> str | None:
    name = path.name.lower()
    for suffix in SUFFIXES:
        if name.endswith(suffix):
            return suffix
    return None


def _stem(name: str) -> str:
    lower = name.lower()
    for suffix in SUFFIXES:
        if lower.endswith(suffix):
            return name[: -len(suffix)]
    return name.rsplit(".", 1)[0] if "." in name else name


def check_inputs(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Check that every input exists and is a readable type, before anything is read.

    Raises:
        InputError: a path is missing, or a file is not .txt/.jsonl/.gz/.zip.

    >>> check_inputs(["no/such/dir"])  # doctest: +SKIP
    Traceback (most recent call last):
    InputError: no/such/dir: no such file or folder; check the path
    """
    out = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            out.append(path)
        elif path.is_file():
            if _kind(path) is None:
                raise InputError(f"{path}: unsupported file type; give .txt, .jsonl, .txt.gz, "
                                 f".jsonl.gz or .zip files, or a folder of them")
            out.append(path)
        else:
            raise InputError(f"{path}: no such file or folder; check the path")
    if not out:
        raise InputError("no input given; name at least one file or folder")
    return out


def _walk(folder: Path) -> Iterator[Path]:
    """Files of readable types below ``folder``, recursively, in a stable (sorted) order."""
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            path = Path(root, name)
            if _kind(path) is not None:
                yield path


def _expand(paths: Iterable[Path]) -> Iterator[tuple[Path, Path | None]]:
    """(file, folder it was found in or None) for every input file."""
    for path in paths:
        if path.is_dir():
            for f in _walk(path):
                yield f, path
        else:
            yield path, None


def count_documents(paths: Iterable[Path]) -> int | None:
    """The number of documents when it is cheap to know (.txt and .txt.gz files, zip archives),
    else ``None`` (JSON Lines would have to be read twice).

    >>> count_documents([])
    0
    """
    total = 0
    for f, _ in _expand(paths):
        kind = _kind(f)
        if kind in (".txt", ".txt.gz"):
            total += 1
        elif kind == ".zip":
            try:
                with zipfile.ZipFile(f) as z:
                    total += sum(1 for i in z.infolist() if not i.is_dir() and i.filename.lower().endswith(".txt"))
            except (zipfile.BadZipFile, OSError):
                total += 1
        else:
            return None
    return total


def iter_documents(paths: Iterable[str | os.PathLike[str]], *, text_field: str = "text",
                   id_field: str = "id", date_field: str = "date",
                   published: _dt.date | None = None) -> Iterator[Document]:
    """Stream the documents of files and folders, in a stable order.

    Args:
        paths: files (.txt, .jsonl, .txt.gz, .jsonl.gz, .zip of .txt) and folders of them.
        text_field: JSON Lines field holding the text.
        id_field: JSON Lines field holding the document id.
        date_field: JSON Lines field holding the publication date.
        published: default publication date for documents that do not give one.

    Raises:
        InputError: a path is missing or of an unsupported type (checked before reading).

    >>> [d.id for d in iter_documents(["../shared/eval/dev/docs"])][:2]  # doctest: +SKIP
    ['rt-001', 'rt-002']
    """
    checked = check_inputs(paths)
    for f, folder in _expand(checked):
        rel = f.relative_to(folder).as_posix() if folder is not None else f.name
        kind = _kind(f)
        if kind == ".zip":
            yield from _read_zip(f, published)
        elif kind in (".jsonl", ".jsonl.gz"):
            yield from _read_jsonl(f, kind == ".jsonl.gz", text_field, id_field, date_field, published)
        else:
            yield _read_txt(f, _stem(rel), kind == ".txt.gz", published)


def _read_txt(path: Path, doc_id: str, gz: bool, published: _dt.date | None) -> Document:
    source = str(path)
    try:
        raw = gzip.decompress(path.read_bytes()) if gz else path.read_bytes()
    except (OSError, EOFError, gzip.BadGzipFile) as e:
        return Document.failed(doc_id, source, f"{source}: cannot read ({e}); check the file")
    return _text_document(doc_id, raw, source, published)


def _read_zip(path: Path, published: _dt.date | None) -> Iterator[Document]:
    try:
        z = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as e:
        yield Document.failed(_stem(path.name), str(path), f"{path}: not a readable zip archive ({e}); check the file")
        return
    with z:
        for info in sorted(z.infolist(), key=lambda i: i.filename):
            if info.is_dir() or not info.filename.lower().endswith(".txt"):
                continue
            source = f"{path}:{info.filename}"
            doc_id = _stem(PurePosixPath(info.filename).as_posix())
            try:
                raw = z.read(info)
            except (zipfile.BadZipFile, OSError, EOFError, RuntimeError) as e:
                yield Document.failed(doc_id, source, f"{source}: cannot read archive member ({e})")
                continue
            yield _text_document(doc_id, raw, source, published)


def _read_jsonl(path: Path, gz: bool, text_field: str, id_field: str, date_field: str,
                published: _dt.date | None) -> Iterator[Document]:
    stem = _stem(path.name)
    try:
        stream = gzip.open(path, "rb") if gz else open(path, "rb")  # noqa: SIM115 - closed below
    except OSError as e:
        yield Document.failed(stem, str(path), f"{path}: cannot open ({e}); check the file")
        return
    with stream:
        lineno = 0
        try:
            for lineno, raw in enumerate(stream, 1):
                if raw.strip():
                    yield _jsonl_row(path, lineno, raw, stem, text_field, id_field, date_field, published)
        except (OSError, EOFError, gzip.BadGzipFile) as e:
            source = f"{path}:{lineno + 1}"
            yield Document.failed(f"{stem}:{lineno + 1}", source,
                                  f"{source}: cannot read past this line ({e}); the file is truncated or corrupt")


def _jsonl_row(path: Path, lineno: int, raw: bytes, stem: str, text_field: str, id_field: str,
               date_field: str, published: _dt.date | None) -> Document:
    source = f"{path}:{lineno}"
    fallback_id = f"{stem}:{lineno}"
    try:
        line = decode_bytes(raw)
    except UnicodeDecodeError as e:
        return Document.failed(fallback_id, source, f"{source}: undecodable line (byte {e.start}); "
                                                    f"convert the file to UTF-8", raw)
    try:
        row = json.loads(line)
    except json.JSONDecodeError as e:
        return Document.failed(fallback_id, source, f"{source}: malformed JSON ({e.msg} at column {e.colno}); "
                                                    f"fix or remove the line", raw)
    if not isinstance(row, dict):
        return Document.failed(fallback_id, source, f"{source}: a JSON object is expected on each line, "
                                                    f"not {type(row).__name__}", raw)
    doc_id = row.get(id_field)
    doc_id = fallback_id if doc_id is None or doc_id == "" else str(doc_id)
    text = row.get(text_field)
    if not isinstance(text, str):
        what = "missing" if text is None else f"not a string ({type(text).__name__})"
        return Document.failed(doc_id, source, f"{source}: text field {text_field!r} is {what}; "
                                               f"name the right field with --text-field", raw)
    if not text.strip():
        return Document.failed(doc_id, source, f"{source}: empty text in field {text_field!r}", raw)
    date = parse_date(row.get(date_field)) or published
    if row.get(date_field) not in (None, "") and parse_date(row.get(date_field)) is None:
        log.warning("%s: cannot read date %r in field %r; using the default", source, row.get(date_field), date_field)
    return Document.make(doc_id, text, date, source)


def read_text_file(path: str | os.PathLike[str]) -> str:
    """Read one text file with the batch decoding rules (UTF-8 ± BOM, UTF-16 BOM, GB18030).

    Raises:
        InputError: the file is undecodable.

    >>> read_text_file("seeds/000_3e54889b26489272.txt")[:4]  # doctest: +SKIP
    '攀高逐新'
    """
    raw = Path(path).read_bytes()
    try:
        return decode_bytes(raw)
    except UnicodeDecodeError as e:
        raise InputError(f"{path}: undecodable at byte {e.start}; convert the file to UTF-8") from e


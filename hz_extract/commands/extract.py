"""Extract indicator records from files, folders and archives into JSON Lines, CSV, Parquet or a database.

Inputs: .txt files and folders of them (walked recursively), JSON Lines (.jsonl), gzip of
either (.txt.gz, .jsonl.gz) and zip archives of .txt. Text may be UTF-8 (with or without
BOM) or GB18030/GBK. A document id is the file name without extension (its path below
the folder or zip root for nested files), or the id field of a JSON Lines row.

Outputs: JSON Lines on stdout by default; -o OUT.jsonl / OUT.csv / OUT.parquet by
extension; --db URL stores documents and records in a database (schema created on
first use). Only the database is idempotent and resumable: rerunning the same command
skips documents already stored with the same content and finishes the rest; a changed
document replaces its records; --force reprocesses everything.

examples:
  hz-extract extract docs/ -o records.jsonl
  hz-extract extract docs/ --db sqlite:///records.sqlite --workers 2
  hz-extract extract news.jsonl.gz --text-field content --id-field url \\
      --date-field pub_time --db postgresql://user:pass@host/db

exit status: 0 every document read, 1 some documents failed (the rest written) or the
database failed mid-run (rerun to resume), 2 bad usage (missing path, unknown output
type, bad or unreachable database URL; nothing was read), 130 interrupted.
"""
from __future__ import annotations

import argparse
import datetime as _dt
import os
import sys
import time
from typing import Any


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add this subcommand's options."""
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="files (.txt, .jsonl, .txt.gz, .jsonl.gz, .zip) or folders of them")
    parser.add_argument("-o", "--output", metavar="OUT",
                        help="write records to OUT.jsonl, OUT.csv or OUT.parquet (by extension; .gz "
                             "compresses jsonl/csv); '-' or absent: JSON Lines on stdout "
                             "(absent with --db: no file output)")
    parser.add_argument("--db", metavar="URL",
                        help="store documents and records in a database: sqlite:///records.sqlite, "
                             "postgresql://user:pass@host/dbname (idempotent, resumable)")
    parser.add_argument("--db-schema", metavar="NAME",
                        help="database schema (namespace) for the tables, e.g. a PostgreSQL schema")
    parser.add_argument("--workers", type=int, default=1, metavar="N",
                        help="worker processes (default 1; use the number of cores for big archives)")
    parser.add_argument("--text-field", default="text", metavar="NAME",
                        help="JSON Lines field holding the text (default: text)")
    parser.add_argument("--id-field", default="id", metavar="NAME",
                        help="JSON Lines field holding the document id (default: id; "
                             "rows without one get NAME:LINE, NAME being the file name without extension)")
    parser.add_argument("--date-field", default="date", metavar="NAME",
                        help="JSON Lines field holding the publication date (default: date)")
    parser.add_argument("--published", metavar="YYYY-MM-DD",
                        help="publication date for documents that do not give one "
                             "(resolves 今年, 上年, months without a year)")
    parser.add_argument("--force", action="store_true",
                        help="with --db: reprocess every document, even those already stored unchanged")
    parser.add_argument("-q", "--quiet", action="store_true",
                        help="no progress bar and no summary (errors are still printed)")


def _usage(message: str) -> int:
    print(f"hz-extract extract: {message}", file=sys.stderr)
    return 2


class _Stats:
    def __init__(self) -> None:
        self.start = time.monotonic()
        self.docs = self.records = self.skipped = self.failed = 0
        self.errors: list[str] = []  # the first few messages only: memory stays flat

    def summary(self, output: str, interrupted: bool = False) -> str:
        secs = time.monotonic() - self.start
        rate = self.docs / secs if secs > 0 else 0.0
        text = (f"hz-extract: {'interrupted after' if interrupted else 'read'} {self.docs} document(s) "
                f"in {secs:.1f} s ({rate:.1f}/s): {self.records} record(s) written to {output}, "
                f"{self.failed} failed")
        if self.skipped:
            text += f", {self.skipped} skipped as already stored unchanged (use --force to redo them)"
        text += "."
        if self.errors:
            shown = "; ".join(self.errors)
            more = f" (and {self.failed - len(self.errors)} more; with --db: select id, error from documents " \
                   f"where status = 'error')" if self.failed > len(self.errors) else ""
            text += f" Failed: {shown}{more}."
        if interrupted and output != "stdout" and "://" not in output:
            text += " The partial output file was removed (file outputs start over; --db runs resume)."
        return text


def _progress(total: int | None, enabled: bool) -> Any:
    from tqdm import tqdm

    return tqdm(total=total, unit="doc", dynamic_ncols=True, disable=not enabled, file=sys.stderr,
                smoothing=0.1)


def run(args: argparse.Namespace) -> int:
    """Run the subcommand; return the exit status."""
    from ..batch import extract_many
    from ..errors import DatabaseError, InputError
    from ..extractor import Extractor
    from ..sinks import check_output, open_sink
    from ..sources import check_inputs, count_documents, iter_documents

    if args.workers < 1:
        return _usage(f"--workers must be at least 1, not {args.workers}")
    published = None
    if args.published:
        try:
            published = _dt.date.fromisoformat(args.published)
        except ValueError:
            return _usage(f"--published {args.published!r} is not a date; write it as YYYY-MM-DD")
    if args.db_schema and not args.db:
        return _usage("--db-schema only applies with --db; give the database URL too")
    if args.force and not args.db:
        return _usage("--force only applies with --db (file outputs are always rewritten whole)")
    try:
        paths = check_inputs(args.paths)
        want_sink = args.output is not None or args.db is None
        if want_sink:
            check_output(args.output)
    except InputError as e:
        return _usage(str(e))
    store = None
    if args.db:
        from ..store import Store

        try:
            store = Store(args.db, schema=args.db_schema)
        except DatabaseError as e:
            return _usage(str(e))
    show = not args.quiet and sys.stderr.isatty()
    total = count_documents(paths) if show else None
    stats = _Stats()
    bar = _progress(total, show)

    def note_error(message: str) -> None:
        stats.failed += 1
        if len(stats.errors) < 5:
            stats.errors.append(message)
        if bar.disable:
            print(f"hz-extract: {message}", file=sys.stderr)
        else:
            bar.write(f"hz-extract: {message}", file=sys.stderr)

    docs = iter_documents(paths, text_field=args.text_field, id_field=args.id_field,
                          date_field=args.date_field, published=published)
    if store is not None and not args.force:
        def skipped(_doc: Any) -> None:
            stats.skipped += 1
            bar.update(1)

        docs = store.pending(docs, on_skip=skipped)
    sink = open_sink(args.output) if want_sink else None
    targets = []
    if want_sink:
        targets.append(args.output if args.output not in (None, "-") else "stdout")
    if store is not None:
        targets.append(store.display_url)
    where = " and ".join(targets)
    results = extract_many(docs, workers=args.workers, extractor=Extractor(), published=published)
    try:
        for result in results:
            rejected = store.add(result) if store is not None else None
            if sink is not None:
                sink.write(result)
            stats.docs += 1
            stats.records += len(result.records)
            if result.error or rejected:
                note_error(result.error or rejected or "")
            bar.update(1)
            if bar.n % 16 == 0:
                bar.set_postfix(records=stats.records, errors=stats.failed, refresh=False)
        bar.set_postfix(records=stats.records, errors=stats.failed, refresh=False)
        bar.close()
        if store is not None:
            store.close()
        if sink is not None:
            sink.close()
    except KeyboardInterrupt:
        bar.close()
        if store is not None:
            store.close()  # commits the documents finished so far, each whole
        if sink is not None:
            sink.abort()
        if not args.quiet:
            print(stats.summary(where, interrupted=True), file=sys.stderr)
        raise
    except BrokenPipeError:
        bar.close()
        if store is not None:
            store.close()
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except DatabaseError as e:
        bar.close()
        if sink is not None:
            sink.abort()
        print(f"hz-extract extract: {e}", file=sys.stderr)
        return 1
    finally:
        results.close()  # stops the workers at once: running chunks finish, queued ones are dropped
    if not args.quiet:
        print(stats.summary(where), file=sys.stderr)
    return 1 if stats.failed else 0

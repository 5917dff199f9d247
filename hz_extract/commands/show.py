"""hz-extract show: render one article as a self-contained HTML review page.

  hz-extract show ARTICLE.txt -o page.html
  hz-extract show ARTICLE.txt --published 2025-01-27 > page.html

The page highlights every extracted figure in the article and lists the records
beside it; open it in any browser (it makes no network request). Exit status: 0 the
page was written, 1 the article could not be read or decoded, 2 bad usage (a
missing file, a malformed date).
"""
from __future__ import annotations

import argparse
import datetime as _dt
import sys
from pathlib import Path

__all__ = ["add_arguments", "run"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add this subcommand's options."""
    parser.add_argument("article", metavar="ARTICLE.txt", type=Path,
                        help="the article, a UTF-8 text file ('-' reads standard input)")
    parser.add_argument("-o", "--output", metavar="PAGE.html", type=Path, default=None,
                        help="where to write the page (default: standard output)")
    parser.add_argument("--title", default=None,
                        help="page title (default: the article's first non-empty line)")
    parser.add_argument("--published", metavar="YYYY-MM-DD", default=None,
                        help="publication date, to resolve 今年/上年 when the text has no date line")
    parser.add_argument("--encoding", default="utf-8",
                        help="encoding of the article file (default: utf-8; a BOM is accepted)")


def _fail(message: str, status: int) -> int:
    print(f"hz-extract show: {message}", file=sys.stderr)
    return status


def _read(path: Path, encoding: str) -> str:
    """The article's text; ``utf-8`` also accepts a byte-order mark."""
    if str(path) == "-":
        data = sys.stdin.buffer.read()
    else:
        data = path.read_bytes()
    codec = "utf-8-sig" if encoding.lower().replace("_", "-") in ("utf-8", "utf8") else encoding
    return data.decode(codec)


def run(args: argparse.Namespace) -> int:
    """Render the page; return the exit status (0 written, 1 unreadable input, 2 bad usage)."""
    published = None
    if args.published:
        try:
            published = _dt.date.fromisoformat(args.published)
        except ValueError:
            return _fail(f"--published {args.published!r} is not a date; write it as YYYY-MM-DD", 2)
    path: Path = args.article
    if str(path) != "-" and not path.is_file():
        what = "is a folder, not a file" if path.is_dir() else "does not exist"
        return _fail(f"{path} {what}; give the path of one article as a text file", 2)
    try:
        text = _read(path, args.encoding)
    except LookupError:
        return _fail(f"unknown encoding {args.encoding!r}; try --encoding gb18030", 2)
    except UnicodeDecodeError as exc:
        return _fail(f"{path}: cannot decode byte {exc.start} as {args.encoding} ({exc.reason}); "
                     "give the right --encoding (e.g. gb18030)", 1)
    except OSError as exc:
        return _fail(f"{path}: cannot read ({exc.strerror or exc})", 1)

    from ..extractor import extract
    from ..review import render_html

    doc_id = None if str(path) == "-" else path.stem
    page = render_html(text, extract(text, doc_id=doc_id, published=published), title=args.title)
    if args.output is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(page.encode("utf-8"))
        sys.stdout.buffer.flush()
        return 0
    try:
        args.output.write_text(page, encoding="utf-8")
    except OSError as exc:
        return _fail(f"cannot write {args.output} ({exc.strerror or exc})", 1)
    print(f"hz-extract show: wrote {args.output}", file=sys.stderr)
    return 0

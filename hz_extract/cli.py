"""The ``hz-extract`` command: ``extract`` (batch runs), ``show`` (review page), ``spark``.

Each subcommand lives in ``hz_extract/commands/<name>.py`` with ``add_arguments(parser)``
and ``run(args) -> int``; heavy imports happen inside ``run``. Exit status: 0 all
inputs read, 1 some inputs failed (the rest stored), 2 bad usage.
"""
from __future__ import annotations

import argparse
import importlib
import sys

from . import __version__

__all__ = ["main", "build_parser"]

COMMANDS = {
    "extract": "extract records from .txt files, folders, JSON Lines, gzip and zip archives",
    "show": "render an article as a self-contained HTML review page",
    "spark": "run the extraction on Apache Spark (needs hz_extract[spark])",
}


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser, every subcommand included."""
    parser = argparse.ArgumentParser(
        prog="hz-extract",
        description="Turn Chinese economic news and statistical bulletins into indicator records.",
    )
    parser.add_argument("--version", action="version", version=f"hz-extract {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, help_text in COMMANDS.items():
        module = importlib.import_module(f"hz_extract.commands.{name}")
        p = sub.add_parser(name, help=help_text, description=module.__doc__,
                           formatter_class=argparse.RawDescriptionHelpFormatter)
        module.add_arguments(p)
        p.set_defaults(_module=module)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``hz-extract``; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args._module.run(args) or 0)
    except KeyboardInterrupt:
        print("hz-extract: interrupted; with --db, run the same command again to resume", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

"""hz-extract show (stub: filled in by its issue)."""
from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add this subcommand's options."""


def run(args: argparse.Namespace) -> int:
    """Run the subcommand; return the exit status."""
    raise SystemExit("hz-extract show: not implemented yet")

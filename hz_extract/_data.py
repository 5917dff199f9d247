"""Reading the package's data files (``hz_extract/data/``): one place for the formats.

Three shapes are used: plain text with ``#`` comments (one entry a line), sectioned
text (a ``[section]`` line starts a section, entries follow), and JSON. Callers cache
what they build from them; this module only reads and checks the shape.
"""
from __future__ import annotations

from collections.abc import Callable
from importlib import resources

from .errors import HzExtractError

__all__ = ["read_text", "read_lines", "read_sections"]


def read_text(name: str) -> str:
    """The text of ``hz_extract/data/<name>``; a missing file is an error saying to reinstall.

    >>> read_text("organisations.txt").startswith("#")
    True
    """
    try:
        return resources.files("hz_extract").joinpath("data", name).read_text(encoding="utf-8")
    except OSError as e:
        raise HzExtractError(f"hz_extract/data/{name} cannot be read ({e}); reinstall the package") from e


def read_lines(name: str) -> list[str]:
    """The entries of a one-entry-a-line file: stripped, without blank and ``#`` lines."""
    return [ln.strip() for ln in read_text(name).splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


def read_sections(name: str, check: Callable[[str, str], str | None] | None = None) -> dict[str, list[str]]:
    """The ``[section]`` entries of a sectioned file, in file order.

    Args:
        name: the file under ``hz_extract/data/``.
        check: optional ``check(section, entry)`` returning a complaint (or ``None``)
            for an entry that does not fit its section.

    Raises:
        ValueError: an entry before any section, or one ``check`` complains about,
            naming the file and line.

    >>> read_sections("organisations.txt")["roles"][0]
    '副总经理'
    """
    sections: dict[str, list[str]] = {}
    section: str | None = None
    for n, raw in enumerate(read_text(name).splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
            sections.setdefault(section, [])
            continue
        if section is None:
            raise ValueError(f"data/{name} line {n}: entry {line!r} before any [section]")
        complaint = check(section, line) if check else None
        if complaint:
            raise ValueError(f"data/{name} line {n}: {line!r} {complaint}")
        sections[section].append(line)
    return sections

"""Throughput of the text layer (clean, sentences, periods, subjects, tokenize) beside jieba.

    .venv/bin/python benchmarks/bench_text.py [--mb 2]

The corpus is the development documents read from ``../shared/eval/dev/docs`` (never
copied into the repository), joined and repeated to about ``--mb`` megabytes. Every
contender gets a warm-up call first (dictionaries, patterns), then one timed pass over
the whole corpus as one text. Prints seconds and million characters per second, with
``jieba.lcut``, a private ``jieba.Tokenizer`` and ``rjieba`` on the same text for scale.
"""
from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DOCS = (ROOT / ".." / "shared" / "eval" / "dev" / "docs").resolve()


def _corpus(mb: float) -> str:
    docs = [p.read_text(encoding="utf-8") for p in sorted(DOCS.glob("*.txt"))]
    if not docs:
        raise SystemExit(f"no documents in {DOCS}: the shared evaluation texts are expected beside the checkout")
    one = "\n".join(docs)
    return one * max(1, int(mb * 1_000_000 // len(one)))


def _time(name: str, n: int, fn: Callable[[], Any]) -> None:
    t0 = time.perf_counter()
    fn()
    dt = time.perf_counter() - t0
    print(f"{name:34s} {dt:8.2f} s {n / dt / 1e6:8.2f} Mchar/s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=2.0, help="corpus size in megabytes of text (default 2)")
    args = ap.parse_args()

    import jieba

    from hz_extract.clean import clean
    from hz_extract.periods import find_periods, read_periods, reference_year
    from hz_extract.segment import split_clauses, split_sentences
    from hz_extract.subjects import find_subjects, main_place, place_in, subjects_in
    from hz_extract.tokens import Segmenter, tokenize

    text = _corpus(args.mb)
    n = len(text)
    print(f"corpus: {n:,} characters (dev docs repeated)")
    for warm in (lambda: tokenize("热身2024年增长5%"), lambda: main_place("杭州"), lambda: jieba.lcut("热身")):
        warm()
    cleaned = clean(text).text
    _time("clean", n, lambda: clean(text))
    _time("split_sentences", n, lambda: split_sentences(cleaned))
    _time("split_clauses (every sentence)", n,
          lambda: [split_clauses(cleaned, a, b) for a, b in split_sentences(cleaned)])
    from hz_extract import periods

    def fresh() -> None:  # no memoised scan of this text from an earlier line
        periods._scan.cache_clear()
        periods._cleaned.cache_clear()

    _time("reference_year + find_periods", n,
          lambda: (fresh(), find_periods(cleaned, year=reference_year(cleaned))))
    _time("read_periods (extract's one pass)", n, lambda: (fresh(), read_periods(cleaned)))
    _time("find_subjects", n, lambda: find_subjects(cleaned))
    _time("main_place (after find_subjects)", n, lambda: main_place(cleaned))
    mentions = subjects_in(cleaned)
    _time("subjects_in (extract's path)", n, lambda: subjects_in(cleaned))
    _time("place_in (mentions given)", n, lambda: place_in(cleaned, mentions))
    _time("tokenize", n, lambda: tokenize(text))
    _time("jieba.lcut", n, lambda: jieba.lcut(text))
    plain = Segmenter(backend="jieba")
    plain.cut("热身")
    _time("private jieba.Tokenizer cut", n, lambda: plain.cut(text))
    try:
        fast = Segmenter(backend="rjieba")
    except ImportError:
        print("rjieba not installed (pip install hz_extract[fast])")
        return
    _time("rjieba cut", n, lambda: fast.cut(text))


if __name__ == "__main__":
    main()

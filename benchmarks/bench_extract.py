"""Throughput of ``extract`` beside ``jieba.lcut`` (and ``rjieba.cut``) on the same corpus, in one run.

    .venv/bin/python benchmarks/bench_extract.py [--repeat N] [--scale]

The corpus is the development documents read from ``../shared/eval/dev/docs``
(never copied into the repository), repeated ``--repeat`` times. Each contender
gets a warm-up pass first (dictionaries, lexicons, compiled patterns), then the
timed pass. ``--scale`` also times extract on a growing document (1, 2, 5, 10 MB),
a growing line of digits (25,000 … 100,000) and one ever longer sentence (thousands
of clauses, figures and 分别 lists) to show time linear in length.
"""
from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = (ROOT / ".." / "shared" / "eval" / "dev" / "docs").resolve()


def _corpus(repeat: int) -> list[str]:
    docs = [p.read_text(encoding="utf-8") for p in sorted(DOCS.glob("*.txt"))]
    if not docs:
        raise SystemExit(f"no documents in {DOCS}: the shared evaluation texts are expected beside the checkout")
    return docs * repeat


def _time(fn: Callable[[str], object], docs: list[str]) -> float:
    for d in docs[:12]:
        fn(d)
    t0 = time.perf_counter()
    for d in docs:
        fn(d)
    return time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=40, help="times the dev corpus is repeated (default 40)")
    ap.add_argument("--scale", action="store_true", help="also time growing documents (linear-time check)")
    a = ap.parse_args(argv)
    docs = _corpus(a.repeat)
    chars = sum(len(d) for d in docs)

    import jieba

    jieba.setLogLevel(60)
    from hz_extract import extract

    rows: list[tuple[str, float]] = [("jieba.lcut", _time(jieba.lcut, docs))]
    try:
        import rjieba

        rows.append(("rjieba.cut", _time(rjieba.cut, docs)))
    except ImportError:  # pragma: no cover
        pass
    rows.append(("hz_extract.extract", _time(extract, docs)))
    base = rows[0][1]
    print(f"corpus: {len(docs)} articles, {chars:,} characters (dev docs x{a.repeat})")
    print(f"{'contender':<20}{'seconds':>10}{'chars/s':>14}{'articles/s':>12}{'vs jieba':>10}")
    for name, secs in rows:
        print(f"{name:<20}{secs:>10.3f}{chars / secs:>14,.0f}{len(docs) / secs:>12,.1f}{base / secs:>9.2f}x")
    _stages(docs, rows[-1][1])
    if a.scale:
        _scale(extract, docs)
    return 0


def _stages(docs: list[str], total: float) -> None:
    """Where extract's time goes: each layer as the pipeline calls it, timed alone on the same corpus.

    The text is cleaned once (``clean``); every later stage reads the cleaned text:
    quantities, the reference year and periods in one pass (``read_periods``), the
    subject mentions (``subjects_in``) and the article's place from them
    (``place_in``), sentences, and the clauses of every sentence.
    """
    from hz_extract.clean import clean
    from hz_extract.periods import read_periods
    from hz_extract.quantities import find_quantities
    from hz_extract.segment import split_clauses, split_sentences
    from hz_extract.subjects import place_in, subjects_in

    cleaned = [clean(d).text for d in docs]
    mentions = {t: subjects_in(t) for t in cleaned[:12]}
    stages = [
        ("clean", _time(clean, docs)),
        ("find_quantities", _time(find_quantities, cleaned)),
        ("read_periods (reference year + periods)", _time(read_periods, cleaned)),
        ("subjects_in", _time(subjects_in, cleaned)),
        ("place_in (mentions given)", _time(lambda t: place_in(t, mentions.get(t) or subjects_in(t)), cleaned)),
        ("split_sentences + split_clauses",
         _time(lambda t: [split_clauses(t, a, b) for a, b in split_sentences(t)], cleaned)),
    ]
    print("\nstages (each timed alone; 'rules and assembly' is the rest of extract):")
    for name, secs in stages:
        print(f"  {name:<42}{secs:>8.3f} s  {secs / total:6.1%}")
    rest = total - sum(s for _, s in stages)
    print(f"  {'rules and assembly (hz_extract.rules)':<42}{rest:>8.3f} s  {rest / total:6.1%}")


def _scale(extract: Callable[..., object], docs: list[str]) -> None:
    unit = "\n".join(docs[:12])
    print("\nlinear-time check (seconds per MB should stay flat):")
    for mb in (1, 2, 5, 10):
        text = (unit * (mb * 1_000_000 // len(unit) + 1))[: mb * 1_000_000]
        t0 = time.perf_counter()
        extract(text)
        secs = time.perf_counter() - t0
        print(f"  document {mb:>3} MB chars: {secs:8.2f} s  {secs / mb:6.2f} s/MB")
    for n in (25_000, 50_000, 100_000):
        t0 = time.perf_counter()
        extract("7" * n)
        secs = time.perf_counter() - t0
        print(f"  line of {n:>7,} digits: {secs:8.3f} s  {secs / n * 1e6:6.2f} µs/char")
    for unit in ("全年粮食产量120万吨,", "A、B和C分别增长1%、2%和3%,"):
        for n in (4_000, 16_000):
            text = unit * n
            t0 = time.perf_counter()
            extract(text)
            secs = time.perf_counter() - t0
            print(f"  one sentence of {n:>6,} clauses ({len(text):>7,} chars): {secs:7.2f} s"
                  f"  {secs / len(text) * 1e6:6.2f} µs/char")


if __name__ == "__main__":
    raise SystemExit(main())

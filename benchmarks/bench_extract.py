"""Throughput of ``extract`` beside ``jieba.lcut`` (and ``rjieba.cut``) on the same corpus, in one run.

    .venv/bin/python benchmarks/bench_extract.py [--repeat N] [--seed | --archive] [--cpu] [--cold] [--scale]

The corpus is the development documents read from ``../shared/eval/dev/docs``
(never copied into the repository), repeated ``--repeat`` times; ``--seed`` takes the
seed news article (``seeds/000_*.txt``) instead, repeated 12 times as often. Every copy
is made distinct (trailing spaces), so nothing memoised on a text's value (subjects,
periods) can serve a later copy. Each contender gets a warm-up pass first
(dictionaries, lexicons, compiled patterns), then the timed pass; ``--cpu`` times in
process CPU time, the best of 5 passes (steadier on a busy shared machine than one
wall-clock pass). ``--cold`` empties the package's caches of small pieces of text
(organisation-name candidates, number-and-unit pairs, numerals, canonical indicator
names: every ``functools`` cache of 256 entries or more, and the extractor's own) before
every document, so no piece read in an earlier copy of a document is reused: the repeated
corpus would otherwise let those caches serve far more often than a real archive of
distinct articles does. ``--archive`` takes every development and held-out document
(``fixtures/heldout``) once instead, nothing repeated, and empties those caches at the start
of every pass, not before every document: what one document leaves may serve a later,
different one, as it does over a real archive (these are short documents, dense with
figures: the hardest corpus for this comparison). ``--scale`` also times extract on a growing document (1, 2, 5, 10 MB),
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
HELDOUT = ROOT / "fixtures" / "heldout" / "docs"


def _corpus(repeat: int, seed: bool = False, archive: bool = False) -> list[str]:
    """The corpus, every copy distinct (``" " * i`` appended: same figures, another text)."""
    if archive:
        docs = [p.read_text(encoding="utf-8") for p in sorted(DOCS.glob("*.txt")) + sorted(HELDOUT.glob("*.txt"))]
        if len(docs) <= len(list(HELDOUT.glob("*.txt"))):
            raise SystemExit(f"no documents in {DOCS}: the shared evaluation texts are expected beside the checkout")
        return docs
    if seed:
        docs = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("000_*.txt"))]
        repeat *= 12
    else:
        docs = [p.read_text(encoding="utf-8") for p in sorted(DOCS.glob("*.txt"))]
    if not docs:
        raise SystemExit(f"no documents in {DOCS}: the shared evaluation texts are expected beside the checkout")
    return [d + " " * i for i in range(repeat) for d in docs]


_CPU = False
_COLD: list[Callable[[], None]] = []
_PASS_START: list[Callable[[], None]] = []
"""What empties the piece caches before every pass (``--archive``), not before every document."""


def _piece_caches() -> list[Callable[[], None]]:
    """What empties every cache of small text pieces: ``functools`` caches of the package's
    modules that keep 256 entries or more (the loaded lexicons and patterns keep one, or
    are unbounded, and stay), and the default extractor's dictionaries."""
    import sys

    from hz_extract.extractor import default_extractor

    out: list[Callable[[], None]] = []
    for name, mod in list(sys.modules.items()):
        if not name.startswith("hz_extract"):
            continue
        for obj in vars(mod).values():
            info = getattr(obj, "cache_info", None)
            if callable(info) and getattr(obj, "__module__", None) == name:
                size = info().maxsize
                if size is not None and size >= 256:
                    out.append(obj.cache_clear)
    ex = default_extractor()
    out.extend(d.clear for d in vars(ex).values() if isinstance(d, dict))
    return out


def _cold(fn: Callable[[str], object]) -> Callable[[str], object]:
    """``fn`` with every piece cache emptied first (``--cold``)."""
    def run(text: str) -> object:
        for clear in _COLD:
            clear()
        return fn(text)
    return run


def _time(fn: Callable[[str], object], docs: list[str]) -> float:
    for d in docs[:12]:
        fn(d)
    if not _CPU:
        for clear in _PASS_START:
            clear()
        t0 = time.perf_counter()
        for d in docs:
            fn(d)
        return time.perf_counter() - t0
    best = float("inf")
    for k in range(5):  # each pass on texts of its own, so no pass reads what an earlier one memoised
        texts = [d + "\u3000" * (k + 1) for d in docs]
        for clear in _PASS_START:
            clear()
        t0 = time.process_time()
        for d in texts:
            fn(d)
        best = min(best, time.process_time() - t0)
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=40, help="times the dev corpus is repeated (default 40)")
    ap.add_argument("--seed", action="store_true", help="the seed news article instead of the dev bulletins")
    ap.add_argument("--archive", action="store_true",
                    help="every dev and held-out document once, piece caches emptied before each pass")
    ap.add_argument("--cpu", action="store_true", help="process CPU time, best of 5 passes")
    ap.add_argument("--cold", action="store_true",
                    help="empty the caches of small text pieces before every document (no reuse across copies)")
    ap.add_argument("--scale", action="store_true", help="also time growing documents (linear-time check)")
    a = ap.parse_args(argv)
    global _CPU
    _CPU = a.cpu
    if a.seed and a.archive:
        ap.error("--seed and --archive choose different corpora: give one")
    docs = _corpus(a.repeat, a.seed, a.archive)
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
    if a.cold or a.archive:
        extract(docs[0])  # load what the caches belong to
        (_COLD if a.cold else _PASS_START).extend(_piece_caches())
        rows.append(("hz_extract.extract", _time(_cold(extract), docs)))
    else:
        rows.append(("hz_extract.extract", _time(extract, docs)))
    base = rows[0][1]
    what = f"seed article x{a.repeat * 12}" if a.seed else "dev and held-out docs once each" if a.archive \
        else f"dev docs x{a.repeat}"
    print(f"corpus: {len(docs)} distinct articles, {chars:,} characters ({what}; "
          f"{'CPU time, best of 5' if a.cpu else 'wall clock'}{'; piece caches emptied before each' if a.cold else '; piece caches emptied before each pass' if a.archive else ''})")
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
    mentions = {t: subjects_in(t) for t in cleaned}  # --cpu passes append \u3000, which clean never leaves
    stages = [
        ("clean", _time(clean, docs)),
        ("find_quantities", _time(find_quantities, cleaned)),
        ("read_periods (reference year + periods)", _time(read_periods, cleaned)),
        ("subjects_in", _time(subjects_in, cleaned)),
        ("place_in (mentions given)", _time(lambda t: place_in(t, mentions[t.rstrip("\u3000")]), cleaned)),
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

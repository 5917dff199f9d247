"""Benchmark: find_quantities throughput beside jieba.lcut on the same text, in the same run.

    .venv/bin/python benchmarks/bench_quantities.py [--mb 2] [--repeat 3] [--docs DIR] [--cpu] [--no-pathological]

The text is the seed article (or, with ``--docs``, every ``*.txt`` in DIR, such as
``../shared/eval/dev/docs``, whose bulletins hold about four times as many figures per
character) repeated to about ``--mb`` megabytes (characters, as Python counts them). Each timing is the best of ``--repeat`` runs. The target of
issue 2 is find_quantities at least 4x the throughput of jieba.lcut. A second table
times pathological inputs that must stay linear: a line of 100,000 digits, long
runs of numeral characters, and a 10 MB document.
"""
from __future__ import annotations

import argparse
import logging
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_3e54889b26489272.txt"


def best_of(fn, text: str, repeat: int, clock=time.perf_counter) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = clock()
        fn(text)
        best = min(best, clock() - t0)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=2.0)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--docs", type=Path, help="a directory of .txt documents to use instead of the seed article")
    ap.add_argument("--no-pathological", action="store_true", help="skip the table of pathological inputs")
    ap.add_argument("--cpu", action="store_true",
                    help="time with process CPU time instead of the wall clock (steadier on a busy shared machine)")
    a = ap.parse_args()

    import jieba

    from hz_extract import find_quantities

    jieba.setLogLevel(logging.WARNING)
    if a.docs is not None:
        seed = "\n".join(p.read_text(encoding="utf-8") for p in sorted(a.docs.glob("*.txt")))
        source = f"{a.docs} ({len(list(a.docs.glob('*.txt')))} documents)"
    else:
        seed = SEED.read_text(encoding="utf-8")
        source = "seed article"
    text = seed * max(1, int(a.mb * 1_000_000 / len(seed)))
    find_quantities(seed)  # build the pattern and load the lexicons
    jieba.lcut(seed)  # load the dictionary
    found = len(find_quantities(text))

    clock = time.process_time if a.cpu else time.perf_counter
    rows = [("find_quantities", best_of(find_quantities, text, a.repeat, clock)),
            ("jieba.lcut", best_of(jieba.lcut, text, a.repeat, clock))]
    try:
        import rjieba

        rows.append(("rjieba.cut", best_of(rjieba.cut, text, a.repeat, clock)))
    except ImportError:
        pass
    base = dict(rows)["jieba.lcut"]
    print(f"text: {source} x{len(text) // len(seed)} = {len(text):,} chars; {found:,} quantities found; "
          f"{'CPU' if a.cpu else 'wall-clock'} seconds, best of {a.repeat}\n")
    print(f"| {'function':<16} | {'seconds':>8} | {'chars/s':>12} | {'vs jieba.lcut':>13} |")
    print(f"|{'-' * 18}|{'-' * 9}:|{'-' * 13}:|{'-' * 14}:|")
    for name, sec in rows:
        print(f"| {name:<16} | {sec:>8.3f} | {len(text) / sec:>12,.0f} | {base / sec:>12.2f}x |")

    if a.no_pathological:
        return
    cases = [
        ("100,000 digits", "1" * 100_000),
        ("100,000 x 一", "一" * 100_000),
        ("100,000 x 万", "万" * 100_000),
        ("50,000 x '1-'", "1-" * 50_000),
        ("50,000 x '3万'", "3万" * 50_000),
        ("10 MB article", seed * max(1, 10_000_000 // len(seed))),
    ]
    print(f"\n| {'pathological input':<20} | {'chars':>12} | {'seconds':>8} | {'chars/s':>12} |")
    print(f"|{'-' * 22}|{'-' * 13}:|{'-' * 9}:|{'-' * 13}:|")
    for name, t in cases:
        sec = best_of(find_quantities, t, 1)
        print(f"| {name:<20} | {len(t):>12,} | {sec:>8.3f} | {len(t) / sec:>12,.0f} |")


if __name__ == "__main__":
    main()

"""Record scores on the development set and the held-out set, side by side.

    .venv/bin/python benchmarks/eval_heldout.py [--errors] [--set dev|heldout|both] [--pred-dir DIR]

Runs :func:`hz_extract.extract` in-process over every ``*.txt`` of each set
(the document id is the file name without ``.txt``; no ``published`` date is
passed, so the year comes from the text and its date line, as the CLI does),
then scores with ``score()`` from ``../shared/eval/score.py``, used as is.

* dev: ``../shared/eval/dev`` (12 real texts the rules were tuned on; read
  from beside the checkout, never copied in).
* held-out: ``fixtures/heldout`` (texts the project wrote itself in bulletin
  and news style, annotated before the extractor was run on them; see its
  README).

Printed: per-document P/R/F1 for each set, then one table with both sets'
record and value P/R/F1, secondary-field accuracy, and how many records the
negative documents (those without gold lines) produced, which should be 0.
``--errors`` lists the held-out misses and spurious records, for the rule
engineers. ``--pred-dir`` writes each set's predictions as JSON Lines.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED_EVAL = (ROOT / ".." / "shared" / "eval").resolve()
# Held-out documents by the batch they were written in. Findings from a batch are
# handed to the rule engineers when it is committed, so only the latest batch is
# unseen by the rules when first measured; the split shows how far that matters.
HELDOUT_BATCHES: dict[str, tuple[str, ...]] = {
    "heldout batch 1": tuple(f"ho-{i:02d}" for i in range(1, 16)),
    "heldout batch 2": tuple(f"ho-{i:02d}" for i in range(16, 23)),
    "heldout batch 3": tuple(f"ho-{i:02d}" for i in range(23, 28)),
    "heldout batch 4": tuple(f"ho-{i:02d}" for i in range(28, 31)),
    "heldout batch 5": tuple(f"ho-{i:02d}" for i in range(31, 34)),
    "heldout batch 6": tuple(f"ho-{i:02d}" for i in range(34, 42)),
    "heldout batch 7": tuple(f"ho-{i:02d}" for i in range(42, 50)),
    "heldout batch 8": tuple(f"ho-{i:02d}" for i in range(50, 58)),
    "heldout batch 9": tuple(f"ho-{i:02d}" for i in range(58, 64)),
    "heldout batch 10": tuple(f"ho-{i:02d}" for i in range(64, 72)),
    "heldout batch 11": tuple(f"ho-{i:02d}" for i in range(72, 80)),
    "heldout batch 12": tuple(f"ho-{i:02d}" for i in range(80, 88)),
    "heldout batch 13": tuple(f"ho-{i:02d}" for i in range(88, 96)),
    "heldout batch 14": tuple(f"ho-{i:02d}" for i in range(96, 104)),
    "heldout batch 15": tuple(f"ho-{i:02d}" for i in range(104, 112)),
    "heldout batch 16": tuple(f"ho-{i:02d}" for i in range(112, 120)),
    "heldout batch 17": tuple(f"ho-{i:02d}" for i in range(120, 128)),
}
SETS: dict[str, tuple[Path, Path]] = {
    "dev": (SHARED_EVAL / "dev" / "docs", SHARED_EVAL / "dev" / "gold.jsonl"),
    "heldout": (ROOT / "fixtures" / "heldout" / "docs", ROOT / "fixtures" / "heldout" / "gold.jsonl"),
}


def load_scorer() -> ModuleType:
    """Import ``../shared/eval/score.py`` as a module (it is not a package)."""
    path = SHARED_EVAL / "score.py"
    if not path.is_file():
        raise SystemExit(f"{path} is missing: the shared evaluation files live in ../shared beside the checkout")
    spec = importlib.util.spec_from_file_location("hz_shared_score", path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """Rows of a JSON Lines file, blank lines skipped."""
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def predict(docs_dir: Path) -> dict[str, list[dict[str, Any]]]:
    """Extractor output per document id, as RECORDS.md dicts."""
    from hz_extract import extract

    out: dict[str, list[dict[str, Any]]] = {}
    for path in sorted(docs_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        out[path.stem] = [r.to_dict() for r in extract(text, doc_id=path.stem)]
    return out


def evaluate(name: str, scorer: ModuleType) -> dict[str, Any]:
    """Score one set; returns the scorer's summary plus predictions, errors and negatives."""
    docs_dir, gold_path = SETS[name]
    if not docs_dir.is_dir() or not gold_path.is_file():
        raise SystemExit(f"set {name!r}: {docs_dir} or {gold_path} is missing")
    gold = read_jsonl(gold_path)
    preds = predict(docs_dir)
    rows = [r for recs in preds.values() for r in recs]
    summary, errors = scorer.score(gold, rows)
    gold_docs = {str(g["doc"]) for g in gold}
    negatives = {d: len(recs) for d, recs in preds.items() if d not in gold_docs}
    return {"summary": summary, "errors": errors, "preds": preds, "negatives": negatives}


def batch_scores(res: dict[str, Any], scorer: ModuleType) -> dict[str, dict[str, float]]:
    """Record P/R/F1 of each held-out batch (gold and predictions restricted to its documents)."""
    gold = read_jsonl(SETS["heldout"][1])
    out: dict[str, dict[str, float]] = {}
    for name, docs in HELDOUT_BATCHES.items():
        g = [x for x in gold if x["doc"] in docs]
        p = [r for d, recs in res["preds"].items() if d in docs for r in recs]
        if g:
            out[name] = scorer.score(g, p)[0]["records"]
    return out


def _fmt(x: float | None) -> str:
    return "  -  " if x is None else f"{x:.3f}"


def print_per_doc(name: str, res: dict[str, Any]) -> None:
    """Per-document P/R/F1 of one set; negative documents listed with their record count."""
    print(f"\n{name}: per document")
    print(f"{'doc':<12} {'P':>6} {'R':>6} {'F1':>6}")
    for doc, v in res["summary"]["per_doc"].items():
        print(f"{doc:<12} {v['precision']:>6.3f} {v['recall']:>6.3f} {v['f1']:>6.3f}")
    for doc, n in sorted(res["negatives"].items()):
        print(f"{doc:<12} negative document: {n} record(s)")


def print_table(results: dict[str, dict[str, Any]]) -> None:
    """The overall table, one column per set."""
    names = list(results)
    print("\n" + f"{'':<26}" + "".join(f"{n:>18}" for n in names))

    def row(label: str, vals: list[str]) -> None:
        print(f"{label:<26}" + "".join(f"{v:>18}" for v in vals))

    s = {n: results[n]["summary"] for n in names}
    row("documents (with gold)", [str(len(s[n]["per_doc"])) for n in names])
    row("gold records (required)", [str(s[n]["records"]["gold"]) for n in names])
    row("predicted (scored)", [str(s[n]["records"]["pred"]) for n in names])
    row("matched", [str(s[n]["records"]["tp"]) for n in names])
    for k in ("precision", "recall", "f1"):
        row(f"records {k}", [_fmt(s[n]["records"][k]) for n in names])
    for k in ("precision", "recall", "f1"):
        row(f"values {k}", [_fmt(s[n]["values"][k]) for n in names])
    for k in ("subject", "period", "qualifier", "base", "modality"):
        row(f"field {k}", [f"{_fmt(s[n]['fields'][k])} /{s[n]['field_counts'][k]}" for n in names])
    row("negative docs: records", [f"{sum(results[n]['negatives'].values())} in {len(results[n]['negatives'])}"
                                   for n in names])


def print_errors(name: str, res: dict[str, Any]) -> None:
    """Missed gold records and spurious predictions of one set, then the negatives' records."""
    print(f"\n{name}: errors")
    for kind, doc, x in res["errors"]:
        keep = {k: x.get(k) for k in ("indicator", "measure", "value", "unit", "qualifier", "base",
                                      "evidence", "text", "rule")
                if x.get(k) is not None}
        print(kind, doc, json.dumps(keep, ensure_ascii=False))
    for doc, recs in sorted(res["preds"].items()):
        if doc in res["negatives"]:
            for r in recs:
                print("negative", doc, json.dumps({k: r.get(k) for k in ("indicator", "measure", "value", "unit",
                                                                         "text", "rule")}, ensure_ascii=False))


def main(argv: list[str] | None = None) -> int:
    """Command-line entry: score the chosen sets and print the tables."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--set", choices=("dev", "heldout", "both"), default="both")
    ap.add_argument("--errors", action="store_true", help="list held-out misses and spurious records")
    ap.add_argument("--pred-dir", type=Path, help="write <set>.pred.jsonl files here")
    a = ap.parse_args(argv)
    scorer = load_scorer()
    names = ["dev", "heldout"] if a.set == "both" else [a.set]
    results = {n: evaluate(n, scorer) for n in names}
    for n in names:
        print_per_doc(n, results[n])
    print_table(results)
    if "heldout" in results:
        print()
        for name, r in batch_scores(results["heldout"], scorer).items():
            print(f"{name:<26}P {r['precision']:.3f}  R {r['recall']:.3f}  F1 {r['f1']:.3f}"
                  f"  ({r['tp']} matched, {r['pred']} predicted, {r['gold']} gold)")
    if a.errors:
        for n in names:
            if n == "heldout" or a.set == "dev":
                print_errors(n, results[n])
    if a.pred_dir:
        a.pred_dir.mkdir(parents=True, exist_ok=True)
        for n in names:
            with (a.pred_dir / f"{n}.pred.jsonl").open("w", encoding="utf-8") as f:
                for recs in results[n]["preds"].values():
                    for r in recs:
                        f.write(json.dumps(r, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

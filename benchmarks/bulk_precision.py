"""Mentions per 1,000 articles on the 2017 bulk dump, and a sample to check by hand.

Streams ``../shared/data/bulk/baomoi-2017.jsonl.gz`` (id, title, text), runs
``nlp.extract`` on "title\\ntext", prints mentions per 1,000 articles by type
and speed, and writes a random sample of mentions with their sentence (TSV,
one column left empty for the verdict) for hand checking. Nothing is asserted.

    .venv/bin/python benchmarks/bulk_precision.py --limit 3000 --sample 50 --seed 1 --out reports/bulk-sample.tsv

Hand check: fill the ``ok`` column with y/n, then
``--score reports/bulk-sample.tsv`` prints the false-positive rate per type.
"""
from __future__ import annotations

import argparse
import csv
import gzip
import json
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def bulk_path(shared: str | None) -> Path:
    base = Path(shared or os.environ.get("PARTYCORPUS_SHARED") or ROOT.parent / "shared")
    return base / "data" / "bulk" / "baomoi-2017.jsonl.gz"


def stream_articles(path: Path, limit: int | None):
    """Yield (id, text) from the JSONL dump; text = title + newline + body."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if limit is not None and n >= limit:
                return
            rec = json.loads(line)
            yield str(rec.get("id")), f"{rec.get('title') or ''}\n{rec.get('text') or ''}"


def sentence_of(text: str, start: int) -> str:
    from nlp.sentences import sentence_at

    s, e = sentence_at(text, start)
    return " ".join(text[s:e].split())


def run(args) -> int:
    from nlp import extract

    path = bulk_path(args.shared)
    if not path.is_file():
        sys.stderr.write(f"bulk_precision: {path} not found (needs ../shared)\n")
        return 2
    rng = random.Random(args.seed)
    counts = {"directives": 0, "figures": 0, "targets": 0}
    docs_with = {k: 0 for k in counts}
    reservoir: list[dict] = []
    seen = 0
    n_docs = 0
    chars = 0
    t0 = time.perf_counter()
    for doc_id, text in stream_articles(path, args.limit):
        ex = extract(text, published=args.published)
        n_docs += 1
        chars += len(text)
        for label in counts:
            items = getattr(ex, label)
            counts[label] += len(items)
            docs_with[label] += bool(items)
            for m in items:
                seen += 1  # reservoir sampling over all mentions
                row = {"id": doc_id, "type": label, "start": m.start, "end": m.end, "text": m.text,
                       "value": getattr(m, "value", None), "canonical_id": getattr(m, "canonical_id", None),
                       "kind": getattr(m, "kind", None), "indicator": getattr(m, "indicator", None),
                       "_body": ex.text}
                if len(reservoir) < args.sample:
                    reservoir.append(row)
                else:
                    j = rng.randrange(seen)
                    if j < args.sample:
                        reservoir[j] = row
    secs = time.perf_counter() - t0
    print(f"articles: {n_docs}  chars: {chars:,}  time: {secs:.1f}s  "
          f"({n_docs / secs if secs else 0:.1f} articles/s, {chars / secs / 1e6 if secs else 0:.2f} M chars/s)")
    print(f"{'type':<12}{'mentions':>10}{'per 1,000 articles':>20}{'articles with any':>19}")
    for label, c in counts.items():
        print(f"{label:<12}{c:>10}{1000 * c / max(n_docs, 1):>20.1f}{docs_with[label]:>19}")
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t")
        w.writerow(["ok", "type", "id", "start", "end", "text", "value", "canonical_id", "kind", "indicator",
                    "sentence"])
        for r in sorted(reservoir, key=lambda r: (r["type"], r["id"], r["start"])):
            w.writerow(["", r["type"], r["id"], r["start"], r["end"], r["text"], r["value"], r["canonical_id"],
                        r["kind"], r["indicator"], sentence_of(r["_body"], r["start"])])
    print(f"sample of {len(reservoir)} mentions (seed {args.seed}) written to {out}; mark the ok column y/n")
    return 0


def score(path: str) -> int:
    """False-positive rate per type from a hand-checked sample (ok column y/n)."""
    tally: dict[str, list[int]] = {}
    with open(path, encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            verdict = (row.get("ok") or "").strip().lower()
            if verdict not in ("y", "n"):
                continue
            t = tally.setdefault(row["type"], [0, 0])
            t[0] += verdict == "n"
            t[1] += 1
    for label, (fp, n) in sorted(tally.items()):
        print(f"{label:<12} checked {n:>3}  false positives {fp:>3}  rate {fp / n:.2f}")
    fp, n = sum(v[0] for v in tally.values()), sum(v[1] for v in tally.values())
    print(f"{'all':<12} checked {n:>3}  false positives {fp:>3}  rate {fp / n if n else 0:.2f}")
    return 0


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--limit", type=int, default=2000, help="articles to read (default 2000)")
    p.add_argument("--sample", type=int, default=50, help="mentions to sample (default 50)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--published", default="2017-07-01", help="date passed to the extractor (the dump is 2017)")
    p.add_argument("--out", default=str(ROOT / "reports" / "bulk-sample.tsv"))
    p.add_argument("--shared", help="shared folder (default ../shared or PARTYCORPUS_SHARED)")
    p.add_argument("--score", metavar="TSV", help="score a hand-checked sample instead of running")
    args = p.parse_args(argv)
    return score(args.score) if args.score else run(args)


if __name__ == "__main__":
    raise SystemExit(main())

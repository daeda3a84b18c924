"""Dump the extraction of a fixed set of texts, and diff two dumps: a check that a change to ``nlp/``
(a speed-up, a refactoring) leaves every output byte-identical.

Texts: every gold document of ``eval/gold`` and ``eval/heldout`` with the gold's publication date and
province (what ``partycorpus evaluate`` extracts), every ``.txt`` under ``../shared/data/dev`` and
``../shared/data/seeds`` with no date and with a fixed date, the first 2,000 articles of the bulk dump
(``corpus.commands.bench.sample_texts``) and the project's synthetic long text
(``corpus.commands.bench.long_text``). One JSON line per (text, date): its key and the full
``Extraction.to_dict()``.

    .venv/bin/python -m benchmarks.extraction_dump dump /tmp/before.jsonl
    ... change nlp/ ...
    .venv/bin/python -m benchmarks.extraction_dump dump /tmp/after.jsonl
    .venv/bin/python -m benchmarks.extraction_dump diff /tmp/before.jsonl /tmp/after.jsonl
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
FIXED_DATE = "2017-06-15"
BULK = 2000             # first articles of the bulk dump (or the synthetic mirror content when it is absent)


def _shared() -> Path:
    return Path(os.environ.get("PARTYCORPUS_SHARED", ROOT.parent / "shared"))


def inputs():
    """(key, text, published, province) of every text dumped."""
    from corpus.evaluation import load_gold

    shared = _shared()
    for gold in (ROOT / "eval" / "gold", ROOT / "eval" / "heldout"):
        for doc in load_gold(gold, shared):
            yield f"gold:{doc.key}", doc.text, doc.published, doc.province
    for sub in ("dev", "seeds"):
        for p in sorted((shared / "data" / sub).rglob("*.txt")):
            text = p.read_text(encoding="utf-8")
            rel = p.relative_to(shared / "data")
            yield f"file:{rel}", text, None, None
            yield f"file:{rel}@{FIXED_DATE}", text, FIXED_DATE, None
    from corpus.commands.bench import long_text, sample_texts

    _, records = sample_texts(BULK)
    for rec in records:
        yield f"bulk:{rec['id']}", rec["text"], FIXED_DATE, None
    yield "synthetic:long_text(400)", long_text(400), FIXED_DATE, None


def dump(out: Path) -> None:
    from nlp import extract

    t0 = time.perf_counter()
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        for key, text, published, province in inputs():
            ex = extract(text, published=published, province=province)
            fh.write(json.dumps({"key": key, "published": published, **ex.to_dict()}, ensure_ascii=False,
                                sort_keys=True) + "\n")
            n += 1
    print(f"{n} extractions -> {out} ({time.perf_counter() - t0:.0f} s)")


def diff(a: Path, b: Path) -> int:
    def load(p: Path) -> dict[str, str]:
        return {json.loads(line)["key"]: line for line in p.open(encoding="utf-8")}

    left, right = load(a), load(b)
    changed = sorted(k for k in left.keys() & right.keys() if left[k] != right[k])
    only = sorted(left.keys() ^ right.keys())
    for k in changed:
        print(f"changed: {k}")
    for k in only:
        print(f"only in {'first' if k in left else 'second'}: {k}")
    print(f"{len(left.keys() & right.keys())} compared, {len(changed)} changed, {len(only)} in one dump only")
    return 1 if changed or only else 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("dump").add_argument("out", type=Path)
    d = sub.add_parser("diff")
    d.add_argument("a", type=Path)
    d.add_argument("b", type=Path)
    args = ap.parse_args(argv)
    if args.cmd == "dump":
        dump(args.out)
        return 0
    return diff(args.a, args.b)


if __name__ == "__main__":
    sys.exit(main())

"""Draw the relevance held-out set from the hand labels (seeded, by article) and write heldout.jsonl.

    .venv/bin/python eval/relevance/make_heldout.py [--shared ../shared]

Articles of ``labels.jsonl`` are grouped by normalised title (a reprint stays with
its original), and 30% of the groups of each (label, source) stratum are held out
(seed 20261206). Each held-out article gives two items: the whole article
("full", bucketed by its number of body sentences) and its lead, the first 2, 3
or 4 body sentences (seeded), the short version of a report. Offsets only: the
texts stay in the shared folder. ``benchmarks/train_relevance.py`` leaves every
held-out article (and its title group) out of training.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from corpus.dedup import normalise  # noqa: E402
from corpus.relevance_data import HELDOUT, LABELS, bucket, load_texts, read_jsonl  # noqa: E402
from nlp.sentences import sentence_spans  # noqa: E402

SEED = 20261206
SHARE = 0.30


def held_out_groups(labels: list[dict], titles: dict[tuple[str, str], str]) -> set[str]:
    """Normalised titles of the held-out groups."""
    groups: dict[tuple[int, str], set[str]] = {}
    for r in labels:
        key = titles.get((r["source"], str(r["id"])))
        if key is not None:
            groups.setdefault((int(r["label"]), r["source"].split("/")[0]), set()).add(key)
    rng = random.Random(SEED)
    out: set[str] = set()
    for stratum in sorted(groups):
        names = sorted(groups[stratum])
        rng.shuffle(names)
        out.update(names[:round(len(names) * SHARE)])
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    args = ap.parse_args(argv)
    labels = read_jsonl(LABELS)
    texts = load_texts(labels, Path(args.shared))
    titles = {k: normalise(v[0]) for k, v in texts.items()}
    held = held_out_groups(labels, titles)
    rng = random.Random(SEED + 1)
    rows = []
    for r in labels:
        key = (r["source"], str(r["id"]))
        if titles.get(key) not in held:
            continue
        _, text, start = texts[key]
        spans = [(start + s, start + e) for s, e in sentence_spans(text[start:])]
        base = {"source": r["source"], "id": str(r["id"]), "sha1": r["sha1"], "label": int(r["label"])}
        rows.append(base | {"variant": "full", "start": start, "end": len(text), "bucket": bucket(len(spans))})
        k = rng.choice((2, 3, 4))
        if len(spans) > k:
            rows.append(base | {"variant": "lead", "start": start, "end": spans[k - 1][1], "bucket": bucket(k)})
    HELDOUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    docs = [r for r in rows if r["variant"] == "full"]
    print(f"{HELDOUT.relative_to(ROOT)}: {len(docs)} articles ({sum(r['label'] for r in docs)} party building), "
          f"{len(rows)} items; missing texts: {len(labels) - len(texts)}")


if __name__ == "__main__":
    main()

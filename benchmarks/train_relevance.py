"""Train, evaluate and save the party-building relevance classifier.

    .venv/bin/python benchmarks/train_relevance.py [--shared ../shared] [--no-save]

Reads the hand labels ``eval/relevance/labels.jsonl`` ({source, id, sha1,
label, note}; texts stay in ../shared and are checked against sha1), holds out
a stratified 25% (seed 42) for precision/recall/F1, reports 5-fold
cross-validated F1 on all labels, then fits on all labels and writes
``corpus/data/relevance-v1.joblib`` and its card ``relevance-v1.json``.
"""
from __future__ import annotations

import argparse
import datetime as dt
import gzip
import hashlib
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import joblib  # noqa: E402
import numpy as np  # noqa: E402
from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.metrics import precision_recall_fscore_support  # noqa: E402
from sklearn.model_selection import StratifiedKFold, cross_val_predict, train_test_split  # noqa: E402
from sklearn.pipeline import Pipeline  # noqa: E402

from corpus import relevance  # noqa: E402

LABELS = ROOT / "eval/relevance/labels.jsonl"
FEATURES = {"analyzer": "word", "token_pattern": r"\S+", "ngram_range": (1, 2), "min_df": 2,
            "max_df": 0.9, "max_features": 20000, "sublinear_tf": True, "dtype": np.float32}
CLASSIFIER = {"C": 4.0, "class_weight": "balanced", "max_iter": 2000}
SEED = 42


def load_labelled(shared: Path):
    labels = [json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines() if line.strip()]
    bulk_ids = {r["id"] for r in labels if r["source"].startswith("bulk/")}
    bulk = {}
    with gzip.open(shared / "data/bulk/baomoi-2017.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            o = json.loads(line)
            if str(o["id"]) in bulk_ids:
                bulk[str(o["id"])] = o
    docs, ys, bad = [], [], 0
    for r in labels:
        if r["source"].startswith("bulk/"):
            o = bulk.get(r["id"])
            raw = (o or {}).get("text", "").encode("utf-8")
            title, text = (o or {}).get("title", ""), (o or {}).get("text", "")
            first, _, rest = text.partition("\n")
            text = rest if first.strip() == title.strip() else text
        else:
            raw = (shared / "data" / r["source"]).read_bytes()
            title, _, text = raw.decode("utf-8").partition("\n")
        if hashlib.sha1(raw).hexdigest() != r["sha1"]:
            bad += 1
            continue
        docs.append(relevance.model_input(title, text))
        ys.append(int(r["label"]))
    if bad:
        print(f"warning: {bad} labelled texts missing or changed (sha1 mismatch), skipped")
    return docs, np.array(ys)


def make_pipeline():
    return Pipeline([("tfidf", TfidfVectorizer(**FEATURES)), ("clf", LogisticRegression(**CLASSIFIER))])


def prf(y, p):
    pr, rc, f1, _ = precision_recall_fscore_support(y, p, average="binary", zero_division=0)
    return {"precision": round(float(pr), 3), "recall": round(float(rc), 3), "f1": round(float(f1), 3)}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--no-save", action="store_true")
    args = ap.parse_args(argv)
    shared = Path(args.shared)
    if not (shared / "data").is_dir():
        sys.exit(f"train_relevance: {shared}/data not found")
    docs, y = load_labelled(shared)
    print(f"labelled: {len(y)} articles, {int(y.sum())} party building, {int((y == 0).sum())} other")

    d_tr, d_te, y_tr, y_te = train_test_split(docs, y, test_size=0.25, stratify=y, random_state=SEED)
    model = make_pipeline().fit(d_tr, y_tr)
    proba = model.predict_proba(d_te)[:, 1]
    held = prf(y_te, proba >= 0.5)
    print(f"held-out ({len(y_te)}, {int(y_te.sum())} positive) at 0.5: {held}")
    for t in (0.3, 0.4, 0.5, 0.6, 0.7):
        print(f"  threshold {t:.1f}: {prf(y_te, proba >= t)}")
    cv = cross_val_predict(make_pipeline(), docs, y, cv=StratifiedKFold(5, shuffle=True, random_state=SEED),
                           method="predict_proba")[:, 1]
    cvm = prf(y, cv >= 0.5)
    print(f"5-fold cross-validation on all labels at 0.5: {cvm}")
    errors = [(round(float(cv[i]), 2), int(y[i]), docs[i][:70]) for i in np.argsort(-np.abs(cv - y))[:8]]
    print("largest cross-validation errors (score, label, start of normalised text):")
    for e in errors:
        print("  ", e)

    final = make_pipeline().fit(docs, y)
    t0 = time.perf_counter()
    final.predict_proba(docs[:1000])
    per1000 = (time.perf_counter() - t0) / min(1000, len(docs)) * 1000
    print(f"scoring: {per1000:.3f} s per 1,000 articles (normalised input)")
    if args.no_save:
        return
    joblib.dump(final, relevance.MODEL_PATH, compress=3)
    size = relevance.MODEL_PATH.stat().st_size
    card = {
        "version": relevance.MODEL_VERSION,
        "date": dt.date.today().isoformat(),
        "task": "is the article about party building (xây dựng Đảng)? probability of label 1",
        "labels": "eval/relevance/labels.jsonl (hand-checked; texts in ../shared/data, referenced by sha1)",
        "data": {"total": int(len(y)), "positive": int(y.sum()), "negative": int((y == 0).sum()),
                 "train": len(y_tr), "held_out": len(y_te)},
        "metrics": {"held_out_at_0.5": held, "cv5_at_0.5": cvm},
        "final_model": "refit on all labelled articles",
        "features": {k: (list(v) if isinstance(v, tuple) else v) for k, v in FEATURES.items() if k != "dtype"}
        | {"input": "corpus.relevance.model_input: normalised title + first %d chars of body" % relevance.MAX_CHARS,
           "vocabulary": len(final.named_steps["tfidf"].vocabulary_)},
        "classifier": {"type": "LogisticRegression"} | CLASSIFIER,
        "seed": SEED,
        "sklearn": __import__("sklearn").__version__,
        "artifact_bytes": size,
    }
    relevance.CARD_PATH.write_text(json.dumps(card, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"saved {relevance.MODEL_PATH.relative_to(ROOT)} ({size / 1e6:.2f} MB) and its card")


if __name__ == "__main__":
    main()

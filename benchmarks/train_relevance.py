"""Train, validate, evaluate and save the party-building relevance classifier.

    .venv/bin/python benchmarks/train_relevance.py [--shared ../shared] [--no-save] [--search]

Reads the hand labels ``eval/relevance/labels.jsonl`` (texts stay in ../shared
and are checked against sha1) and leaves out every article of the held-out set
``eval/relevance/heldout.jsonl`` and every article sharing a title with one
(a reprint). Each training article is used whole and as two leads (its first
2-4 and 5-8 sentences, seeded), so short reports are seen in training. The
threshold is the one with the best F1 on 5-fold cross-validation grouped by
article (the validation split; ``--search`` also compares feature weights and
regularisation there). The model is then fitted on all training articles, scored
on the held-out set (overall and by length bucket) and written, with its card,
to ``corpus/data/relevance-v2.joblib``. Deterministic: fixed seeds, and the
vectoriser's fitting leftovers that change from run to run (the unordered set of
dropped terms, a memory address) are removed before saving, so the same data
gives the same file, byte for byte.
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import io
import json
import random
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
from sklearn.model_selection import StratifiedGroupKFold  # noqa: E402
from sklearn.pipeline import FeatureUnion, Pipeline  # noqa: E402

from corpus import relevance  # noqa: E402
from corpus.dedup import normalise  # noqa: E402
from corpus.relevance_data import (HELDOUT, LABELS, bucket, format_scores, heldout_items,  # noqa: E402
                                   load_texts, read_jsonl, scores_by_bucket)
from nlp.sentences import sentence_spans  # noqa: E402

FEATURES = {"analyzer": "word", "token_pattern": r"\S+", "ngram_range": (1, 2), "min_df": 2,
            "max_df": 0.9, "max_features": 20000, "sublinear_tf": True, "dtype": np.float32}
PARTY_WEIGHT = 1.0          # weight of the party-term density columns against the TF-IDF block
CLASSIFIER = {"C": 4.0, "class_weight": "balanced", "max_iter": 5000}
SEED = 42
LEADS = ((2, 4), (5, 8))    # sentence counts of the leads added per training article (one of each range)


def make_pipeline(party_weight: float = PARTY_WEIGHT, C: float = CLASSIFIER["C"]):
    union = FeatureUnion([("tfidf", TfidfVectorizer(**FEATURES)), ("party", relevance.PartyTerms())],
                         transformer_weights={"tfidf": 1.0, "party": party_weight})
    return Pipeline([("features", union), ("clf", LogisticRegression(**(CLASSIFIER | {"C": C})))])


def training_items(shared: Path):
    """``(inputs, labels, groups, buckets)`` of the training articles and their leads; and counts."""
    labels = read_jsonl(LABELS)
    held = read_jsonl(HELDOUT)
    texts = load_texts(labels, shared)
    held_titles = {normalise(texts[(r["source"], str(r["id"]))][0]) for r in held
                   if (r["source"], str(r["id"])) in texts}
    rng = random.Random(SEED)
    X, y, groups, buckets = [], [], [], []
    articles = positives = 0
    for r in labels:
        got = texts.get((r["source"], str(r["id"])))
        if got is None or normalise(got[0]) in held_titles:
            continue
        title, text, start = got
        body = text[start:]
        spans = sentence_spans(body)
        cuts = [(len(body), len(spans))] + [(spans[k - 1][1], k) for k in (rng.randint(lo, hi) for lo, hi in LEADS)
                                            if len(spans) > k]
        for end, n in cuts:
            X.append(relevance.model_input(title, body[:end]))
            y.append(int(r["label"]))
            groups.append(normalise(title))
            buckets.append(bucket(n))
        articles += 1
        positives += int(r["label"])
    return X, np.array(y), groups, buckets, {"articles": articles, "positive": positives,
                                             "missing": len(labels) - len(texts)}


def prf(y, p):
    pr, rc, f1, _ = precision_recall_fscore_support(y, p, average="binary", zero_division=0)
    return {"precision": round(float(pr), 3), "recall": round(float(rc), 3), "f1": round(float(f1), 3)}


def out_of_fold(X, y, groups, **params):
    folds = StratifiedGroupKFold(5, shuffle=True, random_state=SEED)
    proba = np.zeros(len(y))
    for tr, te in folds.split(X, y, groups):
        model = make_pipeline(**params).fit([X[i] for i in tr], y[tr])
        proba[te] = model.predict_proba([X[i] for i in te])[:, 1]
    return proba


def best_threshold(y, proba) -> float:
    """The threshold (0.05 steps) with the best F1; the higher one on ties."""
    grid = [round(t, 2) for t in np.arange(0.1, 0.91, 0.05)]
    return max(grid, key=lambda t: (prf(y, proba >= t)["f1"], t))


def model_bytes(model) -> bytes:
    """The saved form: joblib, compressed, without what the vectoriser keeps only for fitting and that
    differs from run to run (``stop_words_``, an unordered set; ``_stop_words_id``, a memory address)."""
    tfidf = model.named_steps["features"].transformer_list[0][1]
    for name in ("stop_words_", "_stop_words_id"):
        if hasattr(tfidf, name):
            delattr(tfidf, name)
    buf = io.BytesIO()
    joblib.dump(model, buf, compress=3)
    return buf.getvalue()


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--no-save", action="store_true")
    ap.add_argument("--search", action="store_true", help="compare feature weights and C on the validation folds")
    args = ap.parse_args(argv)
    shared = Path(args.shared)
    if not (shared / "data").is_dir():
        sys.exit(f"train_relevance: {shared}/data not found")
    X, y, groups, buckets, counts = training_items(shared)
    print(f"training: {counts['articles']} articles ({counts['positive']} party building), "
          f"{len(y)} items with leads; held-out articles left out; missing texts: {counts['missing']}")
    if args.search:
        for w in (0.0, 1.0, 4.0):
            for C in (1.0, 4.0):
                proba = out_of_fold(X, y, groups, party_weight=w, C=C)
                t = best_threshold(y, proba)
                by = scores_by_bucket([{"label": a, "bucket": b} for a, b in zip(y, buckets)], proba, t)
                print(f"  party weight {w:>4} C {C:>4}: threshold {t:.2f} all {by['all']['f1']:.3f} "
                      + " ".join(f"{b} {by[b]['f1']:.3f}" for b in ("short", "medium", "long")))
    proba = out_of_fold(X, y, groups)
    cut = best_threshold(y, proba)
    valid = scores_by_bucket([{"label": a, "bucket": b} for a, b in zip(y, buckets)], proba, cut)
    print(f"validation (5-fold, grouped by article) at the chosen threshold {cut:.2f}:")
    sys.stdout.write(format_scores(valid))

    final = make_pipeline().fit(X, y)
    items, missing = heldout_items(shared)
    t0 = time.perf_counter()
    held_proba = final.predict_proba([relevance.model_input(it["title"], it["body"]) for it in items])[:, 1]
    per1000 = (time.perf_counter() - t0) / max(1, len(items)) * 1000
    held = scores_by_bucket(items, held_proba, cut)
    print(f"held-out ({len(items)} items, {missing} missing) at {cut:.2f}:")
    sys.stdout.write(format_scores(held))
    print(f"scoring: {per1000:.3f} s per 1,000 items (normalised input)")
    blob = model_bytes(final)
    print(f"model: {len(blob) / 1e6:.2f} MB, sha1 {hashlib.sha1(blob).hexdigest()}")
    if args.no_save:
        return
    relevance.MODEL_PATH.write_bytes(blob)
    card = {
        "version": relevance.MODEL_VERSION,
        "date": dt.date.today().isoformat(),
        "task": "is the article about party building (xây dựng Đảng)? probability of label 1",
        "labels": "eval/relevance/labels.jsonl minus the articles of eval/relevance/heldout.jsonl "
                  "(hand-checked; texts in ../shared/data, referenced by sha1)",
        "data": {"articles": counts["articles"], "positive": counts["positive"],
                 "negative": counts["articles"] - counts["positive"], "items_with_leads": len(y),
                 "held_out_items": len(items)},
        "threshold": cut,
        "threshold_choice": "best F1 on 5-fold cross-validation grouped by article (training articles and leads)",
        "metrics": {"validation": valid, "held_out": held},
        "final_model": "fitted on all training articles and their leads (never on the held-out set)",
        "features": {k: (list(v) if isinstance(v, tuple) else v) for k, v in FEATURES.items() if k != "dtype"}
        | {"input": "corpus.relevance.model_input: party abbreviations written out, normalised title + first "
                    "%d chars of body, one sentence a line" % relevance.MAX_CHARS,
           "vocabulary": len(final.named_steps["features"].transformer_list[0][1].vocabulary_),
           "party_terms": list(relevance.PartyTerms.names), "party_weight": PARTY_WEIGHT,
           "leads": [list(r) for r in LEADS]},
        "classifier": {"type": "LogisticRegression"} | CLASSIFIER,
        "seed": SEED,
        "sklearn": __import__("sklearn").__version__,
        "artifact_bytes": len(blob),
        "artifact_sha1": hashlib.sha1(blob).hexdigest(),
    }
    relevance.CARD_PATH.write_text(json.dumps(card, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"saved {relevance.MODEL_PATH.relative_to(ROOT)} and its card")


if __name__ == "__main__":
    main()

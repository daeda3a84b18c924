"""Labelled texts for the relevance classifier, read from the shared folder (never copied here).

Two label files in ``eval/relevance/`` (see its README):

- ``labels.jsonl``: whole articles ``{source, id, sha1, label, note}``, the training data;
- ``heldout.jsonl``: the held-out set, ``{source, id, sha1, label, variant, start, end, bucket}``:
  an article (``variant`` "full") or its lead (``variant`` "lead": the first 2-4 sentences),
  as the character range ``start:end`` of the NFC text, always with the article's title.
  Its articles are drawn by ``eval/relevance/make_heldout.py`` and never trained on.

A text is a file under ``data/`` (line 1 is the title) or a record of the bulk file
(``data/bulk/...jsonl.gz``, ``sha1`` of the record's ``text``; a first line repeating the
title is not body). ``sha1`` is of the UTF-8 bytes, checked on every read.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import unicodedata
from pathlib import Path

from .errors import UserError

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "eval" / "relevance" / "labels.jsonl"
HELDOUT = ROOT / "eval" / "relevance" / "heldout.jsonl"
SYNTHETIC = ROOT / "eval" / "relevance" / "synthetic.jsonl"
BULK = "bulk/baomoi-2017.jsonl.gz"
# Length buckets by the number of body sentences the model sees.
BUCKETS = (("short", 1, 4), ("medium", 5, 15), ("long", 16, 10**9))


def read_jsonl(path: Path) -> list[dict]:
    """The objects of a JSON-lines file (blank lines skipped)."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
        return [json.loads(line) for line in lines if line.strip()]
    except (OSError, ValueError) as exc:
        raise UserError(f"{path}: unreadable labels ({exc})") from exc


def bucket(n_sentences: int) -> str:
    """Length bucket of a body of ``n_sentences`` sentences.

    >>> bucket(3), bucket(9), bucket(40)
    ('short', 'medium', 'long')
    """
    return next(name for name, low, high in BUCKETS if low <= max(n_sentences, 1) <= high)


def body_start(title: str, text: str) -> int:
    """Offset where the body starts: after line 1 when it is the title (or the title is unknown).

    >>> body_start("", "Tiêu đề\\nThân bài"), body_start("Khác", "Tiêu đề\\nThân bài")
    (8, 0)
    """
    first, nl, _ = text.partition("\n")
    return len(first) + len(nl) if nl and (not title or first.strip() == title.strip()) else 0


def load_texts(rows: list[dict], shared: Path) -> dict[tuple[str, str], tuple[str, str, int]]:
    """``(source, id) -> (title, text, body_start)`` for each row whose text has the pinned sha1.

    Rows whose text is missing or changed are left out (the caller counts them).
    """
    shared = Path(shared)
    out: dict[tuple[str, str], tuple[str, str, int]] = {}
    wanted = {str(r["id"]): r for r in rows if r["source"].startswith("bulk/")}
    if wanted:
        path = shared / "data" / BULK
        try:
            with gzip.open(path, "rt", encoding="utf-8") as fh:
                for line in fh:
                    rec = json.loads(line)
                    r = wanted.get(str(rec.get("id"))) if isinstance(rec, dict) else None
                    raw = r and rec.get("text")
                    if isinstance(raw, str) and hashlib.sha1(raw.encode("utf-8")).hexdigest() == r["sha1"]:
                        text = unicodedata.normalize("NFC", raw)
                        title = unicodedata.normalize("NFC", rec.get("title") or "")
                        out[(r["source"], str(r["id"]))] = (title, text, body_start(title, text))
        except (OSError, EOFError, ValueError) as exc:
            raise UserError(f"cannot read {path}: {exc}") from exc
    for r in rows:
        if r["source"].startswith("bulk/"):
            continue
        try:
            raw = (shared / "data" / r["source"]).read_bytes()
        except OSError:
            continue
        if hashlib.sha1(raw).hexdigest() == r["sha1"]:
            text = unicodedata.normalize("NFC", raw.decode("utf-8"))
            start = body_start("", text)
            out[(r["source"], str(r["id"]))] = (text[:start].strip(), text, start)
    return out


def heldout_items(shared: Path, rows: list[dict] | None = None) -> tuple[list[dict], int]:
    """The held-out items as ``{title, body, label, bucket, variant, source, id}``, and how many were missing."""
    rows = read_jsonl(HELDOUT) if rows is None else rows
    texts = load_texts(rows, shared)
    items = []
    for r in rows:
        got = texts.get((r["source"], str(r["id"])))
        if got is None:
            continue
        title, text, _ = got
        items.append({"title": title, "body": text[r["start"]:r["end"]], "label": int(r["label"]),
                      "bucket": r["bucket"], "variant": r["variant"], "source": r["source"], "id": str(r["id"])})
    return items, len(rows) - len(items)


def scores_by_bucket(items: list[dict], scores, threshold: float) -> dict[str, dict]:
    """Precision, recall, F1 and counts overall and per length bucket.

    >>> items = [{"label": 1, "bucket": "short"}, {"label": 0, "bucket": "short"}, {"label": 1, "bucket": "long"}]
    >>> scores_by_bucket(items, [0.9, 0.2, 0.1], 0.5)["short"]["f1"], scores_by_bucket(items, [0.9, 0.2, 0.1], 0.5)["all"]["recall"]
    (1.0, 0.5)
    """
    out = {}
    for name in ("all",) + tuple(b[0] for b in BUCKETS):
        sel = [(it["label"], s >= threshold) for it, s in zip(items, scores) if name in ("all", it["bucket"])]
        tp = sum(1 for y, p in sel if y and p)
        fp = sum(1 for y, p in sel if not y and p)
        fn = sum(1 for y, p in sel if y and not p)
        pr = tp / (tp + fp) if tp + fp else 0.0
        rc = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
        out[name] = {"positive": tp + fn, "negative": len(sel) - tp - fn, "tp": tp, "fp": fp, "fn": fn,
                     "precision": round(pr, 3), "recall": round(rc, 3), "f1": round(f1, 3)}
    return out


def format_scores(table: dict[str, dict]) -> str:
    """One line per bucket: counts, P, R, F1."""
    lines = [f"  {'bucket':<7} {'pos':>4} {'neg':>5} {'tp':>4} {'fp':>3} {'fn':>3}  precision recall   F1"]
    for name, m in table.items():
        lines.append(f"  {name:<7} {m['positive']:>4} {m['negative']:>5} {m['tp']:>4} {m['fp']:>3} {m['fn']:>3}"
                     f"  {m['precision']:>9.3f} {m['recall']:>6.3f} {m['f1']:>6.3f}")
    return "\n".join(lines) + "\n"


def synthetic_items() -> list[dict]:
    """The project's own short synthetic reports and news items (``eval/relevance/synthetic.jsonl``)."""
    return [{"title": r["title"], "body": r["text"], "label": int(r["label"]), "bucket": "short",
             "variant": "synthetic", "id": r["id"]} for r in read_jsonl(SYNTHETIC)]


def evaluate_relevance(shared: Path) -> dict:
    """The packaged model on the held-out set (overall and by length bucket) and on the synthetic items."""
    from . import relevance

    cut = relevance.decision_threshold()
    items, missing = heldout_items(shared)
    held = scores_by_bucket(items, relevance.relevances((it["title"], it["body"]) for it in items), cut)
    syn = synthetic_items()
    syn_scores = relevance.relevances((it["title"], it["body"]) for it in syn)
    return {"model": relevance.MODEL_VERSION, "threshold": cut, "missing": missing, "held_out": held,
            "synthetic": scores_by_bucket(syn, syn_scores, cut)["all"],
            "synthetic_errors": [f"{it['id']} {s:.2f}" for it, s in zip(syn, syn_scores)
                                 if (s >= cut) != bool(it["label"])]}


def relevance_metrics(result: dict) -> dict[str, float]:
    """Flat metric names for floors: ``relevance.<bucket>.<precision|recall|f1>``, ``relevance.synthetic.*``."""
    out = {f"relevance.{b}.{m}": v[m] for b, v in result["held_out"].items() for m in ("precision", "recall", "f1")}
    out.update({f"relevance.synthetic.{m}": result["synthetic"][m] for m in ("precision", "recall", "f1")})
    return out


def format_relevance(result: dict) -> str:
    """The held-out table and the synthetic check, as text."""
    syn = result["synthetic"]
    return (f"relevance ({result['model']}, threshold {result['threshold']:.2f}) on the held-out set"
            f" (party-building and other articles, whole and as 2-4 sentence leads"
            f"{'; %d missing' % result['missing'] if result['missing'] else ''}):\n"
            + format_scores(result["held_out"])
            + f"  synthetic short items: {syn['positive']} reports, {syn['negative']} other news; precision "
              f"{syn['precision']:.3f} recall {syn['recall']:.3f}"
            + (f"; wrong: {', '.join(result['synthetic_errors'])}" if result["synthetic_errors"] else "") + "\n")

"""Measure reprint detection (corpus/dedup.py) on real texts with synthetic edits.

    .venv/bin/python benchmarks/reprints_eval.py [--shared ../shared] [--threshold T] [--bulk-n 5000]

Positives: each dev article (``../shared/data/dev/baomoi-2017-party/*.txt``,
body = lines 2..) paired with an edited copy, one edit kind at a time plus a
combined edit. Negatives: random dev pairs; same-topic dev pairs (TF-IDF cosine
> 0.3 that do not share most of their text: shingle containment < 0.4); and
template reports from the bulk file (same title up to its numbers, e.g. daily
football results, horoscopes, power-cut schedules, communiqués of the National
Assembly). Prints P/R/F1 at the threshold, a sweep, recall per edit kind,
the time per 1,000 articles, and the near-duplicate clusters in the first
``--bulk-n`` bulk articles with examples. Texts are read from ../shared and
never written anywhere.
"""
from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sys
import time
import unicodedata
from collections import defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corpus import dedup  # noqa: E402

# Pairs of dev articles read by hand (ids only): real syndicated copies of one
# report with edits (found by the same-topic search below).
REAL_REPRINTS = [
    ("22224074", "22227334", "same report on a forest ranger's fake diploma, lead and wording edited"),
    ("22286570", "22289003", "same government note on inspections of firms, new lead, paragraph added"),
    ("22372206", "22372340", "short report contained in a longer one (Bình Định secretary warned)"),
]

FURNITURE = ["Tin liên quan", "Các tin khác", "Ý kiến của bạn", "Họ tên:", "Email:", "TAG: xây dựng Đảng, chính trị"]
PREFIXES = ["(LSO) – ", "(QNO) - ", "(Baoquangninh.com.vn) – ", "(ĐCSVN) - ", "TTXVN - "]
BYLINES = ["THANH MAI", "NGỌC NGÀ", "Theo TTXVN", "Nguyễn Trọng", "HOÀNG ANH (tổng hợp)"]
_MARKS = re.compile(r"[\u0300-\u036f]")


def load_dev(shared: Path) -> list[tuple[str, str, str]]:
    out = []
    for f in sorted((shared / "data/dev/baomoi-2017-party").glob("*.txt")):
        title, _, body = f.read_text(encoding="utf-8").partition("\n")
        out.append((f.stem, title.strip(), body.strip()))
    return out


def load_bulk(shared: Path, n: int):
    with gzip.open(shared / "data/bulk/baomoi-2017.jsonl.gz", "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i >= n:
                break
            o = json.loads(line)
            title, text = o.get("title") or "", o.get("text") or ""
            first, _, rest = text.partition("\n")
            body = rest if first.strip() == title.strip() else text
            yield str(o["id"]), title, body.strip()


# ---- edits --------------------------------------------------------------------

def _paras(body):
    return [p for p in body.split("\n") if p.strip()]


def edit_lead(body, rng, other):
    paras = _paras(body)
    first = paras[0]
    cut = first.find(". ")
    sent, rest = (first[:cut + 1], first[cut + 2:]) if 0 < cut < 400 else (first, "")
    words = sent.split()
    keep = [w for w in words if rng.random() < 0.6]
    k = len(keep) // 2
    new = "Ngày 12/5, theo thông tin từ cơ quan chức năng, " + " ".join(keep[k:] + ["và"] + keep[:k]) + "."
    paras[0] = (new + " " + rest).strip()
    return "\n".join(paras)


def edit_drop(body, rng, other):
    paras = _paras(body)
    if len(paras) >= 3:
        del paras[rng.randrange(1, len(paras))]
        return "\n".join(paras)
    words = body.split()      # few paragraphs: drop the last fifth
    return " ".join(words[: max(1, int(len(words) * 0.8))])


def edit_add(body, rng, other):
    paras = _paras(body)
    extra = " ".join(other.split()[:60])
    paras.insert(rng.randrange(1, len(paras) + 1), extra)
    return "\n".join(paras)


def edit_agency(body, rng, other):
    paras = _paras(body)
    paras[0] = rng.choice(PREFIXES) + paras[0]
    return "\n".join(paras + [rng.choice(BYLINES)])


def edit_furniture(body, rng, other):
    lines = list(FURNITURE)
    lines.insert(1, " ".join(other.split()[:12]))
    return body + "\n" + "\n".join(lines)


def edit_typos(body, rng, other, rate=0.02):
    words = body.split(" ")
    for i, w in enumerate(words):
        if rng.random() < rate:
            r = rng.random()
            if r < 0.4:     # diacritics dropped
                words[i] = unicodedata.normalize("NFC", _MARKS.sub("", unicodedata.normalize("NFD", w)))
            elif r < 0.7 and len(w) > 2:   # a letter dropped
                j = rng.randrange(len(w))
                words[i] = w[:j] + w[j + 1:]
            else:           # old tone placement / doubled letter
                words[i] = (w.replace("òa", "oà").replace("óa", "oá").replace("ủy", "uỷ")
                            if rng.random() < 0.5 else w + w[-1:])
    return " ".join(words)


def edit_nfd(body, rng, other):
    return unicodedata.normalize("NFD", body)


def edit_combined(body, rng, other):
    for f in (edit_lead, edit_drop, edit_agency, edit_furniture):
        body = f(body, rng, other)
    return edit_nfd(edit_typos(body, rng, other, rate=0.01), rng, other)


EDITS = {
    "new_title": lambda b, r, o: b,      # only the title changes; bodies are compared
    "lead_rewritten": edit_lead,
    "paragraph_dropped": edit_drop,
    "paragraph_added": edit_add,
    "agency_byline": edit_agency,
    "furniture": edit_furniture,
    "typos_diacritics": edit_typos,
    "nfd": edit_nfd,
    "combined": edit_combined,
}


# ---- pairs ----------------------------------------------------------------------

def make_pairs(dev, bulk_head):
    """(kind, text_a, text_b, label) tuples."""
    pairs = []
    for i, (aid, _, body) in enumerate(dev):
        other = dev[(i * 7 + 3) % len(dev)][2]
        for kind, f in EDITS.items():
            rng = random.Random(f"{aid}:{kind}")
            pairs.append((kind, body, f(body, rng, other), 1))
    rng = random.Random(7)
    for _ in range(500):
        a, b = rng.sample(range(len(dev)), 2)
        pairs.append(("neg_random", dev[a][2], dev[b][2], 0))
    pairs += same_topic_pairs(dev)
    pairs += template_pairs(bulk_head)
    return pairs


def _containment(a, b):
    A = set(dedup._shingles(dedup._tokens(a)))
    B = set(dedup._shingles(dedup._tokens(b)))
    return len(A & B) / max(1, min(len(A), len(B)))


def same_topic_pairs(dev):
    from sklearn.feature_extraction.text import TfidfVectorizer
    x = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True).fit_transform([d[2] for d in dev])
    s = (x @ x.T).toarray()
    out = []
    for i in range(len(dev)):
        for j in range(i + 1, len(dev)):
            if s[i, j] > 0.3 and _containment(dev[i][2], dev[j][2]) < 0.4:
                out.append(("neg_same_topic", dev[i][2], dev[j][2], 0))
    return out


def template_pairs(bulk_head):
    groups = defaultdict(list)
    for aid, title, body in bulk_head:
        if re.search(r"\d", title) and len(body) > 300:
            groups[re.sub(r"\d+", "#", title.lower()).strip()].append((title, body))
    out = []
    for items in groups.values():
        for a in range(len(items)):
            for b in range(a + 1, len(items)):
                if re.findall(r"\d+", items[a][0]) != re.findall(r"\d+", items[b][0]):
                    out.append(("neg_template", items[a][1], items[b][1], 0))
    return out


# ---- scoring ----------------------------------------------------------------

def score(pairs):
    sims = []
    for kind, a, b, label in pairs:
        if dedup.content_key(a) == dedup.content_key(b):
            sims.append(1.0)
        else:
            sims.append(dedup.similarity(dedup.signature(a), dedup.signature(b)))
    return np.array(sims)


def prf(sims, labels, t):
    pred = sims >= t
    tp = int(np.sum(pred & (labels == 1)))
    fp = int(np.sum(pred & (labels == 0)))
    fn = int(np.sum(~pred & (labels == 1)))
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f, tp, fp, fn


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--threshold", type=float, default=dedup.DEFAULT_THRESHOLD)
    ap.add_argument("--bulk-n", type=int, default=5000)
    ap.add_argument("--examples", type=int, default=8)
    args = ap.parse_args(argv)
    shared = Path(args.shared)
    if not (shared / "data").is_dir():
        sys.exit(f"reprints_eval: {shared}/data not found")

    dev = load_dev(shared)
    bulk_head = list(load_bulk(shared, 20000))
    pairs = make_pairs(dev, bulk_head)
    labels = np.array([p[3] for p in pairs])
    sims = score(pairs)
    kinds = np.array([p[0] for p in pairs])
    print(f"dev articles {len(dev)}; pairs {len(pairs)}: positives {int(labels.sum())}, "
          f"negatives {int((labels == 0).sum())} "
          f"(random {int((kinds == 'neg_random').sum())}, same-topic {int((kinds == 'neg_same_topic').sum())}, "
          f"template {int((kinds == 'neg_template').sum())})")
    t = args.threshold
    p, r, f, tp, fp, fn = prf(sims, labels, t)
    print(f"\nthreshold {t:.2f}: precision {p:.3f} recall {r:.3f} F1 {f:.3f} (tp {tp}, fp {fp}, fn {fn})")
    print("\nrecall / false-positive rate by kind at the threshold:")
    for kind in list(EDITS) + ["neg_random", "neg_same_topic", "neg_template"]:
        m = kinds == kind
        s = sims[m]
        rate = float(np.mean(s >= t)) if len(s) else float("nan")
        print(f"  {kind:18s} n={int(m.sum()):4d}  {'recall' if kind in EDITS else 'linked'} {rate:.3f}  "
              f"similarity median {np.median(s):.3f} min {np.min(s):.3f} max {np.max(s):.3f}")
    print("\nthreshold sweep:")
    print("  t     precision recall  F1")
    for tt in [0.2, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7, 0.8, 0.9]:
        p, r, f, *_ = prf(sims, labels, tt)
        print(f"  {tt:.2f}  {p:.3f}     {r:.3f}   {f:.3f}")

    ids = {d[0]: d for d in dev}
    print("\nreal reprint pairs in dev (read by hand):")
    for a, b, note in REAL_REPRINTS:
        s = dedup.similarity(dedup.signature(ids[a][2]), dedup.signature(ids[b][2]))
        print(f"  {a} ~ {b}: similarity {s:.3f} {'linked' if s >= t else 'NOT linked'} ({note})")

    # End to end: link_reprints over originals + edited copies (+ same-topic dev pairs as they are).
    items = [(d[0], d[2], "2017-01-02", "dev") for d in dev]
    truth = {}
    for i, (aid, _, body) in enumerate(dev):
        other = dev[(i * 7 + 3) % len(dev)][2]
        kind = list(EDITS)[i % len(EDITS)]
        cid = f"{aid}-copy"
        items.append((cid, EDITS[kind](body, random.Random(cid), other), "2017-01-03", "copy"))
        truth[cid] = aid
    links = dedup.link_reprints(items, threshold=t)
    got = {(l.article_id, l.original_id) for l in links}
    want = set(truth.items())
    real = {(b, a) for a, b, _ in REAL_REPRINTS} | {(a, b) for a, b, _ in REAL_REPRINTS}
    extra = got - want
    extra_real = {e for e in extra if (e[0].removesuffix("-copy"), e[1]) in real or e in real}
    print(f"\nlink_reprints end to end ({len(items)} articles, one edited copy per dev article, edit kinds in turn): "
          f"copies linked to their original {len(got & want)}/{len(want)}, "
          f"other links {len(extra)} (of which {len(extra_real)} between hand-checked real reprints)")

    # Timing and clusters on the bulk head.
    head = list(load_bulk(shared, args.bulk_n))
    t0 = time.perf_counter()
    for _, _, body in head[:1000]:
        dedup.signature(body)
    t_sig = time.perf_counter() - t0
    items = [(aid, body, None, "baomoi") for aid, _, body in head]
    t0 = time.perf_counter()
    links = dedup.link_reprints(items, threshold=t)
    t_link = time.perf_counter() - t0
    print(f"\ntiming: signature {t_sig:.2f} s per 1,000 bulk articles; link_reprints on {len(head)} articles "
          f"{t_link:.2f} s = {t_link / len(head) * 1000:.2f} s per 1,000 (normalise + key + signature + LSH)")
    clusters = defaultdict(list)
    for l in links:
        clusters[l.original_id].append(l)
    sizes = sorted((len(v) + 1 for v in clusters.values()), reverse=True)
    exact = sum(1 for l in links if l.method == "exact")
    print(f"bulk first {len(head)}: {len(clusters)} clusters of near duplicates covering {sum(sizes)} articles "
          f"({len(links)} copies linked, {exact} exact); largest sizes {sizes[:10]}")
    titles = {aid: title for aid, title, _ in head}
    rng = random.Random(3)
    for orig in rng.sample(sorted(clusters), min(args.examples, len(clusters))):
        print(f"  [{orig}] {titles[orig][:80]}")
        for l in clusters[orig][:3]:
            print(f"      {l.method} {l.similarity:.2f} [{l.article_id}] {titles[l.article_id][:80]}")


if __name__ == "__main__":
    main()

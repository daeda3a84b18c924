"""Integrity check of the new held-out gold (run from the repository root with .venv/bin/python).

Keys are files under the shared folder or records of a jsonl(.gz) file ("data/bulk/x.jsonl.gz#id",
read with the evaluator's own reader, each such file streamed once). For each document: sha1 of the
file bytes (of a record: its text's UTF-8 bytes); every directive surface occurs (whole word) in the
NFC text; every figure/target surface has the occurrence it needs (listing order, or
"occurrence"); no two figures (or two targets) of a document share characters. Prints counts.
"""
import collections, glob, hashlib, json, sys
from pathlib import Path

SHARED = Path("../shared")
sys.path.insert(0, ".")
from corpus.errors import UserError  # noqa: E402
from corpus.evaluation import document_bytes, nfc_text  # noqa: E402  (the evaluator's own reader)
from corpus.evaluation import find_occurrences as whole_word  # noqa: E402  (the evaluator's own rule)


errors, c = [], collections.Counter()
files = sorted(glob.glob(sys.argv[1] if len(sys.argv) > 1 else "eval/heldout/batch-h*.json"))
if not files:
    sys.exit(f"check.py: no gold file matches {sys.argv[1] if len(sys.argv) > 1 else 'eval/heldout/batch-h*.json'}")
gold = {gf: json.load(open(gf, encoding="utf-8"))["docs"] for gf in files}
try:
    raws = document_bytes({key: gf for gf, docs in gold.items() for key in docs}, SHARED)
except UserError as e:
    sys.exit(f"check.py: {e}")
for gf, docs in gold.items():
    for key, ann in docs.items():
        raw = raws[key]
        if hashlib.sha1(raw).hexdigest() != ann["sha1"]:
            errors.append(f"{key}: sha1 differs")
        text = nfc_text(raw)
        c["docs"] += 1
        for e in ann["directives"]:
            for s in e["surfaces"]:
                if not whole_word(text, s):
                    errors.append(f"{key}: directive surface missing {s!r}")
            c["directives " + ("required" if e["required"] else "optional")] += 1
        for label in ("figures", "targets"):
            seen, spans = collections.Counter(), []
            for it in ann[label]:
                s = it["surface"]
                occ = whole_word(text, s)
                n = it.get("occurrence", seen[s])
                seen[s] = n + 1
                if n >= len(occ):
                    errors.append(f"{key}: {label} {s!r} needs occurrence {n}, text has {len(occ)}")
                    continue
                spans.append((occ[n], s))
                req = "required" if it["required"] else "optional"
                c[f"{label} {req}"] += 1
                if label == "figures" and it["required"]:
                    c["figure kind " + it["kind"]] += 1
                if label == "targets" and it["required"]:
                    c["targets required with value"] += it["value"] is not None
                    c["targets required with deadline"] += it["deadline_year"] is not None
            spans.sort()
            for (a, sa), (b, sb) in zip(spans, spans[1:]):
                if b[0] < a[1]:
                    errors.append(f"{key}: {label} {sa!r} and {sb!r} overlap at {a[0]}")
        if not any(f["required"] for f in ann["figures"]):
            c["docs without a required figure"] += 1
for k in sorted(c):
    print(f"{k:40} {c[k]}")
print("\n".join(errors) or "OK: sha1, surfaces and occurrences all resolve; no overlapping mentions")
sys.exit(1 if errors else 0)

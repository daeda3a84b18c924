"""Integrity check of the new held-out gold (run from the repository root with .venv/bin/python).

Keys are files under the shared folder or records of a jsonl(.gz) file ("data/bulk/x.jsonl.gz#id",
read with the evaluator's own reader, each such file streamed once); a synthetic document
("synthetic:<name>") carries its text inline ("text"). For each document: sha1 of the file bytes (of a
record: its text's UTF-8 bytes; of a synthetic document: its text's); every directive surface occurs
(whole word) in the NFC text; every figure/target surface has the occurrence it needs (listing order,
or "occurrence"), or sits at its "start"; no two figures (or two targets) of a document share
characters; every indicator is a codebook-3 code (CODES) or null, and a doc marked "indicators": "v3"
gives every figure and target an indicator. Prints counts, the non-null codes per code and the
achieved-against-plan pairs (targets with "achieved_value").
"""
import collections, glob, hashlib, json, sys
from pathlib import Path

SHARED = Path("../shared")
sys.path.insert(0, ".")
from corpus.errors import UserError  # noqa: E402
from corpus.evaluation import document_bytes, nfc_text  # noqa: E402  (the evaluator's own reader)
from corpus.evaluation import find_occurrences as whole_word  # noqa: E402  (the evaluator's own rule)


_ORG = ("total founded dissolved rated excellent excellent_pct good good_pct good_or_better good_or_better_pct "
        "completed completed_pct not_completed not_completed_pct clean_strong clean_strong_pct "
        "clean_strong_exemplary clean_strong_exemplary_pct weak weak_pct disciplined reprimanded warned "
        "inspected supervised found_violating commended increase decrease").split()
_MEMBERS = ("total admitted admitted_pct full_member reviewed rated excellent excellent_pct good good_pct "
            "good_or_better good_or_better_pct completed completed_pct not_completed not_completed_pct disciplined "
            "reprimanded warned dismissed expelled removed inspected supervised found_violating commended "
            "badge_awarded increase decrease").split()
# the valid codes of codebook 3 (anything else must be null)
CODES = ({f"members.{r}" for r in _MEMBERS}
         | {f"{s}.{r}" for s in ("base_orgs", "base_committees", "cells", "party_orgs") for r in _ORG}
         | {f"committees.{r}" for r in _ORG if r != "total"}
         | {f"committee_members.{r}" for r in ("total inspected supervised found_violating disciplined reprimanded "
                                               "warned dismissed expelled").split()}
         | {f"cadres.{r}" for r in ("total disciplined reprimanded warned dismissed inspected supervised commended "
                                    "qualified_pct").split()}
         | {"cells.meetings_per_year", "training.classes", "training.participants", "models.exemplary"})

errors, c, codes = [], collections.Counter(), collections.Counter()
files = sorted(glob.glob(sys.argv[1] if len(sys.argv) > 1 else "eval/heldout/batch-h*.json"))
if not files:
    sys.exit(f"check.py: no gold file matches {sys.argv[1] if len(sys.argv) > 1 else 'eval/heldout/batch-h*.json'}")
gold = {gf: json.load(open(gf, encoding="utf-8"))["docs"] for gf in files}
try:
    raws = document_bytes({key: gf for gf, docs in gold.items() for key, ann in docs.items() if "text" not in ann}, SHARED)
except UserError as e:
    sys.exit(f"check.py: {e}")
for gf, docs in gold.items():
    for key, ann in docs.items():
        raw = ann["text"].encode("utf-8") if "text" in ann else raws[key]
        if hashlib.sha1(raw).hexdigest() != ann["sha1"]:
            errors.append(f"{key}: sha1 differs")
        text = nfc_text(raw)
        c["docs"] += 1
        v3 = ann.get("indicators") == "v3"
        c["docs indicators v3"] += v3
        for e in ann.get("directives", []):
            for s in e["surfaces"]:
                if not whole_word(text, s):
                    errors.append(f"{key}: directive surface missing {s!r}")
            c["directives " + ("required" if e["required"] else "optional")] += 1
        for label in ("figures", "targets"):
            seen, spans = collections.Counter(), []
            for it in ann.get(label, []):
                s = it["surface"]
                code = it.get("indicator")
                if v3 and "indicator" not in it:
                    errors.append(f"{key}: {label} {s!r} has no indicator field")
                if code is not None and code not in CODES:
                    errors.append(f"{key}: {label} {s!r} has indicator {code!r}, not a codebook-3 code")
                if label == "figures":
                    c["figures indicator not required"] += it.get("indicator_required") is False
                    codes[code] += code is not None
                if label == "targets" and "achieved_value" in it:
                    c["targets achieved against plan (pairs)"] += 1
                if "start" in it:
                    st = it["start"]
                    if text[st:st + len(s)] != s:
                        errors.append(f"{key}: {label} {s!r} not at start {st}")
                        continue
                    spans.append(((st, st + len(s)), s))
                else:
                    occ = whole_word(text, s)
                    n = it.get("occurrence", seen[s])
                    seen[s] = n + 1
                    if n >= len(occ):
                        errors.append(f"{key}: {label} {s!r} needs occurrence {n}, text has {len(occ)}")
                        continue
                    spans.append((occ[n], s))
                if label == "figures":
                    c["figures with a non-null indicator"] += code is not None
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
for k in sorted(k for k in codes if codes[k]):
    print(f"  {k:38} {codes[k]}")
print("\n".join(errors) or "OK: sha1, surfaces and occurrences all resolve; no overlapping mentions")
sys.exit(1 if errors else 0)

"""Draw the new held-out set (run from the repository root with .venv/bin/python)."""
import glob, json, random, re, unicodedata
from pathlib import Path
DIR = Path("../shared/data/dev/baomoi-2017-party")
TERMS = ("đảng viên", "tổ chức cơ sở đảng", "nghị quyết", "chỉ thị")
# read by the annotator: no number that counts or measures anything (only article-like "một"/"hai bên", slogans)
NO_FIGURE = {"22507619.txt", "22717152.txt"}
text = lambda p: unicodedata.normalize("NFC", p.read_bytes().decode("utf-8"))
shingles = lambda t: (lambda w: {tuple(w[i:i + 5]) for i in range(len(w) - 4)})(re.findall(r"\w+", t.lower()))
dev = set().union(*(json.load(open(f))["docs"] for f in glob.glob("eval/gold/dev/*.json")))
pool = [p for p in sorted(DIR.glob("*.txt")) if f"data/dev/baomoi-2017-party/{p.name}" not in dev]
cands = [p for p in pool if any(t in text(p).lower() for t in TERMS)]
print(f"{len(dev)} dev-gold docs, pool {len(pool)}, candidates {len(cands)}")
random.Random(20261122).shuffle(cands)
refs, picked = [], []
for p in cands:
    s = shingles(text(p))
    sim = max((len(s & r) / max(1, len(s | r)) for r in refs), default=0.0)
    if p.name in NO_FIGURE or sim >= 0.5:
        print("skip", p.name, "no figure" if p.name in NO_FIGURE else f"jaccard {sim:.2f}")
        continue
    picked.append(p); refs.append(s)
    if len(picked) == 15:
        break
print("drawn order:", [p.stem for p in picked])

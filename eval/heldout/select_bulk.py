"""Draw the bulk targets batch batch-h9..h10 (run from the repository root with .venv/bin/python).

Pool: records of ../shared/data/bulk/baomoi-2017.jsonl.gz whose NFC text, lower-cased,
- names party building at least 3 times in total (sum of the counts of TERMS),
- has a sentence with a goal cue (CUES) and a digit,
- is 1,500-12,000 characters long,
- and whose id has no file <id>.txt in ../shared/data/dev/baomoi-2017-party/ (dev material).
Sorted by id (numerically), shuffled with random.Random(20261124), walked in order taking 10 and
skipping only near-duplicates of a taken article (word 5-gram Jaccard >= 0.5) and articles that,
on reading, state no target at all (NO_TARGET, with the reason).

Gold keys are "data/bulk/baomoi-2017.jsonl.gz#<id>"; sha1 = sha1 of the record text's UTF-8 bytes.
Prints the counts, the drawn order and, for each pick, its key and sha1.
"""
import gzip, hashlib, json, random, re, unicodedata
from pathlib import Path

SHARED = Path("../shared")
BULK = "data/bulk/baomoi-2017.jsonl.gz"
DEV = SHARED / "data/dev/baomoi-2017-party"
TERMS = ("đảng viên", "tổ chức cơ sở đảng", "chi bộ", "đảng bộ", "xây dựng đảng")
CUES = ("phấn đấu", "chỉ tiêu", "mục tiêu", "đến năm 20", "kế hoạch đề ra", "hằng năm", "hàng năm")
SEED, TAKE = 20261124, 10
# read by the annotator: no target statement at all (id -> why); see eval/heldout/README.md
NO_TARGET: dict[str, str] = {}

# a sentence ends at . ! ? … followed by white space, or at a line break ("3.381" is not an end)
sentences = lambda t: [s for s in re.split(r"(?<=[.!?…])\s+|\n+", t) if s.strip()]
shingles = lambda t: (lambda w: {tuple(w[i:i + 5]) for i in range(len(w) - 4)})(re.findall(r"\w+", t.lower()))


def in_pool(text: str) -> bool:
    low = text.lower()
    return (1500 <= len(text) <= 12000
            and sum(low.count(t) for t in TERMS) >= 3
            and any(any(c in s for c in CUES) and re.search(r"\d", s) for s in sentences(low)))


def main() -> None:
    dev_ids = {p.stem for p in DEV.glob("*.txt")}
    records, total = {}, 0
    with gzip.open(SHARED / BULK, "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            total += 1
            text = unicodedata.normalize("NFC", r["text"])
            if r["id"] not in dev_ids and in_pool(text):
                records[r["id"]] = r["text"]
    pool = sorted(records, key=int)
    print(f"bulk records {total}, dev ids excluded {len(dev_ids)}, pool {len(pool)}")
    random.Random(SEED).shuffle(pool)
    picked, refs = [], []
    for rid in pool:
        s = shingles(unicodedata.normalize("NFC", records[rid]))
        sim = max((len(s & r) / max(1, len(s | r)) for r in refs), default=0.0)
        if sim >= 0.5:
            print("skip", rid, f"near-duplicate (jaccard {sim:.2f})")
            continue
        if rid in NO_TARGET:
            print("skip", rid, "no target statement:", NO_TARGET[rid])
            continue
        picked.append(rid)
        refs.append(s)
        if len(picked) == TAKE:
            break
    print("drawn order:", " ".join(picked))
    for rid in picked:
        print(f"{BULK}#{rid}", hashlib.sha1(records[rid].encode("utf-8")).hexdigest(), len(records[rid]))


if __name__ == "__main__":
    main()

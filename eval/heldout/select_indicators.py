"""Draw the held-out indicator batch batch-h11..h14 (run from the repository root with .venv/bin/python).

Pool: records of ../shared/data/bulk/baomoi-2017.jsonl.gz whose NFC text
- holds at least 4 party-report cues (CUES, every occurrence counted with str.count in the
  lower-cased text, summed over the cues),
- is 600-8,000 characters long (NFC),
- and whose id has no file <id>.txt anywhere under ../shared/data/dev/ and whose key is not a
  `docs` key of eval/gold/dev/*.json or eval/heldout/*.json (only the keys are read; only the gold
  files that existed when this batch was drawn, GOLD_FILES, so that a rerun after later batches
  are added gives the same draw).
Sorted by id (numerically), shuffled with random.Random(4041), walked in order taking 20 and
skipping only near-duplicates (word 5-gram Jaccard >= 0.5) of an article already taken.

Gold keys are "data/bulk/baomoi-2017.jsonl.gz#<id>"; sha1 = sha1 of the record text's UTF-8 bytes.
Prints the counts, the drawn order and, for each pick, its key, sha1, length and cue count.
"""
import gzip, hashlib, json, random, re, unicodedata
from pathlib import Path

SHARED = Path("../shared")
BULK = "data/bulk/baomoi-2017.jsonl.gz"
DEV = SHARED / "data/dev"
CUES = ("kết nạp", "đảng viên", "tổ chức cơ sở đảng", "tccsđ", "chi bộ", "xếp loại",
        "hoàn thành xuất sắc", "kỷ luật", "kiểm tra")
SEED, TAKE = 4041, 20
# the gold files whose keys are excluded (those that existed when batch-h11..h14 were drawn)
GOLD_FILES = ([f"eval/gold/dev/batch-{n:02d}.json" for n in range(1, 41)]
              + [f"eval/gold/dev/batch-h{n}.json" for n in range(1, 4)]
              + [f"eval/heldout/batch-h{n}.json" for n in range(4, 11)])

shingles = lambda t: (lambda w: {tuple(w[i:i + 5]) for i in range(len(w) - 4)})(re.findall(r"\w+", t.lower()))


def cue_count(text: str) -> int:
    """All occurrences of the party-report cues in the lower-cased NFC text.

    >>> cue_count("Kết nạp 40 đảng viên; 95% TCCSĐ và chi bộ được kiểm tra.")
    5
    """
    low = unicodedata.normalize("NFC", text).lower()
    return sum(low.count(c) for c in CUES)


def in_pool(text: str) -> bool:
    """True for an NFC text of 600-8,000 characters with at least 4 party-report cues."""
    return 600 <= len(text) <= 8000 and cue_count(text) >= 4


def main() -> list[str]:
    dev_ids = {p.stem for p in DEV.rglob("*.txt")}
    keys = set().union(*(json.load(open(f, encoding="utf-8"))["docs"].keys() for f in GOLD_FILES))
    gold_ids = {k.partition("#")[2] for k in keys if k.startswith(BULK + "#")}
    records, total, excluded = {}, 0, 0
    with gzip.open(SHARED / BULK, "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            total += 1
            text = unicodedata.normalize("NFC", r["text"])
            if not in_pool(text):
                continue
            if r["id"] in dev_ids or r["id"] in gold_ids:
                excluded += 1
                continue
            records[r["id"]] = r["text"]
    pool = sorted(records, key=int)
    print(f"bulk records {total}, dev ids {len(dev_ids)}, gold bulk ids {len(gold_ids)}, "
          f"in-pool records excluded (dev file or gold key) {excluded}, pool {len(pool)}")
    random.Random(SEED).shuffle(pool)
    picked, refs, largest = [], [], (0.0, "")
    for rid in pool:
        s = shingles(unicodedata.normalize("NFC", records[rid]))
        sim, ref = max(((len(s & r) / max(1, len(s | r)), name) for name, r in refs), default=(0.0, ""))
        if sim >= 0.5:
            print("skip", rid, f"near-duplicate of {ref} (jaccard {sim:.2f})")
            continue
        largest = max(largest, (sim, f"{rid} ~ {ref}"))
        picked.append(rid)
        refs.append((f"taken {rid}", s))
        if len(picked) == TAKE:
            break
    print("drawn order:", " ".join(picked))
    print(f"largest jaccard of a pick: {largest[0]:.3f} ({largest[1]})")
    for rid in picked:
        text = records[rid]
        print(f"{BULK}#{rid}", hashlib.sha1(text.encode("utf-8")).hexdigest(),
              len(unicodedata.normalize("NFC", text)), cue_count(text))
    return picked


if __name__ == "__main__":
    main()

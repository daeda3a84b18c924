"""Draw the dev indicator batches (batch-41 …) of party-building reports (run from the repository root
with .venv/bin/python; about 5 s).

Pool (shared with the held-out indicator draw, eval/heldout/select_indicators.py, seed 4041): records
of ../shared/data/bulk/baomoi-2017.jsonl.gz
- whose NFC text is 600-8,000 characters long,
- whose NFC text, lower-cased, holds at least 4 matches of the party-report cues CUES (all occurrences
  counted, str.count),
- whose id has no file <id>.txt in ../shared/data/dev/baomoi-2017-party/,
- and whose key is not a `docs` key of eval/gold/dev/*.json or eval/heldout/*.json (keys only, never
  the annotations). The files written from the indicator draws (LATER: batch-41 … of this draw,
  batch-h11 … h14 of the held-out draw) are left out of that list, so that a rerun gives the same pool.

Disjointness with the held-out draw: the held-out annotator sorts the same pool by numeric id, runs
random.Random(4041).shuffle and walks it taking the first 20 records that are not near-duplicates
(word 5-gram Jaccard >= 0.5) of a record already taken. This script recomputes that draw on the same
pool and removes those 20 ids from the pool BEFORE its own draw.

Own draw: the remaining pool sorted by numeric id, random.Random(3031).shuffle, walked in order taking
records and skipping near-duplicates (Jaccard >= 0.5) of a record already taken or of one of the 20
held-out picks, and skipping records that are not party-building news: fewer than 2 matches of the
party-organisation terms PARTY_TERMS. The shared pool is mostly state inspection, traffic, school and
football news (the generic cues "kiểm tra" and "kỷ luật" admit them; only about 25 of its 577 records
pass this rule), so without it the dev draw would hold almost no party figure. Prints the counts, the held-out ids, the drawn order and, for each pick, its key, sha1,
length and cue count. The dev batches take the picks in drawn order, five a file.

Gold keys are "data/bulk/baomoi-2017.jsonl.gz#<id>"; sha1 = sha1 of the record text's UTF-8 bytes.
"""
import glob, hashlib, json, random, sys, unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from select_bulk_dev import BULK, _bulk_records, bulk_ids, shingles  # noqa: E402

CUES = ("kết nạp", "đảng viên", "tổ chức cơ sở đảng", "tccsđ", "chi bộ", "xếp loại", "hoàn thành xuất sắc",
        "kỷ luật", "kiểm tra")
MIN_CUES, MIN_LEN, MAX_LEN = 4, 600, 8000
HELDOUT_SEED, HELDOUT_TAKE = 4041, 20
SEED, TAKE = 3031, 25
PARTY_TERMS = ("kết nạp", "đảng viên", "tổ chức cơ sở đảng", "tccsđ", "chi bộ", "đảng ủy", "đảng bộ")
MIN_PARTY = 2
LATER = {f"batch-{n}.json" for n in range(41, 60)} | {f"batch-h{n}.json" for n in range(11, 15)}


def cue_count(text: str) -> int:
    """All occurrences of the party-report cues in the lower-cased NFC text.

    >>> cue_count("Kết nạp 40 đảng viên; 12 TCCSĐ hoàn thành xuất sắc nhiệm vụ, 3 chi bộ bị kỷ luật.")
    6
    """
    low = unicodedata.normalize("NFC", text).lower()
    return sum(low.count(c) for c in CUES)


def in_pool(text: str) -> bool:
    """True for an NFC text of 600-8,000 characters with at least 4 cue matches.

    >>> in_pool("Chi bộ kết nạp 2 đảng viên, kiểm tra 3 đảng viên. " * 20)
    True
    >>> in_pool("Chi bộ kết nạp 2 đảng viên. " * 10)
    False
    """
    return MIN_LEN <= len(text) <= MAX_LEN and cue_count(text) >= MIN_CUES


def party_news(text: str) -> bool:
    """True when the lower-cased NFC text names party organisation at least twice (PARTY_TERMS).

    >>> party_news("Đảng ủy xã kết nạp 3 quần chúng."), party_news("Đội kiểm tra 30 xe tải.")
    (True, False)
    """
    low = unicodedata.normalize("NFC", text).lower()
    return sum(low.count(t) for t in PARTY_TERMS) >= MIN_PARTY


def walk(pool: list[str], seed: int, sh: dict[str, set], take: int, refs: dict[str, set],
         qualifies=lambda rid: True) -> list[str]:
    """Shuffle a copy of ``pool`` (sorted by id) with ``seed``; take ``take`` ids that ``qualify``, skipping
    near-duplicates (Jaccard >= 0.5) of ``refs`` and of ids already taken (printed)."""
    order = sorted(pool, key=int)
    random.Random(seed).shuffle(order)
    refs, picked, unqualified = dict(refs), [], 0
    for rid in order:
        if not qualifies(rid):
            unqualified += 1
            continue
        sim, ref = max(((len(sh[rid] & r) / max(1, len(sh[rid] | r)), name) for name, r in refs.items()),
                       default=(0.0, ""))
        if sim >= 0.5:
            print(f"seed {seed}: skip {rid}, near-duplicate of {ref} (jaccard {sim:.2f})")
            continue
        picked.append(rid)
        refs[rid] = sh[rid]
        if len(picked) == take:
            break
    if unqualified:
        print(f"seed {seed}: {unqualified} records walked past as not party-building news")
    return picked


def main() -> list[str]:
    files = [f for pat in ("eval/gold/dev/*.json", "eval/heldout/*.json") for f in sorted(glob.glob(pat))
             if Path(f).name not in LATER]
    keys = set().union(*(json.load(open(f, encoding="utf-8"))["docs"].keys() for f in files))
    records, _, total, excluded = _bulk_records(in_pool, bulk_ids(keys))
    sh = {rid: shingles(unicodedata.normalize("NFC", t)) for rid, t in records.items()}
    print(f"bulk records {total}, in-pool records excluded (dev file or gold key) {excluded}, pool {len(records)}")
    heldout = walk(list(records), HELDOUT_SEED, sh, HELDOUT_TAKE, {})
    print(f"held-out draw (seed {HELDOUT_SEED}, first {HELDOUT_TAKE}), excluded here:", " ".join(heldout))
    pool = [rid for rid in records if rid not in set(heldout)]
    picked = walk(pool, SEED, sh, TAKE, {f"held-out {rid}": sh[rid] for rid in heldout},
                  lambda rid: party_news(records[rid]))
    print(f"pool after exclusion {len(pool)}; drawn order (seed {SEED}):", " ".join(picked))
    for rid in picked:
        t = records[rid]
        print(f"{BULK}#{rid}", hashlib.sha1(t.encode("utf-8")).hexdigest(), len(unicodedata.normalize("NFC", t)),
              cue_count(t))
    return picked


if __name__ == "__main__":
    main()

"""Draw the bulk dev batches (run from the repository root with .venv/bin/python).

`main()` (no argument) draws batch-30..33 for directive recall, as below; `draw_targets()`
(argument ``targets``) draws batch-34..37, records that state goals (see its docstring).

Pool: records of ../shared/data/bulk/baomoi-2017.jsonl.gz whose NFC text, lower-cased,
- names party building at least 3 times in total (sum of the counts of TERMS),
- names at least one kind of document (DOC_WORDS),
- is 1,200-12,000 characters long,
- and whose id has no file <id>.txt in ../shared/data/dev/baomoi-2017-party/ and whose key is
  not already a `docs` key of eval/heldout/*.json or eval/gold/dev/*.json (only the keys are read;
  the batches this script drew, OWN_BATCHES, and the later TARGET_BATCHES are left out so that a
  rerun gives the same draw).
Sorted by id (numerically), shuffled with random.Random(2030), walked in order taking 20 and
skipping only near-duplicates (word 5-gram Jaccard >= 0.5) of an article already taken or of a
held-out bulk record (computed from the record texts, not from any annotation).

Gold keys are "data/bulk/baomoi-2017.jsonl.gz#<id>"; sha1 = sha1 of the record text's UTF-8 bytes.
Prints the counts, the drawn order and, for each pick, its key, sha1 and length.
"""
import glob, gzip, hashlib, json, random, re, unicodedata
from pathlib import Path

SHARED = Path("../shared")
BULK = "data/bulk/baomoi-2017.jsonl.gz"
DEV = SHARED / "data/dev/baomoi-2017-party"
TERMS = ("đảng viên", "tổ chức cơ sở đảng", "chi bộ", "đảng bộ", "xây dựng đảng")
DOC_WORDS = ("nghị quyết", "chỉ thị", "quy định", "kết luận", "kế hoạch", "đề án", "quyết định", "điều lệ đảng")
SEED, TAKE = 2030, 20
OWN_BATCHES = {f"batch-{n}.json" for n in range(30, 34)}     # written from this draw

shingles = lambda t: (lambda w: {tuple(w[i:i + 5]) for i in range(len(w) - 4)})(re.findall(r"\w+", t.lower()))


def gold_keys(pattern: str) -> set[str]:
    """The `docs` keys of the gold files matching ``pattern`` but not in OWN_BATCHES or TARGET_BATCHES (keys only).

    >>> "data/bulk/baomoi-2017.jsonl.gz#21490865" in gold_keys("eval/heldout/*.json")
    True
    """
    later = OWN_BATCHES | TARGET_BATCHES        # this draw's own files and those written after it
    files = [f for f in sorted(glob.glob(pattern)) if Path(f).name not in later]
    return set().union(*(json.load(open(f, encoding="utf-8"))["docs"].keys() for f in files))


def bulk_ids(keys: set[str]) -> set[str]:
    """Record ids of the bulk keys among gold ``keys``."""
    return {k.partition("#")[2] for k in keys if k.startswith(BULK + "#")}


def _bulk_records(accept, used: set[str], keep: set[str] = frozenset()):
    """Stream the bulk file once: (records ``accept``-ed whose id is neither a dev file nor in ``used``,
    NFC texts of the ids in ``keep``, records read, accepted records excluded as dev files or gold keys)."""
    dev_ids = {p.stem for p in DEV.glob("*.txt")}
    records, kept, total, excluded = {}, {}, 0, 0
    with gzip.open(SHARED / BULK, "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            total += 1
            text = unicodedata.normalize("NFC", r["text"])
            if r["id"] in keep:
                kept[r["id"]] = text
            if not accept(text):
                continue
            if r["id"] in dev_ids or r["id"] in used:
                excluded += 1
                continue
            records[r["id"]] = r["text"]
    return records, kept, total, excluded


def in_pool(text: str) -> bool:
    """True for a record long enough, about party building and naming a kind of document.

    >>> in_pool("Đảng viên, chi bộ và đảng bộ quán triệt Nghị quyết Trung ương 4. " * 25)
    True
    >>> in_pool("Đảng viên, chi bộ và đảng bộ họp mặt. " * 40)
    False
    """
    low = text.lower()
    return (1200 <= len(text) <= 12000
            and sum(low.count(t) for t in TERMS) >= 3
            and any(w in low for w in DOC_WORDS))


def main() -> list[str]:
    heldout_keys, dev_keys = gold_keys("eval/heldout/*.json"), gold_keys("eval/gold/dev/*.json")
    heldout_bulk = {k.partition("#")[2] for k in heldout_keys if k.startswith(BULK + "#")}
    records, heldout_texts, total, excluded = _bulk_records(in_pool, bulk_ids(heldout_keys | dev_keys), heldout_bulk)
    pool = sorted(records, key=int)
    print(f"bulk records {total}, held-out bulk records {len(heldout_texts)}, "
          f"in-pool records excluded (dev file or gold key) {excluded}, pool {len(pool)}")
    refs = {f"held-out {rid}": shingles(t) for rid, t in heldout_texts.items()}
    return _take(pool, records, SEED, refs)


def _take(pool: list[str], records: dict[str, str], seed: int, refs: dict[str, set]) -> list[str]:
    """Shuffle ``pool`` with ``seed`` and take ``TAKE`` records, skipping near-duplicates (word 5-gram
    Jaccard >= 0.5) of ``refs`` and of those already taken; print the draw and each key with its sha1."""
    random.Random(seed).shuffle(pool)
    picked, largest = [], (0.0, "")
    for rid in pool:
        s = shingles(unicodedata.normalize("NFC", records[rid]))
        sim, ref = max(((len(s & r) / max(1, len(s | r)), name) for name, r in refs.items()), default=(0.0, ""))
        if sim >= 0.5:
            print("skip", rid, f"near-duplicate of {ref} (jaccard {sim:.2f})")
            continue
        largest = max(largest, (sim, f"{rid} ~ {ref}"))
        picked.append(rid)
        refs[f"taken {rid}"] = s
        if len(picked) == TAKE:
            break
    print("drawn order:", " ".join(picked))
    print(f"largest jaccard of a pick: {largest[0]:.3f} ({largest[1]})")
    for rid in picked:
        print(f"{BULK}#{rid}", hashlib.sha1(records[rid].encode("utf-8")).hexdigest(), len(records[rid]))
    return picked


# --------------------------------------------------------------------------- second draw: goal statements

TARGET_TERMS = TERMS + ("tỉnh ủy", "huyện ủy", "thành ủy", "nghị quyết")
GOAL_CUES = ("phấn đấu", "chỉ tiêu", "mục tiêu", "đến năm 20", "kế hoạch", "hằng năm", "hàng năm",
             "dự kiến", "phải đạt", "bảo đảm", "đảm bảo")
TARGET_SEED = 2031
TARGET_BATCHES = {f"batch-{n}.json" for n in range(34, 38)}  # written from draw_targets


def goal_sentences(low: str) -> int:
    """The number of sentences of a lower-cased NFC text that hold a goal cue and a digit.

    Sentences end at a line break or at ".", "!", "?", ";" before white space (a fixed splitter of
    this script, so that the draw does not move with the extractor's code).

    >>> goal_sentences("phấn đấu đến năm 2020 kết nạp 200 đảng viên. năm nay có 3 chi bộ. chỉ tiêu 95%.")
    2
    """
    return sum(1 for s in re.split(r"\n+|(?<=[.!?;])\s+", low)
               if any(c in s for c in GOAL_CUES) and re.search(r"\d", s))


def in_target_pool(text: str) -> bool:
    """True for a record of 1,200-10,000 characters about party building with two goal sentences.

    >>> in_target_pool(("Tỉnh ủy phấn đấu đến năm 2020 có 95% chi bộ vững mạnh. " * 2 + "Đảng viên họp. ") * 12)
    True
    >>> in_target_pool("Tỉnh ủy họp với 30 đại biểu. Phấn đấu hơn nữa. " * 30)
    False
    """
    text = unicodedata.normalize("NFC", text)
    low = text.lower()
    return (1200 <= len(text) <= 10000
            and any(t in low for t in TARGET_TERMS)
            and goal_sentences(low) >= 2)


def draw_targets() -> list[str]:
    """Draw batch-34..37 (20 bulk records that state goals); ``python eval/gold/select_bulk_dev.py targets``.

    Excludes the dev files' ids and every `docs` key of eval/gold/dev/*.json and eval/heldout/*.json
    (keys only) except TARGET_BATCHES; sorted by id, random.Random(2031).shuffle, take 20, skipping
    near-duplicates (word 5-gram Jaccard >= 0.5) of a pick.
    """
    keys = set().union(*(json.load(open(f, encoding="utf-8"))["docs"].keys()
                         for pat in ("eval/gold/dev/*.json", "eval/heldout/*.json")
                         for f in sorted(glob.glob(pat)) if Path(f).name not in TARGET_BATCHES))
    records, _, total, excluded = _bulk_records(in_target_pool, bulk_ids(keys))
    pool = sorted(records, key=int)
    print(f"bulk records {total}, in-pool records excluded (dev file or gold key) {excluded}, pool {len(pool)}")
    return _take(pool, records, TARGET_SEED, {})


if __name__ == "__main__":
    import sys
    draw_targets() if sys.argv[1:] == ["targets"] else main()

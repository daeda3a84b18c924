"""How fast is ``partycorpus search`` on a million articles? (issue 3: search over the whole corpus)

    .venv/bin/python -m benchmarks.search_scale --n 1000000 [--data /tmp/search-1m] [--shared ../shared]

Builds a throw-away store of N articles by repeating the real texts of
``../shared/data/bulk/baomoi-2017.jsonl.gz`` under new ids, dates and
provinces (the texts stay in the temporary folder and are deleted at the
end unless ``--keep``), marks them built and fills the search index
(``search_terms``) exactly as ``build`` does (``corpus.build.search_terms``),
skipping the extraction itself (that cost is measured by ``bench``). Then runs
keyword-in-context queries through ``corpus.commands.search.search`` and
prints, per query: candidate articles, lines shown and wall time, in a fresh
connection (cold) and again (warm); plus store size and load time.
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import itertools
import json
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

QUERIES = ["Chỉ thị 05", "Nghị quyết Trung ương 4", "kết nạp đảng viên mới", "tổ chức cơ sở đảng",
           "xây dựng Đảng", "học tập và làm theo tư tưởng", "Lạng Sơn", "hoàn thành xuất sắc nhiệm vụ"]
PROVINCES = ["lang-son", "lam-dong", "quang-ninh", "vinh-phuc", "binh-thuan", "dong-nai", "hai-duong",
             "quang-binh", None]
BATCH = 20_000


def _source_articles(path: Path, limit: int):
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in itertools.islice(f, limit):
            rec = json.loads(line)
            text = rec.get("text") or rec.get("content") or ""
            if text.strip():
                yield rec.get("title") or "", text


def fill(data: Path, n: int, bulk: Path, source_n: int) -> dict:
    import pyarrow as pa

    from corpus.build import search_terms
    from corpus.search_index import note_appended
    from corpus.store import Store

    sources = list(_source_articles(bulk, source_n))
    terms_of = [search_terms(t, x) for t, x in sources]
    rng = random.Random(7)
    t0 = time.perf_counter()
    rows_terms = 0
    with Store(data, write=True) as store:
        for start in range(0, n, BATCH):
            ids, titles, texts, published, provinces, shas = [], [], [], [], [], []
            t_term, t_id = [], []
            for i in range(start, min(n, start + BATCH)):
                k = i % len(sources)
                aid = f"bench:{i:07d}"
                title, text = sources[k]
                sha = hashlib.sha1(f"{aid}{k}".encode()).hexdigest()
                ids.append(aid)
                titles.append(title)
                texts.append(text)
                published.append(f"{rng.randint(2012, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}")
                provinces.append(rng.choice(PROVINCES))
                shas.append(sha)
                t_term.extend(terms_of[k])
                t_id.extend([aid] * len(terms_of[k]))
            arts = pa.table({"article_id": ids, "title": titles, "text": texts, "published": published,
                             "province": provinces, "content_sha1": shas, "site": ["bench"] * len(ids)})
            builds = pa.table({"article_id": ids, "content_sha1": shas, "province": provinces})
            terms = pa.table({"term": t_term, "article_id": t_id})
            con = store.con
            con.register("_a", arts)
            con.register("_b", builds)
            con.register("_t", terms)
            con.execute("BEGIN")
            con.execute("INSERT INTO articles BY NAME SELECT * FROM _a")
            con.execute("INSERT INTO build_records BY NAME SELECT * FROM _b")
            con.execute("INSERT INTO search_terms BY NAME SELECT * FROM _t")
            note_appended(store, len(t_term))
            con.execute("COMMIT")
            for name in ("_a", "_b", "_t"):
                con.unregister(name)
            rows_terms += len(t_term)
            print(f"  {min(n, start + BATCH):>9,} articles, {rows_terms:>12,} index rows, "
                  f"{time.perf_counter() - t0:7.1f} s", flush=True)
        store.con.execute("CHECKPOINT")
    size = sum(p.stat().st_size for p in data.rglob("*") if p.is_file())
    return {"articles": n, "index_rows": rows_terms, "load_s": time.perf_counter() - t0, "bytes": size}


def run_queries(data: Path, limit: int) -> list[tuple]:
    from corpus.commands.search import search
    from corpus.store import Store

    out = []
    for q in QUERIES:
        times = []
        for _ in range(2):   # cold (new connection), then warm
            t0 = time.perf_counter()
            with Store(data) as store:
                lines = list(search(store, q, limit=limit))
            times.append(time.perf_counter() - t0)
        out.append((q, len(lines), times[0], times[1]))
    return out


def _print_queries(data: Path, limit: int) -> None:
    print(f"{'query':<36} {'lines':>6} {'cold s':>8} {'warm s':>8}")
    for q, lines, cold, warm in run_queries(data, limit):
        print(f"{q:<36} {lines:>6} {cold:>8.2f} {warm:>8.2f}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--source-n", type=int, default=5_000, help="distinct bulk articles repeated")
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--data", help="store folder (default: a temporary folder)")
    ap.add_argument("--limit", type=int, default=50, help="lines per query (as `search --limit`)")
    ap.add_argument("--keep", action="store_true", help="keep the store")
    ap.add_argument("--unsorted-first", action="store_true", help="also time the queries before sorting")
    args = ap.parse_args(argv)
    bulk = Path(args.shared) / "data" / "bulk" / "baomoi-2017.jsonl.gz"
    if not bulk.exists():
        print(f"search_scale: {bulk} not found (needs ../shared)", file=sys.stderr)
        return 2
    data = Path(args.data) if args.data else Path(tempfile.mkdtemp(prefix="pc-search-"))
    try:
        if not (data / "corpus.duckdb").exists():
            print(f"filling {data} with {args.n:,} articles ({args.source_n:,} distinct bulk texts repeated)")
            info = fill(data, args.n, bulk, args.source_n)
            print(f"store: {info['articles']:,} articles, {info['index_rows']:,} index rows, "
                  f"{info['bytes'] / 2**30:.2f} GiB, filled in {info['load_s']:.0f} s")
        from corpus.search_index import compact_search_index, note_appended, unsorted_rows
        from corpus.store import Store

        with Store(data) as store:
            tail = unsorted_rows(store)
        if tail or args.unsorted_first:
            print(f"\nindex as appended (unsorted tail {tail:,} rows)")
            _print_queries(data, args.limit)
        with Store(data, write=True) as store:
            if not unsorted_rows(store):
                with store.transaction():
                    note_appended(store, store.sql("SELECT count(*) FROM search_terms").fetchone()[0])
            t0 = time.perf_counter()
            done = compact_search_index(store)
            print(f"\nindex sorted by word (as build leaves it): {time.perf_counter() - t0:.1f} s"
                  + ("" if done else " (was sorted already)"))
        _print_queries(data, args.limit)
    finally:
        if not args.keep and not args.data:
            shutil.rmtree(data, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""partycorpus bench [extract|build|crawl|all] — speed and memory, printed.

Numbers are measured on real text when ``../shared/data/bulk`` is present
(the 2017 news dump), else on the synthetic mirror content. Nothing here is
asserted: read the numbers.
"""
from __future__ import annotations

import gzip
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ..errors import UserError

ROOT = Path(__file__).resolve().parents[2]


def _bulk_path() -> Path | None:
    shared = Path(os.environ.get("PARTYCORPUS_SHARED", ROOT.parent / "shared"))
    p = shared / "data" / "bulk" / "baomoi-2017.jsonl.gz"
    return p if p.is_file() else None


def sample_texts(n: int) -> tuple[str, list[dict]]:
    """The first ``n`` articles of the bulk dump (or the synthetic content)."""
    bulk = _bulk_path()
    out: list[dict] = []
    if bulk:
        with gzip.open(bulk, "rt", encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                if rec.get("text"):
                    out.append({"id": str(rec["id"]), "title": rec.get("title") or "", "text": rec["text"]})
                if len(out) >= n:
                    break
        return f"{bulk.name} (first {len(out)})", out
    import yaml

    for p in sorted((ROOT / "crawler" / "mirror" / "content").glob("*.yaml")):
        rec = yaml.safe_load(p.read_text(encoding="utf-8"))
        out.append({"id": str(rec["id"]), "title": rec.get("title") or "", "text": rec.get("body") or ""})
    return f"synthetic mirror content ({len(out)})", out[:n]


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench_extract(n: int) -> dict:
    from underthesea import word_tokenize

    from nlp import extract

    label, recs = sample_texts(n)
    texts = [r["text"] for r in recs]
    chars = sum(map(len, texts))
    word_tokenize("Khởi động mô hình.")
    extract("Năm 2021 kết nạp được 181 đảng viên.")
    t0 = time.perf_counter()
    for t in texts:
        word_tokenize(t)
    t_tok = time.perf_counter() - t0
    t0 = time.perf_counter()
    mentions = 0
    for t in texts:
        ex = extract(t)
        mentions += len(ex.directives) + len(ex.figures) + len(ex.targets)
    t_ext = time.perf_counter() - t0
    res = {
        "sample": label, "articles": len(texts), "kchars": chars / 1000,
        "word_tokenize": {"articles_s": len(texts) / t_tok, "kchar_s": chars / 1000 / t_tok, "seconds": t_tok},
        "extract": {"articles_s": len(texts) / t_ext, "kchar_s": chars / 1000 / t_ext, "seconds": t_ext,
                    "mentions": mentions},
        "extract_vs_word_tokenize": t_tok / t_ext,
        "peak_rss_mb": _peak_mb(),
    }
    print(f"sample: {label}, {len(texts)} articles, {chars / 1000:.0f} kchar")
    print(f"{'':<22}{'articles/s':>12}{'kchar/s':>10}{'seconds':>10}")
    print(f"{'word_tokenize (bare)':<22}{res['word_tokenize']['articles_s']:>12.1f}{res['word_tokenize']['kchar_s']:>10.1f}{t_tok:>10.2f}")
    print(f"{'extract':<22}{res['extract']['articles_s']:>12.1f}{res['extract']['kchar_s']:>10.1f}{t_ext:>10.2f}")
    print(f"extract / word_tokenize speed: {res['extract_vs_word_tokenize']:.2f}x   peak RSS {res['peak_rss_mb']:.0f} MB")
    return res


def bench_build(n: int, jobs: int | None) -> dict:
    label, recs = sample_texts(n)
    jobs = jobs or os.cpu_count() or 1
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "sample.jsonl"
        with src.open("w", encoding="utf-8") as fh:
            for r in recs:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        chars = sum(len(r["text"]) for r in recs)
        print(f"sample: {label}, {len(recs)} articles")
        print(f"{'':<22}{'articles/s':>12}{'kchar/s':>10}{'seconds':>10}{'peak MB':>10}")
        for j in sorted({1, jobs}):
            data = Path(tmp) / f"data-{j}"
            _run([sys.executable, "-m", "corpus.cli", "--data", str(data), "import", str(src), "--site", "bench"])
            t0 = time.perf_counter()
            _run([sys.executable, "-m", "corpus.cli", "--data", str(data), "build", "--jobs", str(j)])
            dt = time.perf_counter() - t0
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
            results[f"jobs{j}"] = {"articles_s": len(recs) / dt, "kchar_s": chars / 1000 / dt, "seconds": dt, "peak_rss_mb": peak}
            print(f"{'build --jobs ' + str(j):<22}{len(recs) / dt:>12.1f}{chars / 1000 / dt:>10.1f}{dt:>10.2f}{peak:>10.0f}")
    if "jobs1" in results and len(results) > 1:
        print(f"speed-up --jobs {jobs} / --jobs 1: {results['jobs1']['seconds'] / results[f'jobs{jobs}']['seconds']:.2f}x")
    return results


def _run(cmd: list[str]) -> None:
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if proc.returncode:
        raise UserError(f"{' '.join(cmd[3:6])} failed: {proc.stderr.strip().splitlines()[-1:]}")


def run(args) -> int:
    what = args.what
    if what in ("extract", "all"):
        bench_extract(args.n or 500)
    if what in ("build", "all"):
        print()
        bench_build(args.n or 500, args.jobs)
    if what in ("crawl", "all"):
        print()
        sys.path.insert(0, str(ROOT))
        try:
            from benchmarks.bench_crawl import run as crawl_bench
        except ImportError as e:
            raise UserError(f"crawl benchmark unavailable: {e}")
        crawl_bench(args.n)
    return 0

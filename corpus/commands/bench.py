"""partycorpus bench [speed|extract|build|profile|crawl|all|outputs] — speed and memory, printed.

``speed`` (the default) prints one table on the same texts: bare
``underthesea.word_tokenize``, ``nlp.extract``, ``build --jobs 1`` and
``build --jobs N`` — articles/s, kchar/s, seconds and peak memory (the summed
resident memory of the process and its children, sampled every 50 ms: a
``--jobs 2`` build counts its two workers). ``profile`` runs ``nlp.extract``
under cProfile and prints the top functions. ``crawl`` calls
``benchmarks/bench_crawl.run``. ``outputs`` times ``export`` in each format, ``publish`` and the
report on the built store at ``--data`` (with ``--n N``: on a synthetic store of N articles repeating
it), see ``benchmarks/outputs_scale.py``.

Texts: the first N articles of ``../shared/data/bulk/baomoi-2017.jsonl.gz``
when present, else the synthetic mirror content. Nothing is asserted: read
the numbers.

>>> # partycorpus bench --n 500 --jobs 2
"""
from __future__ import annotations

import cProfile
import gzip
import io
import json
import os
import pstats
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from ..errors import UserError

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_EVERY = 0.05     # seconds between memory samples


def _bulk_path() -> Path | None:
    shared = Path(os.environ.get("PARTYCORPUS_SHARED", ROOT.parent / "shared"))
    p = shared / "data" / "bulk" / "baomoi-2017.jsonl.gz"
    return p if p.is_file() else None


def sample_texts(n: int) -> tuple[str, list[dict]]:
    """The first ``n`` articles of the bulk dump (or the synthetic content): label and records.

    >>> label, recs = sample_texts(3)                          # doctest: +SKIP
    >>> recs[0]["title"]                                       # doctest: +SKIP
    'Đảng bộ xã ...'
    """
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
    return f"synthetic mirror content ({len(out[:n])})", out[:n]


# -- measuring a child process: wall time and peak summed RSS of its process tree -------------


class PeakRSS(threading.Thread):
    """Samples RSS of one process (main) and of its process tree until stopped; peaks in bytes."""

    def __init__(self, pid: int, every: float = SAMPLE_EVERY):
        super().__init__(daemon=True)
        self.pid, self.every = pid, every
        self.main = self.tree = 0
        self.main_at = 0.0          # seconds after start of the main process peak
        self._t0 = time.perf_counter()
        self._done = threading.Event()

    def run(self) -> None:
        import psutil

        try:
            root = psutil.Process(self.pid)
        except psutil.Error:
            return
        while not self._done.is_set():
            try:
                main = root.memory_info().rss
                tree = main
                for child in root.children(recursive=True):
                    try:
                        tree += child.memory_info().rss
                    except psutil.Error:
                        pass
            except psutil.Error:
                return
            if main > self.main:
                self.main, self.main_at = main, time.perf_counter() - self._t0
            self.tree = max(self.tree, tree)
            self._done.wait(self.every)

    def stop(self) -> None:
        self._done.set()
        self.join(5)


def _measure(cmd: list[str]) -> tuple[float, float, str]:
    """Run ``cmd``; (seconds, peak MB of its process tree, stdout). A failure is a UserError."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    sampler = PeakRSS(proc.pid)
    sampler.start()
    out, err = proc.communicate()
    seconds = time.perf_counter() - t0
    sampler.stop()
    peak = sampler.tree / 2**20
    if proc.returncode:
        last = (err.strip().splitlines() or ["?"])[-1]
        raise UserError(f"benchmark step {' '.join(cmd[3:6])} failed: {last}")
    return seconds, peak, out


_CHILD = """
import json, sys, time
texts = [json.loads(l)["text"] for l in open(sys.argv[2], encoding="utf-8")]
what = sys.argv[1]
if what == "word_tokenize":
    from underthesea import word_tokenize as fn
else:
    from nlp import extract as fn
for t in texts[:5]:
    fn(t)   # models (word segmenter, POS tagger) load outside the timing
t0 = time.perf_counter()
for t in texts:
    fn(t)
print(json.dumps({"seconds": time.perf_counter() - t0}))
"""


def bench_speed(n: int, jobs: int | None, parts=("word_tokenize", "extract", "build")) -> dict:
    """One table on the same texts: word_tokenize, extract, build --jobs 1 and --jobs N."""
    label, recs = sample_texts(n)
    jobs = jobs or os.cpu_count() or 1
    chars = sum(len(r["text"]) for r in recs)
    results: dict[str, dict] = {}
    print(f"sample: {label}, {len(recs)} articles, {chars / 1000:.0f} kchar; {os.cpu_count()} cores, "
          f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"{'':<24}{'articles/s':>11}{'kchar/s':>9}{'seconds':>9}{'peak MB':>9}")

    def row(name: str, seconds: float, peak: float) -> None:
        results[name] = {"articles_s": len(recs) / seconds, "kchar_s": chars / 1000 / seconds,
                         "seconds": seconds, "peak_rss_mb": peak}
        print(f"{name:<24}{len(recs) / seconds:>11.1f}{chars / 1000 / seconds:>9.1f}{seconds:>9.2f}{peak:>9.0f}",
              flush=True)

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "sample.jsonl"
        with src.open("w", encoding="utf-8") as fh:
            for r in recs:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        for what in ("word_tokenize", "extract"):
            if what in parts:
                _, peak, out = _measure([sys.executable, "-c", _CHILD, what, str(src)])
                row(what + (" (bare)" if what == "word_tokenize" else ""), json.loads(out)["seconds"], peak)
        if "build" in parts:
            for j in sorted({1, jobs}):
                data = Path(tmp) / f"data-{j}"
                _measure([sys.executable, "-m", "corpus.cli", "--data", str(data), "import", str(src),
                          "--site", "bench"])
                seconds, peak, _ = _measure([sys.executable, "-m", "corpus.cli", "--data", str(data), "build",
                                             "--jobs", str(j)])
                row(f"build --jobs {j}", seconds, peak)
    if "build --jobs 1" in results and f"build --jobs {jobs}" in results and jobs > 1:
        speedup = results["build --jobs 1"]["seconds"] / results[f"build --jobs {jobs}"]["seconds"]
        results["speedup"] = speedup
        print(f"speed-up build --jobs {jobs} / --jobs 1: {speedup:.2f}x "
              "(build times include start-up, model loading and derived tables)")
    if "word_tokenize (bare)" in results and "extract" in results:
        print(f"extract costs {results['extract']['seconds'] / results['word_tokenize (bare)']['seconds']:.2f}x "
              "a bare word_tokenize of the same texts")
    return results


def bench_profile(n: int, top: int = 10) -> list[tuple]:
    """cProfile of ``nlp.extract`` over the sample: top functions by own time and by cumulative time."""
    from nlp import extract

    label, recs = sample_texts(n)
    for r in recs[:5]:
        extract(r["text"])  # models (word segmenter, POS tagger) load outside the profile
    prof = cProfile.Profile()
    t0 = time.perf_counter()
    prof.enable()
    for r in recs:
        extract(r["text"])
    prof.disable()
    seconds = time.perf_counter() - t0
    stats = pstats.Stats(prof, stream=io.StringIO())
    total = stats.total_tt
    rows = []
    for (path, line, func), (_, ncalls, tt, ct, _) in stats.stats.items():
        rows.append((tt, ct, ncalls, _short(path), line, func))
    print(f"profile of nlp.extract: {label}, {len(recs)} articles, {seconds:.1f} s (profiled)")
    for title, key in (("own time", 0), ("cumulative time (nlp and underthesea only)", 1)):
        print(f"top {top} by {title}:")
        print(f"  {'own s':>7}{'cum s':>8}{'% own':>7}{'calls':>9}  function")
        chosen = sorted(rows, key=lambda r: -r[key])
        if key == 1:
            chosen = [r for r in chosen if r[3].startswith(("nlp/", "underthesea/"))]
        for tt, ct, ncalls, path, line, func in chosen[:top]:
            print(f"  {tt:>7.2f}{ct:>8.2f}{100 * tt / total:>6.1f}%{ncalls:>9}  {path}:{line}({func})")
    return sorted(rows, key=lambda r: -r[0])[:top]


def _short(path: str) -> str:
    for marker in ("/site-packages/", str(ROOT) + "/"):
        if marker in path:
            return path.split(marker, 1)[1]
    return path


def run(args) -> int:
    what = args.what
    if what == "outputs":   # export, publish and the report on the built store at --data (benchmarks/outputs_scale.py)
        if args.n is not None and args.n < 1:
            raise UserError("--n must be 1 or more")
        sys.path.insert(0, str(ROOT))
        from benchmarks.outputs_scale import bench_outputs

        bench_outputs(Path(args.data).resolve(), args.n)
        return 0
    n = args.n or 500
    if n < 1:
        raise UserError("--n must be 1 or more")
    if args.jobs is not None and args.jobs < 1:
        raise UserError("--jobs must be 1 or more")
    if what in ("speed", "all"):
        bench_speed(n, args.jobs)
    if what == "extract":
        bench_speed(n, args.jobs, parts=("word_tokenize", "extract"))
    if what == "build":
        bench_speed(n, args.jobs, parts=("build",))
    if what in ("profile", "all"):
        print()
        bench_profile(min(n, 300))
    if what in ("crawl", "all"):
        print()
        sys.path.insert(0, str(ROOT))
        try:
            from benchmarks.bench_crawl import run as crawl_bench
        except ImportError as e:
            raise UserError(f"crawl benchmark unavailable: {e}")
        crawl_bench(args.n)
    return 0

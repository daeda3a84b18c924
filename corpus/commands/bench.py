"""partycorpus bench [speed|extract|build|profile|crawl|all|outputs] — speed and memory, printed.

``speed`` (the default) prints one table on the same texts: bare
``underthesea.word_tokenize``, ``nlp.extract``, ``build --jobs 1`` and
``build --jobs N`` — articles/s, kchar/s, seconds and peak memory (the summed
resident memory of the process and its children, sampled every 50 ms: a
``--jobs 2`` build counts its two workers). ``extract`` (and ``all``) adds the
long-document series (``bench_long``): one text of 1k to 64k synthetic
sentences, then bulk articles joined, CPU seconds per MB and the growth of
size and time from one size to the next. ``profile`` runs ``nlp.extract``
under cProfile and prints the top functions. ``crawl`` calls
``benchmarks/bench_crawl.run``. ``web`` times ``publish`` of the ``--data`` store, a search and each
canned query of the web view (``benchmarks/web_speed.run``). ``outputs`` times ``export`` in each format,
``publish`` and the report on the built store at ``--data`` (with ``--n N``: on a synthetic store of N
articles repeating it), see ``benchmarks/outputs_scale.py``.

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


# -- long documents: synthetic party-building sentences, repeated ------------------------------

# Synthetic: written for this project, not taken from any article. Numbers vary with the sentence's
# index, so the sentences repeat in form, not in text (per-sentence caches do not hide the work).
_LONG_SENTENCES = (
    "Năm {y}, Đảng bộ xã kết nạp được {a} đảng viên mới, đạt {p},{d}% chỉ tiêu.",
    "Toàn huyện có {b} tổ chức cơ sở đảng với {c} đảng viên sinh hoạt ở {e} chi bộ.",
    "Có {p},{d}% TCCSĐ hoàn thành tốt nhiệm vụ (năm {y0} là {q}%).",
    "Thực hiện Chỉ thị 05-CT/TW của Bộ Chính trị, Huyện ủy mở {f} lớp bồi dưỡng cho {c} học viên.",
    "Ủy ban Kiểm tra đã kiểm tra {f} tổ chức đảng và {e} đảng viên, thi hành kỷ luật hai đảng viên.",
    "Nghị quyết Trung ương 4 (khóa XII) được quán triệt tới {e}/{b} chi bộ trong tháng {m}/{y}.",
    "Đến năm 2025, huyện phấn đấu hằng năm kết nạp từ {a} đến {c} đảng viên, 100% chi bộ có chi ủy.",
    "Sáu tháng đầu năm {y}, thu ngân sách trên địa bàn ước đạt {q},{d} tỷ đồng, bằng {p}% dự toán.",
    "Xã đã hỗ trợ {f} hộ nghèo xây nhà, mỗi hộ được 40 triệu đồng; trao {a} suất quà cho gia đình chính sách.",
    "Trong nhiệm kỳ 2015 - 2020, Đảng bộ đã lãnh đạo thực hiện đạt và vượt {f}/{g} chỉ tiêu đề ra.",
    "Thực hiện Nghị quyết Đại hội XII của Đảng và Chỉ thị 05, Đảng ủy phấn đấu đến cuối nhiệm kỳ có {p}% TCCSĐ "
    "hoàn thành tốt nhiệm vụ.",
    "Đến năm 2025, hoàn thành việc kiện toàn {e} chi bộ thôn, bản.",
    "Ban Thường vụ Huyện ủy ban hành Nghị quyết về nâng cao chất lượng sinh hoạt chi bộ giai đoạn {y} - 2025.",
    "Đảng bộ có {b} TCCSĐ, trong đó {e} TCCSĐ được công nhận trong sạch, vững mạnh tiêu biểu.",
)


def long_text(n_sentences: int, per_paragraph: int = 20) -> str:
    """``n_sentences`` synthetic party-building sentences, ``per_paragraph`` to a line (about 90 characters
    each): the input of the long-document benchmark.

    >>> long_text(3).count(".") >= 3
    True
    """
    lines, line = [], []
    for i in range(n_sentences):
        k = i // len(_LONG_SENTENCES)
        values = {"y": 2016 + k % 5, "y0": 2015 + k % 5, "a": 20 + k % 180, "b": 40 + k % 60, "c": 200 + k % 3000,
                  "e": 12 + k % 28, "f": 2 + k % 40, "g": 42 + k % 8, "p": 60 + k % 39, "q": 50 + k % 30,
                  "d": k % 10, "m": 1 + k % 12}
        line.append(_LONG_SENTENCES[i % len(_LONG_SENTENCES)].format(**values))
        if len(line) == per_paragraph:
            lines.append(" ".join(line))
            line = []
    if line:
        lines.append(" ".join(line))
    return "\n".join(lines) + "\n"


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


_LONG_CHILD = """
import json, sys, time
what, n = sys.argv[1], int(sys.argv[2])
from corpus.commands.bench import long_text, sample_texts
from nlp import extract
extract("Năm 2021, Đảng bộ kết nạp được 181 đảng viên và 3 tổ công tác.")   # models load outside the timing
text = long_text(n) if what == "synthetic" else "\\n\\n".join(r["text"] for r in sample_texts(n)[1])
t0, c0 = time.perf_counter(), time.process_time()
ex = extract(text, published="2017-06-15")
print(json.dumps({"seconds": time.perf_counter() - t0, "cpu": time.process_time() - c0,
                  "mb": len(text.encode("utf-8")) / 1e6, "figures": len(ex.figures)}))
"""
LONG_SIZES = (1000, 4000, 16000, 64000)     # sentences of the synthetic long text
LONG_BULK = 2000                            # bulk articles joined into one text (when ../shared is there)


def bench_long(sizes=LONG_SIZES, bulk: int | None = LONG_BULK) -> list[dict]:
    """``nlp.extract`` on one long text of growing size, each in its own process: the synthetic
    party-building sentences of ``long_text`` (1k to 64k sentences, 0.1 to 7.5 MB), then the first
    ``bulk`` articles of the bulk dump joined into one text. Seconds (wall and CPU), CPU seconds per MB,
    peak memory of the process (models included), and for each size against the one before it how
    much the text and the CPU time grew: linear when the two ratios are equal."""
    runs = [("synthetic", n, f"{n:,} sentences") for n in sizes]
    if bulk and _bulk_path():
        runs.append(("bulk", bulk, f"{bulk:,} bulk articles"))
    print(f"long documents: nlp.extract on one text; {os.cpu_count()} cores, load average "
          f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"{'text':<22}{'MB':>7}{'seconds':>9}{'cpu s':>8}{'cpu s/MB':>10}{'peak MB':>9}{'x size':>8}{'x cpu':>7}")
    rows: list[dict] = []
    for what, n, label in runs:
        _, peak, out = _measure([sys.executable, "-c", _LONG_CHILD, what, str(n)])
        row = {"text": label, **json.loads(out), "peak_rss_mb": peak}
        prev = rows[-1] if rows and what == "synthetic" else None
        grow = f"{row['mb'] / prev['mb']:>8.1f}{row['cpu'] / prev['cpu']:>7.1f}" if prev else ""
        print(f"{label:<22}{row['mb']:>7.2f}{row['seconds']:>9.1f}{row['cpu']:>8.1f}{row['cpu'] / row['mb']:>10.2f}"
              f"{peak:>9.0f}{grow}", flush=True)
        rows.append(row)
    return rows


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
    if what in ("extract", "all"):
        print()
        bench_long()
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
    if what == "web":   # the store of --data: publish, then a search and each canned query over HTTP
        sys.path.insert(0, str(ROOT))
        from benchmarks.web_speed import run as web_bench
        web_bench(args.data)
    return 0

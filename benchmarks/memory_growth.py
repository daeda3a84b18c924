"""Peak memory of ``partycorpus import`` and ``partycorpus build`` as the corpus grows.

For each N: a fresh data folder in a temp dir, the first N articles of
``../shared/data/bulk/baomoi-2017.jsonl.gz`` streamed into a temp
``.jsonl.gz``, then ``partycorpus import`` and ``partycorpus build --jobs J``,
each as a subprocess. The resident memory (RSS) of the command's process and
of its whole process tree (main process + build workers) is sampled every
0.2 s. One table is printed; nothing is asserted.

    .venv/bin/python -m benchmarks.memory_growth --n 5000 35440 --jobs 2

``--keep DIR`` keeps each data folder as ``DIR/n<N>`` (to inspect a store);
``--steps import`` measures the import only.
"""
from __future__ import annotations

import argparse
import gzip
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SAMPLE_EVERY = 0.2      # seconds between RSS samples

from corpus.commands.bench import PeakRSS  # noqa: E402  (one sampler for `bench` and this script)


def bulk_path() -> Path:
    shared = Path(os.environ.get("PARTYCORPUS_SHARED") or ROOT.parent / "shared")
    return shared / "data" / "bulk" / "baomoi-2017.jsonl.gz"


def write_first(src: Path, n: int, dest: Path) -> int:
    """Stream the first ``n`` non-empty lines of ``src`` into ``dest`` (gzip); returns how many."""
    count = 0
    with gzip.open(src, "rb") as fin, gzip.open(dest, "wb", compresslevel=1) as fout:
        for line in fin:
            if not line.strip():
                continue
            fout.write(line)
            count += 1
            if count >= n:
                break
    return count


def measure(cmd: list[str], env: dict) -> dict:
    """Run ``cmd``; wall seconds, peak RSS (MB) of the main process and of the process tree."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT, env=env)
    sampler = PeakRSS(proc.pid, every=SAMPLE_EVERY)
    sampler.start()
    out, err = proc.communicate()
    wall = time.perf_counter() - t0
    sampler.stop()
    if proc.returncode:
        last = (err.strip().splitlines() or ["?"])[-1]
        sys.exit(f"{' '.join(cmd[1:])} failed: {last}")
    return {"wall": wall, "main": sampler.main / 2**20, "tree": sampler.tree / 2**20,
            "main_at": sampler.main_at, "out": out.strip()}


def run(ns: list[int], jobs: int, steps: tuple[str, ...], keep: Path | None) -> list[dict]:
    src = bulk_path()
    if not src.is_file():
        sys.exit(f"{src}: not found (needs ../shared)")
    exe = [str(ROOT / ".venv" / "bin" / "python"), "-m", "corpus.cli"]
    rows = []
    for n in ns:
        with tempfile.TemporaryDirectory(prefix=f"memgrowth-{n}-") as tmp:
            tmp = Path(tmp)
            data = tmp / "data"
            sample = tmp / f"baomoi-first-{n}.jsonl.gz"
            got = write_first(src, n, sample)
            env = dict(os.environ, PARTYCORPUS_DATA=str(data))
            for step in steps:
                cmd = exe + ["--data", str(data)]
                cmd += ["import", str(sample), "--site", "baomoi"] if step == "import" else ["build", "--jobs", str(jobs)]
                r = measure(cmd, env)
                r.update(n=got, step=step if step == "import" else f"build --jobs {jobs}")
                store = data / "corpus.duckdb"
                r["store"] = store.stat().st_size / 2**20 if store.exists() else 0.0
                rows.append(r)
                print(f"  {got} {r['step']}: {r['wall']:.1f} s, main {r['main']:.0f} MB "
                      f"(at {r['main_at']:.0f} s), tree {r['tree']:.0f} MB; {r['out'][-160:]}",
                      file=sys.stderr, flush=True)
            if keep is not None:
                dest = keep / f"n{got}"
                shutil.rmtree(dest, ignore_errors=True)
                shutil.copytree(data, dest)
    return rows


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, nargs="+", default=[5000, 35440], help="corpus sizes (articles)")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--steps", default="import,build", help="comma-separated: import, build")
    ap.add_argument("--keep", type=Path, default=None, help="copy each data folder to KEEP/n<N>")
    a = ap.parse_args(argv)
    steps = tuple(s.strip() for s in a.steps.split(",") if s.strip())
    if not set(steps) <= {"import", "build"} or not steps:
        ap.error("--steps: import, build")
    try:
        load = os.getloadavg()[0]
    except OSError:
        load = float("nan")
    rows = run(a.n, a.jobs, steps, a.keep)
    print(f"memory growth (load average at start {load:.1f}; RSS sampled every {SAMPLE_EVERY} s)")
    print(f"{'N':>7}  {'step':<14} {'wall s':>7}  {'peak main MB':>12}  {'peak tree MB':>12}  {'store MB':>8}")
    for r in rows:
        print(f"{r['n']:>7}  {r['step']:<14} {r['wall']:>7.1f}  {r['main']:>12.0f}  {r['tree']:>12.0f}  "
              f"{r['store']:>8.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

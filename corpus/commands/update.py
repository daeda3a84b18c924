"""partycorpus update: crawl --all, build, export (for cron).

The crawl runs as a subprocess of the same CLI (its own process, its own
failures); build and export run even when some sites failed, so what was
fetched is not lost; the exit code is then the crawl's. One update runs at a
time per data folder (``DATA/update.lock``): when cron starts the next one
while the last still runs, it says so in one line and exits with 75
(EX_TEMPFAIL) without touching anything.

>>> # partycorpus --data /srv/partycorpus update --out /srv/partycorpus/export
"""
from __future__ import annotations

import subprocess
import sys

from ..build import run_build
from ..export import export_tables


BUSY_EXIT = 75   # EX_TEMPFAIL: try again later


def run(args) -> int:
    from pathlib import Path

    from filelock import FileLock, Timeout

    from ..errors import UserError

    data = Path(args.data)
    try:
        data.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise UserError(f"--data {data}: cannot use it as the data folder ({e.strerror})") from None
    lock = FileLock(str(data / "update.lock"))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        sys.stderr.write(f"partycorpus update: another update of {data} is still running; skipped\n")
        return BUSY_EXIT
    try:
        return _update(args)
    finally:
        lock.release()


def _update(args) -> int:
    cmd = [sys.executable, "-m", "corpus.cli", "--data", str(args.data), "crawl", "--all"]
    if args.sites_dir:
        cmd += ["--sites-dir", args.sites_dir]
    if getattr(args, "no_polite", False):
        cmd.append("--no-polite")
    crawl_rc = subprocess.call(cmd)
    if crawl_rc != 0:
        sys.stderr.write(f"partycorpus update: warning: crawl exited with {crawl_rc}; building what was fetched\n")
    from crawler.health import degraded, load_runs

    for line in degraded(load_runs(args.data)):   # sites that degraded against their own history
        sys.stderr.write(f"partycorpus update: {line}\n")
    out = run_build(args.data, progress=True)
    sys.stdout.write(f"built {out['built']} of {out['pending']} pending articles\n")
    ex = export_tables(args.data, out=args.out)
    sys.stdout.write(f"exported to {ex['out']} (corpus version {ex['corpus_version']})\n")
    return crawl_rc

"""partycorpus update: crawl --all, build, export (for cron).

The crawl runs as a subprocess of the same CLI (its own process, its own
failures); build and export run even when some sites failed, so what was
fetched is not lost; the exit code is then the crawl's.

>>> # partycorpus --data /srv/partycorpus update --out /srv/partycorpus/export
"""
from __future__ import annotations

import subprocess
import sys

from ..build import run_build
from ..export import export_tables


def run(args) -> int:
    cmd = [sys.executable, "-m", "corpus.cli", "--data", str(args.data), "crawl", "--all"]
    if args.sites_dir:
        cmd += ["--sites-dir", args.sites_dir]
    crawl_rc = subprocess.call(cmd)
    if crawl_rc != 0:
        sys.stderr.write(f"partycorpus update: warning: crawl exited with {crawl_rc}; building what was fetched\n")
    out = run_build(args.data, progress=True)
    sys.stdout.write(f"built {out['built']} of {out['pending']} pending articles\n")
    ex = export_tables(args.data, out=args.out)
    sys.stdout.write(f"exported to {ex['out']} (corpus version {ex['corpus_version']})\n")
    return crawl_rc

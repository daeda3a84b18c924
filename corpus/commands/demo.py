"""partycorpus demo — the main job, offline.

Serves the project's synthetic mirror on 127.0.0.1, crawls it like real
provincial papers, builds the corpus, exports it and prints where the files
and notebooks are.
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ..errors import UserError


def _cli(data: Path, *args: str) -> None:
    cmd = [sys.executable, "-m", "corpus.cli", "--data", str(data), *args]
    t0 = time.perf_counter()
    proc = subprocess.run(cmd)
    if proc.returncode != 0:
        raise UserError(f"step '{' '.join(args[:2])}' failed (exit {proc.returncode}); see the messages above")
    print(f"  [{' '.join(args[:1])}: {time.perf_counter() - t0:.1f} s]", flush=True)


def run(args) -> int:
    from crawler.mirror.server import Mirror

    data = Path(args.data).resolve()
    data.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    with Mirror() as mirror, tempfile.TemporaryDirectory() as tmp:
        sites_dir = mirror.write_site_files(Path(tmp))
        print("Synthetic mirror (written for this project) serving:")
        for site, url in sorted(mirror.base_urls.items()):
            print(f"  {site:<6} {url}")
        print("Crawling the mirror ...", flush=True)
        _cli(data, "crawl", "--all", "--sites-dir", str(sites_dir), "--no-polite")
    print("Building the corpus ...", flush=True)
    _cli(data, "build")
    out = data / "export"
    print("Exporting ...", flush=True)
    _cli(data, "export", "--out", str(out), "--format", "csv", "--format", "parquet", "--format", "xlsx")
    print()
    _cli(data, "stats")
    root = Path(__file__).resolve().parents[2]
    print(f"\nDone in {time.perf_counter() - t0:.0f} s.")
    print(f"  store:     {data / 'corpus.duckdb'}")
    print(f"  exports:   {out}  (csv, parquet, xlsx, datapackage.json)")
    print(f"  notebooks: {root / 'notebooks'}  (PARTYCORPUS_DATA={data} jupyter lab)")
    print("  report:    make report  (executed notebooks as HTML under reports/)")
    print(f"  web view:  partycorpus serve  (Datasette on http://127.0.0.1:8001/, publishes {data / 'publish'} first)")
    return 0


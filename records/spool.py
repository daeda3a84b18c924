"""Reading the crawler's spool files (``DATA/spool/<run_id>-<pid>.jsonl``), one ``Article`` dict a line.

The crawler writes them (``crawler.spool``) and adopts orphans; ``corpus.ingest`` reads them into the store.
"""
from __future__ import annotations

import gzip
import json
import os
import re
from pathlib import Path
from typing import Iterator

from .errors import UserError


def writer_alive(path: Path) -> bool:
    """True when the spool file's writer process (``<run_id>-<pid>.jsonl``) still runs."""
    m = re.search(r"-(\d+)\.jsonl$", path.name)
    if not m:
        return False
    pid = int(m.group(1))
    if pid == os.getpid():
        return False
    try:
        import psutil

        return psutil.pid_exists(pid) and psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except Exception:
        return False


def read_spool_file(path: Path) -> Iterator[dict]:
    """Articles of one spool file (``.jsonl``, or ``.jsonl.gz`` of ``spool/done``); a partial last line
    (writer killed) is skipped."""
    with (gzip.open if str(path).endswith(".gz") else open)(path, "rb") as fh:
        data = fh.read()
    lines = data.split(b"\n")
    for i, raw in enumerate(lines):
        if not raw.strip():
            continue
        last = i == len(lines) - 1  # no newline after it: possibly cut mid-write
        try:
            obj = json.loads(raw)
        except ValueError:
            if last:
                return
            raise UserError(f"{path}:{i + 1}: not a JSON object")
        if not isinstance(obj, dict) or not obj.get("article_id"):
            if last:
                return
            raise UserError(f"{path}:{i + 1}: not an article (no article_id)")
        yield obj

"""One crawl process's shared objects: state, spool, raw archive, run counters.

A ``CrawlSession`` is created by ``crawler.run.run_crawl``, handed to the
spider, and written to ``DATA/crawl/runs/<run_id>.json`` at the end.
"""
from __future__ import annotations

import json
import logging
import os
import secrets
import datetime as dt
from collections import Counter
from dataclasses import asdict
from pathlib import Path

from corpus.schema import CrawlRun, now_iso

from .archive import ArchiveWriter
from .spool import SpoolWriter, adopt_orphan_spools
from .state import CrawlState

log = logging.getLogger("partycorpus.crawl")


def new_run_id() -> str:
    """``20250101T120000Z-1a2b``: UTC start time and a random suffix."""
    return dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ") + "-" + secrets.token_hex(2)


class CrawlSession:
    """State, spool and archive of one crawl process, with the run's counters."""

    def __init__(self, data_dir: str | Path, sites_label: str = "", run_id: str | None = None,
                 retry_failed: bool = False):
        self.data_dir = Path(data_dir)
        self.run_id = run_id or new_run_id()
        self.state = CrawlState(self.data_dir)
        # a crawl killed between a spool line and its state row: the line counts as stored
        adopted = adopt_orphan_spools(self.data_dir, self.state)
        if adopted:
            log.info("%d articles of an interrupted crawl's spool recorded as stored", adopted)
        self.spool = SpoolWriter(self.data_dir, self.run_id)
        self.archive = ArchiveWriter(self.data_dir, self.run_id)
        self.run = CrawlRun(run_id=self.run_id, started=now_iso(), sites=sites_label)
        self.errors: Counter = Counter()
        self.validators: dict[str, tuple[str | None, str | None]] = {}   # article_id -> (etag, last-modified)
        self.aliases: dict[str, list[str]] = {}   # article_id -> canonical URLs that redirected to it
        self.skipped_known = 0
        self.retry_failed = retry_failed   # fetch pages that failed before even if their retry time is not due
        self.skipped_waiting = 0           # failed before, retry time not due: not fetched

    def error(self, reason: str, url: str = "", detail: str = "") -> None:
        """Count a skipped page or failure by reason and log it."""
        self.errors[reason] += 1
        log.info("skip %s: %s %s", reason, url, detail)

    def page_failed(self, reason: str, url: str, detail: str = "", aliases=()) -> None:
        """Count a failed article page and set when it (and the URLs that redirected to it) may be fetched
        again (``CrawlState.record_failure``)."""
        self.error(reason, url, detail)
        urls = [u for u in dict.fromkeys([*aliases, url]) if u]
        if urls:
            with self.state.write() as state:
                for u in urls:
                    state.record_failure(u, reason)

    def should_wait(self, url: str) -> bool:
        """True (and counted) when ``url`` failed before and its retry time is not due."""
        if self.retry_failed or self.state.waiting(url) is None:
            return False
        self.skipped_waiting += 1
        return True

    def close(self, pages: int) -> CrawlRun:
        """Finish the run record, write ``DATA/crawl/runs/<run_id>.json``, close files."""
        self.run.finished = now_iso()
        self.run.pages = int(pages)
        self.spool.close()
        self.archive.close()
        self.state.close()
        record = asdict(self.run)
        record["errors"] = dict(sorted(self.errors.items()))
        record["skipped_known"] = self.skipped_known
        record["skipped_waiting"] = self.skipped_waiting
        record["pid"] = os.getpid()
        folder = self.data_dir / "crawl" / "runs"
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f".{self.run_id}.json.tmp"
        tmp.write_text(json.dumps(record, ensure_ascii=False, indent=2), encoding="utf-8")
        os.replace(tmp, folder / f"{self.run_id}.json")
        self.run.errors = json.dumps(record["errors"], ensure_ascii=False)
        return self.run

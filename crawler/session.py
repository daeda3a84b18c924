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

from records import CrawlRun, now_iso

from .archive import ArchiveWriter
from .register import redis_down_errors
from .spool import SpoolWriter, adopt_orphan_spools
from .state import CrawlState

log = logging.getLogger("partycorpus.crawl")


def new_run_id() -> str:
    """``20250101T120000Z-1a2b``: UTC start time and a random suffix."""
    return dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ") + "-" + secrets.token_hex(2)


class CrawlSession:
    """State, spool and archive of one crawl process, with the run's counters."""

    def __init__(self, data_dir: str | Path, sites_label: str = "", run_id: str | None = None,
                 retry_failed: bool = False, register=None):
        self.data_dir = Path(data_dir)
        self.run_id = run_id or new_run_id()
        self.state = CrawlState(self.data_dir)
        self.register = register   # crawler.register.ArticleRegister in --redis mode: what all machines stored
        # a crawl killed between a spool line and its state row: the line counts as stored
        adopted = adopt_orphan_spools(self.data_dir, self.state, register)
        if adopted:
            log.info("%d articles of an interrupted crawl's spool recorded as stored", adopted)
        if register is not None:   # what this machine stored before (or crawled alone) is known to all
            published = register.raise_to(self.state.registered_rows())
            if published:
                log.info("%d stored articles of this data folder published to the shared register", published)
        self.spool = SpoolWriter(self.data_dir, self.run_id)
        self.archive = ArchiveWriter(self.data_dir, self.run_id)
        self.run = CrawlRun(run_id=self.run_id, started=now_iso(), sites=sites_label)
        self.errors: Counter = Counter()
        self.validators: dict[str, tuple[str | None, str | None]] = {}   # article_id -> (etag, last-modified)
        self.aliases: dict[str, list[str]] = {}   # article_id -> canonical URLs that redirected to it
        self.skipped_known = 0
        self.retry_failed = retry_failed   # fetch pages that failed before even if their retry time is not due
        self.skipped_waiting = 0           # failed before, retry time not due: not fetched
        self.duplicates = 0                # stored by another worker meanwhile (lost compare-and-set)
        self.page_types: dict[str, Counter] = {}   # site -> {article, listing, home, other: pages}
        self.health: dict[str, Counter] = {}       # site -> selector and listing health counts (crawler.health)

    def count_page(self, site: str | None, page_type: str) -> None:
        """Count a fetched page of ``site`` by its type (``crawler.pagetype``)."""
        self.page_types.setdefault(site or "-", Counter())[page_type] += 1

    def count_health(self, site: str | None, what: str, n: int = 1) -> None:
        """Count a health event of ``site`` (``crawler.health.HEALTH_KEYS``)."""
        self.health.setdefault(site or "-", Counter())[what] += n

    def registered(self, urls) -> set[str]:
        """Canonical URLs among ``urls`` that another machine stored (one Redis round trip; empty alone)."""
        if self.register is None:
            return set()
        try:
            return self.register.registered(urls)
        except redis_down_errors() as e:   # Redis away for a while: this machine's state still knows its own
            self.redis_down(e)
            return set()

    def redis_down(self, exc: BaseException) -> None:
        """Count a Redis call that failed (the crawl goes on with what this machine knows)."""
        self.errors["redis_unreachable"] += 1
        log.warning("redis unreachable: %s", exc)

    def record_aliases(self, url: str, aliases) -> bool:
        """When ``url`` is a stored article (here or in the register), record the URLs that redirected to it
        as known too and return True; False for an article not stored yet."""
        from .register import Registered
        from .urls import canonicalize

        row = self.state.known(url)
        stored = Registered(row["version"], row["content_sha1"], row["article_id"]) if row is not None else None
        if self.register is not None:
            try:
                shared = self.register.lookup([url])[canonicalize(url)]
            except redis_down_errors() as e:
                self.redis_down(e)
                shared = None
            if shared is not None and (stored is None or shared.version > stored.version):
                stored = shared
        if stored is None:
            return False
        aliases = [a for a in dict.fromkeys(canonicalize(u) for u in aliases) if a != canonicalize(url)]
        with self.state.write() as state:
            for alias in aliases:
                if state.known(alias) is None:
                    state.upsert(url=alias, site=row["site"] if row is not None else None,
                                 article_id=stored.article_id, content_sha1=stored.content_sha1,
                                 version=stored.version, raw_ref=row["raw_ref"] if row is not None else None)
        if self.register is not None:
            try:
                self.register.raise_to((alias, stored) for alias in aliases)
            except redis_down_errors() as e:   # published at the next run's start (registered_rows)
                self.redis_down(e)
        return True

    def start_listing_walk(self, listing_url: str, site: str | None) -> bool:
        """Count a walk down a listing (in Redis when distributed); True when the previous walk reached its end."""
        if self.register is not None:
            try:
                return self.register.start_listing_walk(listing_url)
            except redis_down_errors() as e:
                self.redis_down(e)
                return False   # walk the listing to its end: nothing below an outage is left behind
        return self.state.start_listing_walk(listing_url, site)

    def finish_listing_walk(self, listing_url: str, pages: int) -> None:
        """Note that a walk down a listing reached its end (in Redis when distributed)."""
        if self.register is not None:
            try:
                self.register.finish_listing_walk(listing_url)
            except redis_down_errors() as e:
                self.redis_down(e)
        else:
            self.state.finish_listing_walk(listing_url, pages)

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
        record["duplicates"] = self.duplicates
        record["page_types"] = {k: dict(sorted(v.items())) for k, v in sorted(self.page_types.items())}
        record["health"] = {k: dict(sorted(v.items())) for k, v in sorted(self.health.items())}
        record["pid"] = os.getpid()
        folder = self.data_dir / "crawl" / "runs"
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f".{self.run_id}.json.tmp"
        tmp.write_text(json.dumps(record, ensure_ascii=False, indent=2), encoding="utf-8")
        os.replace(tmp, folder / f"{self.run_id}.json")
        self.run.errors = json.dumps(record["errors"], ensure_ascii=False)
        return self.run

"""Crawler state in ``DATA/crawl/state.sqlite``: which article URLs are stored,
with their validators (ETag, Last-Modified), content sha1, article_id and version.

The state row of an article is written only after its spool line is fsynced,
inside one SQLite write transaction (shared by cooperating processes), so a
crawl killed at any moment resumes without losing or duplicating an article.

>>> # state = CrawlState("data"); state.known("https://baolangson.vn/bai-viet-123.html")
"""
from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock

from corpus.schema import now_iso

from .urls import canonicalize

_SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    canonical_url TEXT PRIMARY KEY,
    url TEXT,
    site TEXT,
    article_id TEXT NOT NULL,
    etag TEXT,
    last_modified TEXT,
    content_sha1 TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    raw_ref TEXT,
    first_seen TEXT,
    last_fetched TEXT
);
CREATE INDEX IF NOT EXISTS articles_by_id ON articles(article_id);
"""


class CrawlState:
    """Seen article URLs and their versions (one SQLite file, safe for several processes).

    >>> # CrawlState(tmp).known("https://baoquangninh.vn/chi-bo-moi-12345.html") is None
    """

    def __init__(self, data_dir: str | Path):
        self.path = Path(data_dir) / "crawl" / "state.sqlite"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # Switching a fresh file to WAL and creating the schema can answer
        # SQLITE_BUSY at once, without waiting, when two processes start
        # together: one process at a time sets the file up.
        with FileLock(str(self.path) + ".init.lock", timeout=120):
            self.con = sqlite3.connect(str(self.path), timeout=60, isolation_level=None, check_same_thread=False)
            self.con.row_factory = sqlite3.Row
            self.con.execute("PRAGMA journal_mode=WAL")
            self.con.execute("PRAGMA synchronous=FULL")
            self.con.executescript(_SCHEMA)

    def known(self, url: str) -> sqlite3.Row | None:
        """The state row of an article URL (any tracking-parameter variant), or None."""
        return self.con.execute("SELECT * FROM articles WHERE canonical_url = ?", (canonicalize(url),)).fetchone()

    def count(self) -> int:
        return self.con.execute("SELECT count(*) FROM articles").fetchone()[0]

    @contextmanager
    def write(self):
        """One exclusive write transaction (other processes wait)."""
        self.con.execute("BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        else:
            self.con.execute("COMMIT")

    def upsert(self, *, url: str, site: str | None, article_id: str, content_sha1: str, version: int,
               etag: str | None = None, last_modified: str | None = None, raw_ref: str | None = None) -> None:
        """Record a stored article version (call inside ``write()``, after the spool line is synced)."""
        now = now_iso()
        self.con.execute(
            "INSERT INTO articles (canonical_url, url, site, article_id, etag, last_modified, content_sha1, version,"
            " raw_ref, first_seen, last_fetched) VALUES (?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(canonical_url) DO UPDATE SET"
            " url=excluded.url, etag=excluded.etag, last_modified=excluded.last_modified,"
            " content_sha1=excluded.content_sha1, version=excluded.version, raw_ref=excluded.raw_ref,"
            " last_fetched=excluded.last_fetched",
            (canonicalize(url), url, site, article_id, etag, last_modified, content_sha1, version, raw_ref, now, now))

    def touch(self, url: str, etag: str | None = None, last_modified: str | None = None) -> None:
        """Note an unchanged re-fetch (new validators, fetch time)."""
        self.con.execute(
            "UPDATE articles SET last_fetched = ?, etag = coalesce(?, etag), last_modified = coalesce(?, last_modified)"
            " WHERE canonical_url = ?", (now_iso(), etag, last_modified, canonicalize(url)))

    def close(self) -> None:
        # The last connection to close checkpoints and removes the WAL file,
        # which must not race with another process setting the file up.
        with FileLock(str(self.path) + ".init.lock", timeout=120):
            self.con.close()

"""Crawler state in ``DATA/crawl/state.sqlite``: which article URLs are stored,
with their validators (ETag, Last-Modified), content sha1, article_id and version.

The state row of an article is written only after its spool line is fsynced,
inside one SQLite write transaction (shared by cooperating processes), so a
crawl killed at any moment resumes without losing or duplicating an article.

>>> # state = CrawlState("data"); state.known("https://baolangson.vn/bai-viet-123.html")
"""
from __future__ import annotations

import datetime as dt
import sqlite3
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock

from records import UserError, now_iso

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
CREATE TABLE IF NOT EXISTS failures (
    canonical_url TEXT PRIMARY KEY,
    url TEXT,
    reason TEXT NOT NULL,
    failures INTEGER NOT NULL,
    first_failed TEXT,
    last_failed TEXT,
    retry_after TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS listings (
    listing_url TEXT PRIMARY KEY,
    site TEXT,
    walks_started INTEGER NOT NULL DEFAULT 0,
    walks_finished INTEGER NOT NULL DEFAULT 0,
    last_started TEXT,
    last_finished TEXT,
    last_pages INTEGER
);
"""

# Failures that a later fetch rarely cures (the page is gone, is not HTML, is
# too large, loops): retried after a week, then 2, 4 … weeks, at most 90 days.
# Others (5xx, timeouts, lost connections) are retried after 6 hours, then 12,
# 24 … hours, at most 7 days. A daily crawl thus retries a flaky page the next
# day and a dead link rarely; ``crawl --retry-failed`` ignores the wait.
LASTING_FAILURES = frozenset({
    "http_400", "http_401", "http_403", "http_404", "http_410", "http_451", "not_html", "oversized",
    "redirect_loop", "robots_disallowed", "empty_page", "empty_body", "malformed_html", "not_article",
})


def retry_delay(reason: str, failures: int) -> dt.timedelta:
    """How long to wait before fetching a page again after ``failures`` failures in a row.

    >>> retry_delay("http_404", 1), retry_delay("http_404", 2), retry_delay("http_404", 9)
    (datetime.timedelta(days=7), datetime.timedelta(days=14), datetime.timedelta(days=90))
    >>> retry_delay("timeout", 1), retry_delay("http_503", 10)
    (datetime.timedelta(seconds=21600), datetime.timedelta(days=7))
    """
    n = max(1, int(failures)) - 1
    if reason in LASTING_FAILURES:
        return min(dt.timedelta(days=7) * 2 ** min(n, 8), dt.timedelta(days=90))
    return min(dt.timedelta(hours=6) * 2 ** min(n, 8), dt.timedelta(days=7))


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
            try:
                self.con.execute("PRAGMA journal_mode=WAL")
                self.con.execute("PRAGMA synchronous=FULL")
                self.con.executescript(_SCHEMA)
            except sqlite3.OperationalError as e:   # a full disk, a file size limit, a read-only folder
                self.con.close()
                raise UserError(f"cannot write {self.path}: {e} (is the disk full or the folder read-only?)") \
                    from None

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

    def forget(self, urls) -> int:
        """Drop the article rows of ``urls`` (pages found not to be articles); call inside ``write()``."""
        n = 0
        for url in urls:
            n += self.con.execute("DELETE FROM articles WHERE canonical_url = ?", (canonicalize(url),)).rowcount
        return n

    def adopt_spooled(self, articles) -> int:
        """Record articles of a spool file whose writer died between writing a line and committing its
        state row, so the next crawl does not fetch them again; returns how many rows were added or raised.

        A row already at the article's version (or newer) is left as it is.
        """
        adopted = 0
        with self.write():
            for art in articles:
                url = art.get("url")
                if not url or not art.get("content_sha1"):
                    continue
                version = int(art.get("version") or 1)
                row = self.known(url)
                if row is not None and row["version"] >= version:
                    continue
                self.upsert(url=url, site=art.get("site"), article_id=art["article_id"],
                            content_sha1=art["content_sha1"], version=version, raw_ref=art.get("raw_ref"))
                adopted += 1
        return adopted

    def registered_rows(self):
        """(url, ``crawler.register.Registered``) of every stored article URL (to publish to the shared register)."""
        from .register import Registered

        for r in self.con.execute("SELECT canonical_url, version, content_sha1, article_id FROM articles"
                                  " WHERE content_sha1 IS NOT NULL").fetchall():
            yield r[0], Registered(int(r[1]), r[2], r[3])

    def merge_rows(self, rows) -> int:
        """Take article rows of another machine's crawl state (dicts with the ``articles`` columns); a row
        replaces ours only at a higher version. Returns how many rows were added or raised.

        >>> # CrawlState("data").merge_rows(CrawlState.read_rows("may-b/crawl/state.sqlite"))
        """
        cols = ("canonical_url", "url", "site", "article_id", "etag", "last_modified", "content_sha1", "version",
                "raw_ref", "first_seen", "last_fetched")
        merged = 0
        with self.write():
            for row in rows:
                cur = self.con.execute("SELECT version FROM articles WHERE canonical_url = ?",
                                       (row["canonical_url"],)).fetchone()
                if cur is not None and cur[0] >= int(row["version"]):
                    continue
                self.con.execute(f"INSERT OR REPLACE INTO articles ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                                 tuple(row.get(c) for c in cols))
                merged += 1
        return merged

    @staticmethod
    def read_rows(path: str | Path) -> list[dict]:
        """The article rows of a crawl state file, read without writing to it (another machine's folder)."""
        uri = Path(path).resolve().as_uri()
        for mode in ("mode=ro", "immutable=1"):   # read-only; immutable when the folder is not writable
            try:
                con = sqlite3.connect(f"{uri}?{mode}", uri=True)
                try:
                    con.row_factory = sqlite3.Row
                    return [dict(r) for r in con.execute("SELECT * FROM articles")]
                finally:
                    con.close()
            except sqlite3.Error as e:
                error = e
        raise error

    def touch(self, url: str, etag: str | None = None, last_modified: str | None = None) -> None:
        """Note an unchanged re-fetch (new validators, fetch time)."""
        self.con.execute(
            "UPDATE articles SET last_fetched = ?, etag = coalesce(?, etag), last_modified = coalesce(?, last_modified)"
            " WHERE canonical_url = ?", (now_iso(), etag, last_modified, canonicalize(url)))

    # -- listing walks ------------------------------------------------------------------
    def start_listing_walk(self, listing_url: str, site: str | None) -> bool:
        """Count a new walk down a listing's pages; True when the previous walk reached its end.

        Only then may this walk stop at the first page without unseen articles: after
        a first crawl, a killed one or a listing page that failed, the pages below
        may still hold articles never fetched, so the walk goes on to the end.
        """
        with self.write():
            row = self.con.execute("SELECT walks_started, walks_finished FROM listings WHERE listing_url = ?",
                                   (listing_url,)).fetchone()
            clean = row is not None and row["walks_started"] > 0 and row["walks_finished"] == row["walks_started"]
            self.con.execute(
                "INSERT INTO listings (listing_url, site, walks_started, last_started) VALUES (?,?,1,?)"
                " ON CONFLICT(listing_url) DO UPDATE SET walks_started = walks_started + 1,"
                " last_started = excluded.last_started", (listing_url, site, now_iso()))
        return clean

    def finish_listing_walk(self, listing_url: str, pages: int) -> None:
        """Note that a walk down a listing reached its end (or the known articles, or max_pages)."""
        with self.write():
            self.con.execute("UPDATE listings SET walks_finished = walks_started, last_finished = ?, last_pages = ?"
                             " WHERE listing_url = ?", (now_iso(), int(pages), listing_url))

    # -- failed pages ------------------------------------------------------------------
    def record_failure(self, url: str, reason: str, now: dt.datetime | None = None) -> None:
        """Note a failed fetch of an article page (call inside ``write()``); sets when to retry it."""
        now = now or dt.datetime.now(dt.timezone.utc)
        key = canonicalize(url)
        row = self.con.execute("SELECT failures, reason FROM failures WHERE canonical_url = ?", (key,)).fetchone()
        count = (row["failures"] + 1) if row is not None else 1
        stamp = now.strftime("%Y-%m-%dT%H:%M:%SZ")
        retry = (now + retry_delay(reason, count)).strftime("%Y-%m-%dT%H:%M:%SZ")
        self.con.execute(
            "INSERT INTO failures (canonical_url, url, reason, failures, first_failed, last_failed, retry_after)"
            " VALUES (?,?,?,?,?,?,?) ON CONFLICT(canonical_url) DO UPDATE SET url=excluded.url,"
            " reason=excluded.reason, failures=excluded.failures, last_failed=excluded.last_failed,"
            " retry_after=excluded.retry_after", (key, url, reason, count, stamp, stamp, retry))

    def waiting(self, url: str, now: dt.datetime | None = None) -> sqlite3.Row | None:
        """The failure row of a page that must not be fetched yet (its retry time is in the future), or None."""
        now = now or dt.datetime.now(dt.timezone.utc)
        return self.con.execute("SELECT * FROM failures WHERE canonical_url = ? AND retry_after > ?",
                                (canonicalize(url), now.strftime("%Y-%m-%dT%H:%M:%SZ"))).fetchone()

    def has_failed(self, url: str) -> bool:
        """True when the page failed at its last fetch (it is not an unseen page, whatever its retry time)."""
        return self.con.execute("SELECT 1 FROM failures WHERE canonical_url = ?",
                                (canonicalize(url),)).fetchone() is not None

    def clear_failure(self, url: str) -> None:
        """Forget the failures of a page that was fetched and stored (call inside ``write()``)."""
        self.con.execute("DELETE FROM failures WHERE canonical_url = ?", (canonicalize(url),))

    def failure_counts(self) -> dict[str, int]:
        """Pages waiting for a retry, by their last failure reason."""
        return {r[0]: r[1] for r in self.con.execute(
            "SELECT reason, count(*) FROM failures GROUP BY reason ORDER BY reason")}

    def close(self) -> None:
        # The last connection to close checkpoints and removes the WAL file,
        # which must not race with another process setting the file up.
        with FileLock(str(self.path) + ".init.lock", timeout=120):
            self.con.close()

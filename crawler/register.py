"""The shared article register of a distributed crawl (``crawl --redis``): which article URLs any
machine has stored, in one Redis hash, so machines with their own data folders never fetch an
article page that another one stored.

``partycorpus:articles`` maps a canonical URL to ``"<version> <content_sha1> <article_id>"``. A
worker reads the row, fsyncs its spool line, then commits with a compare-and-set script (the row
must still be what it read): the register never names an article whose spool line is not durable.
A lost compare-and-set means another worker stored the same URL meanwhile; the spool line is then a
duplicate that ``partycorpus merge`` upserts idempotently.

Walks down listing pages are counted in Redis too (``partycorpus:listings:*``), once per run (the run
id the workers share, ``crawler.run.RedisWorkers.run_id``): the pages of one walk may be fetched by
workers on different machines. ``KnownRedirectMiddleware`` drops a redirect to a stored article and
records the old URL, so an old link costs no second fetch here or on another machine.

>>> # reg = ArticleRegister(redis.Redis()); reg.registered(["https://baolangson.vn/chi-bo-1.html"])  -> set()
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from .urls import canonicalize

DEFAULT_PREFIX = "partycorpus"

# KEYS[1] hash; ARGV[1] the row read before (empty: there was none); ARGV[2] the new row; ARGV[3..] URLs.
# The first URL's row decides; aliases (URLs that redirected to the article) get the same row.
_COMPARE_AND_SET = """
local cur = redis.call('HGET', KEYS[1], ARGV[3])
if (cur == false and ARGV[1] ~= '') or (cur ~= false and cur ~= ARGV[1]) then return 0 end
for i = 3, #ARGV do redis.call('HSET', KEYS[1], ARGV[i], ARGV[2]) end
return 1
"""

# KEYS[1] hash; ARGV pairs (url, row): each row is set when the URL is absent or has a lower version.
_RAISE = """
local n = 0
for i = 1, #ARGV, 2 do
  local cur = redis.call('HGET', KEYS[1], ARGV[i])
  local new_version = tonumber(string.match(ARGV[i + 1], '^(%d+)'))
  if cur == false or tonumber(string.match(cur, '^(%d+)')) < new_version then
    redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
    n = n + 1
  end
end
return n
"""

# KEYS[1] walks started, KEYS[2] walks finished, KEYS[3] run of the current walk, KEYS[4] its mode (hashes by
# listing URL); ARGV[1] listing URL, ARGV[2] run id. Returns 1 when the previous walk reached its end (the rule
# of CrawlState.start_listing_walk): the walk may stop at the first page without unseen articles. Every worker
# of a run fetches the listing's first page; the first one counts the walk, the others join it in its mode.
_START_WALK = """
if redis.call('HGET', KEYS[3], ARGV[1]) == ARGV[2] then
  return tonumber(redis.call('HGET', KEYS[4], ARGV[1]) or '0')
end
local started = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '0')
local finished = tonumber(redis.call('HGET', KEYS[2], ARGV[1]) or '0')
local clean = 0
if started > 0 and finished == started then clean = 1 end
redis.call('HINCRBY', KEYS[1], ARGV[1], 1)
redis.call('HSET', KEYS[3], ARGV[1], ARGV[2])
redis.call('HSET', KEYS[4], ARGV[1], clean)
return clean
"""
_FINISH_WALK = """
local started = redis.call('HGET', KEYS[1], ARGV[1])
if started then redis.call('HSET', KEYS[2], ARGV[1], started) end
return 1
"""


@dataclass(frozen=True)
class Registered:
    """One register row: the stored version of an article URL."""

    version: int
    content_sha1: str
    article_id: str

    def encode(self) -> str:
        return f"{self.version} {self.content_sha1} {self.article_id}"

    @classmethod
    def decode(cls, raw: bytes | str | None) -> "Registered | None":
        """A row from its Redis value; None for an absent (or unreadable) one.

        >>> Registered.decode(b"2 da39a3ee 3f0c1b")
        Registered(version=2, content_sha1='da39a3ee', article_id='3f0c1b')
        """
        if raw is None:
            return None
        if isinstance(raw, bytes):
            raw = raw.decode("utf-8")
        parts = raw.split(" ", 2)
        if len(parts) != 3 or not parts[0].isdigit():
            return None
        return cls(int(parts[0]), parts[1], parts[2])


class ArticleRegister:
    """Stored article URLs of all machines of a distributed crawl, in Redis.

    >>> # reg = ArticleRegister(redis.Redis.from_url("redis://10.0.0.5:6379/0"))
    >>> # reg.lookup(["https://baoquangninh.vn/chi-bo-moi-12345.html"])   -> {url: Registered | None}
    """

    def __init__(self, client, prefix: str = DEFAULT_PREFIX):
        self.client = client
        self.key = f"{prefix}:articles"
        self.walks_started = f"{prefix}:listings:started"
        self.walks_finished = f"{prefix}:listings:finished"
        self.walk_runs = f"{prefix}:listings:run"
        self.walk_modes = f"{prefix}:listings:mode"
        self.run_id: str | None = None   # shared by the workers of one run (RedisWorkers.run_id); None: this process
        self._cas = client.register_script(_COMPARE_AND_SET)
        self._raise = client.register_script(_RAISE)
        self._start_walk = client.register_script(_START_WALK)
        self._finish_walk = client.register_script(_FINISH_WALK)

    # -- reading ---------------------------------------------------------------------
    def lookup_raw(self, urls: Iterable[str]) -> dict[str, bytes | None]:
        """Canonical URL -> raw row (None when absent), in one round trip (HMGET)."""
        canon = list(dict.fromkeys(canonicalize(u) for u in urls))
        if not canon:
            return {}
        return dict(zip(canon, self.client.hmget(self.key, canon)))

    def lookup(self, urls: Iterable[str]) -> dict[str, Registered | None]:
        """Canonical URL -> ``Registered`` row or None, in one round trip."""
        return {u: Registered.decode(v) for u, v in self.lookup_raw(urls).items()}

    def registered(self, urls: Iterable[str]) -> set[str]:
        """The canonical URLs among ``urls`` that some machine has stored (one round trip)."""
        return {u for u, v in self.lookup_raw(urls).items() if v is not None}

    def count(self) -> int:
        return int(self.client.hlen(self.key))

    # -- writing -----------------------------------------------------------------------
    def compare_and_set(self, urls: list[str], expected: bytes | str | None, row: Registered) -> bool:
        """Set ``row`` for ``urls`` (the article URL first, then its aliases) only when the first URL's row
        is still ``expected`` (None: absent). False when another worker stored that URL meanwhile.

        Call only after the article's spool line is durable.
        """
        if isinstance(expected, bytes):
            expected = expected.decode("utf-8")
        canon = list(dict.fromkeys(canonicalize(u) for u in urls))
        return bool(self._cas(keys=[self.key], args=[expected or "", row.encode(), *canon]))

    def raise_to(self, rows: Iterable[tuple[str, Registered]], chunk: int = 1000) -> int:
        """Record (URL, row) pairs whose URL is absent or at a lower version; returns how many were set.

        Used for spool lines whose writer died before its compare-and-set, and to publish what a
        machine's crawl state knows when it joins.
        """
        n, args = 0, []
        for url, row in rows:
            args += [canonicalize(url), row.encode()]
            if len(args) >= 2 * chunk:
                n += int(self._raise(keys=[self.key], args=args))
                args = []
        if args:
            n += int(self._raise(keys=[self.key], args=args))
        return n

    # -- listing walks -------------------------------------------------------------------
    def start_listing_walk(self, listing_url: str) -> bool:
        """Count a new walk down a listing (once per run, whichever worker fetched its first page); True when
        the previous walk (by any machine) reached its end."""
        if self.run_id is None:
            import secrets

            self.run_id = secrets.token_hex(8)
        return bool(self._start_walk(keys=[self.walks_started, self.walks_finished, self.walk_runs, self.walk_modes],
                                     args=[listing_url, self.run_id]))

    def finish_listing_walk(self, listing_url: str) -> None:
        """Note that the current walk down a listing reached its end (or the known articles, or max_pages)."""
        self._finish_walk(keys=[self.walks_started, self.walks_finished], args=[listing_url])


class KnownArticle(Exception):
    """A redirect led to an article already stored (here or on another machine): not fetched again."""


def redis_down_errors() -> tuple[type[BaseException], ...]:
    """The exceptions of a Redis that cannot be reached (a distributed crawl rides them out)."""
    import redis

    return (redis.ConnectionError, redis.TimeoutError, ConnectionError, TimeoutError)


class KnownRedirectMiddleware:
    """Downloader middleware: drops a request that a redirect made for an article page already stored
    (in this data folder's state or the shared register), and records the URLs that redirected to it as
    known. An old URL reached by a link of another page would otherwise cost a second fetch of the
    article on every crawl (or on every machine). Sites that revalidate their articles are left alone.
    """

    def __init__(self, crawler=None):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_request(self, request, spider=None):
        from scrapy.exceptions import IgnoreRequest

        spider = spider or getattr(self.crawler, "spider", None)
        session = getattr(spider, "session", None)
        moved = request.meta.get("redirect_urls")
        if not moved or session is None or request.meta.get("kind") not in ("article", "page"):
            return None
        sites = getattr(spider, "sites", None) or {}
        site = sites.get(request.meta.get("site_id")) or getattr(spider, "site", None) or {}
        if site.get("revalidate"):
            return None
        url = canonicalize(request.url)
        if not session.record_aliases(url, moved):
            return None
        session.skipped_known += 1
        raise IgnoreRequest(f"{KnownArticle.__name__}: {url} is stored")

"""Run one crawl in this process (Scrapy ``CrawlerProcess``; one crawl per process).

>>> # run_crawl("data", sites=load_sites(), polite=True)   -> CrawlRun with counts
"""
from __future__ import annotations

import logging
from pathlib import Path

from records import UserError

from .register import ArticleRegister
from .session import CrawlSession
from .settings import REDIS_REGISTER_PREFIX, crawl_settings

log = logging.getLogger("partycorpus.crawl")


def _redis_client(url: str):
    import redis

    try:
        client = redis.Redis.from_url(url, socket_connect_timeout=5)
        client.ping()
    except (redis.RedisError, ValueError) as e:
        raise UserError(f"--redis {url}: cannot reach Redis ({e})") from None
    return client


# Workers are members of a sorted set scored by the time their lease ends (Redis server time, so machines
# with skewed clocks agree). Every script first drops the members whose lease ended: a worker killed with
# SIGKILL (or its machine lost) stops renewing and is counted out after LEASE_SECONDS. A worker joining
# a set with no live member clears what a dead run left (queue and dupefilter): the crawl state already
# knows every stored article, and a stale dupefilter would hide listing pages from the new run. The last
# worker out deletes the set, the queue and the dupefilter; each step is one atomic script, so a worker
# joining at that moment never loses its first requests.
LEASE_SECONDS = 90
HEARTBEAT_SECONDS = 15

_PRUNE = """
local now = redis.call('TIME')
local t = tonumber(now[1]) + tonumber(now[2]) / 1e6
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', t)
"""
_JOIN_SCRIPT = _PRUNE + """
if redis.call('ZCARD', KEYS[1]) == 0 then redis.call('DEL', unpack(KEYS)) end
redis.call('ZADD', KEYS[1], t + tonumber(ARGV[2]), ARGV[1])
redis.call('EXPIRE', KEYS[1], 2 * tonumber(ARGV[2]))
return redis.call('ZCARD', KEYS[1])
"""
_RENEW_SCRIPT = _PRUNE + """
redis.call('ZADD', KEYS[1], t + tonumber(ARGV[2]), ARGV[1])
redis.call('EXPIRE', KEYS[1], 2 * tonumber(ARGV[2]))
return redis.call('ZCARD', KEYS[1])
"""
_LEAVE_SCRIPT = _PRUNE + """
redis.call('ZREM', KEYS[1], ARGV[1])
local left = redis.call('ZCARD', KEYS[1])
if left == 0 then redis.call('DEL', unpack(KEYS)) end
return left
"""


class RedisWorkers:
    """The cooperating processes of a distributed crawl, as leases in Redis; the last one out clears
    the shared queue and dupefilter, and a dead one (no renewal for ``lease`` seconds) is counted out.

    ``join()`` must run before the process touches the queue (``run_crawl`` calls it before the crawl
    starts, not from a Scrapy signal: signal receivers are weak references, a lambda would be
    collected and never run). A process that left early must not clear what others still use.
    A background thread renews the lease every ``heartbeat`` seconds until ``leave()``.

    >>> # w = RedisWorkers(redis.Redis(), "partycorpus-sites"); w.join(); ...; w.leave()  -> workers left
    """

    def __init__(self, client, spider_name: str, *, lease: float = LEASE_SECONDS,
                 heartbeat: float | None = HEARTBEAT_SECONDS):
        import os
        import secrets
        import socket
        import threading

        from .settings import REDIS_DUPEFILTER_KEY, REDIS_QUEUE_KEY, REDIS_RUN_KEY, REDIS_WORKERS_KEY

        names = {"spider": spider_name}
        self.client = client
        self.key = REDIS_WORKERS_KEY % names
        self.shared_keys = [REDIS_QUEUE_KEY % names, REDIS_DUPEFILTER_KEY % names, REDIS_RUN_KEY % names]
        self.spider_name = spider_name
        self.member = f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(4)}"
        self.lease = float(lease)
        self.heartbeat = heartbeat
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def _run(self, script: str) -> int:
        return int(self.client.eval(script, 1 + len(self.shared_keys), self.key, *self.shared_keys,
                                    self.member, self.lease))

    def join(self) -> int:
        """Count this process in (clearing a dead run's queue when no live worker is left); returns the
        number of live workers now."""
        n = self._run(_JOIN_SCRIPT)
        if self.heartbeat and self._thread is None:
            import threading

            self._stop.clear()
            self._thread = threading.Thread(target=self._renew_loop, name="partycorpus-redis-lease", daemon=True)
            self._thread.start()
        return n

    def run_id(self) -> str:
        """The id shared by the workers of the current run (set by the first one; call after ``join()``):
        a new run starts when no live worker is left."""
        self.client.set(self.shared_keys[2], self.member, nx=True)
        return (self.client.get(self.shared_keys[2]) or self.member.encode()).decode()

    def renew(self) -> int:
        """Extend this process's lease; returns the number of live workers."""
        return self._run(_RENEW_SCRIPT)

    def _renew_loop(self) -> None:
        import logging

        while not self._stop.wait(self.heartbeat):
            try:
                self.renew()
            except Exception as e:   # Redis briefly unreachable: try again at the next beat
                logging.getLogger("partycorpus.crawl").warning("redis lease not renewed: %s", e)

    def leave(self) -> int:
        """Count this process out; the last one deletes the shared keys. Returns the workers left."""
        if self._thread is not None:
            self._stop.set()
            self._thread.join(10)
            self._thread = None
        return self._run(_LEAVE_SCRIPT)


def run_crawl(data_dir: str | Path, *, sites: dict[str, dict] | None = None, start_url: str | None = None,
              province: str | None = None, max_pages: int | None = None, polite: bool = True,
              redis_url: str | None = None, retry_failed: bool = False):
    """Crawl the given sites (or one site generically from ``start_url``); returns the ``CrawlSession``.

    The run record is written to ``DATA/crawl/runs/<run_id>.json``; articles are in the spool.

    >>> # s = run_crawl("data", start_url="https://baolangson.vn/chinh-tri", province="lang-son", max_pages=50)
    """
    from scrapy.crawler import CrawlerProcess

    from .spiders.generic import GenericSpider
    from .spiders.site import SiteSpider

    if start_url:
        spider_cls, kwargs, label = GenericSpider, {"start_url": start_url, "province": province}, start_url
        if max_pages is None:
            max_pages = 1000
    else:
        spider_cls, kwargs, label = SiteSpider, {"sites": sites or {}}, ",".join(sorted(sites or {}))
    settings = crawl_settings(polite=polite, redis_url=redis_url, max_pages=max_pages)
    client = _redis_client(redis_url) if redis_url else None
    workers = RedisWorkers(client, spider_cls.name) if client else None
    register = ArticleRegister(client, REDIS_REGISTER_PREFIX) if client else None
    session = CrawlSession(data_dir, sites_label=label, retry_failed=retry_failed, register=register)
    settings["LOG_INSTALL_ROOT_HANDLER"] = True
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(spider_cls)
    if workers:
        workers.join()   # before the crawl opens the shared queue; left in the finally below
        register.run_id = workers.run_id()   # one walk down each listing per run, whichever workers fetch it
    try:
        process.crawl(crawler, session=session, **kwargs)
        process.start()
    finally:
        if workers:
            try:
                workers.leave()
            except Exception as e:   # Redis gone at the end: the lease runs out by itself
                log.warning("redis unreachable when leaving the crawl: %s", e)
        stats = crawler.stats.get_stats() if crawler.stats else {}
        pages = stats.get("response_received_count", 0)
        session.close(pages)
        session.stats = stats
    return session

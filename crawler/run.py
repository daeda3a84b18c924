"""Run one crawl in this process (Scrapy ``CrawlerProcess``; one crawl per process).

>>> # run_crawl("data", sites=load_sites(), polite=True)   -> CrawlRun with counts
"""
from __future__ import annotations

import logging
from pathlib import Path

from corpus.errors import UserError

from .session import CrawlSession
from .settings import crawl_settings

log = logging.getLogger("partycorpus.crawl")


def _redis_client(url: str):
    import redis

    try:
        client = redis.Redis.from_url(url, socket_connect_timeout=5)
        client.ping()
    except (redis.RedisError, ValueError) as e:
        raise UserError(f"--redis {url}: cannot reach Redis ({e})") from None
    return client


# DECR the worker count; the last worker out (count <= 0) deletes the counter, queue and dupefilter,
# in one atomic step so that a worker joining at that moment never loses its first requests.
_LEAVE_SCRIPT = """
local left = redis.call('DECR', KEYS[1])
if left <= 0 then redis.call('DEL', unpack(KEYS)) end
return left
"""


class RedisWorkers:
    """Counts the cooperating processes of a distributed crawl in Redis; the last one out clears the
    shared queue and dupefilter.

    ``join()`` must run before the process touches the queue (``run_crawl`` calls it before the crawl
    starts, not from a Scrapy signal: signal receivers are weak references, a lambda would be
    collected and never run). A process that left early must not clear what others still use.

    >>> # w = RedisWorkers(redis.Redis(), "partycorpus-sites"); w.join(); ...; w.leave()  -> workers left
    """

    def __init__(self, client, spider_name: str):
        from .settings import REDIS_DUPEFILTER_KEY, REDIS_QUEUE_KEY, REDIS_WORKERS_KEY

        names = {"spider": spider_name}
        self.client = client
        self.key = REDIS_WORKERS_KEY % names
        self.shared_keys = [REDIS_QUEUE_KEY % names, REDIS_DUPEFILTER_KEY % names]
        self.spider_name = spider_name

    def join(self) -> int:
        """Count this process in; returns the number of workers now."""
        pipe = self.client.pipeline()
        pipe.incr(self.key)
        pipe.expire(self.key, 24 * 3600)
        return int(pipe.execute()[0])

    def leave(self) -> int:
        """Count this process out; the last one deletes the shared keys. Returns the workers left."""
        return int(self.client.eval(_LEAVE_SCRIPT, 1 + len(self.shared_keys), self.key, *self.shared_keys))


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
    workers = RedisWorkers(_redis_client(redis_url), spider_cls.name) if redis_url else None
    session = CrawlSession(data_dir, sites_label=label, retry_failed=retry_failed)
    settings["LOG_INSTALL_ROOT_HANDLER"] = True
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(spider_cls)
    if workers:
        workers.join()   # before the crawl opens the shared queue; left in the finally below
    try:
        process.crawl(crawler, session=session, **kwargs)
        process.start()
    finally:
        if workers:
            workers.leave()
        stats = crawler.stats.get_stats() if crawler.stats else {}
        pages = stats.get("response_received_count", 0)
        session.close(pages)
        session.stats = stats
    return session

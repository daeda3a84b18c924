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


class _RedisWorkers:
    """Counts cooperating processes in Redis; the last one to finish clears the shared queue and dupefilter."""

    def __init__(self, client, spider_name: str):
        self.client = client
        self.key = f"partycorpus:{spider_name}:workers"
        self.spider_name = spider_name

    def join(self) -> None:
        self.client.incr(self.key)
        self.client.expire(self.key, 24 * 3600)

    def leave(self) -> None:
        left = self.client.decr(self.key)
        if left <= 0:
            self.client.delete(self.key, f"{self.spider_name}:requests", f"{self.spider_name}:dupefilter")


def run_crawl(data_dir: str | Path, *, sites: dict[str, dict] | None = None, start_url: str | None = None,
              province: str | None = None, max_pages: int | None = None, polite: bool = True,
              redis_url: str | None = None):
    """Crawl the given sites (or one site generically from ``start_url``); returns the ``CrawlSession``.

    The run record is written to ``DATA/crawl/runs/<run_id>.json``; articles are in the spool.

    >>> # s = run_crawl("data", start_url="https://baolangson.vn/chinh-tri", province="lang-son", max_pages=50)
    """
    from scrapy import signals
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
    workers = _RedisWorkers(_redis_client(redis_url), spider_cls.name) if redis_url else None
    session = CrawlSession(data_dir, sites_label=label)
    settings["LOG_INSTALL_ROOT_HANDLER"] = True
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(spider_cls)
    if workers:
        crawler.signals.connect(lambda *a, **k: workers.join(), signal=signals.spider_opened)
    process.crawl(crawler, session=session, **kwargs)
    try:
        process.start()
    finally:
        if workers:
            workers.leave()
        stats = crawler.stats.get_stats() if crawler.stats else {}
        pages = stats.get("response_received_count", 0)
        session.close(pages)
        session.stats = stats
    return session

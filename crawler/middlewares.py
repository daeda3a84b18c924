"""Downloader middlewares of the crawl.

``RetryBackoffMiddleware`` waits before a retried request goes out:
``PARTYCORPUS_RETRY_BACKOFF * 2**(retry_times-1)`` seconds (Scrapy's retry
middleware re-schedules at once). Used as ``DOWNLOADER_MIDDLEWARES``.
"""
from __future__ import annotations


class RetryBackoffMiddleware:
    """Exponential backoff for retried requests (meta ``retry_times`` set by Scrapy's RetryMiddleware)."""

    def __init__(self, base: float):
        self.base = base

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.settings.getfloat("PARTYCORPUS_RETRY_BACKOFF", 2.0))

    async def process_request(self, request, spider=None):
        n = request.meta.get("retry_times", 0)
        if n and self.base > 0:
            from twisted.internet import reactor
            from twisted.internet.task import deferLater

            from scrapy.utils.defer import maybe_deferred_to_future

            await maybe_deferred_to_future(deferLater(reactor, self.base * 2 ** (n - 1), lambda: None))
        return None

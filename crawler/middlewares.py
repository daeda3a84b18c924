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


class RedirectLoopMiddleware:
    """Drops a redirect that leads back to where it came from (counted as ``redirect_loop``).

    Scrapy's duplicate filter would drop a loop silently. Redirects seen in this
    process are remembered, so a loop is found even when its URLs were reached
    from different links. Runs before RedirectMiddleware.
    """

    def __init__(self):
        self.redirects: dict[str, str] = {}

    def process_response(self, request, response, spider=None):
        if response.status in (301, 302, 303, 307, 308) and b"Location" in response.headers:
            from urllib.parse import urljoin

            from scrapy.exceptions import IgnoreRequest

            from .urls import canonicalize

            source = canonicalize(request.url)
            target = canonicalize(urljoin(request.url, response.headers[b"Location"].decode("latin-1")))
            self.redirects[source] = target
            chain = {canonicalize(u) for u in request.meta.get("redirect_urls", [])} | {source}
            url = target
            for _ in range(30):
                if url in chain:
                    raise IgnoreRequest(f"max redirections reached (redirect loop back to {url})")
                if url not in self.redirects:
                    break
                chain.add(url)
                url = self.redirects[url]
        return response

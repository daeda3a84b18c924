"""Scrapy settings of a partycorpus crawl, polite by default.

Politeness: robots.txt obeyed (always, even with ``polite=False``), AutoThrottle,
2 concurrent requests per domain, a download delay, an identifying User-Agent
``partycorpus/<version> (+contact)`` (contact from ``PARTYCORPUS_CONTACT``),
retries with backoff, a 5 MB size limit, timeouts. ``polite=False`` is for
local mirrors: no delay, no throttle, more concurrency.

>>> crawl_settings(polite=True)["CONCURRENT_REQUESTS_PER_DOMAIN"]
2
"""
from __future__ import annotations

import os

DEFAULT_CONTACT = "https://github.com/partycorpus/partycorpus"
# Redis keys shared by the processes of one distributed crawl (``%(spider)s`` is the spider's name)
REDIS_QUEUE_KEY = "%(spider)s:requests"
REDIS_DUPEFILTER_KEY = "%(spider)s:dupefilter"
REDIS_WORKERS_KEY = "partycorpus:%(spider)s:workers"
REDIS_RUN_KEY = "partycorpus:%(spider)s:run"   # the id the workers of one run share (listing walks)
# The shared article register and listing walks (``crawler.register``): kept between runs, unlike the
# queue. ``PARTYCORPUS_REDIS_PREFIX`` gives one Redis several independent corpora.
REDIS_REGISTER_PREFIX = os.environ.get("PARTYCORPUS_REDIS_PREFIX", "partycorpus")


def package_version() -> str:
    try:
        from importlib.metadata import version

        return version("partycorpus")
    except Exception:
        return "0"


def user_agent(contact: str | None = None) -> str:
    """``partycorpus/0.1.0 (+contact)``; contact from the argument, ``PARTYCORPUS_CONTACT`` or the project page.

    >>> user_agent("mailto:nhom-nghien-cuu@example.org")
    'partycorpus/0.1.0 (+mailto:nhom-nghien-cuu@example.org)'
    """
    contact = contact or os.environ.get("PARTYCORPUS_CONTACT") or DEFAULT_CONTACT
    return f"partycorpus/{package_version()} (+{contact})"


def _env_int(name: str, default: int) -> int:
    try:
        return int(os.environ.get(name, default))
    except ValueError:
        return default


def _env_float(name: str, default: float) -> float:
    try:
        return float(os.environ.get(name, default))
    except ValueError:
        return default


def crawl_settings(*, polite: bool = True, redis_url: str | None = None, max_pages: int | None = None,
                   contact: str | None = None) -> dict:
    """Settings dict for ``CrawlerProcess``.

    Environment knobs (for tests and odd sites): ``PARTYCORPUS_DOWNLOAD_MAXSIZE`` (bytes, default 5 MB),
    ``PARTYCORPUS_DOWNLOAD_TIMEOUT`` (s, default 30), ``PARTYCORPUS_LOG_LEVEL`` (default WARNING),
    ``PARTYCORPUS_DOWNLOAD_DELAY`` (s, default 1.0 when polite).

    >>> crawl_settings(polite=False)["ROBOTSTXT_OBEY"]
    True
    """
    maxsize = _env_int("PARTYCORPUS_DOWNLOAD_MAXSIZE", 5 * 1024 * 1024)
    s = {
        "BOT_NAME": "partycorpus",
        "USER_AGENT": user_agent(contact),
        "ROBOTSTXT_OBEY": True,
        "ROBOTSTXT_USER_AGENT": "partycorpus",
        "COOKIES_ENABLED": False,
        "TELNETCONSOLE_ENABLED": False,
        "LOG_LEVEL": os.environ.get("PARTYCORPUS_LOG_LEVEL", "WARNING"),
        "CONCURRENT_REQUESTS": 16,
        "CONCURRENT_REQUESTS_PER_DOMAIN": 2 if polite else 8,
        "DOWNLOAD_DELAY": _env_float("PARTYCORPUS_DOWNLOAD_DELAY", 1.0) if polite else 0,
        "AUTOTHROTTLE_ENABLED": polite,
        "AUTOTHROTTLE_START_DELAY": 2.0,
        "AUTOTHROTTLE_MAX_DELAY": 60.0,
        "AUTOTHROTTLE_TARGET_CONCURRENCY": 1.0,
        "DOWNLOAD_TIMEOUT": _env_int("PARTYCORPUS_DOWNLOAD_TIMEOUT", 30),
        "DOWNLOAD_MAXSIZE": maxsize,
        "DOWNLOAD_WARNSIZE": min(1024 * 1024, maxsize // 2),
        "REDIRECT_MAX_TIMES": 10,
        "RETRY_ENABLED": True,
        "RETRY_TIMES": 2,
        "RETRY_HTTP_CODES": [500, 502, 503, 504, 522, 524, 408, 429],
        "PARTYCORPUS_RETRY_BACKOFF": 2.0 if polite else 0.05,   # seconds, doubled per retry
        "DOWNLOADER_MIDDLEWARES": {"crawler.middlewares.RetryBackoffMiddleware": 540,
                                   "crawler.middlewares.RedirectLoopMiddleware": 650,
                                   "crawler.register.KnownRedirectMiddleware": 560},
        "ITEM_PIPELINES": {"crawler.pipelines.StorePipeline": 300},
        "HTTPERROR_ALLOWED_CODES": [304],
        "DEPTH_PRIORITY": 0,
    }
    if max_pages:
        s["CLOSESPIDER_PAGECOUNT"] = int(max_pages)
    if redis_url:
        s.update({
            "SCHEDULER": "crawler.scheduler.ResilientScheduler",   # scrapy-redis, riding out a Redis outage
            "DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter",
            "REDIS_URL": redis_url,
            "SCHEDULER_PERSIST": True,          # the last worker out clears the queue (crawler.run)
            "SCHEDULER_IDLE_BEFORE_CLOSE": 0,
            "SCHEDULER_QUEUE_KEY": REDIS_QUEUE_KEY,
            "SCHEDULER_DUPEFILTER_KEY": REDIS_DUPEFILTER_KEY,
        })
    return s

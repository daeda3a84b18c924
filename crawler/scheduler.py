"""The distributed crawl's scheduler: scrapy-redis, riding out a Redis that goes away for a while.

While Redis cannot be reached, requests the crawl schedules wait in this process (and go to the shared
queue when Redis is back), ``next_request`` answers "nothing yet", and the crawl stays open. When Redis
stays away longer than ``PARTYCORPUS_REDIS_OUTAGE`` seconds (default 120), the crawl closes: what was
stored is in the spool and the crawl state, and the next run goes on from there.

>>> # settings["SCHEDULER"] = "crawler.scheduler.ResilientScheduler"   (crawler.settings does this)
"""
from __future__ import annotations

import logging
import os
import time
from collections import deque

from scrapy_redis.scheduler import Scheduler

from .register import redis_down_errors

log = logging.getLogger("partycorpus.crawl")


class ResilientScheduler(Scheduler):
    """``scrapy_redis.scheduler.Scheduler`` that holds requests locally while Redis is unreachable."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._held: deque = deque()
        self._down_since: float | None = None
        self.outage_limit = float(os.environ.get("PARTYCORPUS_REDIS_OUTAGE", 120))

    def _down(self, exc: BaseException) -> None:
        if self._down_since is None:
            self._down_since = time.monotonic()
            log.warning("redis unreachable, holding requests in this process: %s", exc)

    def _up(self) -> None:
        if self._down_since is not None:
            log.warning("redis is back after %.0f s; %d held requests go to the shared queue",
                        time.monotonic() - self._down_since, len(self._held))
            self._down_since = None
        while self._held:
            request = self._held[0]
            super().enqueue_request(request)
            self._held.popleft()

    def gave_up(self) -> bool:
        return self._down_since is not None and time.monotonic() - self._down_since > self.outage_limit

    def enqueue_request(self, request):
        try:
            self._up()
            return super().enqueue_request(request)
        except redis_down_errors() as e:
            self._down(e)
            self._held.append(request)
            return True

    def next_request(self):
        try:
            self._up()
            return super().next_request()
        except redis_down_errors() as e:
            self._down(e)
            return None

    def has_pending_requests(self):
        try:
            return bool(self._held) or super().has_pending_requests()
        except redis_down_errors() as e:
            self._down(e)
            if self.gave_up():
                log.error("redis unreachable for more than %.0f s: closing this crawl; the next run resumes",
                          self.outage_limit)
                return False
            return True

    def close(self, reason):
        try:
            super().close(reason)
        except redis_down_errors() as e:
            log.warning("redis unreachable when the crawl closed: %s", e)

"""Item pipeline: an ``Article`` from a spider goes to the spool, then to the state.

Inside one SQLite write transaction: compare the content sha1 with the stored
version; unchanged -> counted, nothing written; new or changed -> the spool
line is written and fsynced, then the state row (version, validators) is
committed. A kill between the two leaves a spool line whose (article_id,
version) the store upserts idempotently; nothing is lost.

Distributed (``crawl --redis``): the shared register (``crawler.register``) is
the version every machine agrees on. Its row is read, the spool line fsynced,
then the row is committed by compare-and-set; a lost compare-and-set (another
worker stored the URL meanwhile) is counted as a duplicate. The local state
row is still written (validators, this machine's incremental crawls).
"""
from __future__ import annotations

from records import Article


class StorePipeline:
    """Writes new and changed articles of the crawl session (``spider.session``)."""

    def process_item(self, item, spider=None):
        spider = spider or getattr(self, "_spider", None)
        if not isinstance(item, Article):
            return item
        session = spider.session
        etag, last_modified = session.validators.pop(item.article_id, (None, None))
        aliases = session.aliases.pop(item.article_id, [])
        register = session.register
        with session.state.write() as state:
            row = state.known(item.url)
            known = (row["version"], row["content_sha1"]) if row is not None else None
            reachable = register is not None
            if register is not None:
                from .register import Registered, redis_down_errors

                try:
                    expected = next(iter(register.lookup_raw([item.url]).values()))
                except redis_down_errors() as e:   # stored here; published at the next run's start
                    session.redis_down(e)
                    reachable = False
                shared = Registered.decode(expected) if reachable else None
                if shared is not None and (known is None or shared.version >= known[0]):
                    known = (shared.version, shared.content_sha1)
            if known is not None and known[1] == item.content_sha1:
                if row is not None:
                    state.touch(item.url, etag, last_modified)
                state.clear_failure(item.url)
                session.run.unchanged += 1
                return item
            item.version = (known[0] + 1) if known is not None else 1
            session.spool.write(item)   # durable before any state or register row names it
            won = True
            if reachable:
                try:
                    won = register.compare_and_set([item.url, *aliases], expected,
                                                   Registered(item.version, item.content_sha1, item.article_id))
                except redis_down_errors() as e:
                    session.redis_down(e)
            state.clear_failure(item.url)
            for url in [item.url, *aliases]:
                state.upsert(url=url, site=item.site, article_id=item.article_id, content_sha1=item.content_sha1,
                             version=item.version, etag=etag, last_modified=last_modified, raw_ref=item.raw_ref)
        if not won:   # another worker stored this URL meanwhile: our line is a duplicate merge upserts once
            session.duplicates += 1
        elif known is None:
            session.run.new += 1
            session.count_health(item.site, "new_articles")
        else:
            session.run.changed += 1
        return item

    @classmethod
    def from_crawler(cls, crawler):
        obj = cls()
        obj._crawler = crawler
        return obj

    def open_spider(self, spider=None):
        self._spider = spider or self._crawler.spider

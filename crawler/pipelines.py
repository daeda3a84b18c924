"""Item pipeline: an ``Article`` from a spider goes to the spool, then to the state.

Inside one SQLite write transaction: compare the content sha1 with the stored
version; unchanged -> counted, nothing written; new or changed -> the spool
line is written and fsynced, then the state row (version, validators) is
committed. A kill between the two leaves a spool line whose (article_id,
version) the store upserts idempotently; nothing is lost.
"""
from __future__ import annotations

from corpus.schema import Article


class StorePipeline:
    """Writes new and changed articles of the crawl session (``spider.session``)."""

    def process_item(self, item, spider=None):
        spider = spider or getattr(self, "_spider", None)
        if not isinstance(item, Article):
            return item
        session = spider.session
        etag, last_modified = session.validators.pop(item.article_id, (None, None))
        aliases = session.aliases.pop(item.article_id, [])
        with session.state.write() as state:
            row = state.known(item.url)
            if row is not None and row["content_sha1"] == item.content_sha1:
                state.touch(item.url, etag, last_modified)
                state.clear_failure(item.url)
                session.run.unchanged += 1
                return item
            item.version = (row["version"] + 1) if row is not None else 1
            session.spool.write(item)
            state.clear_failure(item.url)
            for url in [item.url, *aliases]:
                state.upsert(url=url, site=item.site, article_id=item.article_id, content_sha1=item.content_sha1,
                             version=item.version, etag=etag, last_modified=last_modified, raw_ref=item.raw_ref)
        if row is None:
            session.run.new += 1
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

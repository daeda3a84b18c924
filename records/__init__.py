"""Records the crawler and the corpus both use, defined once below both.

``crawler`` writes ``Article`` lines to its spool and ``CrawlRun`` files;
``corpus`` stores them (``corpus.schema`` re-exports these names and derives
table columns from them). Nothing here imports ``crawler`` or ``corpus``.

>>> Article(article_id="a1", title="Đại hội chi bộ").version
1
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .errors import UserError
from .spool import read_spool_file, writer_alive

__all__ = ["Article", "CrawlRun", "UserError", "now_iso", "read_spool_file", "writer_alive"]


def _f(doc: str, default=None, **kw):
    """A dataclass field with a description (used by table docs and datapackage.json)."""
    if "default_factory" in kw:
        return field(metadata={"doc": doc}, **kw)
    return field(default=default, metadata={"doc": doc}, **kw)


@dataclass
class Article:
    """One news article as crawled or imported.

    ``article_id`` is stable: a hash of the canonical URL, or
    ``{site}:{id}`` for imported collections.
    """

    article_id: str = _f("stable id: sha1(canonical url)[:16] or '{site}:{id}' for imports")
    url: str | None = _f("address of the article page")
    site: str | None = _f("site id (crawler/sites/<id>.yaml) or collection name")
    province: str | None = _f("province slug of the site or given at import (63-province map)")
    title: str | None = _f("headline")
    sapo: str | None = _f("lead paragraph")
    text: str = _f("clean body, NFC-normalised; mention offsets index it", default="")
    published: str | None = _f("publication date YYYY-MM-DD")
    author: str | None = _f("byline")
    section: str | None = _f("site section")
    fetched_at: str | None = _f("ISO timestamp of the fetch")
    raw_ref: str | None = _f("'warc/<file>.warc.gz#<offset>' or 'import:<path>#<line>'")
    crawl_run: str | None = _f("crawl run id that stored this version")
    content_sha1: str | None = _f("sha1 of title, sapo and text (changes bump version)")
    version: int = _f("1 for the first stored text; bumped when a changed page is stored again", default=1)
    credit: str | None = _f("news agency or paper the article is credited to ('Theo TTXVN'), kept apart from the author")


@dataclass
class CrawlRun:
    run_id: str = _f("crawl run id")
    started: str = _f("ISO start time")
    finished: str | None = _f("ISO end time")
    sites: str | None = _f("site ids crawled, comma separated")
    pages: int = _f("pages fetched", default=0)
    new: int = _f("new articles", default=0)
    changed: int = _f("changed articles", default=0)
    unchanged: int = _f("unchanged articles", default=0)
    errors: str | None = _f("JSON {reason: count}")


def now_iso() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()

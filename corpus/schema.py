"""The corpus records, defined once. Table schemas derive from these dataclasses.

The crawler yields ``Article``; ``corpus.store`` writes it; mentions come from
``nlp`` and are stored with provenance (article, sentence, extractor version).
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
import datetime as dt

SCHEMA_VERSION = 1


@dataclass
class Article:
    """One news article as crawled or imported.

    ``article_id`` is stable: a hash of the canonical URL, or
    ``{site}:{id}`` for imported collections.
    """

    article_id: str
    url: str | None = None
    site: str | None = None
    province: str | None = None        # slug, 63-province map (e.g. "lam-dong")
    title: str | None = None
    sapo: str | None = None
    text: str = ""                     # clean body (NFC-normalised at ingest); mention offsets index it
    published: str | None = None       # YYYY-MM-DD
    author: str | None = None
    section: str | None = None
    fetched_at: str | None = None      # ISO timestamp
    raw_ref: str | None = None         # "warc/<file>.warc.gz#<offset>" or "import:<path>#<line>"
    crawl_run: str | None = None
    content_sha1: str | None = None
    version: int = 1                   # bumped when a changed page is stored again


@dataclass
class CrawlRun:
    run_id: str
    started: str
    finished: str | None = None
    sites: str | None = None
    pages: int = 0
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    errors: str | None = None          # JSON {reason: count}


def table_columns(cls) -> list[tuple[str, str]]:
    """(column, duckdb type) pairs derived from a dataclass."""
    out = []
    for f in fields(cls):
        t = str(f.type)
        if "int" in t and "str" not in t:
            sql = "BIGINT"
        elif "float" in t:
            sql = "DOUBLE"
        elif "bool" in t:
            sql = "BOOLEAN"
        else:
            sql = "VARCHAR"
        out.append((f.name, sql))
    return out


def now_iso() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()

"""Stored pages that are not articles (home, listing, tag pages stored by older crawls): marked and left out.

``mark_non_articles(data_dir, pages)`` moves each such page from ``articles`` (and every table derived from it:
mentions, indicator values, reprint links, signatures, build records, search terms) to the
``non_articles`` table, with its page type and the reason, so builds, exports and notebooks no longer
see it while nothing is lost. ``partycorpus rebuild`` calls it with what ``crawler.rebuild`` classified.

>>> # mark_non_articles("data", [{"article_id": "3f0c…", "url": "https://…/", "page_type": "home", "reason": "…"}])
"""
from __future__ import annotations

from .schema import TABLES, now_iso, table_columns
from .store import Store

CREATE = ("CREATE TABLE IF NOT EXISTS non_articles (article_id VARCHAR PRIMARY KEY, url VARCHAR, site VARCHAR, "
          "page_type VARCHAR, reason VARCHAR, title VARCHAR, text VARCHAR, marked_at VARCHAR)")


def _article_tables() -> list[str]:
    return [name for name, cls in TABLES.items()
            if name != "articles" and any(c == "article_id" for c, _ in table_columns(cls))]


def mark_non_articles(data_dir, pages: list[dict]) -> dict[str, int]:
    """Move the stored ``pages`` (dicts with article_id, page_type, reason) out of the corpus; returns
    the count marked per page type (pages not in the store are ignored)."""
    counts: dict[str, int] = {}
    if not pages:
        return counts
    with Store(data_dir, write=True) as store:
        with store.transaction():
            store.sql(CREATE)
            for page in pages:
                row = store.sql("SELECT url, site, title, text FROM articles WHERE article_id = ?",
                                [page["article_id"]]).fetchall()
                if not row:
                    continue
                url, site, title, text = row[0]
                store.sql("INSERT OR REPLACE INTO non_articles VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                          [page["article_id"], url, site, page["page_type"], page.get("reason"), title, text,
                           now_iso()])
                counts[page["page_type"]] = counts.get(page["page_type"], 0) + 1
            ids = [p["article_id"] for p in pages]
            for table in _article_tables():
                store.delete_for_articles(table, ids)
            store.delete_for_articles("articles", ids)
            if "reprint_links" in TABLES:
                for aid in ids:
                    store.sql("DELETE FROM reprint_links WHERE original_id = ?", [aid])
    return counts


def marked_counts(data_dir) -> dict[str, int]:
    """Pages marked as non-articles, by page type (empty for a store without any)."""
    with Store(data_dir) as store:
        if "non_articles" not in {r[0] for r in store.sql("SELECT table_name FROM information_schema.tables")
                                  .fetchall()}:
            return {}
        return dict(store.sql("SELECT page_type, count(*) FROM non_articles GROUP BY 1 ORDER BY 1").fetchall())

"""Re-create articles from the raw archive with the current extraction (no network).

The newest archived response of each article is extracted again (site
selectors, then ``crawler.extraction.extract_article``) and written to the
spool; ``corpus.ingest.ingest_spool`` then stores what changed as a new version.

Pages that are not articles (``crawler.pagetype``: home, listing, other) are not spooled; they are
returned in ``non_articles`` so that ``partycorpus rebuild`` marks the ones a store holds.

>>> # rebuild_from_archive("data")  -> {"records": 31, "articles": 30, "spooled": 30, "non_articles": [...], ...}
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

from .archive import iter_records
from .pagetype import classify_page
from .session import CrawlSession


def rebuild_from_archive(data_dir: str | Path) -> dict:
    """Spool every archived article again, extracted with the current code; returns counts."""
    from scrapy.http import HtmlResponse

    from .spiders.base import _extract_article, build_article, selector_fields
    from .urls import article_id

    latest: dict[str, dict] = {}
    counts: Counter = Counter()
    for rec in iter_records(data_dir):
        counts["records"] += 1
        if rec["status"] != 200 or not rec["url"]:
            continue
        latest[article_id(rec["url"])] = {k: rec[k] for k in ("raw_ref", "url", "headers", "site", "section")}
    session = CrawlSession(data_dir, sites_label="rebuild")
    non_articles: list[dict] = []   # archived pages that are not articles (stored by an older crawl, perhaps)
    try:
        for aid, rec in latest.items():
            from .archive import read_record

            full = read_record(data_dir, rec["raw_ref"])
            headers = {k: v for k, v in full["headers"]}
            response = HtmlResponse(full["url"], status=200, headers=headers, body=full["body"])
            site = full["site"] or {}
            try:
                got = _extract_article(response.text, response.url, site or None)
                sel = selector_fields(response, site)
            except Exception as e:
                session.error("malformed_html", response.url, f"{type(e).__name__}: {e}")
                continue
            # a site file's URL patterns said "article": only the page can overrule them (as in the spider)
            configured = bool(site.get("article_url_patterns"))   # a site file, not a generic crawl
            page_type, why = classify_page(response.text, None if configured else response.url, got)
            if configured and page_type == "other" and got.get("is_article"):
                page_type = "article"
            session.count_page(site.get("id"), page_type)
            if page_type != "article" or not (got.get("body") or "").strip():
                session.error("not_article", response.url, got.get("reason") or why)
                non_articles.append({"article_id": aid, "url": response.url, "page_type": page_type,
                                     "reason": got.get("reason") or why})
                continue
            art = build_article(response.url, site, got, sel, province=site.get("province"),
                                section=full.get("section"), raw_ref=rec["raw_ref"], run_id=session.run_id)
            with session.state.write() as state:
                row = state.known(art.url)
                same = row is not None and row["content_sha1"] == art.content_sha1
                art.version = row["version"] if same else ((row["version"] + 1) if row is not None else 1)
                session.spool.write(art)
                state.upsert(url=art.url, site=art.site, article_id=art.article_id, content_sha1=art.content_sha1,
                             version=art.version, etag=row["etag"] if row is not None else None,
                             last_modified=row["last_modified"] if row is not None else None, raw_ref=rec["raw_ref"])
            if row is None:
                session.run.new += 1
            elif same:
                session.run.unchanged += 1
            else:
                session.run.changed += 1
        if non_articles:   # not known as articles any more: a generic crawl fetches them again for their links
            with session.state.write() as state:
                state.forget([p["url"] for p in non_articles])
    finally:
        session.close(pages=0)
    return {"records": counts["records"], "articles": len(latest), "spooled": session.spool.lines,
            "new": session.run.new, "changed": session.run.changed, "unchanged": session.run.unchanged,
            "errors": dict(session.errors), "run_id": session.run_id, "non_articles": non_articles}

"""partycorpus stats: articles by site, province and year; extraction coverage;
missing fields; reprints; crawl runs.

>>> # partycorpus --data data/demo stats
"""
from __future__ import annotations

import sys

from ..store import Store


def _rows(store, q, params=None):
    return store.sql(q, params).fetchall()


def collect(data_dir) -> dict:
    """The numbers ``stats`` prints, as a dict (also handy in notebooks)."""
    with Store(data_dir) as s:
        one = lambda q: s.sql(q).fetchall()[0][0]  # noqa: E731
        st = {"store": str(s.path), "schema": s.schema_version()}
        st["articles"] = one("SELECT count(*) FROM articles")
        st["old_versions"] = one("SELECT count(*) FROM article_versions")
        st["by_site"] = _rows(s, "SELECT coalesce(site, '-'), count(*) FROM articles GROUP BY 1 ORDER BY 2 DESC, 1")
        st["by_province"] = _rows(s, "SELECT coalesce(b.province, a.province, '-'), count(*) FROM articles a "
                                     "LEFT JOIN build_records b USING (article_id) GROUP BY 1 ORDER BY 2 DESC, 1")
        st["by_year"] = _rows(s, "SELECT coalesce(substr(published, 1, 4), '-'), count(*) FROM articles "
                                 "GROUP BY 1 ORDER BY 1")
        st["built"] = one("SELECT count(*) FROM articles a JOIN build_records b USING (article_id) "
                          "WHERE b.content_sha1 = a.content_sha1")
        st["errors"] = one("SELECT count(*) FROM build_records WHERE error IS NOT NULL")
        st["versions"] = _rows(s, "SELECT extractor_version, codebook_version, count(*) FROM build_records "
                                  "GROUP BY ALL ORDER BY 3 DESC")
        st["mentions"] = {t: one(f"SELECT count(*) FROM {t}") for t in
                          ("directive_mentions", "figure_mentions", "target_mentions", "documents", "indicator_values")}
        st["missing"] = dict(zip(
            ("title", "text", "published", "url", "site province (national outlets)", "author",
             "attributed province (built)"),
            s.sql("SELECT count(*) FILTER (WHERE coalesce(title, '') = ''), count(*) FILTER (WHERE text = ''), "
                  "count(*) FILTER (WHERE published IS NULL), count(*) FILTER (WHERE url IS NULL), "
                  "count(*) FILTER (WHERE province IS NULL), count(*) FILTER (WHERE author IS NULL), "
                  "(SELECT count(*) FROM build_records WHERE province IS NULL) "
                  "FROM articles").fetchall()[0]))
        st["reprints"] = _rows(s, "SELECT method, count(*) FROM reprint_links GROUP BY 1 ORDER BY 1")
        st["crawl_runs"] = _rows(s, "SELECT run_id, started, finished, sites, pages, new, changed, unchanged, errors "
                                    "FROM crawl_runs ORDER BY started DESC NULLS LAST, run_id DESC LIMIT 5")
        st["n_crawl_runs"] = one("SELECT count(*) FROM crawl_runs")
    st["failed_pages"] = failed_pages(data_dir)
    st["page_types"], st["site_warnings"] = crawl_health(data_dir)
    from ..nonarticles import marked_counts

    st["non_articles"] = marked_counts(data_dir)
    return st


def crawl_health(data_dir) -> tuple[dict[str, dict[str, int]], list[str]]:
    """Fetched pages per site by type (article, listing, home, other) over all crawl runs, and warning
    lines for sites that degraded against their own history (``crawler.health.degraded``)."""
    from collections import Counter

    from crawler.health import degraded, load_runs

    runs = load_runs(data_dir)
    types: dict[str, Counter] = {}
    for r in runs:
        for site, counts in (r.get("page_types") or {}).items():
            types.setdefault(site, Counter()).update(counts)
    return {k: dict(sorted(v.items())) for k, v in sorted(types.items())}, degraded(runs)


def failed_pages(data_dir) -> dict[str, int]:
    """Pages of the crawl state waiting for a retry, by last failure reason (empty without a crawl state)."""
    import sqlite3
    from pathlib import Path

    path = Path(data_dir) / "crawl" / "state.sqlite"
    if not path.exists():
        return {}
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)
        try:
            return dict(con.execute("SELECT reason, count(*) FROM failures GROUP BY 1 ORDER BY 1").fetchall())
        finally:
            con.close()
    except sqlite3.Error:   # an older state without the table, or a state being set up
        return {}


def _table(rows, limit=20) -> str:
    lines = [f"  {k:<28} {v:>8}" for k, v in rows[:limit]]
    if len(rows) > limit:
        lines.append(f"  … {len(rows) - limit} more")
    return "\n".join(lines)


def run(args) -> int:
    st = collect(args.data)
    n = st["articles"]
    out = [f"store {st['store']} (schema {st['schema']})",
           f"articles: {n} (older versions kept: {st['old_versions']})",
           "by site:", _table(st["by_site"]),
           "by province (attributed):", _table(st["by_province"]),
           "by year:", _table(st["by_year"], limit=40),
           f"extraction: {st['built']} of {n} built, {n - st['built']} pending, {st['errors']} errors"]
    for ext, cb, k in st["versions"]:
        out.append(f"  extractor {ext} codebook {cb}: {k} articles")
    out.append("mentions: " + ", ".join(f"{k} {v}" for k, v in st["mentions"].items()))
    out.append("missing fields: " + ", ".join(f"{k} {v}" for k, v in st["missing"].items()))
    rep = sum(k for _, k in st["reprints"])
    out.append(f"reprints: {rep}" + (" (" + ", ".join(f"{m} {k}" for m, k in st["reprints"]) + ")" if rep else ""))
    out.append(f"crawl runs: {st['n_crawl_runs']}")
    for run_id, started, finished, sites, pages, new, changed, unchanged, errors in st["crawl_runs"]:
        out.append(f"  {run_id} {started or '-'} -> {finished or 'unfinished'} sites={sites or '-'} pages={pages} "
                   f"new={new} changed={changed} unchanged={unchanged} errors={errors or '{}'}")
    if st["page_types"]:
        out.append("pages fetched by type (non-articles are followed for links, never stored):")
        for site, counts in st["page_types"].items():
            out.append(f"  {site:<28} " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    if st.get("non_articles"):
        out.append("stored pages marked as not articles (left out): "
                   + ", ".join(f"{k} {v}" for k, v in st["non_articles"].items()))
    out.extend(st["site_warnings"])
    failed = st["failed_pages"]
    out.append(f"pages that failed and wait for a retry: {sum(failed.values())}"
               + (" (" + ", ".join(f"{k} {v}" for k, v in failed.items()) + ")" if failed else ""))
    sys.stdout.write("\n".join(out) + "\n")
    return 0

"""partycorpus crawl — configured sites (``--site ID`` / ``--all``) or any site (``--start-url``).

Runs Scrapy in this process, prints a one-paragraph summary, then ingests the
spool into the store (``corpus.ingest.ingest_spool``).

>>> # partycorpus crawl --site baolangson --max-pages 100
>>> # partycorpus crawl --start-url https://baolangson.vn/chinh-tri --province lang-son
"""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from ..errors import UserError

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def choose_sites(args) -> dict | None:
    """The site files the arguments ask for (None for a generic ``--start-url`` crawl)."""
    if args.start_url:
        return None
    from crawler.sites import load_sites

    sites = load_sites(args.sites_dir)
    if args.all:
        return sites
    unknown = [s for s in args.site if s not in sites]
    if unknown:
        raise UserError(f"unknown site id {', '.join(repr(u) for u in unknown)}; known: {', '.join(sorted(sites))}")
    return {sid: sites[sid] for sid in args.site}


def check_args(args) -> None:
    if args.start_url:
        p = urlsplit(args.start_url)
        if p.scheme not in ("http", "https") or not p.hostname:
            raise UserError(f"--start-url {args.start_url!r}: expected an http(s) URL")
    if args.province is not None and not _SLUG.match(args.province):
        raise UserError(f"--province {args.province!r}: expected a slug like 'lang-son'")
    if args.max_pages is not None and args.max_pages < 1:
        raise UserError("--max-pages must be a positive number")
    if args.redis and not args.redis.startswith(("redis://", "rediss://", "unix://")):
        raise UserError(f"--redis {args.redis!r}: expected redis://HOST:PORT/DB")


def summary(session) -> str:
    run = session.run
    errors = dict(sorted(session.errors.items()))
    err = ", ".join(f"{k} {v}" for k, v in errors.items()) or "none"
    return (f"Crawl {run.run_id} of {run.sites or '-'}: {run.pages} pages fetched, {run.new} new articles, "
            f"{run.changed} changed, {run.unchanged} unchanged, {session.skipped_known} known article links "
            f"skipped, {session.skipped_waiting} failed earlier and not yet due for a retry"
            + (f", {session.duplicates} stored by another worker at the same moment" if session.duplicates else "")
            + "; "
            + f"skipped or failed: {err}. "
            + _page_types(session)
            + f"Spool {session.spool.path.name} ({session.spool.lines} lines), "
            f"archive {session.archive.records} records. Run record crawl/runs/{run.run_id}.json.")


def _page_types(session) -> str:
    """'Pages by type: article 3, home 1, listing 4. ' (only articles are stored)."""
    from collections import Counter

    total: Counter = Counter()
    for counts in getattr(session, "page_types", {}).values():
        total.update(counts)
    return ("Pages by type: " + ", ".join(f"{k} {v}" for k, v in sorted(total.items())) + ". ") if total else ""


def ingest(data_dir: Path) -> str | None:
    try:
        from corpus.ingest import ingest_spool
    except ImportError:
        return "spool kept (corpus.ingest is not available yet)"
    res = ingest_spool(data_dir)
    return f"ingested into the store: {res}" if res is not None else "ingested into the store"


def run(args) -> int:
    check_args(args)
    sites = choose_sites(args)
    if args.province and sites:
        sites = {sid: {**s, "province": args.province} for sid, s in sites.items()}
    from crawler.run import run_crawl

    data = Path(args.data)
    session = run_crawl(data, sites=sites, start_url=args.start_url, province=args.province,
                        max_pages=args.max_pages, polite=not args.no_polite, redis_url=args.redis,
                        retry_failed=getattr(args, "retry_failed", False))
    print(summary(session), flush=True)
    msg = ingest(data)
    if msg:
        print(msg, flush=True)
    return 0

"""partycorpus rebuild — re-extract every archived page (DATA/warc) with the current extractor, no network.

>>> # partycorpus --data data rebuild
"""
from __future__ import annotations

from pathlib import Path

from ..errors import UserError


def run(args) -> int:
    data = Path(args.data)
    if not (data / "warc").is_dir() or not any((data / "warc").glob("*.warc.gz")):
        raise UserError(f"{data}/warc: no raw archive to rebuild from (crawl first)")
    from crawler.rebuild import rebuild_from_archive

    res = rebuild_from_archive(data)
    errs = ", ".join(f"{k} {v}" for k, v in sorted(res["errors"].items())) or "none"
    print(f"Rebuild {res['run_id']}: {res['records']} archived records, {res['articles']} articles re-extracted, "
          f"{res['spooled']} spooled ({res['new']} new to the crawl state, {res['changed']} changed, "
          f"{res['unchanged']} unchanged); skipped: {errs}.", flush=True)
    from .crawl import ingest

    msg = ingest(data)
    if msg:
        print(msg, flush=True)
    from ..nonarticles import mark_non_articles

    marked = mark_non_articles(data, res["non_articles"])
    if marked:
        print(f"{sum(marked.values())} stored pages are not articles ("
              + ", ".join(f"{k} {v}" for k, v in sorted(marked.items()))
              + "): marked in table non_articles and left out of builds and exports", flush=True)
    return 0

"""Crawl benchmark: the synthetic mirror crawled with politeness off, then ``scrapy bench``.

Prints pages/s of the whole crawl and the parse+store cost per article page
(extraction, WARC record, spool line, state row), then Scrapy's own
``scrapy bench`` (a local link-following server) for comparison.

>>> # python -m benchmarks.bench_crawl        or   partycorpus bench crawl
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _crawl_mirror(tmp: Path, n: int | None) -> dict:
    from crawler.mirror.server import Mirror

    content = None
    if n:
        from crawler.mirror.articles import CONTENT_DIR

        content = tmp / "content"
        content.mkdir()
        for path in sorted(CONTENT_DIR.glob("*.yaml"))[:n]:
            (content / path.name).write_bytes(path.read_bytes())
    data = tmp / "data"
    with Mirror(content_dir=content, slow_seconds=0) as m:
        sites = m.write_site_files(tmp / "sites")
        env = {**os.environ, "PARTYCORPUS_LOG_LEVEL": "ERROR"}
        t0 = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "corpus.cli", "--data", str(data), "crawl", "--all",
                               "--sites-dir", str(sites), "--no-polite"], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=600)
        wall = time.perf_counter() - t0
        if proc.returncode != 0:
            raise RuntimeError(proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else "crawl failed")
    run = json.loads(next((data / "crawl" / "runs").glob("*.json")).read_text())
    import datetime as dt

    crawl_s = (dt.datetime.fromisoformat(run["finished"]) - dt.datetime.fromisoformat(run["started"])).total_seconds()
    return {"articles": len(m.articles), "pages": run["pages"], "stored": run["new"], "wall_s": wall,
            "crawl_s": max(crawl_s, 1e-9), "data": data}


def _parse_store_cost(data: Path, repeat: int = 3) -> float:
    """Seconds per archived article page to extract + archive + spool + record state (no network)."""
    from scrapy.http import HtmlResponse

    from crawler.archive import iter_records
    from crawler.session import CrawlSession
    from crawler.spiders.base import _extract_article, build_article, selector_fields

    records = [r for r in iter_records(data) if r["status"] == 200]
    if not records:
        return float("nan")
    bench_dir = data.parent / "bench-store"
    session = CrawlSession(bench_dir, sites_label="bench")
    t0 = time.perf_counter()
    count = 0
    for _ in range(repeat):
        for rec in records:
            resp = HtmlResponse(rec["url"], status=200, headers=dict(rec["headers"]), body=rec["body"])
            site = rec["site"] or {}
            got = _extract_article(resp.text, resp.url, site)
            sel = selector_fields(resp, site)
            raw_ref = session.archive.write_response(resp.url, 200, rec["headers"], rec["body"], site)
            art = build_article(resp.url, site, got, sel, province=site.get("province"), section=None,
                                raw_ref=raw_ref, run_id=session.run_id)
            art.url = f"{art.url}#bench{count}"   # distinct state rows
            with session.state.write() as state:
                session.spool.write(art)
                state.upsert(url=art.url, site=art.site, article_id=art.article_id, content_sha1=art.content_sha1,
                             version=1, raw_ref=raw_ref)
            count += 1
    elapsed = time.perf_counter() - t0
    session.close(0)
    return elapsed / count


def _scrapy_bench(seconds: int = 10) -> float | None:
    """Pages/min reported by ``scrapy bench`` (its own localhost server), or None when it fails."""
    try:
        proc = subprocess.run([sys.executable, "-m", "scrapy", "bench", "-s", f"CLOSESPIDER_TIMEOUT={seconds}",
                               "-s", "LOG_LEVEL=INFO"], capture_output=True, text=True, timeout=seconds + 60,
                              cwd=tempfile.gettempdir())
    except (subprocess.TimeoutExpired, OSError):
        return None
    rates = [int(x) for x in re.findall(r"Crawled \d+ pages \(at (\d+) pages/min\)", proc.stderr)]
    rates = [r for r in rates if r > 0]
    return max(rates) if rates else None


def run(n: int | None = None) -> dict:
    """Run the crawl benchmark; ``n`` limits the mirror to the first n synthetic articles. Prints and returns numbers."""
    with tempfile.TemporaryDirectory() as tmp:
        res = _crawl_mirror(Path(tmp), n)
        per_page = _parse_store_cost(res.pop("data"))
    res["pages_per_s"] = res["pages"] / res["crawl_s"]
    res["parse_store_ms_per_page"] = per_page * 1000
    print(f"crawl (mirror, politeness off): {res['pages']} pages, {res['stored']} articles stored in "
          f"{res['crawl_s']:.2f} s of crawling ({res['wall_s']:.2f} s with start-up and ingest): "
          f"{res['pages_per_s']:.1f} pages/s", flush=True)
    print(f"parse+store per article page (extract, WARC, spool fsync, state row): "
          f"{res['parse_store_ms_per_page']:.1f} ms", flush=True)
    rate = _scrapy_bench()
    res["scrapy_bench_pages_per_min"] = rate
    print(f"scrapy bench (link following on localhost, no parsing): "
          f"{rate if rate is not None else 'unavailable'} pages/min", flush=True)
    return res


if __name__ == "__main__":
    run(int(sys.argv[1]) if len(sys.argv) > 1 else None)

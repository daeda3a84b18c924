"""A generic crawl (``crawl --start-url``) of a paper of a shape the project has never seen
(``unseen_site.py``, synthetic, served on 127.0.0.1): articles only, with their fields right."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from unseen_site import ARTICLES, FOURTH, UnseenSite, article_path, render_article, render_home, render_listing

ROOT = Path(__file__).resolve().parents[2]


def cli(data: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    env = {**os.environ, "PARTYCORPUS_LOG_LEVEL": "WARNING"}
    return subprocess.run([sys.executable, "-m", "corpus.cli", "--data", str(data), *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=timeout)


def stored(data: Path) -> dict[str, dict]:
    from corpus.store import Store

    with Store(data) as store:
        cur = store.sql("SELECT url, title, published, author, sapo, text FROM articles")
        cols = [d[0] for d in cur.description]
        rows = [dict(zip(cols, r)) for r in cur.fetchall()]
    urls = [r["url"] for r in rows]
    assert len(urls) == len(set(urls)), "an article is stored twice"
    return {r["url"]: r for r in rows}


def last_run(data: Path) -> dict:
    runs = sorted((data / "crawl" / "runs").glob("*.json"), key=lambda p: p.stat().st_mtime)
    return json.loads(runs[-1].read_text(encoding="utf-8"))


def test_generic_crawl_stores_articles_only_with_their_fields(tmp_path):
    data = tmp_path / "data"
    with UnseenSite() as site:
        proc = cli(data, "crawl", "--start-url", site.base_url + "/", "--no-polite", "--max-pages", "60")
        assert proc.returncode == 0, proc.stderr[-2000:]
        got = stored(data)
        assert set(got) == {site.base_url + article_path(a) for a in ARTICLES}   # no home, listing or tag page
        for art in ARTICLES:
            row = got[site.base_url + article_path(art)]
            assert row["title"] == art["title"]
            assert row["published"] == art["published"], art["dateline"]
            assert row["author"] == art["author"], art["source"]
            assert row["sapo"] == art["lead"]
            assert row["text"].split("\n") == art["body"]   # no caption, byline, tags, related titles, form
        types = last_run(data)["page_types"]["127.0.0.1"]
        assert types["article"] == 3 and types["home"] == 1 and types["listing"] >= 3, types
        stats = cli(data, "stats")
        assert stats.returncode == 0, stats.stderr
        assert "127.0.0.1" in stats.stdout and "home 1" in stats.stdout and "listing" in stats.stdout

        proc = cli(data, "crawl", "--start-url", site.base_url + "/", "--no-polite", "--max-pages", "60")
        assert proc.returncode == 0, proc.stderr[-2000:]
        assert all(site.fetches[article_path(a)] == 1 for a in ARTICLES), site.fetches   # none fetched again

        site.add_fourth()
        proc = cli(data, "crawl", "--start-url", site.base_url + "/", "--no-polite", "--max-pages", "60")
        assert proc.returncode == 0, proc.stderr[-2000:]
        assert site.fetches[article_path(FOURTH)] == 1
        assert all(site.fetches[article_path(a)] == 1 for a in ARTICLES), site.fetches
        got = stored(data)
        assert len(got) == 4 and got[site.base_url + article_path(FOURTH)]["author"] == FOURTH["author"]


@pytest.mark.parametrize("kind", ["home", "listing", "tag", "article"])
def test_page_type_of_each_kind_of_page(kind):
    from crawler.pagetype import classify_page

    base = "http://127.0.0.1:8800"
    page, url, want = {
        "home": (render_home(ARTICLES), base + "/", "home"),
        "listing": (render_listing("Xây dựng Đảng", ARTICLES[:2], 1, 2, "/thoi-su/xay-dung-dang"),
                    base + "/thoi-su/xay-dung-dang", "listing"),
        "tag": (render_listing("Chi bộ", ARTICLES, 1, 1, "/tag/chi-bo"), base + "/tag/chi-bo", "listing"),
        "article": (render_article(ARTICLES[0], ARTICLES[1:]), base + article_path(ARTICLES[0]), "article"),
    }[kind]
    assert classify_page(page, url)[0] == want
    if kind != "home":   # without its URL the page itself still tells
        assert classify_page(page, None)[0] == want

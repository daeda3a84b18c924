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
        cur = store.sql("SELECT url, title, published, author, credit, sapo, text FROM articles")
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
            assert row["credit"] == art.get("credit"), art["source"]   # 'Theo …' is a credit, not an author
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


def test_rebuild_marks_stored_non_articles_and_leaves_them_out(tmp_path):
    """A store filled by a crawler that took the home, listing and tag pages for articles (as the
    crawler did before page types): ``rebuild`` marks them, builds and exports leave them out."""
    from corpus.ingest import ingest_spool
    from crawler.archive import ArchiveWriter
    from crawler.extraction import extract_article
    from crawler.spiders.base import build_article
    from crawler.spool import SpoolWriter

    data = tmp_path / "data"
    site = UnseenSite()
    base = "http://127.0.0.1:8800"
    generic = {"id": "127.0.0.1", "province": None, "base_url": base, "selectors": {}, "date_formats": [],
               "strip": [], "revalidate": False}
    archive, spool = ArchiveWriter(data, "20240101T000000Z-0ld0"), SpoolWriter(data, "20240101T000000Z-0ld0")
    pages = {}
    for path, kind in site.pages().items():
        body = site.page(path).encode("utf-8")
        got = extract_article(body, url=base + path)
        if not got["is_article"]:   # extraction alone let the others through
            continue
        pages[path] = kind
        ref = archive.write_response(base + path, 200, [("Content-Type", "text/html; charset=utf-8")], body, generic)
        spool.write(build_article(base + path, generic, got, {}, province=None, section=None, raw_ref=ref,
                                  run_id="20240101T000000Z-0ld0"))
    archive.close()
    spool.close()
    ingest_spool(data)
    assert cli(data, "build", "--jobs", "1").returncode == 0
    assert len(stored(data)) == len(pages) and "home" in pages.values() and "listing" in pages.values()

    proc = cli(data, "rebuild")
    assert proc.returncode == 0, proc.stderr
    n_listing = sum(1 for k in pages.values() if k == "listing")
    assert f"home 1, listing {n_listing}" in proc.stdout
    assert set(stored(data)) == {base + article_path(a) for a in ARTICLES}
    stats = cli(data, "stats").stdout
    assert f"stored pages marked as not articles (left out): home 1, listing {n_listing}" in stats
    out = tmp_path / "export"
    proc = cli(data, "export", "--out", str(out), "--format", "csv")
    assert proc.returncode == 0, proc.stderr
    from corpus.store import Store

    with Store(data) as s:
        left = {r[0] for r in s.sql("SELECT article_id FROM non_articles").fetchall()}
        assert len(left) == 1 + n_listing
        for table in ("build_records", "figure_mentions", "directive_mentions", "target_mentions"):
            assert not s.sql(f"SELECT count(*) FROM {table} WHERE article_id IN "
                             "(SELECT article_id FROM non_articles)").fetchall()[0][0], table
    for path in out.rglob("*.csv"):
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
        assert not any(aid in text for aid in left), path.name


def test_a_listing_without_teaser_markup_is_known_by_the_site_s_other_pages():
    """A 'latest news' page printed as a title, an update line and bare teaser paragraphs looks like an
    article on its own; the teasers the home page showed give it away."""
    from crawler.pagetype import classify_page, teaser_texts

    page = ("<html><body><h1>Tin mới cập nhật trong ngày</h1><div>Cập nhật lúc 08:15, 12/03/2020</div>"
            + "".join(f"<p>{a['lead']}</p>" for a in ARTICLES)
            + "".join(f'<a href="{article_path(a)}">Xem tiếp</a> ' for a in ARTICLES) + "</body></html>")
    url = "http://127.0.0.1:8800/tin-moi"
    assert classify_page(page, url)[0] == "article"   # alone, it could be one
    seen = teaser_texts(render_home(ARTICLES))
    assert classify_page(page, url, seen_teasers=seen)[0] == "listing"
    article = render_article(ARTICLES[0], ARTICLES[1:])   # an article repeats at most its own teaser
    assert classify_page(article, "http://127.0.0.1:8800" + article_path(ARTICLES[0]), seen_teasers=seen)[0] \
        == "article"

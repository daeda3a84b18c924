"""The synthetic mirror: every trap behaves (real HTTP on 127.0.0.1), site
files are valid, and each article page extracts back to its content file."""
import http.client
import re
import time
import urllib.request
from urllib.parse import urlsplit

import pytest
import yaml

from crawler.extraction import extract_article
from crawler.mirror import render
from crawler.mirror.articles import load_articles
from crawler.mirror.server import OVERSIZED_BYTES, Mirror

ARTICLES = load_articles()
SLOW = 0.4


@pytest.fixture(scope="module")
def mirror():
    with Mirror(slow_seconds=SLOW) as m:
        yield m


@pytest.fixture(scope="module")
def site_files(mirror, tmp_path_factory):
    folder = mirror.write_site_files(tmp_path_factory.mktemp("sites"))
    return {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in folder.glob("*.yaml")}


def fetch(url, method="GET", headers=None):
    """(status, headers, body) without following redirects."""
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        conn.request(method, parts.path + (f"?{parts.query}" if parts.query else ""), headers=headers or {})
        resp = conn.getresponse()
        return resp.status, dict(resp.getheaders()), resp.read()
    finally:
        conn.close()


def test_servers_are_distinct_and_labelled_synthetic(mirror):
    assert set(mirror.base_urls) == {"lso", "qno", "ldg", "tccs"}
    assert len(set(mirror.base_urls.values())) == 4
    for site, base in mirror.base_urls.items():
        status, _, body = fetch(base + render.LISTING_PATHS[site])
        assert status == 200
        assert b'<meta name="generator" content="partycorpus synthetic mirror">' in body


def test_robots_disallows_admin_and_an_article_like_path(mirror):
    status, _, body = fetch(mirror.base_urls["lso"] + "/robots.txt")
    assert status == 200
    lines = body.decode().splitlines()
    assert "Disallow: /admin/" in lines
    assert f"Disallow: {urlsplit(mirror.traps['robots_disallowed']).path}" in lines
    assert fetch(mirror.traps["robots_disallowed"])[0] == 200   # served: only robots.txt keeps crawlers out
    assert re.search(r"-\d+\.html$", mirror.traps["robots_disallowed"])


def test_old_url_moves_permanently_to_the_current_one(mirror):
    status, headers, _ = fetch(mirror.traps["moved_permanently"])
    assert status == 301
    assert headers["Location"].startswith(mirror.base_urls["lso"]) and headers["Location"].endswith(".html")
    assert fetch(headers["Location"])[0] == 200


@pytest.mark.parametrize("trap, status", [("not_found", 404), ("tccs_not_found", 404), ("server_error", 500),
                                          ("admin", 403)])
def test_error_pages(mirror, trap, status):
    assert fetch(mirror.traps[trap])[0] == status


def test_redirect_loop(mirror):
    status, headers, _ = fetch(mirror.traps["redirect_loop"])
    assert status == 302
    status2, headers2, _ = fetch(headers["Location"])
    assert status2 == 302 and headers2["Location"] == mirror.traps["redirect_loop"]


def test_pdf_and_oversized(mirror):
    status, headers, body = fetch(mirror.traps["pdf"])
    assert status == 200 and headers["Content-Type"] == "application/pdf" and body.startswith(b"%PDF")
    status, headers, _ = fetch(mirror.traps["oversized"], method="HEAD")
    assert status == 200 and int(headers["Content-Length"]) > 6_000_000 >= OVERSIZED_BYTES - 500_000


def test_slow_page_is_slow(mirror):
    t = time.perf_counter()
    status, _, _ = fetch(mirror.traps["slow"])
    assert status == 200 and time.perf_counter() - t >= SLOW * 0.9


def test_tracking_duplicates_serve_the_same_article(mirror):
    _, _, listing = fetch(mirror.base_urls["qno"] + "/chinh-tri")
    assert b"utm_source=" in listing and b"fbclid=" in listing
    clean_url = mirror.traps["tracking_duplicate"].split("?")[0]
    assert fetch(mirror.traps["tracking_duplicate"])[2] == fetch(clean_url)[2]


def test_legacy_encoded_page(mirror):
    status, headers, body = fetch(mirror.traps["legacy_encoding"])
    assert status == 200 and "windows-1258" in headers["Content-Type"]
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")
    art = ARTICLES[mirror.legacy_encoded_id]
    got = extract_article(body)  # meta charset only
    assert got["title"] == art["title"] and got["body"].split("\n") == art["paragraphs"]


def test_empty_body_page_is_not_an_article(mirror):
    status, _, body = fetch(mirror.traps["empty_body"])
    assert status == 200
    got = extract_article(body)
    assert got["is_article"] is False and got["reason"]


def test_conditional_requests_and_updates():
    first = min(ARTICLES)
    with Mirror(slow_seconds=0) as m:
        url = m.url(first)
        status, headers, _ = fetch(url)
        assert status == 200 and headers["ETag"] and headers["Last-Modified"]
        assert fetch(url, headers={"If-None-Match": headers["ETag"]})[0] == 304
        assert fetch(url, headers={"If-Modified-Since": headers["Last-Modified"]})[0] == 304
        assert m.fetch_count(url) == 3
        m.update_article(first, body="Đoạn một đã sửa.\n\nĐoạn hai mới về công tác xây dựng Đảng.")
        status2, headers2, body2 = fetch(url, headers={"If-None-Match": headers["ETag"]})
        assert status2 == 200 and headers2["ETag"] != headers["ETag"]
        assert "Đoạn hai mới về công tác xây dựng Đảng." in extract_article(body2)["body"]
        assert fetch(url, headers={"If-Modified-Since": headers["Last-Modified"]})[0] == 200
        assert m.url(first) == url  # a changed page keeps its address


def test_add_article_goes_to_the_top_of_its_listing():
    with Mirror(slow_seconds=0) as m:
        url = m.add_article({"synthetic": True, "id": 99001, "site": "tccs", "province": "ha-noi",
                             "published": "2024-01-02 10:00", "author": None, "title": "Bài mới đăng thử nghiệm",
                             "sapo": "", "body": "Nội dung tổng hợp."})
        _, _, listing = fetch(m.base_urls["tccs"] + render.LISTING_PATHS["tccs"])
        first_link = re.search(rb'<h4 class="titleNews"><a href="([^"]+)"', listing).group(1).decode()
        assert m.base_urls["tccs"] + first_link == url
        assert fetch(url)[0] == 200
        with pytest.raises(ValueError):
            m.add_article({"id": 99001, "site": "tccs", "title": "trùng id"})


def test_listings_pagination_rss_sitemap(mirror):
    for site in ("lso", "qno", "ldg", "tccs"):
        n = sum(1 for a in ARTICLES.values() if a["site"] == site)
        pages = max(1, -(-n // render.PAGE_SIZE))
        status, _, body = fetch(mirror.base_urls[site] + render.listing_url(site, pages))
        assert status == 200
        assert fetch(mirror.base_urls[site] + render.listing_url(site, pages + 1))[0] == 404
        if site == "tccs" and pages > 1:
            _, _, first = fetch(mirror.base_urls[site] + render.LISTING_PATHS[site])
            assert b'aria-label="Next"' in first
    _, headers, rss = fetch(mirror.traps["rss"])
    assert "rss" in headers["Content-Type"]
    assert rss.count(b"<item>") == sum(1 for a in ARTICLES.values() if a["site"] == "qno")
    _, _, sitemap = fetch(mirror.traps["sitemap"])
    for i, a in ARTICLES.items():
        if a["site"] == "ldg":
            assert mirror.url(i).encode() in sitemap


def test_stats_count_requests_per_path(mirror):
    url = mirror.url(min(ARTICLES))
    before = mirror.fetch_count(url)
    fetch(url)
    fetch(url + "?utm_source=zalo")
    assert mirror.fetch_count(url) == before + 2
    assert mirror.stats[urlsplit(url).path + "?utm_source=zalo"] >= 1


def test_site_files(site_files, mirror):
    assert set(site_files) == {"lso", "qno", "ldg", "tccs"}
    for site, data in site_files.items():
        assert data["id"] == site and data["base_url"] == mirror.base_urls[site] and data["verified"] is False
        paths = [urlsplit(mirror.url(i)).path for i, a in ARTICLES.items() if a["site"] == site]
        for path in paths:
            assert any(re.search(p, path) for p in data["article_url_patterns"]), (site, path)
        assert not any(re.search(p, render.LISTING_PATHS[site]) for p in data["article_url_patterns"])


SHOWS_TIME = {"qno", "tccs", "ldg"}   # lso shows a date without time


@pytest.mark.parametrize("mode", ["site", "generic"])
@pytest.mark.parametrize("article_id", sorted(ARTICLES))
def test_each_article_page_extracts_to_its_content_file(mirror, site_files, article_id, mode):
    art = ARTICLES[article_id]
    with urllib.request.urlopen(mirror.url(article_id), timeout=10) as resp:
        raw, charset = resp.read(), resp.headers.get_content_charset()
    got = extract_article(raw, mirror.url(article_id), site_files[art["site"]] if mode == "site" else None,
                          encoding=charset)
    assert got["is_article"], got["reason"]
    assert got["title"] == art["title"]
    assert got["body"].split("\n") == art["paragraphs"]
    assert (got["sapo"] or "") == art["sapo"]
    assert got["published"] == f"{art['published_dt']:%Y-%m-%d}"
    if art["site"] in SHOWS_TIME:
        assert got["published_time"] == f"{art['published_dt']:%H:%M}"
    assert (got["author"] or "").casefold() == (art["author"] or "").casefold()

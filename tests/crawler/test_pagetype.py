"""Page types of every page of the synthetic mirror (home, each listing page, each article) and of the
real pages under ../shared/data/html (marked shared)."""
from __future__ import annotations

import pytest

from benchmarks.page_types import mirror_pages, shared_pages
from crawler.pagetype import classify_page

MIRROR = list(mirror_pages())


@pytest.mark.parametrize("site", sorted({p[1] for p in MIRROR}))
def test_every_mirror_page_gets_its_type(site):
    wrong = [(url, kind, classify_page(html, url)) for _, s, url, html, kind, _ in MIRROR
             if s == site and classify_page(html, url)[0] != kind]
    assert not wrong, wrong
    kinds = {p[4] for p in MIRROR if p[1] == site}
    assert kinds == {"home", "listing", "article"}


@pytest.mark.shared
def test_real_pages_are_articles(shared_dir):
    pages = list(shared_pages())
    assert pages
    for _, _, url, html, kind, _ in pages:
        assert classify_page(html, url)[0] == kind, url

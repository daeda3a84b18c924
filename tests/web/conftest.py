"""A small built store for the web view: the project's synthetic mirror articles (written for partycorpus,
not real news), imported straight into a store and built with the real extractor."""
from __future__ import annotations

import pytest

from corpus.build import run_build
from corpus.store import Store


def mirror_records() -> list[dict]:
    from crawler.mirror.articles import load_articles

    out = []
    for art in load_articles().values():
        out.append({"article_id": f"{art['site']}:{art['id']}", "site": art["site"], "province": art["province"],
                    "published": art["published_dt"].date().isoformat(), "title": art["title"], "sapo": art["sapo"],
                    "text": "\n\n".join(art["paragraphs"]), "author": art["author"], "section": art["section"],
                    "url": f"http://127.0.0.1:9/{art['site']}/{art['slug']}-{art['id']}.html"})
    return out


@pytest.fixture(scope="session")
def web_store(tmp_path_factory):
    data = tmp_path_factory.mktemp("web-store")
    with Store(data, write=True) as store:
        with store.transaction():
            store.upsert_articles(mirror_records())
    run_build(data, jobs=1)
    return data

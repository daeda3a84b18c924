"""Page types and fields: how the rules of ``crawler.pagetype`` (and a learned model held against them)
classify labelled pages, and how many fields generic extraction gets right, per site.

Labelled pages: the synthetic mirror (home, every listing page, every article of four sites), the
synthetic unseen site of the tests (``tests/crawler/unseen_site.py``, never used to write the rules or
train the model) and every real page under ../shared/data/html (read in place, when present).

    .venv/bin/python benchmarks/page_types.py            # prints the tables
"""
from __future__ import annotations

import datetime as dt
import gzip
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "crawler"))

from crawler.extraction import extract_article  # noqa: E402
from crawler.mirror import render  # noqa: E402
from crawler.mirror.articles import SITE_IDS, load_articles  # noqa: E402
from crawler.pagetype import FEATURES, classify_page, page_features  # noqa: E402

SHARED_HTML = ROOT.parent / "shared" / "data" / "html"
TODAY = dt.datetime(2025, 11, 22, 9, 0)


def mirror_pages():
    """(source, site, url, html, type, expected fields or None) of the synthetic mirror."""
    arts = load_articles()
    for site in SITE_IDS:
        own = sorted((a for a in arts.values() if a["site"] == site), key=lambda a: a["published_dt"], reverse=True)
        paths = {a["id"]: render.article_path(site, a) for a in own}
        items = [(paths[a["id"]], a) for a in own]
        base = "http://127.0.0.1:8765"
        yield "mirror", site, base + "/", render.render_home(site, items, TODAY), "home", None
        npages = max(1, -(-len(items) // render.PAGE_SIZE))
        for n in range(1, npages + 1):
            chunk = items[(n - 1) * render.PAGE_SIZE: n * render.PAGE_SIZE]
            yield ("mirror", site, base + render.listing_url(site, n),
                   render.render_listing(site, chunk, n, npages, TODAY), "listing", None)
        for a in own:
            html = render.render_article(site, a, others=own[:4], paths=paths, today=TODAY)
            yield "mirror", site, base + paths[a["id"]], html, "article", {
                "title": a["title"], "published": a["published_dt"].date().isoformat(), "author": a["author"],
                "sapo": a["sapo"] or None}


def unseen_pages():
    import unseen_site as u

    site = u.UnseenSite()
    site.add_fourth()
    by_path = {u.article_path(a): a for a in site.articles}
    for path, kind in site.pages().items():
        a = by_path.get(path)
        exp = {"title": a["title"], "published": a["published"], "author": a["author"], "sapo": a["lead"]} if a else None
        yield "unseen", "unseen", "http://127.0.0.1:8800" + path, site.page(path), kind, exp


def shared_pages():
    if not SHARED_HTML.is_dir():
        return
    for p in sorted(SHARED_HTML.iterdir()):
        if not p.name.endswith((".html", ".html.gz", ".htm")):
            continue
        raw = gzip.open(p).read() if p.name.endswith(".gz") else p.read_bytes()
        exp_path = p.with_name(re.sub(r"\.html?(\.gz)?$", "", p.name) + ".expected.json")
        exp = None
        if exp_path.exists():
            g = next(iter(json.loads(exp_path.read_text(encoding="utf-8")).values()))
            exp = {"title": g.get("title"), "published": (g.get("publishing_date") or "")[:10] or None,
                   "author": (g.get("authors") or [None])[0], "sapo": (g.get("body", {}).get("summary") or [None])[0]}
        url = "https://" + p.name.split("-")[0] + ".net/" + p.name
        yield "shared", p.name.split("-")[0], url, raw.decode("utf-8", "replace"), "article", exp


def field_score(got: dict, exp: dict) -> dict[str, bool]:
    def same(a, b):
        return " ".join((a or "").split()).casefold() == " ".join((b or "").split()).casefold()

    return {"title": same(got.get("title"), exp["title"]), "date": got.get("published") == exp["published"],
            "author": same(got.get("author"), exp["author"]), "lead": same(got.get("sapo"), exp["sapo"])}


def main() -> int:
    pages = [*mirror_pages(), *unseen_pages(), *shared_pages()]
    rows = []
    fields = defaultdict(Counter)
    for source, site, url, html, kind, exp in pages:
        got = extract_article(html, url=url)
        feats = page_features(html, url, got)
        rule, _ = classify_page(html, url, got)
        rows.append((source, site, kind, rule, [feats[f] for f in FEATURES]))
        if exp:
            for f, ok in field_score(got, exp).items():
                fields[(source, site)][f] += ok
            fields[(source, site)]["articles"] += 1

    print("page types by the rules (label -> classified):")
    for source in ("mirror", "unseen", "shared"):
        c = Counter((k, r) for s, _, k, r, _ in rows if s == source)
        if c:
            right = sum(v for (k, r), v in c.items() if k == r)
            print(f"  {source:<7} {sum(c.values()):>4} pages, {right} right: "
                  + ", ".join(f"{k}->{r} {v}" for (k, r), v in sorted(c.items())))

    try:
        from sklearn.tree import DecisionTreeClassifier
    except ImportError:
        DecisionTreeClassifier = None
    if DecisionTreeClassifier is not None:
        print("learned model (decision tree on the same features), trained without the held-out part:")
        for held in ("unseen", *SITE_IDS):
            train = [r for r in rows if r[0] != "unseen" and r[1] != held]
            test = [r for r in rows if r[1] == held or (held == "unseen" and r[0] == "unseen")]
            model = DecisionTreeClassifier(max_depth=4, random_state=0).fit([r[4] for r in train], [r[2] for r in train])
            pred = model.predict([r[4] for r in test])
            right_model = sum(p == r[2] for p, r in zip(pred, test))
            right_rules = sum(r[3] == r[2] for r in test)
            print(f"  held out {held:<7} {len(test):>3} pages: model {right_model} right, rules {right_rules} right")

    print("fields right (generic extraction, no site file):")
    for (source, site), c in sorted(fields.items()):
        n = c.pop("articles")
        print(f"  {source:<7} {site:<10} {n:>3} articles: " + ", ".join(f"{f} {v}/{n}" for f, v in sorted(c.items())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Extraction quality: body token precision/recall and exact title/date/author
rates, on the real VnExpress page in ../shared (when present) and on every
synthetic mirror article (served over HTTP), with site files and generically.

    .venv/bin/python benchmarks/extraction_quality.py
"""
from __future__ import annotations

import gzip
import json
import re
import sys
import time
import urllib.request
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from crawler.extraction import extract_article  # noqa: E402
from crawler.mirror.server import Mirror  # noqa: E402

SHARED = ROOT.parent / "shared" / "data" / "html"


def tokens(text: str) -> Counter:
    return Counter(re.findall(r"\w+", (text or "").lower()))


def score(rows: list[dict]) -> dict:
    got = sum(r["got_tokens"] for r in rows)
    gold = sum(r["gold_tokens"] for r in rows)
    overlap = sum(r["overlap"] for r in rows)
    n = len(rows)
    return {"n": n, "precision": overlap / max(1, got), "recall": overlap / max(1, gold),
            "exact_body": sum(r["exact_body"] for r in rows) / n, "title": sum(r["title"] for r in rows) / n,
            "date": sum(r["date"] for r in rows) / n, "author": sum(r["author"] for r in rows) / n,
            "ms": sum(r["ms"] for r in rows) / n}


def row(got: dict, body: str, title: str, date: str, author: str | None, ms: float) -> dict:
    g, e = tokens(got["body"]), tokens(body)
    return {"got_tokens": sum(g.values()), "gold_tokens": sum(e.values()), "overlap": sum((g & e).values()),
            "exact_body": got["body"] == body, "title": got["title"] == title, "date": got["published"] == date,
            "author": (got["author"] or "").casefold() == (author or "").casefold(), "ms": ms}


def main() -> int:
    results: list[tuple[str, dict]] = []
    page = SHARED / "vnexpress-article-2025-10-22.html.gz"
    if page.exists():
        gold = json.loads((SHARED / "vnexpress-article-2025-10-22.expected.json").read_text())["V1"]
        html = gzip.open(page).read()
        t = time.perf_counter()
        got = extract_article(html)
        ms = (time.perf_counter() - t) * 1000
        paras = [p for s in gold["body"]["sections"] for p in s["paragraphs"]]
        results.append(("vnexpress (gold incl. caption)",
                        score([row(got, "\n".join(paras), gold["title"], gold["publishing_date"][:10],
                                   gold["authors"][0], ms)])))
        captions = {i["caption"] for i in gold.get("images", [])}
        no_caps = [p for p in paras if not any(p.startswith(c) for c in captions)]
        results.append(("vnexpress (gold without caption)",
                        score([row(got, "\n".join(no_caps), gold["title"], gold["publishing_date"][:10],
                                   gold["authors"][0], ms)])))
    else:
        print(f"(skipping the real page: {page} is absent)")
    with Mirror(slow_seconds=0) as m:
        sites_dir = m.write_site_files(Path(__import__("tempfile").mkdtemp()) / "sites")
        sites = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sites_dir.glob("*.yaml")}
        per_mode: dict[str, list[dict]] = {"site": [], "generic": []}
        per_site: dict[str, list[dict]] = {}
        for art_id, art in sorted(m.articles.items()):
            with urllib.request.urlopen(m.url(art_id)) as resp:
                raw, charset = resp.read(), resp.headers.get_content_charset()
            for mode in per_mode:
                t = time.perf_counter()
                got = extract_article(raw, m.url(art_id), sites[art["site"]] if mode == "site" else None, charset)
                ms = (time.perf_counter() - t) * 1000
                r = row(got, "\n".join(art["paragraphs"]), art["title"], f"{art['published_dt']:%Y-%m-%d}",
                        art["author"], ms)
                per_mode[mode].append(r)
                per_site.setdefault(f"mirror {art['site']} ({mode})", []).append(r)
        for mode, rows in per_mode.items():
            results.append((f"mirror all ({mode})", score(rows)))
        for name, rows in sorted(per_site.items()):
            results.append((name, score(rows)))
    head = f"{'set':34} {'n':>4} {'P':>6} {'R':>6} {'exact':>6} {'title':>6} {'date':>6} {'author':>6} {'ms/page':>8}"
    print(head)
    print("-" * len(head))
    for name, s in results:
        print(f"{name:34} {s['n']:>4} {s['precision']:6.3f} {s['recall']:6.3f} {s['exact_body']:6.2f} "
              f"{s['title']:6.2f} {s['date']:6.2f} {s['author']:6.2f} {s['ms']:8.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

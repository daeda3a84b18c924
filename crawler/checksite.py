"""Check a site file against its live pages (or saved HTML), like ``scrapy parse`` for this project.

``check_site(site, ...)`` fetches the first page of each listing and a few of the article URLs it gives
(or reads saved HTML files), and reports per field what the configured selector matched, what generic
extraction found and where they disagree (``crawler.health.compare_fields``). ``report_lines`` turns the
result into the text ``partycorpus check-site`` prints; ``problems`` lists what makes it exit 1 (a
configured selector, or a listing's link selector, that found nothing).

>>> # check_site(load_sites()["baolangson"], articles=3)
"""
from __future__ import annotations

import re
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import lxml.html

from records import UserError

from .extraction import _select, decode_html, extract_article
from .health import FIELDS, compare_fields, generic_values
from .pagetype import classify_page
from .settings import user_agent
from .urls import canonicalize, same_site


def fetch(url: str, timeout: float = 20) -> str:
    """The page at ``url`` as text (UserError when it cannot be fetched)."""
    req = urllib.request.Request(url, headers={"User-Agent": user_agent()})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            charset = resp.headers.get_content_charset()
            return decode_html(resp.read(10_000_000), charset)
    except (urllib.error.URLError, OSError, ValueError) as e:
        raise UserError(f"{url}: cannot fetch it ({getattr(e, 'reason', e)})") from None


def _article_urls(site: dict, html: str, page_url: str, link_selector: str | None) -> tuple[int, list[str]]:
    """(links the selector matched, article URLs among them in page order)."""
    tree = lxml.html.document_fromstring(html or "<html></html>")
    els = _select(tree, link_selector) if link_selector else list(tree.iter("a"))
    hrefs = [urljoin(page_url, a.get("href").strip()) for a in els if a.get("href")]
    patterns = [re.compile(p) for p in site["article_url_patterns"]]
    exclude = [re.compile(p) for p in site.get("exclude_url_patterns", [])]
    hosts = [site["base_url"]] + [h if "//" in h else f"https://{h}" for h in site.get("hosts") or []]
    out = []
    for h in hrefs:
        parts = urlsplit(h)
        pq = parts.path + (f"?{parts.query}" if parts.query else "")
        if not any(same_site(h, base) for base in hosts):
            continue
        if any(p.search(pq) for p in patterns) and not any(p.search(pq) for p in exclude):
            out.append(canonicalize(h))
    return len(hrefs), list(dict.fromkeys(out))


def check_article(site: dict, html: str, url: str | None) -> dict:
    """Page type and per-field comparison of one article page."""
    got = extract_article(html, url=url)
    return {"url": url, "type": classify_page(html, url, got)[0],
            "fields": compare_fields(html, url, site, generic_values(html, url, got))}


def check_site(site: dict, *, articles: int = 3, html_files: list[str | Path] = (), url: str | None = None) -> dict:
    """Listings (first page each) and ``articles`` article pages of ``site``; or the saved ``html_files``;
    or one ``url`` (an article URL is checked alone, any other URL as a listing)."""
    out = {"site": site["id"], "listings": [], "articles": []}
    if html_files:
        for path in html_files:
            try:
                html = decode_html(Path(path).read_bytes())
            except OSError as e:
                raise UserError(f"{path}: cannot read it ({e.strerror})") from None
            out["articles"].append({**check_article(site, html, None), "url": str(path)})
        return out
    listings = [(urljoin(site["base_url"] + "/", x["url"]), x.get("link_selector"))
                for x in site["discovery"]["listings"]]
    if url:
        _, as_article = _article_urls(site, f'<a href="{url}">x</a>', url, None)
        if as_article:
            out["articles"].append(check_article(site, fetch(url), url))
            return out
        listings = [(url, next((sel for u, sel in listings if u == url), None))]
    wanted: list[str] = []
    for listing_url, link_selector in listings:
        html = fetch(listing_url)
        matched, urls = _article_urls(site, html, listing_url, link_selector)
        entry = {"url": listing_url, "link_selector": link_selector, "matched": matched, "article_urls": urls}
        if link_selector and not urls:   # the crawler falls back to every link: show what that gives
            entry["fallback_article_urls"] = _article_urls(site, html, listing_url, None)[1]
        out["listings"].append(entry)
        wanted += urls or entry.get("fallback_article_urls", [])
    for art_url in list(dict.fromkeys(wanted))[:articles]:
        out["articles"].append(check_article(site, fetch(art_url), art_url))
    return out


def problems(result: dict) -> list[str]:
    """What a researcher must fix in the site file (empty when every configured selector found something)."""
    out = []
    for entry in result["listings"]:
        if entry["link_selector"] and not entry["article_urls"]:
            out.append(f"listing {entry['url']}: link_selector {entry['link_selector']!r} gave no article URL")
        elif not entry["article_urls"]:
            out.append(f"listing {entry['url']}: no link matches article_url_patterns")
    for field in FIELDS:
        empty = [a for a in result["articles"] if a["fields"][field]["status"] == "selector empty"]
        if empty:
            css = empty[0]["fields"][field]["selector"]
            out.append(f"selector {field} {css!r} found nothing on {len(empty)} of {len(result['articles'])} articles")
    return out


def _short(value: str | None, width: int = 70) -> str:
    if value is None:
        return "(nothing)"
    v = " ".join(str(value).split())
    return repr(v if len(v) <= width else v[:width - 1] + "…")


def report_lines(result: dict) -> list[str]:
    lines = [f"site {result['site']}"]
    for entry in result["listings"]:
        sel = entry["link_selector"] or "(every link)"
        lines.append(f"listing {entry['url']}: {sel} matched {entry['matched']} links, "
                     f"{len(entry['article_urls'])} article URLs")
        lines += [f"  {u}" for u in entry["article_urls"]]
        if "fallback_article_urls" in entry:
            lines.append(f"  (every link on the page gives {len(entry['fallback_article_urls'])} article URLs; "
                         "the crawler falls back to them)")
            lines += [f"  {u}" for u in entry["fallback_article_urls"]]
    for art in result["articles"]:
        lines.append(f"article {art['url']} (page type: {art['type']})")
        for field, r in art["fields"].items():
            sel = r["selector"] or "-"
            flag = {"agree": "agree", "disagree": "DISAGREE", "selector empty": "SELECTOR FOUND NOTHING",
                    "no selector": "generic only"}[r["status"]]
            lines.append(f"  {field:<7} selector {sel!r}: {_short(r['selected'])}")
            lines.append(f"  {'':<7} generic: {_short(r['generic'])}  -> {flag}")
    found = problems(result)
    lines.append("problems: " + ("; ".join(found) if found else "none"))
    return lines

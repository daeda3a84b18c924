"""What kind of page a fetched page is, decided before anything is stored.

``classify_page(html, url, got)`` -> ``(type, reason)`` with type one of
``PAGE_TYPES``: ``article``, ``listing`` (section, tag, search and paginated
listings), ``home`` or ``other``. Only articles are stored; the others are
followed for links and counted per site in the run record (``page_types``).

Rules, from what a page shows (``page_features``):
- the URL: the site root or ``/trang-chu`` is the home page; ``/tag/``,
  ``/tim-kiem``, ``?page=``, ``/trang-2`` … are listings; a last path segment
  with a long number or a long slug ending in .htm(l) looks like an article;
- repeated teaser blocks: sibling elements of one kind, each holding a
  headline link and a teaser sentence that is not a link;
- one title (h1) with a dateline right under it, and a body of prose;
- the share of the page's text that sits in links;
- what the site's other pages look like: a body made of teaser sentences
  that the site's listing and home pages showed (``teaser_texts``).

>>> classify_page("<html><body><h1>Trang chủ</h1></body></html>", "https://bao.example.vn/")[0]
'home'
"""
from __future__ import annotations

import re
from collections import Counter
from urllib.parse import urlsplit

import lxml.html

from .extraction import MIN_BODY_CHARS, _clean, _in_excluded_zone, _key, extract_article, parse_dateline

PAGE_TYPES = ("article", "listing", "home", "other")

_HOME_PATH = re.compile(r"^/(?:(?:index|default|home|trang-?chu)(?:\.[a-z]+)?)?/?$", re.I)
_LISTING_PATH = re.compile(r"/(?:tags?|tu-?khoa|tim-?kiem|search|chu-?de|chuyen-?muc|category|danh-?muc|"
                           r"tac-?gia|author)(?:/|$)|/(?:trang|page|p)-?\d+/?$", re.I)
_LISTING_QUERY = re.compile(r"(?:^|&)(?:page|p|trang|q|keyword|tu_khoa|s)=", re.I)
_ARTICLE_PATH = re.compile(r"(?:\d{4,}[^/]*|[a-z0-9]+(?:-[a-z0-9]+){4,}[^/]*)\.(?:html?|aspx?|php|vn)$|"
                           r"[a-z0-9]+(?:-[a-z0-9]+){3,}-?[a-z]?\d{4,}[a-z0-9]*/?$", re.I)

FEATURES = ("url_home", "url_listing", "url_article", "teasers", "headline_links", "h1_count", "title_dateline",
            "body_chars", "link_ratio", "paragraphs", "extraction_article")


def _teaser_blocks(tree) -> int:
    """The largest group of sibling elements of one kind (tag + class) that each hold a headline link
    (>= 20 characters) and at least 40 characters of text outside links."""
    best = 0
    for parent in tree.iter():
        if not isinstance(parent.tag, str) or len(parent) < 2:
            continue
        groups: Counter = Counter()
        for child in parent:
            if not isinstance(child.tag, str):
                continue
            links = [_clean(a.text_content()) for a in child.iter("a")]
            if not any(len(t) >= 20 for t in links):
                continue
            text = _clean(child.text_content())
            if len(text) - sum(len(t) for t in links) >= 40:
                groups[(child.tag, child.get("class", ""))] += 1
        if groups:
            best = max(best, max(groups.values()))
    return best


def teaser_texts(html: str | bytes) -> set[str]:
    """Keys of the teaser sentences of a page's teaser blocks (text outside links, >= 40 characters):
    what a listing or home page shows of other pages. A page whose body repeats two of them is a listing."""
    if isinstance(html, bytes):
        html = html.decode("utf-8", "replace")
    try:
        tree = lxml.html.document_fromstring(html or "<html></html>")
    except Exception:
        return set()
    out = set()
    for el in tree.iter("p", "div", "span", "li"):
        if any(isinstance(c.tag, str) and c.tag in ("p", "div", "li", "ul") for c in el):
            continue   # an inner block holds the text
        if el.find(".//a") is not None or _in_excluded_zone(el):
            continue
        text = _clean(el.text_content())
        if len(text) >= 40:
            out.add(_key(text))
    return out


def _title_dateline(tree) -> bool:
    """An h1 (outside menus and headers) with a dateline within the next few elements."""
    for h1 in tree.iter("h1"):
        if _in_excluded_zone(h1) or len(_clean(h1.text_content())) < 10:
            continue
        seen = 0
        for el in h1.itersiblings():
            if not isinstance(el.tag, str):
                continue
            text = _clean(el.text_content())
            if len(text) <= 160 and parse_dateline(text):
                return True
            seen += 1
            if seen >= 4:
                break
        parent = h1.getparent()   # the dateline may sit in the title's wrapper's next sibling
        if parent is not None and parent.tag != "body":
            for el in list(parent.itersiblings())[:2]:
                if isinstance(el.tag, str) and len(_clean(el.text_content())) <= 160 \
                        and parse_dateline(el.text_content()):
                    return True
    return False


def page_features(html: str | bytes, url: str | None = None, got: dict | None = None,
                  seen_teasers: set[str] | frozenset = frozenset()) -> dict:
    """The numbers ``classify_page`` decides on (also the learned model's input); ``seen_teasers``:
    teaser sentences of the site's listing and home pages seen so far (``teaser_texts``)."""
    got = got if got is not None else extract_article(html, url=url)
    if isinstance(html, bytes):
        html = html.decode("utf-8", "replace")
    try:
        tree = lxml.html.document_fromstring(html or "<html></html>")
    except Exception:
        tree = lxml.html.document_fromstring("<html></html>")
    parts = urlsplit(url or "")
    path = parts.path or "/"
    text = _clean(tree.text_content()) if tree is not None else ""
    anchors = [_clean(a.text_content()) for a in tree.iter("a")]
    body = got.get("body") or ""
    return {
        "url_home": int(bool(url) and bool(_HOME_PATH.match(path)) and not parts.query),
        "url_listing": int(bool(_LISTING_PATH.search(path) or _LISTING_QUERY.search(parts.query))),
        "url_article": int(bool(_ARTICLE_PATH.search(path.rstrip("/") if path.endswith("/") else path)
                                or _ARTICLE_PATH.search(path))),
        "teasers": _teaser_blocks(tree),
        "headline_links": len({t for t in anchors if len(t) >= 20}),
        "h1_count": sum(1 for h in tree.iter("h1") if not _in_excluded_zone(h)),
        "title_dateline": int(_title_dateline(tree)),
        "body_chars": len(body),
        "link_ratio": round(sum(map(len, anchors)) / max(1, len(text)), 3),
        "paragraphs": body.count("\n") + 1 if body else 0,
        "extraction_article": int(bool(got.get("is_article"))),
        "known_teasers": sum(1 for p in body.split("\n") if _key(p) in seen_teasers) if seen_teasers else 0,
    }


def decide(f: dict) -> tuple[str, str]:
    """(type, reason) from ``page_features``.

    >>> decide({"url_home": 0, "url_listing": 0, "url_article": 1, "teasers": 0, "headline_links": 6,
    ...         "h1_count": 1, "title_dateline": 1, "body_chars": 900, "link_ratio": 0.2, "paragraphs": 5,
    ...         "extraction_article": 1})
    ('article', 'one title with a dateline and a body')
    """
    non_listing = "home" if f["url_home"] else "listing"
    if f["url_home"]:
        return "home", "the site's root"
    article_like = f["title_dateline"] and f["body_chars"] >= MIN_BODY_CHARS and f["h1_count"] <= 2
    if f.get("known_teasers", 0) >= 2 and not (article_like and f["url_article"]):
        return non_listing, f"{f['known_teasers']} paragraphs are teasers of the site's other pages"
    if f["teasers"] >= 3 and not (article_like and f["url_article"]):
        return non_listing, f"{f['teasers']} teaser blocks"
    if f["url_listing"] and not (article_like and f["url_article"]):
        return "listing", "listing URL"
    if not f["extraction_article"]:
        if f["url_article"] and f["teasers"] <= 1 and f["paragraphs"] >= 3 and f["link_ratio"] < 0.4 \
                and f["body_chars"] >= 2 * MIN_BODY_CHARS:
            return "article", "an article URL with a body of prose (the headline links are around it)"
        if f["teasers"] >= 2 or f["headline_links"] >= 4 and f["link_ratio"] > 0.4:
            return "listing", "no article body; many headline links"
        return "other", "no article body"
    if article_like:
        return "article", "one title with a dateline and a body"
    if f["teasers"] >= 2 and not f["h1_count"]:
        return non_listing, f"{f['teasers']} teaser blocks and no title"
    if f["link_ratio"] > 0.6:
        return "listing", f"{f['link_ratio']:.0%} of the text in links"
    if f["body_chars"] >= 2 * MIN_BODY_CHARS and (f["url_article"] or f["h1_count"] == 1):
        return "article", "a body of prose"
    return "other", "no dateline under a title"


def classify_page(html: str | bytes, url: str | None = None, got: dict | None = None,
                  seen_teasers: set[str] | frozenset = frozenset()) -> tuple[str, str]:
    """(type, reason) of a fetched page; ``got`` is its ``extract_article`` result when already computed,
    ``seen_teasers`` what the site's listing and home pages showed so far (``teaser_texts``)."""
    try:
        return decide(page_features(html, url, got, seen_teasers))
    except Exception as exc:  # classification must never take the crawl down
        return "other", f"classification failed: {type(exc).__name__}"

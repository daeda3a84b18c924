"""The generic spider: any site from one start URL (``partycorpus crawl --start-url``).

Follows links within the start URL's host, reads /robots.txt sitemaps,
/sitemap.xml and feeds named in ``<link rel=alternate>``, and stores only the
pages that ``crawler.pagetype.classify_page`` says are articles (home, listing and
other pages are followed for links and counted per type).

>>> # partycorpus crawl --start-url https://baolangson.vn/chinh-tri --province lang-son --max-pages 200
"""
from __future__ import annotations

from urllib.parse import urlsplit

import scrapy

from ..pagetype import classify_page, teaser_texts
from ..urls import canonicalize, same_site
from .base import ArticleSpiderMixin, _extract_article, content_type, is_html, selector_fields

# media never fetched; documents (.pdf, .doc) are fetched and counted as not_html (size-bounded)
_SKIP_EXT = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".zip", ".rar", ".mp3", ".mp4", ".avi", ".css", ".js",
             ".ico", ".woff", ".woff2")


class GenericSpider(ArticleSpiderMixin, scrapy.Spider):
    """Host-bounded crawl with generic article detection."""

    name = "partycorpus-generic"

    def __init__(self, start_url: str = "", province: str | None = None, session=None, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.start_url = canonicalize(start_url)
        self.session = session
        parts = urlsplit(self.start_url)
        self.base_url = f"{parts.scheme}://{parts.netloc}"
        host = (parts.hostname or "").removeprefix("www.")
        self.site = {"id": host or "generic", "province": province, "base_url": self.base_url, "selectors": {},
                     "date_formats": [], "strip": [], "revalidate": False}
        self.allowed_domains = [parts.hostname] if parts.hostname else []
        self.seen_teasers: set[str] = set()   # teaser sentences of the listing and home pages seen so far

    def site_of(self, response) -> dict:
        return self.site

    async def start(self):
        yield scrapy.Request(self.start_url, callback=self.parse_page, errback=self.on_error)
        yield scrapy.Request(self.base_url + "/robots.txt", callback=self.parse_robots, errback=self.on_error,
                             meta={"optional": True, "dont_obey_robotstxt": True})
        yield scrapy.Request(self.base_url + "/sitemap.xml", callback=self.parse_sitemap, errback=self.on_error,
                             meta={"optional": True})

    def _follow(self, url: str, callback=None, registered: frozenset | set = frozenset()):
        if not same_site(url, self.base_url):
            return None
        if urlsplit(url).path.lower().endswith(_SKIP_EXT):
            return None
        url = canonicalize(url)
        if url in registered or self.session.state.known(url) is not None:   # a stored article: never fetched again
            self.session.skipped_known += 1
            return None
        if self.session.should_wait(url):   # failed before (404, 500 …): not before its retry time
            return None
        return scrapy.Request(url, callback=callback or self.parse_page, errback=self.on_error,
                              meta={"kind": "page"})

    def _follow_all(self, urls, callback=None):
        """Requests for the unseen pages among ``urls``; the shared register is asked once for all of them."""
        urls = [u for u in urls if same_site(u, self.base_url) and not urlsplit(u).path.lower().endswith(_SKIP_EXT)]
        registered = self.session.registered(urls)
        for url in urls:
            req = self._follow(url, callback, registered)
            if req:
                yield req

    def parse_robots(self, response):
        for url in self.robots_sitemaps(response):
            if same_site(url, self.base_url):
                yield scrapy.Request(url, callback=self.parse_sitemap, errback=self.on_error, meta={"optional": True})

    def parse_sitemap(self, response):
        children, pages = self.sitemap_entries(response)
        yield from self._follow_all(children, self.parse_sitemap)
        yield from self._follow_all(pages)

    def parse_feed(self, response):
        yield from self._follow_all(self.feed_links(response))

    def parse_page(self, response):
        ctype = content_type(response)
        if not is_html(response, ctype):
            if "xml" in ctype or "rss" in ctype:
                yield from self.parse_feed(response)
                return
            self.fail("not_html", response.url, ctype, response.meta.get("kind"))
            return
        if not response.body.strip():
            self.fail("empty_page", response.url, kind=response.meta.get("kind"))
            return
        try:
            got = _extract_article(response.text, response.url, None)
            links = response.css("a::attr(href)").getall()
            feeds = response.css('link[rel="alternate"][type*="rss"]::attr(href), '
                                 'link[rel="alternate"][type*="atom"]::attr(href)').getall()
        except (ImportError, SyntaxError, NameError):
            raise
        except Exception as e:
            self.fail("malformed_html", response.url, f"{type(e).__name__}: {e}", response.meta.get("kind"))
            return
        page_type, why = classify_page(response.text, response.url, got, self.seen_teasers)
        self.session.count_page(self.site["id"], page_type)
        if page_type in ("home", "listing"):   # what the site shows of its articles, to know its listings by
            self.seen_teasers |= teaser_texts(response.text)
        if page_type == "article":   # home, listing and other pages are followed for links, never stored
            yield from self.make_article(response, self.site, got, selector_fields(response, self.site))
        else:
            self.logger.debug("not stored (%s: %s): %s", page_type, why, response.url)
        yield from self._follow_all([response.urljoin(h.strip()) for h in feeds], self.parse_feed)
        yield from self._follow_all([response.urljoin(h) for h in map(str.strip, links)
                                     if h and not h.startswith(("javascript:", "mailto:", "tel:", "#"))])

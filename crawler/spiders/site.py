"""The site spider: crawls the sites of site files (``crawler/sites/*.yaml``).

Discovery: listing pages with pagination, feeds and sitemaps. A walk down a
listing stops at the first page without unseen article links, but only when
the previous walk of that listing reached its end: after a first crawl, a
killed crawl or a listing page that failed, it goes on to the last page (or
``max_pages``), so no article below the interruption is left behind. Article pages are the links
whose path (+query) matches one of the site's ``article_url_patterns``.

>>> # partycorpus crawl --site baolangson --site baoquangninh
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

import scrapy

from ..urls import canonicalize, same_site
from .base import ArticleSpiderMixin


def _path_query(url: str) -> str:
    p = urlsplit(url)
    return p.path + (f"?{p.query}" if p.query else "")


def _section_of(listing_url: str) -> str | None:
    parts = [x for x in urlsplit(listing_url).path.split("/") if x]
    return parts[-1] if parts else None


class SiteSpider(ArticleSpiderMixin, scrapy.Spider):
    """One spider for all the chosen sites; each request carries its ``site_id``."""

    name = "partycorpus-sites"

    def __init__(self, sites: dict[str, dict] | None = None, session=None, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.sites = sites or {}
        self.session = session
        self._patterns = {sid: [re.compile(p) for p in s["article_url_patterns"]] for sid, s in self.sites.items()}
        self._exclude = {sid: [re.compile(p) for p in s.get("exclude_url_patterns", [])] for sid, s in self.sites.items()}
        self._scheduled: set[str] = set()
        hosts = set()
        for s in self.sites.values():
            hosts.add(urlsplit(s["base_url"]).hostname)
            for h in s.get("hosts", []):
                hosts.add(urlsplit(h if "//" in h else f"https://{h}").hostname)
        self.allowed_domains = sorted(h for h in hosts if h)

    # -- helpers ---------------------------------------------------------------------
    def site_of(self, response) -> dict:
        return self.sites[response.meta["site_id"]]

    def _abs(self, site: dict, path_or_url: str) -> str:
        return path_or_url if "//" in path_or_url else site["base_url"] + path_or_url

    def _on_site(self, site: dict, url: str) -> bool:
        if same_site(url, site["base_url"]):
            return True
        return any(same_site(url, h if "//" in h else f"https://{h}") for h in site.get("hosts", []))

    def is_article_url(self, site: dict, url: str) -> bool:
        """True when ``url`` is on the site and its path (+query) matches an article pattern."""
        if not self._on_site(site, url):
            return False
        pq = _path_query(url)
        if any(p.search(pq) for p in self._exclude[site["id"]]):
            return False
        return any(p.search(pq) for p in self._patterns[site["id"]])

    # -- start ---------------------------------------------------------------------------
    async def start(self):
        for req in self.start_requests_list():
            yield req

    def start_requests_list(self) -> list[scrapy.Request]:
        out = []
        for site in self.sites.values():
            for i, listing in enumerate(site["discovery"]["listings"]):
                url = self._abs(site, listing["url"])
                out.append(scrapy.Request(url, callback=self.parse_listing, errback=self.on_error, dont_filter=True,
                                          meta={"site_id": site["id"], "listing": i, "page": 1,
                                                "section": _section_of(url), "kind": "listing"}))
            for feed in site["discovery"]["feeds"]:
                out.append(scrapy.Request(self._abs(site, feed), callback=self.parse_feed, errback=self.on_error,
                                          dont_filter=True, meta={"site_id": site["id"], "kind": "feed"}))
            for sm in site["discovery"]["sitemaps"]:
                out.append(scrapy.Request(self._abs(site, sm), callback=self.parse_sitemap, errback=self.on_error,
                                          dont_filter=True, meta={"site_id": site["id"], "kind": "sitemap"}))
        return out

    # -- discovery -------------------------------------------------------------------------
    def _article_requests(self, site: dict, urls, section: str | None):
        """Requests for unseen article URLs (and revalidations); returns (requests, unseen count)."""
        reqs, unseen = [], 0
        candidates = list(dict.fromkeys(canonicalize(u) for u in urls if self.is_article_url(site, u)))
        candidates = [c for c in candidates if c not in self._scheduled]
        registered = self.session.registered(candidates)   # stored by any machine: one round trip per page
        for canon in candidates:
            self._scheduled.add(canon)
            seen = canon in registered or self.session.state.known(canon) is not None \
                or self.session.state.has_failed(canon)
            req = self.article_request(canon, site, section=section, registered=canon in registered)
            if not seen:
                unseen += 1
            if req is not None:
                reqs.append(req)
        return reqs, unseen

    def parse_listing(self, response):
        site = self.site_of(response)
        meta = response.meta
        listing = site["discovery"]["listings"][meta["listing"]]
        walk = meta.get("walk") or self._abs(site, listing["url"])
        page = meta["page"]
        stop_at_known = meta.get("stop_at_known")
        if stop_at_known is None:   # the first page: a new walk
            stop_at_known = self.session.start_listing_walk(walk, site["id"])
        if not hasattr(response, "css"):
            self.session.error("not_html", response.url)
            return
        sel = (listing.get("link_selector") or "a") + "::attr(href)"
        hrefs = [response.urljoin(h.strip()) for h in response.css(sel).getall() if h.strip()]
        self.session.count_health(site["id"], "listing_pages")
        if listing.get("link_selector") and not any(self.is_article_url(site, h) for h in hrefs):
            # the selector is stale: fall back to every link on the page
            self.session.count_health(site["id"], "listing_link_selector_empty")
            hrefs = [response.urljoin(h.strip()) for h in response.css("a::attr(href)").getall() if h.strip()]
        reqs, unseen = self._article_requests(site, hrefs, meta.get("section"))
        yield from reqs
        has_articles = any(self.is_article_url(site, h) for h in hrefs)
        if not has_articles and page == 1:
            self.session.count_health(site["id"], "listing_pages_without_article_links")
        if (unseen == 0 and stop_at_known) or not has_articles or page >= listing["max_pages"]:
            self.session.finish_listing_walk(walk, page)
            return
        next_url = None
        if listing.get("pagination"):
            next_url = self._abs(site, listing["pagination"].replace("{n}", str(page + 1)))
        elif listing.get("next_selector"):
            href = response.css(listing["next_selector"] + "::attr(href)").get()
            next_url = response.urljoin(href) if href else None
        if next_url and self._on_site(site, next_url):
            yield scrapy.Request(next_url, callback=self.parse_listing, errback=self.on_error,
                                 meta={**{k: meta[k] for k in ("site_id", "listing", "section", "kind")},
                                       "page": page + 1, "walk": walk, "stop_at_known": stop_at_known})
        else:
            self.session.finish_listing_walk(walk, page)

    def parse_feed(self, response):
        site = self.site_of(response)
        reqs, _ = self._article_requests(site, self.feed_links(response), None)
        yield from reqs

    def parse_sitemap(self, response):
        site = self.site_of(response)
        children, pages = self.sitemap_entries(response)
        for url in children:
            if self._on_site(site, url):
                yield scrapy.Request(url, callback=self.parse_sitemap, errback=self.on_error,
                                     meta={"site_id": site["id"], "kind": "sitemap"})
        reqs, _ = self._article_requests(site, pages, None)
        yield from reqs

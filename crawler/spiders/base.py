"""What both spiders share: article pages -> ``Article`` items, feeds, sitemaps,
error counting by reason.

An article page is archived (WARC) first, then extracted: site selectors
first, ``crawler.extraction.extract_article`` fills the rest. The item goes to
``crawler.pipelines.StorePipeline`` (spool, then state).
"""
from __future__ import annotations

import gzip
import hashlib

import scrapy
from scrapy.http import TextResponse

from records import Article, now_iso

from ..extraction import parse_date_text  # noqa: F401 (site date formats; used below)
from ..health import record_selector_health
from ..pagetype import classify_page
from ..urls import article_id, canonicalize

HTML_TYPES = ("text/html", "application/xhtml+xml")
_MAX_SITEMAP_BYTES = 50 * 1024 * 1024


def content_sha1(title: str | None, sapo: str | None, text: str | None) -> str:
    """sha1 of title, lead and body (the same definition as ``corpus.store.content_sha1``)."""
    h = hashlib.sha1()
    for part in (title or "", sapo or "", text or ""):
        h.update(part.encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()


def _extract_article(html: str, url: str, site: dict | None) -> dict:
    from ..extraction import extract_article

    return extract_article(html, url=url, site=site)


def selector_fields(response, site: dict | None) -> dict:
    """Fields found by the site's CSS selectors (missing when a selector finds nothing)."""
    out: dict = {}
    sels = (site or {}).get("selectors") or {}
    for key in ("title", "author", "date"):
        sel = sels.get(key)
        if not sel:
            continue
        text = " ".join(" ".join(response.css(f"{sel} ::text").getall()).split())
        if not text:
            continue
        if key == "date":
            day, time = parse_date_text(text, (site or {}).get("date_formats") or [])
            if day:
                out["published"] = day
                out["published_time"] = time
        else:
            out[key] = text
    return out


def classify_failure(failure) -> tuple[str, str]:
    """(reason, detail) of a failed request: http_404, timeout, oversized, robots_disallowed, ..."""
    from scrapy.spidermiddlewares.httperror import HttpError

    exc = failure.value
    name = type(exc).__name__
    msg = str(exc)
    if isinstance(exc, HttpError):
        return f"http_{exc.response.status}", ""
    if "robots.txt" in msg:
        return "robots_disallowed", ""
    if "max redirections" in msg:
        return "redirect_loop", ""
    if "max size" in msg or name == "DownloadCancelledError":
        return "oversized", msg[:120]
    if "Timeout" in name or "timed out" in msg.lower():
        return "timeout", ""
    if "DNSLookup" in name or name == "CannotResolveHostError":
        return "dns", ""
    if "ConnectionRefused" in name:
        return "connection_refused", ""
    if "ConnectionLost" in name or "ResponseNeverReceived" in name or "DataLoss" in name \
            or name == "DownloadFailedError":   # Scrapy >= 2.13 wraps a reset or lost connection in it
        return "connection_lost", ""
    return name.lower(), msg[:120]


def build_article(url: str, site: dict | None, got: dict, sel: dict, *, province: str | None,
                  section: str | None, raw_ref: str | None, run_id: str | None) -> Article:
    """An ``Article`` from generic extraction (``got``) and site-selector fields (``sel``, preferred).

    >>> build_article("https://baolangson.vn/chi-bo-12345.html", {"id": "baolangson"},
    ...               {"title": "Chi bộ mẫu", "body": "Nội dung."}, {}, province="lang-son", section=None,
    ...               raw_ref=None, run_id=None).article_id == article_id("https://baolangson.vn/chi-bo-12345.html")
    True
    """
    body = (got.get("body") or "").strip()
    title = sel.get("title") or got.get("title")
    sapo = got.get("sapo") or None
    url = canonicalize(url)
    return Article(
        article_id=article_id(url), url=url, site=(site or {}).get("id"), province=province, title=title,
        sapo=sapo, text=body, published=sel.get("published") or got.get("published"),
        author=sel.get("author") or got.get("author"), section=section, fetched_at=now_iso(), raw_ref=raw_ref,
        crawl_run=run_id, content_sha1=content_sha1(title, sapo, body), credit=got.get("credit"))


def content_type(response) -> str:
    """The response's Content-Type, lower case ("" when absent)."""
    return response.headers.get(b"Content-Type", b"").decode("latin-1").lower()


def is_html(response, ctype: str) -> bool:
    """A text response whose declared type (if any) is HTML."""
    return isinstance(response, TextResponse) and (not ctype or any(t in ctype for t in HTML_TYPES))


class ArticleSpiderMixin:
    """Shared callbacks; the spider sets ``self.session`` and implements ``site_of(response)``."""

    session = None

    # -- requests -------------------------------------------------------------------
    def article_request(self, url: str, site: dict, *, section: str | None = None, registered: bool = False,
                        **meta) -> scrapy.Request | None:
        """Request of an article page, or None when it is already stored (here, or by another machine:
        ``registered``) and the site is not revalidated."""
        url = canonicalize(url)
        row = self.session.state.known(url)
        headers = {}
        if row is None and registered:   # stored by another machine: no validators here
            if not site.get("revalidate"):
                self.session.skipped_known += 1
                return None
        elif row is not None:
            if not site.get("revalidate"):
                self.session.skipped_known += 1
                return None
            if row["etag"]:
                headers["If-None-Match"] = row["etag"]
            if row["last_modified"]:
                headers["If-Modified-Since"] = row["last_modified"]
        elif self.session.should_wait(url):
            return None
        return scrapy.Request(url, callback=self.parse_article, errback=self.on_error, headers=headers,
                              meta={"site_id": site["id"], "section": section, "kind": "article", **meta})

    def on_error(self, failure):
        request = getattr(failure, "request", None)
        if request is not None and request.meta.get("optional"):
            return
        if "KnownArticle:" in str(failure.value):   # a redirect to a stored article (crawler.register)
            return
        reason, detail = classify_failure(failure)
        if reason == "http_404" and request is not None and request.meta.get("kind") == "listing" \
                and request.meta.get("page", 1) > 1:
            if request.meta.get("walk"):   # paged past the last listing page: the walk is complete
                self.session.finish_listing_walk(request.meta["walk"], request.meta["page"] - 1)
            return
        self.fail(reason, request.url if request is not None else "", detail,
                  request.meta.get("kind") if request is not None else None,
                  aliases=request.meta.get("redirect_urls", []) if request is not None else [])

    def fail(self, reason: str, url: str, detail: str = "", kind: str | None = "article", aliases=()) -> None:
        """Count a skipped page; an article page (or a generic crawl's page) also waits before its next fetch,
        under its URL and the URLs that redirected to it."""
        if kind == "article" or (kind == "page" and reason != "not_article"):
            self.session.page_failed(reason, url, detail, aliases=aliases)
        else:
            self.session.error(reason, url, detail)

    # -- article pages -----------------------------------------------------------------
    def parse_article(self, response):
        site = self.site_of(response)
        if response.status == 304:
            self.session.run.unchanged += 1
            with self.session.state.write() as state:
                state.touch(response.url)
            return
        ctype = content_type(response)
        moved = response.meta.get("redirect_urls", [])   # the listing's URL, when the page redirected
        if not is_html(response, ctype):
            self.fail("not_html", response.url, ctype, aliases=moved)
            return
        if not response.body.strip():
            self.fail("empty_page", response.url, aliases=moved)
            return
        try:
            html = response.text
            got = _extract_article(html, response.url, site)
            sel = selector_fields(response, site)
        except (ImportError, SyntaxError, NameError):
            raise
        except Exception as e:  # malformed markup must not stop the crawl
            self.fail("malformed_html", response.url, f"{type(e).__name__}: {e}", aliases=moved)
            return
        # the site file's URL patterns say "article": only what the page shows can overrule them
        page_type, why = classify_page(html, None, got)
        if page_type == "other" and got.get("is_article"):
            page_type = "article"
        self.session.count_page((site or {}).get("id"), page_type)
        if page_type != "article":   # a listing or home page behind an article-like URL is never stored
            self.fail("not_article", response.url, f"{page_type}: {got.get('reason') or why}", aliases=moved)
            return
        if site and site.get("selectors"):
            record_selector_health(self.session, site, html, response.url, got)
        yield from self.make_article(response, site, got, sel)

    def make_article(self, response, site: dict | None, got: dict, sel: dict):
        if not (got.get("body") or "").strip():
            self.fail("empty_body", response.url, kind=response.meta.get("kind", "page"),
                      aliases=response.meta.get("redirect_urls", []))
            return
        raw_ref = self.session.archive.write_response(
            response.url, response.status,
            [(k.decode("latin-1"), v.decode("latin-1")) for k, vs in response.headers.items() for v in vs],
            response.body, site, section=response.meta.get("section"))
        art = build_article(response.url, site, got, sel, province=self.province_of(site),
                            section=response.meta.get("section"), raw_ref=raw_ref, run_id=self.session.run_id)
        if not art.published:
            self.session.errors["no_date"] += 1   # stored with the field missing
        etag = response.headers.get(b"ETag")
        lm = response.headers.get(b"Last-Modified")
        self.session.validators[art.article_id] = (etag.decode("latin-1") if etag else None,
                                                   lm.decode("latin-1") if lm else None)
        aliases = {canonicalize(u) for u in response.meta.get("redirect_urls", [])} - {art.url}
        if aliases:   # old URLs that redirect here: known too, never fetched again
            self.session.aliases[art.article_id] = sorted(aliases)
        yield art

    def province_of(self, site: dict | None) -> str | None:
        return (site or {}).get("province")

    # -- feeds and sitemaps --------------------------------------------------------------
    @staticmethod
    def feed_links(response) -> list[str]:
        """Item links of an RSS or Atom feed."""
        try:
            sel = scrapy.Selector(text=response.text, type="xml")
        except Exception:
            return []
        sel.remove_namespaces()
        links = sel.xpath("//item/link/text() | //entry/link/@href | //item/guid[not(@isPermaLink='false')]/text()")
        return [response.urljoin(x.get().strip()) for x in links if x.get().strip()]

    @staticmethod
    def sitemap_entries(response) -> tuple[list[str], list[str]]:
        """(child sitemaps, page URLs) of a sitemap or sitemap index (gzip accepted)."""
        from scrapy.utils.sitemap import Sitemap

        body = response.body
        if body[:2] == b"\x1f\x8b":
            try:
                body = gzip.decompress(body)[:_MAX_SITEMAP_BYTES]
            except OSError:
                return [], []
        try:
            sm = Sitemap(body)
        except Exception:
            return [], []
        locs = [response.urljoin(e["loc"]) for e in sm if e.get("loc")]
        return (locs, []) if sm.type == "sitemapindex" else ([], locs)

    @staticmethod
    def robots_sitemaps(response) -> list[str]:
        return [response.urljoin(line.split(":", 1)[1].strip())
                for line in response.text.splitlines() if line.lower().startswith("sitemap:")]

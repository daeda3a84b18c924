"""Serve the synthetic mirror: one real HTTP server per site on 127.0.0.1.

>>> with Mirror(slow_seconds=0) as m:          # doctest: +SKIP
...     m.base_urls["lso"]                     # 'http://127.0.0.1:40123'
...     m.write_site_files(tmp / "sites")      # site YAML files with live base URLs
...     m.update_article(9001, title="Tin đã sửa")

By hand: ``python -m crawler.mirror.server --port 8765`` serves lso, qno, ldg,
tccs on ports 8765..8768 until interrupted.

Traps (URLs in ``Mirror.traps``): robots.txt with ``Disallow: /admin/`` and one
article-like path, 301 from old Báo Lạng Sơn URLs, 404 and 500 links, a slow
article page, tracking-parameter duplicates, a windows-1258 page, a page over
6 MB, a redirect loop, a PDF, malformed HTML, an article page with an empty
body. Article pages send ETag and Last-Modified and answer 304 to conditional
requests.
"""
from __future__ import annotations

import argparse
import datetime as dt
import email.utils
import hashlib
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from . import render
from .articles import SITE_IDS, load_articles, normalise_article

SITES_DIR = Path(__file__).resolve().parent / "sites"
VN_TZ = dt.timezone(dt.timedelta(hours=7))
OVERSIZED_BYTES = 6_500_000

# fixed trap paths per site (ids 77xx are reserved for traps, never content)
ROBOTS_DISALLOWED = "/tai-lieu-noi-bo-7702.html"
TRAP_PATHS = {
    "robots_disallowed": ("lso", ROBOTS_DISALLOWED),
    "admin": ("lso", "/admin/dang-nhap"),
    "not_found": ("lso", "/bai-viet-da-go-7701.html"),
    "redirect_loop": ("lso", "/vong-lap-a-7703.html"),
    "server_error": ("qno", "/loi-may-chu-7705.html"),
    "pdf": ("qno", "/files/nghi-quyet-7706.pdf"),
    "oversized": ("ldg", "/xay-dung-dang/202010/trang-rat-lon-a7707ff/"),
    "empty_body": ("ldg", "/xay-dung-dang/202010/bai-viet-trong-b7708ee/"),
    "tccs_not_found": ("tccs", "/web/guest/chinh-tri-xay-dung-dang/-/2019/7709/bai-da-xoa.aspx"),
}
LOOP = {"/vong-lap-a-7703.html": "/vong-lap-b-7704.html", "/vong-lap-b-7704.html": "/vong-lap-a-7703.html"}
TRACKING_SUFFIXES = ("?utm_source=facebook&utm_medium=social", "?fbclid=IwAR0synthetic&zarsrc=31")


class _Response:
    def __init__(self, status: int, body: bytes = b"", ctype: str = "text/html; charset=utf-8", headers=None):
        self.status, self.body, self.ctype, self.headers = status, body, ctype, dict(headers or {})


class _Handler(BaseHTTPRequestHandler):
    server_version = "PartycorpusMirror/1.0"

    def log_message(self, format, *args):  # quiet
        pass

    def _serve(self, head_only: bool):
        mirror, site = self.server.mirror, self.server.site
        try:
            resp = mirror._respond(site, self.path, self.headers)
        except Exception as exc:  # a bug here must not hang the client
            resp = _Response(500, f"mirror error: {type(exc).__name__}".encode(), "text/plain; charset=utf-8")
        try:
            self.send_response(resp.status)
            if resp.status != 304:
                self.send_header("Content-Type", resp.ctype)
                self.send_header("Content-Length", str(len(resp.body)))
            for k, v in resp.headers.items():
                self.send_header(k, v)
            self.end_headers()
            if not head_only and resp.status != 304 and resp.body:
                self.wfile.write(resp.body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def do_GET(self):
        self._serve(False)

    def do_HEAD(self):
        self._serve(True)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True


class Mirror:
    """The four synthetic sites (lso, qno, ldg, tccs) as live HTTP servers.

    ``stats`` counts requests by path as requested (query included);
    ``fetch_count(path)`` sums them over queries. Ví dụ: ``m.fetch_count(m.url(9001))``.
    """

    def __init__(self, content_dir: str | Path | None = None, slow_seconds: float = 1.5,
                 ports: dict[str, int] | None = None, host: str = "127.0.0.1"):
        self.articles: dict[int, dict] = load_articles(content_dir)
        self.slow_seconds = slow_seconds
        self.host = host
        self._ports = dict(ports or {})
        self._lock = threading.RLock()
        self.stats: Counter = Counter()
        self.site_stats: dict[str, Counter] = {s: Counter() for s in SITE_IDS}
        self._servers: dict[str, _Server] = {}
        self._threads: list[threading.Thread] = []
        self._oversized: bytes | None = None
        self.failing_listing_pages: set[tuple[str, int]] = set()   # (site, page) answered 500, for tests
        for art in self.articles.values():
            self._init_version(art)
        self._order = {s: [a["id"] for a in sorted(
            (a for a in self.articles.values() if a["site"] == s),
            key=lambda a: (a["published_dt"], a["id"]), reverse=True)] for s in SITE_IDS}
        # article-level traps: the site's article with the largest id
        self.legacy_encoded_id = self._largest("lso")
        self.slow_id = self._largest("qno")
        self.malformed_id = self._largest("ldg")
        self._rebuild_paths()

    # ------------------------------------------------------------------ lifecycle
    def start(self) -> "Mirror":
        for site in SITE_IDS:
            srv = _Server((self.host, self._ports.get(site, 0)), _Handler)
            srv.mirror, srv.site = self, site
            t = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.1},
                                 name=f"mirror-{site}", daemon=True)
            t.start()
            self._servers[site] = srv
            self._threads.append(t)
        return self

    def stop(self) -> None:
        for srv in self._servers.values():
            srv.shutdown()
            srv.server_close()
        for t in self._threads:
            t.join(timeout=5)
        self._servers.clear()
        self._threads.clear()

    def __enter__(self) -> "Mirror":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    # ------------------------------------------------------------------ public helpers
    @property
    def base_urls(self) -> dict[str, str]:
        """``{site_id: "http://127.0.0.1:PORT"}`` of the running servers."""
        return {s: f"http://{self.host}:{srv.server_address[1]}" for s, srv in self._servers.items()}

    def url(self, article_id: int) -> str:
        """Current URL of a content article."""
        art = self.articles[int(article_id)]
        return self.base_urls[art["site"]] + render.article_path(art["site"], art)

    @property
    def traps(self) -> dict[str, str]:
        """Trap name -> absolute URL (for tests of the crawler)."""
        b = self.base_urls
        out = {name: b[site] + path for name, (site, path) in TRAP_PATHS.items()}
        for name, art_id in (("legacy_encoding", self.legacy_encoded_id), ("slow", self.slow_id),
                             ("malformed", self.malformed_id)):
            if art_id is not None:
                out[name] = self.url(art_id)
        redirected = [a for a in self._site_articles("lso") if a["id"] % 2 == 1]
        if redirected:
            out["moved_permanently"] = b["lso"] + render.old_article_path(redirected[0])
        qno = self._site_articles("qno")
        if qno:
            out["tracking_duplicate"] = self.url(qno[0]["id"]) + TRACKING_SUFFIXES[0]
        out["rss"] = b["qno"] + "/rss/chinh-tri.rss"
        out["sitemap"] = b["ldg"] + "/sitemap.xml"
        return out

    def fetch_count(self, path_or_url: str) -> int:
        """Requests for a path (any query string), e.g. to check 'fetched once'."""
        parts = urlsplit(path_or_url)
        path = parts.path or "/"
        with self._lock:
            if parts.netloc:
                site = next((s for s, u in self.base_urls.items() if urlsplit(u).netloc == parts.netloc), None)
                counter = self.site_stats.get(site, Counter())
            else:
                counter = self.stats
            return sum(n for p, n in counter.items() if p.split("?", 1)[0] == path)

    def write_site_files(self, dest_dir: str | Path) -> Path:
        """Write ``<site>.yaml`` for lso/qno/ldg/tccs with the live base URLs."""
        dest = Path(dest_dir)
        dest.mkdir(parents=True, exist_ok=True)
        for site, base in self.base_urls.items():
            text = (SITES_DIR / f"{site}.yaml").read_text(encoding="utf-8")
            (dest / f"{site}.yaml").write_text(text.replace("{base_url}", base), encoding="utf-8")
        return dest

    def update_article(self, article_id: int, **fields) -> str:
        """Change an article between crawls (new ETag and Last-Modified); its URL stays."""
        with self._lock:
            old = self.articles[int(article_id)]
            raw = {k: v for k, v in old.items() if k not in ("paragraphs", "published_dt", "slug", "source")}
            raw.update(fields)
            raw["id"], raw["site"] = old["id"], old["site"]
            art = normalise_article(raw, f"update of {article_id}")
            art["slug"] = old["slug"]
            art["published_dt"] = old["published_dt"] if "published" not in fields else art["published_dt"]
            art["version"] = old["version"] + 1
            now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
            art["modified"] = max(now, old["modified"] + dt.timedelta(seconds=1))
            art["etag"] = self._etag(art)
            self.articles[art["id"]] = art
            self._rebuild_paths()
            return self.url(art["id"]) if self._servers else render.article_path(art["site"], art)

    def add_article(self, record: dict) -> str:
        """Publish a new article at the top of its site's listing; returns its URL."""
        with self._lock:
            art = normalise_article(record, "added article")
            if art["id"] in self.articles:
                raise ValueError(f"added article: id {art['id']} already exists")
            self._init_version(art)
            self.articles[art["id"]] = art
            self._order[art["site"]].insert(0, art["id"])
            self._rebuild_paths()
            return self.url(art["id"]) if self._servers else render.article_path(art["site"], art)

    # ------------------------------------------------------------------ internals
    def _largest(self, site: str):
        ids = [i for i, a in self.articles.items() if a["site"] == site]
        return max(ids) if ids else None

    def _etag(self, art: dict) -> str:
        key = repr((art["title"], art["sapo"], art["body"], art["author"], art["captions"], art["version"]))
        return f'"{art["id"]}-{art["version"]}-{hashlib.sha1(key.encode()).hexdigest()[:10]}"'

    def _init_version(self, art: dict) -> None:
        art["version"] = 1
        art["modified"] = art["published_dt"].replace(tzinfo=VN_TZ).astimezone(dt.timezone.utc)
        art["etag"] = self._etag(art)

    def _site_articles(self, site: str) -> list[dict]:
        return [self.articles[i] for i in self._order[site]]

    def _rebuild_paths(self) -> None:
        self._paths = {i: render.article_path(a["site"], a) for i, a in self.articles.items()}
        self._by_path = {(a["site"], self._paths[i]): i for i, a in self.articles.items()}
        self._old_paths = {render.old_article_path(a): i for i, a in self.articles.items() if a["site"] == "lso"}

    def _listing_items(self, site: str) -> list[tuple[str, dict]]:
        items = []
        for a in self._site_articles(site):
            url = render.old_article_path(a) if site == "lso" and a["id"] % 2 == 1 else self._paths[a["id"]]
            items.append((url, a))
        return items

    def _trap_links(self, site: str, page: int) -> list[tuple[str, str]]:
        if page != 1:
            return []
        links = [(p, f"Bài viết thử nghiệm {name}") for name, (s, p) in TRAP_PATHS.items() if s == site]
        if site == "lso":
            links.append((LOOP["/vong-lap-a-7703.html"], "Bài viết vòng lặp"))
        if site == "qno":
            links += [(self._paths[a["id"]] + suf, a["title"]) for a in self._site_articles(site)[:3]
                      for suf in TRACKING_SUFFIXES]
        return links

    def _respond(self, site: str, raw_path: str, headers) -> _Response:
        with self._lock:
            self.stats[raw_path] += 1
            self.site_stats[site][raw_path] += 1
        parts = urlsplit(raw_path)
        path, query = parts.path or "/", parse_qs(parts.query)
        now = dt.datetime.now(VN_TZ)
        html = lambda s, status=200: _Response(status, s.encode("utf-8"))  # noqa: E731

        with self._lock:
            base = self.base_urls.get(site, "")
            if path == "/robots.txt":
                lines = ["User-agent: *", "Disallow: /admin/"]
                if site == "lso":
                    lines.append(f"Disallow: {ROBOTS_DISALLOWED}")
                if site == "ldg":
                    lines.append(f"Sitemap: {base}/sitemap.xml")
                return _Response(200, ("\n".join(lines) + "\n").encode(), "text/plain; charset=utf-8")
            if path == "/":
                return html(render.render_home(site, self._listing_items(site), now))
            if path.rstrip("/") == render.LISTING_PATHS[site].rstrip("/"):
                return self._listing(site, query, now)
            if site == "qno" and path == "/rss/chinh-tri.rss":
                body = render.render_rss(site, base, [(self._paths[a["id"]], a) for a in self._site_articles(site)])
                return _Response(200, body.encode(), "application/rss+xml; charset=utf-8")
            if site == "ldg" and path == "/sitemap.xml":
                items = [(self._paths[a["id"]], a) for a in self._site_articles(site)]
                items.append((TRAP_PATHS["oversized"][1], {"published_dt": dt.datetime(2020, 10, 1)}))
                items.append((TRAP_PATHS["empty_body"][1], {"published_dt": dt.datetime(2020, 10, 2)}))
                return _Response(200, render.render_sitemap(base, items).encode(), "application/xml; charset=utf-8")
            art_id = self._by_path.get((site, path))
            if art_id is None and site == "ldg" and not path.endswith("/"):
                art_id = self._by_path.get((site, path + "/"))
            if art_id is not None:
                return self._article(site, self.articles[art_id], headers, now)
            if site == "lso" and path in self._old_paths:
                return _Response(301, b"", headers={"Location": base + self._paths[self._old_paths[path]]})
            if site == "lso" and path in LOOP:
                return _Response(302, b"", headers={"Location": base + LOOP[path]})
            if site == "lso" and path == ROBOTS_DISALLOWED:
                return html(render.render_empty_article(site, "Tài liệu nội bộ (trang bị chặn bởi robots.txt)", now)
                            .replace("<div class=\"td-post-content\"></div>",
                                     "<div class=\"td-post-content\"><p>Trang mô phỏng: trình thu thập không được tải trang này.</p></div>"))
            if path.startswith("/admin/"):
                return html("<html><body><h1>Khu vực quản trị</h1></body></html>", 403)
            if site == "qno" and path == TRAP_PATHS["server_error"][1]:
                return html("<html><body><h1>500 Internal Server Error</h1></body></html>", 500)
            if site == "qno" and path == TRAP_PATHS["pdf"][1]:
                return _Response(200, b"%PDF-1.4\n% synthetic placeholder, not a real document\n%%EOF\n", "application/pdf")
            if site == "ldg" and path == TRAP_PATHS["oversized"][1]:
                return _Response(200, self._oversized_page(now))
            if site == "ldg" and path == TRAP_PATHS["empty_body"][1]:
                return html(render.render_empty_article(site, "Bài viết bị mất nội dung", now))
        return html("<html><head><title>404</title></head><body><h1>Không tìm thấy trang</h1></body></html>", 404)

    def _listing(self, site: str, query: dict, now) -> _Response:
        if site == "tccs":
            page_s = query.get("_101_INSTANCE_xdd_cur", ["1"])[0]
        else:
            page_s = query.get("page", ["1"])[0]
        try:
            page = int(page_s)
        except ValueError:
            page = 1
        items = self._listing_items(site)
        npages = max(1, -(-len(items) // render.PAGE_SIZE))
        if (site, page) in self.failing_listing_pages:
            return _Response(500, "<html><body><h1>500 Internal Server Error</h1></body></html>".encode())
        if page < 1 or page > npages:
            return _Response(404, "<html><body><h1>Trang không tồn tại</h1></body></html>".encode())
        chunk = items[(page - 1) * render.PAGE_SIZE: page * render.PAGE_SIZE]
        body = render.render_listing(site, chunk, page, npages, now, self._trap_links(site, page))
        return _Response(200, body.encode("utf-8"))

    def _article(self, site: str, art: dict, headers, now) -> _Response:
        last_modified = email.utils.format_datetime(art["modified"], usegmt=True)
        cache = {"ETag": art["etag"], "Last-Modified": last_modified}
        inm = headers.get("If-None-Match")
        ims = headers.get("If-Modified-Since")
        if inm is not None:
            if art["etag"] in [t.strip() for t in inm.split(",")] or inm.strip() == "*":
                return _Response(304, headers=cache)
        elif ims:
            try:
                since = email.utils.parsedate_to_datetime(ims)
                if since.tzinfo is None:
                    since = since.replace(tzinfo=dt.timezone.utc)
                if art["modified"] <= since:
                    return _Response(304, headers=cache)
            except (TypeError, ValueError):
                pass
        if art["id"] == self.slow_id and self.slow_seconds > 0:
            self._lock.release()
            try:
                time.sleep(self.slow_seconds)
            finally:
                self._lock.acquire()
        others = [a for a in self._site_articles(site) if a["id"] != art["id"]]
        legacy = art["id"] == self.legacy_encoded_id
        page = render.render_article(site, art, others=others, paths=self._paths, today=now,
                                     malformed=art["id"] == self.malformed_id,
                                     charset="windows-1258" if legacy else "utf-8")
        if legacy:
            return _Response(200, render.encode_legacy(page), "text/html; charset=windows-1258", cache)
        return _Response(200, page.encode("utf-8"), headers=cache)

    def _oversized_page(self, now) -> bytes:
        if self._oversized is None:
            head = render._head("Trang quá lớn - " + render.SITE_NAMES["ldg"]) + "<body>\n<h1>Trang quá lớn</h1>\n"
            filler = "<p>Nội dung mô phỏng lặp lại để trang vượt giới hạn kích thước.</p>\n".encode()
            n = OVERSIZED_BYTES // len(filler) + 1
            self._oversized = head.encode() + filler * n + b"</body></html>\n"
        return self._oversized


def main(argv: list[str] | None = None) -> int:
    """Serve the mirror by hand until Ctrl-C."""
    ap = argparse.ArgumentParser(prog="python -m crawler.mirror.server",
                                 description="Serve the synthetic mirror sites on 127.0.0.1 (ports PORT..PORT+3).")
    ap.add_argument("--port", type=int, default=8765, help="first port (0: ephemeral ports)")
    ap.add_argument("--slow", type=float, default=1.5, help="delay of the slow page in seconds")
    ap.add_argument("--content", default=None, help="folder of content YAML files")
    ap.add_argument("--sites-out", default=None, help="also write site YAML files to this folder")
    args = ap.parse_args(argv)
    ports = {s: (args.port + i if args.port else 0) for i, s in enumerate(SITE_IDS)}
    try:
        mirror = Mirror(args.content, slow_seconds=args.slow, ports=ports).start()
    except (OSError, ValueError) as exc:
        print(f"mirror: error: {exc}")
        return 2
    for site, url in mirror.base_urls.items():
        print(f"{site:5} {url}{render.LISTING_PATHS[site]}")
    if args.sites_out:
        print(f"site files: {mirror.write_site_files(args.sites_out)}")
    print(f"{len(mirror.articles)} synthetic articles; Ctrl-C to stop", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        mirror.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

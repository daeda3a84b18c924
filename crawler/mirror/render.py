"""HTML of the four synthetic mirror sites, modelled on real Vietnamese CMSs.

Each site has its own URL shapes, dateline, byline, lead prefix and furniture
(see ``shared/domain/SITES.md``). Every page carries the traps a crawler and
an extractor meet in the wild: today's date in the header, menus, "Mới nhất" /
"Xem nhiều nhất" sidebars, share bars, tags, related news and a footer.

>>> article_path("lso", {"id": 9001, "slug": "huyen-uy-cao-loc"})  # doctest: +SKIP
'/huyen-uy-cao-loc-9001.html'
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from html import escape

GENERATOR = '<meta name="generator" content="partycorpus synthetic mirror">'
WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"]
PAGE_SIZE = 5

SITE_NAMES = {
    "lso": "Báo Lạng Sơn (mô phỏng)",
    "qno": "Báo Quảng Ninh (mô phỏng)",
    "ldg": "Báo Lâm Đồng (mô phỏng)",
    "tccs": "Tạp chí Cộng sản (mô phỏng)",
}
LISTING_PATHS = {
    "lso": "/chinh-tri/xay-dung-dang",
    "qno": "/chinh-tri",
    "ldg": "/chinh-tri/xay-dung-dang/",
    "tccs": "/web/guest/chinh-tri-xay-dung-dang",
}
LEAD_PREFIXES = {"lso": "(LSO) – ", "qno": "", "ldg": "(LĐ) - ", "tccs": "TCCS - "}
TCCS_PAGER = "p_p_id=101_INSTANCE_xdd&_101_INSTANCE_xdd_cur="


def e(text) -> str:
    return escape(str(text), quote=True)


def weekday(d: dt.date) -> str:
    return WEEKDAYS[d.weekday()]


def hex7(art_id: int) -> str:
    return hashlib.sha1(f"ldg:{art_id}".encode()).hexdigest()[:7]


def article_path(site: str, art: dict) -> str:
    """Current URL path of an article on its site."""
    i, slug = art["id"], art["slug"]
    if site in ("lso", "qno"):
        return f"/{slug}-{i}.html"
    pub = art.get("published_dt") or dt.datetime(2020, 1, 1)
    if site == "ldg":
        return f"/{art.get('section') or 'chinh-tri'}/{pub:%Y%m}/{slug}-{hex7(i)}/"
    return f"/web/guest/chinh-tri-xay-dung-dang/-/{pub:%Y}/{i}/{slug}.aspx"


def old_article_path(art: dict) -> str:
    """Older Báo Lạng Sơn shape (id first); answered with a 301 to the current one."""
    return f"/chinh-tri/xay-dung-dang/{art['id']}-{art['slug']}.html"


def listing_url(site: str, page: int) -> str:
    base = LISTING_PATHS[site]
    if page <= 1:
        return base
    if site == "tccs":
        return f"{base}?{TCCS_PAGER}{page}"
    return f"{base}?page={page}"


# --------------------------------------------------------------------------- chrome

def _head(title: str, extra: str = "", charset: str = "utf-8") -> str:
    return (f'<!DOCTYPE html>\n<html lang="vi">\n<head>\n<meta charset="{charset}">\n'
            f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">\n'
            f"{GENERATOR}\n<title>{e(title)}</title>\n{extra}</head>\n")


def _today_bar(site: str, today: dt.datetime) -> str:
    if site == "lso":
        return f'<div class="top-bar"><span class="today">{weekday(today)}, {today:%d/%m/%Y}</span> <a href="/dang-nhap">Đăng nhập</a></div>\n'
    if site == "qno":
        return f'<div class="header-top">Hôm nay: {weekday(today)}, ngày {today:%d/%m/%Y} {today:%H:%M} | <a href="/lien-he">Liên hệ</a></div>\n'
    if site == "ldg":
        return f'<div class="td-header-top"><span class="td-date">{weekday(today)},  {today:%d/%m/%Y}</span></div>\n'
    return f'<div id="banner"><div class="date-time">{weekday(today)}, ngày {today:%d/%m/%Y}</div></div>\n'


def _nav(site: str) -> str:
    items = [("/", "Trang chủ"), (LISTING_PATHS[site], "Xây dựng Đảng"), ("/thoi-su", "Thời sự"),
             ("/kinh-te", "Kinh tế"), ("/xa-hoi", "Xã hội"), ("/van-hoa", "Văn hóa"),
             ("/the-thao", "Thể thao"), ("/quoc-phong-an-ninh", "Quốc phòng - An ninh")]
    lis = "".join(f'<li><a href="{e(h)}">{e(t)}</a></li>' for h, t in items)
    return (f'<header class="site-header"><a class="logo" href="/">{e(SITE_NAMES[site])}</a></header>\n'
            f'<nav class="main-menu"><ul>{lis}</ul></nav>\n')


def _sidebar(site: str, others: list[dict], paths: dict[int, str]) -> str:
    latest = "".join(f'<li><a href="{e(paths[a["id"]])}">{e(a["title"])}</a></li>' for a in others[:5])
    popular = "".join(f'<li><a href="{e(paths[a["id"]])}">{e(a["title"])}</a></li>' for a in others[::-1][:5])
    return (f'<aside class="sidebar"><div class="box box-latest"><h3>Mới nhất</h3><ul>{latest}</ul></div>\n'
            f'<div class="box box-popular"><h3>Xem nhiều nhất</h3><ul>{popular}</ul></div></aside>\n')


def _footer(site: str) -> str:
    return (f'<footer class="site-footer"><p>{e(SITE_NAMES[site])} – trang mô phỏng tổng hợp cho dự án partycorpus, '
            'không phải trang báo thật.</p><p>Địa chỉ: số 1, đường Mô Phỏng. Điện thoại: 0000 000 000. '
            'Email: toasoan@example.invalid</p><p>© Bản quyền thuộc về trang mô phỏng.</p></footer>\n')


def _related(heading: str, others: list[dict], paths: dict[int, str], tag: str = "h3") -> str:
    lis = "".join(f'<li><a href="{e(paths[a["id"]])}">{e(a["title"])}</a></li>' for a in others[:3])
    return f'<div class="related-news"><{tag}>{heading}</{tag}><ul>{lis}</ul></div>\n'


def _tags(label: str, art: dict) -> str:
    tags = ["xây dựng Đảng", "công tác đảng viên", (art.get("province") or "toàn quốc").replace("-", " ")]
    return f'<div class="tags"><span>{label}</span> ' + ", ".join(
        f'<a href="/tag/{e(t.replace(" ", "-"))}">{e(t)}</a>' for t in tags) + "</div>\n"


def _share() -> str:
    return ('<div class="share-bar"><span>Chia sẻ:</span> <a href="#fb">Facebook</a> <a href="#zalo">Zalo</a> '
            '<a href="#tw">Twitter</a> <a href="#print">In bài</a> <a href="#mail">Gửi email</a></div>\n')


def _img(art: dict, n: int) -> str:
    return f'<img src="/uploads/{art["id"]}-{n}.jpg" alt="">'


def _paras_with_captions(art: dict, para_html, caption_html) -> str:
    """Body paragraphs with photo captions inserted after the first ones."""
    out = []
    caps = list(art.get("captions") or [])
    for i, p in enumerate(art["paragraphs"]):
        out.append(para_html(i, p))
        if caps and (i == 0 or (i == 1 and len(caps) > 1)):
            out.append(caption_html(len(out), caps.pop(0)))
    for c in caps:
        out.append(caption_html(len(out), c))
    return "\n".join(out)


# --------------------------------------------------------------------------- articles

def render_article(site: str, art: dict, *, others: list[dict], paths: dict[int, str],
                   today: dt.datetime, malformed: bool = False, charset: str = "utf-8") -> str:
    """Full HTML page of one article on ``site``."""
    fn = {"lso": _article_lso, "qno": _article_qno, "ldg": _article_ldg, "tccs": _article_tccs}[site]
    page = fn(art, others, paths, today, charset)
    if malformed:
        page = _break_markup(page)
    return page


def _lead(site: str, art: dict) -> tuple[str, list[str]]:
    """(sapo shown with the paper's prefix, paragraphs) — the prefix opens the
    first paragraph when the article has no sapo."""
    prefix = LEAD_PREFIXES[site]
    paras = list(art["paragraphs"])
    if art["sapo"]:
        return prefix + art["sapo"], paras
    if paras and prefix:
        paras[0] = prefix + paras[0]
    return "", paras


def _article_lso(art, others, paths, today, charset):
    sapo, paras = _lead("lso", art)
    a = dict(art, paragraphs=paras)
    pub = art["published_dt"]
    body = _paras_with_captions(
        a, lambda i, p: f"<p>{e(p)}</p>" + ("\n<p>.</p>" if i == 0 else ""),
        lambda n, c: f'<figure class="image"><img src="/uploads/{art["id"]}-{n}.jpg" alt=""><figcaption>{e(c)}</figcaption></figure>')
    if art["author"]:
        body += f'\n<p style="text-align: right;">{e(art["author"].upper())}</p>'
    return (_head(f'{art["title"]} - {SITE_NAMES["lso"]}', charset=charset) + "<body>\n" + _today_bar("lso", today)
            + _nav("lso") + '<div class="container"><div class="main-col">\n'
            + '<div class="breadcrumb"><a href="/chinh-tri">Chính trị</a> / <a href="/chinh-tri/xay-dung-dang">Xây dựng Đảng</a></div>\n'
            + f'<div class="date-detail">{weekday(pub)}, {pub:%d/%m/%Y}</div>\n'
            + f'<h1 class="title-detail">{e(art["title"])}</h1>\n' + _share()
            + (f'<div class="sapo"><strong>{e(sapo)}</strong></div>\n' if sapo else "")
            + f'<div id="content-detail">\n{body}\n</div>\n'
            + _tags("Từ khóa:", art) + _related("Tin liên quan", others, paths)
            + "</div>\n" + _sidebar("lso", others, paths) + "</div>\n" + _footer("lso") + "</body>\n</html>\n")


def _article_qno(art, others, paths, today, charset):
    sapo, paras = _lead("qno", art)
    a = dict(art, paragraphs=paras)
    pub = art["published_dt"]
    meta = (f'<meta property="og:type" content="article">\n<meta property="og:title" content="{e(art["title"])}">\n'
            + (f'<meta name="description" content="{e(art["sapo"])}">\n' if art["sapo"] else "")
            + f'<meta property="article:published_time" content="{pub:%Y-%m-%dT%H:%M:00}+07:00">\n')
    body = _paras_with_captions(
        a, lambda i, p: f"<p>{e(p)}</p>",
        # the caption is repeated as an italic line under the photo (seen on real pages)
        lambda n, c: f'<figure><img src="/uploads/{art["id"]}-{n}.jpg" alt="{e(c)}"><figcaption>{e(c)}</figcaption></figure>\n<p><em>{e(c)}</em></p>')
    if art["author"]:
        body += f'\n<p><strong>{e(art["author"])}</strong></p>'
    return (_head(f'{art["title"]} | {SITE_NAMES["qno"]}', meta, charset=charset) + "<body>\n" + _today_bar("qno", today)
            + _nav("qno") + '<main class="main"><article class="article-detail">\n'
            + f'<div class="article-meta">Cập nhật lúc {pub:%H:%M}, {weekday(pub)}, {pub:%d/%m/%Y} (GMT+7)</div>\n'
            + f'<h1 class="article-title">{e(art["title"])}</h1>\n' + _share()
            + (f'<h2 class="article-sapo">{e(sapo)}</h2>\n' if sapo else "")
            + f'<div class="article-content">\n{body}\n</div>\n'
            + _tags("Từ khóa:", art) + _related("Tin liên quan", others, paths)
            + '<section class="comments"><h3>Ý kiến bạn đọc</h3><form action="/binh-luan" method="post">'
              '<label>Họ tên: <input name="name"></label> <label>Email: <input name="email"></label>'
              '<textarea name="body"></textarea><button>Gửi ý kiến</button></form></section>\n'
            + "</article></main>\n" + _sidebar("qno", others, paths) + _footer("qno") + "</body>\n</html>\n")


def _article_ldg(art, others, paths, today, charset):
    sapo, paras = _lead("ldg", art)
    pub = art["published_dt"]
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": art["title"],
          "datePublished": f"{pub:%Y-%m-%dT%H:%M:00}+07:00"}
    if art["author"]:
        ld["author"] = {"@type": "Person", "name": art["author"]}
    meta = f'<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>\n'
    a = dict(art, paragraphs=paras)
    body = _paras_with_captions(
        a, lambda i, p: f"<p>{e(p)}</p>",
        lambda n, c: f'<div class="wp-caption aligncenter"><img src="/file/{hashlib.md5(str(n).encode()).hexdigest()}/{art["id"]}.jpg" alt="">'
                     f'<p class="wp-caption-text">{e(c)}</p></div>')
    if sapo:
        body = f"<p><strong>{e(sapo)}</strong></p>\n" + body
    if art["author"]:
        body += f'\n<p style="text-align: right;"><strong>{e(art["author"])}</strong></p>'
    latest = "".join(f'<li><a href="{e(paths[o["id"]])}">{e(o["title"])}</a></li>' for o in others[:3])
    body += f"\n<p>Tin tức Mới:</p>\n<ul>{latest}</ul>"
    return (_head(f'{art["title"]} - {SITE_NAMES["ldg"]}', meta, charset=charset) + "<body>\n" + _today_bar("ldg", today)
            + _nav("ldg") + '<div class="td-container"><div class="td-post-header">'
            + '<ul class="td-category"><li><a href="/chinh-tri/xay-dung-dang/">Xây dựng Đảng</a></li></ul>\n'
            + f'<h1 class="entry-title">{e(art["title"])}</h1>\n'
            + f'<div class="td-module-meta-info"><span class="td-post-date">{weekday(pub)[:4] + weekday(pub)[4:].lower()},  {pub:%d/%m/%Y}</span></div></div>\n'
            + _share() + f'<div id="content" class="content-detail"><div class="td-post-content">\n{body}\n</div></div>\n'
            + '<div class="td-post-source-tags"><span>TAG:</span> <a href="/tag/xay-dung-dang">xây dựng Đảng</a></div>\n'
            + _related("Các tin khác", others, paths, "h4") + "</div>\n"
            + _sidebar("ldg", others, paths) + _footer("ldg") + "</body>\n</html>\n")


def _article_tccs(art, others, paths, today, charset):
    sapo, paras = _lead("tccs", art)
    pub = art["published_dt"]
    a = dict(art, paragraphs=paras)
    body = _paras_with_captions(
        a, lambda i, p: f'<p style="text-align: justify;">{e(p)}</p>',
        lambda n, c: f'<table class="image" align="center"><tbody><tr><td>{_img(art, n)}</td></tr>'
                     f'<tr><td class="caption">{e(c)}</td></tr></tbody></table>')
    return (_head(f'{art["title"]} - {SITE_NAMES["tccs"]}', charset=charset) + '<body class="portal">\n'
            + _today_bar("tccs", today) + _nav("tccs")
            + '<div id="content"><div class="portlet-boundary"><div class="portlet-body"><div class="journal-content-article">\n'
            + f'<h3 class="titleDetail">{e(art["title"])}</h3>\n'
            + f'<div class="publishdate">{pub:%H:%M}, ngày {pub:%d-%m-%Y}</div>\n'
            + (f'<div class="sumary">{e(sapo)}</div>\n' if sapo else "")
            + f'<div class="detailContent">\n{body}\n</div>\n'
            + (f'<div class="author">{e(art["author"])}</div>\n' if art["author"] else "")
            + '<div class="print-share"><a href="#print">In bài</a> <a href="#send">Gửi bài viết</a> <a href="#share">Chia sẻ</a></div>\n'
            + _related("Tin cùng chuyên mục", others, paths, "h4")
            + "</div></div></div></div>\n" + _sidebar("tccs", others, paths) + _footer("tccs") + "</body>\n</html>\n")


def _break_markup(page: str) -> str:
    """Malformed HTML as seen on old CMSs: unclosed paragraphs, stray end
    tags, an unterminated attribute-less comment-like tag, no closing html."""
    page = page.replace("</p>", "", 3).replace("<p>", "<p><font face=Arial>", 2)
    page = page.replace("</h1>", "</h1></div></span>", 1)
    page = page.replace("</body>\n</html>\n", "<div class=\"unclosed\"><b>")
    return page


# --------------------------------------------------------------------------- listings

def render_listing(site: str, items: list[tuple[str, dict]], page: int, npages: int,
                   today: dt.datetime, extra_links: list[tuple[str, str]] = ()) -> str:
    """A section listing page: (url, article) items, pagination, trap links."""
    if site == "lso":
        cards = "".join(f'<div class="item"><a href="{e(u)}">{_img(a, 0)}</a><h3><a href="{e(u)}">{e(a["title"])}</a></h3>'
                        f'<p class="sapo">{e(a["sapo"][:160])}</p></div>\n' for u, a in items)
    elif site == "qno":
        cards = "".join(f'<article class="card"><a href="{e(u)}">{e(a["title"])}</a><p>{e(a["sapo"][:160])}</p></article>\n'
                        for u, a in items)
    elif site == "ldg":
        cards = "".join(f'<div class="td_module_flex"><h3 class="entry-title td-module-title"><a href="{e(u)}">{e(a["title"])}</a></h3>'
                        f'<div class="td-excerpt">{e(a["sapo"][:160])}</div></div>\n' for u, a in items)
    else:
        cards = "".join(f'<div class="newsItem"><h4 class="titleNews"><a href="{e(u)}">{e(a["title"])}</a></h4></div>\n'
                        for u, a in items)
    cards += "".join(f'<div class="item"><h3><a href="{e(u)}">{e(t)}</a></h3></div>\n' for u, t in extra_links)
    pager = []
    if site == "tccs":
        if page > 1:
            pager.append(f'<a aria-label="Previous" href="{e(listing_url(site, page - 1))}">‹</a>')
        if page < npages:
            pager.append(f'<a aria-label="Next" href="{e(listing_url(site, page + 1))}">›</a>')
    else:
        for n in range(1, npages + 1):
            cls = ' class="active"' if n == page else ""
            pager.append(f'<a{cls} href="{e(listing_url(site, n))}">{n}</a>')
        if page < npages:
            pager.append(f'<a rel="next" href="{e(listing_url(site, page + 1))}">Trang sau</a>')
    return (_head(f"Xây dựng Đảng - trang {page} - {SITE_NAMES[site]}") + "<body>\n" + _today_bar(site, today) + _nav(site)
            + f'<div class="list-news">\n{cards}</div>\n<div class="pagination">{" ".join(pager)}</div>\n'
            + _footer(site) + "</body>\n</html>\n")


def render_home(site: str, items: list[tuple[str, dict]], today: dt.datetime) -> str:
    links = "".join(f'<li><a href="{e(u)}">{e(a["title"])}</a></li>' for u, a in items[:10])
    return (_head(SITE_NAMES[site]) + "<body>\n" + _today_bar(site, today) + _nav(site)
            + f'<div class="home"><h2><a href="{e(LISTING_PATHS[site])}">Xây dựng Đảng</a></h2><ul>{links}</ul></div>\n'
            + _footer(site) + "</body>\n</html>\n")


def render_rss(site: str, base_url: str, items: list[tuple[str, dict]]) -> str:
    entries = "".join(
        f"<item><title>{e(a['title'])}</title><link>{e(base_url + u)}</link>"
        f"<description>{e(a['sapo'])}</description>"
        f"<pubDate>{a['published_dt']:%a, %d %b %Y %H:%M:00} +0700</pubDate></item>\n" for u, a in items)
    return ('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
            f"<title>{e(SITE_NAMES[site])} - Chính trị</title><link>{e(base_url)}/</link>"
            "<description>Nguồn tin mô phỏng (synthetic)</description>\n" + entries + "</channel></rss>\n")


def render_sitemap(base_url: str, items: list[tuple[str, dict]]) -> str:
    urls = "".join(f"<url><loc>{e(base_url + u)}</loc><lastmod>{a['published_dt']:%Y-%m-%d}</lastmod></url>\n"
                   for u, a in items)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + urls + "</urlset>\n")


def render_empty_article(site: str, title: str, today: dt.datetime) -> str:
    """An article page whose body the CMS lost (title, furniture, no text)."""
    return (_head(f"{title} - {SITE_NAMES[site]}") + "<body>\n" + _today_bar(site, today) + _nav(site)
            + f'<h1 class="entry-title">{e(title)}</h1>\n' + _share()
            + '<div id="content" class="content-detail"><div class="td-post-content"></div></div>\n'
            + _footer(site) + "</body>\n</html>\n")


def encode_legacy(text: str) -> bytes:
    """Windows-1258 bytes of Vietnamese text: base letters precomposed where
    the code page has them, tone marks as combining characters.

    >>> encode_legacy("Đảng").decode("cp1258")  # doctest: +SKIP
    'Đảng'
    """
    import unicodedata

    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out = []
    for ch in unicodedata.normalize("NFC", text):
        try:
            out.append(ch.encode("cp1258"))
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
        marks = "".join(c for c in parts if c in tones)
        out.append((base + marks).encode("cp1258", errors="xmlcharrefreplace"))
    return b"".join(out)

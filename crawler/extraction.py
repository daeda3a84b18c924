"""Article extraction from a news page: title, lead, clean body, date, author.

Generic for any news page (trafilatura finds the main text, htmldate is the
last resort for the date) plus what Vietnamese CMSs need: datelines such as
"Cập nhật lúc 08:54, Thứ Sáu, 07/04/2017 (GMT+7)", the header's today-date
never taken for the publication date, bylines ("NGỌC NGÀ", a bold last line,
an author box, "Theo …"), furniture cut ("Tin liên quan", "Từ khóa", "Ý kiến
bạn đọc" …), captions dropped and lead prefixes ("(LSO) –", "TCCS -") removed.
Site selectors (``site["selectors"]``) are tried first; a selector that finds
nothing falls back to the generic method.

>>> art = extract_article("<html><body><h1>Tin</h1><div>(LSO) – Huyện ủy ...</div></body></html>")
>>> sorted(art)  # doctest: +NORMALIZE_WHITESPACE
['author', 'body', 'credit', 'is_article', 'lang', 'published', 'published_time', 'reason', 'sapo',
 'title']
"""
from __future__ import annotations

import datetime as dt
import json
import logging
import re
import unicodedata
from dataclasses import dataclass

import lxml.etree
import lxml.html

log = logging.getLogger(__name__)

MIN_BODY_CHARS = 200

# ----------------------------------------------------------------------------- text helpers

_WS = re.compile(r"\s+")


def _clean(text: str | None) -> str:
    return _WS.sub(" ", unicodedata.normalize("NFC", text or "").replace("\u00a0", " ")).strip()


def _key(text: str) -> str:
    """Comparison key: NFC, case-folded, spaces and end punctuation squeezed."""
    return _WS.sub(" ", _clean(text).casefold()).strip(" .:;,-–—")


# ----------------------------------------------------------------------------- decoding

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_LATIN_DEFAULTS = {"iso-8859-1", "latin-1", "latin1", "ascii", "us-ascii", "windows-1252", "cp1252"}


def decode_html(data: bytes | str | None, encoding: str | None = None) -> str:
    """Text of a page from bytes: BOM, the HTTP charset (``encoding``), the
    meta charset, then UTF-8 and Windows-1258 (legacy Vietnamese); NFC.

    >>> decode_html("Đảng".encode("utf-8"))
    'Đảng'
    """
    if data is None:
        return ""
    if isinstance(data, str):
        return unicodedata.normalize("NFC", data)
    if data.startswith(b"\xef\xbb\xbf"):
        return unicodedata.normalize("NFC", data[3:].decode("utf-8", errors="replace"))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return unicodedata.normalize("NFC", data.decode("utf-16", errors="replace"))
    declared = [encoding] if encoding else []
    m = _META_CHARSET.search(data[:8192])
    if m:
        declared.append(m.group(1).decode("ascii", "ignore"))
    candidates: list[str] = []
    for name in declared:
        name = name.strip().lower()
        if name in _LATIN_DEFAULTS:  # often a lie on UTF-8 pages: try UTF-8 first
            candidates += ["utf-8", name]
        else:
            candidates.append(name)
    candidates += ["utf-8", "cp1258"]
    for name in candidates:
        try:
            return unicodedata.normalize("NFC", data.decode(name))
        except (LookupError, UnicodeDecodeError):
            continue
    return unicodedata.normalize("NFC", data.decode("utf-8", errors="replace"))


# ----------------------------------------------------------------------------- datelines

_WEEKDAY = r"(?:th[ứu]\s*(?:hai|ba|t[ưu]|n[ăa]m|s[áa]u|b[ảa]y|[2-7])|ch[ủu]\s*nh[ậa]t|CN)"
_DATE_NUM = re.compile(r"(?<![\d/.-])(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*((?:19|20)\d{2})(?!\d)")
_DATE_WORDS = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+((?:19|20)\d{2})", re.I)
_DATE_ISO = re.compile(r"(?<!\d)((?:19|20)\d{2})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?")
_TIME = re.compile(r"(?<![\d/.:-])([01]?\d|2[0-3])\s*(?::|h|g)\s*([0-5]\d)(?::[0-5]\d)?(?![\d/])", re.I)


def _valid_date(y: int, m: int, d: int) -> str | None:
    try:
        return dt.date(y, m, d).isoformat() if 1990 <= y <= 2100 else None
    except ValueError:
        return None


def parse_dateline(text: str) -> tuple[str, str | None] | None:
    """(``YYYY-MM-DD``, ``HH:MM`` or None) from a Vietnamese dateline.

    >>> parse_dateline("Cập nhật lúc 08:54, Thứ Sáu, 07/04/2017 (GMT+7)")
    ('2017-04-07', '08:54')
    >>> parse_dateline("Chủ nhật, 27/09/2020")
    ('2020-09-27', None)
    """
    text = _clean(text)
    if not text:
        return None
    found = None
    for rx, order in ((_DATE_NUM, "dmy"), (_DATE_WORDS, "dmy"), (_DATE_ISO, "ymd")):
        for m in rx.finditer(text):
            a, b, c = (int(m.group(i)) for i in (1, 2, 3))
            day = _valid_date(c, b, a) if order == "dmy" else _valid_date(a, b, c)
            if day:
                found = (m, day, order)
                break
        if found:
            break
    if not found:
        return None
    m, day, order = found
    if order == "ymd" and m.group(4):
        return day, f"{int(m.group(4)):02d}:{m.group(5)}"
    best, best_dist = None, 40
    for t in _TIME.finditer(text):
        if m.start() <= t.start() < m.end():
            continue
        dist = t.start() - m.end() if t.start() >= m.end() else m.start() - t.end()
        if 0 <= dist < best_dist:
            best, best_dist = f"{int(t.group(1)):02d}:{t.group(2)}", dist
    return day, best


def _format_regex(fmt: str) -> re.Pattern:
    """A regex finding text written in a strptime format, e.g. '%d/%m/%Y' in 'Chủ nhật, 27/09/2020'."""
    parts = {"%d": r"\d{1,2}", "%m": r"\d{1,2}", "%Y": r"\d{4}", "%y": r"\d{2}", "%H": r"\d{1,2}",
             "%M": r"\d{2}", "%S": r"\d{2}"}
    out, i = [], 0
    while i < len(fmt):
        tok = fmt[i:i + 2]
        if tok in parts:
            out.append(parts[tok])
            i += 2
        else:
            out.append(re.escape(fmt[i]))
            i += 1
    return re.compile("".join(out))


def parse_date_text(text: str, formats: list[str]) -> tuple[str | None, str | None]:
    """(YYYY-MM-DD, HH:MM) from a dateline using the site's ``date_formats``.

    >>> parse_date_text("Chủ nhật, 27/09/2020", ["%d/%m/%Y"])
    ('2020-09-27', None)
    >>> parse_date_text("22:45, ngày 22-11-2020", ["%H:%M, ngày %d-%m-%Y"])
    ('2020-11-22', '22:45')
    """
    for fmt in formats:
        m = _format_regex(fmt).search(text or "")
        if not m:
            continue
        try:
            d = dt.datetime.strptime(m.group(0), fmt)
        except ValueError:
            continue
        has_time = "%H" in fmt
        return d.strftime("%Y-%m-%d"), (d.strftime("%H:%M") if has_time else None)
    return None, None


def _parse_iso(value: str) -> tuple[str, str | None] | None:
    """Meta/JSON-LD timestamps; UTC ones are shown in Vietnam time (UTC+7)."""
    value = (value or "").strip()
    if not value:
        return None
    try:
        ts = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return parse_dateline(value)
    if ts.tzinfo is not None and ts.utcoffset() == dt.timedelta(0):
        ts = ts.astimezone(dt.timezone(dt.timedelta(hours=7)))
    if not 1990 <= ts.year <= 2100:
        return None
    has_time = "T" in value or " " in value.strip()
    return ts.date().isoformat(), (f"{ts:%H:%M}" if has_time else None)


# ----------------------------------------------------------------------------- bylines, furniture

FURNITURE = ("Các tin khác", "Tin liên quan", "Tin cùng chuyên mục", "Bài liên quan", "Tin khác", "Từ khóa", "Từ khoá",
             "TAG:", "Tags:", "Ý kiến bạn đọc", "Ý kiến của bạn", "Gửi ý kiến", "Bình luận", "Họ tên:", "Họ và tên:",
             "Email:", "Xem nhiều nhất", "Đọc nhiều nhất", "Mới nhất", "Tin tức Mới:", "Tin mới", "Xem thêm:",
             "Chia sẻ bài viết", "Bản quyền thuộc")
_SHARE_WORDS = {"chia", "sẻ", "chia sẻ", "facebook", "zalo", "twitter", "in", "bài", "in bài", "gửi", "email", "gửi email",
                "lưu", "bản", "in", "copy", "link", "bình", "luận", "thích", "tweet", "share", "like", "print", "gửi bài viết",
                "viết", "|", "-", ":"}
_LEAD_GENERIC = re.compile(
    r"^\s*(?:\((?=[^()]{0,25}[A-ZĐ])[^()\s][^()]{0,24}\)\s*[–—-]?\s*"
    r"|(?:TCCS|QĐND|ĐCSVN|TTXVN|VOV|VTV|NDĐT|SGGP|HNM|BNA|BTN)\s*[–—-]\s*)")
_BYLINE_PREFIX = re.compile(r"^(?:theo\s+|tác giả\s*:?\s*|bài(?:\s*(?:và|,)\s*ảnh)?\s*:\s*|nguồn\s*:\s*)", re.I)
_CREDIT = re.compile(r"^\s*(?:theo\s|nguồn\s*:)", re.I)   # "Theo TTXVN", "Nguồn: Báo Nhân Dân": not an author
_CAPTION_LINE = re.compile(r"^(?:\(?ảnh(?:\s+minh\s+họa)?\s*[:)]|ảnh\s+minh\s+họa\b|nguồn\s+ảnh)", re.I)


def _is_upper_line(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def parse_byline(text: str, bold: bool = False, right: bool = False) -> str | None:
    """The author named by a last body line, or None when it is prose.

    >>> parse_byline("NGỌC NGÀ")
    'NGỌC NGÀ'
    >>> parse_byline("Theo TTXVN")
    'TTXVN'
    >>> parse_byline("Huyện ủy đã tổ chức hội nghị.") is None
    True
    """
    t = _clean(text)
    if not t or len(t) > 70:
        return None
    words = t.split()
    theo = re.match(r"^theo\s+(.+)$", t, re.I)
    if theo and len(words) <= 8 and not t.endswith((".", ";", ",")):
        return _clean(theo.group(1)).strip("()")
    stripped = _BYLINE_PREFIX.sub("", t).strip(" -–")
    if not stripped:
        return None
    w = stripped.split()
    if len(w) > 8 or stripped.endswith((".", ";", ",", ":", "?", "!")) and not _is_upper_line(stripped):
        return None
    if _is_upper_line(stripped) and not re.search(r"\d{2,}", stripped):
        return stripped
    name = re.sub(r"\s*\([^)]*\)$", "", stripped).split()  # "Hồ Xuân Mai (theo Tạp chí Cộng sản)"
    capitalised = bool(name) and all(x[0].isupper() or not x[0].isalpha() for x in name)
    prefixed = stripped != t.strip(" -–") and not re.match(r"^(?:theo|nguồn)\b", t, re.I)   # "Bài, ảnh: …"
    if (bold or right or prefixed) and capitalised and len(name) <= 6 and not stripped.endswith("."):
        return stripped
    return None


def strip_lead_prefix(text: str, pattern: str | None = None) -> str:
    """Cut a paper's prefix from the lead.

    >>> strip_lead_prefix("(LSO) – Huyện ủy Cao Lộc ...")
    'Huyện ủy Cao Lộc ...'
    >>> strip_lead_prefix("TCCS - Những năm qua")
    'Những năm qua'
    """
    if not text:
        return text
    if pattern:
        try:
            new = re.sub(pattern, "", text, count=1)
            if new != text:
                return new.lstrip()
        except re.error:
            pass
    return _LEAD_GENERIC.sub("", text, count=1)


# ----------------------------------------------------------------------------- paragraphs from markup

@dataclass
class Para:
    text: str
    bold: bool = False
    right: bool = False


_BLOCK = {"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section", "article",
          "tr", "table", "tbody", "thead", "dl", "dt", "dd", "pre", "main", "center", "head", "item", "list", "quote",
          "figure"}
_SKIP_TAGS = {"script", "style", "noscript", "template", "figure", "figcaption", "img", "picture", "video", "audio",
              "iframe", "object", "embed", "svg", "form", "button", "input", "select", "textarea", "nav", "aside",
              "footer", "header", "label", "graphic"}
_SKIP_CLASS = re.compile(r"caption|share|social|related|comment|advert|\bads?\b|banner|print|\btags?\b|toolbar|"
                         r"breadcrumb|sidebar|widget|box-latest|box-popular|newsletter|rating|author|tac-?gia", re.I)
_BOLD = {"b", "strong"}
_RIGHT = re.compile(r"text-align\s*:\s*right", re.I)


def _attrs(el) -> str:
    return f'{el.get("class", "")} {el.get("id", "")}'


def element_paragraphs(root, skip_class: bool = True) -> list[Para]:
    """Paragraphs of an element: blocks split, furniture subtrees skipped."""
    out: list[Para] = []
    buf: list[tuple[str, bool]] = []
    right_stack = [False]

    def flush():
        if buf:
            text = _clean("".join(t for t, _ in buf))
            if text:
                letters = sum(len(t.strip()) for t, _ in buf)
                bold = sum(len(t.strip()) for t, b in buf if b)
                out.append(Para(text, bold=letters > 0 and bold >= 0.9 * letters, right=right_stack[-1]))
            buf.clear()

    def walk(el, bold):
        tag = el.tag if isinstance(el.tag, str) else None
        if tag is None:  # comments, processing instructions
            return
        tag = tag.lower()
        if tag in _SKIP_TAGS or (skip_class and el is not root and _SKIP_CLASS.search(_attrs(el))):
            return
        if tag == "hi":
            bold = bold or "b" in (el.get("rend") or "")
        bold = bold or tag in _BOLD
        block = tag in _BLOCK
        if block:
            flush()
            right_stack.append(bool(_RIGHT.search(el.get("style") or "")) or (el.get("align") or "").lower() == "right"
                               or right_stack[-1] and tag not in ("p", "div", "li"))
        if tag == "br":
            flush()
        if el.text:
            buf.append((el.text, bold))
        for child in el:
            walk(child, bold)
            if child.tail:
                buf.append((child.tail, bold))
        if block:
            flush()
            right_stack.pop()

    walk(root, False)
    flush()
    return out


# ----------------------------------------------------------------------------- page parts

_ZONE_TOKEN = re.compile(r"(?:(?:site|main|page|top|td)-)?header(?:-top|-wrap(?:per)?|-inner|-bar)?|top-?bar|nav|"
                         r"navbar|navigation|breadcrumbs?|today|clock|weather|list-news|related(?:-news|-posts)?|"
                         r"box-latest|box-popular|sidebar|(?:right|left)-?sidebar|sidebar-?(?:right|left)|side-bar", re.I)
_ZONE_SUB = re.compile(r"footer|menu|widget|banner|most-?view|xem-?nhieu|moi-?nhat|tin-?lien-?quan|"
                       r"chan-?trang|dau-?trang|hom-?nay|thoi-?tiet", re.I)   # Vietnamese: footer, header, today, weather


def _zone(el) -> bool:
    attrs = _attrs(el)
    return bool(_ZONE_SUB.search(attrs)) or any(_ZONE_TOKEN.fullmatch(t) for t in attrs.split())


def _in_excluded_zone(el) -> bool:
    """Inside the page header, menus, sidebars, footer or related-news blocks."""
    for anc in [el, *el.iterancestors()]:
        tag = anc.tag.lower() if isinstance(anc.tag, str) else ""
        if tag in ("header", "nav", "footer", "aside") or _zone(anc):
            return True
    return False


def _select(tree, selector: str | None):
    """Elements of a CSS selector (or XPath starting with /); [] when invalid."""
    if not selector:
        return []
    try:
        if selector.startswith("/"):
            return [e for e in tree.xpath(selector) if isinstance(e, lxml.etree._Element)]
        return tree.cssselect(selector)
    except Exception:  # invalid selector in a site file: fall back to generic
        return []


def _meta(tree, *names: str) -> str | None:
    for name in names:
        for attr in ("property", "name", "itemprop"):
            for el in tree.xpath(f'//meta[@{attr}="{name}"]'):
                c = _clean(el.get("content"))
                if c:
                    return c
    return None


def _json_ld(tree) -> list[dict]:
    out = []
    for el in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(el.text or "")
        except (ValueError, TypeError):
            continue
        stack = [data]
        while stack:
            d = stack.pop()
            if isinstance(d, list):
                stack.extend(d)
            elif isinstance(d, dict):
                out.append(d)
                if "@graph" in d:
                    stack.append(d["@graph"])
    return out


def _title(tree, selectors: dict) -> tuple[str | None, object]:
    for el in _select(tree, selectors.get("title")):
        t = _clean(el.text_content())
        if t:
            return t, el
    heads = [(el, _clean(el.text_content())) for el in tree.xpath("//h1|//h2|//h3") if not _in_excluded_zone(el)]
    heads = [(el, t) for el, t in heads if len(t) >= 10]
    og = _meta(tree, "og:title", "twitter:title")
    page_title = _clean(" ".join(tree.xpath("//title/text()")))
    for ref in (og, page_title):
        if not ref:
            continue
        matches = [(el, t) for el, t in heads if ref.startswith(t) or t.startswith(ref)]
        if matches:
            el, t = max(matches, key=lambda x: len(x[1]))
            return (og if og and len(og) >= len(t) and og.startswith(t) else t), el
    if og:
        return og, None
    h1 = [(el, t) for el, t in heads if el.tag == "h1"]
    if h1:
        return h1[0][1], h1[0][0]
    if page_title:
        return re.split(r"\s+[|–-]\s+(?=[^|–-]*$)", page_title)[0], None
    return None, None


def _captions(tree) -> set[str]:
    caps = set()
    for el in tree.xpath('//figcaption | //*[contains(@class,"caption")] | //p[contains(@class,"Image")]'):
        t = _key(el.text_content())
        if t:
            caps.add(t)
    for el in tree.xpath("//img[@alt]"):
        t = _key(el.get("alt"))
        if len(t) > 20:
            caps.add(t)
    return caps


def _generic_body(html_text: str, tree) -> tuple[list[Para], object]:
    """Main text by trafilatura, else the densest paragraph container."""
    paras: list[Para] = []
    try:
        import trafilatura

        xml = trafilatura.extract(html_text, output_format="xml", include_comments=False, include_tables=False,
                                  include_images=False, include_formatting=True, favor_recall=True)
        if xml:
            doc = lxml.etree.fromstring(xml.encode("utf-8"))
            main = doc.find("main")
            if main is not None:
                paras = element_paragraphs(main, skip_class=False)
    except Exception as exc:  # trafilatura must not take the page down
        log.debug("trafilatura failed: %s", exc)
    container = _container_of(tree, paras)
    if not paras or _merged(tree, paras):
        container = _densest(tree)
        if container is not None:
            paras = element_paragraphs(container)
    return paras, container


def _merged(tree, paras: list[Para]) -> bool:
    """True when trafilatura glued several paragraphs of the page into one
    (it does on badly nested markup); the densest container is then better."""
    longest = max(paras, key=lambda p: len(p.text)).text
    inside = 0
    for el in tree.iter("p"):
        t = _clean(el.text_content())
        if len(t) > 40 and t != longest and t in longest:
            inside += 1
            if inside >= 2:
                return True
    return False


def _densest(tree):
    best, best_score = None, 0
    for el in tree.iter("div", "article", "section", "main", "td", "font"):
        if _in_excluded_zone(el):
            continue
        score = 0
        for p in el.iterchildren("p", "div", "font"):
            if p.tag != "p" and p.find(".//p") is not None:
                continue
            text = _clean(p.text_content())
            link = sum(len(_clean(a.text_content())) for a in p.iter("a"))
            if len(text) > 40 and link < 0.3 * len(text):
                score += len(text) - link
        if score > best_score:
            best, best_score = el, score
    return best


def _container_of(tree, paras: list[Para]):
    """Lowest common ancestor of the elements holding the body paragraphs."""
    if not paras:
        return None
    wanted = {_key(p.text) for p in paras[:8] if len(p.text) > 30}
    hits = []
    for el in tree.iter("p", "div", "li", "td", "span", "h2"):
        if _key(el.text_content()) in wanted:
            hits.append(el)
            if len(hits) >= 6:
                break
    if not hits:
        return None
    chains = [list(h.iterancestors())[::-1] + [h] for h in hits]
    lca = None
    for level in zip(*chains):
        if all(x is level[0] for x in level):
            lca = level[0]
        else:
            break
    if lca is not None and len(hits) == 1:
        lca = lca.getparent() if lca.getparent() is not None else lca
    return lca


def _zone_texts(tree) -> set[str]:
    """Keys of the texts in the header, menus, sidebars and footer."""
    out: set[str] = set()
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag.lower() in ("header", "nav", "footer", "aside") or _zone(el):
            for d in el.iter("p", "li", "a", "h2", "h3", "h4", "div", "span"):
                k = _key(d.text_content())
                if k:
                    out.add(k)
    return out


def _clean_paragraphs(paras: list[Para], captions: set[str], strip_markers: list[str],
                      zone_texts: set[str] = frozenset()) -> list[Para]:
    markers = [m.casefold() for m in list(FURNITURE) + list(strip_markers or [])]
    out: list[Para] = []
    for p in paras:
        t = p.text
        if _key(t) in zone_texts:
            continue
        k = t.casefold()
        hit = next((m for m in markers if k.startswith(m)), None)
        if hit is not None:
            rest = k[len(hit):].lstrip()
            if len(t) <= 80 or hit.endswith(":") or rest.startswith(":"):
                if out:
                    break  # a tail block: everything after it is furniture
                continue
        if re.fullmatch(r"[\s.…·•*_\-–—|]*", t):
            continue
        if _key(t) in captions or _CAPTION_LINE.match(t) and len(t) < 200:
            continue
        words = [w.casefold().strip(":|") for w in t.split()]
        if len(t) < 80 and words and all(w in _SHARE_WORDS or not w for w in words):
            continue
        if out and _key(out[-1].text) == _key(t):
            continue
        out.append(Para(t, p.bold, p.right))
    return out


def _find_sapo(tree, selectors: dict, container) -> tuple[str | None, object]:
    for el in _select(tree, selectors.get("sapo")):
        t = _clean(el.text_content())
        if t:
            return t, el
    xp = ('//*[contains(@class,"sapo") or contains(@class,"description") or contains(@class,"summary") '
          'or contains(@class,"sumary") or contains(@class,"chapeau") or contains(@class,"lead") '
          'or contains(@id,"sapo") or @id="description"]')
    for el in tree.xpath(xp):
        if el.tag in ("meta", "body", "html") or _in_excluded_zone(el):
            continue
        if container is not None and (el is container or el in container.iterancestors()):
            continue
        t = _clean(el.text_content())
        links = sum(len(_clean(a.text_content())) for a in el.iter("a"))
        if len(t) >= 40 and links < 0.5 * len(t):
            return t, el
    return None, None


def _header_today(tree, title_el, text: str) -> bool:
    """True for a date line of today (± a day) printed before the title: the page header's date."""
    parsed = parse_dateline(text)
    if not parsed:
        return False
    today = dt.date.today()
    if abs((dt.date.fromisoformat(parsed[0]) - today).days) > 1:
        return False
    if title_el is None:
        return True
    key = _key(text)
    for el in tree.iter():
        if el is title_el:
            return False
        if isinstance(el.tag, str) and el.tag not in ("html", "body") and _key(el.text_content()) == key:
            return True
    return False


def _date_from_dom(tree, title_el, body_el, body_start: int | None = None) -> tuple[str, str | None] | None:
    """The dateline nearest the title, outside the body (``body_start``: the body text's first element
    in document order when the container also holds the title and its meta line)."""
    order = {el: i for i, el in enumerate(tree.iter())}
    title_idx = order.get(title_el) if title_el is not None else None
    body_set = set(body_el.iter()) if body_el is not None else set()
    if body_start is not None:
        body_set = {el for el in body_set if order[el] >= body_start}
    cands = []
    for el in tree.iter():
        if not isinstance(el.tag, str) or el.tag in ("script", "style", "html", "body", "head", "title") or el in body_set:
            continue
        text = el.text_content()
        if len(text) > 160:
            continue
        parsed = parse_dateline(text)
        if not parsed or any(isinstance(c.tag, str) and parse_dateline(c.text_content()) for c in el):
            continue
        if _in_excluded_zone(el):
            continue
        cands.append((order[el], parsed))
    if not cands:
        return None
    if title_idx is None:
        return cands[0][1]
    return min(cands, key=lambda c: abs(c[0] - title_idx))[1]


def _element_of(tree, text: str):
    """The innermost block element whose whole text is ``text``."""
    key = _key(text)
    found = None
    for el in tree.iter("p", "div", "span", "td", "li", "em", "i", "b", "strong", "font", "h4", "h5", "h6"):
        if _key(el.text_content()) == key:
            found = el   # document order: a later match is a descendant of an earlier one
    return found


def _dom_style(tree, text: str) -> tuple[bool, bool]:
    """(bold, right-aligned) of the element holding ``text`` on the page."""
    el = _element_of(tree, text)
    if el is None:
        return False, False
    chain = [el, *list(el.iterancestors())[:2]]
    right = any(_RIGHT.search(e.get("style") or "") or (e.get("align") or "").lower() == "right"
                or re.search(r"\b(?:text-)?right\b", e.get("class") or "") for e in chain)
    total = len(_clean(el.text_content()))
    bold = any(e.tag in _BOLD for e in chain) or total > 0 and \
        sum(len(_clean(b.text_content())) for b in el.iter("b", "strong")) >= 0.9 * total
    return bold, right


def _byline_after(tree, last_text: str) -> tuple[str | None, str | None]:
    """(author, credit) from the few short blocks right after the body's last paragraph (a source block),
    before any furniture ("Từ khóa", "Tin liên quan" …)."""
    el = _element_of(tree, last_text)
    if el is None:
        return None, None
    inside = set(el.iter())
    seen = 0
    markers = tuple(m.casefold() for m in FURNITURE)
    started = False
    for cand in tree.iter():
        if cand is el:
            started = True
            continue
        if not started or cand in inside or not isinstance(cand.tag, str):
            continue
        if cand.tag not in ("p", "div", "span", "td", "em", "i", "b", "strong", "h4", "h5", "h6"):
            continue
        text = _clean(cand.text_content())
        if not text or any(_clean(c.text_content()) == text for c in cand if isinstance(c.tag, str)):
            continue   # an empty wrapper, or one holding a single block: look at the inner one
        if text.casefold().startswith(markers) or len(text) > 70:
            return None, None
        if _CREDIT.match(text):
            name = _BYLINE_PREFIX.sub("", text).strip(" -–()")
            return (None, name) if name and len(name.split()) <= 8 and not name.endswith(".") else (None, None)
        bold, right = _dom_style(tree, text)
        name = parse_byline(text, bold, right)
        if name:
            return name, None
        seen += 1
        if seen >= 3:
            break
    return None, None


def _date_from_meta(tree) -> tuple[str, str | None] | None:
    v = _meta(tree, "article:published_time", "og:published_time", "datePublished", "pubdate", "publishdate",
              "dc.date.issued", "DC.date.issued", "article:published", "date")
    if v:
        r = _parse_iso(v)
        if r:
            return r
    for el in tree.xpath('//*[@itemprop="datePublished"]'):
        r = _parse_iso(el.get("content") or el.get("datetime") or el.text_content())
        if r:
            return r
    for d in _json_ld(tree):
        if d.get("datePublished"):
            r = _parse_iso(str(d["datePublished"]))
            if r:
                return r
    return None


def _author_from_page(tree, selectors: dict) -> str | None:
    for el in _select(tree, selectors.get("author")):
        t = _clean(el.text_content())
        if t:
            return parse_byline(t, bold=True) or _BYLINE_PREFIX.sub("", t).strip() or None
    for el in tree.xpath('//*[@itemprop="author"] | //*[@rel="author"] | //*[@id="tacgia"] | '
                         '//*[contains(concat(" ", normalize-space(@class), " "), " author ")] | '
                         '//*[contains(@class,"author-name") or contains(@class,"tac-gia") or contains(@class,"tacgia") '
                         'or contains(@class,"byline")]'):
        if el.tag == "meta" or _in_excluded_zone(el):
            continue
        t = _clean(el.get("content") if el.tag == "meta" else el.text_content())
        if t and len(t) <= 70:
            return parse_byline(t, bold=True) or _BYLINE_PREFIX.sub("", t).strip() or None
    for d in _json_ld(tree):
        a = d.get("author")
        if isinstance(a, list) and a:
            a = a[0]
        name = a.get("name") if isinstance(a, dict) else a if isinstance(a, str) else None
        if name and not str(name).startswith("http"):
            return _clean(str(name))
    return None


# ----------------------------------------------------------------------------- the function

def _result(**kw) -> dict:
    base = {"title": None, "sapo": None, "body": "", "published": None, "published_time": None, "author": None,
            "credit": None, "lang": None, "is_article": False, "reason": None}
    base.update(kw)
    return base


def extract_article(html: bytes | str | None, url: str | None = None, site: dict | None = None,
                    encoding: str | None = None) -> dict:
    """Title, lead, clean body, date, time and author of a news page.

    ``site`` is a site file (``selectors``, ``lead_prefix``, ``strip``);
    ``encoding`` the HTTP charset when known. Never raises: a page that is not
    an article gets ``is_article: False`` and a ``reason``.

    >>> a = extract_article(open("bai-viet.html", "rb").read())   # doctest: +SKIP
    >>> a["published"], a["author"]                               # doctest: +SKIP
    ('2020-09-27', 'HOÀNG ANH')
    """
    try:
        return _extract(html, url, site or {}, encoding)
    except Exception as exc:  # never raise on any input
        log.debug("extract_article failed on %s: %s", url, exc)
        return _result(reason=f"extraction failed: {type(exc).__name__}")


def _extract(html, url, site: dict, encoding) -> dict:
    text = decode_html(html, encoding).replace("\x00", "")
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    if not text.strip():
        return _result(reason="empty page")
    try:
        tree = lxml.html.document_fromstring(text)
    except (lxml.etree.ParserError, ValueError) as exc:
        return _result(reason=f"unparsable HTML ({exc})")
    selectors = site.get("selectors") or {}
    lang = (tree.get("lang") or "").split("-")[0].lower() or None
    captions = _captions(tree)
    title, title_el = _title(tree, selectors)

    body_el, paras = None, []
    for el in _select(tree, selectors.get("body")):
        p = element_paragraphs(el)
        if sum(len(x.text) for x in p) > sum(len(x.text) for x in paras):
            body_el, paras = el, p
    if not paras:
        paras, body_el = _generic_body(text, tree)

    paras = _clean_paragraphs(paras, captions, site.get("strip") or [], _zone_texts(tree))

    # lead: selector or a lead-like element outside the body; else a bold first paragraph
    sapo, _ = _find_sapo(tree, selectors, body_el)
    prefix = site.get("lead_prefix")
    sapo_key = _key(strip_lead_prefix(sapo, prefix)) if sapo else None
    lead_date = None  # a dateline that generic extraction took into the body
    while paras:
        t = paras[0].text
        if title and _key(t) == _key(title):
            paras = paras[1:]
        elif len(t) <= 100 and parse_dateline(t) and not t.endswith("."):
            if not _header_today(tree, title_el, t):   # the header's today-date is never the publication date
                lead_date = lead_date or parse_dateline(t)
            paras = paras[1:]
        elif sapo_key and (_key(strip_lead_prefix(t, prefix)) == sapo_key or _key(t) == _key(sapo)):
            paras = paras[1:]
        else:
            break
    body_start = None   # where the body's text begins: datelines before it (inside the container) count
    if paras and not selectors.get("body"):
        first = _key(paras[0].text)
        body_start = next((i for i, el in enumerate(tree.iter()) if isinstance(el.tag, str)
                           and el.tag not in ("html", "body") and _key(el.text_content()) == first), None)
    if sapo:
        pass
    elif len(paras) >= 2 and paras[0].bold and len(paras[0].text) > 60:
        sapo = paras[0].text
        paras = paras[1:]
    if not sapo:
        desc = _meta(tree, "og:description", "description")
        if desc and paras and not _key(paras[0].text).startswith(_key(desc)[:60]):
            sapo = None  # meta descriptions are often rewritten teasers: keep only when they match the page
    if sapo:
        sapo = strip_lead_prefix(sapo, site.get("lead_prefix"))
    if paras:
        paras[0] = Para(strip_lead_prefix(paras[0].text, site.get("lead_prefix")), paras[0].bold, paras[0].right)

    # byline: the last line, else an author box, else structured data; "Theo …" / "Nguồn: …" is a credit
    author = credit = None
    if paras:
        bold, right = _dom_style(tree, paras[-1].text)   # generic extraction loses bold and alignment
        author = parse_byline(paras[-1].text, paras[-1].bold or bold, paras[-1].right or right)
        if author:
            if _CREDIT.match(paras[-1].text):
                author, credit = None, author
            paras = paras[:-1]
        else:   # a source block after the body
            author, credit = _byline_after(tree, paras[-1].text)
    page_author = _author_from_page(tree, selectors)
    if not author or (selectors.get("author") and page_author):
        author = page_author or author
    if not author:
        meta_author = _meta(tree, "article:author", "author")
        if meta_author and not meta_author.startswith("http") and len(meta_author) <= 60 \
                and (not url or meta_author.casefold() not in url.casefold()):
            author = meta_author

    # date: site selector, meta / JSON-LD, a dateline near the title, htmldate
    published = None
    for el in _select(tree, selectors.get("date")):
        published = parse_dateline(el.text_content()) or _parse_iso(el.get("datetime") or "")
        if published:
            break
    meta_date = _date_from_meta(tree)
    if published and not published[1] and meta_date and meta_date[0] == published[0]:
        published = meta_date  # the selector's dateline has no time; structured data has
    published = published or meta_date or lead_date or _date_from_dom(tree, title_el, body_el, body_start)
    if not published:
        published = _htmldate(tree)

    body = "\n".join(p.text for p in paras if p.text)
    res = _result(title=title, sapo=sapo or None, body=body, author=author or None, credit=credit, lang=lang,
                  published=published[0] if published else None,
                  published_time=published[1] if published else None)
    reason = _not_article_reason(tree, body, paras, body_el)
    res["is_article"] = reason is None
    res["reason"] = reason
    return res


def _htmldate(tree) -> tuple[str, str | None] | None:
    try:
        from htmldate import find_date

        d = find_date(tree, original_date=True, outputformat="%Y-%m-%d", extensive_search=False)
    except Exception:
        return None
    today = dt.date.today()
    near_today = {(today + dt.timedelta(days=k)).isoformat() for k in (-1, 0, 1)}
    if d and d not in near_today:  # a header's today-date is never the publication date
        return d, None
    return None


def _not_article_reason(tree, body: str, paras: list[Para], container) -> str | None:
    if not body.strip():
        return "no article body"
    if len(body) < MIN_BODY_CHARS:
        return f"too little text ({len(body)} characters)"
    anchors = {_clean(a.text_content()) for a in tree.iter("a")}
    linked = sum(len(a) for a in anchors if len(a) >= 15 and a in body)
    if linked > 0.5 * len(body):
        return "mostly links (a listing or home page)"
    if container is not None:
        headlines = {a.get("href") for a in container.iter("a")
                     if a.get("href") and len(_clean(a.text_content())) >= 20}
        if len(headlines) >= 5 and len(headlines) >= 0.8 * len(paras):
            return f"listing page ({len(headlines)} headline links)"
    return None

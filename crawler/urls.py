"""Article identity: canonical URLs and the ids derived from them.

>>> canonicalize("https://BaoLangSon.vn/bai-viet-123.html?utm_source=fb#top")
'https://baolangson.vn/bai-viet-123.html'
>>> article_id("https://baolangson.vn/bai-viet-123.html")  # doctest: +SKIP
'3f0c...'  # sha1(canonical_url)[:16]
"""
from __future__ import annotations

import hashlib
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

TRACKING_PARAMS = {"fbclid", "gclid", "zarsrc", "ref", "_ga", "mc_cid", "mc_eid"}
_DEFAULT_PORTS = {"http": 80, "https": 443}


def _is_tracking(name: str) -> bool:
    name = name.lower()
    return name.startswith("utm_") or name in TRACKING_PARAMS


def canonicalize(url: str) -> str:
    """Canonical form of an article URL: lower-case scheme and host, no default port,
    no fragment, no tracking parameters (utm_*, fbclid, gclid, zarsrc, ref), query sorted.

    >>> canonicalize("http://baoquangninh.vn/xay-dung-dang-99.html?zarsrc=30&b=2&a=1")
    'http://baoquangninh.vn/xay-dung-dang-99.html?a=1&b=2'
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = parts.port
    netloc = host if port is None or port == _DEFAULT_PORTS.get(scheme) else f"{host}:{port}"
    query = sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _is_tracking(k))
    path = parts.path or "/"
    return urlunsplit((scheme, netloc, path, urlencode(query), ""))


def article_id(url: str) -> str:
    """Stable article id: the first 16 hex digits of sha1 of the canonical URL.

    >>> article_id("https://baolamdong.vn/hoi-nghi-ban-chap-hanh-dang-bo-tinh-12345.html") == article_id(
    ...     "https://BAOLAMDONG.vn/hoi-nghi-ban-chap-hanh-dang-bo-tinh-12345.html?utm_medium=zalo")
    True
    """
    return hashlib.sha1(canonicalize(url).encode("utf-8")).hexdigest()[:16]


def same_site(url: str, base_url: str) -> bool:
    """True when ``url`` is on the host (and port) of ``base_url``; ``www.`` is ignored.

    >>> same_site("https://www.baolangson.vn/chinh-tri", "https://baolangson.vn")
    True
    """
    a, b = urlsplit(url), urlsplit(base_url)
    if a.scheme not in ("http", "https"):
        return False
    ha, hb = (a.hostname or "").lower().removeprefix("www."), (b.hostname or "").lower().removeprefix("www.")
    return ha == hb and (a.port or _DEFAULT_PORTS.get(a.scheme)) == (b.port or _DEFAULT_PORTS.get(b.scheme))

"""Sites as data: one YAML file per news site in ``crawler/sites/``.

A site file says where a site's party-building sections are (listings, feeds,
sitemaps), what its article URLs look like and, optionally, CSS selectors and
date hints. ``load_sites`` reads and validates them; a broken file is a
one-line ``UserError`` naming the file and the field.

>>> sites = load_sites()
>>> sites["baolangson"]["province"]
'lang-son'
"""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from records import UserError

PACKAGED_SITES_DIR = Path(__file__).resolve().parent / "sites"

_ID = re.compile(r"^[a-z0-9_-]+$")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

TOP_KEYS = {
    "id", "name", "province", "base_url", "verified", "notes", "discovery", "article_url_patterns",
    "exclude_url_patterns", "selectors", "date_formats", "lead_prefix", "strip", "revalidate", "hosts",
}
REQUIRED = ("id", "name", "base_url", "article_url_patterns")
DISCOVERY_KEYS = {"listings", "feeds", "sitemaps"}
LISTING_KEYS = {"url", "pagination", "next_selector", "link_selector", "max_pages"}
SELECTOR_KEYS = {"title", "sapo", "body", "date", "author"}


class _Problem(Exception):
    def __init__(self, field: str, msg: str):
        super().__init__(f"field '{field}': {msg}")


def _check_regex(field: str, value) -> None:
    if not isinstance(value, str):
        raise _Problem(field, "expected a regular expression string")
    try:
        re.compile(value)
    except re.error as e:
        raise _Problem(field, f"bad regular expression ({e})")


def _check_str_list(field: str, value, regex: bool = False) -> list:
    if value is None:
        return []
    if not isinstance(value, list):
        raise _Problem(field, "expected a list")
    for i, v in enumerate(value):
        if regex:
            _check_regex(f"{field}[{i}]", v)
        elif not isinstance(v, str) or not v.strip():
            raise _Problem(f"{field}[{i}]", "expected a non-empty string")
    return list(value)


def _check_path_or_url(field: str, value, base: str) -> None:
    if not isinstance(value, str) or not value.strip():
        raise _Problem(field, "expected a path or URL")
    if value.startswith(("http://", "https://")):
        return
    if not value.startswith("/"):
        raise _Problem(field, f"{value!r}: a path must start with '/' (or give a full URL)")


def validate_site(raw, source: str = "<site>") -> dict:
    """Check one site mapping and fill defaults; raise ``UserError`` naming ``source`` and the field.

    >>> validate_site({"id": "lso", "name": "Báo Lạng Sơn", "base_url": "https://baolangson.vn",
    ...                "article_url_patterns": [r"-\\d+\\.html$"]})["revalidate"]
    False
    """
    try:
        return _validate(raw)
    except _Problem as e:
        raise UserError(f"{source}: {e}") from None


def _validate(raw) -> dict:
    if not isinstance(raw, dict):
        raise _Problem("(top)", "expected a mapping of fields")
    unknown = sorted(set(raw) - TOP_KEYS)
    if unknown:
        raise _Problem(unknown[0], f"unknown key (known: {', '.join(sorted(TOP_KEYS))})")
    for key in REQUIRED:
        if raw.get(key) in (None, "", []):
            raise _Problem(key, "missing")
    site = dict(raw)
    if not isinstance(site["id"], str) or not _ID.match(site["id"]):
        raise _Problem("id", f"{site['id']!r}: use lower-case letters, digits, '_' and '-'")
    if not isinstance(site["name"], str):
        raise _Problem("name", "expected a string")
    province = site.get("province")
    if province is not None and (not isinstance(province, str) or not _SLUG.match(province)):
        raise _Problem("province", f"{province!r}: expected an ASCII slug like 'lang-son' or null")
    base = site["base_url"]
    parts = urlsplit(base) if isinstance(base, str) else None
    if not parts or parts.scheme not in ("http", "https") or not parts.hostname:
        raise _Problem("base_url", f"{base!r}: expected http(s)://host")
    site["base_url"] = base.rstrip("/")
    for key in ("verified", "revalidate"):
        if not isinstance(site.get(key, False), bool):
            raise _Problem(key, "expected true or false")
    site["verified"] = bool(site.get("verified", False))
    site["revalidate"] = bool(site.get("revalidate", False))
    if site.get("notes") is not None and not isinstance(site["notes"], str):
        raise _Problem("notes", "expected a string")
    site["article_url_patterns"] = _check_str_list("article_url_patterns", site["article_url_patterns"], regex=True)
    site["exclude_url_patterns"] = _check_str_list("exclude_url_patterns", site.get("exclude_url_patterns"), regex=True)
    site["date_formats"] = _check_str_list("date_formats", site.get("date_formats"))
    site["strip"] = _check_str_list("strip", site.get("strip"))
    site["hosts"] = _check_str_list("hosts", site.get("hosts"))
    if site.get("lead_prefix") is not None:
        _check_regex("lead_prefix", site["lead_prefix"])
    selectors = site.get("selectors") or {}
    if not isinstance(selectors, dict):
        raise _Problem("selectors", "expected a mapping")
    for key, value in selectors.items():
        if key not in SELECTOR_KEYS:
            raise _Problem(f"selectors.{key}", f"unknown key (known: {', '.join(sorted(SELECTOR_KEYS))})")
        _check_css(f"selectors.{key}", value)
    site["selectors"] = dict(selectors)
    site["discovery"] = _validate_discovery(site.get("discovery") or {}, site["base_url"])
    return site


def _check_css(field: str, value) -> None:
    if not isinstance(value, str) or not value.strip():
        raise _Problem(field, "expected a CSS selector")
    from cssselect import GenericTranslator, SelectorError

    try:
        GenericTranslator().css_to_xpath(value)
    except SelectorError as e:
        raise _Problem(field, f"bad CSS selector ({e})")


def _validate_discovery(disc, base: str) -> dict:
    if not isinstance(disc, dict):
        raise _Problem("discovery", "expected a mapping")
    unknown = sorted(set(disc) - DISCOVERY_KEYS)
    if unknown:
        raise _Problem(f"discovery.{unknown[0]}", f"unknown key (known: {', '.join(sorted(DISCOVERY_KEYS))})")
    listings = disc.get("listings") or []
    if not isinstance(listings, list):
        raise _Problem("discovery.listings", "expected a list")
    out = []
    for i, item in enumerate(listings):
        field = f"discovery.listings[{i}]"
        if isinstance(item, str):
            item = {"url": item}
        if not isinstance(item, dict):
            raise _Problem(field, "expected a mapping with 'url'")
        unknown = sorted(set(item) - LISTING_KEYS)
        if unknown:
            raise _Problem(f"{field}.{unknown[0]}", f"unknown key (known: {', '.join(sorted(LISTING_KEYS))})")
        _check_path_or_url(f"{field}.url", item.get("url"), base)
        pag = item.get("pagination")
        if pag is not None:
            _check_path_or_url(f"{field}.pagination", pag, base)
            if "{n}" not in pag:
                raise _Problem(f"{field}.pagination", "template needs '{n}' (page number)")
        for key in ("next_selector", "link_selector"):
            if item.get(key) is not None:
                _check_css(f"{field}.{key}", item[key])
        mp = item.get("max_pages", 30)
        if not isinstance(mp, int) or isinstance(mp, bool) or mp < 1:
            raise _Problem(f"{field}.max_pages", "expected a positive integer")
        out.append({"url": item["url"], "pagination": pag, "next_selector": item.get("next_selector"),
                    "link_selector": item.get("link_selector"), "max_pages": mp})
    feeds = _check_str_list("discovery.feeds", disc.get("feeds"))
    sitemaps = _check_str_list("discovery.sitemaps", disc.get("sitemaps"))
    for name, values in (("feeds", feeds), ("sitemaps", sitemaps)):
        for i, v in enumerate(values):
            _check_path_or_url(f"discovery.{name}[{i}]", v, base)
    return {"listings": out, "feeds": feeds, "sitemaps": sitemaps}


def load_site_file(path: Path) -> dict:
    """Read and validate one site file.

    >>> load_site_file(PACKAGED_SITES_DIR / "baolamdong.yaml")["base_url"]
    'https://baolamdong.vn'
    """
    try:
        raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark else ""
        raise UserError(f"{Path(path).name}:{where} not valid YAML ({getattr(e, 'problem', None) or e})") from None
    except (OSError, UnicodeDecodeError) as e:
        raise UserError(f"{Path(path).name}: cannot read ({e})") from None
    return validate_site(raw, Path(path).name)


def load_sites(dir: str | Path | None = None) -> dict[str, dict]:
    """All site files of a folder (default: the packaged ``crawler/sites/``), by site id.

    >>> sorted(load_sites())[:2]
    ['baobinhthuan', 'baodongnai']
    """
    folder = Path(dir) if dir is not None else PACKAGED_SITES_DIR
    if not folder.is_dir():
        raise UserError(f"{folder}: no such folder of site files")
    sites: dict[str, dict] = {}
    files = sorted(list(folder.glob("*.yaml")) + list(folder.glob("*.yml")))
    for path in files:
        site = load_site_file(path)
        if site["id"] in sites:
            raise UserError(f"{path.name}: field 'id': {site['id']!r} is already used by another site file")
        site["_file"] = path.name
        sites[site["id"]] = site
    if not sites:
        raise UserError(f"{folder}: no site files (*.yaml)")
    return sites


def site_for_url(sites: dict[str, dict], url: str) -> dict | None:
    """The site whose base_url (or extra ``hosts``) serves ``url``, if any."""
    from .urls import same_site

    for site in sites.values():
        if same_site(url, site["base_url"]) or any(same_site(url, h if "//" in h else f"https://{h}")
                                                    for h in site.get("hosts", [])):
            return site
    return None

"""partycorpus check-site ID|URL: what a site file's selectors match on live pages (or saved HTML),
beside generic extraction; exit 1 when a configured selector finds nothing.

>>> # partycorpus check-site baolangson
>>> # partycorpus check-site baolangson --html saved-article.html
>>> # partycorpus check-site https://baolangson.vn/chinh-tri
"""
from __future__ import annotations

import sys
from urllib.parse import urlsplit

from ..errors import UserError


def choose_site(target: str, sites: dict) -> tuple[dict, str | None]:
    """(site file, URL to check or None) for an id or a URL on a configured site."""
    if target in sites:
        return sites[target], None
    parts = urlsplit(target)
    if parts.scheme in ("http", "https") and parts.hostname:
        from crawler.urls import same_site

        for site in sites.values():
            hosts = [site["base_url"]] + [h if "//" in h else f"{parts.scheme}://{h}" for h in site.get("hosts") or []]
            if any(same_site(target, h) for h in hosts):
                return site, target
        raise UserError(f"{target}: no site file has this host; add one (see crawler/sites/) or crawl it "
                        "with crawl --start-url")
    raise UserError(f"unknown site id {target!r}; known: {', '.join(sorted(sites))}")


def run(args) -> int:
    from crawler.checksite import check_site, problems, report_lines
    from crawler.sites import load_sites

    if args.articles < 1:
        raise UserError("--articles must be a positive number")
    site, url = choose_site(args.target, load_sites(args.sites_dir))
    if args.html and url:
        raise UserError("--html reads saved pages of a site: give its id, not a URL")
    result = check_site(site, articles=args.articles, html_files=args.html or [], url=url)
    sys.stdout.write("\n".join(report_lines(result)) + "\n")
    return 1 if problems(result) else 0

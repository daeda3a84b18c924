"""Is a configured site still read right? Selectors against generic extraction, per field and per run.

- ``compare_fields(html, url, site)``: for each field (title, sapo, body, date, author) what the site's
  selector matched, what generic extraction (no site file) found, and whether they agree. Used by
  every crawl (``record_selector_health``: counts in the run record's ``health``) and by
  ``partycorpus check-site``.
- ``degraded(runs, now)``: warning lines for sites whose latest runs fall short of their own history
  (no new article for 14 days while there used to be some each week; a selector that found nothing
  on most articles while it used to find something; listing pages without article links).

>>> compare_fields("<html><body><h1 class='t'>Chi bộ mẫu mực ở xã</h1></body></html>", None,
...                {"selectors": {"title": "h1.t"}})["title"]["status"]
'agree'
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata

import lxml.html

from .extraction import _clean, _select, extract_article, parse_date_text, parse_dateline

FIELDS = ("title", "sapo", "body", "date", "author")   # the keys of a site file's selectors


def _norm(text: str | None) -> str:
    t = unicodedata.normalize("NFC", text or "").casefold()
    return re.sub(r"[\W_]+", " ", t).strip()


def _agree(field: str, a: str | None, b: str | None) -> bool:
    a, b = (a or ""), (b or "")
    if field == "date":
        return a[:10] == b[:10]
    na, nb = _norm(a), _norm(b)
    if not na or not nb:
        return False
    if field in ("body", "sapo"):   # one holds the start of the other (lead prefixes, captions, bylines differ)
        return na[:80] in nb or nb[:80] in na
    return na == nb or na in nb or nb in na


def selector_values(html: str | bytes, site: dict) -> dict[str, str | None]:
    """What each configured selector of ``site`` matched (None: configured but nothing found)."""
    if isinstance(html, bytes):
        html = html.decode("utf-8", "replace")
    tree = lxml.html.document_fromstring(html or "<html></html>")
    sels = site.get("selectors") or {}
    out: dict[str, str | None] = {}
    for field in FIELDS:
        sel = sels.get(field)
        if not sel:
            continue
        text = " ".join(_clean(el.text_content()) for el in _select(tree, sel)).strip()
        if field == "date" and text:
            day, _ = parse_date_text(text, site.get("date_formats") or [])
            text = day or (parse_dateline(text) or (None,))[0]
        out[field] = text or None
    return out


def generic_values(html: str | bytes, url: str | None, got: dict | None = None) -> dict[str, str | None]:
    """Fields of generic extraction, with no site file."""
    got = got if got is not None else extract_article(html, url=url)
    return {"title": got.get("title"), "sapo": got.get("sapo"), "body": got.get("body") or None,
            "date": got.get("published"), "author": got.get("author")}


def compare_fields(html: str | bytes, url: str | None, site: dict, generic: dict | None = None) -> dict[str, dict]:
    """field -> {selector (CSS or None), selected, generic, status} with status 'agree', 'disagree',
    'selector empty' (configured, found nothing: generic fills in), 'no selector'."""
    sel = selector_values(html, site)
    gen = generic if generic is not None else generic_values(html, url)
    out = {}
    for field in FIELDS:
        css = (site.get("selectors") or {}).get(field)
        if not css:
            status = "no selector"
        elif not sel.get(field):
            status = "selector empty"
        elif not gen.get(field):
            status = "agree"   # nothing generic to hold it against
        else:
            status = "agree" if _agree(field, sel[field], gen[field]) else "disagree"
        out[field] = {"selector": css, "selected": sel.get(field), "generic": gen.get(field), "status": status}
    return out


def record_selector_health(session, site: dict, html: str, url: str, got: dict | None = None) -> dict:
    """Count one article page's selector health in the run (``selector_empty_<field>``,
    ``disagree_<field>``, ``articles_checked``); the article itself falls back to generic extraction
    field by field where a selector found nothing (``crawler.spiders.base.build_article``)."""
    try:
        res = compare_fields(html, url, site, generic_values(html, url))
    except Exception:   # health is a report: it never stops a crawl
        return {}
    session.count_health(site["id"], "articles_checked")
    for field, r in res.items():
        if r["status"] == "selector empty":
            session.count_health(site["id"], f"selector_empty_{field}")
        elif r["status"] == "disagree":
            session.count_health(site["id"], f"disagree_{field}")
    if got is not None:
        for field, key in (("date", "published"), ("author", "author"), ("body", "body")):
            if not got.get(key):
                session.count_health(site["id"], f"missing_{field}")
    return res


# ----------------------------------------------------------------------------- history

QUIET_DAYS = 14
SELECTOR_SHARE = 0.5     # a selector empty on at least half of a run's articles ...
SELECTOR_BEFORE = 0.1    # ... while it was empty on at most a tenth before


def _when(run: dict) -> dt.datetime | None:
    for key in ("finished", "started"):
        try:
            t = dt.datetime.fromisoformat(str(run.get(key)))
        except ValueError:
            continue
        return t if t.tzinfo else t.replace(tzinfo=dt.timezone.utc)
    return None


def degraded(runs: list[dict], now: dt.datetime | None = None) -> list[str]:
    """Warning lines for sites that degraded against their own history (``runs``: run records)."""
    now = now or dt.datetime.now(dt.timezone.utc)
    runs = sorted((r for r in runs if _when(r) and isinstance(r.get("health"), dict)), key=_when)
    by_site: dict[str, list[tuple[dt.datetime, dict]]] = {}
    for r in runs:
        for sid, h in r["health"].items():
            by_site.setdefault(sid, []).append((_when(r), h))
    out = []
    for sid, hist in sorted(by_site.items()):
        last_t, last = hist[-1]
        earlier = hist[:-1]
        new_times = [t for t, h in hist if h.get("new_articles")]
        if new_times and now - max(new_times) > dt.timedelta(days=QUIET_DAYS):
            last_new = max(new_times)
            weeks = {(t.isocalendar()[0], t.isocalendar()[1]) for t in new_times
                     if last_new - t <= dt.timedelta(days=28)}
            if len(weeks) >= 2:
                out.append(f"warning: site {sid}: no new article for {(now - last_new).days} days "
                           f"(it had new articles in {len(weeks)} of the 4 weeks before {last_new:%Y-%m-%d})")
        checked = last.get("articles_checked", 0)
        before_checked = sum(h.get("articles_checked", 0) for _, h in earlier)
        if checked and before_checked:
            for field in FIELDS:
                share = last.get(f"selector_empty_{field}", 0) / checked
                before = sum(h.get(f"selector_empty_{field}", 0) for _, h in earlier) / before_checked
                if share >= SELECTOR_SHARE and before <= SELECTOR_BEFORE:
                    out.append(f"warning: site {sid}: the {field} selector found nothing on "
                               f"{last.get(f'selector_empty_{field}', 0)} of {checked} articles in the last run "
                               f"(before: {before:.0%}); generic extraction filled in "
                               f"(check with: partycorpus check-site {sid})")
        empty = last.get("listing_pages_without_article_links", 0) + last.get("listing_link_selector_empty", 0)
        before_empty = sum(h.get("listing_pages_without_article_links", 0) + h.get("listing_link_selector_empty", 0)
                           for _, h in earlier)
        before_pages = sum(h.get("listing_pages", 0) for _, h in earlier)
        if empty and before_pages and before_empty == 0:
            out.append(f"warning: site {sid}: {empty} of {last.get('listing_pages', 0)} listing pages gave no "
                       f"article link through the site file in the last run (none before; "
                       f"check with: partycorpus check-site {sid})")
    return out


def load_runs(data_dir) -> list[dict]:
    """The run records of ``DATA/crawl/runs/*.json`` (unreadable files skipped)."""
    import json
    from pathlib import Path

    out = []
    folder = Path(data_dir) / "crawl" / "runs"
    for p in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        try:
            rec = json.loads(p.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(rec, dict):
            out.append(rec)
    return out

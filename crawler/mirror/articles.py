"""Load the synthetic articles of ``crawler/mirror/content/*.yaml`` (the demo
corpus and the ground truth of extraction tests).

>>> arts = load_articles()
>>> arts[9001]["title"]  # doctest: +SKIP
'Huyện ủy Cao Lộc nâng cao chất lượng sinh hoạt chi bộ'
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path

import yaml

CONTENT_DIR = Path(__file__).resolve().parent / "content"
SITE_IDS = ("lso", "qno", "ldg", "tccs")


def slugify(text: str, max_words: int = 12) -> str:
    """ASCII URL slug of a Vietnamese title.

    >>> slugify("Huyện ủy Cao Lộc nâng cao chất lượng")
    'huyen-uy-cao-loc-nang-cao-chat-luong'
    """
    t = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    t = "".join(c for c in t if not unicodedata.combining(c)).lower()
    words = re.findall(r"[a-z0-9]+", t)
    return "-".join(words[:max_words]) or "bai-viet"


def body_paragraphs(body: str) -> list[str]:
    """Paragraphs of a content file's ``body`` (separated by blank lines)."""
    paras = re.split(r"\n\s*\n", (body or "").strip())
    return [" ".join(p.split()) for p in paras if p.strip()]


def parse_published(value) -> dt.datetime:
    """``"2019-03-14 08:30"`` (or a date) as a naive local datetime."""
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    s = str(value).strip()
    for fmt in ("%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(s, fmt)
        except ValueError:
            continue
    raise ValueError(f"published {value!r}: expected 'YYYY-MM-DD HH:MM'")


def normalise_article(raw: dict, source: str = "<dict>") -> dict:
    """Check one content record and fill defaults; ValueError names the field."""
    if not isinstance(raw, dict):
        raise ValueError(f"{source}: not a mapping")
    art = dict(raw)
    for key in ("id", "site", "title"):
        if art.get(key) in (None, ""):
            raise ValueError(f"{source}: missing field {key!r}")
    try:
        art["id"] = int(art["id"])
    except (TypeError, ValueError):
        raise ValueError(f"{source}: id {art['id']!r} is not a number")
    if art["site"] not in SITE_IDS:
        raise ValueError(f"{source}: site {art['site']!r} not one of {', '.join(SITE_IDS)}")
    try:
        art["published_dt"] = parse_published(art.get("published") or "2020-01-01 08:00")
    except ValueError as e:
        raise ValueError(f"{source}: {e}")
    art["title"] = " ".join(str(art["title"]).split())
    art["sapo"] = " ".join(str(art.get("sapo") or "").split())
    art["body"] = str(art.get("body") or "")
    art["paragraphs"] = body_paragraphs(art["body"])
    art["captions"] = [" ".join(str(c).split()) for c in (art.get("captions") or []) if str(c).strip()]
    art["author"] = (" ".join(str(art["author"]).split()) or None) if art.get("author") else None
    art.setdefault("section", "xay-dung-dang")
    art["section"] = art.get("section") or "xay-dung-dang"
    art.setdefault("province", None)
    art["slug"] = slugify(art["title"])
    art["source"] = source
    return art


def load_articles(content_dir: str | Path | None = None) -> dict[int, dict]:
    """All content files of a folder by id (ValueError on a bad or duplicate file)."""
    folder = Path(content_dir) if content_dir else CONTENT_DIR
    out: dict[int, dict] = {}
    for path in sorted(folder.glob("*.yaml")):
        try:
            raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as e:
            raise ValueError(f"{path.name}: invalid YAML ({str(e).splitlines()[0]})")
        art = normalise_article(raw, path.name)
        if art["id"] in out:
            raise ValueError(f"{path.name}: id {art['id']} already used by {out[art['id']]['source']}")
        out[art["id"]] = art
    return out

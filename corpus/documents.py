"""Directive mentions -> documents: which party document a mention names.

Identity (``doc_key``):
- central documents by canonical id: ``05-CT/TW``, ``NQTW4-XII``, ``NQDH-XII``, ``DIEU-LE-DANG``; an id the
  gazetteer knows in two terms also by the term, when the mention has one: ``21-NQ/TW@khóa-XIII``;
- local documents (…/TU, /HU, /ĐU …) by canonical id and the article's
  province: ``290-KH/TU@ho-chi-minh`` is not ``290-KH/TU@lang-son``;
- local congress resolutions by congress and province: ``DH-X@lam-dong``;
- title-only documents by kind, normalised title (and province when local):
  ``title:ke_hoach:nâng cao chất lượng tccsđ và đảng viên giai đoạn 2016-2020@lam-dong``.
A mention with none of these stays unresolved (``doc_key`` null).

>>> document_key({"canonical_id": "290-KH/TU", "symbol": "KH/TU", "level": "provincial"}, "lang-son")
'290-KH/TU@lang-son'
>>> document_key({"canonical_id": "05-CT/TW", "symbol": "CT/TW", "level": "central"}, "lang-son")
'05-CT/TW'
>>> document_key({"canonical_id": "21-NQ/TW", "symbol": "NQ/TW", "level": "central", "term": "XIII"}, "lang-son")
'21-NQ/TW@khóa-XIII'
"""
from __future__ import annotations

import functools
import re
import unicodedata

_CENTRAL_PREFIXES = ("NQTW", "NQDH", "DIEU-LE", "KLTW")
_QUOTES = re.compile(r"[\"“”„‘’'«»]")
_DASH = re.compile(r"\s*[-–—]\s*")
_SPACE = re.compile(r"\s+")


def normalise_title(title: str) -> str:
    """Case-folded NFC title without quotes, single spaces, tight dashes.

    >>> normalise_title('“Nâng cao chất lượng TCCSĐ  giai đoạn 2016 - 2020”')
    'nâng cao chất lượng tccsđ giai đoạn 2016-2020'
    """
    t = unicodedata.normalize("NFC", title or "").casefold()
    t = _QUOTES.sub("", t)
    t = _DASH.sub("-", t)
    return _SPACE.sub(" ", t).strip(" .,;:")


def is_central(d: dict) -> bool:
    """A document of the central level (TW issuers, plenums, national congresses, the Charter).

    >>> is_central({"canonical_id": "453-QĐ/TU", "symbol": "QĐ/TU"})
    False
    """
    level = d.get("level")
    cid = (d.get("canonical_id") or "").upper()
    if cid.startswith(_CENTRAL_PREFIXES):
        return True
    symbol = (d.get("symbol") or cid.partition("-")[2] or "").upper().replace("Ư", "W")
    issuer = symbol.rpartition("/")[2].replace(" ", "")
    if issuer:
        return issuer.endswith("TW")
    return level == "central"


def document_key(d: dict, province: str | None) -> str | None:
    """The corpus identity of the document a directive mention names (see module doc).

    >>> document_key({"kind": "nghi_quyet", "congress": "X", "level": "provincial"}, "lam-dong")
    'DH-X@lam-dong'
    """
    place = province or "?"
    cid = d.get("canonical_id")
    if cid:
        if not is_central(d):
            return f"{cid}@{place}"
        if cid in _recurring_central_ids() and d.get("term"):
            return f"{cid}@khóa-{d['term']}"       # numbers restart each term: 21-NQ/TW of 2017 is not that of 2022
        return cid
    if d.get("congress"):
        if d.get("level") == "central":
            return f"NQDH-{d['congress']}"
        return f"DH-{d['congress']}@{place}"
    if d.get("title"):
        key = f"title:{d.get('kind') or 'van_ban'}:{normalise_title(d['title'])}"
        return key if d.get("level") == "central" else f"{key}@{place}"
    return None


@functools.cache
def _recurring_central_ids() -> frozenset[str]:
    """Canonical ids the gazetteer holds for more than one document (one per term)."""
    from collections import Counter

    from nlp import gazetteer
    counts = Counter(doc.id for doc in gazetteer.documents())
    return frozenset(i for i, n in counts.items() if n > 1)


def _mode(column: str) -> str:
    """SQL: the most frequent non-null ``column`` of a document's mentions (ties: smallest)."""
    return (f"(SELECT {column} FROM m WHERE m.doc_key = base.doc_key AND {column} IS NOT NULL "
            f"GROUP BY {column} ORDER BY count(*) DESC, {column} LIMIT 1)")


DOCUMENTS_SQL = f"""
INSERT INTO documents (doc_key, canonical_id, kind, level, province, title, issued, first_seen, n_mentions, n_articles)
WITH m AS (SELECT * FROM directive_mentions WHERE doc_key IS NOT NULL),
base AS (
  SELECT doc_key, min(issued) AS issued, min(published) AS first_seen,
         count(*) AS n_mentions, count(DISTINCT article_id) AS n_articles
  FROM m GROUP BY doc_key)
SELECT base.doc_key, {_mode('canonical_id')}, {_mode('kind')}, {_mode('level')},
       nullif(nullif(regexp_extract(base.doc_key, '@([^@]*)$', 1), ''), '?'),
       {_mode('title')}, base.issued, base.first_seen, base.n_mentions, base.n_articles
FROM base ORDER BY base.doc_key
"""


def rebuild_documents(con) -> int:
    """Recompute the ``documents`` table from directive mentions (inside a transaction)."""
    con.execute("DELETE FROM documents")
    con.execute(DOCUMENTS_SQL)
    return con.execute("SELECT count(*) FROM documents").fetchall()[0][0]

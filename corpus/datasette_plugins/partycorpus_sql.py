"""Datasette plugin (loaded by ``partycorpus serve`` with ``--plugins-dir``): SQL functions and links.

``fold(text)``: the text without Vietnamese diacritics (đ -> d), as indexed in ``articles_fts.folded``.
``kwic(text, phrase, width)``: every place (at most 3) the phrase occurs, diacritics and case ignored, with
``width`` characters either side, the phrase in [brackets]; NULL when it does not occur.
Links: an article, sentence or document id in a row page or a query result links to its row (table pages
already link them through their foreign keys); a citations row's n_mentions links to those mentions.
"""
from __future__ import annotations

import re

import markupsafe
import unicodedata
import urllib.parse

from datasette import hookimpl
from datasette.utils import tilde_encode


def fold(text: str | None) -> str:
    """Vietnamese without diacritics: "Đảng bộ tỉnh Lâm Đồng" -> "Dang bo tinh Lam Dong".

    Self-contained (this file is deployed alone with ``datasette publish --plugins-dir``);
    ``corpus.publish`` indexes ``articles_fts.folded`` with it.
    """
    if not text:
        return ""
    s = text.replace("Đ", "D").replace("đ", "d")
    return unicodedata.normalize("NFC", "".join(c for c in unicodedata.normalize("NFD", s)
                                               if not unicodedata.combining(c)))


def kwic(text, phrase, width=60):
    if not text or not phrase:
        return None
    hay, words = fold(text).lower(), re.findall(r"\w+", fold(phrase).lower())
    if not words or len(hay) != len(text):   # folding keeps offsets for NFC text; else no context
        return None
    out = []
    for m in re.finditer(r"\b" + r"\W+".join(map(re.escape, words)) + r"\b", hay):   # words as FTS5 sees them
        at, end = m.span()
        left, right = max(0, at - int(width)), min(len(text), end + int(width))
        out.append(("…" if left else "") + text[left:at] + "[" + text[at:end] + "]" + text[end:right]
                   + ("…" if right < len(text) else ""))
        if len(out) == 3:
            break
    return " ‖ ".join(out) if out else None


@hookimpl
def prepare_connection(conn):
    conn.create_function("fold", 1, fold, deterministic=True)
    conn.create_function("kwic", 3, kwic, deterministic=True)


#: columns that name a row of another table
LINKS = {"article_id": "articles", "original_id": "articles", "reprint_of": "articles", "sentence_id": "sentences",
         "doc_key": "documents"}


def _citing_mentions(row, value, database, datasette):
    """A citations row's mention count links to those mentions (directives of that document, province, year)."""
    keys = row.keys() if hasattr(row, "keys") else []
    if not {"doc_key", "province", "year"} <= set(keys):
        return None
    doc_key = row["doc_key"]["value"] if isinstance(row["doc_key"], dict) else row["doc_key"]
    args = {"doc_key": doc_key}
    if row["province"] is not None:
        args["province"] = row["province"]
    if row["year"] is not None:
        args["published__startswith"] = str(row["year"])
    href = datasette.urls.table(database, "directives") + "?" + urllib.parse.urlencode(args)
    return markupsafe.Markup(f'<a href="{markupsafe.escape(href)}">{markupsafe.escape(value)}</a>')


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    if table == "citations" and column == "n_mentions":
        return _citing_mentions(row, value, database, datasette)
    target = LINKS.get(column)
    if not target or table == target or not isinstance(value, str) or not value:
        return None
    href = datasette.urls.row(database, target, tilde_encode(value))
    return markupsafe.Markup(f'<a href="{markupsafe.escape(href)}">{markupsafe.escape(value)}</a>')

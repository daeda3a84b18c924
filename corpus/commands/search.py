"""partycorpus search TEXT [--limit N] [--width W]: keyword in context.

Candidates come from the store's inverted index (``search_terms``: every
word of every built article; DuckDB's fts extension cannot be installed
offline), plus a plain scan of articles not built yet; then the exact phrase
is found in each candidate text (case-insensitive, any whitespace).

>>> # partycorpus search "Chỉ thị 05" --limit 5
"""
from __future__ import annotations

import re
import sys
import unicodedata

from ..build import search_terms
from ..errors import UserError
from ..store import Store

CHUNK = 200        # texts fetched by the first query; each next one fetches twice as many
MAX_CHUNK = 6400



def phrase_pattern(text: str) -> re.Pattern:
    """Case-insensitive pattern of the phrase, any whitespace between words.

    >>> bool(phrase_pattern("chỉ thị 05").search("theo Chỉ thị\\n05-CT/TW"))
    True
    """
    words = unicodedata.normalize("NFC", text).split()
    return re.compile(r"\s+".join(map(re.escape, words)), re.IGNORECASE)


def _indexed_articles(store: Store, terms: list[str]) -> list[str]:
    """Built articles holding every word: the rarest word's articles, narrowed word by word.

    The index is sorted by word, so ``term = ?`` reads only that word's row groups; the set in
    hand only shrinks, so memory follows the rarest word, not the corpus (an INTERSECT of two
    common words would hash hundreds of thousands of ids per word).
    """
    import pyarrow as pa

    counts = sorted((store.sql("SELECT count(*) FROM search_terms WHERE term = ?", [t]).fetchone()[0], t)
                    for t in terms)
    if counts[0][0] == 0:
        return []
    ids = [r[0] for r in store.sql("SELECT article_id FROM search_terms WHERE term = ?", [counts[0][1]]).fetchall()]
    for _, term in counts[1:]:
        if not ids:
            break
        store.con.register("_held", pa.table({"article_id": pa.array(ids, type=pa.string())}))
        ids = [r[0] for r in store.sql("SELECT article_id FROM search_terms WHERE term = ? "
                                       "AND article_id IN (SELECT article_id FROM _held)", [term]).fetchall()]
        store.con.unregister("_held")
    return ids


def search(store: Store, text: str, limit: int = 50, width: int = 60):
    """Yield (article_id, published, province, left, match, right) lines, newest articles first."""
    terms = search_terms(text)
    if not terms:
        raise UserError(f"search {text!r}: no words to search for")
    pattern = phrase_pattern(text)
    import pyarrow as pa

    candidates = set(_indexed_articles(store, terms))
    # articles not built yet (usually none or a few): found by scanning their text, and only theirs
    unbuilt = [r[0] for r in store.sql(
        "SELECT a.article_id FROM articles a LEFT JOIN build_records b USING (article_id) "
        "WHERE b.article_id IS NULL OR b.content_sha1 IS DISTINCT FROM a.content_sha1").fetchall()]
    like = "%" + "%".join(unicodedata.normalize("NFC", text).split()) + "%"
    for i in range(0, len(unbuilt), 10_000):
        store.con.register("_ids", pa.table({"article_id": pa.array(unbuilt[i:i + 10_000], type=pa.string())}))
        candidates.update(r[0] for r in store.sql(
            "SELECT article_id FROM articles WHERE article_id IN (SELECT article_id FROM _ids) "
            "AND (text ILIKE ? OR title ILIKE ?)", [like, like]).fetchall())
        store.con.unregister("_ids")
    # candidates newest first (reads only the id and date columns), then their texts fetched by row
    # id, a chunk at a time, until ``limit`` lines are shown: the cost follows the candidates, not
    # the corpus
    store.con.register("_ids", pa.table({"article_id": pa.array(sorted(candidates), type=pa.string())}))
    order = store.sql("SELECT a.rowid, coalesce(b.province, a.province) FROM articles a "
                      "LEFT JOIN build_records b USING (article_id) "
                      "WHERE a.article_id IN (SELECT article_id FROM _ids) "
                      "ORDER BY a.published DESC NULLS LAST, a.article_id").fetchall()
    store.con.unregister("_ids")
    shown = 0
    i, size = 0, CHUNK
    while i < len(order):
        chunk = order[i:i + size]
        i, size = i + size, min(2 * size, MAX_CHUNK)   # a rare phrase among common words: fewer, larger reads
        province_of = dict(chunk)
        fetched = {r[0]: r[1:] for r in store.sql(
            "SELECT rowid, article_id, published, title, text FROM articles WHERE rowid = ANY(?)",
            [[rowid for rowid, _ in chunk]]).fetchall()}
        for rowid, _ in chunk:
            aid, published, title, body = fetched[rowid]
            province = province_of[rowid]
            for source in (body or "", title or ""):
                for m in pattern.finditer(source):
                    left = source[max(0, m.start() - width):m.start()].replace("\n", " ")
                    right = source[m.end():m.end() + width].replace("\n", " ")
                    yield aid, published, province, left, " ".join(m.group(0).split()), right
                    shown += 1
                    if shown >= limit:
                        return
                if source is body and pattern.search(body):
                    break  # the title is only searched when the body has no hit


def run(args) -> int:
    if args.limit < 1:
        raise UserError("--limit must be 1 or more")
    n = 0
    with Store(args.data) as store:
        for aid, published, province, left, match, right in search(store, args.text, args.limit, args.width):
            sys.stdout.write(f"{aid}\t{published or '----------'}\t{province or '-'}\t"
                             f"{left:>{args.width}}[{match}]{right}\n")
            n += 1
    if n == 0:
        sys.stderr.write(f"no match for {args.text!r}\n")
        return 1
    return 0

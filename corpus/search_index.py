"""The search index (``search_terms``: one row per word and built article), kept sorted by word.

DuckDB keeps the minimum and maximum of every column per row group (about
120,000 rows). When the rows are sorted by ``term``, ``WHERE term = ?``
reads only the row groups that hold the word, so a lookup costs the same on
a thousand articles and on a million. ``build`` appends the rows of each
article it extracts (unsorted, at the end) and counts them in ``meta``;
when that unsorted tail grows past a quarter of the index, the index is
rewritten sorted in one transaction (DuckDB spills the sort to disk beyond
its memory limit), so a daily build of a few articles never pays for it.

>>> # with Store(data, write=True) as store: compact_search_index(store)   -> {'rows': ..., 'sorted': True}
"""
from __future__ import annotations

import time

UNSORTED_KEY = "search_terms_unsorted_rows"
MAX_UNSORTED_FRACTION = 0.25


def note_appended(store, n_rows: int) -> None:
    """Count rows appended to ``search_terms`` (call in the transaction that appends them)."""
    if n_rows:
        current = int(store.meta_get(UNSORTED_KEY, "0") or 0)
        store.meta_set(UNSORTED_KEY, str(current + int(n_rows)))


def unsorted_rows(store) -> int:
    """Rows appended since the index was last sorted."""
    return int(store.meta_get(UNSORTED_KEY, "0") or 0)


def compact_search_index(store, *, force: bool = False,
                         max_unsorted_fraction: float = MAX_UNSORTED_FRACTION) -> dict | None:
    """Rewrite ``search_terms`` sorted by (term, article_id) when its unsorted tail is too large.

    Returns what was done (rows, seconds) or None when the index was left as it is.
    """
    total = store.sql("SELECT count(*) FROM search_terms").fetchone()[0]
    tail = unsorted_rows(store)
    if not force and (tail == 0 or tail <= max_unsorted_fraction * total):
        return None
    t0 = time.perf_counter()
    con = store.con
    con.execute("SET preserve_insertion_order = true")   # the INSERT below must keep the sort order
    from .schema import TABLES, create_table_sql

    with store.transaction():
        con.execute("ALTER TABLE search_terms RENAME TO _search_terms_unsorted")
        con.execute(create_table_sql("search_terms", TABLES["search_terms"]))
        con.execute("INSERT INTO search_terms BY NAME SELECT term, article_id FROM _search_terms_unsorted "
                    "ORDER BY term, article_id")
        con.execute("DROP TABLE _search_terms_unsorted")
        store.meta_set(UNSORTED_KEY, "0")
    con.execute("CHECKPOINT")   # drop the deleted row groups from the file now
    return {"rows": total, "seconds": round(time.perf_counter() - t0, 2), "sorted": True}

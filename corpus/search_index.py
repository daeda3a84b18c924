"""The search index (``search_terms``: one row per word and built article), kept sorted by word.

DuckDB keeps the minimum and maximum of every column per row group (about
120,000 rows). When the rows are sorted by ``term``, ``WHERE term = ?``
reads only the row groups that hold the word, so a lookup costs the same on
a thousand articles and on a million. ``build`` appends the rows of each
article it extracts (unsorted, at the end) and counts them in ``meta``;
when that unsorted tail grows past a quarter of the index, a sorted copy is
written beside it a slice of words at a time (about 4 M rows per slice, so
memory does not grow with the corpus) and swapped in at the end; a kill
leaves the old index in place. A daily build of a few articles never pays
for it; at a million articles (244 M rows) it took 185 s and 405 MB.

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


SLICE_ROWS = 4_000_000   # index rows sorted at once
SORT_MEMORY = "256MB"    # DuckDB memory while sorting a slice


def _slice_bounds(store, total: int) -> list[str]:
    """Words that cut the index into slices of about ``SLICE_ROWS`` rows (empty: one slice)."""
    n = -(-total // SLICE_ROWS)
    if n <= 1:
        return []
    sample = sorted(r[0] for r in store.sql(
        f"SELECT term FROM search_terms USING SAMPLE {min(total, 50 * n * 100)} ROWS").fetchall())
    bounds = sorted({sample[len(sample) * i // n] for i in range(1, n)})
    return bounds


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
    limit_before = con.execute("SELECT current_setting('memory_limit')").fetchone()[0]
    con.execute(f"SET memory_limit = '{SORT_MEMORY}'")    # one slice sorted in memory (fixed, not per corpus)
    try:
        _rewrite_sorted(store, total)
    finally:
        con.execute(f"SET memory_limit = '{limit_before}'")
    con.execute("CHECKPOINT")   # drop the old row groups from the file now
    return {"rows": total, "seconds": round(time.perf_counter() - t0, 2), "sorted": True}


def _rewrite_sorted(store, total: int) -> None:
    from .schema import TABLES, create_table_sql

    con = store.con
    # sorted a slice of words at a time (slice bounds from a sample of the words), so the sort
    # needs memory for one slice whatever the size of the index
    bounds = _slice_bounds(store, total)
    # the sorted copy is built beside the index, a slice per transaction (a kill leaves the index
    # as it was and a partial copy that the next run drops), then swapped in one transaction
    con.execute("DROP TABLE IF EXISTS _search_terms_sorted")
    con.execute(create_table_sql("_search_terms_sorted", TABLES["search_terms"]))
    for lo, hi in zip([None, *bounds], [*bounds, None]):
        where, params = [], []
        if lo is not None:
            where.append("term >= ?")
            params.append(lo)
        if hi is not None:
            where.append("term < ?")
            params.append(hi)
        with store.transaction():
            con.execute("INSERT INTO _search_terms_sorted BY NAME SELECT term, article_id FROM search_terms"
                        + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY term, article_id",
                        params)
    with store.transaction():
        con.execute("DROP TABLE search_terms")
        con.execute("ALTER TABLE _search_terms_sorted RENAME TO search_terms")
        store.meta_set(UNSORTED_KEY, "0")

"""The corpus store and the command line that ties crawler, nlp and store together.

Notebooks read the store through ``corpus.open()``:

>>> import corpus
>>> c = corpus.open("data/demo")                       # doctest: +SKIP
>>> c.figures().query("indicator == 'members.admitted'")[["province", "year", "value"]]   # doctest: +SKIP
"""
from __future__ import annotations


class Corpus:
    """Read-only handle on ``DATA/corpus.duckdb``; every method returns a pandas DataFrame.

    >>> with open("data/demo") as c:                      # doctest: +SKIP
    ...     c.sql("SELECT province, count(*) AS n FROM articles GROUP BY 1")
    """

    def __init__(self, data_dir=None):
        from .store import Store

        self._store = Store(data_dir)
        self.path = self._store.path
        self.con = self._store.con

    def sql(self, query: str, params=None):
        """Any SQL over the store's tables, as a DataFrame."""
        return self.con.execute(query, params or []).df()

    def _table(self, name: str, order: str):
        return self.sql(f"SELECT * FROM {name} ORDER BY {order}")

    def articles(self, text: bool = True, ids=None):
        """Articles with the attributed province (``province``) and the site's (``site_province``).

        ``text=False`` leaves out the bodies (``text``, ``sapo``): what a large corpus needs for counts;
        ``ids``: only these article ids."""
        con, where = self.con, ""
        if ids is not None:
            import pyarrow as pa

            con = self.con.cursor()     # its own result state: a query left unfetched elsewhere does not block it
            con.register("_wanted_ids", pa.table({"article_id": pa.array([str(i) for i in ids], pa.string())}))
            where = "WHERE a.article_id IN (SELECT article_id FROM _wanted_ids) "
        try:
            return con.execute("SELECT a.* EXCLUDE (province" + ("" if text else ", text, sapo") + "), "
                               "coalesce(b.province, a.province) AS province, "
                               "a.province AS site_province, r.original_id AS reprint_of FROM articles a "
                               "LEFT JOIN build_records b USING (article_id) LEFT JOIN reprint_links r USING (article_id) "
                               + where + "ORDER BY a.article_id").df()
        finally:
            if ids is not None:
                con.close()

    def phrase_articles(self, phrase: str) -> list[str]:
        """Ids of built articles holding every word of ``phrase``, from the build's search index (as
        ``partycorpus search``): the only texts a phrase concordance has to read."""
        from .build import search_terms
        from .commands.search import _indexed_articles

        terms = search_terms(phrase)
        return sorted(_indexed_articles(self._store, terms)) if terms else []

    def directives(self):
        return self._table("directive_mentions", "article_id, mention_no")

    def figures(self):
        return self._table("figure_mentions", "article_id, mention_no")

    def targets(self):
        return self._table("target_mentions", "article_id, mention_no")

    def documents(self):
        return self._table("documents", "doc_key")

    def indicators(self):
        """Indicator values (figures with a codebook code), one row per figure."""
        return self._table("indicator_values", "province, year, indicator, article_id, start")

    def reprints(self):
        return self._table("reprint_links", "article_id")

    def crawl_runs(self):
        return self._table("crawl_runs", "started, run_id")

    def tables(self) -> list[str]:
        return [r[0] for r in self.con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY 1").fetchall()]

    def close(self) -> None:
        self._store.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def open(data_dir=None) -> Corpus:  # noqa: A001 - corpus.open() reads like the builtin on purpose
    """Open the store read-only for notebooks (``data_dir`` default: $PARTYCORPUS_DATA or ./data).

    >>> c = open("data/demo"); len(c.articles())           # doctest: +SKIP
    120
    """
    return Corpus(data_dir)


__all__ = ["open", "Corpus"]

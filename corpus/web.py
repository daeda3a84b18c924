"""The web view: Datasette metadata for a published file, canned queries, charts, ``serve``.

Canned queries (each with a chart from the datasette-dashboards plugin, whose
query wraps the canned query's SQL): an indicator across provinces for a year,
one province's indicators over years, targets against achieved values, the
citations of a document by province and year, keyword in context.
``datasette_plugins/`` adds the SQL functions ``fold(text)`` and
``kwic(text, phrase, width)`` that the keyword-in-context query uses.

>>> import sqlite3
>>> list(canned_queries(sqlite3.connect(":memory:")))[:2]
['indicator_across_provinces', 'province_over_years']
"""
from __future__ import annotations

import signal
import socket
import sqlite3
import subprocess
import sys
import urllib.parse
from pathlib import Path

from .errors import UserError

PLUGINS_DIR = Path(__file__).resolve().parent / "datasette_plugins"
DASHBOARD = "corpus"

TABLE_DOCS = {
    "articles": "One row per article (reprints included: reprint_of names the earliest copy). Search: titles and "
                "texts, with or without Vietnamese diacritics.",
    "directives": "Named party documents in the articles ('Chỉ thị số 05-CT/TW'), each linked to its article, "
                  "sentence and document.",
    "figures": "Quantities in the articles ('kết nạp được 181 đảng viên'), each linked to its article and sentence.",
    "targets": "Stated goals ('phấn đấu hàng năm kết nạp 200 đảng viên mới'), each linked to its article and sentence.",
    "documents": "Party documents resolved from their mentions.",
    "citations": "Mentions of each document by province and year of the citing articles (reprints left out).",
    "reprints": "Articles that repeat an earlier one (exactly or lightly edited).",
    "sentences": "Every sentence that holds a mention; figures, targets and directives link here.",
    "corpus_info": "Corpus version, extractor, codebook and gazetteer versions, licence note.",
}
FACETS = {
    "articles": ["site", "province", "year"],
    "directives": ["kind", "province", "canonical_id"],
    "figures": ["province", "year", "indicator", "kind"],
    "targets": ["province", "indicator", "deadline_year"],
    "indicators_long": ["province", "year", "indicator", "kind"],
    "indicators_periods": ["province", "indicator"],
    "indicators_wide": ["province", "year"],
    "documents": ["kind", "level"],
    "citations": ["province", "year"],
    "reprints": ["method"],
}
LABELS = {"articles": "title", "documents": "title"}
# sentences and contexts get room in wide tables
WIDE_CELLS_CSS = "data:text/css," + urllib.parse.quote(
    "td.col-sentence, td.col-context { min-width: 26em; } td.col-title, td.col-article_id { min-width: 12em; }")

CANNED = {
    "indicator_across_provinces": {
        "title": "An indicator across provinces in one year",
        "description": "indicators_wide values (latest province-wide achieved figure) of one indicator, one row per "
                       "province; indicator: a codebook code such as members.admitted",
        "sql": "SELECT province, value, unit, n AS figures FROM indicator_values\n"
               "WHERE indicator = :indicator AND year = CAST(:year AS INTEGER)\nORDER BY value DESC, province",
        "chart": {"mark": {"type": "bar", "tooltip": True},
                  "encoding": {"x": {"field": "province", "type": "nominal", "sort": "-y"},
                               "y": {"field": "value", "type": "quantitative"}}},
        "chart_sql": "SELECT * FROM ({sql})",
    },
    "province_over_years": {
        "title": "One province's indicators over the years",
        "description": "indicators_wide values of every indicator of one province (slug, e.g. lam-dong), by year",
        "sql": "SELECT year, indicator, value, unit, n AS figures FROM indicator_values\n"
               "WHERE province = :province\nORDER BY indicator, year",
        "chart": {"mark": {"type": "line", "tooltip": True, "point": True},
                  "encoding": {"x": {"field": "year", "type": "ordinal"},
                               "y": {"field": "value", "type": "quantitative", "scale": {"type": "symlog"}},
                               "color": {"field": "indicator", "type": "nominal"}}},
        "chart_sql": "SELECT * FROM ({sql})",
    },
    "citations_of_document": {
        "title": "Citations of a document by province and year",
        "description": "document: a canonical id ('05-CT/TW', 'NQDH-XII') or a doc_key",
        "sql": "SELECT province, year, sum(n_mentions) AS mentions, sum(n_articles) AS articles FROM citations\n"
               "WHERE canonical_id = :document OR doc_key = :document\nGROUP BY province, year ORDER BY year, province",
        "chart": {"mark": {"type": "bar", "tooltip": True},
                  "encoding": {"x": {"field": "year", "type": "ordinal"},
                               "y": {"field": "articles", "type": "quantitative", "aggregate": "sum"},
                               "color": {"field": "province", "type": "nominal"}}},
        "chart_sql": "SELECT * FROM ({sql})",
    },
}


def _targets_query(target_cols: set[str]) -> dict:
    """Targets against achieved values: the stored comparison when targets has it, else indicator_values."""
    if {"achieved_value", "met"} <= target_cols:
        ratio = "t.achieved_ratio" if "achieved_ratio" in target_cols else "NULL"
        sql = ("SELECT t.province, t.indicator, t.deadline_year AS year, t.recurrence, t.value AS target, t.unit,\n"
               f"  t.achieved_value AS achieved, {ratio} AS ratio,\n"
               "  CASE t.met WHEN 1 THEN 'met' WHEN 0 THEN 'not met' END AS met, t.article_id, t.sentence_id\n"
               "FROM targets t WHERE t.indicator IS NOT NULL AND (:province = '' OR t.province = :province)\n"
               "ORDER BY t.province, t.indicator, year")
        how = "achieved value and met as stored with each target"
    else:
        year = "coalesce(t.deadline_year, CAST(substr(t.published, 1, 4) AS INTEGER))"
        sql = (f"SELECT t.province, t.indicator, {year} AS year, t.recurrence, t.value AS target, t.unit,\n"
               "  v.value AS achieved, round(v.value / t.value, 3) AS ratio,\n"
               "  CASE WHEN v.value IS NULL THEN NULL WHEN v.value >= t.value THEN 'met' ELSE 'not met' END AS met,\n"
               "  t.article_id, t.sentence_id\n"
               "FROM targets t LEFT JOIN indicator_values v ON v.province = t.province AND v.indicator = t.indicator\n"
               f"  AND v.year = {year} AND coalesce(v.unit, '') = coalesce(t.unit, '')\n"
               "WHERE t.indicator IS NOT NULL AND (:province = '' OR t.province = :province)\n"
               "ORDER BY t.province, t.indicator, year")
        how = ("achieved: the indicators_wide value of the target's province, indicator and deadline year (else the "
               "article's year) in the same unit; met: achieved >= target (goals to reduce a rate are not told apart)")
    if "sentence_id" not in target_cols:
        sql = sql.replace(", t.sentence_id", "")
    return {
        "title": "Targets against achieved values",
        "description": f"every target with an indicator; {how}; province: a slug, or empty for all",
        "sql": sql,
        "chart": {"mark": {"type": "bar", "tooltip": True},
                  "encoding": {"y": {"field": "goal", "type": "nominal"},
                               "x": {"field": "value", "type": "quantitative"},
                               "color": {"field": "series", "type": "nominal"},
                               "yOffset": {"field": "series"}}},
        "chart_sql": "WITH q AS ({sql}) SELECT province || ' ' || indicator || ' ' || coalesce(year, '') AS goal, "
                     "'target' AS series, target AS value FROM q UNION ALL SELECT province || ' ' || indicator || ' ' "
                     "|| coalesce(year, '') AS goal, 'achieved (' || coalesce(met, '?') || ')' AS series, achieved "
                     "FROM q WHERE achieved IS NOT NULL",
    }


def _kwic_query(article_cols: set[str], has_sentences: bool) -> dict:
    """Keyword in context: a phrase (with or without diacritics) in the texts, or a document's canonical id."""
    by_id = ("SELECT d.article_id, d.published, d.province, d.canonical_id AS matched, d.sentence AS context\n"
             "FROM directives d WHERE d.canonical_id = :phrase")
    if "text" in article_cols:
        by_text = ("SELECT a.article_id, a.published, a.province, a.title AS matched,\n"
                   "  coalesce(kwic(a.text, :phrase, 70), kwic(a.title, :phrase, 70)) AS context\n"
                   "FROM articles a WHERE a.rowid IN (SELECT rowid FROM articles_fts\n"
                   "  WHERE articles_fts MATCH '\"' || replace(:phrase, '\"', ' ') || '\"')")
        where = "article texts"
    elif has_sentences:
        by_text = ("SELECT s.article_id, a.published, a.province, a.title AS matched, kwic(s.sentence, :phrase, 70) "
                   "AS context\nFROM sentences s JOIN articles a USING (article_id)\n"
                   "WHERE kwic(s.sentence, :phrase, 70) IS NOT NULL")
        where = "sentences around mentions (this file has no full texts)"
    else:
        by_text = None
        where = ""
    sql = (by_text + "\nUNION ALL\n" + by_id if by_text else by_id) + "\nORDER BY published, article_id"
    if not has_sentences:
        sql = sql.replace("d.sentence AS context", "NULL AS context")
    return {
        "title": "Keyword in context",
        "description": "phrase: words with or without diacritics ('kết nạp đảng viên' or 'ket nap dang vien'), "
                       f"found in the {where or 'documents'}; or a canonical id ('05-CT/TW') for its mentions",
        "sql": sql,
        "chart": {"mark": {"type": "bar", "tooltip": True},
                  "encoding": {"x": {"field": "year", "type": "ordinal"},
                               "y": {"field": "articles", "type": "quantitative"}}},
        "chart_sql": "SELECT substr(published, 1, 4) AS year, count(DISTINCT article_id) AS articles FROM ({sql}) "
                     "GROUP BY 1 ORDER BY 1",
    }


def canned_queries(db: sqlite3.Connection) -> dict[str, dict]:
    """The canned queries for the tables in ``db`` (they use the columns that exist)."""
    cols = lambda t: {r[1] for r in db.execute(f'PRAGMA table_info("{t}")')}  # noqa: E731
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master")}
    out = {k: dict(q) for k, q in CANNED.items()}
    out["targets_vs_achieved"] = _targets_query(cols("targets"))
    out["keyword_in_context"] = _kwic_query(cols("articles"), "sentences" in tables)
    return {k: out[k] for k in ("indicator_across_provinces", "province_over_years", "targets_vs_achieved",
                                "citations_of_document", "keyword_in_context")}


def _defaults(db: sqlite3.Connection) -> dict[str, str]:
    """Dashboard filter defaults: the most reported indicator and its latest year, the busiest province ..."""
    one = lambda q, *params: (db.execute(q, params).fetchone() or [None])[0]  # noqa: E731
    indicator = one("SELECT indicator FROM indicator_values GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1") or ""
    year = one("SELECT year FROM indicator_values WHERE indicator = ? GROUP BY 1 ORDER BY count(*) DESC, year DESC "
               "LIMIT 1", indicator)
    province = one("SELECT province FROM indicator_values GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1") or ""
    document = one("SELECT canonical_id FROM citations WHERE canonical_id IS NOT NULL GROUP BY 1 "
                   "ORDER BY sum(n_articles) DESC, 1 LIMIT 1") or ""
    return {"indicator": indicator, "year": str(year or ""), "province": province, "document": document,
            "phrase": "kết nạp đảng viên"}


def _dashboard(dbname: str, queries: dict[str, dict], d: dict[str, str]) -> dict:
    sel = lambda q: {"type": "select", "db": dbname, "query": q}  # noqa: E731
    filters = {
        "indicator": {"name": "Indicator", **sel("SELECT DISTINCT indicator FROM indicator_values ORDER BY 1")},
        "year": {"name": "Year", **sel("SELECT DISTINCT CAST(year AS TEXT) FROM indicator_values ORDER BY 1 DESC")},
        "province": {"name": "Province", **sel("SELECT DISTINCT province FROM indicator_values ORDER BY 1")},
        "document": {"name": "Document", "type": "text"},
        "phrase": {"name": "Phrase", "type": "text"},
    }
    for k, v in d.items():
        if v:
            filters[k]["default"] = v
    charts = {}
    for name, q in queries.items():
        slug = name.replace("_", "-")
        sql = q["chart_sql"].replace("{sql}", q["sql"])
        charts[slug] = {"title": q["title"], "db": dbname, "query": sql, "library": "vega-lite", "display": q["chart"]}
    return {"title": "Party-building corpus", "description": "Charts of the canned queries (each chart's menu has its SQL); "
                                                          "choose an indicator, year, province, document or phrase and "
                                                          "Apply.",
            "layout": [["indicator-across-provinces", "province-over-years"],
                       ["targets-vs-achieved", "citations-of-document"],
                       ["keyword-in-context", "keyword-in-context"]],
            "filters": filters, "charts": charts}


def datasette_metadata(db: sqlite3.Connection, dbname: str, tables: dict, info: dict) -> dict:
    """Datasette metadata: titles, descriptions, every column's description and type, facets, queries, charts."""
    from .export import LONG_RULE, PERIODS_RULE, WIDE_RULE

    docs = TABLE_DOCS | {"indicators_long": LONG_RULE, "indicators_periods": PERIODS_RULE,
                         "indicators_wide": WIDE_RULE}
    tmeta = {}
    for name, cols in tables.items():
        names = {c.name for c in cols}
        t = {"description": docs.get(name, ""),
             "columns": {c.name: f"{c.doc} [{c.type}]" for c in cols}}
        facets = [f for f in FACETS.get(name, []) if f in names]
        if facets:
            t["facets"] = facets
        if name in LABELS:
            t["label_column"] = LABELS[name]
        tmeta[name] = t
    tmeta["articles"].update(fts_table="articles_fts", fts_pk="rowid", sort_desc="published")
    tmeta["corpus_info"] = {"description": TABLE_DOCS["corpus_info"]}
    queries = canned_queries(db)
    defaults = _defaults(db)
    dash = _dashboard(dbname, queries, defaults)
    for name, q in queries.items():
        slug = name.replace("_", "-")
        params = urllib.parse.urlencode({k: v for k, v in defaults.items() if f":{k}" in q["sql"]})
        q["description_html"] = (f"{_esc(q.pop('description'))}. <a class=\"chart-link\" "
                                 f'href="/-/dashboards/{DASHBOARD}/{slug}?{_esc(params)}">Chart of this query</a> '
                                 f"(for {_esc(params.replace('&', ', ')) or 'all'}; the chart page has the filters)")
    canned = {k: {kk: vv for kk, vv in q.items() if kk in ("title", "sql", "description_html")}
              for k, q in queries.items()}
    versions = (f"corpus version {info['corpus_version']}; extractor {info['extractor_version']}, codebook "
                f"{info['codebook_version']}, gazetteer {info['gazetteer_version']}; full texts: {info['full_texts']}")
    return {
        "title": "partycorpus: Vietnamese party-building news",
        "description": f"Directives, figures and targets mentioned in the articles, traced to their sentences. "
                       f"{versions}.",
        "license": "Texts: their publishers' (see each article's url); derived data: see the source note",
        "source": "partycorpus " + info["corpus_version"] + ": " + info["licence"],
        "databases": {dbname: {"description": versions, "tables": tmeta, "queries": canned}},
        "extra_css_urls": [WIDE_CELLS_CSS],
        "plugins": {"datasette-dashboards": {DASHBOARD: dash}},
    }


def _esc(s: str) -> str:
    import html

    return html.escape(s, quote=True)


def datasette_command(db_path: Path, meta_path: Path, port: int) -> list[str]:
    """The Datasette command line that serves a published file on 127.0.0.1."""
    return [sys.executable, "-m", "datasette", "serve", str(db_path), "--metadata", str(meta_path),
            "--host", "127.0.0.1", "--port", str(port), "--plugins-dir", str(PLUGINS_DIR),
            "--setting", "truncate_cells_html", "300", "--setting", "sql_time_limit_ms", "20000",
            "--setting", "facet_time_limit_ms", "2000"]


def serve(data_dir, port: int = 8001, db_path=None) -> int:
    """Publish when the file is missing or stale, then run Datasette in the foreground."""
    from .publish import default_path, is_stale, metadata_path, publish

    db_path = Path(db_path) if db_path else default_path(data_dir)
    if not 0 < port < 65536:
        raise UserError(f"--port {port}: expected 1-65535")
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            raise UserError(f"port {port} on 127.0.0.1 is in use; choose another with --port")
    if is_stale(data_dir, db_path):
        sys.stderr.write(f"publishing {db_path} (missing or older than the store) ...\n")
        publish(data_dir, out=db_path)
    sys.stderr.write(f"serving {db_path} at http://127.0.0.1:{port}/ (Ctrl-C stops)\n")
    proc = subprocess.Popen(datasette_command(db_path, metadata_path(db_path), port))
    signal.signal(signal.SIGTERM, lambda *_: proc.terminate())   # a stopped serve stops Datasette too
    try:
        return proc.wait()
    except KeyboardInterrupt:
        proc.terminate()
        proc.wait()
        return 0

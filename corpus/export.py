"""Comparison tables out of the store: CSV, Parquet, XLSX, and ``datapackage.json``.

Tables: ``articles``, ``directives``, ``figures``, ``targets``, ``documents``,
``indicators_long``, ``indicators_periods``, ``indicators_wide``,
``indicator_conflicts``, ``citations``. Reprints (copies of an earlier
article, ``reprint_links``) are left out unless asked for.
Reproducible: the same store gives byte-identical CSV (stable row order,
floats written with ``%.15g``, no timestamps). ``--map 34`` writes provinces
in the 34-unit map in force from 2025-07-01.

indicators_wide rule (one value per province × year × indicator): among
ACHIEVED single-year figures that count for the whole province
(``province_total``), one value is chosen by the rules of
``corpus.indicators`` (province-level report, original over reprint, latest
publication, stable tie-break); ``n_<indicator>`` counts the independent
sources (reprints never count) and ``conflict_<indicator>`` says whether they
disagree. ``indicator_conflicts`` lists every candidate of each cell with more
than one, with the rule that chose and the spread. Period totals ("nhiệm kỳ
2015 - 2020, kết nạp 9.092 đảng viên") go to ``indicators_periods`` (the
latest article's value); district and commune figures stay in
``indicators_long`` only.

>>> export_tables("data", out="data/export", formats=["csv"])   # doctest: +SKIP
{'out': 'data/export', 'tables': {'articles': 120, ...}, 'corpus_version': '3f1c...'}
"""
from __future__ import annotations

import csv
import hashlib
import json
import os
import sys
from dataclasses import fields
from itertools import islice
from pathlib import Path

import duckdb

from .errors import UserError
from .indicators import CONFLICT_FIELDS, cells, conflict_rows
from .schema import (BuildRecord, DirectiveMention, FigureMention, IndicatorValue, TargetMention, column_docs,
                     sql_type)
from .store import EXPORT_MEMORY, TEMP_DIR, Store, data_dir_of

FORMATS = ("csv", "parquet", "xlsx")
XLSX_MAX_ROWS = 1_048_575
XLSX_MAX_CELL = 32_767
WIDE_RULE = ("achieved whole-year figures (not part of a year: year_part empty) that count for the whole province only (province_total: the sentence "
             "names the province, 'toàn tỉnh', 'Đảng bộ tỉnh', 'Tỉnh ủy', or no place; not a district, commune "
             "or another province; period totals are in indicators_periods); per province, year and indicator "
             "one value is chosen by rules in this order: 1. a figure about the province as a whole over one "
             "naming no place in a district's or commune's report; 2. an original over a reprint; 3. the latest "
             "publication; 4. article_id, then offset (corpus.indicators; reprints are candidates even without "
             "--include-reprints but never count); n_<indicator> counts the independent sources (each reprint "
             "cluster once); conflict_<indicator> is true when independent sources disagree beyond rounding "
             "(values equal after rounding to the less precise one as written agree); the rule that chose, "
             "the spread and every candidate are in indicator_conflicts")
CONFLICTS_RULE = ("the cells of indicators_wide with more than one candidate figure, one row per candidate: the "
                  "chosen value, the rule that chose it, the independent sources and their spread, and each "
                  "candidate's article, sentence, value and reprint status (corpus.indicators)")
PERIODS_RULE = ("period totals: achieved figures whose sentence frames a multi-year period ('nhiệm kỳ 2015 - 2020', "
                "'giai đoạn 2016 - 2020', '5 năm qua', 'trong nhiệm kỳ qua', 'từ năm 2016 đến nay'; relative periods "
                "end in the article's year) and that count for the whole province (province_total: same place rule "
                "as indicators_wide); per province, period and indicator the value of the latest article wins")
LONG_RULE = ("every figure with an indicator code, one row each: single-year values (year) and period totals "
             "(period_start, period_end), at every level (place, place_level; province_total marks the rows "
             "indicators_wide and indicators_periods use)")

_FD_TYPES = {"VARCHAR": "string", "BIGINT": "integer", "DOUBLE": "number", "BOOLEAN": "boolean", "BLOB": "string"}
_DATE_COLUMNS = {"published", "issued", "first_seen"}
_BUILD_DOCS = column_docs(BuildRecord)


class Column:
    """One exported column: name, SQL expression, Frictionless type, description."""

    def __init__(self, name: str, expr: str | None = None, type: str = "string", doc: str = ""):
        self.name, self.expr, self.type, self.doc = name, expr or f'"{name}"', type, doc


def _fd_type(name: str, sql: str) -> str:
    return "date" if name in _DATE_COLUMNS else _FD_TYPES.get(sql, "string")


def _mention_columns(cls, alias: str = "m") -> list[Column]:
    docs = column_docs(cls)
    cols = []
    for f in fields(cls):
        expr = "pmap(m.province)" if f.name == "province" else f'{alias}."{f.name}"'
        cols.append(Column(f.name, expr, _fd_type(f.name, sql_type(f.type)), docs[f.name]))
    return cols


def _articles_columns() -> list[Column]:
    return [
        Column("article_id", "a.article_id", doc="stable article id"),
        Column("url", "a.url", doc="address of the article page"),
        Column("site", "a.site", doc="site id or collection name"),
        Column("province", "pmap(coalesce(b.province, a.province))",
               doc="province the article is about (attributed; else the site's)"),
        Column("site_province", "pmap(a.province)", doc="province of the site or given at import"),
        Column("title", "a.title", doc="headline"),
        Column("published", "a.published", "date", "publication date YYYY-MM-DD"),
        Column("author", "a.author", doc="byline"),
        Column("section", "a.section", doc="site section"),
        Column("sapo", "a.sapo", doc="lead paragraph"),
        Column("text", "a.text", doc="clean body; mention offsets index it"),
        Column("version", "a.version", "integer", "stored version of the text (1 = first)"),
        Column("content_sha1", "a.content_sha1", doc="sha1 of title, lead and text"),
        Column("raw_ref", "a.raw_ref", doc="raw archive reference"),
        Column("reprint_of", "r.original_id", doc="earliest copy when this article is a reprint (only with --include-reprints)"),
        Column("relevance", "b.relevance", "number", _BUILD_DOCS["relevance"]),
        Column("on_topic", "b.on_topic", "boolean", _BUILD_DOCS["on_topic"]),
        Column("relevance_model", "b.relevance_model", doc=_BUILD_DOCS["relevance_model"]),
    ]


#: article columns holding the articles' own words beyond titles (left out by ``--derived-only`` / ``--no-text``)
FULL_TEXT_COLUMNS = ("sapo", "text")


def without_full_text(cols: list[Column]) -> list[Column]:
    """The articles columns without bodies and leads (titles, URLs and derived columns stay)."""
    return [c for c in cols if c.name not in FULL_TEXT_COLUMNS]


def table_specs(include_reprints: bool) -> dict[str, tuple[list[Column], str]]:
    """Export table -> (columns, FROM/WHERE/ORDER BY clause)."""
    no_reprint = "" if include_reprints else "AND m.article_id NOT IN (SELECT article_id FROM reprint_links)"
    mention_from = "FROM {t} m WHERE TRUE " + no_reprint + " ORDER BY m.article_id, m.mention_no"
    specs = {
        "articles": (_articles_columns(),
                     "FROM articles a LEFT JOIN build_records b USING (article_id) "
                     "LEFT JOIN reprint_links r USING (article_id) "
                     + ("" if include_reprints else "WHERE r.article_id IS NULL ") + "ORDER BY a.article_id"),
        "directives": (_mention_columns(DirectiveMention), mention_from.format(t="directive_mentions")),
        "figures": (_mention_columns(FigureMention), mention_from.format(t="figure_mentions")),
        "targets": (_mention_columns(TargetMention), mention_from.format(t="target_mentions")),
        "documents": ([
            Column("doc_key", doc="document identity in this corpus: canonical id of a central document "
                                  "('05-CT/TW'; '21-NQ/TW@khóa-XIII' when the gazetteer knows the number in two terms), "
                                  "id and province of a local one ('290-KH/TU@lang-son'), 'title:<kind>:<title>' "
                                  "for one named by title only"),
            Column("canonical_id", doc="canonical id (CONTRACT.md)"),
            Column("kind", doc="document type"),
            Column("level", doc="central|provincial|district|grassroots"),
            Column("province", "pmap(province)", doc="issuing province of a local document"),
            Column("title", doc="title (most frequent among mentions)"),
            Column("issued", type="date", doc="issue date"),
            Column("first_seen", type="date", doc="earliest article date citing it"),
            Column("n_mentions", type="integer", doc="mentions (all articles, reprints included)"),
            Column("n_articles", type="integer", doc="articles citing it (reprints included)"),
        ], "FROM documents ORDER BY doc_key"),
        "indicators_long": (_indicator_columns(LONG_COLUMNS), "FROM indicator_values m WHERE TRUE " + no_reprint
                            + " ORDER BY 1 NULLS LAST, m.year NULLS LAST, m.period_start NULLS FIRST, "
                            "m.period_end NULLS FIRST, m.indicator, m.article_id, m.start"),
        "indicators_periods": ([
            Column("province", "pmap(m.province)", doc="province slug"),
            Column("period_start", "m.period_start", "integer", "first year of the period"),
            Column("period_end", "m.period_end", "integer", "last year of the period"),
            Column("indicator", "m.indicator", doc="codebook indicator code"),
            Column("value", "arg_max(m.value, " + _LATEST + ")", "number", "period total: value of the latest article"),
            Column("unit", "arg_max(m.unit, " + _LATEST + ")", doc="unit of that value"),
            Column("n", "count(*)", "integer", "achieved province-wide figures for that province, period and indicator"),
            Column("article_ids", "string_agg(DISTINCT m.article_id, ' ' ORDER BY m.article_id)",
                   doc="source articles (space separated)"),
        ], "FROM indicator_values m WHERE m.kind = 'achieved' AND m.province IS NOT NULL "
           "AND m.province_total IS NOT FALSE AND (m.period_start IS NOT NULL OR m.period_end IS NOT NULL) "
           + no_reprint + " GROUP BY 1, 2, 3, 4 ORDER BY 1, 2 NULLS FIRST, 3 NULLS FIRST, 4"),
        "citations": ([
            Column("doc_key", "m.doc_key", doc="document identity (documents.doc_key)"),
            Column("canonical_id", "d.canonical_id", doc="canonical id"),
            Column("province", "pmap(m.province)", doc="province of the citing articles"),
            Column("year", "TRY_CAST(substr(m.published, 1, 4) AS BIGINT)", "integer", "year of the citing articles"),
            Column("n_mentions", "count(*)", "integer", "mentions"),
            Column("n_articles", "count(DISTINCT m.article_id)", "integer", "citing articles"),
        ], "FROM directive_mentions m LEFT JOIN documents d USING (doc_key) WHERE m.doc_key IS NOT NULL "
           + no_reprint + " GROUP BY 1, 2, 3, 4 ORDER BY 1, 3 NULLS LAST, 4 NULLS LAST"),
    }
    return specs


# the first 15 in their historical order (scripts read them by position), then the period and place columns
LONG_COLUMNS = ("province", "year", "indicator", "value", "value_max", "unit", "kind", "qualifier", "year_source",
                "article_id", "url", "published", "sentence", "start", "end",
                "period_start", "period_end", "place", "place_level", "province_total", "year_part")
# order of "the latest article" among competing figures: published date, then article id, then offset
_LATEST = "[coalesce(m.published, ''), m.article_id, lpad(CAST(m.start AS VARCHAR), 12, '0')]"


def _indicator_columns(names) -> list[Column]:
    """indicators_long columns, typed and described from ``IndicatorValue``."""
    types = {f.name: sql_type(f.type) for f in fields(IndicatorValue)}
    docs = column_docs(IndicatorValue)
    return [Column(n, "pmap(m.province)" if n == "province" else f'm."{n}"', _fd_type(n, types[n]), docs[n])
            for n in names]


def _select(cols: list[Column], tail: str) -> str:
    return "SELECT " + ", ".join(f'{c.expr} AS "{c.name}"' for c in cols) + " " + tail


def _install_province_map(con, map_name: str) -> None:
    """A ``pmap(slug)`` macro: identity for the 63 map, ``localities.to_2025`` for 34."""
    import pyarrow as pa

    slugs = sorted({r[0] for r in con.execute(
        "SELECT province FROM articles UNION SELECT province FROM build_records "
        "UNION SELECT province FROM documents").fetchall() if r[0]})
    if map_name == "34":
        try:
            from .localities import to_2025
        except ImportError:
            raise UserError("--map 34 needs corpus.localities, which is not available")
        mapped = [to_2025(s) for s in slugs]
    else:
        mapped = list(slugs)
    con.register("_pm", pa.table({"slug": pa.array(slugs, type=pa.string()),
                                  "mapped": pa.array(mapped, type=pa.string())}))
    con.execute("CREATE OR REPLACE TEMP MACRO pmap(p) AS (SELECT mapped FROM _pm WHERE slug = p)")


def _wide(con, include_reprints: bool, all_cells=None) -> tuple[list[Column], list[tuple]]:
    """indicators_wide: rows province × year; per indicator the chosen value, its independent sources and
    whether they disagree (``corpus.indicators``). Reprints are always candidates and never counted, so
    ``include_reprints`` does not change it."""
    if all_cells is None:
        all_cells = list(cells(con, "pmap(m.province)"))
    indicators = sorted({c.indicator for c in all_cells})
    units = {}
    for c in all_cells:
        for cand in c.candidates:
            if cand.unit is not None and (units.get(c.indicator) is None or cand.unit < units[c.indicator]):
                units[c.indicator] = cand.unit
    cols = [Column("province", doc="province slug"), Column("year", type="integer", doc="year")]
    for ind in indicators:
        unit = units.get(ind)
        cols.append(Column(ind, type="number", doc=f"{ind} ({unit or 'no unit'}): the chosen value (rule in "
                                                   "indicator_conflicts)"))
        cols.append(Column(f"n_{ind}", type="integer",
                           doc=f"independent sources for {ind} in that province and year (reprints never count)"))
        cols.append(Column(f"conflict_{ind}", type="boolean",
                           doc=f"independent sources disagree on {ind} beyond rounding"))
    table: dict[tuple, dict] = {}
    for c in all_cells:
        table.setdefault((c.province, c.year), {})[c.indicator] = (c.value, c.n_sources, c.conflict)
    out = []
    for (province, year), vals in sorted(table.items()):
        row = [province, year]
        for ind in indicators:
            row += list(vals.get(ind, (None, 0, None)))
        out.append(tuple(row))
    return cols, out


CONFLICT_COLUMNS = [Column(name, type=type_, doc=doc) for name, type_, doc in CONFLICT_FIELDS]


def _fmt(v) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        return "%.15g" % v
    return str(v)


def _write_csv(path: Path, header: list[str], rows) -> int:
    tmp = path.with_name(path.name + ".tmp")
    n = 0
    with open(tmp, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(header)
        for chunk in rows:
            w.writerows([[_fmt(v) for v in r] for r in chunk])
            n += len(chunk)
    os.replace(tmp, path)
    return n


def _write_parquet(path: Path, cols: list[Column], rows) -> int:
    """Chunks (lists of row tuples, or Arrow tables straight from DuckDB) as row groups; returns the rows."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"integer": pa.int64(), "number": pa.float64(), "boolean": pa.bool_()}
    schema = pa.schema([(c.name, types.get(c.type, pa.string())) for c in cols])
    tmp = path.with_name(path.name + ".tmp")
    n = 0
    with pq.ParquetWriter(tmp, schema) as w:
        for chunk in rows:
            if isinstance(chunk, pa.Table):
                table = pa.Table.from_arrays([chunk.column(i).cast(schema.field(i).type) for i in range(len(cols))],
                                             schema=schema)
            else:
                arrays = [pa.array([r[i] for r in chunk], type=schema.field(i).type) for i in range(len(cols))]
                table = pa.Table.from_arrays(arrays, schema=schema)
            if table.num_rows:
                w.write_table(table)
                n += table.num_rows
    os.replace(tmp, path)
    return n


def _batches(rows, size: int = 10_000):
    """Lists of ``size`` rows from an iterable (the writers take chunks)."""
    rows = iter(rows)
    while chunk := list(islice(rows, size)):
        yield chunk


def _chunks(cursor, size: int = 10_000):
    while True:
        chunk = cursor.fetchmany(size)
        if not chunk:
            return
        yield chunk


#: Tables written a slice at a time: export table -> (stored table, alias in the query, slicing column, rows a slice).
#: DuckDB cannot spill a sort whose rows carry long texts (article bodies, sentences), so each slice
#: (a range of article ids; for indicators_long, whole provinces) is sorted on its own and the slices
#: follow each other in the table's order: the file is the one a single ORDER BY would give, and the
#: memory follows the slice, not the corpus.
SLICED = {"articles": ("articles", "a", "article_id", 2_500),
          "directives": ("directive_mentions", "m", "article_id", 20_000),
          "figures": ("figure_mentions", "m", "article_id", 20_000),
          "targets": ("target_mentions", "m", "article_id", 20_000),
          "indicators_long": ("indicator_values", "m", "province", 20_000)}


def _table_rows(con, name: str, cols: list[Column], tail: str, slice_rows: int | None = None, arrow: bool = False):
    """Chunks of rows of one export table, in its order, streamed slice by slice (``SLICED``): lists of
    row tuples, or with ``arrow`` Arrow tables (one a slice)."""
    def fetch(query: str, params=None):
        if not arrow:
            return _chunks(con.execute(query, params or []))
        rel = con.sql(query, params=params or None)
        return [rel.to_arrow_table() if hasattr(rel, "to_arrow_table") else rel.arrow()]

    if name not in SLICED:
        yield from fetch(_select(cols, tail))
        return
    table, alias, column, size = SLICED[name]
    head = f"FROM {table} {alias} "
    assert tail.startswith(head), tail
    slices = _province_slices if column == "province" else _id_slices
    for where, params in slices(con, table, slice_rows or size):
        sliced = f"FROM (SELECT * FROM {table} WHERE {where}) {alias} " + tail[len(head):]
        yield from fetch(_select(cols, sliced), params)


def _id_slices(con, table: str, size: int):
    """``(where, params)`` of consecutive article-id ranges of about ``size`` rows each (an article is never split)."""
    bounds = sorted({r[0] for r in con.execute(
        f"SELECT article_id FROM (SELECT article_id, row_number() OVER (ORDER BY article_id) - 1 AS i FROM {table}) "
        f"WHERE i % {int(size)} = 0").fetchall()})
    for lo, hi in zip(bounds, bounds[1:] + [None]):
        yield ("article_id >= ? AND article_id < ?", [lo, hi]) if hi is not None else ("article_id >= ?", [lo])


def _province_slices(con, table: str, size: int):
    """``(where, params)`` of sets of provinces, in the order of ``pmap(province)`` (NULLS LAST), about ``size`` rows
    each; the provinces one mapped province stands for (``--map 34``) stay in one slice."""
    groups: dict = {}
    for mapped, province, n in con.execute(
            f"SELECT pmap(province) AS p, province, count(*) FROM {table} GROUP BY ALL "
            "ORDER BY p NULLS LAST, province NULLS LAST").fetchall():
        groups.setdefault(mapped, []).append((province, n))
    batch, rows = [], 0
    for members in list(groups.values()) + [None]:
        if batch and (members is None or rows + sum(n for _, n in members) > size):
            named = [p for p in batch if p is not None]
            where = " OR ".join(([f"province IN ({', '.join('?' * len(named))})"] if named else [])
                                + (["province IS NULL"] if None in batch else []))
            yield where, named
            batch, rows = [], 0
        if members is not None:
            batch += [p for p, _ in members]
            rows += sum(n for _, n in members)


def _duckdb_user_error(e: Exception, store: Store) -> UserError:
    """A DuckDB failure as one line (out of memory: the limit and how to raise it)."""
    first = (str(e).strip().splitlines() or [type(e).__name__])[0][:300]
    if isinstance(e, duckdb.OutOfMemoryException):
        limit = store.sql("SELECT current_setting('memory_limit')").fetchone()[0]
        return UserError(f"DuckDB ran out of memory (limit {limit}; spills to {store.data_dir / TEMP_DIR}): {first}; "
                         "set PARTYCORPUS_DUCKDB_MEMORY higher (e.g. 2GB) and run export again", code=1)
    return UserError(f"reading the store failed: {first}", code=1)


def corpus_version(con, v: dict) -> str:
    """Hash of the store contents: article ids and content sha1s, mention counts, versions."""
    h = hashlib.sha1(json.dumps(v, sort_keys=True).encode())
    # sha1 of "id:sha1,id:sha1,..." in id order, fed a chunk at a time (one string of a million ids does not
    # fit DuckDB's export memory); the same value as sha1(string_agg(... ORDER BY article_id)) in SQL
    ids, sep = hashlib.sha1(), b""
    for chunk in _chunks(con.execute("SELECT article_id || ':' || content_sha1 FROM articles "
                                     "WHERE content_sha1 IS NOT NULL ORDER BY article_id"), 100_000):
        ids.update(sep + ",".join(r[0] for r in chunk).encode())
        sep = b","
    art = (con.execute("SELECT count(*) FROM articles").fetchall()[0][0], ids.hexdigest())
    h.update(repr(art).encode())
    for t in ("directive_mentions", "figure_mentions", "target_mentions", "reprint_links", "build_records"):
        h.update(f"{t}={con.execute(f'SELECT count(*) FROM {t}').fetchall()[0][0]};".encode())
    return h.hexdigest()[:16]


def _stored_versions(store: Store) -> dict:
    raw = store.meta_get("derived_versions")
    if raw:
        return json.loads(raw)
    row = store.sql("SELECT max(extractor_version), max(codebook_version), max(gazetteer_version) "
                    "FROM build_records").fetchall()[0]
    return {"extractor": row[0], "codebook": row[1], "gazetteer": row[2]}


def _sources(con) -> list[dict]:
    rows = con.execute(
        "SELECT coalesce(site, '(none)'), count(*), min(url), min(published), max(published) FROM articles "
        "GROUP BY 1 ORDER BY 1").fetchall()
    out = []
    for site, n, url, first, last in rows:
        src = {"title": site, "n_articles": n, "first_published": first, "last_published": last}
        if url and "://" in url:
            src["path"] = url.split("://", 1)[0] + "://" + url.split("://", 1)[1].split("/", 1)[0]
        out.append(src)
    return out


def export_tables(data_dir=None, out=None, formats=None, include_reprints: bool = False,
                  province_map: str = "63", derived_only: bool = False) -> dict:
    """Write every export table in each format, plus ``datapackage.json``.

    >>> export_tables("data", formats=["csv", "parquet"])   # doctest: +SKIP
    """
    data_dir = data_dir_of(data_dir)
    formats = list(dict.fromkeys(formats or ["csv"]))
    bad = [f for f in formats if f not in FORMATS]
    if bad:
        raise UserError(f"--format {bad[0]!r}: expected one of {', '.join(FORMATS)}")
    if province_map not in ("63", "34"):
        raise UserError(f"--map {province_map!r}: expected 63 or 34")
    out_dir = Path(out) if out else data_dir / "export"
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise UserError(f"{out_dir}: cannot create the export folder ({e.strerror or e})")
    if not os.access(out_dir, os.W_OK):
        raise UserError(f"{out_dir}: permission denied")
    counts = {}
    with Store(data_dir, memory_limit=EXPORT_MEMORY) as store:
        con = store.con
        _install_province_map(con, province_map)
        v = _stored_versions(store)
        specs = table_specs(include_reprints)
        if derived_only:   # no article bodies or leads: titles, URLs, sentences and derived tables stay
            specs["articles"] = (without_full_text(specs["articles"][0]), specs["articles"][1])
        tables: dict[str, list[Column]] = {}
        wb = _open_workbook(out_dir) if "xlsx" in formats else None
        try:
            for name, (cols, tail) in specs.items():
                tables[name] = cols
                counts[name] = _write_table(con, out_dir, name, cols,
                                            lambda arrow=False: _table_rows(con, name, cols, tail, arrow=arrow),
                                            formats, wb)
            all_cells = list(cells(con, "pmap(m.province)"))
            wcols, wrows = _wide(con, include_reprints, all_cells)
            tables["indicators_wide"] = wcols
            counts["indicators_wide"] = _write_table(con, out_dir, "indicators_wide", wcols,
                                                     lambda arrow=False: _batches(wrows), formats, wb)
            cell_counts = {"cells": len(all_cells), "conflicts": sum(c.conflict for c in all_cells)}
            tables["indicator_conflicts"] = CONFLICT_COLUMNS
            counts["indicator_conflicts"] = _write_table(con, out_dir, "indicator_conflicts", CONFLICT_COLUMNS,
                                                         lambda arrow=False: _batches(conflict_rows(all_cells)),
                                                         formats, wb)
        except OSError as e:
            raise UserError(f"{out_dir}: cannot write the export ({e.strerror or e})")
        except duckdb.Error as e:
            raise _duckdb_user_error(e, store)
        finally:
            if wb is not None:
                wb.close()
        package = datapackage(con, tables, formats, v, include_reprints, province_map)
    _write_json(out_dir / "datapackage.json", package)
    return {"out": str(out_dir), "tables": counts, "corpus_version": package["version"],
            "indicator_cells": cell_counts}


def _open_workbook(out_dir: Path):
    import xlsxwriter

    return xlsxwriter.Workbook(str(out_dir / "partycorpus.xlsx"),
                               {"constant_memory": True, "strings_to_numbers": False, "strings_to_formulas": False,
                                "strings_to_urls": False})


def _write_table(con, out_dir: Path, name: str, cols: list[Column], rows_fn, formats, wb) -> int:
    header = [c.name for c in cols]
    n = None
    if "csv" in formats:
        n = _write_csv(out_dir / f"{name}.csv", header, rows_fn())
    if "parquet" in formats:
        n1 = _write_parquet(out_dir / f"{name}.parquet", cols, rows_fn(arrow=True))
        n = n if n is not None else n1
    if wb is not None:
        n2 = _write_sheet(wb, name, header, rows_fn())
        n = n if n is not None else n2
    if n is None:
        n = sum(len(c) for c in rows_fn())
    return n


def _write_sheet(wb, name: str, header: list[str], rows) -> int:
    """One table on one sheet; past ``XLSX_MAX_ROWS`` data rows (Excel's limit) it goes on over numbered
    sheets ``name_2``, ``name_3`` …, each with the header row. Returns the data rows written."""
    ws, part, r, total = None, 1, XLSX_MAX_ROWS, 0
    for chunk in rows:
        for row in chunk:
            if r >= XLSX_MAX_ROWS:
                if ws is not None:
                    part += 1
                    sys.stderr.write(f"partycorpus export: note: table {name} goes on on sheet {name[:28]}_{part} "
                                     f"(Excel holds {XLSX_MAX_ROWS:,} rows a sheet)\n")
                ws = wb.add_worksheet(name[:31] if part == 1 else f"{name[:28]}_{part}")
                ws.write_row(0, 0, header)
                r = 0
            r += 1
            total += 1
            for c, v in enumerate(row):
                if v is None:
                    continue
                if isinstance(v, str):
                    ws.write_string(r, c, v[:XLSX_MAX_CELL])
                elif isinstance(v, bool):
                    ws.write_boolean(r, c, v)
                else:
                    ws.write_number(r, c, v)
    if ws is None:
        wb.add_worksheet(name[:31]).write_row(0, 0, header)
    return total


def datapackage(con, tables: dict[str, list[Column]], formats, v: dict, include_reprints: bool,
                province_map: str) -> dict:
    """Frictionless Data Package descriptor of the export."""
    resources = []
    for fmt in formats:
        if fmt == "xlsx":
            resources.append({"name": "workbook", "path": "partycorpus.xlsx", "format": "xlsx",
                              "mediatype": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                              "description": "all tables, one sheet each; a table longer than Excel's row limit (1,048,575 data rows) goes on over numbered sheets (figures_2, figures_3 …)"})
            continue
        for name, cols in tables.items():
            res = {"name": name if fmt == "csv" else f"{name}-{fmt}", "path": f"{name}.{fmt}", "format": fmt,
                   "profile": "tabular-data-resource",
                   "schema": {"fields": [{"name": c.name, "type": c.type, "description": c.doc} for c in cols]}}
            if fmt == "csv":
                res.update(mediatype="text/csv", encoding="utf-8")
            else:
                res["mediatype"] = "application/vnd.apache.parquet"
            description = {"indicators_wide": WIDE_RULE, "indicators_periods": PERIODS_RULE,
                           "indicators_long": LONG_RULE, "indicator_conflicts": CONFLICTS_RULE}.get(name)
            if description:
                res["description"] = description
            resources.append(res)
    return {
        "profile": "tabular-data-package",
        "name": "partycorpus",
        "title": "Party-building news corpus: directives, figures, targets",
        "version": corpus_version(con, v),
        "sources": _sources(con),
        "resources": resources,
        "partycorpus": {
            "extractor_version": v.get("extractor"), "codebook_version": v.get("codebook"),
            "gazetteer_version": v.get("gazetteer"), "province_map": province_map,
            "province_map_note": "63 provinces (until 2025-06-30)" if province_map == "63"
            else "34 units from 2025-07-01 (corpus.localities.to_2025)",
            "include_reprints": include_reprints, "indicators_wide_rule": WIDE_RULE,
            "indicators_periods_rule": PERIODS_RULE,
        },
    }


def _write_json(path: Path, obj) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(obj, ensure_ascii=False, indent=2, sort_keys=False) + "\n", encoding="utf-8")
    os.replace(tmp, path)

"""The corpus as one SQLite file for Datasette (``partycorpus publish``).

Tables: ``articles``, ``directives``, ``figures``, ``targets``, ``documents``,
``indicators_long``, ``indicators_periods``, ``indicators_wide``, ``citations``
(the export's tables, columns, types and descriptions: ``corpus.export.table_specs``),
plus ``reprints`` (later copy -> earliest copy), ``sentences`` (every sentence
holding a mention, the target of the mentions' ``sentence_id``) and the view
``indicator_values`` (``indicators_wide`` one row per province, year and
indicator, for queries and charts). Articles and mention tables hold every
article, reprints included (``articles.reprint_of`` marks them); the
comparison tables (indicators, citations) leave reprints out, as the export does.

Search: ``articles_fts`` (FTS5, ``unicode61 remove_diacritics 2``) indexes
titles and texts as written plus a ``folded`` column (``fold``: no diacritics,
``đ`` -> ``d``), since the tokenizer folds every Vietnamese diacritic except
``đ``; "đảng viên", "dang vien" and "Đảng Viên" all match.

``text=False`` (``--no-text``) leaves out the articles' bodies and leads
(titles, URLs, sentences around mentions and derived tables stay);
``sentences=False`` also leaves out the sentences. The file is written to a
temporary name beside the target, rows streamed from DuckDB in chunks, and
renamed at the end; ``corpus-metadata.json`` beside it is Datasette's metadata.

>>> publish("data")                                          # doctest: +SKIP
{'out': 'data/publish/corpus.sqlite', 'tables': {'articles': 120, ...}, 'corpus_version': '3f1c...'}
"""
from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

from .datasette_plugins.partycorpus_sql import fold
from .errors import UserError
from .export import (CONFLICT_COLUMNS, Column, _batches, _chunks, _install_province_map, _mention_columns, _select,
                     _stored_versions, _wide, corpus_version, table_specs, without_full_text)
from .indicators import cells, conflict_rows
from .schema import ReprintLink
from .store import STORE_FILE, Store, data_dir_of

DEFAULT_NAME = "publish/corpus.sqlite"
CHUNK = 2_000
_SQLITE_TYPES = {"integer": "INTEGER", "number": "REAL", "boolean": "INTEGER"}
MENTION_TABLES = {"directives": "directive_mentions", "figures": "figure_mentions", "targets": "target_mentions"}
LICENCE_NOTE = ("Derived data (mentions, indicators, citations) extracted by partycorpus from the articles listed "
                "in the articles table; article texts belong to their publishers (see each article's url). "
                "Share a file published with --no-text when the texts may not be passed on.")


def default_path(data_dir) -> Path:
    return data_dir_of(data_dir) / DEFAULT_NAME


def metadata_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.stem + "-metadata.json")


def is_stale(data_dir, db_path: Path) -> bool:
    """True when the published file is missing or older than the store's last write."""
    data_dir = data_dir_of(data_dir)
    if not db_path.exists() or not metadata_path(db_path).exists():
        return True
    store_files = [data_dir / STORE_FILE, data_dir / (STORE_FILE + ".wal")]
    last_write = max((p.stat().st_mtime for p in store_files if p.exists()), default=0)
    return db_path.stat().st_mtime < last_write


def _sql_type(col: Column) -> str:
    return _SQLITE_TYPES.get(col.type, "TEXT")


#: columns shown first in a table page (the rest follow in the export's order)
FRONT = {
    "figures": ("article_id", "province", "published", "year", "indicator", "value", "unit", "kind", "text",
                "sentence", "sentence_id"),
    "targets": ("article_id", "province", "published", "deadline_year", "indicator", "value", "unit", "text",
                "sentence", "sentence_id"),
    "directives": ("article_id", "province", "published", "canonical_id", "doc_key", "kind", "text", "sentence",
                   "sentence_id"),
    "indicators_long": ("article_id", "province", "year", "indicator", "value", "unit", "kind", "sentence",
                        "sentence_id"),
}


def _front(name: str, cols: list[Column]) -> list[Column]:
    order = {n: i for i, n in enumerate(FRONT.get(name, ()))}
    return sorted(cols, key=lambda c: order.get(c.name, len(order)))


def _specs(text: bool, sentences: bool) -> dict[str, tuple[list[Column], str, dict]]:
    """Published table -> (columns, DuckDB FROM clause, keys {'pk': [...], 'fk': {col: table}})."""
    every = table_specs(include_reprints=True)
    compared = table_specs(include_reprints=False)
    art_cols, art_tail = every["articles"]
    if not text:
        art_cols = without_full_text(art_cols)
    at = [c.name for c in art_cols].index("published") + 1   # a year to facet by, beside the date
    art_cols = art_cols[:at] + [Column("year", "TRY_CAST(substr(a.published, 1, 4) AS BIGINT)", "integer",
                                       "year of publication")] + art_cols[at:]
    specs = {"articles": (art_cols, art_tail, {"pk": ["article_id"], "fk": {"reprint_of": "articles"}})}
    sid = "CASE WHEN m.sentence_start IS NOT NULL THEN m.article_id || ':' || m.sentence_start END"
    for name in MENTION_TABLES:
        cols, tail = every[name]
        if sentences:
            cols = cols + [Column("sentence_id", sid, doc="the sentence holding the mention (sentences table)")]
        else:
            cols = [c for c in cols if c.name != "sentence"]
        fk = {"article_id": "articles"} | ({"sentence_id": "sentences"} if sentences else {})
        if name == "directives":
            fk["doc_key"] = "documents"
        specs[name] = (cols, tail, {"pk": ["article_id", "mention_no"], "fk": fk})
    cols, tail = compared["documents"]
    specs["documents"] = (cols, tail, {"pk": ["doc_key"], "fk": {}})
    cols, tail = compared["indicators_long"]
    fk = {"article_id": "articles"}
    if sentences:
        cols = cols + [Column("sentence_id", "(SELECT min(f.article_id || ':' || f.sentence_start) FROM figure_mentions f "
                                             "WHERE f.article_id = m.article_id AND f.start = m.start)",
                              doc="the sentence holding the figure (sentences table)")]
        fk["sentence_id"] = "sentences"
    else:
        cols = [c for c in cols if c.name != "sentence"]
    specs["indicators_long"] = (cols, tail, {"pk": [], "fk": fk})
    cols, tail = compared["indicators_periods"]
    specs["indicators_periods"] = (cols, tail, {"pk": [], "fk": {}})
    cols, tail = compared["citations"]
    specs["citations"] = (cols, tail, {"pk": [], "fk": {"doc_key": "documents"}})
    specs["reprints"] = (_mention_columns(ReprintLink), "FROM reprint_links m ORDER BY m.article_id",
                         {"pk": ["article_id"], "fk": {"article_id": "articles", "original_id": "articles"}})
    if sentences:
        parts = " UNION ".join(
            f"SELECT article_id, sentence_start, sentence_end, sentence FROM {t} WHERE sentence_start IS NOT NULL"
            for t in MENTION_TABLES.values())
        specs["sentences"] = ([
            Column("sentence_id", "m.article_id || ':' || m.sentence_start",
                   doc="'<article_id>:<start>': article and start offset of the sentence"),
            Column("article_id", "m.article_id", doc="article the sentence is in"),
            Column("start", "m.sentence_start", "integer", "start offset of the sentence in the article text"),
            Column("end", "m.sentence_end", "integer", "end offset of the sentence"),
            Column("sentence", "m.sentence", doc="the sentence"),
        ], f"FROM ({parts}) m ORDER BY m.article_id, m.sentence_start",
            {"pk": ["sentence_id"], "fk": {"article_id": "articles"}})
    return {name: (_front(name, cols), tail, keys) for name, (cols, tail, keys) in specs.items()}


# columns people filter by (indexed), when the table has them
INDEXED = ("article_id", "province", "year", "indicator", "kind", "site", "published", "doc_key", "canonical_id",
           "sentence_id", "original_id", "reprint_of", "deadline_year")


def _create(db: sqlite3.Connection, name: str, cols: list[Column], keys: dict) -> None:
    defs = [f'"{c.name}" {_sql_type(c)}' for c in cols]
    if keys["pk"]:
        defs.append("PRIMARY KEY (" + ", ".join(f'"{k}"' for k in keys["pk"]) + ")")
    for col, ref in keys["fk"].items():
        ref_col = {"articles": "article_id", "documents": "doc_key", "sentences": "sentence_id"}[ref]
        defs.append(f'FOREIGN KEY ("{col}") REFERENCES "{ref}"("{ref_col}")')
    db.execute(f'CREATE TABLE "{name}" ({", ".join(defs)})')


def _index(db: sqlite3.Connection, name: str, cols: list[Column], keys: dict) -> None:
    for c in cols:
        if c.name in INDEXED and c.name not in keys["pk"][:1]:
            db.execute(f'CREATE INDEX "idx_{name}_{c.name}" ON "{name}" ("{c.name}")')


def _sqlite_value(v):
    return int(v) if isinstance(v, bool) else v


def _insert(db: sqlite3.Connection, name: str, cols: list[Column], chunks, on_chunk=None) -> int:
    names = ", ".join('"' + c.name + '"' for c in cols)
    q = f'INSERT INTO "{name}" ({names}) VALUES ({", ".join("?" for _ in cols)})'
    n = 0
    for chunk in chunks:
        rows = [tuple(_sqlite_value(v) for v in r) for r in chunk]
        db.executemany(q, rows)
        if on_chunk:
            on_chunk(n, rows)
        n += len(rows)
    return n


def _index_articles(db: sqlite3.Connection, cols: list[Column]):
    """FTS rows for a chunk of articles (rowids follow insertion order, from 1)."""
    names = [c.name for c in cols]
    it, ix = names.index("title"), names.index("text") if "text" in names else None

    def add(first: int, rows: list[tuple]) -> None:
        db.executemany("INSERT INTO articles_fts (rowid, title, text, folded) VALUES (?, ?, ?, ?)", [
            (first + i + 1, r[it], r[ix] if ix is not None else None,
             fold(r[it]) + "\n" + fold(r[ix] if ix is not None else ""))
            for i, r in enumerate(rows)])
    return add


def publish(data_dir=None, out=None, text: bool = True, sentences: bool = True, chunk: int = CHUNK) -> dict:
    """Write the SQLite file and its Datasette metadata; returns paths, row counts and the corpus version."""
    data_dir = data_dir_of(data_dir)
    out = Path(out) if out else default_path(data_dir)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise UserError(f"{out.parent}: cannot create the folder ({e.strerror or e})")
    if not os.access(out.parent, os.W_OK):
        raise UserError(f"{out.parent}: permission denied")
    tmp = out.with_name(out.name + ".tmp")
    tmp.unlink(missing_ok=True)
    counts: dict[str, int] = {}
    specs = _specs(text, sentences)
    with Store(data_dir) as store:
        con = store.con
        _install_province_map(con, "63")
        v = _stored_versions(store)
        version = corpus_version(con, v)
        db = sqlite3.connect(tmp)
        try:
            db.execute("PRAGMA journal_mode = OFF")
            db.execute("PRAGMA synchronous = OFF")
            db.execute("CREATE VIRTUAL TABLE articles_fts USING fts5 (title, text, folded, content='articles_fts_content', "
                       "content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')")
            tables: dict[str, list[Column]] = {}
            for name, (cols, tail, keys) in specs.items():
                tables[name] = cols
                _create(db, name, cols, keys)
                hook = _index_articles(db, cols) if name == "articles" else None
                counts[name] = _insert(db, name, cols, _chunks(con.execute(_select(cols, tail)), chunk), hook)
                db.commit()
            all_cells = list(cells(con, "pmap(m.province)"))
            wcols, wrows = _wide(con, include_reprints=False, all_cells=all_cells)
            tables["indicators_wide"] = wcols
            _create(db, "indicators_wide", wcols, {"pk": ["province", "year"], "fk": {}})
            counts["indicators_wide"] = _insert(db, "indicators_wide", wcols, iter([wrows] if wrows else []))
            keep = [i for i, c in enumerate(CONFLICT_COLUMNS) if sentences or c.name != "sentence"]
            ccols = [CONFLICT_COLUMNS[i] for i in keep]           # every candidate of a contested value
            tables["indicator_conflicts"] = ccols
            _create(db, "indicator_conflicts", ccols, {"pk": [], "fk": {}})
            counts["indicator_conflicts"] = _insert(db, "indicator_conflicts", ccols, _batches(
                (tuple(r[i] for i in keep) for r in conflict_rows(all_cells)), chunk))
            # the FTS content: titles and texts from articles, 'folded' only in the index
            body = '"text"' if "text" in [c.name for c in tables["articles"]] else "NULL"
            db.execute(f"CREATE VIEW articles_fts_content AS SELECT rowid, title, {body} AS text, NULL AS folded "
                       "FROM articles")
            db.execute(_indicator_values_view(wcols))
            for name, (cols, _, keys) in specs.items():
                _index(db, name, cols, keys)
            db.execute("CREATE TABLE corpus_info (key TEXT PRIMARY KEY, value TEXT)")
            info = {"corpus_version": version, "extractor_version": v.get("extractor"),
                    "codebook_version": v.get("codebook"), "gazetteer_version": v.get("gazetteer"),
                    "full_texts": "yes" if text else "no", "sentences": "yes" if sentences else "no",
                    "province_map": "63 provinces (until 2025-06-30)", "licence": LICENCE_NOTE}
            db.executemany("INSERT INTO corpus_info VALUES (?, ?)", [(k, str(x)) for k, x in info.items()])
            db.execute("INSERT INTO articles_fts (articles_fts) VALUES ('optimize')")
            db.commit()
            from .web import datasette_metadata   # the metadata knows the tables written

            meta = datasette_metadata(db, out.stem, tables, info)
        except sqlite3.Error as e:
            db.close()
            tmp.unlink(missing_ok=True)
            raise UserError(f"{out}: cannot write the SQLite file ({e})")
        except BaseException:
            db.close()
            tmp.unlink(missing_ok=True)
            raise
        db.close()
    meta_path = metadata_path(out)
    meta_tmp = meta_path.with_name(meta_path.name + ".tmp")
    meta_tmp.write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, out)
    os.replace(meta_tmp, meta_path)
    return {"out": str(out), "metadata": str(meta_path), "tables": counts, "corpus_version": version}


def _indicator_values_view(wcols: list[Column]) -> str:
    """``indicator_values``: indicators_wide back in long form (province, year, indicator, value, unit, n)."""
    parts = []
    for c in wcols[2:]:
        if c.name.startswith(("n_", "conflict_")):
            continue
        unit = c.doc[len(c.name) + 2:].split("): ", 1)[0]   # _wide's doc: "<indicator> (<unit>): ..."
        unit = "" if unit == "no unit" else unit.replace("'", "''")
        q = c.name.replace("'", "''")
        parts.append(f"SELECT province, year, '{q}' AS indicator, \"{c.name}\" AS value, '{unit}' AS unit, "
                     f"\"n_{c.name}\" AS n FROM indicators_wide WHERE \"{c.name}\" IS NOT NULL")
    if not parts:
        parts = ["SELECT NULL AS province, NULL AS year, NULL AS indicator, NULL AS value, NULL AS unit, NULL AS n "
                 "WHERE 0"]
    return "CREATE VIEW indicator_values AS " + " UNION ALL ".join(parts)

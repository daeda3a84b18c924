"""The DuckDB store ``DATA/corpus.duckdb``: opening, migrating, locking, batch writes.

One writer at a time (``DATA/corpus.lock``, filelock); every batch is one
transaction, so a killed process leaves the last committed state (DuckDB's
write-ahead log replays on the next open). Readers open the file read-only.

>>> with Store("data", write=True) as store:            # doctest: +SKIP
...     store.upsert_articles([{"article_id": "lso:1", "title": "Đảng bộ xã ...", "text": "..."}])
{'new': 1, 'changed': 0, 'unchanged': 0}
"""
from __future__ import annotations

import contextlib
import hashlib
import os
import re
from pathlib import Path

import duckdb

from .errors import UserError
from .schema import (
    SCHEMA_VERSION,
    TABLES,
    Article,
    create_table_sql,
    now_iso,
    record_defaults,
    table_columns,
)

STORE_FILE = "corpus.duckdb"
LOCK_FILE = "corpus.lock"
PID_FILE = "corpus.lock.pid"
DEFAULT_LOCK_TIMEOUT = 5.0  # seconds; env PARTYCORPUS_LOCK_TIMEOUT


def data_dir_of(data_dir: str | os.PathLike | None) -> Path:
    """The data folder: argument, else env ``PARTYCORPUS_DATA``, else ``./data``."""
    return Path(data_dir or os.environ.get("PARTYCORPUS_DATA") or "data")


def content_sha1(title: str | None, sapo: str | None, text: str | None) -> str:
    """sha1 of an article's content (title, lead, body); a change bumps ``version``.

    >>> content_sha1("Tiêu đề", None, "Nội dung")[:8]
    '5910118d'
    """
    h = hashlib.sha1()
    for part in (title or "", sapo or "", text or ""):
        h.update(part.encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()


def _arrow_type(sql: str):
    import pyarrow as pa

    return {"BIGINT": pa.int64(), "DOUBLE": pa.float64(), "BOOLEAN": pa.bool_(), "BLOB": pa.binary()}.get(sql, pa.string())


def rows_to_arrow(cls, rows: list[dict]):
    """A pyarrow table with the record class's columns (missing keys -> defaults)."""
    import pyarrow as pa

    cols = table_columns(cls)
    defaults = record_defaults(cls)
    arrays = []
    for name, sql in cols:
        d = defaults[name]
        arrays.append(pa.array([r.get(name, d) for r in rows], type=_arrow_type(sql)))
    return pa.Table.from_arrays(arrays, names=[c for c, _ in cols])


class Store:
    """A handle on ``DATA/corpus.duckdb``; ``write=True`` takes the writer lock.

    >>> with Store("data") as store:                        # doctest: +SKIP
    ...     store.sql("select count(*) from articles").fetchall()[0]
    (35440,)
    """

    def __init__(self, data_dir=None, write: bool = False, lock_timeout: float | None = None,
                 memory_limit: str | None = None):
        self.data_dir = data_dir_of(data_dir)
        self.memory_limit = memory_limit    # DuckDB buffer pool of this step (default: WRITER/READER_MEMORY)
        self.path = self.data_dir / STORE_FILE
        self.write = write
        self.con: duckdb.DuckDBPyConnection | None = None
        self._lock = None
        if lock_timeout is None:
            lock_timeout = float(os.environ.get("PARTYCORPUS_LOCK_TIMEOUT", DEFAULT_LOCK_TIMEOUT))
        try:
            if write:
                self._prepare_dir()
                self._acquire_lock(lock_timeout)
            self._connect()
            self._check_schema()
        except BaseException:
            self.close()
            raise

    # -- opening -----------------------------------------------------------------

    def _prepare_dir(self) -> None:
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
        except PermissionError:
            raise UserError(f"{self.data_dir}: permission denied (cannot create the data folder)")
        except OSError as e:
            raise UserError(f"{self.data_dir}: cannot create the data folder ({e.strerror or e})")
        if not os.access(self.data_dir, os.W_OK | os.X_OK):
            raise UserError(f"{self.data_dir}: permission denied (the data folder is not writable)")
        if self.path.exists() and not os.access(self.path, os.W_OK):
            raise UserError(f"{self.path}: permission denied (the store is read-only)")

    def _acquire_lock(self, timeout: float) -> None:
        from filelock import FileLock, Timeout

        lock = FileLock(str(self.data_dir / LOCK_FILE), timeout=timeout)
        try:
            lock.acquire()
        except Timeout:
            pid = "?"
            with contextlib.suppress(OSError):
                pid = (self.data_dir / PID_FILE).read_text().strip() or "?"
            raise UserError(f"another partycorpus process is writing to {self.data_dir} (pid {pid})")
        except PermissionError:
            raise UserError(f"{self.data_dir / LOCK_FILE}: permission denied")
        self._lock = lock
        with contextlib.suppress(OSError):
            (self.data_dir / PID_FILE).write_text(f"{os.getpid()}\n")

    def _connect(self) -> None:
        p = self.path
        if not self.write and not p.exists():
            raise UserError(f"{p}: no store yet; run 'partycorpus import' or 'partycorpus crawl' first")
        if p.exists() and p.stat().st_size > 0:
            try:
                with open(p, "rb") as fh:
                    head = fh.read(16)
            except PermissionError:
                raise UserError(f"{p}: permission denied")
            if len(head) < 12 or head[8:12] != b"DUCK":
                raise UserError(f"{p}: not a partycorpus store (corrupt or foreign file); move it away or restore a backup")
        elif p.exists() and self.write:
            p.unlink()  # an empty file (e.g. touched): start a new store
        try:
            self.con = duckdb.connect(str(p), read_only=not self.write, config=_duckdb_config(self.write, self.memory_limit, self.data_dir))
        except duckdb.IOException as e:
            msg = str(e)
            if "lock" in msg.lower():
                pid = _pid_from_duckdb_message(msg)
                raise UserError(f"the store is being written by another process (pid {pid}); try again when it finishes")
            if "permission" in msg.lower():
                raise UserError(f"{p}: permission denied")
            raise UserError(f"{p}: cannot open the store ({_first_line(msg)})")
        except (duckdb.Error, RuntimeError) as e:
            raise UserError(f"{p}: not a usable store (corrupt or written by another DuckDB version: {_first_line(str(e))})")

    def _tables(self) -> set[str]:
        rows = self.con.execute(
            "select table_name from information_schema.tables where table_schema = 'main'").fetchall()
        return {r[0] for r in rows}

    def _check_schema(self) -> None:
        tables = self._tables()
        if not tables:
            if not self.write:
                raise UserError(f"{self.path}: the store is empty")
            self._create_fresh()
            return
        version = self.schema_version(tables)
        if version is None:
            raise UserError(f"{self.path}: not a partycorpus store (foreign DuckDB file: no meta table)")
        if version > SCHEMA_VERSION:
            raise UserError(f"{self.path}: written by a newer partycorpus (schema {version} > {SCHEMA_VERSION}); upgrade partycorpus")
        if version < SCHEMA_VERSION:
            if not self.write:
                raise UserError(f"{self.path}: store schema {version} is older than {SCHEMA_VERSION}; "
                                "run a writing command (e.g. 'partycorpus build') to migrate it")
            self._migrate(version)
        elif self.write:
            self._ensure_tables()

    def schema_version(self, tables: set[str] | None = None) -> int | None:
        """Schema version written in ``meta``; 0 for the pre-meta prototype store; None if foreign."""
        tables = self._tables() if tables is None else tables
        if "meta" in tables:
            row = self.con.execute("select value from meta where key = 'schema_version'").fetchall()
            row = row[0] if row else None
            try:
                return int(row[0]) if row else None
            except ValueError:
                return None
        if "articles" in tables:
            cols = {r[0] for r in self.con.execute(
                "select column_name from information_schema.columns where table_name = 'articles'").fetchall()}
            if {"article_id", "text"} <= cols:
                return 0
        return None

    def _create_fresh(self) -> None:
        with self.transaction():
            self._ensure_tables()
            self.meta_set("schema_version", str(SCHEMA_VERSION))
            self.meta_set("created", now_iso())

    def _ensure_tables(self) -> None:
        """Create missing tables and add missing columns (additive schema changes)."""
        for name, cls in TABLES.items():
            self.con.execute(create_table_sql(name, cls))
            have = {r[0] for r in self.con.execute(
                "select column_name from information_schema.columns where table_schema = 'main' and table_name = ?",
                [name]).fetchall()}
            for col, typ in table_columns(cls):
                if col not in have:
                    self.con.execute(f'ALTER TABLE "{name}" ADD COLUMN "{col}" {typ}')

    def _migrate(self, version: int) -> None:
        with self.transaction():
            while version < SCHEMA_VERSION:
                MIGRATIONS[version](self)
                version += 1
                self.meta_set("schema_version", str(version))
            self._ensure_tables()

    # -- writing -----------------------------------------------------------------

    @contextlib.contextmanager
    def transaction(self):
        """One atomic batch: commit on success, roll back on any error.

        A write error (disk full, file too large, permission) becomes a
        one-line ``UserError``; the store keeps its last committed state.
        """
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield self.con
            self.con.execute("COMMIT")
        except BaseException as e:
            with contextlib.suppress(Exception):
                self.con.execute("ROLLBACK")
            if isinstance(e, (duckdb.IOException, OSError)) or (
                    isinstance(e, duckdb.Error) and _WRITE_FAILURE.search(str(e))):
                raise UserError(f"cannot write {self.path}: {_write_reason(e)}; "
                                "the store keeps its last committed state") from e
            raise

    def meta_set(self, key: str, value: str | None) -> None:
        self.con.execute("DELETE FROM meta WHERE key = ?", [key])
        self.con.execute("INSERT INTO meta VALUES (?, ?)", [key, value])

    def meta_get(self, key: str, default: str | None = None) -> str | None:
        row = self.con.execute("select value from meta where key = ?", [key]).fetchall()
        row = row[0] if row else None
        return row[0] if row else default

    def insert_rows(self, table: str, rows: list[dict]) -> int:
        """Append ``rows`` (dicts with the table's record fields) to ``table``."""
        if not rows:
            return 0
        cls = TABLES[table]
        arrow = rows_to_arrow(cls, rows)
        cols = ", ".join(f'"{c}"' for c, _ in table_columns(cls))
        self.con.register("_incoming_rows", arrow)
        try:
            self.con.execute(f'INSERT INTO "{table}" ({cols}) SELECT {cols} FROM _incoming_rows')
        finally:
            self.con.unregister("_incoming_rows")
        return len(rows)

    def delete_for_articles(self, table: str, article_ids: list[str]) -> None:
        """Delete the rows of ``table`` that belong to ``article_ids``."""
        if not article_ids:
            return
        import pyarrow as pa

        self.con.register("_ids", pa.table({"article_id": pa.array(article_ids, type=pa.string())}))
        try:
            self.con.execute(f'DELETE FROM "{table}" WHERE article_id IN (SELECT article_id FROM _ids)')
        finally:
            self.con.unregister("_ids")

    def upsert_articles(self, articles: list[dict]) -> dict:
        """Insert new articles, replace changed ones (old text kept in ``article_versions``).

        Call inside ``transaction()``. An article whose content sha1 is
        unchanged is left as it is (re-importing changes nothing). Within one
        batch the last copy of an id wins.
        Returns counts ``{"new", "changed", "unchanged"}``.
        """
        import pyarrow as pa

        batch: dict[str, dict] = {}
        for a in articles:
            a = dict(a)
            a["content_sha1"] = content_sha1(a.get("title"), a.get("sapo"), a.get("text"))
            batch[a["article_id"]] = a
        if not batch:
            return {"new": 0, "changed": 0, "unchanged": 0}
        ids = sorted(batch)
        self.con.register("_ids", pa.table({"article_id": pa.array(ids, type=pa.string())}))
        try:
            existing = dict((r[0], (r[1], r[2])) for r in self.con.execute(
                "SELECT article_id, version, content_sha1 FROM articles WHERE article_id IN (SELECT article_id FROM _ids)"
            ).fetchall())
        finally:
            self.con.unregister("_ids")
        new, changed, unchanged = [], [], 0
        for aid in ids:
            a = batch[aid]
            old = existing.get(aid)
            if old is None:
                a["version"] = max(int(a.get("version") or 1), 1)
                new.append(a)
            elif old[1] != a["content_sha1"]:
                a["version"] = int(old[0] or 1) + 1
                changed.append(a)
            else:
                unchanged += 1
        if changed:
            changed_ids = [a["article_id"] for a in changed]
            self.con.register("_ids", pa.table({"article_id": pa.array(changed_ids, type=pa.string())}))
            try:
                self.con.execute(
                    "INSERT INTO article_versions (article_id, version, content_sha1, title, sapo, text, published, "
                    "fetched_at, raw_ref, crawl_run, replaced_at) SELECT article_id, version, content_sha1, title, "
                    "sapo, text, published, fetched_at, raw_ref, crawl_run, ? FROM articles "
                    "WHERE article_id IN (SELECT article_id FROM _ids)", [now_iso()])
                self.con.execute("DELETE FROM articles WHERE article_id IN (SELECT article_id FROM _ids)")
            finally:
                self.con.unregister("_ids")
        self.insert_rows("articles", new + changed)
        return {"new": len(new), "changed": len(changed), "unchanged": unchanged}

    # -- reading -----------------------------------------------------------------

    def sql(self, query: str, params=None):
        """Run SQL on the store (a DuckDB relation/cursor result)."""
        return self.con.execute(query, params or [])

    def close(self) -> None:
        if self.con is not None:
            with contextlib.suppress(Exception):
                self.con.close()
            self.con = None
        if self._lock is not None:
            with contextlib.suppress(Exception):
                self._lock.release()
            self._lock = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def _migrate_v0_v1(store: Store) -> None:
    """v0 (prototype: articles without versions, no meta) -> v1: add columns, fill sha1 and version."""
    con = store.con
    con.execute(create_table_sql("meta"))
    have = {r[0] for r in con.execute(
        "select column_name from information_schema.columns where table_name = 'articles'").fetchall()}
    for col, typ in table_columns(Article):
        if col not in have:
            con.execute(f'ALTER TABLE articles ADD COLUMN "{col}" {typ}')
    import pyarrow as pa

    rows = con.execute("SELECT article_id, title, sapo, text FROM articles").fetchall()
    sums = pa.table({"article_id": [r[0] for r in rows], "sha1": [content_sha1(*r[1:]) for r in rows]})
    con.register("_sums", sums)
    con.execute("UPDATE articles SET content_sha1 = _sums.sha1, version = coalesce(version, 1) "
                "FROM _sums WHERE articles.article_id = _sums.article_id")
    con.unregister("_sums")


#: version -> function migrating a store from that version to the next.
def _migrate_v1_v2(store: "Store") -> None:
    """Schema 2 only adds: targets stated with their result (achieved_no, achieved_value, achieved_ratio, met),
    the article's credit and the non_articles table; ``_ensure_tables`` adds them. Readers of a schema-1
    store stop with one line instead of failing on a missing column."""


MIGRATIONS = {0: _migrate_v0_v1, 1: _migrate_v1_v2}


_WRITE_FAILURE = re.compile(r"could not write|no space|too large|permission denied|read-only|invalidated", re.I)


def _write_reason(e: BaseException) -> str:
    """'File too large' out of 'TransactionContext Error: Failed to commit: Could not write file "x": File too large'."""
    msg = _first_line(str(e))
    m = re.search(r'Could not write file "[^"]*": (.*)$', msg)
    return m.group(1) if m else msg


WRITER_MEMORY = "64MB"      # DuckDB buffer pool of import/build (the writer); env PARTYCORPUS_DUCKDB_MEMORY
READER_MEMORY = "256MB"     # of read-only opens (search, stats, notebooks)
EXPORT_MEMORY = "256MB"     # of export: it sorts one slice of a table at a time (corpus.export.SLICED)
TEMP_DIR = "duckdb-tmp"     # inside the data folder: where DuckDB spills sorts and joins beyond the limit


def _duckdb_config(write: bool = False, memory_limit: str | None = None, data_dir=None) -> dict:
    """DuckDB settings: a bounded buffer pool keeps memory flat as the store grows.

    DuckDB caches every block it reads or writes until ``memory_limit``; a
    writer streams through the store (each chunk once), so caching buys it
    nothing and a small pool keeps ``import``/``build`` flat (measured in
    ``benchmarks/memory_growth.py``: 64MB costs no time at 35k articles).
    A step may ask for its own limit (``memory_limit``: export uses ``EXPORT_MEMORY``).
    Sorts and joins beyond the limit spill to ``DATA/duckdb-tmp``.
    ``PARTYCORPUS_DUCKDB_MEMORY`` (e.g. ``512MB``) sets every limit.

    >>> _duckdb_config(write=True)["memory_limit"]       # doctest: +SKIP
    '64MB'
    >>> _duckdb_config(memory_limit="512MB", data_dir="data")["temp_directory"]   # doctest: +SKIP
    'data/duckdb-tmp'
    """
    default = memory_limit or (WRITER_MEMORY if write else READER_MEMORY)
    config = {"memory_limit": os.environ.get("PARTYCORPUS_DUCKDB_MEMORY") or default}
    if data_dir is not None:
        config["temp_directory"] = str(Path(data_dir) / TEMP_DIR)
    return config


def _first_line(msg: str) -> str:
    return (msg.strip().splitlines() or [""])[0][:300]


def _pid_from_duckdb_message(msg: str) -> str:
    m = re.search(r"PID (\d+)", msg)
    return m.group(1) if m else "?"

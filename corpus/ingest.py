"""Getting articles into the store: the crawler's spool and imported collections.

- ``ingest_spool(data_dir)``: ``DATA/spool/*.jsonl`` (one ``Article`` per line,
  written by crawler processes) and ``DATA/crawl/runs/*.json``; a spool file
  goes to ``DATA/spool/done/`` (gzipped) only after its articles are committed.
- ``import_paths(paths, ...)``: ``.txt`` files (line 1 is the title), folders
  of them, ``.jsonl``/``.jsonl.gz`` collections (id, title, text[, url,
  published, province]); streamed in batches of ``BATCH`` articles with one
  transaction each, so memory stays flat. A bad line stops the import naming
  ``file:line``; the batches before it stay committed, none is half-written,
  and re-running the same import resumes (upserts are idempotent).

Text is NFC-normalised at ingest (``nlp.normalize.normalize``); mention
offsets index the stored text.

>>> import_paths(["bai-viet.txt"], data_dir="data", site="thu-nghiem")   # doctest: +SKIP
{'files': 1, 'articles': 1, 'new': 1, 'changed': 0, 'unchanged': 0}
"""
from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import re
import shutil
import unicodedata
from dataclasses import fields
from pathlib import Path
from typing import Iterator

from records.spool import read_spool_file, writer_alive  # noqa: F401 (the spool format lives in records)

from .errors import UserError
from .schema import Article, CrawlRun
from .store import Store, data_dir_of

BATCH = 1000
ARTICLE_FIELDS = {f.name for f in fields(Article)}
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_SITE = re.compile(r"^[a-z0-9_-]+$")


def normalizer():
    """The text normaliser used at ingest (``nlp.normalize.normalize``, else NFC)."""
    try:
        from nlp.normalize import normalize
    except ImportError:  # nlp.normalize not there yet: NFC only
        return lambda s: unicodedata.normalize("NFC", s)
    return normalize


def clean_article(d: dict, normalize=None) -> dict:
    """An article dict with only Article fields, text normalised, date as YYYY-MM-DD.

    >>> clean_article({"article_id": "x:1", "title": "Chi bộ", "text": "Đảng viên", "published": "2017-04-07 08:54"})["published"]
    '2017-04-07'
    """
    normalize = normalize or normalizer()
    a = {k: v for k, v in d.items() if k in ARTICLE_FIELDS}
    for k in ("title", "sapo", "text", "author"):
        if isinstance(a.get(k), str):
            a[k] = normalize(a[k])
    a["text"] = a.get("text") or ""
    a["published"] = parse_date(a.get("published"))
    return a


def parse_date(value) -> str | None:
    """YYYY-MM-DD from common date shapes; None when absent; ValueError when unreadable.

    >>> parse_date("07/04/2017"), parse_date("2017-04-07T08:54:00+07:00")
    ('2017-04-07', '2017-04-07')
    """
    if value is None or value == "":
        return None
    s = str(value).strip()
    m = re.match(r"^(\d{4})-(\d{1,2})-(\d{1,2})", s)
    if m:
        y, mo, d = map(int, m.groups())
    else:
        m = re.match(r"^(\d{1,2})/(\d{1,2})/(\d{4})", s)
        if not m:
            raise ValueError(f"published {s!r} is not a date (YYYY-MM-DD)")
        d, mo, y = map(int, m.groups())
    try:
        return dt.date(y, mo, d).isoformat()
    except ValueError:
        raise ValueError(f"published {s!r} is not a valid date")


# -- spool ---------------------------------------------------------------------------


def _load_runs(store: Store, data_dir: Path) -> int:
    runs_dir = data_dir / "crawl" / "runs"
    if not runs_dir.is_dir():
        return 0
    rows = []
    names = {f.name for f in fields(CrawlRun)}
    for p in sorted(runs_dir.glob("*.json")):
        try:
            obj = json.loads(p.read_text(encoding="utf-8"))
        except (ValueError, OSError):
            continue  # a run file being written; the next ingest picks it up
        if not isinstance(obj, dict) or not obj.get("run_id"):
            continue
        row = {k: v for k, v in obj.items() if k in names}
        if isinstance(row.get("errors"), (dict, list)):
            row["errors"] = json.dumps(row["errors"], ensure_ascii=False, sort_keys=True)
        if isinstance(row.get("sites"), (list, tuple)):
            row["sites"] = ",".join(map(str, row["sites"]))
        rows.append(row)
    if rows:
        import pyarrow as pa

        store.con.register("_runs", pa.table({"run_id": pa.array([r["run_id"] for r in rows], type=pa.string())}))
        store.con.execute("DELETE FROM crawl_runs WHERE run_id IN (SELECT run_id FROM _runs)")
        store.con.unregister("_runs")
        store.insert_rows("crawl_runs", rows)
    return len(rows)


def _archive_spool_file(path: Path, done: Path) -> None:
    """Keep an ingested spool file gzipped in ``done/`` (a plain copy of stored articles; the WARC archive
    is the raw record). A kill in between leaves the file in the spool, ingested again idempotently."""
    done.mkdir(exist_ok=True)
    tmp = done / f".{path.name}.gz.tmp"
    with open(path, "rb") as src, gzip.open(tmp, "wb", compresslevel=6) as dst:
        shutil.copyfileobj(src, dst)
    os.replace(tmp, done / f"{path.name}.gz")
    path.unlink()


def _adopt_into_crawl_state(data_dir: Path, path: Path) -> None:
    """Make sure the crawl state knows the spool file's articles before the file leaves the spool
    (its writer may have been killed between the spool line and the state row)."""
    if not (data_dir / "crawl" / "state.sqlite").exists():
        return
    from crawler.state import CrawlState

    state = CrawlState(data_dir)
    try:
        state.adopt_spooled(read_spool_file(path))
    finally:
        state.close()


def ingest_spool(data_dir=None, store: Store | None = None) -> dict:
    """Upsert spooled crawler articles and crawl-run records into the store.

    Each spool file is committed, then kept gzipped in ``DATA/spool/done/``; files
    whose writer process still runs are left for the next call.

    >>> ingest_spool("data")                                  # doctest: +SKIP
    {'files': 2, 'articles': 31, 'new': 30, 'changed': 1, 'unchanged': 0, 'runs': 1, 'skipped_busy': 0}
    """
    data_dir = data_dir_of(data_dir)
    own = store is None
    store = store or Store(data_dir, write=True)
    counts = {"files": 0, "articles": 0, "new": 0, "changed": 0, "unchanged": 0, "runs": 0, "skipped_busy": 0}
    normalize = normalizer()
    try:
        spool = data_dir / "spool"
        files = sorted(spool.glob("*.jsonl")) if spool.is_dir() else []
        for path in files:
            if writer_alive(path):
                counts["skipped_busy"] += 1
                continue
            with store.transaction():
                batch = []
                for obj in read_spool_file(path):
                    try:
                        batch.append(clean_article(obj, normalize))
                    except ValueError as e:
                        raise UserError(f"{path}: article {obj.get('article_id')}: {e}")
                    if len(batch) >= BATCH:
                        _add(counts, store.upsert_articles(batch))
                        batch = []
                _add(counts, store.upsert_articles(batch))
            _adopt_into_crawl_state(data_dir, path)
            _archive_spool_file(path, spool / "done")
            counts["files"] += 1
        with store.transaction():
            counts["runs"] = _load_runs(store, data_dir)
    finally:
        if own:
            store.close()
    return counts


def _add(counts: dict, c: dict) -> None:
    for k, v in c.items():
        counts[k] = counts.get(k, 0) + v
    counts["articles"] += sum(c.values())


# -- import --------------------------------------------------------------------------


def _slug(name: str) -> str:
    s = unicodedata.normalize("NFKD", name.lower())
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).replace("đ", "d")
    return re.sub(r"[^a-z0-9_-]+", "-", s).strip("-") or "import"


def _collection_name(path: Path) -> str:
    name = path.name
    for ext in (".jsonl.gz", ".jsonl", ".txt"):
        if name.lower().endswith(ext):
            return _slug(name[: -len(ext)])
    return _slug(name)


def _expand(paths: list[str]) -> list[tuple[Path, str]]:
    """(file, default site) pairs in a stable order; folders are walked."""
    out = []
    for p in map(Path, paths):
        if p.is_dir():
            found = sorted(q for q in p.rglob("*") if q.is_file() and _kind(q))
            if not found:
                raise UserError(f"{p}: no .txt or .jsonl(.gz) files in the folder")
            out += [(q, _slug(p.resolve().name) if _kind(q) == "txt" else _collection_name(q)) for q in found]
        elif p.is_file():
            kind = _kind(p)
            if kind is None:
                raise UserError(f"{p}: unsupported file type (expected .txt, .jsonl or .jsonl.gz)")
            out.append((p, _slug(p.resolve().parent.name) if kind == "txt" else _collection_name(p)))
        elif p.exists():
            raise UserError(f"{p}: not a regular file")
        else:
            raise UserError(f"{p}: no such file or folder")
    return out


def _kind(p: Path) -> str | None:
    n = p.name.lower()
    if n.endswith(".txt"):
        return "txt"
    if n.endswith((".jsonl", ".jsonl.gz")):
        return "jsonl"
    return None


def _decode(raw: bytes, where: str) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        try:
            from nlp.normalize import decode_bytes
        except ImportError:
            decode_bytes = None
        text = decode_bytes(raw) if decode_bytes else None
        if text is None:
            raise UserError(f"{where}: not UTF-8 text")
        return text


def _read_txt(path: Path, site: str, province: str | None) -> Iterator[dict]:
    try:
        raw = path.read_bytes()
    except PermissionError:
        raise UserError(f"{path}: permission denied")
    if b"\x00" in raw[:4096]:
        raise UserError(f"{path}: binary data, not text")
    text = _decode(raw, str(path)).lstrip("\ufeff")
    title, _, body = text.partition("\n")
    if not title.strip() and not body.strip():
        raise UserError(f"{path}: empty file")
    yield {"article_id": f"{site}:{path.stem}", "site": site, "province": province,
           "title": title.strip(), "text": body.strip("\n"), "raw_ref": f"import:{path}#1"}


def _read_jsonl(path: Path, site: str, province: str | None) -> Iterator[dict]:
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    try:
        fh = opener(path, "rb")
    except PermissionError:
        raise UserError(f"{path}: permission denied")
    with fh:
        n = 0
        while True:
            try:
                raw = fh.readline()
            except (OSError, EOFError) as e:
                raise UserError(f"{path}:{n + 1}: cannot read ({e})")
            if not raw:
                break
            n += 1
            if not raw.strip():
                continue
            where = f"{path}:{n}"
            try:
                obj = json.loads(_decode(raw, where))
            except ValueError as e:
                raise UserError(f"{where}: not a JSON object ({str(e).split(':')[0]})")
            if not isinstance(obj, dict):
                raise UserError(f"{where}: not a JSON object")
            if obj.get("id") in (None, ""):
                raise UserError(f"{where}: missing field 'id'")
            if not isinstance(obj.get("text"), str):
                raise UserError(f"{where}: missing field 'text'")
            prov = obj.get("province") or province
            if prov is not None and not _SLUG.match(str(prov)):
                raise UserError(f"{where}: province {prov!r} is not a slug like 'lang-son'")
            art_site = _slug(str(obj["site"])) if obj.get("site") else site
            yield {"article_id": f"{art_site}:{obj['id']}", "site": art_site, "province": prov,
                   "title": obj.get("title"), "sapo": obj.get("sapo"), "text": obj["text"],
                   "url": obj.get("url"), "published": obj.get("published"), "author": obj.get("author"),
                   "raw_ref": f"import:{path}#{n}", "_where": where}


def _checked(objs: Iterator[dict], path: Path, normalize, counts: dict) -> Iterator[dict]:
    """Clean articles of one file; a bad line is a ``UserError`` naming file:line and what is committed."""
    try:
        for obj in objs:
            where = obj.pop("_where", str(path))
            try:
                yield clean_article(obj, normalize)
            except ValueError as e:
                raise UserError(f"{where}: {e}")
    except UserError as e:
        if counts["articles"]:
            raise UserError(f"{e}; the {counts['articles']} articles before it are imported (committed): "
                            "fix the line and run the same import again to resume") from e
        raise


def _commit_batch(store: Store, batch: list[dict], counts: dict, bar) -> None:
    """Upsert one validated batch in its own transaction."""
    if not batch:
        return
    with store.transaction():
        _add(counts, store.upsert_articles(batch))
    if bar is not None:
        bar.update(len(batch))


def import_paths(paths: list[str], data_dir=None, site: str | None = None, province: str | None = None,
                 limit: int | None = None, progress: bool = False, batch_size: int = BATCH) -> dict:
    """Import text files and JSONL collections into the store, one transaction per batch.

    ``site`` overrides the collection name (the .jsonl file stem, or the folder
    of .txt files); article ids are ``{site}:{id}``. Every line of a batch of
    ``batch_size`` articles is checked before the batch is committed, so memory
    stays flat however large the collection; a bad line stops the import with
    ``file:line: reason`` and the number of articles committed before it.
    Upserts are idempotent: running the same import again resumes it.

    >>> import_paths(["../shared/data/bulk/baomoi-2017.jsonl.gz"], limit=100)   # doctest: +SKIP
    {'files': 1, 'articles': 100, 'new': 100, 'changed': 0, 'unchanged': 0}
    """
    if site is not None and not _SITE.match(site):
        raise UserError(f"--site {site!r}: use lower-case letters, digits, '-' or '_'")
    if province is not None and not _SLUG.match(province):
        raise UserError(f"--province {province!r}: expected a slug like 'lang-son'")
    if limit is not None and limit < 0:
        raise UserError("--limit must be 0 or more")
    files = _expand(paths)
    normalize = normalizer()
    counts = {"files": 0, "articles": 0, "new": 0, "changed": 0, "unchanged": 0}
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(unit=" articles", desc="import", disable=None)
    try:
        with Store(data_dir, write=True) as store:
            batch: list[dict] = []
            for path, default_site in files:
                if limit is not None and counts["articles"] + len(batch) >= limit:
                    break
                reader = _read_txt if _kind(path) == "txt" else _read_jsonl
                for article in _checked(reader(path, site or default_site, province), path, normalize, counts):
                    batch.append(article)
                    if len(batch) >= batch_size:
                        _commit_batch(store, batch, counts, bar)
                        batch = []
                    if limit is not None and counts["articles"] + len(batch) >= limit:
                        break
                counts["files"] += 1
            _commit_batch(store, batch, counts, bar)
    finally:
        if bar is not None:
            bar.close()
    return counts

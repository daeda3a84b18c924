"""partycorpus merge OTHER_DATA [OTHER_DATA ...]: take into ``--data`` what other machines crawled.

From each other data folder (read only, never changed): its WARC files, copied under the same
names so every ``raw_ref`` still resolves; its spool (pending ``spool/*.jsonl`` and ingested
``spool/done/*.jsonl.gz``) upserted as articles; its crawl run records; its crawl-state rows (the
higher version wins). Everything is read and checked before anything is written, so bad input is
one line and changes nothing. Merging the same folder again changes nothing: an article whose
stored copy was fetched at the same time or later is kept as it is.

>>> # partycorpus --data data merge /mnt/may-b/data /mnt/may-c/data && partycorpus build
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import UserError

_MARKERS = ("crawl/state.sqlite", "crawl/runs", "spool", "warc")


@dataclass
class Source:
    """What one other data folder holds, checked readable."""

    path: Path
    warcs: list[Path] = field(default_factory=list)
    spools: list[Path] = field(default_factory=list)     # oldest run first (pending and done together)
    runs: list[Path] = field(default_factory=list)
    state_rows: list[dict] = field(default_factory=list)
    articles: int = 0


def _same_folder(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def _spool_order(p: Path) -> str:
    return p.name.removesuffix(".gz")


def scan(path: Path, target: Path) -> Source:
    """Check that ``path`` is another, readable data folder and list what it holds.

    >>> # scan(Path("/mnt/may-b/data"), Path("data")).warcs
    """
    from corpus.ingest import clean_article, read_spool_file

    if not path.exists():
        raise UserError(f"{path}: no such folder")
    if not path.is_dir():
        raise UserError(f"{path}: not a folder (expected another machine's data folder)")
    if _same_folder(path, target):
        raise UserError(f"{path}: is the --data folder itself; name another machine's data folder")
    if not any((path / m).exists() for m in _MARKERS):
        raise UserError(f"{path}: not a partycorpus data folder (no crawl/, spool/ or warc/ in it)")
    src = Source(path)
    current = path   # the file being read, for the error line
    try:
        src.warcs = sorted((path / "warc").glob("*.warc.gz"))
        spool = path / "spool"
        src.spools = sorted([*spool.glob("*.jsonl"), *(spool / "done").glob("*.jsonl.gz")], key=_spool_order)
        src.runs = sorted((path / "crawl" / "runs").glob("*.json"))
        for current in src.warcs:
            with open(current, "rb") as fh:
                fh.read(1)
        for current in src.spools:
            p = current
            for obj in read_spool_file(p):
                try:
                    clean_article(obj, normalize=lambda s: s)
                except ValueError as e:
                    raise UserError(f"{p}: article {obj.get('article_id')}: {e}") from None
                src.articles += 1
        for current in src.runs:
            obj = json.loads(current.read_text(encoding="utf-8"))
            if not isinstance(obj, dict) or not obj.get("run_id"):
                raise UserError(f"{current}: not a crawl run record")
        current = state = path / "crawl" / "state.sqlite"
        if state.exists():
            from crawler.state import CrawlState

            src.state_rows = CrawlState.read_rows(state)
    except UserError:
        raise
    except PermissionError as e:
        raise UserError(f"{e.filename or current}: permission denied") from None
    except (OSError, EOFError, zlib.error, UnicodeDecodeError, ValueError) as e:
        detail = str(e).splitlines()[0] if str(e) else type(e).__name__
        raise UserError(f"{current}: unreadable ({detail})") from None
    except sqlite3.Error as e:
        raise UserError(f"{path / 'crawl' / 'state.sqlite'}: not a readable crawl state ({e})") from None
    return src


def _sha1(path: Path, limit: int | None = None) -> str:
    h = hashlib.sha1()
    with open(path, "rb") as fh:
        left = limit
        while left is None or left > 0:
            chunk = fh.read(1 << 20 if left is None else min(1 << 20, left))
            if not chunk:
                break
            h.update(chunk)
            if left is not None:
                left -= len(chunk)
    return h.hexdigest()


def plan_warcs(src: Source, target: Path) -> list[Path]:
    """The WARC files to copy: absent here, or here as a shorter prefix (copied while the other machine
    still wrote). A file of the same name with other content is a conflict (one-line error)."""
    todo = []
    for p in src.warcs:
        ours = target / "warc" / p.name
        if not ours.exists():
            todo.append(p)
            continue
        size, theirs = ours.stat().st_size, p.stat().st_size
        if size <= theirs and _sha1(ours) == _sha1(p, size):
            if size < theirs:
                todo.append(p)
            continue
        raise UserError(f"{p}: {ours} has the same name and other content; not merged")
    return todo


def _copy(src: Path, dest: Path) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.parent / f".{dest.name}.merge.tmp"
    shutil.copyfile(src, tmp)
    with open(tmp, "rb") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, dest)


def merge_articles(store, src: Source, batch_size: int = 1000) -> dict:
    """Upsert the other folder's spooled articles; one stored copy fetched at the same time or later wins
    (so merging again, or an older copy after a newer one, changes nothing)."""
    import pyarrow as pa

    from corpus.ingest import clean_article, normalizer, read_spool_file
    from corpus.store import content_sha1

    counts = {"new": 0, "changed": 0, "unchanged": 0, "older": 0}
    normalize = normalizer()

    def flush(batch: dict[str, dict]) -> None:
        if not batch:
            return
        ids = sorted(batch)
        store.con.register("_merge_ids", pa.table({"article_id": pa.array(ids, type=pa.string())}))
        try:
            ours = {r[0]: (r[1], r[2]) for r in store.con.execute(
                "SELECT article_id, fetched_at, content_sha1 FROM articles WHERE article_id IN "
                "(SELECT article_id FROM _merge_ids)").fetchall()}
        finally:
            store.con.unregister("_merge_ids")
        take = []
        for aid in ids:
            a = batch[aid]
            if aid in ours and (ours[aid][0] or "") >= (a.get("fetched_at") or ""):
                # the same copy (unchanged) or an older one than ours: keep ours
                same = ours[aid][1] == content_sha1(a.get("title"), a.get("sapo"), a.get("text"))
                counts["unchanged" if same else "older"] += 1
                continue
            take.append(a)
        for k, v in store.upsert_articles(take).items():
            counts[k] += v

    batch: dict[str, dict] = {}
    for path in src.spools:
        for obj in read_spool_file(path):
            a = clean_article(obj, normalize)
            prev = batch.get(a["article_id"])
            if prev is None or (prev.get("fetched_at") or "") <= (a.get("fetched_at") or ""):
                batch[a["article_id"]] = a
            if len(batch) >= batch_size:
                flush(batch)
                batch = {}
    flush(batch)
    return counts


def merge_folder(target: Path, src: Source, store) -> dict:
    """Copy, upsert and merge one scanned folder into ``target`` (whose store is open for writing)."""
    from corpus.ingest import _load_runs
    from crawler.state import CrawlState

    warcs = plan_warcs(src, target)
    for p in warcs:
        _copy(p, target / "warc" / p.name)
    runs = 0
    for p in src.runs:
        ours = target / "crawl" / "runs" / p.name
        if not ours.exists():
            _copy(p, ours)
            runs += 1
    with store.transaction():
        counts = merge_articles(store, src)
        _load_runs(store, target)
    state_rows = 0
    if src.state_rows:
        state = CrawlState(target)
        try:
            state_rows = state.merge_rows(src.state_rows)
        finally:
            state.close()
    return {"warc_files": len(warcs), "runs": runs, "state_rows": state_rows, **counts}


def run(args) -> int:
    from corpus.store import Store

    target = Path(args.data)
    sources = []
    for name in dict.fromkeys(args.others):
        sources.append(scan(Path(name), target))
    for src in sources:   # conflicts are found before anything is written
        plan_warcs(src, target)
    with Store(target, write=True) as store:
        for src in sources:
            c = merge_folder(target, src, store)
            print(f"merged {src.path}: {c['warc_files']} WARC files copied, articles {c['new']} new, "
                  f"{c['changed']} changed, {c['unchanged']} unchanged, {c['older']} older than ours kept; "
                  f"{c['runs']} crawl runs, {c['state_rows']} crawl-state rows taken", flush=True)
    print("next: 'partycorpus build' extracts the merged articles", flush=True)
    return 0

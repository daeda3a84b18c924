"""The spool: ``DATA/spool/<run_id>-<pid>.jsonl``, one ``Article`` per line,
flushed and fsynced per line; ``corpus.ingest.ingest_spool`` moves it into the store.

>>> # SpoolWriter("data", "20250101T000000Z-ab12").write(Article(article_id="3f0c...", title="Đại hội chi bộ"))
"""
from __future__ import annotations

import json
import os
from dataclasses import asdict
from pathlib import Path

from records import Article


class SpoolWriter:
    """Append-only JSON-lines file of articles for one crawl process."""

    def __init__(self, data_dir: str | Path, run_id: str):
        self.path = Path(data_dir) / "spool" / f"{run_id}-{os.getpid()}.jsonl"
        self._f = None
        self.lines = 0

    def write(self, article: Article) -> None:
        """Append one article and make it durable (flush + fsync) before returning."""
        if self._f is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._f = open(self.path, "a", encoding="utf-8")
        self._f.write(json.dumps(asdict(article), ensure_ascii=False) + "\n")
        self._f.flush()
        os.fsync(self._f.fileno())
        self.lines += 1

    def close(self) -> None:
        if self._f is not None:
            self._f.close()
            self._f = None


def adopt_orphan_spools(data_dir: str | Path, state, register=None) -> int:
    """Record in the crawl state (and the shared register, when given) the articles of spool files
    whose writer process is gone.

    A crawl killed after fsyncing a spool line but before committing its state row (or its
    register row) would otherwise fetch that article again; the spool line is the proof it was stored.
    """
    from records import read_spool_file, writer_alive

    spool = Path(data_dir) / "spool"
    adopted = 0
    for path in sorted(spool.glob("*.jsonl")) if spool.is_dir() else []:
        if not writer_alive(path):
            articles = list(read_spool_file(path))
            adopted += state.adopt_spooled(articles)
            if register is not None:
                register.raise_to(spooled_rows(articles))
    return adopted


def spooled_rows(articles):
    """(url, ``Registered``) pairs of spooled article dicts (lines without url or sha1 are skipped)."""
    from .register import Registered

    for art in articles:
        if art.get("url") and art.get("content_sha1") and art.get("article_id"):
            yield art["url"], Registered(int(art.get("version") or 1), art["content_sha1"], art["article_id"])

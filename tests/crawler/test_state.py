"""Crawler state: several processes open and write one fresh SQLite state file at once."""
from __future__ import annotations

import multiprocessing as mp

from crawler.state import CrawlState


def _open_and_write(data_dir: str, worker: int, queue) -> None:
    try:
        state = CrawlState(data_dir)
        for i in range(10):
            with state.write():
                state.upsert(url=f"https://baolangson.vn/bai-{worker}-{i}.html", site="lso",
                             article_id=f"a{worker}-{i}", content_sha1="0" * 40, version=1)
            state.known("https://baolangson.vn/bai-0-0.html")
        state.close()
        queue.put("ok")
    except Exception as e:   # reported to the parent, which asserts on it
        queue.put(f"{type(e).__name__}: {e}")


def test_processes_starting_together_never_see_database_locked(tmp_path):
    ctx = mp.get_context("fork")
    for trial in range(25):
        data = tmp_path / f"d{trial}"
        queue = ctx.Queue()
        procs = [ctx.Process(target=_open_and_write, args=(str(data), w, queue)) for w in range(6)]
        for p in procs:
            p.start()
        results = [queue.get(timeout=120) for _ in procs]
        for p in procs:
            p.join(120)
        assert results == ["ok"] * 6, (trial, results)
        state = CrawlState(data)
        assert state.count() == 60
        state.close()

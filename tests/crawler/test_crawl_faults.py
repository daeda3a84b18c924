"""Faults in the middle of a crawl, each with a real server or process; after each, the next run stores
every article exactly once.

- a site that resets connections, answers slower than the download timeout, or truncates a response
  (the synthetic unseen site of ``unseen_site.py`` with a fault switched on);
- a write to the data folder that fails as on a full disk (a file size limit in the crawl process:
  the kernel answers EFBIG, as it answers ENOSPC on a full disk);
- Redis going away and coming back during a distributed crawl (a real redis-server, stopped and
  started again on the same port).
"""
from __future__ import annotations

import os
import resource
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from unseen_site import ARTICLES, FOURTH, UnseenSite, article_path

ROOT = Path(__file__).resolve().parents[2]


def crawl_cmd(data: Path, site: UnseenSite, *extra: str) -> list[str]:
    return [sys.executable, "-m", "corpus.cli", "--data", str(data), "crawl", "--start-url", site.base_url + "/",
            "--no-polite", "--max-pages", "60", *extra]


def run(cmd: list[str], timeout: float = 120, **kw) -> subprocess.CompletedProcess:
    env = {**os.environ, "PARTYCORPUS_LOG_LEVEL": "ERROR", "PARTYCORPUS_DOWNLOAD_TIMEOUT": "2", **kw.pop("env", {})}
    return subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout, **kw)


def stored_urls(data: Path) -> list[str]:
    from corpus.store import Store

    with Store(data) as store:
        return sorted(r[0] for r in store.sql("SELECT url FROM articles").fetchall())


def expect_each_once(data: Path, site: UnseenSite, arts=ARTICLES) -> None:
    urls = stored_urls(data)
    assert urls == sorted(site.base_url + article_path(a) for a in arts), urls   # each once, nothing else


def test_a_site_that_resets_answers_slowly_or_truncates_then_the_next_run_stores_every_article_once(tmp_path):
    data = tmp_path / "data"
    with UnseenSite() as site:
        site.add_fourth()
        faulty = {"reset": [*ARTICLES, FOURTH][0], "slow": [*ARTICLES, FOURTH][1], "truncate": [*ARTICLES, FOURTH][2]}
        site.faults = {article_path(a): fault for fault, a in faulty.items()}
        proc = run(crawl_cmd(data, site))
        assert proc.returncode == 0, proc.stderr[-2000:]
        assert stored_urls(data) == [site.base_url + article_path(FOURTH)]   # never a half page stored
        import json

        runs = sorted((data / "crawl" / "runs").glob("*.json"), key=lambda p: p.stat().st_mtime)
        errors = json.loads(runs[-1].read_text(encoding="utf-8"))["errors"]
        assert errors.get("connection_lost") == 2 and errors.get("timeout") == 1, errors   # reset + truncated

        site.faults = {}
        proc = run(crawl_cmd(data, site, "--retry-failed"))
        assert proc.returncode == 0, proc.stderr[-2000:]
        expect_each_once(data, site, [*ARTICLES, FOURTH])
        assert site.fetches[article_path(FOURTH)] == 1, site.fetches   # a stored article is not fetched again


@pytest.mark.parametrize("limit", [40_000, 300_000], ids=["crawl-state", "store"])
def test_a_full_disk_during_a_crawl_then_the_next_run_stores_every_article_once(tmp_path, limit):
    """A file size limit (bytes per file) in the crawl process: the crawl state cannot be set up (40 kB),
    or the crawl goes through and the store outgrows the limit while the spool is ingested (300 kB)."""
    data = tmp_path / "data"
    with UnseenSite() as site:
        site.add_fourth()

        def small_disk():
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

        proc = run(crawl_cmd(data, site), preexec_fn=small_disk)
        assert "Traceback" not in proc.stderr, proc.stderr[-3000:]
        if proc.returncode != 0:   # a failed write is one line naming the file, never a traceback
            lines = proc.stderr.strip().splitlines()
            assert len(lines) == 1 and f"cannot write {data}" in lines[0], proc.stderr[-2000:]
        proc = run(crawl_cmd(data, site))
        assert proc.returncode == 0, proc.stderr[-2000:]
        expect_each_once(data, site, [*ARTICLES, FOURTH])
        proc = run(crawl_cmd(data, site))   # and a further run changes nothing
        assert proc.returncode == 0, proc.stderr[-2000:]
        expect_each_once(data, site, [*ARTICLES, FOURTH])
        assert all(site.fetches[article_path(a)] == 1 for a in [*ARTICLES, FOURTH]), site.fetches


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start_redis(port: int) -> subprocess.Popen:
    import redis

    proc = subprocess.Popen([shutil.which("redis-server"), "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                             "--appendonly", "no"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    client = redis.Redis(host="127.0.0.1", port=port)
    deadline = time.monotonic() + 10
    while True:
        try:
            client.ping()
            client.close()
            return proc
        except redis.ConnectionError:
            if time.monotonic() > deadline or proc.poll() is not None:
                raise RuntimeError("redis-server did not start")
            time.sleep(0.05)


@pytest.mark.redis
def test_redis_goes_away_and_comes_back_during_a_distributed_crawl(tmp_path):
    if not shutil.which("redis-server"):
        pytest.skip("redis-server is not installed (make test installs it: scripts/ensure-redis.sh)")
    data = tmp_path / "data"
    port = _free_port()
    url = f"redis://127.0.0.1:{port}/0"
    server = _start_redis(port)
    try:
        with UnseenSite() as site:
            site.add_fourth()
            site.slow_seconds = 1.0   # article pages answer in 1 s: the crawl is under way
            site.faults = {article_path(a): "slow" for a in [*ARTICLES, FOURTH]}
            env = {**os.environ, "PARTYCORPUS_LOG_LEVEL": "ERROR"}
            crawl = subprocess.Popen(crawl_cmd(data, site, "--redis", url), cwd=ROOT, env=env,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            try:
                deadline = time.monotonic() + 60
                while not any(site.fetches.get(article_path(a)) for a in [*ARTICLES, FOURTH]):
                    assert time.monotonic() < deadline and crawl.poll() is None, crawl.stderr
                    time.sleep(0.05)
                server.terminate()   # Redis goes away in the middle of the crawl ...
                server.wait(10)
                time.sleep(1.5)
                server = _start_redis(port)   # ... and comes back (empty: it kept nothing)
                out, err = crawl.communicate(timeout=120)
            finally:
                crawl.kill()
            assert "Traceback" not in err, err[-3000:]
            assert crawl.returncode == 0, err[-2000:]
            import json

            record = json.loads(next((data / "crawl" / "runs").glob("*.json")).read_text(encoding="utf-8"))
            assert record["errors"].get("redis_unreachable", 0) >= 1 or "redis" in err, (record, err[-2000:])
            site.faults = {}
            proc = run(crawl_cmd(data, site, "--redis", url, "--retry-failed"))
            assert proc.returncode == 0, proc.stderr[-2000:]
            expect_each_once(data, site, [*ARTICLES, FOURTH])
            fetched = [site.fetches[article_path(a)] for a in [*ARTICLES, FOURTH]]
            proc = run(crawl_cmd(data, site, "--redis", url))   # and a further run fetches none again
            assert proc.returncode == 0, proc.stderr[-2000:]
            assert [site.fetches[article_path(a)] for a in [*ARTICLES, FOURTH]] == fetched
            expect_each_once(data, site, [*ARTICLES, FOURTH])
    finally:
        server.terminate()
        server.wait(10)

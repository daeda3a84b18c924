"""Distributed mode: two crawler processes share one scrapy-redis queue and dupefilter."""
from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from crawler.urls import article_id

try:
    from .test_crawl import ROOT, small_mirror, stored
except ImportError:   # tests/crawler is not a package: pytest put this folder on sys.path
    from test_crawl import ROOT, small_mirror, stored

pytestmark = pytest.mark.redis


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def redis_url():
    binary = shutil.which("redis-server")
    if not binary:
        pytest.skip("redis-server is not installed (make test installs it: scripts/ensure-redis.sh)")
    port = _free_port()
    proc = subprocess.Popen([binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                             "--daemonize", "no"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        import redis

        client = redis.Redis(host="127.0.0.1", port=port)
        deadline = time.monotonic() + 10
        while True:
            try:
                client.ping()
                break
            except redis.ConnectionError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise RuntimeError("redis-server did not start")
                time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0"
        client.close()
    finally:
        proc.terminate()
        proc.wait(10)


def _run_keys(client) -> list[bytes]:
    """Keys of one run (queue, dupefilter, leases); the article register and listing walks stay."""
    return [k for k in client.keys("partycorpus*") if not k.startswith((b"partycorpus:articles",
                                                                          b"partycorpus:listings:"))]


def test_two_processes_share_the_queue_and_store_each_article_once(tmp_path, redis_url):
    data = tmp_path / "data"
    with small_mirror(tmp_path, per_site=4, slow_seconds=0) as m:
        sites_dir = m.write_site_files(tmp_path / "sites")
        env = {**os.environ, "PARTYCORPUS_LOG_LEVEL": "ERROR"}
        cmd = [sys.executable, "-m", "corpus.cli", "--data", str(data), "crawl", "--all", "--sites-dir",
               str(sites_dir), "--no-polite", "--redis", redis_url]
        procs = [subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for _ in range(2)]
        outs = []
        try:
            for p in procs:
                outs.append(p.communicate(timeout=120))
        finally:
            for p in procs:
                p.kill()
        for p, (out, err) in zip(procs, outs):
            assert p.returncode == 0, err[-2000:]
        # both processes crawled; every article page was fetched by one of them only
        runs = [json.loads(p.read_text()) for p in (data / "crawl" / "runs").glob("*.json")]
        assert len(runs) == 2 and all(r["pages"] > 0 for r in runs)
        expected = {article_id(m.url(i)) for i in m.articles}
        got = stored(data)
        assert expected <= set(got)
        assert all(v[0] == 1 for v in got.values())
        assert sum(r["new"] for r in runs) == len(got)
        twice = {i: m.fetch_count(m.url(i)) for i in m.articles if m.fetch_count(m.url(i)) != 1}
        assert not twice, (twice, [r.get("errors") for r in runs])
        import redis

        client = redis.Redis.from_url(redis_url)
        assert _run_keys(client) == []   # the last worker cleaned up the queue, dupefilter and leases ...
        assert client.hlen("partycorpus:articles") >= len(expected)   # ... and kept the register of stored articles
        client.close()


def test_a_worker_that_finishes_first_keeps_the_queue_and_dupefilter_of_the_others(tmp_path, redis_url):
    """Regression: the worker count was never raised (a lambda connected to a Scrapy signal is a weak
    reference and was collected), so the first process to finish deleted the dupefilter under the other
    one, which then fetched pages again."""
    import redis

    from crawler.run import RedisWorkers
    from crawler.spiders.site import SiteSpider

    client = redis.Redis.from_url(redis_url)
    other = RedisWorkers(client, SiteSpider.name)   # another crawl process, still at work
    assert other.join() == 1
    data = tmp_path / "data"
    with small_mirror(tmp_path, per_site=1, slow_seconds=0) as m:
        sites_dir = m.write_site_files(tmp_path / "sites")
        env = {**os.environ, "PARTYCORPUS_LOG_LEVEL": "ERROR"}
        proc = subprocess.run([sys.executable, "-m", "corpus.cli", "--data", str(data), "crawl", "--all",
                               "--sites-dir", str(sites_dir), "--no-polite", "--redis", redis_url],
                              cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
        assert proc.returncode == 0, proc.stderr[-2000:]
        assert set(stored(data)) >= {article_id(m.url(i)) for i in m.articles}
    assert client.zrange(other.key, 0, -1) == [other.member.encode()], \
        "the crawl did not leave, or cleared the keys of a worker at work"
    seen = client.scard(other.shared_keys[1])
    assert seen >= len(m.articles), "the dupefilter was cleared while another worker was at work"
    assert other.leave() == 0
    assert _run_keys(client) == []   # the last worker out cleaned up
    client.close()


@pytest.mark.parametrize("steps, left_after_each, keys_remain", [
    (["a.join", "a.leave"], [1, 0], False),
    (["a.join", "b.join", "a.leave"], [1, 2, 1], True),
    (["a.join", "b.join", "a.leave", "b.leave"], [1, 2, 1, 0], False),
    (["a.join", "a.leave", "b.join"], [1, 0, 1], False),    # a late worker starts afresh
    (["a.join", "b.join", "b.leave", "b.join"], [1, 2, 1, 2], True),
])
def test_worker_count_and_last_worker_cleanup(redis_url, steps, left_after_each, keys_remain):
    import redis

    from crawler.run import RedisWorkers

    client = redis.Redis.from_url(redis_url)
    workers = {name: RedisWorkers(client, "partycorpus-sites", heartbeat=None) for name in "ab"}
    counts = []
    for step in steps:
        name, action = step.split(".")
        client.sadd(workers[name].shared_keys[1], "fingerprint-of-a-seen-page")
        counts.append(getattr(workers[name], action)())
    assert counts == left_after_each
    assert bool(client.exists(workers["a"].shared_keys[1])) == keys_remain
    client.close()


def test_a_killed_worker_is_counted_out_when_its_lease_ends(redis_url):
    """A worker killed with SIGKILL never leaves: once its lease ends, the others no longer wait for it,
    and the next crawl does not inherit its queue and dupefilter."""
    import redis

    from crawler.run import RedisWorkers

    client = redis.Redis.from_url(redis_url)
    dead = RedisWorkers(client, "partycorpus-sites", lease=1, heartbeat=None)    # never renews: "killed"
    alive = RedisWorkers(client, "partycorpus-sites", lease=30, heartbeat=0.2)
    assert dead.join() == 1
    assert alive.join() == 2
    client.sadd(alive.shared_keys[1], "fingerprint-of-a-seen-page")
    time.sleep(1.6)    # several heartbeats of the live worker, and the dead one's lease is over
    assert client.zrange(alive.key, 0, -1) == [alive.member.encode()]
    assert alive.leave() == 0                      # the last live worker cleans up, despite the dead one
    assert client.keys("partycorpus*") == []

    ghost = RedisWorkers(client, "partycorpus-sites", lease=1, heartbeat=None)
    assert ghost.join() == 1                       # then killed: never leaves
    client.sadd(ghost.shared_keys[1], "fingerprint-of-a-seen-page")
    time.sleep(1.2)
    late = RedisWorkers(client, "partycorpus-sites", heartbeat=None)
    assert late.join() == 1                        # the ghost is counted out ...
    assert not client.exists(late.shared_keys[1])  # ... and its dupefilter does not hide pages from this run
    assert late.leave() == 0
    client.close()

"""Crawling on several machines: each its own data folder, one shared Redis (real redis-server and the
synthetic mirror on 127.0.0.1), then ``partycorpus merge`` brings the folders together."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from crawler.archive import read_record
from crawler.register import ArticleRegister, Registered
from crawler.urls import article_id

try:
    from .test_crawl import ROOT, cli, small_mirror, stored
    from .test_distributed import redis_url  # noqa: F401  (the fixture)
except ImportError:   # tests/crawler is not a package: pytest put this folder on sys.path
    from test_crawl import ROOT, cli, small_mirror, stored
    from test_distributed import redis_url  # noqa: F401

pytestmark = pytest.mark.redis

URL = "https://baolangson.vn/chi-bo-thon-ban-thi-12345.html"
V1 = Registered(1, "a" * 40, "3f0c1b")
V2 = Registered(2, "b" * 40, "3f0c1b")


@pytest.fixture
def register(redis_url):  # noqa: F811
    import redis

    client = redis.Redis.from_url(redis_url)
    yield ArticleRegister(client, prefix="thu-nghiem")
    client.close()


# -- the compare-and-set script ---------------------------------------------------------------

@pytest.mark.parametrize("before, expected, new, won, after", [
    (None, None, V1, True, V1),    # first store of an article
    (None, V1, V2, False, None),   # read a row that is not there (state changed under us): lost
    (V1, None, V1, False, V1),     # another worker stored it after we read "absent": ours is a duplicate
    (V1, V1, V2, True, V2),        # changed article: the row we read is still there
    (V2, V1, V2, False, V2),       # another worker stored version 2 meanwhile
])
def test_compare_and_set_only_over_the_row_that_was_read(register, before, expected, new, won, after):
    if before is not None:
        register.client.hset(register.key, URL, before.encode())
    assert register.compare_and_set([URL], expected.encode() if expected else None, new) is won
    assert register.lookup([URL])[URL] == after


def test_compare_and_set_records_aliases_and_lookup_is_canonical(register):
    old = "https://baolangson.vn/tin-tuc/12345?utm_source=facebook"
    assert register.compare_and_set([URL, old], None, V1)
    got = register.lookup([URL + "?fbclid=abc", old, "https://baolangson.vn/khac-1.html"])
    assert list(got.values()) == [V1, V1, None]
    assert register.registered([old, "https://baolangson.vn/khac-1.html"]) == {"https://baolangson.vn/tin-tuc/12345"}


@pytest.mark.parametrize("before, offered, after", [
    (None, V1, V1),   # unknown URL: taken
    (V1, V2, V2),     # higher version: raised
    (V2, V1, V2),     # lower version (an old spool line): left
])
def test_raise_to_keeps_the_higher_version(register, before, offered, after):
    if before is not None:
        register.client.hset(register.key, URL, before.encode())
    register.raise_to([(URL, offered)])
    assert register.lookup([URL])[URL] == after


@pytest.mark.parametrize("steps, clean_after_each", [
    # (run id of the worker that fetched the listing's first page, whether its walk reached the end)
    ([("r1", False)], [False]),                                      # never walked: to the end
    ([("r1", True), ("r2", True)], [False, True]),                   # the last walk reached its end: may stop
    ([("r1", True), ("r2", False), ("r3", True)], [False, True, False]),   # the last walk was cut short
    ([("r1", True), ("r2", False), ("r2", True)], [False, True, True]),    # a second worker joins its run's walk
    ([("r1", False), ("r1", True), ("r2", True)], [False, False, True]),   # ... whose end finishes the run's walk
])
def test_listing_walks_are_counted_once_per_run(register, steps, clean_after_each):
    listing = "https://baolangson.vn/xay-dung-dang"
    got = []
    for run_id, reached_end in steps:
        register.run_id = run_id
        got.append(register.start_listing_walk(listing))
        if reached_end:
            register.finish_listing_walk(listing)
    assert got == clean_after_each


# -- two machines, one Redis ----------------------------------------------------------------------

def _crawl_both(data_a: Path, data_b: Path, sites_dir: Path, redis: str) -> list[dict]:
    env = {**os.environ, "PARTYCORPUS_LOG_LEVEL": "ERROR"}
    procs = [subprocess.Popen([sys.executable, "-m", "corpus.cli", "--data", str(d), "crawl", "--all", "--sites-dir",
                               str(sites_dir), "--no-polite", "--redis", redis],
                              cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for d in (data_a, data_b)]
    try:
        outs = [p.communicate(timeout=120) for p in procs]
    finally:
        for p in procs:
            p.kill()
    for p, (_, err) in zip(procs, outs):
        assert p.returncode == 0, err[-2000:]
    runs = []
    for d in (data_a, data_b):
        newest = max((d / "crawl" / "runs").glob("*.json"), key=lambda p: p.stat().st_mtime)
        runs.append(json.loads(newest.read_text(encoding="utf-8")))
    return runs


def _articles_table(data: Path) -> list[tuple]:
    from corpus.store import Store

    with Store(data) as store:
        return store.sql("SELECT * FROM articles ORDER BY article_id").fetchall()


def _folder_files(data: Path) -> dict[str, int]:
    return {str(p.relative_to(data)): p.stat().st_size for p in sorted(data.rglob("*")) if p.is_file()}


def test_two_machines_share_one_redis_then_merge(tmp_path, redis_url):  # noqa: F811
    a, b = tmp_path / "may-a", tmp_path / "may-b"
    with small_mirror(tmp_path, per_site=4, slow_seconds=0) as m:
        sites_dir = m.write_site_files(tmp_path / "sites")
        runs = _crawl_both(a, b, sites_dir, redis_url)
        expected = {article_id(m.url(i)) for i in m.articles}
        got_a, got_b = stored(a), stored(b)
        # every mirror article stored exactly once across the two machines
        assert not set(got_a) & set(got_b), set(got_a) & set(got_b)
        assert expected <= set(got_a) | set(got_b)
        assert all(r["pages"] > 0 for r in runs), runs
        assert all(r["duplicates"] == 0 for r in runs)
        assert sum(r["new"] for r in runs) == len(got_a) + len(got_b)
        fetched = {i: m.fetch_count(m.url(i)) for i in m.articles}
        assert set(fetched.values()) == {1}, fetched

        # a second crawl by both machines fetches no article page again
        runs = _crawl_both(a, b, sites_dir, redis_url)
        assert {i: m.fetch_count(m.url(i)) for i in m.articles} == fetched
        assert sum(r["new"] + r["changed"] for r in runs) == 0

    # machine A takes in what B crawled
    proc = cli(a, "merge", str(b), timeout=60)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "WARC files copied" in proc.stdout
    merged = stored(a)   # asserts each article_id once
    assert set(merged) == set(got_a) | set(got_b)
    from corpus.store import Store

    with Store(a) as store:
        refs = dict(store.sql("SELECT article_id, raw_ref FROM articles").fetchall())
    for aid, ref in refs.items():
        rec = read_record(a, ref)
        assert rec["status"] == 200 and article_id(rec["url"]) == aid
    import sqlite3

    con = sqlite3.connect(a / "crawl" / "state.sqlite")
    state_ids = {r[0] for r in con.execute("SELECT article_id FROM articles")}
    con.close()
    assert set(merged) <= state_ids

    # build extracts the merged articles; merging again changes nothing: same rows, same files,
    # nothing left to build, byte-identical export
    proc = cli(a, "build", "--jobs", "1", timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert f"built {len(merged)} of {len(merged)} pending articles" in proc.stdout, proc.stdout
    proc = cli(a, "export", "--format", "csv", "--out", str(tmp_path / "export-1"), timeout=60)
    assert proc.returncode == 0, proc.stderr[-2000:]
    rows, files = _articles_table(a), _folder_files(a)
    proc = cli(a, "merge", str(b), timeout=60)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "0 WARC files copied, articles 0 new, 0 changed" in proc.stdout
    assert _articles_table(a) == rows
    assert {k: v for k, v in _folder_files(a).items() if "corpus" not in k} == \
        {k: v for k, v in files.items() if "corpus" not in k}
    proc = cli(a, "build", "--jobs", "1", timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "built 0 of 0 pending" in proc.stdout or "nothing to build" in proc.stdout.lower(), proc.stdout
    proc = cli(a, "export", "--format", "csv", "--out", str(tmp_path / "export-2"), timeout=60)
    assert proc.returncode == 0, proc.stderr[-2000:]
    csvs = sorted(p.name for p in (tmp_path / "export-1").glob("*.csv"))
    assert csvs
    for name in csvs:
        assert (tmp_path / "export-1" / name).read_bytes() == (tmp_path / "export-2" / name).read_bytes(), name

    # bad input: one line, exit non-zero, nothing changed
    not_data = tmp_path / "khong-phai-du-lieu"
    not_data.mkdir()
    (not_data / "ghi-chu.txt").write_text("không phải thư mục dữ liệu\n", encoding="utf-8")
    broken = tmp_path / "may-c"
    (broken / "spool").mkdir(parents=True)
    (broken / "spool" / "20260101T000000Z-ab12-1.jsonl").write_text('{"article_id": "x:1", "text": "Chi bộ"}\nhỏng\n'
                                                                    '{"article_id": "x:2"}\n', encoding="utf-8")
    (broken / "spool" / "done").mkdir()
    for other, message in [(not_data, "not a partycorpus data folder"), (a, "is the --data folder itself"),
                           (tmp_path / "khong-co", "no such folder"), (broken, "not a JSON object")]:
        proc = cli(a, "merge", str(b), str(other), timeout=60)
        assert proc.returncode == 2, (other, proc.stdout, proc.stderr)
        assert message in proc.stderr and "Traceback" not in proc.stderr and proc.stderr.count("\n") == 1, proc.stderr
        assert _articles_table(a) == rows


def test_merge_keeps_the_newer_copy_of_an_article(tmp_path):
    """Machine B fetched a newer version of an article that A also has: B's wins; merging an older copy
    afterwards (or again) keeps it."""
    from corpus.ingest import ingest_spool

    def spool(folder: Path, name: str, **fields):
        art = {"article_id": "lso:1", "url": "http://127.0.0.1/chi-bo-1.html", "site": "lso", "title": "Chi bộ",
               "text": "Đảng viên", "content_sha1": "x", "version": 1, **fields}
        (folder / "spool").mkdir(parents=True, exist_ok=True)
        (folder / "spool" / name).write_text(json.dumps(art, ensure_ascii=False) + "\n", encoding="utf-8")

    a, b, c = (tmp_path / n for n in ("may-a", "may-b", "may-c"))
    spool(a, "20260101T000000Z-aaaa-1.jsonl", fetched_at="2026-01-01T00:00:00+00:00")
    ingest_spool(a)
    spool(b, "20260102T000000Z-bbbb-1.jsonl", fetched_at="2026-01-02T00:00:00+00:00", text="Đảng viên mới", version=2)
    spool(c, "20251231T000000Z-cccc-1.jsonl", fetched_at="2025-12-31T00:00:00+00:00", text="Bản cũ")
    for other, text in [(b, "Đảng viên mới"), (c, "Đảng viên mới"), (b, "Đảng viên mới")]:
        proc = cli(a, "merge", str(other), timeout=60)
        assert proc.returncode == 0, proc.stderr[-2000:]
        from corpus.store import Store

        with Store(a) as store:
            assert store.sql("SELECT text, version FROM articles").fetchall() == [(text, 2)]


def test_generic_crawls_on_two_machines_skip_what_the_other_stored(tmp_path, redis_url):  # noqa: F811
    """The generic spider asks the register too: machine B, crawling the same site after A, fetches no
    article page A stored."""
    a, b = tmp_path / "may-a", tmp_path / "may-b"
    with small_mirror(tmp_path, per_site=3, slow_seconds=0) as m:
        start = m.base_urls["lso"] + "/"
        lso = {article_id(m.url(i)): i for i, art in m.articles.items() if art["site"] == "lso"}
        counts = []
        for data in (a, b):
            proc = cli(data, "crawl", "--start-url", start, "--province", "lang-son", "--max-pages", "120",
                       "--no-polite", "--redis", redis_url)
            assert proc.returncode == 0, proc.stderr[-2000:]
            counts.append({i: m.fetch_count(m.url(i)) for i in lso.values()})
        assert set(lso) <= set(stored(a))
        assert not (b / "corpus.duckdb").exists() or not set(lso) & set(stored(b))
        # fetched once by A, never by B, even through the old URLs that redirect to them
        assert counts == [{i: 1 for i in lso.values()}] * 2, counts

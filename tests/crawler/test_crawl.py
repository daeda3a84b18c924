"""The crawler against the synthetic mirror (real HTTP servers on 127.0.0.1).

Every crawl runs the real CLI in a subprocess (one Twisted reactor per process)
and is bounded in time; the mirror counts the requests it answers.
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from crawler.archive import iter_records, read_record
from crawler.mirror.server import ROBOTS_DISALLOWED, Mirror
from crawler.urls import article_id

ROOT = Path(__file__).resolve().parents[2]
CRAWL_TIMEOUT = 90


def cli(data: Path, *args: str, timeout: float = CRAWL_TIMEOUT) -> subprocess.CompletedProcess:
    env = {**os.environ, "PARTYCORPUS_LOG_LEVEL": "WARNING"}
    return subprocess.run([sys.executable, "-m", "corpus.cli", "--data", str(data), *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=timeout)


def crawl(data: Path, sites_dir: Path, *extra: str) -> subprocess.CompletedProcess:
    proc = cli(data, "crawl", "--all", "--sites-dir", str(sites_dir), "--no-polite", *extra)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc


def stored(data: Path) -> dict[str, tuple]:
    """article_id -> (version, url, title) of the store's current articles (each id must appear once)."""
    from corpus.store import Store

    with Store(data) as store:
        rows = store.sql("SELECT article_id, version, url, title FROM articles").fetchall()
    ids = [r[0] for r in rows]
    assert len(ids) == len(set(ids)), "an article is stored twice"
    return {r[0]: r[1:] for r in rows}


def last_run(data: Path) -> dict:
    runs = sorted((data / "crawl" / "runs").glob("*.json"), key=lambda p: p.stat().st_mtime)
    return json.loads(runs[-1].read_text(encoding="utf-8"))


def small_mirror(tmp_path: Path, per_site: int = 3, **kwargs) -> Mirror:
    """The mirror with the first ``per_site`` synthetic articles of each site (keeps tests fast)."""
    from collections import defaultdict

    from crawler.mirror.articles import CONTENT_DIR

    dest = tmp_path / "content"
    dest.mkdir()
    by_site = defaultdict(list)
    for path in sorted(CONTENT_DIR.glob("*.yaml")):
        by_site[path.name.split("-", 1)[0]].append(path)
    for paths in by_site.values():
        for path in paths[:per_site]:
            (dest / path.name).write_bytes(path.read_bytes())
    return Mirror(content_dir=dest, **kwargs)


def mirror_ids(m: Mirror, site: str | None = None) -> dict[str, int]:
    return {article_id(m.url(i)): i for i, a in m.articles.items() if site is None or a["site"] == site}


NEW_ARTICLE = {
    "synthetic": True, "id": 9901, "site": "lso", "section": "xay-dung-dang", "province": "lang-son",
    "published": "2024-05-02 09:00", "author": "PHÓNG VIÊN THỬ",
    "title": "Chi bộ thôn Bản Thí kết nạp thêm hai đảng viên trẻ",
    "sapo": "Bài mô phỏng viết cho kiểm thử trình thu thập: một bài mới xuất hiện giữa hai lần thu thập.",
    "body": "Năm 2024, Chi bộ thôn Bản Thí kết nạp thêm 2 đảng viên trẻ, nâng tổng số đảng viên lên 31.\n\n"
            "Chi bộ phấn đấu mỗi năm kết nạp ít nhất 1 đảng viên mới và duy trì sinh hoạt định kỳ hằng tháng.\n\n"
            "Đồng chí Bí thư Chi bộ cho biết việc tạo nguồn phát triển đảng viên được chú trọng từ đoàn viên thanh niên.",
}


def _revalidating(sites_dir: Path, dest: Path) -> Path:
    dest.mkdir()
    for path in sites_dir.glob("*.yaml"):
        (dest / path.name).write_text(path.read_text(encoding="utf-8") + "\nrevalidate: true\n", encoding="utf-8")
    return dest


def test_full_incremental_revalidated_crawls_then_rebuild(tmp_path):
    data = tmp_path / "data"
    with small_mirror(tmp_path, slow_seconds=0) as m:
        sites_dir = m.write_site_files(tmp_path / "sites")
        crawl(data, sites_dir)
        expected = mirror_ids(m)
        got = stored(data)
        assert set(expected) <= set(got), f"missing: {[expected[i] for i in set(expected) - set(got)]}"
        assert all(v[0] == 1 for v in got.values())
        # robots.txt obeyed, tracking-parameter duplicates collapsed
        assert m.fetch_count(m.base_urls["lso"] + ROBOTS_DISALLOWED) == 0
        assert m.fetch_count(m.base_urls["lso"] + "/admin/dang-nhap") == 0
        assert m.fetch_count(m.traps["tracking_duplicate"]) == 1
        assert not any("utm_" in v[1] or "fbclid" in v[1] for v in got.values())
        run1 = last_run(data)
        for reason in ("http_404", "http_500", "oversized", "robots_disallowed"):
            assert run1["errors"].get(reason, 0) >= 1, (reason, run1["errors"])
        assert run1["new"] >= len(expected) and run1["pages"] > len(expected)
        # raw archive: a stored article points at its archived response
        some = next(iter(expected))
        from corpus.store import Store

        with Store(data) as store:
            raw_ref = store.sql("SELECT raw_ref FROM articles WHERE article_id = ?", [some]).fetchone()[0]
        rec = read_record(data, raw_ref)
        assert rec["status"] == 200 and article_id(rec["url"]) == some and rec["body"].lstrip().startswith(b"<")

        # second crawl: no article page is fetched again
        before = {i: m.fetch_count(m.url(i)) for i in m.articles}
        crawl(data, sites_dir)
        assert {i: m.fetch_count(m.url(i)) for i in m.articles} == before
        run2 = last_run(data)
        assert run2["new"] == 0 and run2["changed"] == 0
        assert stored(data).keys() == got.keys()

        # a changed article (revalidated) is versioned; a new one is fetched once
        changed_id = sorted(i for i, a in m.articles.items() if a["site"] == "qno")[0]
        changed_aid = article_id(m.url(changed_id))
        m.update_article(changed_id, title=m.articles[changed_id]["title"] + " (cập nhật)")
        new_url = m.add_article(dict(NEW_ARTICLE))
        crawl(data, _revalidating(sites_dir, tmp_path / "sites-revalidate"))
        third = stored(data)
        assert third[changed_aid][0] == 2 and third[changed_aid][2].endswith("(cập nhật)")
        assert third[article_id(new_url)][0] == 1
        assert m.fetch_count(new_url) == 1
        run3 = last_run(data)
        assert run3["changed"] == 1 and run3["new"] == 1
        assert run3["unchanged"] >= 3   # revalidated: answered 304 (paging stops at a page with nothing unseen)

    # rebuild from the archive with the mirror gone: no network needed
    n_records = sum(1 for _ in iter_records(data))
    proc = cli(data, "rebuild")
    assert proc.returncode == 0, proc.stderr
    assert f"{n_records} archived records" in proc.stdout
    assert stored(data).keys() == third.keys()


def test_killed_crawl_resumes_without_loss_or_duplicates(tmp_path):
    data = tmp_path / "data"
    with small_mirror(tmp_path, per_site=4, slow_seconds=4) as m:
        sites_dir = m.write_site_files(tmp_path / "sites")
        env = {**os.environ, "PARTYCORPUS_LOG_LEVEL": "ERROR"}
        proc = subprocess.Popen([sys.executable, "-m", "corpus.cli", "--data", str(data), "crawl", "--all",
                                 "--sites-dir", str(sites_dir), "--no-polite"], cwd=ROOT, env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                lines = sum(p.read_bytes().count(b"\n") for p in (data / "spool").glob("*.jsonl")) \
                    if (data / "spool").is_dir() else 0
                if lines >= 3 or proc.poll() is not None:
                    break
                time.sleep(0.05)
            assert proc.poll() is None, "the crawl ended before it could be killed"
            os.kill(proc.pid, signal.SIGKILL)
        finally:
            proc.kill()
            proc.wait(10)
        assert not (data / "crawl" / "runs").exists() or not list((data / "crawl" / "runs").glob("*.json"))
        spooled_at_kill = _spooled_urls(data)
        assert spooled_at_kill
        crawl(data, sites_dir)
        got = stored(data)
        expected = mirror_ids(m)
        assert set(expected) <= set(got)
        assert all(v[0] == 1 for v in got.values())
        # the killed run's spool was ingested too, and what it had stored was not fetched again
        # (pages in flight or downloaded but not yet stored when killed may be fetched twice)
        assert not list((data / "spool").glob("*.jsonl"))
        refetched = [u for u in spooled_at_kill if m.fetch_count(u) > 1]
        assert not refetched, refetched


@pytest.mark.parametrize("built_in_between", [False, True])
def test_spool_line_without_state_row_is_not_fetched_again(tmp_path, built_in_between):
    """The window a kill can hit: the spool line is fsynced, the state row not yet committed.
    The next crawl (or an ingest before it) takes the spool line as proof the article is stored."""
    import gzip
    import sqlite3

    data = tmp_path / "data"
    with small_mirror(tmp_path, per_site=2, slow_seconds=0) as m:
        sites_dir = m.write_site_files(tmp_path / "sites")
        crawl(data, sites_dir)
        done = sorted((data / "spool" / "done").glob("*.jsonl.gz"))
        line = gzip.decompress(done[0].read_bytes()).split(b"\n")[0] + b"\n"
        url = json.loads(line)["url"]
        assert m.fetch_count(url) == 1
        # a spool file of a crawl process that is gone, whose state row was never committed
        dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                              text=True).stdout.strip()
        (data / "spool" / f"20260101T000000Z-dead-{dead}.jsonl").write_bytes(line)
        con = sqlite3.connect(data / "crawl" / "state.sqlite")
        with con:
            assert con.execute("DELETE FROM articles WHERE url = ?", (url,)).rowcount == 1
        con.close()
        if built_in_between:
            proc = cli(data, "build")
            assert proc.returncode == 0, proc.stderr[-2000:]
            assert not list((data / "spool").glob("*.jsonl"))
        crawl(data, sites_dir)
        assert m.fetch_count(url) == 1
        con = sqlite3.connect(data / "crawl" / "state.sqlite")
        assert con.execute("SELECT version FROM articles WHERE url = ?", (url,)).fetchone() == (1,)
        con.close()
        assert all(v[0] == 1 for v in stored(data).values())


def _spooled_urls(data):
    """URLs of complete spool lines (a line cut by the kill is not stored)."""
    urls = []
    for p in (data / "spool").glob("*.jsonl"):
        for line in p.read_bytes().split(b"\n")[:-1]:
            urls.append(json.loads(line)["url"])
    return urls


def test_generic_crawl_from_start_url_counts_bad_pages(tmp_path):
    data = tmp_path / "data"
    with small_mirror(tmp_path, slow_seconds=0) as m:
        proc = cli(data, "crawl", "--start-url", m.base_urls["lso"] + "/", "--province", "lang-son",
                   "--max-pages", "120", "--no-polite")
        assert proc.returncode == 0, proc.stderr[-2000:]
        got = stored(data)
        lso = mirror_ids(m, "lso")
        assert set(lso) <= set(got), [lso[i] for i in set(lso) - set(got)]
        run = last_run(data)
        assert run["errors"].get("redirect_loop", 0) >= 1, run["errors"]
        assert m.fetch_count(m.base_urls["lso"] + ROBOTS_DISALLOWED) == 0
        proc = cli(data, "crawl", "--start-url", m.base_urls["qno"] + "/", "--max-pages", "120", "--no-polite")
        assert proc.returncode == 0, proc.stderr[-2000:]
        run = last_run(data)
        assert run["errors"].get("not_html", 0) >= 1 and run["errors"].get("http_500", 0) >= 1, run["errors"]
        assert set(mirror_ids(m, "qno")) <= set(stored(data))
        assert m.fetch_count(m.traps["tracking_duplicate"]) == 1


@pytest.mark.parametrize("args, message", [
    (["crawl", "--site", "khong-co"], "unknown site id 'khong-co'; known: baobinhthuan"),
    (["crawl", "--start-url", "ftp://baolangson.vn"], "expected an http(s) URL"),
    (["crawl", "--start-url", "https://baolangson.vn", "--province", "Lạng Sơn"], "--province"),
    (["crawl", "--all", "--redis", "localhost:6379"], "expected redis://"),
    (["crawl", "--all", "--sites-dir", "/khong/co/thu-muc"], "no such folder of site files"),
])
def test_crawl_bad_arguments_are_one_line_errors(tmp_path, args, message):
    proc = cli(tmp_path / "data", *args, timeout=30)
    assert proc.returncode == 2
    assert message in proc.stderr and "Traceback" not in proc.stderr and proc.stderr.count("\n") == 1


def test_failed_article_pages_wait_for_their_retry_time(tmp_path):
    """404, 500, oversized and empty pages are not fetched again by the next crawl, only with --retry-failed."""
    data = tmp_path / "data"
    with small_mirror(tmp_path, per_site=2, slow_seconds=0) as m:
        sites_dir = m.write_site_files(tmp_path / "sites")
        traps = [m.traps[name] for name in ("not_found", "server_error", "oversized", "empty_body")]
        crawl(data, sites_dir)
        first = {url: m.fetch_count(url) for url in traps}
        assert all(n >= 1 for n in first.values()), first
        from crawler.state import CrawlState

        state = CrawlState(data)
        counts = state.failure_counts()
        waiting = {url: state.waiting(url) for url in traps}
        state.close()
        assert {"http_404", "http_500", "oversized"} <= set(counts), counts
        assert {"empty_body", "not_article"} & set(counts), counts   # the page without text
        assert all(row is not None for row in waiting.values()), waiting
        assert waiting[m.traps["not_found"]]["retry_after"] > waiting[m.traps["server_error"]]["retry_after"]

        proc = crawl(data, sites_dir)
        assert {url: m.fetch_count(url) for url in traps} == first
        run2 = last_run(data)
        assert run2["skipped_waiting"] >= len(traps)
        assert "http_404" not in run2["errors"] and "http_500" not in run2["errors"]
        assert "not yet due for a retry" in proc.stdout

        crawl(data, sites_dir, "--retry-failed")
        assert all(m.fetch_count(url) > first[url] for url in traps)
        state = CrawlState(data)
        again = state.waiting(m.traps["not_found"])
        state.close()
        assert again["failures"] == 2
        stats = cli(data, "stats")
        assert stats.returncode == 0, stats.stderr
        assert "pages that failed and wait for a retry:" in stats.stdout and "http_404 1" in stats.stdout


def _new_lso_article(n: int) -> dict:
    return {**NEW_ARTICLE, "id": 9910 + n, "published": f"2024-06-{n + 1:02d} 08:00",
            "title": f"Đảng bộ xã thứ {n} kiện toàn chi bộ thôn (bài mô phỏng {n})"}


def test_a_listing_walk_cut_short_is_finished_by_the_next_crawl(tmp_path):
    """Eight new articles (more than a listing page) appear; the crawl that meets them fails on listing page 2.
    The next crawl finds page 1 all known but does not stop there: the last walk did not reach its end."""
    data = tmp_path / "data"
    with small_mirror(tmp_path, per_site=6, slow_seconds=0) as m:
        sites_dir = m.write_site_files(tmp_path / "sites")
        crawl(data, sites_dir)
        added = [m.add_article(_new_lso_article(n)) for n in range(8)]   # newest first: pages 1 and 2 of lso
        m.failing_listing_pages.add(("lso", 2))
        crawl(data, sites_dir)
        got = stored(data)
        missing = [u for u in added if article_id(u) not in got]
        assert missing, "listing page 2 failed, so some new articles must still be unknown"
        m.failing_listing_pages.clear()
        crawl(data, sites_dir)
        got = stored(data)
        assert all(article_id(u) in got for u in added), [u for u in added if article_id(u) not in got]
        assert all(m.fetch_count(u) == 1 for u in added)
        # the walk reached its end: the next crawl stops at listing page 1 (all known)
        listing = m.base_urls["lso"] + "/xay-dung-dang"
        before = m.site_stats["lso"].copy()
        crawl(data, sites_dir)
        paged = {p for p, n in (m.site_stats["lso"] - before).items() if "page=" in p}
        assert not paged, (listing, paged)


def test_update_crawls_builds_exports_and_runs_once_at_a_time(tmp_path):
    from filelock import FileLock

    data = tmp_path / "data"
    with small_mirror(tmp_path, per_site=2, slow_seconds=0) as m:
        sites_dir = m.write_site_files(tmp_path / "sites")
        held = FileLock(str(tmp_path / "data" / "update.lock"))
        (tmp_path / "data").mkdir()
        with held:   # an update still running (cron started the next one)
            busy = cli(data, "update", "--sites-dir", str(sites_dir), "--no-polite")
        assert busy.returncode == 75, busy.stderr
        assert busy.stderr.strip().count("\n") == 0 and "still running" in busy.stderr
        assert not (data / "corpus.duckdb").exists()   # nothing was touched

        proc = cli(data, "update", "--sites-dir", str(sites_dir), "--no-polite", "--out", str(tmp_path / "out"),
                   timeout=300)
        assert proc.returncode == 0, proc.stderr[-2000:]
        assert "built " in proc.stdout and "exported to" in proc.stdout
        assert set(stored(data)) >= set(mirror_ids(m))
        assert (tmp_path / "out" / "datapackage.json").exists()
        assert any((tmp_path / "out").rglob("indicators_long.csv"))
    bad = cli(tmp_path / "out" / "datapackage.json", "update")
    assert bad.returncode != 0 and "Traceback" not in bad.stderr and len(bad.stderr.strip().splitlines()) == 1

"""Faults: a corrupt, foreign or newer store file; a full disk; a read-only data
folder; a build killed with SIGKILL. Each gives one line and a non-zero exit,
and the store keeps its last committed state. Articles are synthetic."""
from __future__ import annotations

import json
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import pytest

from corpus.build import run_build
from corpus.store import Store
from corpus.schema import SCHEMA_VERSION

ROOT = Path(__file__).resolve().parents[2]


def cli(data, *argv, preexec_fn=None, env=None, timeout=120):
    return subprocess.run([sys.executable, "-m", "corpus.cli", "--data", str(data), *argv], capture_output=True,
                          text=True, timeout=timeout, preexec_fn=preexec_fn, env=env, cwd=ROOT)


def one_line_error(p, contains: str) -> None:
    assert p.returncode != 0, p.stdout
    assert p.stderr.count("\n") == 1 and "Traceback" not in p.stderr, p.stderr
    assert contains in p.stderr, p.stderr


def synthetic_articles(n: int, words: int = 60) -> list[dict]:
    """Synthetic articles (written for these tests), each a little different."""
    out = []
    for i in range(n):
        body = (f"Năm {2015 + i % 8}, Đảng bộ xã số {i} kết nạp được {10 + i} đảng viên mới, "
                f"đạt {90 + i % 20}% chỉ tiêu Nghị quyết Đại hội. ") + " ".join(
            f"Chi bộ thôn {i}-{k} sinh hoạt {k % 12 + 1} kỳ/năm." for k in range(words // 8))
        out.append({"article_id": f"thu:{i:04d}", "site": "thu", "province": "lang-son",
                    "published": f"{2015 + i % 8}-0{1 + i % 9}-1{i % 10}", "title": f"Xã số {i}", "text": body})
    return out


def _jsonl(path: Path, articles: list[dict]) -> Path:
    with open(path, "w", encoding="utf-8") as fh:
        for a in articles:
            fh.write(json.dumps({"id": a["article_id"].split(":")[1], "title": a["title"], "text": a["text"],
                                 "published": a["published"], "province": a["province"]}, ensure_ascii=False) + "\n")
    return path


def _count(data) -> int:
    with Store(data) as store:
        return store.sql("select count(*) from articles").fetchall()[0][0]


def _sha(path: Path) -> bytes:
    return path.read_bytes()


@pytest.mark.parametrize("content, message", [
    (b"\x00garbage that is not a database" * 100, "not a partycorpus store (corrupt or foreign file)"),
    (b"SQLite format 3\x00" + b"\x00" * 4000, "not a partycorpus store (corrupt or foreign file)"),
])
def test_corrupt_store_is_refused_and_left_alone(tmp_path, content, message):
    (tmp_path / "corpus.duckdb").write_bytes(content)
    for argv in (["stats"], ["build", "--jobs", "1"]):
        one_line_error(cli(tmp_path, *argv), message)
    assert (tmp_path / "corpus.duckdb").read_bytes() == content


@pytest.mark.parametrize("setup, message", [
    (["CREATE TABLE foo (a INTEGER)", "INSERT INTO foo VALUES (1)"], "foreign DuckDB file"),
    (["CREATE TABLE meta (key VARCHAR, value VARCHAR)", "INSERT INTO meta VALUES ('schema_version', '99')"],
     f"written by a newer partycorpus (schema 99 > {SCHEMA_VERSION})"),
])
def test_foreign_or_newer_store_is_refused(tmp_path, setup, message):
    con = duckdb.connect(str(tmp_path / "corpus.duckdb"))
    for q in setup:
        con.execute(q)
    con.close()
    before = _sha(tmp_path / "corpus.duckdb")
    one_line_error(cli(tmp_path, "stats"), message)
    src = _jsonl(tmp_path / "tap.jsonl", synthetic_articles(2))
    one_line_error(cli(tmp_path, "import", str(src)), message)
    assert _sha(tmp_path / "corpus.duckdb") == before


def test_disk_full_keeps_the_last_committed_state(tmp_path):
    data = tmp_path / "data"
    first = _jsonl(tmp_path / "dau.jsonl", synthetic_articles(3))
    assert cli(data, "import", str(first)).returncode == 0
    big = _jsonl(tmp_path / "lon.jsonl", synthetic_articles(700, words=400)[3:])
    limit = sum(p.stat().st_size for p in data.iterdir()) + 300_000

    def small_disk():  # a real write failure: EFBIG past the file size limit
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    p = cli(data, "import", str(big), preexec_fn=small_disk)
    one_line_error(p, "partycorpus import: error: cannot write")
    assert "the store keeps its last committed state" in p.stderr
    assert _count(data) == 3
    assert cli(data, "import", str(first)).returncode == 0  # still usable for writing


def _make_read_only(paths: list[Path]) -> bool:
    """A real read-only data folder: file modes, or for root (who ignores modes) the immutable attribute."""
    if os.geteuid() != 0:
        for p in paths:
            os.chmod(p, 0o555 if p.is_dir() else 0o444)
        return True
    if shutil.which("chattr") is None:
        return False
    return subprocess.run(["chattr", "+i", *map(str, paths)], capture_output=True).returncode == 0


def _make_writable(paths: list[Path]) -> None:
    if os.geteuid() == 0:
        subprocess.run(["chattr", "-i", *map(str, paths)], capture_output=True)
    else:
        for p in paths:
            os.chmod(p, 0o755 if p.is_dir() else 0o644)


def test_read_only_data_folder(tmp_path):
    data = tmp_path / "data"
    src = _jsonl(tmp_path / "tap.jsonl", synthetic_articles(2))
    assert cli(data, "import", str(src)).returncode == 0
    locked = [data / "corpus.duckdb", data]
    if not _make_read_only(locked):
        pytest.skip("cannot make a folder read-only here (root without chattr)")
    try:
        before = _sha(data / "corpus.duckdb")
        one_line_error(cli(data, "import", str(src)), "permission denied")
        one_line_error(cli(data, "build", "--jobs", "1"), "permission denied")
        p = cli(data, "stats")  # reading still works
        assert p.returncode == 0 and "articles: 2" in p.stdout, p.stderr
        assert _sha(data / "corpus.duckdb") == before
    finally:
        _make_writable(locked)


def _dump(data) -> dict:
    from tests.corpus.test_build import dump

    return dump(data)


def test_killed_build_resumes_to_the_same_tables(tmp_path):
    articles = synthetic_articles(80)
    for d in ("killed", "clean"):
        with Store(tmp_path / d, write=True) as store:
            with store.transaction():
                store.upsert_articles(articles)
    code = ("from corpus.build import run_build; "
            f"run_build({str(tmp_path / 'killed')!r}, jobs=1, progress=True, commit_every=4)")
    proc = subprocess.Popen([sys.executable, "-c", code], stderr=subprocess.PIPE, cwd=ROOT)
    seen = [0]

    def watch():
        buf = b""
        while True:
            ch = proc.stderr.read(1)
            if not ch:
                return
            buf = (buf + ch)[-40:]
            m = re.findall(rb"(\d+)/80", buf)
            if m:
                seen[0] = max(seen[0], int(m[-1]))

    t = threading.Thread(target=watch, daemon=True)
    t.start()
    deadline = time.time() + 120
    while seen[0] < 12 and proc.poll() is None and time.time() < deadline:
        time.sleep(0.01)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    t.join(5)
    assert proc.returncode == -signal.SIGKILL, "the build ended before it could be killed"
    committed = seen[0]
    assert 12 <= committed < 80
    with Store(tmp_path / "killed") as store:  # opens fine: the last committed chunk is there
        built = store.sql("select count(*) from build_records").fetchall()[0][0]
        assert store.meta_get("derived_stale") == "1"
    assert committed <= built < 80 and built % 4 == 0
    out = run_build(tmp_path / "killed", jobs=1)
    assert out["built"] == 80 - built
    run_build(tmp_path / "clean", jobs=1)
    assert _dump(tmp_path / "killed") == _dump(tmp_path / "clean")

"""Scale: a build on a real Dask cluster (a scheduler and two workers on
127.0.0.1) gives the same tables as ``--jobs 1``; a scheduler that cannot be
reached is one line. Articles are synthetic (written for these tests)."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from corpus.build import run_build
from corpus.store import Store
from tests.corpus.test_build import SYNTHETIC, dump
from tests.corpus.test_faults import synthetic_articles

ROOT = Path(__file__).resolve().parents[2]
DASK = Path(sys.executable).with_name("dask")
ARTICLES = SYNTHETIC + synthetic_articles(30)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_port(port: int, proc: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.time() + seconds
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"dask scheduler exited with {proc.returncode}")
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise TimeoutError(f"no dask scheduler on port {port}")


def _stop(procs: list[subprocess.Popen]) -> None:
    for p in procs:
        if p.poll() is None:
            p.terminate()
    for p in procs:
        try:
            p.wait(timeout=20)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()


def _import(data) -> None:
    with Store(data, write=True) as store:
        with store.transaction():
            store.upsert_articles(ARTICLES)


@pytest.fixture
def dask_cluster(tmp_path):
    """A real ``dask scheduler`` and two ``dask worker`` processes (one thread each) on 127.0.0.1."""
    if not DASK.exists():
        pytest.skip("the dask command is not installed in this environment")
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    logs = open(tmp_path / "dask.log", "wb")
    common = dict(cwd=ROOT, stdout=logs, stderr=subprocess.STDOUT,
                  env=dict(os.environ, PYTHONPATH=str(ROOT), DASK_DISTRIBUTED__WORKER__DAEMON="False"))
    procs = [subprocess.Popen([str(DASK), "scheduler", "--host", "127.0.0.1", "--port", str(port),
                               "--no-dashboard"], **common)]
    try:
        _wait_port(port, procs[0])
        for i in range(2):
            procs.append(subprocess.Popen(
                [str(DASK), "worker", address, "--nthreads", "1", "--nworkers", "1", "--no-dashboard",
                 "--host", "127.0.0.1", "--name", f"w{i}", "--local-directory", str(tmp_path / f"w{i}")], **common))
        yield address
    finally:
        _stop(procs[1:])
        _stop(procs[:1])
        logs.close()


@pytest.mark.timeout(240)
def test_dask_cluster_build_gives_the_same_tables_as_one_process(dask_cluster, tmp_path):
    _import(tmp_path / "one")
    run_build(tmp_path / "one", jobs=1)
    _import(tmp_path / "dask")
    p = subprocess.run([sys.executable, "-m", "corpus.cli", "--data", str(tmp_path / "dask"), "build",
                        "--scheduler", dask_cluster], capture_output=True, text=True, timeout=200, cwd=ROOT,
                       env=dict(os.environ, PARTYCORPUS_DASK_TIMEOUT="60"))
    assert p.returncode == 0, p.stderr[-2000:]
    assert f"built {len(ARTICLES)} of {len(ARTICLES)} pending articles" in p.stdout
    assert dump(tmp_path / "dask") == dump(tmp_path / "one")


@pytest.mark.timeout(60)
def test_unreachable_scheduler_is_one_line(tmp_path):
    _import(tmp_path)
    address = f"tcp://127.0.0.1:{_free_port()}"
    p = subprocess.run([sys.executable, "-m", "corpus.cli", "--data", str(tmp_path), "build", "--scheduler", address],
                       capture_output=True, text=True, timeout=50, cwd=ROOT,
                       env=dict(os.environ, PARTYCORPUS_DASK_TIMEOUT="2"))
    assert p.returncode == 2 and p.stderr.count("\n") == 1 and "Traceback" not in p.stderr, p.stderr
    assert f"--scheduler {address}: cannot connect" in p.stderr
    with Store(tmp_path) as store:  # nothing built, nothing broken
        assert store.sql("select count(*) from build_records").fetchall() == [(0,)]

"""Every notebook runs top to bottom with a real kernel on a demo store built here, and writes its PNGs."""
from __future__ import annotations

import subprocess
import sys

import nbformat
import pytest

from corpus import report

pytestmark = pytest.mark.slow

NOTEBOOKS = report.notebook_paths()

#: PNGs each notebook must write (its prefix; the notebook may write more).
EXPECTED = {
    "01-corpus-overview": {"01-articles-by-province", "01-articles-by-site", "01-articles-by-year",
                           "01-coverage-province-year", "01-relevance"},
    "02-directive-citations": {"02-citations-by-province", "02-citations-by-year", "02-citation-lag"},
    "03-indicator-comparison": {"03-targets-vs-results"},
    "04-topics": {"04-topics-by-province", "04-topics-by-year"},
    "05-concordance": {"05-concordance-by-year"},
}


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory):
    """The demo corpus: synthetic mirror served on 127.0.0.1, crawled, built and exported (`partycorpus demo`)."""
    data = tmp_path_factory.mktemp("demo") / "data"
    done = subprocess.run([sys.executable, "-m", "corpus.cli", "--data", str(data), "demo"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    return data


@pytest.fixture(scope="module")
def empty_store(tmp_path_factory):
    from corpus.store import Store

    data = tmp_path_factory.mktemp("empty") / "data"
    Store(data, write=True).close()
    return data


def test_notebooks_are_numbered_and_stored_without_outputs():
    assert [p.stem for p in NOTEBOOKS] == sorted(EXPECTED)
    for path in NOTEBOOKS:
        nb = nbformat.read(path, as_version=4)
        assert all(not c.get("outputs") and not c.get("execution_count") for c in nb.cells if c.cell_type == "code"), \
            f"{path.name}: strip outputs before saving"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs_on_the_demo_corpus(path, demo_store, tmp_path):
    figures = tmp_path / "figures"
    result = report.run_notebook(path, demo_store, figures, html_dir=tmp_path)
    written = {p.stem for p in figures.glob("*.png")}
    assert EXPECTED[path.stem] <= written
    assert all(p.stat().st_size > 5000 for p in figures.glob("*.png"))
    html = (tmp_path / f"{path.stem}.html").read_text(encoding="utf-8")
    assert "Traceback" not in html
    assert result["figures"] == len(written)


def test_every_notebook_runs_on_an_empty_store(empty_store, tmp_path):
    """An empty corpus gives placeholder figures, not errors."""
    results = report.run_notebooks(empty_store, tmp_path)
    assert [r["notebook"] for r in results] == [p.stem for p in NOTEBOOKS]
    written = {p.stem for p in (tmp_path / "figures").glob("*.png")}
    assert set().union(*EXPECTED.values()) <= written


def test_report_on_a_missing_store_is_one_line(tmp_path):
    done = subprocess.run([sys.executable, "-m", "corpus.report", "--data", str(tmp_path / "nowhere"),
                           "--out", str(tmp_path / "out")], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "no corpus store" in done.stderr

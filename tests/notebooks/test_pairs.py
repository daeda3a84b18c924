"""Each notebook is kept as code: a percent-format ``.py`` beside the ``.ipynb`` (jupytext pairing), in sync."""
from __future__ import annotations

import jupytext
import nbformat
import pytest

from corpus import report

NOTEBOOKS = report.notebook_paths()


def _cells(nb) -> list[tuple[str, str]]:
    return [(c.cell_type, c.source.strip()) for c in nb.cells]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_and_its_percent_script_hold_the_same_cells(path):
    script = path.with_suffix(".py")
    assert script.is_file(), f"{script.name} missing: jupytext --set-formats ipynb,py:percent {path.name}"
    assert jupytext.read(script).metadata["jupytext"]["formats"] == "ipynb,py:percent"
    assert "# %%" in script.read_text(encoding="utf-8")
    nb = nbformat.read(path, as_version=4)
    assert nb.metadata["jupytext"]["formats"] == "ipynb,py:percent"
    assert _cells(jupytext.read(script)) == _cells(nb), \
        f"{path.name} and {script.name} differ: run jupytext --sync notebooks/*.ipynb"


def test_every_script_has_its_notebook():
    scripts = sorted(p.stem for p in report.NOTEBOOKS.glob("[0-9][0-9]-*.py"))
    assert scripts == [p.stem for p in NOTEBOOKS]

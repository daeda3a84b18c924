"""Analysis functions behind the research notebooks (``notebooks/*.ipynb``).

Every function takes and returns pandas DataFrames shaped like the store's
tables (``corpus.open(...).articles()``, ``.directives()``, ``.indicators()``,
``.targets()``), so notebooks stay thin and the logic is tested on small frames
(``tests/corpus/test_analysis.py``). Nothing here writes to the store.

>>> import pandas as pd
>>> arts = pd.DataFrame({"province": ["lang-son", "lang-son"], "published": ["2019-03-14", "2021-05-02"]})
>>> coverage_gaps(arts, years=range(2019, 2022))["year"].tolist()
[2020]
"""
from __future__ import annotations

import json
import os
import re
import tempfile
import unicodedata
from pathlib import Path

import pandas as pd

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = "data/demo"

#: Indicators the comparison notebook shows first (codebook codes, GUIDE.md §5).
KEY_INDICATORS = ("members.admitted", "members.total", "orgs.excellent_pct", "orgs.clean_strong_pct",
                  "orgs.weak_pct", "members.excellent_pct", "training.classes", "orgs.base_total")


# -- where the data and the figures are ---------------------------------------------------


def data_dir(value: str | os.PathLike | None = None) -> Path:
    """The data folder of the notebooks: ``value``, else $PARTYCORPUS_DATA, else ``data/demo``.

    A relative path that does not exist from the working directory is tried
    from the repository root (Jupyter starts notebooks inside ``notebooks/``).

    >>> data_dir("/tmp/kho-du-lieu").name
    'kho-du-lieu'
    """
    p = Path(value or os.environ.get("PARTYCORPUS_DATA") or DEFAULT_DATA)
    if not p.is_absolute() and not p.exists() and (REPO_ROOT / p).exists():
        return REPO_ROOT / p
    return p


def figures_dir(value: str | os.PathLike | None = None) -> Path:
    """Folder for the notebooks' PNGs: ``value``, else $PARTYCORPUS_FIGURES, else ``reports/figures``.

    >>> figures_dir("/tmp/hinh-ve").name
    'hinh-ve'
    """
    p = Path(value or os.environ.get("PARTYCORPUS_FIGURES") or REPO_ROOT / "reports" / "figures")
    p.mkdir(parents=True, exist_ok=True)
    return p


# -- the demo store ------------------------------------------------------------------------


def mirror_content_jsonl(path: str | os.PathLike, content_dir=None) -> int:
    """Write the synthetic mirror articles as an import JSONL (id, site, title, text, ...); returns the count.

    ``text`` is the lead (sapo) followed by the body paragraphs, one per line.

    >>> mirror_content_jsonl("/tmp/mirror.jsonl")               # doctest: +SKIP
    58
    """
    from crawler.mirror.articles import load_articles
    from crawler.mirror.render import article_path

    n = 0
    with open(path, "w", encoding="utf-8") as fh:
        for art in load_articles(content_dir).values():
            paras = ([art["sapo"]] if art["sapo"] else []) + art["paragraphs"]
            rec = {"id": art["id"], "site": art["site"], "title": art["title"], "text": "\n".join(paras),
                   "url": f"http://{art['site']}.mirror.invalid{article_path(art['site'], art)}",
                   "published": art["published_dt"].strftime("%Y-%m-%d"), "province": art["province"],
                   "author": art["author"]}
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
    return n


def demo_store_from_content(data_dir: str | os.PathLike, content_dir=None, jobs: int = 1) -> dict:
    """Build a store in ``data_dir`` from the synthetic mirror content: import, then build.

    Article ids are ``{site}:{id}`` (``lso:1001``), sites the mirror site ids.

    >>> demo_store_from_content("/tmp/nbdemo")["import"]["articles"]   # doctest: +SKIP
    58
    """
    from .build import run_build
    from .ingest import import_paths

    with tempfile.TemporaryDirectory() as tmp:
        jsonl = Path(tmp) / "mirror.jsonl"
        mirror_content_jsonl(jsonl, content_dir)
        imported = import_paths([str(jsonl)], data_dir=data_dir)
    built = run_build(data_dir, jobs=jobs)
    return {"import": imported, "build": built}

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

from nlp.codebook import lower_is_better as codebook_lower_is_better

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = "data/demo"

#: Indicators the comparison notebook shows first (codebook codes, GUIDE.md §5).
KEY_INDICATORS = ("members.admitted", "members.total", "base_orgs.total", "base_orgs.good_or_better_pct",
                  "base_orgs.clean_strong_pct", "base_orgs.weak_pct", "members.excellent_pct", "training.classes")


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
    59
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
    59
    """
    from .build import run_build
    from .ingest import import_paths

    with tempfile.TemporaryDirectory() as tmp:
        jsonl = Path(tmp) / "mirror.jsonl"
        mirror_content_jsonl(jsonl, content_dir)
        imported = import_paths([str(jsonl)], data_dir=data_dir)
    built = run_build(data_dir, jobs=jobs)
    return {"import": imported, "build": built}


# -- small helpers ---------------------------------------------------------------------------


def year_of(published) -> pd.Series:
    """Publication year of ISO dates ("2019-03-14" -> 2019), nullable Int64; bad or missing dates -> <NA>.

    >>> year_of(pd.Series(["2019-03-14", None, "không rõ"])).tolist()
    [2019, <NA>, <NA>]
    """
    s = pd.Series(published, dtype="object")
    return pd.to_datetime(s, errors="coerce", format="mixed").dt.year.astype("Int64")


def _province(frame: pd.DataFrame, fill: str = "(unknown)") -> pd.Series:
    if "province" not in frame:
        return pd.Series(fill, index=frame.index)
    return frame["province"].fillna(fill)


# -- 01 corpus overview ----------------------------------------------------------------------


def article_counts(articles: pd.DataFrame, by: str) -> pd.Series:
    """Number of articles per value of ``by`` ("province", "site" or "year"), largest first (year: in order).

    >>> article_counts(pd.DataFrame({"province": ["lang-son", "lang-son", None]}), "province").to_dict()
    {'lang-son': 2, '(unknown)': 1}
    """
    if by == "year":
        years = year_of(articles["published"]) if "published" in articles else pd.Series(dtype="Int64")
        return years.dropna().astype(int).value_counts().sort_index().rename("articles")
    col = _province(articles) if by == "province" else articles.get(by, pd.Series(dtype=object)).fillna("(unknown)")
    return col.value_counts().rename("articles")


def province_year_counts(articles: pd.DataFrame, years=None) -> pd.DataFrame:
    """Articles per province (rows) and year (columns), zeros included; ``years`` fixes the columns.

    >>> province_year_counts(pd.DataFrame({"province": ["lam-dong"], "published": ["2020-01-02"]}), range(2019, 2021)).values.tolist()
    [[0, 1]]
    """
    frame = pd.DataFrame({"province": _province(articles), "year": year_of(articles.get("published"))}).dropna()
    frame = frame[frame["province"] != "(unknown)"]
    table = pd.crosstab(frame["province"], frame["year"].astype(int)) if len(frame) else pd.DataFrame()
    if years is None:
        years = range(int(frame["year"].min()), int(frame["year"].max()) + 1) if len(frame) else []
    return table.reindex(columns=list(years), fill_value=0).fillna(0).astype(int)


def coverage_gaps(articles: pd.DataFrame, years=None, provinces=None) -> pd.DataFrame:
    """Province × year cells with no article (``province``, ``year``), within the corpus's own year span.

    ``provinces`` adds provinces that have no article at all (every year a gap).

    >>> arts = pd.DataFrame({"province": ["lang-son", "lang-son"], "published": ["2019-03-14", "2021-05-02"]})
    >>> coverage_gaps(arts).values.tolist()
    [['lang-son', 2020]]
    """
    table = province_year_counts(articles, years)
    if provinces is not None:
        table = table.reindex(sorted(set(table.index) | set(provinces)), fill_value=0)
    gaps = table.stack()
    gaps = gaps[gaps == 0].reset_index()
    gaps.columns = ["province", "year", "n"]
    return gaps[["province", "year"]].astype({"year": int}).reset_index(drop=True)


def reprint_summary(articles: pd.DataFrame, reprints: pd.DataFrame) -> pd.DataFrame:
    """One row per reprint: the copy and its original (site, province, date, title) and how similar they are.

    >>> arts = pd.DataFrame({"article_id": ["a", "b"], "site": ["lso", "tccs"], "province": ["lang-son"] * 2,
    ...                      "published": ["2019-01-01", "2019-01-05"], "title": ["Kết nạp đảng viên"] * 2})
    >>> reprint_summary(arts, pd.DataFrame({"article_id": ["b"], "original_id": ["a"], "similarity": [0.9],
    ...                                     "method": ["minhash"]}))["days_later"].tolist()
    [4]
    """
    cols = ["article_id", "site", "published", "title", "original_id", "original_site", "original_published",
            "similarity", "method", "days_later"]
    if reprints is None or reprints.empty:
        return pd.DataFrame(columns=cols)
    keep = [c for c in ("article_id", "site", "province", "published", "title") if c in articles]
    copy = reprints.merge(articles[keep], on="article_id", how="left")
    orig = articles[keep].rename(columns={c: f"original_{c}" for c in keep}).rename(
        columns={"original_article_id": "original_id"})
    out = copy.merge(orig, on="original_id", how="left")
    out["days_later"] = (pd.to_datetime(out["published"], errors="coerce")
                         - pd.to_datetime(out["original_published"], errors="coerce")).dt.days
    return out


def with_stored_relevance(articles: pd.DataFrame, records: pd.DataFrame) -> pd.DataFrame:
    """Add the build's ``relevance`` and ``on_topic`` (``build_records``) to the articles when the store has them.

    >>> with_stored_relevance(pd.DataFrame({"article_id": ["a"]}),
    ...                       pd.DataFrame({"article_id": ["a"], "relevance": [0.9], "on_topic": [True]}))["on_topic"].tolist()
    [True]
    """
    cols = [c for c in ("relevance", "on_topic") if c in records]
    if "relevance" not in cols or records["relevance"].isna().all():
        return articles
    base = articles.drop(columns=[c for c in cols if c in articles])
    return base.merge(records[["article_id"] + cols], on="article_id", how="left")


def relevance_flags(articles: pd.DataFrame, threshold: float | None = None) -> pd.DataFrame:
    """``article_id, site, province, title, relevance, on_topic``: the store's relevance if it has one, else the
    packaged classifier (``corpus.relevance``, no download). ``threshold``: default the model's own.

    >>> relevance_flags(pd.DataFrame({"article_id": ["x"], "title": ["Kết nạp đảng viên"],
    ...                               "relevance": [0.9]}))["on_topic"].tolist()
    [True]
    """
    out = articles[[c for c in ("article_id", "site", "province", "title") if c in articles]].copy()
    if "relevance" in articles:
        out["relevance"] = articles["relevance"].astype(float)
    else:
        from .relevance import relevances

        out["relevance"] = relevances(zip(articles.get("title", [""] * len(articles)),
                                          articles.get("text", [""] * len(articles))))
    if "on_topic" in articles and articles["on_topic"].notna().all():
        out["on_topic"] = articles["on_topic"].astype(bool)
    else:
        from .relevance import decision_threshold

        out["on_topic"] = out["relevance"] >= (decision_threshold() if threshold is None else threshold)
    return out


# -- 02 directive citations ------------------------------------------------------------------


def central_citations(directives: pd.DataFrame) -> pd.DataFrame:
    """Directive mentions of central documents only (``level == "central"`` with a ``canonical_id``),
    one row per document and article, with ``year``.

    >>> d = pd.DataFrame({"article_id": ["a", "a"], "canonical_id": ["05-CT/TW", "05-CT/TW"], "level": ["central"] * 2,
    ...                   "province": ["lam-dong"] * 2, "published": ["2017-02-01"] * 2})
    >>> len(central_citations(d))
    1
    """
    cols = ["article_id", "canonical_id", "province", "published", "year"]
    if directives is None or directives.empty:
        return pd.DataFrame(columns=cols)
    d = directives[(directives.get("level") == "central") & directives["canonical_id"].notna()].copy()
    d["province"] = _province(d)
    d = d.drop_duplicates(["article_id", "canonical_id"])
    d["year"] = year_of(d["published"])
    return d[cols].reset_index(drop=True)


def citation_matrix(directives: pd.DataFrame, columns: str = "province", top: int | None = None) -> pd.DataFrame:
    """Articles citing each central document (rows) per ``columns`` ("province" or "year"), most cited first.

    >>> d = pd.DataFrame({"article_id": ["a", "b"], "canonical_id": ["05-CT/TW", "05-CT/TW"], "level": ["central"] * 2,
    ...                   "province": ["lam-dong", "lang-son"], "published": ["2017-02-01", "2018-01-01"]})
    >>> citation_matrix(d).loc["05-CT/TW"].tolist()
    [1, 1]
    """
    c = central_citations(directives).dropna(subset=[columns])
    if c.empty:
        return pd.DataFrame()
    if columns == "year":
        c["year"] = c["year"].astype(int)
    table = pd.crosstab(c["canonical_id"], c[columns])
    table = table.loc[table.sum(axis=1).sort_values(ascending=False, kind="stable").index]
    return table.head(top) if top else table


def citation_lag(directives: pd.DataFrame, documents: pd.DataFrame | None = None) -> pd.DataFrame:
    """Days from each central document's issue date to its first citation per province.

    Issue dates come from ``documents`` (the store's table, column ``issued``), else from the
    gazetteer (``nlp.gazetteer.documents()``). Citations before the issue date (a misread
    number) are dropped; documents without an issue date are left out.

    >>> d = pd.DataFrame({"article_id": ["a", "b"], "canonical_id": ["28-CT/TW"] * 2, "level": ["central"] * 2,
    ...                   "province": ["lam-dong"] * 2, "published": ["2019-04-18", "2019-02-01"]})
    >>> citation_lag(d, pd.DataFrame({"canonical_id": ["28-CT/TW"], "issued": ["2019-01-21"]}))["days"].tolist()
    [11]
    """
    cols = ["canonical_id", "province", "issued", "first_cited", "days", "article_id"]
    c = central_citations(directives)
    issued = issue_dates(documents)
    if c.empty or not issued:
        return pd.DataFrame(columns=cols)
    c["issued"] = pd.to_datetime(c["canonical_id"].map(issued), errors="coerce")
    c["published"] = pd.to_datetime(c["published"], errors="coerce")
    c = c.dropna(subset=["issued", "published"])
    c = c[c["published"] >= c["issued"]].sort_values(["published", "article_id"])
    first = c.groupby(["canonical_id", "province"], as_index=False).first()
    first["days"] = (first["published"] - first["issued"]).dt.days
    first = first.rename(columns={"published": "first_cited"})
    return first[cols].sort_values(["canonical_id", "days"]).reset_index(drop=True)


def issue_dates(documents: pd.DataFrame | None = None) -> dict:
    """``{canonical_id: "YYYY-MM-DD"}`` for central documents: the store's ``documents`` table, else the gazetteer.

    >>> issue_dates(pd.DataFrame({"canonical_id": ["05-CT/TW"], "issued": ["2016-05-15"], "level": ["central"]}))
    {'05-CT/TW': '2016-05-15'}
    """
    if documents is not None and not documents.empty and "issued" in documents:
        d = documents.dropna(subset=["canonical_id", "issued"])
        if "level" in d:
            d = d[d["level"] == "central"]
        return dict(zip(d["canonical_id"], d["issued"].astype(str)))
    from nlp.gazetteer import documents as gazetteer_documents

    out = {}
    for doc in gazetteer_documents():  # an id may occur in two terms: keep the earliest
        if doc.issued and (doc.id not in out or str(doc.issued) < out[doc.id]):
            out[doc.id] = str(doc.issued)
    return out


# -- 03 indicators and targets ---------------------------------------------------------------


def indicator_table(indicators: pd.DataFrame, indicator: str | None = None, kind: str = "achieved") -> pd.DataFrame:
    """Indicator values of one ``kind`` (and ``indicator``), each with its unit, source URL and sentence.

    >>> iv = pd.DataFrame({"province": ["lam-dong"], "year": [2020], "indicator": ["members.admitted"],
    ...                    "value": [1720.0], "unit": ["đảng viên"], "kind": ["achieved"], "url": ["u"], "sentence": ["s"]})
    >>> indicator_table(iv, "members.admitted")["value"].tolist()
    [1720.0]
    """
    cols = ["province", "year", "indicator", "value", "value_max", "unit", "qualifier", "published", "url",
            "article_id", "sentence"]
    cols += [c for c in ("place", "level") if indicators is not None and c in indicators]
    if indicators is None or indicators.empty:
        return pd.DataFrame(columns=cols)
    iv = indicators[indicators["kind"] == kind] if kind and "kind" in indicators else indicators
    if indicator:
        iv = iv[iv["indicator"] == indicator]
    iv = iv.reindex(columns=cols)
    return iv.sort_values(["indicator", "province", "year", "published"], na_position="last").reset_index(drop=True)


def indicator_by_province_year(indicators: pd.DataFrame, indicator: str) -> pd.DataFrame:
    """Achieved values of ``indicator`` as a province × year table: per cell the value of the latest article
    (published, then article_id). The export's ``indicators_wide`` chooses by more rules (province-level report,
    original over reprint, then latest) and flags disagreement: see ``indicator_cells``, ``indicator_conflicts``.

    >>> iv = pd.DataFrame({"province": ["lam-dong"] * 2, "year": [2020] * 2, "indicator": ["members.admitted"] * 2,
    ...                    "value": [1700.0, 1720.0], "kind": ["achieved"] * 2, "published": ["2020-03-01", "2021-01-05"],
    ...                    "article_id": ["a", "b"]})
    >>> float(indicator_by_province_year(iv, "members.admitted").loc["lam-dong", 2020])
    1720.0
    """
    iv = indicator_table(indicators, indicator).dropna(subset=["year", "value"])
    if "province_total" in iv:  # figures about a district or commune are not the province's value
        iv = iv[iv["province_total"].fillna(True).astype(bool)]
    if "year_part" in iv:  # half-year, quarter or year-to-date values are not whole-year values
        iv = iv[iv["year_part"].isna()]
    if iv.empty:
        return pd.DataFrame()
    iv = iv.assign(year=iv["year"].astype(int)).sort_values(["published", "article_id"])
    latest = iv.groupby(["province", "year"])["value"].last()
    return latest.unstack("year").sort_index(axis=1)


def indicator_conflicts(source, only_conflicts: bool = False) -> pd.DataFrame:
    """Cells of ``indicators_wide`` with several candidate figures, one row per candidate: the chosen value, the
    rule that chose it, independent sources, spread, ``conflict`` (``corpus.indicators``; the export's
    ``indicator_conflicts`` table). ``source``: ``corpus.open(DATA)``, a Store, a DuckDB connection or a folder.

    >>> indicator_conflicts(corpus.open("data/demo"), only_conflicts=True)   # doctest: +SKIP
    """
    from .indicators import indicator_conflicts as conflicts

    return conflicts(source, only_conflicts)


def indicator_cells(source) -> pd.DataFrame:
    """One row per province × year × indicator: the value ``indicators_wide`` shows, ``rule``, ``n_sources``,
    ``min``, ``max``, ``spread``, ``conflict`` (``corpus.indicators``)."""
    from .indicators import indicator_cells as cells

    return cells(source)


def attach_place(frame: pd.DataFrame, places: pd.DataFrame) -> pd.DataFrame:
    """Add the article's attributed place (``place``: "Đình Lập", ``level``: "district") to mentions or values,
    from ``build_records`` (``article_id, province_level, province_place``), so a district's numbers are not
    compared with a province's.

    >>> attach_place(pd.DataFrame({"article_id": ["a"]}),
    ...              pd.DataFrame({"article_id": ["a"], "province_level": ["district"], "province_place": ["Đình Lập"]}))["place"].tolist()
    ['Đình Lập']
    """
    if frame is None:
        return frame
    if "place_level" in frame and "place" in frame:  # figure-level places from the build win
        return frame.assign(level=frame["place_level"])
    if places is None or places.empty:
        return frame.assign(level=None, place=None)
    p = places[["article_id", "province_level", "province_place"]].rename(
        columns={"province_level": "level", "province_place": "place"})
    return frame.drop(columns=[c for c in ("level", "place") if c in frame]).merge(p, on="article_id", how="left")


def targets_vs_results(targets: pd.DataFrame, indicators: pd.DataFrame) -> pd.DataFrame:
    """Each target with an indicator, next to the achieved values of the same indicator and province in the
    target's years (from the target article's year to ``deadline_year``; that year alone when there is no deadline),
    in the same unit.

    ``met`` is only decided for comparable pairs: annual goals ("hằng năm kết nạp 1.600 đảng viên") and
    percentages; a goal for a whole term ("đến năm 2020 kết nạp 8.000 đảng viên") against one year's figure
    gives <NA>. When both frames have a ``place`` column (``attach_place``), results must come from the same place
    (a district's target is not compared with the province's total). ``met`` compares the achieved value with the target: at least the target, except for
    ``*.weak(_pct)``, ``*.not_completed(_pct)``, discipline and removal indicators (lower is better) where at most. <NA> when nothing was achieved.

    >>> t = pd.DataFrame({"article_id": ["t"], "province": ["lam-dong"], "published": ["2017-01-01"],
    ...                   "indicator": ["members.admitted"], "value": [170.0], "unit": ["đảng viên"],
    ...                   "deadline_year": [2020], "recurrence": ["annual"], "url": ["u1"],
    ...                   "sentence": ["Phấn đấu hằng năm kết nạp 170 đảng viên."]})
    >>> iv = pd.DataFrame({"province": ["lam-dong"], "year": [2019], "indicator": ["members.admitted"], "value": [181.0],
    ...                    "kind": ["achieved"], "unit": ["đảng viên"], "published": ["2020-01-01"], "article_id": ["r"],
    ...                    "url": ["u2"], "sentence": ["Năm 2019 kết nạp 181 đảng viên."]})
    >>> targets_vs_results(t, iv)[["target", "achieved", "met"]].values.tolist()
    [[170.0, 181.0, True]]
    """
    cols = ["province", "place", "indicator", "unit", "target", "recurrence", "from_year", "deadline_year", "achieved",
            "achieved_year", "achieved_ratio", "met", "how", "target_url", "target_sentence", "result_url",
            "result_sentence"]
    if targets is None or targets.empty:
        return pd.DataFrame(columns=cols)
    achieved = indicator_table(indicators).dropna(subset=["year", "value"])
    same_place = "place" in targets and indicators is not None and "place" in indicators
    rows = []
    if "achieved_ratio" in targets:                # plans stated with their result: "kết nạp 1.050/1.000 đảng viên"
        stated = targets[targets["achieved_ratio"].notna()]
        for t in stated.itertuples(index=False):
            year = t.deadline_year if pd.notna(t.deadline_year) else year_of(pd.Series([t.published])).iloc[0]
            year = int(year) if pd.notna(year) else None
            rows.append({"province": t.province, "place": getattr(t, "place", None), "indicator": t.indicator,
                         "unit": t.unit, "target": t.value, "recurrence": None, "from_year": year,
                         "deadline_year": year, "achieved": t.achieved_value, "achieved_year": year,
                         "achieved_ratio": t.achieved_ratio, "met": bool(t.met) if pd.notna(t.met) else pd.NA,
                         "how": "stated with the plan", "target_url": getattr(t, "url", None),
                         "target_sentence": getattr(t, "sentence", None), "result_url": getattr(t, "url", None),
                         "result_sentence": getattr(t, "sentence", None)})
        targets = targets[targets["achieved_ratio"].isna()]
    for t in targets.dropna(subset=["indicator", "value"]).itertuples(index=False):
        start = year_of(pd.Series([t.published])).iloc[0]
        deadline = t.deadline_year if pd.notna(t.deadline_year) else start
        if pd.isna(start):
            start = deadline
        if pd.isna(start):
            continue
        lo, hi = int(min(start, deadline)), int(max(start, deadline))
        hits = achieved[(achieved["province"] == t.province) & (achieved["indicator"] == t.indicator)
                        & achieved["year"].astype(int).between(lo, hi)]
        place = getattr(t, "place", None)
        if same_place:
            hits = hits[hits["place"] == place]
        if pd.notna(t.unit):
            hits = hits[hits["unit"].isna() | (hits["unit"] == t.unit)]
        recurrence = getattr(t, "recurrence", None)
        comparable = recurrence == "annual" or t.unit == "%"
        base = {"province": t.province, "place": place, "indicator": t.indicator, "unit": t.unit, "target": t.value,
                "recurrence": recurrence if pd.notna(recurrence) else None,
                "from_year": lo, "deadline_year": hi, "target_url": getattr(t, "url", None),
                "target_sentence": getattr(t, "sentence", None)}
        base["how"] = "matched by indicator, province and year"
        if hits.empty:
            rows.append({**base, "achieved": None, "achieved_year": None, "achieved_ratio": None, "met": pd.NA,
                         "result_url": None, "result_sentence": None})
            continue
        for h in hits.sort_values(["year", "published"]).itertuples(index=False):
            lower_is_better = codebook_lower_is_better(t.indicator)
            met = h.value <= t.value if lower_is_better else h.value >= t.value
            rows.append({**base, "achieved": h.value, "achieved_year": int(h.year),
                         "achieved_ratio": h.value / t.value if comparable and t.value else None,
                         "met": bool(met) if comparable else pd.NA, "result_url": h.url, "result_sentence": h.sentence})
    return pd.DataFrame(rows, columns=cols)


# -- 04 topics -------------------------------------------------------------------------------


def tokenize(texts) -> list[str]:
    """underthesea word segmentation, lower-cased, words joined by "_" and separated by spaces (TF-IDF input).

    >>> tokenize(["Đảng bộ tỉnh kết nạp đảng viên"])          # doctest: +SKIP
    ['đảng_bộ tỉnh kết_nạp đảng_viên']
    """
    from underthesea import word_tokenize

    return [word_tokenize(t or "", format="text").lower() for t in texts]


#: Function words and reporting furniture kept out of the topics (after word segmentation, lower-cased).
STOP_WORDS = frozenset("""
và của các có được là cho với trong đã những này đến từ theo để năm một người về không tại khi như
trên đó nhiều cũng sẽ ra còn lại vào đồng_chí bộ tỉnh huyện xã ngày thì đang hơn số gồm cùng việc
đảng đảng_bộ công_tác ủy tổ_chức chi_bộ cơ_sở thực_hiện đảng_viên nhằm qua sau trước tới nay hiện
""".split())


#: The same, as single lower-cased words (the build's search index keeps words, not segmented compounds).
TERM_STOP_WORDS = frozenset(part for w in STOP_WORDS for part in w.split("_"))


def sample_rows(frame: pd.DataFrame, n: int, seed: int = 0) -> pd.DataFrame:
    """All rows when there are at most ``n``, else a seeded random sample of ``n`` (in the frame's order).

    >>> len(sample_rows(pd.DataFrame({"a": range(10)}), 3)), len(sample_rows(pd.DataFrame({"a": range(2)}), 3))
    (3, 2)
    """
    if len(frame) <= n:
        return frame.reset_index(drop=True)
    return frame.sample(n=n, random_state=seed).sort_index().reset_index(drop=True)


def stored_terms(con, article_ids) -> list[str]:
    """Each article's words as the build stored them (``search_terms``: distinct lower-cased words), joined by
    spaces, in the order of ``article_ids`` ("" for an article without terms): topic-model input read from the
    store instead of segmenting every text again."""
    import pyarrow as pa

    ids = [str(i) for i in article_ids]
    cur = con.cursor()      # its own result state
    try:
        cur.register("_topic_ids", pa.table({"article_id": pa.array(ids, pa.string())}))
        rows = cur.execute("SELECT article_id, string_agg(term, ' ' ORDER BY term) FROM search_terms "
                           "WHERE article_id IN (SELECT article_id FROM _topic_ids) GROUP BY 1").fetchall()
    finally:
        cur.close()
    words = dict(rows)
    return [words.get(i, "") for i in ids]


def topic_model(texts, k: int = 4, n_top: int = 8, random_state: int = 0, tokenized: bool = False,
                stop_words=None):
    """TF-IDF + NMF topics. Returns ``(doc_topics, top_words)``: a documents × topics DataFrame of weights
    (rows sum to 1, or 0 for an empty document) and a DataFrame topic -> its ``n_top`` words.

    ``k`` is lowered to what the corpus allows; fewer than two usable documents -> empty frames.

    >>> doc_topics, words = topic_model(["kết_nạp đảng_viên mới", "kiểm_tra kỷ_luật"] * 3, k=2, tokenized=True)
    >>> doc_topics.shape
    (6, 2)
    """
    from sklearn.decomposition import NMF
    from sklearn.feature_extraction.text import TfidfVectorizer

    docs = list(texts) if tokenized else tokenize(texts)
    empty = (pd.DataFrame(index=range(len(docs))), pd.DataFrame(columns=["topic", "words"]))
    if sum(1 for d in docs if d.strip()) < 2:
        return empty
    vec = TfidfVectorizer(token_pattern=r"(?u)[^\W\d][\w]+", stop_words=sorted(stop_words or STOP_WORDS),
                          max_df=0.9 if len(docs) >= 10 else 1.0, min_df=2 if len(docs) >= 10 else 1,
                          sublinear_tf=True)
    try:
        x = vec.fit_transform(docs)
    except ValueError:  # empty vocabulary
        return empty
    k = max(1, min(k, x.shape[0] - 1, x.shape[1]))
    nmf = NMF(n_components=k, init="nndsvda", random_state=random_state, max_iter=500)
    w = nmf.fit_transform(x)
    sums = w.sum(axis=1, keepdims=True)
    sums[sums == 0] = 1
    labels = [f"T{i + 1}" for i in range(k)]
    vocab = vec.get_feature_names_out()
    words = [", ".join(vocab[j].replace("_", " ") for j in row.argsort()[::-1][:n_top]) for row in nmf.components_]
    return pd.DataFrame(w / sums, columns=labels), pd.DataFrame({"topic": labels, "words": words})


def topic_shares(doc_topics: pd.DataFrame, groups: pd.Series) -> pd.DataFrame:
    """Mean topic weight per group (province or year): rows groups, columns topics, rows sum to ~1.

    >>> topic_shares(pd.DataFrame({"T1": [1.0, 0.0], "T2": [0.0, 1.0]}), pd.Series(["lam-dong", "lam-dong"])).loc["lam-dong"].tolist()
    [0.5, 0.5]
    """
    if doc_topics.empty or not len(doc_topics.columns):
        return pd.DataFrame()
    g = pd.Series(list(groups), index=doc_topics.index)
    keep = g.notna()
    return doc_topics[keep].groupby(g[keep]).mean()


# -- 05 concordance --------------------------------------------------------------------------


def _normalise(s: str) -> str:
    return unicodedata.normalize("NFC", s).lower()


def concordance(articles: pd.DataFrame, query: str, directives: pd.DataFrame | None = None,
                width: int = 60) -> pd.DataFrame:
    """Keyword in context: every occurrence of ``query`` in the articles' text, with the article's URL.

    A directive canonical id ("05-CT/TW") found in ``directives`` uses the extractor's mentions (every
    way the text names it: "Chỉ thị 05", "Chỉ thị số 05-CT/TW"); anything else is a case-insensitive phrase.

    >>> arts = pd.DataFrame({"article_id": ["a"], "url": ["http://x/1"], "published": ["2019-01-01"],
    ...                      "province": ["lam-dong"], "title": ["t"], "text": ["Toàn tỉnh kết nạp 170 đảng viên mới."]})
    >>> concordance(arts, "Kết nạp", width=10)[["left", "match", "right"]].values.tolist()
    [['Toàn tỉnh ', 'kết nạp', ' 170 đảng ']]
    """
    cols = ["article_id", "published", "province", "left", "match", "right", "url", "title"]
    query = (query or "").strip()
    if not query or articles is None or articles.empty:
        return pd.DataFrame(columns=cols)
    by_id = articles.set_index("article_id")
    spans: list[tuple[str, int, int]] = []
    if directives is not None and not directives.empty and query in set(directives["canonical_id"].dropna()):
        m = directives[directives["canonical_id"] == query]
        spans = [(r.article_id, int(r.start), int(r.end)) for r in m.itertuples(index=False)]
    else:
        pattern = re.compile(re.escape(_normalise(query)))
        for aid, text in zip(articles["article_id"], articles["text"].fillna("")):
            folded = text.lower()  # keeps offsets (casefold may not)
            spans += [(aid, m.start(), m.end()) for m in pattern.finditer(folded)]
    rows = []
    for aid, start, end in spans:
        if aid not in by_id.index:
            continue
        a = by_id.loc[aid]
        text = a["text"] or ""
        rows.append({"article_id": aid, "published": a.get("published"), "province": a.get("province"),
                     "left": text[max(0, start - width):start].replace("\n", " "), "match": text[start:end],
                     "right": text[end:end + width].replace("\n", " "), "url": a.get("url"), "title": a.get("title")})
    out = pd.DataFrame(rows, columns=cols)
    return out.sort_values(["published", "article_id"], na_position="last").reset_index(drop=True)

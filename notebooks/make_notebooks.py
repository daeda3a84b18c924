"""Write the research notebooks (``notebooks/NN-*.ipynb``) from the cell sources below, outputs empty.

The notebooks are thin: every non-trivial step is a function in ``corpus.analysis``
or ``corpus.plotting``. Edit the cells here and rerun ``python notebooks/make_notebooks.py``
(or edit the notebook in Jupyter and clear outputs before saving).
"""
from __future__ import annotations

from pathlib import Path

import nbformat

HERE = Path(__file__).resolve().parent

SETUP = '''import os
import pandas as pd
import matplotlib
matplotlib.use("Agg")
import corpus
from corpus import analysis as A, plotting as P

P.use_style()
pd.set_option("display.max_colwidth", 120)
DATA = A.data_dir()          # $PARTYCORPUS_DATA, else data/demo
c = corpus.open(DATA)
print("store:", c.path)'''

NOTEBOOKS = {
    "01-corpus-overview": [
        ("md", "# 01 · Corpus overview\n\nArticles by province, site and year; coverage gaps (province × year with no "
               "article); reprints; relevance flags. Data: `$PARTYCORPUS_DATA` (default `data/demo`); figures go to "
               "`$PARTYCORPUS_FIGURES` (default `reports/figures`)."),
        ("code", SETUP),
        ("code", '''articles = c.articles()
print(f"{len(articles)} articles, {articles['site'].nunique()} sites, {articles['province'].nunique()} provinces")
by_province = A.article_counts(articles, "province")
by_site = A.article_counts(articles, "site")
by_year = A.article_counts(articles, "year")
by_province.to_frame().T'''),
        ("code", '''for name, counts, xlabel in [("01-articles-by-province", by_province, "province"),
                              ("01-articles-by-site", by_site, "site"),
                              ("01-articles-by-year", by_year, "year of publication")]:
    if counts.empty:
        P.no_data(name, f"Articles by {xlabel}", "no articles in this corpus")
        continue
    fig, ax = P.new_figure(f"Articles by {xlabel}")
    counts.plot.bar(ax=ax, color="#3b6ea5")
    ax.set_xlabel(xlabel)
    ax.set_ylabel("articles (count)")
    print(P.save(fig, name))
P.close_all()'''),
        ("md", "## Coverage gaps\n\nProvince × year cells with no article, within the corpus's own year span. A gap "
               "means *no article collected*, not *nothing happened*."),
        ("code", '''table = A.province_year_counts(articles)
gaps = A.coverage_gaps(articles)
print(f"{len(gaps)} empty province-year cells out of {table.size}")
if table.empty:
    P.no_data("01-coverage-province-year", "Articles per province and year", "no dated articles")
else:
    fig, ax = P.new_figure("Articles per province and year (empty cell = coverage gap)", 9, 4.5)
    P.heatmap(ax, table, "year of publication", "province", "articles (count)")
    print(P.save(fig, "01-coverage-province-year"))
P.close_all()
gaps.groupby("province")["year"].apply(list).to_frame("years without an article")'''),
        ("md", "## Reprints\n\nSyndicated copies (near-duplicates found by MinHash, exact copies by hash): the copy, "
               "its original, and how many days later it appeared."),
        ("code", '''reprints = A.reprint_summary(articles, c.reprints())
print(f"{len(reprints)} reprints among {len(articles)} articles")
reprints[["site", "published", "title", "original_site", "original_published", "days_later", "similarity", "method"]]'''),
        ("md", "## Relevance\n\nIs each article about party building? The build's score (`build_records.relevance`, "
               "`on_topic`) when the store has it, else the packaged classifier (`corpus.relevance`)."),
        ("code", '''records = c.sql("SELECT * FROM build_records")
flags = A.relevance_flags(A.with_stored_relevance(articles, records))
print(f"on topic: {int(flags['on_topic'].sum())} of {len(flags)}")
if flags.empty:
    P.no_data("01-relevance", "Relevance to party building", "no articles")
else:
    fig, ax = P.new_figure("Relevance to party building (classifier probability)", 7, 3.5)
    ax.hist(flags["relevance"], bins=20, range=(0, 1), color="#3b6ea5")
    ax.set_xlabel("probability that the article is about party building")
    ax.set_ylabel("articles (count)")
    print(P.save(fig, "01-relevance"))
P.close_all()
flags.sort_values("relevance").head(10)'''),
    ],
    "02-directive-citations": [
        ("md", "# 02 · Directive citations\n\nWhich central documents each province cites over time, and how fast a "
               "new central document reaches provincial news: days from the issue date (store `documents` table, "
               "from the gazetteer `nlp.gazetteer`) to its first citation per province. Counts are *articles* "
               "citing a document (several mentions in one article count once)."),
        ("code", SETUP),
        ("code", '''directives = c.directives()
documents = c.documents()
cited = A.central_citations(directives)
print(f"{len(directives)} directive mentions; {cited['canonical_id'].nunique()} central documents cited "
      f"in {cited['article_id'].nunique()} articles")
by_province = A.citation_matrix(directives, "province", top=15)
by_province'''),
        ("code", '''if by_province.empty:
    P.no_data("02-citations-by-province", "Central documents cited, by province", "no central document cited")
else:
    fig, ax = P.new_figure("Central documents cited, by province", 9, 0.4 * len(by_province) + 2)
    P.heatmap(ax, by_province, "province", "central document", "articles citing it")
    print(P.save(fig, "02-citations-by-province"))
by_year = A.citation_matrix(directives, "year", top=15)
if by_year.empty:
    P.no_data("02-citations-by-year", "Central documents cited, by year", "no dated citation")
else:
    fig, ax = P.new_figure("Central documents cited, by year of the article", 9, 0.4 * len(by_year) + 2)
    P.heatmap(ax, by_year, "year of publication", "central document", "articles citing it")
    print(P.save(fig, "02-citations-by-year"))
P.close_all()'''),
        ("md", "## Diffusion: days from issue to first citation\n\nOnly documents with a known issue date; citations "
               "dated before the issue date (misread numbers) are left out. Old documents (issued before the corpus "
               "starts) show long lags that say more about the corpus span than about diffusion."),
        ("code", '''lag = A.citation_lag(directives, documents)
start = pd.to_datetime(c.articles()["published"], errors="coerce").min()
recent = lag[lag["issued"] >= start] if len(lag) else lag
print(f"{len(lag)} (document, province) first citations; {len(recent)} for documents issued inside the corpus span")
if recent.empty:
    P.no_data("02-citation-lag", "Days to first citation", "no document issued inside the corpus span")
else:
    order = recent.groupby("canonical_id")["days"].median().sort_values().index
    fig, ax = P.new_figure("Days from issue to first citation in each province", 9, 0.45 * len(order) + 2)
    for i, doc in enumerate(order):
        d = recent[recent["canonical_id"] == doc]
        ax.scatter(d["days"], [i] * len(d), color="#3b6ea5", zorder=3)
        for k, (_, r) in enumerate(d.sort_values("days").iterrows()):
            ax.annotate(r["province"], (r["days"], i), textcoords="offset points", xytext=(0, 5 if k % 2 else -11),
                        fontsize=7, ha="center")
    ax.set_yticks(range(len(order)), order)
    ax.set_xlabel("days from the document's issue date to the province's first citing article")
    ax.set_ylabel("central document")
    print(P.save(fig, "02-citation-lag"))
P.close_all()
recent.groupby("canonical_id")["days"].agg(["count", "min", "median", "max"])'''),
        ("code", '''lag'''),
    ],
    "03-indicator-comparison": [
        ("md", "# 03 · Indicators by province and year, targets against results\n\nIndicator values (codebook "
               "codes, GUIDE.md §5) with their units, each traceable to its source article and sentence. Numbers "
               "carry the article's attributed place (`place`: a district or the province) so a district's count "
               "is not read as the province's."),
        ("code", SETUP + '''
INDICATORS = list(A.KEY_INDICATORS)   # parameter: codebook codes to show'''),
        ("code", '''places = c.sql("SELECT article_id, province_level, province_place FROM build_records")
indicators = A.attach_place(c.indicators(), places)
achieved = A.indicator_table(indicators)
print(f"{len(indicators)} indicator values, {len(achieved)} achieved; units per indicator:")
achieved.groupby("indicator")["unit"].agg(lambda u: ", ".join(sorted(set(u.dropna())))).to_frame("units")'''),
        ("code", '''shown = [i for i in INDICATORS if i in set(achieved["indicator"])][:4]
if not shown:
    P.no_data("03-indicators-by-province-year", "Indicators by province and year", "no indicator values")
for code in shown:
    table = A.indicator_by_province_year(achieved[achieved["level"].fillna("province") == "province"], code)
    name = f"03-{code.replace('.', '-')}"
    if table.empty:
        P.no_data(name, code, "no province-level values")
        continue
    unit = achieved.loc[achieved["indicator"] == code, "unit"].mode().iat[0]
    fig, ax = P.new_figure(f"{code}: province-level values by year")
    for province, row in table.iterrows():
        row.dropna().plot(ax=ax, marker="o", label=province)
    ax.set_xlabel("year the figure refers to")
    ax.set_ylabel(f"value ({unit})")
    ax.legend(fontsize=8, ncols=2)
    print(P.save(fig, name))
P.close_all()'''),
        ("md", "Every number with its source (first rows of the first indicator shown):"),
        ("code", '''cols = ["province", "place", "year", "indicator", "value", "unit", "qualifier", "url", "sentence"]
achieved[achieved["indicator"].isin(shown[:1])][cols].head(15)'''),
        ("md", "## Targets against results\n\nEach target with an indicator, next to the achieved values of the same "
               "indicator and place between the target article's year and its deadline. `met`: achieved ≥ target "
               "(≤ for `weak_pct`, disciplined, removed)."),
        ("code", '''tvr = A.targets_vs_results(A.attach_place(c.targets(), places), indicators)
compared = tvr.dropna(subset=["achieved"])
decided = compared.dropna(subset=["met"])
print(f"{tvr[['target_sentence', 'indicator']].drop_duplicates().shape[0]} targets with an indicator; "
      f"{len(compared)} target/result pairs; {len(decided)} comparable (annual or %), "
      f"met in {int(decided['met'].astype(bool).sum())}")
if compared.empty:
    P.no_data("03-targets-vs-results", "Targets against results", "no target with a matching result")
else:
    fig, ax = P.new_figure("Targets against achieved values (same indicator and place)", 7, 5)
    for label, colour, d in [("met", "#2a9d57", decided[decided["met"].astype(bool)]),
                             ("not met", "#c0392b", decided[~decided["met"].astype(bool)]),
                             ("not comparable (term total vs one year)", "#bbbbbb", compared[compared["met"].isna()])]:
        ax.scatter(d["target"], d["achieved"], color=colour, label=label, alpha=0.8)
    lim = [0, max(compared["target"].max(), compared["achieved"].max()) * 1.05]
    ax.plot(lim, lim, color="grey", lw=0.8, ls="--", label="achieved = target")
    ax.set_xscale("symlog")
    ax.set_yscale("symlog")
    ax.set_xlabel("target value (indicator's unit: members, % ...)")
    ax.set_ylabel("achieved value (same unit)")
    ax.legend()
    print(P.save(fig, "03-targets-vs-results"))
P.close_all()
compared[["province", "place", "indicator", "unit", "target", "recurrence", "deadline_year", "achieved", "achieved_year", "met",
          "target_sentence", "result_sentence", "result_url"]].head(20)'''),
    ],
    "04-topics": [
        ("md", "# 04 · Topics\n\nunderthesea word segmentation, TF-IDF and NMF (small `K`, fixed `SEED`): top words "
               "per topic, topic shares by province and year. Topics on a small corpus are unstable: read them with "
               "the articles."),
        ("code", SETUP + '''
K = 5        # parameter: number of topics
SEED = 0     # parameter: NMF random_state'''),
        ("code", '''articles = c.articles()
texts = (articles["title"].fillna("") + "\\n" + articles["text"].fillna("")).tolist()
doc_topics, top_words = A.topic_model(texts, k=K, random_state=SEED)
print(f"{len(articles)} articles, {len(top_words)} topics")
top_words'''),
        ("code", '''years = A.year_of(articles["published"])
for name, groups, label in [("04-topics-by-province", articles["province"], "province"),
                            ("04-topics-by-year", years, "year of publication")]:
    shares = A.topic_shares(doc_topics, groups)
    if shares.empty:
        P.no_data(name, f"Topic shares by {label}", "too few articles for topics")
        continue
    fig, ax = P.new_figure(f"Topic shares by {label}", 9, 4.5)
    shares.plot.bar(ax=ax, stacked=True, width=0.8, colormap="tab10")
    ax.set_xlabel(label)
    ax.set_ylabel("mean topic weight (share of the articles)")
    ax.legend([f"{t}: {w.split(', ')[0]}, {w.split(', ')[1] if ', ' in w else ''}" for t, w in
               zip(top_words["topic"], top_words["words"])], fontsize=7, loc="upper left", bbox_to_anchor=(1, 1))
    print(P.save(fig, name))
P.close_all()'''),
        ("code", '''if not doc_topics.empty:
    best = articles[["published", "province", "title"]].assign(topic=doc_topics.idxmax(axis=1),
                                                                weight=doc_topics.max(axis=1))
    display(best.sort_values(["topic", "weight"], ascending=[True, False]).groupby("topic").head(3))'''),
    ],
    "05-concordance": [
        ("md", "# 05 · Concordance\n\nKeyword in context for a directive canonical id (every way the texts name it, "
               "from the extractor's mentions) or any phrase (case-insensitive), with links back to the articles. "
               "Set `QUERY` below."),
        ("code", '''QUERY = "05-CT/TW"     # parameter: a canonical id ("28-CT/TW") or a phrase ("kết nạp đảng viên")
WIDTH = 70             # parameter: characters of context on each side'''),
        ("code", SETUP),
        ("code", '''articles = c.articles()
directives = c.directives()
kwic = A.concordance(articles, QUERY, directives, width=WIDTH)
print(f"{QUERY!r}: {len(kwic)} occurrences in {kwic['article_id'].nunique()} articles")
kwic[["published", "province", "left", "match", "right", "url"]]'''),
        ("code", '''years = A.year_of(kwic["published"]).dropna().astype(int)
if years.empty:
    P.no_data("05-concordance-by-year", f"{QUERY}: occurrences by year", "no occurrence")
else:
    fig, ax = P.new_figure(f"{QUERY}: occurrences by year and province", 8, 4)
    pd.crosstab(years.values, kwic.loc[years.index, "province"].fillna("(unknown)")).plot.bar(
        ax=ax, stacked=True, colormap="tab10")
    ax.set_xlabel("year of publication")
    ax.set_ylabel("occurrences (count)")
    ax.legend(fontsize=8, title="province")
    print(P.save(fig, "05-concordance-by-year"))
P.close_all()'''),
        ("md", "Phrases work too (all articles containing it, with URLs):"),
        ("code", '''A.concordance(articles, "kết nạp đảng viên", width=40)[["published", "province", "left", "match", "right", "url"]].head(10)'''),
    ],
}


def build(folder: Path = HERE) -> list[Path]:
    """Write every notebook with empty outputs; returns the paths.

    >>> build()                                               # doctest: +SKIP
    [PosixPath('notebooks/01-corpus-overview.ipynb'), ...]
    """
    paths = []
    for name, cells in NOTEBOOKS.items():
        nb = nbformat.v4.new_notebook()
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        nb.metadata["language_info"] = {"name": "python"}
        nb.cells = [nbformat.v4.new_markdown_cell(src) if kind == "md" else nbformat.v4.new_code_cell(src)
                    for kind, src in cells]
        for i, cell in enumerate(nb.cells):
            cell["id"] = f"{name[:2]}-{i:02d}"
        path = folder / f"{name}.ipynb"
        nbformat.write(nb, path)
        paths.append(path)
    return paths


if __name__ == "__main__":
    for p in build():
        print(p)

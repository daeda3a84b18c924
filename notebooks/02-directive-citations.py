# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#       jupytext_version: 1.19.7
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 02 · Directive citations
#
# Which central documents each province cites over time, and how fast a new central document reaches provincial news: days from the issue date (store `documents` table, from the gazetteer `nlp.gazetteer`) to its first citation per province. Counts are *articles* citing a document (several mentions in one article count once).

# %%
import os
import pandas as pd
import matplotlib
matplotlib.use("Agg")
import corpus
from corpus import analysis as A, plotting as P

P.use_style()
pd.set_option("display.max_colwidth", 120)
DATA = A.data_dir()          # $PARTYCORPUS_DATA, else data/demo
c = corpus.open(DATA)
print("store:", c.path)

# %%
directives = c.directives()
documents = c.documents()
cited = A.central_citations(directives)
print(f"{len(directives)} directive mentions; {cited['canonical_id'].nunique()} central documents cited "
      f"in {cited['article_id'].nunique()} articles")
by_province = A.citation_matrix(directives, "province", top=15)
by_province

# %%
if by_province.empty:
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
P.close_all()

# %% [markdown]
# ## Diffusion: days from issue to first citation
#
# Only documents with a known issue date; citations dated before the issue date (misread numbers) are left out. Old documents (issued before the corpus starts) show long lags that say more about the corpus span than about diffusion.

# %%
lag = A.citation_lag(directives, documents)
start = pd.to_datetime(c.sql("SELECT min(TRY_CAST(published AS DATE)) AS first FROM articles")["first"]).min()
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
recent.groupby("canonical_id")["days"].agg(["count", "min", "median", "max"])

# %%
lag

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
# # 01 · Corpus overview
#
# Articles by province, site and year; coverage gaps (province × year with no article); reprints; relevance flags. Data: `$PARTYCORPUS_DATA` (default `data/demo`); figures go to `$PARTYCORPUS_FIGURES` (default `reports/figures`).

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
articles = c.articles(text=False)   # counts need no article bodies: memory stays small on a large corpus
print(f"{len(articles)} articles, {articles['site'].nunique()} sites, {articles['province'].nunique()} provinces")
by_province = A.article_counts(articles, "province")
by_site = A.article_counts(articles, "site")
by_year = A.article_counts(articles, "year")
by_province.to_frame().T

# %%
for name, counts, xlabel in [("01-articles-by-province", by_province, "province"),
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
P.close_all()

# %% [markdown]
# ## Coverage gaps
#
# Province × year cells with no article, within the corpus's own year span. A gap means *no article collected*, not *nothing happened*.

# %%
table = A.province_year_counts(articles)
gaps = A.coverage_gaps(articles)
print(f"{len(gaps)} empty province-year cells out of {table.size}")
if table.empty:
    P.no_data("01-coverage-province-year", "Articles per province and year", "no dated articles")
else:
    fig, ax = P.new_figure("Articles per province and year (empty cell = coverage gap)", 9, 4.5)
    P.heatmap(ax, table, "year of publication", "province", "articles (count)")
    print(P.save(fig, "01-coverage-province-year"))
P.close_all()
gaps.groupby("province")["year"].apply(list).to_frame("years without an article")

# %% [markdown]
# ## Reprints
#
# Syndicated copies (near-duplicates found by MinHash, exact copies by hash): the copy, its original, and how many days later it appeared.

# %%
reprints = A.reprint_summary(articles, c.reprints())
print(f"{len(reprints)} reprints among {len(articles)} articles")
reprints[["site", "published", "title", "original_site", "original_published", "days_later", "similarity", "method"]]

# %% [markdown]
# ## Relevance
#
# Is each article about party building? The build's score (`build_records.relevance`, `on_topic`) when the store has it, else the packaged classifier (`corpus.relevance`).

# %%
records = c.sql("SELECT * FROM build_records")
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
flags.sort_values("relevance").head(10)

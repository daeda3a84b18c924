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
# # 05 · Concordance
#
# Keyword in context for a directive canonical id (every way the texts name it, from the extractor's mentions) or any phrase (case-insensitive), with links back to the articles. Set `QUERY` below.

# %%
QUERY = "05-CT/TW"     # parameter: a canonical id ("28-CT/TW") or a phrase ("kết nạp đảng viên")
WIDTH = 70             # parameter: characters of context on each side

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
MAX_ARTICLES = 2_000   # parameter: at most this many articles read for a phrase (the newest; the output says so)

def concordance_articles(query):
    """The articles a concordance needs: those citing the document, or those holding every word of the phrase."""
    mentions = c.sql("SELECT * FROM directive_mentions WHERE canonical_id = ? ORDER BY article_id, mention_no", [query])
    ids = mentions["article_id"].unique() if len(mentions) else c.phrase_articles(query)
    found = c.articles(text=False, ids=ids)
    if len(found) > MAX_ARTICLES:
        print(f"{query!r}: {len(found)} candidate articles, reading the {MAX_ARTICLES} newest")
        found = found.sort_values("published", ascending=False, na_position="last").head(MAX_ARTICLES)
    return c.articles(ids=found["article_id"]), mentions

articles, directives = concordance_articles(QUERY)
kwic = A.concordance(articles, QUERY, directives, width=WIDTH)
print(f"{QUERY!r}: {len(kwic)} occurrences in {kwic['article_id'].nunique()} articles")
kwic[["published", "province", "left", "match", "right", "url"]]

# %%
years = A.year_of(kwic["published"]).dropna().astype(int)
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
P.close_all()

# %% [markdown]
# Phrases work too (all articles containing it, with URLs):

# %%
phrase_articles, _ = concordance_articles("kết nạp đảng viên")
A.concordance(phrase_articles, "kết nạp đảng viên", width=40)[["published", "province", "left", "match", "right", "url"]].head(10)

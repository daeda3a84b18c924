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
# # 04 · Topics
#
# TF-IDF and NMF (small `K`, fixed `SEED`) over the words the build stored for each article (the search index, `search_terms`: nothing is segmented again here): top words per topic, topic shares by province and year. A corpus larger than `SAMPLE` articles is modelled on a random sample of `SAMPLE` articles drawn with `SEED` (NMF costs grow faster than the corpus); the output says so. Topics on a small corpus are unstable: read them with the articles.

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
K = 5        # parameter: number of topics
SEED = 0     # parameter: NMF random_state and sample seed
SAMPLE = 10_000   # parameter: at most this many articles in the model (a seeded random sample beyond)

# %%
all_articles = c.articles(text=False)
articles = A.sample_rows(all_articles, SAMPLE, SEED)
if len(articles) < len(all_articles):
    print(f"sample: {len(articles)} of {len(all_articles)} articles, drawn at random with seed {SEED}")
words = A.stored_terms(c.con, articles["article_id"])
doc_topics, top_words = A.topic_model(words, k=K, random_state=SEED, tokenized=True, stop_words=A.TERM_STOP_WORDS)
print(f"{len(articles)} articles, {len(top_words)} topics")
top_words

# %%
years = A.year_of(articles["published"])
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
P.close_all()

# %%
if not doc_topics.empty:
    best = articles[["published", "province", "title"]].assign(topic=doc_topics.idxmax(axis=1),
                                                                weight=doc_topics.max(axis=1))
    display(best.sort_values(["topic", "weight"], ascending=[True, False]).groupby("topic").head(3))

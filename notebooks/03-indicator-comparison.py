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
# # 03 · Indicators by province and year, targets against results
#
# Indicator values (codebook codes, GUIDE.md §5) with their units, each traceable to its source article and sentence. Numbers carry the article's attributed place (`place`: a district or the province) so a district's count is not read as the province's.

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
INDICATORS = list(A.KEY_INDICATORS)   # parameter: codebook codes to show

# %%
places = c.sql("SELECT article_id, province_level, province_place FROM build_records")
indicators = A.attach_place(c.indicators(), places)
achieved = A.indicator_table(indicators)
print(f"{len(indicators)} indicator values, {len(achieved)} achieved; units per indicator:")
achieved.groupby("indicator")["unit"].agg(lambda u: ", ".join(sorted(set(u.dropna())))).to_frame("units")

# %%
shown = [i for i in INDICATORS if i in set(achieved["indicator"])][:4]
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
P.close_all()

# %% [markdown]
# Every number with its source (first rows of the first indicator shown):

# %%
cols = ["province", "place", "year", "indicator", "value", "unit", "qualifier", "url", "sentence"]
achieved[achieved["indicator"].isin(shown[:1])][cols].head(15)

# %% [markdown]
# ## Targets against results
#
# Each target with an indicator, next to the achieved values of the same indicator and place between the target article's year and its deadline. `met`: achieved ≥ target (≤ for `weak_pct`, disciplined, removed).

# %%
tvr = A.targets_vs_results(A.attach_place(c.targets(), places), indicators)
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
          "target_sentence", "result_sentence", "result_url"]].head(20)

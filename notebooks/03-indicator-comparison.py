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
# # 03 · Indicators by province and year, conflicting sources, targets against results
#
# Indicator values with their units, each traceable to its source article and sentence. Codes follow codebook 3 (`SUBJECT.ROLE`: `members.admitted`, `base_orgs.good_or_better_pct` …; every definition in docs/researchers.md §3): a figure has a code only when what it counts and what happened to it are both named in its sentence. Numbers carry the article's attributed place (`place`: a district or the province) so a district's count is not read as the province's. Where articles disagree, the value shown is chosen by stated rules and the disagreement is listed below.

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
cells = A.indicator_cells(c)          # the values indicators_wide shows: one per province, year, indicator
for code in shown:
    table = cells[cells["indicator"] == code].pivot_table(index="province", columns="year", values="chosen_value",
                                                          aggfunc="first")
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
# ## When sources disagree
#
# Articles often give different values for one province, year and indicator (December's estimate and the final figure, a district's report, a reprint). `indicators_wide` shows one value chosen by rules in a fixed order (`corpus/indicators.py`): 1. `province_level`: a figure about the province as a whole over one from a district's or commune's report; 2. `original`: an original article over a reprint; 3. `latest`: the latest publication; 4. `tie`: article id, then position. `rule` says which rule set the chosen value apart (`agree`: all candidates give the same value; `only`: one candidate). `n_sources` counts independent sources: a reprint never counts (`counted` is false for the other copies of a story). `conflict` is true when two independent sources disagree beyond rounding (values equal after rounding to the less precise one as written agree). Below, every candidate of the cells in conflict, the chosen one first (`rank` 1); read the sentences: a conflict may be an extraction error as well as a revision.

# %%
candidates = A.indicator_conflicts(c)
print(f"{len(cells)} province × year × indicator values in indicators_wide; "
      f"{int((cells['n_candidates'] > 1).sum())} chosen among several figures; "
      f"{int(cells['conflict'].astype(bool).sum())} where independent sources disagree")
print("rule that chose the value:", cells["rule"].value_counts().to_dict())
print(f"{int(candidates['is_reprint'].astype(bool).sum())} candidate figures come from reprints: listed, never counted")
conflicts = candidates[candidates["conflict"].astype(bool)]
conflicts[["province", "year", "indicator", "chosen_value", "rule", "n_sources", "spread", "rank", "counted", "value",
           "text", "published", "is_reprint", "sentence", "url"]].head(30)

# %% [markdown]
# ## Targets against results
#
# Each target with an indicator, next to what was achieved. A plan stated with its result in the same sentence ("kết nạp 1.050/1.000 đảng viên", "đạt …, bằng 105% kế hoạch") carries its own achieved value and ratio (`how`: stated with the plan). Other targets are matched with the achieved values of the same indicator and place between the target article's year and its deadline. `met`: achieved ≥ target (≤ for ceilings: weak, not completed, discipline, removals).

# %%
tvr = A.targets_vs_results(A.attach_place(c.targets(), places), indicators)
stated = tvr[tvr["how"] == "stated with the plan"]
print(f"{len(stated)} plans stated with their result; met in {int(stated['met'].dropna().astype(bool).sum())}")
stated[["province", "indicator", "unit", "target", "achieved", "achieved_ratio", "met", "target_sentence"]].head(15)

# %%
compared = tvr.dropna(subset=["achieved", "target"])
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
compared[["province", "place", "indicator", "unit", "target", "recurrence", "deadline_year", "achieved", "achieved_year",
          "achieved_ratio", "met", "how", "target_sentence", "result_sentence", "result_url"]].head(20)

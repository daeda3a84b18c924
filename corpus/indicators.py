"""One value per province × year × indicator, chosen by stated rules, with the disagreement kept.

Articles often give different values for the same province, year and indicator: an estimate in
December and the final figure in spring, a district's report beside the province's, a reprint on
another site. ``cells(con)`` decides one value per cell and says why, counts the independent
sources and measures how far they disagree; the export's ``indicators_wide`` and
``indicator_conflicts`` tables and notebook 03 (``indicator_conflicts``) all come from here.

Candidates: achieved whole-year figures (``year_part`` empty, no period total) that count for the
whole province (``province_total``: the sentence names the province or no place), reprints included.
They are ranked by these rules, in this order (``RULES``):

1. ``province_level``: a figure about the province as a whole (its sentence names the province,
   "toàn tỉnh", "Tỉnh ủy" …, or names no place in an article about the province) over one that names
   no place in an article attributed to a district or commune (``build_records.province_level``:
   the district's or commune's report, whose bare figures are most likely its own);
2. ``original``: an original article over a reprint (``reprint_links``);
3. ``latest``: the latest publication (``published``): a later report revises an earlier one (an
   article whose page changed keeps only its latest text's figures, ``articles.version``);
4. ``tie``: stable tie-break, ``article_id`` then position in the article.

The first candidate wins. ``rule`` names the rule that set its value apart from the best candidate
with a different value: ``only`` when there is one candidate, ``agree`` when every candidate gives
the same value (after rounding, below).

Independent sources: each reprint cluster (an original and its copies) counts once, represented by
its best-ranked article; the other copies are listed (``is_reprint``) but never counted.
``n_sources``, ``n_values``, ``min``, ``max``, ``spread`` and ``conflict`` use the representatives'
figures only. Two values agree when they are equal after rounding both to the precision of the less
precise one as written ("10,6%" and "10,58%" agree; "1.705" and "1.836" do not); ``conflict`` is
set when two different sources give values that do not agree. Qualifiers ("gần", "hơn") and the
upper bound of a range are not used: a value counts as written.

>>> import duckdb                                                  # doctest: +SKIP
>>> [c.value for c in cells(duckdb.connect("data/demo/corpus.duckdb", read_only=True))][:3]  # doctest: +SKIP
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from itertools import combinations, groupby

RULES = (
    ("province_level", "a figure about the province as a whole over one from a district's or commune's report"),
    ("original", "an original article over a reprint"),
    ("latest", "the latest publication (a later report revises an earlier one; an article whose page changed "
               "competes with its latest stored text only)"),
    ("tie", "stable tie-break: article_id, then position in the article"),
)
RULE_NOTE = ("rule: which rule chose the value over the best candidate with a different value, in this order: "
             + "; ".join(f"{i}. {name}: {doc}" for i, (name, doc) in enumerate(RULES, 1))
             + "; 'only': one candidate; 'agree': all candidates give the same value")
TOLERANCE_NOTE = ("values agree when equal after rounding both to the precision of the less precise one as "
                  "written ('10,6%' and '10,58%' agree)")


@dataclass(slots=True)
class Candidate:
    """One achieved figure competing for a cell."""

    province: str
    year: int
    indicator: str
    value: float
    unit: str | None
    qualifier: str | None
    article_id: str
    url: str | None
    published: str | None
    sentence: str | None
    start: int | None
    place: str | None
    scope: str                 # 'province' or the level of the article's place ('district', 'commune')
    reprint_of: str | None     # the original when the article is a reprint
    text: str | None = None    # the figure as written ("còn 1,0%")
    rank: int = 0              # 1 = chosen
    counted: bool = False      # figure of its reprint cluster's representative article
    precision: int = 0         # decimal places as written (set by ``decide``)

    @property
    def is_reprint(self) -> bool:
        return self.reprint_of is not None

    @property
    def source(self) -> str:
        """Reprint cluster: the original's id (an original is its own)."""
        return self.reprint_of or self.article_id

    def key(self) -> tuple:
        """One component per rule of ``RULES``: smaller wins, except ``published`` (the latest wins)."""
        return (self.scope != "province", self.is_reprint, self.published or "", (self.article_id, self.start or 0))


@dataclass
class Cell:
    """The chosen value of one province × year × indicator, why, and how far the sources disagree."""

    province: str
    year: int
    indicator: str
    value: float
    unit: str | None
    rule: str
    n_sources: int
    n_values: int
    min: float
    max: float
    spread: float
    rel_spread: float | None
    conflict: bool
    candidates: list[Candidate] = field(default_factory=list)


def decimals(value: float) -> int:
    """Decimal places of a value as written ("10,6" -> 1, "1.705" -> 0).

    >>> decimals(10.6), decimals(1705.0), decimals(0.25)
    (1, 0, 2)
    """
    exp = Decimal(repr(float(value))).normalize().as_tuple().exponent
    return max(0, -exp) if isinstance(exp, int) else 0


_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def written_decimals(text: str | None, value: float) -> int:
    """Decimal places of ``value`` as ``text`` writes it (Vietnamese: decimal comma, thousands dot); the
    value's own decimals when the text does not show it.

    >>> written_decimals("còn 1,0%", 1.0), written_decimals("1.705 đảng viên", 1705.0), written_decimals(None, 2.5)
    (1, 0, 1)
    """
    for tok in _NUMBER.findall(text or ""):
        if "," in tok:
            whole, frac = tok.rsplit(",", 1)
        elif "." in tok and any(len(g) != 3 for g in tok.split(".")[1:]):
            whole, frac = tok.rsplit(".", 1)
        else:
            whole, frac = tok, ""
        whole = whole.replace(".", "").replace(",", "")
        if abs(float(whole + "." + (frac or "0")) - value) <= 1e-9 * max(1.0, abs(value)):
            return len(frac)
    return decimals(value)


def agree(a: float, b: float, da: int | None = None, db: int | None = None) -> bool:
    """Equal after rounding both to the precision of the less precise value (``da``, ``db``: decimals as
    written; default: the values' own).

    >>> agree(10.6, 10.58), agree(95.0, 95.3), agree(1705.0, 1836.0), agree(1.0, 0.8), agree(1.0, 0.8, 1, 1)
    (True, True, False, True, False)
    """
    da = decimals(a) if da is None else da
    db = decimals(b) if db is None else db
    q = Decimal(1).scaleb(-min(da, db))
    return Decimal(repr(float(a))).quantize(q, ROUND_HALF_UP) == Decimal(repr(float(b))).quantize(q, ROUND_HALF_UP)


def _agree(a: Candidate, b: Candidate) -> bool:
    return agree(a.value, b.value, a.precision, b.precision)


def _rule(best: Candidate, other: Candidate) -> str:
    for (name, _), x, y in zip(RULES, best.key(), other.key()):
        if x != y:
            return name
    return "tie"


def _disagree(counted: list[Candidate]) -> bool:
    """Whether two counted candidates of different sources disagree. Candidates are grouped by value and
    written precision first (the same value agrees with itself), so a cell repeated by thousands of
    articles costs the number of its distinct values squared, not of its candidates.

    >>> mk = lambda v, src: Candidate("x", 2021, "i", v, None, "exact", src, None, None, None, 0, src, "province", None)
    >>> _disagree([mk(1.0, "a"), mk(1.0, "b")]), _disagree([mk(1.0, "a"), mk(2.0, "b")])
    (False, True)
    """
    groups: dict[tuple, set] = {}
    for c in counted:
        groups.setdefault((c.value, c.precision), set()).add(c.source)
    keys = list(groups)
    return any(not agree(a[0], b[0], a[1], b[1]) and len(groups[a] | groups[b]) > 1
               for a, b in combinations(keys, 2))


def decide(candidates: list[Candidate]) -> Cell:
    """Rank the candidates of one cell (sets ``rank`` and ``counted``) and sum them up.

    >>> a = Candidate("x", 2021, "members.admitted", 2108.0, None, "approx", "a", None, "2021-12-20", None, 0, None,
    ...               "province", None)
    >>> b = Candidate("x", 2021, "members.admitted", 2131.0, None, "exact", "b", None, "2022-01-18", None, 0, None,
    ...               "province", None)
    >>> c = decide([a, b]); (c.value, c.rule, c.n_sources, c.spread, c.conflict)
    (2131.0, 'latest', 2, 23.0, True)
    """
    cands = sorted(candidates, key=lambda c: c.key()[3])               # stable sorts, the last rule first
    cands.sort(key=lambda c: c.key()[2], reverse=True)                  # the latest publication first
    cands.sort(key=lambda c: c.key()[:2])
    best = cands[0]
    representative: dict[str, str] = {}
    for i, c in enumerate(cands, 1):
        c.rank = i
        c.precision = written_decimals(c.text, c.value)
        c.counted = representative.setdefault(c.source, c.article_id) == c.article_id
    counted = [c for c in cands if c.counted]
    values = [c.value for c in counted]
    lo, hi = min(values), max(values)
    other = next((c for c in cands[1:] if not _agree(c, best)), None)
    rule = "only" if len(cands) == 1 else "agree" if other is None else _rule(best, other)
    conflict = _disagree(counted)
    return Cell(best.province, best.year, best.indicator, best.value, best.unit, rule, len(representative),
                len(set(values)), lo, hi, hi - lo, (hi - lo) / abs(best.value) if best.value else None, conflict,
                cands)


CANDIDATES_SQL = """
SELECT {province} AS province, m.year, m.indicator, m.value, m.unit, m.qualifier, m.article_id, m.url, m.published,
       m.sentence, m.start, m.place,
       CASE WHEN m.place_level = 'province' OR coalesce(b.province_level, 'province') = 'province' THEN 'province'
            ELSE b.province_level END AS scope,
       r.original_id AS reprint_of, f.text
FROM indicator_values m
LEFT JOIN build_records b USING (article_id)
LEFT JOIN reprint_links r USING (article_id)
LEFT JOIN (SELECT article_id, start, any_value(text) AS text FROM figure_mentions GROUP BY ALL) f
       ON f.article_id = m.article_id AND f.start = m.start
WHERE m.kind = 'achieved' AND m.province IS NOT NULL AND m.year IS NOT NULL AND m.year_part IS NULL
  AND m.period_start IS NULL AND m.period_end IS NULL AND m.province_total IS NOT FALSE AND m.value IS NOT NULL
ORDER BY 1, 2, 3
"""


def cells(con, province: str = "m.province"):
    """Every cell, in (province, year, indicator) order. ``con`` is a DuckDB connection on the store;
    ``province`` the SQL expression of the province (the export passes its province-map macro)."""
    cursor = con.execute(CANDIDATES_SQL.format(province=province))
    rows = (Candidate(*r) for chunk in iter(lambda: cursor.fetchmany(10_000), []) for r in chunk)
    for _, group in groupby(rows, key=lambda c: (c.province, c.year, c.indicator)):
        yield decide(list(group))


# -- the export's long table and the notebook's frame -------------------------------------------

#: indicator_conflicts columns: (name, Frictionless type, description); one row per candidate.
CONFLICT_FIELDS = [
    ("province", "string", "province slug"),
    ("year", "integer", "year"),
    ("indicator", "string", "codebook indicator code"),
    ("unit", "string", "unit of the chosen value"),
    ("chosen_value", "number", "the value indicators_wide shows for this province, year and indicator"),
    ("rule", "string", RULE_NOTE),
    ("n_sources", "integer", "independent sources: distinct articles after collapsing each reprint cluster to one "
                             "(reprints never count)"),
    ("n_values", "integer", "distinct values among the independent sources' figures"),
    ("min", "number", "smallest value of the independent sources"),
    ("max", "number", "largest value of the independent sources"),
    ("spread", "number", "max - min"),
    ("rel_spread", "number", "spread / |chosen_value| (empty when the chosen value is 0)"),
    ("conflict", "boolean", "two independent sources disagree: " + TOLERANCE_NOTE),
    ("rank", "integer", "rank of this candidate under the rules (1 = chosen)"),
    ("chosen", "boolean", "this candidate is the one chosen (rank 1)"),
    ("counted", "boolean", "this candidate's article stands for its reprint cluster (counted in n_sources, "
                           "min, max); false for the other copies of a reprinted story"),
    ("article_id", "string", "the candidate's article"),
    ("url", "string", "its address"),
    ("published", "date", "its publication date"),
    ("value", "number", "the candidate's value"),
    ("text", "string", "the figure as written (its precision decides what agrees)"),
    ("qualifier", "string", "exact|approx|min|max as written"),
    ("scope", "string", "'province': the figure is about the province as a whole; 'district' or 'commune': it "
                        "names no place in an article about a district or commune (a district's report)"),
    ("place", "string", "place the sentence names (empty: none)"),
    ("is_reprint", "boolean", "the article is a reprint (a copy of reprint_of)"),
    ("reprint_of", "string", "the original of a reprint"),
    ("sentence", "string", "the candidate's sentence"),
    ("start", "integer", "figure start offset in the article text"),
]


def conflict_rows(all_cells, only_conflicts: bool = False):
    """Rows of ``indicator_conflicts`` (``CONFLICT_FIELDS`` order): every candidate of every cell with more
    than one candidate (``only_conflicts``: of cells whose sources disagree)."""
    for cell in all_cells:
        if len(cell.candidates) < 2 or (only_conflicts and not cell.conflict):
            continue
        head = (cell.province, cell.year, cell.indicator, cell.unit, cell.value, cell.rule, cell.n_sources,
                cell.n_values, cell.min, cell.max, cell.spread, cell.rel_spread, cell.conflict)
        for c in cell.candidates:
            yield head + (c.rank, c.rank == 1, c.counted, c.article_id, c.url, c.published, c.value, c.text,
                          c.qualifier, c.scope, c.place, c.is_reprint, c.reprint_of, c.sentence, c.start)


def _connection(source):
    """A DuckDB connection from a connection, ``corpus.open()`` handle, ``Store`` or data folder."""
    if hasattr(source, "execute"):
        return source, None
    if hasattr(source, "con"):
        return source.con, None
    from .store import Store

    store = Store(os.fspath(source))
    return store.con, store


def indicator_conflicts(source, only_conflicts: bool = False):
    """``indicator_conflicts`` as a DataFrame: one row per candidate of each cell with several candidates.

    ``source``: ``corpus.open(...)``, a ``Store``, a DuckDB connection or a data folder.

    >>> import corpus                                              # doctest: +SKIP
    >>> indicator_conflicts(corpus.open("data/demo"), only_conflicts=True)   # doctest: +SKIP
    """
    import pandas as pd

    con, owned = _connection(source)
    try:
        rows = list(conflict_rows(cells(con), only_conflicts))
    finally:
        if owned is not None:
            owned.close()
    return pd.DataFrame(rows, columns=[f[0] for f in CONFLICT_FIELDS])


def indicator_cells(source):
    """One row per province × year × indicator: the chosen value and the cell's summary (no candidates)."""
    import pandas as pd

    con, owned = _connection(source)
    try:
        rows = [(c.province, c.year, c.indicator, c.unit, c.value, c.rule, c.n_sources, c.n_values, c.min, c.max,
                 c.spread, c.rel_spread, c.conflict, len(c.candidates)) for c in cells(con)]
    finally:
        if owned is not None:
            owned.close()
    return pd.DataFrame(rows, columns=[f[0] for f in CONFLICT_FIELDS[:13]] + ["n_candidates"])

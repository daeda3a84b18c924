"""Choosing one value per province × year × indicator (corpus.indicators) on a real DuckDB store: each rule
decides a case, reprints never add a source, the conflict flag, and the exports in every format.
Articles and figure rows are synthetic (written for these tests), not real news."""
from __future__ import annotations

import csv
import json

import pytest

import corpus
from corpus import analysis
from corpus.build import rebuild_derived, run_build
from corpus.export import export_tables
from corpus.indicators import CONFLICT_FIELDS, agree, written_decimals
from corpus.store import Store


def _text(topic: str) -> str:
    """A short text (under dedup.MIN_TOKENS words: only an exact copy is a reprint of it)."""
    return f"{topic}: các đại biểu bàn về công tác phát triển đảng viên."


def _article(aid, published, title, text=None, topic=None):
    site = aid.split(":")[0]
    return {"article_id": aid, "site": site, "province": "lang-son", "published": published, "title": title,
            "text": text or _text(topic or title), "url": f"https://{site}.invalid/{aid.split(':')[1]}.html"}


DISTRICT = "Huyện ủy Cao Lộc tổng kết năm 2019. Các chi bộ của huyện Cao Lộc chú trọng thôn chưa có đảng viên."
ORIGINAL = _text("sơ kết công tác tổ chức xây dựng Đảng năm 2020 của Tỉnh ủy")
ESTIMATE = _text("Ban Chấp hành Đảng bộ tỉnh cuối năm 2021")
ARTICLES = [
    _article("ls:1", "2020-01-10", "Lạng Sơn tổng kết công tác xây dựng Đảng năm 2019"),
    _article("ls:2", "2020-03-01", "Huyện ủy Cao Lộc tổng kết năm 2019", DISTRICT),
    _article("ls:3", "2021-01-05", "Tỉnh ủy sơ kết công tác tổ chức năm 2020", ORIGINAL),
    _article("khac:4", "2021-01-20", "Bản đăng lại: sơ kết công tác tổ chức", ORIGINAL),   # exact reprint of ls:3
    _article("ls:5", "2021-12-20", "Hội nghị Ban Chấp hành Đảng bộ tỉnh cuối năm 2021", ESTIMATE),
    _article("khac:6", "2021-12-22", "Bản đăng lại: hội nghị cuối năm", ESTIMATE),           # exact reprint of ls:5
    _article("ls:7", "2022-01-18", "Số liệu chính thức năm 2021", topic="công bố số liệu chính thức năm 2021"),
    _article("ls:8", "2023-02-01", "Báo cáo của Ban Tổ chức", topic="Ban Tổ chức Tỉnh ủy đầu năm 2023"),
    _article("ls:9", "2023-02-01", "Báo cáo của Ủy ban Kiểm tra", topic="Ủy ban Kiểm tra Tỉnh ủy đầu năm 2023"),
    _article("ls:10", "2024-03-01", "Đánh giá xếp loại năm 2023", topic="xếp loại tổ chức đảng 2023"),
    _article("ls:11", "2024-03-05", "Kết quả xếp loại năm 2023", topic="công bố kết quả xếp loại năm 2023"),
]

# (article, year, indicator, value, figure as written, place_level): achieved figures of lang-son
FIGURES = [
    ("ls:1", 2019, "members.admitted", 1924, "1.924 đảng viên", None),     # province article, no place named
    ("ls:2", 2019, "members.admitted", 181, "181 đảng viên", None),        # district article, no place named
    ("ls:3", 2020, "members.admitted", 2000, "2.000 đảng viên", "province"),
    ("khac:4", 2020, "members.admitted", 2010, "2.010 đảng viên", "province"),  # the reprint, figure edited
    ("ls:5", 2021, "members.admitted", 2108, "2.108 đảng viên", "province"),    # December's estimate
    ("khac:6", 2021, "members.admitted", 2108, "2.108 đảng viên", "province"),  # its reprint
    ("ls:7", 2021, "members.admitted", 2131, "2.131 đảng viên", "province"),    # the final figure
    ("ls:8", 2022, "members.admitted", 2150, "2.150 đảng viên", "province"),    # same day, different values
    ("ls:9", 2022, "members.admitted", 2160, "2.160 đảng viên", "province"),
    ("ls:10", 2023, "orgs.excellent_pct", 10.6, "10,6%", "province"),           # agree after rounding
    ("ls:11", 2023, "orgs.excellent_pct", 10.58, "10,58%", "province"),
    ("ls:10", 2023, "orgs.weak_pct", 1.0, "còn 1,0%", "province"),              # as written: disagree
    ("ls:11", 2023, "orgs.weak_pct", 0.8, "còn 0,8%", "province"),
    ("ls:7", 2024, "members.total", 3126, "3.126 đảng viên", "province"),       # one candidate
]


def _rows():
    published = {a["article_id"]: a["published"] for a in ARTICLES}
    rows = []
    for no, (aid, year, indicator, value, text, level) in enumerate(FIGURES):
        rows.append({"article_id": aid, "mention_no": no, "province": "lang-son", "published": published[aid],
                     "start": 10 * no, "end": 10 * no + len(text), "text": text, "value": float(value),
                     "unit": "%" if text.endswith("%") else "đảng viên", "qualifier": "exact", "kind": "achieved",
                     "indicator": indicator, "year": year, "sentence": f"Năm {year}, ... {text}.",
                     "place": "Lạng Sơn" if level else None, "place_level": level,
                     "place_province": "lang-son" if level else None,
                     "extractor_version": "test", "codebook_version": "test"})
    return rows


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    data = tmp_path_factory.mktemp("choices")
    with Store(data, write=True) as store:
        with store.transaction():
            store.upsert_articles(ARTICLES)
    run_build(data, jobs=1)
    with Store(data, write=True) as store:
        with store.transaction():
            store.sql("DELETE FROM figure_mentions")
            store.insert_rows("figure_mentions", _rows())
        rebuild_derived(store, {"extractor": "test", "codebook": "test", "gazetteer": "test"})
    return data


@pytest.fixture(scope="module")
def cells(store_dir):
    with corpus.open(store_dir) as c:
        frame = analysis.indicator_cells(c)
    return {(r.year, r.indicator): r for r in frame.itertuples(index=False)}


@pytest.fixture(scope="module")
def conflicts(store_dir):
    return analysis.indicator_conflicts(store_dir)


def test_the_store_has_the_reprints_and_the_district_article(store_dir):
    with corpus.open(store_dir) as c:
        links = c.sql("SELECT article_id, original_id FROM reprint_links ORDER BY 1").values.tolist()
        level = c.sql("SELECT province_level FROM build_records WHERE article_id = 'ls:2'").iat[0, 0]
    assert links == [["khac:4", "ls:3"], ["khac:6", "ls:5"]]
    assert level == "district"


@pytest.mark.parametrize("year, indicator, value, rule, n_sources, conflict", [
    (2019, "members.admitted", 1924, "province_level", 2, True),   # the later district report loses
    (2020, "members.admitted", 2000, "original", 1, False),        # the later, edited reprint loses; one source
    (2021, "members.admitted", 2131, "latest", 2, True),           # the final figure over the estimate + reprint
    (2022, "members.admitted", 2150, "tie", 2, True),              # same day: the smaller article_id
    (2023, "orgs.excellent_pct", 10.58, "agree", 2, False),        # 10,6% and 10,58% agree (the latest shown)
    (2023, "orgs.weak_pct", 0.8, "latest", 2, True),               # 1,0% and 0,8% do not
    (2024, "members.total", 3126, "only", 1, False),
])
def test_each_rule_decides_a_cell(cells, year, indicator, value, rule, n_sources, conflict):
    cell = cells[(year, indicator)]
    assert (cell.chosen_value, cell.rule, cell.n_sources, cell.conflict) == (value, rule, n_sources, conflict)


def test_spread_and_values_of_the_independent_sources_only(cells):
    cell = cells[(2021, "members.admitted")]    # 2.108 twice (original and reprint), 2.131 once
    assert (cell.n_values, cell.min, cell.max, cell.spread) == (2, 2108, 2131, 23)
    assert cell.rel_spread == pytest.approx(23 / 2131)
    reprint_only = cells[(2020, "members.admitted")]    # the reprint's edited 2.010 is not a source's value
    assert (reprint_only.n_values, reprint_only.min, reprint_only.max, reprint_only.spread) == (1, 2000, 2000, 0)


def test_reprints_are_listed_but_never_counted(conflicts):
    rows = conflicts[(conflicts["year"] == 2021) & (conflicts["indicator"] == "members.admitted")]
    got = rows[["rank", "article_id", "value", "is_reprint", "reprint_of", "counted", "chosen"]].fillna("")
    assert got.values.tolist() == [[1, "ls:7", 2131.0, False, "", True, True],
                                   [2, "ls:5", 2108.0, False, "", True, False],
                                   [3, "khac:6", 2108.0, True, "ls:5", False, False]]
    assert set(rows["n_sources"]) == {2}


def test_district_report_candidate_is_marked(conflicts):
    rows = conflicts[(conflicts["year"] == 2019)]
    assert rows[["article_id", "scope"]].values.tolist() == [["ls:1", "province"], ["ls:2", "district"]]


def test_only_conflicts_and_single_candidates(conflicts, store_dir):
    assert 2024 not in set(conflicts["year"])                  # one candidate: nothing to list
    only = analysis.indicator_conflicts(store_dir, only_conflicts=True)
    assert set(zip(only["year"], only["indicator"])) == {
        (2019, "members.admitted"), (2021, "members.admitted"), (2022, "members.admitted"), (2023, "orgs.weak_pct")}
    assert list(only.columns) == [f[0] for f in CONFLICT_FIELDS]


@pytest.mark.parametrize("a, b, da, db, same", [
    (10.6, 10.58, 1, 2, True), (1.0, 0.8, 1, 1, False), (95.0, 95.3, 0, 1, True), (1705.0, 1836.0, 0, 0, False),
    (2.25, 2.3, 2, 1, True), (2108.0, 2108.0, 0, 0, True),
])
def test_agree_rounds_to_the_less_precise_value(a, b, da, db, same):
    assert agree(a, b, da, db) is same


@pytest.mark.parametrize("text, value, expected", [
    ("còn 1,0%", 1.0, 1), ("1.705 đảng viên", 1705.0, 0), ("10,58%", 10.58, 2), ("hàng trăm chi bộ", 100.0, 0),
    ("2.5%", 2.5, 1), ("Năm 2021, 12,50%", 12.5, 2),
])
def test_written_decimals(text, value, expected):
    assert written_decimals(text, value) == expected


def _csv(path):
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


def test_exports_carry_the_choice_in_every_format(store_dir, tmp_path):
    import openpyxl
    import pyarrow.parquet as pq

    out = export_tables(store_dir, out=tmp_path, formats=["csv", "parquet", "xlsx"])
    wide = {(r[0], r[1]): r for r in _csv(tmp_path / "indicators_wide.csv")[1:]}
    header = _csv(tmp_path / "indicators_wide.csv")[0]
    col = {name: i for i, name in enumerate(header)}
    assert [wide[("lang-son", y)][col["members.admitted"]] for y in ("2019", "2020", "2021", "2022")] == \
        ["1924", "2000", "2131", "2150"]
    assert [wide[("lang-son", y)][col["n_members.admitted"]] for y in ("2019", "2020", "2021", "2022")] == \
        ["2", "1", "2", "2"]
    assert [wide[("lang-son", y)][col["conflict_members.admitted"]] for y in ("2019", "2020", "2021", "2022")] == \
        ["true", "false", "true", "true"]

    rows = _csv(tmp_path / "indicator_conflicts.csv")
    assert rows[0] == [f[0] for f in CONFLICT_FIELDS]
    assert out["tables"]["indicator_conflicts"] == len(rows) - 1 == 13   # cells with 2, 2, 3, 2, 2, 2 candidates
    table = pq.read_table(tmp_path / "indicator_conflicts.parquet")
    assert table.num_rows == len(rows) - 1 and table.schema.field("conflict").type == "bool"
    assert table.column("article_id").to_pylist() == [r[rows[0].index("article_id")] for r in rows[1:]]
    wb = openpyxl.load_workbook(tmp_path / "partycorpus.xlsx", read_only=True)
    try:
        sheet = [list(r) for r in wb["indicator_conflicts"].iter_rows(values_only=True)]
        wide_sheet = [list(r) for r in wb["indicators_wide"].iter_rows(values_only=True)]
    finally:
        wb.close()
    assert sheet[0] == rows[0] and len(sheet) == len(rows)
    assert wide_sheet[0] == header
    pkg = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    res = {r["name"]: r for r in pkg["resources"]}
    assert [f["name"] for f in res["indicator_conflicts"]["schema"]["fields"]] == rows[0]
    assert "rule" in res["indicator_conflicts"]["description"]
    assert "reprint" in res["indicators_wide"]["description"]
    assert res["indicator_conflicts-parquet"]["path"] == "indicator_conflicts.parquet"


def test_reprint_flag_does_not_change_the_choice(store_dir, tmp_path):
    export_tables(store_dir, out=tmp_path / "a")
    export_tables(store_dir, out=tmp_path / "b", include_reprints=True)
    for name in ("indicators_wide.csv", "indicator_conflicts.csv"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_cli_export_says_how_many_values_disagree(store_dir, tmp_path):
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-m", "corpus.cli", "--data", str(store_dir), "export", "--out",
                           str(tmp_path)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "indicator_conflicts 13" in proc.stdout
    assert "indicators_wide: 7 province × year × indicator values, 4 where independent sources disagree" in proc.stdout


def test_an_empty_store_gives_empty_frames(tmp_path):
    with Store(tmp_path, write=True):
        pass
    with corpus.open(tmp_path) as c:
        assert analysis.indicator_cells(c).empty
        frame = analysis.indicator_conflicts(c, only_conflicts=True)
    assert frame.empty and list(frame.columns) == [f[0] for f in CONFLICT_FIELDS]


def test_demo_export_shows_a_conflict_and_a_reprint_not_counted(tmp_path):
    """The synthetic mirror (the demo corpus): Lạng Sơn's December estimate of 2021 admissions (lso:1008) and the
    final figure (lso:1013) disagree; the magazine's reprint of lso:1005 (tccs:4016) is listed, never counted."""
    analysis.demo_store_from_content(tmp_path / "demo")
    export_tables(tmp_path / "demo", out=tmp_path / "export")
    rows = [dict(zip(r[0], x)) for r in [_csv(tmp_path / "export" / "indicator_conflicts.csv")] for x in r[1:]]
    revised = [r for r in rows if r["article_id"] in ("lso:1008", "lso:1013") and r["year"] == "2021"
               and r["chosen_value"] == "2131"]
    assert {(r["article_id"], r["value"], r["rule"], r["conflict"]) for r in revised} == {
        ("lso:1013", "2131", "latest", "true"), ("lso:1008", "2108", "latest", "true")}
    reprinted = [r for r in rows if r["article_id"] == "tccs:4016"]
    assert reprinted and all(r["is_reprint"] == "true" and r["reprint_of"] == "lso:1005" and r["counted"] == "false"
                             for r in reprinted)
    for r in reprinted:   # the cell counts lso:1005 once, not its copy
        cell = [x for x in rows if (x["province"], x["year"], x["indicator"]) == (r["province"], r["year"],
                                                                                  r["indicator"])]
        assert int(r["n_sources"]) == len({x["reprint_of"] or x["article_id"] for x in cell})

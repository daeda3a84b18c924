"""Exports: byte-identical CSV, datapackage.json matching the files, XLSX and
Parquet, reprints left out, the wide indicator rule, the 34-unit map.
Articles and mention rows are synthetic (written for these tests)."""
from __future__ import annotations

import csv
import json

import pytest

from corpus.build import rebuild_derived, run_build
from corpus.export import export_tables
from corpus.store import Store

BODY = ("Ban Thường vụ Huyện ủy tổ chức hội nghị sơ kết 5 năm thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị "
        "về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh. Năm 2021, Đảng bộ huyện "
        "kết nạp được 181 đảng viên mới, đạt 120% chỉ tiêu.")
SYNTHETIC = [  # synthetic articles, not real news
    {"article_id": "thu:1", "site": "thu", "province": "binh-thuan", "published": "2021-12-20",
     "title": "Sơ kết Chỉ thị 05", "text": BODY, "url": "https://thu.invalid/1.html"},
    {"article_id": "thu:2", "site": "khac", "province": "binh-thuan", "published": "2021-12-28",
     "title": "Bản đăng lại", "text": BODY, "url": "https://khac.invalid/2.html"},
    {"article_id": "thu:3", "site": "thu", "province": "binh-thuan", "published": "2022-01-10",
     "title": "Tổng kết năm 2021", "text": "Năm 2021, toàn tỉnh kết nạp được 1.250 đảng viên.",
     "url": "https://thu.invalid/3.html"},
]


def _figure(aid, no, value, year, kind="achieved", province="binh-thuan", published="2021-12-20"):
    return {"article_id": aid, "mention_no": no, "province": province, "published": published, "start": 0,
            "end": 3, "text": "181", "value": value, "unit": "đảng viên", "qualifier": "exact", "kind": kind,
            "indicator": "members.admitted", "year": year, "sentence": "Năm 2021 ...",
            "extractor_version": "test", "codebook_version": "test"}


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    data = tmp_path_factory.mktemp("store")
    with Store(data, write=True) as store:
        with store.transaction():
            store.upsert_articles(SYNTHETIC)
    run_build(data, jobs=1)
    # mention rows with known indicator values (synthetic), replacing the extractor's figures
    with Store(data, write=True) as store:
        with store.transaction():
            store.sql("DELETE FROM figure_mentions")
            store.insert_rows("figure_mentions", [
                _figure("thu:1", 0, 181, 2021), _figure("thu:2", 0, 181, 2021, published="2021-12-28"),
                _figure("thu:3", 0, 1250, 2021, published="2022-01-10"),
                _figure("thu:3", 1, 1400, 2022, kind="target", published="2022-01-10"),
            ])
        rebuild_derived(store, {"extractor": "test", "codebook": "test", "gazetteer": "test"})
    return data


def _csv(path):
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


def test_csv_is_byte_identical_twice(store_dir, tmp_path):
    a = export_tables(store_dir, out=tmp_path / "a")
    b = export_tables(store_dir, out=tmp_path / "b")
    assert a["corpus_version"] == b["corpus_version"]
    names = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert names == sorted(p.name for p in (tmp_path / "b").iterdir())
    for name in names:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_datapackage_describes_every_csv(store_dir, tmp_path):
    export_tables(store_dir, out=tmp_path, formats=["csv", "parquet"])
    pkg = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    csvs = {r["name"]: r for r in pkg["resources"] if r["format"] == "csv"}
    assert set(csvs) == {"articles", "directives", "figures", "targets", "documents", "indicators_long",
                         "indicators_periods", "indicators_wide", "indicator_conflicts", "citations"}
    for name, res in csvs.items():
        header = _csv(tmp_path / res["path"])[0]
        assert [f["name"] for f in res["schema"]["fields"]] == header, name
        assert all(f["type"] in {"string", "integer", "number", "boolean", "date"} and f["description"]
                   for f in res["schema"]["fields"]), name
    assert {r["path"] for r in pkg["resources"] if r["format"] == "parquet"} == {f"{n}.parquet" for n in csvs}
    meta = pkg["partycorpus"]
    assert meta["extractor_version"] == "test" and meta["province_map"] == "63"
    for name in ("indicators_wide", "indicators_periods", "indicators_long"):
        assert "province_total" in csvs[name]["description"] or "toàn tỉnh" in csvs[name]["description"], name
    long_fields = {f["name"]: f for f in csvs["indicators_long"]["schema"]["fields"]}
    assert long_fields["period_start"]["type"] == "integer" and long_fields["province_total"]["type"] == "boolean"
    assert "Tỉnh ủy" in long_fields["province_total"]["description"]
    assert {s["title"] for s in pkg["sources"]} == {"thu", "khac"}


def test_reprints_are_left_out_unless_asked(store_dir, tmp_path):
    export_tables(store_dir, out=tmp_path / "a")
    export_tables(store_dir, out=tmp_path / "b", include_reprints=True)
    ids_a = [r[0] for r in _csv(tmp_path / "a" / "articles.csv")[1:]]
    rows_b = {r[0]: r for r in _csv(tmp_path / "b" / "articles.csv")[1:]}
    header = _csv(tmp_path / "b" / "articles.csv")[0]
    assert ids_a == ["thu:1", "thu:3"]
    assert rows_b["thu:2"][header.index("reprint_of")] == "thu:1"
    long_a = {r[9] for r in _csv(tmp_path / "a" / "indicators_long.csv")[1:]}
    assert long_a == {"thu:1", "thu:3"}


def test_indicators_wide_rule_latest_achieved_article_wins(store_dir, tmp_path):
    export_tables(store_dir, out=tmp_path)
    rows = _csv(tmp_path / "indicators_wide.csv")
    assert rows == [["province", "year", "members.admitted", "n_members.admitted", "conflict_members.admitted"],
                    ["binh-thuan", "2021", "1250", "2", "true"]]  # the target (2022) does not count; the reprint
    # (thu:2, a copy of thu:1) is not a second source
    long = _csv(tmp_path / "indicators_long.csv")
    assert [r[:8] for r in long[1:]] == [
        ["binh-thuan", "2021", "members.admitted", "181", "", "đảng viên", "achieved", "exact"],
        ["binh-thuan", "2021", "members.admitted", "1250", "", "đảng viên", "achieved", "exact"],
        ["binh-thuan", "2022", "members.admitted", "1400", "", "đảng viên", "target", "exact"]]


def test_map_34_converts_provinces(store_dir, tmp_path):
    export_tables(store_dir, out=tmp_path, province_map="34")
    wide = _csv(tmp_path / "indicators_wide.csv")
    assert wide[1][0] == "lam-dong"  # Bình Thuận is part of Lâm Đồng from 2025-07-01
    pkg = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    assert pkg["partycorpus"]["province_map"] == "34"


def test_citations_count_documents_by_province_and_year(store_dir, tmp_path):
    export_tables(store_dir, out=tmp_path)
    rows = _csv(tmp_path / "citations.csv")
    assert rows[0] == ["doc_key", "canonical_id", "province", "year", "n_mentions", "n_articles"]
    assert ["05-CT/TW", "05-CT/TW", "binh-thuan", "2021", "1", "1"] in rows[1:]


def test_xlsx_and_parquet_hold_the_same_tables(store_dir, tmp_path):
    import openpyxl
    import pyarrow.parquet as pq

    export_tables(store_dir, out=tmp_path, formats=["csv", "parquet", "xlsx"])
    wb = openpyxl.load_workbook(tmp_path / "partycorpus.xlsx", read_only=True)
    try:
        assert set(wb.sheetnames) == {"articles", "directives", "figures", "targets", "documents",
                                      "indicators_long", "indicators_periods", "indicators_wide",
                                      "indicator_conflicts", "citations"}
        sheet_ids = [r[0] for r in wb["articles"].iter_rows(min_row=2, values_only=True)]
    finally:
        wb.close()
    assert sheet_ids == ["thu:1", "thu:3"]
    table = pq.read_table(tmp_path / "articles.parquet")
    assert table.column("article_id").to_pylist() == ["thu:1", "thu:3"]
    assert table.schema.field("version").type == "int64"


@pytest.mark.parametrize("kwargs, message", [
    ({"formats": ["docx"]}, "--format 'docx'"),
    ({"province_map": "64"}, "--map '64'"),
])
def test_bad_export_options(store_dir, tmp_path, kwargs, message):
    from corpus.errors import UserError

    with pytest.raises(UserError, match=message):
        export_tables(store_dir, out=tmp_path, **kwargs)


# -- annual vs period vs district figures: which table each lands in (synthetic articles) --------------------------

PLACES = [  # synthetic articles, not real news
    {"article_id": "ls:1", "site": "ls", "province": "lang-son", "published": "2020-10-16",
     "title": "Nhìn lại nhiệm kỳ 2015 - 2020", "url": "https://ls.invalid/1.html",
     "text": "Nhiệm kỳ 2015 - 2020, toàn tỉnh kết nạp 9.092 đảng viên. "
             "Năm 2019, Đảng bộ tỉnh kết nạp được 1.924 đảng viên. "
             "Năm 2019, Huyện ủy Cao Lộc kết nạp được 181 đảng viên."},
    {"article_id": "ld:1", "site": "ld", "province": "lam-dong", "published": "2021-01-05",
     "title": "Lâm Đồng tổng kết công tác đảng viên", "url": "https://ld.invalid/1.html",
     "text": "Năm 2020, Tỉnh ủy Lâm Đồng kết nạp 2.203 đảng viên. "
             "Năm 2020, Huyện ủy Bảo Lâm kết nạp 5 đảng viên. "
             "Trong 5 năm qua, Đảng bộ huyện Đức Trọng kết nạp 1.146 đảng viên."},
    {"article_id": "ld:2", "site": "ld", "province": "lam-dong", "published": "2021-03-01",
     "title": "Phát triển đảng viên ở Lạc Dương", "url": "https://ld.invalid/2.html",
     "text": "Huyện Lạc Dương có nhiều đồng bào dân tộc thiểu số. Năm 2020, huyện kết nạp 58 đảng viên."},
    {"article_id": "ls:2", "site": "ls", "province": "lang-son", "published": "2021-07-10",
     "title": "Sơ kết 6 tháng công tác xây dựng Đảng", "url": "https://ls.invalid/2.html",
     "text": "Sáu tháng đầu năm 2021, Đảng bộ tỉnh kết nạp 1.012 đảng viên."},
]


@pytest.fixture(scope="module")
def places_export(tmp_path_factory):
    data = tmp_path_factory.mktemp("places")
    with Store(data, write=True) as store:
        with store.transaction():
            store.upsert_articles(PLACES)
    run_build(data, jobs=1)
    out = tmp_path_factory.mktemp("places_out")
    export_tables(data, out=out)
    return out


def _records(path):
    rows = _csv(path)
    return [dict(zip(rows[0], r)) for r in rows[1:]]


def test_wide_keeps_province_wide_single_year_figures_only(places_export):
    wide = {(r["province"], r["year"]): r["members.admitted"] for r in _records(places_export / "indicators_wide.csv")}
    assert wide == {("lam-dong", "2020"): "2203", ("lang-son", "2019"): "1924"}   # not the half-year 1.012


def test_part_of_a_year_stays_in_the_long_table_only(places_export):
    rows = [r for r in _records(places_export / "indicators_long.csv") if r["value"] == "1012"]
    assert [(r["year"], r["year_part"], r["province_total"]) for r in rows] == [("2021", "H1", "true")]


def test_periods_hold_period_totals_of_the_province(places_export):
    rows = [(r["province"], r["period_start"], r["period_end"], r["indicator"], r["value"], r["unit"], r["n"],
             r["article_ids"]) for r in _records(places_export / "indicators_periods.csv")]
    assert rows == [("lang-son", "2015", "2020", "members.admitted", "9092", "đảng viên", "1", "ls:1")]


@pytest.mark.parametrize("value, year, period, place, level, province_total", [
    ("9092", "", ("2015", "2020"), "Lạng Sơn", "province", "true"),
    ("1924", "2019", ("", ""), "Lạng Sơn", "province", "true"),
    ("181", "2019", ("", ""), "Cao Lộc", "district", "false"),
    ("2203", "2020", ("", ""), "Lâm Đồng", "province", "true"),
    ("5", "2020", ("", ""), "Bảo Lâm", "district", "false"),
    ("1146", "", ("2016", "2021"), "Đức Trọng", "district", "false"),
    ("58", "2020", ("", ""), "Lạc Dương", "district", "false"),
])
def test_long_keeps_every_row_with_its_period_and_place(places_export, value, year, period, place, level,
                                                        province_total):
    rows = [r for r in _records(places_export / "indicators_long.csv") if r["value"] == value]
    assert len(rows) == 1
    r = rows[0]
    assert (r["year"], (r["period_start"], r["period_end"]), r["place"], r["place_level"], r["province_total"]) == \
        (year, period, place, level, province_total)
    assert r["year_source"] == ("period" if period[0] else "text")

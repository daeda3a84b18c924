"""Exports at a size beyond DuckDB's memory limit, without building a large corpus: three synthetic
articles are built, then their rows are repeated under new ids in DuckDB (``benchmarks.outputs_scale``)
until the texts alone are larger than the export's default memory limit. Texts are synthetic."""
from __future__ import annotations

import csv
import subprocess
import sys

import pytest

from benchmarks.outputs_scale import repeat_rows
from corpus import export
from corpus.build import run_build
from corpus.store import EXPORT_MEMORY, Store

pytestmark = pytest.mark.slow

BODY = ("Ban Thường vụ Huyện ủy tổ chức hội nghị sơ kết 5 năm thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị "
        "về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh. Năm 2021, Đảng bộ huyện "
        "kết nạp được 181 đảng viên mới, đạt 120% chỉ tiêu.")
SYNTHETIC = [  # synthetic articles, not real news
    {"article_id": "thu:1", "site": "thu", "province": "binh-thuan", "published": "2021-12-20",
     "title": "Sơ kết Chỉ thị 05", "text": BODY, "url": "https://thu.invalid/1.html"},
    {"article_id": "thu:2", "site": "khac", "province": "binh-thuan", "published": "2021-12-28",
     "title": "Bản đăng lại", "text": BODY, "url": "https://khac.invalid/2.html"},
    {"article_id": "thu:3", "site": "thu", "province": "lam-dong", "published": "2022-01-10",
     "title": "Tổng kết năm 2021", "text": "Năm 2021, toàn tỉnh kết nạp được 1.250 đảng viên; 96% tổ chức cơ sở đảng hoàn thành tốt "
             "nhiệm vụ. Tỉnh ủy mở 16 lớp bồi dưỡng lý luận chính trị cho gần 2.000 học viên.",
     "url": "https://thu.invalid/3.html"},
]
COPIES = 9_000           # 27,003 articles
TEXT_TIMES = 40          # about 16 KB a text: some 380 MB of text, more than EXPORT_MEMORY


def _mb(limit: str) -> int:
    return int(limit.upper().removesuffix("MB"))


@pytest.fixture(scope="module")
def big_store(tmp_path_factory):
    data = tmp_path_factory.mktemp("big")
    with Store(data, write=True) as store:
        with store.transaction():
            store.upsert_articles(SYNTHETIC)
    run_build(data, jobs=1)
    with Store(data, write=True, memory_limit="512MB") as store:
        with store.transaction():
            repeat_rows(store.con, COPIES, text_times=TEXT_TIMES)
        store.sql("CHECKPOINT")
    with Store(data) as store:
        text_mb = store.sql("SELECT sum(strlen(text)) FROM articles").fetchone()[0] / 2**20
        assert text_mb > _mb(EXPORT_MEMORY), "the store must be larger than the export's memory limit"
        reprints = "SELECT article_id FROM reprint_links"
        expected = {
            "articles": store.sql(f"SELECT count(*) FROM articles WHERE article_id NOT IN ({reprints})").fetchone()[0],
            "figures": store.sql(f"SELECT count(*) FROM figure_mentions WHERE article_id NOT IN ({reprints})"
                                 ).fetchone()[0],
            "indicators_long": store.sql(f"SELECT count(*) FROM indicator_values WHERE article_id NOT IN ({reprints})"
                                         ).fetchone()[0],
        }
    assert expected["articles"] > 15_000 and expected["figures"] > expected["articles"]
    return data, expected


def test_export_beyond_the_memory_limit_streams_csv_and_parquet(big_store, tmp_path, monkeypatch):
    """Both ways rows leave DuckDB: Python rows (CSV, and XLSX below) and Arrow tables (Parquet)."""
    monkeypatch.delenv("PARTYCORPUS_DUCKDB_MEMORY", raising=False)
    data, expected = big_store
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, "-m", "corpus.cli", "--data", str(data), "export", "--out", str(out),
                           "--format", "csv", "--format", "parquet"],
                          capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr
    import pyarrow.parquet as pq

    for table, n in expected.items():
        assert f"{table} {n}," in done.stdout or done.stdout.rstrip().endswith(f"{table} {n}")
        with open(out / f"{table}.csv", encoding="utf-8", newline="") as fh:
            ids = [row[0] for row in csv.reader(fh)][1:]
        assert len(ids) == n
        assert pq.ParquetFile(out / f"{table}.parquet").metadata.num_rows == n
        if table != "indicators_long":
            assert ids == sorted(ids), f"{table}: rows in article order across slices"
    # the slices of indicators_long follow the table's order: province, then year
    long = pq.read_table(out / "indicators_long.parquet", columns=["province", "year"]).to_pylist()
    keys = [(r["province"] is None, r["province"] or "", r["year"] is None, r["year"] or 0) for r in long]
    assert keys == sorted(keys)


def test_one_slice_per_table_runs_out_of_memory_as_one_line(big_store, tmp_path, monkeypatch):
    """Without slices the sort of the long texts needs more than the limit: what the slicing prevents; the
    failure is one line naming the limit."""
    monkeypatch.delenv("PARTYCORPUS_DUCKDB_MEMORY", raising=False)
    data, _ = big_store
    for name, spec in export.SLICED.items():
        monkeypatch.setitem(export.SLICED, name, spec[:3] + (10**9,))
    with pytest.raises(export.UserError) as err:
        export.export_tables(data, out=tmp_path / "out", formats=["csv"])
    assert err.value.code == 1 and "ran out of memory" in str(err.value) and "\n" not in str(err.value)


def test_a_duckdb_error_is_one_line_on_the_command_line(big_store, tmp_path):
    data, _ = big_store
    done = subprocess.run([sys.executable, "-m", "corpus.cli", "--data", str(data), "export", "--out",
                           str(tmp_path / "out")], capture_output=True, text=True, timeout=300,
                          env={**__import__("os").environ, "PARTYCORPUS_DUCKDB_MEMORY": "8MB"})
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("partycorpus export: error: ")
    assert "Traceback" not in done.stderr


@pytest.fixture(scope="module")
def small_store(tmp_path_factory):
    """1,803 short articles: for the numbered sheets."""
    data = tmp_path_factory.mktemp("small")
    with Store(data, write=True) as store:
        with store.transaction():
            store.upsert_articles(SYNTHETIC)
    run_build(data, jobs=1)
    with Store(data, write=True) as store:
        with store.transaction():
            repeat_rows(store.con, 600)
        figures = store.sql("SELECT count(*) FROM figure_mentions WHERE article_id NOT IN "
                            "(SELECT article_id FROM reprint_links)").fetchone()[0]
    return data, figures


def test_a_long_table_goes_on_over_numbered_sheets(small_store, tmp_path, monkeypatch, capfd):
    monkeypatch.setattr(export, "XLSX_MAX_ROWS", 1_000)
    data, figures = small_store
    expected = {"figures": figures}
    export.export_tables(data, out=tmp_path, formats=["xlsx"])
    assert "table figures goes on on sheet figures_2" in capfd.readouterr().err
    from openpyxl import load_workbook

    wb = load_workbook(tmp_path / "partycorpus.xlsx", read_only=True)
    sheets = [s for s in wb.sheetnames if s == "figures" or s.startswith("figures_")]
    assert sheets == ["figures"] + [f"figures_{k}" for k in range(2, len(sheets) + 1)]
    assert len(sheets) == -(-expected["figures"] // 1_000) > 1
    assert sum(wb[s].max_row - 1 for s in sheets) == expected["figures"]
    assert all(next(wb[s].iter_rows(max_row=1, values_only=True))[0] == "article_id" for s in sheets)
    wb.close()


def test_slices_cover_every_row_once(big_store):
    data, _ = big_store
    with Store(data) as store:
        export._install_province_map(store.con, "34")
        for table, column in (("figure_mentions", "article_id"), ("indicator_values", "province")):
            slices = export._province_slices if column == "province" else export._id_slices
            total = 0
            for where, params in slices(store.con, table, 5_000):
                total += store.sql(f"SELECT count(*) FROM {table} WHERE {where}", params).fetchone()[0]
            assert total == store.sql(f"SELECT count(*) FROM {table}").fetchone()[0]

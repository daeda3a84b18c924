"""The DuckDB store: schema derived from the records, upserts with versions,
the writer lock, migration, the read-only handle. Articles here are synthetic
(written for these tests)."""
from __future__ import annotations

import os
import subprocess
import sys

import duckdb
import pytest

import corpus
from corpus.errors import UserError
from corpus.schema import SCHEMA_VERSION, TABLES, ArticleSignature, FigureMention, table_columns
from corpus.store import Store, content_sha1

SYNTHETIC = [  # synthetic articles, not real news
    {"article_id": "thu:1", "site": "thu", "province": "lang-son", "title": "Đảng bộ xã A kết nạp đảng viên",
     "text": "Năm 2021, Đảng bộ xã A kết nạp được 12 đảng viên mới.", "published": "2021-12-30"},
    {"article_id": "thu:2", "site": "thu", "province": "lang-son", "title": "Chi bộ thôn B sinh hoạt chuyên đề",
     "text": "Chi bộ thôn B có 25 đảng viên, sinh hoạt 12 kỳ/năm.", "published": "2022-01-05"},
]


def _upsert(data, articles):
    with Store(data, write=True) as store:
        with store.transaction():
            return store.upsert_articles(articles)


@pytest.mark.parametrize("cls, column, sql", [
    (FigureMention, "value", "DOUBLE"),
    (FigureMention, "year", "BIGINT"),
    (FigureMention, "sentence", "VARCHAR"),
    (FigureMention, "extractor_version", "VARCHAR"),
    (ArticleSignature, "signature", "BLOB"),
    (TABLES["build_records"], "text_mismatch", "BOOLEAN"),
])
def test_table_columns_come_from_the_records(cls, column, sql):
    assert dict(table_columns(cls))[column] == sql


def test_fresh_store_has_every_table_with_derived_columns(tmp_path):
    with Store(tmp_path, write=True) as store:
        for name, cls in TABLES.items():
            got = store.sql("select column_name, data_type from information_schema.columns "
                            "where table_name = ? order by ordinal_position", [name]).fetchall()
            assert got == table_columns(cls), name
        assert store.meta_get("schema_version") == str(SCHEMA_VERSION)


def test_upsert_is_idempotent_and_a_change_bumps_the_version(tmp_path):
    assert _upsert(tmp_path, SYNTHETIC) == {"new": 2, "changed": 0, "unchanged": 0}
    assert _upsert(tmp_path, SYNTHETIC) == {"new": 0, "changed": 0, "unchanged": 2}
    changed = dict(SYNTHETIC[0], text=SYNTHETIC[0]["text"] + " Đảng bộ đạt 100% chỉ tiêu.")
    assert _upsert(tmp_path, [changed]) == {"new": 0, "changed": 1, "unchanged": 0}
    with Store(tmp_path) as store:
        rows = store.sql("select article_id, version, content_sha1 from articles order by 1").fetchall()
        old = store.sql("select article_id, version, text from article_versions").fetchall()
    assert rows[0] == ("thu:1", 2, content_sha1(changed["title"], None, changed["text"]))
    assert rows[1][1] == 1
    assert old == [("thu:1", 1, SYNTHETIC[0]["text"])]


def test_failed_batch_leaves_the_last_committed_state(tmp_path):
    _upsert(tmp_path, SYNTHETIC[:1])
    with Store(tmp_path, write=True) as store:
        with pytest.raises(ZeroDivisionError):
            with store.transaction():
                store.upsert_articles(SYNTHETIC[1:])
                1 / 0
        assert store.sql("select count(*) from articles").fetchall() == [(1,)]


def test_second_writer_gets_the_lock_message(tmp_path):
    data = tmp_path / "data"
    txt = tmp_path / "bai.txt"
    txt.write_text("Tiêu đề\nChi bộ có 25 đảng viên.\n", encoding="utf-8")
    with Store(data, write=True):
        env = dict(os.environ, PARTYCORPUS_LOCK_TIMEOUT="0.3")
        p = subprocess.run([sys.executable, "-m", "corpus.cli", "--data", str(data), "import", str(txt)],
                           capture_output=True, text=True, env=env, timeout=60)
    assert p.returncode == 2
    assert p.stderr.strip() == (f"partycorpus import: error: another partycorpus process is writing to {data} "
                                f"(pid {os.getpid()})")
    with Store(data) as store:  # the lock is free again and nothing was written
        assert store.sql("select count(*) from articles").fetchall() == [(0,)]


def _make_v0_store(path):
    """The prototype layout (schema 0): articles without versions, no meta table."""
    path.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(path / "corpus.duckdb"))
    con.execute("CREATE TABLE articles (article_id VARCHAR, url VARCHAR, site VARCHAR, title VARCHAR, "
                "text VARCHAR, published VARCHAR)")
    con.execute("INSERT INTO articles VALUES ('thu:1', NULL, 'thu', 'Tiêu đề', 'Chi bộ có 25 đảng viên.', "
                "'2020-01-02'), ('thu:2', NULL, 'thu', 'Khác', 'Đảng bộ có 3 chi bộ.', NULL)")
    con.close()


def test_migration_v0_to_v1(tmp_path):
    _make_v0_store(tmp_path)
    with pytest.raises(UserError, match="older"):
        Store(tmp_path)  # a reader does not migrate
    with Store(tmp_path, write=True) as store:
        assert store.schema_version() == SCHEMA_VERSION
        rows = store.sql("select article_id, title, text, version, content_sha1 from articles order by 1").fetchall()
        tables = {r[0] for r in store.sql("select table_name from information_schema.tables").fetchall()}
    assert set(TABLES) <= tables
    assert rows[0] == ("thu:1", "Tiêu đề", "Chi bộ có 25 đảng viên.", 1,
                       content_sha1("Tiêu đề", None, "Chi bộ có 25 đảng viên."))
    assert rows[1][3] == 1 and len(rows) == 2
    # migrated data behaves like native data: the same article is unchanged
    assert _upsert(tmp_path, [{"article_id": "thu:1", "title": "Tiêu đề", "text": "Chi bộ có 25 đảng viên."}]) \
        == {"new": 0, "changed": 0, "unchanged": 1}


def test_open_gives_read_only_dataframes(tmp_path):
    _upsert(tmp_path, SYNTHETIC)
    with corpus.open(tmp_path) as c:
        df = c.articles()
        assert list(df["article_id"]) == ["thu:1", "thu:2"]
        assert list(df["province"]) == ["lang-son", "lang-son"]
        assert c.figures().empty
        assert c.sql("select count(*) as n from articles")["n"][0] == 2
        with pytest.raises(duckdb.Error):
            c.sql("delete from articles")


def test_open_without_a_store_is_one_line(tmp_path):
    with pytest.raises(UserError, match="no store yet"):
        corpus.open(tmp_path / "nothing")


def test_a_schema_1_store_is_refused_by_readers_in_one_line_and_migrated_by_writers(tmp_path):
    data = tmp_path / "d"
    _upsert(data, SYNTHETIC)
    with Store(data, write=True) as store:          # what a store written before codebook 3 looks like
        store.con.execute('ALTER TABLE target_mentions DROP COLUMN "achieved_ratio"')
        store.meta_set("schema_version", "1")
    done = subprocess.run([sys.executable, "-m", "corpus.cli", "--data", str(data), "export", "--out",
                           str(tmp_path / "x")], capture_output=True, text=True)
    assert done.returncode != 0 and done.stderr.count("\n") == 1 and "older than 2" in done.stderr
    with Store(data, write=True) as store:
        assert store.schema_version() == SCHEMA_VERSION == 2
        cols = {r[0] for r in store.sql("select column_name from information_schema.columns "
                                        "where table_name = 'target_mentions'").fetchall()}
        assert {"achieved_no", "achieved_value", "achieved_ratio", "met"} <= cols
        assert store.sql("select count(*) from articles").fetchone()[0] == 2

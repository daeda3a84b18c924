"""partycorpus publish: the SQLite file, its search, keys, metadata from the field docs, --no-text and
export --derived-only without full texts, staleness, the demo store found without --data.
The corpus is the project's synthetic mirror (tests/web/conftest.py)."""
from __future__ import annotations

import csv
import json
import os
import re
import shutil
import socket
import sqlite3
import subprocess
import sys

import pyarrow.parquet as pq
import pytest

from corpus.datasette_plugins.partycorpus_sql import kwic
from corpus.export import export_tables
from corpus.publish import fold, is_stale, publish
from corpus.store import Store


@pytest.fixture(scope="module")
def published(web_store, tmp_path_factory):
    out = tmp_path_factory.mktemp("pub") / "corpus.sqlite"
    info = publish(web_store, out=out)
    return out, info


def test_fold_removes_every_vietnamese_diacritic_including_d_bar():
    assert fold("Đảng bộ tỉnh Lâm Đồng kết nạp được 176 đảng viên") == "Dang bo tinh Lam Dong ket nap duoc 176 dang vien"
    assert fold("Nghị quyết Trung ương 4 khóa XII") == "Nghi quyet Trung uong 4 khoa XII"
    assert len(fold("Quảng Ninh, Thừa Thiên Huế")) == len("Quảng Ninh, Thừa Thiên Huế")


def _match(db, q):
    return {r[0] for r in db.execute("SELECT a.article_id FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
                                      "WHERE articles_fts MATCH ?", [q])}


def test_search_finds_the_same_articles_with_and_without_diacritics(published):
    db = sqlite3.connect(published[0])
    with_marks = _match(db, '"Đảng bộ thành phố Bảo Lộc"')
    assert with_marks and with_marks == _match(db, '"dang bo thanh pho bao loc"') == _match(db, '"ĐẢNG BỘ THÀNH PHỐ BẢO LỘC"')
    # every hit really holds the words
    for aid in with_marks:
        title, text = db.execute("SELECT title, text FROM articles WHERE article_id = ?", [aid]).fetchone()
        assert "dang bo thanh pho bao loc" in fold(title + " " + text).lower()
    assert _match(db, '"Lâm Đồng"') == _match(db, '"lam dong"') != set()
    assert _match(db, "xyzzyq") == set()


def test_tables_keys_indexes_and_counts(published, web_store):
    out, info = published
    db = sqlite3.connect(out)
    fks = {(r[2], r[3]) for r in db.execute("PRAGMA foreign_key_list(figures)")}
    assert fks == {("articles", "article_id"), ("sentences", "sentence_id")}
    assert ("documents", "doc_key") in {(r[2], r[3]) for r in db.execute("PRAGMA foreign_key_list(directives)")}
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    indexed = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"idx_figures_province", "idx_figures_indicator", "idx_indicators_long_year", "idx_articles_site"} <= indexed
    with Store(web_store) as store:
        for table, source in (("articles", "articles"), ("figures", "figure_mentions"), ("targets", "target_mentions"),
                              ("directives", "directive_mentions"), ("reprints", "reprint_links")):
            n = store.sql(f"SELECT count(*) FROM {source}").fetchall()[0][0]
            assert info["tables"][table] == n == db.execute(f"SELECT count(*) FROM {table}").fetchone()[0], table
    # every figure's sentence is the stored one, at the offsets the sentences table gives
    bad = db.execute("SELECT count(*) FROM figures f JOIN sentences s USING (sentence_id) "
                     "WHERE s.sentence <> f.sentence OR s.start <> f.sentence_start").fetchone()[0]
    assert bad == 0
    info_rows = dict(db.execute("SELECT key, value FROM corpus_info"))
    assert info_rows["corpus_version"] == info["corpus_version"] and info_rows["extractor_version"]


def test_column_descriptions_are_the_export_field_docs(published, web_store, tmp_path):
    out, _ = published
    meta = json.loads(out.with_name("corpus-metadata.json").read_text(encoding="utf-8"))
    tables = meta["databases"]["corpus"]["tables"]
    export_tables(web_store, out=tmp_path, formats=["csv"])
    package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    for res in package["resources"]:
        cols = tables[res["name"]]["columns"]
        for f in res["schema"]["fields"]:
            assert cols[f["name"]] == f"{f['description']} [{f['type']}]", (res["name"], f["name"])
    assert "figures" in tables and tables["figures"]["facets"] == ["province", "year", "indicator", "kind"]
    assert set(meta["databases"]["corpus"]["queries"]) == {
        "indicator_across_provinces", "province_over_years", "targets_vs_achieved", "citations_of_document",
        "keyword_in_context"}
    assert meta["databases"]["corpus"]["description"].startswith("corpus version ")


def _strings_sqlite(path):
    db = sqlite3.connect(path)
    names = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    out = []
    for t in names:
        for row in db.execute(f'SELECT * FROM "{t}"'):
            out += [v for v in row if isinstance(v, str)]
    return out


def _body_only_passages(web_store) -> tuple[list[str], list[str]]:
    """Per article: the longest stretch of text outside every mention sentence; and the mention sentences."""
    with Store(web_store) as store:
        texts = dict(store.sql("SELECT article_id, text FROM articles").fetchall())
        spans = store.sql("SELECT article_id, sentence_start, sentence_end, sentence FROM figure_mentions "
                          "UNION SELECT article_id, sentence_start, sentence_end, sentence FROM target_mentions "
                          "UNION SELECT article_id, sentence_start, sentence_end, sentence FROM directive_mentions").fetchall()
    covered = {aid: [] for aid in texts}
    for aid, s, e, _ in spans:
        if s is not None:
            covered[aid].append((s, e))
    passages = []
    for aid, text in texts.items():
        mask = list(text)
        for s, e in covered[aid]:
            mask[s:e] = ["\0"] * (e - s)
        rest = max(re.split(r"\0+|\n+", "".join(mask)), key=len).strip()
        if len(rest) >= 40:
            passages.append(rest)
    return passages, [sent for *_, sent in spans if sent and len(sent) >= 40]


def test_no_text_publish_and_derived_only_export_hold_no_full_text(web_store, tmp_path):
    passages, sentences = _body_only_passages(web_store)
    assert len(passages) >= 10   # the synthetic articles have sentences without mentions
    with Store(web_store) as store:
        texts = [t for (t,) in store.sql("SELECT text FROM articles").fetchall()]
        saps = [t for (t,) in store.sql("SELECT sapo FROM articles WHERE length(sapo) >= 40").fetchall()]

    full = publish(web_store, out=tmp_path / "full.sqlite")
    full_strings = "\n".join(_strings_sqlite(tmp_path / "full.sqlite"))
    assert all(p in full_strings for p in passages)   # the check below can fail: these are there with texts
    assert full["tables"]["articles"] == len(texts)

    publish(web_store, out=tmp_path / "shared.sqlite", text=False)
    raw = (tmp_path / "shared.sqlite").read_bytes()
    strings = "\n".join(_strings_sqlite(tmp_path / "shared.sqlite"))
    for p in passages + saps:
        assert p not in strings and p.encode() not in raw and fold(p).encode() not in raw, p[:60]
    assert any(s in strings for s in sentences)   # sentences around mentions stay
    db = sqlite3.connect(tmp_path / "shared.sqlite")
    assert {"text", "sapo"}.isdisjoint({r[1] for r in db.execute("PRAGMA table_info(articles)")})
    assert db.execute("SELECT count(*) FROM articles WHERE title <> ''").fetchone()[0] == len(texts)

    publish(web_store, out=tmp_path / "bare.sqlite", text=False, sentences=False)
    bare = (tmp_path / "bare.sqlite").read_bytes()
    assert not any(s.encode() in bare for s in sentences)

    out = tmp_path / "export"
    export_tables(web_store, out=out, formats=["csv", "parquet"], derived_only=True)
    csv_text = "\n".join(p.read_text(encoding="utf-8") for p in out.glob("*.csv"))
    parquet_strings = "\n".join(str(v) for p in out.glob("*.parquet") for col in pq.read_table(p).to_pylist()
                                for v in col.values() if isinstance(v, str))
    for p in passages + saps:
        assert p not in csv_text and p not in parquet_strings, p[:60]
    with open(out / "articles.csv", encoding="utf-8") as fh:
        header = next(csv.reader(fh))
    assert "text" not in header and "title" in header and "url" in header


def test_republish_replaces_the_file_and_staleness_follows_the_store(web_store, tmp_path):
    out = tmp_path / "c.sqlite"
    assert is_stale(web_store, out)
    publish(web_store, out=out)
    assert not is_stale(web_store, out)
    assert not list(tmp_path.glob("*.tmp"))
    store_written = (web_store / "corpus.duckdb").stat().st_mtime
    os.utime(out, (store_written - 60, store_written - 60))   # published before the store's last write
    assert is_stale(web_store, out)
    publish(web_store, out=out)
    assert not is_stale(web_store, out)


def test_kwic_finds_a_phrase_with_or_without_diacritics_and_keeps_the_original_words():
    text = "Năm 2016, Đảng bộ thành phố kết nạp được 176 đảng viên mới."
    assert kwic(text, "ket nap duoc", 10) == "…thành phố [kết nạp được] 176 đảng …"
    assert kwic(text, "Kết Nạp", 5) == "… phố [kết nạp] được…"
    assert kwic(text, "dang", 4) == "…16, [Đảng] bộ … ‖ …176 [đảng] viê…"
    assert kwic(text, "không có", 5) is None
    # the plugin is deployed alone (datasette publish --plugins-dir): it imports nothing of the project
    source = open(sys.modules[kwic.__module__].__file__, encoding="utf-8").read()
    assert "from corpus" not in source and "import corpus" not in source and "from ." not in source


def _cli(args, cwd, env_extra=None):
    env = {k: v for k, v in os.environ.items() if k != "PARTYCORPUS_DATA"} | (env_extra or {})
    return subprocess.run([sys.executable, "-m", "corpus.cli", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=300)


def test_commands_without_data_find_the_demo_store_or_say_where_it_is(web_store, tmp_path):
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    env = {"PYTHONPATH": root}
    missing = _cli(["stats"], tmp_path, env)
    assert missing.returncode != 0 and len(missing.stderr.strip().splitlines()) == 1
    assert "data/corpus.duckdb" in missing.stderr
    (tmp_path / "data" / "demo").mkdir(parents=True)
    shutil.copy(web_store / "corpus.duckdb", tmp_path / "data" / "demo" / "corpus.duckdb")
    found = _cli(["stats"], tmp_path, env)
    assert found.returncode == 0, found.stderr
    assert "data/demo" in found.stderr and "store data/demo/corpus.duckdb" in found.stdout
    pub = _cli(["publish", "--no-text"], tmp_path, env)
    assert pub.returncode == 0, pub.stderr
    assert (tmp_path / "data" / "demo" / "publish" / "corpus.sqlite").exists()


def test_bad_input_is_one_line_with_exit_2(web_store, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    r = _cli(["--data", str(web_store), "publish", "--out", str(blocker / "sub" / "c.sqlite")], tmp_path)
    assert r.returncode == 2 and len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr
    r = _cli(["--data", str(web_store), "serve", "--port", "70000"], tmp_path)
    assert r.returncode == 2 and len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        r = _cli(["--data", str(web_store), "serve", "--port", str(busy.getsockname()[1])], tmp_path)
    assert r.returncode == 2 and "in use" in r.stderr and len(r.stderr.strip().splitlines()) == 1
    r = _cli(["--data", str(tmp_path / "nothing"), "publish"], tmp_path)
    assert r.returncode == 2 and "no store yet" in r.stderr


def test_targets_query_uses_stored_achieved_values_when_targets_have_them():
    from corpus.web import _targets_query

    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE targets (article_id, sentence_id, province, published, indicator, deadline_year, "
               "recurrence, value, unit, achieved_value, achieved_ratio, met)")
    db.executemany("INSERT INTO targets VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", [
        ("a:1", "a:1:0", "lam-dong", "2021-01-02", "members.admitted", 2021, None, 200, "đảng viên", 250, 1.25, 1),
        ("a:2", "a:2:0", "lam-dong", "2021-01-02", "members.admitted", 2022, None, 300, "đảng viên", 150, 0.5, 0)])
    q = _targets_query({r[1] for r in db.execute("PRAGMA table_info(targets)")})
    assert "indicator_values" not in q["sql"]
    rows = db.execute(q["sql"], {"province": ""}).fetchall()
    assert [(r[4], r[6], r[7], r[8]) for r in rows] == [(200, 250, 1.25, "met"), (300, 150, 0.5, "not met")]

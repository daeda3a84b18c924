"""partycorpus search: keyword in context over built and not-yet-built articles (synthetic texts)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

ARTICLES = [
    {"id": "a1", "published": "2019-03-02", "province": "lang-son", "title": "Chi bộ thôn Nà Sầm sinh hoạt chuyên đề",
     "text": "Chi bộ thôn Nà Sầm học tập Chỉ thị 05-CT/TW của Bộ Chính trị.\nCác đảng viên cam kết làm theo."},
    {"id": "a2", "published": "2021-06-10", "province": "lam-dong", "title": "Đảng bộ phường 3 tổng kết năm",
     "text": "Năm 2020, Đảng bộ phường kết nạp 12 đảng viên mới, tiếp tục thực hiện chỉ thị\n05 về học tập."},
    {"id": "a3", "published": "2020-01-05", "province": "quang-ninh", "title": "Hội nghị cán bộ",
     "text": "Hội nghị bàn về công tác cán bộ; chỉ có 5 thị trấn tham dự, không nhắc tới văn bản nào."},
]
LATE = {"id": "a4", "published": "2022-02-02", "province": "vinh-phuc", "title": "Bài nhập sau khi build",
        "text": "Huyện ủy Bình Xuyên sơ kết Chỉ thị 05 trong quý I."}


def cli(data, *args, timeout=300):
    env = {**os.environ, "PARTYCORPUS_LOG_LEVEL": "ERROR"}
    return subprocess.run([sys.executable, "-m", "corpus.cli", "--data", str(data), *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=timeout)


def _import(data, tmp_path, name, records):
    path = tmp_path / f"{name}.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    proc = cli(data, "import", str(path), "--site", "test")
    assert proc.returncode == 0, proc.stderr


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("search")
    data = tmp_path / "data"
    _import(data, tmp_path, "first", ARTICLES)
    proc = cli(data, "build", "--jobs", "1")
    assert proc.returncode == 0, proc.stderr
    _import(data, tmp_path, "late", [LATE])    # imported, not built
    return data


def _lines(stdout):
    return [line.split("\t") for line in stdout.splitlines()]


def test_phrase_in_context_newest_first_built_and_unbuilt(corpus_dir):
    proc = cli(corpus_dir, "search", "chỉ thị 05", "--width", "20")
    assert proc.returncode == 0, proc.stderr
    rows = _lines(proc.stdout)
    assert [r[0] for r in rows] == ["test:a4", "test:a2", "test:a1"]      # newest first; a3 has the words apart
    assert [r[1] for r in rows] == ["2022-02-02", "2021-06-10", "2019-03-02"]
    assert rows[1][2] == "lam-dong" and "[chỉ thị 05]" in rows[1][3]   # across a line break, shown on one line
    assert "[Chỉ thị 05]" in rows[0][3] and rows[2][3].endswith("[Chỉ thị 05]-CT/TW của Bộ Chính ")


def test_limit_and_no_match(corpus_dir):
    proc = cli(corpus_dir, "search", "đảng viên", "--limit", "1")
    assert proc.returncode == 0 and len(proc.stdout.splitlines()) == 1
    proc = cli(corpus_dir, "search", "Nghị quyết Trung ương 7")
    assert proc.returncode == 1 and proc.stdout == "" and "no match" in proc.stderr


@pytest.mark.parametrize("args", [["search", "  ,  "], ["search", "đảng", "--limit", "0"]])
def test_bad_queries_are_one_line_errors(corpus_dir, args):
    proc = cli(corpus_dir, *args)
    assert proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr


def test_the_index_is_sorted_when_its_unsorted_tail_grows(tmp_path):
    from corpus.search_index import UNSORTED_KEY, compact_search_index, note_appended
    from corpus.store import Store

    words = ["đảng", "chi", "bộ", "xây", "dựng", "05", "nghị", "quyết"]
    with Store(tmp_path / "d", write=True) as store:
        with store.transaction():
            store.insert_rows("search_terms", [{"term": w, "article_id": f"x:{i}"}
                                               for i in range(200) for w in words[i % 5:]])
            note_appended(store, 10)
        n = store.sql("SELECT count(*) FROM search_terms").fetchone()[0]
        assert compact_search_index(store) is None            # a small tail: left as it is
        with store.transaction():
            note_appended(store, n)
        done = compact_search_index(store)
        assert done is not None and done["rows"] == n
        terms = [r[0] for r in store.sql("SELECT term FROM search_terms ORDER BY rowid").fetchall()]
        assert terms == sorted(terms) and len(terms) == n
        assert store.meta_get(UNSORTED_KEY) == "0"
        hits = store.sql("SELECT article_id FROM search_terms WHERE term = '05' INTERSECT "
                         "SELECT article_id FROM search_terms WHERE term = 'quyết'").fetchall()
        assert len(hits) == 200


def test_a_build_leaves_the_search_index_sorted(corpus_dir):
    from corpus.search_index import unsorted_rows
    from corpus.store import Store

    with Store(corpus_dir) as store:
        terms = [r[0] for r in store.sql("SELECT term FROM search_terms ORDER BY rowid").fetchall()]
        assert terms and terms == sorted(terms)       # the first build appended everything, then sorted it
        assert unsorted_rows(store) == 0


def test_sorting_in_slices_keeps_every_row_and_survives_a_killed_run(tmp_path, monkeypatch):
    import corpus.search_index as si
    from corpus.store import Store

    monkeypatch.setattr(si, "SLICE_ROWS", 300)          # many slices on a small index
    rows = [{"term": f"từ{(i * 7919) % 997:03d}", "article_id": f"x:{i % 50}"} for i in range(4000)]
    with Store(tmp_path / "d", write=True) as store:
        with store.transaction():
            store.insert_rows("search_terms", rows)
            si.note_appended(store, len(rows))
            # what a compaction killed half-way leaves: a partial sorted copy beside the index
            store.con.execute('CREATE TABLE "_search_terms_sorted" (term VARCHAR, article_id VARCHAR)')
            store.con.execute("INSERT INTO _search_terms_sorted VALUES ('từ000', 'x:0')")
        limit = store.sql("SELECT current_setting('memory_limit')").fetchone()[0]
        done = si.compact_search_index(store)
        assert done["rows"] == 4000
        assert store.sql("SELECT current_setting('memory_limit')").fetchone()[0] == limit   # restored
        got = store.sql("SELECT term, article_id FROM search_terms ORDER BY rowid").fetchall()
        assert got == sorted((r["term"], r["article_id"]) for r in rows)
        assert not store.sql("SELECT count(*) FROM information_schema.tables "
                             "WHERE table_name = '_search_terms_sorted'").fetchone()[0]

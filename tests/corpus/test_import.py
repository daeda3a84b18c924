"""Import of .txt files, folders, .jsonl(.gz), and the crawler's spool.
Every text here is synthetic (written for these tests)."""
from __future__ import annotations

import gzip
import json
import subprocess
import sys
import unicodedata

import pytest

from corpus.errors import UserError
from corpus.ingest import import_paths, ingest_spool
from corpus.store import Store

NFC_TEXT = "Đảng ủy xã tổ chức hội nghị quán triệt Nghị quyết Trung ương 4 khóa XII."


def _rows(data, q="select article_id, site, province, title, text, published from articles order by 1"):
    with Store(data) as store:
        return store.sql(q).fetchall()


def _jsonl(path, objs, gz=False):
    raw = "".join(json.dumps(o, ensure_ascii=False) + "\n" for o in objs).encode("utf-8")
    path.write_bytes(gzip.compress(raw) if gz else raw)
    return path


def test_txt_files_and_folders(tmp_path):
    folder = tmp_path / "bai-viet"
    folder.mkdir()
    (folder / "a1.txt").write_text("Tiêu đề một\nĐoạn một.\nĐoạn hai.\n", encoding="utf-8")
    (folder / "a2.txt").write_text("Tiêu đề hai\n" + unicodedata.normalize("NFD", NFC_TEXT), encoding="utf-8")
    counts = import_paths([str(folder)], data_dir=tmp_path / "d", province="vinh-phuc")
    assert counts["new"] == 2 and counts["files"] == 2
    rows = _rows(tmp_path / "d")
    assert rows[0] == ("bai-viet:a1", "bai-viet", "vinh-phuc", "Tiêu đề một", "Đoạn một.\nĐoạn hai.", None)
    assert rows[1][4] == NFC_TEXT  # NFD input is stored NFC
    # a single file with --site; importing again changes nothing
    import_paths([str(folder / "a1.txt")], data_dir=tmp_path / "d", site="thu")
    assert import_paths([str(folder)], data_dir=tmp_path / "d", province="vinh-phuc")["unchanged"] == 2
    assert [r[0] for r in _rows(tmp_path / "d")] == ["bai-viet:a1", "bai-viet:a2", "thu:a1"]


@pytest.mark.parametrize("gz", [False, True])
def test_jsonl_collections(tmp_path, gz):
    src = _jsonl(tmp_path / ("tap.jsonl.gz" if gz else "tap.jsonl"), [
        {"id": 7, "title": "Chi bộ A", "text": NFC_TEXT, "published": "07/04/2017", "province": "lam-dong",
         "url": "https://example.invalid/a-7.html"},
        {"id": "8", "title": "Chi bộ B", "text": "Chi bộ có 25 đảng viên."},
    ], gz=gz)
    assert import_paths([str(src)], data_dir=tmp_path / "d")["new"] == 2
    rows = _rows(tmp_path / "d")
    assert rows == [("tap:7", "tap", "lam-dong", "Chi bộ A", NFC_TEXT, "2017-04-07"),
                    ("tap:8", "tap", None, "Chi bộ B", "Chi bộ có 25 đảng viên.", None)]
    ref = _rows(tmp_path / "d", "select raw_ref from articles order by 1")
    assert ref == [(f"import:{src}#1",), (f"import:{src}#2",)]


def test_limit(tmp_path):
    src = _jsonl(tmp_path / "tap.jsonl", [{"id": i, "title": f"T{i}", "text": f"Văn bản {i}"} for i in range(2500)])
    assert import_paths([str(src)], data_dir=tmp_path / "d", limit=1200)["articles"] == 1200
    assert _rows(tmp_path / "d", "select count(*) from articles") == [(1200,)]


@pytest.mark.parametrize("bad_line, message", [
    ('{"id": 3, "title": "x", "text": "y"', "tap.jsonl:3: not a JSON object"),
    ('[1, 2]', "tap.jsonl:3: not a JSON object"),
    ('{"id": 3, "title": "x"}', "tap.jsonl:3: missing field 'text'"),
    ('{"title": "x", "text": "y"}', "tap.jsonl:3: missing field 'id'"),
    ('{"id": 3, "text": "y", "published": "hôm qua"}', "tap.jsonl:3: published 'hôm qua' is not a date"),
    ('{"id": 3, "text": "y", "province": "Lâm Đồng"}', "tap.jsonl:3: province 'Lâm Đồng' is not a slug"),
])
def test_bad_line_names_file_and_line_and_writes_nothing(tmp_path, bad_line, message):
    good = "".join(json.dumps({"id": i, "title": "T", "text": "Chi bộ có 25 đảng viên."}) + "\n" for i in (1, 2))
    src = tmp_path / "tap.jsonl"
    src.write_text(good + bad_line + "\n", encoding="utf-8")
    import_paths([str(_jsonl(tmp_path / "truoc.jsonl", [{"id": 0, "title": "T", "text": "x"}]))],
                 data_dir=tmp_path / "d")
    with pytest.raises(UserError) as e:
        import_paths([str(src)], data_dir=tmp_path / "d")
    assert message in str(e.value) and "\n" not in str(e.value)
    assert _rows(tmp_path / "d", "select article_id from articles") == [("truoc:0",)]


@pytest.mark.parametrize("argv, message", [
    (["import", "khong-co.jsonl"], "khong-co.jsonl: no such file or folder"),
    (["import", "x.csv"], "x.csv: unsupported file type"),
    (["import", "tap.jsonl", "--province", "Lạng Sơn"], "--province 'Lạng Sơn': expected a slug"),
])
def test_cli_errors_are_one_line(tmp_path, argv, message):
    (tmp_path / "x.csv").write_text("a,b\n")
    _jsonl(tmp_path / "tap.jsonl", [{"id": 1, "text": "x"}])
    p = subprocess.run([sys.executable, "-m", "corpus.cli", "--data", "d"] + argv, cwd=tmp_path,
                       capture_output=True, text=True, timeout=60)
    assert p.returncode == 2
    assert p.stderr.count("\n") == 1 and message in p.stderr and "Traceback" not in p.stderr


def _spool_line(aid, text, **kw):
    return json.dumps(dict({"article_id": aid, "url": f"https://lso.invalid/{aid}.html", "site": "lso",
                            "province": "lang-son", "title": "Tin " + aid, "text": text,
                            "published": "2019-03-14", "crawl_run": "r1"}, **kw), ensure_ascii=False) + "\n"


def test_spool_ingest_skips_a_cut_last_line_and_moves_files_after_commit(tmp_path):
    spool = tmp_path / "spool"
    spool.mkdir()
    runs = tmp_path / "crawl" / "runs"
    runs.mkdir(parents=True)
    (runs / "r1.json").write_text(json.dumps({"run_id": "r1", "started": "2024-01-01T00:00:00+00:00",
                                              "sites": ["lso"], "pages": 3, "new": 2, "errors": {"timeout": 1}}))
    cut = _spool_line("a3", "Bị cắt")[:25]  # the writer was killed mid-line
    (spool / "r1-999999.jsonl").write_text(_spool_line("a1", "Chi bộ có 25 đảng viên.")
                                           + _spool_line("a2", NFC_TEXT) + cut, encoding="utf-8")
    counts = ingest_spool(tmp_path)
    assert (counts["new"], counts["files"], counts["runs"]) == (2, 1, 1)
    assert not list(spool.glob("*.jsonl"))
    with gzip.open(spool / "done" / "r1-999999.jsonl.gz", "rt", encoding="utf-8") as f:   # kept, compressed
        assert f.read().startswith(_spool_line("a1", "Chi bộ có 25 đảng viên."))
    assert [r[0] for r in _rows(tmp_path)] == ["a1", "a2"]
    assert _rows(tmp_path, "select run_id, sites, pages, errors from crawl_runs") == \
        [("r1", "lso", 3, '{"timeout": 1}')]
    # a changed page in a later run: version 2, old text kept; runs are not duplicated
    (spool / "r2-999998.jsonl").write_text(_spool_line("a1", "Chi bộ có 26 đảng viên.", crawl_run="r2"),
                                           encoding="utf-8")
    assert ingest_spool(tmp_path)["changed"] == 1
    assert _rows(tmp_path, "select article_id, version, crawl_run from articles order by 1") == \
        [("a1", 2, "r2"), ("a2", 1, "r1")]
    assert _rows(tmp_path, "select article_id, version, text from article_versions") == \
        [("a1", 1, "Chi bộ có 25 đảng viên.")]
    assert _rows(tmp_path, "select count(*) from crawl_runs") == [(1,)]


def test_spool_of_a_running_writer_is_left_for_later(tmp_path):
    spool = tmp_path / "spool"
    spool.mkdir()
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        (spool / f"r1-{sleeper.pid}.jsonl").write_text(_spool_line("a1", "x"), encoding="utf-8")
        counts = ingest_spool(tmp_path)
    finally:
        sleeper.kill()
        sleeper.wait()
    assert counts["skipped_busy"] == 1 and counts["articles"] == 0
    assert (spool / f"r1-{sleeper.pid}.jsonl").exists()


@pytest.mark.shared
def test_bulk_collection_streams(shared_dir, tmp_path):
    src = shared_dir / "data" / "bulk" / "baomoi-2017.jsonl.gz"
    counts = import_paths([str(src)], data_dir=tmp_path, limit=2000)
    assert counts["new"] == 2000
    assert _rows(tmp_path, "select count(distinct article_id), min(site) from articles") == [(2000, "baomoi-2017")]


def test_import_commits_each_batch_and_resumes_after_a_bad_line(tmp_path):
    lines = [json.dumps({"id": i, "title": f"Chi bộ {i}", "text": f"Chi bộ thôn {i} có 25 đảng viên."}) for i in range(7)]
    src = tmp_path / "tap.jsonl"
    src.write_text("\n".join(lines[:5] + ['{"id": 5, "title": "hỏng"'] + lines[6:]) + "\n", encoding="utf-8")
    with pytest.raises(UserError) as e:
        import_paths([str(src)], data_dir=tmp_path / "d", batch_size=2)
    assert str(e.value).startswith(f"{src}:6: not a JSON object")
    assert "the 4 articles before it are imported (committed)" in str(e.value) and "\n" not in str(e.value)
    assert _rows(tmp_path / "d", "select count(*) from articles") == [(4,)]  # two whole batches, nothing half
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")  # fixed: the same import resumes
    counts = import_paths([str(src)], data_dir=tmp_path / "d", batch_size=2)
    assert (counts["new"], counts["unchanged"]) == (3, 4)
    assert _rows(tmp_path / "d", "select count(*) from articles") == [(7,)]

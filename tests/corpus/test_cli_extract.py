"""`partycorpus extract` honours the contract (run as a real subprocess)."""
import json
import subprocess
import sys
import unicodedata

import pytest

# Synthetic text written for these tests (NFD on purpose: offsets index the NFC body).
TEXT = unicodedata.normalize(
    "NFD",
    "Năm 2021, Đảng bộ huyện kết nạp được 181 đảng viên, đạt 10,6% so với cùng kỳ. "
    "Thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị và Nghị quyết Trung ương 4 (khóa XII), "
    "Huyện ủy phấn đấu hàng năm kết nạp 200 đảng viên mới.",
)
HTML = (
    "<html><head><title>Bài viết tổng hợp</title></head><body><header>Thứ Hai, 21/11/2026</header>"
    "<article><h1>Kết nạp đảng viên ở cơ sở</h1><div class='body'><p>Năm 2020, Đảng bộ xã kết nạp được 12 đảng viên "
    "theo Chỉ thị 28-CT/TW của Ban Bí thư về nâng cao chất lượng kết nạp đảng viên.</p>"
    "<p>Các chi bộ duy trì sinh hoạt định kỳ, nâng cao chất lượng sinh hoạt chi bộ và phát huy vai trò của đảng viên ở khu dân cư.</p>"
    "</div></article><footer>Các tin khác</footer></body></html>"
)


def cli(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "corpus.cli", *args], input=stdin, capture_output=True,
                          text=True, timeout=120)


@pytest.fixture
def text_file(tmp_path):
    p = tmp_path / "bai.txt"
    p.write_text(TEXT, encoding="utf-8")
    return p


def test_json_fields_and_offsets(text_file):
    r = cli("extract", str(text_file), "--published", "2021-06-01", "--format", "json")
    assert r.returncode == 0, r.stderr
    obj = json.loads(r.stdout)
    assert set(obj) == {"path", "text_sha1", "directives", "figures", "targets"}
    body = unicodedata.normalize("NFC", TEXT)
    for kind in ("directives", "figures", "targets"):
        for m in obj[kind]:
            assert body[m["start"]:m["end"]] == m["text"]
    ids = {d["canonical_id"] for d in obj["directives"]}
    assert {"05-CT/TW", "04-NQ/TW"} <= ids
    values = {f["value"] for f in obj["figures"]}
    assert {181.0, 10.6, 200.0} <= values
    assert any(t["recurrence"] == "annual" and t["value"] == 200 for t in obj["targets"])
    fig = next(f for f in obj["figures"] if f["value"] == 181)
    assert set(fig) >= {"start", "end", "text", "value", "value_max", "unit", "qualifier", "kind", "indicator", "year"}


def test_jsonl_stdin_and_html(tmp_path, text_file):
    html = tmp_path / "page.html"
    html.write_text(HTML, encoding="utf-8")
    r = cli("extract", str(text_file), str(html), "-", "--format", "jsonl", stdin=TEXT)
    assert r.returncode == 0, r.stderr
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert [row["path"] for row in rows] == [str(text_file), str(html), "-"]
    assert rows[0]["text_sha1"] == rows[2]["text_sha1"]
    assert any(d["canonical_id"] == "28-CT/TW" for d in rows[1]["directives"])


def test_table_format(text_file):
    r = cli("extract", str(text_file), "--format", "table")
    assert r.returncode == 0
    assert "05-CT/TW" in r.stdout and "directive" in r.stdout


@pytest.mark.parametrize("make_args, needle", [
    (lambda tmp: [str(tmp / "missing.txt")], "no such file"),
    (lambda tmp: [str(tmp)], "is a folder"),
    (lambda tmp: [str(_binary(tmp))], "not UTF-8"),
    (lambda tmp: [str(_text(tmp)), "--published", "07/04/2017"], "YYYY-MM-DD"),
    (lambda tmp: [str(_text(tmp)), str(_text(tmp)), "--format", "json"], "one input"),
    (lambda tmp: [str(_text(tmp)), "--format", "xml"], "invalid choice"),
])
def test_bad_input_one_line_exit_2(tmp_path, make_args, needle):
    r = cli("extract", *make_args(tmp_path))
    assert r.returncode == 2
    assert r.stdout == ""
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and needle in lines[0], r.stderr
    assert "Traceback" not in r.stderr


def _binary(tmp):
    p = tmp / "blob.txt"
    p.write_bytes(bytes(range(1, 32)) * 40 + b"\xff\xfe\xfa" * 50)
    return p


def _text(tmp):
    p = tmp / "ok.txt"
    p.write_text(TEXT, encoding="utf-8")
    return p

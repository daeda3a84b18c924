"""Scorer tests on tiny synthetic gold (written for this project) and the gold's integrity against ../shared."""
from __future__ import annotations

import gzip
import hashlib
import json
import re
import unicodedata
from argparse import Namespace
from pathlib import Path

import pytest

from corpus.errors import UserError
from corpus.evaluation import (below_floors, find_occurrences, load_floors, load_gold, nfc_text,
                               offset_mapper, prf, score_document)

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "eval" / "gold"

# Synthetic sentence (not from any article).
TEXT = ("Đảng bộ quán triệt Chỉ thị số 05-CT/TW và Nghị quyết Trung ương 4 (khóa XII). "
        "Năm 2017 kết nạp được 181 đảng viên, đạt 95%. "
        "Phấn đấu đến năm 2020 có 75% chi bộ đạt trong sạch, vững mạnh.")


def span(surface: str, n: int = 0) -> tuple[int, int]:
    return find_occurrences(TEXT, surface)[n]


def gfig(surface, value, kind="achieved", required=True, **kw):
    s, e = span(surface)
    return {"surface": surface, "start": s, "end": e, "value": value, "kind": kind, "required": required, **kw}


def pfig(surface, value, kind="achieved", **kw):
    s, e = span(surface)
    return {"start": s, "end": e, "text": surface, "value": value, "kind": kind, **kw}


def gdir(surface, ids, kind="chi_thi", required=True):
    return {"ids": ids, "spans": [span(surface)], "kind": kind, "required": required}


def pdir(surface, cid, kind="chi_thi"):
    s, e = span(surface)
    return {"start": s, "end": e, "text": surface, "canonical_id": cid, "kind": kind}


def doc(directives=(), figures=(), targets=()):
    return {"directives": list(directives), "figures": list(figures), "targets": list(targets)}


GOLD_DIRS = [gdir("Chỉ thị số 05-CT/TW", ["05-CT/TW"]),
             gdir("Nghị quyết Trung ương 4 (khóa XII)", ["04-NQ/TW", "NQTW4-XII"], kind="nghi_quyet")]


@pytest.mark.parametrize("predicted, expected", [
    ([pdir("Chỉ thị số 05-CT/TW", "05-CT/TW"), pdir("Nghị quyết Trung ương 4", "NQTW4-XII", "nghi_quyet")],
     {"tp": 2, "fp": 0, "fn": 0}),
    # an accepted alternative id, written with spaces and lower case
    ([pdir("Chỉ thị số 05-CT/TW", "05-ct/tw"), pdir("Nghị quyết Trung ương 4", "04-NQ/TW", "nghi_quyet")],
     {"tp": 2, "fp": 0, "fn": 0}),
    # right span, wrong id: a false positive and a miss
    ([pdir("Chỉ thị số 05-CT/TW", "03-CT/TW"), pdir("Nghị quyết Trung ương 4", "04-NQ/TW", "nghi_quyet")],
     {"tp": 1, "fp": 1, "fn": 1}),
    # the same wrong id twice is one false entity; a missed directive is a miss
    ([pdir("Năm 2017", "99-CT/TW"), pdir("181 đảng viên", "99-CT/TW")], {"tp": 0, "fp": 1, "fn": 2}),
    # two null-id false positives count separately
    ([pdir("Năm 2017", None), pdir("181 đảng viên", None)], {"tp": 0, "fp": 2, "fn": 2}),
    # a second mention of a gold document elsewhere is not a false positive
    ([pdir("Chỉ thị số 05-CT/TW", "05-CT/TW"), pdir("Năm 2017", "05-CT/TW")], {"tp": 1, "fp": 0, "fn": 1}),
    ([], {"tp": 0, "fp": 0, "fn": 2}),
])
def test_directives_are_scored_at_canonical_id_level(predicted, expected):
    assert score_document(TEXT, doc(GOLD_DIRS), doc(predicted)).counts["directives"] == expected


@pytest.mark.parametrize("gold_ids, predicted_id, matched", [
    ([], None, True),                 # title-only document: both null
    ([], "ke-hoach-nang-cao", True),  # ... or a stable slug
    ([], "05-CT/TW", False),          # an invented official id is wrong
    (["05-CT/TW"], None, False),
])
def test_title_only_directives(gold_ids, predicted_id, matched):
    g = doc([gdir("Chỉ thị số 05-CT/TW", gold_ids)])
    c = score_document(TEXT, g, doc([pdir("Chỉ thị số 05-CT/TW", predicted_id)])).counts["directives"]
    assert c["tp"] == int(matched) and c["fp"] == int(not matched)


def test_optional_directive_is_neither_miss_nor_false_positive():
    g = doc([gdir("Chỉ thị số 05-CT/TW", ["05-CT/TW"], required=False)])
    assert score_document(TEXT, g, doc()).counts["directives"] == {"tp": 0, "fp": 0, "fn": 0}
    found = doc([pdir("Chỉ thị số 05-CT/TW", "05-CT/TW")])
    assert score_document(TEXT, g, found).counts["directives"] == {"tp": 0, "fp": 0, "fn": 0}


GOLD_FIGS = [gfig("kết nạp được 181 đảng viên", 181, indicator="members.admitted", unit="đảng viên"),
             gfig("95%", 95, required=False),
             gfig("75% chi bộ", 75, kind="target", indicator="orgs.clean_strong_pct")]


@pytest.mark.parametrize("predicted, expected", [
    ([pfig("181 đảng viên", 181.0), pfig("75%", 75.0, "target")], {"tp": 2, "fp": 0, "fn": 0}),
    # a wrong value on the right span: a miss and a false positive
    ([pfig("181 đảng viên", 18.0), pfig("75%", 75.0, "target")], {"tp": 1, "fp": 1, "fn": 1}),
    # the judgement call "95%" found or not changes nothing
    ([pfig("181 đảng viên", 181.0), pfig("95%", 95.0), pfig("75%", 75.0)], {"tp": 2, "fp": 0, "fn": 0}),
    # a date is not a figure
    ([pfig("181 đảng viên", 181.0), pfig("75%", 75.0), pfig("2017", 2017.0)], {"tp": 2, "fp": 1, "fn": 0}),
    # one gold figure matches one prediction only
    ([pfig("181 đảng viên", 181.0), pfig("181", 181.0)], {"tp": 1, "fp": 1, "fn": 1}),
    ([], {"tp": 0, "fp": 0, "fn": 2}),
])
def test_figures_match_on_overlap_and_value(predicted, expected):
    assert score_document(TEXT, doc(figures=GOLD_FIGS), doc(figures=predicted)).counts["figures"] == expected


def test_figure_field_accuracy_on_matched_pairs():
    predicted = [pfig("181 đảng viên", 181.0, "achieved", indicator="members.admitted", unit="đảng viên"),
                 pfig("75%", 75.0, "achieved", indicator=None)]
    s = score_document(TEXT, doc(figures=GOLD_FIGS), doc(figures=predicted))
    assert s.kind_matched == [1, 2]
    assert s.fields["figures"]["indicator"] == [1, 2]
    assert s.fields["figures"]["unit"] == [1, 1]  # only where the gold states a unit


GOLD_TARGETS = [
    {**gfig("Phấn đấu đến năm 2020 có 75% chi bộ", 75), "deadline_year": 2020, "recurrence": None},
]


@pytest.mark.parametrize("predicted, expected", [
    ([{**pfig("đến năm 2020 có 75%", 75.0), "deadline_year": 2020}], {"tp": 1, "fp": 0, "fn": 0}),
    ([{**pfig("đến năm 2020 có 75%", None), "deadline_year": 2020}], {"tp": 0, "fp": 1, "fn": 1}),
    ([{**pfig("kết nạp được 181 đảng viên", 181.0)}], {"tp": 0, "fp": 1, "fn": 1}),
])
def test_targets_match_on_overlap_and_value(predicted, expected):
    s = score_document(TEXT, doc(targets=GOLD_TARGETS), doc(targets=predicted))
    assert s.counts["targets"] == expected


def test_target_without_number_matches_null_value():
    g = [{**gfig("Phấn đấu đến năm 2020", None), "deadline_year": 2020}]
    p = [{**pfig("đến năm 2020", None), "deadline_year": 2021}]
    s = score_document(TEXT, doc(targets=g), doc(targets=p))
    assert s.counts["targets"] == {"tp": 1, "fp": 0, "fn": 0}
    assert s.fields["targets"]["deadline_year"] == [0, 1]


@pytest.mark.parametrize("counts, expected", [
    ((1, 0, 0), (1.0, 1.0, 1.0)),
    ((0, 0, 0), (1.0, 1.0, 1.0)),
    ((0, 3, 0), (0.0, 0.0, 0.0)),
    ((3, 1, 1), (0.75, 0.75, 0.75)),
])
def test_prf(counts, expected):
    assert prf(*counts) == pytest.approx(expected)


@pytest.mark.parametrize("src, dst, pos, expected", [
    ("Nghị quyết", "Nghị quyết", 5, 5),
    ("khoá XII", "khóa XII", 6, 6),
    ("Đảng  bộ có 181 đảng viên", "Đảng bộ có 181 đảng viên", 12, 11),
])
def test_offset_mapper(src, dst, pos, expected):
    assert offset_mapper(src, dst)(pos) == expected


def test_floors_file_pins_the_targets():
    floors = load_floors(ROOT / "eval" / "floors.toml")
    assert {k: floors[k] for k in ("directives.f1", "figures.f1", "targets.f1", "figures.kind_accuracy")} == \
        {"directives.f1": 0.95, "figures.f1": 0.90, "targets.f1": 0.85, "figures.kind_accuracy": 0.90}
    assert floors["indicators.precision"] >= 0.95 and floors["indicators.recall"] >= 0.85
    got = {"directives.f1": 0.96, "figures.f1": 0.91, "targets.f1": 0.84, "figures.kind_accuracy": 0.9,
           "indicators.precision": 0.99, "indicators.recall": 0.9, "pairs.precision": 1.0, "pairs.recall": 1.0}
    assert below_floors(got, floors) == ["targets.f1 0.840 < floor 0.850"]
    synthetic = load_floors(ROOT / "eval" / "floors.toml", "synthetic")
    assert synthetic["indicators.precision"] >= 0.95 and synthetic["indicators.recall"] >= 0.85


def _write_gold(tmp_path: Path, text: str, ann: dict) -> tuple[Path, Path]:
    shared = tmp_path / "shared"
    (shared / "data" / "dev").mkdir(parents=True)
    (shared / "data" / "dev" / "a.txt").write_text(text, encoding="utf-8")
    gold = tmp_path / "gold"
    gold.mkdir()
    sha1 = hashlib.sha1(text.encode()).hexdigest()
    (gold / "b.json").write_text(json.dumps({"default_published": "2017-07-01",
                                             "docs": {"data/dev/a.txt": {"sha1": sha1, **ann}}}), encoding="utf-8")
    return gold, shared


def test_load_gold_resolves_repeated_surfaces_in_order(tmp_path):
    text = "Tiêu đề\n100% chi bộ và 100% đảng viên."
    gold, shared = _write_gold(tmp_path, text, {"figures": [
        {"surface": "100%", "value": 100, "kind": "achieved"},
        {"surface": "100%", "value": 100, "kind": "achieved"}]})
    [d] = load_gold(gold, shared)
    assert [(f["start"], f["end"]) for f in d.figures] == [(8, 12), (23, 27)]
    assert d.published == "2017-07-01"


@pytest.mark.parametrize("ann, message", [
    ({"figures": [{"surface": "200 học viên", "value": 200}]}, "not in text"),
    ({"figures": [{"surface": "100%", "value": 100, "occurrence": 1}]}, "occurrence 1"),
    ({"directives": [{"ids": [], "surfaces": ["Chỉ thị 99"]}]}, "directive surface"),
])
def test_bad_gold_is_one_clear_error(tmp_path, ann, message):
    gold, shared = _write_gold(tmp_path, "Tiêu đề\n100% chi bộ.", ann)
    with pytest.raises(UserError, match=message):
        load_gold(gold, shared)


def test_changed_text_is_detected_by_sha1(tmp_path):
    gold, shared = _write_gold(tmp_path, "Tiêu đề\n100% chi bộ.", {})
    (shared / "data" / "dev" / "a.txt").write_text("Tiêu đề\n90% chi bộ.", encoding="utf-8")
    with pytest.raises(UserError, match="sha1"):
        load_gold(gold, shared)


def test_missing_shared_folder_is_a_user_error(tmp_path, capsys):
    from corpus.cli import main

    rc = main(["evaluate", "--shared", str(tmp_path / "nowhere")])
    err = capsys.readouterr().err
    assert rc == 2 and err.count("\n") == 1 and "shared folder" in err


# --------------------------------------------------------------------------- gold keys naming jsonl records

# Synthetic records (written for this project, not from any article); the second one is in NFD.
RECORDS = [
    {"id": "101", "title": "Tin khác", "text": "Tin khác\nGiá lúa tăng 5%."},
    {"id": "202", "title": "Chi bộ", "text": unicodedata.normalize(
        "NFD", "Chi bộ khoá mới\nPhấn đấu hằng năm kết nạp 12 đảng viên; năm nay đạt 100%.")},
    {"id": 303, "title": "Số", "text": "Số\nĐảng bộ có 40 chi bộ."},
]


def _write_records(tmp_path: Path, keys: dict, records=RECORDS, name="bulk/synthetic.jsonl.gz") -> tuple[Path, Path]:
    """A synthetic jsonl(.gz) under shared/data and one gold file naming ``keys`` (key -> annotation)."""
    shared = tmp_path / "shared"
    path = shared / "data" / name
    path.parent.mkdir(parents=True)
    body = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")
    path.write_bytes(gzip.compress(body) if name.endswith(".gz") else body)
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "batch-x.json").write_text(json.dumps({"default_published": "2017-07-01", "docs": keys},
                                                  ensure_ascii=False), encoding="utf-8")
    return gold, shared


def _sha1(record_id) -> str:
    return hashlib.sha1(next(r for r in RECORDS if r["id"] == record_id)["text"].encode("utf-8")).hexdigest()


@pytest.mark.parametrize("record_key", ["data/bulk/synthetic.jsonl.gz#202", "data/bulk/synthetic.jsonl#202"])
def test_record_key_resolves_to_the_nfc_text_of_the_record(tmp_path, record_key):
    gold, shared = _write_records(tmp_path, {record_key: {
        "sha1": _sha1("202"),   # sha1 of the record text's UTF-8 bytes, as stored (here NFD)
        "figures": [{"surface": "12 đảng viên", "value": 12, "kind": "target"},
                    {"surface": "100%", "value": 100, "kind": "achieved"}],
        "targets": [{"surface": "Phấn đấu hằng năm kết nạp 12 đảng viên", "value": 12, "recurrence": "annual"}],
        "directives": []}}, name=record_key.split("data/")[1].split("#")[0])
    [d] = load_gold(gold, shared)
    assert d.key == record_key and d.sha1 == _sha1("202")
    assert d.text == nfc_text(RECORDS[1]["text"].encode("utf-8"))
    assert d.text.startswith("Chi bộ khoá mới\n")   # NFC composes the marks, keeps the old tone placement
    assert [d.text[f["start"]:f["end"]] for f in d.figures] == ["12 đảng viên", "100%"]
    assert d.text[d.targets[0]["start"]:d.targets[0]["end"]].startswith("Phấn đấu")


def test_each_jsonl_file_is_streamed_once_for_all_its_ids(tmp_path, monkeypatch):
    import corpus.evaluation as ev

    keys = {f"data/bulk/synthetic.jsonl.gz#{i}": {"sha1": _sha1(r), "figures": [], "targets": [], "directives": []}
            for i, r in (("101", "101"), ("202", "202"), ("303", 303))}
    gold, shared = _write_records(tmp_path, keys)
    opened = []
    real_open = ev.gzip.open
    monkeypatch.setattr(ev.gzip, "open",   # a spy: the real gzip.open still reads the file
                        lambda path, *a, **kw: opened.append(Path(path).name) or real_open(path, *a, **kw))
    docs = load_gold(gold, shared)
    assert opened == ["synthetic.jsonl.gz"]
    assert [d.text.split("\n")[0] for d in docs] == ["Tin khác", "Chi bộ khoá mới", "Số"]   # id 303 written as a number


@pytest.mark.parametrize("key, sha1, message", [
    ("data/bulk/missing.jsonl.gz#101", None, "cannot read data/bulk/missing.jsonl.gz"),
    ("data/bulk/synthetic.jsonl.gz#999", None, "no record with id 999"),
    ("data/bulk/synthetic.jsonl.gz#101", "0" * 40, "sha1 of data/bulk/synthetic.jsonl.gz#101 differs"),
])
def test_bad_record_key_is_one_line_naming_gold_file_and_key(tmp_path, key, sha1, message):
    gold, shared = _write_records(tmp_path, {key: {"sha1": sha1 or _sha1("101"), "figures": []}})
    with pytest.raises(UserError, match=re.escape(message)) as e:
        load_gold(gold, shared)
    assert "batch-x.json" in str(e.value) and key in str(e.value) and "\n" not in str(e.value)


@pytest.mark.parametrize("content, message", [
    (b"\x1f\x8b\x08\x00broken", "cannot read"),                         # a truncated/corrupt gzip
    (gzip.compress(b'{"id": "101", "text": 5}\n'), "has no text"),
    (gzip.compress(b"not json\n"), "line 1 is not a JSON object"),
])
def test_corrupt_jsonl_is_a_user_error(tmp_path, content, message):
    gold, shared = _write_records(tmp_path, {"data/bulk/synthetic.jsonl.gz#101": {"sha1": _sha1("101")}})
    (shared / "data" / "bulk" / "synthetic.jsonl.gz").write_bytes(content)
    with pytest.raises(UserError, match=message):
        load_gold(gold, shared)


def test_missing_record_through_the_cli_is_one_line_and_exit_2(tmp_path, capsys):
    from corpus.cli import main

    gold, shared = _write_records(tmp_path, {"data/bulk/synthetic.jsonl.gz#404": {"sha1": _sha1("101")}})
    rc = main(["evaluate", "--gold", str(gold), "--shared", str(shared)])
    err = capsys.readouterr().err
    assert rc == 2 and err.count("\n") == 1 and "batch-x.json" in err and "#404" in err


def test_evaluate_docs_on_a_record_key_keeps_offsets(tmp_path):
    """A record text reaches the extractor as NFC and gold spans line up with it (synthetic extractor)."""
    from corpus.evaluation import evaluate_docs
    from nlp.types import Figure

    gold, shared = _write_records(tmp_path, {"data/bulk/synthetic.jsonl.gz#202": {
        "sha1": _sha1("202"), "figures": [{"surface": "12 đảng viên", "value": 12, "kind": "target"}]}})
    seen = []

    def extract(t, published=None, province=None):
        from nlp.types import Extraction
        seen.append(t)
        f = t.index("12 đảng viên")
        return Extraction(text=t, text_sha1="", figures=[Figure(start=f, end=f + 2, text="12", value=12.0,
                                                                kind="target")])

    m = evaluate_docs(load_gold(gold, shared), extract=extract).metrics
    assert seen == [unicodedata.normalize("NFC", RECORDS[1]["text"])]
    assert (m["figures.recall"], m["figures.precision"], m["figures.kind_accuracy"]) == (1.0, 1.0, 1.0)


# --------------------------------------------------------------------------- the real gold (../shared)


def test_gold_integrity(shared_dir):
    """Every gold file names a shared text with the right sha1 and every surface is in its NFC text."""
    docs = load_gold(GOLD, shared_dir)  # raises on a missing surface or a changed sha1
    dev = [d for d in docs if d.key.startswith("data/dev/")]
    assert len(dev) >= 64
    for d in docs:
        text = d.text   # a .txt file or a jsonl record, as load_gold read it
        assert text == unicodedata.normalize("NFC", text)
        if d.key.startswith("data/dev/"):
            assert d.sha1 == hashlib.sha1(d.path.read_bytes()).hexdigest()
        for label in ("figures", "targets"):
            for item in getattr(d, label):
                assert text[item["start"]:item["end"]] == unicodedata.normalize("NFC", item["surface"])
                assert item.get("kind", "achieved") in {"achieved", "target", "other"}
        for ent in d.directives:
            assert all(text[s:e] in ent["surfaces"] for s, e in ent["spans"])
    for gf in (GOLD / "dev").glob("*.json"):
        data = json.loads(gf.read_text(encoding="utf-8"))
        for key, ann in data["docs"].items():
            assert ann["sha1"] and "text" not in ann, f"{gf.name}: {key}: standoff only, with sha1"


def test_evaluate_command_runs_on_the_gold(shared_dir, capsys):
    pytest.importorskip("nlp.directives")
    pytest.importorskip("nlp.figures")
    pytest.importorskip("nlp.targets")
    from corpus.commands.evaluate import run

    rc = run(Namespace(gold=None, shared=str(shared_dir), gate=False, json=True))
    out = json.loads(capsys.readouterr().out)
    assert rc == 0
    assert out["docs"] >= 47 and set(out["metrics"]) >= {"directives.f1", "figures.f1", "targets.f1"}


def test_evaluate_docs_end_to_end_with_a_fixed_extractor(tmp_path):
    """Gold on disk -> extractor -> report; the extractor here returns fixed records (synthetic text)."""
    from corpus.evaluation import evaluate_docs, format_report
    from nlp.types import Directive, Extraction, Figure

    text = "Tiêu đề\nQuán triệt Chỉ thị 05. Kết nạp 181 đảng viên, đạt 95%."
    gold, shared = _write_gold(tmp_path, text, {
        "directives": [{"ids": ["05-CT/TW"], "surfaces": ["Chỉ thị 05"], "kind": "chi_thi"}],
        "figures": [{"surface": "181 đảng viên", "value": 181, "kind": "achieved"},
                    {"surface": "95%", "value": 95, "kind": "achieved"}]})

    def extract(t, published=None, province=None):
        assert published == "2017-07-01"  # the gold file's default date
        s = t.index("Chỉ thị 05")
        f = t.index("181")
        return Extraction(text=t, text_sha1="", directives=[
            Directive(start=s, end=s + 10, text=t[s:s + 10], kind="chi_thi", canonical_id="05-CT/TW")],
            figures=[Figure(start=f, end=f + 3, text="181", value=181.0, kind="target")])

    report = evaluate_docs(load_gold(gold, shared), extract=extract)
    m = report.metrics
    assert (m["directives.f1"], m["figures.recall"], m["figures.precision"]) == (1.0, 0.5, 1.0)
    assert m["figures.kind_accuracy"] == 0.0
    text_report = format_report(report)
    assert "FN figures" in text_report and "95%" in text_report


def _synthetic_gold(tmp_path, docs):
    import json as _json
    d = tmp_path / "gold" / "synthetic"
    d.mkdir(parents=True)
    (d / "indicators.json").write_text(_json.dumps({"_about": "synthetic test gold", "docs": docs}, ensure_ascii=False),
                                       encoding="utf-8")
    return tmp_path / "gold"


def test_indicator_scores_count_codes_on_null_gold_as_false_positives(tmp_path):
    from corpus.errors import UserError
    from corpus.evaluation import evaluate_docs, load_gold
    from nlp.types import Extraction, Figure

    text = "Huyện kết nạp 44 đảng viên và tặng giấy khen cho 18 chi bộ."   # synthetic
    gold_dir = _synthetic_gold(tmp_path, {"synthetic:a": {
        "text": text, "scope": "figures", "indicators": "v3", "directives": [],
        "figures": [{"surface": "44 đảng viên", "value": 44, "unit": "đảng viên", "kind": "achieved",
                     "indicator": "members.admitted"},
                    {"surface": "18 chi bộ", "value": 18, "unit": "chi bộ", "kind": "achieved",
                     "indicator": None}]}})
    with pytest.raises(UserError, match="no gold files"):   # synthetic gold is only read when asked for
        load_gold(gold_dir, tmp_path)
    docs = load_gold(gold_dir, tmp_path, synthetic=True)

    def fake(text, **kw):
        s1, s2 = text.index("44"), text.index("18 chi")
        return Extraction(text=text, text_sha1="", figures=[
            Figure(s1, s1 + 12, text[s1:s1 + 12], 44, unit="đảng viên", kind="achieved", indicator="members.admitted"),
            Figure(s2, s2 + 9, text[s2:s2 + 9], 18, unit="chi bộ", kind="achieved", indicator="cells.total")])

    report = evaluate_docs(docs, extract=fake)
    assert report.indicators == {"members.admitted": {"tp": 1, "fp": 0, "fn": 0},
                                 "cells.total": {"tp": 0, "fp": 1, "fn": 0}}
    m = report.metrics
    assert m["indicators.precision"] == 0.5 and m["indicators.recall"] == 1.0
    assert "directives.f1" in m and report.counts["directives"] == {"tp": 0, "fp": 0, "fn": 0}

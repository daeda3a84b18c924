"""The packaged relevance classifier. The paragraphs are synthetic, written for these tests
(``eval/relevance/synthetic.jsonl`` holds more, also synthetic)."""
import hashlib
import json
import os
import subprocess
import sys
from argparse import Namespace
from pathlib import Path

import pytest

from corpus import relevance
from corpus.relevance_data import read_jsonl, synthetic_items

ROOT = Path(__file__).resolve().parents[2]

PARTY = ("Đảng bộ huyện kết nạp 181 đảng viên mới",
         "Ban Thường vụ Huyện ủy tổ chức hội nghị sơ kết công tác xây dựng Đảng năm 2018. Toàn Đảng bộ đã kết nạp "
         "181 đảng viên mới, 96% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ. Ủy ban Kiểm tra Huyện ủy thi hành kỷ "
         "luật 3 đảng viên vi phạm. Các chi bộ tiếp tục thực hiện Nghị quyết Trung ương 4 khóa XII và Chỉ thị 05 "
         "của Bộ Chính trị về học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.")
FOOTBALL = ("U22 Việt Nam thắng đậm Thái Lan",
            "Trên sân Mỹ Đình tối qua, U22 Việt Nam đánh bại Thái Lan với tỷ số 3-0. Tiền đạo Công Phượng mở tỷ số "
            "ở phút 12, Quang Hải ghi thêm hai bàn trong hiệp hai. Huấn luyện viên hài lòng với lối chơi pressing "
            "của các cầu thủ và hướng tới trận bán kết SEA Games gặp Malaysia.")
# A two-sentence admission item written with the reports' abbreviations, and a two-sentence market item.
SHORT_REPORT = ("Thị trấn kết nạp 9 ĐV mới", "Năm 2023, Đảng ủy thị trấn kết nạp 9 ĐV, đạt 112% chỉ tiêu. "
                "Có 14/15 chi bộ HTTNV trở lên.")
SHORT_NEWS = ("Giá cà phê tăng mạnh", "Sáng nay giá cà phê nhân xô tại Tây Nguyên tăng 1.200 đồng/kg, lên 96.500 "
              "đồng/kg. Thương lái cho biết nguồn cung cuối vụ khan hiếm.")


@pytest.mark.parametrize("title,text,low,high", [(*PARTY, 0.7, 1.0), (*FOOTBALL, 0.0, 0.2)],
                         ids=["party building", "football"])
def test_scores(title, text, low, high):
    assert low <= relevance.relevance(title, text) <= high


def test_is_party_building_uses_the_models_threshold():
    cut = relevance.decision_threshold()
    assert 0.0 < cut < 1.0 and cut == relevance.model_card()["threshold"]
    assert relevance.is_party_building(*PARTY) and not relevance.is_party_building(*FOOTBALL)
    assert not relevance.is_party_building(*PARTY, threshold=1.01)
    assert relevance.relevances([PARTY, FOOTBALL])[0] == pytest.approx(relevance.relevance(*PARTY))


@pytest.mark.parametrize("item", synthetic_items(), ids=lambda it: it["id"])
def test_short_synthetic_reports_score_above_the_threshold_and_short_news_below(item):
    score = relevance.relevance(item["title"], item["body"])
    assert (score >= relevance.decision_threshold()) == bool(item["label"]), f"{item['id']}: {score:.3f}"


def test_a_short_abbreviated_report_is_kept_and_a_short_news_item_is_not():
    assert relevance.relevance(*SHORT_REPORT) >= relevance.decision_threshold() > relevance.relevance(*SHORT_NEWS)


def test_abbreviations_are_written_out_and_sentences_kept_apart():
    text = relevance.model_input("Kết nạp 44 ĐV", "UBKT kiểm tra 9 TCĐ. ĐVHT giữ nguyên.")
    assert text.split("\n") == ["kết nạp 44 đảng viên", "ủy ban kiểm tra kiểm tra 9 tổ chức đảng", "đvht giữ nguyên"]


def test_party_term_density_does_not_grow_with_length():
    one = relevance.model_input(*SHORT_REPORT)
    many = "\n".join([one] * 20)
    a, b = relevance.PartyTerms().transform([one, many])
    assert a.tolist() == pytest.approx(b.tolist(), abs=0.05)
    assert relevance.PartyTerms().transform([relevance.model_input(*SHORT_NEWS)])[0, :4].tolist() == [0, 0, 0, 0]


def test_model_is_cached_and_card_is_consistent():
    assert relevance.load_model() is relevance.load_model()
    card = relevance.model_card()
    assert card["version"] == relevance.MODEL_VERSION
    assert card["artifact_bytes"] == relevance.MODEL_PATH.stat().st_size < 5_000_000
    assert card["artifact_sha1"] == hashlib.sha1(relevance.MODEL_PATH.read_bytes()).hexdigest()
    assert card["data"]["positive"] + card["data"]["negative"] == card["data"]["articles"]
    for table in card["metrics"].values():
        for m in table.values():
            assert 0.0 <= m["precision"] <= 1.0 and 0.0 <= m["f1"] <= 1.0
    tfidf = relevance.load_model().named_steps["features"].transformer_list[0][1]
    assert len(tfidf.vocabulary_) == card["features"]["vocabulary"] <= card["features"]["max_features"]


def test_empty_input_gives_a_probability():
    assert 0.0 <= relevance.relevance(None, None) <= 1.0


def test_model_loads_and_scores_with_the_network_refused():
    code = ("import socket\n"
            "def refuse(*a, **k): raise OSError('network refused in this test')\n"
            "socket.socket.connect = socket.socket.connect_ex = refuse\n"
            "socket.create_connection = socket.getaddrinfo = refuse\n"
            "from corpus import relevance\n"
            f"print(repr(relevance.relevances([{PARTY!r}, {SHORT_REPORT!r}, {FOOTBALL!r}])))\n")
    runs = [subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
            for _ in range(2)]
    assert all(r.returncode == 0 for r in runs), runs[0].stderr[-500:]
    assert runs[0].stdout == runs[1].stdout                       # deterministic across processes
    assert eval(runs[0].stdout) == pytest.approx(relevance.relevances([PARTY, SHORT_REPORT, FOOTBALL]))


def test_training_is_deterministic_to_the_byte_across_processes():
    code = ("import hashlib, sys\n"
            "from benchmarks.train_relevance import make_pipeline, model_bytes\n"
            "from corpus import relevance\n"
            "from tests.corpus.test_relevance import PARTY, FOOTBALL, SHORT_REPORT, SHORT_NEWS\n"
            "docs = [relevance.model_input(*p) for p in (PARTY, FOOTBALL, SHORT_REPORT, SHORT_NEWS)] * 3\n"
            "print(hashlib.sha1(model_bytes(make_pipeline().fit(docs, [1, 0, 1, 0] * 3))).hexdigest())\n")
    digests = set()
    for seed in ("1", "2"):                                      # string hashing differs between the two
        r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300,
                           env=dict(os.environ, PYTHONHASHSEED=seed))
        assert r.returncode == 0, r.stderr[-500:]
        digests.add(r.stdout.strip())
    assert len(digests) == 1 and relevance.model_card()["artifact_sha1"] not in digests   # a real, other fit


def test_heldout_is_standoff_and_disjoint_from_training():
    held = read_jsonl(ROOT / "eval" / "relevance" / "heldout.jsonl")
    assert held and all(set(r) == {"source", "id", "sha1", "label", "variant", "start", "end", "bucket"}
                        for r in held)
    assert {r["bucket"] for r in held} == {"short", "medium", "long"}
    assert {r["label"] for r in held if r["bucket"] == "short"} == {0, 1}
    assert all(0 <= r["start"] < r["end"] for r in held)
    syn = read_jsonl(ROOT / "eval" / "relevance" / "synthetic.jsonl")
    assert all(r["id"].startswith("syn-") for r in syn)


@pytest.mark.shared
def test_evaluate_relevance_on_the_heldout_set_passes_its_floors(shared_dir, capsys):
    from corpus.commands.evaluate import run

    rc = run(Namespace(gold=None, shared=str(shared_dir), gate=True, json=True, relevance=True))
    out = json.loads(capsys.readouterr().out)
    assert rc == 0 and out["below_floor"] == [] and out["missing"] == 0
    assert out["held_out"]["short"]["positive"] >= 40 and out["held_out"]["long"]["negative"] >= 100
    assert out["held_out"] == relevance.model_card()["metrics"]["held_out"]   # the card tells the truth


@pytest.mark.shared
def test_training_leaves_the_heldout_articles_out(shared_dir):
    from benchmarks.train_relevance import training_items
    from corpus.relevance_data import heldout_items

    X, y, groups, buckets, counts = training_items(shared_dir)
    items, _ = heldout_items(shared_dir)
    from corpus.dedup import normalise

    assert not {normalise(it["title"]) for it in items} & set(groups)
    assert not {relevance.model_input(it["title"], it["body"]) for it in items} & set(X)
    assert counts["articles"] == relevance.model_card()["data"]["articles"] and set(buckets) == {"short", "medium", "long"}

"""The packaged relevance classifier. The paragraphs are synthetic, written for these tests."""
import pytest

from corpus import relevance

PARTY = ("Đảng bộ huyện kết nạp 181 đảng viên mới",
         "Ban Thường vụ Huyện ủy tổ chức hội nghị sơ kết công tác xây dựng Đảng năm 2018. Toàn Đảng bộ đã kết nạp "
         "181 đảng viên mới, 96% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ. Ủy ban Kiểm tra Huyện ủy thi hành kỷ "
         "luật 3 đảng viên vi phạm. Các chi bộ tiếp tục thực hiện Nghị quyết Trung ương 4 khóa XII và Chỉ thị 05 "
         "của Bộ Chính trị về học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.")
FOOTBALL = ("U22 Việt Nam thắng đậm Thái Lan",
            "Trên sân Mỹ Đình tối qua, U22 Việt Nam đánh bại Thái Lan với tỷ số 3-0. Tiền đạo Công Phượng mở tỷ số "
            "ở phút 12, Quang Hải ghi thêm hai bàn trong hiệp hai. Huấn luyện viên hài lòng với lối chơi pressing "
            "của các cầu thủ và hướng tới trận bán kết SEA Games gặp Malaysia.")


@pytest.mark.parametrize("title,text,low,high", [(*PARTY, 0.7, 1.0), (*FOOTBALL, 0.0, 0.2)],
                         ids=["party building", "football"])
def test_scores(title, text, low, high):
    assert low <= relevance.relevance(title, text) <= high


def test_is_party_building_uses_the_threshold():
    assert relevance.is_party_building(*PARTY) and not relevance.is_party_building(*FOOTBALL)
    assert not relevance.is_party_building(*PARTY, threshold=1.01)
    assert relevance.relevances([PARTY, FOOTBALL])[0] == pytest.approx(relevance.relevance(*PARTY))


def test_model_is_cached_and_card_is_consistent():
    assert relevance.load_model() is relevance.load_model()
    card = relevance.model_card()
    assert card["version"] == relevance.MODEL_VERSION
    assert card["artifact_bytes"] == relevance.MODEL_PATH.stat().st_size < 5_000_000
    assert card["data"]["positive"] + card["data"]["negative"] == card["data"]["total"]
    for m in card["metrics"].values():
        assert 0.0 <= m["precision"] <= 1.0 and 0.0 <= m["f1"] <= 1.0
    vocab = relevance.load_model().named_steps["tfidf"].vocabulary_
    assert len(vocab) == card["features"]["vocabulary"] <= card["features"]["max_features"]


def test_empty_input_gives_a_probability():
    assert 0.0 <= relevance.relevance(None, None) <= 1.0

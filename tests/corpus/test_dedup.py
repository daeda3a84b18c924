"""Reprint detection. The texts here are synthetic, written for these tests."""
import random
import unicodedata

import pytest

from corpus import dedup
from corpus.dedup import ReprintIndex, content_key, link_new, link_reprints, signature, similarity

# Synthetic (written for this project): a provincial party-building report.
STORY = """Sáng 14/3, Ban Thường vụ Huyện ủy Cao Lộc tổ chức hội nghị sơ kết một năm thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.
Theo báo cáo, năm 2018 toàn Đảng bộ huyện đã kết nạp được 181 đảng viên mới, đạt 120% chỉ tiêu Nghị quyết Đại hội đề ra; 96% tổ chức cơ sở đảng được đánh giá hoàn thành tốt nhiệm vụ trở lên.
Các chi bộ duy trì sinh hoạt định kỳ mỗi tháng một lần, nhiều chi bộ thôn đã đổi mới nội dung sinh hoạt chuyên đề gắn với việc giải quyết những vấn đề bức xúc ở cơ sở.
Huyện ủy đã mở 16 lớp bồi dưỡng lý luận chính trị cho gần 2.000 học viên là cán bộ, đảng viên và quần chúng ưu tú.
Phát biểu chỉ đạo hội nghị, đồng chí Bí thư Huyện ủy yêu cầu các cấp ủy tiếp tục gắn việc thực hiện Chỉ thị với Nghị quyết Trung ương 4 khóa XII, phấn đấu đến năm 2020 có 75% chi bộ đạt trong sạch, vững mạnh.
Dịp này, 12 tập thể và 25 cá nhân có thành tích xuất sắc được Huyện ủy tặng giấy khen."""

# Synthetic: a different story on the same topic and province.
OTHER_STORY = """Chiều 20/4, Ủy ban Kiểm tra Tỉnh ủy Lạng Sơn tổ chức hội nghị triển khai nhiệm vụ kiểm tra, giám sát quý II năm 2018.
Trong quý I, Ủy ban Kiểm tra các cấp đã kiểm tra 14 tổ chức đảng và 37 đảng viên khi có dấu hiệu vi phạm, thi hành kỷ luật 9 đảng viên, trong đó khai trừ 2 trường hợp.
Công tác giải quyết đơn thư tố cáo được thực hiện đúng quy định, không để tồn đọng kéo dài.
Hội nghị đề ra nhiệm vụ giám sát chuyên đề việc kê khai tài sản, thu nhập của cán bộ thuộc diện Ban Thường vụ Tỉnh ủy quản lý và việc chấp hành Quy định 102 của Bộ Chính trị.
Đồng chí Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy đề nghị các huyện ủy, thành ủy nâng cao chất lượng thẩm tra, xác minh, xử lý nghiêm các vi phạm."""


def _lead_rewritten(t):
    first, rest = t.split("\n", 1)
    return "Ngày 14/3, tại hội trường Huyện ủy, hội nghị sơ kết việc thực hiện Chỉ thị 05 của Bộ Chính trị đã được tổ chức.\n" + rest


def _paragraph_dropped(t):
    paras = t.split("\n")
    return "\n".join(paras[:3] + paras[4:])


def _paragraph_added(t):
    return t + "\nCũng trong năm, Huyện ủy đã ban hành kế hoạch kiểm tra việc thực hiện quy chế dân chủ ở cơ sở tại 22 xã, thị trấn."


def _typos(t):
    return t.replace("đảng viên mới", "dang vien moi").replace("Huyện ủy", "Huyện uỷ").replace("tổ chức", "tổ chứ", 1)


EDITS = [
    ("same text, new title only", lambda t: t),
    ("lead rewritten", _lead_rewritten),
    ("paragraph dropped", _paragraph_dropped),
    ("paragraph added", _paragraph_added),
    ("agency prefix and byline", lambda t: "(LSO) – " + t + "\nHOÀNG ANH"),
    ("furniture appended", lambda t: t + "\nTin liên quan\nÝ kiến của bạn\nHọ tên:\nEmail:"),
    ("typos, diacritics, old tone placement", _typos),
    ("NFD", lambda t: unicodedata.normalize("NFD", t)),
    ("upper case and punctuation", lambda t: t.upper().replace(",", " ,")),
]


@pytest.mark.parametrize("name,edit", EDITS, ids=[e[0] for e in EDITS])
def test_edited_copy_is_linked_to_the_original(name, edit):
    links = link_reprints([("orig", STORY, "2018-03-14", "lso"), ("copy", edit(STORY), "2018-03-15", "qno")])
    assert [(l.article_id, l.original_id) for l in links] == [("copy", "orig")]


@pytest.mark.parametrize("text", [STORY, unicodedata.normalize("NFD", STORY), STORY.upper() + " ."])
def test_content_key_ignores_case_form_and_punctuation(text):
    assert content_key(text) == content_key(STORY)
    assert link_reprints([("a", STORY, "2018-01-01", "x"), ("b", text, "2018-01-02", "y")])[0].method == "exact"


def test_different_stories_are_not_linked():
    assert similarity(signature(STORY), signature(OTHER_STORY)) < dedup.DEFAULT_THRESHOLD
    assert link_reprints([("a", STORY, "2018-03-14", "lso"), ("b", OTHER_STORY, "2018-04-20", "lso")]) == []


def test_every_copy_links_to_the_earliest_copy():
    items = [
        ("c3", _paragraph_added(STORY), "2018-03-20", "tccs"),
        ("c1", STORY, "2018-03-14", "lso"),
        ("c2", _lead_rewritten(STORY), "2018-03-15", "qno"),
        ("c0", _typos(STORY), None, "ldg"),          # unknown date counts as latest
    ]
    links = link_reprints(items)
    assert {l.article_id: l.original_id for l in links} == {"c0": "c1", "c2": "c1", "c3": "c1"}


def test_same_day_tie_goes_to_the_lowest_id():
    links = link_reprints([("zz", STORY, "2018-03-14", "a"), ("aa", _paragraph_added(STORY), "2018-03-14", "b")])
    assert [(l.article_id, l.original_id) for l in links] == [("zz", "aa")]


def test_links_are_deterministic_whatever_the_input_order():
    items = [(f"id{i}", edit(STORY), f"2018-03-{10 + i:02d}", "s") for i, (_, edit) in enumerate(EDITS)]
    items.append(("other", OTHER_STORY, "2018-04-20", "s"))
    expected = link_reprints(items)
    for seed in range(3):
        shuffled = items[:]
        random.Random(seed).shuffle(shuffled)
        assert link_reprints(shuffled) == expected
    assert {l.original_id for l in expected} == {"id0"} and len(expected) == len(EDITS) - 1


def test_incremental_linking_matches_and_repoints_to_an_earlier_article():
    index = ReprintIndex()
    assert link_new([("new1", STORY, "2018-03-15", "lso"), ("x", OTHER_STORY, "2018-04-20", "lso")], index) == []
    links = link_new([("new2", _paragraph_added(STORY), "2018-03-16", "qno")], index)
    assert [(l.article_id, l.original_id) for l in links] == [("new2", "new1")]
    # An older page imported later becomes the original; stored copies are re-pointed.
    links = link_new([("old", _lead_rewritten(STORY), "2018-03-14", "tccs")], index)
    assert {l.article_id: l.original_id for l in links} == {"new1": "old", "new2": "old"}


def test_short_and_empty_texts_are_never_near_linked():
    items = [("a", "", "2018-01-01", "x"), ("b", "", "2018-01-02", "x"),
             ("c", "Tin liên quan", "2018-01-01", "x"), ("d", "Tin liên quan khác", "2018-01-02", "x")]
    assert link_reprints(items) == []


def test_signature_is_compact_and_validated():
    sig = signature(STORY)
    assert len(sig) == 512 and sig == signature(STORY)
    with pytest.raises(ValueError):
        similarity(sig, b"short")

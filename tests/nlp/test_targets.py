"""Targets and figure kinds (nlp.targets). Sentences are synthetic, in the style of GUIDE §4."""
import pytest

from nlp.figures import extract_figures
from nlp.targets import extract_targets


def run(text, published="2017-04-07"):
    figures = extract_figures(text, published=published)
    targets = extract_targets(text, figures, published=published)
    for t in targets:
        assert text[t.start:t.end] == t.text
        for i in t.figures:
            assert figures[i].kind == "target"
    return figures, targets


@pytest.mark.parametrize("sentence, kinds", [
    ("Thành ủy phấn đấu hàng năm kết nạp 200 đảng viên mới.", ["target"]),
    ("Đến năm 2020 phấn đấu có 75% chi bộ đạt trong sạch, vững mạnh.", ["target"]),
    ("Đề ra chỉ tiêu giảm TCCSĐ yếu kém dưới 0,5% /năm.", ["target"]),
    ("Mục tiêu đến cuối nhiệm kỳ có 90% đảng viên hoàn thành tốt nhiệm vụ.", ["target"]),
    ("Mỗi chi bộ phải có ít nhất 3 đảng viên.", ["target"]),
    ("Tỉnh phấn đấu đạt 95% chi bộ trong sạch, vững mạnh.", ["target"]),
    ("Năm 2016, Đảng bộ kết nạp được 181 đảng viên.", ["achieved"]),
    ("Toàn Đảng bộ đã tổ chức hơn 150 lớp bồi dưỡng.", ["achieved"]),
    ("Kết quả, đã rà soát 3.381 đảng viên.", ["achieved"]),
    ("Hằng năm, Đảng bộ thành phố kết nạp khoảng 10.000 đảng viên.", ["achieved"]),
    ("Tỷ lệ TCCSĐ yếu kém giảm xuống còn 0,36%.", ["achieved"]),
    ("Huyện kết nạp 50 đảng viên, vượt chỉ tiêu đề ra.", ["achieved"]),
    ("Mỗi đồng chí tham dự từ 5 đến 7 chi bộ.", ["achieved"]),
    ("Tính đến năm 2016, toàn tỉnh có 45 tổ chức cơ sở đảng.", ["achieved"]),
    ("Kỷ niệm 90 năm Ngày thành lập Đảng.", ["other"]),
    ("Qua 2 năm thực hiện, nhận thức có chuyển biến.", ["other"]),
    ("Nghị quyết đề ra 7 chỉ tiêu chủ yếu.", ["other"]),
    ("Phải bồi thường cho các gia đình bị hại hơn 138 triệu đồng.", ["achieved"]),
    ("Năm 2016 kết nạp 181 đảng viên, phấn đấu năm 2018 kết nạp 200 đảng viên.", ["achieved", "target"]),
])
def test_figure_kinds(sentence, kinds):
    figures, _ = run(sentence)
    assert [f.kind for f in figures] == kinds


@pytest.mark.parametrize("sentence, expected", [
    ("Thành ủy Đà Lạt phấn đấu hàng năm kết nạp 200 đảng viên mới.",
     [("phấn đấu hàng năm kết nạp 200 đảng viên mới", 200, "đảng viên", "members.admitted", None, "annual")]),
    ("Và đến năm 2020 Đà Lạt phấn đấu có 75% chi bộ tổ dân phố, thôn có từ 9 đảng viên chính thức trở lên.",
     [("đến năm 2020 Đà Lạt phấn đấu có 75% chi bộ", 75, "%", None, 2020, None)]),
    ("Đại hội nhiệm kỳ 2015-2020 đề ra chỉ tiêu phấn đấu giảm TCCSĐ yếu kém dưới 0,5% /năm.",
     [("đề ra chỉ tiêu phấn đấu giảm TCCSĐ yếu kém dưới 0,5% /năm", 0.5, "%", "orgs.weak_pct", 2020, "annual")]),
    ("Phấn đấu đến cuối nhiệm kỳ 2020-2025 có 100% chi bộ sinh hoạt 4 kỳ/năm.",
     [("Phấn đấu đến cuối nhiệm kỳ 2020-2025 có 100% chi bộ", 100, "%", None, 2025, None)]),
    ("Mục tiêu đến cuối nhiệm kỳ kết nạp 500 đảng viên.",
     [("Mục tiêu đến cuối nhiệm kỳ kết nạp 500 đảng viên", 500, "đảng viên", "members.admitted", 2020, None)]),
    ("Kế hoạch giai đoạn 2016 - 2020 phấn đấu mỗi năm mở 10 lớp bồi dưỡng.",
     [("phấn đấu mỗi năm mở 10 lớp", 10, "lớp", "training.classes", 2020, "annual")]),
    ("Phấn đấu kết nạp 200 đảng viên, thành lập 5 chi bộ mới.",
     [("Phấn đấu kết nạp 200 đảng viên", 200, "đảng viên", "members.admitted", None, None),
      ("thành lập 5 chi bộ mới", 5, "chi bộ", "orgs.new", None, None)]),
    ("Chỉ tiêu tăng trưởng từ 8,5 - 9%.", [("Chỉ tiêu tăng trưởng từ 8,5 - 9%", 8.5, "%", None, None, None)]),
    ("Công tác phát triển đảng viên chưa đạt mục tiêu đề ra.",
     [("chưa đạt mục tiêu đề ra", None, None, None, None, None)]),
    ("Năm 2016, Đảng bộ kết nạp được 181 đảng viên.", []),
])
def test_targets(sentence, expected):
    _, targets = run(sentence)
    assert [(t.text, t.value, t.unit, t.indicator, t.deadline_year, t.recurrence) for t in targets] == expected


def test_range_target_keeps_value_max():
    _, targets = run("Chỉ tiêu tăng trưởng từ 8,5 - 9%.")
    assert (targets[0].value, targets[0].value_max) == (8.5, 9)


def test_qualifying_figure_is_linked_to_the_same_target():
    text = "Đến năm 2020 phấn đấu có 75% chi bộ tổ dân phố, thôn có từ 9 đảng viên chính thức trở lên."
    figures, targets = run(text)
    assert len(targets) == 1 and targets[0].figures == [0, 1]
    assert [f.value for f in figures] == [75, 9]


def test_future_year_makes_a_target_and_past_year_a_result():
    figures, _ = run("Năm 2019 tỷ lệ đảng viên trẻ đạt 30%.", published="2017-01-01")
    assert figures[0].kind == "target"
    figures, _ = run("Năm 2019 tỷ lệ đảng viên trẻ đạt 30%.", published="2020-01-01")
    assert figures[0].kind == "achieved"


def test_kinds_are_set_on_the_figure_objects_passed_in():
    text = "Phấn đấu kết nạp 200 đảng viên."
    figures = extract_figures(text)
    assert figures[0].kind == "other"
    extract_targets(text, figures)
    assert figures[0].kind == "target"

"""Results stated against their plan (nlp.plans); sentences written for the project."""
import pytest

from nlp import extract


@pytest.mark.parametrize("sentence, expected", [
    # "A/B unit": achieved over plan, the plan a target linked to the result
    ("Nhiệm kỳ qua, toàn tỉnh kết nạp 3.215/3.000 đảng viên.", [("3.000 đảng viên", 3000, 3215, 1.0717, "members.admitted")]),
    ("Năm 2019 kết nạp 950/1.000 đảng viên, đạt 95% kế hoạch.", [("1.000 đảng viên", 1000, 950, 0.95, "members.admitted")]),
    ("Thu ngân sách năm 2019 đạt 9.870/8.200 tỷ đồng.", [("8.200 tỷ đồng", 8.2e12, 9.87e12, 1.2037, None)]),
    ("Tỷ lệ xã đạt chuẩn nông thôn mới 76,4%/60%.", [("60%", 60, 76.4, 1.2733, None)]),
    # "đạt A, bằng P% kế hoạch": one headline result measured against its plan
    ("Năm 2019, Đảng bộ kết nạp được 1.050 đảng viên, bằng 105% kế hoạch; thu ngân sách đạt 2.418 tỷ đồng, "
     "bằng 112% dự toán.", [("105% kế hoạch", None, 1050, 1.05, "members.admitted"),
                            ("112% dự toán", None, 2.418e12, 1.12, None)]),
    ("Năm 2019 kết nạp 176 đảng viên, vượt 10% kế hoạch.", [("10% kế hoạch", None, 176, 1.10, "members.admitted")]),
    # parts of a whole and lists of results against quotas give no plan
    ("Có 18/18 xã đạt chuẩn nông thôn mới theo kế hoạch.", []),
    ("Toàn tỉnh có 24/24 đảng bộ trực thuộc xây dựng kế hoạch.", []),
    ("Năm 2019, toàn tỉnh kết nạp được 2.150 đảng viên, đạt 41% chỉ tiêu năm; trong đó Đảng bộ Công an tỉnh kết nạp "
     "được 18 ĐV mới, đạt 120% chỉ tiêu được giao; Đảng bộ huyện Tam Nông kết nạp 25 ĐV, đạt 52%.",
     [("41% chỉ tiêu năm", None, 2150, 0.41, "members.admitted")]),
])
def test_plans_stated_with_their_results(sentence, expected):
    ex = extract(sentence, published="2020-01-15")
    got = [(t.text, t.value, t.achieved_value, round(t.achieved_ratio, 4), t.indicator)
           for t in ex.targets if t.achieved_value is not None]
    assert got == [(a, b, c, pytest.approx(d, abs=1e-4), e) for a, b, c, d, e in expected]
    for t in ex.targets:
        if t.achieved is not None:
            achieved = ex.figures[t.achieved]
            assert achieved.value == t.achieved_value and achieved.kind == "achieved"
            assert ex.text[t.start:t.end] == t.text


def test_list_items_against_quotas_stay_results():
    ex = extract("Năm 2019, trong đó Đảng bộ Công an tỉnh kết nạp được 18 ĐV mới, đạt 120% chỉ tiêu được giao; "
                 "Đảng bộ huyện Tam Nông kết nạp 25 ĐV, đạt 52%.", published="2020-01-15")
    assert [f.kind for f in ex.figures] == ["achieved"] * 4
    assert ex.targets == []


def test_breakdown_of_a_quota_stays_targets():
    ex = extract("Năm 2025, Ban Thường vụ Tỉnh ủy giao chỉ tiêu kết nạp 1.850 đảng viên, trong đó thành phố A "
                 "240 đảng viên, huyện B 190 đảng viên.", published="2025-01-15")
    assert [(f.value, f.kind, f.indicator) for f in ex.figures] == [
        (1850, "target", "members.admitted"), (240, "target", "members.admitted"), (190, "target", "members.admitted")]

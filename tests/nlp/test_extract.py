"""End-to-end: nlp.extract on a synthetic paragraph, and the two seeds against the example gold."""
import json

import pytest

from nlp import extract
from nlp.codebook import same_as_v2

# Synthetic: written for this project, not a real article.
PARAGRAPH = (
    "Năm 2016, Đảng bộ huyện Lạc Sơn kết nạp được 181 đảng viên, đạt 90,5% chỉ tiêu. "
    "Toàn huyện có 3.381 đảng viên sinh hoạt ở 120 chi bộ. "
    "Thực hiện Chỉ thị 05-CT/TW của Bộ Chính trị, huyện đã mở hơn 16 lớp bồi dưỡng cho 1.200 học viên. "
    "Có 85% TCCSĐ đạt trong sạch, vững mạnh (năm 2015 là 80%). "
    "Cập nhật lúc 08:54, 07/04/2017 (GMT+7). "
    "Đến năm 2020, huyện phấn đấu hằng năm kết nạp từ 150 đến 200 đảng viên mới."
)


def test_extract_synthetic_paragraph():
    ex = extract(PARAGRAPH, published="2017-04-07")
    assert ex.text == PARAGRAPH
    got = [(f.text, f.value, f.value_max, f.unit, f.kind, f.indicator, f.year) for f in ex.figures]
    assert got == [
        ("181 đảng viên", 181, None, "đảng viên", "achieved", "members.admitted", 2016),
        ("90,5%", 90.5, None, "%", "achieved", None, 2016),
        ("3.381 đảng viên", 3381, None, "đảng viên", "achieved", "members.total", None),
        ("120 chi bộ", 120, None, "chi bộ", "achieved", "cells.total", None),
        ("hơn 16 lớp", 16, None, "lớp", "achieved", "training.classes", None),
        ("1.200 học viên", 1200, None, "học viên", "achieved", "training.participants", None),
        ("85% TCCSĐ", 85, None, "%", "achieved", "base_orgs.clean_strong_pct", None),
        ("80%", 80, None, "%", "achieved", "base_orgs.clean_strong_pct", 2015),
        ("từ 150 đến 200 đảng viên mới", 150, 200, "đảng viên", "target", "members.admitted", 2020),
    ]
    for f in ex.figures:
        assert ex.text[f.start:f.end] == f.text
    assert [(t.text, t.value, t.value_max, t.deadline_year, t.recurrence, t.figures) for t in ex.targets] == [
        ("90,5% chỉ tiêu", None, None, 2016, None, []),        # the plan the 181 admissions are measured against
        ("Đến năm 2020, huyện phấn đấu hằng năm kết nạp từ 150 đến 200 đảng viên mới", 150, 200, 2020, "annual",
         [8]),
    ]
    plan = ex.targets[0]
    assert (plan.achieved, plan.achieved_value, plan.achieved_ratio, plan.indicator) == \
        (0, 181, 0.905, "members.admitted")
    doc = ex.to_dict("synthetic.txt")
    json.dumps(doc, ensure_ascii=False)
    assert doc["figures"][0]["indicator"] == "members.admitted"


def _overlaps(a_start, a_end, b_start, b_end):
    return a_start < b_end and b_start < a_end


@pytest.mark.parametrize("name", ["000_dalat_2017.txt", "003_hochiminh_2020.txt"])
def test_seeds_produce_every_required_gold_figure_and_target(shared_dir, name):
    seeds = shared_dir / "data" / "seeds"
    gold = json.loads((seeds / "seeds-gold-example.json").read_text(encoding="utf-8"))["docs"][name]
    ex = extract((seeds / name).read_text(encoding="utf-8"), published=gold["published"])
    for kind, items, found in (("figures", gold["figures"], ex.figures), ("targets", gold["targets"], ex.targets)):
        for item in items:
            if not item["required"]:
                continue
            at = ex.text.find(item["surface"])
            assert at >= 0, item["surface"]
            end = at + len(item["surface"])
            match = [x for x in found if x.value == pytest.approx(item["value"]) and _overlaps(x.start, x.end, at, end)]
            assert match, f"{kind}: {item['surface']!r} not found"
            x = match[0]
            if "value_max" in item:
                assert x.value_max == pytest.approx(item["value_max"])
            if kind == "figures":
                assert x.kind == item["kind"], item["surface"]
                if "indicator" in item:
                    # the example gold writes codebook-2 codes: each maps to the codebook-3 codes it became
                    assert x.indicator == item["indicator"] or same_as_v2(item["indicator"], x.indicator), \
                        item["surface"]
            if "deadline_year" in item:
                assert x.deadline_year == item["deadline_year"]

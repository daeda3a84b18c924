"""extract_directives(): every naming form of GUIDE.md §2, the traps, and the seeds' example gold.

Sentences are written for these tests (synthetic); the seeds are read from ../shared by path.
"""
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp import gazetteer
from nlp.directives import extract_directives
from nlp.normalize import normalize


def one(sentence, published=None):
    found = extract_directives(sentence, published)
    assert len(found) == 1, [d.text for d in found]
    return found[0]


# (sentence, expected mention text, expected fields)
NUMBERED = [
    ("Thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị, chi bộ đã",
     "Chỉ thị số 05-CT/TW", dict(kind="chi_thi", number="05", symbol="CT/TW", issuer="TW", level="central",
                                 canonical_id="05-CT/TW", issued="2016-05-15")),
    ("Ban Thường vụ ban hành Kế hoạch số 290-KH/TU thực hiện", "Kế hoạch số 290-KH/TU",
     dict(kind="ke_hoach", number="290", symbol="KH/TU", level="provincial", canonical_id="290-KH/TU")),
    ("theo Quyết định 453- QĐ/TU của Tỉnh ủy", "Quyết định 453- QĐ/TU",
     dict(kind="quyet_dinh", symbol="QĐ/TU", canonical_id="453-QĐ/TU", level="provincial")),
    ("quán triệt 05-CT / TW đến chi bộ", "05-CT / TW", dict(kind="chi_thi", canonical_id="05-CT/TW")),
    ("thực hiện Chỉ thị số 05-CT/TƯ", "Chỉ thị số 05-CT/TƯ", dict(canonical_id="05-CT/TW", issuer="TW")),
    ("thực hiện Chỉ thị số 05-CT/T.Ư", "Chỉ thị số 05-CT/T.Ư", dict(canonical_id="05-CT/TW", level="central")),
    ("theo Chỉ thị 5-CT/TW năm 2016", "Chỉ thị 5-CT/TW", dict(number="5", canonical_id="05-CT/TW")),
    ("Quy định số 08-QĐi/TW về trách nhiệm nêu gương", "Quy định số 08-QĐi/TW",
     dict(kind="quy_dinh", symbol="QĐi/TW", canonical_id="08-QĐi/TW")),
    ("Quy định số 1374-QĐ/TU về quy trình", "Quy định số 1374-QĐ/TU", dict(kind="quy_dinh", canonical_id="1374-QĐ/TU")),
    ("thực hiện số 76-QĐ/TW của Bộ Chính trị", "số 76-QĐ/TW", dict(kind="quy_dinh", canonical_id="76-QĐ/TW")),
    ("Huyện ủy ban hành Nghị quyết số 07-NQ/HU", "Nghị quyết số 07-NQ/HU", dict(level="district", issuer="HU")),
    ("Quận ủy có Kế hoạch số 12-KH/QU", "Kế hoạch số 12-KH/QU", dict(level="district")),
    ("Thành ủy Đà Lạt ban hành Chương trình số 03-CTr/ThU", "Chương trình số 03-CTr/ThU",
     dict(kind="chuong_trinh", level="district", canonical_id="03-CTr/ThU")),
    ("Thị ủy ban hành Kế hoạch số 45-KH/TXU", "Kế hoạch số 45-KH/TXU", dict(level="district")),
    ("Đảng ủy xã ban hành Nghị quyết số 09-NQ/ĐU", "Nghị quyết số 09-NQ/ĐU", dict(level="grassroots")),
    ("Hướng dẫn số 12-HD/BTCTW của Ban Tổ chức Trung ương", "Hướng dẫn số 12-HD/BTCTW",
     dict(kind="huong_dan", level="central", issuer="BTCTW")),
    ("theo Hướng dẫn số 21-HD/BTGTW", "Hướng dẫn số 21-HD/BTGTW", dict(level="central")),
    ("Quy định số 86-QĐ/UBKTTW về kiểm tra", "Quy định số 86-QĐ/UBKTTW", dict(kind="quy_dinh", level="central")),
    ("Kết luận số 426-KL/TU về giải pháp", "Kết luận số 426-KL/TU", dict(kind="ket_luan", canonical_id="426-KL/TU")),
    ("Kế hoạch số 156-KH/TU ngày 17-10-2017 về khảo sát", "Kế hoạch số 156-KH/TU",
     dict(issued="2017-10-17", canonical_id="156-KH/TU")),
    ("Nghị quyết số 35-NQ/TW (khóa XII) về tăng cường", "Nghị quyết số 35-NQ/TW",
     dict(term="XII", canonical_id="35-NQ/TW", issuer="TW")),
    ("Thông báo kết luận số 23-TB/TW của Ban Bí thư", "Thông báo kết luận số 23-TB/TW", dict(kind="thong_bao")),
    ("Nghị quyết số 21-NQ/TW ngày 16-6-2022 của Hội nghị Trung ương 5", "Nghị quyết số 21-NQ/TW",
     dict(issued="2022-06-16", term="XIII", plenum=5)),
    ("Nghị quyết số 21-NQ/TW ngày 25-10-2017 về công tác dân số", "Nghị quyết số 21-NQ/TW",
     dict(issued="2017-10-25", term="XII", plenum=6)),
]

SHORT = [
    ("gắn với thực hiện Chỉ thị 05 của Bộ Chính trị cũng như", None, "Chỉ thị 05 của Bộ Chính trị",
     dict(kind="chi_thi", canonical_id="05-CT/TW", issuer="Bộ Chính trị", level="central", symbol="CT/TW")),
    ("tiếp tục thực hiện Chỉ thị 03 trong toàn Đảng bộ", None, "Chỉ thị 03", dict(canonical_id="03-CT/TW")),
    ("tiếp tục thực hiện Chỉ thị 28 về kết nạp đảng viên", None, "Chỉ thị 28", dict(canonical_id="28-CT/TW")),
    ("triển khai Nghị quyết 35 về bảo vệ nền tảng", "2019-03-01", "Nghị quyết 35", dict(canonical_id="35-NQ/TW")),
    ("thực hiện Quy định 213 về đảng viên nơi cư trú", None, "Quy định 213", dict(canonical_id="213-QĐ/TW")),
    ("thực hiện Quy định 76 về đảng viên nơi cư trú", None, "Quy định 76", dict(canonical_id="76-QĐ/TW")),
    ("theo Quy định 08 về nêu gương", None, "Quy định 08", dict(canonical_id="08-QĐi/TW", kind="quy_dinh")),
    ("theo Quy định 101 của Ban Bí thư về nêu gương", None, "Quy định 101 của Ban Bí thư",
     dict(canonical_id="101-QĐ/TW", issuer="Ban Bí thư")),
    ("vi phạm Quy định 47 về những điều đảng viên không được làm", None, "Quy định 47",
     dict(canonical_id="47-QĐ/TW")),
    ("vi phạm Quy định 37 về những điều đảng viên không được làm", "2022-01-10", "Quy định 37",
     dict(canonical_id="37-QĐ/TW")),
    ("theo Nghị quyết số 03 của Đảng ủy", None, "Nghị quyết số 03 của Đảng ủy",
     dict(kind="nghi_quyet", number="03", canonical_id="03-NQ/ĐU", symbol="NQ/ĐU", level="grassroots")),
    ("thực hiện Quyết định 453 của Tỉnh ủy", None, "Quyết định 453 của Tỉnh ủy",
     dict(kind="quyet_dinh", number="453", canonical_id="453-QĐ/TU", level="provincial")),
    ("quán triệt Chỉ thị 17 của Ban Thường vụ Tỉnh ủy", None, "Chỉ thị 17 của Ban Thường vụ Tỉnh ủy",
     dict(canonical_id="17-CT/TU", level="provincial")),
    # unknown to the gazetteer: leave the id null rather than guess
    ("theo Chỉ thị 99 của cấp trên", None, "Chỉ thị 99", dict(canonical_id=None, number="99")),
    # a document issued after the article cannot be meant
    ("thực hiện Quy định 213 về đảng viên", "2017-05-01", "Quy định 213", dict(canonical_id=None)),
    # same number in two terms: the date decides
    ("triển khai Nghị quyết 21 của Trung ương", "2023-01-05", "Nghị quyết 21 của Trung ương",
     dict(canonical_id="21-NQ/TW", term="XIII", issued="2022-06-16")),
    ("triển khai Nghị quyết 21 về dân số", "2018-03-01", "Nghị quyết 21",
     dict(canonical_id="21-NQ/TW", term="XII", issued="2017-10-25")),
]

PLENUM = [
    ("thực hiện nghiêm Nghị quyết Trung ương 4 (khóa XII) về xây dựng", None, "Nghị quyết Trung ương 4 (khóa XII)",
     dict(kind="nghi_quyet", plenum=4, term="XII", canonical_id="04-NQ/TW", level="central")),
    ("Nghị quyết T.Ư 4 (khoá XI) về một số vấn đề cấp bách", None, "Nghị quyết T.Ư 4 (khoá XI)",
     dict(plenum=4, term="XI", canonical_id="12-NQ/TW")),
    ("Nghị quyết Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XII về", None,
     "Nghị quyết Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XII", dict(plenum=4, canonical_id="04-NQ/TW")),
    ("Nghị quyết TW4 khóa XII gắn với", None, "Nghị quyết TW4 khóa XII", dict(plenum=4, term="XII")),
    ("học tập NQ TƯ 4 khóa XII", None, "NQ TƯ 4 khóa XII", dict(plenum=4, canonical_id="04-NQ/TW")),
    ("nghị quyết Trung ương 4 khóa 12 được", None, "nghị quyết Trung ương 4 khóa 12", dict(term="XII")),
    ("Nghị quyết Trung ương 4, khóa XII và", None, "Nghị quyết Trung ương 4, khóa XII", dict(term="XII")),
    ("Nghị quyết Hội nghị Trung ương 5 khóa XIII về tổ chức cơ sở đảng", None,
     "Nghị quyết Hội nghị Trung ương 5 khóa XIII", dict(plenum=5, canonical_id="21-NQ/TW")),
    ("Nghị quyết Trung ương lần thứ sáu (khóa XII) về", None, "Nghị quyết Trung ương lần thứ sáu (khóa XII)",
     dict(plenum=6, term="XII", canonical_id="NQTW6-XII")),
    ("Nghị quyết Hội nghị lần thứ bảy Ban Chấp hành Trung ương khóa XII", None,
     "Nghị quyết Hội nghị lần thứ bảy Ban Chấp hành Trung ương khóa XII", dict(plenum=7, canonical_id="26-NQ/TW")),
    ("Nghị quyết Hội nghị Trung ương lần thứ 12 khóa XII", None, "Nghị quyết Hội nghị Trung ương lần thứ 12 khóa XII",
     dict(plenum=12, canonical_id="NQTW12-XII")),
    ("Kết luận Trung ương 4 khóa XIII về", None, "Kết luận Trung ương 4 khóa XIII",
     dict(kind="ket_luan", plenum=4, term="XIII", canonical_id="21-KL/TW")),
    ("Nghị quyết Trung ương 3 (khóa VIII) về chiến lược cán bộ", None, "Nghị quyết Trung ương 3 (khóa VIII)",
     dict(canonical_id="NQTW3-VIII")),
    # term missing: the article date decides, and the term field holds the inferred term
    ("thực hiện Nghị quyết Trung ương 4 trong toàn Đảng bộ", "2017-04-07", "Nghị quyết Trung ương 4",
     dict(term="XII", canonical_id="04-NQ/TW")),
    ("thực hiện Nghị quyết Trung ương 4 trong toàn Đảng bộ", "2013-05-02", "Nghị quyết Trung ương 4",
     dict(term="XI", canonical_id="12-NQ/TW")),
    ("thực hiện Nghị quyết Trung ương 4 trong toàn Đảng bộ", "2016-06-01", "Nghị quyết Trung ương 4",
     dict(term="XI", canonical_id="12-NQ/TW")),  # before plenum 4 of khóa XII met
    ("Kết luận Trung ương 4 được quán triệt", "2022-03-01", "Kết luận Trung ương 4", dict(canonical_id="21-KL/TW")),
    ("Nghị quyết Trung ương 5 được quán triệt", "2023-03-01", "Nghị quyết Trung ương 5",
     dict(term="XIII", canonical_id="21-NQ/TW")),
    ("thực hiện Nghị quyết Trung ương 4 trong toàn Đảng bộ", None, "Nghị quyết Trung ương 4",
     dict(term=None, canonical_id=None, plenum=4)),
]

CONGRESS = [
    ("Quán triệt Nghị quyết Đại hội XII của Đảng về", None, "Nghị quyết Đại hội XII của Đảng",
     dict(kind="nghi_quyet", congress="XII", canonical_id="NQDH-XII", level="central")),
    ("Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng đã", None,
     "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng", dict(congress="XIII", canonical_id="NQDH-XIII")),
    ("thực hiện Nghị quyết Đại hội Đảng toàn quốc lần thứ XII và", None,
     "Nghị quyết Đại hội Đảng toàn quốc lần thứ XII", dict(canonical_id="NQDH-XII")),
    ("Nghị quyết Đại hội Đảng bộ thành phố lần thứ X, trong đó", None, "Nghị quyết Đại hội Đảng bộ thành phố lần thứ X",
     dict(congress="X", canonical_id=None)),
    ("Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XI, nhiệm kỳ 2020-2025 đề ra", None,
     "Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XI, nhiệm kỳ 2020-2025",
     dict(congress="XI", canonical_id=None, level="provincial")),
    ("Nghị quyết Đại hội đại biểu Đảng bộ TP. Hồ Chí Minh nhiệm kỳ 2015-2020 về", None,
     "Nghị quyết Đại hội đại biểu Đảng bộ TP. Hồ Chí Minh nhiệm kỳ 2015-2020", dict(canonical_id=None, congress=None)),
    ("Nghị quyết Đại hội Đảng bộ huyện lần thứ XXI đề ra", None, "Nghị quyết Đại hội Đảng bộ huyện lần thứ XXI",
     dict(congress="XXI", level="district")),
]

TITLED = [
    ("ban hành Kế hoạch “Nâng cao chất lượng TCCSĐ và đảng viên giai đoạn 2016 - 2020”; đồng thời", None,
     "Kế hoạch “Nâng cao chất lượng TCCSĐ và đảng viên giai đoạn 2016 - 2020”",
     dict(kind="ke_hoach", title="Nâng cao chất lượng TCCSĐ và đảng viên giai đoạn 2016 - 2020", canonical_id=None)),
    ('Tỉnh ủy ban hành Đề án "Nâng cao chất lượng sinh hoạt chi bộ" năm 2019', None,
     'Đề án "Nâng cao chất lượng sinh hoạt chi bộ"', dict(kind="de_an", title="Nâng cao chất lượng sinh hoạt chi bộ")),
    ("xây dựng Chương trình hành động “Thực hiện Nghị quyết về tổ chức cơ sở”", None,
     "Chương trình hành động “Thực hiện Nghị quyết về tổ chức cơ sở”", dict(kind="chuong_trinh")),
    ("Đề án “Xây dựng “chi bộ bốn tốt” ở nông thôn” được", None, "Đề án “Xây dựng “chi bộ bốn tốt” ở nông thôn”",
     dict(title="Xây dựng “chi bộ bốn tốt” ở nông thôn")),
]

CHARTER = [
    ("thực hiện nghiêm Điều lệ Đảng, quy định của Ban Bí thư", None, "Điều lệ Đảng",
     dict(kind="dieu_le", canonical_id="DIEU-LE-DANG", level="central")),
    ("chấp hành Điều lệ Đảng Cộng sản Việt Nam", None, "Điều lệ Đảng Cộng sản Việt Nam", dict(kind="dieu_le")),
]


@pytest.mark.parametrize("sentence, text, fields", NUMBERED)
def test_numbered(sentence, text, fields):
    d = one(sentence, "2020-01-01")
    assert d.text == text
    for k, v in fields.items():
        assert getattr(d, k) == v, k


@pytest.mark.parametrize("sentence, published, text, fields", SHORT + PLENUM + CONGRESS + TITLED + CHARTER)
def test_named_forms(sentence, published, text, fields):
    d = one(sentence, published)
    assert d.text == text
    assert sentence[d.start:d.end] == d.text
    for k, v in fields.items():
        assert getattr(d, k) == v, k


@pytest.mark.parametrize("sentence", [
    "Chi bộ thực hiện các nghị quyết, chỉ thị của cấp trên.",
    "gắn với thực hiện các quy định của Trung ương về nêu gương của cán bộ, đảng viên",
    "Đảng ủy ban hành nghị quyết chuyên đề về phát triển đảng viên.",
    "Nghị quyết được ban hành và quán triệt kịp thời.",
    "Nghị quyết, kế hoạch của cấp ủy chi bộ theo hướng bám sát nhiệm vụ",
    "theo quy định 2 năm một lần, chi bộ tổ chức",
    "Kế hoạch 100 ngày đầu tiên",
    "Kế hoạch 2017 của ngành",
    "Hội nghị Trung ương 4 khóa XII đã bế mạc",          # an event, not the resolution
    "các Nghị quyết Trung ương khóa XII",
    "Thủ tướng Chính phủ ban hành Quyết định số 153 giao dự toán",
    "thực hiện Chỉ thị 16 của Thủ tướng Chính phủ",
    "Nghị định 100/2019/NĐ-CP và Quyết định số 1234/QĐ-UBND",
    "ngày 17-10-2017 và 3-2-1930",
    "Chương trình “Sao mai” của đài truyền hình",
    "Điều lệ Hội Nông dân",
    "KẾ HOẠCH 2 PHÂN CÔNG",
])
def test_not_directives(sentence):
    assert extract_directives(sentence, "2017-06-01") == []


def test_several_in_one_sentence_longest_wins():
    s = "Thực hiện Chỉ thị số 03-CT/TW và 05-CT/TW, Nghị quyết Trung ương 4 (khóa XII) và Điều lệ Đảng."
    found = extract_directives(s)
    assert [d.canonical_id for d in found] == ["03-CT/TW", "05-CT/TW", "04-NQ/TW", "DIEU-LE-DANG"]
    assert [d.text for d in found][:2] == ["Chỉ thị số 03-CT/TW", "05-CT/TW"]


def test_title_after_a_mention():
    d = one("Quy định số 1374-QĐ/TU về “quy trình giải quyết thông tin phản ánh”.")
    assert d.title == "quy trình giải quyết thông tin phản ánh"


def test_gazetteer_is_versioned_and_consistent():
    assert gazetteer.GAZETTEER_VERSION
    docs = gazetteer.documents()
    assert len(docs) >= 40
    for d in docs:
        assert d.kind and d.issued and d.term and d.confidence in ("high", "medium")
        assert gazetteer.term_at(d.issued) == d.term, d.id
    assert gazetteer.term_at("2016-01-27") == "XI" and gazetteer.term_at("2016-01-28") == "XII"
    assert gazetteer.term_at("2021-02-01") == "XIII" and gazetteer.term_at("1990-01-01") is None


def _seed_gold(shared_dir):
    return json.loads((shared_dir / "data/seeds/seeds-gold-example.json").read_text(encoding="utf-8"))["docs"]


@pytest.mark.parametrize("name", ["000_dalat_2017.txt", "003_hochiminh_2020.txt"])
def test_seeds_give_required_gold_directives(shared_dir, name):
    gold = _seed_gold(shared_dir)[name]
    body = normalize((shared_dir / "data/seeds" / name).read_text(encoding="utf-8"))
    found = extract_directives(body, gold["published"])
    got = {(d.text, d.canonical_id) for d in found}
    for item in gold["directives"]:
        if not item["required"]:
            continue
        hits = [(t, c) for t, c in got if t in item["surfaces"]]
        assert hits, item["surfaces"]
        for _, cid in hits:
            assert (cid in item["ids"]) if item["ids"] else cid is None, (item, cid)
    for d in found:
        assert body[d.start:d.end] == d.text


vocab = st.sampled_from([
    "Nghị quyết", "nghị quyết", "Chỉ thị", "Quy định", "Kế hoạch", "Đề án", "Trung ương", "TW", "T.Ư", "TƯ",
    "khóa", "khoá", "XII", "(", ")", "“", "”", '"', "số", "05", "4", "-", "–", "/", "CT", "NQ", "QĐ", "TU", "HU",
    "Đại hội", "Đảng bộ", "lần thứ", "tư", "của", "Bộ Chính trị", "Điều lệ Đảng", " ", " ", "\n", "nhiệm kỳ",
    "2015-2020", "Hội nghị", "BCH", ",", ".", "ủy", "Tỉnh", "X", "về", "đ\u0301", "😀",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(vocab, max_size=30).map("".join), st.sampled_from([None, "2017-04-07", "2022-01-01", "bad"]))
def test_offsets_round_trip(text, published):
    found = extract_directives(text, published)
    ends = -1
    for d in found:
        assert text[d.start:d.end] == d.text
        assert d.start >= ends  # no overlaps, text order
        ends = d.end


@pytest.mark.parametrize("sentence, text, cid", [
    ("thực hiện Nghị quyết trung ương 4 về xây dựng Đảng", "Nghị quyết trung ương 4", "04-NQ/TW"),
    ("Nghị quyết Đại hội 12 của Đảng và", "Nghị quyết Đại hội 12 của Đảng", "NQDH-XII"),
    ("Nghị quyết Đại hội Đảng lần thứ VI, Tổng Bí thư", "Nghị quyết Đại hội Đảng lần thứ VI", "NQDH-VI"),
])
def test_spelling_variants(sentence, text, cid):
    d = one(sentence, "2017-06-01")
    assert (d.text, d.canonical_id) == (text, cid)

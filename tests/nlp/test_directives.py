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
    ("Đảng ủy ban hành Nghị quyết chuyên đề số 03-NQ/ĐU về", "Nghị quyết chuyên đề số 03-NQ/ĐU",
     dict(kind="nghi_quyet", canonical_id="03-NQ/ĐU")),
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
    # the executive committee of a local party organisation as issuer
    ("triển khai Nghị quyết 07 của Ban Chấp hành Đảng bộ tỉnh về công tác cán bộ", None,
     "Nghị quyết 07 của Ban Chấp hành Đảng bộ tỉnh", dict(canonical_id="07-NQ/TU", level="provincial")),
    ("thực hiện Chỉ thị số 02 của BCH Đảng bộ huyện Đơn Dương về", None,
     "Chỉ thị số 02 của BCH Đảng bộ huyện Đơn Dương", dict(canonical_id="02-CT/HU", level="district")),
    ("Nghị quyết số 06 của BCH Trung ương Đảng khóa XII về", None,
     "Nghị quyết số 06 của BCH Trung ương Đảng khóa XII", dict(level="central")),
    # an announcement dated without its year, then its issuer; a type word printed without its dot below
    ("Theo Thông báo số 41 ngày 12/4 của Ban Thường vụ Đảng ủy Khối doanh nghiệp tỉnh, ông bị", None,
     "Thông báo số 41", dict(kind="thong_bao", canonical_id="41-TB/ĐUK")),
    ("Chi bộ học tập Nghi quyết 28 của Bộ Chính trị về", None, "Nghi quyết 28 của Bộ Chính trị",
     dict(kind="nghi_quyet", canonical_id="28-NQ/TW")),
    # a central body's standing committee after the number; a resolution of an earlier term by the article date
    ("các đơn vị quán triệt Chỉ thị 91 của Thường vụ Quân ủy Trung ương về công tác", None,
     "Chỉ thị 91 của Thường vụ Quân ủy Trung ương", dict(canonical_id="91-CT/QUTW", level="central")),
    ("Công đoàn ngành thực hiện Nghị quyết 20 về giai cấp công nhân trong toàn Đảng bộ", "2012-05-01",
     "Nghị quyết 20", dict(canonical_id="20-NQ/TW", term="X")),
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
    ("chi bộ làm theo Chỉ thị 99 của cấp trên", None, "Chỉ thị 99", dict(canonical_id=None, number="99")),
    # a document issued after the article cannot be meant
    ("thực hiện Quy định 213 về đảng viên", "2017-05-01", "Quy định 213", dict(canonical_id=None)),
    # same number in two terms: the date decides
    ("triển khai Nghị quyết 21 của Trung ương", "2023-01-05", "Nghị quyết 21 của Trung ương",
     dict(canonical_id="21-NQ/TW", term="XIII", issued="2022-06-16")),
    ("triển khai Nghị quyết 21 về dân số", "2018-03-01", "Nghị quyết 21",
     dict(canonical_id="21-NQ/TW", term="XII", issued="2017-10-25")),
]

PLENUM = [
    # the plenum itself, as what a resolution follows ("theo tinh thần / yêu cầu của Hội nghị Trung ương …")
    ("Đảng bộ quán triệt yêu cầu của Hội nghị Trung ương 6 khóa XII về sắp xếp bộ máy", None,
     "Hội nghị Trung ương 6 khóa XII", dict(kind="nghi_quyet", plenum=6, term="XII")),
    ("các chi bộ học tập Nghị quyết Trung ương năm khóa XII về kinh tế", None, "Nghị quyết Trung ương năm khóa XII",
     dict(plenum=5, term="XII")),
    ("tiếp tục thực hiện Nghi quyết Trung ương 4 (khóa XII) về", None, "Nghi quyết Trung ương 4 (khóa XII)",
     dict(kind="nghi_quyet", canonical_id="04-NQ/TW", plenum=4, term="XII")),
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
    # a local congress resolution named by its numeral alone, "của Đảng bộ" telling whose congress
    ("nhân dân quyết tâm thực hiện Nghị quyết XV của Đảng bộ tỉnh Nam Định, đưa tỉnh", None,
     "Nghị quyết XV của Đảng bộ tỉnh Nam Định", dict(congress="XV", canonical_id=None, kind="nghi_quyet")),
]

TITLED = [
    ("ban hành Kế hoạch “Nâng cao chất lượng TCCSĐ và đảng viên giai đoạn 2016 - 2020”; đồng thời", None,
     "Kế hoạch “Nâng cao chất lượng TCCSĐ và đảng viên giai đoạn 2016 - 2020”",
     dict(kind="ke_hoach", title="Nâng cao chất lượng TCCSĐ và đảng viên giai đoạn 2016 - 2020", canonical_id=None)),
    ('Tỉnh ủy ban hành Đề án "Nâng cao chất lượng sinh hoạt chi bộ" năm 2019', None,
     'Đề án "Nâng cao chất lượng sinh hoạt chi bộ"', dict(kind="de_an", title="Nâng cao chất lượng sinh hoạt chi bộ")),
    ("Đảng ủy xây dựng Chương trình hành động “Thực hiện Nghị quyết về tổ chức cơ sở”", None,
     "Chương trình hành động “Thực hiện Nghị quyết về tổ chức cơ sở”", dict(kind="chuong_trinh")),
    ("Đề án “Xây dựng “chi bộ bốn tốt” ở nông thôn” được", None, "Đề án “Xây dựng “chi bộ bốn tốt” ở nông thôn”",
     dict(title="Xây dựng “chi bộ bốn tốt” ở nông thôn")),
    # a word of praise or naming between the type word and the quoted title
    ("Đảng bộ tỉnh ra Chỉ thị lịch sử “Toàn dân kháng chiến” ngay trong đêm", None,
     "Chỉ thị lịch sử “Toàn dân kháng chiến”", dict(kind="chi_thi", title="Toàn dân kháng chiến")),
    ("Chi bộ thực hiện Kế hoạch mang tên “Mỗi đảng viên một việc tốt” từ đầu năm", None,
     "Kế hoạch mang tên “Mỗi đảng viên một việc tốt”", dict(kind="ke_hoach", title="Mỗi đảng viên một việc tốt")),
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
    "Nghị quyết Đảng bộ xã về xây dựng nông thôn mới",   # no numeral, no "Đại hội": a generic reference
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
    "quyết định", "Quy chế", "văn bản", "Thành ủy", "TPHCM", "ngày 3/3/2016", "QĐNS", "/NQ-TU", "Chính phủ",
    "và", "cán bộ", "nhiều", "Ban Thường vụ", "Đảng ủy Khối",
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


# --- second pass: issuer after a short form, article-level resolution, rarer symbols, subjects ---------------
# (sentence, published, expected [(text, canonical_id)] in text order); all sentences synthetic

def found(sentence, published=None):
    out = extract_directives(sentence, published)
    for d in out:
        assert sentence[d.start:d.end] == d.text
    return [(d.text, d.canonical_id) for d in out]


ISSUER_AFTER_SHORT = [
    # a date between the number and the issuer: the span ends at the number
    ("Sơ kết Hướng dẫn số 07 ngày 12/4/2019 của Ban Thường vụ Tỉnh ủy về sinh hoạt chi bộ.", None,
     [("Hướng dẫn số 07", "07-HD/TU")]),
    ("Thực hiện Kết luận số 15 ngày 20/9/2018 của Bộ Chính trị khóa XII về công tác cán bộ", "2019-01-01",
     [("Kết luận số 15", "15-KL/TW")]),
    ("quán triệt Chỉ thị 12 của Huyện ủy Lâm Hà về phát triển đảng viên", None,
     [("Chỉ thị 12 của Huyện ủy Lâm Hà", "12-CT/HU")]),
    ("triển khai Kế hoạch 30 của Quận ủy đến các chi bộ", None, [("Kế hoạch 30 của Quận ủy", "30-KH/QU")]),
    ("Nghị quyết 06 của Thị ủy về chỉnh trang đô thị", None, [("Nghị quyết 06 của Thị ủy", "06-NQ/TXU")]),
    ("thực hiện Chỉ thị 03 của Thành ủy Đà Lạt về văn minh đô thị", None,
     [("Chỉ thị 03 của Thành ủy Đà Lạt", "03-CT/ThU")]),
    ("thực hiện Chỉ thị 20 của Ban Thường vụ Thành ủy TP. Hồ Chí Minh về tiếp dân", None,
     [("Chỉ thị 20 của Ban Thường vụ Thành ủy TP. Hồ Chí Minh", "20-CT/TU")]),
    ("Kế hoạch 11 của Thành ủy TPHCM đã", None, [("Kế hoạch 11 của Thành ủy TPHCM", "11-KH/TU")]),
    ("Quy định 05 của Đảng ủy Khối các cơ quan tỉnh về", None, [("Quy định 05 của Đảng ủy Khối", "05-QĐ/ĐUK")]),
    ("Hướng dẫn 09 của Ban Tổ chức Trung ương về kiểm điểm", None,
     [("Hướng dẫn 09 của Ban Tổ chức Trung ương", "09-HD/BTCTW")]),
    ("Nghị quyết số 13 của Hội nghị Trung ương 5 (khóa IX) về kinh tế tập thể", None,
     [("Nghị quyết số 13 của Hội nghị Trung ương 5 (khóa IX)", "13-NQ/TW")]),
    ("Thông báo 45 của Ban Thường vụ Tỉnh ủy về kết quả kiểm tra", None,
     [("Thông báo 45 của Ban Thường vụ Tỉnh ủy", "45-TB/TU")]),
    # a Thành ủy without its name takes the city named elsewhere in the article
    ("Ban Thường vụ Thành ủy Cần Thơ họp phiên thường kỳ. Đảng bộ thực hiện Chỉ thị 07 của Thành ủy.", None,
     [("Chỉ thị 07 của Thành ủy", "07-CT/TU")]),
    ("Tỉnh ủy Lâm Đồng chỉ đạo; thành phố thực hiện Chỉ thị 07 của Thành ủy.", None,
     [("Chỉ thị 07 của Thành ủy", "07-CT/ThU")]),
    ("Đảng bộ thực hiện Chỉ thị 07 của Thành ủy.", None, [("Chỉ thị 07 của Thành ủy", None)]),
    # lists: one record per number, the issuer after the list applies to each
    ("ban hành Quyết định 101, 102 của Ban Thường vụ Tỉnh ủy về tiếp dân", None,
     [("Quyết định 101", "101-QĐ/TU"), ("102", "102-QĐ/TU")]),
    ("Kết luận số 50, số 51 của Ban Bí thư đã", "2019-01-01", [("Kết luận số 50", "50-KL/TW"), ("51", "51-KL/TW")]),
    ("thực hiện Chỉ thị 03 và 05 của Bộ Chính trị", "2017-01-01",
     [("Chỉ thị 03", "03-CT/TW"), ("05", "05-CT/TW")]),
]

ARTICLE_LEVEL = [
    ("Tỉnh ủy ban hành Quy định số 02-QĐ/TU về tiếp dân. Sau một năm, Quy định 02 đã đi vào nền nếp.", None,
     [("Quy định số 02-QĐ/TU", "02-QĐ/TU"), ("Quy định 02", "02-QĐ/TU")]),
    # the id may come from a later mention
    ("Kế hoạch 09 được triển khai rộng. Các chi bộ quán triệt Kế hoạch 09 của Huyện ủy về chuyển đổi số.", None,
     [("Kế hoạch 09", "09-KH/HU"), ("Kế hoạch 09 của Huyện ủy", "09-KH/HU")]),
    # two documents with one number: the nearest mention before decides
    ("Chỉ thị 05 của Tỉnh ủy về giao thông được sơ kết. Chỉ thị 05-CT/TW của Bộ Chính trị được quán triệt. "
     "Chỉ thị 05 đi vào cuộc sống.", "2018-01-01",
     [("Chỉ thị 05 của Tỉnh ủy", "05-CT/TU"), ("Chỉ thị 05-CT/TW", "05-CT/TW"), ("Chỉ thị 05", "05-CT/TW")]),
    # quyết định and quy định share the symbol QĐ
    ("công bố Quyết định số 77-QĐ/TU về kiểm tra; Quy định 77 nêu rõ trách nhiệm", None,
     [("Quyết định số 77-QĐ/TU", "77-QĐ/TU"), ("Quy định 77", "77-QĐ/TU")]),
    # a state document, and later bare mentions of its kind and number, are not party documents
    ("Nghị quyết 35 của Chính phủ về hỗ trợ doanh nghiệp được triển khai. Sau ba năm, Nghị quyết 35 đã có kết quả.",
     "2019-06-01", []),
    ("vi phạm Chỉ thị 07 năm 2015 của Thủ tướng Chính phủ về nợ đọng", None, []),
    ("Quyết định số 43 ngày 21/8/2015 của UBND tỉnh về hỗ trợ", None, []),
]

LOWER_CASE = [
    ("gắn với việc thực hiện chỉ thị 05 của Bộ Chính trị về học tập", "2017-06-01",
     [("chỉ thị 05 của Bộ Chính trị", "05-CT/TW")]),
    ("theo quyết định số 120 ngày 2/3/2017 của Ban Bí thư, đồng chí", None, [("quyết định số 120", "120-QĐ/TW")]),
    ("ban hành nghị quyết 14 của Đảng ủy xã về giảm nghèo", None, [("nghị quyết 14 của Đảng ủy", "14-NQ/ĐU")]),
    # the article names it with its symbol: the lower-case mention stands and takes the id
    ("Quán triệt Chỉ thị số 16-CT/TU. Sau đó, chỉ thị 16 được đưa vào sinh hoạt chi bộ.", None,
     [("Chỉ thị số 16-CT/TU", "16-CT/TU"), ("chỉ thị 16", "16-CT/TU")]),
    # nothing names it: not a mention
    ("theo quyết định số 15, đơn vị đã", None, []),
    ("chỉ thị 05 được quán triệt đến chi bộ", "2017-06-01", []),
    ("theo quyết định số 15 của Chủ tịch UBND tỉnh", None, []),
    ("Giữ nguyên Quyết định 19 và 54 của UBND huyện", None, []),
]

SYMBOLS = [
    ("công bố Quyết định số 512-QĐNS/TW của Bộ Chính trị", None, [("Quyết định số 512-QĐNS/TW", "512-QĐNS/TW")]),
    ("theo Quyết định số 512 – QĐNS/TW ngày 2/5/2017", None, [("Quyết định số 512 – QĐNS/TW", "512-QĐNS/TW")]),
    ("thực hiện Chương trình số 04-CTr/BCĐTW về cải cách", None, [("Chương trình số 04-CTr/BCĐTW", "04-CTr/BCĐTW")]),
    ("Tờ trình số 10-TTr/BCSĐ của Ban cán sự đảng", None, [("Tờ trình số 10-TTr/BCSĐ", "10-TTr/BCSĐ")]),
    ("Chỉ thị số 88-CT/QUTW về huấn luyện", None, [("Chỉ thị số 88-CT/QUTW", "88-CT/QUTW")]),
    # state-style order with a party issuer: the same id as the party order
    ("theo Nghị quyết số 33/NQ-TU ngày 5/6/2019 của Tỉnh ủy", None, [("Nghị quyết số 33/NQ-TU", "33-NQ/TU")]),
    ("Quyết định số 352/QĐ-HU về kiện toàn", None, [("Quyết định số 352/QĐ-HU", "352-QĐ/HU")]),
    ("Quyết định số 160/QĐ-TW năm 2012", None, [("Quyết định số 160/QĐ-TW", "160-QĐ/TW")]),
    # state symbols, unknown codes without a type word: not party documents
    ("theo Quyết định số 824-QĐ/TTg của Thủ tướng", None, []),
    ("Quyết định số 386/QĐ-UB ngày 1/2/1999", None, []),
    ("Quyết định số 1234/QĐ-UBND của tỉnh", None, []),
    ("tỷ số 20 - AN / FPS trong trận", None, []),
    ("mã 28-CQ/TW trong danh mục", None, []),
]

SUBJECTS = [
    # a plenum without its term whose quoted subject names a known document: that document, any year
    ("học tập Nghị quyết TW 4 về “Một số vấn đề cấp bách về xây dựng Đảng hiện nay” trong chi bộ", "2019-05-01",
     [("Nghị quyết TW 4", "12-NQ/TW")]),
    ("học tập Nghị quyết TW 4 trong chi bộ", "2019-05-01", [("Nghị quyết TW 4", "04-NQ/TW")]),
    # a short form whose subject starts like a known title of that number
    ("Nghị quyết số 11 về luân chuyển cán bộ lãnh đạo, quản lý được thực hiện từ năm 2002", "2017-06-01",
     [("Nghị quyết số 11", "11-NQ/TW")]),
    ("Nghị quyết 42 về công tác quy hoạch cán bộ lãnh đạo, quản lý thời kỳ đẩy mạnh công nghiệp hóa", "2017-06-01",
     [("Nghị quyết 42", "42-NQ/TW")]),
    ("Tỉnh ủy triển khai Nghị quyết 42 về phát triển du lịch của tỉnh", "2017-06-01", [("Nghị quyết 42", None)]),
    # a generic word and a number, the document in brackets
    ("xử lý theo văn bản 102 (Quy định xử lý kỷ luật đảng viên vi phạm của Bộ Chính trị) hiện hành", "2019-01-01",
     [("văn bản 102 (Quy định xử lý kỷ luật đảng viên vi phạm của Bộ Chính trị)", "102-QĐ/TW")]),
    ("căn cứ văn bản 57 (Quy định bảo vệ chính trị nội bộ của Bộ Chính trị)", "2012-01-01",
     [("văn bản 57 (Quy định bảo vệ chính trị nội bộ của Bộ Chính trị)", "57-QĐ/TW")]),
]

TITLE_ONLY = [
    ("Huyện đã ban hành Nghị quyết của Huyện ủy về xây dựng nông thôn mới giai đoạn 2021 - 2025.", None,
     [("Nghị quyết của Huyện ủy về xây dựng nông thôn mới giai đoạn 2021 - 2025", None)]),
    ("Đảng bộ và các ngành triển khai Nghị quyết về tăng cường công tác dân vận trong tình hình mới.", None,
     [("Nghị quyết về tăng cường công tác dân vận trong tình hình mới", None)]),
    ("cấp ủy và các ngành triển khai Nghị quyết về đổi mới giáo dục và Nghị quyết về chăm sóc sức khỏe nhân dân.", None,
     [("Nghị quyết về đổi mới giáo dục", None), ("Nghị quyết về chăm sóc sức khỏe nhân dân", None)]),
    ("chi bộ thực hiện Quy chế bầu cử trong Đảng, bảo đảm dân chủ", None, [("Quy chế bầu cử trong Đảng", None)]),
    ("chi bộ gắn với thực hiện Quy chế đánh giá cán bộ tại địa phương", None, [("Quy chế đánh giá cán bộ", None)]),
    # a known title named without a number: title only, so no official id
    ("cần bổ sung Quy định xử lý kỷ luật đảng viên vi phạm cho phù hợp", "2015-01-01",
     [("Quy định xử lý kỷ luật đảng viên vi phạm", None)]),
    # not one named party document
    ("Quy chế tuyển sinh đại học năm nay có nhiều điểm mới", None, []),
    ("nhà trường tuyên truyền Quy chế đến cán bộ, giáo viên", None, []),
    ("Diễn đàn đã đưa ra nhiều Nghị quyết về biến đổi khí hậu", None, []),
    ("Quốc hội thảo luận Dự thảo Nghị quyết về xử lý nợ xấu", None, []),
    ("Hội nghị triển khai Quyết định của Bộ Chính trị về công tác cán bộ", None, []),
    ("các bộ thực hiện Nghị quyết về giải ngân vốn đầu tư của Chính phủ", None, []),
]


@pytest.mark.parametrize("sentence, published, expected",
                         ISSUER_AFTER_SHORT + ARTICLE_LEVEL + LOWER_CASE + SYMBOLS + SUBJECTS + TITLE_ONLY)
def test_second_pass_rules(sentence, published, expected):
    assert found(sentence, published) == expected


def test_short_form_with_date_and_term_fields():
    d = one("Kết luận số 15 ngày 20/9/2018 của Bộ Chính trị khóa XII về công tác cán bộ", "2019-01-01")
    assert (d.kind, d.number, d.symbol, d.level, d.issued, d.term) == \
        ("ket_luan", "15", "KL/TW", "central", "2018-09-20", "XII")


def test_plenum_identified_by_subject_takes_its_term():
    d = one("học tập Nghị quyết TW 4 về “Một số vấn đề cấp bách về xây dựng Đảng hiện nay”", "2019-05-01")
    assert (d.term, d.plenum, d.issued) == ("XI", 4, "2012-01-16")


def test_offsets_hold_far_into_a_text():
    filler = "Đảng bộ tổ chức hội nghị sơ kết công tác năm. " * 40
    text = filler + "Quán triệt Chỉ thị số 05-CT/TW và Quyết định 935, 936 của Ban Thường vụ Thành ủy TPHCM."
    got = found(text, "2017-06-16")
    assert got == [("Chỉ thị số 05-CT/TW", "05-CT/TW"), ("Quyết định 935", "935-QĐ/TU"), ("936", "936-QĐ/TU")]


# --- state documents are not party directives (GUIDE.md §2) ----------------------------------------------------
# A bare short form or a title-only document stands as a party directive only while nothing in the article makes
# it a state one. (sentence, published, expected [(text, canonical_id)]); all sentences written for these tests.

STATE_DOCUMENTS = [
    # the article writes the same kind and number with a state symbol
    ("Chính phủ ban hành Nghị quyết 19-2017/NQ-CP về môi trường kinh doanh. Đảng ủy khối quán triệt Nghị quyết 19.",
     "2017-03-01", []),
    ("Cán bộ, đảng viên chấp hành Chỉ thị số 26/CT-TTg. Sau Tết, Chỉ thị số 26 được nhắc lại.", "2017-02-10", []),
    ("Hội đồng nhân dân thành phố thông qua Nghị quyết số 148/2016/NQ-HĐND. Đảng viên góp ý Nghị quyết 148.",
     "2017-02-10", []),
    ("Thành ủy chỉ đạo rà soát nhà ven kênh theo Quyết định 150/2004. Nhiều hộ thuộc diện Quyết định 150.",
     "2017-02-10", []),
    # a state body orders it in the same sentence or the one before, with no party word there
    ("Thủ tướng đã yêu cầu công chức chấp hành kỷ luật theo Chỉ thị số 26. Chi bộ họp đầu năm.", "2017-02-10", []),
    ("Đảng ủy cơ quan họp. Thủ tướng vừa ký chỉ thị về kỷ cương hành chính. Theo Chỉ thị số 26, không đi lễ "
     "trong giờ làm việc.", "2017-02-10", []),
    ("Thủ tướng công bố Chỉ thị số 20 về thanh tra doanh nghiệp. Đảng ủy khối hoan nghênh.", "2017-05-20", []),
    # a state issuer later in the same clause
    ("Đảng viên vi phạm Chỉ thị số 26 và Công điện ngày 2/2/2017 của Thủ tướng Chính phủ.", "2017-02-10", []),
    ("Đảng bộ thực hiện Nghị quyết 35 về hỗ trợ và phát triển doanh nghiệp đến năm 2020 của Chính phủ.",
     "2017-05-01", []),
    # state business (enterprise support, fees, land) with no party word near, even when the number is known
    ("Các bộ báo cáo kết quả thực hiện Nghị quyết 35 về hỗ trợ và phát triển doanh nghiệp. Tỉnh ủy dự họp.",
     "2017-05-01", []),
    ("Năm 2019, các bộ tiếp tục thực hiện Nghị quyết 35 về hỗ trợ và phát triển doanh nghiệp. Đảng ủy khối họp.",
     "2019-06-01", []),
    ("Hộ dân khiếu nại mức phí thu theo Quyết định 15 của phường. Đảng bộ phường có ý kiến.", "2017-06-01", []),
    # a year that rules out the known document of that number: the id goes
    ("Tỉnh ủy chỉ đạo cắt giảm đầu tư công theo Nghị quyết 11 năm 2011", "2017-07-01", [("Nghị quyết 11", None)]),
    # a title a state body approves, issues or passes
    ("Đảng ủy ngành quán triệt Quyết định số 77/QĐ-TTg của Thủ tướng Chính phủ phê duyệt Đề án “Đầu tư trang thiết bị "
     "cho cơ quan thi hành án”.", "2017-03-01", []),
    ("Đề án “Phát triển hạ tầng vùng” vừa được Thủ tướng Chính phủ phê duyệt. Đảng bộ tỉnh quán triệt.", None, []),
    ("Đảng đoàn cho ý kiến. Chính phủ trình Quốc hội xem xét Nghị quyết về xử lý nợ xấu của các ngân hàng.", None, []),
    # not a Vietnamese body at all
    ("Đảng Lao động Israel phản đối Nghị quyết 2334 của Hội đồng Bảo an LHQ.", None, []),
    # an article that never speaks of the party: no bare number and no title without identity
    ("Khán giả yêu thích tài tử phim Kế hoạch 99 trong vai người cha.", None, []),
    ("Người dân khiếu nại Quyết định số 684 về thu hồi đất. Quyết định số 684 được giữ nguyên.", None, []),
    ('Thành phố triển khai Đề án "Thành phố an toàn giao thông" trên địa bàn quận.', None, []),
]

PARTY_KEPT = [
    # a party issuer keeps a mention whoever orders it
    ("Chủ tịch UBND tỉnh yêu cầu thực hiện nghiêm Chỉ thị 17 của Ban Thường vụ Tỉnh ủy.", None,
     [("Chỉ thị 17 của Ban Thường vụ Tỉnh ủy", "17-CT/TU")]),
    ("UBND thành phố ban hành Kế hoạch số 23/KH-UBND thực hiện Chỉ thị số 15-CT/TU của Thành ủy.", None,
     [("Chỉ thị số 15-CT/TU", "15-CT/TU")]),
    # a state body in the sentence, but a party word there too
    ("Chủ tịch UBND huyện chỉ đạo các xã cùng cấp ủy cơ sở triển khai Nghị quyết 14.", None, [("Nghị quyết 14", None)]),
    # a state symbol of another number leaves it alone
    ("Chính phủ ban hành Nghị quyết 19/NQ-CP; Đảng ủy khối triển khai Kế hoạch 19 về công tác dân vận.", None,
     [("Kế hoạch 19", None)]),
    # a known party document by its bare number keeps its id in a state-business article
    ("Ngành giáo dục cụ thể hóa tinh thần Nghị quyết 29 về đổi mới căn bản, toàn diện giáo dục.", "2017-06-01",
     [("Nghị quyết 29", "29-NQ/TW")]),
    # a party body approves the title
    ("Ban Thường vụ Tỉnh ủy phê duyệt Đề án “Nâng cao chất lượng sinh hoạt chi bộ”.", None,
     [("Đề án “Nâng cao chất lượng sinh hoạt chi bộ”", None)]),
    # "Hội nghị Trung ương" is party context
    ("doanh nghiệp lớn mạnh theo Nghị quyết về phát triển kinh tế tư nhân của Hội nghị Trung ương 5", "2017-07-01",
     [("Nghị quyết về phát triển kinh tế tư nhân của Hội nghị Trung ương 5", None)]),
    # the year agrees with the known document: the id stays
    ("Đảng bộ tiếp tục thực hiện Nghị quyết 29 năm 2013 về giáo dục", "2017-07-01", [("Nghị quyết 29", "29-NQ/TW")]),
]


@pytest.mark.parametrize("sentence, published, expected", STATE_DOCUMENTS + PARTY_KEPT)
def test_state_documents_are_not_party_directives(sentence, published, expected):
    assert found(sentence, published) == expected


@pytest.mark.parametrize("sentence, ids", [
    # one plenum number with several terms names one resolution per term
    ("tiếp tục thực hiện Nghị quyết Trung ương 4 (khóa XI, XII) về xây dựng Đảng", ["12-NQ/TW", "04-NQ/TW"]),
    ("quán triệt Nghị quyết Trung ương 4 khóa XI và XII trong toàn Đảng bộ", ["12-NQ/TW", "04-NQ/TW"]),
    ("thực hiện Nghị quyết Trung ương 4 (khóa XII) gắn với Chỉ thị 05", ["04-NQ/TW", "05-CT/TW"]),
])
def test_plenum_of_several_terms(sentence, ids):
    from nlp.directives import extract_directives
    found = extract_directives(sentence, published="2017-06-01")
    assert [d.canonical_id for d in found] == ids
    assert all(sentence[d.start:d.end] == d.text for d in found)


@pytest.mark.parametrize("sentence, published, expected", [
    # several plenums coordinated after one type word; a term after the last covers them all
    ("chi bộ học tập Nghị quyết Trung ương 4 và Trung ương 5 khóa XII trong tháng này", "2017-06-01",
     [("Nghị quyết Trung ương 4", "04-NQ/TW"), ("Trung ương 5 khóa XII", "NQTW5-XII")]),
    ("quán triệt Nghị quyết Hội nghị Trung ương 5, Hội nghị Trung ương 6 (khóa XII) cho đảng viên", "2017-11-01",
     [("Nghị quyết Hội nghị Trung ương 5", "NQTW5-XII"), ("Hội nghị Trung ương 6 (khóa XII)", "NQTW6-XII")]),
    ("sơ kết Nghị quyết Trung ương 4 khóa XI và Trung ương 4 khóa XII ở cơ sở", "2017-06-01",
     [("Nghị quyết Trung ương 4 khóa XI", "12-NQ/TW"), ("Trung ương 4 khóa XII", "04-NQ/TW")]),
    ("Kết luận Trung ương 4, Trung ương 7 khóa XII được phổ biến", "2018-06-01",
     [("Kết luận Trung ương 4", "KLTW4-XII"), ("Trung ương 7 khóa XII", "KLTW7-XII")]),
    # no number after the body: not a further plenum
    ("thực hiện Nghị quyết Trung ương 4 và Trung ương Đoàn phát động phong trào", "2017-06-01",
     [("Nghị quyết Trung ương 4", "04-NQ/TW")]),
])
def test_coordinated_plenums(sentence, published, expected):
    found = extract_directives(sentence, published)
    assert [(d.text, d.canonical_id) for d in found] == expected
    assert all(sentence[d.start:d.end] == d.text for d in found)


@pytest.mark.parametrize("sentence, expected", [
    # a national congress coordinated after a local congress's resolution shares its "nghị quyết"
    ("Chi bộ học tập nghị quyết Đại hội Đảng bộ tỉnh lần thứ XV và Đại hội Đảng toàn quốc lần thứ XI trong tháng 5.",
     [("nghị quyết Đại hội Đảng bộ tỉnh lần thứ XV", None), ("Đại hội Đảng toàn quốc lần thứ XI", "NQDH-XI")]),
    ("Quán triệt Nghị quyết Đại hội Đảng bộ huyện lần thứ XX, Đại hội đại biểu toàn quốc lần thứ XII của Đảng.",
     [("Nghị quyết Đại hội Đảng bộ huyện lần thứ XX", None),
      ("Đại hội đại biểu toàn quốc lần thứ XII của Đảng", "NQDH-XII")]),
    # ... not another organisation's congress
    ("Nghị quyết Đại hội Đảng bộ xã lần thứ XX và Đại hội Đoàn toàn quốc lần thứ XI.",
     [("Nghị quyết Đại hội Đảng bộ xã lần thứ XX", None)]),
])
def test_coordinated_national_congress(sentence, expected):
    assert [(d.text, d.canonical_id) for d in extract_directives(sentence, "2017-05-01")] == expected

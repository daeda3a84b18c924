"""Provinces, the 2025 map, the gazetteer and province attribution."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from corpus.localities import (PROVINCE_MAPS, attribute_province, normalize_place_text, province_name,
                               province_region, province_slug, provinces, to_2025)

CONTENT = Path(__file__).resolve().parents[2] / "crawler" / "mirror" / "content"
SITE_PROVINCE = {"lso": "lang-son", "qno": "quang-ninh", "ldg": "lam-dong", "tccs": None}   # interfaces.md


def test_63_provinces_34_units():
    assert len(provinces()) == 63
    assert len({p.slug for p in provinces()}) == 63
    assert len(PROVINCE_MAPS["63"]["units"]) == 63 and len(PROVINCE_MAPS["34"]["units"]) == 34
    assert "2025-07-01" in PROVINCE_MAPS["34"]["note"]
    assert {to_2025(p.slug) for p in provinces()} == set(PROVINCE_MAPS["34"]["units"])


@pytest.mark.parametrize("name,slug", [
    ("Lâm Đồng", "lam-dong"), ("tỉnh Lâm Đồng", "lam-dong"), ("lam-dong", "lam-dong"), ("Lam Dong", "lam-dong"),
    ("TP. Hồ Chí Minh", "ho-chi-minh"), ("Thành phố Hồ Chí Minh", "ho-chi-minh"), ("TPHCM", "ho-chi-minh"),
    ("TP.HCM", "ho-chi-minh"), ("Sài Gòn", "ho-chi-minh"),
    ("Bà Rịa - Vũng Tàu", "ba-ria-vung-tau"), ("Bà Rịa – Vũng Tàu", "ba-ria-vung-tau"),
    ("Bà Rịa-Vũng Tàu", "ba-ria-vung-tau"), ("Thừa Thiên - Huế", "thua-thien-hue"),
    ("Khánh Hoà", "khanh-hoa"), ("Khánh Hòa", "khanh-hoa"), ("Đắc Lắc", "dak-lak"), ("Đăk Nông", "dak-nong"),
    ("Tỉnh ủy Vĩnh Phúc", "vinh-phuc"), ("HẢI DƯƠNG", "hai-duong"), ("Hòa Bình", "hoa-binh"), ("Bình Định", "binh-dinh"),
    # districts, cities and towns named in one province only
    ("Đà Lạt", "lam-dong"), ("TP. Đà Lạt", "lam-dong"), ("Bảo Lộc", "lam-dong"), ("huyện Bình Xuyên", "vinh-phuc"),
    ("Cẩm Phả", "quang-ninh"), ("Hạ Long", "quang-ninh"), ("Uông Bí", "quang-ninh"), ("Biên Hòa", "dong-nai"),
    ("Phan Thiết", "binh-thuan"), ("Đồng Hới", "quang-binh"), ("Vĩnh Yên", "vinh-phuc"), ("Chí Linh", "hai-duong"),
    ("Buôn Ma Thuột", "dak-lak"), ("Pleiku", "gia-lai"), ("Nha Trang", "khanh-hoa"), ("Quy Nhơn", "binh-dinh"),
    ("Hoành Bồ", "quang-ninh"), ("Đình Lập", "lang-son"),
    # unknown or in several provinces
    ("Châu Thành", None), ("Bảo Lâm", None), ("Atlantis", None), ("", None), (None, None),
])
def test_province_slug(name, slug):
    assert province_slug(name) == slug


@pytest.mark.parametrize("slug,name,official", [
    ("lam-dong", "Lâm Đồng", "Tỉnh Lâm Đồng"), ("ho-chi-minh", "Hồ Chí Minh", "Thành phố Hồ Chí Minh"),
    ("ba-ria-vung-tau", "Bà Rịa - Vũng Tàu", "Tỉnh Bà Rịa - Vũng Tàu"), ("hue", "Huế", "Thành phố Huế"),
    ("nowhere", None, None),
])
def test_province_name(slug, name, official):
    assert province_name(slug) == name
    assert province_name(slug, official=True) == official


@pytest.mark.parametrize("slug,unit_2025", [
    ("binh-thuan", "lam-dong"), ("dak-nong", "lam-dong"), ("lam-dong", "lam-dong"), ("quang-binh", "quang-tri"),
    ("hai-duong", "hai-phong"), ("vinh-phuc", "phu-tho"), ("hoa-binh", "phu-tho"), ("binh-phuoc", "dong-nai"),
    ("ba-ria-vung-tau", "ho-chi-minh"), ("binh-duong", "ho-chi-minh"), ("thua-thien-hue", "hue"),
    ("lang-son", "lang-son"), ("quang-ninh", "quang-ninh"), ("ha-giang", "tuyen-quang"), ("hau-giang", "can-tho"),
    ("nowhere", None),
])
def test_to_2025(slug, unit_2025):
    assert to_2025(slug) == unit_2025


def test_regions():
    assert province_region("lam-dong") == "tay-nguyen"
    assert province_region("vinh-phuc") == "dong-bang-song-hong"
    assert len({p.region for p in provinces()}) == 6


@pytest.mark.parametrize("raw,normal", [
    ("Khánh Hoà", "Khánh Hòa"), ("Thuỷ", "Thủy"), ("quý", "quý"), ("Hoàng", "Hoàng"), ("khoá XII", "khóa XII"),
    ("Bà Rịa–Vũng Tàu", "Bà Rịa - Vũng Tàu"), ("La\u0300o Cai", "Lào Cai"),
])
def test_normalize_place_text(raw, normal):
    assert normalize_place_text(raw) == normal


# (title, text, site province) -> (slug, level, place)
ATTRIBUTIONS = [
    ("Bình Xuyên nâng cao chất lượng đảng viên", "Huyện ủy Bình Xuyên tổ chức hội nghị sơ kết.", None,
     ("vinh-phuc", "district", "Bình Xuyên")),
    (None, "Tỉnh ủy Vĩnh Phúc kết nạp 2.040 đảng viên.", None, ("vinh-phuc", "province", "Vĩnh Phúc")),
    ("Thành ủy Đà Lạt ra nghị quyết", "TP. Đà Lạt phấn đấu kết nạp 230 đảng viên; Đà Lạt có 65 TCCSĐ.", None,
     ("lam-dong", "district", "Đà Lạt")),
    # the site's province is the prior; a passing mention of another province does not move it
    (None, "Đoàn cán bộ đi học tập kinh nghiệm ở Quảng Ninh. Chi bộ tổ chức sinh hoạt chuyên đề.", "lang-son",
     ("lang-son", "province", "Lạng Sơn")),
    (None, "Hội nghị không nêu tên địa phương nào.", "lam-dong", ("lam-dong", "province", "Lâm Đồng")),
    # ... but an article clearly about another province wins over the prior
    ("Kinh nghiệm của Bình Thuận", "Tỉnh ủy Bình Thuận chỉ đạo. Huyện Bắc Bình, huyện Tuy Phong của Bình Thuận.",
     "lam-dong", ("binh-thuan", "province", "Bình Thuận")),
    # "Hồ Chí Minh" in "tư tưởng Hồ Chí Minh" is not the city; a person named Hòa Bình is not the province
    (None, "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh ở Cần Thơ.", None,
     ("can-tho", "province", "Cần Thơ")),
    (None, "Phó Thủ tướng Trương Hòa Bình làm việc với Tỉnh ủy Hải Dương.", None, ("hai-duong", "province", "Hải Dương")),
    (None, "Đảng bộ TP. Hồ Chí Minh kết nạp khoảng 10.000 đảng viên.", None, ("ho-chi-minh", "province", "Hồ Chí Minh")),
    (None, "Hội nghị tại tỉnh Hòa Bình. Hòa Bình có 11 huyện.", None, ("hoa-binh", "province", "Hòa Bình")),
    # phường Hòa Bình (a ward) is not the province
    (None, "Đảng ủy phường Hòa Bình tổ chức đại hội.", "quang-ninh", ("quang-ninh", "commune", "Hòa Bình")),
    # huyện Quảng Ninh is in Quảng Bình
    (None, "Huyện ủy Quảng Ninh (Quảng Bình) kết nạp 42 đảng viên; huyện Quảng Ninh có 15 xã.", None,
     ("quang-binh", "district", "Quảng Ninh")),
    # datelines in capitals, old tone placement, decomposed marks
    ("LÂM ĐỒNG: Kết nạp 2.365 đảng viên", "Đảng bộ tỉnh kết nạp 2.365 đảng viên.", None,
     ("lam-dong", "province", "Lâm Đồng")),
    (None, "Tỉnh uỷ Khánh Hoà triển khai Nghị quyết.", None, ("khanh-hoa", "province", "Khánh Hòa")),
    (None, "Ti\u0309nh u\u0309y La\u0323ng Sơn họp.", None, ("lang-son", "province", "Lạng Sơn")),
    # names inside longer names
    (None, "Tàu cá đánh bắt trên Thái Bình Dương; hàng đi sân bay Tân Sơn Nhất. Sở Công Thương Đồng Tháp.", None,
     ("dong-thap", "province", "Đồng Tháp")),
    (None, "thành phố Đông Hưng (Trung Quốc) giáp Móng Cái.", None, ("quang-ninh", "district", "Móng Cái")),
]


@pytest.mark.parametrize("title,text,site,expected", ATTRIBUTIONS)
def test_attribute_province(title, text, site, expected):
    a = attribute_province(text, title=title, site_province=site)
    assert (a.slug, a.level, a.place) == expected
    assert 0 < a.confidence <= 1 and a.evidence


def test_attribution_without_any_place():
    a = attribute_province("Chi bộ sinh hoạt định kỳ.")
    assert a.slug is None and a.confidence == 0


def _content_files():
    return sorted(CONTENT.glob("*.yaml"))


@pytest.mark.parametrize("path", _content_files(), ids=lambda p: p.name)
def test_attribution_of_mirror_articles(path):
    art = yaml.safe_load(path.read_text(encoding="utf-8"))
    text = f"{art.get('sapo') or ''}\n{art['body']}"
    a = attribute_province(text, title=art["title"], site_province=SITE_PROVINCE[art["site"]])
    assert a.slug == art["province"], a.scores

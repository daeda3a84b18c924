"""Site files: the packaged ones load; broken ones fail with the file and field named."""
from __future__ import annotations

import pytest

from corpus.errors import UserError
from crawler.sites import PACKAGED_SITES_DIR, load_sites
from crawler.spiders.base import parse_date_text
from crawler.urls import article_id, canonicalize

PROVINCIAL = {"baolamdong": "lam-dong", "baolangson": "lang-son", "baovinhphuc": "vinh-phuc",
              "baoquangninh": "quang-ninh", "baobinhthuan": "binh-thuan", "baodongnai": "dong-nai",
              "baohaiduong": "hai-duong", "baoquangbinh": "quang-binh"}
NATIONAL = {"xaydungdang", "tapchicongsan"}


def test_packaged_sites_load_and_are_marked_unverified():
    sites = load_sites()
    assert set(PROVINCIAL) | NATIONAL <= set(sites)
    for sid, province in PROVINCIAL.items():
        assert sites[sid]["province"] == province
    for sid in NATIONAL:
        assert sites[sid]["province"] is None
    for site in sites.values():
        assert site["verified"] is False
        assert "nverified" in site["notes"]
        assert site["article_url_patterns"]
        assert site["discovery"]["listings"] or site["discovery"]["feeds"] or site["discovery"]["sitemaps"]


@pytest.mark.parametrize("site_id, path, is_article", [
    ("baolangson", "/huyen-uy-cao-loc-nang-cao-chat-luong-sinh-hoat-chi-bo-123456.html", True),
    ("baolangson", "/chinh-tri/xay-dung-dang/312345-dai-hoi-chi-bo.html", True),
    ("baolangson", "/chinh-tri", False),
    ("baodongnai", "/chinh-tri/xay-dung-dang/202010/ket-nap-dang-vien-moi-3a9f0c1/", True),
    ("baolamdong", "/chinh-tri/202010/ket-nap-dang-vien-c3eaf58/", True),
    ("baoquangbinh", "/chinh-tri/202012/hoi-nghi-tinh-uy-2145678/", True),
    ("baobinhthuan", "/dang-vien-ptag.html", False),
    ("tapchicongsan", "/web/guest/chinh-tri-xay-dung-dang/-/2018/52345/doi-moi-phuong-thuc.aspx", True),
    ("tapchicongsan", "/chinh-tri-xay-dung-dang/-/2018/52345/view_content", True),
    ("xaydungdang", "/thoi-su-chinh-tri/to-chuc-co-so-dang-18234", True),
    ("baohaiduong", "/chuyen-muc/xay-dung-dang/15", False),
])
def test_article_url_patterns(site_id, path, is_article):
    from crawler.spiders.site import SiteSpider

    sites = load_sites()
    spider = SiteSpider(sites=sites)
    assert spider.is_article_url(sites[site_id], sites[site_id]["base_url"] + path) is is_article


GOOD = """id: thu
name: Báo Thử
province: lang-son
base_url: https://baothu.vn
verified: false
notes: synthetic test site
discovery:
  listings:
    - url: /chinh-tri
      pagination: "/chinh-tri?page={n}"
article_url_patterns: ['-\\d+\\.html$']
"""


@pytest.mark.parametrize("edit, field", [
    (lambda t: t.replace("'-\\d+\\.html$'", "'-(\\d+\\.html$'"), "article_url_patterns[0]"),
    (lambda t: t.replace("base_url: https://baothu.vn\n", ""), "base_url"),
    (lambda t: t.replace("base_url: https://baothu.vn", "base_url: baothu.vn"), "base_url"),
    (lambda t: t + "colour: red\n", "colour"),
    (lambda t: t.replace("province: lang-son", "province: Lạng Sơn"), "province"),
    (lambda t: t.replace('"/chinh-tri?page={n}"', '"/chinh-tri?page=2"'), "discovery.listings[0].pagination"),
    (lambda t: t.replace("    - url: /chinh-tri\n", "    - url: chinh-tri\n"), "discovery.listings[0].url"),
    (lambda t: t + "selectors:\n  body: 'div[['\n", "selectors.body"),
    (lambda t: t + "selectors:\n  headline: h1\n", "selectors.headline"),
    (lambda t: t.replace("id: thu", "id: Thu Nghiem"), "id"),
])
def test_broken_site_file_names_file_and_field(tmp_path, edit, field):
    (tmp_path / "thu.yaml").write_text(edit(GOOD), encoding="utf-8")
    with pytest.raises(UserError) as e:
        load_sites(tmp_path)
    msg = str(e.value)
    assert msg.startswith("thu.yaml: ") and f"'{field}'" in msg and "\n" not in msg


def test_good_site_file_loads_and_bad_yaml_is_one_line(tmp_path):
    (tmp_path / "thu.yaml").write_text(GOOD, encoding="utf-8")
    assert load_sites(tmp_path)["thu"]["discovery"]["listings"][0]["max_pages"] == 30
    (tmp_path / "hong.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    with pytest.raises(UserError, match=r"^hong.yaml: line \d+ not valid YAML"):
        load_sites(tmp_path)


def test_duplicate_ids_and_empty_folder(tmp_path):
    (tmp_path / "a.yaml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(GOOD, encoding="utf-8")
    with pytest.raises(UserError, match="b.yaml: field 'id'"):
        load_sites(tmp_path)
    with pytest.raises(UserError, match="no site files"):
        (tmp_path / "empty").mkdir()
        load_sites(tmp_path / "empty")


@pytest.mark.parametrize("url, canonical", [
    ("https://BaoLangSon.vn/bai-viet-123.html?utm_source=fb&utm_medium=social#top", "https://baolangson.vn/bai-viet-123.html"),
    ("http://baoquangninh.vn/a-99.html?zarsrc=30&b=2&a=1&fbclid=X", "http://baoquangninh.vn/a-99.html?a=1&b=2"),
    ("https://baolamdong.vn:443/a-1.html?gclid=1&ref=home", "https://baolamdong.vn/a-1.html"),
    ("http://127.0.0.1:8765/a-1.html?page=2", "http://127.0.0.1:8765/a-1.html?page=2"),
])
def test_canonical_urls(url, canonical):
    assert canonicalize(url) == canonical
    assert article_id(url) == article_id(canonical) and len(article_id(url)) == 16


@pytest.mark.parametrize("dateline, formats, expected", [
    ("Chủ nhật, 27/09/2020", ["%d/%m/%Y"], ("2020-09-27", None)),
    ("THỨ SÁU, 23/10/2020 08:02:36", ["%d/%m/%Y %H:%M:%S", "%d/%m/%Y"], ("2020-10-23", "08:02")),
    ("22:45, ngày 22-11-2020", ["%H:%M, ngày %d-%m-%Y"], ("2020-11-22", "22:45")),
    ("Cập nhật lúc 31/02/2020", ["%d/%m/%Y"], (None, None)),
    ("không có ngày", ["%d/%m/%Y"], (None, None)),
])
def test_datelines(dateline, formats, expected):
    assert parse_date_text(dateline, formats) == expected


def test_packaged_dir_is_in_the_package():
    assert PACKAGED_SITES_DIR.name == "sites" and (PACKAGED_SITES_DIR / "baolangson.yaml").is_file()

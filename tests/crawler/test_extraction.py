"""crawler.extraction: datelines, bylines, lead prefixes, furniture, decoding,
bad input, and the real VnExpress page from ../shared (skipped without it).
The HTML snippets here are synthetic, written for these tests."""
import datetime as dt
import gzip
import json
import re

import pytest

from crawler.extraction import decode_html, extract_article, parse_byline, parse_dateline, strip_lead_prefix
from crawler.mirror import render
from crawler.mirror.articles import load_articles

DATELINES = [
    ("Thứ Ba, 29/11/2016, 07:35 [GMT+7]", ("2016-11-29", "07:35")),
    ("Cập nhật lúc 08:54, Thứ Sáu, 07/04/2017 (GMT+7)", ("2017-04-07", "08:54")),
    ("Thứ tư,  28/10/2020", ("2020-10-28", None)),
    ("Chủ nhật, 27/09/2020", ("2020-09-27", None)),
    ("THỨ SÁU, 23/10/2020 08:02:36", ("2020-10-23", "08:02")),
    ("Thứ sáu: 15:00 ngày 09/02/2024", ("2024-02-09", "15:00")),
    ("22:45, ngày 22-11-2020", ("2020-11-22", "22:45")),
    ("Thứ Năm, 26/05/2022", ("2022-05-26", None)),
    ("ngày 22 tháng 11 năm 2020", ("2020-11-22", None)),
    ("2025-10-22T19:25:52+07:00", ("2025-10-22", "19:25")),
    ("Thứ Hai, 8/3/2021 - 9h30", ("2021-03-08", "09:30")),
    ("31/02/2020", None),                      # no such day
    ("Số 05-CT/TW", None),
    ("giai đoạn 2016 - 2020", None),
    ("", None),
]


@pytest.mark.parametrize("text, expected", DATELINES)
def test_dateline(text, expected):
    assert parse_dateline(text) == expected


BYLINES = [
    ("NGỌC NGÀ", False, "NGỌC NGÀ"),
    ("THANH MAI - HOÀNG ANH", False, "THANH MAI - HOÀNG ANH"),
    ("TS. NGUYỄN VĂN BÌNH", False, "TS. NGUYỄN VĂN BÌNH"),
    ("Nguyễn Trọng", True, "Nguyễn Trọng"),           # bold last line
    ("Nguyễn Trọng", False, None),                    # plain mixed case: could be anything
    ("Theo TTXVN", False, "TTXVN"),
    ("Theo Báo Nhân Dân", False, "Báo Nhân Dân"),
    ("Bài, ảnh: MINH ĐỨC", False, "MINH ĐỨC"),
    ("Theo bác sĩ Hồng, lymphoma đường ruột là u lympho ác tính.", False, None),
    ("Huyện ủy đã tổ chức hội nghị sơ kết.", True, None),
    ("UBND TỈNH ĐÃ CHỈ ĐẠO 2.000 CƠ SỞ", False, None),  # capitals with figures: a slogan, not a name
]


@pytest.mark.parametrize("line, bold, expected", BYLINES)
def test_byline(line, bold, expected):
    assert parse_byline(line, bold=bold) == expected


@pytest.mark.parametrize("lead, expected", [
    ("(LSO) – Huyện ủy Cao Lộc tổ chức hội nghị", "Huyện ủy Cao Lộc tổ chức hội nghị"),
    ("(ĐN) - Sáng 5/3, Tỉnh ủy", "Sáng 5/3, Tỉnh ủy"),
    ("(BTN) Chiều 12/4, Ban Tổ chức", "Chiều 12/4, Ban Tổ chức"),
    ("TCCS - Những năm qua", "Những năm qua"),
    ("(Chinhphu.vn) - Thủ tướng", "Thủ tướng"),
    ("Huyện ủy (khóa XII) đã họp", "Huyện ủy (khóa XII) đã họp"),
    ("(tin tổng hợp) nội dung", "(tin tổng hợp) nội dung"),   # no capital: not a paper's mark
])
def test_lead_prefix(lead, expected):
    assert strip_lead_prefix(lead) == expected


PARA = ("Thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị, Đảng ủy xã đã tổ chức {n} hội nghị quán triệt "
        "cho cán bộ, đảng viên và quần chúng nhân dân trên địa bàn trong năm qua.")

SYNTHETIC_PAGE = """<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{title} - Báo Mô Phỏng</title></head>
<body><div class="header-top">Thứ Bảy, 22/11/2025 10:15</div>
<nav><a href="/">Trang chủ</a> <a href="/xdd">Xây dựng Đảng</a></nav>
<div class="main"><span class="date">Thứ Ba, 29/11/2016, 07:35 [GMT+7]</span>
<h1>{title}</h1><div class="share">Chia sẻ Facebook Zalo</div>
<div class="detail">
<p>(LSO) – {p1}</p><p>.</p>
<figure><img src="a.jpg"><figcaption>Quang cảnh hội nghị (ảnh minh họa)</figcaption></figure>
<p><em>Quang cảnh hội nghị (ảnh minh họa)</em></p>
<p>{p2}</p><p>{p3}</p>
<p>Chia sẻ Facebook Zalo In bài</p>
<p style="text-align:right">NGỌC NGÀ</p>
<p>Từ khóa: xây dựng Đảng, Chỉ thị 05</p>
<p>Tin liên quan</p><ul><li><a href="/a-1.html">Một tin khác rất dài về công tác xây dựng Đảng ở cơ sở</a></li></ul>
<h3>Ý kiến bạn đọc</h3><p>Họ tên: </p><p>Email: </p>
</div></div>
<aside><h3>Xem nhiều nhất</h3><ul><li><a href="/b-2.html">Tin xem nhiều về hội nghị tổng kết năm của tỉnh</a></li></ul>
<h3>Mới nhất</h3></aside><footer>Bản quyền thuộc Báo Mô Phỏng. Email: toasoan@example.invalid</footer></body></html>"""


def _page(**kw):
    paras = {f"p{i}": PARA.format(n=i * 10) for i in (1, 2, 3)}
    return SYNTHETIC_PAGE.format(title="Đảng ủy xã quán triệt Chỉ thị 05 đến toàn thể đảng viên", **paras), paras


def test_furniture_captions_byline_and_today_trap():
    html, paras = _page()
    art = extract_article(html)
    assert art["is_article"] and art["reason"] is None
    assert art["body"].split("\n") == [paras["p1"], paras["p2"], paras["p3"]]
    assert art["author"] == "NGỌC NGÀ"
    assert (art["published"], art["published_time"]) == ("2016-11-29", "07:35")  # not the header's 22/11/2025
    assert art["title"] == "Đảng ủy xã quán triệt Chỉ thị 05 đến toàn thể đảng viên"
    for junk in ("Tin liên quan", "Từ khóa", "Ý kiến bạn đọc", "Họ tên", "Email", "Xem nhiều", "Mới nhất",
                 "Chia sẻ", "ảnh minh họa", "(LSO)"):
        assert junk not in art["body"]
    assert not re.search(r"^\.$", art["body"], re.M)


def test_site_selector_first_and_fallback_when_it_finds_nothing():
    html, paras = _page()
    good = extract_article(html, site={"selectors": {"body": "div.detail", "date": "span.date"}})
    missing = extract_article(html, site={"selectors": {"body": "div#does-not-exist", "title": "h9"}})
    broken = extract_article(html, site={"selectors": {"body": "div[[["}})  # invalid selector
    for art in (good, missing, broken):
        assert art["body"].split("\n") == [paras["p1"], paras["p2"], paras["p3"]]


def test_windows_1258_bytes_are_decoded():
    html, paras = _page()
    raw = render.encode_legacy(html.replace('charset="utf-8"', 'charset="windows-1258"'))
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    art = extract_article(raw)
    assert art["body"].split("\n")[0] == paras["p1"]
    assert decode_html(render.encode_legacy("Nghị quyết Trung ương 4")) == "Nghị quyết Trung ương 4"


def test_http_charset_wins_over_nothing():
    raw = render.encode_legacy("<html><body><h1>Đảng bộ tỉnh</h1></body></html>")
    assert "Đảng bộ tỉnh" in decode_html(raw, encoding="windows-1258")


@pytest.mark.parametrize("bad", [None, b"", "   ", b"\x00\x01\x02\xff", "<html", "<<<>>>", b"%PDF-1.4\n%%EOF",
                                 "<?xml version='1.0' encoding='utf-8'?><html><body><p>x</p></body></html>",
                                 "<p>chỉ một đoạn ngắn</p>", "<div>" * 5000])
def test_never_raises_on_bad_input(bad):
    art = extract_article(bad)
    assert art["is_article"] is False and art["reason"]
    assert set(art) == {"title", "sapo", "body", "published", "published_time", "author", "credit", "lang",
                        "is_article", "reason"}


def test_listing_page_is_not_an_article():
    arts = list(load_articles().values())[:5]
    items = [(render.article_path(a["site"], a), a) for a in arts]
    html = render.render_listing("lso", items, 1, 3, dt.datetime(2025, 11, 22, 9, 0))
    art = extract_article(html)
    assert art["is_article"] is False


def test_malformed_mirror_page_keeps_paragraphs():
    arts = load_articles()
    art = next(a for a in arts.values() if a["site"] == "ldg" or a["site"] == "lso")
    page = render.render_article(art["site"], art, others=[], paths={}, today=dt.datetime(2025, 11, 22),
                                 malformed=True)
    got = extract_article(page)
    assert got["body"].split("\n") == art["paragraphs"]


def _tokens(text):
    return re.findall(r"\w+", text.lower())


def _precision_recall(got, gold):
    from collections import Counter

    g, e = Counter(_tokens(got)), Counter(_tokens(gold))
    overlap = sum((g & e).values())
    return overlap / max(1, sum(g.values())), overlap / max(1, sum(e.values()))


def test_real_vnexpress_page(shared_dir):
    html = gzip.open(shared_dir / "data/html/vnexpress-article-2025-10-22.html.gz").read()
    gold = json.loads((shared_dir / "data/html/vnexpress-article-2025-10-22.expected.json").read_text())["V1"]
    art = extract_article(html, url="https://vnexpress.net/dau-bung-keo-dai-phat-hien-ung-thu-lymphoma-ruot-non-4954454.html")
    gold_body = "\n".join(p for s in gold["body"]["sections"] for p in s["paragraphs"])
    precision, recall = _precision_recall(art["body"], gold_body)
    assert precision >= 0.95 and recall >= 0.95, (precision, recall)
    assert art["title"] == gold["title"]
    assert art["author"] == gold["authors"][0]
    assert art["published"] == gold["publishing_date"][:10]
    assert art["sapo"] == gold["body"]["summary"][0]
    assert art["is_article"]

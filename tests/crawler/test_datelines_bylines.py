"""Datelines and bylines as Vietnamese papers print them, wherever they sit on an article page.

Every page here is SYNTHETIC (written for these tests): a header with today's date, a menu, the title,
the dateline in one of its forms and places, a lead, a body that mentions other dates, the byline in
one of its forms and places, tags and related titles.
"""
from __future__ import annotations

import datetime as dt

import pytest

from crawler.extraction import extract_article

BODY = ["Ngày 15/8/2019, Đảng ủy phường Tân An tổ chức hội nghị sơ kết công tác xây dựng Đảng sáu tháng đầu năm, "
        "đánh giá việc thực hiện nghị quyết của chi bộ các khu phố.",
        "Trong sáu tháng, Đảng bộ kết nạp 9 đảng viên mới; 100% chi bộ duy trì sinh hoạt định kỳ đúng quy định và "
        "có 4 chi bộ tổ chức sinh hoạt chuyên đề về công tác dân vận.",
        "Hội nghị thống nhất đến ngày 30/12/2019 hoàn thành kiểm tra việc chấp hành Điều lệ Đảng tại 3 chi bộ."]
TITLE = "Đảng bộ phường Tân An sơ kết công tác xây dựng Đảng"
LEAD = "Sáu tháng đầu năm, Đảng bộ phường Tân An kết nạp 9 đảng viên mới, đạt 60% chỉ tiêu cả năm."


def page(dateline: str, where: str = "under_title", byline: str = "<p><strong>MINH ANH</strong></p>",
         byline_where: str = "last_line") -> str:
    today = dt.date.today()
    date_html = f'<div class="info-line">{dateline}</div>'
    paras = "".join(f"<p>{p}</p>" for p in BODY)
    body = paras + (byline if byline_where == "last_line" else "")
    after = f'<div class="source-box">{byline}</div>' if byline_where == "source_block" else ""
    box = f'<div class="author">{byline}</div>' if byline_where == "author_box" else ""
    return f"""<html lang="vi"><head><meta charset="utf-8"><title>{TITLE}</title></head><body>
<div class="header"><span>Hôm nay: {today:%d/%m/%Y} {dt.datetime.now():%H:%M}</span></div>
<ul class="menu"><li><a href="/">Trang chủ</a></li><li><a href="/xay-dung-dang">Xây dựng Đảng</a></li></ul>
<div class="detail">
{date_html if where == "above_title" else ""}
<h1>{TITLE}</h1>
{date_html if where == "under_title" else ""}
{box}
<p class="lead"><b>{LEAD}</b></p>
<div class="content">{body}</div>
{after}
{date_html if where == "end_of_body" else ""}
<div class="tags">Từ khóa: <a href="/tag/dang-vien">đảng viên</a></div>
<div class="more"><h3>Tin liên quan</h3><ul><li><a href="/a-1.html">Một bài khác về chi bộ khu phố</a></li></ul></div>
</div></body></html>"""


DATELINE_FORMS = [
    ("Thứ Ba, 20/08/2019, 07:35 [GMT+7]", ("2019-08-20", "07:35")),
    ("Thứ Ba, 20/08/2019 - 07:35 (GMT+7)", ("2019-08-20", "07:35")),
    ("Cập nhật lúc 07:35, Thứ Ba, 20/08/2019 (GMT+7)", ("2019-08-20", "07:35")),
    ("Cập nhật: 20/08/2019 07:35", ("2019-08-20", "07:35")),
    ("07:35 | Thứ Ba, 20/08/2019", ("2019-08-20", "07:35")),        # time first, weekday before the date
    ("20/08/2019 07:35 Thứ Ba", ("2019-08-20", "07:35")),           # weekday after
    ("Thứ ba: 07:35 ngày 20/08/2019", ("2019-08-20", "07:35")),
    ("07:35, ngày 20-08-2019", ("2019-08-20", "07:35")),
    ("THỨ BA, 20/08/2019 07:35:12", ("2019-08-20", "07:35")),
    ("Thứ Ba, 20/8/2019 - 7h35", ("2019-08-20", "07:35")),
    ("Chủ nhật, 18/08/2019", ("2019-08-18", None)),
    ("Ngày 20 tháng 8 năm 2019", ("2019-08-20", None)),
    ("Đăng ngày 20.08.2019 lúc 07:35 (GMT+07:00)", ("2019-08-20", "07:35")),
]


@pytest.mark.parametrize("where", ["under_title", "above_title", "end_of_body"])
@pytest.mark.parametrize("dateline, expected", DATELINE_FORMS)
def test_dateline_forms_and_places(dateline, expected, where):
    got = extract_article(page(dateline, where))
    assert (got["published"], got["published_time"]) == expected
    assert got["body"].split("\n") == BODY   # the dateline is not in the body, the dates in the text stay


BYLINE_FORMS = [   # (markup, where, author, credit)
    ("<p><strong>MINH ANH</strong></p>", "last_line", "MINH ANH", None),
    ("<p>MINH ANH - THU HÀ</p>", "last_line", "MINH ANH - THU HÀ", None),
    ("<p><b>Minh Anh</b></p>", "last_line", "Minh Anh", None),
    ('<p style="text-align: right;">Minh Anh</p>', "last_line", "Minh Anh", None),
    ('<p align="right"><em>Nguyễn Minh Anh</em></p>', "last_line", "Nguyễn Minh Anh", None),
    ("<p>Bài, ảnh: <strong>Minh Anh</strong></p>", "last_line", "Minh Anh", None),
    ("<p>Bài và ảnh: MINH ANH</p>", "last_line", "MINH ANH", None),
    ("<p>Theo TTXVN</p>", "last_line", None, "TTXVN"),
    ("<p><em>Theo Báo Nhân Dân</em></p>", "last_line", None, "Báo Nhân Dân"),
    ("<p><strong>MINH ANH</strong></p>", "source_block", "MINH ANH", None),
    ("<p>Bài, ảnh: <strong>Minh Anh</strong></p>", "source_block", "Minh Anh", None),
    ("<p>Nguồn: Báo Nhân Dân</p>", "source_block", None, "Báo Nhân Dân"),
    ("Minh Anh", "author_box", "Minh Anh", None),
]


@pytest.mark.parametrize("markup, where, author, credit", BYLINE_FORMS)
def test_byline_forms_and_places(markup, where, author, credit):
    got = extract_article(page("Thứ Ba, 20/08/2019, 07:35 [GMT+7]", byline=markup, byline_where=where))
    assert (got["author"], got["credit"]) == (author, credit)
    assert got["body"].split("\n") == BODY
    assert got["published"] == "2019-08-20"


def test_header_date_of_today_is_never_the_publication_date():
    got = extract_article(page("", "under_title"))
    assert got["published"] != dt.date.today().isoformat()
    assert got["published"] not in ("2019-08-15", "2019-12-30")   # dates inside the text are not datelines

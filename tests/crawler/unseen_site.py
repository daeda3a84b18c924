"""A synthetic provincial paper of a shape no site file, mirror site or model of the project has seen.

SYNTHETIC: every text here was written for the project's tests; the paper, its people and its figures
are invented. Served by a real HTTP server on 127.0.0.1 (``UnseenSite``); every page carries its label
(``PAGES[path]["type"]``) and every article the fields a crawl must find (``ARTICLES``).

Shape: a header with today's date, a menu, a home page ("Trang chủ") of teaser blocks, a paginated
section listing, a tag page, articles with the title, a meta line under it (dateline ending in
"[GMT+7]" and other forms), a bold lead, a captioned photo, the body, a source block with the byline
after the body, tags, "Các tin khác" and a comment form.
"""
from __future__ import annotations

import datetime as dt
import html
import socket
import struct
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SECTION = "/thoi-su/xay-dung-dang"

# id, slug, title, dateline (as printed under the title), published, author, lead, body paragraphs
ARTICLES = [
    {"id": 5101, "slug": "dang-bo-xa-an-phu-ket-nap-dang-vien",
     "title": "Đảng bộ xã An Phú kết nạp 14 đảng viên mới",
     "dateline": "Thứ Năm, 12/03/2020 - 08:15 [GMT+7]", "published": "2020-03-12",
     "source": "Bài, ảnh: <strong>Minh Châu</strong>", "author": "Minh Châu",
     "lead": "Năm 2019, Đảng bộ xã An Phú (huyện Sông Lam) kết nạp 14 đảng viên mới, vượt chỉ tiêu "
             "nghị quyết đề ra, trong đó có 6 đoàn viên thanh niên.",
     "body": ["Theo Ban Thường vụ Đảng ủy xã, công tác tạo nguồn phát triển đảng viên được các chi bộ "
              "thôn quan tâm từ đầu năm, mỗi chi bộ phân công đảng viên giúp đỡ quần chúng ưu tú.",
              "Đảng ủy xã đã tổ chức hai lớp bồi dưỡng nhận thức về Đảng cho 42 quần chúng; 14 quần chúng "
              "đủ điều kiện đã được kết nạp vào Đảng trong các dịp kỷ niệm lớn của đất nước.",
              "Năm 2020, Đảng bộ phấn đấu kết nạp ít nhất 15 đảng viên mới, không để thôn nào không có "
              "đảng viên sinh hoạt tại chỗ."]},
    {"id": 5102, "slug": "chi-bo-thon-ha-nang-chat-luong-sinh-hoat",
     "title": "Chi bộ thôn Hạ nâng chất lượng sinh hoạt chuyên đề",
     "dateline": "08:40 | Thứ Hai, 20/04/2020 (GMT+7)", "published": "2020-04-20",
     "source": "<strong>TRẦN HẢI YẾN</strong>", "author": "TRẦN HẢI YẾN",
     "lead": "Sinh hoạt chuyên đề mỗi quý một lần giúp Chi bộ thôn Hạ bàn sâu những việc người dân "
             "quan tâm, từ làm đường giao thông đến giữ gìn vệ sinh môi trường.",
     "body": ["Bí thư Chi bộ cho biết mỗi buổi sinh hoạt chuyên đề được chuẩn bị trước hai tuần, "
              "đảng viên được giao tìm hiểu và phát biểu theo từng nội dung.",
              "Nhờ cách làm này, trong năm qua chi bộ vận động nhân dân hiến 1.200 mét vuông đất mở "
              "rộng đường thôn và xây dựng ba tuyến đường hoa.",
              "Cuối năm 2019, Chi bộ thôn Hạ được Đảng ủy xã công nhận hoàn thành tốt nhiệm vụ."]},
    {"id": 5103, "slug": "hoi-nghi-so-ket-chi-thi-05",
     "title": "Hội nghị sơ kết 3 năm thực hiện Chỉ thị 05-CT/TW tại huyện Sông Lam",
     "dateline": "Cập nhật lúc 15:05, 02/06/2020", "published": "2020-06-02",
     "source": "Theo <em>Đài Phát thanh huyện</em>", "author": None, "credit": "Đài Phát thanh huyện",
     "lead": "Ngày 1/6, Huyện ủy Sông Lam tổ chức hội nghị sơ kết 3 năm thực hiện Chỉ thị 05-CT/TW của "
             "Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
     "body": ["Ba năm qua, các tổ chức cơ sở đảng của huyện đã đưa nội dung học tập và làm theo Bác vào "
              "sinh hoạt chi bộ thường kỳ, gắn với giải quyết những việc khó ở địa phương.",
              "Toàn huyện có 86 tập thể và 214 cá nhân được khen thưởng vì có thành tích tiêu biểu trong "
              "thực hiện Chỉ thị.",
              "Hội nghị đề ra mục tiêu đến năm 2021 mỗi chi bộ có ít nhất một mô hình làm theo Bác."]},
]
FOURTH = {"id": 5104, "slug": "dang-uy-khoi-co-quan-kiem-tra-giam-sat",
          "title": "Đảng ủy Khối cơ quan tăng cường kiểm tra, giám sát",
          "dateline": "Thứ Sáu, 10/07/2020, 09:30 [GMT+7]", "published": "2020-07-10",
          "source": "Bài và ảnh: <b>Lê Văn Nam</b>", "author": "Lê Văn Nam",
          "lead": "Sáu tháng đầu năm 2020, Ủy ban Kiểm tra Đảng ủy Khối cơ quan tỉnh đã kiểm tra 12 tổ chức "
                  "đảng và giám sát chuyên đề 8 chi bộ trực thuộc.",
          "body": ["Qua kiểm tra, các tổ chức đảng cơ bản thực hiện đúng quy chế làm việc, chấp hành nguyên "
                   "tắc tập trung dân chủ trong lãnh đạo cơ quan.",
                   "Ủy ban Kiểm tra đề nghị 2 chi bộ khắc phục hạn chế trong quản lý đảng viên đi công tác "
                   "dài ngày, báo cáo kết quả trước ngày 30/9/2020.",
                   "Đảng ủy Khối yêu cầu các chi bộ hoàn thành kế hoạch kiểm tra năm trước tháng 11."]}

MENU = [("/", "Trang chủ"), ("/thoi-su", "Thời sự"), (SECTION, "Xây dựng Đảng"), ("/kinh-te", "Kinh tế"),
        ("/van-hoa", "Văn hóa"), ("/the-thao", "Thể thao")]
PAGE_SIZE = 2


def article_path(art: dict) -> str:
    return f"{SECTION}/{art['slug']}-{art['id']}.htm"


def _today_vn() -> str:
    days = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"]
    d = dt.date.today()
    return f"{days[d.weekday()]}, {d:%d/%m/%Y}"


def _page(title: str, main: str) -> str:
    menu = "".join(f'<li><a href="{u}">{html.escape(t)}</a></li>' for u, t in MENU)
    return f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>{html.escape(title)} - Báo Sông Lam (mô phỏng)</title></head>
<body>
<div class="top-strip"><span class="ngay-hom-nay">{_today_vn()}</span> <a href="/lien-he">Liên hệ</a></div>
<div class="logo-row"><a href="/"><img src="/logo.png" alt="Báo Sông Lam"></a></div>
<ul class="main-menu">{menu}</ul>
<div class="wrap">{main}</div>
<div class="chan-trang"><p>Báo Sông Lam điện tử (trang mô phỏng, nội dung tổng hợp cho kiểm thử).</p>
<p>Giấy phép số 00/GP-MP. Địa chỉ: số 1 đường Mô Phỏng, huyện Sông Lam.</p></div>
</body></html>"""


def _teaser(art: dict) -> str:
    return (f'<div class="khoi-tin"><a href="{article_path(art)}"><img src="/anh/{art["id"]}.jpg" alt=""></a>'
            f'<h3><a href="{article_path(art)}">{html.escape(art["title"])}</a></h3>'
            f'<span class="gio">{html.escape(art["dateline"])}</span>'
            f'<p class="mo-ta">{html.escape(art["lead"])}</p></div>')


def render_article(art: dict, others: list[dict]) -> str:
    body = "".join(f"<p>{html.escape(p)}</p>" for p in art["body"][:1])
    body += (f'<table class="anh"><tr><td><img src="/anh/{art["id"]}-1.jpg" alt=""></td></tr>'
             f'<tr><td class="chu-thich">Quang cảnh buổi sinh hoạt (ảnh minh họa, mô phỏng).</td></tr></table>')
    body += "".join(f"<p>{html.escape(p)}</p>" for p in art["body"][1:])
    more = "".join(f'<li><a href="{article_path(o)}">{html.escape(o["title"])}</a></li>' for o in others)
    main = f"""<div class="chi-tiet">
<h1 class="tieu-de">{html.escape(art["title"])}</h1>
<div class="dong-meta">{html.escape(art["dateline"])} <a href="{SECTION}">Xây dựng Đảng</a></div>
<p><strong>{html.escape(art["lead"])}</strong></p>
<div class="noi-dung">{body}</div>
<div class="nguon-tin"><p>{art["source"]}</p></div>
<div class="the-tag">Tag: <a href="/tag/chi-bo">chi bộ</a> <a href="/tag/dang-vien">đảng viên</a></div>
<div class="cac-tin-khac"><h4>Các tin khác</h4><ul>{more}</ul></div>
<form class="y-kien" action="/gui-y-kien" method="post"><h4>Ý kiến bạn đọc</h4>
<input name="ho_ten" placeholder="Họ tên"><input name="email" placeholder="Email">
<textarea name="noi_dung"></textarea><button>Gửi ý kiến</button></form>
</div>"""
    return _page(art["title"], main)


def render_listing(title: str, arts: list[dict], page: int, npages: int, base: str) -> str:
    pager = " ".join(f'<a href="{base if n == 1 else f"{base}/trang-{n}"}">{n}</a>' for n in range(1, npages + 1))
    main = (f'<h2 class="ten-muc">{html.escape(title)}</h2>' + "".join(_teaser(a) for a in arts)
            + f'<div class="phan-trang">{pager}</div>')
    return _page(title, main)


def render_home(arts: list[dict]) -> str:
    main = ('<h2 class="ten-muc">Tin nổi bật</h2>' + "".join(_teaser(a) for a in arts)
            + '<h2 class="ten-muc">Xây dựng Đảng</h2>' + "".join(_teaser(a) for a in arts[:2]))
    return _page("Trang chủ", main)


class UnseenSite:
    """The synthetic paper on 127.0.0.1; ``add_fourth()`` publishes one more article."""

    def __init__(self):
        self.articles = list(ARTICLES)
        self.fetches: dict[str, int] = {}
        self.faults: dict[str, str] = {}   # path -> 'reset', 'slow' or 'truncate'
        self.slow_seconds = 4.0
        self._lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *a):
                pass

            def do_GET(self):
                path = self.path.split("?")[0]
                with site._lock:
                    site.fetches[path] = site.fetches.get(path, 0) + 1
                    page = site.page(path)
                    fault = site.faults.get(path)
                status, body = (200, page) if page is not None else (404, "<html><body><h1>404</h1></body></html>")
                data = body.encode("utf-8")
                if fault == "reset":   # the connection is reset before any answer
                    self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                    self.close_connection = True
                    self.connection.close()
                    return
                if fault == "slow":
                    time.sleep(site.slow_seconds)
                self.send_response(status)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                if fault == "truncate":   # half the promised body, then the connection closes
                    self.wfile.write(data[: len(data) // 2])
                    self.wfile.flush()
                    self.close_connection = True
                    self.connection.shutdown(socket.SHUT_RDWR)
                    return
                self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base_url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> "UnseenSite":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()

    def add_fourth(self) -> None:
        with self._lock:
            self.articles = [*self.articles, FOURTH]

    def newest_first(self) -> list[dict]:
        return sorted(self.articles, key=lambda a: a["published"], reverse=True)

    def pages(self) -> dict[str, str]:
        """Every page's label: path -> 'article' | 'listing' | 'home'."""
        out = {"/": "home", SECTION: "listing", "/tag/chi-bo": "listing"}
        npages = -(-len(self.articles) // PAGE_SIZE)
        out.update({f"{SECTION}/trang-{n}": "listing" for n in range(2, npages + 1)})
        out.update({article_path(a): "article" for a in self.articles})
        return out

    def page(self, path: str) -> str | None:
        arts = self.newest_first()
        npages = -(-len(arts) // PAGE_SIZE)
        if path == "/":
            return render_home(arts)
        if path == "/tag/chi-bo":
            return render_listing("Chi bộ", arts, 1, 1, "/tag/chi-bo")
        if path == SECTION or path.startswith(f"{SECTION}/trang-"):
            n = 1 if path == SECTION else int(path.rsplit("-", 1)[1])
            if not 1 <= n <= npages:
                return None
            return render_listing("Xây dựng Đảng", arts[(n - 1) * PAGE_SIZE: n * PAGE_SIZE], n, npages, SECTION)
        for art in arts:
            if path == article_path(art):
                return render_article(art, [o for o in arts if o is not art])
        return None

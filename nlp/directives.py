"""Named party documents ("directives") in running text, with offsets.

Forms found (GUIDE.md §2), each a pattern below:

- numbered: "Chỉ thị số 05-CT/TW", "Kế hoạch số 290-KH/TU", "Quyết định 453- QĐ/TU",
  "05-CT / TW", "số 05-CT/T.Ư" (kind from the symbol when no type word); any upper-case
  type code before a party issuer ("476-QĐNS/TW", "04-CTr/BCĐCCTPTW"); the state-style order
  with a party issuer ("68/QĐ-TW", "233/NQ-ĐU") gives the same id ("68-QĐ/TW");
- short: "Chỉ thị 05 của Bộ Chính trị", "Nghị quyết số 03", "Quy định 213", lists
  ("Quyết định 935, 936 của Ban Thường vụ Thành ủy TPHCM"), a date between number and issuer
  ("Kết luận số 24 ngày 5/6/2012 của Bộ Chính trị khóa XI"); lower-case type words
  ("chỉ thị 05 của Bộ Chính trị") only when a party issuer follows or the article names the
  same document elsewhere;
- plenum: "Nghị quyết Trung ương 4 (khóa XII)", "Nghị quyết TW4", "NQ TƯ 4",
  "Nghị quyết Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XII",
  "Kết luận Trung ương 4 khóa XIII" (a missing term is inferred from ``published``, unless a
  quoted subject after it names a known document: "Nghị quyết TW4: “Một số vấn đề cấp bách
  về xây dựng Đảng hiện nay”" is 12-NQ/TW, khóa XI, in any year);
- congress: "Nghị quyết Đại hội XII của Đảng" (national, ``NQDH-XII``),
  "Nghị quyết Đại hội Đảng bộ thành phố lần thứ X", "... nhiệm kỳ 2015-2020" (local, id null);
- title (id null: a document named by title only keeps no official id, eval/README.md):
  Kế hoạch “Nâng cao chất lượng TCCSĐ ...”, Đề án “...”; unquoted after a capitalised type word:
  a gazetteer title ("Quy định xử lý kỷ luật đảng viên vi phạm"), a party issuer and "về"
  ("Nghị quyết của Tỉnh ủy về phát triển du lịch ..."), "Nghị quyết về <subject>" in mid-sentence,
  "Quy chế <party subject>" ("Quy chế bổ nhiệm cán bộ và giới thiệu cán bộ ứng cử");
- glossed: "văn bản 181 (Quy định xử lý kỷ luật đảng viên vi phạm của Ban chấp hành TƯ)" -> 181-QĐ/TW;
- a short form followed by "về <subject>" that starts like a known title of that number is that
  document ("Nghị quyết 42 về công tác quy hoạch cán bộ lãnh đạo, quản lý ..." -> 42-NQ/TW);
- the Party Charter: "Điều lệ Đảng" (``DIEU-LE-DANG``).

Not directives: generic or unnamed references ("các nghị quyết, chỉ thị của cấp
trên", "quy định của Trung ương về nêu gương", "nghị quyết chuyên đề", "Nghị
quyết" alone): every pattern needs a number, a symbol, a plenum, a congress, a
title or the Charter's name. State documents ("Nghị quyết 35 của Chính phủ") are
dropped, and so are later bare mentions of the same kind and number in the article.
A bare short form or a title-only document stands only while nothing makes it a state
one (``_state_document``): a state symbol for its number anywhere ("Nghị quyết 19-2017/NQ-CP"),
a state body ordering it in its sentence or the one before ("Thủ tướng ... yêu cầu ... theo
Chỉ thị số 26"), a state issuer after it, a state-business subject ("... về hỗ trợ và phát
triển doanh nghiệp") with no party word near, or, without any id, an article that never
speaks of the party ("Nghị quyết 148" in a report on port fees).

Span conventions (shared seeds-gold-example.json): a numbered form ends at its
symbol ("Chỉ thị số 05-CT/TW", not "... của Bộ Chính trị"); a short form takes
the issuing body written right after it ("Chỉ thị 05 của Bộ Chính trị"), but ends at
its number when a date or a list comes between ("Quy định số 01 ngày 3/3/2016 của ...");
a plenum form takes its term, brackets included ("Nghị quyết Trung ương 4 (khóa XII)");
overlapping candidates: the longest wins, one record per mention.

Issuer symbol of a short form from the body named after it (``_body_code``):

    Bộ Chính trị, Ban Bí thư, Ban Chấp hành Trung ương, Hội nghị Trung ương, Trung ương  TW
    Quân ủy Trung ương QUTW; Ban Tổ chức / Tuyên giáo Trung ương BTCTW / BTGTW;
    Ủy ban Kiểm tra Trung ương UBKTTW
    (Ban Thường vụ) Tỉnh ủy                                              TU
    (Ban Thường vụ) Thành ủy of a centrally-run city                     TU
    (Ban Thường vụ) Thành ủy of a city under a province                  ThU
    (Ban Thường vụ) Huyện ủy / Quận ủy / Thị ủy                          HU / QU / TXU
    Đảng ủy Khối ... / Đảng ủy                                           ĐUK / ĐU

so "Quy định số 01 ngày 3/3/2016 của Ban Thường vụ Tỉnh ủy" is 01-QĐ/TU. A "Thành ủy" with
no name takes the city from another "Thành ủy <name>" of the article (none: id null).

Article-level resolution: a mention whose identity is explicit (a symbol, or a party issuer
named after it) lends its id to the bare mentions of the same kind and number in the article
(the nearest one before, else after): "Kết luận số 24-KL/TW ... Kết luận số 24" -> 24-KL/TW.
Quyết định and quy định count as one kind here (both write QĐ).

Levels from the issuer suffix: ...TW central; ...TU provincial (province or
centrally-run city); HU, QU, ThU, TXU district (district, urban district, city or
town under a province); ĐU grassroots (đảng ủy of a commune, ward or enterprise:
the commonest use in local news, although an ĐU can sit higher).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace

from . import gazetteer
from .normalize import UPPER
from .sentences import sentence_spans
from .spans import SpanSet
from .types import Directive

__all__ = ["extract_directives"]

# --- vocabulary -------------------------------------------------------------------

_TYPE_WORDS = {
    "nghị quyết liên tịch": "nghi_quyet", "nghị quyết": "nghi_quyet", "chỉ thị": "chi_thi",
    "nghi quyết": "nghi_quyet",   # a dropped dot below, seen in print: "Nghi quyết Trung ương 4 (khóa XI)"
    "quyết định": "quyet_dinh", "quy định": "quy_dinh", "thông báo kết luận": "thong_bao",
    "kết luận": "ket_luan", "kế hoạch": "ke_hoach", "hướng dẫn": "huong_dan", "thông báo": "thong_bao",
    "thông tri": "thong_tri", "đề án": "de_an", "chương trình": "chuong_trinh", "quy chế": "quy_che",
    "báo cáo": "bao_cao", "công văn": "cong_van", "tờ trình": "to_trinh",
}
_ABBR_KIND = {
    "NQLT": "nghi_quyet", "NQ": "nghi_quyet", "CT": "chi_thi", "CTr": "chuong_trinh", "QĐi": "quy_dinh",
    "QĐ": "quyet_dinh", "KL": "ket_luan", "KH": "ke_hoach", "HD": "huong_dan", "HDLT": "huong_dan",
    "TB": "thong_bao", "TT": "thong_tri", "TTr": "to_trinh", "ĐA": "de_an", "QC": "quy_che", "BC": "bao_cao",
    "CV": "cong_van",
}
# the symbol a kind is written with ("Quy định số 01 của Tỉnh ủy" -> 01-QĐ/TU)
_KIND_ABBR = {
    "nghi_quyet": "NQ", "chi_thi": "CT", "quyet_dinh": "QĐ", "quy_dinh": "QĐ", "ket_luan": "KL",
    "ke_hoach": "KH", "huong_dan": "HD", "thong_bao": "TB", "thong_tri": "TT", "de_an": "ĐA",
    "chuong_trinh": "CTr", "quy_che": "QC", "bao_cao": "BC", "cong_van": "CV", "to_trinh": "TTr",
}
_ABBR_LONGEST_FIRST = sorted(_ABBR_KIND, key=len, reverse=True)
_ABBR_SPELLINGS = {"QD": "QĐ", "QDi": "QĐi", "Ctr": "CTr", "DA": "ĐA"}
# symbols of state bodies: "824-QĐ/TTg" is the Prime Minister's, not a party document
_STATE_ISSUERS = {"TTg", "CP", "UB", "UBND", "HĐND", "QH", "UBTVQH", "VPCP", "CTN", "BNV", "BTC", "BCA", "BQP"}
# party issuers: ...TW, ...TU, HU, QU, ThU, TXU, ĐU..., BCS... (ban cán sự đảng)
_PARTY_ISSUER = re.compile(r"[A-ZĐ]*(?:TW|TU)|[A-ZĐ]*(?:HU|QU)|ThU|TXU|ĐU[A-ZĐ]*|BCS[A-ZĐ]*")
# Short forms: a capitalised type word may stand alone ("Chỉ thị 05"); these need an issuer
_SHORT_TYPES = ["Nghị quyết", "Chỉ thị", "Quyết định", "Quy định", "Kết luận", "Kế hoạch", "Hướng dẫn",
                "Thông tri", "Đề án", "Nghi quyết"]
_ISSUER_ONLY_TYPES = ["Thông báo kết luận", "Thông báo", "Chương trình", "Quy chế", "Công văn"]
_ISSUER_ONLY_KINDS = {"thong_bao", "chuong_trinh", "quy_che", "cong_van"}
_TITLE_TYPES = ["Kế hoạch", "Đề án", "Chương trình hành động", "Nghị quyết", "Chỉ thị",
                "Quy định", "Kết luận", "Hướng dẫn", "Quy chế"]
_ORDINALS = {
    "nhất": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "bẩy": 7, "tám": 8,
    "chín": 9, "mười": 10, "mười một": 11, "mười hai": 12, "mười ba": 13, "mười bốn": 14,
    "mười lăm": 15, "mười năm": 15, "mười sáu": 16, "mười bảy": 17, "mười tám": 18,
}
_LEVEL_LOCAL_UNIT = {
    "tỉnh": "provincial", "huyện": "district", "quận": "district", "thị xã": "district",
    "thị trấn": "grassroots", "xã": "grassroots", "phường": "grassroots", "cơ sở": "grassroots",
}
_CENTRAL_CITIES = ("hồ chí minh", "hcm", "tphcm", "hà nội", "hải phòng", "đà nẵng", "cần thơ")
_HUE_CENTRAL_FROM = "2025-01-01"  # Huế became a centrally-run city on this day


def _case_variants(words: list[str], upper: bool = True, lower: bool = False) -> str:
    """ "Chỉ thị" -> "Chỉ thị|Chỉ Thị|CHỈ THỊ" (sentence, title, if ``upper`` upper, if ``lower`` lower case)."""
    out: list[str] = []
    for w in sorted(words, key=len, reverse=True):
        for v in (w, w.title()) + ((w.upper(),) if upper else ()) + ((w.lower(),) if lower else ()):
            if v not in out:
                out.append(v)
    return "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in out)


def _ci(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


# upper-case Latin letters (Vietnamese capitals included), for proper names
_UP = UPPER
_KHOA = r"(?:khóa|khoá|KHÓA|KHOÁ|Khóa|Khoá)"
_ROMAN = r"[IVXL]{1,6}"
# "(Khóa XI, XII)", "khóa XI và XII": one plenum number of several terms names one resolution per term.
_TERM = (rf"(?P<term_all>\s*(?:(?P<open>\()\s*|[,–-]\s*)?{_KHOA}\s+(?P<term>{_ROMAN}|\d{{1,2}})(?![\w])"
         rf"(?P<terms_more>(?:\s*(?:,|và|;)\s*(?:{_KHOA}\s+)?(?:{_ROMAN})(?![\w]))*)"
         r"(?(open)\s*\)))")
_CENTRAL = (r"(?:(?i:Ban\s+Chấp\s+hành\s+Trung\s+ương(?:\s+Đảng)?)|BCH\s*T[WƯ](?:\s+Đảng)?|BCHTW"
            r"|(?i:Trung\s+ương)(?:\s+Đảng)?|T\.\s?Ư|T\.\s?W|TƯ|TW)")
_ORD_WORD = _ci(_ORDINALS)
_ORD = rf"(?:\d{{1,2}}(?!\d)|(?:{_ORD_WORD})(?![\w])(?!\s*\d))"
_UY = r"(?:ủy|uỷ|Ủy|Uỷ)"

# numbered: [type word] [số] 05-CT/TW | 68/QĐ-TW
_ABBR_RE = r"[A-ZĐ][A-ZĐa-z]{0,5}"
_ISS_RE = r"T\.\s?Ư|T\.\s?W|[A-ZĐ][A-ZĐƯưa-z]{0,9}"
_NUMBERED = re.compile(
    r"(?<![\w/.,–-])(?P<num>\d{1,4})\s*"
    rf"(?:[-–]\s*(?P<abbr>{_ABBR_RE})\s*/\s*(?P<iss>{_ISS_RE})|/\s*(?P<abbr2>{_ABBR_RE})\s*-\s*(?P<iss2>{_ISS_RE}))"
    r"(?![\w])"
)
# what may open a numbered mention, just before its number (searched in a short window: fast)
_BEFORE_NUMBER = re.compile(
    rf"(?<![\w])(?:(?P<tw>(?i:{_ci(_TYPE_WORDS)}))(?:\s+(?i:hành\s+động|liên\s+tịch|phối\s+hợp|chuyên\s+đề))?\s+)?"
    r"(?:(?<![\w])(?P<so>[Ss]ố|SỐ)\s*)?$"
)
# issuing bodies written after a short form
_BODY_CENTRAL = (
    r"(?i:Bộ\s+Chính\s+trị|Ban\s+Bí\s+thư|Ban\s+Chấp\s+hành\s+(?:Trung\s+ương|T[WƯ]|T\.Ư)(?:\s+Đảng)?|BCH\s*T[WƯ]"
    r"|BCH\s+Trung\s+ương(?:\s+Đảng)?"
    r"|(?:(?:Ban\s+)?Thường\s+vụ\s+)?Quân\s+ủy\s+Trung\s+ương|Ban\s+Tổ\s+chức\s+Trung\s+ương|Ban\s+Tuyên\s+giáo\s+Trung\s+ương"
    r"|Ủy\s+ban\s+Kiểm\s+tra\s+Trung\s+ương"
    r"|Hội\s+nghị\s+(?:lần\s+thứ\s+\w+\s+)?(?:Ban\s+Chấp\s+hành\s+)?Trung\s+ương(?:\s+(?:lần\s+thứ\s+)?\d{1,2}(?!\d))?"
    r"|Trung\s+ương(?:\s+Đảng)?)"
)
_BODY_LOCAL = (
    r"(?:(?:(?i:Ban\s+Thường\s+vụ)\s+|BTV\s+)?(?:Tỉnh|Thành|Huyện|Quận|Thị|Đảng|tỉnh|thành|huyện|quận|thị|đảng)"
    rf"\s+{_UY}(?:\s+(?:TP\.(?=\s)|[{_UP}][\w]*))*"
    # the executive committee of a local party organisation: "Ban Chấp hành Đảng bộ tỉnh (Lâm Đồng)"
    r"|(?i:Ban\s+Chấp\s+hành|BCH)\s+(?i:Đảng\s+bộ)\s+(?i:tỉnh|thành\s+phố|huyện|quận|thị\s+xã|thị\s+trấn|xã|phường|TP\.?)"
    rf"(?:\s+(?:[{_UP}][\w]*))*)"
)
_BODY = rf"{_BODY_CENTRAL}|TW|TƯ|T\.Ư|{_BODY_LOCAL}"
# bodies that may follow without "của": "Nghị quyết 04 Bộ Chính trị"
_BODY_NAMED = (r"(?i:Bộ\s+Chính\s+trị|Ban\s+Bí\s+thư|Ban\s+Chấp\s+hành\s+Trung\s+ương(?:\s+Đảng)?)"
               rf"|(?i:Ban\s+Thường\s+vụ)\s+(?:Tỉnh|Thành|Huyện|Quận|Thị|Đảng)\s+{_UY}(?:\s+(?:TP\.(?=\s)|[{_UP}][\w]*))*")
_STATE = (r"(?:Thủ\s+tướng|Chính\s+phủ|Quốc\s+hội|UBND|HĐND|Ủy\s+ban\s+nhân\s+dân|Hội\s+đồng\s+nhân\s+dân|Chủ\s+tịch"
          r"|Ủy\s+ban\s+Thường\s+vụ\s+Quốc\s+hội|Bộ\s+trưởng|Bộ\s+(?!Chính\s+trị)[" + _UP + r"]|Tòa\s+án|Viện\s+kiểm\s+sát"
          r"|Sở\s+[" + _UP + r"]|Tổng\s+cục|Cục\s+[" + _UP + r"]|Ngân\s+hàng\s+Nhà\s+nước|Nhà\s+nước|(?:QH|NHNN)(?![\w])"
          # not Vietnamese bodies at all: "Nghị quyết 2334 của Hội đồng Bảo an LHQ"
          r"|Hội\s+đồng\s+Bảo\s+an|Liên\s+hợp\s+quốc|LHQ(?![\w]))")
_STATE_IN = re.compile(r"\s(?:của|do)\s+" + _STATE)
_STATE_BODY = re.compile(r"(?:\s*,?\s*của\s+|\s+)" + _STATE)
# a state body just before a short form: "Thủ tướng ban hành Quyết định số 153"
_STATE_BEFORE = re.compile(
    r"(?:Thủ\s+tướng|Chính\s+phủ|Quốc\s+hội|UBND|HĐND|Ủy\s+ban\s+nhân\s+dân|Hội\s+đồng\s+nhân\s+dân|Bộ\s+trưởng"
    r"|Bộ\s+(?!Chính\s+trị)[" + _UP + r"])[^.;:\n]{0,40}$"
)
_NOT_YEAR = r"(?!(?:19[4-9]|20[0-3])\d(?!\d))"  # "Kế hoạch 2017" is a year
_NUM_END = r"(?![\d\w]|\s*[-–/]\s*[\dA-ZĐ]|[.,]\d|\s*/|\s*%)"
# further numbers of a list: "Quyết định 935, 936", "Quyết định số 217, số 218", "Chỉ thị 03 và 05"
_LIST_NEXT = (r"(?=\s*(?:[,.;:)”\"\n]|$)|\s+(?:của|về|và|đã|được|có|tại|trong|là|nhằm|ban|do|cũng|như|thì|sẽ|vẫn"
              r"|đều|khóa|khoá|ngày|năm|\()(?![\w]))")
_LIST_ITEM = re.compile(rf"(?:\s*,\s*(?:và\s+)?|\s+và\s+)(?:(?:số|Số)\s+)?{_NOT_YEAR}(?P<num>\d{{1,4}}){_NUM_END}{_LIST_NEXT}")
_SHORT = re.compile(
    rf"(?<![\w])(?P<tw>{_case_variants(_SHORT_TYPES + _ISSUER_ONLY_TYPES, upper=False, lower=True)})"
    rf"\s+(?:(?:số|Số)\s+)?{_NOT_YEAR}(?P<num>\d{{1,4}}){_NUM_END}"
    r"(?!\s+(?:ngày(?!\s+\d)|tháng|tuần|giờ|phút|người|tỷ|tỉ|triệu|nghìn|ngàn|ha|km|m|tấn|đồng|USD|hộ|lần|điểm|xã|huyện)(?![\w]))"
    r"(?!\s+năm(?!\s+\d{4}))"
    rf"(?P<more>(?:(?:\s*,\s*(?:và\s+)?|\s+và\s+)(?:(?:số|Số)\s+)?{_NOT_YEAR}\d{{1,4}}{_NUM_END}{_LIST_NEXT})+)?"
    r"(?P<dated>\s*,?\s*(?:(?:ban\s+hành\s+)?ngày\s+(?P<d>\d{1,2})\s*[-/.]\s*(?P<m>\d{1,2})(?:\s*[-/.]\s*(?P<y>(?:19|20)\d\d))?"
    r"|năm\s+(?P<y2>(?:19|20)\d\d))(?!\d))?"
    rf"(?P<tail>(?:\s*,?\s*của\s+(?P<body>{_BODY})|\s+(?P<body2>{_BODY_NAMED}))"
    rf"(?:\s*\(\s*{_KHOA}\s+(?P<term>{_ROMAN})\s*\)|\s+{_KHOA}\s+(?P<term2>{_ROMAN})(?![\w]))?)?"
)
# plenum: Nghị quyết [Hội nghị] Trung ương 4 [(khóa XII)] | Nghị quyết Hội nghị lần thứ tư BCH TW Đảng khóa XII
_PLENUM_BODY = (
    rf"(?:(?i:lần\s+thứ)\s+(?P<o1>{_ORD})\s+(?:của\s+)?{_CENTRAL}"
    rf"|{_CENTRAL}\s*(?:(?:(?i:lần\s+)?thứ\s+)(?P<o2>{_ORD})|(?P<o3>\d{{1,2}})(?!\d)"
    # a number word with the term right after it: "Nghị quyết Trung ương bốn khóa XII"
    rf"|(?P<o4>{_ORD_WORD})(?=\s*\(?\s*(?i:khóa|khoá)\s)))"
    rf"(?:{_TERM})?"
)
_PLENUM = re.compile(
    r"(?<![\w])(?P<tw>(?i:ngh[iị]\s+quyết|kết\s+luận)|NQ|KL)\s+(?:(?:của\s+)?(?i:hội\s+nghị)\s+)?" + _PLENUM_BODY
)
# the plenum itself, as what a resolution is in the spirit of: "theo tinh thần Hội nghị Trung ương 5 khóa XII",
# "yêu cầu của Hội nghị Trung ương 5 khóa XII" (its resolution, as the gold conventions read it)
_PLENUM_SPIRIT = re.compile(
    r"(?:(?<=tinh thần )|(?<=tinh thần của )|(?<=yêu cầu của )|(?<=chủ trương của )|(?<=tinh thần của các )"
    r"|(?<=chủ trương )|(?<=yêu cầu )|(?<=tinh thần các ))(?P<tw>(?i:hội\s+nghị))\s+" + _PLENUM_BODY
)
# a further plenum coordinated after one: "Nghị quyết Trung ương 4 và Trung ương 5 khóa XII",
# "Nghị quyết Hội nghị Trung ương 5, Hội nghị Trung ương 6 (khóa XII)"; the type word is not repeated
_PLENUM_MORE = re.compile(
    r"\s*(?:,\s*(?:và\s+)?|và\s+|;\s*)(?:(?i:hội\s+nghị)\s+)?"
    rf"(?:(?i:lần\s+thứ)\s+(?P<o1>{_ORD})\s+(?:của\s+)?{_CENTRAL}"
    rf"|{_CENTRAL}\s*(?:(?:(?i:lần\s+)?thứ\s+)(?P<o2>{_ORD})|(?P<o3>\d{{1,2}})(?!\d)"
    # a number word with the term right after it: "Nghị quyết Trung ương bốn khóa XII"
    rf"|(?P<o4>{_ORD_WORD})(?=\s*\(?\s*(?i:khóa|khoá)\s)))"
    rf"(?:{_TERM})?"
)
_CONGRESS_NATIONAL = re.compile(
    r"(?<![\w])(?P<tw>(?i:ngh[iị]\s+quyết))\s+(?:của\s+)?(?i:đại\s+hội)\s+(?:(?i:đại\s+biểu)\s+)?"
    r"(?:(?:(?i:toàn\s+quốc)|Đảng(?:\s+toàn\s+quốc)?)\s+)?(?:(?i:lần\s+thứ)\s+)?"
    rf"(?P<num>{_ROMAN}|1[0-4]|[6-9])(?![\w])"
    r"(?P<tail>\s*(?:\(\s*)?(?:của\s+Đảng(?:\s+Cộng\s+sản\s+Việt\s+Nam)?|Đảng\s+Cộng\s+sản\s+Việt\s+Nam)(?!\s*bộ)"
    r"(?:\s*\))?)?"
)
# a national congress coordinated after another congress's resolution, sharing its "nghị quyết": "nghị quyết
# Đại hội Đảng bộ TP lần thứ X và Đại hội Đảng toàn quốc lần thứ XII"
_CONGRESS_MORE_NATIONAL = re.compile(
    r"\s*(?:,\s*(?:và\s+)?|và\s+|;\s*)(?P<item>(?i:đại\s+hội)\s+(?:(?i:đại\s+biểu)\s+)?"
    r"(?:(?:(?i:toàn\s+quốc)(?:\s+(?:của\s+)?Đảng)?|Đảng(?:\s+(?:Cộng\s+sản\s+Việt\s+Nam\s+)?(?i:toàn\s+quốc))?)\s+)"
    rf"(?:(?i:lần\s+thứ)\s+)?(?P<num>{_ROMAN})(?![\w])(?:\s+(?:của\s+)?Đảng(?!\s*bộ))?)"
)
_PLACE_WORD = rf"[{_UP}][\w]*\.?"
# "Nghị quyết XVI của Đảng bộ thành phố Hà Nội": the congress named by its numeral alone, without "Đại hội".
_CONGRESS_LOCAL = re.compile(
    r"(?<![\w])(?P<tw>(?i:ngh[iị]\s+quyết))\s+(?:(?:của\s+)?(?P<dh>(?i:đại\s+hội))\s+(?:(?i:đại\s+biểu)\s+)?)?"
    rf"(?:(?:(?i:lần\s+thứ)\s+)?(?P<r1>{_ROMAN})\s+(?:của\s+)?)?"
    r"(?i:đảng\s+bộ)"
    r"(?:\s+(?P<unit>(?i:tỉnh|thành\s+phố|huyện|quận|thị\s+xã|thị\s+trấn|xã|phường|khối|cơ\s+sở)|TP\.?|Tp\.?)"
    rf"(?:\s*(?P<name>{_PLACE_WORD}(?:\s+{_PLACE_WORD}){{0,4}}))?)?"
    rf"(?:\s*,?\s*(?i:lần\s+thứ)\s+(?P<r2>{_ROMAN}|\d{{1,2}})(?![\w]))?"
    r"(?:\s*[,(]?\s*(?i:nhiệm\s+kỳ)\s+(?P<y1>\d{4})\s*[-–]\s*(?P<y2>\d{4})(?:\s*\))?)?"
)
_TITLE = re.compile(
    rf"(?<![\w])(?P<tw>{_case_variants(_TITLE_TYPES)})\s*:?\s*"
    r"(?:(?:nổi\s+tiếng|lịch\s+sử|quan\s+trọng|mang\s+tên|có\s+tên|với\s+tên(?:\s+gọi)?|có\s+tựa\s+đề)\s+)?"
    rf"(?:“(?P<t1>[{_UP}\d](?:[^“”\n]|“[^“”\n]*”){{2,250}})”|\"(?P<t2>[{_UP}\d][^\"\n]{{2,250}})\")"
)
# unquoted subject after a capitalised type word: "Quy chế bổ nhiệm cán bộ ...", "Quy định xử lý kỷ luật ..."
_UNQUOTED = re.compile(
    r"(?<![\w])(?P<tw>Quy\s+chế|Quy\s+định|Quyết\s+định|Nghị\s+quyết|Chỉ\s+thị|Kết\s+luận|Đề\s+án|Kế\s+hoạch)"
    rf"(?P<tail>\s+của\s+(?P<body>{_BODY}))?\s+(?P<ve>về\s+(?:việc\s+)?)?"
    r"(?=(?P<subject>(?!(?:này|đó|trên|mới|số|của|và|các|cũ|nói|đã|được|là)(?![\w]))[a-zà-ỹđ][^.,;:()“”\"\n]{4,160}))"
)
# what ends an unquoted subject for good: another document named in it
_SUBJECT_END = re.compile(r"\s(?:và\s+)?(?:Nghị\s+quyết|Chỉ\s+thị|Quy\s+định|Quyết\s+định|Kết\s+luận|Luật|Nghị\s+định"
                          r"|Thông\s+tư|số)(?![\w])|\s+(?:mà|nhằm|để|đã|được|do)(?![\w])")
_GLOSSED = re.compile(
    r"(?<![\w])(?i:văn\s+bản)\s+(?:số\s+)?(?P<num>\d{1,4})\s*\(\s*"
    r"(?P<gloss>(?P<tw>Quy\s+định|Quyết\s+định|Nghị\s+quyết|Chỉ\s+thị|Kết\s+luận|Hướng\s+dẫn)\s+[^()\n]{3,200})\)"
)
_PLURAL_BEFORE = re.compile(r"(?<![\w])(?i:nhiều|các|những|một\s+số|mấy|hai|ba|bốn|năm|\d+)\s+$")
_DRAFT_BEFORE = re.compile(r"(?i:dự\s+thảo|tờ\s+trình)\s*$")
_OF_PARTY_COMMITTEE = re.compile(r"\s*(?:của\s+)?(?i:đảng\s+bộ)")   # "Nghị quyết Đại hội XII của Đảng bộ ..."
_OF = re.compile(r"\s*của\s")


def _draft_before(text: str, pos: int) -> bool:
    """Whether "dự thảo" or "tờ trình" ends right before ``pos`` (spaces aside): a draft, not a document.

    Searched back from the last word before ``pos`` over a few words only, not from the start of the text.
    """
    word_end = pos
    while word_end > 0 and text[word_end - 1].isspace():
        word_end -= 1
    return bool(_DRAFT_BEFORE.search(text, max(0, word_end - 200), pos))
# "... về <subject>" after a short form, unquoted: "Nghị quyết 42 về công tác quy hoạch cán bộ ..."
_AFTER_SUBJECT = re.compile(r"\s*(?:\([^()\n]{0,40}\)\s*)?,?\s*về\s+(?:việc\s+)?(?P<subject>[^.;:“”\"\n]{10,200})")
# words that end an unquoted subject ("... ứng cử tại Cà Mau", "... cán bộ của Tỉnh ủy")
_SUBJECT_STOP = re.compile(
    r"\s(?:tại|của|đã|được|do|theo|nhằm|cho|để|với|là|khi|sẽ|ban\s+hành|kèm\s+theo|này|đang|vừa|thì"
    r"|nhưng|mà|ở|từ|đến|vào|qua|trên|giữa|năm|hay|hoặc|cũng|còn|có|không|chưa|phải|cần|đối\s+với|và\s+các)(?![\w])"
)
_PARTY_SUBJECT = re.compile(r"(?i:cán\s+bộ|đảng\s+viên|cấp\s+ủy|chi\s+bộ|tổ\s+chức\s+đảng|trong\s+Đảng|của\s+Đảng"
                            r"|ủy\s+ban\s+kiểm\s+tra|bộ\s+chính\s+trị|ban\s+bí\s+thư|ban\s+thường\s+vụ|tỉnh\s+ủy"
                            r"|thành\s+ủy|huyện\s+ủy|đảng\s+ủy)|Đảng")
_CHARTER = re.compile(r"(?<![\w])(?i:điều\s+lệ\s+đảng)(?:\s+Cộng\s+sản\s+Việt\s+Nam)?(?!\s*(?i:bộ))(?![\w])")

# context after a mention (not part of its span): "(khóa XII)", "về “...”", ": “...”"
_AFTER_TERM = re.compile(rf"\s*[(,]?\s*{_KHOA}\s+(?P<term>{_ROMAN}|\d{{1,2}})(?![\w])")
_AFTER_TITLE = re.compile(
    r"\s*(?:\([^()\n]{0,40}\)\s*)?,?\s*(?:ngày\s+[\d/.-]{6,10}\s*)?(?:của\s+[^,“”\"\n]{0,60}?\s+)?"
    r"(?:về\s+(?:việc\s+)?|:\s*)[“\"](?P<title>[^“”\"\n]{3,250})[”\"]"
)
_AFTER_DATE = re.compile(r"\s*,?\s*(?:ban\s+hành\s+)?ngày\s+(?P<d>\d{1,2})\s*[-/.]\s*(?P<m>\d{1,2})\s*[-/.]\s*(?P<y>(?:19|20)\d\d)(?!\d)")
_THANH_UY_NAMED = re.compile(rf"(?<![\w])(?:Thành|thành)\s+{_UY}\s+(?P<name>(?:TP\.?\s*|[{_UP}][\w]*\s*){{1,4}})")
# cheap pre-filter: no type word, no symbol, no charter -> no directive
_TRIGGER = re.compile(
    r"(?i:ngh[iị]\s+quyết|chỉ\s+thị|quy(?:ết)?\s+định|kết\s+luận|kế\s+hoạch|hướng\s+dẫn|thông\s+(?:báo|tri)|đề\s+án"
    r"|chương\s+trình|quy\s+chế|điều\s+lệ|chuyên\s+đề|hội\s+nghị\s+(?:trung|lần|ban))|NQ|KL"
    r"|\d\s*[-–/]\s*[A-ZĐ]{1,4}[a-z]?\s*[/-]"
)

# --- state documents (GUIDE.md §2: named directives are party documents) ---------------------------
# a number written with a state symbol anywhere in the article: "19-2017/NQ-CP", "26/CT-TTg", "148/2016/NQ-HĐND",
# "824-QĐ/TTg"; the same kind and number elsewhere in the article is that state document
_STATE_SYMBOL = re.compile(
    r"(?<![\w/.,–-])(?P<num>\d{1,4})\s*(?:(?:[-–/]\s*(?:19|20)\d\d\s*)?/\s*(?P<abbr>[A-ZĐ][A-ZĐa-z]{0,5})\s*[-–]\s*"
    r"(?P<iss>[A-ZĐ][A-ZĐa-z]{0,9})|[-–]\s*(?P<abbr2>[A-ZĐ][A-ZĐa-z]{0,5})\s*/\s*(?P<iss2>"
    + "|".join(sorted(_STATE_ISSUERS, key=len, reverse=True)) + r"))(?![\w])"
)
# number and year, the style of state legal documents (party symbols never carry the year): "Quyết định 150/2004"
_STATE_NUMBER_YEAR = re.compile(
    rf"(?<![\w])(?P<tw>(?i:{_ci(_TYPE_WORDS)}))\s+(?:(?:số|Số)\s+)?(?P<num>\d{{1,4}})\s*/\s*(?:19|20)\d\d(?![\d/])"
)
_STATE_AUTHOR_BODY = (
    r"(?:(?:Phó\s+)?Thủ\s+tướng|Chính\s+phủ|Quốc\s+hội|UBND|HĐND|Ủy\s+ban\s+nhân\s+dân|Hội\s+đồng\s+nhân\s+dân"
    r"|Bộ\s+trưởng|Bộ\s+(?!Chính\s+trị)[" + _UP + r"]|Sở\s+[" + _UP + r"]|NHNN|Ngân\s+hàng\s+Nhà\s+nước)"
)
# a state body as the author in a sentence: "Thủ tướng Nguyễn Xuân Phúc đã yêu cầu ... theo Chỉ thị số 26"
_STATE_AUTHOR = re.compile(
    _STATE_AUTHOR_BODY + r"[^.;:!?\n]{0,60}?(?<![\w])(?:ban\s+hành|ký|yêu\s+cầu|chỉ\s+đạo|giao|phê\s+duyệt|quyết\s+định|công\s+bố"
    r"|ra\s+(?:chỉ\s+thị|nghị\s+quyết|quyết\s+định))(?![\w])"
)
# a state body that approves, issues or passes a document named by title just after: "... của Thủ tướng Chính phủ
# phê duyệt Đề án “...”", "Bộ Y tế ban hành Kế hoạch “...”", "Chính phủ trình Quốc hội xem xét Nghị quyết về ..."
_STATE_ISSUES_BEFORE = re.compile(
    r"(?:" + _STATE_AUTHOR_BODY + r"|QH|\d+(?:/(?:19|20)\d\d)?/[A-ZĐ][A-ZĐa-z]*-(?:TTg|CP|UBND|BYT|BTP|BTC|BNV))"
    r"[^.;:!?\n“”\"]{0,60}?(?<![\w])(?:phê\s+duyệt|ban\s+hành|(?:xem\s+xét,?\s+)?thông\s+qua|xem\s+xét|trình)\s*$"
)
# a state issuer after a document named by title: "Đề án “...” vừa được Thủ tướng Chính phủ phê duyệt"
_STATE_AFTER_TITLE = re.compile(r"\s*,?\s*(?:của|do|(?:đã\s+|vừa\s+|sẽ\s+)?được)\s+" + _STATE)
# "... về <subject> của Chính phủ": a state issuer after the subject of a short form, in the same clause
_STATE_AFTER_SUBJECT = re.compile(r"\s*,?\s*về\s+[^.;:!?\n“”\"()]{3,100}?\s(?:của|do)\s+" + _STATE)
# "Chỉ thị số 26, Công điện ngày 2/2/2017 của Thủ tướng": a state issuer later in the clause of a mention with no id
_STATE_LATER_IN_CLAUSE = re.compile(r"[^.;:!?\n“”\"()]{0,80}?\s(?:của|do)\s+" + _STATE)
# subjects that are state business, not party work: fees, taxes, enterprise support, business climate, land
_STATE_SUBJECT = re.compile(
    r"(?<![\w])(?<!chi\s)(?<!kinh\s)(?i:(?:lệ\s+)?phí|thuế|(?:hỗ\s+trợ|phát\s+triển)\s+(?:và\s+phát\s+triển\s+)?doanh\s+nghiệp"
    r"|môi\s+trường\s+kinh\s+doanh|năng\s+lực\s+cạnh\s+tranh|thủ\s+tục\s+hành\s+chính|thu\s+hồi\s+đất"
    r"|bồi\s+thường|giải\s+phóng\s+mặt\s+bằng)(?![\w])"
)
# party words: an article without any of them does not report a party document by a bare number or title
_PARTY_WORD = re.compile(
    rf"(?<![\w])(?:(?i:đảng)|(?:Tỉnh|Thành|Huyện|Quận|Thị|tỉnh|thành|huyện|quận|thị)\s+{_UY}|(?i:cấp)\s+{_UY}"
    r"|(?i:bộ\s+chính\s+trị|ban\s+bí\s+thư|chi\s+bộ|tổng\s+bí\s+thư|hội\s+nghị\s+trung\s+ương"
    r"|ban\s+chấp\s+hành\s+trung\s+ương))(?![\w])"
)


@dataclass
class _Candidate:
    start: int
    end: int
    priority: int
    directive: Directive
    key: tuple[str, int] | None = None  # (symbol of the kind, number): "Quy định 01" -> ("QĐ", 1)
    anchor: bool = False                # identity explicit: a symbol, or a party issuer named after it
    needs_support: bool = False         # lower-case type word, no issuer: kept only if the article names it
    term_inferred: bool = False         # plenum term taken from the date, not the text
    form: str = ""                      # "short" or "title": forms whose party identity needs evidence
    lent: bool = False                  # id lent by an explicit mention of the same document
    more_terms: tuple[str, ...] = ()    # "Nghị quyết Trung ương 4 (Khóa XI, XII)": the other terms named


@dataclass
class _Article:
    """What one text says beyond a single mention: state documents, its city."""

    text: str
    published: str | None
    state_keys: set = field(default_factory=set)
    _thanh_uy: list = field(default_factory=list)
    _party: list = field(default_factory=list)
    _symbols_read: list = field(default_factory=list)
    _sentences: list = field(default_factory=list)
    _starts: list = field(default_factory=list)

    def is_state(self, key: tuple[str, int] | None) -> bool:
        """True when the article names this kind and number as a state document: with a state issuer after a
        mention ("Nghị quyết 35 của Chính phủ"), with a state symbol ("19-2017/NQ-CP", "26/CT-TTg") or with
        the year after the number ("Quyết định 150/2004")."""
        if not self._symbols_read:
            self._symbols_read.append(True)
            for m in _STATE_SYMBOL.finditer(self.text):
                abbr, iss = (m["abbr"], m["iss"]) if m["abbr"] else (m["abbr2"], m["iss2"])
                abbr = _ABBR_SPELLINGS.get(abbr, abbr)
                if abbr in _ABBR_KIND and not _PARTY_ISSUER.fullmatch(_issuer_code(iss)):
                    self.state_keys.add(_key(_ABBR_KIND[abbr], m["num"]))
            for m in _STATE_NUMBER_YEAR.finditer(self.text):
                self.state_keys.add(_key(_type_kind(m["tw"]), m["num"]))
        return key in self.state_keys

    def party_context(self) -> bool:
        """True when the article speaks of the party at all ("Đảng", "Tỉnh ủy", "cấp ủy", "đảng viên" ...)."""
        if not self._party:
            self._party.append(bool(_PARTY_WORD.search(self.text)))
        return self._party[0]

    def near(self, pos: int) -> tuple[int, int]:
        """Start and end of the sentence holding ``pos`` and the one before it."""
        if not self._sentences:
            self._sentences.extend(sentence_spans(self.text))
            self._starts.extend(s for s, _ in self._sentences)
        spans = self._sentences
        i = bisect_right(self._starts, pos) - 1     # sentences are ordered and apart: the last one starting at or
        if i >= 0 and pos <= spans[i][1]:          # before pos is the only one that can hold it
            s, e = spans[i]
            return (spans[i - 1][0] if i else s), e
        return max(0, pos - 200), min(len(self.text), pos + 200)

    def thanh_uy_code(self) -> str | None:
        """Symbol of an unnamed "Thành ủy": TU if the article names a centrally-run city's, ThU if another."""
        if not self._thanh_uy:
            codes = [_city_code(m["name"], self.published) for m in _THANH_UY_NAMED.finditer(self.text)]
            codes = [c for c in codes if c]
            self._thanh_uy.append(codes[0] if codes else ("ThU" if re.search(rf"Tỉnh\s+{_UY}", self.text) else None))
        return self._thanh_uy[0]


# --- helpers -------------------------------------------------------------------------

def _type_kind(word: str | None) -> str | None:
    if not word:
        return None
    return _TYPE_WORDS.get(re.sub(r"\s+", " ", word.lower()))


def _term_value(raw: str | None) -> str | None:
    if not raw:
        return None
    if raw.isdigit():
        return gazetteer.roman(int(raw))
    return raw.upper() if gazetteer.from_roman(raw) else None


def _ordinal(raw: str | None) -> int | None:
    if not raw:
        return None
    raw = re.sub(r"\s+", " ", raw.lower())
    return int(raw) if raw.isdigit() else _ORDINALS.get(raw)


def _issuer_code(raw: str) -> str:
    code = re.sub(r"[\s.]", "", raw)
    return "TW" if code.upper() in ("TƯ", "TW") else code


def _level_of_code(code: str | None) -> str | None:
    if not code:
        return None
    if code.endswith("TW"):
        return "central"
    if code.endswith("TU"):
        return "provincial"
    if code in ("HU", "QU", "ThU", "TXU") or code.endswith(("HU", "QU", "ThU", "TXU")):
        return "district"
    if code == "ĐU":
        return "grassroots"
    return None


def _city_code(name: str, published: str | None) -> str | None:
    """ "TPHCM" -> "TU" (centrally-run city), "Đà Lạt" -> "ThU"; no name -> None."""
    low = re.sub(r"[\s.]+", " ", name).strip().lower()
    low = re.sub(r"^(?:tp|thành phố)(?: |$)", "", low).strip()
    if not low:
        return None
    low_nospace = low.replace(" ", "")
    if any(c in low or c.replace(" ", "") in low_nospace for c in _CENTRAL_CITIES):
        return "TU"
    if "huế" in low and (published or "")[:10] >= _HUE_CENTRAL_FROM:
        return "TU"
    return "ThU"


def _body_code(body: str, article: _Article) -> str | None:
    """Issuer symbol of a named body: "Bộ Chính trị" -> "TW", "Ban Thường vụ Tỉnh ủy" -> "TU"."""
    low = re.sub(r"\s+", " ", body).lower().replace("uỷ", "ủy")
    if "quân ủy" in low:
        return "QUTW"
    if "ban tổ chức" in low:
        return "BTCTW"
    if "ban tuyên giáo" in low:
        return "BTGTW"
    if "ủy ban kiểm tra" in low:
        return "UBKTTW"
    executive = re.match(r"(?:ban chấp hành|bch) đảng bộ (tỉnh|thành phố|tp\.?|huyện|quận|thị xã|thị trấn|xã|phường)", low)
    if executive:
        unit = executive.group(1)
        if unit in ("thành phố", "tp", "tp."):
            return _city_code(body[executive.end():], article.published) or article.thanh_uy_code()
        return {"tỉnh": "TU", "huyện": "HU", "quận": "QU", "thị xã": "TXU"}.get(unit, "ĐU")
    if low.startswith(("bộ chính trị", "ban bí thư", "ban chấp hành", "bch", "hội nghị", "trung ương")) \
            or low in ("tw", "tư", "t.ư"):
        return "TW"
    local = re.search(r"(tỉnh|thành|huyện|quận|thị|đảng) ủy", low)
    if local is None:
        return None
    unit = local.group(1)
    if unit == "thành":
        name = body[body.lower().replace("uỷ", "ủy").index("thành ủy") + len("thành ủy"):]
        return _city_code(name, article.published) or article.thanh_uy_code()
    if unit == "đảng":
        return "ĐUK" if "khối" in low else "ĐU"
    return {"tỉnh": "TU", "huyện": "HU", "quận": "QU", "thị": "TXU"}[unit]


def _pad(number: str) -> str:
    n = number.lstrip("0") or "0"
    return n.zfill(2)


def _key(kind: str | None, number: str | None) -> tuple[str, int] | None:
    if not kind or not number or kind not in _KIND_ABBR:
        return None
    return (_KIND_ABBR[kind], int(number))


def _fill_from(d: Directive, doc: gazetteer.CentralDocument | None) -> None:
    if doc is None:
        return
    d.canonical_id = doc.id
    d.symbol = doc.symbol
    d.issued = d.issued or doc.issued
    d.title = d.title or doc.title
    d.term = d.term or doc.term
    d.plenum = d.plenum or doc.plenum
    if d.issuer is None:
        d.issuer = doc.issuer
    d.level = d.level or "central"


def _consistent(doc: gazetteer.CentralDocument | None, issued: str | None, term: str | None,
                published: str | None) -> gazetteer.CentralDocument | None:
    """``doc`` unless the text's date, term or the article date rule it out."""
    if doc is None:
        return None
    if issued and doc.issued and issued[:4] != doc.issued[:4]:
        return None  # same number, another document (numbers restart every term)
    if term and doc.term and term != doc.term:
        return None
    day = gazetteer._date(published)
    if day and doc.issued and doc.issued > day:
        return None
    return doc


_TITLE_STOP = {"và", "của", "các", "những", "về", "việc"}


def _words(s: str) -> list[str]:
    """Content words of a title, for comparison: "lãnh đạo và quản lý" -> ["lãnh", "đạo", "quản", "lý"]."""
    return [w for w in re.findall(r"\w+", s.lower()) if w not in _TITLE_STOP]


def _title_doc(title: str, kind: str | None, published: str | None, plenum: int | None = None,
               prefix: bool = False) -> gazetteer.CentralDocument | None:
    """The gazetteer document whose title the text gives: a quoted subject equal to, inside or around
    the known title (at least four words), or with ``prefix`` a subject that starts with the whole title."""
    said = _words(title)
    if len(said) < 4:
        return None
    family = _KIND_ABBR.get(kind or "")
    found = []
    for doc in gazetteer.documents():
        if not doc.title or _KIND_ABBR.get(doc.kind) != family or (plenum is not None and doc.plenum != plenum):
            continue
        known = _words(doc.title)
        if len(known) < 4:
            continue
        if prefix:
            ok = said[:len(known)] == known
        else:
            short, long_ = (said, known) if len(said) <= len(known) else (known, said)
            ok = any(long_[i:i + len(short)] == short for i in range(len(long_) - len(short) + 1))
        if ok:
            found.append(doc)
    if not found:
        return None
    day = gazetteer._date(published)
    before = [d for d in found if not day or not d.issued or d.issued <= day]
    if len(found) > 1 and not day:
        return None
    return max(before, key=lambda d: d.issued or "") if before else None


def _subject_doc(subject: str, kind: str | None, number: int, published: str | None) -> gazetteer.CentralDocument | None:
    """The known document of this kind and number whose title the subject after a mention starts with
    (six content words, or the whole title when shorter): "Nghị quyết 42 về công tác quy hoạch cán bộ ..."."""
    said = _words(subject)
    family = _KIND_ABBR.get(kind or "")
    day = gazetteer._date(published)
    found = []
    for doc in gazetteer.documents():
        if _KIND_ABBR.get(doc.kind) != family or int(doc.number) != number or not doc.title:
            continue
        if day and doc.issued and doc.issued > day:
            continue
        known = _words(doc.title)
        n = min(len(known), 6)
        if n >= 4 and said[:n] == known[:n]:
            found.append(doc)
    return max(found, key=lambda d: d.issued or "") if found else None


def _fill_from_doc(d: Directive, doc: gazetteer.CentralDocument) -> None:
    """Take the identity of ``doc`` (the text named it by its subject)."""
    d.canonical_id, d.symbol, d.issued, d.title, d.term = doc.id, doc.symbol, doc.issued, doc.title, doc.term
    d.plenum = d.plenum or doc.plenum
    d.level = d.level or "central"
    d.issuer = d.issuer or doc.issuer


def _issued_from(m: re.Match) -> str | None:
    if m["y"] and 1 <= int(m["m"]) <= 12 and 1 <= int(m["d"]) <= 31:
        return f"{m['y']}-{int(m['m']):02d}-{int(m['d']):02d}"
    return None


# --- one function per form --------------------------------------------------------------

def _numbered(text: str, published: str | None, article: _Article):
    for m in _NUMBERED.finditer(text):
        lo = max(0, m.start() - 48)
        before = _BEFORE_NUMBER.search(text, lo, m.start())
        start = before.start() if before and (before["tw"] or before["so"]) else m.start()
        if before is not None and not before["tw"] and not before["so"]:
            before = None
        raw_abbr, raw_iss = (m["abbr"], m["iss"]) if m["abbr"] else (m["abbr2"], m["iss2"])
        abbr = _ABBR_SPELLINGS.get(raw_abbr, raw_abbr)
        code = _issuer_code(raw_iss)
        party = bool(_PARTY_ISSUER.fullmatch(code))
        typed = _type_kind(before["tw"]) if before else None
        known = abbr in _ABBR_KIND
        prefix = abbr if known else next((a for a in _ABBR_LONGEST_FIRST if abbr.startswith(a)), None)
        if code in _STATE_ISSUERS or "UBND" in code or "HĐND" in code:
            continue
        if (not known or m["abbr2"]) and not party:
            continue  # "1234/QĐ-UBND", "20 - AN / FPS": not a party symbol
        if prefix is None and typed is None:
            continue  # "28-CQ/TW": an unknown code and no type word
        kind = _ABBR_KIND[prefix] if prefix else typed
        if typed and (not known or (abbr == "QĐ" and typed in ("quy_dinh", "quyet_dinh"))):
            kind = typed  # "Quyết định số 476-QĐNS/TW", "Quy định số 1374-QĐ/TU"
        symbol = f"{abbr}/{code}"
        cid = f"{_pad(m['num'])}-{symbol}"
        after = _AFTER_TERM.match(text, m.end())
        term = _term_value(after["term"]) if after else None
        d = Directive(start=start, end=m.end(), text=text[start:m.end()], kind=kind, number=m["num"], symbol=symbol,
                      issuer=code, level=_level_of_code(code), term=term, canonical_id=cid)
        dated = _AFTER_DATE.match(text, m.end())
        if dated:
            d.issued = _issued_from(dated)
        if d.level == "central":
            doc = gazetteer.lookup_id(cid, d.issued or published, term)
            if doc is not None and d.issued and doc.issued and d.issued[:4] != doc.issued[:4]:
                doc = None  # same number, another document (numbers restart every term)
            if doc is not None:
                if abbr == "QĐ" and not typed:
                    d.kind = doc.kind
                d.issued, d.title, d.plenum = d.issued or doc.issued, doc.title, doc.plenum
                d.term = d.term or doc.term
        yield _Candidate(start, m.end(), 3 if typed else 2, d, key=_key(d.kind, m["num"]), anchor=party)


def _short(text: str, published: str | None, article: _Article):
    for m in _SHORT.finditer(text):
        kind = _type_kind(m["tw"])
        numbers = [(m.start("num"), m.end("num"), m["num"])]
        if m["more"]:
            base = m.start("more")
            numbers += [(base + x.start("num"), base + x.end("num"), x["num"])
                        for x in _LIST_ITEM.finditer(m["more"])]
        after_list = m.end("more") if m["more"] else m.end("num")
        after_date = m.end("dated") if m["dated"] else after_list
        state_before = not (m["body"] or m["body2"]) and _STATE_BEFORE.search(text, max(0, m.start() - 50), m.start())
        if _STATE_BODY.match(text, after_date) or state_before:
            # a state document ("Chỉ thị 16 của Thủ tướng"), not a party one; nor are its later bare mentions
            article.state_keys.update(_key(kind, n) for _, _, n in numbers)
            continue
        body_raw = m["body"] or m["body2"]
        body = re.sub(r"\s+", " ", body_raw) if body_raw else None
        code = _body_code(body, article) if body else None
        lower = m["tw"][0].islower()
        if kind in _ISSUER_ONLY_KINDS and not body:
            continue  # "Chương trình 135", "Thông báo 12": a party one names its issuer
        issued = None
        if m["dated"]:
            issued = _issued_from(m) if m["y"] else None
        # "Nghị quyết 11 năm 2011": the year alone still rules out a known document of another year
        said = issued or m["y2"]
        said_day = issued or (f"{m['y2']}-12-31" if m["y2"] else None)
        term = _term_value(m["term"] or m["term2"])
        with_tail = bool(body) and not m["dated"] and not m["more"]
        for i, (s, e, num) in enumerate(numbers):
            start = m.start() if i == 0 else s
            end = m.end() if with_tail else e
            d = Directive(start=start, end=end, text=text[start:end], kind=kind, number=num, issuer=body,
                          level=_level_of_code(code), issued=issued, term=term)
            if code == "TW" or (body is None and not lower):
                doc = _consistent(gazetteer.lookup_short(kind, num, said_day or published), said, term, published)
                _fill_from(d, doc)
            if code and d.canonical_id is None:
                d.symbol = f"{_KIND_ABBR[kind]}/{code}"
                d.canonical_id = f"{_pad(num)}-{d.symbol}"
                if code == "TW":
                    _fill_from(d, _consistent(gazetteer.lookup_id(d.canonical_id, said_day or published, term),
                                              said, term, published))
            # a lower-case type word, or a further number of an unidentified list ("Quyết định 19 và 54"),
            # stands only if the article names the same document elsewhere
            support = code is None and (lower or (i > 0 and d.canonical_id is None))
            yield _Candidate(start, end, 1, d, key=_key(kind, num), anchor=code is not None, needs_support=support,
                             form="short")


def _plenum(text: str, published: str | None, article: _Article):
    for m in [*_PLENUM.finditer(text), *_PLENUM_SPIRIT.finditer(text)]:
        items = [m]
        while (more := _PLENUM_MORE.match(text, items[-1].end())) is not None:
            items.append(more)  # "Nghị quyết Trung ương 4 và Trung ương 5 khóa XII"
        # a term written after the last item of the list covers the items before it
        shared = next((_term_value(i["term"]) for i in reversed(items) if _term_value(i["term"])), None)
        for i, item in enumerate(items):
            start = item.start() if i == 0 else _PLENUM_MORE_HEAD.match(text, item.start()).end()
            yield from _plenum_item(text, published, m, item, start, shared if len(items) > 1 else None)


# separator before a further plenum item: ", ", " và ", "; "
_PLENUM_MORE_HEAD = re.compile(r"\s*(?:,\s*(?:và\s+)?|và\s+|;\s*)")


def _plenum_item(text, published, head, m, start, shared):
    plenum = _ordinal(m["o1"] or m["o2"] or m["o3"] or m["o4"])
    if plenum is None or not 1 <= plenum <= 20:
        return
    kind = "ket_luan" if head["tw"].lower().startswith(("k", "kl")) else "nghi_quyet"
    term = _term_value(m["term"])
    explicit = term is not None
    end = m.end() if term else (m.start("term_all") if m["term_all"] is not None else m.end())
    if term is None and shared is not None:
        term, explicit = shared, True
    if term is None:
        term = gazetteer.infer_term(published, plenum)
    d = Directive(start=start, end=end, text=text[start:end], kind=kind, issuer="Ban Chấp hành Trung ương",
                  level="central", plenum=plenum, term=term)
    _plenum_id(d)
    more = tuple(t for t in (_term_value(r) for r in re.findall(_ROMAN, m["terms_more"] or "")) if t and t != term)
    yield _Candidate(start, end, 2, d, term_inferred=not explicit, more_terms=more)


def _plenum_id(d: Directive) -> None:
    if not d.term:
        return
    doc = gazetteer.lookup_plenum(d.kind, d.plenum, d.term)
    d.canonical_id = doc.id if doc else f"{'KL' if d.kind == 'ket_luan' else 'NQ'}TW{d.plenum}-{d.term}"
    if doc is not None:
        d.number, d.symbol, d.issued, d.title = doc.number, doc.symbol, doc.issued, doc.title


def _congress(text: str, published: str | None, article: _Article):
    for m in _CONGRESS_NATIONAL.finditer(text):
        num = int(m["num"]) if m["num"].isdigit() else gazetteer.from_roman(m["num"])
        if num is None or num > 14 or _OF_PARTY_COMMITTEE.match(text, m.end("num")):
            continue
        if m["num"].isdigit() and not m["tail"]:
            continue  # "Nghị quyết Đại hội 12" needs "của Đảng" to be the national one
        congress = gazetteer.roman(num)
        start_day = gazetteer.congress_start(congress)
        if not m["tail"] and published and start_day and published[:10] < start_day:
            continue  # "Đại hội XIII" in 2017 cannot be the national one
        d = Directive(start=m.start(), end=m.end(), text=m.group(0), kind="nghi_quyet",
                      issuer="Đại hội đại biểu toàn quốc", level="central", congress=congress,
                      term=congress, canonical_id=f"NQDH-{congress}")
        yield _Candidate(m.start(), m.end(), 2, d)
    for m in _CONGRESS_LOCAL.finditer(text):
        congress = m["r1"] or m["r2"]
        if not (congress or m["y1"] or m["unit"]):
            continue
        if not m["dh"] and not (m["r1"] and _OF.match(text, m.end("r1"))):
            continue  # without "Đại hội" only "Nghị quyết XVI của Đảng bộ …" names a congress
        unit = re.sub(r"\s+", " ", m["unit"].lower()).rstrip(".") if m["unit"] else None
        name = (m["name"] or "").lower()
        if unit in ("thành phố", "tp"):
            level = "provincial" if any(c in name for c in _CENTRAL_CITIES) else None
        else:
            level = _LEVEL_LOCAL_UNIT.get(unit) if unit else None
        d = Directive(start=m.start(), end=m.end(), text=m.group(0), kind="nghi_quyet", level=level,
                      congress=_term_value(congress) if congress else None, issuer="Đại hội Đảng bộ")
        yield _Candidate(m.start(), m.end(), 2, d)
        more = _CONGRESS_MORE_NATIONAL.match(text, m.end())
        national = gazetteer.roman(gazetteer.from_roman(more["num"]) or 0) if more else None
        if more and national and gazetteer.from_roman(more["num"]) <= 14:
            d = Directive(start=more.start("item"), end=more.end("item"), text=more["item"], kind="nghi_quyet",
                          issuer="Đại hội đại biểu toàn quốc", level="central", congress=national, term=national,
                          canonical_id=f"NQDH-{national}")
            yield _Candidate(more.start("item"), more.end("item"), 2, d)


def _titled(text: str, published: str | None, article: _Article):
    for m in _TITLE.finditer(text):
        kind = _type_kind(m["tw"]) or "chuong_trinh"
        title = (m["t1"] or m["t2"]).strip()
        d = Directive(start=m.start(), end=m.end(), text=m.group(0), kind=kind, title=title)
        yield _Candidate(m.start(), m.end(), 1, d, form="title")


def _unquoted(text: str, published: str | None, article: _Article):
    """Documents named by an unquoted subject after a capitalised type word (GUIDE.md §2 "by title only").

    - a known title: "Quy định xử lý kỷ luật đảng viên vi phạm" (kept, id null: no number is written);
    - a party issuer and a subject: "Nghị quyết của Tỉnh ủy về phát triển du lịch ..." (id null);
    - "Nghị quyết về <subject>" in mid-sentence, not a draft, not a state body's (id null);
    - "Quy chế <subject>" with a party subject: "Quy chế bổ nhiệm cán bộ và giới thiệu cán bộ ứng cử".
    """
    for m in _UNQUOTED.finditer(text):
        kind = _type_kind(m["tw"])
        subject = m["subject"]
        cut = _SUBJECT_END.search(subject)
        subject = subject[:cut.start()] if cut else subject
        if not m["tail"]:
            doc = _title_doc(subject, kind, published, prefix=True)
            if doc is not None:  # a known title; named by title only, so no id (eval/README.md)
                n = len(_words(doc.title))
                ends = [w.end() for w in re.finditer(r"\w+", subject) if w.group(0).lower() not in _TITLE_STOP]
                end = m.start("subject") + ends[n - 1]
                d = Directive(start=m.start(), end=end, text=text[m.start():end], kind=kind, title=doc.title)
                yield _Candidate(m.start(), end, 1, d)
                continue
        mid_sentence = re.search(r"[a-zà-ỹđ,]\s+$", text[max(0, m.start() - 3):m.start()])
        if _SUBJECT_STOP.match(" " + subject) or _PLURAL_BEFORE.search(text, max(0, m.start() - 20), m.start()):
            continue  # "Quy chế đến cán bộ" (no subject), "nhiều Nghị quyết về ..." (not one document)
        if m["tail"] and m["ve"]:
            if kind == "quyet_dinh":
                continue  # "Quyết định của Bộ Chính trị về công tác cán bộ": a personnel decision, unnamed
            # "Nghị quyết của Tỉnh ủy về ..."
        elif kind == "nghi_quyet" and m["ve"] and mid_sentence and not _draft_before(text, m.start()):
            if _STATE_BODY.match(text, m.start("subject") + len(subject)) or _STATE_IN.search(subject):
                continue  # "Nghị quyết về giải ngân vốn của Chính phủ"
        elif kind == "quy_che" and not m["ve"]:
            stop = _SUBJECT_STOP.search(subject)
            subject = subject[:stop.start()] if stop else subject
            at = m.start("subject") + len(subject)
            tail = re.match(rf"\s+của\s+(?:{_BODY})", text[at:at + 80])
            if not _PARTY_SUBJECT.search(subject) and not tail:
                continue
            if tail:
                subject += tail.group(0)
        else:
            continue
        subject = subject.rstrip(" -–")
        if not 3 <= len(_words(subject)) <= 30:
            continue
        end = m.start("subject") + len(subject)
        d = Directive(start=m.start(), end=end, text=text[m.start():end], kind=kind, title=subject,
                      issuer=re.sub(r"\s+", " ", m["body"]) if m["body"] else None)
        yield _Candidate(m.start(), end, 0, d, form="title")


def _glossed(text: str, published: str | None, article: _Article):
    """ "văn bản 181 (Quy định xử lý kỷ luật đảng viên vi phạm của Ban chấp hành TƯ)": a generic word and a
    number, the kind and subject in brackets; the number and the subject (or the issuer) give the id."""
    for m in _GLOSSED.finditer(text):
        kind = _type_kind(m["tw"])
        gloss = m["gloss"]
        d = Directive(start=m.start(), end=m.end(), text=m.group(0), kind=kind, number=m["num"], title=gloss.strip())
        doc = _subject_doc(gloss[len(m["tw"]):], kind, int(m["num"]), published)
        body = re.search(rf"\s+của\s+(?P<body>{_BODY})\s*$", gloss)
        code = _body_code(body["body"], article) if body else None
        if doc is not None:
            _fill_from_doc(d, doc)
        elif code:
            d.symbol = f"{_KIND_ABBR[kind]}/{code}"
            d.canonical_id, d.level = f"{_pad(m['num'])}-{d.symbol}", _level_of_code(code)
        yield _Candidate(m.start(), m.end(), 2, d, key=_key(kind, m["num"]), anchor=d.canonical_id is not None)


def _charter(text: str, published: str | None, article: _Article):
    for m in _CHARTER.finditer(text):
        d = Directive(start=m.start(), end=m.end(), text=m.group(0), kind="dieu_le", level="central",
                      issuer="Đại hội đại biểu toàn quốc", canonical_id="DIEU-LE-DANG")
        yield _Candidate(m.start(), m.end(), 1, d)


_FORMS = (_numbered, _short, _plenum, _congress, _titled, _unquoted, _glossed, _charter)


# --- article-level passes ------------------------------------------------------------------

def _title_after(text: str, c: _Candidate, published: str | None) -> None:
    """A quoted subject after a mention: keep it as the title; when it names a known document the
    mention's own reading leaves open (plenum without term, bare short form), take that document."""
    d = c.directive
    after = _AFTER_TITLE.match(text, c.end)
    if not after:
        subject = _AFTER_SUBJECT.match(text, c.end)
        if subject and c.key is not None and not c.anchor:
            doc = _subject_doc(subject["subject"], d.kind, c.key[1], published)
            if doc is not None:
                _fill_from_doc(d, doc)
                c.anchor = True
        return
    title = after["title"].strip()
    if c.term_inferred:
        doc = _title_doc(title, d.kind, published=None, plenum=d.plenum)
        if doc is not None:
            d.term = doc.term
            _plenum_id(d)
            if d.canonical_id != doc.id:
                d.canonical_id, d.number, d.symbol, d.issued, d.title = \
                    doc.id, doc.number, doc.symbol, doc.issued, doc.title
    elif c.key is not None and not c.anchor:
        doc = _subject_doc(title, d.kind, c.key[1], published)
        if doc is not None:
            _fill_from_doc(d, doc)
            c.anchor = True
    if d.title is None:
        d.title = title


def _resolve_in_article(kept: list[_Candidate], article: _Article) -> list[_Candidate]:
    """Bare "Kết luận số 24" takes the id of "Kết luận số 24-KL/TW" named elsewhere in the article."""
    anchors: dict[tuple[str, int], list[_Candidate]] = {}
    for c in kept:
        if c.anchor and c.key is not None:
            anchors.setdefault(c.key, []).append(c)
    starts = {key: [a.start for a in same] for key, same in anchors.items()}   # kept is in text order
    out = []
    for c in kept:
        if c.key is None or c.anchor:
            out.append(c)
            continue
        same = anchors.get(c.key)
        if same:
            before = bisect_left(starts[c.key], c.start)      # anchors that start before c
            a = same[before - 1] if before else same[0]
            d, src = c.directive, a.directive
            d.canonical_id, d.symbol, d.level = src.canonical_id, src.symbol, src.level
            d.issuer = src.issuer
            d.term, d.issued, d.title = src.term or d.term, src.issued or d.issued, src.title or d.title
            c.lent = True
            out.append(c)
        elif c.needs_support or article.is_state(c.key):
            continue  # "quyết định số 15" alone; "Nghị quyết 35" after "Nghị quyết 35 của Chính phủ"
        else:
            out.append(c)
    return out


def _state_document(c: _Candidate, text: str, article: _Article) -> str | None:
    """Why a mention whose party identity the text never makes explicit is a state document, or None.

    Only bare short forms ("Nghị quyết 19") and documents named by title alone are judged; a party symbol,
    a party issuer, or an explicit mention of the same document elsewhere in the article keeps a mention.
    The reasons, in order:

    - ``no-party-context``: no id and the article never speaks of the party ("Nghị quyết 148" in a report on
      port fees);
    - ``state-symbol``: the article writes the same kind and number with a state symbol ("Nghị quyết 19" beside
      "Nghị quyết 19-2017/NQ-CP"), or with a state issuer after another mention (``_Article.state_keys``);
    - ``state-issuer-after``: "Nghị quyết 35 về hỗ trợ và phát triển doanh nghiệp của Chính phủ"; with no id,
      also later in its clause ("Chỉ thị số 26, Công điện ngày 2/2/2017 của Thủ tướng");
    - ``state-author``: no id, and the sentence or the one before names a state body as the one that issues or
      orders ("Thủ tướng ... đã yêu cầu ... theo Chỉ thị số 26"), with no party word in them;
    - ``state-subject``: the subject after it ("về ...") is state business (fees, taxes, enterprise support,
      business climate, land clearance) with no party word near; a mention with no id is judged on its
      sentence and the one before;
    - ``state-approves``: a document named by title that a state body approves or issues ("Quyết định số
      77/QĐ-TTg ... phê duyệt Đề án “...”") or that names a state issuer after its title.
    """
    if c.anchor or c.lent or c.form not in ("short", "title"):
        return None
    d = c.directive
    if d.canonical_id is None and not article.party_context():
        return "no-party-context"
    if c.form == "title":
        if d.canonical_id is not None:
            return None
        before = _STATE_ISSUES_BEFORE.search(text, max(0, c.start - 100), c.start)
        if before and not _PARTY_WORD.search(before.group(0)) or _STATE_AFTER_TITLE.match(text, c.end):
            return "state-approves"
        return None
    if article.is_state(c.key):
        return "state-symbol"
    if _STATE_AFTER_SUBJECT.match(text, c.end):
        return "state-issuer-after"
    if d.canonical_id is None:
        later = _STATE_LATER_IN_CLAUSE.match(text, c.end)
        if later and not _PARTY_WORD.search(later.group(0)):
            return "state-issuer-after"
    lo, hi = article.near(c.start)
    if _PARTY_WORD.search(text, lo, hi):
        return None
    if d.canonical_id is None and _STATE_AUTHOR.search(text, lo, hi):
        return "state-author"
    subject = _AFTER_SUBJECT.match(text, c.end)
    if subject and _STATE_SUBJECT.search(subject["subject"]):
        return "state-subject"
    if d.canonical_id is None and _STATE_SUBJECT.search(text, lo, hi):
        return "state-subject"
    return None


def extract_directives(text: str, published: str | None = None) -> list[Directive]:
    """Named party documents in ``text`` (normalised), in text order.

    ``published`` (YYYY-MM-DD) decides a missing plenum term and which of two
    same-numbered central documents a short form means.

    >>> [d.canonical_id for d in extract_directives("thực hiện Chỉ thị 05 của Bộ Chính trị và Nghị quyết Trung ương 4", "2017-04-07")]
    ['05-CT/TW', '04-NQ/TW']
    >>> [d.canonical_id for d in extract_directives("Quy định số 01 ngày 3/3/2016 của Ban Thường vụ Tỉnh ủy ... Quy định 01")]
    ['01-QĐ/TU', '01-QĐ/TU']
    >>> extract_directives("các nghị quyết, chỉ thị của cấp trên")
    []
    """
    if not _TRIGGER.search(text):
        return []
    article = _Article(text, published)
    candidates = [c for form in _FORMS for c in form(text, published, article)]
    candidates.sort(key=lambda c: (-(c.end - c.start), -c.priority, c.start))
    kept: list[_Candidate] = []
    taken = SpanSet()
    for c in candidates:
        if taken.overlaps(c.start, c.end):
            continue
        kept.append(c)
        taken.add(c.start, c.end)
    kept.sort(key=lambda c: c.start)
    for c in kept:
        _title_after(text, c, published)
    kept = _resolve_in_article(kept, article)
    out = []
    for c in kept:
        if _state_document(c, text, article) is not None:
            continue
        out.append(c.directive)
        for term in c.more_terms:                 # "(Khóa XI, XII)": the same plenum of the next term too
            other = replace(c.directive, term=term, canonical_id=None, number=None, symbol=None, issued=None,
                            title=None)
            _plenum_id(other)
            out.append(other)
    return out

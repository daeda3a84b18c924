"""Named party documents ("directives") in running text, with offsets.

Forms found (GUIDE.md §2), each a pattern below:

- numbered: "Chỉ thị số 05-CT/TW", "Kế hoạch số 290-KH/TU", "Quyết định 453- QĐ/TU",
  "05-CT / TW", "số 05-CT/T.Ư" (kind from the symbol when no type word);
- short: "Chỉ thị 05 của Bộ Chính trị", "Nghị quyết số 03", "Quy định 213" (type word
  capitalised and required; resolved through the gazetteer, else canonical_id null);
- plenum: "Nghị quyết Trung ương 4 (khóa XII)", "Nghị quyết TW4", "NQ TƯ 4",
  "Nghị quyết Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XII",
  "Kết luận Trung ương 4 khóa XIII" (a missing term is inferred from ``published``);
- congress: "Nghị quyết Đại hội XII của Đảng" (national, ``NQDH-XII``),
  "Nghị quyết Đại hội Đảng bộ thành phố lần thứ X", "... nhiệm kỳ 2015-2020" (local, id null);
- title: Kế hoạch “Nâng cao chất lượng TCCSĐ ...”, Đề án “...” (id null);
- the Party Charter: "Điều lệ Đảng" (``DIEU-LE-DANG``).

Not directives: generic or unnamed references ("các nghị quyết, chỉ thị của cấp
trên", "quy định của Trung ương về nêu gương", "nghị quyết chuyên đề", "Nghị
quyết" alone): every pattern needs a number, a symbol, a plenum, a congress, a
quoted title or the Charter's name.

Span conventions (shared seeds-gold-example.json): a numbered form ends at its
symbol ("Chỉ thị số 05-CT/TW", not "... của Bộ Chính trị"); a short form takes
the issuing body written right after it ("Chỉ thị 05 của Bộ Chính trị"); a plenum
form takes its term, brackets included ("Nghị quyết Trung ương 4 (khóa XII)");
overlapping candidates: the longest wins, one record per mention.

Levels from the issuer suffix: ...TW central; ...TU provincial (province or
centrally-run city); HU, QU, ThU, TXU district (district, urban district, city or
town under a province); ĐU grassroots (đảng ủy of a commune, ward or enterprise:
the commonest use in local news, although an ĐU can sit higher).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import gazetteer
from .types import Directive

__all__ = ["extract_directives"]

# --- vocabulary -------------------------------------------------------------------

_TYPE_WORDS = {
    "nghị quyết liên tịch": "nghi_quyet", "nghị quyết": "nghi_quyet", "chỉ thị": "chi_thi",
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
_ABBR_SPELLINGS = {"QD": "QĐ", "QDi": "QĐi", "Ctr": "CTr", "DA": "ĐA"}
# Short forms: the type word must open the name, capitalised.
_SHORT_TYPES = ["Nghị quyết", "Chỉ thị", "Quyết định", "Quy định", "Kết luận", "Kế hoạch", "Hướng dẫn",
                "Thông tri", "Đề án"]
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
_CENTRAL_CITIES = ("hồ chí minh", "hcm", "tphcm", "hà nội", "hải phòng", "đà nẵng", "cần thơ", "huế")


def _case_variants(words: list[str], upper: bool = True) -> str:
    """ "Chỉ thị" -> "Chỉ thị|Chỉ Thị|CHỈ THỊ" (sentence, title and, if ``upper``, upper case)."""
    out: list[str] = []
    for w in sorted(words, key=len, reverse=True):
        for v in (w, w.title(), w.upper()) if upper else (w, w.title()):
            if v not in out:
                out.append(v)
    return "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in out)


def _ci(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


# upper-case Latin letters (Vietnamese capitals included), for proper names
_UP = "".join(sorted({chr(c) for c in range(0x41, 0x1EFA) if chr(c).isupper() and chr(c).isalpha()
                      and (c < 0x250 or c >= 0x1E00)})).replace("-", "")
_KHOA = r"(?:khóa|khoá|KHÓA|KHOÁ|Khóa|Khoá)"
_ROMAN = r"[IVXL]{1,6}"
_TERM = (rf"(?P<term_all>\s*(?:(?P<open>\()\s*|[,–-]\s*)?{_KHOA}\s+(?P<term>{_ROMAN}|\d{{1,2}})(?![\w])"
         r"(?(open)\s*\)))")
_CENTRAL = (r"(?:(?i:Ban\s+Chấp\s+hành\s+Trung\s+ương(?:\s+Đảng)?)|BCH\s*T[WƯ](?:\s+Đảng)?|BCHTW"
            r"|(?i:Trung\s+ương)(?:\s+Đảng)?|T\.\s?Ư|T\.\s?W|TƯ|TW)")
_ORD_WORD = _ci(_ORDINALS)
_ORD = rf"(?:\d{{1,2}}(?!\d)|(?:{_ORD_WORD})(?![\w])(?!\s*\d))"

# numbered: [type word] [số] 05-CT/TW
_NUMBERED = re.compile(
    rf"(?:(?P<tw>(?i:{_ci(_TYPE_WORDS)}))(?:\s+(?i:hành\s+động|liên\s+tịch|phối\s+hợp))?\s+)?"
    r"(?:(?P<so>[Ss]ố|SỐ)\s*)?"
    r"(?<![\w/.,–-])(?P<num>\d{1,4})\s*[-–]\s*"
    r"(?P<abbr>NQLT|NQ|CTr|Ctr|CT|QĐi|QDi|QĐ|QD|KL|KH|HDLT|HD|TB|TTr|TT|ĐA|QC|BC|CV)\s*/\s*"
    r"(?P<iss>T\.\s?Ư|T\.\s?W|[A-ZĐ][A-ZĐƯưa-z]{0,9})(?![\w])"
)
# short: Chỉ thị 05 [của Bộ Chính trị]
_BODY = (r"(?i:Bộ\s+Chính\s+trị|Ban\s+Bí\s+thư|Ban\s+Chấp\s+hành\s+Trung\s+ương(?:\s+Đảng)?|BCH\s*T[WƯ]|Trung\s+ương)"
         r"|TW|TƯ|T\.Ư"
         r"|(?:Ban\s+Thường\s+vụ\s+|BTV\s+)?(?:Tỉnh|Thành|Huyện|Quận|Thị|Đảng)\s+ủy(?:\s+[" + _UP + r"][\w]*)*")
_STATE_BODY = re.compile(
    r"\s+(?:của\s+)?(?:Thủ\s+tướng|Chính\s+phủ|Quốc\s+hội|UBND|HĐND|Ủy\s+ban\s+nhân\s+dân|Hội\s+đồng\s+nhân\s+dân"
    r"|Ủy\s+ban\s+Thường\s+vụ\s+Quốc\s+hội|Bộ\s+(?!Chính\s+trị)[" + _UP + r"]|Tòa\s+án|Viện\s+kiểm\s+sát)"
)
# a state body just before a short form: "Thủ tướng ban hành Quyết định số 153"
_STATE_BEFORE = re.compile(
    r"(?:Thủ\s+tướng|Chính\s+phủ|Quốc\s+hội|UBND|HĐND|Ủy\s+ban\s+nhân\s+dân|Hội\s+đồng\s+nhân\s+dân|Bộ\s+trưởng"
    r"|Bộ\s+(?!Chính\s+trị)[" + _UP + r"])[^.;:\n]{0,40}$"
)
_SHORT = re.compile(
    rf"(?<![\w])(?P<tw>{_case_variants(_SHORT_TYPES, upper=False)})\s+(?:(?:số|Số)\s+)?"
    r"(?!(?:19[4-9]|20[0-3])\d(?!\d))(?P<num>\d{1,4})"  # "Kế hoạch 2017" is a year
    r"(?![\d\w]|\s*[-–/]\s*[\dA-ZĐ]|[.,]\d|\s*/|\s*%)"
    r"(?!\s+(?:ngày(?!\s+\d)|tháng|tuần|giờ|phút|người|tỷ|tỉ|triệu|nghìn|ngàn|ha|km|m|tấn|đồng|USD|hộ|lần|điểm|xã|huyện)(?![\w]))"
    r"(?!\s+năm(?!\s+\d{4}))"
    rf"(?P<tail>\s+của\s+(?P<body>{_BODY}))?"
)
# plenum: Nghị quyết [Hội nghị] Trung ương 4 [(khóa XII)] | Nghị quyết Hội nghị lần thứ tư BCH TW Đảng khóa XII
_PLENUM = re.compile(
    r"(?<![\w])(?P<tw>(?i:nghị\s+quyết|kết\s+luận)|NQ|KL)\s+(?:(?:của\s+)?(?i:hội\s+nghị)\s+)?"
    rf"(?:(?i:lần\s+thứ)\s+(?P<o1>{_ORD})\s+(?:của\s+)?{_CENTRAL}"
    rf"|{_CENTRAL}\s*(?:(?:(?i:lần\s+)?thứ\s+)(?P<o2>{_ORD})|(?P<o3>\d{{1,2}})(?!\d)))"
    rf"(?:{_TERM})?"
)
_CONGRESS_NATIONAL = re.compile(
    r"(?<![\w])(?P<tw>(?i:nghị\s+quyết))\s+(?:của\s+)?(?i:đại\s+hội)\s+(?:(?i:đại\s+biểu)\s+)?"
    r"(?:(?:(?i:toàn\s+quốc)|Đảng(?:\s+toàn\s+quốc)?)\s+)?(?:(?i:lần\s+thứ)\s+)?"
    rf"(?P<num>{_ROMAN}|1[0-4]|[6-9])(?![\w])"
    r"(?P<tail>\s*(?:\(\s*)?(?:của\s+Đảng(?:\s+Cộng\s+sản\s+Việt\s+Nam)?|Đảng\s+Cộng\s+sản\s+Việt\s+Nam)(?!\s*bộ)"
    r"(?:\s*\))?)?"
)
_PLACE_WORD = rf"[{_UP}][\w]*\.?"
_CONGRESS_LOCAL = re.compile(
    r"(?<![\w])(?P<tw>(?i:nghị\s+quyết))\s+(?:của\s+)?(?i:đại\s+hội)\s+(?:(?i:đại\s+biểu)\s+)?"
    rf"(?:(?:(?i:lần\s+thứ)\s+)?(?P<r1>{_ROMAN})\s+(?:của\s+)?)?"
    r"(?i:đảng\s+bộ)"
    r"(?:\s+(?P<unit>(?i:tỉnh|thành\s+phố|huyện|quận|thị\s+xã|thị\s+trấn|xã|phường|khối|cơ\s+sở)|TP\.?|Tp\.?)"
    rf"(?:\s*(?P<name>{_PLACE_WORD}(?:\s+{_PLACE_WORD}){{0,4}}))?)?"
    rf"(?:\s*,?\s*(?i:lần\s+thứ)\s+(?P<r2>{_ROMAN}|\d{{1,2}})(?![\w]))?"
    r"(?:\s*[,(]?\s*(?i:nhiệm\s+kỳ)\s+(?P<y1>\d{4})\s*[-–]\s*(?P<y2>\d{4})(?:\s*\))?)?"
)
_TITLE = re.compile(
    rf"(?<![\w])(?P<tw>{_case_variants(_TITLE_TYPES)})\s*:?\s*"
    rf"(?:“(?P<t1>[{_UP}\d](?:[^“”\n]|“[^“”\n]*”){{2,250}})”|\"(?P<t2>[{_UP}\d][^\"\n]{{2,250}})\")"
)
_CHARTER = re.compile(r"(?<![\w])(?i:điều\s+lệ\s+đảng)(?:\s+Cộng\s+sản\s+Việt\s+Nam)?(?!\s*(?i:bộ))(?![\w])")

# context after a mention (not part of its span): "(khóa XII)", "về “...”"
_AFTER_TERM = re.compile(rf"\s*[(,]?\s*{_KHOA}\s+(?P<term>{_ROMAN}|\d{{1,2}})(?![\w])")
_AFTER_TITLE = re.compile(
    r"\s*(?:\([^()\n]{0,40}\)\s*)?,?\s*(?:ngày\s+[\d/.-]{6,10}\s*)?(?:của\s+[^,“”\"\n]{0,60}?\s+)?"
    r"về\s+(?:việc\s+)?[“\"](?P<title>[^“”\"\n]{3,250})[”\"]"
)
_AFTER_DATE = re.compile(r"\s*,?\s*(?:ban\s+hành\s+)?ngày\s+(?P<d>\d{1,2})\s*[-/.]\s*(?P<m>\d{1,2})\s*[-/.]\s*(?P<y>(?:19|20)\d\d)(?!\d)")
# cheap pre-filter: no type word, no symbol, no charter -> no directive
_TRIGGER = re.compile(
    r"(?i:nghị\s+quyết|chỉ\s+thị|quy(?:ết)?\s+định|kết\s+luận|kế\s+hoạch|hướng\s+dẫn|thông\s+(?:báo|tri)|đề\s+án"
    r"|chương\s+trình|quy\s+chế|điều\s+lệ|chuyên\s+đề)|NQ|KL|\d\s*[-–]\s*[A-ZĐ]{1,4}[a-z]?\s*/"
)


@dataclass
class _Candidate:
    start: int
    end: int
    priority: int
    directive: Directive


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


def _level_of_code(code: str) -> str | None:
    if code.endswith("TW"):
        return "central"
    if code.endswith("TU"):
        return "provincial"
    if code in ("HU", "QU", "ThU", "TXU") or code.endswith(("HU", "QU", "ThU", "TXU")):
        return "district"
    if code == "ĐU":
        return "grassroots"
    return None


def _level_of_body(body: str) -> str | None:
    b = re.sub(r"\s+", " ", body)
    if b in ("Bộ Chính trị", "Ban Bí thư", "Trung ương") or b.startswith(("Ban Chấp hành Trung ương", "BCH")):
        return "central"
    low = b.lower()
    if "tỉnh ủy" in low:
        return "provincial"
    if "thành ủy" in low:
        return "provincial" if any(c in low for c in _CENTRAL_CITIES) else None
    if "huyện ủy" in low or "quận ủy" in low or "thị ủy" in low:
        return "district"
    if "đảng ủy" in low:
        return "grassroots"
    return None


def _pad(number: str) -> str:
    n = number.lstrip("0") or "0"
    return n.zfill(2)


def _fill_from(d: Directive, doc: gazetteer.CentralDocument | None) -> None:
    if doc is None:
        return
    d.canonical_id = doc.id
    d.issued = d.issued or doc.issued
    d.title = d.title or doc.title
    d.term = d.term or doc.term
    d.plenum = d.plenum or doc.plenum
    if d.issuer is None:
        d.issuer = doc.issuer
    d.level = d.level or "central"


# --- one function per form --------------------------------------------------------------

def _numbered(text: str, published: str | None):
    for m in _NUMBERED.finditer(text):
        abbr = _ABBR_SPELLINGS.get(m["abbr"], m["abbr"])
        code = _issuer_code(m["iss"])
        kind = _ABBR_KIND[abbr]
        typed = _type_kind(m["tw"])
        if typed and abbr == "QĐ" and typed in ("quy_dinh", "quyet_dinh"):
            kind = typed
        symbol = f"{abbr}/{code}"
        cid = f"{_pad(m['num'])}-{symbol}"
        after = _AFTER_TERM.match(text, m.end())
        term = _term_value(after["term"]) if after else None
        d = Directive(start=m.start(), end=m.end(), text=m.group(0), kind=kind, number=m["num"], symbol=symbol,
                      issuer=code, level=_level_of_code(code), term=term, canonical_id=cid)
        dated = _AFTER_DATE.match(text, m.end())
        if dated and 1 <= int(dated["m"]) <= 12 and 1 <= int(dated["d"]) <= 31:
            d.issued = f"{dated['y']}-{int(dated['m']):02d}-{int(dated['d']):02d}"
        if d.level == "central":
            doc = gazetteer.lookup_id(cid, d.issued or published, term)
            if doc is not None and d.issued and doc.issued and d.issued[:4] != doc.issued[:4]:
                doc = None  # same number, another document (numbers restart every term)
            if doc is not None:
                if abbr == "QĐ" and not typed:
                    d.kind = doc.kind
                d.issued, d.title, d.plenum = d.issued or doc.issued, doc.title, doc.plenum
                d.term = d.term or doc.term
        yield _Candidate(m.start(), m.end(), 3 if m["tw"] else 2, d)


def _short(text: str, published: str | None):
    for m in _SHORT.finditer(text):
        if _STATE_BODY.match(text, m.end("num")) or _STATE_BEFORE.search(text, max(0, m.start() - 50), m.start()):
            continue  # a state document ("Chỉ thị 16 của Thủ tướng"), not a party one
        kind = _type_kind(m["tw"])
        body = re.sub(r"\s+", " ", m["body"]) if m["body"] else None
        d = Directive(start=m.start(), end=m.end(), text=m.group(0), kind=kind, number=m["num"], issuer=body,
                      level=_level_of_body(body) if body else None)
        if d.level in (None, "central"):
            doc = gazetteer.lookup_short(kind, m["num"], published)
            _fill_from(d, doc)
            if doc is not None:
                d.symbol = doc.symbol
        yield _Candidate(m.start(), m.end(), 1, d)


def _plenum(text: str, published: str | None):
    for m in _PLENUM.finditer(text):
        plenum = _ordinal(m["o1"] or m["o2"] or m["o3"])
        if plenum is None or not 1 <= plenum <= 20:
            continue
        kind = "ket_luan" if m["tw"].lower().startswith(("k", "kl")) else "nghi_quyet"
        term = _term_value(m["term"])
        end = m.end() if term else (m.start("term_all") if m["term_all"] is not None else m.end())
        if term is None:
            term = gazetteer.infer_term(published, plenum)
        d = Directive(start=m.start(), end=end, text=text[m.start():end], kind=kind, issuer="Ban Chấp hành Trung ương",
                      level="central", plenum=plenum, term=term)
        if term:
            doc = gazetteer.lookup_plenum(kind, plenum, term)
            d.canonical_id = doc.id if doc else f"{'KL' if kind == 'ket_luan' else 'NQ'}TW{plenum}-{term}"
            if doc is not None:
                d.number, d.symbol, d.issued, d.title = doc.number, doc.symbol, doc.issued, doc.title
        yield _Candidate(m.start(), end, 2, d)


def _congress(text: str, published: str | None):
    for m in _CONGRESS_NATIONAL.finditer(text):
        num = int(m["num"]) if m["num"].isdigit() else gazetteer.from_roman(m["num"])
        if num is None or num > 14 or re.match(r"\s*(?:của\s+)?(?i:đảng\s+bộ)", text[m.end("num"):]):
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
        unit = re.sub(r"\s+", " ", m["unit"].lower()).rstrip(".") if m["unit"] else None
        name = (m["name"] or "").lower()
        if unit in ("thành phố", "tp"):
            level = "provincial" if any(c in name for c in _CENTRAL_CITIES) else None
        else:
            level = _LEVEL_LOCAL_UNIT.get(unit) if unit else None
        d = Directive(start=m.start(), end=m.end(), text=m.group(0), kind="nghi_quyet", level=level,
                      congress=_term_value(congress) if congress else None, issuer="Đại hội Đảng bộ")
        yield _Candidate(m.start(), m.end(), 2, d)


def _titled(text: str, published: str | None):
    for m in _TITLE.finditer(text):
        kind = _type_kind(m["tw"]) or "chuong_trinh"
        title = (m["t1"] or m["t2"]).strip()
        d = Directive(start=m.start(), end=m.end(), text=m.group(0), kind=kind, title=title)
        yield _Candidate(m.start(), m.end(), 1, d)


def _charter(text: str, published: str | None):
    for m in _CHARTER.finditer(text):
        d = Directive(start=m.start(), end=m.end(), text=m.group(0), kind="dieu_le", level="central",
                      issuer="Đại hội đại biểu toàn quốc", canonical_id="DIEU-LE-DANG")
        yield _Candidate(m.start(), m.end(), 1, d)


_FORMS = (_numbered, _short, _plenum, _congress, _titled, _charter)


def extract_directives(text: str, published: str | None = None) -> list[Directive]:
    """Named party documents in ``text`` (normalised), in text order.

    ``published`` (YYYY-MM-DD) decides a missing plenum term and which of two
    same-numbered central documents a short form means.

    >>> [d.canonical_id for d in extract_directives("thực hiện Chỉ thị 05 của Bộ Chính trị và Nghị quyết Trung ương 4", "2017-04-07")]
    ['05-CT/TW', '04-NQ/TW']
    >>> extract_directives("các nghị quyết, chỉ thị của cấp trên")
    []
    """
    if not _TRIGGER.search(text):
        return []
    candidates = [c for form in _FORMS for c in form(text, published)]
    candidates.sort(key=lambda c: (-(c.end - c.start), -c.priority, c.start))
    kept: list[_Candidate] = []
    taken: list[tuple[int, int]] = []
    for c in candidates:
        if any(c.start < e and s < c.end for s, e in taken):
            continue
        kept.append(c)
        taken.append((c.start, c.end))
    kept.sort(key=lambda c: c.start)
    out = []
    for c in kept:
        d = c.directive
        if d.title is None:
            after = _AFTER_TITLE.match(text, c.end)
            if after:
                d.title = after["title"].strip()
        out.append(d)
    return out

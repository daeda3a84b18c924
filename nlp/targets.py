"""Targets (stated goals) and the kind of every figure: target, achieved or other (GUIDE §4).

A figure's kind comes from the language around it in its sentence, in this order:

1. durations, ages and goal counts ("90 năm", "7 chỉ tiêu") are ``other``; a
   figure listed right after another ("kiểm tra 796 tổ chức đảng, 1.256 đảng
   viên", "359 trường hợp (10,6%)") takes the kind of the one before;
2. a year after the article's ("Năm 2019 … đạt 30%" written in 2017) makes a target;
3. the nearest cue before the figure: goal cues (phấn đấu, chỉ tiêu, mục tiêu,
   đề ra, dự kiến, sẽ, "đến năm YYYY" ahead of the article …; phải, bảo đảm,
   tối thiểu only close by) make a target; result cues (đã, được, đạt,
   kết quả, xuống còn, "vượt chỉ tiêu") and past time frames ("Năm 2016,"
   before the article's year, "trong nhiệm kỳ qua", "6 tháng đầu năm",
   "tính đến", "sau một năm thực hiện") make it achieved; "tăng/giảm/đạt N"
   follow the goal before them, else they report a result; rules and
   hypotheticals ("Bộ Chính trị quy định …", "nếu …") make it other;
4. a stock or description right before the figure ("có 3.381 đảng viên",
   "gồm 24 chi bộ", "với 120 hộ", "là 1.914 đồng chí", "trị giá", "giải A: …")
   or a place ("tại 2 dự án", "ở 2 xã", "một trong 19 điều") is ``other``,
   unless a goal cue or a result frame governs it ("phấn đấu có 75%",
   "đã có 1.149 trường hợp", "Năm 2016, toàn xã có 24 em"); "tổng số … là/có N"
   stays a stock;
5. with no cue, the object of a reported action ("thi hành kỷ luật 13 đảng
   viên", "tặng 50 bộ máy vi tính") is achieved; a figure that opens its clause
   is achieved only when the clause reports it happened ("7 cán bộ bị kỷ luật",
   "Năm đơn vị được chọn"), else other ("Có 110 thanh niên … sẽ được").
   Habitual "hằng năm" alone is a recurrence, not a goal.

A target runs from its first cue (or the deadline phrase before it) to the end
of its figure: "đến năm 2020 Đà Lạt phấn đấu có 75% chi bộ". A later target
figure in the same clause that only qualifies it ("… thôn có từ 9 đảng viên
chính thức trở lên") is linked to the same target. "chưa đạt mục tiêu đề ra"
is a target with no number.

>>> from nlp.figures import extract_figures
>>> text = "Thành ủy phấn đấu hàng năm kết nạp 200 đảng viên mới."
>>> figures = extract_figures(text)
>>> [(t.text, t.value, t.recurrence) for t in extract_targets(text, figures)], figures[0].kind
([('phấn đấu hàng năm kết nạp 200 đảng viên mới', 200.0, 'annual')], 'target')
"""
from __future__ import annotations

import re

from .sentences import sentence_spans
from .types import Figure, Target

_B = r"(?<![\wđĐ])"      # word start
_E = r"(?![\wđĐ])"       # word end
_TARGET_CUE = re.compile(
    _B + r"(?:phấn đấu|(?<!\d )(?<!so với )(?:chỉ tiêu|mục tiêu(?! quốc gia))|đề ra|đặt ra|đến cuối nhiệm kỳ|"
    r"cuối nhiệm kỳ|nỗ lực|quyết tâm|muốn|(?:để|nhằm)(?= (?:đạt|hoàn thành))|"
    r"(?<!tính )(?:đến|tới) (?:(?:hết |cuối )?năm )?((?:19|20)\d{2})|dự kiến|kế hoạch đề ra|"
    r"(sẽ|phải(?= (?:có|đạt|bảo đảm|đảm bảo|ít nhất|tối thiểu|từ|trên|hơn|\d))|bảo đảm|đảm bảo|tối thiểu))"
    + _E, re.IGNORECASE)
# Weak cues (group 2 above: "sẽ", "phải có/đạt …", "bảo đảm", "tối thiểu") make a goal only close to the
# figure, in the same clause: "sẽ thực hiện một số dự án lớn như … rộng khoảng 4-5ha" is not a target,
# nor is "phải thi hành kỷ luật chín đảng viên" (an obligation to act, not a quantity to reach).
_WEAK_REACH = 25
# Figures that count goals themselves ("có 7 chỉ tiêu") are not goals.
_GOAL_UNITS = {"chỉ tiêu", "mục tiêu", "nhiệm vụ", "giải pháp", "khâu"}
# Result cues; group 1 ("đạt", "tăng", "giảm" N) follows a goal before it ("phấn đấu đạt 95%").
_ACHIEVED_CUE = re.compile(
    _B + r"(?:((?:đạt|vượt|hoàn thành)(?: \S+){0,2}? (?:chỉ tiêu|mục tiêu|kế hoạch)|đạt|tăng(?! cường)|giảm)|đã|"
    r"(?<!phải )(?<!cần )(?<!sẽ )(?<!bảo đảm )(?<!đạt )được(?! giao| đề ra| đặt ra)|xuống còn|giảm còn|"
    r"tăng lên|lên tới|lên đến)" + _E, re.IGNORECASE)
# Past time frames and result frames: they govern the rest of the sentence, stocks included.
_FRAME = re.compile(
    _B + r"(?:kết quả|tính đến|cùng kỳ|cùng kì|(?:trong )?(?:năm|nhiệm kỳ|thời gian|tháng|quý|tuần) (?:qua|vừa qua)|vừa qua|"
    r"(?:\d+|sáu|chín) tháng đầu năm|từ đầu năm|(?:qua|sau) (?:\S+ ){1,3}(?:thực hiện|triển khai)|"
    r"(?:[Nn]ăm|trong năm) ((?:19|20)\d{2})(?!\s*[-–—]\s*\d)(?!\d))" + _E, re.IGNORECASE)
# Rules and hypotheticals: "Bộ Chính trị quy định kiểm tra …", "nếu …", "chỉ cần … thì".
_OTHER_CUE = re.compile(_B + r"(?:(?<!theo )(?<!đúng )(?-i:quy định)(?!\s*(?:số|\d))|nếu|giả sử|chỉ cần|có thể)" + _E,
                        re.IGNORECASE)
# Right before a figure: a stock or description ("có", "gồm", "là") or a place ("tại", "ở").
_STOCK_BEFORE = re.compile(
    _B + r"(?:(đã|đều|hiện|còn|chỉ|cũng|vẫn)\s+)?(có|là|gồm|bao gồm|(?<!đối )với|trị giá)\s*:?\s*$"
    r"|[\wđĐ]\s*:\s*$", re.IGNORECASE)
_PLACE_BEFORE = re.compile(_B + r"(?:tại|ở|trong|một trong|trong số|thuộc)\s*$", re.IGNORECASE)
# Measures of a thing right before a figure are descriptions: "có diện tích 599.066 ha", "ở mức 6-7%".
_MEASURE_BEFORE = re.compile(
    _B + r"(?:diện tích(?: tự nhiên)?|dân số|quy mô|tổng vốn(?: đầu tư)?|vốn đầu tư|tốc độ(?: thiết kế)?|mức|"
    r"công suất|chiều dài|trị giá|giá trị|lãi suất)\s*(?:là\s*)?$", re.IGNORECASE)
# Reported actions whose object is a result: "thi hành kỷ luật 13 đảng viên", "tặng 50 bộ máy vi tính".
_EVENT_VERB = re.compile(_B + r"(?:" + "|".join([
    r"kết nạp", r"kiểm tra", r"giám sát", r"kỷ luật", r"kỉ luật", r"xử lý", r"xử lí", r"khai trừ", r"khiển trách",
    r"cảnh cáo", r"cách chức", r"xóa tên", r"xoá tên", r"ra khỏi Đảng", r"rà soát", r"sàng lọc", r"tổ chức",
    r"mở", r"thành lập", r"tặng", r"trao", r"nhận", r"hỗ trợ", r"giúp đỡ", r"bàn giao", r"phát hiện",
    r"giải quyết", r"tiếp nhận", r"bổ nhiệm", r"bầu", r"bỏ phiếu", r"giới thiệu", r"đào tạo", r"bồi dưỡng",
    r"tập huấn", r"vận động", r"quyên góp", r"ủng hộ", r"khen thưởng", r"biểu dương", r"công nhận",
    r"giáo dục", r"sắp xếp", r"tinh giản", r"cắt giảm", r"chiếm đoạt", r"chiếm giữ", r"lừa", r"cuỗm",
    r"phạt", r"bắt giữ", r"khởi tố", r"truy tố", r"tuyên phạt", r"chỉ đạo", r"tham dự", r"tham gia",
    r"kết luận", r"đề nghị", r"gửi", r"thu hồi", r"xây mới", r"xây", r"sửa chữa", r"đón", r"thăm",
]) + r")" + _E, re.IGNORECASE)
_RESULT_AFTER = re.compile(r"[^,;:.()]{0,40}?" + _B + r"(?:đạt|đã|được|hoàn thành)" + _E, re.IGNORECASE)
_TOTAL = re.compile(_B + r"tổng số" + _E, re.IGNORECASE)
# A figure listed after another with nothing but a joiner between takes its kind.
_LISTED = re.compile(r"\s*(?:,|;|và|hoặc|,\s*và)?\s*(?:\(\s*(?:năm\s+\d{4}\s+là\s+|[^\W\d][^()\d;]{0,25}?\s)?)?",
                     re.IGNORECASE)
# "…, trong đó có 98 trường hợp": a part of what the sentence counted before.
_SUBSET_BEFORE = re.compile(_B + r"trong đó,?\s*(?:có\s*)?$", re.IGNORECASE)
_HAPPENED_AFTER = re.compile(r"[^;:.]{0,80}?" + _B + r"(sẽ|bị|được|đã)" + _E, re.IGNORECASE)
_DEADLINE = re.compile(
    r"(?:đến|tới|trước|vào)\s+(?:hết\s+|cuối\s+)?(?:năm\s+)?(?:(?:19|20)\d{2}\s*[-–—]\s*)?((?:19|20)\d{2})(?!\d)"
    r"|(?:giai đoạn|nhiệm kỳ)\s+(?:19|20)\d{2}\s*[-–—]\s*((?:19|20)\d{2})(?!\d)"
    r"|(đến cuối nhiệm kỳ|cuối nhiệm kỳ|hết nhiệm kỳ)(?:\s+(?:19|20)\d{2}\s*[-–—]\s*((?:19|20)\d{2})(?!\d))?",
    re.IGNORECASE)
_THIS_YEAR = re.compile(_B + r"(?:năm nay|cả năm|cuối năm|trong năm)" + _E, re.IGNORECASE)
# A goal cue and, in the same clause, a deadline year: "phấn đấu đến năm 2018 đường vành đai … thông suốt".
_DATED_GOAL = re.compile(_B + r"(?:phấn đấu|mục tiêu(?! quốc gia))[^,;.]{0,80}?" + _B
                         + r"(?:đến|tới|vào|trước|trong)?\s*năm\s+((?:19|20)\d{2})(?!\d)(?!\s*[-–—]\s*\d)",
                         re.IGNORECASE)
_TERM = re.compile(r"nhiệm kỳ\s+(?:19|20)\d{2}\s*[-–—]\s*((?:19|20)\d{2})(?!\d)", re.IGNORECASE)
_RECURRENCE = re.compile(r"(?<![\wđ])(?:hàng năm|hằng năm|mỗi năm|/\s*năm)(?![\wđ])", re.IGNORECASE)
_UNMET = re.compile(
    r"(?<![\wđĐ])(?:(?:chưa|không)\s+)?(?:đạt|hoàn thành|vượt)\s+(?:(?:các|những|toàn bộ)\s+)?"
    r"(?:mục tiêu|chỉ tiêu)(?:\s+\S+){0,3}?\s+(?:đề ra|đặt ra|được giao)(?![\wđ])", re.IGNORECASE)
_TIME_UNITS = {"năm", "tháng", "ngày", "tuần", "giờ", "phút", "tuổi"}


def extract_targets(text: str, figures: list[Figure], published: str | None = None) -> list[Target]:
    """Targets in ``text``; sets ``kind`` on every figure (the same objects are mutated).

    ``published`` (YYYY-MM-DD) tells past years (results) from future ones (goals)
    and the end of the current term for "đến cuối nhiệm kỳ".

    >>> from nlp.figures import extract_figures
    >>> text = "Đến năm 2020 phấn đấu có 75% chi bộ đạt trong sạch, vững mạnh."
    >>> [(t.value, t.deadline_year) for t in extract_targets(text, extract_figures(text))]
    [(75.0, 2020)]
    """
    pub_year = _year(published)
    targets: list[Target] = []
    order = sorted(range(len(figures)), key=lambda i: figures[i].start)
    k = 0
    for ss, se in sentence_spans(text):
        in_sentence = []
        while k < len(order) and figures[order[k]].start < se:
            if figures[order[k]].start >= ss:
                in_sentence.append(order[k])
            k += 1
        if not in_sentence:
            targets.extend(_numberless(text, ss, se, figures, in_sentence, pub_year))
            continue
        sentence = text[ss:se]
        cues = _cues(sentence, ss, pub_year)
        prev = None
        for i in in_sentence:
            figures[i].kind = _kind(text, ss, figures[i], prev, cues, pub_year)
            prev = figures[i]
        targets.extend(_sentence_targets(text, ss, se, figures, in_sentence, cues, pub_year))
        targets.extend(_numberless(text, ss, se, figures, in_sentence, pub_year))
    targets.sort(key=lambda t: t.start)
    return targets


def _year(published: str | None) -> int | None:
    if published and re.match(r"\d{4}", published):
        return int(published[:4])
    return None


def _cues(sentence: str, ss: int, pub_year: int | None) -> list[tuple[int, int, str]]:
    """(start, end, kind) of every cue in the sentence, document offsets, ordered by start.

    kind: target, weak (a goal only close by), reach (follows the goal before it),
    achieved, frame (a past or result frame), rule (a rule or hypothetical: other).
    "đến năm YYYY" is a goal only when YYYY is not before the article's year."""
    found = [(ss + m.start(), ss + m.end(), "reach" if m.group(1) else "achieved")
             for m in _ACHIEVED_CUE.finditer(sentence)]
    achieved_spans = [(a, b) for a, b, _ in found]
    for m in _TARGET_CUE.finditer(sentence):
        a, b = ss + m.start(), ss + m.end()
        if any(x <= a and b <= y for x, y in achieved_spans):       # "vượt chỉ tiêu" is a result
            continue
        past = m.group(1) and pub_year and int(m.group(1)) < pub_year
        found.append((a, b, "frame" if past else ("weak" if m.group(2) else "target")))
    for m in _FRAME.finditer(sentence):
        if m.group(1) and pub_year and int(m.group(1)) >= pub_year:
            continue                                                 # "năm 2017" in 2017: no frame
        found.append((ss + m.start(), ss + m.end(), "frame"))
    found += [(ss + m.start(), ss + m.end(), "rule") for m in _OTHER_CUE.finditer(sentence)]
    return sorted(found)


def _kind(text: str, ss: int, figure: Figure, prev: Figure | None, cues: list[tuple[int, int, str]],
          pub_year: int | None) -> str:
    """achieved, target or other for one figure (rules in the module docstring)."""
    if figure.unit in _TIME_UNITS:
        return "other"
    left = text[max(ss, figure.start - 30):figure.start]
    if prev is not None and prev.kind and (_LISTED.fullmatch(text, prev.end, figure.start)
                                           or _SUBSET_BEFORE.search(left)):
        return prev.kind
    if figure.year and pub_year and figure.year > pub_year:
        return "target"
    nearest, frame, clause_result = None, False, False
    clause_from = _clause_break(text, ss, figure.start)
    for a, b, kind in cues:
        if b > figure.start:
            break
        if text.rfind("(", ss, a) > text.rfind(")", ss, a) and text.find(")", b, figure.start) >= 0:
            continue                              # "(vượt 1,43% so với mục tiêu … đề ra); còn 257 xã"
        if kind == "rule":
            if ";" in text[b:figure.start]:
                continue                          # a rule or hypothetical reaches to the next ";"
            kind = "other"
        if kind == "weak":
            gap = text[b:figure.start]
            if len(gap) > _WEAK_REACH or any(c in gap for c in ",;:"):
                continue
            kind = "target"
        if kind == "reach":
            kind = "target" if nearest == "target" else "achieved"
        if kind == "frame":
            frame = True
            kind = "achieved"
        if kind == "achieved" and a >= clause_from:
            clause_result = True
        nearest = kind
    if figure.unit in _GOAL_UNITS:                 # "có 7 chỉ tiêu"; but "đạt và vượt 21/22 chỉ tiêu"
        return "achieved" if clause_result and nearest == "achieved" else "other"
    if _PLACE_BEFORE.search(left) or _MEASURE_BEFORE.search(left):
        return "target" if nearest == "target" else "other"
    stock = _STOCK_BEFORE.search(left)
    if stock:
        if stock.group(1) and stock.group(1).lower() == "đã":
            return "achieved"                     # "đã có 1.149 trường hợp"
        if nearest == "target":
            return "target"                       # "phấn đấu có 75% chi bộ"
        semi = text.rfind(";", ss, figure.start)
        if _TOTAL.search(text, max(ss, semi + 1), figure.start) or nearest == "other":
            return "other"                        # "tổng số cán bộ … là 1.914 đồng chí"
        if (frame or clause_result) and nearest == "achieved" or _RESULT_AFTER.match(text, figure.end):
            return "achieved"                     # "Cả nước có 30 đơn vị cấp huyện đạt chuẩn"
        return "other"
    if nearest:
        return nearest
    subject = not text[clause_from:figure.start].strip(" \t\"“'‘(–—-")
    after = _HAPPENED_AFTER.match(text, figure.end) if subject else None
    if after:
        return "other" if after.group(1).lower() == "sẽ" else "achieved"
    if subject and clause_from == ss:
        return "other"
    semi = text.rfind(";", ss, figure.start)
    return "achieved" if _EVENT_VERB.search(text, max(ss, semi + 1), figure.start) else "other"


def _clause_break(text: str, ss: int, pos: int) -> int:
    """Offset just after the last clause break (, ; : ( –) before ``pos`` in its sentence."""
    i = pos - 1
    while i >= ss:
        c = text[i]
        if c in ",;:(–—\"“" or (c == "-" and i > ss and text[i - 1] == " "):
            return i + 1
        i -= 1
    return ss


def _sentence_targets(text: str, ss: int, se: int, figures: list[Figure], in_sentence: list[int],
                      cues: list[tuple[int, int, str]], pub_year: int | None) -> list[Target]:
    out: list[Target] = []
    current: Target | None = None
    prev_end = ss
    for i in in_sentence:
        f = figures[i]
        if f.kind != "target":
            current = None
            prev_end = f.end
            continue
        between = text[prev_end:f.start]
        new_cue = [c for c in cues if c[2] in ("target", "weak") and prev_end <= c[0] and c[1] <= f.start]
        if current is not None and not new_cue and ";" not in between and (
                "," not in between or re.search(r"(?<![\wđ])có(?![\wđ])", between)):
            current.figures.append(i)           # "… thôn có từ 9 đảng viên": qualifies the same goal
            prev_end = f.end
            continue
        lo = prev_end
        semi = text.rfind(";", lo, f.start)
        if semi >= 0:
            lo = semi + 1
        starts = [c[0] for c in cues if c[2] in ("target", "weak") and lo <= c[0] < f.start]
        if starts:
            start = min(starts)
        else:
            start = _clause_start(text, lo, f.start)
        clause_end = _clause_end(text, f.end, se, figures, in_sentence, i)
        current = Target(start=start, end=f.end, text=text[start:f.end], value=f.value, value_max=f.value_max,
                         unit=f.unit, indicator=f.indicator,
                         deadline_year=_deadline(text, ss, se, start, pub_year, f.end),
                         recurrence="annual" if _RECURRENCE.search(text, start, clause_end) else None,
                         figures=[i])
        out.append(current)
        prev_end = f.end
    return out


def _numberless(text: str, ss: int, se: int, figures: list[Figure], in_sentence: list[int],
                pub_year: int | None) -> list[Target]:
    out = []
    for m in _UNMET.finditer(text, ss, se):
        if any(figures[i].start < m.end() and m.start() < figures[i].end for i in in_sentence):
            continue
        out.append(Target(start=m.start(), end=m.end(), text=m.group(0),
                          deadline_year=_deadline(text, ss, se, m.start(), pub_year, m.end())))
    for m in _DATED_GOAL.finditer(text, ss, se):  # "phấn đấu … vào năm 2022": a goal with a deadline, no number
        year = int(m.group(1))
        if not pub_year or year < pub_year:
            continue
        stop = re.compile(r"[,;]").search(text, m.end(), se)
        end = stop.start() if stop else se
        while end > m.start() and text[end - 1] in " .!?…\"”":
            end -= 1
        if any(figures[i].start < end and m.start() < figures[i].end for i in in_sentence):
            continue
        if any(t.start < end and m.start() < t.end for t in out):
            continue
        out.append(Target(start=m.start(), end=end, text=text[m.start():end], deadline_year=year))
    return out


def _clause_start(text: str, lo: int, pos: int) -> int:
    cut = max(text.rfind(",", lo, pos), text.rfind(":", lo, pos))
    start = cut + 1 if cut >= 0 else lo
    while start < pos and text[start].isspace():
        start += 1
    return start


def _clause_end(text: str, pos: int, se: int, figures, in_sentence, i) -> int:
    later = [figures[j].start for j in in_sentence if figures[j].start > figures[i].start]
    end = min([se] + later)
    semi = text.find(";", pos, end)
    return semi if semi >= 0 else end


def _deadline(text: str, ss: int, se: int, start: int, pub_year: int | None, end: int | None = None) -> int | None:
    """Deadline year of the target at ``start``..``end``: the nearest deadline phrase from the last ";"
    before it to the end of its clause ("đến năm 2020", "giai đoạn 2016-2020", "đến cuối nhiệm kỳ"),
    else a year of the article or later written there ("cả năm 2017"), else the article's year when the
    goal is for this year ("năm nay", "cả năm", "cuối năm")."""
    end = start if end is None else end
    semi = text.rfind(";", ss, start)
    lo = semi + 1 if semi >= 0 else ss
    stop = re.compile(r"[,;]").search(text, end, se)
    hi = stop.start() if stop else se
    best = None
    for m in _DEADLINE.finditer(text, lo, hi):
        dist = abs(m.start() - start)
        if m.group(1) or m.group(2) or m.group(4):
            year = int(m.group(1) or m.group(2) or m.group(4))
        else:
            year = _term_end(text, m.start(), pub_year)
        if year is not None and not (pub_year and year < pub_year) and (best is None or dist < best[0]):
            best = (dist, year)
    if best:
        return best[1]
    for m in re.finditer(r"(?:năm|Năm)\s+((?:19|20)\d{2})(?!\d)(?!\s*[-–—]\s*\d)", text[lo:hi]):
        if pub_year and int(m.group(1)) >= pub_year:
            return int(m.group(1))
    if pub_year and _THIS_YEAR.search(text, lo, hi):
        return pub_year
    return None


def _term_end(text: str, pos: int, pub_year: int | None) -> int | None:
    """End year of the term meant by "đến cuối nhiệm kỳ": the nearest "nhiệm kỳ YYYY-YYYY" written
    before it in the document, else the next party-congress year (terms end in years divisible by 5)."""
    terms = [int(m.group(1)) for m in _TERM.finditer(text, 0, pos)]
    if terms:
        return terms[-1]
    if pub_year:
        return pub_year + (-pub_year) % 5
    return None


__all__ = ["extract_targets"]

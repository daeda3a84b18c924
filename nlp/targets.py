"""Targets (stated goals) and the kind of every figure: target, achieved or other (GUIDE §4).

Each figure takes the kind of the nearest cue before it in its sentence:
target cues (phấn đấu, chỉ tiêu, mục tiêu, đề ra, đặt ra, đến năm YYYY, đến cuối
nhiệm kỳ, phải, bảo đảm, tối thiểu, sẽ, dự kiến …) or result cues (đạt, đã,
được, kết quả, xuống còn …; "vượt/đạt chỉ tiêu" is a result). A year after the
article's year makes a figure a target; with no cue a figure reports a result
(achieved) — as the example gold annotates "Mỗi đồng chí tham dự từ 5 đến 7 chi
bộ" — except durations, ages and anniversaries ("90 năm", "2 năm"), which are
``other``. Habitual "hằng năm" alone is a recurrence, not a target cue
("Hằng năm, Đảng bộ … kết nạp khoảng 10.000 đảng viên" is achieved).

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

_TARGET_CUE = re.compile(
    r"(?<![\wđĐ])(?:phấn đấu|chỉ tiêu|mục tiêu|đề ra|đặt ra|đến cuối nhiệm kỳ|cuối nhiệm kỳ|"
    r"(?<!tính )(?:đến|tới) (?:năm )?((?:19|20)\d{2})|dự kiến|kế hoạch đề ra|"
    r"(phải|bảo đảm|đảm bảo|tối thiểu))(?![\wđ])", re.IGNORECASE)
# Weak cues (group 2 above: "phải", "bảo đảm", "tối thiểu") make a goal only close to the figure,
# in the same clause: "phải bồi thường cho các gia đình hơn 138 triệu đồng" is not a target.
_WEAK_REACH = 25
# Figures that count goals themselves ("có 7 chỉ tiêu") are not goals.
_GOAL_UNITS = {"chỉ tiêu", "mục tiêu", "nhiệm vụ", "giải pháp", "khâu"}
_ACHIEVED_CUE = re.compile(
    r"(?<![\wđĐ])(?:(?:đạt|vượt|hoàn thành)(?: \S+){0,2}? (?:chỉ tiêu|mục tiêu|kế hoạch)|(đạt)|đã|"
    r"(?<!phải )(?<!cần )(?<!sẽ )(?<!bảo đảm )được(?! giao| đề ra| đặt ra)|kết quả|xuống còn|giảm còn|"
    r"tăng lên|lên tới|lên đến|năm qua|tính đến|đến nay|hiện nay|hiện có)(?![\wđ])",
    re.IGNORECASE)
_DEADLINE = re.compile(
    r"(?:đến|tới|trước|vào)\s+(?:cuối\s+)?(?:năm\s+)?((?:19|20)\d{2})(?!\d)"
    r"|(?:giai đoạn|nhiệm kỳ)\s+(?:19|20)\d{2}\s*[-–—]\s*((?:19|20)\d{2})(?!\d)"
    r"|(đến cuối nhiệm kỳ|cuối nhiệm kỳ|hết nhiệm kỳ)(?:\s+(?:19|20)\d{2}\s*[-–—]\s*((?:19|20)\d{2})(?!\d))?",
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
        sentence = text[ss:se]
        cues = _cues(sentence, ss, pub_year)
        for i in in_sentence:
            figures[i].kind = _kind(text, figures[i], cues, pub_year)
        targets.extend(_sentence_targets(text, ss, se, figures, in_sentence, cues, pub_year))
        targets.extend(_numberless(text, ss, se, figures, in_sentence, pub_year))
    targets.sort(key=lambda t: t.start)
    return targets


def _year(published: str | None) -> int | None:
    if published and re.match(r"\d{4}", published):
        return int(published[:4])
    return None


def _cues(sentence: str, ss: int, pub_year: int | None) -> list[tuple[int, int, str]]:
    """(start, end, kind) of every cue in the sentence, document offsets, ordered.
    "đến năm YYYY" is a goal only when YYYY is after the article's year."""
    # "đạt" (reach) after a goal cue is the goal's verb ("phấn đấu đạt 95%"): kind "reach"
    found = [(ss + m.start(), ss + m.end(), "reach" if m.group(1) else "achieved")
             for m in _ACHIEVED_CUE.finditer(sentence)]
    achieved_spans = [(a, b) for a, b, _ in found]
    for m in _TARGET_CUE.finditer(sentence):
        a, b = ss + m.start(), ss + m.end()
        if any(x <= a and b <= y for x, y in achieved_spans):       # "vượt chỉ tiêu" is a result
            continue
        past = m.group(1) and pub_year and int(m.group(1)) <= pub_year
        found.append((a, b, "achieved" if past else ("weak" if m.group(2) else "target")))
    return sorted(found)


def _kind(text: str, figure: Figure, cues: list[tuple[int, int, str]], pub_year: int | None) -> str:
    if figure.unit in _TIME_UNITS:
        return "other"
    if figure.unit in _GOAL_UNITS:
        return "other"
    nearest = None
    for a, b, kind in cues:
        if b > figure.start:
            break
        if kind == "weak":
            gap = text[b:figure.start]
            if len(gap) > _WEAK_REACH or any(c in gap for c in ",;:"):
                continue
            kind = "target"
        if kind == "reach":
            kind = "target" if nearest == "target" else "achieved"
        nearest = kind
    if figure.year and pub_year:
        if figure.year > pub_year:
            return "target"
        if figure.year < pub_year and nearest != "target":
            return "achieved"
    return nearest or "achieved"


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
                         deadline_year=_deadline(text, ss, se, start, pub_year),
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
                          deadline_year=_deadline(text, ss, se, m.start(), pub_year)))
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


def _deadline(text: str, ss: int, se: int, start: int, pub_year: int | None) -> int | None:
    """Deadline year from the sentence (the phrase nearest the target's start)."""
    best = None
    for m in _DEADLINE.finditer(text, ss, se):
        dist = abs(m.start() - start)
        if m.group(1) or m.group(2) or m.group(4):
            year = int(m.group(1) or m.group(2) or m.group(4))
        else:
            year = _term_end(text, m.start(), pub_year)
        if year is not None and not (pub_year and year < pub_year) and (best is None or dist < best[0]):
            best = (dist, year)
    if best:
        return best[1]
    if pub_year:
        for m in re.finditer(r"(?:năm|Năm)\s+((?:19|20)\d{2})(?!\d)", text[ss:se]):
            if int(m.group(1)) > pub_year:
                return int(m.group(1))
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

"""The versioned indicator codebook (``nlp/data/codebook.toml``, GUIDE §5), version 3.

A code names what a figure measures as ``SUBJECT.ROLE`` (``members.admitted``,
``base_orgs.good_or_better_pct``), so that figures compare across provinces.
``indicator_for`` reads the subject from the figure's counted noun (or, for a
percentage, the noun it is a share of) and the role from the cue words of its
clause; only when both are identified, and the pair is a code of the codebook,
does the figure get one (precision first: no default code, no guessed total).

>>> from nlp.types import Figure
>>> s = "Năm 2021, Đảng bộ kết nạp được 181 đảng viên."
>>> indicator_for(s, Figure(start=31, end=44, text="181 đảng viên", value=181, unit="đảng viên"))
'members.admitted'
>>> s = "tặng Bằng khen cho 18 TCCSĐ"
>>> indicator_for(s, Figure(start=19, end=27, text="18 TCCSĐ", value=18, unit="tổ chức cơ sở đảng"))
'base_orgs.commended'
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

CODEBOOK_PATH = Path(__file__).parent / "data" / "codebook.toml"
# Must equal `version` in codebook.toml (a test checks); bump both when codes or matching change.
CODEBOOK_VERSION = "3"

# A cue after the figure ("26,2% TCCSĐ hoàn thành xuất sắc") counts as this many characters farther.
AFTER_PENALTY = 8
# A unit-only default ranks behind any cue (topic codes kept from codebook 2 only).
DEFAULT_GAP = 10_000
# How a rating grade may be introduced right after the counted noun: "120 TCCSĐ được đánh giá,
# xếp loại đạt "hoàn thành xuất sắc nhiệm vụ"".
_GRADE_PREFIX = (r"^\s*(?:trở lên\s+)?(?:trực thuộc(?: [^\W\d][^,;:()\d]{0,30}?)?\s+(?=được|đều|đạt|hoàn thành|không|đã|đủ))?"
                 r"(?:(?:được|đều|đã|có|cũng)\s+)*(?:đủ tư cách,?\s+)?(?:(?:đánh giá|xếp loại|phân loại|công nhận|bình xét)"
                 r"(?: chất lượng)?(?: là)?[,:]?\s+)*(?:(?:là|đạt|ở mức|mức)\s+)*(?:danh hiệu\s+)?[“\"]?\s*")
# A percentage of a plan is how far the plan was met, not a share of the subject.
_PLAN_AFTER = re.compile(r"\s*(?:so với\s+)?(?:kế hoạch|chỉ tiêu|KH|nghị quyết|NQ|mục tiêu|dự toán)(?![\wđĐ])",
                         re.IGNORECASE)
# The whole a part is counted out of: "401 trong tổng số 415 TCCSĐ" (415 is a stock).
_DENOMINATOR_BEFORE = re.compile(r"(?:trong|trên)\s+(?:tổng\s+)?số\s*(?:\d[\d.,]*\s*[^\W\d][^,;:()\d]{0,30})?$"
                                 r"|(?:trong|trên)\s+(?:tổng\s+)?số\s*$", re.IGNORECASE)
# Roles that a grade after the noun explains rather than replaces.
_AWARDS = ("commended", "badge_awarded")
_PAREN = re.compile(r"\([^()]*\)")
_FORMS = ("reprimanded", "warned", "dismissed", "expelled")
_HAS_PROPERTY = re.compile(r"\s*(?:mới\s+)?(?:(?:được\s+)?kết nạp\s+)?(?:đều\s+)?có(?![\wđĐ])", re.IGNORECASE)


def _OTHER_ROLE_BEFORE(text: str) -> bool:
    """Whether ``text`` names a role other than a stock or a change (the flow a change is of)."""
    roles = load_codebook().roles
    return any(p.search(text) for name, r in roles.items() if name not in ("total", "increase", "decrease")
               for p in r.before if not p.pattern.endswith("$"))
# Bodies whose members are counted in "đồng chí": a committee or a delegation, not party members at large.
_BODY = re.compile(r"(?<![\wđĐ])(?:Ban Chấp hành|BCH|Ban Thường vụ|BTV|đoàn đại biểu|đại biểu|ủy viên)(?![\wđĐ])",
                   re.IGNORECASE)
# A count after a stock cue is a stock unless something is predicated of it ("có 6 cán bộ tham gia đánh bạc")
# or it is an average ("bình quân mỗi chi bộ có 31 đảng viên").
_NOT_STOCK_AFTER = re.compile(r"\s*(?:tham gia|tham dự|dự|được|bị|đã|sẽ|là|vi phạm|đến|nhận|đạt|hoàn thành|"
                              r"xin|chuyển|ra|vào|đi|làm|đánh|không|chưa|cần|phải|thực hiện|triển khai|tổ chức|"
                              r"xây dựng|có|duy trì|ký|đăng ký|thuộc diện (?:phải|bị|cần|xem xét|xử lý)|sinh hoạt hai chiều|đang công tác|"
                              r"đang làm việc)(?![\wđĐ])", re.IGNORECASE)
_PARTY_BODY = re.compile(r"Ủy ban Kiểm tra|Uỷ ban Kiểm tra|UBKT|kỷ luật [Đđ]ảng|[Đđ]ảng ủy|[Hh]uyện ủy|[Tt]ỉnh ủy|"
                         r"[Tt]hành ủy|[Qq]uận ủy|[Cc]hi bộ")
_COMMITTEE = re.compile(r"Ban [Cc]hấp hành|BCH|[Tt]ỉnh ủy|[Hh]uyện ủy|[Tt]hành ủy|[Đđ]ảng ủy|[Cc]ấp ủy|Xứ ủy")
_EXPLICIT_STOCK = re.compile(r"tổng số|tổng cộng|hiện có|nâng lên|gồm", re.IGNORECASE)
# "68 chi bộ có từ 30 đảng viên trở lên": what each of a number of organisations has, not a stock.
_PER_UNIT_BEFORE = re.compile(r"\d[\d.,]*\s+(?:chi bộ|tổ chức cơ sở đảng|TCCSĐ|đảng bộ|tổ chức đảng)[^,;:\d]{0,25}?"
                              r"\bcó\s*$", re.IGNORECASE)
_AVERAGE = re.compile(r"(?<![\wđĐ])(?:bình quân|trung bình|mỗi)(?![\wđĐ])", re.IGNORECASE)
# "vi phạm" after the noun names violators only when no role verb stands just before the figure.
_VIOLATION_REACH = 15
# The clause of a figure ends at these (cues beyond belong to the next figure).
_CLAUSE_END = re.compile(r"[,;:(]|\s(?:trong đó|trong số|còn lại|riêng|và)\s")
# Units that name members only in a sentence about the Party.
_PARTY_SENTENCE = re.compile(r"đảng|ĐV|kết nạp", re.IGNORECASE)
# Roles a count of "đồng chí" / "trường hợp" / "quần chúng" may have as party members.
_LOOSE_UNITS = {"đồng chí", "trường hợp", "quần chúng", "tổ chức"}


@dataclass
class Indicator:
    """A topic code kept from codebook 2, matched by unit and cue."""

    code: str
    label: str
    units: frozenset[str]
    cues: list[re.Pattern] = field(default_factory=list)
    default_units: frozenset[str] = frozenset()


@dataclass
class Subject:
    name: str
    label: str
    units: frozenset[str]
    nouns: re.Pattern              # alternation of the nouns naming it near a percentage


@dataclass
class Role:
    name: str
    label: str
    before: list[re.Pattern]
    after: list[re.Pattern]        # anchored right after the counted noun
    grade: bool = False


@dataclass
class Codebook:
    version: str
    units: dict[str, str]            # surface form -> canonical unit
    indicators: list[Indicator]      # topic codes kept from codebook 2
    unit_re: re.Pattern              # longest-first alternation of unit surfaces
    subjects: dict[str, Subject] = field(default_factory=dict)
    roles: dict[str, Role] = field(default_factory=dict)
    valid: frozenset[str] = frozenset()
    v2: dict[str, str] = field(default_factory=dict)


@lru_cache(maxsize=1)
def load_codebook(path: str | None = None) -> Codebook:
    """Parse the codebook once (cached).

    >>> load_codebook().version
    '3'
    """
    data = tomllib.loads(Path(path or CODEBOOK_PATH).read_text(encoding="utf-8"))
    units: dict[str, str] = {}
    for canonical, surfaces in data.get("units", {}).items():
        for s in surfaces:
            units[s] = canonical
            units.setdefault(s.lower(), canonical)
    alternation = "|".join(re.escape(s) for s in sorted(units, key=len, reverse=True))
    unit_re = re.compile(r"[ \t]*(" + alternation + r")(?![\wđĐ])")
    indicators = []
    for entry in data.get("indicator", []):
        unit_set = frozenset(entry["units"])
        default_units = frozenset(entry.get("default_units", entry["units"] if entry.get("default") else []))
        indicators.append(Indicator(
            code=entry["code"], label=entry.get("label", ""), units=unit_set,
            cues=[re.compile(c, re.IGNORECASE) for c in entry.get("cues", [])],
            default_units=default_units))
    subjects = {name: Subject(name, s["label"], frozenset(s.get("units", [])),
                              re.compile("|".join(f"(?:{n})" for n in s["nouns"]), re.IGNORECASE))
                for name, s in data.get("subjects", {}).items()}
    roles = {}
    for name, r in data.get("roles", {}).items():
        grade = bool(r.get("grade"))
        after = [re.compile(_GRADE_PREFIX + f"(?:{c})", re.IGNORECASE) for c in r["before"]] if grade else \
            [re.compile(c, re.IGNORECASE) for c in r.get("after", [])]
        roles[name] = Role(name, r["label"], [re.compile(c, re.IGNORECASE) for c in r["before"]], after, grade)
    valid = frozenset(f"{subj}.{role}" for subj, rs in data.get("valid", {}).items() for role in rs)
    return Codebook(version=str(data["version"]), units=units, indicators=indicators, unit_re=unit_re,
                    subjects=subjects, roles=roles, valid=valid | {i.code for i in indicators},
                    v2=dict(data.get("v2", {})))


def codes() -> list[str]:
    """All indicator codes: role codes by subject, then the topic codes.

    >>> "members.admitted" in codes(), "orgs.base_total" in codes()
    (True, False)
    """
    cb = load_codebook()
    return sorted(c for c in cb.valid if c not in {i.code for i in cb.indicators}) + [i.code for i in cb.indicators]


def definition(code: str) -> str | None:
    """One line saying what a code counts, from the codebook's subject and role labels.

    >>> definition("base_orgs.good_or_better_pct")
    "share (%) of grassroots party organisations (tổ chức cơ sở đảng: đảng bộ cơ sở and chi bộ cơ sở) rated 'hoàn thành tốt nhiệm vụ' or better (cumulative: '… trở lên')"
    """
    cb = load_codebook()
    for ind in cb.indicators:
        if ind.code == code:
            return ind.label
    if code not in cb.valid:
        return None
    subj, _, role = code.partition(".")
    pct = role.endswith("_pct")
    role = role.removesuffix("_pct")
    text = f"{cb.subjects[subj].label} {cb.roles[role].label}" if not pct else \
        f"share (%) of {cb.subjects[subj].label} {cb.roles[role].label}"
    return text


def match_unit(text: str, pos: int) -> tuple[str, int] | None:
    """Canonical unit written at ``pos`` (after optional spaces) and where it ends.

    >>> match_unit("181 TCCSĐ mới", 3)
    ('tổ chức cơ sở đảng', 9)
    >>> match_unit("44 ĐV mới", 2)
    ('đảng viên', 5)
    """
    cb = load_codebook()
    m = cb.unit_re.match(text, pos)
    if not m:
        return None
    surface = m.group(1)
    return cb.units.get(surface) or cb.units.get(surface.lower()), m.end()


def _clause(after: str) -> str:
    m = _CLAUSE_END.search(after)
    return after[:m.start()] if m else after


def _unit_subject(unit: str, figure_text: str, after: str, sentence: str, before: str = "") -> str | None:
    """Subject named by a count's unit (None when the unit does not say which level or body)."""
    if unit == "đảng bộ":
        return "base_committees" if re.search(r"cơ sở|ĐBCS", figure_text) or after.startswith(" cơ sở") else None
    if unit == "chi bộ" and (after.startswith(" cơ sở") or "CBCS" in figure_text):
        return None                          # chi bộ cơ sở are grassroots organisations, not cells
    if unit == "cán bộ" and ("đảng viên" in figure_text or re.match(r",?\s*(?:đảng viên|ĐV)", after, re.IGNORECASE)):
        # "cán bộ, đảng viên": party members when a party body decides about them, else neither alone
        return "members" if _PARTY_BODY.search(sentence) else None
    if unit == "ủy viên":                    # "Ban Chấp hành … gồm 5 ủy viên"; not the members of a state body
        return "committee_members" if _COMMITTEE.search(sentence) else None
    if unit == "đồng chí":                   # "tổng số cán bộ lãnh đạo, quản lý … là 1.914 đồng chí": the noun named before
        if re.match(r"\s*(?:cấp ủy viên|ủy viên|Tỉnh ủy viên|Thành ủy viên|Huyện ủy viên)", after):
            return "committee_members"       # "cảnh cáo 2 đồng chí ủy viên Ban Thường vụ"
        named = _nearest_subject(before)
        if named in ("cadres", "committee_members"):
            return named
    if unit in _LOOSE_UNITS and not _PARTY_SENTENCE.search(sentence):
        return None
    for subj in load_codebook().subjects.values():
        if unit in subj.units:
            return subj.name
    return None


def _percent_subject(before: str, after: str) -> str | None:
    """What a percentage is a share of: the noun right after it, else the nearest one before it in its
    clause, else the nearest after it in its clause."""
    best: tuple[int, str] | None = None
    for subj in load_codebook().subjects.values():
        if after[:1] == " " and subj.nouns.match(after, 1):
            return subj.name
        for m in subj.nouns.finditer(before):
            best = min(best or (10**9, ""), (len(before) - m.end(), subj.name))
        m = subj.nouns.search(after)
        if m:
            best = min(best or (10**9, ""), (1000 + m.start(), subj.name))
    return best[1] if best else None


def _nearest_subject(text: str) -> str | None:
    """The subject named last in ``text``."""
    best: tuple[int, str] | None = None
    for subj in load_codebook().subjects.values():
        for m in subj.nouns.finditer(text):
            best = max(best or (-1, ""), (m.end(), subj.name))
    return best[1] if best else None


def _role(before: str, after: str, after_noun: str) -> str | None:
    """The role named by the cues of a figure's clause (None when none is)."""
    roles = load_codebook().roles
    right_after = next((r.name for r in roles.values() if any(p.match(after_noun) for p in r.after)), None)
    if _DENOMINATOR_BEFORE.search(before):   # "trong tổng số 415 TCCSĐ": the whole, whatever the part is rated,
        return "rated" if right_after == "rated" else "total"     # "trong số 1.254 chi bộ được đánh giá"
    if right_after == "rated" and re.search(r"(?<![\wđĐ])trong\s*$", before, re.IGNORECASE):
        return "rated"                       # "Trong 141 chi bộ … được đánh giá, 112 chi bộ đạt TSVM"
    if right_after and roles[right_after].grade and any(p.search(before) for r in _AWARDS for p in roles[r].before):
        right_after = None                   # "tặng Bằng khen cho 5 chi bộ đạt TSVM tiêu biểu": the grade is why
    if right_after and right_after != "found_violating":
        return right_after                   # a cue right after the counted noun says it
    best: dict[bool, tuple[int, int, str]] = {}      # is the stock role -> (gap, rank, role)
    clause_after = _clause(after_noun)
    for rank, role in enumerate(roles.values()):
        stock = role.name == "total"
        for p in role.before:
            anchored = p.pattern.endswith("$")
            gaps = [len(before) - m.end() for m in p.finditer(before)]
            if not anchored:
                m = p.search(clause_after)
                gaps += [m.start() + AFTER_PENALTY] if m else []
            for g in gaps:
                if stock not in best or (g, rank) < best[stock][:2]:
                    best[stock] = (g, rank, role.name)
    if right_after and not (best.get(False) and best[False][0] <= _VIOLATION_REACH):
        return right_after                   # "kết luận 11 đảng viên có vi phạm", not "kỷ luật 8 đảng viên vi phạm …"
    if best.get(True) and best[True][0] <= 1 and best.get(False) and len(before) - best[False][0] <= before.rfind(","):
        # the role verb is another clause's: "Sau đợt kết nạp …, tổng số ĐV được nâng lên 6.118" is a stock,
        # "Qua rà soát, toàn tỉnh có 3.126 đảng viên thuộc diện phải xem xét" is neither
        explicit = _EXPLICIT_STOCK.search(before[before.rfind(","):])
        return "total" if explicit and not _NOT_STOCK_AFTER.match(after_noun) else None
    found = best.get(False) or best.get(True)   # a stock cue ("có", "tổng số") only when no other role is named
    if found and found[2] == "total" and (_NOT_STOCK_AFTER.match(after_noun) or _AVERAGE.search(before)
                                          or _PER_UNIT_BEFORE.search(before)):
        return None                          # "có 6 cán bộ tham gia đánh bạc": an event; "bình quân mỗi chi bộ có 31"
    return found[2] if found else None


def _topic_indicator(unit: str, before: str, after: str, after_noun: str) -> str | None:
    """Topic codes kept from codebook 2 (training, models, meetings, cadres' training level)."""
    best: tuple[int, int, str] | None = None
    for rank, ind in enumerate(load_codebook().indicators):
        if unit not in ind.units:
            continue
        gap = DEFAULT_GAP if unit in ind.default_units else None
        for cue in ind.cues:
            for m in cue.finditer(before):
                g = len(before) - m.end()
                gap = g if gap is None or g < gap else gap
            m = cue.search(after)
            if m:
                g = m.start() + AFTER_PENALTY
                gap = g if gap is None or g < gap else gap
        if gap is not None and (best is None or (gap, rank) < best[:2]):
            best = (gap, rank, ind.code)
    return best[2] if best else None


def indicator_for(sentence: str, figure, sentence_start: int = 0,
                  bounds: tuple[int, int] | None = None, after_from: int | None = None) -> str | None:
    """Code of what ``figure`` measures, from its subject and role, or None.

    ``sentence_start`` is the sentence's offset in the document (figure offsets are
    document offsets); ``bounds`` (document offsets) limits where cues are searched,
    e.g. from the previous figure to the next one; ``after_from`` (a document offset)
    is where the words describing the figure resume when another figure stands between
    ("401 trong tổng số 415 TCCSĐ được xếp loại …").

    >>> from nlp.types import Figure
    >>> s = "giảm tỷ lệ TCCSĐ yếu kém xuống còn 0,36%"
    >>> indicator_for(s, Figure(start=35, end=40, text="0,36%", value=0.36, unit="%"))
    'base_orgs.weak_pct'
    >>> s = "tăng 7 tổ chức cơ sở đảng so với cùng kỳ"
    >>> indicator_for(s, Figure(start=5, end=25, text="7 tổ chức cơ sở đảng", value=7, unit="tổ chức cơ sở đảng"))
    'base_orgs.increase'
    >>> s = "Đảng bộ có 95 chi bộ"
    >>> indicator_for(s, Figure(start=11, end=20, text="95 chi bộ", value=95, unit="chi bộ"))
    'cells.total'
    >>> s = "95 chi bộ có chi ủy"
    >>> indicator_for(s, Figure(start=0, end=9, text="95 chi bộ", value=95, unit="chi bộ")) is None
    True
    """
    unit = figure.unit
    if unit is None:
        return None
    lo, hi = bounds if bounds else (sentence_start, sentence_start + len(sentence))
    fs, fe = figure.start - sentence_start, figure.end - sentence_start
    pct = unit == "%"
    if pct and "%" in figure.text:           # "26,2% TCCSĐ hoàn thành xuất sắc": cues may follow the %
        fe = fs + figure.text.index("%") + 1
    lead = re.match(r"\D*", figure.text).group(0) if re.search(r"\d", figure.text) else ""
    lead = lead if re.search(r"(?:còn|xuống|lên)\s*$", lead) else ""    # not "khoảng", "hơn" (qualifiers)
    before = sentence[max(0, lo - sentence_start):max(0, fs)] + lead    # "giảm còn 0,8%": "còn" is in the figure
    before = before[before.rfind(";") + 1:]     # cues count within the figure's clause only
    before = _PAREN.sub(lambda m: " " * len(m.group(0)), before)   # "(khiển trách 19, cảnh cáo 4) và 1.126 ĐV"
    resume = fe if after_from is None else max(fe, after_from - sentence_start)
    after = sentence[resume:max(resume, hi - sentence_start)].split(";", 1)[0]
    cb = load_codebook()
    if pct:
        if _PLAN_AFTER.match(after):
            return None                      # "đạt 107% chỉ tiêu": how far a plan was met
        own = figure.text[figure.text.index("%") + 1:] if "%" in figure.text else ""
        own = re.sub(r"^\s*/\s*\S+|\s*trở (?:lên|xuống)$", "", own)      # "0,5% /năm", "95% TCCSĐ trở lên"
        if re.search(r"[^\W\d]", own) and not any(sj.nouns.match(own.strip()) for sj in cb.subjects.values()):
            return None                      # "100% thôn, khối phố có chi bộ": a share of villages
        subject = _percent_subject(_clause_tail(before), _clause(after))
        m = cb.subjects[subject].nouns.match(after.lstrip()) if subject else None
        after_noun = after.lstrip()[m.end():] if m and len(after) - len(after.lstrip()) <= 1 else after
        role = _role(before, after, after_noun)
        role = None if role == "total" else role     # a stock is a count, never a percentage
        if _HAS_PROPERTY.match(after_noun):
            role = None                      # "100% đảng viên mới kết nạp có trình độ …": a share with a property
        if subject is None and role and cb.roles[role].grade:
            subject = _nearest_subject(sentence[:max(0, fs)])   # "95% TCCSĐ đạt TSVM, 3% yếu kém"
    else:
        subject = _unit_subject(unit, figure.text, after, sentence, before)
        after_noun = after
        role = _role(before, after, after_noun) if subject else None
        if role == "total" and ("/" in figure.text or re.match(r"từ\s.*trở lên$", figure.text)):
            return None                      # "95/101 chi bộ có chi ủy": a part of a whole; "từ 30 … trở lên": a bound
    if subject == "members" and not pct and re.search(r"(?<![\wđĐ])mới\s*$", figure.text) \
            and role in (None, "total", "increase"):
        role = "admitted"                    # "dẫn đầu với 4 đảng viên mới", "có thêm 2 đảng viên mới"
    if role in ("increase", "decrease") and _OTHER_ROLE_BEFORE(sentence[:max(0, fs)]):
        return None                          # "kết nạp 1.705 đảng viên, tăng 93 đảng viên so với …": a change of a flow
    if role == "good" and "trở lên" in (figure.text + after[:12]):
        role = "good_or_better"              # "95% TCCSĐ trở lên hoàn thành tốt nhiệm vụ"
    if subject and role and unit in _LOOSE_UNITS:
        if role == "total" and subject == "members" and (_BODY.search(before) or not re.search(r"đảng viên|ĐV", sentence)):
            return None                      # "Ban Chấp hành … gồm 39 đồng chí": a committee, not members
        if role == "found_violating" and not re.search(r"kết luận|phát hiện", before, re.IGNORECASE):
            return None                      # "Công an … xử lý 56 trường hợp vi phạm"
    if subject and role:
        code = f"{subject}.{role}{'_pct' if pct else ''}"
        if unit == "quần chúng" and role != "admitted":
            return None
        if code in cb.valid:
            return code
        if role in _FORMS and f"{subject}.disciplined" in cb.valid:
            return f"{subject}.disciplined"   # "cách chức, khai trừ 2 cán bộ": a form this subject has no code for
    topic = _topic_indicator(unit, before, after, after_noun)
    prefix = topic.partition(".")[0] if topic else None
    if subject and prefix in cb.subjects and prefix != subject:
        return None                          # "100% đảng viên mới … có trình độ": not cadres' training level
    return topic


def recode(code: str | None, figure, after: str = "", sentence: str = "") -> str | None:
    """The role of ``code`` for what ``figure`` counts: a subset or a list item that names no role of its own
    ("kiểm tra 1.245 ĐV, trong đó có 412 cấp ủy viên"; "HTXSNV 9.513 ĐV (15%)").

    >>> from nlp.types import Figure
    >>> recode("members.inspected", Figure(0, 15, "412 cấp ủy viên", 412, unit="cấp ủy viên"))
    'committee_members.inspected'
    >>> recode("members.excellent", Figure(0, 3, "15%", 15, unit="%"))
    'members.excellent_pct'
    >>> recode("members.total", Figure(0, 3, "15%", 15, unit="%")) is None
    True
    """
    if not code or "." not in code:
        return None
    cb = load_codebook()
    subject, _, role = code.partition(".")
    if role.endswith("_pct") or role not in cb.roles:
        return None
    if figure.unit == "%":
        new = f"{subject}.{role}_pct"
    else:
        own = _unit_subject(figure.unit, figure.text, after, sentence or figure.text) if figure.unit else None
        new = f"{own}.{role}" if own else None
    return new if new in cb.valid else None


def _clause_tail(before: str) -> str:
    """The part of ``before`` after the last clause break (where a percentage's noun is looked for)."""
    cut = max(before.rfind(","), before.rfind(";"), before.rfind(":"), before.rfind("("))
    return before[cut + 1:]


#: Roles whose goals are ceilings ("giảm TCCSĐ yếu kém dưới 0,5%"): a result meets them when at most the goal.
LOWER_IS_BETTER = ("weak", "not_completed", "disciplined", "reprimanded", "warned", "dismissed", "expelled",
                   "removed", "found_violating", "decrease")


def lower_is_better(code: str | None) -> bool:
    """Whether a goal for ``code`` is a ceiling.

    >>> lower_is_better("base_orgs.weak_pct"), lower_is_better("members.admitted")
    (True, False)
    """
    return bool(code) and code.partition(".")[2].removesuffix("_pct") in LOWER_IS_BETTER


def plan_met(code: str | None, ratio: float | None) -> bool | None:
    """Whether a result at ``ratio`` of its plan met it (None when no result is stated).

    >>> plan_met("members.admitted", 1.072), plan_met("members.admitted", 0.95), plan_met(None, None)
    (True, False, None)
    """
    if ratio is None:
        return None
    return ratio <= 1 + 1e-9 if lower_is_better(code) else ratio >= 1 - 1e-9


def from_v2(code: str) -> str:
    """How a codebook 2 code maps to codebook 3 (one code, or the codes to choose from and how).

    >>> from_v2("orgs.base_total")
    'base_orgs.total (only with a stock cue: awards, increases and shares are no longer totals)'
    """
    return load_codebook().v2.get(code, code)


def same_as_v2(old: str, new: str | None) -> bool:
    """Whether ``new`` (codebook 3) is one of the codes codebook 2's ``old`` maps to.

    >>> same_as_v2("orgs.weak_pct", "cells.not_completed_pct"), same_as_v2("orgs.weak_pct", "members.weak_pct")
    (True, False)
    """
    if new is None:
        return False
    options = re.findall(r"(SUBJECT|[a-z_]+)\.([a-z_]+)", load_codebook().v2.get(old, old))
    subj, _, role = new.partition(".")
    orgs = {"base_orgs", "cells", "party_orgs", "base_committees"}
    return any(r == role and (s == subj or (s == "SUBJECT" and subj in orgs)) for s, r in options)


__all__ = ["CODEBOOK_PATH", "CODEBOOK_VERSION", "Indicator", "Subject", "Role", "Codebook", "load_codebook",
           "codes", "definition", "match_unit", "indicator_for", "from_v2", "same_as_v2", "lower_is_better", "plan_met", "recode"]

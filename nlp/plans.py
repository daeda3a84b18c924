"""Results stated against their plan: the form congress and year-end reports use for headline results.

- "A/B unit" ("kết nạp 3.215/3.000 đảng viên", "thu ngân sách 9.870/8.200 tỷ đồng", "76,4%/60%"):
  ``nlp.figures`` reads two figures, the achieved A and the plan B, separated by the slash;
- "đạt A, bằng P% kế hoạch/chỉ tiêu/nghị quyết" (one headline result measured against its plan).

Each gives a target linked to what was achieved (``Target.achieved``, ``achieved_value``,
``achieved_ratio``); the achieved figure stays a result, the plan figure becomes a target. A list of
results against their quotas ("…; trong đó Đảng bộ A kết nạp được 18 ĐV, đạt 120% chỉ tiêu; Đảng bộ B …
đạt 52%") stays results: it gives no target.

>>> from nlp import extract
>>> ex = extract("Nhiệm kỳ qua, toàn tỉnh kết nạp 3.215/3.000 đảng viên.")
>>> [(t.value, t.achieved_value, round(t.achieved_ratio, 3), t.indicator) for t in ex.targets]
[(3000.0, 3215.0, 1.072, 'members.admitted')]
>>> [(f.text, f.kind) for f in ex.figures]
[('3.215', 'achieved'), ('3.000 đảng viên', 'target')]
"""
from __future__ import annotations

import bisect
import re

from .sentences import sentence_spans
from .spans import SpanSet
from .types import Figure, Target

_SLASH = re.compile(r"\s*/\s*")
# "…, bằng 105% kế hoạch", "đạt 107% chỉ tiêu nghị quyết", "vượt 5% kế hoạch": the plan named after the share.
_PLAN_AFTER = re.compile(r"\s*(?:so với\s+)?(?:kế hoạch|chỉ tiêu|nghị quyết|KH|NQ|dự toán)(?:\s+(?:năm|đề ra|được giao|"
                         r"nghị quyết|Đại hội|đại hội))*(?![\wđĐ])")
_SHARE_BEFORE = re.compile(r"^\s*[,(]?\s*(?:(?:ước\s+)?(?:đạt|bằng|vượt)\s+)$", re.IGNORECASE)
_EXCEEDED_BY = re.compile(r"vượt\s+$", re.IGNORECASE)
_LIST = re.compile(r"(?<![\wđĐ])trong (?:đó|số đó)(?![\wđĐ])|(?<![\wđĐ])gồm\s*:|:\s", re.IGNORECASE)


def link_plans(text: str, figures: list[Figure], targets: list[Target]) -> list[Target]:
    """``targets`` with the plans stated next to their results added (sorted by start); sets the kinds and
    the plan's indicator on ``figures`` (mutated) and drops a target that only restated one of them."""
    pairs: list[Target] = []
    for i in range(len(figures) - 1):
        a, b = figures[i], figures[i + 1]
        if a.unit and a.unit == b.unit and b.value and _SLASH.fullmatch(text, a.end, b.start):
            a.kind, b.kind = "achieved", "target"
            b.indicator = a.indicator or b.indicator      # the plan of what was achieved
            pairs.append(Target(start=b.start, end=b.end, text=b.text, value=b.value, value_max=b.value_max,
                                unit=b.unit, indicator=b.indicator, deadline_year=_year(a), figures=[i + 1],
                                achieved=i, achieved_value=a.value, achieved_ratio=a.value / b.value))
    starts = [f.start for f in figures]
    for ss, se in sentence_spans(text):
        lo, hi = bisect.bisect_left(starts, ss), bisect.bisect_left(starts, se)
        if any(figures[i].unit == "%" for i in range(lo, hi)):
            pairs += _shares_of_plan(text, ss, se, figures, range(lo, hi))
    if not pairs:
        return targets
    taken = SpanSet([(p.start, p.end) for p in pairs] + [(figures[p.achieved].start, figures[p.achieved].end)
                                                         for p in pairs])
    kept = [t for t in targets if not taken.overlaps(t.start, t.end)]
    return sorted(kept + pairs, key=lambda t: t.start)


def _shares_of_plan(text: str, ss: int, se: int, figures: list[Figure], inside) -> list[Target]:
    """"đạt A, bằng P% kế hoạch" in a sentence: a target with no value, A achieved, P/100 of the plan; none for
    the items of a list ("…; trong đó Đảng bộ A kết nạp 18 ĐV, đạt 120% chỉ tiêu", "gồm: …")."""
    out = []
    for i in inside:
        p = figures[i]
        m = _PLAN_AFTER.match(text, _pct_end(p), se) if p.unit == "%" else None
        j = next((j for j in range(i - 1, inside.start - 1, -1) if figures[j].unit not in (None, "%")), None) \
            if m else None
        if j is None:
            continue
        a = figures[j]
        if not _SHARE_BEFORE.match(text[a.end:p.start]) or _LIST.search(text, ss, a.start):
            continue
        if j and _SLASH.fullmatch(text, figures[j - 1].end, a.start):
            continue                             # "kết nạp 3.215/3.000 đảng viên, đạt 107% chỉ tiêu": said already
        a.kind, p.kind = "achieved", "achieved"
        ratio = 1 + p.value / 100 if _EXCEEDED_BY.search(text, a.end, p.start) else p.value / 100
        out.append(Target(start=p.start, end=m.end(), text=text[p.start:m.end()], value=None, unit=a.unit,
                          indicator=a.indicator, deadline_year=_year(a), achieved=j, achieved_value=a.value,
                          achieved_ratio=ratio))
    return out


def _pct_end(f: Figure) -> int:
    return f.start + f.text.index("%") + 1 if "%" in f.text else f.end


def _year(f: Figure) -> int | None:
    return f.period_end or f.year


__all__ = ["link_plans"]

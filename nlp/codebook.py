"""The versioned indicator codebook (``nlp/data/codebook.toml``, GUIDE §5).

Each code names what a figure measures ("members.admitted") so that figures
compare across provinces; ``indicator_for`` picks the code from the figure's
unit and the cue words nearest to it in its sentence.

>>> from nlp.types import Figure
>>> s = "Năm 2021, Đảng bộ kết nạp được 181 đảng viên."
>>> indicator_for(s, Figure(start=31, end=44, text="181 đảng viên", value=181, unit="đảng viên"))
'members.admitted'
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

CODEBOOK_PATH = Path(__file__).parent / "data" / "codebook.toml"
# Must equal `version` in codebook.toml (a test checks); bump both when codes or matching change.
CODEBOOK_VERSION = "2"

# A cue after the figure ("26,2% TCCSĐ hoàn thành xuất sắc") counts as this many characters farther.
AFTER_PENALTY = 8
# A unit-only default ranks behind any cue.
DEFAULT_GAP = 10_000


@dataclass
class Indicator:
    """One codebook entry."""

    code: str
    label: str
    units: frozenset[str]
    cues: list[re.Pattern] = field(default_factory=list)
    default_units: frozenset[str] = frozenset()


@dataclass
class Codebook:
    version: str
    units: dict[str, str]            # surface form -> canonical unit
    indicators: list[Indicator]
    unit_re: re.Pattern              # longest-first alternation of unit surfaces


@lru_cache(maxsize=1)
def load_codebook(path: str | None = None) -> Codebook:
    """Parse the codebook once (cached).

    >>> load_codebook().version
    '2'
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
    return Codebook(version=str(data["version"]), units=units, indicators=indicators, unit_re=unit_re)


def codes() -> list[str]:
    """All indicator codes, in codebook order.

    >>> "members.admitted" in codes()
    True
    """
    return [i.code for i in load_codebook().indicators]


def match_unit(text: str, pos: int) -> tuple[str, int] | None:
    """Canonical unit written at ``pos`` (after optional spaces) and where it ends.

    >>> match_unit("181 TCCSĐ mới", 3)
    ('tổ chức cơ sở đảng', 9)
    """
    cb = load_codebook()
    m = cb.unit_re.match(text, pos)
    if not m:
        return None
    surface = m.group(1)
    return cb.units.get(surface) or cb.units.get(surface.lower()), m.end()


def indicator_for(sentence: str, figure, sentence_start: int = 0,
                  bounds: tuple[int, int] | None = None) -> str | None:
    """Code of what ``figure`` measures, from its unit and the nearest cue in ``sentence``.

    ``sentence_start`` is the sentence's offset in the document (figure offsets are
    document offsets); ``bounds`` (document offsets) limits where cues are searched,
    e.g. from the previous figure to the next one.

    >>> from nlp.types import Figure
    >>> s = "giảm tỷ lệ TCCSĐ yếu kém xuống còn 0,36%"
    >>> indicator_for(s, Figure(start=35, end=40, text="0,36%", value=0.36, unit="%"))
    'orgs.weak_pct'
    """
    unit = figure.unit
    if unit is None:
        return None
    lo, hi = bounds if bounds else (sentence_start, sentence_start + len(sentence))
    fs, fe = figure.start - sentence_start, figure.end - sentence_start
    if unit == "%" and "%" in figure.text:     # "26,2% TCCSĐ hoàn thành xuất sắc": cues may follow the %
        fe = fs + figure.text.index("%") + 1
    before = sentence[max(0, lo - sentence_start):max(0, fs)]
    after = sentence[max(0, fe):max(0, hi - sentence_start)]
    before = before[before.rfind(";") + 1:]     # cues count within the figure's clause only
    after = after.split(";", 1)[0]
    best: tuple[int, int, str] | None = None
    for rank, ind in enumerate(load_codebook().indicators):
        if unit not in ind.units:
            continue
        gap = DEFAULT_GAP if unit in ind.default_units else None
        for cue in ind.cues:
            if cue.pattern.startswith("^"):     # a rating right after the counted noun names what is counted
                if cue.match(after):
                    gap = -1
                continue
            for m in cue.finditer(before):
                g = len(before) - m.end()
                gap = g if gap is None or g < gap else gap
            if not cue.pattern.endswith("$"):
                m = cue.search(after)
                if m:
                    g = m.start() + AFTER_PENALTY
                    gap = g if gap is None or g < gap else gap
        if gap is not None and (best is None or (gap, rank) < best[:2]):
            best = (gap, rank, ind.code)
    return best[2] if best else None


__all__ = ["CODEBOOK_PATH", "CODEBOOK_VERSION", "Indicator", "Codebook", "load_codebook", "codes",
           "match_unit", "indicator_for"]

"""Mention records returned by extraction (fields follow shared CONTRACT.md).

Every record carries ``start``/``end`` Python string offsets into the
normalised text and ``text == body[start:end]``.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Directive:
    """A named party document, e.g. "Chỉ thị số 05-CT/TW của Bộ Chính trị"."""

    start: int
    end: int
    text: str
    kind: str                      # nghi_quyet, chi_thi, quyet_dinh, quy_dinh, ket_luan, ke_hoach, ...
    number: str | None = None      # "05"
    symbol: str | None = None      # "CT/TW"
    issuer: str | None = None      # "TW", "TU", "HU", ... or a body name ("Bộ Chính trị")
    level: str | None = None       # central|provincial|district|grassroots
    plenum: int | None = None      # 4
    term: str | None = None        # "XII"
    congress: str | None = None    # "XII" for congress resolutions
    issued: str | None = None      # YYYY-MM-DD
    title: str | None = None
    canonical_id: str | None = None

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Figure:
    """A quantity: "kết nạp được 181 đảng viên" -> value 181, unit "đảng viên"."""

    start: int
    end: int
    text: str
    value: float
    value_max: float | None = None
    unit: str | None = None
    qualifier: str = "exact"       # exact|approx|min|max
    kind: str = "other"            # achieved|target|other
    indicator: str | None = None
    year: int | None = None        # the single year the figure counts; None for a period total
    period_start: int | None = None  # "nhiệm kỳ 2015 - 2020, kết nạp 9.092 đảng viên" -> 2015
    period_end: int | None = None    # ... -> 2020
    year_part: str | None = None     # part of the year only: "6 tháng đầu năm 2021" -> "H1" (Q1-Q4, 9M, YTD, M<n>)

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Target:
    """A stated goal: "phấn đấu hàng năm kết nạp 200 đảng viên mới"."""

    start: int
    end: int
    text: str
    value: float | None = None
    value_max: float | None = None
    unit: str | None = None
    indicator: str | None = None
    deadline_year: int | None = None
    recurrence: str | None = None  # "annual" | None
    figures: list[int] = field(default_factory=list)  # indexes into Extraction.figures
    # A plan stated with its result ("kết nạp 1.050/1.000 đảng viên", "đạt 1.050 đảng viên, bằng 105% kế
    # hoạch"): the achieved figure (index into Extraction.figures), its value and achieved / planned.
    achieved: int | None = None
    achieved_value: float | None = None
    achieved_ratio: float | None = None

    def to_dict(self) -> dict:
        d = asdict(self)
        return d


@dataclass
class Extraction:
    """All mentions of one document; ``text`` is the normalised body."""

    text: str
    text_sha1: str
    directives: list[Directive] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)

    def to_dict(self, path: str | None = None) -> dict:
        return {
            "path": path,
            "text_sha1": self.text_sha1,
            "directives": [d.to_dict() for d in self.directives],
            "figures": [f.to_dict() for f in self.figures],
            "targets": [t.to_dict() for t in self.targets],
        }

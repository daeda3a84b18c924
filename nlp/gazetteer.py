"""Central party documents, party terms and plenums (``nlp/data/gazetteer.toml``).

Loaded lazily, once. The data file is versioned: ``GAZETTEER_VERSION`` is
recorded with every build so a changed gazetteer explains changed ids.

>>> lookup_short("chi_thi", "05").id
'05-CT/TW'
>>> term_at("2017-04-07")
'XII'
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

__all__ = [
    "GAZETTEER_VERSION", "CentralDocument", "documents", "lookup_id", "lookup_short", "lookup_plenum",
    "term_at", "infer_term", "congress_start", "roman", "from_roman",
]


@dataclass(frozen=True)
class CentralDocument:
    """One central document, e.g. 04-NQ/TW "Nghị quyết Trung ương 4 khóa XII"."""

    id: str
    kind: str
    issued: str | None
    issuer: str | None
    term: str | None
    title: str | None
    plenum: int | None = None
    plenum_default: bool = False
    short: bool = False
    aliases: tuple[str, ...] = field(default_factory=tuple)
    confidence: str = "high"

    @property
    def number(self) -> str:
        return self.id.split("-", 1)[0]

    @property
    def symbol(self) -> str:
        return self.id.split("-", 1)[1]


@cache
def _data() -> dict:
    raw = resources.files("nlp").joinpath("data/gazetteer.toml").read_text(encoding="utf-8")
    return tomllib.loads(raw)


def _version() -> str:
    return str(_data()["version"])


@cache
def documents() -> tuple[CentralDocument, ...]:
    """All central documents of the gazetteer (an id may occur in two terms)."""
    docs = []
    for d in _data().get("documents", []):
        docs.append(CentralDocument(
            id=d["id"], kind=d["kind"], issued=d.get("issued"), issuer=d.get("issuer"), term=d.get("term"),
            title=d.get("title"), plenum=d.get("plenum"), plenum_default=bool(d.get("plenum_default", False)),
            short=bool(d.get("short", False)), aliases=tuple(d.get("aliases", ())),
            confidence=d.get("confidence", "high"),
        ))
    return tuple(docs)


@cache
def _terms() -> tuple[tuple[str, str], ...]:
    return tuple(sorted(((t["start"], t["term"]) for t in _data()["terms"])))


@cache
def _plenum_ended() -> dict[tuple[str, int], str]:
    return {(p["term"], int(p["plenum"])): p["ended"] for p in _data().get("plenums", [])}


_ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
_ROMAN_RE = re.compile(r"^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")


def roman(n: int) -> str:
    """12 -> "XII"."""
    out = []
    for value, letters in _ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def from_roman(s: str) -> int | None:
    """ "XII" -> 12; None when ``s`` is not a roman numeral."""
    s = s.upper()
    if not s or not _ROMAN_RE.match(s):
        return None
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    total = 0
    for i, ch in enumerate(s):
        v = values[ch]
        total += -v if i + 1 < len(s) and values[s[i + 1]] > v else v
    return total


def _date(published: str | None) -> str | None:
    """ "2017-04-07", "2017-04-07 08:30" or "2017" -> comparable "YYYY-MM-DD"; else None."""
    if not published:
        return None
    m = re.match(r"^(\d{4})(?:-(\d{2})-(\d{2}))?", published.strip())
    if not m:
        return None
    return f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m.group(2) else f"{m.group(1)}-07-01"


def term_at(published: str | None) -> str | None:
    """The party term (khóa) in force at a date: "2017-04-07" -> "XII", "2016-01-10" -> "XI"."""
    day = _date(published)
    if day is None:
        return None
    current = None
    for start, term in _terms():
        if start <= day:
            current = term
    return current


def _previous_term(term: str) -> str | None:
    names = [t for _, t in _terms()]
    i = names.index(term) if term in names else -1
    return names[i - 1] if i > 0 else None


def infer_term(published: str | None, plenum: int | None = None) -> str | None:
    """Term meant by "Nghị quyết Trung ương N" without "khóa", from the article date.

    Before plenum N of the current term has met (when the gazetteer knows its
    date), the text means plenum N of the previous term.

    >>> infer_term("2017-04-07", 4), infer_term("2016-05-01", 4)
    ('XII', 'XI')
    """
    term = term_at(published)
    if term is None or plenum is None:
        return term
    ended = _plenum_ended().get((term, plenum))
    day = _date(published)
    if ended is not None and day is not None and day < ended:
        return _previous_term(term) or term
    if ended is None and day is not None:
        # plenum N of this term unknown here: if an earlier term's plenum N is known and this
        # term started too recently for N plenums (about 2 a year), read the previous term
        start = dict((t, s) for s, t in _terms())[term]
        months = (int(day[:4]) - int(start[:4])) * 12 + int(day[5:7]) - int(start[5:7])
        if months < (plenum - 2) * 5 and _previous_term(term):
            return _previous_term(term)
    return term


def congress_start(congress: str) -> str | None:
    """Closing date of national congress ``congress`` (its term's start): "XII" -> "2016-01-28"."""
    for start, term in _terms():
        if term == congress:
            return start
    return None


def _pick(cands: list[CentralDocument], published: str | None) -> CentralDocument | None:
    """One document among same-named candidates: the latest issued on or before the date."""
    if not cands:
        return None
    day = _date(published)
    if day is not None:
        before = [d for d in cands if d.issued is None or d.issued <= day]
        if not before:
            return None
        return max(before, key=lambda d: d.issued or "")
    if len({d.id for d in cands}) == 1 and len(cands) == 1:
        return cands[0]
    return None


def lookup_id(canonical_id: str, published: str | None = None, term: str | None = None) -> CentralDocument | None:
    """The document with this canonical id ("21-NQ/TW"), told apart by term or date when it recurs."""
    cands = [d for d in documents() if d.id == canonical_id]
    if term:
        by_term = [d for d in cands if d.term == term]
        if by_term:
            return by_term[0]
    if len(cands) == 1:
        return cands[0]
    return _pick(cands, published)


def lookup_short(kind: str, number: str, published: str | None = None) -> CentralDocument | None:
    """Resolve "Chỉ thị 05" / "Quy định 213": kind + number -> the central document, or None.

    Several candidates (numbers restart each term) are decided by the article
    date; a document issued after the article cannot be meant.

    >>> lookup_short("quy_dinh", "213").id
    '213-QĐ/TW'
    >>> lookup_short("quy_dinh", "213", "2017-05-01") is None
    True
    """
    try:
        n = int(number)
    except ValueError:
        return None
    cands = [d for d in documents() if d.short and d.kind == kind and int(d.number) == n]
    ids = {d.id for d in cands}
    if len(cands) > 1 and published is None and len(ids) == 1:
        # same id in two terms, no date: the id is certain, the details are not
        d = cands[-1]
        return CentralDocument(id=d.id, kind=d.kind, issued=None, issuer=d.issuer, term=None, title=None)
    if len(cands) == 1:
        d = cands[0]
        day = _date(published)
        return d if day is None or d.issued is None or d.issued <= day else None
    return _pick(cands, published)


def lookup_plenum(kind: str, plenum: int, term: str) -> CentralDocument | None:
    """The document conventionally meant by "Nghị quyết Trung ương {plenum} khóa {term}"."""
    for d in documents():
        if d.plenum_default and d.kind == kind and d.plenum == plenum and d.term == term:
            return d
    return None


def __getattr__(name: str):
    if name == "GAZETTEER_VERSION":
        return _version()
    raise AttributeError(name)

"""Vietnamese numbers: digits with "." thousands and "," decimals, number words, ranges, ratios.

Conventions (GUIDE §3): "." groups thousands ("3.381" = 3381), "," is the
decimal mark ("10,6" = 10.6). Exceptions kept on purpose: several "," groups
("1,000,000") are English thousands; "." followed by one or two digits ("3.5")
is an English decimal. Pure functions, regexes compiled once.

>>> parse_number("3.381"), parse_number("10,6"), parse_number("1.234,5")
(3381.0, 10.6, 1234.5)
>>> parse_number_words("hai mươi lăm")
25.0
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# A digit number as written in Vietnamese text (no sign; no leading letter glue).
DIGITS = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}(?:,\d{3}){2,}|\d+\.\d{1,2}(?![\d.])|\d+(?:,\d+)?"
DIGITS_RE = re.compile(DIGITS)

# Multipliers written after a number: "2,5 triệu", "3 nghìn tỷ".
MULTIPLIERS = {"chục": 10.0, "trăm": 100.0, "nghìn": 1e3, "ngàn": 1e3, "vạn": 1e4, "triệu": 1e6,
               "tỷ": 1e9, "tỉ": 1e9}
MULTIPLIER_RE = re.compile(r"(?:\s+(?:nghìn|ngàn|vạn|triệu|tỷ|tỉ)\b)+(?:\s+rưỡi\b)?")

UNITS_WORDS = {"một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "lăm": 5, "nhăm": 5,
               "sáu": 6, "bảy": 7, "bẩy": 7, "tám": 8, "chín": 9}
_WORD_ALT = ("một|mốt|hai|ba|bốn|tư|năm|lăm|nhăm|sáu|bảy|bẩy|tám|chín|mười|mươi|linh|lẻ|trăm|"
             "nghìn|ngàn|vạn|triệu|tỷ|tỉ|rưỡi|chục")
# A run of number words; must start with a digit word (một … chín, mười) or "hàng/vài + chục …".
NUMBER_WORDS_RE = re.compile(
    r"(?<![\w])(?:[Mm]ột nửa|(?:[Hh]àng|[Vv]ài|[Mm]ấy) (?:chục|trăm|nghìn|ngàn|vạn|triệu|tỷ)(?: (?:nghìn|ngàn|triệu|tỷ))*"
    r"|(?:[Mm]ột|[Hh]ai|[Bb]a|[Bb]ốn|[Nn]ăm|[Ss]áu|[Bb]ảy|[Bb]ẩy|[Tt]ám|[Cc]hín|[Mm]ười)(?: (?:" + _WORD_ALT + r"))*)(?![\w])")

RANGE_SEP = r"\s*(?:[-–—]|đến|tới|đến dưới)\s*"


def parse_number(s: str) -> float | None:
    """Value of one digit number as Vietnamese texts write it.

    >>> parse_number("3.381"), parse_number("0,36"), parse_number("24")
    (3381.0, 0.36, 24.0)
    """
    s = s.strip()
    if not s or not s[0].isdigit():
        return None
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", s):
        return float(s.replace(".", "").replace(",", "."))
    if re.fullmatch(r"\d{1,3}(?:,\d{3}){2,}|\d{1,3},000", s):
        return float(s.replace(",", ""))
    if re.fullmatch(r"\d+\.\d{1,2}", s):
        return float(s)
    if re.fullmatch(r"\d+(?:,\d+)?", s):
        return float(s.replace(",", "."))
    return None


def parse_multiplier(s: str) -> float:
    """Product of the multiplier words in ``s`` ("nghìn tỷ" = 1e12, "triệu rưỡi" = 1.5e6).

    >>> parse_multiplier(" triệu rưỡi")
    1500000.0
    """
    words = s.split()
    value = 1.0
    half = False
    for w in words:
        if w == "rưỡi":
            half = True
        else:
            value *= MULTIPLIERS.get(w, 1.0)
    return value * 1.5 if half else value


def parse_number_words(s: str) -> float | None:
    """Value of Vietnamese number words; None when ``s`` is not a number.

    >>> parse_number_words("một trăm linh năm"), parse_number_words("hai triệu rưỡi")
    (105.0, 2500000.0)
    >>> parse_number_words("hai mươi tư"), parse_number_words("một nửa")
    (24.0, 0.5)
    """
    words = s.lower().split()
    if not words:
        return None
    if words == ["một", "nửa"]:
        return 0.5
    if words[0] in ("hàng", "vài", "mấy"):
        words = ["một"] + words[1:]
    total = 0.0       # finished groups (>= nghìn)
    group = 0.0       # current group below 1000
    digit: float | None = None
    tens_seen = False
    prev = None
    for w in words:
        if w in UNITS_WORDS:
            v = UNITS_WORDS[w]
            if w in ("lăm", "nhăm", "mốt", "tư") and not (tens_seen or prev in ("trăm", "nghìn", "ngàn")):
                if not (w == "tư" and prev is None):
                    return None
            if w in ("mốt", "tư") and prev in ("trăm", "nghìn", "ngàn"):
                # "trăm mốt" = 110, "nghìn tư" = 1400: a tens digit after a power
                group += v * (10 if prev == "trăm" else 100)
                digit = None
                prev = w
                continue
            if digit is not None:
                return None
            digit = v
        elif w == "mười":
            group += 10
            tens_seen = True
            digit = None
        elif w == "mươi":
            if digit is None:
                return None
            group += digit * 10
            digit = None
            tens_seen = True
        elif w == "chục":
            group += (digit if digit is not None else 1) * 10
            digit = None
            tens_seen = True
        elif w in ("linh", "lẻ"):
            if prev != "trăm" and prev not in ("nghìn", "ngàn"):
                return None
            tens_seen = True
        elif w == "trăm":
            group += (digit if digit is not None else 1) * 100
            digit = None
            tens_seen = False
        elif w in ("nghìn", "ngàn", "vạn", "triệu", "tỷ", "tỉ"):
            scale = MULTIPLIERS[w]
            part = group + (digit or 0)
            if part == 0 and prev in ("nghìn", "ngàn", "vạn", "triệu", "tỷ", "tỉ"):
                total *= scale          # "nghìn tỷ" = 1e12
                prev = w
                continue
            if part == 0:
                part = 1
            if total and total < scale:
                total = (total + part) * scale
            else:
                total += part * scale
            group, digit, tens_seen = 0.0, None, False
        elif w == "rưỡi":
            if prev in ("trăm",):
                group += 50
            elif prev in ("nghìn", "ngàn", "vạn", "triệu", "tỷ", "tỉ"):
                total += MULTIPLIERS[prev] / 2
            else:
                return None
        else:
            return None
        prev = w
    value = total + group + (digit or 0)
    return float(value) if value else None


@dataclass
class NumberMatch:
    """A number found in text: ``value`` (and ``value_max`` for a range), character span."""

    start: int
    end: int
    value: float
    value_max: float | None = None
    words: bool = False           # written in words ("hai mươi")
    approx: bool = False          # "hàng chục", "vài trăm"
    ratio_of: float | None = None  # "24/24" -> 24


def parse_range(s: str) -> tuple[float, float] | None:
    """Bounds of a range "5 – 6", "5-6", "từ 10 đến 12" (None if not a range).

    >>> parse_range("từ 10 đến 12"), parse_range("5 – 6")
    ((10.0, 12.0), (5.0, 6.0))
    """
    m = re.fullmatch(r"\s*(?:từ\s+)?(" + DIGITS + r")\s*%?" + RANGE_SEP + r"(" + DIGITS + r")\s*%?\s*", s)
    if not m:
        return None
    lo, hi = parse_number(m.group(1)), parse_number(m.group(2))
    if lo is None or hi is None or hi < lo:
        return None
    return lo, hi


def parse_ratio(s: str) -> tuple[float, float] | None:
    """Numerator and denominator of "24/24".

    >>> parse_ratio("24/24")
    (24.0, 24.0)
    """
    m = re.fullmatch(r"\s*(" + DIGITS + r")\s*/\s*(" + DIGITS + r")\s*", s)
    if not m:
        return None
    a, b = parse_number(m.group(1)), parse_number(m.group(2))
    if a is None or b is None or b == 0 or a > b:
        return None
    return a, b


__all__ = ["DIGITS", "DIGITS_RE", "MULTIPLIER_RE", "NUMBER_WORDS_RE", "RANGE_SEP", "NumberMatch",
           "parse_number", "parse_multiplier", "parse_number_words", "parse_range", "parse_ratio"]

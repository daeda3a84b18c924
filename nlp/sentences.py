"""Sentence spans with offsets (no tokenizer needed)."""
from __future__ import annotations

import re

from .normalize import UPPER

# A sentence ends at . ! ? … or ; followed by space and an upper-case letter,
# digit, quote or bracket, or at a line break. Thousand separators ("3.381")
# and abbreviations ("TP. Hồ Chí Minh") are kept inside the sentence.
_ABBREV = {"tp", "tt", "ts", "ths", "gs", "pgs", "bs", "ks", "q", "p", "tx", "st", "đ/c", "ông", "bà"}
_BOUNDARY = re.compile(r"(?<=[.!?…])[\"”’)]*\s+(?=[\"“‘(]?[" + UPPER + r"0-9])|\n+")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` of each sentence, stripped of outer whitespace.

    >>> sentence_spans("Năm 2017 kết nạp 181 đảng viên. TP. Hồ Chí Minh có 24/24 quận.")
    [(0, 31), (32, 62)]
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        end = m.start()
        if "\n" not in m.group(0):
            prev = text[max(start, end - 6):end].rstrip(".").split()
            if prev and prev[-1].lower() in _ABBREV:
                continue
        _push(text, start, end, spans)
        start = m.end()
    _push(text, start, len(text), spans)
    return spans


def _push(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def sentence_at(text: str, pos: int, spans: list[tuple[int, int]] | None = None) -> tuple[int, int]:
    """The sentence span that contains offset ``pos``."""
    for s, e in spans or sentence_spans(text):
        if s <= pos < e or (pos == e):
            return s, e
    return 0, len(text)

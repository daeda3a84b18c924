"""Sentence spans with offsets (no tokenizer needed)."""
from __future__ import annotations

import re

from .normalize import UPPER

# A sentence ends at . ! ? … or ; followed by space and an upper-case letter,
# digit, quote or bracket, or at a line break. Thousand separators ("3.381")
# and abbreviations ("TP. Hồ Chí Minh") are kept inside the sentence.
_ABBREV = {"tp", "tt", "ts", "ths", "gs", "pgs", "bs", "ks", "q", "p", "tx", "st", "đ/c", "ông", "bà"}
_BOUNDARY = re.compile(r"(?<=[.!?…])[\"”’)]*\s+(?=[\"“‘(]?[" + UPPER + r"0-9])|\n+")
# Longest sentence: a longer run without a boundary (a table flattened to one line, a list joined by ";") is
# cut at its last ";", "," or space before this length, so that the work per sentence stays bounded and
# extraction time linear in the length of the text. Sentences of articles are far shorter (the longest
# of 20,000 news articles: 6,463 characters).
MAX_SENTENCE = 10_000


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
    while end - start > MAX_SENTENCE:
        cut = _cut(text, start)
        _push(text, start, cut, spans)
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        spans.append((start, end))


def _cut(text: str, start: int) -> int:
    """Where to cut an over-long sentence that starts at ``start``: after its last "; ", else ", ", else
    space in the second half of its first ``MAX_SENTENCE`` characters, else at that length.

    >>> text = "x" * 6000 + "; y, z " + "x" * 9000
    >>> _cut(text, 0), _cut(text.replace(";", "-"), 0), _cut("x" * 20000, 0)
    (6001, 6004, 10000)
    """
    lo, hi = start + MAX_SENTENCE // 2, start + MAX_SENTENCE
    for sep in ("; ", ", "):
        at = text.rfind(sep, lo, hi)
        if at >= 0:
            return at + 1
    at = text.rfind(" ", lo, hi)
    return at if at >= 0 else hi


def sentence_at(text: str, pos: int, spans: list[tuple[int, int]] | None = None) -> tuple[int, int]:
    """The sentence span that contains offset ``pos``."""
    for s, e in spans or sentence_spans(text):
        if s <= pos < e or (pos == e):
            return s, e
    return 0, len(text)

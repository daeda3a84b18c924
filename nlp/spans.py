"""A set of character spans with fast overlap queries, so that checks over a whole document stay linear.

``any(s < end and start < e for s, e in spans)`` costs the size of ``spans`` per call: over a long
document with a span per mention, quadratic. :class:`SpanSet` keeps the spans in buckets by start and
looks only at the buckets a span overlapping the query can start in (no span is longer than the
longest one added), with the same answers.

>>> spans = SpanSet([(0, 10), (40, 52)])
>>> spans.overlaps(9, 12), spans.overlaps(10, 40), spans.overlapping(0, 50)
(True, False, [(0, 10), (40, 52)])
"""
from __future__ import annotations

from collections import defaultdict
from typing import Any, Iterable

__all__ = ["SpanSet"]


class SpanSet:
    """Spans ``(start, end)``, each with an optional item; answers as a scan of all of them would."""

    def __init__(self, spans: Iterable[tuple[int, int]] = (), bucket: int = 1024):
        self._size = bucket
        self._buckets: dict[int, list[tuple[int, int, Any]]] = defaultdict(list)
        self._longest = 0
        for start, end in spans:
            self.add(start, end)

    def add(self, start: int, end: int, item: Any = None) -> None:
        self._buckets[start // self._size].append((start, end, item))
        self._longest = max(self._longest, end - start)

    def remove(self, start: int, end: int, item: Any = None) -> None:
        """Remove the span added with this ``item`` (the same object)."""
        bucket = self._buckets[start // self._size]
        for i, (s, e, it) in enumerate(bucket):
            if s == start and e == end and it is item:
                del bucket[i]
                return
        raise KeyError((start, end))

    def _near(self, lo: int, hi: int):
        """Entries whose start may lie in ``[lo, hi]``, bucket by bucket."""
        for k in range(lo // self._size, hi // self._size + 1):
            yield from self._buckets.get(k, ())

    def overlaps(self, start: int, end: int) -> bool:
        """Whether some span ``(s, e)`` has ``s < end and start < e``."""
        return any(s < end and start < e for s, e, _ in self._near(start - self._longest, end - 1))

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        """The spans ``(s, e)`` with ``s < end and start < e``, by bucket (then as added)."""
        return [(s, e) for s, e, _ in self._near(start - self._longest, end - 1) if s < end and start < e]

    def items_starting_in(self, lo: int, hi: int) -> list[Any]:
        """The items of the spans that start in ``[lo, hi)``."""
        return [it for s, _, it in self._near(lo, hi - 1) if lo <= s < hi]

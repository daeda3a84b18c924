"""Reprints and exact duplicates: the same story on several sites.

Provincial papers and party portals syndicate each other's reports with light
edits (a new title, a rewritten lead, a paragraph dropped or added, another
agency prefix, page furniture). Counting such a story once per site would
inflate every comparison, so each copy is linked to its EARLIEST copy.

- ``content_key(text)``: sha1 of the normalised text (exact duplicates).
- ``signature(text)``: MinHash of word 5-shingles, 512 bytes (near duplicates).
- ``ReprintIndex``: MinHash LSH over signatures.
- ``link_reprints(items)``: links for a whole collection;
  ``link_new(new_items, index)``: links for articles added to a built store.

Pass the article BODY (optionally with the lead), not the title: reprints
usually get a new title. The similarity is the estimated Jaccard similarity of
the shingle sets. Texts shorter than ``MIN_TOKENS`` words are only matched
exactly, and empty texts never.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from typing import Iterable

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
SEED = 20170101                 # fixed: signatures stored by the store stay comparable
SHINGLE = 5                     # words per shingle
SCHEME = "affine32"             # datasketch permutation scheme (uint32 values)
MIN_TOKENS = 25                 # shorter texts: exact duplicates only
DEFAULT_THRESHOLD = 0.5         # chosen with benchmarks/reprints_eval.py: synthetic F1 0.999;
                                # 0.4 also links looser rewrites of one press release (real bulk)
SIGNATURE_BYTES = NUM_PERM * 4
_PERMUTATIONS = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME).permutations   # computed once

_WORD = re.compile(r"\w+")
# Old vs new tone placement ("hoà"/"hòa", "khoẻ"/"khỏe", "thuỷ"/"thủy"):
# normalise to the mark on the first vowel of an open oa/oe/uy syllable.
_TONES = "\u0301\u0300\u0309\u0303\u0323"   # sắc huyền hỏi ngã nặng (combining)
_TONED = {unicodedata.normalize("NFC", v + t): (v, t) for v in "aey" for t in _TONES}
_OLD_TONE = re.compile(r"(?<!q)([ou])([" + "".join(_TONED) + r"])(?!\w)")


def _first_vowel_tone(m: re.Match) -> str:
    base, tone = _TONED[m.group(2)]
    return unicodedata.normalize("NFC", m.group(1) + tone) + base


@dataclass(frozen=True)
class ReprintLink:
    """``article_id`` is a copy of ``original_id`` (the earliest copy).

    ``method`` is ``"exact"`` (same normalised text) or ``"near"`` (MinHash).
    """

    article_id: str
    original_id: str
    similarity: float
    method: str


def normalise(text: str) -> str:
    """Case-folded NFC words joined by single spaces; punctuation dropped.

    >>> normalise("Nghị quyết  Trung ương 4 (khoá XII).")
    'nghị quyết trung ương 4 khóa xii'
    """
    return " ".join(_tokens(text))


def _tokens(text: str) -> list[str]:
    nfc = unicodedata.normalize("NFC", (text or "").casefold())
    return _WORD.findall(_OLD_TONE.sub(_first_vowel_tone, nfc))


def content_key(text: str) -> str:
    """sha1 (hex) of the normalised text: equal for exact duplicates.

    >>> content_key("Đảng bộ  tỉnh.") == content_key("đảng bộ tỉnh")
    True
    """
    return hashlib.sha1(normalise(text).encode("utf-8")).hexdigest()


def _shingles(tokens: list[str]) -> list[bytes]:
    if len(tokens) <= SHINGLE:
        return [" ".join(tokens).encode("utf-8")] if tokens else []
    return list({" ".join(tokens[i:i + SHINGLE]).encode("utf-8")
                 for i in range(len(tokens) - SHINGLE + 1)})


def signature(text: str) -> bytes:
    """MinHash signature (128 perms, word 5-shingles, fixed seed): 512 bytes.

    >>> len(signature("Tỉnh ủy Lạng Sơn kết nạp 181 đảng viên mới"))
    512
    """
    return _signature_of_tokens(_tokens(text))


def _signature_of_tokens(tokens: list[str]) -> bytes:
    m = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME, permutations=_PERMUTATIONS)
    m.update_batch(_shingles(tokens))
    return m.hashvalues.astype("<u4").tobytes()


def _values(sig: bytes) -> np.ndarray:
    if not isinstance(sig, (bytes, bytearray, memoryview)) or len(sig) != SIGNATURE_BYTES:
        raise ValueError(f"not a reprint signature: expected {SIGNATURE_BYTES} bytes")
    return np.frombuffer(bytes(sig), dtype="<u4").astype(np.uint32)


def similarity(sig_a: bytes, sig_b: bytes) -> float:
    """Estimated Jaccard similarity of two signatures (0..1).

    >>> s = signature("Đảng bộ xã tổ chức hội nghị sơ kết Nghị quyết Trung ương 4")
    >>> similarity(s, s)
    1.0
    """
    return float(np.mean(_values(sig_a) == _values(sig_b)))


def _order_key(published: str | None, article_id: str) -> tuple:
    # Earliest first; an unknown date counts as latest; ties: lowest id.
    return (published is None, published or "", article_id)


class ReprintIndex:
    """MinHash LSH over article signatures.

    >>> idx = ReprintIndex(threshold=0.8)
    >>> s = signature("Huyện ủy tổ chức hội nghị quán triệt Nghị quyết Trung ương 4 khóa XII cho cán bộ chủ chốt")
    >>> idx.add("a1", s, "2017-03-01")
    >>> idx.query(s)
    [('a1', 1.0)]
    """

    def __init__(self, threshold: float = DEFAULT_THRESHOLD):
        if not 0.0 < threshold <= 1.0:
            raise ValueError("threshold must be in (0, 1]")
        self.threshold = threshold
        # The LSH band threshold sits a little lower so borderline pairs reach
        # the exact signature comparison.
        self._lsh = MinHashLSH(threshold=max(0.1, threshold - 0.1), num_perm=NUM_PERM)
        self._sigs: dict[str, np.ndarray] = {}
        self._published: dict[str, str | None] = {}
        self._keys: dict[str, str] = {}          # content_key -> earliest article_id with it
        self._original: dict[str, str] = {}      # copy -> original, when known

    def __len__(self) -> int:
        return len(self._published)

    def __contains__(self, article_id: str) -> bool:
        return article_id in self._published

    def add(self, article_id: str, sig: bytes | None, published: str | None,
            key: str | None = None, original_id: str | None = None) -> None:
        """Index one article. ``sig`` may be None (too short: exact matches only).

        Optional ``key`` (its ``content_key``) enables exact matching, and
        ``original_id`` records a known link (as the store has it).
        """
        if article_id in self._published:
            return
        self._published[article_id] = published
        if sig is not None:
            values = _values(sig)
            self._sigs[article_id] = values
            self._lsh.insert(article_id, _minhash(values))
        if key is not None:
            old = self._keys.get(key)
            if old is None or _order_key(published, article_id) < _order_key(self._published[old], old):
                self._keys[key] = article_id
        if original_id is not None and original_id != article_id:
            self._original[article_id] = original_id

    def query(self, sig: bytes) -> list[tuple[str, float]]:
        """Indexed articles whose similarity to ``sig`` is at least the threshold,
        most similar first (ties: lowest id)."""
        values = _values(sig)
        hits = []
        for aid in self._lsh.query(_minhash(values)):
            sim = float(np.mean(self._sigs[aid] == values))
            if sim >= self.threshold:
                hits.append((aid, sim))
        return sorted(hits, key=lambda h: (-h[1], h[0]))

    def exact(self, key: str) -> str | None:
        """The earliest indexed article with this ``content_key``, if any."""
        return self._keys.get(key)

    def original_of(self, article_id: str) -> str:
        """The original an indexed article is linked to (itself if none)."""
        seen = set()
        while article_id in self._original and article_id not in seen:
            seen.add(article_id)
            article_id = self._original[article_id]
        return article_id

    def published_of(self, article_id: str) -> str | None:
        return self._published.get(article_id)

    def copies_of(self, original_id: str) -> list[str]:
        """Indexed articles linked (directly or through a chain) to ``original_id``."""
        return sorted(a for a in self._original if a != original_id and self.original_of(a) == original_id)


def _minhash(values: np.ndarray) -> MinHash:
    return MinHash(num_perm=NUM_PERM, seed=SEED, hashvalues=values, scheme=SCHEME, permutations=_PERMUTATIONS)


def link_reprints(items: Iterable[tuple], threshold: float = DEFAULT_THRESHOLD) -> list[ReprintLink]:
    """Link every copy to the earliest copy of its story; deterministic.

    ``items``: ``(article_id, text, published "YYYY-MM-DD" or None, site)``.
    Returns one link per copy (originals get none), sorted by article_id.

    >>> body = "Đảng bộ tỉnh Lạng Sơn tổ chức hội nghị sơ kết 5 năm thực hiện Chỉ thị 05-CT/TW của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh."
    >>> link_reprints([("b", body, "2017-05-02", "x"), ("a", body, "2017-05-01", "y")])
    [ReprintLink(article_id='b', original_id='a', similarity=1.0, method='exact')]
    """
    index = ReprintIndex(threshold=threshold)
    return link_new(items, index)


def link_new(new_items: Iterable[tuple], index: ReprintIndex) -> list[ReprintLink]:
    """Link new articles against an index of stored ones (and each other).

    The index is updated in place. Returned links REPLACE any earlier link of
    the same article_id: when a new article is earlier than a stored original
    (an older page imported later), the stored copies are re-pointed to it.

    >>> idx = ReprintIndex(threshold=0.5)
    >>> body = "Ban Thường vụ Huyện ủy đã kết nạp được 181 đảng viên mới, đạt 120% chỉ tiêu Nghị quyết Đại hội Đảng bộ huyện đề ra cho năm 2017 và rà soát 3.381 đảng viên."
    >>> link_new([("a", body, "2017-05-01", "x")], idx)
    []
    >>> [(l.article_id, l.original_id, l.method) for l in link_new([("b", body + " Tin liên quan", "2017-05-03", "y")], idx)]
    [('b', 'a', 'near')]
    """
    rows = []
    for item in new_items:
        article_id, text, published = item[0], item[1], item[2]
        if article_id in index:
            continue
        rows.append((_order_key(published, article_id), article_id, text or "", published))
    rows.sort()
    links: dict[str, ReprintLink] = {}
    for _, article_id, text, published in rows:
        tokens = _tokens(text)
        if not tokens:
            index.add(article_id, None, published)
            continue
        key = hashlib.sha1(" ".join(tokens).encode("utf-8")).hexdigest()
        sig = None
        if len(tokens) >= MIN_TOKENS:
            sig = _signature_of_tokens(tokens)
        match = _best_match(index, key, sig)
        index.add(article_id, sig, published, key=key)
        if match is None:
            continue
        matched_id, sim, method = match
        root = index.original_of(matched_id)
        if _order_key(published, article_id) < _order_key(index.published_of(root), root):
            # The new article is earlier than the stored original: it becomes the original.
            for copy in [root] + index.copies_of(root):
                prev = links.get(copy)
                s = sim if copy == matched_id else (prev.similarity if prev else sim)
                index._original[copy] = article_id
                links[copy] = ReprintLink(copy, article_id, s, prev.method if prev else method)
        else:
            index._original[article_id] = root
            links[article_id] = ReprintLink(article_id, root, sim, method)
    return [links[a] for a in sorted(links)]


def _best_match(index: ReprintIndex, key: str, sig: bytes | None) -> tuple[str, float, str] | None:
    exact = index.exact(key)
    if exact is not None:
        return exact, 1.0, "exact"
    if sig is None:
        return None
    hits = index.query(sig)
    if not hits:
        return None
    # Prefer the match whose original is earliest; then the most similar.
    best = min(hits, key=lambda h: (_order_key(index.published_of(index.original_of(h[0])),
                                               index.original_of(h[0])), -h[1], h[0]))
    return best[0], best[1], "near"

"""Word tokens with offsets and POS tags (underthesea), aligned back to the text.

underthesea returns words without offsets ("đảng viên" joined by a space, maybe
over several spaces or a line break in the text), so ``align`` walks the text
and gives every word its span; a word it cannot find is dropped, never guessed.
Models load lazily once, from the installed underthesea package (no network).

>>> [(t.text, t.pos) for t in tag_words("kết nạp 181 đảng viên")]  # doctest: +SKIP
[('kết nạp', 'V'), ('181', 'M'), ('đảng viên', 'N')]
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Token:
    """One word: ``text == source[start:end]`` up to inner whitespace; ``pos`` a VLSP tag (N, V, M, CH …)."""

    text: str
    start: int
    end: int
    pos: str | None = None


def align(text: str, words: list[str], offset: int = 0) -> list[tuple[int, int] | None]:
    """Spans of ``words`` in ``text`` (inner spaces of a word match any whitespace run).

    >>> align("kết  nạp 181", ["kết nạp", "181"])
    [(0, 8), (9, 12)]
    """
    spans: list[tuple[int, int] | None] = []
    pos = 0
    n = len(text)
    for word in words:
        syllables = word.split()
        if not syllables:
            spans.append(None)
            continue
        found = _match_at(text, pos, syllables, n)
        if found is None:
            # the tokenizer changed something: look a little further, else give up on this word
            k = text.find(syllables[0], pos, pos + 40)
            found = _match_at(text, k, syllables, n) if k >= 0 else None
        if found is None:
            spans.append(None)
            continue
        s, e = found
        spans.append((s + offset, e + offset))
        pos = e
    return spans


def _match_at(text: str, pos: int, syllables: list[str], n: int) -> tuple[int, int] | None:
    while pos < n and text[pos].isspace():
        pos += 1
    start = pos
    for i, syl in enumerate(syllables):
        if i:
            while pos < n and text[pos].isspace():
                pos += 1
        if not text.startswith(syl, pos):
            return None
        pos += len(syl)
    return start, pos


_MODELS: dict = {}


def _models():
    if not _MODELS:
        from os.path import dirname, join

        import underthesea.pipeline.pos_tag as pos_pkg
        from underthesea import word_tokenize
        from underthesea.models.fast_crf_sequence_tagger import FastCRFSequenceTagger

        tagger = FastCRFSequenceTagger()
        tagger.load(join(dirname(pos_pkg.__file__), "models", "pos_crf_vlsp2013_20230303"))
        _MODELS["tokenize"] = word_tokenize
        _MODELS["pos"] = tagger
    return _MODELS["tokenize"], _MODELS["pos"]


@lru_cache(maxsize=4096)
def _tag_cached(text: str) -> tuple[tuple[str, str], ...]:
    word_tokenize, tagger = _models()
    words = word_tokenize(text, use_token_normalize=False)
    if not words:
        return ()
    tags = tagger.predict([[w] for w in words])
    return tuple((w, t[2:] if t[:2] in ("B-", "I-") else t) for w, t in zip(words, tags))


def tag_words(text: str, offset: int = 0) -> list[Token]:
    """Word-segment and POS-tag ``text``; spans are shifted by ``offset``.

    >>> [t.pos for t in tag_words("hơn 150 lớp")]  # doctest: +SKIP
    ['A', 'M', 'N']
    """
    tagged = _tag_cached(text)
    spans = align(text, [w for w, _ in tagged], offset)
    return [Token(w, s[0], s[1], p) for (w, p), s in zip(tagged, spans) if s is not None]


__all__ = ["Token", "align", "tag_words"]

"""Extraction over long documents (the speed itself is measured by ``partycorpus bench extract``, not here).

The work of ``nlp.extract``, counted in Python function calls, grows in proportion to the text; the pieces
that keep it so answer exactly as the plain scans they replaced; over-long sentences are cut without
losing a figure. All texts are synthetic, written for these tests.
"""
import random
import sys

from corpus.commands.bench import long_text
from nlp import extract
from nlp.figures import _open_paren, open_parens
from nlp.sentences import MAX_SENTENCE, sentence_spans
from nlp.spans import SpanSet


def _python_calls(text: str) -> int:
    calls = 0

    def count(frame, event, arg):
        nonlocal calls
        if event == "call":
            calls += 1

    sys.setprofile(count)
    try:
        extract(text, published="2017-06-15")
    finally:
        sys.setprofile(None)
    return calls


def test_work_grows_in_proportion_to_the_text():
    extract(long_text(300), published="2017-06-15")      # models and caches load outside the count
    small, large = _python_calls(long_text(500)), _python_calls(long_text(2000))
    # 4 times the sentences: 4 times the calls (a check of every mention against every other one, as
    # extraction did before, made it 7.7 times)
    assert 3.6 < large / small < 4.4, (small, large)


def test_span_set_answers_as_a_scan_of_all_spans():
    rng = random.Random(7)
    for _ in range(300):
        spans = [(s, s + rng.randint(-3, 40)) for s in (rng.randint(0, 3000) for _ in range(rng.randint(0, 30)))]
        found = SpanSet(spans, bucket=rng.choice([1, 16, 1024]))
        for _ in range(20):
            a = rng.randint(-50, 3100)
            b = a + rng.randint(-5, 300)
            assert found.overlaps(a, b) == any(s < b and a < e for s, e in spans)
            assert sorted(found.overlapping(a, b)) == sorted((s, e) for s, e in spans if s < b and a < e)


def test_span_set_items_follow_removal_and_moves():
    found = SpanSet()
    items = [object() for _ in range(5)]
    for i, item in enumerate(items):
        found.add(100 * i, 100 * i + 50, item)
    assert found.items_starting_in(100, 300) == items[1:3]
    found.remove(100, 150, items[1])
    found.add(5000, 5010, items[1])                      # moved far away
    assert found.items_starting_in(100, 300) == items[2:3]
    assert found.items_starting_in(4000, 6000) == [items[1]]
    assert not found.overlaps(150, 200) and found.overlaps(5005, 5006)


def test_open_brackets_in_one_pass_match_the_scan_back():
    rng = random.Random(3)
    for _ in range(3000):
        text = "".join(rng.choice("()(() ab") for _ in range(rng.randint(0, 40)))
        ss = rng.randint(0, len(text))
        positions = [rng.randint(0, len(text)) for _ in range(rng.randint(0, 8))]
        got = open_parens(text, ss, positions)
        assert {p: _open_paren(text, ss, p) for p in positions} == got


def test_an_over_long_sentence_is_cut_at_clause_breaks_and_keeps_every_figure():
    # one "sentence" of about 42,000 characters: a list joined by "; " with no full stop
    text = "; ".join(f"xã {chr(65 + i % 26)} kết nạp {i} đảng viên" for i in range(1, 1500)) + "."
    spans = sentence_spans(text)
    assert len(spans) > 4 and all(e - s <= MAX_SENTENCE for s, e in spans)
    assert all(text[e - 1] in ";." for s, e in spans)    # cut after a ";", not inside a clause
    gaps = [text[e:s] for (_, e), (s, _) in zip(spans, spans[1:])]
    assert spans[0][0] == 0 and spans[-1][1] == len(text) and all(gap == " " for gap in gaps)   # nothing lost
    assert [f.value for f in extract(text).figures] == [float(i) for i in range(1, 1500)]


def test_sentences_shorter_than_the_cap_are_not_cut():
    text = ("Đảng bộ xã kết nạp 12 đảng viên, " * 290).strip()      # about 9,600 characters, one sentence
    assert len(text) < MAX_SENTENCE and sentence_spans(text) == [(0, len(text))]

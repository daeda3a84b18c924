"""Vietnamese number formats, number words, ranges and ratios (nlp.numbers)."""
import pytest

from nlp.numbers import parse_multiplier, parse_number, parse_number_words, parse_range, parse_ratio


@pytest.mark.parametrize("written, value", [
    ("3.381", 3381), ("10,6", 10.6), ("1.234,5", 1234.5), ("0,36", 0.36), ("24", 24),
    ("1.000.000", 1_000_000), ("10.000", 10_000), ("4.210", 4210),
    ("1,000,000", 1_000_000),     # English thousands (several groups)
    ("23,000", 23_000),           # ",000" is never a Vietnamese decimal
    ("3.5", 3.5), ("1.4", 1.4),   # English decimal: one or two digits after "."
    ("2,5", 2.5),
])
def test_digit_numbers(written, value):
    assert parse_number(written) == pytest.approx(value)


@pytest.mark.parametrize("written", ["", "abc", "XII", "-"])
def test_not_a_number(written):
    assert parse_number(written) is None


@pytest.mark.parametrize("words, value", [
    ("một", 1), ("hai", 2), ("ba", 3), ("bốn", 4), ("tư", 4), ("năm", 5), ("sáu", 6), ("bảy", 7),
    ("bẩy", 7), ("tám", 8), ("chín", 9), ("mười", 10), ("mười một", 11), ("mười lăm", 15),
    ("hai mươi", 20), ("hai mươi lăm", 25), ("ba mươi nhăm", 35), ("hai mươi mốt", 21),
    ("hai mươi tư", 24), ("chín mươi chín", 99), ("hai chục", 20), ("một trăm", 100),
    ("một trăm linh năm", 105), ("hai trăm lẻ ba", 203), ("trăm mốt", 110), ("trăm rưỡi", 150),
    ("hai trăm năm mươi", 250), ("một nghìn", 1000), ("một ngàn", 1000), ("ba nghìn năm trăm", 3500),
    ("mười vạn", 100_000), ("hai triệu rưỡi", 2_500_000), ("một triệu hai trăm nghìn", 1_200_000),
    ("hai tỷ", 2e9), ("ba tỉ", 3e9), ("một nghìn tỷ", 1e12), ("một nửa", 0.5),
    ("hàng chục", 10), ("hàng trăm", 100), ("hàng nghìn", 1000), ("hàng chục nghìn", 10_000),
])
def test_number_words(words, value):
    assert parse_number_words(words) == pytest.approx(value)


@pytest.mark.parametrize("words", ["lăm", "ba ba", "mươi", "đảng viên", "linh"])
def test_not_number_words(words):
    assert parse_number_words(words) is None


@pytest.mark.parametrize("written, factor", [
    (" triệu", 1e6), (" tỷ", 1e9), (" nghìn tỷ", 1e12), (" triệu rưỡi", 1.5e6), (" ngàn", 1e3),
])
def test_multipliers(written, factor):
    assert parse_multiplier(written) == factor


@pytest.mark.parametrize("written, bounds", [
    ("5 – 6", (5, 6)), ("5-6", (5, 6)), ("5 - 6", (5, 6)), ("từ 10 đến 12", (10, 12)),
    ("10 - 12%", (10, 12)), ("10% - 12%", (10, 12)), ("8,5 – 9", (8.5, 9)), ("5 tới 7", (5, 7)),
    ("6 - 5", None), ("5", None),
])
def test_ranges(written, bounds):
    assert parse_range(written) == bounds


@pytest.mark.parametrize("written, ratio", [
    ("24/24", (24, 24)), ("15/19", (15, 19)), ("8 / 9", (8, 9)), ("30/4", None), ("5/0", None),
])
def test_ratios(written, ratio):
    assert parse_ratio(written) == ratio

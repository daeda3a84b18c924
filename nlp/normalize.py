"""The one text normalisation done at ingest; every mention offset indexes its output.

Steps of :func:`normalize`, in order:

1. line ends ``\\r\\n``/``\\r`` -> ``\\n``;
2. legacy 8-bit Vietnamese fonts shown as Latin-1 letters are decoded, line by
   line, when the decoded line reads as Vietnamese syllables and the original
   does not: TCVN3/ABC ("Häc viÖn chÝnh trÞ") and VNI ("Hoïc vieän chính trò");
3. NFC; combining marks left with no letter to sit on are dropped;
4. tone placement made consistent, the "khóa, hòa, ủy, thủy" convention used by
   most current papers: in an open oa/oe/uy syllable the tone sits on the first
   vowel ("khoá" -> "khóa", "hoà" -> "hòa", "uỷ" -> "ủy", "thuỷ" -> "thủy");
   syllables with a coda ("hoàng", "khuyến") and "qu" + y ("quý") are untouched;
5. NBSP and other space characters -> " "; zero-width characters, soft hyphens
   and control characters (except tab and newline) removed.

The result is idempotent: ``normalize(normalize(x)) == normalize(x)``.
"""
from __future__ import annotations

import codecs
import re
import unicodedata

__all__ = ["normalize", "decode_bytes", "decode_legacy", "UPPER"]

# Upper-case letters of Vietnamese text (Latin, with and without diacritics), for regex classes. Not "À-Ỹ":
# that code point range holds the lower-case letters too ("ở", "để").
UPPER = "".join(sorted({chr(c) for c in range(0x41, 0x1EFA) if chr(c).isupper() and chr(c).isalpha()
                        and (c < 0x250 or c >= 0x1E00)}))

# --- legacy fonts -------------------------------------------------------------

# TCVN3 (ABC, TCVN 5712 "VN3" fonts): one byte per Vietnamese letter. Pages
# and files in these fonts show the bytes as Latin-1/cp1252 letters.
_TCVN3_LETTERS = {
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
    0xA8: "ă", 0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
    0xA9: "â", 0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
    0xAE: "đ",
    0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
    0xAA: "ê", 0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
    0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
    0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    0xAB: "ô", 0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    0xAC: "ơ", 0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
    0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    0xAD: "ư", 0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
}
_TCVN3_TABLE = {code: letter for code, letter in _TCVN3_LETTERS.items()}

# VNI: a base letter followed by mark bytes (shown as Latin-1 letters).
_ACUTE, _GRAVE, _HOOK, _TILDE, _DOT = "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"
_CIRC, _BREVE, _HORN = "\u0302", "\u0306", "\u031b"
_VNI_TONE = {"ù": _ACUTE, "ø": _GRAVE, "û": _HOOK, "õ": _TILDE, "ï": _DOT}
_VNI_CIRC_TONE = {"á": _ACUTE, "à": _GRAVE, "å": _HOOK, "ã": _TILDE, "ä": _DOT}
_VNI_BREVE_TONE = {"é": _ACUTE, "è": _GRAVE, "ú": _HOOK, "ü": _TILDE, "ë": _DOT}
_VNI_HORN = {"ô": "ơ", "ö": "ư", "Ô": "Ơ", "Ö": "Ư"}  # stand-alone letters in VNI
_VNI_I = {"í": _ACUTE, "ì": _GRAVE, "æ": _HOOK, "ó": _TILDE, "ò": _DOT}


def _upper_too(table: dict[str, str]) -> dict[str, str]:
    return {**table, **{k.upper(): v for k, v in table.items()}}


_VNI_TONE = _upper_too(_VNI_TONE)
_VNI_CIRC_TONE = _upper_too(_VNI_CIRC_TONE)
_VNI_BREVE_TONE = _upper_too(_VNI_BREVE_TONE)
_VNI_I = _upper_too(_VNI_I)
_T = "[ùøûõïÙØÛÕÏ]"
_VNI_TOKEN = re.compile(
    "([aAeEoO])([áàåãäÁÀÅÃÄ])"          # â ê ô + tone
    "|([aA])([éèúüëÉÈÚÜË])"             # ă + tone
    f"|([aAeEoO])[âÂ]({_T})?"           # â ê ô
    f"|([aA])[êÊ]({_T})?"               # ă
    f"|([ôöÔÖ])({_T})?"                 # ơ ư
    f"|([aAeEiIoOuUyY])({_T})"          # plain vowel + tone
    "|([íìæóòÍÌÆÓÒ])"                   # i + tone
    "|([ñÑ])"                           # đ
)


def _vni_token(m: re.Match) -> str:
    g = m.groups()
    if g[0]:
        return g[0] + _CIRC + _VNI_CIRC_TONE[g[1]]
    if g[2]:
        return g[2] + _BREVE + _VNI_BREVE_TONE[g[3]]
    if g[4]:
        return g[4] + _CIRC + (_VNI_TONE[g[5]] if g[5] else "")
    if g[6]:
        return g[6] + _BREVE + (_VNI_TONE[g[7]] if g[7] else "")
    if g[8]:
        return _VNI_HORN[g[8]] + (_VNI_TONE[g[9]] if g[9] else "")
    if g[10]:
        return g[10] + _VNI_TONE[g[11]]
    if g[12]:
        return ("I" if g[12].isupper() else "i") + _VNI_I[g[12]]
    return "Đ" if g[13] == "Ñ" else "đ"


def _decode_vni(line: str) -> str:
    return unicodedata.normalize("NFC", _VNI_TOKEN.sub(_vni_token, line))


def _decode_tcvn3(line: str) -> str:
    return line.translate(_TCVN3_TABLE)


# A Vietnamese syllable, tones removed: onset + nucleus + coda.
_NUCLEI = sorted(
    "a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iê iu oa oă oe oi oo ôi ơi ua uâ uê ui uô uơ uy "
    "ưa ưi ưu ươ yê iêu oai oay oeo uây uôi uya uyê uyu ươi ươu yêu".split(), key=len, reverse=True)
_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?"
    "(?:" + "|".join(_NUCLEI) + r")(?:ch|ng|nh|[cmnpt])?"
)
_TONES = {_ACUTE, _GRAVE, _HOOK, _TILDE, _DOT}
_WORD = re.compile(r"[^\W\d_]+")


def _is_syllable(word: str) -> bool:
    """True for a well-formed Vietnamese syllable ("nguyễn", "học"), False for "grửòe"."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = sum(1 for ch in decomposed if ch in _TONES)
    if tones > 1:
        return False
    base = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONES))
    return _SYLLABLE.fullmatch(base) is not None


def _viet_score(line: str) -> int:
    """Number of non-ASCII words of ``line`` that are Vietnamese syllables."""
    return sum(1 for w in _WORD.findall(line) if not w.isascii() and _is_syllable(w))


# Lines that hold letters of the Vietnamese Unicode block (or combining marks)
# are Unicode text already. Legacy candidates hold a Latin-1 character that
# Vietnamese Unicode text never uses (so a decoded line is never decoded again).
_UNICODE_VIET = re.compile(r"[\u0100-\u024f\u0300-\u036f\u1e00-\u1eff]")
_VIET_LATIN1 = "ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý"
_LEGACY_MARKER = re.compile("[" + "".join(chr(c) for c in range(0xA1, 0x100) if chr(c) not in _VIET_LATIN1) + "]")
_SOFT_HYPHEN = "\u00ad"


def decode_legacy(line: str) -> str:
    """Decode one line written in TCVN3 or VNI when it reads as Vietnamese, else return it unchanged.

    >>> decode_legacy("Häc viÖn chÝnh trÞ")
    'Học viện chính trị'
    >>> decode_legacy("Hoïc vieän chính trò")
    'Học viện chính trị'
    >>> decode_legacy("Größe über Bäume")
    'Größe über Bäume'
    """
    if not _LEGACY_MARKER.search(line) or _UNICODE_VIET.search(line):
        return line
    plain = line.replace(_SOFT_HYPHEN, "")  # U+00AD is "ư" in TCVN3, else an invisible hyphen
    best, best_score = line, _viet_score(plain)
    for decoded in (_decode_tcvn3(line), _decode_vni(line), _decode_tcvn3(plain), _decode_vni(plain)):
        words = [w for w in _WORD.findall(decoded) if not w.isascii()]
        score = _viet_score(decoded)
        # decode only when it reads clearly better: most changed words become syllables
        if score > best_score and score * 10 >= len(words) * 7:
            best, best_score = decoded, score
    return best


# --- tone placement -----------------------------------------------------------

_TONE_OF = {}
for _base in "aeyAEY":
    for _tone in (_GRAVE, _ACUTE, _HOOK, _TILDE, _DOT):
        _TONE_OF[unicodedata.normalize("NFC", _base + _tone)] = (_base, _tone)
_OLD_STYLE = re.compile(
    r"(?<![qQ])([uU])([ỳýỷỹỵỲÝỶỸỴ])(?![^\W\d_])"
    r"|([oO])([àáảãạèéẻẽẹÀÁẢÃẠÈÉẺẼẸ])(?![^\W\d_])"
)


def _new_style(m: re.Match) -> str:
    first = m.group(1) or m.group(3)
    second = m.group(2) or m.group(4)
    base, tone = _TONE_OF[second]
    return unicodedata.normalize("NFC", first + tone) + base


# --- spaces, controls, stray marks ---------------------------------------------

_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_REMOVE = re.compile(r"[\u200b-\u200d\u2060\ufeff\x00-\x08\x0b-\x1f\x7f-\x9f]")
_LINE_SEPARATORS = re.compile(r"\r\n?|[\u2028\u2029\x85]")
_STRAY_MARK = re.compile(r"(?:(?<=^)|(?<=[^\w\u0300-\u036f]))[\u0300-\u036f]+|(?<=[\d_])[\u0300-\u036f]+")


def normalize(text: str) -> str:
    """Normalise article text once at ingest (legacy fonts, NFC, tone placement, spaces).

    >>> normalize("Nghị quyết Trung ương 4 (khoá XII), Thành uỷ")
    'Nghị quyết Trung ương 4 (khóa XII), Thành ủy'
    >>> normalize("Häc viÖn chÝnh trÞ\\r\\n")
    'Học viện chính trị\\n'
    """
    out = _normalize_once(text)
    if _LEGACY_MARKER.search(text):
        # legacy decoding decides line by line on what the line reads like; settle it
        for _ in range(3):
            again = _normalize_once(out)
            if again == out:
                break
            out = again
    return out


def _clean(text: str) -> str:
    text = _SPACES.sub(" ", _REMOVE.sub("", text))
    return _STRAY_MARK.sub("", unicodedata.normalize("NFC", text))


def _normalize_once(text: str) -> str:
    text = _clean(_LINE_SEPARATORS.sub("\n", text))
    if _LEGACY_MARKER.search(text):
        text = "\n".join(decode_legacy(line) for line in text.split("\n"))
    text = _clean(text.replace(_SOFT_HYPHEN, ""))
    return unicodedata.normalize("NFC", _OLD_STYLE.sub(_new_style, text))


# --- bytes ----------------------------------------------------------------------

def decode_bytes(raw: bytes) -> str | None:
    """Text of a file's bytes: UTF-8, UTF-16 with BOM, cp1258, or legacy fonts shown as cp1252.

    Returns None for binary data or bytes that read as no Vietnamese text.

    >>> decode_bytes("Học viện".encode("utf-8"))
    'Học viện'
    >>> decode_bytes("Häc viÖn chÝnh trÞ".encode("latin-1"))
    'Học viện chính trị'
    >>> decode_bytes("Học viện".encode("utf-16"))
    'Học viện'
    """
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8):]
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            return None
    if b"\x00" in raw:
        return None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    candidates = []
    try:
        candidates.append(unicodedata.normalize("NFC", raw.decode("cp1258")))
    except UnicodeDecodeError:
        pass
    latin = _clean(raw.decode("latin-1"))
    candidates.append("\n".join(decode_legacy(line) for line in _LINE_SEPARATORS.sub("\n", latin).split("\n")))
    best = max(candidates, key=_viet_score)
    if _viet_score(best) == 0:
        return None
    return best

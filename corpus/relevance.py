"""Is an article about party building? A small packaged text classifier.

TF-IDF over normalised syllable 1-2-grams (the same normalisation as
``corpus.dedup``: NFC, case-folded, one tone placement; party abbreviations
such as ĐV, TCCSĐ, UBKT written out first) joined with a few length-robust
features, the density of party-building terms (``PartyTerms``: the share of
sentences that use them, hits per word, distinct terms, a term in the title),
and logistic regression. Trained by ``benchmarks/train_relevance.py`` on the
hand labels in ``eval/relevance/labels.jsonl`` minus the held-out articles, each
article whole and as 2-4 sentence leads, so that a short report scores like a
long one. The model file ``corpus/data/relevance-v2.joblib`` ships with the
package; its card (``.json`` beside it) gives data sizes, the threshold chosen
on validation (``decision_threshold()``), held-out metrics and feature settings.
Nothing is fetched at run time.

"Party building" here: the subject is the Party's own work: organisations and
members (admission, cells, congresses, plenums), cadre work (appointments to
party posts, planning, rotation), inspection and discipline by party bodies,
political and ideological education (resolutions, Chỉ thị 05), self-criticism.
Articles that only mention party officials (economy, disasters, state
administration, commemorations, National Assembly business) are not.
"""
from __future__ import annotations

import functools
import json
import re
from pathlib import Path

import numpy as np

from .errors import UserError

MODEL_VERSION = "relevance-v2"
MODEL_PATH = Path(__file__).resolve().parent / "data" / f"{MODEL_VERSION}.joblib"
CARD_PATH = MODEL_PATH.with_suffix(".json")
MAX_CHARS = 6000            # the lead and first paragraphs decide; keeps scoring fast

# Abbreviations of party-building reports, written out before normalising ("kết nạp 44 ĐV mới").
ABBREVIATIONS = {
    "ĐV": "đảng viên", "TCCSĐ": "tổ chức cơ sở đảng", "TCSĐ": "tổ chức cơ sở đảng", "TCĐ": "tổ chức đảng",
    "CSĐ": "cơ sở đảng", "ĐU": "Đảng ủy", "BCH": "Ban Chấp hành", "BTV": "Ban Thường vụ",
    "UBKT": "Ủy ban Kiểm tra", "HTXSNV": "hoàn thành xuất sắc nhiệm vụ", "HTTNV": "hoàn thành tốt nhiệm vụ",
    "HTNV": "hoàn thành nhiệm vụ", "KHTNV": "không hoàn thành nhiệm vụ", "TSVM": "trong sạch vững mạnh",
}
_ABBREVIATION = re.compile(r"(?<!\w)(" + "|".join(sorted(ABBREVIATIONS, key=len, reverse=True)) + r")(?!\w)")

# Party-building terms (normalised as by ``corpus.dedup.normalise``). Core: the Party's own organisational
# work, what reports of admission, rating, discipline and cell life are made of. Bodies: party committees
# and leaders, also named in news that is not about party building.
CORE_TERMS = (
    "kết nạp", "đảng viên", "chi bộ", "tổ chức cơ sở đảng", "tổ chức đảng", "cơ sở đảng", "đảng bộ",
    "đảng ủy", "cấp ủy", "chi ủy", "ủy ban kiểm tra", "kỷ luật đảng", "thi hành kỷ luật", "khai trừ",
    "xây dựng đảng", "chỉnh đốn đảng", "sinh hoạt chi bộ", "bí thư chi bộ", "hoàn thành xuất sắc nhiệm vụ",
    "hoàn thành tốt nhiệm vụ", "trong sạch vững mạnh", "xếp loại", "kiểm điểm", "tự phê bình", "huy hiệu đảng",
    "tuổi đảng", "quần chúng ưu tú", "phát triển đảng", "đảng viên mới", "nghị quyết trung ương 4",
    "chỉ thị 05", "tự diễn biến", "tự chuyển hóa", "ban tổ chức", "công tác cán bộ", "quy hoạch cán bộ",
    "luân chuyển cán bộ", "đại hội đảng bộ", "điều lệ đảng", "kiểm tra giám sát", "học tập và làm theo",
    "lý luận chính trị", "công tác đảng",
)
BODY_TERMS = ("tỉnh ủy", "huyện ủy", "thành ủy", "thị ủy", "quận ủy", "ban thường vụ", "ban chấp hành",
              "bộ chính trị", "ban bí thư", "trung ương đảng", "bí thư")


def expand_abbreviations(text: str) -> str:
    """Party abbreviations written out (case-sensitive, whole words).

    >>> expand_abbreviations("kết nạp được 44 ĐV mới, 18 TCCSĐ HTXSNV; ĐVHT")
    'kết nạp được 44 đảng viên mới, 18 tổ chức cơ sở đảng hoàn thành xuất sắc nhiệm vụ; ĐVHT'
    """
    return _ABBREVIATION.sub(lambda m: ABBREVIATIONS[m.group(1)], text or "")


def model_input(title: str | None, text: str | None) -> str:
    """The string the model sees: title and the start of the body, one normalised sentence a line.

    >>> model_input("Đảng bộ xã kết nạp 3 ĐV", "Năm 2017, Đảng uỷ xã kết nạp. Chi bộ họp.")
    'đảng bộ xã kết nạp 3 đảng viên\\nnăm 2017 đảng ủy xã kết nạp\\nchi bộ họp'
    """
    from nlp.sentences import sentence_spans

    from .dedup import normalise
    raw = expand_abbreviations(f"{title or ''}\n{(text or '')[:MAX_CHARS]}")
    lines = (normalise(raw[s:e]) for s, e in sentence_spans(raw))
    return "\n".join(line for line in lines if line)


def _term_pattern(terms) -> re.Pattern:
    from .dedup import normalise
    return re.compile(r"(?<!\S)(" + "|".join(re.escape(normalise(t)) for t in sorted(terms, key=len, reverse=True))
                      + r")(?!\S)")


class PartyTerms:
    """Length-robust party-term features of a ``model_input`` string (a scikit-learn transformer).

    Columns, each in 0..1: share of sentences with a core term, core term hits per word (x10, capped),
    distinct core terms (/8, capped), a core term in the title (line 1), share of sentences naming a party body.

    >>> PartyTerms().transform(["huyện kết nạp 44 đảng viên\\nthời tiết đẹp"]).round(2).tolist()
    [[0.5, 1.0, 0.25, 1.0, 0.0]]
    """
    names = ("core_sentence_share", "core_per_word", "core_distinct", "core_in_title", "body_sentence_share")

    def fit(self, X, y=None):
        return self

    def get_params(self, deep=True):
        return {}

    def set_params(self, **params):
        return self

    def transform(self, X):
        core, body = _patterns()
        rows = []
        for doc in X:
            lines = doc.split("\n") if doc else [""]
            hits = [core.findall(line) for line in lines]
            words = max(1, len(doc.split()))
            found = {h for hs in hits for h in hs}
            rows.append((sum(1 for h in hits if h) / len(lines), min(1.0, 10 * sum(map(len, hits)) / words),
                         min(1.0, len(found) / 8), float(bool(hits[0])),
                         sum(1 for line in lines if body.search(line)) / len(lines)))
        return np.array(rows, dtype=np.float64).reshape(len(rows), len(self.names))


@functools.lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern]:
    return _term_pattern(CORE_TERMS), _term_pattern(BODY_TERMS)


@functools.lru_cache(maxsize=1)
def load_model():
    """The packaged classifier (a scikit-learn pipeline), loaded once."""
    import joblib
    if not MODEL_PATH.is_file():
        raise UserError(f"relevance model missing: {MODEL_PATH} (run benchmarks/train_relevance.py)")
    try:
        return joblib.load(MODEL_PATH)
    except Exception as exc:  # a truncated or foreign file
        raise UserError(f"relevance model unreadable: {MODEL_PATH}: {exc}") from exc


def model_card() -> dict:
    """The model card: version, date, data sizes, threshold, metrics, feature settings."""
    try:
        return json.loads(CARD_PATH.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise UserError(f"relevance model card unreadable: {CARD_PATH}: {exc}") from exc


@functools.lru_cache(maxsize=1)
def decision_threshold() -> float:
    """The decision threshold of the packaged model, chosen on a validation split (its card)."""
    return float(model_card()["threshold"])


def relevance(title: str | None, text: str | None) -> float:
    """Probability (0..1) that the article is about party building.

    >>> relevance("Huyện ủy kết nạp 181 đảng viên mới",
    ...           "Ban Thường vụ Huyện ủy tổ chức hội nghị sơ kết công tác xây dựng Đảng, kết nạp đảng viên.") > decision_threshold()
    True
    """
    return float(load_model().predict_proba([model_input(title, text)])[0, 1])


def relevances(pairs) -> list[float]:
    """``relevance`` for many ``(title, text)`` pairs at once (faster)."""
    docs = [model_input(t, x) for t, x in pairs]
    return [float(p) for p in load_model().predict_proba(docs)[:, 1]] if docs else []


def is_party_building(title: str | None, text: str | None, threshold: float | None = None) -> bool:
    """True when ``relevance(title, text) >= threshold`` (default: the model's, ``decision_threshold()``).

    >>> is_party_building("U22 Việt Nam thắng Thái Lan 2-0", "Trận đấu trên sân Mỹ Đình, tiền đạo ghi bàn phút 80.")
    False
    """
    return relevance(title, text) >= (decision_threshold() if threshold is None else threshold)

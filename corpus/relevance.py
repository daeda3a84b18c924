"""Is an article about party building? A small packaged text classifier.

TF-IDF over normalised syllable 1-2-grams (the same normalisation as
``corpus.dedup``: NFC, case-folded, one tone placement) and logistic
regression, trained by ``benchmarks/train_relevance.py`` on the hand labels in
``eval/relevance/labels.jsonl``. The model file ``corpus/data/relevance-v1.joblib``
ships with the package; its card (``.json`` beside it) gives data sizes,
held-out metrics and feature settings. Nothing is fetched at run time.

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
from pathlib import Path

from .errors import UserError

MODEL_VERSION = "relevance-v1"
MODEL_PATH = Path(__file__).resolve().parent / "data" / f"{MODEL_VERSION}.joblib"
CARD_PATH = MODEL_PATH.with_suffix(".json")
MAX_CHARS = 6000            # the lead and first paragraphs decide; keeps scoring fast


def model_input(title: str | None, text: str | None) -> str:
    """The string the model sees: title and the start of the body, normalised.

    >>> model_input("Đảng bộ xã kết nạp đảng viên", "Năm 2017, Đảng uỷ xã …")
    'đảng bộ xã kết nạp đảng viên năm 2017 đảng ủy xã'
    """
    from .dedup import normalise
    return normalise(f"{title or ''}\n{(text or '')[:MAX_CHARS]}")


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
    """The model card: version, date, data sizes, metrics, feature settings."""
    try:
        return json.loads(CARD_PATH.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise UserError(f"relevance model card unreadable: {CARD_PATH}: {exc}") from exc


def relevance(title: str | None, text: str | None) -> float:
    """Probability (0..1) that the article is about party building.

    >>> relevance("Huyện ủy kết nạp 181 đảng viên mới",
    ...           "Ban Thường vụ Huyện ủy tổ chức hội nghị sơ kết công tác xây dựng Đảng, kết nạp đảng viên.") > 0.5
    True
    """
    return float(load_model().predict_proba([model_input(title, text)])[0, 1])


def relevances(pairs) -> list[float]:
    """``relevance`` for many ``(title, text)`` pairs at once (faster)."""
    docs = [model_input(t, x) for t, x in pairs]
    return [float(p) for p in load_model().predict_proba(docs)[:, 1]] if docs else []


def is_party_building(title: str | None, text: str | None, threshold: float = 0.5) -> bool:
    """True when ``relevance(title, text) >= threshold``.

    >>> is_party_building("U22 Việt Nam thắng Thái Lan 2-0", "Trận đấu trên sân Mỹ Đình, tiền đạo ghi bàn phút 80.")
    False
    """
    return relevance(title, text) >= threshold

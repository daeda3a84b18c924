"""Learned decisions on top of the rules: features of a figure's clause and a linear model.

The model (``nlp/data/kind_model.json``: feature -> weight per class, trained by
``benchmarks/train_decisions.py`` on the gold) reads the words around a figure, its counted noun,
its year against the article's, and the rules' own vote, and scores each kind (achieved, target,
other). It is plain data: loaded offline, no pickle, the same answer on every machine.

>>> f = features("Năm 2021, Đảng bộ kết nạp được 181 đảng viên.", 31, 44, unit="đảng viên", rule="achieved")
>>> "rule=achieved" in f and "b1=được" in f
True
"""
from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from pathlib import Path

MODEL_PATH = Path(__file__).parent / "data" / "kind_model.json"
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_CLAUSE_BREAK = re.compile(r"[;:]|(?<!\d)[.,](?!\d)")
_CUES = ("phấn đấu", "mục tiêu", "chỉ tiêu", "kế hoạch", "đề ra", "dự kiến", "sẽ", "phải", "đã", "đang", "được",
         "đạt", "vượt", "tăng", "giảm", "đến năm", "hằng năm", "hàng năm", "mỗi năm", "nhiệm kỳ", "trong năm",
         "qua", "năm qua", "bảo đảm", "đảm bảo", "quy định", "nếu", "khi", "tối đa", "không quá", "ít nhất",
         "trên", "dưới", "cho biết", "theo", "dự báo", "ước", "có", "với", "gồm", "trong đó")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def features(sentence: str, start: int, end: int, unit: str | None = None, rule: str | None = None,
             pub_year: int | None = None) -> dict[str, float]:
    """Features of the figure at ``sentence[start:end]`` (offsets within the sentence)."""
    before, after = sentence[:start], sentence[end:]
    cut = max((m.end() for m in _CLAUSE_BREAK.finditer(before)), default=0)
    clause_before = before[cut:]
    m = _CLAUSE_BREAK.search(after)
    clause_after = after[:m.start()] if m else after
    f: dict[str, float] = {"bias": 1.0, f"unit={unit or '-'}": 1.0, f"rule={rule or '-'}": 1.0}
    wb, wa = _words(clause_before), _words(clause_after)
    for k, w in enumerate(reversed(wb[-6:]), 1):
        f[f"b{k}={w}" if k <= 3 else f"b={w}"] = 1.0
    for k, w in enumerate(wa[:6], 1):
        f[f"a{k}={w}" if k <= 2 else f"a={w}"] = 1.0
    if len(wb) >= 2:
        f[f"bb={wb[-2]}_{wb[-1]}"] = 1.0
    low = sentence.lower()
    lb = before.lower()
    for cue in _CUES:
        if cue in lb:
            f[f"s<{cue}"] = 1.0
        if cue in clause_before.lower():
            f[f"c<{cue}"] = 1.0
        if cue in after.lower():
            f[f"s>{cue}"] = 1.0
    years = [int(y) for y in _YEAR.findall(low)]
    if pub_year and years:
        f["future_year"] = float(any(y > pub_year for y in years))
        f["past_year"] = float(any(y < pub_year for y in years))
    f["first_in_clause"] = float(not re.search(r"\d", clause_before))
    return f


@lru_cache(maxsize=1)
def load_model(path: str | None = None) -> dict | None:
    """The trained kind model, or None when the package ships none."""
    p = Path(path) if path else MODEL_PATH
    if not p.exists():
        return None
    return json.loads(p.read_text(encoding="utf-8"))


def scores(feats: dict[str, float], model: dict) -> dict[str, float]:
    """Class probabilities (softmax of the linear scores)."""
    classes = model["classes"]
    z = list(model["intercept"])
    for name, value in feats.items():
        w = model["weights"].get(name)
        if w:
            for k in range(len(classes)):
                z[k] += w[k] * value
    top = max(z)
    e = [math.exp(v - top) for v in z]
    total = sum(e)
    return {c: v / total for c, v in zip(classes, e)}


__all__ = ["features", "load_model", "scores", "MODEL_PATH"]

"""Rules against a learned model for the two decisions that stopped improving: a figure's kind
(achieved / target / other) and its indicator role (members.ADMITTED, base_orgs.GOOD_OR_BETTER …).

The model is a logistic regression (scikit-learn, lbfgs, fixed C) over features of the figure's
clause: the words before and after it (by position), cue words of the sentence (phấn đấu, chỉ tiêu,
sẽ, đã, được, đến năm …), the counted noun, years against the article's, the position in its clause,
and the rules' own vote. It is scored two ways, side by side with the rules:

- document-grouped 5-fold cross-validation on the dev gold (real and synthetic), no document in two folds;
- trained on all the dev gold, scored on the held-out gold (real and synthetic, reported apart).

Run from the repository root (needs ../shared): .venv/bin/python benchmarks/train_decisions.py
It prints the table; it ships nothing unless a model beats the rules on held-out text.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from corpus.evaluation import _overlap, _same_value, load_gold, offset_mapper  # noqa: E402
from nlp import extract  # noqa: E402
from nlp.sentences import sentence_spans  # noqa: E402

SHARED = ROOT.parent / "shared"
_WORD = re.compile(r"[^\W\d_]+")
_BREAK = re.compile(r"[;:]|(?<!\d)[.,](?!\d)")
_CUES = ("phấn đấu", "mục tiêu", "chỉ tiêu", "kế hoạch", "đề ra", "dự kiến", "sẽ", "phải", "đã", "đang", "được",
         "đạt", "vượt", "tăng", "giảm", "đến năm", "hằng năm", "hàng năm", "nhiệm kỳ", "trong năm", "qua",
         "bảo đảm", "quy định", "nếu", "khi", "tối đa", "không quá", "ít nhất", "cho biết", "dự báo", "ước", "có",
         "với", "gồm", "trong đó", "kết nạp", "kỷ luật", "kiểm tra", "giám sát", "khen", "tặng", "thành lập",
         "xếp loại", "đánh giá", "hoàn thành", "xuất sắc", "trở lên", "trong sạch", "yếu kém", "khiển trách",
         "cảnh cáo", "khai trừ", "xóa tên", "huy hiệu", "chính thức", "tổng số", "vi phạm", "bồi dưỡng")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


def features(sentence: str, start: int, end: int, unit, rule, pub_year) -> dict[str, float]:
    """Features of the figure at ``sentence[start:end]``."""
    before, after = sentence[:start], sentence[end:]
    cut = max((m.end() for m in _BREAK.finditer(before)), default=0)
    cb = before[cut:]
    m = _BREAK.search(after)
    ca = after[:m.start()] if m else after
    f = {"bias": 1.0, f"unit={unit or '-'}": 1.0, f"rule={rule or '-'}": 1.0}
    wb = [w.lower() for w in _WORD.findall(cb)]
    wa = [w.lower() for w in _WORD.findall(ca)]
    for k, w in enumerate(reversed(wb[-6:]), 1):
        f[f"b{k}={w}" if k <= 3 else f"b={w}"] = 1.0
    for k, w in enumerate(wa[:6], 1):
        f[f"a{k}={w}" if k <= 2 else f"a={w}"] = 1.0
    if len(wb) >= 2:
        f[f"bb={wb[-2]}_{wb[-1]}"] = 1.0
    for cue in _CUES:
        if cue in before.lower():
            f[f"s<{cue}"] = 1.0
        if cue in cb.lower():
            f[f"c<{cue}"] = 1.0
        if cue in ca.lower():
            f[f"c>{cue}"] = 1.0
    years = [int(y) for y in _YEAR.findall(sentence)]
    if pub_year and years:
        f["future_year"] = float(any(y > pub_year for y in years))
        f["past_year"] = float(any(y < pub_year for y in years))
    f["first_in_clause"] = float(not re.search(r"\d", cb))
    return f


def examples(gold_dir: Path, synthetic: bool) -> list[dict]:
    """One example per gold figure the extractor also found (same span, same value)."""
    out = []
    for doc in load_gold(gold_dir, SHARED, synthetic=synthetic):
        ex = extract(doc.text, published=doc.published, province=doc.province)
        to_body = offset_mapper(doc.text, ex.text)
        spans = sentence_spans(ex.text)
        pub = int(doc.published[:4]) if doc.published else None
        for g in doc.figures:
            gs = (to_body(g["start"]), to_body(g["end"]))
            p = next((f for f in ex.figures if _overlap((f.start, f.end), gs) and _same_value(g.get("value"), f.value)),
                     None)
            if p is None:
                continue
            ss, se = next((a, b) for a, b in spans if a <= p.start < b)
            code = g.get("indicator")
            out.append({"doc": doc.key, "scope": doc.scope, "dense": doc.dense_indicators,
                        "required": g.get("required", True) and g.get("indicator_required", True) is not False,
                        "kind": g.get("kind"), "rule_kind": p.kind,
                        "role": code.partition(".")[2] if code else "none",
                        "rule_role": p.indicator.partition(".")[2] if p.indicator else "none",
                        "subject": code.partition(".")[0] if code else None,
                        "rule_code": p.indicator, "code": code,
                        "x": features(ex.text[ss:se], p.start - ss, p.end - ss, p.unit, None, pub),
                        "vote_kind": p.kind, "vote_role": p.indicator.partition(".")[2] if p.indicator else "none"})
    return out


def _xy(rows, label, vote):
    return [dict(r["x"], **({f"rule={r[vote]}": 1.0} if vote in r else {})) for r in rows], [r[label] for r in rows]


def _fit(rows, label, vote, C=0.5):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    X, y = _xy(rows, label, vote)
    vec = DictVectorizer()
    model = LogisticRegression(C=C, max_iter=4000)
    model.fit(vec.fit_transform(X), y)
    return vec, model


def _predict(fitted, rows, label, vote):
    vec, model = fitted
    X, _ = _xy(rows, label, vote)
    return list(model.predict(vec.transform(X)))


def _code_prf(rows, roles):
    """Indicator P/R over non-null codes when the role comes from ``roles`` and the subject from the rules."""
    tp = fp = fn = 0
    for r, role in zip(rows, roles):
        subj = r["rule_code"].partition(".")[0] if r["rule_code"] else None
        pred = f"{subj}.{role}" if subj and role != "none" else None
        gold = r["code"] if r["required"] else None
        if pred and pred == gold:
            tp += 1
        else:
            fp += bool(pred and r["required"])
            fn += bool(gold)
    p = tp / (tp + fp) if tp + fp else 0.0
    rc = tp / (tp + fn) if tp + fn else 0.0
    return p, rc


def main() -> int:
    from sklearn.model_selection import GroupKFold

    dev = examples(ROOT / "eval" / "gold", False) + examples(ROOT / "eval" / "gold", True)
    held = {"held-out real": examples(ROOT / "eval" / "heldout", False),
            "held-out synthetic": examples(ROOT / "eval" / "heldout", True)}
    print(f"examples: dev {len(dev)}, " + ", ".join(f"{k} {len(v)}" for k, v in held.items()))
    print(f"{'decision':<8}{'set':<22}{'rules':>14}{'model':>14}{'model+vote':>14}")
    for decision, label, vote in (("kind", "kind", "vote_kind"), ("role", "role", "vote_role")):
        rows = [r for r in dev if r[label] and (decision == "kind" or r["dense"])]
        groups = [r["doc"] for r in rows]
        cv = {"rules": [], "model": [], "model+vote": []}
        for tr, te in GroupKFold(5).split(rows, groups=groups):
            train, test = [rows[i] for i in tr], [rows[i] for i in te]
            plain = _predict(_fit(train, label, "bias_vote"), test, label, "bias_vote")
            voted = _predict(_fit(train, label, vote), test, label, vote)
            cv["rules"] += [r[vote] == r[label] for r in test]
            cv["model"] += [p == r[label] for p, r in zip(plain, test)]
            cv["model+vote"] += [p == r[label] for p, r in zip(voted, test)]
        print(f"{decision:<8}{'dev, grouped 5-fold':<22}" + "".join(f"{sum(v) / len(v):>14.3f}" for v in cv.values()))
        fitted_plain, fitted_vote = _fit(rows, label, "bias_vote"), _fit(rows, label, vote)
        for name, hrows in held.items():
            hrows = [r for r in hrows if r[label] and (decision == "kind" or r["dense"])]
            if not hrows:
                continue
            plain = _predict(fitted_plain, hrows, label, "bias_vote")
            voted = _predict(fitted_vote, hrows, label, vote)
            accs = [sum(r[vote] == r[label] for r in hrows) / len(hrows),
                    sum(p == r[label] for p, r in zip(plain, hrows)) / len(hrows),
                    sum(p == r[label] for p, r in zip(voted, hrows)) / len(hrows)]
            print(f"{decision:<8}{name:<22}" + "".join(f"{a:>14.3f}" for a in accs))
            if decision == "role":
                rp = _code_prf(hrows, [r["vote_role"] for r in hrows])
                mp = _code_prf(hrows, plain)
                vp = _code_prf(hrows, voted)
                print(f"{'  codes':<8}{name + ' P/R':<22}" + "".join(f"{p:>8.3f}/{r_:.3f}" for p, r_ in (rp, mp, vp)))
    return 0


if __name__ == "__main__":
    sys.exit(main())

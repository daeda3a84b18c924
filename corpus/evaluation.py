"""Score extraction against standoff gold (``eval/gold``), spaCy-style.

Gold files (JSON, one per batch under ``eval/gold/dev/``) name each document by
its path relative to the shared folder and the sha1 of its bytes; they never
contain the texts. Surfaces are exact substrings of the NFC text (line 1, the
title, included). A pointer file (``{"ref": ..., "doc_dir": ...}``) takes a
gold file that lives in the shared folder as-is (the seeds' example gold).
A key ``data/bulk/x.jsonl.gz#21395276`` names one record of a ``.jsonl(.gz)``
file (its ``text``; sha1 of the text's UTF-8 bytes): each such file is streamed
once per evaluation for all the ids the gold asks for.

Matching (per document):

- directives, entity level: a gold entity is matched when a prediction
  overlaps one of its surfaces (every occurrence counts) and the predicted
  ``canonical_id`` is one of the gold ``ids`` (for a gold entity without ids:
  a null id or a slug, never an official-looking id). A prediction whose id
  belongs to a gold entity elsewhere in the document is another mention of a
  known document, not a false positive. False positives are counted once per
  wrong canonical id (each null-id one separately).
- figures, mention level: one-to-one, spans overlap and value equal.
- targets, mention level: one-to-one, spans overlap and value equal or both null.
- ``required: false`` gold items are judgement calls: missing them is no miss,
  and predictions that match or overlap them are not false positives.

Field accuracy is measured on aligned pairs (overlapping, one-to-one, required
gold): ``value`` on every aligned pair, the other fields on matched pairs and
only where the gold states the field. ``figures.kind_accuracy`` is kind
accuracy over matched figures.

>>> from corpus.evaluation import score_document
>>> gold = {"directives": [], "targets": [], "figures": [
...     {"start": 9, "end": 22, "value": 181, "kind": "achieved", "required": True}]}
>>> pred = {"directives": [], "targets": [], "figures": [
...     {"start": 9, "end": 12, "value": 181.0, "kind": "achieved"}]}
>>> score_document("Kết nạp: 181 đảng viên.", gold, pred).counts["figures"]
{'tp': 1, 'fp': 0, 'fn': 0}
"""
from __future__ import annotations

import difflib
import gzip
import hashlib
import json
import re
import unicodedata
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from .errors import UserError

LABELS = ("directives", "figures", "targets")
FIELDS = {
    "directives": ("canonical_id", "kind"),
    "figures": ("value", "value_max", "unit", "kind", "indicator"),
    "targets": ("value", "unit", "indicator", "deadline_year", "recurrence", "achieved_value", "achieved_ratio"),
}
# Key prefix of documents whose text the gold file holds itself (sentences written for the project).
SYNTHETIC = "synthetic:"
_OFFICIAL_ID = re.compile(r"^(\d+[A-Z]?-|NQTW|NQDH|DIEU-LE|ĐIỀU-LỆ)", re.I)
_RECORD_FILE = re.compile(r"\.jsonl(\.gz)?$")


# --------------------------------------------------------------------------- gold


@dataclass
class GoldDoc:
    """One annotated document: ``key`` is its path under the shared folder."""

    key: str
    path: Path
    sha1: str | None
    published: str | None
    province: str | None
    directives: list[dict] = field(default_factory=list)
    figures: list[dict] = field(default_factory=list)
    targets: list[dict] = field(default_factory=list)
    source: str = ""
    text: str | None = field(default=None, repr=False)   # the NFC evaluation text, read once by load_gold
    scope: str = "all"          # all | figures (no directive gold) | indicators (only coded figures listed)
    dense_indicators: bool = False   # every listed figure's indicator annotated under the current codebook


def nfc_text(raw: bytes) -> str:
    """The evaluation text of a file: UTF-8 bytes, NFC.

    >>> nfc_text("Nghị quyết".encode())
    'Nghị quyết'
    """
    return unicodedata.normalize("NFC", raw.decode("utf-8"))


def find_occurrences(text: str, surface: str) -> list[tuple[int, int]]:
    """Non-overlapping whole-word occurrences of ``surface`` in ``text``, left to right.

    An occurrence must not continue a word or a number ("9 trường hợp" is not
    inside "1.149 trường hợp", "9 cán bộ" not inside "3/9 cán bộ").

    >>> find_occurrences("100% chi bộ, 1.100% và 100% đảng viên", "100%")
    [(0, 4), (23, 27)]
    """
    out, i = [], 0
    if not surface:
        return out
    while True:
        j = text.find(surface, i)
        if j < 0:
            return out
        end = j + len(surface)
        before = text[j - 1] if j else " "
        number_goes_on = before in ".,/" and j >= 2 and text[j - 2].isdigit() and surface[0].isdigit()
        if (surface[0].isalnum() and before.isalnum()) or number_goes_on or \
                (surface[-1].isalnum() and end < len(text) and text[end].isalnum()):
            i = j + 1
            continue
        out.append((j, end))
        i = end


def split_record_key(key: str) -> tuple[str, str] | None:
    """``(file, id)`` for a key naming one record of a ``.jsonl``/``.jsonl.gz`` file, else None.

    >>> split_record_key("data/bulk/baomoi-2017.jsonl.gz#21395276")
    ('data/bulk/baomoi-2017.jsonl.gz', '21395276')
    >>> split_record_key("data/dev/baomoi-2017-party/21491189.txt") is None
    True
    """
    path, sep, rid = key.partition("#")
    return (path, rid) if sep and rid and _RECORD_FILE.search(path) else None


def document_bytes(requests: dict[str, str], shared_dir: Path) -> dict[str, bytes]:
    """The bytes of each document key (``requests``: key -> the gold file naming it, for errors).

    A plain key gives the file's bytes; a record key (``file.jsonl.gz#id``) the
    UTF-8 bytes of that record's ``text``: ``nfc_text`` and the pinned sha1 apply
    to both alike. Each jsonl file is streamed once, for all its requested ids.

    >>> # document_bytes({"data/bulk/baomoi-2017.jsonl.gz#21395276": "batch-h9.json"}, Path("../shared"))
    """
    shared_dir = Path(shared_dir)
    out: dict[str, bytes] = {}
    wanted: dict[str, dict[str, str]] = {}    # jsonl file -> record id -> key
    for key in requests:
        rec = split_record_key(key)
        if rec:
            wanted.setdefault(rec[0], {})[rec[1]] = key
            continue
        try:
            out[key] = (shared_dir / key).read_bytes()
        except OSError:
            raise UserError(f"{requests[key]}: document {key} not found under {shared_dir}")
    for name, ids in wanted.items():
        first = next(iter(ids.values()))
        try:
            found = _read_records(shared_dir / name, set(ids))
        except (OSError, EOFError, zlib.error) as e:
            raise UserError(f"{requests[first]}: document {first}: cannot read {name} under {shared_dir} "
                            f"({getattr(e, 'strerror', None) or type(e).__name__})")
        except ValueError as e:
            raise UserError(f"{requests[first]}: document {first}: {name}: {e}")
        for rid, key in ids.items():
            if rid not in found:
                raise UserError(f"{requests[key]}: document {key} not found (no record with id {rid} in {name})")
            out[key] = found[rid]
    return out


def _read_records(path: Path, ids: set[str]) -> dict[str, bytes]:
    """Stream a jsonl(.gz) file; stop as soon as every requested id is found."""
    found: dict[str, bytes] = {}
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
                rid = str(rec["id"])
            except (json.JSONDecodeError, KeyError, TypeError):
                raise ValueError(f"line {n} is not a JSON object with an id")
            if rid in ids and rid not in found:
                text = rec.get("text")
                if not isinstance(text, str):
                    raise ValueError(f"record {rid} (line {n}) has no text")
                try:
                    found[rid] = text.encode("utf-8")
                except UnicodeEncodeError:
                    raise ValueError(f"record {rid} (line {n}) has text that is not valid Unicode")
                if len(found) == len(ids):
                    break
    return found


def _record_keys(gold_files: list[Path]) -> dict[str, str]:
    """Record keys named by the gold files (key -> first gold file); unreadable files are left to the loader."""
    out: dict[str, str] = {}
    for gf in gold_files:
        try:
            docs = json.loads(gf.read_text(encoding="utf-8")).get("docs", {})
        except (OSError, UnicodeDecodeError, json.JSONDecodeError, AttributeError):
            continue
        for key in docs if isinstance(docs, dict) else ():
            if split_record_key(key):
                out.setdefault(key, str(gf))
    return out


def is_synthetic_file(path: Path) -> bool:
    """Gold of texts written for the project lives in files or folders named ``synthetic``.

    >>> is_synthetic_file(Path("eval/gold/synthetic/indicators.json")), is_synthetic_file(Path("eval/gold/dev/batch-01.json"))
    (True, False)
    """
    return any("synthetic" in part for part in Path(path).parts[-2:])


def load_gold(gold_dir: Path, shared_dir: Path, check_sha1: bool = True, synthetic: bool = False) -> list[GoldDoc]:
    """Read every ``*.json`` under ``gold_dir`` and resolve surfaces to spans.

    Real-text gold and synthetic gold (``is_synthetic_file``) are scored apart:
    ``synthetic`` selects the one or the other.

    >>> # docs = load_gold(Path("eval/gold"), Path("../shared"))
    """
    gold_dir, shared_dir = Path(gold_dir), Path(shared_dir)
    if not gold_dir.is_dir():
        raise UserError(f"{gold_dir}: gold folder not found")
    files = sorted(p for p in gold_dir.rglob("*.json") if is_synthetic_file(p) == synthetic)
    if not files:
        raise UserError(f"{gold_dir}: no {'synthetic ' if synthetic else ''}gold files (*.json)")
    docs: list[GoldDoc] = []
    seen: dict[str, str] = {}
    records = document_bytes(_record_keys(files), shared_dir)   # each jsonl file streamed once
    for gf in files:
        for doc in _load_gold_file(gf, shared_dir, check_sha1, records):
            if doc.key in seen:
                raise UserError(f"{gf}: {doc.key} is annotated twice (also in {seen[doc.key]})")
            seen[doc.key] = gf.name
            docs.append(doc)
    return docs


def _load_gold_file(gf: Path, shared_dir: Path, check_sha1: bool,
                    records: dict[str, bytes] | None = None) -> list[GoldDoc]:
    try:
        data = json.loads(gf.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise UserError(f"{gf}: unreadable gold file ({e})")
    doc_dir = ""
    sha1s: dict[str, str] = {}
    default_published = data.get("default_published")
    if "ref" in data:  # pointer to a gold file kept in the shared folder, taken as given
        ref = shared_dir / data["ref"]
        try:
            ref_bytes = ref.read_bytes()
        except OSError:
            raise UserError(f"{gf}: referenced gold {data['ref']} not found under {shared_dir}")
        if check_sha1 and data.get("ref_sha1") and hashlib.sha1(ref_bytes).hexdigest() != data["ref_sha1"]:
            raise UserError(f"{gf}: sha1 of {data['ref']} differs from the pinned one")
        doc_dir = data.get("doc_dir", "")
        sha1s = data.get("doc_sha1", {})
        data = json.loads(ref_bytes.decode("utf-8"))
    out = []
    for name, ann in data.get("docs", {}).items():
        key = f"{doc_dir}/{name}" if doc_dir else name
        rec = split_record_key(key)
        path = shared_dir / (rec[0] if rec else key)
        if key.startswith(SYNTHETIC):
            if not isinstance(ann.get("text"), str):
                raise UserError(f"{gf}: {key}: a synthetic document needs its text")
            raw = ann["text"].encode("utf-8")
        else:
            raw = records[key] if records and key in records else document_bytes({key: str(gf)}, shared_dir)[key]
        sha1 = ann.get("sha1") or sha1s.get(name)
        if check_sha1 and sha1 and hashlib.sha1(raw).hexdigest() != sha1:
            raise UserError(f"{gf}: sha1 of {key} differs from the gold (the text changed)")
        text = nfc_text(raw)
        where = f"{gf.name}: {key}"
        doc = GoldDoc(key=key, path=path, sha1=sha1,
                      published=ann.get("published") or default_published,
                      province=ann.get("province"), source=gf.name, text=text,
                      scope=ann.get("scope", "all"),
                      dense_indicators=ann.get("indicators") == "v3" or ann.get("scope") == "indicators")
        if doc.scope not in ("all", "figures", "indicators"):
            raise UserError(f"{where}: unknown scope {doc.scope!r} (all, figures or indicators)")
        for ent in ann.get("directives", []):
            spans = []
            for s in ent.get("surfaces", []):
                occ = find_occurrences(text, unicodedata.normalize("NFC", s))
                if not occ:
                    raise UserError(f"{where}: directive surface not in text: {s!r}")
                spans.extend(occ)
            if not spans:
                raise UserError(f"{where}: directive without surfaces")
            doc.directives.append({**ent, "spans": sorted(spans), "required": ent.get("required", True)})
        for label in ("figures", "targets"):
            counters: dict[str, int] = {}
            for item in ann.get(label, []):
                surface = unicodedata.normalize("NFC", item["surface"])
                if "start" in item:
                    s = int(item["start"])
                    if text[s:s + len(surface)] != surface:
                        raise UserError(f"{where}: {label} surface {surface!r} not at offset {s}")
                    span = (s, s + len(surface))
                else:
                    occ = find_occurrences(text, surface)
                    n = item.get("occurrence", counters.get(surface, 0))
                    counters[surface] = n + 1
                    if n >= len(occ):
                        raise UserError(f"{where}: {label} surface not in text (occurrence {n}): {surface!r}")
                    span = occ[n]
                getattr(doc, label).append({**item, "start": span[0], "end": span[1],
                                            "required": item.get("required", True)})
        out.append(doc)
    return out


# --------------------------------------------------------------------------- scoring


@dataclass
class DocScore:
    """Counts, field tallies and errors of one document."""

    counts: dict = field(default_factory=lambda: {k: {"tp": 0, "fp": 0, "fn": 0} for k in LABELS})
    fields: dict = field(default_factory=lambda: {k: {} for k in LABELS})   # label -> field -> [right, total]
    kind_matched: list = field(default_factory=lambda: [0, 0])              # figures: [right, total]
    errors: list = field(default_factory=list)                              # (label, "FP"/"FN", start, end, detail)
    indicators: dict = field(default_factory=dict)                          # code -> {"tp", "fp", "fn"}
    pairs: dict = field(default_factory=lambda: {"tp": 0, "fp": 0, "fn": 0})   # achieved-vs-plan targets


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _norm_id(x: str | None) -> str | None:
    if x is None:
        return None
    x = unicodedata.normalize("NFC", str(x)).strip().upper().replace(" ", "")
    return x.replace("TƯ", "TW").replace("T.Ư", "TW") or None


def _id_ok(pred_id: str | None, gold_ids: list[str]) -> bool:
    p = _norm_id(pred_id)
    if gold_ids:
        return p is not None and p in {_norm_id(g) for g in gold_ids}
    return p is None or not _OFFICIAL_ID.match(p)


def _same_value(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    try:
        a, b = float(a), float(b)
    except (TypeError, ValueError):
        return False
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def _same_field(name: str, gold, pred) -> bool:
    if name in ("value", "value_max", "achieved_value", "achieved_ratio"):
        return _same_value(gold, pred)
    if name == "canonical_id":
        return _norm_id(gold) == _norm_id(pred)
    if name == "indicator" and gold and gold != pred:
        from nlp.codebook import load_codebook, same_as_v2
        return gold not in load_codebook().valid and same_as_v2(gold, pred)   # gold written under codebook 2
    if isinstance(gold, str) and isinstance(pred, str):
        return unicodedata.normalize("NFC", gold).strip().lower() == unicodedata.normalize("NFC", pred).strip().lower()
    return gold == pred


def _tally(score: DocScore, label: str, name: str, ok: bool) -> None:
    right_total = score.fields[label].setdefault(name, [0, 0])
    right_total[0] += int(ok)
    right_total[1] += 1


def _span(d: dict) -> tuple[int, int]:
    return int(d["start"]), int(d["end"])


def score_document(text: str, gold: dict, pred: dict) -> DocScore:
    """Score one document; gold items carry ``start``/``end`` in ``text``'s coordinates.

    ``pred`` holds lists of mention dicts (``Extraction.to_dict()`` shape).

    >>> g = {"figures": [], "targets": [], "directives": [{"ids": ["05-CT/TW"],
    ...      "spans": [(0, 10)], "kind": "chi_thi", "required": True}]}
    >>> p = {"figures": [], "targets": [], "directives": [{"start": 0, "end": 10,
    ...      "canonical_id": "05-CT/TW", "kind": "chi_thi"}]}
    >>> score_document("Chỉ thị 05 được quán triệt.", g, p).counts["directives"]
    {'tp': 1, 'fp': 0, 'fn': 0}
    """
    score = DocScore()
    scope = gold.get("scope", "all")
    if scope == "all":
        _score_directives(text, gold.get("directives", []), pred.get("directives", []), score)
    if scope in ("all", "figures"):
        _score_mentions(text, "figures", gold.get("figures", []), pred.get("figures", []), score)
        _score_mentions(text, "targets", gold.get("targets", []), pred.get("targets", []), score)
    if gold.get("dense_indicators"):
        _score_indicators(gold.get("figures", []), pred.get("figures", []), score)
    _score_pairs(gold.get("targets", []), pred.get("targets", []), score)
    return score


def _score_indicators(gold: list[dict], preds: list[dict], score: DocScore) -> None:
    """Indicator codes over non-null codes only: a code predicted on a figure whose gold code is null
    (or on a figure the gold does not list, in a document annotated for indicators) is a false
    positive; a gold code not predicted on its figure is a false negative.

    >>> s = DocScore()
    >>> _score_indicators([{"start": 0, "end": 3, "indicator": "members.admitted"},
    ...                    {"start": 10, "end": 13, "indicator": None}],
    ...                   [{"start": 0, "end": 3, "indicator": "members.admitted"},
    ...                    {"start": 10, "end": 13, "indicator": "members.total"}], s)
    >>> s.indicators
    {'members.admitted': {'tp': 1, 'fp': 0, 'fn': 0}, 'members.total': {'tp': 0, 'fp': 1, 'fn': 0}}
    """
    def tally(code: str, k: str) -> None:
        score.indicators.setdefault(code, {"tp": 0, "fp": 0, "fn": 0})[k] += 1

    judged = [_span(g) for g in gold if g.get("indicator_required") is False]
    coded = [g for g in gold if g.get("indicator") and g.get("indicator_required") is not False]
    found: set[int] = set()
    for p in preds:
        code = p.get("indicator")
        if not code:
            continue
        ps = _span(p)
        hit = next((gi for gi, g in enumerate(coded) if gi not in found and g["indicator"] == code
                    and _overlap(ps, _span(g))), None)
        if hit is not None:
            found.add(hit)
            tally(code, "tp")
        elif not any(_overlap(ps, j) for j in judged):
            tally(code, "fp")
            gold_code = next((g.get("indicator") for g in gold if _overlap(ps, _span(g))), None)
            score.errors.append(("indicators", "FP", ps[0], ps[1], f"predicted {code}, gold {gold_code}"))
    for gi, g in enumerate(coded):
        if gi not in found:
            tally(g["indicator"], "fn")
            got = next((p.get("indicator") for p in preds if _overlap(_span(p), _span(g))), None)
            score.errors.append(("indicators", "FN", g["start"], g["end"], f"gold {g['indicator']}, predicted {got}"))


def _score_pairs(gold: list[dict], preds: list[dict], score: DocScore) -> None:
    """Targets linked to what was achieved ("kết nạp 1.050/1.000 đảng viên", "đạt …, bằng 105% kế hoạch"):
    a predicted pair is right when it overlaps a gold pair with the same achieved value."""
    g_pairs = [g for g in gold if g.get("achieved_value") is not None and g.get("required", True)]
    p_pairs = [p for p in preds if p.get("achieved_value") is not None]
    used: set[int] = set()
    for p in p_pairs:
        hit = next((gi for gi, g in enumerate(g_pairs) if gi not in used and _overlap(_span(p), _span(g))
                    and _same_value(g["achieved_value"], p["achieved_value"])), None)
        if hit is None:
            score.pairs["fp"] += 1
            score.errors.append(("pairs", "FP", p["start"], p["end"], f"achieved {p['achieved_value']}"))
        else:
            used.add(hit)
            score.pairs["tp"] += 1
    for gi, g in enumerate(g_pairs):
        if gi not in used:
            score.pairs["fn"] += 1
            score.errors.append(("pairs", "FN", g["start"], g["end"], f"achieved {g['achieved_value']}"))


def _score_directives(text: str, gold: list[dict], preds: list[dict], score: DocScore) -> None:
    c = score.counts["directives"]
    matched: set[int] = set()
    fp_units: dict = {}
    for p in preds:
        ps = _span(p)
        hit = None
        aligned = None
        for gi, g in enumerate(gold):
            if any(_overlap(ps, s) for s in g["spans"]):
                aligned = aligned if aligned is not None else gi
                if _id_ok(p.get("canonical_id"), g.get("ids", [])):
                    hit = gi
                    break
        if aligned is not None and gold[aligned]["required"]:
            g = gold[aligned if hit is None else hit]
            if g.get("ids"):
                _tally(score, "directives", "canonical_id", _id_ok(p.get("canonical_id"), g["ids"]))
            if g.get("kind"):
                _tally(score, "directives", "kind", _same_field("kind", g["kind"], p.get("kind")))
        if hit is not None:
            matched.add(hit)
            continue
        pid = _norm_id(p.get("canonical_id"))
        if pid and any(pid in {_norm_id(i) for i in g.get("ids", [])} for g in gold):
            continue  # another mention of a document the gold has
        if aligned is not None and not gold[aligned]["required"]:
            continue  # judgement call
        unit = ("id", pid) if pid else ("span", ps)
        if unit not in fp_units:
            fp_units[unit] = p
    for gi, g in enumerate(gold):
        if not g["required"]:
            continue
        if gi in matched:
            c["tp"] += 1
        else:
            c["fn"] += 1
            s, e = g["spans"][0]
            score.errors.append(("directives", "FN", s, e, f"gold ids={g.get('ids') or '-'}"))
    c["fp"] += len(fp_units)
    for p in fp_units.values():
        score.errors.append(("directives", "FP", p["start"], p["end"], f"predicted id={p.get('canonical_id')}"))


def _score_mentions(text: str, label: str, gold: list[dict], preds: list[dict], score: DocScore) -> None:
    c = score.counts[label]
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(preds):
            ov = _overlap(_span(g), _span(p))
            if ov:
                pairs.append((not _same_value(g.get("value"), p.get("value")), -ov, gi, pi))
    pairs.sort()
    g_used: dict[int, int] = {}
    p_used: set[int] = set()
    for value_differs, _, gi, pi in pairs:
        if gi in g_used or pi in p_used:
            continue
        g_used[gi] = pi
        p_used.add(pi)
        g, p = gold[gi], preds[pi]
        if not g["required"]:
            continue
        _tally(score, label, "value", not value_differs)
        if value_differs:
            continue
        for name in FIELDS[label][1:]:
            if name in g:
                _tally(score, label, name, _same_field(name, g[name], p.get(name)))
        if label == "figures" and "kind" in g:
            score.kind_matched[0] += int(_same_field("kind", g["kind"], p.get("kind")))
            score.kind_matched[1] += 1
    for gi, g in enumerate(gold):
        pi = g_used.get(gi)
        ok = pi is not None and _same_value(g.get("value"), preds[pi].get("value"))
        if not g["required"]:
            if pi is not None and not ok:
                p_used.discard(pi)  # a wrong value on a judgement call is scored as a prediction below
            continue
        if ok:
            c["tp"] += 1
        else:
            c["fn"] += 1
            got = f", predicted value {preds[pi].get('value')}" if pi is not None else ""
            score.errors.append((label, "FN", g["start"], g["end"], f"gold value={g.get('value')}{got}"))
            if pi is not None:
                p_used.discard(pi)
    optional = [_span(g) for g in gold if not g["required"]]
    for pi, p in enumerate(preds):
        if pi in p_used:
            continue
        if any(_overlap(_span(p), o) for o in optional):
            continue
        c["fp"] += 1
        score.errors.append((label, "FP", p["start"], p["end"], f"predicted value={p.get('value')}"))


# --------------------------------------------------------------------------- corpus-level


@dataclass
class Report:
    """Totals over the gold: ``metrics`` is a flat name -> score dict."""

    docs: int
    gold_size: dict
    counts: dict
    fields: dict
    kind_matched: list
    errors: list
    indicators: dict = field(default_factory=dict)      # code -> {"tp", "fp", "fn"}
    pairs: dict = field(default_factory=lambda: {"tp": 0, "fp": 0, "fn": 0})
    indicator_docs: int = 0

    @property
    def metrics(self) -> dict[str, float]:
        m: dict[str, float] = {}
        for label in LABELS:
            p, r, f = prf(**self.counts[label])
            m[f"{label}.precision"], m[f"{label}.recall"], m[f"{label}.f1"] = p, r, f
            for name, (right, total) in sorted(self.fields[label].items()):
                if total:
                    m[f"{label}.{name}_accuracy"] = right / total
        right, total = self.kind_matched
        m["figures.kind_accuracy"] = right / total if total else 0.0
        if self.indicator_docs:
            total_counts = {k: sum(c[k] for c in self.indicators.values()) for k in ("tp", "fp", "fn")}
            p, r, f = prf(**total_counts)
            m["indicators.precision"], m["indicators.recall"], m["indicators.f1"] = p, r, f
            for code, c in sorted(self.indicators.items()):
                p, r, f = prf(**c)
                m[f"indicator.{code}.precision"], m[f"indicator.{code}.recall"], m[f"indicator.{code}.f1"] = p, r, f
        if sum(self.pairs.values()):
            m["pairs.precision"], m["pairs.recall"], m["pairs.f1"] = prf(**self.pairs)
        return m

    def to_dict(self) -> dict:
        return {"docs": self.docs, "gold": self.gold_size, "counts": self.counts,
                "indicators": self.indicators, "indicator_docs": self.indicator_docs, "pairs": self.pairs,
                "fields": {k: {n: {"right": r, "total": t} for n, (r, t) in v.items()} for k, v in self.fields.items()},
                "metrics": {k: round(v, 4) for k, v in self.metrics.items()},
                "errors": [dict(zip(("doc", "label", "error", "start", "end", "text", "detail", "sentence"), e))
                           for e in self.errors]}


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall, F1 (0 when undefined; 1/1/1 when nothing was expected or found).

    >>> [round(x, 3) for x in prf(9, 1, 0)]
    [0.9, 1.0, 0.947]
    """
    if tp + fp + fn == 0:
        return 1.0, 1.0, 1.0
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def offset_mapper(src: str, dst: str):
    """A function mapping offsets in ``src`` to offsets in ``dst`` (the extractor's normalised text).

    >>> f = offset_mapper("hoà  bình", "hòa bình")
    >>> f(5)
    4
    """
    if src == dst:
        return lambda i: i
    if len(src) == len(dst):
        return lambda i: i  # same-length rewrites (tone placement) keep offsets
    blocks = difflib.SequenceMatcher(None, src, dst, autojunk=False).get_matching_blocks()

    def f(i: int) -> int:
        prev = 0
        for a, b, n in blocks:
            if i < a:
                break
            if i <= a + n:
                return b + (i - a)
            prev = b + n
        return min(prev, len(dst))

    return f


def evaluate_docs(docs: list[GoldDoc], extract=None) -> Report:
    """Run the extractor on every gold document and total the scores.

    >>> # report = evaluate_docs(load_gold(Path("eval/gold"), Path("../shared")))
    """
    if extract is None:
        try:
            from nlp import extract
        except Exception as e:  # pragma: no cover - the extractor is not importable
            raise UserError(f"the extractor cannot be imported: {type(e).__name__}: {e}", code=1)
    from nlp.sentences import sentence_spans

    counts = {k: {"tp": 0, "fp": 0, "fn": 0} for k in LABELS}
    fields: dict = {k: {} for k in LABELS}
    kind_matched = [0, 0]
    errors: list = []
    indicators: dict = {}
    pairs = {"tp": 0, "fp": 0, "fn": 0}
    indicator_docs = 0
    gold_size = {"directives": 0, "figures": 0, "targets": 0, "required": {k: 0 for k in LABELS}}
    for doc in docs:
        text = doc.text if doc.text is not None else nfc_text(doc.path.read_bytes())
        try:
            ex = extract(text, published=doc.published, province=doc.province)
        except Exception as e:
            raise UserError(f"the extractor failed on {doc.key}: {type(e).__name__}: {e}", code=1)
        body = ex.text
        to_body = offset_mapper(text, body)
        gold = {
            "directives": [{**g, "spans": [(to_body(s), to_body(e)) for s, e in g["spans"]]} for g in doc.directives],
            "figures": [{**g, "start": to_body(g["start"]), "end": to_body(g["end"])} for g in doc.figures],
            "targets": [{**g, "start": to_body(g["start"]), "end": to_body(g["end"])} for g in doc.targets],
            "scope": doc.scope, "dense_indicators": doc.dense_indicators,
        }
        indicator_docs += int(doc.dense_indicators)
        for label in LABELS:
            gold_size[label] += len(gold[label])
            gold_size["required"][label] += sum(1 for g in gold[label] if g["required"])
        pred = ex.to_dict()
        s = score_document(body, gold, pred)
        for label in LABELS:
            for k in ("tp", "fp", "fn"):
                counts[label][k] += s.counts[label][k]
            for name, (r, t) in s.fields[label].items():
                acc = fields[label].setdefault(name, [0, 0])
                acc[0] += r
                acc[1] += t
        kind_matched[0] += s.kind_matched[0]
        kind_matched[1] += s.kind_matched[1]
        for code, c in s.indicators.items():
            acc = indicators.setdefault(code, {"tp": 0, "fp": 0, "fn": 0})
            for k in acc:
                acc[k] += c[k]
        for k in pairs:
            pairs[k] += s.pairs[k]
        spans = sentence_spans(body)
        for label, err, start, end, detail in s.errors:
            sent = next((body[a:b] for a, b in spans if a <= start < b), body[max(0, start - 80):end + 80])
            errors.append((doc.key, label, err, start, end, body[start:end], detail, sent))
    return Report(docs=len(docs), gold_size=gold_size, counts=counts, fields=fields,
                  kind_matched=kind_matched, errors=errors, indicators=indicators, pairs=pairs,
                  indicator_docs=indicator_docs)


# --------------------------------------------------------------------------- floors and printing


def load_floors(path: Path, section: str = "floors") -> dict[str, float]:
    """Pinned floors from ``eval/floors.toml`` (``[floors]`` for the real texts, ``[synthetic]`` for the
    sentences written for the project, ``[relevance_floors]`` for the relevance classifier: metric = minimum).

    >>> # load_floors(Path("eval/floors.toml"))["directives.f1"] -> 0.95
    """
    import tomllib

    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except OSError:
        raise UserError(f"{path}: floors file not found")
    except tomllib.TOMLDecodeError as e:
        raise UserError(f"{path}: invalid TOML ({e})")
    floors = data.get(section)
    if not isinstance(floors, dict) or not floors:
        raise UserError(f"{path}: no [{section}] table")
    return {str(k): float(v) for k, v in floors.items()}


def below_floors(metrics: dict[str, float], floors: dict[str, float]) -> list[str]:
    """Names of the metrics below their floor, with both numbers.

    >>> below_floors({"figures.f1": 0.8}, {"figures.f1": 0.9})
    ['figures.f1 0.800 < floor 0.900']
    """
    out = []
    for name, floor in floors.items():
        got = metrics.get(name)
        if got is None:
            out.append(f"{name} missing < floor {floor:.3f}")
        elif got + 1e-12 < floor:
            out.append(f"{name} {got:.3f} < floor {floor:.3f}")
    return out


def format_report(report: Report, first_errors: int = 25) -> str:
    """The per-label table, field accuracies and the first errors, as text."""
    m = report.metrics
    lines = [f"gold: {report.docs} documents, {report.gold_size['directives']} directives, "
             f"{report.gold_size['figures']} figures, {report.gold_size['targets']} targets "
             f"(required: {report.gold_size['required']['directives']}/{report.gold_size['required']['figures']}/"
             f"{report.gold_size['required']['targets']})", "",
             f"{'label':<12}{'P':>8}{'R':>8}{'F1':>8}{'tp':>7}{'fp':>7}{'fn':>7}"]
    for label in LABELS:
        c = report.counts[label]
        lines.append(f"{label:<12}{m[label + '.precision']:>8.3f}{m[label + '.recall']:>8.3f}{m[label + '.f1']:>8.3f}"
                     f"{c['tp']:>7}{c['fp']:>7}{c['fn']:>7}")
    lines += ["", f"{'field accuracy (aligned pairs)':<36}{'acc':>8}{'n':>7}"]
    for label in LABELS:
        for name, (right, total) in sorted(report.fields[label].items()):
            lines.append(f"{label + '.' + name:<36}{right / total if total else 0:>8.3f}{total:>7}")
    r, t = report.kind_matched
    lines.append(f"{'figures.kind_accuracy (matched)':<36}{r / t if t else 0:>8.3f}{t:>7}")
    if report.indicator_docs:
        lines += ["", f"indicator codes over non-null codes ({report.indicator_docs} documents annotated for indicators)",
                  f"{'code':<36}{'P':>8}{'R':>8}{'F1':>8}{'tp':>7}{'fp':>7}{'fn':>7}"]
        rows = [("ALL", {k: sum(c[k] for c in report.indicators.values()) for k in ("tp", "fp", "fn")})]
        rows += sorted(report.indicators.items())
        for code, c in rows:
            p, r_, f = prf(**c)
            lines.append(f"{code:<36}{p:>8.3f}{r_:>8.3f}{f:>8.3f}{c['tp']:>7}{c['fp']:>7}{c['fn']:>7}")
    if sum(report.pairs.values()):
        p, r_, f = prf(**report.pairs)
        c = report.pairs
        lines += ["", f"{'achieved-vs-plan pairs':<36}{p:>8.3f}{r_:>8.3f}{f:>8.3f}{c['tp']:>7}{c['fp']:>7}{c['fn']:>7}"]
    if report.errors and first_errors:
        lines += ["", f"first errors ({min(first_errors, len(report.errors))} of {len(report.errors)}):"]
        for doc, label, err, start, end, span, detail, sent in report.errors[:first_errors]:
            sent = " ".join(sent.split())
            if len(sent) > 220:
                sent = sent[:217] + "..."
            lines.append(f"  {err} {label:<10} {doc}:{start}-{end} «{span}» {detail}")
            lines.append(f"      | {sent}")
    return "\n".join(lines) + "\n"

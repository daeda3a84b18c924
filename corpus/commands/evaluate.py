"""partycorpus evaluate [--gold DIR] [--shared DIR] [--synthetic] [--gate] [--json]

``--synthetic`` scores the gold of sentences written for the project
(``*/synthetic/*.json``, ``synthetic*.json``) instead of the real texts: the two
are always reported apart.

Scores ``nlp.extract`` against the standoff gold in ``eval/gold`` (texts read
from the shared folder: ``--shared``, env ``PARTYCORPUS_SHARED``, default
``../shared`` beside the repository). ``--gate`` exits 1 naming every score
below its floor in ``eval/floors.toml``. ``--relevance`` scores the relevance
classifier instead, on its held-out set (``eval/relevance/heldout.jsonl``, by
length bucket) and the synthetic short items; ``--gate`` then applies the
``[relevance_floors]`` of the same file.

>>> # partycorpus evaluate --gate
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from ..errors import UserError

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_GOLD = ROOT / "eval" / "gold"
FLOORS = ROOT / "eval" / "floors.toml"


def shared_folder(arg: str | None = None) -> Path:
    """The shared folder: argument, env PARTYCORPUS_SHARED, or ../shared beside the repo."""
    shared = Path(arg or os.environ.get("PARTYCORPUS_SHARED") or ROOT.parent / "shared")
    if not (shared / "data").is_dir():
        raise UserError(f"shared folder {shared} not found (it must hold data/); pass --shared DIR")
    return shared


def run(args) -> int:
    from ..evaluation import below_floors, evaluate_docs, format_report, load_floors, load_gold

    shared = shared_folder(getattr(args, "shared", None))
    if getattr(args, "relevance", False):
        return run_relevance(shared, getattr(args, "gate", False), getattr(args, "json", False))
    gold_dir = Path(getattr(args, "gold", None) or DEFAULT_GOLD)
    synthetic = getattr(args, "synthetic", False)
    floors = load_floors(FLOORS, "synthetic" if synthetic else "floors") if getattr(args, "gate", False) else {}
    docs = load_gold(gold_dir, shared, synthetic=synthetic)
    report = evaluate_docs(docs)
    failures = below_floors(report.metrics, floors) if floors else []
    if getattr(args, "json", False):
        out = report.to_dict()
        if floors:
            out["floors"] = floors
            out["below_floor"] = failures
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=1) + "\n")
    else:
        sys.stdout.write(format_report(report))
        if floors:
            sys.stdout.write("\n" + ("gate: all scores at or above their floors\n" if not failures else
                                     "gate: FAILED\n" + "".join(f"  {f}\n" for f in failures)))
    if failures:
        sys.stderr.write("partycorpus evaluate: below floor: " + "; ".join(failures) + "\n")
        return 1
    return 0


def run_relevance(shared: Path, gate: bool, as_json: bool) -> int:
    from ..evaluation import below_floors, load_floors
    from ..relevance_data import evaluate_relevance, format_relevance, relevance_metrics

    result = evaluate_relevance(shared)
    floors = load_floors(FLOORS, "relevance_floors") if gate else {}
    failures = below_floors(relevance_metrics(result), floors) if floors else []
    if as_json:
        sys.stdout.write(json.dumps(result | ({"floors": floors, "below_floor": failures} if floors else {}),
                                    ensure_ascii=False, indent=1) + "\n")
    else:
        sys.stdout.write(format_relevance(result))
        if floors:
            sys.stdout.write("gate: all relevance scores at or above their floors\n" if not failures else
                             "gate: FAILED\n" + "".join(f"  {f}\n" for f in failures))
    if failures:
        sys.stderr.write("partycorpus evaluate: below floor: " + "; ".join(failures) + "\n")
        return 1
    return 0

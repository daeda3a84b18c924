"""partycorpus publish [--out FILE] [--no-text] [--no-sentences]

>>> # partycorpus --data data/demo publish --no-text --out shared.sqlite
"""
from __future__ import annotations

import sys

from ..publish import publish


def run(args) -> int:
    out = publish(args.data, out=args.out, text=not args.no_text, sentences=not args.no_sentences)
    parts = ", ".join(f"{k} {v}" for k, v in out["tables"].items())
    sys.stdout.write(f"published {out['out']} (corpus version {out['corpus_version']}; Datasette metadata "
                     f"{out['metadata']}): {parts}\n")
    return 0

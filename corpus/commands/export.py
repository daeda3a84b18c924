"""partycorpus export [--out DIR] [--format csv|parquet|xlsx]... [--include-reprints] [--map 63|34]

>>> # partycorpus export --format csv --format xlsx --map 34
"""
from __future__ import annotations

import sys

from ..export import export_tables


def run(args) -> int:
    out = export_tables(args.data, out=args.out, formats=args.formats, include_reprints=args.include_reprints,
                        province_map=args.map, derived_only=getattr(args, "derived_only", False))
    parts = ", ".join(f"{k} {v}" for k, v in out["tables"].items())
    sys.stdout.write(f"exported to {out['out']} (corpus version {out['corpus_version']}): {parts}\n")
    cells = out["indicator_cells"]
    sys.stdout.write(f"indicators_wide: {cells['cells']} province × year × indicator values, "
                     f"{cells['conflicts']} where independent sources disagree (indicator_conflicts.conflict)\n")
    return 0

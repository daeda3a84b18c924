"""partycorpus import PATH... [--site ID] [--province SLUG] [--limit N]

>>> # partycorpus import ../shared/data/dev/baomoi-2017-party --site baomoi
"""
from __future__ import annotations

import sys

from ..ingest import import_paths


def run(args) -> int:
    counts = import_paths(args.paths, data_dir=args.data, site=args.site, province=args.province,
                          limit=args.limit, progress=True)
    sys.stdout.write(f"imported {counts['articles']} articles from {counts['files']} files: "
                     f"{counts['new']} new, {counts['changed']} changed, {counts['unchanged']} unchanged\n")
    return 0

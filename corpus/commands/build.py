"""partycorpus build [--jobs N] [--scheduler ADDRESS] [--force]

>>> # partycorpus build --jobs 2
"""
from __future__ import annotations

import sys

from ..build import run_build


def run(args) -> int:
    out = run_build(args.data, jobs=args.jobs, force=args.force, scheduler=args.scheduler, progress=True)
    msg = f"built {out['built']} of {out['pending']} pending articles"
    if out.get("spooled"):
        msg += f" ({out['spooled']} taken from the crawl spool)"
    if out.get("rescored"):
        msg += f"; relevance scored again for {out['rescored']} articles (new relevance model)"
    if out["errors"]:
        msg += f"; {out['errors']} extraction errors (see build_records.error)"
    if out.get("documents") is not None:
        msg += f"; {out['documents']} documents, {out['reprints']} reprints, {out['indicator_values']} indicator values"
    if out.get("search_index_sorted"):
        msg += f"; search index sorted ({out['search_index_sorted']:,} rows)"
    sys.stdout.write(msg + "\n")
    return 0

"""partycorpus serve [--port N] [--file FILE]: Datasette over the published file on 127.0.0.1.

>>> # partycorpus --data data/demo serve --port 8001
"""
from __future__ import annotations

from ..web import serve


def run(args) -> int:
    return serve(args.data, port=args.port, db_path=args.file)

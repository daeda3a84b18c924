"""partycorpus serve-mirror — serve the synthetic mirror sites on 127.0.0.1 until Ctrl-C.

>>> # partycorpus serve-mirror --port 8765
"""
from __future__ import annotations

import inspect
import time

from ..errors import UserError


def run(args) -> int:
    try:
        from crawler.mirror.server import Mirror
    except ImportError as e:
        raise UserError(f"the synthetic mirror is not available ({e})")
    params = inspect.signature(Mirror).parameters
    kwargs = {}
    if "ports" in params and args.port:
        from crawler.mirror.articles import SITE_IDS

        kwargs["ports"] = {site: args.port + i for i, site in enumerate(SITE_IDS)}
    elif "port" in params:
        kwargs["port"] = args.port
    try:
        with Mirror(**kwargs) as mirror:
            print("Synthetic mirror (written for this project; not real articles) serving:")
            for site, url in sorted(mirror.base_urls.items()):
                print(f"  {site:<6} {url}")
            print("Ctrl-C to stop.", flush=True)
            while True:
                time.sleep(3600)
    except KeyboardInterrupt:
        print("stopped")
        return 0
    except OSError as e:
        raise UserError(f"cannot serve on 127.0.0.1 port {args.port}: {e.strerror or e}")

"""The ``partycorpus`` command: argument parsing only; work lives in
``corpus.commands.<verb>.run(args)``.

Errors: a ``UserError`` (or any unexpected exception) prints one line on
standard error and exits non-zero; set ``PARTYCORPUS_DEBUG=1`` for a traceback.
"""
from __future__ import annotations

import argparse
import importlib
import os
import sys

from .errors import UserError


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line, exit 2
        sys.stderr.write(f"{self.prog}: error: {message}\n")
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="partycorpus", description="Corpus of Vietnamese party-building news.")
    p.add_argument("--data", default=os.environ.get("PARTYCORPUS_DATA", "data"),
                   help="data folder: store, raw archive, crawl state (env PARTYCORPUS_DATA; default ./data)")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    s = sub.add_parser("extract", help="extract directives, figures and targets from files")
    s.add_argument("paths", nargs="+", metavar="PATH", help="text or HTML file, or - for stdin")
    s.add_argument("--published", help="article date YYYY-MM-DD")
    s.add_argument("--province", help="province slug the article is about")
    s.add_argument("--format", choices=["json", "jsonl", "table"], default=None)

    s = sub.add_parser("crawl", help="crawl configured sites or any site")
    g = s.add_mutually_exclusive_group(required=True)
    g.add_argument("--site", action="append", metavar="ID", help="site id (repeatable)")
    g.add_argument("--all", action="store_true", help="all configured sites")
    g.add_argument("--start-url", metavar="URL", help="crawl one site generically from URL")
    s.add_argument("--province", metavar="SLUG")
    s.add_argument("--max-pages", type=int, metavar="N",
                   help="stop after N responses (requests already in flight still finish, so a few more arrive)")
    s.add_argument("--sites-dir", metavar="DIR", help="folder of site files (default: the packaged ones)")
    s.add_argument("--redis", metavar="URL", help="distributed mode: shared scheduler queue in Redis")
    s.add_argument("--no-polite", action="store_true", help="disable robots.txt and throttling (local mirrors only)")
    s.add_argument("--retry-failed", action="store_true",
                   help="fetch pages that failed before (404, 500, timeout …) now, without waiting for their retry time")

    s = sub.add_parser("check-site", help="what a site file's selectors match, beside generic extraction")
    s.add_argument("target", metavar="ID|URL", help="site id, or a listing or article URL of a configured site")
    s.add_argument("--articles", type=int, default=3, metavar="N", help="article pages to check (default 3)")
    s.add_argument("--html", action="append", metavar="FILE", help="check a saved article page instead (repeatable)")
    s.add_argument("--sites-dir", metavar="DIR", help="folder of site files (default: the packaged ones)")

    s = sub.add_parser("merge", help="take in what other machines crawled: their WARC files, spool, runs, crawl state")
    s.add_argument("others", nargs="+", metavar="OTHER_DATA", help="another machine's data folder (read only)")

    s = sub.add_parser("import", help="import .txt files, folders, .jsonl(.gz) collections")
    s.add_argument("paths", nargs="+", metavar="PATH")
    s.add_argument("--site", metavar="ID")
    s.add_argument("--province", metavar="SLUG")
    s.add_argument("--limit", type=int, metavar="N", help="import at most N articles")

    s = sub.add_parser("build", help="extract mentions of new or changed articles")
    s.add_argument("--jobs", type=int, default=None, metavar="N", help="local processes (default: all cores)")
    s.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler, e.g. tcp://127.0.0.1:8786")
    s.add_argument("--force", action="store_true", help="re-extract every article")

    s = sub.add_parser("rebuild", help="re-create articles from the raw archive with the current extractor")

    s = sub.add_parser("update", help="crawl --all, build, export (for cron)")
    s.add_argument("--sites-dir", metavar="DIR")
    s.add_argument("--out", metavar="DIR")
    s.add_argument("--no-polite", action="store_true", help="crawl without robots.txt and throttling (local mirrors only)")

    s = sub.add_parser("export", help="write comparison tables")
    s.add_argument("--out", metavar="DIR", help="output folder (default DATA/export)")
    s.add_argument("--format", action="append", choices=["csv", "parquet", "xlsx"], dest="formats")
    s.add_argument("--include-reprints", action="store_true")
    s.add_argument("--map", choices=["63", "34"], default="63", help="province map (default: 63 provinces)")
    s.add_argument("--derived-only", action="store_true",
                   help="leave out article texts and leads (titles, URLs, sentences and derived tables stay)")

    sub.add_parser("stats", help="articles by site, province, year; coverage")

    s = sub.add_parser("search", help="keyword in context over the corpus")
    s.add_argument("text", metavar="TEXT")
    s.add_argument("--limit", type=int, default=50)
    s.add_argument("--width", type=int, default=60)

    s = sub.add_parser("evaluate", help="score extraction against the gold")
    s.add_argument("--gold", metavar="DIR", help="gold folder (default: eval/gold)")
    s.add_argument("--shared", metavar="DIR", help="the shared folder (default: ../shared)")
    s.add_argument("--gate", action="store_true", help="fail when a score drops below its floor")
    s.add_argument("--synthetic", action="store_true",
                   help="score the gold of sentences written for the project (reported apart from real texts)")
    s.add_argument("--json", action="store_true")
    s.add_argument("--relevance", action="store_true", help="score the relevance classifier on its held-out set")

    s = sub.add_parser("bench", help="benchmarks: extract, build, crawl")
    s.add_argument("what", nargs="?", default="speed",
                   choices=["speed", "extract", "build", "profile", "crawl", "web", "all", "outputs"])
    s.add_argument("--n", type=int, default=None, metavar="N",
                   help="articles in the sample (outputs: a synthetic store of N articles made from the built one)")
    s.add_argument("--jobs", type=int, default=None)

    s = sub.add_parser("publish", help="write the corpus to one SQLite file for Datasette")
    s.add_argument("--out", metavar="FILE", help="SQLite file (default DATA/publish/corpus.sqlite)")
    s.add_argument("--no-text", action="store_true",
                   help="leave out article texts and leads (titles, URLs, sentences and derived tables stay)")
    s.add_argument("--no-sentences", action="store_true", help="leave out the sentences around mentions too")

    s = sub.add_parser("serve", help="browse the corpus in Datasette on 127.0.0.1 (publishes first when needed)")
    s.add_argument("--port", type=int, default=8001)
    s.add_argument("--file", metavar="FILE", help="published SQLite file (default DATA/publish/corpus.sqlite)")

    sub.add_parser("demo", help="serve the synthetic mirror, crawl it, build, export, summarise")

    s = sub.add_parser("serve-mirror", help="serve the synthetic fixture sites on 127.0.0.1")
    s.add_argument("--port", type=int, default=8765)
    return p


def _use_demo_store(args) -> None:
    """Without --data or PARTYCORPUS_DATA, reading commands use the demo's store when ./data holds none."""
    if (args.command in ("stats", "search", "export", "publish", "serve") and args.data == "data"
            and not os.environ.get("PARTYCORPUS_DATA") and not os.path.exists("data/corpus.duckdb")
            and os.path.exists("data/demo/corpus.duckdb")):
        sys.stderr.write("partycorpus: no store in ./data; using the demo's store in data/demo (--data DIR for another)\n")
        args.data = "data/demo"


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return 2
    _use_demo_store(args)
    name = {"import": "import_"}.get(args.command, args.command.replace("-", "_"))  # 'import' is a keyword
    module = importlib.import_module(f"corpus.commands.{name}")
    try:
        rc = module.run(args)
    except UserError as e:
        sys.stderr.write(f"partycorpus {args.command}: error: {e}\n")
        return e.code
    except KeyboardInterrupt:
        sys.stderr.write(f"partycorpus {args.command}: interrupted; committed work is kept, run it again to resume\n")
        return 130
    except BrokenPipeError:
        return 0
    except Exception as e:  # never a traceback for users
        if os.environ.get("PARTYCORPUS_DEBUG"):
            raise
        first = (str(e).strip().splitlines() or [""])[0]   # DuckDB adds lines of advice: one line only
        sys.stderr.write(f"partycorpus {args.command}: error: {type(e).__name__}: {first}\n")
        return 1
    return int(rc or 0)


if __name__ == "__main__":
    raise SystemExit(main())

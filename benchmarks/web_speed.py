"""How fast is the web view on a big corpus? Time to publish, then to answer a search and each canned query.

    .venv/bin/partycorpus --data DATA bench web [--out FILE]
    .venv/bin/python -m benchmarks.web_speed --data DATA [--out FILE]

Reads the store of DATA (never writes into it: the file goes to ``--out``, by
default a temporary folder), publishes it with ``partycorpus publish`` (wall
time and peak memory of the process), serves it with Datasette on 127.0.0.1
(the command ``partycorpus serve`` runs) and times over HTTP, twice each (the
first after start-up, then warm): a full-text search with and without
diacritics, a facet page, and each canned query with the chart link's
parameters. Nothing is asserted: read the numbers.
"""
from __future__ import annotations

import argparse
import json
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SEARCHES = ("kết nạp đảng viên", "ket nap dang vien")


def _get(url: str) -> tuple[float, int]:
    t0 = time.perf_counter()
    with urllib.request.urlopen(url, timeout=600) as r:
        body = json.loads(r.read())
    rows = body.get("filtered_table_rows_count", len(body.get("rows", [])))
    return time.perf_counter() - t0, rows


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(data: str, out: str | None = None) -> dict:
    from corpus.commands.bench import _measure
    from corpus.publish import metadata_path
    from corpus.web import datasette_command

    tmp = tempfile.TemporaryDirectory(prefix="partycorpus-web-bench-")
    db_path = Path(out) if out else Path(tmp.name) / "corpus.sqlite"
    seconds, peak, stdout = _measure([sys.executable, "-m", "corpus.cli", "--data", str(data), "publish",
                                      "--out", str(db_path)])
    print(f"publish: {seconds:.1f} s, peak {peak:.0f} MB, file {db_path.stat().st_size / 2**20:.0f} MB")
    print("  " + stdout.strip()[:400])
    meta = json.loads(metadata_path(db_path).read_text(encoding="utf-8"))
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen(datasette_command(db_path, metadata_path(db_path), port), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    results = {"publish_s": seconds, "publish_peak_mb": peak}
    try:
        t0 = time.perf_counter()
        while True:
            try:
                urllib.request.urlopen(base + "/-/versions.json", timeout=2)
                break
            except OSError:
                if time.perf_counter() - t0 > 120:
                    raise SystemExit("Datasette did not start")
                time.sleep(0.2)
        print(f"datasette up in {time.perf_counter() - t0:.1f} s")
        name = db_path.stem
        pages = {f"search {q!r}": f"/{name}/articles.json?_search={urllib.parse.quote(q)}&_size=50" for q in SEARCHES}
        pages["facets of figures (province, year, indicator, kind)"] = f"/{name}/figures.json?_size=50"
        for qname, q in meta["databases"][name]["queries"].items():
            href = q["description_html"].split('href="', 1)[1].split('"', 1)[0].replace("&amp;", "&")
            params = href.split("?", 1)[1] if "?" in href else ""
            if qname == "keyword_in_context":
                params = "phrase=" + urllib.parse.quote("ket nap dang vien")
            pages[f"query {qname} ({params})"] = f"/{name}/{qname}.json?_size=max&{params}"
        print(f"{'page':<78} {'first s':>8} {'warm s':>8} {'rows':>8}")
        for label, path in pages.items():
            first, rows = _get(base + path)
            warm, _ = _get(base + path)
            results[label] = (first, warm, rows)
            print(f"{label[:78]:<78} {first:>8.3f} {warm:>8.3f} {rows:>8}")
    finally:
        proc.terminate()
        proc.wait(30)
        tmp.cleanup()
    return results


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--data", required=True, help="data folder of a built store (read only)")
    p.add_argument("--out", help="SQLite file to write (default: a temporary one, deleted at the end)")
    args = p.parse_args(argv)
    run(args.data, args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

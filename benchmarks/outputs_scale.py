"""The researcher's outputs at corpus scale: ``partycorpus bench outputs``.

    partycorpus --data /work/scale-data bench outputs              # on the store as it is (e.g. the 35k collection)
    partycorpus --data /work/scale-data bench outputs --n 1000000  # on a synthetic store of N articles

On a built store, times and measures the peak memory (summed resident memory
of the process and its children, ``corpus.commands.bench.PeakRSS``) of
``export --format F`` for each format, of ``publish`` when this tree has that
command, and of the report (``python -m corpus.report``: every notebook), each
in a fresh process with the default settings. Prints one table.

With ``--n`` larger than the store, the steps run on a synthetic store of N
articles made by repeating every built row (articles, build records, mentions,
indicator values, reprint links, search index) under new ids ``rNNNN:<id>`` in
DuckDB: as ``benchmarks/search_scale.py`` repeats the bulk texts, but without
extracting again. The synthetic store is written to ``DATA/bench-outputs-N``
(kept for the next run; delete it by hand) so the texts stay with the data.
"""
from __future__ import annotations

import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: tables whose rows belong to one article (repeated with the article under its new id)
ARTICLE_TABLES = ("articles", "build_records", "article_signatures", "directive_mentions", "figure_mentions",
                  "target_mentions", "indicator_values", "reprint_links", "search_terms")
FORMATS = ("csv", "parquet", "xlsx")


def repeat_rows(con, copies: int, start: int = 1, tables=ARTICLE_TABLES, text_times: int = 1) -> None:
    """Add ``copies`` copies of every article's rows under new ids ``r<k>:<article_id>`` (k from ``start``).

    ``reprint_links`` copies point at the copied original. ``text_times`` > 1 makes each copied article's
    text that many times longer (a store of a given size out of a few short synthetic texts).

    >>> repeat_rows(store.con, 27)                             # doctest: +SKIP
    """
    have = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    for table in tables:
        if table not in have:
            continue
        cols = [r[0] for r in con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = 'main' AND table_name = ? "
            "ORDER BY ordinal_position", [table]).fetchall()]
        new_id = "'r' || lpad(CAST(k.i AS VARCHAR), 4, '0') || ':' || t.{c}"
        exprs = []
        for c in cols:
            if c == "article_id" or (table == "reprint_links" and c == "original_id"):
                exprs.append(new_id.format(c=c))
            elif table == "articles" and c == "text" and text_times > 1:
                exprs.append(f"repeat(t.text || ' ', {int(text_times)})")
            else:
                exprs.append(f't."{c}"')
        col_list = ", ".join(f'"{c}"' for c in cols)
        con.execute(f'INSERT INTO "{table}" ({col_list}) SELECT {", ".join(exprs)} FROM "{table}" t, '
                    f"range({int(start)}, {int(start) + int(copies)}) k(i) WHERE t.article_id NOT LIKE 'r____:%'")


def synthetic_store(src: Path, dst: Path, n: int) -> dict:
    """A store of about ``n`` articles at ``dst``: a copy of ``src`` and its rows repeated under new ids."""
    from corpus.store import Store

    if (dst / "corpus.duckdb").exists():
        with Store(dst) as store:
            have = store.sql("SELECT count(*) FROM articles").fetchone()[0]
        return {"articles": have, "seconds": 0.0, "reused": True}
    dst.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    with Store(src) as store:
        base = store.sql("SELECT count(*) FROM articles").fetchone()[0]
    if not base:
        raise SystemExit(f"{src}: the store has no articles")
    shutil.copyfile(src / "corpus.duckdb", dst / "corpus.duckdb.part")
    os.replace(dst / "corpus.duckdb.part", dst / "corpus.duckdb")
    copies = max(0, -(-n // base) - 1)
    with Store(dst, write=True, memory_limit="512MB") as store:
        done = 0
        while done < copies:
            step = min(4, copies - done)   # a few copies per transaction: the write-ahead log stays small
            with store.transaction():
                repeat_rows(store.con, step, start=done + 1)
            done += step
            print(f"  {base * (done + 1):>10,} articles, {time.perf_counter() - t0:7.1f} s", flush=True)
        store.sql("CHECKPOINT")
        have = store.sql("SELECT count(*) FROM articles").fetchone()[0]
    return {"articles": have, "seconds": time.perf_counter() - t0, "reused": False}


def _publish_command() -> bool:
    return (ROOT / "corpus" / "commands" / "publish.py").is_file()


def bench_outputs(data: Path, n: int | None = None, formats=FORMATS, report: bool = True) -> list[dict]:
    """Time and peak memory of each output step on the store at ``data`` (or a synthetic one of ``n`` articles)."""
    from corpus.commands.bench import _measure
    from corpus.errors import UserError
    from corpus.store import Store

    data = Path(data)
    with Store(data) as store:
        base = store.sql("SELECT count(*) FROM articles").fetchone()[0]
        built = store.sql("SELECT count(*) FROM build_records").fetchone()[0]
    if not built:
        raise UserError(f"{data}: no built articles; run 'partycorpus build' first")
    if n and n > base:
        target = data / f"bench-outputs-{n}"
        print(f"synthetic store of {n:,} articles (the {base:,} built articles repeated under new ids): {target}")
        info = synthetic_store(data, target, n)
        print(f"  {info['articles']:,} articles, " + ("reused" if info["reused"] else f"made in {info['seconds']:.0f} s"))
        data = target
    with Store(data) as store:
        arts = store.sql("SELECT count(*) FROM articles").fetchone()[0]
        figs = store.sql("SELECT count(*) FROM figure_mentions").fetchone()[0]
    size = (data / "corpus.duckdb").stat().st_size / 2**20
    print(f"store {data}: {arts:,} articles, {figs:,} figure mentions, {size:,.0f} MB; {os.cpu_count()} cores, "
          f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"{'step':<34}{'seconds':>9}{'cpu s':>8}{'peak MB':>9}{'output MB':>11}")
    py = sys.executable
    rows: list[dict] = []

    def cpu() -> float:
        use = resource.getrusage(resource.RUSAGE_CHILDREN)
        return use.ru_utime + use.ru_stime

    def step(name: str, cmd: list[str], out: Path) -> None:
        before = cpu()
        seconds, peak, _ = _measure(cmd)
        used = cpu() - before     # CPU seconds of the step's processes: what a busy machine does not stretch
        mb = sum(p.stat().st_size for p in out.rglob("*") if p.is_file()) / 2**20 if out.exists() else 0.0
        rows.append({"step": name, "seconds": seconds, "cpu_s": used, "peak_mb": peak, "output_mb": mb})
        print(f"{name:<34}{seconds:>9.1f}{used:>8.1f}{peak:>9.0f}{mb:>11.0f}", flush=True)

    with tempfile.TemporaryDirectory(prefix="pc-outputs-", dir=data) as tmp:
        for fmt in formats:
            out = Path(tmp) / f"export-{fmt}"
            step(f"export --format {fmt}", [py, "-m", "corpus.cli", "--data", str(data), "export", "--out", str(out),
                                           "--format", fmt], out)
        if _publish_command():
            out = Path(tmp) / "publish"
            step("publish", [py, "-m", "corpus.cli", "--data", str(data), "publish", "--out", str(out)], out)
        else:
            print(f"{'publish':<34}  skipped: this tree has no 'partycorpus publish' command")
        if report:
            out = Path(tmp) / "report"
            step("report (all notebooks)", [py, "-m", "corpus.report", "--data", str(data), "--out", str(out)], out)
    total, total_cpu = sum(r["seconds"] for r in rows), sum(r["cpu_s"] for r in rows)
    print(f"{'all outputs':<34}{total:>9.1f}{total_cpu:>8.1f}{max((r['peak_mb'] for r in rows), default=0):>9.0f}")
    return rows

"""Speed and memory of choosing one value per province × year × indicator (``corpus.indicators``) and of
writing ``indicators_wide`` + ``indicator_conflicts``, on a synthetic store of N candidate figures.

    .venv/bin/python -m benchmarks.indicator_choice --rows 200000 [--per-cell 3] [--reprint-share 0.1]

The store holds generated rows only (no article text): N achieved province-wide figures spread over
63 provinces × 15 years × as many indicators as needed for about ``--per-cell`` figures a cell, a tenth
of them from reprints. Prints seconds and peak resident memory; asserts nothing.
"""
from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path


def make_store(data: Path, rows: int, per_cell: int, reprint_share: float) -> None:
    from corpus.store import Store

    cells = max(1, rows // per_cell)
    indicators = max(1, cells // (63 * 15))
    with Store(data, write=True) as store, store.transaction() as con:
        con.execute(f"""
            INSERT INTO indicator_values (province, year, year_source, indicator, value, unit, kind, qualifier,
                                          article_id, url, published, sentence, start, "end", province_total)
            SELECT 'p' || lpad(CAST(c % 63 AS VARCHAR), 2, '0'), 2010 + (c // 63) % 15, 'text',
                   'ind.' || CAST((c // 945) % {indicators} AS VARCHAR),
                   1000 + (i * 7919) % 50, 'đảng viên', 'achieved', 'exact', 'a' || CAST(i AS VARCHAR),
                   'https://x.invalid/' || CAST(i AS VARCHAR), '2020-01-' || lpad(CAST(1 + i % 28 AS VARCHAR), 2, '0'),
                   'Năm 2020, toàn tỉnh kết nạp được ' || CAST(1000 + (i * 7919) % 50 AS VARCHAR)
                       || ' đảng viên mới, vượt chỉ tiêu đề ra; tỷ lệ tổ chức cơ sở đảng yếu kém giảm.', 0, 10, TRUE
            FROM (SELECT i, i % {cells} AS c FROM range({rows}) t(i))""")
        con.execute(f"""
            INSERT INTO reprint_links (article_id, original_id, similarity, method)
            SELECT 'a' || CAST(i AS VARCHAR), 'a' || CAST(i - {cells} AS VARCHAR), 1.0, 'exact'
            FROM range({cells}, {rows}) t(i) WHERE hash(i) % 1000 < {int(reprint_share * 1000)}""")
        con.execute("""
            INSERT INTO build_records (article_id, province, province_level)
            SELECT article_id, province, 'province' FROM indicator_values""")
        con.execute("""
            INSERT INTO figure_mentions (article_id, mention_no, start, "end", text, value)
            SELECT article_id, 0, start, "end", CAST(CAST(value AS BIGINT) AS VARCHAR) || ' đảng viên', value
            FROM indicator_values""")


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rows", type=int, default=200_000)
    ap.add_argument("--per-cell", type=int, default=3)
    ap.add_argument("--reprint-share", type=float, default=0.1)
    args = ap.parse_args(argv)
    from corpus.export import export_tables
    from corpus.indicators import cells
    from corpus.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        t0 = time.perf_counter()
        make_store(data, args.rows, args.per_cell, args.reprint_share)
        made = time.perf_counter() - t0
        base = _peak_mb()
        with Store(data) as store:
            t0 = time.perf_counter()
            n = conflicts = 0
            for cell in cells(store.con):
                n += 1
                conflicts += cell.conflict
            choose = time.perf_counter() - t0
        peak_choose = _peak_mb()
        t0 = time.perf_counter()
        out = export_tables(data, out=data / "export", formats=["csv"])
        export = time.perf_counter() - t0
        print(f"candidate figures {args.rows:,}; cells {n:,}; with a conflict {conflicts:,} (store made in {made:.1f} s)")
        print(f"choose (corpus.indicators.cells, streamed): {choose:.2f} s, {args.rows / choose:,.0f} figures/s; "
              f"peak RSS {peak_choose:,.0f} MB (before: {base:,.0f} MB)")
        print(f"export csv (all tables; indicators_wide {out['tables']['indicators_wide']:,} rows, indicator_conflicts "
              f"{out['tables']['indicator_conflicts']:,} rows): {export:.2f} s; peak RSS {_peak_mb():,.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())

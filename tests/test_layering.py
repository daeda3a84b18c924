"""Data flows one way in the imports too: records <- crawler <- corpus (nlp stays pure)."""
import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def imported_packages(folder: str) -> dict[str, set[str]]:
    """file -> top-level packages it imports (at the top or inside functions)."""
    out = {}
    for path in sorted((ROOT / folder).rglob("*.py")):
        tops = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                tops |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                tops.add(node.module.split(".")[0])
        out[str(path.relative_to(ROOT))] = tops
    return out


@pytest.mark.parametrize("folder, forbidden", [
    ("records", {"crawler", "corpus", "nlp"}),
    ("crawler", {"corpus"}),
    ("nlp", {"crawler", "corpus", "records"}),
])
def test_no_import_runs_back_up(folder, forbidden):
    bad = {f: sorted(t & forbidden) for f, t in imported_packages(folder).items() if t & forbidden}
    assert not bad, bad


def test_crawling_loads_no_corpus_module():
    code = ("import sys, crawler.run, crawler.spiders.site, crawler.spiders.generic, crawler.pipelines, "
            "crawler.checksite, crawler.rebuild, crawler.spool; "
            "print(sorted(m for m in sys.modules if m == 'corpus' or m.startswith('corpus.')))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_corpus_names_are_the_records_names():
    import corpus.errors
    import corpus.ingest
    import corpus.schema
    import records

    assert corpus.schema.Article is records.Article and corpus.schema.CrawlRun is records.CrawlRun
    assert corpus.errors.UserError is records.UserError
    assert corpus.ingest.read_spool_file is records.read_spool_file

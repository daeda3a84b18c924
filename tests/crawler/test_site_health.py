"""``partycorpus check-site`` and the per-run site health against the synthetic mirror, with a site file
broken on purpose (a date selector and a listing link selector that match nothing)."""
from __future__ import annotations

import datetime as dt
import json
import urllib.request
from pathlib import Path

import pytest
import yaml

from crawler.health import degraded
from test_crawl import NEW_ARTICLE, cli, last_run, small_mirror, stored


def break_site_file(sites_dir: Path, site: str = "lso") -> Path:
    """The site file with a date selector and a listing link selector that find nothing."""
    path = sites_dir / f"{site}.yaml"
    conf = yaml.safe_load(path.read_text(encoding="utf-8"))
    conf["selectors"]["date"] = "div.ngay-dang-bai"
    conf["discovery"]["listings"][0]["link_selector"] = "ul.tin-moi-nhat a"
    path.write_text(yaml.safe_dump(conf, allow_unicode=True), encoding="utf-8")
    return path


def test_check_site_shows_selectors_beside_generic_and_fails_on_a_broken_site_file(tmp_path):
    with small_mirror(tmp_path, slow_seconds=0) as m:
        sites = m.write_site_files(tmp_path / "sites")
        ok = cli(tmp_path / "data", "check-site", "lso", "--sites-dir", str(sites), "--articles", "2")
        assert ok.returncode == 0, ok.stdout + ok.stderr
        assert "article URLs" in ok.stdout and ok.stdout.count("-> agree") >= 6
        listed = [x.strip() for x in ok.stdout.splitlines() if x.startswith("  " + m.base_urls["lso"])]
        assert len(listed) >= 3 and any(m.url(i) in listed for i in m.articles)   # the listing's article URLs
        assert "problems: none" in ok.stdout

        break_site_file(sites)
        bad = cli(tmp_path / "data", "check-site", "lso", "--sites-dir", str(sites), "--articles", "2")
        assert bad.returncode == 1, bad.stdout + bad.stderr
        assert "SELECTOR FOUND NOTHING" in bad.stdout
        assert "selector date 'div.ngay-dang-bai' found nothing on 2 of 2 articles" in bad.stdout
        assert "link_selector 'ul.tin-moi-nhat a' gave no article URL" in bad.stdout
        assert "the crawler falls back to them" in bad.stdout
        # the generic date is still shown next to the empty selector
        assert "generic: '20" in bad.stdout

        saved = tmp_path / "bai.html"   # a saved page instead of a live one
        saved.write_bytes(urllib.request.urlopen(m.url(1001)).read())
        one = cli(tmp_path / "data", "check-site", "lso", "--sites-dir", str(sites), "--html", str(saved))
        assert one.returncode == 1 and "found nothing on 1 of 1 articles" in one.stdout

        article = cli(tmp_path / "data", "check-site", m.url(1001), "--sites-dir", str(sites))
        assert article.returncode == 1 and "listing" not in article.stdout.split("\n")[1]


@pytest.mark.parametrize("args, message", [
    (["check-site", "no-such-site"], "unknown site id"),
    (["check-site", "https://example.invalid/tin"], "no site file has this host"),
    (["check-site", "baolangson", "--articles", "0"], "--articles"),
    (["check-site", "baolangson", "--html", "/nonexistent/bai.html"], "cannot read it"),
])
def test_check_site_bad_input_is_one_line(tmp_path, args, message):
    proc = cli(tmp_path / "data", *args)
    assert proc.returncode == 2 and message in proc.stderr and len(proc.stderr.strip().splitlines()) == 1, proc.stderr


def test_runs_record_site_health_and_stats_warns_when_a_site_degrades(tmp_path):
    data = tmp_path / "data"
    with small_mirror(tmp_path, slow_seconds=0) as m:
        sites = m.write_site_files(tmp_path / "sites")
        for f in sites.glob("*.yaml"):
            if f.stem != "lso":
                f.unlink()
        proc = cli(data, "crawl", "--all", "--sites-dir", str(sites), "--no-polite")
        assert proc.returncode == 0, proc.stderr[-2000:]
        health = last_run(data)["health"]["lso"]
        assert health["articles_checked"] >= 3 and health["new_articles"] >= 3
        assert not health.get("selector_empty_date") and not health.get("listing_link_selector_empty")
        assert "warning" not in cli(data, "stats").stdout

        break_site_file(sites)
        m.add_article(NEW_ARTICLE)
        proc = cli(data, "crawl", "--all", "--sites-dir", str(sites), "--no-polite")
        assert proc.returncode == 0, proc.stderr[-2000:]
        health = last_run(data)["health"]["lso"]
        assert health["selector_empty_date"] == health["articles_checked"] == 1
        assert health["listing_link_selector_empty"] >= 1
        new = [r for r in stored(data).values() if r[2] == NEW_ARTICLE["title"]]
        assert len(new) == 1   # the listing fell back to every link; the article is stored
        from corpus.store import Store

        with Store(data) as s:   # the date came from generic extraction, field by field
            assert s.sql("SELECT published FROM articles WHERE title = ?", [NEW_ARTICLE["title"]]).fetchall() \
                == [("2024-05-02",)]
        out = cli(data, "stats").stdout
        assert "warning: site lso: the date selector found nothing on 1 of 1 articles" in out
        assert "warning: site lso: 1 of" in out and "check-site lso" in out


def _run(when: dt.datetime, **health) -> dict:
    return {"run_id": when.isoformat(), "started": when.isoformat(), "finished": when.isoformat(),
            "health": {"baotest": health}}


def test_a_site_quiet_for_two_weeks_after_weekly_news_is_warned():
    now = dt.datetime(2025, 3, 31, tzinfo=dt.timezone.utc)
    weekly = [_run(now - dt.timedelta(days=d), new_articles=3, articles_checked=3) for d in (40, 33, 26, 19)]
    quiet = [_run(now - dt.timedelta(days=d), new_articles=0, articles_checked=0) for d in (12, 5, 0)]
    lines = degraded(weekly + quiet, now)
    assert lines and "no new article for 19 days" in lines[0]
    assert degraded(weekly, now - dt.timedelta(days=18)) == []           # still within its rhythm
    rare = [_run(now - dt.timedelta(days=40), new_articles=1, articles_checked=1)] + quiet
    assert degraded(rare, now) == []                                     # never had weekly news


def test_run_record_keeps_the_numbers_as_json(tmp_path):
    """A run record without health (an older run) is read and ignored."""
    runs = tmp_path / "crawl" / "runs"
    runs.mkdir(parents=True)
    (runs / "old.json").write_text(json.dumps({"run_id": "old", "started": "2024-01-01T00:00:00+00:00"}))
    (runs / "broken.json").write_text("{not json")
    from crawler.health import load_runs

    assert [r["run_id"] for r in load_runs(tmp_path)] == ["old"]
    assert degraded(load_runs(tmp_path)) == []

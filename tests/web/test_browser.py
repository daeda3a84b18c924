"""The web view in a real headless Chromium: ``partycorpus serve`` on the synthetic mirror corpus.

Each test saves a screenshot under tests/artefacts/ and fails on an error in the browser console.
Needs /usr/bin/chromium and /usr/bin/chromedriver (``make test`` installs them).
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from corpus.publish import fold

CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
ARTEFACTS = Path(__file__).resolve().parents[1] / "artefacts"

pytestmark = pytest.mark.skipif(not (os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER)),
                                reason="chromium and chromedriver are not installed (make test installs them)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def site(web_store):
    """``partycorpus serve`` (publishing first) on a free port; its base URL."""
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "corpus.cli", "--data", str(web_store), "serve", "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while True:
        try:
            with urllib.request.urlopen(base + "/-/versions.json", timeout=5) as r:
                if r.status == 200:
                    break
        except OSError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.fail("serve did not start: " + proc.stdout.read().decode(errors="replace")[-2000:])
        time.sleep(0.3)
    yield base
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
    proc.stdout.close()


@pytest.fixture(scope="module")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    os.environ.setdefault("SE_OFFLINE", "true")   # Selenium Manager never fetches a driver
    profile = tempfile.mkdtemp(prefix="partycorpus-chromium-")
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", "--window-size=1400,1000", f"--user-data-dir={profile}"):
        opts.add_argument(flag)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture
def page(browser, request):
    """The browser, with the console emptied before the test; after it: a screenshot, no console errors."""
    browser.get_log("browser")
    yield browser
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    browser.execute_script("const t = document.querySelector('table.rows-and-columns');"
                           "if (t) window.scrollTo(0, Math.max(0, t.getBoundingClientRect().top + window.scrollY - 300));")
    browser.save_screenshot(str(ARTEFACTS / f"{request.node.name}.png"))
    errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert not errors, f"browser console errors: {errors}"


def _wait(driver, css, timeout=30):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(ec.presence_of_element_located((By.CSS_SELECTOR, css)))


def _row_count(driver) -> int:
    """Datasette's "N rows" line of a table page."""
    from selenium.webdriver.common.by import By

    text = driver.find_element(By.CSS_SELECTOR, "h3").text   # "12 rows where ..." / "1 row"
    return int(text.split()[0].replace(",", ""))


def _article_ids(driver) -> set[str]:
    from selenium.webdriver.common.by import By

    return {td.text for td in driver.find_elements(By.CSS_SELECTOR, "td.col-article_id")}


@pytest.mark.parametrize("phrase", ["Đảng bộ thành phố Bảo Lộc kết nạp", "dang bo thanh pho bao loc ket nap"],
                         ids=["with-diacritics", "without-diacritics"])
def test_search_finds_an_article_by_a_vietnamese_phrase_with_and_without_diacritics(site, page, phrase):
    from selenium.webdriver.common.by import By

    page.get(site + "/corpus/articles")
    total = _row_count(page)
    box = _wait(page, "input[name=_search]")
    box.send_keys(phrase)
    box.submit()
    _wait(page, "td.col-article_id")
    assert "_search=" in page.current_url
    # the synthetic Bảo Lộc article (crawler/mirror/content/ldg-3001.yaml) is found, and not every article is
    assert "ldg:3001" in _article_ids(page)
    assert 0 < _row_count(page) < total
    assert page.find_elements(By.CSS_SELECTOR, 'a[href$="/corpus/articles/ldg~3A3001"]')


def test_a_facet_narrows_the_indicator_table(site, page):
    from selenium.webdriver.common.by import By

    page.get(site + "/corpus/indicators_long")
    total = _row_count(page)
    link = _wait(page, 'div.facet-info[data-column="province"] li a')
    province = link.get_attribute("href").split("province=")[1].split("&")[0]
    link.click()
    _wait(page, "td.col-province")
    assert f"province={province}" in page.current_url
    narrowed = _row_count(page)
    assert 0 < narrowed < total
    cells = {td.text for td in page.find_elements(By.CSS_SELECTOR, "td.col-province")}
    assert cells == {province}


def test_a_canned_query_renders_its_chart(site, page):
    from selenium.webdriver.common.by import By

    page.get(site + "/corpus/indicator_across_provinces")
    chart_link = _wait(page, "a.chart-link")
    params = chart_link.get_attribute("href").split("?", 1)[1]
    page.get(site + "/corpus/indicator_across_provinces?" + params)
    rows = page.find_elements(By.CSS_SELECTOR, "td.col-province")
    assert rows, "the canned query returned no rows"
    _wait(page, "a.chart-link").click()
    _wait(page, ".chart-container svg g.mark-rect path")
    # vega draws one bar per row of the canned query
    bars = page.find_elements(By.CSS_SELECTOR, ".chart-container svg g.mark-rect path")
    assert len(bars) == len(rows)


def test_a_link_goes_from_a_figure_to_its_sentence_and_article(site, page):
    from selenium.webdriver.common.by import By

    page.get(site + "/corpus/figures?indicator=members.admitted")
    first = _wait(page, "td.col-article_id a")   # the article's title, linked to its row
    article_id = first.get_attribute("href").rsplit("/", 1)[1].replace("~3A", ":")
    assert first.text and first.text != article_id
    sentence_link = page.find_element(By.CSS_SELECTOR, "td.col-sentence_id a")
    sentence_href = sentence_link.get_attribute("href")
    first.click()
    _wait(page, "td.col-title")
    assert "/corpus/articles/" in page.current_url
    assert page.find_element(By.CSS_SELECTOR, "td.col-article_id").text == article_id
    url = page.find_element(By.CSS_SELECTOR, "td.col-url a").get_attribute("href")
    assert url.startswith("http") and article_id.split(":")[1] in url   # the article's original address
    page.get(sentence_href)
    sentence = _wait(page, "td.col-sentence").text
    assert "kết nạp" in sentence.lower() or "đảng viên" in sentence.lower()
    assert page.find_element(By.CSS_SELECTOR, "td.col-article_id a").get_attribute("href").endswith(
        "/corpus/articles/" + article_id.replace(":", "~3A"))


def test_every_canned_query_answers_with_rows_that_link_to_their_sources(site):
    """Each canned query, with its chart link's parameters, returns rows (JSON API of the served file)."""
    from urllib.parse import parse_qsl

    meta = json.loads(urllib.request.urlopen(site + "/-/metadata.json", timeout=10).read())
    queries = meta["databases"]["corpus"]["queries"]
    assert len(queries) == 5
    for name, q in queries.items():
        params = dict(parse_qsl(q["description_html"].split('href="', 1)[1].split('"', 1)[0].split("?", 1)[1]
                                .replace("&amp;", "&")))
        if name == "keyword_in_context":
            params = {"phrase": "ket nap dang vien"}
        url = f"{site}/corpus/{name}.json?_shape=objects&" + urllib.parse.urlencode(params)
        rows = json.loads(urllib.request.urlopen(url, timeout=30).read())["rows"]
        assert rows, name
        if name == "keyword_in_context":
            assert all("[" in r["context"] and fold(r["context"].split("[", 1)[1].split("]")[0]).lower()
                       == "ket nap dang vien" for r in rows)
        if name == "targets_vs_achieved":
            assert {"target", "achieved", "met"} <= set(rows[0]) and {r["met"] for r in rows} & {"met", "not met"}
    html = urllib.request.urlopen(f"{site}/corpus/keyword_in_context?phrase=05-CT%2FTW", timeout=30).read().decode()
    assert 'href="/corpus/articles/' in html   # query results link to the articles


def test_each_citation_links_to_its_mentions(site):
    """citations.n_mentions links to the directives it counts (reprints are in directives, not in citations)."""
    import re

    get = lambda path: json.loads(urllib.request.urlopen(site + path, timeout=30).read())  # noqa: E731
    reprints = {r["article_id"] for r in get("/corpus/reprints.json?_shape=array&_size=max")}
    html = urllib.request.urlopen(site + "/corpus/citations?_size=max", timeout=30).read().decode()
    links = re.findall(r'<td class="col-n_mentions type-int"><a href="([^"]+)">(\d+)</a>', html)
    assert len(links) == get("/corpus/citations.json?_size=0")["filtered_table_rows_count"] > 0
    for href, n in links:
        href = href.replace("&amp;", "&").replace("/corpus/directives?", "/corpus/directives.json?_shape=array&_size=max&")
        rows = get(href)
        assert sum(r["article_id"] not in reprints for r in rows) == int(n), href

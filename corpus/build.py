"""``partycorpus build``: extract mentions of new or changed articles, then derive
documents, reprint links and indicator values.

Flow: pending articles (no build record, or content sha1 / extractor /
codebook / gazetteer version differs) are read from the store in chunks of
``commit_every`` (never all texts at once); each chunk is split into batches
for an executor (``corpus.executors``: this process, local processes, or a
Dask cluster) that runs the pure per-article function ``extract_article_rows``
(mentions, build record with the relevance score, reprint signature, search
terms); the chunk's rows are sorted and written in ONE transaction that
replaces the articles' earlier mentions. The next chunk is already with the
workers while this process writes, so only the writes, the final derived
tables and start-up are serial. A killed build keeps every committed chunk;
the next build resumes with the rest. Derived tables (documents, reprint
links, indicator values) are recomputed at the end from the stored rows, so
any number of workers gives the same tables.

Executor seam: ``make_executor(jobs, scheduler)`` returns an object with
``map(fn, batches) -> iterator of results`` usable as a context manager
(``concurrent.futures`` style).

>>> run_build("data", jobs=2)                             # doctest: +SKIP
{'pending': 120, 'built': 120, 'errors': 0, 'documents': 41, 'reprints': 3, 'indicator_values': 77}
"""
from __future__ import annotations

import bisect
import json
import os
import re
import sys
import unicodedata
from concurrent.futures.process import BrokenProcessPool

from .errors import UserError
from .executors import InProcessExecutor, local_pool
from .schema import MENTION_TABLES, now_iso
from .search_index import compact_search_index, note_appended
from .store import Store, data_dir_of
from nlp.codebook import plan_met

COMMIT_EVERY = 500          # articles per transaction
WORKER_BATCH = 25           # articles per task sent to a worker
PER_ARTICLE_TABLES = MENTION_TABLES + ("build_records", "article_signatures", "search_terms")
_WORD = re.compile(r"\w+")


# -- per-article work (pure, picklable) ------------------------------------------------


def versions() -> dict:
    """Versions recorded with every build: extractor, codebook, gazetteer.

    >>> sorted(versions())
    ['codebook', 'extractor', 'gazetteer']
    """
    import nlp

    try:
        v = dict(nlp.versions())
    except ImportError:  # codebook/gazetteer modules not there yet
        v = {"extractor": getattr(nlp, "EXTRACTOR_VERSION", None)}
    return {k: (None if v.get(k) is None else str(v.get(k))) for k in ("extractor", "codebook", "gazetteer")}


def search_terms(*parts: str | None) -> list[str]:
    """Distinct lower-cased words of the texts, sorted (the search index rows).

    >>> search_terms("Đảng bộ tỉnh", "đảng viên")
    ['bộ', 'tỉnh', 'viên', 'đảng']
    """
    words = set()
    for p in parts:
        if p:
            words.update(_WORD.findall(unicodedata.normalize("NFC", p).casefold()))
    return sorted(words)


def _attribute(article: dict):
    try:
        from .localities import attribute_province
    except ImportError:
        return None
    return attribute_province(article.get("text") or "", title=article.get("title"),
                              site_province=article.get("province"))


def _reprint_signature(text: str) -> tuple[str | None, bytes | None]:
    try:
        from . import dedup
    except ImportError:
        return None, None
    key = dedup.content_key(text)
    n_words = len(dedup.normalise(text).split())
    sig = dedup.signature(text) if n_words >= dedup.MIN_TOKENS else None
    return key, sig


def extract_article_rows(article: dict, relevance: float | None = None) -> dict:
    """All rows the store keeps for one article: mentions with provenance, build record
    (with the relevance score), reprint signature and search terms. Pure: no store access; picklable.

    ``article``: a dict of ``Article`` fields (article_id, title, text, published, province, ...);
    ``relevance``: its score when already computed for a batch (else computed here).

    >>> rows = extract_article_rows({"article_id": "t:1", "text": "Năm 2021, Đảng bộ kết nạp được 181 đảng viên."})
    >>> [f["value"] for f in rows["figure_mentions"]]               # doctest: +SKIP
    [181.0]
    """
    import nlp
    from nlp.sentences import sentence_spans

    from .documents import document_key

    v = versions()
    aid = article["article_id"]
    text = article.get("text") or ""
    record = {"article_id": aid, "content_sha1": article.get("content_sha1"), "extractor_version": v["extractor"],
              "codebook_version": v["codebook"], "gazetteer_version": v["gazetteer"], "built_at": now_iso()}
    att = _attribute(article)
    province = (att.slug if att is not None and att.slug else None) or article.get("province")
    if att is not None:
        record.update(province_level=att.level, province_place=att.place, province_evidence=(att.evidence or None))
    record["province"] = province
    if relevance is None:
        relevance = _relevances([article])[0]
    record.update(_relevance_fields(relevance))
    rows = {t: [] for t in MENTION_TABLES}
    try:
        ex = nlp.extract(text, published=article.get("published"), province=province)
    except ImportError:
        raise
    except Exception as e:  # one bad article must not stop the build; recorded and counted
        record["error"] = f"{type(e).__name__}: {e}"[:500]
        ex = None
    body = ex.text if ex is not None else text
    record["text_mismatch"] = body != text
    spans = sentence_spans(body)
    starts = [s for s, _ in spans]
    base = {"article_id": aid, "url": article.get("url"), "province": province,
            "published": article.get("published"), "extractor_version": v["extractor"],
            "codebook_version": v["codebook"], "crawl_run": article.get("crawl_run"), "raw_ref": article.get("raw_ref")}

    def provenance(no: int, m) -> dict:
        i = bisect.bisect_right(starts, m.start) - 1
        s, e = spans[i] if i >= 0 and m.start < spans[i][1] else (None, None)
        return dict(base, mention_no=no, start=m.start, end=m.end, text=m.text, sentence_start=s,
                    sentence_end=e, sentence=body[s:e] if s is not None else None)

    if ex is not None:
        for no, d in enumerate(ex.directives):
            dd = d.to_dict()
            row = dict(dd, **provenance(no, d))
            row["doc_key"] = document_key(dd, province)
            rows["directive_mentions"].append(row)
        places = FigurePlaces(body, province, att)
        for no, f in enumerate(ex.figures):
            row = dict(f.to_dict(), **provenance(no, f))
            if row["sentence_start"] is not None:
                row.update(places.place_of(row["sentence_start"], row["sentence_end"], f.start, f.end))
            rows["figure_mentions"].append(row)
        for no, t in enumerate(ex.targets):
            td = t.to_dict()
            nos = td.pop("figures", None) or []
            td["achieved_no"] = td.pop("achieved", None)
            td["met"] = plan_met(t.indicator, t.achieved_ratio)
            rows["target_mentions"].append(dict(td, **provenance(no, t), figure_nos=json.dumps(list(nos))))
    record.update(n_directives=len(rows["directive_mentions"]), n_figures=len(rows["figure_mentions"]),
                  n_targets=len(rows["target_mentions"]))
    key, sig = _reprint_signature(text)
    rows["build_records"] = [record]
    rows["article_signatures"] = [{"article_id": aid, "content_sha1": article.get("content_sha1"),
                                   "content_key": key, "signature": sig}]
    rows["search_terms"] = [{"term": w, "article_id": aid}
                            for w in search_terms(article.get("title"), article.get("sapo"), text)]
    return rows


# -- the place a figure counts for ----------------------------------------------------

_LEVEL_RANK = {"province": 0, "district": 1, "commune": 2}
_PROVINCE_CUE = r"toàn tỉnh|cả tỉnh|tỉnh ta|tỉnh ủy|đảng bộ tỉnh|cấp tỉnh|ubnd tỉnh"
_CITY_CUE = r"toàn thành phố|cả thành phố|thành ủy|đảng bộ thành phố|thành phố"
_DISTRICT_CUE = r"toàn huyện|cả huyện|huyện ủy|đảng bộ huyện|huyện|toàn quận|quận ủy|đảng bộ quận|quận|" \
                r"toàn thị xã|thị ủy|đảng bộ thị xã|thị xã"
_COMMUNE_CUE = r"toàn xã|đảng ủy xã|đảng bộ xã|xã(?!\s+hội)|đảng ủy phường|đảng bộ phường|phường|thị trấn"
# "các huyện", "cấp xã", "10 huyện", "xã, phường": levels and counts, not a place
_NOT_A_PLACE_BEFORE = re.compile(r"(?:(?<![\d.,])(?!(?:19|20)\d{2}\b)\d+(?:[.,]\d+)*|\b(?:các|những|cấp|mỗi|từng|nhiều|một số|số|và|hoặc|với)|\b(?:huyện|quận|thị xã|thành phố|xã|phường|thị trấn)\s*,)\s*$", re.IGNORECASE)
_NOT_A_PLACE_AFTER = re.compile(r"\s*(?:,|và|/)\s*(?:huyện|quận|thị xã|thành phố|xã|phường|thị trấn)\b", re.IGNORECASE)
_LOCATIVE_BEFORE = re.compile(r"(?:ở|tại|thuộc|trên địa bàn)\s*$", re.IGNORECASE)
_CHAIN_GAP = re.compile(r"[\s,(\-–]{0,4}")


class FigurePlaces:
    """The place each figure of one article counts for, from the places its sentence names.

    Rules: the last place named before the figure in its sentence decides (a chain "xã Lộc Thành, huyện
    Bảo Lâm, tỉnh Lâm Đồng" counts as its most specific member); names come from ``corpus.localities``
    (gazetteer, article province as prior), and level words stand for a place too: "toàn tỉnh",
    "Đảng bộ tỉnh", "Tỉnh ủy" are the province; "toàn huyện", "Huyện ủy", "thành phố" (in a province,
    not in a centrally-run city), "xã" are the article's district or commune (its attributed place when
    the article is about one). With nothing before the figure, a place after it in the clause behind
    "ở", "tại", "thuộc" counts. With no place at all: empty (the figure counts for the province).

    >>> p = FigurePlaces("Huyện ủy Bảo Lâm kết nạp 5 đảng viên.", "lam-dong")
    >>> p.place_of(0, 37, 25, 36)
    {'place': 'Bảo Lâm', 'place_level': 'district', 'place_province': 'lam-dong'}
    """

    def __init__(self, body: str, province: str | None, attribution=None):
        self.body, self.province = body, province
        self.attribution = attribution
        self._sentences: dict[tuple[int, int], tuple[str, list[tuple]]] = {}
        try:
            from . import localities
        except ImportError:  # pragma: no cover - localities is part of the package
            localities = None
        self.loc = localities
        city = False
        if localities is not None and province:
            p = {x.slug: x for x in localities.provinces()}.get(province)
            city = p is not None and p.kind == "thanh-pho"
        cues = [(_PROVINCE_CUE, "province"), (_COMMUNE_CUE, "commune"), (_DISTRICT_CUE, "district")]
        cues.insert(1, (_CITY_CUE, "province" if city else "district"))
        self._cues = [(re.compile(r"(?<!\w)(?:" + pat + r")(?!\w)", re.IGNORECASE), level) for pat, level in cues]

    def _items(self, ss: int, se: int) -> tuple[str, list[tuple]]:
        """The normalised sentence and its places: (start, end, level, place, province slug, named)."""
        key = (ss, se)
        if key in self._sentences:
            return self._sentences[key]
        items: list[tuple] = []
        norm = ""
        if self.loc is not None:
            norm = self.loc.normalize_place_text(self.body[ss:se])
            cursor = 0
            for m in self.loc._mentions(norm, 1.0, "text", self.province):
                at = norm.find(m.surface, cursor)
                if at < 0:
                    continue
                cursor = at + len(m.surface)
                items.append((at, cursor, m.level, m.place, m.slug, True))
            for rx, level in self._cues:
                for m in rx.finditer(norm):
                    if any(a < m.end() and m.start() < b for a, b, *_ in items):
                        continue
                    if _NOT_A_PLACE_BEFORE.search(norm, max(0, m.start() - 16), m.start()) \
                            or _NOT_A_PLACE_AFTER.match(norm, m.end()):
                        continue
                    items.append((m.start(), m.end(), level, None, self.province, False))
            items.sort()
        self._sentences[key] = norm, items
        return norm, items

    def _anaphor(self, level: str) -> str | None:
        att = self.attribution
        if level == "province":
            return self.loc.province_name(self.province) if self.loc and self.province else None
        if att is not None and att.level == level and att.slug == self.province:
            return att.place
        return None

    def place_of(self, ss: int, se: int, start: int, end: int) -> dict:
        """``place``, ``place_level``, ``place_province`` of the figure at ``start``..``end`` in sentence ``ss``..``se``."""
        sentence, items = self._items(ss, se)
        none = {"place": None, "place_level": None, "place_province": None}
        if not items:
            return none
        norm = self.loc.normalize_place_text
        cut = len(norm(self.body[ss:start]))
        before = [it for it in items if it[1] <= cut]
        if before:
            chain = [before[-1]]
            for it in reversed(before[:-1]):
                if not _CHAIN_GAP.fullmatch(sentence, it[1], chain[-1][0]):
                    break
                chain.append(it)
            pick = max(chain, key=lambda it: _LEVEL_RANK.get(it[2], 0))
        else:
            after = len(norm(self.body[ss:end]))
            stop = sentence.find(";", after)
            stop = len(sentence) if stop < 0 else stop
            pick = next((it for it in items if after <= it[0] < stop and it[5]
                         and _LOCATIVE_BEFORE.search(sentence, max(0, it[0] - 16), it[0])), None)
            if pick is None:
                return none
        _, _, level, place, slug, named = pick
        if level not in _LEVEL_RANK:
            return none
        return {"place": place if named else self._anaphor(level), "place_level": level, "place_province": slug}




def _relevances(articles: list[dict]) -> list[float | None]:
    """Relevance scores of a batch (one model call); None for an empty article."""
    from .relevance import relevances

    scored = [i for i, a in enumerate(articles) if (a.get("title") or a.get("text"))]
    values = relevances([(articles[i].get("title"), articles[i].get("text")) for i in scored])
    out: list[float | None] = [None] * len(articles)
    for i, v in zip(scored, values):
        out[i] = round(v, 6)
    return out


def _relevance_fields(score: float | None) -> dict:
    from .relevance import MODEL_VERSION, decision_threshold

    return {"relevance": score, "on_topic": None if score is None else score >= decision_threshold(),
            "relevance_model": MODEL_VERSION}


def extract_batch(articles: list[dict]) -> list[dict]:
    """``extract_article_rows`` over a batch (one task for an executor); relevance scored in one call."""
    scores = _relevances(articles)
    return [extract_article_rows(a, relevance=r) for a, r in zip(articles, scores)]


def init_worker() -> None:
    """Load models once per process (extractor, gazetteers, MinHash, relevance)."""
    sample = "Năm 2021, Đảng bộ tỉnh Lạng Sơn kết nạp được 181 đảng viên theo Chỉ thị số 28-CT/TW."
    extract_batch([{"article_id": "warmup:0", "title": "Lạng Sơn", "text": sample, "published": "2021-01-01"}])


def worker_versions() -> dict:
    """Versions a worker would record (extractor, codebook, gazetteer, relevance model, Python)."""
    import platform

    from .relevance import MODEL_VERSION

    return dict(versions(), relevance=MODEL_VERSION, python=platform.python_version())


# -- executors ------------------------------------------------------------------------


def make_executor(jobs: int | None = None, scheduler: str | None = None, pending: int | None = None):
    """The executor for a build: in-process, a local process pool, or a Dask cluster.

    >>> with make_executor(jobs=1) as ex:                   # doctest: +SKIP
    ...     list(ex.map(extract_batch, [[{"article_id": "t:1", "text": "Chi bộ có 25 đảng viên."}]]))
    """
    if scheduler:
        from .executors import dask_executor

        return dask_executor(scheduler)
    jobs = jobs or os.cpu_count() or 1
    if jobs < 1:
        raise UserError("--jobs must be 1 or more")
    if jobs == 1 or (pending is not None and pending <= 2):
        return InProcessExecutor(initializer=_init_here)
    return local_pool(jobs, initializer=init_worker)  # the models load in the workers only


def _init_here() -> None:
    try:
        init_worker()
    except ImportError as e:
        raise UserError(f"the extractor (nlp) is not complete: {e}")


# -- the build ------------------------------------------------------------------------


ARTICLE_COLUMNS = ("article_id", "url", "site", "province", "title", "sapo", "text", "published",
                   "crawl_run", "raw_ref", "content_sha1")


def pending_article_ids(store: Store, v: dict, force: bool = False) -> list[str]:
    """Articles whose mentions are missing or stale (content or versions changed)."""
    if force:
        return [r[0] for r in store.sql("SELECT article_id FROM articles ORDER BY article_id").fetchall()]
    return [r[0] for r in store.sql(
        "SELECT a.article_id FROM articles a LEFT JOIN build_records b USING (article_id) "
        "WHERE b.article_id IS NULL OR b.content_sha1 IS DISTINCT FROM a.content_sha1 "
        "OR b.extractor_version IS DISTINCT FROM ? OR b.codebook_version IS DISTINCT FROM ? "
        "OR b.gazetteer_version IS DISTINCT FROM ? ORDER BY a.article_id",
        [v["extractor"], v["codebook"], v["gazetteer"]]).fetchall()]


def _load_articles(store: Store, ids: list[str]) -> list[dict]:
    import pyarrow as pa

    cols = ", ".join(ARTICLE_COLUMNS)
    store.con.register("_ids", pa.table({"article_id": pa.array(ids, type=pa.string())}))
    try:
        rows = store.sql(f"SELECT {cols} FROM articles WHERE article_id IN (SELECT article_id FROM _ids) "
                         "ORDER BY article_id").fetchall()
    finally:
        store.con.unregister("_ids")
    return [dict(zip(ARTICLE_COLUMNS, r)) for r in rows]


def _extract_chunks(store: Store, executor, ids: list[str], commit_every: int, workers: int):
    """(chunk ids, per-article rows) for each chunk of ``commit_every`` articles, in id order.

    Two chunks are in flight: the next one is read from the store and handed
    to the executor before the current one's results are collected, so the
    workers keep busy while this process writes. Memory holds at most two
    chunks of texts and rows, whatever the corpus size.
    """
    def submit(chunk: list[str]):
        articles = _load_articles(store, chunk)
        size = max(1, min(WORKER_BATCH, -(-len(articles) // workers)))
        return executor.map(extract_batch, [articles[j:j + size] for j in range(0, len(articles), size)])

    chunks = [ids[i:i + commit_every] for i in range(0, len(ids), commit_every)]
    inflight = submit(chunks[0]) if chunks else None
    for k, chunk in enumerate(chunks):
        current = inflight
        inflight = submit(chunks[k + 1]) if k + 1 < len(chunks) else None
        yield chunk, [row for batch in current for row in batch]


def rescore_relevance(store: Store, commit_every: int = COMMIT_EVERY) -> int:
    """Score again the built articles whose relevance comes from another model version
    (or none: stores built before relevance flags). Mentions are left alone.

    >>> rescore_relevance(Store("data", write=True))       # doctest: +SKIP
    0
    """
    import pyarrow as pa

    from .relevance import MODEL_VERSION

    ids = [r[0] for r in store.sql(
        "SELECT article_id FROM build_records WHERE relevance_model IS DISTINCT FROM ? ORDER BY article_id",
        [MODEL_VERSION]).fetchall()]
    for i in range(0, len(ids), commit_every):
        articles = _load_articles(store, ids[i:i + commit_every])
        fields = [dict(_relevance_fields(s), article_id=a["article_id"])
                  for a, s in zip(articles, _relevances(articles))]
        table = pa.table({"article_id": pa.array([f["article_id"] for f in fields], type=pa.string()),
                          "relevance": pa.array([f["relevance"] for f in fields], type=pa.float64()),
                          "on_topic": pa.array([f["on_topic"] for f in fields], type=pa.bool_()),
                          "relevance_model": pa.array([f["relevance_model"] for f in fields], type=pa.string())})
        with store.transaction() as con:
            con.register("_scores", table)
            try:
                con.execute("UPDATE build_records SET relevance = s.relevance, on_topic = s.on_topic, "
                            "relevance_model = s.relevance_model FROM _scores s "
                            "WHERE build_records.article_id = s.article_id")
            finally:
                con.unregister("_scores")
    return len(ids)


def _write_chunk(store: Store, ids: list[str], results: list[dict]) -> int:
    """Replace the chunk's per-article rows in one transaction; returns extraction errors."""
    results = sorted(results, key=lambda r: r["build_records"][0]["article_id"])
    with store.transaction():
        for table in PER_ARTICLE_TABLES:
            store.delete_for_articles(table, ids)
            rows = [row for r in results for row in r[table]]
            if table in MENTION_TABLES:
                rows.sort(key=lambda x: (x["article_id"], x["mention_no"]))
            store.insert_rows(table, rows)
            if table == "search_terms":
                note_appended(store, len(rows))
        store.meta_set("derived_stale", "1")
    return sum(1 for r in results if r["build_records"][0].get("error"))


def _progress_bar(total: int):
    from tqdm import tqdm

    return tqdm(total=total, unit=" articles", desc="build", file=sys.stderr, disable=False, mininterval=0.2)


def run_build(data_dir=None, jobs: int | None = None, force: bool = False, scheduler: str | None = None,
              progress: bool = False, commit_every: int = COMMIT_EVERY) -> dict:
    """Ingest the spool, extract pending articles, recompute derived tables.

    >>> run_build("data", jobs=1)                         # doctest: +SKIP
    {'spooled': 0, 'pending': 3, 'built': 3, 'errors': 0, 'documents': 2, 'reprints': 0, 'indicator_values': 4}
    """
    from .ingest import ingest_spool

    data_dir = data_dir_of(data_dir)
    try:
        v = versions()  # fail early, in one line, if the extractor cannot load
    except ImportError as e:
        raise UserError(f"the extractor (nlp) is not complete: {e}")
    out = {"spooled": 0, "pending": 0, "built": 0, "errors": 0}
    with Store(data_dir, write=True) as store:
        out["spooled"] = ingest_spool(data_dir, store=store)["articles"]
        ids = pending_article_ids(store, v, force)
        out["pending"] = len(ids)
        workers = jobs or os.cpu_count() or 1
        if ids:
            with make_executor(jobs, scheduler, pending=len(ids)) as executor:  # connects first: errors come bare
                bar = _progress_bar(len(ids)) if progress else None
                try:
                    for chunk, results in _extract_chunks(store, executor, ids, commit_every, workers):
                        out["errors"] += _write_chunk(store, chunk, results)
                        out["built"] += len(chunk)
                        if bar is not None:
                            bar.update(len(chunk))
                except BrokenProcessPool as e:
                    raise UserError(f"a build worker process died ({e or 'killed'}); committed chunks are kept, "
                                    "run the build again to resume")
                finally:
                    if bar is not None:
                        bar.close()
        out["rescored"] = rescore_relevance(store, commit_every)
        if ids or store.meta_get("derived_stale") == "1" or force or store.meta_get("derived_versions") is None:
            out.update(rebuild_derived(store, v))
        else:
            out.update(documents=None, reprints=None, indicator_values=None)
        sorted_index = compact_search_index(store)   # only when a quarter of the index is new
        out["search_index_sorted"] = sorted_index["rows"] if sorted_index else None
    return out


def rebuild_derived(store: Store, v: dict) -> dict:
    """Documents, reprint links and indicator values from the stored rows (one transaction)."""
    from .documents import rebuild_documents

    links = link_reprints_from_store(store)
    with store.transaction() as con:
        n_docs = rebuild_documents(con)
        con.execute("DELETE FROM reprint_links")
        store.insert_rows("reprint_links", links)
        n_ind = rebuild_indicators(con)
        store.meta_set("derived_stale", "0")
        store.meta_set("derived_versions", json.dumps(v, sort_keys=True))
    return {"documents": n_docs, "reprints": len(links), "indicator_values": n_ind}


def link_reprints_from_store(store: Store) -> list[dict]:
    """Link each article to the earliest copy of its text, from stored signatures.

    Articles are visited in time order (unknown dates last, ties by id), so the
    first copy of a story is its original; exact copies match by content key,
    near copies by MinHash (``corpus.dedup``): candidates share one LSH band
    (the bands ``dedup.ReprintIndex`` uses), and a candidate is a copy when the
    estimated similarity reaches ``dedup.DEFAULT_THRESHOLD``.

    The same links as inserting every article into a ``dedup.ReprintIndex``,
    in about 1 KB of memory an article: the first copy of each content key is
    found in SQL (no Python set of keys), ids stay in one Arrow array,
    signatures in one numpy array (512 bytes) and each of the 32 LSH bands in
    three int32 arrays (384 bytes), instead of 32 hash tables of Python
    objects (about 15 KB an article).

    >>> link_reprints_from_store(Store("data"))[:1]      # doctest: +SKIP
    [{'article_id': 'baomoi:101', 'original_id': 'baomoi:87', 'similarity': 1.0, 'method': 'exact'}]
    """
    try:
        from . import dedup
    except ImportError:
        return []
    import numpy as np

    # Per article in visiting order: its id, the position of the first article with its content key,
    # and the rowid of its signature (-1: text too short for one). Sorted in DuckDB without the blobs.
    order = store.con.sql(
        "WITH o AS (SELECT s.article_id, s.content_key, CASE WHEN s.signature IS NULL THEN -1 ELSE s.rowid END AS sig, "
        "row_number() OVER (ORDER BY a.published IS NULL, a.published, s.article_id) - 1 AS pos "
        "FROM article_signatures s JOIN articles a USING (article_id) WHERE s.content_key IS NOT NULL) "
        "SELECT article_id, min(pos) OVER (PARTITION BY content_key) AS first_pos, sig FROM o ORDER BY pos"
    ).to_arrow_table()
    ids = order.column("article_id").combine_chunks()
    first_pos = order.column("first_pos").to_numpy().astype(np.int32)
    sig = order.column("sig").to_numpy()
    del order
    n = len(ids)
    sig_pos = np.flatnonzero(sig >= 0).astype(np.int32)         # position of each signature row
    rowids = sig[sig_pos]                                       # its rowid in article_signatures
    del sig
    by_rowid = np.argsort(rowids, kind="stable")
    sorted_rowids = rowids[by_rowid]
    del rowids
    # Signatures streamed in storage order, each copied to its row: one uint32 array, no bytes objects.
    values = np.zeros((len(sig_pos), dedup.NUM_PERM), dtype="<u4")
    cur = store.sql("SELECT rowid, signature FROM article_signatures "
                    "WHERE content_key IS NOT NULL AND signature IS NOT NULL")
    while True:
        part = cur.fetchmany(4096)
        if not part:
            break
        got = np.fromiter((r[0] for r in part), dtype=np.int64, count=len(part))
        rows = by_rowid[np.searchsorted(sorted_rowids, got)]
        values[rows] = np.frombuffer(b"".join(bytes(r[1]) for r in part), dtype="<u4").reshape(
            len(part), dedup.NUM_PERM)
        del part
    del by_rowid, sorted_rowids
    row_of = np.full(n, -1, dtype=np.int32)
    row_of[sig_pos] = np.arange(len(sig_pos), dtype=np.int32)
    bands = _lsh_bands(values)

    def aid(pos: int) -> str:
        return ids[pos].as_py()

    original: dict[int, int] = {}            # copy position -> original position
    links = []
    for pos in range(n):
        first = int(first_pos[pos])
        match, sim, method = (first if first < pos else None), 1.0, "exact"
        row = int(row_of[pos])
        if match is None and row >= 0:
            hits = []
            for cand in _candidates(bands, row):
                if cand < row:               # indexed before this article
                    s = float(np.mean(values[cand] == values[row]))
                    if s >= dedup.DEFAULT_THRESHOLD:
                        hits.append((int(sig_pos[cand]), s))
            if hits:
                match, sim = min(hits, key=lambda h: (original.get(h[0], h[0]), -h[1], aid(h[0])))
                method = "minhash"
        if match is not None:
            root = original.get(match, match)
            original[pos] = root
            links.append({"article_id": aid(pos), "original_id": aid(root), "similarity": round(sim, 6),
                          "method": method})
    links.sort(key=lambda r: r["article_id"])
    return links


def _lsh_bands(values):
    """Per LSH band: (group id of each signature row, rows sorted by group, group start offsets), int32.

    Two rows share a band when that band's slice of their signatures is equal
    (``datasketch.MinHashLSH`` bucket semantics, same band count and width).
    """
    import numpy as np
    from datasketch import MinHashLSH

    from . import dedup

    lsh = MinHashLSH(threshold=max(0.1, dedup.DEFAULT_THRESHOLD - 0.1), num_perm=dedup.NUM_PERM)
    out = []
    for start, end in lsh.hashranges:
        band = np.ascontiguousarray(values[:, start:end]).view(np.dtype((np.void, 4 * (end - start)))).ravel()
        _, group = np.unique(band, return_inverse=True)
        del band
        group = group.ravel().astype(np.int32)
        order = np.argsort(group, kind="stable").astype(np.int32)
        bounds = np.searchsorted(group[order], np.arange(group.max() + 2 if len(group) else 1)).astype(np.int32)
        out.append((group, order, bounds))
    return out


def _candidates(bands, row: int) -> set[int]:
    """Signature rows sharing at least one band with ``row`` (itself included)."""
    found: set[int] = set()
    for group, order, bounds in bands:
        g = group[row]
        lo, hi = bounds[g], bounds[g + 1]
        if hi - lo > 1:
            found.update(order[lo:hi].tolist())
    return found


INDICATORS_SQL = """
INSERT INTO indicator_values (province, year, year_source, period_start, period_end, year_part, indicator, value,
                              value_max,
                              unit, kind, qualifier, article_id, url, published, sentence, start, "end",
                              place, place_level, province_total)
SELECT province,
       CASE WHEN period_start IS NULL AND period_end IS NULL
            THEN coalesce(year, TRY_CAST(substr(published, 1, 4) AS BIGINT)) END,
       CASE WHEN period_start IS NOT NULL OR period_end IS NOT NULL THEN 'period'
            WHEN year IS NOT NULL THEN 'text' WHEN published IS NOT NULL THEN 'published' END,
       period_start, period_end, year_part,
       indicator, value, value_max, unit, kind, qualifier, article_id, url, published, sentence, start, "end",
       place, place_level,
       place_level IS NULL OR (place_level = 'province' AND coalesce(place_province, province) IS NOT DISTINCT FROM province)
FROM figure_mentions
WHERE indicator IS NOT NULL
ORDER BY province, 2, period_start, period_end, indicator, article_id, start
"""


def rebuild_indicators(con) -> int:
    """Recompute ``indicator_values`` from figure mentions that carry an indicator code."""
    con.execute("DELETE FROM indicator_values")
    con.execute(INDICATORS_SQL)
    return con.execute("SELECT count(*) FROM indicator_values").fetchall()[0][0]

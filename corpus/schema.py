"""The corpus records, defined once. Table schemas derive from these dataclasses.

The crawler yields ``Article``; ``corpus.store`` writes it; mentions come from
``nlp`` and are stored with provenance (article, sentence, extractor version).
Every table of the store is listed in ``TABLES``; its DuckDB columns come from
``table_columns(cls)`` and its export field descriptions from the ``doc``
metadata of each field.

>>> table_columns(ReprintLink)[:2]
[('article_id', 'VARCHAR'), ('original_id', 'VARCHAR')]
"""
from __future__ import annotations

from dataclasses import MISSING, dataclass, fields

# Article, CrawlRun and now_iso live in ``records`` (below crawler and corpus); re-exported here
from records import Article, CrawlRun, _f, now_iso  # noqa: F401

SCHEMA_VERSION = 2


@dataclass
class ArticleVersion:
    """An older text of an article, kept when a changed page replaced it."""

    article_id: str = _f("article id")
    version: int = _f("version number of this old text", default=1)
    content_sha1: str | None = _f("sha1 of the old content")
    title: str | None = _f("old headline")
    sapo: str | None = _f("old lead")
    text: str = _f("old body", default="")
    published: str | None = _f("old publication date")
    fetched_at: str | None = _f("when the old text was fetched")
    raw_ref: str | None = _f("raw archive reference of the old text")
    crawl_run: str | None = _f("crawl run of the old text")
    replaced_at: str | None = _f("ISO timestamp when a newer version replaced it")


# --- mentions: shared provenance columns first, then the CONTRACT.md fields ---

@dataclass
class _Provenance:
    article_id: str = _f("article the mention is in")
    mention_no: int = _f("position of the mention in its article (0, 1, ...)", default=0)
    url: str | None = _f("article address")
    province: str | None = _f("province the article is about (attributed, 63-province map)")
    published: str | None = _f("article date YYYY-MM-DD")
    start: int = _f("start offset in the article text (Python str index)", default=0)
    end: int = _f("end offset in the article text", default=0)
    text: str = _f("the mention's words: article text[start:end]", default="")
    sentence_start: int | None = _f("start offset of the sentence holding the mention")
    sentence_end: int | None = _f("end offset of that sentence")
    sentence: str | None = _f("the sentence holding the mention")
    extractor_version: str | None = _f("nlp extractor version that produced the mention")
    codebook_version: str | None = _f("indicator codebook version")
    crawl_run: str | None = _f("crawl run of the article version")
    raw_ref: str | None = _f("raw archive reference of the article version")


@dataclass
class DirectiveMention(_Provenance):
    """A named party document in an article ("Chỉ thị số 05-CT/TW")."""

    kind: str | None = _f("document type: nghi_quyet, chi_thi, ke_hoach, ...")
    number: str | None = _f("document number, e.g. '05'")
    symbol: str | None = _f("type/issuer symbol, e.g. 'CT/TW'")
    issuer: str | None = _f("issuing body")
    level: str | None = _f("central|provincial|district|grassroots")
    plenum: int | None = _f("central committee plenum number")
    term: str | None = _f("party term (khóa), roman numeral")
    congress: str | None = _f("congress (roman) for congress resolutions")
    issued: str | None = _f("issue date YYYY-MM-DD")
    title: str | None = _f("document title when named")
    canonical_id: str | None = _f("canonical id per CONTRACT.md ('05-CT/TW', 'NQDH-XII')")
    doc_key: str | None = _f("document identity in this corpus (documents.doc_key)")


@dataclass
class FigureMention(_Provenance):
    """A quantity ("kết nạp được 181 đảng viên")."""

    value: float | None = _f("numeric value")
    value_max: float | None = _f("upper bound of a range")
    unit: str | None = _f("unit or counted noun ('%', 'đảng viên')")
    qualifier: str | None = _f("exact|approx|min|max")
    kind: str | None = _f("achieved|target|other")
    indicator: str | None = _f("codebook indicator code")
    year: int | None = _f("single year the figure refers to, when the text says; empty for a period total")
    period_start: int | None = _f("first year of the multi-year period the sentence frames the figure in "
                                  "('nhiệm kỳ 2015 - 2020', '5 năm qua', 'từ năm 2016 đến nay'); else empty")
    period_end: int | None = _f("last year of that period (the article's year for '... qua', '... đến nay')")
    year_part: str | None = _f("the figure counts part of its year only: H1/H2 ('6 tháng đầu/cuối năm'), Q1-Q4 "
                               "('quý I'), 9M ('9 tháng'), YTD ('từ đầu năm đến nay'), M<n> ('tháng 3/2020'); "
                               "empty for a whole year")
    place: str | None = _f("place the figure counts for: the place its sentence names before it ('Huyện ủy Bảo Lâm' "
                           "-> 'Bảo Lâm'; 'toàn tỉnh', 'Tỉnh ủy' -> the province; 'toàn huyện' -> the article's "
                           "district); empty when the sentence names none")
    place_level: str | None = _f("province|district|commune: level of place (empty: the sentence names no place)")
    place_province: str | None = _f("province slug the place belongs to (differs from province when the sentence "
                                    "is about another province)")


@dataclass
class TargetMention(_Provenance):
    """A stated goal ("phấn đấu hàng năm kết nạp 200 đảng viên mới")."""

    value: float | None = _f("numeric goal")
    value_max: float | None = _f("upper bound of a ranged goal")
    unit: str | None = _f("unit or counted noun")
    indicator: str | None = _f("codebook indicator code")
    deadline_year: int | None = _f("year the goal is due")
    recurrence: str | None = _f("'annual' for yearly goals")
    figure_nos: str | None = _f("JSON list of mention_no of the figures inside the target")
    achieved_no: int | None = _f("mention_no of the figure achieved against this plan, stated with it "
                                 "('kết nạp 1.050/1.000 đảng viên', 'đạt 1.050 đảng viên, bằng 105% kế hoạch')")
    achieved_value: float | None = _f("value achieved against this plan, stated with it (same unit)")
    achieved_ratio: float | None = _f("achieved / planned (1.05 = 105% of the plan), as stated or computed")
    met: bool | None = _f("whether the stated result met the plan (at most the plan for ceilings such as "
                          "'… weak_pct'); empty when no result is stated with the plan")


@dataclass
class Document:
    """A party document resolved from its mentions."""

    doc_key: str = _f("identity: canonical id, '<id>@<province>' for local documents, 'title:...@<province>'")
    canonical_id: str | None = _f("canonical id (most frequent among mentions)")
    kind: str | None = _f("document type")
    level: str | None = _f("central|provincial|district|grassroots")
    province: str | None = _f("issuing province for local documents")
    title: str | None = _f("title (most frequent among mentions)")
    issued: str | None = _f("issue date YYYY-MM-DD (earliest stated)")
    first_seen: str | None = _f("earliest article date citing it")
    n_mentions: int = _f("mentions in the corpus", default=0)
    n_articles: int = _f("articles citing it", default=0)


@dataclass
class IndicatorValue:
    """A figure mapped to a codebook indicator for a province and year."""

    province: str | None = _f("province slug")
    year: int | None = _f("single year of the value; empty for a period total")
    year_source: str | None = _f("'text' (the sentence says), 'published' (article year) or 'period' (the sentence "
                                 "frames a multi-year period: see period_start, period_end)")
    period_start: int | None = _f("first year of the period of a period total ('nhiệm kỳ 2015 - 2020' -> 2015)")
    period_end: int | None = _f("last year of the period of a period total")
    year_part: str | None = _f("part of the year the value counts (figures.year_part); empty for a whole year")
    indicator: str | None = _f("codebook indicator code")
    value: float | None = _f("value")
    value_max: float | None = _f("upper bound of a range")
    unit: str | None = _f("unit")
    kind: str | None = _f("achieved|target|other")
    qualifier: str | None = _f("exact|approx|min|max")
    article_id: str | None = _f("source article")
    url: str | None = _f("source address")
    published: str | None = _f("article date")
    sentence: str | None = _f("source sentence")
    start: int | None = _f("figure start offset in the article text")
    end: int | None = _f("figure end offset")
    place: str | None = _f("place the figure counts for (figures.place); empty when the sentence names none")
    place_level: str | None = _f("province|district|commune (empty: no place named)")
    province_total: bool | None = _f("the figure counts for the whole province: its sentence names the province "
                                     "('toàn tỉnh', 'Đảng bộ tỉnh', 'Tỉnh ủy', the name) or no place at all; false "
                                     "for a district, commune or another province. indicators_wide and "
                                     "indicators_periods use only these")


@dataclass
class ReprintLink:
    """An article that repeats (exactly or lightly edited) an earlier one."""

    article_id: str = _f("the later copy")
    original_id: str = _f("the earliest copy")
    similarity: float | None = _f("estimated Jaccard similarity (1.0 exact)")
    method: str | None = _f("'exact' or 'minhash'")


@dataclass
class ArticleSignature:
    """Reprint signature of an article's current text (computed once per version)."""

    article_id: str = _f("article id")
    content_sha1: str | None = _f("content the signature was computed from")
    content_key: str | None = _f("exact-copy key of the text")
    signature: bytes | None = _f("MinHash signature")


@dataclass
class BuildRecord:
    """What the last build did to an article: versions, province attribution, counts."""

    article_id: str = _f("article id")
    content_sha1: str | None = _f("article content the mentions come from")
    extractor_version: str | None = _f("nlp extractor version")
    codebook_version: str | None = _f("indicator codebook version")
    gazetteer_version: str | None = _f("document gazetteer version")
    province: str | None = _f("attributed province slug (falls back to the article's)")
    province_level: str | None = _f("attribution level (province, district, site, ...)")
    province_place: str | None = _f("place name that decided the attribution")
    province_evidence: str | None = _f("text evidence of the attribution")
    n_directives: int = _f("directive mentions", default=0)
    n_figures: int = _f("figure mentions", default=0)
    n_targets: int = _f("target mentions", default=0)
    text_mismatch: bool = _f("extractor text differed from the stored text (offsets unreliable)", default=False)
    relevance: float | None = _f("probability (0..1) that the article is about party building (corpus.relevance)")
    on_topic: bool | None = _f("relevance >= the model's threshold (corpus.relevance.decision_threshold(), "
                                  "in its card): the article is about party building")
    relevance_model: str | None = _f("relevance model version that scored the article")
    error: str | None = _f("extraction error of this article, if any")
    built_at: str | None = _f("ISO timestamp of the extraction")


@dataclass
class SearchTerm:
    """Inverted index row: a lower-cased word occurring in an article."""

    term: str = _f("lower-cased word")
    article_id: str = _f("article id")


@dataclass
class Meta:
    key: str = _f("setting name")
    value: str | None = _f("setting value")


#: table name -> record class, in creation order.
TABLES: dict[str, type] = {
    "meta": Meta,
    "articles": Article,
    "article_versions": ArticleVersion,
    "crawl_runs": CrawlRun,
    "directive_mentions": DirectiveMention,
    "figure_mentions": FigureMention,
    "target_mentions": TargetMention,
    "documents": Document,
    "indicator_values": IndicatorValue,
    "reprint_links": ReprintLink,
    "article_signatures": ArticleSignature,
    "build_records": BuildRecord,
    "search_terms": SearchTerm,
}

#: tables whose rows belong to one article (a re-extraction replaces them).
MENTION_TABLES = ("directive_mentions", "figure_mentions", "target_mentions")


def sql_type(annotation) -> str:
    """DuckDB type of a dataclass field annotation (annotations are strings here)."""
    t = str(annotation)
    if "bytes" in t:
        return "BLOB"
    if "bool" in t:
        return "BOOLEAN"
    if "int" in t and "str" not in t:
        return "BIGINT"
    if "float" in t:
        return "DOUBLE"
    return "VARCHAR"


def table_columns(cls) -> list[tuple[str, str]]:
    """(column, duckdb type) pairs derived from a dataclass."""
    return [(f.name, sql_type(f.type)) for f in fields(cls)]


def column_docs(cls) -> dict[str, str]:
    """Field name -> description, from the dataclass metadata."""
    return {f.name: f.metadata.get("doc", "") for f in fields(cls)}


def create_table_sql(name: str, cls=None) -> str:
    """``CREATE TABLE IF NOT EXISTS`` statement derived from the record class."""
    cls = cls or TABLES[name]
    cols = ", ".join(f'"{c}" {t}' for c, t in table_columns(cls))
    return f'CREATE TABLE IF NOT EXISTS "{name}" ({cols})'


def record_defaults(cls) -> dict:
    """Field defaults of a record class (None for required fields)."""
    out = {}
    for f in fields(cls):
        if f.default is not MISSING:
            out[f.name] = f.default
        elif f.default_factory is not MISSING:  # pragma: no cover - no factories yet
            out[f.name] = f.default_factory()
        else:
            out[f.name] = None
    return out

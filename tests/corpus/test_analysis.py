"""Analysis functions of the notebooks (corpus/analysis.py) on small, hand-made frames (synthetic)."""
from __future__ import annotations

import pandas as pd
import pytest

from corpus import analysis as A
from corpus import report


def articles(*rows):
    """(article_id, province, published[, text]) tuples -> an articles frame."""
    out = []
    for r in rows:
        aid, province, published = r[:3]
        text = r[3] if len(r) > 3 else ""
        out.append({"article_id": aid, "site": aid.split(":")[0], "province": province, "published": published,
                    "title": f"Bài {aid}", "url": f"http://{aid.split(':')[0]}.example/{aid.split(':')[1]}.html",
                    "text": text})
    return pd.DataFrame(out)


def directives(*rows):
    """(article_id, canonical_id, level, province, published[, start, end]) tuples -> a directive mentions frame."""
    cols = ["article_id", "canonical_id", "level", "province", "published", "start", "end"]
    return pd.DataFrame([r if len(r) == 7 else r + (0, 0) for r in rows], columns=cols)


@pytest.mark.parametrize("published, expected", [
    ("2019-03-14", 2019),
    ("2016-11-24T07:45:00", 2016),
    (None, None),
    ("không rõ", None),
])
def test_year_of(published, expected):
    got = A.year_of(pd.Series([published])).iloc[0]
    assert (None if pd.isna(got) else int(got)) == expected


def test_counts_and_coverage_gaps():
    arts = articles(("lso:1", "lang-son", "2019-01-05"), ("lso:2", "lang-son", "2021-02-01"),
                    ("qno:3", "quang-ninh", "2020-06-01"), ("qno:4", None, "2020-07-01"))
    assert A.article_counts(arts, "province").to_dict() == {"lang-son": 2, "quang-ninh": 1, "(unknown)": 1}
    assert A.article_counts(arts, "year").to_dict() == {2019: 1, 2020: 2, 2021: 1}
    table = A.province_year_counts(arts)
    assert table.loc["lang-son"].tolist() == [1, 0, 1]
    gaps = A.coverage_gaps(arts, provinces=["lam-dong"])
    assert set(map(tuple, gaps.values.tolist())) == {
        ("lang-son", 2020), ("quang-ninh", 2019), ("quang-ninh", 2021),
        ("lam-dong", 2019), ("lam-dong", 2020), ("lam-dong", 2021)}


def test_coverage_gaps_of_an_empty_corpus_is_empty():
    assert A.coverage_gaps(pd.DataFrame(columns=["article_id", "province", "published"])).empty


def test_reprint_summary_gives_days_between_copy_and_original():
    arts = articles(("lso:1", "lang-son", "2019-04-18"), ("tccs:9", "lang-son", "2019-04-23"))
    links = pd.DataFrame({"article_id": ["tccs:9"], "original_id": ["lso:1"], "similarity": [0.63],
                          "method": ["minhash"]})
    out = A.reprint_summary(arts, links)
    assert out[["site", "original_site", "days_later"]].values.tolist() == [["tccs", "lso", 5]]
    assert A.reprint_summary(arts, pd.DataFrame(columns=links.columns)).empty


def test_citations_count_articles_not_mentions_and_only_central_documents():
    d = directives(("a", "05-CT/TW", "central", "lam-dong", "2017-01-02"),
                   ("a", "05-CT/TW", "central", "lam-dong", "2017-01-02"),
                   ("b", "05-CT/TW", "central", "lang-son", "2018-05-05"),
                   ("c", "290-KH/TU", "provincial", "lang-son", "2019-06-01"),
                   ("d", "28-CT/TW", "central", "lang-son", "2019-06-01"))
    by_province = A.citation_matrix(d, "province")
    assert by_province.index.tolist() == ["05-CT/TW", "28-CT/TW"]  # most cited first; local plan left out
    assert by_province.loc["05-CT/TW"].to_dict() == {"lam-dong": 1, "lang-son": 1}
    assert A.citation_matrix(d, "year").loc["28-CT/TW", 2019] == 1
    assert A.citation_matrix(d.iloc[0:0], "province").empty


@pytest.mark.parametrize("published, issued, expected_days", [
    (["2019-05-22", "2019-03-01"], "2019-01-21", 39),      # the earliest citation counts
    (["2018-12-30", "2019-02-20"], "2019-01-21", 30),      # a citation before the issue date is dropped
])
def test_citation_lag(published, issued, expected_days):
    d = directives(*[(f"a{i}", "28-CT/TW", "central", "lam-dong", p) for i, p in enumerate(published)])
    lag = A.citation_lag(d, pd.DataFrame({"canonical_id": ["28-CT/TW"], "issued": [issued], "level": ["central"]}))
    assert lag["days"].tolist() == [expected_days]


def test_citation_lag_uses_the_gazetteer_without_a_documents_table():
    d = directives(("a", "05-CT/TW", "central", "lang-son", "2016-11-24"))
    lag = A.citation_lag(d)
    assert (str(lag["issued"].iloc[0])[:10], lag["days"].iloc[0]) == ("2016-05-15", 193)


def indicators(*rows):
    """(province, year, indicator, value, kind, published, article_id[, unit]) -> indicator values."""
    out = []
    for r in rows:
        province, year, indicator, value, kind, published, aid = r[:7]
        unit = r[7] if len(r) > 7 else ("%" if indicator.endswith("_pct") else "đảng viên")
        out.append({"province": province, "year": year, "indicator": indicator, "value": value, "unit": unit,
                    "kind": kind, "published": published, "article_id": aid, "url": f"http://x/{aid}",
                    "sentence": f"câu của {aid}", "qualifier": "exact", "value_max": None})
    return pd.DataFrame(out)


def test_indicator_by_province_year_latest_article_wins_and_targets_are_left_out():
    iv = indicators(("lang-son", 2018, "members.admitted", 1705.0, "achieved", "2018-10-01", "a"),
                    ("lang-son", 2018, "members.admitted", 1836.0, "achieved", "2019-01-10", "b"),
                    ("lang-son", 2020, "members.admitted", 2000.0, "target", "2019-01-10", "b"),
                    ("lam-dong", 2019, "members.admitted", 2110.0, "achieved", "2019-12-01", "c"))
    table = A.indicator_by_province_year(iv, "members.admitted")
    assert table.loc["lang-son", 2018] == 1836.0
    assert 2020 not in table.columns
    assert A.indicator_by_province_year(iv, "base_orgs.weak_pct").empty


@pytest.mark.parametrize("indicator, target, recurrence, achieved, expected", [
    ("members.admitted", 1600.0, "annual", 1705.0, True),     # at least the yearly goal
    ("members.admitted", 1600.0, "annual", 1540.0, False),
    ("base_orgs.weak_pct", 1.0, None, 0.6, True),                  # lower is better, percentages comparable
    ("base_orgs.weak_pct", 1.0, None, 1.3, False),
    ("members.admitted", 8000.0, None, 1705.0, None),         # a term total is not compared with one year
])
def test_targets_vs_results(indicator, target, recurrence, achieved, expected):
    unit = "%" if indicator.endswith("_pct") else "đảng viên"
    t = pd.DataFrame({"article_id": ["t"], "province": ["lang-son"], "published": ["2016-11-24"],
                      "indicator": [indicator], "value": [target], "unit": [unit], "deadline_year": [2020],
                      "recurrence": [recurrence], "url": ["http://x/t"], "sentence": ["phấn đấu ..."]})
    iv = indicators(("lang-son", 2018, indicator, achieved, "achieved", "2019-01-10", "r"),
                    ("lang-son", 2022, indicator, achieved, "achieved", "2023-01-10", "late"),   # after the deadline
                    ("lam-dong", 2018, indicator, achieved, "achieved", "2019-01-10", "other"))  # other province
    out = A.targets_vs_results(t, iv)
    assert out["achieved_year"].tolist() == [2018]
    assert out["result_url"].tolist() == ["http://x/r"]
    got = out["met"].iloc[0]
    assert (None if pd.isna(got) else bool(got)) == expected


def test_targets_are_compared_within_the_same_place():
    places = pd.DataFrame({"article_id": ["t", "r1", "r2"], "province_level": ["district", "district", "province"],
                           "province_place": ["Đà Lạt", "Đà Lạt", "Lâm Đồng"]})
    t = A.attach_place(pd.DataFrame({"article_id": ["t"], "province": ["lam-dong"], "published": ["2017-01-01"],
                                     "indicator": ["members.admitted"], "value": [170.0], "unit": ["đảng viên"],
                                     "deadline_year": [2020], "recurrence": ["annual"], "url": ["u"],
                                     "sentence": ["s"]}), places)
    iv = A.attach_place(indicators(("lam-dong", 2018, "members.admitted", 181.0, "achieved", "2019-01-01", "r1"),
                                   ("lam-dong", 2018, "members.admitted", 2110.0, "achieved", "2019-01-01", "r2")),
                        places)
    assert A.targets_vs_results(t, iv)["achieved"].tolist() == [181.0]


def test_topic_model_separates_two_themes_and_is_reproducible():
    docs = ["kết_nạp đảng_viên mới thanh_niên", "kết_nạp đảng_viên mới công_nhân",
            "kiểm_tra kỷ_luật vi_phạm", "kiểm_tra kỷ_luật cảnh_cáo"] * 2
    doc_topics, words = A.topic_model(docs, k=2, tokenized=True)
    assert doc_topics.shape == (8, 2)
    assert doc_topics.sum(axis=1).round(6).eq(1).all()
    assert doc_topics.idxmax(axis=1).iloc[0] != doc_topics.idxmax(axis=1).iloc[2]
    again, _ = A.topic_model(docs, k=2, tokenized=True)
    assert again.equals(doc_topics)
    shares = A.topic_shares(doc_topics, pd.Series(["lang-son", "lang-son", "lam-dong", "lam-dong"] * 2))
    assert shares.sum(axis=1).round(6).eq(1).all()


@pytest.mark.parametrize("docs", [[], ["kết_nạp đảng_viên"], ["", "  "]])
def test_topic_model_of_too_small_a_corpus_is_empty(docs):
    doc_topics, words = A.topic_model(docs, tokenized=True)
    assert words.empty and A.topic_shares(doc_topics, pd.Series([None] * len(docs))).empty


def test_tokenize_joins_multi_syllable_words():
    assert A.tokenize(["Đảng bộ tỉnh kết nạp đảng viên"])[0].split()[-1] == "đảng_viên"


@pytest.mark.parametrize("query, expected", [
    ("kết nạp", [("a", "kết nạp"), ("b", "Kết nạp")]),        # case-insensitive phrase
    ("ĐẢNG VIÊN", [("a", "đảng viên")]),
    ("05-CT/TW", [("b", "Chỉ thị 05")]),                      # canonical id: the extractor's mentions
    ("không có", []),
])
def test_concordance(query, expected):
    arts = articles(("lso:a", "lang-son", "2019-01-01", "Toàn tỉnh kết nạp 170 đảng viên mới."),
                    ("lso:b", "lang-son", "2020-01-01", "Kết nạp theo Chỉ thị 05 của Bộ Chính trị."))
    arts["article_id"] = ["a", "b"]
    d = directives(("b", "05-CT/TW", "central", "lang-son", "2020-01-01", 13, 23))
    kwic = A.concordance(arts, query, d, width=12)
    assert list(zip(kwic["article_id"], kwic["match"])) == expected
    if expected:
        assert kwic["url"].str.startswith("http://lso.example/").all()
        row = kwic.iloc[0]
        text = arts.set_index("article_id").loc[row["article_id"], "text"]
        assert (row["left"] + row["match"] + row["right"]) in text


def test_data_and_figures_folders_follow_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("PARTYCORPUS_DATA", str(tmp_path / "kho"))
    monkeypatch.setenv("PARTYCORPUS_FIGURES", str(tmp_path / "hinh"))
    assert A.data_dir() == tmp_path / "kho"
    assert A.figures_dir() == tmp_path / "hinh" and (tmp_path / "hinh").is_dir()


def test_plot_with_vietnamese_labels_is_saved_as_png(tmp_path):
    from corpus import plotting as P

    fig, ax = P.new_figure("Đảng viên kết nạp, Lâm Đồng, Quảng Ninh")
    ax.bar(["Lâm Đồng", "Quảng Ninh"], [2110, 2410])
    ax.set_ylabel("đảng viên (người)")
    path = P.save(fig, "thu", tmp_path)
    P.close_all()
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert P.STYLE["font.sans-serif"] == ["DejaVu Sans"]


def test_exported_field_table_in_the_docs_is_up_to_date():
    text = report.DOCS.read_text(encoding="utf-8")
    block = text.split(report.FIELDS_BEGIN, 1)[1].split(report.FIELDS_END, 1)[0].strip()
    assert block == report.fields_markdown(), "run: python -m corpus.report --fields-doc"


def test_exported_fields_cover_every_table_of_the_export():
    tables = {r["table"] for r in report.export_fields()}
    assert {"articles", "directives", "figures", "targets", "documents", "indicators_long", "indicators_wide",
            "citations"} <= tables
    package = {"resources": [{"name": "figures", "format": "csv", "schema": {"fields": [
        {"name": "unit", "type": "string", "description": "unit | noun"}]}}]}
    assert report.fields_markdown(package).splitlines()[-1] == "| figures | `unit` | string | unit \\| noun |"


def test_codebook_in_the_docs_is_up_to_date():
    text = report.DOCS.read_text(encoding="utf-8")
    block = text.split(report.CODEBOOK_BEGIN, 1)[1].split(report.CODEBOOK_END, 1)[0].strip()
    assert block == report.codebook_markdown(), "run: python -m corpus.report --fields-doc"
    assert "| `base_orgs.good_or_better_pct` |" in block and "| `orgs.weak_pct` |" in block

"""partycorpus build: incremental, idempotent, version-aware, the same for any
number of processes; documents and reprints. Articles are synthetic (written
for these tests)."""
from __future__ import annotations

import pytest

import nlp
from corpus.build import FigurePlaces, run_build
from corpus.documents import document_key, normalise_title
from corpus.schema import TABLES, table_columns
from corpus.store import Store

BODY_REPRINT = ("Ban Thường vụ Huyện ủy Bình Xuyên tổ chức hội nghị sơ kết 5 năm thực hiện Chỉ thị số 05-CT/TW "
                "của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh. "
                "Năm 2021, Đảng bộ huyện kết nạp được 181 đảng viên mới, đạt 120% chỉ tiêu; "
                "có 95% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ.")
SYNTHETIC = [  # synthetic articles, not real news
    {"article_id": "thu:1", "site": "thu", "province": "vinh-phuc", "published": "2021-12-20",
     "title": "Bình Xuyên sơ kết Chỉ thị 05", "text": BODY_REPRINT},
    {"article_id": "thu:2", "site": "khac", "province": None, "published": "2021-12-22",
     "title": "Học tập và làm theo Bác", "text": BODY_REPRINT + " Tin liên quan"},
    {"article_id": "thu:3", "site": "thu", "province": "lang-son", "published": "2020-05-02",
     "title": "Lạng Sơn triển khai kế hoạch",
     "text": "Tỉnh ủy Lạng Sơn ban hành Kế hoạch số 290-KH/TU. Năm 2019, toàn tỉnh kết nạp 1.200 đảng viên."},
    {"article_id": "thu:4", "site": "thu", "province": "ho-chi-minh", "published": "2020-06-01",
     "title": "Thành ủy triển khai kế hoạch",
     "text": "Thành ủy Thành phố Hồ Chí Minh ban hành Kế hoạch số 290-KH/TU về công tác phát triển đảng viên."},
    {"article_id": "thu:5", "site": "thu", "province": "lam-dong", "published": "2017-04-07",
     "title": "Đà Lạt phấn đấu",
     "text": "Thành ủy Đà Lạt phấn đấu hàng năm kết nạp 200 đảng viên mới. Năm 2016, kết nạp được 181 đảng viên."},
]


def _import(data, articles=SYNTHETIC):
    with Store(data, write=True) as store:
        with store.transaction():
            store.upsert_articles(articles)


def dump(data, skip=("built_at",)) -> dict:
    """Every table's rows (sorted), without build timestamps."""
    out = {}
    with Store(data) as store:
        for name, cls in TABLES.items():
            cols = [c for c, _ in table_columns(cls) if c not in skip and not (name == "meta" and c == "value")]
            out[name] = store.sql(f"select {', '.join(chr(34) + c + chr(34) for c in cols)} from {name} "
                                  "order by all").fetchall()
    return out


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    data = tmp_path_factory.mktemp("built")
    _import(data)
    first = run_build(data, jobs=1)
    return data, first


def test_build_extracts_every_article_with_offsets_into_the_stored_text(built):
    data, first = built
    assert first["pending"] == first["built"] == len(SYNTHETIC) and first["errors"] == 0
    with Store(data) as store:
        texts = dict(store.sql("select article_id, text from articles").fetchall())
        for table in ("directive_mentions", "figure_mentions", "target_mentions"):
            for aid, s, e, text, ss, se, sentence in store.sql(
                    f"select article_id, start, \"end\", text, sentence_start, sentence_end, sentence from {table}"
            ).fetchall():
                assert texts[aid][s:e] == text
                assert texts[aid][ss:se] == sentence and ss <= s and e <= se
        n = store.sql("select count(*) from figure_mentions").fetchall()[0][0]
        versions = store.sql("select distinct extractor_version from build_records").fetchall()
    assert n > 0
    assert versions == [(nlp.versions()["extractor"],)]


def test_build_twice_changes_nothing(built, tmp_path):
    data, _ = built
    before = dump(data, skip=())
    again = run_build(data, jobs=1)
    assert again["pending"] == 0
    assert dump(data, skip=()) == before


def test_local_documents_stay_apart_by_province(built):
    data, _ = built
    with Store(data) as store:
        keys = [r[0] for r in store.sql("select doc_key from documents where canonical_id = '290-KH/TU' "
                                        "order by 1").fetchall()]
        central = store.sql("select doc_key, n_articles from documents where doc_key = '05-CT/TW'").fetchall()
    assert keys == ["290-KH/TU@ho-chi-minh", "290-KH/TU@lang-son"]
    assert central == [("05-CT/TW", 2)]


def test_reprint_links_later_copy_to_earliest(built):
    data, _ = built
    with Store(data) as store:
        links = store.sql("select article_id, original_id, method from reprint_links").fetchall()
    assert links == [("thu:2", "thu:1", "minhash")]


def test_changed_article_alone_is_rebuilt(tmp_path):
    _import(tmp_path)
    run_build(tmp_path, jobs=1)
    changed = dict(SYNTHETIC[2], text=SYNTHETIC[2]["text"] + " Năm 2020, kết nạp 1.300 đảng viên.")
    _import(tmp_path, [changed])
    out = run_build(tmp_path, jobs=1)
    assert (out["pending"], out["built"]) == (1, 1)
    with Store(tmp_path) as store:
        sha = store.sql("select b.content_sha1 = a.content_sha1 from build_records b join articles a "
                        "using (article_id) where article_id = 'thu:3'").fetchall()
    assert sha == [(True,)]


def test_new_extractor_version_replaces_mentions(tmp_path, monkeypatch):
    _import(tmp_path)
    run_build(tmp_path, jobs=1)
    before = dump(tmp_path)["figure_mentions"]
    monkeypatch.setattr(nlp, "EXTRACTOR_VERSION", "9.9.9-test")
    out = run_build(tmp_path, jobs=1)
    assert out["pending"] == len(SYNTHETIC)
    with Store(tmp_path) as store:
        versions = store.sql("select distinct extractor_version from figure_mentions").fetchall()
        records = store.sql("select distinct extractor_version from build_records").fetchall()
        n = store.sql("select count(*) from figure_mentions").fetchall()[0][0]
    assert versions == records == [("9.9.9-test",)]
    assert n == len(before)  # replaced, not added


def test_any_number_of_processes_gives_the_same_tables(built, tmp_path):
    data, _ = built
    _import(tmp_path)
    out = run_build(tmp_path, jobs=2, commit_every=2)
    assert out["built"] == len(SYNTHETIC)
    assert dump(tmp_path) == dump(data)


@pytest.mark.parametrize("directive, province, key", [
    ({"canonical_id": "05-CT/TW", "symbol": "CT/TW", "level": "central"}, "lam-dong", "05-CT/TW"),
    ({"canonical_id": "04-NQ/TW", "symbol": "NQ/TW", "plenum": 4, "term": "XII"}, None, "04-NQ/TW"),
    ({"canonical_id": "NQTW4-XII", "plenum": 4, "term": "XII"}, "lang-son", "NQTW4-XII"),
    ({"canonical_id": "NQDH-XII", "congress": "XII", "level": "central"}, "lang-son", "NQDH-XII"),
    ({"canonical_id": "DIEU-LE-DANG"}, "lang-son", "DIEU-LE-DANG"),
    ({"canonical_id": "290-KH/TU", "symbol": "KH/TU", "level": "provincial"}, "ho-chi-minh", "290-KH/TU@ho-chi-minh"),
    ({"canonical_id": "453-QĐ/TU", "symbol": "QĐ/TU"}, None, "453-QĐ/TU@?"),
    ({"canonical_id": "12-CT/HU", "symbol": "CT/HU", "level": "district"}, "vinh-phuc", "12-CT/HU@vinh-phuc"),
    ({"canonical_id": "07-NQ/ĐU", "symbol": "NQ/ĐU"}, "lam-dong", "07-NQ/ĐU@lam-dong"),
    ({"canonical_id": "33-KL/BTCTW", "symbol": "KL/BTCTW"}, "lam-dong", "33-KL/BTCTW"),
    ({"kind": "nghi_quyet", "congress": "X", "level": "provincial"}, "lam-dong", "DH-X@lam-dong"),
    ({"kind": "ke_hoach", "title": "“Nâng cao chất lượng TCCSĐ giai đoạn 2016 - 2020”"}, "lam-dong",
     "title:ke_hoach:nâng cao chất lượng tccsđ giai đoạn 2016-2020@lam-dong"),
    ({"kind": "chi_thi"}, "lam-dong", None),
])
def test_document_key(directive, province, key):
    assert document_key(directive, province) == key


@pytest.mark.parametrize("a, b", [
    ("Nâng cao chất lượng TCCSĐ giai đoạn 2016 - 2020", "“nâng cao chất lượng tccsđ giai đoạn 2016-2020”"),
    ("Kế hoạch  “Học tập”.", "kế hoạch học tập"),
])
def test_normalised_titles_match(a, b):
    assert normalise_title(a) == normalise_title(b)


OFF_TOPIC = {"article_id": "thu:9", "site": "thu", "province": None, "published": "2021-06-01",  # synthetic
             "title": "U23 Việt Nam thắng Thái Lan 2-0 tại vòng loại",
             "text": "Trận đấu trên sân Mỹ Đình diễn ra sôi nổi. Tiền đạo số 9 ghi bàn ở phút 35 và phút 80, "
                     "huấn luyện viên khen ngợi hàng thủ. Khán giả cổ vũ nhiệt tình suốt 90 phút thi đấu."}


def test_build_flags_off_topic_articles(tmp_path):
    from corpus.export import export_tables
    from corpus.relevance import MODEL_VERSION

    _import(tmp_path, SYNTHETIC[:1] + [OFF_TOPIC])
    run_build(tmp_path, jobs=1)
    with Store(tmp_path) as store:
        rows = dict((r[0], r[1:]) for r in store.sql(
            "select article_id, relevance, on_topic, relevance_model from build_records").fetchall())
    assert rows["thu:9"][1:] == (False, MODEL_VERSION) and rows["thu:9"][0] < 0.5
    assert rows["thu:1"][1:] == (True, MODEL_VERSION) and rows["thu:1"][0] >= 0.5
    out = export_tables(tmp_path, out=tmp_path / "export", formats=["csv"])
    header = (tmp_path / "export" / "articles.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    assert {"relevance", "on_topic", "relevance_model"} <= set(header) and out["tables"]["articles"] == 2


def test_stores_built_before_relevance_flags_are_rescored_without_re_extraction(built, tmp_path):
    _import(tmp_path)
    run_build(tmp_path, jobs=1)
    with Store(tmp_path, write=True) as store:  # as an older build left it
        store.sql("update build_records set relevance = null, on_topic = null, relevance_model = null")
    out = run_build(tmp_path, jobs=1)
    assert (out["pending"], out["rescored"]) == (0, len(SYNTHETIC))
    assert dump(tmp_path) == dump(built[0])


@pytest.mark.parametrize("sentence, title, expected", [
    # (place, place_level, place_province) of the figure after "nạp"; synthetic sentences, article in Lâm Đồng
    ("Huyện ủy Bảo Lâm kết nạp 5 đảng viên.", None, ("Bảo Lâm", "district", "lam-dong")),
    ("Huyện ủy Bảo Lâm (Lâm Đồng) kết nạp 5 đảng viên.", None, ("Bảo Lâm", "district", "lam-dong")),
    ("Xã Lộc Thành, huyện Bảo Lâm, tỉnh Lâm Đồng kết nạp 12 đảng viên.", None, ("Lộc Thành", "commune", "lam-dong")),
    ("Toàn tỉnh Lâm Đồng năm 2016 kết nạp 1.980 đảng viên.", None, ("Lâm Đồng", "province", "lam-dong")),
    ("Năm 2018, Tỉnh ủy kết nạp 2.110 đảng viên.", None, ("Lâm Đồng", "province", "lam-dong")),
    ("Năm 2016, huyện kết nạp 58 đảng viên.", "Phát triển đảng viên ở Lạc Dương", ("Lạc Dương", "district", "lam-dong")),
    ("Nhờ vậy, năm 2016 huyện kết nạp 58 đảng viên.", None, (None, "district", "lam-dong")),
    ("Trong 5 năm, Đảng bộ thành phố kết nạp 1.146 đảng viên.", "Thành ủy Đà Lạt", ("Đà Lạt", "district", "lam-dong")),
    ("Tỉnh Đắk Nông kết nạp 300 đảng viên.", None, ("Đắk Nông", "province", "dak-nong")),
    ("Toàn Đảng bộ kết nạp 2.365 đảng viên.", None, (None, None, None)),
    ("Các huyện, thành phố kết nạp 300 đảng viên.", None, (None, None, None)),
    ("Năm 2019 kết nạp 12 đảng viên ở huyện Bảo Lâm.", None, ("Bảo Lâm", "district", "lam-dong")),
])
def test_figure_place(sentence, title, expected):
    from corpus.localities import attribute_province

    at = sentence.index("nạp ") + 4
    places = FigurePlaces(sentence, "lam-dong", attribute_province(sentence, title=title, site_province="lam-dong"))
    got = places.place_of(0, len(sentence), at, sentence.index(" đảng viên", at) + 10)
    assert (got["place"], got["place_level"], got["place_province"]) == expected


def test_city_level_words_are_the_province_in_a_centrally_run_city():
    sentence = "Năm 2020, Thành ủy kết nạp 3.000 đảng viên."
    at = sentence.index("3.000")
    assert FigurePlaces(sentence, "ha-noi").place_of(0, len(sentence), at, at + 15)["place_level"] == "province"
    assert FigurePlaces(sentence, "lam-dong").place_of(0, len(sentence), at, at + 15)["place_level"] == "district"

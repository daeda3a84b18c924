"""Flat memory as the corpus grows: the DuckDB buffer pool of writers is bounded, and reprint
linking from the store (compact arrays, first copies found in SQL) gives the links of
``dedup.link_reprints``. Texts are synthetic, written for these tests."""
import random

import pytest

from corpus import dedup
from corpus.build import _reprint_signature, link_reprints_from_store
from corpus.store import Store


# Synthetic (written for this test): two reports and light edits of the first.
STORY = """Sáng 14/3, Ban Thường vụ Huyện ủy Cao Lộc tổ chức hội nghị sơ kết một năm thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.
Năm 2018 toàn Đảng bộ huyện kết nạp được 181 đảng viên mới, đạt 120% chỉ tiêu Nghị quyết Đại hội đề ra; 96% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên.
Các chi bộ duy trì sinh hoạt định kỳ mỗi tháng một lần, nhiều chi bộ thôn đổi mới nội dung sinh hoạt chuyên đề.
Huyện ủy mở 16 lớp bồi dưỡng lý luận chính trị cho gần 2.000 học viên là cán bộ, đảng viên và quần chúng ưu tú."""
OTHER_STORY = """Chiều 20/4, Ủy ban Kiểm tra Tỉnh ủy Lạng Sơn tổ chức hội nghị triển khai nhiệm vụ kiểm tra, giám sát quý II năm 2018.
Trong quý I, Ủy ban Kiểm tra các cấp đã kiểm tra 14 tổ chức đảng và 37 đảng viên khi có dấu hiệu vi phạm, thi hành kỷ luật 9 đảng viên.
Hội nghị đề ra nhiệm vụ giám sát chuyên đề việc kê khai tài sản, thu nhập của cán bộ thuộc diện Ban Thường vụ Tỉnh ủy quản lý."""
EDITS = [
    lambda t: t,
    lambda t: "(LSO) – " + t + "\nHOÀNG ANH",
    lambda t: "\n".join(t.split("\n")[1:]),
    lambda t: t + "\nTin liên quan\nÝ kiến của bạn",
    lambda t: t.upper().replace(",", " ,"),
]


@pytest.mark.parametrize("write, env, expected", [
    (True, None, "61.0 MiB"),       # 64MB: import and build stream through the store
    (False, None, "244.1 MiB"),     # 256MB: readers (export, search, notebooks) keep a cache
    (True, "128MB", "122.0 MiB"),
    (False, "128MB", "122.0 MiB"),
])
def test_duckdb_memory_limit(tmp_path, monkeypatch, write, env, expected):
    if env is None:
        monkeypatch.delenv("PARTYCORPUS_DUCKDB_MEMORY", raising=False)
    else:
        monkeypatch.setenv("PARTYCORPUS_DUCKDB_MEMORY", env)
    Store(tmp_path, write=True).close()           # create the store
    with Store(tmp_path, write=write) as store:
        assert store.sql("SELECT current_setting('memory_limit')").fetchone()[0] == expected


def _collection() -> list[tuple[str, str, str | None]]:
    """(article_id, text, published): stories, edited copies, exact copies, short texts, unknown dates."""
    rng = random.Random(7)
    words = (STORY + " " + OTHER_STORY).split()
    items = [("a:orig", STORY, "2018-03-14"), ("a:other", OTHER_STORY, "2018-04-20")]
    for i, edit in enumerate(EDITS):
        items.append((f"b:{i:02d}", edit(STORY), f"2018-03-{15 + i}"))
    items += [("c:exact1", STORY, None), ("c:exact2", OTHER_STORY, "2018-04-21"),
              ("c:earlier", OTHER_STORY + "\nHOÀNG ANH", "2018-04-01"),     # earlier than its original
              ("d:short1", "Chi bộ họp.", "2018-05-01"), ("d:short2", "chi bộ họp", "2018-05-02"),
              ("d:empty", "", "2018-05-03")]
    for i in range(40):                          # unrelated shuffles of the same vocabulary
        rng.shuffle(words)
        items.append((f"e:{i:02d}", " ".join(words[:120]), rng.choice([None, f"2018-0{1 + i % 9}-1{i % 10}"])))
    return items


def test_links_from_the_store_are_the_links_of_dedup(tmp_path):
    items = _collection()
    with Store(tmp_path, write=True) as store, store.transaction():
        store.insert_rows("articles", [{"article_id": a, "text": t, "published": p} for a, t, p in items])
        sigs = []
        for a, t, _ in items:
            key, sig = _reprint_signature(t)
            sigs.append({"article_id": a, "content_key": key, "signature": sig})
        store.insert_rows("article_signatures", sigs)
    with Store(tmp_path) as store:
        got = [(r["article_id"], r["original_id"], r["method"], r["similarity"]) for r in link_reprints_from_store(store)]
    expected = [(l.article_id, l.original_id, "minhash" if l.method == "near" else l.method, round(l.similarity, 6))
                for l in dedup.link_reprints([(a, t, p, "x") for a, t, p in items])]
    assert got == expected
    assert {("c:exact1", "a:orig"), ("a:other", "c:earlier"), ("d:short2", "d:short1")} <= {g[:2] for g in got}
    assert len(got) >= len(EDITS) + 3

"""The synthetic demo corpus (crawler/mirror/content): every file valid, spread counted."""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from pathlib import Path

import pytest
import yaml

CONTENT = Path(__file__).resolve().parents[2] / "crawler" / "mirror" / "content"
HEADER = "# Synthetic article written for partycorpus; not a real news item."
SITES = {"lso": "lang-son", "qno": "quang-ninh", "ldg": "lam-dong", "tccs": None}
FIELDS = {"synthetic": bool, "id": int, "site": str, "section": str, "province": str, "published": str,
          "title": str, "sapo": str, "body": str}
# Files of this task (ids 1000-8999); 9xxx files belong to crawler tests.
OWN = sorted(p for p in CONTENT.glob("*.yaml") if 1000 <= int(re.search(r"-(\d+)\.yaml$", p.name).group(1)) < 9000)

# Central documents and the day they were issued (GUIDE.md §2): cited only after it.
CENTRAL_ISSUED = {
    r"Nghị quyết Trung ương 4 \(?khóa XII\)?": "2016-10-30",
    r"05-CT/TW|Chỉ thị 05\b": "2016-05-15",
    r"21-NQ/TW|Trung ương 5 khóa XIII": "2022-06-16",
    r"28-CT/TW|Chỉ thị 28\b": "2019-01-21",
    r"35-NQ/TW|Nghị quyết 35\b": "2018-10-22",
    r"08-QĐi/TW": "2018-10-25",
    r"213-QĐ/TW|Quy định 213\b": "2020-01-02",
    r"21-KL/TW": "2021-10-25",
    r"37-QĐ/TW": "2021-10-25",
    r"Nghị quyết Đại hội XIII|[Ss]au Đại hội XIII": "2021-02-01",
}


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def articles() -> dict[int, dict]:
    return {load(p)["id"]: load(p) for p in OWN}


def text_of(a: dict) -> str:
    return f"{a['title']}\n{a['sapo']}\n{a['body']}"


def paragraphs(a: dict) -> list[str]:
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", a["body"].strip())]


@pytest.mark.parametrize("path", OWN, ids=lambda p: p.name)
def test_file_is_valid(path):
    raw = path.read_text(encoding="utf-8")
    assert raw.startswith(HEADER)
    a = yaml.safe_load(raw)
    for key, typ in FIELDS.items():
        assert isinstance(a.get(key), typ), f"{path.name}: {key}"
    assert a["synthetic"] is True
    assert path.name == f"{a['site']}-{a['id']}.yaml"
    assert a["site"] in SITES
    assert re.fullmatch(r"[a-z]+(-[a-z]+)*", a["province"])
    dt.datetime.strptime(a["published"], "%Y-%m-%d %H:%M")
    assert a["author"] is None or (isinstance(a["author"], str) and a["author"].strip())
    assert isinstance(a.get("captions", []), list)
    assert "reprint_of" in a and "exact_copy_of" in a
    words = len(a["body"].split())
    assert 180 <= words <= 450, f"{path.name}: {words} words"
    for caption in a.get("captions") or []:
        assert caption not in a["body"]


def test_ids_unique_across_mirror():
    ids = Counter(load(p)["id"] for p in CONTENT.glob("*.yaml"))
    assert [i for i, n in ids.items() if n > 1] == []


def test_spread_by_site(articles):
    assert len(articles) >= 52
    by_site = Counter(a["site"] for a in articles.values())
    assert by_site["lso"] >= 12 and by_site["qno"] >= 12 and by_site["ldg"] >= 12 and by_site["tccs"] >= 16


def test_local_sites_write_about_their_province_mostly(articles):
    for site, province in SITES.items():
        if province:
            own = [a for a in articles.values() if a["site"] == site]
            assert sum(a["province"] == province for a in own) >= len(own) - 1


def test_national_magazine_covers_five_other_provinces(articles):
    local = {p for p in SITES.values() if p}
    tccs = {a["province"] for a in articles.values() if a["site"] == "tccs"} - local
    assert len(tccs) >= 5


def test_every_province_has_three_years(articles):
    years = defaultdict(set)
    for a in articles.values():
        years[a["province"]].add(a["published"][:4])
    assert {p: sorted(y) for p, y in years.items() if len(y) < 3} == {}
    assert {y for ys in years.values() for y in ys} >= {str(y) for y in range(2016, 2025)}


def test_reprints_are_lightly_edited_copies(articles):
    reprints = [a for a in articles.values() if a.get("reprint_of")]
    assert len(reprints) >= 2
    for a in reprints:
        src = articles[a["reprint_of"]]
        assert src["site"] != a["site"] and src["province"] == a["province"]
        assert src["title"] != a["title"]
        new, old = paragraphs(a), paragraphs(src)
        assert new[0] != old[0] and len(new) < len(old)
        assert len(set(new) & set(old)) >= len(new) - 2


def test_exact_copy_repeats_verbatim(articles):
    copies = [a for a in articles.values() if a.get("exact_copy_of")]
    assert len(copies) >= 1
    for a in copies:
        src = articles[a["exact_copy_of"]]
        assert (a["title"], a["sapo"], a["body"]) == (src["title"], src["sapo"], src["body"])


def test_four_off_topic_articles(articles):
    off = [i for i, a in articles.items() if "đảng viên" not in text_of(a).lower()]
    assert len(off) == 4


@pytest.mark.parametrize("pattern,issued", sorted(CENTRAL_ISSUED.items()))
def test_central_documents_cited_after_issue(articles, pattern, issued):
    citing = [a for a in articles.values() if re.search(pattern, text_of(a))]
    assert citing, pattern
    early = [a["id"] for a in citing if a["published"][:10] < issued]
    assert early == []


def test_same_local_number_in_two_provinces(articles):
    provinces = {a["province"] for a in articles.values() if "290-KH/TU" in text_of(a)}
    assert len(provinces) >= 2
    assert any("03-NQ/TU" in text_of(a) for a in articles.values())


@pytest.mark.parametrize("pattern", [
    r"\b\d{1,3}(?:\.\d{3})+ đảng viên",          # 3.381 đảng viên
    r"\b\d+,\d+%",                               # 10,6%
    r"\b\d+ - \d+ ",                             # 5 - 6
    r"\b\d+/\d+ ",                               # 24/24 (also dates: checked together below)
    r"\bgần \d", r"\bhơn \d", r"\btrên \d", r"\bkhoảng \d", r"từ \d+ đảng viên trở lên",
    r"kết nạp (?:được )?\d", r"hoàn thành xuất sắc nhiệm vụ", r"trong sạch, vững mạnh", r"yếu kém",
    r"\d+ lớp", r"học viên", r"\d+ chi bộ", r"kỷ luật \d+ đảng viên", r"\d+ mô hình",
    r"phấn đấu hằng năm|phấn đấu hàng năm|hằng năm kết nạp", r"đến năm 20\d\d", r"dưới 1%/năm",
    r"Quốc lộ 4B", r"\b\d+ tuổi", r"Một là", r"\b1\. ", r"Điều lệ Đảng", r"Đại hội XII của Đảng",
    r"Đại hội Đảng bộ tỉnh lần thứ", r"Kế hoạch “|Đề án “",
])
def test_corpus_has_material_for_the_extractors(articles, pattern):
    hits = sum(bool(re.search(pattern, text_of(a))) for a in articles.values())
    assert hits >= 1, pattern


ADMITTED_IN_YEAR = re.compile(
    r"(?<!đầu )(?<!tháng )[Nn]ăm (20\d\d),? (?:cả tỉnh|toàn Đảng bộ|Đảng bộ tỉnh(?: [A-ZĐ][\w ]*?)?|toàn tỉnh)"
    r"(?: ước)? kết nạp(?: được)? ([\d.]+) đảng viên")


def test_admissions_rise_year_by_year(articles):
    """The province x year story: full-year admissions never fall within a province."""
    admitted = defaultdict(dict)
    for a in articles.values():
        for m in ADMITTED_IN_YEAR.finditer(a["sapo"] + "\n" + a["body"]):
            admitted[a["province"]][int(m.group(1))] = int(m.group(2).replace(".", ""))
    series = {p: [v for _, v in sorted(by_year.items())] for p, by_year in admitted.items() if len(by_year) >= 3}
    assert len(series) >= 3
    assert {p: s for p, s in series.items() if s != sorted(s)} == {}


# Official titles of central documents are quoted verbatim by every text; they are not copying.
OFFICIAL_TITLES = [
    r"tăng cường xây dựng,? chỉnh đốn đảng;? ngăn chặn,? đẩy lùi sự suy thoái về tư tưởng chính trị,? đạo đức,?"
    r" lối sống,? những biểu hiện .?tự diễn biến.?,? .?tự chuyển hóa.? trong nội bộ",
    r"(?:ngày 15/5/2016 )?(?:của bộ chính trị )?(?:về )?(?:.?đẩy mạnh )?(?:việc )?học tập và làm theo tư tưởng,?"
    r" đạo đức,? phong cách hồ chí minh",
    r"(?:tăng cường )?bảo vệ nền tảng tư tưởng của đảng,? đấu tranh phản bác các quan điểm sai trái,? thù địch"
    r"(?: trong tình hình mới)?",
    r"nâng cao năng lực lãnh đạo,? sức chiến đấu của tổ chức cơ sở đảng(?: và chất lượng đội ngũ cán bộ,? đảng viên)?",
]


def test_no_sentence_copied_from_shared_texts(shared_dir):
    """No run of 12 words of our corpus (official document titles aside) occurs in ../shared/data texts."""
    def shingles(text: str, n: int = 12) -> set[str]:
        text = text.lower()
        for title in OFFICIAL_TITLES:
            text = re.sub(title, " § ", text)
        w = re.findall(r"\w+|§", text)
        return {" ".join(w[i:i + n]) for i in range(len(w) - n + 1) if "§" not in w[i:i + n]}

    ours = set()
    for p in OWN:
        ours |= shingles(text_of(load(p)))
    sources = list((shared_dir / "data" / "seeds").glob("*.txt"))
    sources += list((shared_dir / "data" / "dev" / "baomoi-2017-party").glob("*.txt"))
    assert sources
    copied = {}
    for src in sources:
        common = ours & shingles(src.read_text(encoding="utf-8", errors="replace"))
        if common:
            copied[src.name] = sorted(common)[:3]
    assert copied == {}

"""Provinces, districts and communes of Viet Nam, and which province an article is about.

Data (``corpus/data``): ``provinces.toml`` (the 63 provinces and cities with
names, spellings, region and their 2025 unit; the 34 units from 2025-07-01),
``places_districts.tsv`` and ``places_communes.tsv`` (gazetteer derived from the
mapping that ships with underthesea 9.5). Slugs are ASCII, hyphenated:
``"lam-dong"``, ``"ba-ria-vung-tau"``.

The corpus uses the 63-province map (``PROVINCE_MAPS["63"]``); ``to_2025``
converts a slug to the 34-unit map in force from 2025-07-01.

All place names of the gazetteer are matched by one regular expression built
as a character trie (Aho-Corasick-like: one left-to-right pass, no per-name
loop) and compiled once on first use.

>>> province_slug("TP. Hồ Chí Minh")
'ho-chi-minh'
>>> attribute_province("Tỉnh ủy Vĩnh Phúc kết nạp 1.200 đảng viên.").slug
'vinh-phuc'
"""
from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from nlp.normalize import UPPER

DATA_DIR = Path(__file__).resolve().parent / "data"

# Weights of a mention by where it stands, and of the site's own province.
TITLE_WEIGHT = 3.0
LEAD_WEIGHT = 2.0
BODY_WEIGHT = 1.0
LEAD_CHARS = 400
SITE_PRIOR = 2.5
BARE_DISTRICT_FACTOR = 0.7

# Province names that are also common words or parts of other names: bare
# (no "tỉnh", "TP." ...) mentions count only this much. 0 = only with a designator.
AMBIGUOUS_PROVINCE_NAMES = {
    "Hồ Chí Minh": 0.0,    # "tư tưởng Hồ Chí Minh", "Học viện ... Hồ Chí Minh"
    "HỒ CHÍ MINH": 0.0,
    "Hòa Bình": 0.3,       # also a district of Bạc Liêu, many communes, "hòa bình" (peace), personal names
    "HÒA BÌNH": 0.1,
    "Bình Định": 0.5,      # also wards and communes in other provinces
    "Thái Bình": 0.7,      # also "Thái Bình Dương" (blocked below) and communes
}
# Longer names that contain a province name but are not about it.
BLOCKED_NAMES = ["Thái Bình Dương", "Đồng Tháp Mười", "Ấn Độ Dương", "Hà Nội Mới", "Sài Gòn Giải Phóng"]
# District names never matched without a designator (common phrases, personal names).
BARE_DISTRICT_STOP = {"Thống Nhất", "Hoàng Sa", "Trường Sa", "Hòa Bình", "Tân Phú", "Độc Lập", "Yên Thế",
                      "Vinh", "Sơn Tây", "Cai Lậy"}
BARE_SINGLE_SYLLABLE_OK = {"Huế"}
# A bare name right after one of these is part of a personal name ("Trương Hòa Bình").
PERSONAL_NAME_PARTS = set(
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Trương Đinh Lâm Mai Trịnh Đoàn "
    "Lương Tạ Cao Thái Triệu Tô Lã Hà Văn Thị Hữu Đức Công Quang Minh Thanh Ngọc Xuân Hồng Kim Bá Duy Đình "
    "Tiến Mạnh Quốc Trọng Thế Nông Chu Vi Lò Hứa Tăng Lục Khổng".split()
)

# Designators before a place name, and the level they point to.
_DESIGNATORS = [
    (r"tỉnh\s+ủy", "province"), (r"tỉnh", "province"),
    (r"thành\s+ủy", "city"), (r"thành\s+phố", "city"), (r"tp\.", "city"), (r"tp", "city"),
    (r"thị\s+ủy", "district"), (r"thị\s+xã", "district"), (r"tx\.", "district"),
    (r"huyện\s+ủy", "district"), (r"huyện", "district"), (r"quận\s+ủy", "district"), (r"quận", "district"),
    (r"thị\s+trấn", "commune"), (r"xã", "commune"), (r"phường", "commune"),
    # villages and streets are not in the gazetteer: a name after these says nothing
    (r"thôn", "village"), (r"bản", "village"), (r"bon", "village"), (r"buôn", "village"), (r"ấp", "village"),
    (r"khu\s+phố", "village"), (r"tổ\s+dân\s+phố", "village"), (r"đường", "village"), (r"phố", "village"),
    (r"sông", "village"), (r"núi", "village"),
]


@dataclass(frozen=True)
class Province:
    """One of the 63 provinces and centrally-run cities (63-province map)."""

    slug: str
    name: str
    official: str
    code: str
    kind: str            # "tinh" | "thanh-pho"
    region: str
    capital: str | None
    aliases: tuple[str, ...]
    merged_2025: str     # slug in the 34-unit map


@dataclass
class Attribution:
    """Where an article is about: province slug (63 map), level and place named.

    ``level`` is ``"province"``, ``"district"`` or ``"commune"`` (the most
    specific place the text is mostly about); ``evidence`` says why;
    ``confidence`` is the winner's share of all weighted mentions (0..1).
    """

    slug: str | None
    level: str | None = None
    place: str | None = None
    evidence: str = ""
    confidence: float = 0.0
    scores: dict[str, float] = field(default_factory=dict)


# ---------------------------------------------------------------- normalisation

def _old_tone_table() -> dict[str, str]:
    table = {}
    for first in "oOuU":
        for second in "aAeEyY":
            for tone in "\u0300\u0301\u0303\u0309\u0323":
                old = unicodedata.normalize("NFC", first + second + tone)
                table[old] = unicodedata.normalize("NFC", first + tone + second)
    return table


_OLD_TONES = _old_tone_table()
# "hoà", "Khánh Hoà", "uỷ" at the end of a syllable; "quý" keeps its tone on y.
_OLD_TONE_RE = re.compile(
    r"[oOuU][" + "".join(sorted({k[1] for k in _OLD_TONES})) + r"](?![^\W\d_])")


def _canonical_tone(text: str) -> str:
    """Old tone placement to new ("Khánh Hoà" -> "Khánh Hòa", "uỷ" -> "ủy"); NFC in and out, same length."""
    def fix(m: re.Match) -> str:
        if m.start() and text[m.start() - 1] in "qQ":
            return m.group(0)
        return _OLD_TONES.get(m.group(0), m.group(0))

    return _OLD_TONE_RE.sub(fix, text)


_DASH_RE = re.compile(r"[\u2013\u2014\u2012\u2010-]\s*(?=[" + UPPER + r"])")
_SPACES_RE = re.compile(r"[ \t\u00a0]{2,}|[\t\u00a0]")


def normalize_place_text(text: str) -> str:
    """NFC, new-style tones, one kind of dash, single spaces: the form names are matched in.

    >>> normalize_place_text("Khánh Hoà  –  Bà Rịa–Vũng Tàu")
    'Khánh Hòa - Bà Rịa - Vũng Tàu'
    """
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    text = _canonical_tone(text)
    text = _DASH_RE.sub(" - ", text)
    return _SPACES_RE.sub(" ", text)


def _fold(name: str) -> str:
    """Accentless, lower-case key: "Lâm Đồng" -> "lam dong"."""
    s = normalize_place_text(name).replace("Đ", "D").replace("đ", "d")
    s = "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", " ", s.lower()).strip()


# ---------------------------------------------------------------- data

@lru_cache(maxsize=1)
def _load() -> dict:
    with open(DATA_DIR / "provinces.toml", "rb") as fh:
        raw = tomllib.load(fh)
    provinces = {}
    for p in raw["province"]:
        provinces[p["slug"]] = Province(
            slug=p["slug"], name=p["name"], official=p["official"], code=p["code"], kind=p["kind"],
            region=p["region"], capital=p.get("capital"),
            aliases=tuple(normalize_place_text(a) for a in p["aliases"]), merged_2025=p["merged_2025"],
        )
    units_2025 = {u["slug"]: u for u in raw["province_2025"]}
    districts: list[tuple[str, str, str]] = []
    for line in (DATA_DIR / "places_districts.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        slug, kind, name = line.split("\t")[:3]
        districts.append((slug, kind, normalize_place_text(name)))
    communes: list[tuple[str, str]] = []
    path = DATA_DIR / "places_communes.tsv"
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("#") or "\t" not in line:
                continue
            slug, name = line.split("\t")[:2]
            name = re.sub(r"^(?:Xã|Phường|Thị trấn)\s+", "", normalize_place_text(name.strip()))
            if name:
                communes.append((slug, name))
    return {"raw": raw, "provinces": provinces, "units_2025": units_2025,
            "districts": districts, "communes": communes}


def provinces() -> list[Province]:
    """The 63 provinces and centrally-run cities, in official code order.

    >>> provinces()[0].name
    'Hà Nội'
    """
    return list(_load()["provinces"].values())


@lru_cache(maxsize=1)
def _indexes() -> dict:
    data = _load()
    alias_fold: dict[str, str] = {}
    names: dict[str, dict] = {}      # matched surface -> {"province": slug, "district": [(slug, kind, name)], ...}

    def entry(surface: str) -> dict:
        return names.setdefault(surface, {"province": None, "district": [], "commune": [], "blocked": False})

    for p in data["provinces"].values():
        for alias in p.aliases + (p.name,):
            alias_fold.setdefault(_fold(alias), p.slug)
            for surface in {alias, alias.upper()}:
                entry(surface)["province"] = p.slug
        alias_fold.setdefault(p.slug.replace("-", " "), p.slug)
        alias_fold.setdefault(p.slug.replace("-", ""), p.slug)
    district_count: dict[str, int] = {}
    for slug, kind, name in data["districts"]:
        district_count[name] = district_count.get(name, 0) + 1
    for slug, kind, name in data["districts"]:
        for surface in {name, name.upper()}:
            e = entry(surface)
            if (slug, kind, name) not in e["district"]:
                e["district"].append((slug, kind, name))
    for slug, name in data["communes"]:
        e = entry(name)
        if (slug, name) not in e["commune"]:
            e["commune"].append((slug, name))
    for blocked in BLOCKED_NAMES:
        for surface in {blocked, blocked.upper()}:
            entry(surface)["blocked"] = True
    bare_districts = set()
    for slug, kind, name in data["districts"]:
        if (district_count[name] == 1 and name not in BARE_DISTRICT_STOP and not name[0].isdigit()
                and names[name]["province"] is None
                and (" " in name or name in BARE_SINGLE_SYLLABLE_OK)):
            bare_districts.add(name)
            bare_districts.add(name.upper())
    district_fold: dict[str, set[str]] = {}
    for slug, kind, name in data["districts"]:
        district_fold.setdefault(_fold(name), set()).add(slug)
    return {"alias_fold": alias_fold, "names": names, "bare_districts": bare_districts,
            "district_fold": district_fold}


def _trie_regex(words: list[str]) -> str:
    """One regex alternation shaped as a character trie (longest names first at each branch)."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = True

    def emit(node: dict) -> str:
        end = "" in node
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch != ""]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if end:
            return "(?:" + body + ")?"
        return body

    return emit(trie)


@lru_cache(maxsize=1)
def _place_regex() -> re.Pattern:
    names = _indexes()["names"]
    des = "|".join(d + (r"\s*" if d.endswith(".") else r"\s+") for d, _ in _DESIGNATORS)
    pattern = rf"(?<!\w)(?:(?P<des>(?i:{des})))?(?P<name>{_trie_regex(sorted(names))})(?![^\W_])"
    return re.compile(pattern)


def _designator_level(des: str | None) -> str | None:
    if not des:
        return None
    d = des.strip().lower()
    for pat, level in _DESIGNATORS:
        if re.fullmatch(pat, d):
            return level
    return None


# ---------------------------------------------------------------- public lookups

PROVINCE_MAPS: dict[str, dict] = {}


def _build_maps() -> None:
    data = _load()
    PROVINCE_MAPS["63"] = {
        "note": data["raw"]["map_63_note"],
        "units": {p.slug: p.name for p in data["provinces"].values()},
    }
    PROVINCE_MAPS["34"] = {
        "note": data["raw"]["map_34_note"],
        "units": {s: u["name"] for s, u in data["units_2025"].items()},
    }


_build_maps()


def province_slug(name: str | None) -> str | None:
    """Slug (63 map) of a province name, spelling, slug or unambiguous district/city name.

    Accepts "Lâm Đồng", "tỉnh Lâm Đồng", "TPHCM", "Bà Rịa – Vũng Tàu", "lam-dong",
    "Lam Dong", and district-level names found in one province only ("Đà Lạt",
    "huyện Bình Xuyên"); returns None for unknown or ambiguous names.

    >>> province_slug("Thành phố Hồ Chí Minh"), province_slug("Bảo Lộc")
    ('ho-chi-minh', 'lam-dong')
    """
    if not name or not name.strip():
        return None
    provinces_ = _load()["provinces"]
    raw = name.strip()
    if raw in provinces_:
        return raw
    idx = _indexes()
    key = _fold(raw)
    if key in idx["alias_fold"]:
        return idx["alias_fold"][key]
    stripped = re.sub(r"^(?:tinh uy|tinh|thanh uy|thanh pho|tp|thi uy|thi xa|tx|huyen uy|huyen|quan uy|quan)\s+",
                      "", key)
    if stripped in idx["alias_fold"]:
        return idx["alias_fold"][stripped]
    slugs = idx["district_fold"].get(stripped)
    if slugs and len(slugs) == 1:
        return next(iter(slugs))
    return None


def province_name(slug: str | None, official: bool = False) -> str | None:
    """Name of a province from its slug (63 map, or a 34-map unit).

    >>> province_name("ba-ria-vung-tau"), province_name("lam-dong", official=True)
    ('Bà Rịa - Vũng Tàu', 'Tỉnh Lâm Đồng')
    """
    if not slug:
        return None
    data = _load()
    p = data["provinces"].get(slug)
    if p:
        return p.official if official else p.name
    u = data["units_2025"].get(slug)
    if u:
        return u["official"] if official else u["name"]
    return None


def province_region(slug: str) -> str | None:
    """Socio-economic region of a province: "tay-nguyen", "dong-bang-song-hong" ...

    >>> province_region("lam-dong")
    'tay-nguyen'
    """
    p = _load()["provinces"].get(slug)
    return p.region if p else None


def to_2025(slug: str | None) -> str | None:
    """The 34-unit province (from 2025-07-01) a 63-map province became part of.

    >>> to_2025("binh-thuan"), to_2025("vinh-phuc")
    ('lam-dong', 'phu-tho')
    """
    if not slug:
        return None
    p = _load()["provinces"].get(slug)
    if p:
        return p.merged_2025
    return slug if slug in _load()["units_2025"] else None


# ---------------------------------------------------------------- attribution

@dataclass
class _Mention:
    slug: str
    level: str
    place: str
    surface: str
    weight: float
    section: str


def _resolve(des_level: str | None, name: str, entry: dict, prior: str | None) -> tuple[str, str, str, float] | None:
    """(slug, level, place, factor) for one matched name, or None when it says nothing."""
    if entry["blocked"]:
        return None

    def pick(cands: list, level: str) -> tuple[str, str, str, float] | None:
        slugs = {c[0] for c in cands}
        if prior in slugs:
            return prior, level, cands[0][-1], 1.0
        if len(slugs) == 1:
            return cands[0][0], level, cands[0][-1], 1.0
        return None

    prov = entry["province"]
    if des_level == "province":
        return (prov, "province", name, 1.0) if prov else None
    if des_level == "city":
        if prov and _load()["provinces"][prov].kind == "thanh-pho":
            return prov, "province", name, 1.0
        city = [c for c in entry["district"] if c[1] in ("thanh-pho", "thi-xa")]
        if city:
            return pick(city, "district")
        return (prov, "province", name, 1.0) if prov else None   # "thành phố Đông Hưng" is not huyện Đông Hưng
    if des_level == "district":
        return pick(entry["district"], "district") if entry["district"] else None
    if des_level == "commune":
        return pick(entry["commune"], "commune") if entry["commune"] else None
    if des_level == "village":
        return None
    if prov:
        factor = AMBIGUOUS_PROVINCE_NAMES.get(name, 1.0)
        return (prov, "province", name, factor) if factor > 0 else None
    if name in _indexes()["bare_districts"]:
        slug, _kind, place = entry["district"][0]
        return slug, "district", place, BARE_DISTRICT_FACTOR
    return None


_CONTINUES_NAME = re.compile(r" [" + UPPER + r"][^\W\d_]")


def _mentions(text: str, weight: float, section: str, prior: str | None) -> list[_Mention]:
    names = _indexes()["names"]
    out = []
    norm = normalize_place_text(text)
    for m in _place_regex().finditer(norm):
        name = m.group("name")
        des = m.group("des")
        if not des:
            before = norm[max(0, m.start() - 12):m.start()].split()
            if before and before[-1] in PERSONAL_NAME_PARTS:
                continue
        resolved = _resolve(_designator_level(des), name, names[name], prior)
        if resolved is None:
            continue
        slug, level, place, factor = resolved
        if not des and level != "province" and _CONTINUES_NAME.match(norm, m.end()):
            continue            # "Tân Sơn Nhất" is not huyện Tân Sơn
        if place.isupper():
            place = place.title()
        out.append(_Mention(slug, level, place, m.group(0), weight * factor, section))
    return out


def attribute_province(text: str, title: str | None = None, site_province: str | None = None) -> Attribution:
    """Which province (63 map) an article is about, and the most specific place it names.

    The site's province is the prior; places named in the title (weight 3),
    lead (2) and rest of the text (1) refine it. Designated names ("Tỉnh ủy
    Vĩnh Phúc", "huyện Bình Xuyên", "TP. Đà Lạt") are trusted; bare
    ambiguous names ("Hòa Bình", "Hồ Chí Minh" in "tư tưởng Hồ Chí Minh") count
    little or nothing. National outlets (no site province) get the dominant place.

    >>> a = attribute_province("Huyện ủy Bình Xuyên tổ chức hội nghị ...", title="Bình Xuyên nâng cao chất lượng đảng viên")
    >>> a.slug, a.level, a.place
    ('vinh-phuc', 'district', 'Bình Xuyên')
    """
    text = text or ""
    prior = site_province if site_province in _load()["provinces"] else None
    mentions = []
    if title:
        mentions += _mentions(title, TITLE_WEIGHT, "title", prior)
    lead_end = text.find("\n", 0)
    lead_end = LEAD_CHARS if lead_end < 0 else max(lead_end, min(LEAD_CHARS, len(text)))
    lead_end = min(lead_end, len(text))
    mentions += _mentions(text[:lead_end], LEAD_WEIGHT, "lead", prior)
    mentions += _mentions(text[lead_end:], BODY_WEIGHT, "text", prior)

    scores: dict[str, float] = {}
    if prior:
        scores[prior] = SITE_PRIOR
    for m in mentions:
        scores[m.slug] = scores.get(m.slug, 0.0) + m.weight
    if not scores:
        return Attribution(slug=None, evidence="no place named and no site province")
    winner = max(scores, key=lambda s: (scores[s], s == prior))
    total = sum(scores.values())
    own = [m for m in mentions if m.slug == winner]

    by_place: dict[tuple[str, str], float] = {}
    for m in own:
        by_place[(m.level, m.place)] = by_place.get((m.level, m.place), 0.0) + m.weight
    province_weight = sum(w for (lvl, _), w in by_place.items() if lvl == "province")
    level, place = "province", province_name(winner)
    subs = sorted(((w, lvl, p) for (lvl, p), w in by_place.items() if lvl != "province"), reverse=True)
    if subs and subs[0][0] > province_weight:
        _, level, place = subs[0]

    if own:
        best = max(own, key=lambda m: m.weight)
        evidence = f"{best.section}: {best.surface!r}; {len(own)} mention(s)"
        if prior == winner:
            evidence += "; site province"
    else:
        evidence = "site province (no place named)"
    return Attribution(slug=winner, level=level, place=place, evidence=evidence,
                       confidence=round(scores[winner] / total, 3),
                       scores={k: round(v, 2) for k, v in sorted(scores.items(), key=lambda kv: -kv[1])})


__all__ = ["Attribution", "Province", "PROVINCE_MAPS", "attribute_province", "normalize_place_text",
           "province_name", "province_region", "province_slug", "provinces", "to_2025"]

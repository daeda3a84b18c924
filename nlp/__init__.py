"""Pure text -> mentions. No I/O beyond the package's own data files.

>>> from nlp import extract
>>> ex = extract("Năm 2021, Đảng bộ kết nạp được 181 đảng viên.")
>>> [f.value for f in ex.figures]
[181.0]
"""
from __future__ import annotations

import hashlib

from .types import Directive, Extraction, Figure, Target

EXTRACTOR_VERSION = "0.3.0"


def extract(text: str, published: str | None = None, province: str | None = None) -> Extraction:
    """Normalise ``text`` and extract directives, figures and targets.

    ``published`` (YYYY-MM-DD) decides a missing plenum term ("Nghị quyết
    Trung ương 4" in 2017 is khóa XII) and relative years; ``province`` is the
    slug of the article's locality (kept for local document identity).
    Offsets index the returned ``Extraction.text``.
    """
    from .directives import extract_directives
    from .figures import extract_figures
    from .normalize import normalize
    from .plans import link_plans
    from .targets import extract_targets

    body = normalize(text)
    directives = extract_directives(body, published=published)
    figures = extract_figures(body, published=published, directives=directives)
    targets = link_plans(body, figures, extract_targets(body, figures, published=published))
    for f in figures:
        if f.kind == "other":
            f.indicator = None               # a rule, a design, a definition: no result or goal to compare
    sha1 = hashlib.sha1(body.encode("utf-8")).hexdigest()
    return Extraction(text=body, text_sha1=sha1, directives=directives, figures=figures, targets=targets)


def versions() -> dict[str, str]:
    """Extractor, gazetteer and codebook versions recorded with every build."""
    from .codebook import CODEBOOK_VERSION
    from .gazetteer import GAZETTEER_VERSION

    return {"extractor": EXTRACTOR_VERSION, "codebook": CODEBOOK_VERSION, "gazetteer": GAZETTEER_VERSION}


__all__ = ["extract", "versions", "Directive", "Figure", "Target", "Extraction", "EXTRACTOR_VERSION"]

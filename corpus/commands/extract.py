"""partycorpus extract PATH... — the CONTRACT.md surface.

>>> # partycorpus extract bai-viet.txt --published 2017-04-07 --format json
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from ..errors import UserError

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def read_input(path: str) -> str:
    """Text of a .txt/.html file or stdin; HTML gets its article body extracted."""
    try:
        if path == "-":
            raw = sys.stdin.buffer.read()
        else:
            p = Path(path)
            if p.is_dir():
                raise UserError(f"{path}: is a folder, not a file")
            raw = p.read_bytes()
    except UserError:
        raise
    except FileNotFoundError:
        raise UserError(f"{path}: no such file")
    except PermissionError:
        raise UserError(f"{path}: permission denied")
    except OSError as e:
        raise UserError(f"{path}: cannot read ({e.strerror or e})")
    if b"\x00" in raw[:4096]:
        raise UserError(f"{path}: binary data, not text or HTML")
    head = raw[:2048].lstrip().lower()
    is_html = path.lower().endswith((".html", ".htm")) or head.startswith((b"<!doctype html", b"<html")) \
        or b"<body" in raw[:4096].lower()
    if is_html:
        from crawler.extraction import extract_article

        art = extract_article(raw)
        body = art.get("body") or ""
        if not body.strip():
            raise UserError(f"{path}: no article body found in the HTML")
        return body
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        from nlp.normalize import decode_bytes

        text = decode_bytes(raw)
        if text is None or _looks_binary(raw):
            raise UserError(f"{path}: not UTF-8 text (and no known legacy encoding)")
        return text


def _looks_binary(raw: bytes) -> bool:
    """Control bytes (other than tab, newlines, form feed) in more than 1% of the input."""
    bad = sum(1 for b in raw if b < 0x20 and b not in (9, 10, 12, 13))
    return bad > max(1, len(raw) // 100)


def run(args) -> int:
    if args.published and not _DATE.match(args.published):
        raise UserError(f"--published {args.published!r}: expected YYYY-MM-DD")
    fmt = args.format or ("json" if len(args.paths) == 1 else "jsonl")
    if fmt == "json" and len(args.paths) > 1:
        raise UserError("--format json takes one input; use jsonl for several")
    texts = [(p, read_input(p)) for p in args.paths]  # read all first: bad input fails before output
    from nlp import extract

    out = sys.stdout
    for path, text in texts:
        ex = extract(text, published=args.published, province=args.province)
        obj = ex.to_dict(path=path)
        if fmt == "json":   # written as it is encoded: a long document's JSON is never one string in memory
            json.dump(obj, out, ensure_ascii=False, indent=2)
            out.write("\n")
        elif fmt == "jsonl":
            out.write(json.dumps(obj, ensure_ascii=False) + "\n")
        else:
            out.write(_table(path, obj))
    return 0


def _table(path: str, obj: dict) -> str:
    rows = [f"# {path}  sha1={obj['text_sha1']}"]
    for d in obj["directives"]:
        rows.append(f"directive  {d['start']:>6}-{d['end']:<6} {d['canonical_id'] or '-':<14} {d['kind']:<12} {d['text']}")
    for f in obj["figures"]:
        val = f"{f['value']:g}" + (f"-{f['value_max']:g}" if f["value_max"] is not None else "")
        rows.append(f"figure     {f['start']:>6}-{f['end']:<6} {val:<14} {f['kind']:<8} {f['indicator'] or '-':<24} {f['text']}")
    for t in obj["targets"]:
        rows.append(f"target     {t['start']:>6}-{t['end']:<6} {t['deadline_year'] or '-'!s:<14} {t['recurrence'] or '-':<8} {t['text']}")
    return "\n".join(rows) + "\n"

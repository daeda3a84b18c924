"""The raw archive: every fetched article response as a WARC record under
``DATA/warc/<run_id>-<pid>.warc.gz`` (warcio); ``Article.raw_ref`` points at it
as ``"warc/<file>#<offset>"``.

>>> # rec = read_record("data", "warc/20250101T000000Z-ab12-4242.warc.gz#0"); rec["url"]
"""
from __future__ import annotations

import json
import os
from io import BytesIO
from pathlib import Path
from typing import Iterator

from records import UserError

SITE_HEADER = "PartyCorpus-Site"      # JSON of the site file used (id, province, selectors, ...)
RUN_HEADER = "PartyCorpus-Run"
SECTION_HEADER = "PartyCorpus-Section"
_DROP_HEADERS = {"content-encoding", "transfer-encoding", "content-length"}


class ArchiveWriter:
    """Appends gzip-per-record WARC response records; each is fsynced before its raw_ref is returned."""

    def __init__(self, data_dir: str | Path, run_id: str):
        self.data_dir = Path(data_dir)
        self.name = f"{run_id}-{os.getpid()}.warc.gz"
        self.path = self.data_dir / "warc" / self.name
        self.run_id = run_id
        self._f = None
        self._writer = None
        self.records = 0

    def write_response(self, url: str, status: int, headers: list[tuple[str, str]], body: bytes,
                       site: dict | None = None, section: str | None = None) -> str:
        """Archive one HTTP response; returns its raw_ref ``warc/<file>#<offset>``.

        >>> # w.write_response("https://baolangson.vn/a-1.html", 200, [("Content-Type", "text/html")], b"<html>...")
        """
        from warcio.statusandheaders import StatusAndHeaders
        from warcio.warcwriter import WARCWriter

        if self._f is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._f = open(self.path, "ab")
            self._writer = WARCWriter(self._f, gzip=True)
        hdrs = [(k, v) for k, v in headers if k.lower() not in _DROP_HEADERS]
        hdrs.append(("Content-Length", str(len(body))))
        http_headers = StatusAndHeaders(f"{status} {_reason(status)}", hdrs, protocol="HTTP/1.1")
        warc_headers = {RUN_HEADER: self.run_id}
        if section:
            warc_headers[SECTION_HEADER] = section
        if site:
            keep = {k: v for k, v in site.items() if not k.startswith("_")}
            warc_headers[SITE_HEADER] = json.dumps(keep, ensure_ascii=True, separators=(",", ":"))
        record = self._writer.create_warc_record(url, "response", payload=BytesIO(body), http_headers=http_headers,
                                                 warc_headers_dict=warc_headers)
        self._f.seek(0, os.SEEK_END)
        offset = self._f.tell()
        self._writer.write_record(record)
        self._f.flush()
        os.fsync(self._f.fileno())
        self.records += 1
        return f"warc/{self.name}#{offset}"

    def close(self) -> None:
        if self._f is not None:
            self._f.close()
            self._f = None


def _reason(status: int) -> str:
    from http import HTTPStatus

    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Unknown"


def _record_dict(record, raw_ref: str) -> dict:
    site_json = record.rec_headers.get_header(SITE_HEADER)
    http = record.http_headers
    return {
        "raw_ref": raw_ref,
        "url": record.rec_headers.get_header("WARC-Target-URI"),
        "date": record.rec_headers.get_header("WARC-Date"),
        "run_id": record.rec_headers.get_header(RUN_HEADER),
        "status": int(http.get_statuscode()) if http else None,
        "headers": list(http.headers) if http else [],
        "body": record.content_stream().read(),
        "site": json.loads(site_json) if site_json else None,
        "section": record.rec_headers.get_header(SECTION_HEADER),
    }


def iter_records(data_dir: str | Path) -> Iterator[dict]:
    """Every archived response under ``DATA/warc/``, oldest file first, as dicts with
    ``raw_ref, url, date, run_id, status, headers, body, site, section``. A truncated last record
    (a killed writer) ends its file quietly.

    >>> # for rec in iter_records("data"): print(rec["url"], len(rec["body"]))
    """
    from warcio.archiveiterator import ArchiveIterator

    folder = Path(data_dir) / "warc"
    if not folder.is_dir():
        return
    for path in sorted(folder.glob("*.warc.gz"), key=lambda p: (p.stat().st_mtime, p.name)):
        with open(path, "rb") as f:
            it = ArchiveIterator(f)
            try:
                for record in it:
                    if record.rec_type != "response":
                        continue
                    rec = _record_dict(record, "")
                    rec["raw_ref"] = f"warc/{path.name}#{it.get_record_offset()}"
                    yield rec
            except Exception:  # truncated gzip member or WARC record at the end of a killed crawl's file
                continue


def read_record(data_dir: str | Path, raw_ref: str) -> dict:
    """The archived response a ``raw_ref`` points at (see ``iter_records`` for the keys).

    >>> # read_record("data", "warc/20250101T000000Z-ab12-4242.warc.gz#0")["status"]
    """
    from warcio.archiveiterator import ArchiveIterator

    try:
        rel, offset = raw_ref.rsplit("#", 1)
        offset = int(offset)
    except ValueError:
        raise UserError(f"{raw_ref!r}: not a raw_ref (expected warc/<file>#<offset>)") from None
    path = Path(data_dir) / rel
    if not rel.startswith("warc/") or not path.is_file():
        raise UserError(f"{raw_ref}: no such archive file under {data_dir}")
    with open(path, "rb") as f:
        f.seek(offset)
        try:
            record = next(iter(ArchiveIterator(f)))
            return _record_dict(record, raw_ref)
        except Exception as e:
            raise UserError(f"{raw_ref}: no readable WARC record at that offset ({type(e).__name__})") from None

"""Thawing's own export: every record of every feature, lossless, in versioned JSON.

Version 1 (Thawing 0.2), the only version written so far; documented field by field in
docs/export-format.md:

    {
    "format": "thawing-export",                 magic: always this string
    "version": 1,                               bumped whenever a field is added or changes meaning
    "exported_at": "2026-03-10T15:00:00+00:00", when the file was made (UTC)
    "app_version": "0.2.0",                     the Thawing that made it
    "profiles": [{"id": 1, "display_name": ..., "timezone": ..., ...}],
    "checkins": [{"id": 1, "at": ..., "mood": 7, ...}, ...],
    "checkin_emotions": [{"id": 1, "checkin": 1, "emotion": "grief", "intensity": 3}, ...],
    ... one array per record type, in the order of KINDS ...
    }

- Every array holds objects with every field of the record. `id` numbers the records of one
  array from 1 and only links parts to each other (an emotion to its check-in, a dose change
  to its medicine, an entry to its tags); ids are never database keys.
- Moments are ISO 8601 in UTC with microseconds ("2026-03-10T15:00:00.123456+00:00"), days
  "YYYY-MM-DD", times of day "HH:MM:SS", "not given" is null, text is UTF-8. The writer puts
  each record on a line of its own, so a line number points at one record.
- Each version has its own reader module (`native_v1.py` for version 1), never edited once
  a newer version exists, so every file Thawing ever wrote stays readable. Readers accept
  any UTC offset, ignore fields and arrays they don't know, refuse a newer version kindly,
  and check every record as Thawing's own forms do (ranges, lengths, known words and
  exercises, nothing in the future): a record that fails is left out and listed with its
  line, never half-saved. A part whose record was left out is left out too.

The key of a record is the SHA-256 of its content without its id and bookkeeping times, with
links replaced by the linked record's key; a check-in's key covers its emotion words and body
cues, an entry's its tags. The same record has the same key in every export, so importing a
file twice finds what is already there. Repeats in one file are numbered, as in the readers.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date, datetime

from thawing.core.formats import native_v1
from thawing.core.formats.common import (
    MAX_RECORDS,
    UnreadableFile,
    check_json_size,
    decode_text,
    too_many,
)
from thawing.core.formats.native_common import (
    FORMAT,
    KINDS,
    LINKS,
    SINGLETONS,
    VERSION,
    Context,
    Document,
    Known,
    Record,
    _moment_or_none,
    assign_keys,
    plain,
)
from thawing.core.i18n import msg

# ---------------------------------------------------------------- writing


def write(records: Mapping[str, Iterable[Mapping[str, object]]], *, exported_at: datetime,
          app_version: str) -> bytes:
    """A version 1 export of plain records (see `plain`), one record per line, as UTF-8."""
    return b"".join(write_lines(records, exported_at=exported_at, app_version=app_version))


def write_lines(records: Mapping[str, Iterable[Mapping[str, object]]], *, exported_at: datetime,
                app_version: str) -> Iterator[bytes]:
    """`write` in pieces, taking each kind's records only when its turn comes: the head, then
    each record's line, so an export can go out while its records are still being read."""
    head = {"format": FORMAT, "version": VERSION, "exported_at": plain(exported_at),
            "app_version": app_version}
    yield _utf8("{\n" + "".join(f"{json.dumps(name)}: {json.dumps(value)},\n"
                                for name, value in head.items()))
    for number, kind in enumerate(KINDS):
        end = "" if number == len(KINDS) - 1 else ","
        rows = iter(records.get(kind, ()))
        row = next(rows, None)
        if row is None:
            yield _utf8(f"{json.dumps(kind)}: []{end}\n")
            continue
        yield _utf8(f"{json.dumps(kind)}: [\n")
        # Each line but the last ends with a comma, so every record waits for the next one.
        for following in rows:
            yield _utf8(json.dumps(row, ensure_ascii=False) + ",\n")
            row = following
        yield _utf8(json.dumps(row, ensure_ascii=False) + f"\n]{end}\n")
    yield b"}\n"


def _utf8(text: str) -> bytes:
    # A lone surrogate becomes its JSON escape again, so nothing is lost.
    return text.encode("utf-8", "backslashreplace")


# ---------------------------------------------------------------- reading


def read(data: bytes, *, now: datetime, today: date, known: Known | None = None,
         max_records: int = MAX_RECORDS) -> Document:
    """A Thawing export of any version written so far; records checked against `now` and `today`.

    At most `max_records` records of each kind, and MAX_JSON_VALUES values in all.
    """
    text = decode_text(data, fallback=None).lstrip("\ufeff")
    check_json_size(text)
    try:
        document = json.loads(text)
    except RecursionError:
        raise UnreadableFile(msg("This JSON is nested too deeply to be a Thawing export. Nothing was "
                                 "imported."), reason="json") from None
    except ValueError as error:
        line = getattr(error, "lineno", 1)
        raise UnreadableFile(msg(
            "This looks like JSON, but it stops making sense on line %(line)s. Nothing was imported.",
            line=line), line=line, reason="json") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise UnreadableFile(msg(
            "This isn\u2019t a Thawing export: it doesn\u2019t start with \u201cformat\u201d: "
            "\u201cthawing-export\u201d. Nothing was imported."), line=1, reason="format")
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise UnreadableFile(msg("This Thawing export has no version I can read. Nothing was imported."),
                             line=1, reason="version")
    if version not in READERS:
        raise UnreadableFile(msg(
            "This export was made by a newer Thawing (format version %(version)s). Update Thawing, "
            "then import it again. Nothing was imported.", version=version), line=1, reason="newer")
    if any(isinstance(rows, list) and len(rows) > max_records for rows in document.values()):
        raise too_many(max_records, msg("records of one kind"))
    exported = document.get("exported_at")
    app_version = document.get("app_version")
    result = Document(version=version, exported_at=_moment_or_none(exported),
                      app_version=app_version if isinstance(app_version, str) else "", records={},
                      text=text)
    READERS[version](document, result, Context(now, today, known))
    return result


# The reader of every version ever written (each imports native_common, never this module).
READERS: dict[int, Callable[[Mapping[str, object], Document, Context], None]] = {1: native_v1.read}
# The fields of the version written now, with their checks.
FIELDS = native_v1.FIELDS

# What other modules read from here, kept with the format it belongs to.
__all__ = ["FIELDS", "KINDS", "LINKS", "READERS", "SINGLETONS", "Document", "Known", "Record",
           "assign_keys", "plain", "read", "write", "write_lines"]

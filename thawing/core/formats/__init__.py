"""Readers for other apps' exports: bytes in, frozen dataclasses out (no I/O, no clock).

Each format lives in its own module, which documents every version it reads at its top,
and is registered in `READERS`:

    daylio  Daylio CSV export: three header generations, with or without a header row
    jrnl    jrnl JSON export, jrnl text journals (2.x+ bracketed and 1.x plain dates),
            jrnl Markdown export; encrypted journals are recognised and refused kindly

A reader returns `Parsed`: everything it could read, oldest first, and what it left out and
why (`skipped`, shown to the person before they confirm; `line` is where the row or entry
starts, in JSON too). It raises `UnreadableFile` (a ThawingError) only when nothing in the
file can be read, and `InvalidInput` for a bad option (a mood map value, a time format).
No message ever quotes the person's own words. Free text is not length-checked here: the
service applies Thawing's limits when it saves.

Limits, so an upload cannot take a server's memory: a file gives at most MAX_RECORDS rows or
entries (a Thawing export: records of each kind), and a JSON file at most MAX_JSON_VALUES values; a reader
stops and raises `UnreadableFile` (reason "too_many") as soon as a file goes beyond them, so a
file can't make the server build millions of records. A real history fits many times over.

Moments are naive local wall-clock times, as the other app showed them; the caller applies
the person's time zone. `key` is the SHA-256 of a record's normalised content (moment to the
minute, the words, the labels), so importing the same file twice finds the same keys and the
service adds nothing twice. Two identical records in one file stay two: the second and later
get the occurrence number mixed into their key.
"""

from __future__ import annotations

from thawing.core.formats import daylio, jrnl
from thawing.core.formats.common import (
    MAX_JSON_VALUES,
    MAX_RECORDS,
    REASONS,
    ImportedCheckIn,
    ImportedEntry,
    Parsed,
    Reader,
    Skipped,
    UnreadableFile,
    check_json_size,
    clock_time,
    content_key,
    decode_text,
    iso_day,
    joined_hint,
    json_item_lines,
    nothing_readable,
    numbered_keys,
    skipped,
    tidy,
    too_many,
    whole,
)

__all__ = [
    "ImportedCheckIn",
    "ImportedEntry",
    "MAX_JSON_VALUES",
    "MAX_RECORDS",
    "Parsed",
    "REASONS",
    "Reader",
    "Skipped",
    "UnreadableFile",
    "check_json_size",
    "clock_time",
    "content_key",
    "decode_text",
    "iso_day",
    "joined_hint",
    "json_item_lines",
    "nothing_readable",
    "numbered_keys",
    "skipped",
    "tidy",
    "too_many",
    "whole",
    "READERS",
]

READERS: dict[str, Reader] = {"daylio": daylio.read, "jrnl": jrnl.read}

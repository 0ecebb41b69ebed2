"""Daylio CSV export reader (Daylio's "Export entries to CSV"); one row per entry.

Versions (header row as Daylio writes it; see ../shared/reference/formats.md 4a):

    v1 (2018)   year,date,weekday,time,mood,activities,note
    v2 (2020)   full_date,date,weekday,time,mood,activities,note
    v3 (2021-)  full_date,date,weekday,time,mood,activities,note_title,note

- The header row is optional. When present it is recognised by its names, so extra or
  reordered columns are fine and a repeated header (two exports pasted together) is ignored.
  Without one, the first row's shape decides: an ISO date first is v2, or v3 with eight or
  more columns; a four-digit year first is v1. An unknown first row followed by data rows is
  taken as a header in another language, the columns then read by position.
- `full_date` is ISO `YYYY-MM-DD`. In v1 the day is `year` plus the localised `date` ("18 May",
  "May 18", "18. Mai", "18 de mayo"): month names are known in English, German, French,
  Spanish, Italian, Portuguese and Dutch, and an English `weekday` settles numeric or unknown
  forms when only one month fits.
- `time` is 12-hour ("9:05 pm", "09:05 PM", "9:05 p. m.", a narrow no-break space before the
  AM/PM as recent Android writes it, "오후 9:05" / "下午9:05" / "午後9:05" unverified) or 24-hour
  ("20:39"); seconds are optional.
- `mood` is the person's own label, perhaps with stray spaces. `activities` are split on "|"
  and trimmed (the spacing around the bars varies); empty means none.
- Notes may hold Daylio's basic HTML (<b>, <i>, <br>, <p>, <li> ...); it becomes plain text.
  Notes in any language and emoji pass through untouched.
- Bytes: UTF-8 with or without BOM, UTF-16 with BOM, or Windows-1252 (a spreadsheet re-save);
  separator "," or, after a spreadsheet, ";" or tab; CRLF, LF or CR; quoted fields holding
  commas and newlines; the final newline optional. Rows may come in any order (Daylio writes
  newest first); several per day are normal. The result is oldest first.

Mood labels become 1-10. The five standard labels have defaults, spaced evenly and symmetric
around "meh" at the middle of the scale: rad 9, good 7, meh 5, bad 3, awful 1 ("fugly", bad's
old name, is 3 too). `mood_map` overrides and extends them, case-insensitively; mapping a label
to `None` means "can't tell". A label without a value does not stop the import: its check-ins
get mood `None` and the label is listed in `Parsed.unmapped`, so the import form can ask.

The key of a check-in is the SHA-256 of its moment (to the minute), mood label (lower case),
activities (lower case, sorted), note title and note: the same entry gives the same key from
every export version, whichever clock style or mood mapping was used.
"""

from __future__ import annotations

import csv
import html
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from datetime import date, datetime
from itertools import chain, islice
from types import MappingProxyType

from thawing.core.errors import InvalidInput
from thawing.core.formats.common import (
    MAX_RECORDS,
    ImportedCheckIn,
    Parsed,
    Skipped,
    UnreadableFile,
    clock_time,
    content_key,
    decode_text,
    iso_day,
    nothing_readable,
    numbered_keys,
    skipped,
    tidy,
    too_many,
)
from thawing.core.i18n import msg
from thawing.core.mood import OLDEST_YEAR, parse_mood

DEFAULT_MOODS: Mapping[str, int] = MappingProxyType(
    {"rad": 9, "good": 7, "meh": 5, "bad": 3, "fugly": 3, "awful": 1})

V1 = ("year", "date", "weekday", "time", "mood", "activities", "note")
V2 = ("full_date", "date", "weekday", "time", "mood", "activities", "note")
V3 = ("full_date", "date", "weekday", "time", "mood", "activities", "note_title", "note")
_KNOWN = frozenset(V1 + V3)
_YEAR = re.compile(r"\s*\d{4}\s*")
_SEPARATORS = (",", ";", "\t")

_MONTHS: dict[str, int] = {}
for _names in (
    "january february march april may june july august september october november december",
    "jan feb mar apr may jun jul aug sep oct nov dec",
    "januar februar märz april mai juni juli august september oktober november dezember",
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    "januari februari maart april mei juni juli augustus september oktober november december",
):
    _MONTHS.update({name: number for number, name in enumerate(_names.split(), start=1)})
_MONTHS["sept"] = 9
_WEEKDAYS = {name: number for number, name in enumerate(
    "monday tuesday wednesday thursday friday saturday sunday".split())}
_WEEKDAYS.update({name[:3]: number for name, number in list(_WEEKDAYS.items())})
_WORDS = re.compile(r"\d+|[^\W\d_]+")

# Daylio's note markup: only these tags are removed, so "<3" or "a < b" in a note survive.
_MARKUP = re.compile(
    r"<(/?)(b|strong|i|em|u|s|strike|del|span|font|p|div|br|ul|ol|li|h[1-6]|blockquote|a)"
    r"""(?:\s+[\w-]+(?:\s*=\s*(?:"[^"<>]*"|'[^'<>]*'|[^\s"'<>]+))?)*\s*/?>""", re.IGNORECASE)
_BLOCKS = frozenset({"p", "div", "ul", "ol", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6"})


def read(data: bytes, *, mood_map: Mapping[str, int | None] | None = None,
         max_rows: int = MAX_RECORDS) -> Parsed:
    """Check-ins from a Daylio CSV export, oldest first; moods 1-10, `None` when unmapped.

    Rows are read one by one; a file of more than `max_rows` rows is refused before any is read.
    """
    moods = _mood_table(mood_map)
    text = decode_text(data, fallback="cp1252", hint=_HINT)
    if text.count("\n") >= max_rows:
        # A long file is counted before its rows are read one by one: refusing it costs little.
        for _ in _rows(text, max_rows):
            pass
    rows = _rows(text, max_rows)
    first = list(islice(rows, 2))
    if not first:
        return Parsed(detected="daylio-csv")
    columns, version, start = _layout(first)
    header = [_name(cell) for cell in first[0][1]] if start else None
    found: list[ImportedCheckIn] = []
    left_out: list[Skipped] = []
    for line, cells in chain(first[start:], rows):
        if header is not None and _name(cells[0]) == header[0] and [_name(c) for c in cells] == header:
            continue
        row = _checkin(cells, columns, moods)
        if isinstance(row, str):
            left_out.append(skipped(line, row))
        else:
            found.append(row)
    if not found and left_out:
        raise nothing_readable(left_out[0])
    keys = numbered_keys(c.key for c in found)
    found = [c if c.key == key else replace(c, key=key) for c, key in zip(found, keys, strict=True)]
    labels = _distinct(c.mood_label for c in found if c.mood_label)
    unmapped = tuple(label for label in labels if _norm(label) not in moods)
    found.sort(key=lambda c: c.at)
    return Parsed(checkins=tuple(found), skipped=tuple(left_out),
                  labels=labels, unmapped=unmapped, detected=f"daylio-csv-{version}")


_HINT = msg("A Daylio export is the CSV file that Daylio\u2019s own export makes.")


def _mood_table(mood_map: Mapping[str, int | None] | None) -> dict[str, int | None]:
    table: dict[str, int | None] = dict(DEFAULT_MOODS)
    for label, value in (mood_map or {}).items():
        try:
            table[_norm(label)] = None if value is None else parse_mood(value)
        except InvalidInput as error:
            raise InvalidInput({"mood_map": error.fields["mood"]}) from None
    return table


def _norm(label: str) -> str:
    return " ".join(label.split()).casefold()


def _name(cell: str) -> str:
    return "_".join(cell.replace("\ufeff", "").split()).casefold()


# The lines of a text as a file opened with newline="" gives them: split after \n, \r or \r\n only.
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")
_FIRST_LINE = re.compile(r"[\r\n]*([^\n]*)")


def _rows(text: str, max_rows: int) -> Iterator[tuple[int, list[str]]]:
    """(first line, cells) of every non-blank row, the separator sniffed from the first line."""
    first_line = _FIRST_LINE.match(text)[1]  # type: ignore[index]
    separator = max(_SEPARATORS, key=first_line.count)
    if first_line.count(",") >= 6 or first_line.count(separator) < 6:
        separator = ","
    # Line by line, never a copy of the whole text (io.StringIO would hold four bytes a character).
    reader = csv.reader((match[0] for match in _LINE.finditer(text)), delimiter=separator)
    line = count = 1
    try:
        for cells in reader:
            if any(cell.strip() for cell in cells):
                if count > max_rows:
                    raise too_many(max_rows, msg("rows"))
                count += 1
                yield line, cells
            line = reader.line_num + 1
    except csv.Error:
        raise UnreadableFile(msg(
            "Line %(line)s can\u2019t be read as CSV (a field is far too long, or its quotes are "
            "unbalanced). Nothing was imported.", line=line), line=line, reason="csv") from None


def _layout(rows: Sequence[tuple[int, list[str]]]) -> tuple[dict[str, int], str, int]:
    """Column positions, the export version, and where the data rows start (0 or 1)."""
    names = [_name(cell) for cell in rows[0][1]]
    if {"time", "mood"} <= set(names) and ("full_date" in names or {"year", "date"} <= set(names)):
        columns: dict[str, int] = {}
        for index, name in enumerate(names):
            if name in _KNOWN:
                columns.setdefault(name, index)
        return columns, _version(columns), 1
    first = rows[0][1]
    shape = _positional(first)
    start = 0
    if shape is None and len(rows) > 1:
        shape = _positional(rows[1][1])
        # A first row with digits is a damaged data row; without, a header in another language.
        start = 0 if any(char.isdigit() for char in first[0]) else 1
    if shape:
        return {name: index for index, name in enumerate(shape)}, _version(shape), start
    raise UnreadableFile(msg(
        "This doesn\u2019t look like a Daylio export: line %(line)s doesn\u2019t have its columns "
        "(date, time, mood, activities, note). Nothing was imported.", line=rows[0][0]),
        line=rows[0][0], reason="columns")


def _positional(cells: Sequence[str]) -> tuple[str, ...] | None:
    if len(cells) < len(V1):
        return None
    if iso_day(cells[0]):
        return V3 if len(cells) >= len(V3) else V2
    return V1 if _YEAR.fullmatch(cells[0]) else None


def _version(columns: Mapping[str, int] | Sequence[str]) -> str:
    if "full_date" not in columns:
        return "v1"
    return "v3" if "note_title" in columns else "v2"


def _checkin(cells: list[str], columns: Mapping[str, int],
             moods: Mapping[str, int | None]) -> ImportedCheckIn | str:
    """One check-in, or the reason code for leaving the row out."""
    if len(cells) <= max(columns.get(name, 0) for name in ("full_date", "year", "time", "mood")):
        return "columns"
    cell = {name: cells[index] if index < len(cells) else "" for name, index in columns.items()}
    day = iso_day(cell["full_date"]) if "full_date" in cell else _v1_day(
        cell["year"], cell.get("date", ""), cell.get("weekday", ""))
    if day is None:
        return "date"
    clock = clock_time(cell["time"])
    if clock is None:
        return "time"
    at = datetime.combine(day, clock)
    label = " ".join(cell["mood"].split())
    activities = tuple(dict.fromkeys(
        part.strip() for part in cell.get("activities", "").split("|") if part.strip()))
    note, title = _plain(tidy(cell.get("note", ""))), tidy(cell.get("note_title", ""))
    key = content_key("daylio", at, label.casefold(), sorted(a.casefold() for a in activities), title, note)
    return ImportedCheckIn(at=at, mood=moods.get(_norm(label)), mood_label=label,
                           activities=activities, note=note, note_title=title, key=key)


def _v1_day(year_text: str, day_text: str, weekday_text: str) -> date | None:
    """The day of a v1 row: a year plus a localised day and month, checked by the weekday."""
    if not _YEAR.fullmatch(year_text) or int(year_text) < OLDEST_YEAR:
        return None
    year = int(year_text)
    words = _WORDS.findall(day_text.casefold().replace(".", " "))
    numbers = [int(word) for word in words if word.isdigit() and len(word) <= 2]
    month = next((_MONTHS[word] for word in words if word in _MONTHS), None)
    if month and numbers:
        pairs = [(month, numbers[0])]
    elif len(numbers) == 2:
        pairs = [(numbers[1], numbers[0]), (numbers[0], numbers[1])]
    elif len(numbers) == 1:
        pairs = [(m, numbers[0]) for m in range(1, 13)]
    else:
        return None
    candidates = [day for day in (_day(year, m, d) for m, d in pairs) if day]
    weekday = _WEEKDAYS.get(weekday_text.strip().casefold().rstrip("."))
    if weekday is not None and len(candidates) > 1:
        candidates = [day for day in candidates if day.weekday() == weekday]
    if month and candidates:
        return candidates[0]
    return candidates[0] if len(candidates) == 1 else None


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _plain(note: str) -> str:
    """A note without Daylio's HTML-ish markup, entities decoded; plain notes are untouched."""
    if "<" not in note or not _MARKUP.search(note):
        return note

    def replace_tag(match: re.Match[str]) -> str:
        closing, name = match[1], match[2].lower()
        if name == "br":
            return "\n"
        if name == "li":
            return "" if closing else "\n- "
        return "\n" if name in _BLOCKS else ""

    text = html.unescape(_MARKUP.sub(replace_tag, note)).replace("\u00a0", " ")
    lines = [line.rstrip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _distinct(labels: Iterable[str]) -> tuple[str, ...]:
    """Labels in order of first appearance, one per spelling that differs only in case."""
    seen: dict[str, str] = {}
    for label in labels:
        seen.setdefault(_norm(label), label)
    return tuple(seen.values())

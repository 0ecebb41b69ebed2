"""Check-ins and habits as spreadsheet files: one row per check-in, one row per day of habits.

Version 1 of both files (columns in docs/export-format.md):

    checkins.csv  date,time,mood,cant_tell,feel,emotions,body,flicker,note,detached,struggling
    habits.csv    date,sleep_hours,sleep_quality,meals,movement_minutes,numbing

- UTF-8 with a byte-order mark (so Excel reads accents and emoji), CRLF line ends, RFC 4180
  quoting (a field with a comma, a quote or a line break is quoted, quotes doubled).
- Dates and times are the person's local ones ("2026-03-10", "09:05"); "not answered" is an
  empty cell; yes/no columns say "yes" or "no"; numbers use a dot.
- emotions: "grief:4; calm" (word, then the intensity 1-5 when given); body: "chest:tight";
  numbing: "alcohol:some:to cope; screens" (kind, amount when noted, "to cope" when ticked).
- A free-text cell that starts with = + - @ or a tab gets a leading apostrophe, so a
  spreadsheet shows it as text instead of running it as a formula (OWASP CSV injection).
  The JSON export keeps every text exactly.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, time
from decimal import Decimal

CHECKIN_COLUMNS = ("date", "time", "mood", "cant_tell", "feel", "emotions", "body", "flicker", "note",
                   "detached", "struggling")
HABIT_COLUMNS = ("date", "sleep_hours", "sleep_quality", "meals", "movement_minutes", "numbing")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class CheckInRow:
    """One check-in at its local day and time; `mood` None means "can't tell"."""

    day: date
    clock: time
    mood: int | None
    feel: int | None
    emotions: tuple[tuple[str, int | None], ...] = ()
    body: tuple[tuple[str, str], ...] = ()
    flicker: str = ""
    note: str = ""
    detached: bool = False
    struggling: bool = False


@dataclass(frozen=True)
class NumbingNote:
    kind: str
    amount: str = ""
    to_cope: bool = False


@dataclass(frozen=True)
class HabitsRow:
    """One local day: sleep, meals and movement (None: not noted), and its numbing notes."""

    day: date
    sleep_hours: Decimal | float | None = None
    sleep_quality: int | None = None
    meals: int | None = None
    movement_minutes: int | None = None
    numbing: tuple[NumbingNote, ...] = ()


def _table(header: Iterable[str], rows: Iterable[Iterable[object]]) -> Iterator[bytes]:
    """The file a row at a time: the byte-order mark with the header, then each row."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header)
    yield b"\xef\xbb\xbf" + _taken(buffer)
    for row in rows:
        writer.writerow(row)
        yield _taken(buffer)


def _taken(buffer: io.StringIO) -> bytes:
    """What the buffer holds, as UTF-8; the buffer is emptied."""
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text.encode("utf-8", "replace")


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Decimal | float):
        return f"{Decimal(str(value)).normalize():f}"
    return str(value)


def _text(value: str) -> str:
    """Free text as a spreadsheet will show it, never as a formula."""
    return f"'{value}" if value.startswith(_FORMULA_START) else value


def checkins_csv(rows: Iterable[CheckInRow]) -> bytes:
    """checkins.csv, version 1: one row per check-in, in the order given."""
    return b"".join(checkins_csv_pieces(rows))


def checkins_csv_pieces(rows: Iterable[CheckInRow]) -> Iterator[bytes]:
    """`checkins_csv` a row at a time, taking the rows as they come."""
    return _table(CHECKIN_COLUMNS, (
        (row.day.isoformat(), row.clock.strftime("%H:%M"), _cell(row.mood), _cell(row.mood is None),
         _cell(row.feel),
         "; ".join(word if level is None else f"{word}:{level}" for word, level in row.emotions),
         "; ".join(f"{region}:{sensation}" for region, sensation in row.body),
         _text(row.flicker), _text(row.note), _cell(row.detached), _cell(row.struggling))
        for row in rows))


def _numbing(note: NumbingNote) -> str:
    parts = [note.kind] + ([note.amount] if note.amount else []) + (["to cope"] if note.to_cope else [])
    return ":".join(parts)


def habits_csv(rows: Iterable[HabitsRow]) -> bytes:
    """habits.csv, version 1: one row per day that has habits or numbing noted."""
    return b"".join(habits_csv_pieces(rows))


def habits_csv_pieces(rows: Iterable[HabitsRow]) -> Iterator[bytes]:
    """`habits_csv` a row at a time, taking the rows as they come."""
    return _table(HABIT_COLUMNS, (
        (row.day.isoformat(), _cell(row.sleep_hours), _cell(row.sleep_quality), _cell(row.meals),
         _cell(row.movement_minutes), "; ".join(_numbing(n) for n in row.numbing))
        for row in rows))

"""What every reader of `thawing.core.formats` shares: the records they return, the limits,
the kind refusals, and helpers for text, days, times and keys (see the package docstring).

The registry in `__init__` imports the readers, and the readers import this module, never the
registry, so nothing runs in a circle.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time

from thawing.core.errors import ThawingError
from thawing.core.i18n import Message, msg
from thawing.core.mood import OLDEST_YEAR


class UnreadableFile(ThawingError):
    """A file that cannot be imported at all; `line` (1-based) and `reason` say where and why."""

    def __init__(self, message: str, *, line: int | None = None, reason: str = "") -> None:
        super().__init__(message)
        self.line = line
        self.reason = reason


@dataclass(frozen=True)
class ImportedCheckIn:
    at: datetime
    mood: int | None
    mood_label: str
    activities: tuple[str, ...]
    note: str
    note_title: str
    key: str


@dataclass(frozen=True)
class ImportedEntry:
    at: datetime
    title: str
    body: str
    tags: tuple[str, ...]
    starred: bool
    key: str


@dataclass(frozen=True)
class Skipped:
    """A row or entry left out: where it starts, a reason code, and a kind sentence."""

    line: int
    reason: str
    message: str


@dataclass(frozen=True)
class Parsed:
    """What a reader found; `unmapped` are mood labels that still need a 1-10 value."""

    checkins: tuple[ImportedCheckIn, ...] = ()
    entries: tuple[ImportedEntry, ...] = ()
    skipped: tuple[Skipped, ...] = ()
    labels: tuple[str, ...] = ()
    unmapped: tuple[str, ...] = ()
    detected: str = ""


Reader = Callable[..., Parsed]

# Rows, entries or records one import takes: a decade of several check-ins a day is about
# 15,000 rows, and Thawing's own decade benchmark about 11,000 check-ins.
MAX_RECORDS = 100_000
# Values (strings, numbers, arrays, objects, keys) in a JSON file: the JSON reader builds them all
# at once, at about 30-60 bytes each, so this keeps that under about 150 MB.
MAX_JSON_VALUES = 2_500_000
_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')

# Reason codes of `Skipped` and `UnreadableFile`, each with the sentence shown for it.
REASONS: dict[str, Message] = {
    "date": msg("the date isn\u2019t one I can read."),
    "time": msg("the time isn\u2019t one I can read."),
    "columns": msg("it doesn\u2019t have the columns I expect."),
    "entry": msg("it isn\u2019t shaped like an entry."),
    "empty": msg("it has no words in it."),
}


def skipped(line: int, reason: str) -> Skipped:
    """A left-out row, told kindly; never quotes the row."""
    return Skipped(line, reason, msg("Line %(line)s was left out: %(why)s", line=line, why=REASONS[reason]))


def too_many(limit: int, what: Message) -> UnreadableFile:
    """The error for a file beyond an import's size: kind, with what to do instead."""
    return UnreadableFile(msg(
        "That\u2019s more than Thawing can take in one go: this file has more than %(limit)s %(what)s. "
        "Please split it into smaller files (a few years each) and import them one after another; "
        "nothing is imported twice. Nothing was imported.", limit=f"{limit:,}", what=what), reason="too_many")


def check_json_size(text: str, limit: int = MAX_JSON_VALUES) -> None:
    """UnreadableFile when a JSON text holds more than `limit` values, counted without building them.

    Every value but the first follows a comma, a colon or an opening bracket outside a string; the
    quick count includes those inside strings too, and only a file over the limit by it is
    counted again with its strings left out.
    """
    if _separators(text) <= limit or _separators(_JSON_STRING.sub("", text)) <= limit:
        return
    raise too_many(limit, msg("values"))


def _separators(text: str) -> int:
    return text.count(",") + text.count(":") + text.count("[") + text.count("{")


def nothing_readable(first: Skipped) -> UnreadableFile:
    """The error for a file whose every row had to be left out, naming the first one."""
    return UnreadableFile(
        msg("I couldn\u2019t read anything in this file. The first problem is on line %(line)s: "
            "%(why)s Nothing was imported.", line=first.line, why=REASONS[first.reason]),
        line=first.line, reason=first.reason)


# Byte-order marks, longest first: UTF-32 LE starts with the same bytes as UTF-16 LE.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_WORDS = re.compile(r"[^ \t\r\n\ufeff]")
# A stray control character in a note is noise; this share of them means it isn't text.
_BINARY_SHARE = 0.02


def _line_at(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def decode_text(data: bytes, *, fallback: str | None, hint: Message | None = None) -> str:
    """The file as text: a BOM decides, else UTF-8, else `fallback` (a legacy code page)."""
    encoding = next((name for bom, name in _BOMS if data.startswith(bom)), None)
    try:
        text = data.decode(encoding or "utf-8")
    except UnicodeDecodeError as error:
        text = _decode_fallback(data, fallback, error, encoding, hint)
    if not _WORDS.search(text):
        raise UnreadableFile(msg("This file is empty, so there is nothing to import."), reason="empty")
    if _more_than(_CONTROL, text, _BINARY_SHARE * len(text)):
        raise UnreadableFile(joined_hint(msg(
            "This file doesn\u2019t look like text, so I can\u2019t read it. Nothing was imported."), hint),
            reason="binary")
    return text


def _more_than(pattern: re.Pattern[str], text: str, limit: float) -> bool:
    """True when `pattern` matches more than `limit` times; stops counting there."""
    found = 0
    for _ in pattern.finditer(text):
        found += 1
        if found > limit:
            return True
    return False


def _decode_fallback(data: bytes, fallback: str | None, error: UnicodeDecodeError,
                     encoding: str | None, hint: Message | None) -> str:
    if fallback and encoding is None:
        try:
            return data.decode(fallback)
        except UnicodeDecodeError:
            pass
    if encoding not in (None, "utf-8-sig"):
        raise UnreadableFile(joined_hint(msg(
            "This file isn\u2019t text I can read. Nothing was imported."), hint), reason="encoding")
    line = _line_at(data, error.start)
    raise UnreadableFile(joined_hint(msg(
        "This file isn\u2019t text I can read (line %(line)s is not UTF-8). Nothing was imported.",
        line=line), hint), line=line, reason="encoding")


def joined_hint(message: Message, hint: Message | None) -> Message:
    """A message followed by a format's own advice, both translatable."""
    return message if hint is None else msg("%(message)s %(hint)s", message=message, hint=hint)


# 12-hour clocks that name the half of the day in words, often before the time (unverified).
_MERIDIEM = {"\uc624\uc804": "am", "\uc624\ud6c4": "pm", "\u4e0a\u5348": "am", "\u4e0b\u5348": "pm",
             "\u5348\u524d": "am", "\u5348\u5f8c": "pm"}
_ISO_DAY = re.compile(r"\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\s*")
_CLOCK = re.compile(
    r"\s*(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?\s*(?:([ap])\.?\s*m\.?)?\s*", re.IGNORECASE)


def iso_day(text: object) -> date | None:
    """A day written YYYY-MM-DD (or with / or .); `None` if unreadable or before 1900."""
    match = _ISO_DAY.fullmatch(text) if isinstance(text, str) else None
    if not match:
        return None
    try:
        day = date(*(int(part) for part in match.groups()))
    except ValueError:
        return None
    return day if day.year >= OLDEST_YEAR else None


def clock_time(text: object) -> time | None:
    """A wall-clock time, 24-hour ("20:39") or 12-hour ("9:05 pm", "09:05 P.M."); `None` if not."""
    if not isinstance(text, str):
        return None
    # Android writes a narrow no-break space before AM/PM; other spaces come from spreadsheets.
    text = text.replace("\u202f", " ").replace("\u00a0", " ")
    for word, half in _MERIDIEM.items():
        if word in text:
            text = f"{text.replace(word, ' ')} {half}"
            break
    match = _CLOCK.fullmatch(text)
    if not match:
        return None
    hour, minute, second = int(match[1]), int(match[2]), int(match[3] or 0)
    if match[4]:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if match[4].lower() == "p" else 0)
    if hour > 23 or minute > 59 or second > 59:
        return None
    return time(hour, minute, second)


def tidy(text: str) -> str:
    """Free text with one kind of line ending, no NUL characters and no surrounding space."""
    return whole(text).replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "").strip()


def whole(text: str) -> str:
    """Text that can be stored: a lone surrogate (JSON allows "\\ud800") becomes "?"."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "replace").decode("utf-8")
    return text


def content_key(kind: str, at: datetime, *fields: str | Iterable[str]) -> str:
    """SHA-256 hex of a record's normalised content; the moment counts to the minute."""
    parts: list[str] = [kind, at.replace(second=0, microsecond=0).isoformat(timespec="minutes")]
    for field in fields:
        if isinstance(field, str):
            parts.append(field)
        else:
            items = list(field)
            parts.append(str(len(items)))
            parts.extend(items)
    # Each part is length-prefixed, so no text can pass for a boundary between two fields.
    encoded = [unicodedata.normalize("NFC", part).encode("utf-8", "surrogatepass") for part in parts]
    return hashlib.sha256(b"".join(len(e).to_bytes(8, "big") + e for e in encoded)).hexdigest()


def numbered_keys(keys: Iterable[str]) -> list[str]:
    """Keys made unique by occurrence: the first stays, the n-th repeat mixes in its number."""
    seen: Counter[str] = Counter()
    unique = []
    for key in keys:
        seen[key] += 1
        count = seen[key]
        unique.append(key if count == 1 else hashlib.sha256(f"{key}#{count}".encode()).hexdigest())
    return unique


_JSON_SPACE = re.compile(r"[ \t\n\r]*")


def json_item_lines(text: str, count: int, *, key: str = "entries") -> list[int]:
    """The line on which each item of a valid JSON export starts: of the list under `key`, of a
    bare list, or the document itself; 1 for all when the count differs."""
    try:
        offsets = _item_offsets(text, key)
    except (ValueError, RecursionError):
        offsets = []
    if len(offsets) != count:
        return [1] * count
    lines, line, previous = [], 1, 0
    for offset in offsets:
        line += text.count("\n", previous, offset)
        lines.append(line)
        previous = offset
    return lines


def _skip_space(text: str, pos: int) -> int:
    match = _JSON_SPACE.match(text, pos)
    return match.end() if match else pos


def _item_offsets(text: str, wanted: str) -> list[int]:
    decoder = json.JSONDecoder()
    pos = _skip_space(text, 0)
    if text.startswith("[", pos):
        return _array_offsets(text, pos, decoder)[0]
    offsets: list[int] = [pos]
    pos = _skip_space(text, pos + 1)
    while text.startswith('"', pos):
        key, pos = decoder.raw_decode(text, pos)
        pos = _skip_space(text, _skip_space(text, pos) + 1)
        if key == wanted and text.startswith("[", pos):
            offsets, pos = _array_offsets(text, pos, decoder)
        else:
            pos = decoder.raw_decode(text, pos)[1]
        pos = _skip_space(text, pos)
        if text.startswith(",", pos):
            pos = _skip_space(text, pos + 1)
    return offsets


def _array_offsets(text: str, pos: int, decoder: json.JSONDecoder) -> tuple[list[int], int]:
    offsets = []
    pos = _skip_space(text, pos + 1)
    while pos < len(text) and not text.startswith("]", pos):
        offsets.append(pos)
        pos = _skip_space(text, decoder.raw_decode(text, pos)[1])
        if text.startswith(",", pos):
            pos = _skip_space(text, pos + 1)
    return offsets, pos + 1

"""jrnl reader: its JSON export, and journals in its own text format (jrnl-org/jrnl).

Versions (see ../shared/reference/formats.md 4b):

    json       `jrnl --format json` (`--export json` before 2.5): {"tags": {"@tag": n},
               "entries": [{"title", "body", "date": "%Y-%m-%d", "time": "%H:%M",
               "tags": ["@tag"], "starred": bool, optional "uuid" and "creator"}]}.
               One entry's JSON (an object with "date") and a bare list of entries are read
               too; an entry without "tags" gets them from its text, without "time" midday.
               This export does not depend on the person's settings: the recommended path.
    text       jrnl 2.x+ journal file and `--format txt`: each entry is `[<timeformat>] <title>`,
               then its body lines, then a blank line. A title ending in "*" is starred.
    text-1.x   jrnl 1.x journal file: the same without brackets, `<timeformat> <title>`.
    markdown   `--format md`: `# YYYY`, `## Month`, `### <timeformat> <title>`, then the body
               with its headings pushed down one level (undone here); the one-file-per-entry
               form uses `# <timeformat> <title>`.
    encrypted  jrnl v1 (AES-CBC, binary), v2 (a Fernet token, base64 "gAAAAA...") and v3
               (prefix `JRNLv3`) are recognised and refused kindly: export with jrnl first.

Timestamps in text and Markdown follow the person's `timeformat`. Without `time_format`, each
is tried as jrnl's documented `%Y-%m-%d %H:%M`, its config default `%F %r`
(`2020-06-28 06:22:00 PM`), `%Y-%m-%d %H:%M:%S` and `%Y-%m-%d %I:%M %p`. A `time_format`
(strftime; the GNU shorthands `%F %T %R %r %D %e` and `%-d` are understood) is then the only one.
A bracketed line whose date cannot be read is left out and listed, never glued to the entry
before it; "[1] a footnote" (nothing date-like inside) stays body text, as in jrnl.

Title and body are split as jrnl splits them: the title is the first line or, in a one-line
entry, its first sentence. Tags are words starting with `@` or `#` (jrnl's default
`tagsymbols`), kept in lower case without the symbol.

The key of an entry is the SHA-256 of its moment (to the minute), title and body, so the same
journal read from its JSON export or from its text file gives the same keys.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from datetime import datetime, time
from typing import Any

from thawing.core.errors import InvalidInput
from thawing.core.formats.common import (
    MAX_RECORDS,
    ImportedEntry,
    Parsed,
    Skipped,
    UnreadableFile,
    check_json_size,
    clock_time,
    content_key,
    decode_text,
    iso_day,
    json_item_lines,
    nothing_readable,
    numbered_keys,
    skipped,
    tidy,
    too_many,
    whole,
)
from thawing.core.i18n import msg
from thawing.core.mood import OLDEST_YEAR

DEFAULT_FORMATS = ("%Y-%m-%d %H:%M", "%Y-%m-%d %I:%M:%S %p", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %I:%M %p")
# Thawing places a bare date at midday, which stays inside the day in every time zone.
MIDDAY = time(12, 0)
_SAMPLE = datetime(2001, 2, 3, 16, 5, 6)
_GNU = {"F": "%Y-%m-%d", "T": "%H:%M:%S", "R": "%H:%M", "r": "%I:%M:%S %p", "D": "%m/%d/%y",
        "e": "%d", "h": "%b"}
_DIRECTIVE = re.compile(r"%(-?)(.)", re.DOTALL)
_FERNET = re.compile(rb"\s*gAAAAA[A-Za-z0-9_\-]+=*\s*")
_JSON_START = re.compile(r"\{|\[\s*[{\]]")
_JSON_SPACE = re.compile(r"\s*")
_BRACKETED = re.compile(r"^\[([^\]\n]+)\][ \t]?", re.MULTILINE)
_HEADING = re.compile(r"^(#{1,3}) (.*)$", re.MULTILINE)
_DIGIT_LINE = re.compile(r"^\d.*$", re.MULTILINE)
# A date and a clock time: brackets or headings holding both start an entry even when unreadable.
_STAMPISH = re.compile(r"(?=.*\d{1,4}[-/.]\d{1,2})(?=.*\d{1,2}:\d{2})")
_TAG = re.compile(r"(?<!\S)[#@][-+*#/\w]+")
# The end of a first sentence, as jrnl finds it: a terminal, an optional closing quote and
# brackets, then space; CJK full stops need no space after them.
_SENTENCE_END = re.compile(
    "[.!?\u2026\u203c\u203d\u2047\u2048\u2049\u22ef\ufe52\ufe57]['\u2019\"\u201d]?[\\])]*\\s+"
    "|[\uff01\uff0e\uff1f\uff61\u3002]")

ENTRIES = msg("entries")
_EXPORT_HINT = msg(
    "If it is an encrypted jrnl journal, export it first with \u201cjrnl --format json > journal.json\u201d "
    "(older jrnl: \u201cjrnl --export json\u201d) and import that file.")
_ENCRYPTED = msg(
    "This jrnl journal is encrypted, so I can\u2019t read it. In jrnl, export it first with "
    "\u201cjrnl --format json > journal.json\u201d (older jrnl: \u201cjrnl --export json\u201d), then "
    "import that file. Nothing was imported.")


@dataclass(frozen=True)
class _Format:
    pattern: str
    words: int


@dataclass(frozen=True)
class _Block:
    """One entry of a text journal: where it starts, its moment (`None`: unreadable), its text."""

    line: int
    moment: datetime | None
    text: str


def read(data: bytes, *, time_format: str | None = None, max_entries: int = MAX_RECORDS) -> Parsed:
    """Journal entries from a jrnl JSON export or text journal, oldest first; a file of more than
    `max_entries` entries is refused as soon as the one after the last it may hold is found."""
    formats = _formats(time_format)
    if data.lstrip().startswith(b"JRNLv3") or _FERNET.fullmatch(data):
        raise UnreadableFile(_ENCRYPTED, reason="encrypted")
    text = decode_text(data, fallback=None, hint=_EXPORT_HINT)
    text = text.lstrip("\ufeff")
    if _JSON_START.match(text, _JSON_SPACE.match(text).end()):  # type: ignore[union-attr]
        return _read_json(text, max_entries)
    return _read_text(text.replace("\r\n", "\n").replace("\r", "\n"), formats, max_entries)


# ---------------------------------------------------------------- time formats


def _formats(time_format: str | None) -> tuple[_Format, ...]:
    """The formats to try, those with the most words first so "09:05:00 PM" beats "09:05:00"."""
    patterns = DEFAULT_FORMATS if time_format is None else (_checked(_expanded(time_format)),)
    found = [_Format(pattern, len(_SAMPLE.strftime(pattern).split(" "))) for pattern in patterns]
    return tuple(sorted(found, key=lambda f: -f.words))


def _expanded(time_format: str) -> str:
    """GNU strftime shorthands spelled out, as Python's strptime needs them."""
    def spell(match: re.Match[str]) -> str:
        letter = match[2]
        return _GNU.get(letter, "%" + letter)

    return _DIRECTIVE.sub(spell, time_format)


def _checked(pattern: str) -> str:
    try:
        back = datetime.strptime(_SAMPLE.strftime(pattern), pattern)
    except (ValueError, TypeError, OverflowError):
        back = None
    if back is None or back.date() != _SAMPLE.date():
        raise InvalidInput({"time_format": msg(
            "That time format isn\u2019t one I can use. It needs the year, month and day, like "
            "jrnl\u2019s own %Y-%m-%d %H:%M.")})
    return pattern


def _moment(text: str, formats: tuple[_Format, ...]) -> datetime | None:
    for fmt in formats:
        try:
            moment = datetime.strptime(text, fmt.pattern)
        except (ValueError, OverflowError):
            continue
        return moment if moment.year >= OLDEST_YEAR else None
    return None


def _dated_line(line: str, formats: tuple[_Format, ...]) -> tuple[datetime, str] | None:
    """The moment a line starts with and the rest of the line, for headings without brackets."""
    words = line.split(" ")
    for fmt in formats:
        if len(words) >= fmt.words:
            moment = _moment(" ".join(words[:fmt.words]), (fmt,))
            if moment:
                return moment, " ".join(words[fmt.words:])
    return None


# ---------------------------------------------------------------- JSON export


def _read_json(text: str, limit: int) -> Parsed:
    check_json_size(text)
    try:
        document = json.loads(text)
    except RecursionError:
        raise UnreadableFile(msg(
            "This JSON is nested too deeply to be a jrnl export. Nothing was imported."),
            reason="json") from None
    except ValueError as error:
        line = getattr(error, "lineno", 1)
        raise UnreadableFile(msg(
            "This looks like JSON, but it stops making sense on line %(line)s. Nothing was "
            "imported.", line=line), line=line, reason="json") from None
    items = _json_items(document)
    if len(items) > limit:
        raise too_many(limit, ENTRIES)
    lines = json_item_lines(text, len(items))
    found: list[ImportedEntry] = []
    left_out: list[Skipped] = []
    for line, item in zip(lines, items, strict=True):
        entry = _json_entry(item)
        if isinstance(entry, str):
            left_out.append(skipped(line, entry))
        else:
            found.append(entry)
    return _parsed(found, left_out, "jrnl-json")


def _json_items(document: object) -> list[object]:
    if isinstance(document, dict) and isinstance(document.get("entries"), list):
        return list(document["entries"])
    if isinstance(document, dict) and "date" in document:
        return [document]
    if isinstance(document, list):
        return document
    raise UnreadableFile(msg(
        "This JSON isn\u2019t a jrnl export: it has no list of entries. Export from jrnl with "
        "\u201cjrnl --format json\u201d. Nothing was imported."), line=1, reason="json")


def _json_entry(item: object) -> ImportedEntry | str:
    """One entry, or the reason code for leaving it out."""
    if not isinstance(item, dict) or not {"title", "body", "date"} & item.keys():
        return "entry"
    title, body = item.get("title"), item.get("body")
    if not all(value is None or isinstance(value, str) for value in (title, body)):
        return "entry"
    title, body = tidy(title or ""), tidy(body or "")
    at = _json_moment(item.get("date"), item.get("time"))
    if isinstance(at, str):
        return at
    if not title and not body:
        return "empty"
    tags = item.get("tags")
    starred = item.get("starred")
    listed = [tag for tag in tags if isinstance(tag, str)] if isinstance(tags, list) else None
    return _entry(at, title, body, _tags(f"{title}\n{body}") if listed is None else _clean_tags(listed),
                  starred is True or (isinstance(starred, str) and starred.strip().lower() == "true"))


def _json_moment(day_text: object, time_text: object) -> datetime | str:
    if isinstance(day_text, str) and len(day_text.strip()) > len("2024-03-01"):
        try:
            moment = datetime.fromisoformat(day_text.strip()).replace(tzinfo=None)
        except ValueError:
            return "date"
        if moment.year < OLDEST_YEAR:
            return "date"
        if time_text is None or time_text == "":
            return moment
        day = moment.date()
    else:
        found = iso_day(day_text)
        if found is None:
            return "date"
        day = found
    clock = MIDDAY if time_text is None or time_text == "" else clock_time(time_text)
    return datetime.combine(day, clock) if clock else "time"


# ---------------------------------------------------------------- text journals


def _read_text(text: str, formats: tuple[_Format, ...], limit: int) -> Parsed:
    detected, blocks, preamble = _blocks(text, formats, limit)
    found: list[ImportedEntry] = []
    left_out = [skipped(1, "entry")] if preamble.strip() else []
    for block in blocks:
        entry = _text_entry(block)
        if isinstance(entry, str):
            left_out.append(skipped(block.line, entry))
        else:
            found.append(entry)
    if not found and left_out and all(s.reason == "date" for s in left_out):
        first = left_out[0]
        raise UnreadableFile(msg(
            "I found jrnl entries but couldn\u2019t read their dates; the first is on line %(line)s. "
            "If your jrnl uses its own timeformat, give it as the time format. Nothing was "
            "imported.", line=first.line), line=first.line, reason="date")
    return _parsed(found, left_out, detected)


def _blocks(text: str, formats: tuple[_Format, ...], limit: int) -> tuple[str, list[_Block], str]:
    """The entries of the first text form that finds any, that form's name, and the preamble."""
    for detected, blocks_of in (("jrnl-text", _bracketed), ("jrnl-markdown", _markdown),
                                ("jrnl-text-1.x", _legacy)):
        blocks, preamble = blocks_of(text, formats, limit)
        if blocks:
            return detected, blocks, preamble
    raise UnreadableFile(msg(
        "I couldn\u2019t find any jrnl entries in this file. Each jrnl entry starts with its "
        "date and time, like [2024-03-01 09:05]. If your jrnl uses its own timeformat, give "
        "it as the time format; or export from jrnl with \u201cjrnl --format json\u201d. "
        "Nothing was imported."), line=1, reason="date")


class _Lines:
    """Line numbers of increasing offsets, counted once through the text."""

    def __init__(self, text: str) -> None:
        self.text, self.offset, self.line = text, 0, 1

    def at(self, offset: int) -> int:
        self.line += self.text.count("\n", self.offset, offset)
        self.offset = offset
        return self.line


def _bracketed(text: str, formats: tuple[_Format, ...], limit: int) -> tuple[list[_Block], str]:
    heads = []
    for match in _BRACKETED.finditer(text):
        moment = _moment(match[1].strip(), formats)
        # Like jrnl, "[1] a footnote" is body text; an unreadable timestamp starts a skipped entry.
        if moment or _STAMPISH.match(match[1]):
            _count(heads, limit)
            heads.append((match, moment))
    lines = _Lines(text)
    blocks = []
    for number, (match, moment) in enumerate(heads):
        end = heads[number + 1][0].start() if number + 1 < len(heads) else len(text)
        blocks.append(_Block(lines.at(match.start()), moment, text[match.end():end]))
    return blocks, text[:heads[0][0].start()] if heads else text


def _markdown(text: str, formats: tuple[_Format, ...], limit: int) -> tuple[list[_Block], str]:
    heads = []
    for match in _HEADING.finditer(text):
        level, rest = len(match[1]), match[2]
        dated = _dated_line(rest, formats)
        if dated or (level == 3 and _STAMPISH.match(rest)):
            _count(heads, limit)
            heads.append((match, level, dated[0], dated[1]) if dated else (match, level, None, ""))
    lines = _Lines(text)
    blocks = []
    for number, (match, level, moment, title) in enumerate(heads):
        end = heads[number + 1][0].start() if number + 1 < len(heads) else len(text)
        body = _unpushed(text[match.end():end], level)
        blocks.append(_Block(lines.at(match.start()), moment, title + body))
    preamble = text[:heads[0][0].start()] if heads else text
    return blocks, re.sub(r"(?m)^#{1,2} .*$", "", preamble)


def _count(found: list[Any], limit: int) -> None:
    """Refuse the file when one more entry would take it beyond `limit`."""
    if len(found) >= limit:
        raise too_many(limit, ENTRIES)


def _unpushed(body: str, level: int) -> str:
    """A Markdown entry's body as written: year/month headings gone, body headings raised."""
    kept = []
    for line in body.split("\n"):
        if level == 3 and re.match(r"#{1,2} ", line):
            continue
        kept.append(line[level:] if line.startswith("#" * (level + 1)) else line)
    return "\n".join(kept)


def _legacy(text: str, formats: tuple[_Format, ...], limit: int) -> tuple[list[_Block], str]:
    """jrnl 1.x: an entry starts on a line that begins with its moment; read by offsets, so the
    journal is never held a second time as a list of lines."""
    heads = []
    for match in _DIGIT_LINE.finditer(text):
        dated = _dated_line(match[0].rstrip(), formats)
        if dated:
            _count(heads, limit)
            heads.append((match, dated))
    lines = _Lines(text)
    blocks = []
    for number, (match, (moment, title)) in enumerate(heads):
        # The entry's lines after its first run up to the line before the next entry.
        end = heads[number + 1][0].start() - 1 if number + 1 < len(heads) else len(text)
        rest = f"\n{text[match.end() + 1:end]}" if match.end() < end else ""
        blocks.append(_Block(lines.at(match.start()), moment, title + rest))
    return blocks, text[:max(heads[0][0].start() - 1, 0)] if heads else text


def _text_entry(block: _Block) -> ImportedEntry | str:
    if block.moment is None:
        return "date"
    title, body, starred = _split(block.text)
    if not title and not body:
        return "empty"
    return _entry(block.moment, title, body, _tags(f"{title}\n{body}"), starred)


def _split(raw: str) -> tuple[str, str, bool]:
    """Title, body and star of an entry's text, as jrnl's Entry splits them."""
    lines = tidy(raw).split("\n")
    starred = lines[0].strip().endswith("*")
    if starred:
        lines[0] = lines[0].strip(" *")
    text = "\n".join(lines).strip()
    newline = text.find("\n")
    if newline >= 0:
        return text[:newline].strip(), text[newline + 1:].strip(), starred
    end = _SENTENCE_END.search(text)
    if end is None:
        return text, "", starred
    return text[:end.end()].strip(), text[end.end():].strip(), starred


# ---------------------------------------------------------------- shared


def _tags(text: str) -> tuple[str, ...]:
    """The tags written in an entry's text, in order of first use."""
    return _clean_tags(_TAG.findall(text))


def _clean_tags(tags: list[str]) -> tuple[str, ...]:
    """Tags in lower case, without the symbol, each once; "##" alone is not a tag."""
    cleaned = (whole(tag).strip().lstrip("#@").lower() for tag in tags)
    return tuple(dict.fromkeys(tag for tag in cleaned if re.search(r"\w", tag)))


def _entry(at: datetime, title: str, body: str, tags: tuple[str, ...], starred: bool) -> ImportedEntry:
    return ImportedEntry(at=at, title=title, body=body, tags=tags, starred=starred,
                         key=content_key("jrnl", at, title, body))


def _parsed(found: list[ImportedEntry], left_out: list[Skipped], detected: str) -> Parsed:
    if not found and left_out:
        raise nothing_readable(left_out[0])
    keys = numbered_keys(entry.key for entry in found)
    found = [e if e.key == key else replace(e, key=key) for e, key in zip(found, keys, strict=True)]
    return Parsed(entries=tuple(sorted(found, key=lambda e: e.at)), skipped=tuple(left_out),
                  detected=detected)

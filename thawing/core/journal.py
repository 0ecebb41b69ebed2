"""Journal rules (B1, B2): what makes an entry valid, tags, and search terms."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from thawing.core.errors import InvalidInput
from thawing.core.i18n import msg
from thawing.core.mood import clean_text

TITLE_MAX = 200
# Prompts of this category are answered as unsent letters (B2).
LETTER_CATEGORY = "letters"
ENTRY, LETTER = "entry", "letter"
BODY_MAX = 100_000
TAG_MAX = 40
TAGS_MAX = 20
_TAG_SPLIT = re.compile(r"[,\s]+")
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class EntryText:
    title: str
    body: str
    tags: tuple[str, ...]


def parse_tags(value: str | Iterable[str] | None) -> tuple[str, ...]:
    """Tags from "grief, #work  sleep" or a list: lower-case, no "#" or "@", no repeats."""
    parts = _TAG_SPLIT.split(value) if isinstance(value, str) else list(value or ())
    tags: list[str] = []
    for part in parts:
        tag = part.replace("\x00", "").strip().lstrip("#@").lower()
        if not tag:
            continue
        if len(tag) > TAG_MAX:
            raise InvalidInput({"tags": msg(
                "A tag can be up to %(limit)s characters long.", limit=TAG_MAX)})
        if tag not in tags:
            tags.append(tag)
    if len(tags) > TAGS_MAX:
        raise InvalidInput({"tags": msg("Up to %(limit)s tags per entry.", limit=TAGS_MAX)})
    return tuple(tags)


def build_entry(*, title: str | None, body: str | None, tags: str | Iterable[str] | None) -> EntryText:
    """A journal entry's text, checked; InvalidInput names every problem at once."""
    errors: dict[str, str] = {}
    fields: dict[str, object] = {}
    checks = (
        ("title", lambda: clean_text("title", title, limit=TITLE_MAX, label=msg("A title"))),
        ("body", lambda: clean_text("body", body, limit=BODY_MAX, label=msg("An entry"))),
        ("tags", lambda: parse_tags(tags)),
    )
    for name, check in checks:
        try:
            fields[name] = check()
        except InvalidInput as error:
            errors.update(error.fields)
    if "body" not in errors and not fields.get("body"):
        errors["body"] = msg(
            "There\u2019s nothing to save yet. A single word is enough, "
            "and \u201cI don\u2019t know\u201d counts too."
        )
    if errors:
        raise InvalidInput(errors)
    return EntryText(title=str(fields["title"]), body=str(fields["body"]), tags=fields["tags"])  # type: ignore[arg-type]


def search_terms(query: str) -> list[str]:
    """The words of a search query, lower-case, without punctuation or repeats."""
    return list(dict.fromkeys(word.lower() for word in _WORD.findall(query)))


def snippet(text: str, terms: Iterable[str], *, width: int = 160) -> str:
    """A short excerpt of `text` around the first matching term (the start if none)."""
    positions = [m.start() for term in terms if term
                 if (m := re.search(re.escape(term), text, re.IGNORECASE))]
    start = max(0, min(positions) - width // 3) if positions else 0
    excerpt = " ".join(text[start:start + width].split())
    prefix = "\u2026" if start > 0 else ""
    suffix = "\u2026" if start + width < len(text) else ""
    return f"{prefix}{excerpt}{suffix}"


def saved_sentence(entry_id: int) -> str:
    """What the command line says once an entry is saved."""
    return f"Saved (entry #{entry_id}). Thank you for writing."


def entry_kind(prompt_category: str | None, letter: bool | None) -> str:
    """ENTRY or LETTER: as ticked, or (left out) a letter when it answers a letter prompt."""
    if letter is None:
        letter = prompt_category == LETTER_CATEGORY
    return LETTER if letter else ENTRY

"""Journal entries, unsent letters, tags and search: the only door to them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Count, QuerySet
from django.utils import timezone

from thawing import content
from thawing.accounts.days import day_bounds, user_zone
from thawing.core.errors import InvalidInput, NotFound
from thawing.core.i18n import msg
from thawing.core.journal import build_entry, entry_kind, search_terms, snippet
from thawing.core.mood import keep_or_parse, parse_moment
from thawing.db.batches import grouped
from thawing.journal import search
from thawing.journal.models import Entry, EntryTag, Tag


def _check_prompt(prompt_id: str | None) -> str:
    prompt_id = (prompt_id or "").strip()
    if prompt_id and content.prompts().get(prompt_id) is None:
        raise InvalidInput({"prompt": msg(
            "I don\u2019t know the prompt \u201c%(id)s\u201d. \u201cthawing prompts\u201d "
            "lists them all.", id=prompt_id)})
    return prompt_id


def _kind(prompt_id: str, letter: bool | None) -> str:
    prompt = content.prompts().get(prompt_id) if prompt_id and letter is None else None
    return entry_kind(prompt.category if prompt else None, letter)


def _set_tags(user: AbstractBaseUser, entry: Entry, names: Iterable[str]) -> None:
    EntryTag.objects.filter(user=user, entry=entry).delete()
    tags = []
    for name in names:
        tag, _ = Tag.objects.get_or_create(user=user, name=name)
        EntryTag.objects.create(user=user, entry=entry, tag=tag)
        tags.append((tag.pk, name))
    entry._tags = tags


def _validated(
    *, user: AbstractBaseUser, title: str | None, body: str | None,
    tags: str | Iterable[str] | None, prompt_id: str | None, written_at: str | datetime | None,
) -> tuple[object, str, datetime]:
    errors: dict[str, str] = {}
    text = prompt = moment = None
    try:
        text = build_entry(title=title, body=body, tags=tags)
    except InvalidInput as error:
        errors.update(error.fields)
    try:
        prompt = _check_prompt(prompt_id)
    except InvalidInput as error:
        errors.update(error.fields)
    try:
        moment = parse_moment(written_at, now=timezone.now(), tz=user_zone(user))
    except InvalidInput as error:
        errors.update(error.fields)
    if errors:
        raise InvalidInput(errors)
    return text, prompt, moment  # type: ignore[return-value]


def check_entry_options(
    *, user: AbstractBaseUser, prompt_id: str | None, written_at: str | datetime | None,
    tags: str | Iterable[str] | None = (), title: str | None = "",
) -> None:
    """Check everything but the text, so a caller can do so before asking for the text."""
    _validated(user=user, title=title, body="-", tags=tags, prompt_id=prompt_id,
               written_at=written_at)


def write_entry(
    *,
    user: AbstractBaseUser,
    body: str | None,
    title: str | None = "",
    tags: str | Iterable[str] | None = (),
    prompt_id: str | None = "",
    letter: bool | None = None,
    written_at: str | datetime | None = None,
) -> Entry:
    """Save a journal entry (B1) or unsent letter (B2); nothing is saved if anything is wrong."""
    text, prompt, moment = _validated(user=user, title=title, body=body, tags=tags,
                                      prompt_id=prompt_id, written_at=written_at)
    with transaction.atomic():
        entry = Entry.objects.create(
            user=user, written_at=moment, title=text.title, body=text.body,  # type: ignore[attr-defined]
            prompt_id=prompt, kind=_kind(prompt, letter),
        )
        _set_tags(user, entry, text.tags)  # type: ignore[attr-defined]
    return entry


def update_entry(
    *,
    user: AbstractBaseUser,
    entry_id: int,
    body: str | None,
    title: str | None = "",
    tags: str | Iterable[str] | None = (),
    letter: bool | None = None,
    written_at: str | datetime | None = None,
) -> Entry:
    entry = get_entry(user=user, entry_id=entry_id)
    zone = user_zone(user)
    try:
        written_at = keep_or_parse(written_at, original=entry.written_at, now=timezone.now(),
                                   tz=zone)
    except InvalidInput:
        pass  # _validated reports it, together with any other problem
    text, _, moment = _validated(user=user, title=title, body=body, tags=tags,
                                 prompt_id=entry.prompt_id, written_at=written_at)
    with transaction.atomic():
        entry.title, entry.body, entry.written_at = text.title, text.body, moment  # type: ignore[attr-defined]
        if letter is not None:
            entry.kind = _kind(entry.prompt_id, letter)
        entry.save()
        _set_tags(user, entry, text.tags)  # type: ignore[attr-defined]
    return entry


def delete_entry(*, user: AbstractBaseUser, entry_id: int) -> None:
    deleted, _ = Entry.objects.filter(user=user, pk=entry_id).delete()
    if not deleted:
        raise NotFound(msg("That entry isn\u2019t here any more."))


def _entries(user: AbstractBaseUser) -> QuerySet[Entry]:
    return Entry.objects.filter(user=user)


def _with_tags(user: AbstractBaseUser, entries: Iterable[Entry]) -> list[Entry]:
    """The entries, each with its tags, read in one query a batch (no reference cycles)."""
    entries = list(entries)
    tags = grouped(EntryTag.objects.filter(user=user).order_by("pk")
                   .values_list("entry_id", "tag_id", "tag__name"),
                   "entry_id", (entry.pk for entry in entries), pairs=True)
    for entry in entries:
        entry._tags = tags[entry.pk]
    return entries


def get_entry(*, user: AbstractBaseUser, entry_id: int) -> Entry:
    entry = _entries(user).filter(pk=entry_id).first()
    if entry is None:
        raise NotFound(msg("I couldn\u2019t find that entry."))
    return _with_tags(user, [entry])[0]


def list_entries(
    *, user: AbstractBaseUser, tag: str | None = None, tag_id: int | None = None,
    kind: str | None = None, limit: int | None = 100, offset: int = 0,
) -> list[Entry]:
    """The user's entries, newest first; `tag` (a name) or `tag_id` keeps those with that tag."""
    queryset = _entries(user)
    if tag:
        queryset = queryset.filter(entry_tags__tag__name=tag.strip().lstrip("#").lower())
    if tag_id is not None:
        # Looked up as the person's own tag first (a number out of range simply matches nothing).
        found = Tag.objects.filter(user=user, pk=tag_id).first()
        if found is None:
            return []
        queryset = queryset.filter(entry_tags__tag=found)
    if kind:
        queryset = queryset.filter(kind=kind)
    return _with_tags(user, queryset[offset:offset + limit] if limit else queryset[offset:])


def entries_on(*, user: AbstractBaseUser, day: date) -> list[Entry]:
    start, end = day_bounds(user, day)
    return _with_tags(user, _entries(user).filter(written_at__gte=start, written_at__lt=end))


def tags_in_use(*, user: AbstractBaseUser) -> list[tuple[int, str, int]]:
    """(id, name, entries) of each tag the user has on an entry, by name."""
    rows = (Tag.objects.filter(user=user).annotate(uses=Count("entry_tags"))
            .filter(uses__gt=0).order_by("name"))
    return [(t.pk, t.name, t.uses) for t in rows]


@dataclass(frozen=True)
class SearchHit:
    entry: Entry
    excerpt: str


class QueryTooLong(InvalidInput):
    """A search over MAX_QUERY_CHARS characters or MAX_QUERY_WORDS words (the API answers 422)."""


def check_query(query: str) -> list[str]:
    """The words of a search query, or QueryTooLong before any work is done for it."""
    words = search_terms(query) if len(query.strip()) <= search.MAX_QUERY_CHARS else None
    if words is None or len(words) > search.MAX_QUERY_WORDS:
        raise QueryTooLong({"query": msg(
            "That\u2019s more than I can look for in one go: a search takes up to %(words)s words "
            "(%(chars)s characters). A word or two, or the start of one, usually finds it.",
            words=search.MAX_QUERY_WORDS, chars=search.MAX_QUERY_CHARS)})
    return words


def search_entries(*, user: AbstractBaseUser, query: str, limit: int = 200) -> list[SearchHit]:
    """Entries containing every word of `query` (prefixes and word forms count), newest first.

    QueryTooLong for more than 10 words or 200 characters."""
    terms = check_query(query)
    entries = _with_tags(user, search.matching(_entries(user), terms)[:limit])
    return [SearchHit(entry, snippet(entry.body, terms)) for entry in entries]

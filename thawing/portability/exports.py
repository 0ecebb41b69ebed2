"""Reading a person's records for the exports a row at a time, and sending them in pieces.

The services door (`services.stream_export_*`) puts these together with the writers of
`thawing.core.formats`; every query fetches a batch of rows at a time and each piece goes out
before the next rows are read, so an export is never held whole in memory, however long the history.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import QuerySet

from thawing.accounts.days import user_zone
from thawing.checkins.models import BodySensation, CheckIn, CheckInEmotion
from thawing.core.formats import export_csv as csv_format
from thawing.core.formats import export_markdown as markdown_format
from thawing.habits.models import DayHabits, Numbing
from thawing.journal.models import Entry, EntryTag, ThoughtRecord
from thawing.portability.importing import BATCH

# Downloads go out in pieces of about this size.
PIECE_BYTES = 64 * 1024


def each(queryset: QuerySet[Any], *fields: str) -> Iterator[Any]:
    """The rows' `fields`, fetched from the database a batch at a time rather than all at once."""
    return queryset.values_list(*fields).iterator(chunk_size=BATCH)


def checkin_rows(user: AbstractBaseUser) -> Iterator[csv_format.CheckInRow]:
    """Check-ins in time order, each with its emotion words and body cues (those kept small first)."""
    zone = user_zone(user)
    emotions: dict[int, list[tuple[str, int | None]]] = {}
    for checkin, word, level in each(CheckInEmotion.objects.filter(user=user).order_by("pk"),
                                     "checkin_id", "emotion", "intensity"):
        emotions.setdefault(checkin, []).append((word, level))
    body: dict[int, list[tuple[str, str]]] = {}
    for checkin, region, sensation in each(BodySensation.objects.filter(user=user).order_by("pk"),
                                           "checkin_id", "region", "sensation"):
        body.setdefault(checkin, []).append((region, sensation))
    for pk, at, mood, feel, flicker, note, detached, struggling in each(
            CheckIn.objects.filter(user=user).order_by("at", "pk"),
            "pk", "at", "mood", "feel", "flicker", "note", "detached", "struggling"):
        local = at.astimezone(zone)
        yield csv_format.CheckInRow(local.date(), local.time(), mood, feel, tuple(emotions.pop(pk, ())),
                                    tuple(body.pop(pk, ())), flicker, note, detached, struggling)


def habit_rows(user: AbstractBaseUser) -> Iterator[csv_format.HabitsRow]:
    """Each day with habits or numbing noted, oldest first."""
    days = {row.day: row for row in DayHabits.objects.filter(user=user).iterator(chunk_size=BATCH)}
    numbing: dict[object, list[csv_format.NumbingNote]] = {}
    for day, kind, amount, to_cope in each(Numbing.objects.filter(user=user).order_by("day", "pk"),
                                           "day", "kind", "amount", "to_cope"):
        numbing.setdefault(day, []).append(csv_format.NumbingNote(kind, amount, to_cope))
    for day in sorted(days.keys() | numbing.keys()):
        habits = days.get(day)
        yield csv_format.HabitsRow(
            day, habits.sleep_hours if habits else None, habits.sleep_quality if habits else None,
            habits.meals if habits else None, habits.movement_minutes if habits else None,
            tuple(numbing.get(day, ())))


def writings(user: AbstractBaseUser) -> Iterator[markdown_format.Writing]:
    """Journal entries and unsent letters in time order, at the person's local time, with their tags."""
    zone = user_zone(user)
    tags: dict[int, list[str]] = {}
    for entry, name in each(EntryTag.objects.filter(user=user).order_by("tag__name"), "entry_id",
                            "tag__name"):
        tags.setdefault(entry, []).append(name)
    for pk, at, kind, title, body in each(Entry.objects.filter(user=user).order_by("written_at", "pk"),
                                          "pk", "written_at", "kind", "title", "body"):
        yield markdown_format.Writing(at.astimezone(zone), title, body, kind == Entry.Kind.LETTER,
                                      tuple(tags.pop(pk, ())))


def thoughts(user: AbstractBaseUser) -> Iterator[markdown_format.Thought]:
    """Thought records in time order, at the person's local time."""
    zone = user_zone(user)
    for t in ThoughtRecord.objects.filter(user=user).order_by("at", "pk").iterator(chunk_size=BATCH):
        yield markdown_format.Thought(t.at.astimezone(zone), t.thought, t.situation, t.belief_before,
                                      t.evidence, t.other_views, t.conclusions, t.alternative, t.belief_after)


def pieces(parts: Iterable[bytes]) -> Iterator[bytes]:
    """Small parts gathered into pieces of about PIECE_BYTES; the first part goes at once, so a
    download starts before the records are read."""
    parts = iter(parts)
    yield next(parts, b"")
    held: list[bytes] = []
    size = 0
    for part in parts:
        held.append(part)
        size += len(part)
        if size >= PIECE_BYTES:
            yield b"".join(held)
            held, size = [], 0
    if held:
        yield b"".join(held)

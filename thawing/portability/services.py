"""Export and import: the only door to them for the web pages, the API and the CLI.

Exports: our own JSON (every record, lossless; `thawing.core.formats.native_json`), CSV of
check-ins or habits, and the journal as Markdown. Imports: Daylio CSV, jrnl and Thawing
exports, first previewed (what is new, what is already here, what must be left out and why,
which Daylio moods still need a value), then run in one transaction: whole or nothing.

How re-importing stays safe: the key of every imported Daylio row or jrnl entry is kept
(`ImportedKey`), because what those apps wrote can't be rebuilt from what Thawing stores (a
Daylio mood label becomes a number). A Thawing export is matched against the person's own
records by content, so importing it into the profile that made it adds nothing, and the keys
of what it brought are kept as well. See docs/export-format.md.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

import thawing
from thawing.accounts.services import user_zone
from thawing.checkins.models import BodySensation, CheckIn, CheckInEmotion, DayHabits, Numbing
from thawing.core.errors import InvalidInput, NotFound
from thawing.core.formats import Skipped, native_json
from thawing.core.formats import export_csv as csv_format
from thawing.core.formats import export_markdown as markdown_format
from thawing.core.i18n import Message, msg
from thawing.core.mood import parse_mood
from thawing.journal.models import Entry, EntryTag, ThoughtRecord
from thawing.portability import records
from thawing.portability.importing import Count, Options, Plan, Progress, daylio_plan, jrnl_plan
from thawing.portability.models import PendingImport
from thawing.portability.native_import import thawing_plan

# Importers by the name a person gives (CLI argument, form choice, API field).
IMPORTERS: dict[str, Callable[[AbstractBaseUser, bytes, Options], Plan]] = {
    "daylio": daylio_plan, "jrnl": jrnl_plan, "thawing": thawing_plan}
CSV_TABLES = ("checkins", "habits")
# A decade of long journal entries fits; anything bigger is not an export of ours or theirs.
MAX_BYTES = 256 * 1024 * 1024
# Uploads through the browser or the API, held in memory only.
UPLOAD_MAX_BYTES = 32 * 1024 * 1024
# An upload waits this long for its confirmation, then it is deleted.
PENDING_FOR = timedelta(hours=1)
MOOD_MAP_HINT = msg("Give each mood label a number from 1 to 10, or can\u2019t tell.")


@dataclass(frozen=True)
class ImportPreview:
    """What an import would do; nothing has been written. `labels`: (Daylio mood, value, mapped)."""

    kind: str
    detected: str
    counts: tuple[Count, ...]
    skipped: tuple[Skipped, ...]
    notes: tuple[Message, ...]
    labels: tuple[tuple[str, int | None, bool], ...]
    unmapped: tuple[str, ...]

    @property
    def new(self) -> int:
        return sum(c.new for c in self.counts)

    @property
    def already(self) -> int:
        return sum(c.already for c in self.counts)


@dataclass(frozen=True)
class ImportReport:
    """What an import did: records added per kind, those already here, and what was left out."""

    kind: str
    counts: tuple[Count, ...]
    skipped: tuple[Skipped, ...]
    notes: tuple[Message, ...]

    @property
    def added(self) -> int:
        return sum(c.new for c in self.counts)

    @property
    def already(self) -> int:
        return sum(c.already for c in self.counts)


# ---------------------------------------------------------------- exports


def export_json(*, user: AbstractBaseUser, progress: Progress | None = None) -> bytes:
    """Every record of the person, as a Thawing export (format version 1)."""
    found = records.snapshot(user, progress=progress)
    return native_json.write(found.records, exported_at=timezone.now(), app_version=thawing.__version__)


def export_csv(*, user: AbstractBaseUser, what: str = "checkins") -> bytes:
    """Check-ins ("checkins", one row each) or habits ("habits", one row per day) as CSV."""
    if what not in CSV_TABLES:
        raise InvalidInput({"what": msg("Choose checkins or habits.")})
    return _checkins_csv(user) if what == "checkins" else _habits_csv(user)


def _checkins_csv(user: AbstractBaseUser) -> bytes:
    zone = user_zone(user)
    emotions: dict[int, list[tuple[str, int | None]]] = {}
    for checkin, word, level in (CheckInEmotion.objects.filter(user=user).order_by("pk")
                                 .values_list("checkin_id", "emotion", "intensity")):
        emotions.setdefault(checkin, []).append((word, level))
    body: dict[int, list[tuple[str, str]]] = {}
    for checkin, region, sensation in (BodySensation.objects.filter(user=user).order_by("pk")
                                       .values_list("checkin_id", "region", "sensation")):
        body.setdefault(checkin, []).append((region, sensation))
    rows = []
    for pk, at, mood, feel, flicker, note, detached, struggling in (
            CheckIn.objects.filter(user=user).order_by("at", "pk").values_list(
                "pk", "at", "mood", "feel", "flicker", "note", "detached", "struggling")):
        local = at.astimezone(zone)
        rows.append(csv_format.CheckInRow(local.date(), local.time(), mood, feel, tuple(emotions.get(pk, ())),
                                          tuple(body.get(pk, ())), flicker, note, detached, struggling))
    return csv_format.checkins_csv(rows)


def _habits_csv(user: AbstractBaseUser) -> bytes:
    days = {row.day: row for row in DayHabits.objects.filter(user=user)}
    numbing: dict[object, list[csv_format.NumbingNote]] = {}
    for day, kind, amount, to_cope in (Numbing.objects.filter(user=user).order_by("day", "pk")
                                       .values_list("day", "kind", "amount", "to_cope")):
        numbing.setdefault(day, []).append(csv_format.NumbingNote(kind, amount, to_cope))
    rows = []
    for day in sorted(days.keys() | numbing.keys()):
        habits = days.get(day)
        rows.append(csv_format.HabitsRow(
            day, habits.sleep_hours if habits else None, habits.sleep_quality if habits else None,
            habits.meals if habits else None, habits.movement_minutes if habits else None,
            tuple(numbing.get(day, ()))))
    return csv_format.habits_csv(rows)


def export_markdown(*, user: AbstractBaseUser, say: Callable[[Message], str] = str) -> bytes:
    """The journal, unsent letters and thought records as one Markdown file, by local day."""
    zone = user_zone(user)
    tags: dict[int, list[str]] = {}
    for entry, name in (EntryTag.objects.filter(user=user).order_by("tag__name")
                        .values_list("entry_id", "tag__name")):
        tags.setdefault(entry, []).append(name)
    writings = [markdown_format.Writing(at.astimezone(zone), title, body, kind == Entry.Kind.LETTER,
                                        tuple(tags.get(pk, ())))
                for pk, at, kind, title, body in Entry.objects.filter(user=user).order_by("written_at", "pk")
                .values_list("pk", "written_at", "kind", "title", "body")]
    thoughts = [markdown_format.Thought(
        t.at.astimezone(zone), t.thought, t.situation, t.belief_before, t.evidence, t.other_views,
        t.conclusions, t.alternative, t.belief_after)
        for t in ThoughtRecord.objects.filter(user=user).order_by("at", "pk")]
    return markdown_format.journal_markdown(writings, thoughts, say=say)


def export_filename(*, user: AbstractBaseUser, format: str, what: str = "checkins") -> str:
    """A file name for a download: thawing-2026-03-10.json, thawing-checkins-2026-03-10.csv ..."""
    day = timezone.now().astimezone(user_zone(user)).date().isoformat()
    if format == "csv":
        return f"thawing-{what}-{day}.csv"
    return f"thawing-journal-{day}.md" if format == "markdown" else f"thawing-{day}.json"


# ---------------------------------------------------------------- imports


def parse_options(raw: Mapping[str, object] | None) -> Options:
    """Import options from a form, the API or the CLI; InvalidInput names what is wrong."""
    raw = raw or {}
    mood_map = raw.get("mood_map") or {}
    time_format = raw.get("time_format") or None
    if not isinstance(mood_map, Mapping) or not all(isinstance(k, str) for k in mood_map):
        raise InvalidInput({"mood_map": MOOD_MAP_HINT})
    if time_format is not None and (not isinstance(time_format, str) or len(time_format) > 100):
        raise InvalidInput({"time_format": msg("A time format looks like %Y-%m-%d %H:%M.")})
    cleaned = {}
    for label, value in mood_map.items():
        if value in ("", None) and label.strip():
            continue
        if not isinstance(value, int | str) or not label.strip() or len(label) > 200:
            raise InvalidInput({"mood_map": MOOD_MAP_HINT})
        try:
            cleaned[label] = parse_mood(value)
        except InvalidInput as error:
            raise InvalidInput({"mood_map": error.fields["mood"]}) from None
    return Options(mood_map=cleaned, time_format=time_format, keep_settings=raw.get("keep_settings") is True)


def mood_pairs(pairs: Iterable[str]) -> dict[str, str]:
    """"LABEL=N" pairs (the CLI's --mood-map) as a mapping; N may be "cant-tell"."""
    found = {}
    for pair in pairs:
        label, sign, value = pair.rpartition("=")
        if not sign or not label.strip():
            raise InvalidInput({"mood_map": msg(
                "Write each mood as LABEL=N, for example \u201cso-so=5\u201d.")})
        found[label.strip()] = value.strip()
    return found


def _plan(user: AbstractBaseUser, kind: str, data: bytes, options: Mapping[str, object] | None) -> Plan:
    importer = IMPORTERS.get((kind or "").strip().lower())
    if importer is None:
        raise InvalidInput({"kind": msg("Choose what the file is: daylio, jrnl or thawing.")})
    if len(data) > MAX_BYTES:
        raise InvalidInput({"file": msg("This file is too big to be an export (more than %(mb)s MB).",
                                        mb=MAX_BYTES // 2**20)})
    return importer(user, data, parse_options(options))


def preview_import(*, user: AbstractBaseUser, kind: str, data: bytes,
                   options: Mapping[str, object] | None = None) -> ImportPreview:
    """What importing `data` as `kind` would add, find already here, and leave out; writes nothing."""
    plan = _plan(user, kind, data, options)
    return ImportPreview(plan.source, plan.detected, plan.totals(), tuple(plan.skipped), tuple(plan.notes),
                         plan.labels, plan.unmapped)


def run_import(*, user: AbstractBaseUser, kind: str, data: bytes, options: Mapping[str, object] | None = None,
               progress: Progress | None = None) -> ImportReport:
    """Import everything new in `data`, in one transaction: on any error nothing is written."""
    with transaction.atomic():
        plan = _plan(user, kind, data, options)
        plan.apply(progress)
    return ImportReport(plan.source, plan.totals(), tuple(plan.skipped), tuple(plan.notes))


# ---------------------------------------------------------------- uploads between preview and import


def keep_upload(*, user: AbstractBaseUser, kind: str, data: bytes) -> str:
    """Hold an uploaded file until the person confirms; returns the token that names it."""
    if (kind or "") not in IMPORTERS:
        raise InvalidInput({"kind": msg("Choose what the file is: daylio, jrnl or thawing.")})
    if not data:
        raise InvalidInput({"file": msg("Choose a file to import.")})
    if len(data) > UPLOAD_MAX_BYTES:
        raise InvalidInput({"file": msg(
            "This file is bigger than %(mb)s MB. Import it from the command line: thawing import KIND FILE",
            mb=UPLOAD_MAX_BYTES // 2**20)})
    sweep_uploads()
    token = secrets.token_urlsafe(24)
    PendingImport.objects.create(user=user, token=token, kind=kind, data=data)
    return token


def pending_upload(*, user: AbstractBaseUser, token: str) -> PendingImport:
    found = PendingImport.objects.filter(user=user, token=token or "",
                                         created_at__gte=timezone.now() - PENDING_FOR).first()
    if found is None:
        raise NotFound(msg("That upload isn\u2019t here any more (uploads wait an hour). Please upload "
                           "the file again."))
    return found


def discard_upload(*, user: AbstractBaseUser, token: str) -> None:
    PendingImport.objects.filter(user=user, token=token or "").delete()


def sweep_uploads() -> int:
    """Delete every upload left waiting for more than an hour, anyone's; returns how many."""
    deleted, _ = PendingImport.objects.filter(created_at__lt=timezone.now() - PENDING_FOR).delete()
    return deleted

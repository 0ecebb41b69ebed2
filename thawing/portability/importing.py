"""Import plans: what a file would add, checked as the services check it, and how to add it.

A plan is made from the file and the person's records in one go; `apply` writes everything
it counted as new with a few bulk inserts. The services door runs both inside one
transaction, so an import is whole or nothing.

Daylio rows become check-ins (moods from the mapping, activities at the start of the note,
the note title and note after them); a note longer than a check-in holds is kept whole as a
journal entry at the same moment, tagged "daylio", and its check-in says so. jrnl entries
become journal entries (a title-only entry's title becomes its body; starred adds the tag
"starred"). Every imported row's key is kept (`ImportedKey`), so importing the same or a
later export again adds only what is new, and what the person deleted stays deleted.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo

from django.contrib.auth.models import AbstractBaseUser
from django.db import connection
from django.db.models import Model
from django.utils import timezone

from thawing import content
from thawing.accounts.days import user_zone
from thawing.checkins.models import CheckIn
from thawing.core.checkins import build_checkin
from thawing.core.errors import InvalidInput
from thawing.core.formats import ImportedCheckIn, ImportedEntry, Skipped, daylio, jrnl
from thawing.core.i18n import Message, msg
from thawing.core.journal import BODY_MAX, TAG_MAX, TAGS_MAX, TITLE_MAX, build_entry
from thawing.core.mood import CANT_TELL, FUTURE_SLACK, NOTE_MAX
from thawing.journal.models import Entry, EntryTag, Tag
from thawing.portability.models import ImportedKey

Progress = Callable[[int, int], None]
BATCH = 2_000
DAYLIO_TAG = "daylio"
STARRED_TAG = "starred"
# Words written into imported records (they become the person's data, so they stay English
# like the rest of what the other app wrote).
ACTIVITIES = "Activities: %s"
MOVED = ("The note of this check-in was longer than a check-in holds, so it is in your journal, "
         "written at the same time.")


@dataclass(frozen=True)
class Count:
    """Records of one kind in a file: new ones, and those already here."""

    kind: str
    new: int
    already: int = 0


@dataclass(frozen=True)
class Options:
    """How to read a file: Daylio mood labels to 1-10 (None: can't tell), a jrnl time format,
    and for a Thawing export whether to keep this profile's settings."""

    mood_map: Mapping[str, int | str | None] = field(default_factory=dict)
    time_format: str | None = None
    keep_settings: bool = False


class Steps:
    """Counts written records and tells `progress` (done, total) after each batch."""

    def __init__(self, total: int, progress: Progress | None) -> None:
        self.total, self.done, self.progress = total, 0, progress
        if progress is not None:
            progress(0, total)

    def advance(self, count: int) -> None:
        self.done += count
        if self.progress is not None:
            self.progress(min(self.done, self.total), self.total)


def insert(model: type[Model], objects: list[Model], steps: Steps | None = None) -> list[Model]:
    """Bulk insert in batches; the objects get their primary keys (SQLite 3.35+ and PostgreSQL)."""
    for start in range(0, len(objects), BATCH):
        batch = objects[start:start + BATCH]
        model.objects.bulk_create(batch)  # type: ignore[attr-defined]
        if steps is not None:
            steps.advance(len(batch))
    return objects


@dataclass
class Plan:
    """What importing a file would do; `apply` does it (call it inside a transaction)."""

    source: str
    detected: str
    counts: dict[str, list[int]] = field(default_factory=dict)
    skipped: list[Skipped] = field(default_factory=list)
    notes: list[Message] = field(default_factory=list)
    labels: tuple[tuple[str, int | None, bool], ...] = ()
    unmapped: tuple[str, ...] = ()
    writes: list[Callable[[Steps], None]] = field(default_factory=list)

    def count(self, kind: str, *, new: int = 0, already: int = 0) -> None:
        found = self.counts.setdefault(kind, [0, 0])
        found[0] += new
        found[1] += already

    def totals(self) -> tuple[Count, ...]:
        """Counts per kind, in the order of the export format."""
        from thawing.core.formats.native_json import KINDS

        found = [Count(kind, new, already) for kind, (new, already) in self.counts.items()]
        return tuple(sorted(found, key=lambda c: KINDS.index(c.kind) if c.kind in KINDS else len(KINDS)))

    @property
    def new(self) -> int:
        return sum(new for new, _ in self.counts.values())

    def apply(self, progress: Progress | None = None) -> None:
        steps = Steps(self.new, progress)
        for write in self.writes:
            write(steps)


def local_moment(naive: datetime, zone: tzinfo) -> datetime:
    """A wall-clock time of another app in the person's zone, as UTC.

    A time the clocks skipped (spring forward) is read with the offset from before the change,
    so it lands just after the gap; a time that happened twice (fall back) is the first one.
    """
    return naive.replace(tzinfo=zone, fold=0).astimezone(UTC)


def known_keys(user: AbstractBaseUser, source: str) -> set[str]:
    return set(ImportedKey.objects.filter(user=user, source=source).values_list("key", flat=True))


def remember(user: AbstractBaseUser, source: str, keys: Iterable[str]) -> Callable[[Steps], None]:
    """Keep the keys of imported rows: one prepared INSERT run for all (a decade is 50,000 keys)."""
    def write(steps: Steps) -> None:
        meta, ops = ImportedKey._meta, connection.ops
        columns = ", ".join(ops.quote_name(meta.get_field(name).column)
                            for name in ("user", "source", "key", "imported_at"))
        now = ops.adapt_datetimefield_value(timezone.now())
        sql = f"INSERT INTO {ops.quote_name(meta.db_table)} ({columns}) VALUES (%s, %s, %s, %s)"
        with connection.cursor() as cursor:
            cursor.executemany(sql, [(user.pk, source, key, now) for key in keys])
    return write


def left_out_at(when: datetime, error: InvalidInput) -> Skipped:
    """A row left out for a reason the services give, named by its moment (readers give no line)."""
    why = next(iter(error.fields.values()))
    return Skipped(0, "at", msg("The record of %(when)s was left out: %(why)s",
                                when=when.strftime("%Y-%m-%d %H:%M"), why=why))


def pieces(title: str, body: str) -> list[tuple[str, str]]:
    """A text as journal entries: a too-long title joins the body, a too-long body is split."""
    if len(title) > TITLE_MAX:
        title, body = "", f"{title}\n\n{body}".strip()
    if not body:
        title, body = "", title
    parts = []
    while len(body) > BODY_MAX:
        cut = max(body.rfind("\n", 0, BODY_MAX), body.rfind(" ", 0, BODY_MAX))
        cut = cut if cut > BODY_MAX // 2 else BODY_MAX
        parts.append(body[:cut].rstrip())
        body = body[cut:].lstrip()
    parts.append(body)
    if len(parts) == 1:
        return [(title, parts[0])]
    return [(f"{title} ({n}/{len(parts)})".strip(), part) for n, part in enumerate(parts, start=1)]


def tag_writer(user: AbstractBaseUser, links: list[tuple[Entry, tuple[str, ...]]]) -> Callable[[Steps], None]:
    """Tags of new entries: names made once per person, then every entry's links."""
    def write(steps: Steps) -> None:
        names = {name for _, tags in links for name in tags}
        have = dict(Tag.objects.filter(user=user, name__in=names).values_list("name", "pk"))
        made = insert(Tag, [Tag(user=user, name=name) for name in sorted(names - have.keys())])
        have.update({tag.name: tag.pk for tag in made})  # type: ignore[attr-defined]
        insert(EntryTag, [EntryTag(user=user, entry_id=entry.pk, tag_id=have[name])
                          for entry, tags in links for name in tags])
    return write


def clean_tags(tags: Iterable[str], *, keep: str | None = None) -> tuple[tuple[str, ...], int]:
    """Tags Thawing can keep (each up to 40 characters, up to 20), and how many could not be kept."""
    wanted = list(dict.fromkeys(tag.strip().lstrip("#@").lower() for tag in tags if tag.strip()))
    fitting = [tag for tag in wanted if tag and len(tag) <= TAG_MAX]
    if keep and keep in fitting and len(fitting) > TAGS_MAX:
        fitting = [tag for tag in fitting if tag != keep][:TAGS_MAX - 1] + [keep]
    kept = tuple(fitting[:TAGS_MAX])
    return kept, len(wanted) - len(kept)


# ---------------------------------------------------------------- Daylio


def daylio_note(row: ImportedCheckIn) -> tuple[str, str | None]:
    """The check-in's note, and the text for a journal entry when the note is too long for it."""
    head = [ACTIVITIES % ", ".join(row.activities)] if row.activities else []
    words = [part for part in (row.note_title, row.note) if part]
    note = "\n\n".join(head + words)
    if len(note) <= NOTE_MAX:
        return note, None
    return "\n\n".join(head + [MOVED]), row.note


def daylio_plan(user: AbstractBaseUser, data: bytes, options: Options) -> Plan:
    parsed = daylio.read(data, mood_map=options.mood_map)
    plan = Plan("daylio", parsed.detected, skipped=list(parsed.skipped), unmapped=parsed.unmapped,
                labels=_labels(parsed.checkins, parsed.labels, parsed.unmapped))
    zone, now, seen = user_zone(user), timezone.now(), known_keys(user, "daylio")
    vocabulary, body_map = content.vocabulary(), content.body_map()
    checkins: list[CheckIn] = []
    entries: list[tuple[Entry, tuple[str, ...]]] = []
    keys: list[str] = []
    for row in parsed.checkins:
        if row.key in seen:
            plan.count("checkins", already=1)
            continue
        note, long_note = daylio_note(row)
        try:
            checked = build_checkin(mood=CANT_TELL if row.mood is None else row.mood, note=note,
                                    at=local_moment(row.at, zone), now=now, tz=zone,
                                    vocabulary=vocabulary, body_map=body_map)
        except InvalidInput as error:
            plan.skipped.append(left_out_at(row.at, error))
            continue
        checkins.append(CheckIn(user=user, at=checked.at, mood=checked.mood, note=checked.note))
        keys.append(row.key)
        if long_note is not None:
            for title, body in pieces(row.note_title, long_note):
                entries.append((Entry(user=user, written_at=checked.at, title=title, body=body),
                                (DAYLIO_TAG,)))
    plan.count("checkins", new=len(checkins))
    if entries:
        plan.count("entries", new=len(entries))
        plan.notes.append(msg("%(count)s notes are longer than a check-in holds (%(limit)s characters). "
                              "Each is kept whole as a journal entry at the same time, tagged "
                              "\u201cdaylio\u201d, and its check-in says so.",
                              count=len(entries), limit=f"{NOTE_MAX:,}"))
    plan.writes += [lambda steps: insert(CheckIn, checkins, steps),
                    lambda steps: insert(Entry, [e for e, _ in entries], steps),
                    tag_writer(user, entries), remember(user, "daylio", keys)]
    return plan


def _labels(rows: Iterable[ImportedCheckIn], labels: tuple[str, ...],
            unmapped: tuple[str, ...]) -> tuple[tuple[str, int | None, bool], ...]:
    """Every mood label with the value it gets, and whether it has one (False: needs mapping)."""
    value = {}
    for row in rows:
        value.setdefault(row.mood_label.casefold(), row.mood)
    missing = {label.casefold() for label in unmapped}
    return tuple((label, value.get(label.casefold()), label.casefold() not in missing) for label in labels)


# ---------------------------------------------------------------- jrnl


def jrnl_plan(user: AbstractBaseUser, data: bytes, options: Options) -> Plan:
    parsed = jrnl.read(data, time_format=options.time_format or None)
    plan = Plan("jrnl", parsed.detected, skipped=list(parsed.skipped))
    zone, now, seen = user_zone(user), timezone.now(), known_keys(user, "jrnl")
    entries: list[tuple[Entry, tuple[str, ...]]] = []
    keys: list[str] = []
    left_out_tags = split = 0
    for item in parsed.entries:
        if item.key in seen:
            plan.count("entries", already=1)
            continue
        made = _jrnl_entries(user, item, zone, now)
        if isinstance(made, Skipped):
            plan.skipped.append(made)
            continue
        found, dropped = made
        left_out_tags += dropped
        split += len(found) > 1
        entries += found
        keys.append(item.key)
    plan.count("entries", new=len(entries))
    if left_out_tags:
        plan.notes.append(msg("%(count)s tags are longer than 40 characters or beyond 20 on one entry, so "
                              "they can\u2019t be kept as tags; the entries\u2019 words are all kept.",
                              count=left_out_tags))
    if split:
        plan.notes.append(msg("%(count)s entries are longer than Thawing keeps in one entry, so each is "
                              "split into numbered parts, nothing left out.", count=split))
    plan.writes += [lambda steps: insert(Entry, [e for e, _ in entries], steps),
                    tag_writer(user, entries), remember(user, "jrnl", keys)]
    return plan


def _jrnl_entries(user: AbstractBaseUser, item: ImportedEntry, zone: tzinfo,
                  now: datetime) -> tuple[list[tuple[Entry, tuple[str, ...]]], int] | Skipped:
    at = local_moment(item.at, zone)
    if at > now + FUTURE_SLACK:
        return left_out_at(item.at, InvalidInput({"at": msg("it is dated in the future.")}))
    tags, dropped = clean_tags([*item.tags, *([STARRED_TAG] if item.starred else [])], keep=STARRED_TAG)
    found = []
    for title, body in pieces(item.title, item.body):
        try:
            text = build_entry(title=title, body=body, tags=tags)
        except InvalidInput as error:
            return left_out_at(item.at, error)
        found.append((Entry(user=user, written_at=at, title=text.title, body=text.body), text.tags))
    return found, dropped

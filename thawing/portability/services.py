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

import base64
import secrets
import threading
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import connection, transaction
from django.utils import timezone

import thawing
from thawing.accounts.days import user_zone
from thawing.core.errors import InvalidInput, NotFound, ThawingError
from thawing.core.formats import MAX_RECORDS as MAX_RECORDS
from thawing.core.formats import Skipped, native_json
from thawing.core.formats import export_csv as csv_format
from thawing.core.formats import export_markdown as markdown_format
from thawing.core.i18n import Message, msg
from thawing.core.mood import parse_mood
from thawing.portability import exports, records
from thawing.portability.importing import Count, Options, Plan, Progress, daylio_plan, jrnl_plan
from thawing.portability.models import PendingImport
from thawing.portability.native_import import thawing_plan

# Importers by the name a person gives (CLI argument, form choice, API field).
IMPORTERS: dict[str, Callable[[AbstractBaseUser, bytes, Options], Plan]] = {
    "daylio": daylio_plan, "jrnl": jrnl_plan, "thawing": thawing_plan}
CSV_TABLES = ("checkins", "habits")
# A decade of long journal entries fits; anything bigger is not an export of ours or theirs.
MAX_BYTES = 256 * 1024 * 1024
# Uploads through the browser or the API, held in memory only (THAWING_MAX_UPLOAD_BYTES).
UPLOAD_MAX_BYTES: int = settings.THAWING_MAX_UPLOAD_BYTES
# An upload waits this long for its confirmation, then it is deleted.
PENDING_FOR = timedelta(hours=1)
BUSY = msg("An import of yours is already under way. Please wait for it to finish, then try again.")
SEVERAL_FILES = msg("Please send one file at a time: each import takes a single file.")
GONE = msg("That upload isn\u2019t here any more (uploads wait an hour). Please upload the file again.")
MOOD_MAP_HINT = msg("Give each mood label a number from 1 to 10, or can\u2019t tell.")


class ImportBusy(ThawingError):
    """Another preview or import of the same person is under way (on any app server)."""


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
    return b"".join(stream_export_json(user=user, progress=progress))


def stream_export_json(*, user: AbstractBaseUser, progress: Progress | None = None) -> Iterator[bytes]:
    """`export_json` in pieces, the records read from the database as the pieces are taken."""
    found = records.read(user, progress=progress)
    plain = {kind: (record for _, record in numbered) for kind, numbered in found.items()}
    return exports.pieces(native_json.write_lines(plain, exported_at=timezone.now(),
                                                  app_version=thawing.__version__))


def export_csv(*, user: AbstractBaseUser, what: str = "checkins") -> bytes:
    """Check-ins ("checkins", one row each) or habits ("habits", one row per day) as CSV."""
    return b"".join(stream_export_csv(user=user, what=what))


def stream_export_csv(*, user: AbstractBaseUser, what: str = "checkins") -> Iterator[bytes]:
    """`export_csv` in pieces, the rows read as the pieces are taken; `what` is checked at once."""
    if what not in CSV_TABLES:
        raise InvalidInput({"what": msg("Choose checkins or habits.")})
    if what == "checkins":
        return exports.pieces(csv_format.checkins_csv_pieces(exports.checkin_rows(user)))
    return exports.pieces(csv_format.habits_csv_pieces(exports.habit_rows(user)))


def export_markdown(*, user: AbstractBaseUser, say: Callable[[Message], str] = str) -> bytes:
    """The journal, unsent letters and thought records as one Markdown file, by local day."""
    return b"".join(stream_export_markdown(user=user, say=say))


def stream_export_markdown(*, user: AbstractBaseUser, say: Callable[[Message], str] = str) -> Iterator[bytes]:
    """`export_markdown` in pieces, the writings read as the pieces are taken."""
    lines = markdown_format.journal_markdown_pieces(exports.writings(user), exports.thoughts(user), say=say)
    return exports.pieces(lines)


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
    """What importing `data` as `kind` would add, find already here, and leave out; writes nothing.

    Up to MAX_RECORDS rows or entries (a Thawing export: MAX_RECORDS records of each kind), one
    preview or import at a time per person.
    """
    with one_import_at_a_time(user=user):
        plan = _plan(user, kind, data, options)
    return ImportPreview(plan.source, plan.detected, plan.totals(), tuple(plan.skipped), tuple(plan.notes),
                         plan.labels, plan.unmapped)


def run_import(*, user: AbstractBaseUser, kind: str, data: bytes, options: Mapping[str, object] | None = None,
               progress: Progress | None = None) -> ImportReport:
    """Import everything new in `data`, in one transaction: on any error nothing is written."""
    with one_import_at_a_time(user=user), transaction.atomic():
        plan = _plan(user, kind, data, options)
        plan.apply(progress)
    return ImportReport(plan.source, plan.totals(), tuple(plan.skipped), tuple(plan.notes))


@contextmanager
def one_import_at_a_time(*, user: AbstractBaseUser) -> Iterator[None]:
    """Hold the person's import lock while a preview or an import runs; ImportBusy if one already
    runs. Also sweeps the uploads that waited too long, so every import request does.

    PostgreSQL (server mode) is shared by every worker and app server: the lock is an advisory
    lock of the database, which it lets go by itself when the holder's connection dies, so a
    crashed worker never leaves it behind. SQLite is local mode, one server process: a lock in
    that process; an import there runs in one write transaction, which SQLite already lets only
    one process hold at a time.
    """
    sweep_uploads()
    take, give_back = (_database_lock if connection.vendor == "postgresql" else _process_lock)(user.pk)
    if not take():
        raise ImportBusy(BUSY)
    try:
        yield
    finally:
        give_back()


# The advisory locks of imports: (this number, the person's id).
LOCK_SPACE = 0x7468_6177
_running: set[object] = set()
_running_guard = threading.Lock()


def _database_lock(key: object) -> tuple[Callable[[], bool], Callable[[], None]]:
    def ask(function: str) -> bool:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {function}(%s, %s)", [LOCK_SPACE, key])
            return bool(cursor.fetchone()[0])

    def take() -> bool:
        return ask("pg_try_advisory_lock")

    def give_back() -> None:
        ask("pg_advisory_unlock")

    return take, give_back


def _process_lock(key: object) -> tuple[Callable[[], bool], Callable[[], None]]:
    def take() -> bool:
        with _running_guard:
            if key in _running:
                return False
            _running.add(key)
            return True

    def give_back() -> None:
        with _running_guard:
            _running.discard(key)

    return take, give_back


# ---------------------------------------------------------------- uploads between preview and import


def too_big_message() -> Message:
    return msg("That\u2019s more than Thawing can take in one go: the file is bigger than %(mb)s MB. "
               "Import it from the command line instead (thawing import KIND FILE), or split it into "
               "smaller files.",
               mb=UPLOAD_MAX_BYTES // 2**20)


def keep_upload(*, user: AbstractBaseUser, kind: str, data: bytes) -> str:
    """Hold an uploaded file until the person confirms; returns the token that names it.

    The file is kept compressed, and sealed with the field key when field keys are on (the
    payload is an encrypted field), so a database dump shows no word of it.
    """
    if (kind or "") not in IMPORTERS:
        raise InvalidInput({"kind": msg("Choose what the file is: daylio, jrnl or thawing.")})
    if not data:
        raise InvalidInput({"file": msg("Choose a file to import.")})
    if len(data) > UPLOAD_MAX_BYTES:
        raise InvalidInput({"file": too_big_message()})
    sweep_uploads()
    token = secrets.token_urlsafe(24)
    payload = base64.b64encode(zlib.compress(data, 1)).decode("ascii")
    PendingImport.objects.create(user=user, token=token, kind=kind, payload=payload)
    return token


def pending_upload(*, user: AbstractBaseUser, token: str) -> PendingImport:
    sweep_uploads()
    found = PendingImport.objects.filter(user=user, token=token or "",
                                         created_at__gte=timezone.now() - PENDING_FOR).first()
    if found is None:
        raise NotFound(GONE)
    return found


def upload_data(pending: PendingImport) -> bytes:
    """The file of a waiting upload, as it was sent."""
    inflate = zlib.decompressobj()
    try:
        data = inflate.decompress(base64.b64decode(pending.payload, validate=True), MAX_BYTES + 1)
    except (ValueError, zlib.error):
        raise NotFound(GONE) from None
    if not inflate.eof or len(data) > MAX_BYTES:
        raise NotFound(GONE)
    return data


def discard_upload(*, user: AbstractBaseUser, token: str) -> None:
    PendingImport.objects.filter(user=user, token=token or "").delete()


def sweep_uploads() -> int:
    """Delete every upload left waiting for more than an hour, anyone's; returns how many."""
    deleted, _ = PendingImport.objects.filter(created_at__lt=timezone.now() - PENDING_FOR).delete()
    return deleted

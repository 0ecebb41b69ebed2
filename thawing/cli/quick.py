"""The two commands people type every day, without starting Django: the quick way.

`thawing checkin --mood 5 ...` (`cli/checkins.py`) and `thawing journal TEXT` (`cli/journal.py`)
would spend most of their time loading Django and Typer: about 0.6 s a check-in the usual way,
0.16 s this way (bench/suites/commands.py; jrnl adds an entry in about 0.2 s).
`thawing/__main__.py` tries this module first; the `thawing.cli` package imports nothing, so
importing it here loads neither Typer nor Django. In local mode, when the
options are plain ones and the database schema is up to date, these two are checked by the
same core functions as everywhere else (`build_checkin`, `build_entry`), written with plain
SQL in one transaction on the same database file with the same key, and answered with the
same sentences.

Anything else goes the usual way, through Django and `services.py`, before anything is
written: a question to ask, --json, --help, an option or a value this parser does not take,
a value that is refused (so its message is the usual one), server mode, field encryption, a
passphrase that is not in THAWING_PASSPHRASE, a database that needs an upgrade. Set
THAWING_QUICK=0 to always go the usual way. `tests/cli/test_quick.py` runs both ways on the
same inputs and checks that they write the same rows and print the same words.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ENV = "THAWING_QUICK"
CHECKIN_COLUMNS = ("user_id", "at", "mood", "feel", "flicker", "note", "detached", "struggling",
                   "created_at", "updated_at")
EMOTION_COLUMNS = ("user_id", "checkin_id", "emotion", "intensity")
BODY_COLUMNS = ("user_id", "checkin_id", "region", "sensation")
ENTRY_COLUMNS = ("user_id", "written_at", "kind", "title", "body", "prompt_id", "created_at",
                 "updated_at")
TAG_COLUMNS = ("user_id", "name")
ENTRY_TAG_COLUMNS = ("user_id", "entry_id", "tag_id")


class NotHere(Exception):
    """This command is not for the quick way: run it the usual way (nothing was written)."""


@dataclass(frozen=True)
class Options:
    """What a command accepts: options with one value, repeatable ones, flags, words."""

    single: frozenset[str]
    repeated: frozenset[str] = frozenset()
    flags: frozenset[str] = frozenset()
    words: bool = False


CHECKIN = Options(single=frozenset({"--mood", "--feel", "--flicker", "--note", "--at"}),
                  repeated=frozenset({"--emotion", "--body"}),
                  flags=frozenset({"--cant-tell", "--detached", "--struggling"}))
JOURNAL = Options(single=frozenset({"--prompt", "--title", "--at"}), repeated=frozenset({"--tag"}),
                  flags=frozenset({"--letter"}), words=True)


@dataclass
class Parsed:
    values: dict[str, Any] = field(default_factory=dict)
    words: list[str] = field(default_factory=list)

    def get(self, name: str, default: Any = None) -> Any:
        return self.values.get(name, default)


def parse(argv: Sequence[str], options: Options) -> Parsed:
    """The arguments, or NotHere for anything but plain "--name value", "--name=value" and flags."""
    parsed = Parsed()
    rest = list(argv)
    while rest:
        token = rest.pop(0)
        if not token.startswith("-"):
            if not options.words:
                raise NotHere("words")
            parsed.words.append(token)
            continue
        name, equals, value = token.partition("=")
        if name in options.flags and not equals:
            parsed.values[name] = True
        elif name in options.single or name in options.repeated:
            if not equals:
                # A value that looks like an option is left to the usual parser to judge.
                if not rest or rest[0].startswith("-"):
                    raise NotHere("value")
                value = rest.pop(0)
            if name in options.repeated:
                parsed.values.setdefault(name, []).append(value)
            elif name in parsed.values:
                raise NotHere("given twice")
            else:
                parsed.values[name] = value
        else:
            raise NotHere("option")  # --help, --json, --, -, or one this parser doesn't know
    return parsed


# --- The database, opened as `thawing.settings` and the vault would ---------------------

@dataclass(frozen=True)
class Person:
    user_id: int
    timezone: str
    country: str


def migration_names(installed_apps: Sequence[str]) -> set[tuple[str, str]]:
    """(app label, migration) for every migration module of these apps, as Django's loader finds them."""
    from importlib.util import find_spec
    from pkgutil import iter_modules

    names = set()
    for app in installed_apps:
        top, _, rest = app.partition(".")
        spec = find_spec(top)
        if spec is None or not spec.submodule_search_locations:
            raise NotHere("app")
        folder = Path(spec.submodule_search_locations[0], *rest.split("."), "migrations")
        if not folder.is_dir():
            if top == "thawing":
                raise NotHere("migrations not found")  # an unusual install: let Django look
            continue
        label = _app_label(folder.parent) or app.rpartition(".")[2]
        names.update((label, name) for _, name, package in iter_modules([str(folder)])
                     if not package and name[0] not in "_~")
    return names


def _app_label(package: Path) -> str | None:
    """An app's own label when its AppConfig names one (`label = "thawing_db"`), read as text."""
    import re

    config = package / "apps.py"
    found = re.search(r'^\s+label = "(\w+)"', config.read_text(), re.M) if config.is_file() else None
    return found[1] if found else None


def schema_is_current(conn: Any, installed_apps: Sequence[str]) -> bool:
    """True when every migration this version of Thawing has is applied to the database."""
    applied = set(conn.execute("SELECT app, name FROM django_migrations"))
    return migration_names(installed_apps) <= applied


def data_key(data_dir: Path, database: Path) -> bytes | None:
    """The database key, from THAWING_PASSPHRASE when the profile has a passphrase."""
    unlock = data_dir / "unlock.json"
    if not unlock.is_file() or (data_dir / "unlock.json.pending").exists():
        raise NotHere("not set up")
    from thawing.core import crypto

    record = json.loads(unlock.read_text())
    if not crypto.needs_passphrase(record):
        return None
    passphrase = os.environ.get("THAWING_PASSPHRASE")
    if not passphrase or record.get("version") not in crypto.SLOTTED:
        raise NotHere("passphrase")  # asked for, or an unlock record to upgrade: the usual way
    with database.open("rb") as handle:
        if handle.read(16) == b"SQLite format 3\x00":
            raise NotHere("to encrypt")
    return crypto.unlock(record, passphrase)


def connect() -> tuple[Any, Person]:
    """An open connection to the local database, schema checked, and whose data it holds."""
    if os.environ.get("THAWING_FIELD_KEYS", "").strip():
        raise NotHere("field keys")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thawing.settings")
    if os.environ["DJANGO_SETTINGS_MODULE"] != "thawing.settings":
        raise NotHere("settings")
    from thawing import settings

    database = settings.DATABASES["default"]
    if settings.THAWING_MODE != "local" or database["ENGINE"] != "thawing.db.sqlcipher":
        raise NotHere("server mode")
    path = Path(str(database["NAME"]))
    if not path.is_file():
        raise NotHere("no database")
    key = data_key(Path(settings.DATA_DIR), path)
    import sqlcipher3.dbapi2 as sqlcipher

    from thawing.db.sqlcipher import apply_key

    options = database["OPTIONS"]
    conn = sqlcipher.connect(str(path), timeout=options["timeout"], isolation_level=None)
    try:
        apply_key(conn, key)
        conn.execute("PRAGMA foreign_keys = ON")
        for statement in options["init_command"].split(";"):
            if statement.strip():
                conn.execute(statement)
        if not schema_is_current(conn, settings.INSTALLED_APPS):
            raise NotHere("migrations")
        row = conn.execute("SELECT user_id, timezone, country FROM accounts_profile "
                           "ORDER BY id LIMIT 1").fetchone()
        if row is None:
            raise NotHere("no profile")
    except BaseException:
        conn.close()
        raise
    return conn, Person(*row)


def zone(name: str) -> Any:
    """The person's time zone (UTC if the profile's zone is no longer known), as user_zone says."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def db_time(moment: datetime) -> str:
    """A datetime as Django stores it in SQLite: naive UTC, "YYYY-MM-DD HH:MM:SS[.ffffff]"."""
    return str(moment.astimezone(UTC).replace(tzinfo=None))


def insert(conn: Any, table: str, columns: Sequence[str], values: Sequence[Any]) -> int:
    cursor = conn.execute(f"INSERT INTO {table} ({', '.join(columns)}) "
                          f"VALUES ({', '.join('?' * len(columns))})", tuple(values))
    return int(cursor.lastrowid)


# --- The two commands --------------------------------------------------------------------

@dataclass(frozen=True)
class Saved:
    """What to say once the transaction is committed, and the texts to read for crisis words."""

    sentence: str
    texts: tuple[str, ...]


def checkin(argv: Sequence[str]) -> tuple[Any, Person, Any]:
    """Checked check-in values ready to write; NotHere when a question or an error is due."""
    given = parse(argv, CHECKIN)
    if given.get("--mood") is None and not given.get("--cant-tell"):
        raise NotHere("no mood")  # a question to ask, or the usual kind refusal
    if given.get("--mood") is not None and given.get("--cant-tell"):
        raise NotHere("both")
    from thawing import content
    from thawing.core.checkins import build_checkin, split_emotion
    from thawing.core.errors import InvalidInput

    def checked(tz: Any) -> Any:
        return build_checkin(
            mood="cant-tell" if given.get("--cant-tell") else given.get("--mood"),
            feel=given.get("--feel"),
            emotions=[split_emotion(e) for e in given.get("--emotion", [])],
            body=given.get("--body", []), flicker=given.get("--flicker", ""),
            note=given.get("--note", ""), at=given.get("--at") or None,
            detached=bool(given.get("--detached")), struggling=bool(given.get("--struggling")),
            now=datetime.now(UTC), tz=tz, vocabulary=content.vocabulary(), body_map=content.body_map())

    try:
        checked(UTC)  # refused before the database (and its passphrase) is opened
    except InvalidInput:
        raise NotHere("refused") from None  # the usual way says what is wrong, as always
    conn, person = connect()
    try:
        return conn, person, checked(zone(person.timezone))
    except BaseException:
        conn.close()
        raise


def write_checkin(conn: Any, person: Person, data: Any) -> Saved:
    from thawing import content
    from thawing.core.checkins import describe_checkin, saved_sentence

    now = db_time(datetime.now(UTC))
    checkin_id = insert(conn, "checkins_checkin", CHECKIN_COLUMNS, (
        person.user_id, db_time(data.at), data.mood, data.feel, data.flicker, data.note,
        data.detached, data.struggling, now, now))
    for choice in data.emotions:
        insert(conn, "checkins_checkinemotion", EMOTION_COLUMNS,
               (person.user_id, checkin_id, choice.emotion, choice.intensity))
    for region, sensation in data.body:
        insert(conn, "checkins_bodysensation", BODY_COLUMNS,
               (person.user_id, checkin_id, region, sensation))
    described = describe_checkin(mood=data.mood, feel=data.feel, body=data.body,
                                 emotions=[(e.emotion, e.intensity) for e in data.emotions],
                                 vocabulary=content.vocabulary())
    return Saved(saved_sentence(described), (data.note, data.flicker))


def journal(argv: Sequence[str]) -> tuple[Any, Person, Any]:
    """Checked entry values ready to write; NotHere for a search, text to read, or an error."""
    given = parse(argv, JOURNAL)
    if not given.words or given.words[0] == "search":
        raise NotHere("search or no text")
    from thawing import content
    from thawing.core.errors import InvalidInput
    from thawing.core.journal import build_entry, entry_kind
    from thawing.core.mood import parse_moment

    prompt_id = given.get("--prompt", "").strip()
    prompt = content.prompts().get(prompt_id) if prompt_id else None
    if prompt_id and prompt is None:
        raise NotHere("unknown prompt")
    try:
        # Refused before the database (and its passphrase) is opened: the usual way says why.
        text = build_entry(title=given.get("--title", ""), body=" ".join(given.words),
                           tags=given.get("--tag", []))
        parse_moment(given.get("--at") or None, now=datetime.now(UTC), tz=UTC)
    except InvalidInput:
        raise NotHere("refused") from None
    kind = entry_kind(prompt.category if prompt else None, True if given.get("--letter") else None)
    conn, person = connect()
    try:
        moment = parse_moment(given.get("--at") or None, now=datetime.now(UTC),
                              tz=zone(person.timezone))
    except BaseException:
        conn.close()
        raise
    return conn, person, (text, moment, prompt_id, kind)


def write_entry(conn: Any, person: Person, values: Any) -> Saved:
    from thawing.core.journal import saved_sentence

    text, moment, prompt_id, kind = values
    now = db_time(datetime.now(UTC))
    entry_id = insert(conn, "journal_entry", ENTRY_COLUMNS, (
        person.user_id, db_time(moment), kind, text.title, text.body, prompt_id, now, now))
    for name in text.tags:
        # As get_or_create: the person's tag of that name, made the first time it is used.
        found = conn.execute("SELECT id FROM journal_tag WHERE user_id = ? AND name = ?",
                             (person.user_id, name)).fetchone()
        tag_id = found[0] if found else insert(conn, "journal_tag", TAG_COLUMNS,
                                               (person.user_id, name))
        insert(conn, "journal_entrytag", ENTRY_TAG_COLUMNS, (person.user_id, entry_id, tag_id))
    return Saved(saved_sentence(entry_id), (text.title, text.body))


COMMANDS = {"checkin": (checkin, write_checkin), "journal": (journal, write_entry)}


# --- Saying it ---------------------------------------------------------------------------

def width() -> int:
    """The width Rich would wrap at: COLUMNS, else the terminal's, else 80."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    for descriptor in (0, 1, 2):
        try:
            return os.get_terminal_size(descriptor).columns
        except OSError:
            continue
    return 80


def say(text: str) -> None:
    """Print as the usual commands do: wrapped at spaces to the width, long words folded."""
    import textwrap

    columns = max(width(), 1)
    lines = []
    for paragraph in text.split("\n"):
        lines.extend(textwrap.wrap(paragraph, columns, break_on_hyphens=False) or [""])
    sys.stdout.write("\n".join(lines) + "\n")


def offer_support(person: Person, texts: Sequence[str]) -> None:
    """Crisis lines at once when the words suggest a crisis (G5), printed by `crisis.print_crisis` as
    `thawing.cli.care` prints them, framed for someone else or for the writer's past as the web's
    card is (Signal.context)."""
    from thawing.core.safety import crisis_signals
    from thawing.core.signal import support_context

    context = support_context(s for text in texts if text for s in crisis_signals(text))
    if context is None:
        return
    from thawing import content
    from thawing.cli.crisis import print_crisis

    # Whose crisis, as the web's card says it: someone they worry about, or their own past.
    print_crisis(say, content.helplines().for_country(person.country), context=context)


# --- The way in --------------------------------------------------------------------------

def run(argv: Sequence[str]) -> int | None:
    """Run a quick command and return its exit code, or None when it must go the usual way."""
    if os.environ.get(ENV, "").strip() == "0" or not argv or argv[0] not in COMMANDS or (
            "django" in sys.modules):
        # Django already loaded (the tests, a server): nothing to save, the usual way is right.
        return None
    prepare, write = COMMANDS[argv[0]]
    try:
        conn, person, values = prepare(argv[1:])
    except Exception:
        # Not for the quick way, or something to explain (a wrong passphrase, a damaged unlock
        # file): the usual way does both, from the start. Nothing has been written.
        return None
    try:
        conn.execute("BEGIN IMMEDIATE")
        saved = write(conn, person, values)
        conn.execute("COMMIT")
    except Exception:
        _close(conn)  # the open transaction is rolled back: nothing was written
        if os.environ.get("THAWING_DEBUG") == "1":
            raise
        return None  # the usual way tries again, and explains any problem
    except BaseException:
        _close(conn)
        raise  # Ctrl-C before the commit: nothing was saved, as the caller says
    _close(conn)
    return tell(saved, person)


def _close(conn: Any) -> None:
    try:
        conn.close()
    except Exception:
        pass  # what matters was committed, or rolled back, already


def tell(saved: Saved, person: Person) -> int:
    """Say it was saved, then any crisis lines; each is tried whatever happened to the other."""
    code = 0
    try:
        say(saved.sentence)
    except BaseException:  # a closed pipe, Ctrl-C: it is saved all the same
        code = 1
    try:
        offer_support(person, saved.texts)
    except BaseException:
        code = 1
        try:
            # content/crisis.toml's reach_out, written out: this must print even when the content
            # or the lines could not be read.
            sys.stderr.write("If you are in danger or might hurt yourself, please reach out now: "
                             "thawing help shows crisis lines.\n")
        except Exception:
            pass
    if code:
        try:
            sys.stderr.write("It was saved, but something went wrong while saying so. Nothing was "
                             "sent anywhere.\n")
        except Exception:
            pass
    return code

"""Version 1 of Thawing's export (Thawing 0.2): every field of every record type, checked.

A field's check turns the JSON value into a stored value, or raises BadValue with a reason;
a field left out takes its default (or makes the record unreadable when it has none). The
limits and choices are Thawing's own at version 1, as its forms and services check them.
This module is never edited once a newer version exists: a new version gets a new module.
"""

from __future__ import annotations

import re
import zoneinfo
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime, time
from decimal import Decimal

from thawing.core.formats.common import whole as whole_text
from thawing.core.formats.native_common import (
    KINDS,
    LINKS,
    SINGLETONS,
    BadValue,
    Context,
    Document,
    Record,
    assign_keys,
    aware,
    left_out,
    plain,
)
from thawing.core.journal import BODY_MAX, TAG_MAX, TITLE_MAX
from thawing.core.mood import FLICKER_MAX, FUTURE_SLACK, NOTE_MAX, OLDEST_YEAR
from thawing.core.safety import PAST
from thawing.core.safety_plan import SECTION_MAX, SECTIONS

Check = Callable[[object, Context], object]
_MISSING = object()

# The limits and choices of version 1, as Thawing's own forms check them.
WORDS_MAX = 2_000
TEXT_MAX = 5_000
NOTES_MAX = 20_000
NAME_MAX = 120
ITEM_MAX = 300
SESSION_MAX_SECONDS = 6 * 60 * 60
ENTRY_KINDS = ("entry", "letter")
LIST_KINDS = ("enjoy", "fun", "ladder", "scramble", "stimulation", "creative", "stressor")
HOW = ("in_person", "call", "message", "group")
FELT = ("good", "okay", "hard", "cant_tell")
AMOUNTS = ("", "a_little", "some", "a_lot")
PACES = ("gentle", "steady", "full")
SOURCES = ("daylio", "jrnl")
_HEX_KEY = re.compile(r"[0-9a-f]{64}")
_CLOCK = re.compile(r"\d{2}:\d{2}")


def read(document: Mapping[str, object], result: Document, context: Context) -> None:
    """Check every record of a version 1 document into `result`, leaving out what fails."""
    plains: dict[str, list[dict[str, object]]] = {}
    kept: dict[str, list[tuple[int, dict[str, object]]]] = {}
    ids: dict[str, set[object]] = {}
    for kind in KINDS:
        rows = document.get(kind, [])
        if not isinstance(rows, list):
            rows = []
            result.skipped.append(left_out(1, kind, "shape"))
        result.counts[kind] = len(rows)
        kept[kind] = []
        seen: set[object] = set()
        for index, row in enumerate(rows):
            try:
                values = _record(kind, row, context, ids)
                if values["id"] in seen or (kind in SINGLETONS and kept[kind]):
                    raise BadValue("repeat")
            except BadValue as bad:
                result.leave_out(kind, index, bad.reason)
                continue
            seen.add(values["id"])
            kept[kind].append((index, values))
        ids[kind] = seen
        plains[kind] = [{name: plain(value) for name, value in values.items()} for _, values in kept[kind]]
    keys = assign_keys(plains)
    result.records = {kind: tuple(Record(values["id"], index, values, key) for (index, values), key
                                  in zip(kept[kind], keys[kind], strict=True)) for kind in KINDS}


def _record(kind: str, row: object, context: Context, ids: Mapping[str, set[object]]) -> dict[str, object]:
    if not isinstance(row, dict):
        raise BadValue("shape")
    values: dict[str, object] = {}
    for name, (check, default) in FIELDS[kind].items():
        raw = row.get(name, _MISSING)
        if raw is _MISSING or (raw is None and default is not _MISSING):
            if default is _MISSING:
                raise BadValue("shape")
            values[name] = default
            continue
        values[name] = check(raw, context)
    for (link_kind, name), target in LINKS.items():
        if link_kind == kind and values.get(name) is not None and values[name] not in ids.get(target, ()):
            raise BadValue("link")
    _whole_record(kind, values, context)
    return values


def _whole_record(kind: str, values: dict[str, object], context: Context) -> None:
    """Rules that involve more than one field, or this Thawing's own content."""
    known = context.known
    if kind == "medications":
        started, stopped = values["started_on"], values["stopped_on"]
        if isinstance(started, date) and isinstance(stopped, date) and stopped < started:
            raise BadValue("date")
    if known is None:
        return
    checks = {
        "checkin_emotions": lambda: values["emotion"] in known.emotions,
        "body_sensations": lambda: (values["region"] in known.regions
                                    and values["sensation"] in known.sensations),
        "sessions": lambda: known.exercises.get(str(values["exercise"])) == values["kind"],
        "screening_results": lambda: values["instrument"] in known.instruments,
        "numbing": lambda: values["kind"] in known.numbing,
        "checklist_ticks": lambda: values["item"] in known.checklist,
        "entries": lambda: not values["prompt_id"] or values["prompt_id"] in known.prompts,
        "profiles": lambda: values["timezone"] in known.zones and (
            not values["country"] or values["country"] in known.countries),
    }
    if kind in checks and not checks[kind]():
        raise BadValue("unknown")


# ---------------------------------------------------------------- field checks


def moment(*, past: bool = True) -> Check:
    def check(value: object, context: Context) -> datetime:
        found = aware(value)
        if past and found > context.now + FUTURE_SLACK:
            raise BadValue("future")
        return found
    return check


def day(*, past: bool = True) -> Check:
    def check(value: object, context: Context) -> date:
        if not isinstance(value, str) or len(value) != 10:
            raise BadValue("date")
        try:
            found = date.fromisoformat(value)
        except ValueError:
            raise BadValue("date") from None
        if found.year < OLDEST_YEAR:
            raise BadValue("date")
        if past and found > context.today:
            raise BadValue("future")
        return found
    return check


def clock(value: object, context: Context) -> time:
    if not isinstance(value, str) or len(value) > 15:
        raise BadValue("date")
    try:
        found = time.fromisoformat(value)
    except ValueError:
        raise BadValue("date") from None
    if found.tzinfo is not None:
        raise BadValue("date")
    return found


def whole(low: int, high: int) -> Check:
    def check(value: object, context: Context) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise BadValue("number")
        return value
    return check


def number(low: float, high: float) -> Check:
    def check(value: object, context: Context) -> Decimal:
        if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
            raise BadValue("number")
        return Decimal(str(round(value, 2)))
    return check


def text(limit: int, *, required: bool = False) -> Check:
    def check(value: object, context: Context) -> str:
        if not isinstance(value, str):
            raise BadValue("text")
        clean = whole_text(value).replace("\x00", "").replace("\r\n", "\n").strip()
        if len(clean) > limit or (required and not clean):
            raise BadValue("text")
        return clean
    return check


def choice(options: Iterable[str]) -> Check:
    allowed = frozenset(options)

    def check(value: object, context: Context) -> str:
        if not isinstance(value, str) or value not in allowed:
            raise BadValue("choice")
        return value
    return check


def flag(value: object, context: Context) -> bool:
    if not isinstance(value, bool):
        raise BadValue("shape")
    return value


def ident(value: object, context: Context) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise BadValue("shape")
    return value


def strings(*, limit: int, most: int, allowed: Iterable[str] | None = None,
            pattern: re.Pattern[str] | None = None) -> Check:
    options = frozenset(allowed) if allowed is not None else None

    def check(value: object, context: Context) -> tuple[str, ...]:
        if not isinstance(value, list) or len(value) > most:
            raise BadValue("shape")
        for item in value:
            if not isinstance(item, str) or len(item) > limit:
                raise BadValue("text")
            if (options is not None and item not in options) or (pattern and not pattern.fullmatch(item)):
                raise BadValue("choice")
        return tuple(value)
    return check


def answers(value: object, context: Context) -> tuple[int | None, ...]:
    if not isinstance(value, list) or len(value) > 100:
        raise BadValue("shape")
    if any(a is not None and (isinstance(a, bool) or not isinstance(a, int) or not 0 <= a <= 100)
           for a in value):
        raise BadValue("number")
    return tuple(value)


def zone_name(value: object, context: Context) -> str:
    if not isinstance(value, str) or not value or len(value) > 64:
        raise BadValue("choice")
    if context.known is None:
        try:
            zoneinfo.ZoneInfo(value)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            raise BadValue("unknown") from None
    return value


def hex_key(value: object, context: Context) -> str:
    if not isinstance(value, str) or not _HEX_KEY.fullmatch(value):
        raise BadValue("shape")
    return value


def _fields(**checks: Check | tuple[Check, object]) -> dict[str, tuple[Check, object]]:
    """Field checks with their default when absent (`_MISSING`: the field is required)."""
    fields: dict[str, tuple[Check, object]] = {"id": (ident, _MISSING)}
    for name, spec in checks.items():
        fields[name] = spec if isinstance(spec, tuple) else (spec, _MISSING)
    return fields


def _optional(check: Check, default: object = None) -> tuple[Check, object]:
    return check, default


_TIMES = {"created_at": _optional(moment(past=False)), "updated_at": _optional(moment(past=False))}
FIELDS: dict[str, dict[str, tuple[Check, object]]] = {
    "profiles": _fields(
        display_name=_optional(text(80), ""), timezone=zone_name, country=_optional(text(2), ""),
        checkin_time=_optional(clock), past=_optional(strings(limit=20, most=3, allowed=PAST), ()),
        pace=_optional(choice(PACES), "steady"),
        reminder_times=_optional(strings(limit=5, most=3, pattern=_CLOCK), ()),
        quiet_start=_optional(clock), quiet_end=_optional(clock),
        random_prompts=_optional(whole(0, 3), 0), window_start=_optional(clock),
        window_end=_optional(clock), body_scan_time=_optional(clock)),
    "checkins": _fields(
        at=moment(), mood=_optional(whole(1, 10)), feel=_optional(whole(0, 10)),
        flicker=_optional(text(FLICKER_MAX), ""), note=_optional(text(NOTE_MAX), ""),
        detached=_optional(flag, False), struggling=_optional(flag, False), **_TIMES),
    "checkin_emotions": _fields(checkin=ident, emotion=text(40, required=True),
                                intensity=_optional(whole(1, 5))),
    "body_sensations": _fields(checkin=ident, region=text(30, required=True),
                               sensation=text(30, required=True)),
    "episodes": _fields(started_on=day(), acknowledged_at=moment(), words=_optional(text(WORDS_MAX), ""),
                        ended_on=_optional(day())),
    "day_habits": _fields(
        day=day(), sleep_hours=_optional(number(0, 24)), sleep_quality=_optional(whole(1, 5)),
        meals=_optional(whole(0, 8)), movement_minutes=_optional(whole(0, 1440)),
        updated_at=_optional(moment(past=False))),
    "numbing": _fields(day=day(), kind=text(30, required=True), amount=_optional(choice(AMOUNTS), ""),
                       to_cope=_optional(flag, False), note=_optional(text(TEXT_MAX), ""),
                       created_at=_optional(moment(past=False))),
    "entries": _fields(
        written_at=moment(), kind=_optional(choice(ENTRY_KINDS), "entry"),
        title=_optional(text(TITLE_MAX), ""),
        body=text(BODY_MAX, required=True), prompt_id=_optional(text(80), ""), **_TIMES),
    "tags": _fields(name=text(TAG_MAX, required=True)),
    "entry_tags": _fields(entry=ident, tag=ident),
    "thought_records": _fields(
        at=moment(), situation=_optional(text(TEXT_MAX), ""), thought=text(TEXT_MAX, required=True),
        belief_before=_optional(whole(0, 100)), evidence=_optional(text(TEXT_MAX), ""),
        other_views=_optional(text(TEXT_MAX), ""), conclusions=_optional(text(TEXT_MAX), ""),
        alternative=_optional(text(TEXT_MAX), ""), belief_after=_optional(whole(0, 100)), **_TIMES),
    "safety_plans": _fields(**{section: _optional(text(SECTION_MAX), "") for section in SECTIONS},
                            updated_at=_optional(moment(past=False))),
    "screening_results": _fields(
        instrument=text(30, required=True), taken_at=moment(), answers=answers, total=whole(0, 1000),
        band=_optional(text(80), ""), safety_flag=_optional(flag, False)),
    "medications": _fields(
        name=text(NAME_MAX, required=True), dose=_optional(text(NAME_MAX), ""),
        started_on=_optional(day()), stopped_on=_optional(day()), note=_optional(text(TEXT_MAX), ""),
        created_at=_optional(moment(past=False))),
    "medication_changes": _fields(medication=ident, on=day(), dose=text(NAME_MAX, required=True)),
    "clinician_notes": _fields(text=_optional(text(NOTES_MAX), ""), updated_at=_optional(moment(past=False))),
    "sessions": _fields(
        exercise=text(60, required=True), kind=text(20, required=True), at=moment(),
        seconds=whole(0, SESSION_MAX_SECONDS), planned_seconds=_optional(whole(0, SESSION_MAX_SECONDS), 0),
        completed=_optional(flag, True), feel_before=_optional(whole(0, 10)),
        feel_after=_optional(whole(0, 10)), note=_optional(text(TEXT_MAX), ""),
        created_at=_optional(moment(past=False))),
    "list_items": _fields(
        kind=choice(LIST_KINDS), text=text(ITEM_MAX, required=True), detail=_optional(text(ITEM_MAX), ""),
        position=_optional(whole(0, 2**31 - 1), 0), done_on=_optional(day()),
        created_at=_optional(moment(past=False))),
    "activities": _fields(
        item=_optional(ident), kind=choice(LIST_KINDS), title=text(ITEM_MAX, required=True),
        planned_on=_optional(day(past=False)), done_on=_optional(day()), predicted=_optional(whole(0, 10)),
        actual=_optional(whole(0, 10)), note=_optional(text(TEXT_MAX), ""),
        created_at=_optional(moment(past=False))),
    "connections": _fields(
        on=day(), who=text(NAME_MAX, required=True), how=choice(HOW),
        felt=_optional(choice(FELT), "cant_tell"),
        reached_out=_optional(flag, False), note=_optional(text(TEXT_MAX), ""),
        created_at=_optional(moment(past=False))),
    "checklist_ticks": _fields(item=text(20, required=True), on=day()),
    "imported_keys": _fields(source=choice(SOURCES), key=hex_key, imported_at=_optional(moment(past=False))),
}

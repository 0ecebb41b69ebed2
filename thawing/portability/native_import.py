"""Importing a Thawing export: every record type, with what is already here left as it is.

A record is already here when one of the person's records has the same key (the key of the
format: its content, see `thawing.core.formats.native_json`), or when an earlier import of a
Thawing export brought it (its key is kept, so a record deleted since stays deleted). The
parts of a check-in or entry (emotion words, body cues, tags) come and go with it. Settings
are taken from the file unless the person keeps their own; a safety plan or notes for
appointments that differ from the file's are kept and the report says so. Times of creation
and change are kept as they were.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import connection
from django.db.models import Model
from django.utils import timezone

from thawing import content
from thawing.accounts.days import local_today
from thawing.accounts.models import Profile
from thawing.accounts.services import known_countries, known_zones, profile_for
from thawing.core import checklist
from thawing.core.formats import native_json
from thawing.core.formats.native_json import LINKS, SINGLETONS, Document, Known, Record
from thawing.core.i18n import msg
from thawing.portability import records
from thawing.portability.importing import Options, Plan, Steps, insert, known_keys, remember

SOURCE = "thawing"
# Parts that come and go with their record; their key is part of the record's.
FOLLOWERS = {"checkin_emotions": "checkin", "body_sensations": "checkin", "entry_tags": "entry"}
# The order of writing: every linked record before the records that link to it.
WRITE_ORDER = ("tags", "list_items", "medications") + tuple(
    kind for kind in native_json.KINDS if kind not in ("tags", "list_items", "medications"))
TIMES = ("created_at", "updated_at", "imported_at")
KEPT = {
    "safety_plans": msg("Your safety plan here is kept as it is; the one in the file is different. Open "
                        "the file to copy anything you need from it."),
    "clinician_notes": msg("Your notes for appointments here are kept as they are; the ones in the file "
                           "are different. Open the file to copy anything you need from them."),
}


def known() -> Known:
    """This Thawing's own words, exercises and questionnaires, to check a file against."""
    vocabulary, body = content.vocabulary(), content.body_map()
    return Known(
        emotions=frozenset(e.id for e in vocabulary.emotions), regions=frozenset(r.id for r in body.regions),
        sensations=frozenset(s.id for s in body.sensations),
        exercises={e.id: e.kind for e in content.exercises().values()},
        exercise_kinds=frozenset(e.kind for e in content.exercises().values()),
        instruments=frozenset(content.instruments()), numbing=frozenset(
            i.id for i in content.ideas().section("numbing")),
        checklist=frozenset(checklist.ITEMS), prompts=frozenset(p.id for p in content.prompts().prompts),
        zones=known_zones(), countries=known_countries())


@dataclass
class _State:
    """Per kind: the file's records that are new, and where linked records are found."""

    document: Document
    new: dict[str, list[Record]] = field(default_factory=dict)
    here: dict[str, dict[int, int]] = field(default_factory=dict)
    made: dict[str, dict[int, int]] = field(default_factory=dict)
    status: dict[str, dict[int, str]] = field(default_factory=dict)

    def pk(self, kind: str, local: int | None) -> int | None:
        if local is None:
            return None
        return self.made.get(kind, {}).get(local) or self.here.get(kind, {}).get(local)


def thawing_plan(user: AbstractBaseUser, data: bytes, options: Options) -> Plan:
    now = timezone.now()
    document = native_json.read(data, now=now, today=local_today(user), known=known())
    plan = Plan(SOURCE, f"thawing-export-v{document.version}")
    mine = records.snapshot(user)
    mine_keys = native_json.assign_keys(mine.records)
    imported = known_keys(user, SOURCE)
    state = _State(document)
    for kind in WRITE_ORDER:
        if kind in SINGLETONS:
            continue
        by_key = dict(zip(mine_keys[kind], mine.pks[kind], strict=True))
        _sort(plan, state, kind, by_key, imported, mine.records)
    _singletons(plan, user, document, mine.records, options)
    plan.skipped = document.skipped
    plan.writes.append(lambda steps: _write(user, state, steps))
    keyed = [r.key for kind in WRITE_ORDER if kind not in SINGLETONS and kind not in FOLLOWERS
             and kind != "imported_keys" for r in state.new.get(kind, ())]
    plan.writes.append(remember(user, SOURCE, keyed))
    return plan


def _sort(plan: Plan, state: _State, kind: str, by_key: Mapping[str, int], imported: set[str],
          mine: Mapping[str, list[dict[str, object]]]) -> None:
    """Decide for each record of `kind` in the file: new, already here, or left out."""
    new: list[Record] = []
    status: dict[int, str] = {}
    here: dict[int, int] = {}
    taken = _taken(kind, mine)
    for record in state.document.records[kind]:
        verdict = _verdict(state, kind, record, by_key, imported, taken)
        if verdict in ("new", "already"):
            status[record.id] = verdict
            plan.count(kind, new=verdict == "new", already=verdict == "already")
            if verdict == "new":
                new.append(record)
            elif record.key in by_key:
                here[record.id] = by_key[record.key]
        else:
            state.document.leave_out(kind, record.index, verdict)
    state.new[kind], state.status[kind], state.here[kind] = new, status, here


def _verdict(state: _State, kind: str, record: Record, by_key: Mapping[str, int], imported: set[str],
             taken: set[object]) -> str:
    """"new", "already", or the reason code for leaving the record out."""
    if kind in FOLLOWERS:
        parent = state.status[LINKS[(kind, FOLLOWERS[kind])]].get(record.values[FOLLOWERS[kind]])
        if parent != "new":
            return "link" if parent is None else "already"
    elif record.key in by_key or (kind != "imported_keys" and record.key in imported):
        return "already"
    for (link_kind, name), target in LINKS.items():
        local = record.values.get(name) if link_kind == kind else None
        parent = state.status[target].get(local) if local is not None else "new"
        # An activity whose list item can't be found stays, without its item.
        if kind == "activities" or parent == "new" or (parent and state.pk(target, local)):
            continue
        # A dose change of a medicine that came in earlier and was changed since: already here.
        return "link" if parent is None else "already"
    unique = _unique(kind, record.values)
    if unique is not None:
        if unique in taken:
            return "taken" if kind == "day_habits" else "repeat"
        taken.add(unique)
    return "new"


def _taken(kind: str, mine: Mapping[str, list[dict[str, object]]]) -> set[object]:
    """Values that must stay unique for the person, as already used by their records."""
    if kind == "day_habits":
        return {row["day"] for row in mine[kind]}
    if kind == "imported_keys":
        return {(row["source"], row["key"]) for row in mine[kind]}
    return set()


def _unique(kind: str, values: Mapping[str, Any]) -> object | None:
    if kind == "day_habits":
        return values["day"].isoformat()
    if kind == "checklist_ticks":
        return (values["item"], values["on"])
    if kind == "entry_tags":
        return (values["entry"], values["tag"])
    if kind == "imported_keys":
        return (values["source"], values["key"])
    if kind == "tags":
        return values["name"]
    return None


# ---------------------------------------------------------------- settings, plan and notes


def _singletons(plan: Plan, user: AbstractBaseUser, document: Document,
                mine: Mapping[str, list[dict[str, object]]], options: Options) -> None:
    for kind in SINGLETONS:
        found = document.records[kind]
        if not found:
            continue
        values = found[0].values
        theirs = {k: native_json.plain(v) for k, v in values.items() if k not in ("id", *TIMES)}
        ours = {k: v for k, v in (mine[kind][0] if mine[kind] else {}).items() if k not in ("id", *TIMES)}
        if theirs == ours:
            plan.count(kind, already=1)
        elif kind == "profiles" and options.keep_settings:
            plan.notes.append(msg("Your settings here are kept, as you asked."))
        elif kind != "profiles" and any(ours.values()):
            plan.notes.append(KEPT[kind])
        elif kind == "profiles" or any(theirs.values()):
            plan.count(kind, new=1)
            plan.writes.append(lambda steps, k=kind, v=values: _write_singleton(user, k, v, steps))


def _write_singleton(user: AbstractBaseUser, kind: str, values: Mapping[str, Any], steps: Steps) -> None:
    steps.advance(1)
    model = records.MODELS[kind]
    fields = {k: v for k, v in values.items() if k != "id"}
    fields = {k: list(v) if isinstance(v, tuple) else v for k, v in fields.items()}
    if kind == "profiles":
        profile = profile_for(user)
        Profile.objects.filter(user=user).update(**fields)
        # The profile kept on this user object must show the imported settings too.
        profile.refresh_from_db()
        return
    times = {k: fields.pop(k) for k in TIMES if k in fields}
    model.objects.update_or_create(user=user, defaults=fields)  # type: ignore[attr-defined]
    if times.get("updated_at"):
        model.objects.filter(user=user).update(**times)  # type: ignore[attr-defined]


# ---------------------------------------------------------------- writing


def _instance(user: AbstractBaseUser, state: _State, kind: str, record: Record) -> Model:
    values = {name: value for name, value in record.values.items() if name != "id"}
    for (link_kind, name), target in LINKS.items():
        if link_kind == kind:
            values[records.COLUMNS[name]] = state.pk(target, values.pop(name))
    values = {k: list(v) if isinstance(v, tuple) else v for k, v in values.items()}
    return records.MODELS[kind](user=user, **values)


def _write(user: AbstractBaseUser, state: _State, steps: Steps) -> None:
    for kind in WRITE_ORDER:
        chosen = state.new.get(kind, [])
        if kind in SINGLETONS or not chosen:
            continue
        objects = [_instance(user, state, kind, record) for record in chosen]
        times = [{name: record.values.get(name) for name in TIMES if name in record.values}
                 for record in chosen]
        insert(records.MODELS[kind], objects, steps)
        state.made[kind] = {record.id: obj.pk for record, obj in zip(chosen, objects, strict=True)}
        _restore_times(records.MODELS[kind], objects, times)


def _restore_times(model: type[Model], objects: list[Model], times: list[dict[str, datetime | None]]) -> None:
    """Put back when each record was made and changed, which saving set to now.

    One prepared UPDATE run for every row (executemany): far quicker than bulk_update's CASE.
    """
    names = sorted({name for row in times for name, value in row.items() if value is not None})
    if not names:
        return
    meta, ops = model._meta, connection.ops
    columns = ", ".join(f"{ops.quote_name(meta.get_field(name).column)} = %s" for name in names)
    sql = f"UPDATE {ops.quote_name(meta.db_table)} SET {columns} WHERE {ops.quote_name(meta.pk.column)} = %s"
    rows = [[ops.adapt_datetimefield_value(row.get(name) or getattr(obj, name)) for name in names] + [obj.pk]
            for obj, row in zip(objects, times, strict=True)]
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)

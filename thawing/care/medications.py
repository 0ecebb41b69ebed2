"""Medications (G3) and notes for an appointment: part of the care services door."""

from __future__ import annotations

from datetime import date, timedelta

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from thawing.accounts.days import local_today
from thawing.care.models import ClinicianNotes, Medication, MedicationChange
from thawing.checkins.services import daily_means
from thawing.core import medications as core
from thawing.core.errors import InvalidInput, NotFound
from thawing.core.i18n import msg
from thawing.core.mood import clean_text, parse_day
from thawing.core.values import checked, required_text

NAME_MAX = 120
NOTE_MAX = 5_000
NOTES_MAX = 20_000


def _day(value: str | date | None, field: str, today: date) -> date | None:
    day = value if isinstance(value, date) else parse_day(value, field=field)
    if day is not None and day > today:
        raise InvalidInput({field: msg("That day hasn\u2019t come yet. Choose today or earlier.")})
    return day


def _fields(user: AbstractBaseUser, **raw: object) -> dict[str, object]:
    today = local_today(user)
    checks = {
        "name": lambda: required_text(raw.get("name"), field="name", limit=NAME_MAX, label=msg("The name")),
        "dose": lambda: clean_text("dose", raw.get("dose"), limit=NAME_MAX, label=msg("The dose")),
        "started_on": lambda: _day(raw.get("started_on"), "started_on", today),
        "stopped_on": lambda: _day(raw.get("stopped_on"), "stopped_on", today),
        "note": lambda: clean_text("note", raw.get("note"), limit=NOTE_MAX, label=msg("This note")),
    }
    clean = checked(checks)
    started, stopped = clean.get("started_on"), clean.get("stopped_on")
    if started and stopped and stopped < started:
        raise InvalidInput({"stopped_on": msg("The stop day comes before the start day. Please check them.")})
    return clean


def add_medication(*, user: AbstractBaseUser, name: str | None, dose: str | None = "",
                   started_on: str | date | None = None, stopped_on: str | date | None = None,
                   note: str | None = "") -> Medication:
    """Log a medicine: name, dose, when it started and stopped (either may be unknown)."""
    return Medication.objects.create(user=user, **_fields(user, name=name, dose=dose, started_on=started_on,
                                                          stopped_on=stopped_on, note=note))


def update_medication(*, user: AbstractBaseUser, medication_id: int, name: str | None, dose: str | None = "",
                      started_on: str | date | None = None, stopped_on: str | date | None = None,
                      note: str | None = "") -> Medication:
    medication = get_medication(user=user, medication_id=medication_id)
    for field, value in _fields(user, name=name, dose=dose, started_on=started_on, stopped_on=stopped_on,
                                note=note).items():
        setattr(medication, field, value)
    medication.save()
    return medication


def get_medication(*, user: AbstractBaseUser, medication_id: int) -> Medication:
    medication = Medication.objects.filter(user=user, pk=medication_id).first()
    if medication is None:
        raise NotFound(msg("I couldn\u2019t find that medicine."))
    return medication


def list_medications(
    *, user: AbstractBaseUser, limit: int | None = None, offset: int = 0
) -> list[Medication]:
    queryset = Medication.objects.filter(user=user).prefetch_related("changes")
    return list(queryset[offset:offset + limit] if limit else queryset[offset:])


def delete_medication(*, user: AbstractBaseUser, medication_id: int) -> None:
    deleted, _ = Medication.objects.filter(user=user, pk=medication_id).delete()
    if not deleted:
        raise NotFound(msg("I couldn\u2019t find that medicine."))


def add_change(*, user: AbstractBaseUser, medication_id: int, on: str | date | None,
               dose: str | None) -> MedicationChange:
    """Note a change of dose (or timing) on a day; the day is required."""
    medication = get_medication(user=user, medication_id=medication_id)
    today = local_today(user)
    problems: dict[str, str] = {}
    try:
        day = _day(on, "on", today)
        if day is None:
            raise InvalidInput({"on": msg("Say on which day it changed.")})
    except InvalidInput as error:
        problems.update(error.fields)
    try:
        text = required_text(dose, field="dose", limit=NAME_MAX, label=msg("The change"))
    except InvalidInput as error:
        problems.update(error.fields)
    if problems:
        raise InvalidInput(problems)
    return MedicationChange.objects.create(user=user, medication=medication, on=day, dose=text)


def delete_change(*, user: AbstractBaseUser, change_id: int) -> None:
    deleted, _ = MedicationChange.objects.filter(user=user, pk=change_id).delete()
    if not deleted:
        raise NotFound(msg("That change isn\u2019t here any more."))


def records(medications: list[Medication]) -> list[core.MedicationRecord]:
    return [core.MedicationRecord(m.name, m.dose, m.started_on, m.stopped_on,
                                  tuple((c.on, c.dose) for c in m.changes.all())) for m in medications]


def observations(*, user: AbstractBaseUser) -> list[core.Observation]:
    """Dated before/after means around each medicine event, for the appointment page (G3)."""
    medications = list_medications(user=user)
    events = [d for m in medications for d in (m.started_on, m.stopped_on, *(c.on for c in m.changes.all()))
              if d]
    if not events:
        return []
    days = daily_means(user=user, start=min(events) - timedelta(days=core.WINDOW_DAYS))
    measures = {"feel": {d.day: d.feel for d in days if d.feel is not None},
                "mood": {d.day: d.mood for d in days if d.mood is not None}}
    return core.observations(records(medications), measures, today=local_today(user))


def clinician_notes(*, user: AbstractBaseUser) -> str:
    notes = ClinicianNotes.objects.filter(user=user).first()
    return notes.text if notes else ""


def save_clinician_notes(*, user: AbstractBaseUser, text: str | None) -> str:
    """Keep what the person wants to tell their doctor; the report prints it."""
    clean = clean_text("text", text, limit=NOTES_MAX, label=msg("Your notes"))
    with transaction.atomic():
        ClinicianNotes.objects.update_or_create(user=user, defaults={"text": clean})
    return clean

"""Two server-mode people with one record of every kind each, for the isolation sweep.

Every free-text field holds a marker word (MARK for Robin, the person whose data must never show),
and every table's ids start at a distinctive number, so an id of Robin's in someone else's answer
is found too.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import pytest
from django.apps import apps
from django.conf import settings as django_settings
from django.db import connection, models

# Robin's marker: in every free-text field, the user name and the display name. Never in any
# vocabulary, prompt or guide, so finding it in another person's answer is a leak. Eight letters,
# so that no random CSRF token or session key ever holds it by chance.
MARK = "zqxajvkw"
# A word in everyone's free text, so that a search finds records (the searcher's own only).
SHARED_WORD = "quokka"
# Robin's ids start at 7,000,001 in the first table, 7,010,001 in the next...
ID_BASE = 7_000_000
ID_STEP = 10_000


# The record each URL argument names.
ID_MODELS = {
    "checkin_id": ("checkins", "CheckIn"), "entry_id": ("journal", "Entry"),
    "record_id": ("journal", "ThoughtRecord"), "result_id": ("care", "ScreeningResult"),
    "medication_id": ("care", "Medication"), "change_id": ("care", "MedicationChange"),
    "item_id": ("practices", "ListItem"), "activity_id": ("practices", "Activity"),
    "connection_id": ("practices", "Connection"), "numbing_id": ("habits", "Numbing"),
    "session_id": ("practices", "Session"),
}


@dataclass
class Records:
    """One person and the ids of their records, by the name URL patterns give them."""

    user: Any
    ids: dict[str, list[int]] = field(default_factory=dict)
    day: str = ""
    tag: str = ""
    tag_id: int = 0
    feed_token: str = ""
    import_token: str = ""


def owned_models() -> list[type[models.Model]]:
    """Every model with a foreign key or one-to-one to the user: every table of a person's data."""
    user_model = apps.get_model(django_settings.AUTH_USER_MODEL)
    found = []
    for model in apps.get_models():
        if any(isinstance(f, models.ForeignKey) and f.related_model is user_model and f.name == "user"
               for f in model._meta.get_fields()):
            found.append(model)
    return sorted(found, key=lambda m: m._meta.label)


def thawing_models() -> list[type[models.Model]]:
    return [m for m in owned_models() if m._meta.app_config.name.startswith("thawing.")]


def snapshot(user: Any) -> dict[str, list[dict[str, Any]]]:
    """Every row of every user-owned table that belongs to `user`, and the user row itself."""
    user_model = apps.get_model(django_settings.AUTH_USER_MODEL)
    rows = {model._meta.label: list(model.objects.filter(user=user).order_by("pk").values())
            for model in owned_models()}
    rows["user"] = list(user_model.objects.filter(pk=user.pk).values())
    return rows


def start_ids_high() -> None:
    """Make the next id of every user-owned table (and the user table) a distinctive number."""
    user_model = apps.get_model(django_settings.AUTH_USER_MODEL)
    tables = [user_model._meta.db_table] + [m._meta.db_table for m in owned_models()]
    with connection.cursor() as cursor:
        for index, table in enumerate(tables):
            start = ID_BASE + ID_STEP * index
            if connection.vendor == "sqlite":
                cursor.execute("UPDATE sqlite_sequence SET seq = %s WHERE name = %s", [start, table])
                if cursor.rowcount == 0:
                    cursor.execute("INSERT INTO sqlite_sequence (name, seq) VALUES (%s, %s)", [table, start])
            elif connection.vendor == "postgresql":
                cursor.execute("SELECT setval(pg_get_serial_sequence(%s, 'id'), %s)", [table, start])


def jrnl_file(*, title: str, body: str) -> bytes:
    """A one-entry jrnl JSON export."""
    entry = {"title": title, "body": body, "date": "2024-03-01", "time": "13:10", "tags": [],
             "starred": False}
    return json.dumps({"tags": {}, "entries": [entry]}).encode()


def fill(user: Any, mark: str) -> Records:
    """One record of every kind for `user`, through the services, `mark` in every free text."""
    from thawing.accounts import services as accounts
    from thawing.accounts.days import local_today
    from thawing.care import medications
    from thawing.care import services as care
    from thawing.checkins import services as checkins
    from thawing.habits import services as habits
    from thawing.journal import services as journal
    from thawing.journal import thoughts
    from thawing.practices import reminders
    from thawing.practices import services as practices

    def text(name: str) -> str:
        return f"{mark}-{name} {SHARED_WORD}"

    today = local_today(user)
    yesterday = today - timedelta(days=1)
    found = Records(user=user, day=yesterday.isoformat(), tag=f"{mark}-tag")

    accounts.update_profile(user=user, name=text("name"), timezone="UTC", country="GB",
                            checkin_time="09:00", past=["depression"])
    checkins.record_checkin(user=user, mood=3, feel=2, emotions=[("grief", 4), ("numb", 2)],
                            body=["chest:heavy"], flicker=text("flicker"), note=text("note"),
                            detached=True, struggling=True)
    checkins.acknowledge_shutdown(user=user, since=(today - timedelta(days=20)).isoformat(),
                                  words=text("episode"))
    journal.write_entry(user=user, body=text("body"), title=text("title"), tags=[found.tag])
    written = journal.write_entry(user=user, body=text("letter-body"), title=text("letter-title"),
                                  tags=[found.tag], letter=True)
    found.tag_id = written.tags[0][0]
    thoughts.record_thought(user=user, thought=text("thought"), situation=text("situation"),
                            belief_before=80, evidence=text("evidence"), other_views=text("other-views"),
                            conclusions=text("conclusions"), alternative=text("alternative"),
                            belief_after=40)
    care.save_safety_plan(user=user, **{name: text(name) for name in (
        "warning_signs", "coping", "distractions", "people", "professionals", "environment", "reasons")})
    care.take_screening(user=user, instrument_id="phq9", answers=[2, 2, 1, 1, 0, 1, 2, 0, 0])
    medication = medications.add_medication(user=user, name=text("med"), dose=text("dose"),
                                            started_on=(today - timedelta(days=60)).isoformat(),
                                            note=text("med-note"))
    medications.add_change(user=user, medication_id=medication.pk,
                           on=(today - timedelta(days=30)).isoformat(), dose=text("change"))
    medications.save_clinician_notes(user=user, text=text("clinician"))
    items = [practices.add_item(user=user, kind=kind, text=text(f"item-{kind}"),
                                detail=text(f"detail-{kind}"))
             for kind in practices.LIST_KINDS]
    practices.record_activity(user=user, kind="enjoy", item_id=items[0].pk, done=False,
                              planned_on=today.isoformat(), predicted=6)
    practices.record_activity(user=user, kind="fun", title=text("activity"), actual=7,
                              note=text("activity-note"))
    practices.log_connection(user=user, who=text("who"), how="call", felt="good", reached_out=True,
                             note=text("connection-note"))
    practices.record_session(user=user, exercise_id="five-senses", seconds=120, feel_before=2, feel_after=4,
                             note=text("session-note"))
    habits.record_habits(user=user, day=found.day, sleep_hours="6.5", sleep_quality=3, meals=2,
                         movement_minutes=25)
    habits.log_numbing(user=user, kind="scrolling", day=found.day, amount="a_lot", to_cope=True,
                       note=text("numbing-note"))
    practices.tick(user=user, item="reach_out")
    practices.set_pace(user=user, pace="gentle")
    reminders.save_rhythm(user=user, times=["08:30", "20:00"], quiet_start="22:00", quiet_end="07:00",
                          random_prompts=1, window_start="10:00", window_end="18:00", body_scan="13:00")
    found.feed_token = reminders.feed_token(user)
    if apps.is_installed("thawing.portability"):
        # An import (which keeps the keys of what came in) and an upload waiting for its confirmation.
        from thawing.portability import services as portability

        data = jrnl_file(title=text("imported-title"), body=text("imported-body"))
        portability.run_import(user=user, kind="jrnl", data=data)
        found.import_token = portability.keep_upload(user=user, kind="jrnl", data=data)
    # Every record of each kind, also those an import made.
    for name, (app_label, model_name) in ID_MODELS.items():
        model = apps.get_model(app_label, model_name)
        found.ids[name] = list(model.objects.filter(user=user).order_by("pk").values_list("pk", flat=True))
    return found


@pytest.fixture
def people(server_mode, make_account, settings):
    """Robin, whose records must never reach anyone else, and Kim, who tries every address.

    Both have one record of every kind; Robin's ids are distinctive numbers.
    """
    settings.THAWING_SIGNUP = True
    # Accounts are made again and again (after Kim deletes everything); Argon2 would take minutes.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    start_ids_high()
    robin = fill(make_account(f"{MARK}-robin"), MARK)
    kim = fill(make_account("kim"), "kimb")
    return robin, kim



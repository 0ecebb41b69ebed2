"""People with records of every kind, for export and import tests.

The clock stands still on Tuesday 10 March 2026, 15:00 in London, the local profile's zone.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 3, 10, 15, 0, tzinfo=LONDON)
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@pytest.fixture(autouse=True)
def still_clock():
    with time_machine.travel(NOW, tick=False):
        yield


def fixture_bytes(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def fill_every_kind(user) -> None:
    """At least one record of every kind Thawing keeps, with parts, links and odd text."""
    from thawing.accounts.services import update_profile
    from thawing.care import medications
    from thawing.care import services as care
    from thawing.checkins import services as checkins
    from thawing.habits import services as habits
    from thawing.journal import services as journal
    from thawing.journal import thoughts
    from thawing.portability import services as portability
    from thawing.practices import reminders
    from thawing.practices import services as practices

    update_profile(user=user, name="Sam", timezone="Europe/London", country="GB", checkin_time="20:30",
                   past=["depression"])
    reminders.save_rhythm(user=user, times=["09:00", "20:30"], quiet_start="22:00", quiet_end="07:00",
                          random_prompts=1, window_start="10:00", window_end="18:00", body_scan="12:00")
    practices.set_pace(user=user, pace="gentle")
    checkins.record_checkin(user=user, mood=3, feel=2, emotions=[("grief", 4), ("calm", None)],
                            body=["chest:heavy"], flicker="a laugh at lunch", note="Flat, \"quoted\", =1+1",
                            at="2026-03-01T09:05", detached=True)
    checkins.record_checkin(user=user, mood="cant-tell", note="Zweite Zeile\nmit Komma, 🙂",
                            at="2026-03-02T21:00", struggling=True)
    checkins.record_checkin(user=user, mood=7, feel=6, at="2026-03-09T08:00")
    checkins.acknowledge_shutdown(user=user, since=date(2026, 2, 1), words="like glass")
    habits.record_habits(user=user, day="2026-03-01", sleep_hours="7.5", sleep_quality=3, meals=2,
                         movement_minutes=20)
    habits.record_habits(user=user, day="2026-03-02", sleep_hours="8")
    habits.log_numbing(user=user, kind="scrolling", day="2026-03-02", amount="a_lot", to_cope=True,
                       note="late")
    entry = journal.write_entry(user=user, title="Glass", body="# not a heading\nThe morning felt far.",
                                tags=["numb", "walk"], written_at="2026-03-01T10:00")
    journal.update_entry(user=user, entry_id=entry.pk, title="Glass", body=entry.body, tags=["numb"],
                         written_at=None)
    journal.write_entry(user=user, body="Dear Gran, I miss you.", prompt_id="letters-someone-who-died",
                        written_at="2026-03-03T19:00")
    thoughts.record_thought(user=user, thought="I am broken", situation="Party", belief_before=80,
                            evidence="Not really", alternative="I am tired", belief_after=40,
                            at="2026-03-04T22:00")
    care.save_safety_plan(user=user, warning_signs="not sleeping", people="Alex 0123")
    care.take_screening(user=user, instrument_id="phq9", answers=[1, 2, 1, 0, 1, 2, 1, 0, 0])
    pill = medications.add_medication(user=user, name="Sertraline", dose="50 mg", started_on="2026-01-05",
                                      note="morning")
    medications.add_change(user=user, medication_id=pill.pk, on="2026-02-05", dose="100 mg")
    medications.add_medication(user=user, name="Old", started_on="2025-01-01", stopped_on="2025-06-01")
    medications.save_clinician_notes(user=user, text="Ask about sleep")
    practices.record_session(user=user, exercise_id="five-senses", seconds=300, feel_before=2, feel_after=4,
                             note="ok", at="2026-03-05T12:00")
    item = practices.add_item(user=user, kind="fun", text="Baking", detail="buy flour")
    practices.add_item(user=user, kind="ladder", text="Call Alex")
    practices.record_activity(user=user, kind="fun", item_id=item.pk, done_on="2026-03-06", actual=6,
                              predicted=3, note="nice")
    practices.record_activity(user=user, kind="enjoy", title="Swim", planned_on="2026-03-20", predicted=5)
    practices.log_connection(user=user, who="Alex", how="call", felt="good", reached_out=True, note="long",
                             on="2026-03-07")
    practices.tick(user=user, item="consultation")
    portability.run_import(user=user, kind="daylio", data=fixture_bytes("daylio/v2_no_header.csv"))


@pytest.fixture
def everything(local_user):
    """The local profile (London) with records of every kind."""
    fill_every_kind(local_user)
    return local_user

"""Sleep, meals, movement and numbing behaviours (F1, F2, F5, C5) through the services door."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine

from thawing import content
from thawing.core.errors import InvalidInput, NotFound
from thawing.habits import services as habits
from thawing.habits.models import DayHabits, Numbing

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")
# Wednesday 11 March 2026, at noon in London.
NOON = datetime(2026, 3, 11, 12, 0, tzinfo=LONDON)
TODAY = NOON.date()


@pytest.fixture(autouse=True)
def at_noon():
    with time_machine.travel(NOON, tick=False):
        yield TODAY


def nights(user, hours: float, *, first_back: int, last_back: int) -> None:
    for back in range(first_back, last_back - 1, -1):
        habits.record_habits(user=user, day=TODAY - timedelta(days=back), sleep_hours=str(hours))


@pytest.mark.practice("F1")
@pytest.mark.practice("F2")
def test_one_row_a_day_is_updated_in_place(local_user):
    habits.record_habits(user=local_user, sleep_hours="6", sleep_quality="2", meals="2",
                         movement_minutes="10")
    habits.record_habits(user=local_user, day=TODAY.isoformat(), sleep_hours="7.5", sleep_quality="4",
                         meals="3", movement_minutes="45")
    row = DayHabits.objects.get()
    assert (row.day, row.sleep_hours, row.sleep_quality, row.meals, row.movement_minutes) == (
        TODAY, Decimal("7.5"), 4, 3, 45)
    habits.record_habits(user=local_user, day=TODAY - timedelta(days=1), meals="1")
    assert DayHabits.objects.count() == 2
    assert habits.habits_on(user=local_user, day=TODAY - timedelta(days=1)).meals == 1


@pytest.mark.practice("F1")
def test_hours_slept_take_a_comma_as_the_decimal_mark(local_user):
    row = habits.record_habits(user=local_user, sleep_hours="6,75")
    assert DayHabits.objects.get(pk=row.pk).sleep_hours == Decimal("6.75")


def test_empty_fields_are_not_noted_rather_than_zero(local_user):
    row = habits.record_habits(user=local_user, sleep_hours="", meals=" ", movement_minutes=None)
    saved = DayHabits.objects.get(pk=row.pk)
    assert (saved.sleep_hours, saved.sleep_quality, saved.meals, saved.movement_minutes) == (
        None, None, None, None)


def test_every_value_out_of_range_is_named_and_nothing_is_saved(local_user):
    with pytest.raises(InvalidInput) as caught:
        habits.record_habits(user=local_user, sleep_hours="25", sleep_quality="6", meals="9",
                             movement_minutes="1441")
    assert set(caught.value.fields) == {"sleep_hours", "sleep_quality", "meals", "movement_minutes"}
    assert "Hours slept" in caught.value.fields["sleep_hours"]
    with pytest.raises(InvalidInput) as caught:
        habits.record_habits(user=local_user, sleep_hours="nan", sleep_quality="0", meals="-1",
                             movement_minutes="half an hour")
    assert set(caught.value.fields) == {"sleep_hours", "sleep_quality", "meals", "movement_minutes"}
    assert not DayHabits.objects.exists()


def test_a_day_that_has_not_come_yet_is_refused(local_user):
    with pytest.raises(InvalidInput) as caught:
        habits.record_habits(user=local_user, day=TODAY + timedelta(days=1), sleep_hours="8")
    assert set(caught.value.fields) == {"day"}
    with pytest.raises(InvalidInput) as caught:
        habits.record_habits(user=local_user, day="the 12th", sleep_hours="8")
    assert set(caught.value.fields) == {"day"}
    assert not DayHabits.objects.exists()


@pytest.mark.practice("F1")
def test_a_week_of_short_sleep_after_two_good_weeks_brings_a_shift_note(local_user):
    nights(local_user, 7.5, first_back=20, last_back=7)
    nights(local_user, 4.5, first_back=6, last_back=0)
    week = habits.habits_week(user=local_user)
    kinds = {note.kind: note for note in week.sleep_notes}
    assert set(kinds) == {"shift", "short"}
    assert (kinds["shift"].recent_hours, kinds["shift"].baseline_hours) == (4.5, 7.5)
    assert kinds["shift"].since == TODAY - timedelta(days=6)
    assert [hours for _, hours in week.nights] == [4.5] * 7
    assert week.nights[-1][0] == TODAY


@pytest.mark.practice("F1")
def test_steady_sleep_brings_no_note_and_few_nights_are_not_enough(local_user):
    nights(local_user, 7.5, first_back=20, last_back=0)
    assert habits.habits_week(user=local_user).sleep_notes == []
    # Four short nights are not yet a week of them.
    for back in range(3, -1, -1):
        habits.record_habits(user=local_user, day=TODAY - timedelta(days=back), sleep_hours="4")
    DayHabits.objects.filter(day__in=[TODAY - timedelta(days=d) for d in (4, 5, 6)]).delete()
    assert habits.habits_week(user=local_user).sleep_notes == []


@pytest.mark.practice("F1")
def test_a_week_of_long_sleep_is_noted_without_a_baseline(local_user):
    nights(local_user, 10, first_back=6, last_back=0)
    assert [note.kind for note in habits.habits_week(user=local_user).sleep_notes] == ["long"]


@pytest.mark.practice("C5")
def test_movement_adds_up_from_monday_against_150_minutes(local_user):
    monday = TODAY - timedelta(days=TODAY.weekday())
    # Sunday before counts for last week, not this one.
    habits.record_habits(user=local_user, day=monday - timedelta(days=1), movement_minutes="90")
    habits.record_habits(user=local_user, day=monday, movement_minutes="30")
    habits.record_habits(user=local_user, day=monday + timedelta(days=1), movement_minutes="20")
    habits.record_habits(user=local_user, day=TODAY, movement_minutes="40", sleep_hours="7")
    movement = habits.habits_week(user=local_user).movement
    assert movement.start == monday
    assert movement.minutes_by_day[:3] == (30, 20, 40)
    assert (movement.total, movement.active_days, movement.reached) == (90, 2, False)
    habits.record_habits(user=local_user, day=TODAY, movement_minutes="100")
    assert habits.habits_week(user=local_user).movement.reached


def test_someone_elses_habits_do_not_show_in_my_week(local_user, make_account):
    other = make_account("other")
    for back in range(7):
        habits.record_habits(user=other, day=TODAY - timedelta(days=back), sleep_hours="3",
                             movement_minutes="200")
    habits.log_numbing(user=other, kind="scrolling")
    week = habits.habits_week(user=local_user)
    assert (week.movement.total, week.sleep_notes, week.numbing, week.today) == (0, [], [], None)


@pytest.mark.practice("F5")
def test_numbing_is_noted_neutrally_with_a_kind_from_the_ideas(local_user):
    kinds = {idea.id for idea in content.ideas().section("numbing")}
    assert {"scrolling", "binge-watching", "gaming", "alcohol", "drugs", "overwork"} <= kinds
    noted = habits.log_numbing(user=local_user, kind="Binge-Watching", amount="a_lot", to_cope=True,
                               note="three episodes", day=(TODAY - timedelta(days=2)).isoformat())
    saved = Numbing.objects.get(pk=noted.pk)
    assert (saved.kind, saved.amount, saved.to_cope, saved.note, saved.day) == (
        "binge-watching", "a_lot", True, "three episodes", TODAY - timedelta(days=2))
    assert habits.habits_week(user=local_user).numbing == [saved]


@pytest.mark.practice("F5")
@pytest.mark.parametrize("arguments, fields", [
    ({"kind": "knitting"}, {"kind"}),
    ({"kind": ""}, {"kind"}),
    ({"kind": "gaming", "amount": "loads"}, {"amount"}),
    ({"kind": "gaming", "day": "2999-01-01"}, {"day"}),
    ({"kind": "wine", "amount": "heaps", "note": "x" * 5_001}, {"kind", "amount", "note"}),
])
def test_numbing_kinds_amounts_and_days_are_checked(local_user, arguments, fields):
    with pytest.raises(InvalidInput) as caught:
        habits.log_numbing(user=local_user, **arguments)
    assert set(caught.value.fields) == fields
    assert not Numbing.objects.exists()


def test_someone_elses_numbing_note_cannot_be_deleted(local_user, make_account):
    theirs = habits.log_numbing(user=make_account("other"), kind="alcohol")
    mine = habits.log_numbing(user=local_user, kind="gaming")
    with pytest.raises(NotFound):
        habits.delete_numbing(user=local_user, numbing_id=theirs.pk)
    assert Numbing.objects.filter(pk=theirs.pk).exists()
    habits.delete_numbing(user=local_user, numbing_id=mine.pk)
    assert list(Numbing.objects.all()) == [theirs]
    assert habits.list_numbing(user=local_user) == []

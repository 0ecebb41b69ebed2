"""The practices services door: sessions, pace, lists, activities, connections, checklist."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from thawing import content
from thawing.checkins import services as checkins
from thawing.core.errors import InvalidInput, NotFound
from thawing.habits import services as habits
from thawing.practices import services
from thawing.practices.models import Activity, ChecklistTick, Connection, ListItem, Session

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")
# A Wednesday in spring, at noon in London: every "today" below is this day.
NOON = datetime(2026, 3, 11, 12, 0, tzinfo=LONDON)
TODAY = NOON.date()


@pytest.fixture
def other(make_account):
    return make_account("someone-else")


@pytest.fixture
def at_noon():
    with time_machine.travel(NOON, tick=False):
        yield TODAY


def checklist_of(user) -> dict[str, services.core_checklist.Item]:
    return {item.id: item for item in services.checklist(user=user)}


# Sessions (C1-C6, A5) ------------------------------------------------------------------

@pytest.mark.practice("C3")
def test_a_breathing_session_is_saved_with_its_time_and_both_ratings(local_user):
    session = services.record_session(user=local_user, exercise_id="longer-out-breath", seconds="95",
                                      feel_before="2", feel_after="4", note="  shoulders dropped  ")
    saved = Session.objects.get(pk=session.pk)
    assert (saved.exercise, saved.kind, saved.seconds) == ("longer-out-breath", "breathing", 95)
    assert (saved.feel_before, saved.feel_after, saved.note) == (2, 4, "shoulders dropped")
    assert saved.planned_seconds == content.exercises()["longer-out-breath"].total_seconds
    assert saved.completed is True and saved.user == local_user


@pytest.mark.practice("C1")
def test_ratings_are_optional_and_zero_seconds_is_an_honest_answer(local_user):
    session = services.record_session(user=local_user, exercise_id="five-senses", seconds=0,
                                      completed=False)
    assert (session.seconds, session.feel_before, session.feel_after) == (0, None, None)
    assert session.completed is False


@pytest.mark.parametrize("changes, field", [
    ({"seconds": str(services.SESSION_MAX_SECONDS + 1)}, "seconds"),
    ({"seconds": "-5"}, "seconds"),
    ({"seconds": ""}, "seconds"),
    ({"feel_before": "11"}, "feel_before"),
    ({"feel_after": "11"}, "feel_after"),
    ({"feel_after": "a lot"}, "feel_after"),
    ({"planned_seconds": "lots"}, "planned_seconds"),
    ({"at": "2999-01-01T10:00"}, "at"),
])
def test_a_session_out_of_range_names_the_field_and_saves_nothing(local_user, changes, field):
    arguments = {"seconds": "60", **changes}
    with pytest.raises(InvalidInput) as caught:
        services.record_session(user=local_user, exercise_id="body-scan", **arguments)
    assert set(caught.value.fields) == {field}
    assert not Session.objects.exists()


def test_every_problem_with_a_session_is_named_at_once(local_user):
    with pytest.raises(InvalidInput) as caught:
        services.record_session(user=local_user, exercise_id="body-scan", seconds="x",
                                feel_before="11", feel_after="-1")
    assert set(caught.value.fields) == {"seconds", "feel_before", "feel_after"}


def test_an_unknown_exercise_is_not_found(local_user):
    with pytest.raises(NotFound):
        services.record_session(user=local_user, exercise_id="juggling-chainsaws", seconds=60)
    assert not Session.objects.exists()


def test_someone_elses_session_cannot_be_deleted(local_user, other):
    theirs = services.record_session(user=other, exercise_id="body-scan", seconds=600)
    with pytest.raises(NotFound):
        services.delete_session(user=local_user, session_id=theirs.pk)
    assert Session.objects.filter(pk=theirs.pk).exists()
    assert services.list_sessions(user=local_user) == []
    services.delete_session(user=other, session_id=theirs.pk)
    assert not Session.objects.exists()


@pytest.mark.practice("A5")
def test_sessions_on_a_day_follow_the_persons_time_zone(local_user):
    # 23:30 in London in summer is 22:30 UTC: still the same local day.
    with time_machine.travel(datetime(2026, 6, 10, 23, 30, tzinfo=LONDON), tick=False):
        late = services.record_session(user=local_user, exercise_id="body-scan", seconds=600)
    with time_machine.travel(datetime(2026, 6, 11, 0, 30, tzinfo=LONDON), tick=False):
        early = services.record_session(user=local_user, exercise_id="body-scan", seconds=600)
    assert services.sessions_on(user=local_user, day=date(2026, 6, 10)) == [late]
    assert services.sessions_on(user=local_user, day=date(2026, 6, 11)) == [early]


@pytest.mark.practice("C4")
def test_the_meditation_timer_grows_from_two_to_ten_minutes(local_user):
    two = services.get_exercise(exercise_id="meditation-timer")
    ten = services.get_exercise(exercise_id="meditation-timer", minutes="10")
    assert (two.total_seconds, ten.total_seconds) == (120, 600)
    session = services.record_session(user=local_user, exercise_id="meditation-timer", seconds=600,
                                      planned_seconds=ten.total_seconds)
    assert session.planned_seconds == 600
    with pytest.raises(InvalidInput) as caught:
        services.get_exercise(exercise_id="meditation-timer", minutes="0")
    assert set(caught.value.fields) == {"minutes"}


# Pace (G6) -----------------------------------------------------------------------------

def held_back(user) -> set[str]:
    return {offer.exercise.id for offer in services.list_exercises(user=user) if not offer.ready}


@pytest.mark.practice("G6")
@pytest.mark.parametrize("pace, kept_back", [
    ("gentle", {"moderate", "intense"}), ("steady", {"intense"}), ("full", set()),
])
def test_pace_holds_back_the_stronger_exercises(local_user, pace, kept_back):
    assert services.set_pace(user=local_user, pace=pace) == pace
    expected = {e.id for e in content.exercises().values() if e.intensity in kept_back}
    assert held_back(local_user) == expected
    assert ("safe-release" in expected) == (pace != "full")
    assert ("movement-snack" in expected) == (pace == "gentle")
    # Held back is not hidden: every exercise is still offered.
    assert len(services.list_exercises(user=local_user)) == len(content.exercises())


def test_a_new_person_starts_at_a_steady_pace_and_a_made_up_pace_is_refused(local_user):
    assert services.pace_of(local_user) == "steady"
    with pytest.raises(InvalidInput) as caught:
        services.set_pace(user=local_user, pace="reckless")
    assert set(caught.value.fields) == {"pace"}
    assert services.pace_of(local_user) == "steady"


# The person's own lists (D1-D5, B3, F3) ------------------------------------------------

def texts(user, kind: str) -> list[str]:
    return [item.text for item in services.list_items(user=user, kind=kind)]


@pytest.mark.practice("D2")
def test_new_items_go_to_the_end_and_the_favourite_stays_on_top(local_user):
    for text in ("Dance in the kitchen", "Bake a silly cake", "Jigsaw"):
        services.add_item(user=local_user, kind="fun", text=text)
    assert texts(local_user, "fun") == ["Dance in the kitchen", "Bake a silly cake", "Jigsaw"]
    assert [i.position for i in services.list_items(user=local_user, kind="fun")] == [1, 2, 3]
    # Another list keeps its own order.
    services.add_item(user=local_user, kind="enjoy", text="Swimming")
    assert texts(local_user, "enjoy") == ["Swimming"]


@pytest.mark.practice("D2")
def test_moving_items_reorders_them_and_keeps_positions_contiguous(local_user):
    a, b, c, d = (services.add_item(user=local_user, kind="fun", text=t) for t in "abcd")
    services.move_item(user=local_user, item_id=c.pk, direction="up")
    assert texts(local_user, "fun") == ["a", "c", "b", "d"]
    services.move_item(user=local_user, item_id=a.pk, direction="down")
    assert texts(local_user, "fun") == ["c", "a", "b", "d"]
    # Moving past either end changes nothing.
    services.move_item(user=local_user, item_id=c.pk, direction="up")
    services.move_item(user=local_user, item_id=d.pk, direction="down")
    assert texts(local_user, "fun") == ["c", "a", "b", "d"]
    # A gap left by a deleted item closes on the next move.
    services.delete_item(user=local_user, item_id=a.pk)
    services.move_item(user=local_user, item_id=d.pk, direction="up")
    items = services.list_items(user=local_user, kind="fun")
    assert [(i.text, i.position) for i in items] == [("c", 1), ("d", 2), ("b", 3)]
    with pytest.raises(InvalidInput):
        services.move_item(user=local_user, item_id=b.pk, direction="sideways")


@pytest.mark.practice("D3")
@pytest.mark.parametrize("moment, local_day", [
    (datetime(2026, 6, 10, 23, 30, tzinfo=LONDON), date(2026, 6, 10)),
    # 00:30 in London is still the 10th in UTC: the local day is the one that counts.
    (datetime(2026, 6, 11, 0, 30, tzinfo=LONDON), date(2026, 6, 11)),
])
def test_crossing_off_a_ladder_step_records_the_local_day(local_user, moment, local_day):
    step = services.add_item(user=local_user, kind="ladder", text="Sit in a café alone")
    with time_machine.travel(moment, tick=False):
        crossed = services.cross_off(user=local_user, item_id=step.pk)
    assert crossed.done_on == local_day
    assert ListItem.objects.get(pk=step.pk).done_on == local_day
    services.cross_off(user=local_user, item_id=step.pk, done=False)
    assert ListItem.objects.get(pk=step.pk).done_on is None


@pytest.mark.practice("F3")
def test_a_stressor_keeps_one_small_step_and_edits_are_checked(local_user):
    item = services.add_item(user=local_user, kind="stressor", text="Inbox at work",
                             detail="Close it after 5 pm")
    assert (item.text, item.detail) == ("Inbox at work", "Close it after 5 pm")
    services.update_item(user=local_user, item_id=item.pk, text="Email", detail="")
    assert ListItem.objects.get(pk=item.pk).text == "Email"
    with pytest.raises(InvalidInput) as caught:
        services.update_item(user=local_user, item_id=item.pk, text=" ", detail="x" * 301)
    assert set(caught.value.fields) == {"text", "detail"}
    assert ListItem.objects.get(pk=item.pk).text == "Email"


@pytest.mark.parametrize("kind, text, field", [
    ("fun", "   ", "text"), ("fun", None, "text"), ("fun", "x" * 301, "text"), ("hobbies", "Chess", "kind"),
])
def test_an_empty_item_or_unknown_list_is_refused(local_user, kind, text, field):
    with pytest.raises(InvalidInput) as caught:
        services.add_item(user=local_user, kind=kind, text=text)
    assert field in caught.value.fields
    assert not ListItem.objects.exists()


def test_someone_elses_list_item_is_not_found(local_user, other):
    theirs = services.add_item(user=other, kind="fun", text="Their secret")
    attempts = [
        lambda: services.get_item(user=local_user, item_id=theirs.pk),
        lambda: services.update_item(user=local_user, item_id=theirs.pk, text="mine now"),
        lambda: services.move_item(user=local_user, item_id=theirs.pk, direction="down"),
        lambda: services.cross_off(user=local_user, item_id=theirs.pk),
        lambda: services.delete_item(user=local_user, item_id=theirs.pk),
        lambda: services.record_activity(user=local_user, kind="fun", item_id=theirs.pk),
    ]
    for attempt in attempts:
        with pytest.raises(NotFound):
            attempt()
    theirs.refresh_from_db()
    assert (theirs.text, theirs.done_on) == ("Their secret", None)
    assert services.list_items(user=local_user, kind="fun") == []
    assert not Activity.objects.exists()


# Activities: plan, then rate (D1-D5, B3) -----------------------------------------------

@pytest.mark.practice("D1")
def test_plan_with_a_prediction_then_rate_with_the_actual_enjoyment(local_user, at_noon):
    item = services.add_item(user=local_user, kind="enjoy", text="Play the piano")
    planned = services.record_activity(user=local_user, kind="enjoy", item_id=item.pk, done=False,
                                       planned_on=(at_noon + timedelta(days=2)).isoformat(), predicted="2")
    assert (planned.title, planned.predicted, planned.done_on) == ("Play the piano", 2, None)
    assert planned.planned_on == at_noon + timedelta(days=2)
    assert services.list_activities(user=local_user, planned=True) == [planned]
    rated = services.rate_activity(user=local_user, activity_id=planned.pk, actual="6",
                                   note="fingers remembered")
    assert (rated.done_on, rated.actual, rated.predicted, rated.note) == (at_noon, 6, 2, "fingers remembered")
    assert services.list_activities(user=local_user, planned=True) == []
    assert services.list_activities(user=local_user, planned=False) == [rated]


@pytest.mark.practice("D1")
def test_a_day_that_has_not_come_yet_cannot_be_a_done_day(local_user, at_noon):
    tomorrow = (at_noon + timedelta(days=1)).isoformat()
    with pytest.raises(InvalidInput) as caught:
        services.record_activity(user=local_user, kind="enjoy", title="Walk", done_on=tomorrow)
    assert set(caught.value.fields) == {"done_on"}
    planned = services.record_activity(user=local_user, kind="enjoy", title="Walk", done=False,
                                       planned_on=tomorrow)
    with pytest.raises(InvalidInput) as caught:
        services.rate_activity(user=local_user, activity_id=planned.pk, actual="5", done_on=tomorrow)
    assert set(caught.value.fields) == {"done_on"}
    planned.refresh_from_db()
    assert (planned.done_on, planned.actual) == (None, None)


@pytest.mark.parametrize("arguments, field", [
    ({"kind": "hobby", "title": "Chess"}, "kind"),
    ({"kind": "enjoy", "title": ""}, "title"),
    ({"kind": "enjoy", "title": "Chess", "predicted": "11"}, "predicted"),
    ({"kind": "enjoy", "title": "Chess", "actual": "-1"}, "actual"),
    ({"kind": "enjoy", "title": "Chess", "planned_on": "next week"}, "planned_on"),
])
def test_activities_check_kind_title_and_ratings(local_user, arguments, field):
    with pytest.raises(InvalidInput) as caught:
        services.record_activity(user=local_user, **arguments)
    assert field in caught.value.fields
    assert not Activity.objects.exists()


@pytest.mark.practice("B3")
def test_a_creative_outlet_is_logged_as_done_today(local_user, at_noon):
    outlet = services.add_item(user=local_user, kind="creative", text="Sketching")
    done = services.record_activity(user=local_user, kind="creative", item_id=outlet.pk)
    assert (done.title, done.done_on, done.kind) == ("Sketching", at_noon, "creative")
    assert services.done_today(user=local_user, kind="creative") == {outlet.pk}
    assert services.done_today(user=local_user, kind="fun") == set()


# Connecting (D6) -----------------------------------------------------------------------

@pytest.mark.practice("D6")
def test_a_connection_is_logged_with_who_how_and_how_it_felt(local_user, at_noon):
    seen = services.log_connection(user=local_user, who=" Ana ", how="in_person", felt="okay",
                                   reached_out=True, note="coffee")
    assert (seen.who, seen.how, seen.felt, seen.reached_out, seen.on) == (
        "Ana", "in_person", "okay", True, at_noon)
    quiet = services.log_connection(user=local_user, who="Group chat", how="group", felt=None)
    assert quiet.felt == Connection.Felt.CANT_TELL
    assert services.list_connections(user=local_user) == [quiet, seen]


@pytest.mark.practice("D6")
def test_a_connection_needs_who_a_known_how_and_a_day_not_yet_to_come(local_user, at_noon):
    with pytest.raises(InvalidInput) as caught:
        services.log_connection(user=local_user, who="  ", how="telepathy", felt="great",
                                on=(at_noon + timedelta(days=1)).isoformat())
    assert set(caught.value.fields) == {"who", "how", "felt", "on"}
    assert not Connection.objects.exists()


def test_someone_elses_connection_cannot_be_deleted(local_user, other):
    theirs = services.log_connection(user=other, who="Bo", how="call")
    with pytest.raises(NotFound):
        services.delete_connection(user=local_user, connection_id=theirs.pk)
    assert Connection.objects.filter(pk=theirs.pk).exists()


@pytest.mark.practice("D6")
def test_the_reach_out_draft_fills_the_name_or_leaves_it_out_cleanly():
    starters = content.ideas().section("reach_out_starters")
    assert services.draft_message(starter_id=starters[0].id, name="Ana").startswith("Hi Ana,")
    for starter in starters:
        named = services.draft_message(starter_id=starter.id, name="Ana")
        unnamed = services.draft_message(starter_id=starter.id, name="   ")
        assert "Ana" in named and "{name}" not in named
        assert "{name}" not in unnamed and " ," not in unnamed and "  " not in unnamed
        assert unnamed == unnamed.strip()
    # An unknown starter falls back to the first one.
    assert services.draft_message(starter_id="nope") == services.draft_message(starter_id=starters[0].id)


# The reconnection checklist (H1) -------------------------------------------------------

@pytest.mark.practice("H1")
def test_nothing_is_ticked_for_a_new_person(local_user, at_noon):
    items = services.checklist(user=local_user)
    assert [i.id for i in items] == ["acknowledge", "body_checkin", "creative", "reach_out", "numbing",
                                     "consultation", "flicker"]
    assert not any(i.done for i in items)


@pytest.mark.practice("H1")
@pytest.mark.practice("A5")
def test_a_ten_minute_body_session_today_ticks_the_body_checkin(local_user, at_noon):
    services.record_session(user=local_user, exercise_id="palms-together", seconds=9 * 60 + 59)
    assert not checklist_of(local_user)["body_checkin"].done
    # Two body practices add up; a grounding one does not count towards the body.
    services.record_session(user=local_user, exercise_id="five-senses", seconds=600)
    assert not checklist_of(local_user)["body_checkin"].done
    services.record_session(user=local_user, exercise_id="holding-yourself", seconds=1)
    item = checklist_of(local_user)["body_checkin"]
    assert (item.done, item.how) == (True, "records")


@pytest.mark.practice("H1")
def test_a_body_scan_yesterday_does_not_tick_today(local_user, at_noon):
    services.record_session(user=local_user, exercise_id="body-scan", seconds=600,
                            at=datetime(2026, 3, 10, 20, 0))
    assert not checklist_of(local_user)["body_checkin"].done


@pytest.mark.practice("H1")
@pytest.mark.practice("A6")
def test_a_flicker_today_ticks_the_small_cue(local_user, at_noon):
    checkins.record_checkin(user=local_user, mood="cant-tell", at="2026-03-10T20:00", flicker="yesterday's")
    assert not checklist_of(local_user)["flicker"].done
    checkins.record_checkin(user=local_user, mood="cant-tell", flicker="a pang at the song")
    assert checklist_of(local_user)["flicker"].done


@pytest.mark.practice("H1")
@pytest.mark.practice("D6")
def test_a_connection_this_week_ticks_reach_out(local_user, at_noon):
    services.log_connection(user=local_user, who="Ana", how="call", on=at_noon - timedelta(days=7))
    assert not checklist_of(local_user)["reach_out"].done
    services.log_connection(user=local_user, who="Ana", how="call", on=at_noon - timedelta(days=6))
    assert checklist_of(local_user)["reach_out"].done


@pytest.mark.practice("H1")
@pytest.mark.practice("B3")
def test_a_creative_activity_this_week_ticks_creative(local_user, at_noon):
    services.record_activity(user=local_user, kind="fun", title="Doodle", done_on=at_noon)
    services.record_activity(user=local_user, kind="creative", title="Paint", done=False,
                             planned_on=at_noon)
    assert not checklist_of(local_user)["creative"].done
    services.record_activity(user=local_user, kind="creative", title="Paint",
                             done_on=at_noon - timedelta(days=3))
    assert checklist_of(local_user)["creative"].done


@pytest.mark.practice("H1")
@pytest.mark.practice("F5")
def test_fewer_numbing_days_than_last_week_ticks_numbing(local_user, at_noon):
    for back in (8, 10, 12):
        habits.log_numbing(user=local_user, kind="scrolling", day=at_noon - timedelta(days=back))
    for back in (1, 2):
        habits.log_numbing(user=local_user, kind="scrolling", day=at_noon - timedelta(days=back))
    # Two notes on one day are one day.
    habits.log_numbing(user=local_user, kind="gaming", day=at_noon - timedelta(days=2))
    assert checklist_of(local_user)["numbing"].done
    habits.log_numbing(user=local_user, kind="alcohol", day=at_noon)
    assert not checklist_of(local_user)["numbing"].done


@pytest.mark.practice("H1")
@pytest.mark.practice("A1")
def test_acknowledging_feeling_shut_down_ticks_acknowledge_for_good(local_user, at_noon):
    checkins.acknowledge_shutdown(user=local_user, since="2026-01-05", words="far away")
    checkins.end_episode(user=local_user)
    assert checklist_of(local_user)["acknowledge"].done


@pytest.mark.practice("H1")
def test_steps_without_records_are_ticked_and_unticked_by_hand(local_user, at_noon):
    services.tick(user=local_user, item="consultation")
    services.tick(user=local_user, item="consultation")
    item = checklist_of(local_user)["consultation"]
    assert (item.done, item.how) == (True, "ticked")
    assert ChecklistTick.objects.count() == 1
    services.tick(user=local_user, item="flicker")
    assert checklist_of(local_user)["flicker"].done
    services.tick(user=local_user, item="consultation", done=False)
    assert not checklist_of(local_user)["consultation"].done
    with pytest.raises(InvalidInput):
        services.tick(user=local_user, item="world_peace")


@pytest.mark.practice("H1")
def test_a_daily_hand_tick_starts_fresh_the_next_day(local_user):
    with time_machine.travel(NOON, tick=False):
        services.tick(user=local_user, item="flicker")
        services.tick(user=local_user, item="reach_out")
    with time_machine.travel(NOON + timedelta(days=1), tick=False):
        items = checklist_of(local_user)
    assert not items["flicker"].done and items["reach_out"].done


def test_someone_elses_records_tick_nothing(local_user, other, at_noon):
    services.record_session(user=other, exercise_id="body-scan", seconds=900)
    services.log_connection(user=other, who="Ana", how="call")
    services.tick(user=other, item="consultation")
    assert not any(item.done for item in services.checklist(user=local_user))


# Today ---------------------------------------------------------------------------------

@pytest.mark.practice("D2")
@pytest.mark.practice("H1")
def test_today_shows_the_fun_list_top_three_plans_due_and_the_checklist(local_user, other, at_noon):
    fun = [services.add_item(user=local_user, kind="fun", text=t) for t in ("one", "two", "three", "four")]
    services.move_item(user=local_user, item_id=fun[3].pk, direction="up")
    services.record_activity(user=local_user, kind="fun", item_id=fun[0].pk)
    due = services.record_activity(user=local_user, kind="enjoy", title="Call Gran", done=False,
                                   planned_on=at_noon)
    services.record_activity(user=local_user, kind="enjoy", title="Later", done=False,
                             planned_on=at_noon + timedelta(days=1))
    session = services.record_session(user=local_user, exercise_id="body-scan", seconds=600)
    services.record_session(user=other, exercise_id="body-scan", seconds=600)

    today = services.today_practices(user=local_user)
    assert [i.text for i in today.fun] == ["one", "two", "four"]
    assert today.fun_done == {fun[0].pk}
    assert today.planned == [due]
    assert today.sessions == [session]
    assert today.checklist_done == 1
    assert today.kind_word in {n.text for n in content.ideas().section("self_compassion")}

"""The practices pages: thin views over the services, tried the way a browser sends them."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils.html import escape

from thawing import content
from thawing.accounts.days import local_today
from thawing.habits import services as habits
from thawing.habits.models import DayHabits, Numbing
from thawing.practices import services
from thawing.practices.models import Activity, ChecklistTick, Connection, ListItem, Session

pytestmark = pytest.mark.django_db
CRISIS_NOTE = "You don’t have to carry this alone"
HEAVY = "Some days I think everyone would be better off without me."
LIST_KINDS = ("enjoy", "fun", "ladder", "scramble", "stimulation", "creative", "stressor")


def page_of(response) -> str:
    return response.content.decode()


# Every page opens -----------------------------------------------------------------------

@pytest.mark.parametrize("url", [
    "/practice/", "/checklist/", "/pace/", "/doing/", "/connect/", "/habits/", "/rhythm/",
    "/journal/thoughts/", "/journal/thoughts/new/",
    *(f"/doing/list/{kind}/" for kind in LIST_KINDS),
    "/practice/longer-out-breath/?minutes=1", "/practice/longer-out-breath/?rate=4.5",
    "/practice/meditation-timer/?minutes=10", "/connect/?starter=not-myself",
    "/habits/?day=2020-01-01",
])
def test_every_practices_page_opens_for_a_signed_in_person(signed_in, url):
    response = signed_in.get(url)
    assert response.status_code == 200, url


@pytest.mark.parametrize("exercise_id", sorted(content.exercises()))
def test_every_exercise_player_shows_all_its_steps(signed_in, exercise_id):
    exercise = content.exercises()[exercise_id]
    response = signed_in.get(f"/practice/{exercise_id}/")
    page = page_of(response)
    assert response.status_code == 200
    assert escape(exercise.name) in page
    for step in exercise.steps:
        assert escape(step.text) in page
    assert 'name="feel_before"' in page and 'name="feel_after"' in page
    assert 'name="minutes_spent"' in page


@pytest.mark.parametrize("url", ["/practice/juggling-chainsaws/", "/doing/list/hobbies/",
                                 "/checklist/world-peace/"])
def test_unknown_exercises_lists_and_steps_are_not_found(signed_in, url):
    assert signed_in.get(url).status_code in (404, 405)
    assert signed_in.post(url, {"seconds": "60", "text": "x"}).status_code == 404


def test_the_pages_need_a_signed_in_person(client, server_mode):
    for url in ("/practice/", "/practice/body-scan/", "/doing/", "/habits/", "/checklist/", "/connect/"):
        response = client.get(url)
        assert response.status_code == 302 and "/signin/" in response.url, url


# The exercise player (C1-C6, A5, B4, B5) ------------------------------------------------

@pytest.mark.practice("C3")
def test_the_breathing_player_takes_a_shorter_length_and_a_slower_rate(signed_in):
    page = page_of(signed_in.get("/practice/longer-out-breath/", {"minutes": "1", "rate": "4"}))
    # 4 breaths a minute: 15 seconds a breath, 40 % of it breathing in.
    assert 'data-pacer-in="6.000000"' in page and 'data-pacer-out="9.000000"' in page
    assert 'name="planned_seconds" value="60"' in page
    assert 'id="minutes" name="minutes"' in page and 'value="1"' in page
    six = page_of(signed_in.get("/practice/longer-out-breath/"))
    assert 'data-pacer-in="4.000000"' in six and 'name="planned_seconds" value="180"' in six


@pytest.mark.parametrize("query, message", [
    ({"minutes": "0"}, "from 1 to 60 minutes"), ({"minutes": "soon"}, "whole number"),
    ({"rate": "40"}, "12"),
])
def test_an_impossible_length_or_rate_is_explained_on_the_player(signed_in, query, message):
    response = signed_in.get("/practice/longer-out-breath/", query)
    page = page_of(response)
    assert response.status_code == 200
    assert 'class="error"' in page and message in page


@pytest.mark.practice("C4")
def test_the_meditation_timer_can_grow_to_ten_minutes(signed_in):
    page = page_of(signed_in.get("/practice/meditation-timer/", {"minutes": "10"}))
    assert 'name="planned_seconds" value="600"' in page
    response = signed_in.post("/practice/meditation-timer/?minutes=10",
                              {"seconds": "600", "planned_seconds": "600"})
    assert response.status_code == 302
    assert (Session.objects.get().seconds, Session.objects.get().planned_seconds) == (600, 600)


@pytest.mark.practice("C3")
@pytest.mark.practice("C1")
def test_a_session_from_the_player_is_saved_with_ratings(signed_in, local_user):
    response = signed_in.post("/practice/longer-out-breath/?minutes=1", {
        "feel_before": "2", "feel_after": "5", "seconds": "63", "planned_seconds": "60",
        "completed": "1", "note": "warm hands", "minutes_spent": "1",
    })
    assert response.status_code == 302 and response.url == "/"
    session = Session.objects.get()
    assert (session.user, session.exercise, session.kind) == (local_user, "longer-out-breath", "breathing")
    assert (session.seconds, session.planned_seconds, session.completed) == (63, 60, True)
    assert (session.feel_before, session.feel_after, session.note) == (2, 5, "warm hands")
    today = page_of(signed_in.get("/"))
    assert "Saved. Whatever you noticed, or didn’t, is fine." in today
    assert "able to feel 2 → 5" in today
    recent = page_of(signed_in.get("/practice/"))
    assert "Longer out-breath · 1 minute" in recent


@pytest.mark.practice("C3")
def test_a_session_shows_on_today_with_the_name_of_its_exercise(signed_in):
    signed_in.post("/practice/longer-out-breath/", {"seconds": "185", "feel_before": "2", "feel_after": "5"})
    today = page_of(signed_in.get("/"))
    assert "Longer out-breath · 3 minutes" in today


@pytest.mark.practice("C2")
@pytest.mark.parametrize("minutes, seconds", [("2", 120), ("1,5", 90), ("0", 0), ("12.25", 735)])
def test_without_javascript_the_minutes_spent_become_seconds(signed_in, minutes, seconds):
    response = signed_in.post("/practice/palms-together/", {
        "seconds": "", "minutes_spent": minutes, "planned_seconds": "140", "completed": "1"})
    assert response.status_code == 302
    assert Session.objects.get().seconds == seconds


@pytest.mark.parametrize("minutes", ["", "lots", "-3", "1e3"])
def test_bad_input_on_the_player_keeps_what_was_typed(signed_in, minutes):
    response = signed_in.post("/practice/body-scan/", {
        "seconds": "", "minutes_spent": minutes, "feel_before": "3", "feel_after": "11",
        "note": "my left foot was cold", "completed": "1"})
    page = page_of(response)
    assert response.status_code == 400
    assert ">my left foot was cold</textarea>" in page
    assert 'value="3" checked' in page
    assert 'id="minutes_spent_error"' in page and "from 0 to 10" in page
    assert not Session.objects.exists()


def test_a_superscript_digit_in_the_minutes_is_a_form_error_not_a_crash(signed_in):
    signed_in.raise_request_exception = False
    response = signed_in.post("/practice/body-scan/", {"minutes_spent": "²", "note": "kept"})
    assert response.status_code == 400 and ">kept</textarea>" in page_of(response)


@pytest.mark.practice("C1")
def test_stopping_early_is_saved_honestly_and_kindly(signed_in):
    signed_in.post("/practice/five-senses/", {"seconds": "40", "completed": "0"})
    assert Session.objects.get().completed is False
    assert "stopped early, and that’s fine" in page_of(signed_in.get("/practice/"))


@pytest.mark.practice("B4")
@pytest.mark.practice("G6")
def test_safe_release_is_held_back_until_the_pace_opens(signed_in, local_user):
    held = "This one can be strong, so it is held back at your current pace."
    assert held in page_of(signed_in.get("/practice/safe-release/"))
    assert "held-back" in page_of(signed_in.get("/practice/"))
    response = signed_in.post("/pace/", {"pace": "full"})
    assert response.status_code == 302
    assert services.pace_of(type(local_user).objects.get(pk=local_user.pk)) == "full"
    assert held not in page_of(signed_in.get("/practice/safe-release/"))
    assert "held-back" not in page_of(signed_in.get("/practice/"))
    # Even held back, it can be done and saved.
    signed_in.post("/pace/", {"pace": "gentle"})
    assert signed_in.post("/practice/safe-release/", {"seconds": "30"}).status_code == 302


@pytest.mark.practice("G6")
def test_a_made_up_pace_is_refused(signed_in, local_user):
    response = signed_in.post("/pace/", {"pace": "reckless"})
    assert response.status_code == 400 and "Pace should be one of" in page_of(response)
    assert services.pace_of(local_user) == "steady"


@pytest.mark.practice("A5")
@pytest.mark.practice("C2")
@pytest.mark.practice("H1")
def test_a_body_scan_from_the_player_ticks_the_checklist_on_today(signed_in):
    signed_in.post("/practice/body-scan/", {"seconds": "610", "feel_before": "1", "feel_after": "2"})
    checklist = page_of(signed_in.get("/checklist/"))
    assert "A 10-minute body check-in today" in checklist and "from your records" in checklist
    assert "1 of 7 steps show as done right now." in checklist
    today = page_of(signed_in.get("/"))
    done = '<li class="done"><span class="mark" aria-hidden="true">✓</span> A 10-minute body check-in'
    assert done in today


@pytest.mark.practice("C5")
@pytest.mark.practice("C6")
@pytest.mark.practice("B5")
@pytest.mark.parametrize("exercise_id, kind", [
    ("movement-snack", "movement"), ("waking-stretch", "movement"), ("mindful-rhythm", "rhythm"),
    ("honouring-a-feeling", "honouring"), ("barefoot-walking", "body"), ("holding-yourself", "body"),
])
def test_movement_rhythm_and_honouring_practices_are_logged_by_their_kind(signed_in, exercise_id, kind):
    response = signed_in.post(f"/practice/{exercise_id}/", {"minutes_spent": "5"})
    assert response.status_code == 302
    session = Session.objects.get()
    assert (session.exercise, session.kind, session.seconds) == (exercise_id, kind, 300)


@pytest.mark.practice("G5")
def test_crisis_words_in_a_practice_note_bring_the_crisis_lines_next(signed_in):
    response = signed_in.post("/practice/honouring-a-feeling/", {"seconds": "200", "note": HEAVY},
                              follow=True)
    assert CRISIS_NOTE in page_of(response)
    assert Session.objects.get().note == HEAVY
    assert CRISIS_NOTE not in page_of(signed_in.get("/"))
    calm = signed_in.post("/practice/five-senses/", {"seconds": "200", "note": "the kettle"}, follow=True)
    assert CRISIS_NOTE not in page_of(calm)


# The checklist (H1) --------------------------------------------------------------------

@pytest.mark.practice("H1")
def test_checklist_steps_are_ticked_by_hand_from_the_page_or_from_today(signed_in, local_user):
    response = signed_in.post("/checklist/consultation/", {"done": "1"})
    assert response.status_code == 302 and response.url == "/checklist/"
    assert ChecklistTick.objects.get().item == "consultation"
    assert "Untick" in page_of(signed_in.get("/checklist/"))
    back = signed_in.post("/checklist/consultation/", {"done": "0", "next": "today"})
    assert back.url == "/" and not ChecklistTick.objects.exists()
    assert signed_in.get("/checklist/consultation/").status_code == 405


@pytest.mark.practice("H1")
def test_each_checklist_step_links_to_the_feature_that_does_it(signed_in):
    page = page_of(signed_in.get("/checklist/"))
    for link in ('href="/shut-down/"', 'href="/practice/body-scan/"', 'href="/doing/list/creative/"',
                 'href="/connect/"', 'href="/habits/#numbing"', 'href="/checkins/new/"'):
        assert link in page
    assert "0 of 7 steps show as done right now." in page


# Doing: the person's own lists (D1-D5, B3, F3) -----------------------------------------

def add(client, kind: str, text: str, detail: str = "") -> ListItem:
    response = client.post(f"/doing/list/{kind}/", {"text": text, "detail": detail})
    assert response.status_code == 302 and response.url == f"/doing/list/{kind}/"
    # Compared in Python: with field encryption on, the text column holds ciphertext.
    return next(item for item in ListItem.objects.filter(kind=kind) if item.text == text)


def act(client, item: ListItem, action: str, **extra: str):
    return client.post(f"/doing/item/{item.pk}/", {"action": action, **extra})


@pytest.mark.practice("D2")
def test_the_fun_list_is_added_to_reordered_and_its_favourite_shows_on_today(signed_in):
    first = add(signed_in, "fun", "Kitchen disco")
    second = add(signed_in, "fun", "Blanket fort")
    assert act(signed_in, second, "up").url == "/doing/list/fun/"
    assert [i.text for i in ListItem.objects.filter(kind="fun")] == ["Blanket fort", "Kitchen disco"]
    today = page_of(signed_in.get("/"))
    assert "★ Blanket fort" in today and "Kitchen disco" in today
    # "Did it today" from Today goes back to Today and shows as done.
    response = act(signed_in, second, "done", next="today")
    assert response.url == "/"
    assert Activity.objects.get().title == "Blanket fort"
    today = page_of(signed_in.get("/"))
    assert "Noted as done today." in today and "done today" in today
    act(signed_in, first, "down")
    act(signed_in, first, "delete")
    assert list(ListItem.objects.values_list("text", flat=True)) == ["Blanket fort"]


def test_an_empty_item_is_refused_and_the_list_page_says_why(signed_in):
    response = signed_in.post("/doing/list/fun/", {"text": "   "})
    assert response.status_code == 400 and "can’t be empty" in page_of(response)
    assert not ListItem.objects.exists()


def test_an_item_can_be_edited_and_an_unknown_action_is_not_found(signed_in):
    item = add(signed_in, "enjoy", "Swimming")
    assert "Swimming" in page_of(signed_in.get(f"/doing/item/{item.pk}/edit/"))
    bad = signed_in.post(f"/doing/item/{item.pk}/edit/", {"text": ""})
    assert bad.status_code == 400
    good = signed_in.post(f"/doing/item/{item.pk}/edit/", {"text": "Sea swimming"})
    assert good.status_code == 302 and ListItem.objects.get().text == "Sea swimming"
    assert act(signed_in, item, "explode").status_code == 404


@pytest.mark.practice("D3")
@pytest.mark.practice("G6")
def test_ladder_steps_are_crossed_off_and_strong_ideas_wait_at_a_gentle_pace(signed_in, local_user):
    step = add(signed_in, "ladder", "Order something new at the café")
    act(signed_in, step, "cross")
    step.refresh_from_db()
    assert step.done_on == local_today(local_user)
    page = page_of(signed_in.get("/doing/list/ladder/"))
    assert 'class="crossed"' in page and "Crossed off. That took something." in page
    act(signed_in, step, "uncross")
    step.refresh_from_db()
    assert step.done_on is None

    intense = [i for i in content.ideas().section("comfort_zone") if i.intensity == "intense"]
    assert intense, "the comfort-zone ideas include some strong steps"
    signed_in.post("/pace/", {"pace": "gentle"})
    gentle = page_of(signed_in.get("/doing/list/ladder/"))
    assert "Your pace is gentle" in gentle
    assert not any(escape(i.text) in gentle for i in intense)
    signed_in.post("/pace/", {"pace": "full"})
    full = page_of(signed_in.get("/doing/list/ladder/"))
    assert all(escape(i.text) in full for i in intense)


@pytest.mark.practice("D4")
def test_routine_scrambles_offer_our_ideas_to_borrow(signed_in):
    ideas = content.ideas().section("routine_scrambles")
    page = page_of(signed_in.get("/doing/list/scramble/"))
    assert "Ideas to borrow" in page and all(escape(i.text) in page for i in ideas)
    borrowed = add(signed_in, "scramble", ideas[0].text)
    page = page_of(signed_in.get("/doing/list/scramble/"))
    # A borrowed idea moves from the ideas into the list.
    assert page.count(escape(borrowed.text)) == 1
    assert act(signed_in, borrowed, "done").status_code == 302
    assert Activity.objects.get().kind == "scramble"


@pytest.mark.practice("D5")
def test_things_that_once_moved_me_are_listed_without_asking_for_a_reaction(signed_in):
    item = add(signed_in, "stimulation", "The last scene of Cinema Paradiso")
    page = page_of(signed_in.get("/doing/list/stimulation/"))
    assert "with no need for any reaction" in page
    act(signed_in, item, "done")
    rate = page_of(signed_in.get(f"/doing/activity/{Activity.objects.get().pk}/"))
    # "Can't tell" is an answer, and it is the one chosen until another is.
    assert '<input type="radio" name="actual" value="" checked>' in rate


@pytest.mark.practice("D1")
@pytest.mark.parametrize("predicted, actual, sentence", [
    ("3", "6", "You expected 3 and it came out at 6."),
    ("7", "2", "You expected 7 and it felt like 2."),
    ("5", "5", "It was about what you expected: 5 out of 10."),
    ("", "4", "Noted. Doing it, whatever it felt like, is the part that counts."),
])
def test_plan_then_rate_shows_the_prediction_beside_what_happened(signed_in, local_user, predicted,
                                                                  actual, sentence):
    item = add(signed_in, "enjoy", "Play guitar")
    plan = signed_in.get(f"/doing/item/{item.pk}/plan/")
    assert plan.status_code == 200 and local_today(local_user).isoformat() in page_of(plan)
    response = signed_in.post(f"/doing/item/{item.pk}/plan/",
                              {"planned_on": local_today(local_user).isoformat(), "predicted": predicted})
    assert response.status_code == 302 and response.url == "/doing/"
    activity = Activity.objects.get()
    assert (activity.title, activity.done_on) == ("Play guitar", None)
    assert "Play guitar" in page_of(signed_in.get("/doing/"))
    assert "How did it go?" in page_of(signed_in.get("/"))
    rated = signed_in.post(f"/doing/activity/{activity.pk}/", {"actual": actual, "note": ""})
    assert rated.status_code == 200 and sentence in page_of(rated)
    activity.refresh_from_db()
    assert (activity.actual, activity.done_on) == (int(actual), local_today(local_user))


def test_a_bad_plan_or_rating_is_refused_and_kept(signed_in, local_user):
    item = add(signed_in, "enjoy", "Bake bread")
    bad_plan = signed_in.post(f"/doing/item/{item.pk}/plan/", {"planned_on": "soonish", "predicted": "12"})
    assert bad_plan.status_code == 400 and 'value="soonish"' in page_of(bad_plan)
    assert not Activity.objects.exists()
    activity = services.record_activity(user=local_user, kind="enjoy", item_id=item.pk, done=False,
                                        planned_on=local_today(local_user))
    tomorrow = (local_today(local_user) + timedelta(days=1)).isoformat()
    bad_rate = signed_in.post(f"/doing/activity/{activity.pk}/",
                              {"actual": "7", "done_on": tomorrow, "note": "smelled like home"})
    assert bad_rate.status_code == 400
    assert "smelled like home" in page_of(bad_rate) and "hasn’t come yet" in page_of(bad_rate)
    removed = signed_in.post(f"/doing/activity/{activity.pk}/", {"action": "delete"})
    assert removed.status_code == 302 and not Activity.objects.exists()


@pytest.mark.practice("B3")
def test_a_creative_outlet_done_this_week_shows_on_its_list_and_the_checklist(signed_in):
    outlet = add(signed_in, "creative", "Watercolours")
    act(signed_in, outlet, "done")
    assert "done today" in page_of(signed_in.get("/doing/list/creative/"))
    assert "Watercolours" in page_of(signed_in.get("/doing/"))
    checklist = {i.id: i.done for i in services.checklist(user=outlet.user)}
    assert checklist["creative"] is True


@pytest.mark.practice("F3")
def test_stressors_with_one_small_step_show_on_the_habits_page(signed_in):
    add(signed_in, "stressor", "Unpaid bills", "Open one envelope")
    page = page_of(signed_in.get("/habits/"))
    assert "Unpaid bills" in page and "Open one envelope" in page
    assert all(escape(i.text) in page for i in content.ideas().section("stress_relief"))


@pytest.mark.practice("G5")
def test_crisis_words_in_a_rating_note_bring_the_crisis_lines(signed_in, local_user):
    activity = services.record_activity(user=local_user, kind="enjoy", title="Walk", done=False)
    page = page_of(signed_in.post(f"/doing/activity/{activity.pk}/", {"actual": "1", "note": HEAVY}))
    # The saved page itself is where the lines appear, once.
    assert "You did it" in page and CRISIS_NOTE in page
    assert CRISIS_NOTE not in page_of(signed_in.get("/"))


# Connecting (D6) -----------------------------------------------------------------------

@pytest.mark.practice("D6")
def test_a_connection_is_noted_and_the_reach_out_draft_uses_the_name(signed_in):
    drafted = signed_in.post("/connect/", {"action": "draft", "name": "Ana", "starter": "not-myself"})
    page = page_of(drafted)
    assert drafted.status_code == 200
    assert "Hi Ana, I haven&#x27;t felt like myself lately." in page
    assert not Connection.objects.exists()  # a draft is never a noted connection
    # A name typed for the draft never travels in an address.
    reach_out = page_of(signed_in.get("/connect/")).split('id="reach-out"')[1].split("</section>")[0]
    assert 'method="post"' in reach_out and 'method="get"' not in reach_out
    assert all(escape(i.text) in page for i in content.ideas().section("nobody_near"))
    response = signed_in.post("/connect/", {"who": "Ana", "how": "call", "felt": "good",
                                            "reached_out": "1", "note": ""})
    assert response.status_code == 302 and response.url == "/connect/"
    connection = Connection.objects.get()
    assert (connection.who, connection.how, connection.felt, connection.reached_out) == (
        "Ana", "call", "good", True)
    listed = page_of(signed_in.get("/connect/"))
    assert "Ana · A call · Good" in listed and "shared how I feel" in listed


def test_a_connection_without_who_or_how_is_refused_and_kept(signed_in):
    response = signed_in.post("/connect/", {"who": "", "how": "", "note": "the barista smiled"})
    page = page_of(response)
    assert response.status_code == 400
    assert "Who can’t be empty." in page and "How should be one of" in page
    assert ">the barista smiled</textarea>" in page
    assert not Connection.objects.exists()


def test_connections_can_be_removed_but_not_someone_elses(signed_in, local_user, make_account):
    mine = services.log_connection(user=local_user, who="Bo", how="message")
    theirs = services.log_connection(user=make_account("other"), who="Cy", how="call")
    assert signed_in.post(f"/connect/{theirs.pk}/delete/").status_code == 404
    assert signed_in.post(f"/connect/{mine.pk}/delete/").status_code == 302
    assert list(Connection.objects.all()) == [theirs]


@pytest.mark.practice("G5")
def test_crisis_words_in_a_connection_note_bring_the_crisis_lines(signed_in):
    response = signed_in.post("/connect/", {"who": "Mum", "how": "call", "note": HEAVY}, follow=True)
    assert CRISIS_NOTE in page_of(response)


# Habits (F1-F5, C5) --------------------------------------------------------------------

@pytest.mark.practice("F1")
@pytest.mark.practice("F2")
@pytest.mark.practice("C5")
def test_the_habits_form_saves_the_day_and_shows_the_week(signed_in, local_user):
    today = local_today(local_user)
    response = signed_in.post("/habits/", {"form": "habits", "day": today.isoformat(), "sleep_hours": "7,5",
                                           "sleep_quality": "4", "meals": "3", "movement_minutes": "35"})
    assert response.status_code == 302 and response.url == "/habits/"
    row = DayHabits.objects.get()
    assert (str(row.sleep_hours), row.sleep_quality, row.meals, row.movement_minutes) == ("7.50", 4, 3, 35)
    page = page_of(signed_in.get("/habits/"))
    assert 'value="7.5"' in page and 'value="35"' in page and 'value="4" checked' in page
    assert "35 of 150 minutes, with 1 days of 30 minutes or more." in page


def test_bad_habits_are_refused_and_what_was_typed_stays(signed_in):
    response = signed_in.post("/habits/", {"form": "habits", "day": "", "sleep_hours": "30",
                                           "meals": "2", "movement_minutes": "20"})
    page = page_of(response)
    assert response.status_code == 400
    assert 'id="sleep_hours-error"' in page and 'value="30"' in page and 'value="20"' in page
    assert not DayHabits.objects.exists()
    assert signed_in.post("/habits/", {"form": "nonsense"}).status_code == 404


@pytest.mark.practice("F1")
def test_the_habits_page_mentions_a_big_change_in_sleep(signed_in, local_user):
    today = local_today(local_user)
    for back in range(21):
        habits.record_habits(user=local_user, day=today - timedelta(days=back),
                             sleep_hours="4.5" if back < 7 else "7.5")
    page = page_of(signed_in.get("/habits/"))
    assert "you have slept about 4.5 hours a night, while the two weeks before were about 7.5" in page
    assert "every night you noted was under 7 hours" in page


@pytest.mark.practice("F5")
def test_numbing_is_noted_without_judgement_and_can_be_removed(signed_in, local_user, make_account):
    response = signed_in.post("/habits/", {"form": "numbing", "kind": "scrolling", "amount": "some",
                                           "to_cope": "1", "day": "", "note": ""})
    assert response.status_code == 302
    noted = Numbing.objects.get()
    assert (noted.kind, noted.amount, noted.to_cope, noted.day) == (
        "scrolling", "some", True, local_today(local_user))
    page = page_of(signed_in.get("/habits/"))
    assert "Noted, without judgement." in page and "Scrolling · some · to cope" in page
    bad = signed_in.post("/habits/", {"form": "numbing", "kind": "knitting", "note": "kept note"})
    assert bad.status_code == 400 and "What should be one of" in page_of(bad)
    assert ">kept note</textarea>" in page_of(bad)
    theirs = habits.log_numbing(user=make_account("other"), kind="alcohol")
    assert signed_in.post(f"/habits/numbing/{theirs.pk}/delete/").status_code == 404
    assert signed_in.post(f"/habits/numbing/{noted.pk}/delete/").status_code == 302
    assert list(Numbing.objects.all()) == [theirs]


@pytest.mark.practice("F4")
def test_the_self_care_menu_is_a_menu_not_a_to_do_list(signed_in):
    page = page_of(signed_in.get("/habits/"))
    assert "This is a menu, not a to-do list." in page
    assert all(escape(i.text) in page for i in content.ideas().section("self_care"))


@pytest.mark.practice("G5")
def test_crisis_words_in_a_numbing_note_bring_the_crisis_lines(signed_in):
    response = signed_in.post("/habits/", {"form": "numbing", "kind": "alcohol", "note": HEAVY}, follow=True)
    assert CRISIS_NOTE in page_of(response)


# Someone else's records ----------------------------------------------------------------

def test_someone_elses_items_and_activities_are_not_found(signed_in, make_account):
    other = make_account("other")
    item = services.add_item(user=other, kind="fun", text="theirs")
    activity = services.record_activity(user=other, kind="fun", item_id=item.pk, done=False)
    for url in (f"/doing/item/{item.pk}/edit/", f"/doing/item/{item.pk}/plan/",
                f"/doing/activity/{activity.pk}/"):
        assert signed_in.get(url).status_code == 404, url
        assert signed_in.post(url, {"text": "mine", "actual": "3", "action": "delete"}).status_code == 404
    for action in ("up", "down", "cross", "done", "delete"):
        assert signed_in.post(f"/doing/item/{item.pk}/", {"action": action}).status_code == 404
    item.refresh_from_db()
    activity.refresh_from_db()
    assert (item.text, item.done_on, activity.actual) == ("theirs", None, None)
    assert Activity.objects.count() == 1
    assert "theirs" not in page_of(signed_in.get("/doing/list/fun/"))


@pytest.mark.practice("G6")
def test_a_gentle_pace_offers_short_gentle_practices_first(signed_in, local_user):
    from thawing.practices import services

    assert "Short and gentle" not in signed_in.get("/practice/").content.decode()
    services.set_pace(user=local_user, pace="gentle")
    page = signed_in.get("/practice/").content.decode()
    short = page[page.index("Short and gentle"):page.index("</section>", page.index("Short and gentle"))]
    assert "Palms together" in short and "Body scan" not in short and "Safe release" not in short

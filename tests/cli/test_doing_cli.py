"""`thawing list`, `did`, `activities`, `connect`, `reach-out`, `thought`, `thoughts` and
`checklist`: what was typed is saved as given, and a mistake saves nothing."""

from __future__ import annotations

import io
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from tests.cli.test_cli import run
from thawing.journal.models import ThoughtRecord
from thawing.practices.models import Activity, ChecklistTick, Connection, ListItem

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")
TUESDAY = datetime(2026, 3, 10, 15, 0, tzinfo=LONDON)


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def texts(kind: str) -> list[str]:
    return list(ListItem.objects.filter(kind=kind).values_list("text", flat=True))


def add(capsys, kind: str, *items: str) -> None:
    for item in items:
        assert run(capsys, "list", kind, "add", item).code == 0


# --- lists --------------------------------------------------------------------------------

@pytest.mark.practice("D2")
def test_list_add_keeps_the_text_and_its_small_step_at_the_end(capsys, local_user):
    add(capsys, "fun", "baking bread")
    ran = run(capsys, "list", "fun", "add", "painting", "stones", "--step", "buy two brushes")
    assert ran.code == 0
    assert "as number 2" in ran.said
    item = ListItem.objects.get(kind="fun", position=2)
    assert item.text == "painting stones"
    assert (item.user, item.kind, item.detail, item.position) == (local_user, "fun", "buy two brushes", 2)


@pytest.mark.practice("D2")
def test_a_list_shows_its_items_numbered_from_the_favourite(capsys, local_user):
    add(capsys, "fun", "baking bread", "painting [stones]")
    ran = run(capsys, "list", "fun")
    assert ran.code == 0
    assert "Fun and creativity" in ran.said
    assert "1 baking bread" in ran.said and "2 painting [stones]" in ran.said


def test_all_lists_are_shown_with_their_counts(capsys, local_user):
    add(capsys, "enjoy", "swimming")
    ran = run(capsys, "list")
    assert ran.code == 0
    assert "enjoy Things I used to enjoy 1" in ran.said and "ladder Out of my comfort zone 0" in ran.said


@pytest.mark.practice("D2")
def test_up_and_down_reorder_by_the_numbers_shown(capsys, local_user):
    add(capsys, "fun", "a", "b", "c")
    assert run(capsys, "list", "fun", "up", "3").code == 0
    assert texts("fun") == ["a", "c", "b"]
    ran = run(capsys, "list", "fun", "down", "1")
    assert ran.code == 0 and "is now number 2" in ran.said
    assert texts("fun") == ["c", "a", "b"]


def test_remove_takes_the_numbered_item_off(capsys, local_user):
    add(capsys, "stressor", "the boiler", "tax forms")
    assert run(capsys, "list", "stressor", "remove", "1").code == 0
    assert texts("stressor") == ["tax forms"]


@pytest.mark.practice("D2")
def test_done_logs_the_item_as_done_today_with_its_enjoyment(capsys, local_user):
    add(capsys, "fun", "baking bread")
    with time_machine.travel(TUESDAY, tick=False):
        ran = run(capsys, "list", "fun", "done", "1", "--enjoyed", "6", "--note", "warm kitchen")
        shown = run(capsys, "list", "fun")
    assert ran.code == 0
    activity = Activity.objects.get()
    assert (activity.item.text, activity.kind, activity.done_on, activity.actual, activity.note) == (
        "baking bread", "fun", date(2026, 3, 10), 6, "warm kitchen")
    assert "done today" in shown.said


@pytest.mark.practice("D3")
def test_cross_marks_a_ladder_step_done_for_good_and_uncross_undoes_it(capsys, local_user):
    add(capsys, "ladder", "order something new")
    with time_machine.travel(TUESDAY, tick=False):
        assert run(capsys, "list", "ladder", "cross", "1").code == 0
        assert "crossed off 10 Mar" in run(capsys, "list", "ladder").said
    assert ListItem.objects.get().done_on == date(2026, 3, 10)
    assert run(capsys, "list", "ladder", "uncross", "1").code == 0
    assert ListItem.objects.get().done_on is None


@pytest.mark.practice("D4")
def test_ideas_show_the_matching_suggestions(capsys, local_user):
    ran = run(capsys, "list", "scramble", "ideas")
    assert ran.code == 0
    from thawing import content

    section = content.ideas().sections["routine_scrambles"]
    assert section.title in ran.said
    assert section.items[0].text in ran.said


@pytest.mark.parametrize("argv, words", [
    (["hobbies"], "List should be one of"),
    (["fun", "add"], "can\u2019t be empty"),
    (["fun", "add", "x" * 301], "up to 300"),
    (["fun", "done", "1"], "Nothing here yet"),
    (["enjoy", "done", "4"], "from 1 to 1"),
    (["enjoy", "up", "first"], "from 1 to 1"),
    (["enjoy", "done", "1", "--enjoyed", "11"], "from 0 to 10"),
    (["enjoy", "plan", "1", "--expect", "12"], "from 0 to 10"),
    (["enjoy", "plan", "1", "--on", "soon"], "Try a form like"),
    (["enjoy", "sort"], "A list can do"),
])
def test_bad_list_input_exits_1_kindly_and_changes_nothing(capsys, local_user, argv, words):
    add(capsys, "enjoy", "swimming")
    ran = run(capsys, "list", *argv)
    assert ran.code == 1
    assert words in ran.said
    assert "Traceback" not in ran.said
    assert (ListItem.objects.count(), Activity.objects.count()) == (1, 0)


# --- activities ---------------------------------------------------------------------------

@pytest.mark.practice("D1")
def test_plan_then_did_shows_the_gap_between_expected_and_actual_kindly(capsys, local_user):
    add(capsys, "enjoy", "swimming")
    with time_machine.travel(TUESDAY, tick=False):
        planned = run(capsys, "list", "enjoy", "plan", "1", "--on", "2026-03-12", "--expect", "3")
        activity = Activity.objects.get()
        assert planned.code == 0 and f"thawing did {activity.pk}" in planned.said
        assert (activity.title, activity.planned_on, activity.predicted, activity.done_on) == (
            "swimming", date(2026, 3, 12), 3, None)
        listed = run(capsys, "activities")
        assert "Planned" in listed.said and "swimming" in listed.said and "3/10" in listed.said
        did = run(capsys, "did", str(activity.pk), "--enjoyed", "7", "--note", "cold, then lovely")

    assert did.code == 0
    assert "You expected 3 and it came out at 7" in did.said
    activity.refresh_from_db()
    assert (activity.actual, activity.done_on, activity.note) == (7, date(2026, 3, 10), "cold, then lovely")
    assert "Done" in run(capsys, "activities").said


@pytest.mark.practice("D1")
def test_a_plan_without_a_day_is_for_today_and_less_enjoyment_is_met_kindly(capsys, local_user):
    add(capsys, "enjoy", "swimming")
    with time_machine.travel(TUESDAY, tick=False):
        run(capsys, "list", "enjoy", "plan", "1", "--expect", "8")
        activity = Activity.objects.get()
        ran = run(capsys, "did", str(activity.pk), "--enjoyed", "2")
    assert activity.planned_on == date(2026, 3, 10)
    assert "Showing up is the part that helps, not the score" in ran.said


def test_did_an_unknown_activity_exits_1(capsys, local_user):
    ran = run(capsys, "did", "999")
    assert ran.code == 1
    assert "I couldn\u2019t find that activity" in ran.said


def test_activities_with_none_yet_says_how_to_start(capsys, local_user):
    ran = run(capsys, "activities")
    assert ran.code == 0 and "No activities yet" in ran.said


# --- connecting ---------------------------------------------------------------------------

@pytest.mark.practice("D6")
def test_connect_saves_who_how_and_how_it_felt(capsys, local_user):
    with time_machine.travel(TUESDAY, tick=False):
        ran = run(capsys, "connect", "my sister", "--how", "in-person", "--felt", "good", "--shared",
                  "--note", "walked by the river")
    assert ran.code == 0
    assert "time in person with my sister" in ran.said
    saved = Connection.objects.get()
    assert (saved.user, saved.who, saved.how, saved.felt, saved.reached_out, saved.note, saved.on) == (
        local_user, "my sister", "in_person", "good", True, "walked by the river", date(2026, 3, 10))
    listed = run(capsys, "connect", "--list")
    assert "my sister" in listed.said and "good" in listed.said


@pytest.mark.practice("D6")
def test_connect_without_a_feeling_is_cant_tell(capsys, local_user):
    assert run(capsys, "connect", "Sam", "--how", "call").code == 0
    assert Connection.objects.get().felt == "cant_tell"


@pytest.mark.parametrize("argv, words", [
    ([], "Who was it?"),
    (["Sam"], "How should be one of"),
    (["Sam", "--how", "pigeon"], "How should be one of"),
    (["Sam", "--how", "call", "--felt", "great"], "How it felt should be one of"),
    (["Sam", "--how", "call", "--on", "2099-01-01"], "hasn\u2019t come yet"),
])
def test_bad_connection_input_exits_1_and_saves_nothing(capsys, local_user, argv, words):
    ran = run(capsys, "connect", *argv)
    assert ran.code == 1
    assert words in ran.said
    assert Connection.objects.count() == 0


@pytest.mark.practice("D6")
def test_reach_out_prints_an_editable_draft_with_the_name_and_sends_nothing(capsys, local_user):
    ran = run(capsys, "reach-out", "--name", "Alex", "--starter", "kind-of-numb")
    assert ran.code == 0
    assert "Hi Alex, this is a bit hard to say" in ran.said
    assert "Thawing never sends anything" in ran.said
    assert "someone-to-know" in ran.said
    assert Connection.objects.count() == 0


def test_reach_out_with_an_unknown_starter_names_the_real_ones(capsys, local_user):
    ran = run(capsys, "reach-out", "--starter", "nope")
    assert ran.code == 1
    assert "someone-to-know" in ran.said


@pytest.mark.practice("D6")
def test_connect_ideas_include_ideas_for_when_nobody_is_near(capsys, local_user):
    from thawing import content

    ran = run(capsys, "connect", "--ideas")
    assert ran.code == 0
    assert content.ideas().sections["nobody_near"].items[0].text in ran.said


# --- thought records ----------------------------------------------------------------------

@pytest.mark.practice("E1")
def test_thought_with_options_saves_every_part(capsys, local_user):
    ran = run(capsys, "thought", "--thought", "I always get it wrong", "--situation", "a late email",
              "--belief", "80", "--is-it-true", "not always", "--other-views", "busy week",
              "--conclusions", "a bit", "--alternative", "I got this one wrong", "--belief-after", "40")
    assert ran.code == 0
    saved = ThoughtRecord.objects.get()
    assert f"#{saved.pk}" in ran.said
    assert (saved.user, saved.thought, saved.situation, saved.belief_before, saved.evidence,
            saved.other_views, saved.conclusions, saved.alternative, saved.belief_after) == (
        local_user, "I always get it wrong", "a late email", 80, "not always", "busy week", "a bit",
        "I got this one wrong", 40)


@pytest.mark.practice("E1")
def test_thought_in_a_terminal_asks_each_part_and_the_three_questions(capsys, local_user, monkeypatch):
    answers = ["a late email", "", "I always get it wrong", "150", "80", "not always", "",
               "a bit", "I got this one wrong", "40"]
    monkeypatch.setattr("sys.stdin", Terminal("\n".join(answers) + "\n"))
    ran = run(capsys, "thought")
    assert ran.code == 0
    assert "Is it true?" in ran.said and "What other ways are there to see it?" in ran.said
    assert "Am I jumping to conclusions?" in ran.said
    # The empty thought and the belief of 150 were asked again, kindly.
    assert "can\u2019t be empty" in ran.said and "from 0 to 100" in ran.said
    saved = ThoughtRecord.objects.get()
    assert (saved.situation, saved.thought, saved.belief_before, saved.evidence, saved.other_views,
            saved.conclusions, saved.alternative, saved.belief_after) == (
        "a late email", "I always get it wrong", 80, "not always", "", "a bit",
        "I got this one wrong", 40)


@pytest.mark.parametrize("argv, words", [
    ([], "Please add the thought"),
    (["--thought", " "], "can\u2019t be empty"),
    (["--thought", "x", "--belief", "150"], "from 0 to 100"),
    (["--thought", "x", "--at", "2099-01-01"], "hasn\u2019t happened yet"),
])
def test_bad_thought_input_exits_1_and_saves_nothing(capsys, local_user, argv, words):
    ran = run(capsys, "thought", *argv)
    assert ran.code == 1
    assert words in ran.said
    assert ThoughtRecord.objects.count() == 0


@pytest.mark.practice("E1")
def test_thoughts_lists_them_and_shows_one_in_full(capsys, local_user):
    run(capsys, "thought", "--thought", "nobody [would] care", "--belief", "70", "--belief-after", "30",
        "--alternative", "some people would")
    record = ThoughtRecord.objects.get()
    listed = run(capsys, "thoughts")
    assert listed.code == 0
    assert "nobody [would] care" in listed.said and "70% \u2192 30%" in listed.said
    one = run(capsys, "thoughts", str(record.pk))
    assert "A kinder way to put it: some people would" in one.said
    assert run(capsys, "thoughts", "999").code == 1


# --- the reconnection checklist -----------------------------------------------------------

@pytest.mark.practice("H1")
def test_checklist_shows_seven_steps_and_how_to_do_each(capsys, local_user):
    ran = run(capsys, "checklist")
    assert ran.code == 0
    assert ran.out.count("\u25cb") == 7
    assert "thawing practice body-scan" in ran.said and "thawing acknowledge" in ran.said


@pytest.mark.practice("H1")
def test_checklist_ticks_itself_from_records(capsys, local_user):
    run(capsys, "acknowledge")
    run(capsys, "connect", "Sam", "--how", "call")
    ran = run(capsys, "checklist")
    assert ran.out.count("\u2713") == 2
    assert "from your records" in ran.said


@pytest.mark.practice("H1")
def test_checklist_tick_and_untick_by_hand(capsys, local_user):
    ran = run(capsys, "checklist", "tick", "consultation")
    assert ran.code == 0
    assert ChecklistTick.objects.get().item == "consultation"
    assert "\u2713" in ran.out and "ticked by you" in ran.said
    assert run(capsys, "checklist", "untick", "consultation").code == 0
    assert ChecklistTick.objects.count() == 0


@pytest.mark.parametrize("argv, words", [(["tick", "bake-a-cake"], "Checklist step should be one of"),
                                         (["tock", "flicker"], "Use tick or untick")])
def test_checklist_tick_of_an_unknown_step_exits_1(capsys, local_user, argv, words):
    ran = run(capsys, "checklist", *argv)
    assert ran.code == 1
    assert words in ran.said
    assert ChecklistTick.objects.count() == 0

"""Thought records (E1) and the app's kind voice around them (E2): service and pages."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from thawing import content
from thawing.core.errors import InvalidInput, NotFound
from thawing.core.mood import as_local_input
from thawing.journal import thoughts
from thawing.journal.models import ThoughtRecord

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")
CRISIS_NOTE = "You don’t have to carry this alone"


def field_value(page: str, name: str) -> str:
    found = re.search(rf'<input id="{name}" name="{name}"[^>]*value="([^"]*)"', page)
    assert found, f"no {name} field"
    return found.group(1)


# The service ---------------------------------------------------------------------------

@pytest.mark.practice("E1")
def test_only_the_thought_itself_is_required(local_user):
    record = thoughts.record_thought(user=local_user, thought="  I always ruin things  ")
    saved = ThoughtRecord.objects.get(pk=record.pk)
    assert saved.thought == "I always ruin things"
    assert (saved.belief_before, saved.belief_after) == (None, None)
    assert (saved.situation, saved.alternative) == ("", "")
    with pytest.raises(InvalidInput) as caught:
        thoughts.record_thought(user=local_user, thought="   ", situation="at work")
    assert set(caught.value.fields) == {"thought"}
    assert ThoughtRecord.objects.count() == 1


@pytest.mark.practice("E1")
def test_a_full_record_looks_at_the_thought_from_three_sides_and_rerates_it(local_user):
    record = thoughts.record_thought(
        user=local_user, thought="Nobody would notice if I didn't show up", belief_before="80",
        situation="Skipped the group chat", evidence="Ana asked where I was last week",
        other_views="They may be busy too", conclusions="Yes, mind-reading",
        alternative="Some people would notice, and Ana did", belief_after="35",
    )
    saved = ThoughtRecord.objects.get(pk=record.pk)
    assert (saved.belief_before, saved.belief_after) == (80, 35)
    assert saved.evidence.startswith("Ana asked") and saved.conclusions == "Yes, mind-reading"


@pytest.mark.practice("E1")
@pytest.mark.parametrize("before, after, fields", [
    ("101", "", {"belief_before"}), ("-1", "50", {"belief_before"}), ("50", "lots", {"belief_after"}),
    ("12.5", "100.5", {"belief_before", "belief_after"}),
])
def test_beliefs_are_whole_percentages_from_0_to_100(local_user, before, after, fields):
    with pytest.raises(InvalidInput) as caught:
        thoughts.record_thought(user=local_user, thought="I'm broken", belief_before=before,
                                belief_after=after)
    assert set(caught.value.fields) == fields
    assert not ThoughtRecord.objects.exists()
    edge = thoughts.record_thought(user=local_user, thought="I'm broken", belief_before="0",
                                   belief_after="100")
    assert (edge.belief_before, edge.belief_after) == (0, 100)


@pytest.mark.practice("E1")
def test_an_edit_keeps_the_moment_when_the_form_sends_it_back_unchanged(local_user):
    # 01:30 happens twice in London on 25 October 2026; this is the second one (GMT).
    with time_machine.travel(datetime(2026, 10, 25, 1, 30, 41, tzinfo=UTC), tick=False):
        record = thoughts.record_thought(user=local_user, thought="first draft")
        shown = as_local_input(record.at, LONDON)
        assert shown == "2026-10-25T01:30"
        updated = thoughts.update_thought(user=local_user, record_id=record.pk, thought="second draft",
                                          at=shown, belief_after="20")
    assert updated.at == datetime(2026, 10, 25, 1, 30, 41, tzinfo=UTC)
    saved = ThoughtRecord.objects.get(pk=record.pk)
    assert (saved.at, saved.thought, saved.belief_after) == (updated.at, "second draft", 20)


def test_an_edit_to_a_new_moment_moves_it_and_a_future_one_is_refused(local_user):
    with time_machine.travel(datetime(2026, 3, 11, 12, 0, tzinfo=LONDON), tick=False):
        record = thoughts.record_thought(user=local_user, thought="a thought")
        moved = thoughts.update_thought(user=local_user, record_id=record.pk, thought="a thought",
                                        at="2026-03-10T08:15")
        assert moved.at == datetime(2026, 3, 10, 8, 15, tzinfo=LONDON)
        with pytest.raises(InvalidInput) as caught:
            thoughts.update_thought(user=local_user, record_id=record.pk, thought="a thought",
                                    at="2026-03-12T08:15")
    assert set(caught.value.fields) == {"at"}


def test_someone_elses_thought_record_is_not_found(local_user, make_account):
    theirs = thoughts.record_thought(user=make_account("other"), thought="theirs", belief_before="90")
    for attempt in (
        lambda: thoughts.get_thought(user=local_user, record_id=theirs.pk),
        lambda: thoughts.update_thought(user=local_user, record_id=theirs.pk, thought="mine now"),
        lambda: thoughts.delete_thought(user=local_user, record_id=theirs.pk),
    ):
        with pytest.raises(NotFound):
            attempt()
    assert ThoughtRecord.objects.get(pk=theirs.pk).thought == "theirs"
    assert thoughts.list_thoughts(user=local_user) == []


# The pages -----------------------------------------------------------------------------

@pytest.mark.practice("E1")
@pytest.mark.practice("E2")
def test_the_thought_pages_ask_the_three_questions_and_speak_kindly(signed_in):
    questions = [q.text for q in content.ideas().section("thought_questions")]
    form = signed_in.get("/journal/thoughts/new/")
    assert form.status_code == 200
    page = form.content.decode()
    for question in questions:
        assert question in page
    listing = signed_in.get("/journal/thoughts/").content.decode()
    notes = [n.text for n in content.ideas().section("self_compassion")]
    assert any(note.replace("'", "&#x27;") in listing for note in notes)
    # The app's voice: no streaks, nothing missed.
    for text in (page, listing):
        lowered = text.lower()
        assert "streak" not in lowered and "you missed" not in lowered


@pytest.mark.practice("E1")
def test_create_edit_and_delete_a_thought_record_with_confirmation(signed_in):
    response = signed_in.post("/journal/thoughts/new/", {
        "situation": "Quiet evening", "thought": "I should feel more than this", "belief_before": "70",
        "evidence": "Feelings are not a duty", "other_views": "", "conclusions": "",
        "alternative": "Feeling will come at its own pace", "belief_after": "40", "at": "",
    })
    record = ThoughtRecord.objects.get()
    assert response.status_code == 302 and response.url == f"/journal/thoughts/{record.pk}/"
    shown = signed_in.get(response.url).content.decode()
    assert "I should feel more than this" in shown and "believed 70%" in shown and "40%" in shown

    edit = signed_in.get(f"/journal/thoughts/{record.pk}/edit/").content.decode()
    assert "I should feel more than this" in edit
    at = field_value(edit, "at")
    signed_in.post(f"/journal/thoughts/{record.pk}/edit/", {
        "thought": "I should feel more", "belief_before": "70", "belief_after": "30", "at": at,
    })
    before = record.at
    record.refresh_from_db()
    assert (record.thought, record.belief_after, record.at) == ("I should feel more", 30, before)

    confirm = signed_in.get(f"/journal/thoughts/{record.pk}/", {"delete": "1"}).content.decode()
    assert "This can’t be undone" in confirm
    assert ThoughtRecord.objects.exists()
    gone = signed_in.post(f"/journal/thoughts/{record.pk}/", {"action": "delete"})
    assert gone.status_code == 302 and gone.url == "/journal/thoughts/"
    assert not ThoughtRecord.objects.exists()


def test_a_bad_belief_keeps_everything_typed(signed_in):
    response = signed_in.post("/journal/thoughts/new/", {
        "situation": "On the bus", "thought": "Everyone is staring", "belief_before": "150",
        "alternative": "They are looking at their phones",
    })
    page = response.content.decode()
    assert response.status_code == 400
    assert "Everyone is staring" in page and "They are looking at their phones" in page
    assert 'value="150"' in page and "from 0 to 100" in page
    assert not ThoughtRecord.objects.exists()


@pytest.mark.practice("G5")
def test_crisis_words_in_a_thought_record_bring_the_crisis_lines(signed_in):
    response = signed_in.post("/journal/thoughts/new/", {
        "thought": "Everyone would be better off without me."}, follow=True)
    assert CRISIS_NOTE in response.content.decode()
    assert ThoughtRecord.objects.get().thought.startswith("Everyone would")


def test_someone_elses_thought_pages_are_not_found(signed_in, make_account):
    theirs = thoughts.record_thought(user=make_account("other"), thought="private")
    for url in (f"/journal/thoughts/{theirs.pk}/", f"/journal/thoughts/{theirs.pk}/edit/"):
        assert signed_in.get(url).status_code == 404
    assert signed_in.post(f"/journal/thoughts/{theirs.pk}/", {"action": "delete"}).status_code == 404
    assert signed_in.post(f"/journal/thoughts/{theirs.pk}/edit/", {"thought": "mine"}).status_code == 404
    assert ThoughtRecord.objects.get(pk=theirs.pk).thought == "private"
    assert "private" not in signed_in.get("/journal/thoughts/").content.decode()


def test_an_old_moment_can_be_chosen_when_writing_a_record(signed_in):
    yesterday = (datetime.now(LONDON) - timedelta(days=1)).replace(hour=9, minute=5)
    signed_in.post("/journal/thoughts/new/", {"thought": "late", "at": yesterday.strftime("%Y-%m-%dT%H:%M")})
    assert ThoughtRecord.objects.get().at == yesterday.replace(second=0, microsecond=0)

"""`thawing journal`, `journal search`, `prompts` and `emotions` from a terminal."""

from __future__ import annotations

import io

import pytest

from tests.cli.test_cli import run
from thawing import content
from thawing.journal.models import Entry, EntryTag

pytestmark = pytest.mark.django_db

EMOTION_KEYS = {"name", "family", "definition", "valence", "energy", "body"}


def tags_of(entry: Entry) -> list[str]:
    return sorted(EntryTag.objects.filter(entry=entry).values_list("tag__name", flat=True))


# --- writing ------------------------------------------------------------------------------

@pytest.mark.practice("B1")
def test_journal_saves_the_text_title_and_tags(capsys, local_user):
    ran = run(capsys, "journal", "I walked to the shop and felt very little.", "--title",
              "Tuesday", "--tag", "walks", "--tag", "Numb")
    assert ran.code == 0
    entry = Entry.objects.get()
    assert f"#{entry.pk}" in ran.said
    assert (entry.user, entry.title, entry.body, entry.kind, entry.prompt_id) == (
        local_user, "Tuesday", "I walked to the shop and felt very little.", "entry", "")
    assert tags_of(entry) == ["numb", "walks"]


@pytest.mark.practice("B1")
def test_journal_json_shows_what_was_saved(capsys, local_user):
    ran = run(capsys, "journal", "a few words", "--tag", "rain", "--json")
    assert ran.code == 0
    shown = ran.json()
    assert shown["id"] == Entry.objects.get().pk
    assert (shown["body"], shown["tags"], shown["kind"]) == ("a few words", ["rain"], "entry")


@pytest.mark.practice("B1")
def test_journal_dash_reads_the_text_from_standard_input(capsys, local_user, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("Written in an editor,\nover two lines.\n"))
    ran = run(capsys, "journal", "-")
    assert ran.code == 0
    assert Entry.objects.get().body == "Written in an editor,\nover two lines."


@pytest.mark.practice("B1")
def test_journal_with_a_prompt_keeps_the_prompt_id(capsys, local_user):
    prompt = content.prompts().in_category("noticed")[0]
    ran = run(capsys, "journal", "--prompt", prompt.id, "the light on the wall")
    assert ran.code == 0
    entry = Entry.objects.get()
    assert (entry.prompt_id, entry.kind, entry.body) == (prompt.id, "entry",
                                                         "the light on the wall")


@pytest.mark.practice("B2")
def test_a_letter_prompt_makes_an_unsent_letter(capsys, local_user):
    prompt = content.prompts().in_category("letters")[0]
    ran = run(capsys, "journal", "--prompt", prompt.id, "Dear Gran,")
    assert ran.code == 0
    assert Entry.objects.get().kind == "letter"


@pytest.mark.practice("B2")
def test_letter_marks_the_entry_as_an_unsent_letter(capsys, local_user):
    ran = run(capsys, "journal", "Dear you, I never said this.", "--letter", "--json")
    assert ran.code == 0
    assert ran.json()["kind"] == "letter"
    assert Entry.objects.get().kind == "letter"


def test_an_unknown_prompt_exits_1_and_saves_nothing(capsys, local_user):
    ran = run(capsys, "journal", "--prompt", "no-such-prompt", "some text")
    assert ran.code == 1
    assert "I don\u2019t know the prompt \u201cno-such-prompt\u201d" in ran.said
    assert "thawing prompts" in ran.said
    assert Entry.objects.count() == 0


@pytest.mark.parametrize("argv", [["   "], ["-"], []])
def test_an_empty_entry_exits_1_kindly_and_saves_nothing(capsys, local_user, argv):
    ran = run(capsys, "journal", *argv)
    assert ran.code == 1
    assert "nothing to save yet" in ran.said
    assert "\u201cI don\u2019t know\u201d counts too" in ran.said
    assert Entry.objects.count() == 0


def test_an_over_long_title_exits_1_and_saves_nothing(capsys, local_user):
    ran = run(capsys, "journal", "text", "--title", "t" * 201)
    assert ran.code == 1
    assert "up to 200 characters" in ran.said
    assert Entry.objects.count() == 0


def test_a_journal_date_still_to_come_exits_1(capsys, local_user):
    ran = run(capsys, "journal", "from the future", "--at", "2099-01-01")
    assert ran.code == 1
    assert "hasn\u2019t happened yet" in ran.said
    assert Entry.objects.count() == 0


# --- searching ----------------------------------------------------------------------------

@pytest.mark.practice("B1")
def test_search_finds_entries_by_the_start_of_a_word(capsys, local_user):
    run(capsys, "journal", "I went walking by the canal.")
    run(capsys, "journal", "Stayed in all day.")
    ran = run(capsys, "journal", "search", "walk", "--json")
    assert ran.code == 0
    hits = ran.json()
    assert [h["entry"]["body"] for h in hits] == ["I went walking by the canal."]
    assert "walking" in hits[0]["excerpt"]


def test_search_in_words_names_the_entry_and_an_excerpt(capsys, local_user):
    run(capsys, "journal", "I went walking by the canal.", "--title", "Canal")
    ran = run(capsys, "journal", "search", "walk")
    assert ran.code == 0
    assert f"#{Entry.objects.get().pk} Canal" in ran.said
    assert "walking by the canal" in ran.said


def test_search_with_no_match_says_so_gently(capsys, local_user):
    run(capsys, "journal", "Stayed in all day.")
    ran = run(capsys, "journal", "search", "ocean")
    assert ran.code == 0
    assert "Nothing found" in ran.said


def test_search_without_a_query_asks_what_to_look_for_and_saves_nothing(capsys, local_user):
    ran = run(capsys, "journal", "search")
    assert ran.code == 1
    assert "What should I look for?" in ran.said
    assert Entry.objects.count() == 0


# --- prompts ------------------------------------------------------------------------------

@pytest.mark.practice("B1")
def test_prompts_lists_every_prompt_with_its_id(capsys):
    ran = run(capsys, "prompts")
    assert ran.code == 0
    for prompt in content.prompts().prompts:
        assert f"{prompt.id}:" in ran.said


def test_prompts_json_can_be_limited_to_a_category(capsys):
    ran = run(capsys, "prompts", "letters", "--json")
    assert ran.code == 0
    shown = ran.json()
    assert shown and {p["category"] for p in shown} == {"letters"}
    assert {p["id"] for p in shown} == {p.id for p in content.prompts().in_category("letters")}


def test_prompts_for_an_unknown_category_exits_1_naming_the_real_ones(capsys):
    ran = run(capsys, "prompts", "poems")
    assert ran.code == 1
    assert "No such category" in ran.said and "letters" in ran.said


# --- emotions -----------------------------------------------------------------------------

@pytest.mark.practice("A4")
def test_emotions_json_gives_name_family_definition_valence_energy_and_body(capsys):
    ran = run(capsys, "emotions", "numb", "--json")
    assert ran.code == 0
    found = ran.json()
    assert found[0]["name"] == "Numb" and found[0]["family"] == "numb"
    for emotion in found:
        assert EMOTION_KEYS <= set(emotion)
        assert emotion["definition"] and emotion["body"]
        assert isinstance(emotion["valence"], int) and isinstance(emotion["energy"], int)


@pytest.mark.practice("A4")
def test_emotions_without_a_query_lists_the_whole_vocabulary(capsys):
    ran = run(capsys, "emotions", "--json")
    assert ran.code == 0
    assert len(ran.json()) == len(content.vocabulary().emotions) >= 120


def test_emotions_in_words_shows_the_definition_and_body_cues(capsys):
    ran = run(capsys, "emotions", "numb")
    assert ran.code == 0
    numb = content.vocabulary().get("numb")
    assert " ".join(numb.definition.split()) in ran.said
    assert "Body:" in ran.said


def test_a_misspelt_emotion_exits_1_suggesting_the_close_word(capsys):
    ran = run(capsys, "emotions", "numbb")
    assert ran.code == 1
    assert "No emotion word matches \u201cnumbb\u201d" in ran.said
    assert "Did you mean numb" in ran.said


def test_a_bad_prompt_is_refused_before_the_text_is_read(local_user, monkeypatch, capsys):
    reads = []

    class Watched(io.StringIO):
        def read(self, *args):
            reads.append(True)
            return super().read(*args)

    monkeypatch.setattr("sys.stdin", Watched("precious words"))
    ran = run(capsys, "journal", "-", "--prompt", "no-such-prompt")
    assert ran.code == 1 and "no-such-prompt" in ran.said
    assert reads == [] and not Entry.objects.exists()


def test_a_title_with_brackets_is_shown_as_written_in_search(local_user, capsys):
    run(capsys, "journal", "a quiet walk", "--title", "[/bold] oops [red]")
    ran = run(capsys, "journal", "search", "walk")
    assert ran.code == 0 and "[/bold] oops [red]" in ran.said

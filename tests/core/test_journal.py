"""Journal rules (B1, B2): a valid entry, tags, search terms and snippets."""

from __future__ import annotations

import pytest

from thawing.core.errors import InvalidInput
from thawing.core.journal import (
    BODY_MAX,
    TAG_MAX,
    TAGS_MAX,
    TITLE_MAX,
    build_entry,
    parse_tags,
    search_terms,
    snippet,
)

pytestmark = pytest.mark.practice("B1")


def refused(**values) -> dict[str, str]:
    values = {"title": "", "body": "Today I noticed the light.", "tags": "", **values}
    with pytest.raises(InvalidInput) as caught:
        build_entry(**values)
    return caught.value.fields


# ---------------------------------------------------------------- entries


def test_an_entry_keeps_its_title_body_and_tags_trimmed():
    entry = build_entry(title="  A Tuesday ", body="\n I don't know.\r\nMaybe tired. ",
                        tags="grief, #work")
    assert entry.title == "A Tuesday"
    assert entry.body == "I don't know.\nMaybe tired."
    assert entry.tags == ("grief", "work")


def test_a_single_word_is_a_whole_entry():
    entry = build_entry(title=None, body="meh", tags=None)
    assert (entry.title, entry.body, entry.tags) == ("", "meh", ())


@pytest.mark.parametrize("body", [None, "", "   ", "\n\t \r\n"])
def test_an_empty_entry_is_refused_kindly_on_the_body_field(body):
    fields = refused(body=body)
    assert set(fields) == {"body"}
    assert "nothing to save yet" in fields["body"]
    # Kind, not a rule: it says how little is enough.
    assert "A single word is enough" in fields["body"]


def test_an_entry_up_to_the_limit_fits_and_longer_is_refused_without_losing_it():
    assert len(build_entry(title="", body="w" * BODY_MAX, tags="").body) == BODY_MAX
    fields = refused(body="w" * (BODY_MAX + 1))
    assert set(fields) == {"body"}
    assert "Nothing was lost" in fields["body"] and "100,000" in fields["body"]


def test_a_title_up_to_the_limit_fits_and_longer_is_refused():
    assert build_entry(title="t" * TITLE_MAX, body="x", tags="").title == "t" * TITLE_MAX
    assert set(refused(title="t" * (TITLE_MAX + 1))) == {"title"}


def test_every_problem_with_an_entry_is_reported_together():
    fields = refused(title="t" * (TITLE_MAX + 1), body="  ", tags="x" * (TAG_MAX + 1))
    assert set(fields) == {"title", "body", "tags"}


def test_a_too_long_body_is_reported_once_not_also_as_empty():
    fields = refused(title="t" * (TITLE_MAX + 1), body="w" * (BODY_MAX + 1))
    assert set(fields) == {"title", "body"}
    assert "Nothing was lost" in fields["body"]


# ---------------------------------------------------------------- tags


def test_tags_are_split_on_commas_and_spaces_and_lose_hash_and_at_signs():
    assert parse_tags("grief, #work  sleep @Home") == ("grief", "work", "sleep", "home")


def test_tags_are_kept_once_in_first_order():
    assert parse_tags("Sleep, #sleep SLEEP grief @sleep") == ("sleep", "grief")


def test_a_list_of_tags_is_accepted_as_it_is():
    assert parse_tags(["#Grief", " work ", "", "#", "grief"]) == ("grief", "work")


@pytest.mark.parametrize("value", [None, "", "  ,, # @ "])
def test_no_tags_give_an_empty_tuple(value):
    assert parse_tags(value) == ()


def test_a_tag_at_the_length_limit_fits_and_a_longer_one_is_refused():
    assert parse_tags("#" + "a" * TAG_MAX) == ("a" * TAG_MAX,)
    with pytest.raises(InvalidInput) as caught:
        parse_tags("ok " + "a" * (TAG_MAX + 1))
    assert set(caught.value.fields) == {"tags"}


def test_up_to_the_limit_of_tags_fits_and_one_more_is_refused():
    assert len(parse_tags(" ".join(f"t{i}" for i in range(TAGS_MAX)))) == TAGS_MAX
    with pytest.raises(InvalidInput) as caught:
        parse_tags(" ".join(f"t{i}" for i in range(TAGS_MAX + 1)))
    assert set(caught.value.fields) == {"tags"}


def test_repeated_tags_do_not_count_towards_the_limit():
    assert parse_tags(" ".join(["same"] * (TAGS_MAX * 2))) == ("same",)


# ---------------------------------------------------------------- search


def test_search_terms_are_lower_case_words_without_punctuation_or_repeats():
    assert search_terms("Grief! grief, SLEEP... (work)?") == ["grief", "sleep", "work"]


def test_search_terms_keep_words_in_any_alphabet():
    assert search_terms("Café, na\u00efve; \u0421\u043e\u043d \u00fcber") == [
        "caf\u00e9", "na\u00efve", "\u0441\u043e\u043d", "\u00fcber"]


def test_a_query_of_only_punctuation_has_no_terms():
    assert search_terms(" ?! -- ... ") == []


# ---------------------------------------------------------------- snippets


def test_a_snippet_of_a_short_text_is_the_whole_text_without_ellipses():
    assert snippet("Felt a flicker of envy.", ["envy"]) == "Felt a flicker of envy."


def test_a_snippet_centres_on_the_first_term_and_marks_cuts_with_ellipses():
    text = "a" * 300 + " the grief came back " + "b" * 300
    result = snippet(text, ["grief"], width=60)
    assert result.startswith("\u2026") and result.endswith("\u2026")
    assert "grief" in result
    # About a third of the window comes before the term, so it reads in context.
    assert 10 <= result.index("grief") <= 30


def test_a_snippet_starts_at_the_earliest_match_of_any_term():
    text = "x" * 200 + " sleep " + "y" * 200 + " grief " + "z" * 200
    result = snippet(text, ["grief", "sleep"], width=50)
    assert "sleep" in result and "grief" not in result


def test_a_snippet_finds_terms_whatever_their_case():
    text = "x" * 300 + " GRIEF " + "y" * 300
    assert "GRIEF" in snippet(text, ["grief"], width=40)


def test_without_a_matching_term_the_snippet_is_the_start_of_the_text():
    text = "Start here. " + "z" * 300
    result = snippet(text, ["absent", ""], width=40)
    assert result.startswith("Start here.") and result.endswith("\u2026")


def test_a_snippet_folds_line_breaks_into_spaces():
    assert snippet("line one\n\nline   two", []) == "line one line two"


def test_a_snippet_of_turkish_text_still_shows_the_term():
    text = "\u0130K\u0130 \u0130NSAN \u0130Y\u0130 " * 12 + "grief " + "z" * 300
    assert "grief" in snippet(text, ["grief"])

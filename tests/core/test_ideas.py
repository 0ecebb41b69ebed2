"""The ideas book: sections, lookups, the gentle-pace filter and named load errors."""

from __future__ import annotations

import pytest

from thawing.core.errors import ContentError
from thawing.core.ideas import SECTIONS, Idea, IdeaBook

WHERE = "ideas.toml"


def mapping(**changes):
    """Every required section with one idea each, with `changes` applied (None removes)."""
    data = {name: {"title": name.title(), "practices": ["D1"],
                   "items": [{"id": "one", "text": "One idea."}]} for name in SECTIONS}
    data["source"] = {"licence": "MIT"}
    data["catharsis"] = {"title": "Letting it out", "practices": ["B4"], "items": [
        {"id": "sigh", "text": "Sigh.", "intensity": "gentle"},
        {"id": "paper", "text": "Tear paper.", "intensity": "moderate", "note": "Old paper."},
        {"id": "pillow", "text": "Shout into a pillow.", "intensity": "intense"},
        {"id": "unrated", "text": "Something."},
    ]}
    data["reach_out_starters"] = {"title": "Starters", "items": [
        {"id": "hello", "text": "Hi {name}, I've been feeling flat."}]}
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def book(**changes):
    return IdeaBook.from_mapping(mapping(**changes), where=WHERE)


def test_sections_hold_their_ideas_in_order():
    ideas = book().section("catharsis")
    assert [i.id for i in ideas] == ["sigh", "paper", "pillow", "unrated"]
    assert ideas[1] == Idea("paper", "Tear paper.", "moderate", "Old paper.")
    assert book().sections["catharsis"].practices == ("B4",)


def test_the_source_table_is_not_a_section():
    assert "source" not in book().sections


def test_get_finds_an_idea_and_nothing_for_unknown_ids():
    assert book().get("catharsis", "pillow").intensity == "intense"
    assert book().get("catharsis", "nope") is None
    assert book().get("no-such-section", "pillow") is None


@pytest.mark.practice("B4")
def test_a_gentle_pace_leaves_out_stronger_ideas():
    gentle = book().section("catharsis", up_to="gentle")
    assert [i.id for i in gentle] == ["sigh", "unrated"]
    assert [i.id for i in book().section("catharsis", up_to="moderate")] == ["sigh", "paper", "unrated"]


@pytest.mark.practice("D6")
@pytest.mark.parametrize("name, expected", [
    ("Robin", "Hi Robin, I've been feeling flat."),
    ("  Robin ", "Hi Robin, I've been feeling flat."),
    ("", "Hi, I've been feeling flat."),
])
def test_a_starter_is_filled_with_a_name_or_reads_well_without(name, expected):
    assert book().get("reach_out_starters", "hello").filled(name) == expected


def test_a_new_section_needs_no_code():
    extra = {"title": "Extra", "items": [{"id": "x", "text": "X."}]}
    assert book(extra=extra).section("extra")[0].id == "x"


@pytest.mark.parametrize("changes, field", [
    ({"pets": None}, "pets"),
    ({"pets": "no"}, "pets"),
    ({"pets": {"items": [{"id": "a", "text": "A."}]}}, "pets.title"),
    ({"pets": {"title": "Pets", "items": []}}, "pets.items"),
    ({"pets": {"title": "Pets", "colour": "red", "items": [{"id": "a", "text": "A."}]}},
     "pets.colour"),
    ({"pets": {"title": "Pets", "practices": ["X"], "items": [{"id": "a", "text": "A."}]}},
     "pets.practices"),
    ({"pets": {"title": "Pets", "items": [{"text": "A."}]}}, "pets.items[1].id"),
    ({"pets": {"title": "Pets", "items": [{"id": "Big Id", "text": "A."}]}}, "pets.items[1].id"),
    ({"pets": {"title": "Pets", "items": [{"id": "a", "text": ""}]}}, "pets.items[1].text"),
    ({"pets": {"title": "Pets", "items": [{"id": "a", "text": "A.", "intensity": "wild"}]}},
     "pets.items[1].intensity"),
    ({"pets": {"title": "Pets", "items": [{"id": "a", "text": "A.", "note": 5}]}},
     "pets.items[1].note"),
    ({"pets": {"title": "Pets", "items": [{"id": "a", "text": "A.", "link": "x"}]}},
     "pets.items[1].link"),
    ({"pets": {"title": "Pets", "items": [{"id": "a", "text": "A."}, {"id": "a", "text": "B."}]}},
     "pets.items[2].id"),
])
def test_a_malformed_section_is_named_with_the_file(changes, field):
    with pytest.raises(ContentError) as caught:
        book(**changes)
    assert (caught.value.where, caught.value.field) == (WHERE, field)
    assert caught.value.message.startswith(f"{WHERE}: {field}: ")


@pytest.mark.practice("D6")
@pytest.mark.parametrize("section, text", [
    ("reach_out_starters", "Hi {name}, see you {day}."),
    ("reach_out_starters", "Hi {0}."),
    ("reach_out_starters", "Hi {name."),
    ("pets", "Hi {name}."),
])
def test_only_the_name_placeholder_and_only_in_starters(section, text):
    with pytest.raises(ContentError) as caught:
        book(**{section: {"title": "T", "items": [{"id": "a", "text": text}]}})
    assert caught.value.field == f"{section}.items[1].text"

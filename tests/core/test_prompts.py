"""Journal prompts (B1, B2) for when a person does not know where to start."""

from __future__ import annotations

import re
from datetime import date, timedelta
from itertools import pairwise

import pytest

from thawing import content
from thawing.core.prompts import PromptBook

BOOK = content.prompts()
CATEGORIES = ("curiosity", "noticed", "unsaid", "letters", "reflection")
START = date(2026, 1, 1)


def _book_of(count: int) -> PromptBook:
    return PromptBook.from_mapping({
        "categories": [{"id": "c", "name": "C", "summary": "S."}],
        "prompts": [{"id": f"p{i}", "category": "c", "text": f"Prompt {i}"} for i in range(count)],
    })


@pytest.mark.practice("B1")
def test_there_are_at_least_forty_prompts():
    assert len(BOOK.prompts) >= 40


@pytest.mark.practice("B1")
@pytest.mark.parametrize("category", CATEGORIES)
def test_each_category_has_at_least_eight_prompts(category):
    assert any(c.id == category for c in BOOK.categories)
    assert len(BOOK.in_category(category)) >= 8


def test_every_prompt_is_in_a_known_category_and_has_text():
    known = {c.id for c in BOOK.categories}
    assert all(p.category in known and p.text.strip() for p in BOOK.prompts)
    assert all(c.name.strip() and c.summary.strip() for c in BOOK.categories)


def test_prompt_and_category_ids_are_unique():
    ids = [p.id for p in BOOK.prompts]
    assert len(ids) == len(set(ids))
    categories = [c.id for c in BOOK.categories]
    assert len(categories) == len(set(categories))


def test_get_finds_a_prompt_by_id_and_nothing_for_an_unknown_id():
    for prompt in BOOK.prompts:
        assert BOOK.get(prompt.id) is prompt
    assert BOOK.get("no-such-prompt") is None


@pytest.mark.practice("B1")
def test_the_prompt_of_the_day_is_the_same_all_day_and_for_every_reader():
    again = PromptBook.from_mapping(content.read("prompts.toml"))
    for offset in range(30):
        day = START + timedelta(days=offset)
        assert BOOK.of_the_day(day) == BOOK.of_the_day(day) == again.of_the_day(day)


@pytest.mark.practice("B1")
def test_the_prompt_changes_on_most_days():
    days = [START + timedelta(days=n) for n in range(366)]
    changes = sum(BOOK.of_the_day(a) != BOOK.of_the_day(b) for a, b in pairwise(days))
    assert changes >= 0.9 * (len(days) - 1)


@pytest.mark.practice("B1")
def test_two_months_of_days_show_many_different_prompts_from_every_category():
    shown = [BOOK.of_the_day(START + timedelta(days=n)) for n in range(60)]
    assert len({p.id for p in shown}) >= min(40, len(BOOK.prompts))
    assert {p.category for p in shown} == {c.id for c in BOOK.categories}


@pytest.mark.parametrize("count", [14, 63])
def test_every_prompt_shows_up_whatever_the_number_of_prompts(count):
    book = _book_of(count)
    shown = {book.of_the_day(START + timedelta(days=n)).id for n in range(count)}
    assert len(shown) == count


@pytest.mark.parametrize("count", [1, 2, 5, 12, 60])
def test_of_the_day_works_for_small_and_large_books(count):
    book = _book_of(count)
    shown = {book.of_the_day(START + timedelta(days=n)).id for n in range(count)}
    assert len(shown) == count


# Phrasings that tell the writer the letter goes nowhere.
NEVER_SENT = re.compile(
    r"\bnever\b[^.]*\bsent\b|\bnot\b[^.]*\bsent\b|\bunsent\b|\bwon[\u2019']t\b[^.]*\bsen[dt]\b"
)


@pytest.mark.practice("B2")
@pytest.mark.parametrize("prompt", BOOK.in_category("letters"), ids=lambda p: p.id)
def test_every_letter_prompt_says_the_letter_is_never_sent(prompt):
    assert NEVER_SENT.search(f"{prompt.text} {prompt.hint}".lower())


@pytest.mark.practice("B2")
def test_the_never_sent_check_would_notice_a_letter_that_forgets_to_say_so():
    assert NEVER_SENT.search("write to your sister. she will read it tomorrow.") is None
    assert NEVER_SENT.search("it is sent at once.") is None


@pytest.mark.practice("G6")
def test_a_gentle_pace_skips_the_stronger_prompt_categories_every_day():
    from datetime import date, timedelta

    from thawing import content

    book = content.prompts()
    days = [date(2026, 1, 1) + timedelta(days=i) for i in range(120)]
    assert {book.of_the_day(d, skip=("letters", "unsaid")).category for d in days}.isdisjoint(
        {"letters", "unsaid"})
    assert "letters" in {book.of_the_day(d).category for d in days}

"""One wording before the crisis lines, read from content/crisis.toml by every face (G5)."""

from __future__ import annotations

import pytest

from thawing import content
from thawing.core.errors import ContentError
from thawing.core.signal import CARDS, CrisisWords

pytestmark = pytest.mark.practice("G5")


def test_every_card_has_a_title_and_one_paragraph_of_words():
    said = content.crisis_words()
    assert set(said.words) == set(said.titles) == set(CARDS)
    assert all("\n" not in words and "  " not in words for words in said.words.values())
    assert said.reach_out == "If you are in danger or might hurt yourself, please reach out now."


def test_a_card_not_known_is_the_writers_own():
    said = content.crisis_words()
    assert [said.card(c) for c in ("other", "past", "answer", "words", None)] == [
        "other", "past", "answer", "self", "self"]


def test_a_missing_card_names_its_field():
    data = {"reach_out": "Reach out.", "cards": {c: {"title": "T", "words": "W"} for c in CARDS}}
    del data["cards"]["past"]["words"]
    with pytest.raises(ContentError, match="cards.past.words"):
        CrisisWords.from_mapping(data)

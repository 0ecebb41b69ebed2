"""The crisis card's title and words from content/crisis.toml, so the web says what the API and
the command line say: `{% load crisis %}{% crisis_title reason %}`, `{% crisis_words reason %}`."""

from __future__ import annotations

from django import template

from thawing import content

register = template.Library()


@register.simple_tag
def crisis_title(reason: str | None) -> str:
    """The card's heading for a reason ("words", "past", "other", "answer"); the writer's own else."""
    said = content.crisis_words()
    return said.titles[said.card(reason)]


@register.simple_tag
def crisis_words(reason: str | None) -> str:
    """The card's paragraph for a reason, as `crisis_title` picks it."""
    said = content.crisis_words()
    return said.words[said.card(reason)]

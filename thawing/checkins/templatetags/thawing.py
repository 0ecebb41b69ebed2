"""Template filters that turn stored ids into the words people read."""

from __future__ import annotations

from django import template

from thawing import content

register = template.Library()


@register.filter
def emotion_name(emotion_id: str) -> str:
    emotion = content.vocabulary().get(emotion_id)
    return emotion.name if emotion else emotion_id


@register.filter
def region_label(region_id: str) -> str:
    region = content.body_map().region(region_id)
    return region.label if region else region_id


@register.filter
def sensation_label(sensation_id: str) -> str:
    sensation = content.body_map().sensation(sensation_id)
    return sensation.label if sensation else sensation_id


@register.filter
def instrument_name(kind: str) -> str:
    """The questionnaire's own name from an id or a reason's kind: "phq9-high" -> "PHQ-9"."""
    instrument_id = kind.split("-")[0]
    instrument = content.instruments().get(instrument_id)
    return instrument.name if instrument else instrument_id

"""Plain dictionaries of records, shared by the JSON API and the CLI's --json output."""

from __future__ import annotations

from typing import Any

from thawing.core.emotions import Emotion


def checkin_dict(checkin: Any) -> dict[str, Any]:
    return {
        "id": checkin.pk, "at": checkin.at, "mood": checkin.mood,
        "cant_tell": checkin.mood is None, "feel": checkin.feel,
        "emotions": [{"emotion": e.emotion, "intensity": e.intensity}
                     for e in checkin.emotion_list],
        "body": [{"region": b.region, "sensation": b.sensation} for b in checkin.body_list],
        "flicker": checkin.flicker, "note": checkin.note,
        "detached": checkin.detached, "struggling": checkin.struggling,
    }


def entry_dict(entry: Any) -> dict[str, Any]:
    return {
        "id": entry.pk, "written_at": entry.written_at, "kind": entry.kind, "title": entry.title,
        "body": entry.body, "tags": list(entry.tag_names),
        "prompt": entry.prompt_id,
    }


def emotion_dict(emotion: Emotion) -> dict[str, Any]:
    return {
        "id": emotion.id, "name": emotion.name, "family": emotion.family,
        "definition": emotion.definition, "body": list(emotion.body),
        "valence": emotion.valence, "energy": emotion.energy, "quadrant": emotion.quadrant,
        "cousins": [{"id": c.id, "difference": c.difference} for c in emotion.cousins],
        "aliases": list(emotion.aliases),
    }


def today_dict(summary: Any) -> dict[str, Any]:
    return {
        "day": summary.day, "checkins": [checkin_dict(c) for c in summary.checkins],
        "flickers": summary.flickers, "entries": [entry_dict(e) for e in summary.entries],
        "shut_down_since": summary.episode.started_on if summary.episode else None,
        "prompt": {"id": summary.prompt.id, "text": summary.prompt.text},
    }


def support_dict(help_: Any, *, texts: Any = ()) -> dict[str, Any] | None:
    """Crisis lines to show at once, or None (see care.services.support_for).

    `context` says whose crisis the `texts` speak of, as the web's card does: "self" (the writer,
    now), "past" (the writer's own past: the lines and a gentle note) or "other" (someone they
    worry about: the same lines, framed for helping them).
    """
    if help_ is None:
        return None
    from thawing import content
    from thawing.care.services import support_context

    context = (support_context(texts=texts) if texts else None) or "self"
    return {
        "context": context,
        # The web's card and the command line say the same (content/crisis.toml).
        "message": content.crisis_words().words[context],
        "emergency": help_.emergency,
        "helplines": [{"name": h.name, "contact": h.contact, "hours": h.hours}
                      for h in help_.helplines],
        "help_url": "/help/",
    }

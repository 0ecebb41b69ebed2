"""Check-in commands: `thawing checkin`, `thawing checkins` and `thawing acknowledge`.

`thawing checkin` with plain options is usually saved by `thawing/cli/quick.py` without starting
Django; what it cannot take (questions to ask, --json, a refusal to explain) comes here.
"""

from __future__ import annotations

import sys
from typing import Any

import typer
from rich.table import Table
from rich.text import Text

from thawing.cli import setup
from thawing.cli.care import offer_support
from thawing.cli.output import err, out, print_json, say_error
from thawing.core.checkins import saved_sentence, split_emotion
from thawing.core.errors import InvalidInput, ThawingError
from thawing.core.i18n import msg
from thawing.core.mood import parse_day


def _ask(question: str, check: Any, *, default: str = "") -> Any:
    """Ask until the answer passes `check`; each problem is said kindly, then asked again."""
    while True:
        answer = typer.prompt(question, default=default, show_default=bool(default))
        # Each answer is checked as soon as it is given, so nothing typed before is lost.
        try:
            return check(answer)
        except ThawingError as error:
            say_error(error)


def _interactive() -> dict[str, Any]:
    from thawing import content
    from thawing.core.checkins import parse_body, parse_emotions
    from thawing.core.mood import FLICKER_MAX, NOTE_MAX, clean_text, parse_feel, parse_mood

    vocabulary, body_map = content.vocabulary(), content.body_map()
    out.print("Let\u2019s check in. Press Enter to skip anything optional.")
    mood = _ask("Mood, 1 (very low) to 10 (very good), or ? for can\u2019t tell",
                lambda a: (a, parse_mood(a))[0])
    feel = _ask("How much can you feel right now, 0-10 (optional)",
                lambda a: (a, parse_feel(a))[0], default="")
    body_text = _ask("Anything in your body? e.g. chest:tight, arms:less (optional)",
                     lambda a: (a, parse_body(a.replace(",", " ").split(), body_map))[0],
                     default="")
    body = body_text.replace(",", " ").split()
    if body:
        suggestions = body_map.suggest(parse_body(body, body_map), vocabulary, limit=5)
        if suggestions:
            out.print("Words people sometimes use for this (possibilities, not answers):")
            for s in suggestions:
                out.print(f"  \u2022 {s.emotion.name.lower()}: {s.reasons[0]}", markup=False)
    words_text = _ask("Any emotion words? Separate with commas; add :1-5 for strength (optional)",
                      lambda a: (a, parse_emotions([split_emotion(w) for w in a.split(",")],
                                                   vocabulary))[0], default="")
    flicker = _ask("A flicker, one small cue of feeling (optional)",
                   lambda a: clean_text("flicker", a, limit=FLICKER_MAX, label=msg("A flicker")),
                   default="")
    note = _ask("A note (optional)",
                lambda a: clean_text("note", a, limit=NOTE_MAX, label=msg("A note")), default="")
    return {"mood": mood, "feel": feel, "body": body, "flicker": flicker, "note": note,
            "emotions": [split_emotion(w) for w in words_text.split(",") if w.strip()]}


def describe(checkin: Any) -> str:
    """A check-in in words, as `thawing checkins` and `thawing today` list it."""
    from thawing import content
    from thawing.core.checkins import describe_checkin

    return describe_checkin(
        mood=checkin.mood, feel=checkin.feel, vocabulary=content.vocabulary(),
        emotions=[(e.emotion, e.intensity) for e in checkin.emotion_list],
        body=[(b.region, b.sensation) for b in checkin.body_list])


def checkin(
    mood: str = typer.Option(None, "--mood", help="Mood from 1 (very low) to 10 (very good)."),
    cant_tell: bool = typer.Option(False, "--cant-tell", help="Mood: nothing / can\u2019t tell."),
    feel: str = typer.Option(None, "--feel", help="How much can you feel right now, 0-10."),
    emotion: list[str] = typer.Option([], "--emotion", help="An emotion word; WORD:3 adds a "
                                      "strength 1-5. Repeat for more."),
    body: list[str] = typer.Option([], "--body", help="REGION:SENSATION, e.g. chest:tight. "
                                   "Repeat for more."),
    flicker: str = typer.Option("", "--flicker", help="One small cue of feeling."),
    note: str = typer.Option("", "--note", help="A note."),
    at: str = typer.Option("", "--at", help="When, as ISO date or time (default: now)."),
    detached: bool = typer.Option(False, "--detached", help="I felt detached, as if things weren\u2019t "
                                  "real or I was watching myself from outside."),
    struggling: bool = typer.Option(False, "--struggling", help="Getting through the day was very hard."),
    as_json: bool = typer.Option(False, "--json", help="Print the saved check-in as JSON."),
) -> None:
    """Record how you are. With no options it asks, one gentle question at a time."""
    user = setup.user()
    from thawing.api.serialize import checkin_dict
    from thawing.checkins import services

    if mood is not None and cant_tell:
        raise InvalidInput({"mood": msg("Choose either --mood or --cant-tell, not both.")})
    given = mood is not None or cant_tell or feel or emotion or body or flicker or note
    if given:
        values: dict[str, Any] = {
            "mood": "cant-tell" if cant_tell else mood, "feel": feel,
            "emotions": [split_emotion(e) for e in emotion], "body": body,
            "flicker": flicker, "note": note,
        }
        if values["mood"] is None:
            raise InvalidInput({"mood": msg(
                "Please add a mood: --mood 1-10, or --cant-tell if you can\u2019t say.")})
    elif sys.stdin.isatty():
        values = _interactive()
    else:
        raise InvalidInput({"mood": msg(
            "Please add a mood: --mood 1-10, or --cant-tell if you can\u2019t say.")})
    saved = services.record_checkin(user=user, at=at or None, detached=detached, struggling=struggling,
                                    **values)
    saved = services.get_checkin(user=user, checkin_id=saved.pk)
    if not as_json:
        out.print(saved_sentence(describe(saved)), markup=False)
    support = offer_support(user, saved.note, saved.flicker, as_json=as_json)
    if as_json:
        print_json({**checkin_dict(saved), "support": support})


def checkins(
    since: str = typer.Option(None, "--since", help="Only from this day (YYYY-MM-DD)."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """List your check-ins, newest first."""
    day = parse_day(since, field="since")
    user = setup.user()
    from django.utils import timezone

    from thawing.accounts.days import user_zone
    from thawing.api.serialize import checkin_dict
    from thawing.checkins import services

    rows = services.list_checkins(user=user, since=day, limit=None if day else 100)
    if as_json:
        print_json([checkin_dict(c) for c in rows])
        return
    if not rows:
        out.print("No check-ins yet. Whenever you\u2019re ready: thawing checkin")
        return
    zone = user_zone(user)
    table = Table("When", "Check-in", "Flicker / note", box=None, show_edge=False)
    for c in rows:
        # Text objects: what people wrote is shown as written, never read as markup.
        table.add_row(timezone.localtime(c.at, zone).strftime("%a %d %b %H:%M"),
                      Text(describe(c)), Text(c.flicker or c.note))
    out.print(table)


def acknowledge(
    since: str = typer.Option("", "--since", help="About when it began (YYYY-MM-DD); "
                              "default today."),
    words: str = typer.Option("", "--words", help="In your own words (optional)."),
) -> None:
    """Say \u201cI\u2019ve been feeling shut down\u201d; the day it began is kept."""
    user = setup.user()
    from thawing.checkins import services

    episode = services.acknowledge_shutdown(user=user, since=since or None, words=words)
    out.print(f"Written down: feeling shut down since {episode.started_on:%d %B %Y}. "
              "Noticing it is a real step.")
    offer_support(user, words)


def register(app: typer.Typer) -> None:
    app.command()(checkin)
    app.command()(checkins)


def register_shut_down(app: typer.Typer) -> None:
    # Registered after `thawing today` (thawing.cli.today), where --help has always listed it.
    app.command()(acknowledge)


__all__ = ["register", "err"]

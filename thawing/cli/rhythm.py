"""`thawing remind` and `thawing pace`: the daily rhythm, its calendar file (A2, A5), and how
strong the suggestions may be (G6). Reminders reach the person through their own calendar.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import typer

from thawing.cli import setup
from thawing.cli.output import out
from thawing.core.errors import InvalidInput, ThawingError
from thawing.core.i18n import msg

# Words that switch an optional part of the rhythm off.
OFF = ("off", "none", "no")

# What the person reads, kept together so it can be reviewed in one place.
PACE_WORDS = {
    "gentle": "softer prompts and shorter practices; strong ones (letting feelings out, unsent "
              "letters, comfort-zone steps) wait until you are ready.",
    "steady": "most things, with the most intense practices still held back.",
    "full": "everything is offered. You can still skip anything.",
}
WORDS = {
    "none": "No reminders yet. Choose 1-3 times a day, for example: thawing remind --times 09:00,20:00",
    "times": "Check-in reminders: %(times)s",
    "quiet": "Quiet hours: %(start)s-%(end)s (no reminders then)",
    "random": "Random \u201cany flicker?\u201d prompts: %(n)s a day between %(start)s and %(end)s",
    "body_scan": "Ten-minute body check-in: %(at)s",
    "saved": "Saved. You can change these whenever you like.",
    "ics_hint": "To get them in your calendar: thawing remind --ics reminders.ics, then open or "
                "import that file. Nothing is sent anywhere.",
    "written": "Written: %(path)s. Open or import it in your calendar app. It covers the next two "
               "weeks; write it again now and then for fresh random prompts.",
    "pace": "Your pace: %(pace)s: %(words)s",
    "pace_saved": "Pace saved: %(pace)s. You can change it whenever you like.",
    "pace_hint": "Change it with: thawing pace gentle|steady|full",
}


def _span(value: str, field: str, example: str) -> tuple[str, str]:
    """"22:00-07:00" as its two ends; "off" clears them."""
    text = value.strip()
    if text.lower() in OFF:
        return "", ""
    start, dash, end = text.partition("-")
    if not dash or not start.strip() or not end.strip():
        raise InvalidInput({field: msg("Write it as two times with a dash, like %(example)s (or off).",
                                       example=example)})
    return start.strip(), end.strip()


def _merged(rhythm: Any, times: str | None, quiet: str | None, random: str | None,
            window: str | None, body_scan: str | None) -> dict[str, Any]:
    """The saved rhythm with what was typed laid over it, so one option changes one thing."""
    values: dict[str, Any] = {
        "times": list(rhythm.times), "quiet_start": rhythm.quiet_start, "quiet_end": rhythm.quiet_end,
        "random_prompts": rhythm.random_prompts, "window_start": rhythm.window_start,
        "window_end": rhythm.window_end, "body_scan": rhythm.body_scan,
    }
    problems: dict[str, str] = {}
    if times is not None:
        values["times"] = [t.strip() for t in times.split(",") if t.strip()]
    for option, fields, example in ((quiet, ("quiet_start", "quiet_end"), "22:00-07:00"),
                                    (window, ("window_start", "window_end"), "10:00-18:00")):
        if option is not None:
            try:
                values[fields[0]], values[fields[1]] = _span(option, fields[0], example)
            except InvalidInput as error:
                problems.update(error.fields)
    if random is not None:
        values["random_prompts"] = "0" if random.strip().lower() in OFF else random
    if body_scan is not None:
        values["body_scan"] = "" if body_scan.strip().lower() in OFF else body_scan
    if problems:
        raise InvalidInput(problems)
    return values


def _show(rhythm: Any) -> None:
    if not rhythm.times:
        out.print(WORDS["none"])
        return
    out.print(WORDS["times"] % {"times": ", ".join(rhythm.times)})
    if rhythm.quiet_start:
        out.print(WORDS["quiet"] % {"start": rhythm.quiet_start, "end": rhythm.quiet_end})
    if rhythm.random_prompts:
        out.print(WORDS["random"] % {"n": rhythm.random_prompts, "start": rhythm.window_start,
                                     "end": rhythm.window_end})
    if rhythm.body_scan:
        out.print(WORDS["body_scan"] % {"at": rhythm.body_scan})


def write_atomically(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, then rename: a reader never sees half a file."""
    target = path.expanduser()
    try:
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".thawing-",
                                             suffix=".tmp")
    except OSError as error:
        raise ThawingError(msg("I couldn\u2019t write to %(path)s (%(why)s). Is the folder there?",
                               path=str(path), why=error.strerror or "not allowed")) from None
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temporary, target)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise ThawingError(msg("I couldn\u2019t write to %(path)s (%(why)s).", path=str(path),
                               why=error.strerror or "not allowed")) from None


def remind(
    times: str = typer.Option(None, "--times", help="1-3 check-in times, e.g. 08:30,21:00."),
    quiet: str = typer.Option(None, "--quiet", help="Quiet hours, e.g. 22:00-07:00 (off to clear)."),
    random: str = typer.Option(None, "--random", help="Random \u201cany flicker?\u201d prompts a day, "
                               "0-3."),
    window: str = typer.Option(None, "--window", help="When random prompts may come, e.g. 10:00-18:00."),
    body_scan: str = typer.Option(None, "--body-scan", help="A time for a ten-minute body check-in, "
                                  "e.g. 12:00 (off to clear)."),
    ics: Path = typer.Option(None, "--ics", help="Write your reminders as a calendar file (.ics) here."),
) -> None:
    """Your daily rhythm: when Thawing reminds you, through your own calendar.

    Options change only what they name; with none, shows the rhythm.
    """
    user = setup.user()
    from thawing.practices import reminders

    rhythm = reminders.rhythm_of(user)
    if any(option is not None for option in (times, quiet, random, window, body_scan)):
        values = _merged(rhythm, times, quiet, random, window, body_scan)
        reminders.save_rhythm(user=user, **values)
        rhythm = reminders.rhythm_of(user)
        out.print(WORDS["saved"] + "\n")
    _show(rhythm)
    if ics is not None:
        write_atomically(ics, reminders.calendar_file(user=user))
        out.print("\n" + WORDS["written"] % {"path": ics}, markup=False)
    elif rhythm.times:
        out.print("\n" + WORDS["ics_hint"])


def pace(
    choice: str = typer.Argument("", help="gentle, steady or full (leave out to see yours)."),
) -> None:
    """How strong Thawing\u2019s suggestions may be: turn things up slowly, like a dimmer."""
    user = setup.user()
    from thawing.practices import services

    if choice:
        saved = services.set_pace(user=user, pace=choice)
        out.print(WORDS["pace_saved"] % {"pace": saved})
        return
    current = services.pace_of(user)
    out.print(WORDS["pace"] % {"pace": current, "words": PACE_WORDS[current]})
    out.print(WORDS["pace_hint"])


def register(app: typer.Typer) -> None:
    app.command()(remind)
    app.command()(pace)

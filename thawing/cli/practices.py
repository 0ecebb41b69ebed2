"""`thawing practice`, `breathe` and `meditate`: guided exercises in the terminal (A5, B4, B5, C1-C6).

Time is measured, never assumed: each tick adds the real time since the last one on a
monotonic clock, and a gap longer than GAP_SECONDS (a laptop asleep, a stopped process) adds
nothing, so a session saves honestly however it ended. `clock` and `sleep` are module
attributes so tests can swap in a fake clock that never really waits.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from typing import Any

import typer

from thawing.cli import setup
from thawing.cli.output import out, say_error
from thawing.core.errors import ThawingError

clock = time.monotonic
sleep = time.sleep

TICK_SECONDS = 0.1
# Longer than this between two ticks is not practice time (the web player uses the same rule).
GAP_SECONDS = 2.0
# An untimed step left waiting longer than this is a terminal left open, not practice.
UNTIMED_MAX_SECONDS = 30 * 60
BREATHING, MEDITATION = "longer-out-breath", "meditation-timer"

# What the person reads, kept together so it can be reviewed in one place.
KIND_NAMES = {"grounding": "Grounding", "body": "Body", "breathing": "Breathing",
              "meditation": "Meditation", "movement": "Movement", "rhythm": "Rhythm and repetition",
              "honouring": "When a feeling comes", "release": "Letting it out"}
WORDS = {
    "intro": "Feeling nothing during a practice is a normal result, not a failure. "
             "Ctrl-C stops at any moment, and what you did is still kept.",
    "held_back": "held back at your pace",
    "held_back_run": "This one can be strong, so it is held back at your current pace "
                     "(thawing pace). You are welcome to try it anyway.",
    "go_ahead": "Would you like to go ahead?",
    "list_end": "Run one with: thawing practice NAME  (for example: thawing practice five-senses)",
    "before": "How much can you feel right now, 0-10 (Enter to skip)?",
    "after": "And now, how much can you feel, 0-10 (Enter to skip)?",
    "enter": "Press Enter when you\u2019re ready ",
    "note": "Anything you\u2019d like to note? (Enter to skip)",
    "in": "Breathe in", "out": "Breathe out",
    "stopped": "Stopped here. That\u2019s fine; you can stop whenever you need to.",
    "saved": "Saved: %(name)s, %(time)s. Whatever you noticed, or didn\u2019t, is fine.",
    "saved_stopped": "Saved what you did: %(name)s, %(time)s. A part of a practice counts too.",
    "pacer": "Breathe in for about %(inhale).1f seconds and out for about %(exhale).1f, "
             "%(rate)s breaths a minute. Follow the bar: it fills as you breathe in and "
             "empties as you breathe out.",
}


@dataclass
class Run:
    """What really happened: seconds counted so far and whether the person stopped early."""

    seconds: float = 0.0
    stopped: bool = False


def _duration(seconds: float) -> str:
    whole = int(round(seconds))
    minutes, rest = divmod(whole, 60)
    if minutes and rest:
        return f"{minutes} min {rest} s"
    return f"{minutes} min" if minutes else f"{rest} s"


def _left(seconds: float) -> str:
    whole = max(0, int(seconds + 0.999))
    return f"{whole // 60}:{whole % 60:02d} left"


def _breath(pacer: Any, elapsed: float) -> tuple[str, float]:
    """The pacer's cue and how full its bar is (0-1) after `elapsed` seconds of practice."""
    inhale, exhale = pacer.inhale_seconds(), pacer.exhale_seconds()
    phase = elapsed % (inhale + exhale)
    if phase < inhale:
        return WORDS["in"], phase / inhale
    return WORDS["out"], 1.0 - (phase - inhale) / exhale


def _timed(run: Run, seconds: int, pacer: Any) -> None:
    """Count one timed step's seconds on a progress bar; the pacer bar breathes alongside."""
    from rich.progress import BarColumn, Progress, TextColumn

    counted = 0.0
    columns = (TextColumn("{task.description}", style="bold"), BarColumn(bar_width=40),
               TextColumn("{task.fields[left]}"))
    with Progress(*columns, console=out, transient=True, auto_refresh=False) as bars:
        step = bars.add_task("", total=seconds, left=_left(seconds))
        breath = bars.add_task("", total=1.0, left="") if pacer is not None else None
        last = clock()
        while counted < seconds:
            sleep(min(TICK_SECONDS, seconds - counted))
            now = clock()
            gap, last = now - last, now
            if 0 < gap <= GAP_SECONDS:
                part = min(gap, seconds - counted)
                counted += part
                run.seconds += part
            bars.update(step, completed=counted, left=_left(seconds - counted))
            if breath is not None:
                cue, fill = _breath(pacer, run.seconds)
                bars.update(breath, description=cue, completed=fill)
            bars.refresh()


def _wait(run: Run) -> None:
    """An untimed step: the person moves on when ready; the real wait counts, within reason."""
    started = clock()
    try:
        out.input(WORDS["enter"], markup=False)
    except EOFError:
        pass
    finally:
        run.seconds += min(max(0.0, clock() - started), UNTIMED_MAX_SECONDS)


def _run(exercise: Any, pacer: Any, *, wait: bool) -> Run:
    """Every step in turn; Ctrl-C ends the run early and keeps the time that really ran."""
    run = Run()
    total = len(exercise.steps)
    try:
        for number, step in enumerate(exercise.steps, start=1):
            out.print(f"\n[dim]{number}/{total}[/dim]")
            out.print(step.text, markup=False)
            if step.prompt:
                out.print(step.prompt, style="italic", markup=False)
            if step.seconds:
                _timed(run, step.seconds, pacer)
            elif wait:
                _wait(run)
    except KeyboardInterrupt:
        run.stopped = True
        out.print()
        out.print(WORDS["stopped"])
    return run


def _rating(given: int | None, *, question: str, ask: bool) -> int | None:
    """A 0-10 "how much can you feel" answer: given as an option, asked, or skipped."""
    from thawing.core.mood import parse_feel

    if given is not None or not ask:
        return given
    while True:
        try:
            answer = typer.prompt(question, default="", show_default=False, prompt_suffix=" ")
        except (typer.Abort, KeyboardInterrupt, EOFError):
            out.print()
            return None
        try:
            return parse_feel(answer)
        except ThawingError as error:
            say_error(error)


def _note(given: str, *, ask: bool) -> str:
    if given or not ask:
        return given
    try:
        return typer.prompt(WORDS["note"], default="", show_default=False, prompt_suffix=" ")
    except (typer.Abort, KeyboardInterrupt, EOFError):
        return ""


def _feel_option(value: str | None, field: str) -> int | None:
    """An option's rating, checked before anything runs so a typo costs no practice."""
    from thawing.core.errors import InvalidInput
    from thawing.core.mood import parse_feel

    try:
        return parse_feel(value)
    except InvalidInput as error:
        raise InvalidInput({field: error.fields["feel"]}) from None


def session(user: Any, exercise: Any, *, pacer: Any = None, before: str | None = None,
            after: str | None = None, wait: bool = True, note: str = "", bell: bool = False) -> Any:
    """Rate, run the steps, rate again and save the session with the time that really ran."""
    from thawing.cli.care import offer_support
    from thawing.practices import services

    before_value = _feel_option(before, "feel_before")
    after_value = _feel_option(after, "feel_after")
    tty = sys.stdin.isatty()
    out.print(f"[bold]{exercise.name}[/bold]")
    out.print(exercise.summary, markup=False)
    if exercise.is_timed:
        out.print(f"About {_duration(exercise.total_seconds)}.", markup=False)
    if pacer is not None:
        out.print(WORDS["pacer"] % {"inhale": pacer.inhale_seconds(), "exhale": pacer.exhale_seconds(),
                                    "rate": f"{pacer.rate:g}"})
    before_value = _rating(before_value, question=WORDS["before"], ask=tty)
    run = _run(exercise, pacer, wait=wait and tty)
    if bell and not run.stopped:
        sys.stdout.write("\a")
        sys.stdout.flush()
    after_value = _rating(after_value, question=WORDS["after"], ask=tty)
    note = _note(note, ask=tty and any(s.prompt for s in exercise.steps))
    saved = services.record_session(
        user=user, exercise_id=exercise.id, seconds=int(round(run.seconds)),
        planned_seconds=exercise.total_seconds, completed=not run.stopped,
        feel_before=before_value, feel_after=after_value, note=note,
    )
    closing = WORDS["saved_stopped" if run.stopped else "saved"]
    out.print("\n" + closing % {"name": exercise.name, "time": _duration(saved.seconds)}, markup=False)
    offer_support(user, note)
    return saved


def _list_exercises(user: Any) -> None:
    from rich.table import Table

    from thawing.core.exercises import KINDS
    from thawing.practices import services

    offers = services.list_exercises(user=user)
    out.print(WORDS["intro"])
    for kind in KINDS:
        mine = [o for o in offers if o.exercise.kind == kind]
        if not mine:
            continue
        table = Table("id", "name", "minutes", "", box=None, show_edge=False,
                      title=KIND_NAMES.get(kind, kind), title_justify="left", title_style="bold")
        for offer in mine:
            table.add_row(offer.exercise.id, offer.exercise.name, f"about {offer.exercise.minutes}",
                          "" if offer.ready else WORDS["held_back"])
        out.print()
        out.print(table)
    out.print("\n" + WORDS["list_end"])


BEFORE_HELP = "How much you can feel before, 0-10 (otherwise asked in a terminal)."
AFTER_HELP = "How much you can feel after, 0-10 (otherwise asked in a terminal)."
NOTE_HELP = "A note to keep with the session."


def practice(
    name: str = typer.Argument("", help="The exercise to run (its id); leave out to see them all."),
    minutes: str = typer.Option(None, "--minutes", help="Stretch or shorten the timed steps to this "
                                "many minutes."),
    before: str = typer.Option(None, "--before", help=BEFORE_HELP),
    after: str = typer.Option(None, "--after", help=AFTER_HELP),
    no_wait: bool = typer.Option(False, "--no-wait", help="Don\u2019t wait for Enter on untimed steps."),
    note: str = typer.Option("", "--note", help=NOTE_HELP),
) -> None:
    """Guided practices: grounding, body scan, breathing, movement and more.

    With no name, lists them by kind. With a name, runs it one step at a time: timed steps
    show a progress bar, untimed ones wait for Enter in a terminal (--no-wait moves straight
    on). Ctrl-C stops early; the time you spent is still saved.
    """
    user = setup.user()
    from thawing.practices import services

    if not name:
        _list_exercises(user)
        return
    exercise = services.get_exercise(exercise_id=name.strip().lower(), minutes=minutes)
    _feel_option(before, "feel_before")
    _feel_option(after, "feel_after")
    if exercise.intensity not in services.PACE_ALLOWS[services.pace_of(user)]:
        out.print(WORDS["held_back_run"])
        if sys.stdin.isatty() and not typer.confirm(WORDS["go_ahead"], default=True):
            return
    session(user, exercise, pacer=exercise.pacer, before=before, after=after, wait=not no_wait,
            note=note)


def breathe(
    rate: str = typer.Option(None, "--rate", help="Breaths a minute, 3 to 12 (about 6 is a common "
                             "start)."),
    minutes: str = typer.Option(None, "--minutes", help="How long, in whole minutes (default 3)."),
    before: str = typer.Option(None, "--before", help=BEFORE_HELP),
    after: str = typer.Option(None, "--after", help=AFTER_HELP),
) -> None:
    """Slow breathing with a pacer: breathe in as the bar fills, out as it empties."""
    user = setup.user()
    from thawing.core.errors import InvalidInput
    from thawing.practices import services

    base = services.get_exercise(exercise_id=BREATHING)
    exercise, pacer = base, base.pacer
    problems: dict[str, str] = {}
    # Both are checked before anything runs, so every problem is named at once.
    try:
        exercise = base.with_minutes(minutes) if minutes is not None else base
    except InvalidInput as error:
        problems.update(error.fields)
    try:
        pacer = pacer.with_rate(rate) if rate is not None else pacer
    except InvalidInput as error:
        problems.update(error.fields)
    if problems:
        raise InvalidInput(problems)
    session(user, exercise, pacer=pacer, before=before, after=after)


def meditate(
    minutes: str = typer.Argument(None, help="How long, in whole minutes (default 2; grow it "
                                  "whenever you like)."),
    quiet: bool = typer.Option(False, "--quiet", help="No bell at the end."),
    before: str = typer.Option(None, "--before", help=BEFORE_HELP),
    after: str = typer.Option(None, "--after", help=AFTER_HELP),
) -> None:
    """A quiet sit with a timer and a bell at the end. Two minutes is a fine start."""
    user = setup.user()
    from thawing.practices import services

    exercise = services.get_exercise(exercise_id=MEDITATION, minutes=minutes)
    session(user, exercise, before=before, after=after, bell=not quiet)


def register(app: typer.Typer) -> None:
    app.command()(practice)
    app.command()(breathe)
    app.command()(meditate)

"""`thawing habits` and `thawing numbing`: sleep, meals, movement (F1, F2, C5) and
numbing behaviours (F5), noted neutrally and shown for the week, never scolded.
"""

from __future__ import annotations

from typing import Any

import typer
from rich.table import Table
from rich.text import Text

from thawing.cli import setup
from thawing.cli.output import out

# What the person reads, kept together so it can be reviewed in one place.
SLEEP_NOTES = {
    "shift": "Since %(since)s you have slept about %(recent).1f hours a night, while the two weeks "
             "before were about %(baseline).1f. A sudden change in sleep is worth mentioning to a "
             "doctor, especially if it goes on.",
    "short": "This week every night you noted was under 7 hours (about %(recent).1f on average). "
             "Most adults need 7 or more; if you can, give sleep a little extra room.",
    "long": "This week every night you noted was over 9 hours (about %(recent).1f on average). "
            "Sometimes the body needs catching up; if it keeps on, it is worth mentioning to a doctor.",
}
WORDS = {
    "saved": "Saved for %(day)s. Thank you for noting it.",
    "nights": "Sleep, the last seven nights",
    "not_noted": "not noted",
    "movement": "Movement this week: %(total)s of 150 minutes",
    "active_days": "%(days)s of 7 days with 30 minutes or more. Any movement counts, "
                   "including a short walk.",
    "reached": "That\u2019s the weekly 150 minutes. Lovely.",
    "numbing_week": "Numbing noted this week: %(count)s. Noticing is the useful part.",
    "hint": "Note a day: thawing habits --sleep 7.5 --quality 3 --meals 3 --move 20",
    "numbing_saved": "Noted: %(what)s%(amount)s, %(day)s. Noticing is enough; there is nothing to "
                     "make up for.",
    "numbing_kinds": "Ways of numbing out that you can note (thawing numbing KIND):",
    "numbing_none": "Nothing noted. When you catch yourself numbing out: thawing numbing KIND",
}
AMOUNT_WORDS = {"a_little": "a little", "some": "some", "a_lot": "a lot", "": ""}
BAR_WIDTH = 20


def _bar(share: float) -> str:
    filled = round(max(0.0, min(1.0, share)) * BAR_WIDTH)
    return "\u2588" * filled + "\u2591" * (BAR_WIDTH - filled)


def _show_week(week: Any) -> None:
    from thawing.core.habits import WEEKLY_MOVEMENT_MINUTES

    out.print(f"[bold]{WORDS['nights']}[/bold]")
    for day, hours in week.nights:
        shown = WORDS["not_noted"] if hours is None else f"{hours:g} h  {_bar(hours / 12)}"
        out.print(f"  {day:%a %d %b}  {shown}", markup=False)
    movement = week.movement
    out.print(f"\n[bold]{WORDS['movement'] % {'total': movement.total}}[/bold]")
    out.print(f"  {_bar(movement.total / WEEKLY_MOVEMENT_MINUTES)}  "
              + WORDS["active_days"] % {"days": movement.active_days}, markup=False)
    if movement.reached:
        out.print("  " + WORDS["reached"])
    for note in week.sleep_notes:
        out.print()
        out.print(SLEEP_NOTES[note.kind] % {"since": f"{note.since:%d %B}", "recent": note.recent_hours,
                                            "baseline": note.baseline_hours or 0.0}, markup=False)
    if week.numbing:
        out.print("\n" + WORDS["numbing_week"] % {"count": len(week.numbing)})


def habits(
    day: str = typer.Option("", "--day", help="Which day, YYYY-MM-DD (default today)."),
    sleep: str = typer.Option(None, "--sleep", help="Hours slept last night, e.g. 7.5."),
    quality: str = typer.Option(None, "--quality", help="How well you slept, 1 (poorly) to 5 (well)."),
    meals: str = typer.Option(None, "--meals", help="Meals eaten, 0-8."),
    move: str = typer.Option(None, "--move", help="Minutes of movement, e.g. 20."),
) -> None:
    """Sleep, meals and movement: note a day, then see the week."""
    user = setup.user()
    from thawing.accounts.days import local_today
    from thawing.core.mood import parse_day
    from thawing.habits import services

    the_day = parse_day(day, field="day") or local_today(user)
    given = {"sleep_hours": sleep, "sleep_quality": quality, "meals": meals, "movement_minutes": move}
    if any(value is not None for value in given.values()):
        # The service saves the whole day, so what was noted earlier that day is kept as it was.
        earlier = services.habits_on(user=user, day=the_day)
        kept = {f: getattr(earlier, f) for f in given if earlier is not None}
        values = {f: v if v is not None else kept.get(f) for f, v in given.items()}
        saved = services.record_habits(user=user, day=day or None, **values)
        out.print(WORDS["saved"] % {"day": f"{saved.day:%a %d %b}"} + "\n")
    _show_week(services.habits_week(user=user, day=the_day))
    if not any(value is not None for value in given.values()):
        out.print("\n" + WORDS["hint"])


def _numbing_kinds() -> None:
    from thawing import content

    out.print(WORDS["numbing_kinds"])
    for idea in content.ideas().section("numbing"):
        out.print(f"  {idea.id:16} {idea.text}", markup=False)


def _numbing_list(user: Any) -> None:
    from datetime import timedelta

    from thawing import content
    from thawing.accounts.days import local_today
    from thawing.habits import services

    rows = services.list_numbing(user=user, since=local_today(user) - timedelta(days=27))
    if not rows:
        out.print(WORDS["numbing_none"])
        return
    names = {idea.id: idea.text for idea in content.ideas().section("numbing")}
    table = Table("day", "what", "how much", "to cope", box=None, show_edge=False)
    for row in rows:
        table.add_row(f"{row.day:%a %d %b}", names.get(row.kind, row.kind), AMOUNT_WORDS.get(row.amount, ""),
                      "\u2713" if row.to_cope else "")
    out.print(table)


def numbing(
    kind: str = typer.Argument("", help="What: scrolling, binge-watching, gaming, alcohol, drugs, "
                               "overwork, comfort-eating, shopping or other."),
    amount: str = typer.Option("", "--amount", help="a_little, some or a_lot."),
    to_cope: bool = typer.Option(False, "--to-cope", help="It was to cope with how you felt."),
    day: str = typer.Option("", "--day", help="Which day, YYYY-MM-DD (default today)."),
    note: str = typer.Option("", "--note", help="A note."),
    show: bool = typer.Option(False, "--list", help="Show what you noted in the last four weeks."),
) -> None:
    """Note a numbing behaviour, without judgement. --list shows the last four weeks."""
    if not kind and not show:
        _numbing_kinds()
        return
    user = setup.user()
    from thawing import content
    from thawing.cli.care import offer_support
    from thawing.habits import services

    if show:
        _numbing_list(user)
        return
    saved = services.log_numbing(user=user, kind=kind.strip().lower().replace("_", "-"),
                                 amount=amount.strip().lower().replace("-", "_").replace(" ", "_"),
                                 to_cope=to_cope, day=day or None, note=note)
    idea = content.ideas().get("numbing", saved.kind)
    amount_words = AMOUNT_WORDS.get(saved.amount, "")
    out.print(WORDS["numbing_saved"] % {
        "what": idea.text.lower() if idea else saved.kind,
        "amount": f" ({amount_words})" if amount_words else "", "day": f"{saved.day:%a %d %b}"})
    if idea and idea.note:
        out.print(Text(idea.note, style="dim"))
    offer_support(user, note)


def register(app: typer.Typer) -> None:
    app.command()(habits)
    app.command()(numbing)

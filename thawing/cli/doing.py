"""Doing, connecting and thinking in the terminal: own lists and activities (D1-D5, B3, F3),
connections and the reach-out draft (D6), thought records (E1) and the checklist (H1).

Each command parses what was typed, calls one service and prints the result kindly.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

import typer
from rich.table import Table
from rich.text import Text

from thawing.cli import setup
from thawing.cli.output import out, say_error
from thawing.core.errors import InvalidInput, ThawingError
from thawing.core.i18n import msg

# Which section of ideas.toml offers starters for each list (as on the web).
IDEAS_FOR = {"enjoy": "enjoy", "fun": "fun", "ladder": "comfort_zone", "scramble": "routine_scrambles",
             "stimulation": "stimulation", "creative": "creative_outlets", "stressor": "stress_relief"}
ACTIONS = ("add", "done", "cross", "uncross", "up", "down", "remove", "plan", "ideas")
THOUGHT_FIELDS = {"is-it-true": "evidence", "other-ways-to-see-it": "other_views",
                  "jumping-to-conclusions": "conclusions"}

# What the person reads, kept together so it can be reviewed in one place.
LIST_NAMES = {"enjoy": "Things I used to enjoy", "fun": "Fun and creativity",
              "ladder": "Out of my comfort zone", "scramble": "Scrambling the routine",
              "stimulation": "Things that once moved me", "creative": "My creative outlet",
              "stressor": "Stressors"}
WORDS = {
    "empty_list": "Nothing here yet. Add something with: thawing list %(kind)s add TEXT  "
                  "(or see ideas: thawing list %(kind)s ideas)",
    "lists_end": "See one with: thawing list KIND   Add to it: thawing list KIND add TEXT",
    "added": "Added to \u201c%(list)s\u201d as number %(n)s.",
    "done": "Done: number %(n)s. Doing it, whatever it felt like, is the part that counts.",
    "crossed": "Crossed off number %(n)s. Whenever you\u2019re ready for the next one is soon enough.",
    "uncrossed": "Number %(n)s is back on the list.",
    "moved": "Moved. Number %(n)s is now number %(to)s.",
    "removed": "Removed number %(n)s from \u201c%(list)s\u201d.",
    "planned": "Planned (activity #%(id)s). When you have done it: thawing did %(id)s --enjoyed 0-10",
    "no_activities": "No activities yet. Plan one from a list: thawing list enjoy plan 1 --expect 5",
    "more": "You expected %(p)s and it came out at %(a)s. Flat feelings often predict less than "
            "we get; that gap is worth remembering next time.",
    "same": "It was about what you expected: %(p)s out of 10. Doing it still counts.",
    "less": "You expected %(p)s and it felt like %(a)s. That happens, especially on flat days. "
            "Showing up is the part that helps, not the score.",
    "noted": "Noted. Doing it, whatever it felt like, is the part that counts.",
    "connected": "Noted: %(how)s with %(who)s. Reaching towards someone, however it felt, matters.",
    "no_connections": "Nothing noted yet. When you spend time with someone: thawing connect NAME "
                      "--how call",
    "draft": "Here is a draft to change as you like. Thawing never sends anything: copy it "
             "into a message yourself, if and when you want to.",
    "starters": "Other ways to begin (thawing reach-out --starter ID):",
    "thought_saved": "Saved (thought record #%(id)s). Looking at a thought again takes courage; "
                     "it doesn\u2019t have to change for this to count.",
    "no_thoughts": "No thought records yet. When a heavy thought comes: thawing thought",
    "checklist": "Seven small steps back towards feeling. This isn\u2019t a score; any step, on any "
                 "day, is worth it.",
    "checklist_end": "Daily steps start fresh each day, weekly ones look at the last seven days. "
                     "Tick one yourself: thawing checklist tick ITEM",
}
HOW_WORDS = {"in_person": "time in person", "call": "a call", "message": "a message",
             "group": "a group"}
FELT_WORDS = {"good": "good", "okay": "okay", "hard": "hard", "cant_tell": "can\u2019t tell"}
CHECKLIST = {
    "acknowledge": ("Acknowledge it: write down that you have been feeling shut down",
                    "thawing acknowledge"),
    "body_checkin": ("A 10-minute body check-in today", "thawing practice body-scan"),
    "creative": ("One creative outlet this week", "thawing list creative done N"),
    "reach_out": ("Reach out to one trusted person this week",
                  "thawing reach-out, then thawing connect NAME --how call"),
    "numbing": ("Ease off numbing habits this week", "thawing numbing KIND"),
    "consultation": ("Book a consultation with a doctor or therapist",
                     "thawing help; then thawing checklist tick consultation"),
    "flicker": ("Notice one small cue of feeling today", "thawing checkin --flicker TEXT"),
}
HOW_DONE = {"records": "from your records", "ticked": "ticked by you"}


def _ask(question: str, check: Callable[[str], Any]) -> Any:
    """Ask until `check` accepts the answer; Enter gives "" to `check`."""
    while True:
        answer = typer.prompt(question, default="", show_default=False, prompt_suffix=" ")
        try:
            return check(answer)
        except ThawingError as error:
            say_error(error)


def _number(what: list[str], items: list[Any], kind: str) -> tuple[int, Any]:
    """The item at the position the person typed (1 = the top of the list)."""
    if not items:
        raise InvalidInput({"number": msg(WORDS["empty_list"], kind=kind)})
    text = " ".join(what).strip()
    if not text.isdigit() or not 1 <= int(text) <= len(items):
        raise InvalidInput({"number": msg(
            "Use the number shown beside the item, from 1 to %(n)s (see: thawing list %(kind)s).",
            n=len(items), kind=kind)})
    return int(text), items[int(text) - 1]


# Lists ----------------------------------------------------------------------------------

def _show_list(user: Any, kind: str, items: list[Any]) -> None:
    from thawing.practices import services

    done_today = services.done_today(user=user, kind=kind)
    out.print(f"[bold]{LIST_NAMES[kind]}[/bold]")
    if not items:
        out.print(WORDS["empty_list"] % {"kind": kind})
        return
    table = Table("#", "item", "one small step", "", box=None, show_edge=False)
    for number, item in enumerate(items, start=1):
        status = (f"crossed off {item.done_on:%d %b}" if item.done_on
                  else "done today" if item.pk in done_today else "")
        table.add_row(str(number), Text(item.text), Text(item.detail), status)
    out.print(table)


def _all_lists(user: Any) -> None:
    from thawing.practices import services

    table = Table("kind", "list", "items", box=None, show_edge=False)
    for kind in services.LIST_KINDS:
        table.add_row(kind, LIST_NAMES[kind], str(len(services.list_items(user=user, kind=kind))))
    out.print(table)
    out.print(WORDS["lists_end"])


def _ideas(user: Any, kind: str, items: list[Any]) -> None:
    from thawing import content
    from thawing.practices import services

    up_to = "moderate" if services.pace_of(user) == "gentle" else "intense"
    section = content.ideas().sections[IDEAS_FOR[kind]]
    have = {item.text.casefold() for item in items}
    out.print(f"[bold]{section.title}[/bold]")
    if section.intro:
        out.print(section.intro, markup=False)
    for idea in content.ideas().section(IDEAS_FOR[kind], up_to=up_to):
        mark = " (on your list)" if idea.text.casefold() in have else ""
        out.print(f"  \u2022 {idea.text}{mark}", markup=False)
        if idea.note:
            out.print(f"    {idea.note}", style="dim", markup=False)
    out.print(f"Add one in your own words: thawing list {kind} add TEXT", markup=False)


def list_(
    kind: str = typer.Argument("", help="Which list: enjoy, fun, ladder, scramble, stimulation, "
                               "creative or stressor."),
    action: str = typer.Argument("", help="add, done, cross, uncross, up, down, remove, plan or ideas."),
    what: list[str] = typer.Argument(None, help="The text (add) or the item\u2019s number (the rest)."),
    step: str = typer.Option("", "--step", help="add: one small step that goes with it."),
    on: str = typer.Option("", "--on", help="plan: the day, YYYY-MM-DD (default today)."),
    expect: str = typer.Option(None, "--expect", help="plan: how much you expect to enjoy it, 0-10."),
    enjoyed: str = typer.Option(None, "--enjoyed", help="done: how much you enjoyed it, 0-10."),
    note: str = typer.Option("", "--note", help="done: a note."),
) -> None:
    """Your own lists, favourite first.

    \b
    thawing list                      all your lists
    thawing list KIND                 one list, numbered
    thawing list KIND add TEXT        add to the end (--step TEXT for one small step)
    thawing list KIND done N          did number N today (--enjoyed 0-10, --note)
    thawing list KIND cross N         cross a step off for good (uncross N undoes it)
    thawing list KIND up N / down N   move number N towards or away from the top
    thawing list KIND remove N        take number N off the list
    thawing list KIND plan N          plan number N (--on DATE, --expect 0-10)
    thawing list KIND ideas           suggestions to start from
    """
    user = setup.user()
    from thawing.practices import services

    if not kind:
        _all_lists(user)
        return
    kind = kind.strip().lower()
    items = services.list_items(user=user, kind=kind)
    action = action.strip().lower()
    what = list(what or [])
    if not action:
        _show_list(user, kind, items)
    elif action == "ideas":
        _ideas(user, kind, items)
    elif action == "add":
        services.add_item(user=user, kind=kind, text=" ".join(what), detail=step)
        out.print(WORDS["added"] % {"list": LIST_NAMES[kind], "n": len(items) + 1})
    elif action in ACTIONS:
        _item_action(user, kind, action, _number(what, items, kind), enjoyed=enjoyed, note=note,
                     on=on, expect=expect)
    else:
        raise InvalidInput({"action": msg("A list can do: %(actions)s. See: thawing list --help",
                                          actions=", ".join(ACTIONS))})


def _item_action(user: Any, kind: str, action: str, found: tuple[int, Any], **options: Any) -> None:
    from thawing.accounts.days import local_today
    from thawing.practices import services

    number, item = found
    values = {"n": number, "list": LIST_NAMES[kind]}
    if action == "done":
        services.record_activity(user=user, kind=kind, item_id=item.pk, done=True,
                                 actual=options["enjoyed"], note=options["note"])
        out.print(WORDS["done"] % values)
    elif action in ("cross", "uncross"):
        services.cross_off(user=user, item_id=item.pk, done=action == "cross")
        out.print(WORDS["crossed" if action == "cross" else "uncrossed"] % values)
    elif action in ("up", "down"):
        moved = services.move_item(user=user, item_id=item.pk, direction=action)
        mine = [i.pk for i in services.list_items(user=user, kind=kind)]
        out.print(WORDS["moved"] % {**values, "to": mine.index(moved.pk) + 1})
    elif action == "remove":
        services.delete_item(user=user, item_id=item.pk)
        out.print(WORDS["removed"] % values)
    else:
        planned = services.record_activity(user=user, kind=kind, item_id=item.pk, done=False,
                                           planned_on=options["on"] or local_today(user),
                                           predicted=options["expect"])
        out.print(WORDS["planned"] % {"id": planned.pk})


# Activities -----------------------------------------------------------------------------

def _gap(activity: Any) -> str:
    """What the difference between expected and actual enjoyment may mean, said kindly."""
    p, a = activity.predicted, activity.actual
    if p is None or a is None:
        return WORDS["noted"]
    return WORDS["more" if a > p else "same" if a == p else "less"] % {"p": p, "a": a}


def did(
    activity_id: int = typer.Argument(..., help="The activity\u2019s number (see: thawing activities)."),
    enjoyed: str = typer.Option(None, "--enjoyed", help="How much you enjoyed it, 0-10."),
    note: str = typer.Option(None, "--note", help="A note."),
    on: str = typer.Option("", "--on", help="The day you did it, YYYY-MM-DD (default today)."),
) -> None:
    """Say how a planned activity went. Any answer is fine, including none."""
    user = setup.user()
    from thawing.cli.care import offer_support
    from thawing.practices import services

    activity = services.rate_activity(user=user, activity_id=activity_id, actual=enjoyed, note=note,
                                      done_on=on or None)
    out.print(_gap(activity))
    offer_support(user, note)


def activities(
    kind: str = typer.Option("", "--kind", help="Only from this list (enjoy, fun, ...)."),
) -> None:
    """Your planned and done activities, with what you expected beside how it went."""
    user = setup.user()
    from thawing.practices import services

    planned = services.list_activities(user=user, kind=kind or None, planned=True, limit=30)
    done = services.list_activities(user=user, kind=kind or None, planned=False, limit=30)
    if not planned and not done:
        out.print(WORDS["no_activities"])
        return
    if planned:
        table = Table("#", "day", "what", "expected", box=None, show_edge=False, title="Planned",
                      title_justify="left", title_style="bold")
        for a in planned:
            table.add_row(str(a.pk), f"{a.planned_on:%a %d %b}" if a.planned_on else "", Text(a.title),
                          "" if a.predicted is None else f"{a.predicted}/10")
        out.print(table)
        out.print("When you have done one: thawing did NUMBER --enjoyed 0-10\n")
    if done:
        table = Table("#", "day", "what", "expected", "enjoyed", box=None, show_edge=False, title="Done",
                      title_justify="left", title_style="bold")
        for a in done:
            table.add_row(str(a.pk), f"{a.done_on:%a %d %b}", Text(a.title),
                          "" if a.predicted is None else f"{a.predicted}/10",
                          "not noted" if a.actual is None else f"{a.actual}/10")
        out.print(table)
        from thawing.core.activities import mostly_better_than_expected

        if mostly_better_than_expected((a.predicted, a.actual) for a in done):
            out.print("\nMore often than not, it went better than you expected. Worth remembering "
                      "when the next plan feels pointless.")


# Connecting -----------------------------------------------------------------------------

def _connections(user: Any) -> None:
    from thawing.practices import services

    rows = services.list_connections(user=user, limit=50)
    if not rows:
        out.print(WORDS["no_connections"])
        return
    table = Table("day", "who", "how", "felt", "shared how you feel", box=None, show_edge=False)
    for c in rows:
        table.add_row(f"{c.on:%a %d %b}", Text(c.who), HOW_WORDS.get(c.how, c.how),
                      FELT_WORDS.get(c.felt, c.felt), "\u2713" if c.reached_out else "")
    out.print(table)


def _contact_ideas() -> None:
    from thawing import content

    for name in ("low_pressure_contact", "nobody_near"):
        section = content.ideas().sections[name]
        out.print(f"\n[bold]{section.title}[/bold]")
        for idea in section.items:
            out.print(f"  \u2022 {idea.text}", markup=False)


def connect(
    who: str = typer.Argument("", help="Who: a name or a word like \u201cmy sister\u201d."),
    how: str = typer.Option("", "--how", help="in_person, call, message or group."),
    felt: str = typer.Option("cant_tell", "--felt", help="good, okay, hard or cant_tell."),
    shared: bool = typer.Option(False, "--shared", help="You told them how you have been feeling."),
    note: str = typer.Option("", "--note", help="A note."),
    on: str = typer.Option("", "--on", help="The day, YYYY-MM-DD (default today)."),
    show: bool = typer.Option(False, "--list", help="Show the connections you noted."),
    ideas: bool = typer.Option(False, "--ideas", help="Ideas for low-pressure contact."),
) -> None:
    """Note time with someone: who, how, and how it felt. --list shows them."""
    if ideas:
        _contact_ideas()
        return
    user = setup.user()
    from thawing.cli.care import offer_support
    from thawing.practices import services

    if show:
        _connections(user)
        return
    if not who.strip():
        raise InvalidInput({"who": msg("Who was it? For example: thawing connect Sam --how call")})
    saved = services.log_connection(user=user, who=who, how=how.strip().lower().replace("-", "_"),
                                    felt=felt.strip().lower().replace("-", "_") or None,
                                    reached_out=shared, note=note, on=on or None)
    out.print(WORDS["connected"] % {"how": HOW_WORDS[saved.how], "who": saved.who}, markup=False)
    offer_support(user, note)


def reach_out(
    name: str = typer.Option("", "--name", help="Their name, to put in the greeting."),
    starter: str = typer.Option("", "--starter", help="Which opening to use (ids are listed below)."),
) -> None:
    """A draft message to one trusted person about how you have been feeling. Never sent."""
    setup.django()
    from thawing import content
    from thawing.practices import services

    starters = content.ideas().section("reach_out_starters")
    ids = [s.id for s in starters]
    if starter and starter not in ids:
        raise InvalidInput({"starter": msg("There\u2019s no opening called that. Try one of: %(ids)s.",
                                           ids=", ".join(ids))})
    draft = services.draft_message(starter_id=starter or None, name=name)
    out.print(WORDS["draft"] + "\n")
    out.print(draft, markup=False)
    out.print("\n" + WORDS["starters"])
    for s in starters:
        out.print(f"  {s.id}", markup=False)


# Thought records ------------------------------------------------------------------------

def _interactive_thought() -> dict[str, Any]:
    from thawing import content
    from thawing.core.mood import clean_text
    from thawing.core.values import parse_whole, required_text

    limit = 5_000

    def text(field: str, required: bool = False) -> Callable[[str], str]:
        check = required_text if required else clean_text
        if required:
            return lambda a: check(a, field=field, limit=limit, label=msg("The thought"))
        return lambda a: check(field, a, limit=limit, label=msg("This part"))

    def belief(field: str) -> Callable[[str], int | None]:
        return lambda a: parse_whole(a.strip().rstrip("%"), field=field, low=0, high=100,
                                     label=msg("How strongly you believe it"))

    section = content.ideas().sections["thought_questions"]
    out.print(f"[bold]{section.title}[/bold]")
    out.print(section.intro + " Press Enter to skip anything.", markup=False)
    values: dict[str, Any] = {
        "situation": _ask("What happened? (optional)", text("situation")),
        "thought": _ask("What is the thought, in its own words?", text("thought", True)),
        "belief_before": _ask("How strongly do you believe it, 0-100?", belief("belief_before")),
    }
    for number, question in enumerate(section.items):
        field = THOUGHT_FIELDS.get(question.id, tuple(THOUGHT_FIELDS.values())[number % 3])
        out.print(f"\n[bold]{question.text}[/bold]", markup=True)
        if question.note:
            out.print(question.note, style="dim", markup=False)
        values[field] = _ask(">", text(field))
    values["alternative"] = _ask("\nA kinder or more balanced way to put it? (optional)",
                                 text("alternative"))
    values["belief_after"] = _ask("And now, how strongly do you believe the first thought, 0-100?",
                                  belief("belief_after"))
    return values


def thought(
    thought_text: str = typer.Option(None, "--thought", help="The thought, in its own words."),
    situation: str = typer.Option("", "--situation", help="What happened."),
    belief: str = typer.Option(None, "--belief", help="How strongly you believe it, 0-100."),
    evidence: str = typer.Option("", "--is-it-true", help="Is it true? What fits it, what doesn\u2019t."),
    other_views: str = typer.Option("", "--other-views", help="Other ways to see it."),
    conclusions: str = typer.Option("", "--conclusions", help="Am I jumping to conclusions?"),
    alternative: str = typer.Option("", "--alternative", help="A kinder way to put it."),
    belief_after: str = typer.Option(None, "--belief-after", help="How strongly you believe it "
                                     "now, 0-100."),
    at: str = typer.Option("", "--at", help="When, as ISO date or time (default: now)."),
) -> None:
    """A thought record: a heavy thought, looked at from three sides. Asks, in a terminal."""
    user = setup.user()
    from thawing.cli.care import offer_support
    from thawing.journal import thoughts

    if thought_text is not None:
        values: dict[str, Any] = {
            "thought": thought_text, "situation": situation, "belief_before": belief,
            "evidence": evidence, "other_views": other_views, "conclusions": conclusions,
            "alternative": alternative, "belief_after": belief_after}
    elif sys.stdin.isatty():
        values = _interactive_thought()
    else:
        raise InvalidInput({"thought": msg(
            "Please add the thought: thawing thought --thought TEXT (or run it in a terminal to "
            "be asked).")})
    saved = thoughts.record_thought(user=user, at=at or None, **values)
    out.print("\n" + WORDS["thought_saved"] % {"id": saved.pk})
    offer_support(user, *(str(v) for v in values.values() if isinstance(v, str)))


def _belief(before: int | None, after: int | None) -> str:
    shown = [f"{b}%" if b is not None else "?" for b in (before, after)]
    return "" if before is None and after is None else " \u2192 ".join(shown)


def thoughts_(
    record: int = typer.Argument(None, help="Show this one in full."),
) -> None:
    """Your thought records, newest first."""
    user = setup.user()
    from django.utils import timezone

    from thawing.accounts.days import user_zone
    from thawing.journal import thoughts

    zone = user_zone(user)
    if record is not None:
        r = thoughts.get_thought(user=user, record_id=record)
        out.print(f"[bold]#{r.pk}  {timezone.localtime(r.at, zone):%a %d %b %Y %H:%M}[/bold]")
        for label, value in (("What happened", r.situation), ("The thought", r.thought),
                             ("Is it true?", r.evidence), ("Other ways to see it", r.other_views),
                             ("Jumping to conclusions?", r.conclusions),
                             ("A kinder way to put it", r.alternative),
                             ("Belief", _belief(r.belief_before, r.belief_after))):
            if value:
                out.print(f"[bold]{label}:[/bold] ", end="")
                out.print(value, markup=False)
        return
    rows = thoughts.list_thoughts(user=user, limit=50)
    if not rows:
        out.print(WORDS["no_thoughts"])
        return
    table = Table("#", "when", "thought", "belief", box=None, show_edge=False)
    for r in rows:
        short = r.thought if len(r.thought) <= 70 else r.thought[:69] + "\u2026"
        table.add_row(str(r.pk), f"{timezone.localtime(r.at, zone):%a %d %b}", Text(short),
                      _belief(r.belief_before, r.belief_after))
    out.print(table)
    out.print("See one in full: thawing thoughts NUMBER")


# The reconnection checklist -------------------------------------------------------------

def checklist(
    action: str = typer.Argument("", help="tick or untick (leave out to see the list)."),
    item: str = typer.Argument("", help="acknowledge, body_checkin, creative, reach_out, numbing, "
                               "consultation or flicker."),
) -> None:
    """The reconnection checklist: seven steps, ticked from what you do where possible."""
    user = setup.user()
    from thawing.practices import services

    if action:
        if action.strip().lower() not in ("tick", "untick"):
            raise InvalidInput({"action": msg("Use tick or untick, e.g. thawing checklist tick "
                                              "consultation")})
        services.tick(user=user, item=item.strip().lower().replace("-", "_"),
                      done=action.strip().lower() == "tick")
    out.print(WORDS["checklist"] + "\n")
    table = Table("", "step", "item", "how", box=None, show_edge=False)
    for step in services.checklist(user=user):
        label, how = CHECKLIST[step.id]
        table.add_row("\u2713" if step.done else "\u25cb", label, step.id,
                      HOW_DONE.get(step.how, "") if step.done else how)
    out.print(table)
    out.print("\n" + WORDS["checklist_end"])


def register(app: typer.Typer) -> None:
    app.command("list")(list_)
    app.command()(did)
    app.command()(activities)
    app.command()(connect)
    app.command("reach-out")(reach_out)
    app.command()(thought)
    app.command("thoughts")(thoughts_)
    app.command()(checklist)

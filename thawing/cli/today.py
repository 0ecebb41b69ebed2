"""`thawing today`: the day's summary, as the Today page and `GET /api/today` show it."""

from __future__ import annotations

import typer

from thawing.cli import setup
from thawing.cli.checkins import describe
from thawing.cli.output import out, print_json


def today(as_json: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """Today: your check-ins, flickers, writing and a prompt."""
    user = setup.user()
    from django.utils import timezone

    from thawing.accounts.days import user_zone
    from thawing.api.serialize import today_dict
    from thawing.today.services import today_summary

    summary = today_summary(user=user)
    if as_json:
        print_json(today_dict(summary))
        return
    zone = user_zone(user)
    out.print(f"[bold]{summary.day:%A %d %B}[/bold]")
    if summary.episode:
        out.print(f"You noted feeling shut down since {summary.episode.started_on:%d %B %Y}. "
                  "Be gentle with yourself.")
    if summary.checkins:
        for c in summary.checkins:
            out.print(f"  {timezone.localtime(c.at, zone):%H:%M}  {describe(c)}", markup=False)
    else:
        out.print("  No check-ins yet today, and that\u2019s fine.")
    for f in summary.flickers:
        out.print(f"  \u2726 {f}", markup=False)
    for e in summary.entries:
        out.print(f"  \u270e {e.title or e.body[:60]}", markup=False)
    out.print(f"Prompt for today: {summary.prompt.text}  "
              f"(thawing journal --prompt {summary.prompt.id})", markup=False)


def register(app: typer.Typer) -> None:
    app.command()(today)

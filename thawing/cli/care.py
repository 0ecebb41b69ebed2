from __future__ import annotations

import typer

from thawing.cli.output import out


def help_now(
    country: str = typer.Option("", "--country", help="Two-letter country code, e.g. GB."),
) -> None:
    """Get help now: crisis lines and the emergency number. Works offline."""
    from thawing import content

    book = content.helplines()
    found = book.for_country(country or _profile_country())
    out.print("[bold]If you are in danger or might hurt yourself, please reach out now.[/bold]")
    out.print(f"{found.name}: in an emergency, call {found.emergency}.", markup=False)
    for line in found.helplines + (book.fallback.helplines if found.country else ()):
        hours = f" ({line.hours})" if line.hours else ""
        out.print(f"  \u2022 {line.name}: {line.contact}{hours}", markup=False)
        if line.description:
            out.print(f"    {line.description}", markup=False)
    out.print("Thawing never contacts anyone for you. Nothing you write is sent anywhere.")


def _profile_country() -> str:
    """The person's country when it can be read without asking for a passphrase."""
    import os

    try:
        from thawing.cli import setup

        setup.django()
        from thawing.accounts import services

        if services.is_local_mode():
            profile = services.local_profile()
            return profile.country if profile else ""
        account = services.account_named(os.environ.get("THAWING_USER", ""))
        return services.profile_for(account).country if account else ""
    except Exception:
        # Help must always print, whatever state the data or its database is in.
        return ""


def register(app: typer.Typer) -> None:
    app.command("help")(help_now)

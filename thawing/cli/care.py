from __future__ import annotations

import typer

from thawing.cli.crisis import print_crisis
from thawing.cli.output import out
from thawing.core.helplines import CountryHelp


def help_now(
    country: str = typer.Option("", "--country", help="Two-letter country code, e.g. GB."),
) -> None:
    """Get help now: crisis lines and the emergency number. Works offline."""
    from thawing import content

    book = content.helplines()
    found = book.for_country(country or _profile_country())
    print_help(found, fallback=book.fallback)


def print_help(found: CountryHelp, *, fallback: CountryHelp | None = None) -> None:
    """Crisis lines and the emergency number, as plain lines a terminal always shows."""
    print_crisis(_plain, found, fallback=fallback, strong=_bold)


def _plain(text: str) -> None:
    out.print(text, markup=False)


def _bold(text: str) -> None:
    out.print(text, markup=False, style="bold")


def offer_support(user: object, *texts: str | None, as_json: bool = False) -> dict | None:
    """After a save: crisis lines at once when the words suggest a crisis (G5).

    Printed for people; for --json, returned for the caller to put in its JSON instead.
    """
    from thawing.api.serialize import support_dict
    from thawing.care.services import support_context, support_for

    found = support_for(user=user, texts=texts)  # type: ignore[arg-type]
    if found is not None and not as_json:
        # The same words and lines as the quick way prints (thawing/cli/quick.py).
        print_crisis(_plain, found, context=support_context(texts=texts) or "self", strong=_bold)
    return support_dict(found, texts=texts)


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


def plan(as_json: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """Your safety plan, to read on a hard day (write or change it in the browser)."""
    from thawing.cli import setup

    user = setup.user()
    from thawing.care import services
    from thawing.care.forms import SECTION_TEXT

    saved = services.get_safety_plan(user=user)
    if as_json:
        from thawing.cli.output import print_json

        print_json({name: getattr(saved, name) for name in SECTION_TEXT})
        return
    written = [(label, getattr(saved, name)) for name, (label, _) in SECTION_TEXT.items()
               if getattr(saved, name)]
    if not written:
        out.print("You haven\u2019t written a safety plan yet. Run thawing serve and open "
                  "Get help now \u2192 My safety plan; it takes a few minutes on a calmer day.")
    for label, text in written:
        out.print(f"\n[bold]{label}[/bold]")
        out.print(text, markup=False)
    out.print()
    print_help(services.help_for(user=user))


def register(app: typer.Typer) -> None:
    app.command("help")(help_now)
    app.command("plan")(plan)

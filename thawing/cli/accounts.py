from __future__ import annotations

import getpass
import os
import sys

import typer

from thawing.cli import setup
from thawing.cli.output import out
from thawing.core.errors import InvalidInput, ThawingError
from thawing.core.i18n import msg


def _new_passphrase(env_name: str, label: str) -> str:
    given = os.environ.get(env_name)
    if given is not None:
        return given
    if not sys.stdin.isatty():
        raise ThawingError(msg(
            "Please set %(env)s, or run this in a terminal to be asked.", env=env_name))
    first = getpass.getpass(f"Choose a {label}: ")
    if first != getpass.getpass(f"The same {label} again: "):
        raise InvalidInput({"passphrase": msg("The two were different. Nothing was saved.")})
    return first


def init(
    name: str = typer.Option("", help="What to call you (optional)."),
    country: str = typer.Option("", help="Two-letter country code, for helplines (e.g. GB)."),
    timezone: str = typer.Option("", help="Time zone such as Europe/London (default: this "
                                 "computer\u2019s)."),
    checkin_time: str = typer.Option("", help="A good time for a check-in, like 20:30."),
    no_passphrase: bool = typer.Option(False, "--no-passphrase",
                                       help="Use no passphrase (anyone at this computer account "
                                            "can open your data)."),
) -> None:
    """Set up your private profile (local mode). The passphrase comes from a prompt or
    THAWING_PASSPHRASE."""
    setup.django()
    from thawing.accounts import services

    if not services.is_local_mode():
        raise ThawingError(msg("\u201cthawing init\u201d sets up a local profile. In server "
                               "mode, operators create accounts with \u201cthawing adduser\u201d."))
    services.check_not_set_up()
    passphrase = None if no_passphrase else _new_passphrase("THAWING_PASSPHRASE", "passphrase")
    services.set_up_local_profile(
        name=name, country=country, timezone=timezone or services.machine_zone(),
        checkin_time=checkin_time or None, passphrase=passphrase,
    )
    out.print("You\u2019re set up. Try [bold]thawing checkin[/bold], or [bold]thawing serve[/bold] "
              "to open Thawing in your browser.")
    if no_passphrase:
        out.print("You chose no passphrase, so your data is not encrypted: anyone using this "
                  "computer account can open it.")
    else:
        code = services.new_recovery_code(passphrase=passphrase)
        out.print("Your data is encrypted with your passphrase. If you ever forget it, this "
                  "recovery code opens your data. Write it down and keep it somewhere safe; "
                  "it is shown only this once:")
        out.print(f"\n    [bold]{code}[/bold]\n", highlight=False)


def passphrase(
    new_recovery_code: bool = typer.Option(False, "--new-recovery-code",
                                           help="Make a new recovery code instead; the old one stops "
                                                "working."),
) -> None:
    """Change your passphrase (local mode): your data and its backups move to a new key.

    The passphrase you use now comes from THAWING_PASSPHRASE or a prompt, the new one from
    THAWING_NEW_PASSPHRASE or a prompt."""
    setup.django()
    from thawing.accounts import services

    if not services.is_local_mode() or not services.is_set_up() or not services.local_needs_passphrase():
        raise ThawingError(msg("This is for a local profile with a passphrase. Add a passphrase in "
                               "Settings first (thawing serve)."))
    current = os.environ.get("THAWING_PASSPHRASE")
    if current is None:
        if not sys.stdin.isatty():
            raise ThawingError(msg("Please set THAWING_PASSPHRASE, or run this in a terminal to be asked."))
        current = getpass.getpass("The passphrase you use now: ")
    services.unlock_local(passphrase=current)
    if new_recovery_code:
        code = services.new_recovery_code(passphrase=current)
        out.print("Your old recovery code no longer works.")
    else:
        code = services.change_passphrase(current=current,
                                          new=_new_passphrase("THAWING_NEW_PASSPHRASE", "new passphrase"))
        out.print("Passphrase changed. Use the new one from now on.")
    out.print("Your data and the backups in Thawing\u2019s backups folder have moved to a new key: the old "
              "one opens none of them any more, even with an old copy of the data folder. Copies you "
              "made elsewhere (a backup you copied off this computer) still open with the passphrase "
              "and recovery code of their day: delete them, or keep them as safe as those.")
    if code:
        out.print("Your new recovery code opens your data if you ever forget your passphrase. Write it "
                  "down and keep it somewhere safe; it is shown only this once:")
        out.print(f"\n    [bold]{code}[/bold]\n", highlight=False)
    elif not new_recovery_code:
        out.print("Your recovery code keeps working.")


def adduser(
    username: str = typer.Argument(..., help="The new account\u2019s user name."),
    name: str = typer.Option("", help="Display name (optional)."),
    country: str = typer.Option("", help="Two-letter country code (optional)."),
    timezone: str = typer.Option("UTC", help="Time zone, like Europe/Berlin."),
) -> None:
    """Create an account (server mode, for operators). The password comes from a prompt or
    THAWING_NEW_PASSWORD."""
    setup.django()
    from django.conf import settings

    from thawing.accounts import services

    if settings.THAWING_MODE != "server":
        raise ThawingError(msg("Accounts are for server mode (THAWING_DATABASE_URL). In local "
                               "mode, use \u201cthawing init\u201d."))
    password = _new_passphrase("THAWING_NEW_PASSWORD", "password")
    services.create_account(username=username, password=password, name=name, country=country,
                            timezone=timezone)
    out.print(f"Account {username!r} created.")


def register(app: typer.Typer) -> None:
    app.command()(init)
    app.command()(adduser)
    app.command()(passphrase)

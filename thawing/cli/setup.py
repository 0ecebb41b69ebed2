"""Starting Django only when a command needs the database, and finding whose data it is."""

from __future__ import annotations

import getpass
import os
import sys
from typing import Any

from thawing.core.errors import Locked
from thawing.core.i18n import msg
from thawing.db.schema import migrate


def django() -> None:
    """Configure Django (once per process); in server mode also bring the schema up to date.

    A local database is brought up to date when it is opened, because with a passphrase it
    can only be read once its key is known (`thawing.accounts.vault.open_with`).
    """
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thawing.settings")
    from django.apps import apps

    if apps.ready:
        return
    import django as django_module

    django_module.setup()
    from pathlib import Path

    from django.conf import settings

    from thawing.accounts import vault

    vault.keep_private(Path(settings.DATA_DIR))
    if settings.THAWING_MODE != "local":
        migrate()


def user() -> Any:
    """The person whose data a command reads or writes.

    Local mode: the one profile, unlocked by THAWING_PASSPHRASE or a prompt.
    Server mode: the account named by THAWING_USER.
    """
    django()
    from thawing.accounts import services

    if not services.is_local_mode():
        found = services.account_named(os.environ.get("THAWING_USER", ""))
        if found is None:
            raise Locked(msg("In server mode, set THAWING_USER to the account to use."))
        return found
    if not services.is_set_up():
        raise Locked(msg("Thawing isn\u2019t set up yet. Run \u201cthawing init\u201d first, "
                         "or \u201cthawing serve\u201d to set it up in your browser."))
    passphrase = None
    if services.local_needs_passphrase():
        passphrase = os.environ.get("THAWING_PASSPHRASE")
        if passphrase is None:
            if not sys.stdin.isatty():
                raise Locked(msg("This profile is locked with a passphrase. Set "
                                 "THAWING_PASSPHRASE, or run the command in a terminal to be asked."))
            passphrase = getpass.getpass("Passphrase: ")
    return services.unlock_local(passphrase=passphrase)

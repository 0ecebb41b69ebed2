"""Backups, restore and deleting everything, from the terminal (local mode)."""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

import typer

from thawing.cli import setup
from thawing.cli.output import err, out
from thawing.core.errors import InvalidInput
from thawing.core.i18n import msg


def backup(
    show: bool = typer.Option(False, "--list", help="List the backups instead of making one."),
    keep: int = typer.Option(10, "--keep", min=1, max=1000, help="How many backups to keep."),
) -> None:
    """Make a backup of your data (encrypted like the data), even while Thawing is running."""
    setup.user()
    from thawing.accounts import backup as backups

    if show:
        found = backups.list_backups()
        if not found:
            out.print("No backups yet. Make one with: thawing backup")
        for item in found:
            out.print(f"{item.created_at:%Y-%m-%d %H:%M} UTC  {item.reason:<17} {item.size / 1e6:6.1f} MB  "
                      f"{item.path}", markup=False, highlight=False)
        return
    path = backups.make_backup(keep=keep)
    out.print(f"Backup saved: {path}", markup=False, highlight=False)
    out.print("It opens with the passphrase you use now. Copy it somewhere safe, away from this computer.")
    out.print("If you change your passphrase or recovery code later, the backups in this folder move to "
              "the new key with your data; a copy you keep elsewhere still opens with today\u2019s "
              "passphrase.")


def restore(
    file: Path = typer.Argument(..., help="A backup file made by thawing backup."),
    yes: bool = typer.Option(False, "--yes", help="Restore without asking (for scripts)."),
) -> None:
    """Replace your data with a backup. A backup of the data as it is now is made first."""
    setup.django()
    from thawing.accounts import backup as backups
    from thawing.accounts import services

    manifest = backups.read_manifest(file)
    out.print(f"Backup from {manifest['created_at']} (Thawing {manifest['app_version']}).", markup=False)
    if services.is_set_up() and services.local_needs_passphrase():
        # Open the current data first, so it can be backed up before it is replaced.
        setup.user()
    if not yes:
        if not sys.stdin.isatty():
            raise InvalidInput({"yes": msg("Add --yes to restore without a question.")})
        if input("Replace your current data with this backup? Type yes: ").strip().lower() != "yes":
            out.print("Nothing was changed.")
            return
    passphrase = None
    if manifest.get("encrypted"):
        passphrase = os.environ.get("THAWING_BACKUP_PASSPHRASE") or os.environ.get("THAWING_PASSPHRASE")
        if passphrase is None:
            if not sys.stdin.isatty():
                raise InvalidInput({"passphrase": msg(
                    "Set THAWING_BACKUP_PASSPHRASE to the passphrase this backup opens with.")})
            passphrase = getpass.getpass("The passphrase this backup opens with: ")
    backups.restore_backup(file, passphrase=passphrase)
    out.print("Restored. Your data is as it was in the backup; the data from just before is in "
              "the backups folder.")


def delete_everything(
    yes: bool = typer.Option(False, "--yes", help="Delete without asking (for scripts)."),
) -> None:
    """Delete every record of yours, and your backups. This cannot be undone."""
    user = setup.user()
    from thawing.accounts import backup as backups

    confirm = "delete" if yes else ""
    if not yes:
        if not sys.stdin.isatty():
            raise InvalidInput({"confirm": msg("Add --yes to delete without a question.")})
        err.print("This deletes every check-in, journal entry and record of yours, and your backups. "
                  "It cannot be undone. Consider an export first: thawing export --format json -o FILE")
        confirm = input("Type delete to go ahead: ")
    backups.delete_everything(user=user, confirm=confirm)
    out.print("Everything is deleted. Take care of yourself.")


def register(app: typer.Typer) -> None:
    app.command()(backup)
    app.command()(restore)
    app.command("delete-everything")(delete_everything)

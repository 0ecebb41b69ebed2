"""Field keys (server mode): make a new one, and re-encrypt every stored value with the current one."""

from __future__ import annotations

import secrets
from datetime import date

import typer

from thawing.cli import setup
from thawing.cli.output import err, out
from thawing.core.errors import InvalidInput


def new_field_key(
    key_id: str = typer.Option("", "--id", help="A name for the key (default: today's date and 4 "
                               "random hex digits). Letters, digits, _ . or -, up to 32."),
) -> None:
    """Print a new random field key as ID:KEY, for THAWING_FIELD_KEYS."""
    from thawing.core import fieldcrypt

    key_id = key_id or f"{date.today():%Y%m%d}-{secrets.token_hex(2)}"
    if not fieldcrypt.KEY_ID.fullmatch(key_id):
        raise InvalidInput({"id": "A key id is 1-32 characters of letters, digits, _ . or -."})
    print(f"{key_id}:{fieldcrypt.encode_key(fieldcrypt.new_key())}")
    err.print("Put it first in THAWING_FIELD_KEYS, keep the older keys after it, restart, then run "
              "thawing rotate-key. Keep a copy somewhere safe: without it the text cannot be read.")


def rotate_key(
    batch_size: int = typer.Option(500, "--batch-size", min=1, max=100_000,
                                   help="Rows re-encrypted per transaction."),
) -> None:
    """Re-encrypt every encrypted value with the first key of THAWING_FIELD_KEYS, sealed to its owner
    (plaintext and older envelopes too); afterwards values that are not are refused."""
    from rich.table import Table

    setup.django()
    from thawing.accounts import services

    if services.is_local_mode():
        setup.user()
    from thawing.db.fields import keyring
    from thawing.db.rotation import rotate_field_keys

    ring = keyring()
    if ring is None:
        # The service says what to do; nothing else to print.
        rotate_field_keys(batch_size=batch_size)
        return
    out.print(f"Re-encrypting with field key {ring.current!r}\u2026", markup=False)
    counts = rotate_field_keys(batch_size=batch_size)
    # Counts of values: sealed anew from an older key, an older envelope (bound to its column
    # only) or plaintext; left as they were; and those that could not be opened.
    table = Table("column", "old key", "old envelope", "plain", "current", "empty", "unreadable",
                  box=None, show_edge=False)
    for c in counts:
        table.add_row(c.column, str(c.from_older_key), str(c.from_older_envelope), str(c.from_plaintext),
                      str(c.already_current), str(c.empty), str(c.unreadable))
    out.print(table)
    done = sum(c.from_older_key + c.from_older_envelope + c.from_plaintext for c in counts)
    out.print(f"{done} values re-encrypted in {len(counts)} columns. From now on, a value that is not "
              "sealed to its owner with this kind of envelope is shown as unreadable.", markup=False)
    for c in counts:
        if c.unreadable:
            # Row numbers only: the operator can look at them, the text stays sealed.
            rows = ", ".join(str(pk) for pk in c.unreadable_rows[:20])
            more = f" and {c.unreadable - 20} more" if c.unreadable > 20 else ""
            out.print(f"{c.column}: {c.unreadable} values do not open with their key and were left as "
                      f"they are (rows {rows}{more}): changed, or moved from another column or person.",
                      markup=False)
    older = ", ".join(repr(key_id) for key_id in ring.keys if key_id != ring.current)
    if older:
        out.print(f"Every value now uses {ring.current!r}. If every server already had it first when "
                  f"this started, {older} can be removed from THAWING_FIELD_KEYS.", markup=False)


def register(app: typer.Typer) -> None:
    app.command("new-field-key")(new_field_key)
    app.command("rotate-key")(rotate_key)

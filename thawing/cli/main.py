"""The Typer app: one module per command group, each a thin shell over services.

`thawing checkin` and `thawing journal` are usually answered before this module is even imported,
by `thawing/cli/quick.py` (see `thawing/__main__.py`).
"""

from __future__ import annotations

import typer

import thawing

app = typer.Typer(
    name="thawing",
    help="Thawing: a private daily companion for when you feel numb, flat or far away.",
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        print(f"thawing {thawing.__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Show the version and stop."),
) -> None:
    """Notice, name and write down what you feel, even when the answer is nothing."""


from thawing.cli import (  # noqa: E402
    accounts,
    backup,
    care,
    checkins,
    data,
    doing,
    emotions,
    fieldkeys,
    habits,
    insights,
    journal,
    practices,
    records,
    rhythm,
    screening,
    server,
    today,
)

# --help lists the commands in this order; `today` sits between the check-in commands and
# `acknowledge`, where it has always been.
for register in (server.register, accounts.register, checkins.register, today.register,
                 checkins.register_shut_down):
    register(app)
for module in (journal, emotions, screening, care, practices, doing, habits,
               rhythm, records, insights, backup, data, fieldkeys):
    module.register(app)

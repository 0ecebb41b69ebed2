"""Bringing the database schema up to date: the one place that asks Django's migrations.

Below every app, so opening a local profile (accounts.vault) and starting a command
(cli.setup) use the same check without either importing the other.
"""

from __future__ import annotations


def pending_migrations() -> bool:
    """True when the database schema is behind this version of Thawing."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    return bool(executor.migration_plan(executor.loader.graph.leaf_nodes()))


def migrate() -> None:
    """Apply any migrations not yet applied, quietly; fast when there are none."""
    from django.core.management import call_command

    if pending_migrations():
        call_command("migrate", interactive=False, verbosity=0)
